"""Word documents (``.docx``): paragraphs through the draft parser, tables through the table reader.

Word keeps list numbers and bullets out of the text (``w:numPr`` on the paragraph or its style), and
headings in paragraph styles; both are handed to :func:`okrlint.load.draft.parse_draft` on each
:class:`~okrlint.load.draft.DraftLine`, so a Word draft reads exactly like the same Markdown draft.
Tables with Objective / Key result columns are read by :mod:`okrlint.load.tables`, as sheets are.

Positions: paragraphs are numbered from 1 in body order, counting the paragraphs inside table cells
too (a cell stands at its first paragraph); ``Location.paragraph`` and ``Location.line`` hold that
number. python-docx is imported only when a ``.docx`` file is read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from okrlint.load import LoadError
from okrlint.load.archive import check_archive, office_zip_problem
from okrlint.load.draft import DraftLine, default_team, parse_document
from okrlint.load.tables import Table
from okrlint.load.withdrawn import without_struck
from okrlint.model import InputError, LoadResult, Location

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word's own limits: list levels 0 to 8, tables of at most 63 columns. Larger values in a file are damage
# (or an attack: a list level of two billion made the bullet lookup count down to zero).
MAX_LIST_LEVEL = 8
MAX_TABLE_COLUMNS = 63
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}instrText", f"{W}delText",
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


class DocumentError(Exception):
    pass


@attrs.define
class _Numbering:
    """Which list levels are bullets: numId → abstractNumId → level → numFmt."""

    formats: dict[tuple[str, int], str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, document) -> "_Numbering":
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str, dict[int, str]] = {}
        for element in root.findall(f"{W}abstractNum"):
            levels = {}
            for level in element.findall(f"{W}lvl"):
                fmt = level.find(f"{W}numFmt")
                levels[_list_level(level.get(f"{W}ilvl", "0"))] = fmt.get(f"{W}val", "") if fmt is not None else ""
            abstract[element.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            levels = abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {})
            for level, fmt in levels.items():
                numbering.formats[(num.get(f"{W}numId", ""), level)] = fmt
        return numbering

    def is_bullet(self, num_id: str, level: int) -> bool:
        """A level the list does not define takes the format of the nearest level above it."""
        for candidate in range(level, -1, -1):
            if (num_id, candidate) in self.formats:
                return self.formats[(num_id, candidate)] == "bullet"
        return False


@attrs.define
class _Reader:
    """Walks the document body once, numbering paragraphs and collecting lines and tables."""

    filename: str
    document: Any
    numbering: _Numbering
    styles: dict[str, Any]
    paragraph_number: int = 0
    lines: list[DraftLine] = attrs.field(factory=list)
    tables: list[Table] = attrs.field(factory=list)
    after_list: bool = False  # the last paragraph read was a list item
    after_table: bool = False  # a table stands between the last paragraph read and the next

    def read_body(self, container) -> None:
        for child in container:
            if child.tag == f"{W}p":
                self.read_paragraph(child)
            elif child.tag == f"{W}tbl":
                self.read_table(child)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.read_body(content)

    def read_paragraph(self, element) -> None:
        self.paragraph_number += 1
        number = self.paragraph_number
        location = Location(self.filename, number, 1, paragraph=number)
        style_id, num_id, level = self.paragraph_properties(element)
        style_name = self.style_name(style_id)
        text = paragraph_text(element)
        numbered = bullet = False
        if num_id is not None and num_id != "0":
            bullet = self.numbering.is_bullet(num_id, level or 0)
            numbered = not bullet
        elif style_name and style_name.lower().startswith("list bullet"):
            bullet = True
        elif style_name and style_name.lower().startswith("list number"):
            numbered = True
        is_item = numbered or bullet
        # A plain paragraph after a list item is a paragraph of its own ("Notes: approved on Dec 12."), unless
        # it is laid out as part of the list: in a list style (List Paragraph, List Continue) or indented.
        new_paragraph = self.after_table or (self.after_list and not is_item and not _inside_list(element, style_name))
        after_table = self.after_table and bool(text.strip())
        self.after_list, self.after_table = is_item, self.after_table and not text.strip()
        for index, part in enumerate(text.split("\n")):  # soft line breaks (Shift+Enter) start new lines
            first = index == 0
            self.lines.append(DraftLine(
                part, location, numbered=numbered and first, bullet=bullet and first,
                list_level=(level or 0) if is_item and first else None,
                style=style_name if first else None, new_paragraph=new_paragraph and first,
                after_table=after_table and first,
            ))

    def paragraph_properties(self, element) -> tuple[str | None, str | None, int | None]:
        """(style id, numId, list level), the numbering inherited from the style chain when not direct."""
        properties = element.find(f"{W}pPr")
        style_id = num_id = None
        level: int | None = None
        if properties is not None:
            style = properties.find(f"{W}pStyle")
            style_id = style.get(f"{W}val") if style is not None else None
            num_id, level = _num_pr(properties.find(f"{W}numPr"))
        seen: set[str] = set()
        current = style_id
        while num_id is None and current and current not in seen:
            seen.add(current)
            style = self.styles.get(current)
            if style is None:
                break
            style_pr = style.find(f"{W}pPr")
            if style_pr is not None:
                num_id, style_level = _num_pr(style_pr.find(f"{W}numPr"))
                level = level if level is not None else style_level
            based = style.find(f"{W}basedOn")
            current = based.get(f"{W}val") if based is not None else None
        return style_id, num_id, level

    def style_name(self, style_id: str | None) -> str | None:
        if not style_id:
            return None
        style = self.styles.get(style_id)
        name = style.find(f"{W}name") if style is not None else None
        return name.get(f"{W}val") if name is not None else style_id

    def read_table(self, element) -> None:
        """One Word table → a Table; merged cells (gridSpan, vMerge) take the value people see."""
        self.after_table = True  # the paragraph after a table does not continue the one before it
        rows: list[list[str]] = []
        paragraphs: list[list[int]] = []
        for tr in element.findall(f"{W}tr"):
            values: list[str] = []
            numbers: list[int] = []
            for tc in tr.findall(f"{W}tc"):
                first_paragraph = self.paragraph_number + 1
                texts = []
                for child in tc:
                    if child.tag == f"{W}p":
                        self.paragraph_number += 1
                        texts.append(paragraph_text(child))
                    elif child.tag == f"{W}tbl":
                        self.read_table(child)
                text = "\n".join(t for t in texts if t.strip())
                if "~~" in text:  # words struck out of a cell that stays; a cell struck whole is withdrawn
                    text = without_struck(text)
                properties = tc.find(f"{W}tcPr")
                span, continues = _cell_merge(properties)
                column = len(values)
                if continues and rows and column < len(rows[-1]):
                    text = rows[-1][column]
                values.extend([text] * span)
                numbers.extend([first_paragraph] * span)
            rows.append(values)
            paragraphs.append(numbers)
        name = f"table {len(self.tables) + 1}"
        self.tables.append(Table(
            rows, _cell_locator(self.filename, paragraphs, name), team=default_team(self.filename),
            name=name, optional=True,
        ))


def _inside_list(element, style_name: str | None) -> bool:
    """A paragraph without numbering that Word still lays out in a list: a list style or a left indent."""
    if style_name and style_name.strip().lower().startswith("list"):
        return True
    properties = element.find(f"{W}pPr")
    indent = properties.find(f"{W}ind") if properties is not None else None
    if indent is None:
        return False
    for name in ("left", "start"):
        try:
            if int(indent.get(f"{W}{name}", "0")) > 0:
                return True
        except ValueError:
            continue
    return False


def _num_pr(element) -> tuple[str | None, int | None]:
    if element is None:
        return None, None
    num_id = element.find(f"{W}numId")
    level = element.find(f"{W}ilvl")
    return (
        num_id.get(f"{W}val") if num_id is not None else None,
        _list_level(level.get(f"{W}val", "0")) if level is not None else None,
    )


def _list_level(value: str) -> int:
    return min(max(int(value), 0), MAX_LIST_LEVEL)


def _cell_merge(properties) -> tuple[int, bool]:
    """(columns spanned, continues a vertical merge from the row above)."""
    if properties is None:
        return 1, False
    span_element = properties.find(f"{W}gridSpan")
    span = int(span_element.get(f"{W}val", "1")) if span_element is not None else 1
    vmerge = properties.find(f"{W}vMerge")
    continues = vmerge is not None and vmerge.get(f"{W}val", "continue") != "restart"
    return min(max(span, 1), MAX_TABLE_COLUMNS), continues


def _cell_locator(filename: str, paragraphs: list[list[int]], table: str):
    """A table cell's position as people find it in Word — the table, its row and column, shown like a
    spreadsheet cell ("plan.docx:table 2!B5") — with the paragraph number of its first paragraph."""
    def locate(row: int, column: int) -> Location:
        numbers = paragraphs[row] if row < len(paragraphs) else []
        if not numbers:
            number = next((p[0] for p in paragraphs if p), 1)
        else:
            number = numbers[min(column, len(numbers) - 1)]
        return Location(filename, row + 1, column + 1, sheet=table, paragraph=number)

    return locate


def paragraph_text(element) -> str:
    """The visible text: runs, hyperlinks, insertions; no deleted text, field codes or text boxes. Struck-through
    text is written ``~~…~~``, as in Markdown: what the author struck out is withdrawn (load/withdrawn.py)."""
    parts: list[str] = []
    _collect_text(element, parts)
    text = "".join(parts)
    return text.replace("~~~~", "") if "~~" in text else text


def _struck(run) -> bool:
    """A run formatted with strikethrough (single or double)."""
    properties = run.find(f"{W}rPr")
    if properties is None:
        return False
    for tag in (f"{W}strike", f"{W}dstrike"):
        mark = properties.find(tag)
        if mark is not None and mark.get(f"{W}val", "true").lower() not in ("0", "false", "off"):
            return True
    return False


def _collect_text(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == f"{W}r" and _struck(child):
            inner: list[str] = []
            _collect_text(child, inner)
            text = "".join(inner)
            if text.strip() and "\n" not in text:
                body = text.strip()
                parts.append(text[:len(text) - len(text.lstrip())] + "~~" + body + "~~"
                             + text[len(text.rstrip()):])
            else:
                parts.append(text)
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        else:
            _collect_text(child, parts)


def open_document(data: bytes):
    problem = office_zip_problem(
        data, empty="empty file: no Word document in it",
        encrypted="the document is password-protected; okrlint cannot read encrypted files (save a copy without a "
                  "password)",
        old="an old Word .doc file saved as .docx; save it as a Word document (.docx)", not_this="not a .docx document")
    if problem is not None:
        raise DocumentError(problem)
    try:
        check_archive(data, "document")
    except LoadError as exc:
        raise DocumentError(exc.message) from None
    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise DocumentError("reading Word documents needs python-docx: pip install python-docx") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for damaged packages
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise DocumentError(f"the document is damaged or not a Word document ({detail})") from None


def _styles(document) -> dict[str, Any]:
    try:
        root = document.styles.element
    except Exception:  # noqa: BLE001 - a document without a styles part
        return {}
    return {style.get(f"{W}styleId"): style for style in root.findall(f"{W}style")}


def read_document(filename: str, data: bytes) -> _Reader:
    document = open_document(data)
    try:
        reader = _Reader(filename, document, _Numbering.of(document), _styles(document))
        reader.read_body(document.element.body)
    except Exception as exc:  # noqa: BLE001 - damaged parts surface only while reading
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise DocumentError(f"the document is damaged or not a Word document ({detail})") from None
    return reader


def load_docx(filename: str, data: bytes, options: Mapping[str, Any]) -> LoadResult:
    try:
        reader = read_document(filename, data)
    except DocumentError as exc:
        return LoadResult(errors=(InputError(str(exc), Location(filename)),))
    # OKRs (some or all) in tables: the paragraphs around them ("หน่วยงาน:", a heading with the fiscal year) give
    # the set's team, period and owner, as for a Markdown draft with pipe tables.
    return parse_document(reader.lines, reader.tables, filename, options, source_format="docx",
                          no_okrs=_no_okrs(filename))


def _no_okrs(filename: str) -> InputError:
    return InputError("no OKRs found: no 'Objective:' paragraphs and no table with Objective / Key result columns",
                      Location(filename, 1, 1, paragraph=1))


def iter_lines(filename: str, data: bytes) -> Iterator[DraftLine]:
    """The draft lines of a document, for tools and tests that want to see what the parser sees."""
    yield from read_document(filename, data).lines
