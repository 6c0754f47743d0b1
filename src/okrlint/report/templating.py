"""The Jinja environment for human-readable reports (imported only when such a report is rendered)."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from okrlint.model import Severity
from okrlint.report import ReportContext
from okrlint.report.text import painter



_ENVIRONMENT_VERSION = 2  # raise when environment() changes an option that is compiled into templates


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in okrlint's private per-user folder (never in a shared or project one)."""
    from okrlint.text.segment import derived_data_dir

    try:
        # compiled code depends on the environment's options (finalize, autoescape), not only on a template's source
        folder = derived_data_dir() / f"templates-{_ENVIRONMENT_VERSION}"
        folder.mkdir(mode=0o700, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder))
    except OSError:
        return None


def environment(template_dir: str | None = None, *, line_breaks: str = "space") -> jinja2.Environment:
    """The reports' Jinja environment; ``line_breaks`` says what becomes of a line break in a value (see
    okrlint.report.printable: a report's cells are one line each, rules.md's YAML examples keep theirs)."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    # A plain folder loader: PackageLoader goes through importlib.resources, 20 ms of a small run.
    loaders.append(jinja2.FileSystemLoader(str(Path(__file__).resolve().parent / "templates")))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=_bytecode_cache(),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2", "xml.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=functools.partial(_printable_value, line_breaks=line_breaks),
    )
    env.filters["in_order"] = in_order
    return env


def in_order(findings):
    """Findings in report order, by file, page, sheet, line, column, code and message (``Finding.sort_key``). A
    template sorts findings with this, not with ``sort``: a report in Thai holds translated findings beside ones
    shown as written (a rule pack's or plugin's message the catalogue has no entry for), and the two kinds do not
    compare with each other."""
    from okrlint.model import Finding

    return sorted(findings, key=Finding.sort_key)


def _printable_value(value, line_breaks: str):
    """Every ``{{ … }}`` of a report: control characters from titles and file names written as escapes (colour codes
    okrlint added, and HTML already made safe, are left as they are)."""
    from markupsafe import Markup

    from okrlint.report import printable
    from okrlint.report.text import Painted

    if isinstance(value, str) and not isinstance(value, (Markup, Painted)):
        return printable(value, line_breaks=line_breaks)
    return value


def render_named(name: str, context: ReportContext) -> str:
    from okrlint.report.builtin import summary_counts
    from okrlint.report.text import input_error_counts

    env = environment(context.template_dir)

    env.filters["paint"] = painter(context.color)
    template = env.get_template(name)
    return template.render(
        result=context.result,
        findings=context.result.findings,
        errors=context.result.errors,
        input_errors=input_error_counts(context.result),
        summary=summary_counts(context.result),
        version=context.version,
        language=context.language,
        Severity=Severity,
    )
