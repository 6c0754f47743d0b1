"""Alignment: how the OKR sets of a whole organisation fit together (scope ``org``).

Every rule here reads the :class:`okrlint.org.OrgIndex` built once per run, and stays linear in the size of
the org: references are dict lookups, cycles are found with one depth-first pass (Tarjan), duplicates with
MinHash/LSH candidates (okrlint.text.neardup).
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import sys
from collections import defaultdict

from okrlint.text import regexcache
from okrlint.hookspecs import hookimpl
from okrlint.model import Objective, Org
from okrlint.org import (_COMPANY_WORDS, OrgIndex, Reference, Status, ancestors, index_from_context, level_rank,
                         names_the_company_as_written, team_key, where)
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.text.periods import fiscal_reading

_SUGGEST_LIMIT = 5000  # ids beyond which a bare dangling id gets no "did you mean" (it would cost O(n) each)

_COMPANY_EN = """team: company
level: company
period: 2026
objectives:
  - id: co-o1
    title: Become the first choice of small clinics in Thailand
"""
_COMPANY_TH = """team: company
level: company
period: ปีงบประมาณ 2570
objectives:
  - id: co-o1
    title: เป็นผู้ให้บริการระบบนัดหมายที่คลินิกขนาดเล็กเลือกเป็นอันดับแรก
"""


def _example(*documents: str) -> str:
    return "\n---\n".join(doc.strip("\n") + "\n" for doc in documents)


def _references(index: OrgIndex, status: Status):
    return (ref for ref in index.references if ref.status is status)


def _field_name(ref: Reference) -> str:
    return f"`{ref.field}`"


# --- references ----------------------------------------------------------------------------------------


# Orgs in which every reference resolves and every company objective is covered (good for several rules).
_WELL_ALIGNED = (
        good(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [company/co-o1]
"""), kind="org"),
        good(_example(_COMPANY_TH, """team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    aligns_to: [co-o1]
"""), "th", kind="org"),
)

@rule(
    code="ALN001", name="dangling-reference", category="alignment", severity="error", scope="org",
    summary="An `aligns_to` or `depends_on` entry names nothing in the org.",
    rationale="A reference that names no objective or key result breaks the link between teams: the "
    "alignment cannot be followed and the dependency has nobody on the other end. It is usually a typo, "
    "a renamed id or a set that was not included in the run. Not reported: a bare id when single files are "
    "linted (its team's file may be elsewhere), and a reference to the company's objectives ('CO-1', "
    "'company/co-o2') in a run that holds no company-level plan (one department's folder linted on its own).",
    examples=[
        bad(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [company/co-o9]
"""), kind="org"),
        bad(_example(_COMPANY_TH, """team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    aligns_to: [co-o1]
    key_results:
      - id: sup-kr1
        title: เพิ่มอัตราการแก้ปัญหาในการติดต่อครั้งแรกจาก 55% เป็น 70%
        depends_on: [company/co-kr7]
"""), "th", kind="org"),
        *_WELL_ALIGNED,
    ],
)
def dangling_reference(org: Org, ctx):
    index = index_from_context(ctx, org)
    for ref in index.references:
        if ref.status is Status.EMPTY:
            yield Violation(f"{_field_name(ref)} has an empty entry", ref.location, target=ref.source)
        elif ref.status is Status.MISSING:
            if not org.complete and ref.team is None:
                continue  # a bare id may belong to a team whose file this run was not given
            if _names_the_company(ref) and not index.company_sets():
                continue  # "CO-1", "company/co-o2" in a run of one department's folder: the company plan is elsewhere
            if ref.team is None and _OUTSIDE_PLAN.search(ref.text):
                continue  # "ยุทธศาสตร์ที่ 2 ...", "Strategic pillar 3": a plan outside the OKR sets, not an id
            hint = _suggestion(index, ref)
            yield Violation(
                f"{_field_name(ref)} '{ref.text}' names nothing in the org{hint}", ref.location, target=ref.source
            )


def _names_the_company(ref: Reference) -> bool:
    """A reference to the company's plan: its team is the company ("company/co-o2") or its id says so ("CO-1")."""
    return (ref.team is not None and ref.team.strip().casefold() in _COMPANY_WORDS) or \
        names_the_company_as_written(ref.text)


# Alignment written to a strategy or plan that is not an OKR set (government plans, company pillars).
_OUTSIDE_PLAN = regexcache.compile(
    r"ยุทธศาสตร์|แผนแม่บท|แผนพัฒนา|แผนปฏิบัติ|แผนระดับ|นโยบาย|ประเด็นท้าทาย|ประเด็นยุทธ|เป้าประสงค์|พันธกิจ|วิสัยทัศน์"
    r"|\b(?:strateg(?:y|ic|ies)|pillars?|policy|mission|vision|SDGs?|themes?|master\s+plan)\b",
    re.IGNORECASE,
)


def _suggestion(index: OrgIndex, ref: Reference) -> str:
    if ref.source_set.source_format == "yaml":
        # OKR files name objectives by id (the format's rule); say which one a reference written in words means
        meant = index._resolve_as_written(ref.text, ref.source_set)
        if len(meant) == 1:
            target = meant[0]
            named = f"{index.team_of(target)}/{target.id}" if target.id else None
            how = f"write '{named}'" if named else "give it an `id` and write team/id"
            return f"; it reads as the objective '{target.title}' ({where(target)}): {how}"
    if ref.team is not None:
        local = ref.text.partition("/")[2].strip()
        elsewhere = index.by_id.get(local, [])
        if elsewhere:
            return f"; '{local}' belongs to team '{index.team_of(elsewhere[0])}'"
        close = difflib.get_close_matches(local, list(index.ids_of_team(ref.team)), n=1, cutoff=0.75)
        return f"; did you mean '{ref.team}/{close[0]}'?" if close else ""
    if len(index.by_id) <= _SUGGEST_LIMIT:
        close = difflib.get_close_matches(ref.text, list(index.by_id), n=1, cutoff=0.75)
        if close:
            return f"; did you mean '{close[0]}'?"
    return ""


@rule(
    code="ALN007", name="ambiguous-reference", category="alignment", severity="error", scope="org",
    summary="A bare id in `aligns_to` or `depends_on` is carried by several objects (write `team/id`), or a "
    "reference written in words ('Company O2') fits two organisations' company objectives equally well.",
    rationale="A bare id is only a reference when it is unique in the organisation. When two teams use the "
    "same id, okrlint cannot tell which one is meant, so the link is not followed at all. A reference written in "
    "words goes to the company plan nearest to the file (its folder, then the folders above); when two are "
    "equally near, give the objective an id or keep each organisation in its own folder.",
    examples=[
        bad(_example(_COMPANY_EN, """team: sales
objectives:
  - id: o1
    title: Win more clinics in Chiang Mai
    aligns_to: [co-o1]
""", """team: marketing
objectives:
  - id: o1
    title: Make clinic owners in the north know our name
    aligns_to: [co-o1]
""", """team: partnerships
objectives:
  - id: p-o1
    title: Bring clinics to us through medical suppliers
    aligns_to: [o1]
"""), kind="org"),
        good(_example(_COMPANY_EN, """team: sales
objectives:
  - id: o1
    title: Win more clinics in Chiang Mai
    aligns_to: [co-o1]
""", """team: partnerships
objectives:
  - id: p-o1
    title: Bring clinics to us through medical suppliers
    aligns_to: [sales/o1]
"""), kind="org"),
        bad(_example(_COMPANY_TH, """team: sales
objectives:
  - id: o1
    title: คลินิกในภาคเหนือเลือกใช้ระบบของเรามากขึ้น
    aligns_to: [co-o1]
""", """team: marketing
objectives:
  - id: o1
    title: เจ้าของคลินิกในภาคเหนือรู้จักแบรนด์ของเรา
    aligns_to: [o1]
"""), "th", kind="org"),
    ],
)
def ambiguous_reference(org: Org, ctx):
    index = index_from_context(ctx, org)
    for ref in _references(index, Status.AMBIGUOUS):
        named = " or ".join(index.describe(c) for c in ref.candidates[:3])
        more = f" or {len(ref.candidates) - 3} more" if len(ref.candidates) > 3 else ""
        # "CO-1" read as written, with two company sets as near as each other (two organisations in one folder)
        fix = "give the objective an id and write team/id, or keep each organisation's files in a folder of its own" \
            if ref.written else "write team/id"
        yield Violation(
            f"{_field_name(ref)} '{ref.text}' is ambiguous: it could be {named}{more}; {fix}",
            ref.location, target=ref.source,
        )


@rule(
    code="ALN011", name="unknown-team", category="alignment", severity="error", scope="org",
    summary="A reference names a team that has no OKR set in the org.",
    rationale="Depending on a team that has written no OKRs (or whose set was left out of the run) means "
    "nobody has committed to what you need. Ask that team for a set, or drop the dependency. A reference to the "
    "company level ('company/co-o1', 'องค์กร/…') is not reported when the run holds no company-level set at all: "
    "a department linting its own folder has simply left the company plan outside it.",
    examples=[
        bad(_example("""team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    key_results:
      - id: s-kr1
        title: Sign 40 new clinics, up from 25
        depends_on: [legal/lg-kr1]
"""), kind="org"),
        bad(_example("""team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    key_results:
      - id: sup-kr1
        title: เพิ่มอัตราการแก้ปัญหาในการติดต่อครั้งแรกจาก 55% เป็น 70%
        depends_on: [knowledge-base/kb-kr2]
"""), "th", kind="org"),
        good(_example("""team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    key_results:
      - id: s-kr1
        title: Sign 40 new clinics, up from 25
        depends_on: [legal/lg-kr1]
""", """team: legal
objectives:
  - id: lg-o1
    title: Clinics can sign our contract without a lawyer
    key_results:
      - id: lg-kr1
        title: Cut contract review time from 10 days to 2 days
"""), kind="org"),
    ],
)
def unknown_team(org: Org, ctx):
    if not org.complete:
        return  # linting single files: the other teams' files are simply not part of this run
    index = index_from_context(ctx, org)
    # a department's folder linted alone: the company plan it aligns to lies outside the folder given
    no_company = not index.has_company_level()
    for ref in _references(index, Status.UNKNOWN_TEAM):
        if no_company and team_key(ref.team or "") in _COMPANY_WORDS:
            continue
        yield Violation(
            f"{_field_name(ref)} '{ref.text}' names team '{ref.team}', which has no OKR set in the org",
            ref.location, target=ref.source,
        )


# --- the alignment tree --------------------------------------------------------------------------------

@rule(
    code="ALN002", name="orphan-objective", category="alignment", severity="warning", scope="org",
    summary="The org has company-level OKRs but this objective aligns to nothing.",
    rationale="When the company has set objectives, every department and team objective should say which "
    "one it serves (`aligns_to`). An objective that aligns to nothing is either work outside the strategy "
    "or a missing link. A company set speaks for the folder it is in (or the folder above, when it sits in a "
    "folder of its own), and for another folder whose files align to its organisation's objectives (drafts/ beside "
    "okrs/): that folder is the same organisation for every alignment rule. Sets elsewhere in the run, which refer to "
    "nothing of it, belong to another organisation and are not checked.",
    examples=[
        bad(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
"""), kind="org"),
        bad(_example(_COMPANY_TH, """team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
"""), "th", kind="org"),
        good(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [co-o1]
"""), kind="org"),
        good(_example("""team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
"""), kind="org", note="no company-level set: nothing to align to"),
    ],
)
def orphan_objective(org: Org, ctx):
    index = index_from_context(ctx, org)
    if not index.has_company_level():
        return
    # A company set speaks for the folder it is in: sets outside every company set's folder belong to another
    # organisation linted in the same run (a folder of unrelated drafts), not to this company. A company set in a
    # folder of its own ("okrs/company/…" beside "okrs/sales/…") speaks for the folder above (OrgIndex.scope_folder).
    # A folder outside it whose sets align to the company's objectives (drafts/ beside okrs/) is of the same
    # organisation (OrgIndex.organisation_of), for this rule as for coverage, duplicates and shared key results.
    company_folders = {index.scope_folder(company) for company in index.company_sets()}
    for okr_set in org.sets:
        if okr_set.level == "company" or not (_under_any(index.folder_of(okr_set), company_folders)
                                              or index.organisation_of(okr_set) in company_folders):
            continue
        for objective in okr_set.objectives:
            if not objective.aligns_to:
                yield Violation(
                    "objective aligns to nothing although the org has company-level objectives; add `aligns_to`",
                    target=objective,
                )


def _under_any(folder: str, folders: set[str]) -> bool:
    """Whether a file in ``folder`` lies in one of ``folders`` (or below it)."""
    return any(above in folders for above in ancestors(folder))


@rule(
    code="ALN003", name="alignment-cycle", category="alignment", severity="error", scope="org",
    summary="Following `aligns_to` leads back to the same objective.",
    rationale="Alignment is a tree from company objectives down to teams. A loop (A aligns to B, B to A) "
    "has no root: none of the objectives on it serves a company objective, whatever each team believes.",
    examples=[
        bad(_example("""team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [marketing/m-o1]
""", """team: marketing
objectives:
  - id: m-o1
    title: Make clinic owners in the north know our name
    aligns_to: [sales/s-o1]
"""), kind="org"),
        bad(_example("""team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    aligns_to: [sup-o1]
"""), "th", kind="org"),
        good(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [company/co-o1]
""", """team: marketing
objectives:
  - id: m-o1
    title: Make clinic owners in the north know our name
    aligns_to: [sales/s-o1]
"""), kind="org"),
    ],
)
def alignment_cycle(org: Org, ctx):
    index = index_from_context(ctx, org)
    for component in _cyclic_components(index):
        loop = _one_loop(index, component)
        on_loop = {id(o) for o in loop}
        path = " → ".join(index.describe(o).split(" (")[0] for o in loop + loop[:1])
        for objective in component:
            if id(objective) in on_loop:
                message = f"alignment cycle: {path}"
            else:
                message = f"objective is caught in an alignment loop ({path}) through its `aligns_to`"
            yield Violation(message, objective.location_of("aligns_to"), target=objective)


def _cyclic_components(index: OrgIndex) -> list[list[Objective]]:
    """Strongly connected components of the aligns_to graph that contain a loop (Tarjan, iterative)."""
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[Objective] = []
    components: list[list[Objective]] = []
    for root in index.objectives:
        if id(root) in order:
            continue
        work = [(root, iter(index.parents(root)))]
        order[id(root)] = low[id(root)] = len(order)
        stack.append(root)
        on_stack.add(id(root))
        while work:
            node, parents = work[-1]
            advanced = False
            for parent in parents:
                if id(parent) not in order:
                    order[id(parent)] = low[id(parent)] = len(order)
                    stack.append(parent)
                    on_stack.add(id(parent))
                    work.append((parent, iter(index.parents(parent))))
                    advanced = True
                    break
                if id(parent) in on_stack:
                    low[id(node)] = min(low[id(node)], order[id(parent)])
            if advanced:
                continue
            work.pop()
            if work:
                caller = work[-1][0]
                low[id(caller)] = min(low[id(caller)], low[id(node)])
            if low[id(node)] == order[id(node)]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(id(member))
                    component.append(member)
                    if member is node:
                        break
                looping = len(component) > 1 or any(p is node for p in index.parents(node))
                if looping:
                    components.append(sorted(component, key=index.position))
    return components


def _one_loop(index: OrgIndex, component: list[Objective]) -> list[Objective]:
    """A closed walk inside the component, starting from its first objective in org order."""
    members = {id(o) for o in component}
    seen: dict[int, int] = {}
    walk: list[Objective] = []
    node = component[0]
    while id(node) not in seen:
        seen[id(node)] = len(walk)
        walk.append(node)
        node = next(p for p in index.parents(node) if id(p) in members)
    return walk[seen[id(node)]:]


@rule(
    code="ALN004", name="uncovered-objective", category="alignment", severity="warning", scope="org",
    summary="A company-level objective that no other objective aligns to.",
    rationale="A company objective that no department or team has taken up has nobody working on it. "
    "Either a team adopts it (`aligns_to`) or it is not really a priority this period.",
    examples=[
        bad(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
"""), kind="org"),
        bad(_example(_COMPANY_TH), "th", kind="org"),
        *_WELL_ALIGNED,
    ],
)
def uncovered_objective(org: Org, ctx):
    if not org.complete and not org.whole_folders:
        return  # the teams that align to it may be in files this run was not given
    index = index_from_context(ctx, org)
    for okr_set in index.company_sets():
        if not org.holds_all_of(index.scope_folder(okr_set)):
            continue  # its folder was not given whole
        for objective in okr_set.objectives:
            if not any(child is not objective for child in index.children(objective)):
                yield Violation("no department or team objective aligns to this company objective", target=objective)


@rule(
    code="ALN009", name="inverted-alignment", category="alignment", severity="warning", scope="org",
    summary="An objective aligns to another team's objective of a lower level (company > department > team).",
    rationale="Alignment runs upwards: team objectives serve department objectives, which serve company "
    "objectives. A company objective that aligns to a team's objective turns the hierarchy upside down; "
    "usually the link was written in the wrong file.",
    examples=[
        bad(_example("""team: company
level: company
objectives:
  - id: co-o1
    title: Become the first choice of small clinics in Thailand
    aligns_to: [sales/s-o1]
""", """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
"""), kind="org"),
        bad(_example("""team: operations
level: department
objectives:
  - id: ops-o1
    title: คลินิกเริ่มใช้งานระบบได้ภายในวันเดียว
    aligns_to: [onboarding/ob-o1]
""", """team: onboarding
level: team
objectives:
  - id: ob-o1
    title: ลดขั้นตอนการตั้งค่าระบบสำหรับคลินิกใหม่
"""), "th", kind="org"),
        good(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [company/co-o1]
"""), kind="org"),
    ],
)
def inverted_alignment(org: Org, ctx):
    index = index_from_context(ctx, org)
    for okr_set in org.sets:
        rank = level_rank(okr_set.level)
        for objective in okr_set.objectives:
            for parent in index.parents(objective):
                parent_set = index.set_of(parent)
                if parent_set.team != okr_set.team and level_rank(parent_set.level) > rank:
                    yield Violation(
                        f"this {okr_set.level}-level objective aligns to {index.describe(parent)}, a "
                        f"{parent_set.level}-level objective; alignment runs from lower levels up",
                        objective.location_of("aligns_to"), target=objective,
                    )


# --- periods -------------------------------------------------------------------------------------------

def _thai_support_plan(period: str, due: str) -> str:
    return f"""team: support
period: {period}
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    aligns_to: [co-o1]
    key_results:
      - title: เพิ่มอัตราการแก้ปัญหาในการติดต่อครั้งแรกจาก 55% เป็น 70%
        due: {due}
"""


@rule(
    code="ALN006", name="period-mismatch", category="alignment", severity="warning", scope="org",
    summary="A child's period lies outside the period of the objective it aligns to, or a `due` date (or a deadline "
    "in a title: 'by 2030', 'by end of Q3 2027', 'ภายใน 30 ก.ย. 2570') outside its set's period.",
    rationale="A team objective for Q3 cannot serve a company objective for the first half, and a key "
    "result due after its set's period ends will be graded before it is due. An objective or key result that "
    "aims at a year after its period ('Achieve net zero by 2030' in a 2027/28 plan) is a multi-year ambition: "
    "say what this period will achieve towards it. A deadline in a title is read as a year, quarter, half, month or "
    "date ('by Q4 2027', 'by the end of 2027', 'by 30 September 2027', 'ภายในไตรมาส 4/2570'); 'by Q4' reaches into Q4, "
    "'by the end of 2027' is its last day, 'before July 2027' the day before. Periods are read in all common "
    "forms, including Thai fiscal years (ปีงบประมาณ 2570 = 1 Oct 2026 – 30 Sep 2027) and Buddhist Era dates. "
    "A Thai quarter or half without a fiscal mark (ไตรมาส 4/2570) may count from January, as companies do, or "
    "from the fiscal year, as government agencies do; it is a mismatch only when neither reading fits.",
    examples=[
        bad(_example("""team: company
level: company
period: 2026-H1
objectives:
  - id: co-o1
    title: Become the first choice of small clinics in Thailand
""", """team: sales
period: 2026-Q3
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [co-o1]
"""), kind="org"),
        bad(_example(_COMPANY_TH, """team: support
period: ไตรมาส 1/2571
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    aligns_to: [co-o1]
"""), "th", kind="org", note="Q1 2571 BE (Jan–Mar 2028) is after FY2570 ends (30 Sep 2027)"),
        bad(_example("""team: support
period: 2026-Q1
objectives:
  - id: sup-o1
    title: Answer clinics right the first time
    key_results:
      - title: Raise first-contact resolution from 55% to 70%
        due: 2569-06-30
"""), kind="org", note="2569-06-30 BE is 30 June 2026, after Q1"),
        bad(_example("""team: estates
period: 2027/28 (April to March)
objectives:
  - title: Achieve net zero carbon across our estate by 2030
    key_results:
      - Cut office gas use from 410 MWh to 300 MWh
"""), kind="org", note="a deadline after the plan's year"),
        bad(_example("""team: community-development
period: ปีงบประมาณ 2570
objectives:
  - title: ครัวเรือนยากจนมีรายได้พอเลี้ยงชีพ
    key_results:
      - ลดครัวเรือนที่มีรายได้ต่ำกว่าเกณฑ์จาก 1,200 เหลือ 800 ครัวเรือน ภายในเดือนธันวาคม 2570
"""), "th", kind="org", note="December 2570 BE is after FY2570 ends (30 Sep 2027)"),
        bad(_example("""team: security
period: 2027-H1
objectives:
  - title: Enterprise buyers clear our security review without friction
    key_results:
      - Move internal apps behind single sign-on from 40% to 100% by end of Q3 2027
"""), kind="org", note="the end of Q3 is after the first half"),
        good(_example("""team: community-development
period: ปีงบประมาณ 2570
objectives:
  - title: ครัวเรือนยากจนมีรายได้พอเลี้ยงชีพ
    key_results:
      - ลดครัวเรือนที่มีรายได้ต่ำกว่าเกณฑ์จาก 1,200 เหลือ 800 ครัวเรือน ภายในไตรมาส 4/2570
"""), "th", kind="org", note="an agency's quarter 4/2570 is the last quarter of FY2570"),
        good(_example(_COMPANY_TH, _thai_support_plan("ไตรมาส 1/2570", "31 มี.ค. 2570")), "th", kind="org"),
        good(_example(_COMPANY_TH, _thai_support_plan("ไตรมาส 4/2570", "30 ก.ย. 2570")), "th", kind="org",
             note="an agency's quarter 4/2570 is the last quarter of FY2570 (Jul–Sep 2027)"),
        good(_example(_COMPANY_EN, """team: sales
period: 2026-Q2
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [company/co-o1]
"""), kind="org"),
    ],
)
def period_mismatch(org: Org, ctx):
    index = index_from_context(ctx, org)
    for okr_set in org.sets:
        period = okr_set.period
        for objective in okr_set.objectives:
            for parent in index.parents(objective):
                parent_set = index.set_of(parent)
                if level_rank(parent_set.level) > level_rank(okr_set.level):
                    continue  # aligned to a lower level: inverted-alignment speaks for it
                parent_period = parent_set.period
                if period is None or parent_period is None or _fits(period, parent_period.contains, ctx):
                    continue
                yield Violation(
                    f"period {_span(period)} lies outside the period {_span(parent_period)} of "
                    f"{index.describe(parent)} it aligns to",
                    objective.location_of("aligns_to"), target=objective,
                )
            if period is None or not period.is_known:
                continue
            yield from _deadline_beyond(objective, period, ctx)
            for kr in objective.key_results:
                if kr.due is not None and not _fits(period, lambda p, due=kr.due: p.start <= due <= p.end, ctx):
                    yield Violation(
                        f"due date {kr.due.isoformat()} lies outside the set's period {_span(period)}",
                        kr.location_of("due"), target=kr,
                    )
                elif kr.due is None:
                    yield from _deadline_beyond(kr, period, ctx)


def _deadline_beyond(item, period, ctx):
    """"Achieve net zero by 2030" in a 2027/28 plan, "by end of Q3 2027" or "by 30 September 2027" in an H1 2027 plan,
    "ภายในเดือนธันวาคม 2570" in FY2570: a deadline in the title that falls after the set's period ends is a multi-period
    ambition, not what this period will do. Read with parse_period: a year, fiscal year, half, quarter, month or date;
    "by X" means by the start of X at the latest ("by Q4 2027": some time in Q4), "by the end of X" its end, "before X"
    the day before it. A deadline inside the period, or one that fits when a Thai quarter (or, in a fiscal-year plan,
    any quarter) is read as a fiscal one, is not reported."""
    title = item.title
    if not _HAS_YEAR.search(title):
        return
    for when, year, days in _deadlines(title, period, ctx):
        if any(_fits(period, lambda p, day=day: day <= p.end, ctx) for day in days):
            continue
        if year is not None:
            yield Violation(f"aims at {year}, after the set's period {_span(period)}: say what this period will "
                            "achieve towards it", target=item)
        else:
            yield Violation(f"its deadline, {when}, falls after the set's period {_span(period)}: say what this period "
                            "will achieve towards it, or move it to the plan of the period it belongs to", target=item)
        return


_HAS_YEAR = regexcache.compile(r"(?:20|2[45])[0-9]{2}|[๒][๐๔๕][๐-๙]{2}")
# the words that introduce a deadline, and "the end of" (a deadline at the end of what follows)
_DEADLINE_WORD = regexcache.compile(
    r"(?i:\b(?P<en>by|before|until|till|no\s+later\s+than|not\s+later\s+than|due(?:\s+by)?)\s+(?:the\s+)?"
    r"(?P<en_end>(?:end|close)\s+of\s+(?:the\s+)?)?)"
    r"|(?P<th>ภายใน|ก่อน|จนถึง)\s*(?P<th_end>สิ้น)?\s*(?:วันที่\s*)?"
)
_DEADLINE_KINDS = frozenset({"year", "fiscal_year", "half", "quarter", "month", "date"})
_TRAILING = ".,;:)）]"
_YEAR_IN = regexcache.compile(r"(?<![0-9,.])(?:20|2[45])[0-9]{2}(?![0-9])|[๒][๐๔๕][๐-๙]{2}|'[0-9]{2}\b|\b(?i:fy)\s*[0-9]{2}\b")


def _deadlines(title: str, period, ctx):
    """(the deadline as written, its year when it is a whole year, the latest days it may mean) for each deadline in a
    title. A second day is a fiscal reading: of a Thai quarter or half (ไตรมาส 4/2570 in FY2570 is July–September
    2027), of any quarter or half in a fiscal-year plan ("by Q4 2027" in FY2027), and of "the end of 2027" in FY2027,
    which may mean the end of that fiscal year."""
    from okrlint.text.periods import is_fiscal, parse_period

    start_month = int(ctx.options.get("fiscal-year-start-month", 10))
    fiscal_plan = is_fiscal(period)
    for match in _DEADLINE_WORD.finditer(title):
        tokens = title[match.end():].split(None, 6)[:6]
        before = (match["en"] or "").lower() == "before" or match["th"] == "ก่อน"
        at_end = bool(match["en_end"] or match["th_end"])
        for count in range(len(tokens), 0, -1):
            written = " ".join(tokens[:count]).rstrip(_TRAILING)
            if not written or not written[-1:].isalnum() or not _YEAR_IN.search(written):
                continue
            found = parse_period(written, fiscal_year_start_month=start_month)
            if not found.is_known or found.kind not in _DEADLINE_KINDS:
                continue
            days = [_last_day(found, before, at_end)]
            other = fiscal_reading(found, fiscal_year_start_month=start_month, any_language=fiscal_plan)
            if other is not None:
                days.append(_last_day(other, before, at_end))
            last = days[0]
            if fiscal_plan and found.kind == "year" and (last.month, last.day) == (12, 31) \
                    and last.year in (period.start.year, period.end.year):
                days.append(period.end)  # "by the end of 2570", "before 2571" in ปีงบประมาณ 2570: that fiscal year
            whole_year = found.kind in ("year", "fiscal_year") and not at_end and not before
            year = _YEAR_IN.search(written).group(0) if whole_year else None
            when = ("end of " if match["en_end"] else "สิ้น" if match["th_end"] else "") + written
            yield when, year, days
            break


def _last_day(deadline, before: bool, at_end: bool):
    """The latest day a deadline allows: "by the end of Q3" its last day, "before Q3" the day before Q3, "by Q3" its
    first day (the work is done some time in Q3, so at least part of it after a period that ends before Q3)."""
    import datetime as dt

    if before:
        return deadline.start - dt.timedelta(days=1)
    return deadline.end if at_end else deadline.start


def _fits(period, test, ctx) -> bool:
    """Whether ``test`` holds for the period as read, or for the fiscal reading of a Thai quarter or half."""
    if test(period):
        return True
    fiscal = fiscal_reading(period, fiscal_year_start_month=int(ctx.options.get("fiscal-year-start-month", 10)))
    return fiscal is not None and test(fiscal)


def _span(period) -> str:
    return f"'{period.text}' ({period.start.isoformat()}..{period.end.isoformat()})"


# --- dependencies --------------------------------------------------------------------------------------

def _cross_team_dependencies(index: OrgIndex) -> dict[str, dict[tuple[str, str], str]]:
    """team -> {(source uid, reference text): team depended on}, for depends_on across teams."""
    by_team: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for ref in index.references:
        if ref.field != "depends_on":
            continue
        team = ref.source_set.team
        if ref.target is not None:
            other = index.team_of(ref.target)
        elif ref.status is Status.UNKNOWN_TEAM:
            other = ref.team
        else:
            continue
        if other and other != team:
            by_team[team][(ref.source.uid, ref.text)] = other
    return by_team


@rule(
    code="ALN008", name="unowned-dependency", category="alignment", severity="warning", scope="org",
    summary="A key result that several other teams depend on has no owner.",
    rationale="When two or more teams build on one key result, somebody must answer for it. Without an "
    "`owner:` on the key result (or its objective), the dependent teams do not know whom to ask when it slips.",
    options={"min-teams": 2},
    examples=[
        bad(_example("""team: platform
objectives:
  - id: pf-o1
    title: Clinics can book from any device without errors
    key_results:
      - id: pf-kr1
        title: Cut failed bookings from 4% to 1%
""", """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    key_results:
      - title: Sign 40 new clinics, up from 25
        depends_on: [platform/pf-kr1]
""", """team: support
objectives:
  - id: sup-o1
    title: Answer clinics right the first time
    key_results:
      - title: Cut booking-related tickets from 300 to 120 a month
        depends_on: [pf-kr1]
"""), kind="org"),
        good(_example("""team: platform
objectives:
  - id: pf-o1
    title: คลินิกจองคิวได้จากทุกอุปกรณ์โดยไม่มีข้อผิดพลาด
    key_results:
      - id: pf-kr1
        title: ลดการจองที่ล้มเหลวจาก 4% เหลือ 1%
        owner: หัวหน้าทีมแพลตฟอร์ม
""", """team: sales
objectives:
  - id: s-o1
    title: คลินิกในภาคเหนือเลือกใช้ระบบของเรามากขึ้น
    key_results:
      - title: เพิ่มคลินิกใหม่จาก 25 เป็น 40 แห่ง
        depends_on: [platform/pf-kr1]
""", """team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    key_results:
      - title: ลดเรื่องร้องเรียนเรื่องการจองจาก 300 เหลือ 120 เรื่องต่อเดือน
        depends_on: [pf-kr1]
"""), "th", kind="org"),
        bad(_example("""team: platform
objectives:
  - id: pf-o1
    title: คลินิกจองคิวได้จากทุกอุปกรณ์โดยไม่มีข้อผิดพลาด
    key_results:
      - id: pf-kr1
        title: ลดการจองที่ล้มเหลวจาก 4% เหลือ 1%
""", """team: sales
objectives:
  - id: s-o1
    title: คลินิกในภาคเหนือเลือกใช้ระบบของเรามากขึ้น
    key_results:
      - title: เพิ่มคลินิกใหม่จาก 25 เป็น 40 แห่ง
        depends_on: [platform/pf-kr1]
""", """team: support
objectives:
  - id: sup-o1
    title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
    key_results:
      - title: ลดเรื่องร้องเรียนเรื่องการจองจาก 300 เหลือ 120 เรื่องต่อเดือน
        depends_on: [pf-kr1]
"""), "th", kind="org"),
    ],
)
def unowned_dependency(org: Org, ctx):
    index = index_from_context(ctx, org)
    min_teams = int(ctx.option("min-teams", 2))
    for okr_set in org.sets:
        for objective in okr_set.objectives:
            if objective.owner:
                continue
            for kr in objective.key_results:
                if kr.owner:
                    continue
                teams = sorted({r.source_set.team for r in index.dependants(kr)} - {okr_set.team})
                if len(teams) >= min_teams:
                    yield Violation(
                        f"{len(teams)} teams depend on this key result ({', '.join(teams)}) but it has no owner; "
                        "add `owner:`",
                        target=kr,
                    )


@rule(
    code="ALN010", name="too-many-dependencies", category="alignment", severity="warning", scope="org",
    summary="A team depends on other teams more often than the configured limit (option `max`).",
    rationale="Every cross-team dependency is a promise another team must keep. A team whose key results "
    "hang on many others is rarely in control of its own outcomes; the limit is set with the `max` option.",
    options={"max": 8},
    examples=[
        bad(_example("""team: platform
objectives:
  - id: pf-o1
    title: Clinics can book from any device without errors
    key_results:
      - {id: pf-kr1, title: Cut failed bookings from 4% to 1%}
      - {id: pf-kr2, title: Cut booking page load time from 3 s to 1 s}
""", """team: growth
objectives:
  - id: g-o1
    title: Win more clinics in Chiang Mai
    key_results:
""" + "".join(
            f"      - title: Sign {40 + i} new clinics in district {i + 1}, up from 20\n"
            f"        depends_on: [platform/pf-kr1, platform/pf-kr2]\n" for i in range(5))), kind="org"),
        good(_example("""team: platform
objectives:
  - id: pf-o1
    title: คลินิกจองคิวได้จากทุกอุปกรณ์โดยไม่มีข้อผิดพลาด
    key_results:
      - {id: pf-kr1, title: ลดการจองที่ล้มเหลวจาก 4% เหลือ 1%}
""", """team: sales
objectives:
  - id: s-o1
    title: คลินิกในภาคเหนือเลือกใช้ระบบของเรามากขึ้น
    key_results:
      - title: เพิ่มคลินิกใหม่จาก 25 เป็น 40 แห่ง
        depends_on: [platform/pf-kr1]
"""), "th", kind="org"),
    ],
)
def too_many_dependencies(org: Org, ctx):
    index = index_from_context(ctx, org)
    limit = int(ctx.option("max", 8))
    for team, dependencies in _cross_team_dependencies(index).items():
        if len(dependencies) <= limit:
            continue
        teams = sorted(set(dependencies.values()))
        yield Violation(
            f"team '{team}' has {len(dependencies)} cross-team dependencies (limit {limit}) on "
            f"{len(teams)} team(s): {', '.join(teams[:6])}{' …' if len(teams) > 6 else ''}",
            target=index.sets_by_team[team][0],
        )


# --- duplicates ----------------------------------------------------------------------------------------

PARENT_COPY = 0.9  # an objective this close to the one it aligns to copies it rather than contributing to it


def _without_figures(title: str) -> str:
    """A title as objectives are compared: without the figures and deadline some writers add to it ("…ระดับนานาชาติ
    ๑๒๐ เรื่อง ภายในปี ๒๕๗๐" says the same as "…ระดับนานาชาติ"; objective-has-metric speaks for the figures)."""
    if not _HAS_DIGIT.search(title):
        return title
    stripped = _FIGURE.sub(" ", _DEADLINE.sub(" ", title))
    return " ".join(stripped.split()) or title


_HAS_DIGIT = regexcache.compile(r"[0-9๐-๙]")
_DEADLINE = regexcache.compile(r"(?i:\b(?:by|in|within|before|for)\s+(?:the\s+)?(?:end\s+of\s+)?(?:fy\s*[0-9]{2,4}|(?:year\s+)?[0-9]{4})\b)"
                               r"|(?:ภายใน|ใน|ประจำ)?(?:ปี(?:งบประมาณ|การศึกษา|งบฯ?)?|พ\.ศ\.)\s*[0-9๐-๙]{2,4}")
_FIGURE = regexcache.compile(r"(?:ร้อยละ|(?i:by|to|at))?\s*[0-9๐-๙][0-9๐-๙,.]*\s*(?:%|(?i:percent\b|pts?\b|k\b|m\b)"
                             r"|เรื่อง|คน|ราย|แห่ง|ครั้ง|บาท|ล้านบาท|ล้าน|หน่วย|ชิ้น|ผลงาน)?")


def _organisations(index: OrgIndex):
    """A function giving the organisation a set belongs to (OrgIndex.organisation_of: the scope folder of the nearest
    company-level set above it, or of the one its folder's references lead into, or None), when the run holds several organisations' company plans; None when it holds one or none."""
    if len(index.organisation_scopes()) < 2:
        return None
    return index.organisation_of


@rule(
    code="ALN005", name="duplicate-objective", category="alignment", severity="warning", scope="org",
    summary="Two teams' objectives say the same thing (near-duplicates, Thai or English).",
    rationale="When two teams write the same objective, either they are working on the same thing without "
    "knowing it, or one of them copied it without making it their own. Agree on one owner and let the other "
    "team align to it. Texts are compared after dropping case, spaces, punctuation and hyphens, with a "
    "similarity ratio (option `threshold`, default 0.85). An objective that nearly copies the one it aligns to "
    "(similarity 0.9 or more) is reported too, differently: cascading an objective word for word down the "
    "organisation does not say what the lower team will change; close paraphrases below that are a normal "
    "cascade and not reported. Figures and deadlines added to a title ('… ๑๒๐ เรื่อง ภายในปี ๒๕๗๐') are left out of "
    "the comparison. When one run holds several organisations, each with its company-level plan in a folder of its "
    "own, objectives of different organisations are not compared.",
    options={"threshold": 0.85},
    examples=[
        bad(_example("""team: province
level: company
objectives:
  - id: p1
    title: ชาวบ้านในพื้นที่ห่างไกลได้รับบริการสาธารณสุขใกล้บ้าน
""", """team: health-office
level: department
objectives:
  - title: ชาวบ้านในพื้นที่ห่างไกลได้รับบริการสาธารณสุขใกล้บ้าน
    aligns_to: [province/p1]
"""), "th", kind="org", note="a department copies the objective it aligns to"),
        bad(_example("""team: sales
objectives:
  - title: ลูกค้าใหม่สมัครใช้บริการผ่านแอปมากขึ้น
""", """team: marketing
objectives:
  - title: ลูกค้าใหม่สมัครใช้บริการทางแอปมากขึ้น
"""), "th", kind="org"),
        bad(_example("""team: growth
objectives:
  - title: Grow self-serve signups in Vietnam
""", """team: marketing
objectives:
  - title: Grow self-serve sign-ups in Vietnam
"""), kind="org"),
        good(_example("""team: sales
objectives:
  - title: ลูกค้าใหม่สมัครใช้บริการผ่านแอปมากขึ้น
""", """team: support
objectives:
  - title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
"""), "th", kind="org"),
        good(_example("""team: growth
objectives:
  - title: Grow self-serve signups in Vietnam
""", """team: marketing
objectives:
  - title: Grow partner-led sales in Indonesia
"""), kind="org"),
    ],
)
def duplicate_objective(org: Org, ctx):
    from okrlint.text.facts import analysed_part
    from okrlint.text.neardup import NearDuplicateFinder

    index = index_from_context(ctx, org)
    threshold = float(ctx.option("threshold", 0.85))
    objectives = index.objectives
    finder = NearDuplicateFinder(threshold=threshold)
    pairs = finder.pairs([_without_figures(analysed_part(o.title)) for o in objectives],
                         groups=[index.team_of(o) for o in objectives])
    earlier: dict[int, tuple[int, float]] = {}  # later objective -> its best earlier match
    later: dict[int, list[tuple[int, float]]] = defaultdict(list)
    organisation_of = _organisations(index)
    for pair in pairs:
        first, second = objectives[pair.first], objectives[pair.second]
        if organisation_of is not None:
            one, two = organisation_of(index.set_of(first)), organisation_of(index.set_of(second))
            if one is not None and two is not None and one != two:
                continue  # two organisations linted together: each may aim at the same thing without duplicating work
        lineage = _child_and_parent(index, first, second)
        if lineage is not None:
            if pair.score >= PARENT_COPY:
                child, parent = lineage
                yield Violation(
                    f"restates the objective it aligns to (team {index.team_of(parent)}, {where(parent)}) "
                    f"(similarity {pair.score:.2f}): say what this team will change to get there",
                    target=child,
                )
            continue
        if pair.second not in earlier or pair.score > earlier[pair.second][1]:
            earlier[pair.second] = (pair.first, pair.score)
        later[pair.first].append((pair.second, pair.score))
    for position, (match, score) in sorted(earlier.items()):
        other = objectives[match]
        yield Violation(
            f"same as team {index.team_of(other)}'s objective '{other.title}' "
            f"({where(other)}) (similarity {score:.2f})",
            target=objectives[position],
        )
    for position, matches in sorted(later.items()):
        if position in earlier:
            continue  # already reported as the later one of another pair
        shown = "; ".join(
            f"team {index.team_of(objectives[m])}'s '{objectives[m].title}' "
            f"({where(objectives[m])}, similarity {score:.2f})"
            for m, score in matches[:3]
        )
        more = f" and {len(matches) - 3} more" if len(matches) > 3 else ""
        teams = "another team says" if len(matches) == 1 else f"{len(matches)} other objectives say"
        yield Violation(f"{teams} the same: {shown}{more}", target=objectives[position])


@rule(
    code="ALN012", name="shared-key-result", category="alignment", severity="warning", scope="org",
    summary="Two teams carry the same key result (the same measure from the same baseline to the same target) "
    "and neither depends on the other.",
    rationale="The same result in two teams' sets, from the same baseline to the same target, is either "
    "duplicated work in silos or one result that nobody owns alone: when it slips, each team assumes the other "
    "has it. Give it one owner and let the other teams list it in `depends_on`. A team that copies the key "
    "result of the objective it aligns to has not said how it contributes: its own key results should name what "
    "it will move to get there; so has a team of a shorter period whose key result takes that measure from the same "
    "baseline to a milestone on the way (a Q1 sheet's 38% → 44% under the company's 38% → 50% for the year). Key "
    "results are the same when they measure the same thing in the same words, whatever their order, direction verb "
    "or where the numbers and their unit stand (in the title, in baseline and target fields, in a unit column), with "
    "the same baseline and target; a unit written on one side only ('28,500 บาท' and '28500') or a bracketed "
    "definition or qualifier on one side only ('punctuality (departures within 1 min early to 5 min late)') does not "
    "make them differ, two different units ('72 hours', '72 days') or two different qualifiers do. With numbers a "
    "team would not pick by chance (81% to 95%, not "
    "20% to 30%) they are also the same when their measures share most words after common synonyms (สัดส่วน/อัตรา, "
    "ส่ง/จัดส่ง), English words in their base form and compounds split ('damaged-parcel claims' = 'damage claim' on "
    "parcels), or, one in Thai and one in English, most of what they measure (delivery, time, shops, first attempt, "
    "damage, claims), including the thing measured and not only its unit or 'time' (lead time for changes in days "
    "is not loan approval time in days). Key results "
    "without a baseline are not compared: units that each measure their own satisfaction against a common "
    "standard ('ร้อยละความพึงพอใจไม่น้อยกว่า 85') are not sharing one result; nor are two organisations linted in "
    "one run, each with its company plan in a folder of its own.",
    examples=[
        bad(_example("""team: sales
objectives:
  - title: Keep the customers we win
    key_results:
      - Cut logo churn from 14% to 9%
""", """team: success
objectives:
  - title: Customers succeed with the product
    key_results:
      - Cut logo churn from 14% to 9%
"""), kind="org"),
        bad(_example("""team: กองบริการ
objectives:
  - title: ประชาชนได้รับบริการรวดเร็ว
    key_results:
      - ลดเวลารอคอยเฉลี่ยจาก 40 นาที เหลือ 15 นาที
""", """team: กองเทคโนโลยี
objectives:
  - title: ระบบคิวออนไลน์ใช้งานง่าย
    key_results:
      - ลดเวลารอคอยเฉลี่ยจาก 40 นาที เหลือ 15 นาที
"""), "th", kind="org"),
        bad(_example("""team: sales
objectives:
  - title: Keep the customers we win
    key_results:
      - Reduce logo churn from 2.4% to 1.5% monthly
""", """team: success
objectives:
  - title: Customers succeed with the product
    key_results:
      - Cut monthly logo churn from 2.4% to 1.5%
"""), kind="org", note="the same measure and numbers in other words"),
        bad(_example("""team: company
level: company
period: 2570
objectives:
  - id: co1
    title: สมาชิกกลับมาซื้อซ้ำเพราะอยากกลับมา
    key_results:
      - title: อัตราการกลับมาซื้อซ้ำภายใน 30 วันของสมาชิก
        baseline: 38%
        target: 50%
""", """team: marketing
period: ไตรมาส 1/2570
objectives:
  - id: m1
    title: สมาชิกใหม่รู้สึกคุ้มตั้งแต่เดือนแรก
    aligns_to: [company/co1]
    key_results:
      - title: อัตราการกลับมาซื้อซ้ำภายใน 30 วันของสมาชิก
        baseline: 38%
        target: 44%
"""), "th", kind="org", note="a quarter's milestone of the company's key result for the year"),
        good(_example("""team: sales
objectives:
  - title: Keep the customers we win
    key_results:
      - id: churn
        title: Cut logo churn from 14% to 9%
""", """team: success
objectives:
  - title: Customers succeed with the product
    key_results:
      - title: Raise 90-day product adoption from 40% to 65%
        depends_on: [sales/churn]
"""), kind="org"),
    ],
)
def shared_key_result(org: Org, ctx):
    index = index_from_context(ctx, org)
    organisation_of = _organisations(index)
    # By measure and the numbers written first: reading baselines and targets only where both repeat.
    measures: dict[int, _Measure] = {}
    measured: dict[tuple, list] = defaultdict(list)
    read: dict[str, _Measure] = {}
    for objective in index.objectives:
        for kr in objective.key_results:
            measure = _measure_of(kr, read)
            if measure.long:
                measures[id(kr)] = measure
                measured[measure.key].append(kr)
    change_of = _ChangeReader(measures)
    same: dict[tuple, list] = defaultdict(list)
    for (words, _), krs in measured.items():
        if len(krs) < 2 or len({index.team_of(kr) for kr in krs}) < 2:
            continue
        for kr in krs:
            change = change_of(kr)
            if change is not None:
                same[(words, change)].append(kr)
    reported: set[int] = set()
    for krs in same.values():
        if len(krs) < 2:
            continue
        for group in _agreeing(krs, measures):
            if len(group) >= 2:
                reported.update(map(id, group))
                yield from _shared_in_group(index, group, organisation_of)
    yield from _milestones(index, measures, reported, change_of, organisation_of)
    yield from _reworded_shared(index, measured, reported, ctx, organisation_of, measures, change_of)


class _ChangeReader:
    """A key result's (baseline, target): its fields, else read from its title (each title read once)."""

    def __init__(self, measures: dict):
        self.measures = measures
        self.read: dict[str, object] = {}

    def __call__(self, kr):
        baseline, target = kr.baseline, kr.target
        if baseline is None or target is None:
            title = self.measures[id(kr)].title
            change = self.read.get(title, self)
            if change is self:
                from okrlint.text.numbers import read_change

                change = self.read[title] = read_change(title)
            if change is not None:
                baseline = baseline if baseline is not None else change.baseline
                target = target if target is not None else change.target
        return (baseline, target) if baseline is not None and target is not None else None


def _agreeing(krs: list, measures: dict) -> list[list]:
    """The key results of one group whose units and bracketed qualifiers agree ('72 hours' and '72 days' do not; a
    key result that writes none goes with the first group it agrees with)."""
    groups: list[tuple[_Measure, list]] = []
    for kr in krs:
        measure = measures[id(kr)]
        for signature, group in groups:
            if signature.agrees(measure):
                group.append(kr)
                break
        else:
            groups.append((measure, [kr]))
    return [group for _, group in groups]


def _shared_in_group(index: OrgIndex, krs: list, organisation_of):
    """Findings for a group of key results of several teams with the same measure, baseline and target."""
    # a key result whose objective aligns to the objective of another with the same result copies it: the finding
    # belongs to the copy, however many teams carry the result (two teams copying the company's are two copies)
    copies: dict[int, object] = {}
    of_objective: dict[int, list] = defaultdict(list)
    for kr in krs:
        of_objective[id(index.objective_for(kr))].append(kr)
    if len(of_objective) > 1:
        for kr in krs:
            for parent in index.parents(index.objective_for(kr)):
                original = next((other for other in of_objective.get(id(parent), ())
                                 if index.team_of(kr) != index.team_of(other) and not _depends(index, other, kr)
                                 and not _apart(organisation_of, index, other, kr)), None)
                if original is not None:
                    copies[id(kr)] = original
                    break
    for kr in krs:
        original = copies.get(id(kr))
        if original is not None:
            how = "word for word" if _in_order(kr.title) == _in_order(original.title) else "in other words"
            yield Violation(
                f"repeats {how} a key result of the objective it aligns to (team {index.team_of(original)}, "
                f"{where(original)}): say what this team will move to get there",
                target=kr,
            )
    if copies:
        krs = [kr for kr in krs if id(kr) not in copies]
    if len(krs) < 2:
        return
    told: set[int] = set()  # each team sees the finding in its own file, once
    for position, kr in enumerate(krs):
        # the first earlier key result it is shared with (another team of the same organisation, no dependency)
        first = next((first for first in krs[max(0, position - _PARTNERS_LOOKED_AT):position]
                      if index.team_of(kr) != index.team_of(first) and not _depends(index, first, kr)
                      and not _apart(organisation_of, index, first, kr)
                      and _child_and_parent(index, index.objective_for(first), index.objective_for(kr)) is None),
                     None)
        if first is None:
            continue
        told.add(id(kr))
        yield Violation(
            f"team {index.team_of(first)} has the same key result ({where(first)}): give it one owner and let "
            "the other team list it in `depends_on`",
            target=kr,
        )
        if id(first) not in told:
            told.add(id(first))
            yield Violation(
                f"team {index.team_of(kr)} has the same key result ({where(kr)}): give it one owner and let "
                "the other team list it in `depends_on`",
                target=first,
            )


def _milestones(index: OrgIndex, measures: dict, reported: set[int], change_of, organisation_of):
    """A key result of a shorter period that takes the measure of a key result of the objective it aligns to, from
    the same baseline to a milestone on the way to its target (a Q1 sheet's 38% → 44% under the company's 38% → 50%
    for the year): the team copies the company's measure for its quarter instead of saying what it will move."""
    for objective in index.objectives:
        parents = index.parents(objective)
        if not parents:
            continue
        period = index.set_of(objective).period
        if period is None or not period.is_known:
            continue
        parents = [parent for parent in parents if _ends_later(index.set_of(parent).period, period)]
        for kr in objective.key_results:
            measure = measures.get(id(kr))
            if measure is None or id(kr) in reported:
                continue
            found = next((
                (original, step) for parent in parents for original in parent.key_results
                if (theirs := measures.get(id(original))) is not None and theirs.words == measure.words
                and index.team_of(kr) != index.team_of(original) and measure.agrees(theirs)
                and (step := _milestone(index, kr, original, measures, change_of)) is not None
                and not _depends(index, original, kr) and not _apart(organisation_of, index, original, kr)), None)
            if found is None:
                continue
            original, (target, final) = found
            reported.add(id(kr))
            yield Violation(
                f"measures what a key result of the objective it aligns to measures, with a milestone on the way to its "
                f"target ({_figure(target, kr)} of {_figure(final, original)}; team {index.team_of(original)}, "
                f"{where(original)}): say what this team will move to get there",
                target=kr,
            )


def _milestone(index: OrgIndex, kr, original, measures: dict, change_of):
    """(target, final target) when kr goes from the original's baseline to a value between it and the original's
    target, with the same other numbers (a '30-day' window)."""
    mine, theirs = change_of(kr), change_of(original)
    if mine is None or theirs is None or mine[0] != theirs[0] or mine[1] == theirs[1]:
        return None
    baseline, target = mine
    final = theirs[1]
    if not (min(baseline, final) < target < max(baseline, final)):
        return None
    rest = [list(measures[id(kr)].numbers), list(measures[id(original)].numbers)]
    for numbers, value in zip(rest, (target, final)):
        value = _without_scale(value)
        if value not in numbers:
            return None
        numbers.remove(value)
    return (target, final) if rest[0] == rest[1] else None


def _ends_later(period, than) -> bool:
    return period is not None and period.is_known and period.end > than.end


def _figure(value: float, kr) -> str:
    """A target as written in its cell ('44%'), else as a number."""
    if kr.target_text and kr.target == value:
        return kr.target_text.strip()
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"


_PARTNERS_LOOKED_AT = 64  # earlier key results of a group a key result is compared with (bounded in a huge org)


def _reworded_shared(index: OrgIndex, measured: dict, reported: set[int], ctx, organisation_of, measures, change_of):
    """Key results of two teams with the same uncommon numbers ("from 81% to 95%") whose measures are the same in
    other words ("สัดส่วนเที่ยวส่งที่ถึงภายในเวลานัด" and "อัตราการจัดส่งได้ทันตามเวลาที่นัด") or in the other
    language. Only numbers a round-number habit would not repeat by chance are compared."""
    by_change: dict[tuple, list] = defaultdict(list)
    for (_, numbers), krs in measured.items():
        if len(numbers) >= 2 and _uncommon(numbers):
            by_change[numbers].extend(kr for kr in krs if id(kr) not in reported)
    tokens: dict[str, tuple] = {}  # a title's words as compared, read once

    def tokens_of(title: str) -> tuple:
        found = tokens.get(title)
        if found is None:
            found = tokens[title] = (_mostly_thai(title), _content_tokens(ctx, title))
        return found

    for numbers, krs in by_change.items():
        if len(krs) < 2 or len({index.team_of(kr) for kr in krs}) < 2:
            continue
        # as above: only key results that move from a baseline to a target ("Reach 4.7/5" is a standard to meet),
        # compared with those that make the same move
        moves: dict[tuple, list] = defaultdict(list)
        for kr in krs:
            change = change_of(kr)
            if change is not None and index.objective_for(kr) is not None:
                moves[change].append(kr)
        for krs in moves.values():
            if len(krs) < 2:
                continue
            yield from _reworded_in_group(index, krs, organisation_of, measures, tokens_of)


def _reworded_in_group(index: OrgIndex, krs: list, organisation_of, measures: dict, tokens_of):
    told: set[int] = set()  # key results already given this finding (each team sees it in its own file)
    for position, kr in enumerate(krs):
        for first in krs[max(0, position - _PARTNERS_LOOKED_AT):position]:
            if index.team_of(kr) == index.team_of(first) or _depends(index, first, kr) \
                    or _apart(organisation_of, index, first, kr) or not measures[id(kr)].agrees(measures[id(first)]):
                continue
            how = _same_measure_in_other_words(tokens_of(measures[id(first)].title), tokens_of(measures[id(kr)].title))
            if how is None:
                continue
            lineage = _child_and_parent(index, index.objective_for(first), index.objective_for(kr))
            if lineage is not None:  # a cascade in other words: the copy is the child's
                copy, original = (kr, first) if lineage[0] is index.objective_for(kr) else (first, kr)
                yield Violation(f"repeats {how} a key result of the objective it aligns to (team "
                                f"{index.team_of(original)}, {where(original)}): say what this team will move to get there",
                                target=copy)
                told.add(id(copy))
                break
            yield Violation(f"team {index.team_of(first)} has the same key result {how} ({where(first)}): give it "
                            "one owner and let the other team list it in `depends_on`", target=kr)
            told.add(id(kr))
            if id(first) not in told:
                told.add(id(first))
                yield Violation(f"team {index.team_of(kr)} has the same key result {how} ({where(kr)}): give it "
                                "one owner and let the other team list it in `depends_on`", target=first)
            break


def _apart(organisation_of, index: OrgIndex, first, second) -> bool:
    """The two items belong to two different organisations linted in one run."""
    if organisation_of is None:
        return False
    one = organisation_of(index.set_of(index.objective_for(first)))
    two = organisation_of(index.set_of(index.objective_for(second)))
    return one is not None and two is not None and one != two


def _uncommon(numbers: tuple) -> bool:
    """Numbers two teams would not write by chance: one not a multiple of five (81, 2.4, 1,350)."""
    return any(value % 5 for value in numbers)


def _same_measure_in_other_words(first: tuple, second: tuple) -> str | None:
    """first, second: (written in Thai, the words compared) of two titles."""
    thai = (first[0], second[0])
    words = [first[1], second[1]]
    if thai[0] != thai[1]:
        # Thai and English share no words: the measure's concepts must match (delivery, time, shop ...)
        # and what is measured must be among them, not only its unit and "time" ("lead time for changes" in days is
        # not "เวลาอนุมัติสินเชื่อ" in days)
        concepts = [{_CONCEPTS[w] for w in found if w in _CONCEPTS} for found in words]
        shared = concepts[0] & concepts[1]
        if not shared - _GENERIC_CONCEPTS:
            return None
        return "in the other language" if len(shared) >= 2 and len(shared) * 2 >= len(concepts[0] | concepts[1]) else None
    if not words[0] or not words[1]:
        return None
    overlap = len(words[0] & words[1]) / len(words[0] | words[1])
    return "in other words" if overlap >= 0.4 else None


def _mostly_thai(title: str) -> bool:
    """Written in Thai: more Thai letters than Latin ones ("ลด churn rate รายเดือน…" is Thai, "Reduce fraud losses from
    ฿4.2 ล้าน to ฿2.5 ล้าน" is English with a Thai unit)."""
    thai = len(_THAI_LETTER.findall(title))
    return thai > 0 and thai >= len(_LATIN_LETTER.findall(title))


_LATIN_LETTER = regexcache.compile(r"[A-Za-z]")


def _content_tokens(ctx, title: str) -> frozenset[str]:
    """The words a key result measures with, as compared across teams: without numbers, change words and glue
    words; English words in a simple base form ("claims" = "claim", "damaged" = "damage"), compounds split
    ("damaged-parcel" = "damaged parcel"), common synonyms made one ("share" = "rate")."""
    tokens = ctx.analyser.tokenize(_THAI_CHANGE_WORDS.sub(" ", title.lower()))
    found = set()
    for token in tokens:
        whole = _SYNONYMS.get(token, token)
        for part in (whole.split("-") if "-" in whole and _LATIN_WORD.fullmatch(whole) else (whole,)):
            if (not part or part in _CHANGE_WORDS or part in _FILLERS or part[:1].isdigit()
                    or not any(c.isalpha() for c in part)):
                continue
            found.add(_normal(part))
    return frozenset(found)


_LATIN_WORD = regexcache.compile(r"[a-z][a-z'-]*")


def _stem(word: str) -> str:
    """A simple base form of an English word, the same for its plural, -ed and -ing forms (claims, claimed,
    claiming = claim; damage, damaged = damag; shipped, shipping = ship). Not a dictionary form: only compared."""
    if not _LATIN_WORD.fullmatch(word) or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending, shortest in (("ing", 4), ("ed", 3)):  # rating is not rat(e)+ing
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            word = word[: -len(ending)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # shipp(ed) = ship
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]  # damage = damag(ed)
    return word


def _normal(word: str) -> str:
    """A word as compared: its base form, then its synonym's."""
    return _STEMMED_SYNONYMS.get(_stem(word), _stem(word))


_THAI_LETTER = regexcache.compile(r"[\u0e01-\u0e4e]")
_FILLERS = frozenset(
    "ที่ ของ การ ความ ให้ ได้ ไว้ ใน และ ต่อ ตาม ซึ่ง โดย ตั้งแต่ with within only all every each who that which whose "
    "as is are was were be been being it its their this these those than into out end ends ending result "
    "results there number amount total".split())
# words a measure is written with interchangeably
_SYNONYMS = {
    "สัดส่วน": "อัตรา", "ร้อยละ": "อัตรา", "share": "rate", "percentage": "rate", "proportion": "rate",
    "จัดส่ง": "ส่ง", "ส่งมอบ": "ส่ง", "นัดหมาย": "นัด", "ช่วงเวลา": "เวลา", "ระยะเวลา": "เวลา", "ทันเวลา": "เวลา",
    "ตรงเวลา": "เวลา", "ผู้รับบริการ": "ลูกค้า", "ผู้ใช้บริการ": "ลูกค้า", "customers": "customer", "clients": "customer",
    "client": "customer", "deliveries": "delivery", "delivered": "delivery", "shipments": "delivery", "on-time": "time",
    "shipment": "delivery", "parcels": "parcel", "packages": "parcel", "package": "parcel", "คนไข้": "ผู้ป่วย",
    "เคลม": "claim", "สินไหม": "claim", "แก้ปัญหา": "แก้ไข", "ถูกต้อง": "accurate", "แม่นยำ": "accurate",
    # clinical shorthand Thai plans mix in: the same patients and measures by their acronym
    "dm": "เบาหวาน", "t2dm": "เบาหวาน", "diabetes": "เบาหวาน", "ht": "ความดัน", "hypertension": "ความดัน",
    "ความดันโลหิตสูง": "ความดัน", "คุม": "ควบคุม", "ได้ดี": "ได้", "opd": "ผู้ป่วยนอก", "ipd": "ผู้ป่วยใน",
}
_STEMMED_SYNONYMS = {_stem(word): (_stem(same) if _LATIN_WORD.fullmatch(same) else same) for word, same in _SYNONYMS.items()}


# What a measure is about, in either language (after _SYNONYMS and base forms)
_CONCEPTS = {_stem(word): concept for concept, words in {
    "delivery": "ส่ง delivery deliver ship shipping dispatch",
    "time": "เวลา time times on-time late ล่าช้า ทัน",
    "appointment": "นัด appointment slot",
    "shop": "ร้านค้า ร้าน stores store shops shop outlets retailers",
    "customer": "ลูกค้า customer",
    "rate": "อัตรา rate",
    "satisfaction": "ความพึงพอใจ พึงพอใจ satisfaction csat satisfied",
    "churn": "churn ยกเลิก ลาออก attrition turnover cancellation cancellations",
    "complaint": "ร้องเรียน ข้อร้องเรียน เรื่องร้องเรียน complaints complaint",
    "revenue": "รายได้ ยอดขาย revenue sales income",
    "cost": "ต้นทุน ค่าใช้จ่าย cost costs spend expense expenses",
    "error": "ผิดพลาด ข้อผิดพลาด ความผิดพลาด error errors defects defect mistakes",
    "wait": "รอ รอคอย wait waiting queue คิว",
    "order": "คำสั่งซื้อ สั่งซื้อ ออเดอร์ orders order",
    "return": "ตีกลับ คืนสินค้า returns returned return",
    "patient": "ผู้ป่วย patients patient",
    "staff": "พนักงาน บุคลากร เจ้าหน้าที่ staff employees employee",
    "member": "สมาชิก members member",
    "user": "ผู้ใช้ ผู้ใช้งาน users user",
    "app": "แอป แอปพลิเคชัน แอปพลิเคชั่น app application",
    "online": "ออนไลน์ online digital ดิจิทัล",
    "repeat": "ซ้ำ repeat reorder",
    "accident": "อุบัติเหตุ accidents accident crash crashes collision",
    "energy": "พลังงาน ไฟฟ้า energy electricity power",
    "stock": "สต็อก สต๊อก stock inventory",
    "product": "สินค้า ผลิตภัณฑ์ product products goods item items",
    "response": "ตอบ ตอบกลับ response respond reply",
    # added with the thirteenth review: common measures of services, sales, operations, health and schools
    "success": "สำเร็จ ความสำเร็จ success successful succeed",
    "first": "แรก first initial",
    "attempt": "attempt try",
    "parcel": "พัสดุ parcel",
    "claim": "claim",
    "damage": "เสียหาย ความเสียหาย ชำรุด แตกหัก สูญเสีย สูญหาย damage damaged broken breakage loss losses lost",
    "resolution": "แก้ไข resolve resolution resolved fix fixed",
    "accuracy": "accurate accuracy correct correctly",
    "shortage": "ขาด ขาดสต็อก stockout stockouts shortage shortages",
    "booking": "จอง การจอง booking bookings reservation reservations",
    "visit": "เยี่ยมชม เข้าชม visit visits visitor visitors",
    "student": "นักเรียน นักศึกษา ผู้เรียน student students pupil pupils learner learners",
    "downtime": "หยุดทำงาน ขัดข้อง ล่ม downtime outage outages unavailable",
    "incident": "เหตุการณ์ อุบัติการณ์ incident incidents",
    "injury": "บาดเจ็บ injury injuries",
    "safety": "ความปลอดภัย ปลอดภัย safety safe",
    "call": "สาย โทร call calls phone",
    "contact": "ติดต่อ contact contacts",
    "ticket": "คำขอ คำร้อง ticket tickets request requests case cases",
    "price": "ราคา price prices pricing",
    "profit": "กำไร profit profits margin margins",
    "debt": "หนี้ ค้างชำระ debt debts overdue receivable receivables arrears",
    "payment": "ชำระ ชำระเงิน จ่าย เบิกจ่าย payment payments pay paid invoice invoices",
    "fuel": "น้ำมัน เชื้อเพลิง fuel diesel petrol",
    "vehicle": "รถ ยานพาหนะ รถยนต์ รถบรรทุก vehicle vehicles truck trucks van vans fleet",
    "route": "เส้นทาง route routes",
    "hub": "ศูนย์ hub hubs depot depots",
    "warehouse": "คลัง คลังสินค้า warehouse warehouses",
    "repair": "ซ่อม ซ่อมบำรุง บำรุงรักษา repair repairs maintenance",
    "training": "อบรม ฝึกอบรม training trained",
    "hire": "สรรหา รับสมัคร จ้าง hire hires hiring recruit recruitment",
    "budget": "งบประมาณ งบ budget",
    "volume": "ปริมาณ volume",
    "contract": "สัญญา contract contracts",
    "renewal": "ต่ออายุ ต่อสัญญา renewal renewals renew",
    "lead": "ผู้สนใจ lead leads prospect prospects",
    "score": "คะแนน score scores rating ratings",
    "review": "รีวิว review reviews",
    "market": "ตลาด market",
    "report": "รายงาน report reports",
    "data": "ข้อมูล data",
    "backlog": "งานค้าง ค้าง backlog pending",
    "emission": "คาร์บอน ก๊าซเรือนกระจก carbon emission emissions co2",
    "bed": "เตียง bed beds",
    "day": "วัน day days",
    "hour": "ชั่วโมง hour hours",
    "minute": "นาที minute minutes",
    # added with the twenty-seventh review: banking and lending
    "fraud": "ทุจริต ฉ้อโกง มิจฉาชีพ fraud fraudulent scam scams",
    "confirm": "ยืนยัน confirm confirmed verified",
    "approval": "อนุมัติ approve approved approval approvals",
    "loan": "สินเชื่อ เงินกู้ loan loans lending credit",
    "average": "เฉลี่ย ค่าเฉลี่ย มัธยฐาน average mean median",
    "counter": "เคาน์เตอร์ counter counters",
    "week": "สัปดาห์ week weeks weekly",
    "month": "เดือน month months monthly",
}.items() for word in words.split()}
# Concepts that say how a measure is counted (its unit, "time", "rate", "average"), not what is measured: two key results
# that share only these measure different things.
_GENERIC_CONCEPTS = frozenset({"time", "day", "hour", "minute", "week", "month", "rate", "average", "score", "volume"})


# What a key result measures, without its numbers, the words of a change and the verb of its direction: "Cut
# monthly logo churn from 2.4% to 1.5%" and "Reduce logo churn from 2.4% to 1.5% monthly" measure the same thing,
# and so does a key result whose numbers stand in baseline and target columns.
_CHANGE_WORDS = frozenset(
    "from to by a an the our of in at on for and per up down increase increases raise raises grow grows boost lift "
    "reduce reduces cut cuts lower decrease decreases drop shrink improve improves move get keep take bring "
    "percent pct pp points point".split())
_THAI_CHANGE_WORDS = regexcache.compile(
    "จากเดิม|จาก|ให้เป็น|เป็น|ให้เหลือ|เหลือ|ให้ได้|ร้อยละ|เพิ่มขึ้น|ลดลง|เพิ่ม|ลด|ยกระดับ|ขึ้นไป|ไม่น้อยกว่า|ไม่ต่ำกว่า|ไม่เกิน|อย่างน้อย|ภายใน")
_MEASURE_WORD = regexcache.compile(r"[^\W\d_\u0e00-\u0e7f]+|[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+")


def _in_order(title: str) -> list[str]:
    text = _THAI_CHANGE_WORDS.sub(" ", title.lower())
    return [w for w in _MEASURE_WORD.findall(text) if w not in _CHANGE_WORDS]


class _Measure:
    """What a key result measures, as shared-key-result compares it across teams.

    words: the measure's words (order, direction verbs, numbers and their units left out); numbers: every number
    written, in order of size; units: the units written after a number or given apart from the title (a unit column,
    '28,500 บาท' in a baseline cell); qualifier: the words of a bracketed definition or qualifier the title carries
    besides its numbers ('(departures within 1 min early to 5 min late)'); title: the title its change is read from
    (without that bracket)."""

    __slots__ = ("words", "numbers", "units", "qualifier", "title", "key", "long")

    def __init__(self, words, numbers, units, qualifier, title):
        self.words, self.numbers, self.units, self.qualifier, self.title = words, numbers, units, qualifier, title
        self.key = (words, numbers)
        self.long = sum(map(len, words)) >= 4  # enough of a measure to compare

    def agrees(self, other: "_Measure") -> bool:
        """Units and bracketed qualifiers agree: a side that writes none agrees with any ('28500' and '28,500 บาท';
        a title without the definition its company's copy carries in brackets)."""
        return ((not self.units or not other.units or bool(self.units & other.units))
                and (not self.qualifier or not other.qualifier or self.qualifier == other.qualifier))


# A number, or a word (Latin letters, or a run of Thai letters)
_NUMBER_OR_WORD = regexcache.compile(
    r"(?P<n>[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*)|[^\W\d_\u0e00-\u0e7f]+|[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+")
_BRACKETED = regexcache.compile(r"\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]")
# Units of measure written after a number, as one (money, time, counts and scores); scales (ล้าน, k, m) are no unit:
# the numbers carry them. A Thai run after a number begins with its unit ('30 วันของสมาชิก': วัน, then ของสมาชิก).
_UNIT_AS = {
    "บาท": "บาท", "baht": "บาท", "thb": "บาท", "usd": "usd", "dollar": "usd", "dollars": "usd", "ดอลลาร์": "usd",
    "eur": "eur", "euro": "eur", "euros": "eur", "gbp": "gbp", "pounds": "gbp",
    "วินาที": "second", "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "นาที": "minute", "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "ชั่วโมง": "hour", "ชม": "hour", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "วันทำการ": "day", "วัน": "day", "day": "day", "days": "day", "สัปดาห์": "week", "week": "week", "weeks": "week",
    "เดือน": "month", "month": "month", "months": "month", "ปี": "year", "year": "year", "years": "year",
    "คะแนน": "point", "แต้ม": "point", "point": "point", "points": "point", "pts": "point", "pt": "point",
    "pp": "point", "percent": "percent", "เปอร์เซ็นต์": "percent",
    "คน": "count", "ราย": "count", "ครั้ง": "count", "ชิ้น": "count", "รายการ": "count", "แห่ง": "count",
    "เรื่อง": "count", "ฉบับ": "count", "ตัว": "count", "เครื่อง": "count", "คัน": "count",
    "people": "count", "persons": "count", "times": "count",
    "กิโลกรัม": "kg", "กก": "kg", "kg": "kg", "ตัน": "tonne", "tonnes": "tonne", "tons": "tonne", "ลิตร": "litre",
    "litres": "litre", "liters": "litre", "กิโลเมตร": "km", "กม": "km", "km": "km",
}
_SCALES = frozenset("ล้าน พัน หมื่น แสน k m mn bn million millions thousand billion".split())
_THAI_UNIT_PREFIX = regexcache.compile("|".join(
    sorted((w for w in (*_UNIT_AS, *_SCALES) if _THAI_LETTER.match(w)), key=len, reverse=True)))


def _measure_of(kr, read: dict) -> _Measure:
    """read: the measures of titles without fields, so that a title many teams repeat is read once."""
    plain = kr.baseline is None and kr.target is None and not (kr.unit or kr.baseline_text or kr.target_text)
    if plain:
        found = read.get(kr.title)
        if found is None:
            found = read[kr.title] = _measure_in(kr)
        return found
    return _measure_in(kr)


def _measure_in(kr) -> _Measure:
    title = kr.title
    qualifier: list[str] = []
    units: set[str] = set()
    if "(" in title or "[" in title or "（" in title:
        # a bracketed definition or qualifier ('(departures within 1 min early to 5 min late)', '(บาท)') is set
        # apart, unless the bracket holds the change itself ('(38% → 50%)')
        stripped = _BRACKETED.sub(" ", title)
        fields = kr.baseline is not None and kr.target is not None
        if stripped != title and (fields or sum(1 for m in _NUMBER_OR_WORD.finditer(stripped) if m.lastgroup) >= 2):
            for bracket in _BRACKETED.findall(title):
                words, _, bracket_units = _read_measure(bracket)
                qualifier += words
                units |= bracket_units
            title = stripped
    words, numbers, title_units = _read_measure(title)
    units |= title_units
    for text in (kr.unit, kr.baseline_text, kr.target_text):
        if text:  # given apart from the title: all of it says the unit
            for match in _NUMBER_OR_WORD.finditer(_THAI_CHANGE_WORDS.sub(" ", text.lower())):
                if not match.lastgroup:
                    rest = _unit_off(match.group(), units)
                    if rest and rest not in _CHANGE_WORDS:
                        units.add(rest)
    numbers += [value for value in (kr.baseline, kr.target) if value is not None]
    return _Measure(frozenset(words), tuple(sorted(map(_without_scale, numbers))), frozenset(units),
                    frozenset(qualifier), title)


@functools.lru_cache(maxsize=4096)
def _unit_of(word: str) -> tuple[str, str | None]:
    """(the rest of the word, its unit) of the word after a number ('วันของสมาชิก': 'ของสมาชิก', 'day')."""
    units: set[str] = set()
    rest = _unit_off(word, units)
    return rest, (min(units) if units else None)


def _unit_off(word: str, units: set[str]) -> str:
    """The word without the unit it begins with (a Thai run: 'ล้านบาท', 'วันของสมาชิก'; an English word whole), which
    is added to units (a scale is dropped: the numbers carry it)."""
    if _THAI_LETTER.match(word):
        while found := _THAI_UNIT_PREFIX.match(word):
            unit = found.group()
            if unit not in _SCALES:
                units.add(_UNIT_AS[unit])
            word = word[len(unit):]
        return word
    if word in _UNIT_AS or word in _SCALES:
        if word not in _SCALES:
            units.add(_UNIT_AS[word])
        return ""
    return word


# a word right after a number: its unit when it is one ('72 ชั่วโมง', '4.7 ล้านบาท', '$4.2m', '40 minutes')
_AFTER_NUMBER = regexcache.compile(
    r"(?<=[0-9๐-๙])[^\S\n]*([^\W\d_\u0e00-\u0e7f]+|[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]+)")
_WRITTEN_NUMBER = regexcache.compile(r"[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _read_measure(text: str) -> tuple[list[str], list[float], set[str]]:
    """The measure words, numbers and units (the word right after a number, when it is a unit) of a text."""
    units: set[str] = set()
    lowered = _THAI_CHANGE_WORDS.sub(" ", text.lower())
    def unit_off(match) -> str:
        rest, unit = _unit_of(match.group(1))
        if unit:
            units.add(unit)
        return " " + rest

    lowered = _AFTER_NUMBER.sub(unit_off, lowered)
    words = [w for w in _MEASURE_WORD.findall(lowered) if w not in _CHANGE_WORDS]
    numbers = [float(n.translate(_ARABIC_DIGITS).replace(",", "")) for n in _WRITTEN_NUMBER.findall(lowered)
               if n.count(".") <= 1]
    return words, numbers, units


def _without_scale(value: float) -> float:
    """8,200,000 and 8.2 alike: a title says "8.2 ล้านบาท" or "$8.2M" where a baseline cell holds 8200000.
    (Millions and up only: 1,500 users stays 1,500, a round number two teams may write by chance.)"""
    if not math.isfinite(value):
        return value  # a run of hundreds of digits reads as infinity, which no division brings down
    if abs(value) >= 1_000_000:
        while abs(value) >= 1000:
            value /= 1000
    return round(value, 6)


def _child_and_parent(index: OrgIndex, a, b):
    """(child, parent) when one of two objectives aligns to the other, else None."""
    if any(p is a for p in index.parents(b)):
        return b, a
    if any(p is b for p in index.parents(a)):
        return a, b
    return None


def _depends(index: OrgIndex, first, second) -> bool:
    """One key result depends on the other: a result shared on purpose, with one owner."""
    return any(ref.source is second for ref in index.dependants(first)) or any(
        ref.source is first for ref in index.dependants(second))


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
