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


# --- baseline notes that name the year and what the figure is ----------------------------------------------


@pytest.mark.parametrize(("title", "baseline", "target"), [
    ("ลดการติดเชื้อในกระแสเลือดเหลือ 1 ราย (ค่าฐาน ปี 2568: 6 ราย)", 6, 1),
    ("ลดการติดเชื้อในกระแสเลือดเหลือ 1 ราย (ค่าฐาน 2568: 6 ราย)", 6, 1),  # 2568 is the year, not the baseline
    ("ลดการติดเชื้อในกระแสเลือดเหลือ 1 ราย (2568: 6 ราย)", 6, 1),
    ("Keep library running costs within the £1.8m budget (2024/25 outturn: £2.1m)", 2_100_000, 1_800_000),
    ("Keep library running costs within the £1.8m budget (outturn 2024/25: £2.1m)", 2_100_000, 1_800_000),
    ("Hold staff turnover at 12% (2025 actual: 15%)", 15, 12),
    ("Raise volunteer hours to 9,000 (actuals: 7,400)", 7_400, 9_000),
    ("Lift the pass rate to 80% (baseline FY25: 71%)", 71, 80),
])
def test_a_labelled_figure_of_a_past_year_is_the_baseline(title, baseline, target):
    change = read_change(title)
    assert (change.baseline, change.target) == (baseline, target)


def test_a_year_that_labels_a_figure_is_not_a_quantity():
    assert [m.kind for m in read_numbers("Lift the pass rate to 80% (2025: 71%)")] == ["percent", "year", "percent"]


def test_a_baseline_note_with_its_year_answers_missing_baseline():
    assert _codes("ลดการติดเชื้อในกระแสเลือดเหลือ 1 ราย (ค่าฐาน ปี 2568: 6 ราย)") == []
    assert "kr-missing-baseline" not in _codes("Keep library running costs within the £1.8m budget (2024/25 outturn: £2.1m)")


# --- none of something is a target --------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "ไม่มีผู้ป่วยตกเตียงในหอผู้ป่วยใน (ค่าฐาน: 3 ราย)",
    "ไม่มีการให้เลือดผิดหมู่ (ค่าฐาน ปี 2568: 2 ครั้ง)",
    "ไม่เกิดแผลกดทับรายใหม่ (ปีที่แล้ว 9 ราย)",
    "ปลอดอุบัติเหตุจากเข็มทิ่มตำ (ค่าฐาน: 5 ครั้ง)",
    "No needlestick injuries in theatre staff (last year: 5)",
    "Zero lost-time accidents at the depot (2025: 3)",
])
def test_none_of_something_with_a_baseline_is_a_target_of_zero(title):
    change = read_change(title)
    assert change.target == 0 and change.baseline > 0 and change.direction == "down"
    assert _codes(title) == []


@pytest.mark.parametrize(("title", "target"), [
    ("No more than 4 bed falls a quarter (baseline: 9)", 4),  # a bound, not none
    ("No. of complaints answered late (baseline: 40)", None),  # the abbreviation of "number"
    ("ไม่มีข้อมูลเดิม (ค่าฐาน: 4 ราย)", None),
])
def test_no_that_does_not_mean_none(title, target):
    assert read_change(title).target == target


# --- the target is the number of the baseline's kind -------------------------------------------------------


@pytest.mark.parametrize(("title", "baseline", "target"), [
    ("65% of learners improve their score by 10+ points within a term (2025: 52%)", 52, 65),
    ("80% of tenants wait 3 days or less for a repair (last year: 61%)", 61, 80),
    ("£40k raised from events with 12+ volunteers each (2025: £28k)", 28_000, 40_000),
])
def test_a_bar_inside_the_measure_is_not_the_target(title, baseline, target):
    change = read_change(title)
    assert (change.baseline, change.target, change.direction) == (baseline, target, "up")


@pytest.mark.parametrize(("title", "baseline", "target"), [
    ("Grow weekly bookings by 30% (from 500)", 500, 650),  # a change by a share of a count
    ("Raise 90-day new-hire satisfaction from 3.6 to 4.2 out of 5", 3.6, 4.2),  # a score and its scale
    ("Grow revenue from zero to £250k", 0, 250_000),
])
def test_a_target_of_another_kind_stays_when_it_is_meant(title, baseline, target):
    change = read_change(title)
    assert (change.baseline, change.target) == (baseline, target)


# --- pence ----------------------------------------------------------------------------------------------


def test_pence_are_money():
    change = read_change("Cut the admin cost per £1 donated from 18p to 25p")
    assert (change.baseline, change.target, change.direction) == (0.18, 0.25, "up")
    assert "kr-direction-mismatch" in _codes("Cut the admin cost per £1 donated from 18p to 25p")
    change = read_change("Bring the cost per school meal down from £1.05 to 90p")
    assert (change.baseline, change.target, change.direction) == (1.05, 0.9, "down")
    assert [(m.kind, m.value) for m in read_numbers("a 35 pence saving")] == [("money", 0.35)]


@pytest.mark.parametrize("text", ["Stream 1080p video to 40% of viewers", "Run the 2pm stand-up", "p95 latency under 300ms"])
def test_other_ps_are_not_pence(text):
    assert not [m for m in read_numbers(text) if m.kind == "money"]


# --- a length of time that names what is counted ---------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Win a 5-year contract with the county council",
    "Sign a 2-year lease for the second depot",
    "Reduce the number of callers holding longer than 10 minutes",
    "Cut the backlog of claims open more than 30 days",
    "ลดจำนวนผู้ป่วยที่รอตรวจเกิน 2 ชั่วโมง",
    "ลดสัดส่วนคำร้องที่ค้างนานกว่า 15 วัน",
    "Increase the share of calls answered within 20 seconds",
    "เพิ่มสัดส่วนผู้ป่วยที่ได้รับยาภายใน 30 นาที",
])
def test_a_length_that_names_what_is_counted_is_no_target(title):
    assert not [m for m in read_numbers(title) if m.kind not in ("year", "date", "period", "ordinal")]
    assert "kr-not-measurable" in _codes(title)


@pytest.mark.parametrize(("title", "target", "direction"), [
    ("ลดเวลารอตรวจให้ไม่เกิน 2 ชั่วโมง", 2, "down"),
    ("Cut phone waits to under 10 minutes", 10, "down"),
    ("Keep phone waits no longer than 10 minutes", 10, "down"),
    ("Resolve claims within 30 days", 30, "down"),
    ("ลดเวลารอตรวจเกิน 2 ชั่วโมง", 2, "up"),  # the wait itself is what is reduced: the bound is its target
    ("Secure a 24-month cash runway", 24, None),  # the length is what is measured
])
def test_a_bound_on_the_measure_itself_is_the_target(title, target, direction):
    change = read_change(title)
    assert (change.target, change.direction) == (target, direction)


def test_the_bound_and_a_change_of_the_count_together():
    change = read_change("Reduce callers holding longer than 10 minutes from 300 to 120 a week")
    assert (change.baseline, change.target, change.direction) == (300, 120, "down")
    change = read_change("Lower the share of invoices over 60 days overdue to 4%")
    assert (change.target, change.direction) == (4, "down")
    assert [m.kind for m in read_numbers("ลดเวลารอลงมากกว่า 1 ชั่วโมง")] == ["number"]  # by more than: how much


@pytest.mark.parametrize("title", [
    "ลดจำนวนผู้ป่วยที่รอตรวจเกินสองชั่วโมง", "Reduce the number of callers holding longer than ten minutes",
    "Win a five-year contract with the county council",
])
def test_a_length_in_words_that_names_what_is_counted_is_no_target(title):
    assert [m.kind for m in read_numbers(title)] == ["period"]


def test_a_bound_in_words_on_the_measure_itself_is_the_target():
    assert read_change("ลดเวลารอตรวจให้ไม่เกินสองชั่วโมง").target == 2
    assert read_change("Cut phone waits to under ten minutes").target == 10


# --- which one, not how many ------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Pass the SOC 2 Type II audit", "Pass the SOC 2 Type 2 audit", "ลดผู้ป่วยเบาหวานชนิดที่ 2 ที่คุมน้ำตาลไม่ได้",
])
def test_a_type_or_a_standard_named_by_number_is_no_quantity(title):
    assert not [m for m in read_numbers(title) if m.kind not in ("year", "date", "period", "ordinal")]


def test_the_target_is_not_the_type():
    assert read_change("Screen 70% of adults on the register for type 2 diabetes").target == 70


@pytest.mark.parametrize("title", ["ไม่มีผู้ป่วยตกเตียงในหอผู้ป่วยใน", "No needlestick injuries in theatre staff", "No data breaches"])
def test_none_of_something_is_a_target_even_with_its_baseline_elsewhere(title):
    assert read_change(title).target == 0
    assert _codes(title, baseline="4") == []  # the baseline in its own field
    assert "kr-not-measurable" not in _codes(title)


@pytest.mark.parametrize("title", ["No more than", "No data yet", "No. of complaints", "Nothing to report"])
def test_words_that_start_with_no_are_no_target(title):
    assert read_change(title) is None
