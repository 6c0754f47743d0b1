"""OpenDocument text (``.odt``, LibreOffice Writer): headings, paragraphs and lists through the draft parser,
tables through the table reader, as a Word document is read.

Thai government offices are asked to keep documents in OpenDocument formats, so plans often arrive as ``.odt``.
``content.xml`` holds the body: ``text:h`` headings with their outline level, ``text:p`` paragraphs, ``text:list``
lists (bulleted or numbered by their list style, nested lists one level deeper) and ``table:table`` tables with
spanned and covered cells. Tracked deletions, notes and frames are not read. Positions count paragraphs from 1
in body order, table cells included (as for Word). Only the standard library and lxml (which python-docx brings)
are used; entities are never resolved, and the zip is checked for bombs first.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping

import attrs

from okrlint.load import LoadError
from okrlint.load.archive import check_archive, office_zip_problem, read_part
from okrlint.load.draft import DraftLine, default_team, parse_document
from okrlint.load.tables import Table
from okrlint.model import InputError, LoadResult, Location

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_SKIPPED = frozenset({f"{TEXT}tracked-changes", f"{OFFICE}annotation", f"{TEXT}note", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
                      f"{TEXT}bookmark-ref", f"{TEXT}table-of-content", f"{TEXT}sequence-decls", f"{TEXT}soft-page-break"})
MAX_LIST_LEVEL = 8
MAX_TABLE_COLUMNS = 1024  # Writer's own limit is far lower; repeated-column counts beyond it are damage
MAX_REPEAT = 64  # a row or cell "repeated" more times than this is an empty filler (Calc-style), read once


class OpenDocumentError(Exception):
    """The document cannot be read; the text is the one-line input error."""


@attrs.define
class _Reader:
    filename: str
    list_kinds: dict[str, list[bool]]  # list style name -> numbered? per level
    struck_styles: frozenset[str]
    paragraph_number: int = 0
    lines: list[DraftLine] = attrs.field(factory=list)
    tables: list[Table] = attrs.field(factory=list)
    after_list: bool = False
    after_table: bool = False

    def read_body(self, container, list_style: str | None = None, level: int = -1) -> None:
        for child in container:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                self.read_paragraph(child, None, None)
            elif tag == f"{TEXT}list":
                self.read_list(child, child.get(f"{TEXT}style-name") or list_style, level + 1)
            elif tag == f"{TABLE}table":
                self.read_table(child)
            elif tag in (f"{TEXT}section", f"{TEXT}index-body"):
                self.read_body(child, list_style, level)

    def read_list(self, element, style: str | None, level: int) -> None:
        level = min(level, MAX_LIST_LEVEL)
        kinds = self.list_kinds.get(style or "", [])
        numbered = kinds[min(level, len(kinds) - 1)] if kinds else False
        for item in element:
            if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            first = item.tag == f"{TEXT}list-item"
            for child in item:
                if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                    self.read_paragraph(child, (level, numbered) if first else None, level)
                    first = False
                elif child.tag == f"{TEXT}list":
                    self.read_list(child, child.get(f"{TEXT}style-name") or style, level + 1)
                elif child.tag == f"{TABLE}table":
                    self.read_table(child)

    def read_paragraph(self, element, item: tuple[int, bool] | None, list_level: int | None) -> None:
        self.paragraph_number += 1
        number = self.paragraph_number
        location = Location(self.filename, number, 1, paragraph=number)
        text = self.text_of(element)
        style = None
        if element.tag == f"{TEXT}h":
            style = f"Heading {_outline_level(element)}"
        elif (element.get(f"{TEXT}style-name") or "").lower() in ("title", "subtitle"):
            style = element.get(f"{TEXT}style-name").capitalize()
        is_item = item is not None
        new_paragraph = self.after_table or (self.after_list and not is_item and list_level is None)
        after_table = self.after_table and bool(text.strip())
        self.after_list, self.after_table = is_item, self.after_table and not text.strip()
        for index, part in enumerate(text.split("\n")):
            first = index == 0
            self.lines.append(DraftLine(
                part, location, numbered=is_item and item[1] and first, bullet=is_item and not item[1] and first,
                list_level=item[0] if is_item and first else (list_level if first and list_level is not None else None),
                style=style if first else None, new_paragraph=new_paragraph and first, after_table=after_table and first,
            ))

    def text_of(self, element) -> str:
        parts: list[str] = []
        self._collect(element, parts)
        text = "".join(parts)
        return text.replace("~~~~", "") if "~~" in text else text

    def _collect(self, element, parts: list[str]) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                pass
            elif tag == f"{TEXT}s":
                parts.append(" " * min(_int(child.get(f"{TEXT}c"), 1), 100))
            elif tag == f"{TEXT}tab":
                parts.append("\t")
            elif tag == f"{TEXT}line-break":
                parts.append("\n")
            elif tag == f"{TEXT}span" and child.get(f"{TEXT}style-name") in self.struck_styles:
                inner: list[str] = []
                self._collect(child, inner)
                body = "".join(inner)
                if body.strip() and "\n" not in body:
                    parts.append(body[:len(body) - len(body.lstrip())] + "~~" + body.strip() + "~~"
                                 + body[len(body.rstrip()):])
                else:
                    parts.append(body)
            else:
                self._collect(child, parts)
            if child.tail:
                parts.append(child.tail)

    def read_table(self, element) -> None:
        """One table → a Table; a spanned cell's value fills the cells it covers, as people see it."""
        self.after_table = True
        rows: list[list[str]] = []
        paragraphs: list[list[int]] = []
        below: dict[int, tuple[str, int]] = {}  # column -> (value, last row it covers) of row-spanned cells
        for row_index, row in enumerate(_rows(element)):
            values: list[str] = []
            numbers: list[int] = []
            repeat = min(_int(row.get(f"{TABLE}number-rows-repeated"), 1), MAX_REPEAT)
            for cell in row:
                if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    continue
                times = min(_int(cell.get(f"{TABLE}number-columns-repeated"), 1), MAX_REPEAT)
                for _ in range(times):
                    column = len(values)
                    if column >= MAX_TABLE_COLUMNS:
                        break
                    first_paragraph = self.paragraph_number + 1
                    if cell.tag == f"{TABLE}covered-table-cell":
                        if column in below and below[column][1] >= row_index:
                            text = below[column][0]
                        else:
                            text = values[-1] if values else ""
                    else:
                        texts = []
                        for child in cell:
                            if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                                self.paragraph_number += 1
                                texts.append(self.text_of(child))
                            elif child.tag == f"{TEXT}list":
                                texts.extend(self._list_texts(child))
                            elif child.tag == f"{TABLE}table":
                                self.read_table(child)
                        text = "\n".join(t for t in texts if t.strip())
                        if "~~" in text:
                            from okrlint.load.withdrawn import without_struck

                            text = without_struck(text)
                        span = _int(cell.get(f"{TABLE}number-rows-spanned"), 1)
                        if span > 1:
                            for offset in range(min(_int(cell.get(f"{TABLE}number-columns-spanned"), 1),
                                                    MAX_TABLE_COLUMNS)):
                                below[column + offset] = (text, row_index + span - 1)
                    values.append(text)
                    numbers.append(first_paragraph)
            for _ in range(repeat if any(v.strip() for v in values) else 1):
                rows.append(values)
                paragraphs.append(numbers)
        name = f"table {len(self.tables) + 1}"
        filename = self.filename

        def locate(row: int, column: int) -> Location:
            numbers = paragraphs[row] if row < len(paragraphs) else []
            number = numbers[min(column, len(numbers) - 1)] if numbers else next((p[0] for p in paragraphs if p), 1)
            return Location(filename, row + 1, column + 1, sheet=name, paragraph=number)

        self.tables.append(Table(rows, locate, team=default_team(filename), name=name, optional=True))

    def _list_texts(self, element) -> list[str]:
        texts = []
        for paragraph in element.iter(f"{TEXT}p", f"{TEXT}h"):
            self.paragraph_number += 1
            texts.append(self.text_of(paragraph))
        return texts


def _rows(table) -> Iterator:
    for child in table:
        if child.tag == f"{TABLE}table-row":
            yield child
        elif child.tag in (f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"):
            yield from _rows(child)


def _int(value: str | None, default: int) -> int:
    try:
        return max(int(value), 1) if value is not None else default
    except ValueError:
        return default


def _outline_level(element) -> int:
    return min(_int(element.get(f"{TEXT}outline-level"), 1), 6)


def load_odt(filename: str, data: bytes, options: Mapping[str, object]) -> LoadResult:
    try:
        reader = read_document(filename, data)
    except OpenDocumentError as exc:
        return LoadResult(errors=(InputError(str(exc), Location(filename)),))
    return parse_document(reader.lines, reader.tables, filename, options, source_format="odt",
                          no_okrs=_no_okrs(filename))


def iter_lines(filename: str, data: bytes) -> Iterator[DraftLine]:
    """The draft lines of a document, for tools and tests that want to see what the parser sees."""
    yield from read_document(filename, data).lines


def _no_okrs(filename: str) -> InputError:
    return InputError("no OKRs found: no 'Objective:' paragraphs and no table with Objective / Key result columns",
                      Location(filename, 1, 1, paragraph=1))


def read_document(filename: str, data: bytes) -> _Reader:
    problem = office_zip_problem(
        data, empty="empty file: no OpenDocument text in it", encrypted=None,
        old="an old Word .doc file saved as .odt; save it as OpenDocument text (.odt) or .docx",
        not_this="not an .odt document")
    if problem is not None:
        raise OpenDocumentError(problem)
    try:
        check_archive(data, "document")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "content.xml" not in names:
                raise OpenDocumentError("not an OpenDocument text: it has no content.xml part")
            if "META-INF/manifest.xml" in names and b"encryption-data" in read_part(
                    data, archive.getinfo("META-INF/manifest.xml")):
                raise OpenDocumentError("the document is password-protected; okrlint cannot read encrypted files "
                                        "(save a copy without a password)")
            content = _parse(read_part(data, archive.getinfo("content.xml")))
            styles = _parse(read_part(data, archive.getinfo("styles.xml"))) if "styles.xml" in names else None
    except OpenDocumentError:
        raise
    except LoadError as exc:
        raise OpenDocumentError(exc.message) from None
    except Exception as exc:  # noqa: BLE001 - damaged parts surface while reading
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise OpenDocumentError(f"the document is damaged or not an OpenDocument text ({detail})") from None
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        kind = content.find(f"{OFFICE}body")
        what = kind[0].tag.rsplit("}", 1)[-1] if kind is not None and len(kind) else "nothing"
        raise OpenDocumentError(f"not an OpenDocument text (its body holds {what}); "
                                "a spreadsheet is read when saved as .ods")
    roots = [root for root in (content, styles) if root is not None]
    reader = _Reader(filename, _list_kinds(roots), _struck_styles(roots))
    try:
        reader.read_body(body)
    except Exception as exc:  # noqa: BLE001 - damaged structure
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise OpenDocumentError(f"the document is damaged ({detail})") from None
    return reader


def _parse(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _list_kinds(roots) -> dict[str, list[bool]]:
    """Each list style's levels: numbered (True) or bulleted (False)."""
    kinds: dict[str, list[bool]] = {}
    for root in roots:
        for style in root.iter(f"{TEXT}list-style"):
            levels: list[tuple[int, bool]] = []
            for child in style:
                if child.tag in (f"{TEXT}list-level-style-number", f"{TEXT}list-level-style-bullet",
                                 f"{TEXT}list-level-style-image"):
                    levels.append((_int(child.get(f"{TEXT}level"), 1), child.tag.endswith("number")))
            levels.sort()
            kinds[style.get(f"{STYLE}name", "")] = [numbered for _, numbered in levels]
    return kinds


def _struck_styles(roots) -> frozenset[str]:
    """Names of text styles that strike their text through (what the author struck out is withdrawn)."""
    names = set()
    for root in roots:
        for style in root.iter(f"{STYLE}style"):
            properties = style.find(f"{STYLE}text-properties")
            if properties is not None and properties.get(f"{STYLE}text-line-through-style", "none") != "none":
                names.add(style.get(f"{STYLE}name", ""))
    return frozenset(names)
