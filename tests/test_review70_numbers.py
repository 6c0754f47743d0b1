"""Review 70 (a Bangkok food-delivery scale-up's Thai–English OKRs), the number reader: a change by a share in the title
beside a baseline in its own field; negative money; Thai words that hold number words (ร้อยเอ็ด, หก "spilled"); numbers
in quoted feature names and launched releases; month-dated baseline notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.text.numbers import read_change, read_numbers, target_from_baseline


def _check(path: Path, *args: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args, str(path)])
    return json.loads(result.stdout[result.stdout.index("{"):])


def _codes(report: dict) -> list[str]:
    return [f["code"] for f in report["findings"]]


def _yaml(tmp_path: Path, key_results: str) -> Path:
    path = tmp_path / "fin.okr.yaml"
    path.write_text("team: fin\nowner: p\nobjectives:\n  - title: ต้นทุนต่อออเดอร์ลดลงโดยลูกค้าไม่รู้สึก\n    key_results:\n"
                    + key_results, encoding="utf-8")
    return path


# --- 1. a change by a share in the title, the baseline in its field ------------------------------------------------

@pytest.mark.parametrize("title", ["ลด cloud cost ต่อออเดอร์ 10%", "Cut cloud cost per order by 10%",
                                   "ลด cloud cost ต่อออเดอร์ลง 10%", "Reduce cloud cost per order 10%"])
def test_a_share_in_the_title_moves_the_baseline_field(tmp_path, title):
    report = _check(_yaml(tmp_path, f"      - title: {title}\n        baseline: 1.80\n"))
    assert "MEA004" not in _codes(report), report["findings"]
    assert "MEA007" not in _codes(report), report["findings"]  # 1.80 -> 1.62 is no "share moving a point"


def test_a_sheet_with_a_baseline_and_no_target(tmp_path):
    path = tmp_path / "finance.csv"
    path.write_text("Objective,Key Result,Owner,Baseline,Target,Unit\n"
                    "O2: Contribution margin ต่อออเดอร์เป็นบวก,ลด cloud cost ต่อออเดอร์ 10%,Ploy,฿1.80,,บาท\n"
                    ",Grow revenue per rider by 20%,Ploy,\"฿12,000\",,บาท\n", encoding="utf-8")
    assert "MEA004" not in _codes(_check(path))


def test_the_target_a_title_change_means_from_a_baseline():
    assert target_from_baseline(read_change("ลด cloud cost ต่อออเดอร์ 10%"), 1.80, "1.80") == pytest.approx(1.62)
    assert target_from_baseline(read_change("Cut cloud cost per order by 10%"), 1.80, "฿1.80") == pytest.approx(1.62)
    assert target_from_baseline(read_change("Grow revenue 20%"), 1000.0, "1,000") == pytest.approx(1200)
    assert target_from_baseline(read_change("เพิ่มลูกค้าใหม่ 500 ราย"), 12000.0, "12,000") is None  # a level of its own
    assert target_from_baseline(read_change("Increase orders by 500"), 12000.0, "12,000") == pytest.approx(12500)
    assert target_from_baseline(read_change("เพิ่มยอดขายขึ้น 2 เท่า"), 450.0, "450") == pytest.approx(900)
    assert target_from_baseline(read_change("Cut churn by 20%"), 14.0, "14%") == pytest.approx(11.2)  # not below 0


@pytest.mark.parametrize("title", ["ลดอัตราการยกเลิกให้เหลือ 10%", "Cut churn to 10%", "Cut churn 10%",
                                   "ลดอัตราการยกเลิก 10%", "Reduce cost per order to at most 10%"])
def test_a_share_that_is_the_level_stays_the_target(title):
    change = read_change(title)
    assert change.target == 10
    assert target_from_baseline(change, 14.0, "14%") is None


def test_a_level_beside_a_share_baseline_still_reads_as_the_target(tmp_path):
    report = _check(_yaml(tmp_path, "      - title: ลดอัตราการยกเลิกให้เหลือ 10%\n        baseline: 14%\n"
                                    "      - title: Cut churn to 20%\n        baseline: 14%\n"))
    assert _codes(report).count("MEA004") == 1  # "to 20%" from 14% still goes up


@pytest.mark.parametrize("title, target", [("ลด cloud cost ต่อออเดอร์ 10% จาก ฿1.80", 1.62),
                                           ("Grow revenue 20% (from $1.2M)", 1.44e6),
                                           ("ลด cost per order ลง 15% จาก ฿12.4", 10.54)])
def test_a_bare_share_after_the_verb_in_the_title_alone(title, target):
    change = read_change(title)
    assert change.target == pytest.approx(target)


# --- 2. negative money ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, baseline, target", [
    ("Contribution margin ต่อออเดอร์ จาก -฿4.2 เป็น +฿3.0", -4.2, 3.0),
    ("Contribution margin per order from -$4.2 to +$3.0", -4.2, 3.0),
    ("from –฿4.2 to ฿3.0", -4.2, 3.0),
    ("from ฿-4.2 to ฿3.0", -4.2, 3.0),
    ("from −$4.2 to $3.0", -4.2, 3.0),
    ("EBITDA จาก ติดลบ 40 ล้านบาท เป็น บวก 10 ล้านบาท", -40e6, 10e6),
    ("EBITDA จากติดลบ 40 เป็นบวก 10 ล้านบาท", -40e6, 10e6),
    ("EBITDA margin from –3% to +2%", -3.0, 2.0),
    ("from -12% to 5%", -12.0, 5.0),
    ("จาก -4.2 บาท เป็น 3 บาท", -4.2, 3.0),
])
def test_negative_money_keeps_its_baseline(text, baseline, target):
    change = read_change(text)
    assert (change.baseline, change.target, change.direction) == (pytest.approx(baseline), pytest.approx(target), "up")


@pytest.mark.parametrize("text, values", [
    ("from 10–12 to 15", [10, 12, 15]),
    ("฿10-฿12", [10, 12]),
    ("ราคา 10-12 บาท", [10, 12]),
    ("ทัศนคติเชิงบวก 80%", [80]),
    ("ลบ 10 รายการ", [10]),
])
def test_a_dash_between_numbers_is_no_sign(text, values):
    assert [m.value for m in read_numbers(text)] == values


def test_negative_money_in_a_file(tmp_path):
    report = _check(_yaml(tmp_path, "      - Contribution margin ต่อออเดอร์ จาก -฿4.2 เป็น +฿3.0\n"
                                    "      - EBITDA จาก ติดลบ 40 ล้านบาท เป็น บวก 10 ล้านบาท\n"))
    assert "MEA002" not in _codes(report), report["findings"]


# --- 3. Thai words that hold number words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ประชาชนในจังหวัดร้อยเอ็ดเข้าถึงบริการสุขภาพใกล้บ้าน", "เปิดสาขาที่ร้อยเอ็ด",
                                  "อำเภอสามร้อยยอด", "สิบสองปันนา", "ลด complaint เรื่องอาหารเย็น/หก ให้เหลือน้อยที่สุด",
                                  "ซุปหก ให้ลูกค้า", "สามพราน", "สี่แยก", "สามเหลี่ยม"])
def test_names_and_words_with_number_words_are_no_numbers(text):
    assert read_numbers(text) == ()


@pytest.mark.parametrize("text, value", [("หนึ่งครั้งต่อเดือน", 1), ("สามเท่า", 3), ("หกเดือน", 6), ("๖ เดือน", 6),
                                         ("ภายในหกเดือน", 6), ("ไม่เกินหกครั้ง", 6), ("ร้อยละหก", 6),
                                         ("ผู้ป่วยร้อยเอ็ดคน", 101), ("หนึ่งร้อยเอ็ดคน", 101), ("ร้อยเอ็ดล้าน", 101e6)])
def test_thai_number_words_still_count(text, value):
    assert [m.value for m in read_numbers(text)] == [value]


def test_roi_et_in_an_objective_is_no_metric(tmp_path):
    path = tmp_path / "t.okr.yaml"
    path.write_text("team: t\nowner: x\nobjectives:\n  - title: ประชาชนในจังหวัดร้อยเอ็ดเข้าถึงบริการสุขภาพใกล้บ้าน\n"
                    "    key_results:\n      - ลด complaint เรื่องอาหารเย็น/หก ให้เหลือน้อยที่สุด\n", encoding="utf-8")
    codes = _codes(_check(path))
    assert "CLA001" not in codes and "MEA001" in codes and "MEA002" not in codes


# --- 4. numbers in names ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ('Launch feature ใหม่ "สั่งซ้ำ 1 คลิก"', []),
    ("Launch feature ใหม่ “สั่งซ้ำ 1 คลิก” ให้ลูกค้า 30% ใช้", [30]),
    ('แคมเปญ "1 แถม 1" ยอดขาย 500 ชุด', [500]),
    ('Move 100 shops onto the package called "Pro 5"', [100]),
    ('Get 100 users to try "Plan 5"', [100, 5]),  # a quote with no word before it that names it
    ("Launch Pintoh 2.0 บน iOS", []),
    ("Launch Pintoh 2 on iOS", []),
    ("เปิดตัว Pintoh 2.0 ให้ผู้ใช้ 30%", [30]),
    ("Ship the new Checkout 3 to 20% of users", [20]),
    # quantities stay
    ('Reach "Top 10" on the App Store', [10]),
    ('Achieve "10,000 orders" in a month', [10000]),
    ('"Increase NPS from 31 to 45"', [31, 45]),
    ('- "เพิ่มคะแนนความพึงพอใจจาก 3.9 เป็น 4.5"', [3.9, 4.5]),
    ("Launch Pintoh Pay in 3 cities", [3]),
    ("Launch 3 new features", [3]),
    ("Launch the app; Reach 500 riders", [500]),
    ("Launch the rider survey with NPS 45", [45]),
])
def test_numbers_in_quoted_names_and_launched_releases(text, values):
    assert [m.value for m in read_numbers(text)] == values


def test_a_launch_of_a_named_release_is_not_measurable(tmp_path):
    report = _check(_yaml(tmp_path, '      - Launch feature ใหม่ "สั่งซ้ำ 1 คลิก"\n      - Launch Pintoh 2.0 บน iOS\n'))
    assert _codes(report).count("MEA001") == 2, report["findings"]


# --- 5. month-dated baseline notes ------------------------------------------------------------------------------------

@pytest.mark.parametrize("note", ["Dec'26: 1.1B", "Dec 2026: 1.1B", "ธ.ค. 69: 1.1B", "ธันวาคม 2569: 1.1B", "Q4/2569: 1.1B",
                                  "12/2569: 1.1B", "Mar ’26 1.1B", "ปัจจุบัน 1.1B"])
def test_a_month_dated_note_is_the_baseline(note):
    change = read_change(f"GMV ต่อเดือนแตะ 1.5B บาท ({note})")
    assert (change.baseline, change.target) == (1.1e9, 1.5e9)


def test_a_month_dated_plan_is_no_baseline():
    change = read_change("GMV ต่อเดือนแตะ 1.5B บาท (Jun 2027 target: 1.2B)")
    assert change.baseline is None
    assert [m.kind for m in read_numbers("Launch by Dec'26 to 500 shops")] == ["year", "number"]
