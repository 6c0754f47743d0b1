"""Trackers: note rows under an OKR table, and formulas in columns okrlint does not read."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.tables import is_note_text

HEADER = ["Objective", "Key Result", "Start", "Target", "Current", "Progress %", "Status"]
NOTE = "Notes: current values pulled from Zendesk on 15 Aug 2026; CSAT is on a 5-point scale"


def run(path: Path):
    return Engine(Config()).run([str(path)])


def names(result, name: str) -> list[str]:
    return [str(f.location).rsplit("!", 1)[-1] for f in result.findings if f.name == name]


def tracker(path: Path, note: str = NOTE, merge_note: bool = True) -> Path:
    """One row per key result, objectives merged down, a Progress % formula column (no saved results), a notes
    row merged across the table and a TOTAL row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Q3"
    sheet.append(HEADER)
    rows = [
        ["Customers get answers fast", "First response time (hours)", 9, 2, 5],
        [None, "CSAT on resolved tickets", 4.1, 4.5, 4.3],
        ["Scale support without scaling headcount", "Cost per ticket ($)", 14.5, 9, 12.2],
        [None, "Tickets solved per agent per week", 60, 90, 70],
    ]
    for number, row in enumerate(rows, start=2):
        sheet.append([*row, f"=IFERROR((E{number}-C{number})/(D{number}-C{number}),0)", "On track"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("A4:A5")
    sheet.append([note])
    if merge_note:
        sheet.merge_cells("A6:G6")
    sheet.append(["TOTAL", None, None, None, None, "=AVERAGE(F2:F5)", None])
    book.save(path)
    return path


def outline(result) -> list[tuple[str, list[str]]]:
    (okr_set,) = result.org.sets
    return [(o.title, [kr.title for kr in o.key_results]) for o in okr_set.objectives]


TRACKER_OUTLINE = [
    ("Customers get answers fast", ["First response time (hours)", "CSAT on resolved tickets"]),
    ("Scale support without scaling headcount", ["Cost per ticket ($)", "Tickets solved per agent per week"]),
]


# --- note rows ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, merged", [
    (NOTE, True),  # labelled and merged across
    (NOTE, False),  # labelled, in the first cell only
    ("Current values pulled from Zendesk on 15 Aug 2026; CSAT is on a 5-point scale", True),  # merged, no label
    ("หมายเหตุ: ข้อมูล ณ วันที่ 15 ส.ค. 2569 คะแนนความพึงพอใจเต็ม 5", False),
    ("หมายเหตุ  ข้อมูลจากระบบ Zendesk เต็ม 5 คะแนน", False),
    ("Source: Zendesk export, 5-point CSAT", False),
])
def test_a_note_row_under_a_tracker_is_not_an_objective(tmp_path, note, merged):
    result = run(tracker(tmp_path / "tracker.xlsx", note, merged))
    assert result.errors == ()
    assert outline(result) == TRACKER_OUTLINE  # the objectives merged down are still read
    assert not names(result, "objective-has-metric") and not names(result, "kr-count")


def test_the_audit_tracker_reads_two_objectives_and_no_progress_formula(tmp_path):
    result = run(tracker(tmp_path / "tracker.xlsx"))
    assert names(result, "uncomputed-formula") == []
    (okr_set,) = result.org.sets
    assert [kr.baseline for o in okr_set.objectives for kr in o.key_results] == [9, 4.1, 14.5, 60]
    assert not any(kr.has_uncomputed_formula for o in okr_set.objectives for kr in o.key_results)


def test_note_rows_in_a_csv_are_skipped_wherever_they_stand(tmp_path):
    path = tmp_path / "okrs.csv"
    path.write_text(
        "Objective,Key result,Baseline,Target\n"
        "Customers get answers fast,,,\n"  # an objective row: one cell, still an objective
        ",Cut first response time in hours,9,2\n"
        ",Raise CSAT on resolved tickets,4.1,4.5\n"
        "NB: CSAT is on a 5-point scale,,,\n"
        "Scale support without scaling headcount,Cut cost per ticket in dollars,14.5,9\n"
        ",Grow tickets solved per agent per week,60,90\n"
        ",Comments: agents' figures are from the WFM tool,,\n"
        "Remarks - reviewed monthly,,,\n",
        encoding="utf-8",
    )
    result = run(path)
    assert outline(result) == [
        ("Customers get answers fast", ["Cut first response time in hours", "Raise CSAT on resolved tickets"]),
        ("Scale support without scaling headcount", ["Cut cost per ticket in dollars",
                                                     "Grow tickets solved per agent per week"]),
    ]


def test_thai_note_rows_are_skipped(tmp_path):
    path = tmp_path / "okrs.csv"
    path.write_text(
        "วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\n"
        "ลูกค้าได้รับคำตอบรวดเร็ว,ลดเวลาตอบกลับครั้งแรก (ชั่วโมง),9,2\n"
        "ลูกค้าได้รับคำตอบรวดเร็ว,เพิ่มคะแนนความพึงพอใจ,4.1,4.5\n"
        "ที่มา: ระบบ Zendesk,,,\n"
        "แหล่งข้อมูล: รายงานประจำเดือน 5 ฉบับ,,,\n"
        "ข้อสังเกต: คะแนนเต็ม 5,,,\n",
        encoding="utf-8",
    )
    result = run(path)
    assert outline(result) == [("ลูกค้าได้รับคำตอบรวดเร็ว", ["ลดเวลาตอบกลับครั้งแรก (ชั่วโมง)", "เพิ่มคะแนนความพึงพอใจ"])]


@pytest.mark.parametrize("text, note", [
    ("Notes: pulled from Zendesk", True), ("Note 2: stretch", True), ("N.B. - estimates", True),
    ("(Source: CRM)", True), ("หมายเหตุ: ข้อมูล ณ 30 มิ.ย.", True), ("ที่มา : กองแผนงาน", True),
    ("Notebook sales grow", False), ("Source 40% of leads from partners", False), ("Comment rate up", False),
    ("ที่มาของรายได้หลากหลายขึ้น", False), ("แหล่งข้อมูลเปิดเพิ่มขึ้น 10 ชุด", False),
])
def test_note_labels(text, note):
    assert is_note_text(text) is note


def test_a_row_merged_across_over_key_results_is_their_objective(tmp_path):
    """Objective headings merged across the table, key results below with their objective cell blank."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key result", "Baseline", "Target"])
    sheet.append(["Customers get answers fast"])
    sheet.merge_cells("A2:D2")
    sheet.append([None, "Cut first response time in hours", 9, 2])
    sheet.append([None, "Raise CSAT on resolved tickets", 4.1, 4.5])
    sheet.append(["Scale support without scaling headcount"])
    sheet.merge_cells("A5:D5")
    sheet.append([None, "Cut cost per ticket in dollars", 14.5, 9])
    sheet.append([None, "Grow tickets solved per agent per week", 60, 90])
    sheet.append(["Figures as of 15 Aug 2026, CSAT out of 5"])
    sheet.merge_cells("A8:D8")
    path = tmp_path / "headings.xlsx"
    book.save(path)
    result = run(path)
    assert outline(result) == [
        ("Customers get answers fast", ["Cut first response time in hours", "Raise CSAT on resolved tickets"]),
        ("Scale support without scaling headcount", ["Cut cost per ticket in dollars",
                                                     "Grow tickets solved per agent per week"]),
    ]
    assert result.errors == ()


def test_a_note_row_merged_across_a_word_table_is_skipped(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    cells = [
        ["Objective", "Key result", "Baseline", "Target"],
        ["Customers get answers fast", "Cut first response time in hours", "9", "2"],
        ["Customers get answers fast", "Raise CSAT on resolved tickets", "4.1", "4.5"],
        ["Figures pulled from Zendesk on 15 Aug 2026; CSAT is on a 5-point scale", "", "", ""],
        ["Source: Zendesk", "", "", ""],
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(3, 0).merge(table.cell(3, 3))
    path = tmp_path / "okrs.docx"
    document.save(path)
    result = run(path)
    assert outline(result) == [("Customers get answers fast", ["Cut first response time in hours",
                                                                "Raise CSAT on resolved tickets"])]


# --- formulas ----------------------------------------------------------------------------------------------
def test_a_formula_in_a_column_okrlint_does_not_read_leaves_the_values_known(tmp_path):
    """repro/v2.xlsx: a Progress % formula on one row switched kr-missing-baseline off for that row only."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key Result", "Start", "Target", "Current", "Progress %", "Status"])
    sheet.append(["Customers get answers fast", "Raise CSAT on resolved tickets to 4.6", None, 4.6, 4.3,
                  "=IFERROR((E2-C2)/(D2-C2),0)", "ok"])
    sheet.append([None, "Cut first response time to 2 hours", None, 2, 5, None, "ok"])
    sheet.append([None, "Grow deflection share to 30%", None, 0.3, 0.2, None, "ok"])
    path = tmp_path / "v2.xlsx"
    book.save(path)
    result = run(path)
    assert names(result, "uncomputed-formula") == []
    assert names(result, "kr-missing-baseline") == ["B2", "B3", "B4"]


def test_a_formula_in_a_column_okrlint_reads_is_still_reported(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key Result", "Baseline", "Target", "Progress %"])
    sheet.append(["Make checkout effortless", "Cut checkout time in seconds", 95, "=C2-55", "=D2/C2"])
    sheet.append([None, "Raise checkout conversion in percent", 60, 75, "=D3/C3"])
    path = tmp_path / "mapped.xlsx"
    book.save(path)
    result = run(path)
    assert names(result, "uncomputed-formula") == ["D2"]
    (objective,) = result.org.sets[0].objectives
    assert [kr.has_uncomputed_formula for kr in objective.key_results] == [True, False]
