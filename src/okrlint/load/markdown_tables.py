"""Pipe tables in Markdown and plain-text drafts, read like spreadsheet rows.

Drafts kept in a wiki, a README or a Notion export often hold their OKRs in a GitHub-flavoured table:
a header row, a separator row of dashes, then one row per objective or key result. Such a table goes
through the same header detection and row layouts as a spreadsheet (``tables.py``); a table without an
Objective / Key result column (a schedule, a glossary) is skipped. ``<br>`` inside a cell is a line break,
so several key results may share a cell as they do in a spreadsheet.
"""

from __future__ import annotations

import re

import attrs

from okrlint.load.tables import Table
from okrlint.load.withdrawn import without_struck
from okrlint.model import Location

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# One pass over a cell: a backslash escape gives its character as written (so an escaped "\*\*" or "\<br>"
# stays text), "<br>" is a line break, emphasis and code marks go.
_CELL_MARKUP = re.compile(r"\\(?P<escaped>[!-/:-@\[-`{-~])|(?P<br><br\s*/?>)|\*\*|__|`", re.IGNORECASE)


@attrs.frozen
class PipeTable:
    """Cell texts and where each cell starts: ``cells[row][column] = (line, column, text)`` (1-based)."""

    cells: tuple[tuple[tuple[int, int, str], ...], ...]

    def as_table(self, filename: str, team: str) -> Table:
        rows = [[text for _, _, text in row] for row in self.cells]

        def locate(row: int, column: int) -> Location:
            cells = self.cells[min(row, len(self.cells) - 1)]
            if column < len(cells):
                line, col, _ = cells[column]
                return Location(filename, line, col)
            return Location(filename, cells[0][0] if cells else 1, 1)

        return Table(rows, locate, team=team, optional=True)


def split_tables(text: str, *, markdown: bool = True) -> tuple[list[PipeTable], str]:
    """The pipe tables of ``text``, and the text with their lines left blank (line numbers unchanged).

    With ``markdown`` the cells' backslash escapes (``\\$``, ``\\~``, ``\\*``) are undone, as in the rest of a
    Markdown draft; otherwise (plain text) only ``\\|``, which is table syntax.
    """
    lines = text.splitlines(keepends=True)
    tables: list[PipeTable] = []
    index = 0
    while index < len(lines) - 1:
        if "|" in lines[index] and _SEPARATOR.match(lines[index + 1].rstrip("\r\n")) and "|" in lines[index + 1] + lines[index]:
            start = index
            rows = [_cells(lines[index], index + 1, markdown)]
            index += 2
            while index < len(lines) and lines[index].strip() and "|" in lines[index]:
                rows.append(_cells(lines[index], index + 1, markdown))
                index += 1
            tables.append(PipeTable(tuple(rows)))
            for blank in range(start, index):
                lines[blank] = "\n" if lines[blank].endswith(("\n", "\r")) else ""
            continue
        index += 1
    return tables, "".join(lines)


def _cells(line: str, number: int, markdown: bool = True) -> tuple[tuple[int, int, str], ...]:
    """The cells of one table row, split on unescaped pipes; the outer pipes are optional."""
    body = line.rstrip("\r\n")
    cells = []
    start = 0
    position = 0
    while position <= len(body):
        if position == len(body) or (body[position] == "|" and (position == 0 or body[position - 1] != "\\")):
            cells.append((start, body[start:position]))
            start = position + 1
        position += 1
    if cells and not cells[0][1].strip() and body.lstrip().startswith("|"):
        cells = cells[1:]  # before the leading pipe
    if cells and not cells[-1][1].strip() and body.rstrip().endswith("|"):
        cells = cells[:-1]  # after the trailing pipe
    result = []
    for offset, raw in cells:
        stripped = raw.strip()
        column = offset + (len(raw) - len(raw.lstrip())) + 1
        text = _CELL_MARKUP.sub(lambda match: _cell_markup(match, markdown), stripped)
        if "~~" in text and markdown:  # words struck out of a cell that stays; a cell struck whole is withdrawn
            text = without_struck(text)
        result.append((number, column, "\n".join(part.strip() for part in text.split("\n"))))
    return tuple(result)


def _cell_markup(match: re.Match, markdown: bool) -> str:
    escaped = match.group("escaped")
    if escaped is not None:
        return escaped if markdown or escaped == "|" else match.group(0)
    return "\n" if match.group("br") else ""
