"""Clarity: objectives are qualitative and clear; each has a handful of key results; no vague words."""

from __future__ import annotations

import sys

from okrlint.hookspecs import hookimpl
from okrlint.model import Objective
from okrlint.rules.base import Violation, bad, good, rule, rules_in


@rule(
    code="CLA001", name="objective-has-metric", category="clarity", severity="warning", scope="objective",
    summary="The objective statement carries numbers or targets that belong in its key results.",
    rationale="An objective says what you want and why, in words that motivate; the numbers that prove it "
    "belong in the key results. 'Reach 10,000 users' as an objective is a key result without an objective.",
    examples=[
        bad("Reach 10,000 paying customers in Vietnam", kind="objective"),
        bad("Grow revenue by 30%", kind="objective"),
        bad("เพิ่มยอดขายออนไลน์ 20 ล้านบาท", "th", kind="objective"),
        good("Make Vietnam our second home market", kind="objective"),
        good("Delight first-time buyers from the first click to delivery", kind="objective"),
        good("ทำให้ลูกค้าใหม่ประทับใจตั้งแต่วันแรกที่ใช้บริการ", "th", kind="objective"),
        good("Win the SME market in 2026", kind="objective", note="a year says when, not how much"),
    ],
)
def objective_has_metric(objective: Objective, ctx):
    facts = ctx.facts(objective.title)
    quantities = facts.quantities
    if quantities:
        shown = ", ".join(repr(n.text) for n in quantities[:3])
        yield Violation(f"the objective carries a metric ({shown}): keep objectives qualitative and move numbers to key results")


@rule(
    code="CLA002", name="kr-count", category="clarity", severity="warning", scope="objective",
    summary="An objective has fewer than 2 or more than 5 key results (configurable).",
    rationale="One key result rarely captures an objective (and invites gaming it); more than five dilutes focus "
    "and usually mixes tasks in. Options: `min` and `max`.",
    options={"min": 2, "max": 5},
    examples=[
        bad("team: a\nobjectives:\n  - title: Delight new customers\n    key_results:\n      - Raise onboarding CSAT from 4.1 to 4.5\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: Delight new customers\n    key_results:\n      - Raise onboarding CSAT from 4.1 to 4.5\n      - Cut time to first value from 9 days to 3 days\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: ลูกค้าใหม่ประทับใจ\n    key_results:\n      - เพิ่มคะแนนความพึงพอใจจาก 4.1 เป็น 4.5\n", "th", kind="yaml"),
    ],
)
def kr_count(objective: Objective, ctx):
    low, high = int(ctx.option("min", 2)), int(ctx.option("max", 5))
    count = len(objective.key_results)
    if count == 0:
        yield Violation("the objective has no key results: add 2 to 5 measurable outcomes")
    elif count < low:
        yield Violation(f"the objective has {count} key result{'s' if count != 1 else ''}; aim for {low} to {high}")
    elif count > high:
        yield Violation(f"the objective has {count} key results; keep {low} to {high} and move the rest to a backlog")


def _vague_terms(facts) -> list[str]:
    return [h.term.rstrip("*") for h in facts.hits("vague")]


@rule(
    code="CLA003", name="vague-language", category="clarity", severity="warning", scope="objective",
    summary="Vague verbs or qualifiers with nothing to measure them by (improve, better, optimise, ปรับปรุง…ให้ดีขึ้น).",
    rationale="Words like 'improve', 'enhance', 'world-class' or 'ให้มีประสิทธิภาพ' let everyone imagine a "
    "different result. In a key result they need a number; an objective using them needs key results that "
    "say what 'better' means.",
    examples=[
        bad("Improve customer support", kind="key_result"),
        bad("Optimise the checkout flow for a better experience", kind="key_result"),
        bad("ปรับปรุงการให้บริการให้ดีขึ้น", "th", kind="key_result"),
        bad("พัฒนาระบบสารสนเทศให้มีประสิทธิภาพ", "th", kind="key_result"),
        good("Improve first-contact resolution from 62% to 75%", kind="key_result"),
        good("Cut checkout abandonment from 70% to 55%", kind="key_result"),
        good("ลดเวลารอสายของผู้รับบริการจาก 5 นาทีเหลือ 2 นาที", "th", kind="key_result"),
    ],
)
def vague_language(objective: Objective, ctx):
    measurable_krs = 0
    for kr in objective.key_results:
        facts = ctx.facts(kr)
        measured = facts.has_target or kr.target is not None
        measurable_krs += measured
        terms = _vague_terms(facts)
        if terms and not measured:
            yield Violation(f"vague wording ({', '.join(repr(t) for t in dict.fromkeys(terms))}) with nothing to measure it by", target=kr)
    facts = ctx.facts(objective.title)
    terms = _vague_terms(facts)
    if terms and objective.title.strip() and measurable_krs == 0:
        yield Violation(
            f"vague wording ({', '.join(repr(t) for t in dict.fromkeys(terms))}) and no key result that says what it means in numbers"
        )


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
