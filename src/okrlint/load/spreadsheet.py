"""Spreadsheets: Excel (``.xlsx``, ``.xlsm``, ``.xls``), OpenDocument (``.ods``), CSV and TSV.

Workbooks are read with python-calamine (Rust): on a 10,000-row workbook it loads in about a tenth
of the time of openpyxl's read-only mode and also gives merged ranges and sheet visibility (see
benchmarks/bench_spreadsheet.py). Cached formula results come from calamine; formulas that have no
cached result are found in the sheet XML, which calamine does not expose. openpyxl is used only to
write the starter template. Every reader is imported inside the functions that use it, so linting
YAML files never imports them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from okrlint.load import LoadError
from okrlint.load.archive import check_archive, read_part
from okrlint.load.decode import decode_text
from okrlint.load.formats import TEXT_TABLE_SUFFIXES as TEXT_SUFFIXES
from okrlint.load.formats import WORKBOOK_SUFFIXES
from okrlint.load.limits import MAX_CELL_CHARS, MAX_SHEET_CELLS, MAX_TABLE_ROWS
from okrlint.load.tables import Table, tables_to_result
from okrlint.model import InputError, LoadResult, Location
from okrlint.text import regexcache

DELIMITERS = ",;\t|"
SNIFFED_CHARS = 64_000  # the start of a CSV the delimiter is guessed from

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream name inside an encrypted OOXML file


def default_team(filename: str) -> str:
    """The team of a single-sheet file: its name without ``.okr.xlsx`` / ``.csv`` and the like."""
    name = Path(filename).name
    lowered = name.lower()
    for suffix in WORKBOOK_SUFFIXES + TEXT_SUFFIXES:
        for full in (f".okr{suffix}", suffix):
            if lowered.endswith(full):
                stem = name[: -len(full)]
                if suffix in (".csv", ".tsv") and (sheet := _exported_sheet(stem)) is not None:
                    return sheet
                return _without_noise(stem) or name
    return name


def _exported_sheet(stem: str) -> str | None:
    """The sheet a Google Sheets export is of: it names the file "<spreadsheet> - <sheet>.csv", so "Hopeline OKRs
    2026-27 - Programmes" is the sheet "Programmes", as the workbook's sheet is named. Only when the part before
    it is a workbook's title (it carries "OKRs", a year, "plan"...) and the sheet has a name of its own: "Sales -
    EMEA" stays "Sales EMEA", "Acme OKRs 2027 - Sheet1" is "Acme"."""
    from okrlint.load.draft import _FILE_NAME_NOISE, _FILE_NAME_SPLIT
    from okrlint.load.tables import _DEFAULT_SHEET_NAME

    book, separator, sheet = stem.rpartition(" - ")
    if not separator or not book.strip() or not sheet.strip():
        return None
    if _without_noise(book.strip()) == book.strip():
        return None
    sheet = " ".join(sheet.split())
    words = [w for w in _FILE_NAME_SPLIT.split(sheet) if w.strip("-–—")]
    if _DEFAULT_SHEET_NAME.fullmatch(sheet) or any(_FILE_NAME_NOISE.fullmatch(w.strip("()[]")) for w in words):
        return None  # "Sheet1", "Q3 OKRs", "Programmes 2027": the file's name says more
    return sheet


def _without_noise(stem: str) -> str:
    """A file name's words without what drafts' names carry besides the team ("Copy of", "(1)", "- Sheet1")."""
    from okrlint.load.draft import without_file_name_noise

    return without_file_name_noise(stem) if stem else stem


def load_spreadsheet(filename: str, data: bytes, options: Mapping[str, Any]) -> LoadResult:
    suffix = Path(filename).suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            return tables_to_result([read_delimited(filename, data)], filename, options, source_format="csv")
        tables, errors = read_workbook(filename, data)
    except LoadError as exc:
        return LoadResult(errors=(InputError(exc.message, Location(filename, exc.line, exc.column)),))
    tables, cut = capped_tables(tables, filename)
    return tables_to_result(tables, filename, options, source_format=suffix.lstrip(".") or "xlsx", errors=[*errors, *cut])


def capped_tables(tables: Sequence[Table], filename: str) -> tuple[list[Table], list[InputError]]:
    """The tables of one file cut to MAX_TABLE_ROWS rows in all (a row holds one key result at most), with the
    input error that says so: the first rows are still linted, as a PDF's first pages are. Reading and linting
    hundreds of thousands of rows (a data export, not an OKR plan) would take minutes and gigabytes."""
    left = MAX_TABLE_ROWS
    kept: list[Table] = []
    for table in tables:
        if left < 0:
            break
        filled = [index for index, row in enumerate(table.rows) if any(_filled(cell) for cell in row)]
        if len(filled) > left:  # blank rows hold no key result: only filled ones count
            import attrs

            table = attrs.evolve(table, rows=table.rows[:filled[left]])
        kept.append(table)
        left -= len(filled)
    if left >= 0:
        return kept, []
    last = kept[-1]
    return kept, [too_many_rows(last.locate(len(last.rows), 0) if last.rows else Location(filename))]


def too_many_rows(where: Location) -> InputError:
    return InputError(f"the file has more than {MAX_TABLE_ROWS:,} rows of tables (an OKR table holds a row per key "
                      f"result at most); only the first {MAX_TABLE_ROWS:,} are read: split the file", where)


# --- CSV and TSV -------------------------------------------------------------------------------------
def read_delimited(filename: str, data: bytes) -> Table:
    """A CSV/TSV as Excel, LibreOffice and Google Sheets write it: any of their encodings and separators."""
    text = decode_text(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = "\t" if filename.lower().endswith(".tsv") else sniff_delimiter(text)
    rows: list[list[str]] = []
    lines: list[int] = []  # the line each record starts on (a quoted cell may hold line breaks)
    problems: list[InputError] = []
    counts = [1, 0]  # the widest record so far, and the records with a filled cell (blank rows hold no KR)
    pos, line = 0, 1  # where the text not yet read starts, and its line
    quoted = '"' in text
    while True:
        open_quote = _open_quote(text, delimiter, pos) if quoted else None
        if open_quote is None:
            _read_records(text[pos:], delimiter, line, rows, lines, counts)
            break
        # A quote that is never closed on its line makes the rest of the file one cell, or closes inside a later
        # line's cell and merges the records between: said, and its line read as if the quote were not there.
        quote, record_start = open_quote
        if record_start > pos and _read_records(text[pos:record_start], delimiter, line, rows, lines, counts):
            break  # past the cap of rows: read_delimited says so below
        record_line = line + _line_breaks(text, pos, record_start)
        quote_line = record_line + _line_breaks(text, record_start, quote)
        line_start = max(text.rfind("\n", 0, quote), text.rfind("\r", 0, quote)) + 1
        problems.append(InputError("a quote (\") opens a cell here and is never closed, so the rest of the file "
                                   "would be that one cell: its line is read as if the quote were not there; close the quote",
                                   Location(filename, quote_line, quote - line_start + 1)))
        end = _LINE_BREAK.search(text, quote)
        before = next(csv.reader([text[record_start:quote]], delimiter=delimiter), [""])
        record = [*before[:-1], *text[quote + 1 : end.start() if end else len(text)].split(delimiter)]
        rows.append(record)
        lines.append(record_line)
        counts[0] = max(counts[0], len(record))
        counts[1] += any(cell.strip() for cell in record)
        if len(rows) * counts[0] > MAX_SHEET_CELLS:
            raise LoadError(f"the table has more than {MAX_SHEET_CELLS:,} cells (rows × columns); not read", quote_line)
        if end is None or counts[1] > MAX_TABLE_ROWS:
            break
        pos, line = end.end(), quote_line + 1

    def locate(row: int, column: int) -> Location:
        line = lines[row] if row < len(lines) else 1
        return Location(filename, line, column + 1)

    if sum(1 for row in rows if any(cell.strip() for cell in row)) > MAX_TABLE_ROWS:  # stopped one row past the cap
        problems.append(too_many_rows(locate(len(rows) - 1, 0)))
        del rows[-1]
    return Table(rows, locate, team=default_team(filename), problems=tuple(problems))


_LINE_BREAK = regexcache.compile(r"\r\n?|\n")


def _read_records(text: str, delimiter: str, first_line: int, rows: list, lines: list, counts: list) -> bool:
    """The CSV records of ``text`` (which starts on line ``first_line``) added to ``rows``, with their lines;
    ``counts`` (the widest record, the records with a filled cell) carried on. True when it stopped at the cap."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = first_line
    try:
        for record in reader:
            rows.append(record)
            lines.append(start)
            start = first_line + reader.line_num
            counts[0] = max(counts[0], len(record))
            if len(rows) * counts[0] > MAX_SHEET_CELLS:
                raise LoadError(f"the table has more than {MAX_SHEET_CELLS:,} cells (rows × columns); not read",
                                first_line + reader.line_num - 1)
            if any(cell.strip() for cell in record):
                counts[1] += 1
                if counts[1] > MAX_TABLE_ROWS:
                    return True  # the rest is not read: read_delimited says so
    except csv.Error as exc:
        line = first_line + reader.line_num - 1
        if "field limit" in str(exc):  # Python's "field larger than field limit (131072)"
            raise LoadError(f"a cell longer than {csv.field_size_limit():,} characters ends at line {line}; the file is "
                            "not read (a whole document pasted into one cell, or a quote (\") that is never "
                            "closed?)", line) from None
        raise LoadError(f"cannot read the CSV: {exc}", line) from None
    return False


def _line_breaks(text: str, start: int, end: int) -> int:
    """The line breaks in ``text[start:end]`` ("\r\n" is one, as the csv module counts them)."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def _open_quote(text: str, delimiter: str, position: int) -> tuple[int, int] | None:
    """(offset, start of its record) of the first quote from ``position`` on that opens a cell and is not closed on
    its own line: it is never closed, or it "closes" at a quote inside a later line's cell (a closing quote is
    followed by the separator, a line break or the end; doubled quotes are a quote in the cell). Every row opening a
    quote it never closes would otherwise merge its rows in pairs. None when every quoted cell is closed.
    One pass over the quotes: a quote inside a cell (not after a separator or a line break) is text."""
    record_start, scanned = position, position  # line breaks from `scanned` on are outside quoted cells
    while True:
        quote = text.find('"', position)
        if quote < 0:
            return None
        if quote > 0 and text[quote - 1] not in (delimiter, "\n", "\r"):
            position = quote + 1
            continue
        record_start = max(record_start, text.rfind("\n", scanned, quote) + 1, text.rfind("\r", scanned, quote) + 1)
        search = quote + 1
        while True:
            closing = text.find('"', search)
            if closing < 0:
                return quote, record_start
            if text.startswith('""', closing):
                search = closing + 2
                continue
            break
        after = text[closing + 1 : closing + 2]
        if after not in ("", delimiter, "\n", "\r") and (text.find("\n", quote, closing) >= 0
                                                          or text.find("\r", quote, closing) >= 0):
            return quote, record_start
        position = scanned = closing + 1


def sniff_delimiter(text: str) -> str:
    """``,`` ``;`` (European Excel), tab (Excel "Unicode text") or ``|``: the one that splits rows evenly."""
    sample = "\n".join(line for line in text[:SNIFFED_CHARS].splitlines()[:30] if line.strip())
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        guess = None
    if guess and _field_count_mode(sample, guess)[0] > 1:
        return guess
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        count, share = _field_count_mode(sample, delimiter)
        score = (share, count) if count > 1 else (0.0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _field_count_mode(sample: str, delimiter: str) -> tuple[int, float]:
    """(the most common number of fields per row, the share of rows that have it)."""
    try:
        counts = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if row]
    except csv.Error:
        return 0, 0.0
    if not counts:
        return 0, 0.0
    mode = max(set(counts), key=counts.count)
    return mode, counts.count(mode) / len(counts)


# --- workbooks -----------------------------------------------------------------------------------------
def read_workbook(filename: str, data: bytes) -> tuple[list[Table], list[InputError]]:
    check_container(filename, data)
    oversized: dict[str, int] = {}
    errors: list[InputError] = []
    if data.startswith(_ZIP_MAGIC):
        check_archive(data, "workbook")
        oversized = oversized_sheets(data)
        data, cut = cut_long_cells(data)
        if cut:
            errors.append(InputError(f"the workbook has cells longer than {MAX_CELL_CHARS:,} characters ({cut:,}); only "
                                     f"their first {MAX_CELL_CHARS:,} characters are read", Location(filename)))
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError("reading workbooks needs python-calamine: pip install python-calamine") from None
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        metadata = list(workbook.sheets_metadata)
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types for damaged files
        if data.startswith(_OLE_MAGIC):  # an Excel 97-2003 file that calamine cannot make sense of
            raise LoadError("the old Excel (.xls) workbook is damaged or not a workbook; open it in a spreadsheet "
                            "program and save it as .xlsx") from None
        raise LoadError(_workbook_problem(exc, data)) from None
    formulas = uncomputed_formulas(data) if data.startswith(_ZIP_MAGIC) else {}
    grids: list[tuple[str, list[list[Any]]]] = []
    for meta in metadata:
        if str(meta.visible).rsplit(".", 1)[-1].lower() != "visible" or "work" not in str(meta.typ).lower():
            continue  # hidden or very hidden sheets, chart and dialog sheets
        # calamine holds a sheet as one grid from its first cell to its last: two cells far apart in a
        # 5 KB file make a grid of billions, whose allocation aborts the whole process. Measured first.
        cells = oversized.get(meta.name)
        try:
            if cells is None:
                sheet = workbook.get_sheet_by_name(meta.name)
                cells = _grid_cells(sheet)
            if cells > MAX_SHEET_CELLS:
                errors.append(InputError(f"sheet '{meta.name}' spans {cells:,} cells (rows × columns, more than "
                                         f"{MAX_SHEET_CELLS:,}); not read", Location(filename, sheet=meta.name)))
                continue
            rows = [list(row) for row in sheet.to_python(skip_empty_area=False)]
            fill_merged(rows, _merged_ranges(sheet))
        except LoadError as exc:
            errors.append(InputError(f"sheet '{meta.name}' cannot be read: {exc.message}", Location(filename, sheet=meta.name)))
            continue
        except Exception as exc:  # noqa: BLE001
            errors.append(InputError(f"sheet '{meta.name}' cannot be read: {_workbook_problem(exc)}", Location(filename, sheet=meta.name)))
            continue
        grids.append((meta.name, rows))
    if not grids and not errors:
        raise LoadError("the workbook has no visible worksheet")
    filled = [name for name, rows in grids if any(_filled(cell) for row in rows for cell in row)]
    several = len(filled) > 1
    tables = [
        Table(rows, _sheet_locator(filename, name), team=name.strip() if several else default_team(filename),
              name=name, formula_cells=formulas.get(name, frozenset()), file_team=default_team(filename))
        for name, rows in grids
    ]
    return tables, errors


def check_container(filename: str, data: bytes) -> None:
    """Clear messages for the usual wrong files: encrypted workbooks (OLE, not zip), empty or damaged ones."""
    suffix = Path(filename).suffix.lower()
    if not data:
        raise LoadError("empty file: no workbook in it")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise LoadError("the workbook is password-protected; okrlint cannot read encrypted files "
                            "(save a copy without a password)")
        if suffix != ".xls":
            return  # an old .xls saved under a new name: calamine reads it by content
    elif suffix in (".xlsx", ".xlsm", ".ods", ".xls") and not data.startswith(_ZIP_MAGIC):
        from okrlint.load.archive import kind_of_bytes

        hint = kind_of_bytes(data, suffix)
        if hint:
            raise LoadError(f"not a {suffix} workbook: {hint}")
        if suffix != ".xls":  # an .xls may be any of the other kinds Excel opens: calamine says
            raise LoadError(f"not a {suffix} workbook (the file is damaged or is another kind of file)")


def _workbook_problem(exc: Exception, data: bytes = b"") -> str:
    """What went wrong, in the user's terms: the spreadsheet library's own words ("Cannot detect file format",
    "Zip error: ...") say nothing to someone who only has the file."""
    name = type(exc).__name__
    text = " ".join(str(exc).split())[:160]
    if "Password" in name or "password" in text.lower() or "encrypt" in text.lower():
        return "the workbook is password-protected; okrlint cannot read encrypted files (save a copy without a password)"
    if data.startswith(_ZIP_MAGIC) and not _whole_zip(data):
        return ("the workbook is damaged or not a spreadsheet (the file is cut short, as an interrupted copy or "
                "download leaves it: save or download it again)")
    return ("the workbook is damaged or not a spreadsheet (a part of it is missing or unreadable: open it in a "
            "spreadsheet program and save it again)")


def _whole_zip(data: bytes) -> bool:
    """Whether a file that starts as a zip archive (as .xlsx files do) ends as one: a copy cut short does not."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.infolist()
        return True
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
        return False


def _grid_cells(sheet) -> int:
    """The cells of the grid ``to_python`` gives: from A1 to the sheet's last cell."""
    end = sheet.end
    return (end[0] + 1) * (end[1] + 1) if end else 0


def _merged_ranges(sheet) -> Sequence[tuple[tuple[int, int], tuple[int, int]]]:
    try:
        return sheet.merged_cell_ranges or ()
    except Exception:  # noqa: BLE001 - merged ranges are known for xlsx only
        return ()


def fill_merged(rows: list[list[Any]], ranges: Sequence[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Give every cell of a merged range the value of its top-left cell, as people read it."""
    filled = 0
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            columns = range(left, min(right, len(row) - 1) + 1)
            # Merged ranges never overlap, so together they cover at most the grid; ranges that cover it
            # many times over (thousands of copies of one range) are a damaged or hostile file.
            filled += len(columns)
            if filled > MAX_SHEET_CELLS:
                raise LoadError(f"its merged cells cover more than {MAX_SHEET_CELLS:,} cells")
            for c in columns:
                if (r, c) != (top, left):
                    row[c] = value


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _sheet_locator(filename: str, sheet: str):
    def locate(row: int, column: int) -> Location:
        return Location(filename, row + 1, column + 1, sheet=sheet)

    return locate


# --- formulas without cached values ------------------------------------------------------------------------
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def uncomputed_formulas(data: bytes) -> dict[str, frozenset[tuple[int, int]]]:
    """Sheet name → 0-based (row, column) of formula cells that carry no cached value.

    Files written by libraries (openpyxl, pandas) hold formulas but no results until a spreadsheet
    program recalculates and saves them; calamine then reads an empty cell.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return {}
            targets = _sheet_targets(archive)
            found: dict[str, frozenset[tuple[int, int]]] = {}
            for sheet, target in targets.items():
                if target not in names:
                    continue
                xml = archive.read(target)
                if b"<f" not in xml and b":f" not in xml:
                    continue  # no formula at all: skip the parse
                cells = frozenset(_formula_cells_without_value(xml))
                if cells:
                    found[sheet] = cells
            return found
    except Exception:  # noqa: BLE001 - zipfile raises many types on damaged members; calamine reports those
        return {}  # this extra check is best effort


def _sheet_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    by_id = {rel.get("Id"): rel.get("Target", "") for rel in relations}
    targets = {}
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        target = by_id.get(element.get(f"{{{_REL_NS}}}id"), "")
        target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[element.get("name", "")] = target
    return targets


def _formula_cells_without_value(xml: bytes) -> Iterator[tuple[int, int]]:
    for _event, element in ElementTree.iterparse(io.BytesIO(xml)):
        if _local(element.tag) != "c":
            continue
        children = {_local(child.tag): child for child in element}
        value = children.get("v")
        if "f" in children and (value is None or not (value.text or "").strip()):
            match = _CELL_REF.match(element.get("r", ""))
            if match:
                yield int(match.group(2)) - 1, _column_index(match.group(1))
        element.clear()


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --- cells too long to hold ------------------------------------------------------------------------------
# Where the text of one cell starts or ends: a shared string (<si>), an inline string (<is>) or a cell (<c>), with
# any namespace prefix. A cell's text (all its rich-text runs) lies between two of them; '<' is never raw in text.
_CELL_BOUNDARY = rb"</?(?:[A-Za-z_][\w.-]*:)?(?:si|is|c)[\s/>]"
_LONG_CELL = regexcache.compile(_CELL_BOUNDARY + rb"(?:[^<]|<(?!" + _CELL_BOUNDARY[1:] + rb"))"
                                + b"{%d}" % MAX_CELL_CHARS)
_CONTAINERS = frozenset({"si", "is", "c"})


def cut_long_cells(data: bytes) -> tuple[bytes, int]:
    """The workbook with every cell and shared string cut to MAX_CELL_CHARS characters, and how many were cut.

    A 190 KB file can hold one shared string of 190 million characters; calamine would build it, and the text
    checks copy it again (gigabytes). Parts are scanned for a long stretch between cell boundaries first; only a
    part that has one is rewritten, so real workbooks are passed on as they are."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
        return data, 0
    with archive:
        rewritten: dict[str, bytes] = {}
        cut = 0
        for part in archive.infolist():
            if not part.filename.lower().endswith(".xml"):
                continue
            xml = read_part(data, part)
            if len(xml) <= MAX_CELL_CHARS or not _LONG_CELL.search(xml):
                continue
            shorter, count = _cut_part(xml)
            if count:
                rewritten[part.filename], cut = shorter, cut + count
            del xml
        if not rewritten:
            return data, 0
        out = io.BytesIO()
        try:
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
                for part in archive.infolist():
                    new.writestr(part.filename, rewritten.get(part.filename) or read_part(data, part))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return data, 0  # calamine reports the damage
        return out.getvalue(), cut


def _cut_part(xml: bytes) -> tuple[bytes, int]:
    """An XML part with the text of each cell (shared string, inline string, cell value) cut to MAX_CELL_CHARS
    characters, and how many were cut. Comments and processing instructions are left out (readers ignore them)."""
    from xml.parsers import expat
    from xml.sax.saxutils import escape, quoteattr

    pieces: list[str] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n']
    used = 0  # characters of the current cell's text so far
    cut_here = False
    count = 0

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal used, cut_here
        if tag.rpartition(":")[2] in _CONTAINERS:
            used, cut_here = 0, False
        pieces.append("<" + tag + "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items()) + ">")

    def end(tag: str) -> None:
        nonlocal used, cut_here
        if tag.rpartition(":")[2] in _CONTAINERS:
            used, cut_here = 0, False
        pieces.append(f"</{tag}>")

    def text(chunk: str) -> None:
        nonlocal used, cut_here, count
        room = MAX_CELL_CHARS - used
        if len(chunk) > room:
            chunk = chunk[:max(room, 0)]
            if not cut_here:
                cut_here, count = True, count + 1
        used += len(chunk)
        if chunk:
            pieces.append(escape(chunk))

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(xml, True)
    except expat.ExpatError:
        return xml, 0  # calamine reports a part that is not XML
    return "".join(pieces).encode("utf-8"), count


# --- sheets too large to hold ------------------------------------------------------------------------------
# A cell's reference (``<c r="XFD1048576">``; only cells have an ``r`` attribute with letters), and any cell.
_CELL_REFERENCE = re.compile(rb'\br="([A-Za-z]{1,3})([0-9]{1,7})"')
_ANY_CELL = re.compile(rb"[<:]c[\s/>]")


def oversized_sheets(data: bytes) -> dict[str, int]:
    """Sheet name → the cells of its grid, for the sheets of an xlsx whose grid is larger than MAX_SHEET_CELLS:
    read from the sheet XML before calamine builds the grid. LoadError for such a sheet that has no name."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError):
        return {}  # calamine reports the damage
    with archive:
        try:
            sheet_of = {target: name for name, target in _sheet_targets(archive).items()}
        except Exception:  # noqa: BLE001 - a damaged workbook part: calamine reports it
            sheet_of = {}
        found: dict[str, int] = {}
        for part in archive.infolist():
            xml = read_part(data, part)  # every part that holds a sheet, whatever the workbook says it is
            if b"sheetData" not in xml:
                continue
            cells = _grid_cells_of(xml, part.filename)
            if cells <= MAX_SHEET_CELLS:
                continue
            if part.filename not in sheet_of:
                raise LoadError(f"a sheet of the workbook ({part.filename}) spans {cells:,} cells (rows × columns, "
                                f"more than {MAX_SHEET_CELLS:,}); not read")
            found[sheet_of[part.filename]] = cells
        return found


def _grid_cells_of(xml: bytes, part: str) -> int:
    """The cells of the grid calamine would build for a sheet: from A1 to its farthest cell with a value.

    A quick bound from the cells' references comes first (formatting-only cells included); only a sheet it
    puts over the limit, or whose cells are not all written with a reference, is walked element by element.
    """
    references = _CELL_REFERENCE.findall(xml)
    if len(references) == len(_ANY_CELL.findall(xml)):
        if not references:
            return 0
        last_row = max(int(digits) for _, digits in references)
        last_column = max(_column_index(letters.upper().decode()) for letters in {letters for letters, _ in references})
        if last_row * (last_column + 1) <= MAX_SHEET_CELLS:
            return last_row * (last_column + 1)
    return _walked_grid_cells(xml, part)


def _walked_grid_cells(xml: bytes, part: str) -> int:
    """The grid of a sheet from a walk over its XML, placing cells as calamine does: by their reference, or,
    without one, after the cell before them in the row; only cells with a value (``v``, ``is``) count."""
    from xml.parsers import expat

    row = column = -1
    last_row = last_column = -1
    cell: tuple[int, int] | None = None

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal row, column, last_row, last_column, cell
        local = tag.rpartition(":")[2]
        if local == "row":
            number = attributes.get("r", "")
            row = int(number) - 1 if number.isdigit() else row + 1
            column = -1
        elif local == "c":
            match = _CELL_REF.match(attributes.get("r", "").upper())
            if match:
                row, column = int(match.group(2)) - 1, _column_index(match.group(1))
            else:
                column += 1
            cell = (row, column)
        elif local in ("v", "is") and cell is not None:
            last_row, last_column = max(last_row, cell[0]), max(last_column, cell[1])

    def end(tag: str) -> None:
        nonlocal cell
        if tag.rpartition(":")[2] == "c":
            cell = None

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as exc:
        raise LoadError(f"the workbook is damaged: its part {part} is not well-formed XML ({exc})") from None
    return (last_row + 1) * (last_column + 1)


# --- the starter template ------------------------------------------------------------------------------------
TEMPLATE_HEADERS = {
    "en": ["Team", "Period", "Objective", "Key result", "Baseline", "Target", "Unit", "Due", "Owner",
           "Aligns to", "Depends on", "Id"],
    "th": ["ทีม", "ช่วงเวลา", "วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "หน่วยนับ", "กำหนดเสร็จ",
           "ผู้รับผิดชอบ", "สอดคล้องกับ", "ขึ้นอยู่กับ", "รหัส"],
}
TEMPLATE_TITLE = {
    "en": "OKRs — one row per key result; write each objective once, leave it blank below for its other key results",
    "th": "OKR — หนึ่งแถวต่อหนึ่งผลลัพธ์หลัก เขียนวัตถุประสงค์ครั้งเดียว แล้วเว้นว่างในแถวถัดไปของผลลัพธ์หลักข้อต่อไป",
}
TEMPLATE_ROWS = {
    "en": [
        ["customer-success", "2026-Q1", "New customers get value from us in their first month",
         "Raise the share of customers active in week 4 from 55% to 70%", 55, 70, "%", "2026-03-31",
         "onboarding-lead", "", "", "cs-o1-kr1"],
        ["", "", "", "Cut the median time to first value from 9 days to 4 days", 9, 4, "days", "2026-03-31",
         "support-lead", "", "", "cs-o1-kr2"],
    ],
    "th": [
        ["บริการลูกค้า", "ไตรมาส 1/2569", "ลูกค้าใหม่ได้รับประโยชน์จากบริการภายในเดือนแรก",
         "เพิ่มสัดส่วนลูกค้าที่ใช้งานในสัปดาห์ที่ 4 จากร้อยละ 55 เป็นร้อยละ 70", 55, 70, "ร้อยละ", "2026-03-31",
         "หัวหน้างานต้อนรับลูกค้า", "", "", "cs-o1-kr1"],
        ["", "", "", "ลดเวลาเฉลี่ยก่อนลูกค้าได้รับประโยชน์ครั้งแรกจาก 9 วัน เหลือ 4 วัน", 9, 4, "วัน", "2026-03-31",
         "หัวหน้างานสนับสนุน", "", "", "cs-o1-kr2"],
    ],
}
TEMPLATE_WIDTHS = [16, 14, 40, 55, 10, 10, 10, 12, 18, 16, 16, 12]


def write_template(path: Path, language: str) -> None:
    """Write a starter XLSX (Thai ``th`` or English ``en``) that okrlint reads as it is."""
    if language not in TEMPLATE_HEADERS:
        raise ValueError(f"no spreadsheet template for language {language!r} (use th or en)")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "OKRs"
    sheet.append([TEMPLATE_TITLE[language]])
    sheet.append([])
    sheet.append(TEMPLATE_HEADERS[language])
    for row in TEMPLATE_ROWS[language]:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for index, width in enumerate(TEMPLATE_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    workbook.save(path)
