"""Review 71, H2: a fiscal year written without its months ("Period: FY2026/27", "Service Plan 2026/27") is read in the
months its document states ("This plan covers the financial year 1 April 2026 to 31 March 2027"), else in those of the
same year in the plan it aligns to or its organisation's company plan, and only then by fiscal-year-start-month (10 by
default, the Thai government year). A run that still reads one year two ways warns once, and period-mismatch says how
the year was read when that decides the finding. The Thai default is unchanged."""

import datetime as dt
import textwrap

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.model import Org
from okrlint.org import settle_fiscal_years, years_read_two_ways
from okrlint.report.messages import catalogue
from okrlint.testing import lint_documents
from okrlint.text.periods import parse_period, read_by_setting, stated_start_month, stated_year, year_months

D = dt.date


def _doc(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _run(documents: dict[str, str], **config):
    engine = Engine(Config(select=["period-mismatch"], **config))
    sources = [engine.source_from_bytes(name, _doc(text).encode("utf-8")) for name, text in documents.items()]
    return engine.run(sources=sources, complete=True)


def _period(result, team: str):
    return next(s.period for s in result.org.sets if s.team == team)


def _messages(result) -> list[str]:
    return [f.message for f in result.findings if f.code == "ALN006"]


TRUST = """
    Severnmoor Community Health NHS Trust
    Level: company
    Period: 2026/27 (1 April 2026 – 31 March 2027)

    Objective 1: Patients are seen sooner and closer to home
    Key results:
    - Cut the median wait for a first community appointment from 9 weeks to 4 weeks
    - Raise the share of visits made within the agreed window from 81% to 92%
    """

NURSING = """
    Team: Community Nursing
    Period: FY2026/27

    Objective 1: Housebound patients get the right visit at the right time
    Supports: Trust Objective 1
    Key results:
    - Raise the share of visits made within the agreed time window from 81% to 92%
    - 100% of staff complete safeguarding level 3 training by 30/06/2026

    Objective 2: Our nurses want to stay and grow with us
    Supports: Trust Objective 1
    Key results:
    - Reduce the vacancy rate from 13% to 7%
    - Raise the share of band 5 nurses with a career conversation from 30% to 85%
    """


# --- the months a sentence states ----------------------------------------------------------------------

def test_a_sentence_naming_the_financial_year_gives_its_months():
    assert stated_year("This plan covers the financial year 1 April 2026 to 31 March 2027. It sets out three") == \
        (4, (D(2026, 4, 1), D(2027, 3, 31)))
    assert stated_year("Our financial year runs from July to June.") == (7, None)
    assert stated_year("Financial year: 01/04/2026 - 31/03/2027") == (4, (D(2026, 4, 1), D(2027, 3, 31)))
    assert stated_year("FY runs April 1, 2026 through March 31, 2027") == (4, (D(2026, 4, 1), D(2027, 3, 31)))
    assert stated_year("แผนนี้ครอบคลุมปีงบประมาณ พ.ศ. ๒๕๗๐ (๑ ต.ค. ๒๕๖๙ – ๓๐ ก.ย. ๒๕๗๐)")[0] == 10
    assert stated_year("ปีบัญชีของบริษัทเริ่มตั้งแต่วันที่ 1 เมษายน 2569 ถึงวันที่ 31 มีนาคม 2570") == \
        (4, (D(2026, 4, 1), D(2027, 3, 31)))


def test_dates_that_are_not_a_whole_financial_year_give_nothing():
    assert stated_year("In the financial year we met between 1 April 2026 and 30 June 2026") is None  # a quarter
    assert stated_year("From 1 April 2026 to 31 March 2027 we will open two hubs") is None  # no year named
    assert stated_year("Updated 12/03/2026 by the finance team") is None
    assert stated_year("The financial year ends on 31 March 2027") is None


def test_a_year_read_by_the_setting_and_one_whose_months_are_written():
    assert read_by_setting(parse_period("FY2026/27"), 10)
    assert read_by_setting(parse_period("Q1 FY27"), 10)
    assert read_by_setting(parse_period("ปีงบประมาณ 2570"), 10)
    assert not read_by_setting(parse_period("2026/27 (April–March)"), 10)
    assert not read_by_setting(parse_period("Q1 2027"), 10)  # a calendar quarter
    assert not read_by_setting(parse_period("2027"), 10)
    assert stated_start_month(parse_period("2026/27 (1 April 2026 – 31 March 2027)"), 10) == 4
    assert stated_start_month(parse_period("FY2026/27"), 10) is None
    assert year_months(10) == "October–September" and year_months(1) == "January–December"


# --- (a) the document's own sentence --------------------------------------------------------------------

def test_a_plan_read_in_the_months_its_introduction_states():
    result = _run({"cyps.txt": """
        CHILDREN AND YOUNG PEOPLE'S SERVICES
        SERVICE PLAN 2026/27 - OBJECTIVES AND KEY RESULTS

        This plan covers the financial year 1 April 2026 to 31 March 2027. It sets out three objectives.

        Objective 1: Children and families get help early, before problems escalate
        Key results:
        - Reduce the median wait for a first CAMHS appointment from 18 weeks to 8 weeks by 30/06/2026
        - Raise the share of 2-year reviews done on time from 74% to 90%
        """})
    period = result.org.sets[0].period
    assert (period.start, period.end) == (D(2026, 4, 1), D(2027, 3, 31))
    assert _messages(result) == []


def test_a_thai_plan_read_in_the_months_its_introduction_states():
    result = _run({"plan.txt": """
        แผน OKR บริษัท สยามพาร์ท จำกัด
        ระยะเวลา: ปีบัญชี 2570

        ปีบัญชีของบริษัทเริ่มตั้งแต่วันที่ 1 เม.ย. 2569 ถึงวันที่ 31 มี.ค. 2570

        วัตถุประสงค์ที่ 1: ลูกค้าได้รับสินค้าตรงเวลาทุกครั้ง
        ผลลัพธ์หลัก:
        - เพิ่มสัดส่วนการส่งสินค้าตรงเวลาจาก 85% เป็น 95%
        - ลดข้อร้องเรียนเรื่องการส่งสินค้าจาก 40 เป็น 10 เรื่องต่อเดือน
        """})
    period = result.org.sets[0].period
    assert (period.start, period.end) == (D(2026, 4, 1), D(2027, 3, 31))


def test_a_thai_budget_year_with_its_dates_stated_whatever_the_setting():
    # a trust that set fiscal-year-start-month = 4 for itself also lints a Thai agency's plan, whose intro states the
    # government year's dates
    result = _run({"agency.txt": """
        แผน OKR สำนักงานสาธารณสุขจังหวัด
        ระยะเวลา: ปีงบประมาณ 2570

        แผนนี้ครอบคลุมปีงบประมาณ พ.ศ. 2570 (1 ต.ค. 2569 – 30 ก.ย. 2570)

        วัตถุประสงค์ที่ 1: ผู้ป่วยโรคเรื้อรังเข้าถึงการรักษาใกล้บ้าน
        ผลลัพธ์หลัก:
        - เพิ่มสัดส่วนผู้ป่วยเบาหวานที่คุมน้ำตาลได้จาก 30% เป็น 45%
        - ลดเวลารอพบแพทย์จาก 120 นาที เหลือ 60 นาที
        """}, fiscal_year_start_month=4)
    period = result.org.sets[0].period
    assert (period.start, period.end) == (D(2026, 10, 1), D(2027, 9, 30))


def test_the_thai_default_is_unchanged():
    result = _run({"agency.txt": """
        แผน OKR สำนักงานสาธารณสุขจังหวัด
        ระยะเวลา: ปีงบประมาณ 2570

        วัตถุประสงค์ที่ 1: ผู้ป่วยโรคเรื้อรังเข้าถึงการรักษาใกล้บ้าน
        ผลลัพธ์หลัก:
        - เพิ่มสัดส่วนผู้ป่วยเบาหวานที่คุมน้ำตาลได้จาก 30% เป็น 45% ภายใน 30 มิ.ย. 2569
        - ลดเวลารอพบแพทย์จาก 120 นาที เหลือ 60 นาที
        """})
    period = result.org.sets[0].period
    assert (period.start, period.end) == (D(2026, 10, 1), D(2027, 9, 30))
    messages = _messages(result)
    assert len(messages) == 1 and "before the set's period" in messages[0]
    assert "fiscal-year-start-month" not in messages[0]  # the government year is October–September by law
    assert result.warnings == () or not any("read two ways" in w for w in result.warnings)


# --- (b) the run: the plan it aligns to, the company plan ----------------------------------------------

def test_a_division_reads_its_year_in_the_months_of_the_trust_plan_it_aligns_to():
    result = _run({"trust.txt": TRUST, "nursing.txt": NURSING})
    period = _period(result, "Community Nursing")
    assert (period.text, period.start, period.end) == ("FY2026/27", D(2026, 4, 1), D(2027, 3, 31))
    assert _messages(result) == []
    assert not any("read two ways" in w for w in result.warnings)


def test_a_team_under_a_division_takes_the_months_through_it_and_a_quarter_too():
    team = """
        Team: Ward 7 nursing
        Period: Q1 FY2026/27

        Objective 1: Patients on our list are visited when they need it
        Supports: Community Nursing Objective 1
        Key results:
        - Raise the share of visits on time from 81% to 90%
        - Cut missed visits from 30 to 10 a month
        """
    result = _run({"trust.txt": TRUST, "nursing.txt": NURSING, "ward7.txt": team})
    period = _period(result, "Ward 7 nursing")
    assert (period.start, period.end) == (D(2026, 4, 1), D(2026, 6, 30))
    assert _messages(result) == []


def test_a_set_aligned_to_nothing_takes_the_months_of_its_organisations_company_plan():
    estates = """
        Team: Estates
        Period: FY2026/27

        Objective 1: Our buildings are safe for patients and staff
        Key results:
        - Complete fire risk assessments at all 14 sites by 30/06/2026
        - Cut open estate defects from 120 to 60 a month
        """
    result = _run({"trust.txt": TRUST, "estates.txt": estates, "nursing.txt": NURSING})
    period = _period(result, "Estates")
    assert (period.start, period.end) == (D(2026, 4, 1), D(2027, 3, 31))
    assert _messages(result) == []


def test_another_year_is_not_given_the_parents_months():
    stale = NURSING.replace("Period: FY2026/27", "Period: FY2027/28")
    result = _run({"trust.txt": TRUST, "nursing.txt": stale})
    period = _period(result, "Community Nursing")
    assert (period.start, period.end) == (D(2027, 10, 1), D(2028, 9, 30))  # the setting reads it: not the same year
    messages = _messages(result)
    assert len(messages) == 2 and "check the set's period" in messages[0] and "falls before" in messages[1]
    assert not any("fiscal-year-start-month" in m for m in messages)  # no other months would make them fit


def _yaml_set(team: str, period: str, ids: tuple[str, str], aligns=("", ""), level: str = "") -> str:
    lines = [f"team: {team}", f"period: {period}"] + ([f"level: {level}"] if level else []) + ["objectives:"]
    for number, (own, parent) in enumerate(zip(ids, aligns), start=1):
        lines += [f"  - id: {own}", f"    title: People in our area get help sooner, part {number}"]
        if parent:
            lines.append(f"    aligns_to: [{parent}]")
        lines += ["    key_results:", f"      - Cut the wait for help from {6 + number} weeks to 2 weeks",
                  f"      - Raise first-contact resolution from {50 + number}% to 80%"]
    return "\n".join(lines) + "\n"


def test_parents_that_disagree_leave_the_year_to_the_setting():
    assert settle_fiscal_years(Org(())).sets == ()
    april = _yaml_set("health", "2026/27 (April to March)", ("h-o1", "h-o2"), level="department")
    july = _yaml_set("council", "2026/27 (July to June)", ("c-o1", "c-o2"), level="department")
    team = _yaml_set("care", "FY2026/27", ("t-o1", "t-o2"), ("health/h-o1", "council/c-o1"))
    result = _run({"health.okr.yaml": april, "council.okr.yaml": july, "care.okr.yaml": team})
    period = _period(result, "care")
    assert (period.start, period.end) == (D(2026, 10, 1), D(2027, 9, 30))
    # one parent only: its months
    team = _yaml_set("care", "FY2026/27", ("t-o1", "t-o2"), ("council/c-o1", "council/c-o2"))
    result = _run({"health.okr.yaml": april, "council.okr.yaml": july, "care.okr.yaml": team})
    period = _period(result, "care")
    assert (period.start, period.end) == (D(2026, 7, 1), D(2027, 6, 30))
    assert _messages(result) == []


def test_a_parent_read_by_the_setting_is_not_changed_by_its_child_and_the_message_says_so():
    company = _yaml_set("group", "FY2026/27", ("co-o1", "co-o2"), level="company")
    team = _yaml_set("sales", "2026/27 (April to March)", ("s-o1", "s-o2"), ("group/co-o1", "group/co-o2"))
    result = _run({"group.okr.yaml": company, "sales.okr.yaml": team})
    assert _period(result, "group").start == D(2026, 10, 1)
    [message] = _messages(result)
    assert "starts before the period 'FY2026/27' (2026-10-01..2027-09-30)" in message
    assert message.endswith("check the set's period; 'FY2026/27' is read as October–September "
                            "(fiscal-year-start-month = 10): if the year runs April–March, set fiscal-year-start-month "
                            "= 4 or write 'FY2026/27 (April–March)'")
    assert "เมษายน–มีนาคม" in catalogue("th").translate(message)
    assert any("read two ways" in w for w in result.warnings)


def test_one_year_read_two_ways_in_a_run_is_said_once_naming_the_setting():
    finance = """
        Team: Finance
        Period: 2026/27 (April to March)

        Objective 1: Every pound is spent where it does most good
        Key results:
        - Reduce agency spend from £4.2m to £2.5m
        - Raise the share of invoices paid within 30 days from 88% to 95%
        """
    estates = """
        Team: Estates
        Period: FY2026/27

        Objective 1: Our buildings are safe for patients and staff
        Key results:
        - Cut energy use from 12 GWh to 10 GWh
        - Raise the share of sites with a current fire risk assessment from 80% to 100%
        """
    digital = estates.replace("Team: Estates", "Team: Digital").replace("Our buildings are safe", "Our systems are safe")
    result = _run({"finance.txt": finance, "estates.txt": estates, "digital.txt": digital})
    notes = [w for w in result.warnings if "read two ways" in w]
    assert len(notes) == 1
    assert "April–March where its months are written (finance.txt)" in notes[0]
    assert "October–September where they are not (estates.txt; digital.txt)" in notes[0]
    assert "set fiscal-year-start-month = 4, or write the months with the year ('FY2026/27 (April–March)')" in notes[0]
    assert catalogue("th").translate(notes[0]) is not None
    assert years_read_two_ways(result.org, 4) == []  # read April–March by the setting: one way


# --- (c) the messages say how the year was read --------------------------------------------------------

def test_a_deadline_before_a_year_read_by_the_setting_says_how_it_was_read():
    result = _run({"estates.txt": """
        Team: Estates
        Period: FY2026/27

        Objective 1: Our buildings are safe for patients and staff
        Key results:
        - Complete fire risk assessments at all 14 sites by 30/06/2026
        - Cut open estate defects from 120 to 60 a month
        """})
    [message] = _messages(result)
    assert message.startswith("its deadline, 30/06/2026, falls before the set's period 'FY2026/27' (2026-10-01..")
    assert message.endswith("; 'FY2026/27' is read as October–September (fiscal-year-start-month = 10): if the year "
                            "runs April–March, set fiscal-year-start-month = 4 or write 'FY2026/27 (April–March)'")
    thai = catalogue("th").translate(message)
    assert thai is not None and "fiscal-year-start-month = 4" in thai and "เมษายน–มีนาคม" in thai
    # written with its months: no finding
    written = """
        Team: Estates
        Period: FY2026/27 (April–March)

        Objective 1: Our buildings are safe for patients and staff
        Key results:
        - Complete fire risk assessments at all 14 sites by 30/06/2026
        - Cut open estate defects from 120 to 60 a month
        """
    assert _messages(_run({"estates.txt": written})) == []


def test_a_set_period_past_its_parents_says_which_months_the_parent_writes():
    trust = """
        team: trust
        level: company
        period: FY27 (July 1, 2026 – June 30, 2027)
        objectives:
          - id: t-o1
            title: Residents get help sooner
            key_results:
              - Cut the wait for an assessment from 6 weeks to 2 weeks
              - Raise first-contact resolution from 60% to 80%
          - id: t-o2
            title: Our staff stay and grow
            key_results:
              - Cut staff turnover from 18% to 12%
              - Raise the share of staff with a development plan from 40% to 90%
        """
    team = """
        team: care
        period: FY27
        objectives:
          - title: People leaving hospital get care at home the same day
            aligns_to: [trust/t-o1]
            key_results:
              - Raise same-day starts from 50% to 80%
              - Cut delayed discharges from 40 to 15 a week
          - title: Carers want to stay with us
            aligns_to: [trust/t-o2]
            key_results:
              - Cut carer turnover from 30% to 20%
              - Raise the share of carers with a mentor from 20% to 70%
        """
    # the child's bare year is read in its parent's July–June months: no finding
    assert _messages(_run({"trust.okr.yaml": trust, "care.okr.yaml": team})) == []
    # another year: not the parent's, and no months would make it fit, so the message says nothing of them
    other = team.replace("period: FY27", "period: FY28")
    messages = _messages(_run({"trust.okr.yaml": trust, "care.okr.yaml": other}))
    assert len(messages) == 1 and "fiscal-year-start-month" not in messages[0]


def test_with_another_setting_the_usual_months_are_tried():
    # read July–June by the setting, the deadline falls before the year; read April–March it would not
    result = lint_documents([("plan.md", _doc("""
        Team: Estates
        Period: FY2026/27

        Objective 1: Our buildings are safe for patients and staff
        Key results:
        - Cut energy use from 12 GWh to 10 GWh by 31 March 2027
        - Complete the estate strategy refresh by 30 April 2026
        """))], select=["period-mismatch"], messages="en", fiscal_year_start_month=7)
    [finding] = [f for f in result if f.code == "ALN006"]
    assert "is read as July–June (fiscal-year-start-month = 7): if the year runs April–March" in finding.message


# --- the same whatever --jobs and the cache ---------------------------------------------------------------

def test_the_same_findings_with_jobs_and_the_cache(tmp_path):
    folder = tmp_path / "okrs"
    folder.mkdir()
    (folder / "trust.txt").write_text(_doc(TRUST), encoding="utf-8")
    (folder / "nursing.txt").write_text(_doc(NURSING), encoding="utf-8")
    (folder / "estates.txt").write_text(_doc("""
        Team: Estates
        Period: FY2026/27

        Objective 1: Our buildings are safe for patients and staff
        Key results:
        - Complete fire risk assessments at all 14 sites by 30/06/2026
        - Cut open estate defects from 120 to 60 a month
        """), encoding="utf-8")

    def run(jobs, cache):
        engine = Engine(Config())
        result = engine.run([str(folder)], jobs=jobs, cache_dir=cache)
        periods = [(s.team, s.period.start, s.period.end) for s in result.org.sets]
        return [(f.code, f.location.file, f.location.line, f.message) for f in result.findings], periods

    plain = run(1, None)
    assert all(start == D(2026, 4, 1) for _, start, _ in plain[1])
    assert not any(code == "ALN006" for code, *_ in plain[0])
    cache = tmp_path / "cache"
    assert run(2, cache) == plain
    assert run(1, cache) == plain  # from the cache: the per-file results, then the org pass again
    assert run(2, cache) == plain
