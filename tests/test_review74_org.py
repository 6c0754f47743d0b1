"""Review 74 (a Thai state enterprise, การไฟฟ้าชุมชนแห่งชาติ, and its สายงาน, ฝ่าย and กอง drafts for ปีงบประมาณ 2570):
the organisation is named by a state enterprise's kind and by its initials ("ของ กฟช."), a สายงาน is a
department-level unit above its ฝ่าย, a staff-welfare กอง serves the employees, and three messages said the wrong
thing (a ระดับความสำเร็จ ladder as done/not-done, English level names, a `co-o1` id no Thai office writes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.draft import _level_of_unit, _organisation_line
from okrlint.org import abbreviates

ORGANISATION = """การไฟฟ้าชุมชนแห่งชาติ (กฟช.)
แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570

วัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับไฟฟ้าที่มั่นคงและต่อเนื่อง
ผลลัพธ์หลัก
1.1 ลดเวลาไฟฟ้าดับเฉลี่ยของผู้ใช้ไฟฟ้าจาก 180 นาที เหลือ 140 นาที

วัตถุประสงค์ที่ 2 ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวกผ่านแอป
ผลลัพธ์หลัก
2.1 เพิ่มสัดส่วนคำขอของผู้ใช้ไฟฟ้าที่ผ่านแอปจากร้อยละ 40 เป็นร้อยละ 65

วัตถุประสงค์ที่ 3 ผู้ใช้ไฟฟ้าพึงพอใจบริการมากขึ้น
ผลลัพธ์หลัก
3.1 เพิ่มคะแนนความพึงพอใจของผู้ใช้ไฟฟ้าจาก 3.2 เป็น 3.8
"""
LINE_OF_BUSINESS = """OKR สายงานบริการลูกค้า ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าติดต่อได้จบในช่องทางเดียว
สอดคล้องกับ วัตถุประสงค์ที่ 2 {whose}
ผลลัพธ์หลัก
1.1 เพิ่มสัดส่วนคำขอของผู้ใช้ไฟฟ้าที่จบในช่องทางเดียวจากร้อยละ 35 เป็นร้อยละ 60

วัตถุประสงค์ที่ 2 ผู้ใช้ไฟฟ้ารายใหม่ได้รับไฟฟ้าเร็วขึ้น
สอดคล้องกับ วัตถุประสงค์ที่ 1 {whose}
ผลลัพธ์หลัก
2.1 ลดเวลาต่อไฟฟ้าให้ผู้ใช้ไฟฟ้ารายใหม่จาก 7 วัน เหลือ 3 วัน
"""
DIVISION = """OKR ฝ่ายมิเตอร์ ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1 ใบแจ้งค่าไฟฟ้าของผู้ใช้ไฟฟ้าถูกต้อง
สอดคล้องกับ วัตถุประสงค์ที่ 1 ของสายงานบริการลูกค้า
ผลลัพธ์หลัก
1.1 ลดอัตราการอ่านหน่วยผิดพลาดในใบแจ้งค่าไฟฟ้าของผู้ใช้ไฟฟ้าจากร้อยละ 1.8 เป็นร้อยละ 0.5

วัตถุประสงค์ที่ 2 ผู้ใช้ไฟฟ้ารู้ค่าไฟฟ้าล่วงหน้า
ผลลัพธ์หลัก
2.1 เพิ่มผู้ใช้ไฟฟ้าที่ได้รับแจ้งค่าไฟฟ้าล่วงหน้าจากร้อยละ 20 เป็นร้อยละ 60
"""


def _check(path: Path, *args: str) -> tuple[dict, str]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args, str(path)])
    return json.loads(result.stdout[result.stdout.index("{"):]), result.stderr


def _findings(report: dict, code: str) -> list[dict]:
    return [f for f in report["findings"] if f["code"] == code]


# --- H2: a state enterprise is the organisation, named by its kind or its initials -------------------------------

@pytest.mark.parametrize("team", [
    "การไฟฟ้าชุมชนแห่งชาติ (กฟช.)", "การไฟฟ้าส่วนภูมิภาค", "การประปานครหลวง", "การท่าเรือแห่งประเทศไทย",
    "การรถไฟแห่งประเทศไทย", "การกีฬาแห่งประเทศไทย", "องค์การเภสัชกรรม", "ธนาคารออมสิน",
    "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)", "สำนักงานสถิติแห่งชาติ",
    "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", "บริษัท ไฟฟ้าไทย จำกัด (มหาชน)", "มหาวิทยาลัยศรีวารินทร์",
])
def test_a_state_enterprise_bank_or_public_organisation_is_the_organisation(team):
    assert _level_of_unit(team) == "company"


@pytest.mark.parametrize("team", ["การตลาด", "ธนาคารออมสิน ฝ่ายสินเชื่อ", "สำนักงานเลขานุการกรม",
                                  "การไฟฟ้าชุมชนแห่งชาติ สายงานปฏิบัติการ"])
def test_a_unit_of_one_or_a_word_starting_alike_is_not(team):
    assert _level_of_unit(team) != "company"


@pytest.mark.parametrize("line", ["การไฟฟ้าชุมชนแห่งชาติ (กฟช.)", "องค์การเภสัชกรรม", "ธนาคารออมสิน",
                                  "มหาวิทยาลัยศรีวารินทร์"])
def test_a_thai_organisations_name_alone_on_a_line(line):
    assert _organisation_line(line) == line


@pytest.mark.parametrize("line", ["การไฟฟ้าชุมชนแห่งชาติ แผนปฏิบัติการ 2570", "สายงานบริการลูกค้า"])
def test_not_a_thai_organisations_name_alone(line):
    assert _organisation_line(line) is None


@pytest.mark.parametrize(("initials", "name", "expected"), [
    ("กฟช", "การไฟฟ้าชุมชนแห่งชาติ", True), ("กปภ", "การประปาส่วนภูมิภาค", True),
    ("ธกส", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", True), ("ขสมก", "องค์การขนส่งมวลชนกรุงเทพ", True),
    ("อภ", "องค์การเภสัชกรรม", True), ("กฟภ", "การไฟฟ้าชุมชนแห่งชาติ", False), ("กฟช", "ฝ่ายการเงิน", False),
    ("กฟช", "กฟช", False),
])
def test_initials_of_an_organisations_name(initials, name, expected):
    assert abbreviates(initials, name) is expected


@pytest.mark.parametrize("whose", ["ของ กฟช.", "ของกฟช.", "ของ กฟช", "ของการไฟฟ้าชุมชนแห่งชาติ", "ขององค์กร"])
def test_the_organisation_named_by_its_initials_or_name_is_the_company_plan(tmp_path, whose):
    (tmp_path / "แผน กฟช 2570.md").write_text(ORGANISATION, encoding="utf-8")
    (tmp_path / "OKR สายงานบริการลูกค้า ปีงบประมาณ 2570.md").write_text(LINE_OF_BUSINESS.format(whose=whose),
                                                                      encoding="utf-8")
    (tmp_path / "OKR ฝ่ายมิเตอร์ ปีงบประมาณ 2570.md").write_text(DIVISION, encoding="utf-8")
    report, stderr = _check(tmp_path)
    assert not _findings(report, "ALN001"), report["findings"]
    assert not _findings(report, "ALN009")  # ฝ่าย -> สายงาน -> organisation: upward or within a level
    orphans = _findings(report, "ALN002")
    assert [(Path(f["file"]).name, f["line"]) for f in orphans] == [("OKR ฝ่ายมิเตอร์ ปีงบประมาณ 2570.md", 8)]
    uncovered = _findings(report, "ALN004")
    assert [(Path(f["file"]).name, f["line"]) for f in uncovered] == [("แผน กฟช 2570.md", 12)]
    assert "was not read" not in stderr and "ไม่ได้อ่าน" not in stderr


def test_initials_find_a_plan_named_without_them(tmp_path):
    plan = ORGANISATION.replace("การไฟฟ้าชุมชนแห่งชาติ (กฟช.)\nแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570",
                                "OKR การไฟฟ้าชุมชนแห่งชาติ ปีงบประมาณ 2570")
    (tmp_path / "การไฟฟ้าชุมชนแห่งชาติ.md").write_text(plan, encoding="utf-8")
    (tmp_path / "สายงานบริการลูกค้า.md").write_text(LINE_OF_BUSINESS.format(whose="ของ กฟช."), encoding="utf-8")
    report, _ = _check(tmp_path)
    assert not _findings(report, "ALN001"), report["findings"]
    assert len(_findings(report, "ALN004")) == 1


def test_a_unit_named_by_its_bracketed_initials(tmp_path):
    (tmp_path / "กอง.md").write_text(
        "OKR ปีงบประมาณ 2570\nหน่วยงาน: กองส่งเสริมสวัสดิการ (กสว.)\n\nวัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับบริการเร็วขึ้น\n"
        "ผลลัพธ์หลัก\n1.1 ลดเวลารอของผู้ใช้ไฟฟ้าจาก 30 นาที เหลือ 15 นาที\n", encoding="utf-8")
    (tmp_path / "งาน.md").write_text(
        "OKR งานสวัสดิการ ปีงบประมาณ 2570\n\nวัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับคำตอบเร็วขึ้น\n"
        "สอดคล้องกับ วัตถุประสงค์ที่ 1 ของ กสว.\nผลลัพธ์หลัก\n1.1 ลดเวลาตอบผู้ใช้ไฟฟ้าจาก 3 วัน เหลือ 1 วัน\n",
        encoding="utf-8")
    report, _ = _check(tmp_path)
    assert not _findings(report, "ALN001"), report["findings"]


def test_a_named_number_of_a_plan_not_understood_says_which_plan(tmp_path):
    (tmp_path / "ฝ่าย.md").write_text(
        "OKR ฝ่ายทดสอบ ปีงบประมาณ 2570\n\nวัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับบริการดี\n"
        "สอดคล้องกับวัตถุประสงค์ที่ 2 ของแผนพัฒนาจังหวัด\nผลลัพธ์หลัก\n1.1 ลดเวลาจาก 7 วัน เหลือ 3 วัน\n",
        encoding="utf-8")
    _, thai = _check(tmp_path)
    assert "ไม่รู้จักแผน 'แผนพัฒนาจังหวัด'" in thai and "วัตถุประสงค์ที่ 1 ขององค์กร" in thai
    assert "ไม่มีรหัสหรือลำดับ" not in thai and "co-o1" not in thai
    _, english = _check(tmp_path, "--messages", "en")
    assert "the plan it names, 'แผนพัฒนาจังหวัด'" in english


def test_a_thai_run_is_told_the_thai_form_of_a_reference(tmp_path):
    (tmp_path / "ฝ่าย.md").write_text(
        "OKR ฝ่ายทดสอบ ปีงบประมาณ 2570\n\nวัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับบริการดี\nสอดคล้องกับแผนแม่บท\n"
        "ผลลัพธ์หลัก\n1.1 ลดเวลาจาก 7 วัน เหลือ 3 วัน\n", encoding="utf-8")
    _, thai = _check(tmp_path)
    assert "ไม่มีรหัสหรือลำดับของวัตถุประสงค์" in thai and "'สอดคล้องกับ: วัตถุประสงค์ที่ 1 ขององค์กร'" in thai
    assert "co-o1" not in thai


# --- M6: สายงาน is a department-level unit above its ฝ่าย -------------------------------------------------------------

@pytest.mark.parametrize("team", ["สายงานปฏิบัติการ", "สายงานบริการลูกค้า", "กลุ่มภารกิจด้านเศรษฐกิจ"])
def test_a_line_of_business_is_a_department_level_unit(team):
    assert _level_of_unit(team) == "department"


def test_level_written_as_a_line_of_business(tmp_path):
    from okrlint.load.draft import load_draft_file

    text = "OKR ปฏิบัติการ ปีงบประมาณ 2570\nระดับ: สายงาน\n\nวัตถุประสงค์ที่ 1 ไฟฟ้าดับน้อยลง\n- ลดไฟดับจาก 5 ครั้ง เหลือ 3 ครั้ง\n"
    result = load_draft_file("ops.md", text.encode(), {})
    assert result.sets[0].level == "department"


def test_the_graph_draws_a_division_below_the_line_of_business_it_aligns_to(tmp_path):
    (tmp_path / "แผน กฟช 2570.md").write_text(ORGANISATION, encoding="utf-8")
    (tmp_path / "OKR ฝ่ายมิเตอร์ ปีงบประมาณ 2570.md").write_text(DIVISION, encoding="utf-8")  # read first
    (tmp_path / "OKR สายงานบริการลูกค้า ปีงบประมาณ 2570.md").write_text(LINE_OF_BUSINESS.format(whose="ของ กฟช."), encoding="utf-8")
    result = CliRunner().invoke(main, ["graph", "--format", "json", "--no-cache", str(tmp_path)])
    graph = json.loads(result.stdout[result.stdout.index("{"):])
    teams = [t["team"] for t in graph["teams"]]
    assert teams.index("สายงานบริการลูกค้า") < teams.index("ฝ่ายมิเตอร์")
    assert {t["level"] for t in graph["teams"] if t["team"] != "การไฟฟ้าชุมชนแห่งชาติ (กฟช.)"} == {"department"}


# --- L4: a staff-welfare or labour-relations unit serves the employees -----------------------------------------------

WELFARE = """# OKR {team} ปีงบประมาณ 2570

## วัตถุประสงค์ที่ ๑ พนักงานมีคุณภาพชีวิตที่ดีขึ้น
- ร้อยละความพึงพอใจของพนักงานต่อสวัสดิการ จากร้อยละ ๗๐ เป็นร้อยละ ๘๕
- ลดระยะเวลาเบิกค่ารักษาพยาบาลจาก ๒๑ วัน เหลือ ๗ วัน
"""


@pytest.mark.parametrize(("team", "expected"), [
    ("กองสวัสดิการและแรงงานสัมพันธ์", 0), ("กองแรงงานสัมพันธ์", 0), ("ฝ่ายกิจการสัมพันธ์", 0),
    ("กองสวัสดิการพนักงาน", 0), ("กองบริหารทรัพยากรบุคคล", 0),
    ("กองสวัสดิการสังคม", 1),  # a municipality's social welfare division serves the public, not the staff
])
def test_a_staff_welfare_unit_serves_the_employees(tmp_path, team, expected):
    (tmp_path / "a.md").write_text(WELFARE.format(team=team), encoding="utf-8")
    report, _ = _check(tmp_path / "a.md")
    assert len(_findings(report, "CUS001")) == expected


@pytest.mark.parametrize("team", ["Employee Relations", "Staff Welfare", "Labour Relations"])
def test_an_english_employee_relations_team_serves_the_employees(tmp_path, team):
    (tmp_path / "a.okr.yaml").write_text(
        f"team: {team}\nobjectives:\n  - title: Employees resolve grievances faster\n    key_results:\n"
        "      - title: Cut grievance resolution time for employees from 40 days to 20 days\n", encoding="utf-8")
    report, _ = _check(tmp_path / "a.okr.yaml")
    assert not _findings(report, "CUS001")


# --- L5: messages ---------------------------------------------------------------------------------------------------

LADDER = """OKR ฝ่ายทดสอบ ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับบริการที่รวดเร็ว
ผลลัพธ์หลัก
1.1 ระดับความสำเร็จของการพัฒนาระบบ CRM
1.2 พัฒนาระบบ CRM ให้แล้วเสร็จ
"""


def test_a_success_ladder_is_no_done_or_not_done_key_result(tmp_path):
    (tmp_path / "a.md").write_text(LADDER, encoding="utf-8")
    report, _ = _check(tmp_path / "a.md")
    binary = _findings(report, "MEA006")
    assert [f["line"] for f in binary] == [6], binary  # the ladder is kr-is-activity's; 'แล้วเสร็จ' still binary
    assert 5 in [f["line"] for f in _findings(report, "MEA005")]


def test_an_invalid_level_is_told_in_thai_words_too(tmp_path):
    (tmp_path / "a.md").write_text(
        "OKR ฝ่ายทดสอบ ปีงบประมาณ 2570\nระดับ: 3.51\n\nวัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าได้รับบริการดี\n"
        "- ลดเวลารอจาก 7 วัน เหลือ 3 วัน\n", encoding="utf-8")
    report, _ = _check(tmp_path / "a.md")
    [invalid] = _findings(report, "STR007")
    assert "องค์กร" in invalid["message"] and "ฝ่าย" in invalid["message"] and "ทีม" in invalid["message"]
