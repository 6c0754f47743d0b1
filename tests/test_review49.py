"""Review 49: a Thai department's FY2570 workbook of division sheets (key-result and indicator columns side by
side, the level written before the objective's number, two labels on one title row, units' levels)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.spreadsheet import load_spreadsheet


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def _load(path: Path):
    result = load_spreadsheet(path.name, path.read_bytes(), {})
    assert not result.errors, result.errors
    return result


def _run(*paths: Path):
    return Engine(Config()).run([str(p) for p in paths])


def _codes(report, text: str | None = None) -> set[str]:
    return {f.code for f in report.findings if text is None or text in (f.message or "")}


# --- 1. a key-result column and an indicator column ---------------------------------------------------------
TH_HEADER = ["วัตถุประสงค์", "ผลลัพธ์หลัก", "ตัวชี้วัด", "ค่าฐาน ปี 2569", "ค่าเป้าหมาย ปี 2570", "หน่วยนับ", "ผู้รับผิดชอบ"]


def test_thai_indicator_beside_key_result_is_the_title_and_the_statement_is_kept(tmp_path):
    path = _workbook(tmp_path / "กองบริหาร.xlsx", {"กองบริหาร": [
        ["แผน OKR กองบริหารทั่วไป ปีงบประมาณ 2570"],
        TH_HEADER,
        ["งานภายในของกองเป็นระบบ", "ระบบงานเอกสารเป็นดิจิทัล",
         "ระดับความสำเร็จของการดำเนินงานระบบเอกสารดิจิทัล", None, "ระดับ 5", "ระดับ", "นายเอ"],
        [None, "ที่ประชุมตัดสินใจได้ตามแผน", "จำนวนครั้งที่จัดประชุมคณะผู้บริหาร", "-", 12, "ครั้ง", "นายเอ"],
        [None, "ผู้รับบริการพอใจ", None, 70, 85, "ร้อยละ", "นายบี"],
    ]})
    [okr_set] = _load(path).sets
    titles = [kr.title for kr in okr_set.objectives[0].key_results]
    assert titles[0].startswith("ระดับความสำเร็จของการดำเนินงาน") and "ระบบงานเอกสารเป็นดิจิทัล" in titles[0]
    assert titles[1].startswith("จำนวนครั้งที่จัดประชุม") and "ที่ประชุมตัดสินใจได้ตามแผน" in titles[1]
    assert titles[2] == "ผู้รับบริการพอใจ"  # no indicator written: the statement is the key result
    krs = okr_set.objectives[0].key_results
    assert krs[0].location.column == 3 and krs[1].target == 12 and krs[2].baseline == 70
    report = _run(path)
    activity = [f for f in report.findings if f.code == "MEA005"]
    assert len(activity) == 2  # the success ladder and the count of meetings are judged from the indicator


def test_english_metric_beside_key_result_is_the_title(tmp_path):
    for header in ("Metric", "KPI", "Indicator"):
        path = _workbook(tmp_path / f"ops-{header}.xlsx", {"Ops": [
            ["Operations OKRs FY2027"],
            ["Objective", "Key result", header, "Baseline", "Target", "Owner"],
            ["Customers get answers the same day", "Faster replies", "Number of support workshops held", 2, 10,
             "Ana"],
            [None, "Fewer repeat contacts", "Share of tickets reopened within 7 days", 18, 9, "Ana"],
        ]})
        [okr_set] = _load(path).sets
        first, second = okr_set.objectives[0].key_results
        assert first.title == "Number of support workshops held (Faster replies)", header
        assert second.title.startswith("Share of tickets reopened") and second.target == 9
        assert "MEA005" in _codes(_run(path))


def test_only_one_of_the_two_columns_reads_as_before(tmp_path):
    for name, header in (("kr", "ผลลัพธ์หลัก"), ("ind", "ตัวชี้วัด"), ("en", "Key result"), ("metric", "Metric")):
        path = _workbook(tmp_path / f"{name}.xlsx", {"S": [
            ["วัตถุประสงค์", header, "ค่าฐาน", "ค่าเป้าหมาย"],
            ["ผู้รับบริการได้รับบริการรวดเร็วขึ้น", "ระยะเวลารอคิวเฉลี่ยลดลง", 45, 15],
        ]})
        [okr_set] = _load(path).sets
        [kr] = okr_set.objectives[0].key_results
        assert kr.title == "ระยะเวลารอคิวเฉลี่ยลดลง" and (kr.baseline, kr.target) == (45, 15), header


def test_statement_the_indicator_already_says_is_not_repeated(tmp_path):
    path = _workbook(tmp_path / "x.xlsx", {"S": [
        ["Objective", "Key result", "KPI", "Baseline", "Target"],
        ["Buyers come back", "Repeat purchase rate", "Repeat purchase rate", 20, 35],
    ]})
    [okr_set] = _load(path).sets
    assert okr_set.objectives[0].key_results[0].title == "Repeat purchase rate"
