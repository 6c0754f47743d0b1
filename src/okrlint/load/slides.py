"""PowerPoint decks (``.pptx``): slide titles as headings, text boxes as paragraphs and lists, tables as tables.

Strategy offices present OKRs as decks: a title slide, a slide per objective with its key results as bullets,
or a table of objectives, key results, baselines and targets. Each slide is read in order (hidden slides are
withdrawn and skipped, speaker notes are not the plan); its title placeholder becomes a heading line, every
other paragraph a line with its list level and bullet, and each table a :class:`~okrlint.load.tables.Table`.
The draft parser then reads the lines exactly as it reads a Word document or Markdown draft.

Positions: ``Location.page`` is the slide's number in the deck and ``Location.line`` the paragraph's number on
that slide; a table cell is shown like a spreadsheet cell of "slide 3 table 1". Only the standard library and
lxml (which python-docx brings) are used; entities are never resolved, and the zip is checked for bombs first.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping

import attrs

from okrlint.load import LoadError
from okrlint.load.archive import check_archive, read_part
from okrlint.load.draft import DraftLine, default_team, parse_draft, parse_with_tables
from okrlint.load.tables import Table
from okrlint.model import InputError, LoadResult, Location

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_TITLES = frozenset({"title", "ctrTitle"})
_FURNITURE = frozenset({"sldNum", "dt", "ftr", "hdr", "sldImg"})  # slide number, date, footer: page furniture
_BODY = frozenset({"body", "obj", None})  # placeholders whose paragraphs are bulleted unless they say not
_SLIDE_NUMBER = re.compile(r"slide(\d+)\.xml$")
MAX_LIST_LEVEL = 8
MAX_TABLE_COLUMNS = 75  # PowerPoint's own limit


class DeckError(Exception):
    """The deck cannot be read; the text is the one-line input error."""


@attrs.define
class _Deck:
    filename: str
    lines: list[DraftLine] = attrs.field(factory=list)
    tables: list[Table] = attrs.field(factory=list)


def load_pptx(filename: str, data: bytes, options: Mapping[str, object]) -> LoadResult:
    try:
        deck = read_deck(filename, data)
    except DeckError as exc:
        return LoadResult(errors=(InputError(str(exc), Location(filename)),))
    if not deck.tables:
        if not any(line.text.strip() for line in deck.lines):
            return LoadResult(errors=(_no_okrs(filename),))
        return parse_draft(deck.lines, filename, options, source_format="pptx")
    return parse_with_tables(
        deck.lines, lambda team: [attrs.evolve(table, team=team) for table in deck.tables], filename, options,
        source_format="pptx", no_okrs=_no_okrs(filename),
    )


def iter_lines(filename: str, data: bytes) -> Iterator[DraftLine]:
    """The draft lines of a deck, for tools and tests that want to see what the parser sees."""
    yield from read_deck(filename, data).lines


def _no_okrs(filename: str) -> InputError:
    return InputError("no OKRs found: no slide with 'Objective:' text and no table with Objective / Key result "
                      "columns", Location(filename, 1, 1, page=1))


def read_deck(filename: str, data: bytes) -> _Deck:
    archive = _open(data)
    deck = _Deck(filename)
    try:
        for number, slide in enumerate(_slides(archive, data), 1):
            if slide.get("show", "1") in ("0", "false"):
                continue  # a hidden slide is not presented: withdrawn, like a struck-through row
            _read_slide(deck, slide, number)
    except DeckError:
        raise
    except LoadError as exc:
        raise DeckError(exc.message) from None
    except Exception as exc:  # noqa: BLE001 - damaged parts surface only while reading
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise DeckError(f"the deck is damaged or not a PowerPoint file ({detail})") from None
    return deck


def _open(data: bytes) -> zipfile.ZipFile:
    if not data:
        raise DeckError("empty file: no PowerPoint deck in it")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise DeckError("the deck is password-protected; okrlint cannot read encrypted files "
                            "(save a copy without a password)")
        raise DeckError("an old PowerPoint .ppt file; save it as a PowerPoint presentation (.pptx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        from okrlint.load.archive import kind_of_bytes

        hint = kind_of_bytes(data)
        raise DeckError(f"not a .pptx deck: {hint}" if hint else
                        "not a .pptx deck (the file is damaged or is another kind of file)")
    try:
        check_archive(data, "deck")
    except LoadError as exc:
        raise DeckError(exc.message) from None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DeckError(f"the deck is damaged ({' '.join(str(exc).split())[:160]})") from None


def _xml(archive: zipfile.ZipFile, data: bytes, name: str):
    from lxml import etree

    try:
        part = archive.getinfo(name)
    except KeyError:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    return etree.fromstring(read_part(data, part), parser)


def _slides(archive: zipfile.ZipFile, data: bytes) -> Iterator:
    """The slides' roots in the deck's order (presentation.xml's list), or by their part numbers."""
    names: list[str] = []
    presentation = _xml(archive, data, "ppt/presentation.xml")
    relations = _xml(archive, data, "ppt/_rels/presentation.xml.rels")
    if presentation is not None and relations is not None:
        targets = {rel.get("Id"): rel.get("Target", "") for rel in relations.iter(f"{_PACKAGE_RELS}Relationship")}
        for slide_id in presentation.iter(f"{P}sldId"):
            target = targets.get(slide_id.get(f"{R}id"))
            if target:
                names.append(posixpath.normpath(posixpath.join("ppt", target.lstrip("/").removeprefix("ppt/"))))
    if not names:
        found = [(int(m.group(1)), info.filename) for info in archive.infolist()
                 if info.filename.startswith("ppt/slides/") and (m := _SLIDE_NUMBER.search(info.filename))]
        names = [name for _, name in sorted(found)]
    if not names:
        raise DeckError("not a PowerPoint deck: it has no slides")
    for name in names:
        root = _xml(archive, data, name)
        if root is not None:
            yield root


def _read_slide(deck: _Deck, slide, number: int) -> None:
    tree = slide.find(f"{P}cSld/{P}spTree")
    if tree is None:
        return
    titles: list = []
    rest: list = []
    for shape in _shapes(tree):
        kind = _placeholder_type(shape)
        if kind in _FURNITURE:
            continue
        (titles if kind in _TITLES else rest).append(shape)
    paragraph = 0
    first = True
    for shape in titles + rest:
        kind = _placeholder_type(shape)
        table = shape.find(f".//{A}tbl") if shape.tag == f"{P}graphicFrame" else None
        if table is not None:
            _read_table(deck, table, number)
            first = True
            continue
        body = shape.find(f"{P}txBody")
        if body is None:
            continue
        bulleted_by_default = kind in _BODY and _is_placeholder(shape)
        for element in body.findall(f"{A}p"):
            paragraph += 1
            text = _paragraph_text(element)
            if not text.strip():
                continue
            level, bullet, numbered = _list_of(element, bulleted_by_default)
            is_title = kind in _TITLES
            for index, part in enumerate(text.split("\n")):
                head = index == 0
                deck.lines.append(DraftLine(
                    part, Location(deck.filename, paragraph, 1, page=number),
                    numbered=numbered and head and not is_title, bullet=bullet and head and not is_title,
                    list_level=level if (bullet or numbered) and head and not is_title else None,
                    style=("Title" if kind == "ctrTitle" else "Heading 1") if is_title and head else None,
                    new_paragraph=first and head,
                ))
                first = False
        first = True  # the next text box does not continue this one's last paragraph


def _shapes(tree) -> Iterator:
    """Shapes and tables of a slide (groups opened), in the order they are drawn."""
    for child in tree:
        if child.tag == f"{P}grpSp":
            yield from _shapes(child)
        elif child.tag in (f"{P}sp", f"{P}graphicFrame"):
            yield child


def _placeholder_type(shape) -> str | None:
    for properties in (f"{P}nvSpPr", f"{P}nvGraphicFramePr"):
        placeholder = shape.find(f"{properties}/{P}nvPr/{P}ph")
        if placeholder is not None:
            return placeholder.get("type", "body" if placeholder.get("idx") else "obj")
    return "shape"


def _is_placeholder(shape) -> bool:
    return shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph") is not None


def _list_of(paragraph, bulleted_by_default: bool) -> tuple[int, bool, bool]:
    """(level, bullet, numbered) of a paragraph: its own bullet settings, else the placeholder's default."""
    properties = paragraph.find(f"{A}pPr")
    level = 0
    bullet = bulleted_by_default
    numbered = False
    if properties is not None:
        try:
            level = min(max(int(properties.get("lvl", "0")), 0), MAX_LIST_LEVEL)
        except ValueError:
            level = 0
        if properties.find(f"{A}buNone") is not None:
            bullet = False
        elif properties.find(f"{A}buAutoNum") is not None:
            bullet, numbered = False, True
        elif properties.find(f"{A}buChar") is not None or properties.find(f"{A}buBlip") is not None:
            bullet = True
    return level, bullet, numbered


def _paragraph_text(paragraph) -> str:
    """The visible text of a paragraph: runs and fields; a line break (Shift+Enter) as a new line. Struck-through
    runs are written ``~~…~~`` as in Markdown, so what the author struck out is withdrawn."""
    parts: list[str] = []
    for child in paragraph:
        if child.tag in (f"{A}r", f"{A}fld"):
            text = "".join(t.text or "" for t in child.iter(f"{A}t"))
            properties = child.find(f"{A}rPr")
            struck = properties is not None and properties.get("strike", "noStrike") != "noStrike"
            if struck and text.strip():
                lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
                text = f"{lead}~~{text.strip()}~~{trail}"
            parts.append(text)
        elif child.tag == f"{A}br":
            parts.append("\n")
    return "".join(parts).replace("\u000b", "\n")


def _read_table(deck: _Deck, table, slide: int) -> None:
    """A slide's table → a Table; merged cells (gridSpan, rowSpan) take the value people see."""
    rows: list[list[str]] = []
    for tr in table.findall(f"{A}tr"):
        values: list[str] = []
        for tc in tr.findall(f"{A}tc"):
            column = len(values)
            if column >= MAX_TABLE_COLUMNS:
                break
            body = tc.find(f"{A}txBody")
            texts = [_paragraph_text(p) for p in body.findall(f"{A}p")] if body is not None else []
            text = "\n".join(t for t in texts if t.strip())
            if tc.get("vMerge") in ("1", "true") and rows and column < len(rows[-1]):
                text = rows[-1][column]
            elif tc.get("hMerge") in ("1", "true") and values:
                text = values[-1]
            if "~~" in text:
                from okrlint.load.withdrawn import without_struck

                text = without_struck(text)
            values.append(text)
        rows.append(values)
    name = f"slide {slide} table {sum(1 for t in deck.tables if t.name and t.name.startswith(f'slide {slide} ')) + 1}"
    filename = deck.filename

    def locate(row: int, column: int) -> Location:
        return Location(filename, row + 1, column + 1, sheet=name, page=slide)

    deck.tables.append(Table(rows, locate, team=default_team(filename), name=name, optional=True))
