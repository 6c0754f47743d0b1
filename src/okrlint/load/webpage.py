"""Web pages (``.html``, ``.htm``, and pages saved from a browser under a ``.txt`` or ``.md`` name): headings,
paragraphs and lists through the draft parser, tables through the table reader, as a Word document is read.

OKRs are published on intranets, wikis and blogs, and people save such a page to lint it. What is read is the
page's content: the site's furniture around it (``<nav>``, ``<footer>``, ``<aside>``, forms, scripts, styles, and
elements whose role, id or class says menu, breadcrumb, cookie banner, share bar, comments or related posts) is
left out. ``<h1>``–``<h6>`` are headings, ``<li>`` list items at their nesting level, ``<s>``/``<del>`` struck
text, ``<br>`` a line break; table cells spanning rows or columns fill the cells they cover, as people see them.
Positions are the lines of the HTML file. Only the standard library's tolerant ``html.parser`` is used: no
script runs, no entity or resource is fetched.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping
from html.parser import HTMLParser

import attrs

from okrlint.load import LoadError
from okrlint.load.draft import DraftLine, default_team, parse_document, reads_as_measured_key_result
from okrlint.load.limits import MAX_TABLE_ROWS
from okrlint.load.tables import Table
from okrlint.model import InputError, LoadResult, Location
from okrlint.text import regexcache

# Elements whose content is never the page's text.
_NEVER_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object",
                         "select", "button", "form", "canvas", "video", "audio", "map"})
# Elements that hold a site's furniture, not its content.
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "dialog"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu",
                              "menubar", "alertdialog"})
# A class or id token naming furniture: the whole token, or its last part ("site-footer", "post-navigation",
# "share-buttons"); never a token that only describes the page ("has-sidebar", "tag-social-media", "toc-ready").
_FURNITURE_NAME = regexcache.compile(
    r"(?i)(?:[a-z0-9]+[_-])*(?:nav|navbar|navigation|menu|menus|breadcrumb|breadcrumbs|cookie|cookies|cookie-banner"
    r"|cookie-notice|consent|gdpr|share|sharing|share-buttons|sharedaddy|social-share|comment|comments|commentlist"
    r"|disqus_thread|related|related-posts|sidebar|widget-area|footer|masthead|skip-link|pagination|pager|newsletter"
    r"|subscribe|advert|ads|adsense|banner|toc|table-of-contents|author-bio|author-box)")
_DESCRIBING_PREFIXES = ("has-", "with-", "no-", "tag-", "category-", "ast-", "is-", "layout-", "page-", "single-",
                        "post-type-", "wp-", "theme-", "toc-")
# The page's own containers, whose classes describe the page: never furniture by their names
_CONTAINERS = frozenset({"html", "body", "main", "article"})
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "blockquote", "pre", "dd", "dt", "dl",
                     "figure", "figcaption", "address", "details", "summary", "center", "hr", "ul", "ol", "body",
                     "html", "caption"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_STRUCK = frozenset({"s", "del", "strike"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
                   "wbr", "param"})
MAX_LIST_LEVEL = 8
MAX_TABLE_COLUMNS = 1024
MAX_TABLE_CELLS = 500_000  # cells of a page's tables, spans filled: past them a page is a data dump
MAX_SPAN = 64  # a rowspan or colspan larger than this is damage or a trick: read as this many
MAX_DEPTH = 512  # deeper nesting is read as this deep (the parser keeps no tree, only this stack)
_SPACES = regexcache.compile(r"[ \t\r\n\f\v\u00a0]+")


class _Cell:
    __slots__ = ("parts", "line", "rowspan", "colspan")  # line: the cell's place in page order

    def __init__(self, line: int, rowspan: int, colspan: int):
        self.parts: list[str] = []
        self.line = line
        self.rowspan = rowspan
        self.colspan = colspan


class _Table:
    __slots__ = ("rows", "cell", "line", "full")

    def __init__(self, line: int):
        self.rows: list[list[_Cell]] = []
        self.cell: _Cell | None = None
        self.line = line
        self.full = False  # past the page's rows of tables: further cells are not kept


class _PageReader(HTMLParser):
    def __init__(self, filename: str):
        super().__init__(convert_charrefs=True)
        self.filename = filename
        self.stack: list[str] = []  # open elements, by name
        self.hidden_at: int | None = None  # depth of the furniture or script element being skipped
        self.lists: list[tuple[bool, int | None]] = []  # open lists: numbered? and the level their class says
        self.tables: list[_Table] = []  # open tables, innermost last
        self.done_tables: list[Table] = []
        self.lines: list[DraftLine] = []
        self.parts: list[str] = []  # the text of the block being read
        self.block_line = 1
        self.block_style: str | None = None
        self.block_item: tuple[int, bool] | None = None  # (level, numbered) of a list item's first line
        self.struck_depths: list[int] = []  # depths of the open elements that strike their text through
        self.struck_classes: frozenset[str] = frozenset()  # classes a page's <style> strikes through (Google Docs)
        self.css_read = 0  # characters of style sheets looked through
        self.order = 0  # blocks and table cells counted in page order: where each stands (a page may be one line)
        self.furniture_text = 0  # characters of text left out as the site's furniture
        self.table_rows = 0  # rows of tables read so far
        self.rows_cut: Location | None = None  # where the page's tables passed MAX_TABLE_ROWS rows
        self.table_cells = 0  # cells of tables (spans filled) kept so far
        self.link_depth: int | None = None  # depth of the open link to another page
        self.linked_text = 0  # characters of the block being read that stand in such links
        self.title: list[str] = []
        self.in_title = False
        self.headings = 0
        self.after_table = False

    # --- elements --------------------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self.hidden_at is not None:
            if tag not in _VOID and len(self.stack) < MAX_DEPTH:
                self.stack.append(tag)
            return
        if tag == "title" and not self.title:
            self.in_title = True
            return
        if tag in _NEVER_TEXT or tag in _FURNITURE_TAGS or _is_furniture(tag, attrs):
            if tag not in _VOID:
                self.flush()
                self.hidden_at = len(self.stack)
                self.stack.append(tag)
            return
        if tag == "br":
            self.text("\n")
            return
        if tag in _VOID and tag != "hr":
            return
        if tag in ("td", "th") and self.tables and self.tables[-1].full:
            self.tables[-1].cell = None
        elif tag in ("td", "th") and self.tables:
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            self.order += 1
            table.cell = _Cell(self.order, _span(attrs, "rowspan"), _span(attrs, "colspan"))
            table.rows[-1].append(table.cell)
        elif tag == "tr" and self.tables:
            self.tables[-1].cell = None
            self.table_rows += 1
            if self.table_rows > MAX_TABLE_ROWS:  # a data dump, not a plan: the first rows are read, with an error
                self.rows_cut = self.rows_cut or Location(self.filename, self.getpos()[0], 1)
                self.tables[-1].full = True
            else:
                self.tables[-1].rows.append([])
        elif tag == "table":
            self.flush()
            self.order += 1
            self.tables.append(_Table(self.order))
        elif tag in _HEADINGS:
            self.flush()
            self.block_style = f"Heading {_HEADINGS[tag]}"
            self.headings += 1
        elif tag == "li":
            self.flush()
            numbered, level = self.lists[-1] if self.lists else (False, None)
            if level is None:
                level = len(self.lists) - 1
            self.block_item = (min(max(level, 0), MAX_LIST_LEVEL), numbered)
        elif tag in ("ul", "ol", "menu"):
            self.flush()
            level = _LIST_CLASS_LEVEL.search(_attribute(attrs, "class"))  # Google Docs: flat lists, "lst-kix_…-1"
            self.lists.append((tag == "ol", int(level.group(1)) if level else None))
        elif tag in _BLOCKS:
            self.flush()
        if tag == "a" and self.link_depth is None and not _attribute(attrs, "href").startswith(("#", "javascript:")) \
                and _attribute(attrs, "href"):
            self.link_depth = len(self.stack)
        if len(self.stack) < MAX_DEPTH:
            if tag in _STRUCK or self.strikes(attrs):
                self.struck_depths.append(len(self.stack))
                self.text("\x00")  # where the struck text starts (marked once read)
            self.stack.append(tag)

    def strikes(self, attrs) -> bool:
        """Whether an element's own style, or a class the page's style sheet defines, strikes its text through."""
        style = _attribute(attrs, "style")
        if "line-through" in style:
            return True
        return bool(self.struck_classes) and not self.struck_classes.isdisjoint(_attribute(attrs, "class").split())

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.hidden_at is None:
            self.text("\n")
        elif tag not in _VOID:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title" and self.in_title:
            self.in_title = False
            return
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:  # close what the author left open inside it
            closed = self.stack.pop()
            if self.struck_depths and self.struck_depths[-1] == len(self.stack):
                self.struck_depths.pop()
                self.text("\x01")
            if self.link_depth == len(self.stack):
                self.link_depth = None
            if self.hidden_at is not None and len(self.stack) <= self.hidden_at:
                self.hidden_at = None
                if closed == tag:
                    return
                continue
            if self.hidden_at is None:
                self.close_element(closed)
            if closed == tag:
                return

    def close_element(self, tag: str) -> None:
        if tag in ("td", "th") and self.tables:
            self.tables[-1].cell = None
        elif tag == "table" and self.tables:
            self.finish_table(self.tables.pop())
        elif tag in ("ul", "ol", "menu") and self.lists:
            self.flush()
            self.lists.pop()
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCKS:
            self.flush()

    # --- text ------------------------------------------------------------------------------------------------
    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif self.hidden_at is None:
            if "\x00" in data or "\x01" in data:  # the page's own would be taken for the struck-text markers
                data = data.translate(_MARKERS_REMOVED)
            self.text(data)
            if self.link_depth is not None and not (self.tables and self.tables[-1].cell is not None):
                self.linked_text += len(data.strip())
        elif self.stack and self.stack[-1] == "style" and self.css_read < MAX_CSS:
            chunk = data[:MAX_CSS - self.css_read]
            self.css_read += len(chunk)
            struck = _STRUCK_CLASS.findall(chunk)  # one style element's text comes as one chunk
            if struck:
                self.struck_classes = self.struck_classes | frozenset(struck[:MAX_STRUCK_CLASSES])
        elif self.stack[self.hidden_at] not in _NEVER_TEXT:
            self.furniture_text += len(data.strip())

    def text(self, data: str) -> None:
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.parts.append(data)
            return
        if self.tables:
            return  # text between a table's cells: spaces and stray words
        if not self.parts:
            self.block_line = self.getpos()[0]
        self.parts.append(data)

    def flush(self) -> None:
        """The block read so far, as draft lines (a <br> starts a line of the same block)."""
        if self.tables:
            return
        text = _struck("".join(self.parts))
        item, style = self.block_item, self.block_style
        linked, self.linked_text = self.linked_text, 0
        self.parts, self.block_item, self.block_style = [], None, None
        lines = [_SPACES.sub(" ", part).strip() for part in text.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            return
        if item is not None and linked and linked >= sum(len(line.replace(" ", "")) for line in lines) * 0.9 \
                and not reads_as_measured_key_result(lines[0]):
            # a list item that is only a link to another page ("Related news", a menu): the site's, not the plan's (a
            # key result linked to its dashboard, "Raise NPS from 30 to 45", is still one)
            return
        for index, line in enumerate(lines):
            first = index == 0
            self.order += 1
            self.lines.append(DraftLine(
                line, Location(self.filename, self.block_line + index, 1, paragraph=self.order),
                numbered=item is not None and item[1] and first, bullet=item is not None and not item[1] and first,
                list_level=item[0] if item is not None and first else None, style=style if first else None,
                new_paragraph=first and item is None, after_table=self.after_table and first))
        self.after_table = False

    def finish_table(self, table: _Table) -> None:
        rows: list[list[str]] = []
        lines: list[list[int]] = []  # the HTML line of each cell: where it stands among the page's text lines
        below: dict[int, tuple[str, int, int]] = {}  # column -> (text, last row it covers, line) of row spans
        for row_index, cells in enumerate(r for r in table.rows if r or not table.rows):
            if self.table_cells > MAX_TABLE_CELLS:
                self.rows_cut = self.rows_cut or Location(self.filename, cells[0].line if cells else table.line, 1)
                break
            values: list[str] = []
            numbers: list[int] = []
            queue = collections.deque(cells)
            below = {c: cover for c, cover in below.items() if cover[1] >= row_index}  # spans still open
            covered = max(below, default=-1)
            while (queue or len(values) <= covered) and len(values) < MAX_TABLE_COLUMNS:
                column = len(values)
                if column in below and below[column][1] >= row_index:
                    values.append(below[column][0])
                    numbers.append(below[column][2])
                    continue
                if not queue:
                    values.append("")
                    numbers.append(numbers[-1] if numbers else table.line)
                    continue
                cell = queue.popleft()
                text = "\n".join(p for p in (_SPACES.sub(" ", part).strip()
                                             for part in _struck("".join(cell.parts)).split("\n")) if p)
                if "~~" in text:
                    from okrlint.load.withdrawn import without_struck

                    text = without_struck(text)
                for offset in range(cell.colspan):
                    if len(values) >= MAX_TABLE_COLUMNS:
                        break
                    if cell.rowspan > 1:
                        below[column + offset] = (text, row_index + cell.rowspan - 1, cell.line)
                    values.append(text)
                    numbers.append(cell.line)
            if values:
                rows.append(values)
                lines.append(numbers)
                self.table_cells += len(values)
        if not rows:
            return
        name = f"table {len(self.done_tables) + 1}"
        filename = self.filename

        def locate(row: int, column: int) -> Location:  # shown as a sheet's cell, "table 1!B3"; ordered by its line
            numbers = lines[row] if row < len(lines) else []
            line = numbers[min(column, len(numbers) - 1)] if numbers else table.line
            return Location(filename, row + 1, column + 1, sheet=name, paragraph=line)

        self.done_tables.append(Table(rows, locate, team=default_team(filename), name=name, optional=True))
        self.after_table = True


_MARKERS_REMOVED = {0: None, 1: None}


def _struck(text: str) -> str:
    """Struck text between the markers as ``~~…~~`` (withdrawn key results are told by it), per line."""
    if "\x00" not in text:
        return text.replace("\x01", "")
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "\x00":
            depth += 1
            if depth == 1:
                out.append("~~")
        elif char == "\x01":
            if depth == 1:
                out.append("~~")
            depth = max(depth - 1, 0)
        else:
            out.append(char)
    if depth:
        out.append("~~")
    return "".join(out).replace("~~~~", "")


def _attribute(attrs, name: str) -> str:
    return next((value or "" for key, value in attrs if key == name), "")


_LIST_CLASS_LEVEL = regexcache.compile(r"\blst-kix_\w+-(\d)\b")
_STRUCK_CLASS = regexcache.compile(r"\.([A-Za-z_][\w-]*)\s*\{[^{}]*line-through")
MAX_CSS = 200_000  # characters of style sheet looked through for struck-through classes
MAX_STRUCK_CLASSES = 1_000


def _span(attrs, name: str) -> int:
    for key, value in attrs:
        if key == name and value:
            try:
                return min(max(int(value.strip()), 1), MAX_SPAN)
            except ValueError:
                return 1
    return 1


def _is_furniture(tag: str, attrs) -> bool:
    for key, value in attrs:
        if key == "hidden":
            return True
        if not value:
            continue
        if key == "role" and value.strip().lower() in _FURNITURE_ROLES:
            return True
        if key in ("id", "class") and tag not in _CONTAINERS and any(
                _FURNITURE_NAME.fullmatch(token) and not token.lower().startswith(_DESCRIBING_PREFIXES)
                for token in value[:300].split()):
            return True
        if key == "aria-hidden" and value.strip().lower() == "true":
            return True
        if key == "href" and value.startswith(("#cmnt", "#ftnt")):
            return True  # a Google Docs export's comment or footnote mark ("[a]", "[1]") in the text
    return False


def _without_unclosed_tags(text: str) -> tuple[str, int]:
    """``text`` with each ``<`` that opens no tag — no ``>`` follows it within MAX_TAG characters before another
    ``<`` — written as ``&lt;``, and how many there were: html.parser rescans from such a ``<`` to the end of the page
    for its ``>``, so thousands of them ("<a<a<a…", "<![CDATA[…") take minutes. One regex pass."""
    return _UNCLOSED_TAG.subn("&lt;", text)


MAX_TAG = 4_000  # a tag, comment or CDATA section longer than this is no markup a page needs (but a data: image)
_UNCLOSED_TAG = regexcache.compile(r"<(?![^<>]{0,%d}>)" % MAX_TAG)
MAX_UNCLOSED = 10_000  # more "<" that open no tag than this: a damaged or hostile page, not read


def read_page(filename: str, text: str) -> _PageReader:
    reader = _PageReader(filename)
    text, unclosed = _without_unclosed_tags(text)
    if unclosed > MAX_UNCLOSED:
        raise LoadError(f"the page has {unclosed:,} '<' that open no tag (more than {MAX_UNCLOSED:,}); not read "
                        "(a damaged page?)")
    reader.feed(text)
    reader.close()
    reader.flush()
    while reader.tables:  # a table the page never closed
        reader.finish_table(reader.tables.pop())
    title = _SPACES.sub(" ", "".join(reader.title)).strip()
    if title and not reader.headings:  # the page's <title> names it when no heading does
        reader.lines.insert(0, DraftLine(title, Location(filename, 1, 1), style="Title"))
    return reader


def load_webpage(filename: str, data: bytes, options: Mapping[str, object]) -> LoadResult:
    from okrlint.load import limits
    from okrlint.load.decode import decode_text

    if not data.strip():
        return LoadResult(errors=(InputError("empty file: no web page in it", Location(filename)),))
    if len(data) > limits.MAX_DRAFT_BYTES:
        return LoadResult(errors=(InputError(
            f"the page is larger than {limits.MAX_DRAFT_BYTES // limits.MEGABYTE} MB; not read", Location(filename)),))
    try:
        text = decode_text(data)
    except LoadError as exc:
        return LoadResult(errors=(InputError(exc.message, Location(filename, exc.line, exc.column)),))
    return load_page_text(filename, text, options)


def load_page_text(filename: str, text: str, options: Mapping[str, object]) -> LoadResult:
    """A page already decoded (a draft loader that found HTML in a .txt or .md file hands it over)."""
    try:
        reader = read_page(filename, text)
    except LoadError as exc:
        return LoadResult(errors=(InputError(exc.message, Location(filename, 1, 1)),))
    if not reader.lines and not reader.done_tables and reader.furniture_text:
        return LoadResult(errors=(InputError(
            "no OKRs found on this web page: all of its text stands in the site's menus, sidebars, headers, footers "
            "or comments, which are not read", Location(filename, 1, 1)),))
    result = parse_document(reader.lines, reader.done_tables, filename, options, source_format="html",
                            no_okrs=InputError("no OKRs found on this web page: no 'Objective:' headings or lines "
                                               "and no table with Objective / Key result columns",
                                               Location(filename, 1, 1)))
    if reader.rows_cut is not None:
        from okrlint.load.spreadsheet import too_many_rows

        result = attrs.evolve(result, errors=(*result.errors, too_many_rows(reader.rows_cut)))
    return result
