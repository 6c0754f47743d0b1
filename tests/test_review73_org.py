"""Review 73 (a whole B2B company linted by its strategy office), org-level rules: duplicate-objective counts
near-synonyms as one word ('sooner', 'faster'); shared-key-result takes a measure that is the other's plus a short
qualifier ('… for new carriers'), with the same uncommon numbers, for the same key result, and quotes the other
team's key result; uncovered-objective reports a department objective none of the department's teams aligns to."""

import textwrap

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.report.messages import catalogue
from okrlint.testing import lint_documents


def _lint(documents: dict[str, str], select: str, **config) -> list[tuple[str, int, str]]:
    engine = Engine(Config(select=[select], messages="en", **config))
    found = lint_documents([(name, textwrap.dedent(text).lstrip("\n")) for name, text in documents.items()],
                           engine=engine)
    return sorted((f.location.file, f.location.line, f.message) for f in found)


def _objectives(first: str, second: str) -> dict[str, str]:
    return {f"{team}.okr.yaml": f"team: {team}\nobjectives:\n  - title: {title}\n"
            for team, title in (("integrations", first), ("implementation", second))}


# --- 1. duplicate-objective: near-synonyms are one word (M5) -----------------------------------------------------
@pytest.mark.parametrize("first, second", [
    ("Get new carriers live on Corvane sooner", "Get new carriers live on Corvane faster"),
    ("Get new carriers live on Corvane sooner", "New carriers go live on Corvane faster"),  # across departments
    ("Staff feel heard by their managers", "Employees feel heard by their managers"),
    ("Retain our enterprise customers", "Keep our enterprise clients"),
    ("Growing self-serve signups in Vietnam", "Grow self-serve sign-ups in Vietnam"),
])
def test_near_synonyms_make_the_same_objective(first, second):
    found = _lint(_objectives(first, second), "duplicate-objective")
    assert [file for file, _, _ in found] == ["implementation.okr.yaml", "integrations.okr.yaml"], found


@pytest.mark.parametrize("first, second", [
    ("Resolve support tickets faster", "Ship product features faster"),
    ("Dispatchers plan a full day of loads in minutes", "Drivers see their full day of loads in minutes"),
    ("Get new carriers live on Corvane sooner", "Get existing carriers onto the new Corvane app sooner"),
    ("Staff feel heard by their managers", "Customers feel heard by our support team"),
])
def test_merely_related_objectives_stay_apart(first, second):
    assert _lint(_objectives(first, second), "duplicate-objective") == []


# --- 2. shared-key-result: the other's measure plus a qualifier (M6) ---------------------------------------------
def _krs(first: str, second: str) -> dict[str, str]:
    return {f"{team}.okr.yaml": f"team: {team}\nobjectives:\n  - title: {objective}\n    key_results:\n      - {title}\n"
            for team, objective, title in (("integrations", "Carriers connect without waiting for us", first),
                                           ("implementation", "Implementation runs like clockwork", second))}


@pytest.mark.parametrize("first, second", [
    ("Cut median go-live time for new carriers from 74 days to 40 days",
     "Reduce median go-live time from 74 days to 40 days"),
    ("Cut churn of enterprise customers from 2.4% to 1.3%", "Cut customer churn from 2.4% to 1.3%"),
    ("Cut churn of new customers from 2.4% to 1.3%", "Cut customer churn from 2.4% to 1.3%"),
    ("Raise first-contact resolution in Chonburi from 61% to 77%", "Raise first contact resolution rate from 61% to 77%"),
])
def test_a_qualifier_on_one_side_with_the_same_uncommon_numbers_is_the_same_key_result(first, second):
    found = _lint(_krs(first, second), "shared-key-result")
    assert [file for file, _, _ in found] == ["implementation.okr.yaml", "integrations.okr.yaml"], found
    assert "in other words" in found[0][2]


@pytest.mark.parametrize("first, second", [
    # round numbers a habit repeats
    ("Cut median go-live time for new carriers from 60 days to 30 days",
     "Reduce median go-live time from 60 days to 30 days"),
    # each side its own restriction
    ("Cut churn of enterprise customers from 2.4% to 1.3%", "Cut churn of SMB customers from 2.4% to 1.3%"),
    ("Cut falls in the medical ward from 0.9 to 0.6 per 1,000 bed-days",
     "Cut hospital-wide falls from 0.9 to 0.6 per 1,000 bed-days"),
    # a longer addition is another measure
    ("Cut median go-live time for new carriers on the enterprise EDI plan with custom mappings from 74 days to 40 days",
     "Reduce median go-live time from 74 days to 40 days"),
    # other numbers
    ("Cut median go-live time for new carriers from 74 days to 40 days",
     "Reduce median go-live time from 74 days to 45 days"),
])
def test_other_restrictions_or_numbers_stay_apart(first, second):
    assert _lint(_krs(first, second), "shared-key-result") == []


# --- 4. shared-key-result quotes the other key result (M9a) ------------------------------------------------------
def test_the_message_quotes_the_other_teams_key_result_shortened():
    long_title = ("Raise competitive win rate against legacy TMS vendors in Texas, Oklahoma and the wider Midwest "
                  "region from 22% to 31%")
    found = _lint(_krs(long_title, long_title), "shared-key-result")
    assert len(found) == 2, found
    message = found[0][2]
    assert message.startswith("team integrations has the same key result ('Raise competitive win rate against "
                              "legacy TMS vendors in Texas, Oklahoma and …', integrations.okr.yaml:5): give it "
                              "one owner"), message  # cut between words
    found = _lint(_krs("Cut churn of enterprise customers from 2.4% to 1.3%", "Cut customer churn from 2.4% to 1.3%"),
                  "shared-key-result")
    assert "('Cut customer churn from 2.4% to 1.3%', implementation.okr.yaml:5; they differ only in" in found[1][2]


def test_a_sheet_is_told_to_agree_on_a_team_not_to_put_one_in_its_owner_column():
    sheet = ("Team,Objective,Key Result,Owner\n"
             "Sales,Win mid-size carriers,Raise competitive win rate against legacy TMS vendors from 22% to 31%,Carlos\n"
             "Marketing,Carriers know us,Raise competitive win rate against legacy TMS vendors from 22% to 31%,Maya\n")
    found = lint_documents([("gtm.csv", sheet)], select=["shared-key-result"], messages="en")
    assert found and all(f.message.endswith("agree which team owns it and let the other team write in its row that "
                                            "it depends on it") for f in found), [f.message for f in found]
    assert all("'Raise competitive win rate against legacy TMS vendors from 22% to 31%'" in f.message for f in found)


def test_the_new_messages_have_thai_translations():
    book = catalogue("th")
    for message in [
        "team Corvane has the same key result ('Raise competitive win rate from 22% to 31%', plan.docx:18): agree "
        "which team owns it and let the other team write in its row that it depends on it",
        "team b has the same key result in other words ('Cut customer churn from 2.4% to 1.3%', b.okr.yaml:6; they "
        "differ only in 'enterprise'): give it one owner and let the other team list it in `depends_on`",
        "no team objective aligns to this department objective, although its teams align to its other objectives "
        "(talent-acquisition, finance-fpa)",
    ]:
        shown = catalogue("th").translate(message)
        assert shown is not None and shown != message, message
    assert book is not None


# --- 3. uncovered-objective: a department objective none of its teams aligns to (Low 10) -------------------------
DEPARTMENT = """
    team: people-finance
    level: department
    objectives:
      - id: pf-o1
        title: Hire and keep the people our growth needs
      - id: pf-o2
        title: Leaders make decisions on numbers they trust
      - id: pf-o3
        title: Every budget owner sees spend against budget in real time
    """
TALENT = """
    team: talent
    objectives:
      - title: Engineering roles are filled by their start date
        aligns_to: [people-finance/pf-o1]
    """
FINANCE = """
    team: finance-fpa
    objectives:
      - title: The board pack takes days, not weeks
        aligns_to: [people-finance/pf-o2]
    """


def test_a_department_objective_no_team_aligns_to_is_uncovered():
    found = _lint({"pf/people-finance.okr.yaml": DEPARTMENT, "pf/talent.okr.yaml": TALENT,
                   "pf/finance.okr.yaml": FINANCE}, "uncovered-objective")
    assert found == [("pf/people-finance.okr.yaml", 9,
                      "no team objective aligns to this department objective, although its teams align to its other "
                      "objectives (talent, finance-fpa)")], found


def test_a_department_without_its_teams_in_the_run_is_not_judged():
    assert _lint({"pf/people-finance.okr.yaml": DEPARTMENT}, "uncovered-objective") == []


def test_the_department_check_can_be_turned_off():
    documents = {"pf/people-finance.okr.yaml": DEPARTMENT, "pf/talent.okr.yaml": TALENT, "pf/finance.okr.yaml": FINANCE}
    assert _lint(documents, "uncovered-objective",
                 rule_options={"uncovered-objective": {"departments": False}}) == []


def test_a_department_objective_aligned_downward_is_left_to_inverted_alignment():
    department = DEPARTMENT.replace("      - id: pf-o3\n", "      - id: pf-o3\n        aligns_to: [talent/t-o1]\n")
    talent = TALENT.replace("      - title: Engineering", "      - id: t-o1\n        title: Engineering")
    assert _lint({"pf/people-finance.okr.yaml": department, "pf/talent.okr.yaml": talent,
                  "pf/finance.okr.yaml": FINANCE}, "uncovered-objective") == []


def test_files_given_one_by_one_do_not_judge_the_department(tmp_path):
    for name, text in (("people-finance.okr.yaml", DEPARTMENT), ("talent.okr.yaml", TALENT),
                       ("finance.okr.yaml", FINANCE)):
        (tmp_path / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    engine = Engine(Config(select=["uncovered-objective"]))
    some = engine.run([str(tmp_path / "people-finance.okr.yaml"), str(tmp_path / "talent.okr.yaml"),
                       str(tmp_path / "finance.okr.yaml")], jobs=1)
    assert [f for f in some.findings if f.name == "uncovered-objective"] == []
    whole = engine.run([str(tmp_path)], jobs=1)
    assert [f.location.line for f in whole.findings if f.name == "uncovered-objective"] == [9]


# --- 4. a team's plan named by its initials (M9b) ----------------------------------------------------------------
GTM = """
    team: Go-to-Market
    level: department
    objectives:
      - id: gtm-o1
        title: Win the mid-size carrier market
      - id: gtm-o2
        title: Existing carriers grow with us
    """
PE = """
    team: Product & Engineering
    level: department
    objectives:
      - id: pe-o1
        title: Carriers run their whole day in Corvane
    """


def _sheet(aligns: str, extra_team: str = "") -> dict[str, str]:
    documents = {"gtm.okr.yaml": GTM, "pe.okr.yaml": PE,
                 "teams.csv": "Team,Objective,Key Result,Baseline,Target,Aligns to\n"
                              f"Sales,Win carriers away from legacy TMS,Grow closed-won logos,9,16,{aligns}\n"}
    if extra_team:
        documents["other.okr.yaml"] = f"team: {extra_team}\nobjectives:\n  - id: x-o1\n    title: Our own aim\n"
    return documents


@pytest.mark.parametrize("aligns, target", [("GTM O1", "gtm-o1"), ("GTM O2", "gtm-o2"), ("P&E O1", "pe-o1")])
def test_initials_of_one_teams_name_resolve_to_its_objective(aligns, target):
    from okrlint.org import org_index

    engine = Engine(Config(select=["dangling-reference"]))
    sources = [engine.source_from_bytes(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"))
               for name, text in _sheet(aligns).items()]
    result = engine.run(sources=sources, complete=True)
    assert [f for f in result.findings if f.name == "dangling-reference"] == []
    (ref,) = [r for r in org_index(result.org).references if r.text == aligns]
    assert ref.target.id == target


def test_initials_of_several_teams_names_are_suggested_not_chosen():
    found = _lint(_sheet("GTM O1", extra_team="Global Tax Management"), "dangling-reference")
    assert [message for _, _, message in found] == [
        "the “Aligns to” column 'GTM O1' names nothing in the org; 'GTM' may stand for 'Go-to-Market' or 'Global Tax "
        "Management': write the team's name"], found
    assert catalogue("th").translate(found[0][2]) is not None


def test_ordinary_words_and_one_word_names_are_no_initials():
    # a lower-case word is no initials, and a team of one word has none
    assert _lint(_sheet("gtm O1"), "dangling-reference") != []
    assert len(_lint({**_sheet("S O1"), "s.okr.yaml": "team: Support\nobjectives:\n  - title: Help\n"},
                     "dangling-reference")) == 1
