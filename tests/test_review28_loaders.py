"""Reading files as review 28 found them: a Thai sheet whose objective column is headed "เป้าหมาย", page furniture
in PDF text exports, template leftovers in filled Word forms, lessons bullets in a blog post, folder runs that
skipped a CSV without a word, emoji in team names taken from file names."""

from __future__ import annotations

import textwrap

import pytest

from okrlint.load.columns import field_for_header, read_header
from okrlint.load.draft import load_draft_file
from okrlint.load.spreadsheet import load_spreadsheet


def _draft(text: str, name: str = "unit.okr.md", **options):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _csv(text: str, name: str = "unit.csv", **options):
    return load_spreadsheet(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _objectives(result):
    return [o for s in result.sets for o in s.objectives]


# --- 1. "เป้าหมาย" beside "ค่าเป้าหมาย" is the objective column ------------------------------------------
@pytest.mark.parametrize("head", ["เป้าหมาย", "เป้าหมาย (Objective)", "เป้าหมายการพัฒนา", "เป้าหมายเชิงกลยุทธ์"])
@pytest.mark.parametrize("target", ["ค่าเป้าหมาย", "ค่าเป้าหมาย ปี 2570", "Target"])
def test_goal_column_beside_a_target_column_is_the_objective(head, target):
    result = _csv(f"""
        {head},ผลลัพธ์หลัก,ค่าฐาน,{target},หน่วยนับ
        ประชาชนมีน้ำสะอาดใช้ตลอดปี,ลดครัวเรือนที่น้ำประปาไม่ไหลเกิน 24 ชั่วโมง,180,40,ครัวเรือน
        ,ร้อยละครัวเรือนที่ได้น้ำผ่านเกณฑ์คุณภาพ,72,90,ร้อยละ
        """)
    [objective] = _objectives(result)
    assert objective.title == "ประชาชนมีน้ำสะอาดใช้ตลอดปี"
    assert [(kr.baseline, kr.target) for kr in objective.key_results] == [(180, 40), (72, 90)]


def test_goal_column_alone_is_still_the_target():
    assert field_for_header("เป้าหมาย") == "target"
    assert field_for_header("เป้าหมาย ปี 2570") == "target"
    assert read_header(["ตัวชี้วัด", "ค่าฐาน", "เป้าหมาย"], {}) == {"key_result": 0, "baseline": 1, "target": 2}
    # a year-qualified goal column is a target even beside another one; the first stays the target
    assert read_header(["ตัวชี้วัด", "เป้าหมายปี 2569", "ค่าเป้าหมาย"], {})["target"] == 1


def test_gloss_decides_an_ambiguous_header():
    assert field_for_header("เป้าหมาย (Objective)") == "objective"
    assert field_for_header("เป้าหมาย (Target)") == "target"
    assert field_for_header("Goal (เป้าหมาย)") == "objective"
    # a gloss never overrides a header that says what it is
    assert field_for_header("ค่าเป้าหมาย (Goal)") == "target"
    assert field_for_header("หน่วยงาน (Unit)") == "team"


def test_objective_column_and_goal_column_keep_the_real_target():
    columns = read_header(["วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย"], {})
    assert columns["objective"] == 0 and columns["target"] == 3


def test_mapping_still_wins_over_goal_column():
    columns = read_header(["เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย"], {"เป้าหมาย": "target", "ค่าเป้าหมาย": "ignore"})
    assert columns == {"target": 0, "key_result": 1}


# --- 2-3, 5. page furniture in text exports; text after a table of key results --------------------------
_HEADER = "ลำดับ  ตัวชี้วัด (ผลลัพธ์หลัก)                              ค่าฐาน ๒๕๖๙    ค่าเป้าหมาย ๒๕๗๐    หน่วยนับ"
_FOOT = "                                                                                - {} -"


def segments_start() -> int:
    from okrlint.load.text_tables import segments

    return segments(_HEADER)[1].start


def _row(cells: list[str]) -> str:
    """Cells padded to stand under the header's columns, by display width (Thai marks take none)."""
    from okrlint.load.text_tables import char_width, segments

    starts = [segment.start for segment in segments(_HEADER)]
    line = ""
    for start, cell in zip(starts, cells):
        width = sum(char_width(ch) for ch in line)
        line += " " * max(start - width, 2 if line else 0) + cell
    return line


def _school(wrap: bool) -> str:
    tail = "\n" + " " * segments_start() + "สัปดาห์ละ ๒ ครั้ง" if wrap else ""
    pages = []
    for number, (objective, kr) in enumerate([("นักเรียนอ่านคล่องตามวัย", "ร้อยละของนักเรียนที่อ่านหนังสืออย่างน้อย"),
                                              ("ครูใช้สื่อดิจิทัลในการสอน", "ร้อยละของครูที่ใช้สื่อดิจิทัลอย่างน้อย"),
                                              ("นักเรียนเขียนสื่อสารได้", "ร้อยละของนักเรียนที่เขียนเรียงความผ่านเกณฑ์")], 1):
        row = _row([f" {'๑๒๓'[number - 1]}.๑", kr, "๖๒", "๘๐", "ร้อยละ"])
        pages.append(f"วัตถุประสงค์ที่ {'๑๒๓'[number - 1]} {objective}\n\n{_HEADER}\n{row}"
                     f"{tail if number < 3 else ''}\n\n{_FOOT.format('๑๒๓'[number - 1])}\n")
    return "หน่วยงาน: กลุ่มทดสอบ\nปีงบประมาณ ๒๕๗๐\n\n" + "".join(pages)


@pytest.mark.parametrize("wrap", [False, True])
def test_repeated_table_header_and_wrapped_tail_are_not_page_furniture(wrap):
    result = _draft(_school(wrap), name="plan.txt")
    objectives = _objectives(result)
    assert [len(o.key_results) for o in objectives] == [1, 1, 1]
    krs = [o.key_results[0] for o in objectives]
    assert all((kr.baseline, kr.target) == (62, 80) for kr in krs)
    if wrap:
        assert [kr.title.endswith("สัปดาห์ละ ๒ ครั้ง") for kr in krs] == [True, True, False]


def test_wrapped_list_item_tail_repeated_at_two_page_ends_is_kept():
    text = ("Team: Reading\nPeriod: 2027\n\nObjective 1: Pupils read fluently\n"
            "- Raise the share of pupils who read at home from 40% to 60%, at least\n  twice a week\n\n"
            "- 1 -\nObjective 2: Teachers use digital media\n"
            "- Raise the share of teachers using digital media from 35% to 70%, at least\n  twice a week\n\n"
            "- 2 -\nObjective 3: Parents trust the school\n- Raise parent satisfaction from 3.9 to 4.3\n\n- 3 -\n")
    titles = [kr.title for o in _objectives(_draft(text, name="plan.txt")) for kr in o.key_results]
    assert titles[0].endswith("at least twice a week") and titles[1].endswith("at least twice a week")


def test_running_footer_under_text_is_still_dropped():
    text = ("Team: Reading\nPeriod: 2027\n\nObjective 1: Pupils read fluently\n"
            "- Raise the share of pupils who read at home from 40% to 60%\n"
            "Riverbank School OKRs 2027\n- 1 -\nObjective 2: Teachers use digital media\n"
            "- Raise the share of teachers using digital media from 35% to 70%\n"
            "Riverbank School OKRs 2027\n- 2 -\n")
    titles = [kr.title for o in _objectives(_draft(text, name="plan.txt")) for kr in o.key_results]
    assert titles == ["Raise the share of pupils who read at home from 40% to 60%",
                      "Raise the share of teachers using digital media from 35% to 70%"]


def test_note_and_signatures_after_a_table_are_no_description():
    text = _school(False).replace(
        f"{_FOOT.format('๓')}\n",
        "หมายเหตุ: ค่าฐาน ๒๕๖๙ มาจากรายงานผลการดำเนินงาน\n\n" + _FOOT.format("๓")
        + "\n\n          ลงชื่อ ........................ ผู้เสนอแผน\n                (นางวรรณา ศรีสุข)\n")
    text = text.replace("วัตถุประสงค์ที่ ๑ นักเรียนอ่านคล่องตามวัย\n",
                        "วัตถุประสงค์ที่ ๑ นักเรียนอ่านคล่องตามวัย\nหมายเหตุ: รวมนักเรียนทุกชั้น\n")
    objectives = _objectives(_draft(text, name="plan.txt"))
    assert objectives[0].description == "หมายเหตุ: รวมนักเรียนทุกชั้น"  # a note above the table still is
    assert not objectives[2].description


# --- 6. talk about last year's objectives is not an objective ---------------------------------------------
@pytest.mark.parametrize("line", [
    "- เป้าหมายที่ 2 ของปีที่แล้ว (ลดการยกเลิกบริการ) ทำได้แค่ครึ่งทาง",
    "- วัตถุประสงค์ที่ 3 ของปีที่แล้วตั้งไว้สูงเกินไป",
    "- วัตถุประสงค์ที่ 1 ควรวัดผลลูกค้าให้ชัดกว่านี้",
    "- Objective 2 of last year was only half met",
])
def test_lessons_bullet_about_an_objective_is_not_one(line):
    text = f"""
        # OKR บริษัท ปี 2570

        ## บทเรียนจากปีที่แล้ว

        {line}

        ## Objective 1: ร้านค้าเลือกเราเป็นระบบแรก
        - KR1: เพิ่มร้านค้าที่จ่ายเงินจาก 3,200 เป็น 8,000 ร้าน
        """
    assert [o.title for o in _objectives(_draft(text))] == ["ร้านค้าเลือกเราเป็นระบบแรก"]


@pytest.mark.parametrize("line", ["วัตถุประสงค์ที่ 1 ผู้รับบริการพึงพอใจ", "วัตถุประสงค์ที่ 1: ของขวัญถึงมือลูกค้าตรงเวลา",
                                  "เป้าหมายที่ 1 จัดการขยะให้ได้มาตรฐาน"])
def test_numbered_thai_objective_still_reads(line):
    text = f"{line}\nผลลัพธ์หลัก:\n1. เพิ่มความพึงพอใจจาก 80% เป็น 90%\n"
    assert len(_objectives(_draft(text))) == 1


# --- 7, 18. team names --------------------------------------------------------------------------------------
def test_bare_company_in_title_takes_the_name_the_title_gives():
    text = """
        # เปิดเป้าหมายปี 2570 ของขายคล่อง: OKR บริษัท ปี 2570 ฉบับเต็ม 🚀

        ## Objective 1: ร้านค้าเลือกเราเป็นระบบแรก
        - KR1: เพิ่มร้านค้าที่จ่ายเงินจาก 3,200 เป็น 8,000 ร้าน
        """
    assert _draft(text, name="post.md").sets[0].team == "ขายคล่อง"
    plain = text.replace("เปิดเป้าหมายปี 2570 ของขายคล่อง: ", "")
    assert _draft(plain, name="post.md").sets[0].team == "บริษัท"


@pytest.mark.parametrize(("name", "team"), [("[LINE] ทีมการตลาดออนไลน์ ☕.txt", "ทีมการตลาดออนไลน์"),
                                            ("🚀 Growth squad.okr.md", "Growth squad"), ("R&D.okr.md", "R&D")])
def test_emoji_in_a_file_name_names_no_team(name, team):
    from okrlint.load.draft import default_team

    assert default_team(name) == team


# --- 16. a folder's CSV that okrlint reads when named does not vanish -------------------------------------------
def _run_folder(folder):
    from okrlint.config import Config
    from okrlint.engine import Engine

    engine = Engine(Config())
    return engine, engine.run([str(folder)])


_CSV = "ฝ่าย,วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\r\nฝ่ายบุคคล,พนักงานอยากอยู่กับเรา,ลดอัตราการลาออกจาก 18% เป็น 10%,18,10\r\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_csv_without_bom_is_read_from_a_folder(tmp_path, encoding):
    (tmp_path / "hr_export.csv").write_bytes(_CSV.encode(encoding))
    (tmp_path / "prices.csv").write_text("sku,price\r\nA1,10\r\n", encoding="utf-8")  # no OKRs: still skipped
    engine, result = _run_folder(tmp_path)
    assert [len(s.objectives) for s in result.org.sets] == [1]
    assert not result.errors


def test_mixed_encoding_csv_in_a_folder_is_reported(tmp_path):
    data = _CSV.encode("utf-8") + "ฝ่ายบุคคล,พนักงานเติบโต,เพิ่มชั่วโมงอบรมจาก 6 เป็น 12,6,12\r\n".encode("cp874")
    (tmp_path / "fleet_merged.csv").write_bytes(data)
    engine, result = _run_folder(tmp_path)
    assert any("fleet_merged.csv" in str(error.location.file) for error in result.errors)


# --- 8-12, 19. a filled Word template ---------------------------------------------------------------------------
def _template(path, *, example_heading="ส่วนที่ 1 ตัวอย่างการกรอก (โปรดลบส่วนนี้ก่อนส่ง)"):
    import docx

    from okrlint.load.docx import load_docx

    document = docx.Document()
    document.add_paragraph("แบบฟอร์มการจัดทำ OKR ระดับฝ่าย", style="Title")
    document.add_paragraph("ฝ่าย: ฝ่ายบริการลูกค้า")
    document.add_paragraph("ช่วงเวลา: ไตรมาส 1/2570")
    document.add_paragraph("ผู้รับผิดชอบ: [ระบุชื่อหัวหน้าฝ่าย]")
    document.add_heading(example_heading, level=2)
    document.add_paragraph("วัตถุประสงค์: ลูกค้าได้รับพัสดุตรงเวลาทุกครั้ง")
    document.add_paragraph("ผลลัพธ์หลัก:")
    document.add_paragraph("เพิ่มอัตราการส่งพัสดุตรงเวลาจาก 85% เป็น 95%", style="List Number")
    document.add_heading("ส่วนที่ 2 OKR ของฝ่าย", level=2)
    rows = [
        ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "ผู้รับผิดชอบ"),
        ("ตัวอย่าง: ลูกค้าได้รับพัสดุตรงเวลา", "ตัวอย่าง: เพิ่มอัตราการส่งตรงเวลาจาก 85% เป็น 95%", "85%", "95%",
         "[ชื่อผู้รับผิดชอบ]"),
        ("1. ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก", "1.1 เพิ่มอัตราการแก้ปัญหาได้ในการติดต่อครั้งแรก",
         "58%", "75%", "คุณนก"),
        ("", "1.2 ลดเรื่องร้องเรียนพัสดุเสียหาย (เรื่อง/เดือน)", "120", "60", "[ชื่อผู้รับผิดชอบ]"),
        ("4. [ระบุวัตถุประสงค์ที่ 4 (ถ้ามี)]", "[ระบุผลลัพธ์หลัก]", "", "", ""),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.save(path)
    return load_docx(path.name, path.read_bytes(), {})


def test_filled_word_template_reads_only_the_teams_okrs(tmp_path):
    result = _template(tmp_path / "form.docx")
    [okr_set] = result.sets
    assert [o.title for o in okr_set.objectives] == ["ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก"]
    krs = okr_set.objectives[0].key_results
    assert [kr.owner for kr in krs] == ["คุณนก", None]  # a prompt names nobody
    assert okr_set.owner is None
    assert okr_set.level == "department"


def test_english_example_section_is_skipped():
    text = """
        # Customer Service OKR template — Q1 2027
        Team: customer-service
        Owner: [name of team lead]

        ## Example (delete this section before submitting)
        Objective: Parcels arrive when we promised
        Key results:
        1. Raise on-time delivery from 85% to 95%

        ## Our OKRs
        Objective: Customers get the right answer on first contact
        Key results:
        1. Raise first-contact resolution from 58% to 75%
        """
    [okr_set] = _draft(text).sets
    assert [o.title for o in okr_set.objectives] == ["Customers get the right answer on first contact"]
    assert okr_set.owner is None


@pytest.mark.parametrize("heading", ["## Objective 1: Set an example for the region",
                                     "## ตัวอย่างที่ 1 ของความสำเร็จ ลูกค้าได้คำตอบในครั้งแรก"])
def test_headings_that_only_mention_examples_are_read(heading):
    text = f"""
        {heading}
        Key results:
        1. Raise first-contact resolution from 58% to 75%
        """
    assert len(_objectives(_draft(text))) == 1
