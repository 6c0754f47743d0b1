"""PDF documents: published plans and exported drafts, read through their text layer.

pypdf reads where each run of text is drawn on the page; okrlint rebuilds the page's lines from that and
reads them as a plain-text draft. Two things are done first:

* Pieces of a line far apart (a table's columns, with or without ruling lines) are kept apart with their
  positions; runs of such lines become Markdown pipe tables, so the columns (Objective, Key result, target,
  baseline) are read as in any other table. A cell wrapped over several lines is joined back, and rows not
  set apart by blank lines are cut where a column's text comes back after a gap.
* Thai text from PDFs made with Windows fonts often carries the fonts' private-use glyph variants of tone
  marks and vowels, SARA AM split into NIKHAHIT + SARA AA or drawn as two glyphs, and marks in drawing
  order; these are written back as plain Unicode Thai.

Positions are real (points), not characters of a fixed-width rendering: Thai text with its combining marks
drifts in a fixed-width rendering and would open false column gaps inside sentences.

Findings point at a page and the line on that page. A scanned PDF (pictures of pages, no text) cannot be
read: it is reported as such.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

import attrs

from okrlint.text.nfc import nfc
from okrlint.load.limits import MAX_PDF_CONTENT_BYTES, MAX_PDF_PAGES, MEGABYTE
from okrlint.model import InputError, LoadResult, Location
from okrlint.text import regexcache

PDF_MAGIC = b"%PDF-"
MAX_PAGES = MAX_PDF_PAGES
COLUMN_GAP_EM = 0.8  # a gap this wide (in font heights) between two pieces of a line parts table columns
WORD_GAP_EM = 0.15  # narrower than this, two pieces are one word (a run change inside a word)
PARAGRAPH_GAP = 1.8  # a line this far below the previous one (in line heights) leaves a blank line
COLUMN_TOLERANCE = 4.0  # points: starts this close are one column
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d+\s*-|\d+|หน้า\s*[\d๐-๙]+|page\s+\d+(?:\s+of\s+\d+)?|[\d๐-๙]+\s*/\s*[\d๐-๙]+)\s*$",
                          re.IGNORECASE)

# Thai glyph variants in the private-use area (Windows and Mac Thai fonts), as their plain characters.
_THAI_PRIVATE_USE = str.maketrans({
    # as HarfBuzz's Thai shaper lays them out (hb-ot-shaper-thai.cc): tho than and yo ying without their descenders,
    # the upper vowels and marks shifted left (SL), the tone marks shifted down (SD) or down and left (SDL)
    "\uf700": "\u0e10", "\uf701": "\u0e34", "\uf702": "\u0e35", "\uf703": "\u0e36", "\uf704": "\u0e37",
    "\uf705": "\u0e48", "\uf706": "\u0e49", "\uf707": "\u0e4a", "\uf708": "\u0e4b", "\uf709": "\u0e4c",
    "\uf70a": "\u0e48", "\uf70b": "\u0e49", "\uf70c": "\u0e4a", "\uf70d": "\u0e4b", "\uf70e": "\u0e4c",
    "\uf70f": "\u0e0d", "\uf710": "\u0e31", "\uf711": "\u0e4d", "\uf712": "\u0e47", "\uf713": "\u0e48",
    "\uf714": "\u0e49", "\uf715": "\u0e4a", "\uf716": "\u0e4b", "\uf717": "\u0e4c", "\uf718": "\u0e38",
    "\uf719": "\u0e39", "\uf71a": "\u0e3a",
})
# Control characters a font maps some glyphs to: never text.
_CONTROL = dict.fromkeys(i for i in range(32) if chr(i) not in "\t\n")
# SARA AM drawn as NIKHAHIT and SARA AA, with a tone mark possibly between or before them.
_SPLIT_SARA_AM = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")

# Glyph maps that swap Thai marks (LibreOffice with the tlwg fonts: Garuda, Loma, Norasi): a written Thai
# syllable is a consonant, at most one vowel below or above it, at most one tone mark, and nothing of that
# after a space. Sequences written Thai never has are put back; valid text matches none of them.
_THAI_REPAIRS = tuple((regexcache.compile(pattern), replacement) for pattern, replacement in (
    # a glyph the map left out, between Thai letters: the heading fonts' SARA AA ("ยุทธศ\x03สตร์")
    ("(?<=[\u0e01-\u0e4e])\x03(?=[\u0e01-\u0e4e])", "\u0e32"),
    # SARA AM, a tone mark and SARA AA ("นำ้า": SARA AM drawn as two glyphs around the tone mark): the tone
    # mark goes before SARA AM
    ("\u0e33([\u0e48-\u0e4b])\u0e32", "\\1\u0e33"),
    # two tone marks on one consonant ("ผ้่", "อย่่"): the second is SARA UU drawn after the tone mark
    ("([\u0e48-\u0e4b])[\u0e48\u0e49]", "\\1\u0e39"),
    # two vowels below one consonant ("คูุม"): the SARA UU drawn first is MAI THO
    ("\u0e39(?=[\u0e38\u0e39])", "\u0e49"),
    # a vowel below the consonant a vowel written before it belongs to ("ไดู", "ใหู", "แลูว"), or before SARA
    # AA or SARA AM ("ลูาน"): no Thai vowel combines so, and the SARA UU is MAI THO
    ("(?<=[\u0e40-\u0e44][\u0e01-\u0e2e])\u0e39(?![\u0e48-\u0e4b])", "\u0e49"),
    ("\u0e39(?=[\u0e32\u0e33])", "\u0e49"),
    # a space after a mark, before SARA AA or SARA AM ("เป้ าหมาย", "ไฟฟ้ า"): no word starts with them
    ("(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]) +(?=[\u0e32\u0e33])", ""),
    # a space after a tone mark drawn shifted left on a tall consonant, with no vowel yet ("ป้ องกัน", "ฝ่ าย"):
    # a consonant with only a tone mark is no syllable unless a vowel written before it ends it ("โป๊")
    ("(?<=[\u0e1b\u0e1d\u0e1f\u0e2c][\u0e48-\u0e4b])(?<![\u0e40-\u0e44][\u0e1b\u0e1d\u0e1f\u0e2c][\u0e48-\u0e4b]) +"
     "(?=[\u0e01-\u0e2e])", ""),
))

# A list's bullet or number at the start of a line, set apart from its text by a tab stop: part of the line,
# not a column. A number only when the gap is a list's (a table's "No." column is wider).
_BULLET = re.compile(r"[•◦▪▫●○■□➢►▸✓✔·\uf020-\uf0ff]")
_NUMBER = re.compile(r"\(?(?:[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*|[a-zก-ฮ]|[ivx]{1,4})[.)]", re.IGNORECASE)
LIST_GAP_EM = 2.0


def _is_list_marker(text: str, gap_em: float) -> bool:
    text = text.strip()
    return bool(_BULLET.fullmatch(text) or gap_em < LIST_GAP_EM and _NUMBER.fullmatch(text))


Part = tuple[float, str]  # where a piece of a line starts (points from the page's left text edge), its text
Line = tuple[Part, ...]  # the pieces of one line of a page, left to right; () is a blank line


class PdfError(Exception):
    pass


def fix_thai(text: str) -> str:
    """Thai as extracted from PDFs, written back as plain Unicode Thai."""
    if not any("\u0e00" <= ch <= "\u0e7f" or "\uf700" <= ch <= "\uf71a" for ch in text):
        return text
    text = _THAI_REPAIRS[0][0].sub(_THAI_REPAIRS[0][1], text.translate(_THAI_PRIVATE_USE))
    return _marks_written_back(text.translate(_CONTROL))


# What text copied out of a PDF (pdftotext's output, a PDF viewer's copy) shows when its Thai is still as the font
# drew it: a private-use glyph variant of a mark, or SARA AM split into NIKHAHIT and SARA AA (typed Thai has neither)
_EXTRACTED_THAI = regexcache.compile("[\uf700-\uf71a]|\u0e4d[\u0e48-\u0e4b]?\u0e32")
_COLUMN_GAP = regexcache.compile(r"(\t|[ \u00a0]{2,})")
_LINE_END = regexcache.compile(r"(\r\n|\r|\n|\f)")


def repair_extracted_thai(text: str) -> str:
    """A text file's Thai as :func:`fix_thai` writes a PDF's back, when the file shows the signs of text copied out of
    a PDF ("สําหรับ", "ผู\uf70bใช้", "ไฟฟ้ า"); any other text is returned as it is (its own typing is left alone). Line
    ends, form feeds and tabs stay; a piece of a line shortened by the repair is padded with spaces before the gap
    after it, so that columns lined up with spaces (a table's) stay where they were."""
    if _EXTRACTED_THAI.search(text) is None:
        return text
    lines = []
    for line in _LINE_END.split(text):
        if not line or line in ("\r\n", "\r", "\n", "\f") or line.isascii():
            lines.append(line)
            continue
        pieces = _COLUMN_GAP.split(line)
        for index in range(0, len(pieces), 2):
            written = _marks_written_back(pieces[index].translate(_THAI_PRIVATE_USE))
            short = len(pieces[index]) - len(written)
            pieces[index] = written + " " * short if short > 0 and index + 1 < len(pieces) else written
        lines.append("".join(pieces))
    return "".join(lines)


def _marks_written_back(text: str) -> str:
    """Thai marks as a PDF's fonts leave them (SARA AM split or drawn twice, marks in drawing order, marks swapped
    by a glyph map, a space before SARA AA), written back as typed Thai has them."""
    text = _SPLIT_SARA_AM.sub(lambda m: m.group(1) + m.group(2) + "\u0e33", text)
    # SARA AM drawn as its own glyph plus a SARA AA glyph, both mapped to text ("ประจำา"): never Thai.
    text = text.replace("\u0e33\u0e32", "\u0e33")
    # Marks come in the order they were drawn (tone mark before a lower vowel); NFC puts them in Unicode's
    # order, as typed text has them, so that words match the vocabulary.
    text = nfc(text)
    for pattern, replacement in _THAI_REPAIRS[1:]:
        text = pattern.sub(replacement, text)
    return nfc(text)


def read_pages(data: bytes) -> list[list[Line]]:
    """Each page's lines (of the first MAX_PAGES); PdfError for what is not a readable PDF."""
    return _read_pages(data)[0]


def _read_pages(data: bytes) -> tuple[list[list[Line]], int]:
    """The lines of the first MAX_PAGES pages, and how many pages the PDF has."""
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
    # Reading a page's text costs time with every byte of its drawing instructions (about a second a megabyte),
    # and pages may all share one huge content stream: the pages together are held to a budget.
    budget = MAX_PDF_CONTENT_BYTES
    lines = []
    for page in pages[:MAX_PAGES]:
        budget -= _content_size(page)
        if budget < 0:
            raise PdfError(f"the PDF's pages hold more than {MAX_PDF_CONTENT_BYTES // MEGABYTE:,} MB of drawing "
                           "instructions once decompressed; not read")
        lines.append(_page_lines(page))
    return lines, len(pages)


def _content_size(page) -> int:
    from pypdf.errors import LimitReachedError

    try:
        contents = page.get_contents()
        return len(contents.get_data()) if contents is not None else 0
    except LimitReachedError:
        raise PdfError("a page of the PDF decompresses to more than pypdf reads (a zip bomb?); not read") from None
    except Exception:  # noqa: BLE001 - a damaged page: reading it says so (or gives no text)
        return 0


def _page_lines(page) -> list[Line]:
    """A page's lines with where each piece starts; plain text lines when the layout cannot be read."""
    try:
        return _placed_lines(page)
    except Exception:  # noqa: BLE001 - pypdf's layout reader is not public API; a damaged page is text only
        pass
    try:
        text = page.extract_text() or ""
    except Exception:  # noqa: BLE001 - one damaged page does not lose the others
        return []
    return [((0.0, line.strip()),) if line.strip() else () for line in text.splitlines()]


def _placed_lines(page) -> list[Line]:
    """Lines from the positions pypdf's layout mode reads for each run of text: pieces more than
    COLUMN_GAP_EM apart are separate parts (table columns), closer ones are joined."""
    from pypdf._text_extraction import _layout_mode
    from pypdf.generic import ContentStream

    contents = page.get("/Contents")
    if contents is None:
        return []
    operations = iter(ContentStream(contents.get_object(), page.pdf, "bytes").operations)
    operations = list(operations)
    groups, origin = _text_groups(operations, page._layout_mode_fonts())
    if not groups:
        return []
    # pypdf gives text positions from the leftmost text on the page: the drawn rules are moved the same way
    rules, walls = _ruling(operations, origin)
    placed: list[tuple[float, float, Line]] = []  # (y, line height, pieces)
    for y, pieces in _layout_mode.y_coordinate_groups(groups).items():
        parts: list[list] = []
        end = 0.0
        line_height = 0.0
        for piece in sorted(pieces, key=lambda piece: piece["tx"]):
            text = piece["text"].replace("\n", " ")
            if not text.strip():
                continue
            em = piece["font_height"] or piece["font_size"] or 10.0
            line_height = max(line_height, em)
            gap = piece["tx"] - end
            # A table's vertical border between two pieces parts cells however narrow the gap: Thai text
            # wraps right up to the border, so the next column's text may start less than a character away.
            walled = parts and _wall_between(walls, end, piece["tx"], float(y), em)
            if parts and not walled and (gap < COLUMN_GAP_EM * em
                                         or len(parts) == 1 and _is_list_marker(parts[0][1], gap / em)):
                joint = " " if gap > WORD_GAP_EM * em and not parts[-1][1].endswith(" ") and not text.startswith(" ") else ""
                parts[-1][1] += joint + text
            else:
                parts.append([piece["tx"], text])
            end = max(end, piece["displaced_tx"])
        pieces_of_line = tuple((round(start, 1), text.strip()) for start, text in parts if text.strip())
        if pieces_of_line:
            placed.append((float(y), line_height, pieces_of_line))
    # The page's own line spacing: Thai fonts set lines further apart than their nominal height, so a gap is a
    # paragraph break only against what is usual on this page.
    # The step between the lines of one paragraph is the page's shortest common one (a quarter of the steps
    # are at most this); wider steps part paragraphs, and table rows where no border is drawn.
    steps = sorted(abs(a[0] - b[0]) for a, b in zip(placed, placed[1:]) if abs(a[0] - b[0]) > 0)
    usual = steps[len(steps) // 4] if steps else 0.0
    rows: list[list[Line]] = [[]]  # the lines of each paragraph or table row
    table_start = 0  # the first row of the table being read (rows since the last paragraph gap)
    merged: dict[float, int] = {}  # where a merged cell's text goes on below a border: its column's start -> row
    for index, (y, line_height, pieces_of_line) in enumerate(placed):
        if index:
            last_y, height = placed[index - 1][0], placed[index - 1][1]
            gap = abs(last_y - y)
            between = [rule for rule in rules if min(last_y, y) < rule[0] < max(last_y, y)]
            # (a page of few lines has no usual step to speak of: at most one and a half line heights)
            if gap > PARAGRAPH_GAP * height and gap > 1.3 * min(usual or gap, 1.5 * height):
                rows.append([])
                table_start = len(rows) - 1
                merged.clear()
            elif between:
                # A table's row border between the two lines: a new row, but only in the columns it crosses.
                # A cell merged over several rows (an objective beside its key results) has no border under
                # the rows it spans, so its text below the border goes on in the cell it started in.
                for part in pieces_of_line:
                    home = _merged_cell_row(rows, table_start, part[0], between, rules)
                    if home is not None:
                        merged[part[0]] = home
                for start in [start for start in merged if any(_crosses(rule, start) for rule in between)]:
                    del merged[start]
                rows.append([])
            kept = []
            for part in pieces_of_line:
                home = next((row for start, row in merged.items() if abs(start - part[0]) <= COLUMN_TOLERANCE), None)
                if home is None:
                    kept.append(part)
                else:
                    rows[home].append((part,))
            pieces_of_line = tuple(kept)
        if pieces_of_line:
            rows[-1].append(pieces_of_line)
    lines: list[Line] = []
    for row in rows:
        if row:
            if lines:
                lines.append(())
            lines.extend(row)
    return lines


def _merged_cell_row(rows: list[list[Line]], first: int, start: float, between: list[tuple[float, float, float]],
                     rules: list[tuple[float, float, float]]) -> int | None:
    """The row a part starting at ``start`` goes on in when a row border lies above it: None when a border
    crosses its column (a new cell), or when the part is outside the ruled table or starts a column no row
    above (since ``first``) has text in."""

    if any(_crosses(rule, start) for rule in between) or not any(_crosses(rule, start) for rule in rules):
        return None
    for index in range(len(rows) - 1, first - 1, -1):
        if any(abs(part_start - start) <= COLUMN_TOLERANCE for line in rows[index] for part_start, _ in line):
            return index
    return None


def _crosses(rule: tuple[float, float, float], start: float) -> bool:
    """Whether a horizontal rule runs under (or over) the text of a column starting at ``start``."""
    return rule[1] - 1.0 <= start <= rule[2]


def _text_groups(operations: list, fonts) -> tuple[list[dict], float]:
    """pypdf's runs of text with their positions (``text_show_operations``), and how far pypdf moved them
    left (it measures from the leftmost text on the page; the page's drawn rules are not moved)."""
    from pypdf._text_extraction import _layout_mode

    groups = _layout_mode.text_show_operations(iter(operations), fonts, True)
    try:
        from pypdf._text_extraction._layout_mode import _fixed_width_page as fixed

        state, found, ops = fixed.TextStateManager(), [], iter(operations)
        for operands, operator in ops:
            if operator in (b"BT", b"q"):
                found.extend(fixed.recurse_to_target_op(ops, state, b"ET" if operator == b"BT" else b"Q",
                                                        fonts, True)[0])
            elif operator == b"Tf":
                fixed.set_font_operation(state, fonts, operands)
            else:
                state.set_state_param(operator, operands)
        origin = min((group["tx"] for group in found), default=0.0)
    except Exception:  # noqa: BLE001 - pypdf's internals changed: rules are then read across the whole page
        origin = None
    return groups, origin


def _wall_between(walls: list[tuple[float, float, float]], left: float, right: float, y: float, em: float) -> bool:
    """Whether a vertical rule stands between ``left`` and ``right`` on the line at ``y`` (a cell border)."""
    return any(left - 1.0 <= x <= right + 1.0 and low - em <= y <= high for x, low, high in walls)


def _horizontal_rules(operations) -> list[float]:
    """The heights of horizontal lines drawn on the page (table row borders)."""
    return sorted({rule[0] for rule in _ruling(operations, 0.0)[0]})


def _ruling(operations, origin: float | None) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The lines drawn on the page, in the coordinates of its text (x less ``origin``): horizontal ones (table
    row borders) as (height, left, right) and vertical ones (column borders) as (x, bottom, top); stroked
    lines (``m``/``l``) and thin filled rectangles (``re``), through the graphics state's transforms. With no
    ``origin`` (text positions unknown) horizontal rules reach across the page and vertical ones are not read."""
    matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple] = []
    start: tuple[float, float] | None = None
    found: set[tuple[float, float, float]] = set()
    upright: set[tuple[float, float, float]] = set()
    shift = origin or 0.0
    wide = float("inf")
    outlined: list[tuple[float, float, float, float]] = []  # rectangles of the path being built

    def horizontal(y: float, x1: float, x2: float) -> None:
        if origin is None:
            found.add((round(y, 1), -wide, wide))
        else:
            found.add((round(y, 1), round(min(x1, x2) - shift, 1), round(max(x1, x2) - shift, 1)))

    def vertical(x: float, y1: float, y2: float) -> None:
        if origin is not None:
            upright.add((round(x - shift, 1), round(min(y1, y2), 1), round(max(y1, y2), 1)))

    def point(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = matrix
        return a * x + c * y + e, b * x + d * y + f

    for operands, operator in operations:
        try:
            if operator == b"q":
                stack.append(matrix)
            elif operator == b"Q":
                matrix = stack.pop() if stack else matrix
            elif operator == b"cm" and len(operands) == 6:
                a2, b2, c2, d2, e2, f2 = (float(v) for v in operands)
                a, b, c, d, e, f = matrix
                matrix = (a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d,
                          e2 * a + f2 * c + e, e2 * b + f2 * d + f)
            elif operator == b"m" and len(operands) == 2:
                start = point(float(operands[0]), float(operands[1]))
            elif operator == b"l" and len(operands) == 2 and start is not None:
                end = point(float(operands[0]), float(operands[1]))
                if abs(end[1] - start[1]) < 0.5 and abs(end[0] - start[0]) > 20:
                    horizontal(start[1], start[0], end[0])
                elif abs(end[0] - start[0]) < 0.5 and abs(end[1] - start[1]) > 4:
                    vertical(start[0], start[1], end[1])
                start = end
            elif operator == b"re" and len(operands) == 4:
                x, y, w, h = (float(v) for v in operands)
                (x1, y1), (x2, y2) = point(x, y), point(x + w, y + h)
                if abs(y2 - y1) <= 2.0 and abs(x2 - x1) > 20:
                    horizontal((y1 + y2) / 2, x1, x2)
                elif abs(x2 - x1) <= 2.0 and abs(y2 - y1) > 4:
                    vertical((x1 + x2) / 2, y1, y2)
                elif abs(y2 - y1) > 4 and abs(x2 - x1) > 4:
                    outlined.append((x1, y1, x2, y2))  # a cell, if the path is stroked (FPDF, TCPDF, reportlab)
            elif operator in _STROKES:
                for x1, y1, x2, y2 in outlined:  # each stroked cell's edges are the table's rules
                    if abs(x2 - x1) > 20:
                        horizontal(y1, x1, x2)
                        horizontal(y2, x1, x2)
                    vertical(x1, y1, y2)
                    vertical(x2, y1, y2)
                outlined = []
            elif operator in _PAINTS:
                outlined = []  # a filled cell is shading, not a border
        except (TypeError, ValueError):
            continue
    return sorted(found), sorted(upright)


_STROKES = frozenset({b"S", b"s", b"B", b"B*", b"b", b"b*"})
_PAINTS = frozenset({b"f", b"F", b"f*", b"n"})


@attrs.frozen
class _Row:
    """One table row: its cells by column, and the page line it starts on."""

    cells: tuple[str, ...]
    page: int
    line: int


def _column_of(start: float, columns: list[float]) -> int:
    """The column a part starting at ``start`` belongs to: the last column starting at or before it."""
    best = 0
    for index, column in enumerate(columns):
        if start >= column - 1.0:  # columns are the leftmost start of their cluster
            best = index
    return best


def _join(before: str, after: str) -> str:
    if not before:
        return after
    thai_join = "\u0e00" <= before[-1] <= "\u0e7f" and "\u0e00" <= after[:1] <= "\u0e7f"
    # a word carried over a line end after its hyphen ("in-" / "house", "re-" / "referrals") stays one word
    hyphen_join = len(before) > 1 and before[-1] == "-" and before[-2].isalpha() and after[:1].islower()
    return before + ("" if thai_join or hyphen_join else " ") + after


def _inside_columns(parts: list[tuple[int, Line]], columns: list[float]) -> bool:
    """Whether every part of a block starts where a column other than the first starts."""
    return all(
        any(abs(start - column) <= COLUMN_TOLERANCE for column in columns[1:]) for _, line in parts for start, _ in line
    )


def _blocks(lines: list[Line]) -> list[list[tuple[int, Line]]]:
    """Runs of non-blank lines, with their 1-based line numbers; a run of table lines is cut where a row
    starts (see :func:`_split_rows`)."""
    blocks, current = [], []
    for number, line in enumerate(lines, 1):
        if line:
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return [part for block in blocks for part in _split_rows(block)]


def _columns(block: list[tuple[int, Line]]) -> list[float]:
    """The block's column starts ([] when no line has two parts: not a table)."""
    if max(len(line) for _, line in block) < 2:
        return []
    return _clustered(start for _, line in block if len(line) >= 2 for start, _ in line)


def _split_rows(block: list[tuple[int, Line]]) -> list[list[tuple[int, Line]]]:
    """A table whose rows are not set apart by blank lines, cut into rows: a new row starts at a line where
    some column has text again after a line where it had none (one cell's wrapped lines follow each other
    without a gap, so text that comes back under a column belongs to the next row's cell)."""
    if len(block) < 2:
        return [block]
    columns = _columns(block)
    if not columns:
        return [block]

    def filled(line: Line) -> set[int]:
        return {_column_of(start, columns) for start, _ in line}

    rows, current = [], [block[0]]
    seen = filled(block[0][1])
    previous, previous_all_new = seen, True
    for item in block[1:]:
        now = filled(item[1])
        # A line holding only cells new to the row (values centred in a tall row) does not end the cells
        # it interrupts: the text after it still belongs to them.
        if (any(column in seen and column not in previous for column in now) and len(item[1]) >= 2
                and not previous_all_new):
            rows.append(current)
            current, seen = [], set()
        previous_all_new = bool(now) and not (now & seen)
        current.append(item)
        seen |= now
        previous = now
    rows.append(current)
    return rows


def _within(found: list[float], columns: list[float]) -> bool:
    """Every column start of a block is one of the table's (a row that fills only some of the columns)."""
    return all(any(abs(start - column) <= COLUMN_TOLERANCE for column in columns) for start in found)


_DIGIT_START = re.compile(r"^\s*[(]?[0-9๐-๙]")


def _continues(row: "_Row", above: "_Row") -> bool:
    """A page's first row that only carries on the cells of the row above (no numbering, no values of its
    own, only under columns the row above fills)."""
    filled = [i for i, cell in enumerate(row.cells) if cell]
    first_above = next((i for i, cell in enumerate(above.cells) if cell), None)
    return (bool(filled) and filled[0] == first_above  # a new key result row leaves the objective column empty
            and all(above.cells[i] and not _DIGIT_START.match(row.cells[i]) for i in filled))


def _carried_first_cell(block: list[tuple[int, Line]], columns: list[float], table: list["_Row"],
                        first_width: int) -> bool:
    """Whether a block of one-part lines at the top of a page, under the open table's first column, is the
    rest of the first cell of the row the page break cut: its lines are no longer than those the column
    holds (a heading or a paragraph after the table runs wider), and it carries on that row's cell."""
    if len(table) < 2 or not columns or not table[-1].cells[0]:
        return False
    if not all(abs(line[0][0] - columns[0]) <= COLUMN_TOLERANCE for _, line in block):
        return False
    if not all(len(line[0][1]) <= first_width + 2 for _, line in block):
        return False
    row = _Row(tuple([" ".join(line[0][1] for _, line in block)] + [""] * (len(columns) - 1)), 0, 0)
    return _continues(row, table[-1])


def _clustered(starts) -> list[float]:
    """Column starts: starts within COLUMN_TOLERANCE of each other are one column (the leftmost)."""
    columns: list[float] = []
    for start in sorted(set(starts)):
        if not columns or start - columns[-1] > COLUMN_TOLERANCE:
            columns.append(start)
    return columns


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """Running headers and footers: a lone page number at the top or the bottom of the page goes."""
    lines = list(lines)
    for end in (0, -1):
        filled = [i for i, line in enumerate(lines) if line]
        if filled and len(lines[filled[end]]) == 1 and _PAGE_NUMBER.match(lines[filled[end]][0][1]):
            lines[filled[end]] = ()
    return lines


_DIGITS = regexcache.compile(r"[0-9๐-๙]+")
RUNNING_ZONE = 2  # running headers and footers are among a page's first or last lines


def _without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Running headers and footers: a one-part line among the first or last RUNNING_ZONE lines of a page that
    comes back there on at least three pages, and on half of them, its numbers aside (the document's title over
    every page, "Confidential … 3"), is kept on the first page it is on and dropped on the others (a footer, among
    the page's last lines only, is dropped there too), so that it does not cut a table going on over the page break. Table rows (lines of several parts) are never dropped."""

    def key(line: Line) -> str:
        return " ".join(_DIGITS.sub("", " ".join(text for _, text in line)).split()) if len(line) == 1 else ""

    def zone(page: list[Line]) -> list[int]:
        filled = [index for index, line in enumerate(page) if line]
        return sorted(set(filled[:RUNNING_ZONE] + filled[-RUNNING_ZONE:]))

    counts: dict[str, int] = {}
    for page in pages:
        for found in {key(page[index]) for index in zone(page)} - {""}:
            counts[found] = counts.get(found, 0) + 1
    running = {found for found, count in counts.items() if count >= 3 and 2 * count >= len(pages)}
    if not running:
        return pages
    seen: set[str] = set()
    result = []
    for page in pages:
        page = list(page)
        filled = [index for index, line in enumerate(page) if line]
        top = set(filled[:RUNNING_ZONE])
        for index in zone(page):
            found = key(page[index])
            if found in running:
                # a footer (below the page's text, never over it) is no title: it goes on its first page too
                if found in seen or index not in top:
                    page[index] = ()
                seen.add(found)
        result.append(page)
    return result


def draft_text(pages: list[list[Line]]) -> tuple[str, list[tuple[int, int]]]:
    """The pages as one draft text with tables as pipe tables, and for each of its lines (page, line on page)."""
    out: list[str] = []
    where: list[tuple[int, int]] = []

    def emit(text: str, page: int, line: int) -> None:
        out.append(text)
        where.append((page, line))

    table: list[_Row] = []
    columns: list[float] = []
    table_page = 0
    first_width = 0  # the longest line (in characters) the open table's first column holds

    def flush() -> None:
        nonlocal first_width
        first_width = 0
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

    # where the last line of the text block emitted last starts, with its page, while nothing came after it
    last_text: tuple[int, float] | None = None
    for page_number, page in enumerate(_without_running_lines(pages), 1):
        first_row_of_page = True
        first_block_of_page = True
        for block in _blocks(_without_page_numbers(page)):
            carried_from, last_text = last_text, None
            first_of_page, first_block_of_page = first_block_of_page, False
            block_columns = _columns(block)
            widest = max(len(line) for _, line in block)
            if widest == 1 and table and _inside_columns(block, columns):
                widest = 2  # a row with one cell filled, under a column other than the first
                block_columns = columns
            elif (widest == 1 and table and first_row_of_page and page_number != table[-1].page
                  and _carried_first_cell(block, columns, table, first_width)):
                widest = 2  # the rest of the first cell of a row the page break cut (see below)
                block_columns = columns
            if widest >= 2:
                if table and len(block_columns) > len(columns) + 1:
                    flush()
                if not table:
                    columns = block_columns
                    table_page = page_number
                elif page_number != table_page and not _within(block_columns, columns):
                    flush()
                    columns = block_columns
                    table_page = page_number
                cells = [""] * len(columns)
                for _, line in block:
                    for start, text in line:
                        index = _column_of(start, columns)
                        cells[index] = _join(cells[index], fix_thai(text))
                row = _Row(tuple(cells), page_number, block[0][0])
                first_width = max([first_width] + [len(text) for _, line in block for start, text in line
                                                         if _column_of(start, columns) == 0])
                if table and row.cells == table[0].cells:
                    continue  # the header repeated at the top of the next page
                if (first_row_of_page and page_number != table_page and len(table) > 1
                        and _continues(row, table[-1])):
                    # the rest of a row the page break cut: its cells' text goes on under the row above
                    last = table[-1]
                    table[-1] = _Row(tuple(_join(a, b) if b else a for a, b in zip(last.cells, row.cells)),
                                     last.page, last.line)
                    first_row_of_page = False
                    continue
                first_row_of_page = False
                table.append(row)
                continue
            flush()
            if first_of_page and carried_from is not None and carried_from[0] == page_number - 1 \
                    and _goes_on_over_page_break(block[0][1], carried_from[1]):
                out.pop()  # the blank line that closed the page before: this line goes on with its last line
                where.pop()
            for number, line in block:
                emit(fix_thai(" ".join(text for _, text in line)), page_number, number)
            emit("", page_number, block[-1][0])
            last_text = (page_number, block[-1][1][0][0])
        # A table may go on over the page break: it is closed by the first line that is not a row.
    flush()
    return ("\n".join(out) + "\n" if out else ""), where


def _goes_on_over_page_break(first: Line, last_start: float) -> bool:
    """Whether a page's first line of text goes on with the last line of the page before: indented past where that
    line starts (a hanging indent under a list item's text, "… จากร้อยละ ๑๘" / page break / "    เป็นร้อยละ ๒๐"), and
    neither a list item of its own nor a label ("วัตถุประสงค์ที่ ๓", "KR 2:")."""
    from okrlint.load.draft_labels import match_label

    text = " ".join(part for _, part in first).strip()
    if not text or first[0][0] <= last_start + COLUMN_TOLERANCE:
        return False
    head = text.split(maxsplit=1)[0]
    if _BULLET.match(head[:1]) or _NUMBER.fullmatch(head) or _DIGIT_START.match(text):
        return False
    return match_label(fix_thai(text)) is None


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


def _page_titles(lines: list, where: list[tuple[int, int]]) -> list:
    """The draft's lines with the title a page opens with made a heading: in a deck each slide is a unit, so
    "Risks & asks" at the top of the slide after an objective's bullets ends that objective's list. A title is a short
    plain line, no label and no final period, that names a section ("Risks & asks", "Agenda", "ความเสี่ยง") or stands
    over a list or a label; a line that goes on with the page before (lower case, a key result's wrapped end) is not."""
    from okrlint.load.draft_labels import match_label
    from okrlint.load.draft_markup import TEXT, _plain_heading, ends_key_result_list, layout_of

    def page_of(line) -> int:
        number = line.location.line
        return where[number - 1][0] if 0 < number <= len(where) else 0

    result = list(lines)
    seen_page = 0
    for index, line in enumerate(result):
        text = line.text.strip()
        if not text:
            continue
        page = page_of(line)
        if page == seen_page:
            continue
        seen_page = page
        if page <= 1:
            continue
        layout = layout_of(line)
        if layout.kind != TEXT or not _plain_heading(layout, layout.content.text) or not text[:1].isupper() \
                and not ("\u0e01" <= text[:1] <= "\u0e4e"):
            continue
        following = next((other for other in result[index + 1:] if other.text.strip()), None)
        listed = following is not None and page_of(following) == page and (
            layout_of(following).kind != TEXT or match_label(layout_of(following).content.text) is not None)
        if ends_key_result_list(text) or listed:
            result[index] = attrs.evolve(line, style="Heading 2")
    return result


def _has_pictures(data: bytes) -> bool:
    """Whether the first pages of a PDF (read before) draw images: a scan when they carry no text."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        for page in list(reader.pages)[:10]:
            objects = (page.get("/Resources") or {}).get("/XObject") or {}
            if any(item.get_object().get("/Subtype") == "/Image" for item in objects.values()):
                return True
    except Exception:  # noqa: BLE001 - only the wording of the error depends on it
        return False
    return False


def load_pdf(filename: str, data: bytes, options: Mapping[str, Any]) -> LoadResult:
    from okrlint.load.draft import _with_tables, lines_from_text, parse_draft
    from okrlint.load.markdown_tables import split_tables

    try:
        pages, page_count = _read_pages(data)
    except PdfError as exc:
        return LoadResult(errors=(InputError(str(exc), Location(filename)),))
    cut = ()
    if page_count > MAX_PAGES:
        cut = (InputError(f"the PDF has {page_count:,} pages; only the first {MAX_PAGES:,} are read",
                          Location(filename, page=MAX_PAGES + 1)),)
    if not any(line for page in pages for line in page):
        if _has_pictures(data):  # pictures of the pages and no text: a scan, said as such
            return LoadResult(errors=(InputError(
                "a scanned PDF: there is no text to read in it, only pictures of its pages; export the document as text, "
                "or run OCR on it (ocrmypdf, or your scanner's software)", Location(filename)),))
        return LoadResult(errors=(InputError(
            "the PDF has no text to read (a scanned document?); use the document it was made from, "
            "or copy its text into a .md or .txt file", Location(filename)),))
    text, where = draft_text(pages)
    tables, rest = split_tables(text, markdown=False)
    if tables:
        result = _with_tables(rest, tables, filename, options, "pdf")
    else:
        result = parse_draft(_page_titles(lines_from_text(rest, filename), where), filename, options, source_format="pdf")
    result = _relocate(result, where, filename)
    return attrs.evolve(result, errors=result.errors + cut) if cut else result
