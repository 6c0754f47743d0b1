"""Precision and recall of okrlint's text rules and tags against the labelled accuracy corpus.

    PYTHONPATH=src python benchmarks/accuracy/score.py [--split dev|dev2|holdout|all] [--lang th|en] [--show-errors]

Every corpus objective is linted as an OKR set of its own (team = the item id), so its objects get the
generated uids ``<id>/o1`` and ``<id>/o1/kr<N>`` that the corpus labels refer to. This is a report:
it always exits 0 unless the corpus itself is malformed (exit 2).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import attrs
import click
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
try:
    import okrlint  # noqa: F401
except ImportError:  # run from a checkout without PYTHONPATH=src
    sys.path.insert(0, str(HERE.parents[1] / "src"))

from corpus import (  # noqa: E402
    AUDIENCE_TAGS, LANGUAGES, LIFECYCLE_TAGS, NATURE_TAGS, SCORED_RULES, SPLITS, CorpusError, CorpusItem,
    LabelledObject, load_corpus,
)
from okrlint.config import Config  # noqa: E402
from okrlint.engine import Engine  # noqa: E402
from okrlint.report.objects import object_rows  # noqa: E402

TAG_FAMILIES = (("customer/internal", AUDIENCE_TAGS), ("lifecycle", LIFECYCLE_TAGS), ("outcome/activity", NATURE_TAGS))


@attrs.frozen
class Observed:
    """What okrlint said about one labelled object."""

    item: CorpusItem
    labelled: LabelledObject
    fired: frozenset[str]  # scored rule names that fired on it
    tags: frozenset[str] | None  # None: okrlint reported no such object


@attrs.define
class RuleCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def corpus_documents(items: Iterable[CorpusItem]) -> list[tuple[str, str]]:
    """One OKR set file per corpus item; no ids, so okrlint generates the uids the labels use."""
    documents = []
    for item in items:
        okr_set = {
            "team": item.id,
            "objectives": [{"title": item.objective.text, "key_results": [kr.text for kr in item.key_results]}],
        }
        documents.append((f"{item.id}.okr.yaml", yaml.safe_dump(okr_set, allow_unicode=True, sort_keys=False)))
    return documents


def observe(items: list[CorpusItem], engine: Engine | None = None) -> tuple[list[Observed], list[str]]:
    """Lint every item in one run; returns the observations and any input problems okrlint reported."""
    engine = engine or Engine(Config())
    sources = [engine.source_from_bytes(name, text.encode("utf-8")) for name, text in corpus_documents(items)]
    result = engine.run(sources=sources)
    problems = [str(error) for error in result.errors]
    fired: dict[str, set[str]] = {}
    for finding in result.findings:
        if finding.name in SCORED_RULES:
            fired.setdefault(finding.object_id, set()).add(finding.name)
        elif finding.name == "internal-error":
            problems.append(finding.message)
    tags = {row["id"]: frozenset(row["tags"]) for row in object_rows(result)}
    observed = [
        Observed(item, obj, frozenset(fired.get(obj.uid, ())), tags.get(obj.uid))
        for item in items for obj in item.objects()
    ]
    missing = [o.labelled.uid for o in observed if o.tags is None]
    if missing:
        problems.append(f"okrlint reported no object for {len(missing)} corpus objects, e.g. {missing[0]}")
    return observed, problems


def rule_counts(observed: Iterable[Observed]) -> dict[str, RuleCounts]:
    counts = {rule: RuleCounts() for rule in SCORED_RULES}
    for obs in observed:
        for rule in obs.fired | obs.labelled.expect:
            c = counts[rule]
            if rule in obs.fired and rule in obs.labelled.expect:
                c.tp += 1
            elif rule in obs.fired:
                c.fp += 1
            else:
                c.fn += 1
    return counts


def tag_family_accuracy(observed: Iterable[Observed]) -> dict[str, tuple[int, int]]:
    """(correct, total) per tag family; an object counts when okrlint's tags of that family equal the label's."""
    scores = {}
    for family, vocabulary in TAG_FAMILIES:
        correct = total = 0
        for obs in observed:
            if family == "outcome/activity" and obs.labelled.kind != "key_result":
                continue
            total += 1
            if obs.tags is not None and obs.tags & vocabulary == obs.labelled.tags & vocabulary:
                correct += 1
        scores[family] = (correct, total)
    return scores


def tag_counts(observed: Iterable[Observed]) -> dict[str, RuleCounts]:
    """TP/FP/FN per individual tag, to see which one drags a family down."""
    counts: dict[str, RuleCounts] = {}
    for obs in observed:
        actual = obs.tags or frozenset()
        for tag in sorted(actual | obs.labelled.tags):
            if tag not in AUDIENCE_TAGS | LIFECYCLE_TAGS | NATURE_TAGS:
                continue  # other tags (e.g. "measurable") are not labelled
            c = counts.setdefault(tag, RuleCounts())
            if tag in actual and tag in obs.labelled.tags:
                c.tp += 1
            elif tag in actual:
                c.fp += 1
            else:
                c.fn += 1
    return counts


# --- printing -------------------------------------------------------------------------------------

def _ratio(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def format_rule_table(counts: dict[str, RuleCounts]) -> list[str]:
    lines = [f"  {'rule':24} {'TP':>4} {'FP':>4} {'FN':>4}  {'prec':>4}  {'rec':>4}"]
    total = RuleCounts()
    for rule, c in counts.items():
        lines.append(f"  {rule:24} {c.tp:4} {c.fp:4} {c.fn:4}  {_ratio(c.precision)}  {_ratio(c.recall)}")
        total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
    lines.append(f"  {'(micro total)':24} {total.tp:4} {total.fp:4} {total.fn:4}  {_ratio(total.precision)}  {_ratio(total.recall)}")
    return lines


def format_tags(observed: list[Observed]) -> list[str]:
    lines = ["  tag accuracy:"]
    for family, (correct, total) in tag_family_accuracy(observed).items():
        share = f"{correct / total:4.2f}" if total else "   -"
        lines.append(f"    {family:18} {share}  ({correct}/{total})")
    per_tag = tag_counts(observed)
    cells = [f"{tag} P{_ratio(c.precision).strip()} R{_ratio(c.recall).strip()}" for tag, c in sorted(per_tag.items())]
    lines.append("    per tag: " + ", ".join(cells))
    return lines


def format_section(title: str, observed: list[Observed]) -> list[str]:
    items = {o.item.id for o in observed}
    krs = sum(1 for o in observed if o.labelled.kind == "key_result")
    header = f"== {title}: {len(items)} objectives, {krs} key results"
    return [header, *format_rule_table(rule_counts(observed)), *format_tags(observed), ""]


def format_errors(observed: list[Observed]) -> list[str]:
    lines = ["== errors (FP: fired but not expected; FN: expected but did not fire)"]
    for obs in observed:
        fp = sorted(obs.fired - obs.labelled.expect)
        fn = sorted(obs.labelled.expect - obs.fired)
        tag_problem = obs.tags is None or any(
            obs.tags & vocab != obs.labelled.tags & vocab
            for family, vocab in TAG_FAMILIES
            if family != "outcome/activity" or obs.labelled.kind == "key_result"
        )
        if not (fp or fn or tag_problem):
            continue
        lines.append(f"[{obs.item.split}/{obs.item.lang}] {obs.labelled.uid}  {obs.labelled.text}")
        for rule in fp:
            lines.append(f"    FP {rule}")
        for rule in fn:
            lines.append(f"    FN {rule}")
        if tag_problem:
            actual = ", ".join(sorted(obs.tags or ())) if obs.tags is not None else "(no object)"
            lines.append(f"    tags: got [{actual}], expected [{', '.join(sorted(obs.labelled.tags))}]")
    return lines


def report(observed: list[Observed], splits: tuple[str, ...], langs: tuple[str, ...], show_errors: bool) -> list[str]:
    lines: list[str] = []
    for split in splits:
        in_split = [o for o in observed if o.item.split == split]
        if len(langs) > 1:
            lines += format_section(f"{split} (th+en)", in_split)
        for lang in langs:
            lines += format_section(f"{split} / {lang}", [o for o in in_split if o.item.lang == lang])
    if len(splits) > 1:
        lines += format_section("all splits (" + "+".join(langs) + ")", observed)
    if show_errors:
        lines += format_errors(observed)
    return lines


@click.command()
@click.option("--split", "split", type=click.Choice([*SPLITS, "all"]), default="dev", show_default=True)
@click.option("--lang", "lang", type=click.Choice(list(LANGUAGES)), default=None, help="Only one language.")
@click.option("--show-errors", is_flag=True, help="List every false positive and false negative with its text.")
def main(split: str, lang: str | None, show_errors: bool) -> None:
    splits = SPLITS if split == "all" else (split,)
    langs = (lang,) if lang else LANGUAGES
    try:
        items = [i for i in load_corpus() if i.split in splits and i.lang in langs]
    except CorpusError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    observed, problems = observe(items)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo("\n".join(report(observed, splits, langs, show_errors)))


if __name__ == "__main__":
    main()
