"""okrlint's own reporters, registered through the same hook as any plugin's."""

from __future__ import annotations

import json
import types

from okrlint.hookspecs import hookimpl
from okrlint.model import Severity
from okrlint.report import ReportContext, Reporter


def summary_counts(result) -> dict:
    findings = result.findings
    return {
        "files": result.files,
        "objectives": sum(len(s.objectives) for s in result.org.sets),
        "key_results": sum(len(o.key_results) for s in result.org.sets for o in s.objectives),
        "errors": sum(1 for f in findings if f.severity is Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity is Severity.WARNING),
        "infos": sum(1 for f in findings if f.severity is Severity.INFO),
    }


def finding_dict(finding) -> dict:
    location = finding.location
    row = {
        "code": finding.code,
        "name": finding.name,
        "category": finding.category,
        "severity": str(finding.severity),
        "message": finding.message,
        "file": location.file,
        "line": location.line,
        "column": location.column,
        "object_id": finding.object_id,
        "object_kind": finding.object_kind,
    }
    if location.sheet is not None:
        row["sheet"] = location.sheet
    if location.paragraph is not None:
        row["paragraph"] = location.paragraph
    return row


def render_json(context: ReportContext) -> str:
    from okrlint.report.objects import iter_object_rows

    result = context.result
    document = {
        "okrlint_version": context.version,
        # Rows are generated and written one at a time: an org of 100k KRs never holds them all as dicts.
        "findings": (finding_dict(f) for f in result.findings),
        "objects": iter_object_rows(result),
        "summary": summary_counts(result),
    }
    if result.errors:
        document["errors"] = [
            {"message": e.message, "file": e.location.file, "line": e.location.line, "column": e.location.column}
            for e in result.errors
        ]
    return dumps_readable(document)


def dumps_readable(document: dict) -> str:
    """JSON with one top-level key per line and one list item per line.

    Readable and diffable like ``indent=2`` for the large lists, but written by the C encoder
    (``indent`` switches json to its pure-Python encoder, 10x slower on an org of 100k KRs).
    Values that are lists or generators are written item by item.
    """
    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    parts = []
    for key, value in document.items():
        if isinstance(value, (list, types.GeneratorType)):
            items = ",\n    ".join(compact(item) for item in value)
            parts.append(f"  {compact(key)}: [\n    {items}\n  ]" if items else f"  {compact(key)}: []")
        else:
            parts.append(f"  {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def render_template(name: str):
    def render(context: ReportContext) -> str:
        from okrlint.report.templating import render_named

        return render_named(name, context)

    return render


@hookimpl
def okrlint_reporters():
    return [
        Reporter("text", render_template("text.j2"), "file:line:col: CODE [name] message (default)", ".txt"),
        Reporter("json", render_json, "the JSON document of SPEC §3", ".json"),
        *extra_reporters(),
    ]


def extra_reporters() -> list[Reporter]:
    """Rich human reports and CI formats; their modules load only when one is rendered."""

    def lazy(module: str, function: str):
        def render(context: ReportContext) -> str:
            import importlib

            return getattr(importlib.import_module(module), function)(context)

        return render

    return [
        Reporter("html", lazy("okrlint.report.human", "render_html"), "a self-contained HTML report with health scores", ".html"),
        Reporter("markdown", lazy("okrlint.report.human", "render_markdown"), "summary and findings per team, for GitHub or a wiki", ".md"),
        Reporter("sarif", lazy("okrlint.report.sarif", "render_sarif"), "SARIF 2.1.0 for code scanning", ".sarif"),
        Reporter("github", lazy("okrlint.report.ci", "render_github"), "GitHub Actions workflow-command annotations", ".txt"),
        Reporter("junit", lazy("okrlint.report.ci", "render_junit"), "JUnit XML: a testcase per OKR set, a failure per finding", ".xml"),
        Reporter("gitlab", lazy("okrlint.report.ci", "render_gitlab"), "GitLab Code Quality JSON", ".json"),
    ]
