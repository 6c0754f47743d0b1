"""Slips people make in hand-kept drafts and YAML files: merge conflicts left in, empty list items, a
fiscal year under the unit's name, indentation mistakes. Each reads sensibly or fails in plain words."""

from __future__ import annotations

import pytest

from okrlint.load.conflicts import resolve_conflicts
from okrlint.load.draft import load_draft_file
from okrlint.load.yaml_loader import load_yaml_file


def draft(text: str, name: str = "plan.okr.md"):
    return load_draft_file(name, text.encode(), {})


def yaml_file(text: str, name: str = "team.okr.yaml"):
    return load_yaml_file(name, text.encode(), {})


CONFLICTED_DRAFT = """\
Team: billing

Objective: Invoices are right the first time
Key results:
<<<<<<< HEAD
1. Cut invoice disputes from 120 to 40 a month
=======
1. Cut invoice disputes from 120 to 30 a month
>>>>>>> q2-planning
2. Raise invoices paid on time from 71% to 85%
"""


def test_a_merge_conflict_in_a_draft_is_an_error_and_only_the_first_side_is_read():
    result = draft(CONFLICTED_DRAFT)
    (error,) = result.errors
    assert error.location.line == 5
    assert "unresolved merge conflict (lines 5-9)" in error.message
    titles = [kr.title for kr in result.sets[0].objectives[0].key_results]
    assert titles == ["Cut invoice disputes from 120 to 40 a month", "Raise invoices paid on time from 71% to 85%"]
    assert result.sets[0].objectives[0].key_results[1].location.line == 10


def test_a_merge_conflict_in_yaml_is_named_instead_of_a_parser_error():
    text = ("team: billing\nobjectives:\n  - title: Invoices are right the first time\n    key_results:\n"
            "<<<<<<< HEAD\n      - Cut disputes from 120 to 40 a month\n=======\n      - Cut disputes from 120 to 30\n"
            ">>>>>>> other\n      - Raise on-time payment from 71% to 85%\n")
    result = yaml_file(text)
    (error,) = result.errors
    assert "unresolved merge conflict (lines 5-9)" in error.message and error.location.line == 5
    assert len(result.sets[0].objectives[0].key_results) == 2


def test_diff3_conflicts_drop_the_common_ancestor_too():
    text = "a\n<<<<<<< mine\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> theirs\nb\n"
    resolved, errors = resolve_conflicts(text, "f.md")
    assert resolved.splitlines() == ["a", "", "ours", "", "", "", "", "", "b"]
    assert len(errors) == 1


@pytest.mark.parametrize("text", [
    "Objectives\n==========\n\nObjective: x\n",  # a Markdown heading underline
    "=======\n>>>>>>> quoted email\n",  # no start marker
    "<<<<<<< HEAD\nnever closed\n",
])
def test_text_that_only_looks_like_a_conflict_is_left_alone(text):
    assert resolve_conflicts(text, "f.md") == (text, ())


def test_a_fiscal_year_on_the_line_under_the_unit_name_is_the_period():
    result = draft("หน่วยงาน: กองคลัง\nปีงบประมาณ 2570\n\nวัตถุประสงค์ที่ 1: ผู้ขายได้รับเงินตรงเวลา\n"
                   "ตัวชี้วัด:\n1. ลดเวลาเบิกจ่ายจาก 15 วัน เหลือ 7 วัน\n", "plan.okr.txt")
    okr_set = result.sets[0]
    assert okr_set.team == "กองคลัง"
    assert okr_set.period is not None and okr_set.period.start.isoformat() == "2026-10-01"


def test_empty_numbered_and_bulleted_items_are_both_empty_key_results():
    result = draft("Objective: Customers renew because they see value\nKey results:\n"
                   "1. Raise gross retention from 88% to 92%\n2. \n- \n")
    titles = [kr.title for kr in result.sets[0].objectives[0].key_results]
    assert titles == ["Raise gross retention from 88% to 92%", "", ""]


def test_a_number_alone_on_its_line_takes_the_text_below_as_its_title():
    result = draft("Objective: Buyers trust our listings\nKey results:\n1.\nCut fake listings from 3% to 1%\n"
                   "2.\nRaise verified sellers from 40% to 70%\n")
    krs = result.sets[0].objectives[0].key_results
    assert [(kr.title, kr.location.line) for kr in krs] == [
        ("Cut fake listings from 3% to 1%", 4), ("Raise verified sellers from 40% to 70%", 6)]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("team: a\nobjectives:\n  - title: x\n    key_results:\n      - title: y\n      owner: L\n", 6,
     "'owner: L' is not lined up with the list items above it"),
    ("team: a\nobjectives:\n  - title: x\n     owner: b\n", 4, "'owner: b' is indented deeper than the line above"),
    ("team: a\nobjectives:\n  - title: Phase 2: pilot the app\n", 3, "a ': ' inside a value: put the value in quotes"),
    ("team a\nobjectives:\n  - title: x\n", 1, "'team a' has no ':' after its key"),
    ("team: a\nobjectives:\n  - title: x\n    this is a note\n    key_results:\n      - y\n", 4,
     "'this is a note' is neither 'key: value' nor a list item"),
    ("team: a\nobjectives\n  - title: x\n", 2, "'objectives' is neither 'key: value' nor a list item"),
])
def test_common_yaml_slips_are_explained_in_the_files_own_terms(text, line, words):
    (error,) = yaml_file(text).errors
    assert words in error.message and error.location.line == line
    assert "while parsing" not in error.message and "\n" not in error.message


def test_title_rows_above_a_spreadsheet_header_give_period_team_and_level(tmp_path):
    from openpyxl import Workbook

    from okrlint.load.spreadsheet import load_spreadsheet

    book = Workbook()
    sheet = book.active
    sheet.append(["แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2570"])
    sheet.append(["หน่วยงาน: กองคลัง"])
    sheet.append(["ระดับ: กรม"])
    sheet.append([])
    sheet.append(["วัตถุประสงค์", "ตัวชี้วัด", "ค่าฐาน", "ค่าเป้าหมาย"])
    sheet.append(["ผู้ขายได้รับเงินตรงเวลา", "เวลาเบิกจ่าย (วัน)", 15, 7])
    path = tmp_path / "plan.okr.xlsx"
    book.save(path)
    result = load_spreadsheet("plan.okr.xlsx", path.read_bytes(), {})
    (okr_set,) = result.sets
    assert okr_set.team == "กองคลัง"
    assert okr_set.period.start.isoformat() == "2026-10-01"
    assert okr_set.level == "company"
    assert okr_set.location_of("period").sheet is not None


def test_a_title_row_without_labels_changes_nothing():
    from okrlint.load.spreadsheet import load_spreadsheet

    data = "Customer success OKRs (draft)\nObjective,Key result\nCustomers renew,Raise renewals from 80% to 88%\n"
    (okr_set,) = load_spreadsheet("cs.okr.csv", data.encode(), {}).sets
    assert okr_set.team == "cs" and okr_set.period is None


def test_a_key_result_shared_by_two_units_is_found_whatever_digits_they_write(tmp_path):
    from okrlint.config import Config
    from okrlint.engine import Engine

    (tmp_path / "a.okr.yaml").write_text("team: กองตลาด\nobjectives:\n  - title: ผู้ผลิตชุมชนขายได้มากขึ้น\n"
                                         "    key_results:\n      - ยอดขายออนไลน์เพิ่มจาก ๑,๒๐๐ เป็น ๒,๐๐๐ รายการต่อเดือน\n",
                                         encoding="utf-8")
    (tmp_path / "b.okr.yaml").write_text("team: กองผลิตภัณฑ์\nobjectives:\n  - title: สินค้าชุมชนมีคุณภาพ\n"
                                         "    key_results:\n      - ยอดขายออนไลน์เพิ่มจาก 1,200 เป็น 2,000 รายการต่อเดือน\n",
                                         encoding="utf-8")
    found = Engine(Config(select=["shared-key-result"])).run([str(tmp_path)]).findings
    assert sorted(f.team for f in found) == ["กองตลาด", "กองผลิตภัณฑ์"]


NOTION_STYLE = """\
# 🚀 Growth Team — Q3 2026 OKRs

## 🎯 Objective 1 — Make first-time buyers come back
**Key Results**
- ✅ KR1.1: Raise 30-day repeat purchase rate from 18% → 26%
- 🟡 KR1.2: Cut time to second order from 41 days to 28 days

## 🎯 Objective 2 — Become the easiest checkout in the category
| KR | Baseline | Target | Owner | Status |
|----|----------|--------|-------|--------|
| Checkout completion rate | 61% | 72% | Jo | 🟢 On track |
| Add Apple Pay | - | Done | Sam | ⚪ |
"""


def test_a_notion_style_draft_with_emoji_and_a_table_of_key_results_under_a_heading():
    result = draft(NOTION_STYLE, "growth.md")
    (okr_set,) = result.sets
    assert okr_set.period.text == "Q3 2026"
    first, second = okr_set.objectives
    assert first.title == "Make first-time buyers come back"
    assert [kr.title for kr in first.key_results] == [
        "Raise 30-day repeat purchase rate from 18% → 26%", "Cut time to second order from 41 days to 28 days"]
    assert second.title == "Become the easiest checkout in the category"  # the table's rows are its KRs
    assert [(kr.title, kr.baseline, kr.target) for kr in second.key_results] == [
        ("Checkout completion rate", 61, 72), ("Add Apple Pay", None, None)]
    assert second.key_results[1].uid == "growth/o2/kr2"


def test_a_target_that_only_says_done_is_a_binary_key_result_not_a_non_numeric_error(tmp_path):
    from okrlint.config import Config
    from okrlint.engine import Engine

    (tmp_path / "growth.okr.md").write_text(NOTION_STYLE, encoding="utf-8")
    found = Engine(Config()).run([str(tmp_path)]).findings
    about_apple_pay = {f.name for f in found if f.location.line == 12}
    assert "kr-is-binary" in about_apple_pay and "non-numeric-value" not in about_apple_pay
    assert not any(f.name in ("empty-title", "undefined-acronym", "objective-has-metric") for f in found)


def test_objectives_as_list_items_with_key_results_nested_under_them():
    result = draft("# Platform OKRs — H2 2026\n\n- Developers ship without waiting on us\n"
                   "  - Cut median CI time from 24 min to 10 min\n  - Raise self-serve environments from 35% to 80%\n"
                   "    - note: needs the new runner\n- Production is boring\n  - Reduce P1 incidents from 9 to 3\n")
    (okr_set,) = result.sets
    assert okr_set.period.text == "H2 2026"
    assert [(o.title, [k.title for k in o.key_results]) for o in okr_set.objectives] == [
        ("Developers ship without waiting on us",
         ["Cut median CI time from 24 min to 10 min", "Raise self-serve environments from 35% to 80%"]),
        ("Production is boring", ["Reduce P1 incidents from 9 to 3"]),
    ]


def test_objectives_as_headings_over_lists_but_not_notes_or_meeting_minutes():
    result = draft("# Data team — 2027 Q1\n\n## Analysts trust the weekly numbers\n"
                   "- Cut data incidents from 14 to 4 per quarter\n\n## Questions get answered without a ticket\n"
                   "- Grow self-serve query share from 20% to 50%\n\n## Notes\n- Budget approved in December\n")
    assert [o.title for o in result.sets[0].objectives] == [
        "Analysts trust the weekly numbers", "Questions get answered without a ticket"]
    minutes = draft("# Meeting 3 March\n\n## Agenda\n- lunch menu\n- parking\n\n## Actions\n- Bob to call the vendor\n")
    assert not minutes.sets and "no objectives found" in minutes.errors[0].message


def test_each_key_result_table_belongs_to_the_objective_heading_above_it():
    result = draft("# Shop OKRs — Q1 2027\n\n## Objective 1: Buyers come back\n| KR | Baseline | Target |\n|---|---|---|\n"
                   "| 🟢 Raise repeat purchase rate | 18% | 27% |\n\n## Objective 2: Nordic shoppers choose us first\n"
                   "| KR | Baseline | Target |\n|---|---|---|\n| Raise Nordic NPS | 20 | 35 |\n")
    assert [(o.title, [k.title for k in o.key_results]) for o in result.sets[0].objectives] == [
        ("Buyers come back", ["Raise repeat purchase rate"]),  # the status emoji is not part of the title
        ("Nordic shoppers choose us first", ["Raise Nordic NPS"]),
    ]


@pytest.mark.parametrize(("title", "period"), [
    ("# แผนงาน ไตรมาส 1/2570", "ไตรมาส 1/2570"), ("# OKR ไตรมาสที่ 1 ปี 2570", "ไตรมาสที่ 1 ปี 2570")])
def test_a_thai_quarter_in_the_title_is_the_period(title, period):
    result = draft(f"{title}\n\nวัตถุประสงค์: ลูกค้ากลับมาซื้อซ้ำ\n- ยอดซื้อซ้ำ จากร้อยละ 10 เป็นร้อยละ 20\n")
    assert result.sets[0].period.text == period


@pytest.mark.parametrize(("title", "period", "kind", "start"), [
    ("แผน OKR คณะพยาบาลศาสตร์\nปีการศึกษา 2570", "ปีการศึกษา 2570", "academic_year", "2027-05-01"),
    ("# แผนงานโรงเรียน ภาคเรียนที่ 1/2570", "ภาคเรียนที่ 1/2570", "term", "2027-05-01"),
    ("# Riverbend Reads - 2027 OKRs (scored)", "2027", "year", "2027-01-01"),
    ("# Support team OKRs 2027", "2027", "year", "2027-01-01"),
    ("# OKR ธนาคารดิจิทัล Q1/2570", "Q1/2570", "quarter", "2027-01-01"),
    ("แผน OKR บริษัท สยามรีเทล ประจำปี 2570", "ประจำปี 2570", "year", "2027-01-01"),
    ("# OKR ฝ่ายการตลาด ปี 2570", "ปี 2570", "year", "2027-01-01"),
    ("# Earth Sciences OKRs — Academic Year 2026/27", "Academic Year 2026/27", "academic_year", "2026-09-01"),
])
def test_a_period_named_in_the_title(title, period, kind, start):
    result = draft(f"{title}\n\nวัตถุประสงค์: ลูกค้ากลับมาซื้อซ้ำ\n- ยอดซื้อซ้ำ จากร้อยละ 10 เป็นร้อยละ 20\n")
    found = result.sets[0].period
    assert (found.text, found.kind, str(found.start)) == (period, kind, start)


def test_a_guessed_spreadsheet_with_objectives_but_no_key_results_is_skipped(tmp_path):
    from click.testing import CliRunner
    from openpyxl import Workbook

    from okrlint.cli import main

    book = Workbook()
    book.active.append(["Description", "Amount", "Owner"])
    book.active.append(["Laptops for new hires", 12000, "IT"])
    book.save(tmp_path / "budget 2027.xlsx")
    (tmp_path / "plan.md").write_text("Objective: Riders come back\n- Raise repeat rides from 30% to 45%\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", "--no-cache", str(tmp_path)])
    assert "budget 2027.xlsx" in run.stderr and "skipped, not an OKR document" in run.stderr
    assert "1 objective, 1 key result" in run.stdout  # the budget adds nothing


def test_meeting_minutes_with_nested_points_are_not_read_as_objectives():
    result = draft("# Weekly sync — 12 Jan 2027\n\nAttendees: Mina, Joe\n\n## Decisions\n- Approve the Q1 hiring plan\n"
                   "  - 3 engineers by March\n  - 1 designer by April\n\n## Updates\n- Nordic launch\n"
                   "  - GMV at $1.2M, up 8% from December\n")
    assert not result.sets and "no objectives found" in result.errors[0].message


@pytest.mark.parametrize(("line", "owner"), [
    ("> Owner: Platform team. Reviewed monthly with the CTO.", "Platform team"),
    ("Owner: @maria · Last edited Jul 2, 2026", "@maria"),
    ("Owner: J. Osei", "J. Osei"),
])
def test_an_owner_line_gives_the_name_not_the_note_after_it(line, owner):
    result = draft(f"{line}\n\nObjective: Riders come back\n- Raise repeat rides from 30% to 45%\n")
    assert result.sets[0].owner == owner


def test_a_multi_year_plan_title_gives_the_current_fiscal_year_it_covers():
    import datetime as dt

    today = dt.date.today()
    current = today.year + (1 if today.month >= 10 else 0) + 543
    result = draft(f"# แผนยุทธศาสตร์ ปีงบประมาณ {current - 1}–{current + 1}\n\nวัตถุประสงค์: ผู้ประกอบการได้รับอนุญาตเร็วขึ้น\n"
                   "- ลดเวลาออกใบอนุญาตจาก 30 วัน เหลือ 10 วัน\n", "plan.okr.md")
    assert result.sets[0].period.text == f"ปีงบประมาณ {current}"
    past = draft("# แผน ปีงบประมาณ 2561-2563\n\nวัตถุประสงค์: ก\n- ลดเวลาจาก 5 วัน เหลือ 3 วัน\n", "old.okr.md")
    assert past.sets[0].period.text == "ปีงบประมาณ 2563"


@pytest.mark.parametrize(("text", "level"), [
    ("# Acme — Company OKRs H1 2027\n", "company"),
    ("# Corporate objectives 2027\n", "company"),
    ("แผน OKR ระดับองค์กร ปีงบประมาณ 2570\n", "company"),
    ("# Sales team OKRs H1 2027\nThese support the company OKRs for 2027.\n", "team"),  # not its title
    ("# Acme company OKRs\nLevel: department\n", "department"),  # a Level line decides
])
def test_a_company_wide_title_sets_the_level(text, level):
    result = draft(f"{text}\n## Objective 1: Clinics choose us\n- Grow active clinics from 1,800 to 3,000\n")
    assert result.sets[0].level == level


@pytest.mark.parametrize(("name", "title", "team"), [
    ("q3-draft.md", "# Growth Team — Q3 2026 OKRs", "Growth"),
    ("okrs.md", "# Team Phoenix OKRs 2027", "Phoenix"),
    ("plan.md", "# OKR ฝ่ายการตลาด ไตรมาส 1/2570", "ฝ่ายการตลาด"),
    ("growth.md", "# 🚀 Growth Team — Q3 2026 OKRs", "growth"),  # named after the team already: the file's spelling
    ("draft.md", "# Our team's OKRs for Q3 2026", "draft"),
])
def test_the_team_a_title_names(name, title, team):
    result = draft(f"{title}\n\n## Objective 1: Riders come back\n- Raise repeat rides from 30% to 45%\n", name)
    assert result.sets[0].team == team




def test_a_past_years_result_in_the_preamble_is_not_the_period():
    result = draft("# OKR ฝ่ายขาย\nผลการดำเนินงานปี 2569 ดีกว่าที่คาด\n\nวัตถุประสงค์: ลูกค้ากลับมาซื้อซ้ำ\n"
                   "- ยอดซื้อซ้ำ จากร้อยละ 10 เป็นร้อยละ 20\n")
    assert result.sets[0].period is None


def test_front_matter_with_a_yaml_error_keeps_its_plain_keys():
    result = draft("---\nteam: data-platform\nperiod: Q1: 2027\nowner: Kenji\n---\n# Data Platform OKRs\n\n"
                   "## Objective 1: Analysts trust the numbers\n- Cut data incidents from 11 per quarter to 3\n",
                   "notes.okr.md")
    (okr_set,) = result.sets
    assert (okr_set.team, okr_set.owner, okr_set.period.kind) == ("data-platform", "Kenji", "quarter")
    (error,) = result.errors
    assert 'put the value in quotes (period: "Q1: 2027")' in error.message
