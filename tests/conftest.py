import os as _os
import tempfile as _tempfile

# The CLI caches per-file results in .okrlint_cache of the working directory; tests keep theirs apart.
_os.environ.setdefault("OKRLINT_CACHE", _tempfile.mkdtemp(prefix="okrlint-test-cache-"))
