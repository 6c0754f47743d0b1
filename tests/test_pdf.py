"""PDF documents: the text layer read as a draft, tables rebuilt from columns, Thai extraction artefacts fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.pdf import draft_text, fix_thai, load_pdf, read_pages

pytest.importorskip("pypdf")

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def make_pdf(pages: list, strokes: list | None = None) -> bytes:
    """A minimal PDF with Helvetica text placed at (x, y) points from the bottom left of A4 pages; ``strokes``, one
    list per page, adds stroked lines (x1, y1, x2, y2) such as a table's rules."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # the page tree comes after every page and its content
    kids = []
    for number, texts in enumerate(pages):
        lines = strokes[number] if strokes else ()
        stream = b"".join(b"%.1f %.1f m %.1f %.1f l S\n" % line for line in lines)
        stream += b"".join(
            b"BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, t.replace("(", r"\(").replace(")", r"\)").encode("cp1252"))
            for x, y, t in texts
        )
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def lines(*texts: str, x: float = 50, top: float = 800, step: float = 14) -> list[tuple[float, float, str]]:
    return [(x, top - i * step, t) for i, t in enumerate(texts)]


def load(data: bytes, name: str = "plan.pdf"):
    return load_pdf(name, data, {})


def titles(result) -> list[str]:
    return [kr.title for s in result.sets for o in s.objectives for kr in o.key_results]


def test_a_text_draft_is_read_with_page_and_line():
    data = make_pdf([
        lines("Support team OKRs, Q1 2027", "", "Objective 1: Customers get answers without waiting",
              "KR1: Cut median first-response time from 9 h to 2 h", "KR2: Run 4 training sessions"),
        lines("Objective 2: Customers solve problems themselves", "KR1: Raise self-service resolution from 20% to 35%"),
    ])
    result = load(data)
    assert not result.errors
    assert titles(result) == ["Cut median first-response time from 9 h to 2 h", "Run 4 training sessions",
                              "Raise self-service resolution from 20% to 35%"]
    kr = result.sets[0].objectives[1].key_results[0]
    assert kr.location.page == 2 and kr.location.line == 2
    assert str(kr.location) == "plan.pdf:page 2:2"


def test_a_table_laid_out_in_columns_is_read_as_a_table_with_wrapped_cells_joined():
    header = [(50, 760, "Objective"), (200, 760, "Key result"), (400, 760, "Baseline"), (480, 760, "Target")]
    row1 = [(50, 730, "Shoppers find what"), (200, 730, "Search exits per 100"), (400, 730, "38"), (480, 730, "20"),
            (50, 718, "they need"), (200, 718, "searches")]
    row2 = [(200, 690, "Run 6 usability studies"), (480, 690, "6")]
    result = load(make_pdf([header + row1 + row2]))
    assert not result.errors
    objective = result.sets[0].objectives[0]
    assert objective.title == "Shoppers find what they need"
    assert [kr.title for kr in objective.key_results] == ["Search exits per 100 searches", "Run 6 usability studies"]
    assert objective.key_results[0].baseline == 38 and objective.key_results[0].target == 20
    assert objective.key_results[1].location.page == 1


def test_a_table_continued_on_the_next_page_with_its_header_repeated():
    header = [(50, 800, "Objective"), (250, 800, "Key result")]
    page1 = header + [(50, 770, "Riders trust our app"), (250, 770, "Cut crash rate from 2% to 0.5%")]
    page2 = header + [(250, 770, "Raise app rating from 3.9 to 4.5")]
    result = load(make_pdf([page1, page2]))
    assert titles(result) == ["Cut crash rate from 2% to 0.5%", "Raise app rating from 3.9 to 4.5"]
    assert result.sets[0].objectives[0].key_results[1].location.page == 2


def test_lone_page_numbers_are_not_read_as_text():
    data = make_pdf([lines("Objective: Members renew without being chased", "KR1: Raise renewals from 61% to 75%",
                           "", "", "- 1 -")])
    text, _ = draft_text(read_pages(data))
    assert "- 1 -" not in text


def test_thai_plan_pdf_with_table():
    result = load((FIXTURES / "thai-plan.pdf").read_bytes(), "thai-plan.pdf")
    assert not result.errors
    (okr_set,) = result.sets
    assert okr_set.team == "กองส่งเสริมสุขภาพ"
    assert okr_set.period.start.isoformat() == "2026-10-01"  # ปีงบประมาณ พ.ศ. ๒๕๗๐
    first = next(o for o in okr_set.objectives if o.title.startswith("ประชาชน"))
    assert first.title == "ประชาชนในพื้นที่มีสุขภาพดีและเข้าถึงบริการได้ง่ายขึ้น"
    assert first.key_results[0].title == "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี"
    assert first.key_results[0].baseline == 40 and first.key_results[0].target == 55
    assert first.key_results[1].title == "จัดกิจกรรมรณรงค์ออกกำลังกายในชุมชนอย่างต่อเนื่องตลอดทั้งปี"


def run_cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_thai_pdf_through_the_cli():
    result = run_cli("check", str(FIXTURES / "thai-plan.pdf"), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    names = {(f["name"], f.get("page")) for f in findings}
    assert ("kr-is-activity", 1) in names
    assert all(f["file"].endswith("thai-plan.pdf") and f["line"] >= 1 for f in findings)


def test_thai_private_use_glyphs_and_split_sara_am_are_fixed():
    assert fix_thai("ผู\uf70bใหญ\uf70a") == "ผู้ใหญ่"  # mai tho, then mai ek shifted down (HarfBuzz's table)
    assert fix_thai("สํานัก กํา\u0e49") == "สำนัก กำ\u0e49"
    assert fix_thai("น\u0e49\u0e4d\u0e32") == "น\u0e49\u0e33"
    assert fix_thai("plain English") == "plain English"


@pytest.mark.parametrize("data, message", [
    (b"", "not a PDF document"),
    (b"Objective: this is text saved with a .pdf name\n", "not a PDF document"),
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
    ((FIXTURES / "encrypted.pdf").read_bytes(), "password-protected"),
    ((FIXTURES / "scanned.pdf").read_bytes(), "no text to read"),
])
def test_unreadable_pdfs_give_one_line_errors(data, message):
    result = load(data)
    assert not result.sets
    (error,) = result.errors
    assert message in error.message and "\n" not in error.message
    assert error.location.file == "plan.pdf"


def test_a_bad_pdf_does_not_stop_other_files(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n%%EOF")
    (tmp_path / "good.okr.md").write_text("Objective: Customers get answers fast\n- KR1: Cut wait from 9 h to 2 h\n",
                                          encoding="utf-8")
    result = run_cli("check", str(tmp_path / "bad.pdf"), str(tmp_path / "good.okr.md"), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 2
    assert any(e["file"].endswith("bad.pdf") for e in report["errors"])
    assert report["summary"]["key_results"] == 1


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VALID = make_pdf([lines("Objective: Customers get answers fast", "KR1: Cut wait from 9 h to 2 h")])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_VALID)), flips=st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)),
                                                        max_size=8))
def test_damaged_pdfs_never_raise(cut, flips):
    data = bytearray(_VALID[:cut] if cut > 20 else _VALID)
    for at, value in flips:
        if at < len(data):
            data[at] = value
    result = load(bytes(data))
    assert result.sets or result.errors
    assert all("\n" not in e.message for e in result.errors)


_PIECES = st.lists(st.tuples(st.floats(0, 500), st.sampled_from(["a", "b c", "ก ข", "|", "1", "๒", "- 3 -", "  "])),
                   max_size=4).map(tuple)


@settings(max_examples=80, deadline=None)
@given(pages=st.lists(st.lists(_PIECES, max_size=12), max_size=3))
def test_any_page_layout_gives_a_position_for_every_line(pages):
    text, where = draft_text(pages)
    assert len(where) == len(text.splitlines())
    assert all(page >= 1 and line >= 1 for page, line in where)


def test_thai_marks_in_drawn_order_are_put_in_unicode_order_in_every_title():
    from okrlint.model import KeyResult, Location

    kr = KeyResult(uid="a/o1/kr1", title="ผ\u0e49\u0e39ใช\u0e49งานพึงพอใจ", location=Location("a.md"))
    assert kr.title == "ผู้ใช้งานพึงพอใจ"


@pytest.mark.parametrize("name", ["ict-plan", "product-plan", "province-plan", "company-tables"])
def test_a_word_document_printed_to_pdf_reads_as_the_word_document(name):
    """Exported to PDF by LibreOffice: ict-plan is a Thai plan with narrow table columns, no blank lines
    between rows and SARA AM drawn as two glyphs ('ประจำา'); product-plan an English draft with Word
    bullets (Symbol font, set apart by a tab) and numbered lists; province-plan a Thai plan over five pages
    (cover, table with wrapped cells and row borders, its header repeated and a row cut by the page break,
    signatures); company-tables English tables per department over several pages. Each gives the same
    objectives, key results and values as its .docx."""
    from okrlint.load.docx import load_docx

    from_pdf = load((FIXTURES / f"{name}-libreoffice.pdf").read_bytes(), f"{name}.pdf")
    from_docx = load_docx(f"{name}.docx", (FIXTURES / f"{name}.docx").read_bytes(), {})
    assert not from_pdf.errors

    def bare(text: str) -> str:  # where a line wrapped at a space in Thai text, the space cannot be known
        return "".join(text.split())

    def content(result):
        return [(s.team, s.period.text if s.period else None,
                 [(bare(o.title), o.aligns_to,
                   [(bare(k.title), k.baseline, k.target, k.unit, bare(k.owner or "")) for k in o.key_results])
                  for o in s.objectives]) for s in result.sets]

    assert content(from_pdf) == content(from_docx)


def test_prose_with_runs_in_other_fonts_is_not_a_table():
    """Thai text with Latin digits drawn in another font: the runs sit close together, however a
    fixed-width rendering would space them, so the line stays one sentence."""
    data = make_pdf([[(50, 800, "Objective: Graduates find work they trained for"), (50, 786, "KR1: Raise the share"),
                      (152, 786, "employed within 1 year"), (258, 786, "from 64% to 80%")]])
    result = load(data)
    assert titles(result) == ["Raise the share employed within 1 year from 64% to 80%"]


def test_without_the_layout_reader_the_text_is_still_read(monkeypatch):
    """pypdf's layout reader is not public API: if a pypdf release changes it, PDFs are read as plain text."""
    import okrlint.load.pdf as pdf

    def broken(page):
        raise AttributeError("gone in this pypdf")

    monkeypatch.setattr(pdf, "_placed_lines", broken)
    data = make_pdf([lines("Objective: Members renew without being chased", "KR1: Raise renewals from 61% to 75%")])
    assert titles(load(data)) == ["Raise renewals from 61% to 75%"]


def test_thai_private_use_glyphs_map_as_harfbuzz_lays_them_out():
    # hb-ot-shaper-thai.cc: RD (F700, F70F), SL (F701-F704, F710-F717), SDL (F705-F709), SD (F70A-F70E, F718-F71A)
    expected = {0xF700: 0x0E10, 0xF701: 0x0E34, 0xF702: 0x0E35, 0xF703: 0x0E36, 0xF704: 0x0E37, 0xF705: 0x0E48,
                0xF706: 0x0E49, 0xF707: 0x0E4A, 0xF708: 0x0E4B, 0xF709: 0x0E4C, 0xF70A: 0x0E48, 0xF70B: 0x0E49,
                0xF70C: 0x0E4A, 0xF70D: 0x0E4B, 0xF70E: 0x0E4C, 0xF70F: 0x0E0D, 0xF710: 0x0E31, 0xF711: 0x0E4D,
                0xF712: 0x0E47, 0xF713: 0x0E48, 0xF714: 0x0E49, 0xF715: 0x0E4A, 0xF716: 0x0E4B, 0xF717: 0x0E4C,
                0xF718: 0x0E38, 0xF719: 0x0E39, 0xF71A: 0x0E3A}
    from okrlint.load.pdf import _THAI_PRIVATE_USE

    assert {k: ord(v) for k, v in _THAI_PRIVATE_USE.items()} == expected
