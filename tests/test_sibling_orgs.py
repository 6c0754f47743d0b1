"""Several organisations linted in one run, each in a folder of its own: a reference written as people write it
("Company O2", "→ CO-1", "O2", "Sales O3", a title) names an objective of the nearest company or team set — the
referring file's own folder, then the folders above it — not "nothing in the org"."""

import json
import os

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.org import OrgIndex, Status

PRODUCT_COMPANY = """# Lumen Health — Company OKRs H2 2026

Level: company
Period: H2 2026

## O1 — Patients get the care they booked, on time
**Key results**
- Cut the no-show rate from 14% to 9%

## O2 — Clinics grow with us
**Key results**
- Raise the number of clinics on the Pro plan from 320 to 500

## O3 — Make the business self-funding
**Key results**
- Cut cost to serve per clinic from $41 to $30 a month
"""

GROWTH = """# Growth team OKRs — H2 2026

Team: Growth
Period: H2 2026

## Objective 1: More clinics find and try Lumen on their own
Parent: Company O2
Key results:
1. Raise self-serve trial sign-ups from 900 to 1,500 a month
"""

CHECKOUT = """# Checkout — OKRs H2 2026
Team: Checkout

### Patients can pay in under a minute → CO-1
KRs:
- Cut median checkout time from 140s to 55s (owner: Dana)

### Stop losing money on failed payments → CO-3
KRs:
- Cut involuntary churn from failed cards from 2.1% to 1.0% of MRR (owner: Ravi)
"""

BOARD = """RIVERBEND LITERACY COALITION
Board of Directors — Annual OKRs, FY27

Team: Board of Directors
Level: company

Objective 1: Every child in our three partner districts reads at grade level by the end of 3rd grade
  KR 1.1: Raise the share of partner-school 3rd graders reading at grade level from 48% to 60%

Objective 2: Put the Coalition on a sustainable financial footing
  KR 2.1: Increase unrestricted revenue from $310,000 to $450,000

Objective 3: Tutors stay with the children they start with
  KR 3.1: Cut tutoring drop-out within the first 8 weeks from 30% to 15%

Objective 4: Families read at home
  KR 4.1: Grow the number of families borrowing books weekly from 120 to 400
"""

TUTORING = """# Tutoring programme OKRs — FY27

Team: Tutoring

## Objective 1: Children keep coming to their sessions
Parent: Company O3
Key results:
1. Cut tutoring drop-out within the first 8 weeks from 30% to 12%
"""


def write(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def findings(*paths, jobs=1, cwd=None):
    args = ["check", *map(str, paths), "--format", "json", "--no-cache", "--jobs", str(jobs)]
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return json.loads(result.stdout)["findings"]


def alignment(found):
    return sorted((f["file"], f["line"], f["name"], f["message"]) for f in found if f["code"].startswith("ALN"))


def index_of(*paths) -> OrgIndex:
    result = Engine(Config(select=["STR001"])).run(paths=[str(p) for p in paths], jobs=1)
    return OrgIndex(result.org)


def targets(index: OrgIndex):
    """reference text -> (status, file of the target's set, title of the target)"""
    out = {}
    for ref in index.references:
        target = ref.target
        file = index.set_of(target).file.replace("\\", "/") if target is not None else None
        out[(index.set_of(ref.source).file.replace("\\", "/").rsplit("/", 1)[-1], ref.text)] = (
            ref.status, file, target.title if target is not None else None)
    return out


@pytest.fixture
def orgs(tmp_path):
    return write(tmp_path / "orgs", {
        "product/company.md": PRODUCT_COMPANY, "product/growth.md": GROWTH, "product/checkout.md": CHECKOUT,
        "riverbend/board.txt": BOARD, "riverbend/tutoring.md": TUTORING,
    })


def test_sibling_orgs_resolve_to_their_own_company(orgs):
    found = findings(".", cwd=orgs)
    names = {(f["file"], f["name"]) for f in found}
    assert not any(name in ("dangling-reference", "ambiguous-reference") for _, name in names), alignment(found)
    uncovered = sorted((f["file"], f["line"]) for f in found if f["name"] == "uncovered-objective")
    # product: O1, O2 and O3 are covered; riverbend: only its O3 is
    assert uncovered == [("riverbend/board.txt", 7), ("riverbend/board.txt", 10), ("riverbend/board.txt", 16)]

    resolved = targets(index_of(orgs))
    assert resolved[("growth.md", "Company O2")][1:] == (str(orgs / "product/company.md"), "Clinics grow with us")
    assert resolved[("checkout.md", "CO-1")][1].endswith("product/company.md")
    assert resolved[("checkout.md", "CO-3")][2] == "Make the business self-funding"
    assert resolved[("tutoring.md", "Company O3")][1:] == (
        str(orgs / "riverbend/board.txt"), "Tutors stay with the children they start with")


def test_each_org_alone_finds_the_same_as_together(orgs):
    together = alignment(findings(".", cwd=orgs))
    alone = sorted(alignment(findings("product", cwd=orgs)) + alignment(findings("riverbend", cwd=orgs)))
    assert together == alone


def test_jobs_do_not_change_the_result(orgs):
    assert findings(".", jobs=1, cwd=orgs) == findings(".", jobs=2, cwd=orgs)
    assert findings(orgs, jobs=1) == findings(orgs, jobs=2)  # absolute paths too


def test_a_number_the_own_company_lacks_is_dangling_not_taken_from_the_other_org(orgs):
    # riverbend has an O4; product's company has three objectives
    write(orgs, {"product/mobile.md": "# Mobile squad OKRs – H2 2026\n\nO1: Patients book from their phone (→ CO-4)\n"
                                      "  - Raise the share of reschedules done in-app from 22% to 50%\n"})
    found = [f for f in findings(".", cwd=orgs) if f["name"] == "dangling-reference"]
    assert [(f["file"], f["message"]) for f in found] == [
        ("product/mobile.md", "the “Aligns to” line 'CO-4' names nothing in the org; the plan of company has 3 objectives")]


def test_company_file_in_a_folder_of_its_own(tmp_path):
    # the org is "acme": its company file sits in acme/company/, its teams in acme/teams/
    root = write(tmp_path, {
        "acme/company/plan.md": PRODUCT_COMPANY, "acme/teams/growth.md": GROWTH, "acme/teams/checkout.md": CHECKOUT,
        "riverbend/board.txt": BOARD, "riverbend/tutoring.md": TUTORING,
    })
    resolved = targets(index_of(root))
    assert resolved[("growth.md", "Company O2")][1].endswith("acme/company/plan.md")
    assert resolved[("checkout.md", "CO-3")][1].endswith("acme/company/plan.md")
    assert resolved[("tutoring.md", "Company O3")][1].endswith("riverbend/board.txt")


def test_teams_in_subfolders_of_the_org_and_a_company_at_the_top(tmp_path):
    root = write(tmp_path, {
        "company.md": PRODUCT_COMPANY, "product/growth/growth.md": GROWTH, "product/checkout.md": CHECKOUT,
    })
    resolved = targets(index_of(root))
    assert {value[0] for value in resolved.values()} == {Status.RESOLVED}
    # a second organisation below the first: its team aligns to its own board, the others to the top company
    write(root, {"riverbend/board.txt": BOARD, "riverbend/tutoring.md": TUTORING})
    resolved = targets(index_of(root))
    assert resolved[("growth.md", "Company O2")][1] == str(root / "company.md")
    assert resolved[("tutoring.md", "Company O3")][1] == str(root / "riverbend/board.txt")


@pytest.mark.parametrize("layout", ["flat", "subfolders"])
def test_a_single_org_resolves_as_before(tmp_path, layout):
    prefix = "" if layout == "flat" else "teams/"
    root = write(tmp_path / "org", {"company.md": PRODUCT_COMPANY, f"{prefix}growth.md": GROWTH,
                                    f"{prefix}checkout.md": CHECKOUT})
    found = findings(root)
    assert not {"dangling-reference", "ambiguous-reference", "uncovered-objective"} & {f["name"] for f in found}
    assert {status for status, _, _ in targets(index_of(root)).values()} == {Status.RESOLVED}


def test_two_company_plans_in_one_folder_are_ambiguous_and_named(tmp_path):
    root = write(tmp_path, {"lumen.md": PRODUCT_COMPANY, "riverbend.txt": BOARD, "checkout.md": CHECKOUT})
    found = [f for f in findings(root) if f["name"] in ("dangling-reference", "ambiguous-reference")]
    assert {f["name"] for f in found} == {"ambiguous-reference"}
    for f in found:
        assert "is ambiguous" in f["message"] and "names nothing" not in f["message"]
        assert "lumen.md:" in f["message"] and "riverbend.txt:" in f["message"], f["message"]
    refs = {ref.text: ref for ref in index_of(root).references}
    assert refs["CO-1"].status is Status.AMBIGUOUS and len(refs["CO-1"].candidates) == 2


def test_equally_near_but_only_one_has_the_number(tmp_path):
    root = write(tmp_path, {"lumen.md": PRODUCT_COMPANY, "riverbend.txt": BOARD, "mobile.md":
                            "# Mobile OKRs\n\nO1: Families find books on their phone (→ CO-4)\n"
                            "  - Grow weekly borrowers from 120 to 400\n"})
    ref = index_of(root).references[0]
    assert ref.status is Status.RESOLVED and ref.target.title == "Families read at home"


def test_a_bare_objective_number_and_a_team_name_stay_in_their_own_org(tmp_path):
    department = "# Sales department OKRs\n\nTeam: Sales\nLevel: department\n\n" \
                 "## Objective 1: Win {x}\nParent: Company O1\nKey results:\n1. Sign 40 new accounts, up from 25\n\n" \
                 "## Objective 2: Keep {x}\nParent: Company O2\nKey results:\n1. Cut churn from 9% to 6%\n"
    team = "# Inside sales team OKRs\n\nTeam: Inside sales\n\n## Objective 1: Call {x} back fast\nParent: {ref}\n" \
           "Key results:\n1. Cut call-back time from 2 days to 4 hours\n"
    root = write(tmp_path, {
        "a/company.md": PRODUCT_COMPANY, "a/sales.md": department.format(x="clinics"),
        "a/inside/inside.md": team.format(x="clinics", ref="O2"),
        "a/inside/named.md": team.format(x="clinics", ref="Sales O1").replace("Inside sales", "Named"),
        "b/company.md": PRODUCT_COMPANY, "b/sales.md": department.format(x="schools"),
        "b/inside.md": team.format(x="schools", ref="O1"),
    })
    resolved = targets(index_of(root))
    assert resolved[("inside.md", "O2")][1:] == (str(root / "a/sales.md"), "Keep clinics")
    assert resolved[("named.md", "Sales O1")][1:] == (str(root / "a/sales.md"), "Win clinics")
    assert resolved[("inside.md", "O1")][1:] == (str(root / "b/sales.md"), "Win schools")


def test_an_org_without_a_department_does_not_borrow_the_other_orgs(tmp_path):
    department = "# Sales department OKRs\n\nTeam: Sales\nLevel: department\n\n## Objective 1: Win schools\n" \
                 "Parent: Company O1\nKey results:\n1. Sign 40 new schools, up from 25\n"
    root = write(tmp_path, {
        "a/company.md": PRODUCT_COMPANY, "a/growth.md": GROWTH.replace("Company O2", "O2"),
        "b/company.md": PRODUCT_COMPANY, "b/sales.md": department,
    })
    resolved = targets(index_of(root))
    assert resolved[("growth.md", "O2")][1] == str(root / "a/company.md")


def test_a_title_written_out_resolves_in_the_own_org(tmp_path):
    growth = GROWTH.replace("Company O2", "Clinics grow with us")
    root = write(tmp_path, {"a/company.md": PRODUCT_COMPANY, "a/growth.md": growth, "b/company.md": PRODUCT_COMPANY})
    resolved = targets(index_of(root))
    assert resolved[("growth.md", "Clinics grow with us")][1] == str(root / "a/company.md")
    # the same title in two company plans beside each other: ambiguous, both named
    root = write(tmp_path / "flat", {"lumen.md": PRODUCT_COMPANY, "clone.md": PRODUCT_COMPANY, "growth.md": growth})
    ref = index_of(root).references[0]
    assert ref.status is Status.AMBIGUOUS and len(ref.candidates) == 2


def test_explicit_yaml_ids_still_resolve_across_sibling_orgs(tmp_path):
    company = "team: {team}\nlevel: company\nobjectives:\n  - id: {id}\n    title: Clinics love us\n"
    team = "team: {team}\nobjectives:\n  - id: {id}\n    title: Win clinics in Chiang Mai\n    aligns_to: [{ref}]\n"
    root = write(tmp_path, {
        "a/company.okr.yaml": company.format(team="acme", id="a-co1"),
        "a/sales.okr.yaml": team.format(team="sales", id="s1", ref="a-co1"),
        "b/company.okr.yaml": company.format(team="beta", id="b-co1"),
        "b/sales.okr.yaml": team.format(team="b-sales", id="s2", ref="beta/b-co1"),
    })
    resolved = targets(index_of(root))
    assert resolved[("sales.okr.yaml", "a-co1")][:2] == (Status.RESOLVED, str(root / "a/company.okr.yaml"))
    assert resolved[("sales.okr.yaml", "beta/b-co1")][:2] == (Status.RESOLVED, str(root / "b/company.okr.yaml"))
    assert not {"dangling-reference", "ambiguous-reference", "uncovered-objective"} & {
        f["name"] for f in findings(root)}


def test_ids_are_unique_within_each_organisation_of_a_run(tmp_path):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    for company in ("north", "south"):
        folder = tmp_path / company
        folder.mkdir()
        (folder / "company.okr.yaml").write_text(
            f"team: {company}\nlevel: company\nobjectives:\n  - id: co-o1\n    title: Customers stay with us\n",
            encoding="utf-8")
        (folder / "support.okr.yaml").write_text(
            "team: support\nobjectives:\n  - id: sup-o1\n    title: Customers get answers fast\n"
            "    aligns_to: [co-o1]\n  - id: sup-o1\n    title: Customers solve problems alone\n    aligns_to: [co-o1]\n",
            encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run([str(tmp_path)], cache_dir=None)
    duplicates = [f for f in result.findings if f.name == "duplicate-id"]
    # the repeated sup-o1 inside each company is reported; the two companies' own ids are not each other's
    assert sorted(f.location.file.split("/")[-2] for f in duplicates) == ["north", "south"]


def test_company_references_of_an_organisation_whose_company_plan_is_not_here_are_not_dangling(tmp_path):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "company.okr.yaml").write_text(
        "team: shop\nlevel: company\nobjectives:\n  - id: co-o1\n    title: Shoppers come back\n", encoding="utf-8")
    (tmp_path / "shop" / "sales.okr.yaml").write_text(
        "team: sales\nobjectives:\n  - title: Shoppers find deals\n    aligns_to: [company/co-o7]\n", encoding="utf-8")
    (tmp_path / "insurer").mkdir()  # another organisation; its company plan is not in the run (unreadable, elsewhere)
    (tmp_path / "insurer" / "claims.okr.yaml").write_text(
        "team: claims\nobjectives:\n  - title: Claimants are paid fast\n    aligns_to: [company/co-o4]\n", encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run([str(tmp_path)], cache_dir=None)
    dangling = [f.location.file.split("/")[-2] for f in result.findings if f.name == "dangling-reference"]
    assert dangling == ["shop"]  # the shop's own typo still is
