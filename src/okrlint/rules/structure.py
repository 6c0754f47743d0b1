"""Structure rules: the OKR file itself (fields, ids, values) rather than the wording."""

from __future__ import annotations

import sys
from collections import defaultdict

from okrlint.hookspecs import hookimpl
from okrlint.model import LEVELS, OBJECTIVE_TYPES, KeyResult, named_owner
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.text import regexcache


@rule(
    code="STR001", name="missing-team", category="structure", severity="error", scope="set",
    summary="The OKR set names no team.",
    rationale="Every set belongs to one team (or unit) of the organisation: without `team:` findings, "
    "references (`team/id`) and alignment cannot name it. The file name is used meanwhile.",
    examples=[
        bad("objectives:\n  - title: Delight new customers\n", kind="yaml"),
        good("team: support\nobjectives:\n  - title: Delight new customers\n", kind="yaml"),
    ],
)
def missing_team(okr_set, ctx):
    for problem in okr_set.problems:
        if problem.field == "team":
            yield Violation(problem.message, problem.location)


@rule(
    code="STR002", name="empty-title", category="structure", severity="error", scope="objective",
    summary="An objective or key result has no title.",
    rationale="The title is the objective or key result: an empty one cannot be read, measured or aligned.",
    examples=[
        bad("team: sales\nobjectives:\n  - id: s-o1\n    key_results: [\"Raise win rate from 20% to 25%\"]\n", kind="yaml"),
        good("team: sales\nobjectives:\n  - title: Win more of the deals we compete for\n", kind="yaml"),
    ],
)
def empty_title(objective, ctx):
    if not objective.title.strip():
        yield Violation("objective has no title")
    for kr in objective.key_results:
        if not kr.title.strip() and not kr.has_uncomputed_formula:  # uncomputed-formula speaks for it
            yield Violation("key result has no title", target=kr)


@rule(
    code="STR003", name="duplicate-id", category="structure", severity="error", scope="org",
    summary="Two objectives or key results share an id.",
    rationale="Ids must be unique in the organisation so that `aligns_to` and `depends_on` name exactly one thing. "
    "When one run holds several organisations, each with its company-level plan in a folder of its own, ids are "
    "compared within each organisation (two companies may both have a 'sup-o1').",
    examples=[
        bad("team: a\nobjectives:\n  - id: o1\n    title: One\n  - id: o1\n    title: Two\n", kind="yaml"),
        good("team: a\nobjectives:\n  - id: o1\n    title: One\n  - id: o2\n    title: Two\n", kind="yaml"),
    ],
)
def duplicate_id(org, ctx):
    from okrlint.org import index_from_context

    index = index_from_context(ctx, org)
    # several organisations' company plans in one run: an id is unique within its organisation
    organisation_of = index.organisation_of if len(index.organisation_scopes()) > 1 else (lambda okr_set: None)
    seen: dict[tuple, list] = defaultdict(list)
    for okr_set in org.sets:
        organisation = organisation_of(okr_set)
        for objective in okr_set.objectives:
            if objective.id:
                seen[(organisation, objective.id)].append(objective)
            for kr in objective.key_results:
                if kr.id:
                    seen[(organisation, kr.id)].append(kr)
    for (_, ident), objects in seen.items():
        if len(objects) < 2:
            continue
        first = objects[0].location
        for obj in objects[1:]:
            yield Violation(f"id '{ident}' is already used at {first.file}:{first.line}", target=obj)


@rule(
    code="STR004", name="value-out-of-range", category="structure", severity="error", scope="key_result",
    summary="A score or confidence lies outside 0.0–1.0.",
    rationale="OKR scores and confidence levels are fractions from 0.0 to 1.0; 70 or 1.5 is a typo or "
    "another scale, and averages over the set become meaningless.",
    examples=[
        bad("team: a\nobjectives:\n  - title: T\n    key_results:\n      - title: Cut churn from 5% to 3%\n        score: 7\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: T\n    key_results:\n      - title: Cut churn from 5% to 3%\n        score: 0.7\n", kind="yaml"),
    ],
)
def value_out_of_range(kr: KeyResult, ctx):
    for field in ("score", "confidence"):
        value = getattr(kr, field)
        if value is not None and not 0.0 <= value <= 1.0:
            yield Violation(f"{field} {value:g} is outside 0.0–1.0", kr.location_of(field))


@rule(
    code="STR005", name="non-numeric-value", category="structure", severity="error", scope="key_result",
    summary="A baseline or target field is not a number.",
    rationale="`baseline:` and `target:` are read as numbers (1,200, 35%, ๔๐๐ and number words are understood); "
    "text such as 'high' cannot be compared or tracked. A placeholder ('TBD', 'xx%') is reported once, by "
    "kr-placeholder.",
    examples=[
        bad("team: a\nobjectives:\n  - title: T\n    key_results:\n      - title: Raise NPS\n        target: high\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: T\n    key_results:\n      - title: Raise NPS\n        baseline: 20\n        target: 35\n", kind="yaml"),
    ],
)
def non_numeric_value(kr: KeyResult, ctx):
    from okrlint.rules.measurability import done_target, placeholder_field

    placeholder = placeholder_field(kr)  # "TBD", "xx%": kr-placeholder's finding, not a second error here
    done = "target" if done_target(kr, ctx) else None  # "Target: Done": kr-is-binary's finding
    for problem in kr.problems:
        if problem.field in ("baseline", "target", "score", "confidence") and problem.field not in (placeholder, done):
            yield Violation(problem.message, problem.location)


@rule(
    code="STR006", name="unknown-field", category="structure", severity="warning", scope="set",
    summary="A key okrlint does not know (often a typo such as `key_result:`); its content is not checked.",
    rationale="Unknown keys are kept but would otherwise be silently ignored: a misspelled `key_results` "
    "would drop every key result from the checks.",
    examples=[
        bad("team: a\nobjectives:\n  - title: T\n    key_result:\n      - Cut churn from 5% to 3%\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: T\n    key_results:\n      - Cut churn from 5% to 3%\n", kind="yaml"),
    ],
)
def unknown_field(okr_set, ctx):
    def report(extra, where):
        hint = f"; did you mean '{extra.suggestion}'?" if extra.suggestion else ""
        return Violation(f"unknown field '{extra.key}' in {where}{hint}", extra.location)

    for extra in okr_set.extras:
        yield report(extra, "the set")
    for objective in okr_set.objectives:
        for extra in objective.extras:
            yield report(extra, "an objective")
        for kr in objective.key_results:
            for extra in kr.extras:
                yield report(extra, "a key result")


@rule(
    code="STR007", name="invalid-value", category="structure", severity="error", scope="set",
    summary="A field has a value outside its allowed set (level, objective type, due date).",
    rationale="`level` is company, department or team; `type` is committed or aspirational; `due` is a date. "
    "Other values are mistakes that change how the set is checked.",
    examples=[
        bad("team: a\nlevel: division\nobjectives:\n  - title: T\n", kind="yaml"),
        good("team: a\nlevel: department\nobjectives:\n  - title: T\n", kind="yaml"),
    ],
)
def invalid_value(okr_set, ctx):
    if okr_set.level not in LEVELS:
        yield Violation(f"level '{okr_set.level}' is not one of {', '.join(LEVELS)}", okr_set.location_of("level"))
    for objective in okr_set.objectives:
        if objective.type is not None and objective.type not in OBJECTIVE_TYPES:
            yield Violation(
                f"type '{objective.type}' is not one of {', '.join(OBJECTIVE_TYPES)}",
                objective.location_of("type"), target=objective,
            )
        for kr in objective.key_results:
            for problem in kr.problems:
                if problem.field == "due":
                    yield Violation(problem.message, problem.location, target=kr)


@rule(
    code="STR008", name="unreadable-period", category="structure", severity="warning", scope="set",
    summary="The set's period could not be read, so period checks skip it.",
    rationale="Periods are read in many forms (2026-Q1, Q1 2026, H1 2026, FY2570, ปีงบประมาณ 2570, ไตรมาส 1/2569, "
    "2026-01-01..2026-03-31). An unreadable one is kept as text but cannot be compared with its parent's.",
    examples=[
        bad("team: a\nperiod: sometime soon\nobjectives:\n  - title: T\n", kind="yaml"),
        good("team: a\nperiod: ปีงบประมาณ 2570\nobjectives:\n  - title: T\n", "th", kind="yaml"),
    ],
)
def unreadable_period(okr_set, ctx):
    period = okr_set.period
    if period is not None and not period.is_known:
        yield Violation(f"cannot read the period '{period.text}': write it as 2027-Q1, Q1 2027, H1 2027, FY2027, "
                        "ไตรมาส 1/2570 or ปีงบประมาณ 2570 (docs/format.md#periods)", okr_set.location_of("period"))


@rule(
    code="STR009", name="no-objectives", category="structure", severity="warning", scope="set",
    summary="The set has no objectives.",
    rationale="A file without objectives is usually a template left unfilled or a misspelled `objectives:` key.",
    examples=[
        bad("team: a\nobjectivs:\n  - title: T\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: T\n", kind="yaml"),
    ],
)
def no_objectives(okr_set, ctx):
    if not okr_set.objectives:
        yield Violation(f"team '{okr_set.team}' has no objectives")


@rule(
    code="STR010", name="missing-owner", category="structure", severity="info", scope="set",
    summary="A key result has no owner while other key results of the set have different owners (and neither its objective nor the set names one).",
    rationale="When a set shares key results among several people, one without an owner is the one nobody "
    "moves. (Sets with a single owner, or none, are not checked: the set owner owns them all.)",
    examples=[
        bad("team: a\nobjectives:\n  - title: T\n    key_results:\n      - title: Cut churn from 5% to 3%\n        owner: Nok\n"
            "      - title: Raise NPS from 30 to 40\n        owner: Ben\n      - title: Raise CSAT from 4.1 to 4.4\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: T\n    key_results:\n      - title: Cut churn from 5% to 3%\n        owner: Nok\n"
             "      - title: Raise NPS from 30 to 40\n        owner: Ben\n", kind="yaml"),
    ],
)
def missing_owner(okr_set, ctx):
    # an owner written as a placeholder ('TBD', 'n/a', '-') names nobody
    owners = {kr.owner for kr in okr_set.key_results() if named_owner(kr.owner)}
    if len(owners) < 2 or named_owner(okr_set.owner):
        return  # a set owner owns what nobody else does
    for objective in okr_set.objectives:
        if named_owner(objective.owner):
            continue  # its key results are the objective owner's unless they name another
        for kr in objective.key_results:
            if not named_owner(kr.owner) and not _BLANK_SLOT.fullmatch(kr.title):  # "[ระบุผลลัพธ์หลักที่ 2]": kr-placeholder's
                yield Violation("no owner, while other key results of this set have one: name who moves it", target=kr)


# A form's slot left as its prompt: the whole title one bracketed instruction.
_BLANK_SLOT = regexcache.compile(r"\s*(?:[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\.?\s*)?(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\})\s*")


@rule(
    code="STR011", name="duplicate-team", category="structure", severity="error", scope="org",
    summary="Two OKR sets of one run belong to the same team for overlapping periods of the same length.",
    rationale="One file is one team's OKRs for one period, and `team/id` references must name one set. Two "
    "sets of the same team for overlapping periods of the same length (two Q1 2026 sets, or Q1 2026 and "
    "Jan–Mar 2026) are usually a copied file, or two organisations linted together (lint each organisation's "
    "folder on its own). A set for the year beside the same team's sets for its quarters (or halves) is a normal "
    "cadence, not a duplicate: periods that nest and differ in length are not reported.",
    examples=[
        bad("team: sales\nperiod: 2026-Q1\nobjectives:\n  - title: Win more deals\n---\n"
            "team: sales\nperiod: 2026-Q1\nobjectives:\n  - title: Keep our best customers\n", kind="org"),
        good("team: sales\nperiod: 2026-Q1\nobjectives:\n  - title: Win more deals\n---\n"
             "team: sales\nperiod: 2026-Q2\nobjectives:\n  - title: Keep our best customers\n", kind="org"),
        bad("team: ฝ่ายขาย\nperiod: ไตรมาส 1/2570\nobjectives:\n  - title: ลูกค้าใหม่เพิ่มขึ้น\n---\n"
            "team: ฝ่ายขาย\nperiod: ม.ค.–มี.ค. 2570\nobjectives:\n  - title: ลูกค้าเดิมอยู่กับเรา\n", "th", kind="org",
            note="the same quarter written two ways"),
        good("team: ฝ่ายขาย\nperiod: ปีงบประมาณ 2570\nobjectives:\n  - title: ลูกค้าใหม่เพิ่มขึ้น\n---\n"
             "team: ฝ่ายขาย\nperiod: ไตรมาส 1/2570\nobjectives:\n  - title: ลูกค้าเดิมอยู่กับเรา\n", "th", kind="org",
             note="the year's set and its first quarter's: a cadence, not a copy"),
    ],
)
def duplicate_team(org, ctx):
    by_team: dict[str, list] = defaultdict(list)
    for okr_set in org.sets:
        by_team[okr_set.team].append(okr_set)
    for team, sets in by_team.items():
        for i, later in enumerate(sets[1:], start=1):
            for earlier in sets[:i]:
                if _same_period(earlier.period, later.period):
                    where = f"{earlier.location.file}:{earlier.location.line}"
                    yield Violation(f"team '{team}' already has an OKR set for an overlapping period at {where}",
                                    later.location_of("team"), target=later)
                    break


def _same_period(a, b) -> bool:
    """Whether two sets of one team are for the same period: periods that overlap and are of about the same length
    (Q1 2026 and Jan–Mar 2026; 2026 and FY2026). A period nested in a longer one (a quarter in its year, a half
    and its quarters) is the team's plan at another cadence. An unread period may be anything: it counts as the
    same."""
    if a is None or b is None or not a.is_known or not b.is_known:
        return True
    if not (a.start <= b.end and b.start <= a.end):
        return False
    shorter, longer = sorted(((a.end - a.start).days + 1, (b.end - b.start).days + 1))
    return shorter >= _SAME_LENGTH * longer


_SAME_LENGTH = 0.75  # a quarter (90-92 days) is the same length as Jan-Mar, half that of a half-year


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
