import atexit as _atexit
import os as _os
import shutil as _shutil
import tempfile as _tempfile

# The CLI caches per-file results in .okrlint_cache of the working directory; tests keep theirs apart, in a
# folder of this session's own that is removed when the session ends (not left behind in the temporary directory).
if "OKRLINT_CACHE" not in _os.environ:
    _os.environ["OKRLINT_CACHE"] = _cache = _tempfile.mkdtemp(prefix="okrlint-test-cache-")
    _atexit.register(_shutil.rmtree, _cache, ignore_errors=True)
