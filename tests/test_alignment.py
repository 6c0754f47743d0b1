"""Alignment across an org: references, the ALN rules both ways in Thai and English, near-duplicates, the graph."""

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.model import Org
from okrlint.org import OrgIndex, Status
from okrlint.report.graph import alignment_graph, render_graph, to_dot, to_json, to_mermaid
from okrlint.rules import alignment
from okrlint.rules.base import rules_in
from okrlint.testing import check_examples, lint_documents
from okrlint.text.neardup import NearDuplicateFinder, normalise

ROOT = Path(__file__).resolve().parents[1]
ALIGNMENT_RULES = rules_in(alignment)

COMPANY = """team: company
level: company
period: FY2570
objectives:
  - id: co-o1
    title: เป็นระบบนัดหมายที่คลินิกขนาดเล็กเลือกเป็นอันดับแรก
    key_results:
      - id: co-kr1
        title: เพิ่มคลินิกที่ใช้งานจริงจาก 1,800 เป็น 3,000 แห่ง
  - id: co-o2
    title: Clinics in Ho Chi Minh City start booking patients with us
"""


def team_set(team, *objectives, period=None, level="team"):
    lines = [f"team: {team}", f"level: {level}"]
    if period:
        lines.append(f"period: {period}")
    lines.append("objectives:")
    for objective in objectives:
        lines += ["    " + line if i else "  - " + line for i, line in enumerate(objective.strip("\n").splitlines())]
    return "\n".join(lines) + "\n"


def objective(oid, title, aligns_to=(), krs=()):
    text = f"id: {oid}\ntitle: {title}\n"
    if aligns_to:
        text += f"aligns_to: [{', '.join(aligns_to)}]\n"
    if krs:
        text += "key_results:\n" + "".join("  - " + kr.replace("\n", "\n    ").rstrip() + "\n" for kr in krs)
    return text


def lint(*documents, select="alignment", **config):
    engine = Engine(Config(select=[select], **config))
    docs = [(f"doc{i}.okr.yaml", text) for i, text in enumerate(documents)]
    return lint_documents(docs, engine=engine)


def names(findings):
    return Counter(f.name for f in findings)


# --- rule examples ------------------------------------------------------------------------------------

@pytest.mark.parametrize("item", ALIGNMENT_RULES, ids=lambda r: r.name)
def test_rule_examples(item):
    assert check_examples(item) == []


def test_every_rule_has_thai_and_english_examples():
    for item in ALIGNMENT_RULES:
        assert {e.language for e in item.examples} >= {"th", "en"}, item.name
        assert {e.good for e in item.examples} == {True, False}, item.name


def test_fixed_spec_names_exist():
    expected = {"dangling-reference", "orphan-objective", "alignment-cycle", "uncovered-objective",
                "duplicate-objective", "period-mismatch"}
    assert expected <= {r.name for r in ALIGNMENT_RULES}
    assert all(r.code.startswith("ALN") and r.category == "alignment" for r in ALIGNMENT_RULES)


# --- references ---------------------------------------------------------------------------------------

def load_org(*documents) -> Org:
    engine = Engine(Config(select=["STR001"]))
    sources = [engine.source_from_bytes(f"doc{i}.okr.yaml", d.encode()) for i, d in enumerate(documents)]
    result = engine.run(sources=sources)
    assert result.errors == ()
    return result.org


def test_references_resolve_by_team_and_id_bare_id_and_generated_uid():
    org = load_org(COMPANY, team_set("sales", "title: ไม่มีรหัส", objective("s-o1", "Win clinics", ["company/co-o1", "co-kr1", "sales/o1"])))
    index = OrgIndex(org)
    statuses = [(r.text, r.status, index.team_of(r.target)) for r in index.references]
    assert statuses == [("company/co-o1", Status.RESOLVED, "company"), ("co-kr1", Status.RESOLVED, "company"),
                        ("sales/o1", Status.RESOLVED, "sales")]
    s_o1 = index.by_id["s-o1"][0]
    assert [p.uid for p in index.parents(s_o1)] == ["co-o1", "sales/o1"]  # co-kr1 stands for co-o1, once


def test_reference_statuses():
    org = load_org(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["company/co-o9", "legal/l-o1", "x-o1"])))
    statuses = [r.status for r in OrgIndex(org).references]
    assert statuses == [Status.MISSING, Status.UNKNOWN_TEAM, Status.MISSING]


def test_ambiguous_bare_id_names_both_candidates():
    findings = lint(
        team_set("sales", objective("o1", "Win clinics in the north")),
        team_set("marketing", objective("o1", "Make clinic owners know us")),
        team_set("partners", objective("p-o1", "Pharmacies refer clinics", ["o1"])),
    )
    ambiguous = [f for f in findings if f.name == "ambiguous-reference"]
    assert len(ambiguous) == 1
    assert "sales/o1 (doc0.okr.yaml:" in ambiguous[0].message and "marketing/o1 (doc1.okr.yaml:" in ambiguous[0].message
    assert ambiguous[0].object_id == "p-o1" and ambiguous[0].team == "partners"


def test_team_qualified_reference_is_not_ambiguous():
    findings = lint(
        team_set("sales", objective("o1", "Win clinics in the north")),
        team_set("marketing", objective("o1", "Make clinic owners know us")),
        team_set("partners", objective("p-o1", "Pharmacies refer clinics", ["sales/o1"])),
    )
    assert "ambiguous-reference" not in names(findings) and "dangling-reference" not in names(findings)


# --- each rule both ways -----------------------------------------------------------------------------

def test_dangling_reference_in_aligns_to_and_depends_on_with_hint():
    kr = "id: s-kr1\ntitle: เพิ่มคลินิกใหม่จาก 25 เป็น 40 แห่ง\ndepends_on: [company/co-kr2]"
    findings = lint(COMPANY, team_set("sales", objective("s-o1", "คลินิกภาคเหนือเลือกเรา", ["company/co-o3"], [kr])))
    dangling = sorted(f.message for f in findings if f.name == "dangling-reference")
    assert len(dangling) == 2
    # co-o3 is no nearer co-o1 than co-o2: no guess that would send the reader to the wrong objective
    assert "'company/co-o3' names nothing" in dangling[0] and "did you mean" not in dangling[0]
    assert "`depends_on` 'company/co-kr2'" in dangling[1]


def test_dangling_reference_suggests_the_one_clearly_closest_id():
    findings = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["company/co-01"])),
                    select="dangling-reference")
    assert "did you mean 'company/co-o1'?" in findings[0].message


def test_dangling_reference_points_at_the_field_line():
    findings = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["company/co-o3"])), select="dangling-reference")
    assert [f.location.line for f in findings] == [6]  # the aligns_to line of doc1


def test_reference_to_id_of_another_team_says_whose_it_is():
    findings = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["sales/co-o1"]),), select="ALN")
    assert "belongs to team 'company'" in next(f.message for f in findings if f.name == "dangling-reference")


def test_unknown_team_fires_only_for_missing_teams():
    kr = "id: s-kr1\ntitle: Sign 40 new clinics, up from 25\ndepends_on: [legal/lg-kr1]"
    fired = lint(team_set("sales", objective("s-o1", "Win clinics", krs=[kr])))
    assert names(fired)["unknown-team"] == 1 and "dangling-reference" not in names(fired)
    legal = team_set("legal", objective("lg-o1", "Contracts without lawyers", krs=["id: lg-kr1\ntitle: Cut review time from 10 to 2 days"]))
    assert "unknown-team" not in names(lint(team_set("sales", objective("s-o1", "Win clinics", krs=[kr])), legal))


@pytest.mark.parametrize("title", ["คลินิกภาคเหนือเลือกใช้ระบบของเรา", "Win clinics in the north"])
def test_orphan_objective(title):
    fired = lint(COMPANY, team_set("sales", objective("s-o1", title)))
    assert names(fired)["orphan-objective"] == 1
    quiet = lint(COMPANY, team_set("sales", objective("s-o1", title, ["co-o1"])))
    assert "orphan-objective" not in names(quiet)
    no_company = lint(team_set("sales", objective("s-o1", title)))
    assert "orphan-objective" not in names(no_company)


def test_company_objectives_are_never_orphans():
    assert "orphan-objective" not in names(lint(COMPANY))


def test_alignment_cycle_reports_each_objective_once_per_cycle():
    findings = lint(
        team_set("a", objective("a-o1", "Clinics book online", ["b/b-o1"])),
        team_set("b", objective("b-o1", "คลินิกจองคิวออนไลน์", ["c/c-o1"])),
        team_set("c", objective("c-o1", "Bookings never fail", ["a/a-o1"]), objective("c-o2", "Side work", ["a/a-o1"])),
        select="alignment-cycle",
    )
    assert sorted(f.object_id for f in findings) == ["a-o1", "b-o1", "c-o1"]
    assert all("a/a-o1 → b/b-o1 → c/c-o1 → a/a-o1" in f.message for f in findings)


def test_two_separate_cycles_and_a_self_loop():
    findings = lint(
        team_set("a", objective("a-o1", "One", ["b-o1"]), objective("a-o2", "Two", ["a-o2"])),
        team_set("b", objective("b-o1", "Three", ["a-o1"]), objective("b-o2", "Four", ["a-o1"])),
        select="alignment-cycle",
    )
    assert sorted(f.object_id for f in findings) == ["a-o1", "a-o2", "b-o1"]


def test_no_cycle_in_a_tree():
    findings = lint(COMPANY, team_set("a", objective("a-o1", "One", ["co-o1"])),
                    team_set("b", objective("b-o1", "Two", ["a-o1"])), select="alignment-cycle")
    assert findings == []


def test_uncovered_objective():
    fired = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["co-o1"])), select="uncovered-objective")
    assert [f.object_id for f in fired] == ["co-o2"]
    covered = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["co-kr1"]), objective("s-o2", "Vietnam", ["co-o2"])),
                   select="uncovered-objective")
    assert covered == []  # aligning to a company key result covers its objective


def test_inverted_alignment():
    fired = lint(
        team_set("ops", objective("ops-o1", "คลินิกเริ่มใช้งานได้ในวันเดียว", ["onboarding/ob-o1"]), level="department"),
        team_set("onboarding", objective("ob-o1", "ลดขั้นตอนการตั้งค่าระบบ")),
        select="inverted-alignment",
    )
    assert [f.object_id for f in fired] == ["ops-o1"]
    upward = lint(
        team_set("ops", objective("ops-o1", "Clinics go live in a day"), level="department"),
        team_set("onboarding", objective("ob-o1", "Fewer setup steps", ["ops/ops-o1"])),
        select="inverted-alignment",
    )
    assert upward == []


def test_period_mismatch_with_thai_fiscal_year():
    inside = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["co-o1"]), period="ไตรมาส 2/2570"), select="period-mismatch")
    assert inside == []
    outside = lint(COMPANY, team_set("sales", objective("s-o1", "Win clinics", ["co-o1"]), period="Q4 2027"), select="period-mismatch")
    assert len(outside) == 1 and "2027-10-01" in outside[0].message and "FY2570" in outside[0].message


def test_a_thai_quarter_may_count_from_the_fiscal_year():
    def sales(period, due=None):
        kr = "title: เพิ่มคลินิกที่ใช้งานจริงจาก 300 เป็น 450 แห่ง" + (f"\ndue: {due}" if due else "")
        team = team_set("sales", objective("s-o1", "Win clinics", ["co-o1"], krs=[kr]), period=period)
        return lint(COMPANY, team, select="period-mismatch")

    # An agency's quarter 4/2570 is Jul-Sep 2027, the last quarter of FY2570; a company's is Oct-Dec 2027.
    assert sales("ไตรมาส 4/2570") == []
    assert sales("ไตรมาสที่ 4 ปี 2570", due="30 ก.ย. 2570") == []
    assert sales("ไตรมาส 1/2570", due="15 ธ.ค. 2569") == []  # Oct-Dec 2026 read as fiscal
    late = sales("ไตรมาส 1/2571")  # Jan-Mar 2028 or Oct-Dec 2027: after FY2570 either way
    assert len(late) == 1 and "2028-01-01" in late[0].message
    written_out = sales("ไตรมาส 4 ปีงบประมาณ 2570", due="31 ธ.ค. 2570")  # no doubt: the due date is after Sep 2027
    assert len(written_out) == 1 and "2027-12-31" in written_out[0].message


def test_period_mismatch_due_dates_in_buddhist_era():
    def with_due(due):
        kr = f"title: Cut failed bookings from 7% to 1%\ndue: {due}"
        return lint(team_set("platform", objective("pf-o1", "Bookings go through", krs=[kr]), period="2027-Q1"), select="period-mismatch")

    assert with_due("31 มี.ค. 2570") == []
    assert with_due("2570-03-15") == []
    late = with_due("30 เม.ย. 2570")
    assert len(late) == 1 and "2027-04-30" in late[0].message and late[0].object_kind == "key_result"


def test_period_mismatch_ignores_unreadable_periods():
    assert lint(COMPANY, team_set("sales", objective("s-o1", "Win", ["co-o1"]), period="sometime"), select="period-mismatch") == []


PLATFORM = team_set("platform", objective("pf-o1", "Bookings go through", krs=["id: pf-kr1\ntitle: Cut failed bookings from 7% to 1%"]))


def dependant(team, target="platform/pf-kr1"):
    return team_set(team, objective(f"{team}-o1", f"{team} objective", krs=[f"title: Grow {team} from 10 to 20\ndepends_on: [{target}]"]))


def test_unowned_dependency():
    fired = lint(PLATFORM, dependant("sales"), dependant("support", "pf-kr1"), select="unowned-dependency")
    assert [f.object_id for f in fired] == ["pf-kr1"] and "sales, support" in fired[0].message
    one_team = lint(PLATFORM, dependant("sales"), select="unowned-dependency")
    assert one_team == []
    owned = PLATFORM.replace("Cut failed bookings from 7% to 1%", "Cut failed bookings from 7% to 1%\n        owner: คุณกฤษ")
    assert lint(owned, dependant("sales"), dependant("support"), select="unowned-dependency") == []


def test_unowned_dependency_min_teams_option():
    fired = lint(PLATFORM, dependant("sales"), select="unowned-dependency",
                 rule_options={"unowned-dependency": {"min-teams": 1}})
    assert len(fired) == 1


def test_too_many_dependencies_with_max_option():
    # four distinct key results depended on (each promise counts once: review 35 #5)
    platform = team_set("platform", objective("pf-o1", "Bookings go through", krs=[
        f"id: pf-kr{i}\ntitle: Cut failed bookings in region {i} from 7% to 1%" for i in range(1, 5)]))
    krs = [f"title: Grow district {i} from 10 to 20\ndepends_on: [platform/pf-kr{i}]" for i in range(1, 5)]
    sales = team_set("sales", objective("s-o1", "Win clinics", krs=krs))
    assert lint(platform, sales, select="too-many-dependencies") == []
    fired = lint(platform, sales, select="too-many-dependencies", rule_options={"too-many-dependencies": {"max": 3}})
    assert len(fired) == 1 and fired[0].object_kind == "set" and fired[0].team == "sales"
    assert "4 cross-team dependencies (limit 3)" in fired[0].message


def test_dependencies_inside_one_team_do_not_count():
    krs = ["id: s-kr1\ntitle: Grow from 1 to 2"] + [f"title: Grow {i} from 10 to 20\ndepends_on: [s-kr1]" for i in range(4)]
    sales = team_set("sales", objective("s-o1", "Win clinics", krs=krs))
    assert lint(sales, select="too-many-dependencies", rule_options={"too-many-dependencies": {"max": 1}}) == []


# --- duplicates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [
    ("ลูกค้าใหม่สมัครใช้บริการผ่านแอปมากขึ้น", "ลูกค้าใหม่สมัครใช้บริการทางแอปมากขึ้น"),
    ("Grow self-serve signups in Vietnam", "Grow self-serve sign-ups in Vietnam"),
    ("เพิ่มยอดขายปี ๒๕๗๐", "เพิ่มยอดขายปี 2570"),
])
def test_duplicate_objective_across_teams(first, second):
    findings = lint(team_set("sales", objective("s-o1", first)), team_set("marketing", objective("m-o1", second)),
                    select="duplicate-objective")
    assert sorted(f.object_id for f in findings) == ["m-o1", "s-o1"]
    later = next(f for f in findings if f.object_id == "m-o1")
    assert later.message.startswith(f"team sales has the same objective '{first}'") and "similarity" in later.message
    earlier = next(f for f in findings if f.object_id == "s-o1")  # the pair worded alike at both ends (review 57)
    assert earlier.message.startswith(f"team marketing has the same objective '{second}'")
    assert later.message.endswith("agree on one owner and let the other team align to it")


def test_duplicate_objective_stays_quiet():
    same_team = lint(team_set("sales", objective("s-o1", "Grow self-serve signups in Vietnam"),
                              objective("s-o2", "Grow self-serve sign-ups in Vietnam")), select="duplicate-objective")
    assert same_team == []
    different = lint(team_set("sales", objective("s-o1", "Grow self-serve signups in Vietnam")),
                     team_set("marketing", objective("m-o1", "Grow partner-led sales in Indonesia")), select="duplicate-objective")
    assert different == []
    cascaded = lint(team_set("company", objective("co-o1", "Grow self-serve signups in Vietnam"), level="company"),
                    team_set("growth", objective("g-o1", "Win self-serve signups from Hanoi's clinics", ["co-o1"])),
                    select="duplicate-objective")
    assert cascaded == []  # a team's own take on the objective it aligns to


def test_an_objective_copied_from_the_one_it_aligns_to_is_reported_on_the_copy():
    copied = lint(team_set("company", objective("co-o1", "Grow self-serve signups in Vietnam"), level="company"),
                  team_set("growth", objective("g-o1", "Grow self-serve sign-ups in Vietnam", ["co-o1"])),
                  select="duplicate-objective")
    (finding,) = copied
    assert finding.object_id == "g-o1" and finding.message.startswith("restates the objective it aligns to (team company")


def test_duplicate_threshold_option():
    # (not two places: 'in Hanoi' and 'in Da Nang' are two objectives at any threshold, review 35 #11)
    docs = (team_set("sales", objective("s-o1", "Grow clinic sign-ups through the mobile app")),
            team_set("marketing", objective("m-o1", "Grow clinic sign-ups through the website")))
    assert lint(*docs, select="duplicate-objective") == []
    loose = lint(*docs, select="duplicate-objective", rule_options={"duplicate-objective": {"threshold": 0.6}})
    assert len(loose) == 2


def test_three_teams_with_one_objective_report_each_once():
    docs = [team_set(t, objective(f"{t}-o1", "Grow self-serve sign-ups in Vietnam")) for t in ("a", "b", "c")]
    findings = lint(*docs, select="duplicate-objective")
    assert sorted(f.object_id for f in findings) == ["a-o1", "b-o1", "c-o1"]
    first = next(f for f in findings if f.object_id == "a-o1")
    assert first.message.startswith("2 other objectives say the same")


def test_normalise():
    assert normalise("Grow self-serve Sign-ups, in Vietnam!") == "growselfservesignupsinvietnam"
    assert normalise("ปี ๒๕๗๐") == "ปี2570"


def test_finder_scales_by_buckets_not_pairs():
    texts = [f"Objective number {i} about topic {i * 7919 % 1000}" for i in range(2000)]
    texts += ["Grow self-serve signups in Vietnam", "Grow self-serve sign-ups in Vietnam"]
    pairs = NearDuplicateFinder(threshold=0.95).pairs(texts, groups=list(range(len(texts))))
    assert (2000, 2001) in {(p.first, p.second) for p in pairs}


def test_finder_rejects_bad_threshold():
    with pytest.raises(ValueError):
        NearDuplicateFinder(threshold=1.5)


# --- the example org ----------------------------------------------------------------------------------

def test_example_org_has_each_defect_once():
    engine = Engine(Config(select=["alignment"]))
    result = engine.run([str(ROOT / "examples" / "org")])
    assert result.errors == ()
    counts = names(result.findings)
    assert counts == {
        "dangling-reference": 1, "ambiguous-reference": 1, "unknown-team": 1, "orphan-objective": 1,
        "alignment-cycle": 2, "uncovered-objective": 1, "inverted-alignment": 1, "duplicate-objective": 2,
        "period-mismatch": 1, "unowned-dependency": 1, "too-many-dependencies": 1,
    }


# --- graph --------------------------------------------------------------------------------------------

def example_graph():
    engine = Engine(Config())
    result = engine.run([str(ROOT / "examples" / "org")])
    return alignment_graph(result.org, result.findings)


def test_graph_structure():
    graph = example_graph()
    objectives = [n for n in graph.nodes if n.kind == "objective"]
    assert len(objectives) == 23
    assert [t.level for t in graph.teams][:3] == ["company", "department", "department"]
    kinds = Counter(e.kind for e in graph.edges)
    assert kinds["aligns_to"] >= 18 and kinds["depends_on"] >= 10
    missing = {n.title for n in graph.nodes if n.kind == "missing"}
    assert missing == {"not found: co-o7", "no such team: design/ds-kr1", "ambiguous: csat-kr1"}
    by_uid = {n.uid: n for n in objectives}
    assert by_uid["d-o2"].highlight == "alignment" and "alignment-cycle" in by_uid["d-o2"].alignment_findings
    assert by_uid["tech-o2"].highlight is None


def test_mermaid_output():
    text = to_mermaid(example_graph())
    assert text.startswith("flowchart TD\n")
    assert 'subgraph t0["company (company)"]' in text
    assert "-.->|\"ma-kr1 → pf-kr1\"|" in text  # dependencies dashed, labelled
    assert "classDef alignment" in text and "\n  class " in text


def test_graphs_explain_their_colours_in_a_legend():
    from okrlint.report import Words

    text = to_mermaid(example_graph())
    assert 'subgraph legend["Legend"]' in text and "legend_alignment" in text.split("\n  class ")[-1]
    assert "legend_finding" not in text or "other findings" in text  # only the colours the graph uses
    thai = to_dot(example_graph(), Words("th"))
    assert "subgraph cluster_legend" in thai and "คำอธิบายสัญลักษณ์" in thai


def test_dot_output():
    text = to_dot(example_graph())
    assert text.startswith("digraph alignment {") and text.rstrip().endswith("}")
    assert "style=dashed" in text and 'fillcolor="#fde2e2"' in text and "subgraph cluster_0" in text


def test_json_output_round_trips():
    data = json.loads(to_json(example_graph()))
    keys = {n["key"] for n in data["nodes"]}
    assert all(e["from"] in keys and e["to"] in keys for e in data["edges"])
    assert {"aligns_to", "depends_on"} == {e["kind"] for e in data["edges"]}


def test_render_graph_rejects_unknown_format():
    with pytest.raises(ValueError):
        render_graph(example_graph(), "png")


def test_graph_label_escaping():
    org = load_org(team_set("a", objective("a-o1", 'Say "hello" & <wave>')))
    text = to_mermaid(alignment_graph(org))
    assert "#quot;hello#quot; #amp; #lt;wave#gt;" in text
    assert '\\"hello\\"' in to_dot(alignment_graph(org))


def test_graph_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["graph", str(ROOT / "examples" / "org"), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["nodes"]
    out = tmp_path / "org.dot"
    result = runner.invoke(main, ["graph", str(ROOT / "examples" / "org"), "--format", "dot", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("digraph")


def test_graph_command_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["graph"]).exit_code == 2
    assert runner.invoke(main, ["graph", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(main, ["graph", str(ROOT / "examples" / "org"), "--format", "png"]).exit_code == 2


def test_single_files_are_judged_only_on_what_the_run_holds(tmp_path):
    """Pre-commit passes single files: other teams' files are absent, not missing."""
    import json

    from click.testing import CliRunner

    from okrlint.cli import main

    org = tmp_path / "org"
    org.mkdir()
    (org / "company.okr.yaml").write_text(
        "team: company\nlevel: company\nobjectives:\n  - id: co-o1\n    title: Shops love us\n", encoding="utf-8")
    team = org / "sales.okr.yaml"
    team.write_text(
        "team: sales\nobjectives:\n  - id: s-o1\n    title: Win shops that stay\n    aligns_to: [co-o1]\n"
        "    key_results:\n      - title: Raise win rate with shops from 20% to 25%\n        depends_on: [finance/f-kr1]\n",
        encoding="utf-8")

    def names(*paths):
        result = CliRunner().invoke(main, ["check", *map(str, paths), "--format", "json", "--no-cache"])
        return {f["name"] for f in json.loads(result.stdout)["findings"]}

    whole = names(org)
    assert "unknown-team" in whole  # finance has no set in the org
    single = names(team)
    assert not {"unknown-team", "dangling-reference", "uncovered-objective"} & single


def test_a_team_copying_its_parents_key_result_into_columns_or_other_words():
    company = team_set("company", objective("co-o2", "Firms run their books with us", krs=[
        "Increase new paying firms per month from 60 to 110", "Cut monthly logo churn from 2.4% to 1.5%"]),
        level="company")
    sales = team_set("sales", objective("s-o1", "Win firms moving off spreadsheets", ["co-o2"], krs=[
        "title: Increase new paying firms per month\nbaseline: 60\ntarget: 110",
        "Reduce logo churn from 2.4% to 1.5% monthly",
        "Increase new paying firms per month from 60 to 90"]))  # other numbers: its own share of the goal
    found = sorted((f.location.line, f.message.split(" a key result")[0]) for f in lint(company, sales, select="shared-key-result"))
    assert found == [(8, "repeats word for word"), (11, "repeats in other words")]


def test_drafts_name_the_objectives_they_align_to_as_people_write_them(tmp_path):
    (tmp_path / "company.md").write_text(
        "# Acme company OKRs H1 2027\nLevel: company\n\n## Objective 1: Small clinics choose us first\n"
        "- KR1: Grow active clinics from 1,800 to 3,000\n\n## Objective 2: Clinics run their day without paper\n"
        "- KR1: Raise online bookings from 35% to 60%\n", encoding="utf-8")
    drafts = {
        "sales.md": "Aligns to: Company Objective 1",
        "product.md": "Supports: O2",
        "support.md": "Aligned with: CO-2",
        "success.md": "Parent objective: Small clinics choose us first",
        "ops.md": "สอดคล้องกับ: วัตถุประสงค์ที่ 2 ขององค์กร",
        "finance.md": "Aligns to: Objective 7",  # no such objective: still a dangling reference
    }
    for name, line in drafts.items():
        (tmp_path / name).write_text(f"# {name[:-3]} OKRs H1 2027\n\n## Objective 1: Do well\n{line}\n"
                                     "- KR1: Raise repeat bookings from 20% to 30%\n", encoding="utf-8")
    result = Engine(Config(select=["alignment"])).run([str(tmp_path)])
    index = OrgIndex(result.org)
    parents = {okr_set.file.rsplit("/", 1)[-1]: [p.title for o in okr_set.objectives for p in index.parents(o)]
               for okr_set in result.org.sets}
    assert parents == {
        "company.md": [], "sales.md": ["Small clinics choose us first"], "product.md": ["Clinics run their day without paper"],
        "support.md": ["Clinics run their day without paper"], "success.md": ["Small clinics choose us first"],
        "ops.md": ["Clinics run their day without paper"], "finance.md": [],
    }
    dangling = [f for f in result.findings if f.name == "dangling-reference"]
    assert [f.location.file.rsplit("/", 1)[-1] for f in dangling] == ["finance.md"]


def test_an_okr_file_names_ids_only():
    company = team_set("company", objective("co-o1", "Win clinics"), objective("co-o2", "Go paperless"), level="company")
    team = team_set("sales", objective("s-o1", "Win Chiang Mai", ["O2"]))
    assert names(lint(company, team)) == {"dangling-reference": 1, "uncovered-objective": 2}


def test_a_spreadsheet_cell_naming_another_teams_objective(tmp_path):
    (tmp_path / "e-commerce.csv").write_text(
        "Objective,Key result,Baseline,Target,Aligns to\nShoppers buy again online,Raise repeat orders,20%,30%,Store ops O1\n",
        encoding="utf-8")
    (tmp_path / "store-ops.csv").write_text(
        "Objective,Key result,Baseline,Target,Aligns to\nStores and the web feel like one shop,Raise click-and-collect orders,"
        "1000,2500,E-commerce O1\n", encoding="utf-8")
    result = Engine(Config(select=["alignment"])).run([str(tmp_path)])
    assert [f.name for f in result.findings] == ["alignment-cycle", "alignment-cycle"]


def test_a_plan_only_titled_company_wide_speaks_for_the_folder_once_a_team_aligns_to_it(tmp_path):
    (tmp_path / "riverbend.md").write_text("# Riverbend Reads — Organisation OKRs 2027\n\n## Objective 1: Children read with "
                                           "confidence\n- Raise pupils reading at level from 58% to 72%\n", encoding="utf-8")
    (tmp_path / "other-shop.md").write_text("# Shop OKRs 2027\n\n## Objective 1: Buyers come back\n"
                                            "- Raise repeat orders from 20% to 30%\n", encoding="utf-8")
    result = Engine(Config(select=["alignment"])).run([str(tmp_path)])
    assert result.findings == ()  # another organisation's plan beside it: no orphans, no uncovered objectives
    (tmp_path / "tutoring.md").write_text("# Tutoring team OKRs 2027\n\n## Objective 1: Pupils stay in tutoring\n"
                                          "Supports: Organisation O1\n- Cut drop-outs from 64 to 25\n", encoding="utf-8")
    result = Engine(Config(select=["alignment"])).run([str(tmp_path)])
    assert [(f.name, f.location.file.rsplit("/", 1)[-1]) for f in result.findings] == [("orphan-objective", "other-shop.md")]


def test_a_workbooks_team_sheets_align_to_its_company_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    company = book.active
    company.title = "Company"
    company.append(["Objective", "Key result", "Baseline", "Target"])
    company.append(["Clinics choose us first", "Grow paying clinics from 310 to 600", None, None])
    marketing = book.create_sheet("Marketing")
    marketing.append(["Objective", "Key result", "Baseline", "Target", "Aligns to"])
    marketing.append(["Clinics hear of us from their peers", "Raise referral sign-ups from 40 to 120", None, None, "Company O1"])
    book.save(tmp_path / "teams.okr.xlsx")
    result = Engine(Config(select=["alignment"])).run([str(tmp_path)])
    index = OrgIndex(result.org)
    (team,) = [s for s in result.org.sets if s.team == "Marketing"]
    assert [p.title for p in index.parents(team.objectives[0])] == ["Clinics choose us first"]
    assert not [f for f in result.findings if f.name == "dangling-reference"]


def test_a_line_under_an_objective_heading_is_its_description_and_may_say_what_it_supports(tmp_path):
    (tmp_path / "company.md").write_text("# Tallyfox — Company OKRs H1 2027\n\n## Objective 1: Small firms choose us\n"
                                         "- Grow paying firms from 1,900 to 3,200\n\n## Objective 2: Firms stay\n"
                                         "- Cut monthly churn from 2.4% to 1.2%\n", encoding="utf-8")
    (tmp_path / "growth.md").write_text("# Growth team OKRs — H1 2027\n\n## Objective 1: Trials turn into paying firms\n"
                                        "This supports company objective 1.\n\n- Raise trial-to-paid from 12% to 20%\n",
                                        encoding="utf-8")
    (tmp_path / "people.md").write_text("# People team OKRs\n\n## Objective 1: Managers are why people stay\n"
                                        "In support of company objective 2.\n\n- Cut regretted attrition from 9% to 5%\n",
                                        encoding="utf-8")
    result = Engine(Config(select=["alignment", "objective-has-metric"])).run([str(tmp_path)])
    index = OrgIndex(result.org)
    titles = {s.team: [(o.title, [p.title for p in index.parents(o)]) for o in s.objectives] for s in result.org.sets}
    assert titles["growth"] == [("Trials turn into paying firms", ["Small firms choose us"])]
    assert titles["people"] == [("Managers are why people stay", ["Firms stay"])]
    assert result.findings == ()
