"""Reporters: one per ``--format``. Human formats are Jinja templates; machine formats small functions.

Reporters are registered through the ``okrlint_reporters`` hook, built-in ones included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from okrlint.text import regexcache

# Line breaks, terminal controls (ESC), C1 controls and the bidirectional overrides that reorder what a reader
# sees: from a title or a file name, they would start a line of their own in a CI log (where "::error …" is a
# command) or recolour a terminal. Tabs are kept.
_UNPRINTABLE = regexcache.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Locations that name no file: the org as a whole.
PSEUDO_FILES = frozenset({"<org>"})


_UNPRINTABLE_IN_BLOCKS = regexcache.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


_LINE_BREAK = regexcache.compile("\r\n|[\n\r]")


def printable(text: str, *, line_breaks: str = "escape") -> str:
    """``text`` with the characters above written as escapes (``\\n``, ``\\x1b``), for one-line reports.
    ``line_breaks``: "escape" (one-line reports), "space" (a report whose cells and headings are one line each: the
    HTML and Markdown reports) or "keep" (a document whose values span lines: a YAML example in rules.md)."""
    if line_breaks == "space":
        text = _LINE_BREAK.sub(" ", text)
    pattern = _UNPRINTABLE if line_breaks == "escape" else _UNPRINTABLE_IN_BLOCKS
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def names_a_file(name: str | None) -> bool:
    """Whether a location's file is a real file (not the org as a whole), so reports may point at it."""
    return bool(name) and name not in PSEUDO_FILES


@attrs.frozen
class ReportContext:
    """What a reporter gets: the run's result plus presentation settings."""

    result: Any  # okrlint.engine.RunResult
    color: bool = False
    template_dir: str | None = None
    version: str = ""
    show_source: bool = False
    language: str = "en"  # of the report's own words (summary lines): "th" when every set's findings are Thai


class Words:
    """okrlint's own words in a report's language: ``t("Teams")``, ``t("{count} objectives", count=3)``,
    ``t.n("{count} file", "{count} files", count)`` (English picks the form by the count; a translation is looked up
    by the plural) and ``t.rule(summary)`` for a rule's summary or rationale. English is written as given, without
    reading any catalogue; another language comes from its catalogue's ``words`` and ``rules`` lists
    (:mod:`okrlint.report.messages`), and a text it has no entry for stays in English."""

    def __init__(self, language: str = "en"):
        self.language = language
        self._words: dict[str, str] | None = None
        self._rules: dict[str, str] | None = None
        if language != "en":
            from okrlint.report.messages import LANGUAGES, catalogue

            if language in LANGUAGES:
                shipped = catalogue(language)
                self._words, self._rules = shipped.words, shipped.rule_texts

    @property
    def translated(self) -> bool:
        return self._words is not None

    def __call__(self, english: str, **values) -> str:
        text = english if self._words is None else self._words.get(english, english)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, **values) -> str:
        if self._words is not None and plural in self._words:
            return self._words[plural].format(count=count, **values)
        return (singular if count == 1 else plural).format(count=count, **values)

    def rule(self, text: str) -> str:
        if self._rules is None or not text:
            return text
        return self._rules.get(text, text)


@attrs.frozen
class Reporter:
    name: str
    render: Callable[[ReportContext], str] = attrs.field(eq=False)
    description: str = ""
    extension: str = ".txt"
    # Optional: the same report as an iterable of text pieces, written as they come (large orgs).
    stream: Callable[[ReportContext], Iterable[str]] | None = attrs.field(default=None, eq=False)
    # True when the report depends on nothing but the run (no clock, no randomness): an unchanged run
    # may then replay it from the cache instead of linting again.
    replayable: bool = False


def document_position(location) -> tuple[int, int]:
    """(line, column) where a reader of the file finds a finding, for formats that can only point at a line (SARIF's
    region, GitHub and GitLab annotations, JUnit): a Word table cell's paragraph, as the document's other
    paragraphs are numbered (``table 2!B5`` is the table's row 5, but paragraph 41 of the document), else the
    location's own line and column. The table and cell are still given beside it."""
    if location.paragraph is not None and location.sheet is not None:
        return max(1, location.paragraph), 1
    return max(1, location.line), max(1, location.column)
