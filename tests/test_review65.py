"""Review 65 (organisation-level customer focus and alignment: an English company selling to trade contractors, a Thai
hospital group): who is a customer by context, the organisation's own staff in Thai, paraphrased duplicate objectives,
finance's and HR's internal customers, and the lifecycle stage of a hospital's new patients."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.testing import lint_yaml


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _doc(team: str, items: list[tuple[str, list[str]]], level: str = "") -> str:
    text = f"team: {_quote(team)}\n" + (f"level: {level}\n" if level else "") + "objectives:\n"
    for title, krs in items:
        text += f"  - title: {_quote(title)}\n"
        if krs:
            text += "    key_results:\n" + "".join(f"      - {_quote(kr)}\n" for kr in krs)
    return text


def _codes(team: str, items, level: str = "", select=("CUS",)) -> set[str]:
    return {f.code for f in lint_yaml(_doc(team, items, level), select=list(select))}


def _tags(tmp_path, team: str, items, level: str = "") -> list[tuple[str, ...]]:
    path = tmp_path / "t.okr.yaml"
    path.write_text(_doc(team, items, level), encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json"])
    return [tuple(o["tags"]) for o in json.loads(run.stdout)["objects"]]


def _pair(tmp_path, first: str, second: str) -> int:
    for team, title in (("alpha", first), ("beta", second)):
        (tmp_path / f"{team}.okr.yaml").write_text(_doc(team, [(title, [])]), encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", "ALN005"])
    return len(json.loads(run.stdout)["findings"])


# --- 1: contractors are customers when won, signed or choosing us; the company's own when hired or used ---------------
@pytest.mark.parametrize("items", [
    [("Win mid-size plumbing contractors in the North", ["Grow new contractors signed from 35 to 60 a quarter"])],
    [("Become the tool HVAC contractors choose first", ["Raise win rate against FieldPro from 22% to 35%"])],
    [("Grow the business", ["Raise average revenue per contractor from £180 to £240 a month"])],
    [("Grow the business", ["Cut monthly contractor churn from 2.6% to 1.5%"])],
    [("Grow the business", ["Raise the share of installers who renew from 70% to 85%"])],
])
def test_contractors_the_company_sells_to_are_customers(items):
    assert "CUS001" not in _codes("sales", items)


@pytest.mark.parametrize("kr", [
    "Cut contractor spend from £1.2m to £0.9m",
    "Our contractors complete safety induction before work, from 70% to 100%",
    "Hire 3 new contractors for the data migration",
    "Convert 5 contractors to permanent staff",
    "Raise the share of staff and contractors who complete fire training from 60% to 95%",
    "Contractors we use sign the code of conduct, from 50% to 100%",
])
def test_the_companys_own_contractors_are_not(kr):
    assert "CUS001" in _codes("facilities", [("Keep the buildings safe and running", [kr])])


def test_contractors_won_and_grown_without_retention_is_a_lifecycle_gap(tmp_path):
    items = [("Become the scheduling tool mid-size plumbing contractors choose first",
              ["Grow new paying contractors from 120 to 220 a quarter", "Raise our win rate against FieldPro from 22% to 35%"]),
             ("Contractors put more of their business on Tradepoint",
              ["Raise average revenue per contractor from £180 to £240 a month"])]
    assert "CUS002" in _codes("tradepoint", items, "company")
    assert ("customer", "acquisition", "outcome", "measurable") in _tags(tmp_path, "tradepoint", items, "company")


# --- 2: the satisfaction of the organisation's own people (Thai) is internal -------------------------------------------
@pytest.mark.parametrize("kr", [
    "เพิ่มคะแนนความพึงพอใจของแพทย์และพยาบาลต่อระบบสารสนเทศจาก 2.9 เป็น 3.8 คะแนน",
    "เพิ่มคะแนนความพึงพอใจของบุคลากรจาก 3.2 เป็น 4.0 คะแนน",
    "เพิ่มความพึงพอใจของพนักงานต่อสวัสดิการจาก 70% เป็น 85%",
])
def test_thai_staff_satisfaction_is_internal(tmp_path, kr):
    assert _tags(tmp_path, "x", [("บุคลากรทำงานอย่างมีความสุข", [kr])], "company")[1][0] == "internal"


def test_a_clients_staff_satisfaction_stays_a_customer_measure(tmp_path):
    kr = "เพิ่มความพึงพอใจของพนักงานบริษัทคู่สัญญาจาก 3.5 เป็น 4.2 คะแนน"
    assert _tags(tmp_path, "x", [("คลินิกดูแลสุขภาพพนักงานของลูกค้าองค์กร", [kr])])[1][0] == "customer"


def test_a_hospital_that_wins_and_grows_patients_but_keeps_none_has_a_gap():
    items = [("ผู้ป่วยในภาคเหนือตอนบนเลือกใช้บริการของเครือเป็นอันดับแรก",
              ["เพิ่มผู้ป่วยนอกรายใหม่จาก 48,000 ราย เป็น 60,000 ราย",
               "เพิ่มสัดส่วนผู้ป่วยนอกที่ซื้อแพ็กเกจตรวจสุขภาพจาก 6% เป็น 12%"]),
             ("บุคลากรทำงานอย่างมีความสุข", ["เพิ่มคะแนนความพึงพอใจของแพทย์และพยาบาลต่อระบบสารสนเทศจาก 2.9 เป็น 3.8 คะแนน"])]
    assert "CUS002" in _codes("เครือ", items, "company")


# --- 3: duplicate objectives that differ in two small ways together ----------------------------------------------------
@pytest.mark.parametrize("first, second", [
    ("Win mid-size clinics in the North", "Mid-size clinics in the North choose us"),
    ("Win mid-size contractors in the Midlands and the North",
     "Make mid-size contractors in the Midlands and the North choose us"),
    ("Win mid-size clinics in the North", "Mid-size clinics in the North pick us"),
    ("ผู้รับบริการนัดหมายแพทย์ผ่านช่องทางออนไลน์ได้ง่าย", "ผู้ป่วยนัดหมายแพทย์ทางออนไลน์ได้ง่ายและสะดวก"),
    ("ผู้รับบริการนัดหมายแพทย์ผ่านช่องทางออนไลน์ได้ง่าย", "ผู้ป่วยนัดหมายแพทย์ผ่านช่องทางออนไลน์ได้ง่าย"),
    ("Patients book doctor appointments online easily", "Service users book doctor appointments online easily"),
    ("Patients book appointments online easily", "Patients book appointments online easily and conveniently"),
])
def test_paraphrased_objectives_of_two_teams_are_one(tmp_path, first, second):
    assert _pair(tmp_path, first, second) == 2


@pytest.mark.parametrize("first, second", [
    ("พยาบาลวิชาชีพมีความสุขและอยากอยู่กับองค์กร", "บุคลากรมีความสุขและผูกพันกับองค์กร"),
    ("Nurses book shifts online easily", "Doctors book shifts online easily"),
    ("New customers book appointments online easily", "Patients book appointments online easily"),
    ("Patients book appointments online easily", "Passengers book appointments online easily"),
    ("Returning hotel guests book their next stay within 60 days",
     "Returning hotel guests book their next stay within 60 days for corporate clients"),
    ("Patients book appointments online easily", "Patients in Chiang Mai book appointments online easily"),
])
def test_other_people_or_places_stay_apart(tmp_path, first, second):
    assert _pair(tmp_path, first, second) == 0


# --- 4: budget holders are finance's internal customers ----------------------------------------------------------------
@pytest.mark.parametrize("title", [
    "Budget holders get the numbers they need to decide without chasing us",
    "Give budget holders the numbers they need to decide",
    "Cost-centre owners get the reports they need each month",
    "ผู้ถืองบประมาณได้รับรายงานที่ใช้ตัดสินใจได้ทันเวลา",
])
def test_budget_holders_are_an_internal_customer(title):
    assert "CUS001" not in _codes("finance", [(title, ["Cut month-end close from 12 working days to 5"])])


# --- 5: a people team named by a slug keeps its exemption -------------------------------------------------------------
@pytest.mark.parametrize("team", ["people-and-talent", "people-ops", "human-resources", "hr-team", "talent-acquisition",
                                  "People & Talent", "hr"])
def test_a_people_team_named_by_a_slug_serves_employees(team):
    items = [("Employees build their careers here instead of leaving", ["Raise the internal promotion rate from 9% to 15%"])]
    assert "CUS001" not in _codes(team, items)


def test_a_slug_of_another_team_is_no_people_team():
    items = [("Employees build their careers here instead of leaving", ["Raise the internal promotion rate from 9% to 15%"])]
    assert "CUS001" in _codes("platform-eng", items)


# --- 6: a hospital's lifecycle -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kr, stage", [
    ("เพิ่มผู้ป่วยนอกรายใหม่จาก 48,000 ราย เป็น 60,000 ราย", "acquisition"),
    ("เพิ่มสัดส่วนผู้ป่วยใหม่ที่มาจากการแนะนำต่อ จาก 18% เป็น 30%", "acquisition"),
    ("เพิ่มรายได้เฉลี่ยต่อครั้งของผู้ป่วยนอกจาก 2,400 บาท เป็น 2,900 บาท", "growth"),
    ("เพิ่มสัดส่วนผู้ป่วยนอกที่ซื้อแพ็กเกจตรวจสุขภาพจาก 6% เป็น 12%", "growth"),
])
def test_a_hospitals_key_results_have_their_stage(tmp_path, kr, stage):
    assert stage in _tags(tmp_path, "x", [("ผู้ป่วยเลือกใช้บริการของเรา", [kr])], "company")[1]


def test_new_cases_of_a_disease_are_no_acquisition(tmp_path):
    tags = _tags(tmp_path, "x", [("ผู้ป่วยได้รับการดูแล", ["ลดผู้ป่วยวัณโรคใหม่จาก 120 ราย เหลือ 80 ราย"])])[1]
    assert "acquisition" not in tags


# --- 7: a year names the aim; running a survey is a task; speaking and sharing are activities -----------------------
def _objective_codes(title: str) -> set[str]:
    doc = _doc("hr", [(title, ["Raise the survey response rate from 55% to 80%", "Cut regretted attrition from 14% to 9%"])])
    return {f.code for f in lint_yaml(doc) if f.location.line == 3}


@pytest.mark.parametrize("title", ["Run the 2027 engagement survey", "Deliver our 2026 roadmap on time",
                                   "Patients trust us more in 2027", "ผู้ป่วยได้รับการดูแลดีขึ้นในปี 2570"])
def test_a_year_in_an_objective_is_not_a_metric(title):
    assert "CLA001" not in _objective_codes(title)


@pytest.mark.parametrize("title", ["Grow to 2027 paying customers", "Serve 2030 families a month", "Win 1500 new customers"])
def test_a_number_that_counts_still_is(title):
    assert "CLA001" in _objective_codes(title)


@pytest.mark.parametrize("title", ["Run the 2027 engagement survey", "Run a staff pulse survey every quarter"])
def test_running_a_survey_is_a_task(title):
    assert "CLA008" in _objective_codes(title)


@pytest.mark.parametrize("kr", ["Speak at 4 trade shows", "Share results with every team", "Exhibit at 3 trade shows"])
def test_speaking_and_sharing_are_activities(kr):
    doc = _doc("marketing", [("Contractors know us", [kr, "Grow qualified leads from 120 to 200 a month"])])
    assert "MEA005" in {f.code for f in lint_yaml(doc) if f.location.line == 5}


@pytest.mark.parametrize("kr", ["Raise the share of customers who renew from 70% to 85%",
                                "Grow our share of wallet from 12% to 18%"])
def test_a_share_of_people_is_no_activity(kr):
    doc = _doc("marketing", [("Contractors stay with us", [kr, "Grow qualified leads from 120 to 200 a month"])])
    assert "MEA005" not in {f.code for f in lint_yaml(doc) if f.location.line == 5}
