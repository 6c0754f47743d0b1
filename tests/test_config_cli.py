"""Configuration files, rule-name validation, `okrlint config` and `okrlint init`."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.configfile import ConfigError, check_rule_names, resolve_config
from okrlint.engine import Engine

CLEAN = """team: support
objectives:
  - id: sup-o1
    title: Make every customer feel heard
    key_results:
      - Raise the share of tickets answered within 1 hour from 40% to 80%
      - Lift the satisfaction score from 3.9 to 4.5
"""


def run(args, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_nearest_file_wins(tmp_path):
    (tmp_path / "okrlint.toml").write_text('ignore = ["kr-count"]\n')
    inner = tmp_path / "team"
    inner.mkdir()
    (inner / ".okrlint.toml").write_text('ignore = ["vague-language"]\n')
    assert resolve_config(inner).ignore == ["vague-language"]
    assert resolve_config(tmp_path).ignore == ["kr-count"]


def test_pyproject_section_only_counts_with_tool_okrlint(tmp_path):
    (tmp_path / "okrlint.toml").write_text('language = "th"\n')
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert resolve_config(inner).language == "th"
    (inner / "pyproject.toml").write_text("[tool.okrlint]\nlanguage = 'en'\n")
    assert resolve_config(inner).language == "en"


def test_extend_merges_underneath_and_records_sources(tmp_path):
    (tmp_path / "base.toml").write_text('ignore = ["kr-count"]\nlanguage = "th"\n')
    (tmp_path / "okrlint.toml").write_text('extend = "base.toml"\nignore = ["vague-language"]\nlanguage = "en"\n')
    config = resolve_config(tmp_path)
    assert config.ignore == ["kr-count", "vague-language"]
    assert config.language == "en"
    assert config.sources["ignore"] == f"{tmp_path / 'base.toml'} + {tmp_path / 'okrlint.toml'}"


def test_extend_loop_and_missing_file_are_errors(tmp_path):
    (tmp_path / "okrlint.toml").write_text('extend = "okrlint.toml"\n')
    with pytest.raises(ConfigError, match="loops back"):
        resolve_config(tmp_path)
    (tmp_path / "okrlint.toml").write_text('extend = "nowhere.toml"\n')
    with pytest.raises(ConfigError, match="no such file"):
        resolve_config(tmp_path)


def test_unknown_key_suggests_the_closest(tmp_path):
    (tmp_path / "okrlint.toml").write_text('ignor = ["kr-count"]\n')
    with pytest.raises(ConfigError, match="unknown key 'ignor'; did you mean 'ignore'"):
        resolve_config(tmp_path)


def test_isolated_and_explicit_config(tmp_path):
    (tmp_path / "okrlint.toml").write_text('language = "th"\n')
    (tmp_path / "other.toml").write_text('language = "en"\n')
    assert resolve_config(tmp_path, isolated=True).language is None
    assert resolve_config(tmp_path, config_path=str(tmp_path / "other.toml")).language == "en"


@pytest.mark.parametrize("toml, expected", [
    ('ignore = ["kr-plachoder"]', "did you mean 'kr-placeholder'"),
    ('select = ["measurabilty"]', "did you mean 'measurability'"),
    ('[severity]\nkr-cuont = "error"', "did you mean 'kr-count'"),
    ('[rules.kr-cout]\nmax = 3', "did you mean 'kr-count'"),
    ('[rules.CLA002]\nmax = 3', "keyed by rule name: did you mean 'kr-count'"),
    ('[per-file-ignores]\n"*.md" = ["vauge-language"]', "did you mean 'vague-language'"),
])
def test_unknown_rule_names_are_errors_with_suggestions(tmp_path, toml, expected):
    (tmp_path / "okrlint.toml").write_text(toml + "\n")
    config = resolve_config(tmp_path)
    with pytest.raises(ConfigError, match=expected) as info:
        check_rule_names(config, Engine(config).registry)
    assert str(tmp_path / "okrlint.toml") in str(info.value)


def test_cli_exits_2_on_unknown_rule_in_config(tmp_path):
    (tmp_path / "okrlint.toml").write_text('[severity]\nkr-cuont = "error"\n')
    (tmp_path / "a.okr.yaml").write_text(CLEAN)
    result = run(["check", "a.okr.yaml"], tmp_path)
    assert result.exit_code == 2
    assert "did you mean 'kr-count'" in result.output


def test_severity_override_applies(tmp_path):
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Make customers happy\n")
    (tmp_path / "okrlint.toml").write_text('select = ["kr-count"]\n[severity]\nkr-count = "info"\n')
    result = run(["check", "a.okr.yaml", "--format", "json"], tmp_path)
    findings = json.loads(result.output)["findings"]
    assert findings and all(f["severity"] == "info" for f in findings)
    assert result.exit_code == 0  # info is below the default fail level


def test_isolated_flag_ignores_the_config(tmp_path):
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Make customers happy\n")
    (tmp_path / "okrlint.toml").write_text('select = ["kr-count"]\nignore = ["kr-count"]\n')
    assert run(["check", "a.okr.yaml"], tmp_path).exit_code == 0
    assert run(["check", "--isolated", "--select", "kr-count", "a.okr.yaml"], tmp_path).exit_code == 1


def test_config_command_prints_valid_toml_with_sources(tmp_path):
    (tmp_path / "okrlint.toml").write_text('ignore = ["kr-count"]\n[rules.kr-count]\nmax = 4\n')
    result = run(["config", "--ignore", "vague-language"], tmp_path)
    assert result.exit_code == 0, result.output
    parsed = tomllib.loads(result.output)
    assert parsed["ignore"] == ["kr-count", "vague-language"]
    assert parsed["rules"] == {"kr-count": {"max": 4}}
    line = next(line for line in result.output.splitlines() if line.startswith("ignore"))
    assert line.endswith(f"# {tmp_path / 'okrlint.toml'} + command line")
    assert "fail-level = \"warning\"  # default" in result.output
    as_json = json.loads(run(["config", "--format", "json"], tmp_path).output)
    assert as_json["rules"]["source"].endswith("okrlint.toml")


@pytest.mark.parametrize("language, word", [("en", "customers"), ("th", "ประชาชน")])
def test_init_writes_a_config_and_a_clean_example(tmp_path, language, word):
    result = run(["init", "--language", language], tmp_path)
    assert result.exit_code == 0, result.output
    assert word in (tmp_path / "example.okr.yaml").read_text(encoding="utf-8")
    config = (tmp_path / "okrlint.toml").read_text()
    # the language stays detected per set (a set language would write every finding in it): only a comment
    assert "language" not in tomllib.loads(config) and f'# language = "{language}"' in config
    check = run(["check", "."], tmp_path)
    assert check.exit_code == 0, check.output


def test_init_refuses_to_overwrite_without_force(tmp_path):
    (tmp_path / "okrlint.toml").write_text("# mine\n")
    (tmp_path / "example.okr.yaml").write_text("# my example\n")
    result = run(["init"], tmp_path)
    assert result.exit_code == 2 and "--force" in result.output
    assert (tmp_path / "okrlint.toml").read_text() == "# mine\n"
    assert (tmp_path / "example.okr.yaml").read_text() == "# my example\n"
    assert run(["init", "--force"], tmp_path).exit_code == 0


def test_init_keeps_an_existing_configuration_and_writes_the_example(tmp_path):
    (tmp_path / "okrlint.toml").write_text("# mine\n")
    result = run(["init"], tmp_path)
    assert result.exit_code == 0 and "kept" in result.output, result.output
    assert (tmp_path / "okrlint.toml").read_text() == "# mine\n"
    assert (tmp_path / "example.okr.yaml").exists()


def test_init_xlsx_uses_the_spreadsheet_template_when_available(tmp_path):
    try:
        from okrlint.load.spreadsheet import write_template  # noqa: F401
    except ImportError:
        result = run(["init", "--format", "xlsx"], tmp_path)
        assert result.exit_code == 2 and "not available" in result.output
        return
    result = run(["init", "--format", "xlsx", "--language", "th"], tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "example.okr.xlsx").stat().st_size > 0
    assert run(["check", "."], tmp_path).exit_code == 0


@pytest.mark.parametrize("options, says", [
    ("minimum = 3", "unknown option 'minimum'; did you mean 'min'?"),
    ('min = "three"', "option 'min' must be a whole number"),
    ("min = 7\nmax = 2", "option 'min' (7) is above 'max' (2)"),
])
def test_a_mistaken_rule_option_stops_the_run_with_one_line(tmp_path, options, says):
    (tmp_path / "okrlint.toml").write_text(f"[rules.kr-count]\n{options}\n", encoding="utf-8")
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Customers stay\n", encoding="utf-8")
    result = run(["check", "."], tmp_path)
    assert result.exit_code == 2
    assert says in result.output and "rules.kr-count" in result.output and "Traceback" not in result.output


def test_a_good_rule_option_is_accepted(tmp_path):
    (tmp_path / "okrlint.toml").write_text("[rules.kr-count]\nmin = 1\nmax = 6\n[rules.duplicate-objective]\n"
                                           "threshold = 1\n", encoding="utf-8")
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Customers stay\n", encoding="utf-8")
    assert run(["check", "."], tmp_path).exit_code in (0, 1)
