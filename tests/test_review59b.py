"""Review 59 (a Thai university's plans), the medium items: Thai counts of publications and other outputs made are
activities as the English ones are (M1); คณะ, หน่วยงาน, สาขาวิชา served by a support office are its internal customers
(M2); a share of documents sent back or needing correction is better lower (M3); a Thai totals row ("รวมทั้งสิ้น | 10
ตัวชี้วัด") is no objective (M4); a year in Thai digits is no part of a team's name (M5)."""

from __future__ import annotations

import io

import pytest

from coach_support import facts, findings
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.draft import default_team
from okrlint.load.spreadsheet import default_team as sheet_default_team
from okrlint.tags import classify_kind


def _kr_findings(tmp_path, title: str, rule: str) -> list[str]:
    body = ("team: คณะวิศวกรรมศาสตร์\nobjectives:\n  - title: งานวิจัยของคณะตอบโจทย์ผู้ประกอบการในพื้นที่\n"
            f"    key_results:\n      - \"{title}\"\n      - เพิ่มมูลค่าสัญญาวิจัยจากภาคเอกชนจาก 12 เป็น 20 ล้านบาท\n")
    return [message for line, message in findings(tmp_path, body, rule) if line == 5]


# --- M1 ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", [
    "จำนวนบทความวิจัยที่ตีพิมพ์ในวารสารระดับ Q1–Q2 จาก 41 เป็น 55 บทความ",
    "เพิ่มจำนวนบทความวิจัยที่ตีพิมพ์ในฐานข้อมูล Scopus จาก 380 เป็น 450 บทความ",
    "ตีพิมพ์บทความวิจัยในฐานข้อมูลนานาชาติ 120 บทความ",
    "จำนวนผลงานวิจัยที่ได้รับการตีพิมพ์ จาก 10 เป็น 20 เรื่อง",
    "ผลงานวิจัยตีพิมพ์ 30 เรื่อง",
    "จำนวนหลักสูตรที่พัฒนาใหม่ จาก 2 เป็น 5 หลักสูตร",
    "Number of courses developed from 2 to 5",
    "Number of papers published in Q1 journals from 41 to 55",
])
def test_outputs_published_or_made_are_activities_in_thai_as_in_english(tmp_path, title):
    assert _kr_findings(tmp_path, title, "kr-is-activity")


@pytest.mark.parametrize("title", [
    "ผลงานวิจัยที่นำไปใช้ประโยชน์ จาก 8 เป็น 20 เรื่อง",  # used by someone: a result
    "ผลงานวิจัยที่ได้รับการอ้างอิง จาก 100 เป็น 150 ครั้ง",  # cited
    "จำนวนวิสาหกิจที่พัฒนาผลิตภัณฑ์ใหม่ จาก 10 เป็น 20 แห่ง",  # the enterprises develop: they are the doers
    "เพิ่มมูลค่าสัญญาวิจัยจากภาคเอกชนจาก 12.5 ล้านบาท เป็น 20 ล้านบาท",
])
def test_what_others_do_with_outputs_stays_a_result(tmp_path, title):
    assert not _kr_findings(tmp_path, title, "kr-is-activity")


def test_the_publishing_verb_leads_a_task():
    kind = classify_kind(facts("ตีพิมพ์บทความวิจัยในฐานข้อมูลนานาชาติ 120 บทความ"))
    assert kind.activity and kind.verb == "ตีพิมพ์"


# --- M2 ------------------------------------------------------------------------------------------------------------
FINANCE = """team: กองคลัง
objectives:
  - title: {title}
    key_results:
      - ลดระยะเวลาเบิกจ่ายจาก 12 วัน เหลือ 5 วัน
      - ลดร้อยละเอกสารที่ถูกส่งกลับจาก 27% เหลือ 10%
"""


@pytest.mark.parametrize("title", [
    "คณะได้รับเงินเบิกจ่ายเร็วและถูกต้อง",
    "คณะและหน่วยงานได้รับเงินเบิกจ่ายเร็วและถูกต้อง",
    "คณะต่าง ๆ ได้รับเงินเร็ว",
    "หน่วยงานในมหาวิทยาลัยได้รับเงินเบิกจ่ายเร็วและถูกต้อง",
    "สาขาวิชาได้รับเงินอุดหนุนตรงเวลา",
])
def test_faculties_and_units_served_by_a_support_office_are_its_customers(tmp_path, title):
    assert not findings(tmp_path, FINANCE.format(title=title), "no-customer-focus")


def test_a_faculty_naming_itself_serves_no_one_by_it(tmp_path):
    body = ("team: คณะวิศวกรรมศาสตร์\nobjectives:\n  - title: คณะได้รับงบวิจัยจากภายนอกมากขึ้น\n    key_results:\n"
            "      - เพิ่มงบวิจัยจาก 12 ล้านบาท เป็น 20 ล้านบาท\n      - ลดเวลาเบิกจ่ายจาก 12 วัน เหลือ 5 วัน\n")
    assert findings(tmp_path, body, "no-customer-focus")


# --- M3 ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title, mismatch", [
    ("ร้อยละเอกสารเบิกจ่ายที่ถูกส่งกลับให้แก้ไข จาก 27% เป็น 10%", False),
    ("ลดร้อยละเอกสารเบิกจ่ายที่ถูกส่งกลับให้แก้ไขจาก 27% เหลือ 10%", False),
    ("ร้อยละเอกสารที่ต้องแก้ไข 27% → 10%", False),
    ("ร้อยละคำขอที่ถูกปฏิเสธ จาก 27% เป็น 10%", False),
    ("Share of claims sent back for correction from 27% to 10%", False),
    ("ร้อยละเอกสารเบิกจ่ายที่ถูกส่งกลับให้แก้ไข จาก 10% เป็น 27%", True),  # better lower, and it rises
    ("ร้อยละเอกสารที่ต้องแก้ไข 10% → 27%", True),
    ("Share of claims sent back for correction from 10% to 27%", True),
    ("ร้อยละของข้อบกพร่องที่ได้รับการแก้ไข จาก 60% เป็น 40%", True),  # defects fixed: better higher
    ("ร้อยละของข้อบกพร่องที่แก้ไขแล้ว จาก 60% เป็น 90%", False),
])
def test_a_share_sent_back_or_needing_correction_is_better_lower(tmp_path, title, mismatch):
    assert bool(_kr_findings(tmp_path, title, "kr-direction-mismatch")) is mismatch


# --- M4 ------------------------------------------------------------------------------------------------------------
def _workbook(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "OKR"
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


@pytest.mark.parametrize("label, count", [("รวมทั้งสิ้น", "10 ตัวชี้วัด"), ("รวม", "2 ตัวชี้วัด"), ("รวมทั้งหมด", "2 ผลลัพธ์หลัก"),
                                          ("TOTAL", "2 KPIs")])
def test_a_thai_totals_row_is_no_objective(tmp_path, label, count):
    path = tmp_path / "คณะ.okr.xlsx"
    path.write_bytes(_workbook([
        ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"),
        ("บัณฑิตพร้อมทำงาน", "ร้อยละบัณฑิตที่ได้งานทำ", 64, 75),
        (None, "คะแนนความพึงพอใจของผู้ใช้บัณฑิต", 3.85, 4.2),
        (label, count, None, None),
    ]))
    [okr_set] = Engine(Config()).run([str(path)]).org.sets
    assert [o.title for o in okr_set.objectives] == ["บัณฑิตพร้อมทำงาน"]
    assert len(okr_set.objectives[0].key_results) == 2


# --- M5 ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["กองคลัง OKR ปีงบประมาณ ๒๕๗๐.md", "กองคลัง ๒๕๗๐.md", "กองคลัง OKR ปีงบประมาณ 2570.md",
                                  "กองคลัง_๒๕๗๐.md"])
def test_a_year_in_thai_digits_is_no_part_of_the_team(name):
    assert default_team(name) == "กองคลัง"


def test_a_workbooks_thai_digit_year_is_no_part_of_the_team():
    assert sheet_default_team("กองคลัง OKR ปีงบประมาณ ๒๕๗๐.xlsx") == "กองคลัง"
