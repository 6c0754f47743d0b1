"""The organisation as a whole: lookups by id, resolved references and the alignment graph's edges.

An :class:`OrgIndex` is built once per run (``org_index(org)``) in time linear in the size of the org;
org-scope rules and the graph exporter read it instead of scanning the org again.

References (SPEC §1) are written ``team/id`` or as a bare ``id`` that is unique in the org. A reference
``team/id`` also finds a generated uid such as ``marketing/o2`` (an objective without an id). An objective
may align to another objective or to one key result of it; for alignment, a key result stands for its
objective.
"""

from __future__ import annotations

import enum
import gc
import posixpath
import re
import weakref
from collections import defaultdict
from collections.abc import Iterator

import attrs

from okrlint.load.draft_alignment import (EN_ORGANISATIONS, EN_UNITS, TH_ORGANISATIONS, TH_STATE_ENTERPRISES, TH_UNITS,
                                          expand_abbreviations, names_unit, reference_as_read, unit_of_reference)
from okrlint.model import LEVELS, KeyResult, Location, Objective, OKRSet, Org
from okrlint.text import regexcache
from okrlint.text.periods import fiscal_reading

Item = Objective | KeyResult


class Status(str, enum.Enum):
    RESOLVED = "resolved"
    MISSING = "missing"  # the team exists (or no team was named) but nothing has this id
    AMBIGUOUS = "ambiguous"  # a bare id that several objects carry
    UNKNOWN_TEAM = "unknown_team"  # `team/id` where the org has no set of that team
    EMPTY = "empty"  # an empty string in the list

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Reference:
    """One entry of an ``aligns_to`` or ``depends_on`` list, and what it resolved to."""

    text: str
    field: str  # "aligns_to" or "depends_on"
    source: Item = attrs.field(eq=False)
    source_set: OKRSet = attrs.field(eq=False, repr=False)
    status: Status
    target: Item | None = attrs.field(default=None, eq=False)
    candidates: tuple[Item, ...] = attrs.field(default=(), eq=False)  # for AMBIGUOUS
    team: str | None = None  # the team the text names, if any
    written: bool = attrs.field(default=False, eq=False)  # read as people write it ("CO-1"), not as an id
    index: int | None = attrs.field(default=None, eq=False)  # its place in the list (for its own location)

    @property
    def location(self) -> Location:
        """Where the entry is written: its own place in the list when the loader kept one (YAML), else the field."""
        if self.index is not None:
            own = self.source.field_locations.get(f"{self.field}[{self.index}]")
            if own is not None:
                return own
        return self.source.location_of(self.field)


def _level_written(okr_set: OKRSet) -> bool:
    """Whether a set's level was said (a `level:`/`ระดับ:` field, or an OKR file, where no level is a team)."""
    return "level" in okr_set.field_locations or okr_set.source_format == "yaml"


def level_rank(level: str) -> int:
    """company 0, department 1, team 2; an unknown level counts as team."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS) - 1


class OrgIndex:
    """Everything org-scope rules look up, computed once. Objects are keyed by identity (``id()``)."""

    def __init__(self, org: Org):
        # Many small objects and no reference cycles: with the cyclic collector off while they are made, it
        # does not walk the whole (large) model again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(org)
        finally:
            if collecting:
                gc.enable()

    def _build(self, org: Org) -> None:
        self.org = org
        self.sets_by_team: dict[str, list[OKRSet]] = defaultdict(list)
        self.objectives: list[Objective] = []
        self._set_of: dict[int, OKRSet] = {}
        self._position: dict[int, int] = {}  # objective -> its place in org order
        self._objective_of: dict[int, Objective] = {}  # key result -> its objective
        self.by_id: dict[str, list[Item]] = defaultdict(list)  # explicit ids only
        self.by_team_id: dict[tuple[str, str], list[Item]] = defaultdict(list)
        self.by_uid: dict[str, list[Item]] = defaultdict(list)
        objectives, set_of, position, objective_of = self.objectives, self._set_of, self._position, self._objective_of
        by_id, by_team_id, by_uid = self.by_id, self.by_team_id, self.by_uid
        for okr_set in org.sets:
            team = okr_set.team
            self.sets_by_team[team].append(okr_set)
            for objective in okr_set.objectives:
                position[id(objective)] = len(objectives)
                objectives.append(objective)
                for item in (objective, *objective.key_results):
                    set_of[id(item)] = okr_set
                    by_uid[item.uid].append(item)
                    if item.id:
                        by_id[item.id].append(item)
                        by_team_id[(team, item.id)].append(item)
                    if item is not objective:
                        objective_of[id(item)] = objective

        self._company_sets: list[OKRSet] | None = None  # see company_sets()
        self._company_sets_by_file: dict[str, list[OKRSet]] | None = None  # see _in_own_company_sets()
        self._team_folders: set[str] | None = None  # see scope_folder()
        self._organisations: dict[str, str | None] | None = None  # see organisation_of()
        self._scopes: set[str] | None = None  # see _within_organisation()
        self._teams_by_casefold: dict[str, list[str]] | None = None  # see teams_by_casefold()
        self._teams_by_file_name: dict[str, list[str]] | None = None  # see teams_by_file_name()
        self._groups: _WrittenGroups | None = None  # see _written_groups()
        self._by_title: dict[str, list[Objective]] | None = None  # see _titles()
        self.references: list[Reference] = []
        self._parents: dict[int, list[Objective]] = defaultdict(list)
        self._children: dict[int, list[Objective]] = defaultdict(list)
        self._dependants: dict[int, list[Reference]] = defaultdict(list)
        references, resolve = self.references, self.resolve
        for okr_set in org.sets:
            for objective in okr_set.objectives:
                for index, text in enumerate(objective.aligns_to):
                    ref = resolve(text, "aligns_to", objective, okr_set, index)
                    references.append(ref)
                    parent = self.objective_for(ref.target) if ref.target is not None else None
                    if parent is not None and all(p is not parent for p in self._parents[id(objective)]):
                        self._parents[id(objective)].append(parent)
                        self._children[id(parent)].append(objective)
                for kr in objective.key_results:
                    for index, text in enumerate(kr.depends_on):
                        ref = resolve(text, "depends_on", kr, okr_set, index)
                        references.append(ref)
                        if ref.target is not None:
                            self._dependants[id(ref.target)].append(ref)

    # --- lookups ---------------------------------------------------------------------------------
    def set_of(self, item: Item) -> OKRSet:
        return self._set_of[id(item)]

    def position(self, objective: Objective) -> int:
        return self._position[id(objective)]

    def team_of(self, item: Item) -> str:
        okr_set = self._set_of.get(id(item))
        return okr_set.team if okr_set is not None else ""

    def level_of(self, item: Item) -> str:
        return self.set_of(item).level

    def objective_for(self, item: Item) -> Objective:
        """The objective itself, or the objective a key result belongs to."""
        if isinstance(item, KeyResult):
            return self._objective_of[id(item)]
        return item

    def parents(self, objective: Objective) -> list[Objective]:
        """The objectives this one aligns to (resolved references only, each once)."""
        return self._parents.get(id(objective), [])

    def children(self, objective: Objective) -> list[Objective]:
        """The objectives that align to this one or to one of its key results."""
        return self._children.get(id(objective), [])

    def dependants(self, item: Item) -> list[Reference]:
        """The ``depends_on`` references that resolved to this key result or objective."""
        return self._dependants.get(id(item), [])

    def has_company_level(self) -> bool:
        return bool(self.company_sets())

    def company_sets(self) -> list[OKRSet]:
        """The company-level sets that speak for an organisation: those whose level is written (a `level`
        field or line), and those only titled company-wide ("Acme — Company OKRs") that another set aligns to.
        A plan titled company-wide that nobody aligns to may be one of several organisations' plans in one
        folder: its objectives are not reported as uncovered, nor the others' as orphans. The only plan titled so
        speaks for the organisation too when other sets name the organisation's objectives ("company/o7",
        "วัตถุประสงค์ที่ 9 ขององค์กร") although none of their references leads into it."""
        found = self._company_sets
        if found is None:
            titled = [s for s in self.org.sets if s.level == "company"]
            alone = len({s.team for s in titled}) == 1  # one organisation's plan (perhaps in several files)
            found = self._company_sets = [
                s for s in titled if (
                    "level" in s.field_locations
                    or any(child_set is not s for o in s.objectives for c in self.children(o)
                           for child_set in (self.set_of(c),))
                    or (alone and self._company_named_by_others(s)))]
        return found

    def _company_named_by_others(self, okr_set: OKRSet) -> bool:
        """Whether a set other than ``okr_set`` (and below the company level) names the organisation's objectives in
        its references: "company/o7", "CO-1", "วัตถุประสงค์ที่ 9 ขององค์กร"."""
        for other in self.org.sets:
            if other is okr_set or other.level == "company":
                continue
            for objective in other.objectives:
                texts = [*objective.aligns_to, *(d for kr in objective.key_results for d in kr.depends_on)]
                for text in texts:
                    team, slash, _ = text.partition("/")
                    if (slash and team.strip().casefold() in _COMPANY_WORDS) or names_the_company_as_written(text):
                        return True
        return False

    def describe(self, item: Item) -> str:
        """How a finding names another object: ``team/id (file:line)``."""
        name = f"{self.team_of(item)}/{item.id}" if item.id else item.uid  # a generated uid holds its team already
        return f"{name} ({where(item)})"

    def ids_of_team(self, team: str) -> Iterator[str]:
        for okr_set in self.sets_by_team.get(team, ()):
            for objective in okr_set.objectives:
                if objective.id:
                    yield objective.id
                for kr in objective.key_results:
                    if kr.id:
                        yield kr.id

    def teams_by_casefold(self) -> dict[str, list[str]]:
        """The run's teams by their name in one case (built once: references are resolved by the thousand)."""
        table = self._teams_by_casefold
        if table is None:
            table = self._teams_by_casefold = defaultdict(list)
            for team in self.sets_by_team:
                table[team.casefold()].append(team)
        return table

    def teams_by_file_name(self) -> dict[str, list[str]]:
        """The teams whose name differs from the one their file's name gives ("Ledgerline Sales" read from the title
        row of sales.okr.csv), by that file name's team key ("sales"): a second name others may call the team by."""
        table = self._teams_by_file_name
        if table is None:
            table = self._teams_by_file_name = {}
            # an OKR YAML file says its team in so many words; a draft's or a sheet's is read from its title rows
            named = [s for s in self.org.sets if s.source_format != "yaml" and s.file and not s.file.startswith("<")]
            if not named:
                return table
            from okrlint.load.draft import default_team

            for okr_set in named:
                key = team_key(default_team(okr_set.file))
                if key and key != team_key(okr_set.team):
                    teams = table.setdefault(key, [])
                    if okr_set.team not in teams:
                        teams.append(okr_set.team)
        return table

    # --- references ------------------------------------------------------------------------------
    def resolve(self, text: str, field: str, source: Item, source_set: OKRSet, index: int | None = None) -> Reference:
        text = text.strip()

        def result(status: Status, target: Item | None = None, candidates=(), team: str | None = None):
            return Reference(text, field, source, source_set, status, target, tuple(candidates), team, index=index)

        if not text:
            return result(Status.EMPTY)
        if source_set.source_format != "yaml" and "/" not in text:
            own = self._in_own_company_sets(text, source_set)
            if own is not None:  # "CO4" in a deck whose corporate slide states CO1–CO3: its own, or nothing
                target, team = own
                return result(Status.MISSING if target is None else Status.RESOLVED, target, team=team)
        exact = self.by_id.get(text, [])
        if len(exact) > 1:
            exact = self.by_period(self._within_organisation(exact, source_set), source_set)  # one team's annual and quarterly sets with the same id
        if len(exact) == 1:
            return result(Status.RESOLVED, exact[0])
        if len(exact) > 1:
            return result(Status.AMBIGUOUS, candidates=exact)
        team, slash, local = text.partition("/")
        team, local = team.strip(), local.strip()
        found = (self.by_team_id.get((team, local)) or self.by_uid.get(text, [])) if slash else []
        if slash and not found and team not in self.sets_by_team:  # "sales/o1" for the team titled "Sales"
            if source_set.source_format != "yaml":
                named = [t for t in self.sets_by_team if team_key(t) == team_key(team)]
            else:  # an OKR file names team ids; a team read from a document's heading is written as titled
                named = self.teams_by_casefold().get(team.casefold(), [])
            if not named:  # "sales/o1" for the set of sales.okr.csv titled "Ledgerline Sales OKRs": its file's name
                named = self.teams_by_file_name().get(team_key(team), [])
            if len(named) == 1:
                team = named[0]
                found = self.by_team_id.get((team, local)) or self.by_uid.get(f"{team}/{local}", [])
        if slash and not found and team not in self.sets_by_team and team_key(team) in _COMPANY_WORDS:
            # "company/co-o1" (SPEC's own example) in an org whose company-level set is the team "acme"
            companies = self._sets_named("company", source_set)
            teams = list(dict.fromkeys(s.team for s in companies))  # a team's annual and quarterly sets: its items once
            # an explicit id, else the generated one of a draft's objective ("Acme/o2"): a plan written as a document
            found = [item for company in teams
                     for item in (self.by_team_id.get((company, local)) or self.by_uid.get(f"{company}/{local}", ()))]
            team = teams[0] if len(teams) == 1 else team
        if len(found) > 1:
            found = self.by_period(self._within_organisation(found, source_set), source_set)
        if len(found) == 1:
            return result(Status.RESOLVED, found[0], team=team)
        if len(found) > 1:
            return result(Status.AMBIGUOUS, candidates=found, team=team)
        # OKR files name ids (SPEC); drafts name objectives as people write them
        written = self._resolve_as_written(text, source_set) if source_set.source_format != "yaml" else []
        if len(written) > 1:
            written = self.by_period(written, source_set)
        if len(written) == 1:
            return attrs.evolve(result(Status.RESOLVED, written[0], team=self.team_of(written[0])), written=True)
        if len(written) > 1:
            return attrs.evolve(result(Status.AMBIGUOUS, candidates=written), written=True)
        if not slash:
            return result(Status.MISSING)
        if team not in self.sets_by_team:
            return result(Status.UNKNOWN_TEAM, team=team)
        return result(Status.MISSING, team=team)

    def _in_own_company_sets(self, text: str, source_set: OKRSet) -> tuple[Objective | None, str] | None:
        """A code ("CO4", "SO-2", "co2") written in a document that states the company's objectives by such codes
        itself (a team's deck whose corporate slide was read as the company's set): the objective of the referring
        document's own company set with that code, or (None, its team) when that set has no such code; never another
        organisation's plan, nor another copy of the same deck (its .pdf beside its .docx). None when the document
        holds no company set coded alike, and the reference is resolved as before."""
        code = _code_of(_ALIGNMENT_VERB.sub("", text))
        if code is None:
            return None
        table = self._company_sets_by_file
        if table is None:
            table = self._company_sets_by_file = defaultdict(list)
            for okr_set in self.org.sets:
                if okr_set.level == "company":
                    table[okr_set.file].append(okr_set)
        own = [s for s in table.get(source_set.file, ()) if s is not source_set]
        coded = [(o, s) for s in own for o in s.objectives if o.id and _code_of(o.id) is not None
                 and _code_of(o.id)[0] == code[0]]
        if not coded:
            return None
        found = [(o, s) for o, s in coded if _code_of(o.id) == code]
        if len(found) == 1:
            return found[0][0], found[0][1].team
        return None if found else (None, coded[0][1].team)

    def _within_organisation(self, candidates: list, source_set: OKRSet) -> list:
        """Of candidates in several organisations' plans (each organisation's company-level set in a folder of its
        own), those in the referring set's organisation, when it has any: ids are compared within each organisation,
        as for duplicate ids, so 'co-o1' is the objective of one's own company plan. The organisation here is the
        nearest company-level scope folder at or above the set's folder. A set outside every such folder, or
        candidates none of which is in its organisation, leave the candidates as they are (still ambiguous)."""
        scopes = self._scopes
        if scopes is None:
            scopes = self._scopes = self.organisation_scopes()
        if len(scopes) < 2:
            return candidates

        def organisation(okr_set: OKRSet) -> str | None:
            return next((f for f in ancestors(self.folder_of(okr_set)) if f in scopes), None)

        own = organisation(source_set)
        if own is None:
            return candidates
        mine = [item for item in candidates if organisation(self.set_of(item)) == own]
        return mine or candidates

    def by_period(self, candidates: list, source_set: OKRSet) -> list:
        """Of several candidates in one team's sets of different periods (the company's plan for the year and its
        plan for the quarter), those of the set whose period holds the referring set's period, the shortest such
        (a Q1 team's reference goes to the Q1 set when that set has it, else to the year's). Candidates of several
        teams, or none whose set holds the period, are left as they are."""
        sets = [self.set_of(item) for item in candidates]
        if len({team_key(s.team) for s in sets}) != 1 or len({id(s) for s in sets}) < 2:
            return candidates
        period = source_set.period
        if period is None or not period.is_known:
            return candidates
        readings = [period]
        fiscal = fiscal_reading(period)
        if fiscal is not None:
            readings.append(fiscal)
        lengths = {}
        for okr_set in sets:
            own = okr_set.period
            if own is not None and own.is_known and any(own.contains(reading) for reading in readings):
                lengths[id(okr_set)] = (own.end - own.start).days
        if not lengths:
            return candidates
        shortest = min(lengths.values())
        return [item for item, okr_set in zip(candidates, sets) if lengths.get(id(okr_set)) == shortest]

    def same_team_periods(self, candidates) -> list[str] | None:
        """The periods of the sets of candidates that all belong to one team's sets of different periods (as written,
        each once, in the candidates' order); None when they belong to several teams or to one set."""
        sets = [self.set_of(item) for item in candidates]
        if len({team_key(s.team) for s in sets}) != 1 or len({id(s) for s in sets}) < 2:
            return None
        periods = list(dict.fromkeys(s.period.text if s.period is not None else "" for s in sets))
        return periods if len(periods) > 1 and all(periods) else None

    # --- folders: which organisation a set belongs to -------------------------------------------------
    def folder_of(self, okr_set: OKRSet) -> str:
        return posixpath.dirname(okr_set.file.replace("\\", "/"))

    def scope_folder(self, okr_set: OKRSet) -> str:
        """The folder a set speaks for: the folder its file is in; for a company-level set in a folder that holds
        no other level's files ("okrs/company/plan.md" beside "okrs/sales/…"), the folder above it. Several
        organisations linted in one run each keep their files in a folder of their own."""
        folder = self.folder_of(okr_set)
        if okr_set.level != "company" or not folder:
            return folder
        holding = self._team_folders
        if holding is None:
            holding = self._team_folders = {
                above for below in {self.folder_of(s) for s in self.org.sets if s.level != "company"}
                for above in ancestors(below)}
        return folder if folder in holding else posixpath.dirname(folder)

    def organisation_scopes(self) -> set[str]:
        """The scope folders of the run's company-level sets: one per organisation."""
        return {self.scope_folder(s) for s in self.org.sets if s.level == "company"}

    def organisation_of(self, okr_set: OKRSet) -> str | None:
        """The organisation a set belongs to, named by the scope folder of its company-level set: the nearest one at or
        above the set's folder; for a folder outside every company's scope (``drafts/`` beside ``okrs/``), the
        organisation its sets' resolved references lead into, when they all lead into one. A folder that refers to
        nothing, or to two organisations, belongs to none. The same answer for every org rule (orphans, coverage,
        duplicates, shared key results)."""
        table = self._organisations
        if table is None:
            table = self._organisations = self._find_organisations()
        return table.get(self.folder_of(okr_set))

    def _find_organisations(self) -> dict[str, str | None]:
        scopes = self.organisation_scopes()
        table: dict[str, str | None] = {}
        for okr_set in self.org.sets:
            folder = self.folder_of(okr_set)
            if folder not in table:
                table[folder] = next((f for f in ancestors(folder) if f in scopes), None) if scopes else None
        outside = {folder for folder, scope in table.items() if scope is None}
        if not scopes or not outside:
            return table
        # a folder outside every scope joins the one organisation its references lead into (a folder joined so may
        # lead another in: repeat until nothing changes, at most once per such folder)
        pointing: dict[str, list[str]] = defaultdict(list)  # outside folder -> folders its references lead into
        for ref in self.references:
            if ref.target is None:
                continue
            folder = self.folder_of(ref.source_set)
            if folder in outside:
                target = self.folder_of(self.set_of(ref.target))
                if target != folder:
                    pointing[folder].append(target)
        for _ in range(len(pointing)):
            changed = False
            for folder, targets in pointing.items():
                if table[folder] is not None:
                    continue
                found = {table[target] for target in targets}
                found.discard(None)
                if len(found) == 1:
                    table[folder] = found.pop()
                    changed = True
            if not changed:
                break
        return table

    # --- references as people write them in documents ---------------------------------------------
    def _resolve_as_written(self, text: str, source_set: OKRSet) -> list[Objective]:
        """The objective named the way drafts name them: "Company Objective 1", "O2", "CO-1", "Sales O3",
        "วัตถุประสงค์ที่ 2 ขององค์กร", or its title written out. When several organisations are linted together,
        the sets nearest to the referring file count: those of its own folder, then of the folders above it.
        Empty when nothing fits; several objectives when equally near sets each have one that fits."""
        written, text = text, _as_read(text)  # "สอดคล้องกับเป้าประสงค์ที่ ๒ ของกรม", "วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย"
        match = _WRITTEN_REFERENCE.fullmatch(text)
        if match is not None:
            sets, number, company = self._numbered_in(match, source_set, written)
            if company:
                # "CO1", "Company Objective 1": the objective whose id says so (co-o1, CO-1) before the first one
                by_id = [o for s in sets for o in s.objectives if o.id and _company_objective_number(o.id) == number]
                if by_id:
                    return by_id
                if match["company"] and any(o.id and _company_objective_number(o.id) is not None
                                            for s in sets for o in s.objectives):
                    return []  # "CO4" where the company's plan has CO1–CO3: not another plan's fourth by position
            return [s.objectives[number - 1] for s in sets if 1 <= number <= len(s.objectives)]
        found = self._titles().get(_title_key(text), [])
        found = [objective for objective in found if self.set_of(objective) is not source_set]
        if len(found) > 1:
            found = nearest(self.folder_of(source_set), found, lambda o: self.scope_folder(self.set_of(o)))
        return found

    def _numbered_in(self, match: re.Match, source_set: OKRSet, written: str = "") -> tuple[list[OKRSet], int, bool]:
        """For a reference written as a plan's objective by its number (a match of _WRITTEN_REFERENCE of it as read;
        ``written``: as written): the sets whose objectives it counts, the number, and whether it names the company's
        plan. Of several organisations' plans, the organisation named by its kind ("ของมหาวิทยาลัย", "university
        objective 6") is the one whose name says that kind ("มหาวิทยาลัยศรีวารินทร์" rather than
        "โรงพยาบาลมหาวิทยาลัยศรีวารินทร์", "Northfield University")."""
        from okrlint.text.numbers import normalize_digits

        number = int(normalize_digits(match["n"]))
        named = _owner_named(match)
        company = bool(match["company"]) or team_key(named) in _COMPANY_WORDS
        unit = unit_of_reference(named) if named and not company else None
        if match["company"]:
            sets = self._sets_named("company", source_set)
        elif unit is not None:  # "วัตถุประสงค์ที่ 1 ของคณะ", "objective 2 of the faculty": the unit above
            sets = self._sets_of_unit(unit, source_set) or self._sets_above(source_set)
        else:
            sets = self._sets_named(named, source_set) if named else self._sets_above(source_set, number)
        if company and written and len({s.team for s in sets}) > 1:
            sets = _of_the_kind_named(sets, written)
        return sets, number, company

    def numbered_plans(self, text: str, source_set: OKRSet) -> tuple[list[OKRSet], int] | None:
        """The sets a reference written as a plan's objective by its number counts in ("เป้าประสงค์ที่ 8", "วัตถุประสงค์
        ที่ 9 ขององค์กร", "O5": the plan above, the company's, a named team's), and the number; None when it is not
        written so."""
        match = _WRITTEN_REFERENCE.fullmatch(_as_read(text))
        if match is None:
            return None
        sets, number, _ = self._numbered_in(match, source_set, text)
        return sets, number

    def teams_by_initials(self, text: str) -> tuple[str, list[str]] | None:
        """For a reference naming a team's plan by initials ("CS O1"): the initials as written and the teams of the run
        whose names they are the initials of (several: none of them is chosen); None when it is not written so."""
        match = _WRITTEN_REFERENCE.fullmatch(_as_read(text))
        named = _owner_named(match).strip() if match is not None else ""
        if not _LATIN_INITIALS.fullmatch(named):
            return None
        return named, self._written_groups().initials_teams.get(latin_initials_key(named), [])

    def _written_groups(self) -> _WrittenGroups:
        groups = self._groups
        if groups is None:
            groups = self._groups = _WrittenGroups(self)
        return groups

    def _sets_named(self, name: str, source_set: OKRSet) -> list[OKRSet]:
        """The nearest sets of the team a reference names (of the company, for "company", "CO", "องค์กร")."""
        groups = self._written_groups()
        folder = self.folder_of(source_set)
        key = team_key(name)
        if key in _COMPANY_WORDS:
            # the company-level set, else a set named so (a workbook's "Company" sheet beside its teams' sheets)
            return groups.company.nearest(folder, source_set) or groups.company_named.nearest(folder, source_set)
        group = groups.by_team.get(key) or groups.abbreviated.get(key)  # "ของ กสว." for "กองส่งเสริมสวัสดิการ (กสว.)"
        if group is None and _THAI_INITIALS.fullmatch(key):
            # "วัตถุประสงค์ที่ ๒ ของ กฟช.": the organisation whose name those are the initials of ("การไฟฟ้าชุมชนแห่งชาติ")
            named = [s for s in groups.company.sets if abbreviates(key, s.team)]
            group = _Nearness(self, named) if named else None
        if group is None and _LATIN_INITIALS.fullmatch(name.strip()):
            # "GTM O1", "P&E O2": the one team of the run whose name those are the initials of ("Go-to-Market",
            # "Product & Engineering"); initials of several teams' names name none of them
            group = groups.by_initials.get(latin_initials_key(name))
        return group.nearest(folder, source_set) if group is not None else []

    def _sets_of_unit(self, unit: str, source_set: OKRSet) -> list[OKRSet]:
        """The nearest sets of another team named as such a unit ("คณะเกษตรศาสตร์" for "ของคณะ") and not of a lower
        level than the referring set, those of a higher level first: the plan of the unit above the writer even when
        both sets were read at the default level."""
        own, rank = team_key(source_set.team), level_rank(source_set.level)
        found = [s for s in self.org.sets if team_key(s.team) != own and names_unit(s.team, unit)
                 and level_rank(s.level) <= rank]
        higher = [s for s in found if level_rank(s.level) < rank]
        return nearest(self.folder_of(source_set), higher or found, self.scope_folder) if found else []

    def _sets_above(self, source_set: OKRSet, number: int | None = None) -> list[OKRSet]:
        """The sets a bare "O2" points up to: the one set of a higher level, or else the one company set (of the
        referring file's own organisation, when several are linted together). When the sets of the level chosen so
        have no objective ``number`` and those of another level above have one ("เป้าประสงค์ที่ 5" in a unit's plan
        beside a department's set of two objectives, under the hospital's plan of six), that level's."""
        groups = self._written_groups()
        folder = self.folder_of(source_set)
        rank = level_rank(source_set.level)
        org_folder = None  # the folder of the nearest company set, when there are several
        if len(groups.company.sets) > 1:
            org_folder = next((f for f in ancestors(folder) if groups.company.exact.get(f)), None)

        def within(level: int) -> list[OKRSet]:
            group = groups.by_rank[level]
            return group.sets if org_folder is None else group.under.get(org_folder, [])

        present = [level for level in range(rank) if within(level)]
        if not present:
            return []
        chosen = rank - 1 if len(present) > 1 and within(rank - 1) else present[0]
        found = groups.by_rank[chosen].nearest(folder, source_set, stop=org_folder)
        if chosen != present[0] and not any(_level_written(s) for s in found):
            # a level only guessed from a unit word ("ฝ่ายขาย" beside the sheet "โรงงาน"), as inverted-alignment says,
            # is not known to stand above the writer: the organisation's own plan
            chosen = present[0]
            found = groups.by_rank[chosen].nearest(folder, source_set, stop=org_folder)
        if number is None or any(len(s.objectives) >= number for s in found):
            return found
        for level in sorted(present, reverse=True):  # the nearest level above first
            if level != chosen:
                other = groups.by_rank[level].nearest(folder, source_set, stop=org_folder)
                if any(len(s.objectives) >= number for s in other):
                    return other
        # no plan above has it: the top one's (a dangling "เป้าประสงค์ที่ 8" is told how many the organisation has)
        return groups.by_rank[present[0]].nearest(folder, source_set, stop=org_folder) if present[0] != chosen \
            else found

    def _titles(self) -> dict[str, list[Objective]]:
        titles = self._by_title
        if titles is None:
            titles = self._by_title = defaultdict(list)
            for objective in self.objectives:
                titles[_title_key(objective.title)].append(objective)
        return titles


# "Company Objective 1", "Sales O3", "O2", "Objective 2 of Marketing", "CO-1", "วัตถุประสงค์ที่ 2 ขององค์กร",
# "เป้าประสงค์ข้อ 1", "OKR 2 (company)"
# Thai names an objective of a plan by its item number alone too ("ข้อ" is "item"): "บริษัทข้อ 3", "OKR บริษัท ข้อ 3",
# "ข้อ 2 ของบริษัท", "คณะข้อที่ 1"; and "O2 บริษัท", "O1 ฝ่ายขาย": the plan's owner after the number without "of"
_WRITTEN_REFERENCE = regexcache.compile(
    r"(?:(?P<company>c[ .-]?o)[ .-]?|(?:(?P<before>[^\d/]{1,40}?)(?:'s)?\s*[-:]?\s*)?"
    r"(?:(?:objectives?|obj\.?|okrs?|o|goals?|วัตถุประสงค์|เป้าประสงค์|เป้าหมาย)\s*(?:ที่|ข้อ(?:ที่)?|no\.?|number|#)?"
    r"|ข้อ(?:ที่)?)\s*)"
    r"(?P<n>[0-9]{1,2}|[๐-๙]{1,2})"
    r"(?:\s*(?:of|ของ|[-–—(])\s*(?P<after>[^\d/()]{1,40}?)\s*\)?"
    rf"|\s+(?P<owner>(?:{TH_ORGANISATIONS}|{TH_UNITS})[^\s\d/()]*|(?:{EN_ORGANISATIONS}|{EN_UNITS})(?:'s)?))?",
    re.IGNORECASE,
)
# The words around a plan's owner named before the number: "วัตถุประสงค์บริษัท", "OKR ระดับองค์กร", "เป้าหมายของกรม"
_OWNER_NOISE = regexcache.compile(
    r"^(?:(?:วัตถุประสงค์|เป้าประสงค์|เป้าหมาย|(?i:okrs?|objectives?|goals?))\s*)?(?:ระดับ|ของ)?\s*")


def _owner_named(match: re.Match) -> str:
    """The plan a written reference names (its owner: "บริษัท", "Sales", "คณะ"), before or after the number; "" when
    none ("O2", "วัตถุประสงค์ข้อ 2", "ข้อ 2")."""
    before = _OWNER_NOISE.sub("", match["before"] or "").strip()
    named = " ".join(part for part in (before, match["after"], match["owner"]) if part)
    return expand_abbreviations(named).strip(" .") if named else named  # "รพ.", "ของ อบต.": as written out
_COMPANY_OBJECTIVE_ID = regexcache.compile(r"(?:co|corp|company|org|องค์กร)(?:o|obj|objective)?0*(?P<n>[0-9]{1,2})")


# a code as decks write an objective's: "CO4", "SO-2", "KO 1", "co_o3" is not one (its letters are "coo")
_CODE = regexcache.compile(r"(?P<letters>[a-z]{1,4})0*(?P<n>[0-9]{1,2})")


def _code_of(text: str) -> tuple[str, int] | None:
    """(letters, number) of a short code ("CO4" -> ("co", 4), "SO-๒" -> ("so", 2)); None for anything else."""
    from okrlint.text.numbers import normalize_digits

    found = _CODE.fullmatch(_TITLE_NOISE.sub("", normalize_digits(text.strip()).casefold()))
    return (found["letters"], int(found["n"])) if found is not None else None


def _company_objective_number(ident: str) -> int | None:
    """N of an id that names the company's objective N: co-o1, CO-1, co1, CO_O1, company-o1 (case, spaces and
    punctuation left out); None for any other id."""
    found = _COMPANY_OBJECTIVE_ID.fullmatch(_TITLE_NOISE.sub("", ident.lower()))
    return int(found["n"]) if found is not None else None


def names_the_company_as_written(text: str) -> bool:
    """Whether a reference written as people write it names a company objective ("CO-1", "Company Objective 2",
    "วัตถุประสงค์ที่ 1 ขององค์กร", "university objective 6", "วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย"), not a team's."""
    found = _WRITTEN_REFERENCE.fullmatch(_as_read(text))
    if found is None:
        return False
    return bool(found["company"]) or _owner_named(found).casefold() in _COMPANY_WORDS


def _as_read(text: str) -> str:
    """A reference as the index reads it: without the verb a cell or a sentence may keep before it, and an
    organisation or a unit named by its kind in the form ``reference_as_read`` gives ("วัตถุประสงค์ที่ 6 ขององค์กร"
    for "… ของมหาวิทยาลัย"; the loaders keep it as written, for findings to quote)."""
    text = _ALIGNMENT_VERB.sub("", " ".join(text.split()).strip("()（）[] ")).strip()
    # "เป้าประสงค์ที่ 2 (ตัวชี้วัดที่ 2.1) ของกรม": a bracketed remark inside says more of it, and is not read
    without = " ".join(_INNER_REMARK.sub(" ", text).split())
    text = without or text
    return reference_as_read(text) if text else text


_INNER_REMARK = regexcache.compile(r"[(（][^()（）]{0,80}[)）]")


# The kind of organisation a reference names it by ("ของมหาวิทยาลัย", "ของ รพ.", "the hospital's objective 2"), and a
# team named so ("มหาวิทยาลัยศรีวารินทร์", "Northfield University")
_ORGANISATION_KIND = regexcache.compile(
    r"มหาวิทยาลัย|โรงพยาบาล|บริษัท|กรม|กระทรวง|จังหวัด|เทศบาล|องค์การบริหารส่วน|โรงเรียน|สถาบัน|วิทยาลัย|สหกรณ์|มูลนิธิ"
    r"|สมาคม|" + TH_STATE_ENTERPRISES +
    r"|(?i:\b(?:university|hospital|council|trust|school|college|ministry|agency|foundation|authority)\b)")


def _of_the_kind_named(sets: list[OKRSet], written: str) -> list[OKRSet]:
    """Of several organisations' plans, those whose team is named as the kind of organisation a reference names (a
    Thai name starting with it, an English one holding it); all of them when it names no kind, or none is so named."""
    kind = _ORGANISATION_KIND.search(expand_abbreviations(written))
    if kind is None:
        return sets
    word = kind.group(0).casefold()
    if word[:1] >= "\u0e00":
        chosen = [s for s in sets if expand_abbreviations(" ".join(s.team.split())).startswith(word)]
    else:
        chosen = [s for s in sets if word in re.split(r"[^\w]+", s.team.casefold())]
    return chosen or sets


def names_no_plan(text: str) -> bool:
    """Whether a reference is written as an objective's number alone, naming no plan ("เป้าประสงค์ที่ 5",
    "วัตถุประสงค์ข้อ 2", "O3"): the plan above the writer's, whichever the run holds."""
    found = _WRITTEN_REFERENCE.fullmatch(_as_read(text))
    return found is not None and not found["company"] and not _owner_named(found)


# the verb a cell or a sentence may keep before the reference: "สอดคล้องกับ …", "supports …", "aligned to …"
_ALIGNMENT_VERB = regexcache.compile(r"^(?:สอดคล้อง(?:กับ)?|ตอบสนอง(?:ต่อ)?|สนับสนุน|เชื่อมโยง(?:กับ)?|ตอบโจทย์|ตอบ|ภายใต้"
                             r"|(?i:supports?|supporting|aligns?\s+(?:to|with)|aligned\s+(?:to|with)|contributes?\s+to"
                             r"|ladders?\s+up\s+to))\s*")
_COMPANY_WORDS = frozenset({"company", "co", "corporate", "org", "organisation", "organization", "the company", "องค์กร",
                            "บริษัท", "หน่วยงาน", "กรม", "ส่วนราชการ",
                            # the whole organisation named by what it is: "District Objective 1", "Trust goal 2"
                            "district", "council", "trust", "board", "university", "hospital", "ministry", "agency",
                            "foundation", "charity", "group", "firm", "business", "school", "college",
                            "โรงพยาบาล", "มหาวิทยาลัย", "จังหวัด", "เทศบาล", "โรงเรียน", "สถาบัน", "มูลนิธิ", "กระทรวง",
                            "ธนาคาร", "องค์การ", "รัฐวิสาหกิจ"})
_TEAM_NOISE = regexcache.compile(r"(?i)\b(?:the|team|teams|okrs?|dept\.?|department|level)\b|ทีม|ฝ่าย|[-_.:'’]")
_TITLE_NOISE = regexcache.compile(r"[\W_]+")


def ancestors(folder: str) -> Iterator[str]:
    """A folder, then each folder above it, up to "" (or "/")."""
    while True:
        yield folder
        parent = posixpath.dirname(folder)
        if parent == folder:
            return
        folder = parent


def nearest(folder: str, candidates: list, scope_of) -> list:
    """The candidates nearest to a file in ``folder``: those whose scope folder is its folder or the nearest folder
    above it, else those sharing the longest folder path with it. A few candidates (titles written out)."""
    chain = {f: depth for depth, f in enumerate(ancestors(folder))}
    scopes = [scope_of(c) for c in candidates]
    exact = [chain.get(scope) for scope in scopes]
    if any(depth is not None for depth in exact):
        best = min(depth for depth in exact if depth is not None)
        return [c for c, depth in zip(candidates, exact) if depth == best]
    shared = [next((chain[f] for f in ancestors(scope) if f in chain), None) for scope in scopes]
    if all(depth is None for depth in shared):
        return list(candidates)
    best = min(depth for depth in shared if depth is not None)
    return [c for c, depth in zip(candidates, shared) if depth == best]


class _Nearness:
    """Sets of one kind (company-level, one team's, one level's) by the folders they speak for, so that the nearest
    to a file are found by walking up its folders, not by scanning the sets."""

    def __init__(self, index: OrgIndex, sets: list[OKRSet]):
        self.sets = sets
        self.exact: dict[str, list[OKRSet]] = defaultdict(list)  # scope folder -> sets
        self.under: dict[str, list[OKRSet]] = defaultdict(list)  # folder -> sets whose scope is in or below it
        for okr_set in sets:
            scope = index.scope_folder(okr_set)
            self.exact[scope].append(okr_set)
            for folder in ancestors(scope):
                self.under[folder].append(okr_set)

    def nearest(self, folder: str, source_set: OKRSet, stop: str | None = None) -> list[OKRSet]:
        """The sets (other than ``source_set``) of the nearest folder at or above ``folder`` (up to ``stop``), else
        of the nearest folder that holds both; all of them when no folder does."""
        if len(self.sets) <= 2:
            others = [s for s in self.sets if s is not source_set]
            if len(others) <= 1:
                return others
        for table in (self.exact, self.under):
            for above in ancestors(folder):
                found = [s for s in table.get(above, ()) if s is not source_set]
                if found:
                    return found
                if above == stop:
                    break
        return [s for s in self.sets if s is not source_set] if stop is None else []


class _WrittenGroups:
    """The sets written references choose among, built in one pass over the org when the first is read."""

    def __init__(self, index: OrgIndex):
        company: list[OKRSet] = []
        company_named: list[OKRSet] = []
        by_team: dict[str, list[OKRSet]] = defaultdict(list)
        abbreviated: dict[str, list[OKRSet]] = defaultdict(list)  # a team named with its initials, by them
        by_rank: list[list[OKRSet]] = [[] for _ in LEVELS]
        for okr_set in index.org.sets:
            key = team_key(okr_set.team)
            by_team[key].append(okr_set)
            initials = _ABBREVIATION_AFTER.search(okr_set.team)
            if initials is not None and (short := team_key(initials.group(0).strip(" ()（）"))) != key and short:
                abbreviated[short].append(okr_set)
            by_rank[level_rank(okr_set.level)].append(okr_set)
            if okr_set.level == "company":
                company.append(okr_set)
            if key in _COMPANY_WORDS:
                company_named.append(okr_set)
        self.company = _Nearness(index, company)
        self.company_named = _Nearness(index, company_named)
        self.by_team = {key: _Nearness(index, sets) for key, sets in by_team.items()}
        self.abbreviated = {key: _Nearness(index, sets) for key, sets in abbreviated.items() if key not in by_team}
        self.by_rank = [_Nearness(index, sets) for sets in by_rank]
        # teams by the initials of their names' words ("gtm" for "Go-to-Market"), where one team has them
        teams: dict[str, dict[str, list[OKRSet]]] = defaultdict(dict)
        for key, sets in by_team.items():
            for initials in _initials_of(sets[0].team):
                if initials not in by_team:
                    teams[initials][key] = sets
        self.by_initials = {initials: _Nearness(index, next(iter(named.values())))
                            for initials, named in teams.items() if len(named) == 1}
        self.initials_teams = {initials: [sets[0].team for sets in named.values()] for initials, named in teams.items()}


# initials written for a team's name: two to five capitals, '&' or dots between them ("GTM", "P&E", "C.S.")
_LATIN_INITIALS = regexcache.compile(r"[A-Z](?:[&.]?[A-Z]){1,4}\.?")
_NAME_PART = regexcache.compile(r"[A-Za-z][A-Za-z']*")
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "at", "&"})


def latin_initials_key(written: str) -> str:
    """Initials as written ("P&E", "C.S.") as they are compared: their letters, lower case ("pe", "cs")."""
    return "".join(c for c in written.lower() if c.isalpha())


def _initials_of(team: str) -> set[str]:
    """The initials a team's English name is written with: of every word ("gtm" for "Go-to-Market") and of its words
    without the small ones ("pe" for "Product & Engineering", "rd" for "Research and Development"). A name of one
    word has none, nor a name in Thai."""
    words = _NAME_PART.findall(_ABBREVIATION_AFTER.sub("", team))
    if len(words) < 2 or len(words) > 6:
        return set()
    found = {"".join(w[0] for w in words).lower()}
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) >= 2:
        found.add("".join(w[0] for w in content).lower())
    return found


def team_key(name: str) -> str:
    """A team name as references compare it: lower case, without 'team', 'ฝ่าย', 'OKRs', spaces and punctuation,
    and without its abbreviation in brackets ("กองส่งเสริมสวัสดิการ (กสว.)" is "กองส่งเสริมสวัสดิการ")."""
    bare = _ABBREVIATION_AFTER.sub("", name)
    return "".join(_TEAM_NOISE.sub(" ", (bare or name).lower()).split())  # "E-commerce" = "ecommerce"


_ABBREVIATION_AFTER = regexcache.compile(r"\s*[(（][\u0e01-\u0e4e.]{1,10}[)）]\s*$")  # a Thai unit's initials
# Thai initials as a team key has them ("กฟช" of "กฟช.", "ธกส" of "ธ.ก.ส."): two to six consonants
_THAI_INITIALS = regexcache.compile(r"[\u0e01-\u0e2e]{2,6}")
# the kind an organisation's initials may leave out: "ขสมก." of "องค์การขนส่งมวลชนกรุงเทพ"
_KIND_BEFORE_INITIALS = regexcache.compile(r"^(?:องค์การ|สำนักงาน)")


def abbreviates(initials: str, name: str) -> bool:
    """Whether Thai initials ("กฟช", "ธกส", "ขสมก") are those of an organisation's name ("การไฟฟ้าชุมชนแห่งชาติ",
    "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", "องค์การขนส่งมวลชนกรุงเทพ"): its first letter the name's first (or the
    first after a kind word it leaves out), the others in the name's order. A name shorter than three letters per
    initial is no such name."""
    if not _THAI_INITIALS.fullmatch(initials):
        return False
    name = "".join(_ABBREVIATION_AFTER.sub("", name).split())
    for whole in dict.fromkeys((name, _KIND_BEFORE_INITIALS.sub("", name))):
        if len(whole) < 3 * len(initials) or not whole.startswith(initials[0]):
            continue
        rest = iter(whole[1:])
        if all(letter in rest for letter in initials[1:]):
            return True
    return False


def _title_key(title: str) -> str:
    return _TITLE_NOISE.sub("", title.lower())


def where(item: Item) -> str:
    """``file:line`` of an object's title, where findings about it point (``file:Sheet!B5`` in a workbook,
    ``file:page 2:14`` in a PDF)."""
    location = item.location_of("title")
    if location.sheet is not None or location.page is not None:
        return str(location)
    return f"{location.file}:{location.line}"


_CACHE: tuple[weakref.ReferenceType, OrgIndex] | None = None


def org_index(org: Org) -> OrgIndex:
    """The index of an org, built on first use and reused while the same org object is alive."""
    global _CACHE
    if _CACHE is not None and _CACHE[0]() is org:
        return _CACHE[1]
    index = OrgIndex(org)
    _CACHE = (weakref.ref(org), index)
    return index


def index_from_context(ctx, org: Org) -> OrgIndex:
    """The index the engine handed to org-scope rules, or one built here (rules run outside the engine)."""
    services = getattr(ctx, "services", None)
    if isinstance(services, OrgIndex) and services.org is org:
        return services
    return org_index(org)


# --- fiscal years written without their months ---------------------------------------------------------

def settle_fiscal_years(org: Org, fiscal_year_start_month: int = 10) -> Org:
    """The org with each fiscal year written without its months ("Period: FY2026/27", "Service Plan 2026/27") read in
    the months of the same year where the run states them: in the plan its objectives align to ("2026/27 (1 April 2026 –
    31 March 2027)", a year the plan's own document gives the months of), else in its organisation's company plan. The
    fiscal-year-start-month setting reads it only when neither says otherwise, or when they disagree. A part of such a
    year ("Q1 FY27") is read the same way. Sets whose period stays are the same objects; the org is the same object
    when nothing changes. Runs after the per-file work (and its cache), on every run: the answer depends on the whole
    run, and is the same whatever the number of jobs."""
    from okrlint.text.periods import read_by_setting, stated_start_month, with_start_month

    setting = fiscal_year_start_month
    bare = [s for s in org.sets if read_by_setting(s.period, setting)]
    if not bare or not any(stated_start_month(s.period, setting) not in (None, setting) for s in org.sets):
        return org  # nothing to settle: the common case costs one look at each set's period
    index = OrgIndex(org)
    months: dict[int, int | None] = {}  # set -> the first month of its year (None: the setting's, or not a fiscal year)

    def reading(okr_set: OKRSet, month: int | None):
        if month is None or month == setting or not read_by_setting(okr_set.period, setting):
            return okr_set.period
        return with_start_month(okr_set.period, month) or okr_set.period

    def month_of(okr_set: OKRSet, visiting: set[int]) -> int | None:
        key = id(okr_set)
        if key in months:
            return months[key]
        own = stated_start_month(okr_set.period, setting)
        if own is not None or not read_by_setting(okr_set.period, setting):
            months[key] = own
            return own
        if key in visiting or len(visiting) >= _DEEPEST_ALIGNMENT:
            return None  # a cycle of alignments, or a chain no organisation has (and past Python's stack): the setting
        visiting.add(key)
        rank = level_rank(okr_set.level)
        parents = list(dict.fromkeys(
            index.set_of(parent) for objective in okr_set.objectives for parent in index.parents(objective)
            if level_rank(index.set_of(parent).level) <= rank))
        found = _same_year_months(okr_set, [s for s in parents if s is not okr_set], month_of, reading, visiting)
        if not found:
            organisation = index.organisation_of(okr_set)
            companies = [s for s in index.company_sets() if s is not okr_set and s.level == "company"
                         and (organisation is None or index.scope_folder(s) == organisation)]
            found = _same_year_months(okr_set, companies, month_of, reading, visiting)
        visiting.discard(key)
        months[key] = found.pop() if len(found) == 1 else None  # several plans that disagree: the setting decides
        return months[key]

    settled = []
    changed = False
    for okr_set in org.sets:
        period = reading(okr_set, month_of(okr_set, set())) if read_by_setting(okr_set.period, setting) else okr_set.period
        if period is not okr_set.period:
            okr_set = attrs.evolve(okr_set, period=period)
            changed = True
        settled.append(okr_set)
    return attrs.evolve(org, sets=tuple(settled)) if changed else org


_DEEPEST_ALIGNMENT = 50  # plans aligned one to the next: real organisations have a handful of levels


def _same_year_months(okr_set: OKRSet, sources: list[OKRSet], month_of, reading, visiting: set[int]) -> set[int]:
    """The first months of the years of ``sources`` that are the set's own year read in those months: "FY2026/27" read
    April–March is "2026/27 (1 April 2026 – 31 March 2027)"; "Q1 FY27" read July–June lies in "FY27 (July–June)"."""
    from okrlint.text.periods import with_start_month

    found: set[int] = set()
    for source in sources:
        month = month_of(source, visiting)
        if month is None:
            continue
        theirs = reading(source, month)
        ours = with_start_month(okr_set.period, month)
        if ours is None or theirs is None or not theirs.is_known or theirs.kind != "fiscal_year":
            continue
        if (ours.start, ours.end) == (theirs.start, theirs.end) or (ours.kind != "fiscal_year" and theirs.contains(ours)):
            found.add(month)
    return found


def years_read_two_ways(org: Org, fiscal_year_start_month: int = 10) -> list[str]:
    """A warning for each fiscal year the run reads in two ways: written with its months in one plan ("2026/27 (April
    to March)"), and without them in another that neither aligns to it nor shares its organisation's company plan, so
    the fiscal-year-start-month setting reads it (October–September by default). Said once per year, naming the
    setting and the two ways to say which months are meant."""
    from okrlint.text.periods import read_by_setting, stated_start_month, year_months

    setting = fiscal_year_start_month
    by_year: dict[int, tuple[dict[int, list[OKRSet]], list[OKRSet]]] = {}
    for okr_set in org.sets:
        period = okr_set.period
        if period is None or not period.is_known or period.kind != "fiscal_year":
            continue
        stated, bare = by_year.setdefault(period.end.year, ({}, []))
        month = stated_start_month(period, setting)
        if read_by_setting(period, setting):
            bare.append(okr_set)
        elif month is not None and month != setting:
            stated.setdefault(month, []).append(okr_set)
    notes = []
    for _, (stated, bare) in sorted(by_year.items()):
        if not stated or not bare:
            continue
        month = next(iter(stated))
        named = bare[0].period.text
        theirs = "; ".join(dict.fromkeys(s.file for s in stated[month]))
        ours = list(dict.fromkeys(s.file for s in bare))
        shown = "; ".join(ours[:3]) + (" …" if len(ours) > 3 else "")
        notes.append(
            f"{bare[0].location_of('period')}: the year '{named}' is read two ways in this run: {year_months(month)} where "
            f"its months are written ({theirs}), {year_months(setting)} where they are not ({shown}), as "
            f"fiscal-year-start-month = {setting} says; set fiscal-year-start-month = {month}, or write the months "
            f"with the year ('{named} ({year_months(month)})')")
    return notes
