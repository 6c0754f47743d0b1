"""Customer-centricity: good OKR sets keep a customer (external, or an internal team) at the centre."""

from __future__ import annotations

import re
import sys

from okrlint.hookspecs import hookimpl
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.tags import is_customer_facing, text_of

NO_FOCUS_BAD_EN = """\
team: platform
objectives:
  - title: Modernise our build infrastructure
    key_results:
      - Cut build time from 25 minutes to 8 minutes
      - Raise test coverage from 40% to 70%
"""
NO_FOCUS_GOOD_EN = """\
team: platform
objectives:
  - title: Make shipping safe and fast for the product teams that depend on us
    key_results:
      - Cut build time for product teams from 25 minutes to 8 minutes
      - Raise test coverage from 40% to 70%
"""
NO_FOCUS_BAD_TH = """\
team: finance
objectives:
  - title: ปรับกระบวนการเบิกจ่ายงบประมาณให้รวดเร็ว
    key_results:
      - ลดระยะเวลาเบิกจ่ายจาก 15 วันเหลือ 5 วัน
      - ลดเอกสารที่ต้องแก้ไขจาก 30% เหลือ 10%
"""
NO_FOCUS_GOOD_TH = """\
team: finance
objectives:
  - title: ผู้รับบริการได้รับเงินอุดหนุนเร็วขึ้น
    key_results:
      - ลดระยะเวลาจ่ายเงินอุดหนุนให้ประชาชนจาก 15 วันเหลือ 5 วัน
      - เพิ่มความพึงพอใจของผู้รับบริการจาก 3.6 เป็น 4.2 คะแนน
"""


@rule(
    code="CUS001", name="no-customer-focus", category="customer", severity="warning", scope="set",
    summary="No objective and no key result of the set is customer-facing.",
    rationale="OKRs that only look inward (builds, budgets, processes) lose sight of who the work is for. "
    "Name the customer — external, or an internal team that depends on you ('for the sales team', "
    "'ลูกค้าภายใน') — in at least one objective or key result.",
    examples=[
        bad(NO_FOCUS_BAD_EN, kind="yaml"),
        bad(NO_FOCUS_BAD_TH, "th", kind="yaml"),
        good(NO_FOCUS_GOOD_EN, kind="yaml"),
        good(NO_FOCUS_GOOD_TH, "th", kind="yaml"),
    ],
)
def no_customer_focus(okr_set, ctx):
    if not okr_set.objectives:
        return
    people_team = bool(_PEOPLE_TEAM.search(okr_set.team or ""))
    for objective in okr_set.objectives:
        if _for_someone(ctx.facts(text_of(objective)), people_team, ctx):
            return
        for kr in objective.key_results:
            if _for_someone(ctx.facts(kr), people_team, ctx):
                return
    yield Violation(
        f"no objective or key result of team '{okr_set.team}' names a customer (external, or a team that depends on it)"
    )


# A people team (HR) serves the company's employees and candidates: they are its customers.
_PEOPLE_TEAM = re.compile(r"\b(?:hr|people|talent|human\s+resources?|recruit\w*|l&d)\b|บุคคล|บุคลากร|ทรัพยากรมนุษย์|สรรหา",
                          re.IGNORECASE)
def _for_someone(facts, people_team: bool, ctx) -> bool:
    return is_customer_facing(facts) or (people_team and not ctx.words("employees").isdisjoint(facts.tokens))


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
