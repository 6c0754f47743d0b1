"""Review 39 (a Thai faculty's FY2570 plan with its departments' workbook; a Thai retail chain's CSV, Notion and
LINE drafts): a reference naming the unit above the writer without its name ("วัตถุประสงค์ที่ 1 ของคณะ", "the
faculty's objective 2") finds that unit's plan even when every set was read at the default level, and is quoted as
written; Thai and English unit words are level words."""

import textwrap

import pytest

from okrlint.engine import Engine
from okrlint.load.draft_alignment import names_unit, reference_as_read, unit_of_reference
from okrlint.load.draft_fields import level_of
from okrlint.testing import lint_documents


def _lint(documents: dict[str, str], select: list[str], messages: str = "en"):
    found = lint_documents([(name, textwrap.dedent(text).lstrip("\n")) for name, text in documents.items()],
                           select=select, messages=messages)
    return sorted((f.code, f.location.file, f.location.line, f.message)
                  for f in found)


def _sets(name: str, text: str):
    engine = Engine()
    source = engine.source_from_bytes(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"))
    sets, errors, _notes = engine.load(source)
    return sets


# --- 1. the unit above, named by what it is --------------------------------------------------------------
FACULTY_TH = """
    # OKR คณะวิทยาศาสตร์ ปีงบประมาณ 2570

    ## วัตถุประสงค์ที่ 1: บัณฑิตได้งานทำตรงสาขา
    - เพิ่มร้อยละบัณฑิตที่ได้งานทำจาก 70% เป็น 85%

    ## วัตถุประสงค์ที่ 2: ภาคเอกชนนำงานวิจัยไปใช้
    - เพิ่มจำนวนงานวิจัยที่ภาคเอกชนนำไปใช้จาก 3 เป็น 8 เรื่อง
    """
DEPARTMENT_TH = """
    # OKR ภาควิชาเคมี ปีงบประมาณ 2570

    ## วัตถุประสงค์ที่ 1: บัณฑิตเคมีได้งานในห้องปฏิบัติการ
    สอดคล้องกับ: วัตถุประสงค์ที่ 1 ของคณะ
    - เพิ่มร้อยละบัณฑิตที่ได้งานในห้องปฏิบัติการจาก 40% เป็น 60%

    ## วัตถุประสงค์ที่ 2: ห้องปฏิบัติการเอกชนใช้ผลงานวิจัยเคมี
    สอดคล้องกับ: วัตถุประสงค์ที่ 3 ของคณะ
    - เพิ่มจำนวนงานวิจัยที่ภาคเอกชนนำไปใช้จาก 1 เป็น 3 เรื่อง
    """


def test_a_department_finds_its_faculty_by_the_unit_word():
    found = _lint({"sci/faculty.okr.md": FACULTY_TH, "sci/chem.okr.md": DEPARTMENT_TH}, ["ALN001"], "th")
    assert len(found) == 1, found  # objective 1 of the faculty is found; objective 3 does not exist
    assert found[0][2] == 8 and "'วัตถุประสงค์ที่ 3 ของคณะ'" in found[0][3]  # quoted as written


def test_the_unit_above_is_not_the_writer_nor_a_sibling():
    sibling = DEPARTMENT_TH.replace("ภาควิชาเคมี", "ภาควิชาฟิสิกส์").replace("ที่ 3 ของคณะ", "ที่ 2 ของคณะ")
    found = _lint({"sci/chem.okr.md": DEPARTMENT_TH, "sci/phys.okr.md": sibling}, ["ALN001"], "th")
    assert len(found) == 4  # no faculty plan in the run: nothing to find, whatever the departments are named


ENGLISH_FACULTY = """
    # Faculty of Science OKRs FY2027
    Level: Faculty

    ## Objective 1: Graduates find work they trained for
    - Raise the graduate employment rate from 70% to 85%

    ## Objective 2: Industry uses our research
    - Grow industry-funded research from $1.2m to $2m
    """
ENGLISH_DEPARTMENT = """
    # Chemistry Department OKRs FY2027

    ## Objective 1: Chemistry graduates are hired by labs
    Aligns to: Objective 1 of the faculty
    - Raise the share of graduates hired by labs from 40% to 60%

    ## Objective 2: Lab partners fund our research
    Aligns to: the faculty's objective 2
    - Grow partner funding from $200k to $350k

    ## Objective 3: Partners renew their contracts
    Aligns to: Faculty objective 5
    - Grow the renewal rate from 50% to 70%
    """


def test_english_unit_references_and_a_written_level():
    found = _lint({"sci/faculty.okr.md": ENGLISH_FACULTY, "sci/chem.okr.md": ENGLISH_DEPARTMENT}, ["ALN001"])
    assert len(found) == 1 and "'Faculty objective 5'" in found[0][3], found


@pytest.mark.parametrize("written, level", [
    ("คณะ", "department"), ("ระดับคณะ", "department"), ("ภาควิชา", "team"), ("สาขาวิชา", "team"),
    ("มหาวิทยาลัย", "company"), ("กระทรวง", "company"), ("กอง", "department"), ("สำนัก", "department"),
    ("งาน", "team"), ("ทีม", "team"), ("องค์กร", "company"),
    ("Faculty", "department"), ("Division level", "department"), ("department-level", "department"),
    ("Organisation", "company"), ("University", "company"), ("Squad", "team"), ("Team", "team"),
    ("Company", "company"), ("คณะ (Faculty)", "department"),
])
def test_unit_words_are_level_words(written, level):
    assert level_of(written) == level


def test_an_unknown_level_is_kept_for_the_structure_rule():
    assert level_of("galaxy") == "galaxy"


def test_faculty_level_makes_the_department_find_it():
    found = _lint({"sci/faculty.okr.md": FACULTY_TH.replace("2570\n", "2570\n    ระดับ: คณะ\n", 1),
                   "sci/chem.okr.md": DEPARTMENT_TH}, ["ALN001"], "th")
    assert len(found) == 1


@pytest.mark.parametrize("named, unit", [
    ("คณะ", "คณะ"), ("ของกอง", "กอง"), ("the faculty", "faculty"), ("Directorate's", "directorate"),
    ("our dept", "department"), ("the division-level", "division"),
    ("คณะวิทยาศาสตร์", None), ("the company", None), ("Marketing", None),
])
def test_unit_of_reference(named, unit):
    assert unit_of_reference(named) == unit


@pytest.mark.parametrize("team, unit, expected", [
    ("คณะเกษตรศาสตร์และทรัพยากรธรรมชาติ", "คณะ", True),
    ("ภาควิชาพืชศาสตร์ คณะเกษตรศาสตร์", "คณะ", False),  # a department of the faculty, not the faculty
    ("Faculty of Science", "faculty", True), ("Finance Department", "department", True),
    ("Sales", "department", False),
])
def test_names_unit(team, unit, expected):
    assert names_unit(team, unit) is expected


def test_references_read_as_written_for_units_only():
    # the loaders keep every reference as written (review 59); the org index reads it so
    assert reference_as_read("วัตถุประสงค์ที่ 1 ของคณะ") == "วัตถุประสงค์ที่ 1 ของคณะ"
    assert reference_as_read("วัตถุประสงค์ที่ ๒ ของมหาวิทยาลัย") == "วัตถุประสงค์ที่ ๒ ขององค์กร"
    assert reference_as_read("Objective 3 of the university") == "company objective 3"
    assert reference_as_read("the directorate's objective 1") == "the directorate's objective 1"


# --- 2. a tracker's labelled confidence --------------------------------------------------------------------
@pytest.mark.parametrize("title, confidence", [
    ("NPS ลูกค้าสมาชิก จาก 32 เป็น 45 · confidence 0.7", "0.7"),
    ("Raise NPS from 30 to 45 | Confidence: 70%", "70%"),
    ("ลดเวลาโหลดหน้าเว็บ จาก 4.8 เหลือ 2.0 วินาที — ความมั่นใจ 0.6", "0.6"),
    ("Raise NPS from 30 to 45 — @Jon · conf 7/10", "7/10"),
    ("Raise NPS from 30 to 45 · 🟢 on track · Confidence: High", "High"),
])
def test_a_labelled_confidence_leaves_the_title(title, confidence):
    from okrlint.load.draft_fields import read_tracker_tail

    text, _owner, _score, read = read_tracker_tail(title)
    assert read == confidence and "onfidence" not in text and "มั่นใจ" not in text


@pytest.mark.parametrize("title", [
    "Raise customer confidence — 0.7", "Raise the confidence score from 3 to 4", "เพิ่มความมั่นใจของลูกค้า จาก 60% เป็น 80%",
])
def test_confidence_as_the_measure_stays_in_the_title(title):
    from okrlint.load.draft_fields import read_tracker_tail

    assert read_tracker_tail(title)[0] == title


NOTION = """
    # E-commerce Q1 2570 OKRs

    ## O1: ลูกค้าออนไลน์ได้รับสินค้าครบและตรงเวลา
    - 🟢 KR1: อัตราการจัดส่งตรงเวลา จาก 86% เป็น 95% · confidence 0.7
    - 🟡 KR2: conversion rate จาก 1.8% เป็น 2.6% · confidence 1.5
    """


def test_notion_confidence_is_read_and_checked():
    (okr_set,) = _sets("ecom.okr.md", NOTION)
    first, second = okr_set.objectives[0].key_results
    assert first.confidence == 0.7 and first.title.endswith("95%")
    found = _lint({"ecom.okr.md": NOTION}, ["STR004"])
    assert [f[2] for f in found] == [5]


# --- 3. a comments block headed by its word alone ------------------------------------------------------------
@pytest.mark.parametrize("head", ["💬 Comments", "Comments (2)", "💬 ความคิดเห็น", "- Notes", "📝 หมายเหตุ"])
def test_a_comments_block_is_not_key_results(head):
    text = f"""
        # Growth OKRs Q1 2027

        ## O1: Shoppers find what they came for
        - KR1: Raise search success from 60% to 75%

        ---
        {head}
        - @Pim: KR1 baseline is from which month?
        - @Nok: agreed
        """
    (okr_set,) = _sets("growth.okr.md", text)
    assert [kr.title for o in okr_set.objectives for kr in o.key_results] == ["Raise search success from 60% to 75%"]


def test_a_key_result_about_feedback_is_still_one():
    text = """
        # Support OKRs Q1 2027

        ## O1: Customers get answers they trust
        - Raise the feedback score from 3.9 to 4.4
        - Comments answered within a day from 70% to 90%
        """
    (okr_set,) = _sets("support.okr.md", text)
    assert len(okr_set.objectives[0].key_results) == 2


# --- 4. a Notion export's page id; 6. names with '&' -------------------------------------------------------
@pytest.mark.parametrize("stem, team", [
    ("E-commerce Q1 2570 OKRs 8c2f1e0a9b7d4e11a2b3c4d5e6f7a8b9", "E-commerce"),
    ("Sales OKRs 0123456789abcdef0123456789abcdef", "Sales"),
    ("OKR ฝ่ายขาย 2570 0123456789abcdef0123456789abcdef", "ฝ่ายขาย"),
    ("Customer-Success OKRs v2", "Customer-Success"),
    ("Sales-OKRs-Q1", "Sales"),
])
def test_file_name_noise(stem, team):
    from okrlint.load.draft import without_file_name_noise

    assert without_file_name_noise(stem) == team


@pytest.mark.parametrize("title, team", [
    ("ร่าง OKR ทีม Click & Collect ไตรมาส 1/2570", "ทีม Click & Collect"),
    ("OKR ฝ่าย R & D ปี 2570", "ฝ่าย R & D"),
    ("Team Click & Collect — Q1 2027 OKRs", "Click & Collect"),
    ("OKR ทีม Growth Marketing Q1 2570", "ทีม Growth Marketing"),
])
def test_team_names_with_ampersands(title, team):
    (okr_set,) = _sets("draft.txt", f"{title}\n\nO1: ลูกค้าได้ของเร็ว\n- KR1: ลดเวลาจาก 45 เป็น 20 นาที\n")
    assert okr_set.team == team


# --- 5. a period column's header says what its cells are ---------------------------------------------------
@pytest.mark.parametrize("header, value, kind, month", [
    ("ไตรมาส", "1/2570", "quarter", 1), ("Quarter", "2/2027", "quarter", 4), ("ปีงบประมาณ", "2570", "fiscal_year", 10),
    ("Period", "1/2027", "month", 1),
])
def test_a_period_column_read_by_its_header(header, value, kind, month):
    csv = f"วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย,{header}\nลูกค้ากลับมาซื้อซ้ำ,อัตราซื้อซ้ำ,38%,50%,{value}\n"
    (okr_set,) = _sets("north.okr.csv", csv)
    assert okr_set.period.kind == kind and okr_set.period.start.month == month


# --- 7. activities and vague comparatives ----------------------------------------------------------------
KRS = """
    OKR ทีมสาขา ไตรมาส 1/2570

    O1: ลูกค้าซื้อของในสาขาบ่อยขึ้น
    - KR1: จำนวนโปรโมชั่นที่จัดในสาขา จาก 8 เป็น 12
    - KR2: จำนวนออเดอร์ที่จัดส่งตรงเวลา จาก 80 เป็น 95
    - KR3: Raise the number of campaigns run from 4 to 8
    - KR4: จำนวนลูกค้าที่จัดงานกับเรา จาก 3 เป็น 6
    - KR5: อัตราซื้อซ้ำใน 30 วัน จาก 38% เป็น 50%

    O2: ทำให้ทีมสาขาเก่งขึ้น
    - KR1: ลดเวลาจัดเตรียมออเดอร์ จาก 45 นาที เหลือ 20 นาที
    - KR2: ร้อยละออเดอร์ที่ได้ของครบ จาก 91% เป็น 98%
    """


def test_a_count_of_what_the_team_holds_is_an_activity():
    lines = {line for _code, _file, line, _message in _lint({"branch.txt": KRS}, ["MEA005"])}
    assert 4 in lines and 6 in lines and 5 not in lines and 7 not in lines and 8 not in lines


def test_a_quality_said_to_grow_is_vague_but_a_rate_is_not():
    lines = {line for _code, _file, line, _message in _lint({"branch.txt": KRS}, ["CLA003"])}
    assert lines == {10}
