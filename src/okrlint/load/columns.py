"""Which column of a table holds what: header names in Thai and English, matched forgivingly.

Shared by the spreadsheet and Word-table loaders. A header cell is normalised (case, spaces,
punctuation and parenthesised notes removed), then matched exactly, then by its longest known
prefix ("ค่าเป้าหมาย ปี 2570" is a target), then fuzzily for typos ("Key reslt").
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence

import attrs

from okrlint.text import regexcache
from okrlint.text.nfc import nfc

# Field name → header names people write. Order inside a list does not matter.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "objective": ("Objective", "Objectives", "Objective title", "Goal", "วัตถุประสงค์", "เป้าประสงค์"),
    "key_result": (
        "Key result", "Key results", "KR", "KRs", "Key result title",
        "ผลลัพธ์หลัก", "ผลลัพธ์ที่สำคัญ", "ตัวชี้วัด", "ตัวชี้วัดความสำเร็จ", "ชื่อตัวชี้วัด", "ชื่อผลลัพธ์หลัก",
        "KPI", "KPIs", "Indicator", "Indicator name", "Indicators", "Metric", "Metrics", "Success metric",
        "Success measure", "Key performance indicator",
    ),
    "objective_id": ("Objective id", "Objective code", "รหัสวัตถุประสงค์"),
    "id": ("Id", "KR id", "Key result id", "Code", "รหัส", "รหัสตัวชี้วัด", "รหัสผลลัพธ์หลัก"),
    "owner": (
        "Owner", "Responsible", "Person responsible", "ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ",
        "Lead", "KR lead", "Accountable", "DRI", "Owned by", "ผู้รับผิดชอบหลัก", "เจ้าของ",
        "Metric owner", "KPI owner", "Indicator owner", "ผู้รับผิดชอบตัวชี้วัด",
        # public-sector plans name an officer ("Lead officer", "Responsible officer", "Lead member")
        "Lead officer", "Responsible officer", "Accountable officer", "Lead member", "Lead director", "Lead person",
    ),
    "baseline": (
        "Baseline", "Starting value", "Start value", "Initial value", "ค่าฐาน", "ค่าเริ่มต้น", "ผลการดำเนินงานปีที่ผ่านมา",
        "ข้อมูลพื้นฐาน",
    ),
    "target": ("Target", "Target value", "Goal value", "ค่าเป้าหมาย", "เป้าหมาย"),
    "unit": ("Unit", "Units", "หน่วยนับ", "หน่วย"),
    "due": ("Due", "Due date", "Deadline", "Target date", "กำหนดเสร็จ", "วันที่แล้วเสร็จ", "กำหนดแล้วเสร็จ"),
    "team": ("Team", "Department", "Unit name", "ทีม", "หน่วยงาน", "ฝ่าย", "กอง", "แผนก"),
    "period": ("Period", "Quarter", "Fiscal year", "Financial year", "ช่วงเวลา", "ปีงบประมาณ", "ปีบัญชี", "ไตรมาส"),
    "aligns_to": ("Aligns to", "Aligned to", "Parent", "Parent objective", "Supports", "Contributes to",
                  "สอดคล้องกับ", "สนับสนุน", "สอดคล้องกับวัตถุประสงค์"),
    "depends_on": ("Depends on", "Dependencies", "Dependency", "ขึ้นอยู่กับ"),
    # One column holding objectives and key results alike, each row marked by a type or number column
    # ("O1" / "KR1.1", "Objective" / "Key result") or by the text's own label ("O1: ...").
    "okr": ("OKR", "OKRs", "OKR statement", "Objective / Key result", "Objectives and key results",
            "Objective or key result", "Objective/KR", "วัตถุประสงค์/ผลลัพธ์หลัก", "วัตถุประสงค์และผลลัพธ์หลัก",
            "เป้าประสงค์/ตัวชี้วัด", "Description", "รายการ", "รายละเอียด",
            "Title"),  # OKR tools' exports: Type (Objective / Key Result) | Title | Owner | Parent ...
    "type": ("Type", "Objective type", "ประเภท"),
    "score": ("Score", "Grade", "คะแนน"),
    "confidence": ("Confidence", "ความมั่นใจ", "ความเชื่อมั่น", "ระดับความมั่นใจ", "ระดับความเชื่อมั่น"),
    "level": ("Level", "ระดับ"),
}
FIELDS = tuple(HEADER_NAMES)
# Not a field of its own: beside an indicator column ("ผลลัพธ์หลัก | ตัวชี้วัด", "Key result | Metric"), the column
# of key-result statements. The indicator is the key result's title (the baseline and target measure it); the
# statement is kept beside it (tables.py).
KR_STATEMENT = "kr_statement"
# Common columns that are none of the above but sit close to one of them in spelling.
NOT_FIELDS = ("Start date", "Start", "วันที่เริ่มต้น", "Status", "สถานะ", "Progress", "ความคืบหน้า", "Remarks", "หมายเหตุ")
IGNORE = "ignore"  # a column-mapping value that drops a column
HEADER_SCAN_ROWS = 20
FUZZY_CUTOFF = 0.82
MIN_PREFIX = 4  # a prefix match needs this many normalised characters
# Short generic words that only count when they are the whole header ("Type of work" is not a type column).
EXACT_ONLY = frozenset({"type", "level", "score", "confidence", "okr"})
# Headers that are also the start of other words: "Lead" is an owner, "Lead time" and "Leads" are not.
EXACT_ALIASES = frozenset({"lead", "dri"})


def normalise(text: str) -> str:
    """Casefold and drop spaces, punctuation, symbols and parenthesised notes; keep Thai vowels/tone marks."""
    text = _without_notes(str(text))
    text = nfc(text).casefold().replace("เเ", "แ")  # two เ typed for แ ("คะเเนน"), a common Thai typo
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMN")


def _without_notes(text: str) -> str:
    r"""``re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)`` in one pass: the regex tries every "(" against the rest of the
    text, which costs a cell of many "(" and no ")" the square of its length (100,000 "(": minutes)."""
    if "(" not in text and "[" not in text:
        return text
    found: dict[str, int] = {}  # char -> its first place at or after the last search (-1: none)

    def find(char: str, start: int) -> int:
        place = found.get(char)
        if place is None or -1 < place < start:
            place = found[char] = text.find(char, start)
        return place

    pieces, pos = [], 0
    while True:
        note = None  # the first "(…)" or "[…]" from pos: an opening whose closing follows
        for opening, closing in (("(", ")"), ("[", "]")):
            start = find(opening, pos)
            if start == -1:
                continue
            end = find(closing, start + 1)
            if end != -1 and (note is None or start < note[0]):
                note = (start, end)
        if note is None:
            break
        pieces += (text[pos:note[0]], " ")
        pos = note[1] + 1
    pieces.append(text[pos:])
    return "".join(pieces)


_ALIASES: dict[str, str] = {normalise(name): field for field, names in HEADER_NAMES.items() for name in names}
_NOT_FIELDS = frozenset(normalise(name) for name in NOT_FIELDS)


_A_COUNT_OF = re.compile(r"\s*(?:#|(?i:no\.?\s*of|number\s+of|count\s+of|total|avg\.?|average|sum\s+of|%\s*of)\b|จำนวน|รวม|ค่าเฉลี่ย)"
                         r"|.*(?i:\bcount|\btotal)\s*$")


def summary_column(rows: Sequence[Sequence[object]]) -> str | None:
    """A column of the first rows that counts or sums OKRs ("จำนวนวัตถุประสงค์", "# Objectives", "No. of KRs",
    "Objective count"): the sheet is a summary of the OKRs, not OKRs. The first such header, or None."""
    for cells in rows[:HEADER_SCAN_ROWS]:
        for cell in cells:
            if not isinstance(cell, str) or len(cell) > 60:
                continue
            counted = _A_COUNT_OF.match(cell)
            if counted is None:
                continue
            rest = cell[counted.end():] if counted.end() < len(cell) else re.sub(r"(?i)\s*(?:count|total)\s*$", "", cell)
            if _field_for_header(rest.strip(" :-")) in ("objective", "key_result", "okr"):
                return " ".join(cell.split())
    return None


# Headers a summary of the OKRs has beside its objectives: what it counts or averages, and their state
_AGGREGATE_FIELDS = frozenset({"confidence", "score", "status", "progress"})
_SUMMARY_KEYS = frozenset({"team", "owner", "id", "objective", "okr", "level", "period"})


def summary_of_objectives(cells: Sequence[object], columns: Mapping[str, int]) -> str | None:
    """A header row whose objectives stand beside only counts, averages and states of them ("Objective | # KRs |
    Avg confidence", "วัตถุประสงค์ | จำนวนผลลัพธ์หลัก | ความคืบหน้าเฉลี่ย"), with no key-result, baseline or target
    column: a summary of the OKRs (a pivot sheet), not OKRs. The first counting or averaging header, or None."""
    if not ("objective" in columns or "okr" in columns) or "key_result" in columns:
        return None
    if any(field not in _SUMMARY_KEYS and field not in _AGGREGATE_FIELDS for field in columns):
        return None  # a baseline, a target, a due date...: an objective's own values
    counted = None
    for index, cell in enumerate(cells):
        if not isinstance(cell, str) or not cell.strip() or index in columns.values():
            continue
        if len(cell) <= 60 and _A_COUNT_OF.match(cell) is not None:
            counted = counted or " ".join(cell.split())
        elif _STATE_HEADER.fullmatch(cell.strip()) is None:
            return None  # a column of some other thing (a description, notes): not only a summary
    return counted


def counted_titles(rows: Sequence[Sequence[object]], header_row: int, columns: Mapping[str, int]) -> str | None:
    """A key-result or objective column that holds only numbers below its header ("Status | KRs | Avg grade" over
    "On track | 4 | 0.91"), beside no baseline, target or due column: it counts key results per state or team, a
    summary (a chart's data), not OKRs. The header of that column, or None."""
    if any(field not in _SUMMARY_KEYS and field not in _AGGREGATE_FIELDS and field != "key_result" for field in columns):
        return None
    titled = [columns[field] for field in ("key_result", "objective", "okr") if field in columns]
    if not titled:
        return None
    values = [row[column] for row in rows[header_row + 1:header_row + 201] for column in titled
              if column < len(row) and row[column] is not None and str(row[column]).strip()]
    if not values or not all(_is_number(value) for value in values):
        return None
    cell = rows[header_row][titled[0]]
    return " ".join(str(cell).split())


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return _NUMBER_CELL.fullmatch(str(value).strip()) is not None


_NUMBER_CELL = regexcache.compile(r"[-+]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*%?")


_STATE_HEADER = regexcache.compile(
    r"(?i:status|state|health|rag|trend|on\s+track\??|progress|%\s*(?:complete|done)|completion|last\s+updated|updated)"
    r"|สถานะ|ความคืบหน้า|ร้อยละความคืบหน้า|แนวโน้ม|ปรับปรุงล่าสุด")


def field_for_header(text: object) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(text, str):
        return None
    if _A_COUNT_OF.match(text):
        return None  # "# Objectives", "No. of KRs", "จำนวนวัตถุประสงค์": a summary's count, not the objectives
    field = _field_for_header(text)
    if field is None or is_goal_word(text):
        # A gloss in brackets says what an ambiguous or unknown head means: "เป้าหมาย (Objective)" is the
        # objective column, "เป้าหมาย (Target)" the target one.
        for gloss in _GLOSS.findall(text):
            glossed = _field_for_header(gloss)
            if glossed is not None and normalise(gloss) in _ALIASES:
                return glossed
    return field


_GLOSS = regexcache.compile(r"[(\[]([^)\]]*)[)\]]")
# "เป้าหมาย" means a goal as often as a target value: alone (or with a qualifier other than a period,
# "เป้าหมายการพัฒนา") it heads the objective column of a Thai plan whose target column is "ค่าเป้าหมาย".
_GOAL_WORD = regexcache.compile(r"เป้าหมาย(?!(?:ปี|ไตรมาส|ราย|พศ|fy|q[0-9]|[0-9๐-๙]|ค่า|ตัวชี้วัด|ผลลัพธ์))")


def is_goal_word(text: object) -> bool:
    """A header "เป้าหมาย" / "เป้าหมายการพัฒนา": an objective beside a target column, else a target."""
    return isinstance(text, str) and bool(_GOAL_WORD.match(normalise(text)))


def _field_for_header(text: str) -> str | None:
    key = normalise(text)
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    if _LADDER_HEADER.fullmatch(key):
        return "target"  # "ระดับ 1 … ระดับ 5": a level of the scoring ladder, never the plan's level (see ladder_level)
    if key in _NOT_FIELDS:
        return None
    if _RESPONSIBLE_UNIT.fullmatch(key):
        return "owner"  # "กองที่รับผิดชอบ", "Responsible division": the unit a key result is given to, not the set's team
    past = _RESULT_OF_A_YEAR.fullmatch(key)
    if past is not None:
        return "baseline" if _is_past_year(past["year"] or past["year2"]) else None
    if len(key) > _FUZZY_LONGEST:  # no alias is close to so long a cell: only its start can name a field
        field = _by_prefix(key)
    else:
        field = _by_prefix_or_spelling(key)
    if field == "period" and _CHECK_IN.search(key):
        return None  # "Quarterly progress", "Quarter 1 update", "Q1 actual": a check-in's column, not the period
    return field


# A column of a scoring ladder (normalised): "ระดับ 1" … "ระดับ 5", "ระดับที่ ๓", "ขั้นที่ 2", "Level 4", "Lv.5" — the five
# levels of the Thai public-sector and state-enterprise KPI form (สคร., ก.พ.ร.), often under a merged "ค่าเป้าหมาย"
_LADDER_HEADER = regexcache.compile(r"(?:ระดับ|ขั้น|level|lvl|lv)(?:ที่)?(?P<n>[1-9๑-๙])")


def ladder_level(text: object) -> int | None:
    """The level a ladder column's header names ("ระดับ ๓" → 3), or None."""
    if not isinstance(text, str):
        return None
    found = _LADDER_HEADER.fullmatch(normalise(text))
    if found is None:
        return None
    from okrlint.text.numbers import normalize_digits

    return int(normalize_digits(found["n"]))


def ladder_of(cells: Sequence[object]) -> dict[int, int]:
    """Column → level of a row's scoring ladder: at least three columns named "ระดับ 1", "ระดับ 2", … in order, each
    level once, numbered from 1 with none left out. Empty when the row has none."""
    levels = {column: level for column, cell in enumerate(cells) if (level := ladder_level(cell)) is not None}
    numbers = list(levels.values())
    if len(numbers) < 3 or numbers != list(range(1, len(numbers) + 1)):
        return {}
    return levels


def standard_level(ladder: Mapping[int, int]) -> int:
    """The level of a ladder that is the key result's target: of the usual five, ระดับ 3 (the standard target,
    ค่าเป้าหมายมาตรฐาน, that a สคร. agreement or a ก.พ.ร. KPI sets; ระดับ 5 is the stretch); of another number of
    levels, the one above the middle (2 of 3, 3 of 4, 4 of 7)."""
    return len(ladder) // 2 + 1


# What a check-in column beside the OKRs reports: its progress, update, actual, status, RAG, commentary (normalised)
_CHECK_IN = regexcache.compile(
    r"progress|update|actual|checkin|status|rag|comment|review|result|score|forecast|ความคืบหน้า|ผลการดำเนินงาน"
    r"|ผลงาน|สถานะ|รายงาน")


# Aliases a longer header may start with ("ค่าเป้าหมาย ปี 2570" is a target), and those a typo may come close to.
_PREFIXES = {alias: field for alias, field in _ALIASES.items()
             if len(alias) >= MIN_PREFIX and field not in EXACT_ONLY and alias not in EXACT_ALIASES}
_LONGEST_PREFIX = max(map(len, _PREFIXES))
_FUZZY = [alias for alias in _ALIASES if len(alias) >= 4 and alias not in EXACT_ALIASES]
_FUZZY_LENGTHS = sorted({len(alias) for alias in _FUZZY})
_FUZZY_CHARS = frozenset("".join(_FUZZY))


def _close_enough(matches: float, length: int, alias_length: int) -> bool:
    """difflib's test of a ratio: 2·matches / both lengths at least FUZZY_CUTOFF, with room for rounding (what
    passes here is only a candidate: difflib still decides)."""
    return 2.0 * matches / (length + alias_length) >= FUZZY_CUTOFF - 1e-9


# The longest key whose length difflib's first bound (2·shorter / both lengths) lets any alias be close to.
_FUZZY_LONGEST = max(n for n in range(1, 4 * _FUZZY_LENGTHS[-1]) if any(
    _close_enough(min(n, length), n, length) for length in _FUZZY_LENGTHS))


@functools.lru_cache(maxsize=None)
def _fuzzy_of_length(length: int) -> tuple[tuple[str, frozenset[str], float, float, dict[str, int]], ...]:
    """The aliases whose length lets them be close to a key of ``length`` characters, each with its characters, the
    fewest characters in common and the fewest matches it needs, and how often it holds each character."""
    found = []
    for alias in _FUZZY:
        if not _close_enough(min(length, len(alias)), length, len(alias)):
            continue
        counts = {c: alias.count(c) for c in set(alias)}
        need = FUZZY_CUTOFF * (length + len(alias)) / 2 - 1e-9
        found.append((alias, frozenset(alias), need / max(counts.values()), need, counts))
    return tuple(found)


def _by_prefix(key: str) -> str | None:
    """The field of the longest alias ``key`` starts with."""
    for length in range(min(len(key), _LONGEST_PREFIX), MIN_PREFIX - 1, -1):
        field = _PREFIXES.get(key[:length])
        if field is not None:
            return field
    return None


@functools.lru_cache(maxsize=1 << 16)  # keys of at most _FUZZY_LONGEST characters: a few MB at most
def _by_prefix_or_spelling(key: str) -> str | None:
    """The field by the longest alias ``key`` starts with, else by the alias it is a typo of. Kept per key: a sheet
    repeats its cells, and a header is looked at for each of its columns' questions."""
    field = _by_prefix(key)
    if field is not None or len(key) < 4:
        return field
    candidates = _could_be_close(key)
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=FUZZY_CUTOFF) if candidates else None
    return _ALIASES[close[0]] if close else None


def _could_be_close(key: str) -> list[str]:
    """The aliases difflib could find close to ``key``: those that upper bounds on the characters they match (the
    key's characters found in any alias; the characters in common, each as often as the alias holds it) do not
    rule out. Found without difflib's own setup for each alias, which cost about 0.2 ms a cell."""
    shared = sum(c in _FUZZY_CHARS for c in key)
    if not _close_enough(shared, len(key), _FUZZY_LENGTHS[0]):
        return []  # too few of its characters are in any alias ("w3x123q")
    chars = frozenset(key)
    found = []
    for alias, alias_chars, need_common, need, counts in _fuzzy_of_length(len(key)):
        common = alias_chars & chars
        if len(common) >= need_common and sum(counts[c] for c in common) >= need:
            found.append(alias)
    return found


# The unit a key result is given to, in a table of an organisation's OKRs (its key results shared out among units):
# "กองที่รับผิดชอบ", "ส่วนราชการที่รับผิดชอบ", "สำนัก/กองรับผิดชอบ", "ฝ่ายที่รับผิดชอบหลัก", "Responsible division",
# "Lead unit", "Department responsible", "Division in charge". Normalised (no spaces, no punctuation).
_RESPONSIBLE_UNIT = regexcache.compile(
    r"(?:กอง|ฝ่าย|ส่วนราชการ|ส่วนงาน|ส่วน|สำนักงาน|สำนัก|แผนก|ทีม|กลุ่มงาน|กลุ่ม|หน่วยงาน|หน่วย|ศูนย์)+(?:หลัก)?"
    r"(?:ที่)?(?:รับผิดชอบ|เป็นเจ้าภาพ|เจ้าภาพ)(?:หลัก)?"
    r"|(?:responsible|lead|leading|accountable|owning)(?:division|department|dept|unit|team|office|agency|section"
    r"|bureau|directorate|body|organi[sz]ation)s?"
    r"|(?:division|department|dept|unit|team|office|agency|section|bureau|directorate)s?(?:incharge|responsible|lead)")


# "ผลการดำเนินงาน ปี 2569", "ผลงานปีงบประมาณ พ.ศ. ๒๕๖๙", "Actual 2025", "FY25 result": what a past year reached is
# the baseline; the same column for the year being planned is progress, which okrlint does not read.
_RESULT_OF_A_YEAR = re.compile(
    r"(?:ผลการดำเนินงาน|ผลการปฏิบัติงาน|ผลงาน|actuals?|results?|baseline)(?:ปีงบประมาณ|ปีบัญชี|ปี|fy|year)?(?:พศ)?"
    r"(?P<year>[0-9๐-๙]{2,4})(?:actuals?|results?)?"
    r"|(?:fy|year)?(?P<year2>[0-9๐-๙]{2,4})(?:actuals?|results?)", re.IGNORECASE)


def _is_past_year(written: str) -> bool:
    from okrlint.text.numbers import normalize_digits
    from okrlint.text.periods import current_fiscal_year

    year = int(normalize_digits(written))
    year = year - 543 if year > 2400 else 2000 + year if year < 100 else year
    return year < current_fiscal_year()


class MappingError(ValueError):
    """The configuration's column mapping names a field that does not exist."""


def check_mapping(mapping: Mapping[str, str]) -> dict[str, str]:
    """Normalised header → field, from ``column-mapping`` in the configuration."""
    checked: dict[str, str] = {}
    for header, field in mapping.items():
        name = str(field).strip().lower().replace("-", "_").replace(" ", "_")
        if name not in FIELDS and name != IGNORE:
            raise MappingError(
                f"column-mapping: '{header}' maps to unknown field '{field}' (fields: {', '.join(FIELDS)}, or ignore)"
            )
        checked[normalise(str(header))] = name
    return checked


@attrs.frozen
class Header:
    """The header row of a table: its index and which column holds which field (0-based indexes)."""

    row: int
    columns: Mapping[str, int]
    # Columns read, latest first, when a field's own cell is blank: targets per quarter, where a row may fill only
    # the quarters it has planned ("เป้าหมาย Q1" filled, "เป้าหมาย Q2" blank)
    fallbacks: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)
    # A scoring ladder's columns ("ระดับ 1 … ระดับ 5"), column → level: the target is one of them (tables.py)
    ladder: Mapping[int, int] = attrs.field(factory=dict)

    def has(self, field: str) -> bool:
        return field in self.columns


def read_header(cells: Sequence[object], mapping: Mapping[str, str]) -> dict[str, int]:
    """Field → column index for one row; the configured mapping wins, the first column of a field wins."""
    columns: dict[str, int] = {}
    mapped = set(mapping.values())
    for index, cell in enumerate(cells):
        key = normalise(cell) if isinstance(cell, str) else ""
        if key and key in mapping:
            field = mapping[key]
            if field != IGNORE:
                columns.setdefault(field, index)
            continue
        field = field_for_header(cell)
        if field is not None and field not in mapped:
            columns.setdefault(field, index)
    if "key_result" not in mapped:
        columns = _statement_and_indicator(cells, columns, mapping)
    return _goal_column(cells, columns, mapping)


# A key-result header that names the measure ("ตัวชี้วัด", "KPI", "Indicator", "Metric") rather than the result
# ("ผลลัพธ์หลัก", "Key result", "KR")
_INDICATOR_HEADER = regexcache.compile(r"ตัวชี้วัด|ชื่อตัวชี้วัด|kpis?|keyperformanceindicators?|indicators?|metrics?"
                                       r"|success(?:metric|measure)s?")
_STATEMENT_HEADER = regexcache.compile(r"ผลลัพธ์หลัก|ผลลัพธ์ที่สำคัญ|ผลลัพธ์สำคัญ|ชื่อผลลัพธ์หลัก|keyresults?|krs?|keyresulttitle")


def _statement_and_indicator(cells: Sequence[object], columns: dict[str, int],
                             mapping: Mapping[str, str]) -> dict[str, int]:
    """A form with a key-result column and an indicator column ("ผลลัพธ์หลัก | ตัวชี้วัด | ค่าฐาน | ค่าเป้าหมาย",
    "Key result | Metric | Baseline | Target"): the indicator is what the baseline and target measure, so it is the
    key result's title; the statement's column is kept as KR_STATEMENT. One such column alone reads as before."""
    statement = indicator = None
    for index, cell in enumerate(cells):
        if not isinstance(cell, str) or normalise(cell) in mapping or field_for_header(cell) != "key_result":
            continue
        key = normalise(cell)
        if indicator is None and _INDICATOR_HEADER.match(key) and not _STATEMENT_HEADER.match(key):
            indicator = index
        elif statement is None and _STATEMENT_HEADER.match(key) and not _INDICATOR_HEADER.search(key):
            statement = index
    if statement is None or indicator is None:
        return columns
    return {**columns, "key_result": indicator, KR_STATEMENT: statement}


def _goal_column(cells: Sequence[object], columns: dict[str, int], mapping: Mapping[str, str]) -> dict[str, int]:
    """Read "เป้าหมาย" as the objective when the row has its own target column ("ค่าเป้าหมาย", "Target")."""
    goals = [i for i, cell in enumerate(cells) if is_goal_word(cell) and field_for_header(cell) == "target"
             and not (isinstance(cell, str) and normalise(cell) in mapping)]
    if not goals:
        return columns
    targets = [i for i, cell in enumerate(cells) if i not in goals and field_for_header(cell) == "target"
               and not (isinstance(cell, str) and normalise(cell) in mapping)]
    if not targets or "target" in set(mapping.values()):
        return columns
    columns = dict(columns)
    columns["target"] = targets[0]
    if "objective" not in columns and "objective" not in set(mapping.values()):
        columns["objective"] = goals[0]
    return columns


def names_okr_columns(cells: Sequence[object]) -> bool:
    """A row of cells that heads a table of key results: a key-result column and a baseline or target one."""
    fields = read_header(cells, {})
    return "key_result" in fields and ("baseline" in fields or "target" in fields)


def find_header(rows: Sequence[Sequence[object]], mapping: Mapping[str, str] | None = None) -> Header | None:
    """The row (among the first ~20) with the most recognised headers that names an objective or KR column."""
    mapping = mapping or {}
    best: Header | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns = read_header(cells, mapping)
        if sum(1 for cell in cells if isinstance(cell, str) and cell.strip() or isinstance(cell, (int, float))) <= 2:
            for field in ("objective", "key_result", "okr"):
                if field in columns and _titles_a_data_set(cells[columns[field]]) \
                        and not (isinstance(cells[columns[field]], str) and normalise(cells[columns[field]]) in mapping):
                    # "ชื่อชุดข้อมูล | วัตถุประสงค์และผลลัพธ์หลัก (OKR) ประจำปีงบประมาณ 2570" on a metadata sheet: a value
                    del columns[field]
        if "objective" in columns or "key_result" in columns:
            columns.pop("okr", None)  # a "Description" beside an objective column is only a note
        elif "okr" not in columns or len(columns) < 2:
            continue
        if best is None or len(columns) > len(best.columns):
            best = Header(index, columns)
    if best is not None:
        best = _latest_past_result(rows[best.row], best, mapping)
    if best is not None and "baseline" not in best.columns:
        best = _start_as_baseline(rows, best)
    return best


# A year in a target column's header: "ค่าเป้าหมาย ปี 2570", "Target FY26", "เป้าหมายปีงบประมาณ ๒๕๗๐"
_A_YEAR = regexcache.compile(r"(?<![0-9๐-๙])(?:19|20|25|๒๕)[0-9๐-๙]{2}(?![0-9๐-๙])")
_TITLE_LENGTH = 25  # a column's name with a year in it is short ("ตัวชี้วัด ปี 2570"); a data set's title is longer


def _titles_a_data_set(cell: object) -> bool:
    """A cell that names objectives or key results and a year at length, "Objectives and key results 2027",
    "วัตถุประสงค์และผลลัพธ์หลัก (OKR) ประจำปีงบประมาณ 2570": in a row of one or two cells, the title of a data set (the
    value beside "Title" on an open-data portal's metadata sheet, a title row), not the name of a column."""
    if not isinstance(cell, str):
        return False
    text = " ".join(_without_notes(cell).split())
    return len(text) > _TITLE_LENGTH and _A_YEAR.search(text) is not None


_YEAR_IN_TARGET = regexcache.compile(r"(?<![0-9๐-๙])(?:(?:19|20|25)[0-9]{2}|[๒][๕][๐-๙]{2})(?![0-9๐-๙])"
                                     r"|(?i:\bFY\s*'?)(?P<short>[0-9]{2})(?![0-9])")


def _calendar_year(written: str) -> int:
    from okrlint.text.numbers import normalize_digits

    year = int(normalize_digits(written))
    return year - 543 if year > 2400 else 2000 + year if year < 100 else year


def _latest_past_result(cells: Sequence[object], header: Header, mapping: Mapping[str, str]) -> Header:
    """Several columns of what past years reached ("ผลการดำเนินงาน ปี 2568 | ผลการดำเนินงาน ปี 2569 | ค่าเป้าหมาย ปี
    2570", "Actual FY24 | Actual FY25 | Target FY26"): the baseline is the latest year before the target's, and a
    row that leaves it blank takes the latest filled one before it. Past is judged against the year of the target
    column when its header names one, else against today's fiscal year; a result column of the target's year or
    later is progress, not a baseline."""
    if "baseline" in set(mapping.values()):
        return header
    results: dict[int, int] = {}  # column -> the calendar year whose result it holds
    for index, cell in enumerate(cells):
        if not isinstance(cell, str) or (normalise(cell) in mapping):
            continue
        found = _RESULT_OF_A_YEAR.fullmatch(normalise(cell))
        if found is not None:
            results[index] = _calendar_year(found["year"] or found["year2"])
    if not results:
        return header
    target_year = None
    target = header.columns.get("target")
    if target is not None and target < len(cells) and isinstance(cells[target], str):
        named = _YEAR_IN_TARGET.search(cells[target])
        if named is not None:
            target_year = _calendar_year(named["short"] or named.group(0))
    if target_year is not None:
        past = {index: year for index, year in results.items() if year < target_year}
    else:
        past = {index: year for index, year in results.items() if _is_past_year(str(year))}
    columns = dict(header.columns)
    if columns.get("baseline") in results and columns["baseline"] not in past:
        del columns["baseline"]  # the result so far of the target's own year: progress
    if not past or ("baseline" in columns and columns["baseline"] not in results):
        return attrs.evolve(header, columns=columns) if columns != header.columns else header
    order = sorted(past, key=lambda index: (past[index], index), reverse=True)
    columns["baseline"] = order[0]
    return attrs.evolve(header, columns=columns, fallbacks={**header.fallbacks, "baseline": tuple(order[1:])})


# "Start" names a start date as often as a starting value: it is the baseline when its cells are numbers.
_START_HEADERS = frozenset({"start", "from", "initial", "initialvalue", "startingpoint", "เริ่มต้น", "จุดเริ่มต้น"})


def _start_as_baseline(rows: Sequence[Sequence[object]], header: Header) -> Header:
    cells = rows[header.row]
    for column, cell in enumerate(cells):
        if not isinstance(cell, str) or normalise(cell) not in _START_HEADERS or column in header.columns.values():
            continue
        values = [row[column] for row in rows[header.row + 1:] if column < len(row) and row[column] not in (None, "")]
        numeric = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)
                   or isinstance(v, str) and _NUMERIC_CELL.match(v)]
        if values and len(numeric) * 2 > len(values):
            return Header(header.row, {**header.columns, "baseline": column})
    return header


_NUMERIC_CELL = re.compile(r"^\s*[-+]?[$฿€£]?\s*[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*(?:%|k|m|ms|s|h|x|บาท|ล้านบาท|วัน|ราย|คน)?\s*$",
                          re.IGNORECASE)


def header_names(language: str | None = None) -> list[tuple[str, list[str]]]:
    """(field, names) for documentation; ``language`` "th" or "en" filters by script."""
    listing = []
    for field, names in HEADER_NAMES.items():
        chosen = [n for n in names if language is None or _is_thai(n) == (language == "th")]
        listing.append((field, chosen))
    return listing


def _is_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)
