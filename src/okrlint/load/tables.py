"""Tables (spreadsheet sheets, Word tables) → OKR sets, the same model the YAML loader builds.

A :class:`Table` is a grid of cell values plus a function naming each cell's position. The layouts
people use are all read:

* one row per key result, the objective repeated on every row, or written once and left blank (or
  merged) below;
* an objective row (only the objective cell filled) followed by its key-result rows;
* a team column that splits the rows into sets, or one set per table (named by the caller).

Generated ids follow the YAML loader: ``team/o2`` and ``<objective uid>/kr3``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from okrlint.text.clip import clipped
from okrlint.text import regexcache
from okrlint.load import key_result_values, is_placeholder_letter
from okrlint.load.columns import KR_STATEMENT, Header, MappingError, check_mapping, field_for_header, find_header, normalise
from okrlint.load.draft_labels import FIELD_LABELS as _DRAFT_FIELD_LABELS
from okrlint.load.draft_labels import _NOTE_LABELS as DRAFT_NOTE_LABELS
from okrlint.load.due_dates import is_month_day, settle_month_day_dues
from okrlint.load.draft_fields import level_of
from okrlint.model import FORMULA_FIELD, FieldProblem, InputError, KeyResult, LoadResult, Location, Objective, OKRSet
from okrlint.text.numbers import as_fraction, is_no_value, normalize_digits, parse_number, read_goal_field
from okrlint.text.periods import current_fiscal_year, parse_date, parse_period

FORMULA = FORMULA_FIELD
_TEAM_LABELS = _DRAFT_FIELD_LABELS["team"]

KR_ROW_FIELDS = ("baseline", "target", "unit", "due", "depends_on", "score", "confidence")

_DIGITS = "0-9๐-๙"
_NUMBERING = regexcache.compile(
    rf"""^\s*(?:[•▪◦●○■□\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\-*–]\s*)?                    # a bullet
    (?:(?:KRs?|key\s*results?|O|obj(?:ective)?|ผลลัพธ์หลัก|ผลลัพธ์ที่สำคัญ|ตัวชี้วัด|วัตถุประสงค์)\s*(?:ที่)?\s*
         [{_DIGITS}]{{1,3}}(?:\.[{_DIGITS}]{{1,3}})*\s*[:：.)\-–—]?   # KR1: / O2. / ตัวชี้วัดที่ 1.1
      |[{_DIGITS}]{{1,3}}[.)](?![{_DIGITS}])                          # 1. / 2)
      |[{_DIGITS}]{{1,2}}(?:\.[{_DIGITS}]{{1,2}}){{2,}}\.?(?=\s|[\u0e01-\u0e2e])  # ๓.๒.๒: never a value
      |[{_DIGITS}]{{1,2}}(?:\.[{_DIGITS}]{{1,2}})+\.?(?=\s|[\u0e01-\u0e2e])  # 1.2 / ๑.๑ (an outline number)
       (?!\s*(?:%|percent|million|billion|thousand|[kmb]\b|ล้าน|พัน|หมื่น|แสน|เท่า|คะแนน|ดาว|stars?|points?|times|x\b))
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_BULLET = regexcache.compile(r"^\s*(?:[•▪◦●○■□\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8*]|[-–](?=\s))\s*")
_REFERENCE_SPLIT = regexcache.compile(r"[,;，、\n]+")
_ID_LIKE = regexcache.compile(r"\S*[\d/]\S*")


def strip_numbering(text: str) -> str:
    """Drop a leading "KR1:", "O2.", "1)", "ตัวชี้วัดที่ 1.1" or bullet that numbers a title in a cell, and a status
    emoji before it ("🟢 Raise ...")."""
    from okrlint.load.draft_markup import without_decoration

    text = without_decoration(text)
    match = _NUMBERING.match(text)
    if match and match.end() < len(text):
        return text[match.end():].strip()
    return _BULLET.sub("", text).strip()


# The number of an objective's cell, "3. เพิ่มรายได้…", "2) Grow revenue"
_OBJECTIVE_NUMBER = regexcache.compile(rf"\s*(?P<number>[{_DIGITS}]{{1,2}})[.)]\s")
_OUTLINE_NUMBER = regexcache.compile(rf"\s*(?P<head>[{_DIGITS}]{{1,2}})\.(?P<minor>[{_DIGITS}]{{1,2}})\s+(?=\S)")


def _without_outline_number(title: str, objective: str, place: int) -> str:
    """``title`` without the outline number of the key result at ``place`` (from 1) of objective ``objective``
    ("3.2" for the second of objective 3; "1.5 million users" opening the first of objective 1 is kept)."""
    outline = _OUTLINE_NUMBER.match(title)
    if outline is None or normalize_digits(outline["head"]) != objective \
            or normalize_digits(outline["minor"]).lstrip("0") != str(place):
        return title
    return title[outline.end():].strip()


@attrs.frozen
class Table:
    """One grid of values (str, float, int, bool, date or None) read from a sheet or a Word table.

    ``locate(row, column)`` (0-based) gives the Location people can find. ``team`` names the set when
    the table has no team column. ``formula_cells`` are cells holding a formula with no computed value.
    An ``optional`` table (a Word table that may be a layout or revision table) is skipped silently when
    it has no OKR header, instead of being an input error. ``file_team`` is set on a workbook's sheets: the
    team a sheet stands for when it is the workbook's only sheet of OKRs (otherwise ``team``, the sheet name).
    """

    rows: Sequence[Sequence[Any]]
    locate: Callable[[int, int], Location]
    team: str
    name: str | None = None  # sheet name, for messages
    formula_cells: frozenset[tuple[int, int]] = frozenset()
    optional: bool = False
    file_team: str | None = None
    problems: tuple[InputError, ...] = ()  # input errors met while reading it, the rest still read (an unclosed quote)


@attrs.define
class _DraftKR:
    title: str
    location: Location
    fields: dict[str, Any] = attrs.field(factory=dict)
    locations: dict[str, Location] = attrs.field(factory=dict)
    problems: list[FieldProblem] = attrs.field(factory=list)


@attrs.define
class _DraftObjective:
    title: str
    location: Location
    fields: dict[str, Any] = attrs.field(factory=dict)
    locations: dict[str, Location] = attrs.field(factory=dict)
    problems: list[FieldProblem] = attrs.field(factory=list)
    key_results: list[_DraftKR] = attrs.field(factory=list)
    table: Any = None  # the table it was started in
    outline: str | None = None  # its number in the table's outline ("3" of "3. …", or of its key results' "3.1")


@attrs.define
class _DraftSet:
    team: str
    location: Location
    fields: dict[str, Any] = attrs.field(factory=dict)
    locations: dict[str, Location] = attrs.field(factory=dict)
    problems: list[FieldProblem] = attrs.field(factory=list)
    objectives: list[_DraftObjective] = attrs.field(factory=list)
    titled: set[str] = attrs.field(factory=set)  # fields given by the title rows above a table, not by its rows

    @property
    def current(self) -> _DraftObjective | None:
        return self.objectives[-1] if self.objectives else None


# A remark written in a row of the table ("Notes: values pulled from Zendesk on 15 Aug", "หมายเหตุ: ข้อมูล ณ
# 30 มิ.ย.", "Source: CRM"): the drafts' note labels, and where the figures come from. Never an objective or a
# key result. The label needs its colon (or a dash); หมายเหตุ / ข้อสังเกต, which are never the start of a title,
# also a space.
NOTE_LABELS = tuple(dict.fromkeys((*DRAFT_NOTE_LABELS, "source", "sources", "data source", "data sources",
                                   "ที่มา", "ที่มาของข้อมูล", "แหล่งข้อมูล", "แหล่งที่มา", "แหล่งที่มาของข้อมูล")))
_NOTE_ROW = regexcache.compile(
    r"^[\s*※(\[]*(?:(?:" + "|".join(sorted(map(re.escape, NOTE_LABELS), key=len, reverse=True)) + r")"
    r"(?:\s*[0-9๐-๙]{1,2})?\s*(?:[:：]|[-–—]\s)|(?:หมายเหตุ|ข้อสังเกต)\s)",
    re.IGNORECASE,
)


# A row under a table that says when, by whom or from where it was made: "Last updated 11 Dec by J. Okafor", "Updated
# by RevOps", "Exported from Google Sheets on 3 Jan", "Data as of 30 Sep", "อัปเดตล่าสุด 11 ธ.ค.", "ข้อมูล ณ วันที่ 30 ก.ย.",
# "จัดทำโดย กองแผนงาน". Read only in a row of one filled cell: never a team, an objective or a key result.
_METADATA_ROW = regexcache.compile(
    r"[\s*※(\[]*(?:(?i:last\s+(?:updated|modified|edited|changed|refreshed|saved|synced|reviewed)"
    r"|(?:updated|modified|edited|exported|generated|printed|refreshed|compiled|prepared|maintained|downloaded|pulled)"
    r"\s+(?:on|by|at|from|via)\b|exported\s*[:：]|data\s+as\s+(?:of|at)\b|as\s+(?:of|at)\s+[0-9]"
    r"|(?:figures|numbers|data)\s+(?:pulled|taken)\s+from\b)"
    r"|(?:อัปเดต|อัพเดท|อัพเดต|อัปเดท|ปรับปรุง|แก้ไข)(?:ข้อมูล)?\s*(?:ล่าสุด|เมื่อ|โดย)|ข้อมูล\s*ณ\s*(?:วันที่)?\s*[0-9๐-๙]"
    r"|ณ\s*วันที่\s*[0-9๐-๙]|จัดทำโดย|ผู้จัดทำ\s*[:：]|ส่งออก(?:ข้อมูล)?(?:จาก|เมื่อ)|พิมพ์เมื่อ|ดึงข้อมูล(?:จาก|เมื่อ))")


def _is_metadata_row(cells: Sequence[Any]) -> bool:
    """A row of one cell that says when, by whom or from where the table was made ("Last updated 11 Dec by J. Okafor
    (RevOps)", "อัปเดตล่าสุด 11 ธ.ค. 2569"): a note under the table, not a team or an OKR."""
    texts = {" ".join(text.split()) for cell in cells if (text := cell_text(cell)) and text.strip()}
    return len(texts) == 1 and _METADATA_ROW.match(next(iter(texts))) is not None


def is_note_text(text: str) -> bool:
    """A cell that opens a remark: "Notes: ...", "NB: ...", "Source: ...", "หมายเหตุ ...", "ที่มา: ..."."""
    return _NOTE_ROW.match(text) is not None


# The mark of a footnote as statistics tables write it, "1/", "2/" (Thai government tables), "*", "**", "※", "†"
_FOOTNOTE_MARK = regexcache.compile(r"\s*(?:[0-9๐-๙]{1,2}/|\*{1,3}|[※†‡])\s*(?=[^\W\d_])")
# ... after a value it qualifies: "45,000 2/", "90*"
FOOTNOTE_AFTER_VALUE = regexcache.compile(r"(?<=[0-9๐-๙%])\s*(?:\s[0-9๐-๙]{1,2}/|\*{1,3}|[※†‡])\s*$")


def _is_footnote_row(cells: Sequence[Any]) -> bool:
    """A row holding one cell that opens with a footnote's mark: "2/ Target may change with the approved budget",
    "* Provisional figures" under the table (never an objective)."""
    texts = [text for cell in cells if (text := cell_text(cell))]
    return len(texts) == 1 and _FOOTNOTE_MARK.match(texts[0]) is not None


# A form's worked example in a title cell: "ตัวอย่าง: …", "ตัวอย่างที่ 1 – …", "Example: …", "e.g. …", and in brackets
# with no colon, "(ตัวอย่าง) ประชาชนมีน้ำประปาใช้", "[Example] Reduce churn"
_EXAMPLE_CELL = regexcache.compile(
    r"\s*(?:[(\[（]\s*(?:ตัวอย่าง|ตย\.|(?i:example|sample|e\.g\.?|ex\.))\s*(?:ที่\s*)?[0-9๐-๙]{0,2}\s*[)\]）]\s*[:：\-–—]?"
    r"|(?:ตัวอย่าง|(?i:example|sample))\s*(?:ที่\s*)?[0-9๐-๙]{0,2}\s*[:：\-–—]|(?i:e\.g\.)\s*[:：\-–—]?(?=\s))")
# The same mark in a cell of its own beside the titles: "ตัวอย่าง" in the ลำดับ / No. column, "Example", "e.g.",
# "ตัวอย่างเท่านั้น" / "Example only" in the notes
_EXAMPLE_MARK = regexcache.compile(
    r"\s*[(\[（]?\s*(?:ตัวอย่าง(?:การกรอก|เท่านั้น)?|ตย\.|(?i:examples?|e\.g\.?|ex\.?|(?:for\s+)?example\s+only|sample(?:\s+only)?))"
    r"\s*(?:ที่\s*)?[0-9๐-๙]{0,2}\s*[)\]）]?\s*[:：.]?\s*")
# A title right above the header that shows the table under it as the form's worked example: "ตัวอย่างการกรอก",
# "ตัวอย่าง OKR ระดับกอง", "Example", "Worked example (delete before use)", "e.g."
_EXAMPLE_TITLE = regexcache.compile(
    r"\s*[(\[（]?\s*(?:ตัวอย่าง|ตย\.|(?i:(?:a\s+)?(?:worked\s+)?examples?\b|samples?\b|e\.g\.?(?!\w)))")
# A workbook's sheet that explains how to fill the others in, its tables their examples: "คำชี้แจง", "คำแนะนำการกรอก",
# "วิธีกรอก", "ตัวอย่าง", "คู่มือ", "Instructions", "How to fill in", "README", "Example"
_INSTRUCTIONS_SHEET = regexcache.compile(
    r"\s*(?:(?:คำชี้แจง|คำแนะนำ|วิธี(?:การ)?(?:กรอก|ใช้|เขียน)|ตัวอย่าง|คู่มือ).{0,30}"
    r"|(?i:instructions?|how\s+to(?:\s+\S+){0,3}|guidelines?|guide|read\s*me|(?:worked\s+)?examples?(?:\s+okrs?)?"
    r"|samples?(?:\s+okrs?)?|example\s+sheet))\s*")
# A prompt of the form left as it is: "[ระบุวัตถุประสงค์ที่ 4 (ถ้ามี)]", "<your objective>", "{objective}"
_PROMPT_CELL = regexcache.compile(r"\s*(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\})\s*")
# A value a form leaves for the team to fill in beside its prompts: "X", "Y" (of "from X to Y"), "N", "Z", "xx%",
# "TBD", "…", "___". In a row whose objective is still the form's prompt, these are no values either.
_PLACEHOLDER_CELL = regexcache.compile(r"\s*(?:[XYNZ]|[xX]{2,3}\s*%?|TBD|TBC|\?{1,3}|…|\.{3}|_{2,})\s*")
# ... and the measure it sums or averages: "Average confidence", "Avg score", "Total KRs", "เฉลี่ยความเชื่อมั่น"
_TOTAL_ROW = regexcache.compile(
    r"(?:(?i:(?:grand\s+|sub-?)?totals?|sum|average|avg\.?|overall|mean)"
    r"(?i:\s+(?:of\s+)?(?:the\s+)?(?:confidence|score|scores|grade|grades|grading|progress|completion|%\s*complete"
    r"|krs?|key\s+results?|objectives?|okrs?|status))?\s*(?:\([^()]{0,20}\))?"
    r"|(?:รวม(?:ทั้งหมด|ทั้งสิ้น)?|ผลรวม|ค่าเฉลี่ย|เฉลี่ย|สรุป)\s*(?:ความเชื่อมั่น|คะแนน|ความคืบหน้า|ผลลัพธ์หลัก|วัตถุประสงค์)?)"
    # the sum or average written after it: "TOTAL KRs: 9", "Total = 12", "Average confidence 0.7", "รวม 9 ข้อ"
    r"\s*(?:[:=]\s*|(?<=[^\W\d_])\s+|(?<=\))\s*)?(?:[0-9๐-๙][0-9๐-๙,.]*\s*%?\s*(?:(?i:krs?|objectives?|kpis?)"
    r"|ตัวชี้วัด|ผลลัพธ์หลัก|วัตถุประสงค์|เป้าประสงค์|ข้อ|ตัว|รายการ)?\s*)?:?")


# The sum or count of a totals row in the next title column: "9", "9 KRs", "72%", "10 ตัวชี้วัด" (the count word of
# Thai forms: ตัวชี้วัด, ผลลัพธ์หลัก, ข้อ)
_COUNT_CELL = regexcache.compile(r"\s*[0-9๐-๙][0-9๐-๙,.]*\s*%?\s*(?:(?i:krs?|key\s+results?|objectives?|okrs?|kpis?)"
                                 r"|ตัวชี้วัด|ผลลัพธ์หลัก|วัตถุประสงค์|เป้าประสงค์|ข้อ|ตัว|รายการ)?\s*")
# The status column of a tracker: "Status", "KR status", "Current status", "สถานะ"; not "Status note"
_STATUS_HEADER = regexcache.compile(
    r"\s*(?i:(?:kr|key\s+result|objective|okr|current|rag|delivery)\s+)?(?i:status|state)\s*|\s*สถานะ(?:ปัจจุบัน)?\s*")


def _status_column(cells: Sequence[Any], header: Header) -> int | None:
    """The column of the header row that gives each row's status, when no field is read from it."""
    used = set(header.columns.values())
    for column, cell in enumerate(cells):
        if column not in used and isinstance(cell, str) and _STATUS_HEADER.fullmatch(cell):
            return column
    return None


# A title row packing several fields, each after a separator: "Q1 2027 (Jan–Mar) · Owner: … · Aligns to: CO-2"
_TITLE_FIELD_SPLIT = regexcache.compile(r"\s+[·•|¦]\s+|\s*[·•]\s*(?=\S+\s*\S*\s*[:：])")
_TITLE_FIELD_LABEL = regexcache.compile(r"[^\s\d:：|·•][^:：|·•]{0,40}?[:：]\s*\S")


# Two or more spaces (or a tab) before a label and its colon: "หน่วยงาน: สำนักงานเลขานุการกรม (สลก.)   ระดับ: กอง"
_SPACED_LABEL = regexcache.compile(r"(?:[ \u00a0\u3000]{2,}|\s*\t\s*)(?=(?P<label>[^\s:：|·•]{1,30}(?: [^\s:：|·•]{1,20})?)\s*[:：])")


# The unit a team belongs to, written beside its name in a form's title row: "สังกัด: สายงานบริการลูกค้า", "ภายใต้:",
# "Reports to:", "Part of:", "Under:", "Parent unit:". Not the team, not a reference to an objective: left out.
_PARENT_UNIT = regexcache.compile(
    r"\s*(?:สังกัด|ภายใต้(?:สังกัด)?|หน่วยงานต้นสังกัด|ต้นสังกัด|(?i:reports?\s+to|reporting\s+to|part\s+of|under|parent(?:\s+(?:unit|team|department|division|org(?:ani[sz]ation)?))?|belongs\s+to))\s*[:：].*",
    re.DOTALL)
# ... and after the team's name in the same field: "ฝ่ายมิเตอร์ สังกัด: สายงาน…", "ฝ่ายมิเตอร์ (สังกัดสายงาน…)",
# "ฝ่ายมิเตอร์ สังกัดสายงานบริการลูกค้า"
_PARENT_AFTER_TEAM = regexcache.compile(
    r"(?:\s+|\s*[(（]\s*)(?:สังกัด|ภายใต้สังกัด|ต้นสังกัด)\s*[:：]?\s*\S.*$"
    r"|\s+(?:[(（]\s*)?(?i:reports?\s+to|part\s+of|under|parent\s+unit)\s*[:：]\s*\S.*$", re.DOTALL)


def without_parent_unit(team: str) -> str:
    """A team's name without the unit it belongs to written after it ("ฝ่ายมิเตอร์ สังกัด: สายงานบริการลูกค้า" is
    "ฝ่ายมิเตอร์"); the name itself when nothing is left before it."""
    found = _PARENT_AFTER_TEAM.search(team)
    if found is None or found.start() == 0:
        return team
    return team[:found.start()].rstrip(" -–—,|·")


def _spaced_fields(text: str) -> list[str]:
    """``text`` cut before each known label that only spaces separate from the field before it (Thai forms put
    "หน่วยงาน: …   ระดับ: กอง" on one line, as others write "Team: … | Level: …"); unknown words before a colon
    ("เวลา 9:00", "หมายเหตุ   อ้างอิง: …" in a title) do not cut it."""
    from okrlint.load.draft_labels import field_of_label

    cuts = [m.start() for m in _SPACED_LABEL.finditer(text) if m.start() > 0
            and (field_of_label(m["label"]) or _PARENT_UNIT.fullmatch(m["label"] + ":"))]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


class _Row:
    """One data row: field → (value, column), with cells converted to text or kept typed."""

    def __init__(self, table: Table, index: int, header: Header):
        self.table = table
        self.index = index
        self.mapped_columns = frozenset(header.columns.values())
        self.ladder = header.ladder
        self.header_row = header.row
        cells = table.rows[index]
        self.values: dict[str, tuple[Any, int]] = {}
        for field, column in header.columns.items():
            value = cells[column] if column < len(cells) else None
            if field == "owner" and isinstance(value, str) and _PROMPT_CELL.fullmatch(value):
                continue  # "[ชื่อผู้รับผิดชอบ]": the form's prompt, nobody named yet
            if _is_blank(value):
                for other in header.fallbacks.get(field, ()):
                    value = cells[other] if other < len(cells) else None
                    if not _is_blank(value):
                        column = other
                        break
            if not _is_blank(value):
                self.values[field] = (value, column)
        if KR_STATEMENT in self.values and "key_result" not in self.values:
            # "ผลลัพธ์หลัก" filled, its "ตัวชี้วัด" blank: the statement is all the key result there is
            self.values["key_result"] = self.values.pop(KR_STATEMENT)
        # Only formulas in the cells okrlint reads: one in a "Progress %" or "Status" column leaves no value unknown.
        self.formulas = [c for r, c in table.formula_cells if r == index and c in self.mapped_columns]

    def ladder_of_steps(self) -> bool:
        """The row's cells under a scoring ladder are steps of the work in words ("จัดทำ TOR แล้วเสร็จ", "ได้ผู้รับจ้าง",
        …), not values: most of them, and at least two, are no number."""
        cells = self.table.rows[self.index]
        filled = [cells[column] for column in self.ladder if column < len(cells) and not _is_blank(cells[column])]
        words = [value for value in filled if cell_number(value)[0] is None]
        return len(words) >= 2 and len(words) * 2 > len(filled)

    def ladder_name(self, column: int) -> str:
        """The header's name of a ladder's column ("ระดับ ๓"), as written."""
        from okrlint.load.columns import ladder_level

        for index in range(self.header_row, -1, -1):
            cells = self.table.rows[index]
            if column < len(cells) and ladder_level(cells[column]) == self.ladder[column]:
                return " ".join(str(cells[column]).split())
        return f"ระดับ {self.ladder[column]}"

    def text(self, field: str) -> str | None:
        if field not in self.values:
            return None
        return cell_text(self.values[field][0])

    def location(self, field: str) -> Location:
        column = self.values[field][1] if field in self.values else 0
        return self.table.locate(self.index, column)

    @property
    def is_blank(self) -> bool:
        return not self.values and not self.formulas

    @property
    def is_total(self) -> bool:
        """A row that sums or averages the rows above ("TOTAL", "Average", "รวม", "TOTAL KRs: 9") instead of holding
        an OKR."""
        titles = [self.text(field) or "" for field in ("objective", "key_result", "okr", "team") if field in self.values]
        # "TOTAL", "รวม / TOTAL" (bilingual sheets), "TOTAL KRs: 9", in an objective, key-result or team column; the
        # sum itself may stand in the next title column ("Total KRs | 9")
        return bool(titles) and all(_TOTAL_ROW.fullmatch(part.strip()) is not None for part in titles[0].split("/")) \
            and all(_COUNT_CELL.fullmatch(title) for title in titles[1:])

    def mark_withdrawn(self, column: int) -> None:
        """A tracker's Status cell that withdraws the row ("Dropped", "Cancelled", "ยกเลิก"): the row's key result
        (or, on a row with no key result, its objective) is marked with that word, as a title marked "(dropped)" is,
        to be left out with a note (load/withdrawn.py)."""
        from okrlint.load.withdrawn import status_withdraws

        cells = self.table.rows[self.index]
        word = status_withdraws(cell_text(cells[column]) if column < len(cells) else None)
        if word is None:
            return
        field = "key_result" if "key_result" in self.values else "objective" if "objective" in self.values else None
        if field is None:
            return
        value, where = self.values[field]
        text = cell_text(value) or ""
        if text.strip():
            self.values[field] = (f"{text.rstrip()} ({word})", where)

    @property
    def is_template_row(self) -> bool:
        """A form's own row, not the team's: its worked example ("ตัวอย่าง: ลูกค้าได้รับพัสดุตรงเวลา", "Example: …") or
        an objective slot left unfilled ("4. [ระบุวัตถุประสงค์ที่ 4 (ถ้ามี)]" with only prompts beside it)."""
        if self.is_example:
            return True
        objective = self.text("objective")
        if objective is None or not _PROMPT_CELL.fullmatch(strip_numbering(objective)):
            return False
        return self.only_prompts

    @property
    def is_example(self) -> bool:
        """The form's worked example: a title marked "ตัวอย่าง: …" / "(ตัวอย่าง) …" / "Example: …", or "ตัวอย่าง" in
        a cell of its own beside it."""
        titles = [self.text(field) or "" for field in ("objective", "key_result", "okr") if field in self.values]
        return any(_EXAMPLE_CELL.match(title) for title in titles) or self.example_mark is not None

    @property
    def example_mark(self) -> str | None:
        """"ตัวอย่าง" / "Example" / "e.g." alone in a cell beside the row's titles (its ลำดับ / No., type or notes
        column): the row is the form's worked example, whatever its titles say."""
        if not any(field in self.values for field in ("objective", "key_result", "okr")):
            return None
        titles = {column for field, (_, column) in self.values.items() if field in ("objective", "key_result", "okr",
                                                                                   KR_STATEMENT)}
        for column, cell in enumerate(self.table.rows[self.index]):
            if column not in titles and isinstance(cell, str) and len(cell) <= 40 and _EXAMPLE_MARK.fullmatch(cell):
                return " ".join(cell.split())
        return None

    @property
    def only_prompts(self) -> bool:
        """Every value is the form's prompt ("[ระบุผลลัพธ์หลัก]", "<your KR>") or a placeholder beside one ("X", "Y")."""
        return bool(self.values) and all(
            _PROMPT_CELL.fullmatch(text := strip_numbering(cell_text(value) or "")) or _PLACEHOLDER_CELL.fullmatch(text)
            or _is_blank(value) for value, _ in self.values.values())

    def form_marks(self) -> list[str]:
        """What shows this row is the form's own: its prompts and placeholders, or its example's mark ("ตัวอย่าง:")."""
        marks = [mark] if (mark := self.example_mark) is not None else []
        for value, _ in self.values.values():
            text = (cell_text(value) or "").strip()
            example = _EXAMPLE_CELL.match(text)
            if example:
                marks.append(example.group(0).strip())
            elif _PROMPT_CELL.fullmatch(strip_numbering(text)) or _PLACEHOLDER_CELL.fullmatch(text):
                marks.append(clipped(text, 40))
        return marks

    def as_heading(self, header: Header) -> None:
        """A row with one value merged across the table, over key results: only its objective title is read."""
        title_field = next((f for f in ("objective", "okr", "key_result") if f in header.columns), None)
        value, column = self.values.get(title_field, (None, 0))
        self.values = {("objective" if title_field == "key_result" else title_field): (value, column)} if value else {}
        self.formulas = []

    def mark_kind(self) -> None:
        """A row of a table whose one column holds objectives and key results: its text becomes the
        objective's or the key result's, by the row's marker ("O1"/"KR1.1", "Objective"/"Key result" in a
        type or number column, or the text's own label), else by whether it has a baseline or target."""
        text = self.text("okr") or ""
        value, column = self.values.pop("okr")
        kind = None
        for field in ("type", "id", "objective_id", "level"):
            if field in self.values:
                kind = _row_kind(self.text(field) or "")
                if kind is not None:
                    if field in ("type", "level"):
                        self.values.pop(field)  # a row marker, not an objective type or a set level
                    break
        for position, cell in enumerate(self.table.rows[self.index]):  # a "No." column okrlint has no name for
            if kind is None and position not in self.mapped_columns and not _is_blank(cell):
                kind = _row_kind(cell_text(cell) or "")
        if kind is None:
            labelled = _LABELLED.match(text)
            if labelled:
                kind = "objective" if labelled.group("o") else "key_result"
        if kind is None:
            kind = "key_result" if any(f in self.values for f in ("baseline", "target")) else "objective"
        self.values[kind] = (value, column)


_OBJECTIVE_MARK = re.compile(r"(?i)^\s*(?:o|obj|objective|objectives|วัตถุประสงค์|เป้าประสงค์)(?:\s*ที่)?\s*[0-9๐-๙]*\s*[.:)]?\s*$")
_KR_MARK = re.compile(r"(?i)^\s*(?:kr|krs|key\s*results?|ผลลัพธ์หลัก|ผลลัพธ์สำคัญ|ตัวชี้วัด)(?:\s*ที่)?\s*[0-9๐-๙.]*\s*[:)]?\s*$")
_NUMBER_MARK = re.compile(r"^\s*[0-9๐-๙]+(?P<sub>\.[0-9๐-๙]+)*\.?\s*$")
_LABELLED = re.compile(r"(?i)^\s*(?:(?P<o>o\s*[0-9๐-๙]+|objective|วัตถุประสงค์)|(?:kr\s*[0-9๐-๙.]*|key\s*result|ผลลัพธ์หลัก|ตัวชี้วัด))"
                       r"(?:\s*ที่)?\s*[0-9๐-๙.]*\s*[:.)\-–—]")


_YEAR = re.compile(r"^\s*(?:(?:ปี(?:งบประมาณ)?|fy|year)\s*)?(?:พ\.\s?ศ\.\s*)?([0-9๐-๙]{4})\s*$", re.IGNORECASE)


# A results header over a row of years: "ผลการดำเนินงาน", "ผลการดำเนินงานย้อนหลัง", "Actual", "Results" (normalised)
_RESULTS_OVER_YEARS = regexcache.compile(
    r"(?:ผลการดำเนินงาน|ผลการปฏิบัติงาน|ผลงาน|ผลการดำเนินการ)(?:ย้อนหลัง|ที่ผ่านมา|ปีที่ผ่านมา)?|actuals?|results?|pastresults?")


def _year_of(cell: Any) -> int | None:
    """The (Christian-era) year a sub-header cell names: 2570, "พ.ศ. 2570", "ปี 2569", "FY2026", 2026."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        text = str(int(cell)) if float(cell).is_integer() else ""
    else:
        text = str(cell).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    match = _YEAR.match(text)
    if not match:
        return None
    year = int(match.group(1))
    if 2400 <= year <= 2700:
        return year - 543
    return year if 1990 <= year <= 2150 else None


def _row_kind(marker: str) -> str | None:
    """'objective' or 'key_result' from a row's marker cell ("O1", "Objective", "KR 1.2", "1" / "1.1")."""
    if _OBJECTIVE_MARK.match(marker):
        return "objective"
    if _KR_MARK.match(marker):
        return "key_result"
    number = _NUMBER_MARK.match(marker)
    if number:
        return "key_result" if number.group("sub") else "objective"
    return None


_TITLE_FIELDS = ("objective", "key_result", "okr", KR_STATEMENT)
_SUB_HEADER_LENGTH = 40  # a sub-header under a grouped block ("Q1 (Apr–Jun)", "Actual") is short


def _same_header_text(value: Any, header_cell: Any) -> bool:
    """A cell that says what the header cell above it says: the merged continuation of a header merged down over
    two rows (every reader fills a merged cell's value into the cells it covers), or an export repeating it."""
    text, above = cell_text(value), cell_text(header_cell)
    return bool(text and above) and normalise(text) == normalise(above) and bool(normalise(text))


def _grouped_columns(top: Sequence[Any], sub: Sequence[Any]) -> list[bool]:
    """For each column of ``sub``: whether it lies under a header cell merged across columns over sub-headers
    ("Quarterly progress" over "Q1 | Q2", "Q1/Q2/Q3/Q4 progress" over the four quarters): the merged value stands in
    the cells beside it too (the workbook and Word readers fill a merged cell), or, where a reader leaves the merged
    cells blank (.ods), the blank header cells after it have sub-headers under them as well. Computed for the whole
    row in one pass: a sheet may be thousands of columns wide."""
    n = len(top)
    end_of: dict[int, int] = {}  # a filled header cell -> the last column of its block (blanks, or its own text again)
    for start in range(n - 1, -1, -1):
        if _is_blank(top[start]):
            continue
        end = start
        while end + 1 < n and _is_blank(top[end + 1]):
            end += 1
        if end + 1 < n and _same_header_text(top[end + 1], top[start]):
            end = end_of[end + 1]
        end_of[start] = end
    counted = [0]  # sub-headers under the columns before each column
    for value in sub:
        counted.append(counted[-1] + _is_sub_header(value))
    flags = []
    start = -1
    for column in range(len(sub)):
        at = min(column, n - 1)
        if at >= 0 and not _is_blank(top[at]):
            start = at  # a blank cell belongs to the block of the filled one before it
        if start < 0 or column > end_of[start]:
            flags.append(False)
            continue
        beside = any(0 <= other < n and _same_header_text(top[other], top[start]) for other in (start - 1, start + 1))
        last = min(end_of[start], len(sub) - 1)
        flags.append(beside or counted[last + 1] - counted[start] >= 2)
    return flags


def _is_sub_header(value: Any) -> bool:
    """A short label under a header cell ("Q1", "Q2 (Jul–Sep)", "Actual", "Baseline"), not a value."""
    if not isinstance(value, str):
        return False
    text = " ".join(value.split())
    return 0 < len(text) <= _SUB_HEADER_LENGTH and parse_number(text) is None and parse_date(text) is None \
        and any(ch.isalpha() for ch in text)


def _header_continues(table: Table, index: int, header: Header) -> bool:
    """Row ``index``, right under the header row, is the rest of the header: each filled cell is the continuation
    of the header cell above it (merged down, or repeated by an export), a sub-header under a block merged across
    columns ("Q1" under "Quarterly progress"), or a field's name under a blank or grouped header cell; its title
    cells (Objective, Key result) blank or repeating the header's. A data row names its objective or key result."""
    if index >= len(table.rows):
        return False
    cells, top = table.rows[index], table.rows[header.row]
    titles = {header.columns[field] for field in _TITLE_FIELDS if field in header.columns}
    repeated = sub_headers = 0
    grouped: list[bool] | None = None
    for column, value in enumerate(cells):
        if _is_blank(value):
            continue
        above = top[column] if column < len(top) else None
        if _same_header_text(value, above):
            repeated += 1
        elif column in titles:
            return False  # an objective or a key result of its own: data
        elif _is_sub_header(value) and ((grouped := grouped or _grouped_columns(top, cells))[column]
                                        or (_is_blank(above) and field_for_header(value) is not None)):
            sub_headers += 1
        else:
            return False
    return sub_headers > 0 or (repeated > 0 and any(
        column < len(cells) and _same_header_text(cells[column], top[column] if column < len(top) else None)
        for column in titles))


def _header_continued(table: Table, header: Header, first_row: int) -> Header:
    """The header with the rows under it that continue it (a header merged down over two or three rows beside a
    block of sub-headers, a CSV export repeating the header's names on its second row): the data starts after
    them. A sub-header naming a field no column has yet (a "Baseline" under a merged "Measures") names that
    column."""
    columns = dict(header.columns)
    row = header.row
    while row - first_row < HEADER_CONTINUATION_ROWS and _header_continues(table, row + 1, attrs.evolve(header, row=row)):
        row += 1
        cells, top = table.rows[row], table.rows[header.row]
        for column, value in enumerate(cells):
            if column in columns.values() or _same_header_text(value, top[column] if column < len(top) else None):
                continue
            field = field_for_header(value)
            if field is not None and field not in columns:
                columns[field] = column
    if row == header.row:
        return header
    return attrs.evolve(header, row=row, columns=columns)


HEADER_CONTINUATION_ROWS = 3  # a header merged down over at most this many rows (past its first)


def _header_start(table: Table, header: Header) -> int:
    """The first row of a header merged down over two rows when the header found is its second row (the one with
    more fields named, "Objective | Key result | Baseline | Target" under "Objective | Key result | Measures"): the
    row above that repeats the header's objective or key-result cells is no title row."""
    start = header.row
    titles = [header.columns[field] for field in _TITLE_FIELDS if field in header.columns]
    cells = table.rows[header.row]
    while start > 0 and header.row - start < HEADER_CONTINUATION_ROWS:
        above = table.rows[start - 1]
        if not titles or not all(column < len(above) and _same_header_text(above[column], cells[column])
                                 for column in titles):
            break
        start -= 1
    return start


def _repeats_header(table: Table, index: int, header: Header, first_row: int) -> bool:
    """A data row that repeats the header's names (a Word table's header repeated on each page, exports pasted one
    under another): its title cells and at least one more of the columns read say what a header row above says."""
    cells = table.rows[index]
    headers = table.rows[first_row:header.row + 1]
    same = 0
    titled = False
    for field, column in header.columns.items():
        value = cells[column] if column < len(cells) else None
        if _is_blank(value):
            continue
        if not any(column < len(row) and _same_header_text(value, row[column]) for row in headers):
            return False
        same += 1
        titled = titled or field in _TITLE_FIELDS
    return titled and same >= 2


# A unit's label in a title row above the table ("Department: Finance", "Directorate:", "ฝ่าย:", "กอง:"): the team
# labels of the drafts whose word names a level
_UNIT_LABEL = regexcache.compile(
    r"(?:^|(?<=[\s|·•]))(?P<label>" + "|".join(sorted(
        (re.escape(label) for label in _TEAM_LABELS if level_of(label) == "department"), key=len, reverse=True))
    + r")\s*[:：]", re.IGNORECASE)


class _Builder:
    """Collects rows of any number of tables into sets, keyed by team."""

    def __init__(self, filename: str, options: Mapping[str, Any], source_format: str):
        self.filename = filename
        self.options = options
        self.source_format = source_format
        self.sets: dict[str, _DraftSet] = {}
        self.errors: list[InputError] = []
        self.notes: list[InputError] = []
        self.form_marks: list[str] = []  # the prompts and examples of a form's own rows (templates)
        self.filled = False  # a row of the team's own was read
        self.examples_only: list[tuple[str, InputError]] = []  # sets of tables that held only the form's example

    def add_table(self, table: Table, header: Header | None, *, skip_headerless: bool = False,
                  example: str | None = None) -> None:
        """``example``: what shows the whole table is the form's worked example (a title "ตัวอย่างการกรอก" right above
        its header, an instructions sheet's name), its rows none of a team's."""
        where = f"sheet '{table.name}'" if table.name else "the table"
        if not any(not _is_blank(cell) for row in table.rows for cell in row):
            if not table.optional and not skip_headerless:
                self.errors.append(InputError(f"{where} is empty", table.locate(0, 0)))
            return
        if header is None and table.optional:
            return
        if header is None and skip_headerless:
            # Instructions, examples or lookup lists next to the OKR sheet of a workbook: not an error.
            from okrlint.load.columns import summary_column

            counted = summary_column(table.rows)
            if counted is not None:  # "ฝ่าย | จำนวนวัตถุประสงค์ | จำนวนผลลัพธ์หลัก" and a รวม row
                self.notes.append(InputError(
                    f"sheet '{table.name}' is a summary of the OKRs (it counts them: '{counted}'), not OKRs: skipped",
                    table.locate(0, 0)))
            else:
                self.notes.append(InputError(
                    f"sheet '{table.name}' has no OKR header row (Objective / Key result): skipped", table.locate(0, 0)))
            return
        if header is None:
            self.errors.append(InputError(
                f"{where} has no header row with an Objective or Key result column in its first rows "
                "(see 'Spreadsheets and Word documents' in docs/format.md for the names okrlint recognises)",
                table.locate(0, 0),
            ))
            return
        from okrlint.load.columns import counted_titles, summary_of_objectives

        counted = summary_of_objectives(table.rows[header.row], header.columns) \
            or counted_titles(table.rows, header.row, header.columns)  # "Status | KRs | Avg grade" over numbers
        if counted is not None:  # "Objective | # KRs | Avg confidence": a pivot of the OKRs, whatever its name
            self.notes.append(InputError(
                f"{where} is a summary of the OKRs (it counts them: '{counted}'), not OKRs: skipped",
                table.locate(header.row, 0)))
            return
        defined = _defines_indicators(table.rows[header.row], header)
        if defined is not None:  # "ตัวชี้วัด | คำนิยาม | สูตรการคำนวณ | แหล่งข้อมูล | ผู้รับผิดชอบ": an annex, not OKRs
            self.notes.append(InputError(
                f"{where} defines the indicators ('{defined}'), with no baseline or target: not OKRs, skipped",
                table.locate(header.row, 0)))
            return
        first_header_row = _header_start(table, header)
        header = self.year_columns(table, header)
        header = _header_continued(table, header, first_header_row)
        header = self.ladder_columns(table, header, first_header_row)
        team = table.team
        # the rows above the header's first row: a two-row header ("ผลการดำเนินงาน ปี ๒๕๖๙ | ค่าเป้าหมาย" over
        # "๒๕๗๐ | ๒๕๗๑") is no title, and a past year's results column names the baseline's year, not the period
        above = self.title_rows(table, first_header_row)
        if "team" in above and not header.has("team"):
            team = above["team"][0]
        elif "title_team" in above and not header.has("team") and self.named_by_file_or_nothing(table):
            team = above["title_team"][0]  # "OKR ฝ่ายการเงิน ไตรมาส 1/2570" over the one sheet of okr_q1_final.xlsx
            team = _unit_named_by_sheet(team, table.name)
        created = not header.has("team") and team not in self.sets
        if created:  # a header with no rows is a set with no objectives
            self.sets[team] = _DraftSet(team, table.locate(header.row, 0))
        title_fields = {field: found for field, found in above.items()
                        if field not in ("team", "title_team", "company_title")}
        period_text = above["period"][0] if "period" in above else \
            (self.sets[team].fields.get("period") if team in self.sets else None)
        header = self.period_columns(table, header, period_text)
        if team in self.sets:
            _give_fields(self.sets[team], title_fields)
            if ("company_title" in above or team.strip().casefold() in _COMPANY_SHEETS) \
                    and "level" not in self.sets[team].fields:
                # "Acme — Company OKRs 2027 H1" above the table, or a sheet named "Company": a guess, kept without a
                # position, which the org rules trust once another set aligns to it (OrgIndex.company_sets)
                self.sets[team].fields["level"] = "company"
        notes, headings = self.note_rows(table, header)
        status_column = _status_column(table.rows[header.row], header)
        after_prompt = in_example = False
        table_marks: list[str] = [example] if example is not None else []
        table_filled = False
        for index in range(header.row + 1, len(table.rows)):
            if index in notes or _repeats_header(table, index, header, first_header_row):
                continue
            row = _Row(table, index, header)
            if index in headings:
                row.as_heading(header)
            if row.is_blank or row.is_total:
                continue
            # the example's further key results, on rows that name no objective of their own
            goes_on = in_example and "objective" not in row.values and "okr" not in row.values
            if example is not None or goes_on or row.is_template_row \
                    or (after_prompt and "objective" not in row.values and row.only_prompts):
                # the form's example, an objective slot left as its prompt, and the prompt rows of key results below it
                after_prompt = "objective" not in row.values or not _EXAMPLE_CELL.match(row.text("objective") or "")
                in_example = goes_on or row.is_example
                marks = [example] if example is not None else row.form_marks()
                if example is not None or in_example:
                    table_marks.extend(mark for mark in marks if mark not in table_marks)
                self.form_marks.extend(mark for mark in marks if mark not in self.form_marks)
                continue
            after_prompt = in_example = False
            self.filled = table_filled = True
            if "okr" in row.values:
                row.mark_kind()
            if status_column is not None:
                row.mark_withdrawn(status_column)
            if row.text("team"):
                team = row.text("team")
            okr_set = self.sets.get(team)
            if okr_set is None:
                location = row.location("team") if "team" in row.values else table.locate(header.row, 0)
                okr_set = self.sets[team] = _DraftSet(team, location)
                if "team" in row.values:
                    okr_set.locations["team"] = location
                _give_fields(okr_set, title_fields)  # "แผนปฏิบัติราชการ ปีงบประมาณ 2570" above a column of units
            self.add_row(okr_set, row, header)
        if created and not table_filled and table_marks:
            # an instructions sheet's worked example: no team's set, once another table holds a team's rows
            self.examples_only.append((team, InputError(
                f"{where} holds only the form's example ('{table_marks[0]}'), not OKRs: skipped",
                table.locate(header.row, 0))))

    def note_rows(self, table: Table, header: Header) -> tuple[set[int], set[int]]:
        """(rows that are notes, rows that are objective headings) among the table's data rows.

        A note is a row whose first filled cell opens with a note label ("Notes:", "หมายเหตุ:", "Source:"), or a
        row with one value merged across the table (over every column okrlint reads) while other rows fill
        several columns: "Notes: current values pulled from Zendesk ...; CSAT is on a 5-point scale" under a
        tracker. Such a merged row is an objective heading instead when key results that name no objective of
        their own follow it."""
        data = range(header.row + 1, len(table.rows))
        mapped = sorted(set(header.columns.values()))
        labelled = {index for index in data if is_note_text(_first_text(table.rows[index]) or "")
                    or _is_footnote_row(table.rows[index]) or _is_metadata_row(table.rows[index])}
        spanning = {index for index in data if index not in labelled and _spans(table.rows[index], mapped)}
        if not spanning or not any(len(_distinct(table.rows[index])) > 1 for index in data):
            return labelled, set()
        # From the bottom up: a merged row is a heading when the first row read below it is a key result with no
        # objective of its own (in a table with no objective column, any row); of several merged rows in a row,
        # the last ("Strategy 1" over "Objective 1.1" over key results: only the objective).
        headings: set[int] = set()
        needs_objective = False
        for index in reversed(data):
            if index in labelled:
                continue
            if index in spanning:
                if needs_objective:
                    headings.add(index)
                needs_objective = False
                continue
            row = _Row(table, index, header)
            if row.values and not row.is_total:
                needs_objective = ("okr" in header.columns or "objective" not in header.columns
                                   or "objective" not in row.values)
        return labelled | (spanning - headings), headings

    def year_columns(self, table: Table, header: Header) -> Header:
        """Multi-year plans: a row of years under the header ("ค่าเป้าหมาย" over 2568 | 2569 | 2570) is part
        of the header, not a key result. The target is the current fiscal year's column when there is one,
        else the last year's; a baseline over several years is the latest."""
        below = header.row + 1
        if below >= len(table.rows):
            return header
        years = {column: _year_of(cell) for column, cell in enumerate(table.rows[below])}
        years = {column: year for column, year in years.items() if year is not None}
        if len(years) < 2:
            return header
        titles = [header.columns[f] for f in ("objective", "key_result", "okr") if f in header.columns]
        cells = table.rows[below]
        if any(column < len(cells) and not _is_blank(cells[column]) and column not in years
               and field_for_header(cells[column]) is None for column in titles):
            return header  # a data row that happens to hold years ("ชื่อตัวชี้วัด" there: a second header row)
        columns = dict(header.columns)
        for column, cell in enumerate(cells):  # "หน่วยนับ" under a merged "ตัวชี้วัด": the second row names it
            field = field_for_header(cell) if column not in years else None
            if field is not None and field not in columns and column not in columns.values():
                columns[field] = column
            elif field in ("key_result", "objective") and columns.get(field) != column and column not in years:
                columns[field] = column  # the merged cell's first column said it; this row says which one
        current = current_fiscal_year(int(self.options.get("fiscal-year-start-month", 10)))
        try:
            mapping = check_mapping(self.options.get("column-mapping") or {})
        except MappingError:
            mapping = {}

        def field_of(cell: Any) -> str | None:  # the configuration's column mapping first, as find_header reads it
            if isinstance(cell, str) and normalise(cell) in mapping:
                return mapping[normalise(cell)]
            return field_for_header(cell)

        top = table.rows[header.row]
        if "baseline" not in columns:
            # "ผลการดำเนินงาน" over a row of past years (the Thai KPI table: ตัวชี้วัด | ผลการดำเนินงาน 2568 | 2569 |
            # ค่าเป้าหมาย 2570): what those years reached, the latest of which is the baseline
            results = next((column for column, cell in enumerate(top) if column in years
                            and column not in columns.values() and isinstance(cell, str)
                            and _RESULTS_OVER_YEARS.fullmatch(normalise(cell))), None)
            if results is not None:
                columns["baseline"] = results
        for field in ("target", "baseline"):
            if field not in columns:
                continue
            first = columns[field]
            span = [first] if first in years else []
            for column in range(first + 1, len(top)):
                above = top[column]
                if column in years and (_is_blank(above) or field_of(above) == field
                                        or normalise(str(above)) == normalise(str(top[first]))):
                    span.append(column)  # under the merged cell (a reader may repeat its text in each column)
                elif column not in years or not _is_blank(above):
                    break
            if len(span) < 2 and not (span and span[0] != first):
                continue
            by_year = {years[column]: column for column in span}
            if field == "baseline":  # a result of the target's own year or later is progress, not the baseline
                target_year = years.get(columns["target"]) if "target" in columns else None
                past = {year: column for year, column in by_year.items() if year < (target_year or current)}
                by_year = past or by_year
            chosen = by_year.get(current) if field == "target" else None
            columns[field] = chosen if chosen is not None else by_year[max(by_year)]
        return Header(below, columns)

    def ladder_columns(self, table: Table, header: Header, first_row: int) -> Header:
        """A scoring ladder in the header (`ระดับ 1 | … | ระดับ 5`, alone or under a merged `ค่าเป้าหมาย`, as Thai
        public-sector and state-enterprise KPI forms score): the target is its standard level (ระดับ 3 of five), a
        row that leaves it blank taking the next level up, then down; no column of it is the plan's level or
        anything else. A target column of its own beside the ladder stays the target, and so does one the
        configuration maps. A `Level` / `ระดับ` column holding numbers is no plan's level either (a set's level is
        company, department or team): it is left out."""
        from okrlint.load.columns import ladder_of, standard_level

        ladder: dict[int, int] = {}
        for index in range(first_row, header.row + 1):
            ladder = ladder_of(table.rows[index])
            if ladder:
                break
        columns = dict(header.columns)
        level = columns.get("level")
        if level is not None and level not in ladder:
            values = [row[level] for row in table.rows[header.row + 1:] if level < len(row) and not _is_blank(row[level])]
            if values and all(cell_number(value)[0] is not None for value in values):
                del columns["level"]
        if not ladder:
            return attrs.evolve(header, columns=columns) if columns != header.columns else header
        columns = {field: column for field, column in columns.items() if column not in ladder or field == "target"}
        fallbacks = dict(header.fallbacks)
        mapped = set((self.options.get("column-mapping") or {}).values())
        if "target" not in mapped and columns.get("target", next(iter(ladder))) in ladder:
            by_level = {level: column for column, level in ladder.items()}
            chosen = standard_level(ladder)
            columns["target"] = by_level[chosen]
            fallbacks["target"] = tuple(by_level[level] for level in
                                        [*range(chosen + 1, len(ladder) + 1), *range(chosen - 1, 0, -1)])
        return attrs.evolve(header, columns=columns, fallbacks=fallbacks, ladder=ladder)

    def period_columns(self, table: Table, header: Header, period_text: Any) -> Header:
        """Targets per quarter or half (`เป้าหมาย Q1 | เป้าหมาย Q2`, `Target H1 | Target H2`, `ไตรมาส 3 | ไตรมาส 4`):
        the target is the column of the set's period's end — the last quarter of a Jan–Jun plan, Q4 of a fiscal
        year — as a multi-year plan's is the current or last year's; without a period, the last one."""
        if "target" not in header.columns or "target" in set((self.options.get("column-mapping") or {}).values()):
            return header
        cells = table.rows[header.row]
        parts = {}
        for index, cell in enumerate(cells):
            if not isinstance(cell, str) or field_for_header(cell) != "target":
                continue
            found = _SUB_PERIOD.search(" ".join(cell.split()))
            if found is None:
                return header  # "ค่าเป้าหมาย" beside "เป้าหมาย Q1": not a row of quarters
            kind = "Q" if found["q"] or found["tq"] else "H"
            number = found["q"] or found["tq"] or found["h"] or ("1" if found["th"] == "แรก" else "2" if found["th"] else "")
            parts[index] = (kind, int(normalize_digits(number)))
        if len(parts) < 2 or header.columns["target"] not in parts or len({kind for kind, _ in parts.values()}) > 1:
            return header
        chosen = max(parts, key=lambda index: (parts[index][1], index))  # the plan's last quarter or half
        whole = _as_period(period_text, self.options)
        if whole is not None and whole.start is not None and whole.end is not None:  # not an unreadable period
            best: list[int] = []
            fiscal = int(self.options.get("fiscal-year-start-month", 10))
            for reading in ("{k}{n} {y}", "{k}{n} {y0}", "FY{y} {k}{n}"):
                start = whole.start.month if reading.startswith("FY") else fiscal
                inside = []
                for index, (kind, number) in parts.items():
                    text = reading.format(k=kind, n=number, y=whole.end.year, y0=whole.start.year)
                    if reading.startswith("FY") and kind == "Q":
                        text = f"Q{number} FY{whole.end.year}"
                    sub = parse_period(text, fiscal_year_start_month=start)
                    if sub is not None and whole.start <= sub.start and sub.end <= whole.end:
                        inside.append((sub.end, index))
                if len(inside) > len(best):
                    best = [index for _, index in sorted(inside)]
            if best:
                chosen = best[-1]
        # a row that leaves the chosen quarter blank takes its latest filled one before it
        earlier = tuple(sorted((i for i in parts if parts[i][1] < parts[chosen][1]), key=lambda i: parts[i][1],
                               reverse=True))
        return attrs.evolve(header, columns={**header.columns, "target": chosen},
                            fallbacks={**header.fallbacks, "target": earlier})

    def named_by_file_or_nothing(self, table: Table) -> bool:
        """A table whose team is the file's name (a CSV, a workbook's one OKR sheet) or a sheet's default name
        ("Sheet1", "แผ่นงาน1", "OKRs"): a title above it that names a team names it better."""
        from okrlint.load.draft import default_team, without_file_name_noise

        return table.team == default_team(self.filename) or not without_file_name_noise(table.team).strip() \
            or _DEFAULT_SHEET_NAME.fullmatch(table.team.strip()) is not None

    def title_rows(self, table: Table, header_row: int) -> dict[str, tuple[str, Location]]:
        """Set fields written in the rows above the header, as in the paragraphs around a Word table:
        "แผนปฏิบัติราชการ … ประจำปีงบประมาณ 2570" gives the period, "หน่วยงาน: กองคลัง" the team,
        "ระดับ: กรม" the level. Read as lines of a draft, so the labels are the drafts' own."""
        if header_row == 0:
            return {}
        from okrlint.load.draft import DraftLine, default_team, parse_draft

        lines = []
        for index in range(header_row):
            cells = [(column, text) for column, value in enumerate(table.rows[index])
                     if (text := cell_text(value)) and text.strip()]
            if cells:
                # merged: once; a cell's labels that only spaces separate ("หน่วยงาน: …   ระดับ: กอง") kept apart
                joined = "   ".join(dict.fromkeys(" | ".join(" ".join(piece.split()) for piece in _spaced_fields(text))
                                                  for _, text in cells))
                parts = [piece for part in _TITLE_FIELD_SPLIT.split(joined) for piece in _spaced_fields(part)]
                # "สังกัด: สายงานบริการลูกค้า", "Reports to: Finance": the unit the team belongs to, not the team's name
                kept = [part for part in parts if not _PARENT_UNIT.fullmatch(part)]
                if not kept:
                    continue
                # "Q1 2027 · Owner: Beatriz Santos · Aligns to: CO-2": each labelled field a line of its own
                if len(parts) > 1 and any(_TITLE_FIELD_LABEL.match(part) for part in parts[1:]):
                    lines.extend(DraftLine(part, table.locate(index, cells[0][0])) for part in kept if part.strip())
                else:
                    lines.append(DraftLine(joined if len(kept) == len(parts) else "   ".join(kept),
                                           table.locate(index, cells[0][0])))
        if not lines:
            return {}
        set_aligns: list[str] = []
        title = parse_draft(lines, self.filename, self.options, source_format=self.source_format, keep_empty=True,
                            set_aligns=set_aligns)
        if not title.sets:
            return {}
        found = title.sets[0]
        team = without_parent_unit(found.team)
        values = {"team": team, "period": found.period.text if found.period else None, "level": found.level,
                  "owner": found.owner}  # "Owner: Dana Whitfield (CMO)" above the header: the set's owner
        # a field is found at a character of the joined row; findings point at the row's cell (A1), not at the
        # column as far to the right as that character
        cells = {(line.location.sheet, line.location.line): line.location for line in lines}
        fields = {field: (values[field], cells.get((location.sheet, location.line), location))
                  for field, location in found.field_locations.items() if values.get(field)}
        if "team" not in fields and found.team != default_team(self.filename):
            fields["title_team"] = (team, lines[0].location)  # named by the title, not by a "Team:" label
        if found.level == "company" and "level" not in fields:
            fields["company_title"] = ("company", lines[0].location)  # guessed from the title, not written
        if "team" in fields and "level" not in fields:
            # "Department: Finance", "Directorate: …", "ฝ่าย: การเงิน": the label says the unit's level, as a title
            # "Department OKRs" or a `ระดับ: ฝ่าย` line does
            where = fields["team"][1]
            if any(_UNIT_LABEL.search(line.text) for line in lines
                   if (line.location.sheet, line.location.line) == (where.sheet, where.line)):
                fields["level"] = ("department", where)
        if set_aligns:  # "สอดคล้องกับ: co-o2" above the header: every objective of the sheet that names none
            where = found.field_locations.get("aligns_to", lines[0].location)
            fields["aligns_to"] = (tuple(set_aligns), cells.get((where.sheet, where.line), where))
        return fields

    def add_row(self, okr_set: _DraftSet, row: _Row, header: Header) -> None:
        for field in ("period", "level"):
            if field not in row.values or (field in okr_set.fields and field not in okr_set.titled):
                continue
            value = row.text(field)
            if field == "period" and value:
                value = period_under_header(value, cell_text(row.table.rows[header.row][header.columns["period"]]) or "")
            if field in okr_set.titled and not self.readable(field, value):
                continue  # a title's period over a column that gives none ("ไตรมาส ๑" holding a milestone's 55)
            # a Quarter or Period column is the row's own: it wins over a title row's period ("H1 2027 (Q1 view)"
            # above rows of "Q1 2027"), as a period written in the set does
            okr_set.titled.discard(field)
            okr_set.fields[field] = value
            okr_set.locations[field] = row.location(field)
        objective_title = " ".join(strip_numbering(row.text("objective") or "").split())
        from okrlint.load.draft_fields import split_trailing_alignment

        # "Reach 95% completeness (supports Company O1)": what it aligns to, as in a draft's line, not its title
        objective_title, aligned_to = split_trailing_alignment(objective_title)
        kr_lines = [line for line in (row.text("key_result") or "").splitlines() if line.strip()]
        kr_titles = _with_statements([strip_numbering(line) for line in kr_lines], row.text(KR_STATEMENT))
        kr_title = _joined_lines(kr_titles)
        has_kr_data = any(field in row.values for field in KR_ROW_FIELDS) or (
            "id" in row.values and not objective_title
        )
        current = okr_set.current
        if (objective_title and not kr_title and not has_kr_data and current is not None and current.key_results
                and current.table is row.table and _same_title(current.title, objective_title)):
            # the objective merged (or filled down) over a half-filled row under its key results ("Jo Kim" and a
            # note, no key result yet): the same objective, not a second one
            return
        if objective_title and not kr_title and not has_kr_data:
            objective = self.new_objective(okr_set, objective_title, row, aligned_to=aligned_to)
            self.objective_fields(objective, row, header, objective_row=True)
            self.formula_problems(row, objective.problems)
            return
        if not kr_title and not has_kr_data and not objective_title:
            if row.formulas:  # only uncomputed formulas on an otherwise empty row
                self.formula_problems(row, (current or okr_set).problems)
            return
        if (not objective_title and not has_kr_data and len(row.values) == 1 and current is not None
                and current.key_results and kr_title.startswith(("(", "（"))):
            # "| | (นับจากวันที่ตรวจรับพัสดุ) | | |": a note wrapped onto a row of its own, not a key result
            last = current.key_results[-1]
            last.title = _joined_lines([last.title, kr_title])
            return
        if objective_title and (current is None or not _same_title(current.title, objective_title)):
            current = self.new_objective(okr_set, objective_title, row, aligned_to=aligned_to)
        elif current is None or (not current.title and current.table is not row.table):
            # key results before any objective: an untitled objective holds them, one per table (a document's
            # KR tables each stand under their own objective heading)
            current = self.new_objective(okr_set, "", row, column_field="key_result")
        self.objective_fields(current, row, header, objective_row=False)
        kr_titles, kr_title = self.without_outline_numbers(current, row, kr_lines, kr_titles, kr_title)
        if len(kr_titles) > 1 and not has_kr_data:  # one cell listing several key results, a line each
            current.key_results.extend(self.key_result(title, row) for title in kr_titles)
        elif len(kr_titles) > 1 and all(map(_is_list_item, kr_lines)):
            # A numbered list of key results in one cell, their targets (owners...) a line each beside it:
            # a list, not one title wrapped over lines.
            current.key_results.extend(self.key_result(title, row, part=(index, len(kr_titles)))
                                       for index, title in enumerate(kr_titles))
        else:
            current.key_results.append(self.key_result(kr_title, row))

    def readable(self, field: str, value: str | None) -> bool:
        """A period or level cell that says one: a period that reads as dates, a level okrlint knows."""
        if not value:
            return False
        if field == "period":
            period = _as_period(value, self.options)
            return period is not None and period.start is not None
        return level_of(value) in ("company", "department", "team")

    @staticmethod
    def without_outline_numbers(objective: _DraftObjective, row: _Row, lines: list[str], titles: list[str],
                                title: str) -> tuple[list[str], str]:
        """The key results' titles without an outline number that continues their objective's ("3.2 คะแนนความพึง
        พอใจ…" under "3. เพิ่มรายได้…", or after "3.1 …" was taken off the key result above), which
        :func:`strip_numbering` leaves on as it may be a value ("3.2 คะแนน")."""
        numbered = _OBJECTIVE_NUMBER.match(row.text("objective") or "")
        if numbered is not None:
            objective.outline = normalize_digits(numbered["number"])
        for line, stripped in zip(lines, titles):
            outline = _OUTLINE_NUMBER.match(line)
            if outline is not None and not stripped.startswith(outline.group(0).strip()):
                objective.outline = objective.outline or normalize_digits(outline["head"])
        if objective.outline is None:
            return titles, title
        kept = [_without_outline_number(text, objective.outline, len(objective.key_results) + 1 + index)
                for index, text in enumerate(titles)]
        return (kept, _joined_lines(kept)) if kept != titles else (titles, title)

    def new_objective(self, okr_set: _DraftSet, title: str, row: _Row, column_field: str = "objective",
                      aligned_to: str | None = None) -> _DraftObjective:
        objective = _DraftObjective(title, row.location(column_field))
        objective.table = row.table
        okr_set.objectives.append(objective)
        if aligned_to and "aligns_to" not in row.values:
            from okrlint.load.draft_alignment import reference_to_resolve

            objective.fields["aligns_to"] = [reference_to_resolve(aligned_to)]
            objective.locations["aligns_to"] = row.location(column_field)
        return objective

    def objective_fields(self, objective: _DraftObjective, row: _Row, header: Header, *, objective_row: bool) -> None:
        """Objective-level columns; on an objective row also Id and Owner (else they belong to the KR)."""
        from okrlint.load.draft_alignment import reference_to_resolve

        fields = ["objective_id", "type"]
        if objective_row:
            fields += ["owner"] + ([] if header.has("objective_id") else ["id"])
        for field in fields:
            if field in row.values and field not in objective.fields:
                name = "id" if field == "objective_id" else field
                objective.fields.setdefault(name, row.text(field))
                objective.locations.setdefault(name, row.location(field))
        if "aligns_to" in row.values:
            references = objective.fields.setdefault("aligns_to", [])
            for reference in map(reference_to_resolve, split_references(row.text("aligns_to"))):
                if reference not in references:
                    references.append(reference)
            objective.locations.setdefault("aligns_to", row.location("aligns_to"))

    def key_result(self, title: str, row: _Row, part: tuple[int, int] | None = None) -> _DraftKR:
        """The key result ``title`` of ``row``; ``part`` = (i, n): the i-th of n listed in one cell, which takes
        the i-th line of each cell beside it that has n lines."""
        kr = _DraftKR(title, row.location("key_result"))
        for field, (value, _column) in row.values.items():
            if field in ("objective", "key_result", "team", "period", "level", "objective_id", "aligns_to", "type",
                         KR_STATEMENT):
                continue
            location = row.location(field)
            if part is not None:
                value, own = _line_of_cell(value, *part)
                if not own and field in _OWN_PER_KEY_RESULT:  # one target cannot serve three key results
                    if part[0] == 0 and field in ("baseline", "target"):
                        kr.problems.append(FieldProblem(
                            field, f"the '{field}' cell does not give one value per key result for the {part[1]} "
                                   "listed in one cell: put each on its own line there, or each key result on its "
                                   "own row", location))
                    continue
                if value is None:
                    continue
            kr.locations[field] = location
            if field == "target" and "due" not in row.values and (date := _date_as_target(value)) is not None:
                # "signed off by the commissioner | 31/07/2026": a milestone's date, when it is due, not its value
                del kr.locations[field]
                kr.fields["due"], kr.fields["due_text"] = date
                kr.locations["due"] = location
                continue
            if field in ("baseline", "target", "score", "confidence"):
                number, written = cell_number(value)
                if number is None and field in ("baseline", "target"):
                    number = _goal_value(kr, field, written, "baseline" in row.values)
                if number is None and field == "target" and _column in row.ladder and row.ladder_of_steps():
                    # "จัดทำ TOR แล้วเสร็จ | ได้ผู้รับจ้าง | ติดตั้งระบบ | …": each level a step of the work, the
                    # target the level to reach (ระดับความสำเร็จ), not the step's words
                    number, written = float(row.ladder[_column]), row.ladder_name(_column)
                    if "unit" not in row.values:
                        kr.fields["unit"] = "ระดับ" if any("\u0e00" <= ch <= "\u0e7f" for ch in written) else "level"
                if field in ("score", "confidence"):
                    number = as_fraction(number, written)
                if number is None and not (field in ("baseline", "target") and is_placeholder_letter(written)):
                    kr.problems.append(FieldProblem(field, f"'{field}' is {clipped(written, 120)!r}, not a number", location))
                kr.fields[field] = number
                if field in ("baseline", "target"):
                    kr.fields[f"{field}_text"] = written
            elif field == "due":
                date, written = cell_date(value)
                kr.fields["due"], kr.fields["due_text"] = date, written
                if date is None and not is_month_day(written):  # "Jan 31" takes its year from the period
                    kr.problems.append(FieldProblem("due", f"'due' is {clipped(written, 120)!r}, not a date", location))
            elif field == "depends_on":
                kr.fields[field] = tuple(split_references(cell_text(value)))
            else:  # id, owner, unit
                kr.fields[field] = cell_text(value)
        self.formula_problems(row, kr.problems)
        return kr

    def formula_problems(self, row: _Row, problems: list[FieldProblem]) -> None:
        for column in sorted(row.formulas):
            location = row.table.locate(row.index, column)
            problems.append(FieldProblem(
                FORMULA,
                "this cell holds a formula with no saved result (the program that wrote the file did not "
                "calculate it); open and save the file in Excel or LibreOffice so its value can be checked",
                location,
            ))

    # --- freezing into the model -----------------------------------------------------------------
    def result(self) -> LoadResult:
        if self.form_marks and not self.filled:  # an empty form: its example and prompts, nothing of a team's
            shown = ", ".join(f"'{mark}'" for mark in self.form_marks[:3])
            first = next(iter(self.sets.values())).location if self.sets else Location(self.filename)
            return LoadResult(errors=(*self.errors, InputError(
                f"no OKRs found: an empty OKR form ({shown}), nothing filled in yet", first)), notes=tuple(self.notes))
        for team, note in self.examples_only:
            if team in self.sets and not self.sets[team].objectives:
                del self.sets[team]
                self.notes.append(note)
        return LoadResult(sets=tuple(self.freeze_set(s) for s in self.sets.values()), errors=tuple(self.errors),
                          notes=tuple(self.notes))

    def freeze_set(self, draft: _DraftSet) -> OKRSet:
        from okrlint.load.draft import _level_of_unit as level_of_unit

        period = draft.fields.get("period")
        _owners_merged_over_objectives(draft)
        return settle_month_day_dues(OKRSet(
            team=draft.team,
            file=self.filename,
            location=draft.location,
            objectives=tuple(self.freeze_objective(draft.team, i, o, draft.fields.get("aligns_to", ()))
                             for i, o in enumerate(draft.objectives)),
            # no level written: the unit word of its name says, as in a draft ("ฝ่ายขาย", "กองคลัง" are departments
            # whether read from a sheet or from a chat), so one organisation's units are read alike
            level=level_of(draft.fields.get("level") or level_of_unit(draft.team)),
            owner=draft.fields.get("owner"),
            period=parse_period(period, fiscal_year_start_month=int(self.options.get("fiscal-year-start-month", 10)))
            if period else None,
            language=(self.options.get("language") or None),
            source_format=self.source_format,
            problems=tuple(draft.problems),
            field_locations=dict(draft.locations),
        ))

    def freeze_objective(self, team: str, index: int, draft: _DraftObjective, set_aligns: tuple[str, ...] = ()) -> Objective:
        ident = draft.fields.get("id") or None
        uid = ident or f"{team}/o{index + 1}"
        path = f"objectives[{index}]"
        return Objective(
            uid=uid,
            id=ident,
            title=draft.title,
            location=attrs.evolve(draft.location, path=path),
            owner=draft.fields.get("owner"),
            type=(draft.fields.get("type") or "").strip().lower() or None,
            aligns_to=tuple(draft.fields.get("aligns_to", ())) or tuple(set_aligns),
            key_results=tuple(self.freeze_kr(uid, path, i, kr) for i, kr in enumerate(draft.key_results)),
            problems=tuple(draft.problems),
            field_locations=dict(draft.locations),
        )

    def freeze_kr(self, objective_uid: str, objective_path: str, index: int, draft: _DraftKR) -> KeyResult:
        fields = draft.fields
        ident = fields.get("id") or None
        return KeyResult(
            uid=ident or f"{objective_uid}/kr{index + 1}",
            id=ident,
            title=draft.title,
            location=attrs.evolve(draft.location, path=f"{objective_path}.key_results[{index}]"),
            **key_result_values(fields),
            problems=tuple(draft.problems),
            field_locations=dict(draft.locations),
        )


def _owners_merged_over_objectives(draft: _DraftSet) -> None:
    """An owner cell merged over an objective's rows, as a CSV export (or a sheet copied without its merges) leaves
    it: only the objective's first row names the owner, the rows below are blank. When that is how every
    objective of the set gives its owner (each names one on its first row, and no key result below names one),
    the owner is the objective's (and so its key results' that name none). A set whose owners are given key result by key result,
    or where an objective names none, keeps a blank one blank (``missing-owner``)."""
    merged = []
    for objective in draft.objectives:
        key_results = objective.key_results
        if not key_results or "owner" in objective.fields:
            continue
        first = key_results[0]
        if (any("owner" in kr.fields for kr in key_results[1:]) or not first.fields.get("owner")
                or (first.location.sheet, first.location.line) != (objective.location.sheet, objective.location.line)):
            return  # owners per key result, or an objective with no owner: a blank one is missing
        if len(key_results) > 1:
            merged.append(objective)
    for objective in merged:  # its key results are the objective owner's, as for an owner on an objective row
        first = objective.key_results[0]
        objective.fields["owner"] = first.fields["owner"]
        objective.locations.setdefault("owner", first.locations.get("owner", first.location))


def tables_to_result(
    tables: Iterable[Table], filename: str, options: Mapping[str, Any], *, source_format: str,
    errors: Iterable[InputError] = (),
) -> LoadResult:
    """Read every table of one file into sets; sets of the same team across tables are merged."""
    builder = _Builder(filename, options, source_format)
    builder.errors.extend(errors)
    tables = list(tables)
    for table in tables:
        builder.errors.extend(table.problems)
    try:
        mapping = check_mapping(options.get("column-mapping") or {})
    except MappingError as exc:
        return LoadResult(errors=(*builder.errors, InputError(str(exc), Location(filename))))
    headers = [find_header(table.rows, mapping) for table in tables]
    # a tracker's export whose first row names no OKR column (its "Objective" cells are issue types, not a header)
    # (an export whose type column is read as such, "Type | Title | Parent | Start value", is read row by row)
    exports = [tracker_export(table) if header is None or header.row != 0 or "type" not in header.columns else None
               for table, header in zip(tables, headers)]
    tables = [export or table for export, table in zip(exports, tables)]
    headers = [find_header(table.rows, mapping) if export is not None else header
               for table, header, export in zip(tables, headers, exports)]
    not_okrs = [not_an_okr_table(table, header) if header is not None else None for table, header in zip(tables, headers)]
    headers = [None if reason else header for header, reason in zip(headers, not_okrs)]
    from okrlint.load.columns import counted_titles, summary_of_objectives

    # a summary sheet beside the OKRs ("Status | KRs | Avg grade" for a chart) is skipped (add_table): not an OKR sheet
    summaries = [header is not None and bool(summary_of_objectives(table.rows[header.row], header.columns)
                                             or counted_titles(table.rows, header.row, header.columns))
                 for table, header in zip(tables, headers)]
    okr_sheets = [table for table, header, summary in zip(tables, headers, summaries)
                  if header is not None and table.file_team and not summary]
    generic = sum(1 for table in okr_sheets if _GENERIC_SHEET_NAME.fullmatch((table.name or "").strip()))
    sheets_with_okrs = len(okr_sheets)
    # an instructions sheet and a table titled as the example ("ตัวอย่างการกรอก" above its header): the form's worked
    # example, while another sheet is left for the teams' own rows
    examples = {id(table): shown for table in okr_sheets if (shown := _example_table(table, headers[tables.index(table)]))}
    if len(examples) >= sheets_with_okrs:
        examples = {}
    for table, header, reason in zip(tables, headers, not_okrs):
        example = examples.get(id(table))
        if table.file_team is not None and (sheets_with_okrs == 1 or (
                generic == 1 and _GENERIC_SHEET_NAME.fullmatch((table.name or "").strip()))):
            # the workbook's one OKR sheet, or its one sheet named for what it holds ("Grading", "Data", "Tracker")
            # beside teams' sheets: the file's team (a title row above it may name it better)
            table = attrs.evolve(table, team=table.file_team)
        skip_headerless = table.file_team is not None and sheets_with_okrs > 0
        if reason is not None:
            where = f"sheet '{table.name}'" if table.name else "the table"
            if skip_headerless or table.optional:  # a workbook's other sheet beside its OKRs
                builder.notes.append(InputError(f"{where} looks like no OKR table ({reason}): skipped", table.locate(0, 0)))
            else:
                builder.errors.append(InputError(f"{where} looks like no OKR table ({reason}): no OKRs found",
                                                 table.locate(0, 0)))
            continue
        builder.add_table(table, header, skip_headerless=skip_headerless, example=example)
    return builder.result()


def _example_table(table: Table, header: Header | None) -> str | None:
    """What shows a workbook's sheet holds the form's worked example, not a team's rows: its name ("คำชี้แจง",
    "วิธีกรอก", "Instructions") or a title right above its header ("ตัวอย่างการกรอก", "Example"). None if nothing."""
    for index in range(header.row - 1 if header is not None else -1, -1, -1):
        texts = list(dict.fromkeys(" ".join(text.split()) for cell in table.rows[index]
                                   if (text := cell_text(cell)) and text.strip()))
        if texts:
            if len(texts) == 1 and len(texts[0]) <= 80 and _EXAMPLE_TITLE.match(texts[0]):
                return texts[0]
            break
    name = " ".join((table.name or "").split())
    return name if name and _INSTRUCTIONS_SHEET.fullmatch(name) else None


# --- tables that are not OKRs ------------------------------------------------------------------------
# A header cell that speaks of OKRs: a table with one is an OKR table whatever its rows look like.
_OKR_HEADER_WORDS = regexcache.compile(r"(?i)objective|key\s*results?|\bkrs?\b|\bokrs?\b|\bkpis?\b|\bgoals?\b|วัตถุประสงค์"
                               r"|เป้าประสงค์|ผลลัพธ์|ตัวชี้วัด|ยุทธศาสตร์|กลยุทธ์")
# Columns of a budget, a ledger or a cost report: the account lines' own columns.
_ACCOUNT_HEADER_WORDS = regexcache.compile(r"(?i)\baccount|cost\s*cent(?:re|er)|\bbudget|\bactuals?\b|\bvariance|\bamount"
                                   r"|\bgl\b|\bledger|\bspend|\bexpenses?\b|รหัสบัญชี|บัญชี|ศูนย์ต้นทุน|งบประมาณ"
                                   r"|จำนวนเงิน|ผลต่าง|ค่าใช้จ่าย|รายจ่าย")
_MANY_ROWS = 200  # more untitled, unmarked lines than a team has objectives: a list, not a plan
_SCANNED_ROWS = 2000


def not_an_okr_table(table: Table, header: Header) -> str | None:
    """Why a table whose header passed as OKRs is not one, or None.

    "Description" and "รายการ" may head the one column of an OKR export (``Type | Description | Target``), and a
    budget's ``Cost centre | Account | Description | Budget | Target | Variance`` has them too. Such a table is
    OKRs only when something says so: a header that names objectives or key results, or rows marked as objectives
    and key results (a Type column, outline numbers 1 / 1.1, "O1:" / "KR1:" labels). Without either, rows under
    account or budget columns, or hundreds of unmarked lines, are a budget or a list, not a team's objectives.
    """
    dictionary = _data_dictionary_header(table, header)
    if dictionary is not None:
        return f"it describes the columns of a data set (a data dictionary: '{dictionary}')"
    if "okr" not in header.columns or "objective" in header.columns or "key_result" in header.columns:
        return None
    cells = [cell_text(cell) or "" for cell in table.rows[header.row]]
    if any(_OKR_HEADER_WORDS.search(cell) for cell in cells):
        return None
    rows = [row for row in table.rows[header.row + 1:header.row + 1 + _SCANNED_ROWS]
            if any(not _is_blank(cell) for cell in row)]
    okr_column = header.columns["okr"]
    for row in rows:
        for position, cell in enumerate(row):
            text = cell_text(cell) or ""
            if not text:
                continue
            if position == okr_column:
                if _LABELLED.match(text):
                    return None
                continue
            if _OBJECTIVE_MARK.match(text) or _KR_MARK.match(text):
                return None
            number = _NUMBER_MARK.match(text)
            if number and number.group("sub"):
                return None
    accounts = [cell for cell in cells if _ACCOUNT_HEADER_WORDS.search(cell)]
    total = len(table.rows) - header.row - 1
    if accounts:
        shown = ", ".join(f"'{cell}'" for cell in accounts[:3])
        return (f"its columns {shown} are a budget's or an account list's, and no column or row names an objective "
                "or a key result")
    if total > _MANY_ROWS:
        return (f"{total} lines, none of them marked as an objective or a key result, and no column named for "
                "objectives or key results")
    return None


# The header of a data dictionary, an open-data portal's sheet describing the data set's columns, one a row:
# "Column | Description | Type", "Field name | Label | Data type", "ชื่อคอลัมน์ | คำอธิบาย | ชนิดข้อมูล"
_DICTIONARY_NAME_HEADER = regexcache.compile(
    r"\s*(?i:(?:column|field|variable|attribute)(?:\s*(?:name|title|id))?|ชื่อ\s*(?:คอลัมน์|ฟิลด์|เขตข้อมูล|ตัวแปร|สดมภ์)"
    r"|คอลัมน์|ฟิลด์|เขตข้อมูล|ตัวแปร)\s*")
_DICTIONARY_TYPE_HEADER = regexcache.compile(
    r"\s*(?i:(?:data\s*)?(?:type|format)|ชนิด\s*(?:ของ)?ข้อมูล|ประเภท\s*(?:ของ)?ข้อมูล|รูปแบบ\s*(?:ของ)?ข้อมูล)\s*")
_DICTIONARY_SCAN = 30  # rows read for it
_DICTIONARY_ROWS = 3  # rows naming the columns of an OKR table, one a row, that make a dictionary of it


def _data_dictionary_header(table: Table, header: Header) -> str | None:
    """The header of a data dictionary at or above the header row found ("Column | Description | Type" over
    "Objective | The objective of the OKR plan | text"), or, with no such header, a first column that names one
    OKR column a row ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน ปี 2569", "ค่าเป้าหมาย ปี 2570") beside a column of data
    types ("ข้อความ", "number"). None when the table is no data dictionary."""
    for index in range(header.row, -1, -1):
        cells = [cell_text(cell) or "" for cell in table.rows[index]]
        filled = [cell for cell in cells if cell]
        if filled and _DICTIONARY_NAME_HEADER.fullmatch(filled[0]) \
                and any(_DICTIONARY_TYPE_HEADER.fullmatch(cell) for cell in filled[1:]):
            return " | ".join(filled[:4])
    named: set[str] = set()
    typed = 0
    for row in table.rows[header.row:header.row + 1 + _DICTIONARY_SCAN]:
        filled = [text for cell in row if (text := cell_text(cell))]
        if len(filled) < 2:
            continue
        field = field_for_header(filled[0])
        if field is not None:
            named.add(field)
        if any(_DATA_TYPE.fullmatch(cell) for cell in filled[1:]):
            typed += 1
    if len(named) >= _DICTIONARY_ROWS and typed >= _DICTIONARY_ROWS:
        return " | ".join(text for cell in table.rows[header.row] if (text := cell_text(cell)))[:80]
    return None


# The type of a column as a data dictionary states it
_DATA_TYPE = regexcache.compile(
    r"\s*(?i:text|string|str|varchar|char|number|numeric|integer|int|float|decimal|double|real|date|datetime|time"
    r"|timestamp|boolean|bool)|ข้อความ|ตัวเลข|ตัวอักษร|จำนวนเต็ม|ทศนิยม|วันที่|เวลา|วันที่และเวลา\s*")


# --- cell values -------------------------------------------------------------------------------------
def _first_text(cells: Sequence[Any]) -> str | None:
    return next((cell_text(cell) for cell in cells if not _is_blank(cell)), None)


def _distinct(cells: Sequence[Any]) -> set[str]:
    return {" ".join((cell_text(cell) or "").split()) for cell in cells if not _is_blank(cell)}


def _spans(cells: Sequence[Any], mapped: Sequence[int]) -> bool:
    """One value, repeated over every column okrlint reads (at least two): a cell merged across the table, as
    the workbook and Word readers fill merged cells."""
    if len(mapped) < 2 or len(_distinct(cells)) != 1:
        return False
    return all(column < len(cells) and not _is_blank(cells[column]) for column in mapped)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and (not value.strip() or is_no_value(value)))


def cell_text(value: Any) -> str | None:
    """A cell as text: numbers without a spurious ".0", dates in ISO form."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return str(value).strip()


def cell_number(value: Any) -> tuple[float | None, str]:
    """(number, text as written); numbers written as text ("1,200", "35%", "๔๐๐") are read too."""
    if isinstance(value, bool):
        return None, cell_text(value) or ""
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an integer of 309 digits or more
            number = math.inf
        return (number if math.isfinite(number) else None), cell_text(value) or ""  # no float holds 1e400
    text = cell_text(value) or ""
    if isinstance(value, (dt.date, dt.datetime)):
        return None, text
    number = parse_number(text)
    if number is None and (marked := FOOTNOTE_AFTER_VALUE.search(text)) is not None:
        number = parse_number(text[:marked.start()])  # "45,000 2/": the value, its footnote's mark after it
    return number, text


_OWN_PER_KEY_RESULT = ("baseline", "target", "score", "confidence", "id")
_LIST_BULLET = regexcache.compile(r"^\s*(?:[•▪◦●○■□\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8*]|[-–](?=\s))\s*\S")


def _is_list_item(line: str) -> bool:
    return bool(_NUMBERING.match(line) or _LIST_BULLET.match(line))


# A period column's header that says what its cells count: "ไตรมาส" over "1/2570" is the first quarter, not January;
# "ปีงบประมาณ" / "Fiscal year" over "2570" is the fiscal year, not the calendar one
_QUARTER_HEADER = regexcache.compile(r"(?i:\bquarters?\b|\bqtr\.?(?!\w))|ไตรมาส")
_FISCAL_HEADER = regexcache.compile(r"(?i:\bfiscal\s+year\b|\bfinancial\s+year\b|\bFY\b)|ปีงบ(?:ประมาณ)?")
_QUARTER_VALUE = regexcache.compile(r"(?:ที่\s*)?(?P<q>[1-4๑-๔])\s*(?:/\s*|\s+)(?P<year>[0-9๐-๙]{4})")
_YEAR_VALUE = regexcache.compile(r"[0-9๐-๙]{4}")


def period_under_header(value: str, header: str) -> str:
    """A period cell's text as its column's header means it: "1/2570" under "ไตรมาส" is "ไตรมาส 1/2570", under
    "Quarter" "Q1 2027"; "2570" under "ปีงบประมาณ" is "ปีงบประมาณ 2570". Other cells, and cells that name their
    period themselves ("Q1 2027", "ม.ค.–มี.ค. 2570"), are kept as written."""
    written = " ".join(value.split())
    if _QUARTER_HEADER.search(header):
        quarter = _QUARTER_VALUE.fullmatch(written)
        if quarter is not None:
            thai = any("\u0e00" <= ch <= "\u0e7f" for ch in header + written)
            return f"ไตรมาส {quarter['q']}/{quarter['year']}" if thai else f"Q{quarter['q']} {quarter['year']}"
    elif _FISCAL_HEADER.search(header) and _YEAR_VALUE.fullmatch(written):
        thai = any("\u0e00" <= ch <= "\u0e7f" for ch in header)
        return f"ปีงบประมาณ {written}" if thai else f"FY{written}"
    return value


def _line_of_cell(value: Any, index: int, count: int) -> tuple[Any, bool]:
    """(the ``index``-th of ``count`` lines of a cell, True); (the cell's one value, False) when it holds a
    single value; (None, False) when it holds some other number of lines."""
    if isinstance(value, str):
        lines = [strip_numbering(line) for line in value.splitlines() if line.strip()]
        if len(lines) == count:
            return lines[index], True
        return (value, False) if len(lines) == 1 else (None, False)
    return value, False


def _with_statements(titles: list[str], statement: str | None) -> list[str]:
    """Indicators ("ตัวชี้วัด") with the key-result statement of their row ("ผลลัพธ์หลัก") after them in brackets:
    the rules judge the measure, and the outcome it stands for is not lost. A cell of statements gives one to each
    indicator when it lists as many; a statement the indicator already says is left out."""
    if not statement or not titles:
        return titles
    lines = [strip_numbering(line) for line in statement.splitlines() if line.strip()]
    if len(titles) > 1 and len(lines) == len(titles):
        pairs = list(zip(titles, lines))
    elif len(titles) == 1:
        pairs = [(titles[0], _joined_lines(lines))]
    else:
        return titles
    joined = []
    for title, said in pairs:
        said = " ".join(said.split())
        plain_title, plain_said = _plain(title), _plain(said)
        if not plain_said or plain_said in plain_title or plain_title in plain_said:
            joined.append(title)
        else:
            joined.append(f"{title} ({said})")
    return joined


def _plain(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _joined_lines(lines: list[str]) -> str:
    """A cell's lines as one text: a space between words, none inside a Thai phrase wrapped in two."""
    from okrlint.load.draft import join_text

    text = ""
    for line in lines:
        text = join_text(text, " ".join(line.split()))
    return text


def _goal_value(kr: _DraftKR, field: str, written: str, has_baseline_column: bool) -> float | None:
    """A cell written as a bound or a change; a change in the target cell also gives the baseline when the row
    has no baseline column."""
    value, implied_baseline = read_goal_field(field, written)
    if implied_baseline is not None and not has_baseline_column:
        kr.fields["baseline"], kr.fields["baseline_text"] = implied_baseline, written
    return value


def _date_as_target(value: Any) -> tuple[dt.date, str] | None:
    """(the date, as written) of a target cell that holds a date and no number ("31/07/2026", "2026-07-31", "31 ก.ค.
    2570", a date cell); None for any other value."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None
    if not isinstance(value, (dt.date, dt.datetime)):
        text = cell_text(value) or ""
        if parse_number(text) is not None or read_goal_field("target", text)[0] is not None:
            return None
    date, written = cell_date(value)
    return (date, written) if date is not None else None


def cell_date(value: Any) -> tuple[dt.date | None, str]:
    if isinstance(value, dt.datetime):
        return value.date(), value.date().isoformat()
    if isinstance(value, dt.date):
        return value, value.isoformat()
    text = cell_text(value) or ""
    return parse_date(text), text


def split_references(text: str | None) -> list[str]:
    """"co-o1 co-o2", "co-o1; mkt/o3" are lists of ids; "E-commerce O1" and an objective's title are one reference."""
    references = []
    for part in _REFERENCE_SPLIT.split(text or ""):
        words = part.split()
        if all(_ID_LIKE.fullmatch(word) for word in words):
            references.extend(words)
        elif words:
            references.append(" ".join(words))
    return references


def _same_title(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


# An issue tracker's export (Jira, Linear, Azure DevOps, Asana): a title column, a type column saying which issues are
# objectives and which key results, a parent column linking a key result to its objective
_TRACKER_TITLE = regexcache.compile(r"(?i:summary|title|name|issue\s+summary|task\s+name|work\s+item\s+title)")
_TRACKER_TYPE = regexcache.compile(r"(?i:(?:issue|work\s*item|item|task|ticket|record)?\s*type)")
_TRACKER_PARENT = regexcache.compile(r"(?i:parent(?:\s+(?:id|key|issue|link|summary))?|parent\s+work\s+item|epic\s+link)")
_TRACKER_KEY = regexcache.compile(r"(?i:issue\s+(?:key|id)|key|id|work\s+item\s+id|ticket\s+(?:key|id)|#)")
_TRACKER_OWNER = regexcache.compile(r"(?i:assignee|assigned\s+to|owner)")
_TRACKER_DUE = regexcache.compile(r"(?i:due(?:\s+date)?|target\s+date|end\s+date)")
_TRACKER_OBJECTIVE = regexcache.compile(r"(?i:objective|okr|goal)|วัตถุประสงค์")
_TRACKER_KR = regexcache.compile(r"(?i:key[\s-]*result|kr)|ผลลัพธ์หลัก|ตัวชี้วัด")


def tracker_export(table: Table) -> Table | None:
    """An issue tracker's export whose rows are objectives and key results by their type ("Summary | Issue Type |
    Parent | Assignee | Due date", Issue Type = Objective / Key Result), rearranged as an OKR table: Objective |
    Key result | Owner | Due, each key result under the objective its Parent names (the issue's key or id), cells
    located where they stand in the export. The parent is the key result's own objective, not an alignment. None
    for any other table."""
    if not table.rows:
        return None
    header = [" ".join(str(cell).split()) if cell is not None else "" for cell in table.rows[0]]

    def column(pattern) -> int | None:
        return next((i for i, cell in enumerate(header) if cell and pattern.fullmatch(cell)), None)

    title, kind = column(_TRACKER_TITLE), column(_TRACKER_TYPE)
    if title is None or kind is None:
        return None
    parent, owner, due = column(_TRACKER_PARENT), column(_TRACKER_OWNER), column(_TRACKER_DUE)
    keys = [i for i, cell in enumerate(header) if cell and _TRACKER_KEY.fullmatch(cell)]

    def cell(row, index):
        return row[index] if index is not None and index < len(row) else None

    objectives: list[int] = []
    krs: list[int] = []
    for index, row in enumerate(table.rows[1:], 1):
        typed = str(cell(row, kind) or "").strip()
        if _TRACKER_KR.fullmatch(typed):
            krs.append(index)
        elif _TRACKER_OBJECTIVE.fullmatch(typed):
            objectives.append(index)
    if not objectives or not krs:
        return None
    by_key = {}
    for index in objectives:
        for key in [*keys, title]:  # an issue's key or id, or its title
            value = cell(table.rows[index], key)
            if value is not None and str(value).strip():
                by_key[str(value).strip()] = index
    under: dict[int | None, list[int]] = {}
    for index in krs:
        named = str(cell(table.rows[index], parent) or "").strip()
        under.setdefault(by_key.get(named), []).append(index)
    rows: list[list[Any]] = [["Objective", "Key result", "Owner", "Due"]]
    places: list[tuple[int, list[int | None]]] = [(0, [title, title, owner, due])]
    for objective in [*objectives, None]:
        members = under.get(objective, [])
        if objective is None and not members:
            continue
        if objective is not None:
            source = table.rows[objective]
            rows.append([cell(source, title), None, cell(source, owner), None])
            places.append((objective, [title, title, owner, due]))
        for index in members:
            source = table.rows[index]
            rows.append([None, cell(source, title), cell(source, owner), _tracker_date(cell(source, due))])
            places.append((index, [title, title, owner, due]))

    def locate(row: int, column: int) -> Location:
        source_row, columns = places[row] if row < len(places) else (row, [])
        source_column = columns[column] if column < len(columns) and columns[column] is not None else 0
        return table.locate(source_row, source_column)

    return attrs.evolve(table, rows=rows, locate=locate)


# Jira's date: "30/Sep/26 12:00 AM"
_TRACKER_DATE = regexcache.compile(
    r"\s*(?P<d>[0-9]{1,2})/(?P<m>[A-Za-z]{3})/(?P<y>[0-9]{2}|[0-9]{4})(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[AaPp][Mm])?)?\s*")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _tracker_date(value: Any) -> Any:
    """A tracker's date as an ISO date ("30/Sep/26 12:00 AM" -> "2026-09-30"); other values as they are."""
    found = _TRACKER_DATE.fullmatch(value) if isinstance(value, str) else None
    month = _MONTHS.get(found["m"].lower()) if found is not None else None
    if month is None:
        return value
    year = int(found["y"]) + (2000 if len(found["y"]) == 2 else 0)
    return f"{year:04d}-{month:02d}-{int(found['d']):02d}"


# A sheet named for what it holds, not whose it is: "Grading", "Data", "Tracker", "Scores", "Main", "Check-in"
def _unit_named_by_sheet(title_team: str, sheet: str | None) -> str:
    """The sheet's name when the title's team only adds the organisation's or an owner's name before it ("Routewise
    Marketing — H1 OKRs" over the sheet "Marketing"): the unit is what the sheet says; else the title's team."""
    name = (sheet or "").strip()
    if not name or _GENERIC_SHEET_NAME.fullmatch(name) or _DEFAULT_SHEET_NAME.fullmatch(name):
        return title_team
    head, _, tail = title_team.strip().casefold().rpartition(name.casefold())
    if head and not tail and (head.endswith(" ") or head[-1:] in "-–—:/"):
        return name
    return title_team


_GENERIC_SHEET_NAME = regexcache.compile(
    r"(?i:(?:okrs?\s+)?(?:grading|grades?|scoring|scores?|scorecard|data|raw\s+data|tracker|tracking|progress|status"
    r"|check[\s-]?ins?|main|master|final|current|draft|review|updates?|okrs?|sheet\s*\d*|table\s*\d*))"
    r"|แผ่นงาน\s*\d*|ข้อมูล|ติดตามผล|คะแนน|ความคืบหน้า")
_DEFAULT_SHEET_NAME = regexcache.compile(r"(?i:sheet|แผ่นงาน|ชีต|table|ตาราง)\s*\d*|(?i:okrs?)")
_COMPANY_SHEETS = frozenset({"company", "corporate", "company okrs", "องค์กร", "บริษัท", "ระดับองค์กร", "okr องค์กร",
                             "okr บริษัท"})


# A target column's quarter or half: "เป้าหมาย Q2", "Target H1", "ค่าเป้าหมาย ไตรมาส 4", "เป้าหมายครึ่งปีหลัง"
_SUB_PERIOD = regexcache.compile(
    r"(?<![A-Za-z0-9])(?i:Q(?P<q>[1-4])|H(?P<h>[12]))(?![A-Za-z0-9])"
    r"|ไตรมาส(?:ที่)?\s*(?P<tq>[1-4๑-๔])|ครึ่งปี(?P<th>แรก|หลัง)")


# The columns of a table that defines indicators rather than sets them (a plan's annex "รายละเอียดตัวชี้วัด", a KPI
# template): the definition, the formula, the data source, how often it is collected
_DEFINITION_COLUMN = regexcache.compile(
    r"(?:คำ)?นิยาม(?:ตัวชี้วัด|ศัพท์)?|คำจำกัดความ|คำอธิบายตัวชี้วัด|(?:สูตร|วิธี)(?:การ)?(?:คำนวณ|คิดคำนวณ)(?:ผล)?|สูตร"
    r"|แหล่ง(?:ที่มา)?(?:ของ)?ข้อมูล|ที่มาของข้อมูล|วิธี(?:การ)?(?:จัดเก็บ|เก็บรวบรวม)ข้อมูล|ความถี่(?:ใน)?(?:การ)?(?:จัดเก็บ|รายงาน|วัด)\S*"
    r"|เกณฑ์การ(?:ให้คะแนน|ประเมิน)|(?i:definitions?|formula|calculation(?:\s+method)?|method\s+of\s+calculation"
    r"|data\s+sources?|sources?\s+of\s+data|measurement\s+method|(?:reporting\s+|collection\s+)?frequency"
    r"|scoring(?:\s+criteria)?)")
_MEASURED_FIELDS = ("baseline", "target", "current", "progress", "score", "due")


def _defines_indicators(cells: Sequence[Any], header: Header) -> str | None:
    """The definition and formula columns of a header when the table only defines its indicators ("ตัวชี้วัด | คำนิยาม
    | สูตรการคำนวณ | แหล่งข้อมูล | ผู้รับผิดชอบ", "KPI | Definition | Formula | Data source"): two or more such columns
    and no baseline, target or score column. None for a table of OKRs."""
    if any(field in header.columns for field in _MEASURED_FIELDS):
        return None
    named = [" ".join(text.split()) for cell in cells
             if (text := cell_text(cell)) and _DEFINITION_COLUMN.fullmatch(" ".join(text.split()).strip(" :*"))]
    named = list(dict.fromkeys(named))
    return ", ".join(named) if len(named) >= 2 else None


def _as_period(value: Any, options: Mapping[str, Any]):
    """A set's period field as a Period (it may be its text still)."""
    if value is None or hasattr(value, "start"):
        return value
    return parse_period(str(value), fiscal_year_start_month=int(options.get("fiscal-year-start-month", 10)))


def _give_fields(okr_set: "_DraftSet", fields: dict) -> None:
    """Fields from the title rows above a table (period, level...) for a set that has none of its own."""
    for field, (value, location) in fields.items():
        if field not in okr_set.fields:
            okr_set.fields[field] = value
            okr_set.locations[field] = location
            okr_set.titled.add(field)
