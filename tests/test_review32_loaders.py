"""Review 32 (a company shared drive): documents that are not OKR plans are not read as plans — a budget workbook,
meeting minutes, a slide deck exported to text, a guideline's examples in a PDF, an empty Word template."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from okrlint.config import Config
from okrlint.engine import Engine


def _book(path: Path, rows, title="Sheet1", more=()):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, other in more:
        extra = book.create_sheet(name)
        for row in other:
            extra.append(list(row))
    book.save(path)
    return path


def _run(*paths):
    return Engine(Config()).run([str(p) for p in paths], jobs=1)


def _budget_rows(count, header=("Cost centre", "Account", "Description", "Actual Q4 2569", "Budget Q1 2570",
                                "Target", "Variance", "Owner")):
    yield header
    for i in range(count):
        yield (f"CC{1000 + i}", str(5100 + i % 50), f"ค่าน้ำมัน สาขา {i}", 1000 + i, 1100 + i, 990 + i, 50, "Finance")


# --- 1. a budget workbook --------------------------------------------------------------------------------
@pytest.mark.parametrize("header", [
    ("Cost centre", "Account", "Description", "Actual Q4 2569", "Budget Q1 2570", "Target", "Variance", "Owner"),
    ("ศูนย์ต้นทุน", "รหัสบัญชี", "รายการ", "ผลการดำเนินงาน ปี 2569", "งบประมาณ 2570", "ค่าเป้าหมาย", "ผลต่าง",
     "ผู้รับผิดชอบ"),
])
def test_a_budget_workbook_in_a_folder_is_skipped_not_an_okr_document(tmp_path, header):
    _book(tmp_path / "Budget FY2570.xlsx", _budget_rows(3000, header), title="Budget 2570")
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n",
                                      encoding="utf-8")
    result = _run(tmp_path)
    said = " ".join(str(w) for w in result.warnings)
    assert "Budget FY2570.xlsx" in said and "skipped, not an OKR document" in said
    assert "looks like no OKR table" in said and "budget" in said
    assert not result.errors
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]


def test_a_budget_workbook_named_explicitly_says_why_and_does_not_flood(tmp_path):
    path = _book(tmp_path / "budget.xlsx", _budget_rows(500))
    result = _run(path)
    assert not result.findings and not result.org.sets
    assert any("looks like no OKR table" in e.message and "'Account'" in e.message for e in result.errors)


def test_hundreds_of_unmarked_description_lines_are_no_okr_table(tmp_path):
    rows = [("No.", "Description", "Target")] + [(i + 1, f"Item {i}", 10 + i) for i in range(400)]
    result = _run(_book(tmp_path / "list.xlsx", rows))
    assert not result.org.sets
    assert any("400 lines" in e.message for e in result.errors)


def test_a_budget_sheet_beside_the_okr_sheet_is_a_note(tmp_path):
    okrs = [("Objective", "Key result", "Baseline", "Target"),
            ("Riders come back", "Raise repeat rides", "30%", "45%")]
    path = _book(tmp_path / "plan.xlsx", okrs, title="OKR", more=[("Budget", list(_budget_rows(20)))])
    result = _run(path)
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]
    assert not result.errors


@pytest.mark.parametrize("rows", [
    # an OKR tool's export: Type | Description
    [("Type", "Description", "Baseline", "Target"), ("Objective", "Customers trust our delivery", None, None),
     ("Key result", "On-time delivery rate", "88%", "96%"), ("Key result", "Complaints per month", 120, 40)],
    # outline numbers 1 / 1.1 beside a Thai "รายการ" column, even under a budget column
    [("ลำดับ", "รายการ", "งบประมาณ", "ค่าฐาน", "ค่าเป้าหมาย"), ("1", "ลูกค้าได้รับพัสดุตรงเวลา", None, None, None),
     ("1.1", "สัดส่วนพัสดุที่ส่งตรงเวลา", 50000, "88%", "96%"), ("1.2", "จำนวนข้อร้องเรียนต่อเดือน", 0, 120, 40)],
    # labels in the text
    [("Description", "Budget", "Target"), ("O1: Customers trust our delivery", None, None),
     ("KR1: On-time delivery rate from 88%", 1000, "96%"), ("KR2: Complaints per month from 120", 0, 40)],
    # a header that names key results
    [("Account", "Description", "KPI", "Target"), ("5100", "Customers trust our delivery", None, None)],
])
def test_okr_tables_with_a_description_column_are_still_read(tmp_path, rows):
    result = _run(_book(tmp_path / "okrs.xlsx", rows))
    assert result.org.sets and not any("looks like no OKR table" in e.message for e in result.errors)


# --- 9. meeting minutes ----------------------------------------------------------------------------------
THAI_MINUTES = """บันทึกการประชุมทีม Hub เชียงใหม่ ครั้งที่ 1/2570
วันที่ 15 มกราคม 2570 เวลา 10.00–11.30 น.
ผู้เข้าประชุม: คุณกมล, คุณเอ, คุณบี

วัตถุประสงค์: ติดตามความคืบหน้า OKR ไตรมาส 1/2570 ของศูนย์
1. พัสดุเสียหายเดือนธันวาคมยังสูงอยู่ที่ 1.1%
2. มอบหมายคุณเอตรวจตัวเลขส่งภายใน 24 ชั่วโมงทุกวันศุกร์

ปิดประชุมเวลา 11.30 น.
"""
ENGLISH_MINUTES = """Minutes — Sales weekly meeting, 20 Jan 2027
Attendees: Bee, Dao, Jane

Objective: review progress on our Q1 OKRs
1. January sales reached 12 million baht
2. Bee to follow up with 5 key accounts by Friday
"""
THAI_AGENDA_MINUTES = """รายงานการประชุมฝ่ายขาย
ระเบียบวาระที่ 1 เรื่องแจ้งเพื่อทราบ
วัตถุประสงค์: ทบทวน OKR
- ยอดขายเพิ่มจาก 10 เป็น 12 ล้านบาท
มติที่ประชุม: รับทราบ
"""


@pytest.mark.parametrize("text", [THAI_MINUTES, ENGLISH_MINUTES, THAI_AGENDA_MINUTES])
def test_meeting_minutes_are_not_a_plan(tmp_path, text):
    (tmp_path / "minutes.txt").write_text(text, encoding="utf-8")
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n",
                                      encoding="utf-8")
    result = _run(tmp_path)
    said = " ".join(str(w) for w in result.warnings)
    assert "minutes.txt" in said and "skipped, not an OKR document" in said and "meeting minutes" in said
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]


@pytest.mark.parametrize("text", [
    # a planning meeting's agreed OKRs, labelled as key results
    "Minutes — OKR planning\nAttendees: Bee, Dao\n\nObjective: Riders come back\nKR1: Raise repeat rides from 30% to 45%\n",
    # a plan that mentions a meeting once
    "# Sales OKRs Q1\nObjective: Customers buy again\n- Raise repeat orders from 20% to 30%\n\nAgenda for the review: see wiki\n",
    # "present" and "agenda" as words inside a plan's lines
    "Objective: Present our product at 3 fairs\n- Leads from fairs from 40 to 90\nObjective: Agenda-free Fridays\n"
    "- Meetings on Fridays from 12 to 3 a month\n",
])
def test_plans_that_mention_meetings_are_still_read(tmp_path, text):
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    result = _run(path)
    assert result.org.sets and result.org.sets[0].objectives, result.errors


# --- 10. a guideline's examples as plain lines (a PDF has no heading styles) --------------------------------
def _pdf(path: Path, *texts: str) -> Path:
    from tests.test_pdf import lines, make_pdf

    path.write_bytes(make_pdf([lines(*texts)]))
    return path


def test_a_guideline_pdf_with_bad_and_good_examples_is_skipped_in_a_folder(tmp_path):
    pytest.importorskip("pypdf")
    _pdf(tmp_path / "OKR Guideline.pdf", "How we write OKRs", "", "Good example",
         "Objective: Small shops send parcels with us more easily", "",
         "KR1: Raise weekly active pick-up points from 40 to 70", "", "Bad example",
         "Objective: Improve our service", "", "KR1: Hold 4 team meetings")
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n",
                                      encoding="utf-8")
    result = _run(tmp_path)
    said = " ".join(str(w) for w in result.warnings)
    assert "OKR Guideline.pdf" in said and "skipped, not an OKR document" in said
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]


@pytest.mark.parametrize("heading", ["ตัวอย่างที่ไม่ดี", "ตัวอย่าง OKR ที่ดี", "Bad example", "Example:",
                                     "Examples of good OKRs", "2. ตัวอย่างการเขียน KR"])
def test_a_plain_example_heading_drops_its_section_up_to_the_next_heading_like_line(tmp_path, heading):
    text = ("Objective: ลูกค้าได้รับพัสดุตรงเวลา\n- เพิ่มอัตราส่งตรงเวลาจาก 90% เป็น 96%\n\n"
            f"{heading}\n"
            "Objective: ปรับปรุงการบริการให้ดีขึ้น\n\nKR1: จัดประชุมทีม 4 ครั้ง\n"
            "ข้อนี้เป็นกิจกรรม ไม่ใช่ผลลัพธ์ จึงไม่ควรเขียนเป็นผลลัพธ์หลัก.\n\n"
            "๓. แผนของทีม\n"
            "Objective: Our hubs run safely\n- Cut forklift incidents from 7 to 2\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = _run(path)
    assert [o.title for s in result.org.sets for o in s.objectives] == ["ลูกค้าได้รับพัสดุตรงเวลา", "Our hubs run safely"]


@pytest.mark.parametrize("line", ["Example: raise NPS to 40", "ตัวอย่างสินค้าถึงมือลูกค้าภายใน 2 วัน",
                                  "Examples of good service reach every hub by March"])
def test_lines_that_only_mention_an_example_are_read(tmp_path, line):
    path = tmp_path / "plan.txt"
    path.write_text(f"Objective: Customers trust us\n- {line}\n- Raise NPS from 30 to 45\n", encoding="utf-8")
    result = _run(path)
    assert [len(o.key_results) for s in result.org.sets for o in s.objectives] == [2]


# --- 8. a slide deck exported to text ------------------------------------------------------------------------
_DECK = """SiamLink Logistics — Q1 2570 Kick-off
Town hall, 6 January 2570

{s2}
What we achieved in Q4 2569
- On-time delivery reached 91% (from 88%)
- 2 new regional hubs opened

{s3}
Our company OKRs
{objective}: ลูกค้าได้รับพัสดุตรงเวลาทุกครั้งที่สั่ง
- On-time delivery 91% → 96%
- Late-delivery complaints 420 → 250 a month

{s4}
Timeline
- 15 Jan: every department submits its OKRs
- 31 Jan: alignment review with the management team
- Weekly check-in every Monday 09:00

{s5}
Questions? Thank you!
"""


@pytest.mark.parametrize("marks", [("Slide 2", "Slide 3", "Slide 4", "Slide 5"),
                                   ("สไลด์ที่ 2", "สไลด์ที่ 3", "สไลด์ที่ 4", "สไลด์ที่ 5"),
                                   ("--- Slide 2 ---", "--- Slide 3 ---", "--- Slide 4 ---", "--- Slide 5 ---"),
                                   ("=== Page 2 ===", "=== Page 3 ===", "=== Page 4 ===", "=== Page 5 ===")])
def test_a_new_slide_ends_the_key_results_of_the_objective_before(tmp_path, marks):
    path = tmp_path / "Kick-off slides.txt"
    path.write_text(_DECK.format(objective="Objective 1", s2=marks[0], s3=marks[1], s4=marks[2], s5=marks[3]),
                    encoding="utf-8")
    result = _run(path)
    assert not result.errors
    (objective,) = [o for s in result.org.sets for o in s.objectives]
    assert [kr.title for kr in objective.key_results] == ["On-time delivery 91% → 96%",
                                                          "Late-delivery complaints 420 → 250 a month"]
    assert not [f for f in result.findings if f.code == "MEA001"]


@pytest.mark.parametrize("marks", [("Slide 2", "Slide 3", "Slide 4", "Slide 5"),
                                   ("สไลด์ที่ 2", "สไลด์ที่ 3", "สไลด์ที่ 4", "สไลด์ที่ 5")])
def test_a_deck_without_labelled_okrs_is_skipped_in_a_folder(tmp_path, marks):
    (tmp_path / "Kick-off slides.txt").write_text(
        _DECK.format(objective="Our first priority", s2=marks[0], s3=marks[1], s4=marks[2], s5=marks[3])
        .replace("Our company OKRs", "OKRs for Q1 2570"), encoding="utf-8")
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n",
                                      encoding="utf-8")
    result = _run(tmp_path)
    said = " ".join(str(w) for w in result.warnings)
    assert "Kick-off slides.txt" in said and "skipped, not an OKR document" in said and "a slide deck's text" in said
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]


@pytest.mark.parametrize("text", [
    "Objective: Slides load fast for every customer\n- Cut slide 1 load time from 4 s to 1 s\n- Page 2 of the deck\n",
    "Objective: Customers trust us\n- Raise NPS from 30 to 45\n\nPage 1\n\nObjective: Hubs run safely\n"
    "- Cut incidents from 7 to 2\n\nPage 2\n",
    "# Slide 1 of our plan\nObjective: Customers trust us\n- Raise NPS from 30 to 45\n- Cut churn from 5% to 3%\n",
])
def test_plans_that_mention_slides_or_pages_are_read_as_before(tmp_path, text):
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    result = _run(path)
    assert not result.errors
    assert sum(len(o.key_results) for s in result.org.sets for o in s.objectives) == 2


# --- 11. an empty form: X, Y, N, Z are placeholders; nothing filled in is a template -------------------------
def _word(path: Path, paragraphs, rows) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(path)
    return path


_FORM_HEADER = ["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "ผู้รับผิดชอบ"]
_FORM_ROWS = [["ตัวอย่าง: ลูกค้าได้รับพัสดุตรงเวลา", "ตัวอย่าง: เพิ่มอัตราส่งตรงเวลาจาก 90% เป็น 95%", "90%", "95%", "ชื่อ"],
              ["[ระบุวัตถุประสงค์ที่ 1]", "[ระบุผลลัพธ์หลัก เช่น เพิ่ม … จาก X เป็น Y]", "X", "Y", ""],
              ["", "[ระบุผลลัพธ์หลัก]", "", "", ""],
              ["[ระบุวัตถุประสงค์ที่ 2 (ถ้ามี)]", "[ระบุผลลัพธ์หลัก]", "N", "Z", ""]]


def test_an_empty_word_form_is_skipped_in_a_folder_and_says_so_when_named(tmp_path):
    form = _word(tmp_path / "OKR Template - แบบฟอร์ม.docx", ["หน่วยงาน: [ระบุชื่อฝ่าย]"], [_FORM_HEADER, *_FORM_ROWS])
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n",
                                      encoding="utf-8")
    result = _run(tmp_path)
    said = " ".join(str(w) for w in result.warnings)
    assert "แบบฟอร์ม.docx" in said and "skipped, not an OKR document" in said and "an empty OKR form" in said
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]
    named = _run(form)
    assert not named.findings and not named.org.sets
    assert [e.message for e in named.errors] == [
        "no OKRs found: an empty OKR form ('ตัวอย่าง:', '[ระบุวัตถุประสงค์ที่ 1]', '[ระบุผลลัพธ์หลัก เช่น เพิ่ม … จาก X เป็…'), "
        "nothing filled in yet"]


def test_an_empty_english_workbook_form_says_so(tmp_path):
    path = _book(tmp_path / "OKR Template (EN).xlsx", [
        ["Objective", "Key result", "Baseline", "Target", "Owner"],
        ["Example: Customers get parcels on time", "Example: Raise on-time delivery from 90% to 95%", "90%", "95%",
         "Name"],
        ["<your objective>", "<key result: from X to Y>", "X", "Y", ""]])
    result = _run(path)
    assert not result.findings and not result.org.sets
    assert any("an empty OKR form ('Example:'" in e.message for e in result.errors)


def test_a_filled_form_keeps_its_rows_and_a_prompt_slot_left_below_is_dropped(tmp_path):
    rows = [_FORM_ROWS[0],
            ["ลูกค้าได้รับพัสดุตรงเวลา", "เพิ่มอัตราส่งตรงเวลา", "90%", "96%", "สมชาย"],
            ["", "ลดเรื่องร้องเรียนการส่งล่าช้า", "420", "250", "สมชาย"],
            *_FORM_ROWS[1:]]
    result = _run(_word(tmp_path / "OKR ฝ่ายขาย.docx", ["หน่วยงาน: ฝ่ายขาย"], [_FORM_HEADER, *rows]))
    assert not result.errors
    assert [(o.title, [kr.title for kr in o.key_results]) for s in result.org.sets for o in s.objectives] == [
        ("ลูกค้าได้รับพัสดุตรงเวลา", ["เพิ่มอัตราส่งตรงเวลา", "ลดเรื่องร้องเรียนการส่งล่าช้า"])]


@pytest.mark.parametrize("baseline, target", [("X", "Y"), ("3", "Y"), ("N", "Z")])
def test_x_y_n_z_as_baseline_or_target_are_placeholders_never_done_words(tmp_path, baseline, target):
    path = tmp_path / "plan.md"
    path.write_text("หน่วยงาน: ฝ่ายขาย\n\n| วัตถุประสงค์ | ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |\n|---|---|---|---|\n"
                    "| ลูกค้าองค์กรได้รับใบเสนอราคาเร็วขึ้น | ลดเวลาออกใบเสนอราคาจาก 3 วันเหลือ 1 วัน | 3 วัน | 1 วัน |\n"
                    f"| | เพิ่มอัตราการตอบรับใบเสนอราคา | {baseline} | {target} |\n", encoding="utf-8")
    result = _run(path)
    assert [f.code for f in result.findings] == ["MEA003"]
    yaml_path = tmp_path / "a.okr.yaml"
    yaml_path.write_text("team: a\nobjectives:\n  - title: Customers love us\n    key_results:\n"
                         f"      - title: Raise NPS\n        baseline: {baseline}\n        target: {target}\n"
                         "      - Cut churn from 5% to 3%\n", encoding="utf-8")
    assert [f.code for f in _run(yaml_path).findings] == ["MEA003"]


def test_done_targets_are_still_done_words(tmp_path):
    path = tmp_path / "a.okr.yaml"
    path.write_text("team: a\nobjectives:\n  - title: Shoppers pay the way they like\n    key_results:\n"
                    "      - title: Add Apple Pay at checkout\n        target: Done\n"
                    "      - Raise card payments from 40% to 55%\n", encoding="utf-8")
    assert "MEA006" in [f.code for f in _run(path).findings]
