"""Review 59 (a Thai public university, ปีงบประมาณ 2570, linted as one folder), organisation level: a plan named after
the organisation ("OKR มหาวิทยาลัยศรีวารินทร์ …", "Northfield University OKRs") is the organisation's plan once the other
sets name its objectives ("ของมหาวิทยาลัย", "university objective 6"), so dangling references, orphan objectives and
period mismatches are checked; a reference is quoted as written. And the re-score of review 57: without the
organisation's plan in the run, a number alone ("เป้าประสงค์ที่ 5") is not checked against whatever department's set
is there, however the files are named on the command line."""

from __future__ import annotations

import os

import pytest

from okrlint.engine import Engine
from okrlint.load.draft import load_draft_file
from okrlint.rules.alignment import unchecked_company_references

UNIVERSITY = """# {title}

วัตถุประสงค์ที่ 1: บัณฑิตมีงานทำและเป็นที่ต้องการของผู้ใช้บัณฑิต
1. เพิ่มร้อยละบัณฑิตที่ได้งานทำภายใน 1 ปี จากร้อยละ 71 เป็นร้อยละ 80
2. เพิ่มความพึงพอใจของผู้ใช้บัณฑิตจาก 4.02 เป็น 4.30

วัตถุประสงค์ที่ 2: งานวิจัยของมหาวิทยาลัยถูกนำไปใช้แก้ปัญหาของชุมชน
1. เพิ่มผลงานวิจัยที่ถูกนำไปใช้ประโยชน์จาก 38 เป็น 60 เรื่อง
2. เพิ่มรายได้จากงานวิจัยจาก 85 เป็น 120 ล้านบาท
"""

FACULTY = """# OKR {team} ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: บัณฑิตพร้อมทำงานกับภาคอุตสาหกรรมตั้งแต่วันแรก
สอดคล้องกับ: {first}
1. เพิ่มร้อยละบัณฑิตที่ได้งานทำตรงสาขาจาก 64 เป็น 75
2. เพิ่มคะแนนความพึงพอใจของสถานประกอบการจาก 3.85 เป็น 4.20

วัตถุประสงค์ที่ 2: งานวิจัยของคณะตอบโจทย์ผู้ประกอบการในพื้นที่
สอดคล้องกับ: {second}
1. เพิ่มเงินทุนวิจัยจากภาคเอกชนจาก 12.5 เป็น 20 ล้านบาท
2. เพิ่มผู้ประกอบการที่ใช้ผลงานวิจัยจาก 8 เป็น 15 ราย
"""

NURSING = """# OKR คณะพยาบาลศาสตร์ ปีการศึกษา 2569

วัตถุประสงค์ที่ 1: นักศึกษาพยาบาลสอบผ่านใบอนุญาตประกอบวิชาชีพตั้งแต่ครั้งแรก
สอดคล้องกับ: วัตถุประสงค์ที่ 1 ของมหาวิทยาลัย
1. เพิ่มร้อยละผู้สอบผ่านครั้งแรกจาก 68 เป็น 85
2. ลดร้อยละนักศึกษาที่ต้องสอบซ่อมจาก 14 เหลือ 9
"""

SCIENCE = """# OKR คณะวิทยาศาสตร์ มหาวิทยาลัยศรีวารินทร์ ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: ผู้ประกอบการในจังหวัดใช้ผลงานวิจัยของคณะ
สอดคล้องกับ: วัตถุประสงค์ข้อ 2 ของมหาวิทยาลัย
1. เพิ่มผู้ประกอบการที่ใช้ผลงานวิจัยจาก 5 เป็น 12 ราย
2. เพิ่มรายได้จากบริการวิเคราะห์จาก 12 เป็น 20 ล้านบาท

วัตถุประสงค์ที่ 2: ปรับปรุงโครงสร้างพื้นฐานของคณะให้ทันสมัย
1. ลดค่าไฟฟ้าของอาคารจาก 4.2 เป็น 3.6 ล้านบาท
2. เพิ่มห้องเรียน Active Learning จาก 40 เป็น 60 ห้อง
"""

FINANCE = """# OKR กองคลัง ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: คณะและหน่วยงานได้รับเงินเบิกจ่ายเร็วและถูกต้อง
สอดคล้องกับ: วัตถุประสงค์ที่ 2
1. ลดเวลาเบิกจ่ายจาก 12 วันทำการ เหลือ 5 วันทำการ
2. ลดร้อยละเอกสารที่ถูกส่งกลับจาก 27 เหลือ 10
"""


def _write(folder, files: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(folder, files: dict[str, str] | None = None, paths=None):
    if files is not None:
        _write(folder, files)
    return Engine().run(paths if paths is not None else [str(folder)])


def _found(result, code: str) -> list[tuple[str, str]]:
    return [(f.location.file.rsplit("/", 1)[-1], f.message) for f in result.findings if f.code == code]


def _university(title: str = "OKR มหาวิทยาลัยศรีวารินทร์ ปีงบประมาณ 2570") -> str:
    return UNIVERSITY.format(title=title)


def _faculty(team: str = "คณะวิศวกรรมศาสตร์", first: str = "วัตถุประสงค์ที่ 1 ของมหาวิทยาลัย",
             second: str = "วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย") -> str:
    return FACULTY.format(team=team, first=first, second=second)


def _level(title: str, name: str = "plan.md") -> tuple[str, str]:
    okr_set = load_draft_file(name, _university(title).encode("utf-8"), {}).sets[0]
    return okr_set.team, okr_set.level


# H1. A plan named after the organisation is its plan ---------------------------------------------------------------

@pytest.mark.parametrize("title, team", [
    ("OKR มหาวิทยาลัยศรีวารินทร์ ปีงบประมาณ 2570", "มหาวิทยาลัยศรีวารินทร์"),
    ("แผน OKR โรงพยาบาลศรีนครธารา ปีงบประมาณ 2570", "โรงพยาบาลศรีนครธารา"),
    ("OKR รพ.ศรีนครธารา ปีงบประมาณ 2570", "รพ.ศรีนครธารา"),
    ("OKR กรมส่งเสริมการเกษตร ปีงบประมาณ 2570", "กรมส่งเสริมการเกษตร"),
    ("Northfield University OKRs 2027", "Northfield University"),
    ("Riverside General Hospital OKRs 2027", "Riverside General Hospital"),
    ("Harbour Foods Ltd OKRs 2027", "Harbour Foods Ltd"),
])
def test_a_plan_named_after_the_organisation_is_read_at_its_level(title, team):
    assert _level(title) == (team, "company")


@pytest.mark.parametrize("title, level", [
    ("OKR คณะวิทยาศาสตร์ มหาวิทยาลัยศรีวารินทร์ ปีงบประมาณ 2570", "team"),  # a unit named with its university
    ("OKR มหาวิทยาลัยศรีวารินทร์ วิทยาเขตสกลนคร ปี 2570", "team"),            # a campus of it
    ("OKR กองคลัง ปีงบประมาณ 2570", "department"),
    ("OKR โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา ปี 2570", "team"),               # a รพ.สต. of a district's network
    ("Faculty of Engineering OKRs 2027", "team"),
    ("School of Nursing OKRs 2027", "team"),
    ("Sales OKRs 2027", "team"),
])
def test_a_unit_of_the_organisation_is_not_its_plan(title, level):
    assert _level(title)[1] == level


def test_the_faculties_references_are_checked_against_the_university_named_so(tmp_path):
    """repro/r7: 'วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย' is dangling, quoted as written, and nothing is said on stderr."""
    result = _run(tmp_path, {"OKR มหาวิทยาลัยศรีวารินทร์ 2570.md": _university(),
                             "OKR คณะวิศวกรรมศาสตร์ 2570.md": _faculty()})
    [(file, message)] = _found(result, "ALN001")
    assert file == "OKR คณะวิศวกรรมศาสตร์ 2570.md"
    assert message == ("the “Aligns to” line 'วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย' names nothing in the org; the plan of "
                       "มหาวิทยาลัยศรีวารินทร์ has 2 objectives")
    assert unchecked_company_references(result.org) is None
    assert not [w for w in result.warnings if "organisation's plan is not in this run" in w]


def test_the_same_in_english(tmp_path):
    """repro/r7en: 'Northfield University OKRs 2027' and 'Supports: university objective 6'."""
    university = ("# Northfield University OKRs 2027\n\nObjective 1: Graduates get good jobs\n"
                  "1. Raise graduate employment from 71% to 80%\n2. Raise employer satisfaction from 4.0 to 4.3\n")
    faculty = ("# Faculty of Engineering OKRs 2027\n\nObjective 1: Engineering graduates are ready on day one\n"
               "Supports: university objective {n}\n1. Raise graduate employment in field from 64% to 75%\n"
               "2. Raise employer satisfaction from 3.85 to 4.2\n")
    result = _run(tmp_path, {"Northfield University OKRs 2027.md": university,
                             "Faculty of Engineering OKRs 2027.md": faculty.format(n=6)})
    [(_, message)] = _found(result, "ALN001")
    assert message.startswith("the “Aligns to” line 'university objective 6' names nothing in the org")
    result = _run(tmp_path, {"Faculty of Engineering OKRs 2027.md": faculty.format(n=1)})
    assert _found(result, "ALN001") == [] and _found(result, "ALN004") == []


def test_the_universitys_faculties_and_offices_are_checked_as_one_organisation(tmp_path):
    """The review's folder in Markdown: a dangling reference, an orphan objective, an academic year under a fiscal
    year; an office (กองคลัง, read at the department level) does not get in the way of a bare number."""
    result = _run(tmp_path, {
        "แผน OKR มหาวิทยาลัยศรีวารินทร์ ปีงบประมาณ 2570 (เสนอ กบม.).md": _university(
            "OKR มหาวิทยาลัยศรีวารินทร์ ประจำปีงบประมาณ พ.ศ. 2570"),
        "คณะวิศวกรรมศาสตร์_OKR_2570.md": _faculty(),
        "คณะพยาบาลศาสตร์ OKR ปีการศึกษา 2569.md": NURSING,
        "OKR_คณะวิทยาศาสตร์_2570.md": SCIENCE,
        "กองคลัง OKR ปีงบประมาณ 2570.md": FINANCE,
    })
    assert [file for file, _ in _found(result, "ALN001")] == ["คณะวิศวกรรมศาสตร์_OKR_2570.md"]
    orphans = [(f.location.file.rsplit("/", 1)[-1], f.location.line) for f in result.findings if f.code == "ALN002"]
    assert orphans == [("OKR_คณะวิทยาศาสตร์_2570.md", 8)]
    [(file, message)] = _found(result, "ALN006")
    assert file == "คณะพยาบาลศาสตร์ OKR ปีการศึกษา 2569.md" and "'ปีการศึกษา 2569'" in message
    # every university objective is taken up (the office's bare 'วัตถุประสงค์ที่ 2' is the university's)
    assert _found(result, "ALN004") == []
    assert not [w for w in result.warnings if "organisation's plan is not in this run" in w]


def test_a_reference_naming_the_kind_goes_to_the_organisation_so_named(tmp_path):
    """A university and its university hospital, both named as organisations: 'ของมหาวิทยาลัย' is the university's
    plan, 'ของโรงพยาบาล' the hospital's."""
    hospital = _university("OKR โรงพยาบาลมหาวิทยาลัยศรีวารินทร์ ปีงบประมาณ 2570").replace(
        "วัตถุประสงค์ที่ 2: งานวิจัยของมหาวิทยาลัยถูกนำไปใช้แก้ปัญหาของชุมชน",
        "วัตถุประสงค์ที่ 2: ผู้ป่วยได้รับการรักษาโดยไม่ต้องรอนาน\nสอดคล้องกับ: วัตถุประสงค์ที่ 2 ของมหาวิทยาลัย")
    result = _run(tmp_path, {
        "OKR มหาวิทยาลัยศรีวารินทร์ 2570.md": _university(),
        "OKR โรงพยาบาลมหาวิทยาลัยศรีวารินทร์ 2570.md": hospital,
        "OKR คณะวิศวกรรมศาสตร์ 2570.md": _faculty(second="วัตถุประสงค์ที่ 2 ของมหาวิทยาลัย"),
        "OKR คณะแพทยศาสตร์ 2570.md": _faculty("คณะแพทยศาสตร์", first="วัตถุประสงค์ที่ 1 ของโรงพยาบาล",
                                              second="วัตถุประสงค์ที่ 3 ของโรงพยาบาล"),
    })
    assert _found(result, "ALN003") == []  # ambiguous-reference
    [(file, message)] = _found(result, "ALN001")
    assert file == "OKR คณะแพทยศาสตร์ 2570.md" and "'วัตถุประสงค์ที่ 3 ของโรงพยาบาล'" in message
    assert "โรงพยาบาลมหาวิทยาลัยศรีวารินทร์ has 2 objectives" in message


# Low. A reference is quoted as written ------------------------------------------------------------------------------

@pytest.mark.parametrize("reference", [
    "วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย", "วัตถุประสงค์ที่ 6 ของ ม.", "เป้าประสงค์ที่ 9 ของมหาวิทยาลัยศรีวารินทร์",
    "วัตถุประสงค์ระดับมหาวิทยาลัยข้อ 7",
])
def test_a_dangling_reference_is_quoted_as_written(tmp_path, reference):
    result = _run(tmp_path, {"OKR มหาวิทยาลัยศรีวารินทร์ 2570.md": _university(),
                             "OKR คณะวิศวกรรมศาสตร์ 2570.md": _faculty(second=reference)})
    [(file, message)] = _found(result, "ALN001")
    assert f"'{reference}'" in message
    assert reference in (tmp_path / file).read_text(encoding="utf-8")  # a search in the file finds it


# Re-score of review 57: a number alone without the organisation's plan ----------------------------------------------

ER = """team: er
level: department
period: FY2570
objectives:
  - title: ผู้ป่วยวิกฤตรอดชีวิต
    aligns_to: [company/o1]
    key_results:
      - ลดอัตราตายจาก 32% เหลือ 24%
      - ลดเวลารอจาก 45 นาที เหลือ 30 นาที
"""

UNIT = """หน่วยงาน: กลุ่มงานการเงินและบัญชี
ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: ผู้ป่วยได้รับบริการการเงินที่รวดเร็ว
สอดคล้องกับ{reference}
ผลลัพธ์หลัก:
1. ลดระยะเวลาเรียกเก็บหนี้จาก 75 วัน เหลือ 45 วัน
2. เพิ่มการเรียกเก็บได้ตามสิทธิจาก 85% เป็น 95%
"""


@pytest.mark.parametrize("reference", ["เป้าประสงค์ที่ 5", "วัตถุประสงค์ที่ 5", "วัตถุประสงค์ข้อ ๕"])
def test_without_the_organisations_plan_a_number_alone_is_not_checked(tmp_path, reference):
    """rescore/repro/no-plan-bare-number: a department's set of one objective is not what 'เป้าประสงค์ที่ 5' counts in
    when the organisation's plan is elsewhere; the reference is counted among those not checked."""
    result = _run(tmp_path, {"er.okr.yaml": ER, "finance.okr.md": UNIT.format(reference=reference)})
    assert _found(result, "ALN001") == []
    note = unchecked_company_references(result.org)
    assert note is not None and "2 references to its objectives were not checked" in note


def test_alone_in_its_folder_too(tmp_path):
    result = _run(tmp_path, {"finance.okr.md": UNIT.format(reference="วัตถุประสงค์ที่ 5")})
    assert _found(result, "ALN001") == []
    assert "1 reference to its objectives was not checked ('วัตถุประสงค์ที่ 5')" in unchecked_company_references(
        result.org)


def test_however_the_files_are_named(tmp_path, monkeypatch):
    folder = _write(tmp_path / "no-plan", {"er.okr.yaml": ER, "finance.okr.md": UNIT.format(reference="เป้าประสงค์ที่ 5")})
    _write(tmp_path / "other", {"sales.okr.yaml": ER.replace("team: er", "team: sales")})

    def codes(paths):
        return sorted((f.location.file.rsplit("/", 1)[-1], f.code) for f in Engine().run(paths).findings)

    monkeypatch.chdir(tmp_path)
    runs = [codes(["no-plan"]), codes(["no-plan/er.okr.yaml", "no-plan/finance.okr.md"]),
            codes([str(folder / "er.okr.yaml"), str(folder / "finance.okr.md")])]
    monkeypatch.chdir(folder)
    runs += [codes(["er.okr.yaml", "finance.okr.md"]), codes(["."])]
    assert all(run == runs[0] for run in runs), runs
    assert ("finance.okr.md", "ALN001") not in runs[0]


def test_with_the_organisations_plan_a_number_it_lacks_is_still_dangling(tmp_path):
    result = _run(tmp_path, {"university.okr.md": _university(), "er.okr.yaml": ER,
                             "finance.okr.md": UNIT.format(reference="วัตถุประสงค์ที่ 5")})
    [(file, message)] = _found(result, "ALN001")
    assert file == "finance.okr.md" and message.endswith("the plan of มหาวิทยาลัยศรีวารินทร์ has 2 objectives")


def test_an_okr_files_bare_id_is_still_an_id(tmp_path):
    """'o5' in an OKR file is an id (SPEC): in a folder run it names nothing, organisation's plan or not."""
    team = ER.replace("team: er", "team: ops").replace("level: department\n", "").replace("[company/o1]", "[o5]")
    result = _run(tmp_path, {"er.okr.yaml": ER, "ops.okr.yaml": team})
    assert [file for file, _ in _found(result, "ALN001")] == ["ops.okr.yaml"]
