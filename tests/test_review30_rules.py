"""Review 30 (a Thai retail and franchise group): multiples, compounds, ranks."""

from __future__ import annotations

import pytest

from okrlint.load import key_result_values
from okrlint.testing import lint_documents
from okrlint.text.numbers import read_change


@pytest.mark.parametrize("text, baseline, target", [
    ("เพิ่มขึ้นสองเท่า (ค่าฐาน 450,000 บาท)", 450_000, 900_000),
    ("จาก 1,200 คน เป็น 2 เท่า", 1_200, 2_400),
    ("Grow revenue 2x from $1.2M", 1_200_000, 2_400_000),
    ("Grow bookings 3 times from 400", 400, 1_200),
    ("ลดลงครึ่งหนึ่ง จาก 40 ราย", 40, 20),
    ("Double online sales from 120 orders", 120, 240),
])
def test_a_multiple_of_the_baseline_is_the_target(text, baseline, target):
    change = read_change(text)
    assert (change.baseline, change.target) == (baseline, target)


def test_a_ratio_written_with_its_x_is_not_a_multiple():
    assert read_change("ROAS 1.6x to 2.4x").target == 2.4


def test_a_target_cell_saying_twice_doubles_the_baseline():
    values = key_result_values({"baseline": 210_000.0, "baseline_text": "210,000", "target": 2.0, "target_text": "สองเท่า"})
    assert values["target"] == 420_000


def _codes(text: str) -> list[str]:
    return [f.code for f in lint_documents([("plan.txt", text)])]


def test_rush_hour_is_not_a_verb_that_raises():
    text = ("ทีม: สาขา\nไตรมาส 1/2570\n\nวัตถุประสงค์: ลูกค้าช่วงเช้าไม่ต้องรอนาน\n"
            "- เวลารอเครื่องดื่มเฉลี่ยช่วงเร่งด่วน\n  ค่าฐาน: 6.5 นาที\n  ค่าเป้าหมาย: 4 นาที\n"
            "- ลูกค้าที่รอเกิน 5 นาทีลดจาก 30% เหลือ 10%\n")
    assert "MEA004" not in _codes(text)


@pytest.mark.parametrize("objective", ["เป็นร้านกาแฟอันดับหนึ่งในใจลูกค้า", "ก้าวสู่การเป็นองค์กรชั้นนำด้านนวัตกรรม",
                                       "เป็นผู้นำตลาดประกันสุขภาพออนไลน์"])
def test_a_thai_rank_is_vague(objective):
    text = (f"ทีม: แฟรนไชส์\nไตรมาส 1/2570\n\nวัตถุประสงค์: {objective}\n- ผู้สมัครแฟรนไชส์เพิ่มจาก 45 เป็น 60 ราย\n"
            "- สาขาแฟรนไชส์ที่มีกำไรในปีแรกเพิ่มจาก 50 เป็น 70 ราย\n")
    assert "CLA003" in _codes(text)


def test_the_best_service_for_customers_is_not_a_rank():
    text = ("ทีม: บริการ\nไตรมาส 1/2570\n\nวัตถุประสงค์: ลูกค้าได้รับบริการที่ดีที่สุด\n- ลดเวลารอจาก 8 เหลือ 3 นาที\n"
            "- ความพึงพอใจเพิ่มจาก 4.1 เป็น 4.5\n")
    assert "CLA003" not in _codes(text)
