"""Review 38: loaders, discovery and company references (own example documents, English and Thai)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.guess import is_repository_file, looks_like_okrs

YAML = "team: {team}\nperiod: 2027-Q1\nobjectives:\n  - title: Riders come back every week\n    key_results:\n      - Raise repeat rides from 30% to 45%\n"


def check(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout), result.stderr


# --- 1. repository file names are matched whole, and never drop OKRs silently ---------------------------
def test_team_files_named_like_repository_files_are_read(tmp_path):
    for name in ("security-operations.yaml", "history-faculty.yaml", "package-delivery.yaml", "notice-team.yaml"):
        (tmp_path / name).write_text(YAML.format(team=name.split(".")[0]), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "objectives": []}\n', encoding="utf-8")
    code, report, err = check(tmp_path)
    files = {row["file"].rsplit("/", 1)[-1] for row in report["objects"]}
    assert files == {"security-operations.yaml", "history-faculty.yaml", "package-delivery.yaml", "notice-team.yaml"}
    assert "reading the 4 documents" in err


def test_repository_files_are_whole_names():
    from pathlib import Path

    for name in ("README.md", "README.th.md", "SECURITY.md", "CHANGELOG", "package.json", "package-lock.json",
                 "requirements-dev.txt", ".pre-commit-config.yaml", "LICENSE.txt"):
        assert is_repository_file(Path(name)), name
    for name in ("security-compliance.yaml", "history-dept.md", "environment-team.xlsx", "changes-2027.md",
                 "requirements-okrs.md", "readme-sales.md"):
        assert not is_repository_file(Path(name)), name


def test_a_repository_file_that_reads_like_okrs_is_named_not_dropped(tmp_path):
    (tmp_path / "growth.yaml").write_text(YAML.format(team="growth"), encoding="utf-8")
    (tmp_path / "README.md").write_text("# ทีมขาย\n\nวัตถุประสงค์ที่ 1: ลูกค้ากลับมาซื้อซ้ำ\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    code, report, err = check(tmp_path)
    assert {row["file"].rsplit("/", 1)[-1] for row in report["objects"]} == {"growth.yaml"}
    assert "not read, by their names" in err and "README.md" in err and "LICENSE" not in err
    assert not looks_like_okrs(tmp_path / "README.md")


# --- 4. company/… finds the company plan written as a document ---------------------------------------------------
COMPANY_DRAFT = """# Harbourline — Company OKRs 2027

Objective 1: Travellers reach the islands without waiting at the pier
1. Cut the median wait at the pier from 40 minutes to 15 minutes

Objective 2: Every ferry leaves on time
1. Raise on-time departures from 81% to 95%
"""


def test_company_reference_from_yaml_finds_a_draft_company_plan(tmp_path):
    (tmp_path / "company.md").write_text(COMPANY_DRAFT, encoding="utf-8")
    (tmp_path / "crew.yaml").write_text(
        "team: crew\nperiod: 2027\nobjectives:\n  - id: crew-o1\n    title: Crews turn ferries around quickly\n"
        "    aligns_to: [company/o2]\n    key_results:\n      - Cut turnaround time from 25 minutes to 12 minutes\n"
        "  - id: crew-o2\n    title: Crews stay with us\n    aligns_to: [company/o7]\n    key_results:\n"
        "      - Reduce crew attrition from 20% to 12%\n", encoding="utf-8")
    _, report, _ = check(tmp_path)
    dangling = [f for f in report["findings"] if f["code"] == "ALN001"]
    assert [f["message"].split("'")[1] for f in dangling] == ["company/o7"]  # o2 resolves; o7 does not exist


# --- 2. "<whose> Objective <n>:" is an objective label ------------------------------------------------------------
def test_qualified_objective_labels():
    from okrlint.load.draft_labels import OBJECTIVE, match_label

    for text, title in (("Company Objective 1: Riders trust the timetable", "Riders trust the timetable"),
                        ("Team Objective 2 — Stations feel safe at night", "Stations feel safe at night"),
                        ("Dept. O3: Depots run without overtime", "Depots run without overtime"),
                        ("FY27 Objective 1: Grow", "Grow"),
                        ("วัตถุประสงค์ที่ 2 ของบริษัท: ลูกค้ากลับมาซื้อซ้ำ", "ลูกค้ากลับมาซื้อซ้ำ")):
        label = match_label(text)
        assert label is not None and label.kind == OBJECTIVE and text[label.rest_start:] == title, text
    for text in ("Our objective: grow", "See objective 2: below", "The objective of this memo is lunch.",
                 "Sales objective 2 was missed last year", "เป้าหมายที่ 2 ของปีที่แล้วทำได้แค่ครึ่งทาง",
                 "Company objectives were agreed in June"):
        label = match_label(text)
        assert label is None or label.kind != OBJECTIVE, text


def test_qualified_objective_headings_are_read_in_a_draft(tmp_path):
    (tmp_path / "plan.md").write_text(
        "# Fernway OKRs 2027\n\n### Company Objective 1: Walkers find every trail marked\n\n"
        "1. Raise marked trail kilometres from 310 to 480\n2. Cut lost-walker calls from 52 to 20 a season\n\n"
        "### Company Objective 2: Volunteers stay a second season\n\n1. Raise volunteer return rate from 40% to 60%\n",
        encoding="utf-8")
    _, report, _ = check(tmp_path / "plan.md")
    assert report["summary"]["objectives"] == 2 and report["summary"]["key_results"] == 3


# --- 7. a sheet that counts key results is a summary; a generic sheet name is not a team -------------------------
def test_a_sheet_counting_key_results_is_a_summary_and_does_not_rename_the_team(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Scores"
    sheet.append(["Objective", "Key result", "Start", "Target", "Score"])
    sheet.append(["Walkers find every trail marked", "Raise marked trail kilometres from 310 to 480", 310, 480, 0.6])
    sheet.append([None, "Cut lost-walker calls from 52 to 20 a season", 52, 20, 0.4])
    chart = book.create_sheet("For the chart")
    chart.append(["Status", "KRs", "Avg score"])
    chart.append(["On track", 1, 0.6])
    chart.append(["At risk", 1, 0.4])
    book.save(tmp_path / "Trails Team 2027 scorecard.xlsx")
    _, report, err = check(tmp_path / "Trails Team 2027 scorecard.xlsx")
    assert "sheet 'For the chart' is a summary of the OKRs" in err
    assert {row["team"] for row in report["objects"]} == {"Trails Team"}
    assert not any("For the chart" in f["file"] for f in report["findings"])
    assert report["summary"]["key_results"] == 2


def test_sheets_named_by_team_keep_their_names(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    for index, team in enumerate(("Rangers", "Visitor centre")):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = team
        sheet.append(["Objective", "Key result", "Target"])
        sheet.append([f"{team} make the park safer", "Cut incidents from 30 to 12", 12])
    book.save(tmp_path / "park.xlsx")
    _, report, _ = check(tmp_path / "park.xlsx")
    assert {row["team"] for row in report["objects"]} == {"Rangers", "Visitor centre"}


def test_a_key_result_column_of_text_is_still_read():
    from okrlint.load.columns import counted_titles

    rows = [["Status", "KRs", "Avg grade"], ["On track", 4, 0.91], ["At risk", "1", 0.7]]
    assert counted_titles(rows, 0, {"key_result": 1}) == "KRs"
    rows = [["KR", "Target"], ["Raise repeat rides", "45%"]]
    assert counted_titles(rows, 0, {"key_result": 0}) is None


# --- 3. one document holding several teams' OKRs under their headings --------------------------------------------
WHOLE_ORG = """# Fernway Trails Trust — Company OKRs 2027

A note from the director about the year ahead.

# Trust OKRs

### Objective 1: Walkers find every trail marked
1. Raise marked trail kilometres from 310 to 480

### Objective 2: Volunteers stay a second season
1. Raise the volunteer return rate from 40% to 60%

# Field operations department

## Rangers team

### Objective 1: Rangers reach every incident quickly
Supports: Company O1
1. Cut the median time to reach an incident from 50 minutes to 20 minutes

## Maintenance

### Objective 1: Bridges stay open all year
Supports: Company O1
1. Cut bridge closure days from 40 to 10

# Fundraising

### Objective 1: Members renew without being chased
Supports: Company O2
1. Raise membership renewals from 62% to 75%
"""


def _sets(report):
    teams = {}
    for row in report["objects"]:
        if row["kind"] == "objective":
            teams.setdefault(row["team"], 0)
            teams[row["team"]] += 1
    return teams


def test_team_headings_in_one_document_are_sets(tmp_path):
    (tmp_path / "Fernway Trails Trust.md").write_text(WHOLE_ORG, encoding="utf-8")
    code, report, err = check(tmp_path / "Fernway Trails Trust.md")
    assert _sets(report) == {"Fernway Trails Trust": 2, "Rangers": 1, "Maintenance": 1, "Fundraising": 1}
    codes = {f["code"] for f in report["findings"]}
    assert "CLA005" not in codes and "ALN001" not in codes
    assert not any(f["code"] == "ALN002" for f in report["findings"])  # every team names what it supports


def test_team_sets_inherit_the_period_and_take_levels_from_the_outline(tmp_path):
    from okrlint.load.draft import load_draft_file

    result = load_draft_file("Fernway Trails Trust.md", WHOLE_ORG.encode(), {})
    by_team = {s.team: s for s in result.sets}
    assert by_team["Fernway Trails Trust"].level == "company"
    assert by_team["Rangers"].level == "team" and by_team["Maintenance"].level == "team"
    assert by_team["Fundraising"].level == "department"
    assert len({repr(s.period) for s in result.sets}) == 1  # the title's year, for every team
    assert by_team["Rangers"].period is not None


def test_thai_unit_headings_are_sets():
    from okrlint.load.draft import load_draft_file

    text = ("# OKR บริษัท ลานทอง ปี 2570\n\n## ฝ่ายขาย\n\nวัตถุประสงค์ที่ 1: ลูกค้ากลับมาซื้อซ้ำ\n"
            "1. เพิ่มอัตราการซื้อซ้ำจาก 20% เป็น 35%\n\n## ฝ่ายบัญชี\n\nวัตถุประสงค์ที่ 1: ปิดงบได้เร็วขึ้น\n"
            "1. ลดเวลาปิดงบจาก 12 วัน เหลือ 6 วัน\n")
    result = load_draft_file("แผน.md", text.encode(), {})
    assert sorted(s.team for s in result.sets) == ["ฝ่ายขาย", "ฝ่ายบัญชี"]
    assert {s.level for s in result.sets} == {"department"}


def test_one_teams_document_with_theme_or_objective_headings_stays_one_set():
    from okrlint.load.draft import load_draft_file

    themes = ("# Payments team — Q3 2027 OKRs\n\n## Growth\n\n### Objective 1: Shops sign up in a day\n"
              "1. Cut sign-up time from 5 days to 1 day\n\n### Objective 2: Shops sell more\n1. Raise GMV from $2M to $3M\n\n"
              "## Reliability\n\n### Objective 3: Payouts never fail\n1. Cut failed payouts from 2% to 0.5%\n")
    headed = ("# Support OKRs\n\n## Objective 1: Customers get answers first time\n1. Raise first-contact resolution "
              "from 55% to 70%\n\n## Objective 2: Agents stay\n1. Cut attrition from 30% to 15%\n")
    quarters = ("# Growth team OKRs 2027\n\n## Q1\n\nObjective 1: Riders come back\n1. Raise repeat rides from 30% to 40%\n\n"
                "## Q2\n\nObjective 1: Riders come back weekly\n1. Raise weekly riders from 10% to 20%\n")
    for name, text in (("payments.md", themes), ("support.md", headed), ("growth.md", quarters)):
        result = load_draft_file(name, text.encode(), {})
        assert len(result.sets) == 1, name


def test_word_document_with_team_headings(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Lakeside Clinics — Company OKRs 2027", 0)
    document.add_heading("Company Objective 1: Patients are seen the day they call", 2)
    document.add_paragraph("Cut the median wait for an appointment from 6 days to 1 day", style="List Number")
    document.add_heading("Front desk team", 1)
    document.add_heading("Objective 1: Callers get through first time", 2)
    document.add_paragraph("Supports: Company O1")
    document.add_paragraph("Cut abandoned calls from 18% to 5%", style="List Number")
    document.add_heading("Nursing team", 1)
    document.add_heading("Objective 1: Nurses spend their time with patients", 2)
    document.add_paragraph("Supports: Company O1")
    document.add_paragraph("Cut charting time per shift from 3 hours to 1.5 hours", style="List Number")
    document.save(tmp_path / "Lakeside Clinics 2027.docx")
    _, report, _ = check(tmp_path / "Lakeside Clinics 2027.docx")
    assert _sets(report) == {"Lakeside Clinics": 1, "Front desk": 1, "Nursing": 1}
    assert not any(f["code"] in ("ALN001", "ALN002", "ALN004") for f in report["findings"])


# --- 8. "(supports Company O1)" after an objective in a table cell is its alignment ------------------------------
def test_alignment_after_an_objective_in_a_table_cell(tmp_path):
    (tmp_path / "Harbourline.md").write_text(
        "# Harbourline — Company OKRs 2027\n\nObjective 1: Every ferry leaves on time\n"
        "1. Raise on-time departures from 81% to 95%\n", encoding="utf-8")
    (tmp_path / "crew.md").write_text(
        "Team: Crew\n\n| Objective | Key result | Baseline | Target |\n|---|---|---|---|\n"
        "| Ferries turn around quickly (supports Company O1) | Cut turnaround time in minutes | 25 | 12 |\n"
        "| Ferries turn around quickly (supports Company O1) | Cut late boardings per week | 30 | 10 |\n",
        encoding="utf-8")
    from okrlint.load.draft import load_draft_file

    crew = load_draft_file("crew.md", (tmp_path / "crew.md").read_bytes(), {}).sets[0]
    assert [(o.title, o.aligns_to) for o in crew.objectives] == [("Ferries turn around quickly", ("Company O1",))]
    _, report, _ = check(tmp_path)
    assert not any(f["code"] in ("ALN001", "ALN002") for f in report["findings"])


# --- 6. an issue tracker's export: the type column says objective or key result, Parent links them ---------------
def test_a_tracker_export_is_read_by_issue_type(tmp_path):
    (tmp_path / "board.csv").write_text(
        "Title,Key,Work item type,Parent,Assigned to,Due date,Status\n"
        "Members renew without being chased,T-1,Objective,,Ines,,Active\n"
        "Walkers find every trail marked,T-2,Objective,,Ola,,Active\n"
        "Raise membership renewals from 62% to 75%,T-3,Key Result,T-1,Ines,31/Dec/27 12:00 AM,New\n"
        "Raise marked trail kilometres from 310 to 480,T-4,Key Result,T-2,Ola,2027-12-31,New\n"
        "Cut lapsed members from 900 to 400,T-5,Key Result,T-1,Ines,,New\n", encoding="utf-8")
    _, report, _ = check(tmp_path / "board.csv")
    assert report["summary"]["objectives"] == 2 and report["summary"]["key_results"] == 3
    codes = [f["code"] for f in report["findings"]]
    assert "STR007" not in codes and "ALN001" not in codes  # Jira's dates are read; Parent is no alignment


def test_a_plain_table_with_a_type_column_is_not_a_tracker():
    from okrlint.load.tables import Table, tracker_export
    from okrlint.model import Location

    rows = [["Name", "Type", "Cost"], ["Laptops", "Equipment", 1200]]
    assert tracker_export(Table(rows, lambda r, c: Location("x.csv", r + 1, c + 1), team="x")) is None
