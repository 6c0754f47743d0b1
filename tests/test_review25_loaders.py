"""Reading files as reviews 25–27 found them: a baseline and a target written in different units, teams named
in titles and chat file names, month ranges in titles, set-level alignment above a table, positions of Word
table cells in SARIF."""

from __future__ import annotations

import io
import textwrap

import pytest
from openpyxl import Workbook

from okrlint.load.draft import load_draft_file
from okrlint.load.spreadsheet import load_spreadsheet
from okrlint.load.yaml_loader import load_yaml_file
from okrlint.testing import lint_documents


def _draft(text: str, name: str = "unit.okr.md", **options):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _yaml(text: str, name: str = "unit.okr.yaml"):
    return load_yaml_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), {})


def _csv(text: str, name: str = "unit.csv", **options):
    return load_spreadsheet(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _xlsx(rows, name: str = "unit.xlsx", sheet: str = "Sheet1"):
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return name, buffer.getvalue()


def _krs(result):
    return [kr for s in result.sets for o in s.objectives for kr in o.key_results]


def _values(result):
    return [(kr.baseline, kr.target) for kr in _krs(result)]


# --- a baseline and a target in different units -------------------------------------------------------------------


def test_yaml_fields_in_minutes_and_seconds_are_compared_in_seconds_and_keep_what_was_written():
    result = _yaml("""
        team: probe
        objectives:
          - title: ผู้ใช้น้ำได้รับบริการรวดเร็ว
            key_results:
              - {title: ลดเวลารอสายเฉลี่ย, baseline: 3 นาที, target: ไม่เกิน 60 วินาที}
              - {title: Cut average hold time, baseline: 3 minutes, target: 60 seconds}
              - {title: Cut incident resolution time, baseline: 2 days, target: 6 hours}
              - {title: Cut p95 latency, baseline: 1.2 s, target: 300 ms}
        """)
    assert _values(result) == [(180, 60), (180, 60), (48, 6), (1200, 300)]
    kr = _krs(result)[0]
    assert (kr.baseline_text, kr.target_text) == ("3 นาที", "ไม่เกิน 60 วินาที")


def test_the_same_unit_or_no_unit_is_left_as_written():
    result = _yaml("""
        team: probe
        objectives:
          - title: Customers get answers fast
            key_results:
              - {title: Cut average wait, baseline: 4 minutes, target: 2 minutes}
              - {title: Cut average wait, baseline: 4, target: 90 seconds}
              - {title: Grow weekly orders, baseline: 400, target: 500}
              - {title: Lift share of repeat buyers, baseline: 30%, target: 45%}
        """)
    assert _values(result) == [(4, 2), (4, 90), (400, 500), (30, 45)]


def test_a_unit_column_holds_for_a_cell_written_without_one():
    result = _csv("""
        Objective,Key result,Unit,Baseline,Target
        Callers get through fast,Cut average wait,minutes,4,90 seconds
        Callers get through fast,ลดเวลาแก้ไขปัญหาเฉลี่ย,ชั่วโมง,48,2 วัน
        """)
    krs = _krs(result)
    assert [(kr.baseline, kr.target, kr.unit) for kr in krs] == [(240, 90, "seconds"), (48, 48, "ชั่วโมง")]


def test_a_value_written_with_the_scale_its_unit_column_counts_in():
    result = _csv("""
        วัตถุประสงค์,ผลลัพธ์หลัก,หน่วยนับ,ค่าฐาน,ค่าเป้าหมาย
        ลูกค้าได้รับเงินคืนเร็ว,ลดความเสียหายจากการทุจริต,ล้านบาท,4.2,2.5 ล้าน
        Merchants sell more,Grow merchant sales,$M,1.2,$1.5M
        Merchants sell more,Grow merchant sales,m,1200,1.5 km
        """)
    assert _values(result)[:2] == [(4.2, 2.5), (1.2, 1.5)]
    assert _values(result)[2][0] == 1200  # metres: no scale


def test_markdown_table_cells_in_different_units_give_no_direction_mismatch():
    text = textwrap.dedent("""
        # OKR ทีมคอลเซ็นเตอร์ ไตรมาส 1/2570

        วัตถุประสงค์: ลูกค้าได้รับคำตอบเร็วโดยไม่ต้องรอนาน

        | ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |
        |---|---|---|
        | ลดเวลารอสายเฉลี่ย | 4 นาที | 90 วินาที |
        | Cut average wait | 4 min | 90 s |
        | ลดเวลาแก้ไขปัญหาเฉลี่ย | 2 วัน | 6 ชั่วโมง |
        | ลดเวลาแก้ไขปัญหาเฉลี่ย | 6 ชั่วโมง | 2 วัน |
        """).lstrip()
    findings = lint_documents([("callcentre.okr.md", text)], select=["MEA004"])
    assert [f.location.line for f in findings] == [10]  # 6 hours -> 2 days does go up


def test_draft_fields_and_xlsx_cells_in_different_units():
    result = _draft("""
        Objective 1: Callers get through without waiting
        Key results:
        1. Cut the average wait on the hotline
           - Baseline: 3 minutes
           - Target: at most 45 seconds
        """)
    assert _values(result) == [(180, 45)]
    name, data = _xlsx([
        ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"),
        ("ผู้ใช้น้ำได้รับบริการรวดเร็ว", "ลดเวลารอสายเฉลี่ยของ Call Center 1662", "3 นาที", "ไม่เกิน 60 วินาที"),
    ])
    assert lint_documents([(name, data)], select=["MEA004"]) == []


# --- teams named in titles and chat file names -------------------------------------------------------------------

_BODY = "\n\nObjective 1: Customers pay us easily\nKey results:\n1. Raise invoices paid on time from 60% to 70%\n"


def _team(title: str, name: str = "board pack 1.md") -> str:
    return load_draft_file(name, (title + _BODY).encode("utf-8"), {}).sets[0].team


def _period(title: str, name: str = "board pack 1.md"):
    period = load_draft_file(name, (title + _BODY).encode("utf-8"), {}).sets[0].period
    return None if period is None else (period.start.isoformat(), period.end.isoformat())


@pytest.mark.parametrize(("title", "team"), [
    ("# Marketing — H1 2027 OKRs", "Marketing"),
    ("# Product Growth — H1 2027 OKRs", "Product Growth"),
    ("# Marketing - Q3 2026 OKRs", "Marketing"),
    ("Payments: FY2027 objectives", "Payments"),
    ("# Marketing Team — H1 2027 OKRs", "Marketing"),
    ("OKR ฝ่าย Growth Marketing ไตรมาส 1/2570", "ฝ่าย Growth Marketing"),
    ("OKR ทีม Data Platform Q1 2027", "ทีม Data Platform"),
    ("OKR ฝ่ายสินเชื่อ SME ไตรมาส 1/2570", "ฝ่ายสินเชื่อ SME"),
    ("OKR แผนก IT ปีงบประมาณ 2570", "แผนก IT"),
    ("OKR ฝ่ายการตลาด ไตรมาส 1/2570", "ฝ่ายการตลาด"),
    ("ฝ่ายขาย Team OKRs Q1 2027", "ฝ่ายขาย"),
])
def test_the_team_a_title_names_with_a_dash_or_latin_words(title, team):
    assert _team(title) == team


@pytest.mark.parametrize("title", ["# Acme — Company OKRs 2027 H1", "# Draft — Q1 2027 OKRs", "# Q1 2027 — OKRs",
                                   "Company — H1 2027 OKRs", "# The Plan — 2027 OKRs"])
def test_a_title_with_a_dash_that_names_no_team_leaves_the_file_name(title):
    assert _team(title) == "board pack 1"


def test_a_longer_file_name_gives_way_to_the_team_the_title_names_but_the_same_name_keeps_its_spelling():
    assert _team("# Marketing — H1 2027 OKRs", "CMO Marketing Plan H1 2027.md") == "Marketing"
    assert _team("# Sales Team OKRs Q3 2026", "sales.okr.md") == "sales"
    assert _team("# Support OKRs Q3 2026", "Head of Support plan.md") == "Support"
    # a file name that tells teams apart (a region, a sub-team) keeps naming the set: two regions titled alike
    assert _team("# Sales OKRs Q3 2026", "sales-emea.okr.md") == "sales-emea"
    assert _team("# Sales OKRs Q3 2026", "APAC Sales.md") == "APAC Sales"


def test_a_line_chat_export_is_the_team_its_message_names_not_the_chat_name():
    text = ("[LINE] แชทในกลุ่ม ทีมงานสาขาเชียงราย\nบันทึกเมื่อ: 2569/10/21 08:40\n\n2569/10/20(จ.)\n"
            "09:12\tพี่หน่อย ผจก.\t\"OKR สาขาเชียงราย ปีงบประมาณ 2570\n"
            "วัตถุประสงค์ที่ 1 ผู้ใช้น้ำในอำเภอรอบนอกมีน้ำใช้ไม่ขาดช่วงหน้าแล้ง\nตัวชี้วัด\n"
            "1.ลดจำนวนวันที่หยุดจ่ายน้ำช่วงหน้าแล้ง จาก 14 วัน เหลือ 3 วัน\"\n"
            "09:15\tน้องบี\tรับทราบครับ\n")
    for name in ("[LINE] แชทในกลุ่ม ทีมงานสาขาเชียงราย.txt", "[LINE] แชทในกลุ่ม ทีมงานภาคเหนือ.txt",
                 "[LINE] แชทในกลุ่ม ผู้จัดการเขต 9.txt"):
        assert load_draft_file(name, text.encode("utf-8"), {}).sets[0].team == "สาขาเชียงราย"


def test_a_chat_export_file_name_without_a_title_is_the_chat_s_name():
    from okrlint.load.draft import default_team

    assert default_team("[LINE] แชทในกลุ่ม ผู้จัดการเขต 9.txt") == "ผู้จัดการเขต 9"
    assert default_team("[LINE] Chat in Sales team.txt") == "Sales team"
    assert default_team("[LINE] แชทกับ พี่หน่อย.txt") == "พี่หน่อย"


# --- month ranges in titles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "span"), [
    ("# OKR ฝ่ายการเงิน ม.ค.–มี.ค. 2570", ("2027-01-01", "2027-03-31")),
    ("# Finance OKRs Jan–Mar 2027", ("2027-01-01", "2027-03-31")),
    ("ทีมขาย มกราคม - มีนาคม 2570", ("2027-01-01", "2027-03-31")),
    ("Support plan, October 2026 to March 2027", ("2026-10-01", "2027-03-31")),
    ("OKR ฝ่ายขาย ไตรมาส 1/2570 (ต.ค.–ธ.ค. 2569)", ("2026-10-01", "2026-12-31")),
])
def test_a_month_range_in_a_title_is_the_period(title, span):
    assert _period(title) == span


def test_a_month_range_in_a_sheet_s_title_row_is_the_period():
    name, data = _xlsx([
        ("OKR ฝ่ายการเงิน ม.ค.–มี.ค. 2570",),
        ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"),
        ("ผู้บริหารได้ตัวเลขทันเวลา", "ลดระยะเวลาปิดบัญชี", "9", "5"),
    ])
    period = load_spreadsheet(name, data, {}).sets[0].period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2027-01-01", "2027-03-31")


# --- set-level alignment above a table -------------------------------------------------------------------------------

_COMPANY = ("company.okr.yaml", "team: company\nlevel: company\nperiod: Q1 2027\nobjectives:\n"
            "  - id: co-o2\n    title: Customers trust us with their money\n    key_results: [Cut fraud losses from 4 to 2]\n")


@pytest.mark.parametrize("preamble", [
    "หน่วยงาน: ฝ่ายบริหารความเสี่ยง\nสอดคล้องกับ: co-o2\n",
    "Team: risk\nAligns to: co-o2\n",
    "This plan supports company objective 1.\n",
])
def test_alignment_above_a_markdown_table_holds_for_its_objectives(preamble):
    text = (f"# Risk OKRs Q1 2027\n\n{preamble}\n| Objective | Key result | Baseline | Target |\n|---|---|---|---|\n"
            "| Customers are safe from scammers | Cut mule accounts opened in the app | 1250 | 400 |\n"
            "| | Cut confirmed fraud losses | 4.2 | 2.5 |\n"
            "| Merchants get paid out the same day | Raise same-day payouts | 60% | 90% |\n")
    findings = lint_documents([_COMPANY, ("risk.okr.md", text)], select=["ALN002"])
    assert findings == []


def test_front_matter_alignment_holds_for_table_objectives_and_an_objective_s_own_reference_wins():
    text = ("---\nteam: risk\naligns_to: co-o2\n---\n# Risk OKRs Q1 2027\n\n"
            "| Objective | Key result | Aligns to |\n|---|---|---|\n"
            "| Customers are safe from scammers | Cut mule accounts from 1250 to 400 | |\n"
            "| Staff spot fraud early | Raise early flags from 20% to 50% | co-o9 |\n")
    result = load_draft_file("risk.okr.md", text.encode("utf-8"), {})
    assert [o.aligns_to for o in result.sets[0].objectives] == [("co-o2",), ("co-o9",)]


def test_alignment_in_a_sheet_s_title_rows_holds_for_its_objectives():
    name, data = _xlsx([
        ("OKR ฝ่ายบริหารความเสี่ยง ไตรมาส 1/2570",),
        ("สอดคล้องกับ: co-o2",),
        ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"),
        ("ลูกค้าปลอดภัยจากมิจฉาชีพ", "ลดบัญชีม้าที่เปิดผ่านแอป", "1250", "400"),
    ])
    result = load_spreadsheet(name, data, {})
    assert [o.aligns_to for o in result.sets[0].objectives] == [("co-o2",)]


# --- where line-only formats point for a Word table cell --------------------------------------------------------------


def _word_plan(path):
    import docx

    document = docx.Document()
    document.add_heading("Marketing — H1 2027 OKRs", 1)
    for n in range(1, 6):
        document.add_paragraph(f"Background paragraph {n}.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate([("Objective", "Key result", "Target"),
                                 ("Finance leaders shortlist us first", "Increase churn from 3% to 5%", "5%"),
                                 ("", "Grow demo requests from 40 to 60 a month", "60")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.save(path)


def test_sarif_github_gitlab_and_junit_point_at_a_word_table_cell_s_paragraph(tmp_path):
    from okrlint import __version__
    from okrlint.config import Config
    from okrlint.engine import Engine
    from okrlint.report import ReportContext
    from okrlint.report.builtin import okrlint_reporters

    import json
    import xml.etree.ElementTree as ET

    path = tmp_path / "plan.okr.docx"
    _word_plan(path)
    result = Engine(Config()).run([str(path)])
    finding = next(f for f in result.findings if f.code == "MEA004")
    assert finding.location.sheet == "table 1" and finding.location.line == 2
    paragraph = finding.location.paragraph
    assert paragraph > 6  # the title, five paragraphs, then the table's cells
    reporters = {r.name: r for r in okrlint_reporters()}

    def render(name):
        return reporters[name].render(ReportContext(result=result, version=__version__))

    sarif = json.loads(render("sarif"))
    located = next(r["locations"][0] for r in sarif["runs"][0]["results"] if r["ruleId"] == "MEA004")
    assert located["physicalLocation"]["region"] == {"startLine": paragraph, "startColumn": 1}
    assert located["properties"] == {"sheet": "table 1", "cell": "B2", "paragraph": paragraph}
    github = next(line for line in render("github").splitlines() if "MEA004" in line)
    assert f"line={paragraph},col=1" in github and "table 1!B2" in github
    gitlab = next(i for i in json.loads(render("gitlab")) if i["description"].startswith("MEA004"))
    assert gitlab["location"]["lines"]["begin"] == paragraph
    junit = ET.fromstring(render("junit").split("\n", 1)[1])
    case = next(c for c in junit.iter("testcase") if c.get("name", "").startswith("MEA004"))
    assert case.get("line") == str(paragraph)
    row = next(f for f in json.loads(render("json"))["findings"] if f["code"] == "MEA004")
    assert (row["line"], row["sheet"], row["paragraph"]) == (2, "table 1", paragraph)  # JSON: the cell and its paragraph


def test_a_spreadsheet_cell_and_a_word_paragraph_keep_their_own_line():
    from okrlint.model import Location
    from okrlint.report import document_position

    assert document_position(Location("okrs.xlsx", 12, 3, sheet="Sales")) == (12, 3)
    assert document_position(Location("plan.docx", 14, 5, paragraph=14)) == (14, 5)
    assert document_position(Location("plan.docx", 3, 2, sheet="table 2", paragraph=41)) == (41, 1)
