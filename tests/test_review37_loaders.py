"""Review 37: the draft and Word loaders (own example documents, Thai and English): sections said to hold no OKRs,
objective headings that refer to a table, signature lines, the period in a title under a letterhead, and the
organisation named by an 'Org — Company OKRs' title."""

from __future__ import annotations

import io

import docx

from okrlint.load.docx import load_docx
from okrlint.load.draft import load_draft_file


def draft(name: str, text: str):
    return load_draft_file(name, text.encode("utf-8"), {})


def word(paragraphs, tables=(), name="plan.docx"):
    """paragraphs: (text, style) pairs and the marker "TABLE" where the next table stands."""
    document = docx.Document()
    tables = list(tables)
    for text, style in paragraphs:
        if text == "TABLE":
            rows = tables.pop(0)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            continue
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return load_docx(name, buffer.getvalue(), {})


def titles(result):
    return [(o.title, [kr.title for kr in o.key_results]) for s in result.sets for o in s.objectives]


# --- 1. a section said to hold no OKRs, and a heading that ends an objective's section ---------------------------
def test_a_table_under_a_heading_saying_not_okrs_is_no_key_results():
    result = draft("plan.md", "# Harbour Bikes — Q3 2027\n\n## Objective 1: Riders come back every week\n\n"
                              "- Raise weekly repeat rides from 30% to 45%\n- Cut failed unlocks from 4% to 1%\n\n"
                              "## Health metrics we watch (not OKRs)\n\n| KPI | Q2 | Q3 |\n|---|---|---|\n"
                              "| Fleet size | 900 | 950 |\n| Staff | 41 | 44 |\n")
    assert titles(result) == [("Riders come back every week",
                               ["Raise weekly repeat rides from 30% to 45%", "Cut failed unlocks from 4% to 1%"])]
    notes = [str(note) for note in result.notes]
    assert any("plan.md:8:" in note and "Health metrics we watch (not OKRs)" in note and "not read as OKRs" in note
               for note in notes), notes


def test_a_thai_caption_over_a_table_saying_kpi_tracked_keeps_it_out():
    result = draft("แผน.md", "วัตถุประสงค์ที่ 1: ผู้ป่วยได้รับการตรวจเร็วขึ้น\n\n| ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |\n"
                            "|---|---|---|\n| ลดเวลารอตรวจ | 90 นาที | 40 นาที |\n| เพิ่มความพึงพอใจ | ร้อยละ 70 | ร้อยละ 85 |\n\n"
                            "ตัวชี้วัดประจำที่ติดตามรายเดือน\n\n| ตัวชี้วัด | ค่าเป้าหมาย |\n|---|---|\n| จำนวนเตียง | 120 |\n")
    assert [len(krs) for _, krs in titles(result)] == [2]
    assert any("ตัวชี้วัดประจำ" in str(note) for note in result.notes)


def test_a_list_under_a_line_saying_not_okrs_is_no_key_results():
    result = draft("plan.md", "Objective: Shoppers find what they need\n- Raise search success from 60% to 80%\n"
                              "- Cut zero-result searches from 12% to 5%\n\nBAU metrics (not part of our OKRs)\n"
                              "- Orders per day 3,000\n- Refund rate 2%\n")
    assert [len(krs) for _, krs in titles(result)] == [2]
    assert any("not read as OKRs" in str(note) for note in result.notes)


def test_a_heading_between_an_objective_and_a_table_ends_its_key_results():
    result = draft("plan.md", "## Objective 1: Riders come back every week\n\n- Raise weekly repeat rides from 30% to "
                              "45%\n- Cut failed unlocks from 4% to 1%\n\n## Appendix\n\n| Key result | Target |\n|---|---|\n"
                              "| Raise app rating from 3.9 to 4.5 | 4.5 |\n")
    first = titles(result)[0]
    assert first[0] == "Riders come back every week" and len(first[1]) == 2


def test_a_key_results_table_under_its_objective_still_belongs_to_it():
    result = draft("plan.md", "## Objective 1: Riders come back every week\n\n### Key results\n\n"
                              "| Key result | Baseline | Target |\n|---|---|---|\n| Raise weekly repeat rides | 30% | 45% |\n"
                              "| Cut failed unlocks | 4% | 1% |\n")
    assert titles(result) == [("Riders come back every week", ["Raise weekly repeat rides", "Cut failed unlocks"])]
    assert not result.notes


def test_an_objective_about_health_metrics_is_still_read():
    result = draft("plan.md", "## Objective 1: Members improve their health metrics\n\n| Key result | Target |\n"
                              "|---|---|\n| Raise members with a normal blood pressure from 40% to 55% | 55% |\n")
    assert [len(krs) for _, krs in titles(result)] == [1]


# --- 2. an objective heading that refers to the table; signature lines --------------------------------------------
def test_an_objective_heading_that_refers_to_the_table_is_the_tables_objective():
    result = word([
        ("แผน OKR กองคลัง ประจำปี 2571", "Heading 1"),
        ("วัตถุประสงค์ที่ 1: ผู้ขายได้รับเงินตรงเวลา", "Heading 2"),
        ("ผลลัพธ์หลัก:", None),
        ("ลดเวลาเบิกจ่ายจาก 30 วัน เหลือ 10 วัน", "List Number"),
        ("เพิ่มสัดส่วนเอกสารที่ผ่านครั้งแรกจากร้อยละ 60 เป็นร้อยละ 90", "List Number"),
        ("วัตถุประสงค์ที่ 2 (ดูตารางด้านล่าง)", "Heading 2"),
        ("", None),
        ("TABLE", None),
        ("", None),
        ("ลงชื่อ ................................ ผู้อำนวยการกองคลัง", None),
        ("(นายสมชาย ตั้งใจ)", None),
    ], tables=[[["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"],
                ["หน่วยงานวางแผนงบได้แม่นยำ", "ลดส่วนต่างงบที่ตั้งกับที่ใช้จริง", "ร้อยละ 25", "ร้อยละ 10"],
                ["หน่วยงานวางแผนงบได้แม่นยำ", "เพิ่มโครงการที่ส่งแผนตรงเวลา", "ร้อยละ 50", "ร้อยละ 90"]]])
    assert [t for t, _ in titles(result)] == ["ผู้ขายได้รับเงินตรงเวลา", "หน่วยงานวางแผนงบได้แม่นยำ"]
    assert str(result.sets[0].period.start) == "2028-01-01"


def test_a_pending_title_does_not_reach_past_a_long_gap_nor_take_a_signature():
    result = draft("plan.md", "Objective 1: Patients are seen on time\n- Cut waiting from 50 min to 20 min\n"
                              "- Raise on-time starts from 60% to 85%\n\nObjective 2:\n\n\n\n\nApproved by: Dr. Ada Park\n")
    assert [t for t, _ in titles(result)] == ["Patients are seen on time", ""]
    result = draft("plan.md", "Objective 1: Patients are seen on time\n- Cut waiting from 50 min to 20 min\n"
                              "- Raise on-time starts from 60% to 85%\n\nSigned: ______________  (Head of Clinics)\n"
                              "- Dr. Ada Park\n")
    assert [len(krs) for _, krs in titles(result)] == [2]


def test_a_title_on_the_line_after_its_label_is_still_read():
    result = draft("plan.md", "Objective:\n\nSigned contracts bring repeat revenue\n"
                              "- Raise renewals from 60% to 80%\n- Cut churn from 9% to 5%\n")
    assert [t for t, _ in titles(result)] == ["Signed contracts bring repeat revenue"]


# --- 3. the period in a title under a letterhead; a year not read is said ---------------------------------------
def test_the_period_of_a_heading_under_a_letterhead_line():
    result = word([
        ("บริษัท ท่าเรือทองขนส่ง จำกัด", None),
        ("แผน OKR ฝ่ายปฏิบัติการ ประจำปี 2571", "Heading 1"),
        ("วัตถุประสงค์: ส่งของถึงมือลูกค้าตรงเวลา", "Heading 2"),
        ("เพิ่มการส่งตรงเวลาจากร้อยละ 80 เป็นร้อยละ 95", "List Number"),
        ("ลดของเสียหายจาก 40 ชิ้น เหลือ 10 ชิ้นต่อเดือน", "List Number"),
    ])
    okr_set = result.sets[0]
    assert okr_set.period is not None and str(okr_set.period.start) == "2028-01-01"
    assert not result.notes


def test_a_plan_without_a_period_whose_preamble_names_a_year_says_so():
    result = draft("plan.md", "Northwind Health Trust\n\nPatient services plan, approved 2027\n\n"
                              "Objective: Patients get answers fast\n- Cut wait from 9 min to 2 min\n"
                              "- Raise CSAT from 70% to 85%\n")
    assert result.sets[0].period is None
    assert any("no period was read" in str(note) and "'2027'" in str(note) for note in result.notes)


def test_no_note_when_the_period_is_read():
    result = draft("plan.md", "# Support OKRs Q3 2027\n\nObjective: Patients get answers fast\n"
                              "- Cut wait from 9 min to 2 min\n- Raise CSAT from 70% to 85%\n")
    assert result.sets[0].period is not None and not result.notes


# --- 4. the organisation in an 'Org — Company OKRs' title ------------------------------------------------------
def test_an_org_company_okrs_title_names_the_team_when_the_file_name_says_only_the_period():
    text = ("# Brightwater Dental — Company OKRs 2028\n\nObjective: Patients book again\n"
            "- Raise rebooking from 40% to 60%\n- Cut no-shows from 12% to 6%\n")
    assert draft("H1 draft v2.md", text).sets[0].team == "Brightwater Dental"
    assert draft("okrs/2028 plan.md", text).sets[0].team == "Brightwater Dental"
    assert draft("brightwater-north.md", text).sets[0].team == "brightwater-north"  # the file names a unit
