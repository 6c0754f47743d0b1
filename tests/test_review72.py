"""Review 72 (a newcomer team keeping OKRs in git): a Thai report with a rule pack's finding in every format, one
failing report not stopping the others; internal-error (OKR001) never hidden (ignore, per-file-ignores, inline,
baseline) and listed by `okrlint rules`; the command line's selection applied after the configuration's; plugin
failures counted as plugins and shown in SARIF and JSON; `check` with no path; YAML's disable-line; init."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

ROOT = Path(__file__).resolve().parent.parent

PACK = """pack: house
rules:
  - code: HSP001
    name: percentage-needs-unit
    kind: conditional
    scope: key_result
    summary: A percentage KR names its unit.
    message: "the key result speaks of '{match}' but sets no unit: say percent of what"
    if: {words: [ร้อยละ, percent]}
    then: {fields: [unit]}
"""

THAI_SET = """team: wh
objectives:
  - title: ร้านค้าได้รับพัสดุครบและตรงเวลาทุกครั้ง
    key_results:
      - เพิ่มความแม่นยำในการคัดแยกพัสดุจากร้อยละ 95 เป็นร้อยละ 99.5
      - จัดอบรมพนักงานคัดแยก 6 ครั้ง
"""

CRASHING_PLUGIN = '''from okrlint.hookspecs import hookimpl
from okrlint.rules.base import rule


@rule(code="ZCR001", name="crashy", category="custom", severity="warning", scope="key_result",
      summary="Fails on a key result that says TBD.")
def crashy(kr, ctx):
    if "TBD" in kr.title:
        raise RuntimeError("boom")
    return ()


@hookimpl
def okrlint_rules():
    return [crashy]
'''

CRASH_SET = """team: sales
objectives:
  - title: Customers renew with us
    key_results:
      - Raise renewals from 70% to 80%
      - Cut churn from 5% to TBD
"""


def _invoke(args, cwd: Path, input: str | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, input=input)
    finally:
        os.chdir(old)


def _thai_project(tmp_path: Path) -> Path:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "okrlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    (tmp_path / "t.okr.yaml").write_text(THAI_SET, encoding="utf-8")
    return tmp_path


# --- 1. a Thai report with a rule pack's finding, in every format ------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "grouped", "json", "sarif", "github", "junit", "gitlab", "markdown", "html"])
def test_a_thai_set_with_a_pack_finding_renders_in_every_format(tmp_path, fmt):
    _thai_project(tmp_path)
    result = _invoke(["check", "--no-cache", "--format", f"{fmt}:out.{fmt}", "t.okr.yaml"], tmp_path)
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    text = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    assert "HSP001" in text and "MEA005" in text


def test_the_markdown_report_lists_translated_and_untranslated_findings_in_file_order(tmp_path):
    _thai_project(tmp_path)
    result = _invoke(["check", "--no-cache", "--format", "markdown", "t.okr.yaml"], tmp_path)
    assert result.exit_code == 1, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("| t.okr.yaml:")]
    assert [row.split("|")[1].strip() for row in rows] == ["t.okr.yaml:5:9", "t.okr.yaml:6:9"]
    assert "ผลลัพธ์หลักข้อนี้เป็นกิจกรรม" in rows[1]  # translated, beside the pack's message as written


def test_in_order_sorts_translated_and_untranslated_findings_together():
    from okrlint.model import Finding, Location, Severity
    from okrlint.report.messages import ShownFinding
    from okrlint.report.templating import environment

    plain = Finding(Location("a.okr.yaml", 5, 9), "HSP001", "x", "custom", Severity.WARNING, "as written")
    shown = ShownFinding(Location("a.okr.yaml", 3, 9), "MEA005", "y", "measurability", Severity.WARNING, "แปล",
                         english="translated")
    later = ShownFinding(Location("a.okr.yaml", 9, 1), "MEA001", "z", "measurability", Severity.ERROR, "แปล")
    template = environment().from_string("{% for f in found|in_order %}{{ f.code }} {% endfor %}")
    assert template.render(found=[plain, later, shown]) == "MEA005 HSP001 MEA001 "


def test_one_report_that_fails_does_not_stop_the_others(tmp_path):
    _thai_project(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{{ 1 / 0 }}\n", encoding="utf-8")  # fails while it renders
    with (tmp_path / "okrlint.toml").open("a", encoding="utf-8") as handle:
        handle.write('template-dir = "templates"\n')
    result = _invoke(["check", "--no-cache", "--format", "text", "--format", "markdown:r.md", "--format",
                      "grouped:r.g", "--format", "gitlab:r.gl", "--format", "json:r.json", "t.okr.yaml"], tmp_path)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("okrlint: error:")]
    assert len(errors) == 1 and "markdown" in errors[0] and "ZeroDivisionError" in errors[0], result.output
    for name in ("r.g", "r.gl", "r.json"):
        assert (tmp_path / name).read_text(encoding="utf-8").strip(), name
    json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def test_templates_do_not_sort_findings_with_the_plain_sort_filter():
    for template in (ROOT / "src" / "okrlint" / "report" / "templates").glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"(found|findings|all_findings)\s*\|\s*sort\b", text), template.name


# --- 2. and 5. internal-error is never hidden -----------------------------------------------------------------------

def _crash_project(tmp_path: Path, config: str = "") -> Path:
    (tmp_path / "crash_rules.py").write_text(CRASHING_PLUGIN, encoding="utf-8")
    (tmp_path / "okrlint.toml").write_text('plugins = ["crash_rules.py"]\n' + config, encoding="utf-8")
    (tmp_path / "a.okr.yaml").write_text(CRASH_SET, encoding="utf-8")
    return tmp_path


def _findings(result) -> list[dict]:
    return json.loads(result.stdout[result.stdout.index("{"):])["findings"]


@pytest.mark.parametrize("config, args", [
    ("", ["--ignore", "OKR001"]),
    ("", ["--ignore", "internal-error"]),
    ("", ["--ignore", "structure"]),
    ('ignore = ["internal-error"]\n', []),
    ('[per-file-ignores]\n"a.okr.yaml" = ["OKR001"]\n', []),
    ('[per-file-ignores]\n"*.yaml" = ["OKR"]\n', []),
])
def test_internal_error_cannot_be_ignored(tmp_path, config, args):
    _crash_project(tmp_path, config)
    result = _invoke(["check", "--no-cache", "--format", "json", *args, "a.okr.yaml"], tmp_path)
    assert result.exit_code == 1, result.output
    assert [f["severity"] for f in _findings(result) if f["code"] == "OKR001"] == ["error"]
    if "OKR001" in config + " ".join(args) or "internal-error" in config + " ".join(args):
        assert "internal-error (OKR001) cannot be ignored" in result.stderr


def test_internal_error_is_not_hidden_by_an_inline_comment_and_the_comment_is_reported(tmp_path):
    _crash_project(tmp_path)
    (tmp_path / "a.okr.yaml").write_text(CRASH_SET.replace("TBD\n", "TBD  # okrlint: disable=internal-error\n"))
    result = _invoke(["check", "--no-cache", "--format", "json", "a.okr.yaml"], tmp_path)
    codes = [f["code"] for f in _findings(result)]
    assert "OKR001" in codes and "SUP001" in codes
    assert any("cannot be suppressed" in f["message"] for f in _findings(result))


@pytest.mark.parametrize("grade, shown, says", [("info", "warning", True), ("warning", "warning", False),
                                                 ("error", "error", False)])
def test_internal_error_is_graded_down_to_warning_at_the_lowest(tmp_path, grade, shown, says):
    _crash_project(tmp_path, f'[severity]\ninternal-error = "{grade}"\n')
    result = _invoke(["check", "--no-cache", "--format", "json", "a.okr.yaml"], tmp_path)
    assert [f["severity"] for f in _findings(result) if f["code"] == "OKR001"] == [shown]
    assert ("cannot be graded below warning" in result.stderr) is says


def test_explain_and_rules_tell_the_truth_about_internal_error(tmp_path):
    output = _invoke(["explain", "OKR001"], tmp_path).output
    assert 'ignore = ["internal-error"]' not in output and "cannot be silenced" in output
    assert '[severity] internal-error = "warning"' in output
    listing = _invoke(["rules"], tmp_path).output
    assert re.search(r"^OKR001\s+internal-error\s", listing, re.MULTILINE)
    rows = json.loads(_invoke(["rules", "--format", "json", "--select", "MEA"], tmp_path).output)
    assert "OKR001" in [row["code"] for row in rows]
    assert "## internal-error" in _invoke(["rules", "--format", "markdown"], tmp_path).output
    thai = _invoke(["explain", "internal-error", "--messages", "th"], tmp_path).output
    assert "ปิดไม่ได้" in thai


def test_the_sarif_help_uri_of_internal_error_names_an_anchor_the_rule_reference_has(tmp_path):
    from okrlint.report.sarif import rule_help_uri
    from okrlint.rules.registry import INTERNAL_ERROR

    anchor = rule_help_uri(INTERNAL_ERROR).rpartition("#")[2]
    assert f"## {anchor}" in _invoke(["rules", "--format", "markdown"], tmp_path).output


def test_a_baseline_never_records_nor_hides_internal_errors(tmp_path):
    _crash_project(tmp_path)
    written = _invoke(["check", "--no-cache", "a.okr.yaml", "--write-baseline", "bl.json"], tmp_path)
    assert written.exit_code == 1, written.output
    assert "OKR001" in written.stderr and "not recorded in the baseline" in written.stderr
    recorded = json.loads((tmp_path / "bl.json").read_text())["findings"]
    assert recorded and "OKR001" not in [entry["code"] for entry in recorded]
    later = _invoke(["check", "--no-cache", "--format", "json", "a.okr.yaml", "--baseline", "bl.json"], tmp_path)
    assert later.exit_code == 1 and [f["code"] for f in _findings(later)] == ["OKR001"]


def test_an_older_baseline_that_recorded_an_internal_error_does_not_hide_it(tmp_path):
    from okrlint.baseline import filter_new
    from okrlint.model import Finding, Location, Severity

    finding = Finding(Location(str(tmp_path / "a.okr.yaml"), 6, 9), "OKR001", "internal-error", "structure",
                      Severity.ERROR, "rule ZCR001 [crashy] from crash_rules.py failed: RuntimeError: boom",
                      "sales/o1/kr2", "key_result", "sales")
    (tmp_path / "bl.json").write_text(json.dumps({"okrlint_baseline": 1, "findings": [
        {"file": "a.okr.yaml", "code": "OKR001", "name": "internal-error", "object_id": "sales/o1/kr2",
         "message": finding.message, "line": 6, "team": "sales"}]}))
    assert filter_new(tmp_path / "bl.json", [finding]).new == (finding,)


# --- 3. plugins in pre-commit ----------------------------------------------------------------------------------------

def test_the_pre_commit_docs_say_plugin_packages_need_additional_dependencies():
    configuration = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = configuration[configuration.index("## pre-commit"):]
    assert "additional_dependencies:" in section
    assert "additional_dependencies" in (ROOT / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    assert "additional_dependencies" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_configured_plugin_package_that_is_not_installed_fails_the_run_loudly(tmp_path):
    (tmp_path / "okrlint.toml").write_text('plugins = ["okrlint_review72_not_installed"]\n')
    (tmp_path / "a.okr.yaml").write_text(CRASH_SET)
    result = _invoke(["check", "--no-cache", "a.okr.yaml"], tmp_path)
    assert result.exit_code == 2
    assert "okrlint_review72_not_installed" in result.stderr and "1 plugin failed" in result.stdout


# --- 4. the command line's selection applies after the configuration's --------------------------------------------

ACRONYM_SET = """team: sales
objectives:
  - title: Customers love our QBR process
    key_results:
      - Raise NPS from 30 to 45
      - Cut churn from 5% to 3%
"""


@pytest.mark.parametrize("args, fires", [
    ([], False),
    (["--select", "CLA004"], True),
    (["--select", "undefined-acronym"], True),
    (["--extend-select", "CLA004"], True),
    (["--extend-select", "CLA004", "--ignore", "CLA004"], False),
    (["--select", "MEA"], False),
])
def test_the_command_line_selection_wins_over_the_configurations_ignore(tmp_path, args, fires):
    (tmp_path / "okrlint.toml").write_text('ignore = ["undefined-acronym"]\n')
    (tmp_path / "a.okr.yaml").write_text(ACRONYM_SET)
    result = _invoke(["check", "--no-cache", "--format", "json", *args, "a.okr.yaml"], tmp_path)
    assert ("CLA004" in [f["code"] for f in _findings(result)]) is fires


def test_a_command_line_select_replaces_the_configurations_whole_selection(tmp_path):
    (tmp_path / "okrlint.toml").write_text('select = ["MEA"]\nextend-select = ["CLA003"]\nignore = ["MEA001"]\n')
    (tmp_path / "a.okr.yaml").write_text(ACRONYM_SET.replace("Raise NPS from 30 to 45", "Improve NPS"))
    result = _invoke(["check", "--no-cache", "--format", "json", "--select", "MEA001", "a.okr.yaml"], tmp_path)
    assert {f["code"] for f in _findings(result)} == {"MEA001"}


def test_per_file_ignores_still_apply_to_a_rule_the_command_line_selects(tmp_path):
    (tmp_path / "okrlint.toml").write_text('ignore = ["CLA004"]\n[per-file-ignores]\n"a.okr.yaml" = ["CLA004"]\n')
    (tmp_path / "a.okr.yaml").write_text(ACRONYM_SET)
    (tmp_path / "b.okr.yaml").write_text(ACRONYM_SET.replace("team: sales", "team: care"))
    result = _invoke(["check", "--no-cache", "--format", "json", "--select", "CLA004", "."], tmp_path)
    assert sorted(Path(f["file"]).name for f in _findings(result)) == ["b.okr.yaml"]


def test_okrlint_config_shows_the_command_lines_selection_as_it_takes_effect(tmp_path):
    import tomllib

    (tmp_path / "okrlint.toml").write_text('ignore = ["undefined-acronym"]\n')
    shown = tomllib.loads(_invoke(["config", "--select", "CLA004"], tmp_path).output)
    assert shown["select"] == ["CLA004"] and shown["ignore"] == []
    shown = _invoke(["config", "--extend-select", "CLA004"], tmp_path).output
    assert 'extend-select = ["CLA004"]  # command line (applied after the ignore)' in shown
    bad = _invoke(["check", "--select", "CLA04", "."], tmp_path)
    assert bad.exit_code == 2 and "command line: '--select'" in bad.output and "CLA004" in bad.output


# --- 6. a configured plugin that fails is counted as a plugin ------------------------------------------------------

@pytest.mark.parametrize("messages, says", [("en", "2 plugins failed (see the errors above)"),
                                            ("th", "มีปลั๊กอิน 2 ตัวที่ทำงานไม่สำเร็จ")])
def test_a_failed_configured_plugin_is_not_a_file_that_could_not_be_read(tmp_path, messages, says):
    (tmp_path / "bad_plugin.py").write_text('raise RuntimeError("import boom")\n')
    (tmp_path / "okrlint.toml").write_text('plugins = ["bad_plugin.py", "missing_plugin.py"]\n')
    (tmp_path / "a.okr.yaml").write_text(CRASH_SET)
    result = _invoke(["check", "--no-cache", "--messages", messages, "a.okr.yaml"], tmp_path)
    assert result.exit_code == 2
    assert says in result.stdout and "could not be read" not in result.stdout
    assert "ไฟล์ที่อ่านไม่ได้" not in result.stdout


def test_the_summary_template_says_the_same_about_failed_plugins(tmp_path):
    from okrlint.report import ReportContext
    from okrlint.report.templating import render_named
    from okrlint.report.text import text_lines

    (tmp_path / "okrlint.toml").write_text('plugins = ["missing_plugin.py"]\n')
    (tmp_path / "a.okr.yaml").write_text(CRASH_SET)
    for language in ("en", "th"):
        result = _invoke(["check", "--no-cache", "--format", "json", "a.okr.yaml"], tmp_path)
        assert result.exit_code == 2
    # the same run, as the engine and the CLI make it
    import attrs

    from okrlint.cli import _unloaded_plugins, build_engine

    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        engine = build_engine(None, False, (), (), ())
        run = engine.run(["a.okr.yaml"])
        run = attrs.evolve(run, errors=(*run.errors, *_unloaded_plugins(engine)))
    finally:
        os.chdir(old)
    for language in ("en", "th"):
        context = ReportContext(result=run, language=language)
        assert render_named("text.j2", context) == "".join(text_lines(context))


# --- 7. the README quotes what okrlint prints ---------------------------------------------------------------------

def test_the_readmes_example_lines_are_what_okrlint_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("$ okrlint check examples/"):]
    block = block[:block.index("```")]
    quoted = [line for line in block.splitlines() if line.startswith("examples/")]
    assert any("MEA002" in line and "ค่าฐาน" in line for line in quoted)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    printed = subprocess.run([sys.executable, "-m", "okrlint", "check", "--no-cache", "examples/"], cwd=ROOT,
                             env=env, capture_output=True, text=True, timeout=300).stdout.splitlines()
    missing = [line for line in quoted if line not in printed]
    assert not missing, missing


def test_the_thai_baseline_and_target_hints_name_the_field_once():
    text = (ROOT / "rules" / "messages" / "th.yaml").read_text(encoding="utf-8")
    assert "`baseline:` ค่าฐาน" not in text and "`target:` ค่าเป้าหมาย" not in text


# --- 8. an installed plugin that fails to import shows in SARIF and JSON ----------------------------------------

def test_an_installed_plugin_that_fails_to_import_is_in_sarif_and_json(tmp_path):
    site = tmp_path / "site"
    meta = site / "okrlint_review72_broken-1.0.dist-info"
    meta.mkdir(parents=True)
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: okrlint_review72_broken\nVersion: 1.0\n")
    (meta / "entry_points.txt").write_text("[okrlint]\nbroken72 = okrlint_review72_broken_mod\n")
    (site / "okrlint_review72_broken_mod.py").write_text('raise ImportError("a dependency is missing")\n')
    (tmp_path / "a.okr.yaml").write_text(ACRONYM_SET)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT / "src")])}

    def run(fmt: str):
        return subprocess.run([sys.executable, "-m", "okrlint", "check", "--isolated", "--no-cache", "--format", fmt,
                               "a.okr.yaml"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)

    sarif = run("sarif")
    assert "broken72" in sarif.stderr and sarif.returncode == 0  # a warning: the findings decide the exit code
    invocation = json.loads(sarif.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == 1 and notes[0]["level"] == "warning" and "broken72" in notes[0]["message"]["text"]
    document = json.loads(run("json").stdout)
    assert [failure["plugin"] for failure in document["plugin_failures"]] == [
        "broken72 (okrlint_review72_broken_mod)"]
    assert "errors" not in document
    assert {"okrlint_version", "findings", "objects", "summary"} <= set(document)


# --- 9. small things ------------------------------------------------------------------------------------------------

def test_check_with_no_path_lints_the_current_folder(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(ACRONYM_SET)
    result = _invoke(["check", "--isolated", "--no-cache", "--format", "json"], tmp_path)
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_stdin_filename_without_a_path_reads_standard_input(tmp_path):
    result = _invoke(["check", "--isolated", "--no-cache", "--format", "json", "--stdin-filename", "s.okr.yaml"],
                     tmp_path, input=ACRONYM_SET)
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 1
    assert {f["file"] for f in document["findings"]} <= {"s.okr.yaml"}


def test_stdin_filename_beside_paths_without_a_dash_is_a_warning(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(ACRONYM_SET)
    result = _invoke(["check", "--isolated", "--no-cache", "--stdin-filename", "s.okr.yaml", "a.okr.yaml"], tmp_path)
    assert "--stdin-filename" in result.stderr and "ignored" in result.stderr


def test_the_cache_dir_help_names_the_environment_variable(tmp_path):
    assert "OKRLINT_CACHE" in _invoke(["check", "--help"], tmp_path).output


DISABLE_LINE = """team: sales
objectives:
  - title: Customers trust us
    key_results:
      - Launch the help centre  # okrlint: disable-line=kr-is-activity
      # okrlint: disable-next-line=MEA005
      - Hold 4 webinars
      - Hold 5 office hours  # okrlint: disable-lines=kr-is-activity
"""


def test_yaml_disable_line_and_disable_next_line_keep_their_names(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(DISABLE_LINE)
    result = _invoke(["check", "--isolated", "--no-cache", "--format", "json", "a.okr.yaml"], tmp_path)
    by_line: dict[int, list[str]] = {}
    for finding in _findings(result):
        by_line.setdefault(finding["line"], []).append(finding["code"])
    assert "MEA005" not in by_line[5] and "MEA001" in by_line[5]  # only the named rule is hidden
    assert 7 not in by_line  # its only finding, MEA005, is the one named
    assert "MEA005" in by_line[8] and "SUP002" in by_line[8]  # an unknown keyword hides nothing, and is reported
    unknown = next(f for f in _findings(result) if f["code"] == "SUP002")
    assert "disable-lines" in unknown["message"]
    thai = _invoke(["check", "--isolated", "--no-cache", "--messages", "th", "a.okr.yaml"], tmp_path).output
    assert "ไม่ใช่คำสั่งปิดการตรวจที่ okrlint รู้จัก" in thai


def test_init_xlsx_after_init_writes_the_workbook_and_keeps_the_configuration(tmp_path):
    pytest.importorskip("openpyxl")
    assert _invoke(["init"], tmp_path).exit_code == 0
    (tmp_path / "okrlint.toml").write_text("# edited\n", encoding="utf-8")
    result = _invoke(["init", "--format", "xlsx"], tmp_path)
    if "not available" in result.output:
        pytest.skip("no spreadsheet template in this build")
    assert result.exit_code == 0, result.output
    assert "kept" in result.output and (tmp_path / "example.okr.xlsx").exists()
    assert (tmp_path / "okrlint.toml").read_text(encoding="utf-8") == "# edited\n"
    again = _invoke(["init", "--format", "xlsx"], tmp_path)
    assert again.exit_code == 2 and "--force" in again.output


def test_init_keeps_a_pyproject_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nignore = ["kr-count"]\n')
    result = _invoke(["init"], tmp_path)
    assert result.exit_code == 0 and not (tmp_path / "okrlint.toml").exists()
    assert (tmp_path / "example.okr.yaml").exists()
