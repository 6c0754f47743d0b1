"""Review 43: Thai plans published as LibreOffice PDFs read as their Word documents.

A merged objective cell beside its key results (row borders that stop short of its column), narrow columns
parted only by a drawn border, a running header over every page, Thai marks the font's glyph map swapped,
and a scanned PDF said to be one."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.load.pdf import draft_text, fix_thai, load_pdf, read_pages

pytest.importorskip("pypdf")

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def make_pdf(pages: list[tuple[list[tuple[float, float, str]], list[tuple[float, float, float, float]]]]) -> bytes:
    """A minimal PDF: per page, Helvetica text at (x, y) and stroked lines (x1, y1, x2, y2)."""
    from tests.test_pdf import make_pdf as make

    return make([texts for texts, _ in pages], [lines for _, lines in pages])


def table_text(data: bytes) -> str:
    return draft_text(read_pages(data))[0]


# An objective cell merged over two key-result rows: its text wraps onto the second row's lines, and the
# border between the rows is drawn only from the key-result column rightwards.
MERGED = ([(52, 800, "Objective"), (202, 800, "Key result"), (452, 800, "Target"),
           (52, 780, "Customers get answers"), (202, 780, "Cut first reply time"), (452, 780, "2 hours"),
           (52, 766, "within the day they ask"), (202, 766, "Raise satisfaction"), (452, 766, "90%"),
           (52, 752, "for help"), (202, 752, "with support"),
           (52, 732, "Sellers trust payouts"), (202, 732, "Cut payout errors"), (452, 732, "0.1%")],
          [(50, 795, 550, 795), (200, 773, 550, 773),  # no border under "Customers…"
           (50, 747, 550, 747), (50, 727, 550, 727)])


def test_a_merged_objective_cell_is_not_cut_by_borders_that_stop_short_of_its_column():
    text = table_text(make_pdf([MERGED]))
    assert "| Customers get answers within the day they ask for help | Cut first reply time | 2 hours |" in text
    assert "|  | Raise satisfaction with support | 90% |" in text
    assert "| Sellers trust payouts | Cut payout errors | 0.1% |" in text


def test_a_border_across_every_column_still_parts_the_rows():
    texts, strokes = MERGED
    full = [(50, y1, x2, y2) if x1 == 200 else (x1, y1, x2, y2) for x1, y1, x2, y2 in strokes]
    text = table_text(make_pdf([(texts, full)]))
    assert "| Customers get answers | Cut first reply time | 2 hours |" in text
    assert "| within the day they ask for help | Raise satisfaction with support | 90% |" in text


def test_a_column_border_parts_cells_closer_than_a_column_gap():
    # 'Share of' ends a few points before the next column's text: only the drawn border parts them
    texts = [(52, 800, "Objective"), (132, 800, "Key result"), (302, 800, "Target"),
             (52, 780, "Grow tax income"), (132, 780, "Share of tax collected"), (302, 780, "95%")]
    strokes = [(50, 795, 400, 795), (50, 775, 400, 775), (129, 810, 129, 770), (300, 810, 300, 770)]
    text = table_text(make_pdf([(texts, strokes)]))
    assert "| Grow tax income | Share of tax collected | 95% |" in text


def test_a_running_header_does_not_cut_a_table_going_on_over_the_page_break():
    header = "Annual plan of the city, fiscal year 2027"
    pages = [([(52, 820, header), (52, 800, "Objective"), (202, 800, "Key result"), (452, 800, "Target"),
               (52, 780, "Residents get permits fast"), (202, 780, "Cut waiting time"), (452, 780, "2 days"),
               (202, 760, "Cut permit time"), (452, 760, "15 days")],
              [(50, 795, 550, 795), (50, 775, 550, 775), (200, 767, 550, 767)]),
             ([(52, 820, header), (52, 800, "Objective"), (202, 800, "Key result"), (452, 800, "Target"),
               (202, 780, "for building permits")], [(50, 795, 550, 795), (50, 775, 550, 775)]),
             ([(52, 820, header), (52, 800, "Closing remarks")], [])]
    text = table_text(make_pdf(pages))
    assert "|  | Cut permit time for building permits | 15 days |" in text
    assert text.count(header) == 1  # kept where it first stands


def test_the_libreoffice_pdf_of_a_thai_plan_with_merged_cells_reads_as_its_word_document():
    """Six objectives (not eleven) and seventeen key results with the same values; Thai text without the
    glyph map's damage ('ผ้่รับผิดชอบ', 'ค่าเป้ าหมาย', 'นำ้า')."""
    from okrlint.load.docx import load_docx

    from_pdf = load_pdf("plan.pdf", (FIXTURES / "municipality-merged-cells-libreoffice.pdf").read_bytes(), {})
    from_docx = load_docx("plan.docx", (FIXTURES / "municipality-merged-cells.docx").read_bytes(), {})

    def bare(text: str) -> str:  # vowels below and tone marks aside: where the map turned SARA UU into a lone
        # tone mark ('ศ่นย์') or MAI TRI into SARA U ('เฟซบุุก'), nothing tells the right mark
        return "".join(ch for ch in "".join(text.split()) if ch not in "\u0e38\u0e39\u0e48\u0e49\u0e4a\u0e4b")

    def content(result):
        return [[(bare(o.title), [(bare(k.title), k.baseline, k.target, k.unit, bare(k.owner or ""))
                                  for k in o.key_results]) for o in s.objectives] for s in result.sets]

    (objectives,) = content(from_pdf)
    assert len(objectives) == 6 and sum(len(krs) for _, krs in objectives) == 17
    assert content(from_pdf) == content(from_docx)


@pytest.mark.parametrize("damaged, thai", [
    ("ผ\u0e49\u0e48รับผิดชอบ", "ผู้รับผิดชอบ"),  # SARA UU read as a second tone mark
    ("มุ่งไปส\u0e48\u0e48ผลลัพธ์", "มุ่งไปสู่ผลลัพธ์"),
    ("เมืองน่าอย\u0e48\u0e48", "เมืองน่าอยู่"),
    ("รายไดูรวม", "รายได้รวม"),  # MAI THO read as SARA UU, under a consonant with a vowel written before it
    ("ใหูบริการ", "ให้บริการ"),
    ("แลูวเสร็จ", "แล้วเสร็จ"),
    ("๕๐ ลูานบาท", "๕๐ ล้านบาท"),  # ... before SARA AA
    ("คูุมค่า", "คุ้มค่า"),  # ... beside another vowel below
    ("ค่าเป้ าหมาย", "ค่าเป้าหมาย"),  # a space after the shifted tone mark
    ("ไฟฟ้ าส่องสว่าง", "ไฟฟ้าส่องสว่าง"),
    ("ป้ องกันภัย", "ป้องกันภัย"),
    ("ริมนำ\u0e49า", "ริมน้ำ"),  # SARA AM's two glyphs around the tone mark
    ("อย่างสมำ\u0e48าเสมอ", "อย่างสม่ำเสมอ"),
    ("ยุทธศ\x03สตร์", "ยุทธศาสตร์"),  # SARA AA the heading font's map left out
])
def test_thai_that_a_glyph_map_damaged_is_put_back(damaged, thai):
    assert fix_thai(damaged) == thai


@pytest.mark.parametrize("text", [
    "ผู้รับผิดชอบ", "ครูอาจารย์", "ดูอย่างนี้", "ไพฑูรย์", "ไม่ ใช่", "ปู่ ย่า", "แม่ ลูก", "ก็ ได้", "โป๊ ะ",
    "สูงอายุ", "ชูชีพ", "คุ้มค่า", "น้ำท่วม", "ป้ายรถเมล์", "ฟ้า ฝน", "เป้าหมาย ร้อยละ ๕๐", "ลูกค้า", "รูปแบบ",
    "ตู้ ATM", "plain English", "ข้อมูล",
])
def test_valid_thai_is_never_changed(text):
    assert fix_thai(text) == text


def test_every_word_of_a_thai_dictionary_is_left_as_it_is():
    corpus = pytest.importorskip("pythainlp.corpus")
    import unicodedata

    words = sorted(unicodedata.normalize("NFC", word) for word in corpus.thai_words())
    assert [word for word in words if fix_thai(word) != word] == []
    pairs = [a + b for a, b in zip(words, words[1:])] + [a + " " + b for a, b in zip(words, words[7:])]
    assert [pair for pair in pairs if fix_thai(pair) != pair] == []


def test_a_scanned_pdf_says_it_is_one_and_is_an_input_error_in_a_folder(tmp_path):
    from click.testing import CliRunner

    from okrlint.cli import main

    result = load_pdf("plan.okr.pdf", (FIXTURES / "scanned-pages.pdf").read_bytes(), {})
    (error,) = result.errors
    assert error.message.startswith("a scanned PDF:") and "OCR" in error.message
    (tmp_path / "แผน OKR 2570 (ฉบับสแกน).pdf").write_bytes((FIXTURES / "scanned-pages.pdf").read_bytes())
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--messages", "en"])
    assert run.exit_code == 2 and "a scanned PDF" in run.output and "not an OKR document" not in run.output


def test_a_scanned_pdf_found_by_guessing_whose_name_says_nothing_of_a_plan_is_skipped_with_a_warning(tmp_path):
    from click.testing import CliRunner

    from okrlint.cli import main

    (tmp_path / "invoice-2026-10.pdf").write_bytes((FIXTURES / "scanned-pages.pdf").read_bytes())
    (tmp_path / "Payments team OKRs Q1 2027.md").write_text(
        "# Payments team OKRs Q1 2027\n\nObjective: Merchants get paid the day they sell\n\nKey results:\n"
        "- Raise same-day payouts from 40% to 80%\n- Cut payout disputes from 120 to 40 a month\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--messages", "en"])
    assert run.exit_code != 2 and "skipped, a scanned PDF" in run.output
