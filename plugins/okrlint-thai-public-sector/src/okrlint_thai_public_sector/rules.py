"""Rules for Thai public-sector OKR sets (codes TPS001-TPS004).

Government plans run by fiscal year (ปีงบประมาณ, October to September), and the KPIs (ตัวชี้วัด) that
agencies report upward are expected to state a unit of count (หน่วยนับ) and a target level
(ค่าเป้าหมาย). These rules hold key results to those conventions.
"""

from __future__ import annotations

import re
import sys

from okrlint.rules.base import Violation, bad, good, rule, rules_in

FISCAL_TEXT = re.compile(r"\bFY|ปีงบ", re.IGNORECASE)
PERCENT_WORDS = ("ร้อยละ", "เปอร์เซ็นต์", "percent", "percentage")
BASE_WORDS = ("ของ", "of", "จาก", "ต่อ", "per")  # "ร้อยละ 80 ของผู้รับบริการ": the base population follows
DISBURSEMENT = "เบิกจ่าย"


def _set(kr_title: str, period: str = "ปีงบประมาณ 2570", unit: str | None = None) -> str:
    unit_line = f"        unit: {unit}\n" if unit else ""
    return (f"team: กองแผนงาน\nperiod: {period}\nobjectives:\n  - title: ประชาชนได้รับบริการที่รวดเร็ว\n"
            f"    key_results:\n      - title: {kr_title}\n{unit_line}")


@rule(
    code="TPS001", name="fiscal-year-period", category="custom", severity="warning", scope="set",
    summary="The set's period is not a government fiscal year (ปีงบประมาณ / FY) or a part of one.",
    rationale="Thai agencies plan, budget and report by fiscal year (1 October to 30 September). A set "
    "planned by calendar year or calendar quarter does not line up with the budget it depends on. Write "
    "`period: ปีงบประมาณ 2570`, `FY2570` or `FY2570-Q1`.",
    examples=[
        bad(_set("ลดเวลารอคิวจาก 40 นาทีเหลือ 15 นาที", period="2026"), "th", kind="yaml"),
        good(_set("ลดเวลารอคิวจาก 40 นาทีเหลือ 15 นาที"), "th", kind="yaml"),
        bad("team: planning\nperiod: 2026-Q1\nobjectives:\n  - title: Serve citizens faster\n", kind="yaml"),
        good("team: planning\nperiod: FY2570-Q1\nobjectives:\n  - title: Serve citizens faster\n", kind="yaml"),
    ],
)
def fiscal_year_period(okr_set, ctx):
    period = okr_set.period
    if period is None:
        yield Violation("the set states no period: give the fiscal year (period: ปีงบประมาณ 2570)",
                        okr_set.location)
        return
    if period.kind == "fiscal_year" or FISCAL_TEXT.search(period.text):
        return
    yield Violation(f"period '{period.text}' is not a fiscal year: write it as ปีงบประมาณ 2570, FY2570 or FY2570-Q1",
                    okr_set.location_of("period"))


@rule(
    code="TPS002", name="kpi-unit-and-target", category="custom", severity="warning", scope="key_result",
    summary="A KPI (ตัวชี้วัด) states no unit of count (หน่วยนับ) or no target level (ค่าเป้าหมาย).",
    rationale="A KPI reported to a ministry must say what is counted and how much is aimed for: "
    "'ร้อยละ', 'ราย', 'วัน' as the unit, and a number as the target. Give `unit:` and `target:` or write "
    "both in the title.",
    examples=[
        bad("จำนวนผู้รับบริการผ่านระบบออนไลน์เพิ่มขึ้น", "th"),
        good("จำนวนผู้รับบริการผ่านระบบออนไลน์เพิ่มขึ้นจาก 2,000 ราย เป็น 5,000 ราย", "th"),
        bad("Citizens served online increase", "en"),
        good("Citizens served online rise from 2,000 to 5,000 people", "en"),
    ],
)
def kpi_unit_and_target(kr, ctx):
    facts = ctx.facts(kr)
    has_target = kr.target is not None or facts.has_target
    has_unit = bool(kr.unit) or any(n.unit or n.kind in ("percent", "money", "ratio") for n in facts.quantities)
    missing = [label for label, present in (("หน่วยนับ (unit)", has_unit), ("ค่าเป้าหมาย (target)", has_target))
               if not present]
    if missing:
        yield Violation(f"the KPI states no {' and no '.join(missing)}", kr.location_of("title"))


@rule(
    code="TPS003", name="percentage-without-base", category="custom", severity="warning", scope="key_result",
    summary="A percentage (ร้อยละ) with no base population: percent of whom or of what?",
    rationale="'ร้อยละ 80' means nothing until it says of what: of citizens served, of complaints closed, of "
    "the budget. Write 'ร้อยละ 80 ของผู้รับบริการ' or give the base in `unit:`.",
    examples=[
        bad("ความพึงพอใจร้อยละ 85", "th"),
        good("ผู้รับบริการที่พึงพอใจเพิ่มจากร้อยละ 70 เป็นร้อยละ 85 ของผู้ตอบแบบสอบถาม", "th"),
        good("เพิ่มอัตราการผ่านทดลองงานของพนักงานใหม่ จากร้อยละ 80 เป็นร้อยละ 92", "th", note="the base named first"),
        bad("Satisfaction reaches 85 percent", "en"),
        good("Satisfaction rises from 70 to 85 percent of surveyed citizens", "en"),
    ],
)
def percentage_without_base(kr, ctx):
    facts = ctx.facts(kr)
    tokens = facts.tokens
    positions = [i for i, token in enumerate(tokens) if token in PERCENT_WORDS or token == "%"]
    if not positions and not any(n.kind == "percent" for n in facts.numbers):
        return
    first = positions[0] if positions else 0
    if any(token in BASE_WORDS for token in tokens[first:]):
        return
    if any(token in ("ของ", "of") for token in tokens[:first]):
        return  # "อัตราการผ่านทดลองงานของพนักงานใหม่ จากร้อยละ 80 เป็นร้อยละ 92": the base is named first
    if kr.unit and any(word in kr.unit.lower() for word in BASE_WORDS):
        return
    yield Violation("a percentage with no base: say percent of whom or of what (ร้อยละ ... ของ ...)",
                    kr.location_of("title"))


@rule(
    code="TPS004", name="disbursement-only-measure", category="custom", severity="warning", scope="key_result",
    summary="The key result measures budget disbursement (การเบิกจ่าย), an input, not a result.",
    rationale="Spending the budget on time is required, but it says nothing about what the money achieved "
    "for citizens. Keep disbursement in budget monitoring and measure the outcome in the key result.",
    examples=[
        bad("ร้อยละการเบิกจ่ายงบประมาณเป็นไปตามแผนเพิ่มจาก 70 เป็น 95", "th"),
        good("ลดระยะเวลารอรับเงินอุดหนุนของเกษตรกรจาก 30 วันเหลือ 7 วัน", "th"),
        bad("Budget disbursement rate rises from 70% to 95%", "en"),
        good("Farmers wait 7 days instead of 30 for their subsidy", "en"),
    ],
)
def disbursement_only_measure(kr, ctx):
    tokens = ctx.facts(kr).tokens
    joined = "".join(tokens)
    if DISBURSEMENT in joined or ("disbursement" in tokens) or ("disbursed" in tokens):
        yield Violation("budget disbursement is an input measure: measure what the spending achieves instead",
                        kr.location_of("title"))


ALL_RULES = rules_in(sys.modules[__name__])
