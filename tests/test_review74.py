"""Review 74 (a Thai state enterprise's documents for ปีงบประมาณ 2570: a Word plan with a numbered outline and an annex, a
Word memo, pdftotext output, a LINE export): the part of a plan after its OKRs (๔. การติดตามและรายงานผล, ภาคผนวก) and an
annex's table are no key results; a memo's unit written without a colon, and not its phone number; pdftotext's broken
Thai repaired in text files; a reference in brackets on an objective's wrapped line; table captions; a quarterly-targets
line and a chat's closing line are no part of a key result; maintenance done to plan and meters installed are
activities."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.docx import load_docx
from okrlint.load.draft import load_draft_file, names_a_section
from okrlint.load.draft_fields import _first_phrase
from okrlint.load.pdf import repair_extracted_thai
from okrlint.testing import lint_yaml


def _text(name: str, text: str):
    result = load_draft_file(name, text.encode(), {})
    assert result.sets, result.errors
    return result


def _outline(result) -> list[tuple[str, list[str]]]:
    return [(o.title, [kr.title for kr in o.key_results]) for s in result.sets for o in s.objectives]


def _docx(paragraphs) -> bytes:
    """A Word document: each item a paragraph ("text") or a table (a list of rows)."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    for item in paragraphs:
        if isinstance(item, list):
            table = document.add_table(rows=len(item), cols=len(item[0]))
            for row, cells in enumerate(item):
                for column, text in enumerate(cells):
                    table.cell(row, column).text = text
        else:
            text, indent = item if isinstance(item, tuple) else (item, 0)
            paragraph = document.add_paragraph(text)
            if indent:
                paragraph.paragraph_format.left_indent = Pt(indent)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- H3: the part of a plan after its OKRs ----------------------------------------------------------------------------
PLAN = """การไฟฟ้าชุมชนแห่งชาติ
แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๗๐

๓. วัตถุประสงค์และผลลัพธ์หลัก (OKRs) ระดับองค์กร
๓.๑ วัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าได้รับไฟฟ้าที่มั่นคงและต่อเนื่อง
ผลลัพธ์หลัก
๓.๑.๑ ลดค่าดัชนีไฟฟ้าดับจาก ๒.๘ ครั้ง เหลือ ๒.๒ ครั้ง
๓.๑.๒ ลดเวลาไฟฟ้าดับเฉลี่ยจาก ๑๘๐ นาที เหลือ ๑๔๐ นาที
๓.๒ วัตถุประสงค์ที่ ๒ ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวก
ผลลัพธ์หลัก
๓.๒.๑ เพิ่มคำขอผ่านแอปจากร้อยละ ๔๐ เป็นร้อยละ ๖๕
๓.๒.๒ ลดเวลาติดตั้งมิเตอร์จาก ๗ วัน เหลือ ๓ วัน
{after}
"""
KRS_OF_THE_SECOND = ["เพิ่มคำขอผ่านแอปจากร้อยละ ๔๐ เป็นร้อยละ ๖๕", "ลดเวลาติดตั้งมิเตอร์จาก ๗ วัน เหลือ ๓ วัน"]


@pytest.mark.parametrize("after", [
    "๔. การติดตามและรายงานผล\n๔.๑ ทุกสายงานรายงานผลรายไตรมาส ภายใน ๑๕ วันหลังสิ้นไตรมาส",
    "๔. แนวทางการขับเคลื่อนสู่การปฏิบัติ\n๔.๑ ทุกสายงานรายงานผลรายไตรมาส ภายใน ๑๕ วันหลังสิ้นไตรมาส",  # any chapter's name
    "๔.๑ ทุกสายงานรายงานผลรายไตรมาส ภายใน ๑๕ วันหลังสิ้นไตรมาส",  # another chapter's point, its heading left out
    "ภาคผนวก ก ตัวชี้วัดตามบันทึกข้อตกลง (สคร.)\n๑. กำไรสุทธิ ๑,๒๐๐ ล้านบาท",
])
def test_the_chapter_after_the_okrs_is_no_key_result(after):
    objectives = _outline(_text("แผน กฟช 2570.txt", PLAN.format(after=after)))
    assert [len(krs) for _, krs in objectives] == [2, 2]
    assert objectives[1][1] == KRS_OF_THE_SECOND


def test_key_results_numbered_in_their_objectives_part_stay():
    plan = PLAN.format(after="๓.๒.๓ ลดข้อร้องเรียนจาก ๔,๒๐๐ เรื่อง เหลือ ๒,๕๐๐ เรื่อง")
    assert len(_outline(_text("แผน กฟช 2570.txt", plan))[1][1]) == 3


def test_notes_numbered_under_a_key_result_end_nothing():
    text = ("1.1 Objective 1: Customers get power they can rely on\n1.1.1 Cut outage minutes from 180 to 140\n"
            "1. replace the oldest transformers\n2. trim trees along the lines\n1.1.2 Cut outages per customer from 2.8 to 2.2\n")
    assert _outline(_text("plan.txt", text))[0][1][-1] == "Cut outages per customer from 2.8 to 2.2"


def test_an_english_outline_ends_the_same_way():
    text = ("3.1 Objective 1: Customers get power they can rely on\n3.1.1 Cut outage minutes from 180 to 140\n"
            "3.1.2 Cut outages per customer from 2.8 to 2.2\n4. Delivery approach\n4.1 Each directorate reports quarterly\n")
    assert [len(krs) for _, krs in _outline(_text("plan.txt", text))] == [2]


@pytest.mark.parametrize("heading", ["การติดตามและรายงานผล", "การติดตาม ประเมินผล และรายงานผล", "การประเมินผล", "งบประมาณ",
                                     "แผนงาน/โครงการ", "ผู้รับผิดชอบ", "ปัจจัยความสำเร็จ", "ภาคผนวก"])
def test_thai_parts_of_a_plan_are_section_names(heading):
    assert names_a_section(f"๔. {heading}")


@pytest.mark.parametrize("line", ["๓. การติดตามเยี่ยมบ้านผู้ป่วยติดเตียงร้อยละ ๙๐", "๓. การติดตามเยี่ยมบ้านผู้ป่วยติดเตียง"])
def test_a_key_result_about_follow_up_is_no_section_name(line):
    assert not names_a_section(line)


def _plan_docx() -> bytes:
    return _docx([
        "แผนปฏิบัติการ การไฟฟ้าชุมชนแห่งชาติ ประจำปีงบประมาณ ๒๕๗๐", "ระดับ: องค์กร",
        ("๓.๑ วัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวก", 18),
        ("ตารางที่ ๑ ผลลัพธ์หลักและเกณฑ์การให้คะแนน", 36),
        [["ตัวชี้วัด", "หน่วยนับ", "ค่าฐาน", "ค่าเป้าหมาย"], ["สัดส่วนคำขอผ่านแอป", "ร้อยละ", "๔๐", "๖๕"],
         ["เวลาติดตั้งมิเตอร์", "วัน", "๗", "๓"]],
        ("๓.๒ วัตถุประสงค์ที่ ๒ ผู้ใช้ไฟฟ้าได้รับไฟฟ้าต่อเนื่อง", 18),
        ("๓.๒.๑ ลดเวลาไฟฟ้าดับจาก ๑๘๐ นาที เหลือ ๑๔๐ นาที", 36),
        ("๓.๒.๒ ลดจำนวนครั้งไฟฟ้าดับจาก ๒.๘ เหลือ ๒.๒ ครั้ง", 36),
        "๔. การติดตามและรายงานผล",
        ("๔.๑ ทุกสายงานรายงานผลรายไตรมาส ภายใน ๑๕ วันหลังสิ้นไตรมาส", 18),
        "ภาคผนวก ก ตัวชี้วัดตามบันทึกข้อตกลง (สคร.)",
        [["ตัวชี้วัด", "น้ำหนัก (ร้อยละ)", "ค่าเป้าหมาย"], ["กำไรสุทธิ (ล้านบาท)", "๒๐", "๑,๒๐๐"]],
    ])


def test_a_word_plans_next_chapter_and_annex_table_are_no_key_results():
    result = load_docx("แผน กฟช.docx", _plan_docx(), {})
    objectives = _outline(result)
    assert objectives == [
        ("ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวก", ["สัดส่วนคำขอผ่านแอป", "เวลาติดตั้งมิเตอร์"]),
        ("ผู้ใช้ไฟฟ้าได้รับไฟฟ้าต่อเนื่อง", ["ลดเวลาไฟฟ้าดับจาก ๑๘๐ นาที เหลือ ๑๔๐ นาที",
                                      "ลดจำนวนครั้งไฟฟ้าดับจาก ๒.๘ เหลือ ๒.๒ ครั้ง"]),
    ]
    assert any("ภาคผนวก ก" in note.message and "after them" in note.message for note in result.notes)


def test_an_annex_heading_in_word_is_no_part_of_the_key_result_above():
    data = _docx(["OKR ฝ่ายบริการ ปีงบประมาณ ๒๕๗๐", "วัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวก", "ผลลัพธ์หลัก",
                  "ลดเวลาติดตั้งมิเตอร์จาก ๗ วัน เหลือ ๓ วัน", "ภาคผนวก ก ตัวชี้วัดตามบันทึกข้อตกลง (สคร.)"])
    assert _outline(load_docx("okr.docx", data, {}))[0][1] == ["ลดเวลาติดตั้งมิเตอร์จาก ๗ วัน เหลือ ๓ วัน"]


# --- M1: a memo's unit without a colon, and without its phone number ---------------------------------------------------
MEMO = """บันทึกข้อความ
{header}
ที่  สบล.(บร) ๒๑๔/๒๕๖๙   วันที่  ๑๘  กันยายน  ๒๕๖๙
เรื่อง  ขอส่ง OKRs ประจำปีงบประมาณ ๒๕๗๐
เรียน  ผู้ว่าการ

๑. วัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าติดต่อขอรับบริการได้จบในช่องทางเดียว
   ผลลัพธ์หลัก
   ๑.๑ เพิ่มสัดส่วนคำขอที่จบผ่านแอปจากร้อยละ ๓๕ เป็นร้อยละ ๖๐
"""


@pytest.mark.parametrize("header, team", [
    ("หน่วยงาน  สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗", "สายงานบริการลูกค้า"),
    ("หน่วยงาน สายงานบริการลูกค้า โทร. ๐ ๒๑๒๓ ๔๕๖๗", "สายงานบริการลูกค้า"),
    ("หน่วยงาน: สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗", "สายงานบริการลูกค้า"),
    ("ส่วนราชการ  กองคลัง  โทรศัพท์ ๐ ๒๑๒๓ ๔๕๖๗", "กองคลัง"),
    ("ส่วนราชการ กองคลัง ที่ มท ๐๘๐๘/๑๒๓", "กองคลัง"),
])
def test_a_memos_unit_is_its_team(header, team):
    (okr_set,) = _text("บันทึกข้อความ ขอส่ง OKR.txt", MEMO.format(header=header)).sets
    assert okr_set.team == team


def test_a_word_memos_unit_is_its_team():
    data = _docx(["บันทึกข้อความ", "หน่วยงาน  สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗", "ที่  สบล.(บร) ๒๑๔/๒๕๖๙",
                  "เรื่อง  ขอส่ง OKRs ประจำปีงบประมาณ ๒๕๗๐", "๑. วัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าติดต่อได้จบในช่องทางเดียว", "ผลลัพธ์หลัก",
                  "๑.๑ เพิ่มสัดส่วนคำขอที่จบผ่านแอปจากร้อยละ ๓๕ เป็นร้อยละ ๖๐"])
    (okr_set,) = load_docx("บันทึกข้อความ ขอส่ง OKR.docx", data, {}).sets
    assert okr_set.team == "สายงานบริการลูกค้า"


def test_a_line_opening_with_the_word_unit_outside_a_memo_names_no_team():
    text = "OKR ทีมทดสอบ ปีงบประมาณ 2570\nหน่วยงาน ของเรามุ่งให้บริการที่ดี\n\nวัตถุประสงค์ที่ 1 ผู้ใช้ไฟฟ้าพอใจ\n" \
           "- เพิ่มความพึงพอใจจาก 80% เป็น 90%\n"
    (okr_set,) = _text("ทีมทดสอบ.txt", text).sets
    assert okr_set.team == "ทีมทดสอบ"


@pytest.mark.parametrize("written, name", [
    ("สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗", "สายงานบริการลูกค้า"),
    ("Finance team, tel. 020 7946 0000", "Finance team"),
    ("ฝ่ายโทรคมนาคม", "ฝ่ายโทรคมนาคม"),
    ("กองโทรศัพท์สาธารณะ", "กองโทรศัพท์สาธารณะ"),
])
def test_a_phone_number_is_no_part_of_a_name(written, name):
    assert _first_phrase(written) == name


# --- M3: pdftotext's broken Thai in a text file ------------------------------------------------------------------------
def test_text_copied_from_a_pdf_has_its_thai_repaired():
    text = ("OKR สายงานปฏิบัติการ ประจําปีงบประมาณ ๒๕๗๐\n\n"
            "วัตถุประสงค์ที่ ๑ ระบบจําหน่ายไฟฟ้ าเชื่อถือได้สําหรับผู\uf70bใช้ไฟฟ้าทุกพื้นที่\n"
            "ผลลัพธ์หลัก\n๑.๑ ร้อยละของหม้อแปลงที่ได้รับการบํารุงรักษาตามแผน ร้อยละ ๑๐๐\n")
    (objective,) = _text("ops.txt", text).sets[0].objectives
    assert objective.title == "ระบบจำหน่ายไฟฟ้าเชื่อถือได้สำหรับผู้ใช้ไฟฟ้าทุกพื้นที่"
    assert objective.key_results[0].title.startswith("ร้อยละของหม้อแปลงที่ได้รับการบำรุงรักษาตามแผน")


def test_typed_text_is_left_as_it_is():
    typed = "ทีมเราอย่่างไรก็ตาม ไฟฟ้ า\n"  # no sign of a PDF: its typos are its own
    assert repair_extracted_thai(typed) == typed


def test_columns_lined_up_with_spaces_stay_in_place():
    line = "สําหรับผู\uf70bใช้       ๑๒   ๓๔\n\fบํารุง"
    repaired = repair_extracted_thai(line)
    assert repaired.index("๑๒") == line.index("๑๒") and repaired.index("๓๔") == line.index("๓๔")
    assert repaired.startswith("สำหรับผู้ใช้ ") and repaired.endswith("\n\fบำรุง")


# --- M4: a reference in brackets on an objective's wrapped line --------------------------------------------------------
@pytest.mark.parametrize("first, second, title, reference", [
    ("วัตถุประสงค์ที่ ๑ ระบบจำหน่ายไฟฟ้าเชื่อถือได้สำหรับผู้ใช้ไฟฟ้าทุก", "พื้นที่ (สอดคล้องกับวัตถุประสงค์ที่ ๑ ขององค์กร)",
     "ระบบจำหน่ายไฟฟ้าเชื่อถือได้สำหรับผู้ใช้ไฟฟ้าทุกพื้นที่", "วัตถุประสงค์ที่ ๑ ขององค์กร"),
    ("วัตถุประสงค์ที่ ๒ ลดหน่วยสูญเสียในระบบจำหน่าย (สอดคล้องกับวัตถุประสงค์ที่ ๔", "ขององค์กร)",
     "ลดหน่วยสูญเสียในระบบจำหน่าย", "วัตถุประสงค์ที่ ๔ ขององค์กร"),
])
def test_a_reference_on_the_wrapped_line_is_what_the_objective_aligns_to(first, second, title, reference):
    text = f"OKR สายงานปฏิบัติการ ปีงบประมาณ ๒๕๗๐\n\n{first}\n{second}\nผลลัพธ์หลัก\n๑.๑ ลดเวลาแก้ไขไฟฟ้าขัดข้องจาก ๙๐ นาที เหลือ ๖๐ นาที\n"
    (objective,) = _text("ops.txt", text).sets[0].objectives
    assert objective.title == title
    assert [written.replace(" ", "") for written in objective.aligns_to] == [reference.replace(" ", "")]


# --- M5: a table's caption -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("caption", ["ตารางที่ ๑ ผลลัพธ์หลักและเกณฑ์การให้คะแนน", "Table 1: Key results and targets"])
def test_a_caption_is_no_part_of_the_objective_above(caption):
    data = _docx(["OKR ฝ่ายบริการ ปีงบประมาณ ๒๕๗๐", "วัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวก", caption,
                  [["ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย"], ["สัดส่วนคำขอผ่านแอป (ร้อยละ)", "๔๐", "๖๕"]]])
    (objective,) = load_docx("okr.docx", data, {}).sets[0].objectives
    assert objective.title == "ผู้ใช้ไฟฟ้าได้รับบริการที่สะดวก"
    assert [kr.title for kr in objective.key_results] == ["สัดส่วนคำขอผ่านแอป (ร้อยละ)"]


# --- L1, L2: a quarterly-targets line and a chat's closing line --------------------------------------------------------
def test_a_quarterly_targets_line_is_no_part_of_the_key_result():
    text = ("OKR สายงานปฏิบัติการ ปีงบประมาณ ๒๕๗๐\n\nวัตถุประสงค์ที่ ๑ ผู้ใช้ไฟฟ้าได้รับไฟฟ้าต่อเนื่อง\nผลลัพธ์หลัก\n"
            "๑.๑ ร้อยละของคำร้องที่แก้ไขได้ภายใน ๒ ชั่วโมง ร้อยละ ๙๐\n"
            "     ค่าเป้าหมายรายไตรมาส: ไตรมาส ๑ ร้อยละ ๒๕ / ไตรมาส ๒ ร้อยละ ๕๐ / ไตรมาส ๓ ร้อยละ ๗๕\n"
            "๑.๒ ลดเวลาแก้ไขไฟฟ้าขัดข้องจาก ๙๐ นาที เหลือ ๖๐ นาที\n")
    krs = _outline(_text("ops.txt", text))[0][1]
    assert krs == ["ร้อยละของคำร้องที่แก้ไขได้ภายใน ๒ ชั่วโมง ร้อยละ ๙๐", "ลดเวลาแก้ไขไฟฟ้าขัดข้องจาก ๙๐ นาที เหลือ ๖๐ นาที"]


def test_a_chat_messages_closing_line_is_no_part_of_the_last_key_result():
    text = ("[LINE] แชทในกลุ่ม ทดสอบ\n\n2569/09/22(จ.)\n09:12\tผอ.กอง\t\"OKR กองทดสอบ ปีงบ 70\n"
            "วัตถุประสงค์ 1 ผู้ใช้ไฟฟ้าได้รับข้อมูลไฟดับล่วงหน้า\n- เพิ่มผู้ใช้ไฟฟ้าที่ได้รับ SMS จาก 55% เป็น 90%\n"
            "- ลดเวลารอสายจาก 3 นาที เหลือ 60 วินาที\nใครมีความเห็นตอบในกลุ่มได้เลยค่ะ 🙏\"\n09:15\tสมชาย\tรับทราบครับ\n")
    assert _outline(_text("[LINE] ทดสอบ.txt", text))[0][1][-1] == "ลดเวลารอสายจาก 3 นาที เหลือ 60 วินาที"


# --- L3: plan compliance and equipment installed are activities --------------------------------------------------------
def _activity(kr: str) -> bool:
    text = f'team: a\nobjectives:\n  - title: ผู้ใช้ไฟฟ้าได้รับไฟฟ้าต่อเนื่อง\n    key_results:\n      - title: "{kr}"\n'
    return any(f.code == "MEA005" for f in lint_yaml(text, select=["MEA005"]))


@pytest.mark.parametrize("kr", [
    "ร้อยละของหม้อแปลงที่ได้รับการบำรุงรักษาตามแผน ร้อยละ 100",
    "ร้อยละของถนนที่ได้รับการซ่อมบำรุงตามแผน ร้อยละ 95",
    "จำนวนมิเตอร์อัจฉริยะที่ติดตั้งสะสม จาก 35,000 เป็น 120,000 เครื่อง",
    "Increase the number of smart meters installed from 35,000 to 120,000",
])
def test_maintenance_to_plan_and_equipment_installed_are_activities(kr):
    assert _activity(kr)


@pytest.mark.parametrize("kr", [
    "ร้อยละของผู้ป่วยที่ได้รับการรักษาตามแผนการรักษา ร้อยละ 90",
    "ร้อยละของเด็กอายุ 1 ปีที่ได้รับการฉีดวัคซีนตามแผน ร้อยละ 95",
    "จำนวนครัวเรือนที่ติดตั้งโซลาร์เซลล์ จาก 200 เป็น 500 ครัวเรือน",
    "Number of customers with smart meters installed from 10,000 to 50,000",
])
def test_people_served_or_acting_are_no_activity(kr):
    assert not _activity(kr)


def test_the_annex_note_is_in_thai(tmp_path):
    path = tmp_path / "แผน กฟช.docx"
    path.write_bytes(_plan_docx())
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--lang", "th"])
    assert "อยู่ในส่วนของเอกสารที่ต่อจาก OKR" in run.output or "อยู่ในส่วนของเอกสารที่ต่อจาก OKR" in json.dumps(
        json.loads(run.stdout), ensure_ascii=False)
