"""Review 37 (a Thai fintech and an insurer): rules."""

from __future__ import annotations

from okrlint.testing import lint_documents


def test_a_placeholder_in_a_cell_and_repeated_in_the_title_is_reported_once():
    sheet = ("Objective,Key result,Baseline,Target\n"
             "ร้านค้าเริ่มขายได้เร็ว,ลดเวลาเปิดร้านเฉลี่ยจาก xx วัน เหลือ 3 วัน,xx,3\n")
    found = [f for f in lint_documents([("okr.csv", sheet)]) if f.code == "MEA003"]
    assert len(found) == 1 and "baseline cell" in found[0].message


def test_a_placeholder_of_its_own_in_the_title_is_still_reported_beside_the_cell():
    sheet = ("Objective,Key result,Baseline,Target\n"
             "ร้านค้าเริ่มขายได้เร็ว,ลดเวลาเปิดร้านให้เหลือ TBD วัน,xx,3\n")
    assert len([f for f in lint_documents([("okr.csv", sheet)]) if f.code == "MEA003"]) == 2
