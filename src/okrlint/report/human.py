"""The HTML and Markdown reports: Jinja templates over the :mod:`okrlint.report.overview` of a run.

Organisations can replace ``report.html.j2`` / ``report.md.j2`` with their own through ``template_dir``.
HTML is always rendered with autoescape on, whatever the template's file name.

The templates write their own words through ``t`` (:class:`okrlint.report.Words`): English as written, Thai from the
message catalogue's ``words`` in a Thai run (``language``). Severity words, rule codes and names stay as they are.
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

    from okrlint.report import Words

    result = context.result
    overview = build_overview(result)
    words = Words(context.language)
    return {
        "language": context.language,  # of the report's own words
        "t": words,
        "result": result,
        "overview": overview,
        "summary": summary_counts(result),
        "errors": result.errors,
        "version": context.version,
        "generated": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip(),
        "category_chart": stacked_bars(overview.by_category),
        "team_chart": stacked_bars(overview.by_team),
        "tree": alignment_tree(result.org, result.findings, words=words),
        "severities": SEVERITY_ORDER,
        "rules": {rule.code: rule for rule in result.rules},
        "penalties": Penalties(),
        "titles": _titles(result.org),
    }


def _titles(org) -> dict[tuple[str, str], str]:
    """(team, uid) -> title of every objective and key result, to name what a finding is about."""
    from okrlint.report.overview import shown_text

    titles = {}
    for okr_set, objective in org.objectives():
        titles[(okr_set.team, objective.uid)] = shown_text(objective.title)
        for kr in objective.key_results:
            titles[(okr_set.team, kr.uid)] = shown_text(kr.title)
    return titles


def _environment(context: ReportContext, autoescape: bool):
    from okrlint.report.templating import environment

    env = environment(context.template_dir)
    env.autoescape = autoescape
    env.filters["md"] = markdown_escape
    env.filters["lang"] = language_of
    env.filters["with_unit"] = with_unit
    return env


_PERCENT_UNITS = frozenset({"%", "ร้อยละ", "เปอร์เซ็นต์", "percent", "per cent"})


def with_unit(value, unit: str | None) -> str:
    """A key result's value with its unit, written once and where the language puts it: "4 ชั่วโมง" (not "4 ชั่วโมง
    ชั่วโมง" when the cell already says it), "ร้อยละ 70" (Thai writes the word before the number), "70%"."""
    text = str(value).strip()
    unit = (unit or "").strip()
    if not unit or unit.casefold() in text.casefold():
        return text
    if unit.casefold() in _PERCENT_UNITS:
        if any(word in text.casefold() for word in _PERCENT_UNITS):
            return text
        return f"{unit} {text}" if unit[:1] >= "\u0e00" else f"{text}%"
    return f"{text} {unit}"


def render_html(context: ReportContext) -> str:
    return _render(context, HTML_TEMPLATE, autoescape=True)


def render_markdown(context: ReportContext) -> str:
    return _render(context, MARKDOWN_TEMPLATE, autoescape=False)


def _render(context: ReportContext, name: str, autoescape: bool) -> str:
    import jinja2

    from okrlint.report.outputs import OutputError

    env = _environment(context, autoescape)
    try:
        return env.get_template(name).render(**_context(context))
    except jinja2.TemplateSyntaxError as exc:
        raise OutputError(f"{exc.filename or exc.name or name}:{exc.lineno}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise OutputError(f"{name}: template error: {exc}") from None
