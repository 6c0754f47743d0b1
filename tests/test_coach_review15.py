"""What the fifteenth coach review (a Thai government department preparing ปีงบประมาณ 2570: a กรม plan in a Word
table, units' workbooks and documents) found. The examples are written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from coach_support import findings  # noqa: F401 - shared with the other review tests


def _body(*krs: str) -> str:
    return "team: a\nobjectives:\n  - title: ผู้รับบริการได้รับการดูแลที่ดี\n    key_results:\n" + "".join(f"      - {kr}\n" for kr in krs)


@pytest.mark.parametrize("kr", [
    "ร้อยละของผู้สูงอายุที่ได้รับการคัดกรองแล้วมีระดับความเสี่ยงลดลง จาก 40 เป็น 55",  # a direction inside what is counted
    "ร้อยละของงานบริการที่ลดขั้นตอนและระยะเวลาได้ จาก 40 เป็น 60",
    "ร้อยละของเรื่องร้องเรียนที่แจ้งผลแก่ผู้ร้องภายใน 15 วันทำการ จาก 58 เป็น 85",  # complaints counted, not the measure
    "คะแนนความพึงพอใจเฉลี่ยของผู้ร้องต่อการจัดการเรื่องร้องเรียน จาก 3.9 เป็น 4.4",  # a score: higher is better
    "Share of patients whose fall risk decreased from 40% to 55%",
])
def test_words_in_the_clause_that_says_what_is_counted_do_not_set_the_direction(tmp_path, kr):
    assert not findings(tmp_path, _body(kr, "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที"), "kr-direction-mismatch")


def test_a_direction_verb_that_heads_the_key_result_still_counts(tmp_path):
    assert findings(tmp_path, _body("ลดอัตราการลาออก จาก 12 เป็น 18", "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที"),
                    "kr-direction-mismatch")


def test_a_share_named_first_moves_in_small_steps_near_the_top(tmp_path):
    assert not findings(tmp_path, _body("ร้อยละความพร้อมใช้งานของระบบบริการประชาชน จาก ๙๘.๕ เป็น ๙๙.๕",
                                        "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที"), "kr-small-step")


def test_a_folder_names_the_documents_it_cannot_read(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from okrlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "team.okr.yaml").write_text(_body("ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที",
                                                          "เพิ่มความพึงพอใจจาก 3.9 เป็น 4.4"), encoding="utf-8")
    (tmp_path / "org" / "plan-2570.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--messages", "en", "org"])
    assert "org: not read, in formats okrlint cannot read: org/plan-2570.doc (save documents as .docx" in result.stderr


@pytest.mark.parametrize("name, key", [
    ("กองส่งเสริมสวัสดิการผู้สูงอายุ (กสว.)", "กองส่งเสริมสวัสดิการผู้สูงอายุ"),  # a Thai unit's initials after its name
    ("Growth (EU)", "growth(eu)"),  # a qualifier that tells teams apart stays
])
def test_a_thai_units_initials_in_brackets_do_not_make_another_team(name, key):
    from okrlint.org import team_key

    assert team_key(name) == key


def test_alignment_lines_under_a_thai_objective_are_not_part_of_its_title(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "unit.okr.txt").write_text(textwrap.dedent("""\
        แผนปฏิบัติการ ศูนย์เทคโนโลยีสารสนเทศ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐

        ๑. วัตถุประสงค์ ประชาชนยื่นคำขอรับสวัสดิการทางออนไลน์ได้จบในครั้งเดียว
        ตอบสนองยุทธศาสตร์ที่ ๓ และสอดคล้องกับเป้าประสงค์ที่ ๔ ของกรม
        ตัวชี้วัด
        ๑.๑ ร้อยละของบริการที่ยื่นคำขอออนไลน์ได้ตั้งแต่ต้นจนจบ จาก ๓๕ เป็น ๗๐
        ๑.๒ จำนวนวันโดยเฉลี่ยที่ใช้พิจารณาคำขอ ลดลงจาก ๒๑ วัน เหลือ ๑๐ วัน
        ๒. วัตถุประสงค์ ระบบสารสนเทศของกรมพร้อมใช้งานและปลอดภัย
        (ตอบสนองยุทธศาสตร์ที่ ๓)
        ตัวชี้วัด
        ๒.๑ ร้อยละความพร้อมใช้งานของระบบบริการประชาชน จาก ๙๘.๕ เป็น ๙๙.๕
        ๒.๒ ลดจำนวนเหตุระบบล่มจาก ๑๒ ครั้ง เหลือ ๓ ครั้ง
        """), encoding="utf-8")
    (okr_set,) = Engine().run([str(tmp_path / "unit.okr.txt")], jobs=1).org.sets
    assert [(o.title, o.aligns_to) for o in okr_set.objectives] == [
        ("ประชาชนยื่นคำขอรับสวัสดิการทางออนไลน์ได้จบในครั้งเดียว", ("เป้าประสงค์ที่ ๔ ของกรม",)),
        ("ระบบสารสนเทศของกรมพร้อมใช้งานและปลอดภัย", ("ยุทธศาสตร์ที่ ๓",)),  # a plan outside the OKRs: not an orphan
    ]


@pytest.mark.parametrize("title, company", [
    ("แผนปฏิบัติราชการ กรมส่งเสริมคุณภาพชีวิตผู้สูงอายุ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐", True),
    ("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. ๒๕๗๐ ของกรมส่งเสริมคุณภาพชีวิต", True),
    ("แผนปฏิบัติราชการ กองคลัง กรมส่งเสริมคุณภาพชีวิต ประจำปีงบประมาณ 2570", False),  # a unit within the กรม
    ("แผนปฏิบัติการ สำนักงานเลขานุการกรม ปีงบประมาณ 2570", False),
])
def test_a_government_bodys_own_plan_is_its_top_level(title, company):
    from okrlint.load.draft import _COMPANY_TITLE

    assert bool(_COMPANY_TITLE.search(title)) == company


@pytest.mark.parametrize("text, activity", [
    ("ร้อยละของผู้ดูแลในครอบครัวที่ผ่านการอบรมแล้วดูแลผู้สูงอายุติดบ้านได้ถูกต้องตามแบบประเมิน", False),  # practice changed
    ("ร้อยละของครูที่ผ่านการอบรมสามารถจัดการเรียนรู้แบบ Active Learning", False),
    ("ร้อยละของบุคลากรที่ผ่านการอบรม", True),  # only put through training
])
def test_people_trained_who_now_do_the_work_right_are_an_outcome(text, activity):
    from okrlint.tags import classify_kind

    from coach_support import facts

    assert classify_kind(facts(text)).activity == activity


def test_a_kpi_definition_sheet_is_not_an_okr_set(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "kpi.okr.txt").write_text(textwrap.dedent("""\
        รายละเอียดตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๗๐
        ตัวชี้วัด: ร้อยละของผู้สูงอายุกลุ่มติดบ้านที่กลับมาเป็นกลุ่มติดสังคม
        คำอธิบาย: ผู้สูงอายุกลุ่มติดบ้าน หมายถึง ผู้ที่มีคะแนน ADL ๕–๑๑
        สูตรการคำนวณ: (จำนวนผู้ที่กลับมาติดสังคม ÷ จำนวนผู้สูงอายุกลุ่มติดบ้านทั้งหมด) × ๑๐๐
        แหล่งข้อมูล: ระบบฐานข้อมูลผู้สูงอายุ
        ผู้กำกับตัวชี้วัด: ผู้อำนวยการกอง
        """), encoding="utf-8")
    result = Engine().run([str(tmp_path / "kpi.okr.txt")], jobs=1)
    assert not result.org.sets and "the definition of one indicator" in result.errors[0].message


@pytest.mark.parametrize("text, placeholder", [
    ("ร้อยละของผู้สูงอายุที่ระบุสายด่วน ๑๓๐๐ ได้ถูกต้อง จาก 41 เป็น 65", False),  # ระบุ: to name, a verb
    ("ยอดขาย ระบุ บาท", True),  # standing where the value belongs
    ("ยอดขายเพิ่มเป็น (ระบุ) บาท", True),
])
def test_the_thai_word_to_specify_is_a_blank_only_standing_alone(text, placeholder):
    from coach_support import facts

    assert bool(facts(text).placeholders) == placeholder


def test_help_given_within_a_day_has_no_direction_word(tmp_path):
    # "ช่วยเหลือ" (help) is one word: its "เหลือ" is not "down to"
    assert not findings(tmp_path, _body("ร้อยละของกรณีที่ได้รับการช่วยเหลือภายใน ๒๔ ชั่วโมง จาก 70 เป็น 90",
                                        "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที"), "kr-direction-mismatch")


def test_paying_contractors_sooner_serves_someone(tmp_path):
    body = ("team: กองคลัง\nobjectives:\n  - title: ผู้รับจ้างได้รับเงินเร็วขึ้น\n    key_results:\n"
            "      - ระยะเวลาเฉลี่ยที่ผู้รับจ้างได้รับเงินหลังส่งมอบงาน จาก 18 วัน เหลือ 7 วัน\n"
            "      - ลดจำนวนเอกสารเบิกจ่ายที่ถูกตีกลับจาก 120 เป็น 40 ฉบับ\n")
    assert not findings(tmp_path, body, "no-customer-focus")


@pytest.mark.parametrize("text, activity", [
    ("จำนวนชมรมผู้สูงอายุที่ได้รับการส่งเสริม 120 ชมรม", True),  # what the unit supported, counted
    ("จำนวนข่าวประชาสัมพันธ์ที่เผยแพร่ 48 ข่าว", True),
    ("จำนวนเครือข่ายเฝ้าระวังในชุมชนที่จัดตั้งขึ้นใหม่ 150 แห่ง", True),
    ("จำนวนผู้สูงอายุที่ได้รับการส่งเสริมอาชีพแล้วมีรายได้เพิ่มขึ้น 500 คน", False),  # people whose income rose
    ("จำนวนวิสาหกิจชุมชนที่มียอดขายออนไลน์ 120 แห่ง", False),
])
def test_counts_of_what_a_unit_supported_or_published_are_outputs(text, activity):
    from okrlint.tags import classify_kind

    from coach_support import facts

    assert classify_kind(facts(text)).activity == activity


def test_an_alignment_cell_that_keeps_its_verb_still_resolves(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "dept.okr.yaml").write_text(textwrap.dedent("""\
        team: กรมส่งเสริม
        level: company
        objectives:
          - id: g1
            title: ผู้สูงอายุมีรายได้มั่นคง
          - id: g2
            title: ผู้สูงอายุได้รับการดูแลที่บ้าน
        """), encoding="utf-8")
    (tmp_path / "unit.okr.csv").write_text(
        "วัตถุประสงค์,สอดคล้องกับ,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\n"
        "ผู้ดูแลในครอบครัวดูแลผู้สูงอายุติดบ้านได้ถูกต้อง,สอดคล้องกับเป้าประสงค์ที่ ๒ ของกรม,ร้อยละของผู้ดูแลที่ดูแลได้ถูกต้อง,40,70\n"
        ",,ลดจำนวนผู้สูงอายุติดบ้านที่มีแผลกดทับ,120,60\n", encoding="utf-8")
    result = Engine().run([str(tmp_path)], jobs=1)
    names = {f.name for f in result.findings}
    assert "uncovered-objective" in names  # g1 only
    assert not {"dangling-reference", "orphan-objective"} & names
    assert sum(f.name == "uncovered-objective" for f in result.findings) == 1
