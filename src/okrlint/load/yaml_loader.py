"""The OKR set YAML format (SPEC §1): ``*.okr.yaml`` / ``*.okr.yml``, or any YAML file named explicitly."""

from __future__ import annotations

import datetime
import difflib
import numbers
import re
from collections.abc import Mapping
from typing import Any

from okrlint.load.pyyaml import yaml

from okrlint.load import LoadError, key_result_values, is_placeholder_letter
from okrlint.load.decode import decode_text
from okrlint.load.yamlio import BAD_MERGE, Budget, compose_documents, merged_pairs, plain_value, position, scalar_value
from okrlint.text import regexcache
from okrlint.model import (
    ExtraField,
    FieldProblem,
    InputError,
    KeyResult,
    LoadResult,
    Location,
    Objective,
    OKRSet,
)
from okrlint.text.numbers import is_no_value, parse_number, read_goal_field
from okrlint.text.periods import parse_date, parse_period
from okrlint.text.clip import clipped

SET_KEYS = ("team", "level", "period", "owner", "language", "objectives")
OBJECTIVE_KEYS = ("id", "title", "description", "owner", "type", "aligns_to", "key_results")
KEY_RESULT_KEYS = (
    "id", "title", "baseline", "target", "unit", "due", "owner", "depends_on", "score", "confidence",
)
_ALL_KEYS = frozenset(SET_KEYS + OBJECTIVE_KEYS + KEY_RESULT_KEYS)
# Other names people give the format's keys: suggested in the unknown-field finding ("did you mean 'title'?")
_OTHER_NAMES = {
    "name": "title", "objective": "title", "statement": "title", "goal": "title", "text": "title", "kr": "key_results",
    "krs": "key_results", "results": "key_results", "key_result": "key_results", "keyresults": "key_results",
    "okrs": "objectives", "goals": "objectives", "objective_list": "objectives", "start": "baseline",
    "current": "baseline", "from": "baseline", "to": "target", "goal_value": "target", "deadline": "due",
    "due_date": "due", "depends": "depends_on", "dependencies": "depends_on", "aligned_to": "aligns_to",
    "aligns": "aligns_to", "parent": "aligns_to", "quarter": "period", "unit_name": "unit", "desc": "description",
}


def _as_written_by_spec(key: str) -> str:
    """A key as the format spells it when it differs only in case, spaces or hyphens ('Title', 'Key Results',
    'aligns-to': copied from a spreadsheet's header), else the key as written."""
    if key in _ALL_KEYS:
        return key
    folded = "_".join(key.strip().lower().replace("-", " ").split())
    return folded if folded in _ALL_KEYS else key


class _Reader:
    """Reads one YAML document into an OKRSet, collecting input errors instead of stopping at them."""

    def __init__(self, filename: str, options: Mapping[str, Any]):
        self.filename = filename
        self.options = options
        self.errors: list[InputError] = []
        self.budget = Budget()
        self.merges = False  # whether the text may hold a merge key ('<<: *base'); most files have none
        self.merged_sources: set[int] = set()  # ids of the mappings merged somewhere

    # --- helpers -------------------------------------------------------------------------------
    def loc(self, node: yaml.Node, path: str = "") -> Location:
        line, column = position(node)
        return Location(self.filename, line, column, path)

    def error(self, node: yaml.Node, message: str) -> None:
        self.errors.append(InputError(message, self.loc(node)))

    def mapping_items(self, node: yaml.MappingNode, path: str):
        """(key, key node, value node), reporting duplicate and non-text keys."""
        seen: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        pairs = merged_pairs(node, self._bad_merge, sources=self.merged_sources) if self.merges else node.value
        for key_node, value_node in pairs:
            self.budget.spend(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"a key must be plain text (in {path or 'the document'})")
                continue
            key = _as_written_by_spec(str(key_node.value))
            if key in seen:
                first_key, first_value = seen[key]
                self.error(key_node, f"duplicate key '{key}' (first given on line {position(first_key)[0]}); the last one is used")
                self._report_duplicates_in_dropped(first_value)
            seen[key] = key_node, value_node
            yield key, key_node, value_node

    def _bad_merge(self, node: yaml.Node) -> None:
        self.error(node, BAD_MERGE)

    def _report_duplicates_in_dropped(self, node: yaml.Node) -> None:
        """Duplicate keys inside a value a later duplicate replaces, which is never read: still the user's mistake."""
        stack = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, yaml.MappingNode):
                keys: dict[str, yaml.Node] = {}
                for key_node, value_node in current.value:
                    self.budget.spend(key_node)
                    if isinstance(key_node, yaml.ScalarNode):
                        key = str(key_node.value)
                        if key in keys:
                            self.error(key_node, f"duplicate key '{key}' (first given on line {position(keys[key])[0]}); "
                                                 "the last one is used")
                        keys[key] = key_node
                    stack.append(value_node)
            elif isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)

    def text(self, node: yaml.Node, field: str) -> str | None:
        self.budget.spend(node)
        if isinstance(node, yaml.ScalarNode):
            value = scalar_value(node)
            if value is None:
                return None
            # a number, yes/no or a date where text belongs ('title: 2027', 'team: NO', 'id: 012') is the text as
            # written: YAML 1.1 turns such words into other types, never what an OKR author means
            return value if isinstance(value, str) else node.value
        if field == "owner" and isinstance(node, yaml.SequenceNode) and all(
                isinstance(item, yaml.ScalarNode) for item in node.value):
            owners = [self.text(item, field) for item in node.value]  # "owner: [alice, bob]": shared ownership
            return ", ".join(o for o in owners if o) or None
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        self.error(node, f"'{field}' must be text, not {kind}")
        if field in _WORDED_FIELDS and isinstance(node, yaml.SequenceNode) and node.value and all(
                isinstance(item, yaml.ScalarNode) for item in node.value):
            # "title: [Raise survey response, from 4% to 9%]": a title with a comma in brackets; reported once,
            # then read as written, so that it is not reported again as missing
            words = [self.text(item, field) for item in node.value]
            return ", ".join(w for w in words if w) or None
        return None

    def text_list(self, node: yaml.Node, field: str, locations: dict[str, Location] | None = None,
                  path: str = "") -> tuple[str, ...]:
        """The references of an 'aligns_to' / 'depends_on'; each entry of a list gets its own location in
        ``locations`` (``aligns_to[0]``, ``aligns_to[1]`` … by its place among the values kept), so that a finding
        about one reference points at that entry, not at the start of the list."""
        if isinstance(node, yaml.ScalarNode):
            value = self.reference(node, field)
            return (value,) if value else ()
        if isinstance(node, yaml.SequenceNode):
            values = []
            for item in node.value:
                value = self.reference(item, field) if isinstance(item, yaml.ScalarNode) else self.text(item, field)
                if value:
                    if locations is not None:
                        locations[f"{field}[{len(values)}]"] = self.loc(item, f"{path}[{len(values)}]")
                    values.append(value)
            return tuple(values)
        self.error(node, f"'{field}' must be a reference or a list of references, not a mapping")
        return ()

    def reference(self, node: yaml.ScalarNode, field: str) -> str | None:
        """A reference in 'aligns_to' / 'depends_on': text. A number, yes/no or a date there is an input error
        (as a mapping is); a number or date is still read as the id written, yes/no as none."""
        self.budget.spend(node)
        value = scalar_value(node)
        if value is None or isinstance(value, str):
            return value
        kind = ("yes/no" if isinstance(value, bool) else "a number" if isinstance(value, numbers.Real)
                else "a date" if isinstance(value, datetime.date) else "binary data")
        self.error(node, f"'{field}' must be a reference or a list of references, not {kind} ({node.value}); "
                         f"if {node.value} is an id, write it in quotes: '{node.value}'")
        return None if isinstance(value, bool) else node.value

    def number(self, node: yaml.Node, field: str, problems: list[FieldProblem], path: str):
        """(value, text as written). Numbers written as text ("1,200", "35%", "๔๐๐") are read too."""
        self.budget.spend(node)
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"'{field}' must be a number, not {'a list' if isinstance(node, yaml.SequenceNode) else 'a mapping'}")
            return None, None
        value = scalar_value(node)
        if value is None:
            return None, None
        if isinstance(value, bool):
            problems.append(FieldProblem(field, f"'{field}' is {clipped(node.value, 120)!r}, not a number", self.loc(node, path)))
            return None, node.value
        if isinstance(value, numbers.Real):
            try:
                return float(value), node.value
            except OverflowError:  # an integer of 309 digits or more (9999…, 0xffff…, 1_000_…)
                problems.append(FieldProblem(field, f"'{field}' is a number {len(node.value):,} characters long, too "
                                                    "large to be read", self.loc(node, path)))
                return None, node.value
        parsed = parse_number(str(value))
        if parsed is None and not (field in ("baseline", "target") and is_placeholder_letter(value)):
            problems.append(FieldProblem(field, f"'{field}' is {clipped(str(value), 120)!r}, not a number", self.loc(node, path)))
        return parsed, str(value)

    def goal(self, node: yaml.Node, field: str, problems: list[FieldProblem], path: str, fields: dict[str, Any]):
        """A baseline or target: a number, or a goal written as text (">= 99.95%", "ไม่น้อยกว่าร้อยละ 80",
        "from 65% to 90%", which also gives the baseline), as in spreadsheet cells."""
        value, text = self.number(node, field, [], path)
        if value is None and text is not None and is_no_value(text):
            return None, None  # "-", "N/A": no value given, as an empty field
        if value is None and text is not None and not isinstance(scalar_value(node), (bool, numbers.Real)):
            value, implied_baseline = read_goal_field(field, text)
            if implied_baseline is not None and "baseline" not in fields:
                fields["baseline"], fields["baseline_text"] = implied_baseline, text
        if value is None and text is not None:
            self.number(node, field, problems, path)  # the problem, as a plain number field reports it
        return value, text

    def extra(self, key: str, key_node: yaml.Node, value_node: yaml.Node, known: tuple[str, ...], path: str) -> ExtraField:
        meant = _OTHER_NAMES.get(key.lower())
        close = [meant] if meant in known else difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        try:
            value = plain_value(value_node, self.budget)
        except LoadError as exc:
            if self.budget.left < 0:
                raise  # the whole document is over its budget: reported once, for the document
            self.errors.append(InputError(exc.message, Location(self.filename, exc.line, exc.column, path)))
            value = None
        return ExtraField(key, value, self.loc(key_node, path), close[0] if close else None)

    # --- the document --------------------------------------------------------------------------
    def read_set(self, root: yaml.Node, index: int, default_team: str) -> OKRSet | None:
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            self.error(root, f"an OKR file must be a mapping with 'team' and 'objectives', not {kind}")
            return None
        fields: dict[str, Any] = {}
        field_locations: dict[str, Location] = {}
        extras: list[ExtraField] = []
        problems: list[FieldProblem] = []
        objectives: tuple[Objective, ...] = ()
        extra_nodes: list[yaml.Node] = []
        for key, key_node, value_node in self.mapping_items(root, ""):
            field_locations[key] = self.loc(value_node, key)
            if key == "objectives":
                team = fields.get("team")  # read already when 'team' comes first; else fixed after the loop
                objectives = self.read_objectives(value_node, team.strip() if team else default_team)
            elif key == "team":
                fields["team"] = self.text(value_node, key)
            elif key == "period":
                value = plain_value(value_node, self.budget) if isinstance(value_node, yaml.ScalarNode) else None
                if value is None and not isinstance(value_node, yaml.ScalarNode):
                    self.error(value_node, "'period' must be text such as 2026-Q1, FY2570 or 2026-01-01..2026-03-31")
                elif value is not None:
                    fields["period"] = parse_period(
                        value, fiscal_year_start_month=int(self.options.get("fiscal-year-start-month", 10))
                    )
            elif key in SET_KEYS:
                fields[key] = self.text(value_node, key)
            else:
                extras.append(self.extra(key, key_node, value_node, SET_KEYS, key))
                extra_nodes.append(value_node)
        if self.merged_sources:  # 'defaults: &kr {...}' merged into key results ('<<: *kr'): a place for it, read there
            extras = [e for e, n in zip(extras, extra_nodes) if id(n) not in self.merged_sources]
        team = (fields.get("team") or "").strip()
        if not team and not _given_unreadable(root, "team"):  # a 'team' of the wrong type is an input error already
            problems.append(FieldProblem("team", "the set has no 'team'; the file name is used instead", self.loc(root)))
            team = default_team
        elif objectives and team != default_team:
            objectives = tuple(_rename_team(o, default_team, team) for o in objectives)
        return OKRSet(
            team=team,
            file=self.filename,
            location=self.loc(root),
            objectives=objectives,
            level=(fields.get("level") or "team").strip().lower(),
            period=fields.get("period"),
            owner=fields.get("owner"),
            language=(fields.get("language") or "").strip().lower() or None,
            source_format="yaml",
            extras=tuple(extras),
            problems=tuple(problems),
            field_locations=field_locations,
        )

    def read_objectives(self, node: yaml.Node, team: str) -> tuple[Objective, ...]:
        if isinstance(node, yaml.ScalarNode) and scalar_value(node) is None:
            return ()
        if isinstance(node, yaml.MappingNode):
            return self._objectives_from_mapping(node, team)
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "'objectives' must be a list of objectives")
            return ()
        objectives = []
        for index, item in enumerate(node.value):
            objective = self.read_objective(item, index, team)
            if objective is not None:
                objectives.append(objective)
        return tuple(objectives)

    def _objectives_from_mapping(self, node: yaml.MappingNode, team: str) -> tuple[Objective, ...]:
        return self._entries_from_mapping(
            node, "objectives", "objective", lambda item, index, key: self.read_objective(item, index, team, key))

    def _entries_from_mapping(self, node: yaml.MappingNode, field: str, noun: str, read) -> tuple:
        """'objectives:' or 'key_results:' written as a mapping, a common slip: one entry's fields without the '- ',
        or the entries keyed by their ids. Reported (the file is not as the format says), then read as meant:
        ``read(item, index, id or None)``."""
        keyed = _keyed_entries(node)
        if keyed is None:
            self.error(node, f"'{field}' must be a list of {noun}s: put '- ' before the {noun}'s first key "
                             f"('- title: …'); read as one {noun}")
            entry = read(node, 0, None)
            return (entry,) if entry is not None else ()
        if not keyed:
            self.error(node, f"'{field}' must be a list of {noun}s")
            return ()
        article = "an" if noun[0] in "aeiou" else "a"
        self.error(node, f"'{field}' must be a list, not a mapping of ids: write each {noun} as "
                         f"'- id: {keyed[0][0]}' with its fields below; each entry is read as {article} {noun} with that id")
        entries = (read(item, index, key) for index, (key, item) in enumerate(keyed))
        return tuple(entry for entry in entries if entry is not None)

    def read_objective(self, node: yaml.Node, index: int, team: str, default_id: str | None = None) -> Objective | None:
        self.budget.spend(node)
        path = f"objectives[{index}]"
        uid = default_id or f"{team}/o{index + 1}"
        if isinstance(node, yaml.ScalarNode):
            title = self.text(node, "objective")
            return Objective(uid=uid, id=default_id, title=title or "", location=self.loc(node, path))
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "an objective must be a mapping with a 'title' (or a plain string)")
            return None
        fields: dict[str, Any] = {}
        field_locations: dict[str, Location] = {}
        extras: list[ExtraField] = []
        key_results: tuple[KeyResult, ...] = ()
        kr_node = None
        for key, key_node, value_node in self.mapping_items(node, path):
            field_locations[key] = self.loc(value_node, f"{path}.{key}")
            if key == "key_results":
                kr_node = value_node
            elif key == "aligns_to":
                fields[key] = self.text_list(value_node, key, field_locations, f"{path}.{key}")
            elif key in OBJECTIVE_KEYS:
                fields[key] = self.text(value_node, key)
            else:
                extras.append(self.extra(key, key_node, value_node, OBJECTIVE_KEYS, f"{path}.{key}"))
        if not fields.get("id") and default_id:
            fields["id"] = default_id
        if fields.get("id"):
            uid = str(fields["id"])
        if kr_node is not None:
            key_results = self.read_key_results(kr_node, path, uid)
        return Objective(
            uid=uid,
            id=fields.get("id"),
            title=(fields.get("title") or "").strip(),
            location=self.loc(node, path),
            description=fields.get("description"),
            owner=fields.get("owner"),
            type=(fields.get("type") or "").strip().lower() or None,
            aligns_to=fields.get("aligns_to", ()),
            key_results=key_results,
            extras=tuple(extras),
            field_locations=field_locations,
        )

    def read_key_results(self, node: yaml.Node, objective_path: str, objective_uid: str) -> tuple[KeyResult, ...]:
        if isinstance(node, yaml.ScalarNode) and scalar_value(node) is None:
            return ()
        if isinstance(node, yaml.MappingNode):
            return self._key_results_from_mapping(node, objective_path, objective_uid)
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "'key_results' must be a list of key results")
            if isinstance(node, yaml.ScalarNode):  # "key_results: Cut response time …": reported, then read as one
                kr = self.read_key_result(node, f"{objective_path}.key_results[0]", f"{objective_uid}/kr1")
                return (kr,) if kr is not None and kr.title else ()
            return ()
        results = []
        for index, item in enumerate(node.value):
            kr = self.read_key_result(item, f"{objective_path}.key_results[{index}]", f"{objective_uid}/kr{index + 1}")
            if kr is not None:
                results.append(kr)
        return tuple(results)

    def _key_results_from_mapping(self, node: yaml.MappingNode, objective_path: str,
                                  objective_uid: str) -> tuple[KeyResult, ...]:
        def read(item, index, key):
            path = f"{objective_path}.key_results[{index}]"
            return self.read_key_result(item, path, key or f"{objective_uid}/kr{index + 1}", default_id=key)

        return self._entries_from_mapping(node, "key_results", "key result", read)

    def read_key_result(self, node: yaml.Node, path: str, uid: str, default_id: str | None = None) -> KeyResult | None:
        self.budget.spend(node)
        if isinstance(node, yaml.ScalarNode):
            return KeyResult(uid=uid, id=default_id, title=(self.text(node, "key result") or "").strip(),
                             location=self.loc(node, path))
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "a key result must be a mapping with a 'title', or a plain string")
            return None
        fields: dict[str, Any] = {}
        field_locations: dict[str, Location] = {}
        extras: list[ExtraField] = []
        problems: list[FieldProblem] = []
        for key, key_node, value_node in self.mapping_items(node, path):
            where = f"{path}.{key}"
            field_locations[key] = self.loc(value_node, where)
            if key in ("baseline", "target"):
                fields[key], fields[f"{key}_text"] = self.goal(value_node, key, problems, where, fields)
            elif key in ("score", "confidence"):
                fields[key], _ = self.number(value_node, key, problems, where)
            elif key == "depends_on":
                fields[key] = self.text_list(value_node, key, field_locations, where)
            elif key == "due":
                value = scalar_value(value_node) if isinstance(value_node, yaml.ScalarNode) else None
                if not isinstance(value_node, yaml.ScalarNode):
                    self.error(value_node, "'due' must be a date such as 2026-03-31")
                elif value is not None:
                    fields["due"] = parse_date(value)
                    fields["due_text"] = str(value_node.value)
                    if fields["due"] is None:
                        problems.append(FieldProblem("due", f"'due' is {clipped(value_node.value, 120)!r}, not a date", self.loc(value_node, where)))
            elif key in KEY_RESULT_KEYS:
                fields[key] = self.text(value_node, key)
            else:
                extras.append(self.extra(key, key_node, value_node, KEY_RESULT_KEYS, where))
        if not fields.get("id") and default_id:
            fields["id"] = default_id
        if fields.get("id"):
            uid = str(fields["id"])
        return KeyResult(
            uid=uid,
            id=fields.get("id"),
            title=(fields.get("title") or "").strip(),
            location=self.loc(node, path),
            **key_result_values(fields),
            extras=tuple(extras),
            problems=tuple(problems),
            field_locations=field_locations,
        )


# Fields whose text is words: a list given there is read back as the text it was meant to be
_WORDED_FIELDS = frozenset({"title", "description", "objective", "key result"})


def _given_unreadable(root: yaml.MappingNode, key: str) -> bool:
    """Whether ``key`` is written in the mapping with a list or mapping as its value (an input error)."""
    return any(isinstance(k, yaml.ScalarNode) and k.value == key and not isinstance(v, yaml.ScalarNode)
               for k, v in merged_pairs(root, lambda node: None))


def _rename_team(objective: Objective, old: str, new: str) -> Objective:
    """Generated uids are made before 'team' may be read (key order); fix their prefix."""
    import attrs

    prefix = f"{old}/"

    def fix(uid: str) -> str:
        return new + "/" + uid[len(prefix):] if uid.startswith(prefix) else uid

    krs = tuple(attrs.evolve(kr, uid=fix(kr.uid)) for kr in objective.key_results)
    return attrs.evolve(objective, uid=fix(objective.uid), key_results=krs)


def load_yaml_file(filename: str, data: bytes, options: Mapping[str, Any]) -> LoadResult:
    conflicts: tuple[InputError, ...] = ()
    try:
        text = decode_text(data)
        if not text.strip():
            raise LoadError("empty file: no OKR set in it")
        if "<<<<<<<" in text:  # the module is only imported for a file that may hold a merge conflict
            from okrlint.load.conflicts import resolve_conflicts

            text, conflicts = resolve_conflicts(text, filename)
        try:
            documents, broken = compose_documents(text), ()
        except LoadError:
            documents, broken = _documents_one_by_one(text, filename)
            if not documents:
                raise
        if not documents:
            raise LoadError("empty file: no OKR set in it")
    except LoadError as exc:
        return LoadResult(errors=conflicts + (InputError(exc.message, Location(filename, exc.line, exc.column)),))
    reader = _Reader(filename, options)
    reader.merges = "<<" in text
    reader.errors.extend(conflicts + broken)
    sets = []
    for index, root in enumerate(documents):
        try:
            okr_set = reader.read_set(root, index, _default_team(filename))
        except LoadError as exc:
            reader.errors.append(InputError(exc.message, Location(filename, exc.line, exc.column)))
            continue
        except RecursionError:
            reader.errors.append(InputError("YAML nesting is too deep", Location(filename)))
            continue
        if okr_set is not None:
            sets.append(okr_set)
    return LoadResult(sets=tuple(sets), errors=tuple(reader.errors))


_DOCUMENT_START = regexcache.compile(r"^---(?=[ \t]|$)", re.MULTILINE)


def _documents_one_by_one(text: str, filename: str) -> tuple[list[yaml.Node], tuple[InputError, ...]]:
    """A file of several YAML documents ('---') one of which cannot be parsed: the others are still read (each is
    a set of its own), and the broken one is reported. Each document is parsed with the lines before it left
    blank, so positions stay those of the file."""
    starts = [match.start() for match in _DOCUMENT_START.finditer(text)]
    if not starts:
        return [], ()
    bounds = ([0] if text[: starts[0]].strip() else []) + starts
    documents: list[yaml.Node] = []
    errors: list[InputError] = []
    for begin, end in zip(bounds, bounds[1:] + [len(text)]):
        try:
            documents.extend(compose_documents("\n" * text.count("\n", 0, begin) + text[begin:end]))
        except LoadError as exc:
            errors.append(InputError(exc.message, Location(filename, exc.line, exc.column)))
    return documents, tuple(errors)


def _default_team(filename: str) -> str:
    from pathlib import Path

    name = Path(filename).name
    for suffix in (".okr.yaml", ".okr.yml", ".yaml", ".yml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _keyed_entries(node: yaml.MappingNode) -> list[tuple[str, yaml.Node]] | None:
    """A mapping written where a list belongs, as (id, entry) pairs when it keys entries by their ids
    ('o1: {title: …}', 'kr1: Cut churn …'); None when its keys are an entry's own fields ('title:', 'key_results:')."""
    pairs = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            return []
        key = _as_written_by_spec(str(key_node.value))
        if key in _ALL_KEYS:
            return None
        if not isinstance(value_node, (yaml.MappingNode, yaml.ScalarNode)):
            return []
        pairs.append((" ".join(str(key_node.value).split()), value_node))  # an id is one line, as its message is
    return pairs
