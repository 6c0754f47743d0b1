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
