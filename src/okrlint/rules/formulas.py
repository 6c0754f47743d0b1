"""Spreadsheet-only structure rule: formulas whose results were never calculated."""

from __future__ import annotations

from okrlint.load.tables import FORMULA
from okrlint.rules.base import Violation, rule


@rule(
    code="STR050", name="uncomputed-formula", category="structure", severity="warning", scope="set",
    summary="A spreadsheet cell holds a formula with no saved result, so okrlint sees it as empty.",
    rationale="Workbooks written by scripts (openpyxl, pandas) or exported half-way keep formulas but no results "
    "until Excel or LibreOffice recalculates and saves them. okrlint reads the saved results, so a baseline or "
    "target computed by such a formula looks empty and the key result may be reported as not measurable. "
    "Open the file in a spreadsheet program and save it once.",
)
def uncomputed_formula(okr_set, ctx):
    for problem in okr_set.problems:
        if problem.field == FORMULA:
            yield Violation(problem.message, problem.location)
    for objective in okr_set.objectives:
        for problem in objective.problems:
            if problem.field == FORMULA:
                yield Violation(problem.message, problem.location, target=objective)
        for kr in objective.key_results:
            for problem in kr.problems:
                if problem.field == FORMULA:
                    yield Violation(problem.message, problem.location, target=kr)


RULES = [uncomputed_formula]
