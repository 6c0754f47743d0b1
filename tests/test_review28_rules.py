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
