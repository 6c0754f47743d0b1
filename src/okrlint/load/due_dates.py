"""Due dates written without their year ("Jan 31", "31 Mar", "31/3", "31 ม.ค."), as trackers write them.

Such a date is not an unreadable value: its year is the one that puts it inside the set's period (FY27 running
from February 2027 to January 2028 makes "Jan 31" 2028-01-31 and "May 31" 2027-05-31). When no year of the
period fits, the year the period starts in is taken (so a due date after the period is still reported as
such); when the set has no known period, the due date stays unknown, with no finding.
"""

from __future__ import annotations

import datetime as dt

import attrs

from okrlint.model import OKRSet, Period
from okrlint.text import regexcache
from okrlint.text.periods import parse_date

_DIGITS = regexcache.compile(r"\d+")
_DAY_MONTH_NUMBERS = regexcache.compile(r"\s*\d{1,2}\s*([/.\-])\s*\d{1,2}\s*")
_LEAP_YEAR = 2000  # 29 February is a date in it


def _with_year(text: str, year: int) -> str:
    numbers = _DAY_MONTH_NUMBERS.fullmatch(text)
    if numbers:  # "31/3" -> "31/3/2028": the separator the date already uses
        return f"{text.strip()}{numbers.group(1)}{year}"
    return f"{text.strip().rstrip(',')} {year}"


def is_month_day(text: object) -> bool:
    """A day and a month with no year: "Jan 31", "31st March", "31 Mar", "31/3", "๓๑ ม.ค.", "by Nov 1"."""
    if not isinstance(text, str) or not text.strip() or len(text) > 40:
        return False
    numbers = _DIGITS.findall(text)
    if not 1 <= len(numbers) <= 2 or any(len(number) > 2 for number in numbers):
        return False  # a year is written ("Jan 2028"), or something else altogether
    return parse_date(text) is None and parse_date(_with_year(text, _LEAP_YEAR)) is not None


def month_day_in(text: str, period: Period | None) -> dt.date | None:
    """The date of a month-day due date in ``period``: see the module's docstring."""
    if period is None or not period.is_known:
        return None
    first = None
    for year in range(period.start.year, period.end.year + 1):
        date = parse_date(_with_year(text, year))
        if date is None:
            continue
        if period.start <= date <= period.end:
            return date
        first = first or date
    return first


def settle_month_day_dues(okr_set: OKRSet) -> OKRSet:
    """The set with the year of every month-day due date taken from its period."""
    changed = False
    objectives = []
    for objective in okr_set.objectives:
        key_results = []
        for kr in objective.key_results:
            if kr.due is None and kr.due_text and is_month_day(kr.due_text):
                date = month_day_in(kr.due_text, okr_set.period)
                if date is not None:
                    kr = attrs.evolve(kr, due=date)
                    changed = True
            key_results.append(kr)
        objectives.append(attrs.evolve(objective, key_results=tuple(key_results)) if changed else objective)
    return attrs.evolve(okr_set, objectives=tuple(objectives)) if changed else okr_set
