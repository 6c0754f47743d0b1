"""Review 40: a whole-department document, confidences in brackets, withdrawn rows, discovery beside *.okr.yaml,
spreadsheet title rows, totals rows, dependency prose and time windows (own example documents, English and Thai)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.draft import load_draft_file


def draft(text: str, name: str = "plan.md", **options):
    return load_draft_file(name, text.encode("utf-8"), options)


def outline(result) -> dict[str, list[str]]:
    return {f"{s.team}|{o.title}": [kr.title for kr in o.key_results] for s in result.sets for o in s.objectives}


def loaded(*paths):
    """(titles of every objective and key result, notes) of the files, as the engine reads them."""
    from okrlint.config import Config
    from okrlint.engine import Engine

    engine = Engine(Config())
    files, _ = engine.discover([str(p) for p in paths])
    titles, notes = [], []
    for source in files:
        sets, _, said = engine.load(source)
        titles += [t for s in sets for o in s.objectives for t in (o.title, *(kr.title for kr in o.key_results))]
        notes += [n.message for n in said]
    return titles, notes


def check(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout), result.stderr


# --- 1. a heading per team: tables under each team's labelled objectives ---------------------------------
DEPARTMENT = """# Growth department OKRs Q1 2027

## Brand

Objective 1: Home-movers think of us first
Owner: Ana
Supports: CO-1

| Key result | Baseline | Target |
|---|---|---|
| Raise prompted awareness among movers | 7% | 12% |
| Grow branded search volume | 41,000 | 60,000 |

Objective 2: Renters trust our delivery promise

| Key result | Baseline | Target |
|---|---|---|
| Cut late deliveries | 9% | 4% |

## Performance

Objective 1: New buyers discover us at a cost we can sustain
- Reduce blended cost per first order from £24 to £18
- Increase first orders from paid from 21,000 to 30,000
"""


def test_tables_attach_to_each_teams_objectives():
    result = draft(DEPARTMENT)
    assert outline(result) == {
        "Brand|Home-movers think of us first": ["Raise prompted awareness among movers", "Grow branded search volume"],
        "Brand|Renters trust our delivery promise": ["Cut late deliveries"],
        "Performance|New buyers discover us at a cost we can sustain": [
            "Reduce blended cost per first order from £24 to £18",
            "Increase first orders from paid from 21,000 to 30,000"],
    }
    brand = next(o for s in result.sets for o in s.objectives if o.title.startswith("Home"))
    assert brand.aligns_to == ("CO-1",) and brand.key_results[0].target == 12


def test_thai_department_tables_attach_per_team():
    text = ("# OKR ฝ่ายการตลาด ไตรมาส 1/2570\n\n## ทีมแบรนด์\n\nวัตถุประสงค์ที่ 1: ลูกค้ารู้จักแบรนด์ของเรามากขึ้น\n\n"
            "| ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |\n|---|---|---|\n| เพิ่มการรับรู้แบรนด์ | 10% | 20% |\n\n"
            "## ทีมออนไลน์\n\nวัตถุประสงค์ที่ 1: ลูกค้าซื้อซ้ำผ่านช่องทางออนไลน์\n\n"
            "| ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |\n|---|---|---|\n| เพิ่มอัตราการซื้อซ้ำ | 15% | 25% |\n")
    result = draft(text)
    found = outline(result)
    assert all(krs for krs in found.values()), found
    assert not any(title.endswith("|") for title in found), found
    assert len(found) == 2


# --- 3. struck-through and DROPPED items are withdrawn ---------------------------------------------------
def test_struck_and_dropped_items_are_left_out_with_a_note(tmp_path):
    (tmp_path / "growth.md").write_text(
        "# Growth OKRs Q1 2027\n\nObjective 1: New buyers find us at a cost we can sustain\n"
        "- Reduce cost per first order from £24 to £18\n"
        "- ~~Cut cost per install to £1.20~~ DROPPED\n"
        "- DROPPED: IKEA buy-back pilot\n"
        "- Reduce cancelled orders from 5% to 2%\n"
        "- Raise repeat orders from ~~20%~~ 22% to 30%\n\n"
        "Objective 2: ~~Partners sell for us~~\n- Sign 3 partners\n\n"
        "Objective 3: ลูกค้ากลับมาซื้อซ้ำ\n- เพิ่มอัตราการซื้อซ้ำจาก 20% เป็น 30%\n- จัดงานสัมมนา 2 ครั้ง (ยกเลิก)\n"
        "- ลดคำสั่งซื้อที่ยกเลิกจาก 5% เหลือ 2%\n", encoding="utf-8")
    titles, notes = loaded(tmp_path / "growth.md")
    code, report, err = check(tmp_path / "growth.md")
    assert "Reduce cancelled orders from 5% to 2%" in titles
    assert "ลดคำสั่งซื้อที่ยกเลิกจาก 5% เหลือ 2%" in titles
    assert not any("DROPPED" in t or "Partners sell" in t or "Sign 3" in t or "สัมมนา" in t for t in titles), titles
    assert "Raise repeat orders from 22% to 30%" in titles
    assert sum("withdrawn, not linted" in note for note in notes) == 4, notes
    assert err.count("ยกเลิกแล้ว") == 4  # the plan is partly Thai: its notes are shown in Thai
    assert not any(f["code"] == "CLA004" for f in report["findings"])


def test_word_strikethrough_rows_and_items_are_withdrawn(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Objective 1: Home-movers think of us first")
    table = document.add_table(rows=4, cols=3)
    for row, values in zip(table.rows, [("Key result", "Baseline", "Target"), ("Raise awareness", "7%", "12%"),
                                        ("Podcast reach", "0", "1,200,000"), ("Grow branded search", "41,000", "60,000")]):
        for cell, value in zip(row.cells, values):
            run = cell.paragraphs[0].add_run(value)
            run.font.strike = values[0] == "Podcast reach"
    paragraph = document.add_paragraph("Objective 2: Buyers come back for a second order")
    document.add_paragraph("Raise repeat purchase rate from 22% to 28%", style="List Bullet")
    item = document.add_paragraph("", style="List Bullet")
    item.add_run("Raise NPS from ")
    item.add_run("30").font.strike = True
    item.add_run(" 35 to 50")
    struck = document.add_paragraph("", style="List Bullet")
    struck.add_run("Send 48 newsletters").font.strike = True
    assert paragraph is not None
    path = tmp_path / "plan.docx"
    document.save(str(path))
    titles, notes = loaded(path)
    code, report, err = check(path)
    assert "Podcast reach" not in titles and not any("newsletters" in (t or "") for t in titles), titles
    assert "Raise NPS from 35 to 50" in titles and "Raise awareness" in titles
    assert sum("is struck through: withdrawn, not linted" in note for note in notes) == 2, notes


# --- 5, 6, 7. a tracker sheet: its title row's fields, a half-filled row under a merged objective, an average row
def _tracker(path: Path, title: str, rows: list[tuple], average: str) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Q1 OKR"
    sheet.append(("Support — OKR tracker",))
    sheet.append((title,))
    sheet.merge_cells("A2:G2")
    sheet.append(())
    sheet.append(("Objective", "Key Result", "Owner", "Baseline", "Target", "Confidence", "Notes"))
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A5:A7")
    sheet.append(())
    sheet.append((average, None, None, None, None, 0.61, None))
    book.save(str(path))
    return path


def _sets(path: Path):
    from okrlint.config import Config
    from okrlint.engine import Engine

    engine = Engine(Config())
    files, _ = engine.discover([str(path)])
    return engine.load(files[0])[0]


def test_tracker_title_row_fields_merged_objective_and_average_row(tmp_path):
    path = _tracker(tmp_path / "support.xlsx", "Q1 2027 (Jan–Mar) · Owner: Beatriz Santos · Aligns to: CO-2", [
        ("Buyers get answers the first time", "First-contact resolution rate", "Sarah", "64%", "75%", 0.6, None),
        (None, "Median first response time (hours)", "Marcus", 14, 4, 0.5, None),
        (None, None, "Jo Kim", None, None, None, "(add a KR for deflection?)"),
    ], "Average confidence")
    (okr_set,) = _sets(path)
    assert okr_set.period.text.startswith("Q1 2027") and okr_set.owner == "Beatriz Santos"
    assert [(o.title, o.aligns_to, len(o.key_results)) for o in okr_set.objectives] == [
        ("Buyers get answers the first time", ("CO-2",), 2)]


def test_thai_tracker_title_row_and_average_row(tmp_path):
    path = _tracker(tmp_path / "support.xlsx", "ไตรมาส 1/2570 | ผู้รับผิดชอบ: สมชาย ใจดี | สอดคล้องกับ: CO-2", [
        ("ลูกค้าได้รับคำตอบตั้งแต่ครั้งแรก", "อัตราการแก้ปัญหาในการติดต่อครั้งแรก", "สมหญิง", "64%", "75%", 0.6, None),
        (None, "เวลาตอบกลับครั้งแรก (ชั่วโมง)", "สมศักดิ์", 14, 4, 0.5, None),
        (None, None, "สมศรี", None, None, None, "เพิ่ม KR ภายหลัง"),
    ], "เฉลี่ยความเชื่อมั่น")
    (okr_set,) = _sets(path)
    assert okr_set.owner == "สมชาย ใจดี"
    assert [(o.aligns_to, len(o.key_results)) for o in okr_set.objectives] == [(("CO-2",), 2)]


def test_average_of_a_measure_is_still_a_key_result():
    from okrlint.load.tables import _TOTAL_ROW

    for total in ("Average confidence", "Avg score", "Total KRs", "TOTAL", "รวม", "เฉลี่ยความเชื่อมั่น", "Overall progress"):
        assert _TOTAL_ROW.fullmatch(total), total
    for title in ("Average order value", "Average handle time", "Total revenue", "Mean time to recovery"):
        assert not _TOTAL_ROW.fullmatch(title), title


# --- 9. a time window hyphenated to a measure is not its target ------------------------------------------
def test_a_window_named_in_the_measure_is_not_its_target():
    from okrlint.text.numbers import read_change

    for title in ("Increase new-seller 30-day activation", "Raise the 90-day repeat purchase rate",
                  "Improve 7-day retention", "Grow 24-hour repeat contact share"):
        assert read_change(title) is None, title
    assert read_change("Raise 7-day retention from 20% to 30%").target == 30
    assert read_change("Get 30-day activation to 40%").target == 40
    assert read_change("Move to 2-day shipping").target == 2  # "to": the level aimed at
    assert read_change("Cut delivery time to 2 days").target == 2


# --- 2. a bare '(0.6)' closing a key result is its confidence ---------------------------------------------
def test_bracketed_confidence_closing_key_results():
    text = ("# Performance OKRs Q1 2027\n\nObjective 1: New buyers find us at a cost we can sustain\n"
            "- Reduce blended cost per first order from £24 to £18 (0.6)\n"
            "- Improve ROAS on Google Shopping (0.7)\n"
            "- Personalised recommendations go live for lapsed buyers (0.6)[b]\n")
    (okr_set,) = draft(text).sets
    krs = okr_set.objectives[0].key_results
    assert [(kr.title, kr.confidence, kr.target) for kr in krs] == [
        ("Reduce blended cost per first order from £24 to £18", 0.6, None),
        ("Improve ROAS on Google Shopping", 0.7, None),
        ("Personalised recommendations go live for lapsed buyers", 0.6, None)]


def test_a_bracketed_number_that_is_the_target_stays():
    text = ("Objective 1: Wealth is shared more evenly\n- Raise the Gini coefficient to (0.6)\n"
            "- Lower the ratio (target 0.4)\n- Bring churn down (0.4)\n")
    (okr_set,) = draft(text).sets
    krs = okr_set.objectives[0].key_results
    assert all(kr.confidence is None for kr in krs), [(kr.title, kr.confidence) for kr in krs]
    thai = "วัตถุประสงค์ที่ 1: ลูกค้าพึงพอใจ\n- เพิ่มคะแนนความพึงพอใจจาก 4.0 เป็น 4.5 (0.7)\n"
    (okr_set,) = draft(thai).sets
    kr = okr_set.objectives[0].key_results[0]
    assert kr.confidence == 0.7 and kr.title == "เพิ่มคะแนนความพึงพอใจจาก 4.0 เป็น 4.5"
