"""Customer-centricity: good OKR sets keep a customer (external, or an internal team) at the centre."""

from __future__ import annotations

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
    # A people team (HR) serves the company's employees and candidates: they are its customers.
    people_team = bool(okr_set.team) and ctx.facts(okr_set.team).has("people_team")
    for objective in okr_set.objectives:
        if _for_someone(ctx.facts(text_of(objective)), people_team, ctx):
            return
        for kr in objective.key_results:
            if _for_someone(ctx.facts(kr), people_team, ctx):
                return
    yield Violation(
        f"no objective or key result of team '{okr_set.team}' names a customer (external, or a team that depends on it)"
    )


LIFECYCLE_BAD_EN = """\
team: acme
level: company
objectives:
  - title: Become the first choice of independent cafés
    key_results:
      - Grow new paying cafés from 300 to 900 a quarter
      - Raise trial-to-paid conversion from 12% to 20%
  - title: Cafés buy more from us every month
    key_results:
      - Raise average order value per café from $180 to $240
      - Grow cross-sell of supplies to 35% of cafés from 10%
"""
# The same company with a retention objective instead of a second growth one.
LIFECYCLE_GOOD_EN = LIFECYCLE_BAD_EN.replace("""  - title: Cafés buy more from us every month
    key_results:
      - Raise average order value per café from $180 to $240
      - Grow cross-sell of supplies to 35% of cafés from 10%
""", """  - title: Cafés stay with us because we never let them run out
    key_results:
      - Cut monthly café churn from 4% to 2%
      - Raise average order value per café from $180 to $240
""")
LIFECYCLE_BAD_TH = """\
team: บริษัทตัวอย่าง
level: company
objectives:
  - title: ร้านค้าออนไลน์รายใหม่เลือกใช้แพลตฟอร์มของเรา
    key_results:
      - เพิ่มร้านค้าใหม่ที่สมัครใช้งานจาก 500 เป็น 1,200 ร้านต่อไตรมาส
      - เพิ่มอัตราการเปลี่ยนจากทดลองใช้เป็นลูกค้าจ่ายเงินจาก 10% เป็น 18%
  - title: ร้านค้าขายได้มากขึ้นบนแพลตฟอร์ม
    key_results:
      - เพิ่มรายได้เฉลี่ยต่อร้านค้าจาก 2,000 เป็น 2,800 บาทต่อเดือน
"""


@rule(
    code="CUS002", name="lifecycle-gap", category="customer", severity="info", scope="set",
    summary="A company's customer-facing OKRs win or grow customers but none keeps the customers it has.",
    rationale="A company set is where the whole customer lifecycle should show: choosing customers, winning "
    "them, keeping them and growing them. OKRs that only chase new customers or bigger orders pour water "
    "into a leaking bucket: churn, repeat use, satisfaction or service quality for existing customers "
    "(retention) belong there too. Only company-level sets are checked (a marketing team may well own "
    "acquisition alone), and only when at least three of their objectives and key results name customers.",
    examples=[
        bad(LIFECYCLE_BAD_EN, kind="yaml"),
        bad(LIFECYCLE_BAD_TH, "th", kind="yaml"),
        good(LIFECYCLE_GOOD_EN, kind="yaml"),
        good(NO_FOCUS_GOOD_EN.replace("team: platform", "team: platform\nlevel: company"), kind="yaml",
             note="too few customer-facing items to judge"),
    ],
)
def lifecycle_gap(okr_set, ctx):
    from okrlint.tags import lifecycle_stage

    if okr_set.level != "company" or not okr_set.objectives:
        return
    stages: set[str] = set()
    facing = 0
    for objective in okr_set.objectives:
        for item in (text_of(objective), *objective.key_results):
            facts = ctx.facts(item)
            if is_customer_facing(facts):
                facing += 1
                stage = lifecycle_stage(facts)
                if stage:
                    stages.add(stage)
    if facing < 3 or "retention" in stages or not stages & {"acquisition", "growth"}:
        return
    covered = " and ".join(name for stage, name in (("acquisition", "winning new customers (acquisition)"),
                                                    ("growth", "growing what customers buy (growth)")) if stage in stages)
    yield Violation(
        f"the company's customer-facing OKRs cover {covered} but none keeps the customers you have (retention: "
        "churn, repeat use, satisfaction, service quality)"
    )


def _for_someone(facts, people_team: bool, ctx) -> bool:
    return is_customer_facing(facts) or (people_team and not ctx.words("employees").isdisjoint(facts.tokens))


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
