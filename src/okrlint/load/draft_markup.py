"""The layout of one draft line: heading, list item, plain text, blank — and where its content starts.

Markers are taken off (``## ``, ``1.``, ``1)``, ``(1)``, ``๑.``, ``1.1``, ``1a.``, ``(a)``, ``ii.``, ``ก.``,
``-``, ``•``, Word's Symbol-font bullets, ``- [ ]``) and emphasis
(``**``/``__``) is removed, keeping for every remaining character its column in the original line, so
that locations always point into the file as written.
"""

from __future__ import annotations

import re

from okrlint.text import regexcache
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from okrlint.load.draft import DraftLine

BLANK = "blank"
HEADING = "heading"
ITEM = "item"
TEXT = "text"
OTHER = "other"  # table rows, fences: ends a paragraph, never read

TAB_WIDTH = 4
LIST_LEVEL_WIDTH = 4  # indentation given to Word's list levels

_HEADING = regexcache.compile(r"(#{1,6})(?:\s+|$)")
_RULE = regexcache.compile(r"([-*_=─━═—])(?:\s*\1){2,}\s*$")  # "---", "***", a box-drawing line from a PDF
# A bullet may be glued to its text ("-Raise", "•ลด"), except "*", which is emphasis when glued.
# U+F020-U+F0FF: bullets of Word's Symbol and Wingdings fonts pasted as text (U+F0B7, U+F0A7, U+F0D8, U+F076,
# U+F0FC, U+F0A8): private-use characters that are never text of their own.
_BULLET = regexcache.compile(r"(?:[-+•◦▪▫●○■□➢►▸✓✔·–—>\uf020-\uf0ff]|\*(?=\s))[ \t]*")
_QUOTE = regexcache.compile(r"(?:>[ \t]?)+")
# A Markdown link reference definition, "[1]: https://…" or "[docs]: </a/b> 'Title'": the target of "[text][1]" in
# the lines above, not shown in the document, so neither a line of its own nor more of the item above it. The target
# must look like an address ("[Target]: 80%" stays text).
_LINK_DEFINITION = regexcache.compile(
    r"\[[^\]]{1,999}\]:[ \t]*(?:<[^<>\n]*>|(?:[A-Za-z][A-Za-z0-9+.-]{1,31}://|mailto:|www\.|\.{0,2}/[A-Za-z_]|#[A-Za-z])\S*)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$")
_CHECKBOX = regexcache.compile(r"\[[ xX✓✔]?\][ \t]*")
# Emoji and pictographs that open a line of Notion, Confluence or chat drafts ("🎯 Objective 1", "✅ KR1.1",
# "🟡 ..."): decoration or a status, never part of a label or a title. Text after them is read as usual.
_DECORATION = regexcache.compile(
    "(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF\u25A0-\u25FF]"
    "[\uFE0F\uFE0E\u200D\U0001F3FB-\U0001F3FF]*[ \t]*)*")
_DIGIT = "0-9๐-๙"
_LETTER = "a-zก-ฮ"
_ROMAN = "(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})"  # i to xiii: sub-items numbered i., ii., iv)
_NUMBERS = rf"[{_DIGIT}]{{1,3}}(?:\.[{_DIGIT}]{{1,3}})*"  # 1 / 1.2 / 1.2.3
# Sub-numbered items: a letter after the number ("1a." "1a)" "1.a" "1.2b)"); without a dot before the
# letter the closing "." or ")" is required, so that "3D printing" and "2x faster" stay text.
_SUB_NUMBERED = rf"{_NUMBERS}(?:\.[{_LETTER}][.)]?|[{_LETTER}][.)])(?=\s)"
_NUMBERED = regexcache.compile(
    rf"(?:\(\s*(?:[{_DIGIT}]{{1,3}}[{_LETTER}]?|{_ROMAN}|[{_LETTER}])\s*\)"  # (1) / (1a) / (iv) / (a) / (ก)
    rf"|{_SUB_NUMBERED}"  # 1a. / 1a) / 1.a / 1.a)
    rf"|[{_DIGIT}]{{1,3}}(?:\.[{_DIGIT}]{{1,3}})+[.)]?"  # 1.1 / 1.1. / 1.1)
    rf"|[{_DIGIT}]{{1,3}}[.)]"  # 1. / 1) / ๑.
    rf"|(?:{_ROMAN}|[{_LETTER}])[.)](?=\s))"  # a) / ก. / ii. / iv)
    r"(?=\s|[^\W\d_]|$)[ \t]*",  # then a space, the text itself or nothing: "1.สามารถ", "3." but not "1.5%"
    re.IGNORECASE,
)
# Markdown numbers a list item with up to 9 digits (CommonMark): "1000. …" is item 1000, not more of item 999
_LONG_NUMBERED = regexcache.compile(r"[0-9]{4,9}[.)](?=[ \t]|$)[ \t]*")
_EMPHASIS = regexcache.compile(r"\*\*|__")
_ESCAPE = regexcache.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation
_HEADING_STYLE = regexcache.compile(r"(?:heading|title|หัวเรื่อง|ชื่อเรื่อง)\s*(\d*)", re.IGNORECASE)


@attrs.frozen
class Content:
    """Text of a line with its markup taken off; ``offsets[i]`` is the column (0-based) of ``text[i]``."""

    text: str
    offsets: Sequence[int]  # a range when no markup was taken out: 5 MB lines must not cost 5 M ints

    def offset(self, index: int) -> int:
        if index < len(self.offsets):
            return self.offsets[index]
        return self.offsets[-1] + 1 if self.offsets else 0

    def tail(self, start: int) -> "Content":
        return Content(self.text[start:], self.offsets[start:])

    def stripped(self) -> "Content":
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return Content(self.text[start:end], self.offsets[start:end])


@attrs.frozen
class Layout:
    kind: str
    indent: int  # width of the leading whitespace (list level for Word lines)
    content: Content
    heading_level: int = 0
    numbered: bool = False
    quote: bool = False  # Markdown: a line of a blockquote ("> TODO: ..."), a remark beside the OKRs
    # Markdown: the toggle tags of the line in order, "details", "summary", "/summary", "/details", with "|" where its
    # text stands among them: ("details", "summary", "|", "/summary") for "<details><summary>Initiatives</summary>"
    toggle: tuple[str, ...] = ()


def _without_closing_hashes(heading: str) -> str:
    """A Markdown heading's text without its closing hashes ("## Sales ##"), which need a space before them. Not a
    regex: "\\s+#+\\s*$" backtracks through a long run of spaces once per space in it."""
    text = heading.rstrip()
    bare = text.rstrip("#")
    if len(bare) < len(text) and bare[-1:].isspace():
        return bare.rstrip()
    return heading


def layout_of(line: "DraftLine") -> Layout:
    if line.markdown and "<" in line.text:
        tags = _tags_of(line.text)
        if tags:
            return _without_tags(line, tags)
    raw, columns, escaped = line.text, None, frozenset()
    if line.markdown and "\\" in raw:
        raw, columns, escaped = _unescape(raw)
    body = raw.lstrip(" \t\u00a0\u3000")
    start = len(raw) - len(body)
    indent = _width(raw[:start])
    if line.list_level is not None:
        indent = line.list_level * LIST_LEVEL_WIDTH
    body = body.rstrip()
    if not body:
        return Layout(BLANK, indent, Content("", ()))
    if _RULE.match(body):
        return Layout(BLANK, indent, Content("", ()))
    if body.startswith(("|", "```", "~~~")):
        return Layout(OTHER, indent, Content("", ()))
    if line.markdown and body.startswith("[") and _LINK_DEFINITION.match(body):
        return Layout(BLANK, indent, Content("", ()))
    heading_level = _heading_level(line.style)
    match = _HEADING.match(body)
    if match:
        heading_level = len(match.group(1))
        start += match.end()
        body = _without_closing_hashes(body[match.end():])
    if heading_level:
        start, body = _without_decoration(start, body)
        return Layout(HEADING, indent, _content(start, body, columns, escaped), heading_level=heading_level)
    if line.numbered or line.bullet:  # Word's automatic numbering: the marker is not in the text
        start, body = _without_decoration(start, body)
        return Layout(ITEM, indent, _content(start, body, columns, escaped), numbered=line.numbered)
    quoted = _QUOTE.match(body) if line.markdown else None
    if quoted:
        start, body = start + quoted.end(), body[quoted.end():]
        if not body.strip():
            return Layout(BLANK, indent, Content("", ()))
        if not _NUMBERED.match(body) and not _BULLET.match(body):
            # "> **TODO:** agree the baseline": in Markdown a blockquote, a remark ("> - Raise ..." is a list item)
            start, body = _without_decoration(start, body)
            return Layout(TEXT, indent, _content(start, body, columns, escaped), quote=True)
    numbered = _NUMBERED.match(body) or (_LONG_NUMBERED.match(body) if line.markdown else None)
    bullet = None if numbered else _BULLET.match(body)
    marker = numbered or bullet
    if line.markdown and body.startswith("<") and _HTML_TAGS_ONLY.fullmatch(body):
        return Layout(OTHER, indent, Content("", ()))  # '<p align="center">', '<img src="logo.svg">': the page's markup
    if line.markdown and "](#" in body and _IN_PAGE_LINKS.fullmatch(body, marker.end() if marker else 0) \
            and not _MEASURED_LINK.search(body):
        # "- [Objective 1](#objective-1)": a table of contents, the page's navigation, not an objective nor a key result
        # ("- [Cut churn from 5% to 3%](#churn)" is a key result linked to its section)
        return Layout(OTHER, indent, Content("", ()))
    if marker:
        end = marker.end()
        checkbox = _CHECKBOX.match(body, end)
        if checkbox:
            end = checkbox.end()
            after = _NUMBERED.match(body, end)  # "- [x] 1. Objective: ...": the number after the box numbers the item
            if after:
                end, numbered = after.end(), after
        end = _DECORATION.match(body, end).end()
        return Layout(ITEM, indent, _content(start + end, body[end:], columns, escaped), numbered=bool(numbered))
    decorated = _DECORATION.match(body).end()
    if decorated:  # "✅ KR1.1: ...", "🎯 Objective 1 — ...": an emoji standing for a bullet or a status
        start, body = start + decorated, body[decorated:]
        if body and (numbered := _NUMBERED.match(body)):  # "🎯 1. Grow ..."
            return Layout(ITEM, indent, _content(start + numbered.end(), body[numbered.end():], columns, escaped),
                          numbered=True)
        return Layout(ITEM, indent, _content(start, body, columns, escaped))
    return Layout(TEXT, indent, _content(start, body, columns, escaped))


# HTML that GitHub and Notion keep in Markdown: a toggle ("<details><summary>Initiatives</summary>" … "</details>"),
# a line break ("<br>"), inline styling ("<b>", "<span style=…>"), a link or an image. The tags are no text of an
# objective or a key result; a toggle's tags say where its summary and its body stand. Not headings, list or struck
# tags ("<h2>", "<li>", "<del>"), nor "<your name>", "<5%": only these names, with well-formed attributes.
_INLINE_TAG = regexcache.compile(
    r"(?<!\\)<(?P<close>/)?(?P<name>(?i:details|summary|br|wbr|b|strong|i|em|u|mark|small|big|sup|sub|span|font|p"
    r"|div|a|img|center|kbd|ins|hr))"
    r"(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'=<>`]+))?)*\s*/?>")


def _tags_of(text: str) -> list[re.Match]:
    return list(_INLINE_TAG.finditer(text)) if "<" in text else []


def _without_tags(line: "DraftLine", tags: list[re.Match]) -> Layout:
    """The layout of a Markdown line with its HTML tags blanked out (columns stay true), and its toggle tags in order
    around its text. A line of tags alone is the page's markup, as before."""
    chars = list(line.text)
    for tag in tags:
        chars[tag.start():tag.end()] = " " * (tag.end() - tag.start())
    inner = layout_of(attrs.evolve(line, text="".join(chars)))
    body = line.text.lstrip(" \t\u00a0\u3000")
    indent = inner.indent if line.list_level is not None else _width(line.text[:len(line.text) - len(body)])
    text_at = inner.content.offsets[0] if inner.content.text else None
    toggle: list[str] = []
    for tag in tags:
        name = tag["name"].lower()
        if name not in ("details", "summary"):
            continue
        if text_at is not None and tag.start() > text_at and "|" not in toggle:
            toggle.append("|")
        toggle.append(f"/{name}" if tag["close"] else name)
    if text_at is not None and "|" not in toggle:
        toggle.append("|")
    if inner.kind == BLANK:  # '<details>', '</details>', '<p align="center">': the page's markup
        return Layout(OTHER, indent, Content("", ()), toggle=tuple(toggle))
    return attrs.evolve(inner, indent=indent, toggle=tuple(toggle) if len(toggle) > 1 else ())


def without_decoration(text: str) -> str:
    """``text`` without the emoji that open it ("🟢 Raise ...", "✅ KR1: ...")."""
    return text[_DECORATION.match(text).end():] if text[:1] > "\u2000" else text


def _without_decoration(start: int, body: str) -> tuple[int, str]:
    end = _DECORATION.match(body).end()
    return start + end, body[end:]


def _unescape(raw: str) -> tuple[str, list[int], frozenset[int]]:
    """A Markdown line with its backslash escapes undone (``1\\.`` ``\\$0.7M`` ``\\~850ms``, as Google Docs
    writes them): the text, the column of each character in ``raw``, and the indexes of escaped ones.

    The escaped characters are then read as the characters people see: ``1\\. Raise ...`` is item 1, as it
    looks in the document, but an escaped ``\\*\\*`` is never taken for emphasis.
    """
    text: list[str] = []
    columns: list[int] = []
    escaped: set[int] = set()
    position = 0
    for match in _ESCAPE.finditer(raw):
        for index in range(position, match.start()):
            text.append(raw[index])
            columns.append(index)
        escaped.add(len(text))
        text.append(match.group(1))
        columns.append(match.start(1))
        position = match.end()
    for index in range(position, len(raw)):
        text.append(raw[index])
        columns.append(index)
    return "".join(text), columns, frozenset(escaped)


def _heading_level(style: str | None) -> int:
    if not style:
        return 0
    match = _HEADING_STYLE.match(style.strip())
    if not match:
        return 0
    return int(match.group(1)) if match.group(1) else 1


def _width(whitespace: str) -> int:
    width = 0
    for char in whitespace:
        width = (width // TAB_WIDTH + 1) * TAB_WIDTH if char == "\t" else width + 1
    return width


# A Markdown link: "[dashboard](https://…)"; in brackets of its own, "([dashboard](https://…))", it is a reference
# beside the text and goes whole, else its words stay (Notion and Confluence exports link words inside a title).
_LINK = regexcache.compile(r"[ \t]*[(（]\s*\[[^\[\]]*\]\([^()\s]*\)\s*[)）]|\[([^\[\]]*)\]\([^()\s]*\)")


# A Markdown line of HTML tags and nothing else: '<p align="center">', '<img src="logo.svg" alt="Tessera">', '</div>'
_HTML_TAGS_ONLY = regexcache.compile(r"(?:</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>\s*)+")
# A line that is only links to places on the page: "[Objective 1](#objective-1)", "[Why](#why) · [How to help](#help)"
# A link whose text reads as a measured key result: a number with a share, a from-to or several words around it.
_MEASURED_LINK = regexcache.compile(
    r"\[(?=[^\]]*[0-9๐-๙])(?:[^\]]*(?:%|ร้อยละ|\b(?i:from|to)\b|จาก|เป็น|เหลือ)|(?:[^\]\s]+\s+){4,}[^\]]*)\]")
_IN_PAGE_LINKS = regexcache.compile(r"\s*(?:[*_]{0,2}\[[^\[\]]*\]\(#[^()\s]*\)[*_]{0,2}\s*[,;|·•/–—-]?\s*)+")


def _content(start: int, body: str, columns: Sequence[int] | None = None,
             escaped: frozenset[int] = frozenset()) -> Content:
    """``body`` (which starts at index ``start`` of the line) without emphasis markers and Markdown links (their
    words kept), with original columns.

    ``columns`` maps indexes of the line to columns of the file when they differ (backslash escapes taken
    out); characters whose index is in ``escaped`` are text, never emphasis.
    """
    content = _without_emphasis(start, body, columns, escaped)
    if "](" in content.text:
        content = _without_links(content)
    return content


def _without_links(content: Content) -> Content:
    text: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _LINK.finditer(content.text):
        text.append(content.text[position:match.start()])
        offsets.extend(content.offsets[position:match.start()])
        if match.group(1) is not None:  # the link's words stay
            text.append(match.group(1))
            offsets.extend(content.offsets[match.start(1):match.end(1)])
        position = match.end()
    if not position:
        return content
    text.append(content.text[position:])
    offsets.extend(content.offsets[position:])
    return Content("".join(text), tuple(offsets)).stripped()


def _without_emphasis(start: int, body: str, columns: Sequence[int] | None = None,
                      escaped: frozenset[int] = frozenset()) -> Content:
    if "**" not in body and "__" not in body:
        if columns is None:
            return Content(body, range(start, start + len(body))).stripped()
        return Content(body, tuple(columns[start:start + len(body)])).stripped()
    text: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _EMPHASIS.finditer(body):
        if escaped and any(start + index in escaped for index in range(match.start(), match.end())):
            continue  # "\\*\\*" is two asterisks, as written
        for index in range(position, match.start()):
            text.append(body[index])
            offsets.append(start + index)
        position = match.end()
    for index in range(position, len(body)):
        text.append(body[index])
        offsets.append(start + index)
    if columns is not None:
        offsets = [columns[index] for index in offsets]
    return Content("".join(text), tuple(offsets)).stripped()


# A template's worked example, to be deleted before the form is sent: "ส่วนที่ 1 ตัวอย่างการกรอก (โปรดลบส่วนนี้ก่อนส่ง)",
# "Example (delete this section before submitting)", "Sample OKRs", "ตัวอย่าง OKR ที่ดี".
_EXAMPLE_HEADING = regexcache.compile(
    r"(?:(?:ส่วนที่|ตอนที่|part|section)\s*[0-9๐-๙A-Za-z]{1,3}\s*[.:：\-–—]?\s*|[0-9๐-๙]{1,2}[.)]\s*)?"
    r"(?:ตัวอย่าง(?!ที่\s*[0-9๐-๙])|(?i:(?:worked\s+)?examples?\b|samples?\b|e\.g\.))"
    r"|.*(?:\((?:โปรด|กรุณา)?ลบ|(?i:\(\s*(?:please\s+)?delete\s+(?:this|before)|\(\s*remove\s+(?:this|before)))")


# The same heading as a plain line, where a document has no heading styles (a PDF, a text export): the whole line
# names an example and nothing more — "ตัวอย่างที่ไม่ดี", "ตัวอย่าง OKR ที่ดี", "2. ตัวอย่างการเขียน KR", "Bad example",
# "Example:", "Examples of good OKRs" — never "Example: raise NPS to 40" or "ตัวอย่างสินค้าถึงลูกค้าใน 2 วัน".
_QUALITY_TH = r"ที่(?:ไม่)?(?:ดี|ถูกต้อง|ชัดเจน)|ที่ควร(?:ปรับปรุง|หลีกเลี่ยง|ทำ)|ที่ไม่ควรทำ"
_WHAT_TH = r"OKRs?|วัตถุประสงค์|ผลลัพธ์หลัก|KRs?|ตัวชี้วัด"
_QUALITY_EN = r"bad|good|poor|weak|strong|better|worse|worked|sample|great|well[- ]written|badly[- ]written"
_WHAT_EN = r"okrs?|objectives?|key\s+results?|krs?"
_PLAIN_EXAMPLE_HEADING = regexcache.compile(
    r"(?:(?:ส่วนที่|ตอนที่|part|section)\s*[0-9๐-๙A-Za-z]{1,3}\s*[.:：\-–—]?\s*|[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]?\s+)?"
    rf"(?:ตัวอย่าง(?:การ(?:เขียน|กรอก|ตั้ง)(?:แบบฟอร์ม)?)?\s*(?:{_WHAT_TH})?\s*(?:{_QUALITY_TH})?"
    rf"|(?i:(?:(?:{_QUALITY_EN})\s+)?examples?(?:\s+of\s+(?:an?\s+)?(?:(?:{_QUALITY_EN})\s+)?(?:{_WHAT_EN}))?"
    rf"|(?:(?:{_QUALITY_EN})\s+)?(?:{_WHAT_EN})\s+examples?)"
    r"(?:\s*[0-9๐-๙]{1,2})?)\s*(?:\([^()]{0,60}\))?\s*[:：]?\s*$")
# a word saying how good an example is: as a heading "OKR examples" may hold a page's OKRs, "Bad example" does not
_QUALITY = regexcache.compile(rf"(?i:\b(?:{_QUALITY_EN})\b)|{_QUALITY_TH}")
_SECTION_NUMBER = regexcache.compile(r"(?:[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]|ส่วนที่|ตอนที่|บทที่|(?i:part|section|chapter))\s*\S")
_SHORT_HEADING = 60  # characters: a plain line this short without a final period may be a heading


def _plain_heading(layout: Layout, text: str) -> bool:
    """Whether a plain line of a document without heading styles reads as a heading: a short line that is no label
    ("Objective: …", "KR1: …", "ผู้รับผิดชอบ: …"), has no final period, and is not a bullet ("2." / "๒." numbering a
    section is kept)."""
    from okrlint.load.draft_labels import match_label

    if layout.kind not in (TEXT, ITEM) or not text or len(text) > _SHORT_HEADING or text.endswith((".", "。", ",")):
        return False
    if layout.kind == ITEM and not (layout.numbered and _SECTION_NUMBER.match(text)):
        return False
    content = layout.content.text.strip("*_ ")
    if not content or ":" in content or "：" in content or match_label(content) is not None:
        return False
    return True


def example_sections(lines: "Sequence[DraftLine]") -> frozenset[int]:
    """The indexes of the lines of a template's example section: a heading that names a worked example ("ตัวอย่าง
    การกรอก", "Example (delete this section …)") and everything under it up to the next heading of its level or
    above. Its objective and key results show how to fill the form in; they are not the team's.

    Without heading styles (a PDF, plain text) a plain line that only names an example ("ตัวอย่างที่ไม่ดี", "Bad
    example", "Examples of good OKRs") opens such a section, up to the next heading-like line: a short line
    without a final period that is no label, a numbered section ("2." / "๒."), or the next such example line."""
    dropped: set[int] = set()
    level = 0
    plain = False
    for index, line in enumerate(lines):
        layout = layout_of(line)
        if layout.kind == HEADING:
            plain = False
            if level and layout.heading_level > level:
                dropped.add(index)
                continue
            level = 0
            heading = layout.content.text.strip("*_ ")
            if _EXAMPLE_HEADING.match(heading) or (_PLAIN_EXAMPLE_HEADING.match(heading) and _QUALITY.search(heading)):
                level = layout.heading_level  # "## Bad example", "### ❌ Bad example", "## ตัวอย่างที่ไม่ดี"
        elif layout.kind in (TEXT, ITEM) and not level:
            text = line.text.strip().strip("*_ ")
            if _PLAIN_EXAMPLE_HEADING.match(text):
                plain = True
            elif plain and _plain_heading(layout, text):
                plain = False
        if level or plain:
            dropped.add(index)
    return frozenset(dropped)


# What marks a document as a meeting's minutes, at the start of a line: its title, who came, the agenda, when the
# meeting opened and closed, its resolutions and who took the notes. Minutes of an OKR review begin
# "วัตถุประสงค์: ติดตามความคืบหน้า OKR…" / "Objective: review progress on our OKRs" — the meeting's purpose —
# and number their agenda points: neither is an objective with key results.
_MINUTES_MARKS = (
    ("title", r"(?:รายงาน|บันทึก)(?:การ)?ประชุม|(?i:(?:meeting\s+)?minutes)\b"),
    ("attendees", r"ผู้(?:เข้า(?:ร่วม)?|มา|ไม่มา)ประชุม|(?i:attendees|attendance|present|apologies|absent)\s*[:：]"),
    ("agenda", r"(?:ระเบียบ)?วาระที่\s*[0-9๐-๙]|(?i:agenda)\b"),
    ("opened", r"(?:เปิด|ปิด|เลิก)ประชุม(?:เวลา)?|(?i:meeting\s+(?:opened|closed|adjourned)|(?:closed|adjourned)\s+at)\b"),
    ("resolved", r"มติที่ประชุม|ที่ประชุม(?:มีมติ|รับทราบ)|(?i:action\s+items?|decisions?\s*[:：])"),
    ("notes_by", r"ผู้(?:จด|บันทึก)(?:บันทึก|รายงาน)?(?:การประชุม)?\s*[:：]|(?i:minutes\s+(?:taken|recorded)\s+by|note\s*-?\s*taker)"),
)
_MINUTES_LINE = regexcache.compile(
    r"^[\s>#*_\-+•·0-9๐-๙.()]*(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _MINUTES_MARKS) + ")")


def minutes_marks(texts: "Sequence[str]") -> list[str]:
    """The minutes' own words a document's lines start with (up to three, as written), when it has at least two kinds of them
    (a title and attendees, an agenda and a closing time); else []."""
    kinds: dict[str, str] = {}
    for text in texts[:400]:
        found = _MINUTES_LINE.match(text)
        if found is not None and found.lastgroup not in kinds:
            kinds[found.lastgroup] = found.group(found.lastgroup).strip()
    return list(kinds.values())[:3] if len(kinds) >= 2 else []


# A slide deck exported to text (PowerPoint "Save as outline", Google Slides "Download as text", a deck's PDF):
# every slide opens with its number — "Slide 3", "สไลด์ที่ 3", "--- Slide 3 ---", "[Slide 3]", "Slide 3 of 12",
# "=== Page 3 ===" — often followed by the slide's title.
_SLIDE_MARK = regexcache.compile(
    r"^[\s#*_]*(?:(?P<frame>[-=─━═—~*#]{2,}|\[)\s*)?"
    r"(?P<mark>(?i:slide)\s*(?:no\.?\s*|#\s*)?[0-9๐-๙]{1,3}|สไลด์\s*(?:ที่|หมายเลข)?\s*[0-9๐-๙]{1,3}"
    r"|(?i:page)\s*[0-9๐-๙]{1,3}(?=\s*(?:of\s*[0-9๐-๙]+\s*)?[-=─━═—~*#\]]{1,}\s*$)"
    r"|หน้า(?:ที่)?\s*[0-9๐-๙]{1,3}(?=\s*(?:จาก\s*[0-9๐-๙]+\s*)?[-=─━═—~*#\]]{1,}\s*$))"
    r"(?:\s*(?:/|(?i:of)|จาก)\s*[0-9๐-๙]{1,3})?"
    r"\s*(?:[-=─━═—~*#\]]*\s*$|[:：.\-–—|]\s*\S.{0,80}$)")


def slide_marks(texts: "Sequence[str]") -> dict[int, str]:
    """The lines that open a slide ({index: its mark as written}) when a document has at least two of them; else {}.
    A "Page 3" without a frame ("--- Page 3 ---") is a document's page number, not a slide."""
    found: dict[int, str] = {}
    for index, text in enumerate(texts):
        if len(text) <= 120 and (match := _SLIDE_MARK.match(text)) is not None:
            mark = match.group("mark")
            if mark.lower().startswith(("page", "หน้า")) and not match.group("frame"):
                continue
            found[index] = mark
    return found if len(found) >= 2 else {}


# Where a list of key results written one a line (no markers) stops in plain text: a line that is no measure but a
# section of the page or a word to the reader. Section names and page furniture, as the whole line: "FAQ",
# "Frequently asked questions", "Related posts", "Share this article", "Risks & asks", "Next steps", "Appendix",
# "© 2026 …", "คำถามที่พบบ่อย", "บทความที่เกี่ยวข้อง", "ความเสี่ยง", "สิ่งที่ต้องการ".
_SECTION_END_WORDS = regexcache.compile(
    r"(?i:(?:faqs?|frequently\s+asked\s+questions|questions(?:\s+(?:and|&)\s+answers)?|q\s*&\s*a"
    r"|related(?:\s+(?:posts?|articles?|reading|content|stories|resources|links))?|further\s+reading|read\s+more|see\s+also"
    r"|more\s+(?:posts|articles|examples)|share(?:\s+(?:this|it))?(?:\s+(?:article|post|page))?|subscribe\b.*|newsletter"
    r"|about\s+the\s+author|conclusion|summary|key\s+takeaways|table\s+of\s+contents|contents|comments?|leave\s+a\s+(?:comment|reply)"
    r"|risks?(?:\s*(?:,|and|&|/)\s*(?:asks|issues|dependencies|mitigations?|blockers|open\s+questions))*|asks|blockers|issues"
    r"|dependencies|open\s+questions|agenda|next\s+steps|action\s+items|appendix(?:\s+[a-z0-9])?|backup(?:\s+slides)?|q\s*&\s*a"
    r"|thank\s+you|questions\?|discussion|timeline|milestones|budget|team\s+commitments)"
    r"|คำถามที่พบบ่อย|คำถาม(?:และ|-)?คำตอบ|บทความ(?:ที่เกี่ยวข้อง|แนะนำ|อื่น\s*ๆ|ล่าสุด)|อ่านเพิ่มเติม|แชร์(?:บทความ)?(?:นี้)?"
    r"|สรุป|ภาคผนวก|ความเสี่ยง(?:\s*(?:และ|/|&)\s*(?:สิ่งที่ต้องการ(?:การสนับสนุน)?|ข้อกังวล|ปัญหา(?:อุปสรรค)?))?"
    r"|สิ่งที่ต้องการ(?:การสนับสนุน|จากผู้บริหาร)?|ข้อกังวล|ปัญหา(?:และ)?อุปสรรค|วาระ(?:การประชุม)?|ขั้นตอน(?:ต่อไป|ถัดไป)"
    r"|สิ่งที่ต้องทำต่อ|ไทม์ไลน์|กำหนดการ|งบประมาณ)"
    r"\s*[:：]?")
_FURNITURE = regexcache.compile(
    r"(?i:\s*(?:©|\(c\)\s|copyright\b)|.*\ball\s+rights\s+reserved\b|\s*privacy(?:\s+policy)?\s*[·|•]"
    r"|.*(?:→|»)\s*$|\s*(?:want|looking\s+for|need)\s+(?:a|an|the|our|more)\b.*\?)"
    r"|\s*สงวนลิขสิทธิ์")
# A line naming a team's OKR section: "Sales OKR examples", "OKRs for marketing teams", "OKR ฝ่ายขาย",
# "ตัวอย่าง OKR ทีมการตลาด": the OKR word and a few words, no number (a measure has one).
_OKR_SECTION = regexcache.compile(
    r"(?i:^(?!(?:adopt|roll|use|publish|write|set|grade|review|launch|introduce|implement|train|run|share|update|define"
    r"|draft|finali[sz]e|complete|score|track|align|submit|agree)\b)(?:\S+\s+){0,3}OKRs?(?:\s+(?:examples?|templates?|samples?|ideas|for\s+.*|by\s+.*))?\s*$"
    r"|^OKRs?\b.*\b(?:teams?|departments?|examples?)\s*$|^(?:examples?|templates?|samples?)\s+of\s+.*OKRs?\s*$)"
    r"|^(?:ตัวอย่าง\s*)?OKRs?\s*(?:ของ)?\s*(?:ทีม|ฝ่าย|กอง|แผนก|สำนัก|หน่วยงาน|สาย(?:งาน)?)|^ตัวอย่าง\s*OKRs?")
_LATIN_LETTER = regexcache.compile(r"[A-Za-z]")
_DIGITS = regexcache.compile(r"[0-9๐-๙]")
_TITLE_WORD = regexcache.compile(r"[A-Za-z][\w'’&-]*")
_MINOR_WORDS = frozenset("a an the and or of for in on to by with at from vs via per & is are".split())


def all_capitals(text: str) -> bool:
    """A line in capitals, no number: "SALES", "CUSTOMER SUPPORT", "MARKETING & BRAND"."""
    letters = _LATIN_LETTER.findall(text)
    return (len(letters) >= 3 and text.upper() == text and not _DIGITS.search(text)
            and len(text.split()) <= 5 and not _THAI_LETTER.search(text))


_THAI_LETTER = regexcache.compile(r"[\u0e01-\u0e4e]")


def title_case(text: str) -> bool:
    """Every word but the small ones capitalised, two words or more, no number: "Team Commitments", "Risks And
    Mitigations" (a heading's style, beside "Improve team morale")."""
    words = _TITLE_WORD.findall(text)
    big = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (len(words) >= 2 and len(big) >= 2 and all(w[0].isupper() for w in big)
            and not _DIGITS.search(text) and not _THAI_LETTER.search(text) and len(words) <= 6)


def ends_key_result_list(text: str) -> bool:
    """Whether a plain line after key results written one a line is no key result but where the list stops: a
    section's name or the page's furniture ("Sales OKR examples", "FAQ", "Related posts", "© 2026 TallyHQ",
    "Want a template? Download it →", "SALES", "คำถามที่พบบ่อย", "ความเสี่ยง"), or a question to the reader.
    A key result that merely has such a word in it ("Reduce risks of late payment by 30%") is not."""
    text = " ".join(text.strip().strip("*_").split())
    if not text or len(text) > 90:
        return False
    if _FURNITURE.match(text):
        return True
    if len(text) > _SHORT_HEADING or text.endswith((".", "。", ",", ";")):
        return False
    if _SECTION_END_WORDS.fullmatch(text) or text.endswith("?"):
        return True
    if _DIGITS.search(text):
        return False
    if all_capitals(text):
        return True
    return bool(_OKR_SECTION.search(text)) and len(text.split()) <= 6


# A word to the reader after the list, in an e-mail or a post: "Let me know if …", "Happy to discuss", "Feel free to
# …", "Hope this helps", "Any thoughts?", "รบกวนช่วยดู…", "หากมีข้อสงสัย…", "ขอบคุณครับ".
_TO_THE_READER = regexcache.compile(
    r"(?i:(?:please\s+)?let\s+(?:me|us)\s+know|lmk\b|happy\s+to\b|glad\s+to\b|feel\s+free|hope\s+(?:this|that|it)\b"
    r"|any\s+(?:questions|thoughts|feedback|comments)|thoughts\s*\?|shout\s+if|ping\s+me|give\s+me\s+a\s+shout"
    r"|please\s+(?:review|have\s+a\s+look|take\s+a\s+look|see\s+(?:below|above|attached)|find\s+attached)"
    r"|(?:i|we)(?:'ll|’ll|\s+will|\s+can)\s+(?:send|share|update|follow\s+up|walk)|looking\s+forward"
    r"|that'?s\s+(?:it|all)\b|reply\s+to\s+this)"
    r"|รบกวน|หากมี(?:ข้อสงสัย|คำถาม|อะไร)|ถ้ามี(?:ข้อสงสัย|คำถาม|อะไร)|ฝาก(?:พิจารณา|ดู|ตรวจ)|แจ้ง(?:ได้เลย|กลับ)"
    # "ใครมีความเห็นตอบในกลุ่มได้เลยค่ะ", "ทุกคนช่วยกันดูนะคะ", "มีอะไรเพิ่มเติมบอกได้ครับ": asking the group for comments
    r"|ใคร(?:มี|ช่วย|เห็น|อยาก|สะดวก)|ทุกคน(?:ช่วย|ลอง)|(?:ท่านใด|หากท่าน|ถ้าท่าน)(?:มี|สะดวก|ต้องการ)|ช่วยกัน(?:ดู|ตรวจ|เสนอ|คอมเมนต์|ให้ความเห็น)"
    r"|มี(?:อะไร|ความเห็น|ข้อเสนอแนะ|ข้อสงสัย)\S{0,12}(?:บอก|แจ้ง|ตอบ|คอมเมนต์|เสนอ)"
    r"|ขอบ(?:พระ)?คุณ")


def to_the_reader(text: str) -> bool:
    """Whether a line speaks to the reader of an e-mail or post ("Let me know if you want me to cut objective 2.",
    "Happy to discuss", "ขอบคุณครับ") rather than stating a measure."""
    return _TO_THE_READER.match(" ".join(text.split())) is not None


# A whole line in brackets: a remark beside the list ("(these are from the Dec dashboard, Marco is checking)").
_BRACKETED_LINE = regexcache.compile(r"\s*[(（\[][^()（）\[\]]*(?:[(（][^()（）]*[)）][^()（）\[\]]*)*[)）\]]\s*[.。]?\s*")


def bracketed_remark(text: str) -> bool:
    return _BRACKETED_LINE.fullmatch(text) is not None and len(text.strip()) > 4
