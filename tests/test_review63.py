"""Review 63 (how precisely the rules judge Thai OKRs: a hospital, a farmers' cooperative, a software house): a
better-lower measure named before its verb ("อัตราการลาออกเพิ่มขึ้นจาก 8% เป็น 12%") is read the wrong way round; a year
in a baseline note ("(ค่าฐาน 2569 = 3.8)", "(ปีงบ 69 = 72%)", "(ปี 2569 72%)") says when the baseline was measured, the
figure after it is the baseline."""

from __future__ import annotations

import pytest

from okrlint.report.messages import catalogue
from okrlint.testing import lint_yaml
from okrlint.text.numbers import read_change

OBJECTIVE = "ผู้ป่วยได้รับบริการที่ดี"
OTHER_KR = "ลดเวลารอคอยจาก 40 นาทีเหลือ 15 นาที"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _codes_kr(text: str, objective: str = OBJECTIVE) -> set[str]:
    doc = (f"team: t\nobjectives:\n  - title: {_quote(objective)}\n    key_results:\n      - {_quote(text)}\n"
           f"      - {_quote(OTHER_KR)}\n")
    return {f.code for f in lint_yaml(doc) if f.location.line == 5}


def _codes_objective(title: str) -> set[str]:
    doc = (f"team: t\nobjectives:\n  - title: {_quote(title)}\n    key_results:\n      - {_quote(OTHER_KR)}\n"
           f"      - \"เพิ่มคะแนนความพึงพอใจจาก 3.9 เป็น 4.5\"\n")
    return {f.code for f in lint_yaml(doc) if f.location.line == 3}


# --- 1: the measure first, then its verb ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "จำนวนข้อร้องเรียนของผู้ป่วยเพิ่มขึ้นจาก 30 เป็น 45 เรื่องต่อเดือน",
    "อัตราการลาออกเพิ่มขึ้นจาก 8% เป็น 12%",
    "ร้อยละของผู้ป่วยที่ร้องเรียน เพิ่มขึ้นจาก 5 เป็น 8",
    "ความพึงพอใจของผู้ป่วยลดลงจาก 4.5 เป็น 4.0",
    "Patient complaints increase from 30 to 45",
    "Staff turnover increases from 8% to 12%",
    "Number of complaints grows from 30 to 45",
    "อัตราการลาออกลดลงจาก 8% เป็น 12%",  # the verb and the numbers disagree
])
def test_a_measure_named_before_its_verb_keeps_its_direction(text):
    assert "MEA004" in _codes_kr(text)


@pytest.mark.parametrize("text", [
    "จำนวนเรื่องร้องเรียนที่ได้รับการแก้ไขเพิ่มขึ้นจาก 30 เป็น 45 เรื่อง",
    "จำนวนวันที่ไม่มีอุบัติเหตุเพิ่มขึ้นจาก 30 เป็น 45 วัน",
    "อัตราการลาออกลดลงจาก 12% เป็น 8%",
    "ยอดขายเพิ่มขึ้นจาก 30 เป็น 45 ล้านบาท",
    "Days without incidents increase from 30 to 45",
    "ความพึงพอใจของผู้ป่วยเพิ่มขึ้นจาก 4.0 เป็น 4.5",
])
def test_a_measure_named_before_its_verb_the_right_way_is_quiet(text):
    assert "MEA004" not in _codes_kr(text)


def test_the_message_names_the_measure_not_its_verb():
    doc = (f"team: t\nobjectives:\n  - title: {_quote(OBJECTIVE)}\n    key_results:\n"
           "      - \"ร้อยละของผู้ป่วยที่ร้องเรียน เพิ่มขึ้นจาก 5 เป็น 8\"\n")
    message = next(f.message for f in lint_yaml(doc, language="en") if f.code == "MEA004")
    assert "'ร้อยละของผู้ป่วยที่ร้องเรียน'" in message


# --- 2: a year in a baseline note -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, baseline, target", [
    ("ความพึงพอใจ 4.2 คะแนน (ค่าฐาน 2569 = 3.8)", 3.8, 4.2),
    ("ความพึงพอใจ 4.2 คะแนน (ค่าฐานปี 2569 = 3.8)", 3.8, 4.2),
    ("ความพึงพอใจ 4.2 คะแนน (ปี 2569 = 3.8)", 3.8, 4.2),
    ("ความพึงพอใจ 4.2 คะแนน (ค่าฐานปี 2569: 3.8)", 3.8, 4.2),
    ("อัตราการเข้าพักเตียงห้องพิเศษ 85% (ปีงบ 69 = 72%)", 72, 85),
    ("อัตราการเข้าพักเตียง 85% (ปี 2569 72%)", 72, 85),
    ("Satisfaction 4.2 (baseline 2025 = 3.8)", 3.8, 4.2),
    ("Satisfaction 4.2 (2025 = 3.8)", 3.8, 4.2),
])
def test_a_year_in_a_baseline_note_says_when(text, baseline, target):
    change = read_change(text)
    assert (change.baseline, change.target) == (baseline, target)


@pytest.mark.parametrize("text", [
    "ความพึงพอใจของสมาชิก 4.2 คะแนน (ค่าฐาน 2569 = 3.8)",
    "อัตราการเข้าพักเตียงห้องพิเศษ 85% (ปีงบ 69 = 72%)",
    "อัตราการเข้าพักเตียง 85% (ปี 2569 72%)",
    "Member satisfaction 4.2 (baseline 2025 = 3.8)",
])
def test_a_year_in_a_baseline_note_gives_no_finding(text):
    assert not _codes_kr(text) & {"MEA002", "MEA004"}


# --- 3: an effort verb on efficiency or on work in general ------------------------------------------------------------
@pytest.mark.parametrize("title", [
    "เพิ่มประสิทธิภาพการให้บริการ",
    "เพิ่มประสิทธิภาพการทำงานของทุกฝ่าย",
    "ยกระดับการให้บริการ",
    "ยกระดับโครงสร้างพื้นฐานไอทีให้ทันสมัย",
    "ขยายฐานลูกค้าในไตรมาส 2",
    "ขยายฐานลูกค้า",
    "Increase efficiency across all departments",
    "Expand our customer base",
])
def test_a_generic_effort_is_vague(title):
    assert "CLA003" in _codes_objective(title)


@pytest.mark.parametrize("title", [
    "เพิ่มประสิทธิภาพการผลิต",  # names the work
    "ขยายฐานลูกค้าองค์กรในภาคตะวันออก",  # which customers, where
    "ยกระดับความมั่นคงปลอดภัยไซเบอร์ขององค์กร",
    "Increase efficiency in the warehouse",
    "Grow our customer base in Japan",
    "ผู้ป่วยได้ใช้บริการที่ทันสมัย",
])
def test_an_effort_that_names_what_or_where_is_not(title):
    assert "CLA003" not in _codes_objective(title)


def test_the_vague_qualifier_is_quoted():
    doc = (f"team: t\nobjectives:\n  - title: \"พัฒนาองค์กรให้ดีขึ้น\"\n    key_results:\n      - {_quote(OTHER_KR)}\n"
           "      - \"เพิ่มคะแนนความพึงพอใจจาก 3.9 เป็น 4.5\"\n")
    message = next(f.message for f in lint_yaml(doc, language="en") if f.code == "CLA003")
    assert "'ให้ดีขึ้น'" in message


# --- 4: a year or a plan's span at the start of an objective ----------------------------------------------------------
@pytest.mark.parametrize("title", [
    "ปีงบประมาณ 2570 ผู้ป่วยได้รับการดูแลตามแผนยุทธศาสตร์ 5 ปี",
    "ในปี 2570 สมาชิกทุกครัวเรือนเข้าถึงแหล่งน้ำเพื่อการเกษตร",
    "ผู้ป่วยได้รับการดูแลตามแผนพัฒนาสุขภาพ 20 ปี",
    "ปี ๒๕๗๐ ผู้สูงอายุได้รับการดูแลถึงบ้าน",
])
def test_a_year_or_a_plans_span_is_not_a_metric(title):
    assert "CLA001" not in _codes_objective(title)


@pytest.mark.parametrize("title", ["ปี 2569 มีผู้ป่วยเข้ารับบริการ 2570 ราย", "ผู้สูงอายุมีอายุยืนขึ้น 5 ปี"])
def test_a_count_in_an_objective_still_is(title):
    assert "CLA001" in _codes_objective(title)


# --- 5: a Thai cap is a level kept ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "ควบคุมค่าใช้จ่ายบุคลากรไม่ให้เกิน 45% ของรายได้",
    "คุมต้นทุนขายให้อยู่ในระดับไม่เกินร้อยละ 60",
    "ควบคุมอัตราการติดเชื้อให้ต่ำกว่า 1 ต่อ 1,000 วันนอน",
])
def test_a_thai_cap_needs_no_baseline(text):
    assert "MEA002" not in _codes_kr(text)


def test_a_cut_to_a_cap_still_needs_one():
    assert "MEA002" in _codes_kr("ลดค่าใช้จ่ายบุคลากรให้ไม่เกิน 45%")


# --- 6: ratios --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "อัตราส่วนพยาบาลต่อผู้ป่วย ICU จาก 1:3 เป็น 1:2",
    "Nurse to patient ratio in ICU from 1:3 to 1:2",
    "ลดอัตราส่วนพยาบาลต่อผู้ป่วยจาก 1:8 เป็น 1:6",
])
def test_a_ratio_that_changes_is_not_the_same_value(text):
    assert not _codes_kr(text) & {"MEA004", "MEA007"}


def test_a_ratio_that_stays_is():
    assert "MEA007" in _codes_kr("อัตราส่วนพยาบาลต่อผู้ป่วยจาก 1:4 เป็น 1:4")


# --- 7: a level of a standard is its name -----------------------------------------------------------------------------
def test_an_accreditation_level_is_done_or_not_done():
    codes = _codes_kr("ได้รับการรับรองมาตรฐาน HA ขั้น 3")
    assert "MEA006" in codes and "MEA002" not in codes


def test_steps_counted_are_still_numbers():
    change = read_change("ลดขั้นตอนการอนุมัติจาก 7 ขั้น เหลือ 3 ขั้น")
    assert (change.baseline, change.target) == (7, 3)


# --- 8: the lows ------------------------------------------------------------------------------------------------------
def test_carrying_out_a_policy_is_a_task():
    assert "CLA008" in _codes_objective("ดำเนินการตามนโยบายของโรงพยาบาล")


def test_copies_of_a_document_are_an_output():
    assert "MEA005" in _codes_kr("มีคู่มือการดูแลผู้ป่วยหลังจำหน่าย 1 ฉบับ")


@pytest.mark.parametrize("text", ["จำนวนสมาชิกที่ใช้แอปสหกรณ์ 1,500 ราย (ปัจจุบันยังไม่มี)",
                                  "ผู้ใช้แอป 1,500 ราย (ค่าฐาน: ยังไม่มี)", "App members 1,500 (currently none)"])
def test_a_baseline_of_none_in_words_is_zero(text):
    change = read_change(text)
    assert (change.baseline, change.target) == (0, 1500)
    assert "MEA002" not in _codes_kr(text)


def test_a_share_of_projects_done_is_not_done_or_not_done():
    codes = _codes_kr("ร้อยละของโครงการที่ดำเนินการแล้วเสร็จตามแผน ร้อยละ 100")
    assert "MEA005" in codes and "MEA006" not in codes


def test_thai_yaml_messages_name_the_key():
    doc = ("team: t\nlanguage: th\nobjectives:\n  - title: \"ผู้ป่วยได้รับบริการที่ดี\"\n    key_results:\n"
           "      - \"ผู้ป่วยสมัครสมาชิกแพ็กเกจดูแลต่อเนื่อง 500 ราย\"\n      - \"พัฒนาคุณภาพบริการ\"\n")
    messages = {f.code: catalogue("th").translate(f.message) for f in lint_yaml(doc)}
    assert "ค่าฐาน" in messages["MEA002"] and "`baseline:`" in messages["MEA002"]
    assert "ค่าเป้าหมาย" in messages["MEA001"] and "`target:`" in messages["MEA001"]
