"""The company pack: its rules, their options, and the package installed for real."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PLUGIN = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(PLUGIN / "src"))

from installed import InstallFailed, install_into_venv, run_okrlint  # noqa: E402

import okrlint_company_pack  # noqa: E402
from okrlint.config import Config  # noqa: E402
from okrlint.engine import Engine  # noqa: E402
from okrlint.testing import check_examples, lint_documents  # noqa: E402

DEPARTMENT = """team: finance
level: department
owner: Head of Finance
objectives:
  - id: fin-o1
    title: Close the books two days faster
    owner: '@mali'
    key_results:
      - id: fin-kr1
        title: Cut closing time from 7 days to 5 days
        owner: somchai@example.com
      - id: fin-kr2
        title: Cut manual journal entries from 400 to 150
        owner: finance team
"""


def lint(text: str, **config):
    engine = Engine(Config(select=["CMP"], **config), extra_plugins=[okrlint_company_pack])
    return [(f.name, f.object_id, f.message) for f in lint_documents([("fin.okr.yaml", text)], engine=engine)]


@pytest.mark.parametrize("code", ["CMP001", "CMP002"])
def test_examples(code):
    engine = Engine(Config(), extra_plugins=[okrlint_company_pack])
    assert check_examples(engine.registry.get(code), engine) == []


def test_owner_format_and_customer_objective():
    found = lint(DEPARTMENT)
    owners = [(object_id, message) for name, object_id, message in found if name == "owner-format"]
    assert [object_id for object_id, _ in owners] == ["finance", "fin-kr2"]
    assert any(name == "customer-facing-objective" for name, _, _ in found)


def test_options_change_the_pattern_and_levels():
    found = lint(DEPARTMENT, rule_options={"owner-format": {"pattern": r"^@\w+$"},
                                           "customer-facing-objective": {"levels": ["company"]}})
    assert sorted(object_id for name, object_id, _ in found if name == "owner-format") == ["fin-kr1", "fin-kr2", "finance"]
    assert not any(name == "customer-facing-objective" for name, _, _ in found)


def test_a_bad_pattern_becomes_an_internal_error_naming_the_rule():
    engine = Engine(Config(select=["CMP001"], rule_options={"owner-format": {"pattern": "("}}),
                    extra_plugins=[okrlint_company_pack])
    (finding,) = lint_documents([("fin.okr.yaml", DEPARTMENT)], engine=engine)
    assert finding.name == "internal-error" and "owner-format" in finding.message and "pattern" in finding.message


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    try:
        return install_into_venv(PLUGIN, tmp_path_factory.mktemp("venv") / "env")
    except InstallFailed as exc:
        pytest.skip(f"cannot install the plugin here: {exc}")


def test_installed_package_is_found_and_configured(installed, tmp_path):
    python, env = installed
    listed = run_okrlint(python, env, "rules", "--select", "CMP")
    assert listed.returncode == 0, listed.stderr
    assert "owner-format" in listed.stdout and "customer-facing-objective" in listed.stdout
    (tmp_path / "fin.okr.yaml").write_text(DEPARTMENT)
    (tmp_path / "okrlint.toml").write_text('select = ["CMP"]\n[rules.owner-format]\npattern = "^@"\n')
    checked = run_okrlint(python, env, "check", "fin.okr.yaml", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    flagged = sorted(f["object_id"] for f in json.loads(checked.stdout)["findings"] if f["name"] == "owner-format")
    assert flagged == ["fin-kr1", "fin-kr2", "finance"]
