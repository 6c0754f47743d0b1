"""Review 44: web "OKR examples" pages, an offsite deck's PDF and an e-mail draft read as plain text."""

from __future__ import annotations

import textwrap

from okrlint.load.draft import DraftLine, load_draft_file, parse_draft
from okrlint.load.pdf import _page_titles
from okrlint.model import Location


def load(text: str, name: str = "okrs.txt"):
    return load_draft_file(name, textwrap.dedent(text).encode(), {})


def krs(okr_set):
    return [[kr.title for kr in o.key_results] for o in okr_set.objectives]


def test_heading_like_lines_end_a_list_of_plain_key_results():
    result = load("""\
        Objective 1: Become the go-to resource for first-time bookkeepers
        Key Results:
        Grow organic sign-ups from 1,200 to 2,000 per month
        Publish 24 new blog posts
        Want a template for these? Download our free spreadsheet →
        Frequently asked questions
        How many objectives should a team have?
        Most teams do best with two or three.
        Related posts
        © 2026 Example Inc. All rights reserved.
        """)
    (okr_set,) = result.sets
    assert krs(okr_set) == [["Grow organic sign-ups from 1,200 to 2,000 per month", "Publish 24 new blog posts"]]


def test_thai_section_lines_end_the_list_but_short_thai_key_results_stay():
    result = load("""\
        วัตถุประสงค์ที่ 1: ลูกค้าได้รับบริการที่รวดเร็วขึ้น
        ผลลัพธ์หลัก:
        ลดเวลารอสาย 10%
        เพิ่ม NPS เป็น 50
        คำถามที่พบบ่อย
        OKR ควรมีกี่ข้อ
        บทความที่เกี่ยวข้อง
        """)
    (okr_set,) = result.sets
    assert krs(okr_set) == [["ลดเวลารอสาย 10%", "เพิ่ม NPS เป็น 50"]]


def test_plain_key_results_without_numbers_or_in_title_case_still_read():
    result = load("""\
        Objective: Be a support team people want to join
        Key results:
        Improve team morale
        Hire 4 new agents
        Make OKRs visible to everyone
        Reduce Risks Of Late Payment
        Keep attrition under 10%
        """)
    (okr_set,) = result.sets
    assert len(okr_set.objectives[0].key_results) == 5


def test_department_lines_in_plain_text_split_the_document():
    result = load("""\
        OKR examples for startups

        MARKETING

        Objective: Make our brand the first one founders think of
        Key Results:
        1. Raise brand recall from 6% to 15%

        SALES

        Objective: Close more deals
        Key Results:
        1. Raise demo-to-close conversion from 18% to 25%
        """)
    assert [s.team for s in result.sets] == ["MARKETING", "SALES"]
    result = load("""\
        25 OKR examples for every team
        Marketing OKR examples
        Objective 1: Become the go-to resource for bookkeepers
        Key Results:
        Grow organic sign-ups from 1,200 to 2,000 per month
        Sales OKR examples
        Objective 1: Land mid-market accounts in the Nordics
        Key Results:
        Raise win rate from 22% to 30%
        """)
    assert [s.team for s in result.sets] == ["Marketing", "Sales"]
    assert krs(result.sets[0]) == [["Grow organic sign-ups from 1,200 to 2,000 per month"]]


def test_thai_department_lines_split_and_theme_lines_do_not():
    result = load("""\
        ตัวอย่าง OKR รายฝ่าย

        OKR ฝ่ายขาย
        วัตถุประสงค์: เพิ่มยอดขายลูกค้าใหม่
        ผลลัพธ์หลัก:
        - เพิ่มลูกค้าใหม่จาก 20 เป็น 40 ราย

        OKR ฝ่ายบริการลูกค้า
        วัตถุประสงค์: ลูกค้าพึงพอใจมากขึ้น
        ผลลัพธ์หลัก:
        - เพิ่ม CSAT จาก 80% เป็น 90%
        """)
    assert [s.team for s in result.sets] == ["ฝ่ายขาย", "ฝ่ายบริการลูกค้า"]
    one = load("""\
        GROWTH
        Objective 1: Win more clinics
        Key results:
        - Raise signed clinics from 10 to 20
        RELIABILITY
        Objective 2: Keep the service up
        Key results:
        - Raise uptime from 99.5% to 99.9%
        """)
    assert len(one.sets) == 1 and len(one.sets[0].objectives) == 2


def test_owner_line_after_a_slide_bullets_is_the_objectives():
    result = load("""\
        Objective 1: Small businesses close their books in a day
        • Cut month-end close time from 6.5 days to 2 days
        • Raise auto-reconciliation from 38% to 65%
        Owner: Jo Brennan

        Objective 2: Grow revenue
        • Raise net revenue retention from 104% to 112%
        Owner: Sam Okafor
        """)
    (okr_set,) = result.sets
    assert [o.owner for o in okr_set.objectives] == ["Jo Brennan", "Sam Okafor"]
    assert all(kr.owner is None for o in okr_set.objectives for kr in o.key_results)
    per_kr = load("""\
        Objective: Grow revenue
        1. Raise net revenue retention from 104% to 112%
        Owner: Sam
        2. Sign 25 partners
        Owner: Lee
        """).sets[0]
    assert [kr.owner for kr in per_kr.objectives[0].key_results] == ["Sam", "Lee"]


def test_alignment_sentence_under_the_title_and_remarks_in_an_email():
    result = load("""\
        Team: Customer Support

        Objective 1: Customers get their books unstuck without waiting on us
        This supports company objective 1.
        Key results:
        Cut median first response time from 7 hours to 1 hour
        Reduce reconciliation tickets from 900 to 450 per month
        (these are from the Dec dashboard, Marco is double-checking the 900)

        Objective 2: วัตถุประสงค์ที่สอง
        สนับสนุนวัตถุประสงค์ที่ 1 ขององค์กร
        Key results:
        Keep attrition under 10%

        Let me know if you want me to cut objective 2, I know it's a bit internal.
        """)
    (okr_set,) = result.sets
    first, second = okr_set.objectives
    assert first.title == "Customers get their books unstuck without waiting on us"
    assert first.aligns_to
    assert second.title == "วัตถุประสงค์ที่สอง" and second.aligns_to
    assert krs(okr_set) == [["Cut median first response time from 7 hours to 1 hour",
                             "Reduce reconciliation tickets from 900 to 450 per month"], ["Keep attrition under 10%"]]


def test_bad_example_headings_are_skipped_and_examples_leaves_team_names():
    result = load("""\
        # OKR examples by department

        ## Customer success OKR examples

        ### Objective 1: Turn new customers into confident users

        - Raise 90-day retention from 81% to 88%

        ## HR OKR examples

        ### Objective 1: Make this a place engineers want to stay

        - Reduce regretted attrition from 12% to 7%

        ## Bad example

        **Objective:** Increase revenue by 20%

        - Hold 3 sales trainings
        """, "examples.md")
    assert [s.team for s in result.sets] == ["Customer success", "HR"]
    assert all("revenue" not in o.title for s in result.sets for o in s.objectives)


def test_a_page_opening_with_a_title_ends_the_list_above():
    text = ["Objective 4: Be the most trusted name", "• Raise Trustpilot from 4.1 to 4.6", "Owner: Ravi",
            "Risks & asks", "• Hiring freeze may slow Objective 2", "• We need 2 more SREs"]
    lines = [DraftLine(t, Location("deck.pdf", i + 1, 1)) for i, t in enumerate(text)]
    where = [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
    result = parse_draft(_page_titles(lines, where), "deck.pdf", {}, source_format="pdf")
    (okr_set,) = result.sets
    assert krs(okr_set) == [["Raise Trustpilot from 4.1 to 4.6"]]
    assert okr_set.objectives[0].owner == "Ravi"


def test_the_title_slide_names_the_organisation_not_the_event_in_the_file_name():
    result = load("""\
        Acme Foods — Leadership Offsite
        Company OKRs H1 2027

        Objective 1: Win back lapsed shoppers
        - Raise repeat purchase rate from 20% to 30%
        """, "Leadership Offsite H1 2027 - Company OKRs.txt")
    (okr_set,) = result.sets
    assert okr_set.team == "Acme Foods" and okr_set.level == "company"
