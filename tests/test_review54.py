"""Review 54 (a Thai agro-food SME: a Word memo, a workbook per team, a LINE chat, Markdown): the short Thai ways of
naming a plan's objective by its item number ("บริษัทข้อ 3", "ข้อ 2 ของบริษัท", "O2 บริษัท"), a reference the org
lacks written after an objective's title, a baseline said to be an average ("ตอนนี้เฉลี่ย ๑๕ วัน"), and a trade
fair's name in capitals."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.draft_fields import split_trailing_alignment
from okrlint.org import names_the_company_as_written
from okrlint.text.numbers import read_change

_COMPANY = """# OKR บริษัท ตัวอย่างอะโกร จำกัด ประจำปี 2570

ระดับ: บริษัท

วัตถุประสงค์ 1: ลูกค้าต่างประเทศกลับมาสั่งซื้อซ้ำทุกฤดูกาล
1. อัตราการสั่งซื้อซ้ำจาก 60% เป็น 75%

วัตถุประสงค์ 2: เกษตรกรเครือข่ายอยากอยู่กับเราต่อในระยะยาว
1. อัตราการต่อสัญญาปลูกจาก 80% เป็น 90%

วัตถุประสงค์ 3: ต้นทุนการผลิตต่อกิโลกรัมต่ำลง
1. ต้นทุนต่อกิโลกรัมจาก 148 บาท เหลือ 135 บาท
"""


def _check(tmp_path, team_text: str, select: str = "ALN001,ALN002,ALN004,CLA001",
           company: str = _COMPANY) -> list[dict]:
    (tmp_path / "company.okr.md").write_text(company, encoding="utf-8")
    (tmp_path / "sales.okr.md").write_text(team_text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", select])
    return json.loads(run.stdout)["findings"]


def _team(reference_line: str = "", title_tail: str = "") -> str:
    return (f"# OKR ฝ่ายขาย ไตรมาส 1/2570\n\nวัตถุประสงค์ 1: ร้านค้าปลีกได้ของครบและตรงเวลา{title_tail}\n"
            f"{reference_line}\n1. ส่งของตรงเวลาจาก 80% เป็น 95%\n")


def _uncovered_lines(findings: list[dict]) -> list[int]:
    return sorted(f["line"] for f in findings if f["code"] == "ALN004")


# H1. The short Thai forms resolve as "วัตถุประสงค์ที่ 2 ของบริษัท" does ------------------------------------------

@pytest.mark.parametrize("reference", [
    "บริษัทข้อ 2", "บริษัท ข้อ 2", "บริษัทข้อที่ ๒", "OKR บริษัทข้อ 2", "OKR บริษัท ข้อ 2", "ข้อ 2 ของบริษัท",
    "ข้อที่ 2 ของบริษัท", "O2 บริษัท", "องค์กรข้อ 2", "OKR องค์กรข้อ 2", "วัตถุประสงค์บริษัทข้อ 2",
    "เป้าหมายบริษัทข้อ 2", "วัตถุประสงค์ข้อ 2 ของบริษัท", "บริษัท O2", "CO2",
])
def test_a_short_thai_reference_names_the_company_objective(tmp_path, reference):
    found = _check(tmp_path, _team(f"สอดคล้องกับ: {reference}"))
    assert [f for f in found if f["code"] != "ALN004"] == []
    assert _uncovered_lines(found) == [5, 11]  # objective 2 (line 8) is covered


def test_a_short_thai_reference_in_a_sentence_under_the_objective(tmp_path):
    found = _check(tmp_path, _team("สอดคล้องกับบริษัทข้อ 2"))
    assert [f for f in found if f["code"] != "ALN004"] == []
    assert _uncovered_lines(found) == [5, 11]


@pytest.mark.parametrize("reference", ["บริษัทข้อ 5", "ข้อ 5 ของบริษัท", "O5 บริษัท", "OKR องค์กรข้อ 7"])
def test_a_number_the_company_lacks_is_still_a_dangling_reference(tmp_path, reference):
    found = _check(tmp_path, _team(f"สอดคล้องกับ: {reference}"))
    dangling = [f for f in found if f["code"] == "ALN001"]
    assert len(dangling) == 1 and reference in dangling[0]["message"]


@pytest.mark.parametrize("reference", ["คณะข้อ 2", "ข้อ 2 ของคณะ", "O2 คณะ"])
def test_a_short_reference_to_the_unit_above(tmp_path, reference):
    faculty = ("# OKR คณะเกษตรศาสตร์ ปีการศึกษา 2570\n\nวัตถุประสงค์ 1: บัณฑิตได้งานตรงสาขา\n"
               "1. บัณฑิตได้งานตรงสาขาจาก 60% เป็น 75%\n\nวัตถุประสงค์ 2: งานวิจัยถูกนำไปใช้จริงในชุมชน\n"
               "1. งานวิจัยที่ชุมชนนำไปใช้จาก 3 เป็น 8 เรื่อง\n")
    (tmp_path / "faculty.okr.md").write_text(faculty, encoding="utf-8")
    department = ("# OKR ภาควิชาพืชสวน ปีการศึกษา 2570\n\nวัตถุประสงค์ 1: เกษตรกรนำพันธุ์ใหม่ไปปลูก\n"
                  f"สอดคล้องกับ: {reference}\n1. เกษตรกรที่ปลูกพันธุ์ใหม่จาก 20 เป็น 60 ราย\n")
    (tmp_path / "horticulture.okr.md").write_text(department, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", "ALN001"])
    assert json.loads(run.stdout)["findings"] == []
    graph = CliRunner().invoke(main, ["graph", str(tmp_path), "--no-cache", "--format", "json"])
    edges = json.loads(graph.stdout)["edges"]
    nodes = {n["key"]: n for n in json.loads(graph.stdout)["nodes"]}
    aligned = [(nodes[e["from"]]["title"], nodes[e["to"]]["title"]) for e in edges if e["kind"].startswith("align")]
    assert ("เกษตรกรนำพันธุ์ใหม่ไปปลูก", "งานวิจัยถูกนำไปใช้จริงในชุมชน") in aligned


@pytest.mark.parametrize("text, company", [
    ("บริษัทข้อ 2", True), ("ข้อ 2 ของบริษัท", True), ("O2 บริษัท", True), ("OKR องค์กรข้อ 1", True),
    ("ฝ่ายขายข้อ 2", False), ("ข้อ 2", False),
])
def test_which_short_references_name_the_company(text, company):
    assert names_the_company_as_written(text) is company


def test_a_short_reference_in_a_table_column(tmp_path):
    (tmp_path / "company.okr.md").write_text(_COMPANY, encoding="utf-8")
    (tmp_path / "sales.okr.csv").write_text(
        "วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,เป้าหมาย,สอดคล้องกับ\n"
        "ร้านค้าปลีกได้ของครบและตรงเวลา,สัดส่วนการส่งของตรงเวลา (%),80,95,บริษัทข้อ 3\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json",
                                    "--select", "ALN001,ALN004"])
    found = json.loads(run.stdout)["findings"]
    assert [f["code"] for f in found if f["code"] == "ALN001"] == []
    assert _uncovered_lines(found) == [5, 8]  # objective 3 (line 11) is covered


# M1. A reference after the title is taken off it, resolved or not --------------------------------------------------

@pytest.mark.parametrize("title, reference", [
    ("ต้นทุนขนส่งจากสวนถึงโรงงานต่ำลง → บริษัทข้อ 3", "บริษัทข้อ 3"),
    ("ต้นทุนขนส่งต่ำลง (สอดคล้อง OKR บริษัทข้อ 3)", "OKR บริษัทข้อ 3"),
    ("ต้นทุนขนส่งต่ำลง (ตอบสนองต่อข้อ 2 ของบริษัท)", "ข้อ 2 ของบริษัท"),
    ("ต้นทุนขนส่งต่ำลง → วัตถุประสงค์ที่ 2 ของบริษัท", "วัตถุประสงค์ที่ 2 ของบริษัท"),
    ("Farm-to-factory haulage costs less (aligns to company O2)", "company O2"),
    ("Farm-to-factory haulage costs less → CO2", "CO2"),
    ("Farm-to-factory haulage costs less → company objective 2", "company objective 2"),
])
def test_a_reference_after_the_title_is_taken_off_it(title, reference):
    text, aligned = split_trailing_alignment(title)
    assert aligned == reference
    assert "→" not in text and "(" not in text


@pytest.mark.parametrize("title", ["เปลี่ยนจากขายส่ง → ขายปลีก 3 ช่องทาง", "ของเสียลดลง → 2%", "Move from wholesale → retail"])
def test_an_arrow_that_names_no_objective_stays_in_the_title(title):
    assert split_trailing_alignment(title) == (title, None)


@pytest.mark.parametrize("tail", [" → บริษัทข้อ 7", " (สอดคล้อง OKR บริษัทข้อ 9)", " (aligns to company O7)", " → CO7"])
def test_an_unresolved_reference_after_the_title_is_dangling_not_part_of_the_title(tmp_path, tail):
    found = _check(tmp_path, _team(title_tail=tail))
    codes = [f["code"] for f in found if f["code"] != "ALN004"]
    assert codes == ["ALN001"]  # no orphan-objective, no objective-has-metric on the reference's number


@pytest.mark.parametrize("tail", [" → บริษัทข้อ 2", " (สอดคล้อง OKR บริษัทข้อ 2)"])
def test_a_resolved_reference_after_the_title(tmp_path, tail):
    found = _check(tmp_path, _team(title_tail=tail))
    assert [f for f in found if f["code"] != "ALN004"] == []
    assert _uncovered_lines(found) == [5, 11]


# M3. A baseline said to be an average ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, baseline, target", [
    ("จ่ายเงินค่ามะม่วงให้เกษตรกรภายใน ๗ วันหลังรับซื้อ (ตอนนี้เฉลี่ย ๑๕ วัน)", 15, 7),
    ("จ่ายเงินให้เกษตรกรภายใน 7 วัน (ปัจจุบันเฉลี่ย 15 วัน)", 15, 7),
    ("จ่ายเงินให้เกษตรกรภายใน 7 วัน (เดิมเฉลี่ย 15 วัน)", 15, 7),
    ("ลดเวลาจ่ายเงินจากเดิมโดยเฉลี่ย 15 วัน เหลือ 7 วัน", 15, 7),
    ("Pay farmers within 7 days (currently averaging 15 days)", 15, 7),
    ("Cut handling time to 6 minutes (currently an average of 9 minutes)", 9, 6),
    ("Reduce time to answer to 3 days (currently 5 days on average)", 5, 3),
])
def test_a_baseline_said_to_be_an_average(text, baseline, target):
    change = read_change(text)
    assert change.baseline == pytest.approx(baseline)
    assert change.target == pytest.approx(target)


@pytest.mark.parametrize("text", ["คะแนนความพึงพอใจเฉลี่ย 4.5", "Average rating of 4.5 stars", "ลูกค้าใช้บริการเฉลี่ย 3 ครั้งต่อเดือน"])
def test_an_average_alone_is_no_baseline(text):
    change = read_change(text)
    assert change.baseline is None and change.target is not None


def test_no_missing_baseline_for_an_average_baseline(tmp_path):
    path = tmp_path / "t.okr.yaml"
    path.write_text('team: t\nperiod: 2027-Q1\nobjectives:\n  - title: "เกษตรกรได้รับเงินเร็ว"\n    key_results:\n'
                    '      - "จ่ายเงินค่ามะม่วงให้เกษตรกรภายใน ๗ วันหลังรับซื้อ (ตอนนี้เฉลี่ย ๑๕ วัน)"\n', encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", "MEA002"])
    assert json.loads(run.stdout)["findings"] == []


# L4. A trade fair's or a brand's name in capitals ------------------------------------------------------------------

def _acronyms(tmp_path, kr: str) -> list[str]:
    path = tmp_path / "t.okr.yaml"
    path.write_text(f'team: t\nperiod: 2027-Q1\nobjectives:\n  - title: "ผู้นำเข้าต่างประเทศรู้จักเรา"\n'
                    f'    key_results:\n      - "{kr}"\n', encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", "CLA004"])
    return [f["message"] for f in json.loads(run.stdout)["findings"]]


@pytest.mark.parametrize("kr", [
    "จัดบูธงาน THAIFEX ได้ผู้นำเข้าใหม่ 5 ราย", "ไปงาน FOODEX ได้ผู้นำเข้าใหม่ 5 ราย",
    "Win 5 new importers at the SIAL trade fair", "Win 5 new importers exhibiting at ANUGA",
])
def test_a_fair_named_as_one_is_no_acronym(tmp_path, kr):
    assert _acronyms(tmp_path, kr) == []


@pytest.mark.parametrize("kr", ["ลด TTFV จาก 9 วัน เหลือ 3 วัน", "Cut TTFV at the fair from 9 days to 3 days"])
def test_other_capitals_are_still_acronyms(tmp_path, kr):
    assert len(_acronyms(tmp_path, kr)) == 1


# L1. The company's name on its letterhead, not a remark in the file's name -----------------------------------------

@pytest.mark.parametrize("name, team", [
    ("แผน OKR บริษัท ปี 2570 (กรรมการผู้จัดการ)", "บริษัท"),
    ("OKR ฝ่ายขาย (ผู้จัดทำ นิด)", "ฝ่ายขาย"),
    ("OKR 2570 (ฉบับ MD)", "OKR 2570"),
    ("Sales OKRs (EMEA)", "Sales EMEA"),
    ("Plan (Bangkok)", "Bangkok"),
])
def test_a_bracket_saying_who_wrote_the_file_is_a_remark(name, team):
    from okrlint.load.draft import default_team

    assert default_team(f"{name}.docx") == team


_MEMO = ("{letterhead}\nบันทึกข้อความ\nเรื่อง แผน OKR บริษัท ประจำปี 2570\n\n"
         "วัตถุประสงค์ที่ 1: ลูกค้าต่างประเทศกลับมาสั่งซื้อซ้ำทุกฤดูกาล\nผลลัพธ์หลัก:\n"
         "1. อัตราการสั่งซื้อซ้ำจาก 62% เป็น 75%\n")


@pytest.mark.parametrize("letterhead, file_name, team", [
    ("บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด", "แผน OKR บริษัท ปี 2570 (กรรมการผู้จัดการ).txt", "บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด"),
    ("บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด", "OKR 2570 (ฉบับ MD).txt", "บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด"),
    ("Harbour Foods Co., Ltd.", "company okrs 2027.txt", "Harbour Foods Co., Ltd."),
    ("บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด", "raipansuk.txt", "raipansuk"),  # the file's name names it: kept
])
def test_a_company_plan_is_named_by_its_letterhead(tmp_path, letterhead, file_name, team):
    path = tmp_path / file_name
    path.write_text(_MEMO.format(letterhead=letterhead), encoding="utf-8")
    run = CliRunner().invoke(main, ["graph", str(path), "--no-cache", "--format", "json"])
    node = json.loads(run.stdout)["nodes"][0]
    assert (node["team"], node["level"]) == (team, "company")


# L4. A unit's level does not depend on the format it was written in -----------------------------------------------

def test_a_sheet_named_for_a_department_is_read_at_the_level_a_draft_would_be(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for index, name in enumerate(["ฝ่ายขาย", "โรงงาน"]):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย"])
        sheet.append([f"ลูกค้าได้ของจาก{name}ครบและตรงเวลา", "สัดส่วนส่งของตรงเวลา (%)", 80, 95])
    book.save(tmp_path / "okr.xlsx")
    (tmp_path / "chat.txt").write_text("OKR ฝ่ายส่งเสริมเกษตรกร ไตรมาส 1/2570\n\nวัตถุประสงค์ 1: เกษตรกรได้เงินเร็ว\n"
                                       "1. จ่ายเงินภายใน 7 วัน (ตอนนี้ 15 วัน)\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["graph", str(tmp_path), "--no-cache", "--format", "json"])
    levels = {node["team"]: node["level"] for node in json.loads(run.stdout)["nodes"] if node.get("team")}
    assert levels == {"ฝ่ายขาย": "department", "โรงงาน": "team", "ฝ่ายส่งเสริมเกษตรกร": "department"}


def test_a_bare_reference_does_not_go_to_a_level_only_guessed_from_a_name(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    company = book.active
    company.title = "บริษัท"
    company.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย"])
    company.append(["ลูกค้ากลับมาซื้อซ้ำ", "อัตราซื้อซ้ำ (%)", 60, 75])
    company.append(["เกษตรกรอยากอยู่กับเราต่อ", "อัตราต่อสัญญา (%)", 80, 90])
    for name in ["ฝ่ายขาย", "ฝ่ายผลิต", "โรงงาน"]:
        sheet = book.create_sheet(name)
        sheet.append(["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย", "สอดคล้องกับ"])
        sheet.append([f"ลูกค้าได้ของจาก{name}ครบและตรงเวลา", "สัดส่วนส่งของตรงเวลา (%)", 80, 95, "ข้อ 1"])
    book.save(tmp_path / "okr.xlsx")
    run = CliRunner().invoke(main, ["graph", str(tmp_path / "okr.xlsx"), "--no-cache", "--format", "json"])
    graph = json.loads(run.stdout)
    nodes = {node["key"]: node for node in graph["nodes"]}
    edges = {(nodes[e["from"]]["team"], nodes[e["to"]]["title"]) for e in graph["edges"] if e["to"] in nodes}
    assert edges == {(team, "ลูกค้ากลับมาซื้อซ้ำ") for team in ("ฝ่ายขาย", "ฝ่ายผลิต", "โรงงาน")}
