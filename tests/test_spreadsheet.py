"""The spreadsheet loader: workbooks and CSV/TSV files built at test time, in Thai and English."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.columns import field_for_header, find_header
from okrlint.load.spreadsheet import load_spreadsheet, sniff_delimiter, write_template
from okrlint.load.tables import strip_numbering

SRC = Path(__file__).resolve().parents[1] / "src"


def save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def load(path: Path, **options):
    return load_spreadsheet(path.name, path.read_bytes(), options)


def run(*paths: Path, **config):
    return Engine(Config(**config)).run([str(p) for p in paths])


# --- header detection ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Objective", "objective"), ("วัตถุประสงค์", "objective"), ("OBJECTIVES", "objective"),
        ("Key Results", "key_result"), ("KR", "key_result"), ("ผลลัพธ์หลัก", "key_result"),
        ("ผลลัพธ์ที่สำคัญ", "key_result"), ("ตัวชี้วัด", "key_result"), ("key-result", "key_result"),
        ("Owner", "owner"), ("ผู้รับผิดชอบ", "owner"), ("Baseline", "baseline"), ("ค่าฐาน", "baseline"),
        ("ค่าเริ่มต้น", "baseline"), ("ผลการดำเนินงานปีที่ผ่านมา", "baseline"), ("Target", "target"),
        ("ค่าเป้าหมาย ปี 2570", "target"), ("Target (2026)", "target"), ("เป้าหมาย", "target"),
        ("Unit", "unit"), ("หน่วยนับ", "unit"), ("Due", "due"), ("Target date", "due"), ("กำหนดเสร็จ", "due"),
        ("วันที่แล้วเสร็จ", "due"), ("Team", "team"), ("หน่วยงาน", "team"), ("ฝ่าย", "team"),
        ("Period", "period"), ("ปีงบประมาณ", "period"), ("ไตรมาส", "period"), ("Aligns to", "aligns_to"),
        ("สอดคล้องกับ", "aligns_to"), ("Depends on", "depends_on"), ("ขึ้นอยู่กับ", "depends_on"),
        ("Id", "id"), ("รหัส", "id"), ("Score", "score"), ("Confidence", "confidence"), ("Level", "level"),
        # typos, spacing and punctuation
        ("Objectve", "objective"), ("Key reslt", "key_result"), ("Tagret", "target"), (" owner: ", "owner"),
        ("aligns_to", "aligns_to"), ("ค่า เป้าหมาย", "target"),
    ],
)
def test_header_names_in_thai_and_english_with_typos(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["Remarks", "หมายเหตุ", "Status", "Progress", "No.", "ลำดับ", "Type of work", "", None, 3])
def test_other_columns_are_not_fields(header):
    assert field_for_header(header) is None


def test_the_header_row_is_the_one_with_most_matches_below_title_rows():
    rows = [
        ["แผนปฏิบัติการ วัตถุประสงค์และผลลัพธ์หลัก ปีงบประมาณ 2570"],
        [],
        ["ลำดับ", "วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าเป้าหมาย", "หน่วยนับ"],
        ["1", "x", "y", 3, "ครั้ง"],
    ]
    header = find_header(rows)
    assert header.row == 2
    assert dict(header.columns) == {"objective": 1, "key_result": 2, "target": 3, "unit": 4}


def test_strip_numbering_of_titles_in_cells():
    assert strip_numbering("KR1: Raise NPS from 20 to 35") == "Raise NPS from 20 to 35"
    assert strip_numbering("KR 1.2 - Cut churn") == "Cut churn"
    assert strip_numbering("O2. Delight customers") == "Delight customers"
    assert strip_numbering("ตัวชี้วัดที่ 1.1 ร้อยละความพึงพอใจ") == "ร้อยละความพึงพอใจ"
    assert strip_numbering("1) Grow revenue") == "Grow revenue"
    assert strip_numbering("• ลดต้นทุน") == "ลดต้นทุน"
    assert strip_numbering("1.5x more signups") == "1.5x more signups"
    assert strip_numbering("10 new enterprise customers") == "10 new enterprise customers"


# --- English workbook: title rows, objective written once, merged cells, blank rows ----------------------
def english_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sales"
    sheet.append(["Sales team OKRs — Q2 2026"])
    sheet.append(["Draft for review"])
    sheet.append([])
    sheet.append(["No.", "Objective", "Key result", "Baseline", "Target", "Unit", "Due", "Owner", "Remarks"])
    sheet.append([1, "Win more of the deals we compete for", "KR1: Raise win rate from 20% to 28%", 20, 28, "%",
                  dt.date(2026, 6, 30), "Ann", "agreed"])
    sheet.append([2, None, "KR2: Cut the sales cycle", 60, 45, "days", "30/06/2026", "Bob"])
    sheet.append([])
    sheet.append([3, "Grow revenue from the customers we have", "Increase expansion revenue", "1.2M", "1.8M", "THB"])
    sheet.append([4, None, "Hold a quarterly business review with every key account"])
    sheet.append([5, None, "Raise net revenue retention", "high", 110, "%", "someday"])
    sheet.merge_cells("B8:B10")
    sheet.merge_cells("A1:I1")
    return save(workbook, path / "sales.xlsx")


def test_english_workbook_reads_into_the_yaml_model(tmp_path):
    result = load(english_workbook(tmp_path))
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "sales" and okr_set.source_format == "xlsx"
    first, second = okr_set.objectives
    assert first.uid == "sales/o1" and first.title == "Win more of the deals we compete for"
    assert [kr.uid for kr in first.key_results] == ["sales/o1/kr1", "sales/o1/kr2"]
    kr1, kr2 = first.key_results
    assert kr1.title == "Raise win rate from 20% to 28%"
    assert (kr1.baseline, kr1.target, kr1.unit, kr1.due, kr1.owner) == (20, 28, "%", dt.date(2026, 6, 30), "Ann")
    assert kr1.baseline_text == "20" and kr1.due_text == "2026-06-30"
    assert kr2.due == dt.date(2026, 6, 30) and kr2.owner == "Bob"
    assert [kr.title for kr in second.key_results] == [
        "Increase expansion revenue", "Hold a quarterly business review with every key account",
        "Raise net revenue retention",
    ]
    expansion = second.key_results[0]
    assert (expansion.baseline, expansion.target) == (1_200_000, 1_800_000)
    retention = second.key_results[2]
    assert {p.field for p in retention.problems} == {"baseline", "due"}


def test_workbook_positions_name_sheet_row_and_column(tmp_path):
    (okr_set,) = load(english_workbook(tmp_path)).sets
    kr2 = okr_set.objectives[0].key_results[1]
    assert (kr2.location.sheet, kr2.location.line, kr2.location.column) == ("Sales", 6, 3)
    assert str(kr2.location) == "sales.xlsx:Sales!C6"
    assert str(kr2.location_of("target")) == "sales.xlsx:Sales!E6"
    assert str(okr_set.objectives[1].location) == "sales.xlsx:Sales!B8"
    assert kr2.location.path == "objectives[0].key_results[1]"


def test_findings_on_a_workbook_point_at_cells(tmp_path):
    result = run(english_workbook(tmp_path))
    assert result.errors == ()
    by_object = {(f.code, f.object_id): f for f in result.findings}
    activity = by_object[("MEA005", "sales/o2/kr2")]
    assert (activity.location.sheet, activity.location.line, activity.location.column) == ("Sales", 9, 3)
    assert ("STR005", "sales/o2/kr3") in by_object  # baseline "high"


# --- Thai workbook: objective rows then KR rows, several sheets = several teams, hidden sheet ------------
def thai_workbook(path: Path) -> Path:
    workbook = Workbook()
    marketing = workbook.active
    marketing.title = "การตลาด"
    marketing.append(["ตัวชี้วัดและค่าเป้าหมาย ปีงบประมาณ 2570"])
    marketing.append(["วัตถุประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย", "หน่วยนับ", "ผู้รับผิดชอบ", "สอดคล้องกับ"])
    marketing.append(["ลูกค้ารู้จักแบรนด์ของเรามากขึ้น", None, None, None, None, "คุณนก", "company/co-o1"])
    marketing.append([None, "1. เพิ่มผู้ติดตามเพจจาก 5,000 เป็น 8,000 คน", "5,000", "8,000", "คน", "คุณไก่"])
    marketing.append([None, "2. จัดงานอีเวนต์ 3 ครั้ง", None, 3, "ครั้ง", "คุณไข่"])
    marketing.append([None, None])
    marketing.append(["ลูกค้าเก่ากลับมาซื้อซ้ำ"])
    marketing.append([None, "ผลลัพธ์หลักที่ 1: เพิ่มอัตราการซื้อซ้ำจากร้อยละ 20 เป็นร้อยละ 30", 20, 30, "ร้อยละ"])
    service = workbook.create_sheet("บริการ")
    service.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "รหัส"])
    service.append(["ลูกค้าได้รับความช่วยเหลือรวดเร็ว", "ลดเวลารอสายจาก 8 นาที เหลือ 3 นาที", 8, 3, "svc-kr1"])
    service.append([None, "ปรับปรุงระบบให้ดีขึ้น", None, None, "svc-kr2"])
    hidden = workbook.create_sheet("ข้อมูลอ้างอิง")
    hidden.append(["วัตถุประสงค์", "ผลลัพธ์หลัก"])
    hidden.append(["ไม่ควรถูกอ่าน", "ไม่ควรถูกอ่าน"])
    hidden.sheet_state = "hidden"
    return save(workbook, path / "แผน.okr.xlsx")


def test_thai_objective_rows_sheets_as_teams_and_hidden_sheets(tmp_path):
    result = load(thai_workbook(tmp_path))
    assert result.errors == ()
    assert [s.team for s in result.sets] == ["การตลาด", "บริการ"]
    marketing, service = result.sets
    first, second = marketing.objectives
    assert first.title == "ลูกค้ารู้จักแบรนด์ของเรามากขึ้น" and first.owner == "คุณนก"
    assert first.aligns_to == ("company/co-o1",)
    assert [kr.title for kr in first.key_results] == ["เพิ่มผู้ติดตามเพจจาก 5,000 เป็น 8,000 คน", "จัดงานอีเวนต์ 3 ครั้ง"]
    assert first.key_results[0].baseline == 5000 and first.key_results[0].target_text == "8,000"
    assert first.key_results[0].owner == "คุณไก่"
    assert second.key_results[0].title == "เพิ่มอัตราการซื้อซ้ำจากร้อยละ 20 เป็นร้อยละ 30"
    assert [kr.uid for kr in service.objectives[0].key_results] == ["svc-kr1", "svc-kr2"]
    assert str(service.objectives[0].key_results[1].location) == "แผน.okr.xlsx:บริการ!B3"
    titles = [o.title for s in result.sets for o in s.objectives]
    assert "ไม่ควรถูกอ่าน" not in titles


def test_team_column_splits_rows_into_sets_and_carries_down(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Team", "Period", "Level", "Objective", "Key result", "Depends on"])
    sheet.append(["company", "2026", "company", "Be the shop people recommend", "Raise NPS from 30 to 45"])
    sheet.append(["support", "2026-Q1", None, "Answer customers fast", "Cut first reply time from 8 h to 2 h", "company/o1/kr1, it/o1"])
    sheet.append([None, None, None, None, "Lift CSAT from 4.1 to 4.5"])
    sheet.append(["company", None, None, "Grow revenue", "Increase revenue from 10M to 12M"])
    result = load(save(workbook, tmp_path / "org.xlsx"))
    assert result.errors == ()
    company, support = result.sets
    assert (company.team, company.level, company.period.kind) == ("company", "company", "year")
    assert [o.uid for o in company.objectives] == ["company/o1", "company/o2"]
    assert support.period.text == "2026-Q1" and support.level == "team"
    assert [kr.uid for kr in support.objectives[0].key_results] == ["support/o1/kr1", "support/o1/kr2"]
    assert support.objectives[0].key_results[0].depends_on == ("company/o1/kr1", "it/o1")


def test_column_mapping_from_the_configuration_overrides_detection(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Goal", "Result we want", "Notes", "Target"])
    sheet.append(["Make checkout effortless", "Cut checkout time from 95 s to 40 s", "from the UX study", 40])
    path = save(workbook, tmp_path / "mapped.xlsx")
    mapping = {"Result we want": "key_result", "Notes": "owner", "Target": "ignore"}
    (okr_set,) = load(path, **{"column-mapping": mapping}).sets
    (kr,) = okr_set.objectives[0].key_results
    assert kr.title == "Cut checkout time from 95 s to 40 s"
    assert kr.owner == "from the UX study" and kr.target is None
    bad = load(path, **{"column-mapping": {"Notes": "comment"}})
    assert bad.sets == () and "unknown field 'comment'" in bad.errors[0].message


# --- formulas ------------------------------------------------------------------------------------------------
def formula_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "OKRs"
    sheet.append(["Objective", "Key result", "Baseline", "Target"])
    sheet.append(["Make checkout effortless", "Cut checkout time", 95, "=C2-55"])
    return save(workbook, path / "formulas.xlsx")


def test_a_formula_without_a_cached_value_is_a_warning_on_its_cell(tmp_path):
    result = run(formula_workbook(tmp_path))
    assert result.errors == ()
    (finding,) = [f for f in result.findings if f.name == "uncomputed-formula"]
    assert str(finding.severity) == "warning" and finding.object_id == "formulas/o1/kr1"
    assert str(finding.location).endswith("formulas.xlsx:OKRs!D2")


def test_a_formula_with_a_cached_value_is_read_as_that_value(tmp_path):
    path = formula_workbook(tmp_path)
    with_value = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(with_value, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb"(<f>C2-55</f>)(<v\s*/>|<v></v>)?", rb"\1<v>40</v>", data)
                assert count == 1
            target.writestr(item, data)
    result = run(with_value)
    (kr,) = result.org.sets[0].objectives[0].key_results
    assert kr.target == 40 and kr.problems == ()
    assert not [f for f in result.findings if f.name == "uncomputed-formula"]


# --- CSV and TSV: encodings and separators ----------------------------------------------------------------------
THAI_CSV_ROWS = [
    ["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"],
    ["ลูกค้าพึงพอใจมากขึ้น", "เพิ่มคะแนนความพึงพอใจจาก 70 เป็น 85", "70", "85"],
    ["", "ลดข้อร้องเรียน; จาก 40 เรื่อง เหลือ 20 เรื่อง", "40", "20"],
]


def _csv_text(rows, separator: str) -> str:
    def quote(cell: str) -> str:
        return f'"{cell}"' if separator in cell or '"' in cell else cell

    return "\r\n".join(separator.join(quote(c) for c in row) for row in rows) + "\r\n"


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8.csv", lambda t: t.encode("utf-8")),
        ("bom.csv", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("excel-thai.csv", lambda t: t.encode("cp874")),
        ("tis620.csv", lambda t: t.encode("tis-620")),
        ("semicolon.csv", lambda t: t.replace(",", ";").encode("utf-8")),
    ],
)
def test_csv_in_the_encodings_excel_and_google_sheets_write(tmp_path, name, encode):
    separator = ";" if name.startswith("semicolon") else ","
    text = _csv_text(THAI_CSV_ROWS, separator)
    path = tmp_path / name
    path.write_bytes(encode(text) if separator == "," else _csv_text(THAI_CSV_ROWS, ";").encode("utf-8"))
    result = load(path)
    assert result.errors == ()
    (okr_set,) = result.sets
    (objective,) = okr_set.objectives
    assert objective.title == "ลูกค้าพึงพอใจมากขึ้น"
    assert [kr.target for kr in objective.key_results] == [85, 20]
    assert objective.key_results[1].title == "ลดข้อร้องเรียน; จาก 40 เรื่อง เหลือ 20 เรื่อง"
    assert (objective.key_results[1].location.line, objective.key_results[1].location.column) == (3, 2)
    assert objective.key_results[1].location.sheet is None
    assert str(objective.key_results[1].location) == f"{name}:3:2"


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    path = tmp_path / "unicode-text.tsv"
    path.write_bytes(_csv_text(THAI_CSV_ROWS, "\t").encode("utf-16"))  # BOM + UTF-16-LE, as Excel writes it
    (okr_set,) = load(path).sets
    assert [kr.baseline for kr in okr_set.objectives[0].key_results] == [70, 40]
    named_csv = tmp_path / "unicode-text.csv"  # the same bytes saved under .csv: the tab is sniffed
    named_csv.write_bytes(path.read_bytes())
    (okr_set,) = load(named_csv).sets
    assert okr_set.objectives[0].key_results[0].target == 85


def test_sniffing_separators_and_quoted_line_breaks_keep_line_numbers(tmp_path):
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"
    assert sniff_delimiter("Objective,Key result\n\"Grow, fast\",x\n") == ","
    path = tmp_path / "breaks.csv"
    path.write_text('Objective,Key result\n"Make checkout\neffortless","Cut checkout time from 95 s to 40 s"\n,Raise conversion from 2% to 3%\n')
    (okr_set,) = load(path).sets
    objective = okr_set.objectives[0]
    assert objective.title == "Make checkout effortless"
    assert [kr.location.line for kr in objective.key_results] == [2, 4]


def test_a_numbered_list_of_key_results_in_one_cell_pairs_with_the_targets_listed_beside_it(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Support"
    sheet.append(["Objective", "Key results", "Target", "Owner"])
    sheet.append(["Customers get answers fast", "KR1: First reply time (hours)\nKR2: Tickets solved on first contact (%)",
                  "1) 4\n2) 70", "Ana"])
    (okr_set,) = load(save(workbook, tmp_path / "support.xlsx")).sets
    assert [(kr.title, kr.target, kr.owner) for kr in okr_set.objectives[0].key_results] == [
        ("First reply time (hours)", 4, "Ana"), ("Tickets solved on first contact (%)", 70, "Ana")]


# --- bad files: one-line input errors, other sheets and files still linted -------------------------------------
def test_sheets_without_okrs_next_to_an_okr_sheet_are_skipped_with_a_note(tmp_path):
    # Real workbooks carry instructions, examples and lookup lists beside the OKR sheet: not input errors.
    workbook = Workbook()
    good = workbook.active
    good.title = "Sales"
    good.append(["Objective", "Key result"])
    good.append(["Win more deals", "Raise win rate from 20% to 28%"])
    workbook.create_sheet("Empty")
    notes = workbook.create_sheet("Notes")
    notes.append(["Reviewed by", "Nok"])
    result = load(save(workbook, tmp_path / "mixed.xlsx"))
    assert [s.team for s in result.sets] == ["mixed"]  # the one OKR sheet stands for the file's team
    assert result.errors == ()
    assert [str(n.location) for n in result.notes] == ["mixed.xlsx:Notes!A1"]
    assert "sheet 'Notes' has no OKR header row" in result.notes[0].message


def test_several_okr_sheets_keep_their_names_as_teams_and_skip_the_rest(tmp_path):
    workbook = Workbook()
    for name in ("Sales", "Support"):
        sheet = workbook.create_sheet(name)
        sheet.append(["Objective", "Key result"])
        sheet.append([f"{name} objective", "Raise win rate from 20% to 28%"])
    workbook.remove(workbook.active)
    workbook.create_sheet("คำอธิบาย").append(["กรอก OKR ในแผ่นงานของแต่ละทีม"])
    result = load(save(workbook, tmp_path / "teams.xlsx"))
    assert sorted(s.team for s in result.sets) == ["Sales", "Support"]
    assert result.errors == () and len(result.notes) == 1


def test_a_workbook_with_no_okr_sheet_is_an_error_naming_each_sheet(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Reviewed by", "Nok"])
    workbook.create_sheet("Empty")
    result = load(save(workbook, tmp_path / "none.xlsx"))
    assert result.sets == ()
    messages = sorted(str(e) for e in result.errors)
    assert messages[0] == "none.xlsx:Empty!A1: error: sheet 'Empty' is empty"
    assert messages[1].startswith("none.xlsx:Notes!A1: error: sheet 'Notes' has no header row")



@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("broken.xlsx", b"PK\x03\x04 this is not a real zip archive", "damaged"),
        ("text.xlsx", b"Objective,Key result\n", "not a .xlsx workbook"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64, "password-protected"),
        ("empty.xlsx", b"", "empty file"),
        ("binary.csv", b"\x00\x01\x02\x03garbage", "binary"),
    ],
)
def test_corrupt_and_protected_files_are_one_line_errors_and_others_still_linted(tmp_path, name, data, expected):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = english_workbook(tmp_path)
    result = run(bad, good)
    (error,) = result.errors
    assert error.location.file.endswith(name) and expected in error.message and "\n" not in str(error)
    assert [s.team for s in result.org.sets] == ["sales"]


def test_cli_exit_code_2_for_a_bad_workbook_and_findings_for_the_good_one(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 nope")
    english_workbook(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-m", "okrlint", "check", "broken.xlsx", "sales.xlsx"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "broken.xlsx" in done.stderr
    assert "sales.xlsx:Sales!C9" in done.stdout


def test_directories_discover_only_okr_spreadsheets(tmp_path):
    english_workbook(tmp_path)  # sales.xlsx: not discovered
    (tmp_path / "team.okr.csv").write_text("Objective,Key result\nWin deals,Raise win rate from 20% to 28%\n")
    (tmp_path / "budget.csv").write_text("Item,Cost\nLaptops,1000\n")
    result = run(tmp_path)
    assert result.errors == ()
    assert [s.team for s in result.org.sets] == ["team"]


# --- the starter template ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "th"])
def test_write_template_gives_a_workbook_okrlint_reads(tmp_path, language):
    path = tmp_path / f"okrs-{language}.okr.xlsx"
    write_template(path, language)
    result = load(path)
    assert result.errors == ()
    (okr_set,) = result.sets
    (objective,) = okr_set.objectives
    assert len(objective.key_results) == 2 and objective.key_results[0].id == "cs-o1-kr1"
    assert okr_set.period is not None and okr_set.period.is_known
    assert objective.key_results[0].location.line == 4
    with pytest.raises(ValueError):
        write_template(tmp_path / "x.xlsx", "fr")


# --- lazy imports -------------------------------------------------------------------------------------------------
def test_linting_yaml_imports_no_spreadsheet_or_word_library(tmp_path):
    (tmp_path / "one.okr.yaml").write_text("team: a\nobjectives:\n  - title: Win deals\n    key_results: [Raise win rate from 20% to 28%]\n")
    code = (
        "import sys\nfrom okrlint.cli import main\n"
        "try:\n    main(['check', 'one.okr.yaml'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('python_calamine', 'openpyxl', 'docx') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


def test_reading_a_workbook_from_bytes_in_memory():
    workbook = Workbook()
    workbook.active.append(["KR"])
    workbook.active.append(["Raise win rate from 20% to 28%"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    (okr_set,) = load_spreadsheet("stdin.xlsx", buffer.getvalue(), {}).sets
    (objective,) = okr_set.objectives
    assert objective.title == "" and objective.key_results[0].title == "Raise win rate from 20% to 28%"


# --- OpenDocument and header-only sheets ------------------------------------------------------------------------
ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="ทีมขาย">
<table:table-row>{header}</table:table-row>
<table:table-row>{row}</table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def _ods_cell(value) -> str:
    if isinstance(value, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def test_opendocument_spreadsheet(tmp_path):
    """A minimal .ods as LibreOffice lays it out (mimetype first, content.xml, manifest)."""
    content = ODS_CONTENT.format(
        header="".join(_ods_cell(v) for v in ["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าเป้าหมาย"]),
        row="".join(_ods_cell(v) for v in ["ขายได้มากขึ้น", "เพิ่มยอดขายจาก 10 เป็น 12 ล้านบาท", 12]),
    )
    path = tmp_path / "sales.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                         '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    result = load(path)
    assert result.errors == ()
    (okr_set,) = result.sets
    (kr,) = okr_set.key_results()
    assert (okr_set.source_format, kr.target, str(kr.location)) == ("ods", 12, "sales.ods:ทีมขาย!B2")


def test_a_header_without_rows_is_a_set_without_objectives(tmp_path):
    path = tmp_path / "blank.okr.csv"
    path.write_text("Objective,Key result,Target\n,,\n")
    result = run(path)
    assert result.errors == ()
    assert [f.name for f in result.findings] == ["no-objectives"]


def test_an_instructions_sheet_is_a_warning_on_the_command_line_not_an_input_error(tmp_path):
    from click.testing import CliRunner

    from okrlint.cli import main

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "OKR"
    sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก"])
    sheet.append(["ประชาชนได้รับบริการรวดเร็วขึ้น", "ลดเวลารอคิวจาก 40 นาทีเหลือ 15 นาที"])
    sheet.append([None, "เพิ่มความพึงพอใจจาก 80% เป็น 90%"])
    workbook.create_sheet("คำแนะนำ").append(["กรอกข้อมูลในแผ่นงาน OKR"])
    path = save(workbook, tmp_path / "agency.okr.xlsx")
    for cache in ("--no-cache", f"--cache-dir={tmp_path / 'cache'}", f"--cache-dir={tmp_path / 'cache'}"):
        result = CliRunner().invoke(main, ["check", str(path), cache, "--messages", "en"])
        assert result.exit_code == 0, result.output
        assert "คำแนะนำ!A1: sheet 'คำแนะนำ' has no OKR header row" in result.stderr
        assert "1 objective, 2 key results." in result.stdout or "วัตถุประสงค์ 1 ข้อ, ผลลัพธ์หลัก 2 ข้อ" in result.stdout


def test_a_title_row_gives_its_period_to_every_unit_of_a_team_column(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["แผนปฏิบัติราชการ สำนักงานเกษตรจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๗๐"])
    sheet.append([])
    sheet.append(["หน่วยงาน", "วัตถุประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย"])
    sheet.append(["ฝ่ายส่งเสริม", "เกษตรกรมีรายได้มั่นคง", "เพิ่มรายได้เฉลี่ยของเกษตรกร", 120000, 150000])
    sheet.append(["ฝ่ายบริหาร", "บุคลากรทำงานอย่างมีความสุข", "ลดอัตราการลาออก", 12, 6])
    result = load(save(book, tmp_path / "plan.okr.xlsx"))
    assert {(s.team, s.period.kind, str(s.period.start)) for s in result.sets} == {
        ("ฝ่ายส่งเสริม", "fiscal_year", "2026-10-01"), ("ฝ่ายบริหาร", "fiscal_year", "2026-10-01")}


def test_a_totals_row_and_confidence_written_as_a_percentage(tmp_path):
    path = tmp_path / "tracker.okr.csv"
    path.write_text("Objective,Key Result,Start,Target,Confidence\n"
                    "Riders come back,Raise repeat rides,30%,45%,70%\n"
                    "Riders come back,Cut churn,8%,5%,0.6\n"
                    "TOTAL,,,,\n", encoding="utf-8")
    result = load(path)
    (objective,) = result.sets[0].objectives
    assert [kr.confidence for kr in objective.key_results] == [0.7, 0.6]


@pytest.mark.parametrize("header, field", [
    ("ผลการดำเนินงาน ปี 2569", "baseline"), ("ผลการดำเนินงาน ปีงบประมาณ พ.ศ. ๒๕๖๘", "baseline"),
    ("Actual 2025", "baseline"), ("FY25 result", "baseline"), ("ผลการดำเนินงาน ปี 2570", None),
])
def test_what_a_past_year_reached_is_the_baseline(header, field, monkeypatch):
    import okrlint.text.periods as periods

    monkeypatch.setattr(periods, "current_fiscal_year", lambda *a, **k: 2027)
    assert field_for_header(header) == field


def test_an_uncomputed_formula_is_reported_once_not_as_a_missing_target_or_title(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key result", "Baseline", "Target"])
    sheet.append(["Grow new business with small firms", "Grow new ARR from small firms", 100, "=C2*1.5"])
    sheet.append(["Grow new business with small firms", '="Net revenue retention"', 100, 110])
    result = run(save(book, tmp_path / "f.okr.xlsx"))
    assert sorted(f.name for f in result.findings if f.severity.value != "info") == ["uncomputed-formula"] * 2


def test_an_okr_tools_export_with_type_and_title_columns(tmp_path):
    path = tmp_path / "export.okr.csv"
    path.write_text(
        "Type,Title,Team,Owner,Parent,Progress,Start value,Target value,Current value,Unit\n"
        "Objective,Clinics choose us first,Company,Ploy,,41%,,,,\n"
        "Key Result,Paying clinics,Company,Ploy,Clinics choose us first,31%,310,600,402,clinics\n"
        "Key Result,Net revenue retention,Company,Ploy,Clinics choose us first,50%,96,110,103,%\n", encoding="utf-8")
    (okr_set,) = load(path).sets
    (objective,) = okr_set.objectives
    assert objective.title == "Clinics choose us first"
    assert [(kr.title, kr.baseline, kr.target) for kr in objective.key_results] == [
        ("Paying clinics", 310, 600), ("Net revenue retention", 96, 110)]


def test_a_two_row_header_with_merged_cells_over_a_unit_and_years(tmp_path, monkeypatch):
    import okrlint.load.tables as tables

    monkeypatch.setattr(tables, "current_fiscal_year", lambda *a, **k: 2027)  # FY2570
    path = tmp_path / "quality.okr.csv"
    path.write_text("ลำดับ,ตัวชี้วัด,ตัวชี้วัด,ค่าฐาน ปี 2568,ค่าเป้าหมาย,ค่าเป้าหมาย\n"
                    "ลำดับ,ชื่อตัวชี้วัด,หน่วยนับ,ค่าฐาน ปี 2568,ปี 2569,ปี 2570\n"
                    "1,อัตราความคลาดเคลื่อนทางยาที่ถึงตัวผู้ป่วย,ครั้งต่อ 1000 วันนอน,0.85,0.6,0.4\n"
                    "2,อัตราการติดเชื้อปอดอักเสบจากเครื่องช่วยหายใจ,ครั้งต่อ 1000 วันใช้เครื่อง,6.2,5,3.5\n", encoding="utf-8")
    (okr_set,) = load(path).sets
    krs = [kr for objective in okr_set.objectives for kr in objective.key_results]
    assert [(kr.baseline, kr.target, kr.unit) for kr in krs] == [
        (0.85, 0.4, "ครั้งต่อ 1000 วันนอน"), (6.2, 3.5, "ครั้งต่อ 1000 วันใช้เครื่อง")]


@pytest.mark.parametrize("sheet_name, file_name", [("Sheet1", "okr_q1_final.xlsx"), ("แผ่นงาน1", "finance.xlsx")])
def test_a_title_row_names_the_team_of_a_sheet_named_by_its_file_or_by_default(tmp_path, sheet_name, file_name):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    sheet.append(["OKR ฝ่ายการเงิน ไตรมาส 1/2570"])
    sheet.append([])
    sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย"])
    sheet.append(["ปิดบัญชีได้เร็ว", "ลดเวลาปิดบัญชีรายเดือน", "10 วัน", "5 วัน"])
    (okr_set,) = load(save(workbook, tmp_path / file_name)).sets
    assert okr_set.team == "ฝ่ายการเงิน"


def test_a_sheet_named_for_its_team_keeps_its_name_under_a_title_naming_another(tmp_path):
    workbook = Workbook()
    for index, (name, title) in enumerate((("Finance", "OKR ฝ่ายการเงิน ไตรมาส 1/2570"), ("Sales", "OKR ฝ่ายขาย ไตรมาส 1/2570"))):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = name
        sheet.append([title])
        sheet.append(["Objective", "Key result"])
        sheet.append(["Close the books fast", "Cut month-end close from 10 to 5 days"])
    teams = sorted(s.team for s in load(save(workbook, tmp_path / "plans.xlsx")).sets)
    assert teams == ["Finance", "Sales"]


def test_a_row_that_leaves_the_period_end_quarter_blank_takes_its_latest_filled_quarter(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "การตลาด"
    sheet.append(["OKR ฝ่ายการตลาด ม.ค.–มิ.ย. 2570"])
    sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย Q1", "เป้าหมาย Q2"])
    sheet.append(["สมาชิกกลับมาซื้อซ้ำ", "อัตราการซื้อซ้ำของสมาชิก (%)", 38, 44, 50])
    sheet.append(["", "ยอดสั่งซื้อผ่าน LINE OA ต่อเดือน", 2100, 2600, None])
    (okr_set,) = load(save(workbook, tmp_path / "marketing.xlsx")).sets
    first, second = okr_set.objectives[0].key_results
    assert (first.target, second.target) == (50, 2600)
