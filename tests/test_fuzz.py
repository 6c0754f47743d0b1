"""Property-based tests: for any input, okrlint neither crashes nor points outside the file (issue 7, point 4).

Kept small so the suite stays fast; ``benchmarks/fuzz.py`` runs the same properties with many more inputs.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_support import (Checker, deck_documents, inputs, markdown_drafts, odt_documents, okr_texts, table_documents,
                          web_pages,
                          yaml_documents)
from okrlint import __version__
from okrlint.report import ReportContext
from okrlint.report.builtin import render_json
from okrlint.text.numbers import read_change, read_numbers
from okrlint.text.periods import parse_date, parse_period

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def checker():
    return Checker()


@FAST
@given(document=inputs)
def test_any_file_of_any_format(checker, document):
    checker.check(*document)


@FAST
@given(data=yaml_documents())
def test_yaml_documents_with_random_types_in_every_field(checker, data):
    checker.check("fuzz.okr.yaml", data)


@FAST
@given(data=markdown_drafts())
def test_markdown_drafts(checker, data):
    checker.check("fuzz.okr.md", data)


@FAST
@given(data=table_documents())
def test_csv_tables(checker, data):
    checker.check("fuzz.okr.csv", data)


@FAST
@given(data=deck_documents())
def test_powerpoint_decks(checker, data):
    checker.check("fuzz.okr.pptx", data)


@FAST
@given(data=odt_documents())
def test_opendocument_texts(checker, data):
    checker.check("fuzz.okr.odt", data)


@FAST
@given(data=web_pages())
def test_web_pages(checker, data):
    checker.check("fuzz.okr.html", data)


@FAST
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.okr.yaml", "x.okr.md", "x.okr.csv", "x.okr.xlsx", "x.okr.docx",
                                                            "x.okr.pdf", "x.okr.pptx", "x.okr.odt", "x.okr.html"]))
def test_random_bytes(checker, data, name):
    checker.check(name, data)


@st.composite
def well_formed_sets(draw):
    """Valid structure, random words: what the rules see in real use."""
    objectives = []
    for o in range(draw(st.integers(1, 3))):
        krs = [draw(okr_texts()) for _ in range(draw(st.integers(0, 6)))]
        objectives.append({"id": f"o{o}", "title": draw(okr_texts()), "key_results": krs,
                           "aligns_to": draw(st.lists(st.sampled_from(["co/o0", "o0", "o1", "x"]), max_size=2))})
    return {"team": draw(st.sampled_from(["co", "sales", "ทีมขาย"])), "level": draw(st.sampled_from(["company", "team"])),
            "period": draw(st.sampled_from(["2026-Q1", "FY2570", "ไตรมาส 1/2569", "2026", "someday"])),
            "objectives": objectives}


@FAST
@given(okr_set=well_formed_sets())
def test_rules_on_random_thai_and_english_text(checker, okr_set):
    data = yaml.safe_dump(okr_set, allow_unicode=True).encode()
    result = checker.check("fuzz.okr.yaml", data)
    report = json.loads(render_json(ReportContext(result=result, version=__version__)))
    for row in report["objects"]:
        tags = set(row["tags"])
        assert len(tags & {"customer", "internal"}) == 1, row
        if row["kind"] == "key_result":
            assert len(tags & {"outcome", "activity"}) == 1, row


@settings(max_examples=200, deadline=None)
@given(text=okr_texts(30))
def test_text_layer_on_random_text(checker, text):
    facts = checker.engine.analyser.analyse(text)
    assert facts.language in ("th", "en")
    read_change(text, read_numbers(text))
    parse_period(text)
    parse_date(text)
