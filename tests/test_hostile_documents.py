"""Hostile and broken documents (not YAML: see test_bad_input.py) never crash okrlint, hang it or fill the memory.

Each hostile file is built here, at test time, and linted next to a good file: the bad one must give a
one-line input error naming it (exit code 2) and the good one must still be linted. Files that used to
kill the process (calamine aborting on an allocation of 512 GB) are linted in a subprocess, with a
timeout that only guards against a hang. The caps themselves live in okrlint.load.limits.
"""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from okrlint import parallel
from okrlint.engine import Engine
from okrlint.load import limits
from okrlint.load.draft import load_draft_file
from okrlint.load.spreadsheet import load_spreadsheet

from test_bad_input import DRAFT, GOOD, assert_good_file_linted, assert_input_error, error_line_for
from test_bad_input import lint as lint_beside_a_good_file
from test_bad_input import workdir  # noqa: F401 - the shared fixture

SRC = Path(__file__).resolve().parents[1] / "src"
MB = 1024 * 1024


def lint(*names: str, extra: tuple[str, ...] = ("--isolated",)):
    return lint_beside_a_good_file(*names, extra=(*extra, "--no-cache"))


def lint_in_subprocess(cwd: Path, *names: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "okrlint", "check", "--isolated", "--no-cache", *names, "good.okr.yaml",
                           "--format", "json"], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


# --- builders -------------------------------------------------------------------------------------------

def rezipped(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """A copy of the zip ``data`` with some parts replaced and others added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, replace.get(info.filename) or source.read(info.filename))
        for name, content in (add or {}).items():
            archive.writestr(name, content)
    return out.getvalue()


def workbook() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "OKRs"
    book.active.append(["Objective", "Key result"])
    book.active.append(["Customers stay", "Raise NPS from 20 to 40"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def workbook_with_cells(cells: str) -> bytes:
    """The workbook with ``cells`` (sheet XML) added after its own rows."""
    data = workbook()
    xml = zipfile.ZipFile(io.BytesIO(data)).read(SHEET).replace(b"</sheetData>", cells.encode() + b"</sheetData>")
    return rezipped(data, {SHEET: xml})


def word_document(body_xml: str = "", prolog: str = "") -> bytes:
    import docx

    document = docx.Document()
    for line in DRAFT.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    xml = xml.replace("<w:body>", "<w:body>" + body_xml, 1)
    if prolog:
        xml = xml.replace("?>", "?>" + prolog, 1)
    return rezipped(data, {"word/document.xml": xml.encode()})


def with_bomb_part(data: bytes, name: str, megabytes: int, chunk: bytes = b" " * MB) -> bytes:
    """The zip ``data`` plus a part that inflates to ``megabytes`` of ``chunk`` (a few hundred kilobytes on disk)."""
    out = io.BytesIO(rezipped(data, {}))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as part:
        for _ in range(megabytes * MB // len(chunk)):
            part.write(chunk)
    return out.getvalue()


def with_lying_size(data: bytes, name: str, size: int) -> bytes:
    """``data`` with the declared uncompressed size of part ``name`` set to ``size`` (in both of its headers)."""
    patched = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    struct.pack_into("<I", patched, info.header_offset + 22, size)
    position = patched.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        if patched[position + 46:position + 46 + name_length] == name.encode():
            struct.pack_into("<I", patched, position + 24, size)
        position = patched.find(b"PK\x01\x02", position + 4)
    return bytes(patched)


TEXT = (b"BT /F1 12 Tf 72 720 Td (Objective: Customers stay) Tj 0 -20 Td (Key results:) Tj "
        b"0 -20 Td (1. Raise NPS from 20 to 40) Tj ET")


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1; the first is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_stream(content: bytes) -> bytes:
    packed = zlib.compress(content, 6)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def pdf_pages(content: bytes, pages: int = 1, kids: bytes | None = None) -> bytes:
    """``pages`` pages that all draw ``content`` (objects: catalog, pages, font, content, then the pages)."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    kids = kids or b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", pdf_stream(content)] + [page] * pages)


# --- workbooks ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("far_cell", [
    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',  # used to abort: "memory allocation of 549755813888 bytes failed"
    '<row r="200000"><c r="ZZ200000" t="str"><v></v></c></row>',  # a 4.5 GB grid
    "<row r='1048576'><c r='xfd1048576' t='str'><v>1</v></c></row>",  # written differently: walked, not matched
    '<row r="1048576">' + "<c><v>1</v></c>" * 20_000 + "</row>",  # cells without a reference, placed one after another
], ids=["last-cell", "empty-text-cell", "single-quotes-lowercase", "no-references"])
def test_cells_far_apart_are_a_sheet_error_not_an_abort(workdir, far_cell):
    (workdir / "far.okr.xlsx").write_bytes(workbook_with_cells(far_cell))
    result = lint_in_subprocess(workdir, "far.okr.xlsx")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert re.search(r"^far\.okr\.xlsx:OKRs!A1: error: sheet 'OKRs' spans [\d,]+ cells \(rows × columns, more than "
                     r"1,000,000\); not read$", result.stderr, re.MULTILINE), result.stderr
    assert_good_file_linted(result.stdout)


def test_cells_with_formatting_only_far_away_are_read(workdir):
    # Formatted but empty cells, and the dimension a sheet claims, do not make calamine's grid larger.
    data = workbook_with_cells('<row r="1048576"><c r="XFD1048576" s="1"/></row>')
    data = data.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>')
    (workdir / "styled.okr.xlsx").write_bytes(data)
    result = lint("styled.okr.xlsx")
    assert result.exit_code == 1 and "error:" not in result.stderr, result.stderr
    assert any(obj["file"] == "styled.okr.xlsx" for obj in assert_good_file_linted(result.stdout)["objects"])


def test_a_workbook_that_unzips_to_gigabytes(workdir):
    (workdir / "bomb.okr.xlsx").write_bytes(rezipped(workbook(), {}, {"xl/media/padding.bin": b" " * (201 * MB)}))
    assert_input_error(lint("bomb.okr.xlsx"), "bomb.okr.xlsx", line=1,
                       says="the workbook expands to more than 200 MB when unzipped; not read")


def test_a_part_that_says_it_is_small_is_measured_by_inflating_it(workdir):
    bomb = with_bomb_part(workbook(), "xl/media/padding.bin", 210)
    (workdir / "liar.okr.xlsx").write_bytes(with_lying_size(bomb, "xl/media/padding.bin", 1000))
    assert zipfile.ZipFile(workdir / "liar.okr.xlsx").getinfo("xl/media/padding.bin").file_size == 1000
    assert_input_error(lint("liar.okr.xlsx"), "liar.okr.xlsx", says="expands to more than 200 MB")


def test_a_workbook_of_thousands_of_parts(workdir):
    (workdir / "parts.okr.xlsx").write_bytes(rezipped(workbook(), {}, {f"junk/{i}.xml": b"" for i in range(10_001)}))
    assert_input_error(lint("parts.okr.xlsx"), "parts.okr.xlsx", says="parts (more than 10,000); not read")


def _zip_of_empty_parts(count: int, document_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for i in range(count):
            archive.writestr(f"p{i}", b"")
        archive.writestr(document_part, b"<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["many.docx", "many.doc", "many-parts"])
def test_a_zip_of_too_many_parts_is_counted_from_its_end_record_before_it_is_opened(workdir, name):
    # 70,001 parts needs the zip64 end record for the count; the document part is listed last, past any
    # first 10,000 names, and the file is still told as a Word document (review 69's M6)
    (workdir / name).write_bytes(_zip_of_empty_parts(70_000, "word/document.xml"))
    assert_input_error(lint(name), name, says="the document has 70,001 parts (more than 10,000); not read")


def test_a_zip_that_says_it_has_few_parts_but_lists_a_long_directory_is_refused_by_the_directorys_size(workdir):
    # the end record's count is a lie (review 75: 4 M parts said to be 2 took 12.5 s and 1.8 GB); its directory size
    # is what zipfile reads, so that is what bounds the work
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for i in range(50_000):
            archive.writestr(f"word/media/{i:08d}-{'x' * 60}.png", b"")
    data = bytearray(buffer.getvalue())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 2, 2)  # this disk's count and the whole zip's: 2
    (workdir / "liar.docx").write_bytes(bytes(data))
    assert_input_error(lint("liar.docx"), "liar.docx", says="list of parts takes")


def test_the_declared_part_count_is_read_from_plain_and_zip64_end_records():
    from okrlint.load.archive import declared_directory

    assert declared_directory(_zip_of_empty_parts(3, "word/document.xml"))[0] == 4
    assert declared_directory(_zip_of_empty_parts(65_535, "word/document.xml"))[0] == 65_536
    assert declared_directory(b"not a zip") is None


def test_an_enormous_shared_strings_table(workdir):
    strings = b"<si><t>Raise NPS from 20 to 40 by doing things</t></si>" * 20_000  # a megabyte
    (workdir / "strings.okr.xlsx").write_bytes(with_bomb_part(workbook(), "xl/sharedStrings.xml", 210, strings))
    assert_input_error(lint("strings.okr.xlsx"), "strings.okr.xlsx", says="expands to more than 200 MB")


def test_an_opendocument_sheet_of_a_million_repeated_rows(workdir):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="OKRs">'
        '<table:table-row table:number-rows-repeated="100000000"><table:table-cell table:number-columns-repeated="2" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(workdir / "rows.okr.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'))
    assert_input_error(lint("rows.okr.ods"), "rows.okr.ods", says="cells (rows × columns, more than 1,000,000)")


def test_workbook_xml_entities_are_neither_expanded_nor_fetched(workdir):
    laughs = ('<!DOCTYPE worksheet [<!ENTITY a "lollollollollollollollollollol">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
              + '<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    data = workbook()
    xml = zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    xml = laughs + xml.replace("Customers stay", "&j;&x;")
    (workdir / "laughs.okr.xlsx").write_bytes(rezipped(data, {SHEET: xml.encode()}))
    result = lint("laughs.okr.xlsx")
    assert "Traceback" not in result.output and result.exit_code in (1, 2)
    assert "root:" not in result.stdout + result.stderr and "lollollol" not in result.stdout
    assert_good_file_linted(result.stdout)


# --- Word documents -------------------------------------------------------------------------------------------

def test_a_word_document_that_unzips_to_gigabytes(workdir):
    (workdir / "bomb.okr.docx").write_bytes(with_bomb_part(word_document(), "word/media/padding.bin", 210))
    assert_input_error(lint("bomb.okr.docx"), "bomb.okr.docx", says="the document expands to more than 200 MB")


@pytest.mark.parametrize("prolog, body, says", [
    # billion laughs: libxml2 (through python-docx's lxml) refuses the amplification
    ('<!DOCTYPE w:document [<!ENTITY a "lollollollollollollollollollol">'
     + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>",
     "<w:p><w:r><w:t>&j;</w:t></w:r></w:p>", "amplification"),
    # 100,000 nested elements: libxml2 stops at a depth of 256, before any recursion of okrlint's
    ("", "<w:sdt><w:sdtContent>" * 100_000 + "</w:sdtContent></w:sdt>" * 100_000, "depth"),
])
def test_word_xml_attacks(workdir, prolog, body, says):
    (workdir / "attack.okr.docx").write_bytes(word_document(body, prolog))
    assert_input_error(lint("attack.okr.docx"), "attack.okr.docx", says=says)


def test_word_external_entities_are_not_fetched(workdir):
    secret = workdir / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    prolog = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
    (workdir / "xxe.okr.docx").write_bytes(word_document("<w:p><w:r><w:t>Notes: &x;</w:t></w:r></w:p>", prolog))
    result = lint("xxe.okr.docx", extra=("--isolated", "--format", "text:report.txt"))
    assert "Traceback" not in result.output
    assert "TOP-SECRET-VALUE" not in result.stdout + result.stderr + (workdir / "report.txt").read_text()


@pytest.mark.parametrize("body", [
    # a list level of two billion: finding its bullet format counted down from it, for minutes
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="2000000000"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    "<w:r><w:t>Raise NPS from 20 to 40</w:t></w:r></w:p>",
    # a cell merged across two billion columns: a list of 16 GB
    '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr><w:p><w:r><w:t>Objective</w:t></w:r></w:p>'
    "</w:tc></w:tr></w:tbl>",
], ids=["list-level", "grid-span"])
def test_word_values_past_words_own_limits(workdir, body):
    (workdir / "limits.okr.docx").write_bytes(word_document(body))
    started = time.monotonic()
    result = lint("limits.okr.docx")
    assert time.monotonic() - started < 30 and "Traceback" not in result.output
    assert result.exit_code in (1, 2)
    assert any(obj["file"] == "limits.okr.docx" for obj in assert_good_file_linted(result.stdout)["objects"])


# --- PDF ------------------------------------------------------------------------------------------------------

def test_a_pdf_decompression_bomb(workdir):
    (workdir / "bomb.okr.pdf").write_bytes(pdf_pages(TEXT + b" " * (100 * MB)))
    assert_input_error(lint("bomb.okr.pdf"), "bomb.okr.pdf", line=1, says="decompresses to more than pypdf reads")


def test_pdf_drawing_instructions_past_the_budget(workdir):
    # 11 MB of drawing instructions took about 11 s to read; 60 MB took a minute per page, on every page
    (workdir / "heavy.okr.pdf").write_bytes(pdf_pages(TEXT + b"\n" + b"0 0 m\n" * (11 * MB // 6)))
    assert_input_error(lint("heavy.okr.pdf"), "heavy.okr.pdf", says="more than 10 MB of drawing instructions")


def test_a_pdf_of_more_pages_than_are_read_says_so(workdir):
    (workdir / "book.okr.pdf").write_bytes(pdf_pages(TEXT, pages=600))
    result = lint("book.okr.pdf")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert re.search(r"^book\.okr\.pdf:page 501:1: error: the PDF has 600 pages; only the first 500 are read$",
                     result.stderr, re.MULTILINE), result.stderr
    assert any(obj["file"] == "book.okr.pdf" for obj in assert_good_file_linted(result.stdout)["objects"])


@pytest.mark.parametrize("kids, says", [
    (b"2 0 R 5 0 R", "cyclic"),  # the page tree holds itself
])
def test_a_pdf_page_tree_loop(workdir, kids, says):
    (workdir / "loop.okr.pdf").write_bytes(pdf_pages(TEXT, pages=1, kids=kids))
    assert_input_error(lint("loop.okr.pdf"), "loop.okr.pdf", says=says)


def test_pdf_deeply_nested_arrays_and_dictionaries(workdir):
    nested = b"[" * 100_000 + b"]" * 100_000 + b" pop\n" + TEXT
    data = pdf_pages(nested).replace(b"/Type /Catalog", b"/Type /Catalog /X " + b"<< /A " * 50_000 + b"1" + b" >>" * 50_000)
    (workdir / "nested.okr.pdf").write_bytes(data)
    result = lint("nested.okr.pdf")
    assert "Traceback" not in result.output and result.exit_code in (1, 2)
    assert_good_file_linted(result.stdout)


# --- Markdown and plain text ----------------------------------------------------------------------------------

PATHOLOGICAL_LINES = {
    "spaces": " " * MB + "x",
    "hashes": "#" * MB,
    "pipes": "|" * MB,
    "table separator": "| a | b |\n|" + "---|" * (MB // 4) + "\n",
    "dashes": "- " * (MB // 2) + "x",
    "stars": "*" * MB,
    "numbering": "1." * (MB // 2) + "x",
    "thai": "ผลลัพธ์หลัก " * (MB // 12),
    "colons": "a: " * (MB // 3),
    "mixed": "# - * | 1. ก 🎯 **x** \\* " * (MB // 24),
    "open comment": "<!--" * (MB // 4),
    "open parenthesis": "Objective: x\nKey results:\n1. Raise " + "(" * MB,
    "set fields": "Team: " + "a  " * (MB // 3),
    "backslashes": "\\" * MB,
}


@pytest.mark.parametrize("name", PATHOLOGICAL_LINES)
def test_pathological_lines_are_read_in_linear_time(name):
    started = time.monotonic()
    load_draft_file("x.okr.md", PATHOLOGICAL_LINES[name].encode(), {})
    assert time.monotonic() - started < 10  # about 0.1 s; catastrophic backtracking would take hours


def test_a_five_megabyte_line(workdir):
    (workdir / "line.okr.txt").write_bytes(("Objective: " + "grow " * MB + "\nKey results:\n1. a\n").encode())
    assert_input_error(lint("line.okr.txt"), "line.okr.txt", says="characters long")


@pytest.mark.parametrize("text", [
    "a: b\n" * 200_000,  # 2.5 s a megabyte of short lines: each line costs microseconds
    "".join(" " * (i % 400) + "- x\n" for i in range(100_001)),  # 100,000 nesting levels of indentation
    "\r" * 200_000,
], ids=["short-lines", "deep-indentation", "carriage-returns"])
def test_more_lines_than_a_draft_has(workdir, text):
    (workdir / "lines.okr.md").write_text("Objective: x\n" + text, encoding="utf-8", newline="")
    assert_input_error(lint("lines.okr.md"), "lines.okr.md", line=1, says="(more than 100,000); not read")


def test_a_word_document_of_more_paragraphs_than_a_draft_has(workdir):
    (workdir / "long.okr.docx").write_bytes(word_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 100_001))
    assert_input_error(lint("long.okr.docx"), "long.okr.docx", says="lines or paragraphs (more than 100,000)")


# --- CSV ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, says", [
    (b"objective,key result\n" + b"x" * (50 * MB) + b",y\n", "a cell longer than 131,072 characters"),
    (b"objective,key result\n\"" + b"x" * (50 * MB) + b"\",y\n", "a cell longer than 131,072 characters"),
    (b"objective,key result\n" + b"a," * 1_000_000 + b"\n", "more than 1,000,000 cells"),
    (b"objective," * 1_000_000 + b"\nx,y\n", "more than 1,000,000 cells"),
    (b"objective,key result\n" + b"\n" * (2 * MB), "more than 1,000,000 cells"),
    (b";" * (5 * MB), "more than 1,000,000 cells"),
    (b"objective,key result\nCustomers stay,Raise \x00 NPS\n", "binary"),
    ("objective,key result\nลูกค้า,เพิ่ม NPS\n".encode() + "ลูกค้า,เพิ่ม\n".encode("cp874"), "not valid UTF-8"),
], ids=["50MB-field", "50MB-quoted-field", "million-columns", "million-header-columns", "two-million-rows",
        "one-line-of-separators", "nul-byte", "mixed-encodings"])
def test_hostile_csv(workdir, data, says):
    started = time.monotonic()
    result = load_spreadsheet("x.okr.csv", data, {})
    assert time.monotonic() - started < 20  # each used to take up to 15 s; now well under one
    assert not result.sets and says in result.errors[0].message, result.errors


def test_hostile_csv_through_the_command_line(workdir):
    (workdir / "wide.okr.csv").write_bytes(b"objective,key result\n" + b"a," * 1_000_000 + b"\n")
    assert_input_error(lint("wide.okr.csv"), "wide.okr.csv", line=2, says="more than 1,000,000 cells")


# --- the safety net: any loader that fails or hangs -------------------------------------------------------------

HOSTILE_LOADERS = '''
from okrlint.hookspecs import hookimpl
from okrlint.load import Loader


class Panic(BaseException):
    """What a Rust library's panic (pyo3's PanicException) looks like from Python."""


def hang(filename, data, options):
    while True:
        pass


def panic(filename, data, options):
    raise Panic("called `Option::unwrap()` on a `None` value\\nat src/xlsx.rs:1")


@hookimpl
def okrlint_loaders():
    return [Loader(name="hang", load=hang, discover=("*.okr.hang",), suffixes=(".hang",), priority=20),
            Loader(name="panic", load=panic, discover=("*.okr.panic",), suffixes=(".panic",), priority=20)]
'''


@pytest.fixture
def hostile_loaders(workdir, monkeypatch):
    (workdir / "hostile_loaders.py").write_text(HOSTILE_LOADERS, encoding="utf-8")
    (workdir / "okrlint.toml").write_text('plugins = ["hostile_loaders.py"]\n', encoding="utf-8")
    monkeypatch.setattr(limits, "LOAD_TIMEOUT", 0.5)
    return workdir


def test_a_loader_that_hangs_or_panics_costs_one_line(hostile_loaders):
    (hostile_loaders / "stuck.okr.hang").write_text("x")
    (hostile_loaders / "broken.okr.panic").write_text("x")
    result = lint("stuck.okr.hang", "broken.okr.panic", extra=())
    assert_input_error(result, "stuck.okr.hang", line=1, says="reading the file took longer than 0.5 s; not read")
    message = assert_input_error(result, "broken.okr.panic", line=1, says="the panic loader failed: Panic: called")
    assert "\n" not in message and "src/xlsx.rs:1" in message


def test_the_load_time_limit_holds_in_worker_processes(hostile_loaders, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    (hostile_loaders / "okrs").mkdir()
    for index in range(3):
        (hostile_loaders / "okrs" / f"stuck{index}.okr.hang").write_text("x")
    result = lint("okrs", extra=("--jobs", "2"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    for index in range(3):
        assert "took longer than 0.5 s" in error_line_for(result.stderr, f"okrs/stuck{index}.okr.hang").group(4)
    assert_good_file_linted(result.stdout)


def test_outside_the_main_thread_files_load_without_a_time_limit(workdir):
    # SIGALRM works in the main thread only: elsewhere loading is not timed (the caps above still hold),
    # and it must not fail for that.
    (workdir / "draft.okr.md").write_text(DRAFT, encoding="utf-8")
    outcome = {}

    def run():
        engine = Engine()
        outcome["result"] = engine.run(["draft.okr.md", "good.okr.yaml"], jobs=1)
        outcome["guarded"] = engine.load_watchdog.active

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    result = outcome["result"]
    assert not result.errors and {s.file for s in result.org.sets} == {"draft.okr.md", "good.okr.yaml"}
    assert outcome["guarded"] is False


def test_a_load_that_timed_out_is_not_kept_in_the_cache(hostile_loaders):
    # The machine may only have been busy: the next run reads the file again instead of repeating the error.
    (hostile_loaders / "stuck.okr.hang").write_text("x")
    for _ in range(2):
        result = lint_beside_a_good_file("stuck.okr.hang", extra=("--cache-dir", "kept"))
        assert_input_error(result, "stuck.okr.hang", line=1, says="took longer than 0.5 s")
    kept = sorted(p.parent.name for p in (hostile_loaders / "kept").rglob("*.json"))
    assert len(kept) == 1 and kept[0] not in ("org", "runs")  # good.okr.yaml's entry only: no org, no replay


# --- files that are not files, or far too large ------------------------------------------------------------------

def test_a_device_or_a_pipe_is_refused_without_reading_it(workdir):
    os.mkfifo(workdir / "pipe.okr.yaml")  # opening it to read would wait for a writer for ever
    result = lint("pipe.okr.yaml", os.devnull)
    assert_input_error(result, "pipe.okr.yaml", line=1, says="not a regular file or folder")
    assert_input_error(result, os.devnull, line=1, says="not a regular file or folder")
    assert_good_file_linted(result.stdout)


def test_a_file_past_the_size_cap_is_refused_before_it_is_read_whole(workdir, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    (workdir / "huge.okr.yaml").write_text("objectives:\n" + "# padding\n" * 200, encoding="utf-8")
    for extra in (("--isolated",), ("--isolated", "--cache-dir", "kept")):
        result = lint_beside_a_good_file("huge.okr.yaml", extra=extra)
        assert_input_error(result, "huge.okr.yaml", line=1, says="the file is larger than 0 MB; not read")
        assert_good_file_linted(result.stdout)


def test_standard_input_past_the_size_cap_is_refused(workdir, monkeypatch):
    from click.testing import CliRunner

    from okrlint.cli import main

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "-", "--stdin-filename", "big.okr.yaml"],
                                input="objectives:\n" + "# padding\n" * 200)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "larger than 0 MB; not read" in error_line_for(result.stderr, "big.okr.yaml").group(4)


def test_a_pipe_inside_a_folder_is_skipped_not_waited_on(workdir):
    # Opening a named pipe to read waits for a writer for ever: a folder walk must not open one.
    (workdir / "okrs").mkdir()
    (workdir / "okrs" / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(workdir / "okrs" / "pipe.okr.yaml")
    (workdir / "drafts").mkdir()
    os.mkfifo(workdir / "drafts" / "notes.md")  # in a folder whose documents are guessed
    (workdir / "drafts" / "plan.md").write_text(DRAFT, encoding="utf-8")
    proc = lint_in_subprocess(workdir, "okrs", "drafts")
    assert "okrs/pipe.okr.yaml: skipped: not a regular file" in proc.stderr
    assert "drafts/notes.md: skipped: not a regular file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_one_enormous_line_in_a_draft_is_refused_before_it_is_read(workdir, monkeypatch):
    monkeypatch.setattr(limits, "MAX_DRAFT_BYTES", 1000)
    (workdir / "huge.okr.md").write_text("Objective: grow " + "a" * 5000, encoding="utf-8")
    assert_input_error(lint("huge.okr.md"), "huge.okr.md", line=1, says="the draft is larger than 0 MB; not read")
