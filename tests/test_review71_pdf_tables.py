"""Review 71, H3: in text pasted from a PDF (``pdftotext -layout``), a table row whose title wraps together with
another column's cell (a Lead, a "410 per" / "100,000" value) is one row, not two; a numbered section heading after
the table ("3. Risks and dependencies") ends the OKRs."""

from __future__ import annotations

from okrlint.load.draft import load_draft_file

WRAPPED = """\
CYPS Service Plan 2026/27

Objective 1: Children and families get help early

Key result                                          Baseline 2025/26   Target 2026/27     Lead
1.1 Increase the proportion of 2-2 year health      74%                90%                Head of Health
    reviews completed by 2 years                                                          Visiting
1.2 Reduce A&E attendances for self-harm among      410 per            340 per            Consultant
    10-24 year olds                                 100,000            100,000            Nurse
1.3 Raise the percentage of families rating the     88%                between 92%        Patient
    service good or very good (Friends and Family                      and 95%            Experience Lead
    Test)

3. Risks and dependencies

- Recruitment depends on the People team's time-to-hire work.
"""


def load(text: str, name: str = "plan.txt"):
    return load_draft_file(name, text.encode("utf-8"), {})


def rows(result):
    (okr_set,) = result.sets
    return [[(kr.title, kr.baseline_text, kr.target_text, kr.owner) for kr in o.key_results] for o in okr_set.objectives]


def test_a_row_wrapped_in_several_columns_is_one_key_result():
    (krs,) = rows(load(WRAPPED))
    assert krs == [
        ("Increase the proportion of 2-2 year health reviews completed by 2 years", "74%", "90%",
         "Head of Health Visiting"),
        ("Reduce A&E attendances for self-harm among 10-24 year olds", "410 per 100,000", "340 per 100,000",
         "Consultant Nurse"),
        ("Raise the percentage of families rating the service good or very good (Friends and Family Test)", "88%",
         "between 92% and 95%", "Patient Experience Lead"),
    ]


def test_an_unnumbered_line_with_new_values_is_still_a_row_of_its_own():
    text = """\
Objective 1: Grow

Key result                       Baseline   Target   Owner
1. Increase NPS                  30         50       Ann
Launch the partner app           0          1        Bob
2. Cut churn for new             5%         3%       Head of
   customers                                         Sales
"""
    (krs,) = rows(load(text))
    assert [(title, owner) for title, _, _, owner in krs] == [
        ("Increase NPS", "Ann"), ("Launch the partner app", "Bob"), ("Cut churn for new customers", "Head of Sales")]


def test_unnumbered_rows_at_the_title_column_stay_rows():
    text = """\
Objective 1: Grow

Key result                       Baseline   Target   Owner
Increase NPS                     30         50       Ann
Cut churn                        5%         3%       Bob
"""
    (krs,) = rows(load(text))
    assert [title for title, *_ in krs] == ["Increase NPS", "Cut churn"]


def test_a_thai_row_wrapped_with_its_owner():
    text = """\
วัตถุประสงค์ที่ 1: ประชาชนได้รับบริการรวดเร็ว

ตัวชี้วัด                                  ค่าฐาน ๒๕๖๘    ค่าเป้าหมาย ๒๕๗๐   ผู้รับผิดชอบ
๑.๑ ร้อยละของกรณีที่ได้รับการช่วยเหลือ          ๗๐              ๙๐             กองสาธารณสุข
    ภายใน ๒๔ ชั่วโมง                                                         และสิ่งแวดล้อม
๑.๒ จำนวนเรื่องร้องเรียนที่ค้าง               ๔๐ เรื่อง         ๑๐             กองช่าง

๓. ความเสี่ยงและปัจจัยที่ต้องพึ่งพา

- งบประมาณอาจล่าช้า
"""
    (krs,) = rows(load(text))
    assert [(title, owner) for title, _, _, owner in krs] == [
        ("ร้อยละของกรณีที่ได้รับการช่วยเหลือภายใน ๒๔ ชั่วโมง", "กองสาธารณสุขและสิ่งแวดล้อม"), ("จำนวนเรื่องร้องเรียนที่ค้าง", "กองช่าง")]


def test_a_numbered_section_heading_after_the_key_results_ends_them():
    (krs,) = rows(load(WRAPPED))
    assert len(krs) == 3  # not "Risks and dependencies" nor the risk under it
    listed = "Objective 1: Grow\n\n1. Raise NPS from 30 to 50\n2. Cut churn from 5% to 3%\n\n4. Next steps\n\n" \
             "- Agree owners at the June board.\n"
    (krs,) = rows(load(listed))
    assert [title for title, *_ in krs] == ["Raise NPS from 30 to 50", "Cut churn from 5% to 3%"]
    # unnumbered, after a table: the heading and its list are no key results either
    plain = WRAPPED.replace("3. Risks and dependencies", "Risks and dependencies")
    (krs,) = rows(load(plain))
    assert len(krs) == 3


def test_a_numbered_key_result_with_a_section_word_is_still_read():
    text = "Objective 1: Grow\n\n1. Raise NPS from 30 to 50\n\n2. Reduce open risks from 40 to 10\n\n3. Budget approved\n"
    (krs,) = rows(load(text))
    assert [title for title, *_ in krs] == ["Raise NPS from 30 to 50", "Reduce open risks from 40 to 10",
                                            "Budget approved"]
