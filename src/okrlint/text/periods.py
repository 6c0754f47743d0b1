"""Planning periods and due dates as people write them in OKR documents, in Thai and English.

    parse_period("ไตรมาส 1/2569")  -> Period("ไตรมาส 1/2569", 2026-01-01, 2026-03-31, "quarter")
    parse_period("FY2570")         -> Period("FY2570", 2026-10-01, 2027-09-30, "fiscal_year")
    parse_date("31 มี.ค. 2569")     -> 2026-03-31

Conventions:

* A four-digit year above 2400 is a Buddhist Era (BE) year: CE = BE - 543.
* A two-digit year is CE (``Q1'26`` is 2026) unless the text is Thai (contains Thai letters) or is
  marked พ.ศ./B.E.; Thai writers abbreviate BE years, so ``มี.ค. 69`` is March 2569 BE = 2026.
* A fiscal year is named by the calendar year in which it ends: with the default October start,
  FY2027 (= FY2570) runs 2026-10-01..2027-09-30. With ``fiscal_year_start_month=1`` it is the
  calendar year. Fiscal quarters and halves count from the fiscal year's first month.
* Deadline wording names the period that ends then: ``end of 2025`` is the year 2025,
  ``by end of Q3 2026`` is Q3 2026, ``สิ้นปี 2569`` is the year 2026.
* A quarter, half or month without a year (``Q3``) is unknown: taking the year from today would
  hide a missing year. Only explicitly relative text (``this quarter``, ``ไตรมาสนี้``) uses today.
* Numeric dates are day first (31/03/2026), as in Thai and European usage; 03/31/2026 is unreadable.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from okrlint.model import Period
from okrlint.text.lazyre import lazy_compile

__all__ = ["fiscal_reading", "is_fiscal", "parse_date", "parse_period", "to_ce_year"]

_BE_OFFSET = 543
_BE_THRESHOLD = 2400
_MIN_YEAR, _MAX_YEAR = 1900, 2199  # CE years outside this are typos or not years at all
_MAX_TEXT_LENGTH = 200  # longer text is prose, not a period; also bounds the range search

_Found = tuple[dt.date, dt.date, str]  # start, end (inclusive), kind

# ---------------------------------------------------------------------------------------------
# Text normalisation

_CHARACTER_FIXES = str.maketrans(
    {
        **{thai: str(digit) for digit, thai in enumerate("๐๑๒๓๔๕๖๗๘๙")},
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201b\u2032`\u00b4", "'"),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff"),  # zero-width characters, common in Thai text
    }
)
_WHITESPACE = lazy_compile(r"\s+")
_THAI_LETTER = lazy_compile(r"[\u0e01-\u0e4e]")


def _normalize(text: str) -> str:
    text = text.translate(_CHARACTER_FIXES).casefold()
    return _WHITESPACE.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------
# Month names

_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Full name, abbreviation, then colloquial short forms and common misspellings.
_THAI_MONTHS = (
    ("มกราคม", "ม.ค.", "มกรา"),
    ("กุมภาพันธ์", "ก.พ.", "กุมภา", "กุมภาพันธ"),
    ("มีนาคม", "มี.ค.", "มีนา"),
    ("เมษายน", "เม.ย.", "เมษา"),
    ("พฤษภาคม", "พ.ค.", "พฤษภา"),
    ("มิถุนายน", "มิ.ย.", "มิถุนา"),
    ("กรกฎาคม", "ก.ค.", "กรกฎา", "กรกฏาคม"),
    ("สิงหาคม", "ส.ค.", "สิงหา"),
    ("กันยายน", "ก.ย.", "กันยา"),
    ("ตุลาคม", "ต.ค.", "ตุลา"),
    ("พฤศจิกายน", "พ.ย.", "พฤศจิกา"),
    ("ธันวาคม", "ธ.ค.", "ธันวา"),
)


def _month_key(name: str) -> str:
    return name.replace(".", "").replace(" ", "")


def _month_name_table() -> tuple[dict[str, int], str]:
    month_by_key: dict[str, int] = {}
    patterns: list[tuple[int, str]] = []
    for number, name in enumerate(_ENGLISH_MONTHS, start=1):
        for form in {name, name[:3]} | ({"sept"} if number == 9 else set()):
            month_by_key[form] = number
            patterns.append((len(form), re.escape(form) + r"\.?(?![a-z])"))
    for number, forms in enumerate(_THAI_MONTHS, start=1):
        for form in forms:
            month_by_key[_month_key(form)] = number
            # "มี.ค." is also written "มีค", "มี.ค" and "มี. ค."
            pieces = [re.escape(piece) for piece in form.split(".") if piece]
            pattern = r"\.?\s?".join(pieces) + (r"\.?" if "." in form else "")
            patterns.append((len(form), pattern))
    # Longest first, so that "march" is not read as "mar" followed by "ch".
    alternation = "|".join(pattern for _, pattern in sorted(patterns, key=lambda item: -item[0]))
    return month_by_key, f"(?:{alternation})"


_MONTH_BY_KEY, MONTH_NAME = _month_name_table()  # a pattern matching any month's name (the draft loader uses it too)


def _month_number(name: str) -> int:
    return _MONTH_BY_KEY[_month_key(name)]


# ---------------------------------------------------------------------------------------------
# Years


def to_ce_year(year: int) -> int:
    """A year as the Common Era year: 2569 (BE) -> 2026, 2026 -> 2026, 26 -> 2026."""
    year = int(year)
    if year > _BE_THRESHOLD:
        return year - _BE_OFFSET
    if 0 <= year < 100:
        return 2000 + year
    return year


def _year_from_digits(digits: str, buddhist: bool) -> int | None:
    """The CE year for a written year; two-digit years are BE when ``buddhist``."""
    number = int(digits)
    if len(digits) == 2:
        year = 2500 + number - _BE_OFFSET if buddhist else 2000 + number
    else:
        year = number - _BE_OFFSET if number > _BE_THRESHOLD else number
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


_ERA_BE = r"พ\.?\s?ศ\.?|b\.?\s?e\.?"
_ERA_CE = r"ค\.?\s?ศ\.?|c\.?\s?e\.?|a\.?\s?d\.?"
# ปีบัญชี / ปีการเงิน (a company's accounting year) and "financial year" (British, Australian) are fiscal years too
# "ปีงบฯ" is how Thai official papers shorten ปีงบประมาณ
_FISCAL_MARK = r"fy|f\.y\.|fiscal(?:\s+year)?|financial\s+year|ปีงบ(?:ประมาณ|\s?ฯ)?|ปีบัญชี|ปีการเงิน"
_YEAR_SPEC = lazy_compile(
    rf"""
    (?:(?P<fiscal>{_FISCAL_MARK})\s*)?
    (?:(?:ปี|cy|year|calendar\s+year)\s*)?
    (?:(?P<be>{_ERA_BE})|(?P<ce>{_ERA_CE}))?\s*
    '?(?P<year>\d{{4}}|\d{{2}})
    (?:\s*[/-]\s*(?P<fiscal_end>\d{{4}}|\d{{2}}))?
    (?:\s*(?P<be_after>{_ERA_BE})|\s*(?P<ce_after>{_ERA_CE}))?
    """,
    re.VERBOSE,
)


def _read_year_spec(text: str, thai: bool) -> tuple[int, bool] | None:
    """Read "2026", "'26", "ปี พ.ศ. 2569", "FY26", "ปีงบประมาณ 2570", "FY2026/27".

    Returns (CE year, is fiscal); a fiscal year is given by the CE year in which it ends.
    """
    match = _YEAR_SPEC.fullmatch(text)
    if match is None:
        return None
    is_fiscal = match["fiscal"] is not None
    buddhist = bool(match["be"] or match["be_after"]) or (
        thai and not (match["ce"] or match["ce_after"])
    )
    written_end = match["fiscal_end"]
    if written_end is None:
        year = _year_from_digits(match["year"], buddhist)
        return None if year is None else (year, is_fiscal)
    # "FY2026/27" and "FY 2569-70": a fiscal year written as the two calendar years it spans; "2026/27" too,
    # as British and Australian plans write their financial years (4 digits, then 2 or 4).
    written_start = match["year"]
    if not is_fiscal and (len(written_start) != 4 or match["fiscal_end"] is None):
        return None
    if len(written_end) == 2 and len(written_start) == 4:
        written_end = written_start[:2] + written_end  # "2026/27" -> 2027
    first = _year_from_digits(written_start, buddhist)
    last = _year_from_digits(written_end, buddhist)
    if first is None or last != first + 1:
        return None
    return last, True


# ---------------------------------------------------------------------------------------------
# Dates and spans of months


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not _MIN_YEAR - 1 <= year <= _MAX_YEAR + 1:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _month_span(year: int, month: int, months: int) -> tuple[dt.date, dt.date]:
    """First day of (year, month) to the last day of the ``months``-th month from it."""
    last_year, last_month = _add_months(year, month, months - 1)
    last_day = calendar.monthrange(last_year, last_month)[1]
    return dt.date(year, month, 1), dt.date(last_year, last_month, last_day)


def current_fiscal_year(start_month: int = 10, today: dt.date | None = None) -> int:
    """The (Christian-era) fiscal year today falls in, named by the year it ends in: FY2027 from October 2026."""
    today = today or dt.date.today()
    return today.year + (1 if start_month > 1 and today.month >= start_month else 0)


def _fiscal_year_start(fiscal_year: int, start_month: int) -> tuple[int, int]:
    return (fiscal_year if start_month == 1 else fiscal_year - 1), start_month


def _shift_years(day: dt.date, years: int) -> dt.date:
    year = day.year + years
    last_day = calendar.monthrange(year, day.month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return dt.date(year, day.month, last_day)  # keeps "end of February" the end of February
    return dt.date(year, day.month, min(day.day, last_day))


# ---------------------------------------------------------------------------------------------
# Single dates

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_TIME_SUFFIX = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
_ISO_DATE = lazy_compile(rf"(?P<year>\d{{4}})([-/.])(?P<month>\d{{1,2}})\2(?P<day>\d{{1,2}}){_TIME_SUFFIX}")
_COMPACT_DATE = lazy_compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_DAY_FIRST_DATE = lazy_compile(r"(?P<day>\d{1,2})([-/.])(?P<month>\d{1,2})\2(?P<year>\d{4}|\d{2})")
_DAY_MONTH_NAME_DATE = lazy_compile(rf"{_DAY}[\s\-/.]*(?P<month>{MONTH_NAME})[\s\-/.,]*(?P<year>.+)")
_MONTH_NAME_DAY_DATE = lazy_compile(rf"(?P<month>{MONTH_NAME})\s*{_DAY}\s*,?\s*(?P<year>'?\d{{4}}|'\d{{2}})")
_DATE_PREFIX = lazy_compile(r"^(?:(?:by|on|due)\s+|(?:ภายใน|ณ)\s*)?(?:วันที่\s*)?")


def _read_date(text: str, thai: bool) -> dt.date | None:
    match = _ISO_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text) or _DAY_FIRST_DATE.fullmatch(text)
    if match:
        year = _year_from_digits(match["year"], thai)
        return None if year is None else _date(year, int(match["month"]), int(match["day"]))
    match = _DAY_MONTH_NAME_DATE.fullmatch(text) or _MONTH_NAME_DAY_DATE.fullmatch(text)
    if match:
        year_spec = _read_year_spec(match["year"], thai)
        if year_spec is None or year_spec[1]:
            return None
        return _date(year_spec[0], _month_number(match["month"]), int(match["day"]))
    return None


def parse_date(value: object) -> dt.date | None:
    """A due date: ISO, BE years, day-first d/m/y, "31 มี.ค. 2569", "March 31, 2026".

    Returns None for anything unreadable, including periods ("Q1 2026") and impossible dates.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _from_buddhist_era(value)
    if not isinstance(value, str) or len(value) > _MAX_TEXT_LENGTH:
        return None
    text = _normalize(value)
    text = _DATE_PREFIX.sub("", text, count=1)
    return _read_date(text, thai=_THAI_LETTER.search(text) is not None)


def _from_buddhist_era(value: dt.date) -> dt.date | None:
    """YAML reads 2569-03-31 as a date in year 2569: a Buddhist Era year, 543 years ahead."""
    if value.year <= 2400:
        return value
    try:
        return value.replace(year=value.year - 543)
    except ValueError:  # 29 February of a BE year that is not a CE leap year
        return None


# ---------------------------------------------------------------------------------------------
# Quarters, halves and months with a year

_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_THAI_HALF = {"แรก": 1, "หลัง": 2}
_THAI_ORDINAL = {"แรก": 1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "สุดท้าย": 4}  # "ไตรมาสแรก", "ไตรมาสที่สาม"

# (kind, pattern); the pattern captures the number as ``n``, ``ordinal``, ``thai_half`` or ``month``.
_UNIT_PATTERNS = (
    ("quarter", r"q\s?(?P<n>[1-4])"),
    ("quarter", r"(?P<n>[1-4])\s?q"),
    ("quarter", r"quarter\s?(?P<n>[1-4])"),
    ("quarter", r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"),
    ("quarter", r"ไตรมาส(?:ที่)?\s?(?P<n>[1-4])"),
    ("quarter", r"ไตรมาส(?:ที่)?\s?(?P<thai_ordinal>แรก|หนึ่ง|สอง|สาม|สี่|สุดท้าย)"),
    ("half", r"h\s?(?P<n>[12])"),
    ("half", r"(?P<n>[12])\s?h"),
    ("half", r"half\s?(?P<n>[12])"),
    ("half", r"(?P<ordinal>first|second|1st|2nd)\s+half"),
    ("half", r"set\s?(?P<n>[12])"),  # some companies call their halves "sets"
    ("half", r"ครึ่ง(?:ปี)?(?P<thai_half>แรก|หลัง)"),
    ("half", r"ครึ่งปีที่\s?(?P<n>[12])"),
    ("month", rf"(?:เดือน\s?)?(?P<month>{MONTH_NAME})"),
)
_UNIT_TO_YEAR_SEPARATOR = r"\s*(?:[-/,.:]\s*|of\s+|ของ\s*)?"
_UNIT_THEN_YEAR = tuple(
    (kind, lazy_compile(rf"(?:{pattern}){_UNIT_TO_YEAR_SEPARATOR}(?P<rest>.+)"))
    for kind, pattern in _UNIT_PATTERNS
)
_YEAR_THEN_UNIT = tuple(
    (kind, lazy_compile(rf"(?P<rest>.+?)\s*[-/,.]?\s*(?:{pattern})"))
    for kind, pattern in _UNIT_PATTERNS
)
_UNIT_MONTHS = {"quarter": 3, "half": 6, "month": 1}
_BARE_TWO_DIGITS = lazy_compile(r"\d{2}")


def _unit_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("n"):
        return int(groups["n"])
    if groups.get("ordinal"):
        return _ORDINAL[groups["ordinal"]]
    if groups.get("thai_half"):
        return _THAI_HALF[groups["thai_half"]]
    if groups.get("thai_ordinal"):
        return _THAI_ORDINAL[groups["thai_ordinal"]]
    return _month_number(groups["month"])


def _unit_in_year(
    kind: str, number: int, year: int, is_fiscal: bool, start_month: int
) -> tuple[dt.date, dt.date]:
    if kind == "month":
        if is_fiscal and start_month != 1 and number >= start_month:
            year -= 1  # e.g. October of FY2027 is October 2026
        return _month_span(year, number, 1)
    first_year, first_month = (year, 1) if not is_fiscal else _fiscal_year_start(year, start_month)
    months = _UNIT_MONTHS[kind]
    return _month_span(*_add_months(first_year, first_month, months * (number - 1)), months)


def _read_unit_with_year(text: str, thai: bool, start_month: int, as_fiscal: bool = False) -> _Found | None:
    for candidates in (_UNIT_THEN_YEAR, _YEAR_THEN_UNIT):
        for kind, pattern in candidates:
            match = pattern.fullmatch(text)
            if match is None:
                continue
            rest = match["rest"]
            # "Mar 26" is more likely the 26th of March than March 2026; ask for "Mar 2026" or "Mar '26".
            english_month = kind == "month" and not _THAI_LETTER.search(match["month"])
            if english_month and _BARE_TWO_DIGITS.fullmatch(rest):
                continue
            year_spec = _read_year_spec(rest, thai)
            if year_spec is None:
                continue
            if as_fiscal:
                year_spec = (year_spec[0], True)
            start, end = _unit_in_year(kind, _unit_number(match), *year_spec, start_month)
            return start, end, kind
    return None


_NUMERIC_MONTH = (
    lazy_compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})"),
    lazy_compile(r"(?P<month>\d{1,2})[-/.](?P<year>\d{4})"),
)


def _read_numeric_month(text: str, thai: bool) -> tuple[dt.date, dt.date] | None:
    for pattern in _NUMERIC_MONTH:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year = _year_from_digits(match["year"], thai)
        month = int(match["month"])
        if year is not None and 1 <= month <= 12:
            return _month_span(year, month, 1)
    return None


# ---------------------------------------------------------------------------------------------
# Relative periods

_RELATIVE_ENGLISH = lazy_compile(
    r"(?P<which>this|current|next|coming|last|previous|prior)\s"
    r"(?P<unit>quarter|half|month|fiscal year|financial year|fy|year)"
)
_RELATIVE_THAI = lazy_compile(
    r"(?P<unit>ไตรมาส|ครึ่งปี|เดือน|ปีงบประมาณ|ปีงบฯ|ปีงบ|ปีบัญชี|ปีการเงิน|ปี)\s?"
    r"(?P<which>นี้|ปัจจุบัน|หน้า|ถัดไป|ที่แล้ว|ก่อน|ที่ผ่านมา)"
)
_RELATIVE_OFFSET = {
    "this": 0, "current": 0, "นี้": 0, "ปัจจุบัน": 0,
    "next": 1, "coming": 1, "หน้า": 1, "ถัดไป": 1,
    "last": -1, "previous": -1, "prior": -1, "ที่แล้ว": -1, "ก่อน": -1, "ที่ผ่านมา": -1,
}  # fmt: skip
_RELATIVE_UNIT = {  # unit -> (length in months, kind)
    "quarter": (3, "quarter"), "ไตรมาส": (3, "quarter"),
    "half": (6, "half"), "ครึ่งปี": (6, "half"),
    "month": (1, "month"), "เดือน": (1, "month"),
    "year": (12, "year"), "ปี": (12, "year"),
    "fiscal year": (12, "fiscal_year"), "financial year": (12, "fiscal_year"), "fy": (12, "fiscal_year"),
    "ปีงบประมาณ": (12, "fiscal_year"), "ปีงบ": (12, "fiscal_year"), "ปีงบฯ": (12, "fiscal_year"), "ปีบัญชี": (12, "fiscal_year"),
    "ปีการเงิน": (12, "fiscal_year"),
}  # fmt: skip


def _read_relative(text: str, start_month: int, today: dt.date | None) -> _Found | None:
    match = _RELATIVE_ENGLISH.fullmatch(text) or _RELATIVE_THAI.fullmatch(text)
    if match is None:
        return None
    months, kind = _RELATIVE_UNIT[match["unit"]]
    first_month = start_month if kind == "fiscal_year" else 1
    today = today or dt.date.today()
    month_index = today.year * 12 + today.month - 1
    # Step back to the first month of the period containing today, then move by whole periods.
    start_index = month_index - (month_index - (first_month - 1)) % months
    start_index += _RELATIVE_OFFSET[match["which"]] * months
    start, end = _month_span(start_index // 12, start_index % 12 + 1, months)
    return start, end, kind


# ---------------------------------------------------------------------------------------------
# Periods


_DEADLINE_PREFIX = lazy_compile(
    r"^(?:(?:by|until|till|due)\s(?:the\s)?(?:end\sof\s)?|(?:the\s)?end\sof\s"
    r"|(?:ภายใน|ณ|จนถึง)\s?(?:สิ้น)?|สิ้น)"
)
_RANGE_START_WORD = lazy_compile(r"^(?:from|ตั้งแต่)\s?")
_RANGE_SEPARATOR = lazy_compile(
    r"\s*(?:\.{2,3}|-|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b|จนถึง|ถึง)\s*"
)


# Thai school years: an academic year (ปีการศึกษา) runs from May to March; its first term (ภาคเรียนที่ 1) from
# May to October, the second from November to March.
_ACADEMIC_TERM = lazy_compile(r"(?:ภาคเรียน|ภาคการศึกษา|เทอม)\s?(?:ที่)?\s?(?P<term>[12])\s?/\s?(?P<year>\d{4}|\d{2})")
_ACADEMIC_YEAR = lazy_compile(r"ปีการศึกษา\s?(?:พ\.?\s?ศ\.?\s?)?(?P<year>\d{4}|\d{2})")
_ACADEMIC_SPANS = {None: (5, 11, "academic_year"), "1": (5, 6, "term"), "2": (11, 5, "term")}


def _read_academic(text: str) -> _Found | None:
    match = _ACADEMIC_TERM.fullmatch(text) or _ACADEMIC_YEAR.fullmatch(text)
    if match is None:
        return None
    year = _year_from_digits(match["year"], True)
    if year is None:
        return None
    term = match.groupdict().get("term")
    first_month, months, kind = _ACADEMIC_SPANS[term]
    return *_month_span(year, first_month, months), kind


# "Academic Year 2026/27", "AY 2026-27": September to August, as most English-speaking schools count it
_ENGLISH_ACADEMIC_YEAR = lazy_compile(r"(?:academic\s+year|school\s+year|ay)\s?(?P<first>\d{4})\s?[/-]\s?(?P<last>\d{4}|\d{2})")


def _read_english_academic(text: str) -> _Found | None:
    match = _ENGLISH_ACADEMIC_YEAR.fullmatch(text)
    if match is None:
        return None
    first = int(match["first"])
    last = int(match["last"]) if len(match["last"]) == 4 else first // 100 * 100 + int(match["last"])
    if last != first + 1 or not _MIN_YEAR <= first <= _MAX_YEAR:
        return None
    return *_month_span(first, 9, 12), "academic_year"


def _read_single(text: str, thai: bool, start_month: int, today: dt.date | None) -> _Found | None:
    relative = _read_relative(text, start_month, today)
    if relative:
        return relative
    if thai:
        if text.startswith("ประจำ"):  # "ประจำปี 2570", "ประจำปีงบประมาณ 2570": "for the year ..."
            text = text[len("ประจำ"):].lstrip()
        academic = _read_academic(text)
        if academic:
            return academic
    else:
        academic = _read_english_academic(text)
        if academic:
            return academic
    day = _read_date(text, thai)
    if day:
        return day, day, "date"
    month = _read_numeric_month(text, thai)
    if month:
        return *month, "month"
    # A lone "26" is too often a day or a count to be read as a year; "'26" and "FY26" are years.
    year_spec = None if _BARE_TWO_DIGITS.fullmatch(text) else _read_year_spec(text, thai)
    if year_spec:
        year, is_fiscal = year_spec
        if is_fiscal:
            return *_month_span(*_fiscal_year_start(year, start_month), 12), "fiscal_year"
        return *_month_span(year, 1, 12), "year"
    return _read_unit_with_year(text, thai, start_month)


def _read_with_borrowed_year(
    text: str, other: str, thai: bool, start_month: int, today: dt.date | None
) -> _Found | None:
    """Read one side of a range that leaves its year (or month) to the other: "Jan" in "Jan-Mar 2026"."""
    words = other.split(" ")
    for count in range(1, len(words)):
        for candidate in (f"{text} {' '.join(words[-count:])}", f"{' '.join(words[:count])} {text}"):
            found = _read_single(candidate, thai, start_month, today)
            if found:
                return found
    return None


def _read_range(
    text: str, thai: bool, start_month: int, today: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    text = _RANGE_START_WORD.sub("", text, count=1)
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[: separator.start()], text[separator.end() :]
        if not left or not right:
            continue
        first = _read_single(left, thai, start_month, today)
        last = _read_single(right, thai, start_month, today)
        borrowed_by = None
        if first is None and last is not None:
            first, borrowed_by = _read_with_borrowed_year(left, right, thai, start_month, today), "first"
        elif last is None and first is not None:
            last, borrowed_by = _read_with_borrowed_year(right, left, thai, start_month, today), "last"
        if first is None or last is None:
            continue
        start, end = first[0], last[1]
        # "Nov - Feb 2026" runs from November 2025: the borrowed year was one too late (or early).
        if start > end and borrowed_by == "first":
            start = _shift_years(start, -1)
        elif start > end and borrowed_by == "last":
            end = _shift_years(end, 1)
        if start <= end:
            return start, end
    return None


def _value_as_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e6:
        return str(int(value))  # spreadsheets give years as 2026.0
    return None


def _safe_str(value: object) -> str:
    if value is None:
        return ""
    try:
        return str(value)
    except Exception:  # a foreign object's __str__ may raise anything; the text is only for display
        return ""


def parse_period(value: object, *, fiscal_year_start_month: int = 10, today: dt.date | None = None) -> Period:
    """Read a planning period: a year, fiscal year, half, quarter, month, date or range.

    ``value`` may be text, a year as a number, or a date. Text that cannot be read gives
    ``Period(text)`` with kind "unknown"; this function does not raise on any ``value``.
    ``today`` anchors relative text such as "next quarter" (default: the current date).
    """
    if not (isinstance(fiscal_year_start_month, int) and 1 <= fiscal_year_start_month <= 12):
        raise ValueError(f"fiscal_year_start_month must be 1..12, not {fiscal_year_start_month!r}")
    if isinstance(value, Period):
        return value
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return Period(day.isoformat(), day, day, "date")
    text = _value_as_text(value)
    if text is None:
        return Period(_safe_str(value))
    if len(text) > _MAX_TEXT_LENGTH:
        return Period(text)

    normalized = _normalize(text)
    normalized = _DEADLINE_PREFIX.sub("", normalized, count=1).strip()
    if not normalized:
        return Period(text)
    thai = _THAI_LETTER.search(normalized) is not None
    single = _read_single(normalized, thai, fiscal_year_start_month, today)
    if single:
        return Period(text, *single)
    named = _read_year_with_its_months(normalized, today)
    if named:
        return Period(text, *named)
    span = _read_range(normalized, thai, fiscal_year_start_month, today)
    if span:
        return Period(text, *span, "range")
    # "ปีงบประมาณ 2570 (1 ต.ค. 2569 – 30 ก.ย. 2570)", "H1 2027 (Jan-Jun)": a period restated in brackets
    outside = _BRACKETED.sub(" ", normalized).strip()
    if outside and outside != normalized:
        found = parse_period(outside, fiscal_year_start_month=fiscal_year_start_month, today=today)
        if found.is_known:
            inside = _restated(normalized, fiscal_year_start_month, today)
            if (inside is not None and (inside.start, inside.end) != (found.start, found.end)
                    and (found.kind == "fiscal_year" or _FISCAL_MARK_RE.search(outside))):
                # "FY27 (July 1, 2026 – June 30, 2027)": the dates written out say when this organisation's
                # fiscal year runs, whatever the fiscal-year-start-month setting assumes
                return Period(text, inside.start, inside.end, found.kind)
            return Period(text, found.start, found.end, found.kind)
    return Period(text)


# "April to March", "Apr-Mar", "เมษายน–มีนาคม": the months a year runs in, named without their years
_YEAR_OF_MONTHS = lazy_compile(
    rf"(?<![a-z])(?P<first>{MONTH_NAME})\s*(?:-|to|through|thru|until|till|จนถึง|ถึง)\s*(?P<last>{MONTH_NAME})"
    r"(?:\s*(?:financial\s+year|fiscal\s+year|year|ปีงบประมาณ|ปีบัญชี|ปี)(?!\s*'?\d))?"
)
_LEFT_AROUND_MONTHS = lazy_compile(r"[()\[\]（）,;]")


def _read_year_with_its_months(normalized: str, today: dt.date | None) -> _Found | None:
    """A fiscal year (or its quarter or half) written with the twelve months it runs in: "2026/27 (April to
    March)", "FY2026/27 April–March", "ปีบัญชี 2570 (เมษายน–มีนาคม)". The months say when this organisation's
    year starts, whatever the fiscal-year-start-month setting assumes; "April to March 2026/27" reads the same."""
    match = _YEAR_OF_MONTHS.search(normalized)
    if match is None:
        return None
    first, last = _month_number(match["first"]), _month_number(match["last"])
    if last % 12 + 1 != first:
        return None  # not a whole year: "Jan–Mar 2026" is a range
    rest = _LEFT_AROUND_MONTHS.sub(" ", normalized[: match.start()] + " " + normalized[match.end() :])
    rest = _WHITESPACE.sub(" ", rest).strip(" -")
    if not rest:
        return None
    found = _read_single(rest, _THAI_LETTER.search(rest) is not None, first, today)
    if found is None or found[2] not in ("fiscal_year", "quarter", "half"):
        return None  # "2026 (April to March)" does not say which April
    return found


def _restated(normalized: str, fiscal_year_start_month: int, today: dt.date | None) -> Period | None:
    """The period written in brackets, when it is dates or months (not a fiscal name itself)."""
    for match in _BRACKETED.finditer(normalized):
        inner = match.group(0).strip().strip("()[]（）").strip()
        if _FISCAL_MARK_RE.search(inner):
            continue
        found = parse_period(inner, fiscal_year_start_month=fiscal_year_start_month, today=today)
        if found.is_known and found.kind in ("range", "month", "year", "date"):
            return found
    return None


_BRACKETED = lazy_compile(r"\s*[(\[（][^()\[\]（）]*[)\]）]")


_FISCAL_MARK_RE = lazy_compile(_FISCAL_MARK, re.IGNORECASE)


def fiscal_reading(period: Period, *, fiscal_year_start_month: int = 10, any_language: bool = False) -> Period | None:
    """The other reading of a Thai quarter or half written without saying whose year it is.

    ``ไตรมาส 1/2570`` is the first calendar quarter of 2570 BE (January–March 2027) in a company's
    plan, but the first quarter of fiscal year 2570 (October–December 2026) in a government agency's,
    where every quarter counts from the fiscal year. Periods are read the calendar way; checks that
    compare periods use this reading too before calling two periods inconsistent. None when the text
    leaves no doubt (an English quarter, a fiscal mark such as ปีงบประมาณ, not a quarter or half).
    ``any_language``: an English quarter too ("by Q4 2027" in an FY2027 plan may mean the plan's own fourth
    quarter), for text read where the context is a fiscal year.
    """
    if period.kind not in ("quarter", "half") or fiscal_year_start_month == 1:
        return None
    text = _normalize(period.text)
    thai = _THAI_LETTER.search(text) is not None
    if not (thai or any_language) or _FISCAL_MARK_RE.search(text):
        return None
    text = _DEADLINE_PREFIX.sub("", text, count=1).strip()
    found = _read_unit_with_year(text, thai, fiscal_year_start_month, as_fiscal=True)
    if found is None or found[:2] == (period.start, period.end):
        return None
    return Period(period.text, *found)


def is_fiscal(period: Period) -> bool:
    """Whether a period is a fiscal year or part of one by its text (``FY2027``, ``Q1 FY2027``, ``ปีงบประมาณ 2570``)."""
    return period.kind == "fiscal_year" or _FISCAL_MARK_RE.search(_normalize(period.text)) is not None


# ---------------------------------------------------------------------------------------------
# The months a fiscal year runs in: stated, or left to the fiscal-year-start-month setting

_MONTH_NAMES_EN = tuple(name.capitalize() for name in _ENGLISH_MONTHS)
_FISCAL_KINDS = ("fiscal_year", "quarter", "half")


def year_months(start_month: int) -> str:
    """The twelve months of a year that starts in ``start_month``, as messages name them: "April–March"."""
    return f"{_MONTH_NAMES_EN[start_month - 1]}–{_MONTH_NAMES_EN[(start_month + 10) % 12]}"


def read_by_setting(period: Period | None, fiscal_year_start_month: int = 10) -> bool:
    """Whether a fiscal year, or a quarter or half of one, is read by the fiscal-year-start-month setting alone: its text
    names the year without its months ("FY2026/27", "2026/27", "Q1 FY27", "ปีงบประมาณ 2570"), and nothing else (its
    document, the plan it aligns to) has set them. "2026/27 (April–March)", "FY27 (July 1, 2026 – June 30, 2027)", a
    calendar quarter or year: no."""
    if period is None or not period.is_known or period.kind not in _FISCAL_KINDS:
        return False
    if (period.start, period.end) != _span_of(period.text, fiscal_year_start_month):
        return False
    return _span_of(period.text, fiscal_year_start_month % 12 + 1) != (period.start, period.end)


def stated_start_month(period: Period | None, fiscal_year_start_month: int = 10) -> int | None:
    """The month a fiscal year starts in when something other than the setting says so: its text ("2026/27
    (April–March)", "FY27 (1 July 2026 – 30 June 2027)") or its document ("This plan covers the financial year 1 April
    2026 to 31 March 2027"). None for a year read by the setting, a part of a year, or a span that is not twelve whole
    months."""
    if period is None or not period.is_known or period.kind != "fiscal_year" or read_by_setting(period, fiscal_year_start_month):
        return None
    if not _whole_year(period.start, period.end):
        return None
    return period.start.month


def with_start_month(period: Period, start_month: int) -> Period | None:
    """The period's text read with a fiscal year that starts in ``start_month`` (None: then it is not read)."""
    found = parse_period(period.text, fiscal_year_start_month=start_month)
    return found if found.is_known and found.kind == period.kind else None


@functools.lru_cache(maxsize=4096)  # every set of a large org is looked at once per run, most with one of a few texts
def _span_of(text: str, start_month: int) -> tuple[dt.date | None, dt.date | None]:
    found = parse_period(text, fiscal_year_start_month=start_month)
    return found.start, found.end


def _whole_year(start: dt.date, end: dt.date) -> bool:
    """Twelve whole months: from the first of a month to the last day of the month before it, a year on."""
    if start.day != 1:
        return False
    last_year, last_month = _add_months(start.year, start.month, 11)
    return (end.year, end.month, end.day) == (last_year, last_month, calendar.monthrange(last_year, last_month)[1])


# "financial year", "fiscal year", "FY", "budget year", "ปีงบประมาณ", "ปีบัญชี": a sentence about the organisation's year
_YEAR_WORD = lazy_compile(
    r"(?<![a-z])(?:financial|fiscal|budget(?:ary)?|accounting|business|reporting|planning)\s+year|(?<![a-z])fy(?![a-z])"
    r"|ปีงบ|ปีบัญชี|ปีการเงิน")
_DATE_IN_TEXT = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s*{MONTH_NAME}\s*,?\s*(?:(?:พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|{MONTH_NAME}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*\d{{4}})"
)
_DATES_OF_A_YEAR = lazy_compile(
    rf"(?P<first>{_DATE_IN_TEXT})\s*(?:-|to|until|till|through|thru|and|(?:จน)?ถึง)\s*(?:วันที่\s*)?(?P<last>{_DATE_IN_TEXT})")


def stated_year(text: str) -> tuple[int, tuple[dt.date, dt.date] | None] | None:
    """The months of the organisation's year as a sentence states them: (its first month, its dates when given).

    "This plan covers the financial year 1 April 2026 to 31 March 2027" -> (4, (2026-04-01, 2027-03-31));
    "Our financial year runs from July to June" -> (7, None); "ปีงบประมาณ 2570 (1 ต.ค. 2569 – 30 ก.ย. 2570)" -> 10.
    The sentence names a fiscal year ("financial year", "FY", "ปีงบประมาณ", "ปีบัญชี") and twelve whole months: the
    first of a month to the last day of the month before it a year on, or two month names that make a year ("April to
    March"). Anything else (a half year's dates, a date range in a sentence about something else) gives None."""
    if not isinstance(text, str) or len(text) > 2000:
        return None
    normalized = _normalize(text)
    if _YEAR_WORD.search(normalized) is None:
        return None
    for match in _DATES_OF_A_YEAR.finditer(normalized):
        first, last = parse_date(match["first"]), parse_date(match["last"])
        if first is not None and last is not None and _whole_year(first, last):
            return first.month, (first, last)
    for match in _YEAR_OF_MONTHS.finditer(normalized):
        first, last = _month_number(match["first"]), _month_number(match["last"])
        if last % 12 + 1 == first:
            return first, None
    return None
