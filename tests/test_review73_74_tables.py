"""Reviews 73 and 74, tables: a five-level scoring ladder (`ระดับ 1 … ระดับ 5`, the สคร./ก.พ.ร. KPI form) is the key
result's target, never the plan's level; `สังกัด:` in a sheet's title row is the unit the team belongs to, not part of
its name; a "Last updated …" row under a CSV is no team; a Quarter column wins over a title row's period."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.spreadsheet import load_spreadsheet

LEVELS = ["ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
SATISFACTION = ["คะแนนความพึงพอใจของผู้ใช้ไฟฟ้า", "คะแนน", 3.62, 3.51, 3.65, 3.80, 3.90, 4.00]
APP_SHARE = ["สัดส่วนคำขอที่ยื่นผ่านแอป", "ร้อยละ", 40, 45, 50, 55, 60, 65]
CRM_STEPS = ["ระดับความสำเร็จของการพัฒนาระบบ CRM", "ระดับ", "-", "จัดทำ TOR แล้วเสร็จ", "ได้ผู้รับจ้าง", "ติดตั้งระบบ",
             "ทดสอบระบบ", "ใช้งานจริงครบทุกเขต"]


def _book(rows: list[list], merges: tuple[str, ...] = (), title: str = "ฝ่ายบริการลูกค้า") -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ladder_book(merged: bool, rows: list[list] | None = None) -> bytes:
    head = ["วัตถุประสงค์", "ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน"]
    data = [["ผู้ใช้ไฟฟ้าพึงพอใจบริการ", *row] if index == 0 else [None, *row]
            for index, row in enumerate(rows or [SATISFACTION, APP_SHARE])]
    title = ["แผน OKR ฝ่ายบริการลูกค้า ประจำปีงบประมาณ 2570"]
    if not merged:
        return _book([title, [*head, *LEVELS], *data])
    return _book([title, [*head, "ค่าเป้าหมาย", None, None, None, None], [None] * 4 + LEVELS, *data],
                 ("E2:I2", "A2:A3", "B2:B3", "C2:C3", "D2:D3"))


def _findings(tmp_path, name: str, data: bytes) -> list[dict]:
    path = tmp_path / name
    path.write_bytes(data)
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json"])
    return json.loads(run.stdout)["findings"]


# --- review 74 H1: the five-level ladder -------------------------------------------------------------------------
@pytest.mark.parametrize("merged", [False, True], ids=["flat", "under-merged-target"])
def test_a_five_level_ladder_gives_the_standard_level_as_the_target(merged):
    pytest.importorskip("openpyxl")
    (okr_set,) = load_spreadsheet("plan.xlsx", _ladder_book(merged), {}).sets
    assert okr_set.level == "department"  # from ฝ่าย, never '3.51'
    satisfaction, share = okr_set.objectives[0].key_results
    assert (satisfaction.baseline, satisfaction.target) == (3.62, 3.80)  # ระดับ 3, not ระดับ 1
    assert (share.baseline, share.target) == (40, 55)


@pytest.mark.parametrize("merged", [False, True], ids=["flat", "under-merged-target"])
def test_a_ladder_makes_no_level_or_missing_target_findings(tmp_path, merged):
    pytest.importorskip("openpyxl")
    codes = {f["code"] for f in _findings(tmp_path, "plan.xlsx", _ladder_book(merged))}
    assert not codes & {"STR007", "MEA001", "MEA004", "STR005"}, codes


def test_a_ladder_of_steps_targets_its_standard_level(tmp_path):
    pytest.importorskip("openpyxl")
    data = _ladder_book(True, [CRM_STEPS])
    (okr_set,) = load_spreadsheet("plan.xlsx", data, {}).sets
    (kr,) = okr_set.objectives[0].key_results
    assert (kr.target, kr.target_text, kr.unit) == (3.0, "ระดับ 3", "ระดับ")
    findings = _findings(tmp_path, "plan.xlsx", data)
    assert not [f for f in findings if f["code"] in ("STR005", "STR007")], findings
    assert "MEA005" in {f["code"] for f in findings}  # ระดับความสำเร็จ: steps of the work


def test_a_row_leaving_the_standard_level_blank_takes_the_next_level_up():
    pytest.importorskip("openpyxl")
    row = ["จำนวนผู้ใช้แอปที่ใช้งานต่อเนื่อง", "ราย", 1000, None, None, None, None, 2000]
    (okr_set,) = load_spreadsheet("plan.xlsx", _ladder_book(False, [row]), {}).sets
    assert okr_set.objectives[0].key_results[0].target == 2000


def test_a_target_column_beside_the_ladder_stays_the_target():
    pytest.importorskip("openpyxl")
    rows = [["วัตถุประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย", "Level 1", "Level 2", "Level 3", "Level 4", "Level 5"],
            ["ลูกค้าพึงพอใจ", "คะแนนความพึงพอใจ", 3.6, 4.2, 3.5, 3.7, 3.9, 4.1, 4.3]]
    (okr_set,) = load_spreadsheet("plan.xlsx", _book(rows), {}).sets
    assert okr_set.objectives[0].key_results[0].target == 4.2
    assert okr_set.level != "3.5"


def test_the_configuration_may_choose_another_level_of_the_ladder():
    pytest.importorskip("openpyxl")
    (okr_set,) = load_spreadsheet("plan.xlsx", _ladder_book(False), {"column-mapping": {"ระดับ 5": "target"}}).sets
    assert [kr.target for kr in okr_set.objectives[0].key_results] == [4.0, 65]


def test_a_level_column_of_numbers_is_not_the_plans_level():
    pytest.importorskip("openpyxl")
    rows = [["วัตถุประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย", "ระดับ"],
            ["ระบบบริการดิจิทัลพร้อมใช้", "ระดับความสำเร็จของการพัฒนาระบบ", 5, 3]]
    (okr_set,) = load_spreadsheet("plan.xlsx", _book(rows), {}).sets
    assert okr_set.level == "team" and "level" not in okr_set.field_locations  # the default, not '3'


def test_the_ladder_headers_are_target_columns():
    from okrlint.load.columns import field_for_header, ladder_of, standard_level

    assert field_for_header("ระดับ ๓") == "target"
    assert field_for_header("Level 5") == "target"
    assert field_for_header("ระดับ") == "level"
    ladder = ladder_of(["ตัวชี้วัด", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"])
    assert ladder == {1: 1, 2: 2, 3: 3, 4: 4, 5: 5} and standard_level(ladder) == 3
    assert ladder_of(["ตัวชี้วัด", "ระดับ 2", "ระดับ 5"]) == {}


def test_a_word_table_with_a_ladder_under_a_merged_target(tmp_path):
    docx = pytest.importorskip("docx")
    from okrlint.load.docx import load_docx

    document = docx.Document()
    document.add_paragraph("แผนปฏิบัติการ การไฟฟ้าชุมชนแห่งชาติ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐")
    document.add_paragraph("วัตถุประสงค์ที่ ๒ ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวกและรวดเร็ว")
    table = document.add_table(rows=4, cols=9)
    top = ["ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน", "ค่าเป้าหมาย", "", "", "", "", "ผู้รับผิดชอบ"]
    for column, text in enumerate(top):
        table.cell(0, column).text = text
    for column, text in enumerate(["ระดับ ๑", "ระดับ ๒", "ระดับ ๓", "ระดับ ๔", "ระดับ ๕"], 3):
        table.cell(1, column).text = text
    rows = [["คะแนนความพึงพอใจของผู้ใช้ไฟฟ้า", "คะแนน", "๓.๖๒", "๓.๕๑", "๓.๖๕", "๓.๘๐", "๓.๙๐", "๔.๐๐", "สายงานบริการลูกค้า"],
            ["ระดับความสำเร็จของการพัฒนาระบบ CRM", "ระดับ", "-", "จัดทำ TOR แล้วเสร็จ", "ได้ผู้รับจ้าง", "ติดตั้งระบบ",
             "ทดสอบระบบ", "ใช้งานจริงครบทุกเขต", "ฝ่ายเทคโนโลยีสารสนเทศ"]]
    for index, row in enumerate(rows, 2):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    table.cell(0, 3).merge(table.cell(0, 7))
    for column in (0, 1, 2, 8):
        table.cell(0, column).merge(table.cell(1, column))
    out = io.BytesIO()
    document.save(out)
    result = load_docx("plan.docx", out.getvalue(), {})
    krs = [kr for okr_set in result.sets for objective in okr_set.objectives for kr in objective.key_results]
    assert [(kr.target, kr.target_text) for kr in krs] == [(3.8, "๓.๘๐"), (3.0, "ระดับ ๓")]
    path = tmp_path / "plan.docx"
    path.write_bytes(out.getvalue())
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json"])
    codes = {f["code"] for f in json.loads(run.stdout)["findings"]}
    assert not codes & {"STR005", "STR007", "MEA004"}, codes


# --- review 74 M2: สังกัด in a title row --------------------------------------------------------------------------
@pytest.mark.parametrize("title, team", [
    ("หน่วยงาน: ฝ่ายมิเตอร์   สังกัด: สายงานบริการลูกค้า", "ฝ่ายมิเตอร์"),
    ("หน่วยงาน: ฝ่ายมิเตอร์ สังกัด: สายงานบริการลูกค้า", "ฝ่ายมิเตอร์"),
    ("OKR ฝ่ายมิเตอร์ (สังกัด สายงานบริการลูกค้า) ปีงบประมาณ 2570", "ฝ่ายมิเตอร์"),
    ("Team: Billing · Reports to: Finance · Q1 2027", "Billing"),
    ("Team: Billing   Part of: Finance", "Billing"),
])
def test_the_unit_a_team_belongs_to_is_not_part_of_its_name(title, team):
    pytest.importorskip("openpyxl")
    rows = [[title], ["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"],
            ["ใบแจ้งค่าไฟฟ้าถูกต้อง", "อัตราการอ่านหน่วยผิดพลาด (ร้อยละ)", 1.8, 0.5]]
    (okr_set,) = load_spreadsheet("okr.xlsx", _book(rows, title="Sheet1"), {}).sets
    assert okr_set.team == team


def test_a_team_named_within_its_parent_keeps_its_name():
    from okrlint.load.tables import without_parent_unit

    assert without_parent_unit("โรงเรียนในสังกัด สพฐ.") == "โรงเรียนในสังกัด สพฐ."
    assert without_parent_unit("Under-12 Football") == "Under-12 Football"


# --- review 73 M3 and M4: a CSV tracker's note row and its title row's period -----------------------------------------
TRACKER = """Corvane GTM OKR tracker — H1 2027 (Q1 view),,,,,,
Team,Quarter,Objective,Key Result,Owner,Baseline,Target
Demand Gen,Q1 2027,Fill the pipeline with carriers ready to switch,Grow marketing-sourced pipeline,Maya Chen,$3.1M,$5.0M
Partnerships,Q1 2027,Shippers find Corvane in their marketplaces,Raise marketplace-sourced shipper trials,Ines Moreau,12,40
,,,,,,
{note},,,,,,
"""


@pytest.mark.parametrize("note", [
    "Last updated 11 Dec by J. Okafor (RevOps) — Partnerships targets still TBC",
    "Updated by RevOps on 11 Dec",
    "Exported from Google Sheets on 3 Jan 2027",
    "Data as of 30 Nov 2026",
    "อัปเดตล่าสุด 11 ธ.ค. 2569 โดยกองแผนงาน",
    "ข้อมูล ณ วันที่ 30 พ.ย. 2569",
])
def test_a_note_row_under_a_tracker_is_no_team(note):
    result = load_spreadsheet("Corvane OKRs H1 2027 - GTM teams.csv", TRACKER.format(note=note).encode(), {})
    assert [okr_set.team for okr_set in result.sets] == ["Demand Gen", "Partnerships"]


def test_a_quarter_column_wins_over_the_title_rows_period():
    result = load_spreadsheet("gtm.csv", TRACKER.format(note="").encode(), {})
    assert {okr_set.period.text for okr_set in result.sets} == {"Q1 2027"}


def test_the_title_rows_period_holds_for_a_set_whose_rows_name_none():
    data = "Growth OKRs — H1 2027\nObjective,Key Result,Baseline,Target\nWin carriers,Grow logos,38,60\n"
    (okr_set,) = load_spreadsheet("growth.csv", data.encode(), {}).sets
    assert okr_set.period.text.startswith("H1 2027")


def test_quarter_milestone_columns_leave_the_title_rows_period():
    pytest.importorskip("openpyxl")
    rows = [["แผน OKR ระดับฝ่าย ประจำปีงบประมาณ ๒๕๗๐"],
            ["วัตถุประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย ปี ๒๕๗๐", "ไตรมาส ๑", "ไตรมาส ๒", "ไตรมาส ๓", "ไตรมาส ๔"],
            ["ผู้ใช้ไฟฟ้าได้รับบริการเร็วขึ้น", "ระยะเวลาติดตั้งมิเตอร์ (วัน)", 7, 3, 6, 5, 4, 3]]
    (okr_set,) = load_spreadsheet("okr.xlsx", _book(rows), {}).sets
    assert "๒๕๗๐" in okr_set.period.text and okr_set.period.start is not None  # not a milestone's '6'
