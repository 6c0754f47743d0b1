"""YAML front matter at the top of a draft (``---`` ... ``---``): the set's team, level, period and so on."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

import attrs
from okrlint.load.pyyaml import yaml

from okrlint.load import LoadError
from okrlint.load.yamlio import compose_documents, plain_value, position
from okrlint.model import ExtraField, InputError, Location

if TYPE_CHECKING:
    from okrlint.load.draft import DraftLine
    from okrlint.load.draft_fields import FieldReader

FRONT_MATTER_KEYS = ("team", "level", "period", "owner", "language", "aligns_to")
_FENCE = "---"
_CLOSING = ("---", "...")


_SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w -]{0,30}?)\s*:\s+(\S.*?)\s*$")


def _read_simple_lines(block: "list[DraftLine]", fields: "FieldReader") -> None:
    """Front matter that is not valid YAML: its lines of the form "key: value" for known keys, value as written
    ("period: Q1: 2027" gives the period "Q1: 2027"); the YAML error is reported all the same."""
    for line in block:
        match = _SIMPLE_LINE.match(line.text)
        if match and match.group(1).strip().lower() in FRONT_MATTER_KEYS:
            value = match.group(2).strip().strip("\"'")
            fields.read(match.group(1).strip().lower(), value, attrs.evolve(line.location, column=match.start(2) + 1))


def read_front_matter(lines: "list[DraftLine]", fields: "FieldReader", errors: list[InputError]) -> int:
    """Read front matter into ``fields``; return the index of the first line after it (0 when none)."""
    if not lines or lines[0].text.strip() != _FENCE:
        return 0
    end = next((i for i in range(1, len(lines)) if lines[i].text.strip() in _CLOSING), None)
    if end is None:
        return 0  # a lone "---" is a rule, not front matter
    block = lines[1:end]
    text = "\n".join(line.text for line in block)

    def where(line_index: int, column: int) -> Location:
        if not block:
            return lines[0].location
        base = block[min(max(line_index, 0), len(block) - 1)].location
        return attrs.evolve(base, column=base.column + column)

    try:
        documents = compose_documents(text)
    except LoadError as exc:
        errors.append(InputError(f"front matter: {exc.message}", where(exc.line - 1, exc.column - 1)))
        _read_simple_lines(block, fields)  # the keys that are plain "key: value" lines still count
        return end + 1
    if not documents:
        return end + 1
    root = documents[0]
    if not isinstance(root, yaml.MappingNode):
        errors.append(InputError("front matter must be a mapping such as 'team: sales'", where(0, 0)))
        return end + 1
    for key_node, value_node in root.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        line, column = position(value_node)
        location = where(line - 1, column - 1)
        try:
            value = plain_value(value_node)
        except LoadError as exc:
            errors.append(InputError(f"front matter: {exc.message}", location))
            continue
        if key in FRONT_MATTER_KEYS:
            if isinstance(value, dict):
                errors.append(InputError(f"front matter: '{key}' must be text, not a mapping", location))
                continue
            fields.read_value(key, value, location)
        else:
            key_line, key_column = position(key_node)
            close = difflib.get_close_matches(key, FRONT_MATTER_KEYS, n=1, cutoff=0.6)
            fields.extras.append(ExtraField(key, value, where(key_line - 1, key_column - 1), close[0] if close else None))
    return end + 1
