"""Review 71 (an NHS community health trust: a directorate workbook, a Word board paper): a header merged down over
two rows beside a grouped block is all header; a range or a date in a target cell; a "Quarterly progress" block is no
period column; a sheet titled "Department: Finance" is a department's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from okrlint.load.docx import load_docx
from okrlint.load.spreadsheet import load_spreadsheet
from okrlint.text.numbers import parse_goal

HEADS = ["Objective", "Key result", "Baseline", "Target", "Comments"]
ROWS = [["Clinicians spend time with patients", "Reduce log-in time", "95 seconds", "20 seconds", "", "80", ""],
        [None, "Raise first-contact resolution", "54%", "75%", "", "58%", ""]]


def _load(path: Path):
    return load_spreadsheet(path.name, path.read_bytes(), {})


def _titles(result):
    return [(o.title, [kr.title for kr in o.key_results]) for s in result.sets for o in s.objectives]


EXPECTED = [("Clinicians spend time with patients", ["Reduce log-in time", "Raise first-contact resolution"])]


def _tracker(path: Path, *, merged_down: bool, block: str | None, title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Digital"
    top = 1
    if title is not None:
        sheet["A1"] = title
        top = 3
    for column, head in zip("ABCDE", HEADS):
        sheet[f"{column}{top}"] = head
        if merged_down:
            sheet.merge_cells(f"{column}{top}:{column}{top + 1}")
    if block is not None:
        sheet[f"F{top}"] = block
        sheet.merge_cells(f"F{top}:G{top}")
        sheet[f"F{top + 1}"], sheet[f"G{top + 1}"] = "Q1", "Q2"
    for offset, row in enumerate(ROWS, top + 2):
        for column, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(offset, column, value)
    book.save(path)
    return path


@pytest.mark.parametrize("block", [None, "Quarterly progress", "Q1/Q2/Q3/Q4 progress"])
def test_a_header_merged_down_over_two_rows_is_no_objective(tmp_path, block):
    result = _load(_tracker(tmp_path / "tracker.xlsx", merged_down=True, block=block))
    assert _titles(result) == EXPECTED
    (okr_set,) = result.sets
    assert okr_set.period is None  # no "Q1" read from the sub-headers, no "80" from the progress block
    krs = list(okr_set.key_results())
    assert [(kr.baseline, kr.target, kr.problems) for kr in krs] == [(95, 20, ()), (54, 75, ())]
    assert str(krs[0].location) == "tracker.xlsx:Digital!B3"


def test_a_quarterly_progress_block_over_q1_q2_is_no_period_column(tmp_path):
    from okrlint.load.columns import field_for_header

    result = _load(_tracker(tmp_path / "tracker.xlsx", merged_down=False, block="Quarterly progress"))
    assert _titles(result) == EXPECTED
    assert result.sets[0].period is None and all(not kr.problems for kr in list(result.sets[0].key_results()))
    for header in ("Quarterly progress", "Quarter 1 update", "Q1 actual", "Quarterly RAG", "ไตรมาส 1 ความคืบหน้า"):
        assert field_for_header(header) is None, header
    for header in ("Quarter", "Period", "Fiscal year", "ไตรมาส", "ปีงบประมาณ 2570"):
        assert field_for_header(header) == "period", header


def test_a_csv_repeating_its_header_on_the_second_row_and_later(tmp_path):
    path = tmp_path / "digital.csv"
    path.write_text("Objective,Key result,Baseline,Target\nObjective,Key result,Baseline,Target\n"
                    "Clinicians spend time with patients,Reduce log-in time,95 seconds,20 seconds\n"
                    "Objective,Key result,Baseline,Target\n"
                    ",Raise first-contact resolution,54%,75%\n", encoding="utf-8")
    result = _load(path)
    assert _titles(result) == EXPECTED
    assert all(not kr.problems for kr in list(result.sets[0].key_results()))


def test_a_group_over_baseline_and_target_names_their_columns(tmp_path):
    path = tmp_path / "digital.csv"
    path.write_text("Objective,Key result,Measures,\n,,Baseline,Target\n"
                    "Clinicians spend time with patients,Reduce log-in time,95 seconds,20 seconds\n"
                    ",Raise first-contact resolution,54%,75%\n", encoding="utf-8")
    result = _load(path)
    assert _titles(result) == EXPECTED
    assert [(kr.baseline, kr.target) for kr in list(result.sets[0].key_results())] == [(95, 20), (54, 75)]


def test_a_data_row_right_under_the_header_is_still_read(tmp_path):
    path = tmp_path / "digital.csv"
    path.write_text("Objective,Key result,Baseline,Target,Quarterly progress,\n"
                    "Clinicians spend time with patients,Reduce log-in time,95 seconds,20 seconds,Q1,\n"
                    ",Raise first-contact resolution,54%,75%,,\n", encoding="utf-8")
    assert _titles(_load(path)) == EXPECTED


def _ods(path: Path) -> Path:
    """Header cells spanning two rows beside a block spanning two columns, as LibreOffice writes them."""
    def cell(value, rows=1, columns=1):
        spans = (f' table:number-rows-spanned="{rows}"' if rows > 1 else "") + \
            (f' table:number-columns-spanned="{columns}"' if columns > 1 else "")
        return f'<table:table-cell office:value-type="string"{spans}><text:p>{value}</text:p></table:table-cell>'

    covered = "<table:covered-table-cell/>"
    rows = ["".join(cell(head, rows=2) for head in HEADS[:4]) + cell("Quarterly progress", columns=2) + covered,
            covered * 4 + cell("Q1") + cell("Q2"),
            "".join(cell(value) for value in ROWS[0][:4]) + cell("80"),
            cell("") + "".join(cell(value) for value in ROWS[1][1:4]) + cell("58%")]
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Digital">'
               + "".join(f"<table:table-row>{row}</table:table-row>" for row in rows)
               + "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                         '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return path


def test_an_ods_header_spanning_two_rows(tmp_path):
    result = _load(_ods(tmp_path / "tracker.ods"))
    assert _titles(result) == EXPECTED
    assert result.sets[0].period is None and all(not kr.problems for kr in list(result.sets[0].key_results()))


def _word_table(rows: list[list[str]], merge_down: int):
    import docx

    document = docx.Document()
    document.add_paragraph("Severnmoor Digital Services OKRs")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    for column in range(merge_down):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, merge_down).merge(table.cell(0, len(rows[0]) - 1))  # vMerge down, gridSpan across
    buffer = io.BytesIO()
    document.save(buffer)
    return load_docx("plan.docx", buffer.getvalue(), {})


def test_a_word_table_whose_header_cells_are_merged_down(tmp_path):
    rows = [["Objective", "Key result", "Baseline", "Target", "Quarterly progress", ""],
            ["", "", "", "", "Q1", "Q2"],
            ["Clinicians spend time with patients", "Reduce log-in time", "95 seconds", "20 seconds", "80", ""],
            ["Clinicians spend time with patients", "Raise first-contact resolution", "54%", "75%", "58%", ""]]
    result = _word_table(rows, 4)
    assert _titles(result) == EXPECTED
    assert all(not kr.problems for kr in list(result.sets[0].key_results()))


# --- M2: a range in a target cell ----------------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["Between 85% and 90%", "85% to 90%", "between 85 and 90%", "85 to 90 per cent",
                                     "85-90%", "ร้อยละ 85 ถึง 90", "ระหว่างร้อยละ 85 ถึง 90"])
def test_a_range_in_a_target_cell_is_its_low_end(written):
    assert parse_goal(written) == (None, 85)


@pytest.mark.parametrize("written", ["90% to 85%", "85 and 90%", "2026 to 2027"])
def test_what_is_no_range(written):
    assert parse_goal(written) is None


def test_from_to_in_a_cell_is_still_a_change():
    assert parse_goal("from 85% to 90%") == (85, 90)


def test_a_range_in_a_csv_target_cell_gives_no_finding(tmp_path):
    import json

    from click.testing import CliRunner

    from okrlint.cli import main

    path = tmp_path / "range.csv"
    path.write_text("Objective,Key result,Baseline,Target\n"
                    "Patients are seen sooner,Increase the proportion of patients waiting less than 18 weeks,68%,"
                    "Between 85% and 90%\n"
                    "Patients are seen sooner,Raise the share of calls answered in 60 seconds,61%,85% to 90%\n",
                    encoding="utf-8")
    result = _load(path)
    assert [(kr.baseline, kr.target, kr.problems) for kr in list(result.sets[0].key_results())] == \
        [(68, 85, ()), (61, 85, ())]
    report = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", str(path)]).stdout
    names = [finding["name"] for finding in json.loads(report[report.index("{"):])["findings"]]
    assert not {"non-numeric-value", "kr-direction-mismatch", "kr-not-measurable"} & set(names), names


# --- L2: a date in a target cell -----------------------------------------------------------------------------------
@pytest.mark.parametrize("written, due", [("31/07/2026", "2026-07-31"), ("2026-07-31", "2026-07-31"),
                                          ("31 ก.ค. 2570", "2027-07-31"), ("31 July 2026", "2026-07-31")])
def test_a_date_in_a_milestones_target_cell_is_its_due_date(tmp_path, written, due):
    path = tmp_path / "misc.csv"
    path.write_text("Objective,Key result,Baseline,Target\n"
                    f"Families get the new service,Service specification signed off by the commissioner,-,{written}\n"
                    "Families get the new service,Raise families seen within 2 weeks,60%,80%\n", encoding="utf-8")
    krs = list(_load(path).sets[0].key_results())
    assert (str(krs[0].due), krs[0].target, krs[0].problems) == (due, None, ())
    assert str(krs[0].field_locations["due"]) == "misc.csv:2:4"
    assert krs[1].target == 80


def test_a_date_cell_in_the_target_column_of_a_workbook(tmp_path):
    import datetime as dt

    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key result", "Target"])
    sheet.append(["Families get the new service", "Specification signed off by the commissioner", dt.date(2026, 7, 31)])
    book.save(tmp_path / "plan.xlsx")
    (kr,) = list(_load(tmp_path / "plan.xlsx").sets[0].key_results())
    assert (kr.due, kr.target, kr.problems) == (dt.date(2026, 7, 31), None, ())


def test_a_due_column_keeps_the_date_in_the_target_a_problem(tmp_path):
    path = tmp_path / "misc.csv"
    path.write_text("Objective,Key result,Target,Due\n"
                    "Families get the new service,Specification signed off,31/07/2026,30/09/2026\n", encoding="utf-8")
    (kr,) = list(_load(path).sets[0].key_results())
    assert str(kr.due) == "2026-09-30"
    assert [p.field for p in kr.problems] == ["target"]


# --- L6: a department's label above the table ----------------------------------------------------------------------
@pytest.mark.parametrize("label, level", [("Department: Finance", "department"), ("Directorate: Finance", "department"),
                                          ("Division: Finance", "department"), ("ฝ่าย: การเงิน", "department"),
                                          ("กอง: คลัง", "department"), ("Team: Finance", "team")])
def test_a_department_label_above_the_table_sets_the_level(tmp_path, label, level):
    book = Workbook()
    sheet = book.active
    sheet.title = "Finance"
    sheet.append(["Severnmoor Community Health NHS Trust — OKR tracker 2026/27"])
    sheet.append([label, None, "Lead: Chief Finance Officer"])
    sheet.append([])
    sheet.append(["Objective", "Key result", "Baseline", "Target"])
    sheet.append(["Suppliers are paid on time", "Raise invoices paid within 30 days", "80%", "95%"])
    book.save(tmp_path / "tracker.xlsx")
    (okr_set,) = _load(tmp_path / "tracker.xlsx").sets
    assert okr_set.level == level


def test_the_review_workbook_shape_reads_every_sheet_once(tmp_path):
    """The review's tracker: a title row, a "Department:" row, a header merged down beside "Q1/Q2/Q3/Q4 progress"."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Digital"
    sheet.append(["Severnmoor Community Health NHS Trust — Directorate OKR tracker 2026/27 (April 2026 – March 2027)"])
    sheet.append(["Department: Digital Services", None, None, None, "Lead: Chief Digital Information Officer"])
    sheet.append([])
    sheet.append(["Ref", "Objective", "Key result", "Aligns to", "Baseline (31/03/2026)", "Target (31/03/2027)",
                  "Q1/Q2/Q3/Q4 progress", None, None, None, "RAG", "Comments"])
    sheet.append([None] * 6 + ["Q1 (Apr–Jun)", "Q2 (Jul–Sep)", "Q3 (Oct–Dec)", "Q4 (Jan–Mar)"])
    for column in "ABCDEFKL":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet.merge_cells("G4:J4")
    sheet.append(["D1.1", "Clinicians spend their time with patients", "Reduce average log-in time", "CO1",
                  "95 seconds", "20 seconds", "82 secs", None, None, None, "G", "Pilot live"])
    sheet.append(["D1.2", None, "Raise first-contact resolution at the IT service desk", "CO1", "54%", "75%", "58%",
                  None, None, None, "A", None])
    sheet.merge_cells("B6:B7")
    book.save(tmp_path / "tracker.xlsx")
    (okr_set,) = _load(tmp_path / "tracker.xlsx").sets
    assert [o.title for o in okr_set.objectives] == ["Clinicians spend their time with patients"]
    assert [kr.target for kr in list(okr_set.key_results())] == [20, 75]
    assert okr_set.level == "department"
    assert all(not kr.problems for kr in list(okr_set.key_results()))
