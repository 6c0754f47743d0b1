"""Tables whose one column holds objectives and key results alike, as many OKR spreadsheets are kept."""

from __future__ import annotations

import pytest

from okrlint.load.spreadsheet import load_spreadsheet


def sets_of(text: str, name: str = "ops.okr.csv"):
    result = load_spreadsheet(name, text.encode("utf-8"), {})
    assert not result.errors, result.errors
    return [(o.title, [(k.title, k.baseline, k.target) for k in o.key_results]) for s in result.sets for o in s.objectives]


EXPECTED = [
    ("Customers trust our delivery promises",
     [("On-time delivery rate", 88, 96), ("Late-delivery complaints per month", 120, 40)]),
    ("Sellers grow with us", [("Monthly active sellers", 1200, 1800)]),
]


@pytest.mark.parametrize("text", [
    # a number column: O1 / KR1.1
    "No.,OKR,Baseline,Target\nO1,Customers trust our delivery promises,,\nKR1.1,On-time delivery rate,88%,96%\n"
    "KR1.2,Late-delivery complaints per month,120,40\nO2,Sellers grow with us,,\nKR2.1,Monthly active sellers,1200,1800\n",
    # a type column: Objective / Key result
    "Type,Description,Baseline,Target\nObjective,Customers trust our delivery promises,,\n"
    "Key result,On-time delivery rate,88%,96%\nKey result,Late-delivery complaints per month,120,40\n"
    "Objective,Sellers grow with us,,\nKey result,Monthly active sellers,1200,1800\n",
    # outline numbers: 1 / 1.1
    "#,OKR,Baseline,Target\n1,Customers trust our delivery promises,,\n1.1,On-time delivery rate,88%,96%\n"
    "1.2,Late-delivery complaints per month,120,40\n2,Sellers grow with us,,\n2.1,Monthly active sellers,1200,1800\n",
    # labels in the text itself
    "OKR,Baseline,Target\nO1: Customers trust our delivery promises,,\nKR1: On-time delivery rate,88%,96%\n"
    "KR2: Late-delivery complaints per month,120,40\nO2: Sellers grow with us,,\nKR1: Monthly active sellers,1200,1800\n",
])
def test_one_column_of_objectives_and_key_results(text):
    assert sets_of(text) == EXPECTED


def test_thai_rows_marked_in_a_type_column():
    text = ("ประเภท,วัตถุประสงค์/ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\nวัตถุประสงค์,ผู้ประกอบการได้รับอนุญาตเร็วขึ้น,,\n"
            "ผลลัพธ์หลัก,ระยะเวลาออกใบอนุญาตเฉลี่ย (วัน),30,10\nผลลัพธ์หลัก,ร้อยละของคำขอที่ยื่นออนไลน์,20,60\n")
    assert sets_of(text) == [("ผู้ประกอบการได้รับอนุญาตเร็วขึ้น",
                              [("ระยะเวลาออกใบอนุญาตเฉลี่ย (วัน)", 30, 10), ("ร้อยละของคำขอที่ยื่นออนไลน์", 20, 60)])]


def test_a_description_column_beside_an_objective_column_is_only_a_note():
    text = "Objective,Key result,Description\nRiders come back,Raise repeat rides from 30% to 45%,see dashboard\n"
    assert sets_of(text) == [("Riders come back", [("Raise repeat rides from 30% to 45%", None, None)])]


def _multi_year_book(path, years):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["เป้าประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย", None, None, "หน่วยนับ"])
    sheet.append([None, None, "2567", *years, None])
    sheet.append(["นักลงทุนได้รับบริการรวดเร็ว", "ระยะเวลาอนุมัติคำขอเฉลี่ย", 45, 40, 30, 20, "วัน"])
    sheet.merge_cells("D1:F1")
    book.save(path)
    return load_spreadsheet(path.name, path.read_bytes(), {})


def _current_fiscal_year_be() -> int:
    import datetime as dt

    today = dt.date.today()
    return today.year + (1 if today.month >= 10 else 0) + 543


def test_a_row_of_years_under_the_header_is_part_of_it_and_the_current_fiscal_year_is_the_target(tmp_path):
    now = _current_fiscal_year_be()
    result = _multi_year_book(tmp_path / "plan.xlsx", [str(now - 1), f"พ.ศ. {now}", str(now + 1)])
    (okr_set,) = result.sets
    (objective,) = okr_set.objectives
    (kr,) = objective.key_results  # the year row is not a key result
    assert (kr.baseline, kr.target) == (45, 30)


def test_without_the_current_year_the_last_year_is_the_target(tmp_path):
    result = _multi_year_book(tmp_path / "plan.xlsx", ["2561", "2562", "2563"])
    (kr,) = result.sets[0].objectives[0].key_results
    assert kr.target == 20


def test_a_start_column_of_numbers_is_the_baseline_and_of_dates_is_not():
    text = "Objective,Key Result,Start,Target,Current\nShoppers find what they need,Search exit rate,38%,20%,31%\n"
    assert sets_of(text) == [("Shoppers find what they need", [("Search exit rate", 38, 20)])]
    text = "Objective,Key Result,Start,Target\nShoppers find what they need,Search exit rate,2026-01-05,20%\n"
    assert sets_of(text) == [("Shoppers find what they need", [("Search exit rate", None, 20)])]
