"""Reading files as reviews 25–27 found them: a baseline and a target written in different units, teams named
in titles and chat file names, month ranges in titles, set-level alignment above a table, positions of Word
table cells in SARIF."""

from __future__ import annotations

import io
import textwrap

import pytest
from openpyxl import Workbook

from okrlint.load.draft import load_draft_file
from okrlint.load.spreadsheet import load_spreadsheet
from okrlint.load.yaml_loader import load_yaml_file
from okrlint.testing import lint_documents


def _draft(text: str, name: str = "unit.okr.md", **options):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _yaml(text: str, name: str = "unit.okr.yaml"):
    return load_yaml_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), {})


def _csv(text: str, name: str = "unit.csv", **options):
    return load_spreadsheet(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _xlsx(rows, name: str = "unit.xlsx", sheet: str = "Sheet1"):
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return name, buffer.getvalue()


def _krs(result):
    return [kr for s in result.sets for o in s.objectives for kr in o.key_results]


def _values(result):
    return [(kr.baseline, kr.target) for kr in _krs(result)]


# --- a baseline and a target in different units -------------------------------------------------------------------


def test_yaml_fields_in_minutes_and_seconds_are_compared_in_seconds_and_keep_what_was_written():
    result = _yaml("""
        team: probe
        objectives:
          - title: ผู้ใช้น้ำได้รับบริการรวดเร็ว
            key_results:
              - {title: ลดเวลารอสายเฉลี่ย, baseline: 3 นาที, target: ไม่เกิน 60 วินาที}
              - {title: Cut average hold time, baseline: 3 minutes, target: 60 seconds}
              - {title: Cut incident resolution time, baseline: 2 days, target: 6 hours}
              - {title: Cut p95 latency, baseline: 1.2 s, target: 300 ms}
        """)
    assert _values(result) == [(180, 60), (180, 60), (48, 6), (1200, 300)]
    kr = _krs(result)[0]
    assert (kr.baseline_text, kr.target_text) == ("3 นาที", "ไม่เกิน 60 วินาที")


def test_the_same_unit_or_no_unit_is_left_as_written():
    result = _yaml("""
        team: probe
        objectives:
          - title: Customers get answers fast
            key_results:
              - {title: Cut average wait, baseline: 4 minutes, target: 2 minutes}
              - {title: Cut average wait, baseline: 4, target: 90 seconds}
              - {title: Grow weekly orders, baseline: 400, target: 500}
              - {title: Lift share of repeat buyers, baseline: 30%, target: 45%}
        """)
    assert _values(result) == [(4, 2), (4, 90), (400, 500), (30, 45)]


def test_a_unit_column_holds_for_a_cell_written_without_one():
    result = _csv("""
        Objective,Key result,Unit,Baseline,Target
        Callers get through fast,Cut average wait,minutes,4,90 seconds
        Callers get through fast,ลดเวลาแก้ไขปัญหาเฉลี่ย,ชั่วโมง,48,2 วัน
        """)
    krs = _krs(result)
    assert [(kr.baseline, kr.target, kr.unit) for kr in krs] == [(240, 90, "seconds"), (48, 48, "ชั่วโมง")]


def test_a_value_written_with_the_scale_its_unit_column_counts_in():
    result = _csv("""
        วัตถุประสงค์,ผลลัพธ์หลัก,หน่วยนับ,ค่าฐาน,ค่าเป้าหมาย
        ลูกค้าได้รับเงินคืนเร็ว,ลดความเสียหายจากการทุจริต,ล้านบาท,4.2,2.5 ล้าน
        Merchants sell more,Grow merchant sales,$M,1.2,$1.5M
        Merchants sell more,Grow merchant sales,m,1200,1.5 km
        """)
    assert _values(result)[:2] == [(4.2, 2.5), (1.2, 1.5)]
    assert _values(result)[2][0] == 1200  # metres: no scale


def test_markdown_table_cells_in_different_units_give_no_direction_mismatch():
    text = textwrap.dedent("""
        # OKR ทีมคอลเซ็นเตอร์ ไตรมาส 1/2570

        วัตถุประสงค์: ลูกค้าได้รับคำตอบเร็วโดยไม่ต้องรอนาน

        | ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |
        |---|---|---|
        | ลดเวลารอสายเฉลี่ย | 4 นาที | 90 วินาที |
        | Cut average wait | 4 min | 90 s |
        | ลดเวลาแก้ไขปัญหาเฉลี่ย | 2 วัน | 6 ชั่วโมง |
        | ลดเวลาแก้ไขปัญหาเฉลี่ย | 6 ชั่วโมง | 2 วัน |
        """).lstrip()
    findings = lint_documents([("callcentre.okr.md", text)], select=["MEA004"])
    assert [f.location.line for f in findings] == [10]  # 6 hours -> 2 days does go up


def test_draft_fields_and_xlsx_cells_in_different_units():
    result = _draft("""
        Objective 1: Callers get through without waiting
        Key results:
        1. Cut the average wait on the hotline
           - Baseline: 3 minutes
           - Target: at most 45 seconds
        """)
    assert _values(result) == [(180, 45)]
    name, data = _xlsx([
        ("วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"),
        ("ผู้ใช้น้ำได้รับบริการรวดเร็ว", "ลดเวลารอสายเฉลี่ยของ Call Center 1662", "3 นาที", "ไม่เกิน 60 วินาที"),
    ])
    assert lint_documents([(name, data)], select=["MEA004"]) == []
