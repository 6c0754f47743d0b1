"""Tables of plain-text drafts whose columns are lined up with spaces, read like pipe tables.

Text copied from a PDF (``pdftotext -layout``, a PDF viewer's copy) keeps a plan's table as lines whose
columns are runs of spaces apart::

    ตัวชี้วัด                                  ค่าฐาน ๒๕๖๘    ค่าเป้าหมาย ๒๕๗๐   หน่วยนับ
    ๑.๑ ร้อยละของกรณีที่ได้รับการช่วยเหลือ          ๗๐              ๙๐             ร้อยละ
    ภายใน ๒๔ ชั่วโมง

A header line is one whose segments (split on two or more spaces) name a key-result column and a baseline or
target column (``columns.field_for_header``). The lines below it are read by the display column where each
segment starts (Thai vowel and tone marks take no width, wide characters two), each segment going to the
nearest column in order: a line of one segment under the title column continues the row above (a wrapped
title), a line of years under the header names the years of a multi-year column ("ค่าเป้าหมาย" over
๒๕๖๙ | ๒๕๗๐ | ๒๕๗๑), an indented line that does not fit the columns (a note: "ค่าเป้าหมายรายไตรมาส ...") is not
a row. The table ends at a blank line followed by anything but a row, at an objective label, a note label
or another header. A results report (a column of results or assessments: ผลการดำเนินงาน, ผลการประเมิน,
Actual) is not a plan and is left to the text reader, as are tables with no row.

The tables come back as :class:`PipeTable` (every cell with its real line and column), and the text with
their lines left blank, line numbers unchanged, for ``draft._with_tables``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from okrlint.load.columns import HEADER_NAMES, check_mapping, normalise, read_header
from okrlint.load.markdown_tables import PipeTable
from okrlint.text import regexcache

_NEWLINE = re.compile(r"\r\n|\r|\n")
_GAP = re.compile(r"\t|  +")  # two spaces or a tab separate columns
_SEGMENT = re.compile(r"[^\s](?:[^\S\t\r\n]?[^\s])*")  # words joined by single spaces (not by a tab)
MAX_HEADER_CELL = 50  # characters; longer segments are sentences, never header cells
# A year heading a sub-column: "๒๕๗๐", "2570", "ปี 2570", "พ.ศ. ๒๕๗๐", "FY2026".
_YEAR = re.compile(r"(?:(?:ปี(?:งบประมาณ)?|fy|year)\s*)?(?:พ\.\s?ศ\.\s*)?[0-9๐-๙]{4}", re.IGNORECASE)
# Columns of what was reached: the table is a results report, not a plan (a past year's results are a
# baseline, which field_for_header tells).
_RESULTS_COLUMN = re.compile(r"(?:ผลการดำเนินงาน|ผลการประเมิน|ผลการปฏิบัติงาน|ผลงาน|ผลที่ได้|ผลสำเร็จ|actual|result|achieved)")
# A numbered title ("๑.๒ ร้อยละ...", "1.2 ...", "KR 3:", "2) ..."): a new row, even alone on its line.
_NUMBERED = regexcache.compile(r"(?:(?:kr|o)\s*[0-9๐-๙]|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})+\.?\s|[0-9๐-๙]{1,3}[.)]\s)", re.IGNORECASE)
_DIGIT = re.compile(r"[0-9๐-๙]")
# A cell that opens with a figure ("95%", "-2", "£4.2m"), not with a word continuing the cell above ("and 95%", "per …")
_VALUE_OPENING = regexcache.compile(r"[-+−±~≈<>≤≥]?\s*[$£€฿¥]?\s*[0-9๐-๙]")
_PAGE_NUMBER = re.compile(r"\s*[-–—]?\s*(?:(?i:page)\s*|หน้า(?:ที่)?\s*)?[0-9๐-๙]{1,3}(?:\s*(?:/|of|จาก)\s*[0-9๐-๙]{1,3})?\s*[-–—]?\s*")
# Ends of a table: the reader's own labels for an objective, a strategy heading, a section heading.
_ENDING_LABELS = frozenset({"objective", "strategy", "section"})
# A header line names one of these columns plainly (as written or at the head of its cell) before the cells
# are matched forgivingly: fuzzy matching every segment of every line of prose would take seconds.
_PLAIN_NAMES = tuple(sorted({normalise(name) for field in ("key_result", "baseline", "target")
                             for name in HEADER_NAMES[field]}, key=len, reverse=True))
_ANY_NAME = re.compile("|".join(r"\s*".join(map(re.escape, name.split())) for field in ("key_result", "baseline", "target")
                                for name in sorted(HEADER_NAMES[field], key=len, reverse=True)), re.IGNORECASE)


@attrs.frozen
class _Segment:
    start: int  # display columns, 0-based, end exclusive
    end: int
    char: int  # character index in the line, 0-based
    text: str

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


@attrs.frozen
class _Column:
    start: int
    end: int

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


def char_width(ch: str) -> int:
    """Display width of one character: combining marks (Thai vowels above and below, tone marks) and format
    characters take none, East Asian wide characters two."""
    if ch < "\u0300":
        return 1
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


MAX_TEXT_TABLE_COLUMNS = 100  # a table of OKRs has a dozen columns; a "header" of hundreds is not one


def segments(line: str) -> list[_Segment]:
    """The runs of text of a line separated by two or more spaces (or a tab), with display positions."""
    if not line.strip():
        return []
    positions = []
    width = 0
    for ch in line:
        positions.append(width)
        width = (width // 8 + 1) * 8 if ch == "\t" else width + char_width(ch)
    positions.append(width)
    return [_Segment(positions[m.start()], positions[m.end()], m.start(), m.group()) for m in _SEGMENT.finditer(line)]


def split_text_tables(text: str, options: Mapping[str, Any] | None = None,
                      page_furniture: frozenset[int] = frozenset()) -> tuple[list[PipeTable], str]:
    """The space-aligned tables of a plain-text draft, and the text with their lines left blank.

    ``page_furniture`` holds the (1-based) lines a page break's footer, header or page number stood on, now blank: a
    row cut there goes on across them ("… after dark, as measured" / footer / header / "in the annual survey")."""
    if "  " not in text and "\t" not in text:
        return [], text
    mapping = _mapping(options or {})
    if not mapping and not _ANY_NAME.search(text):
        return [], text
    parts = _NEWLINE.split(text)
    endings = _NEWLINE.findall(text) + [""]
    tables: list[PipeTable] = []
    blank: set[int] = set()
    index = 0
    while index < len(parts):
        header = _header(parts[index], mapping)
        if header is None:
            index += 1
            continue
        table, end = _TableReader(parts, index, header, mapping, page_furniture).read()
        if table is None:
            index += 1
            continue
        tables.append(table)
        blank.update(range(index, end))
        following = next((i for i in range(end, len(parts)) if parts[i].strip()), None)
        if following is not None and _PAGE_NUMBER.fullmatch(parts[following]):
            blank.add(following)  # "- ๒ -" under the table: the page's number, not a key result of the text
        index = end
    if not tables:
        return [], text
    return tables, "".join(("" if i in blank else part) + endings[i] for i, part in enumerate(parts))


def _mapping(options: Mapping[str, Any]) -> dict[str, str]:
    try:
        return check_mapping(options.get("column-mapping") or {})
    except (ValueError, AttributeError):
        return {}  # reported by the table reader


@attrs.frozen
class _Header:
    cells: tuple[_Segment, ...]
    fields: Mapping[str, int]  # field → index into cells

    @property
    def title(self) -> int:
        """The column of key results' titles."""
        return self.fields["key_result"]

    @property
    def texts(self) -> frozenset[int]:
        """The columns of titles: key results' and objectives'."""
        return frozenset(self.fields[f] for f in ("objective", "key_result") if f in self.fields)


def _header(line: str, mapping: Mapping[str, str]) -> _Header | None:
    if "  " not in line and "\t" not in line:
        return None
    if not mapping and not _ANY_NAME.search(line):
        return None
    texts = _SEGMENT.findall(line)
    if len(texts) < 2 or any(len(text) > MAX_HEADER_CELL for text in texts):
        return None
    keys = [normalise(text) for text in texts]
    if not any(key in mapping or any(key == name or len(name) >= 4 and key.startswith(name) for name in _PLAIN_NAMES)
               for key in keys if key):
        return None
    found = segments(line)
    fields = read_header(texts, mapping)
    if "key_result" not in fields or not ("baseline" in fields or "target" in fields):
        return None
    for index, key in enumerate(keys):
        if _RESULTS_COLUMN.match(key) and index not in (fields.get("baseline"), fields.get("target")):
            return None  # a report of results
    return _Header(tuple(found), fields)


def _is_year_line(found: Sequence[_Segment]) -> bool:
    return len(found) >= 2 and all(_YEAR.fullmatch(s.text) for s in found)


class _TableReader:
    """Reads the rows under one header line."""

    def __init__(self, lines: list[str], header_index: int, header: _Header, mapping: Mapping[str, str],
                 page_furniture: frozenset[int] = frozenset()):
        self.lines = lines
        self.page_furniture = page_furniture
        self.header_index = header_index
        self.header = header
        self.mapping = mapping
        # grid columns: (display interval, header text, year text)
        self.columns: list[_Column] = []
        self.header_cells: list[_Segment | None] = []
        self.year_cells: list[_Segment | None] = []
        self.title = 0
        self.texts: set[int] = set()

    def read(self) -> tuple[PipeTable | None, int]:
        index = self.header_index + 1
        years = segments(self.lines[index]) if index < len(self.lines) else []
        if _is_year_line(years) and years[0].start > self.header.cells[self.header.title].start:
            self._grid(years)
            index += 1
        else:
            self._grid([])
        if len(self.columns) > MAX_TEXT_TABLE_COLUMNS:
            return None, self.header_index + 1  # no table of OKRs is this wide: its lines are read as text
        rows: list[list[list[tuple[int, int, str]]]] = []  # row → column → its pieces (line, column, text)
        self.firsts = []  # the last row's first segment in each column (None where it has none yet)
        self.all_numbered = True  # every row so far opens with its number ("1.1 …")
        end = index
        apart = False  # a blank line (not a page break) stands between this line and the row above
        while index < len(self.lines):
            line = self.lines[index]
            found = segments(line)
            if not found:
                # the whole run of blank lines at once (line by line, each looked ahead to the same next line)
                following = next((i for i in range(index + 1, len(self.lines)) if self.lines[i].strip()), None)
                if following is None or self._ends(self.lines[following]):
                    break
                # across a page break (its footer and header gone), the row the break cut goes on: a blank line
                # before the run's last page furniture is across the break, one after it is not
                furniture = [i for i in range(index, following) if i + 1 in self.page_furniture]
                readings = ([True] if furniture else []) + ([False] if not furniture or furniture[-1] + 1 < following
                                                           else [])
                next_cells = segments(self.lines[following])
                stops = False
                for page_break in readings:
                    kind, assigned = self._classify(next_cells, rows, joins=page_break)
                    if kind != "row" and not (page_break and kind == "continued"):
                        stops = True
                    elif not page_break and self._heads_section(assigned):
                        stops = True  # "3. Risks and dependencies" after the table: the document's next section
                    if stops:
                        break
                    apart = apart or not page_break
                if stops:
                    break
                index = following
                continue
            if self._ends(line):
                break
            kind, assigned = self._classify(found, rows, joins=not apart)
            apart = False
            if kind == "end":
                break
            if kind == "row":
                rows.append([[(index + 1, s.char + 1, s.text) for s in cell] for cell in assigned])
                self.firsts = [cell[0] if cell else None for cell in assigned]
                opening = next((cell[0] for column, cell in enumerate(assigned) if column in self.texts and cell), None)
                self.all_numbered = self.all_numbered and opening is not None and _NUMBERED.match(opening.text) is not None
            elif kind == "continued":
                for column, cell in enumerate(assigned):
                    rows[-1][column].extend((index + 1, s.char + 1, s.text) for s in cell)
                    if cell and self.firsts[column] is None:
                        self.firsts[column] = cell[0]
            index += 1
            end = index
        if not rows:
            return None, self.header_index + 1
        return self._table(rows, end), end

    def _grid(self, years: list[_Segment]) -> None:
        """The columns: the header's, a multi-year one split into its years."""
        cells = self.header.cells
        under: dict[int, list[_Segment]] = {}
        for year in years:  # a year belongs to the last header cell starting before its end
            owner = max((i for i, c in enumerate(cells) if c.start < year.end), default=None)
            if owner is not None and owner != self.header.title:
                under.setdefault(owner, []).append(year)
        for index, cell in enumerate(cells):
            if index == self.header.title:
                self.title = len(self.columns)
            if index in self.header.texts:
                self.texts.add(len(self.columns))
            sub = under.get(index)
            if not sub:
                self.columns.append(_Column(cell.start, cell.end))
                self.header_cells.append(cell)
                self.year_cells.append(None)
                continue
            for number, year in enumerate(sub):
                self.columns.append(_Column(year.start, year.end))
                self.header_cells.append(cell if number == 0 else None)
                self.year_cells.append(year)
        self.has_years = bool(under)

    def _ends(self, line: str) -> bool:
        from okrlint.load.draft_labels import match_label
        from okrlint.load.tables import is_note_text

        stripped = line.strip()
        if is_note_text(stripped) or _header(line, self.mapping) is not None:
            return True
        label = match_label(stripped)
        if label is None or label.kind not in _ENDING_LABELS:
            return False
        # "O1 More trials   Trial signups   800   1,400": a row whose objective cell is numbered, not a label
        assigned = self._assign(segments(line))
        return assigned is None or not any(cell for column, cell in enumerate(assigned) if column not in self.texts)

    def _classify(self, found: list[_Segment], rows: list, joins: bool = True) -> tuple[str, list[list[_Segment]]]:
        """("row" | "continued" | "skip" | "end", the segments of each column). ``joins``: the line follows the row
        above directly (no blank line between), so it may be the rest of that row's wrapped cells."""
        assigned = self._assign(found)
        if assigned is None:
            indented = found[0].start > self.columns[self.title].start
            return ("skip" if indented else "end"), []
        titles = [cell for column, cell in enumerate(assigned) if column in self.texts and cell]
        others = [cell for column, cell in enumerate(assigned) if column not in self.texts and cell]
        if titles and others:
            if rows and joins and self._wraps_row(assigned, rows[-1]):
                return "continued", assigned
            return "row", assigned
        if titles:
            starts_numbered = _NUMBERED.match(titles[0][0].text) is not None
            if rows and not starts_numbered:
                title = assigned[self.title]
                limit = self.columns[self.title + 1].start + 2 if self.title + 1 < len(self.columns) else None
                if title and limit is not None and title[-1].end > limit:
                    return "end", []  # a line as wide as the page: text after the table
                return "continued", assigned
            return "row", assigned
        if rows and not any(_DIGIT.search(s.text) for cell in others for s in cell):
            return "continued", assigned  # a wrapped owner or unit
        return "skip", []

    def _heads_section(self, assigned: list[list[_Segment]]) -> bool:
        """Whether a line standing apart below the rows, a title and nothing else, is the heading of the document's next
        section ("3. Risks and dependencies", "4. Next steps"), not a row."""
        from okrlint.load.draft import names_a_section

        if any(cell for column, cell in enumerate(assigned) if column not in self.texts):
            return False
        text = " ".join(s.text for column, cell in enumerate(assigned) if column in self.texts for s in cell)
        return names_a_section(text)

    def _wraps_row(self, assigned: list[list[_Segment]], row: list[list[tuple[int, int, str]]]) -> bool:
        """Whether a line with a title and other cells is the rest of the row above, its cells wrapped together
        (a PDF table's row of several lines: "1.2 Reduce A&E attendances for self-harm among   410 per   Consultant"
        over "    10-24 year olds   100,000   Nurse"): its title text has no number of its own and is indented under the
        row's title, or opens in lower case under a capitalised one, or stands in a table whose rows are all numbered;
        and none of its other cells starts a value where the row above already has one ending in a number (a new
        baseline or target: a row of its own)."""
        column = next(c for c, cell in enumerate(assigned) if c in self.texts and cell)
        first, above = assigned[column][0], self.firsts[column] if column < len(self.firsts) else None
        if above is None or _NUMBERED.match(first.text):
            return False
        indented = first.start >= above.start + 2
        lower = first.text[0].islower() and (above.text[0].isupper() or _NUMBERED.match(above.text) is not None)
        if not (indented or lower or self.all_numbered):
            return False
        for index, cell in enumerate(assigned):
            if index in self.texts or not cell or not row[index]:
                continue
            before = row[index][-1][2].split()
            if before and _DIGIT.search(before[-1]) and _VALUE_OPENING.match(cell[0].text):
                return False
        return True

    def _assign(self, found: list[_Segment]) -> list[list[_Segment]] | None:
        """Each column's segments, in order and each to its nearest column; several only in the title column
        (a title with wide spaces in it), and only on a line that is not indented. None when the line does
        not fit the columns."""
        columns = self.columns
        count = len(columns)
        title = self.title
        title_start = columns[title].start
        title_limit = columns[title + 1].start if title + 1 < count else None

        def cost(segment: _Segment, column: int) -> float:
            if column == title:
                over = max(0, segment.end - title_limit) if title_limit is not None else 0
                return max(0, title_start - 2 - segment.start) + over
            place = columns[column]  # text left-aligned, numbers right-aligned or centred under their header
            return min(abs(segment.start - place.start), abs(segment.end - place.end), abs(segment.centre - place.centre))

        # best[i][j]: least cost of the first i segments with the i-th in column j
        infinity = float("inf")
        best = [[infinity] * count for _ in found]
        back = [[-1] * count for _ in found]
        for j in range(count):
            best[0][j] = cost(found[0], j)
        for i in range(1, len(found)):
            previous, row, came_from = best[i - 1], best[i], back[i]
            lowest, lowest_at = infinity, -1  # the least of previous[k] for k < j: the first k that has it
            for j in range(count):
                here = cost(found[i], j)
                if lowest + here < row[j]:
                    row[j], came_from[j] = lowest + here, lowest_at
                if j == title and previous[j] + here < row[j]:  # the title column may take several segments
                    row[j], came_from[j] = previous[j] + here, j
                if previous[j] < lowest:
                    lowest, lowest_at = previous[j], j
        last = min(range(count), key=lambda j: best[-1][j])
        if best[-1][last] == infinity:
            return None
        chosen = [0] * len(found)
        chosen[-1] = last
        for i in range(len(found) - 1, 0, -1):
            chosen[i - 1] = back[i][chosen[i]]
        assigned: list[list[_Segment]] = [[] for _ in columns]
        for segment, column in zip(found, chosen):
            assigned[column].append(segment)
        if len(assigned[title]) > 1 and found[0].start > title_start + 1:
            return None  # an indented line of several pieces: a note beside the table
        for column, cell in enumerate(assigned):
            if column == title or not cell:
                continue
            (segment,) = cell
            before = max((columns[c].end for c in range(column) if c != title), default=None)
            after = columns[column + 1].start if column + 1 < count else None
            if before is not None and segment.end <= before or after is not None and segment.start >= after:
                return None
            if column < title and segment.end > title_start + 1 and title_start > 0:
                return None
        if assigned[title] and assigned[title][0].start < title_start - 2:
            return None
        return assigned

    def _table(self, rows: list[list[list[tuple[int, int, str]]]], end: int) -> PipeTable:
        from okrlint.load.draft import join_text

        header_line = self.header_index + 1
        out = [tuple(self._cell(header_line, column, cell) for column, cell in enumerate(self.header_cells))]
        if self.has_years:
            out.append(tuple(self._cell(header_line + 1, column, cell) for column, cell in enumerate(self.year_cells)))
        for row in rows:
            line = next(piece[0] for cell in row for piece in cell)
            cells = []
            for column, pieces in enumerate(row):
                if not pieces:
                    cells.append(self._cell(line, column, None))
                    continue
                text = ""
                for _, _, piece in pieces:
                    # Thai wraps without a space, but a number stands apart: "ภายใน" + "๑๒ เดือน"
                    digit = text and (_DIGIT.match(piece) or _DIGIT.match(text[-1]))
                    text = f"{text} {piece}" if digit else join_text(text, piece)
                cells.append((pieces[0][0], pieces[0][1], text))
            out.append(tuple(cells))
        return PipeTable(tuple(out))

    def _cell(self, line: int, column: int, segment: _Segment | None) -> tuple[int, int, str]:
        if segment is not None:
            return line, segment.char + 1, segment.text
        # an empty cell: where the column would start on that line
        text = self.lines[line - 1]
        width = 0
        for position, ch in enumerate(text):
            if width >= self.columns[column].start:
                return line, position + 1, ""
            width += char_width(ch)
        return line, len(text) + 1, ""
