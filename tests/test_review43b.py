"""Review 43 (a Thai state-enterprise deck) and review 44 point 9: company codes opening objectives, counts that are
no labels, several fields on one line, closing slides, the level of a unit's name, the period of a file's name."""

from __future__ import annotations

import io

import pytest

from okrlint.engine import period_of_name
from okrlint.load.draft import load_draft_file
from okrlint.load.draft_labels import OBJECTIVE, match_label


def _sets(text: str, name: str = "plan.md"):
    result = load_draft_file(name, text.encode(), {})
    return result.sets, result.errors


def _docx(paragraphs: list[tuple[str, str | None]]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style) if style else document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("text,ident", [("CO1 Passengers choose the boat", "CO1"), ("CO-2: องค์กรมั่นคงทางการเงิน", "CO2"),
                                        ("SO3 – Win the north", "SO3"), ("KO1 บุคลากรพร้อม", "KO1")])
def test_company_codes_open_objectives(text, ident):
    label = match_label(text)
    assert label is not None and label.kind == OBJECTIVE and label.ident == ident


@pytest.mark.parametrize("text", ["CO1 is the company goal", "CO1 และ CO2 สำคัญที่สุด", "CO1", "Co1 grow", "SO 2 things"])
def test_company_codes_in_sentences_stay_words(text):
    assert match_label(text) is None


def test_deck_corporate_slide_is_the_company_set_and_references_stay():
    data = _docx([
        ("OKR ฝ่ายบริการผู้โดยสาร", None), ("วัตถุประสงค์ระดับองค์กร (Corporate OKRs)", None),
        ("CO1 ผู้โดยสารเลือกเดินทางทางเรือ", "List Bullet"),
        ("จำนวนผู้โดยสารเพิ่มจาก ๘๕,๐๐๐ คน เป็น ๑๐๐,๐๐๐ คน", "List Bullet 2"),
        ("ดัชนีความพึงพอใจเพิ่มจาก ๗๔ เป็น ๘๒ คะแนน", "List Bullet 2"),
        ("CO2 องค์กรมีความมั่นคงทางการเงิน", "List Bullet"), ("EBITDA เป็นบวก ๕๐ ล้านบาท", "List Bullet 2"),
        ("ฝ่าย: ฝ่ายบริการผู้โดยสาร", "List Bullet"),
        ("วัตถุประสงค์ ๕ ข้อ ผลลัพธ์หลัก ๑๓ ข้อ ทบทวนรายไตรมาส", "List Bullet"),
        ("วัตถุประสงค์ที่ ๑: ผู้โดยสารขึ้นเรือได้ตรงเวลา", None),
        ("KR1 ลดเวลารอเรือจาก ๑๘ นาที เหลือ ๑๐ นาที", "List Bullet"),
        ("KR2 เพิ่มเที่ยวเรือตรงเวลาจาก ๗๘% เป็น ๙๒%", "List Bullet"),
        ("สอดคล้องกับ: CO1    ผู้รับผิดชอบ: กองเดินเรือ    ความมั่นใจ: 0.7    สถานะ: เขียว", None),
    ])
    from okrlint.load.docx import load_docx

    result = load_docx("deck.docx", data, {})
    company, own = result.sets
    assert company.level == "company" and [o.id for o in company.objectives] == ["CO1", "CO2"]
    assert len(company.objectives[0].key_results) == 2
    assert own.level == "department" and own.team == "ฝ่ายบริการผู้โดยสาร"
    [objective] = own.objectives  # the count "วัตถุประสงค์ ๕ ข้อ" is no objective
    assert objective.aligns_to == ("CO1",) and objective.owner == "กองเดินเรือ"
    assert all(kr.confidence is None and kr.owner is None for kr in objective.key_results)


def test_codes_in_every_objective_stay_one_set():
    sets, _ = _sets("CO1 Grow revenue\n- Raise ARR from 1M to 2M\n\nCO2 Keep customers\n- Cut churn from 5% to 3%\n")
    assert len(sets) == 1 and [o.id for o in sets[0].objectives] == ["CO1", "CO2"]


@pytest.mark.parametrize("line", ["- วัตถุประสงค์ ๕ ข้อ ผลลัพธ์หลัก ๑๓ ข้อ", "- เป้าประสงค์ 3 ด้าน ได้แก่",
                                  "- Objectives: 5, key results: 13", "- วัตถุประสงค์: ๕ ข้อ"])
def test_a_count_is_no_objective(line):
    sets, _ = _sets(f"# OKR ทีมขาย\n\n{line}\n\nObjective 1: ลูกค้าพึงพอใจ\n- เพิ่มคะแนนจาก 70 เป็น 85\n- ลดข้อร้องเรียนจาก 40 เหลือ 20\n")
    assert [o.title for o in sets[0].objectives] == ["ลูกค้าพึงพอใจ"]


def test_a_numbered_thai_label_with_a_title_is_still_an_objective():
    assert match_label("วัตถุประสงค์ ๒ ข้อมูลถูกต้องครบถ้วน").kind == OBJECTIVE


def test_several_fields_on_one_line_english():
    sets, _ = _sets("Team: Growth | Owner: Dana · Period: Q3 2026\n\nObjective 1: Customers love us\n"
                    "Aligns to: CO1 | Owner: Sam | Confidence: 0.6 · Status: on track\n"
                    "- Raise NPS from 30 to 45\n  Owner: Kim    Confidence: 0.4\n- Cut churn from 5% to 3%\n")
    okr_set = sets[0]
    assert okr_set.team == "Growth" and okr_set.owner == "Dana" and okr_set.period is not None
    objective = okr_set.objectives[0]
    assert objective.aligns_to == ("CO1",) and objective.owner == "Sam"
    assert objective.key_results[0].owner == "Kim" and objective.key_results[0].confidence == 0.4


def test_objective_owner_line_with_status_after_the_list():
    sets, _ = _sets("วัตถุประสงค์ที่ 1: ท่าเรือดีขึ้น\n- เพิ่มคะแนนจาก 70 เป็น 85\n- ลดข้อร้องเรียนจาก 40 เหลือ 20\n"
                    "ผู้รับผิดชอบ: กองบริหารท่าเรือ    สถานะ: แดง (รอข้อมูล)\n")
    objective = sets[0].objectives[0]
    assert objective.owner == "กองบริหารท่าเรือ" and objective.key_results[-1].owner is None


@pytest.mark.parametrize("closing", ["Questions?", "Thank you / Q&A", "ขอบคุณ / Q&A", "ขอบคุณครับ"])
def test_closing_slide_bullets_are_no_key_results(closing):
    sets, _ = _sets(f"Objective 1: Customers get answers fast\n- Cut response time from 8h to 2h\n- Raise CSAT from 80 to 90\n\n"
                    f"{closing}\n- Data as of 12 Oct 2026\n- ติดต่อ: กองแผน โทร 1234\n")
    assert len(sets[0].objectives[0].key_results) == 2


@pytest.mark.parametrize("title,level", [("OKR กองคลัง", "department"), ("OKR ฝ่ายบริการผู้โดยสาร", "department"),
                                         ("Team: Division of Operations", "department"), ("OKR ทีมขาย", "team"),
                                         ("OKR กองทุนหมู่บ้าน", "team"), ("OKR สำนักปลัด", "department")])
def test_level_from_the_unit_word_of_the_name(title, level):
    sets, _ = _sets(f"{title}\n\nObjective 1: Faster payments\n- Cut days from 10 to 5\n- Raise on-time from 70% to 90%\n")
    assert sets[0].level == level


def test_level_line_wins_over_the_unit_word():
    sets, _ = _sets("OKR ฝ่ายขาย\nระดับ: ทีม\n\nObjective 1: Faster payments\n- Cut days from 10 to 5\n- Raise x from 70% to 90%\n")
    assert sets[0].level == "team"


@pytest.mark.parametrize("name,expected", [("Team Examples (2026 Update).txt", None), ("plan (copy).md", None),
                                           ("OKRs (from slides) Q3 2026.md", "quarter"), ("sales okrs 2026.txt", "year")])
def test_period_of_name_ignores_bracketed_remarks(name, expected):
    period = period_of_name(name)
    assert (period.kind if period else None) == expected


def test_no_period_warning_agrees_with_the_file_name():
    text = "Acme OKRs — our plan for 2026\n\nObjective 1: Customers love us\n- Raise NPS from 30 to 45\n- Cut churn from 5% to 3%\n"
    warned = load_draft_file("Team Examples (2026 Update).txt", text.encode(), {})
    named = load_draft_file("sales okrs 2026.txt", text.encode(), {})
    assert any("no period was read" in n.message for n in warned.notes)
    assert not any("no period was read" in n.message for n in named.notes)
