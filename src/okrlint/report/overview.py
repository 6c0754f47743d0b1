"""The run seen the way people read OKRs: teams → objectives → key results, each with its findings and tags.

Human reports (HTML, Markdown) render this; it knows nothing of any output format.
"""

from __future__ import annotations

from collections import Counter

import attrs

from okrlint.model import Finding, KeyResult, Objective, OKRSet, Severity
from okrlint.report.scores import Penalties, clamp_score, finding_penalty, grade
from okrlint.tags import LIFECYCLE_STAGES


def shown_text(text: str | None) -> str | None:
    """A title or description as reports show it: no longer than the text analysis reads (MAX_ANALYSED_CHARS), cut
    there with a note saying so, so that a document pasted into a title (5 MB) does not fill the report (the loader
    has reported it as an input error)."""
    from okrlint.text.facts import MAX_ANALYSED_CHARS, analysed_part

    if text is None or len(text) <= MAX_ANALYSED_CHARS:
        return text
    return f"{analysed_part(text).rstrip()} … [cut: {len(text):,} characters, the first {MAX_ANALYSED_CHARS:,} shown]"


def shown_objective(objective: Objective) -> Objective:
    """The objective with its title, description and key results' titles as reports show them."""
    key_results = tuple(kr if len(kr.title) <= _SHORT else attrs.evolve(kr, title=shown_text(kr.title))
                        for kr in objective.key_results)
    if len(objective.title) <= _SHORT and len(objective.description or "") <= _SHORT \
            and all(a is b for a, b in zip(key_results, objective.key_results)):
        return objective
    return attrs.evolve(objective, title=shown_text(objective.title),
                        description=shown_text(objective.description), key_results=key_results)


_SHORT = 2_000  # MAX_ANALYSED_CHARS, checked without importing the text analysis


@attrs.frozen
class KeyResultView:
    kr: KeyResult
    tags: tuple[str, ...]
    findings: tuple[Finding, ...]


@attrs.frozen
class ObjectiveView:
    objective: Objective
    tags: tuple[str, ...]
    findings: tuple[Finding, ...]  # on the objective itself
    key_results: tuple[KeyResultView, ...]
    score: int

    @property
    def grade(self) -> str:
        return grade(self.score)

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        return self.findings + tuple(f for kr in self.key_results for f in kr.findings)


@attrs.frozen
class TeamView:
    okr_set: OKRSet
    objectives: tuple[ObjectiveView, ...]
    findings: tuple[Finding, ...]  # on the set itself, or on nothing more precise
    score: int
    lifecycle: dict[str, int]  # stage -> number of customer-facing objectives and KRs tagged with it
    customer_items: int
    internal_items: int

    @property
    def team(self) -> str:
        return self.okr_set.team

    @property
    def grade(self) -> str:
        return grade(self.score)

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        return self.findings + tuple(f for o in self.objectives for f in o.all_findings)

    @property
    def key_result_count(self) -> int:
        return sum(len(o.key_results) for o in self.objectives)

    @property
    def severity_counts(self) -> Counter:
        return Counter(str(f.severity) for f in self.all_findings)


@attrs.frozen
class Overview:
    teams: tuple[TeamView, ...]
    org_findings: tuple[Finding, ...]  # findings no team could be named for
    score: int
    by_category: tuple[tuple[str, Counter], ...]  # category -> Counter of severities, most findings first
    by_team: tuple[tuple[str, Counter], ...]

    @property
    def grade(self) -> str:
        return grade(self.score)

    @property
    def stages(self) -> tuple[str, ...]:
        return LIFECYCLE_STAGES


def build_overview(result, penalties: Penalties = Penalties()) -> Overview:
    owners = _owner_index(result.org.sets)
    on_object: dict[tuple[str, str], list[Finding]] = {}
    on_team: dict[str, list[Finding]] = {}
    org_level: list[Finding] = []
    for finding in result.findings:
        key = _object_key(finding, owners)
        if key is not None and finding.object_kind in ("objective", "key_result"):
            on_object.setdefault(key, []).append(finding)
        elif finding.team:
            on_team.setdefault(finding.team, []).append(finding)
        else:
            org_level.append(finding)

    teams = [
        _team_view(okr_set, result.tags_of, on_object, tuple(on_team.pop(okr_set.team, ())), penalties)
        for okr_set in result.org.sets
    ]
    for leftover in on_team.values():  # a team name no loaded set carries
        org_level.extend(leftover)
    return Overview(
        teams=tuple(teams),
        org_findings=tuple(org_level),
        score=_org_score(teams, org_level, penalties),
        by_category=_count_by(result.findings, lambda f: f.category),
        by_team=_count_by(result.findings, lambda f: f.team or "(org)"),
    )


def _owner_index(sets) -> dict[str, str]:
    """uid -> team, for findings whose team is unknown; ambiguous uids are left out."""
    seen: dict[str, str] = {}
    ambiguous: set[str] = set()
    for okr_set in sets:
        for objective in okr_set.objectives:
            for uid in (objective.uid, *(kr.uid for kr in objective.key_results)):
                if uid in seen and seen[uid] != okr_set.team:
                    ambiguous.add(uid)
                seen[uid] = okr_set.team
    return {uid: team for uid, team in seen.items() if uid not in ambiguous}


def _object_key(finding: Finding, owners: dict[str, str]) -> tuple[str, str] | None:
    if not finding.object_id:
        return None
    team = finding.team or owners.get(finding.object_id)
    return (team, finding.object_id) if team else None


def _team_view(okr_set: OKRSet, tags_of, on_object, set_findings, penalties: Penalties) -> TeamView:
    objectives = []
    stages = Counter()
    customer = internal = 0
    for objective in okr_set.objectives:
        krs = []
        shown = shown_objective(objective)
        for kr, shown_kr in zip(objective.key_results, shown.key_results):
            tags = tags_of(kr, okr_set)
            krs.append(KeyResultView(shown_kr, tags, tuple(on_object.get((okr_set.team, kr.uid), ()))))
        tags = tags_of(objective, okr_set)
        own = tuple(on_object.get((okr_set.team, objective.uid), ()))
        all_findings = own + tuple(f for kr in krs for f in kr.findings)
        score = clamp_score(100 - sum(finding_penalty(f, penalties) for f in all_findings))
        objectives.append(ObjectiveView(shown, tags, own, tuple(krs), score))
        for item_tags in (tags, *(k.tags for k in krs)):
            if "customer" in item_tags:
                customer += 1
            else:
                internal += 1
            stages.update(t for t in item_tags if t in LIFECYCLE_STAGES)
    base = sum(o.score for o in objectives) / len(objectives) if objectives else 100
    score = clamp_score(base - sum(finding_penalty(f, penalties) for f in set_findings))
    return TeamView(
        okr_set=okr_set,
        objectives=tuple(objectives),
        findings=set_findings,
        score=score,
        lifecycle={stage: stages.get(stage, 0) for stage in LIFECYCLE_STAGES},
        customer_items=customer,
        internal_items=internal,
    )


def _org_score(teams, org_level, penalties: Penalties) -> int:
    """Teams weighted by their number of objectives, so a one-objective team does not weigh like ten."""
    weights = [max(1, len(t.objectives)) for t in teams]
    base = sum(t.score * w for t, w in zip(teams, weights)) / sum(weights) if teams else 100
    return clamp_score(base - sum(finding_penalty(f, penalties) for f in org_level))


def _count_by(findings, key) -> tuple[tuple[str, Counter], ...]:
    groups: dict[str, Counter] = {}
    for finding in findings:
        groups.setdefault(key(finding), Counter())[str(finding.severity)] += 1
    ordered = sorted(groups.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return tuple(ordered)


SEVERITY_ORDER = tuple(str(s) for s in sorted(Severity, reverse=True))  # error, warning, info
