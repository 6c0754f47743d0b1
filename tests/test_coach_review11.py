"""What the eleventh coach review (English drafts: an engineering team's Markdown with owner handles and scores,
a nonprofit board, a sales team, a marketing team, a tracker) found. The examples are written for these tests."""

from __future__ import annotations

import pytest

from okrlint.load.draft_fields import split_tracker_tail
from okrlint.tags import classify_kind

from coach_support import facts, findings  # noqa: F401 - shared with the other review tests


@pytest.mark.parametrize("text", [
    "Analyst satisfaction survey score of 8/10",  # "analy*" is to analyse, not an analyst
    "Recruiter response time under 2 days for 90% of candidates",
    "Average 1,500 likes per TikTok post",  # the post divides the likes: a rate, not outputs made
    "Average 12 comments per article, up from 4",
    "ยอดไลก์เฉลี่ย 500 ต่อโพสต์",
])
def test_nouns_of_doers_and_denominators_are_not_activities(text):
    kind = classify_kind(facts(text))
    assert not kind.activity, kind.reason


@pytest.mark.parametrize("text", [
    "Analyse churn drivers for the top 20 accounts",
    "Recruit 4 backend engineers",
    "Publish 12 blog posts",
    "Run 4 webinars per quarter",
])
def test_the_verbs_themselves_stay_activities(text):
    assert classify_kind(facts(text)).activity


@pytest.mark.parametrize("title, kept, owner, score", [
    ("Cut CI time from 24 min to 10 min — @tchen — 🟢 score **0.8**", "Cut CI time from 24 min to 10 min", "@tchen", "0.8"),
    ("Raise auto-approved deploys from 35% to 80% — @rpatel — 🟡 0.5", "Raise auto-approved deploys from 35% to 80%", "@rpatel", "0.5"),
    ("Cut deploy time from 20 min to 12 min | @ana | 1.5", "Cut deploy time from 20 min to 12 min", "@ana", "1.5"),
    ("NPS from 30 to 45 · @nok · On track", "NPS from 30 to 45", "@nok", None),
    # a bare number after a dash is part of the title
    ("Defect density — 0.5", "Defect density — 0.5", None, None),
    ("Build the partner portal - phase 2", "Build the partner portal - phase 2", None, None),
])
def test_a_trackers_owner_handle_status_and_score_after_a_title(title, kept, owner, score):
    assert split_tracker_tail(title) == (kept, owner, score)


def test_owner_and_score_from_the_tail_are_fields(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "eng.okr.md").write_text(
        "# Platform — OKRs Q3 2026\n\n## O1: Developers ship without waiting on us\n\n"
        "- [ ] KR1 Cut deploy time from 20 min to 12 min — @ana — 🟢 1.5\n"
        "- [ ] KR2 Raise the share of green builds from 70% to 95% — @li — 🟡 0.4\n", encoding="utf-8")
    result = Engine().run([str(tmp_path / "eng.okr.md")], jobs=1)
    krs = result.org.sets[0].objectives[0].key_results
    assert [kr.title for kr in krs] == ["Cut deploy time from 20 min to 12 min", "Raise the share of green builds from 70% to 95%"]
    assert [kr.owner for kr in krs] == ["@ana", "@li"]
    assert [f.message for f in result.findings if f.name == "value-out-of-range"] == ["score 1.5 is outside 0.0–1.0"]


@pytest.mark.parametrize("text, baseline, target", [
    ("Get lead gifts from 3 foundations", None, 3.0),  # where the gifts come from, counted
    ("Win contracts from 5 new hospitals", None, 5.0),
    ("Raise NPS from 30", 30.0, None),  # a baseline without its target
    ("Cut waits from 4 hours", 4.0, None),
])
def test_from_a_count_of_sources_is_a_target(text, baseline, target):
    change = facts(text).change
    assert (change.baseline, change.target) == (baseline, target)


@pytest.mark.parametrize("title, flagged", [
    ("Rebuild the app in React Native", True),
    ("Modernise the office network", True),
    ("ดำเนินโครงการเปลี่ยนปั้นจั่นหน้าท่าให้แล้วเสร็จ", True),
    ("ประชาสัมพันธ์ผลงานของอำเภอให้เป็นที่รู้จัก", True),
    ("Build a repeatable sales engine", False),  # a capability to grow, not a project
    ("Partners can onboard themselves without calling us", False),
])
def test_objectives_that_are_projects(tmp_path, title, flagged):
    found = findings(tmp_path, f"team: a\nobjectives:\n  - title: {title}\n    key_results:\n      - Raise NPS from 30 to 45\n",
                     "objective-is-task")
    assert bool(found) == flagged, found


@pytest.mark.parametrize("written, start, end", [
    ("FY27 (July 1, 2026 – June 30, 2027)", (2026, 7, 1), (2027, 6, 30)),
    ("FY2027 (1 April 2026 - 31 March 2027)", (2026, 4, 1), (2027, 3, 31)),
    ("Q1 FY27 (July–September 2026)", (2026, 7, 1), (2026, 9, 30)),
    ("ปีงบประมาณ 2570 (1 ต.ค. 2569 – 30 ก.ย. 2570)", (2026, 10, 1), (2027, 9, 30)),
    ("FY27 (draft)", (2026, 10, 1), (2027, 9, 30)),  # no dates in the brackets: the setting's fiscal year
])
def test_dates_written_beside_a_fiscal_year_say_when_it_runs(written, start, end):
    import datetime as dt

    from okrlint.text.periods import parse_period

    period = parse_period(written)
    assert (period.start, period.end) == (dt.date(*start), dt.date(*end))


def test_a_draft_title_with_the_fiscal_years_dates(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "board.okr.txt").write_text(
        "Board of Directors — Annual OKRs, FY27 (July 1, 2026 – June 30, 2027)\n\n"
        "Objective 1: Every child in our partner districts reads at grade level\n"
        "- Raise the share of 3rd graders reading at grade level from 48% to 60%\n"
        "- Cut the number of pupils two grades behind from 310 to 200\n", encoding="utf-8")
    (okr_set,) = Engine().run([str(tmp_path / "board.okr.txt")], jobs=1).org.sets
    assert (okr_set.period.start.isoformat(), okr_set.period.end.isoformat()) == ("2026-07-01", "2027-06-30")


@pytest.mark.parametrize("text", [
    "Increase daily dials per rep from 60 to 90",  # the team's own effort, per person
    "Log every activity in Salesforce within 24h",
])
def test_sales_effort_is_an_activity(text):
    assert classify_kind(facts(text)).activity
