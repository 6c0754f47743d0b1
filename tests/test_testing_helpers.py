"""okrlint.testing works for the rule a plugin author is writing, before the plugin is installed or configured."""

from __future__ import annotations

import sys
import types

from okrlint.hookspecs import hookimpl
from okrlint.rules.base import Violation, bad, good, rule
from okrlint.testing import check_examples, lint_yaml


@rule(code="ZTH001", name="no-moonshot-word", category="custom", severity="warning", scope="key_result",
      summary="Key results avoid the word moonshot.",
      examples=[bad("A moonshot for signups from 10 to 90"), good("Signups from 10 to 90")])
def no_moonshot_word(kr, ctx):
    if "moonshot" in ctx.facts(kr).tokens:
        yield Violation("'moonshot' is jargon: say what changes")


def test_check_examples_runs_a_rule_no_plugin_registered():
    assert check_examples(no_moonshot_word) == []


def test_lint_yaml_runs_a_local_plugin_given_as_extra_plugins():
    module = types.ModuleType("zth_local_rules")
    module.okrlint_rules = hookimpl(lambda: [no_moonshot_word])
    sys.modules["zth_local_rules"] = module
    try:
        text = "team: a\nobjectives:\n  - title: Customers stay\n    key_results:\n      - A moonshot from 1 to 5\n"
        found = lint_yaml(text, select=["ZTH001"], extra_plugins=[module])
    finally:
        del sys.modules["zth_local_rules"]
    assert [f.code for f in found] == ["ZTH001"]


def test_the_documented_local_plugin_and_its_tests_work_verbatim(tmp_path, monkeypatch):
    import re
    import subprocess
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, re.S)
    for name in ("okr_rules_local.py", "test_okr_rules_local.py"):
        (tmp_path / name).write_text(next(b for b in blocks if b.startswith(f"# {name}")), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_okr_rules_local.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
