"""Plugins and rules that break never take the run down."""


from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.hookspecs import hookimpl
from okrlint.plugins import create_host
from okrlint.rules.base import Violation, rule
from okrlint.testing import lint_documents

DOC = [("a.okr.yaml", "team: a\nobjectives:\n  - title: Shops stay with us\n    key_results:\n"
        "      - Cut churn of shops from 5% to 3%\n      - Raise renewals of shops from 70% to 80%\n")]


@rule(code="ZZZ001", name="always-crashes", category="custom", severity="error", scope="key_result",
      summary="A rule with a bug.")
def always_crashes(kr, ctx):
    raise RuntimeError("boom")


@rule(code="ZZZ002", name="flags-every-objective", category="custom", severity="info", scope="objective",
      summary="A rule that works.")
def flags_every_objective(objective, ctx):
    yield Violation(f"seen {objective.title}")


class GoodPlugin:
    @hookimpl
    def okrlint_rules(self):
        return [always_crashes, flags_every_objective]


class HookRaises:
    @hookimpl
    def okrlint_rules(self):
        raise ValueError("cannot build my rules")


class MisspelledHook:
    @hookimpl
    def okrlint_rulez(self):
        return []


def test_crashing_rule_becomes_internal_error_and_run_goes_on():
    engine = Engine(Config(), extra_plugins=[GoodPlugin()])
    findings = lint_documents(DOC, engine=engine)
    errors = [f for f in findings if f.name == "internal-error"]
    assert len(errors) == 2  # once per key result
    assert "ZZZ001 [always-crashes]" in errors[0].message and "RuntimeError: boom" in errors[0].message
    assert any(f.code == "ZZZ002" for f in findings)


def test_plugin_whose_hook_raises_is_reported_not_fatal():
    engine = Engine(Config(), extra_plugins=[HookRaises()])
    result = engine.run(sources=[engine.source_from_bytes(*DOC[0][:1], DOC[0][1].encode())])
    assert any("cannot build my rules" in w for w in result.warnings)
    assert engine.registry.get("kr-not-measurable") is not None


def test_misspelled_hook_fails_loudly_but_names_the_plugin():
    host = create_host(entry_points=False, extra=[MisspelledHook()])
    assert any("okrlint_rulez" in str(p) for p in host.problems)


def test_clashing_rule_code_is_skipped_with_a_warning():

    @rule(code="MEA001", name="my-measurable", category="custom", severity="error", scope="key_result", summary="x")
    def mine(kr, ctx):
        return ()

    class Clash:
        @hookimpl
        def okrlint_rules(self):
            return [mine]

    engine = Engine(Config(), extra_plugins=[Clash()])
    assert any("clashes with MEA001" in p for p in engine.registry.problems)
    assert engine.registry.get("MEA001").name == "kr-not-measurable"


def test_broken_local_plugin_file(tmp_path):
    plugin = tmp_path / "broken_plugin.py"
    plugin.write_text("raise ImportError('missing dependency')\n")
    host = create_host(entry_points=False, local_plugins=[str(plugin)])
    assert any("missing dependency" in str(p) for p in host.problems)
