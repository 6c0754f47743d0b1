"""Reading files as review 28 found them: a Thai sheet whose objective column is headed "เป้าหมาย", page furniture
in PDF text exports, template leftovers in filled Word forms, lessons bullets in a blog post, folder runs that
skipped a CSV without a word, emoji in team names taken from file names."""

from __future__ import annotations

import textwrap

import pytest

from okrlint.load.columns import field_for_header, read_header
from okrlint.load.draft import load_draft_file
from okrlint.load.spreadsheet import load_spreadsheet


def _draft(text: str, name: str = "unit.okr.md", **options):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _csv(text: str, name: str = "unit.csv", **options):
    return load_spreadsheet(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _objectives(result):
    return [o for s in result.sets for o in s.objectives]


# --- 1. "เป้าหมาย" beside "ค่าเป้าหมาย" is the objective column ------------------------------------------
@pytest.mark.parametrize("head", ["เป้าหมาย", "เป้าหมาย (Objective)", "เป้าหมายการพัฒนา", "เป้าหมายเชิงกลยุทธ์"])
@pytest.mark.parametrize("target", ["ค่าเป้าหมาย", "ค่าเป้าหมาย ปี 2570", "Target"])
def test_goal_column_beside_a_target_column_is_the_objective(head, target):
    result = _csv(f"""
        {head},ผลลัพธ์หลัก,ค่าฐาน,{target},หน่วยนับ
        ประชาชนมีน้ำสะอาดใช้ตลอดปี,ลดครัวเรือนที่น้ำประปาไม่ไหลเกิน 24 ชั่วโมง,180,40,ครัวเรือน
        ,ร้อยละครัวเรือนที่ได้น้ำผ่านเกณฑ์คุณภาพ,72,90,ร้อยละ
        """)
    [objective] = _objectives(result)
    assert objective.title == "ประชาชนมีน้ำสะอาดใช้ตลอดปี"
    assert [(kr.baseline, kr.target) for kr in objective.key_results] == [(180, 40), (72, 90)]


def test_goal_column_alone_is_still_the_target():
    assert field_for_header("เป้าหมาย") == "target"
    assert field_for_header("เป้าหมาย ปี 2570") == "target"
    assert read_header(["ตัวชี้วัด", "ค่าฐาน", "เป้าหมาย"], {}) == {"key_result": 0, "baseline": 1, "target": 2}
    # a year-qualified goal column is a target even beside another one; the first stays the target
    assert read_header(["ตัวชี้วัด", "เป้าหมายปี 2569", "ค่าเป้าหมาย"], {})["target"] == 1


def test_gloss_decides_an_ambiguous_header():
    assert field_for_header("เป้าหมาย (Objective)") == "objective"
    assert field_for_header("เป้าหมาย (Target)") == "target"
    assert field_for_header("Goal (เป้าหมาย)") == "objective"
    # a gloss never overrides a header that says what it is
    assert field_for_header("ค่าเป้าหมาย (Goal)") == "target"
    assert field_for_header("หน่วยงาน (Unit)") == "team"


def test_objective_column_and_goal_column_keep_the_real_target():
    columns = read_header(["วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย"], {})
    assert columns["objective"] == 0 and columns["target"] == 3


def test_mapping_still_wins_over_goal_column():
    columns = read_header(["เป้าหมาย", "ตัวชี้วัด", "ค่าเป้าหมาย"], {"เป้าหมาย": "target", "ค่าเป้าหมาย": "ignore"})
    assert columns == {"target": 0, "key_result": 1}
