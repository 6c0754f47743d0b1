"""The labelled accuracy corpus: reading and validating corpus_*.yaml files.

A corpus file is a list of objectives, each with the rules expected to fire on it, its tags, and its
key results (each with its own expected rules and tags). See README.md for the labelling conventions.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import yaml

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "dev2", "dev3", "holdout")
LANGUAGES = ("th", "en")

KR_RULES = frozenset({
    "kr-not-measurable", "kr-missing-baseline", "kr-placeholder", "kr-direction-mismatch",
    "kr-is-activity", "kr-is-binary", "vague-language",
})
OBJECTIVE_RULES = frozenset({"vague-language", "objective-has-metric", "objective-is-task"})
SCORED_RULES = tuple(sorted(KR_RULES | OBJECTIVE_RULES))

AUDIENCE_TAGS = frozenset({"customer", "internal"})
LIFECYCLE_TAGS = frozenset({"selection", "acquisition", "retention", "growth"})
NATURE_TAGS = frozenset({"outcome", "activity"})


class CorpusError(Exception):
    """A malformed corpus file; the message names the file and line."""


@attrs.frozen
class LabelledObject:
    """An objective or key result with what a coach expects okrlint to say about it."""

    uid: str  # the uid okrlint generates for it: "<item id>/o1" or "<item id>/o1/kr<N>"
    kind: str  # "objective" | "key_result"
    text: str
    expect: frozenset[str]
    tags: frozenset[str]
    line: int


@attrs.frozen
class CorpusItem:
    """One objective with its key results, linted as an OKR set of its own (team = id)."""

    id: str
    split: str
    lang: str
    function: str
    objective: LabelledObject
    key_results: tuple[LabelledObject, ...]
    file: str
    line: int

    def objects(self) -> tuple[LabelledObject, ...]:
        return (self.objective, *self.key_results)


class _LineLoader(yaml.SafeLoader):
    """Keeps each mapping's 1-based line under the key ``__line__`` for error messages."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def corpus_path(split: str) -> Path:
    return HERE / f"corpus_{split}.yaml"


def load_split(split: str, path: Path | None = None) -> list[CorpusItem]:
    path = path or corpus_path(split)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise CorpusError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, list):
        raise CorpusError(f"{path}:1: a corpus file is a list of objectives")
    return [_item(entry, split, path) for entry in data]


def load_corpus(splits: tuple[str, ...] = SPLITS) -> list[CorpusItem]:
    """Every item of the given splits; ids must be unique across all of them."""
    items = [item for split in splits for item in load_split(split)]
    seen: dict[str, CorpusItem] = {}
    for item in items:
        if item.id in seen:
            first = seen[item.id]
            raise CorpusError(f"{item.file}:{item.line}: id {item.id!r} already used at {first.file}:{first.line}")
        seen[item.id] = item
    return items


def _item(entry, split: str, path: Path) -> CorpusItem:
    if not isinstance(entry, dict):
        raise CorpusError(f"{path}: every list entry must be a mapping (an objective)")
    line = entry["__line__"]
    where = f"{path}:{line}"
    _require_keys(entry, {"id", "lang", "function", "title", "expect", "tags", "key_results"}, where)
    item_id = _string(entry, "id", where)
    lang = _string(entry, "lang", where)
    if lang not in LANGUAGES:
        raise CorpusError(f"{where}: lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    uid = f"{item_id}/o1"
    objective = LabelledObject(
        uid=uid,
        kind="objective",
        text=_string(entry, "title", where),
        expect=_rules(entry, OBJECTIVE_RULES, where),
        tags=_tags(entry, "objective", where),
        line=line,
    )
    krs = entry["key_results"]
    if not isinstance(krs, list) or not krs:
        raise CorpusError(f"{where}: key_results must be a non-empty list")
    key_results = []
    for number, kr in enumerate(krs, start=1):
        if not isinstance(kr, dict):
            raise CorpusError(f"{where}: key result {number} must be a mapping with text, expect and tags")
        kr_where = f"{path}:{kr['__line__']}"
        _require_keys(kr, {"text", "expect", "tags"}, kr_where)
        key_results.append(LabelledObject(
            uid=f"{uid}/kr{number}",
            kind="key_result",
            text=_string(kr, "text", kr_where),
            expect=_rules(kr, KR_RULES, kr_where),
            tags=_tags(kr, "key_result", kr_where),
            line=kr["__line__"],
        ))
    return CorpusItem(
        id=item_id, split=split, lang=lang, function=_string(entry, "function", where),
        objective=objective, key_results=tuple(key_results), file=str(path), line=line,
    )


def _require_keys(mapping: dict, required: set[str], where: str) -> None:
    keys = set(mapping) - {"__line__"}
    missing = sorted(required - keys)
    if missing:
        raise CorpusError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(keys - required)
    if unknown:
        raise CorpusError(f"{where}: unknown key {', '.join(unknown)}")


def _string(mapping: dict, key: str, where: str) -> str:
    value = mapping[key]
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: {key} must be a non-empty string")
    return value


def _rules(mapping: dict, allowed: frozenset[str], where: str) -> frozenset[str]:
    value = mapping["expect"]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(f"{where}: expect must be a list of rule names")
    wrong = sorted(set(value) - allowed)
    if wrong:
        raise CorpusError(f"{where}: {', '.join(wrong)} cannot be expected here (allowed: {', '.join(sorted(allowed))})")
    if len(set(value)) != len(value):
        raise CorpusError(f"{where}: expect lists a rule twice")
    return frozenset(value)


def _tags(mapping: dict, kind: str, where: str) -> frozenset[str]:
    value = mapping["tags"]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(f"{where}: tags must be a list")
    tags = frozenset(value)
    known = AUDIENCE_TAGS | LIFECYCLE_TAGS | (NATURE_TAGS if kind == "key_result" else frozenset())
    wrong = sorted(tags - known)
    if wrong:
        raise CorpusError(f"{where}: unknown tag {', '.join(wrong)} for a {kind.replace('_', ' ')}")
    if len(tags & AUDIENCE_TAGS) != 1:
        raise CorpusError(f"{where}: tags need exactly one of customer, internal")
    if len(tags & LIFECYCLE_TAGS) > 1:
        raise CorpusError(f"{where}: tags name more than one lifecycle stage")
    if tags & LIFECYCLE_TAGS and "internal" in tags:
        raise CorpusError(f"{where}: a lifecycle stage is only for customer-facing items")
    if kind == "key_result" and len(tags & NATURE_TAGS) != 1:
        raise CorpusError(f"{where}: key result tags need exactly one of outcome, activity")
    return tags
