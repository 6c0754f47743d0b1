"""OKRs kept in Markdown pipe tables (wikis, READMEs, Notion exports), and goals written as text in target cells."""

from __future__ import annotations

import textwrap

import pytest

from okrlint.load.draft import load_draft_file
from okrlint.load.markdown_tables import split_tables
from okrlint.text.numbers import parse_goal


def load(text: str, name: str = "school.okr.md"):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), {})


THAI_TABLE = """
    # OKR โรงเรียนบ้านหนองบัว
    **หน่วยงาน:** ฝ่ายวิชาการ
    **ช่วงเวลา:** ไตรมาส 1/2570

    | Objective | Key Results | ค่าเป้าหมาย | ผู้รับผิดชอบ |
    |---|:---|---:|---|
    | นักเรียนอ่านออกเขียนได้ทุกคน | ร้อยละของนักเรียน ป.1 ที่อ่านออก | จาก 65% เป็น 90% | ครูวิชาการ |
    |  | จำนวนนักเรียนที่อ่านไม่ออก | ลดลงเหลือ 5 คน | ครูประจำชั้น |
    | ผู้ปกครองมีส่วนร่วมกับโรงเรียน | ผู้ปกครองเข้าร่วม<br>ประชุมผู้ปกครอง | ไม่น้อยกว่าร้อยละ 80 | **ฝ่ายบริหาร** |
    |  | ผู้ปกครองตอบแบบสอบถาม | 300 คน | ฝ่ายบริหาร |
    """


def test_a_pipe_table_is_read_like_spreadsheet_rows_with_positions():
    result = load(THAI_TABLE)
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "ฝ่ายวิชาการ"  # the document's own label holds for its table
    assert okr_set.period is not None and okr_set.period.is_known
    first, second = okr_set.objectives
    assert first.title == "นักเรียนอ่านออกเขียนได้ทุกคน"
    assert [kr.title for kr in first.key_results] == ["ร้อยละของนักเรียน ป.1 ที่อ่านออก", "จำนวนนักเรียนที่อ่านไม่ออก"]
    # <br> is a line break inside the cell: one key result wrapped over two lines, as in a spreadsheet cell
    assert [kr.title for kr in second.key_results] == ["ผู้ปกครองเข้าร่วมประชุมผู้ปกครอง", "ผู้ปกครองตอบแบบสอบถาม"]
    reading = first.key_results[0]
    assert (reading.baseline, reading.target) == (65.0, 90.0)  # the change written in the target cell
    assert (reading.location.line, reading.location.column) == (7, 34)
    assert first.key_results[1].target == 5.0 and first.key_results[1].problems == ()
    assert second.key_results[0].target == 80.0 and second.key_results[0].owner == "ฝ่ายบริหาร"


LISTED_IN_ONE_CELL = """
    | วัตถุประสงค์ | ตัวชี้วัด | ค่าเป้าหมาย | ผู้รับผิดชอบ |
    |---|---|---|---|
    | ประชาชนได้รับบริการเร็วขึ้น | 1. ร้อยละความพึงพอใจของผู้รับบริการ<br>2. เวลารอคอยเฉลี่ยต่อราย (นาที) | 1. ร้อยละ 85<br>2. 15 | กองบริการ |
    | ลดต้นทุนการดำเนินงาน | - ค่าพลังงานลดลง<br>- กระบวนงานที่เป็นดิจิทัล | ร้อยละ 10 | กองคลัง |
    | ชุมชนร่วมมือกับเรา | จำนวนเครือข่ายชุมชนที่ร่วมจัดกิจกรรมเพิ่มขึ้น<br>อย่างต่อเนื่องตลอดปี | 20 | กองส่งเสริม |
    """


def test_key_results_listed_in_one_cell_take_their_own_line_of_each_cell_beside_them():
    result = load(LISTED_IN_ONE_CELL, "plan.okr.md")
    first, second, third = result.sets[0].objectives
    assert [(kr.title, kr.target, kr.owner) for kr in first.key_results] == [
        ("ร้อยละความพึงพอใจของผู้รับบริการ", 85, "กองบริการ"), ("เวลารอคอยเฉลี่ยต่อราย (นาที)", 15, "กองบริการ")]
    # One target for two listed key results belongs to neither, and says so once.
    assert [(kr.title, kr.target, kr.owner) for kr in second.key_results] == [
        ("ค่าพลังงานลดลง", None, "กองคลัง"), ("กระบวนงานที่เป็นดิจิทัล", None, "กองคลัง")]
    assert [p.field for p in second.key_results[0].problems] == ["target"] and not second.key_results[1].problems
    # A title wrapped over two lines is one key result.
    assert [(kr.title, kr.target) for kr in third.key_results] == [
        ("จำนวนเครือข่ายชุมชนที่ร่วมจัดกิจกรรมเพิ่มขึ้นอย่างต่อเนื่องตลอดปี", 20)]


def test_a_note_wrapped_onto_a_row_of_its_own_joins_the_key_result_above():
    result = load("""
        | วัตถุประสงค์ | ตัวชี้วัด | ค่าฐาน | ค่าเป้าหมาย |
        |---|---|---|---|
        | ผู้ประกอบการได้รับเงินเร็วขึ้น | ระยะเวลาเบิกจ่ายเฉลี่ยหลังตรวจรับ | 15 วัน | 5 วัน |
        | | (นับจากวันที่ตรวจรับพัสดุ) | | |
        | | ร้อยละของฎีกาที่ถูกส่งคืนแก้ไข | 30% | ไม่เกิน 10% |
        """, "finance.okr.md")
    krs = result.sets[0].objectives[0].key_results
    assert [kr.title for kr in krs] == ["ระยะเวลาเบิกจ่ายเฉลี่ยหลังตรวจรับ (นับจากวันที่ตรวจรับพัสดุ)", "ร้อยละของฎีกาที่ถูกส่งคืนแก้ไข"]


def test_tables_without_okr_columns_are_skipped_and_text_okrs_still_read():
    result = load("""
        Objective: Make checkout faster
        Key results:
        - Cut checkout time from 95 s to 40 s
        - Raise conversion from 2% to 3%

        | Week | Milestone |
        |------|-----------|
        | 1 | Kick-off |
        """, "shop.okr.md")
    assert result.errors == ()
    (okr_set,) = result.sets
    assert [o.title for o in okr_set.objectives] == ["Make checkout faster"]


def test_a_draft_with_neither_okr_lines_nor_an_okr_table_is_one_error():
    result = load("""
        # Notes
        | Week | Milestone |
        |---|---|
        | 1 | Kick-off |
        """)
    assert result.sets == ()
    assert [e.message for e in result.errors] == [
        "no OKRs found: no 'Objective:' lines and no table with Objective / Key result columns"]


def test_split_tables_keeps_line_numbers_and_escaped_pipes():
    text = "intro\n| Objective | Key result |\n| --- | --- |\n| Grow a\\|b | Raise x from 1 to 2 |\n\nafter\n"
    tables, rest = split_tables(text)
    assert rest.splitlines() == ["intro", "", "", "", "", "after"]
    (table,) = tables
    assert [[text for _, _, text in row] for row in table.cells] == [["Objective", "Key result"], ["Grow a|b", "Raise x from 1 to 2"]]
    assert table.cells[1][1][:2] == (4, 15)
    assert split_tables("a | b\nnot a separator\n")[0] == []


@pytest.mark.parametrize("text, goal", [
    ("80", (None, 80.0)),
    ("ร้อยละ 80", (None, 80.0)),
    ("ไม่น้อยกว่าร้อยละ 80", (None, 80.0)),
    ("at least 80%", (None, 80.0)),
    ("≤ 2", (None, 2.0)),
    ("ลดลงเหลือ 5 คน", (None, 5.0)),
    ("จาก 65% เป็น 90%", (65.0, 90.0)),
    ("from 65% to 90%", (65.0, 90.0)),
    ("ภายในปี 2570", None),
    ("high", None),
    ("10, 20 or 30", None),
    ("", None),
])
def test_goals_written_as_text(text, goal):
    assert parse_goal(text) == goal


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["|", " | ", "---", ":--", "|---|---|", "\\|", "<br>", "**", "Objective", "Key result",
                           "ค่าเป้าหมาย", "ผลลัพธ์หลัก", "จาก 5 เป็น 9", "ร้อยละ 80", "x", " ", "\t", "-", "1."])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=12))
def test_any_pipe_text_keeps_its_lines_and_never_breaks_the_loader(lines):
    text = "\n".join(lines) + "\n"
    tables, rest = split_tables(text)
    assert len(rest.splitlines()) == len(text.splitlines())
    result = load_draft_file("fuzz.okr.md", text.encode("utf-8"), {})
    for okr_set in result.sets:
        for objective in okr_set.objectives:
            assert objective.location.line >= 1


def test_okrs_in_lines_and_in_a_table_of_one_draft_are_one_set():
    text = ("Team: ops\n\nObjective: Faster service\nKey results:\n- Cut waiting time from 40 to 15 minutes\n\n"
            "| Objective | Key result |\n|---|---|\n| Lower cost | Cut paper cost from 120 to 40 |\n")
    result = load_draft_file("ops.md", text.encode("utf-8"), {})
    assert result.errors == ()
    (okr_set,) = result.sets  # not two sets of team 'ops' (a duplicate-team error)
    assert [(o.uid, o.title, [kr.uid for kr in o.key_results]) for o in okr_set.objectives] == [
        ("ops/o1", "Faster service", ["ops/o1/kr1"]), ("ops/o2", "Lower cost", ["ops/o2/kr1"])]
    assert okr_set.objectives[1].location.line == 9


def test_backslash_escapes_in_cells_are_undone_in_markdown_only():
    text = ("| Objective | Key result | Baseline | Target |\n|---|---|---|---|\n"
            "| Grow \\$ revenue | Raise revenue from \\$0.7M to \\$1.2M \\*\\*a\\|b\\*\\* \\<br> x | \\~0.7 | 1\\.2 |\n")
    (table,), _ = split_tables(text)
    assert [cell for _, _, cell in table.cells[1]] == [
        "Grow $ revenue", "Raise revenue from $0.7M to $1.2M **a|b** <br> x", "~0.7", "1.2"]
    (okr_set,) = load_draft_file("plan.md", text.encode("utf-8"), {}).sets
    (kr,) = okr_set.objectives[0].key_results
    assert (kr.baseline, kr.target) == (0.7, 1.2) and kr.problems == ()
    (plain,), _ = split_tables(text, markdown=False)  # in a .txt draft a backslash is text, but \| is table syntax
    assert [cell for _, _, cell in plain.cells[1]][:2] == [
        "Grow \\$ revenue", "Raise revenue from \\$0.7M to \\$1.2M \\*\\*a|b\\*\\* \\<br> x"]


def test_a_project_list_beside_an_okr_table_is_not_an_outline_of_okrs():
    from okrlint.load.draft import load_draft_file

    text = ("# แผนปฏิบัติราชการ กรม ก ประจำปีงบประมาณ 2570\n\n| เป้าประสงค์ | ตัวชี้วัด | ค่าฐาน | ค่าเป้าหมาย |\n"
            "|---|---|---|---|\n| ผู้รับบริการพึงพอใจ | ร้อยละความพึงพอใจ | 80 | 90 |\n| | ระยะเวลารอคอย (นาที) | 30 | 15 |\n\n"
            "## ส่วนที่ 4 โครงการสำคัญ\n1. โครงการยกระดับมาตรฐานสินค้าชุมชน งบประมาณ 12.5 ล้านบาท\n"
            "2. โครงการตลาดออนไลน์ชุมชน งบประมาณ 8 ล้านบาท\n")
    (okr_set,) = load_draft_file("plan.okr.md", text.encode(), {}).sets
    assert [(o.title, len(o.key_results)) for o in okr_set.objectives] == [("ผู้รับบริการพึงพอใจ", 2)]
