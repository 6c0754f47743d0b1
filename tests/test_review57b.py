"""Review 57 (a Thai provincial hospital), part B: a reference to a เป้าประสงค์ — the word a Thai public body's own
plan labels its objectives with — is checked against the plan above when the run holds it, not skipped as a plan
outside the OKR sets; the usual abbreviations of a unit's kind ("ของ รพ.", "ของ อบต.") read as the words they stand
for; a bare number goes to the plan above that has it; a dangling numbered reference says how many objectives the plan
has, and a YAML reference in words says how to write it (in Thai too)."""

from __future__ import annotations

import pytest

from okrlint.engine import Engine
from okrlint.load.draft_alignment import expand_abbreviations, reference_as_read
from okrlint.report.messages import catalogue

HOSPITAL = """OKR ระดับองค์กร ปีงบประมาณ 2570
ระดับ: องค์กร

เป้าประสงค์ที่ 1: ผู้ป่วยปลอดภัยจากความคลาดเคลื่อนทางยา
ผลลัพธ์หลัก:
1. ลดอุบัติการณ์จาก 24 เหลือ 10 ครั้ง

เป้าประสงค์ที่ 2: บุคลากรมีความสุขและคงอยู่กับองค์กร
ผลลัพธ์หลัก:
1. ลดอัตราลาออกจาก 12% เหลือ 6%

เป้าประสงค์ที่ 3: ผู้ป่วยนอกได้รับบริการที่รวดเร็ว
ผลลัพธ์หลัก:
1. ลดเวลารอพบแพทย์จาก 120 นาที เหลือ 60 นาที

เป้าประสงค์ที่ 4: ผู้ป่วยวิกฤตรอดชีวิตมากขึ้น
ผลลัพธ์หลัก:
1. ลดอัตราตายจาก 32% เหลือ 24%

เป้าประสงค์ที่ 5: โรงพยาบาลมีสถานะการเงินมั่นคง
ผลลัพธ์หลัก:
1. ลดระดับวิกฤตทางการเงินจาก 4 เหลือ 1
"""

PHARMACY = """หน่วยงาน: กลุ่มงานเภสัชกรรม
ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: ผู้ป่วยได้รับยาที่ถูกต้อง
สอดคล้องกับ{reference}
ผลลัพธ์หลัก:
1. ลดความคลาดเคลื่อนจาก 30 เหลือ 12 ครั้ง
2. เพิ่มการทบทวนยาจาก 50% เป็น 90%
"""

ER = """team: er
level: department
period: FY2570
objectives:
  - title: ผู้ป่วยฉุกเฉินได้รับการดูแลทันเวลา
    aligns_to: [company/o4]
    key_results:
      - ลดเวลารอจาก 45 นาที เหลือ 30 นาที
      - เพิ่มผู้ป่วยที่ได้รับการคัดแยกถูกต้องจาก 80% เป็น 95%
"""


def _run(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Engine().run([str(tmp_path)])


def _found(result, code: str) -> list[tuple[str, str]]:
    return [(f.location.file.rsplit("/", 1)[-1], f.message) for f in result.findings if f.code == code]


def _uncovered(result) -> list[int]:
    return sorted(f.location.line for f in result.findings if f.code == "ALN004")


# H2. A เป้าประสงค์ the plan above lacks is dangling, not "a plan outside the OKR sets" --------------------------

@pytest.mark.parametrize("reference", ["เป้าประสงค์ที่ 8", "เป้าประสงค์ที่ 9 ของโรงพยาบาล", "เป้าประสงค์ข้อ ๘"])
def test_a_number_the_organisation_lacks_is_dangling(tmp_path, reference):
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL, "pharmacy.okr.md": PHARMACY.format(reference=reference)})
    dangling = _found(result, "ALN001")
    assert len(dangling) == 1 and dangling[0][0] == "pharmacy.okr.md"
    assert dangling[0][1].endswith("names nothing in the org; the plan of hospital has 5 objectives")


@pytest.mark.parametrize("reference", [
    "เป้าประสงค์ที่ 2 ของยุทธศาสตร์ชาติ", "ยุทธศาสตร์ที่ 2 เป้าประสงค์ที่ 8", "แผนแม่บทฯ เป้าประสงค์ที่ 9",
    "ยุทธศาสตร์ที่ 3 การพัฒนาระบบบริการ",
])
def test_a_plan_outside_the_okr_sets_is_still_not_checked(tmp_path, reference):
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL, "pharmacy.okr.md": PHARMACY.format(reference=reference)})
    assert _found(result, "ALN001") == []


def test_without_the_organisations_plan_a_bare_number_is_not_checked(tmp_path):
    """A unit's plan linted alone: nothing above it to count in."""
    result = _run(tmp_path, {"pharmacy.okr.md": PHARMACY.format(reference="เป้าประสงค์ที่ 8")})
    assert _found(result, "ALN001") == []


def test_a_yaml_reference_in_words_is_reported_with_the_id_to_write(tmp_path):
    nursing = ER.replace("team: er", "team: nursing").replace("[company/o4]", '["เป้าประสงค์ที่ 3"]')
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL, "nursing.okr.yaml": nursing})
    [(file, message)] = _found(result, "ALN001")
    assert file == "nursing.okr.yaml"
    assert message == ("`aligns_to` 'เป้าประสงค์ที่ 3' names nothing in the org; it reads as the objective "
                       f"'ผู้ป่วยนอกได้รับบริการที่รวดเร็ว' ({tmp_path}/hospital.okr.md:12): write 'company/o3'")
    fixed = nursing.replace('["เป้าประสงค์ที่ 3"]', "[company/o3]")  # the advice resolves
    assert _found(_run(tmp_path, {"nursing.okr.yaml": fixed}), "ALN001") == []
    thai = catalogue("th").translate(message)
    assert thai is not None and "น่าจะหมายถึงวัตถุประสงค์" in thai and "company/o3" in thai


def test_the_count_of_the_plan_is_said_in_thai():
    thai = catalogue("th").translate(
        "`aligns_to` 'เป้าประสงค์ที่ 8' names nothing in the org; the plan of hospital has 6 objectives")
    assert thai is not None and "มีวัตถุประสงค์เพียง 6 ข้อ" in thai


# H3. Abbreviations of a unit's kind, and a bare number beside another department's set --------------------------

@pytest.mark.parametrize("reference", [
    "เป้าประสงค์ที่ 1 ของ รพ.", "เป้าประสงค์ที่ 1 ของรพ.", "เป้าประสงค์ รพ. ข้อ 1", "เป้าประสงค์ที่ ๑ ของ รพ.ศรีนครธารา",
    "เป้าประสงค์ที่ 1 ของโรงพยาบาล",
])
def test_the_hospital_named_by_its_abbreviation(tmp_path, reference):
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL, "pharmacy.okr.md": PHARMACY.format(reference=reference)})
    assert _found(result, "ALN001") == []
    assert 4 not in _uncovered(result)  # objective 1 (line 4) is covered
    assert _uncovered(result) == [8, 12, 16, 20]


@pytest.mark.parametrize("written, read", [
    ("เป้าประสงค์ที่ 1 ของ รพ.", "เป้าประสงค์ที่ 1 ของ โรงพยาบาล"),
    ("วัตถุประสงค์ที่ 2 ของ อบต.", "วัตถุประสงค์ที่ 2 ของ องค์การบริหารส่วนตำบล"),
    ("วัตถุประสงค์ที่ 2 ของรพ.สต.", "วัตถุประสงค์ที่ 2 ของโรงพยาบาลส่งเสริมสุขภาพตำบล"),
    ("ข้อ 2 ของ ม.", "ข้อ 2 ของ มหาวิทยาลัย"),
    ("วัตถุประสงค์ที่ 1 ของ กทม.", "วัตถุประสงค์ที่ 1 ของ กรุงเทพมหานคร"),
    ("ภายใน ม.ค. 2570", "ภายใน ม.ค. 2570"),  # a month, not a university
    ("ทีมรพ.", "ทีมรพ."),  # inside a word
])
def test_abbreviations_written_out(written, read):
    assert expand_abbreviations(written) == read


@pytest.mark.parametrize("written, kept", [
    ("เป้าประสงค์ที่ 1 ของ รพ.", "เป้าประสงค์ที่ 1 ขององค์กร"),  # read as the organisation, as 'ของโรงพยาบาล' is
    ("วัตถุประสงค์ที่ 3 ของ อบต.", "วัตถุประสงค์ที่ 3 ขององค์กร"),
    ("วัตถุประสงค์ที่ 1 ของ สนง.", "วัตถุประสงค์ที่ 1 ของ สนง."),  # a unit: kept as written
])
def test_references_with_abbreviations_as_read(written, kept):
    assert reference_as_read(written) == kept  # as the org index reads it (the loaders keep it as written)


def test_a_bare_number_goes_to_the_plan_above_that_has_it(tmp_path):
    """repro/4-bare and the finance workbook: a department's set of one objective beside the hospital's of five."""
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL, "er.okr.yaml": ER,
                             "pharmacy.okr.md": PHARMACY.format(reference="เป้าประสงค์ที่ 5")})
    assert _found(result, "ALN001") == []
    assert _uncovered(result) == [4, 8, 12]  # 4 by the ER, 5 by the pharmacy


def test_a_bare_number_no_plan_above_has_is_dangling_and_counted_in_the_top_plan(tmp_path):
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL, "er.okr.yaml": ER,
                             "pharmacy.okr.md": PHARMACY.format(reference="เป้าประสงค์ที่ 7")})
    [(file, message)] = _found(result, "ALN001")
    assert file == "pharmacy.okr.md" and message.endswith("the plan of hospital has 5 objectives")


# Low. duplicate-objective says one pair alike at both ends, with advice, in Thai too ----------------------------

def test_a_duplicate_pair_is_worded_alike_at_both_ends(tmp_path):
    opd = PHARMACY.replace("กลุ่มงานเภสัชกรรม", "กลุ่มงานผู้ป่วยนอก").replace(
        "ผู้ป่วยได้รับยาที่ถูกต้อง", "ผู้ป่วยนอกได้รับบริการที่รวดเร็วและไม่ต้องรอนาน")
    nursing = opd.replace("กลุ่มงานผู้ป่วยนอก", "กลุ่มการพยาบาล")
    result = _run(tmp_path, {"opd.okr.md": opd.format(reference=""), "nursing.okr.md": nursing.format(reference="")})
    found = _found(result, "ALN005")
    assert sorted(file for file, _ in found) == ["nursing.okr.md", "opd.okr.md"]
    for file, message in found:
        other = "กลุ่มงานผู้ป่วยนอก" if file == "nursing.okr.md" else "กลุ่มการพยาบาล"
        assert message.startswith(f"team {other} has the same objective 'ผู้ป่วยนอกได้รับบริการที่รวดเร็วและไม่ต้องรอนาน'")
        assert message.endswith(": agree on one owner and let the other team align to it")
        thai = catalogue("th").translate(message)
        assert thai is not None and thai.startswith(f"หน่วยงาน {other} มีวัตถุประสงค์เดียวกันนี้") and "ให้ตกลงกัน" in thai


# M4 (in part). The kind of plan in a file's name is no part of whose plan it is ------------------------------

@pytest.mark.parametrize("name, team", [
    ("แผนยุทธศาสตร์ รพ.ศรีนครธารา ปีงบประมาณ 2570.okr.docx", "รพ.ศรีนครธารา"),
    ("แผนปฏิบัติราชการ กรมส่งเสริมการเกษตร 2570.docx", "กรมส่งเสริมการเกษตร"),
    ("แผนกขาย.okr.md", "แผนกขาย"),  # a unit, not a plan
])
def test_plan_words_in_a_file_name(name, team):
    from okrlint.load.draft import default_team

    assert default_team(name) == team
