"""Reviews 18 (a Thai hospital) and 19 (an English scale-up, a charity, a council): numbers and periods
that were read wrongly. The cases are written afresh, not copied from the reviewers' documents."""

from __future__ import annotations

import datetime as dt

import pytest

from okrlint.testing import lint_documents, lint_yaml
from okrlint.text.numbers import parse_number, read_change, read_goal_field, read_numbers
from okrlint.text.periods import parse_period


def _span(text: str, **kwargs) -> tuple[dt.date | None, dt.date | None]:
    period = parse_period(text, **kwargs)
    return period.start, period.end


def _codes(title: str, **fields) -> list[str]:
    extra = "".join(f"\n        {key}: {value!r}" for key, value in fields.items())
    text = f"team: t\nobjectives:\n  - title: Patients are safe\n    key_results:\n      - title: {title!r}{extra}\n"
    return sorted(f.name for f in lint_yaml(text) if f.object_kind == "key_result")


# --- a year written with the months it runs in ----------------------------------------------------------

APRIL_YEAR = (dt.date(2025, 4, 1), dt.date(2026, 3, 31))


@pytest.mark.parametrize("text", [
    "2025/26 (April to March)", "2025/26 (April–March)", "2025-26 (Apr–Mar)", "FY2025/26 (April-March)",
    "FY26 (April to March)", "2025/26, April to March", "2025/26 April–March", "April to March 2025/26",
    "Apr–Mar FY2025/26", "2025/26 (April to March financial year)", "2025/26 (1 April 2025 – 31 March 2026)",
    "ปีบัญชี 2569 (เมษายน–มีนาคม)", "2025/26 (เมษายน - มีนาคม)",
])
def test_a_year_named_with_its_months_runs_in_those_months(text):
    assert _span(text) == APRIL_YEAR


def test_the_months_also_move_a_quarter_or_half_of_that_year():
    assert _span("H2 2025/26 (April to March)") == (dt.date(2025, 10, 1), dt.date(2026, 3, 31))
    assert _span("Q1 FY2025/26 (July to June)") == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))


@pytest.mark.parametrize(("text", "expected"), [
    ("2025/26 (July to June)", (dt.date(2025, 7, 1), dt.date(2026, 6, 30))),
    ("ปีงบประมาณ 2569 (ตุลาคม–กันยายน)", (dt.date(2025, 10, 1), dt.date(2026, 9, 30))),
    ("2025/26", (dt.date(2025, 10, 1), dt.date(2026, 9, 30))),  # no months: the configured start
    ("Feb–Apr 2026", (dt.date(2026, 2, 1), dt.date(2026, 4, 30))),  # not a whole year: a range
])
def test_other_months_and_no_months(text, expected):
    assert _span(text) == expected


def test_months_without_a_year_are_still_unreadable():
    assert not parse_period("April to March").is_known


def test_a_due_date_in_the_first_quarter_of_an_april_year_is_inside_it():
    draft = ("Team: housing\nPeriod: 2025/26 (April to March)\n\nObjective 1: Tenants get repairs done quickly\n"
             "- Cut the average repair time from 20 days to 12 days\n  - Due: 30/06/2025\n"
             "- Raise first-visit fixes from 70% to 80%\n")
    findings = lint_documents([("housing.okr.md", draft)])
    assert not [f for f in findings if f.name == "period-mismatch"]


# --- ปีงบฯ, the usual abbreviation of ปีงบประมาณ ----------------------------------------------------------


@pytest.mark.parametrize("text", ["ปีงบฯ 2569", "ปีงบฯ ๒๕๖๙", "ปีงบฯ 69", "ประจำปีงบฯ 2569", "ปีงบฯ พ.ศ. 2569"])
def test_the_abbreviated_thai_fiscal_year_is_read(text):
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30), "fiscal_year")


def test_a_quarter_of_the_abbreviated_fiscal_year():
    assert _span("ไตรมาส 2 ปีงบฯ 2569") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def test_a_period_line_with_the_abbreviation_is_not_unreadable():
    draft = "หน่วยงาน: งานเภสัชกรรม\nช่วงเวลา: ปีงบฯ 2569\n\nวัตถุประสงค์: ผู้ป่วยได้รับยาถูกต้อง\n" \
            "ผลลัพธ์หลัก:\n- ลดความคลาดเคลื่อนทางยาจาก 12 ครั้ง เหลือ 4 ครั้ง\n- เพิ่มการให้คำปรึกษาด้านยาจาก 60% เป็น 85%\n"
    assert not [f for f in lint_documents([("pharmacy.okr.md", draft)]) if f.name == "unreadable-period"]


def test_a_year_after_the_abbreviation_is_a_year_not_a_quantity():
    kinds = [(m.kind, m.value) for m in read_numbers("เพิ่มรายได้ปีงบฯ 2569 เป็น 15 ล้านบาท")]
    assert kinds == [("year", 2569.0), ("money", 15_000_000.0)]
    change = read_change("ลดอัตราติดเชื้อเหลือ 2% (ปีงบฯ 2568: 3.5%)")
    assert (change.baseline, change.target) == (3.5, 2.0)


# --- scaled numbers are exact -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("8.2 ล้านบาท", 8_200_000), ("4.35 ล้าน", 4_350_000), ("1.1 million", 1_100_000), ("£3.3m", 3_300_000),
    ("0.7k", 700), ("2 ล้าน 3 แสน", 2_300_000), ("12.345k", 12_345), ("2.3 พันล้าน", 2_300_000_000),
])
def test_a_scaled_number_is_the_number_written(text, expected):
    assert parse_number(text) == expected
    assert read_goal_field("baseline", text) == (expected, None)
