"""PyYAML, imported with the regular expressions its modules compile at import taken from okrlint's kept store.

PyYAML compiles a dozen patterns when it is imported (the reader's non-printable character class alone costs
~4 ms), on every run of okrlint, for a single file in pre-commit too. They are the same every time, so they come
from :mod:`okrlint.text.regexcache` like okrlint's own. Import ``yaml`` from here, never directly, so that the
first import is this one.
"""

from __future__ import annotations

import sys

if "yaml" in sys.modules:
    import yaml
else:
    from okrlint.text.regexcache import compiled_through_store

    with compiled_through_store():
        import yaml

__all__ = ["yaml"]
