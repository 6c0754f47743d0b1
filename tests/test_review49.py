"""Review 49: a Thai department's FY2570 workbook of division sheets (key-result and indicator columns side by
side, the level written before the objective's number, two labels on one title row, units' levels)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.spreadsheet import load_spreadsheet


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def _load(path: Path):
    result = load_spreadsheet(path.name, path.read_bytes(), {})
    assert not result.errors, result.errors
    return result


def _run(*paths: Path):
    return Engine(Config()).run([str(p) for p in paths])


def _codes(report, text: str | None = None) -> set[str]:
    return {f.code for f in report.findings if text is None or text in (f.message or "")}


# --- 1. a key-result column and an indicator column ---------------------------------------------------------
TH_HEADER = ["วัตถุประสงค์", "ผลลัพธ์หลัก", "ตัวชี้วัด", "ค่าฐาน ปี 2569", "ค่าเป้าหมาย ปี 2570", "หน่วยนับ", "ผู้รับผิดชอบ"]


def test_thai_indicator_beside_key_result_is_the_title_and_the_statement_is_kept(tmp_path):
    path = _workbook(tmp_path / "กองบริหาร.xlsx", {"กองบริหาร": [
        ["แผน OKR กองบริหารทั่วไป ปีงบประมาณ 2570"],
        TH_HEADER,
        ["งานภายในของกองเป็นระบบ", "ระบบงานเอกสารเป็นดิจิทัล",
         "ระดับความสำเร็จของการดำเนินงานระบบเอกสารดิจิทัล", None, "ระดับ 5", "ระดับ", "นายเอ"],
        [None, "ที่ประชุมตัดสินใจได้ตามแผน", "จำนวนครั้งที่จัดประชุมคณะผู้บริหาร", "-", 12, "ครั้ง", "นายเอ"],
        [None, "ผู้รับบริการพอใจ", None, 70, 85, "ร้อยละ", "นายบี"],
    ]})
    [okr_set] = _load(path).sets
    titles = [kr.title for kr in okr_set.objectives[0].key_results]
    assert titles[0].startswith("ระดับความสำเร็จของการดำเนินงาน") and "ระบบงานเอกสารเป็นดิจิทัล" in titles[0]
    assert titles[1].startswith("จำนวนครั้งที่จัดประชุม") and "ที่ประชุมตัดสินใจได้ตามแผน" in titles[1]
    assert titles[2] == "ผู้รับบริการพอใจ"  # no indicator written: the statement is the key result
    krs = okr_set.objectives[0].key_results
    assert krs[0].location.column == 3 and krs[1].target == 12 and krs[2].baseline == 70
    report = _run(path)
    activity = [f for f in report.findings if f.code == "MEA005"]
    assert len(activity) == 2  # the success ladder and the count of meetings are judged from the indicator


def test_english_metric_beside_key_result_is_the_title(tmp_path):
    for header in ("Metric", "KPI", "Indicator"):
        path = _workbook(tmp_path / f"ops-{header}.xlsx", {"Ops": [
            ["Operations OKRs FY2027"],
            ["Objective", "Key result", header, "Baseline", "Target", "Owner"],
            ["Customers get answers the same day", "Faster replies", "Number of support workshops held", 2, 10,
             "Ana"],
            [None, "Fewer repeat contacts", "Share of tickets reopened within 7 days", 18, 9, "Ana"],
        ]})
        [okr_set] = _load(path).sets
        first, second = okr_set.objectives[0].key_results
        assert first.title == "Number of support workshops held (Faster replies)", header
        assert second.title.startswith("Share of tickets reopened") and second.target == 9
        assert "MEA005" in _codes(_run(path))


def test_only_one_of_the_two_columns_reads_as_before(tmp_path):
    for name, header in (("kr", "ผลลัพธ์หลัก"), ("ind", "ตัวชี้วัด"), ("en", "Key result"), ("metric", "Metric")):
        path = _workbook(tmp_path / f"{name}.xlsx", {"S": [
            ["วัตถุประสงค์", header, "ค่าฐาน", "ค่าเป้าหมาย"],
            ["ผู้รับบริการได้รับบริการรวดเร็วขึ้น", "ระยะเวลารอคิวเฉลี่ยลดลง", 45, 15],
        ]})
        [okr_set] = _load(path).sets
        [kr] = okr_set.objectives[0].key_results
        assert kr.title == "ระยะเวลารอคิวเฉลี่ยลดลง" and (kr.baseline, kr.target) == (45, 15), header


def test_statement_the_indicator_already_says_is_not_repeated(tmp_path):
    path = _workbook(tmp_path / "x.xlsx", {"S": [
        ["Objective", "Key result", "KPI", "Baseline", "Target"],
        ["Buyers come back", "Repeat purchase rate", "Repeat purchase rate", 20, 35],
    ]})
    [okr_set] = _load(path).sets
    assert okr_set.objectives[0].key_results[0].title == "Repeat purchase rate"


# --- 2. the level written before the objective's number ------------------------------------------------------
def _company_plan(folder: Path) -> None:
    (folder / "company.okr.yaml").write_text(
        "team: company\nlevel: company\nperiod: FY2027\nobjectives:\n"
        "  - title: Members stay with us\n    key_results:\n      - Renewal rate from 80% to 88%\n"
        "  - title: Small businesses get paid on time\n    key_results:\n      - Invoices paid within 30 days from 61% to 80%\n"
        "  - title: Staff have the digital skills they need\n    key_results:\n      - Staff passing the digital test from 20% to 60%\n",
        encoding="utf-8")


def _uncovered(report) -> list[int]:
    """The numbers of the company objectives nothing aligns to (uncovered-objective)."""
    company = next(s for s in report.org.sets if s.level == "company")
    lines = {f.location.line for f in report.findings if f.code == "ALN004"}
    return [i + 1 for i, o in enumerate(company.objectives) if o.location.line in lines]


def test_thai_level_before_the_number_names_the_company_objective(tmp_path):
    _company_plan(tmp_path)
    for name, written in (("a", "วัตถุประสงค์ระดับกรมข้อ 2"), ("b", "วัตถุประสงค์ระดับองค์กร ข้อ ๒"),
                          ("c", "เป้าประสงค์ของกรมข้อที่ 2")):
        (tmp_path / f"{name}.okr.md").write_text(
            f"ทีม: หน่วย{name}\nระยะเวลา: ปีงบประมาณ 2570\n\n## วัตถุประสงค์: ผู้ประกอบการรายย่อยได้รับเงินตรงเวลา\n"
            f"สอดคล้องกับ: {written}\n- ร้อยละของใบแจ้งหนี้ที่จ่ายภายใน 30 วัน จาก 61% เป็น 80%\n", encoding="utf-8")
    report = _run(tmp_path)
    assert "ALN001" not in _codes(report), [f.message for f in report.findings if f.code == "ALN001"]
    assert _uncovered(report) == [1, 3]
    assert all(o.aligns_to for s in report.org.sets if s.level != "company" for o in s.objectives)


def test_thai_level_before_the_number_in_a_sheet_and_in_a_sentence(tmp_path):
    _company_plan(tmp_path)
    _workbook(tmp_path / "units.okr.xlsx", {"กองคลัง": [
        ["วัตถุประสงค์", "สอดคล้องกับวัตถุประสงค์ระดับกรม", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย"],
        ["ผู้ขายได้รับเงินตรงเวลา", "วัตถุประสงค์ระดับกรมข้อ 2", "ร้อยละของใบแจ้งหนี้ที่จ่ายภายใน 30 วัน", 61, 80],
    ]})
    (tmp_path / "hr.okr.md").write_text(
        "ทีม: กองการเจ้าหน้าที่\nระยะเวลา: ปีงบประมาณ 2570\n\n"
        "## วัตถุประสงค์: บุคลากรด่านหน้าใช้ระบบดิจิทัลได้เอง (สอดคล้องกับวัตถุประสงค์ระดับกรมข้อ 3)\n"
        "- ร้อยละของบุคลากรที่ผ่านการทดสอบ จาก 20% เป็น 60%\n", encoding="utf-8")
    report = _run(tmp_path)
    assert "ALN001" not in _codes(report), [f.message for f in report.findings if f.code == "ALN001"]
    assert _uncovered(report) == [1]


def test_english_level_before_the_number(tmp_path):
    _company_plan(tmp_path)
    (tmp_path / "ops.okr.md").write_text(
        "Team: Operations\nPeriod: FY2027\n\n## Objective: Suppliers are paid on time\nAligns to: Company-level objective 2\n"
        "- Invoices paid within 30 days from 61% to 80%\n\n## Objective: Our people use the new tools\n"
        "Aligns to: company objective 3\n- Staff passing the digital test from 20% to 60%\n", encoding="utf-8")
    report = _run(tmp_path)
    assert "ALN001" not in _codes(report)
    assert _uncovered(report) == [1]


# --- 3. two labels on one title row, separated only by spaces ----------------------------------------------
def test_labels_separated_by_spaces_on_a_title_row_are_fields_of_their_own(tmp_path):
    for title in ("หน่วยงาน: สำนักงานเลขานุการกรม (สลก.)   ระดับ: กอง", "Team: Payments Ops  Level: department",
                  "Team: Payments Ops\tLevel: department"):
        path = _workbook(tmp_path / "t.xlsx", {"S": [
            [title], [],
            ["Objective", "Key result", "Baseline", "Target"],
            ["Suppliers are paid on time", "Invoices paid within 30 days", 61, 80],
        ]})
        [okr_set] = _load(path).sets
        assert okr_set.team in ("สำนักงานเลขานุการกรม (สลก.)", "Payments Ops"), title
        assert okr_set.level == "department", title


def test_a_colon_after_words_that_are_no_label_does_not_split_a_title(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"S": [
        ["Team: Payments Ops  Update at: 9"], [],
        ["Objective", "Key result", "Baseline", "Target"],
        ["Suppliers are paid on time", "Invoices paid within 30 days", 61, 80],
    ]})
    [okr_set] = _load(path).sets
    assert okr_set.team.startswith("Payments Ops")
