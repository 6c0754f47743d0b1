"""Field values written in drafts (``Baseline: 400``, ``กำหนดเสร็จ: 31 มี.ค. 2569``, ``(owner: Nok)``).

Values are read the way the YAML loader reads the same fields, so a draft and a YAML file with the same
OKRs give the same model: numbers with ``parse_number``, dates with ``parse_date``, periods with
``parse_period``; a value that cannot be read becomes a FieldProblem that a rule reports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from okrlint.load import is_placeholder_letter
from okrlint.text import regexcache
from okrlint.load.draft_alignment import PROSE_EN, PROSE_TH, reference_to_resolve
from okrlint.load.due_dates import is_month_day
from okrlint.load.draft_labels import ANNOTATION_FIELDS, field_of_label, match_label
from okrlint.model import ExtraField, FieldProblem, Location
from okrlint.text.numbers import as_fraction, is_no_value, parse_number, read_goal_field
from okrlint.text.periods import parse_date, parse_period
from okrlint.text.clip import clipped

if TYPE_CHECKING:
    from okrlint.load.draft import _Line
    from okrlint.load.draft_markup import Content

_NUMBER_FIELDS = ("baseline", "target", "score", "confidence")
_LIST_FIELDS = ("aligns_to", "depends_on")
# `ระดับ:` / `Level:` written as the kind of unit: the whole organisation (a ministry, a department of state, a
# university, a hospital, a province) is the top; a unit directly under it (a faculty, an office, a division) the
# department level; a unit within that (an academic department, a section, a team) the team level.
_LEVELS = {
    "องค์กร": "company", "บริษัท": "company", "องค์การ": "company", "กระทรวง": "company", "กรม": "company",
    "ส่วนราชการ": "company", "มหาวิทยาลัย": "company", "โรงพยาบาล": "company", "จังหวัด": "company",
    "เทศบาล": "company", "โรงเรียน": "company", "สถาบัน": "company", "รัฐวิสาหกิจ": "company", "ธนาคาร": "company",
    # a state enterprise's line of business (องค์กร > สายงาน > ฝ่าย > กอง > แผนก) and a ministry's กลุ่มภารกิจ: the
    # department level, as the ฝ่าย and กอง under them are (three levels; alignment within one is not inverted)
    "สายงาน": "department", "กลุ่มภารกิจ": "department",
    "ฝ่าย": "department", "กอง": "department", "สำนัก": "department", "สำนักงาน": "department",
    "แผนก": "department", "คณะ": "department", "สำนักวิชา": "department", "ส่วนงาน": "department",
    "หน่วยงาน": "department",  # as okrlint's own Thai messages name the department level ("ระดับหน่วยงาน")
    "ทีม": "team", "กลุ่มงาน": "team", "ภาควิชา": "team", "สาขาวิชา": "team", "งาน": "team", "หน่วย": "team",
    "organisation": "company", "organization": "company", "org": "company", "corporate": "company",
    "enterprise": "company", "university": "company", "ministry": "company", "hospital": "company",
    "council": "company", "trust": "company", "group": "company",
    "division": "department", "directorate": "department", "faculty": "department", "function": "department",
    "business unit": "department", "bu": "department", "dept": "department",
    "squad": "team", "pod": "team", "section": "team",
}
# "ระดับคณะ", "Faculty level", "department-level", "คณะ (Faculty)": the level word itself
_LEVEL_WRITTEN = regexcache.compile(r"(?i)^(?:ระดับ\s*)?(?P<word>.+?)(?:[\s-]*level)?(?:\s*[(（].*)?$")
_LANGUAGES = {"thai": "th", "ไทย": "th", "ภาษาไทย": "th", "english": "en", "อังกฤษ": "en", "ภาษาอังกฤษ": "en"}
_REFERENCE_SEPARATOR = regexcache.compile(r"[,;、]|\s+(?:and|และ)\s+")
# A prompt of a form, bracketed as templates write them: "[ระบุชื่อหัวหน้าฝ่าย]", "<your name>", "{owner}"
_PROMPT = regexcache.compile(r"\[[^\]]*\]|<[^>]*>|\{[^}]*\}")
# "(owner: Nok)", "[ผู้รับผิดชอบ: นก; due: 2026-03-31]" at the end of a title, also in italics: "*(Owner: Dan)*"
_ANNOTATION = regexcache.compile(r"\s*[*_]{0,2}[(\[（]([^()\[\]（）]*[:：][^()\[\]（）]*)[)\]）][*_]{0,2}\s*$")
# The same fields after a dash, a bar or a dot closing the title: "… - Owner: Priya", "… | owner: Ravi; due: March"
_DASHED_ANNOTATION = regexcache.compile(
    r"\s+(?:[—–|·•]|-{1,2})\s*([*_]{0,2}[^\W\d_][^:：—–|·•()\[\]]{0,25}[:：][^:：—–|·•()\[\]]*"
    r"(?:[;；,]\s*[^\W\d_][^:：—–|·•()\[\]]{0,25}[:：][^:：—–|·•()\[\]]*)*)\s*$")
_EMPHASIS_MARKS = " \t*_"  # "(*Owner:* Dan)": emphasis inside the annotation is not part of a label or value
_ANNOTATION_PART = regexcache.compile(r"[;；]|,\s*(?=[^\W\d_][^:：,;]{0,25}[:：])")


# One line holding several "label: value" fields, as a slide's info bar or a form line without a table writes them:
# "สอดคล้องกับ: CO1    ผู้รับผิดชอบ: กองเดินเรือ    ความมั่นใจ: 0.7", "Owner: Nok | Confidence: 0.6 · Status: green".
# A wide gap (two spaces or more, a tab) or a separator (|, ·, •, ;) followed by a label and its colon starts the
# next field; a set-field line ("Team: Growth, Period: Q3") may also part them with a comma.
_NEXT_FIELD = regexcache.compile(
    r"(?:[ \t]*\t[ \t]*|[ \u00a0]{2,}|\s*[|;；]\s*|\s+[·•]\s+)(?P<label>[^\W\d_][^:：|;；,·•]{0,24}?)\s*[:：]\s*")
_NEXT_SET_FIELD_COMMA = regexcache.compile(r"\s*,\s*(?P<label>[^\W\d_][^:：|;,]{0,24}?)\s*[:：]\s*")
# labels of a tracker's status, progress or remark in such a line: not fields okrlint reads, but their values are
# no part of the field before them
_OTHER_LINE_LABELS = frozenset({
    "status", "state", "progress", "health", "rag", "trend", "note", "notes", "comment", "comments", "remark",
    "remarks", "updated", "last updated", "สถานะ", "ความคืบหน้า", "ผลการดำเนินงาน", "หมายเหตุ", "ข้อสังเกต",
    "แนวโน้ม", "อัปเดต", "อัพเดต", "ปรับปรุงล่าสุด"})


def split_line_fields(field: str, text: str, *, set_line: bool = False) -> list[tuple[str | None, str, int]]:
    """(field, value, offset in text) of a field's value that holds further "label: value" fields on the same line;
    the field is None for a label okrlint does not read (a status): its value is left out. One part when none."""
    parts: list[tuple[str | None, str, int]] = []
    current: str | None = field
    start = 0
    matches = [(match, False) for match in _NEXT_FIELD.finditer(text)]
    if set_line:
        matches += [(match, True) for match in _NEXT_SET_FIELD_COMMA.finditer(text)]
        matches.sort(key=lambda pair: pair[0].start())
    position = 0
    for match, comma in matches:
        if match.start() < position:
            continue
        label = " ".join(match["label"].lower().split())
        next_field = field_of_label(label)
        if next_field is None and (comma or label not in _OTHER_LINE_LABELS):
            continue
        parts.append((current, text[start:match.start()], start))
        current, start, position = next_field, match.end(), match.end()
    parts.append((current, text[start:], start))
    return parts


def level_of(text: str) -> str:
    """A `level` field's value as one of company, department and team when it names one (or a unit of that level),
    else as written (lower case), for the structure rule to report."""
    match = _LEVEL_WRITTEN.match(" ".join(text.split()).rstrip("."))
    word = match["word"].strip().lower() if match is not None else text.lower()
    for candidate in (text.lower(), word):
        if candidate in ("company", "department", "team"):
            return candidate
        if candidate in _LEVELS:
            return _LEVELS[candidate]
    return text.lower()


@attrs.define
class FieldReader:
    """The fields of one set, objective or key result, with their locations and problems."""

    filename: str
    options: Mapping[str, Any]
    values: dict[str, Any] = attrs.Factory(dict)
    locations: dict[str, Location] = attrs.Factory(dict)
    problems: list[FieldProblem] = attrs.Factory(list)
    extras: list[ExtraField] = attrs.Factory(list)

    def _goal_value(self, field: str, text: str, location: Location) -> float | None:
        """A target written as a bound or a change; a change also gives the baseline when none was given."""
        value, implied_baseline = read_goal_field(field, text)
        if implied_baseline is not None and self.values.get("baseline") is None:
            self.values["baseline"], self.values["baseline_text"] = implied_baseline, text
            self.locations.setdefault("baseline", location)
        return value

    def read(self, field: str, text: str, location: Location) -> None:
        text = text.strip().strip("`").strip()
        if not text or is_no_value(text):
            return  # "-", "N/A", "ไม่มีข้อมูล": no value given, as an empty field
        if field in ("owner", "team") and _PROMPT.fullmatch(text):
            return  # a form's prompt left as it is, "[ระบุชื่อหัวหน้าฝ่าย]", "<name of team lead>": nobody named yet
        if field in _LIST_FIELDS:
            self.locations.setdefault(field, location)
        else:
            self.locations[field] = location  # a field given twice: the last one is used, as in YAML
        if field in _NUMBER_FIELDS:
            value = parse_number(text)
            if value is None and field in ("baseline", "target"):
                value = self._goal_value(field, text, location)
            elif field in ("score", "confidence"):
                value = as_fraction(value, text)
            if value is None and not (field in ("baseline", "target") and is_placeholder_letter(text)):
                self.problems.append(FieldProblem(field, f"'{field}' is {clipped(text, 120)!r}, not a number", location))
            self.values[field] = value
            if field in ("baseline", "target"):
                self.values[f"{field}_text"] = text
        elif field == "due":
            self.values["due"] = parse_date(text)
            self.values["due_text"] = text
            if self.values["due"] is None and not is_month_day(text):  # "Jan 31" takes its year from the period
                self.problems.append(FieldProblem("due", f"'due' is {clipped(text, 120)!r}, not a date", location))
        elif field in _LIST_FIELDS:
            references = tuple(part.strip().strip("`").strip() for part in _REFERENCE_SEPARATOR.split(text))
            if field == "aligns_to":  # "วัตถุประสงค์ที่ 2 ของโรงพยาบาล", "Objective 1 of the council"
                references = tuple(reference_to_resolve(ref) for ref in references)
            self.values[field] = self.values.get(field, ()) + tuple(ref for ref in references if ref)
        elif field == "period":
            self.values["period"] = parse_period(text, fiscal_year_start_month=int(self.options.get("fiscal-year-start-month", 10)))
        elif field == "level":
            self.values["level"] = level_of(text)
        elif field == "language":
            self.values["language"] = _LANGUAGES.get(text.lower(), text.lower())
        elif field == "type":
            self.values["type"] = text.lower()
        elif field in ("owner", "team"):
            self.values[field] = _first_phrase(text)
        else:
            self.values[field] = text

    def read_value(self, field: str, value: Any, location: Location) -> None:
        """A value from YAML front matter: lists stay lists, numbers and dates are read as text."""
        if isinstance(value, (list, tuple)):
            for item in value:
                if item is not None:
                    self.read(field, str(item), location)
        elif value is not None:
            self.read(field, str(value), location)

    def split_annotations(self, title: "Content", line: "_Line") -> tuple[str, list[tuple[str, str, Location]]]:
        """Take a trailing ``(owner: Nok; due: ...)`` (or ``- Owner: Nok``) off a title when every part of it is a known
        field."""
        match = _ANNOTATION.search(title.text, _tail(title.text)) or _DASHED_ANNOTATION.search(title.text, _tail(title.text))
        if not match or match.start() == 0:
            return title.text, []
        found = []
        inner_start = match.start(1)
        position = 0
        for part in _ANNOTATION_PART.split(match.group(1)):
            offset = match.group(1).index(part, position)
            position = offset + len(part)
            pieces = re.split(r"([:：])", part, maxsplit=1)
            if len(pieces) != 3:
                return title.text, []
            label, _, value = pieces
            field = field_of_label(label.strip(_EMPHASIS_MARKS)) or _qualified_field(label.strip(_EMPHASIS_MARKS))
            if field not in ANNOTATION_FIELDS or not value.strip(_EMPHASIS_MARKS):
                return title.text, []
            value_index = inner_start + offset + len(label) + 1
            value_index += len(value) - len(value.lstrip(_EMPHASIS_MARKS))
            found.append((field, value.strip(_EMPHASIS_MARKS), line.location_at(_line_index(line, title, value_index))))
        return title.text[: match.start()].rstrip(), found


def _qualified_field(label: str) -> str | None:
    """A baseline or target label naming the period of its value: "ค่าฐาน ปี ๒๕๖๘", "Baseline FY2025"."""
    found = match_label(f"{label}:")
    if found is None or found.kind != "field" or found.field not in ("baseline", "target"):
        return None
    return found.field if found.rest_start >= len(label) + 1 else None


# A company objective's short code: "CO-2", "CO 2", "C-O2", "CO#2"
_COMPANY_CODE = r"(?:C-O[-\s.#]?|CO[-\s.#])\d{1,2}\b"
# "Win clinics in Chiang Mai (→ CO-1)", "... [supports Company O1]", "... -> O2", "... (CO-2)", "... (สอดคล้อง OKR บริษัทข้อ 3)",
# "... → บริษัทข้อ 2", "... → company objective 2": the objective it aligns to, written after its title (taken off
# the title whether or not the org has it: a reference the org lacks is a dangling one, not words of the title)
_TRAILING_ALIGNMENT = regexcache.compile(
    r"\s*(?:[(\[]\s*(?:→|->|⇒|➜|↑|(?i:supports?|supporting|aligns?\s+(?:to|with)|aligned\s+(?:to|with)"
    r"|contributes\s+to|ladders\s+up\s+to|rolls\s+up\s+to)\b"
    r"|สนับสนุน|สอดคล้อง(?:กับ)?|ตอบสนอง(?:ต่อ)?|เชื่อมโยง(?:กับ)?|ตอบโจทย์)\s*[:：]?\s*"
    r"(?P<bracketed>[^()\[\]]{1,60}?)\s*[)\]]"
    r"|\s(?:→|->|⇒)\s*(?P<arrowed>[A-Za-z]{1,4}[ .-]?[A-Za-z]?[ .-]?\d{1,2}|[\w-]+/[\w.-]+)"  # "-> O2", "→ co/o1"
    rf"|\s*(?:→|->|⇒)\s*(?P<named>{PROSE_TH}|(?i:{PROSE_EN}))"
    # a tag that holds a reference and nothing else: "(CO-2)", "[C-O2]", "(Company O2)", "(วัตถุประสงค์ที่ 2 ของบริษัท)",
    # "· CO-2" ("(CO2)" alone may be carbon dioxide: the code needs its separator)
    rf"|\s*[(\[]\s*(?P<tagged>{_COMPANY_CODE}|{PROSE_TH}|(?i:{PROSE_EN}))\s*[)\]]"
    rf"|\s+[·•]\s*(?P<dotted>{_COMPANY_CODE}))\s*$"
)


# "... — 🟢 On track", "... - ✅ Done", "... (At risk)": a tracker's status after a title, not part of it
_STATUS_MARK = (r"[\U0001F7E0-\U0001F7EB\u2705\u274C\u26A0\u23F3\U0001F6A7\u2B55\u26AA\u26AB\U0001F534"
                r"\U0001F535]\uFE0F?")
_STATUS_WORD = (r"(?i:on\s+track|off\s+track|at\s+risk|done|completed?|in\s+progress|not\s+started|blocked"
                r"|behind|ahead|ตามแผน|ล่าช้า|เสร็จแล้ว|กำลังดำเนินการ|ยังไม่เริ่ม)")
_TRAILING_STATUS = regexcache.compile(
    rf"\s*(?:[—–-]+\s*|\(\s*)(?:{_STATUS_MARK}\s*)?{_STATUS_WORD}\s*\)?\s*$"
    # "... (owner: Sam) 🟡 at risk", "... 🟢": a status mark opens it, with or without a word
    rf"|(?:\s+|\s*[—–-]+\s*)(?:{_STATUS_MARK}\s*)+(?:{_STATUS_WORD})?\s*$"
)


# What closes a title (a status, a note, a confidence, a reference) is looked for in its last characters only: a
# pattern opening with \s* and searched along a title of 200,000 spaces would try each of them (minutes).
_TAIL = 400


def _tail(text: str) -> int:
    return max(0, len(text.rstrip()) - _TAIL)


def _target_before(text: str, end: int) -> bool:
    """Whether a target's word ("to", "เป็น", ":") stands right before ``end``."""
    return _TARGET_BEFORE.search(text[max(0, end - 40): end].rstrip() + " ") is not None


def status_start(title: str) -> int:
    """Where a tracker's status after a title starts ("... (owner: Sam) 🟡 at risk"); its length when none."""
    match = _TRAILING_STATUS.search(title, _tail(title))
    return match.start() if match and match.start() > 0 else len(title)


# "Launch the donor CRM [TBC]", "... (stretch)": a note on the whole key result, unless it stands where the target
# belongs ("Raise NPS to [TBC]": a placeholder, which kr-placeholder reports)
_TRAILING_NOTE = regexcache.compile(r"\s*[(\[]\s*(?i:tbc|to\s+be\s+confirmed|stretch|draft|optional|wip|new)\s*[)\]]\s*$")
_TARGET_BEFORE = regexcache.compile(r"(?i:\b(?:to|at|of|reach|by)|เป็น|ให้ได้|[:=→>])\s*$")


# "... — @tchen — 🟢 score **0.8**", "... | @ana | 🟡 0.5": a tracker's owner handle, status and score after a title
_TAIL_SEGMENT = regexcache.compile(r"\s*(?:\s[—–|·-]+|[—–|·]+)\s*(?P<segment>[^—–|·]{1,40}?)\s*$")
# "@tchen", "@Jon Park", "@Tomás Reyes", "@สมศักดิ์ ใจดี": a handle, or a mention of a person's name (Notion, Slack)
_TAIL_OWNER = regexcache.compile(
    r"@[\w\u0e01-\u0e4e.-]{2,39}(?:\s+[A-Z][\w'’.-]*){0,2}|@[\u0e01-\u0e4e]{2,30}(?:\s+[\u0e01-\u0e4e]{2,30})?")
# "(@lindqvist)", "[@okoye]" closing a title, as a README's OKRs name their owner
_BRACKETED_HANDLE = regexcache.compile(
    r"\s*[(\[]\s*(?P<owner>@[\w\u0e01-\u0e4e.-]{2,39}(?:\s*[,/&]\s*@[\w\u0e01-\u0e4e.-]{2,39}){0,3})\s*[)\]]\s*$")
# "7/10", "8 / 10": a confidence out of ten, read only after an owner or a "·" (Notion's "— @Jon Park · 7/10")
_TAIL_CONFIDENCE = regexcache.compile(r"(?:10|[0-9](?:\.[0-9])?)\s*/\s*10")
# "confidence 0.7", "Confidence: 70%", "ความมั่นใจ 0.7", "conf 7/10", "ระดับความมั่นใจ สูง": a confidence the tail labels
_TAIL_LABELLED_CONFIDENCE = regexcache.compile(
    r"\**(?:(?i:confidence|conf\.?)|(?:ระดับ)?ความมั่นใจ)\**\s*[:：=]?\s*\**(?P<value>"
    r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?\s*(?:%|/\s*(?:10|5|100))?|(?i:high|medium|med|low)|สูง|ปานกลาง|ต่ำ)\**")
_TAIL_STATUS = regexcache.compile(
    r"(?P<mark>(?:[\U0001F7E0-\U0001F7EB\u2705\u274C\u26A0\u23F3\U0001F6A7\u2B55\u26AA\u26AB\U0001F534\U0001F535]\uFE0F?\s*)+)?"
    r"(?P<word>(?i:on\s+track|off\s+track|at\s+risk|done|completed?|in\s+progress|not\s+started|blocked|behind|ahead"
    r"|ตามแผน|ล่าช้า|เสร็จแล้ว|กำลังดำเนินการ|ยังไม่เริ่ม))?\s*"
    r"(?:(?P<label>(?i:score|graded?|คะแนน))\s*[:=]?\s*)?\**(?P<score>\d?\.\d{1,2}|[01](?:\.\d{1,2})?|\d\.\d{1,2})?\**"
)


# A check-in's progress closing a title: "… — progress 45%", "… — 45% done", "… | ความคืบหน้า 45%", "… — เสร็จ 100%", or
# a bare "… — 45%", read so only where the draft shows it is progress (see ``read_tracker_tail``)
_PROGRESS_BEFORE = (r"(?i:progress|prog\.|done|completed?|completion|achieved|actual)"
                    r"|(?:ความ)?คืบหน้า|ผลการดำเนินงาน|ดำเนินการแล้ว|เสร็จ(?:แล้ว)?|สำเร็จ(?:แล้ว)?|ทำได้(?:แล้ว)?")
_PROGRESS_AFTER = r"(?i:done|complete(?:d)?|achieved|there)|เสร็จ(?:แล้ว)?|สำเร็จ(?:แล้ว)?"
_PROGRESS_VALUE = r"[0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{1,2})?\s*%"
_TAIL_PROGRESS = regexcache.compile(
    rf"(?:(?P<before>{_PROGRESS_BEFORE})\s*[:：=]?\s*)?\**(?P<value>{_PROGRESS_VALUE})\**"
    rf"(?:\s*(?P<after>{_PROGRESS_AFTER}))?")
# "… (45% done)", "… [progress: 45%]", "… (ความคืบหน้า 45%)": labelled, in brackets
_BRACKETED_PROGRESS = regexcache.compile(
    rf"\s*[(\[]\s*(?:(?:{_PROGRESS_BEFORE})\s*[:：=]?\s*{_PROGRESS_VALUE}|{_PROGRESS_VALUE}\s*(?:{_PROGRESS_AFTER}))"
    r"\s*[)\]]\s*$")
# a bare figure after a dash or bar with a space on each side: "… — 45%", "… - 45%", "… | 45%" (not "18%–30%")
_BARE_PROGRESS = regexcache.compile(rf"\s+[—–|·-]{{1,2}}\s+\**{_PROGRESS_VALUE}\**\s*$")
# A tracker's status mark: "✅ KR1: …", "🟡 …", "[x] …"
STATUS_MARK = regexcache.compile(_STATUS_MARK + r"|\[[xX✓✔]\]")


def bare_progress_start(title: str) -> int | None:
    """Where a bare percentage after a spaced dash closing a title starts ("Launch the wallet — 100%"), or None."""
    if "%" not in title[-12:]:
        return None
    match = _BARE_PROGRESS.search(title, _tail(title))
    return match.start() if match is not None and match.start() > 0 else None


# "… from £24 to £18 (0.6)", "Improve ROAS (0.7)[a]": a bare number from 0 to 1 in brackets closing a key result (a
# Google Docs comment anchor may follow it)
_BRACKETED_CONFIDENCE = regexcache.compile(
    r"\s*[(\[]\s*(?P<value>0?\.[0-9]{1,2}|1\.0{1,2})\s*[)\]]\s*(?:\[[a-z]{1,2}\])?\s*$")
_A_NUMBER = regexcache.compile(r"[0-9๐-๙]")


def ends_with_bracketed_confidence(text: str) -> bool:
    """Whether ``text`` ends with a bare number from 0 to 1 in brackets ("(0.6)")."""
    if not (")" in text[-10:] or "]" in text[-10:]):
        return False
    match = _BRACKETED_CONFIDENCE.search(text, _tail(text))
    return match is not None and match.start() > 0 and not _target_before(text, match.start())


def split_bracketed_confidence(text: str, habit: bool) -> tuple[str, str | None]:
    """A key result's title without a bare "(0.6)" closing it, and that confidence, when it is one: the key result
    has its measure before it ("Cut cost per order from £24 to £18 (0.6)", "Send 48 newsletters (0.9)") or the
    document closes its key results so (``habit``: "Improve ROAS on Google Shopping (0.7)" among them). After a
    target's word ("Raise the Gini coefficient to (0.6)") or with a label ("(target 0.4)") it is no confidence."""
    match = _BRACKETED_CONFIDENCE.search(text, _tail(text))
    if match is None or match.start() == 0:
        return text, None
    before = text[:match.start()]
    if _target_before(before, len(before)) or not (habit or _A_NUMBER.search(before)):
        return text, None
    return before.rstrip(), match["value"]


def split_tracker_tail(title: str) -> tuple[str, str | None, str | None]:
    """A key result's title without a tracker's tail, and the owner handle and score written in it."""
    text, owner, score, _ = read_tracker_tail(title)
    return text, owner, score


def read_tracker_tail(title: str) -> tuple[str, str | None, str | None, str | None]:
    """A key result's title without a tracker's tail, and the owner handle, score and confidence written in it.

    The tail is read only when it holds a handle, a status mark or word, a progress its word names, or the word
    "score": a bare number after a dash ("Defect density — 0.5") stays part of the title. A confidence out of ten
    ("· 7/10") is read after a "·" or with an owner before it ("— @Jon Park · 7/10"); after a dash alone ("Rating
    — 8/10") it is the title's. A confidence its label names ("· confidence 0.7", "| Confidence: 70%", "— ความมั่นใจ
    0.7") is read after any of them. A check-in's progress its word names ("— progress 45%", "— 45% done",
    "(ความคืบหน้า 45%)") is taken off, not kept; a bare "— 45%" is left to the caller (``bare_progress_start``):
    "Raise card payments — 40%" may be the target.
    """
    owner = score = confidence = None
    sure = confidence_needs_owner = False
    end = len(title)
    progress = _BRACKETED_PROGRESS.search(title, _tail(title)) if "%" in title[-40:] else None
    if progress is not None and progress.start() > 0:  # "… to 30% (45% done)": how far it has come
        sure, end = True, progress.start()
    head = title[:end].rstrip() if end < len(title) else title
    bracketed = _BRACKETED_HANDLE.search(head, _tail(head))
    if bracketed is not None and bracketed.start() > 0:  # "… from 9 days to 2 days (@lindqvist)": its owner
        owner, sure, end = bracketed["owner"], True, bracketed.start()
    for _ in range(4):
        match = _TAIL_SEGMENT.search(title, max(0, end - _TAIL), end)
        if match is None or match.start() == 0:
            break
        segment = match["segment"]
        labelled = _TAIL_LABELLED_CONFIDENCE.fullmatch(segment) if confidence is None else None
        progress = _TAIL_PROGRESS.fullmatch(segment) if "%" in segment else None
        if progress is not None and (progress["before"] or progress["after"]):
            sure = True  # "— 45% done" of a check-in: how far it has come, no part of the title nor its target
        elif _TAIL_OWNER.fullmatch(segment):
            owner, sure = owner or segment, True
        elif labelled is not None:  # "· confidence 0.7": labelled, so after any separator
            confidence, sure = labelled["value"], True
        elif confidence is None and owner is None and _TAIL_CONFIDENCE.fullmatch(segment):
            confidence = segment
            confidence_needs_owner = "·" not in title[match.start():match.start("segment")]
        else:
            status = _TAIL_STATUS.fullmatch(segment)
            if status is None or not segment.strip("* "):
                break
            if status["mark"] or status["word"] or status["label"]:
                sure = True
            score = score or status["score"]
        end = match.start()
    if confidence is not None and confidence_needs_owner and owner is None:
        return title, None, None, None
    if not sure and confidence is None:
        return title, None, None, None
    return title[:end].rstrip(), owner, score, confidence


def without_trailing_status(title: str) -> str:
    match = _TRAILING_STATUS.search(title, _tail(title))
    if match and match.start() > 0:
        return title[: match.start()].rstrip()
    note = _TRAILING_NOTE.search(title, _tail(title))
    if note and note.start() > 0 and not _target_before(title, note.start()):
        return title[: note.start()].rstrip()
    return title


def split_trailing_alignment(title: str) -> tuple[str, str | None]:
    """An objective title without the reference written after it, and that reference (or None)."""
    match = _TRAILING_ALIGNMENT.search(title, _tail(title))
    if match is None or match.start() == 0:
        return title, None
    reference = match["bracketed"] or match["arrowed"] or match["named"] or match["tagged"] or match["dotted"]
    return title[: match.start()].rstrip(" -–—:"), reference.strip()


def _line_index(line: "_Line", title: "Content", index: int) -> int:
    """Index in the line's content of ``title.text[index]``."""
    if index >= len(title.offsets):
        return len(line.content.text)
    return line.content.offsets.index(title.offsets[index])


_PHRASE_END = regexcache.compile(r"\s+[·•|]\s+|(?<=[\w)\]])\.\s+(?=\S)")
# Words a period follows without ending a sentence: titles and initials ("Dr. Lee", "J. Osei", "U.S. team")
_ABBREVIATION = regexcache.compile(r"(?i:dr|mr|mrs|ms|mx|prof|st|jr|sr|no|vs|etc|inc|ltd|co|corp|dept|govt|ผศ|รศ|ดร|นพ|พญ)|\w", re.UNICODE)


# When the figures date from, written after a name in a tracker's title cell: "หน่วยงาน: กองช่าง     ข้อมูล ณ วันที่
# 20 พ.ย. 2569", "Team: Payments (as of 3 Nov)", "ฝ่ายบัญชี ปรับปรุงล่าสุด 1/11/69", "Growth — updated 2 Nov"
_AS_OF = regexcache.compile(
    r"(?:\s+[(\[（]?|\s*[(\[（]|\s*[|·•,;–—-]\s*|\s*\t\s*)"
    r"(?:ข้อมูล\s*(?:ณ|ถึง|เมื่อ)|ณ\s*วันที่|(?:วันที่\s*)?(?:ปรับปรุง|อัป?พ?เดท?|อัปเดต|อัพเดต)(?:ข้อมูล)?(?:ล่าสุด)?"
    r"(?=\s*(?:[:：]|เมื่อ|วันที่|ณ|[0-9๐-๙]))"
    r"|(?i:(?:data|status|figures)\s+)?(?i:as\s+(?:of|at)\b)|(?i:(?:last\s+)?updated\b)(?=\s*(?:[:：]|on\b|[0-9]|[A-Z][a-z]{2})))")


# A telephone number after a name, as a memo's header or a form gives it: "สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗",
# "กองคลัง โทรศัพท์ 0 2123 4567", "Finance team, tel. 020 7946 0000"; or the memo's next field after a wide gap
# ("กองคลัง    ที่ มท ๐๘๐๘/๑๒๓", "…    วันที่ ๑๘ กันยายน ๒๕๖๙")
_CONTACT = regexcache.compile(
    r"(?:\s+|\s*[,;|(]\s*)(?:โทร(?:ศัพท์|สาร)?\.?\s*[:：]?\s*[0-9๐-๙(+]|โทร(?:ศัพท์|สาร)?\.|โทร(?:ศัพท์|สาร)?\s*[:：]"
    r"|(?i:tel|phone|ph|ext)\s*[.:]\s*[0-9+(]|(?i:tel|phone)\s+[0-9+(])"
    r"|(?:\s{2,}|\t)\s*(?:ที่|วันที่)(?:\s|[:：])")


def _first_phrase(text: str) -> str:
    """A name written before a note: "Platform team. Reviewed monthly with the CTO." → "Platform team",
    "@maria · Last edited Jul 2" → "@maria", "@amira (Product Lead). Part of the [roadmap](https://…)." →
    "@amira (Product Lead)" ("J. Osei" and "Dr. Lee" stay whole: initials and titles), "กองช่าง ข้อมูล ณ วันที่
    20 พ.ย. 2569" → "กองช่าง" (when the figures date from), "สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗" → "สายงานบริการลูกค้า"
    (its phone number)."""
    as_of = _AS_OF.search(text)
    if as_of is not None and as_of.start() > 0:
        text = text[: as_of.start()].rstrip()
    contact = _CONTACT.search(text)
    if contact is not None and contact.start() > 0:
        text = text[: contact.start()].rstrip(" ,;|(")
    for match in _PHRASE_END.finditer(text):
        if "." in match.group(0):
            before = re.search(r"[\w.]+(?=\.$)", text[: match.start() + 1])
            if before is not None and (_ABBREVIATION.fullmatch(before.group(0))
                                       or re.fullmatch(r"(?:\w\.)+\w", before.group(0))):
                continue  # "Dr. Lee", "J. Osei", "U.S. team"
        return text[: match.start()].rstrip(".")
    return text.rstrip(".")
