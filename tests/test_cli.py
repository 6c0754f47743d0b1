"""The command line: exit codes, formats, selection, stdin, and a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
CLEAN = """\
team: support
objectives:
  - id: sup-o1
    title: Shop owners get their problems solved on first contact
    key_results:
      - id: sup-o1-kr1
        title: Raise first-contact resolution for shop owners from 58% to 72%
      - id: sup-o1-kr2
        title: Cut median first-response time for customers from 9 hours to 2 hours
"""
BAD = CLEAN.replace("Raise first-contact resolution for shop owners from 58% to 72%", "Launch the new help centre")


@pytest.fixture
def okr_dir(tmp_path):
    (tmp_path / "clean.okr.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "bad.okr.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("not: an okr file\n", encoding="utf-8")
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_clean_file_exits_0(okr_dir):
    result = run("check", str(okr_dir / "clean.okr.yaml"))
    assert result.exit_code == 0, result.output
    assert "All checks passed" in result.output


def test_directory_is_searched_recursively_for_okr_files_only(okr_dir):
    result = run("check", str(okr_dir), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    files = {Path(f["file"]).name for f in document["findings"]}
    assert files == {"bad.okr.yaml"}
    assert document["summary"]["files"] == 2


def test_text_output_is_file_line_col_severity_code_name(okr_dir):
    result = run("check", str(okr_dir / "nested" / "bad.okr.yaml"))
    line = next(l for l in result.output.splitlines() if "MEA005" in l)
    location, severity, rest = line.split(": ", 2)
    assert location.endswith("bad.okr.yaml:7:16")
    assert severity == "warning"  # as compilers write it: editors' and CI problem matchers read it
    assert rest.startswith("MEA005 [kr-is-activity] ")
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_json_matches_the_contract(okr_dir):
    document = json.loads(run("check", str(okr_dir), "--format", "json").stdout)
    assert set(document) >= {"okrlint_version", "findings", "objects", "summary"}
    finding = document["findings"][0]
    assert list(finding)[:10] == ["code", "name", "category", "severity", "message", "file", "line", "column",
                                  "object_id", "object_kind"]
    assert set(document["summary"]) == {"files", "objectives", "key_results", "errors", "warnings", "infos"}
    kinds = {o["kind"] for o in document["objects"]}
    assert kinds == {"objective", "key_result"}
    for obj in document["objects"]:
        assert set(obj) >= {"id", "kind", "team", "file", "line", "tags"}
        assert ("customer" in obj["tags"]) != ("internal" in obj["tags"])
        if obj["kind"] == "key_result":
            assert ("outcome" in obj["tags"]) != ("activity" in obj["tags"])


@pytest.mark.parametrize(
    "selector, expect_codes",
    [
        ("MEA005", {"MEA005"}),
        ("kr-is-activity", {"MEA005"}),
        ("MEA", {"MEA001", "MEA005", "MEA006"}),
        ("measurability", {"MEA001", "MEA005", "MEA006"}),
    ],
)
def test_select_by_code_name_prefix_or_category(okr_dir, selector, expect_codes):
    document = json.loads(run("check", str(okr_dir), "--format", "json", "--select", selector).stdout)
    assert {f["code"] for f in document["findings"]} <= expect_codes
    assert {f["code"] for f in document["findings"]} & expect_codes


def test_ignore_and_exit_zero(okr_dir):
    result = run("check", str(okr_dir), "--ignore", "measurability")
    assert "MEA" not in result.output
    assert run("check", str(okr_dir), "--exit-zero").exit_code == 0


def test_fail_level(okr_dir):
    assert run("check", str(okr_dir), "--select", "MEA005", "--fail-level", "error").exit_code == 0
    assert run("check", str(okr_dir), "--select", "MEA005", "--fail-level", "warning").exit_code == 1


def test_unknown_selector_is_a_usage_error(okr_dir):
    result = CliRunner().invoke(main, ["check", str(okr_dir), "--select", "kr-is-activty"])
    assert result.exit_code == 2
    assert "did you mean 'kr-is-activity'" in result.output


def test_stdin_with_filename():
    result = run("check", "-", "--stdin-filename", "team.okr.yaml", input=BAD)
    assert result.exit_code == 1
    assert "team.okr.yaml:7:16: warning: MEA005" in result.output


def test_stdin_without_a_name_is_read_as_yaml_or_as_a_draft_by_its_content():
    assert "stdin.okr.yaml:7:16: warning: MEA005" in run("check", "-", input=BAD).output
    draft = "วัตถุประสงค์: ลูกค้าได้รับคำตอบเร็วขึ้น\nผลลัพธ์หลัก:\n1. จัดอบรมพนักงาน 2 ครั้ง\n2. ลดเวลาตอบกลับจาก 10 ชั่วโมง เป็น 2 ชั่วโมง\n"
    result = run("check", "-", input=draft)
    assert "stdin.okr.md:3:4: warning: MEA005" in result.output and "unknown-field" not in result.output


def test_bad_file_exits_2_and_others_are_still_linted(okr_dir):
    (okr_dir / "broken.okr.yaml").write_text("team: x\nobjectives:\n  - title: [oops\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(okr_dir)])
    assert result.exit_code == 2
    assert "broken.okr.yaml:3:12: error: invalid YAML: the [ list that starts here is never closed" in result.stderr
    assert "bad.okr.yaml:7:16: warning: MEA005" in result.stdout
    assert "Traceback" not in result.output


def test_missing_path_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.okr.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_rules_and_explain():
    listing = run("rules").output
    for name in ("kr-not-measurable", "kr-missing-baseline", "kr-placeholder", "kr-direction-mismatch",
                 "kr-is-activity", "objective-has-metric", "vague-language", "kr-count", "no-customer-focus"):
        assert name in listing
    text = run("explain", "MEA005").output
    assert "kr-is-activity" in text and "[th]" in text and "[en]" in text and "Bad" in text and "Good" in text
    assert run("explain", "kr-is-activity").output == text
    assert CliRunner().invoke(main, ["explain", "nonsense"]).exit_code == 2


def test_version():
    assert "okrlint 0.1.0" in run("--version").output


def test_real_subprocess_on_the_examples():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "okrlint", "check", "examples/", "--format", "json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    document = json.loads(proc.stdout)
    assert document["summary"]["files"] >= 5
    assert "Traceback" not in proc.stderr


def test_rule_reference_lists_every_builtin_rule():
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    listing = run("rules", "--format", "json").output
    for row in json.loads(listing):
        if row["origin"].startswith("okrlint"):
            assert f"## {row['name']}" in reference, f"regenerate docs/rules.md: {row['name']} is missing"


def test_explain_says_how_to_silence_or_configure_the_rule():
    output = run("explain", "kr-count").output
    assert "# okrlint: disable=kr-count" in output and 'ignore = ["kr-count"]' in output
    assert "[rules.kr-count] min = ..." in output
