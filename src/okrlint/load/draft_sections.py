"""Several teams' OKRs in one document: headings that start a team's or department's set.

A whole organisation often keeps its OKRs in one document: the company's objectives under one heading, then a
heading per department (``# Product & Engineering``) and per team under it (``## Platform team``), each with its
own objectives. Such a heading starts a new set, named after the heading, whose period (and language) is the
document's. A heading is a team's when objectives (labelled lines, or an OKR table) follow under it and

* it names a unit or says it holds OKRs: ``Platform team``, ``Finance Department``, ``Sales OKRs``, ``ฝ่ายขาย``,
  ``OKR ทีมบริการ``, ``Company OKRs``;
* or its objectives are numbered afresh (``Objective 1`` again after objectives before it);
* or it stands at the level of such a heading (``## Sales`` beside ``## Platform team``).

At least two such headings are needed. A heading that is itself an objective (``## Objective 1: …``, a heading
followed by key results) is never a team, nor one naming a period, a language or a kind of objectives
(``Q1``, ``English``, ``Committed OKRs``): a single team's document whose headings are its objectives or themes
stays one set. A heading holding such team headings and no objectives of its own is a department's: its lines
(``Department lead: …``) are its own, not a team's.
"""

from __future__ import annotations

import bisect

import attrs

from okrlint.load.draft_labels import FIELD, KR_HEADER, KR_ITEM, OBJECTIVE
from okrlint.load.draft_markup import BLANK, HEADING
from okrlint.text import regexcache

# a heading that names a unit: "Platform team", "Finance Department", "ฝ่ายขาย", "กองคลัง"
_UNIT_WORDS = regexcache.compile(
    r"(?i:\b(?:team|squad|tribe|chapter|pod|guild|unit|department|dept|division|directorate|function|office|bu)s?\b)"
    r"|ทีม|ฝ่าย|กอง|สำนัก|แผนก|กลุ่มงาน|หน่วยงาน|ศูนย์")
_OKR_WORDS = regexcache.compile(r"(?i:\bOKRs?\b|\bobjectives\b|\bgoals\b|\bpriorities\b)|วัตถุประสงค์|เป้าประสงค์")
_DEPARTMENT_WORDS = regexcache.compile(r"(?i:\b(?:department|dept|division|directorate|function)s?\b)|ฝ่าย|กอง|สำนัก")
_TEAM_WORDS = regexcache.compile(r"(?i:\b(?:team|squad|pod|tribe|crew)s?\b)|ทีม|แผนก|กลุ่มงาน")
_COMPANY_WORDS = regexcache.compile(
    r"(?i:\b(?:company|corporate|organi[sz]ation(?:al)?|org|enterprise|group)(?:[-\s]wide)?\b)|องค์กร|บริษัท")
# headings that sort one team's objectives, never a team: periods, languages, kinds of objectives
_NOT_A_TEAM = regexcache.compile(
    r"(?i:\b(?:q[1-4]|h[12]|fy\s*\d{2,4}|quarter|month|week|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|english|thai|committed|aspirational|moonshots?|stretch|roof\s*shots?"
    r"|draft|proposed|final|previous|last|next|archive|old|new|backlog|retired|dropped|carried\s+over|appendix"
    r"|notes?|risks?|initiatives?|projects?|dependencies|change\s*log|history|glossary|example|sample)\b)"
    r"|ภาษา|ไตรมาส|ครึ่งปี|ตัวอย่าง|หมายเหตุ|ภาคผนวก|ร่าง")
_NUMBER = regexcache.compile(r"[0-9๐-๙]+")
# A chapter of a report or book, or its annex: "บทที่ 3 วัตถุประสงค์และผลลัพธ์หลัก ประจำปีงบประมาณ", "ภาคผนวก ข …",
# "Chapter 2 — Our strategy", "Appendix A": a part of the document, never a team's section, whatever it names
_CHAPTER = regexcache.compile(
    r"\s*(?:บทที่\s*[0-9๐-๙]{1,2}|ภาคผนวก|(?i:chapter\s+(?:[0-9]{1,2}|[ivx]{1,4})\b|appendix\b|annex\b))")
# A heading that only names a part of the document, after its section number ("2.", "๓.", "3.1", "II.", "Part 2"):
# "Objectives and key results", "Objectives table", "๒. วัตถุประสงค์และผลลัพธ์หลัก", "๓. ตารางยุทธศาสตร์ เป้าประสงค์
# และตัวชี้วัด", "บทนำ". Its words are OKR or document words only, so it names no unit.
_SECTION_NUMBER = regexcache.compile(
    r"^\s*(?:(?i:part|section|chapter|ส่วนที่|บทที่|หมวดที่?)\s*)?(?:[0-9๐-๙]+(?:\.[0-9๐-๙]+)*|(?i:[ivx]{1,4}|[a-h])(?=[.)]))"
    r"\s*[.):]?\s*")
_DOCUMENT_WORDS = regexcache.compile(
    r"(?:\s|[,&/:;()\-–—+]"
    r"|(?i:\b(?:okrs?|krs?|kpis?|objectives?|goals?|key|results?|outcomes?|measures?|metrics?|indicators?|targets?"
    r"|priorities|and|of|the|our|with|for|in|by|at|a|table|tables|list|lists|summary|overview|details?|glance"
    r"|introduction|background|context|purpose|scope|vision|mission|values|strategy|strategies|strategic|plan|plans"
    r"|document|section|contents|sign-?off|approval|approvals|timeline)\b)"
    r"|OKRs?|วัตถุประสงค์|เป้าประสงค์|เป้าหมาย|ผลลัพธ์(?:หลัก|สำคัญ|ที่สำคัญ)?|ตัวชี้วัด|ค่าเป้าหมาย|ตาราง|และ|ของ|กับ"
    r"|ยุทธศาสตร์|กลยุทธ์|พันธกิจ|วิสัยทัศน์|ค่านิยม|บทนำ|สรุป|ภาพรวม|รายละเอียด|ความเป็นมา|หลักการและเหตุผล|แผน(?:งาน)?"
    r"|ความสอดคล้อง|ความเชื่อมโยง|การลงนาม|ภาคผนวก)+")


def _names_a_unit(heading: str) -> bool:
    """Whether a heading names a unit by its kind ("Platform team", "ฝ่ายขาย"), as the organisation's own ("Company
    OKRs"), or by a function's name alone ("Sales", "Customer Support")."""
    text = _SECTION_NUMBER.sub("", " ".join(heading.split()), count=1)
    return bool(_UNIT_WORDS.search(text) or _COMPANY_WORDS.search(text) or _FUNCTIONS.fullmatch(team_name(text)))


def only_document_words(heading: str) -> bool:
    """Whether a heading, after its section number, holds only OKR or document words ("2. Objectives and key
    results", "๓. ตารางยุทธศาสตร์ เป้าประสงค์ และตัวชี้วัด"): a part of the document, never a unit's name."""
    text = _SECTION_NUMBER.sub("", " ".join(heading.split()), count=1).strip(" *_#")
    return bool(text) and _DOCUMENT_WORDS.fullmatch(text) is not None


@attrs.frozen
class Section:
    start: int  # index of its heading line
    end: int  # index after its last line (the next heading of its level or above)
    heading_level: int
    name: str  # the heading as written
    level: str | None  # "company", "department", "team" when the heading or the outline says so
    container: bool  # a department heading over teams' headings, with no objectives of its own


# The usual names of a company's functions, for a plain line in capitals ("SALES", "CUSTOMER SUPPORT") over objectives
_FUNCTIONS = regexcache.compile(
    r"(?i:(?:customer\s+)?(?:marketing|sales|engineering|product|support|success|service|experience)|hr|human\s+resources"
    r"|people(?:\s+ops)?|finance|operations|ops|legal|it|design|data|security|partnerships|recruiting|talent|brand"
    r"|content|communications|comms|procurement|logistics|quality|research|r\s*&\s*d|infrastructure|platform"
    r"|business\s+development|customer\s+success|growth\s+marketing|revenue\s+operations)"
    r"(?:\s*(?:&|and|/|,)\s*(?:customer\s+)?(?:marketing|sales|support|success|service|brand|ops|operations|design|product))*")


def plain_team_lines(lines: list) -> frozenset[int]:
    """In plain text (no heading styles), the lines that name a team's section over objectives, as headings do in
    Markdown: "Marketing OKR examples", "OKR ฝ่ายขาย", "Sales team", or a function's name alone ("SALES", "Customer
    Support"). Each must stand before an objective of its own, no key result between; at least two are needed."""
    from okrlint.load.draft_markup import TEXT, _plain_heading

    found: list[int] = []
    for i, line in enumerate(lines):
        if line.kind != TEXT or line.label is not None or line.source.markdown or line.source.style:
            continue
        text = " ".join(line.content.text.split())
        if not _plain_heading(line.layout, text) or _NUMBER.search(text) or _NOT_A_TEAM.search(text):
            continue
        if not (_UNIT_WORDS.search(text) or _OKR_WORDS.search(text) or _FUNCTIONS.fullmatch(text)):
            continue
        if len(text.split()) > 6:
            continue
        after = [other for other in lines[i + 1:i + 8] if other.kind != BLANK][:3]
        texts = 0
        for other in after:
            if other.label is not None and other.label.kind == OBJECTIVE:
                found.append(i)
                break
            if other.label is not None or other.kind != TEXT:
                break
            texts += 1  # an introduction: "Marketing teams live and die by the funnel."
    return frozenset(found) if len(found) >= 2 else frozenset()


def team_sections(lines: list, table_starts: frozenset[int] = frozenset(), position=None,
                  plain: frozenset[int] = frozenset()) -> list[Section]:
    """The headings of ``lines`` (the draft parser's laid-out lines) that start a team's or department's set, in
    order; empty when the document is one set. ``table_starts`` are the positions of the document's OKR tables
    (see ``position``, which gives a line's). Linear in the headings but for a sort and binary searches: a section
    ends at the next heading of its level or above, so sections nest or stand apart, never overlap."""
    headings = [i for i, line in enumerate(lines) if line.kind == HEADING]
    if len(headings) < 2:
        return []
    first = next((i for i, line in enumerate(lines) if line.kind != BLANK), None)
    positions = [position(line.source.location) for line in lines] if position is not None else []
    objective_numbers: list[tuple[int, str | None]] = [
        (i, line.label.number) for i, line in enumerate(lines)
        if line.label is not None and line.label.kind == OBJECTIVE]
    objective_lines = [j for j, _ in objective_numbers]
    first_numbered = next((j for j, number in objective_numbers if number), len(lines))
    ends = _section_ends(lines, headings)
    before_key_results = _before_key_results(lines)
    headed_at = [j for j in headings if before_key_results[j]]  # headings that are objectives, key results under them
    tables_at = sorted(table_starts)
    # a `Team:` / `หน่วยงาน:` line above the first heading under the title names the document's unit: a heading
    # that names no unit ("## Repairs", "## 2. Tenants") is then a part of that unit's plan, not another team's
    below_title = next((j for j in headings if j != first), len(lines))
    team_line = any(line.label is not None and line.label.kind == FIELD and line.label.field == "team"
                    for line in lines[:below_title])
    candidates: dict[int, tuple[int, int]] = {}  # heading index -> (end, heading level)
    strong: set[int] = set()
    for i in headings:
        line = lines[i]
        text = line.content.text.strip()
        if i == first or line.label is not None or not text or before_key_results[i]:
            continue
        if _NOT_A_TEAM.search(text) or len(text) > 80 or only_document_words(text) or _CHAPTER.match(text):
            continue
        if team_line and not _names_a_unit(text):
            continue
        level = line.layout.heading_level
        end = ends[i]
        low = bisect.bisect_right(objective_lines, i)
        numbered = low < bisect.bisect_left(objective_lines, end)
        tables = positions and _any_between(tables_at, positions[i], positions[end] if end < len(lines) else 1 << 40)
        headed = _any_between(headed_at, i, end)
        if not numbered and not tables and not headed:
            continue
        candidates[i] = (end, level)
        afresh = numbered and objective_numbers[low][1] in ("1", "๑") and first_numbered < i
        if _UNIT_WORDS.search(text) or _OKR_WORDS.search(text) or afresh or i in plain:
            strong.add(i)
    levels = {candidates[i][1] for i in strong}
    chosen = sorted(i for i in candidates if i in strong or candidates[i][1] in levels)
    # a heading over chosen headings, with no objectives of its own, is a department's: kept as a container
    owning = _innermost(chosen, candidates, objective_lines)
    sections: list[Section] = []
    for i in chosen:
        end, level = candidates[i]
        inner = _any_between(chosen, i, end)
        sections.append(Section(i, end, level, lines[i].content.text.strip(), None, inner and i not in owning))
    named = {" ".join(s.name.casefold().split()) for s in sections if not s.container}
    if len(named) < 2:
        return []
    starts = [s.start for s in sections]  # sorted, as chosen is
    for j in headings:  # a department heading above chosen ones that is no candidate itself ("# Go-to-Market")
        if j in candidates or j == first or lines[j].label is not None:
            continue
        level = lines[j].layout.heading_level
        end = ends[j]
        if _any_between(starts, j, end) and not _NOT_A_TEAM.search(lines[j].content.text) \
                and not _CHAPTER.match(lines[j].content.text):
            sections.append(Section(j, end, level, lines[j].content.text.strip(), None, True))
    sections.sort(key=lambda s: s.start)
    starts = [s.start for s in sections]
    top = min(s.heading_level for s in sections)
    deeper = any(s.heading_level > top for s in sections)
    return [attrs.evolve(s, level=_level_of(s, _any_between(starts, s.start, s.end), top, deeper)) for s in sections]


def _section_ends(lines: list, headings: list[int]) -> dict[int, int]:
    """For each heading, the index of the next heading of its level or above (len(lines) when none)."""
    ends: dict[int, int] = {}
    later: list[int] = []  # headings after this one, each of a lower level (higher rank) than the one after it
    for i in reversed(headings):
        level = lines[i].layout.heading_level
        while later and lines[later[-1]].layout.heading_level > level:
            later.pop()
        ends[i] = later[-1] if later else len(lines)
        later.append(i)
    return ends


def _before_key_results(lines: list) -> list[bool]:
    """For each line, whether the next line that is not blank is a key result or the key results' header."""
    result = [False] * len(lines)
    following = False
    for index in range(len(lines) - 1, -1, -1):
        result[index] = following
        line = lines[index]
        if line.kind != BLANK:
            following = line.label is not None and line.label.kind in (KR_HEADER, KR_ITEM)
    return result


def _any_between(ordered: list, low, high) -> bool:
    """Whether the sorted list holds a value strictly between ``low`` and ``high``."""
    k = bisect.bisect_right(ordered, low)
    return k < len(ordered) and ordered[k] < high


def _innermost(chosen: list[int], candidates: dict[int, tuple[int, int]], objective_lines: list[int]) -> set[int]:
    """The chosen headings that are the innermost chosen section of some objective: those with objectives of
    their own, not only in the sections under them."""
    owning: set[int] = set()
    open_sections: list[int] = []  # nested, innermost last
    k = 0
    for j in objective_lines:
        while k < len(chosen) and chosen[k] < j:
            while open_sections and candidates[open_sections[-1]][0] <= chosen[k]:
                open_sections.pop()
            open_sections.append(chosen[k])
            k += 1
        while open_sections and candidates[open_sections[-1]][0] <= j:
            open_sections.pop()
        if open_sections:
            owning.add(open_sections[-1])
    return owning


def _level_of(section: Section, holds_others: bool, top: int, deeper: bool) -> str:
    """company for the company's own heading ("Company OKRs"), department or team by its words, else by the
    outline: a heading over others (``holds_others``), or at the ``top`` level of an outline that has ``deeper``
    ones, is a department's."""
    from okrlint.load.draft import _names_whole_organisation

    if (_COMPANY_WORDS.search(section.name) or _names_whole_organisation(section.name)) \
            and not _UNIT_WORDS.search(section.name):
        return "company"  # "Company OKRs", "Trust-wide objectives", "OKR ระดับองค์กร"
    if _DEPARTMENT_WORDS.search(section.name):
        return "department"
    if _TEAM_WORDS.search(section.name):
        return "team"
    if holds_others:
        return "department"
    return "department" if section.heading_level == top and deeper else "team"


def owner_of(index: int, sections: list[Section]) -> Section | None:
    """The innermost section a line stands in."""
    found = None
    for section in sections:
        if section.start <= index < section.end and (found is None or section.start > found.start):
            found = section
    return found


def _next_is_key_results(lines: list, index: int) -> bool:
    for line in lines[index + 1:]:
        if line.kind == BLANK:
            continue
        return line.label is not None and line.label.kind in (KR_HEADER, KR_ITEM)
    return False


# what a heading says besides the unit's name: "Platform team", "Sales OKRs Q3", "OKR ฝ่ายขาย"
_AROUND_NAME = regexcache.compile(
    r"(?i:\s*[-–—:|]?\s*(?:\b(?:okrs?|objectives|goals|priorities|team|dept\.?|examples?|templates?|samples?)\b)\s*[-–—:|]?\s*)")


def team_name(heading: str) -> str:
    """The unit a heading names: "Clinical Workflow team" -> "Clinical Workflow", "Sales OKRs" -> "Sales";
    a Thai unit keeps its word ("ฝ่ายขาย")."""
    from okrlint.load.draft import without_file_name_noise

    name = without_file_name_noise(heading.strip().strip("*_#").strip())
    stripped = _AROUND_NAME.sub(" ", name).strip(" -–—:|")
    return " ".join(stripped.split()) or " ".join(name.split())


def numbers_in(text: str) -> list[str]:
    return _NUMBER.findall(text)
