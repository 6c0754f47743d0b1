"""Review 62 (English rule precision over three invented organisations): a bare id resolves within the referring set's
organisation when several organisations are linted together (M1); 'Hold' with a measure and a bound keeps a level (M2);
clinicians, nurses and other clinical staff who can do something with a team's work are its internal customers, and
data kept safe for patients is for them (M3); a dated deadline in a title before the set's period is reported like a
`due` field (M4); and the lows: "Be/Do better", "Move N% of X to the new pipeline", 'PC', MEA006's quoted words."""

from __future__ import annotations

import pytest

from okrlint.engine import Engine
from okrlint.tags import classify_kind, is_customer_facing
from okrlint.testing import engine_for, lint_yaml


def _write(folder, files: dict[str, str]):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _codes(result) -> list[tuple[str, str]]:
    """(the file's folder and name, the rule's code) of each finding."""
    return sorted(("/".join(f.location.file.replace("\\", "/").split("/")[-2:]), f.code) for f in result.findings)


def _facts(text: str):
    return engine_for().analyser.analyse(text)


def _kr_set(*krs: str, objective: str = "Merchants keep getting paid on time as we grow",
            period: str = "2026-Q3", team: str = "finance") -> str:
    lines = "".join(f'      - "{kr}"\n' for kr in krs)
    return f"team: {team}\nperiod: {period}\nobjectives:\n  - title: {objective}\n    key_results:\n{lines}"


def _found(text: str, code: str) -> list[str]:
    return [f.message for f in lint_yaml(text) if f.code == code]


# --- M1: bare ids across organisations ------------------------------------------------------------------------------
COMPANY_A = """team: acompany
level: company
period: 2026
objectives:
  - id: co-o1
    title: Small shops get paid faster
"""
COMPANY_B = """team: bcompany
level: company
period: 2026
objectives:
  - id: co-o1
    title: Hauliers see every load live
"""
SALES_A = """team: sales
period: 2026-Q3
objectives:
  - id: s-o1
    title: Shops in Leeds pick us for card payments
    aligns_to: [co-o1]
"""


def test_a_bare_id_resolves_within_its_own_organisation(tmp_path):
    _write(tmp_path, {"a/company.okr.yaml": COMPANY_A, "b/company.okr.yaml": COMPANY_B, "a/sales.okr.yaml": SALES_A})
    result = Engine().run([str(tmp_path)])
    codes = _codes(result)
    assert not [c for c in codes if c[1] == "ALN007"]
    assert ("a/company.okr.yaml", "ALN004") not in codes  # the link is followed
    assert ("b/company.okr.yaml", "ALN004") in codes  # nobody in b aligns to b's co-o1
    sales = next(s for s in result.org.sets if s.team == "sales")
    from okrlint.org import org_index
    parent = org_index(result.org).parents(sales.objectives[0])
    assert [p.title for p in parent] == ["Small shops get paid faster"]


def test_the_same_with_the_organisations_in_sibling_folders_of_their_own(tmp_path):
    _write(tmp_path, {"a/company.okr.yaml": COMPANY_A, "a/teams/sales.okr.yaml": SALES_A,
                      "b/company.okr.yaml": COMPANY_B,
                      "b/teams/ops.okr.yaml": SALES_A.replace("sales", "ops").replace("s-o1", "op-o1")})
    codes = _codes(Engine().run([str(tmp_path)]))
    assert not [c for c in codes if c[1] in ("ALN007", "ALN004")]


def test_an_id_two_teams_of_one_organisation_carry_is_still_ambiguous(tmp_path):
    marketing = SALES_A.replace("team: sales", "team: marketing").replace("s-o1", "co-o1").replace(
        "aligns_to: [co-o1]", "aligns_to: [company/co-o1]")
    referring = SALES_A.replace("team: sales", "team: support").replace("s-o1", "su-o1")
    _write(tmp_path, {"a/company.okr.yaml": COMPANY_A, "a/marketing.okr.yaml": marketing,
                      "a/support.okr.yaml": referring, "b/company.okr.yaml": COMPANY_B})
    messages = [f.message for f in Engine().run([str(tmp_path)]).findings if f.code == "ALN007"]
    assert len(messages) == 1 and "acompany/co-o1" in messages[0] and "marketing/co-o1" in messages[0]
    assert "bcompany" not in messages[0]


def test_a_set_outside_both_organisations_is_still_told_to_write_team_id(tmp_path):
    _write(tmp_path, {"a/company.okr.yaml": COMPANY_A, "a/sales.okr.yaml": SALES_A,
                      "b/company.okr.yaml": COMPANY_B, "b/ops.okr.yaml": SALES_A.replace("sales", "ops"),
                      "drafts/x/loose.okr.yaml": SALES_A.replace("sales", "loose").replace("s-o1", "l-o1")})
    messages = [f for f in Engine().run([str(tmp_path)]).findings if f.code == "ALN007"]
    assert [f.location.file.replace("\\", "/").rsplit("/", 1)[-1] for f in messages] == ["loose.okr.yaml"]


# --- M2: 'hold' a level ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kr", [
    "Hold monthly churn below 2%",
    "Hold the share of revenue from our top 10 accounts between 40 and 45%",
    "Hold NPS at or above 45",
    "Hold gross margin between 40 and 45%",
    "We will hold p95 latency under 300 ms",
    "Hold fraud losses below $50k a month",
])
def test_hold_with_a_measure_and_a_bound_is_a_guardrail(kr):
    findings = {f.code for f in lint_yaml(_kr_set(kr, "Grow active merchants from 4,000 to 5,500"))}
    assert not findings & {"MEA005", "MEA002", "MEA007"}
    assert not classify_kind(_facts(kr)).activity


@pytest.mark.parametrize("kr", [
    "Hold 4 fraud-awareness workshops",
    "Hold quarterly business reviews with 50 key accounts",
    "Hold 2 workshops at 10 sites",
    "Hold workshops with 40 merchants to cut churn to 2%",
    "Hold the team offsite in 2 cities",
])
def test_holding_an_event_is_still_an_activity(kr):
    assert classify_kind(_facts(kr)).activity
    assert _found(_kr_set(kr, "Grow active merchants from 4,000 to 5,500"), "MEA005")


# --- M3: clinical staff as internal customers -----------------------------------------------------------------------
@pytest.mark.parametrize("objective", [
    "Clinicians can log in and chart within seconds at any ward workstation",
    "Nurses can log in at any ward workstation",
    "Pharmacists are able to check prescriptions without waiting",
    "Clinical staff can find test results in one place",
    "Midwives can see a mother's notes on any ward",
])
def test_clinical_staff_who_can_do_something_with_the_work_are_internal_customers(objective):
    text = _kr_set("Cut average login time from 45 seconds to 8 seconds",
                   "Reduce ward incident tickets from 340 to 200 a month", objective=objective, team="it-services")
    assert not _found(text, "CUS001")


@pytest.mark.parametrize("objective", [
    "Staff can be trained on the new system faster",
    "Our engineers can deploy on Fridays",
    "Modernise the ward workstation estate",
])
def test_the_teams_own_people_or_nobody_is_still_no_customer(objective):
    text = _kr_set("Cut average login time from 45 seconds to 8 seconds",
                   "Reduce ward incident tickets from 340 to 200 a month", objective=objective, team="it-services")
    assert _found(text, "CUS001")


@pytest.mark.parametrize("text, facing", [
    ("Patient data stays protected and recoverable", True),
    ("Keep patient data safe", True),
    ("Patients' records stay private", True),
    ("Keep customer data secure", True),
    ("Clean up the customer database", False),
    ("Build the customer 360 data platform", False),
])
def test_data_kept_safe_for_patients_is_for_them(text, facing):
    assert is_customer_facing(_facts(text)) is facing


# --- M4: a title deadline before the period -------------------------------------------------------------------------
@pytest.mark.parametrize("kr, when", [
    ("Complete the toolkit submission by 30 June 2026", "30 June 2026"),
    ("Finish the access audit by end of Q2 2026", "end of Q2 2026"),
    ("Finish the review before July 2026", "before July 2026"),
    ("Ship badge-tap login by June 2026", "June 2026"),
])
def test_a_dated_deadline_before_the_period_is_reported(kr, when):
    messages = _found(_kr_set(kr), "ALN006")
    assert len(messages) == 1 and f"its deadline, {when}, falls before the set's period '2026-Q3'" in messages[0]


@pytest.mark.parametrize("kr", [
    "Cut tickets by 25% vs. June 2026",
    "Raise NPS from 30 (June 2026) to 40 by 30 September 2026",
    "Cut the backlog from 40 (as of 30 June 2026) to 10",
    "Finish the access audit by end of Q3 2026",
    "Grow sales by 2025 units",
])
def test_dates_of_baselines_and_deadlines_inside_the_period_are_not(kr):
    assert not _found(_kr_set(kr), "ALN006")


def test_a_deadline_after_the_period_is_still_reported_as_after():
    messages = _found(_kr_set("Finish the access audit by 30 October 2026"), "ALN006")
    assert len(messages) == 1 and "falls after the set's period" in messages[0]


def test_a_due_field_wins_over_the_title():
    text = ("team: it\nperiod: 2026-Q3\nobjectives:\n  - title: Patients can trust us with their records\n"
            "    key_results:\n      - title: Complete the audit submission by 30 June 2026\n        due: 2026-06-30\n")
    messages = _found(text, "ALN006")
    assert len(messages) == 1 and messages[0].startswith("due date 2026-06-30")


def test_the_message_in_thai():
    from okrlint.report.messages import catalogue

    message = _found(_kr_set("Complete the toolkit submission by 30 June 2026"), "ALN006")[0]
    thai = catalogue("th").translate(message)
    assert thai is not None and "มาก่อนที่ช่วงเวลาของชุด OKR" in thai


# --- lows -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("objective, flagged", [
    ("Be a better partner", True),
    ("Do better at customer service", True),
    ("Become a better partner", True),
    ("Be a great place to work", False),
])
def test_be_and_do_better_are_vague_as_become_and_get_better(objective, flagged):
    text = _kr_set("Grow expansion revenue from €310k to €450k", "Raise NPS from 30 to 45", objective=objective)
    assert bool(_found(text, "CLA003")) is flagged


@pytest.mark.parametrize("kr, activity", [
    ("Move 100% of billing events to the new pipeline by end of Q3", True),
    ("Move 80% of billing events to the new pipeline", True),
    ("Switch all 40 services to the new CI runners", True),
    ("Move our CI builds to GitHub Actions", True),
    ("Move NPS from 30 to 45", False),
    ("Move churn to 2%", False),
    ("Move 60% of customers to annual plans", False),
    ("Move 25% of customers onto the new pricing plan, up from 5%", False),
])
def test_moving_things_to_a_new_system_is_a_migration(kr, activity):
    assert classify_kind(_facts(kr)).activity is activity


def test_pc_is_a_known_acronym():
    text = _kr_set("Replace 1,200 Windows 10 PCs with Windows 11 laptops", "Cut ward PC incident tickets from 340 to 200",
                   objective="Clinicians chart on fast, reliable machines", team="it-services")
    assert not _found(text, "CLA004")


@pytest.mark.parametrize("kr, marker", [
    ("Pass the SOC 2 Type II audit", "pass"),
    ("Route optimiser v3 GA by June", "GA"),
    ("Upgrade all services to Kubernetes 1.30", "upgrade"),
    ("Move 100% of billing events to the new pipeline by end of Q3", "move"),
    ("Badge-tap login generally available on all wards", "generally available"),
])
def test_mea006_quotes_a_clean_phrase(kr, marker):
    messages = _found(_kr_set(kr), "MEA006")
    assert messages == [f"a done/not-done key result ('{marker}'): measure the result it should bring"]
