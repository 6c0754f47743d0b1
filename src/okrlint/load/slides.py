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
from okrlint.load.archive import check_archive, office_zip_problem, read_part
from okrlint.load.draft import DraftLine, alignment_statement, default_team, parse_document
from okrlint.load.tables import Table
from okrlint.model import InputError, LoadResult, Location

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TITLES = frozenset({"title", "ctrTitle"})
_FURNITURE = frozenset({"sldNum", "dt", "ftr", "hdr", "sldImg"})  # slide number, date, footer: page furniture
_BODY = frozenset({"body", "obj", None})  # placeholders whose paragraphs are bulleted unless they say not
_SLIDE_NUMBER = re.compile(r"slide(\d+)\.xml$")
_DIGIT = re.compile(r"[0-9๐-๙]")
MAX_LIST_LEVEL = 8
MAX_TABLE_COLUMNS = 75  # PowerPoint's own limit


class DeckError(Exception):
    """The deck cannot be read; the text is the one-line input error."""


@attrs.define
class _Deck:
    filename: str
    lines: list[DraftLine] = attrs.field(factory=list)
    tables: list[Table] = attrs.field(factory=list)
    summaries: list[tuple[int, str]] = attrs.field(factory=list)  # (slide, title) of summary slides not read again
    noted: list[int] = attrs.field(factory=list)  # slides whose key results stand only in their speaker notes
    past: list[tuple[int, str]] = attrs.field(factory=list)  # (slide, title) of slides reporting a past period
    appendix: tuple[int, int] | None = None  # the first and last slide after the closing slide


@attrs.frozen
class _Box:
    """A shape of a slide with where it stands (EMU), None when neither it nor its layout says."""

    shape: object
    x: int | None
    y: int | None
    right: int | None
    bottom: int | None


def load_pptx(filename: str, data: bytes, options: Mapping[str, object]) -> LoadResult:
    try:
        deck = read_deck(filename, data)
    except DeckError as exc:
        return LoadResult(errors=(InputError(str(exc), Location(filename)),))
    result = parse_document(deck.lines, deck.tables, filename, options, source_format="pptx",
                            no_okrs=_no_okrs(filename))
    notes = tuple(InputError(f"slide {number} ('{title}') sums up the objectives of the other slides: not read again",
                             Location(filename, 1, 1, page=number)) for number, title in deck.summaries)
    notes += tuple(InputError(f"slide {number} ('{title}') reports a past period's results, not the plan: not read",
                              Location(filename, 1, 1, page=number)) for number, title in deck.past)
    if deck.appendix is not None:
        first, last = deck.appendix
        notes += (InputError(f"the slides after the closing slide ({first} to {last}) are an appendix, not the plan: "
                             "not read", Location(filename, 1, 1, page=first)),)
    notes += tuple(InputError(f"slide {number} keeps its key results in the speaker notes, which are not read as the "
                              "plan: put them on the slide", Location(filename, 1, 1, page=number))
                   for number in deck.noted)
    notes = tuple(sorted(notes, key=lambda note: note.location.page or 0))
    sets = tuple(attrs.evolve(okr_set, location=attrs.evolve(okr_set.location, page=1))
                 if okr_set.location.page is None and okr_set.location.sheet is None else okr_set
                 for okr_set in result.sets)  # the set's own position: the deck's first slide
    return attrs.evolve(result, sets=sets, notes=result.notes + notes)


def iter_lines(filename: str, data: bytes) -> Iterator[DraftLine]:
    """The draft lines of a deck, for tools and tests that want to see what the parser sees."""
    yield from read_deck(filename, data).lines


def _no_okrs(filename: str) -> InputError:
    return InputError("no OKRs found: no slide with 'Objective:' text and no table with Objective / Key result "
                      "columns", Location(filename, 1, 1, page=1))


def read_deck(filename: str, data: bytes) -> _Deck:
    archive = _open(data)
    deck = _Deck(filename)
    layouts = _Layouts(archive, data)
    try:
        size = _slide_size(archive, data)
        slides = [_laid_out(number, name, slide, layouts.positions(name), size)
                  for number, (name, slide) in enumerate(_slides(archive, data), 1)
                  if slide.get("show", "1") not in ("0", "false")]  # a hidden slide is withdrawn, like a struck row
        slides = _until_closing(deck, slides)
        summaries = _summary_slides(slides)
        for slide in slides:
            repeated: frozenset[str] = frozenset()
            if slide.number in summaries:
                title, repeated, whole = summaries[slide.number]
                deck.summaries.append((slide.number, title))
                if whole:
                    continue
            elif _PAST_RESULTS.search(slide.title) and not _is_objective_title_text(slide.title):
                deck.past.append((slide.number, slide.title[:80]))
                continue
            before = len(deck.lines)
            _read_slide(deck, slide, repeated)
            if _has_no_key_results(deck.lines[before:]) and layouts.notes_hold_key_results(slide.name):
                deck.noted.append(slide.number)
    except DeckError:
        raise
    except LoadError as exc:
        raise DeckError(exc.message) from None
    except Exception as exc:  # noqa: BLE001 - damaged parts surface only while reading
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise DeckError(f"the deck is damaged or not a PowerPoint file ({detail})") from None
    return deck


@attrs.frozen
class _Slide:
    """A slide laid out: its title shapes (a title placeholder, or the short text box at its top when it has none),
    the other shapes in reading order (page furniture left out), and its title's text."""

    number: int
    name: str
    titles: tuple
    body: tuple
    title: str


def _laid_out(number: int, name: str, slide, placeholders: _Placements, size: tuple[int, int]) -> _Slide:
    tree = slide.find(f"{P}cSld/{P}spTree")
    titles: list = []
    rest: list[_Box] = []
    for box in _boxes(tree, placeholders) if tree is not None else ():
        kind = _placeholder_type(box.shape)
        if kind in _FURNITURE:
            continue
        if kind in _TITLES:
            titles.append(box.shape)
        elif box.y is not None and box.y >= size[1] * 0.86 and _short_text(box.shape, 12):
            continue  # a footer or slide number drawn as a text box at the bottom of the slide
        else:
            rest.append(box)
    body = reading_order(rest)
    if not titles and body and _short_text(body[0].shape, 15) and (
            len(body) == 1 or body[0].y is not None and body[0].y < size[1] * 0.22):
        # a deck of text boxes (Google Slides): the short one at the top, or alone on its slide ("Thank you!")
        titles, body = [body[0].shape], body[1:]
    title = " ".join(" ".join(_paragraph_text(p) for p in t.iter(f"{A}p")) for t in titles).split()
    return _Slide(number, name, tuple(titles), tuple(box.shape for box in body), " ".join(title))


def _short_text(shape, words: int) -> bool:
    """A text box of one paragraph of at most ``words`` words."""
    body = shape.find(f"{P}txBody")
    texts = [t for t in (_paragraph_text(p).strip() for p in body.findall(f"{A}p")) if t] if body is not None else []
    return len(texts) == 1 and len(texts[0].split()) <= words


def _slide_size(archive: zipfile.ZipFile, data: bytes) -> tuple[int, int]:
    presentation = _xml(archive, data, "ppt/presentation.xml")
    size = presentation.find(f"{P}sldSz") if presentation is not None else None
    try:
        return int(size.get("cx")), int(size.get("cy"))
    except (AttributeError, TypeError, ValueError):
        return 12_192_000, 6_858_000  # 16:9, PowerPoint's default


def _until_closing(deck: _Deck, slides: list[_Slide]) -> list[_Slide]:
    """The slides up to a closing slide ("Thank you / Q&A", "ขอบคุณ"): what follows it is an appendix (metric
    definitions, last quarter's results in detail), not the plan; a note says which slides were left."""
    from okrlint.load.draft_labels import is_closing

    for index, slide in enumerate(slides):
        if slide.title and is_closing(slide.title) and index + 1 < len(slides) and index > 0:
            deck.appendix = (slides[index + 1].number, slides[-1].number)
            return slides[:index + 1]
    return slides


# A slide reporting a past period's results, by its title: "Q3 2026 scorecard: where we landed", "Q3 in review",
# "Last quarter's results", "Retro", "ผลการดำเนินงานไตรมาส 3", "ทบทวนผลไตรมาสที่ผ่านมา"
_PAST_RESULTS = re.compile(
    r"(?i)\b(?:score\s?cards?|where\s+we\s+landed|in\s+review|retro(?:spective)?|last\s+(?:quarter|year|half)'?s?"
    r"|previous\s+(?:quarter|year|half)|graded|grading|how\s+we\s+did)\b|ผลการดำเนินงาน|ทบทวนผล|ผลงานไตรมาสที่ผ่านมา")


def _is_objective_title_text(text: str) -> bool:
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    label = match_label(text) if text else None
    return label is not None and label.kind == OBJECTIVE


def _open(data: bytes) -> zipfile.ZipFile:
    problem = office_zip_problem(
        data, empty="empty file: no PowerPoint deck in it",
        encrypted="the deck is password-protected; okrlint cannot read encrypted files (save a copy without a password)",
        old="an old PowerPoint .ppt file; save it as a PowerPoint presentation (.pptx)", not_this="not a .pptx deck")
    if problem is not None:
        raise DeckError(problem)
    try:
        check_archive(data, "deck")
    except LoadError as exc:
        raise DeckError(exc.message) from None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - BadZipFile, NotImplementedError ('zip file version 9.9'), struct errors
        raise DeckError(f"the deck is damaged ({' '.join(str(exc).split())[:160] or type(exc).__name__})") from None


def _xml(archive: zipfile.ZipFile, data: bytes, name: str):
    from lxml import etree

    try:
        part = archive.getinfo(name)
    except KeyError:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    return etree.fromstring(read_part(data, part), parser)


def _slides(archive: zipfile.ZipFile, data: bytes) -> Iterator:
    """(part name, root) of the slides in the deck's order (presentation.xml's list), or by their part numbers."""
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
            yield name, root


def _read_slide(deck: _Deck, slide: _Slide, repeated: frozenset[str] = frozenset()) -> None:
    """The slide's lines and tables; on a summary slide, the objectives in ``repeated`` (stated on other slides)
    are left out with the lines under them, and so is its title."""
    number = slide.number
    titles = list(slide.titles)
    if repeated or (titles and _has_objective_table(slide.body) and _is_objective_title_text(slide.title)):
        # a summary's title names no section of the plan; "วัตถุประสงค์ที่ 5 — topic" over a table with an objective
        # column is that table's caption: the table states the objective
        titles = []
    shapes = titles + list(slide.body)
    plain = _objective_statement_box(titles, shapes)
    paragraph = 0
    first = True
    skipping = False
    for shape in shapes:
        kind = _placeholder_type(shape)
        table = shape.find(f".//{A}tbl") if shape.tag == f"{P}graphicFrame" else None
        if table is not None:
            _read_table(deck, table, number)
            first = True
            continue
        body = shape.find(f"{P}txBody")
        if body is None:
            continue
        if shape is plain.get("drop"):
            paragraph += len(body.findall(f"{A}p"))
            continue
        bulleted_by_default = kind in _BODY and _is_placeholder(shape)
        for element in body.findall(f"{A}p"):
            paragraph += 1
            text = _paragraph_text(element)
            if not text.strip():
                continue
            if repeated:
                statement = _objective_statement(text)
                if statement is not None:
                    skipping = statement in repeated
                if skipping:
                    continue
            if shape in titles and _only_column_words(text):
                continue  # "เป้าประสงค์ ตัวชี้วัด และค่าเป้าหมาย" over a table: its caption, no objective
            level, bullet, numbered = _list_of(element, bulleted_by_default)
            if shape is plain.get("statement"):
                bullet = numbered = False  # an objective's statement in a box of its own: no list of one
            is_title = shape in titles
            if is_title and shape is plain.get("title"):
                text = plain["label"]
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


def _objective_statement_box(titles: list, shapes: list) -> dict:
    """A slide titled by an objective's label alone or with a topic ("Objective 1", "Objective 2 — Depots",
    "วัตถุประสงค์ที่ 1") whose first text box holds one paragraph: that paragraph is the objective, although
    PowerPoint bullets it (Two Content, Comparison layouts); a header box saying only "Objective" above it is
    a column header. Returns the shapes to treat so: "title" (with "label", the title cut to its label),
    "statement", "drop"."""
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    if len(titles) != 1:
        return {}
    title_body = titles[0].find(f"{P}txBody")
    title_text = " ".join("".join(_paragraph_text(p) for p in title_body.findall(f"{A}p")).split()) \
        if title_body is not None else ""
    label = match_label(title_text)
    if label is None or label.kind != OBJECTIVE:
        return {}
    topic = title_text[label.rest_start:].strip(" :：-–—|")
    if len(topic.split()) > 2 or len(topic) > 30:
        return {}  # "Objective 1: Make onboarding effortless": the title is the objective
    boxes = [shape for shape in shapes[1:] if shape.find(f"{P}txBody") is not None
             and any(_paragraph_text(p).strip() for p in shape.find(f"{P}txBody").findall(f"{A}p"))]
    found: dict = {}
    if boxes:
        texts = [_paragraph_text(p).strip() for p in boxes[0].find(f"{P}txBody").findall(f"{A}p")]
        texts = [text for text in texts if text]
        header = match_label(texts[0]) if len(texts) == 1 else None
        if header is not None and header.kind == OBJECTIVE and not texts[0][header.rest_start:].strip(" :：-–—") \
                and header.number is None:
            found["drop"] = boxes[0]
            boxes = boxes[1:]
    if boxes:
        paragraphs = [p for p in boxes[0].find(f"{P}txBody").findall(f"{A}p") if _paragraph_text(p).strip()]
        texts = [_paragraph_text(p).strip() for p in paragraphs]
        cut = title_text[:label.rest_start].rstrip(" :：-–—|") or title_text
        # under a topic ("Objective 2 — Depots") a measured line is the objective's one key result, not its statement
        if texts and alignment_statement(texts[0]) is not None:
            return {}  # "Supports CO1" over the key results: what the titled objective aligns to, not its statement
        if len(texts) == 1 and match_label(texts[0]) is None and not (topic and _DIGIT.search(texts[0])):
            found.update(statement=boxes[0], title=titles[0], label=cut)
        elif len(texts) > 1 and match_label(texts[0]) is None and topic:
            levels = [_list_of(p, True)[0] for p in paragraphs]
            if all(level > levels[0] for level in levels[1:]):
                # "Objective 3 — Research" over its statement with the key results nested under it: the statement
                # is the objective (the draft parser takes a first item with nested items as the title)
                found.update(title=titles[0], label=cut, nested=True)
    return found if "statement" in found or "nested" in found else {}


# A slide that sums the plan up on one page, by its title: "Company OKRs on one slide", "OKRs at a glance",
# "Overview", "Summary", "Recap", "One-pager", "ภาพรวม OKR", "สรุป OKR", "OKR ทั้งบริษัทในหน้าเดียว"
_SUMMARY_TITLE = re.compile(
    r"(?i)\b(?:on\s+(?:one|a\s+single)\s+(?:slide|page)|at\s+a\s+glance|one[-\s]?pager)\b|ในหน้าเดียว|หน้าเดียว")
# "Overview", "Summary", "Recap", "ภาพรวม", "สรุป": a summary when that is the whole title or it is of the OKRs
# ("OKR Summary", "สรุป OKR ปี 2570"), not when an objective says it ("Shippers get a monthly summary they trust")
_SUMMARY_WORD = re.compile(r"(?i)\b(?:overview|summary|recap|in\s+brief)\b|ภาพรวม|สรุป")
_OKR_WORDS = re.compile(r"(?i)\b(?:okrs?|objectives|goals|key\s+results)\b|วัตถุประสงค์|เป้าหมาย|ผลลัพธ์หลัก|ตัวชี้วัด")


def _is_summary_title(text: str) -> bool:
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    label = match_label(text)
    if label is not None and label.kind == OBJECTIVE and text[label.rest_start:].strip(" :：-–—"):
        return False  # "Objective 2: Shippers get a monthly summary they trust"
    if _SUMMARY_TITLE.search(text):
        return True
    return bool(_SUMMARY_WORD.search(text)) and (bool(_OKR_WORDS.search(text)) or len(text.split()) <= 3)


def _summary_slides(slides: list[_Slide]) -> dict[int, tuple[str, frozenset[str], bool]]:
    """Slides whose title says they sum the OKRs up, in a deck whose other slides state objectives themselves,
    when every objective the slide names is stated on another slide too: read once, from the slides that state
    them, not twice. Each: (title, the statements of its objectives stated elsewhere, whether that is all of
    them); a summary naming an objective no other slide has is read for that objective only."""
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    titled: dict[int, str] = {}
    objectives: dict[int, list[tuple[str, str | None]]] = {}  # (statement, number) of each objective line
    texts_of: dict[int, str] = {}
    for slide in slides:
        number = slide.number
        if slide.title and _is_summary_title(slide.title):
            titled[number] = slide.title[:80]
        texts = [slide.title] if slide.title else []
        for shape in slide.body:
            body = shape.find(f"{P}txBody")
            if body is None:
                continue
            texts += [" ".join(_paragraph_text(paragraph).split()) for paragraph in body.findall(f"{A}p")]
        texts_of[number] = " ".join(texts).casefold()
        objectives[number] = [(" ".join(text[label.rest_start:].strip(" :：-–—").split()).casefold(), label.number)
                              for text in texts if text and (label := match_label(text)) is not None
                              and label.kind == OBJECTIVE]
    if not any(objectives[number] for number in objectives if number not in titled):
        return {}  # no other slide states objectives: the summary is the plan
    found = {}
    for number, title in titled.items():
        others = [other for other in texts_of if other != number and other not in titled]
        elsewhere = " ".join(texts_of[other] for other in others)
        numbered = {n for other in others for _, n in objectives[other] if n}
        # an objective the summary names is stated elsewhere when its words are (a remark in brackets aside:
        # "บัณฑิตมีงานทำ (3 ตัวชี้วัด)"), or when it is numbered as an objective stated on another slide ("O1 …")
        repeated = frozenset(statement for statement, n in objectives[number] if statement and (
            _BRACKETED.sub("", statement).strip() in elsewhere or (n is not None and n in numbered)))
        found[number] = (title, repeated, len(repeated) == len({s for s, _ in objectives[number] if s}))
    return found


_BRACKETED = re.compile(r"\s*[(\[（][^()\[\]（）]*[)\]）]")


def _has_objective_table(shapes) -> bool:
    for shape in shapes:
        table = shape.find(f".//{A}tbl") if shape.tag == f"{P}graphicFrame" else None
        first = table.find(f"{A}tr") if table is not None else None
        if first is None:
            continue
        cells = [" ".join(_paragraph_text(p) for p in tc.iter(f"{A}p")) for tc in first.findall(f"{A}tc")]
        if _is_header_row(cells) and any(_OBJECTIVE_COLUMN.search(cell) for cell in cells):
            return True
    return False


_OBJECTIVE_COLUMN = re.compile(r"(?i)\bobjectives?\b|วัตถุประสงค์|เป้าประสงค์")


def _is_key_result_label(text: str) -> bool:
    from okrlint.load.draft_labels import KR_HEADER, KR_ITEM, match_label

    label = match_label(text) if text else None
    return label is not None and label.kind in (KR_ITEM, KR_HEADER)


def _has_no_key_results(lines: list[DraftLine]) -> bool:
    """A slide's lines that state an objective and nothing more (no list, no key-result label)."""
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    texts = [line for line in lines if line.text.strip()]
    stated = any((label := match_label(line.text)) is not None and label.kind == OBJECTIVE for line in texts)
    return stated and not any(line.bullet or line.numbered or _is_key_result_label(line.text) for line in texts)


def _is_header_row(row: list) -> bool:
    """A table row naming two or more OKR columns ("Objective | Key result | Target", "เป้าประสงค์ | ตัวชี้วัด")."""
    return sum(1 for cell in row if isinstance(cell, str) and _ONE_COLUMN_NAME.search(cell) and len(cell) <= 40) >= 2


def _objective_statement(text: str) -> str | None:
    """What an objective-labelled line states ("O1 – Customers get parcels on time" -> "customers get parcels on
    time", folded as _summary_slides compares), or None when the line has no objective label."""
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    text = " ".join(text.split())
    label = match_label(text)
    if label is None or label.kind != OBJECTIVE:
        return None
    return text[label.rest_start:].strip(" :：-–—").casefold()


# A table's caption made of its column names: "เป้าประสงค์ ตัวชี้วัด และค่าเป้าหมาย", "Objectives, key results and
# targets", "OKRs & KPIs": two or more such names and nothing else
_COLUMN_NAME = (r"(?i:\b(?:objectives?|key\s+results?|krs?|okrs?|kpis?|targets?|baselines?|indicators?|owners?"
                r"|measures?|metrics?|goals?)\b)|วัตถุประสงค์|เป้าประสงค์|ตัวชี้วัด|ค่าเป้าหมาย|เป้าหมาย|ค่าฐาน|ผลลัพธ์หลัก|ผู้รับผิดชอบ")
_COLUMN_NAMES = re.compile(rf"(?:{_COLUMN_NAME}|(?i:\band\b|\(?(?:cont(?:inued|'d|\.)?)\)?)|และ|\(?ต่อ\)?|[\s,&/+|:–—-])+")
_ONE_COLUMN_NAME = re.compile(_COLUMN_NAME)


def _only_column_words(text: str) -> bool:
    text = text.strip()
    return _COLUMN_NAMES.fullmatch(text) is not None and len(_ONE_COLUMN_NAME.findall(text)) >= 2


def _boxes(tree, placeholders: _Placements) -> Iterator[_Box]:
    """The slide's shapes and tables (groups opened) with their positions: their own, else their layout's."""
    for shape in _shapes(tree):
        position = _own_position(shape)
        if position is None:
            position = placeholders.of(_placeholder_key(shape))
        yield _Box(shape, *(position or (None, None, None, None)))


def _own_position(shape) -> tuple[int, int, int, int] | None:
    properties = shape.find(f"{P}spPr") if shape.tag == f"{P}sp" else shape
    transform = properties.find(f"{A}xfrm") if shape.tag == f"{P}sp" and properties is not None else \
        shape.find(f"{P}xfrm")
    if transform is None:
        return None
    offset, extent = transform.find(f"{A}off"), transform.find(f"{A}ext")
    try:
        x, y = int(offset.get("x", "0")), int(offset.get("y", "0"))
        width = int(extent.get("cx", "0")) if extent is not None else 0
        height = int(extent.get("cy", "0")) if extent is not None else 0
    except (AttributeError, ValueError):
        return None
    return x, y, x + max(width, 0), y + max(height, 0)


def _placeholder_key(shape) -> tuple[str, str] | None:
    placeholder = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    if placeholder is None:
        return None
    return placeholder.get("idx", ""), placeholder.get("type", "")


def reading_order(boxes: list[_Box]) -> list[_Box]:
    """Boxes in the order people read them: columns that no box crosses left to right, each from the top;
    else rows that no box crosses from the top; else top to bottom, left to right (recursive X-Y cut).
    A box with no known position keeps its place after the box drawn before it."""
    groups: list[list[_Box]] = []
    for box in boxes:
        if box.y is None and groups:
            groups[-1].append(box)
        else:
            groups.append([box])
    leading = groups.pop(0) if groups and groups[0][0].y is None else []
    return leading + [box for group in _cut(groups) for box in group]


def _cut(groups: list[list[_Box]], tolerance: int = 91_440) -> list[list[_Box]]:
    """Cut into the columns no box crosses, or into the rows no box crosses, whichever gives more pieces (rows of a
    key result and its owner's callout are rows; a column of headers over boxes is a column), columns on a tie."""
    if len(groups) <= 1:
        return groups
    cuts = []
    for start, end in (("x", "right"), ("y", "bottom")):
        ordered = sorted(groups, key=lambda group: (getattr(group[0], start), getattr(group[0], "y")))
        pieces = [[ordered[0]]]
        reach = getattr(ordered[0][0], end)
        for group in ordered[1:]:
            if getattr(group[0], start) >= reach - tolerance:
                pieces.append([group])
            else:
                pieces[-1].append(group)
            reach = max(reach, getattr(group[0], end))
        cuts.append(pieces)
    columns, rows = cuts
    if len(columns) <= 1 and len(rows) <= 1:
        return sorted(groups, key=lambda group: (group[0].y, group[0].x))
    # as many rows as columns: rows (a key result beside its owner's callout, row after row), unless the first row
    # holds only headers ("Objective" | "Key results" over the boxes they head: a Comparison layout)
    if len(columns) > len(rows) or (len(columns) == len(rows) and all(_is_header(g) for g in rows[0])):
        best = columns
    else:
        best = rows
    return [group for piece in best for group in _cut(piece)]


def _is_header(group: list[_Box]) -> bool:
    """A box of one short line (a column's header: "Objective", "Key results", "ตัวชี้วัด")."""
    body = group[0].shape.find(f"{P}txBody")
    texts = [t for t in (_paragraph_text(p).strip() for p in body.findall(f"{A}p")) if t] if body is not None else []
    return len(texts) == 1 and len(texts[0].split()) <= 3 and not _DIGIT.search(texts[0])


@attrs.define
class _Layouts:
    """Where each slide layout (and its master) places its placeholders, by (idx, type), read once per layout."""

    archive: zipfile.ZipFile
    data: bytes
    cache: dict = attrs.field(factory=dict)

    def positions(self, slide_name: str) -> _Placements:
        layout = self._related(slide_name, "/slideLayout")
        if layout is None:
            return _Placements({}, {})
        if layout not in self.cache:
            own = self._placeholders(layout)
            master = self._related(layout, "/slideMaster")
            by_type: dict = {}
            for placed in (own, self._placeholders(master) if master else {}):  # the layout's, then its master's
                for (_, kind), where in placed.items():
                    by_type.setdefault(kind or "body", where)
            self.cache[layout] = _Placements({idx: where for (idx, _), where in own.items() if idx}, by_type)
        return self.cache[layout]

    def notes_hold_key_results(self, slide_name: str) -> bool:
        """Whether the slide's speaker notes hold key results (a 'KR' or 'ผลลัพธ์หลัก' label, or a measured line
        under a 'Key results' heading)."""
        notes = self._related(slide_name, "/notesSlide")
        root = _xml(self.archive, self.data, notes) if notes else None
        if root is None:
            return False
        return any(_is_key_result_label(" ".join(_paragraph_text(p).split()))
                   for p in root.iter(f"{A}p"))

    def _related(self, part: str, kind: str) -> str | None:
        folder, name = posixpath.split(part)
        relations = _xml(self.archive, self.data, posixpath.join(folder, "_rels", name + ".rels"))
        if relations is None:
            return None
        for relation in relations.iter(f"{_PACKAGE_RELS}Relationship"):
            if relation.get("Type", "").endswith(kind):
                target = relation.get("Target", "")
                return posixpath.normpath(posixpath.join(folder, target)) if not target.startswith("/") else target[1:]
        return None

    def _placeholders(self, part: str) -> dict:
        root = _xml(self.archive, self.data, part)
        found: dict = {}
        if root is None:
            return found
        for shape in root.iter(f"{P}sp"):
            key = _placeholder_key(shape)
            position = _own_position(shape)
            if key is not None and position is not None:
                found[key] = position
        return found


@attrs.frozen
class _Placements:
    """Where a slide layout (with its master) puts its placeholders: by idx, and by type (no type is a body)."""

    by_idx: dict
    by_type: dict

    def of(self, key: tuple[str, str] | None) -> tuple[int, int, int, int] | None:
        """A slide placeholder's position: its layout's placeholder of the same idx, else of the same type."""
        if key is None:
            return None
        idx, kind = key
        found = self.by_idx.get(idx) if idx else None
        return found or self.by_type.get(kind or "body") or self.by_type.get("obj")


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
    offset = 0
    previous = deck.tables[-1] if deck.tables else None
    if previous is not None and rows and previous.rows and len(rows[0]) == len(previous.rows[0]) \
            and _is_header_row(previous.rows[0]) and not _is_header_row(rows[0]):
        # a table going on over the next slide without its header row: the header of the slide before
        rows = [list(previous.rows[0])] + rows
        offset = 1

    def locate(row: int, column: int) -> Location:
        return Location(filename, max(row + 1 - offset, 1), column + 1, sheet=name, page=slide)

    deck.tables.append(Table(rows, locate, team=default_team(filename), name=name, optional=True))
