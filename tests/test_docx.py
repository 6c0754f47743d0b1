"""The Word loader: documents built with python-docx at test time, paragraphs and tables, Thai and English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.docx import iter_lines, load_docx

SRC = Path(__file__).resolve().parents[1] / "src"


def load(path: Path, **options):
    return load_docx(path.name, path.read_bytes(), options)


def number_paragraph(paragraph, num_id: int, level: int = 0) -> None:
    """Give a paragraph Word's automatic numbering directly (w:numPr), as Word does for typed lists."""
    properties = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numbering.append(ilvl)
    numbering.append(num)
    properties.append(numbering)


def decimal_and_bullet_num_ids(document) -> tuple[int, int]:
    """numIds of a numbered and a bulleted list in python-docx's default template."""
    root = document.part.numbering_part.element
    formats = {}
    for abstract in root.findall(qn("w:abstractNum")):
        level = abstract.find(qn("w:lvl"))
        formats[abstract.get(qn("w:abstractNumId"))] = level.find(qn("w:numFmt")).get(qn("w:val"))
    ids = {}
    for num in root.findall(qn("w:num")):
        fmt = formats[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        ids.setdefault(fmt, int(num.get(qn("w:numId"))))
    return ids["decimal"], ids["bullet"]


def english_draft(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Support team OKRs", style="Title")
    document.add_paragraph("Team: support")
    document.add_paragraph("Period: 2026-Q2")
    decimal, bullet = decimal_and_bullet_num_ids(document)
    document.add_heading("Answer customers while they still care", level=1)
    document.add_paragraph("Key results")
    for text in ("Cut first reply time from 8 hours to 2 hours", "Lift CSAT from 4.1 to 4.5"):
        number_paragraph(document.add_paragraph(text), decimal)  # the numbers are not in the text
    document.add_paragraph("")
    document.add_paragraph("Objective: Make the help centre the first place people look")
    document.add_paragraph("Key results:")
    document.add_paragraph("Raise self-service resolution from 30% to 45%", style="List Bullet")
    field = document.add_paragraph("Owner: Pim")
    number_paragraph(field, bullet, level=1)
    document.add_paragraph("Write more articles", style="List Bullet")
    path = path / "support.docx"
    document.save(path)
    return path


def test_word_numbering_headings_and_list_styles_reach_the_draft_parser(tmp_path):
    path = english_draft(tmp_path)
    lines = list(iter_lines(path.name, path.read_bytes()))
    numbered = [line.text for line in lines if line.numbered]
    assert numbered == ["Cut first reply time from 8 hours to 2 hours", "Lift CSAT from 4.1 to 4.5"]
    assert lines[3].style.lower() == "heading 1" and lines[0].style == "Title"
    bullets = [line for line in lines if line.bullet]
    assert [b.text for b in bullets] == ["Raise self-service resolution from 30% to 45%", "Owner: Pim", "Write more articles"]
    assert bullets[1].list_level == 1
    assert [line.location.paragraph for line in lines] == list(range(1, len(lines) + 1))


def test_english_word_draft_reads_into_the_model_with_paragraph_numbers(tmp_path):
    result = load(english_draft(tmp_path))
    assert result.errors == ()
    (okr_set,) = result.sets
    assert (okr_set.team, okr_set.period.text, okr_set.source_format) == ("support", "2026-Q2", "docx")
    first, second = okr_set.objectives
    assert first.title == "Answer customers while they still care"
    assert [kr.title for kr in first.key_results] == [
        "Cut first reply time from 8 hours to 2 hours", "Lift CSAT from 4.1 to 4.5"]
    assert [kr.uid for kr in first.key_results] == ["support/o1/kr1", "support/o1/kr2"]
    assert first.key_results[1].location.paragraph == 7 and first.key_results[1].location.line == 7
    assert [kr.title for kr in second.key_results] == [
        "Raise self-service resolution from 30% to 45%", "Write more articles"]
    assert second.key_results[0].owner == "Pim"


def test_a_plain_paragraph_after_a_list_does_not_continue_its_last_item(tmp_path):
    document = docx.Document()
    decimal, _ = decimal_and_bullet_num_ids(document)
    document.add_paragraph("Objective 1: Grow leaders from within")
    document.add_paragraph("Key results:")
    document.add_paragraph("Fill 50% of manager roles internally, up from 30%", style="List Number")
    document.add_paragraph("Use the whole training budget", style="List Number")
    document.add_paragraph("Notes: budget signed off by the CFO on Dec 12.")  # Normal style, a label
    document.add_paragraph("Objective 2: Reviews people find fair")
    document.add_paragraph("Key results:")
    document.add_paragraph("Run calibration for every team", style="List Number")
    document.add_paragraph("The template is still being drafted by HR.")  # Normal style, no label
    document.add_paragraph("Objective 3: Managers coach every week")
    document.add_paragraph("Key results:")
    number_paragraph(document.add_paragraph("Hold 1:1s weekly in 90% of teams, from 60%"), decimal)
    document.add_paragraph("Comments: survey in March.")  # the same (Normal) style as the item: the label decides
    document.add_paragraph("Objective 4: Continuations stay continuations")
    document.add_paragraph("Key results:")
    document.add_paragraph("Raise mentoring sign-ups", style="List Number")
    document.add_paragraph("from 40 to 120 people", style="List Paragraph")  # Word's unnumbered list paragraph
    document.add_paragraph("Cut onboarding time", style="List Number")
    indented = document.add_paragraph("from 30 days to 10")
    indented.paragraph_format.left_indent = docx.shared.Inches(0.5)
    document.add_paragraph("Grow the alumni network", style="List Number")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "a table that is not OKRs"
    document.add_paragraph("Written after the table.")
    path = tmp_path / "people.docx"
    document.save(path)
    (okr_set,) = load(path).sets
    assert [(o.title, [kr.title for kr in o.key_results]) for o in okr_set.objectives] == [
        ("Grow leaders from within", ["Fill 50% of manager roles internally, up from 30%", "Use the whole training budget"]),
        ("Reviews people find fair", ["Run calibration for every team"]),
        ("Managers coach every week", ["Hold 1:1s weekly in 90% of teams, from 60%"]),
        ("Continuations stay continuations", ["Raise mentoring sign-ups from 40 to 120 people",
                                              "Cut onboarding time from 30 days to 10", "Grow the alumni network"]),
    ]
    assert okr_set.objectives[0].key_results[1].target is None  # not "12" from the note


def test_thai_note_after_a_word_list(tmp_path):
    document = docx.Document()
    document.add_paragraph("วัตถุประสงค์ที่ 1: บุคลากรได้พัฒนาทักษะดิจิทัล")
    document.add_paragraph("ตัวชี้วัด:")
    document.add_paragraph("บุคลากรผ่านการอบรมร้อยละ 80 จากร้อยละ 35", style="List Number")
    document.add_paragraph("ใช้งบประมาณพัฒนาบุคลากรครบตามแผน", style="List Number")
    document.add_paragraph("หมายเหตุ: งบประมาณได้รับอนุมัติเมื่อ 12 ธ.ค. 2569")
    path = tmp_path / "hr.docx"
    document.save(path)
    (okr_set,) = load(path).sets
    krs = okr_set.objectives[0].key_results
    assert [kr.title for kr in krs] == ["บุคลากรผ่านการอบรมร้อยละ 80 จากร้อยละ 35", "ใช้งบประมาณพัฒนาบุคลากรครบตามแผน"]


def test_thai_word_draft_with_thai_labels(tmp_path):
    document = docx.Document()
    document.add_paragraph("ทีม: การตลาด")
    document.add_paragraph("วัตถุประสงค์ที่ 1: ลูกค้ารู้จักแบรนด์ของเรามากขึ้น")
    document.add_paragraph("ผลลัพธ์หลัก:")
    document.add_paragraph("เพิ่มผู้ติดตามเพจจาก 5,000 เป็น 8,000 คน", style="List Number")
    document.add_paragraph("จัดงานอีเวนต์ 3 ครั้ง", style="List Number")
    path = tmp_path / "ตลาด.okr.docx"
    document.save(path)
    (okr_set,) = load(path).sets
    assert okr_set.team == "การตลาด"
    (objective,) = okr_set.objectives
    assert objective.title == "ลูกค้ารู้จักแบรนด์ของเรามากขึ้น"
    assert [kr.title for kr in objective.key_results] == ["เพิ่มผู้ติดตามเพจจาก 5,000 เป็น 8,000 คน", "จัดงานอีเวนต์ 3 ครั้ง"]
    findings = Engine(Config()).run([str(path)]).findings
    assert ("MEA005", "การตลาด/o1/kr2") in {(f.code, f.object_id) for f in findings}


def thai_table_document(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("แผน OKR ฝ่ายบริการ ปีงบประมาณ 2570")
    revisions = document.add_table(rows=2, cols=2)  # a document-control table: not OKRs, skipped
    revisions.cell(0, 0).text, revisions.cell(0, 1).text = "ฉบับที่", "วันที่"
    revisions.cell(1, 0).text, revisions.cell(1, 1).text = "1", "1 ต.ค. 2569"
    table = document.add_table(rows=5, cols=4)
    for column, header in enumerate(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าเป้าหมาย", "ผู้รับผิดชอบ"]):
        table.cell(0, column).text = header
    table.cell(1, 0).text = "ลูกค้าได้รับความช่วยเหลือรวดเร็ว"
    table.cell(1, 1).text = "ลดเวลารอสายจาก 8 นาที เหลือ 3 นาที"
    table.cell(1, 2).text = "3"
    table.cell(1, 3).text = "คุณแดง"
    table.cell(2, 1).text = "ปรับปรุงระบบให้ดีขึ้น"
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: the objective is written once
    table.cell(3, 0).text = "ลูกค้าแก้ปัญหาได้เอง"
    cell = table.cell(3, 1)  # one cell listing two key results, a paragraph each
    cell.text = "KR1: เพิ่มบทความช่วยเหลือจาก 40 เป็น 120 บทความ"
    cell.add_paragraph("KR2: เพิ่มสัดส่วนการแก้ปัญหาด้วยตนเองจากร้อยละ 30 เป็นร้อยละ 45")
    path = path / "บริการ.docx"
    document.save(path)
    return path


def test_thai_tables_with_merged_cells_and_several_krs_in_one_cell(tmp_path):
    result = load(thai_table_document(tmp_path))
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "บริการ"
    first, second = okr_set.objectives
    assert first.title == "ลูกค้าได้รับความช่วยเหลือรวดเร็ว"
    assert [kr.title for kr in first.key_results] == ["ลดเวลารอสายจาก 8 นาที เหลือ 3 นาที", "ปรับปรุงระบบให้ดีขึ้น"]
    assert first.key_results[0].target == 3 and first.key_results[0].owner == "คุณแดง"
    assert [kr.title for kr in second.key_results] == [
        "เพิ่มบทความช่วยเหลือจาก 40 เป็น 120 บทความ", "เพิ่มสัดส่วนการแก้ปัญหาด้วยตนเองจากร้อยละ 30 เป็นร้อยละ 45"]
    # Paragraph 1 is the title, 2-5 the revision table's cells, then the OKR table: header cells 6-9,
    # row 2 cells 10-13 (objective 10, KR 11).
    assert first.location.paragraph == 10
    assert first.key_results[0].location.paragraph == 11
    assert first.key_results[1].location.paragraph == 15
    # Shown as people find the cell in Word: the table, then its row and column like a spreadsheet cell.
    kr = first.key_results[0].location
    assert (kr.sheet, kr.line, kr.column) == ("table 2", 2, 2) and str(kr).endswith(".docx:table 2!B2")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty file"),
        (b"just some text", "not a .docx document: it is plain text; name it .txt"),
        (b"%PDF-1.7 ...", "not a .docx document: it is a PDF; name it .pdf"),
        (b"<!DOCTYPE html><html><body>OKRs</body></html>", "not a .docx document: it is a web page (HTML)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a .docx document: it is a picture"),
        (b"PK\x03\x04 damaged", "not a .docx document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le"), "password-protected"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word .doc"),
    ],
)
def test_bad_documents_are_one_line_errors_and_other_files_are_still_linted(tmp_path, data, expected):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(data)
    good = english_draft(tmp_path)
    result = Engine(Config()).run([str(bad), str(good)])
    (error,) = result.errors
    assert expected in error.message and error.location.file.endswith("bad.docx")
    assert [s.team for s in result.org.sets] == ["support"]


def test_a_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    (error,) = load(path).errors
    assert "damaged or not a Word document" in error.message


def test_a_document_without_okrs_is_an_input_error(tmp_path):
    document = docx.Document()
    document.add_paragraph("Minutes of the planning meeting")
    document.add_paragraph("We talked about the budget.")
    path = tmp_path / "minutes.docx"
    document.save(path)
    result = load(path)
    assert result.sets == () and len(result.errors) == 1
    assert result.errors[0].location.line == 1


def test_cli_reads_docx_and_exits_2_on_a_broken_one(tmp_path):
    english_draft(tmp_path)
    (tmp_path / "broken.docx").write_bytes(b"nope")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-m", "okrlint", "check", "support.docx", "broken.docx"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "broken.docx" in done.stderr
    assert "support.docx:" in done.stdout


def test_labels_and_heading_around_a_word_table_give_its_team_and_period(tmp_path):
    document = docx.Document()
    document.add_heading("แผนปฏิบัติการ กลุ่มงานเภสัชกรรม ปีงบประมาณ 2570", level=1)
    document.add_paragraph("หน่วยงาน: กลุ่มงานเภสัชกรรม")
    document.add_paragraph("ผู้รับผิดชอบ: ภก.สมชาย")
    table = document.add_table(rows=3, cols=3)
    for column, header in enumerate(["วัตถุประสงค์", "ตัวชี้วัด", "ค่าเป้าหมาย"]):
        table.cell(0, column).text = header
    table.cell(1, 0).text = "ผู้ป่วยได้รับยาถูกต้องและปลอดภัย"
    table.cell(1, 1).text = "ความคลาดเคลื่อนในการจ่ายยา ลดลงจาก 3.2 เป็น 1.5 ครั้งต่อ 1,000 ใบสั่งยา"
    table.cell(1, 2).text = "≤ 1.5"
    table.cell(2, 1).text = "ระยะเวลารอรับยาเฉลี่ย"
    table.cell(2, 2).text = "ไม่เกิน 30 นาที"
    table.cell(1, 0).merge(table.cell(2, 0))
    path = tmp_path / "pharmacy.docx"
    document.save(path)
    result = load(path)
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "กลุ่มงานเภสัชกรรม" and okr_set.owner == "ภก.สมชาย"
    assert okr_set.period.kind == "fiscal_year" and okr_set.period.start.year == 2026
    assert [kr.uid for kr in okr_set.objectives[0].key_results] == [
        "กลุ่มงานเภสัชกรรม/o1/kr1", "กลุ่มงานเภสัชกรรม/o1/kr2"]


def test_okrs_in_paragraphs_and_in_a_table_of_one_document_are_one_set(tmp_path):
    document = docx.Document()
    document.add_paragraph("Team: support")
    document.add_paragraph("Objective: Answer customers while they still care")
    document.add_paragraph("Key results:")
    document.add_paragraph("Cut first reply time from 8 hours to 2 hours", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Objective", "Key result"
    table.cell(1, 0).text, table.cell(1, 1).text = "Help customers help themselves", "Raise self-service from 30% to 45%"
    path = tmp_path / "mixed.docx"
    document.save(path)
    result = load(path)
    assert result.errors == ()
    (okr_set,) = result.sets  # not two sets of team 'support' (a duplicate-team error)
    assert [(o.uid, [kr.uid for kr in o.key_results]) for o in okr_set.objectives] == [
        ("support/o1", ["support/o1/kr1"]), ("support/o2", ["support/o2/kr1"])]
    assert okr_set.objectives[1].location.path == "objectives[1]"
