"""Every output format rendered on a realistic multi-team org (English and Thai), plus escaping,
SARIF schema validation, CI formats, output routing, and the HTML report in a real headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint import __version__
from okrlint.cli import main
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.report import ReportContext
from okrlint.report.builtin import okrlint_reporters

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "schemas"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

ORG = {
    "company.okr.yaml": """\
team: company
level: company
period: 2026-H1
owner: CEO
language: en
objectives:
  - id: co-o1
    title: Be the bakery-supply partner independent cafés recommend to each other
    key_results:
      - id: co-o1-kr1
        title: Grow active café customers from 310 to 450
      - id: co-o1-kr2
        title: Raise repeat-order rate from 52% to 65%
  - id: co-o2
    title: Deliver every order fresh and on time
    key_results:
      - id: co-o2-kr1
        title: Cut late deliveries from 8% to 3%
      - id: co-o2-kr2
        title: Reduce spoiled-goods refunds from 2.5% to 1%
""",
    "sales.okr.yaml": """\
team: sales
period: 2026-Q1
owner: Head of Sales
objectives:
  - id: sales-o1
    title: Win cafés that order every week
    aligns_to: [company/co-o1]
    key_results:
      - id: sales-o1-kr1
        title: Increase new café sign-ups from 20 to 35 a month
      - id: sales-o1-kr2
        title: Hold 10 tasting days
      - id: sales-o1-kr3
        title: Improve our reputation | among baristas
  - id: sales-o2
    title: "<script>alert(1)</script> pipeline"
    aligns_to: [co-o9]
    key_results:
      - id: sales-o2-kr1
        title: Raise trial-to-contract conversion from TBD to 30%
""",
    "logistics.okr.yaml": """\
team: logistics
period: ไตรมาส 1/2569
owner: ผู้จัดการฝ่ายขนส่ง
language: th
objectives:
  - id: log-o1
    title: ลูกค้าได้รับสินค้าสดใหม่ตรงเวลาทุกครั้ง
    aligns_to: co-o2
    key_results:
      - id: log-o1-kr1
        title: ลดสัดส่วนการส่งสินค้าล่าช้าจาก 8% เหลือ 3%
      - id: log-o1-kr2
        title: ปรับปรุงระบบจัดเส้นทางให้ดีขึ้น
      - id: log-o1-kr3
        title: เพิ่มคะแนนความพึงพอใจของลูกค้าต่อการจัดส่งจาก 3.9 เป็น 4.5
""",
}


@pytest.fixture(scope="module")
def org_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("org")
    for name, text in ORG.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def result(org_dir):
    return Engine(Config()).run([str(org_dir)])


def render(result, name: str) -> str:
    reporters = {r.name: r for r in okrlint_reporters()}
    return reporters[name].render(ReportContext(result=result, version=__version__))


def test_the_org_has_findings_of_every_severity_it_needs(result):
    assert not result.errors
    assert len(result.org.sets) == 3
    assert {f.team for f in result.findings} >= {"sales", "logistics"}


# --- HTML -----------------------------------------------------------------------------------------

def test_html_is_self_contained_and_complete(result):
    html = render(result, "html")
    assert html.startswith("<!DOCTYPE html>")
    for forbidden in ("<script", "http://", "https://", "<link", "@import", "src="):
        assert forbidden not in html.replace('xmlns="http://www.w3.org/2000/svg"', ""), forbidden
    assert "Sarabun" in html and "Noto Sans Thai" in html
    assert "<svg" in html and "Org health" in html
    for text in ("ลูกค้าได้รับสินค้าสดใหม่ตรงเวลาทุกครั้ง", "Win cafés that order every week", "co-o1-kr1",
                 "Customer lifecycle coverage", "acquisition", "retention", "Alignment"):
        assert text in html, text
    # findings appear inline under their key result, with their position
    finding = next(f for f in result.findings if f.object_id == "sales-o1-kr2")
    assert str(finding.location) in html


def test_html_escapes_okr_text(result):
    html = render(result, "html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_template_directory_overrides(result, tmp_path):
    (tmp_path / "report.html.j2").write_text(
        "<p>{{ overview.score }}{% for t in overview.teams %}{% for o in t.objectives %} {{ o.objective.title }}"
        "{% endfor %}{% endfor %}</p>")
    reporters = {r.name: r for r in okrlint_reporters()}
    html = reporters["html"].render(ReportContext(result=result, template_dir=str(tmp_path)))
    assert "&lt;script&gt;" in html  # autoescape stays on for an organisation's own template


def test_a_broken_template_is_a_one_line_error(org_dir, tmp_path):
    (tmp_path / "report.html.j2").write_text("{% for x in %}")
    (tmp_path / "okrlint.toml").write_text(f'template-dir = "{tmp_path.as_posix()}"\n')
    run = CliRunner().invoke(main, ["check", str(org_dir), "--format", "html", "--config", str(tmp_path / "okrlint.toml")])
    assert run.exit_code == 2, run.output
    assert "report.html.j2" in run.output and "Traceback" not in run.output


def test_scores_follow_findings(result):
    from okrlint.report.overview import build_overview

    overview = build_overview(result)
    teams = {t.team: t for t in overview.teams}
    assert 0 <= overview.score <= 100
    clean = [o for t in overview.teams for o in t.objectives if not o.all_findings]
    assert all(o.score == 100 for o in clean)
    assert teams["sales"].score < 100
    sales_o1 = next(o for o in teams["sales"].objectives if o.objective.id == "sales-o1")
    assert sales_o1.score == 100 - sum({3: 15, 2: 6, 1: 1}[int(f.severity)] for f in sales_o1.all_findings)


# --- Markdown -------------------------------------------------------------------------------------

def test_markdown_tables_survive_pipes_and_html(result):
    import re

    md = render(result, "markdown")
    assert "| Team |" in md and "### sales" in md and "### logistics" in md
    assert "Improve our reputation \\| among baristas" in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    columns = None
    for line in md.splitlines():
        if not line.startswith("|"):
            columns = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        columns = columns or cells  # the header row of this table
        assert cells == columns, line


def test_markdown_escape():
    from okrlint.report.human import markdown_escape

    assert markdown_escape("a | b") == "a \\| b"
    assert markdown_escape("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert markdown_escape("two\nlines") == "two lines"
    assert markdown_escape("*bold* _it_") == "\\*bold\\* \\_it\\_"


# --- SARIF ----------------------------------------------------------------------------------------

def test_sarif_shape(result):
    doc = json.loads(render(result, "sarif"))
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert doc["version"] == "2.1.0"
    rule = next(r for r in rules if r["name"] == "kr-not-measurable")
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    assert "```" in rule["help"]["markdown"] and rule["help"]["text"]
    assert rule["helpUri"].endswith("#kr-not-measurable")
    first = run["results"][0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert first["level"] in ("error", "warning", "note")
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]


def test_sarif_validates_against_the_schema(result):
    schema_path = SCHEMAS / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip(f"{schema_path} is not here")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render(result, "sarif")), schema)


def test_fingerprints_ignore_line_moves(org_dir, tmp_path, monkeypatch):
    moved = tmp_path / "org"
    shutil.copytree(org_dir, moved)
    sales = moved / "sales.okr.yaml"
    sales.write_text("# a comment that moves every line down\n\n" + sales.read_text(encoding="utf-8"), encoding="utf-8")

    def sales_prints(root: Path) -> list[str]:
        monkeypatch.chdir(root)  # same relative file names in both runs
        doc = json.loads(render(Engine(Config()).run(["."]), "sarif"))
        results = [r for r in doc["runs"][0]["results"]
                   if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sales.okr.yaml"]
        return sorted(r["partialFingerprints"]["okrlintFingerprint/v1"] for r in results)

    before, after = sales_prints(org_dir), sales_prints(moved)
    assert before and before == after
    assert len(set(before)) == len(before)  # unique within a run


def test_sarif_carries_the_sheet():
    from okrlint.model import Finding, Location, Severity
    from okrlint.report.sarif import _location

    finding = Finding(Location("okrs.xlsx", 12, 3, sheet="Marketing"), "MEA001", "kr-not-measurable",
                      "measurability", Severity.ERROR, "no target", "mkt-o1-kr1", "key_result", "marketing")
    location = _location(finding)
    assert location["properties"] == {"sheet": "Marketing", "cell": "C12"}
    assert location["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 3}


# --- CI formats -----------------------------------------------------------------------------------

def test_github_annotations(result):
    out = render(result, "github")
    lines = out.splitlines()
    assert len(lines) == len(result.findings)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(",title=MEA" in line for line in lines)


def test_github_escaping():
    from okrlint.report.ci import escape_data, escape_property

    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_junit_is_valid_xml_with_a_testsuite_per_set_and_a_testcase_per_finding(result):
    root = ET.fromstring(render(result, "junit"))
    suites = root.findall("testsuite")
    assert {s.get("name").split(" (")[0] for s in suites} >= {"company", "sales", "logistics"}
    cases = root.findall(".//testcase")
    assert all(len(case.findall("failure")) <= 1 for case in cases)  # one failure per testcase
    assert len(root.findall(".//failure")) == len(result.findings) == int(root.get("failures"))
    assert int(root.get("tests")) == len(cases) == sum(int(s.get("tests")) for s in suites)


def test_junit_escapes_control_characters():
    from okrlint.model import Org
    from okrlint.engine import RunResult
    from okrlint.model import Finding, Location, Severity

    finding = Finding(Location("a.okr.yaml", 1, 1), "MEA001", "kr-not-measurable", "measurability", Severity.ERROR,
                      "bad \x07 bell & <tag> \"q\"", "x", "key_result", "a")
    fake = RunResult(org=Org(()), findings=(finding,), errors=(), warnings=(), files=1, rules=(), analyser=None)
    root = ET.fromstring(render(fake, "junit"))
    assert "<tag>" in root.find(".//failure").get("message")


def test_gitlab_code_quality(result):
    issues = json.loads(render(result, "gitlab"))
    assert len(issues) == len(result.findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"].endswith(".okr.yaml") and issue["location"]["lines"]["begin"] >= 1
        assert issue["description"] and issue["check_name"]


# --- CLI routing ----------------------------------------------------------------------------------

def test_several_outputs_in_one_run(org_dir, tmp_path):
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    run = CliRunner().invoke(main, ["check", str(org_dir), "--format", "text", "--format", f"sarif:{sarif}",
                                    "--format", f"junit:{junit}"])
    assert run.exit_code == 1, run.output
    assert "Found" in run.output
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    ET.fromstring(junit.read_text(encoding="utf-8"))


@pytest.mark.parametrize("args, message", [
    (["--format", "text", "--format", "json"], "only one format can go to standard output"),
    (["--format", "nope"], "unknown format 'nope'"),
    (["--format", "sarif:"], "give a file name"),
    (["--format", "sarif:/no/such/dir/x.sarif"], "does not exist"),
])
def test_bad_output_specs_are_usage_errors(org_dir, args, message):
    run = CliRunner().invoke(main, ["check", str(org_dir), *args])
    assert run.exit_code == 2
    assert message in run.output
    assert "Traceback" not in run.output


def test_output_file_picks_the_format_from_its_extension(org_dir, tmp_path):
    target = tmp_path / "report.sarif"
    run = CliRunner().invoke(main, ["check", str(org_dir), "-o", str(target)])
    assert run.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_report_command_writes_html(org_dir, tmp_path):
    target = tmp_path / "report.html"
    run = CliRunner().invoke(main, ["report", str(org_dir), "-o", str(target)])
    assert run.exit_code == 1
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    clean = CliRunner().invoke(main, ["report", str(org_dir), "-o", str(target), "--exit-zero"])
    assert clean.exit_code == 0


def test_progress_bar_only_on_a_terminal_for_large_runs():
    import io

    from okrlint.progress import FileProgress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    quiet = io.StringIO()
    progress = FileProgress(stream=quiet, min_files=3)
    for done in range(1, 11):
        progress(done, 10)
    progress.close()
    assert quiet.getvalue() == ""

    tty = Tty()
    progress = FileProgress(stream=tty, min_files=3)
    for done in range(1, 11):
        progress(done, 10)
    progress.close()
    assert "Linting" in tty.getvalue() and "10/10" in tty.getvalue()

    small = Tty()
    progress = FileProgress(stream=small, min_files=300)
    progress(1, 2)
    progress.close()
    assert small.getvalue() == ""


# --- a real browser -------------------------------------------------------------------------------

@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_report_renders_in_headless_chromium(result, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render(result, "html"), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    if shot.exists():
        shot.unlink()
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000",
        page.as_uri(),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert shot.exists(), completed.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a blank page is a few kilobytes; the report is much more


def test_grouped_output_names_each_file_and_sheet_once(tmp_path):
    from click.testing import CliRunner as Runner

    from okrlint.cli import main as cli_main

    for name in ("a", "b"):
        (tmp_path / f"{name}.okr.yaml").write_text(
            f"team: {name}\nperiod: 2027-Q1\nobjectives:\n  - title: Customers love us\n    key_results:\n"
            "      - Launch the new portal\n      - Run 4 webinars\n", encoding="utf-8")
    grouped = Runner().invoke(cli_main, ["check", str(tmp_path), "--no-cache", "--format", "grouped"]).stdout
    text = Runner().invoke(cli_main, ["check", str(tmp_path), "--no-cache"]).stdout
    headers = [line for line in grouped.splitlines() if line.endswith(".okr.yaml")]
    assert [h.rsplit("/", 1)[-1] for h in headers] == ["a.okr.yaml", "b.okr.yaml"]
    items = [line.strip() for line in grouped.splitlines() if line.startswith("  ")]
    finding_lines = [line for line in text.splitlines() if ".okr.yaml:" in line]
    assert len(items) == len(finding_lines) and any(item.startswith("6:9: ") for item in items)
    assert grouped.splitlines()[-1] == text.splitlines()[-1]  # the same summary
