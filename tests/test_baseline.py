"""Baselines: today's findings are recorded; later runs report only new ones, whatever lines moved."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.baseline import BaselineError, filter_new, key_of, read_baseline, write_baseline
from okrlint.cli import main
from okrlint.model import Finding, Location, Severity

SET = """team: growth
objectives:
  - id: g-o1
    title: Win shops that stay with us
    key_results:
      - id: g-o1-kr1
        title: Launch the referral page
      - title: Hold webinars
"""


def invoke(args, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_write_then_check_reports_nothing_until_a_new_finding(tmp_path):
    okr = tmp_path / "growth.okr.yaml"
    okr.write_text(SET)
    before = invoke(["check", "growth.okr.yaml", "--format", "json"], tmp_path)
    count = len(json.loads(before.stdout)["findings"])
    assert count > 0

    written = invoke(["check", "growth.okr.yaml", "--write-baseline", ".okrlint-baseline.json"], tmp_path)
    assert written.exit_code == 0
    assert f"recorded {count} findings" in written.stderr

    again = invoke(["check", "growth.okr.yaml", "--baseline", ".okrlint-baseline.json"], tmp_path)
    assert again.exit_code == 0, again.stdout
    assert f"{count} findings hidden" in again.stderr

    # Lines move (a comment and a reworded KR with an id) but nothing new: still clean.
    okr.write_text("# planning draft v2\n\n" + SET.replace("Launch the referral page", "Launch the referral hub"))
    moved = invoke(["check", "growth.okr.yaml", "--baseline", ".okrlint-baseline.json"], tmp_path)
    assert moved.exit_code == 0, moved.stdout

    # A new objective brings new findings: only those are reported.
    okr.write_text(SET + "  - id: g-o2\n    title: Grow revenue by 30% in Laos\n")
    new = invoke(["check", "growth.okr.yaml", "--baseline", ".okrlint-baseline.json", "--format", "json"], tmp_path)
    assert new.exit_code == 1
    reported = json.loads(new.stdout)["findings"]
    assert reported and {f["object_id"] for f in reported} == {"g-o2"}


def test_baseline_works_from_another_directory(tmp_path):
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "growth.okr.yaml").write_text(SET)
    invoke(["check", "okrs", "--write-baseline", "baseline.json"], tmp_path)
    inside = invoke(["check", ".", "--baseline", "../baseline.json"], tmp_path / "okrs")
    assert inside.exit_code == 0, inside.stdout


def _finding(message: str, object_id: str = "", line: int = 1) -> Finding:
    return Finding(location=Location("a.okr.yaml", line, 1), code="STR006", name="unknown-field",
                   category="structure", severity=Severity.WARNING, message=message, object_id=object_id)


def test_findings_without_an_id_are_keyed_by_normalised_message(tmp_path):
    path = tmp_path / "b.json"
    write_baseline(path, [_finding("unknown key 'key_result' at  line 3")])
    kept = filter_new(path, [_finding("unknown key 'key_result' at line 9", line=9), _finding("unknown key 'ownr'")])
    assert [f.message for f in kept.new] == ["unknown key 'ownr'"]
    assert kept.baselined == 1


def test_repeated_findings_are_counted(tmp_path):
    path = tmp_path / "b.json"
    write_baseline(path, [_finding("x", "o1"), _finding("y", "o1")])
    kept = filter_new(path, [_finding("x", "o1"), _finding("y", "o1"), _finding("z", "o1")])
    assert len(kept.new) == 1 and kept.baselined == 2
    assert sum(read_baseline(path).values()) == 2
    assert key_of(_finding("x", "o1"), tmp_path).message == ""


@pytest.mark.parametrize("content, expected", [
    ("{not json", "not a JSON baseline"),
    ('{"findings": []}', "not an okrlint baseline"),
    ('{"okrlint_baseline": 1, "findings": [{"code": "X"}]}', "finding #1 lacks"),
])
def test_bad_baseline_files_are_clear_errors(tmp_path, content, expected):
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(BaselineError, match=expected):
        read_baseline(path)
    (tmp_path / "a.okr.yaml").write_text(SET)
    result = invoke(["check", "a.okr.yaml", "--baseline", "b.json"], tmp_path)
    assert result.exit_code == 2 and expected in result.stderr


def test_missing_baseline_file_is_a_usage_error(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(SET)
    result = invoke(["check", "a.okr.yaml", "--baseline", "nope.json"], tmp_path)
    assert result.exit_code == 2 and "cannot read" in result.stderr


def test_a_key_result_inserted_before_others_brings_only_its_own_findings(tmp_path):
    # Key results without ids are known by their titles, not by their place (team/o1/kr2 counts positions).
    okr = tmp_path / "growth.okr.yaml"
    body = ("team: growth\nobjectives:\n  - id: gr-o1\n    title: More shops order online\n    key_results:\n"
            "      - title: Launch the new ordering page\n      - title: Raise online orders from 1,200 to 2,000 a month\n")
    okr.write_text(body)
    invoke(["check", "growth.okr.yaml", "--write-baseline", "base.json"], tmp_path)
    okr.write_text(body.replace("    key_results:\n", "    key_results:\n      - title: Organise a team offsite\n"))
    result = invoke(["check", "growth.okr.yaml", "--baseline", "base.json", "--format", "json"], tmp_path)
    reported = json.loads(result.stdout)["findings"]
    assert reported and {f["line"] for f in reported} == {6}, reported


def test_a_baseline_written_before_titles_were_kept_still_matches_by_id(tmp_path):
    okr = tmp_path / "growth.okr.yaml"
    okr.write_text(SET)
    invoke(["check", "growth.okr.yaml", "--write-baseline", "base.json"], tmp_path)
    document = json.loads((tmp_path / "base.json").read_text())
    for entry in document["findings"]:
        entry.pop("subject", None)
    (tmp_path / "base.json").write_text(json.dumps(document))
    again = invoke(["check", "growth.okr.yaml", "--baseline", "base.json"], tmp_path)
    assert again.exit_code == 0, again.stdout
