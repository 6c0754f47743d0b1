"""Which files of a folder hold OKRs, when none is named ``*.okr.*``.

A folder people hand over ("our OKR drafts") holds ``marketing.md``, ``แผนปฏิบัติราชการ 2570.docx`` and
``Q1 OKRs.xlsx``, not ``*.okr.*`` names. When a folder given on the command line has no file named by the
convention, okrlint reads the documents in it that look like OKRs instead of finding nothing:

* text files (Markdown, plain text, YAML, CSV/TSV) whose text has an objective or key-result label at the
  start of a line (``Objective 1:``, ``## O2``, ``KR1``, ``objectives:``, ``วัตถุประสงค์``, ``ตัวชี้วัด``, a
  table header with such a column);
* documents (Word, OpenDocument text, PowerPoint, spreadsheets, PDF), whose text cannot be seen without reading them.

* tables (CSV/TSV, Markdown) with an objective or key-result column anywhere in a row (``Team,Objective,Key result``);

Such guessed files are read like any other, but one that turns out to hold no OKRs is skipped with a
warning instead of being an input error: the user did not name it. One that cannot be read (invalid YAML, a
damaged workbook) is an input error all the same.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from okrlint.text import regexcache

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".yaml", ".yml", ".csv", ".tsv", ".html", ".htm", ".xhtml")
SNIFFED_BYTES = 64_000

# Files every repository and shared folder has, which are never OKR drafts: the whole name before its extensions
# ("SECURITY.md", "package.json", "README.th.md", "requirements-dev.txt", "package-lock.json"), never a name that
# only starts with one of these words: "security-compliance.yaml", "history-dept.md", "environment-team.xlsx" are
# teams' files.
_NOT_OKRS = re.compile(
    r"^(?:readme|changelog|changes|history|license|licence|contributing|code_of_conduct|code-of-conduct|security"
    r"|authors|notice|todo|mkdocs|docker-compose|compose|\.?pre-commit-config|\.?pre-commit-hooks|pyproject"
    r"|package|package-lock|tsconfig|environment|requirements(?:[-_](?:dev|test|tests|docs|doc|lint|prod|build|ci|extra|extras))?|okrlint|\.okrlint)"
    r"(?:\.[a-z0-9_-]{1,12})*$",
    re.IGNORECASE,
)
_OKR_LABEL = re.compile(
    r"^[ \t>*#|\-+•·0-9.()\[\]]*(?:\*\*|__)?(?:"
    r"objectives?\b|key[ \t]+results?\b|okrs?\b|krs?[ \t]*[0-9]|o[0-9]+\b|goals?[ \t]*[0-9]*[ \t]*:"
    r"|วัตถุประสงค์|เป้าประสงค์|ผลลัพธ์หลัก|ผลลัพธ์สำคัญ|ตัวชี้วัด)",
    re.IGNORECASE | re.MULTILINE,
)


# A table's header cell that names objectives or key results, anywhere in a row: "Team,Objective,Key result,...",
# "No.\tวัตถุประสงค์\tตัวชี้วัด", "| # | KR | Baseline |".
_OKR_HEADER_CELL = re.compile(
    r"(?:^|[,;\t|])[ \t\"']*(?:objectives?|key[ \t]+results?|krs?|okrs?|goals?|วัตถุประสงค์|เป้าประสงค์|ผลลัพธ์หลัก"
    r"|ผลลัพธ์สำคัญ|ตัวชี้วัด)[ \t\"'0-9.]*(?=[,;\t|]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_OKR_TITLE = re.compile(r"(?i)\bOKRs?\b|\bobjectives\b|\bkey\s+results\b|วัตถุประสงค์|ผลลัพธ์หลัก|ตัวชี้วัด")


def is_repository_file(path: Path) -> bool:
    """Whether a file's whole name is one every repository has (README.md, SECURITY.md, package.json): never guessed
    to be OKRs; one that reads like OKRs all the same is named in a warning (engine.py), not dropped silently."""
    return _NOT_OKRS.match(path.name) is not None


def looks_like_okrs(path: Path) -> bool:
    """Whether a file found in a folder without ``*.okr.*`` files is worth reading as OKRs."""
    if is_repository_file(path):
        return False
    return content_looks_like_okrs(path)


def content_looks_like_okrs(path: Path) -> bool:
    """Whether a file's text (whatever its name) has OKR labels; a document whose text shows only once read counts."""
    if not path.name.lower().endswith(TEXT_SUFFIXES):
        return True  # a document: its text shows only once it is read
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFFED_BYTES)
    except OSError:
        return True  # reading it will report the problem
    if _is_binary(head):
        return True  # a picture or an Office file saved with a text name: reading it says so, as when it is named
    for text in _texts_of(head):
        if _HTML_START.match(text):  # a web page saved under a text name: its text without the tags
            text = html.unescape(_HTML_SKIPPED.sub("\n", text))
        if _OKR_LABEL.search(text) or _OKR_HEADER_CELL.search(text):
            return True
        # A title that says what the document is: "# Platform OKRs — H2 2026", "OKRs FY27 – Support"
        first_lines = "\n".join(text.lstrip().splitlines()[:5])
        if _OKR_TITLE.search(first_lines) is not None:
            return True
        if _has_draft_label(text):
            return True
    return False


# What a draft line carries before its label: a heading's '#', a list marker or number, a quote, bold
_LINE_DECORATION = regexcache.compile(r"^[ \t>#*_\-+•·]*(?:[0-9๐-๙]{1,3}(?:\.[0-9]{1,2})*[.)]?[ \t]*)?(?:\*\*|__)?[ \t]*")


def _has_draft_label(text: str) -> bool:
    """Whether a line starts with a label the draft reader takes for an objective or key results, typos included
    ("Objetive 1:", "เป้าหมายที่ 1:", "Keu Results"): a draft it would read is never left out of a folder."""
    from okrlint.load.draft_labels import KR_HEADER, KR_ITEM, OBJECTIVE, match_label

    for line in text.splitlines()[:2000]:
        content = _LINE_DECORATION.sub("", line, count=1).strip().strip("*_").strip()
        label = match_label(content) if content else None
        if label is not None and label.kind in (OBJECTIVE, KR_HEADER, KR_ITEM):
            return True
    return False


def _is_binary(head: bytes) -> bool:
    """Whether a file's first bytes are no text in any encoding the loaders read (a PNG, a zip, a Word file)."""
    from okrlint.load import LoadError
    from okrlint.load.decode import decode_text

    if b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    try:
        decode_text(head[: len(head) // 2 * 2])
    except LoadError as error:
        return error.message.startswith(("binary file", "an Office document"))
    return False


_HTML_START = regexcache.compile(r"(?i)\A\ufeff?\s*(?:<!doctype\s+html|<html[\s>])")
# Scripts and styles with their content, then every other tag (a title stays: it says what the page is)
_HTML_SKIPPED = regexcache.compile(r"(?is)<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)|<[^>]*>")


def _texts_of(head: bytes):
    """The text of a file's first bytes, in every way the loaders may read it: a file okrlint would read when named
    (UTF-16 without a BOM, as Excel's "Unicode text" is) must not vanish from a folder, and one whose encoding is
    mixed (UTF-8 and Thai Windows text pasted together) must be read, so that its error is reported."""
    from okrlint.load import LoadError
    from okrlint.load.decode import decode_text

    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield head.decode("utf-16", errors="ignore")
        return
    even = head[: len(head) // 2 * 2]
    try:
        yield decode_text(even if b"\x00" in head else head)
    except LoadError:
        pass
    if b"\x00" in head:
        yield even.decode("utf-16-le", errors="ignore")
        yield even.decode("utf-16-be", errors="ignore")
        return
    yield head.decode("utf-8", errors="replace")  # cut inside a character, or partly another encoding
    yield head.decode("cp874", errors="ignore")  # Thai Windows text
