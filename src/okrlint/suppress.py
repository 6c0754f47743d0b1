"""Inline suppression comments, read from the raw file text, and the filter stage that applies them.

YAML files::

    title: Launch the pricing page   # okrlint: disable=kr-is-activity,MEA001
    # okrlint: disable=kr-placeholder         (applies to the next line; above a "- " item, to the item)
    # okrlint: disable                        (every rule, on that line)
    # okrlint: disable-file[=names]           (the whole file)
    # okrlint: disable-line[=names]           (this line, as the Markdown form says it)
    # okrlint: disable-next-line[=names]      (the next line; above a "- " item, the item)

A ``# okrlint: disable-…`` or ``enable…`` keyword okrlint does not know hides nothing and is reported by
``unknown-suppression`` (it is not taken for a blanket ``disable``).

Markdown and plain-text drafts::

    <!-- okrlint-disable kr-count -->  ...  <!-- okrlint-enable -->
    <!-- okrlint-disable-next-line kr-is-activity -->
    <!-- okrlint-disable-line kr-is-activity -->
    <!-- okrlint-disable-file -->

Names are rule codes, names, code prefixes or categories, comma- or space-separated; none means every
rule. A suppression that hides nothing is reported by ``unused-suppression``; one naming no rule by
``unknown-suppression``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Mapping

import attrs

from okrlint.text import regexcache
from okrlint.hookspecs import hookimpl
from okrlint.model import Finding, Location
from okrlint.rules.base import Rule, bad, good, rule
from okrlint.rules.registry import INTERNAL_ERROR, RuleRegistry, SelectorError, severity_of

YAML_SUFFIXES = (".yaml", ".yml")

_YAML_DIRECTIVE = regexcache.compile(
    r"#\s*okrlint:\s*(disable-file|disable-next-line|disable-line|disable)(?![-\w])\s*(?:=\s*([^#\n]*))?",
    re.IGNORECASE)
# a keyword of the same family that okrlint does not know ("disable-lines", "disable-all", "enable"): reported
_YAML_UNKNOWN_DIRECTIVE = regexcache.compile(r"#\s*okrlint:\s*((?:disable|enable)[-\w]*)", re.IGNORECASE)
YAML_DIRECTIVES = ("disable", "disable-line", "disable-next-line", "disable-file")
_HTML_DIRECTIVE = regexcache.compile(
    r"<!--\s*okrlint-(disable-file|disable-next-line|disable-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
_ALL = None  # a directive that names no rule covers every rule


@attrs.frozen
class RuleName:
    """One name in a directive, with where it is written (so unused/unknown findings point at it)."""

    text: str
    location: Location


@attrs.define
class Directive:
    """One suppression: the rules it names (None: all) and the lines it covers (None: whole file)."""

    location: Location
    names: tuple[RuleName, ...] | None
    first_line: int | None = None
    last_line: int | None = None
    used: set[str] = attrs.field(factory=set)  # names (or "*") that hid at least one finding
    unknown_keyword: str | None = None  # "disable-lines": a directive okrlint does not know (hides nothing)

    def covers_line(self, line: int) -> bool:
        if self.first_line is None:
            return True
        return self.first_line <= line <= (self.last_line if self.last_line is not None else 10**9)


def _names(raw: str | None, file: str, line: int, column: int) -> tuple[RuleName, ...] | None:
    raw = (raw or "").strip()
    if not raw:
        return _ALL
    names = []
    for match in re.finditer(r"[^\s,]+", raw):
        names.append(RuleName(match.group(0), Location(file, line, column + match.start())))
    return tuple(names) or _ALL


def _content_lines(lines: list[str], start: int) -> int | None:
    """Index of the next line at or after ``start`` that is neither blank nor a comment."""
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#") and not stripped.startswith("<!--"):
            return index
    return None


def _item_end(lines: list[str], index: int) -> int:
    """Last line index of the YAML list item starting at ``index`` (lines indented past its dash)."""
    dash = len(lines[index]) - len(lines[index].lstrip())
    end = index
    for following in range(index + 1, len(lines)):
        text = lines[following]
        if not text.strip():
            continue
        if len(text) - len(text.lstrip()) <= dash:
            break
        end = following
    return end


def parse_yaml_directives(file: str, text: str) -> list[Directive]:
    lines = text.splitlines()
    found: list[Directive] = []
    for index, line in enumerate(lines):
        if "okrlint" not in line:
            continue
        match = _YAML_DIRECTIVE.search(line)
        if match is None or _inside_quotes(line, match.start()):
            odd = _YAML_UNKNOWN_DIRECTIVE.search(line)
            if odd is not None and not _inside_quotes(line, odd.start()):
                found.append(Directive(Location(file, index + 1, odd.start(1) + 1), (), index + 1, index + 1,
                                       unknown_keyword=odd.group(1)))
            continue
        kind, raw = match.group(1).lower(), match.group(2)
        where = Location(file, index + 1, match.start() + 1)
        names = _names(raw, file, index + 1, match.start(2) + 1 if raw else match.start() + 1)
        if kind == "disable-file":
            found.append(Directive(where, names))
            continue
        if kind == "disable-line" or kind == "disable" and line[: match.start()].strip():  # this line
            found.append(Directive(where, names, index + 1, index + 1))
            continue
        target = _content_lines(lines, index + 1)
        if target is None:
            found.append(Directive(where, names, index + 2, index + 2))  # covers nothing: reported unused
            continue
        last = _item_end(lines, target) if lines[target].lstrip().startswith("- ") else target
        found.append(Directive(where, names, target + 1, last + 1))
    return found


def _inside_quotes(line: str, position: int) -> bool:
    before = line[:position]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def parse_markup_directives(file: str, text: str) -> list[Directive]:
    lines = text.splitlines()
    found: list[Directive] = []
    open_regions: list[Directive] = []
    for index, line in enumerate(lines):
        if "okrlint" not in line:
            continue
        for match in _HTML_DIRECTIVE.finditer(line):
            kind = match.group(1).lower()
            where = Location(file, index + 1, match.start() + 1)
            names = _names(match.group(2), file, index + 1, match.start(2) + 1)
            if kind == "disable-file":
                found.append(Directive(where, names))
            elif kind == "disable-line":
                found.append(Directive(where, names, index + 1, index + 1))
            elif kind == "disable-next-line":
                target = _content_lines(lines, index + 1)
                line_no = (target if target is not None else index + 1) + 1
                found.append(Directive(where, names, line_no, line_no))
            elif kind == "disable":
                region = Directive(where, names, index + 1, None)
                found.append(region)
                open_regions.append(region)
            else:  # enable: closes the regions it names (all when it names none)
                closing = {n.text.lower() for n in names} if names else None
                for region in list(open_regions):
                    region_names = {n.text.lower() for n in region.names} if region.names else None
                    if closing is None or region_names is None or region_names & closing:
                        region.last_line = index + 1
                        open_regions.remove(region)
    return found


def parse_directives(file: str, text: str) -> list[Directive]:
    if file.lower().endswith(YAML_SUFFIXES):
        return parse_yaml_directives(file, text)
    return parse_markup_directives(file, text) + parse_yaml_directives(file, text)


@attrs.define
class Suppressor:
    """Applies the directives of every file to a run's findings and reports the unused and unknown ones."""

    registry: RuleRegistry
    selected_codes: frozenset[str]
    severity_overrides: Mapping[str, str] = attrs.field(factory=dict)
    _codes_cache: dict[str, frozenset[str] | None] = attrs.field(factory=dict)

    def codes_for(self, name: str) -> frozenset[str] | None:
        """Codes a directive name stands for; None when it names no rule."""
        key = name.lower()
        if key not in self._codes_cache:
            try:
                self._codes_cache[key] = frozenset(r.code for r in self.registry.matching(name))
            except SelectorError:
                self._codes_cache[key] = None
        return self._codes_cache[key]

    def apply(self, findings: Iterable[Finding], raw_texts: Mapping[str, str]) -> list[Finding]:
        directives = {file: parse_directives(file, text) for file, text in raw_texts.items()}
        directives = {file: found for file, found in directives.items() if found}
        findings = list(findings)
        if not directives:
            return findings
        by_file: dict[str, list[Finding]] = {}
        for finding in findings:
            # internal-error is never hidden: a rule or plugin that failed is always reported (docs/security.md)
            if finding.location.file in directives and finding.code != INTERNAL_ERROR.code:
                by_file.setdefault(finding.location.file, []).append(finding)
        hidden: set[int] = set()
        for file, found in by_file.items():
            hidden.update(self._suppressed_in_file(found, directives[file]))
        kept = [f for f in findings if id(f) not in hidden]
        kept += self._directive_findings(directives)
        kept.sort()
        return kept

    def _suppressed_in_file(self, findings: list[Finding], directives: list[Directive]) -> set[int]:
        """The ids of the findings of one file that its directives hide; marks the names that hide something as
        used. A directive is not tried against every finding (thousands of each make that quadratic): the lines of
        the findings of each code are sorted, and each directive looks up the ones in its range."""
        lines_of: dict[str | None, list[int]] = {None: []}  # code (None: any) -> sorted lines of its findings
        for finding in findings:
            lines_of.setdefault(finding.code, []).append(_line(finding))
            lines_of[None].append(_line(finding))
        for lines in lines_of.values():
            lines.sort()
        ranges: dict[str | None, list[tuple[float, float]]] = {}  # code (None: any) -> the ranges hiding it
        for directive in directives:
            first = -math.inf if directive.first_line is None else directive.first_line
            last = math.inf if directive.first_line is None or directive.last_line is None else directive.last_line
            if directive.names is None:
                if _any_between(lines_of[None], first, last):
                    directive.used.add("*")
                ranges.setdefault(None, []).append((first, last))
                continue
            for name in directive.names:
                for code in sorted(self.codes_for(name.text) or ()):
                    lines = lines_of.get(code)
                    if lines is None:
                        continue
                    if _any_between(lines, first, last):
                        directive.used.add(name.text)
                    ranges.setdefault(code, []).append((first, last))
        merged = {code: _merged(found) for code, found in ranges.items()}
        everything = merged.get(None, ())
        hidden = set()
        for finding in findings:
            line = _line(finding)
            if _within(everything, line) or _within(merged.get(finding.code, ()), line):
                hidden.add(id(finding))
        return hidden

    def _directive_findings(self, directives: Mapping[str, list[Directive]]) -> list[Finding]:
        findings = []
        report_unused = UNUSED_SUPPRESSION.code in self.selected_codes
        report_unknown = UNKNOWN_SUPPRESSION.code in self.selected_codes
        for file, found in directives.items():
            for directive in found:
                if directive.unknown_keyword is not None:
                    if report_unknown:
                        findings.append(self._finding(
                            UNKNOWN_SUPPRESSION, directive.location,
                            f"'okrlint: {directive.unknown_keyword}' is no suppression okrlint knows, so it hides "
                            f"nothing: write {', '.join(YAML_DIRECTIVES[:-1])} or {YAML_DIRECTIVES[-1]}"))
                    continue
                if directive.names is None:
                    if report_unused and not directive.used:
                        findings.append(self._finding(UNUSED_SUPPRESSION, directive.location,
                                                 "this suppression hides no finding: remove it"))
                    continue
                for name in directive.names:
                    codes = self.codes_for(name.text)
                    if codes is None:
                        if report_unknown:
                            hint = self.registry.unknown_message(name.text).partition(";")[2].strip()
                            message = f"'{name.text}' names no rule" + (f"; {hint}" if hint else "")
                            findings.append(self._finding(UNKNOWN_SUPPRESSION, name.location, message))
                    elif report_unused and codes == {INTERNAL_ERROR.code}:
                        findings.append(self._finding(UNUSED_SUPPRESSION, name.location,
                                                 f"'{name.text}' cannot be suppressed: a rule or plugin that fails "
                                                 "is always reported; remove the suppression"))
                    elif report_unused and name.text not in directive.used and codes & self.selected_codes:
                        findings.append(self._finding(UNUSED_SUPPRESSION, name.location,
                                                 f"the suppression of '{name.text}' hides no finding: remove it"))
        return findings


    def _finding(self, item: Rule, location: Location, message: str) -> Finding:
        return Finding(location=location, code=item.code, name=item.name, category=item.category,
                       severity=severity_of(item, dict(self.severity_overrides)), message=message,
                       object_kind="file")


def _line(finding: Finding) -> int:
    return finding.location.line


def _any_between(lines: list[int], first: float, last: float) -> bool:
    """Whether sorted ``lines`` hold one from ``first`` to ``last``."""
    at = bisect.bisect_left(lines, first)
    return at < len(lines) and lines[at] <= last


def _merged(ranges: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Ranges of lines joined where they overlap: their starts and their ends, both ascending."""
    starts: list[float] = []
    ends: list[float] = []
    for first, last in sorted(ranges):
        if starts and first <= ends[-1]:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _within(merged, line: int) -> bool:
    if not merged:
        return False
    starts, ends = merged
    at = bisect.bisect_right(starts, line) - 1
    return at >= 0 and line <= ends[at]


def _emitted_by_the_suppression_stage(target, ctx):
    return ()


UNUSED_SUPPRESSION = rule(
    code="SUP001", name="unused-suppression", category="structure", severity="warning", scope="set",
    summary="An inline suppression comment hides no finding.",
    examples=[
        bad("team: support\nobjectives:  # okrlint: disable\n  - title: Make every customer feel heard\n", kind="yaml"),
        bad("team: ฝ่ายบริการ\nobjectives:  # okrlint: disable\n  - title: ให้ลูกค้าทุกคนได้รับการดูแล\n",
            "th", kind="yaml"),
        good("team: support\nobjectives:\n  - title: Make every customer feel heard\n", kind="yaml"),
        good("team: ฝ่ายบริการ\nobjectives:\n  - title: ให้ลูกค้าทุกคนได้รับการดูแล\n", "th", kind="yaml"),
    ],
    rationale="A suppression that no longer hides anything is noise, and it would silently hide a new "
    "problem of the same kind later. Remove it. (Suppressions naming rules that are not selected "
    "in this run are not reported.)",
)(_emitted_by_the_suppression_stage)

UNKNOWN_SUPPRESSION = rule(
    code="SUP002", name="unknown-suppression", category="structure", severity="error", scope="set",
    summary="An inline suppression comment names no rule okrlint knows.",
    examples=[
        bad("team: support\nobjectives:\n  - title: Make every customer feel heard  # okrlint: disable=kr-cuont\n",
            kind="yaml"),
        bad("team: ฝ่ายบริการ\nobjectives:\n  - title: ให้ลูกค้าทุกคนได้รับการดูแล  # okrlint: disable=kr-cuont\n",
            "th", kind="yaml"),
        good("team: support\nobjectives:\n  - title: Make every customer feel heard  # okrlint: disable=kr-count\n",
             kind="yaml"),
        good("team: ฝ่ายบริการ\nobjectives:\n  - title: ให้ลูกค้าทุกคนได้รับการดูแล  # okrlint: disable=kr-count\n",
             "th", kind="yaml"),
    ],
    rationale="A misspelled rule name suppresses nothing, so the finding it was meant to hide still "
    "shows and the comment misleads readers. Use a rule code or name from `okrlint rules`.",
)(_emitted_by_the_suppression_stage)


@hookimpl
def okrlint_rules():
    return [UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION]
