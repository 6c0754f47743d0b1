"""Review 71, L1: a file named for the document it is ("Board paper 7.2 - Annual Plan and OKRs 2026-27 v4 FINAL.docx",
"Annual Plan 2026-27.md") names no team; the organisation the document's first line names does."""

from __future__ import annotations

import pytest

from okrlint.load.draft import _file_names_no_one, default_team, load_draft_file

BODY = """

Annual Plan 2026/27: Trust Objectives and Key Results

Objective 1: Patients are seen sooner and closer to home
- Reduce the median wait for physiotherapy from 14 weeks to 6 weeks
"""


@pytest.mark.parametrize("name", ["Board paper 7.2 - Annual Plan and OKRs 2026-27 v4 FINAL.docx",
                                  "Annual Plan 2026-27.md", "Agenda item 9 - OKRs 2027.docx",
                                  "Committee report - Annual Business Plan 2027 draft version.md"])
def test_a_file_named_for_its_document_names_no_one(name):
    assert _file_names_no_one(name)


@pytest.mark.parametrize(("name", "team"), [
    ("Board paper 4.1 - Estates OKRs 2026-27.docx", "Estates"),
    ("Estates Annual Plan 2026-27.md", "Estates"),
    ("Agenda item 9 - Finance Committee OKRs.docx", "Finance Committee"),
    ("RE Community Nursing OKRs 2026-27 - final version.txt", "Community Nursing"),
    ("Sales and OKRs 2027.md", "Sales"),
    ("Research and Development OKRs.md", "Research and Development"),
    ("Platform 2.0 OKRs.md", "Platform 2.0"),
])
def test_document_words_leave_the_team_of_a_file_name(name, team):
    assert default_team(name) == team


@pytest.mark.parametrize("name", ["Board paper 7.2 - Annual Plan and OKRs 2026-27 v4 FINAL.md", "Annual Plan 2026-27.md"])
def test_the_organisation_on_the_first_line_names_a_document_named_only_for_its_kind(name):
    text = "Severnmoor Community Health NHS Trust" + BODY
    (okr_set,) = load_draft_file(name, text.encode("utf-8"), {}).sets
    assert okr_set.team == "Severnmoor Community Health NHS Trust"


def test_a_file_that_names_its_team_keeps_it_and_a_title_that_is_no_name_is_not_taken():
    text = "Severnmoor Community Health NHS Trust" + BODY
    (okr_set,) = load_draft_file("Estates Annual Plan 2026-27.md", text.encode("utf-8"), {}).sets
    assert okr_set.team == "Estates"
    text = "Annual Plan 2026/27 for the board" + BODY
    (okr_set,) = load_draft_file("Annual Plan 2026-27.md", text.encode("utf-8"), {}).sets
    assert okr_set.team == "Annual Plan 2026-27"  # the file's name as written, not "Annual"
