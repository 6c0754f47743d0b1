"""Review 57 (a Thai provincial hospital, ปีงบประมาณ 2570, linted as one folder), part A: a plan titled by its
level ("OKR ระดับโรงพยาบาล") is the organisation's plan; a run without one says so once; units of the organisation
that receive a team's service are its internal customers; a bare "ปี 2570" under "ปีงบประมาณ 2570" is either year; a
key result owned by the team that carries it is no duplicate; period and advice messages in the plan's own terms."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.engine import Engine
from okrlint.load.draft import load_draft_file
from okrlint.report.messages import catalogue

PHARMACY = """หน่วยงาน: กลุ่มงานเภสัชกรรม
{period}

วัตถุประสงค์ที่ 1: ผู้ป่วยได้รับยาที่ถูกต้อง
สอดคล้องกับ{reference}
ผลลัพธ์หลัก:
1. ลดความคลาดเคลื่อนจาก 30 เหลือ 12 ครั้ง
2. เพิ่มการทบทวนยาจาก 50% เป็น 90%
"""

HOSPITAL = """{title}

วัตถุประสงค์ที่ 1: ผู้ป่วยปลอดภัยจากความคลาดเคลื่อนทางยา
ผลลัพธ์หลัก:
1. ลดอุบัติการณ์จาก 24 เหลือ 10 ครั้ง
2. ลดการติดเชื้อจาก 2.8 เหลือ 1.5 ต่อ 1,000 วันนอน

วัตถุประสงค์ที่ 2: บุคลากรมีความสุขและคงอยู่กับองค์กร
ผลลัพธ์หลัก:
1. ลดอัตราลาออกจาก 12% เหลือ 6%
2. เพิ่มดัชนีความสุขจาก 65% เป็น 75%
"""


def _level(title: str) -> str:
    return load_draft_file("plan.okr.md", HOSPITAL.format(title=title).encode("utf-8"), {}).sets[0].level


def _run(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Engine().run([str(tmp_path)])


def _found(result, code: str | None = None) -> list[tuple[str, str]]:
    return [(f.location.file.rsplit("/", 1)[-1], f.message) for f in result.findings if code is None or f.code == code]


# H1. A title naming the plan's level, as a `ระดับ:` line does ---------------------------------------------------

@pytest.mark.parametrize("title, level", [
    ("OKR ระดับโรงพยาบาล ปีงบประมาณ 2570", "company"),
    ("แผนยุทธศาสตร์และ OKR ระดับโรงพยาบาล", "company"),
    ("OKR ระดับกรม ปีงบประมาณ 2570", "company"),
    ("แผน OKR ระดับมหาวิทยาลัย ปี 2570", "company"),
    ("OKR ระดับจังหวัด ปีงบประมาณ 2570", "company"),
    ("OKR ระดับกรมการแพทย์ ปีงบประมาณ 2570", "company"),       # the body's own name after its kind
    ("แผนยุทธศาสตร์ โรงพยาบาลศรีนครธารา ปีงบประมาณ 2570", "company"),
    ("Hospital-level OKRs FY2027", "company"),
    ("OKR ระดับคณะ ปีงบประมาณ 2570", "department"),
    ("OKR ระดับสำนักงาน ปี 2570", "department"),
    ("OKR ระดับคณะแพทยศาสตร์ ปี 2570", "department"),
    ("OKR ระดับกลุ่มงาน ปีงบประมาณ 2570", "team"),
])
def test_a_title_naming_the_level_sets_it(title, level):
    assert _level(title) == level, title


@pytest.mark.parametrize("title", [
    "OKR ฝ่ายซ่อมบำรุง สนับสนุนเป้าหมายระดับโรงพยาบาล ปี 2570",   # the level of the plan it supports
    "แผนยุทธศาสตร์ กลุ่มงานเภสัชกรรม โรงพยาบาลศรีนครธารา",          # a unit's plan naming its hospital
    "OKR ระดับหน่วยงาน ปี 2570",                                      # no level in a `ระดับ:` line either
    "ระดับความพึงพอใจของผู้ป่วย: OKR ปี 2570",
])
def test_a_title_naming_another_plan_or_no_level_is_not_the_organisations(title):
    assert _level(title) != "company", title


def test_a_hospital_titled_by_its_level_gets_the_org_checks(tmp_path):
    """repro/1-level: a reference to a non-existent objective 9 of the organisation was passed silently."""
    result = _run(tmp_path, {
        "hospital.okr.md": HOSPITAL.format(title="OKR ระดับโรงพยาบาล ปีงบประมาณ 2570"),
        "pharmacy.okr.md": PHARMACY.format(period="ปีงบประมาณ 2570", reference="วัตถุประสงค์ที่ 9 ขององค์กร"),
    })
    assert _found(result, "ALN001") == [
        ("pharmacy.okr.md", "the “Aligns to” line 'วัตถุประสงค์ที่ 9 ขององค์กร' names nothing in the org; the plan of hospital "
         "has 2 objectives")]
    assert [file for file, _ in _found(result, "ALN004")] == ["hospital.okr.md", "hospital.okr.md"]
    assert not result.warnings


def test_two_plans_titled_company_wide_that_nobody_reaches_stay_unjudged(tmp_path):
    """Several organisations' plans in one folder: a reference that reaches none of them trusts none."""
    result = _run(tmp_path, {
        "a.okr.md": HOSPITAL.format(title="OKR ระดับโรงพยาบาล ปีงบประมาณ 2570"),
        "b.okr.md": HOSPITAL.format(title="OKR ระดับมหาวิทยาลัย ปีงบประมาณ 2570"),
        "pharmacy.okr.md": PHARMACY.format(period="ปีงบประมาณ 2570", reference="วัตถุประสงค์ที่ 9 ขององค์กร"),
    })
    assert _found(result, "ALN001") == [] and _found(result, "ALN004") == []
    assert len(result.warnings) == 1
    assert "the organisation's plan is not in this run (several plans are titled as it, and no reference leads " \
           "into one): 1 reference to its objectives was not checked ('วัตถุประสงค์ที่ 9 ขององค์กร')" \
           in result.warnings[0]


DEPARTMENT = """team: er
level: department
period: FY2570
objectives:
  - id: er-o1
    title: ผู้ป่วยวิกฤตรอดชีวิต
    aligns_to: [company/o7]
    key_results:
      - ลดอัตราตายจาก 32% เหลือ 24%
      - ลดเวลารอจาก 45 นาที เหลือ 30 นาที
  - id: er-o2
    title: ผู้ป่วยฉุกเฉินได้รับการคัดกรองถูกต้อง
    aligns_to: [company/o2]
    key_results:
      - เพิ่มความถูกต้องของการคัดกรองจาก 80% เป็น 95%
      - ลดการคัดกรองต่ำกว่าจริงจาก 12% เหลือ 5%
"""


def test_a_run_without_the_organisations_plan_says_so_once(tmp_path):
    result = _run(tmp_path, {"er.okr.yaml": DEPARTMENT})
    assert _found(result, "ALN001") == [] and _found(result, "ALN011") == []
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert warning.startswith(f"{tmp_path}/er.okr.yaml:7:")
    assert "(no set is company level): 2 references to its objectives were not checked (such as 'company/o7'), " \
           "and no objective was reported as orphan or uncovered" in warning
    thai = catalogue("th").translate(warning)
    assert thai is not None and "ไม่พบแผนระดับองค์กร" in thai and "2 รายการ" in thai


def test_the_warning_is_not_given_for_single_files_other_rules_or_a_run_with_the_plan(tmp_path):
    (tmp_path / "er.okr.yaml").write_text(DEPARTMENT, encoding="utf-8")
    assert not Engine().run([str(tmp_path / "er.okr.yaml")]).warnings  # one file: the plan is simply elsewhere
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--select", "CLA", "--messages", "en"])
    assert "organisation's plan" not in run.stderr
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--messages", "en"])
    assert "organisation's plan is not in this run" in run.stderr
    result = _run(tmp_path, {"company.okr.md": HOSPITAL.format(title="OKR ระดับโรงพยาบาล ปีงบประมาณ 2570")})
    assert not result.warnings
    assert _found(result, "ALN001") == [("er.okr.yaml", "`aligns_to` 'company/o7' names nothing in the org")]


# M1. Units of the organisation receiving the team's work are its internal customers ------------------------------

def _customer_focus(tmp_path, team: str, objective: str, krs: list[str]) -> list[str]:
    text = f"team: {team}\nobjectives:\n  - title: {objective}\n    key_results:\n" + "".join(
        f"      - {kr}\n" for kr in krs)
    (tmp_path / f"{team}.okr.yaml").write_text(text, encoding="utf-8")
    return [f.code for f in Engine().run([str(tmp_path / f"{team}.okr.yaml")]).findings if f.code == "CUS001"]


@pytest.mark.parametrize("objective, krs", [
    ("หน่วยบริการในโรงพยาบาลได้รับการเบิกจ่ายเงินที่รวดเร็วและถูกต้อง",
     ["ลดระยะเวลาเบิกจ่ายเงินให้หน่วยบริการ จาก 15 วัน เหลือ 5 วัน", "ลดเอกสารที่ถูกส่งกลับให้แก้ไขจาก 30% เหลือ 10%"]),
    ("กลุ่มงานต่าง ๆ ได้รับการเบิกจ่ายเงินตรงเวลา",
     ["ลดระยะเวลาเบิกจ่ายจาก 15 วัน เหลือ 5 วัน", "ลดเอกสารที่ถูกส่งกลับจาก 30% เหลือ 10%"]),
    ("ห้องผ่าตัดได้รับเครื่องมือปราศจากเชื้อครบถ้วนทันเวลา",
     ["ลดจำนวนครั้งที่เครื่องมือส่งไม่ทันจาก 12 ครั้ง เหลือ 2 ครั้ง", "เพิ่มความครบถ้วนของชุดเครื่องมือจาก 90% เป็น 99%"]),
    ("ภาควิชาได้รับการสนับสนุนงบประมาณวิจัยทันเวลา",
     ["ลดระยะเวลาอนุมัติจาก 30 วัน เหลือ 10 วัน", "ลดคำขอที่ถูกตีกลับจาก 25% เหลือ 5%"]),
])
def test_a_unit_receiving_the_teams_service_is_its_customer(tmp_path, objective, krs):
    assert _customer_focus(tmp_path, "finance", objective, krs) == []


@pytest.mark.parametrize("objective", [
    "หน่วยงานต่าง ๆ ได้รับการอบรมการใช้ระบบใหม่",       # trained: done to the unit, no service it uses
    "หน่วยงานได้รับการรับรองคุณภาพตามมาตรฐาน",          # accredited
])
def test_something_done_to_a_unit_names_no_customer(tmp_path, objective):
    krs = ["เพิ่มจำนวนหน่วยงานที่ผ่านเกณฑ์จาก 3 เป็น 8 หน่วยงาน", "ลดข้อบกพร่องจาก 20 เหลือ 5 ข้อ"]
    assert _customer_focus(tmp_path, "quality", objective, krs) == ["CUS001"]


# M2. A bare "ปี 2570" under "ปีงบประมาณ 2570" ------------------------------------------------------------------

@pytest.mark.parametrize("period, reported", [
    ("ปี 2570", False),           # calendar 2570, or the fiscal year 2570: either reading fits
    ("ปีงบประมาณ 2570", False),
    ("ปี 2571", True),            # neither reading fits FY2570
    ("ปี 2569", True),
])
def test_a_bare_year_under_the_fiscal_year_of_that_number(tmp_path, period, reported):
    result = _run(tmp_path, {
        "hospital.okr.md": HOSPITAL.format(title="OKR ระดับองค์กร ปีงบประมาณ 2570\nระดับ: องค์กร"),
        "pharmacy.okr.md": PHARMACY.format(period=period, reference="เป้าประสงค์ที่ 1 ขององค์กร"),
    })
    assert bool(_found(result, "ALN006")) is reported, _found(result, "ALN006")


def test_a_bare_ce_year_under_the_fy_of_that_number(tmp_path):
    company = "team: co\nlevel: company\nperiod: FY2027\nobjectives:\n  - id: co-o1\n    title: Clinics trust us\n"
    team = ("team: sales\nperiod: \"2027\"\nobjectives:\n  - id: s-o1\n    title: Win clinics\n"
            "    aligns_to: [co/co-o1]\n")
    result = _run(tmp_path, {"co.okr.yaml": company, "sales.okr.yaml": team})
    assert _found(result, "ALN006") == []


# Low: how a period misses its parent's, and the parent named by its title -------------------------------------

def test_a_period_running_past_the_fiscal_year_says_so(tmp_path):
    it = "team: it\nlevel: department\nperiod: Q1-Q4 2027\nobjectives:\n  - id: it-o1\n    title: ระบบพร้อมใช้\n" \
         "    aligns_to: [company/o2]\n    key_results:\n      - เพิ่มความพร้อมใช้จาก 99.0% เป็น 99.9%\n"
    result = _run(tmp_path, {
        "hospital.okr.md": HOSPITAL.format(title="OKR ระดับโรงพยาบาล ปีงบประมาณ 2570"), "it.okr.yaml": it})
    (file, message), = _found(result, "ALN006")
    assert message == ("period 'Q1-Q4 2027' (2027-01-01..2027-12-31) runs past the end of the period 'ปีงบประมาณ 2570' "
                       "(2026-10-01..2027-09-30) of the objective 'บุคลากรมีความสุขและคงอยู่กับองค์กร' of team hospital "
                       "(hospital.okr.md:8) it aligns to".replace("hospital.okr.md", f"{tmp_path}/hospital.okr.md"))
    thai = catalogue("th").translate(message)
    assert "สิ้นสุดเกินช่วงเวลา" in thai and "อยู่นอก" not in thai
    assert "วัตถุประสงค์ 'บุคลากรมีความสุขและคงอยู่กับองค์กร' ของหน่วยงาน hospital" in thai


@pytest.mark.parametrize("period, relation", [
    ("2026-Q3", "lies outside"),
    ("2026-10-01..2027-03-31", "starts before"),
    ("2027-04-01..2027-09-30", "runs past the end of"),
    ("2026-07-01..2027-12-31", "is longer than"),
])
def test_how_a_period_misses_its_parents(tmp_path, period, relation):
    company = "team: co\nlevel: company\nperiod: 2027-H1\nobjectives:\n  - id: co-o1\n    title: Clinics trust us\n"
    team = (f"team: sales\nperiod: \"{period}\"\nobjectives:\n  - id: s-o1\n    title: Win clinics\n"
            "    aligns_to: [co/co-o1]\n")
    result = _run(tmp_path, {"co.okr.yaml": company, "sales.okr.yaml": team})
    (_, message), = _found(result, "ALN006")
    assert f") {relation} the period '2027-H1'" in message and "of co/co-o1 (" in message
    assert catalogue("th").translate(message) is not None


# M3. A key result owned by the team that carries it --------------------------------------------------------------

COMPANY_TABLE = """OKR ระดับโรงพยาบาล ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: โรงพยาบาลมีความมั่นคงทางการเงิน
ผลลัพธ์หลัก:
1. ลดระดับวิกฤตทางการเงิน (Risk Score) จาก 4 เหลือ 1 (ผู้รับผิดชอบ: {owner})
2. เพิ่มอัตราการเรียกเก็บค่ารักษาพยาบาลได้ตามสิทธิจาก 85% เป็น 95% (ผู้รับผิดชอบ: กลุ่มงานประกันสุขภาพ)
"""

FINANCE = """team: {team}
level: department
period: FY2570
owner: {set_owner}
objectives:
  - id: fin-o1
    title: การเงินของโรงพยาบาลมั่นคง
    aligns_to: [company/o1]
    key_results:
      - ลดระดับวิกฤตทางการเงิน (Risk Score) จาก 4 เหลือ 1
      - ลดระยะเวลาเบิกจ่ายจาก 15 วัน เหลือ 5 วัน
"""


@pytest.mark.parametrize("owner, team, set_owner, reported", [
    ("กลุ่มงานการเงินและบัญชี", "กลุ่มงานการเงินและบัญชี", "นางสาวสมใจ", False),   # the owner is the team itself
    ("กลุ่มงานการเงินและบัญชี", "finance", "หัวหน้ากลุ่มงานการเงินและบัญชี", False),  # the unit its owner heads
    ("finance", "finance", "นางสาวสมใจ", False),
    ("กลุ่มงานบริหารทั่วไป", "finance", "หัวหน้ากลุ่มงานการเงินและบัญชี", True),  # another unit owns it: a copy
    ("กลุ่มงาน", "finance", "หัวหน้ากลุ่มงานการเงินและบัญชี", True),              # a kind of unit names none
])
def test_a_parent_key_result_owned_by_the_team_that_carries_it(tmp_path, owner, team, set_owner, reported):
    result = _run(tmp_path, {"hospital.okr.md": COMPANY_TABLE.format(owner=owner),
                             "finance.okr.yaml": FINANCE.format(team=team, set_owner=set_owner)})
    assert bool(_found(result, "ALN012")) is reported, _found(result, "ALN012")


SHARED_DRAFT = """หน่วยงาน: {team}
ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: ผู้ป่วยนอกได้รับบริการรวดเร็ว
ผลลัพธ์หลัก:
1. ลดระยะเวลารอคอยเฉลี่ยของผู้ป่วยนอกจาก 120 นาที เหลือ 60 นาที
2. เพิ่มความพึงพอใจจาก 70% เป็น 85%
"""


def test_shared_key_result_advice_in_the_documents_terms(tmp_path):
    nursing = ("team: nursing\nlevel: department\nperiod: FY2570\nobjectives:\n  - id: nur-o1\n"
               "    title: ผู้ป่วยได้รับการดูแลต่อเนื่อง\n    key_results:\n"
               "      - ลดระยะเวลารอคอยเฉลี่ยของผู้ป่วยนอกจาก 120 นาที เหลือ 60 นาที\n"
               "      - ลดการกลับมารักษาซ้ำจาก 8% เหลือ 4%\n")
    result = _run(tmp_path, {"opd.okr.md": SHARED_DRAFT.format(team="กลุ่มงานผู้ป่วยนอก"), "nursing.okr.yaml": nursing})
    advice = {file: message.partition("): ")[2] for file, message in _found(result, "ALN012")}
    assert advice == {
        "opd.okr.md": "give it one owner (name that team as its owner) and let the other team write that it depends on it",
        "nursing.okr.yaml": "give it one owner and let the other team list it in `depends_on`",
    }
    assert all(catalogue("th").translate(m) for _, m in _found(result, "ALN012"))


def test_orphan_objective_advice_in_a_sheet_and_a_draft(tmp_path):
    sheet = ("วัตถุประสงค์,สอดคล้องกับ,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\n"
             "บริหารคลังยาให้พร้อมใช้,,ลดมูลค่ายาคงคลังจาก 3.2 เหลือ 2.0 เดือน,3.2,2.0\n"
             ",,ลดยาหมดอายุจาก 1.5% เหลือ 0.5%,1.5%,0.5%\n")
    result = _run(tmp_path, {"hospital.okr.md": HOSPITAL.format(title="OKR ระดับองค์กร ปีงบประมาณ 2570\nระดับ: องค์กร"),
                             "finance.okr.csv": sheet,
                             "opd.okr.md": SHARED_DRAFT.format(team="กลุ่มงานผู้ป่วยนอก")})
    advice = {file: message.partition("; ")[2] for file, message in _found(result, "ALN002")}
    assert advice == {"finance.okr.csv": "fill in its 'Aligns to' column (add the column if the table has none)",
                      "opd.okr.md": "add a line 'Aligns to: …' under it"}
