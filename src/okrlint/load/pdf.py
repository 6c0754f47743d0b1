"""PDF documents: published plans and exported drafts, read through their text layer.

pypdf gives each page's text laid out as on the page; okrlint then reads it as a plain-text draft. Two
things are done first:

* Tables come out as columns of text separated by runs of spaces, each table row a block of lines. Such
  blocks become Markdown pipe tables, so the columns (Objective, Key result, target, baseline) are read as
  in any other table. A cell wrapped over several lines is joined back.
* Thai text from PDFs made with Windows fonts often carries the fonts' private-use glyph variants of
  tone marks and vowels, and SARA AM split into NIKHAHIT + SARA AA; these are mapped back to plain Thai.

Findings point at a page and the line on that page. A scanned PDF (pictures of pages, no text) cannot be
read: it is reported as such.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from okrlint.model import InputError, LoadResult, Location

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 500  # a plan runs to tens of pages; a whole book is not an OKR draft
_PART = re.compile(r"\S+(?: {1,2}\S+)*")  # text up to a gap of three spaces or more
_NARROW_GAP = re.compile(r"  (?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d+\s*-|\d+|หน้า\s*[\d๐-๙]+|page\s+\d+(?:\s+of\s+\d+)?|[\d๐-๙]+\s*/\s*[\d๐-๙]+)\s*$",
                          re.IGNORECASE)

# Thai glyph variants in the private-use area (Windows and Mac Thai fonts), as their plain characters.
_THAI_PRIVATE_USE = str.maketrans({
    "\uf700": "\u0e10", "\uf701": "\u0e31", "\uf702": "\u0e34", "\uf703": "\u0e35", "\uf704": "\u0e36",
    "\uf705": "\u0e37", "\uf706": "\u0e48", "\uf707": "\u0e49", "\uf708": "\u0e4a", "\uf709": "\u0e4b",
    "\uf70a": "\u0e4c", "\uf70b": "\u0e48", "\uf70c": "\u0e49", "\uf70d": "\u0e4a", "\uf70e": "\u0e4b",
    "\uf70f": "\u0e4c", "\uf710": "\u0e31", "\uf711": "\u0e4d", "\uf712": "\u0e47", "\uf713": "\u0e48",
    "\uf714": "\u0e49", "\uf715": "\u0e4a", "\uf716": "\u0e4b", "\uf717": "\u0e4c", "\uf718": "\u0e38",
    "\uf719": "\u0e39", "\uf71a": "\u0e3a",
})
# SARA AM drawn as NIKHAHIT and SARA AA, with a tone mark possibly between or before them.
_SPLIT_SARA_AM = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")


class PdfError(Exception):
    pass


def fix_thai(text: str) -> str:
    """Thai as extracted from PDFs, written back as plain Unicode Thai."""
    if not any("\u0e00" <= ch <= "\u0e7f" or "\uf700" <= ch <= "\uf71a" for ch in text):
        return text
    text = text.translate(_THAI_PRIVATE_USE)
    text = _SPLIT_SARA_AM.sub(lambda m: m.group(1) + m.group(2) + "\u0e33", text)
    # SARA AM drawn as its own glyph plus a SARA AA glyph, both mapped to text ("ประจำา"): never Thai.
    text = text.replace("\u0e33\u0e32", "\u0e33")
    # Marks come in the order they were drawn (tone mark before a lower vowel); NFC puts them in Unicode's
    # order, as typed text has them, so that words match the vocabulary.
    return unicodedata.normalize("NFC", text)


def page_texts(data: bytes) -> list[str]:
    """Each page's text, laid out as on the page; PdfError for what is not a readable PDF."""
    if not data.lstrip()[:1024].startswith(PDF_MAGIC) and PDF_MAGIC not in data[:1024]:
        raise PdfError("not a PDF document (the file is damaged or is another kind of file)")
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - a declared dependency
        raise PdfError("reading PDF documents needs pypdf: pip install pypdf") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns about every damaged object it works around
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfError("the PDF is password-protected; save a copy without a password")
        pages = list(reader.pages)
    except PdfError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types for damaged files
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise PdfError(f"the PDF is damaged or cannot be read ({detail})") from None
    texts = []
    for page in pages[:MAX_PAGES]:
        try:
            text = page.extract_text(extraction_mode="layout")
        except Exception:  # noqa: BLE001 - one damaged page does not lose the others
            try:
                text = page.extract_text()
            except Exception:  # noqa: BLE001
                text = ""
        texts.append(text or "")
    return texts


@attrs.frozen
class _Row:
    """One table row: its cells by column, and the page line it starts on."""

    cells: tuple[str, ...]
    page: int
    line: int


def _segments(line: str, columns: list[int] = ()) -> list[tuple[int, str]]:
    """(start column, text) of the parts of a line separated by three spaces or more, or by two where the
    part after them starts at one of ``columns`` (narrow table columns)."""
    found = []
    for match in _PART.finditer(line):
        start, text = match.start(), match.group(0)
        if columns:
            for gap in _NARROW_GAP.finditer(text):
                if any(abs(start + gap.end() - column) <= 1 for column in columns):
                    found.append((start, text[: gap.start()]))
                    text, start = text[gap.end():], start + gap.end()
                    break
        found.append((start, text))
    return found


def _column_of(start: int, columns: list[int]) -> int:
    """The column a part starting at ``start`` belongs to: the last column starting at or before it."""
    best = 0
    for index, column in enumerate(columns):
        if start >= column:  # columns are the leftmost start of their cluster
            best = index
    return best


def _join(before: str, after: str) -> str:
    if not before:
        return after
    thai_join = "\u0e00" <= before[-1] <= "\u0e7f" and "\u0e00" <= after[:1] <= "\u0e7f"
    return before + ("" if thai_join else " ") + after


def _inside_columns(parts: list[tuple[int, list[tuple[int, str]]]], columns: list[int]) -> bool:
    """Whether every part of a block starts where a column other than the first starts."""
    return all(
        any(abs(start - column) <= 2 for column in columns[1:]) for _, segments in parts for start, _ in segments
    )


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, with their 1-based line numbers; a run of table lines is cut where a row
    starts (see :func:`_row_starts`)."""
    blocks, current = [], []
    for number, line in enumerate(lines, 1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return [part for block in blocks for part in _split_rows(block)]


def _split_rows(block: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A table whose rows are not set apart by blank lines, cut into rows: a new row starts at a line where
    some column has text again after a line where it had none (one cell's wrapped lines follow each other
    without a gap, so text that comes back under a column belongs to the next row's cell)."""
    if len(block) < 2:
        return [block]
    segments, columns = _table_parts(block)
    if not columns:
        return [block]

    def filled(parts) -> set[int]:
        return {_nearest(start, columns) for start, _ in parts}

    rows, current = [], [block[0]]
    seen = filled(segments[0])
    previous, previous_all_new = seen, True
    for item, parts in zip(block[1:], segments[1:]):
        now = filled(parts)
        # A line holding only cells new to the row (values centred in a tall row) does not end the cells
        # it interrupts: the text after it still belongs to them.
        if (any(column in seen and column not in previous for column in now) and len(parts) >= 2
                and not previous_all_new):
            rows.append(current)
            current, seen = [], set()
        previous_all_new = bool(now) and not (now & seen)
        current.append(item)
        seen |= now
        previous = now
    rows.append(current)
    return rows


def _table_parts(block: list[tuple[int, str]]) -> tuple[list[list[tuple[int, str]]], list[int]]:
    """Each line's parts, and the block's column starts ([] when no line has two parts: not a table)."""
    segments = [_segments(line) for _, line in block]
    if max(len(s) for s in segments) < 2:
        return segments, []
    columns = _clustered(start for s in segments if len(s) >= 2 for start, _ in s)
    segments = [_segments(line, columns) for _, line in block]  # narrow columns: two spaces apart
    return segments, _clustered(start for s in segments if len(s) >= 2 for start, _ in s)


def _clustered(starts) -> list[int]:
    """Column starts: starts within two characters of each other are one column (the leftmost)."""
    columns: list[int] = []
    for start in sorted(set(starts)):
        if not columns or start - columns[-1] > 2:
            columns.append(start)
    return columns


def _nearest(start: int, columns: list[int]) -> int:
    return min(columns, key=lambda column: abs(column - start)) if columns else start


def _page_lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    # Running headers and footers: a lone page number at the top or the bottom of the page.
    for end in (0, -1):
        nonblank = [i for i, line in enumerate(lines) if line.strip()]
        if nonblank and _PAGE_NUMBER.match(lines[nonblank[end]]):
            lines[nonblank[end]] = ""
    return lines


def draft_text(pages: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The pages as one draft text with tables as pipe tables, and for each of its lines (page, line on page)."""
    out: list[str] = []
    where: list[tuple[int, int]] = []

    def emit(text: str, page: int, line: int) -> None:
        out.append(text)
        where.append((page, line))

    table: list[_Row] = []
    columns: list[int] = []
    table_page = 0

    def flush() -> None:
        if not table:
            return
        if len(table) == 1:  # a title or a note spread across the line, not a table
            only = table.pop()
            emit(" ".join(cell for cell in only.cells if cell), only.page, only.line)
            return
        header = table[0]
        emit("| " + " | ".join(c.replace("|", "\\|") for c in header.cells) + " |", header.page, header.line)
        emit("|" + "---|" * len(columns), header.page, header.line)
        for row in table[1:]:
            emit("| " + " | ".join(c.replace("|", "\\|") for c in row.cells) + " |", row.page, row.line)
        emit("", table[-1].page, table[-1].line)
        table.clear()

    for page_number, page in enumerate(pages, 1):
        lines = _page_lines(page)
        for block in _blocks(lines):
            segments, block_columns = _table_parts(block)
            parts = [(number, line_parts) for (number, _), line_parts in zip(block, segments)]
            widest = max(len(line_parts) for line_parts in segments)
            if widest == 1 and table and _inside_columns(parts, columns):
                widest = 2  # a row with one cell filled, under a column other than the first
                block_columns = columns
            if widest >= 2:
                if table and len(block_columns) > len(columns) + 1:
                    flush()
                if not table:
                    columns = block_columns
                    table_page = page_number
                elif page_number != table_page and len(block_columns) != len(columns):
                    flush()
                    columns = block_columns
                    table_page = page_number
                cells = [""] * len(columns)
                for _, segments in parts:
                    for start, text in segments:
                        index = _column_of(start, columns)
                        cells[index] = _join(cells[index], fix_thai(text))
                row = _Row(tuple(cells), page_number, block[0][0])
                if table and row.cells == table[0].cells:
                    continue  # the header repeated at the top of the next page
                table.append(row)
                continue
            flush()
            for number, line in block:
                emit(fix_thai(line.strip()), page_number, number)
            emit("", page_number, block[-1][0])
        # A table may go on over the page break: it is closed by the first line that is not a row.
    flush()
    return ("\n".join(out) + "\n" if out else ""), where


def _relocate(value: Any, where: list[tuple[int, int]], filename: str) -> Any:
    """``value`` with every Location of the draft text turned into (page, line on the page)."""
    if isinstance(value, Location):
        if value.file != filename or not where:
            return value
        page, line = where[min(max(value.line, 1), len(where)) - 1]
        return attrs.evolve(value, line=line, column=1, page=page)
    if isinstance(value, tuple):
        return tuple(_relocate(item, where, filename) for item in value)
    if isinstance(value, list):
        return [_relocate(item, where, filename) for item in value]
    if isinstance(value, dict):
        return {key: _relocate(item, where, filename) for key, item in value.items()}
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = _relocate(old, where, filename)
            if new is not old:
                changes[field.alias] = new
        return attrs.evolve(value, **changes) if changes else value
    return value


def load_pdf(filename: str, data: bytes, options: Mapping[str, Any]) -> LoadResult:
    from okrlint.load.draft import _with_tables, lines_from_text, parse_draft
    from okrlint.load.markdown_tables import split_tables

    try:
        pages = page_texts(data)
    except PdfError as exc:
        return LoadResult(errors=(InputError(str(exc), Location(filename)),))
    if not any(page.strip() for page in pages):
        return LoadResult(errors=(InputError(
            "the PDF has no text to read (a scanned document?); use the document it was made from, "
            "or copy its text into a .md or .txt file", Location(filename)),))
    text, where = draft_text(pages)
    tables, rest = split_tables(text, markdown=False)
    if tables:
        result = _with_tables(rest, tables, filename, options, "pdf")
    else:
        result = parse_draft(lines_from_text(rest, filename), filename, options, source_format="pdf")
    return _relocate(result, where, filename)
