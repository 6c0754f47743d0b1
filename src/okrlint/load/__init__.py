"""Loaders: one per input format, each returning the same model (okrlint.model.LoadResult).

Loaders are registered through the ``okrlint_loaders`` hook, built-in ones included.
"""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from okrlint.model import LoadResult
from okrlint.text import regexcache


@functools.cache
def _glob(pattern: str):
    """``fnmatch.fnmatchcase``'s compiled pattern, kept between runs with okrlint's own patterns."""
    return regexcache.compile(fnmatch.translate(pattern))


class LoadError(Exception):
    """Raised inside a loader for a whole-file problem; becomes one InputError with this line."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _as_tuple(items) -> tuple:
    # A Python function, not ``tuple`` itself: attrs reads a converter's signature, and for a builtin that
    # means inspect's text-signature parser (tokenize and its regexes), ~10 ms of every run's start-up.
    return tuple(items)


@attrs.frozen
class Loader:
    """A file format okrlint can read.

    ``discover`` globs are matched when a directory is walked; ``suffixes`` are read when a file is
    named explicitly on the command line. ``load(path, data, options)`` gets the raw bytes.
    """

    name: str
    load: Callable[[str, bytes, Mapping[str, Any]], LoadResult] = attrs.field(eq=False)
    discover: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    suffixes: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple)
    priority: int = 0

    def discovers(self, filename: str) -> bool:
        name = filename.lower()
        return any(_glob(pattern).match(name) for pattern in self.discover)

    def reads(self, filename: str) -> bool:
        name = filename.lower()
        return self.discovers(filename) or any(name.endswith(suffix) for suffix in self.suffixes)


KEY_RESULT_VALUE_FIELDS = (
    "baseline", "target", "baseline_text", "target_text", "unit", "due", "due_text", "owner", "score", "confidence",
)


def key_result_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The value fields of a KeyResult from what a loader read (every loader reads the same fields)."""
    values = {name: fields.get(name) for name in KEY_RESULT_VALUE_FIELDS}
    values["depends_on"] = tuple(fields.get("depends_on", ()))
    if values.get("baseline") is not None and values.get("target_text"):
        from okrlint.text.numbers import relative_target

        resolved = relative_target(values["baseline"], values.get("baseline_text") or "", values["target_text"])
        if resolved is not None:  # "เพิ่มขึ้นร้อยละ 10" from 185,000 baht is 203,500 baht, not 10
            values["target"] = resolved
    return values


def pick_loader(loaders: Iterable[Loader], filename: str, *, explicit: bool) -> Loader | None:
    name = Path(filename).name
    matching = [ld for ld in loaders if (ld.reads(name) if explicit else ld.discovers(name))]
    if not matching:
        return None
    return max(matching, key=lambda ld: ld.priority)
