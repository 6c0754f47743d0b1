"""Review 55 (an English SaaS company keeping OKRs in git: pre-commit --all-files, README drafts, a Sheets tracker)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.engine import Engine
from okrlint.load.withdrawn import status_withdraws

COMPANY = """team: acme
level: company
period: 2027-H1
objectives:
  - id: co-o1
    title: Customers get paid on time without chasing
    key_results:
      - Raise on-time supplier payments from 80% to 95%
  - id: co-o2
    title: Grow with the customers we already have
    key_results:
      - Raise net revenue retention from 101% to 110%
"""
ENGINEERING = """team: eng
period: 2027-H1
objectives:
  - id: eng-o1
    title: Payment runs never fail for our customers
    aligns_to: [co-o5]
    key_results:
      - id: eng-kr1
        title: Cut failed payment runs from 1.2% to 0.3% of runs
        depends_on: [security/sec-kr1]
"""
PLATFORM = """team: platform
period: 2027-H1
objectives:
  - id: plat-o1
    title: Engineers ship payment fixes the same day
    aligns_to: [co-o1]
    key_results:
      - id: plat-kr1
        title: Cut median time from merge to production from 3 days to 4 hours
        depends_on: [finance/fin-kr1]
"""
FINANCE = """team: finance
period: 2027-H1
objectives:
  - id: fin-o1
    title: Customers trust our invoices
    aligns_to: [co-o1]
    key_results:
      - id: fin-kr1
        title: Cut invoice disputes from 40 to 10 a month
"""
ORG_CODES = {"ALN001", "ALN004", "ALN011"}


def _repo(tmp_path, monkeypatch, git: bool = True):
    """A repository holding okrs/ (company at the top, eng and platform under engineering/, finance/)."""
    if git:
        (tmp_path / ".git").mkdir()
    okrs = tmp_path / "okrs"
    (okrs / "engineering").mkdir(parents=True)
    (okrs / "finance").mkdir()
    (okrs / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (okrs / "engineering" / "eng.okr.yaml").write_text(ENGINEERING, encoding="utf-8")
    (okrs / "engineering" / "platform.okr.yaml").write_text(PLATFORM, encoding="utf-8")
    (okrs / "finance" / "finance.okr.yaml").write_text(FINANCE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Acme OKRs\n\nWhere we keep them.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return okrs


ALL_FILES = ["okrs/company.okr.yaml", "okrs/engineering/eng.okr.yaml", "okrs/engineering/platform.okr.yaml",
             "okrs/finance/finance.okr.yaml"]


def _org_findings(paths) -> set[tuple[str, str, int]]:
    result = Engine().run(paths)
    return {(f.code, f.location.file, f.location.line) for f in result.findings if f.code in ORG_CODES}


# --- H1: every OKR file named one by one (pre-commit run --all-files) is the whole org -----------------------------

def test_all_files_named_give_the_folders_org_findings(tmp_path, monkeypatch):
    _repo(tmp_path, monkeypatch)
    folder = _org_findings(["okrs"])
    assert {code for code, _, _ in folder} == ORG_CODES  # dangling co-o5, unknown team security, co-o2 uncovered
    assert _org_findings(ALL_FILES) == folder
    assert _org_findings(list(reversed(ALL_FILES))) == folder
    assert Engine().plan(ALL_FILES).complete


def test_a_commit_staging_some_files_raises_no_org_findings(tmp_path, monkeypatch):
    _repo(tmp_path, monkeypatch)
    assert _org_findings(["okrs/engineering/eng.okr.yaml"]) == set()
    assert _org_findings(["okrs/finance/finance.okr.yaml"]) == set()  # alone in its folder: still not the org
    # every file of one team's folder: the other teams' files lie outside it ("finance/..." is no unknown team)
    assert _org_findings(["okrs/engineering/eng.okr.yaml", "okrs/engineering/platform.okr.yaml"]) == set()
    assert not Engine().plan(ALL_FILES[:3]).complete


def test_an_okr_file_the_hook_does_not_pass_keeps_the_run_partial(tmp_path, monkeypatch):
    okrs = _repo(tmp_path, monkeypatch)
    (okrs / "sales.okr.csv").write_text("Objective,Key result\nWin more,Raise deals from 10 to 20\n", encoding="utf-8")
    assert not Engine().plan(ALL_FILES).complete  # the okrlint hook passes YAML and Markdown only


def test_the_tree_is_the_repository_not_only_the_shared_folder(tmp_path, monkeypatch):
    okrs = _repo(tmp_path, monkeypatch)
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "sample.okr.yaml").write_text(FINANCE.replace("finance", "sample"), encoding="utf-8")
    assert not Engine().plan(ALL_FILES).complete
    assert Engine().plan([*ALL_FILES, "examples/sample.okr.yaml"]).complete
    assert okrs.is_dir()


def test_without_a_repository_the_working_folder_is_the_tree(tmp_path, monkeypatch):
    _repo(tmp_path, monkeypatch, git=False)
    assert Engine().plan(ALL_FILES).complete
    monkeypatch.chdir(tmp_path / "okrs" / "finance")
    assert not Engine().plan([str(tmp_path / p) for p in ALL_FILES]).complete  # outside the working folder


def test_the_look_up_says_nothing_and_lists_nothing(tmp_path, monkeypatch):
    okrs = _repo(tmp_path, monkeypatch)
    (okrs / "finance" / "notes.md").write_text("Objective 1: Customers trust us\n- KR1: Cut disputes from 40 to 10\n",
                                               encoding="utf-8")
    engine = Engine()
    plan = engine.plan(ALL_FILES)
    assert plan.complete and plan.warnings == () and plan.skipped == ()
    assert engine.warnings == [] and engine.skipped == []


# --- M1: "## OKRs — H1 2027" gives the period, it is no objective ----------------------------------------------------

@pytest.mark.parametrize("heading", ["## OKRs — H1 2027", "## OKRs - H1 2027", "## OKRs: H1 2027", "## OKRs – H1 2027",
                                     "## Objectives and key results: H1 2027", "OKRs — **H1 2027**", "## OKRs for H1 2027"])
def test_an_okrs_heading_with_a_period_is_no_objective(tmp_path, heading):
    (tmp_path / "cs.md").write_text(
        f"# Customer Success\n\n{heading}\n\n**Objective 1: Customers are live within a month**\n"
        "- KR1: Cut median onboarding time from 41 days to 25 days\n"
        "- KR2: Raise approver adoption by day 60 from 35% to 60%\n", encoding="utf-8")
    (source,), _ = Engine().discover([str(tmp_path / "cs.md")])
    (okr_set,), errors, _ = Engine().load(source)
    assert [o.title for o in okr_set.objectives] == ["Customers are live within a month"]
    assert okr_set.period is not None and okr_set.period.start.isoformat() == "2027-01-01"
    assert okr_set.period.end.isoformat() == "2027-06-30"


def test_an_okrs_label_with_more_than_a_period_is_still_an_objective(tmp_path):
    (tmp_path / "note.md").write_text("OKRs: Customers go live within 30 days in H1 2027\n"
                                      "- Cut onboarding time from 41 days to 25 days\n", encoding="utf-8")
    (source,), _ = Engine().discover([str(tmp_path / "note.md")])
    (okr_set,), _, _ = Engine().load(source)
    assert [o.title for o in okr_set.objectives] == ["Customers go live within 30 days in H1 2027"]


# --- M2: a tracker's Status column and its totals rows ---------------------------------------------------------------

@pytest.mark.parametrize("status, word", [("Dropped", "Dropped"), ("CANCELLED", "CANCELLED"), ("Canceled", "Canceled"),
                                          ("Descoped — moved to H2", "Descoped"), ("ยกเลิก", "ยกเลิก"),
                                          ("On track", None), ("At risk", None), ("Done", None), ("Not started", None)])
def test_status_words_that_withdraw_a_row(status, word):
    assert status_withdraws(status) == word


def _load(path):
    (source,), _ = Engine().discover([str(path)])
    return Engine().load(source)


def test_a_dropped_status_withdraws_the_key_result_and_totals_rows_are_skipped(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Objective,Key Result,Baseline,Target,Owner,Status\n"
        "Keep the customers we win,Cut logo churn from 2.1% to 1.4% a month,2.1%,1.4%,Priya,On track\n"
        ",Raise multi-year renewals from 30% to 45%,30%,45%,Dana,On track\n"
        ",Run QBRs with the top 50 accounts,,50,Dana,Dropped\n"
        "Win mid-market teams,Raise win rate from 21% to 28%,21%,28%,Marco,Cancelled\n"
        ",Grow net new ARR from $1.9M to $2.9M,$1.9M,$2.9M,Priya,At risk\n"
        "TOTAL KRs: 5,,,,,\n"
        "Total: 5,,,,,\n"
        "Total KRs,5,,,,\n", encoding="utf-8")
    (okr_set,), errors, notes = _load(path)
    assert errors == ()
    assert [(o.title, [k.title for k in o.key_results]) for o in okr_set.objectives] == [
        ("Keep the customers we win", ["Cut logo churn from 2.1% to 1.4% a month",
                                       "Raise multi-year renewals from 30% to 45%"]),
        ("Win mid-market teams", ["Grow net new ARR from $1.9M to $2.9M"]),
    ]
    assert len(notes) == 2 and all("withdrawn, not linted" in note.message for note in notes)
    assert "'Dropped'" in notes[0].message and "'Cancelled'" in notes[1].message


def test_a_dropped_objective_row_takes_its_key_results_with_it(tmp_path):
    path = tmp_path / "objectives.csv"
    path.write_text("Objective,Key Result,Status\n"
                    "Open a second office,,Dropped\n"
                    ",Hire 5 people in Lisbon by June,\n"
                    "Customers stay,Cut churn from 3% to 2%,On track\n", encoding="utf-8")
    (okr_set,), _, notes = _load(path)
    assert [o.title for o in okr_set.objectives] == ["Customers stay"]
    assert len(notes) == 1


def test_a_total_word_starting_a_real_title_is_no_totals_row(tmp_path):
    path = tmp_path / "finance.csv"
    path.write_text("Objective,Key Result\nTotal cost of ownership falls,Cut hosting cost from $40k to $30k a month\n"
                    "Overall: customers trust our invoices,Cut disputes from 40 to 10 a month\n", encoding="utf-8")
    (okr_set,), _, _ = _load(path)
    assert [o.title for o in okr_set.objectives] == ["Total cost of ownership falls",
                                                     "Overall: customers trust our invoices"]


# --- M3 / M4: a team's README.md ---------------------------------------------------------------------------------

README = ("# Customer Success\n\nWelcome! This is the CS team's corner.\n\n## OKRs — H1 2027\n\n"
          "**Objective 1: Every new customer is live within 30 days**\n"
          "- KR1: Cut median onboarding time from 41 days to 25 days\n"
          "- KR2: Raise approver adoption by day 60 from 35% to 60%\n")


def test_a_teams_readme_below_a_folder_of_okr_files_is_named_in_a_warning(tmp_path, monkeypatch):
    okrs = _repo(tmp_path, monkeypatch)
    (okrs / "customer-success").mkdir()
    (okrs / "customer-success" / "README.md").write_text(README, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", "okrs", "--no-cache", "--format", "json", "--messages", "en"])
    assert "customer-success/README.md" in run.stderr and "not read, by their names" in run.stderr
    skipped = json.loads(run.stdout)["skipped"]
    assert {"file": "okrs/customer-success/README.md",
            "reason": "a repository file by its name (README, SECURITY, CHANGELOG ...)"} in skipped


def test_a_readme_beside_okr_files_is_about_them_and_not_named(tmp_path, monkeypatch):
    okrs = _repo(tmp_path, monkeypatch)
    (okrs / "README.md").write_text("# Our OKRs\n\nEach team keeps its objectives in a *.okr.yaml file.\n",
                                    encoding="utf-8")
    (okrs / "engineering" / "README.md").write_text("# Engineering OKRs\n\nObjective 1: see eng.okr.yaml\n",
                                                    encoding="utf-8")
    engine = Engine()
    plan = engine.plan(["okrs"])
    assert not any("README" in warning for warning in plan.warnings) and plan.skipped == ()


@pytest.mark.parametrize("name", ["README.md", "readme.md", "index.md"])
def test_a_readme_draft_is_its_folders_team(tmp_path, monkeypatch, name):
    (tmp_path / "customer-success").mkdir()
    (tmp_path / "customer-success" / name).write_text(README, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (okr_set,), _, _ = _load(f"customer-success/{name}")
    assert okr_set.team == "customer-success"
    assert okr_set.period is not None and okr_set.period.text == "H1 2027"
    monkeypatch.chdir(tmp_path / "customer-success")
    (okr_set,), _, _ = _load(name)  # no folder in its name: its title's
    assert okr_set.team == "Customer Success"


def test_a_readme_whose_heading_is_a_sentence_keeps_its_file_name(tmp_path, monkeypatch):
    (tmp_path / "README.md").write_text("# Welcome to our plans for the half.\n\nObjective 1: Customers stay\n"
                                        "- KR1: Cut churn from 3% to 2%\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (okr_set,), _, _ = _load("README.md")
    assert okr_set.team == "README"


# --- L1: the everyday acronyms of finance and payments ------------------------------------------------------------

def test_finance_and_payments_acronyms_need_no_gloss(tmp_path):
    (tmp_path / "pay.okr.yaml").write_text(
        "team: payments\nobjectives:\n  - title: Customers leave their legacy AP tools for us\n    key_results:\n"
        "      - Raise same-day ACH payment success from 97% to 99.5%\n"
        "      - Cut TTFV from 9 days to 3 days\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path / "pay.okr.yaml"), "--no-cache", "--format", "json",
                                    "--select", "CLA004"])
    assert ["'TTFV'" in f["message"] for f in json.loads(run.stdout)["findings"]] == [True]


# --- L3: a team others call by its file's name -------------------------------------------------------------------

def test_a_reference_by_the_file_name_finds_the_team_its_title_row_names(tmp_path):
    (tmp_path / "sales.okr.csv").write_text(
        "Ledgerline Sales OKRs — H1 2027,,\nObjective,Key Result,Owner\n"
        "Win more mid-market teams,Raise win rate from 21% to 28%,Marco\n", encoding="utf-8")
    (tmp_path / "eng.okr.yaml").write_text(
        "team: eng\nperiod: 2027-H1\nobjectives:\n  - id: e-o1\n    title: Sales can demo reliably\n"
        "    key_results:\n      - id: e-kr1\n        title: Cut failed demos from 12% to 2%\n"
        "        depends_on: [sales/o1/kr1, marketing/o1]\n", encoding="utf-8")
    result = Engine().run([str(tmp_path)])
    assert {s.team for s in result.org.sets} == {"Ledgerline Sales", "eng"}
    unknown = [f.message for f in result.findings if f.code in ("ALN011", "ALN001")]
    assert len(unknown) == 1 and "'marketing'" in unknown[0]


# --- L4: JUnit testcase names are unique within a suite --------------------------------------------------------------

def test_junit_testcases_of_one_rule_on_one_object_are_told_apart(tmp_path):
    (tmp_path / "t.okr.yaml").write_text(
        "team: growth\nobjectives:\n  - title: Teams get value fast\n    key_results:\n"
        "      - Cut TTFV and TTR from 9 days to 3 days\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path / "t.okr.yaml"), "--no-cache", "--format", "junit",
                                    "--select", "CLA004"])
    names = [case.get("name") for case in ET.fromstring(run.stdout).iter("testcase")]
    assert len(names) == 2 and len(set(names)) == 2 and names[1].endswith("#2")


# --- L2: the advice to rename a document keeps its format ------------------------------------------------------------

def test_documents_left_out_are_advised_names_in_their_own_format(tmp_path, monkeypatch):
    okrs = _repo(tmp_path, monkeypatch)
    (okrs / "sales").mkdir()
    (okrs / "sales" / "Acme OKRs H1 2027 - Sales.csv").write_text(
        "Objective,Key result\nWin more,Raise deals from 10 to 20\n", encoding="utf-8")
    engine = Engine()
    (warning,) = [w for w in engine.plan(["okrs"]).warnings if "look like OKRs" in w]
    assert "rename them *.okr.csv, or name them" in warning
    (okrs / "finance" / "plan.markdown").write_text("Objective 1: Customers trust us\n- KR1: Cut disputes from 40 to 10\n",
                                                    encoding="utf-8")
    (warning,) = [w for w in Engine().plan(["okrs"]).warnings if "look like OKRs" in w]
    assert "rename them *.okr.md / *.okr.csv, or name them" in warning


def test_the_rename_advice_is_translated_whatever_the_format():
    from okrlint.report.messages import catalogue

    thai = catalogue("th").translate(
        "okrs: not read, although they look like OKRs: okrs/sales.csv (only files named *.okr.* are read from a folder "
        "that has them, so the org is checked without these; rename them *.okr.csv, or name them on the command line)")
    assert thai is not None and "*.okr.csv" in thai and "เปลี่ยนชื่อไฟล์" in thai
