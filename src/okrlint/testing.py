"""Helpers for testing rules, okrlint's own and plugins': lint a string, run a rule's examples.

    from okrlint.testing import lint_yaml, check_examples
    findings = lint_yaml("team: a\\nobjectives: ...", select=["kr-count"])
"""

from __future__ import annotations

from collections.abc import Iterable

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.hookspecs import hookimpl
from okrlint.model import Finding
from okrlint.rules.base import Example, Rule

_ENGINES: dict[tuple, Engine] = {}


def engine_for(select: Iterable[str] | None = None, extra_plugins: Iterable[object] = (), **config) -> Engine:
    key = (tuple(select) if select else None, tuple(id(p) for p in extra_plugins), tuple(sorted(config.items())))
    engine = _ENGINES.get(key)
    if engine is None:
        engine = Engine(Config(select=list(select) if select else None, **config), extra_plugins=extra_plugins)
        _ENGINES[key] = engine
    return engine


def example_documents(example: Example, scope: str) -> list[tuple[str, str]]:
    """(file name, YAML text) pairs that stand for an example."""
    kind = example.kind
    if kind == "auto":
        kind = "key_result" if scope == "key_result" else "objective" if scope == "objective" else "yaml"
    lang = f"language: {example.language}\n" if example.language in ("th", "en") else ""
    text = example.text
    if kind == "key_result":
        return [("example.okr.yaml", f"team: example\n{lang}objectives:\n  - title: Example objective\n"
                 f"    key_results:\n      - {_quote(text)}\n")]
    if kind == "objective":
        return [("example.okr.yaml", f"team: example\n{lang}objectives:\n  - title: {_quote(text)}\n")]
    if kind == "org":
        return [(f"doc{i}.okr.yaml", doc) for i, doc in enumerate(text.split("\n---\n"))]
    return [("example.okr.yaml", text)]


def draft_documents(example: Example) -> list[tuple[str, str]]:
    return [("example.md", example.text)]


def sheet_documents(example: Example) -> list[tuple[str, bytes]]:
    """A ``sheet`` example: comma-separated rows written into an XLSX; cells starting with ``=`` become
    formulas with no saved result, as scripts write them."""
    import csv
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    for row in csv.reader(io.StringIO(example.text)):
        workbook.active.append([_sheet_value(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return [("example.xlsx", buffer.getvalue())]


def _sheet_value(cell: str):
    try:
        return float(cell) if cell.strip() and not cell.startswith("=") else (cell or None)
    except ValueError:
        return cell


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lint_documents(documents: list[tuple[str, str | bytes]], select: Iterable[str] | None = None, engine: Engine | None = None, **config) -> list[Finding]:
    engine = engine or engine_for(select, **config)
    sources = []
    for name, text in documents:
        source = engine.source_from_bytes(name, text if isinstance(text, bytes) else text.encode("utf-8"))
        sources.append(source)
    result = engine.run(sources=sources, complete=True)  # examples stand for whole orgs
    if result.errors:
        raise ValueError("; ".join(str(e) for e in result.errors))
    return list(result.findings)


def lint_yaml(text: str, select: Iterable[str] | None = None, name: str = "test.okr.yaml", **config) -> list[Finding]:
    return lint_documents([(name, text)], select=select, **config)


class _OneRulePlugin:
    """A plugin that registers one rule: lets a rule be tested before its plugin is installed or configured."""

    def __init__(self, rule: Rule):
        self.rule = rule

    @hookimpl
    def okrlint_rules(self):
        return [self.rule]


_ONE_RULE_PLUGINS: dict[str, _OneRulePlugin] = {}


def _engine_knowing(rule: Rule) -> Engine:
    """An engine that runs ``rule``: the default one, or one with the rule's own plugin added."""
    engine = engine_for()
    if engine.registry.get(rule.code) is not None:
        return engine
    plugin = _ONE_RULE_PLUGINS.setdefault(rule.code, _OneRulePlugin(rule))
    return engine_for(extra_plugins=[plugin])


def example_findings(rule: Rule, example: Example, engine: Engine | None = None) -> list[Finding]:
    engine = engine or _engine_knowing(rule)
    if example.kind == "draft":
        documents = draft_documents(example)
    elif example.kind == "sheet":
        documents = sheet_documents(example)
    else:
        documents = example_documents(example, str(rule.scope))
    findings = lint_documents(documents, select=[rule.code], engine=engine)
    return [f for f in findings if f.code == rule.code]


def check_examples(rule: Rule, engine: Engine | None = None) -> list[str]:
    """Problems with a rule's examples: a bad one that does not fire, a good one that does."""
    problems = []
    for example in rule.examples:
        fired = example_findings(rule, example, engine)
        if example.good and fired:
            problems.append(f"good example fires: {example.text!r}: {fired[0].message}")
        if not example.good and not fired:
            problems.append(f"bad example does not fire: {example.text!r}")
    return problems
