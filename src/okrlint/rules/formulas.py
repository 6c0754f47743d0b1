"""Spreadsheet-only structure rule: formulas whose results were never calculated."""

from __future__ import annotations

from okrlint.model import FORMULA_FIELD as FORMULA
from okrlint.rules.base import Violation, bad, good, rule


@rule(
    code="STR050", name="uncomputed-formula", category="structure", severity="warning", scope="set",
    summary="A spreadsheet cell that okrlint reads (title, baseline, target ...) holds a formula with no saved result, "
    "so okrlint sees it as empty.",
    rationale="Workbooks written by scripts (openpyxl, pandas) or exported half-way keep formulas but no results "
    "until Excel or LibreOffice recalculates and saves them. okrlint reads the saved results, so a baseline, "
    "target or title computed by such a formula looks empty; that key result is then not reported as not "
    "measurable, without a baseline or without a title, as its values are unknown. Formulas in columns okrlint "
    "does not read (a 'Progress %' column) are left alone. Open the file in a spreadsheet program and save it once.",
    examples=[
        bad("Objective,Key result,Baseline,Target\nMake checkout effortless,Cut checkout time in seconds,95,=C2-55",
            "en", kind="sheet", note="written by a script: the formula has no saved result"),
        good("Objective,Key result,Baseline,Target\nMake checkout effortless,Cut checkout time in seconds,95,40",
             "en", kind="sheet"),
        bad("วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\nลูกค้าชำระเงินได้ง่าย,ลดเวลาชำระเงิน (วินาที),95,=C2*0.4",
            "th", kind="sheet"),
        good("วัตถุประสงค์,ผลลัพธ์หลัก,ค่าฐาน,ค่าเป้าหมาย\nลูกค้าชำระเงินได้ง่าย,ลดเวลาชำระเงิน (วินาที),95,38",
             "th", kind="sheet"),
    ],
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
