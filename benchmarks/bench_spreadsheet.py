"""Load time of a 10,000-row OKR workbook: python-calamine against openpyxl (read-only), and okrlint's loader.

Run: PYTHONPATH=src python benchmarks/bench_spreadsheet.py [rows]

The workbook is generated in a temporary folder (one row per key result, objective repeated, Thai and
English titles, a few merged cells), so the numbers are comparable from machine to machine only
relatively: what matters is the ratio between the readers.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HEADER = ["Team", "Objective", "Key result", "Baseline", "Target", "Unit", "Due", "Owner"]
TITLES = [
    ("Delight first-time buyers", "Raise repeat purchase rate from {a}% to {b}%"),
    ("ลูกค้าได้รับบริการที่รวดเร็วขึ้น", "ลดเวลารอสายจาก {a} นาที เหลือ {b} นาที"),
    ("Make onboarding effortless", "Cut time to first value from {a} days to {b} days"),
    ("เพิ่มรายได้จากลูกค้าองค์กร", "เพิ่มจำนวนสัญญาองค์กรจาก {a} เป็น {b} ฉบับ"),
]


def build_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "OKRs"
    sheet.append(["Company OKRs 2026 (generated for the benchmark)"])
    sheet.append([])
    sheet.append(HEADER)
    for index in range(rows):
        objective, kr = TITLES[(index // 4) % len(TITLES)]
        a, b = 10 + index % 50, 20 + index % 70
        sheet.append([f"team{index // 400}", f"{objective} #{index // 4}", kr.format(a=a, b=b), a, b, "%",
                      f"2026-{1 + index % 12:02d}-28", f"owner{index % 17}"])
    sheet.merge_cells("A1:H1")
    workbook.save(path)


def read_calamine(data: bytes) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    count = 0
    for meta in workbook.sheets_metadata:
        sheet = workbook.get_sheet_by_name(meta.name)
        sheet.merged_cell_ranges  # noqa: B018 - part of what the loader needs
        count += len(sheet.to_python(skip_empty_area=False))
    return count


def read_openpyxl_read_only(data: bytes) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))
    workbook.close()
    return count


def read_openpyxl_full(data: bytes) -> int:
    """Full mode: the only openpyxl mode that knows merged cells."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True)
    return sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))


def read_okrlint(data: bytes) -> int:
    from okrlint.load.spreadsheet import load_spreadsheet

    result = load_spreadsheet("bench.okr.xlsx", data, {})
    return sum(1 for s in result.sets for _ in s.key_results())


def timed(function: Callable[[bytes], int], data: bytes, repeat: int = 5) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = function(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.okr.xlsx"
        build_workbook(path, rows)
        data = path.read_bytes()
    print(f"workbook: {rows} rows, {len(data) / 1024:.0f} KiB")
    for name, function in [
        ("python-calamine (values + merged ranges)", read_calamine),
        ("openpyxl read-only, data_only", read_openpyxl_read_only),
        ("openpyxl full (merged cells known)", read_openpyxl_full),
        ("okrlint spreadsheet loader (end to end)", read_okrlint),
    ]:
        try:
            seconds, count = timed(function, data)
        except ImportError as exc:
            print(f"{name:45s} unavailable: {exc}")
            continue
        print(f"{name:45s} {seconds * 1000:8.1f} ms  ({count} rows/KRs)")


if __name__ == "__main__":
    main()
