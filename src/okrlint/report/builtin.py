"""okrlint's own reporters, registered through the same hook as any plugin's."""

from __future__ import annotations

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
    if location.page is not None:
        row["page"] = location.page
    return row


def render_json(context: ReportContext) -> str:
    return "".join(stream_json(context))


def stream_json(context: ReportContext):
    """The JSON document in pieces, so an org of 100k KRs is written without holding it whole."""
    from okrlint.report.objects import iter_object_rows

    result = context.result
    document = {
        "okrlint_version": context.version,
        "findings": (finding_dict(f) for f in result.findings),
        "objects": iter_object_rows(result),
        "summary": summary_counts(result),
    }
    if result.errors:
        document["errors"] = [
            {"message": e.message, "file": e.location.file, "line": e.location.line, "column": e.location.column}
            for e in result.errors
        ]
    plugin_problems = getattr(result, "plugin_problems", ())
    if plugin_problems:  # plugins that failed to load or to run a hook: their rules did not run
        document["plugin_failures"] = [{"plugin": p.plugin, "message": p.message} for p in plugin_problems]
    skipped = getattr(result, "skipped", ())
    if skipped:  # what a folder's walk left out, and documents found to hold no OKRs: a whole-drive run can be audited
        document["skipped"] = [{"file": file, "reason": reason} for file, reason in skipped]
    return readable_json_chunks(document)


def dumps_readable(document: dict) -> str:
    return "".join(readable_json_chunks(document))


def readable_json_chunks(document: dict):
    """JSON with one top-level key per line and one list item per line.

    Readable and diffable like ``indent=2`` for the large lists, but written by the C encoder
    (``indent`` switches json to its pure-Python encoder, 10x slower on an org of 100k KRs).
    Values that are lists or generators are written item by item.
    """
    import json  # here: a text-report run never needs it

    # One encoder for every item: json.dumps with options builds a new encoder per call.
    compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode

    yield "{"
    for number, (key, value) in enumerate(document.items()):
        yield ("\n" if number == 0 else ",\n") + f"  {compact(key)}: "
        if isinstance(value, (list, types.GeneratorType)):
            empty = True
            for item in value:
                yield ("[\n    " if empty else ",\n    ") + compact(item)
                empty = False
            yield "[]" if empty else "\n  ]"
        else:
            yield compact(value)
    yield "\n}\n"


def render_text(context: ReportContext) -> str:
    from okrlint.report.text import render_text as render

    return render(context)


@hookimpl
def okrlint_reporters():
    return [
        Reporter("text", render_text, "file:line:col: CODE [name] message (default)", ".txt", replayable=True),
        Reporter("grouped", render_grouped, "the text findings grouped under each file (and sheet), for a whole "
                 "organisation", ".txt", replayable=True),
        Reporter("json", render_json, "the JSON document of SPEC §3", ".json", stream=stream_json, replayable=True),
        *extra_reporters(),
    ]


def render_grouped(context: ReportContext) -> str:
    from okrlint.report.templating import render_named

    return render_named("grouped.j2", context)


def extra_reporters() -> list[Reporter]:
    """Rich human reports and CI formats; their modules load only when one is rendered."""

    def lazy(module: str, function: str):
        def render(context: ReportContext) -> str:
            import importlib

            return getattr(importlib.import_module(module), function)(context)

        return render

    return [
        Reporter("html", lazy("okrlint.report.human", "render_html"), "a self-contained HTML report with health scores", ".html"),
        Reporter("markdown", lazy("okrlint.report.human", "render_markdown"), "summary and findings per team, for GitHub or a wiki", ".md", replayable=True),
        Reporter("sarif", lazy("okrlint.report.sarif", "render_sarif"), "SARIF 2.1.0 for code scanning", ".sarif", replayable=True),
        Reporter("github", lazy("okrlint.report.ci", "render_github"), "GitHub Actions workflow-command annotations", ".txt", replayable=True),
        Reporter("junit", lazy("okrlint.report.ci", "render_junit"), "JUnit XML: a testsuite per OKR set, a testcase (and failure) per finding", ".xml", replayable=True),
        Reporter("gitlab", lazy("okrlint.report.ci", "render_gitlab"), "GitLab Code Quality JSON", ".json", replayable=True),
    ]
