"""Unresolved version-control merge conflicts in text files (``<<<<<<<`` … ``=======`` … ``>>>>>>>``).

A conflicted file is what git leaves in the working tree, and what a pre-commit hook sees when someone
commits in a hurry. Read as it stands, both sides of each conflict would become key results and the markers
titles. Instead the markers and the incoming side are blanked out (line numbers stay true), the file's own
side is read, and every conflict is reported as an input error, so the run fails until it is resolved.
"""

from __future__ import annotations

import re

from okrlint.model import InputError, Location

_START = re.compile(r"<{7}(?:[ \t].*)?")
_BASE = re.compile(r"\|{7}(?:[ \t].*)?")  # diff3 style: the common ancestor's lines follow
_MIDDLE = re.compile(r"={7}[ \t]*")
_END = re.compile(r">{7}(?:[ \t].*)?")


def resolve_conflicts(text: str, filename: str) -> tuple[str, tuple[InputError, ...]]:
    """``text`` with each conflict reduced to its first side, and an error for each conflict.

    Only complete conflicts count (a start, a ``=======`` and an end marker in that order): a lone
    ``=======`` is a Markdown heading underline.
    """
    if "<<<<<<<" not in text or ">>>>>>>" not in text:
        return text, ()
    lines = text.splitlines(keepends=True)
    errors = []
    index = 0
    while index < len(lines):
        if not _START.fullmatch(lines[index].rstrip("\r\n")):
            index += 1
            continue
        region = _conflict_at(lines, index)
        if region is None:
            index += 1
            continue
        base, middle, end = region
        for number in [index, *range(base if base is not None else middle, end + 1)]:
            lines[number] = _blank(lines[number])
        errors.append(InputError(
            f"unresolved merge conflict (lines {index + 1}-{end + 1}): the side before '=======' is linted; "
            "resolve the conflict and remove the markers", Location(filename, index + 1, 1)))
        index = end + 1
    return "".join(lines), tuple(errors)


def _conflict_at(lines: list[str], start: int) -> tuple[int | None, int, int] | None:
    base = middle = None
    for number in range(start + 1, len(lines)):
        line = lines[number].rstrip("\r\n")
        if _START.fullmatch(line):
            return None  # another conflict starts before this one ends
        if middle is None and base is None and _BASE.fullmatch(line):
            base = number
        elif middle is None and _MIDDLE.fullmatch(line):
            middle = number
        elif middle is not None and _END.fullmatch(line):
            return base, middle, number
    return None


def _blank(line: str) -> str:
    ending = line[len(line.rstrip("\r\n")):]
    return ending
