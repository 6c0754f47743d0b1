"""Reading files as reviews 29 and 30 found them: a document with a `Department:` line over each of its tables,
a running header's bare fiscal year before the one stated with its months, a table row cut by a page break with
a footer, a Google-Sheets CSV export named "<book> - <sheet>", a broken YAML reported once per problem, huge
titles in reports, an owner in a blockquote sentence, team names from company titles, per-quarter target
columns and skipped summary sheets."""

from __future__ import annotations

import textwrap

import pytest

from okrlint.load.draft import load_draft_file
from okrlint.load.spreadsheet import load_spreadsheet


def _draft(text: str, name: str = "unit.okr.md", **options):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _csv(text: str, name: str = "unit.csv", **options):
    return load_spreadsheet(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _teams(result):
    return [(s.team, [kr.title for o in s.objectives for kr in o.key_results]) for s in result.sets]


# --- A. several "Department:" lines, each over its own table --------------------------------------------
def test_each_department_line_heads_its_own_tables_set():
    result = _draft("""
        # Northbridge University — OKRs Academic Year 2026/27

        ## 2.1 Faculty of Engineering
        Department: Faculty of Engineering

        | Objective | Key result | Baseline | Target | Lead |
        |---|---|---|---|---|
        | First-years progress on track | Raise first-year progression rate | 78% | 86% | Associate Dean |

        ## 2.2 Library
        Department: University Library

        | Objective | Key result | Baseline | Target | Lead |
        |---|---|---|---|---|
        | Students find what they need | Raise items available within 48 hours | 64% | 85% | Head of Collections |
        | | Cut reading-list processing time in days | 10 | 3 | Liaison Librarian |
        """, name="plan.md")
    assert _teams(result) == [
        ("Faculty of Engineering", ["Raise first-year progression rate"]),
        ("University Library", ["Raise items available within 48 hours", "Cut reading-list processing time in days"]),
    ]
    assert all(s.period is not None and s.period.start.month == 9 for s in result.sets)


def test_thai_unit_lines_over_tables_split_the_document():
    result = _draft("""
        แผน OKR ประจำปีงบประมาณ 2570

        หน่วยงาน: กองคลัง

        | วัตถุประสงค์ | ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |
        |---|---|---|---|
        | เบิกจ่ายงบประมาณได้ตามแผน | ร้อยละการเบิกจ่ายงบประมาณ | 80 | 95 |

        หน่วยงาน: กองช่าง

        | วัตถุประสงค์ | ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |
        |---|---|---|---|
        | ประชาชนเดินทางปลอดภัย | ลดจุดเสี่ยงบนถนนในเขตเทศบาล | 40 | 20 |
        """, name="แผน.md")
    assert [team for team, _ in _teams(result)] == ["กองคลัง", "กองช่าง"]


def test_one_team_line_keeps_one_set():
    result = _draft("""
        # Growth OKRs Q3 2026
        Team: Growth
        Owner: Dana

        | Objective | Key result | Baseline | Target |
        |---|---|---|---|
        | Shops stay | Cut churn | 6% | 4% |

        | Objective | Key result | Baseline | Target |
        |---|---|---|---|
        | Shops pay | Raise paid share | 20% | 30% |
        """)
    [okr_set] = result.sets
    assert okr_set.team == "Growth" and okr_set.owner == "Dana" and len(okr_set.objectives) == 2


# --- B. a running header's bare fiscal year, then the year with its months ------------------------------
@pytest.mark.parametrize("header, title, start", [
    ("MetroLink — Corporate Plan 2026/27            OFFICIAL", "Corporate Plan 2026/27 (April to March)", 4),
    ("Harbour Trust Business Plan FY27", "FY27 (July 1, 2026 – June 30, 2027)", 7),
    ("แผนธุรกิจ ปีบัญชี 2570                 ใช้ภายใน", "ปีบัญชี 2570 (เมษายน–มีนาคม)", 4),
])
def test_months_stated_with_the_year_decide_over_a_running_header(header, title, start):
    result = _draft(f"""
        {header}
        {title}

        Objective 1: Passengers can count on us
        Key results:
        1. Raise punctuality from 82% to 88%
        """, name="plan.okr.txt")
    [okr_set] = result.sets
    assert okr_set.period.start.month == start


def test_another_years_months_do_not_replace_the_period():
    result = _draft("""
        Corporate Plan 2026/27
        Last year's plan 2025/26 (April to March) is reviewed in annex B.

        Objective 1: Passengers can count on us
        Key results:
        1. Raise punctuality from 82% to 88%
        """, name="plan.okr.txt")
    [okr_set] = result.sets
    assert okr_set.period.start.year == 2026 and okr_set.period.start.month == 10


# --- C. a table row cut by a page break with its footer and header --------------------------------------
_FOOTER_PAGE = (
    "{head}"
    "Plan 2026/27 (April to March)\n"
    "Objective 3: Make travelling at night safer for women and girls\n\n"
    "Key result                                         Baseline      Target       Lead\n"
    "Cut reported harassment incidents on the network   3.2           2.0          Head of Safety\n"
    "Raise the share of women who say they feel safe    54%           65%          Head of Safety\n"
    "travelling on our network after dark, as measured\n"
    "{gap}"
    "MetroLink Corporate Plan 2026/27                                          Page 2 of 3\n"
    "\f{head}"
    "in the annual passenger survey\n"
    "Keep the share of stops with working CCTV at 98%   98%           98%          Head of Safety\n"
    "or above\n"
)


@pytest.mark.parametrize("gap", ["", "\n"])
@pytest.mark.parametrize("head", ["", "MetroLink Transport Authority — Corporate Plan 2026/27          OFFICIAL\n"])
def test_row_cut_by_a_page_break_with_a_footer_is_read_whole(gap, head):
    text = _FOOTER_PAGE.format(gap=gap, head=head)
    result = load_draft_file("plan.okr.txt", text.encode("utf-8"), {})
    [(_, titles)] = _teams(result)
    assert titles == [
        "Cut reported harassment incidents on the network",
        "Raise the share of women who say they feel safe travelling on our network after dark, as measured in "
        "the annual passenger survey",
        "Keep the share of stops with working CCTV at 98% or above",
    ]


def test_text_after_a_table_without_a_page_break_is_not_a_row():
    result = _draft("""
        Objective 1: Trams run on time

        Key result                                Baseline      Target
        Cut cancellations per period              40            20

        reviewed monthly
        """, name="plan.okr.txt")
    [(_, titles)] = _teams(result)
    assert titles == ["Cut cancellations per period"]


# --- D. a Google Sheets export "<spreadsheet> - <sheet>.csv" is the sheet's team ------------------------
@pytest.mark.parametrize("name, team", [
    ("Hopeline OKRs 2026-27 - Programmes.csv", "Programmes"),
    ("OKR ลานละมุน ปี 2570 - ฝ่ายการตลาด.csv", "ฝ่ายการตลาด"),
    ("Acme plan FY27 - Customer Success.tsv", "Customer Success"),
    ("Acme OKRs 2027 - Sheet1.csv", "Acme"),  # a default sheet name: the spreadsheet's
    ("Acme OKRs 2027 - Q3 OKRs.csv", "Acme"),
    ("Sales - EMEA.csv", "Sales - EMEA"),  # no workbook title before " - ": the name as written
    ("Copy of Sales Q3 OKRs.csv", "Sales"),
])
def test_google_sheets_export_is_named_after_its_sheet(name, team):
    from okrlint.load.spreadsheet import default_team

    assert default_team(name) == team


def test_csv_export_and_its_workbook_sheet_are_one_team():
    result = _csv("""
        Objective,Key result,Baseline,Target
        Carers get advice fast,Cut wait for advice (days),10,3
        """, name="Hopeline OKRs 2026-27 - Programmes.csv")
    assert [s.team for s in result.sets] == ["Programmes"]


# --- E. a wrong type is reported once, not again as a missing field -------------------------------------
def test_wrong_types_in_yaml_are_reported_once(tmp_path):
    from okrlint.engine import Engine

    text = textwrap.dedent("""
        team: [planning, policy]
        objectives:
          - id: pl-o1
            title: Residents can find and understand the local transport plan
            key_results: "Cut consultation response time from 20 days to 10 days"
          - id: pl-o2
            title: Residents trust the plan
            key_results:
              - title: [Raise survey response, from 4% to 9%]
              - Cut complaints about the plan from 40 to 10
        """).lstrip()
    folder = tmp_path / "planning.okr.yaml"
    folder.write_text(text, encoding="utf-8")
    run = Engine().run([str(folder)])
    errors, findings, org = run.errors, run.findings, run.org
    said = sorted(e.message for e in errors)
    assert said == ["'key_results' must be a list of key results", "'team' must be text, not a list",
                    "'title' must be text, not a list"]
    codes = {f.code for f in findings}
    assert "STR001" not in codes and "STR002" not in codes
    assert not any(f.code == "CLA002" and "no key results" in f.message for f in findings)
    [okr_set] = org.sets
    titles = [kr.title for o in okr_set.objectives for kr in o.key_results]
    assert titles == ["Cut consultation response time from 20 days to 10 days",
                      "Raise survey response, from 4% to 9%", "Cut complaints about the plan from 40 to 10"]


# --- F. a huge title is cut in reports, saying so -------------------------------------------------------
def test_huge_title_is_cut_in_every_report(tmp_path):
    from okrlint.report.overview import _SHORT
    from okrlint.text.facts import MAX_ANALYSED_CHARS

    assert _SHORT == MAX_ANALYSED_CHARS
    title = "Residents get clearer information and" + " more" * 150_000  # 750,037 characters
    draft = tmp_path / "huge.okr.md"
    draft.write_text(f"# Planning OKRs 2027\n\nObjective: {title}\nKey results:\n- Cut complaints from 40 to 10\n"
                     "- Raise satisfaction from 60% to 75%\n", encoding="utf-8")
    from click.testing import CliRunner

    from okrlint.cli import main

    for fmt in ("html", "markdown", "text", "json"):
        out = tmp_path / f"report.{fmt}"
        CliRunner().invoke(main, ["check", str(draft), "--no-cache", "--format", f"{fmt}:{out}"])
        written = out.read_text(encoding="utf-8")
        assert len(written) < 200_000, fmt
        if fmt == "html":
            assert "[cut: 750,037 characters, the first 2,000 shown]" in written
    graph = CliRunner().invoke(main, ["graph", str(draft), "--format", "json"])
    assert len(graph.output) < 20_000 and "[cut: 750,037 characters" in graph.output


# --- G. an owner line is the name, not the sentences after it -------------------------------------------
@pytest.mark.parametrize("line, owner", [
    ("> Owner: @amira (Product Lead). Part of the [Hopeline digital roadmap](https://example.org/wiki). "
     "See also [[Team charter]].", "@amira (Product Lead)"),
    ("Owner: Dana. Reviewed monthly with the CTO.", "Dana"),
    ("Owner: Dr. Lee. Reviewed monthly.", "Dr. Lee"),
    ("Owner: J. K. Osei", "J. K. Osei"),
    ("ผู้รับผิดชอบ: ดร. สมชาย ใจดี", "ดร. สมชาย ใจดี"),
    ("Owner: @maria · Last edited Jul 2", "@maria"),
])
def test_owner_line_stops_at_the_end_of_the_name(line, owner):
    result = _draft(f"""
        # Web Chat team — OKRs Q3 2026

        {line}

        ## Objective 1: People who reach out get a human reply fast
        Key results:
        - Cut median time to first reply from 9 minutes to 3 minutes
        """)
    [okr_set] = result.sets
    assert okr_set.owner == owner


# --- H. team names from company titles ------------------------------------------------------------------
_BODY = "\n\nObjective 1: Customers come back every week\nKey results:\n1. Raise repeat visits from 30% to 40%\n"


def _team(title: str, name: str = "board pack 1.md"):
    [okr_set] = load_draft_file(name, (title + _BODY).encode("utf-8"), {}).sets
    return okr_set.team, okr_set.level


@pytest.mark.parametrize("title, team", [
    ("OKR บริษัท ลานละมุน คอฟฟี่ แอนด์ เบเกอรี่ ปี 2570", "บริษัท ลานละมุน คอฟฟี่ แอนด์ เบเกอรี่"),
    ("OKR ระดับองค์กร บริษัท ลานละมุน คอฟฟี่ แอนด์ เบเกอรี่ จำกัด ปี 2570", "บริษัท ลานละมุน คอฟฟี่ แอนด์ เบเกอรี่ จำกัด"),
    ("OKR บริษัท สยามพาร์ท ปี 2570", "บริษัท สยามพาร์ท"),
])
def test_a_company_title_names_the_company_however_long(title, team):
    assert _team(title) == (team, "company")


@pytest.mark.parametrize("title, team", [
    ("MetroLink Transport Authority — Corporate Plan 2026/27\nOrganisation-wide objectives and key results",
     "MetroLink Transport Authority"),
    ("Harbour Trust: Business Plan FY27\nOrganisation-wide objectives", "Harbour Trust"),
])
def test_an_organisations_own_plan_is_named_by_the_organisation(title, team):
    assert _team(title, "corporate-plan-2026-27.okr.txt") == (team, "company")


def test_a_units_plan_before_a_dash_is_not_an_organisation():
    # "Marketing — H1 2027 OKRs" names a team (review 25); a plan supporting the corporate plan is not the company's
    assert _team("# Marketing — H1 2027 OKRs")[0] == "Marketing"
    assert _team("Repairs team OKRs, aligned with the corporate plan")[1] == "team"


@pytest.mark.parametrize("name, team", [
    ("OKR ระดับองค์กร ลานละมุน ปี 2570.docx", "ลานละมุน"),
    ("OKR องค์กร 2570 (ฉบับอนุมัติ).docx", "องค์กร"),
    ("OKR ระดับองค์กร 2570.md", "องค์กร"),
    ("OKR ระดับฝ่าย ฝ่ายขาย ปี 2570.md", "ฝ่ายขาย"),
])
def test_level_words_in_a_file_name_are_not_the_team(name, team):
    from okrlint.load.draft import default_team

    assert default_team(name) == team


# --- I. targets per quarter: the column of the period's end ---------------------------------------------
@pytest.mark.parametrize("title, heads, target", [
    ("OKR ฝ่ายการตลาด ม.ค.–มิ.ย. 2570", ("เป้าหมาย Q1", "เป้าหมาย Q2"), 50),
    ("Marketing OKRs Jan–Jun 2027", ("Target Q1", "Target Q2"), 50),
    ("Marketing OKRs Q1 2027", ("Target Q1", "Target Q2"), 44),
    ("แผน OKR ปีงบประมาณ 2570", ("ค่าเป้าหมาย ไตรมาส 1", "ค่าเป้าหมาย ไตรมาส 2"), 50),
    ("Marketing OKRs", ("Target H1", "Target H2"), 50),
    ("Marketing OKRs 2027", ("Target H2", "Target H1"), 44),  # the second half's column, wherever it stands
])
def test_target_per_quarter_is_the_periods_end(title, heads, target):
    result = _csv(f"""
        {title},,,,
        Objective,Key result,Baseline,{heads[0]},{heads[1]}
        Members come back,Repeat purchase within 30 days (%),38,44,50
        """)
    [kr] = [kr for s in result.sets for o in s.objectives for kr in o.key_results]
    assert (kr.baseline, kr.target) == (38, target)


def test_fiscal_quarters_of_a_fiscal_year_plan():
    result = _csv("""
        แผน OKR ปีงบประมาณ 2570,,,,,,
        วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,เป้าหมาย ไตรมาส 1,เป้าหมาย ไตรมาส 2,เป้าหมาย ไตรมาส 3,เป้าหมาย ไตรมาส 4
        ประชาชนได้รับบริการเร็วขึ้น,ร้อยละคำขอที่เสร็จใน 3 วัน,60,65,70,75,80
        """)
    [kr] = [kr for s in result.sets for o in s.objectives for kr in o.key_results]
    assert kr.target == 80


def test_one_target_column_beside_a_quarter_column_is_kept():
    result = _csv("""
        Objective,Key result,Baseline,Target,Target Q1
        Members come back,Repeat purchase within 30 days (%),38,50,44
        """)
    [kr] = [kr for s in result.sets for o in s.objectives for kr in o.key_results]
    assert kr.target == 50


# --- J. a skipped summary sheet is said to be a summary, in Thai in Thai runs ---------------------------
@pytest.mark.parametrize("head, counted", [
    (("ฝ่าย", "จำนวนวัตถุประสงค์", "จำนวนผลลัพธ์หลัก"), "จำนวนวัตถุประสงค์"),
    (("Team", "# Objectives", "No. of KRs"), "# Objectives"),
    (("Team", "Objective count", "KR count"), "Objective count"),
])
def test_a_summary_sheet_is_skipped_as_a_summary(head, counted):
    from okrlint.load.columns import summary_column

    rows = [head, ("ปฏิบัติการสาขา", 2, 8), ("รวม", 8, 25)]
    assert summary_column(rows) == counted
    assert summary_column([("Read me",), ("Fill one row per key result",)]) is None
    assert summary_column([("Objective", "Key result", "Target")]) is None


def test_summary_warning_in_thai():
    from okrlint.report.messages import catalogue

    book = catalogue("th")
    said = book.translate("plan.xlsx:สรุป!A1: sheet 'สรุป' is a summary of the OKRs (it counts them: "
                          "'จำนวนวัตถุประสงค์'), not OKRs: skipped")
    assert said is not None and "แผ่นงาน 'สรุป' เป็นตารางสรุป" in said and "skipped" not in said
    said = book.translate("plan.xlsx:คำอธิบาย!A1: sheet 'คำอธิบาย' has no OKR header row (Objective / Key result): skipped")
    assert said is not None and said.endswith("จึงข้ามไป") and "sheet" not in said
