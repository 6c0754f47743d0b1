"""Command-line runs: replays never hide a plugin that fails to load (rescore of review 72, N1), init beside a
pyproject configuration, and organisations built to exhaust the stack (review 75)."""

from __future__ import annotations

import os
import subprocess
import sys


def _check(folder, *options):
    env = dict(os.environ, OKRLINT_CACHE_DIR=str(folder / "private"))
    return subprocess.run([sys.executable, "-m", "okrlint", "check", *(options or ("a.okr.yaml",))], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_configured_plugin_that_fails_is_reported_after_a_cached_run(tmp_path):
    (tmp_path / "a.okr.yaml").write_text('team: t\nperiod: "2027"\nobjectives:\n  - title: Grow\n'
                                         "    key_results: [Launch the app]\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nselect = ["ALL"]\n', encoding="utf-8")
    first = _check(tmp_path)
    assert first.returncode == 1 and _check(tmp_path).stdout == first.stdout  # stored, then replayed
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nselect = ["ALL"]\nplugins = ["okrlint_nosuchplugin"]\n',
                                             encoding="utf-8")
    for _ in range(2):
        run = _check(tmp_path)
        assert run.returncode == 2 and "okrlint_nosuchplugin" in run.stderr and "1 plugin failed" in run.stdout


def test_init_force_never_puts_an_okrlint_toml_over_a_pyproject_configuration(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from okrlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.okrlint]\nignore = ["kr-count"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--force"])
    assert result.exit_code == 0 and "init never rewrites pyproject.toml" in result.output
    assert not (tmp_path / "okrlint.toml").exists() and (tmp_path / "example.okr.yaml").exists()
    assert 'ignore = ["kr-count"]' in (tmp_path / "pyproject.toml").read_text(encoding="utf-8")


def test_a_chain_of_thousands_of_aligned_plans_does_not_exhaust_the_stack(tmp_path):
    # review 75: the fiscal-year pass followed each plan to the one it aligns to recursively (RecursionError, exit 2)
    company = ('team: company\nlevel: company\nperiod: "FY2026/27 (April–March)"\nobjectives:\n  - id: c-o1\n'
               '    title: Customers grow with us\n    key_results: [Raise MRR from $1M to $2M, Cut churn from 5% to 3%]\n')
    (tmp_path / "company.okr.yaml").write_text(company, encoding="utf-8")
    for i in range(1500):
        parent = "company/c-o1" if i == 0 else f"t{i - 1}/t{i - 1}-o1"
        (tmp_path / f"t{i}.okr.yaml").write_text(
            f'team: t{i}\nperiod: "FY2026/27"\nobjectives:\n  - id: t{i}-o1\n    title: Customers in area {i} grow\n'
            f'    aligns_to: ["{parent}"]\n    key_results: [Raise orders in area {i} from {i + 10} to {i + 20}]\n',
            encoding="utf-8")
    run = _check(tmp_path, ".", "--no-cache", "--select", "period-mismatch")
    assert "internal error" not in run.stderr and run.returncode in (0, 1)


def test_init_force_over_a_folder_named_like_the_configuration_is_a_one_line_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from okrlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "okrlint.toml").mkdir()
    result = CliRunner().invoke(main, ["init", "--force"])
    assert result.exit_code == 2 and "cannot write" in result.output and "internal error" not in result.output
