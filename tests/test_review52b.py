"""Review 52 (hostile inputs), second part: bidi and control characters in names in every report format (F9), a
workbook cell or shared string of millions of characters (F1), files of more rows than an OKR plan has (F4),
and a CSV cell past Python's field limit said in okrlint's words (F10)."""

from __future__ import annotations

import io
import json
import zipfile

from okrlint.engine import Engine
from okrlint.load import spreadsheet
from okrlint.load.limits import MAX_CELL_CHARS, MAX_TABLE_ROWS
from okrlint.load.spreadsheet import load_spreadsheet
from okrlint.report import ReportContext
from okrlint.report.ci import render_gitlab, render_junit
from okrlint.report.human import render_html
from okrlint.report.graph import alignment_graph, render_graph

SPOOF = "\u202eevil\u202d"
HIDDEN = ("\u202e", "\u202d", "\u2066", "\x85", "\x1b")


def _run(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return Engine().run([str(tmp_path)])


def test_reversed_file_names_are_escaped_in_html_junit_gitlab_and_graphs(tmp_path):
    yaml = ("team: Sales\nperiod: 2026-Q1\nobjectives:\n  - id: o1\n    title: Shoppers \u2066find\u2069 us first\n"
            "    key_results:\n      - id: kr1\n        title: Raise weekly visits from 10 to 20\n"
            "        baseline: 10\n        target: 20\n")
    result = _run(tmp_path, f"{SPOOF}.okr.yaml", yaml)
    assert result.findings
    context = ReportContext(result=result)
    for fmt, render in (("html", render_html), ("junit", render_junit), ("gitlab", render_gitlab)):
        out = render(context)
        assert not any(ch in out for ch in HIDDEN), fmt
        assert "\\u202eevil" in out, fmt  # shown, as the text report shows it
    graph = alignment_graph(result.org, result.findings)
    for fmt in ("dot", "mermaid", "json"):
        out = render_graph(graph, fmt)
        assert not any(ch in out for ch in HIDDEN), fmt
    data = json.loads(render_graph(graph, "json"))  # the JSON keeps the data: only its spelling is escaped
    assert data["nodes"][0]["file"].endswith(f"{SPOOF}.okr.yaml")
    assert "\u2066find\u2069" in data["nodes"][0]["title"]


def test_html_keeps_thai_and_plain_names(tmp_path):
    yaml = ("team: ฝ่ายขาย\nperiod: 2026-Q1\nobjectives:\n  - id: o1\n    title: ลูกค้าพบเราเป็นที่แรก\n"
            "    key_results:\n      - id: kr1\n        title: เพิ่มผู้เข้าชมต่อสัปดาห์จาก 10 เป็น 20 คน\n")
    result = _run(tmp_path, "ฝ่ายขาย.okr.yaml", yaml)
    out = render_html(ReportContext(result=result))
    assert "ฝ่ายขาย.okr.yaml" in out and "\\u" not in out


def _workbook(shared: str, *, inline: str | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key result"])
    sheet.append(["Grow revenue", "Raise revenue from 1 to 2"])
    buffer = io.BytesIO()
    book.save(buffer)
    # Make B2 a shared string (openpyxl writes inline strings) or a long inline string
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    runs = "".join(f"<r><t>{shared[i:i + 50_000]}</t></r>" for i in range(0, len(shared), 50_000))
    strings = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
               f'2006/main" count="1" uniqueCount="1"><si>{runs}</si></sst>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            text = source.read(item).decode()
            if item.filename == "xl/worksheets/sheet1.xml":
                start = text.index('<c r="B2"')
                end = text.index("</c>", start) + 4
                cell = (f'<c r="B2" t="inlineStr"><is><t>{inline}</t></is></c>' if inline is not None
                        else '<c r="B2" t="s"><v>0</v></c>')
                text = text[:start] + cell + text[end:]
            elif item.filename == "[Content_Types].xml":
                text = text.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                text = text.replace("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.'
                                    'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    "</Relationships>")
            target.writestr(item, text)
        target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def test_a_shared_string_of_millions_of_characters_is_cut_and_said_once():
    data = _workbook("Raise revenue from 1 to 2 " + "A" * (3 * MAX_CELL_CHARS))
    result = load_spreadsheet("big.okr.xlsx", data, {})
    said = [e for e in result.errors if "longer than 100,000 characters (1)" in e.message]
    assert len(said) == 1
    kr = result.sets[0].objectives[0].key_results[0]
    assert kr.title.startswith("Raise revenue from 1 to 2") and len(kr.title) == MAX_CELL_CHARS


def test_a_long_inline_string_is_cut_too():
    data = _workbook("unused", inline="Raise revenue from 1 to 2 " + "B" * (2 * MAX_CELL_CHARS))
    result = load_spreadsheet("big.okr.xlsx", data, {})
    assert any("longer than 100,000" in e.message for e in result.errors)
    assert len(result.sets[0].objectives[0].key_results[0].title) == MAX_CELL_CHARS


def test_a_workbook_of_ordinary_cells_is_passed_on_unchanged():
    data = _workbook("Raise revenue from 1 to 2 " + "x " * 5_000)  # long, but under the cap
    assert spreadsheet.cut_long_cells(data) == (data, 0)
    result = load_spreadsheet("ok.okr.xlsx", data, {})
    assert not result.errors and result.sets[0].objectives[0].key_results[0].title.startswith("Raise revenue")


def test_a_csv_of_more_rows_than_a_plan_reads_the_first_and_says_so():
    rows = ["Objective,Key result,Baseline,Target"]
    rows += [f"Grow revenue {i % 50},Raise revenue from {i} to {i + 1},{i},{i + 1}" for i in range(MAX_TABLE_ROWS + 500)]
    result = load_spreadsheet("rows.okr.csv", "\n".join(rows).encode(), {})
    errors = [e for e in result.errors if "rows of tables" in e.message]
    assert len(errors) == 1 and errors[0].location.line == MAX_TABLE_ROWS + 1
    krs = sum(len(o.key_results) for s in result.sets for o in s.objectives)
    assert krs == MAX_TABLE_ROWS - 1  # the header and the first rows


def test_a_thai_csv_under_the_cap_is_read_whole():
    rows = ["วัตถุประสงค์,ผลลัพธ์หลัก"] + [f"ลูกค้าพึงพอใจ,เพิ่มคะแนนจาก {i} เป็น {i + 1}" for i in range(300)]
    result = load_spreadsheet("ฝ่ายขาย.okr.csv", "\n".join(rows).encode(), {})
    assert not result.errors
    assert sum(len(o.key_results) for s in result.sets for o in s.objectives) == 300


def test_capped_tables_counts_every_sheet_of_a_file():
    from okrlint.load.tables import Table
    from okrlint.model import Location

    def table(n: int, name: str) -> Table:
        return Table([["x"]] * n, lambda r, c: Location("book.okr.xlsx", r + 1, c + 1, sheet=name), team=name, name=name)

    kept, errors = spreadsheet.capped_tables([table(MAX_TABLE_ROWS - 10, "A"), table(50, "B"), table(5, "C")],
                                             "book.okr.xlsx")
    assert [len(t.rows) for t in kept] == [MAX_TABLE_ROWS - 10, 10] and len(errors) == 1
    assert errors[0].location.sheet == "B"
    kept, errors = spreadsheet.capped_tables([table(5, "A")], "book.okr.xlsx")
    assert len(kept[0].rows) == 5 and not errors


def test_an_oversized_csv_cell_is_said_in_okrlints_words():
    data = ("Objective,Key result\nGrow revenue,\"" + "a" * 200_000 + "\"\n").encode()
    result = load_spreadsheet("big.okr.csv", data, {})
    (error,) = result.errors
    assert "field limit" not in error.message
    assert error.message.startswith("a cell longer than 131,072 characters ends at line 2")
    assert error.location.line == 2
