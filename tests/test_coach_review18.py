"""Reviews 18 (a Thai provincial hospital's plan) and 19 (an English scale-up, a charity and a council):
what a careful coach said that okrlint did not, or said that it should not have."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_yaml


def _objective(title: str, kr: str = "Raise rent paid on time from 91% to 95%") -> str:
    return f"team: a\nperiod: 2027-Q1\nobjectives:\n  - title: \"{title}\"\n    key_results:\n      - {kr}\n      - {kr} in the north\n"


def _vague(title: str) -> list[str]:
    return [f.message for f in lint_yaml(_objective(title), select=["vague-language"])]


def _files_reporting(rule: str, documents: dict[str, str]) -> set[str]:
    """The files in which ``rule`` reports something when ``documents`` (file name -> YAML) are one organisation."""
    from okrlint.testing import lint_documents

    return {f.location.file for f in lint_documents(list(documents.items()), select=[rule])}


@pytest.mark.parametrize("title", [
    "Rent collection", "Customer growth", "Platform reliability", "Security and compliance", "Talent",
    "Digital transformation", "Employee engagement", "Customer experience & service quality", "Q1 Hiring",
    "การบริหารจัดการ", "การพัฒนาบุคลากร", "ความพึงพอใจของลูกค้า", "ด้านการเงิน",
    "ยุทธศาสตร์ที่ 2 การพัฒนาระบบบริการสุขภาพ",
])
def test_an_objective_that_only_names_a_topic_is_vague(title):
    assert [m for m in _vague(title) if "only names a topic" in m]


@pytest.mark.parametrize("title", [
    "Delight customers", "Happy, loyal customers", "Grow sales in the north", "Customers trust our billing",
    "Data-driven decisions", "Fewer incidents for shoppers", "Tenants pay on time without being chased",
    "ความพึงพอใจของลูกค้าเพิ่มขึ้น", "การเป็นองค์กรดิจิทัล", "ผู้ป่วยได้รับการรักษาทันเวลา", "การบริการที่ประทับใจ",
])
def test_a_statement_of_what_changes_is_not_a_topic(title):
    assert not [m for m in _vague(title) if "only names a topic" in m]


def test_company_slash_id_resolves_to_the_company_level_set_of_another_name(tmp_path):
    from okrlint.testing import lint_documents

    company = ("team: brightloop\nlevel: company\nperiod: 2027-Q1\nobjectives:\n  - id: co-o1\n"
               "    title: Shoppers find what they need in seconds\n    key_results:\n"
               "      - Cut median search time from 40 s to 12 s\n      - Raise search-to-cart rate from 11% to 16%\n")
    team = ("team: web\nperiod: 2027-Q1\nobjectives:\n  - id: web-o1\n    title: Shoppers on phones pay without help\n"
            "    aligns_to: [company/co-o1]\n    key_results:\n      - Raise mobile checkout completion from 52% to 64%\n"
            "      - Cut checkout tickets from 300 to 120 a month\n")
    findings = lint_documents([("okrs/brightloop.okr.yaml", company), ("okrs/web.okr.yaml", team)])
    names = {f.name for f in findings}
    assert not names & {"unknown-team", "dangling-reference", "uncovered-objective", "orphan-objective"}, names
    typo = team.replace("company/co-o1", "company/co-o7")
    findings = lint_documents([("okrs/brightloop.okr.yaml", company), ("okrs/web.okr.yaml", typo)])
    assert {f.name for f in findings} & {"dangling-reference", "unknown-team"}


@pytest.mark.parametrize("title, asks", [("Get more downloads", "more"), ("Grow our reach", "more"),
                                         ("Increase revenue", "more"), ("Reduce churn", "less"),
                                         ("Increase customer satisfaction", "more")])
def test_an_objective_that_only_asks_for_more_of_a_measure_is_vague(title, asks):
    assert [m for m in _vague(title) if f"only asks for {asks} " in m]


@pytest.mark.parametrize("title", ["Grow revenue from clinics in the north", "Win more enterprise customers",
                                   "Delight customers", "Become the go-to platform for freelance designers",
                                   "Become a top 3 employer in Leeds"])
def test_an_aim_with_its_who_or_where_is_not_only_more(title):
    assert not [m for m in _vague(title) if "only asks for" in m or "by no measure" in m]


@pytest.mark.parametrize("title", ["Be the best literacy charity in the region", "Become the leading bank in Isan"])
def test_a_rank_nobody_measures_is_vague(title):
    assert [m for m in _vague(title) if "by no measure anyone can check" in m]


def test_reach_on_social_media_is_a_vanity_count():
    body = ("team: a\nperiod: 2027-Q1\nobjectives:\n  - title: Families across the county know we can help\n"
            "    key_results:\n      - Reach 50,000 people on social media\n      - Grow organic reach from 12k to 40k a month\n"
            "      - Reply to 95% of customer questions on social media within 1 hour\n"
            "      - Reach 500 new families, up from 320\n")
    lines = sorted(f.location.line for f in lint_yaml(body, select=["vanity-metric"]))
    assert lines == [6, 7]


def _set(*krs: str, title: str = "Patients on the ward stay safe from falls") -> str:
    lines = "".join(f"      - \"{kr}\"\n" for kr in krs)
    return f"team: ward\nperiod: 2027-Q1\nobjectives:\n  - title: {title}\n    key_results:\n{lines}"


@pytest.mark.parametrize("kr", [
    "พยาบาลผ่านการฝึกอบรมเรื่องการใช้ยาความเสี่ยงสูง ร้อยละ 100",
    "แพทย์ประจำบ้านผ่านการอบรมการกู้ชีพขั้นสูงครบร้อยละ 95",
    "90% of ward nurses complete the pressure-ulcer training module",
    "อสม. ลงเยี่ยมบ้านผู้สูงอายุที่อยู่ลำพังเดือนละ 2 ครั้ง",
    "เจ้าหน้าที่ออกเยี่ยมครัวเรือนกลุ่มเสี่ยง 300 ครัวเรือน",
    "Volunteers call every new tenant in their first week",
    "Expand into the Northern region",
    "Close all high-risk audit findings by June",
])
def test_tasks_done_by_the_teams_own_people_are_activities(kr):
    found = [f for f in lint_yaml(_set(kr), select=["kr-is-activity"])]
    assert found, kr


@pytest.mark.parametrize("kr", [
    "Audit adjustments from 14 to 7",
    "Support calls about billing from 900 to 400 a month",
    "90% of ward nurses complete the sepsis course and then screen every new admission",
    "ผู้ป่วยเบาหวานควบคุมระดับน้ำตาลได้ เพิ่มจาก 29% เป็น 40%",
])
def test_a_count_that_should_fall_or_a_result_is_not_an_activity(kr):
    assert not lint_yaml(_set(kr), select=["kr-is-activity"]), kr


def test_a_roman_numeral_is_not_an_undefined_acronym():
    found = lint_yaml(_set("Pass the SOC 2 Type II audit with zero exceptions", "Cut open audit findings from 12 to 3"),
                      select=["undefined-acronym"])
    assert not found, [f.message for f in found]


def test_a_unit_serving_doctors_who_get_its_results_has_a_customer():
    body = ("team: lab\nperiod: FY2570\nobjectives:\n  - title: แพทย์ห้องผ่าตัดได้ผลตรวจชิ้นเนื้อทันวางแผนการรักษา\n"
            "    key_results:\n      - ลดเวลารายงานผลชิ้นเนื้อจาก 9 วันเหลือ 5 วัน\n"
            "      - ลดสิ่งส่งตรวจที่ต้องส่งซ้ำจาก 2.4% เหลือ 1%\n")
    assert not lint_yaml(body, select=["no-customer-focus"])


def test_preparing_for_an_assessment_is_a_task_objective_but_preparing_people_is_not():
    body = ("team: quality\nperiod: FY2570\nobjectives:\n  - title: เตรียมความพร้อมรับการตรวจประเมินมาตรฐานโรงพยาบาล\n"
            "    key_results:\n      - ปิดข้อเสนอแนะที่ค้างจาก 15 ข้อเหลือ 3 ข้อ\n      - เพิ่มคะแนนประเมินตนเองจาก 2.6 เป็น 3.4\n"
            "  - title: เตรียมความพร้อมให้นักศึกษาแพทย์ก่อนขึ้นปฏิบัติงานจริง\n"
            "    key_results:\n      - เพิ่มสัดส่วนนักศึกษาที่สอบทักษะผ่านครั้งแรกจาก 64% เป็น 80%\n"
            "      - ลดเหตุการณ์ไม่พึงประสงค์ที่เกี่ยวกับนักศึกษาจาก 7 เหลือ 2 ครั้ง\n")
    assert [f.location.line for f in lint_yaml(body, select=["objective-is-task"])] == [4]


def test_a_shared_key_result_with_its_money_in_cells_matches_one_written_in_the_title():
    company = ("team: hospital\nlevel: company\nperiod: FY2570\nobjectives:\n  - id: h-o1\n"
               "    title: โรงพยาบาลมีเงินพอดูแลผู้ป่วยโดยไม่ต้องพึ่งเงินบริจาค\n    key_results:\n"
               "      - ลดยอดค่ารักษาที่ถูกเรียกเงินคืนจาก 4.7 ล้านบาท เหลือ 1.9 ล้านบาท\n"
               "      - เพิ่มรายได้ผู้ป่วยนอกจาก 41 ล้านบาท เป็น 48 ล้านบาท\n")
    unit = ("team: claims\nperiod: FY2570\nobjectives:\n  - id: c-o1\n    title: เบิกค่ารักษาได้ครบทุกบาทที่มีสิทธิ์\n"
            "    key_results:\n      - title: ลดยอดค่ารักษาที่ถูกเรียกเงินคืน\n        baseline: 4.7 ล้านบาท\n"
            "        target: 1.9 ล้านบาท\n      - ลดเวลาส่งเบิกจาก 21 วันเหลือ 7 วัน\n")
    assert _files_reporting("shared-key-result", {"co.okr.yaml": company, "claims.okr.yaml": unit}) == {"co.okr.yaml", "claims.okr.yaml"}


def test_a_child_that_copies_its_parents_key_result_in_other_words_is_told():
    from okrlint.testing import lint_documents

    company = ("team: co\nlevel: company\nobjectives:\n  - id: co-o1\n    title: ผู้ป่วยโรคหัวใจเฉียบพลันรอดชีวิต\n"
               "    key_results:\n      - เพิ่มสัดส่วนผู้ป่วยหัวใจขาดเลือดที่ได้รับการเปิดหลอดเลือดภายใน 90 นาที จาก 47% เป็น 73%\n")
    unit = ("team: cath-lab\nobjectives:\n  - title: ห้องสวนหัวใจพร้อมรับผู้ป่วยทุกเวลา\n    aligns_to: [co-o1]\n"
            "    key_results:\n      - ร้อยละผู้ป่วยหัวใจขาดเลือดได้รับการเปิดหลอดเลือดภายใน 90 นาที จาก 47% เป็น 73%\n")
    found = lint_documents([("co.okr.yaml", company), ("cath.okr.yaml", unit)], select=["shared-key-result"])
    assert [(f.location.file, "objective it aligns to" in f.message) for f in found] == [("cath.okr.yaml", True)]


def test_duplicate_keys_inside_a_block_a_later_duplicate_replaces_are_reported(tmp_path):
    from okrlint.engine import Engine

    path = tmp_path / "emea.okr.yaml"
    path.write_text("team: emea\nobjectives:\n  - title: Make the UK our second home market\n    key_results:\n"
                    "      - title: Sign 25 UK customers, up from 4\n        owner: Tom\n        owner: Freya\n"
                    "    key_results:\n      - title: Book 60 UK demos a month\n", encoding="utf-8")
    errors = sorted((e.location.line, e.message.split(" (")[0]) for e in Engine().run([str(path)], jobs=1).errors)
    assert errors == [(7, "duplicate key 'owner'"), (8, "duplicate key 'key_results'")]


def test_a_key_result_that_is_a_part_of_its_objective_restates_it():
    body = ("team: community\nobjectives:\n  - title: ผู้ป่วยเรื้อรังในชุมชนได้รับการดูแลต่อเนื่องที่บ้าน ไม่ต้องมาโรงพยาบาลบ่อย\n"
            "    key_results:\n      - ผู้ป่วยเรื้อรังได้รับการดูแลต่อเนื่อง\n"
            "      - ลดการมาห้องฉุกเฉินโดยไม่นัดของผู้ป่วยเรื้อรังจาก 310 เหลือ 180 ครั้งต่อไตรมาส\n"
            "  - title: Tenants get repairs done right the first time and stop chasing us\n"
            "    key_results:\n      - Tenants get repairs done right\n"
            "      - Raise repairs fixed at the first visit from 71% to 85%\n")
    assert [f.location.line for f in lint_yaml(body, select=["kr-restates-objective"])] == [5, 9]


# --- review 20 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kr, expected", [
    ("ร้อยละของนักศึกษาที่สอบผ่านใบประกอบวิชาชีพครั้งแรก จากร้อยละ 81 เป็นร้อยละ 74", True),
    ("Renewal rate from 88% to 83%", True),
    ("Customer satisfaction from 4.1 to 4.5", False),
    ("Time to resolve complaints from 12 days to 5 days", False),
    ("ความพึงพอใจของผู้รับบริการ ไม่น้อยกว่าร้อยละ 85 (ปีที่แล้ว 90)", False),
])
def test_a_measure_everyone_wants_higher_that_falls_disagrees_with_itself(kr, expected):
    found = lint_yaml(_set(kr), select=["kr-direction-mismatch"])
    assert bool(found) is expected, [f.message for f in found]


def test_a_light_verb_and_a_vague_state_for_nobody_is_vague():
    assert [m for m in _vague("Run a leaner, more efficient operation") if "vague wording" in m]
    assert not _vague("Deliver a seamless experience for shoppers")


def test_an_approved_budget_is_not_a_done_or_not_done_key_result():
    body = _set("Keep capex within the approved budget of 35 million", "Cut late supplier payments from 14% to 4%")
    assert not lint_yaml(body, select=["kr-is-binary"])


def test_a_rating_that_closes_a_fifth_of_its_gap_is_not_a_small_step():
    assert not lint_yaml(_set("ความพึงพอใจของผู้ใช้บัณฑิต จาก 4.12 เป็น 4.30 (เต็ม 5)"), select=["kr-small-step"])
    assert lint_yaml(_set("ความพึงพอใจของผู้ใช้บัณฑิต จาก 4.21 เป็น 4.25 (เต็ม 5)"), select=["kr-small-step"])


def test_objectives_that_differ_only_by_figures_and_a_deadline_are_duplicates():
    faculty = ("team: faculty\nlevel: company\nobjectives:\n  - title: เพิ่มบทความวิชาการที่ตีพิมพ์ในวารสารนานาชาติ ๙๐ เรื่อง ภายในปี ๒๕๗๐\n"
               "    key_results:\n      - เพิ่มบทความในฐาน Scopus จาก 61 เป็น 90 เรื่อง\n")
    unit = ("team: research\nobjectives:\n  - title: เพิ่มบทความวิชาการที่ตีพิมพ์ในวารสารนานาชาติ\n    key_results:\n"
            "      - เพิ่มจำนวนนักวิจัยที่มีบทความ Q1 จาก 12 เป็น 20 คน\n")
    assert _files_reporting("duplicate-objective", {"faculty.okr.yaml": faculty, "research.okr.yaml": unit}) == {"faculty.okr.yaml", "research.okr.yaml"}


def test_a_deadline_year_after_the_plans_period_is_a_period_mismatch():
    body = ("team: estates\nperiod: ปีงบประมาณ 2570\nobjectives:\n  - title: สำนักงานไร้กระดาษภายในปี 2572\n"
            "    key_results:\n      - ลดการใช้กระดาษจาก 1,200 รีมเหลือ 600 รีมภายในปี 2570\n"
            "      - Reach 100% renewable electricity by 2031\n"
            "      - เพิ่มเอกสารที่ลงนามอิเล็กทรอนิกส์จาก 20% เป็น 70%\n")
    lines = sorted(f.location.line for f in lint_yaml(body, select=["period-mismatch"]))
    assert lines == [4, 7]


# --- review 21 ------------------------------------------------------------------------------------------------


def test_names_versions_methods_and_split_years_in_an_objective_are_not_metrics():
    body = ("team: x\nobjectives:\n  - title: Ship Tessera 3 with a plugin API others build on\n    key_results: [a from 1 to 2]\n"
            "  - title: Make 3.x the release packagers pick\n    key_results: [a from 1 to 2]\n"
            "  - title: ทำ 5S ให้เป็นนิสัยของทุกสายการผลิต\n    key_results: [a from 1 to 2]\n"
            "  - title: Balance the 2026-27 budget without cutting classroom staff\n    key_results: [a from 1 to 2]\n"
            "  - title: Reach 10,000 paying customers in Vietnam\n    key_results: [a from 1 to 2]\n")
    assert [f.location.line for f in lint_yaml(body, select=["objective-has-metric"])] == [11]


@pytest.mark.parametrize("kr, rule", [
    ("Energy cost per square foot from $1.92 to $2.05", "kr-direction-mismatch"),
    ("Flaky test rate from 6% to 9%", "kr-direction-mismatch"),
    ("Build failure rate from 4% to 7%", "kr-direction-mismatch"),
    ("GitHub stars from 12,400 to 20,000", "vanity-metric"),
    ("เพิ่มยอด Like เพจบริษัท จาก 1,200 เป็น 5,000", "vanity-metric"),
])
def test_more_measures_that_are_better_lower_or_only_attention(kr, rule):
    assert lint_yaml(_set(kr), select=[rule]), kr


def test_no_outputs_at_zero_is_not_an_activity_and_a_contradicted_step_is_not_small():
    body = _set("Keep ABI-breaking changes in minor releases at 0 (2 last half)", "ลด scrap จาก 2.8% เหลือ 2.9%")
    names = [(f.location.line, f.name) for f in lint_yaml(body, select=["kr-is-activity", "kr-small-step", "kr-direction-mismatch"])]
    assert names == [(7, "kr-direction-mismatch")]


def test_goal_numbers_and_the_organisation_named_by_what_it_is_resolve(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "en").mkdir()
    (tmp_path / "th").mkdir()
    (tmp_path / "en" / "board.txt").write_text(
        "Riverside District-wide OKRs 2026/27\nLevel: company\n\nObjective 1: Every child reads well by grade 3\n"
        "- Raise grade-3 reading from 54% to 62%\n- Cut chronic absence from 19% to 14%\n", encoding="utf-8")
    (tmp_path / "en" / "ops.md").write_text(
        "# Transport OKRs 2026/27\n\n## Objective 1: Buses get every child to class on time\nAligns to: District Objective 1\n"
        "- Raise on-time arrivals from 88% to 96%\n- Cut missed pickups from 40 to 10 a month\n", encoding="utf-8")
    (tmp_path / "th" / "company.txt").write_text(
        "OKR บริษัท ปี 2570\nระดับ: บริษัท\nเป้าหมายที่ 1: ลูกค้าไว้ใจคุณภาพของเรา\n- ลดของเสียจาก 180 เหลือ 50 PPM\n"
        "- ส่งตรงเวลาจาก 91% เป็น 98%\n", encoding="utf-8")
    (tmp_path / "th" / "prod.md").write_text(
        "## วัตถุประสงค์ที่ 1: สายการผลิตส่งของดีตั้งแต่ครั้งแรก\nสอดคล้องกับ: เป้าหมายที่ 1 ของบริษัท\n"
        "- ลดของเสียในสายการผลิตจาก 220 เหลือ 80 PPM\n- เพิ่ม OEE จาก 68% เป็น 78%\n", encoding="utf-8")
    result = Engine().run([str(tmp_path)], jobs=1)
    names = {f.name for f in result.findings}
    assert not names & {"dangling-reference", "ambiguous-reference", "orphan-objective", "uncovered-objective"}, names


def test_per_file_ignores_are_relative_to_the_configuration_files_folder(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from okrlint.cli import main

    project = tmp_path / "project"
    (project / "okrs").mkdir(parents=True)
    (project / "okrlint.toml").write_text('[per-file-ignores]\n"okrs/docs.okr.yaml" = ["vanity-metric"]\n', encoding="utf-8")
    (project / "okrs" / "docs.okr.yaml").write_text(
        "team: docs\nobjectives:\n  - title: Readers find answers alone\n    key_results:\n"
        "      - Grow page views from 10,000 to 40,000\n      - Cut support tickets about setup from 90 to 30\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "project/okrs", "--config", "project/okrlint.toml",
                                       "--select", "vanity-metric", "--no-cache"])
    assert "MEA008" not in result.output, result.output


@pytest.mark.parametrize("kr", ["Close the books by working day 7 (currently day 12)",
                                "Close month-end by business day 5, down from day 9"])
def test_the_working_day_work_is_done_by_is_a_measure_with_its_baseline(kr):
    assert not lint_yaml(_set(kr), select=["kr-not-measurable", "kr-missing-baseline"])


def test_rollouts_to_everyone_and_passes_with_no_exceptions_are_done_or_not_done():
    body = _set("Offline maps released to 100% of drivers", "Pass the ISO 27001 surveillance audit with zero exceptions",
                "Raise weekly active drivers from 46% to 65%")
    found = [(f.location.line, f.name) for f in lint_yaml(body, select=["kr-is-binary", "kr-missing-baseline"])]
    assert found == [(6, "kr-is-binary"), (7, "kr-is-binary")]


def test_a_count_named_after_an_audit_and_staff_named_in_english_in_thai_text():
    found = lint_yaml(_set("Audit adjustments from 14 to 7", "Nurse ทุกหอผู้ป่วยผ่านการอบรมการป้องกันการติดเชื้อ ร้อยละ 100"),
                      select=["kr-is-activity"])
    assert [f.location.line for f in found] == [7]


def test_a_shared_clinical_key_result_written_with_its_acronym_is_found():
    opd = ("team: opd\nobjectives:\n  - title: ผู้ป่วยเบาหวานคุมโรคได้\n    key_results:\n"
           "      - เพิ่มสัดส่วนผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ดี จาก 31% เป็น 43%\n")
    community = ("team: community\nobjectives:\n  - title: ผู้ป่วยในชุมชนดูแลตัวเองได้\n    key_results:\n"
                 "      - ผู้ป่วย DM คุมน้ำตาลได้ เพิ่มขึ้นจากร้อยละ ๓๑ เป็นร้อยละ ๔๓\n")
    assert _files_reporting("shared-key-result", {"opd.okr.yaml": opd, "community.okr.yaml": community}) == {"opd.okr.yaml", "community.okr.yaml"}


# --- review 23 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title, flagged", [
    ("Reduce ticket volume", True), ("Be the most loved fitness app", True), ("Build brand love", True),
    ("Win more awards", True), ("Win more enterprise customers", False),
    ("Become the most trusted bank among small exporters", False),
])
def test_more_objectives_that_only_ask_for_more_or_rank_or_rest_on_vague_words(title, flagged):
    assert bool(_vague(title)) is flagged, _vague(title)


def test_a_multiplier_is_quoted_as_written_and_pitching_is_an_activity():
    body = ("team: p\nobjectives:\n  - title: Grow revenue 2x\n    key_results:\n      - Pitch 12 new consumer brands\n"
            "      - Raise D30 retention from 19% to 26%\n")
    found = {(f.name, f.message.split(":")[0]) for f in lint_yaml(body, select=["objective-has-metric", "kr-is-activity", "vague-language"])}
    assert ("objective-has-metric", "the objective carries a metric ('2x')") in found
    assert "kr-is-activity" in {name for name, _ in found} and "vague-language" not in {name for name, _ in found}


# --- review 22 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kr", ["Cut average waiting time from 45 days", "ระยะเวลารอคอยเฉลี่ย จาก 45 วัน",
                                "ประชาชนรู้จักสายด่วน ๑๖๖๙ เพิ่มขึ้น"])
def test_a_start_with_no_end_or_a_number_to_call_is_not_measurable(kr):
    assert [f.name for f in lint_yaml(_set(kr), select=["kr-not-measurable", "kr-missing-baseline"])] == ["kr-not-measurable"]


def test_units_in_their_office_are_not_outputs_and_thai_aims_for_someone_are_not_vague():
    assert not lint_yaml(_set("หน่วยงานในสังกัดผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใส ระดับ 5"), select=["kr-is-activity"])
    assert not _vague("ผู้ป่วยความดันโลหิตสูงควบคุมความดันได้ดีขึ้น")
    assert _vague("พัฒนางานบริการของอำเภอให้มีคุณภาพ")


@pytest.mark.parametrize("text, stage", [
    ("ผู้ป่วยวัณโรครายใหม่ลดลงจาก 120 เหลือ 90 ราย", None),
    ("เพิ่มจำนวนลูกค้าองค์กรรายใหม่จาก 14 เป็น 30 ราย", "acquisition"),
])
def test_new_cases_of_a_disease_are_not_new_customers(text, stage):
    from okrlint.tags import lifecycle_stage
    from okrlint.testing import engine_for

    assert lifecycle_stage(engine_for().analyser.analyse(text)) == stage


@pytest.mark.parametrize("kr", ["อัตราป่วยไข้เลือดออก ลดลงร้อยละ ๒๐ จากค่ามัธยฐาน ๕ ปีย้อนหลัง (ค่ามัธยฐาน ๕ ปี: ๗๔.๒ ต่อแสนประชากร)",
                                "Cut dengue cases to 55 per 100,000 people (5-year median: 74.2)"])
def test_a_median_of_past_years_is_the_baseline(kr):
    assert not lint_yaml(_set(kr), select=["kr-missing-baseline", "kr-not-measurable"])


def test_onboarding_the_organisations_own_suppliers_or_staff_is_not_customer_facing():
    from okrlint.tags import is_customer_facing
    from okrlint.testing import engine_for

    analyser = engine_for().analyser
    assert not is_customer_facing(analyser.analyse("Cut vendor onboarding time from 21 days to 7 days"))
    assert not is_customer_facing(analyser.analyse("Cut employee onboarding time from 10 days to 4 days"))
    assert is_customer_facing(analyser.analyse("Cut customer onboarding time from 10 days to 4 days"))


def test_two_organisations_linted_together_do_not_duplicate_each_others_objectives(tmp_path):
    from okrlint.engine import Engine

    for org, team in (("north", "north-co"), ("south", "south-co")):
        (tmp_path / org).mkdir()
        (tmp_path / org / "co.okr.yaml").write_text(
            f"team: {team}\nlevel: company\nobjectives:\n  - id: {org}-o1\n    title: Members build a habit they keep\n"
            "    key_results: [Raise day-30 retention from 19% to 26%, Cut churn from 6% to 4%]\n", encoding="utf-8")
    (tmp_path / "north" / "app.okr.yaml").write_text(
        "team: north-app\nobjectives:\n  - title: Members build a habit they keep every week\n"
        "    key_results: [Raise streaks kept from 31% to 40%, Cut reminder opt-outs from 12% to 8%]\n", encoding="utf-8")
    found = [f for f in Engine().run([str(tmp_path)], jobs=1).findings if f.name == "duplicate-objective"]
    assert {f.location.file.split("/")[-2] for f in found} == {"north"}


def test_two_organisations_linted_together_do_not_share_each_others_key_results(tmp_path):
    from okrlint.engine import Engine

    for org in ("north", "south"):
        (tmp_path / org).mkdir()
        (tmp_path / org / "co.okr.yaml").write_text(
            f"team: {org}-co\nlevel: company\nobjectives:\n  - id: {org}-o1\n    title: Members of {org} keep coming\n"
            "    key_results: [Raise day-30 retention from 19% to 26%, Cut churn from 6.3% to 4.1%]\n", encoding="utf-8")
        (tmp_path / org / "app.okr.yaml").write_text(
            f"team: {org}-app\nobjectives:\n  - title: Streaks that stick in {org}\n    aligns_to: [{org}-o1]\n"
            "    key_results: [Raise weekly streaks kept from 31% to 43%, Cut reminder opt-outs from 12% to 8%]\n",
            encoding="utf-8")
    assert not [f for f in Engine().run([str(tmp_path)], jobs=1).findings if f.name == "shared-key-result"]
