"""Alignment: how the OKR sets of a whole organisation fit together (scope ``org``).

Every rule here reads the :class:`okrlint.org.OrgIndex` built once per run, and stays linear in the size of
the org: references are dict lookups, cycles are found with one depth-first pass (Tarjan), duplicates with
MinHash/LSH candidates (okrlint.text.neardup).
"""

from __future__ import annotations

import difflib
import functools
import math
import posixpath
import re
import sys
from collections import Counter, defaultdict

from okrlint.text import regexcache
from okrlint.hookspecs import hookimpl
from okrlint.model import Objective, Org, named_owner
from okrlint.org import (_COMPANY_WORDS, OrgIndex, Reference, Status, ancestors, index_from_context, level_rank,
                         names_no_plan, names_the_company_as_written, org_index, team_key, where)
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.text.periods import fiscal_reading
from okrlint.text.numbers import normalize_digits

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
    """The field a reference was written in, as its file names it: `aligns_to` in YAML, the 'Aligns to' line of a
    Word, PDF or text draft, the 'Aligns to' column of a sheet or a document's table."""
    label = _FIELD_LABELS.get(ref.field)
    source = ref.source if getattr(ref.source, "location", None) is not None else None
    written = _written_in(source) if source is not None and label is not None else "key"
    if written == "key":
        return f"`{ref.field}`"
    return f"the “{label}” {'column' if written == 'column' else 'line'}"


_FIELD_LABELS = {"aligns_to": "Aligns to", "depends_on": "Depends on"}


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
    "a renamed id or a set that was not included in the run. Not reported: a bare id in a file linted on its own "
    "(its team's file may be elsewhere; a file inside a folder given whole is checked), and a reference to the "
    "company's objectives ('CO-1', 'company/co-o2'), or to an objective by its number alone in a draft "
    "('เป้าประสงค์ที่ 5', 'O3', which may be the company's), in a run that holds no company-level plan (one "
    "department's folder linted on its own).",
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
            if ref.team is None and not org.holds_all_of(index.folder_of(ref.source_set)):
                continue  # a bare id may belong to a team whose file this run was not given
            if (_names_the_company(ref) or _numbered_alone(ref)) \
                    and not _its_company_plan_is_here(index, ref.source_set):
                # "CO-1", "company/co-o2" in a run of one department's folder: the company plan is elsewhere; and a
                # number alone ("เป้าประสงค์ที่ 5"), which the plans above the writer that the run holds lack, may be
                # that plan's (both said once on standard error)
                continue
            counted = _numbered_in_the_run(index, ref)
            if ref.team is None and _OUTSIDE_PLAN.search(ref.text) and counted is None:
                continue  # "ยุทธศาสตร์ที่ 2 ...", "Strategic pillar 3": a plan outside the OKR sets, not an id (names_outside_plan)
            hint = _suggestion(index, ref) or _initials_hint(index, ref) or _how_many(index, counted)
            yield Violation(
                f"{_field_name(ref)} '{ref.text}' names nothing in the org{hint}", ref.location, target=ref.source
            )


def _initials_hint(index: OrgIndex, ref: Reference) -> str:
    """"; 'CS' may stand for 'Customer Success' or 'Customer Support': write the team's name": a plan named by initials
    several teams' names have (those of one team's name resolve to it)."""
    if ref.team is not None:
        return ""
    found = index.teams_by_initials(ref.text)
    if found is None or len(found[1]) < 2:
        return ""
    initials, teams = found
    return f"; '{initials}' may stand for {' or '.join(repr(team) for team in teams[:3])}: write the team's name"


def names_outside_plan(index: OrgIndex, ref) -> bool:
    """Whether an unresolved reference names a strategy or plan outside the OKR sets ("ยุทธศาสตร์ชาติด้าน…",
    "Strategic pillar 3"), which counts as an alignment and is no dangling reference."""
    return ref.target is None and ref.team is None and _OUTSIDE_PLAN.search(ref.text) is not None \
        and _numbered_in_the_run(index, ref) is None


def _its_company_plan_is_here(index: OrgIndex, okr_set) -> bool:
    """Whether the run holds the company plan a set's company references mean: a company-level set, and, when the
    set's folder lies outside every company plan's folder and none of its references leads into one, not only
    another organisation's (a second organisation whose own company file could not be read)."""
    if not index.company_sets():
        return False
    return index.organisation_of(okr_set) is not None


def unchecked_company_references(org: Org) -> str | None:
    """A warning, said once per run, when the sets name the organisation's objectives ("company/o7", "วัตถุประสงค์ที่ 9
    ขององค์กร") but no set of the run is the organisation's plan (company level): those references are not checked,
    and no objective is orphan or uncovered, so a run that passes says nothing of alignment. None otherwise."""
    if not (org.complete or org.whole_folders):
        return None  # single files: the organisation's plan is simply not among them, as the org rules assume
    if not any(objective.aligns_to or any(kr.depends_on for kr in objective.key_results)
               for okr_set in org.sets for objective in okr_set.objectives):
        return None
    index = org_index(org)  # the one the org rules used, when they ran
    if index.company_sets():
        return None
    unchecked = [ref for ref in index.references
                 if ref.status in (Status.MISSING, Status.UNKNOWN_TEAM) and (_names_the_company(ref)
                                                                             or _numbered_alone(ref))]
    if not unchecked:
        return None
    first = unchecked[0]
    why = "several plans are titled as it, and no reference leads into one" \
        if any(okr_set.level == "company" for okr_set in org.sets) else "no set is company level"
    count = f"1 reference to its objectives was not checked ('{first.text}')" if len(unchecked) == 1 else \
        f"{len(unchecked)} references to its objectives were not checked (such as '{first.text}')"
    return (f"{first.location}: the organisation's plan is not in this run ({why}): {count}, and no objective was "
            "reported as orphan or uncovered; lint the organisation's plan with these files, or write 'level: company' "
            "in it")


def _names_the_company(ref: Reference) -> bool:
    """A reference to the company's plan: its team is the company ("company/co-o2") or its id says so ("CO-1")."""
    written_team = ref.text.partition("/")[0] if "/" in ref.text else None  # as written: the index may name the team
    return any(team is not None and team.strip().casefold() in _COMPANY_WORDS for team in (ref.team, written_team)) \
        or names_the_company_as_written(ref.text)


def _numbered_alone(ref: Reference) -> bool:
    """A reference written as a number alone ("เป้าประสงค์ที่ 5", "วัตถุประสงค์ข้อ 2", a draft's "O3"): without the
    organisation's plan in the run, it cannot be told dangling, as it may be that plan's. An OKR file's "o3" is an id."""
    if ref.team is not None or "/" in ref.text:
        return False
    if ref.source_set.source_format == "yaml" and ref.text.isascii() and " " not in ref.text:
        return False
    return names_no_plan(ref.text)


def _numbered_in_the_run(index: OrgIndex, ref: Reference) -> tuple[list, int] | None:
    """A reference written as an objective's number in a plan the run holds ("เป้าประสงค์ที่ 8", "เป้าประสงค์ที่ 9 ของ
    โรงพยาบาล", "วัตถุประสงค์ที่ 5 ขององค์กร"): the sets it counts in and the number. เป้าประสงค์ is the word a Thai
    public body's own plan labels its objectives with as often as a plan outside the OKR sets does, so such a
    reference is checked against the plan above when the run holds it, and a number that plan lacks is dangling; one
    that names an outside plan besides ("เป้าประสงค์ที่ 2 ของยุทธศาสตร์ชาติ", "แผนแม่บทฯ เป้าประสงค์ 1") is not.
    None when the reference is not written so, or no set of the run is what it counts in."""
    if _OUTSIDE_PLAN.search(_OBJECTIVE_WORD.sub(" ", ref.text)):
        return None
    found = index.numbered_plans(ref.text, ref.source_set)
    return found if found is not None and found[0] else None


def _how_many(index: OrgIndex, counted: tuple[list, int] | None) -> str:
    """"; the plan of hospital has 6 objectives": for a number the plan it counts in lacks (the plan of one team)."""
    if counted is None:
        return ""
    sets, number = counted
    teams = {okr_set.team for okr_set in sets}
    if len(teams) != 1 or any(len(okr_set.objectives) >= number for okr_set in sets):
        return ""
    count = max(len(okr_set.objectives) for okr_set in sets)
    return f"; the plan of {teams.pop()} has {count} objective{'s' if count != 1 else ''}"


_OBJECTIVE_WORD = regexcache.compile(r"เป้าประสงค์")
# Alignment written to a strategy or plan that is not an OKR set (government plans, company pillars).
_OUTSIDE_PLAN = regexcache.compile(
    r"ยุทธศาสตร์|แผนแม่บท|แผนพัฒนา|แผนปฏิบัติ|แผนระดับ|นโยบาย|ประเด็นท้าทาย|ประเด็นยุทธ|เป้าประสงค์|พันธกิจ|วิสัยทัศน์"
    r"|\b(?:strateg(?:y|ic|ies)|pillars?|policy|mission|vision|SDGs?|themes?|master\s+plan)\b",
    re.IGNORECASE,
)


def _clearly_closest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to ``word`` (similarity 0.75 or more), when no other is as close: 'co-o9' among co-o1 …
    co-o4 is no nearer one than another, and a guess would send the reader to the wrong objective."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate in candidates:  # difflib.get_close_matches' own quick bounds first: teams have thousands of ids
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75:
            score = matcher.ratio()
            if score >= 0.75:
                scored.append((score, candidate))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 1e-9):
        return None
    return scored[0][1]


def _generated_name(index: OrgIndex, target) -> str | None:
    """How an OKR file names an objective without an id of its own (a Word or Markdown plan's): 'company/o3' for the
    company plan's (company/… finds the company set's generated ids), its generated 'team/o3' when the team's name
    is one word; None otherwise."""
    local = target.uid.rpartition("/")[2]
    okr_set = index.set_of(target)
    companies = index.company_sets()
    if any(s is okr_set for s in companies) and len({s.team for s in companies}) == 1:
        return f"company/{local}"
    return target.uid if target.uid and " " not in target.uid else None


def _suggestion(index: OrgIndex, ref: Reference) -> str:
    if ref.source_set.source_format == "yaml":
        # OKR files name objectives by id (the format's rule); say which one a reference written in words means
        meant = index._resolve_as_written(ref.text, ref.source_set)
        if len(meant) == 1:
            target = meant[0]
            named = f"{index.team_of(target)}/{target.id}" if target.id else _generated_name(index, target)
            how = f"write '{named}'" if named else "give it an `id` and write team/id"
            return f"; it reads as the objective '{target.title}' ({where(target)}): {how}"
    if ref.team is not None:
        local = ref.text.partition("/")[2].strip()
        elsewhere = index.by_id.get(local, [])
        if elsewhere:
            return f"; '{local}' belongs to team '{index.team_of(elsewhere[0])}'"
        close = _clearly_closest(local, list(index.ids_of_team(ref.team)))
        return f"; did you mean '{ref.team}/{close}'?" if close else ""
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
        periods = index.same_team_periods(ref.candidates)
        if periods is not None:
            # one team's sets for several periods (the company's year and its quarter), none holding the referring
            # set's period alone: name the periods, not two organisations
            team = index.team_of(ref.candidates[0])
            shown = " and ".join(f"'{period}'" for period in periods)
            yield Violation(
                f"{_field_name(ref)} '{ref.text}' is ambiguous: it could be {named}{more}, in team {team}'s sets for "
                f"{shown}; write team/id with the id of the one meant",
                ref.location, target=ref.source,
            )
            continue
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
    "a department linting its own folder has simply left the company plan outside it. Files named one by one are "
    "not checked (the other teams' files are not part of the run), unless they are every OKR file of their tree "
    "(what 'pre-commit run --all-files' passes); files in a folder given whole are, even when other files are named "
    "beside it. A team whose file could not be read (the file's name holds the team's: "
    "'bu-logistics.okr.yaml' for 'logistics') is not reported: the input error says what is wrong.",
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
    if not org.complete and not org.whole_folders:
        return  # linting some single files: the other teams' files are simply not part of this run
    index = index_from_context(ctx, org)
    # a department's folder linted alone: the company plan it aligns to lies outside the folder given
    no_company = not index.has_company_level()
    for ref in _references(index, Status.UNKNOWN_TEAM):
        if not org.holds_all_of(index.folder_of(ref.source_set)):
            continue  # a file named beside the folders given: the team it names may be in a file not given
        if no_company and team_key(ref.team or "") in _COMPANY_WORDS:
            continue
        if _may_be_in_unread(ref.team or "", org.unread):
            continue  # its set is in a file that could not be read, reported as such: one cause, said once
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
                    f"objective aligns to nothing although the org has company-level objectives; {_add_alignment(objective)}",
                    target=objective,
                )


def _written_in(item) -> str:
    """How the file of an objective or key result is written, to give advice in its terms: 'key' (YAML, JSON, TOML:
    fields such as `aligns_to`), 'column' (a spreadsheet, CSV or a table of a document) or 'text' (a draft's lines)."""
    from okrlint.rules.measurability import _KEYED_FORMATS, _TABLE_FORMATS

    location = item.location
    name = location.file.lower()
    if name.endswith(_KEYED_FORMATS):
        return "key"
    return "column" if location.sheet is not None or name.endswith(_TABLE_FORMATS) else "text"


def _add_alignment(objective) -> str:
    """orphan-objective's advice, in the terms of the objective's own file."""
    return {"key": "add `aligns_to`",
            "column": "fill in its 'Aligns to' column (add the column if the table has none)",
            "text": "add a line 'Aligns to: …' under it"}[_written_in(objective)]


def _one_owner(kr) -> str:
    """shared-key-result's advice, in the terms of the key result's own file: a Word plan or a sheet names owners and
    dependencies in its own words, not in `depends_on`."""
    return {"key": "give it one owner and let the other team list it in `depends_on`",
            "column": "agree which team owns it and let the other team write in its row that it depends on it",
            "text": "give it one owner (name that team as its owner) and let the other team write that it depends "
                    "on it"}[_written_in(kr)]


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
        path = _loop_path(index, loop)
        for objective in component:
            if id(objective) in on_loop:
                message = f"alignment cycle: {path}"
            else:
                message = f"objective is caught in an alignment loop ({path}) through its `aligns_to`"
            yield Violation(message, objective.location_of("aligns_to"), target=objective)


_LOOP_SHOWN = 8  # a longer loop is shown by its first and last steps: its whole path in every one of its
# findings made a loop of 4,000 objectives write a 269 MB report


def _loop_path(index: OrgIndex, loop: list[Objective]) -> str:
    def name(objective: Objective) -> str:
        return index.describe(objective).split(" (")[0]

    if len(loop) <= _LOOP_SHOWN:
        return " → ".join(name(o) for o in loop + loop[:1])
    left = len(loop) - 5
    return " → ".join([name(o) for o in loop[:3]] + [f"… (+{left:,}) …"] + [name(o) for o in loop[-2:]] + [name(loop[0])])


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
    summary="A company-level objective that no other objective aligns to (and a department's that none of its teams "
    "align to).",
    rationale="A company objective that no department or team has taken up has nobody working on it. "
    "Either a team adopts it (`aligns_to`) or it is not really a priority this period. The same holds one level "
    "down: a department objective that none of the department's teams aligns to, while they align to its other "
    "objectives, has no team working on it (option `departments`, default `true`). A department's teams are those "
    "that align to its objectives; a department none of whose teams is in the run is not judged, and neither is an "
    "objective whose supporters may be in files the run was not given (the folders were not given whole).",
    options={"departments": True},
    examples=[
        bad(_example(_COMPANY_EN, """team: sales
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
"""), kind="org"),
        bad(_example(_COMPANY_TH), "th", kind="org"),
        bad(_example("""team: operations
level: department
objectives:
  - id: ops-o1
    title: New clinics are up and running within a day
  - id: ops-o2
    title: Clinics get expert help whenever they need it
""", """team: onboarding
objectives:
  - id: ob-o1
    title: Clinics set up the system without our help
    aligns_to: [operations/ops-o1]
"""), kind="org", note="the department's team takes up one of its objectives, nobody the other"),
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
        # what aligns to it may be in a file of its organisation that could not be read: said, not guessed
        unread = _unread_under(index.scope_folder(okr_set), org.unread)
        for objective in okr_set.objectives:
            if not any(child is not objective for child in index.children(objective)):
                yield Violation("no department or team objective aligns to this company objective"
                                + _unread_note(unread), target=objective)
    if ctx.option("departments", True):
        yield from _uncovered_department_objectives(org, index)


def _unread_note(unread: list[str]) -> str:
    if 1 <= len(unread) <= 3:
        names = ", ".join(posixpath.basename(file) for file in unread)
        return f" ({names} could not be read: an objective in it may align to it)"
    if unread:
        return f" ({len(unread)} files could not be read: an objective in them may align to it)"
    return ""


_TEAMS_NAMED = 3  # supporting teams a department finding names


def _uncovered_department_objectives(org: Org, index: OrgIndex):
    """A department objective no team aligns to, when teams of that department (sets of a lower level aligning to
    its other objectives) are in the run and every folder they and the department are in was read whole."""
    rank = level_rank("department")
    for okr_set in org.sets:
        if okr_set.level != "department" or len(okr_set.objectives) < 2:
            continue
        teams: dict[int, object] = {}  # the sets of a lower level that align to its objectives
        for objective in okr_set.objectives:
            for child in index.children(objective):
                child_set = index.set_of(child)
                if child_set is not okr_set and level_rank(child_set.level) > rank:
                    teams.setdefault(id(child_set), child_set)
        if not teams:
            continue  # none of its teams is in the run: nothing says who would take its objectives up
        folders = {index.folder_of(okr_set), *(index.folder_of(team) for team in teams.values())}
        if not all(org.holds_all_of(folder) for folder in folders):
            continue  # its other teams may be in files this run was not given
        unread = sorted({file for folder in folders for file in _unread_under(folder, org.unread)})
        names = [team.team for team in teams.values()]
        shown = ", ".join(names[:_TEAMS_NAMED]) + (f" and {len(names) - _TEAMS_NAMED} more" if len(names) > _TEAMS_NAMED
                                                    else "")
        for objective in okr_set.objectives:
            if any(level_rank(index.set_of(parent).level) > rank for parent in index.parents(objective)):
                continue  # it aligns to a team's objective: inverted-alignment says the link is in the wrong file
            if not any(index.set_of(child) is not okr_set for child in index.children(objective)):
                yield Violation(f"no team objective aligns to this department objective, although its teams align to "
                                f"its other objectives ({shown}){_unread_note(unread)}", target=objective)


_NAME_WORD = regexcache.compile(r"[^\W_]+")
_NOT_A_NAME = frozenset({"okr", "okrs", "team", "plan", "draft", "ทีม", "ฝ่าย", "yaml", "yml", "md", "txt", "xlsx", "csv",
                         "docx", "pdf"})


def _may_be_in_unread(team: str, unread: tuple[str, ...]) -> bool:
    """Whether a team's set may be one of the files that could not be read: the file's name holds the team's name
    ('bu-logistics.okr.yaml' for team 'logistics')."""
    if not unread or not team:
        return False
    wanted = {w.lower() for w in _NAME_WORD.findall(team)} - _NOT_A_NAME
    for file in unread:
        name = posixpath.basename(file.replace("\\", "/"))
        if wanted and wanted <= {w.lower() for w in _NAME_WORD.findall(name)}:
            return True
    return False


def _unread_under(folder: str, unread: tuple[str, ...]) -> list[str]:
    return [file for file in unread if not folder or file.replace("\\", "/").startswith(folder + "/")]


@rule(
    code="ALN009", name="inverted-alignment", category="alignment", severity="warning", scope="org",
    summary="An objective aligns to another team's objective of a lower level (company > department > team).",
    rationale="Alignment runs upwards: team objectives serve department objectives, which serve company "
    "objectives. A company objective that aligns to a team's objective turns the hierarchy upside down; "
    "usually the link was written in the wrong file. A department's objective is only judged against a draft or a "
    "sheet that says its level: a unit left at the default there may well be a division above it (in YAML a set "
    "without `level` is a team, as the format says).",
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
                if ("level" not in parent_set.field_locations and parent_set.source_format != "yaml"
                        and okr_set.level != "company"):
                    # a draft or a sheet whose level was never said (a กอง or a division left at the default, team)
                    # is not known to stand below a department ('ฝ่าย' under 'กอง' in a government agency); in YAML
                    # a set without 'level' is a team, as the format says
                    continue
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
    "'by the end of 2027' is its last day, 'before July 2027' the day before. A dated deadline that has passed "
    "before the period starts ('by 30 June 2026' or 'by end of Q2 2026' in a Q3 2026 plan, like `due: 2026-06-30`) "
    "was copied from an earlier plan: it is reported too. Periods are read in all common "
    "forms, including Thai fiscal years (ปีงบประมาณ 2570 = 1 Oct 2026 – 30 Sep 2027) and Buddhist Era dates. "
    "A Thai quarter or half without a fiscal mark (ไตรมาส 4/2570) may count from January, as companies do, or "
    "from the fiscal year, as government agencies do; it is a mismatch only when neither reading fits. When every "
    "objective of a set that aligns upwards falls outside its parent's period, the cause is the set's period line: it "
    "is reported once, there, not once per objective.",
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
        bad(_example("""team: company
level: company
period: 2027
objectives:
  - id: co-o1
    title: Become the first choice of small clinics in Thailand
  - id: co-o2
    title: Clinics stay with us year after year
""", """team: sales
period: Q4 2026
objectives:
  - id: s-o1
    title: Win more clinics in Chiang Mai
    aligns_to: [co-o1]
  - id: s-o2
    title: Clinics renew without a discount
    aligns_to: [co-o2]
"""), kind="org", note="a stale period line: one finding, at the set's period"),
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
        bad(_example("""team: it-services
period: 2026-Q3
objectives:
  - title: Clinicians trust the systems they chart in
    key_results:
      - Complete the data-security toolkit submission by 30 June 2026
      - Cut average login time from 45 seconds to 8 seconds
"""), kind="org", note="a date before the quarter starts: copied from the last plan"),
        bad(_example("""team: estates
period: FY2026/27
objectives:
  - title: Patients and staff are safe in every building we run
    key_results:
      - Complete fire risk assessments at all 14 sites by 30 June 2026
      - Cut open estate defects from 120 to 60 a month
"""), kind="org", note="a split year without its months is read October–September unless told otherwise: the message "
            "says how to read it April–March"),
        good(_example("""team: trust
level: company
period: 2026/27 (1 April 2026 – 31 March 2027)
objectives:
  - id: t-o1
    title: Patients and staff are safe in every building we run
    key_results:
      - Cut reportable estate incidents from 40 to 20
      - Raise the share of sites with a current fire risk assessment from 80% to 100%
""", """team: estates
period: FY2026/27
objectives:
  - title: Every site is ready for inspection at any time
    aligns_to: [trust/t-o1]
    key_results:
      - Complete fire risk assessments at all 14 sites by 30 June 2026
      - Cut open estate defects from 120 to 60 a month
"""), kind="org", note="the same year written without its months under a plan that writes them: read in its parent's months"),
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
        yield from _periods_outside_parents(index, okr_set, ctx)
        for objective in okr_set.objectives:
            if period is None or not period.is_known:
                continue
            yield from _deadline_beyond(objective, period, ctx)
            for kr in objective.key_results:
                if kr.due is not None and not _fits(period, lambda p, due=kr.due: p.start <= due <= p.end, ctx):
                    how = _how_read(period, ctx, lambda p, due=kr.due: p.start <= due <= p.end)
                    yield Violation(
                        f"due date {kr.due.isoformat()} lies outside the set's period {_span(period)}"
                        + (f"; {how}" if how else ""),
                        kr.location_of("due"), target=kr,
                    )
                elif kr.due is None:
                    yield from _deadline_beyond(kr, period, ctx)


def _periods_outside_parents(index: OrgIndex, okr_set, ctx):
    """The set's objectives whose set period lies outside the period of an objective they align to. When every objective
    of the set that aligns to one of its level or above does so, and there are several, the cause is one: the set's
    period line (stale, or the plan put under the wrong parent). It is reported once, there."""
    period = okr_set.period
    if period is None:
        return
    outside: list[tuple] = []  # (objective, parent)
    fitting = False
    for objective in okr_set.objectives:
        for parent in index.parents(objective):
            parent_set = index.set_of(parent)
            if level_rank(parent_set.level) > level_rank(okr_set.level):
                continue  # aligned to a lower level: inverted-alignment speaks for it
            parent_period = parent_set.period
            if parent_period is None or _fits(period, parent_period.contains, ctx) \
                    or _year_of_fiscal_year(period, parent_period):
                fitting = True
                continue
            outside.append((objective, parent))
    objectives = {id(objective) for objective, _ in outside}
    if len(objectives) >= 2 and not fitting:
        periods = list(dict.fromkeys(index.set_of(parent).period for _, parent in outside))
        spans = list(dict.fromkeys(_span(parent_period) for parent_period in periods))
        parents = list(dict.fromkeys(_named(index, parent, located=False) for _, parent in outside))
        # ids are listed with commas; an objective named by its title (which may hold commas) with semicolons
        separator = ", " if all(parent.id for _, parent in outside) else "; "
        shown = separator.join(parents[:3]) + (" …" if len(parents) > 3 else "")
        relation = _relation(period, periods[0]) if len(periods) == 1 else "lies outside"
        yield Violation(
            f"period {_span(period)} {relation} the period {' and '.join(spans)} of {shown}, which every objective "
            f"of this set that aligns upward ({len(objectives)}) aligns to: check the set's period"
            + _how_read_against(period, periods, ctx),
            okr_set.location_of("period"), target=okr_set,
        )
        return
    for objective, parent in outside:
        parent_period = index.set_of(parent).period
        yield Violation(
            f"period {_span(period)} {_relation(period, parent_period)} the period {_span(parent_period)} of "
            f"{_named(index, parent)} it aligns to" + _how_read_against(period, [parent_period], ctx),
            objective.location_of("aligns_to"), target=objective,
        )


def _year_of_fiscal_year(period, parent_period) -> bool:
    """A year written bare ("ปี 2570", "2027") under the fiscal year of the same number ("ปีงบประมาณ 2570", "FY2027"):
    read as the calendar year it runs past the fiscal year, but in a public body's plan it nearly always means that
    fiscal year. Either reading is accepted, as for a Thai quarter (see fiscal_reading)."""
    from okrlint.text.periods import is_fiscal

    return (period.kind == "year" and not is_fiscal(period) and parent_period.kind == "fiscal_year"
            and period.start.year == parent_period.end.year)


def _relation(period, parent_period) -> str:
    """How a period fails to fit in its parent's: it runs past its end, starts before it, is longer than it on both
    sides, or lies wholly outside it."""
    if period.start > parent_period.end or period.end < parent_period.start:
        return "lies outside"
    if period.start < parent_period.start and period.end > parent_period.end:
        return "is longer than"
    return "runs past the end of" if period.end > parent_period.end else "starts before"


def _named(index: OrgIndex, item, located: bool = True) -> str:
    """An objective as a message names it: ``team/id (file:line)``; one without an id of its own (a document's
    objective, known by a generated ``team/o2``) by its title and team, as its plan writes it."""
    if item.id:
        return index.describe(item) if located else index.describe(item).split(" (")[0]
    from okrlint.text.clip import clipped

    named = f"the objective '{clipped(item.title, 80)}' of team {index.team_of(item)}"
    return f"{named} ({where(item)})" if located else named


def _deadline_beyond(item, period, ctx, hint=True):
    """"Achieve net zero by 2030" in a 2027/28 plan, "by end of Q3 2027" or "by 30 September 2027" in an H1 2027 plan,
    "ภายในเดือนธันวาคม 2570" in FY2570: a deadline in the title that falls after the set's period ends is a multi-period
    ambition, not what this period will do. Read with parse_period: a year, fiscal year, half, quarter, month or date;
    "by X" means by the start of X at the latest ("by Q4 2027": some time in Q4), "by the end of X" its end, "before X"
    the day before it. A deadline inside the period, or one that fits when a Thai quarter (or, in a fiscal-year plan,
    any quarter) is read as a fiscal one, is not reported."""
    title = item.title
    if not _HAS_YEAR.search(title):
        return
    for when, year, days, latest in _deadlines(title, period, ctx):
        if any(_fits(period, lambda p, day=day: day <= p.end, ctx) for day in days):
            if latest and not any(_fits(period, lambda p, day=day: day >= p.start, ctx) for day in latest):
                # "Complete the submission by 30 June 2026" in a Q3 2026 plan: copied from last period with its old
                # date, as a `due` field before the period is
                yield Violation(f"its deadline, {when}, falls before the set's period {_span(period)} begins: update "
                                "the date, or leave it in the plan of the period it belonged to"
                                + (_how_read_deadline(item, period, ctx) if hint else ""), target=item)
                return
            continue
        if year is not None:
            yield Violation(f"aims at {year}, after the set's period {_span(period)}: say what this period will "
                            "achieve towards it", target=item)
        else:
            yield Violation(f"its deadline, {when}, falls after the set's period {_span(period)}: say what this period "
                            "will achieve towards it, or move it to the plan of the period it belongs to"
                            + (_how_read_deadline(item, period, ctx) if hint else ""), target=item)
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
    """(the deadline as written, its year when it is a whole year, the latest days it may mean, the last days it
    could possibly stand for) for each deadline in a title. A second day is a fiscal reading: of a Thai quarter or half
    (ไตรมาส 4/2570 in FY2570 is July–September 2027), of any quarter or half in a fiscal-year plan ("by Q4 2027" in
    FY2027), and of "the end of 2027" in FY2027, which may mean the end of that fiscal year. The last days (for a
    deadline before the period) are given only for a clearly dated one: a date, month, quarter or half, or "the end
    of"/"before" a year; a bare year after "by" may be an amount ("by 2025 units")."""
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
            dated = found.kind in ("date", "month", "quarter", "half") or at_end or before
            latest = [_last_day(reading, before, True) for reading in (found, other) if reading is not None] \
                if dated else []
            last = days[0]
            if fiscal_plan and found.kind == "year" and (last.month, last.day) == (12, 31) \
                    and last.year in (period.start.year, period.end.year):
                days.append(period.end)  # "by the end of 2570", "before 2571" in ปีงบประมาณ 2570: that fiscal year
            whole_year = found.kind in ("year", "fiscal_year") and not at_end and not before
            year = _YEAR_IN.search(written).group(0) if whole_year else None
            when = ("end of " if match["en_end"] else "สิ้น" if match["th_end"] else "") + written
            if before:  # "before July 2026": the day before it, as the message should say
                when = ("before " if match["en"] else "ก่อน") + when
            yield when, year, days, latest
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


# the months a fiscal year most often runs in, after the ones the run states: April–March (UK, India, Japan, Canada's
# governments), July–June (Australia, many US states), January–December, October–September (Thai and US governments)
_USUAL_START_MONTHS = (4, 7, 1, 10)
_THAI_GOVERNMENT_YEAR = regexcache.compile(r"ปีงบ(?!การเงิน)")


def _how_read(period, ctx, holds, stated=()) -> str:
    """How a fiscal year written without its months was read, when that decides a finding: "'FY2026/27' is read as
    October–September (fiscal-year-start-month = 10): if the year runs April–March, set fiscal-year-start-month = 4 or
    write 'FY2026/27 (April–March)'". ``holds(p)`` says whether the finding goes away with the period read as ``p``; the
    months tried are those ``stated`` elsewhere (the parent's), then the usual ones. Empty when the period's months are
    written, when no other months would change the finding, and for a Thai government year (ปีงบประมาณ) read
    October–September, as the law has it."""
    from okrlint.text.periods import read_by_setting, with_start_month, year_months

    setting = int(ctx.options.get("fiscal-year-start-month", 10))
    if not read_by_setting(period, setting) or (setting == 10 and _THAI_GOVERNMENT_YEAR.search(period.text)):
        return ""
    for month in dict.fromkeys((*stated, *_USUAL_START_MONTHS)):
        if month == setting:
            continue
        other = with_start_month(period, month)
        if other is not None and holds(other):
            return (f"'{period.text}' is read as {year_months(setting)} (fiscal-year-start-month = {setting}): if the "
                    f"year runs {year_months(month)}, set fiscal-year-start-month = {month} or write "
                    f"'{period.text} ({year_months(month)})'")
    return ""


def _how_read_against(period, parent_periods, ctx) -> str:
    """How a set's period, or the period of the plan it aligns to, was read when one of them is a fiscal year written
    without its months and reading it in other months would make the one fit in the other (see _how_read)."""
    from okrlint.text.periods import stated_start_month

    setting = int(ctx.options.get("fiscal-year-start-month", 10))
    stated = [month for month in (stated_start_month(p, setting) for p in parent_periods) if month is not None]
    how = _how_read(period, ctx, lambda p: all(_fits(p, q.contains, ctx) or _year_of_fiscal_year(p, q)
                                               for q in parent_periods), stated)
    if not how and len(parent_periods) == 1:
        own = stated_start_month(period, setting)
        how = _how_read(parent_periods[0], ctx, lambda q: _fits(period, q.contains, ctx) or _year_of_fiscal_year(period, q),
                        (own,) if own is not None else ())
    return f"; {how}" if how else ""


def _how_read_deadline(item, period, ctx) -> str:
    """How the set's period was read, when reading it in other months would take the title's deadline into it."""
    how = _how_read(period, ctx, lambda p: next(_deadline_beyond(item, p, ctx, hint=False), None) is None)
    return f"; {how}" if how else ""


# --- dependencies --------------------------------------------------------------------------------------

def _cross_team_dependencies(index: OrgIndex) -> dict[str, dict[tuple[str, object], str]]:
    """team -> {(source uid, what is depended on): team depended on}, for depends_on across teams. What is depended on
    is the key result (or objective) a reference resolved to, by identity, else the reference's text in the team it
    names (a team with no set)."""
    by_team: dict[str, dict[tuple[str, object], str]] = defaultdict(dict)
    for ref in index.references:
        if ref.field != "depends_on":
            continue
        team = ref.source_set.team
        if ref.target is not None:
            other = index.team_of(ref.target)
            target: object = id(ref.target)
        elif ref.status is Status.UNKNOWN_TEAM:
            other = ref.team
            target = (ref.team, ref.text.partition("/")[2].strip().casefold())
        else:
            continue
        if other and other != team:
            by_team[team][(ref.source.uid, target)] = other
    return by_team


@rule(
    code="ALN008", name="unowned-dependency", category="alignment", severity="warning", scope="org",
    summary="A key result that several other teams depend on has no owner (nor has its objective or its set).",
    rationale="When two or more teams build on one key result, somebody must answer for it. Without an "
    "`owner:` on the key result, its objective or its set (the set's owner answers for what nobody else does, as "
    "for missing-owner), the dependent teams do not know whom to ask when it slips.",
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
        if named_owner(okr_set.owner):
            continue  # the set's owner answers for the key results nobody else owns (as for missing-owner)
        for objective in okr_set.objectives:
            if named_owner(objective.owner):
                continue
            for kr in objective.key_results:
                if named_owner(kr.owner):  # 'TBD' names nobody
                    continue
                teams = sorted({r.source_set.team for r in index.dependants(kr)} - {okr_set.team})
                if len(teams) >= min_teams:
                    yield Violation(
                        f"{len(teams)} teams depend on this key result ({', '.join(teams)}) but it has no owner; "
                        "add `owner:`",
                        target=kr,
                    )


_PLATFORM_KRS = """team: platform
objectives:
  - id: pf-o1
    title: Clinics can book from any device without errors
    key_results:
      - {id: pf-kr1, title: Cut failed bookings from 4% to 1%}
      - {id: pf-kr2, title: Cut booking page load time from 3 s to 1 s}
      - {id: pf-kr3, title: Raise API uptime from 99.5% to 99.9%}
      - {id: pf-kr4, title: Cut sync errors with clinic calendars from 2% to 0.5%}
      - {id: pf-kr5, title: Cut time to add a new payment method from 6 weeks to 1 week}
"""
_DATA_KRS = """team: data
objectives:
  - id: d-o1
    title: Every team sees how clinics use the product
    key_results:
      - {id: d-kr1, title: Cut dashboard refresh time from 24 h to 1 h}
      - {id: d-kr2, title: Raise the share of events with a clinic id from 70% to 99%}
      - {id: d-kr3, title: Cut missing booking records from 3% to 0.5%}
      - {id: d-kr4, title: Raise the share of teams using self-serve reports from 20% to 60%}
"""


@rule(
    code="ALN010", name="too-many-dependencies", category="alignment", severity="warning", scope="org",
    summary="A team depends on more of other teams' key results than the configured limit (option `max`).",
    rationale="Every cross-team dependency is a promise another team must keep. A team whose key results "
    "hang on many others' is rarely in control of its own outcomes; the limit is set with the `max` option. Each "
    "key result (or objective) depended on counts once, however many of the team's key results list it: five key "
    "results that each depend on the same two platform results are two promises to keep, not ten.",
    options={"max": 8},
    examples=[
        bad(_example(_PLATFORM_KRS, _DATA_KRS, """team: growth
objectives:
  - id: g-o1
    title: Win more clinics in Chiang Mai
    key_results:
""" + "".join(
            f"      - title: Sign {41 + i} new clinics in district {i + 1}, up from 20\n"
            f"        depends_on: [{deps}]\n" for i, deps in enumerate((
                "platform/pf-kr1, platform/pf-kr2", "platform/pf-kr3, data/d-kr1", "platform/pf-kr4, data/d-kr2",
                "platform/pf-kr5, data/d-kr3", "data/d-kr4, platform/pf-kr1")))), kind="org",
            note="nine key results of two other teams"),
        good(_example(_PLATFORM_KRS, """team: growth
objectives:
  - id: g-o1
    title: Win more clinics in Chiang Mai
    key_results:
""" + "".join(
            f"      - title: Sign {41 + i} new clinics in district {i + 1}, up from 20\n"
            f"        depends_on: [platform/pf-kr1, platform/pf-kr2]\n" for i in range(5))), kind="org",
             note="ten links, but to the same two key results"),
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
        # each promise once: the key results (or objectives) depended on, not the links to them
        promised = {target: other for (_, target), other in dependencies.items()}
        if len(promised) <= limit:
            continue
        teams = sorted(set(promised.values()))
        yield Violation(
            f"team '{team}' has {len(promised)} cross-team dependencies (limit {limit}) on "
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
    # "ภาค 1", "เขต ๒", "region 3": the number names the place, so it stays beside its place, as a word of letters
    # ("ภาค nob") that the figures' pattern leaves alone
    title = _NUMBERED_PLACE.sub(lambda m: f"{m['place']} no{normalize_digits(m['n']).translate(_AS_LETTERS)} ", title)
    stripped = _FIGURE.sub(" ", _DEADLINE.sub(" ", title))
    return " ".join(stripped.split()) or title


_HAS_DIGIT = regexcache.compile(r"[0-9๐-๙]")
_AS_LETTERS = str.maketrans("0123456789", "abcdefghij")
_NUMBERED_PLACE = regexcache.compile(
    r"(?P<place>ภาค(?:ที่)?|ภูมิภาค(?:ที่)?|เขต(?:สุขภาพ|ตรวจราชการ|พื้นที่)?(?:ที่)?|สาขา(?:ที่)?|ศูนย์ที่|โซน(?:ที่)?"
    r"|(?i:region|zone|ward|branch|district|site|area))\s*(?P<n>[0-9๐-๙]{1,3})(?![0-9๐-๙.,%])")
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
    "team align to it. Objectives are compared by what they say: their content words, without framing verbs and glue "
    "('make sure', 'help', 'can', 'ได้', 'ให้'), in any order, near-synonyms as one word ('sooner', 'faster', 'quicker'; "
    "'grow', 'increase'; 'customers', 'clients'; 'staff', 'employees'), a rare word counting for more than a common one "
    "('Help new customers get value in their first 30 days' and 'Make sure new customers get value within their first "
    "30 days' are one objective); and by how alike they are written, after dropping case, spaces, punctuation and "
    "hyphens (option `threshold`, default 0.85), which catches a misspelling. An objective in Thai and one in English "
    "are the same when every concept of the shorter (family, booking, appointment, online, a province) is in the other "
    "and it adds little. Two objectives that name someone or somewhere differently are different objectives however "
    "alike the rest: other people (nurses, doctors; new graduates, all clinical staff), another place (Chonburi, "
    "Rayong; one ward, the whole hospital) or another segment (new, existing, enterprise customers); one that only adds "
    "a channel or a qualifier to all the other says ('… in Cebu on LINE') is a narrower wording of it. A general word for "
    "the people served and their kind ('customers', 'ผู้รับบริการ'; 'patients', 'ผู้ป่วย') name the same people, and "
    "'… choose us' says what 'Win …' says. An objective "
    "that nearly copies the wording of the one it aligns to (similarity 0.9 or more) is reported too, differently: "
    "cascading an objective word for word down the organisation does not say what the lower team will change; a "
    "paraphrase is a normal cascade and not reported. Figures and deadlines added to a title ('… ๑๒๐ เรื่อง ภายในปี "
    "๒๕๗๐') are left out of the comparison. When one run holds several organisations, each with its company-level plan "
    "in a folder of its own, objectives of different organisations are not compared.",
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
        bad(_example("""team: product
objectives:
  - title: Help new customers get value from the app in their first 30 days
""", """team: success
objectives:
  - title: Make sure new customers get value from the app within their first 30 days
"""), kind="org", note="the same objective framed differently"),
        bad(_example("""team: marketing
objectives:
  - title: Make it easy for families in Chonburi to book their first appointment online
""", """team: contact-center
objectives:
  - title: ครอบครัวในชลบุรีจองนัดพบแพทย์ครั้งแรกผ่านช่องทางออนไลน์ได้ง่าย
"""), "th", kind="org", note="the same objective in English and in Thai"),
        good(_example("""team: sales
objectives:
  - title: ลูกค้าใหม่สมัครใช้บริการผ่านแอปมากขึ้น
""", """team: support
objectives:
  - title: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
"""), "th", kind="org"),
        good(_example("""team: ward-nurses
objectives:
  - title: Nurses chart at the bedside without waiting for the system
""", """team: medical-staff
objectives:
  - title: Doctors chart at the bedside without waiting for the system
"""), kind="org", note="the same words for other people"),
        good(_example("""team: chonburi-branch
objectives:
  - title: Families in Chonburi can easily book their first appointment online
""", """team: rayong-branch
objectives:
  - title: Families in Rayong can easily book their first appointment online
"""), kind="org", note="the same aim in another place"),
        good(_example("""team: outpatients
objectives:
  - title: Patients see their doctor without a long wait
""", """team: lab
objectives:
  - title: Patients get their lab results without a long wait
"""), kind="org", note="the same people, another outcome"),
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
    from okrlint.text.neardup import NearDuplicateFinder, SimilarSets

    index = index_from_context(ctx, org)
    threshold = float(ctx.option("threshold", 0.85))
    objectives = index.objectives
    groups = [index.team_of(o) for o in objectives]
    texts = [_without_figures(analysed_part(o.title)) for o in objectives]
    char_pairs = NearDuplicateFinder(threshold=threshold).pairs(texts, groups=groups)
    # what each objective says (its content words, and their concepts in either language), read once per title
    read: dict[str, _ObjectiveContent] = {}
    contents = []
    for text in texts:
        content = read.get(text)
        if content is None:
            content = read[text] = _ObjectiveContent(ctx, text)
        contents.append(content)
    # the option moves every bar: the content words' (0.8 at the default 0.85) and the floor under writing alike (0.6)
    words = SimilarSets(threshold=max(0.5, min(1.0, threshold + _SAME_CONTENT - 0.85)))
    floor = threshold + _CONTENT_FLOOR - 0.85
    word_pairs = words.pairs([c.words for c in contents], groups=groups)
    if floor < words.threshold:  # a narrower wording of the same aim whose extra words are not written alike either
        narrower = SimilarSets(threshold=max(0.4, floor))
        known = {(pair.first, pair.second) for pair in word_pairs}
        word_pairs += [pair for pair in narrower.pairs([c.words for c in contents], groups=groups)
                       if (pair.first, pair.second) not in known
                       and _specific_and_narrower(contents[pair.first], contents[pair.second])]
    thai = [c.thai for c in contents]
    cross_pairs = []
    if len(set(thai)) > 1:  # both languages in the org: objectives of one may say what the other's say
        concepts = SimilarSets(threshold=_SAME_CONCEPTS)
        cross_pairs = concepts.pairs([c.concepts for c in contents], groups=groups, sides=thai)
    scores: dict[tuple[int, int], tuple[float, bool]] = {}  # pair -> (similarity, written alike)
    for pair in char_pairs:
        one, two = contents[pair.first], contents[pair.second]
        if not one.restricted_apart(two) and (_content_alike(words, pair.first, pair.second, one, two) >= floor
                                              or _narrower_wording(one, two)):
            scores[(pair.first, pair.second)] = (pair.score, True)
    for pair in word_pairs:
        key = (pair.first, pair.second)
        if key not in scores and not contents[pair.first].restricted_apart(contents[pair.second]):
            scores[key] = (pair.score, False)
    for pair in cross_pairs:
        key = (pair.first, pair.second)
        if key not in scores and contents[pair.first].same_in_other_language(contents[pair.second]):
            scores[key] = (pair.score, False)
    # the same aim said of the people served by a general word on one side ('ผู้รับบริการ', 'customers') and by their
    # kind on the other ('ผู้ป่วย', 'patients'), or with one more qualifier ('… online easily and conveniently')
    served = SimilarSets(threshold=max(0.4, floor))
    for pair in served.pairs([c.served_words for c in contents], groups=groups):
        key = (pair.first, pair.second)
        one, two = contents[pair.first], contents[pair.second]
        if key not in scores and not one.restricted_apart(two) and _same_or_qualified(*_served_alike(one.words, two.words)):
            scores[key] = (max(pair.score, _content_alike(words, pair.first, pair.second, one, two)), False)
    earlier: dict[int, tuple[int, float]] = {}  # later objective -> its best earlier match
    later: dict[int, list[tuple[int, float]]] = defaultdict(list)
    organisation_of = _organisations(index)
    for (i, j), (score, alike) in sorted(scores.items()):
        first, second = objectives[i], objectives[j]
        if organisation_of is not None:
            one, two = organisation_of(index.set_of(first)), organisation_of(index.set_of(second))
            if one is not None and two is not None and one != two:
                continue  # two organisations linted together: each may aim at the same thing without duplicating work
        lineage = _child_and_parent(index, first, second)
        if lineage is not None:
            # a cascade says the parent's aim in the team's words: only a near copy of its wording is reported
            if alike and score >= PARENT_COPY:
                child, parent = lineage
                yield Violation(
                    f"restates the objective it aligns to (team {index.team_of(parent)}, {where(parent)}) "
                    f"(similarity {score:.2f}): say what this team will change to get there",
                    target=child,
                )
            continue
        if j not in earlier or score > earlier[j][1]:
            earlier[j] = (i, score)
        later[i].append((j, score))
    # one pair is worded alike at both ends, with what to do about it
    for position, (match, score) in sorted(earlier.items()):
        yield Violation(_same_objective(index, objectives[match], score), target=objectives[position])
    for position, matches in sorted(later.items()):
        if position in earlier:
            continue  # already reported as the later one of another pair
        if len(matches) == 1:
            match, score = matches[0]
            yield Violation(_same_objective(index, objectives[match], score), target=objectives[position])
            continue
        shown = "; ".join(
            f"team {index.team_of(objectives[m])}'s '{objectives[m].title}' "
            f"({where(objectives[m])}, similarity {score:.2f})"
            for m, score in matches[:3]
        )
        more = f" and {len(matches) - 3} more" if len(matches) > 3 else ""
        yield Violation(f"{len(matches)} other objectives say the same: {shown}{more}: agree on one owner and let "
                        "the other teams align to it", target=objectives[position])


def _same_objective(index: OrgIndex, other, score: float) -> str:
    return (f"team {index.team_of(other)} has the same objective '{other.title}' ({where(other)}, similarity "
            f"{score:.2f}): agree on one owner and let the other team align to it")


# Objectives compared by what they say: their content words weighted by rarity (SimilarSets), at or above
# _SAME_CONTENT; in the other language, their concepts at or above _SAME_CONCEPTS (and more, see
# _ObjectiveContent.same_in_other_language). Two objectives alike in writing (the character ratio) are still not the
# same when their content words share less than _CONTENT_FLOOR ('answers' and 'refunds' on first contact). (These are
# the bars at the default threshold 0.85; the option moves the first and the last with it.)
_SAME_CONTENT = 0.8
_SAME_CONCEPTS = 0.55
_CONTENT_FLOOR = 0.6


class _ObjectiveContent:
    """What an objective says, as duplicate-objective compares it: its content words (without framing verbs, glue
    words and particles: 'make sure', 'help', 'can', 'ได้', 'ให้'; English words in a base form, hyphenated words
    joined, direction verbs as one word each way), the words among them that say who or where (customers, nurses,
    a ward, a province, a segment: two objectives that name different ones are different objectives however alike
    the rest), and the concepts of its words for comparing it with an objective in the other language."""

    __slots__ = ("thai", "words", "heavy", "named", "concepts", "unmapped", "served_words")

    def __init__(self, ctx, text: str):
        self.thai = _mostly_thai(text)
        text = _WINS_US.sub("win", _SERVICE_USERS.sub("users", text))  # 'Clinics choose us' = 'Win clinics'
        words: list[str] = []
        for token in _tokenize(ctx, text):
            word = _objective_word(token)
            if word:
                words.append(word)
        self.words = frozenset(words)
        heavy = set()
        self.named: dict[str, str] = {}  # a place and the word after it that may name it ('หอผู้ป่วยอายุรกรรม')
        for position, word in enumerate(words):
            if word in _WHO_OR_WHERE:
                heavy.add(word)
                if word in _PLACES:
                    after = next((after for after in words[position + 1:position + 1 + _NAMING_WORDS]
                                  if after not in _OBJECTIVE_CONCEPTS), None)
                    if after is not None:
                        self.named.setdefault(word, after)
        if not self.thai:
            capitals = _CAPITALISED.findall(text)
            if len(capitals) * 2 < len(text.split()):  # not Title Case: a capital in mid-sentence names something
                for name in capitals:
                    word = _objective_word(name.lower())
                    if word in self.words:
                        heavy.add(word)
        self.heavy = frozenset(heavy)
        concepts = {_OBJECTIVE_CONCEPTS.get(word, word) for word in self.words}
        self.concepts = frozenset(concepts)
        self.unmapped = frozenset(word for word in self.words if word not in _OBJECTIVE_CONCEPTS)
        # the people served, whatever the word for them ('customers', 'patients'), as one word: how candidates are found
        self.served_words = frozenset(_SERVED_WORD if word in _GENERIC_SERVED or word in _SERVED_KINDS else word
                                      for word in self.words)

    def restricted_apart(self, other: "_ObjectiveContent") -> bool:
        """One names someone or somewhere (a who or a where) the other does not: new nurses and all clinical staff, one
        province and another, one ward and the whole hospital. A misspelt name ('Veitnam') is no other name."""
        mine = [word for word in self.heavy if word not in other.words]
        theirs = [word for word in other.heavy if word not in self.words]
        # a general word for the people served ('customers', 'ผู้รับบริการ') and their kind ('patients', 'ผู้ป่วย') on the
        # other side are the same people in a plan: the one organisation's customers
        for general in [w for w in mine if w in _GENERIC_SERVED]:
            kind = next((w for w in theirs if w in _SERVED_KINDS), None)
            if kind is not None:
                mine.remove(general)
                theirs.remove(kind)
        for general in [w for w in theirs if w in _GENERIC_SERVED]:
            kind = next((w for w in mine if w in _SERVED_KINDS), None)
            if kind is not None:
                theirs.remove(general)
                mine.remove(kind)
        for place, name in self.named.items():  # the same kind of place, named differently ('ward 7', 'ward 9')
            named = other.named.get(place)
            if named is not None and named != name and name not in other.words and named not in self.words:
                mine.append(name)
                theirs.append(named)
        if not mine or not theirs:
            # only one names someone or somewhere the other does not: a narrower wording of the same aim ('… in
            # Penang on LINE', '… for restaurant owners through the app'), which still duplicates the other's work
            return False
        spare_mine = [w for w in self.words - other.words]
        spare_theirs = [w for w in other.words - self.words]
        return not (all(_misspelt(word, spare_theirs) for word in mine)
                    and all(_misspelt(word, spare_mine) for word in theirs))

    def same_in_other_language(self, other: "_ObjectiveContent") -> bool:
        """Whether an objective in the other language says the same (its concepts reached _SAME_CONCEPTS): every word
        of the shorter one (whoever and wherever it names among them) is a known concept the other has, the other adds
        at most two words and no place or segment, and at least three concepts say what changes (not only 'time',
        'rate' or 'customers')."""
        short, long_ = sorted((self, other), key=lambda c: len(c.concepts))
        if short.unmapped or not short.concepts <= long_.concepts or len(long_.concepts - short.concepts) > 2:
            return False
        if len(short.concepts - _GENERIC_OBJECTIVE_CONCEPTS) < 3:
            return False
        # the longer may be more specific about whom it meets ('นัดพบแพทย์': an appointment with a doctor), not about
        # where or which segment
        places = {_OBJECTIVE_CONCEPTS.get(w, w) for w in long_.heavy if w in _SCOPE_WORDS or w in _PROVINCES}
        return places <= short.concepts


def _served_alike(one: frozenset[str], two: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The two sets of content words with a general word for the people served on one side ('customers') made the kind
    the other names where it does not ('patients')."""
    mine, theirs = set(one), set(two)
    for this, that in ((mine, theirs), (theirs, mine)):
        for general in [w for w in this - that if w in _GENERIC_SERVED]:
            kind = next((w for w in sorted(that - this) if w in _SERVED_KINDS), None)
            if kind is not None:
                this.discard(general)
                this.add(kind)
    return frozenset(mine), frozenset(theirs)


def _same_or_qualified(one: frozenset[str], two: frozenset[str]) -> bool:
    """The same content words, or one says all of the other's (at least four) and adds one word that names no one and
    nowhere ('… easily' and '… easily and conveniently')."""
    short, long_ = sorted((one, two), key=len)
    extra = long_ - short
    return short == long_ or len(short) >= 4 and short <= long_ and len(extra) == 1 and not extra & _WHO_OR_WHERE


def _narrower_wording(one: "_ObjectiveContent", two: "_ObjectiveContent", least: int = 3, most: int = 3) -> bool:
    """One says all the other says (at least ``least`` content words) and adds a short qualifier (a channel, a tool: at
    most ``most`` words): '… for community hospitals' and '… for community hospitals through the mobile app'."""
    short, long_ = sorted((one.words, two.words), key=len)
    return len(short) >= least and short <= long_ and len(long_ - short) <= most


def _specific_and_narrower(one: "_ObjectiveContent", two: "_ObjectiveContent") -> bool:
    """Two objectives not written alike that are one aim: one says all of a specific aim (at least _SPECIFIC content
    words, two of them whom or where: 'new KandaPay users complete their first payment within 7 days') and the other
    adds at most two words that name no one and nowhere ('of signing up'). A short aim with a qualifier ('… through
    the call centre', '… for the enterprise tier') is compared by its writing only."""
    short, long_ = sorted((one, two), key=lambda c: len(c.words))
    return (_narrower_wording(one, two, _SPECIFIC, 2) and len(short.heavy) >= 2
            and not (long_.words - short.words) & _WHO_OR_WHERE)


_SPECIFIC = 6


def _content_alike(words, i: int, j: int, one: "_ObjectiveContent", two: "_ObjectiveContent") -> float:
    """The weighted similarity of two objectives' content words (SimilarSets.score), a word misspelt on one side
    ('Veitnam') counting as the word on the other."""
    score = words.score(i, j)
    mine, theirs = one.words - two.words, two.words - one.words
    if not mine or not theirs:
        return score
    shared = sum(words.weight(w) for w in one.words & two.words)
    union = shared + sum(words.weight(w) for w in mine | theirs)
    for word in mine:
        partner = next((other for other in theirs if _misspelt(word, (other,))), None)
        if partner is not None:
            pair = (words.weight(word) + words.weight(partner)) / 2
            shared += pair
            union -= pair
    return max(score, shared / union) if union else score


def _tokenize(ctx, text: str) -> tuple[str, ...]:
    """Lower-case word tokens, Thai segmented (without an analyser, as when a rule is timed on its own: Thai runs
    whole); 'ผู้ป่วยนอก' (outpatients) kept one word, as 'opd' reads."""
    if ctx.analyser is not None:
        tokens = ctx.analyser.tokenize(text)
    else:
        from okrlint.text.segment import tokenize

        tokens = tokenize(text, None)
    if "บริการ" in tokens:  # 'ผู้รับ|บริการ', 'ผู้ใช้|บริการ': the people served, as one word
        joined = []
        for token in tokens:
            if token == "บริการ" and joined and joined[-1] in ("ผู้รับ", "ผู้ใช้", "ผู้มารับ", "ผู้มาใช้"):
                joined[-1] += token
            else:
                joined.append(token)
        tokens = tuple(joined)
    if "นอก" in tokens:
        joined: list[str] = []
        for token in tokens:
            if token == "นอก" and joined and joined[-1] == "ผู้ป่วย":
                joined[-1] = "ผู้ป่วยนอก"
            else:
                joined.append(token)
        tokens = tuple(joined)
    return tokens


def _misspelt(word: str, others) -> bool:
    """A long enough word written a little differently on the other side ('veitnam' for 'vietnam')."""
    from okrlint.text.neardup import ratio

    return len(word) >= 5 and any(len(other) >= 5 and ratio(word, other) >= 0.8 for other in others)


_CAPITALISED = regexcache.compile(r"(?<=[a-z,;:]\s)[A-Z][a-zA-Z]+")  # a capital after a lower-case word


@functools.lru_cache(maxsize=16384)
def _objective_word(token: str) -> str:
    """A token of an objective as compared: '' for glue and framing words and numbers; hyphenated words joined
    ('sign-ups' = 'signups'); direction verbs as '+up' / '+down'; English words in a base form; synonyms made one."""
    token = token.strip("'’").removesuffix("'s").removesuffix("’s")
    if not token or token in _OBJECTIVE_FILLERS or not any(c.isalpha() for c in token) or token[:1].isdigit():
        return ""
    if token in _UP_WORDS:
        return "+up"
    if token in _DOWN_WORDS:
        return "+down"
    if "-" in token and _LATIN_WORD.fullmatch(token):
        token = token.replace("-", "")
    token = _OBJECTIVE_SYNONYMS.get(token, token)
    stem = _stem(token)
    if stem in _UP_STEMS:  # 'growing', 'increased', 'raising' say what 'grow', 'increase', 'raise' say
        return "+up"
    if stem in _DOWN_STEMS:
        return "+down"
    word = _objective_form(stem)
    word = _STEMMED_SYNONYMS.get(word, word)
    return _NEAR_SYNONYMS.get(word, word)


def _objective_form(word: str) -> str:
    """A base form (_stem) without '-ly' as objectives compare it: 'easily' = 'easy', 'quickly' = 'quick', and
    'family' = 'families' (both 'famy': only compared)."""
    if len(word) > 5 and _LATIN_WORD.fullmatch(word):
        if word.endswith("ily"):
            return word[:-3] + "y"
        if word.endswith("ly") and not word.endswith("ply"):
            return word[:-2]
    return word




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
    "is not loan approval time in days). Key results for different groups of people or places ('wallet users' and "
    "'merchants', the north and the south, one ward and the whole hospital) are different results; one that only adds "
    "a short qualifier to all of the other's measure ('median go-live time for new carriers' and 'median go-live time', "
    "with the same uncommon numbers) is the same result written more narrowly. Key results "
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
    """A key result's (baseline, target): its fields, else read from its title (each title read once). Called, as
    compared (scale left out: '$3.2M' and 3,200,000 alike, see _without_scale); ``values``: the values themselves
    (a unit column's scale applied: 4,200 under 'ล้านบาท' is 4,200,000,000, as '4,200 ล้านบาท' in a title)."""

    def __init__(self, measures: dict):
        self.measures = measures
        self.read: dict[str, object] = {}

    def __call__(self, kr):
        values = self.values(kr)
        return None if values is None else (_without_scale(values[0]), _without_scale(values[1]))

    def values(self, kr):
        scale = _unit_scale(kr.unit) if kr.unit else 1.0
        baseline, target = (_scaled(value, scale) for value in (kr.baseline, kr.target))
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


def _scaled(value, scale: float):
    """A value of a column whose unit carries a scale ('ล้านบาท', '$m'), as a whole number: 4,200 is 4,200,000,000
    (a value already that large was written whole)."""
    if value is None or scale == 1.0 or not math.isfinite(value) or abs(value) >= scale:
        return value
    return value * scale


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
            f"team {index.team_of(first)} has the same key result ({_quoted(first)}, {where(first)}): {_one_owner(kr)}",
            target=kr,
        )
        if id(first) not in told:
            told.add(id(first))
            yield Violation(
                f"team {index.team_of(kr)} has the same key result ({_quoted(kr)}, {where(kr)}): {_one_owner(first)}",
                target=first,
            )


_QUOTED = 80  # characters of the other team's key result quoted in a finding


def _quoted(kr) -> str:
    """The other team's key result as a finding quotes it, shortened: what a reader searches for in a Word plan or a
    sheet, where 'plan.docx:18' (a paragraph's number) is hard to find."""
    from okrlint.text.clip import clipped

    title = " ".join(kr.title.split())
    shown = clipped(title, _QUOTED)
    if shown != title and " " in title[_QUOTED // 2:_QUOTED]:
        shown = title[:title.rindex(" ", 0, _QUOTED)] + " …"  # between words, where a reader's search still finds it
    return f"'{shown}'"


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
    baseline, target = change_of.values(kr)
    final = change_of.values(original)[1]
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
    scale = _unit_scale(kr.unit) if kr.unit else 1.0
    if kr.target_text and kr.target is not None and _scaled(kr.target, scale) == value:
        return kr.target_text.strip()
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"
    from okrlint.text.numbers import read_change

    # a target read from the title ("from 2.1% to 2.6%"): its unit as written there ('2.6%', not '2.6')
    change = read_change(kr.title) if kr.title else None
    mention = change.target_mention if change is not None else None
    if mention is not None and mention.value == value and mention.unit and not mention.text.strip()[-1:].isdigit():
        return mention.text.strip()
    if mention is not None and mention.value == value and mention.kind == "percent":
        return f"{shown}%"
    return shown


_PARTNERS_LOOKED_AT = 64  # earlier key results of a group a key result is compared with (bounded in a huge org)


def _reworded_shared(index: OrgIndex, measured: dict, reported: set[int], ctx, organisation_of, measures, change_of):
    """Key results of two teams with the same uncommon numbers ("from 81% to 95%") whose measures are the same in
    other words ("สัดส่วนเที่ยวส่งที่ถึงภายในเวลานัด" and "อัตราการจัดส่งได้ทันตามเวลาที่นัด") or in the other
    language. Only numbers a round-number habit would not repeat by chance are compared."""
    by_change: dict[tuple, list] = defaultdict(list)
    for (_, numbers), krs in measured.items():
        if len(numbers) >= 2 and _uncommon(numbers):
            by_change[numbers].extend(kr for kr in krs if id(kr) not in reported)
    tokens: dict[str, _Wording] = {}  # a title's words as compared, read once

    def tokens_of(title: str) -> _Wording:
        found = tokens.get(title)
        if found is None:
            found = tokens[title] = _Wording(ctx, title)
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
            theirs, mine = tokens_of(measures[id(first)].title), tokens_of(measures[id(kr)].title)
            how = _same_measure_in_other_words(theirs, mine)
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
            apart = _worded_apart(theirs, mine) if how == "in other words" else ""
            yield Violation(f"team {index.team_of(first)} has the same key result {how} ({_quoted(first)}, "
                            f"{where(first)}{apart}): {_one_owner(kr)}", target=kr)
            told.add(id(kr))
            if id(first) not in told:
                told.add(id(first))
                yield Violation(f"team {index.team_of(kr)} has the same key result {how} ({_quoted(kr)}, "
                                f"{where(kr)}{apart}): {_one_owner(first)}", target=first)
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


def _worded_apart(first: "_Wording", second: "_Wording") -> str:
    """"; they differ only in 'x', 'y'": the words one title has and the other lacks, as written (a few), so that the
    reader can judge whether the two say the same."""
    shown = [*first.only_here(second), *second.only_here(first)]
    if not shown:
        return ""
    more = ", …" if len(shown) > _SHOWN_WORDS else ""
    return "; they differ only in " + ", ".join(f"'{w}'" for w in shown[:_SHOWN_WORDS]) + more


_SHOWN_WORDS = 6


class _Wording:
    """A key result's title as shared-key-result compares it with another team's in other words: whether it is
    written in Thai, its content words (_content_tokens), the words among them that restrict it to a place, a unit
    or a segment ('in the medical ward', 'ทั้งโรงพยาบาล', 'hospital-wide', 'in Chonburi', 'new customers'), and
    each content word as first written."""

    __slots__ = ("thai", "words", "scope", "written", "listed", "people")

    def __init__(self, ctx, title: str):
        self.thai = _mostly_thai(title)
        self.written: dict[str, str] = {}
        order: list[str] = []
        listed: set[str] = set()
        self.words = _content_tokens(ctx, title, self.written, order, listed)
        # the members of a list ('GMP หรือ HACCP', 'cost and time'), as compared
        self.listed = frozenset(word for token in listed for word in _content_tokens(ctx, token))
        scope = set()
        for position, word in enumerate(order):
            if word not in _SCOPE_WORDS:
                continue
            scope.add(word)
            if word in _PLACES:  # and the words that name the place, not those of the measure ("หอผู้ป่วยอายุรกรรม")
                scope.update(after for after in order[position + 1:position + 1 + _NAMING_WORDS]
                             if after not in _CONCEPTS and after not in _UNIT_AS)
        for match in _PLACE_NAMED.finditer(title):  # "in Chonburi", "at the Bangna wing", "across EMEA"
            word = _normal(match["name"].lower())
            if word in self.words and word not in _CONCEPTS:
                scope.add(word)
        self.scope = frozenset(scope)
        self.people = frozenset(word for word in order if word in _PEOPLE)  # whom it counts ('users', 'ร้านค้า')

    def people_apart(self, other: "_Wording") -> bool:
        """Each names a group of people the other does not ('wallet users', 'merchants'; 'ผู้ใช้', 'ร้านค้า'), nor in the
        other words of the same concept ('staff', 'employees'), as duplicate-objective's who or where: only one
        naming someone is a narrower wording of the same measure."""
        if self.thai != other.thai:  # no shared words: the groups' concepts are compared
            mine, theirs = self.people, other.people
        else:
            mine, theirs = self.people - other.words, other.people - self.words
        mine, theirs = {_CONCEPTS.get(w, w) for w in mine}, {_CONCEPTS.get(w, w) for w in theirs}
        return bool(mine and theirs and not mine & theirs)

    def scope_concepts(self) -> frozenset[str] | None:
        """The scope in words of either language ('new' = 'ใหม่', 'northern' = 'ภาคเหนือ', 'Chonburi' = 'ชลบุรี'), or None
        when a word of it has no known equivalent (a ward's name)."""
        found = set()
        for word in self.scope:
            concept = _SCOPE_CONCEPTS.get(word)
            if concept is None:
                return None
            found.add(concept)
        return frozenset(found)

    def only_here(self, other: "_Wording") -> list[str]:
        """The words of this title the other lacks, as written, in the order written."""
        return [shown for word, shown in self.written.items() if word not in other.words]


def _same_measure_in_other_words(first: "_Wording", second: "_Wording") -> str | None:
    """Whether two titles with the same numbers measure the same thing in other words (or in the other language), and
    how ("in other words", "in the other language"); None when they do not, or when they restrict it differently (a
    place, a unit of the organisation or a segment one side names and the other does not)."""
    thai = (first.thai, second.thai)
    words = [first.words, second.words]
    if first.people_apart(second):
        return None  # churn of wallet users is not churn of merchants, whatever the numbers
    if thai[0] != thai[1]:
        if (first.scope or second.scope) and (first.scope_concepts() is None
                                              or first.scope_concepts() != second.scope_concepts()):
            # a restriction in either language that is not seen to be the same on both sides ('new' and 'ใหม่')
            return None
        concepts = [{_CONCEPTS[w] for w in found if w in _CONCEPTS} for found in words]
        if any(_CONCEPTS.get(w) not in concepts[1] for w in first.listed) or any(
                _CONCEPTS.get(w) not in concepts[0] for w in second.listed):
            return None  # a member of a list ('complaints or returns') the other side is not seen to measure
    elif ((first.scope - second.words) or (second.scope - first.words)) and not _qualified_copy(first, second):
        return None  # one ward against the whole hospital, one branch against another or against all of them
    elif (first.listed - second.words) or (second.listed - first.words):
        return None  # 'GMP or HACCP' counts more than 'GMP': a member of a list on one side only
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


def _qualified_copy(first: "_Wording", second: "_Wording") -> bool:
    """One measure is all of the other's words and a short qualifier ('median go-live time for new carriers' and
    'median go-live time', 'churn of enterprise customers' and 'customer churn', 'first-contact resolution in
    Chonburi' and 'first contact resolution rate': a word saying how it is counted aside): with the same uncommon
    numbers and direction it is the same key result written more narrowly (one ward against the whole hospital,
    which names a scope of its own, is not)."""
    if (first.scope - second.words) and (second.scope - first.words):
        return False  # each restricted its own way
    short, long_ = (first, second) if second.scope - first.words else (second, first)
    # the unqualified measure may add a word that only says how it is counted ('… resolution rate')
    missing = {_CONCEPTS.get(word, word) for word in short.words - long_.words}
    return (bool(short.words) and not missing - _GENERIC_CONCEPTS and not short.scope - long_.words
            and len(long_.words - short.words) <= _QUALIFIER_WORDS)


_QUALIFIER_WORDS = 3  # content words a qualifier adds ('for new carriers', 'in the medical ward', 'of enterprise customers')


def _mostly_thai(title: str) -> bool:
    """Written in Thai: more Thai letters than Latin ones ("ลด churn rate รายเดือน…" is Thai, "Reduce fraud losses from
    ฿4.2 ล้าน to ฿2.5 ล้าน" is English with a Thai unit)."""
    thai = len(_THAI_LETTER.findall(title))
    return thai > 0 and thai >= len(_LATIN_LETTER.findall(title))


_LATIN_LETTER = regexcache.compile(r"[A-Za-z]")


def _content_tokens(ctx, title: str, written: dict[str, str] | None = None,
                    order: list[str] | None = None, listed: set[str] | None = None) -> frozenset[str]:
    """The words a key result measures with, as compared across teams: without numbers, change words and glue
    words; English words in a simple base form ("claims" = "claim", "damaged" = "damage"), compounds split
    ("damaged-parcel" = "damaged parcel"), common synonyms made one ("share" = "rate"). ``written``: filled with
    each word as compared -> the token it was first read from ("claim" -> "claims"); ``order``: the words as
    compared, in the order written; ``listed``: the words on either side of 'or', 'and', 'หรือ', 'และ' (the
    members of a list: 'GMP หรือ HACCP')."""
    tokens = _users_whole(ctx.analyser.tokenize(_THAI_CHANGE_WORDS.sub(" ", title.lower())))
    found = set()
    member_next = False
    for position, token in enumerate(tokens):
        if listed is not None and token in _LIST_WORDS:
            before = next((t for t in reversed(tokens[:position]) if t.strip()), "")
            listed.add(before)
            member_next = True
            continue
        if member_next and token.strip():
            listed.add(token)
            member_next = False
        whole = _SYNONYMS.get(token, token)
        for part in (whole.split("-") if "-" in whole and _LATIN_WORD.fullmatch(whole) else (whole,)):
            if (not part or part in _CHANGE_WORDS or part in _FILLERS or part[:1].isdigit()
                    or not any(c.isalpha() for c in part)):
                continue
            word = _normal(part)
            found.add(word)
            if written is not None:
                written.setdefault(word, token)
            if order is not None:
                order.append(word)
    return frozenset(found)


def _users_whole(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """'ผู้', 'ใช้' (the segmenter reads the verb 'use') joined as 'ผู้ใช้' (users), whom a key result counts."""
    if "ผู้" not in tokens:
        return tokens
    joined: list[str] = []
    for token in tokens:
        if token == "ใช้" and joined and joined[-1] == "ผู้":
            joined[-1] = "ผู้ใช้"
        else:
            joined.append(token)
    return tuple(joined)


_LATIN_WORD = regexcache.compile(r"[a-z][a-z'-]*")
_LIST_WORDS = frozenset({"หรือ", "และ", "or", "and", "&", "nor"})


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
    "shop": "ร้านค้า ร้าน ผู้ขาย stores store shops shop outlets retailers seller sellers merchant merchants vendor vendors",
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
    # 'problems solved' is one thing, as 'แก้ปัญหา' is one word
    "resolution": "แก้ไข ปัญหา resolve resolution resolved fix fixed solve solved solves solving problem problems issue issues",
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
    "skill": "ทักษะ skill skills",
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


# Words that restrict a measure to a place, a unit of the organisation, a population or a segment: the same measure
# with another restriction, or with none, is another key result ("falls in the medical ward" is not "falls across
# the hospital", whatever the numbers). After a place the words that name it count too ("สาขาเชียงใหม่", "หอผู้ป่วย
# อายุรกรรม", "ward 7 east").
_PLACE_WORDS = (
    "หอ หอผู้ป่วย วอร์ด โรงพยาบาล สาขา ภาค ภูมิภาค จังหวัด อำเภอ ตำบล เขต พื้นที่ แผนก คลินิก โรงงาน โรงเรียน ประเทศ ชุมชน "
    "หมู่บ้าน ward wards hospital hospitals branch branches region regions province provinces district districts zone "
    "zones site sites plant plants campus campuses country countries city cities town towns county")
_SCOPE_MARKERS = (
    "ทั้ง ทั่ว กรุงเทพ กรุงเทพฯ ปริมณฑล ต่างจังหวัด ส่วนกลาง ส่วนภูมิภาค ต่างประเทศ ใหม่ รายใหม่ รายเดิม "
    "ภาคเหนือ ภาคใต้ ภาคกลาง ภาคตะวันออก ภาคตะวันออกเฉียงเหนือ ภาคอีสาน ภาคตะวันตก "
    "north south east west northern southern eastern western northeast northeastern southeast southeastern "
    "wide nationwide across entire whole regional provincial national domestic international overseas new existing "
    "returning enterprise sme smes smb")
# whom an objective or a key result is about: another group of people makes another objective or result ("churn of
# wallet users" is not "churn of merchants")
_PEOPLE_WORDS = """
customer customers client clients user users patient patients family families parent parents child children student
students pupil pupils learner learners teacher teachers staff employee employees nurse nurses doctor doctors
clinician clinicians physician physicians driver drivers rider riders partner partners merchant merchants seller sellers
shopper shoppers buyer buyers member members citizen citizens resident residents farmer farmers visitor visitors guest
guests passenger passengers traveller travellers traveler travelers donor donors volunteer volunteers developer
developers engineer engineers agent agents rep reps manager managers supplier suppliers vendor vendors tenant tenants
subscriber subscribers graduate
ลูกค้า ผู้ใช้ ผู้ใช้งาน ผู้ป่วย ญาติ ครอบครัว ผู้ปกครอง เด็ก นักเรียน นักศึกษา ผู้เรียน ครู บุคลากร พนักงาน เจ้าหน้าที่ พยาบาล แพทย์ หมอ
ผู้ป่วยนอก ประชาชน เกษตรกร ผู้ประกอบการ สมาชิก ร้านค้า คู่ค้า พันธมิตร ผู้สูงอายุ ผู้โดยสาร นักท่องเที่ยว คนขับ ผู้บริหาร หัวหน้า ข้าราชการ
"""
_PEOPLE = frozenset(_normal(word) for word in _PEOPLE_WORDS.split())
_PLACES = frozenset(_normal(word) for word in _PLACE_WORDS.split())
_SCOPE_WORDS = _PLACES | frozenset(_normal(word) for word in _SCOPE_MARKERS.split())
_NAMING_WORDS = 2  # words after a place that may name it
# scope words of either language that say the same (a key result's restriction compared across languages)
_SCOPE_CONCEPTS = {_normal(word): concept for concept, words in {
    "new": "ใหม่ รายใหม่ new",
    "existing": "รายเดิม existing returning",
    "north": "ภาคเหนือ north northern",
    "south": "ภาคใต้ south southern",
    "central": "ภาคกลาง central",
    "east": "ภาคตะวันออก east eastern",
    "west": "ภาคตะวันตก west western",
    "northeast": "ภาคตะวันออกเฉียงเหนือ ภาคอีสาน northeast northeastern",
    "international": "ต่างประเทศ international overseas",
}.items() for word in words.split()}
# a place named after in/at/across ("in Chonburi", "at the Bangna wing", "across EMEA"): a capitalised word
_PLACE_NAMED = regexcache.compile(r"\b(?:in|at|across|throughout)\s+(?:the\s+|our\s+)?(?P<name>[A-Z][A-Za-z]+)\b")




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
        # enough of a measure to compare: words of four letters or more, or an acronym that names the measure
        # ('เพิ่ม MAU จาก 1.2M เป็น 2M', 'Increase NPS from 31 to 45'), not a short word ('Hit', 'Get')
        self.long = sum(map(len, words)) >= 4 or _names_by_acronym(words, title)

    def agrees(self, other: "_Measure") -> bool:
        """Units and bracketed qualifiers agree: a side that writes none agrees with any ('28500' and '28,500 บาท';
        a title without the definition its company's copy carries in brackets)."""
        return ((not self.units or not other.units or bool(self.units & other.units))
                and (not self.qualifier or not other.qualifier or self.qualifier == other.qualifier))


# An acronym as written: two to five capitals, alone or between Thai letters ('เพิ่มMAUจาก')
_ACRONYM_WRITTEN = regexcache.compile(r"(?<![A-Za-z0-9&.-])[A-Z]{2,5}(?![A-Za-z0-9&-])")
# Acronyms that name no measure: the key result itself, currencies and units, periods, teams and functions, places
# and segments ("Grow EMEA", "IT", "HR"), and placeholders
_NOT_A_MEASURE_ACRONYM = frozenset("""
okr okrs kr krs kpi kpis
usd thb eur gbp jpy sgd cny myr idr vnd php aud hkd
ms kb mb gb tb km kg cm mm sec min hr hrs pct pp bps
fy ytd yoy mom qoq wow eod eom eoy
it hr qa pm pr cs ux ui ai ml bi ops dev devops hq bu
emea apac latam amer anz dach us uk usa eu th bkk sea asean
smb smbs sme smes
tbd tbc tba na xxx xx
""".split())


def _names_by_acronym(words: frozenset[str], title: str) -> bool:
    """The measure's words hold an acronym written in capitals in a title that is not all in capitals ('MAU', 'NPS',
    'GMV', 'CAC'): the most precise name a measure has, however short."""
    if not any(c.islower() for c in title) and not _THAI_LETTER.search(title):
        return False  # a title in capitals: its short words are no acronyms ('HIT 95% BY Q2')
    return any((found := match.group().lower()) in words and found not in _NOT_A_MEASURE_ACRONYM
               for match in _ACRONYM_WRITTEN.finditer(title))


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
    # the numbers of the title and those of the baseline and target fields, each once: a sheet's Start and Target
    # columns often repeat the figures its title already gives ('from $3.2M to $5.0M' with $3.2M and $5.0M)
    numbers = [_without_scale(value) for value in numbers]
    written = Counter(numbers)
    scale = _unit_scale(kr.unit) if kr.unit else 1.0
    for value in (kr.baseline, kr.target):
        if value is None:
            continue
        value = _without_scale(_scaled(value, scale))
        if written[value] > 0:
            written[value] -= 1
        else:
            numbers.append(value)
    return _Measure(frozenset(words), tuple(sorted(numbers)), frozenset(units), frozenset(qualifier), title)


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

    numbers = _numbers_in(lowered)
    lowered = _AFTER_NUMBER.sub(unit_off, lowered)
    words = [w for w in _MEASURE_WORD.findall(lowered) if w not in _CHANGE_WORDS]
    return words, numbers, units


# a number and the scale written after it ('4,200 ล้านบาท', '1.5 million', '$3.2M', '฿5k'; a letter only after a
# currency sign: '800 m' is a distance)
_SCALE_OF = {"ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6,
             "million": 1e6, "millions": 1e6, "bn": 1e9, "billion": 1e9, "billions": 1e9}
_NUMBER_AND_SCALE = regexcache.compile(
    r"(?P<money>[$€£฿]\s*)?(?P<n>[0-9๐-๙]+(?:[.,][0-9๐-๙]+)*)"
    r"(?:[^\S\n]*(?P<scale>ล้าน|แสน|หมื่น|พัน|(?:thousand|millions?|billions?)(?![a-z])"
    r"|(?<=[0-9])(?:k|mn?|bn)(?![a-z])))?")


def _numbers_in(text: str) -> list[float]:
    """The numbers of a (lower-cased) text, each with the scale written after it."""
    found = []
    for match in _NUMBER_AND_SCALE.finditer(text):
        written = match["n"]
        if written.count(".") > 1:
            continue
        value = float(written.translate(_ARABIC_DIGITS).replace(",", ""))
        scale = match["scale"]
        if scale and (len(scale) > 2 or not scale.isascii() or match["money"]):
            value *= _SCALE_OF[scale]
        found.append(value)
    return found


def _unit_scale(unit: str) -> float:
    """The scale a unit column gives its values ('ล้านบาท', 'million baht', '$m', '฿k'); 1 for none ('m' alone is
    metres)."""
    found = _UNIT_SCALE.search(unit.strip().lower())
    if found is None:
        return 1.0
    return _SCALE_OF[found["scale"] or found["abbreviation"] or found["before"]]


_UNIT_SCALE = regexcache.compile(r"(?P<scale>ล้าน|แสน|หมื่น|พัน|(?<![a-z])(?:thousand|millions?|billions?)(?![a-z]))"
                                 r"|[$€£฿]\s*(?P<abbreviation>k|mn?|bn)(?![a-z])"
                                 r"|(?<![a-z])(?P<before>k|mn?|bn)\s*[$€£฿]")


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
    """One key result depends on the other, or one's owner is the team that carries the other (the hospital's key
    result owned by "กลุ่มงานการเงินและบัญชี", carried in that unit's own plan): a result shared on purpose, with one
    owner."""
    return any(ref.source is second for ref in index.dependants(first)) or any(
        ref.source is first for ref in index.dependants(second)) or _owned_by_team_of(index, first, second) \
        or _owned_by_team_of(index, second, first)


# A unit's kind alone, which names no one unit as an owner: "กลุ่มงาน", "ฝ่าย", "Team"
_BARE_UNIT_KEYS = frozenset({"กลุ่มงาน", "งาน", "หน่วยงาน", "แผนก", "กอง", "สำนัก", "ศูนย์", "กลุ่ม", "คณะ", "ภาควิชา",
                             "unit", "division", "office", "group", "squad"})


def _owned_by_team_of(index: OrgIndex, kr, other) -> bool:
    """Whether ``kr``'s owner names the team whose plan carries ``other``: its name ("กลุ่มงานการเงินและบัญชี", "HR"),
    or the unit its set's owner heads ("หัวหน้ากลุ่มงานบริหารทรัพยากรบุคคล" for an owner "กลุ่มงานบริหารทรัพยากรบุคคล")."""
    owner = getattr(kr, "owner", None)
    if not owner or other is None or index.team_of(kr) == index.team_of(other):
        return False
    key = team_key(owner)
    if not key or key in _BARE_UNIT_KEYS:
        return False
    other_set = index.set_of(index.objective_for(other))
    if key == team_key(other_set.team):
        return True
    if len(key) < 6 or key.isascii():  # "ER" inside a longer name or a person's is no unit named
        return False
    return any(key in team_key(name) for name in (other_set.team, other_set.owner or "") if name)


# Thailand's provinces (and a few places plans name as often), in Thai and as written in English: a place that two
# objectives name differently makes them different objectives, and the same place in either language is one.
_PROVINCE_NAMES = {
    "กรุงเทพมหานคร": ("bangkok",), "กรุงเทพ": ("bangkok",), "กรุงเทพฯ": ("bangkok",), "กระบี่": ("krabi",),
    "กาญจนบุรี": ("kanchanaburi",), "กาฬสินธุ์": ("kalasin",), "กำแพงเพชร": ("kamphaengphet",), "ขอนแก่น": ("khonkaen",),
    "จันทบุรี": ("chanthaburi",), "ฉะเชิงเทรา": ("chachoengsao",), "ชลบุรี": ("chonburi",), "ชัยนาท": ("chainat",),
    "ชัยภูมิ": ("chaiyaphum",), "ชุมพร": ("chumphon",), "เชียงราย": ("chiangrai",), "เชียงใหม่": ("chiangmai",),
    "ตรัง": ("trang",), "ตราด": ("trat",), "ตาก": ("tak",), "นครนายก": ("nakhonnayok",), "นครปฐม": ("nakhonpathom",),
    "นครพนม": ("nakhonphanom",), "นครราชสีมา": ("nakhonratchasima", "korat"), "โคราช": ("korat", "nakhonratchasima"),
    "นครศรีธรรมราช": ("nakhonsithammarat",), "นครสวรรค์": ("nakhonsawan",), "นนทบุรี": ("nonthaburi",),
    "นราธิวาส": ("narathiwat",), "น่าน": ("nan",), "บึงกาฬ": ("buengkan",), "บุรีรัมย์": ("buriram",),
    "ปทุมธานี": ("pathumthani",), "ประจวบคีรีขันธ์": ("prachuapkhirikhan",), "ปราจีนบุรี": ("prachinburi",),
    "ปัตตานี": ("pattani",), "พระนครศรีอยุธยา": ("ayutthaya",), "อยุธยา": ("ayutthaya",), "พะเยา": ("phayao",),
    "พังงา": ("phangnga",), "พัทลุง": ("phatthalung",), "พิจิตร": ("phichit",), "พิษณุโลก": ("phitsanulok",),
    "เพชรบุรี": ("phetchaburi",), "เพชรบูรณ์": ("phetchabun",), "แพร่": ("phrae",), "ภูเก็ต": ("phuket",),
    "มหาสารคาม": ("mahasarakham",), "มุกดาหาร": ("mukdahan",), "แม่ฮ่องสอน": ("maehongson",), "ยโสธร": ("yasothon",),
    "ยะลา": ("yala",), "ร้อยเอ็ด": ("roiet",), "ระนอง": ("ranong",), "ระยอง": ("rayong",), "ราชบุรี": ("ratchaburi",),
    "ลพบุรี": ("lopburi",), "ลำปาง": ("lampang",), "ลำพูน": ("lamphun",), "เลย": ("loei",), "ศรีสะเกษ": ("sisaket",),
    "สกลนคร": ("sakonnakhon",), "สงขลา": ("songkhla",), "สตูล": ("satun",), "สมุทรปราการ": ("samutprakan",),
    "สมุทรสงคราม": ("samutsongkhram",), "สมุทรสาคร": ("samutsakhon",), "สระแก้ว": ("sakaeo",), "สระบุรี": ("saraburi",),
    "สิงห์บุรี": ("singburi",), "สุโขทัย": ("sukhothai",), "สุพรรณบุรี": ("suphanburi",), "สุราษฎร์ธานี": ("suratthani",),
    "สุรินทร์": ("surin",), "หนองคาย": ("nongkhai",), "หนองบัวลำภู": ("nongbualamphu",), "อ่างทอง": ("angthong",),
    "อำนาจเจริญ": ("amnatcharoen",), "อุดรธานี": ("udonthani",), "อุตรดิตถ์": ("uttaradit",), "อุทัยธานี": ("uthaithani",),
    "อุบลราชธานี": ("ubonratchathani",), "หาดใหญ่": ("hatyai",), "พัทยา": ("pattaya",), "บางนา": ("bangna",),
}
_PROVINCES = frozenset(name for thai, names in _PROVINCE_NAMES.items() for name in (thai, *names))
_SCOPE_CONCEPTS.update({_normal(name): f"province:{thai}" for thai, names in _PROVINCE_NAMES.items()
                        for name in (thai, *names) if _normal(name) not in _SCOPE_CONCEPTS})


# framing verbs, modal and glue words, particles: what an objective is about is said by the other words
_OBJECTIVE_FILLERS = frozenset("""
a an the of in on at to for from by with within into onto through via and or as so that this these those who whom which
what when where while whose our ours their theirs them they we us you your it its is are was were be been being am
make makes made making help helps helped helping ensure ensures ensured ensuring sure enable enables enabled enabling
allow allows let lets can could will would shall should must may might able get gets got getting have has had having
become becomes do does did also just even very really much more most still there here than then about every each any
all both either one ones own
ที่ ซึ่ง อัน ของ การ ความ ให้ ได้ ได้รับ ไว้ ใน และ หรือ ต่อ ตาม โดย กับ แก่ แด่ จาก ด้วย เพื่อ เพื่อให้ จะ ต้อง ควร อยู่ แล้ว ไป มา นี้ นั้น
เมื่อ ตั้งแต่ อย่าง เป็น คือ มี ช่วย ช่วยให้ ทำให้ สามารถ เรา ของเรา พวกเขา ขึ้น ยิ่งขึ้น ยิ่ง มากขึ้น เพิ่มขึ้น ดีขึ้น ทาง ช่องทาง ครั้ง
สำหรับ ผ่าน ภายใน บน ระหว่าง
""".split())
_UP_WORDS = frozenset("grow grows raise raises increase increases boost boosts lift lifts double expand expands improve "
                      "improves เพิ่ม ยกระดับ ขยาย เติบโต".split())
_DOWN_WORDS = frozenset("cut cuts reduce reduces lower lowers decrease decreases shrink halve minimise minimize "
                        "ลด ลดลง".split())
_UP_STEMS = frozenset(_stem(word) for word in _UP_WORDS if _LATIN_WORD.fullmatch(word))
_DOWN_STEMS = frozenset(_stem(word) for word in _DOWN_WORDS if _LATIN_WORD.fullmatch(word))
# English words objectives use interchangeably, as one word ('Get new carriers live sooner' and '… faster'; 'Staff feel
# heard' and 'Employees feel heard'; 'Win' and 'Acquire' new logos; 'Keep' and 'Retain' them), compared in the base
# form _objective_word gives them
_NEAR_SYNONYMS = {_objective_form(_stem(word)): same for same, words in {
    "fast": "fast faster fastest quick quicker quickest quickly sooner speedy speedier speedily rapid rapidly swift "
            "swiftly",
    "staff": "staff employee employees",
    "win": "win wins won winning acquire acquires acquiring",
    "keep": "keep keeps keeping retain retains retaining",
}.items() for word in words.split()}
_OBJECTIVE_SYNONYMS = {**_SYNONYMS, "นัดพบ": "นัด", "นัดหมาย": "นัด", "คำตอบ": "ตอบ", "answers": "answer",
                       "easily": "easy", "simple": "easy", "simply": "easy", "effortlessly": "easy", "คนไข้": "ผู้ป่วย",
                       "ผู้ใช้บริการ": "ลูกค้า", "ผู้รับบริการ": "ลูกค้า"}
# who an objective is for or about, and where: a different one makes a different objective
_WHO_OR_WHERE = frozenset(map(_objective_form, _SCOPE_WORDS)) | frozenset(
    _objective_word(word) or word for word in _PEOPLE_WORDS.split() + """
clinic clinics graduates จบ ฉุกเฉิน วิกฤต เก่า
""".split()) | frozenset(_objective_word(name) for name in _PROVINCES)
# concepts of objectives in either language: ALN012's, and those objectives more often name
_OBJECTIVE_CONCEPTS = {**_CONCEPTS, **{_objective_form(word): concept for word, concept in _CONCEPTS.items()},
                        **{_objective_word(word): concept for concept, words in {
    "family": "ครอบครัว family families household households",
    "easy": "ง่าย easy simple effortless",
    "doctor": "แพทย์ หมอ doctor doctors physician physicians",
    "nurse": "พยาบาล nurse nurses",
    "response": "ตอบ answer answers",
    "value": "คุณค่า value",
    "choice": "เลือก choice choose chooses",
    "safe": "ปลอดภัย safe safely",
    "fast": "รวดเร็ว เร็ว fast quick quickly",
    "onboard": "เริ่มใช้งาน onboard onboarding",
    # added with review 51: common words of people plans ('พนักงานสาขาใหม่ทำงานได้เต็มที่ภายใน 30 วันแรก')
    "new": "ใหม่ รายใหม่ new",
    "shop": "สาขา branch branches",
    "fully": "เต็มที่ อย่างเต็มที่ เต็มศักยภาพ fully completely",
    "work": "ทำงาน work works working productive productivity ผลิตภาพ",
    "+up": "+up",
    "+down": "+down",
}.items() for word in words.split()}, **{_objective_word(name): f"province:{thai}"
                                        for thai, names in _PROVINCE_NAMES.items() for name in (thai, *names)}}
_GENERIC_OBJECTIVE_CONCEPTS = _GENERIC_CONCEPTS | {"+up", "+down", "customer", "first"}
# The general words for whom an organisation serves, and the kinds of people it may serve under them (not its staff,
# not its partners): 'customers' and 'patients' in one hospital's plan are the same people.
_GENERIC_SERVED = frozenset(_objective_word(word) for word in "customer customers client clients user users ลูกค้า ผู้ใช้ "
                            "ผู้ใช้งาน ผู้รับบริการ ผู้ใช้บริการ ผู้มารับบริการ ผู้มาใช้บริการ".split()) - {""}
_SERVED_KINDS = frozenset(_objective_word(word) for word in """patient patients passenger passengers citizen citizens
    resident residents guest guests traveller travellers traveler travelers visitor visitors subscriber subscribers
    shopper shoppers ผู้ป่วย คนไข้ ผู้ป่วยนอก ผู้ป่วยใน ผู้โดยสาร ประชาชน นักท่องเที่ยว ผู้เข้าพัก""".split()) - {""}
_SERVED_WORD = "@served"
# 'choose us', 'pick us': winning them, as 'Win …' says; 'service users' are users
_WINS_US = regexcache.compile(r"(?i:\b(?:choose|chooses|chose|chosen|pick|picks|picked|select|selects|selected|prefer|prefers"
                              r"|preferred)\s+us\b)")
_SERVICE_USERS = regexcache.compile(r"(?i:\bservice\s+users\b)")


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
