"""Review 41 (git, pre-commit, CI, a rule pack and a plugin): the hook reads one run as one org, reference findings
point at the entry at fault, a failed configured plugin shows in every report, a broken plugin is named when its
rules are selected, the configuration is found from the paths given, and baselines and fingerprints survive a
renamed file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import attrs
import yaml
from click.testing import CliRunner

from okrlint.cli import main

ROOT = Path(__file__).resolve().parents[1]

COMPANY = """team: acme
level: company
objectives:
  - id: co-o1
    title: Shops trust us with their busiest days
    key_results:
      - id: co-o1-kr1
        title: Raise checkout availability from 99.5% to 99.95%
"""

# a block list and a flow list, each with a good reference first and a dangling one after it
TEAM = """team: sales
objectives:
  - id: s-o1
    title: Shops that try us stay with us
    aligns_to:
      - acme/co-o1
      - acme/co-o7
    key_results:
      - id: s-o1-kr1
        title: Cut churn of new shops from 9% to 5%
        depends_on: [acme/co-o1-kr1, acme/co-o1-kr9]
  - id: s-o2
    title: ร้านค้าใหม่ได้รับการดูแลที่รวดเร็ว
    aligns_to: [acme/co-o1, acme/co-o8]
    key_results:
      - id: s-o2-kr1
        title: ลดเวลาตอบกลับร้านค้าใหม่จาก 6 ชั่วโมงเหลือ 1 ชั่วโมง
"""


def invoke(args, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [*args, "--no-cache"] if args[0] == "check" else args,
                                  catch_exceptions=False)
    finally:
        os.chdir(old)


def _org(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (folder / "sales.okr.yaml").write_text(TEAM, encoding="utf-8")
    return folder


# --- 1. pre-commit ---------------------------------------------------------------------------------


def test_both_hooks_run_one_process_for_all_their_files():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"okrlint", "okrlint-documents"}
    assert all(h["require_serial"] is True for h in hooks)


# --- 2. each reference's own place ---------------------------------------------------------------


def _dangling(tmp_path, *extra):
    _org(tmp_path)
    result = invoke(["check", ".", "--select", "dangling-reference", "--format", "json", *extra], tmp_path)
    return {f["message"].split("'")[1]: (f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]}


def test_a_dangling_reference_points_at_its_own_entry_not_at_the_list(tmp_path):
    found = _dangling(tmp_path)
    lines = TEAM.splitlines()
    for text, (line, column) in found.items():
        assert lines[line - 1][column - 1:].startswith(text), (text, lines[line - 1])
    assert set(found) == {"acme/co-o7", "acme/co-o1-kr9", "acme/co-o8"}
    assert found["acme/co-o7"][0] == 7  # the second line of the block list, not the first (a valid reference)


def test_the_place_is_the_same_in_thai_messages_and_in_sarif(tmp_path):
    _org(tmp_path)
    result = invoke(["check", ".", "--select", "ALN001", "--format", "sarif", "--messages", "th"], tmp_path)
    regions = sorted((r["locations"][0]["physicalLocation"]["region"]["startLine"],
                      r["locations"][0]["physicalLocation"]["region"]["startColumn"])
                     for r in json.loads(result.stdout)["runs"][0]["results"])
    lines = TEAM.splitlines()
    expected = sorted((number, lines[number - 1].index(text) + 1) for number, text in
                      ((7, "acme/co-o7"), (11, "acme/co-o1-kr9"), (14, "acme/co-o8")))
    assert regions == expected


def test_a_single_reference_written_as_text_keeps_the_field_place(tmp_path):
    _org(tmp_path)
    (tmp_path / "sales.okr.yaml").write_text(
        "team: sales\nobjectives:\n  - id: s-o1\n    title: Shops that try us stay with us\n"
        "    aligns_to: acme/co-o5\n    key_results:\n      - Cut churn of new shops from 9% to 5%\n")
    result = invoke(["check", ".", "--select", "ALN001", "--format", "json"], tmp_path)
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (5, 16)


# --- 3. and 4. plugins named in the configuration ----------------------------------------------------


def _broken_plugin(tmp_path, body="raise RuntimeError('import boom')\n"):
    _org(tmp_path)
    (tmp_path / "okrlint.toml").write_text('plugins = ["okr_rules_local.py"]\n')
    if body is not None:
        (tmp_path / "okr_rules_local.py").write_text(body)


def test_a_failed_configured_plugin_shows_in_every_report(tmp_path):
    _broken_plugin(tmp_path)
    text = invoke(["check", ".", "--select", "MEA003"], tmp_path)
    assert text.exit_code == 2
    # counted as a plugin that failed, not as a file that could not be read (review 72)
    assert "All checks passed" not in text.stdout and "1 plugin failed" in text.stdout
    assert "plugin okr_rules_local.py is named in the configuration but failed" in text.stderr
    assert "RuntimeError: import boom" in text.stderr

    document = json.loads(invoke(["check", ".", "--select", "MEA003", "--format", "json"], tmp_path).stdout)
    (error,) = document["errors"]
    assert set(error) == {"message", "file", "line", "column"} and error["file"] == "okr_rules_local.py"
    assert "import boom" in error["message"]

    sarif = json.loads(invoke(["check", ".", "--select", "MEA003", "--format", "sarif"], tmp_path).stdout)
    (invocation,) = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert "okr_rules_local.py" in invocation["toolExecutionNotifications"][0]["message"]["text"]

    junit = invoke(["check", ".", "--select", "MEA003", "--format", "junit"], tmp_path).stdout
    assert 'errors="1"' in junit.split("\n")[1]


def test_a_missing_plugin_module_is_placed_at_the_configuration_file(tmp_path):
    _broken_plugin(tmp_path, body=None)
    (tmp_path / "okrlint.toml").write_text('plugins = ["okr_rules_nowhere"]\n')
    document = json.loads(invoke(["check", ".", "--format", "json"], tmp_path).stdout)
    (error,) = document["errors"]
    assert error["file"] == "okrlint.toml" and "okr_rules_nowhere" in error["message"]


def test_the_failed_plugin_error_reads_in_thai_for_a_thai_run(tmp_path):
    _broken_plugin(tmp_path)
    result = invoke(["check", ".", "--select", "MEA003", "--messages", "th"], tmp_path)
    assert "ปลั๊กอิน okr_rules_local.py" in result.stderr and result.exit_code == 2


def test_a_plugin_that_loads_passes_as_before(tmp_path):
    _broken_plugin(tmp_path, body="")
    result = invoke(["check", ".", "--select", "MEA003"], tmp_path)
    assert result.exit_code == 0 and "All checks passed" in result.stdout


def test_selecting_the_rules_of_a_plugin_that_failed_names_the_plugin(tmp_path):
    _broken_plugin(tmp_path)
    for command in (["check", ".", "--select", "NWP"], ["rules", "--select", "NWP"]):
        result = invoke(command, tmp_path)
        assert result.exit_code == 2
        assert "unknown rule or selector 'NWP'" in result.stderr
        assert "cannot be loaded: RuntimeError: import boom" in result.stderr
        assert "okr_rules_local.py failed to load" in result.stderr


def test_an_unknown_selector_without_a_failed_plugin_says_nothing_of_plugins(tmp_path):
    _org(tmp_path)
    result = invoke(["check", ".", "--select", "NWP"], tmp_path)
    assert result.exit_code == 2 and "plugin" not in result.stderr


# --- 5. the configuration of the paths given ---------------------------------------------------------


def test_the_projects_configuration_is_used_from_outside_the_project(tmp_path):
    repo = tmp_path / "repo"
    _org(repo / "okrs")
    (repo / "okrlint.toml").write_text('select = ["ALN001"]\n')
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    inside = invoke(["check", "okrs", "--format", "json"], repo)
    from_outside = invoke(["check", str(repo / "okrs"), "--format", "json"], outside)
    assert {f["code"] for f in json.loads(from_outside.stdout)["findings"]} == {"ALN001"}
    assert len(json.loads(from_outside.stdout)["findings"]) == len(json.loads(inside.stdout)["findings"])
    single = invoke(["check", str(repo / "okrs" / "sales.okr.yaml"), "--format", "json"], outside)
    assert {f["code"] for f in json.loads(single.stdout)["findings"]} <= {"ALN001"}


def test_the_working_directorys_configuration_wins(tmp_path):
    repo = tmp_path / "repo"
    _org(repo / "okrs")
    (repo / "okrlint.toml").write_text('select = ["ALN001"]\n')
    here = tmp_path / "here"
    here.mkdir()
    (here / "okrlint.toml").write_text('select = ["MEA"]\n')
    result = invoke(["check", str(repo / "okrs"), "--format", "json"], here)
    assert "ALN001" not in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_paths_of_two_projects_use_the_first_and_say_so(tmp_path):
    for name, select in (("one", "ALN001"), ("two", "MEA")):
        _org(tmp_path / name / "okrs")
        (tmp_path / name / "okrlint.toml").write_text(f'select = ["{select}"]\n')
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = invoke(["check", str(tmp_path / "one" / "okrs"), str(tmp_path / "two" / "okrs")], outside)
    assert "different configuration files" in result.stderr
    assert str(tmp_path / "one" / "okrlint.toml") in result.stderr.split("is used")[0]


def test_isolated_still_ignores_the_paths_configuration(tmp_path):
    repo = tmp_path / "repo"
    _org(repo / "okrs")
    (repo / "okrlint.toml").write_text('select = ["ALN001"]\n')
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = invoke(["check", str(repo / "okrs"), "--isolated", "--format", "json"], outside)
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} != {"ALN001"}


# --- 6. renamed files ------------------------------------------------------------------------------


def test_a_renamed_file_keeps_its_baselined_findings(tmp_path):
    _org(tmp_path / "okrs")
    written = invoke(["check", "okrs", "--write-baseline", "base.json"], tmp_path)
    assert written.exit_code == 0
    entries = json.loads((tmp_path / "base.json").read_text())["findings"]
    assert entries and all(e.get("team") for e in entries if e["object_id"])
    (tmp_path / "okrs" / "sales.okr.yaml").rename(tmp_path / "okrs" / "revenue.okr.yaml")
    result = invoke(["check", "okrs", "--baseline", "base.json"], tmp_path)
    assert result.exit_code == 0, result.stdout
    assert f"{len(entries)} findings hidden" in result.stderr


def test_a_new_finding_in_a_renamed_file_is_still_new(tmp_path):
    _org(tmp_path / "okrs")
    invoke(["check", "okrs", "--write-baseline", "base.json"], tmp_path)
    (tmp_path / "okrs" / "sales.okr.yaml").unlink()
    (tmp_path / "okrs" / "revenue.okr.yaml").write_text(
        TEAM + "  - id: s-o3\n    title: Launch the partner portal\n    key_results:\n"
               "      - id: s-o3-kr1\n        title: Launch the partner portal\n", encoding="utf-8")
    result = invoke(["check", "okrs", "--baseline", "base.json", "--format", "json"], tmp_path)
    new = json.loads(result.stdout)["findings"]
    assert new and {f["object_id"] for f in new} <= {"s-o3", "s-o3-kr1"}


def test_a_finding_fixed_in_a_file_that_exists_does_not_hide_one_elsewhere(tmp_path):
    """An entry is matched in another file only when its own file is gone."""
    from okrlint.baseline import filter_new, write_baseline
    from okrlint.model import Finding, Location, Severity

    def finding(file):
        return Finding(Location(file, 7, 9), "ALN001", "dangling-reference", "alignment", Severity.ERROR,
                       "`aligns_to` 'acme/co-o7' names nothing in the org", "s-o1", "objective", "sales")

    old, new = tmp_path / "sales.okr.yaml", tmp_path / "sales-q2.okr.yaml"
    old.write_text("team: sales\n")
    base = tmp_path / "base.json"
    write_baseline(base, [finding(str(old))])
    assert len(filter_new(base, [finding(str(new))]).new) == 1  # fixed where it was; new where it is now
    old.unlink()
    assert filter_new(base, [finding(str(new))]).baselined == 1  # the file was renamed: the same finding
    other_team = attrs.evolve(finding(str(new)), team="support")
    assert len(filter_new(base, [other_team]).new) == 1


def test_fingerprints_survive_a_rename(tmp_path):
    _org(tmp_path / "okrs")

    def prints():
        sarif = json.loads(invoke(["check", "okrs", "--format", "sarif"], tmp_path).stdout)
        return sorted(r["partialFingerprints"]["okrlintFingerprint/v1"] for r in sarif["runs"][0]["results"])

    before = prints()
    (tmp_path / "okrs" / "sales.okr.yaml").rename(tmp_path / "okrs" / "revenue.okr.yaml")
    assert prints() == before and len(set(before)) == len(before)


# --- 7. the smaller items ----------------------------------------------------------------------------


def test_sarif_links_only_rules_okrlint_documents(tmp_path):
    _org(tmp_path)
    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n  - code: HSE001\n    name: no-synergy\n    kind: existence\n    scope: objective\n"
        "    severity: warning\n    summary: No buzzwords.\n    message: \"'{match}' is banned\"\n"
        "    words: [synergy]\n")
    (tmp_path / "okrlint.toml").write_text('rule-packs = ["house.yaml"]\n')
    sarif = json.loads(invoke(["check", ".", "--format", "sarif"], tmp_path).stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in rules["HSE001"]
    assert rules["ALN001"]["helpUri"].endswith("docs/rules.md#dangling-reference")


def test_init_over_an_existing_configuration_is_one_line(tmp_path):
    (tmp_path / "okrlint.toml").write_text("")
    (tmp_path / "example.okr.yaml").write_text("")  # (with the example missing, init writes it beside the config)
    result = invoke(["init"], tmp_path)
    assert result.exit_code == 2
    assert "Usage:" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "--force" in result.stderr


def test_the_test_cache_folder_is_removed_at_the_end():
    text = (ROOT / "tests" / "conftest.py").read_text()
    assert "rmtree" in text and "okrlint-test-cache-" in text
