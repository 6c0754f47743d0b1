"""The Markdown / plain-text draft loader: what it reads, where it says things are, and that drafts lint
exactly like the same OKRs written in YAML."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.load.draft import DraftLine, join_text, load_draft_file, parse_draft
from okrlint.model import Location
from okrlint.testing import lint_documents

SRC = Path(__file__).resolve().parents[1] / "src"


def load(text: str, name: str = "team.okr.md", *, dedent: bool = True):
    if dedent:
        text = textwrap.dedent(text).lstrip("\n")
    return load_draft_file(name, text.encode("utf-8"), {})


def only_set(text: str, name: str = "team.okr.md"):
    result = load(text, name)
    assert result.errors == ()
    (okr_set,) = result.sets
    return okr_set


def titles(okr_set):
    return [(o.title, [kr.title for kr in o.key_results]) for o in okr_set.objectives]


def position(obj):
    return obj.location.line, obj.location.column


# --- English drafts ----------------------------------------------------------------------------------
def test_plain_labels_with_numbered_key_results_and_exact_positions():
    okr_set = only_set(
        """
        Team: growth
        Period: 2026-Q1

        Objective: Win back the shops we lost last year
        Key results:
        1. Raise monthly active shops from 1,200 to 1,500
        2. Cut churn from 6% to 4%
        """
    )
    assert okr_set.team == "growth"
    assert okr_set.period.kind == "quarter" and okr_set.period.start == dt.date(2026, 1, 1)
    assert okr_set.source_format == "markdown"
    (objective,) = okr_set.objectives
    assert objective.title == "Win back the shops we lost last year"
    assert objective.uid == "growth/o1"
    assert position(objective) == (4, 12)
    assert [kr.uid for kr in objective.key_results] == ["growth/o1/kr1", "growth/o1/kr2"]
    assert [position(kr) for kr in objective.key_results] == [(6, 4), (7, 4)]
    assert objective.key_results[1].location.path == "objectives[0].key_results[1]"


def test_markdown_headings_bold_labels_and_front_matter():
    okr_set = only_set(
        """
        ---
        team: support
        level: department
        period: 2026-H1
        owner: Head of Support
        aligns_to: [company/co-o2]
        ---
        # Support OKRs, first half of 2026

        A short introduction that is not an objective.

        ## Objective 1: Answer customers before they have to ask twice
        ### Key Results
        - Cut first-response time from 8 hours to 2 hours
        - Raise CSAT from 78% to 88%

        **Objective 2:** Make the help centre the first place people look
        **Key results:**
        * Grow self-service resolution from 20% to 35%
        * Bring repeat tickets down from 15% to 9%

        ### O3 – Keep the team healthy
        KR1: Keep voluntary attrition under 5% (baseline: 9%)
        """
    )
    assert okr_set.team == "support"
    assert okr_set.level == "department"
    assert okr_set.owner == "Head of Support"
    assert titles(okr_set) == [
        ("Answer customers before they have to ask twice",
         ["Cut first-response time from 8 hours to 2 hours", "Raise CSAT from 78% to 88%"]),
        ("Make the help centre the first place people look",
         ["Grow self-service resolution from 20% to 35%", "Bring repeat tickets down from 15% to 9%"]),
        ("Keep the team healthy", ["Keep voluntary attrition under 5%"]),
    ]
    first, second, third = okr_set.objectives
    assert position(first) == (12, 17)
    assert position(second) == (17, 18)  # after "**Objective 2:** " in the original text
    assert position(third) == (22, 10)
    assert position(third.key_results[0]) == (23, 6)
    assert third.key_results[0].baseline == 9
    assert all(o.aligns_to == ("company/co-o2",) for o in okr_set.objectives)
    assert okr_set.location_of("period") == Location("team.okr.md", 4, 9)


def test_heading_whose_next_block_is_a_key_result_list_is_an_objective():
    okr_set = only_set(
        """
        # Team plan

        ## Ship fewer bugs to customers

        Key results:
        - Cut escaped defects from 30 a month to 10
        """
    )
    assert titles(okr_set) == [("Ship fewer bugs to customers", ["Cut escaped defects from 30 a month to 10"])]
    assert position(okr_set.objectives[0]) == (3, 4)


def test_typos_in_labels_are_forgiven():
    okr_set = only_set(
        """
        Objetive: Grow revenue from returning shops
        Keu Results:
        - Raise repeat purchase rate from 22% to 30%
        Objectve - Win the mid-market
        Key reslts
        - Close 12 mid-market deals, up from 4
        Obective: Keep costs flat
        KRs:
        - Hold cloud spend at 40k a month, from 52k
        """
    )
    assert [o.title for o in okr_set.objectives] == [
        "Grow revenue from returning shops", "Win the mid-market", "Keep costs flat",
    ]
    assert [len(o.key_results) for o in okr_set.objectives] == [1, 1, 1]


def test_labels_with_a_gloss_in_parentheses_and_okr_numbers():
    okr_set = only_set(
        """
        วัตถุประสงค์ (Objective): ผู้ประกอบการรายย่อยเข้าถึงสินเชื่อได้เร็วขึ้น
        ผลลัพธ์หลัก (Key Results)
        - ลดเวลาอนุมัติสินเชื่อจาก 21 วัน เหลือ 7 วัน
        OKR 2: Grow the partner channel
        Key Results (KRs):
        - Sign 15 new resellers, up from 6
        """
    )
    assert titles(okr_set) == [
        ("ผู้ประกอบการรายย่อยเข้าถึงสินเชื่อได้เร็วขึ้น", ["ลดเวลาอนุมัติสินเชื่อจาก 21 วัน เหลือ 7 วัน"]),
        ("Grow the partner channel", ["Sign 15 new resellers, up from 6"]),
    ]


def test_numbered_objectives_with_nested_key_results():
    okr_set = only_set(
        """
        1. Objective: Make the app feel instant
           a) Cut cold-start time from 4.0 s to 1.5 s
           b) Keep crash-free sessions above 99.5%, from 98.7%
        2. Obj: Grow the Thai user base
           - KR 2.1 Raise Thai monthly users from 40k to 65k
        3. วัตถุประสงค์: ผู้ใช้ใหม่ใช้งานได้ทันที
           ผลลัพธ์สำคัญ
           ๑) ลดขั้นตอนการสมัครจาก 7 ขั้น เหลือ 3 ขั้น
        """
    )
    assert titles(okr_set) == [
        ("Make the app feel instant",
         ["Cut cold-start time from 4.0 s to 1.5 s", "Keep crash-free sessions above 99.5%, from 98.7%"]),
        ("Grow the Thai user base", ["Raise Thai monthly users from 40k to 65k"]),
        ("ผู้ใช้ใหม่ใช้งานได้ทันที", ["ลดขั้นตอนการสมัครจาก 7 ขั้น เหลือ 3 ขั้น"]),
    ]
    assert position(okr_set.objectives[0]) == (1, 15)
    assert position(okr_set.objectives[0].key_results[1]) == (3, 7)
    assert position(okr_set.objectives[1].key_results[0]) == (5, 13)


def test_sub_numbered_key_results_are_items_and_their_kr_label_comes_off():
    okr_set = only_set(
        """
        Hi team, my draft for next quarter:

        1. Objective: Parcels arrive sooner and undamaged
         1a. KR: bring mean dispatch time down from 40h to 20h
         1b) KR: lower the breakage rate from 2.2% to 0.9%
        2. Objective: Keep the stores tidy
         (a) KR: reduce lost stock from 300 to 120 items
         (b) audit every shelf once a month
        3. Objective: Fewer returns
         3.a KR 3a: cut returns from 6% to 4%
         3.b) KR: answer return requests within 1 day, from 3
        4. Objective: Happier drivers
         i. raise the driver survey score from 3.1 to 4.0
         ii. KR: halve overtime hours, from 900 to 450
         iv) KR: keep 95% of drivers for a year, from 80%
        5. Objective: Faster loading
         5.1. KR: load a truck in 30 minutes, from 55
         5.2) KR: lift scanner uptime from 97% to 99.5%
        """,
        "ops.txt",
    )
    assert titles(okr_set) == [
        ("Parcels arrive sooner and undamaged",
         ["bring mean dispatch time down from 40h to 20h", "lower the breakage rate from 2.2% to 0.9%"]),
        ("Keep the stores tidy", ["reduce lost stock from 300 to 120 items", "audit every shelf once a month"]),
        ("Fewer returns", ["cut returns from 6% to 4%", "answer return requests within 1 day, from 3"]),
        ("Happier drivers", ["raise the driver survey score from 3.1 to 4.0", "halve overtime hours, from 900 to 450",
                             "keep 95% of drivers for a year, from 80%"]),
        ("Faster loading", ["load a truck in 30 minutes, from 55", "lift scanner uptime from 97% to 99.5%"]),
    ]
    assert position(okr_set.objectives[0].key_results[0]) == (4, 10)
    assert position(okr_set.objectives[2].key_results[0]) == (10, 13)


def test_sub_numbered_key_results_in_thai():
    okr_set = only_set(
        """
        1. วัตถุประสงค์: ลูกค้าได้รับสินค้าเร็วขึ้น
         1.1 ตัวชี้วัด: ลดเวลาจัดส่งเฉลี่ยจาก 36 ชั่วโมง เหลือ 18 ชั่วโมง
         1.2 ลดอัตราสินค้าเสียหายจาก 1.9% เหลือ 0.8%
        2. วัตถุประสงค์: คุมต้นทุนคลังสินค้า
         (1) ลดต้นทุนต่อคำสั่งซื้อจาก 40 บาท เหลือ 32 บาท
         (2) ตัวชี้วัด: เพิ่มการหยิบสินค้าจาก 100 เป็น 120 รายการต่อชั่วโมง
        วัตถุประสงค์ที่ 3: ปลอดภัยไว้ก่อน
         ก. ไม่มีอุบัติเหตุถึงขั้นหยุดงาน
         ข. พนักงานผ่านการอบรมรถยก 100%
        """,
        "ops.txt",
    )
    assert titles(okr_set) == [
        ("ลูกค้าได้รับสินค้าเร็วขึ้น",
         ["ลดเวลาจัดส่งเฉลี่ยจาก 36 ชั่วโมง เหลือ 18 ชั่วโมง", "ลดอัตราสินค้าเสียหายจาก 1.9% เหลือ 0.8%"]),
        ("คุมต้นทุนคลังสินค้า",
         ["ลดต้นทุนต่อคำสั่งซื้อจาก 40 บาท เหลือ 32 บาท", "เพิ่มการหยิบสินค้าจาก 100 เป็น 120 รายการต่อชั่วโมง"]),
        ("ปลอดภัยไว้ก่อน", ["ไม่มีอุบัติเหตุถึงขั้นหยุดงาน", "พนักงานผ่านการอบรมรถยก 100%"]),
    ]


def test_words_that_only_look_like_sub_numbers_stay_text():
    okr_set = only_set(
        """
        Objective: Print parts in house
        3D printing cuts the lead time we wait for parts today,
        2x faster than ordering, i.e. about a week.

        Key results:
        - Print 60% of spare parts in house, from 10%
        """
    )
    (objective,) = okr_set.objectives
    assert objective.title.startswith("Print parts in house 3D printing cuts")
    assert objective.title.endswith("2x faster than ordering, i.e. about a week.")
    assert [kr.title for kr in objective.key_results] == ["Print 60% of spare parts in house, from 10%"]


def test_key_results_one_a_line_without_markers():
    okr_set = only_set(
        """
        Objective: Keep the warehouse running smoothly
        Key results:
        Cut mis-picks from 1.2% to 0.4%
        Owner: Pim
        Ship 98% of orders the same day, up from 91%

        Objective: Hire well
        KR1: Fill 6 engineering roles, from 0
          within the first half
        Initiatives:
        - run a referral drive
        """
    )
    assert titles(okr_set) == [
        ("Keep the warehouse running smoothly",
         ["Cut mis-picks from 1.2% to 0.4%", "Ship 98% of orders the same day, up from 91%"]),
        ("Hire well", ["Fill 6 engineering roles, from 0 within the first half"]),
    ]
    assert okr_set.objectives[0].key_results[0].owner == "Pim"
    assert position(okr_set.objectives[0].key_results[1]) == (5, 1)


def test_ordinary_sentences_do_not_become_objectives():
    okr_set = only_set(
        """
        Objectives for this quarter are listed below.
        Our objective: make this the best quarter yet.
        Objective setting took two workshops.

        Objective 1: Make checkout faster
        Key results:
        - Cut checkout time from 95 s to 40 s
        """
    )
    assert [o.title for o in okr_set.objectives] == ["Make checkout faster"]


def test_item_markers_bullets_checkboxes_and_continuations():
    okr_set = only_set(
        """
        O1. Make onboarding painless
        Key Results:
        •Reduce time to first order from 9 days
          to 3 days
        ◦ Raise activation from 40% to 55%
        ▪ Halve setup tickets, from 300 to 150
        - [ ] Cut drop-off at step 2 from 30% to 15%
        - [x] Lift trial conversion
        from 12% to 18%
        -Raise NPS of new shops from 20 to 35
        (1) Bring onboarding calls from 5 to 2
        1) Get the first invoice sent within 7 days, from 14
        1.1 Answer onboarding chats in 2 minutes, from 6
        """
    )
    (objective,) = okr_set.objectives
    assert [kr.title for kr in objective.key_results] == [
        "Reduce time to first order from 9 days to 3 days",
        "Raise activation from 40% to 55%",
        "Halve setup tickets, from 300 to 150",
        "Cut drop-off at step 2 from 30% to 15%",
        "Lift trial conversion from 12% to 18%",
        "Raise NPS of new shops from 20 to 35",
        "Bring onboarding calls from 5 to 2",
        "Get the first invoice sent within 7 days, from 14",
        "Answer onboarding chats in 2 minutes, from 6",
    ]
    assert position(objective.key_results[0]) == (3, 2)
    assert position(objective.key_results[3]) == (7, 7)


def test_inline_fields_and_annotations_are_read_into_the_key_result():
    okr_set = only_set(
        """
        Objective: Fill the funnel with shops that stay
        Owner: Mai
        Aligns to: company/co-o1, company/co-o3
        Key results:
        1. Increase qualified leads a month (owner: Nok; due: 2026-03-31)
           - Baseline: 900
           - Target: 1,400
           - Unit: leads
        2. Reach 35% of signups from referrals
           Owner: Pim
           Due: 31 มี.ค. 2569
           Depends on: sales/sales-o1-kr2
        """
    )
    (objective,) = okr_set.objectives
    assert objective.owner == "Mai"
    assert objective.aligns_to == ("company/co-o1", "company/co-o3")
    first, second = objective.key_results
    assert first.title == "Increase qualified leads a month"
    assert (first.owner, first.due, first.baseline, first.target, first.unit) == (
        "Nok", dt.date(2026, 3, 31), 900, 1400, "leads")
    assert first.target_text == "1,400"
    assert first.location_of("baseline").line == 6 and first.location_of("baseline").column == 16
    assert first.location_of("owner").line == 5 and first.location_of("owner").column == 45
    assert (second.owner, second.due, second.depends_on) == ("Pim", dt.date(2026, 3, 31), ("sales/sales-o1-kr2",))


@pytest.mark.parametrize("name", ["ops.txt", "ops.md"])
@pytest.mark.parametrize("delimiter", ["--", "-- "])
def test_an_email_signature_is_not_read(name, delimiter):
    text = (
        "Objective: Parcels arrive sooner\n"
        "- Bring dispatch time down from 40h to 20h\n"
        "- Lower breakage from 2.2% to 0.9%\n"
        "\n"
        f"{delimiter}\n"
        "Dana Smith | Head of Operations\n"
        "- sent from my phone\n"
        "Objective: not an objective, part of the signature\n"
    )
    (okr_set,) = load(text, name, dedent=False).sets
    assert titles(okr_set) == [
        ("Parcels arrive sooner", ["Bring dispatch time down from 40h to 20h", "Lower breakage from 2.2% to 0.9%"]),
    ]


def test_a_thai_signature_and_dashes_that_are_not_a_signature():
    okr_set = only_set(
        """
        วัตถุประสงค์: ลูกค้าพอใจบริการ
        ผลลัพธ์หลัก:
        1. ลดเรื่องร้องเรียนจาก 30 เหลือ 10 เรื่อง

        --
        สมชาย ใจดี
        ผู้อำนวยการกองบริการ
        """,
        "service.txt",
    )
    assert titles(okr_set) == [("ลูกค้าพอใจบริการ", ["ลดเรื่องร้องเรียนจาก 30 เหลือ 10 เรื่อง"])]
    # In Markdown "--" right under a line of text underlines it (a heading): the draft goes on.
    okr_set = only_set(
        """
        Objective: Faster loading
        - Load a truck in 30 minutes, from 55
        Notes
        --
        Objective: Safer loading
        - Cut loading injuries from 6 to 0
        """,
        "ops.md",
    )
    assert [o.title for o in okr_set.objectives] == ["Faster loading", "Safer loading"]


def test_closings_after_the_key_results_are_not_key_results():
    okr_set = only_set(
        """
        Hi all, thanks for the input!

        Objective: Keep the warehouse running

        Thanks to the night shift, this one is close.
        Key results:
        Cut mis-picks from 1.2% to 0.4%
        Ship 98% of orders the same day, up from 91%

        Thanks,
        Marco
        Head of Operations

        Objective: Partners send us customers
        - Thanks to partners: raise referrals from 10 to 30
        - Grow partner revenue from $1M to $2M
        Best regards,
        Anna

        วัตถุประสงค์: ลูกค้าพอใจ
        ผลลัพธ์หลัก:
        1. ลดเรื่องร้องเรียนจาก 30 เหลือ 10 เรื่อง
        ขอบคุณค่ะ
        สมหญิง
        """,
        "ops.txt",
    )
    assert titles(okr_set) == [
        ("Keep the warehouse running",
         ["Cut mis-picks from 1.2% to 0.4%", "Ship 98% of orders the same day, up from 91%"]),
        ("Partners send us customers",
         ["Thanks to partners: raise referrals from 10 to 30", "Grow partner revenue from $1M to $2M"]),
        ("ลูกค้าพอใจ", ["ลดเรื่องร้องเรียนจาก 30 เหลือ 10 เรื่อง"]),
    ]
    assert okr_set.objectives[0].description == "Thanks to the night shift, this one is close."


def test_note_lines_never_continue_a_title_or_become_key_results():
    okr_set = only_set(
        """
        Objective: Leaders grow from within
        Note: HR and finance agreed this one last week.
        Key results:
        1. Fill 50% of manager roles internally, up from 30%
        2. Use the whole training budget
        Notes: budget signed off by the CFO on Dec 12.
          Next review in February.
        3. Cut the time to a first promotion from 20 to 14 months

        Objective: Shops stay with us
        Key results:
        Cut churn from 6% to 4%
        Comments: churn is counted monthly
        Raise repeat orders from 30% to 45%

        วัตถุประสงค์: บุคลากรพัฒนาทักษะดิจิทัล
        ตัวชี้วัด:
        1. บุคลากรผ่านการอบรมร้อยละ 80 จากร้อยละ 35
        หมายเหตุ: งบประมาณอนุมัติเมื่อ 12 ธ.ค. 2569
        """
    )
    assert titles(okr_set) == [
        ("Leaders grow from within", ["Fill 50% of manager roles internally, up from 30%", "Use the whole training budget",
                                      "Cut the time to a first promotion from 20 to 14 months"]),
        ("Shops stay with us", ["Cut churn from 6% to 4%", "Raise repeat orders from 30% to 45%"]),
        ("บุคลากรพัฒนาทักษะดิจิทัล", ["บุคลากรผ่านการอบรมร้อยละ 80 จากร้อยละ 35"]),
    ]
    assert okr_set.objectives[0].description == "Note: HR and finance agreed this one last week."
    assert okr_set.objectives[0].key_results[1].target is None


def test_owner_notes_in_italics_or_bold_are_read_as_the_owner():
    okr_set = only_set(
        """
        Objective: Shops get paid on time
        Key results:
        - Cut late payouts from 9% to 3% *(Owner: Lek)*
        - Pay out within 2 days, from 5 _(owner: Lek)_
        - Halve payout tickets, from 400 to 200 **(Owner: Ploy; due: 2026-06-30)**
        - Reach 95% same-day payouts, from 70% (*Owner:* Ploy)
        - Keep disputes under 1%, from 2.5% *(a stretch)*
        - ลดการร้องเรียนเรื่องเงินโอนจาก 30 เหลือ 10 เรื่อง *(ผู้รับผิดชอบ: ฝ่ายการเงิน)*
        """
    )
    krs = okr_set.objectives[0].key_results
    assert [(kr.title, kr.owner) for kr in krs] == [
        ("Cut late payouts from 9% to 3%", "Lek"),
        ("Pay out within 2 days, from 5", "Lek"),
        ("Halve payout tickets, from 400 to 200", "Ploy"),
        ("Reach 95% same-day payouts, from 70%", "Ploy"),
        ("Keep disputes under 1%, from 2.5% *(a stretch)*", None),  # not fields: stays as written
        ("ลดการร้องเรียนเรื่องเงินโอนจาก 30 เหลือ 10 เรื่อง", "ฝ่ายการเงิน"),
    ]
    assert krs[2].due == dt.date(2026, 6, 30)
    assert position(krs[0]) == (3, 3) and krs[0].location_of("owner").column == 43
    assert krs[3].location_of("owner").column == 50


def test_google_docs_markdown_escapes_are_undone_in_markdown_drafts():
    text = textwrap.dedent(
        r"""
        \# Sales OKRs

        ### **O1 – Mid-size shops choose us**

        * **KR 1.1 -** Grow new-shop revenue from \$0.5M to \$0.9M
        * KR1.2: Self-serve signups \+20% (from 800/month)
        * KR1.3: Checkout p95 \< 400ms (currently \~900ms)

        ### **O2 – Shops trust our reports**

        1\. Raise the share of reports opened each week from 12% to 30%
        2\) Cut report errors from 40 to 10 a month
        \- Answer report questions within 1 day, from 4
        3\. Ship 2 new\_exports and keep \*\*every\*\* one under 5 s
        """
    ).lstrip("\n")
    (okr_set,) = load(text, "sales.md", dedent=False).sets
    assert titles(okr_set) == [
        ("Mid-size shops choose us", [
            "Grow new-shop revenue from $0.5M to $0.9M",
            "Self-serve signups +20% (from 800/month)",
            "Checkout p95 < 400ms (currently ~900ms)",
        ]),
        ("Shops trust our reports", [
            "Raise the share of reports opened each week from 12% to 30%",
            "Cut report errors from 40 to 10 a month",
            "Answer report questions within 1 day, from 4",
            "Ship 2 new_exports and keep **every** one under 5 s",  # escaped asterisks are not emphasis
        ]),
    ]
    first, second = okr_set.objectives
    # Columns are those of the file as written, backslashes included.
    assert position(first.key_results[0]) == (5, 16)
    assert position(second.key_results[0]) == (11, 5)
    assert second.key_results[0].title.startswith("Raise")
    # A plain-text draft is not Markdown: its backslashes are text.
    (as_text,) = load(text, "sales.txt", dedent=False).sets
    assert as_text.objectives[0].key_results[0].title == r"Grow new-shop revenue from \$0.5M to \$0.9M"


def test_google_docs_markdown_escapes_in_a_thai_draft():
    okr_set = only_set(
        r"""
        \# แผน OKR ฝ่ายบริการลูกค้า

        **วัตถุประสงค์ที่ 1:** ลูกค้าได้คำตอบในครั้งเดียว

        1\. ลดเวลารอสายเฉลี่ยจาก 4 นาที เหลือ 1 นาที
        2\. เพิ่มความพึงพอใจจากร้อยละ 70 เป็นร้อยละ 90 \(ผู้รับผิดชอบ: ทีมคอลเซ็นเตอร์\)
        \- ลดค่าบริการต่อสายจาก \$1.20 เหลือ \$0.80
        """,
        "service.md",
    )
    assert titles(okr_set) == [
        ("ลูกค้าได้คำตอบในครั้งเดียว", [
            "ลดเวลารอสายเฉลี่ยจาก 4 นาที เหลือ 1 นาที",
            "เพิ่มความพึงพอใจจากร้อยละ 70 เป็นร้อยละ 90",
            "ลดค่าบริการต่อสายจาก $1.20 เหลือ $0.80",
        ]),
    ]
    assert okr_set.objectives[0].key_results[1].owner == "ทีมคอลเซ็นเตอร์"


def test_aligns_to_with_its_references_on_the_following_lines():
    okr_set = only_set(
        """
        Objective: Make onboarding painless
        Aligns to:
        - company/co-o1
        - company/co-o2
        Key results:
        - Raise activation from 40% to 55%
        """
    )
    (objective,) = okr_set.objectives
    assert objective.aligns_to == ("company/co-o1", "company/co-o2")
    assert [kr.title for kr in objective.key_results] == ["Raise activation from 40% to 55%"]


def test_initiatives_and_notes_under_a_key_result_are_not_key_results():
    okr_set = only_set(
        """
        Objective: Make checkout faster
        Key results:
        1. Cut checkout time from 95 s to 40 s
           - rewrite the payment form
           - drop the second address step
        2. Raise mobile conversion from 2.1% to 3%

        Initiatives:
        - Hire a performance engineer
        """
    )
    assert titles(okr_set) == [
        ("Make checkout faster", ["Cut checkout time from 95 s to 40 s", "Raise mobile conversion from 2.1% to 3%"]),
    ]


def test_key_results_without_any_objective_get_an_objective_with_no_title():
    okr_set = only_set(
        """
        Notes from the planning meeting.

        Key results:
        - Raise win rate from 20% to 25%
        """
    )
    (objective,) = okr_set.objectives
    assert objective.title == ""
    assert position(objective) == (3, 1)
    findings = lint_documents([("sales.okr.md", "Key results:\n- Raise win rate from 20% to 25%\n")], select=["empty-title"])
    assert [(f.name, f.object_id) for f in findings] == [("empty-title", "sales/o1")]


def test_objective_label_with_the_title_on_the_next_line():
    okr_set = only_set(
        """
        Objective:
        Make the help centre the first place people look
        KR1:
        Grow self-service resolution from 20% to 35%
        """
    )
    assert titles(okr_set) == [("Make the help centre the first place people look", ["Grow self-service resolution from 20% to 35%"])]
    assert position(okr_set.objectives[0]) == (2, 1)
    assert position(okr_set.objectives[0].key_results[0]) == (4, 1)


def test_html_comments_are_ignored_but_keep_line_numbers():
    okr_set = only_set(
        """
        <!-- okrlint-disable kr-count -->
        Objective: Keep the team healthy <!-- wording from the offsite -->
        <!--
        a comment over
        several lines
        -->
        Key results:
        - Keep attrition under 5%, from 9%
        """
    )
    (objective,) = okr_set.objectives
    assert objective.title == "Keep the team healthy"
    assert position(objective) == (2, 12)
    assert position(objective.key_results[0]) == (8, 3)


def test_code_blocks_tables_and_rules_are_skipped():
    okr_set = only_set(
        """
        Objective: Make checkout faster
        ===============================
        ```
        Objective: not this one
        - nor this
        ```
        | Objective | Owner |
        |---|---|
        Key results:
        - Cut checkout time from 95 s to 40 s
        ***
        """
    )
    assert titles(okr_set) == [("Make checkout faster", ["Cut checkout time from 95 s to 40 s"])]


def test_windows_line_endings_tabs_and_no_blank_lines():
    text = "Objective:\tShip a calmer on-call\r\nKey results:\r\n\t1.\tCut pages a week from 40 to 10\r\n\t2.\tHalve incidents, from 12 to 6\r\n"
    okr_set = only_set(text, "ops.okr.txt")
    assert okr_set.source_format == "text"
    assert okr_set.team == "ops"
    (objective,) = okr_set.objectives
    assert objective.title == "Ship a calmer on-call"
    assert [kr.title for kr in objective.key_results] == ["Cut pages a week from 40 to 10", "Halve incidents, from 12 to 6"]
    assert position(objective.key_results[1]) == (4, 5)


# --- Thai drafts -------------------------------------------------------------------------------------
def test_thai_draft_with_thai_digits_missing_spaces_and_continuations():
    okr_set = only_set(
        """
        แผนปฏิบัติการ กองบริการประชาชน
        ประจำปีงบประมาณ 2570
        หน่วยงาน: กองบริการประชาชน

        วัตถุประสงค์ที่ ๑: ยกระดับบริการออนไลน์ให้ประชาชน
        ใช้งานได้ด้วยตนเอง
        สอดคล้องกับ: ministry/m-o2
        ผลลัพธ์หลัก:
        ๑.ลดเวลารอคอยเฉลี่ยจาก 30 นาที เหลือ 10 นาที
        ๒. เพิ่มสัดส่วนคำขอที่ยื่นออนไลน์จากร้อยละ 20 เป็นร้อยละ 60
           (ผู้รับผิดชอบ: คุณอรุณี)
        1.ความพึงพอใจของผู้รับบริการไม่ต่ำกว่าร้อยละ 85
            ค่าฐาน: 72
            ค่าเป้าหมาย: 85
            กำหนดเสร็จ: 30 ก.ย. 2570

        เป้าประสงค์: บุคลากรมีทักษะดิจิทัล
        ตัวชี้วัด:
        - ร้อยละของบุคลากรที่ผ่านการทดสอบทักษะดิจิทัล จากร้อยละ 35 เป็นร้อยละ 70
        """,
        "service.okr.md",
    )
    assert okr_set.team == "กองบริการประชาชน"
    assert okr_set.period.kind == "fiscal_year"
    assert okr_set.period.start == dt.date(2026, 10, 1)
    first, second = okr_set.objectives
    assert first.title == "ยกระดับบริการออนไลน์ให้ประชาชนใช้งานได้ด้วยตนเอง"
    assert position(first) == (5, 20)
    assert first.aligns_to == ("ministry/m-o2",)
    assert [kr.title for kr in first.key_results] == [
        "ลดเวลารอคอยเฉลี่ยจาก 30 นาที เหลือ 10 นาที",
        "เพิ่มสัดส่วนคำขอที่ยื่นออนไลน์จากร้อยละ 20 เป็นร้อยละ 60",
        "ความพึงพอใจของผู้รับบริการไม่ต่ำกว่าร้อยละ 85",
    ]
    assert first.key_results[1].owner == "คุณอรุณี"
    assert first.key_results[1].location_of("owner") == Location("service.okr.md", 11, 19)
    assert [position(kr) for kr in first.key_results] == [(9, 3), (10, 4), (12, 3)]
    third = first.key_results[2]
    assert (third.baseline, third.target, third.due) == (72, 85, dt.date(2027, 9, 30))
    assert third.location_of("target") == Location("service.okr.md", 14, 18)
    assert second.title == "บุคลากรมีทักษะดิจิทัล"
    assert len(second.key_results) == 1


def test_thai_annotation_on_the_same_line_is_the_owner():
    okr_set = only_set(
        """
        วัตถุประสงค์: ลดขั้นตอนการขออนุญาต
        ผลลัพธ์ที่สำคัญ:
        1) ลดจำนวนเอกสารที่ต้องยื่นจาก 12 รายการ เหลือ 5 รายการ (ผู้รับผิดชอบ: ฝ่ายนิติการ)
        ผลลัพธ์หลักที่ 2: ลดเวลาพิจารณาจาก 45 วัน เหลือ 15 วัน
        """
    )
    (objective,) = okr_set.objectives
    first, second = objective.key_results
    assert first.title == "ลดจำนวนเอกสารที่ต้องยื่นจาก 12 รายการ เหลือ 5 รายการ"
    assert first.owner == "ฝ่ายนิติการ"
    assert second.title == "ลดเวลาพิจารณาจาก 45 วัน เหลือ 15 วัน"
    assert position(second) == (4, 19)


def test_join_text_adds_no_space_between_thai_words():
    assert join_text("ยกระดับบริการ", "ให้ประชาชน") == "ยกระดับบริการให้ประชาชน"
    assert join_text("Reduce churn", "to 3%") == "Reduce churn to 3%"
    assert join_text("ลดเวลา", "by 2 days") == "ลดเวลา by 2 days"


# --- errors ------------------------------------------------------------------------------------------
def test_a_document_without_objectives_is_an_input_error_at_line_one():
    result = load("# Meeting notes\n\nWe talked about the plan.\n- ask finance\n")
    assert result.sets == ()
    (error,) = result.errors
    assert error.message == "no objectives found (expected lines like 'Objective:' / 'วัตถุประสงค์:')"
    assert (error.location.line, error.location.column) == (1, 1)


def test_empty_and_binary_files_are_input_errors():
    assert "empty file" in load_draft_file("x.okr.md", b"  \n", {}).errors[0].message
    assert "binary" in load_draft_file("x.okr.md", b"\x00\x01\x02abc", {}).errors[0].message


def test_broken_front_matter_is_reported_with_its_line_and_the_rest_is_read():
    result = load("---\nteam: a\nperiod: [2026\n---\nObjective: Grow\nKey results:\n- Raise sales from 1 to 2\n")
    (error,) = result.errors
    assert error.message.startswith("front matter: invalid YAML")
    assert error.location.line in (3, 4)
    assert result.sets[0].objectives[0].title == "Grow"


def test_unreadable_numbers_and_dates_become_findings_not_errors():
    findings = lint_documents(
        [("ops.okr.md", "Objective: Keep the lights on\nKey results:\n- Raise uptime to 99.9%\n  Baseline: high\n  Due: someday\n")],
        select=["non-numeric-value", "invalid-value"],
    )
    assert sorted((f.name, f.location.line) for f in findings) == [("invalid-value", 5), ("non-numeric-value", 4)]


# --- the Word loader's way in: DraftLines with numbering and styles not in the text ------------------
def test_parse_draft_reads_word_style_paragraphs():
    def para(number, text, **kwargs):
        return DraftLine(text, Location("plan.docx", number, 1, paragraph=number), **kwargs)

    lines = [
        para(1, "Sales plan", style="Title"),
        para(2, "Grow revenue from the shops we have", style="Heading 1"),
        para(3, "Key results", style="Heading 2"),
        para(4, "Raise average order value from 40 to 48", numbered=True, list_level=0),
        para(5, "Baseline: 40", bullet=True, list_level=1),
        para(6, "Cut refunds from 4% to 2%", numbered=True, list_level=0),
    ]
    result = parse_draft(lines, "plan.docx", {}, source_format="docx")
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "plan" and okr_set.source_format == "docx"
    (objective,) = okr_set.objectives
    assert objective.title == "Grow revenue from the shops we have"
    assert [kr.title for kr in objective.key_results] == ["Raise average order value from 40 to 48", "Cut refunds from 4% to 2%"]
    assert objective.key_results[0].baseline == 40
    assert objective.key_results[1].location.paragraph == 6


# --- same OKRs, same findings ------------------------------------------------------------------------
EQUIVALENT_YAML = """\
team: shop
period: 2026-Q2
objectives:
  - title: Make buying from us effortless
    key_results:
      - Cut checkout time from 95 s to 40 s
      - title: Raise repeat purchase rate to 30%
      - Launch the new mobile app
      - Improve the search experience
  - title: ยกระดับความพึงพอใจของลูกค้า
    aligns_to: [company/co-o9]
    key_results:
      - title: เพิ่มคะแนนความพึงพอใจของลูกค้า
        baseline: 70
        target: 85
      - จัดอบรมพนักงานบริการลูกค้า 3 ครั้ง
"""

EQUIVALENT_DRAFT = """\
---
team: shop
period: 2026-Q2
---
# Shop OKRs

## Objective 1: Make buying from us effortless
Key results:
1. Cut checkout time from 95 s to 40 s
2. Raise repeat purchase rate to 30%
3. Launch the new mobile app
4. Improve the search experience

วัตถุประสงค์ที่ 2: ยกระดับความพึงพอใจของลูกค้า
สอดคล้องกับ: company/co-o9
ผลลัพธ์หลัก:
• เพิ่มคะแนนความพึงพอใจของลูกค้า
    ค่าฐาน: 70
    ค่าเป้าหมาย: 85
• จัดอบรมพนักงานบริการลูกค้า 3 ครั้ง
"""


def _summary(findings):
    return sorted((f.code, f.object_id) for f in findings)


def _model(okr_set):
    return (
        okr_set.team, okr_set.period, okr_set.level,
        [(o.uid, o.title, o.aligns_to,
          [(k.uid, k.title, k.baseline, k.target, k.owner, k.due) for k in o.key_results]) for o in okr_set.objectives],
    )


def test_a_draft_gives_the_same_model_as_the_same_okrs_in_yaml():
    from okrlint.load.yaml_loader import load_yaml_file

    (from_yaml,) = load_yaml_file("shop.okr.yaml", EQUIVALENT_YAML.encode(), {}).sets
    (from_draft,) = load_draft_file("shop.okr.md", EQUIVALENT_DRAFT.encode(), {}).sets
    assert _model(from_draft) == _model(from_yaml)


def test_a_draft_gives_the_same_findings_as_the_same_okrs_in_yaml():
    from_yaml = lint_documents([("shop.okr.yaml", EQUIVALENT_YAML)])
    from_draft = lint_documents([("shop.okr.md", EQUIVALENT_DRAFT)])
    assert _summary(from_yaml), "the example should have findings to compare"
    assert _summary(from_draft) == _summary(from_yaml)
    assert {"MEA005", "MEA002"} <= {f.code for f in from_draft}  # an activity KR and a missing baseline


# --- command line ------------------------------------------------------------------------------------
def _run_cli(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "okrlint", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", ["draft.md", "draft.txt"])
def test_cli_checks_a_draft_named_on_the_command_line(tmp_path, name):
    (tmp_path / name).write_text(EQUIVALENT_DRAFT, encoding="utf-8")
    result = _run_cli("check", name, "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"kr-is-activity"' in result.stdout
    assert f'"file": "{name}"' in result.stdout


def test_cli_discovers_okr_md_in_directories_and_reports_input_errors(tmp_path):
    (tmp_path / "shop.okr.md").write_text(EQUIVALENT_DRAFT, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Not an OKR file\n", encoding="utf-8")
    found = _run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert found.returncode == 1, found.stderr
    assert "shop.okr.md" in found.stdout and "README.md" not in found.stdout
    (tmp_path / "notes.okr.txt").write_text("just some notes\n", encoding="utf-8")
    failed = _run_cli("check", "notes.okr.txt", cwd=tmp_path)
    assert failed.returncode == 2
    assert "notes.okr.txt:1:1: error: no objectives found" in failed.stderr


# --- any text at all ---------------------------------------------------------------------------------
_PIECES = st.sampled_from([
    "Objective:", "O1.", "Key results:", "KR1:", "- ", "• ", "1.", "๑.", "(1)", "## ", "**", "---", "<!--", "-->",
    "Baseline:", "Target: 5", "Due: x", "(owner: a)", "วัตถุประสงค์:", "ตัวชี้วัด:", "Aligns to:", "\n", "\r\n",
    "\t", "  ", "abc", "ลด", "|", "```", ":", "(", ")", "ที่ 1", "Team:", "\\", "1\\.", "\\*", "*(owner: a)*", "1a.",
    "ii.", "--", "-- ", "Thanks,",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40))
def test_any_text_loads_without_raising_and_positions_stay_in_the_file(parts):
    text = "".join(parts)
    result = load_draft_file("x.okr.md", text.encode("utf-8", "replace"), {})
    line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for okr_set in result.sets:
        for objective in okr_set.objectives:
            assert 1 <= objective.location.line <= line_count and objective.location.column >= 1
            for kr in objective.key_results:
                assert 1 <= kr.location.line <= line_count and kr.location.column >= 1


def test_several_set_fields_on_one_line():
    from okrlint.load.draft import load_draft_file

    for text, team, period_kind in [
        ("Team: Growth   Period: Q3 2026\n\nObjective: Delight shops\nKey results:\n1. Cut churn from 5% to 3%\n", "Growth", "quarter"),
        ("ทีม: ฝ่ายขาย | ช่วงเวลา: ไตรมาส 1/2570\n\nวัตถุประสงค์: ลูกค้าพอใจ\nผลลัพธ์หลัก:\n1. ลดเรื่องร้องเรียนจาก 30 เหลือ 10 เรื่อง\n", "ฝ่ายขาย", "quarter"),
    ]:
        (okr_set,) = load_draft_file("t.md", text.encode(), {}).sets
        assert okr_set.team == team and okr_set.period.kind == period_kind


# --- Thai KPI templates: baselines under a key result -------------------------------------------------
def test_baseline_labels_with_the_year_they_report_are_baselines_wherever_they_stand():
    okr_set = only_set(
        """
        เป้าประสงค์ : ประชาชนได้รับบริการที่รวดเร็ว
        ตัวชี้วัดที่ 1 ร้อยละของคำขอที่พิจารณาแล้วเสร็จภายในระยะเวลาที่
            กฎหมายกำหนด
            หน่วยนับ : ร้อยละ
            ค่าเป้าหมาย : ร้อยละ 95
            ผลการดำเนินงานปี 2568 : ร้อยละ 81.6
        ตัวชี้วัดที่ 2 ร้อยละของคำขอที่ตอบภายใน 3 วัน
            ผลการดำเนินงานปีที่ผ่านมา : ร้อยละ 70
            ค่าเป้าหมาย : ร้อยละ 90
        ตัวชี้วัดที่ 3 จำนวนเรื่องร้องเรียน
        ข้อมูลพื้นฐาน : 24 เรื่อง
        ตัวชี้วัดที่ 4 ความพึงพอใจของผู้รับบริการ
            ผลงานปีที่แล้ว: 3.8
            ค่าฐาน (ปี 2568): 3.9
        """,
        "kpi.txt",
    )
    krs = okr_set.objectives[0].key_results
    assert [kr.title for kr in krs] == [
        "ร้อยละของคำขอที่พิจารณาแล้วเสร็จภายในระยะเวลาที่กฎหมายกำหนด", "ร้อยละของคำขอที่ตอบภายใน 3 วัน",
        "จำนวนเรื่องร้องเรียน", "ความพึงพอใจของผู้รับบริการ",
    ]
    assert [(kr.baseline, kr.target) for kr in krs] == [(81.6, 95), (70, 90), (24, None), (3.9, None)]
    assert krs[0].location_of("baseline").line == 6


def test_english_baseline_labels_and_no_value_markers():
    okr_set = only_set(
        """
        Objective: Faster permits
        Key results:
        - Raise permits done within 45 days to 95%
          Last year: 81%
        - Cut complaints to 10 a month
          Current: 24
        - Keep uptime at 99.9%
          Actual 2026: 99.1%
        - Cut printing cost to 5,000 baht
          Baseline: -
          Target: N/A
          Due: ไม่มี
        - Actuals are shared weekly
        - Current events are reviewed monthly
        """
    )
    krs = okr_set.objectives[0].key_results
    assert [kr.baseline for kr in krs] == [81, 24, 99.1, None, None, None]
    assert krs[3].problems == () and krs[3].target is None and krs[3].due is None
    assert [kr.title for kr in krs[4:]] == ["Actuals are shared weekly", "Current events are reviewed monthly"]


def test_performance_labels_need_the_period_they_report():
    # "ผลงาน:" alone names a deliverable, not last year's value: it stays what it was (a key result line)
    okr_set = only_set("วัตถุประสงค์: ลูกค้าพอใจ\nตัวชี้วัด:\n1. ผลงาน: คู่มือบริการ 1 เล่ม\n2. ผลงานวิจัยตีพิมพ์ 3 เรื่อง\n",
                       "t.txt")
    assert [kr.baseline for kr in okr_set.objectives[0].key_results] == [None, None]
    assert len(okr_set.objectives[0].key_results) == 2


def test_objective_labels_of_thai_plans():
    okr_set = only_set(
        """
        ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาคุณภาพการให้บริการ
        วัตถุประสงค์ข้อที่ 1 ผู้รับบริการพึงพอใจในบริการของกอง
        ตัวชี้วัดที่ 1.1 ความพึงพอใจของผู้รับบริการ จาก 3.8 เป็น 4.3 คะแนน
        เป้าหมายที่ 2: เจ้าหน้าที่ทำงานได้เร็วขึ้นด้วยระบบดิจิทัล
        KR 2.1 ลดเวลาอนุมัติเอกสารจาก 5 วันเหลือ 1 วัน
        Objective ข้อ 3: ลดต้นทุนการดำเนินงาน
        KR 3.1 ลดค่ากระดาษจาก 120,000 บาท เหลือ 40,000 บาท
        วัตถุประสงค์ที่ 4:
        ชุมชนเข้มแข็ง
        ตัวชี้วัดที่ 4.1 กลุ่มอาชีพเพิ่มจาก 3 เป็น 6 กลุ่ม
        ๕. วัตถุประสงค์ ประชาชนปลอดภัย
        ตัวชี้วัด:
        1. อุบัติเหตุลดลงจาก 40 เหลือ 20 ครั้ง
        Goal 6: Faster hiring
        - Cut time to hire from 40 to 25 days
        """,
        "plan.txt",
    )
    assert titles(okr_set) == [
        ("ผู้รับบริการพึงพอใจในบริการของกอง", ["ความพึงพอใจของผู้รับบริการ จาก 3.8 เป็น 4.3 คะแนน"]),
        ("เจ้าหน้าที่ทำงานได้เร็วขึ้นด้วยระบบดิจิทัล", ["ลดเวลาอนุมัติเอกสารจาก 5 วันเหลือ 1 วัน"]),
        ("ลดต้นทุนการดำเนินงาน", ["ลดค่ากระดาษจาก 120,000 บาท เหลือ 40,000 บาท"]),
        ("ชุมชนเข้มแข็ง", ["กลุ่มอาชีพเพิ่มจาก 3 เป็น 6 กลุ่ม"]),
        ("ประชาชนปลอดภัย", ["อุบัติเหตุลดลงจาก 40 เหลือ 20 ครั้ง"]),
        ("Faster hiring", ["Cut time to hire from 40 to 25 days"]),
    ]
    assert position(okr_set.objectives[0]) == (2, 22)


def test_goal_without_a_number_is_not_an_objective():
    from okrlint.load.draft_labels import match_label

    for text in ("เป้าหมาย: ร้อยละ 80", "เป้าหมาย", "Goal: 95%", "Goal 2026: double revenue", "เป้าหมาย 2570: 95",
                 "วัตถุประสงค์ของโครงการคือ", "วัตถุประสงค์ข้อมูล", "Objective setting took a week"):
        assert match_label(text) is None, text


def test_initiative_sections_are_not_key_results():
    okr_set = only_set(
        """
        วัตถุประสงค์ข้อที่ 1 ผู้รับบริการพึงพอใจในบริการของกอง
        ตัวชี้วัดที่ 1.1 ความพึงพอใจของผู้รับบริการ จาก 3.8 เป็น 4.3 คะแนน
        ตัวชี้วัดที่ 1.2 ลดเรื่องร้องเรียนจาก 24 เรื่อง เหลือ 10 เรื่อง
        โครงการ/กิจกรรม
        - โครงการอบรมบริการด้วยใจ
        - จัดทำคู่มือการให้บริการ
        เป้าหมายที่ 2: เจ้าหน้าที่ทำงานได้เร็วขึ้น
        ตัวชี้วัด:
        1. ลดเวลาอนุมัติเอกสารจาก 5 วันเหลือ 1 วัน
        กิจกรรมหลัก:
        1. ติดตั้งระบบลงนามอิเล็กทรอนิกส์
        ผลลัพธ์หลัก:
        2. เพิ่มเอกสารอิเล็กทรอนิกส์จาก 10% เป็น 70%
        แผนงาน/โครงการ: ปรับปรุงระบบสารบรรณ
        - จัดซื้อเครื่องสแกน
        """,
        "plan.txt",
    )
    assert titles(okr_set) == [
        ("ผู้รับบริการพึงพอใจในบริการของกอง",
         ["ความพึงพอใจของผู้รับบริการ จาก 3.8 เป็น 4.3 คะแนน", "ลดเรื่องร้องเรียนจาก 24 เรื่อง เหลือ 10 เรื่อง"]),
        ("เจ้าหน้าที่ทำงานได้เร็วขึ้น",
         ["ลดเวลาอนุมัติเอกสารจาก 5 วันเหลือ 1 วัน", "เพิ่มเอกสารอิเล็กทรอนิกส์จาก 10% เป็น 70%"]),
    ]


def test_english_initiative_sections_and_sections_under_one_key_result():
    okr_set = only_set(
        """
        Objective: Faster service
        Key results:
        1. Cut waiting time from 40 to 15 minutes
           Initiatives:
             - Queue app
             - More counters
        2. Raise satisfaction from 3.8 to 4.3
           Risks:
             - Budget cut
        3. Cut complaints from 24 to 10
        Projects & activities:
        - Train staff
        Objective: Lower cost
        - Cut paper cost from 120,000 to 40,000 baht
        Key activities:
        - Go paperless
        Projects: ERP rollout
        """
    )
    assert titles(okr_set) == [
        ("Faster service", ["Cut waiting time from 40 to 15 minutes", "Raise satisfaction from 3.8 to 4.3",
                            "Cut complaints from 24 to 10"]),
        ("Lower cost", ["Cut paper cost from 120,000 to 40,000 baht"]),
    ]


@pytest.mark.parametrize("label", [
    "กลุ่มงาน", "แผนก", "กอง", "ส่วนราชการ", "สำนัก", "ฝ่าย", "หน่วยงาน", "Department", "Dept", "Division", "Unit",
])
def test_team_labels_of_thai_agencies_and_english_departments(label):
    okr_set = only_set(
        f"OKR โรงพยาบาล ปีงบประมาณ 2570\n{label}: กลุ่มงานการพยาบาล\n\n"
        "วัตถุประสงค์: ผู้ป่วยปลอดภัย\nตัวชี้วัด:\n- ลดแผลกดทับจาก 1.8 เหลือ 1.0 ต่อ 1,000 วันนอน\n  Unit: ต่อ 1,000 วันนอน\n",
        "hospital.txt",
    )
    assert okr_set.team == "กลุ่มงานการพยาบาล"
    assert okr_set.objectives[0].key_results[0].unit == "ต่อ 1,000 วันนอน"


def test_team_labels_among_the_okrs_name_the_responsible_division():
    okr_set = only_set(
        """
        หน่วยงาน: สำนักงานเขตบางตะเคียน

        เป้าประสงค์: ประชาชนได้รับบริการที่รวดเร็ว
        ตัวชี้วัดที่ 1 ร้อยละของคำขอที่พิจารณาแล้วเสร็จภายใน 45 วัน
            ค่าเป้าหมาย: ร้อยละ 95
            ฝ่าย: ฝ่ายโยธา
        ตัวชี้วัดที่ 2 ร้อยละของเรื่องร้องเรียนที่ตอบภายใน 3 วัน
            หน่วยงานรับผิดชอบ: ฝ่ายปกครอง
        """,
        "plan.txt",
    )
    assert okr_set.team == "สำนักงานเขตบางตะเคียน"
    assert [kr.owner for kr in okr_set.objectives[0].key_results] == ["ฝ่ายโยธา", "ฝ่ายปกครอง"]
    assert [kr.title for kr in okr_set.objectives[0].key_results] == [
        "ร้อยละของคำขอที่พิจารณาแล้วเสร็จภายใน 45 วัน", "ร้อยละของเรื่องร้องเรียนที่ตอบภายใน 3 วัน"]


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "\uf0d8", "\uf076", "\uf0fc", "\uf0a8"])
@pytest.mark.parametrize("name", ["paste.md", "paste.txt"])
def test_word_symbol_font_bullets_pasted_into_a_draft_are_bullets(bullet, name):
    text = (f"วัตถุประสงค์ที่\u00a01\u00a0: ผู้รับบริการได้รับบริการรวดเร็ว\nตัวชี้วัด：\n{bullet}\tลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที\n"
            f"{bullet} เพิ่มความพึงพอใจจาก ๓.๘ เป็น ๔.๒ คะแนน\n{bullet}ลดเรื่องร้องเรียนจาก 24 เรื่อง เหลือ 10 เรื่อง\n")
    okr_set = only_set(text, name)
    krs = okr_set.objectives[0].key_results
    assert [kr.title for kr in krs] == ["ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที", "เพิ่มความพึงพอใจจาก ๓.๘ เป็น ๔.๒ คะแนน",
                                        "ลดเรื่องร้องเรียนจาก 24 เรื่อง เหลือ 10 เรื่อง"]
    assert position(krs[0]) == (3, 3)


def test_numbered_strategy_headings_between_objectives_are_headings_not_text_of_the_key_result_above():
    text = (
        "หน่วยงาน: สำนักงานสาธารณสุขจังหวัด\n"
        "ประเด็นยุทธศาสตร์ที่ 1 การส่งเสริมสุขภาพ\n"
        "วัตถุประสงค์ที่ 1: ประชาชนกลุ่มเสี่ยงเข้าถึงการคัดกรอง\n"
        "ตัวชี้วัด:\n"
        "1.1 ลดอัตราผู้ป่วยเบาหวานรายใหม่จาก 5.1 เหลือ 4.5 ต่อพันประชากร\n"
        "ประเด็นยุทธศาสตร์ที่ 2: การพัฒนาระบบบริการ\n"
        "Objective 2: Patients are seen quickly\n"
        "Strategic pillar 3 - Customer first\n"
        "Objective 3: Strategy: grow the share of repeat visits\n"
    )
    result = load_draft_file("plan.okr.txt", text.encode("utf-8"), {})
    objectives = result.sets[0].objectives
    assert [o.title for o in objectives] == [
        "ประชาชนกลุ่มเสี่ยงเข้าถึงการคัดกรอง", "Patients are seen quickly", "Strategy: grow the share of repeat visits"]
    assert objectives[0].key_results[0].title == "ลดอัตราผู้ป่วยเบาหวานรายใหม่จาก 5.1 เหลือ 4.5 ต่อพันประชากร"


@pytest.mark.parametrize("title, kept, reference", [
    ("Win clinics in Chiang Mai (→ CO-1)", "Win clinics in Chiang Mai", "CO-1"),
    ("Clinics stay after the trial (supports Company O1)", "Clinics stay after the trial", "Company O1"),
    ("Cut costs [aligned to: CO-2]", "Cut costs", "CO-2"),
    ("Ship with confidence -> O2", "Ship with confidence", "O2"),
    ("ลูกค้าพึงพอใจ (สนับสนุน วัตถุประสงค์ที่ 2 ขององค์กร)", "ลูกค้าพึงพอใจ", "วัตถุประสงค์ที่ 2 ขององค์กร"),
    ("Move billing from Oracle -> Postgres 16", "Move billing from Oracle -> Postgres 16", None),
    ("Grow in the north (a stretch)", "Grow in the north (a stretch)", None),
])
def test_the_objective_a_title_aligns_to_written_after_it(title, kept, reference):
    from okrlint.load.draft_fields import split_trailing_alignment

    assert split_trailing_alignment(title) == (kept, reference)
    result = load_draft_file("a.okr.md", f"## Objective 1: {title}\n- Raise repeat orders from 20% to 30%\n".encode(), {})
    objective = result.sets[0].objectives[0]
    assert (objective.title, objective.aligns_to) == (kept, (reference,) if reference else ())


@pytest.mark.parametrize("line, title", [
    ("- KR1: Mobile checkout conversion from 2.9% to 3.8% — 🟢 On track", "Mobile checkout conversion from 2.9% to 3.8%"),
    ("- KR2: Ship Apple Pay + Google Pay — ✅ Done", "Ship Apple Pay + Google Pay"),
    ("- KR3: Raise NPS from 30 to 45 (At risk)", "Raise NPS from 30 to 45"),
    ("- KR4: Keep the lights on - done right", "Keep the lights on - done right"),
])
def test_a_trackers_status_after_a_title_is_not_part_of_it(line, title):
    result = load_draft_file("a.okr.md", f"## Objective 1: Checkout just works\n{line}\n".encode(), {})
    assert result.sets[0].objectives[0].key_results[0].title == title


def test_a_bilingual_draft_reads_each_objective_once_with_its_key_results():
    text = ("# Kinkao OKRs Q4 2026\n\n## Objective 1: Restaurants take their first online order on day one\n"
            "**วัตถุประสงค์ที่ 1: ร้านอาหารรับออเดอร์ออนไลน์แรกได้ตั้งแต่วันแรก**\n\nKey results / ผลลัพธ์หลัก:\n"
            "1. Cut median time to first paid order from 3.5 days to 1 day\n"
            "2. Raise menus published within 24 hours from 41% to 70%\n\n"
            "## Objective 2: Owners come back every day\n**วัตถุประสงค์ที่ 2: เจ้าของร้านกลับมาใช้ทุกวัน**\n\n"
            "Key results / ผลลัพธ์หลัก:\n1. Raise restaurants active 5+ days a week from 48% to 65%\n")
    (okr_set,) = load_draft_file("kinkao.okr.md", text.encode(), {}).sets
    assert [(o.title, len(o.key_results)) for o in okr_set.objectives] == [
        ("Restaurants take their first online order on day one", 2), ("Owners come back every day", 1)]
    assert okr_set.objectives[0].description == "ร้านอาหารรับออเดอร์ออนไลน์แรกได้ตั้งแต่วันแรก"  # the translation


def test_the_number_after_a_checkbox_numbers_the_item():
    text = ("- [x] 1. Objective: Customers get unstuck on their first contact\n"
            "  - [x] 1.1 Raise first-contact resolution from 58% to 72%\n  - [ ] 1.2 Improve search\n")
    (okr_set,) = load_draft_file("support.okr.md", text.encode(), {}).sets
    (objective,) = okr_set.objectives
    assert objective.title == "Customers get unstuck on their first contact"
    assert [kr.title for kr in objective.key_results] == ["Raise first-contact resolution from 58% to 72%", "Improve search"]


def test_a_page_number_in_text_copied_from_a_pdf_is_left_out():
    text = ("Objective 1: Drivers go home safe\nKey results:\n1. Cut lost-time injuries from 9 to 3\n"
            "2. Complete forklift recertification for all 46\ndrivers by 31 March 2027\n                 2\n")
    (okr_set,) = load_draft_file("safety.okr.txt", text.encode(), {}).sets
    assert okr_set.objectives[0].key_results[-1].title == "Complete forklift recertification for all 46 drivers by 31 March 2027"


@pytest.mark.parametrize("line, title", [
    ("- KR3: Launch the new donor CRM [TBC]", "Launch the new donor CRM"),
    ("- KR3: Grow monthly donors from 300 to 500 (stretch)", "Grow monthly donors from 300 to 500"),
    ("- KR3: Raise NPS to [TBC]", "Raise NPS to [TBC]"),  # where the target belongs: a placeholder
])
def test_a_note_after_a_title_is_not_part_of_it(line, title):
    result = load_draft_file("a.okr.md", f"## Objective 1: Donors stay with us\n{line}\n".encode(), {})
    assert result.sets[0].objectives[0].key_results[0].title == title


@pytest.mark.parametrize("heading, start, end", [
    ("แผนปฏิบัติการประจำปีบัญชี 2570 ฝ่ายบริการลูกค้า", dt.date(2026, 10, 1), dt.date(2027, 9, 30)),
    ("OKR ฝ่ายบริการลูกค้า ปีบัญชี พ.ศ. 2570", dt.date(2026, 10, 1), dt.date(2027, 9, 30)),
])
def test_a_companys_accounting_year_in_the_heading_is_the_period(heading, start, end):
    okr_set = only_set(
        f"""
        # {heading}

        วัตถุประสงค์ 1: ลูกค้าได้รับบริการที่รวดเร็วขึ้น
        - ระยะเวลารอสายเฉลี่ยลดลงจาก 5 นาที เหลือ 2 นาที
        - คะแนนความพึงพอใจเพิ่มจาก 80% (ปีบัญชีที่แล้ว) เป็น 90%
        """,
        "service.okr.md",
    )
    assert (okr_set.period.start, okr_set.period.end, okr_set.period.kind) == (start, end, "fiscal_year")


@pytest.mark.parametrize("title, team", [
    ("# Sales OKRs Q2 2027", "Sales"),
    ("# H1 2027 Growth OKRs", "Growth"),
    ("Platform Engineering OKRs — H1 2027", "Platform Engineering"),
    ("# Q2 2027 OKRs", "notes-3"),  # a period names no one: the file name stands
    ("# Draft OKRs — Platform", "notes-3"),
    ("# Company OKRs 2027", "notes-3"),  # the company level is read elsewhere, not as a team called "Company"
])
def test_a_name_before_okrs_in_the_title_names_the_team(title, team):
    okr_set = only_set(f"{title}\n\n## Objective: Merchants get paid fast\n- Cut payout time from 5 days to 2 days\n",
                       "notes-3.md")
    assert okr_set.team == team


@pytest.mark.parametrize("title", ["# OKRs — Q3 2026", "# OKRs: Q3 2026", "OKR: Q3 2026"])
def test_a_first_line_labelled_okrs_above_the_objectives_is_the_title(title):
    okr_set = only_set(f"{title}\n\n## Objective: Merchants get paid fast\n- Cut payout time from 5 days to 2 days\n",
                       "payments.md")
    assert okr_set.period is not None and okr_set.period.text == "Q3 2026"
    assert titles(okr_set) == [("Merchants get paid fast", ["Cut payout time from 5 days to 2 days"])]


def test_okr_label_on_a_short_note_still_names_its_objective():
    okr_set = only_set("OKR: Make checkout effortless\n- Cut payout time from 5 days to 2 days\n", "payments.md")
    assert titles(okr_set) == [("Make checkout effortless", ["Cut payout time from 5 days to 2 days"])]
