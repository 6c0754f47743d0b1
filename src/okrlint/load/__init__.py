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


# A baseline or target left as a form's letter ("from X to Y", "N ครั้ง"): a placeholder (kr-placeholder), never a
# number, nor a done-word ("Y" is not "Yes"), nor a value of the wrong kind (non-numeric-value).
_PLACEHOLDER_LETTER = regexcache.compile(r"\s*[XYNZ]\s*")


def is_placeholder_letter(text: object) -> bool:
    return isinstance(text, str) and _PLACEHOLDER_LETTER.fullmatch(text) is not None


def key_result_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The value fields of a KeyResult from what a loader read (every loader reads the same fields)."""
    values = {name: fields.get(name) for name in KEY_RESULT_VALUE_FIELDS}
    values["depends_on"] = tuple(fields.get("depends_on", ()))
    if values.get("baseline") is not None and values.get("target_text"):
        from okrlint.text.numbers import relative_target

        resolved = relative_target(values["baseline"], values.get("baseline_text") or "", values["target_text"])
        if resolved is not None:  # "เพิ่มขึ้นร้อยละ 10" from 185,000 baht is 203,500 baht, not 10
            values["target"] = resolved
    if values.get("baseline") is not None and values.get("target") is not None:
        _in_one_unit(values)
    return values


# A unit (column, `unit:` field) that counts in a scale: "ล้านบาท", "million", "$M", "พันคน" (a bare "m" is metres).
_SCALED_UNIT = regexcache.compile(
    r"\s*(?:[$฿€£]\s*(?P<short>[mkbMKB])(?![A-Za-z])|(?P<scale>ล้าน|แสน|หมื่น|พัน|(?i:million|billion|thousand|mn|bn))(?![A-Za-z]))")
# The same scale after a value's digits: "2.5 ล้าน", "$1.2M", "4.2 million"
_WRITTEN_SCALE = regexcache.compile(
    r"[0-9๐-๙]\s*(?P<scale>ล้าน(?!ล้าน)|แสน|หมื่น|พัน(?!ล้าน)|(?i:million|billion|thousand|mn|bn|[mkb]))(?![A-Za-z])")
_SCALES = {"ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
           "billion": 1e9, "bn": 1e9, "b": 1e9, "thousand": 1e3, "k": 1e3}


def _mention_of(text: str | None, value: float):
    """The number in a written baseline or target that gave ``value`` ("ไม่เกิน 60 วินาที" -> 60 วินาที)."""
    if not text:
        return None
    from okrlint.text.numbers import read_numbers

    return next((m for m in read_numbers(text) if m.value == value), None)


def _in_one_unit(values: dict[str, Any]) -> None:
    """A baseline and a target written in different units of one kind, made comparable, as a title's
    "from 3 minutes to 60 seconds" is: durations in the smaller of the two units (``3 นาที`` -> ``ไม่เกิน 60
    วินาที`` is 180 -> 60 seconds; a unit given becomes the one the values are now in), and a value written with
    the scale the unit column already counts in (unit ``ล้านบาท``, target ``2.5 ล้าน``) in that unit's terms.
    What was written stays in ``baseline_text`` / ``target_text``."""
    from okrlint.text.numbers import to_base_unit

    unit = (values.get("unit") or "").strip() or None
    mentions = {field: _mention_of(values.get(f"{field}_text"), values[field]) for field in ("baseline", "target")}
    units = {field: (m.unit if m is not None and m.unit else unit) for field, m in mentions.items()}
    seconds = {field: to_base_unit(values[field], units[field]) for field in ("baseline", "target")}
    if (all(u == "s" for _, u in seconds.values()) and units["baseline"] and units["target"]
            and units["baseline"].lower() != units["target"].lower()):
        per_unit = {field: to_base_unit(1.0, units[field])[0] for field in ("baseline", "target")}
        if per_unit["baseline"] != per_unit["target"]:
            smaller = min(("baseline", "target"), key=lambda field: per_unit[field])
            for field in ("baseline", "target"):
                values[field] = seconds[field][0] / per_unit[smaller]
            if unit is not None:
                values["unit"] = units[smaller]  # a unit column's "นาที" under "90 วินาที": the values' unit now
        return
    scaled = _SCALED_UNIT.match(unit) if unit else None
    if scaled is None:
        return
    factor = _SCALES[(scaled["short"] or scaled["scale"]).lower()]
    for field, mention in mentions.items():
        written = _WRITTEN_SCALE.search(mention.text) if mention is not None else None
        if written is not None and _SCALES[written["scale"].lower()] == factor:
            values[field] = values[field] / factor  # "2.5 ล้าน" beside a unit of ล้านบาท: 2.5, as the other cells


def pick_loader(loaders: Iterable[Loader], filename: str, *, explicit: bool) -> Loader | None:
    name = Path(filename).name
    matching = [ld for ld in loaders if (ld.reads(name) if explicit else ld.discovers(name))]
    if not matching:
        return None
    return max(matching, key=lambda ld: ld.priority)
