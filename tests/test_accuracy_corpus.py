"""The accuracy corpus is well-formed and its scorer runs (no accuracy thresholds are asserted here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ACCURACY_DIR = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy"
sys.path.insert(0, str(ACCURACY_DIR))

import corpus  # noqa: E402
import score  # noqa: E402

from okrlint.config import Config  # noqa: E402
from okrlint.engine import Engine  # noqa: E402

ITEMS = corpus.load_corpus()


def test_both_splits_and_languages_are_present_and_big_enough():
    krs = [kr for item in ITEMS for kr in item.key_results]
    assert len(ITEMS) >= 70 and len(krs) >= 200
    for split in corpus.SPLITS:
        for lang in corpus.LANGUAGES:
            assert any(i.split == split and i.lang == lang for i in ITEMS), (split, lang)


def test_ids_are_unique_and_usable_as_team_names():
    ids = [item.id for item in ITEMS]
    assert len(ids) == len(set(ids))
    assert all("/" not in i and i.strip() == i for i in ids)


def test_expected_rules_exist_in_okrlint():
    registered = {r.name for r in Engine(Config()).registry.rules}
    assert set(corpus.SCORED_RULES) <= registered


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.id)
def test_activity_tag_follows_the_activity_label(item):
    for kr in item.key_results:
        assert ("activity" in kr.tags) == ("kr-is-activity" in kr.expect), kr.text


@pytest.mark.parametrize(
    "text, message",
    [
        ("- 1\n", "must be a mapping"),
        ("{}\n", "is a list of objectives"),
        ("- id: x\n  lang: fr\n  function: f\n  title: t\n  expect: []\n  tags: [internal]\n  key_results: [{text: k, expect: [], tags: [internal, outcome]}]\n",
         "lang must be one of"),
        ("- id: x\n  lang: en\n  function: f\n  title: t\n  expect: [kr-placeholder]\n  tags: [internal]\n  key_results: [{text: k, expect: [], tags: [internal, outcome]}]\n",
         "cannot be expected here"),
        ("- id: x\n  lang: en\n  function: f\n  title: t\n  expect: []\n  tags: [internal]\n  key_results: [{text: k, expect: [], tags: [customer, internal, outcome]}]\n",
         "exactly one of customer, internal"),
        ("- id: x\n  lang: en\n  function: f\n  title: t\n  expect: []\n  tags: [internal]\n  key_results: [{text: k, expect: [], tags: [internal]}]\n",
         "exactly one of outcome, activity"),
        ("- id: x\n  lang: en\n  title: t\n  expect: []\n  tags: [internal]\n  key_results: []\n", "missing function"),
        ("- id: [unclosed\n", "not valid YAML"),
    ],
)
def test_malformed_corpus_files_give_one_line_errors_with_file_and_line(tmp_path, text, message):
    path = tmp_path / "corpus_bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(corpus.CorpusError) as info:
        corpus.load_split("dev", path)
    assert message in str(info.value)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("split", corpus.SPLITS)
def test_every_corpus_object_is_reported_under_the_uid_the_labels_use(split):
    observed, problems = score.observe([i for i in ITEMS if i.split == split])
    assert problems == []
    assert all(o.tags is not None for o in observed)


def test_score_runs_on_the_dev_split():
    result = CliRunner().invoke(score.main, ["--split", "dev", "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "kr-not-measurable" in result.output and "tag accuracy" in result.output
