"""Titles of drafts that put the year before the level: "Brightline Fitness — 2027 company OKRs"."""

from __future__ import annotations

import pytest

from okrlint.load.draft import load_draft_file

BODY = ("\n\n## Objective 1: Members keep coming back\n\n- Raise 90-day member retention from 58% to 70%\n"
        "- Cut cancellation requests from 9% to 5% a month\n")


def _set_of(title: str):
    return load_draft_file("draft.md", f"# {title}{BODY}".encode(), {}).sets[0]


@pytest.mark.parametrize("title, team, period", [
    ("Brightline Fitness — 2027 company OKRs", "Brightline Fitness", "2027"),
    ("Brightline Fitness — Q1 2027 company OKRs", "Brightline Fitness", "Q1 2027"),
    ("Brightline Fitness — Company OKRs 2027", "Brightline Fitness", "2027"),
    ("Brightline Fitness company OKRs for 2027", "draft", "2027"),
    ("Growth team 2027 OKRs", "Growth", "2027"),
    ("Go-to-Market — Department OKRs H1 2027", "Go-to-Market", "H1 2027"),
    ("Go-to-Market — H1 2027 OKRs", "Go-to-Market", "H1 2027"),
])
def test_the_year_before_the_level_is_the_plans_period_and_the_name_before_the_dash_its_organisation(title, team, period):
    okr_set = _set_of(title)
    assert (okr_set.team, okr_set.period.text) == (team, period)


def test_quarter_target_columns_under_an_unreadable_period_do_not_break_the_sheet(tmp_path):
    # parse_period gives an unknown period no dates; the quarter columns' reading needs them (found by fuzzing)
    from click.testing import CliRunner

    from okrlint.cli import main

    sheet = tmp_path / "plan.csv"
    sheet.write_text("Period: sometime soon\nObjective,Key result,Baseline,Target Q1,Target Q2\n"
                     "Shops reorder with us,Raise repeat orders,20%,25%,30%\nShops reorder with us,Cut late deliveries,12%,10%,8%\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(sheet), "--no-cache", "--isolated", "--select", "STR008"])
    assert "loader failed" not in result.output and "unreadable-period" in result.output
    assert "1 objective, 2 key results" in result.output


def test_an_intro_summarising_what_the_objectives_support_is_not_given_to_the_one_that_says_nothing():
    text = ("Team: Community Nursing\nPeriod: 2026/27 (April to March)\n\n"
            "These OKRs support the Trust's Objective 1 and Objective 3.\n\n"
            "Objective 1: Housebound patients get the right visit at the right time\nSupports: Trust Objective 1\n"
            "Key results:\n- Increase visits made within the agreed time window from 81% to 92%\n\n"
            "Objective 2: Be excellent\nKey results:\n- Raise the share of audited records meeting the standard from 60% to 85%\n")
    okr_set = load_draft_file("cn.txt", text.encode(), {}).sets[0]
    assert okr_set.objectives[0].aligns_to and not okr_set.objectives[1].aligns_to
    alone = text.replace("Supports: Trust Objective 1\n", "")  # no objective says: the intro is all of theirs
    assert all(o.aligns_to for o in load_draft_file("cn.txt", alone.encode(), {}).sets[0].objectives)


@pytest.mark.parametrize("first", ["30-day retention — 45%", "M1 retention — 45%", "7 day retention — 45%"])
def test_a_list_of_measure_and_target_lines_keeps_its_targets_when_a_measure_name_has_digits(first):
    text = f"# Growth OKRs Q1 2027\n\n## Objective 1 — New customers come back\n\n- {first}\n- Repeat purchase rate — 35%\n"
    krs = load_draft_file("plan.md", text.encode(), {}).sets[0].objectives[0].key_results
    assert [kr.title[-3:] for kr in krs] == ["45%", "35%"]  # not read off as check-in progress


@pytest.mark.parametrize("title, level", [("Go-to-Market — Department OKRs H1 2027", "department"),
                                          ("Sales Department OKRs Q1 2027", "team"),
                                          ("Marketing — H1 2027 OKRs", "team")])
def test_a_title_naming_department_okrs_gives_the_department_level(title, level):
    assert _set_of(title).level == level


def test_the_department_level_is_accepted_in_the_words_okrlints_thai_messages_use():
    from okrlint.load.draft_fields import level_of

    assert level_of("หน่วยงาน") == level_of("ระดับหน่วยงาน") == "department" and level_of("หน่วย") == "team"


@pytest.mark.parametrize("cell, title", [("๓.๒.๒ คะแนนความพึงพอใจของผู้ใช้ไฟฟ้า", "คะแนนความพึงพอใจของผู้ใช้ไฟฟ้า"),
                                         ("1.2.3 Raise NPS", "Raise NPS"), ("3.2 คะแนน", "3.2 คะแนน")])
def test_a_three_part_outline_number_is_never_a_value(cell, title):
    from okrlint.load.tables import strip_numbering

    assert strip_numbering(cell) == title


def test_a_block_of_thousands_of_sub_header_columns_is_read_in_one_pass(tmp_path):
    import csv
    import time

    from click.testing import CliRunner

    from okrlint.cli import main

    columns = 8000  # each column used to scan its whole block: 32 s at 2,000 columns (review 75)
    rows = [["Objective", "Key result", "Target", "Quarterly progress"] + [""] * (columns - 1),
            ["", "", ""] + [f"Q{i % 4 + 1}" for i in range(columns)],
            ["Grow revenue", "Raise MRR from $1M to $2M", "$2M"] + ["10%"] * columns]
    with open(tmp_path / "wide.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["check", str(tmp_path / "wide.csv"), "--no-cache", "--isolated"])
    assert "1 objective, 1 key result" in result.output and time.perf_counter() - started < 20


@pytest.mark.parametrize("kind", ["blank", "wide", "wide-capped"])
def test_text_tables_with_long_blank_runs_or_many_columns_stay_linear(kind):
    # review 75: 90,000 blank lines inside a table (each blank line looked ahead to the same next line, and a page
    # number search with "^\s*" crossed the newlines) took the load limit; a header of 1,000 columns took 37 s (the
    # column assignment compared every column with every earlier one)
    import time

    header = "Objective 1: Grow revenue\n\n#    Key result                         Baseline    Target     Lead"
    first = "1.1  Raise MRR from                      $1M         $2M        Bob\n"
    if kind == "blank":
        text = f"{header}\n{first}" + "\n" * 90_000 + "1.2  Raise NPS                            30          40         Ann\n"
    else:
        columns = 90 if kind == "wide" else 1_000
        text = header + "    Col" * columns + "\n1.1  Raise MRR    $1M    $2M    Bob" + "    x" * columns + "\n"
    started = time.perf_counter()
    objectives = load_draft_file("plan.txt", text.encode(), {}).sets[0].objectives
    assert objectives and time.perf_counter() - started < 15


@pytest.mark.parametrize("title, placeholders", [
    ("Raise MRR from $3M to $4M …", ()), ("Raise MRR from $3M to …", ("…",)), ("Raise NPS to ...", ("...",)),
    ("Improve onboarding …", ("…",)), ("Cut churn (from 5% to ...)", ("...",)),
])
def test_an_ellipsis_closing_a_key_result_that_reads_its_numbers_is_no_placeholder(title, placeholders):
    from okrlint.text.facts import find_placeholders

    assert find_placeholders(title) == placeholders  # review 75, L5: a deck's line cut short
