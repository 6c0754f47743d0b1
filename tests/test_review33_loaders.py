"""Review 33-35 (loaders and file discovery): alignment written in a sentence in Thai as in English, a team's
draft in its own folder under a department, summary sheets, past-year columns, 'Depends on' under an objective,
Notion-style owner and confidence, binary files named as documents, and the set's team and owner from titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.draft import load_draft_file as load_draft


def _draft(text: str, name: str = "team.okr.md"):
    result = load_draft(name, text.encode("utf-8"), {})
    return result


def _run(*paths):
    return Engine(Config()).run([str(p) for p in paths], jobs=1)


# --- 1. alignment in a sentence: a code after a Thai verb reads as after an English one ------------------
TH_DRAFT = """# OKR ทีมคลังสินค้า ไตรมาส 2/2570

## วัตถุประสงค์ที่ 1: ร้านค้าได้รับสินค้าครบตามสั่งทุกรอบ

{line}

ผลลัพธ์หลัก:
1. เพิ่มอัตราการจัดส่งครบถ้วนจาก 91% เป็น 98%
2. ลดจำนวนคำร้องสินค้าขาดจาก 140 เป็น 40 รายการต่อเดือน
"""

EN_DRAFT = """# Warehouse team — Q2 2027 OKRs

## Objective 1: Stores receive every order complete

{line}

Key results:
1. Raise complete deliveries from 91% to 98%
2. Cut missing-item claims from 140 to 40 a month
"""


@pytest.mark.parametrize("draft, line, expected", [
    (TH_DRAFT, "สอดคล้องกับ CO2", "CO2"),
    (TH_DRAFT, "สอดคล้องกับ co-o3", "co-o3"),
    (TH_DRAFT, "(สนับสนุน CO 1)", "CO 1"),
    (TH_DRAFT, "ตอบสนองต่อ ops-o2", "ops-o2"),
    (TH_DRAFT, "สอดคล้องกับ ops/o1", "ops/o1"),
    (EN_DRAFT, "Supports CO2", "CO2"),
    (EN_DRAFT, "(Contributes to ops-o2)", "ops-o2"),
])
def test_an_id_after_an_alignment_verb_is_read_in_both_languages(draft, line, expected):
    result = _draft(draft.format(line=line))
    (objective,) = result.sets[0].objectives
    assert objective.aligns_to == (expected,)
    assert not result.notes


@pytest.mark.parametrize("draft, line", [
    (TH_DRAFT, "สอดคล้องกับแผนแม่บทด้านโลจิสติกส์"),
    (EN_DRAFT, "Supports our logistics masterplan"),
])
def test_an_alignment_line_that_names_nothing_readable_is_said(draft, line):
    result = _draft(draft.format(line=line))
    (objective,) = result.sets[0].objectives
    assert objective.aligns_to == ()
    (note,) = result.notes
    assert note.location.line == 5
    assert line[:20] in note.message and "was not read as what the objective aligns to" in note.message


@pytest.mark.parametrize("line", ["Supports co2-related recycling work", "สอดคล้องกับ COVID-19 มาตรการ"])
def test_a_word_that_only_starts_like_a_code_is_no_reference(line):
    (objective,) = _draft(EN_DRAFT.format(line=line)).sets[0].objectives
    assert objective.aligns_to == ()


def test_an_objective_aligned_by_a_label_gets_no_note_for_a_prose_line():
    text = EN_DRAFT.format(line="Aligns to: co-o1\n\nSupports our logistics masterplan")
    result = _draft(text)
    assert result.sets[0].objectives[0].aligns_to == ("co-o1",)
    assert not result.notes


# --- 2. a team's draft in its own folder under a department that keeps its own *.okr.* file ---------------
_TEAM_DRAFT = """# {name} team — Q3 2027 OKRs

Objective 1: Vans leave the depot fully loaded
Aligns to: ops/o1

Key results:
1. Raise vans leaving full from 72% to 90%
2. Cut same-day reloads from 60 to 15 a week
"""

_DEPT_YAML = """team: {name}
level: department
objectives:
  - id: o1
    title: Deliveries arrive when customers were told
    key_results:
      - Raise on-time deliveries from 85% to 95%
"""


def _dept_tree(root: Path) -> Path:
    org = root / "org"
    (org / "ops" / "fleet").mkdir(parents=True)
    (org / "ops" / "ops.okr.yaml").write_text(_DEPT_YAML.format(name="ops"), encoding="utf-8")
    (org / "ops" / "fleet" / "fleet.okr.yaml").write_text(_DEPT_YAML.format(name="fleet"), encoding="utf-8")
    (org / "ops" / "loading").mkdir()
    (org / "ops" / "loading" / "Loading Q3 2027 OKRs.md").write_text(_TEAM_DRAFT.format(name="Loading"), encoding="utf-8")
    return org


def test_a_team_folder_beside_its_sibling_teams_under_a_department_is_read(tmp_path):
    org = _dept_tree(tmp_path)
    engine = Engine(Config())
    files, errors = engine.discover([str(org)])
    read = sorted(f.real_path.relative_to(org).as_posix() for f in files)
    assert read == ["ops/fleet/fleet.okr.yaml", "ops/loading/Loading Q3 2027 OKRs.md", "ops/ops.okr.yaml"]
    assert not any("although they look like OKRs" in w for w in engine.warnings)


def test_papers_below_a_folder_of_okr_files_with_no_sibling_team_stay_unread(tmp_path):
    org = tmp_path / "org"
    (org / "sales" / "notes").mkdir(parents=True)
    (org / "sales" / "sales.okr.yaml").write_text(_DEPT_YAML.format(name="sales"), encoding="utf-8")
    (org / "sales" / "notes" / "ideas.md").write_text(_TEAM_DRAFT.format(name="Ideas"), encoding="utf-8")
    engine = Engine(Config())
    files, _ = engine.discover([str(org)])
    assert [f.real_path.name for f in files] == ["sales.okr.yaml"]
    assert any("not read, although they look like OKRs" in w and "ideas.md" in w for w in engine.warnings)


def test_a_file_named_on_the_command_line_is_not_said_to_be_unread(tmp_path):
    org = tmp_path / "org"
    (org / "sales" / "notes").mkdir(parents=True)
    (org / "sales" / "sales.okr.yaml").write_text(_DEPT_YAML.format(name="sales"), encoding="utf-8")
    draft = org / "sales" / "notes" / "ideas.md"
    draft.write_text(_TEAM_DRAFT.format(name="Ideas"), encoding="utf-8")
    for order in ([org, draft], [draft, org]):
        engine = Engine(Config())
        result = engine.run([str(p) for p in order], jobs=1)
        assert {s.file.rsplit("/", 1)[-1] for s in result.org.sets} == {"sales.okr.yaml", "ideas.md"}
        assert not any("although they look like OKRs" in w for w in result.warnings), order
        assert not result.skipped


# --- 3. a summary sheet that has an Objective column ---------------------------------------------------------
def _book(path: Path, sheets):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


_OKR_ROWS = [
    ("Objective", "Key result", "Baseline", "Target", "Owner"),
    ("Dispatchers plan routes without phoning drivers", "Cut calls to drivers per shift", 30, 8, "Mia"),
    (None, "Raise routes accepted without edits", 55, 80, "Mia"),
]


@pytest.mark.parametrize("summary", [
    [("Objective", "# KRs", "Avg confidence"), ("O1", 2, 6.5), ("O2", 3, 5)],
    [("วัตถุประสงค์", "จำนวนผลลัพธ์หลัก", "สถานะ"), ("วัตถุประสงค์ที่ 1", 2, "ตามแผน"), ("วัตถุประสงค์ที่ 2", 3, "ล่าช้า")],
    [("Objective", "Owner", "No. of key results", "Status"), ("Drivers finish on time", "Mia", 2, "On track")],
])
def test_a_sheet_of_objectives_with_only_counts_and_states_is_a_summary(tmp_path, summary):
    path = _book(tmp_path / "plan.xlsx", [("OKRs", _OKR_ROWS), ("Pivot", summary)])
    result = _run(path)
    assert {s.team for s in result.org.sets} == {"plan"}  # the one OKR sheet beside a summary: the file's team
    assert any("sheet 'Pivot' is a summary of the OKRs" in w for w in result.warnings)


@pytest.mark.parametrize("rows", [
    [("Objective", "Owner", "Status"), ("Drivers finish on time", "Mia", "On track")],  # no count: objectives
    [("Objective", "# KRs", "Target"), ("Drivers finish on time", 2, 95)],  # a target: an objective's own value
    [("Objective", "Key result", "# of stops"), ("Drivers finish on time", "Cut late stops", 40)],
])
def test_objectives_with_their_own_values_are_still_read(tmp_path, rows):
    path = _book(tmp_path / "plan.xlsx", [("OKRs", _OKR_ROWS), ("Fleet", rows)])
    result = _run(path)
    assert "Fleet" in {s.team for s in result.org.sets}
    assert not any("summary" in w for w in result.warnings)


# --- 8. several past-year result columns: the latest before the target's year is the baseline ----------------
def _csv(tmp_path, text, name="kpi.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _run(path)


def test_the_latest_past_year_is_the_baseline_in_a_thai_kpi_sheet(tmp_path):
    text = ("วัตถุประสงค์,ตัวชี้วัด,ผลการดำเนินงาน ปี 2567,ผลการดำเนินงาน ปี 2568,ค่าเป้าหมาย ปี 2569\n"
            "ผู้สูงอายุในชุมชนมีสุขภาพดี,ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสายตา,48,55,70\n"
            ",จำนวนอาสาสมัครที่ผ่านการอบรม,120,,200\n")
    krs = _run_kr(_csv(tmp_path, text))
    assert [kr.baseline for kr in krs] == [55, 120]  # a blank latest year: the latest filled one


def test_the_latest_past_year_is_the_baseline_in_an_english_sheet(tmp_path):
    text = ("Objective,Key result,Actual FY23,Actual FY24,Target FY25\n"
            "Parents trust the bus service,Raise on-time arrivals,81,86,95\n"
            ",Cut missed pickups per term,40,31,10\n")
    assert [kr.baseline for kr in _run_kr(_csv(tmp_path, text))] == [86, 31]


def test_past_is_judged_against_the_target_year_not_today(tmp_path):
    # a plan for a year far ahead: its last result column is still a past year's, whatever today's date
    text = ("Objective,Key result,Actual 2039,Actual 2040,Target 2041\n"
            "Parents trust the bus service,Raise on-time arrivals,81,86,95\n")
    assert [kr.baseline for kr in _run_kr(_csv(tmp_path, text))] == [86]
    # the result so far of the target's own year is progress, not the baseline
    text = ("Objective,Key result,Actual FY24,Actual FY25,Target FY25\n"
            "Parents trust the bus service,Raise on-time arrivals,81,86,95\n")
    assert [kr.baseline for kr in _run_kr(_csv(tmp_path, text, "b.csv"))] == [81]


def test_a_baseline_column_stays_the_baseline_beside_a_past_result(tmp_path):
    text = ("Objective,Key result,Baseline,Actual FY24,Target\n"
            "Parents trust the bus service,Raise on-time arrivals,70,86,95\n")
    assert [kr.baseline for kr in _run_kr(_csv(tmp_path, text))] == [70]


def _run_kr(result):
    return [kr for s in result.org.sets for o in s.objectives for kr in o.key_results]


# --- 4. 'Depends on:' under an objective, before its key results ----------------------------------------------
@pytest.mark.parametrize("label", ["Depends on: platform/pf-o2, billing-kr1", "ขึ้นอยู่กับ: platform/pf-o2, billing-kr1"])
def test_depends_on_under_an_objective_is_read_for_its_first_key_result(label):
    text = f"""# Checkout team — Q3 2027 OKRs

## Objective 1: Shoppers pay without friction
{label}

Key results:
1. Raise checkout completion from 61% to 75%
   Depends on: risk/rk-kr3
2. Cut payment errors from 3.1% to 1%
"""
    (objective,) = _draft(text).sets[0].objectives
    first, second = objective.key_results
    assert first.depends_on == ("risk/rk-kr3", "platform/pf-o2", "billing-kr1")
    assert second.depends_on == ()
    assert first.field_locations["depends_on"].line == 8  # its own line wins; the objective's is added to it


def test_depends_on_under_an_objective_is_checked_in_the_org(tmp_path):
    (tmp_path / "checkout.okr.md").write_text(
        "# Checkout team — Q3 2027 OKRs\n\n## Objective 1: Shoppers pay without friction\nDepends on: platform/pf-o9\n\n"
        "Key results:\n1. Raise checkout completion from 61% to 75%\n2. Cut payment errors from 3.1% to 1%\n",
        encoding="utf-8")
    (tmp_path / "platform.okr.yaml").write_text(
        "team: platform\nobjectives:\n  - id: pf-o1\n    title: Engineers ship safely every day\n    key_results:\n"
        "      - Raise deploys per day from 3 to 10\n", encoding="utf-8")
    result = _run(tmp_path)
    dangling = [f for f in result.findings if f.code == "ALN001"]
    assert [(f.location.line, "pf-o9" in f.message) for f in dangling] == [(4, True)]


# --- 5. a mention of the owner and a confidence out of ten after a key result (Notion, Slack) -----------------
@pytest.mark.parametrize("tail, owner, confidence", [
    (" — @Priya Nair · 7/10", "@Priya Nair", 0.7),
    (" - @dchen · 6/10", "@dchen", 0.6),
    (" · 8/10", None, 0.8),
    (" — @สมศักดิ์ ใจดี", "@สมศักดิ์ ใจดี", None),
])
def test_a_trailing_mention_and_confidence_are_read_off_the_title(tail, owner, confidence):
    text = f"## Objective 1: Drivers trust their ETAs\n\n- Cut late arrivals from 14% to 6%{tail}\n- Raise on-time pickups from 80% to 92%\n"
    kr = _draft(text).sets[0].objectives[0].key_results[0]
    assert kr.title == "Cut late arrivals from 14% to 6%"
    assert (kr.owner, kr.confidence) == (owner, confidence)


@pytest.mark.parametrize("title", ["Raise the app store rating — 8/10", "Score each supplier out of 10 — 7/10"])
def test_a_number_out_of_ten_after_a_dash_alone_stays_in_the_title(title):
    kr = _draft(f"## Objective 1: Drivers trust their ETAs\n\n- {title}\n- Raise on-time pickups from 80% to 92%\n"
                ).sets[0].objectives[0].key_results[0]
    assert kr.title == title and kr.confidence is None


# --- 6. a picture saved with a document's name in a folder okrlint guesses at -----------------------------------
def test_a_binary_file_with_a_text_name_in_a_guessed_folder_is_an_input_error(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "Fleet plan 2027.md").write_text(_TEAM_DRAFT.format(name="Fleet"), encoding="utf-8")
    (folder / "org chart.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "Budget.txt").write_bytes("ค่าใช้จ่าย\n".encode("utf-16-le"))  # UTF-16 text: not binary, no OKRs
    result = _run(folder)
    assert [(e.location.file.rsplit("/", 1)[-1], e.message) for e in result.errors] == [
        ("org chart.md", "binary file, not text (it contains NUL bytes)")]
    assert {s.file.rsplit("/", 1)[-1] for s in result.org.sets} == {"Fleet plan 2027.md"}


# --- 7. the organisation's name from its plan's title, and the owner in a workbook's title rows ----------------
@pytest.mark.parametrize("name, title, team", [
    ("Harbourline Company OKRs 2027.md", "# Harbourline — Company OKRs 2027", "Harbourline"),
    ("Harbourline Corporate OKRs FY27.md", "Harbourline: Corporate OKRs FY27", "Harbourline"),
    ("Harbourline Company OKRs 2027.md", "# Harbourline plan\nLevel: team", "Harbourline Company"),  # not the level
    ("sales-emea.md", "# Sales OKRs Q3 2027", "sales-emea"),  # a file that names which sales team
])
def test_the_level_word_is_no_part_of_the_organisations_name(name, title, team):
    text = f"{title}\n\n## Objective 1: Ferry passengers board without queues\n- Cut boarding time from 25 to 10 minutes\n"
    assert _draft(text, name=name).sets[0].team == team


def test_an_owner_line_above_a_sheets_header_is_the_sets_owner(tmp_path):
    path = _book(tmp_path / "Ops plan.xlsx", [("Ops", [
        ("Operations — H2 2027 OKRs",),
        ("Owner: Kasem Boonma (COO)",),
        (),
        *_OKR_ROWS,
    ])])
    (okr_set,) = _run(path).org.sets
    assert okr_set.owner == "Kasem Boonma (COO)"
    assert [o.owner for o in okr_set.objectives] == [None] or okr_set.objectives[0].owner == "Mia"


# --- 9. a chat export: the pasted message's title names the team, whatever the chat is called -------------------
def test_the_pasted_messages_title_names_the_team_of_a_chat_export():
    text = ("[LINE] แชทในกลุ่ม ฝ่ายจัดซื้อ สาขาระยอง RY2\nวันที่บันทึก: 2026/12/01 10:00\n\n2026/11/30(จ.)\n"
            "09:10\tพี่ต้น\t\"OKR ฝ่ายจัดซื้อ ไตรมาส 1/2570\nวัตถุประสงค์ที่ 1: ซัพพลายเออร์ส่งวัตถุดิบครบและตรงเวลา\n"
            "1. เพิ่มอัตราการส่งตรงเวลาจาก 82% เป็น 95%\n2. ลดจำนวนใบสั่งซื้อที่ต้องแก้ไขจาก 40 เป็น 10 ใบต่อเดือน\"\n"
            "09:12\tน้องเมย์\tรับทราบค่ะ\n")
    result = _draft(text, name="[LINE] ฝ่ายจัดซื้อ สาขาระยอง RY2.txt")
    assert result.sets[0].team == "ฝ่ายจัดซื้อ"
    # the same text outside a chat export: the file name that tells teams apart still wins
    plain = _draft("OKR ฝ่ายจัดซื้อ ไตรมาส 1/2570\n\nวัตถุประสงค์ที่ 1: ซัพพลายเออร์ส่งวัตถุดิบครบ\n"
                   "1. เพิ่มอัตราการส่งตรงเวลาจาก 82% เป็น 95%\n", name="ฝ่ายจัดซื้อ สาขาระยอง.txt")
    assert plain.sets[0].team == "ฝ่ายจัดซื้อ สาขาระยอง"
