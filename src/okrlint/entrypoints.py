"""Installed distributions' ``okrlint`` entry points, read without importing ``importlib.metadata``.

``importlib.metadata`` (with ``email`` and friends) costs ~15 ms to import and scan on every start; a
pre-commit run pays it on every commit. Entry points are plain ``entry_points.txt`` files in the
``*.dist-info`` / ``*.egg-info`` folders on ``sys.path``, so they are read directly, with the same rule as
``importlib.metadata.entry_points()``: the first distribution of a name on the path wins.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable

import attrs

from okrlint.text import regexcache, stored

_SEPARATORS = regexcache.compile(r"[-_.]+")
_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_kept = stored.KeptDict(lambda: "entry-points.marshal", 100)  # (folder, group) -> (modified, listing)


@attrs.frozen
class EntryPoint:
    name: str
    value: str  # "package.module:attribute" (optionally with "[extras]")
    distribution: str

    def load(self):
        module_name, _, attribute = self.value.partition(":")
        target = importlib.import_module(module_name.strip())
        attribute = attribute.split("[", 1)[0].strip()
        for part in attribute.split(".") if attribute else ():
            target = getattr(target, part)
        return target


def entry_points(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for folder in sys.path if path is None else path:
        for distribution, points in _folder_entry_points(folder or ".", group) or ():
            if distribution in seen:
                continue
            seen.add(distribution)
            found.extend(EntryPoint(name, value, distribution) for name, value in points)
    return found


def _folder_entry_points(folder: str, group: str) -> list | None:
    """[(distribution, [(name, value)])] for the distributions installed in ``folder``, in name order.

    Reading every ``entry_points.txt`` of a full site-packages takes a few milliseconds, at every start.
    Installing, upgrading or removing a distribution adds or removes its metadata folder, which changes the
    folder's modification time, so the listing is kept in the private folder while that time is unchanged.
    """
    try:
        modified = os.stat(folder).st_mtime_ns
    except OSError:  # a folder that is gone
        return None
    key = (os.path.abspath(folder), group)
    kept = _kept.get(key)
    if type(kept) is tuple and len(kept) == 2 and kept[0] == modified:
        return kept[1]
    try:
        names = sorted(os.listdir(folder))
    except OSError:  # a zip file: no installed metadata there
        return None
    listing = []
    for name in names:
        if name.endswith(_METADATA_SUFFIXES):
            distribution = _SEPARATORS.sub("-", name.rsplit(".", 1)[0].split("-", 1)[0]).lower()
            listing.append((distribution, _read(os.path.join(folder, name, "entry_points.txt"), group)))
    _kept.keep(key, (modified, listing))
    return listing


def _read(path: str, group: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    section = None
    points = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            name, _, value = line.partition("=")
            points.append((name.strip(), value.strip()))
    return points
