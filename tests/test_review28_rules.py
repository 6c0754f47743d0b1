"""Rules as review 28 (Thai plans as published) found them wanting."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_documents


def codes(text: str, name: str = "plan.txt") -> list[str]:
    return [f.code for f in lint_documents([(name, text)])]


def _plan(objective: str) -> str:
    return (f"ทีม: กองสวัสดิการสังคม\nปีงบประมาณ 2570\n\nวัตถุประสงค์: {objective}\n"
            "- ผู้สูงอายุที่ช่วยเหลือตนเองได้เพิ่มจากร้อยละ 61 เป็นร้อยละ 70\n"
            "- ผู้สูงอายุติดบ้านได้รับการเยี่ยมบ้านเดือนละครั้งเพิ่มจากร้อยละ 40 เป็นร้อยละ 75\n")


@pytest.mark.parametrize("objective", [
    "ยกระดับคุณภาพชีวิตผู้สูงอายุ", "พัฒนาคุณภาพการให้บริการ", "เสริมสร้างความเข้มแข็งของชุมชน", "พัฒนาศักยภาพบุคลากร",
])
def test_a_raising_verb_and_an_abstract_quality_is_vague_however_the_key_results_measure_it(objective):
    assert "CLA003" in codes(_plan(objective))


@pytest.mark.parametrize("objective", [
    "ยกระดับคุณภาพการศึกษาให้นักเรียนอ่านออกเขียนได้ทุกคน",  # says what will be different
    "ผู้สูงอายุมีคุณภาพชีวิตที่ดีขึ้นและพึ่งตนเองได้",
    "พัฒนาทักษะดิจิทัลของครู",
])
def test_an_aim_that_says_what_changes_is_not(objective):
    assert "CLA003" not in codes(_plan(objective))


def _kr_codes(kr: str, objective: str = "Students come to school ready to learn") -> list[str]:
    text = f"team: school\nperiod: 2027-Q1\n\n## Objective: {objective}\n- {kr}\n- Raise reading scores from 41 to 55\n"
    return [f.code for f in lint_documents([("plan.md", text)]) if f.location.line == 5]


@pytest.mark.parametrize("kr", [
    "ร้อยละการมาเรียนเฉลี่ยของนักเรียน จาก 93 เป็น 90", "อัตราการเข้าเรียน จาก 93% เป็น 90%", "Attendance rate from 93% to 90%",
])
def test_attendance_is_better_higher(kr):
    assert "MEA004" in _kr_codes(kr)


def test_raising_attendance_is_fine():
    assert "MEA004" not in _kr_codes("Raise attendance from 88% to 94%")


@pytest.mark.parametrize("kr", ["Grow post reach from 200,000 to 1 million", "ยอดการเข้าถึงโพสต์เพิ่มจาก 2 แสนเป็น 1 ล้าน",
                                "เพิ่มยอด reach ของเพจจาก 2 แสนเป็น 1 ล้าน"])
def test_reach_of_posts_is_attention_not_posts_made(kr):
    found = _kr_codes(kr, "Shoppers find us on social media")
    assert "MEA008" in found and "MEA005" not in found


def test_more_posts_made_is_still_an_activity():
    assert "MEA005" in _kr_codes("Increase blog output from 2 to 4 posts a week", "Shoppers find us on social media")


def _tags(text: str) -> dict[int, tuple[str, ...]]:
    from okrlint.engine import Engine, objects_in_order

    engine = Engine()
    result = engine.run(sources=[engine.source_from_bytes("t.md", text.encode())], complete=True)
    return {obj.location.line: result.tags_of(obj, okr_set) for okr_set, obj in objects_in_order(result.org.sets)}


def test_first_orders_repeat_purchases_and_existing_customers_are_tagged_as_such():
    tags = _tags("ทีม: การตลาดออนไลน์\nไตรมาส 1/2570\n\n## วัตถุประสงค์: ลูกค้าใหม่ซื้อครั้งแรกแล้วกลับมาซื้อซ้ำ\n"
                 "- ยอดสั่งซื้อครั้งแรกผ่านเว็บเพิ่มจาก 300 เป็น 450 ออเดอร์ต่อเดือน\n"
                 "- อัตราซื้อซ้ำภายใน 60 วันเพิ่มจาก 18% เป็น 25%\n- ส่งอีเมลโปรโมชั่นหาลูกค้าเก่า 12 ครั้ง\n")
    assert {"customer", "acquisition"} <= set(tags[5])
    assert {"customer", "retention"} <= set(tags[6])
    assert "retention" in tags[7]


def test_vanity_quotes_the_term_as_the_text_writes_it():
    text = ("ทีม: การตลาด\nไตรมาส 1/2570\n\nวัตถุประสงค์: ลูกค้ารู้จักร้านเรา\n- ยอด reach โพสต์รวมให้ได้ 1 ล้าน\n"
            "- ยอดสั่งซื้อเพิ่มจาก 300 เป็น 450\n")
    (vanity,) = [f for f in lint_documents([("v.txt", text)], messages="en") if f.code == "MEA008"]
    assert "'ยอด reach'" in vanity.message


def test_an_unfilled_key_result_slot_is_not_also_missing_an_owner():
    text = ("ทีม: ฝ่ายบริการ\nไตรมาส 1/2570\n\nวัตถุประสงค์: ลูกค้าได้รับบริการรวดเร็ว\n"
            "- ลดเวลารอจาก 8 เหลือ 3 นาที\n  ผู้รับผิดชอบ: สมชาย\n- ความพึงพอใจเพิ่มจาก 4.1 เป็น 4.5\n  ผู้รับผิดชอบ: สมศรี\n"
            "- [ระบุผลลัพธ์หลักที่ 3]\n")
    codes = [f.code for f in lint_documents([("p.txt", text)]) if f.location.line == 9]
    assert "STR010" not in codes and "MEA003" in codes


def test_a_blog_post_file_names_the_company_not_the_post():
    from okrlint.load.draft import default_team

    assert default_team("ขายคล่อง-blog-OKR-2570.md") == "ขายคล่อง"
