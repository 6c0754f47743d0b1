"""Review 67 (a Thai central-government department linted whole: its Word plan, a division workbook, LINE and e-mail
drafts): the plan's period from its title, not a past year's results column; an annex defining the indicators is no
OKRs; several objectives numbered in one reference; numbered regions are places; divisions that receive budget are
internal customers; Thai KPI shapes of activities and outcomes; 'ออนไลน์ 75%' is a target; a 0–100 score near its top."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.testing import lint_yaml
from okrlint.text.numbered_references import expand_numbered


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _doc(team: str, items, level: str = "", period: str = "") -> str:
    text = f"team: {_quote(team)}\n" + (f"level: {level}\n" if level else "") + \
        (f"period: {_quote(period)}\n" if period else "") + "objectives:\n"
    for title, krs in items:
        text += f"  - title: {_quote(title)}\n"
        if krs:
            text += "    key_results:\n" + "".join(f"      - {_quote(kr)}\n" for kr in krs)
    return text


def _plan_docx(header_past: str = "ผลการดำเนินงาน ปี ๒๕๖๙", annex: bool = False) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("แผนปฏิบัติราชการ กรมส่งเสริมเศรษฐกิจชุมชนชายฝั่ง", style="Title")
    document.add_paragraph("ประจำปีงบประมาณ พ.ศ. ๒๕๗๐")
    table = document.add_table(rows=4, cols=6)
    top = ["ลำดับ", "เป้าประสงค์", "ตัวชี้วัด", header_past, "ค่าเป้าหมาย", ""]
    for column, text in enumerate(top):
        table.cell(0, column).text = text
    table.cell(0, 4).merge(table.cell(0, 5))
    for column in range(4):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(1, 4).text, table.cell(1, 5).text = "๒๕๗๐", "๒๕๗๑"
    rows = [["๑", "ชุมชนชายฝั่งมีรายได้เพิ่มขึ้น", "รายได้เฉลี่ยต่อครัวเรือน (บาท)", "๑๘๕,๐๐๐", "๒๑๐,๐๐๐", "๒๓๐,๐๐๐"],
            ["๑", "ชุมชนชายฝั่งมีรายได้เพิ่มขึ้น", "ร้อยละของวิสาหกิจที่ยังดำเนินกิจการ", "๗๒", "๘๐", "๘๓"]]
    for index, row in enumerate(rows, 2):
        for column, text in enumerate(row):
            table.cell(index, column).text = text
    if annex:
        document.add_paragraph("ภาคผนวก ข รายละเอียดตัวชี้วัด")
        annex_table = document.add_table(rows=3, cols=5)
        for column, text in enumerate(["ตัวชี้วัด", "คำนิยาม", "สูตรการคำนวณ", "แหล่งข้อมูล", "ผู้รับผิดชอบ"]):
            annex_table.cell(0, column).text = text
        for index, row in enumerate([
                ["รายได้เฉลี่ยต่อครัวเรือน", "รายได้รวมของครัวเรือนในรอบปี", "ผลรวมรายได้ / จำนวนครัวเรือน", "ระบบสารสนเทศ", "กพว."],
                ["ร้อยละของวิสาหกิจที่ยังดำเนินกิจการ", "วิสาหกิจที่ยังมีรายได้", "(ก / ข) x 100", "ฐานข้อมูลวิสาหกิจ", "กสต."]], 1):
            for column, text in enumerate(row):
                annex_table.cell(index, column).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _json(*paths: str, select: str | None = None) -> dict:
    args = ["check", *paths, "--no-cache", "--format", "json"] + (["--select", select] if select else [])
    run = CliRunner().invoke(main, args)
    return json.loads(run.stdout)


# --- 1: a past year's results column under a two-row header is no title: the plan's period is its title's -----------
@pytest.mark.parametrize("past", ["ผลการดำเนินงาน ปี ๒๕๖๙", "ผลการดำเนินงาน ปี 2569"])
def test_the_plans_period_is_its_titles_not_the_baseline_columns(tmp_path, past):
    pytest.importorskip("docx")
    path = tmp_path / "แผน.docx"
    path.write_bytes(_plan_docx(past))
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "markdown"])
    row = next(line for line in run.stdout.splitlines() if line.startswith("| กรมส่งเสริม"))
    assert "๒๕๗๐" in row and "๒๕๖๙" not in row and "2569" not in row


def test_a_division_aligned_to_the_plan_gets_no_period_mismatch(tmp_path):
    pytest.importorskip("docx")
    (tmp_path / "แผน.docx").write_bytes(_plan_docx())
    (tmp_path / "กพว.txt").write_text(
        "OKR กองพัฒนาวิสาหกิจชุมชน ปีงบประมาณ 2570\n\nวัตถุประสงค์ที่ 1: วิสาหกิจชุมชนมีรายได้เพิ่มขึ้น\n"
        "สอดคล้องกับ: เป้าประสงค์ที่ 1 ของกรม\nผลลัพธ์หลัก:\n1. รายได้เฉลี่ยของวิสาหกิจ จาก 150,000 เป็น 180,000 บาท\n"
        "2. ร้อยละของวิสาหกิจที่มียอดขายเพิ่มขึ้น จาก 30% เป็น 50%\n", encoding="utf-8")
    codes = [f["code"] for f in _json(str(tmp_path))["findings"]]
    assert "ALN006" not in codes


# --- 2: an annex that defines the indicators is not OKRs --------------------------------------------------------------
def test_an_annex_defining_the_indicators_is_skipped(tmp_path):
    pytest.importorskip("docx")
    path = tmp_path / "แผน.docx"
    path.write_bytes(_plan_docx(annex=True))
    data = _json(str(path))
    assert not {"CLA006", "MEA001", "STR010"} & {f["code"] for f in data["findings"]}
    assert sum(1 for o in data["objects"] if o["kind"] == "key_result") == 2


def test_a_definitions_sheet_in_english_is_skipped_too():
    from okrlint.load.columns import Header
    from okrlint.load.tables import _defines_indicators

    header = Header(0, {"key_result": 0, "owner": 4})
    assert _defines_indicators(["KPI", "Definition", "Formula", "Data source", "Owner"], header)
    # a table of OKRs with a note column is not one
    assert _defines_indicators(["Key result", "Definition", "Formula", "Target"],
                               Header(0, {"key_result": 0, "target": 3})) is None
    assert _defines_indicators(["Key result", "Description", "Owner"], Header(0, {"key_result": 0, "owner": 2})) is None


# --- 3: several objectives numbered in one reference ----------------------------------------------------------------
@pytest.mark.parametrize("written, expected", [
    (("เป้าประสงค์ที่ 1 และ 2 ของกรม",), ("เป้าประสงค์ที่ 1 ของกรม", "เป้าประสงค์ที่ 2 ของกรม")),
    (("เป้าประสงค์ที่ ๓ และ ๕ ของกรม",), ("เป้าประสงค์ที่ ๓ ของกรม", "เป้าประสงค์ที่ ๕ ของกรม")),
    (("เป้าประสงค์ที่ 1 และเป้าประสงค์ที่ 2 ของกรม",), ("เป้าประสงค์ที่ 1 ของกรม", "เป้าประสงค์ที่ 2 ของกรม")),
    (("เป้าประสงค์ที่ 1-3",), ("เป้าประสงค์ที่ 1", "เป้าประสงค์ที่ 2", "เป้าประสงค์ที่ 3")),
    (("เป้าประสงค์ที่ 1", "2 ของกรม"), ("เป้าประสงค์ที่ 1 ของกรม", "เป้าประสงค์ที่ 2 ของกรม")),
    (("objectives 1 and 2",), ("objectives 1", "objectives 2")),
    (("co-o1", "co-o2"), ("co-o1", "co-o2")),
    (("เป้าประสงค์ที่ 2.1",), ("เป้าประสงค์ที่ 2.1",)),
    (("O1", "2"), ("O1", "2")),
])
def test_numbered_lists_are_one_reference_each(written, expected):
    assert expand_numbered(written) == expected


@pytest.mark.parametrize("reference", ["เป้าประสงค์ที่ 1 และ 2 ของกรม", "เป้าประสงค์ที่ ๑ และ ๒ ของกรม",
                                       "เป้าประสงค์ที่ 1-2 ของกรม", "เป้าประสงค์ที่ 1, 2 ของกรม"])
def test_a_division_naming_two_goals_covers_both(tmp_path, reference):
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "กรม.okr.yaml").write_text(_doc("กรมตัวอย่าง", [
        ("ประชาชนได้รับบริการที่สะดวกรวดเร็ว", ["ลดระยะเวลาพิจารณาคำขอจาก 21 วันเหลือ 10 วัน"]),
        ("องค์กรบริหารงานตามหลักธรรมาภิบาล", ["ลดข้อตรวจพบซ้ำจาก 14 เหลือ 6 ประเด็น"])],
        level="company", period="ปีงบประมาณ 2570"), encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "กองคลัง"
    sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "สอดคล้องกับ"])
    sheet.append(["ผู้รับบริการได้รับคำตอบที่ถูกต้องตั้งแต่ครั้งแรก", "ร้อยละของคำขอที่ตอบถูกต้องครั้งแรก", 38, 75, reference])
    sheet.append([None, "ความพึงพอใจของผู้รับบริการ", 3.8, 4.3, None])
    book.save(tmp_path / "divisions.okr.xlsx")
    codes = [f["code"] for f in _json(str(tmp_path), select="ALN001,ALN002,ALN004")["findings"]]
    assert codes == []


def test_a_national_strategy_is_shown_as_a_plan_outside_not_as_not_found(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "กรม.okr.yaml").write_text(_doc("กรมตัวอย่าง", [
        ("ประชาชนได้รับบริการที่สะดวกรวดเร็ว", ["ลดระยะเวลาพิจารณาคำขอจาก 21 วันเหลือ 10 วัน"])],
        level="company", period="ปีงบประมาณ 2570"), encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "สอดคล้องกับ"])
    sheet.append(["ผู้รับบริการได้รับคำตอบที่ถูกต้อง", "ร้อยละของคำขอที่ตอบถูกต้องครั้งแรก", 38, 75, "เป้าประสงค์ที่ 1 ของกรม"])
    sheet.append(["วิสาหกิจมีข้อมูลสำหรับวางแผนธุรกิจ", "ร้อยละของวิสาหกิจที่ใช้ฐานข้อมูล", 10, 40,
                  "ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน"])
    book.save(tmp_path / "กองการเจ้าหน้าที่.okr.xlsx")
    run = CliRunner().invoke(main, ["graph", str(tmp_path), "--no-cache", "--format", "json"])
    nodes = [n for n in json.loads(run.stdout)["nodes"] if n["kind"] != "objective"]
    assert [n["kind"] for n in nodes] == ["outside"]


# --- 4: a numbered region names a place ---------------------------------------------------------------------------
@pytest.mark.parametrize("one, two", [
    ("ผู้ประกอบการชุมชนในภาค 1 ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ", "ผู้ประกอบการชุมชนในภาค 2 ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ"),
    ("ผู้ประกอบการชุมชนในภาค ๑ ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ", "ผู้ประกอบการชุมชนในภาค ๒ ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ"),
    ("ผู้ประกอบการชุมชนในเขต 1 ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ", "ผู้ประกอบการชุมชนในเขต 2 ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ"),
    ("Small businesses in Region 1 get the advice they need", "Small businesses in Region 2 get the advice they need"),
])
def test_numbered_regions_are_different_places(tmp_path, one, two):
    for team, title in (("a", one), ("b", two)):
        (tmp_path / f"{team}.okr.yaml").write_text(_doc(f"office {team}", [
            (title, ["เพิ่มความพึงพอใจของผู้รับคำปรึกษาจาก 4.0 เป็น 4.5 คะแนน"])]), encoding="utf-8")
    codes = [f["code"] for f in _json(str(tmp_path), select="ALN005,CLA001")["findings"]]
    assert codes == []


def test_the_same_region_is_still_a_duplicate(tmp_path):
    for team in ("a", "b"):
        (tmp_path / f"{team}.okr.yaml").write_text(_doc(f"สำนักงาน {team}", [
            ("ผู้ประกอบการชุมชนในภาค 1 ได้รับบริการให้คำปรึกษาที่ตรงความต้องการ",
             ["เพิ่มความพึงพอใจของผู้รับคำปรึกษาจาก 4.0 เป็น 4.5 คะแนน"])]), encoding="utf-8")
    assert [f["code"] for f in _json(str(tmp_path), select="ALN005")["findings"]] == ["ALN005", "ALN005"]


# --- 5: divisions and offices that receive the team's service are its internal customers ----------------------------
@pytest.mark.parametrize("objective", [
    "กองและสำนักงานภาคได้รับเงินงบประมาณทันเวลาสำหรับดำเนินโครงการ",
    "ทุกกองได้รับเงินงบประมาณทันเวลา",
    "หน่วยงานภายในกรมรับส่งหนังสือได้รวดเร็ว",
])
def test_units_receiving_the_service_are_internal_customers(objective):
    findings = lint_yaml(_doc("กองคลัง", [(objective, ["ลดระยะเวลาอนุมัติเบิกจ่ายจาก 7 วันทำการ เหลือ 3 วันทำการ",
                                                       "ลดสัดส่วนเอกสารที่ถูกส่งคืนจาก 22% เหลือ 8%"])]),
                         select=["CUS001"])
    assert findings == []


def test_time_a_team_spends_is_still_not_a_customer():
    findings = lint_yaml(_doc("กองคลัง", [("ปิดงบการเงินได้เร็วขึ้น", ["ลดเวลาที่ทีมใช้เวลาในการปิดงบจาก 10 วันเหลือ 5 วัน"])]),
                         select=["CUS001"])
    assert [f.code for f in findings] == ["CUS001"]


# --- 6: Thai KPI shapes: outcomes for trainees; plan progress, consultations and reports counted ---------------------
def _activity(kr: str, baseline=None, target=None) -> bool:
    text = "team: a\nobjectives:\n  - title: ชาวประมงพื้นบ้านมีรายได้เสริม\n    key_results:\n"
    text += f"      - title: {_quote(kr)}\n"
    if baseline is not None:
        text += f"        baseline: {baseline}\n        target: {target}\n"
    return any(f.code == "MEA005" for f in lint_yaml(text, select=["MEA005"]))


@pytest.mark.parametrize("kr, baseline, target", [
    ("ร้อยละของผู้ผ่านการอบรมที่มีรายได้จากการแปรรูปเพิ่มขึ้นภายใน 6 เดือน", 35, 55),
    ("ร้อยละของผู้ผ่านการอบรมที่นำความรู้ไปใช้ประกอบอาชีพ จาก 40% เป็น 70%", None, None),
])
def test_what_trainees_now_earn_or_do_is_an_outcome(kr, baseline, target):
    assert not _activity(kr, baseline, target)


@pytest.mark.parametrize("kr, baseline, target", [
    ("ร้อยละของงานตรวจสอบที่ดำเนินการแล้วเสร็จตามแผน", 90, 100),
    ("จำนวนครั้งการให้คำปรึกษา", 600, 800),
    ("จำนวนรายงานผลการตรวจสอบที่เสนออธิบดี", 12, 14),
    ("ร้อยละของบุคลากรที่ผ่านการอบรม", 60, 90),
])
def test_plan_progress_consultations_and_reports_are_activities(kr, baseline, target):
    assert _activity(kr, baseline, target)


@pytest.mark.parametrize("kr", ["ร้อยละของคำขอที่ยื่นออนไลน์ 75%", "ยอดขายออนไลน์ 75%"])
def test_online_then_a_share_is_a_target(kr):
    codes = {f.code for f in lint_yaml(_doc("ศทส", [("ประชาชนยื่นคำขอได้สะดวก", [kr])]), select=["MEA001", "MEA002"])}
    assert codes == {"MEA002"}


def test_a_production_line_is_still_a_label():
    codes = {f.code for f in lint_yaml(_doc("โรงงาน", [("ผลิตได้ตามคำสั่งซื้อ", ["เพิ่ม OEE ของไลน์ 2"])]),
                                       select=["MEA001"])}
    assert codes == {"MEA001"}


# --- 7: a 0–100 score near its top --------------------------------------------------------------------------------
def test_a_score_out_of_100_near_its_top_is_no_small_step():
    text = _doc("กพร", [("องค์กรบริหารงานตามหลักธรรมาภิบาล", ["เพิ่มคะแนน ITA จาก 88.5 เป็น 92 คะแนน"])])
    assert lint_yaml(text, select=["MEA007"]) == []
    text = _doc("a", [("สมาชิกกลับมาใช้บริการ", ["เพิ่มคะแนนสะสมของสมาชิกจาก 500 เป็น 510 คะแนน"])])
    assert [f.code for f in lint_yaml(text, select=["MEA007"])] == ["MEA007"]
