"""Plain data kept between runs in okrlint's private per-user folder (``segment.derived_data_dir``).

marshal, not JSON or pickle: it holds plain data only and reads several times faster than JSON at every
start. The folder belongs to the user alone, so the files are trusted as far as their type goes; a
missing, damaged or foreign file reads as empty and is rewritten.
"""

from __future__ import annotations

import atexit
import marshal
import os
from collections.abc import Callable
from pathlib import Path


def read_dict(path: Path) -> dict:
    try:
        data = marshal.loads(path.read_bytes())  # not marshal.load(file): that reads in small pieces
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def write(path: Path, data) -> None:
    """Replace ``path`` atomically; a folder that cannot be written only costs the next run some time."""
    try:
        encoded = marshal.dumps(data)
        new = not path.exists()
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(encoded)
        os.replace(temporary, path)
    except (OSError, ValueError):
        return
    if new:
        prune_siblings(path)


KEPT_PER_KIND = 16  # files of one kind ("segments-…", "vocab-…") kept: several vocabularies and versions in use


def prune_siblings(path: Path, keep: int = KEPT_PER_KIND) -> None:
    """Remove the oldest files of ``path``'s kind beyond the newest ``keep``.

    Files are named ``<kind>-<digest of what they derive from>``: every new okrlint version, message catalogue or
    edit of an organisation's vocabulary starts a new one, and the old ones would pile up (a 2 MB segmenter memo
    per vocabulary edit). Called when a new file is written; a file still in use that is removed is only made
    again by the next run that needs it.
    """
    kind = path.name.split("-", 1)[0]
    try:
        siblings = []
        for entry in os.scandir(path.parent):
            if (entry.name.startswith(f"{kind}-") and not entry.name.endswith(".tmp") and entry.name != path.name
                    and entry.is_file(follow_symlinks=False)):
                siblings.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    except OSError:
        return
    siblings.sort(reverse=True)
    for _, old in siblings[max(keep - 1, 0):]:
        try:
            os.unlink(old)
        except OSError:
            pass


class KeptDict:
    """A dict kept in the private folder between runs: read on first use, written back at exit when it grew.

    ``filename()`` names its file (it holds what the entries depend on, e.g. the interpreter's version); at most
    ``max_entries`` are kept.
    """

    def __init__(self, filename: Callable[[], str], max_entries: int):
        self._filename = filename
        self.max_entries = max_entries
        self._data: dict | None = None
        self._added = False
        self._used: set = set()  # keys this process read or added: they survive a clean-out

    def path(self) -> Path:
        from okrlint.text.segment import derived_data_dir

        return derived_data_dir() / self._filename()

    def data(self) -> dict:
        if self._data is None:
            self._data = read_dict(self.path())
            atexit.register(self.save)
        return self._data

    def get(self, key):
        """The kept value of ``key`` (None when there is none); the key is marked as in use."""
        value = self.data().get(key)
        if value is not None:
            self._used.add(key)
        return value

    def keep(self, key, value) -> None:
        data = self.data()
        if len(data) >= self.max_entries:
            # Full, mostly of what older versions or other runs needed: keep only what this process used.
            for old in [k for k in data if k not in self._used]:
                del data[old]
        if len(data) < self.max_entries:
            data[key] = value
            self._used.add(key)
            self._added = True

    def save(self) -> None:
        if self._added and self._data:
            write(self.path(), self._data)

    def forget(self) -> None:
        """Drop what was read (the next use reads the file again, as a new run would)."""
        self._data = None
        self._added = False
