"""Installed distributions' ``okrlint`` entry points, read without importing ``importlib.metadata``.

``importlib.metadata`` (with ``email`` and friends) costs ~15 ms to import and scan on every start; a
pre-commit run pays it on every commit. Entry points are plain ``entry_points.txt`` files in the
``*.dist-info`` / ``*.egg-info`` folders on ``sys.path``, so they are read directly, with the same rule as
``importlib.metadata.entry_points()``: the first distribution of a name on the path wins.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterable

import attrs

_SEPARATORS = re.compile(r"[-_.]+")
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


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
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:  # a zip file or a folder that is gone: no installed metadata there
            continue
        for name in names:
            if not name.endswith(_METADATA_SUFFIXES):
                continue
            distribution = _SEPARATORS.sub("-", name.rsplit(".", 1)[0].split("-", 1)[0]).lower()
            if distribution in seen:
                continue
            seen.add(distribution)
            found.extend(_read(os.path.join(folder or ".", name, "entry_points.txt"), group, distribution))
    return found


def _read(path: str, group: str, distribution: str) -> list[EntryPoint]:
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
            points.append(EntryPoint(name.strip(), value.strip(), distribution))
    return points
