"""An unchanged run replays its last reports from the cache; any change in what the reports depend on
lints again."""

import json

import pytest
from click.testing import CliRunner

from okrlint import replay
from okrlint.cli import main
from okrlint.engine import Engine

KRS = "    key_results:\n      - Launch the loyalty page\n      - Cut churn of shops from 5% to 3%\n"


@pytest.fixture
def org(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OKRLINT_CACHE", str(tmp_path / ".okrlint_cache"))
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    (okrs / "a.okr.yaml").write_text(f"team: a\nobjectives:\n  - title: Make small shops love our app\n{KRS}")
    (okrs / "b.okr.yaml").write_text(f"team: b\nobjectives:\n  - title: Pay suppliers on time\n{KRS}")
    (okrs / "broken.okr.yaml").write_text("team: x\nobjectives: [\n")
    return okrs


@pytest.fixture
def runs(monkeypatch):
    """Counts the runs that really lint."""
    calls = []
    original = Engine.run
    monkeypatch.setattr(Engine, "run", lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    return calls


def check(*args):
    result = CliRunner().invoke(main, ["check", *map(str, args)], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_an_unchanged_run_is_replayed_byte_for_byte(org, runs):
    first = check(org, "--format", "json")
    assert len(runs) == 1 and first[0] == 2 and "broken.okr.yaml" in first[2]
    second = check(org, "--format", "json")
    assert second == first and len(runs) == 1
    assert json.loads(second[1])["summary"]["files"] == 3


def test_a_changed_byte_a_new_file_or_other_options_lint_again(org, runs):
    check(org)
    (org / "b.okr.yaml").write_text(f"team: b\nobjectives:\n  - title: Pay suppliers on time!\n{KRS}")
    check(org)
    assert len(runs) == 2
    (org / "c.okr.yaml").write_text(f"team: c\nobjectives:\n  - title: Keep the lights on\n{KRS}")
    check(org)
    assert len(runs) == 3
    for options in (["--format", "json"], ["--fail-level", "error"], ["--exit-zero"], ["--ignore", "kr-is-activity"],
                    ["--color"]):
        check(org, *options)
    assert len(runs) == 8
    check(org, "--fail-level", "error")
    assert len(runs) == 8


def test_reports_written_to_files_are_replayed(org, runs):
    first = check(org, "--format", "sarif:out.sarif", "--format", "junit:out.xml", "--format", "text")
    sarif, junit = (org.parent / "out.sarif").read_bytes(), (org.parent / "out.xml").read_bytes()
    (org.parent / "out.sarif").unlink()
    (org.parent / "out.xml").write_text("stale")
    assert check(org, "--format", "sarif:out.sarif", "--format", "junit:out.xml", "--format", "text") == first
    assert len(runs) == 1
    assert (org.parent / "out.sarif").read_bytes() == sarif and (org.parent / "out.xml").read_bytes() == junit


def test_html_reports_and_standard_input_are_never_replayed(org, runs):
    check(org, "--format", "html:report.html")
    check(org, "--format", "html:report.html")
    assert len(runs) == 2
    text = (org / "a.okr.yaml").read_text()
    for _ in range(2):
        CliRunner().invoke(main, ["check", "-", "--stdin-filename", "a.okr.yaml"], input=text)
    assert len(runs) == 4


def test_a_changed_baseline_lints_again(org, runs):
    assert check(org, "--write-baseline", "base.json")[0] == 2  # the broken file
    first = check(org, "--baseline", "base.json")
    assert check(org, "--baseline", "base.json") == first and len(runs) == 2
    (org.parent / "base.json").write_text('{"version": 1, "findings": []}')
    check(org, "--baseline", "base.json")
    assert len(runs) == 3


def test_internal_error_findings_are_not_replayed(org, runs, monkeypatch):
    from okrlint.model import Finding, Location, Severity
    from okrlint.rules.registry import INTERNAL_ERROR

    original = Engine.check_org

    def failing(self, org_):
        return [*original(self, org_), Finding(Location("okrs/a.okr.yaml", 1, 1), INTERNAL_ERROR.code, INTERNAL_ERROR.name,
                                               INTERNAL_ERROR.category, Severity.ERROR, "a rule timed out")]

    monkeypatch.setattr(Engine, "check_org", failing)
    check(org, "--no-cache")
    first = check(org)
    assert "a rule timed out" in first[1]
    check(org)
    assert len(runs) == 3


def test_only_a_few_recent_runs_are_kept(org, monkeypatch):
    monkeypatch.setattr(replay, "RUNS_KEPT", 2)
    for level in ("error", "warning", "info"):
        check(org, "--fail-level", level)
    kept = list((org.parent / ".okrlint_cache").rglob("run.json"))
    assert len(kept) == 2


def test_a_damaged_replay_lints_again(org, runs):
    first = check(org)
    for stored in (org.parent / ".okrlint_cache").rglob("runs/*/0"):
        stored.unlink()
    assert check(org) == first and len(runs) == 2
    for meta in (org.parent / ".okrlint_cache").rglob("run.json"):
        meta.write_text("not json")
    assert check(org) == first and len(runs) == 3


def test_no_cache_neither_reads_nor_writes_replays(org, runs, monkeypatch):
    monkeypatch.delenv("OKRLINT_CACHE")
    check(org, "--no-cache")
    check(org, "--no-cache")
    assert len(runs) == 2 and not (org.parent / ".okrlint_cache").exists()
