"""Review 73 (H1, H2, M7): a line under an objective saying what it supports, without a colon ("Supports company
objective 1", "- Supports CO1", "→ CO1", a deck's bullet over its key results), is the objective's alignment in
Markdown, Word and PowerPoint, never an objective or a key result; an ellipsis closing a bracketed list of examples
("(US, Canada, ...)") is no unfilled placeholder, in a draft or in YAML."""

from __future__ import annotations

import io

import docx
import pytest

from okrlint.load.docx import load_docx
from okrlint.load.draft import load_draft_file
from okrlint.load.draft_labels import OBJECTIVE, match_label
from okrlint.load.slides import load_pptx
from okrlint.testing import lint_documents
from okrlint.text.facts import find_placeholders
from test_slides_and_odt import _shape, pptx  # decks built as XML: python-pptx is no dependency of the project

KRS = ["Grow new mid-size carrier logos from 38 to 60", "Cut the average sales cycle from 94 days to 70 days"]
TITLE = "Win the mid-size carrier market"

COMPANY = """\
team: Corvane
level: company
period: H1 2027
objectives:
  - id: CO1
    title: Mid-size carriers choose Corvane over their legacy TMS
    key_results:
      - Raise competitive win rate against legacy vendors from 22% to 30%
  - id: CO2
    title: Shippers already on Corvane buy more of the platform
    key_results:
      - Grow expansion revenue from $2.1M to $3.4M
"""


def _objectives(result):
    assert not result.errors, result.errors
    return [(o.title, list(o.aligns_to), [k.title for k in o.key_results]) for s in result.sets for o in s.objectives]


def _markdown(line: str, *, bullet: bool) -> list:
    text = (f"# Sales OKRs H1 2027\n\n## Objective 1 — {TITLE}\n{'- ' if bullet else ''}{line}\n"
            + "".join(f"- {kr}\n" for kr in KRS))
    return _objectives(load_draft_file("sales.okr.md", text.encode(), {}))


def _word(line: str, *, bullet: bool) -> list:
    document = docx.Document()
    document.add_heading("Sales OKRs H1 2027", 1)
    document.add_heading(f"Objective 1 — {TITLE}", 2)
    document.add_paragraph(line, style="List Bullet" if bullet else None)
    for kr in KRS:
        document.add_paragraph(kr, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return _objectives(load_docx("sales.docx", buffer.getvalue(), {}))


def _slide(title: str, first: str, kr_level: int, krs=KRS) -> tuple[str, ...]:
    # a Title and Content slide: every body line is bulleted
    return (_shape("title", [title]), _shape(None, [(first, 0, "char"), *((kr, kr_level, "char") for kr in krs)]))


def _deck_bytes(title: str, first: str, kr_level: int, krs=KRS) -> bytes:
    return pptx([_slide(title, first, kr_level, krs)])


def _deck(line: str, *, kr_level: int) -> list:
    data = _deck_bytes(f"Objective 1 — {TITLE}", line, kr_level)
    return _objectives(load_pptx("gtm.pptx", data, {}))


ALIGNMENT_LINES = [
    ("Supports company objective 1", "company objective 1"),
    ("Supports CO1", "CO1"),
    ("→ CO1", "CO1"),
    ("-> CO1", "CO1"),
    ("Contributes to CO1", "CO1"),
    ("Aligned to CO2", "CO2"),
    ("In support of CO1", "CO1"),
    ("Ladders up to company objective 2", "company objective 2"),
    ("This supports company objective 1.", "company objective 1"),
    ("สอดคล้องกับ CO1", "CO1"),
    ("สนับสนุนวัตถุประสงค์ที่ 2 ขององค์กร", "วัตถุประสงค์ที่ 2 ขององค์กร"),
]


@pytest.mark.parametrize(("line", "reference"), ALIGNMENT_LINES)
@pytest.mark.parametrize("read", [
    lambda line: _markdown(line, bullet=False), lambda line: _markdown(line, bullet=True),
    lambda line: _word(line, bullet=False), lambda line: _word(line, bullet=True),
    lambda line: _deck(line, kr_level=1), lambda line: _deck(line, kr_level=0),
], ids=["markdown", "markdown-bullet", "word", "word-bullet", "deck-nested", "deck-flat"])
def test_an_alignment_line_without_a_colon_is_the_objectives_alignment(read, line, reference):
    assert read(line) == [(TITLE, [reference], KRS)]


def test_supports_company_objective_is_no_objective_label_but_a_team_qualifier_still_is():
    assert match_label("Supports company objective 1") is None
    assert match_label("Supporting Company O1") is None
    label = match_label("Support Objective 1: Carriers get answers within the hour")  # the Support team's
    assert label is not None and label.kind == OBJECTIVE and label.qualifier == "Support"


def test_alignment_lines_after_the_key_results_and_naming_several_objectives():
    text = (
        "# Sales OKRs H1 2027\n\n"
        "## Objective 1 — Win the market\nSupports CO1 and CO3\n- Grow new logos from 38 to 60\n\n"
        "## Objective 2 — Keep them\n- Cut churn from 8% to 5%\n- Raise NPS from 31 to 45\n- Supports company objective 2\n\n"
        # a figure besides the reference, or no reference: key results as before
        "## Objective 3 — Support carriers\n- Support 40 new carriers to go live by June\n"
        "- Support CO1 launches in 3 markets\n"
    )
    assert _objectives(load_draft_file("sales.okr.md", text.encode(), {})) == [
        ("Win the market", ["CO1", "CO3"], ["Grow new logos from 38 to 60"]),
        ("Keep them", ["company objective 2"], ["Cut churn from 8% to 5%", "Raise NPS from 31 to 45"]),
        ("Support carriers", [], ["Support 40 new carriers to go live by June", "Support CO1 launches in 3 markets"]),
    ]


def test_a_deck_slide_titled_by_a_topic_keeps_it_over_a_supports_bullet():
    data = _deck_bytes("Objective 3 — Research", "Supports CO1", 1)
    assert _objectives(load_pptx("gtm.pptx", data, {})) == [("Research", ["CO1"], KRS)]


def test_a_deck_of_supports_bullets_keeps_its_key_results_and_aligns_in_the_org():
    deck = pptx([_slide("Objective 1 — Win the mid-size carrier market", "Supports CO1", 1),
                 _slide("Objective 2 — Shippers expand with us", "Supports CO2", 1,
                        ["Raise the number of shipper accounts buying the add-on from 40 to 95",
                         "Raise average contract value on renewal from $40k to $46k"])])
    findings = lint_documents([("org/company.okr.yaml", COMPANY), ("org/gtm/Go-to-Market H1 2027.pptx", deck)])
    on_deck = {(f.code, f.message) for f in findings if f.location.file.endswith(".pptx")}
    assert not {code for code, _ in on_deck} & {"ALN002", "ALN001", "MEA001", "CLA002", "CLA006"}, on_deck
    assert not any("Supports CO" in message for _, message in on_deck)


@pytest.mark.parametrize("text", [
    "Raise NPS from 31 to 45 across all regions (US, Canada, ...)",
    "Ship 12 new carrier connectors (TMW, McLeod, Samsara ...)",
    "Raise NPS from 31 to 45 in every market (e.g. US, Canada …)",
    "ขยายบริการไปอีก 5 จังหวัด (เช่น เชียงใหม่ ขอนแก่น ...)",
    "Grow revenue from $2M to $3M (Q1, Q2 ...)",
])
def test_an_ellipsis_closing_a_bracketed_list_of_examples_is_no_placeholder(text):
    assert find_placeholders(text) == ()


@pytest.mark.parametrize("text", [
    "Raise NPS from 31 to ...",
    "Raise NPS (baseline 31, target ...)",
    "Raise NPS to 45 (...)",
    "Raise the share (from 20%, ...)",
    "Raise NPS (target: ...)",
])
def test_an_ellipsis_where_a_value_belongs_is_still_a_placeholder(text):
    assert find_placeholders(text) == ("...",)


def test_the_same_key_result_in_markdown_and_yaml_gets_the_same_findings():
    title = "Raise NPS from 31 to 45 across all regions (US, Canada, ...)"
    markdown = f"# Integrations OKRs Q1 2027\n\n## Objective 1: Carriers connect to us easily\n\nKey results:\n1. {title}\n"
    yaml = ("team: Integrations\nperiod: Q1 2027\nobjectives:\n  - title: Carriers connect to us easily\n"
            f"    key_results:\n      - \"{title}\"\n")
    from_markdown = lint_documents([("integrations.okr.md", markdown)], select=["MEA003"])
    from_yaml = lint_documents([("integrations.okr.yaml", yaml)], select=["MEA003"])
    assert from_markdown == [] and from_yaml == []
