"""Space-aligned tables in plain-text drafts (text copied from a PDF): found, read by display column, their
lines blanked; text without such a table reads as before."""

from __future__ import annotations

from okrlint.load.draft import load_draft_file
from okrlint.load.text_tables import char_width, segments, split_text_tables
from okrlint.text.periods import current_fiscal_year

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# Thai vowels above the line (ั ี ื) and tone marks (่ ้) take no width: the values line up by display
# column although the lines differ in length in characters.
THAI = (
    "หน่วยงาน: กองคุ้มครองสิทธิผู้สูงอายุ\n"
    "\n"
    "เป้าประสงค์ที่ ๑ ผู้สูงอายุที่ถูกทอดทิ้งได้รับการช่วยเหลือรวดเร็ว\n"
    "ตัวชี้วัด                                               ค่าฐาน ๒๕๖๘    ค่าเป้าหมาย ๒๕๗๐   หน่วยนับ\n"
    "๑.๑ ร้อยละของกรณีที่ได้รับการช่วยเหลือภายใน ๒๔ ชั่วโมง          ๗๐              ๙๐               ร้อยละ\n"
    "หลังรับแจ้ง\n"
    "    ค่าเป้าหมายรายไตรมาส  ไตรมาส ๑ ร้อยละ ๘๐  ไตรมาส ๒ ร้อยละ ๘๕\n"
    "๑.๒ ร้อยละของผู้สูงอายุที่ถูกกระทำซ้ำภายใน                   ๙               ๔                ร้อยละ\n"
    "๑๒ เดือน\n"
    "\n"
    "เป้าประสงค์ที่ ๒ ครอบครัวรู้ช่องทางขอความช่วยเหลือและกล้าแจ้งเหตุ\n"
    "ตัวชี้วัด                                               ค่าฐาน ๒๕๖๘    ค่าเป้าหมาย ๒๕๗๐   หน่วยนับ\n"
    "๒.๑ จำนวนผู้เข้าชมคลิปรณรงค์บนเพจของกอง                 ๑๒๐,๐๐๐         ๕๐๐,๐๐๐          ครั้ง\n"
)

ENGLISH = """\
Team: Support
Quarter: Q3 2026

Objective 1: Customers get answers fast
Key result                              Baseline    Target    Owner
KR1 Median first response time          9 h         2 h       Ana Lee
KR2 Share of tickets solved in one        41%         65%     Bo Chen
reply
Objective 2: Keep customers renewing
Key result                              Baseline    Target    Owner
Gross revenue retention                 86%         92%       Dana

    Logo churn                           12          8         Eli Park

Notes from the review follow here.
"""


def load(text: str, name: str = "plan.txt"):
    return load_draft_file(name, text.encode("utf-8"), {})


def krs(result):
    (okr_set,) = result.sets
    return [(o.title, [(kr.title, kr.baseline, kr.target) for kr in o.key_results]) for o in okr_set.objectives]


def test_display_width_skips_thai_marks():
    assert [char_width(ch) for ch in "ชี้วัด"] == [1, 0, 0, 1, 0, 1]
    assert char_width("表") == 2
    (first, second) = segments("ตัวชี้วัด   ค่าฐาน")
    assert (first.start, first.end, first.char) == (0, 5, 0)
    assert (second.start, second.char, second.text) == (8, 12, "ค่าฐาน")


def test_thai_plan_reads_baselines_and_targets_by_column():
    result = load(THAI)
    assert result.errors == ()
    assert krs(result) == [
        ("ผู้สูงอายุที่ถูกทอดทิ้งได้รับการช่วยเหลือรวดเร็ว", [
            ("ร้อยละของกรณีที่ได้รับการช่วยเหลือภายใน ๒๔ ชั่วโมงหลังรับแจ้ง", 70.0, 90.0),
            ("ร้อยละของผู้สูงอายุที่ถูกกระทำซ้ำภายใน ๑๒ เดือน", 9.0, 4.0),
        ]),
        ("ครอบครัวรู้ช่องทางขอความช่วยเหลือและกล้าแจ้งเหตุ", [
            ("จำนวนผู้เข้าชมคลิปรณรงค์บนเพจของกอง", 120000.0, 500000.0),
        ]),
    ]
    (okr_set,) = result.sets
    assert okr_set.team == "กองคุ้มครองสิทธิผู้สูงอายุ"
    first = okr_set.objectives[0].key_results[0]
    assert first.unit == "ร้อยละ"
    # the cells' own lines and columns (characters, as editors count them)
    line = THAI.splitlines()[4]
    assert (first.location.line, first.location.column) == (5, 1)
    baseline = first.location_of("baseline")
    assert (baseline.line, baseline.column) == (5, line.index("๗๐") + 1)
    target = first.location_of("target")
    assert (target.line, target.column) == (5, line.index("๙๐") + 1)
    second = okr_set.objectives[1].key_results[0]
    assert second.location_of("target").line == 13


def test_thai_table_lines_are_blanked_and_notes_are_not_rows():
    tables, text = split_text_tables(THAI)
    assert len(tables) == 2
    assert text.count("\n") == THAI.count("\n")
    kept = [line for line in text.splitlines() if line.strip()]
    assert kept == ["หน่วยงาน: กองคุ้มครองสิทธิผู้สูงอายุ",
                    "เป้าประสงค์ที่ ๑ ผู้สูงอายุที่ถูกทอดทิ้งได้รับการช่วยเหลือรวดเร็ว",
                    "เป้าประสงค์ที่ ๒ ครอบครัวรู้ช่องทางขอความช่วยเหลือและกล้าแจ้งเหตุ"]
    rows = [[text for _, _, text in row] for row in tables[0].cells]
    assert rows == [
        ["ตัวชี้วัด", "ค่าฐาน ๒๕๖๘", "ค่าเป้าหมาย ๒๕๗๐", "หน่วยนับ"],
        ["๑.๑ ร้อยละของกรณีที่ได้รับการช่วยเหลือภายใน ๒๔ ชั่วโมงหลังรับแจ้ง", "๗๐", "๙๐", "ร้อยละ"],
        ["๑.๒ ร้อยละของผู้สูงอายุที่ถูกกระทำซ้ำภายใน ๑๒ เดือน", "๙", "๔", "ร้อยละ"],
    ]
    assert "ไตรมาส" not in " ".join(kr.title for o in load(THAI).sets[0].objectives for kr in o.key_results)


def test_english_tables_under_objective_labels():
    result = load(ENGLISH)
    assert result.errors == ()
    assert krs(result) == [
        ("Customers get answers fast", [
            ("Median first response time", 9.0, 2.0),
            ("Share of tickets solved in one reply", 41.0, 65.0),
        ]),
        ("Keep customers renewing", [("Gross revenue retention", 86.0, 92.0), ("Logo churn", 12.0, 8.0)]),
    ]
    (okr_set,) = result.sets
    assert [kr.owner for o in okr_set.objectives for kr in o.key_results] == ["Ana Lee", "Bo Chen", "Dana", "Eli Park"]
    logo = okr_set.objectives[1].key_results[1]
    assert (logo.location.line, logo.location.column) == (13, 5)
    assert okr_set.period is not None and okr_set.period.text == "Q3 2026"


def test_years_under_a_target_column_choose_the_current_fiscal_year():
    year = current_fiscal_year() + 543
    years = [str(y).translate(THAI_DIGITS) for y in (year - 1, year, year + 1)]
    text = (
        "เป้าประสงค์ที่ ๑ วิสาหกิจชุมชนมีรายได้เพิ่มขึ้น\n"
        "\n"
        "ตัวชี้วัด                                หน่วยนับ    ค่าฐาน    ค่าเป้าหมาย\n"
        f"                                                          {years[0]}     {years[1]}     {years[2]}\n"
        "จำนวนวิสาหกิจที่จดทะเบียนใหม่               แห่ง        ๘๐        ๙๐       ๑๐๐      ๑๑๐\n"
        "จำนวนเครือข่ายระดับอำเภอที่ดำเนินกิจกรรม      เครือข่าย    ๖         ๘        ๑๐        ๑๒\n"
        "ต่อเนื่อง\n"
        "\n"
        "หมายเหตุ: ค่าเป้าหมายอาจปรับตามงบประมาณ\n"
    )
    result = load(text)
    assert result.errors == ()
    assert krs(result) == [("วิสาหกิจชุมชนมีรายได้เพิ่มขึ้น", [
        ("จำนวนวิสาหกิจที่จดทะเบียนใหม่", 80.0, 100.0),
        ("จำนวนเครือข่ายระดับอำเภอที่ดำเนินกิจกรรมต่อเนื่อง", 6.0, 10.0),
    ])]
    assert result.sets[0].objectives[0].key_results[0].unit == "แห่ง"


def test_a_blank_line_then_a_row_continues_the_table_and_then_prose_ends_it():
    text = (
        "Objective: Faster support\n"
        "Key result                  Baseline   Target\n"
        "First response hours        9          2\n"
        "\n"
        "Tickets reopened            120        60\n"
        "\n"
        "We will review this in July.\n"
    )
    tables, rest = split_text_tables(text)
    assert [len(t.cells) for t in tables] == [3]
    assert rest.splitlines()[-1] == "We will review this in July."
    assert krs(load(text)) == [("Faster support", [("First response hours", 9.0, 2.0), ("Tickets reopened", 120.0, 60.0)])]


def test_an_objective_label_ends_the_table():
    text = (
        "Key result                  Baseline   Target\n"
        "Objective 2: Happier customers\n"
        "Key result                  Baseline   Target\n"
        "CSAT                        4.1        4.5\n"
    )
    tables, rest = split_text_tables(text)
    assert len(tables) == 1 and tables[0].cells[0][0][0] == 3  # a header with no row under it is no table
    assert rest.splitlines()[:2] == text.splitlines()[:2]


def test_results_report_and_prose_read_as_before():
    report = (
        "รายงานผลการดำเนินงานตามตัวชี้วัด ไตรมาสที่ ๔\n"
        "\n"
        "ลำดับ  ตัวชี้วัด                                  ค่าเป้าหมาย   ผลการดำเนินงาน   ผลการประเมิน\n"
        "๑      ร้อยละของครัวเรือนที่คัดแยกขยะก่อนทิ้ง         ร้อยละ ๖๐      ร้อยละ ๖๓.๒       บรรลุ\n"
        "๒      ปริมาณขยะมูลฝอยที่ส่งกำจัดต่อวัน (ตัน)         ไม่เกิน ๔๘      ๔๕.๗             บรรลุ\n"
    )
    prose = (
        "Objective: Ship the new onboarding.  It matters a lot.\n"
        "Key results:\n"
        "- Activation from 30%  to 45%\n"
    )
    for text in (report, prose):
        assert split_text_tables(text) == ([], text)
    assert load(report).errors[0].message.startswith("no objectives found")


def test_markdown_and_crlf():
    text = ENGLISH.replace("\n", "\r\n")
    tables, rest = split_text_tables(text)
    assert len(tables) == 2
    assert rest.count("\r\n") == text.count("\r\n")
    assert krs(load(text)) == krs(load(ENGLISH))
    # Markdown drafts keep their own reading: aligned columns there are a code block or prose
    markdown = load(ENGLISH, "plan.md")
    assert all(kr.baseline is None for o in markdown.sets[0].objectives for kr in o.key_results)


def test_objective_column_beside_key_results():
    text = (
        "Team: Growth\n"
        "\n"
        "Objective          Key result                          Baseline   Target\n"
        "O1 More trials     Trial signups per month             800        1,400\n"
        "                   Trial to paid conversion            11%        16%\n"
        "O2 Win agencies    Agency accounts                     85         160\n"
    )
    result = load(text)
    assert result.errors == ()
    assert krs(result) == [
        ("More trials", [("Trial signups per month", 800.0, 1400.0), ("Trial to paid conversion", 11.0, 16.0)]),
        ("Win agencies", [("Agency accounts", 85.0, 160.0)]),
    ]
    kr = result.sets[0].objectives[0].key_results[1]
    assert (kr.location.line, kr.location.column) == (5, 20)
