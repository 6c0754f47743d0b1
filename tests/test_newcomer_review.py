"""What a newcomer's review (set-up, a folder of mixed files, CI formats, baselines, plugins) found."""

from __future__ import annotations

import pytest

from okrlint.engine import Engine


def test_a_sheet_titles_quarter_is_the_period_and_findings_point_at_its_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sales"
    sheet["A1"] = "Sales team OKRs 2026 Q3"
    sheet.append([])
    sheet.append(["Objective", "Key result", "Baseline", "Target"])
    sheet.append(["Win more clinics", "Raise signed clinics from 40 to 65", 40, 65])
    sheet.append(["", "Cut onboarding time from 14 to 5 days", 14, 5])
    workbook.save(tmp_path / "sales.okr.xlsx")
    (okr_set,) = Engine().run([str(tmp_path / "sales.okr.xlsx")], jobs=1).org.sets
    assert okr_set.period.text == "2026 Q3" and okr_set.period.kind == "quarter"
    assert str(okr_set.location_of("period")).endswith("sales.okr.xlsx:Sales!A1")


@pytest.mark.parametrize("title, period", [
    ("Sales team OKRs 2026 Q3", "2026 Q3"), ("OKR 2026 H1", "2026 H1"), ("OKRs 2027", "2027"),
])
def test_a_year_then_a_quarter_in_a_title(title, period):
    from okrlint.load.draft import _FISCAL_YEAR

    assert _FISCAL_YEAR.search(title).group(0) == period


@pytest.mark.parametrize("title, period", [
    ("Housing Management OKRs Q1 FY27/28", "Q1 FY27/28"),  # a UK financial year, split
    ("New Homes OKRs 2027/28", "2027/28"),
    ("Property Services — OKR tracker 2027/28", "2027/28"),
    ("OKRs FY27-28", "FY27-28"),
])
def test_a_financial_year_split_over_two_years_in_a_title(title, period):
    from okrlint.load.draft import _FISCAL_YEAR

    assert _FISCAL_YEAR.search(title).group(0) == period


def test_a_date_in_a_preamble_is_not_a_financial_year(tmp_path):
    (tmp_path / "team.okr.md").write_text("Growth OKRs\nUpdated 12/03\n\nObjective: Shops stay with us\n"
                                          "- Cut churn from 5% to 3%\n- Raise NPS from 20 to 35\n", encoding="utf-8")
    (okr_set,) = Engine().run([str(tmp_path / "team.okr.md")], jobs=1).org.sets
    assert okr_set.period is None


@pytest.mark.parametrize("text, activity", [
    ("Deliver £2.1m of efficiency savings", False),  # money saved or brought in is a financial result
    ("Procurement savings of £600k", False),  # "procure*" does not reach the noun "procurement"
    ("Recruitment time from 40 to 20 days", False),
    ("Make 2,000 welcome calls to new tenants", True),  # contacts made, counted
    ("Deliver the new resident portal", True),
])
def test_money_delivered_is_a_result_and_calls_made_are_work(text, activity):
    from okrlint.tags import classify_kind

    assert classify_kind(Engine().analyser.analyse(text)).activity == activity


def test_a_trackers_confidence_levels_and_lead_column(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Objective", "Key result", "Baseline", "Target", "Confidence", "Lead", "Lead time (days)"])
    sheet.append(["Tenants pay on time", "Raise rent collected from 97.1% to 98.5%", "97.1%", "98.5%", "High", "JB", 4])
    sheet.append(["", "Cut evictions for arrears from 14 to 6", 14, 6, "Med", "AK", 3])
    workbook.save(tmp_path / "income.okr.xlsx")
    result = Engine().run([str(tmp_path / "income.okr.xlsx")], jobs=1)
    krs = result.org.sets[0].objectives[0].key_results
    assert [(kr.confidence, kr.owner) for kr in krs] == [(0.8, "JB"), (0.5, "AK")]
    assert not [f for f in result.findings if f.name == "non-numeric-value"]  # a level is no type error


@pytest.mark.parametrize("filename, team", [
    ("Corporate OKRs FY2027-28 draft v4.md", "Corporate"),  # versions, drafts, periods and "OKRs" are not the team
    ("RE CX OKRs 2027-28 first draft.txt", "CX"),
    ("OKR_ฝ่ายขาย_2570.xlsx", "ฝ่ายขาย"),
    ("commercial-2-search-486.okr.yaml", "commercial-2-search-486"),  # names without such words stay as they are
    ("sales.okr.yaml", "sales"),
    ("q3-draft.md", "q3-draft"),  # nothing else left: the name as it is
])
def test_a_team_named_by_its_file_leaves_out_versions_and_periods(filename, team):
    from okrlint.load.draft import default_team

    assert default_team(filename) == team


@pytest.mark.parametrize("text, kind, value", [
    ("Deliver the 2027/28 development programme", "year", 2027),  # a financial year, not 2027 out of 28
    ("Plan for FY27/28", "year", 2027),
    ("ส่งมอบแผนปี 2569/70", "year", 2569),
    ("Answer 27/28 questions", "ratio", 27),  # two digits are a year only after "FY"
    ("Rating 4.5/5", "ratio", 4.5),
])
def test_a_year_and_the_next_written_with_a_slash_is_a_year(text, kind, value):
    from okrlint.text.numbers import read_numbers

    (mention,) = read_numbers(text)
    assert (mention.kind, mention.value) == (kind, value)
