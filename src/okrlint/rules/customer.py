"""Customer-centricity: good OKR sets keep a customer (external, or an internal team) at the centre."""

from __future__ import annotations

import sys

from okrlint.hookspecs import hookimpl
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.tags import is_customer_facing, text_of
from okrlint.text import regexcache

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
    "'ลูกค้าภายใน') — in at least one objective or key result. A team or role followed closely by what it does "
    "with your work names an internal customer too ('the hub managers plan with our forecast', 'depot crews "
    "rely on', 'ทีมขายได้รับ', 'ผู้จัดการสาขาวางแผน'), unless it is your own ('our engineers', a bare 'the "
    "team', the words of your team's name) or is only done to ('staff get trained', 'ได้รับการอบรม'); so does a "
    "team named first and then what it needs or what you provide it with ('Depot teams have the spare parts they "
    "need', '…with the vehicles we maintain', 'พนักงานขับรถมีอะไหล่ที่ต้องการ'), unless that is its own skills. A people "
    "team (HR, talent) serves the company's employees and candidates: naming them is enough. Buyers named by their "
    "job who choose you ('Mid-market finance teams pick us over spreadsheets', 'see us as …') are customers; a cost "
    "per customer ('AWS cost per active customer', 'ค่าใช้จ่ายต่อบัญชีลูกค้า') is an internal measure.",
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
    # (matched on the words of its name, whatever joins them: 'people-and-talent', 'hr-team', 'human_resources')
    people_team = bool(okr_set.team) and ctx.facts(_TEAM_NAME_JOINS.sub(" ", okr_set.team)).has("people_team")
    # the words of the team's own name: "platform engineers use" in the platform team's set is about itself
    own = team_words(ctx.facts(okr_set.team or ""))
    for objective in okr_set.objectives:
        if _for_someone(ctx.facts(text_of(objective)), people_team, ctx, own):
            return
        for kr in objective.key_results:
            if _for_someone(ctx.facts(kr), people_team, ctx, own):
                return
            if okr_set.level != "company" and _STAFF_RATE_OUR_WORK.search(kr.title):
                return  # an IT team's "ความพึงพอใจของแพทย์ต่อระบบเวชระเบียน": the doctors use its system
    yield Violation(
        f"no objective or key result of team '{okr_set.team}' names a customer (external, or a team that depends on it)"
    )


# The organisation's own people rating a system or service a unit provides them with: that unit's internal customers
# (in the organisation's own plan, the same words are its people's mood, which tags read as internal).
_STAFF_RATE_OUR_WORK = regexcache.compile(
    r"(?:ความพึงพอใจ|ข้อร้องเรียน|คะแนน)\S{0,6}?ของ\s*(?:แพทย์|พยาบาล|บุคลากร|พนักงาน|เจ้าหน้าที่|ข้าราชการ|ครู|อาจารย์)"
    r"[^ต]{0,30}?ต่อ\s*(?:ระบบ|บริการ|การให้บริการ|การบริการ|แอป|โปรแกรม|เครื่อง|อุปกรณ์)")


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
    "(retention: punctuality, safety, waiting times; a key result that names nobody serves the customers its "
    "objective names) belong there too. Only company-level sets are checked (a marketing team may well own "
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
    from okrlint.tags import lifecycle_stage, serves_its_objectives_customers

    if okr_set.level != "company" or not okr_set.objectives:
        return
    stages: set[str] = set()
    facing = 0
    for objective in okr_set.objectives:
        objective_facts = ctx.facts(text_of(objective))
        for item in (text_of(objective), *objective.key_results):
            facts = ctx.facts(item)
            # a key result that names nobody may still serve its objective's customers (as its tags say)
            if is_customer_facing(facts) or not isinstance(item, str) and serves_its_objectives_customers(
                    facts, objective_facts):
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


_TEAM_NAME_JOINS = regexcache.compile(r"[-_./]+")


def _for_someone(facts, people_team: bool, ctx, own: frozenset[str] = frozenset()) -> bool:
    return (is_customer_facing(facts) or (people_team and not ctx.words("employees").isdisjoint(facts.tokens))
            or serves_a_team(facts, own))


# Words that make a team or role noun the writer's own ("our engineers", "ทีมงานของเรา"), not a team it serves.
_OWN_WORDS = frozenset({"our", "my", "we", "own", "ของเรา", "เรา", "งาน", "ของ"})
# A noun that only stands for the writing team when nothing names it ("the team plans", "ทีมวางแผน").
_BARE_TEAM = frozenset({"team", "ทีม"})
_DETERMINERS = frozenset({"the", "a", "this", "whole", "entire", "every", "each"})
# "get trained", "ได้รับการอบรม" (any การ… after it): the role is done to, it uses nothing (passive, self-development).
# "can be trained": the same after a modal.
_PASSIVE_AFTER = frozenset({"การ", "training", "coaching", "onboarding", "trained", "certified", "promoted", "paid", "be"})
# "ใช้เวลา", "ใช้จ่าย", "ใช้ในการ": time or money spent, not a service used; "use of": a noun.
_SPENDING_AFTER = frozenset({"เวลา", "จ่าย", "งบ", "งบประมาณ", "ใน", "ไป", "of"})
# "ใช้เวลา", "use of": the spending words above only follow a verb of using ("ได้รับเงินงบประมาณ" is budget received)
_USE_VERBS = ("ใช้", "use")
# "ทุกกองได้รับ…", "แต่ละสำนักได้รับ…": every unit of that kind, the writer's own kind or not, is served
_EVERY_UNIT = frozenset({"ทุก", "แต่ละ"})
_NEAR = {"en": 4, "th": 5}  # tokens from a team or role noun to what it does (Thai tokens are shorter)


def team_words(team_facts) -> frozenset[str]:
    """The words of a team's own name ("platform-eng" -> platform, eng), which never name its customer."""
    return frozenset(part for token in team_facts.tokens for part in token.lower().split("-")
                     if any(c.isalpha() for c in part))


def serves_a_team(facts, own: frozenset[str]) -> bool:
    """A team or role inside the organisation that needs, uses, relies on or plans with this team's work:
    "the linehaul and last-mile teams need them", "Hub managers plan staff a week ahead with a forecast they trust",
    "ผู้จัดการสาขาวางแผนกำลังคนด้วยข้อมูลที่เชื่อถือได้". The noun must be another team, not the writer's own:
    not "our staff", not a bare "the team"/"ทีม", not qualified by the words of the set's own team name."""
    roles, needs = facts.hits("internal_roles"), facts.hits("internal_needs")
    if not roles:
        return False
    tokens = facts.tokens
    near = _NEAR.get(facts.language, 4)
    for role in roles:
        before = tokens[max(0, role.index - 2): role.index]
        role_end = role.index + _span(tokens, role)
        for need in needs:
            gap = need.index - role.index
            if not 1 <= gap <= near or need.index < role_end:
                continue
            between = tokens[role_end: need.index]
            need_end = need.index + _span(tokens, need)
            after = tokens[need_end: need_end + 1]
            following = [t.lower() for t in tokens[need_end: need_end + 2]]
            if need.term.lower() == "can" and (following[:1] in (["not"], ["never"]) or following == ["no", "longer"]):
                continue  # "Clinicians can no longer bypass our controls": what they may not do, not what they use
            spending = after and after[0] in _SPENDING_AFTER and need.term.lower().startswith(_USE_VERBS)
            if after and (after[0] in _PASSIVE_AFTER or spending or after[0].startswith("การ")
                          or (facts.language == "en" and need.term in ("get", "gets") and after[0].endswith("ed"))) \
                    and not _unit_served(facts, role, need_end):
                continue
            qualifiers = set(between if facts.language == "th" else before) - _DETERMINERS
            if qualifiers & _OWN_WORDS or qualifiers & own:
                continue
            if role.term.lower() in _BARE_TEAM and not qualifiers - {"ทีม"}:
                continue
            if facts.language == "th" and not qualifiers and _kind_of_own_unit(role.term, own) \
                    and not set(before) & _EVERY_UNIT:
                continue  # "คณะได้รับงบวิจัย…" in คณะวิศวกรรมศาสตร์'s own set: the bare kind of unit is the writer
            return True
    return any(_has_what_it_needs(facts, role, own) or _named_recipient(facts, role, own) for role in roles)


def _kind_of_own_unit(term: str, own: frozenset[str]) -> bool:
    """The set's own team name starts with this kind of unit ("คณะ" of "คณะวิศวกรรมศาสตร์", "กอง" of "กองคลัง")."""
    return any(word.startswith(term) for word in own)


# A unit of the organisation (not a person) that "ได้รับการ…" is served by the work: "หน่วยบริการได้รับการเบิกจ่ายเงิน…",
# "กลุ่มงานต่าง ๆ ได้รับการสนับสนุน…"; only its own development or assessment is done to it ("ได้รับการอบรม",
# "ได้รับการประเมิน", "ได้รับการรับรองคุณภาพ"), as to a person.
_ORGANISATION_UNITS = frozenset({"ทีม", "ฝ่าย", "แผนก", "หน่วยงาน", "ส่วนงาน", "กอง", "สาขา", "ศูนย์", "หน่วยบริการ",
                                 "กลุ่มงาน", "ภาควิชา", "คณะ", "สาขาวิชา", "ส่วนราชการ", "ห้องผ่าตัด", "ห้องคลอด", "ห้องฉุกเฉิน", "ห้องปฏิบัติการ",
                                 "หอผู้ป่วย"})
_DONE_TO_UNIT = ("อบรม", "ฝึก", "พัฒนา", "ประเมิน", "ตรวจ", "รับรอง", "นิเทศ", "สอบทาน", "ยกย่อง", "เชิดชู", "คัดเลือก",
                 "แต่งตั้ง", "เลื่อน", "บรรจุ", "ลงโทษ", "เตือน", "จัดอันดับ", "ปรับปรุง", "ยุบ", "ควบรวม", "ปรับโครงสร้าง")


def _unit_served(facts, role, need_end: int) -> bool:
    """Thai "<unit> ได้รับการ<service>": a unit of the organisation receiving a service of this team, not something
    done to it (see _DONE_TO_UNIT)."""
    if facts.language != "th" or role.term not in _ORGANISATION_UNITS:
        return False
    rest = "".join(facts.tokens[need_end: need_end + 4])
    if not rest.startswith("การ"):
        return False
    service = rest[len("การ"):]
    return bool(service) and not service.startswith(_DONE_TO_UNIT)


# "… for the line-haul and delivery teams", "…สำหรับทีมรถสายหลัก", "…ให้แก่ฝ่ายขาย": a unit of the organisation named as
# the one the work is for. Units only (a person's role after 'for' is often the team's own: "training for nurses").
_UNITS = frozenset({"team", "teams", "department", "departments", "unit", "units", "branch", "branches", "hub", "hubs",
                    "squad", "squads", "site", "sites", "ทีม", "ฝ่าย", "แผนก", "หน่วยงาน", "ส่วนงาน", "กอง", "สาขา", "ศูนย์",
                    "คณะ", "ภาควิชา", "สาขาวิชา"})
_FOR_EN = frozenset({"for"})
_FOR_TH = ("สำหรับ", "แก่", "ให้แก่", "ให้")


def _named_recipient(facts, role, own: frozenset[str]) -> bool:
    tokens = [t.lower() for t in facts.tokens]
    if role.term.lower() not in _UNITS:
        return False
    if facts.language == "th":
        if role.index == 0 or tokens[role.index - 1] not in _FOR_TH:
            return False
        start = role.index + _span(facts.tokens, role)
        name = tokens[start: start + 2]  # the unit's name follows it: "ทีม|รถ|สาย|หลัก"
        if not name or name[0] in _OWN_WORDS or name[0] in own or name[0].startswith("การ") or name[0] in _SPENDING_AFTER:
            return False
        return not (set(name) & _OWN_WORDS)
    before = tokens[max(0, role.index - 5): role.index]
    if not any(word in _FOR_EN for word in before):
        return False
    qualifiers = set(before[max(i for i, word in enumerate(before) if word in _FOR_EN) + 1:]) - _DETERMINERS - {"and", "or", "&"}
    return bool(qualifiers) and not (qualifiers & _OWN_WORDS or qualifiers & own)


# "… they need", "… it relies on" (the role, named before, needs what it has); "… we maintain", "… we supply" (it works
# with what this team provides); Thai "…ที่ต้องการ", "…ที่เราจัดหา".
_THEY_NEED = frozenset({"need", "needs", "needed", "use", "rely", "relies", "depend", "depends", "count", "want", "ask",
                        "asked", "expect"})
_WE_PROVIDE = ("maintain", "provide", "supply", "supplie", "deliver", "give", "build", "repair", "fix", "prepare", "send",
               "produce", "make", "keep", "service", "source", "stock", "run", "manage", "procure", "buy", "clean")
_THAI_NEEDS = ("ที่ต้องการ", "ที่จำเป็น", "ที่ต้องใช้", "ที่เรา", "ที่ทีมเรา", "ที่ฝ่ายเรา")
# What a role has for itself: skills and training are its own development, not this team's work.
_OWN_DEVELOPMENT = frozenset("""skill skills training knowledge capability capabilities competence competencies
    confidence qualification qualifications certification ทักษะ ความรู้ สมรรถนะ การอบรม ศักยภาพ""".split())
_WINDOW = 14


def _has_what_it_needs(facts, role, own: frozenset[str]) -> bool:
    """"Depot teams have the vehicles and spare parts they need", "The bus operations team can run the morning peak
    with the vehicles we maintain", "พนักงานขับรถมีรถและอะไหล่ที่ต้องการ": a team named first, then what it needs or
    what this team provides it with, further on than a need word right after it."""
    tokens = [t.lower() for t in facts.tokens]
    start = role.index + _span(facts.tokens, role)
    if start >= len(tokens):
        return False
    before = set(tokens[max(0, role.index - 2): role.index]) - _DETERMINERS
    if before & _OWN_WORDS or before & own or role.term.lower() in _BARE_TEAM and not before or tokens[start] in _OWN_WORDS:
        return False
    window = tokens[start: start + _WINDOW]
    if _OWN_DEVELOPMENT.intersection(window) or any(t.startswith("การ") and t[3:] in _OWN_DEVELOPMENT for t in window):
        return False
    if facts.language == "th":
        return any("".join(window[i:i + 3]).startswith(_THAI_NEEDS) for i in range(len(window)))
    for i, token in enumerate(window[:-1]):
        following = window[i + 1]
        if token in ("they", "it") and following in _THEY_NEED:
            return True
        if token == "we" and following.startswith(_WE_PROVIDE):
            return True
    return False


def _span(tokens: tuple[str, ...], hit) -> int:
    """How many tokens a term found at ``hit.index`` covers (Thai words are cut finer than the terms: วาง|แผน)."""
    term = "".join(hit.term.lower().split())
    for count in range(1, 6):
        if "".join(tokens[hit.index: hit.index + count]) == term:
            return count
    return 1


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
