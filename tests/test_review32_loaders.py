"""Review 32 (a company shared drive): documents that are not OKR plans are not read as plans — a budget workbook,
meeting minutes, a slide deck exported to text, a guideline's examples in a PDF, an empty Word template."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from okrlint.config import Config
from okrlint.engine import Engine


def _book(path: Path, rows, title="Sheet1", more=()):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, other in more:
        extra = book.create_sheet(name)
        for row in other:
            extra.append(list(row))
    book.save(path)
    return path


def _run(*paths):
    return Engine(Config()).run([str(p) for p in paths], jobs=1)


def _budget_rows(count, header=("Cost centre", "Account", "Description", "Actual Q4 2569", "Budget Q1 2570",
                                "Target", "Variance", "Owner")):
    yield header
    for i in range(count):
        yield (f"CC{1000 + i}", str(5100 + i % 50), f"ค่าน้ำมัน สาขา {i}", 1000 + i, 1100 + i, 990 + i, 50, "Finance")


# --- 1. a budget workbook --------------------------------------------------------------------------------
@pytest.mark.parametrize("header", [
    ("Cost centre", "Account", "Description", "Actual Q4 2569", "Budget Q1 2570", "Target", "Variance", "Owner"),
    ("ศูนย์ต้นทุน", "รหัสบัญชี", "รายการ", "ผลการดำเนินงาน ปี 2569", "งบประมาณ 2570", "ค่าเป้าหมาย", "ผลต่าง",
     "ผู้รับผิดชอบ"),
])
def test_a_budget_workbook_in_a_folder_is_skipped_not_an_okr_document(tmp_path, header):
    _book(tmp_path / "Budget FY2570.xlsx", _budget_rows(3000, header), title="Budget 2570")
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n",
                                      encoding="utf-8")
    result = _run(tmp_path)
    said = " ".join(str(w) for w in result.warnings)
    assert "Budget FY2570.xlsx" in said and "skipped, not an OKR document" in said
    assert "looks like no OKR table" in said and "budget" in said
    assert not result.errors
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]


def test_a_budget_workbook_named_explicitly_says_why_and_does_not_flood(tmp_path):
    path = _book(tmp_path / "budget.xlsx", _budget_rows(500))
    result = _run(path)
    assert not result.findings and not result.org.sets
    assert any("looks like no OKR table" in e.message and "'Account'" in e.message for e in result.errors)


def test_hundreds_of_unmarked_description_lines_are_no_okr_table(tmp_path):
    rows = [("No.", "Description", "Target")] + [(i + 1, f"Item {i}", 10 + i) for i in range(400)]
    result = _run(_book(tmp_path / "list.xlsx", rows))
    assert not result.org.sets
    assert any("400 lines" in e.message for e in result.errors)


def test_a_budget_sheet_beside_the_okr_sheet_is_a_note(tmp_path):
    okrs = [("Objective", "Key result", "Baseline", "Target"),
            ("Riders come back", "Raise repeat rides", "30%", "45%")]
    path = _book(tmp_path / "plan.xlsx", okrs, title="OKR", more=[("Budget", list(_budget_rows(20)))])
    result = _run(path)
    assert [o.title for s in result.org.sets for o in s.objectives] == ["Riders come back"]
    assert not result.errors


@pytest.mark.parametrize("rows", [
    # an OKR tool's export: Type | Description
    [("Type", "Description", "Baseline", "Target"), ("Objective", "Customers trust our delivery", None, None),
     ("Key result", "On-time delivery rate", "88%", "96%"), ("Key result", "Complaints per month", 120, 40)],
    # outline numbers 1 / 1.1 beside a Thai "รายการ" column, even under a budget column
    [("ลำดับ", "รายการ", "งบประมาณ", "ค่าฐาน", "ค่าเป้าหมาย"), ("1", "ลูกค้าได้รับพัสดุตรงเวลา", None, None, None),
     ("1.1", "สัดส่วนพัสดุที่ส่งตรงเวลา", 50000, "88%", "96%"), ("1.2", "จำนวนข้อร้องเรียนต่อเดือน", 0, 120, 40)],
    # labels in the text
    [("Description", "Budget", "Target"), ("O1: Customers trust our delivery", None, None),
     ("KR1: On-time delivery rate from 88%", 1000, "96%"), ("KR2: Complaints per month from 120", 0, 40)],
    # a header that names key results
    [("Account", "Description", "KPI", "Target"), ("5100", "Customers trust our delivery", None, None)],
])
def test_okr_tables_with_a_description_column_are_still_read(tmp_path, rows):
    result = _run(_book(tmp_path / "okrs.xlsx", rows))
    assert result.org.sets and not any("looks like no OKR table" in e.message for e in result.errors)
