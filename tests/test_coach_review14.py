"""What the fourteenth coach review (OKRs as they are published and passed around: a blog post, a wiki export, an
e-mail thread, a slide deck, a partly filled template, a Google Docs export with comments, a project plan, text
from a Thai agency's PDF) found. The examples are written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from okrlint.engine import Engine
from okrlint.load.draft_labels import match_label
from okrlint.text.numbers import read_numbers


def _sets(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    result = Engine().run([str(tmp_path / name)], jobs=1)
    return result


def _titles(result):
    return [(o.title, [kr.title for kr in o.key_results]) for s in result.org.sets for o in s.objectives]


def test_the_quoted_earlier_mail_is_not_read(tmp_path):
    result = _sets(tmp_path, "thread.okr.txt", """\
        Subject: Re: Draft Q1 OKRs

        Revised version:

        Objective 1: Every order leaves the warehouse on time
        - Raise same-day dispatch from 72% to 92%
        - Cut picking errors from 6.1 to 2.0 per 1,000 orders

        Best,
        Ploy

        On Fri, 11 Dec 2026 at 17:40, Napat <napat@example.com> wrote:
        > Objective 1: Every order leaves the warehouse on time
        > - Raise same-day dispatch from 72% to 92%
        > - Hire 12 pickers
        > Thanks,
        > Napat
        """)
    assert _titles(result) == [("Every order leaves the warehouse on time",
                                ["Raise same-day dispatch from 72% to 92%", "Cut picking errors from 6.1 to 2.0 per 1,000 orders"])]


def test_notes_and_alerts_in_quotes_are_not_key_results(tmp_path):
    result = _sets(tmp_path, "wiki.okr.md", """\
        ## Objective 1: Developers ship without waiting on us

        - Cut median CI time from 24 min to 9 min
        - Raise self-serve deploys from 35% to 80%

        > ⚠️ **Warning:** KR2 depends on the on-call change HR has not approved yet.

        > [!NOTE]
        > Numbers come from the CI dashboard.
        """)
    assert _titles(result) == [("Developers ship without waiting on us",
                                ["Cut median CI time from 24 min to 9 min", "Raise self-serve deploys from 35% to 80%"])]


@pytest.mark.parametrize("line, label", [
    ("KR2 under the first objective should be measured per 1,000 orders", None),
    ("KR3 is new. The checklist ships in May", None),
    ("KR1 Cut deploy time from 20 to 12 minutes", "kr_item"),
    ("Side note: we are hiring", "note"),
    ("Speaker notes: mention the pilot", "note"),
])
def test_a_label_named_in_a_sentence_does_not_open_an_item(line, label):
    found = match_label(line)
    assert (found.kind if found else None) == label


def test_a_project_plan_is_not_read_as_okrs(tmp_path):
    result = _sets(tmp_path, "plan.okr.md", """\
        # Project Plan: Warehouse system replacement

        ## 2. Project objectives

        1. Replace the legacy system at both warehouses before support ends.
        2. Keep fulfilment running with no more than 4 hours of downtime per site.

        ## 3. Scope

        - Receiving, picking and packing
        - Handheld scanners (replace 140 devices)

        ## 5. Success criteria

        - 99.5% inventory accuracy after go-live
        - Under 4 hours of downtime per site
        """)
    assert not result.org.sets and "no objectives found" in str(result.errors[0])


@pytest.mark.parametrize("text", ["xx ล้านบาท", "xx million", "N ล้านบาท", "TBD million THB"])
def test_a_scale_word_after_a_blank_is_no_number(text):
    assert read_numbers(text) == ()


@pytest.mark.parametrize("text, value", [("5 million", 5e6), ("ห้าล้านบาท", 5e6), ("a million users", 1e6)])
def test_scale_words_with_their_number_are_still_read(text, value):
    assert [n.value for n in read_numbers(text)] == [value]


def test_template_slots_are_not_titles(tmp_path):
    result = _sets(tmp_path, "template.okr.md", """\
        ## Objective 1: Analysts trust the numbers on the dashboards

        1. Cut data-quality incidents from 14 to 4 per month
        2. Raise tables with freshness checks from 20% to 70%

        ## Objective 2: [Objective]

        1. [Key result 1]
        2. [Key result 2]
        """)
    assert _titles(result)[1] == ("", ["", ""])
    assert {f.name for f in result.findings if f.location.line >= 6} == {"empty-title"}


@pytest.mark.parametrize("text", ["Publish the OpenAPI 3.1 spec for every public endpoint", "Move every login to OAuth 2"])
def test_a_standards_version_is_no_target(text):
    assert read_numbers(text) == ()


def test_google_docs_comment_marks_and_comments_are_left_out(tmp_path):
    result = _sets(tmp_path, "gdoc.okr.txt", """\
        Objective 1: Customers get value in their first month[a]
        * Cut median time to first reconciled month from 19 days to 8 days[b]
        * Raise onboarding NPS from 31 to 50

        [a]Sarah: Love this framing.
        [b]Tom: Where does 19 come from?
        """)
    assert _titles(result) == [("Customers get value in their first month",
                                ["Cut median time to first reconciled month from 19 days to 8 days", "Raise onboarding NPS from 31 to 50"])]


def test_a_thai_plan_over_several_years_is_linted_for_the_current_one(tmp_path):
    import datetime as dt

    from okrlint.load.draft import _plan_year

    result = _sets(tmp_path, "plan.okr.txt", """\
        แผนปฏิบัติราชการระยะ ๓ ปี (พ.ศ. ๒๕๖๙ – ๒๕๗๑) สำนักงานส่งเสริมวิสาหกิจชุมชนจังหวัด

        วัตถุประสงค์ที่ 1: วิสาหกิจชุมชนมีรายได้เพิ่มขึ้นจากการขายออนไลน์
        - รายได้เฉลี่ยต่อกลุ่มเพิ่มขึ้นจาก 180,000 บาท เป็น 240,000 บาท
        - จำนวนกลุ่มที่ขายออนไลน์ได้ต่อเนื่องเพิ่มจาก 12 กลุ่ม เป็น 30 กลุ่ม
        """)
    (okr_set,) = result.org.sets
    year = _plan_year("2569", "2571", {})
    assert okr_set.period.text == f"ปีงบประมาณ {year}" and okr_set.period.kind == "fiscal_year"
    assert okr_set.period.end == dt.date(year - 543, 9, 30)


def test_a_pdf_pages_repeated_header_and_rule_are_not_glued_to_a_title(tmp_path):
    result = _sets(tmp_path, "plan.okr.txt", """\
        แผนปฏิบัติการ ฝ่ายบริการ ปีงบประมาณ 2570
                                                     หน้า ๑
        วัตถุประสงค์ที่ 1: ผู้รับบริการได้รับบริการรวดเร็วขึ้น
        - ลดเวลารอคอยเฉลี่ยจาก 40 นาที เหลือ 15 นาที
        - เพิ่มสัดส่วนคำขอที่ยื่นออนไลน์จากร้อยละ 20 เป็นร้อยละ 60
        ─────────────────────────────────────────────
        แผนปฏิบัติการ ฝ่ายบริการ ปีงบประมาณ 2570
                                                     หน้า ๒
        - เพิ่มคะแนนความพึงพอใจจาก 3.9 เป็น 4.4
        """)
    (okr_set,) = result.org.sets
    assert okr_set.period.text == "ปีงบประมาณ 2570"
    assert [kr.title for kr in okr_set.objectives[0].key_results][-1] == "เพิ่มคะแนนความพึงพอใจจาก 3.9 เป็น 4.4"
