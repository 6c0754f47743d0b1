"""Review 58 (the PowerPoint and OpenDocument readers), items 2 and 5: numbered section headings that only name a part
of the document ("## 2. Objectives and key results", "๓. ตารางยุทธศาสตร์ เป้าประสงค์ และตัวชี้วัด") are no teams, and an
explicit Team line is not overridden by a heading that names no unit; a Thai title or file name with a quarter
("ไตรมาส 1/2570", "ไตรมาส 1-2570") names the company without the quarter."""

from __future__ import annotations

import pytest

from okrlint.load.draft import default_team, load_draft_file
from okrlint.load.draft_sections import only_document_words


def _sets(text: str, name: str = "plan.md"):
    return load_draft_file(name, text.encode("utf-8"), {}).sets


SECTIONS = """# Harbourside Council — Housing Service Plan
Team: Housing Services
Owner: Head of Housing
Period: 2027

## 2. Objectives and key results
Objective 1: Tenants get repairs fixed first time
- Raise first-time fix rate from 71% to 85%
- Cut average repair time from 19 days to 8 days

## 3. Objectives table
Objective 2: Tenants feel safe at home
- Raise homes with a valid gas safety check from 96% to 100%
- Cut damp and mould cases open over 28 days from 140 to 30
"""

THAI_SECTIONS = """# แผน OKR กองสวัสดิการสังคม เทศบาลนครบางปลาทอง ประจำปีงบประมาณ ๒๕๗๐
หน่วยงาน: กองสวัสดิการสังคม

ผู้รับผิดชอบ: ผู้อำนวยการกองสวัสดิการสังคม

## ๑. บทนำ
ปัจจุบันมีผู้สูงอายุในเขตเทศบาล ๒๑,๔๐๐ คน

## ๒. วัตถุประสงค์และผลลัพธ์หลัก
วัตถุประสงค์ที่ 1: ผู้สูงอายุที่อยู่ลำพังได้รับการดูแลถึงบ้านอย่างทั่วถึง

ผลลัพธ์หลัก:
1. เพิ่มสัดส่วนผู้สูงอายุที่ได้รับการเยี่ยมบ้าน จากร้อยละ ๔๐ เป็นร้อยละ ๘๕
2. ลดระยะเวลาตอบสนองเหตุฉุกเฉิน จาก ๔๕ นาที เหลือ ๒๐ นาที

## ๓. ตารางยุทธศาสตร์ เป้าประสงค์ และตัวชี้วัด
วัตถุประสงค์ที่ 2: ครอบครัวผู้สูงอายุเข้าถึงสิทธิสวัสดิการได้ง่าย

ผลลัพธ์หลัก:
1. ลดเอกสารที่ต้องใช้ในการยื่นคำขอจาก ๖ รายการ เหลือ ๒ รายการ
"""


def test_numbered_sections_are_one_plan_with_its_team_and_owner():
    [plan] = _sets(SECTIONS)
    assert plan.team == "Housing Services" and plan.owner == "Head of Housing"
    assert [o.title for o in plan.objectives] == ["Tenants get repairs fixed first time", "Tenants feel safe at home"]


def test_thai_numbered_sections_are_one_plan_with_its_unit_and_owner():
    [plan] = _sets(THAI_SECTIONS)
    assert plan.team == "กองสวัสดิการสังคม" and plan.owner == "ผู้อำนวยการกองสวัสดิการสังคม"
    assert len(plan.objectives) == 2


def test_without_a_team_line_sections_of_document_words_are_still_no_teams():
    text = SECTIONS.replace("Team: Housing Services\n", "")
    [plan] = _sets(text, "housing.okr.md")
    assert plan.team == "housing" and len(plan.objectives) == 2


@pytest.mark.parametrize("heading", [
    "2. Objectives and key results", "3. Objectives table", "Objectives", "OKRs", "4.1 Key results",
    "๒. วัตถุประสงค์และผลลัพธ์หลัก", "๓. ตารางยุทธศาสตร์ เป้าประสงค์ และตัวชี้วัด", "๑. บทนำ", "Part 2: Summary",
])
def test_headings_of_document_words_only(heading):
    assert only_document_words(heading)


@pytest.mark.parametrize("heading", [
    "Company OKRs", "Sales OKRs", "OKR ฝ่ายขาย", "2. Sales", "Platform team", "OKR ระดับองค์กร", "๒. กองคลัง",
    "Customer Support",
])
def test_headings_that_name_a_unit(heading):
    assert not only_document_words(heading)


def test_a_team_line_is_not_overridden_by_headings_that_name_no_unit():
    text = """# Harbourside Council — Housing Service Plan
Team: Housing Services

## Repairs
Objective 1: Tenants get repairs fixed first time
- Raise first-time fix rate from 71% to 85%

## Safety
Objective 1: Tenants feel safe at home
- Raise homes with a valid gas safety check from 96% to 100%
"""
    [plan] = _sets(text)
    assert plan.team == "Housing Services" and len(plan.objectives) == 2
    # without the Team line, objectives numbered afresh under each heading are two teams' sets, as before
    assert [s.team for s in _sets(text.replace("Team: Housing Services\n", ""))] == ["Repairs", "Safety"]


def test_headings_naming_units_still_split_a_document_with_a_team_line():
    text = """# Acme OKRs 2027
Team: Acme

## Sales team
Objective 1: Win more clinics
- Raise clinics from 10 to 20

## Platform team
Objective 1: Ship faster
- Cut lead time from 10 days to 5 days
"""
    assert [s.team for s in _sets(text)] == ["Sales", "Platform"]


# 5. A Thai title or file name with a quarter -------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "OKR บริษัท ข้าวหอมดี จำกัด ไตรมาส 1/2570", "OKR บริษัท ข้าวหอมดี จำกัด ไตรมาสที่ 2 ปี 2570",
    "OKR บริษัท ข้าวหอมดี จำกัด ปี 2570", "OKR บริษัท ข้าวหอมดี จำกัด ครึ่งปีแรก 2570",
])
def test_a_company_title_with_a_quarter_names_the_company(title):
    text = f"{title}\n\nวัตถุประสงค์ที่ 1: ลูกค้ากลับมาซื้อซ้ำ\n- เพิ่มอัตราการซื้อซ้ำ จาก 28% เป็น 40%\n"
    [plan] = _sets(text, "okr-q1.md")
    assert plan.team == "บริษัท ข้าวหอมดี จำกัด"


@pytest.mark.parametrize("name, team", [
    ("OKR บริษัท ข้าวหอมดี ไตรมาส 1-2570.pptx", "บริษัท ข้าวหอมดี"),
    ("OKR ฝ่ายขาย ไตรมาส 2 ปี 2570.md", "ฝ่ายขาย"),
    ("OKR ฝ่ายขาย ไตรมาสที่ 3_2570.docx", "ฝ่ายขาย"),
    ("OKR ฝ่ายขาย ไตรมาส1 2570.md", "ฝ่ายขาย"),
    ("สรุปผลไตรมาส 1.md", "สรุปผลไตรมาส 1"),  # inside a word: left as it is
])
def test_a_file_name_with_a_quarter(name, team):
    assert default_team(name) == team


def test_an_odt_plan_in_numbered_sections_is_one_set():
    """The Thai .odt of the review: its unit and owner lines were lost to two sets named after its sections."""
    from okrlint.load.opendocument import load_odt
    from tests.test_slides_and_odt import odt

    def h(level, text):
        return f'<text:h text:outline-level="{level}">{text}</text:h>'

    def p(text):
        return f"<text:p>{text}</text:p>"

    body = (h(1, "แผน OKR กองสวัสดิการสังคม ประจำปีงบประมาณ ๒๕๗๐") + p("หน่วยงาน: กองสวัสดิการสังคม")
            + p("ผู้รับผิดชอบ: ผู้อำนวยการกองสวัสดิการสังคม")
            + h(2, "๒. วัตถุประสงค์และผลลัพธ์หลัก") + p("วัตถุประสงค์ที่ 1: ผู้สูงอายุที่อยู่ลำพังได้รับการดูแลถึงบ้าน")
            + p("ผลลัพธ์หลัก:") + p("1. เพิ่มการเยี่ยมบ้าน จากร้อยละ ๔๐ เป็นร้อยละ ๘๕")
            + h(2, "๓. ตารางยุทธศาสตร์ เป้าประสงค์ และตัวชี้วัด")
            + p("วัตถุประสงค์ที่ 2: ครอบครัวผู้สูงอายุเข้าถึงสิทธิสวัสดิการได้ง่าย")
            + p("ผลลัพธ์หลัก:") + p("1. ลดเอกสารจาก ๖ รายการ เหลือ ๒ รายการ"))
    result = load_odt("welfare.odt", odt(body), {})
    [plan] = result.sets
    assert plan.team == "กองสวัสดิการสังคม" and plan.owner == "ผู้อำนวยการกองสวัสดิการสังคม"
    assert len(plan.objectives) == 2
