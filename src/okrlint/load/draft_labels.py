"""Recognising the labels of OKR drafts: ``Objective 1:``, ``Key results``, ``ผลลัพธ์หลักที่ 2``, ``Baseline:``.

Drafts are typed by people, so labels are matched case-insensitively, with an optional number
(``O1``, ``KR 1.1``, ``วัตถุประสงค์ที่ ๒``) and several separators (``:``, `` - ``, ``.``), and long labels
also with typos (``Keu Results:``, ``Objetive:``). Typos are only forgiven on a short head before a colon
(or a dash) or on a whole short line, so that ordinary sentences never become objectives.
"""

from __future__ import annotations

import functools
import re

import attrs

from okrlint.text.lazyre import lazy_compile

# Label kinds.
OBJECTIVE = "objective"
KR_HEADER = "kr_header"  # "Key results:" — a list of key results follows
KR_ITEM = "kr_item"  # "KR1: Raise ..." — one key result on this line
SECTION = "section"  # "Objectives", "OKRs": a heading over the whole list, not an objective itself
FIELD = "field"
STRATEGY = "strategy"  # "ประเด็นยุทธศาสตร์ที่ 2 ...": a heading over some objectives, outside the OKRs themselves
NOTE = "note"  # "Notes: budget approved ...", "หมายเหตุ: ...": a remark, never a key result or part of a title
INITIATIVES = "initiatives"  # "Initiatives:", "โครงการ/กิจกรรม": the list that follows is work, not key results

_OBJECTIVE_LABELS = (
    "objective", "obj", "o",
    "วัตถุประสงค์", "เป้าประสงค์", "วัตถุประสงค์เชิงกลยุทธ์",
    "goal", "เป้าหมาย",  # only numbered: see _NUMBERED_ONLY
)
# Objective labels that are also ordinary words ("Goal: 95%", "เป้าหมาย: ร้อยละ 80" give a target): an objective
# only with its number, and a number that is not a year ("เป้าหมายที่ 2:", "Goal 1 -", not "เป้าหมาย 2570:").
_NUMBERED_ONLY = frozenset({"goal", "เป้าหมาย"})
_KR_HEADER_LABELS = (
    "key results", "key result", "krs", "kr", "key-results", "keyresults", "kpis", "kpi",
    "ผลลัพธ์ที่สำคัญ", "ผลลัพธ์หลัก", "ผลลัพธ์สำคัญ", "ตัวชี้วัด", "ตัวชี้วัดความสำเร็จ",
)
_SECTION_LABELS = (
    "objectives", "okrs", "okr", "objectives and key results", "objectives & key results",
    "วัตถุประสงค์และผลลัพธ์หลัก", "วัตถุประสงค์และผลลัพธ์ที่สำคัญ",
)
# Numbered only: "ประเด็นยุทธศาสตร์ที่ 2 ...", "Strategic pillar 2 - ...", a heading over the objectives of one
# strategy (never an objective, never part of the key result above it).
_STRATEGY_LABELS = ("ประเด็นยุทธศาสตร์", "ยุทธศาสตร์", "ประเด็นท้าทาย", "strategic theme", "strategic pillar",
                    "strategic priority", "strategy", "pillar", "theme")
_INITIATIVE_LABELS = (
    "initiatives", "initiative", "key initiatives", "projects", "key projects", "activities", "key activities",
    "action items", "action plan", "actions", "tasks",
    "โครงการ", "โครงการสำคัญ", "โครงการหลัก", "กิจกรรม", "กิจกรรมหลัก", "กิจกรรมสำคัญ", "แผนงาน", "มาตรการ",
    # the ways a strategic plan's goal (เป้าประสงค์) is to be reached: how, not what is measured
    "กลยุทธ์", "กลยุทธ์หลัก", "strategies", "key strategies",
)
# Of those, the strategies of a strategic plan: under a goal with no key results, they show it a strategy chapter's
# goal ("เป้าประสงค์: …" then "กลยุทธ์" and its list), which the OKRs serve, not one of them
STRATEGIES_LABELS = frozenset({"กลยุทธ์", "กลยุทธ์หลัก", "strategies", "key strategies"})
_NOTE_LABELS = ("note", "notes", "nb", "n.b.", "comment", "comments", "remark", "remarks", "หมายเหตุ", "ข้อสังเกต",
                "side note", "warning", "caution", "tip", "important", "heads up", "heads-up", "fyi", "p.s.", "ps",
                "speaker notes", "speaker note", "presenter notes", "คำเตือน", "ข้อควรระวัง",
                # a reminder or a question left in a draft: "TODO (Dev): agree the baseline", "Open question: ..."
                "todo", "to do", "to-do", "fixme", "open question", "open questions", "question", "questions",
                "ข้อคิดเห็น", "ความเห็น", "ประเด็นที่ต้องหารือ", "สิ่งที่ต้องทำ",
                # where a slide's figures come from: "ที่มา: แผนวิสาหกิจ … ๒๕๖๖–๒๕๗๐", "Source: Annual report 2026"
                "source", "sources", "data source", "data sources", "ที่มา", "ที่มาของข้อมูล", "แหล่งที่มา",
                "แหล่งที่มาของข้อมูล", "แหล่งข้อมูล",
                # the steps on the way to a key result's target, under it: "ค่าเป้าหมายรายไตรมาส: ไตรมาส ๑ ร้อยละ ๒๕ / …",
                # "Quarterly targets: Q1 25%, Q2 50%" — the year's target is the key result's own
                "ค่าเป้าหมายรายไตรมาส", "เป้าหมายรายไตรมาส", "ค่าเป้าหมายรายเดือน", "เป้าหมายรายเดือน", "ค่าเป้าหมายรายงวด",
                "แผนรายไตรมาส", "quarterly targets", "quarterly target", "quarterly milestones", "monthly targets",
                "monthly target", "milestones", "interim targets", "interim milestones")

# field name -> labels people write for it
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "team": (
        "team", "team name", "department", "dept", "division", "directorate", "service area",
        "ทีม", "หน่วยงาน", "ชื่อหน่วยงาน", "ส่วนราชการ", "กลุ่มงาน", "ฝ่าย", "กอง", "สำนัก", "แผนก",
    ),
    "period": ("period", "quarter", "timeframe", "time frame", "ช่วงเวลา", "ระยะเวลา", "ไตรมาส"),
    "level": ("level", "ระดับ"),
    "language": ("language", "lang", "ภาษา"),
    "owner": (
        "owner", "owners", "owned by", "responsible", "dri", "lead", "accountable", "ผู้รับผิดชอบ", "เจ้าของ", "ผู้รับผิดชอบหลัก",
        "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ",
    ),
    "id": ("id",),
    "type": ("type", "objective type", "ประเภท"),
    "description": ("description", "คำอธิบาย", "รายละเอียด"),
    "aligns_to": (
        "aligns to", "aligned to", "aligns with", "aligned with", "alignment", "supports", "supporting",
        "contributes to", "ladders up to", "rolls up to", "parent", "parent objective", "linked to",
        "สอดคล้องกับ", "สอดคล้อง", "เชื่อมโยงกับ", "สนับสนุน", "สนับสนุนวัตถุประสงค์",
    ),
    "baseline": (
        "baseline", "base line", "current value", "starting value", "current", "last year",
        "ค่าฐาน", "ค่าฐานเดิม", "ค่าเริ่มต้น", "ค่าปัจจุบัน", "ข้อมูลพื้นฐาน", "ข้อมูลฐาน",
        # only with the year they report (see _PERIOD_QUALIFIER): "ผลการดำเนินงานปี 2568", "Actual 2026"
        "ผลการดำเนินงาน", "ผลงาน", "actual", "actuals",
    ),
    "target": ("target", "targets", "target value", "ค่าเป้าหมาย"),
    "unit": ("unit", "units", "หน่วย", "หน่วยนับ"),
    "due": ("due", "due date", "deadline", "by when", "กำหนดเสร็จ", "กำหนดส่ง", "วันที่แล้วเสร็จ", "ภายในวันที่"),
    "depends_on": ("depends on", "dependencies", "dependency", "depends", "ขึ้นอยู่กับ", "พึ่งพา"),
    "score": ("score", "คะแนน"),
    "confidence": ("confidence", "ความมั่นใจ"),
}

SET_FIELDS = frozenset({"team", "period", "level", "language"})
OBJECTIVE_FIELDS = frozenset({"aligns_to", "type", "description"})
KEY_RESULT_FIELDS = frozenset({"baseline", "target", "unit", "due", "depends_on", "score", "confidence"})
SHARED_FIELDS = frozenset({"owner", "id"})  # objective or key result, by where the line stands

# Fields that may stand in a trailing "(owner: Nok; due: 2026-03-31)" annotation of a title.
ANNOTATION_FIELDS = frozenset({"owner", "baseline", "target", "unit", "due", "id", "score", "confidence"})

# Baseline labels that are a value of the past only with the period they report: "ผลการดำเนินงานปี 2568:",
# "ผลงานปีที่แล้ว:", "Actual 2026:"; alone ("ผลงาน: คู่มือ 1 เล่ม") they may name what is delivered.
_NEEDS_PERIOD = frozenset({"ผลการดำเนินงาน", "ผลงาน", "actual", "actuals"})
# The period a baseline or target is of, between the label and its separator: "ค่าฐาน (ปี 2568):",
# "ผลการดำเนินงานปีที่ผ่านมา:", "ค่าเป้าหมายปีงบประมาณ พ.ศ. 2570:", "Baseline FY2025:", "Actual 2026:".
_QUALIFIED_FIELDS = frozenset({"baseline", "target"})

_MIN_FUZZY_LENGTH = 7  # shorter labels (Team, Owner, Score) must be exact: "Scope:" is not a typo of "Score:"


@attrs.frozen
class Label:
    kind: str
    field: str | None  # for FIELD
    number: str | None  # "1", "1.1" as written after the label
    rest_start: int  # index in the text where the content after the label starts
    exact: bool
    qualifier: str | None = None  # "Company" of "Company Objective 1:", "องค์กร" of "วัตถุประสงค์ที่ 1 ขององค์กร:"
    ident: str | None = None  # "CO1" of "CO1 ผู้โดยสารเลือก…", "CO-2: …": the objective's id as the deck writes it


def _entries() -> list[tuple[str, str, str | None]]:
    entries: list[tuple[str, str, str | None]] = []
    entries += [(label, OBJECTIVE, None) for label in _OBJECTIVE_LABELS]
    entries += [(label, KR_HEADER, None) for label in _KR_HEADER_LABELS]
    entries += [(label, SECTION, None) for label in _SECTION_LABELS]
    entries += [(label, STRATEGY, None) for label in _STRATEGY_LABELS]
    entries += [(label, NOTE, None) for label in _NOTE_LABELS]
    entries += [(label, INITIATIVES, None) for label in _INITIATIVE_LABELS]
    for field, labels in FIELD_LABELS.items():
        entries += [(label, FIELD, field) for label in labels]
    # Longest first, so "key results" wins over "key result" and "kr".
    return sorted(entries, key=lambda entry: -len(entry[0]))


_ENTRIES = _entries()
_ENTRIES_BY_FIRST_CHAR: dict[str, list[tuple[str, str, str | None]]] = {}
for _entry in _ENTRIES:
    _ENTRIES_BY_FIRST_CHAR.setdefault(_entry[0][0], []).append(_entry)
_FIELD_OF_LABEL = {label: field for label, kind, field in _ENTRIES if kind == FIELD}

_DIGITS = "0-9๐-๙"
# "1", "1.2", and sub-numbers with a letter: "KR 1a:", "KR1.b -"
_NUMBER = lazy_compile(
    rf"\s*(?:ข้อ(?:ที่)?|ที่|no\.?|number|#)?\s*(?P<num>[{_DIGITS}]{{1,4}}(?:\.[{_DIGITS}]{{1,3}})*(?:\.?[A-Za-z](?![A-Za-z]))?)"
    rf"(?![{_DIGITS}])"
)
# "โครงการ/กิจกรรม", "แผนงาน/โครงการ", "Projects & activities": initiative labels joined into one
_JOINED_INITIATIVE = lazy_compile(
    r"\s*(?:/|&|,|และ|and\b)\s*(?:" + "|".join(sorted(map(re.escape, _INITIATIVE_LABELS), key=len, reverse=True)) + ")",
    re.IGNORECASE,
)
# "(Key Results)" or "/ ผลลัพธ์หลัก" between a label and its colon: the label again, in the other language
_GLOSS = lazy_compile(r"\s*[(（][^()（）]{1,30}[)）]|\s*/\s*[^:：/\n]{1,30}?(?=\s*[:：])")
_COLON = lazy_compile(r"\s*[:：]\s*")
_DASH = lazy_compile(r"\s+[-–—]+\s+|\s*[–—]\s*")
_NUMBER_END = lazy_compile(r"\s*[.)]\s*|\s+")
_THAI_LETTER = lazy_compile(r"[\u0e01-\u0e4e]")
_LATIN_LETTER = lazy_compile(r"[A-Za-z]")
_HEAD_BEFORE_SEPARATOR = lazy_compile(r"^(?P<head>[^:：–—]{1,40}?)\s*(?:[:：]|\s-+\s|[–—])")
_PERIOD_QUALIFIER = lazy_compile(
    rf"\s*[(（]?\s*(?:"
    # ปี 2568, ปีงบประมาณ 68, ปีงบฯ 2568, ปีงบ 68, FY2025
    rf"(?:ปี(?:งบประมาณ|งบฯ?|การศึกษา|บัญชี|การเงิน)?|fy|year)\s*(?:พ\.\s?ศ\.\s*)?[{_DIGITS}]{{2,4}}"
    rf"|(?:พ\.\s?ศ\.\s*)?[{_DIGITS}]{{4}}"  # 2568, 2026
    rf"|ปี(?:ที่)?(?:ผ่านมา|แล้ว|ก่อน)|ที่ผ่านมา|ล่าสุด|เดิม"  # ปีที่ผ่านมา, ปีที่แล้ว
    rf"|(?:last|previous|prior) year|to date"
    rf")(?![{_DIGITS}])\s*[)）]?",
    re.IGNORECASE,
)
_TRAILING_NUMBER = lazy_compile(rf"(?<![{_DIGITS}])\s*(?:ที่|no\.?|#)?\s*[{_DIGITS}]{{1,3}}(?:\.[{_DIGITS}]{{1,3}})*\s*$")


def match_label(text: str, *, whole_line_may_be_label: bool = True) -> Label | None:
    """The label at the start of ``text``, or None when the line does not start with one."""
    lowered = text.lower()
    for label, kind, field in _ENTRIES_BY_FIRST_CHAR.get(lowered[:1], ()):
        if not lowered.startswith(label):
            continue
        found = _after_label(text, len(label), kind, exact=True, field=field)
        if found is not None:
            return found
    return _prefixed_objective(text) or _qualified_objective(text) or _fuzzy_label(text, whole_line_may_be_label)


# "CO1 ผู้โดยสารเลือก…", "CO-2: Grow revenue", "SO3 – …", "KO1 …": a company's (corporate, strategic, key) objective
# opening a line or a bullet, written as its code in capitals; the same code inside a sentence or after "Aligns to:"
# is a reference (not read here: labels stand at the start of a line)
_PREFIXED_ID = lazy_compile(rf"(?P<prefix>[CSK]O)[-\s]?(?P<num>[{_DIGITS}]{{1,2}})(?![{_DIGITS}\w./-])")


_JOINED_CODES = lazy_compile(r"(?:และ|หรือ|กับ|ถึง|[&/+,]|(?i:to|vs)\b)")


def _prefixed_objective(text: str) -> Label | None:
    match = _PREFIXED_ID.match(text)
    if match is None:
        return None
    for separator in (_COLON, _DASH):
        found = separator.match(text, match.end())
        if found:
            break
    else:
        found = _NUMBER_END.match(text, match.end())
        if found is None or " " in match[0] or _PROSE_AFTER_NAME.match(text, found.end()) \
                or _JOINED_CODES.match(text, found.end()):
            return None  # "SO 2 things", "CO1 และ CO2 สำคัญ": words, not a label
    if not text[found.end():].strip():
        return None  # "CO1" alone on a line: a code, not an objective with a title
    ident = match["prefix"] + match["num"].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    return attrs.evolve(_label(text, OBJECTIVE, None, match["num"], found.end(), True), ident=ident)


# "Company Objective 1:", "Team Objective 2 —", "Sales O3:", "Dept. Objective 1 -": whose objective it is, one or
# two words before a numbered objective label (a whole-company document labels its levels' objectives so)
_QUALIFIER_BEFORE = lazy_compile(
    r"(?P<qualifier>[A-Za-z][A-Za-z0-9&'’.-]{1,24}(?:\s+[A-Za-z][A-Za-z0-9&'’.-]{1,24})?)\s+(?=(?i:objective|obj|o)\s*[0-9๐-๙])")
# words that make the head a sentence, not whose objective it is: "See objective 2: …", "The objective 1 …"
_NOT_A_QUALIFIER = frozenset(
    "a an the this that these those our my your their its his her each every any per see under of in on for to and "
    "or with from by as at is was are were be new old same another other first last next previous prior this our "
    "re about like than also only not".split()
    # a line saying what the objective supports: "Supports company objective 1", "Serves Company O2" (the verb's
    # forms that name no team: "Support Objective 1: …" may be the Support team's)
    + "supports supporting aligns aligned contributes contributing serves serving helps helping ladders towards "
      "toward".split())


def _qualified_objective(text: str) -> Label | None:
    """A numbered objective label with whose objective it is before it ("Company Objective 1: …"): an objective."""
    match = _QUALIFIER_BEFORE.match(text)
    if match is None or any(word.lower().strip(".") in _NOT_A_QUALIFIER for word in match["qualifier"].split()):
        return None
    rest = text[match.end():]
    lowered = rest.lower()
    for label in ("objective", "obj", "o"):
        if lowered.startswith(label):
            found = _after_label(rest, len(label), OBJECTIVE, exact=True, field=None)
            if found is not None and found.kind == OBJECTIVE and found.number is not None:
                return attrs.evolve(found, rest_start=found.rest_start + match.end(), qualifier=match["qualifier"])
    return None


def _after_label(text: str, end: int, kind: str, *, exact: bool, field: str | None) -> Label | None:
    """Read what follows a label: an optional number, then a separator or the end of the line."""
    if kind == INITIATIVES:
        while joined := _JOINED_INITIATIVE.match(text, end):
            end = joined.end()
    label_text = text[:end]
    position = end
    qualifier = _PERIOD_QUALIFIER.match(text, end) if kind == FIELD and field in _QUALIFIED_FIELDS else None
    if qualifier is not None and _qualifier_ok(label_text, text, qualifier):
        position = qualifier.end()
    else:
        if label_text.lower() in _NEEDS_PERIOD:
            return None
        following = text[end:end + 1]
        if following and not _boundary_ok(label_text, following, text[end:]):
            return None
    number = None
    if kind in (OBJECTIVE, KR_HEADER, SECTION, INITIATIVES, STRATEGY):
        number_match = _NUMBER.match(text, end)
        if number_match:
            number = number_match.group("num")
            position = number_match.end()
    gloss = _GLOSS.match(text, position)  # "ผลลัพธ์หลัก (Key Results):", "Objective 1 (draft):"
    if gloss:
        position = gloss.end()
    qualifier = None
    if kind == OBJECTIVE and number is not None and (whose := _THAI_WHOSE.match(text, position)) is not None:
        position, qualifier = whose.end("whose"), whose["whose"].strip()  # "วัตถุประสงค์ที่ 1 ขององค์กร:"
    if label_text.lower() == "o" and number is None:
        return None  # a bare "O" is a word, "O1" is an objective
    if (label_text.lower() in _NUMBERED_ONLY or kind == STRATEGY) and (
            number is None or re.fullmatch(rf"[{_DIGITS}]{{4}}", number)):
        return None
    if not text[position:].strip():
        return _label(text, kind, field, number, len(text), exact, qualifier)
    for separator in (_COLON, _DASH):
        match = separator.match(text, position)
        if match:
            if kind in (OBJECTIVE, SECTION) and number is None and _A_COUNT.match(text, match.end()):
                return Label(SECTION, None, None, len(text), exact)  # "Objectives: 5, key results: 13": a count
            if kind == SECTION and number is None and _only_a_period(text[match.end():]):
                # "## OKRs — H1 2027", "OKRs: Q3 2026", "Objectives - FY27": a heading giving the period, not an
                # objective called "H1 2027"; the period stays after the label (rest_start) to be read
                return Label(SECTION, None, None, match.end(), exact)
            return _label(text, kind, field, number, match.end(), exact, qualifier)
    if number is not None:
        match = _NUMBER_END.match(text, position)
        if match and not (match.group(0).isspace() and _PROSE_AFTER_NAME.match(text, match.end())):
            return _label(text, kind, field, number, match.end(), exact)
    elif kind == OBJECTIVE and _THAI_LETTER.match(label_text[-1:]) and text[position:position + 1].isspace():
        # Thai separates phrases with a space: "๑. วัตถุประสงค์ ผู้รับบริการพึงพอใจ" needs no colon
        return _label(text, kind, field, number, position, exact)
    return None


# "KR2 under the first objective should be ...", "KR3 is new.": a label named in a sentence, not one that opens an item
_PROSE_AFTER_NAME = lazy_compile(
    r"(?i:(?:is|are|was|were|isn't|wasn't|should|must|will|would|could|can|may|might|needs?|depends?|has|have|had"
    r"|under|of|in|on|for|from|with|by|and|or|but|looks?|seems?|stays?|moved?|goes|went|becomes?|sounds?|feels?"
    r"|นี้|ได้)\b)"
    # a count, not a label: "วัตถุประสงค์ ๕ ข้อ ผลลัพธ์หลัก ๑๓ ข้อ", "เป้าประสงค์ ๓ ด้าน" (a number and a classifier)
    r"|(?:ข้อ|ด้าน|ประการ|เรื่อง|หัวข้อ|รายการ|ตัว|มิติ)(?![\u0e01-\u0e4e])"
    # Thai words run on without a space or a word boundary: "เป้าหมายที่ 2 ของปีที่แล้ว…" speaks of an objective
    r"|(?:ของ|ควร|ต้อง|ยัง|จะ)(?!\s*[:：])"
)


# decoration around a period after a section label: "OKRs — **H1 2027**", "OKRs: (Q3 2026)."
_PERIOD_DECORATION = " \t*_`.()[]（）"


def _only_a_period(text: str) -> bool:
    """Whether ``text`` is a planning period and nothing else ("H1 2027", "Q3 2026", "FY27", "ปีงบประมาณ 2570")."""
    from okrlint.text.periods import parse_period

    text = text.strip(_PERIOD_DECORATION)
    if not text or len(text) > 40 or not any(ch.isdigit() for ch in text):
        return False
    return parse_period(text, fiscal_year_start_month=1).start is not None


# what a count says after "Objectives:" / "วัตถุประสงค์:": "5", "๕ ข้อ", "5 objectives, 13 key results", "3 (draft)"
_A_COUNT = lazy_compile(
    rf"[{_DIGITS}]{{1,3}}\s*(?:ข้อ|ด้าน|ประการ|เรื่อง|รายการ|(?i:objectives?|goals?|items?))?\s*(?:[,;|/·(（]|$)")


# whose objective a Thai numbered label is, right before its colon: "ขององค์กร", "ของบริษัท", "ระดับฝ่าย", "ของทีมขาย"
_THAI_WHOSE = lazy_compile(r"\s*(?P<whose>(?:ของ|ระดับ)\s*[\u0e01-\u0e4eA-Za-z0-9 ]{1,30}?)\s*(?=[:：])")


def _label(text: str, kind: str, field: str | None, number: str | None, rest_start: int, exact: bool,
           qualifier: str | None = None) -> Label:
    while rest_start < len(text) and text[rest_start].isspace():
        rest_start += 1
    has_rest = rest_start < len(text)
    return Label(_kind_for(kind, number, has_rest=has_rest), field, number, rest_start, exact, qualifier)


def _boundary_ok(label_text: str, following: str, tail: str) -> bool:
    """A label ends at a word boundary: "Objectives" is not "Objective" + "s"."""
    if _LATIN_LETTER.match(following):
        return False
    if _THAI_LETTER.match(following):
        return tail.startswith(("ที่", "ข้อ"))  # วัตถุประสงค์ที่ 1, วัตถุประสงค์ข้อที่ 1
    return True


def _qualifier_ok(label_text: str, text: str, qualifier: re.Match) -> bool:
    """A period after a label: glued to a Thai label ("ผลการดำเนินงานปี 2568"), after a space otherwise, and
    followed by a separator or the end of the line ("Actual 2026:", not "Target 2026 revenue")."""
    start = qualifier.start()
    if start == len(text) or qualifier.end() == start:
        return False
    glued = not text[start].isspace() and text[start] not in "(（"
    if glued and not (_THAI_LETTER.match(label_text[-1:]) and _THAI_LETTER.match(text[start])):
        return False
    rest = text[qualifier.end():]
    return not rest.strip() or bool(_COLON.match(rest) or _DASH.match(rest))


def _kind_for(kind: str, number: str | None, *, has_rest: bool) -> str:
    if kind == KR_HEADER and (number is not None or has_rest):
        return KR_ITEM
    if kind == SECTION and has_rest:
        return OBJECTIVE  # "Objectives: Grow revenue" — one objective under a plural label
    return kind


def _fuzzy_label(text: str, whole_line_may_be_label: bool) -> Label | None:
    match = _HEAD_BEFORE_SEPARATOR.match(text)
    if match:
        head = match.group("head")
        rest_start = match.end()
    elif whole_line_may_be_label and len(text.strip()) <= 30:
        head = text.strip()
        rest_start = len(text)
    else:
        return None
    number = None
    number_match = _TRAILING_NUMBER.search(head)
    if number_match:
        number = re.sub(r"\D", "", number_match.group(0)) or None
        head = head[: number_match.start()]
    key = " ".join(head.lower().split())
    if not key[:1].isalpha() or len(key) < _MIN_FUZZY_LENGTH or len(key.split()) > 3:
        return None
    best = _closest_label(key)
    if best is None:
        return None
    distance, kind, field = best
    if kind == STRATEGY and number is None:
        return None  # "Strategy: grow" is not a numbered strategy heading
    return _label(text, kind, field, number, rest_start, distance == 0)


@functools.lru_cache(maxsize=1)
def _fuzzy_entries() -> tuple[tuple[str, str, str | None, int, frozenset[str]], ...]:
    """The labels a typo may stand for, each with the edits it allows and its set of characters."""
    return tuple(
        (label, kind, field, 1 if len(label) < 9 else 2, frozenset(label))
        for label, kind, field in _ENTRIES
        if len(label) >= _MIN_FUZZY_LENGTH and label not in _NEEDS_PERIOD and label not in _NUMBERED_ONLY
    )


@functools.lru_cache(maxsize=4096)
def _closest_label(key: str) -> tuple[int, str, str | None] | None:
    """(distance, kind, field) of the label ``key`` is a typo of, if any (documents repeat their headings)."""
    best: tuple[int, str, str | None] | None = None
    characters = frozenset(key)
    for label, kind, field, allowed, label_characters in _fuzzy_entries():
        if abs(len(label) - len(key)) > allowed:
            continue
        # Each edit adds or removes at most one kind of character on either side (a swap none), so strings
        # ``allowed`` edits apart differ in at most 2 × allowed kinds: most labels are ruled out without the table.
        if len(characters ^ label_characters) > 2 * allowed:
            continue
        distance = edit_distance(key, label, limit=allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, kind, field)
    return best


# Closings of letters and e-mails, as a whole line ("Thanks,", "Best regards,", "ขอบคุณครับ"): after the key
# results they start the sign-off (a name, a job title), which is not part of the OKRs.
_CLOSING = lazy_compile(
    r"(?:(?:many |big )?thanks(?: again| so much| a lot| all| everyone)?|thank you(?: all| so much| again| everyone)?"
    r"|cheers|best|all the best|best wishes|(?:best |kind |warm |warmest |many )?regards|(?:yours )?sincerely"
    r"|yours truly|ขอบ(?:พระ)?คุณ(?:มาก)?(?:ๆ)?(?:นะ)?(?:ครับ|ค่ะ|คะ|จ้ะ|จ้า)?|ขอแสดงความนับถือ|ด้วยความเคารพ"
    r"|จึงเรียนมาเพื่อโปรด(?:ทราบ|พิจารณา)(?:และพิจารณา)?)"
    r"[ \t]*[,.!]*",
    re.IGNORECASE,
)


# A deck's closing slide, as its title: "Thank you / Q&A", "Questions?", "ขอบคุณ / ถาม-ตอบ", "Q&A": what follows (the
# date of the data, whom to call) is no key result of the last objective
_CLOSING_SLIDE_PART = r"(?:(?:any |your )?questions\s*\??|q\s*&\s*a|q\s+and\s+a|ถาม\s*[-–]?\s*ตอบ|คำถาม|ซักถาม)"
_CLOSING_SLIDE = lazy_compile(
    rf"(?:{_CLOSING.pattern}|{_CLOSING_SLIDE_PART})(?:\s*(?:[/|&,+·•-]|and|และ)?\s*(?:{_CLOSING.pattern}|{_CLOSING_SLIDE_PART}))*"
    r"[ \t]*[.!?]*",
    re.IGNORECASE,
)


def is_closing(text: str) -> bool:
    """Whether a whole line is the closing of a letter or e-mail ("Thanks,", "Kind regards", "ขอบคุณค่ะ") or the title
    of a deck's closing slide ("Thank you / Q&A", "Questions?", "ขอบคุณ / ถาม-ตอบ")."""
    joined = " ".join(text.split())
    return _CLOSING.fullmatch(joined) is not None or _CLOSING_SLIDE.fullmatch(joined) is not None


# A signature or approval line of a form ("ลงชื่อ ........ ผู้อำนวยการ…", "ผู้อนุมัติ: …", "Approved by: …",
# "Signed: ____"): who signs the document, never an objective's title nor a key result.
_SIGNATURE = lazy_compile(
    r"\W*(?:ลงชื่อ(?=\s*[.…_:：(]|\s*$|\s{2,}|\s+\S*[.…_]{3})|ลายมือชื่อ|ผู้อนุมัติ|ผู้เห็นชอบ|ผู้เสนอ(?!แนะ)|ผู้จัดทำ|ผู้ตรวจสอบ"
    r"|(?:approved|signed|reviewed|prepared|endorsed)\s+by\b|(?:signed|signature|approved|approval|sign[- ]off)\s*[:：_.…]"
    r"|signature\s*$)",
    re.IGNORECASE,
)


def is_signature(text: str) -> bool:
    """Whether a line is a signature or approval line ("ลงชื่อ ......", "Approved by: …", "Signed: ____")."""
    return _SIGNATURE.match(" ".join(text.split())) is not None


def field_of_label(label: str) -> str | None:
    """The field an exactly written label names ("Owner" -> "owner"), for title annotations."""
    return _FIELD_OF_LABEL.get(" ".join(label.lower().split()))


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.

    With ``limit``, stops early and returns ``limit + 1`` once the distance must exceed it.
    """
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
