import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.model import Period
from okrlint.text.periods import fiscal_reading, parse_date, parse_period, to_ce_year

D = dt.date
TODAY = D(2026, 5, 15)  # in Q2 2026, H1 2026, FY2026 (Oct start)


def expect(text, start, end, kind, **options):
    return pytest.param(text, start, end, kind, options, id=text)


PERIOD_CASES = [
    # Years, CE and Buddhist Era
    expect("2026", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("2569", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("พ.ศ. 2569", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("ปี 2569", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("ปี พ.ศ. 2569", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("ค.ศ. 2026", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("๒๕๖๙", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("  2026 \n", D(2026, 1, 1), D(2026, 12, 31), "year"),
    # Calendar quarters
    expect("2026-Q1", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("2026Q1", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("Q1 2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("Q1-2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("Q1/2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("q1 – 2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("2018 Q2", D(2018, 4, 1), D(2018, 6, 30), "quarter"),
    expect("Q2 2018", D(2018, 4, 1), D(2018, 6, 30), "quarter"),
    expect("Q1'26", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("Q4’26", D(2026, 10, 1), D(2026, 12, 31), "quarter"),
    expect("1Q26", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("3rd quarter of 2026", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    expect("ไตรมาส 1/2569", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("ไตรมาส 1 ปี 2569", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("ไตรมาส ๔/๒๕๖๙", D(2026, 10, 1), D(2026, 12, 31), "quarter"),
    expect("ไตรมาส 2/69", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    # Fiscal quarters (default October start)
    expect("ไตรมาสที่ 1 ปีงบประมาณ 2570", D(2026, 10, 1), D(2026, 12, 31), "quarter"),
    expect("ไตรมาส 3 ปีงบ 70", D(2027, 4, 1), D(2027, 6, 30), "quarter"),
    expect("FY22-Q1", D(2021, 10, 1), D(2021, 12, 31), "quarter"),
    expect("FY2027 Q2", D(2027, 1, 1), D(2027, 3, 31), "quarter"),
    expect("Q3 FY26", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    expect("Q4 FY2570", D(2027, 7, 1), D(2027, 9, 30), "quarter"),
    expect("Q1 FY2027", D(2026, 4, 1), D(2026, 6, 30), "quarter", fiscal_year_start_month=4),
    expect("FY2027 Q1", D(2027, 1, 1), D(2027, 3, 31), "quarter", fiscal_year_start_month=1),
    # Halves
    expect("2026-H1", D(2026, 1, 1), D(2026, 6, 30), "half"),
    expect("H1 2026", D(2026, 1, 1), D(2026, 6, 30), "half"),
    expect("1H 2026", D(2026, 1, 1), D(2026, 6, 30), "half"),
    expect("H2-2026", D(2026, 7, 1), D(2026, 12, 31), "half"),
    expect("second half of 2026", D(2026, 7, 1), D(2026, 12, 31), "half"),
    expect("ครึ่งปีแรก 2569", D(2026, 1, 1), D(2026, 6, 30), "half"),
    expect("ครึ่งปีหลัง 2569", D(2026, 7, 1), D(2026, 12, 31), "half"),
    expect("ครึ่งแรกของปี 2569", D(2026, 1, 1), D(2026, 6, 30), "half"),
    expect("2020 Set 1", D(2020, 1, 1), D(2020, 6, 30), "half"),
    expect("2020 set 2", D(2020, 7, 1), D(2020, 12, 31), "half"),
    expect("FY26 H1", D(2025, 10, 1), D(2026, 3, 31), "half"),
    expect("ครึ่งปีหลัง ปีงบประมาณ 2570", D(2027, 4, 1), D(2027, 9, 30), "half"),
    # Months
    expect("2026-03", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("2026/02", D(2026, 2, 1), D(2026, 2, 28), "month"),
    expect("03/2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("02/2567", D(2024, 2, 1), D(2024, 2, 29), "month"),
    expect("March 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("Mar 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("SEPT. 2026", D(2026, 9, 1), D(2026, 9, 30), "month"),
    expect("Mar '26", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("มีนาคม 2569", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("มี.ค. 69", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("มีค 69", D(2026, 3, 1), D(2026, 3, 31), "month"),
    expect("เดือนกรกฎาคม 2569", D(2026, 7, 1), D(2026, 7, 31), "month"),
    expect("ก.พ. 2567", D(2024, 2, 1), D(2024, 2, 29), "month"),
    expect("ธ.ค. 2026", D(2026, 12, 1), D(2026, 12, 31), "month"),
    # Fiscal years
    expect("FY2570", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("FY 2570", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("ปีงบประมาณ 2570", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("ปีงบ 70", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("ปีงบประมาณ พ.ศ. 2570", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("FY2027", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("FY26", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    expect("FY'26", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    expect("fy26", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    expect("FY2026/27", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("FY 2569-70", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("FY2027", D(2027, 1, 1), D(2027, 12, 31), "fiscal_year", fiscal_year_start_month=1),
    expect("FY2027", D(2026, 4, 1), D(2027, 3, 31), "fiscal_year", fiscal_year_start_month=4),
    expect("ปีงบประมาณ 2570", D(2026, 4, 1), D(2027, 3, 31), "fiscal_year", fiscal_year_start_month=4),
    # a company's accounting year (ปีบัญชี, ปีการเงิน) and the British "financial year" follow the fiscal-year setting
    expect("ปีบัญชี 2570", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("ปีบัญชี 2570", D(2027, 1, 1), D(2027, 12, 31), "fiscal_year", fiscal_year_start_month=1),
    expect("ปีการเงิน พ.ศ. 2570", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("ไตรมาสที่ 1 ปีบัญชี 2570", D(2026, 10, 1), D(2026, 12, 31), "quarter"),
    expect("financial year 2026/27", D(2026, 4, 1), D(2027, 3, 31), "fiscal_year", fiscal_year_start_month=4),
    expect("Financial Year 2027", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    # Ranges
    expect("2026-01-01..2026-03-31", D(2026, 1, 1), D(2026, 3, 31), "range"),
    expect("2026-01-01 - 2026-03-31", D(2026, 1, 1), D(2026, 3, 31), "range"),
    expect("2026-01-01 to 2026-03-31", D(2026, 1, 1), D(2026, 3, 31), "range"),
    expect("2026-01-01—2026-03-31", D(2026, 1, 1), D(2026, 3, 31), "range"),
    expect("1 ต.ค. 2569 - 30 ก.ย. 2570", D(2026, 10, 1), D(2027, 9, 30), "range"),
    expect("ตั้งแต่ 1 ม.ค. 2569 ถึง 31 มี.ค. 2569", D(2026, 1, 1), D(2026, 3, 31), "range"),
    expect("Jan–Mar 2026", D(2026, 1, 1), D(2026, 3, 31), "range"),
    expect("January to June 2026", D(2026, 1, 1), D(2026, 6, 30), "range"),
    expect("Q1-Q2 2026", D(2026, 1, 1), D(2026, 6, 30), "range"),
    expect("Q1 2026 - Q3 2026", D(2026, 1, 1), D(2026, 9, 30), "range"),
    expect("ต.ค. 68 - ก.ย. 69", D(2025, 10, 1), D(2026, 9, 30), "range"),
    expect("Nov - Feb 2026", D(2025, 11, 1), D(2026, 2, 28), "range"),
    expect("1-15 March 2026", D(2026, 3, 1), D(2026, 3, 15), "range"),
    expect("Dec 2025 - Feb", D(2025, 12, 1), D(2026, 2, 28), "range"),
    expect("2026 Q1 - Q2", D(2026, 1, 1), D(2026, 6, 30), "range"),
    expect("ม.ค.-มี.ค. 2569", D(2026, 1, 1), D(2026, 3, 31), "range"),
    # Deadline wording: the period that ends then
    expect("end of 2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    expect("by end of Q3 2026", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    expect("By the end of FY26", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    expect("สิ้นปี 2569", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("ภายในไตรมาส 3/2569", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    # Relative to today (2026-05-15)
    expect("this quarter", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    expect("Next Quarter", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    expect("last quarter", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    expect("ไตรมาสนี้", D(2026, 4, 1), D(2026, 6, 30), "quarter"),
    expect("ไตรมาสหน้า", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    expect("next half", D(2026, 7, 1), D(2026, 12, 31), "half"),
    expect("this year", D(2026, 1, 1), D(2026, 12, 31), "year"),
    expect("ปีหน้า", D(2027, 1, 1), D(2027, 12, 31), "year"),
    expect("เดือนนี้", D(2026, 5, 1), D(2026, 5, 31), "month"),
    expect("this fiscal year", D(2025, 10, 1), D(2026, 9, 30), "fiscal_year"),
    expect("ปีงบหน้า", D(2026, 10, 1), D(2027, 9, 30), "fiscal_year"),
    expect("this fiscal year", D(2026, 4, 1), D(2027, 3, 31), "fiscal_year", fiscal_year_start_month=4),
    # Single dates
    expect("2026-03-31", D(2026, 3, 31), D(2026, 3, 31), "date"),
    expect("31 มี.ค. 2569", D(2026, 3, 31), D(2026, 3, 31), "date"),
]


@pytest.mark.parametrize(("text", "start", "end", "kind", "options"), PERIOD_CASES)
def test_parse_period(text, start, end, kind, options):
    period = parse_period(text, today=TODAY, **options)
    assert period == Period(text, start, end, kind)


@pytest.mark.parametrize(
    ("value", "start", "end", "kind"),
    [
        (2026, D(2026, 1, 1), D(2026, 12, 31), "year"),
        (2569, D(2026, 1, 1), D(2026, 12, 31), "year"),
        (2026.0, D(2026, 1, 1), D(2026, 12, 31), "year"),
        (D(2026, 3, 31), D(2026, 3, 31), D(2026, 3, 31), "date"),
        (dt.datetime(2026, 3, 31, 9, 30), D(2026, 3, 31), D(2026, 3, 31), "date"),
    ],
)
def test_parse_period_non_text_values(value, start, end, kind):
    period = parse_period(value)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "TBD",
        "ยังไม่กำหนด",
        "Q3",  # no year: not guessed from today
        "March",
        "Mar 26",  # more likely 26 March than March 2026
        "26",
        "Q5 2026",
        "H3 2026",
        "13/2026",
        "2026-02-30",
        "Q1 9999",
        "0000",
        "FY2026/28",
        "Mar - Jan",
        "next decade",
        "end of",
        "2026-03-31 - 2026-01-01",
        "x" * 500,
    ],
)
def test_unknown_text_is_kept(text):
    assert parse_period(text, today=TODAY) == Period(text, None, None, "unknown")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "True"),
        ([2026], "[2026]"),
        ({"q": 1}, "{'q': 1}"),
        (2026.5, "2026.5"),
        (object, str(object)),
    ],
)
def test_values_that_are_not_periods(value, text):
    assert parse_period(value) == Period(text, None, None, "unknown")


def test_existing_period_is_returned_as_is():
    period = Period("Q1 2026", D(2026, 1, 1), D(2026, 3, 31), "quarter")
    assert parse_period(period) is period


def test_relative_text_defaults_to_the_current_date():
    today = dt.date.today()
    period = parse_period("this month")
    assert period.start == today.replace(day=1)
    assert period.start <= today <= period.end


def test_relative_quarter_at_a_year_boundary():
    assert parse_period("next quarter", today=D(2026, 12, 31)).start == D(2027, 1, 1)
    assert parse_period("last quarter", today=D(2026, 1, 1)).end == D(2025, 12, 31)


def test_original_text_is_kept_verbatim():
    assert parse_period("  ไตรมาส ๑/๒๕๖๙ ").text == "  ไตรมาส ๑/๒๕๖๙ "


@pytest.mark.parametrize("month", [0, 13, "10"])
def test_bad_fiscal_year_start_month_is_a_programming_error(month):
    with pytest.raises(ValueError):
        parse_period("FY2027", fiscal_year_start_month=month)


def test_period_contains_works_on_parsed_periods():
    fiscal_year = parse_period("ปีงบประมาณ 2570")
    assert fiscal_year.contains(parse_period("ไตรมาสที่ 1 ปีงบประมาณ 2570"))
    assert fiscal_year.contains(parse_period("Q1 2027"))
    assert not fiscal_year.contains(parse_period("Q3 2026"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-31", D(2026, 3, 31)),
        ("2569-03-31", D(2026, 3, 31)),
        ("2026/3/31", D(2026, 3, 31)),
        ("2026-03-31T17:00:00+07:00", D(2026, 3, 31)),
        ("20260331", D(2026, 3, 31)),
        ("31/3/2026", D(2026, 3, 31)),
        ("31/03/2569", D(2026, 3, 31)),
        ("01/02/2026", D(2026, 2, 1)),  # day first
        ("31.03.2026", D(2026, 3, 31)),
        ("31-03-26", D(2026, 3, 31)),
        ("31 มี.ค. 2569", D(2026, 3, 31)),
        ("31 มีนาคม 2569", D(2026, 3, 31)),
        ("31 มี.ค. 69", D(2026, 3, 31)),
        ("๓๑ มี.ค. ๒๕๖๙", D(2026, 3, 31)),
        ("วันที่ 31 มีนาคม พ.ศ. 2569", D(2026, 3, 31)),
        ("ภายใน 30 ก.ย. 2570", D(2027, 9, 30)),
        ("March 31, 2026", D(2026, 3, 31)),
        ("march 31st 2026", D(2026, 3, 31)),
        ("31 Mar 2026", D(2026, 3, 31)),
        ("31-Mar-2026", D(2026, 3, 31)),
        ("1st December 2026", D(2026, 12, 1)),
        ("by 2026-06-30", D(2026, 6, 30)),
        ("29 Feb 2024", D(2024, 2, 29)),
        (D(2026, 3, 31), D(2026, 3, 31)),
        (dt.datetime(2026, 3, 31, 23, 59), D(2026, 3, 31)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "soon",
        "Q1 2026",
        "March 2026",
        "29 Feb 2026",
        "31/04/2026",
        "03/31/2026",  # month first is not read
        "2026-13-01",
        "31 Foo 2026",
        "31 ก.ย. ปีงบ 2570",
        20260331,
        2026.0,
        ["2026-03-31"],
    ],
)
def test_parse_date_unreadable(value):
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2569, 2026), (2570, 2027), (2026, 2026), (26, 2026), (0, 2000), (1999, 1999), (2401, 1858)],
)
def test_to_ce_year(year, expected):
    assert to_ce_year(year) == expected


PERIODISH = st.text(alphabet="0123456789๐๒๕๖๙QqHhFYy-/.'’– :ไตรมาสปีงบพ.ศ.มี.ค.ต.ค.Mar to..ถึงnext", max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(PERIODISH, st.text(max_size=60)))
def test_any_text_never_raises(text):
    period = parse_period(text, today=TODAY)
    assert period.text == text
    assert (period.start is None) == (period.end is None) == (period.kind == "unknown")
    if period.is_known:
        assert period.start <= period.end
    parse_date(text)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.lists(st.integers()), st.dates())
)
def test_any_value_never_raises(value):
    parse_period(value)
    parse_date(value)


@pytest.mark.parametrize("text, start, end, kind", [
    ("ภาคเรียนที่ 1/2570", "2027-05-01", "2027-10-31", "term"),
    ("ภาคเรียนที่ 2/2570", "2027-11-01", "2028-03-31", "term"),
    ("ภาคการศึกษาที่ ๑/๒๕๗๐", "2027-05-01", "2027-10-31", "term"),
    ("เทอม 2/69", "2026-11-01", "2027-03-31", "term"),
    ("ปีการศึกษา 2570", "2027-05-01", "2028-03-31", "academic_year"),
])
def test_thai_school_terms_and_academic_years(text, start, end, kind):
    period = parse_period(text)
    assert (str(period.start), str(period.end), period.kind) == (start, end, kind)


def test_a_third_term_is_not_read():
    assert not parse_period("ภาคเรียนที่ 3/2570").is_known


@pytest.mark.parametrize("text, start, end", [
    ("ไตรมาส 1/2570", "2026-10-01", "2026-12-31"),
    ("ไตรมาสที่ 4 ปี 2569", "2026-07-01", "2026-09-30"),
    ("ครึ่งปีแรก 2570", "2026-10-01", "2027-03-31"),
    ("ภายในไตรมาส ๒/๒๕๗๐", "2027-01-01", "2027-03-31"),
])
def test_the_fiscal_reading_of_a_thai_quarter(text, start, end):
    fiscal = fiscal_reading(parse_period(text))
    assert (str(fiscal.start), str(fiscal.end), fiscal.kind) == (start, end, parse_period(text).kind)


@pytest.mark.parametrize("text", ["Q1 2027", "ไตรมาส 1 ปีงบประมาณ 2570", "ปีงบประมาณ 2570", "มี.ค. 2570", "sometime"])
def test_no_fiscal_reading_where_the_text_leaves_no_doubt(text):
    assert fiscal_reading(parse_period(text)) is None


def test_no_fiscal_reading_when_the_fiscal_year_is_the_calendar_year():
    assert fiscal_reading(parse_period("ไตรมาส 1/2570"), fiscal_year_start_month=1) is None


@pytest.mark.parametrize("text, start, end, kind", [
    ("ปีงบประมาณ 2570 (1 ต.ค. 2569 – 30 ก.ย. 2570)", "2026-10-01", "2027-09-30", "fiscal_year"),
    ("H1 2027 (Jan-Jun)", "2027-01-01", "2027-06-30", "half"),
    ("Q3 2026 (draft v2)", "2026-07-01", "2026-09-30", "quarter"),
])
def test_a_period_restated_or_annotated_in_brackets(text, start, end, kind):
    period = parse_period(text)
    assert (str(period.start), str(period.end), period.kind, period.text) == (start, end, kind, text)


@pytest.mark.parametrize("text", ["2026/27", "2026/2027", "2026-27"])
def test_a_financial_year_written_as_the_two_years_it_spans(text):
    period = parse_period(text, fiscal_year_start_month=4)
    assert (period.kind, str(period.start), str(period.end)) == ("fiscal_year", "2026-04-01", "2027-03-31")
