"""Custom organisation rules, the ways an organisation adds them without forking okrlint:
an installed plugin package (entry point), and a local plugin module named in the configuration.
(Declarative YAML packs are tested in test_rule_packs.py.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
THAI_PLUGIN = ROOT / "plugins" / "okrlint-thai-public-sector"

AGENCY_SET = """team: กองแผนงาน
period: 2026
objectives:
  - id: plan-o1
    title: ประชาชนได้รับบริการที่รวดเร็ว
    key_results:
      - id: plan-kr1
        title: ร้อยละการเบิกจ่ายงบประมาณเพิ่มจาก 70 เป็น 95
      - id: plan-kr2
        title: ลดเวลารอรับบริการจาก 40 นาที เหลือ 15 นาที
"""

LOCAL_PLUGIN = '''
"""Our organisation's rules, kept next to the OKR files: no packaging needed."""
from okrlint.hookspecs import hookimpl
from okrlint.rules.base import Violation, rule


@rule(code="ORG001", name="no-jargon", category="custom", severity="warning", scope="key_result",
      summary="Key results avoid our internal jargon.")
def no_jargon(kr, ctx):
    for word in ("moonshot", "ปังปุริเย่"):
        if word in ctx.facts(kr).tokens:
            yield Violation(f"'{word}' is jargon: say what changes")


@hookimpl
def okrlint_rules():
    return [no_jargon]
'''


def invoke(args, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_local_plugin_module_named_in_the_config(tmp_path):
    (tmp_path / "okr_rules_local.py").write_text(LOCAL_PLUGIN, encoding="utf-8")
    (tmp_path / "okrlint.toml").write_text('plugins = ["okr_rules_local.py"]\n')
    (tmp_path / "a.okr.yaml").write_text(
        "team: a\nobjectives:\n  - title: Delight customers\n    key_results:\n"
        "      - A moonshot for signups from 10 to 90\n      - Lift NPS from 20 to 40\n")
    listed = invoke(["rules", "--select", "ORG"], tmp_path)
    assert "ORG001" in listed.output and "no-jargon" in listed.output
    checked = invoke(["check", "a.okr.yaml", "--select", "ORG001", "--format", "json"], tmp_path)
    assert checked.exit_code == 1
    (finding,) = json.loads(checked.stdout)["findings"]
    assert finding["name"] == "no-jargon" and finding["line"] == 5
    assert "ORG001" in invoke(["explain", "no-jargon"], tmp_path).output


def test_a_broken_local_plugin_is_a_warning_not_a_crash(tmp_path):
    (tmp_path / "okr_rules_local.py").write_text("raise RuntimeError('half-written')\n")
    (tmp_path / "okrlint.toml").write_text('plugins = ["okr_rules_local.py"]\n')
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Delight customers\n")
    result = invoke(["check", "a.okr.yaml", "--select", "kr-count"], tmp_path)
    assert "okr_rules_local.py: cannot be loaded: RuntimeError: half-written" in result.stderr
    # the run goes on, but a plugin the configuration names that did not run is the configuration's mistake
    assert "is named in the configuration but failed" in result.stderr
    assert result.exit_code == 2


@pytest.fixture(scope="module")
def venv_with_plugin(tmp_path_factory):
    work = tmp_path_factory.mktemp("plugin-venv")
    env_dir = work / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    source = work / "plugin"
    shutil.copytree(THAI_PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    install = [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check"]
    for extra in (["--no-build-isolation"], []):  # offline when the backend is installed, else from PyPI
        done = subprocess.run([*install, *extra, str(source)], capture_output=True, text=True, env=env, timeout=600)
        if done.returncode == 0:
            return python, env
    pytest.skip(f"cannot install the plugin (no network or build backend?): {done.stderr.strip()[-300:]}")


def test_installed_plugin_package_is_listed_and_reports(venv_with_plugin, tmp_path):
    python, env = venv_with_plugin
    listed = subprocess.run([str(python), "-m", "okrlint", "rules"], capture_output=True, text=True, env=env)
    assert listed.returncode == 0, listed.stderr
    for name in ("fiscal-year-period", "kpi-unit-and-target", "percentage-without-base", "disbursement-only-measure"):
        assert name in listed.stdout
    (tmp_path / "plan.okr.yaml").write_text(AGENCY_SET, encoding="utf-8")
    checked = subprocess.run([str(python), "-m", "okrlint", "check", "plan.okr.yaml", "--select", "TPS"],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "TPS001 [fiscal-year-period]" in checked.stdout
    assert "TPS004 [disbursement-only-measure]" in checked.stdout
