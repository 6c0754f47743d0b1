"""Review 60 (a consumer-app startup's OKRs), the medium items and some lows: a bracketed company-objective tag after an
objective ("(CO-2)", "[CO-2]", "(Company O2)") is its alignment (M2); an owner after a dash in a Notion-style nested
list is the key result's owner (M4); an objective whose key results are all withdrawn is left out with them, with a
note, not reported for having none (M5); "live on iOS" is done/not-done, "Delete the legacy importer" a task."""

from __future__ import annotations

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.draft import load_draft_file
from okrlint.load.draft_fields import split_trailing_alignment

COMPANY = """team: Loopline
level: company
period: Q1 2027
objectives:
  - id: CO-1
    title: Cooks stick with us
    key_results:
      - Raise day-7 retention from 22% to 30%
      - Cut drop-off from 41% to 25%
  - id: CO-2
    title: Families plan meals together
    key_results:
      - Raise households with 2+ members from 14% to 25%
      - Raise shared lists per household from 1.1 to 2.0
"""


def _sets(text: str, name: str = "plan.md"):
    return load_draft_file(name, text.encode("utf-8"), {}).sets


# --- M2 ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("tag, reference", [
    ("(CO-2)", "CO-2"), ("[CO-2]", "CO-2"), ("(Company O2)", "Company O2"), ("· CO-2", "CO-2"),
    ("(Company Objective 2)", "Company Objective 2"), ("[C-O2]", "C-O2"), ("(วัตถุประสงค์ที่ 2 ของบริษัท)", "วัตถุประสงค์ที่ 2 ของบริษัท"),
])
def test_a_bracketed_company_objective_tag_is_the_alignment(tag, reference):
    assert split_trailing_alignment(f"Ship shared lists on mobile {tag}") == ("Ship shared lists on mobile", reference)


@pytest.mark.parametrize("title", ["Cut fleet emissions (CO2)", "Win the mid-market (Q1)", "Grow revenue (stretch)",
                                   "Ship the widget (O2)"])
def test_other_brackets_stay_in_the_title(title):
    assert split_trailing_alignment(title) == (title, None)


def test_a_tagged_objective_resolves_and_is_no_orphan(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "mobile.okr.md").write_text(
        "# Mobile — Q1 2027 OKRs\n\n## Objective 1: Families share lists on mobile (CO-2)\n\n"
        "- Raise weekly shared-list users from 8% to 20%\n- Cut list sync failures from 3% to 0.5%\n", encoding="utf-8")
    result = Engine(Config()).run([str(tmp_path)])
    names = {f.rule.name if hasattr(f, "rule") else f.name for f in result.findings}
    assert "orphan-objective" not in names and "dangling-reference" not in names
    mobile = next(s for s in result.org.sets if s.team.lower() == "mobile")
    assert mobile.objectives[0].title == "Families share lists on mobile"
    assert mobile.objectives[0].aligns_to == ("CO-2",)


# --- M4 ------------------------------------------------------------------------------------------------------------
NOTION = """# Product — Q1 2027 OKRs

- **Families plan together**
    - Raise households with 2+ members from 14% to 25% — Ben Adeyemi
    - Cut sync errors from 3.2% to 0.5% — Ravi Menon
"""


def test_owners_after_a_dash_in_a_nested_list_are_read():
    [plan] = _sets(NOTION)
    krs = plan.objectives[0].key_results
    assert [(kr.title, kr.owner) for kr in krs] == [
        ("Raise households with 2+ members from 14% to 25%", "Ben Adeyemi"),
        ("Cut sync errors from 3.2% to 0.5%", "Ravi Menon")]


@pytest.mark.parametrize("tail", ["- Owner: Priya", "— owner: Priya", "| Owner: Priya", "(Owner: Priya)"])
def test_a_labelled_owner_after_a_dash_is_read(tail):
    text = NOTION.replace("— Ben Adeyemi", tail)
    [plan] = _sets(text)
    first = plan.objectives[0].key_results[0]
    assert (first.title, first.owner) == ("Raise households with 2+ members from 14% to 25%", "Priya")


def test_a_dash_before_the_numbers_is_no_owner():
    [plan] = _sets("# Sales OKRs 2027\n\n## Objective 1: Win more deals\n\n- Raise win rate - from 20% to 30%\n"
                   "- Cut cycle time — Q1: 40 days to 30\n")
    assert [kr.title for kr in plan.objectives[0].key_results] == [
        "Raise win rate - from 20% to 30%", "Cut cycle time — Q1: 40 days to 30"]


# --- M5 ------------------------------------------------------------------------------------------------------------
MARKETING = """Objective,Key Result,Owner,Start,Target,Status
Lapsed cooks come back,Win-back reactivation rate,Priya,2.1%,4%,On track
,Lapsed users who save a plan,Priya,3200,6000,At risk
Podcast listeners try Loopline,Installs from podcast codes,Sasha,0,2000,Dropped
"""


def test_an_objective_whose_key_results_are_all_withdrawn_goes_with_them(tmp_path):
    path = tmp_path / "Marketing.csv"
    path.write_text(MARKETING, encoding="utf-8")
    result = Engine(Config()).run([str(path)])
    [okr_set] = result.org.sets
    assert [o.title for o in okr_set.objectives] == ["Lapsed cooks come back"]
    assert not [f for f in result.findings if f.code == "CLA002"]
    assert any("'Podcast listeners try Loopline' is left out with its key results: all of them are withdrawn" in n
               for n in result.warnings)


def test_an_objective_keeps_its_live_key_results_when_one_is_withdrawn(tmp_path):
    path = tmp_path / "Marketing.csv"
    path.write_text(MARKETING.replace("At risk", "Dropped"), encoding="utf-8")
    [okr_set] = Engine(Config()).run([str(path)]).org.sets
    assert [len(o.key_results) for o in okr_set.objectives] == [1]


# --- lows ----------------------------------------------------------------------------------------------------------
def _kr_rules(tmp_path, title: str) -> set[str]:
    (tmp_path / "t.okr.yaml").write_text(
        "team: mobile\nobjectives:\n  - title: Families plan meals together\n    key_results:\n"
        f"      - {title}\n      - Raise weekly shared-list users from 8% to 20%\n", encoding="utf-8")
    result = Engine(Config()).run([str(tmp_path / "t.okr.yaml")])
    return {f.name for f in result.findings if f.location.line == 5}


@pytest.mark.parametrize("title", ["Shared lists live on iOS", "Family sharing live in production"])
def test_live_is_a_done_state(tmp_path, title):
    assert "kr-is-binary" in _kr_rules(tmp_path, title)


@pytest.mark.parametrize("title", ["Delete the legacy recipe importer", "Remove the legacy recipe importer"])
def test_deleting_something_is_a_task(tmp_path, title):
    assert {"kr-is-activity", "kr-is-binary"} <= _kr_rules(tmp_path, title)


def test_going_live_faster_is_a_measure(tmp_path):
    assert "kr-is-binary" not in _kr_rules(tmp_path, "Cut time to go live on a new region from 10 days to 2 days")
