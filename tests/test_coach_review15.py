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
