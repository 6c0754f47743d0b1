"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from okrlint.model import Finding, Severity
from okrlint.report import ReportContext, document_position, names_a_file
from okrlint.report.fingerprints import fingerprints
from okrlint.text import regexcache

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/okrlint/okrlint"
RULES_DOC_URL = INFORMATION_URI + "/blob/main/docs/rules.md"
FINGERPRINT_KEY = "okrlintFingerprint/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(context: ReportContext) -> str:
    return json.dumps(sarif_document(context), ensure_ascii=False, indent=2) + "\n"


def sarif_document(context: ReportContext) -> dict:
    result = context.result
    rules = _rules_with_findings(result)
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = [
        _result(finding, index, fingerprint)
        for finding, fingerprint in zip(result.findings, fingerprints(result.findings))
    ]
    # a plugin that failed to load (an installed package's too, which is only a warning on standard error) means
    # its rules did not run: the run is not a successful execution, and says why
    failed_plugins = _unreported_plugin_problems(result)
    invocation = {"executionSuccessful": not result.errors and not failed_plugins}
    if result.errors or failed_plugins:
        invocation["toolExecutionNotifications"] = [
            *(_notification(error) for error in result.errors),
            *({"level": "warning", "message": {"text": f"{problem}; its rules did not run"}}
              for problem in failed_plugins)]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okrlint",
                        "version": context.version or "0",
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _rules_with_findings(result) -> list:
    """The selected rules, plus any rule a finding names that is not among them (the internal-error rule)."""
    rules = list(result.rules)
    known = {rule.code for rule in rules}
    missing = {f.code for f in result.findings} - known
    if missing:
        from okrlint.rules.registry import INTERNAL_ERROR

        if INTERNAL_ERROR.code in missing:
            rules.append(INTERNAL_ERROR)
    return rules


def rule_help_uri(rule) -> str | None:
    """The rule's anchor in okrlint's docs/rules.md, for okrlint's own rules; None for a rule pack's or a
    plugin's rule, which that page does not describe (its help text and examples are in ``help``)."""
    if rule.origin != "okrlint" and not rule.origin.startswith("okrlint."):
        return None
    return f"{RULES_DOC_URL}#{rule.name}"


def _rule(rule) -> dict:
    described = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "helpUri": rule_help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "category": rule.category,
            "scope": str(rule.scope),
            "tags": ["okr", rule.category],
        },
    }
    if described["helpUri"] is None:
        del described["helpUri"]
    return described


def _examples(rule, good: bool) -> list:
    return [example for example in rule.examples if example.good is good]


def _help_text(rule) -> str:
    lines = [rule.doc]
    for label, good in (("Bad", False), ("Good", True)):
        for example in _examples(rule, good):
            lines.append(f"{label} [{example.language}]: {example.text.strip()}")
    return "\n".join(lines)


def _help_markdown(rule) -> str:
    parts = [f"**{rule.code} `{rule.name}`** ({rule.category}, {rule.severity})", "", rule.doc]
    for label, good in (("Bad (the rule fires)", False), ("Good (the rule stays quiet)", True)):
        examples = _examples(rule, good)
        if examples:
            parts += ["", f"{label}:", ""]
            for example in examples:
                fence = "```yaml" if "\n" in example.text.strip() else "```text"
                parts += [f"_{example.language}_", fence, example.text.strip(), "```"]
    return "\n".join(parts)


def _result(finding: Finding, index: dict, fingerprint: str) -> dict:
    item = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"name": finding.name, "category": finding.category},
    }
    if finding.code in index:
        item["ruleIndex"] = index[finding.code]
    location = _location(finding)
    if location:
        item["locations"] = [location]
    if finding.team:
        item["properties"]["team"] = finding.team
    return item


_DRIVE = regexcache.compile(r"[A-Za-z]:/")


def artifact_uri(path: str) -> str:
    """A relative or absolute file path as a URI reference (spaces, Thai letters, a colon that would read as a scheme
    and a backslash that is part of a POSIX name percent-encoded)."""
    if os.sep == "\\":
        path = path.replace("\\", "/")
        drive = _DRIVE.match(path)  # "C:/work/x.okr.yaml" keeps its drive
        if drive:
            return drive.group(0) + quote(path[drive.end():], safe="/")
    return quote(path, safe="/")


def _location(finding: Finding) -> dict | None:
    location = finding.location
    entry: dict = {}
    if names_a_file(location.file):
        line, column = document_position(location)  # a Word table cell: its paragraph, not the table's row
        region = {"startLine": line, "startColumn": column}
        entry["physicalLocation"] = {"artifactLocation": {"uri": artifact_uri(location.file)}, "region": region}
    if finding.object_id:
        logical = {"name": finding.object_id, "kind": finding.object_kind or "object"}
        if finding.team and finding.object_kind != "set":
            # generated ids already start with the team ("sales/o1/kr2"); given ones ("s-o1") do not
            qualified = finding.object_id if finding.object_id.startswith(finding.team + "/") else (
                f"{finding.team}/{finding.object_id}")
            logical["fullyQualifiedName"] = qualified
        entry["logicalLocations"] = [logical]
    properties = {}
    if location.sheet is not None:
        properties["sheet"] = location.sheet
        properties["cell"] = str(location).rsplit("!", 1)[-1]
    if location.paragraph is not None:
        properties["paragraph"] = location.paragraph
    if location.page is not None:
        properties["page"] = location.page
    if properties:
        entry["properties"] = properties
    return entry or None


def _unreported_plugin_problems(result) -> list:
    """The plugin failures of a run that no input error already tells (one of a configured plugin does)."""
    problems = getattr(result, "plugin_problems", ())
    if not problems:
        return []
    told = {getattr(error, "plugin", None) for error in result.errors}
    return [problem for problem in problems if problem.plugin not in told]


def _notification(error) -> dict:
    location = error.location
    notification = {"level": "error", "message": {"text": error.message}}
    if names_a_file(location.file):
        notification["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(location.file)},
                    "region": {"startLine": max(1, location.line), "startColumn": max(1, location.column)},
                }
            }
        ]
    return notification
