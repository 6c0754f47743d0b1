"""Review 51 (a bilingual group of ~36 sets): who a key result counts, narrower wordings of a specific aim, and the
same aim or key result in the other language when both name the same group."""

from __future__ import annotations

import json

from click.testing import CliRunner

from okrlint.cli import main


def _findings(tmp_path, sets: dict[str, tuple[str, str]], select: str) -> list[tuple[str, str]]:
    """One set per team (team -> (objective, key result or '')); the findings as (code, team file)."""
    for team, (objective, kr) in sets.items():
        text = f"team: {team}\nperiod: 2027-Q1\nobjectives:\n  - title: \"{objective}\"\n"
        if kr:
            text += f"    key_results:\n      - \"{kr}\"\n"
        (tmp_path / f"{team}.okr.yaml").write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", select])
    return sorted((f["code"], f["file"].rsplit("/", 1)[-1]) for f in json.loads(run.stdout)["findings"])


def test_the_same_measure_for_two_groups_of_people_is_two_key_results(tmp_path):
    assert _findings(tmp_path, {
        "subs": ("Subscribers stay with us", "Lower monthly cancellations among app subscribers from 7.3% to 5.1%"),
        "fleet": ("Drivers stay with us", "Lower monthly cancellations among drivers from 7.3% to 5.1%"),
    }, "ALN012") == []


def test_the_same_measure_for_two_groups_of_people_in_thai_is_two_key_results(tmp_path):
    assert _findings(tmp_path, {
        "wallet": ("ผู้ใช้ใช้กระเป๋าเงินทุกเดือน", "ลดอัตราการยกเลิกรายเดือนของผู้ใช้ จาก 6.3% เป็น 4.7%"),
        "shops": ("ร้านค้ารับชำระผ่านเราทุกเดือน", "ลดอัตราการยกเลิกรายเดือนของร้านค้า จาก 6.3% เป็น 4.7%"),
    }, "ALN012") == []


def test_the_same_group_in_other_words_is_still_one_key_result(tmp_path):
    found = _findings(tmp_path, {
        "growth": ("Wallet users keep paying", "Cut monthly churn of wallet users from 6.3% to 4.7%"),
        "retention": ("Wallet users stay", "Reduce the monthly wallet users churn rate from 6.3% to 4.7%"),
    }, "ALN012")
    assert found == [("ALN012", "growth.okr.yaml"), ("ALN012", "retention.okr.yaml")]


def test_a_specific_aim_with_two_words_more_is_the_same_objective(tmp_path):
    found = _findings(tmp_path, {
        "stays": ("Returning hotel guests book their next stay within 60 days of checking out", ""),
        "loyalty": ("Make sure returning hotel guests book their next stay within 60 days", ""),
    }, "ALN005")
    assert found == [("ALN005", "loyalty.okr.yaml"), ("ALN005", "stays.okr.yaml")]


def test_a_specific_aim_for_another_group_is_not_the_same_objective(tmp_path):
    assert _findings(tmp_path, {
        "stays": ("Returning hotel guests book their next stay within 60 days", ""),
        "corporate": ("Returning hotel guests book their next stay within 60 days for corporate clients", ""),
    }, "ALN005") == []


def test_the_same_aim_for_new_staff_in_thai_and_english(tmp_path):
    found = _findings(tmp_path, {
        "hiring": ("New warehouse staff are fully productive within their first 14 days", ""),
        "training": ("พนักงานคลังสินค้าใหม่ทำงานได้เต็มที่ภายใน 14 วันแรก", ""),
    }, "ALN005")
    assert found == [("ALN005", "hiring.okr.yaml"), ("ALN005", "training.okr.yaml")]


def test_the_same_key_result_for_new_staff_in_thai_and_english(tmp_path):
    sets = {
        "hiring": ("Warehouse hires settle in", "Raise the share of new warehouse staff who pass the skills test from 47% to 83%"),
        "training": ("พนักงานคลังพร้อมทำงาน", "เพิ่มสัดส่วนพนักงานคลังสินค้าใหม่ที่ผ่านการทดสอบทักษะ จาก 47% เป็น 83%"),
    }
    assert _findings(tmp_path, sets, "ALN012") == [("ALN012", "hiring.okr.yaml"), ("ALN012", "training.okr.yaml")]


def test_new_and_existing_staff_in_the_other_language_are_two_key_results(tmp_path):
    sets = {
        "hiring": ("Warehouse hires settle in", "Raise the share of new warehouse staff who pass the skills test from 47% to 83%"),
        "training": ("พนักงานคลังพร้อมทำงาน", "เพิ่มสัดส่วนพนักงานคลังสินค้ารายเดิมที่ผ่านการทดสอบทักษะ จาก 47% เป็น 83%"),
    }
    assert _findings(tmp_path, sets, "ALN012") == []
