"""Review 64: OKR documents as published (web pages copied to text, a blog post, a municipal PDF, a Word annual plan,
an open-data workbook, a README) read without the page's other sections, metadata sheets or annexes."""

import pytest

from okrlint.load.draft import parse_draft, lines_from_text
from okrlint.load.pdf import draft_text
from okrlint.load.tables import Table, tables_to_result, cell_number
from okrlint.model import Location
from okrlint.text.numbers import read_numbers


def _read(text: str, name: str = "plan.txt", markdown: bool = False):
    result = parse_draft(lines_from_text(text, name, markdown=markdown), name, {})
    assert not result.errors, result.errors
    return result.sets


def _krs(sets) -> list[list[str]]:
    return [[kr.title for kr in objective.key_results] for s in sets for objective in s.objectives]


# --- 1. a plain-text section line after the last objective ends its key results --------------------------------

def test_a_plain_line_over_a_list_after_the_key_results_is_another_section():
    text = ("Objective 1: Make picking up a parcel fast\nKey results:\n"
            "- Cut median pickup time from 48 seconds to 20 seconds\n"
            "- Raise the share of parcels collected within 24 hours from 71% to 85%\n\n"
            "What we're not doing this quarter\n- Expanding to Scotland\n- Building our own delivery vans\n")
    assert _krs(_read(text)) == [["Cut median pickup time from 48 seconds to 20 seconds",
                                  "Raise the share of parcels collected within 24 hours from 71% to 85%"]]


def test_thai_related_news_after_the_key_results_is_no_key_result():
    text = ("วัตถุประสงค์ที่ 1 ช่างหัตถกรรมมีรายได้เพิ่มขึ้น\nผลลัพธ์หลัก\n"
            "1.1 รายได้เฉลี่ยเพิ่มขึ้นจาก 6,200 บาท เป็น 8,000 บาท\n1.2 จัดอบรมช่าง ๑๒ รุ่น\n\n"
            "ข่าวที่เกี่ยวข้อง\n- ประชุมเชิงปฏิบัติการจัดทำแผน ปี 2570\n- ลงนาม MOU ร่วมกับ 5 มหาวิทยาลัย\n")
    assert _krs(_read(text)) == [["รายได้เฉลี่ยเพิ่มขึ้นจาก 6,200 บาท เป็น 8,000 บาท", "จัดอบรมช่าง ๑๒ รุ่น"]]


def test_a_part_of_a_report_ends_the_objective_even_with_a_sentence_before_its_list():
    text = ("วัตถุประสงค์ที่ ๒ ผู้สูงอายุได้รับการดูแลที่บ้าน\nผลลัพธ์หลัก\n"
            "๑) สัดส่วนผู้สูงอายุที่ได้รับการเยี่ยมบ้าน จากร้อยละ ๖๒ เป็นร้อยละ ๙๕\n\n"
            "ส่วนที่ ๓ การติดตามและประเมินผล\nกองสาธารณสุขจะติดตามผลการดำเนินงานดังนี้\n"
            "๑. รายงานความก้าวหน้าต่อนายกเทศมนตรีทุกไตรมาส\n๒. เผยแพร่ผลการดำเนินงานบนเว็บไซต์\n")
    assert _krs(_read(text)) == [["สัดส่วนผู้สูงอายุที่ได้รับการเยี่ยมบ้าน จากร้อยละ ๖๒ เป็นร้อยละ ๙๕"]]


def test_appendix_line_ends_the_objective():
    text = ("Objective 1: Customers stay\n- Raise retention from 80% to 90%\n\nAppendix A\n"
            "- Glossary of terms\n- Survey questions\n")
    assert _krs(_read(text)) == [["Raise retention from 80% to 90%"]]


def test_key_results_grouped_under_a_plain_line_stay_the_objectives():
    text = ("Objective 1: Customers stay with us\n- Raise day-30 retention from 40% to 50%\n\n"
            "Enterprise customers\n- Raise enterprise renewals from 70% to 85%\n- Cut enterprise churn from 6% to 3%\n")
    assert _krs(_read(text)) == [["Raise day-30 retention from 40% to 50%", "Raise enterprise renewals from 70% to 85%",
                                  "Cut enterprise churn from 6% to 3%"]]


def test_unlabelled_key_results_right_under_an_objective_are_still_read():
    text = "Objective 1: Customers stay\n\n- Raise retention from 80% to 90%\n- Cut churn from 5% to 3%\n"
    assert _krs(_read(text)) == [["Raise retention from 80% to 90%", "Cut churn from 5% to 3%"]]


# --- 4. a numbered sub-section heading over the next objective -----------------------------------------------

def test_a_numbered_section_heading_over_the_next_objective_is_no_key_result():
    text = ("วัตถุประสงค์ที่ ๑ ชุมชนสะอาด\nผลลัพธ์หลัก\n๑) ลดปริมาณขยะ จาก ๒๘ ตัน เหลือ ๒๒ ตัน\n\n"
            "๒.๒ ด้านบริการสาธารณสุข\nวัตถุประสงค์ที่ ๒ ผู้สูงอายุได้รับการดูแล\nผลลัพธ์หลัก\n"
            "๑) สัดส่วนการเยี่ยมบ้าน จากร้อยละ ๖๒ เป็นร้อยละ ๙๕\n")
    assert _krs(_read(text)) == [["ลดปริมาณขยะ จาก ๒๘ ตัน เหลือ ๒๒ ตัน"], ["สัดส่วนการเยี่ยมบ้าน จากร้อยละ ๖๒ เป็นร้อยละ ๙๕"]]


def test_the_last_numbered_key_result_before_the_next_objective_stays():
    text = "Objective 1: X grows\n1. Raise NPS from 30 to 50\n2. Cut churn\nObjective 2: Y\n1. Grow revenue to 5M\n"
    assert _krs(_read(text)) == [["Raise NPS from 30 to 50", "Cut churn"], ["Grow revenue to 5M"]]


# --- 6. PDF: a key result cut by a page break ------------------------------------------------------------------

def test_a_pdf_key_result_cut_by_a_page_break_is_read_whole():
    pages = [
        [((10.0, "วัตถุประสงค์ที่ ๒ ผู้สูงอายุได้รับการดูแล"),), ((10.0, "ผลลัพธ์หลัก"),),
         ((30.0, "๑) ลดอัตราการเกิดแผลกดทับ จากร้อยละ ๑๘"),)],
        [((45.0, "เป็นร้อยละ ๒๐"),), ((30.0, "๒) ให้บริการดีขึ้น"),)],
    ]
    text, _ = draft_text(pages)
    assert "จากร้อยละ ๑๘\nเป็นร้อยละ ๒๐\n" in text
    assert _krs(_read(text, "plan.pdf"))[0][0] == "ลดอัตราการเกิดแผลกดทับ จากร้อยละ ๑๘เป็นร้อยละ ๒๐"


def test_a_new_item_at_the_top_of_a_page_is_not_joined():
    pages = [[((30.0, "1) Cut churn from 5% to"),)], [((30.0, "2) Grow revenue"),)],
             [((10.0, "Objective 2: Y"),)]]
    text, _ = draft_text(pages)
    assert "to\n\n2) Grow" in text


# --- 2. open-data workbooks ------------------------------------------------------------------------------------

def _workbook_result(sheets: dict[str, list[list]]):
    tables = [Table(rows=rows, locate=lambda r, c, name=name: Location("transit.xlsx", r + 1, c + 1), team=name,
                    name=name, file_team="transit") for name, rows in sheets.items()]
    return tables_to_result(tables, "transit.xlsx", {}, source_format="xlsx")


def test_metadata_and_data_dictionary_sheets_are_not_okrs():
    result = _workbook_result({
        "Metadata": [["Title", "Objectives and key results 2027"], ["Publisher", "Harbour City Transit"],
                     ["Licence", "Open Government Licence v3.0"], ["Update frequency", "Annual"]],
        "Data": [["Objective", "Key result", "Baseline", "Target", "Notes"],
                 ["Passengers arrive on time", "Share of trips departing on time", 71.5, 90, None],
                 [None, "Average daily passengers", "38,200", "45,000 2/", None], [None] * 5,
                 ["2/ Target may change with the approved budget", None, None, None, None]],
        "Data dictionary": [["Column", "Description", "Type"], ["Objective", "The objective of the OKR plan", "text"],
                            ["Key result", "How the objective is measured", "text"],
                            ["Target", "Value to reach by March 2028", "number"]],
    })
    (okr_set,) = result.sets
    assert [o.title for o in okr_set.objectives] == ["Passengers arrive on time"]
    assert [(k.baseline, k.target) for k in okr_set.objectives[0].key_results] == [(71.5, 90), (38200, 45000)]
    assert any("data dictionary" in note.message for note in result.notes)


def test_thai_metadata_and_dictionary_sheets_are_not_okrs():
    result = _workbook_result({
        "คำอธิบายชุดข้อมูล": [["ชื่อชุดข้อมูล", "วัตถุประสงค์และผลลัพธ์หลัก (OKR) ประจำปีงบประมาณ 2570"],
                              ["หน่วยงานเจ้าของข้อมูล", "องค์การขนส่งมวลชน"], ["จำนวนระเบียน", "6"]],
        "ข้อมูล": [["วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน ปี 2569", "ค่าเป้าหมาย ปี 2570"],
                   ["ผู้โดยสารเดินทางได้ตรงเวลา", "ร้อยละของเที่ยววิ่งที่ออกตรงเวลา", 71.5, 90]],
        "พจนานุกรมข้อมูล": [["ชื่อคอลัมน์", "คำอธิบาย", "ชนิดข้อมูล"], ["วัตถุประสงค์", "วัตถุประสงค์ตามแผน OKR", "ข้อความ"],
                            ["ผลลัพธ์หลัก", "ผลลัพธ์หลักที่ใช้วัดความสำเร็จ", "ข้อความ"],
                            ["ค่าเป้าหมาย ปี 2570", "ค่าเป้าหมายปีงบประมาณ 2570", "ตัวเลข"]],
    })
    assert [o.title for s in result.sets for o in s.objectives] == ["ผู้โดยสารเดินทางได้ตรงเวลา"]


def test_a_long_objective_header_with_a_year_still_heads_a_real_table():
    result = _workbook_result({"OKR": [
        ["ลำดับ", "วัตถุประสงค์เชิงยุทธศาสตร์ ประจำปีงบประมาณ 2570", "ผลลัพธ์หลัก", "ค่าเป้าหมาย"],
        [1, "ประชาชนได้รับบริการรวดเร็ว", "ระยะเวลารอคอยเฉลี่ย", 15]]})
    assert [o.title for s in result.sets for o in s.objectives] == ["ประชาชนได้รับบริการรวดเร็ว"]


@pytest.mark.parametrize("written, value", [("45,000 2/", 45000), ("90*", 90), ("45,000", 45000), ("n.a.", None)])
def test_a_footnote_mark_after_a_value(written, value):
    assert cell_number(written)[0] == value


# --- 3. a Thai annual plan: strategy chapter, annex of last year's results, chapter headings --------------------

_PLAN = """# แผนปฏิบัติราชการ ศสด. ประจำปีงบประมาณ พ.ศ. 2570

## บทที่ 2 ยุทธศาสตร์ของศูนย์ฯ

### ยุทธศาสตร์ที่ 1 ยกระดับทักษะดิจิทัลของประชาชน

เป้าประสงค์: ประชาชนกลุ่มเปราะบางมีทักษะดิจิทัลพื้นฐานเพียงพอต่อการดำรงชีวิต

กลยุทธ์

1.1 พัฒนาหลักสูตรสำหรับผู้สูงอายุและผู้พิการ

1.2 ขยายเครือข่ายวิทยากรชุมชน

## บทที่ 3 วัตถุประสงค์และผลลัพธ์หลัก (OKR) ประจำปีงบประมาณ

| วัตถุประสงค์ | ผลลัพธ์หลัก | ค่าฐาน (ปี 2569) | ค่าเป้าหมาย ปี 2570 | หน่วยนับ |
|---|---|---|---|---|
| 3. ประชาชนใช้บริการภาครัฐออนไลน์ได้ด้วยตนเอง | 3.1 สัดส่วนผู้สูงอายุที่ใช้แอปได้ด้วยตนเอง | 22 | 50 | ร้อยละ |
| | 3.2 คะแนนความพึงพอใจของผู้รับบริการ | 4.2 | 4.5 | คะแนน |

## ภาคผนวก ข ผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2569

| ตัวชี้วัด | ค่าเป้าหมาย ปี 2569 | ผลการดำเนินงาน ปี 2569 | สถานะ |
|---|---|---|---|
| ร้อยละของผู้สูงอายุที่ใช้แอปได้ด้วยตนเอง | 30 | 22 | ไม่บรรลุ |
| จำนวนศูนย์ดิจิทัลชุมชนในเครือข่าย | 40 | 40 | บรรลุ |
"""


def test_a_thai_annual_plan_reads_only_its_okr_table():
    from okrlint.load.draft import load_draft_file

    result = load_draft_file("แผนปฏิบัติราชการ ศสด. 2570.md", _PLAN.encode(), {})
    (okr_set,) = result.sets
    assert okr_set.team == "ศสด."
    assert [(o.title, [k.title for k in o.key_results]) for o in okr_set.objectives] == [
        ("ประชาชนใช้บริการภาครัฐออนไลน์ได้ด้วยตนเอง",
         ["สัดส่วนผู้สูงอายุที่ใช้แอปได้ด้วยตนเอง", "คะแนนความพึงพอใจของผู้รับบริการ"])]
    assert any("reports on a past year" in note.message for note in result.notes)


def test_strategies_under_a_goal_with_key_results_do_not_drop_it():
    text = ("เป้าประสงค์ที่ 1: ประชาชนมีทักษะดิจิทัล\nกลยุทธ์\n1.1 พัฒนาหลักสูตร\n"
            "ตัวชี้วัด\n- ร้อยละของประชาชนที่ผ่านการทดสอบ จาก 40 เป็น 60\n")
    assert _krs(_read(text)) == [["ร้อยละของประชาชนที่ผ่านการทดสอบ จาก 40 เป็น 60"]]


def test_this_years_tracker_with_results_is_still_read():
    from okrlint.load.draft import load_draft_file

    text = ("# OKR ฝ่ายขาย ปีงบประมาณ 2570\n\n| ตัวชี้วัด | ค่าเป้าหมาย ปี 2570 | ผลการดำเนินงาน ไตรมาส 1 | สถานะ |\n"
            "|---|---|---|---|\n| ยอดขายรวม | 40 | 12 | ตามแผน |\n")
    result = load_draft_file("sales.md", text.encode(), {})
    assert [k.title for s in result.sets for o in s.objectives for k in o.key_results] == ["ยอดขายรวม"]


# --- 5. a README's table of contents, its title's team, owners in brackets --------------------------------------

def test_table_of_contents_links_are_navigation_and_the_title_names_the_team():
    from okrlint.load.draft import load_draft_file

    text = ('<p align="center">\n  <img src="logo.svg" alt="Tessera">\n</p>\n\n# Tessera project OKRs — 2027 H1\n\n'
            "## Table of contents\n\n- [Objective 1](#objective-1)\n- [How to help](#how-to-help)\n\n"
            "## Objective 1: New contributors land their first PR\n\n"
            "- [ ] Cut median time to first review from 9 days to 2 days (@lindqvist)\n"
            "- [x] Publish a CONTRIBUTING guide with a one-command dev-container setup (@okoye, @lindqvist)\n")
    result = load_draft_file("docs/OKRs.md", text.encode(), {})
    (okr_set,) = result.sets
    assert okr_set.team == "Tessera"
    (objective,) = okr_set.objectives
    assert objective.title == "New contributors land their first PR"
    assert [(k.title, k.owner) for k in objective.key_results] == [
        ("Cut median time to first review from 9 days to 2 days", "@lindqvist"),
        ("Publish a CONTRIBUTING guide with a one-command dev-container setup", "@okoye, @lindqvist")]


@pytest.mark.parametrize("text, count", [
    ("Publish a guide with a one-command setup", 0), ("Offer one-click checkout", 0),
    ("Cut costs by one-third", 1), ("Launch one new product", 1)])
def test_one_joined_to_a_noun_is_no_number(text, count):
    assert len(read_numbers(text)) == count
