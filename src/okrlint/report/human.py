"""The HTML and Markdown reports: Jinja templates over the :mod:`okrlint.report.overview` of a run.

Organisations can replace ``report.html.j2`` / ``report.md.j2`` with their own through ``template_dir``.
HTML is always rendered with autoescape on, whatever the template's file name.
"""

from __future__ import annotations

import datetime as dt
import re

from okrlint.report import ReportContext

HTML_TEMPLATE = "report.html.j2"
MARKDOWN_TEMPLATE = "report.md.j2"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
_THAI = re.compile("[\u0e00-\u0e7f]")


def language_of(text) -> str:
    """``th`` when the text has Thai letters (lets the browser pick Thai glyphs and line breaking), else ``en``."""
    return "th" if _THAI.search(str(text or "")) else "en"


def markdown_escape(text) -> str:
    """Make any text safe inside a Markdown table cell: no table breaks, no markup, no raw HTML."""
    text = " ".join(str(text).split())  # a cell is one line
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _context(context: ReportContext) -> dict:
    from okrlint.report.alignment_tree import alignment_tree
    from okrlint.report.builtin import summary_counts
    from okrlint.report.charts import stacked_bars
    from okrlint.report.overview import SEVERITY_ORDER, build_overview
    from okrlint.report.scores import Penalties

    result = context.result
    overview = build_overview(result)
    return {
        "result": result,
        "overview": overview,
        "summary": summary_counts(result),
        "errors": result.errors,
        "version": context.version,
        "generated": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip(),
        "category_chart": stacked_bars(overview.by_category),
        "team_chart": stacked_bars(overview.by_team),
        "tree": alignment_tree(result.org, result.findings),
        "severities": SEVERITY_ORDER,
        "rules": {rule.code: rule for rule in result.rules},
        "penalties": Penalties(),
    }


def _environment(context: ReportContext, autoescape: bool):
    from okrlint.report.templating import environment

    env = environment(context.template_dir)
    env.autoescape = autoescape
    env.filters["md"] = markdown_escape
    env.filters["lang"] = language_of
    return env


def render_html(context: ReportContext) -> str:
    env = _environment(context, autoescape=True)
    return env.get_template(HTML_TEMPLATE).render(**_context(context))


def render_markdown(context: ReportContext) -> str:
    env = _environment(context, autoescape=False)
    return env.get_template(MARKDOWN_TEMPLATE).render(**_context(context))
