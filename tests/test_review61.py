"""Review 61 (a Thai provincial administrative organisation, อบจ., ปีงบประมาณ 2570: a quarterly check-in workbook, the
ปลัด's Word memo, a LINE export, Markdown). An instructions sheet's worked example is no team's set however it is
marked; the unit a key result is given to ("กองที่รับผิดชอบ") is its owner; a title cell's "ข้อมูล ณ วันที่ …" is no part
of the team's name; a file name's abbreviations ("อบจ.", "พ.ศ.") do not hide its period; an objective that only
states the effort ("ส่งเสริม…" + any noun) is vague; a typed "เเ" for "แ" in a header, ความเชื่อมั่น as confidence, and a
memo's set named after the organisation its ส่วนราชการ line names."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from okrlint.cli import main
from okrlint.engine import period_of_name
from okrlint.load.columns import field_for_header
from okrlint.load.draft import default_team, load_draft_file, memo_organisation
from okrlint.load.draft_fields import _first_phrase
from okrlint.load.spreadsheet import load_spreadsheet

HEADER = ["ลำดับ", "วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย", "ผลไตรมาส 1", "คะแนน (0.0–1.0)", "สถานะ",
          "ผู้รับผิดชอบ"]
REAL = [HEADER,
        [1, "ประชาชนชำระภาษีได้สะดวก", "สัดส่วนการชำระภาษีออนไลน์", "ร้อยละ 35", "ร้อยละ 70", "ร้อยละ 41", 0.2,
         "ตามแผน", "นาง ก"],
        [None, None, "เวลาออกใบเสร็จเฉลี่ย", "3 วัน", "1 วัน", "2 วัน", 0.5, "ตามแผน", "นาง ก"]]


def _workbook(sheets) -> bytes:
    book = Workbook()
    for position, (name, rows) in enumerate(sheets):
        sheet = book.active if position == 0 else book.create_sheet(name)
        sheet.title = name
        for row in rows:
            sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _load(sheets, name: str = "tracker.xlsx"):
    return load_spreadsheet(name, _workbook(sheets), {})


def _example_row(number, objective):
    return [number, objective, "ครัวเรือนที่มีน้ำประปาใช้ตลอด 24 ชม.", "ร้อยละ 70", "ร้อยละ 85", "ร้อยละ 74", 0.3,
            "ตามแผน", "นาย ก."]


# H1. The instructions sheet's worked example ------------------------------------------------------------------------

@pytest.mark.parametrize("title, number, objective", [
    ("ตัวอย่างการกรอก", "ตัวอย่าง", "(ตัวอย่าง) ประชาชนมีน้ำประปาใช้"),    # brackets, no colon
    ("ตัวอย่างการกรอก", "ตัวอย่าง", "ประชาชนมีน้ำประปาใช้"),               # only the ลำดับ cell says so
    ("ตัวอย่างการกรอก", 1, "ประชาชนมีน้ำประปาใช้"),                        # only the title above the header says so
    ("ตัวอย่างการกรอก", 1, "ตัวอย่าง: ประชาชนมีน้ำประปาใช้"),               # marked as before: no empty set left behind
])
def test_an_instructions_sheet_example_is_no_team(title, number, objective):
    result = _load([("คำชี้แจง", [["คำชี้แจงการกรอก"], ["1. กรอกในชีตของกอง"], [title], HEADER,
                                  _example_row(number, objective)]),
                    ("กองคลัง", REAL)])
    assert [s.team for s in result.sets] == ["กองคลัง"]
    assert not result.errors
    assert any("sheet 'คำชี้แจง' holds only the form's example" in note.message for note in result.notes)


@pytest.mark.parametrize("sheet, title", [
    ("Instructions", "How to fill in this tracker"),   # the sheet's name says it
    ("Guide", "Example"),                              # the title right above the header
    ("Sheet3", "e.g."),
])
def test_an_english_example_table_is_no_team(sheet, title):
    header = ["No.", "Objective", "Key result", "Baseline", "Target"]
    result = _load([(sheet, [[title], header, [1, "Households have clean water", "Homes with water 24h", "70%", "85%"]]),
                    ("Finance", [header, [1, "Citizens pay tax easily", "Online payments share", "35%", "70%"],
                                 [None, None, "Days to issue a receipt", "3", "1"]])])
    assert [s.team for s in result.sets] == ["Finance"]


@pytest.mark.parametrize("marker", ["ตัวอย่าง", "Example", "e.g.", "(ตัวอย่าง)"])
def test_an_example_row_marked_in_its_number_column_is_left_out(marker):
    result = _load([("กองคลัง", [HEADER, _example_row(marker, "ประชาชนมีน้ำประปาใช้"), *REAL[1:]])])
    (okr_set,) = result.sets
    assert [o.title for o in okr_set.objectives] == ["ประชาชนชำระภาษีได้สะดวก"]


def test_the_examples_further_key_results_go_with_it():
    example_kr = [None, None, "น้ำประปาไหลแรงพอ", "ร้อยละ 60", "ร้อยละ 90", None, None, None, None]
    result = _load([("กองคลัง", [HEADER, _example_row("ตัวอย่าง", "ประชาชนมีน้ำประปาใช้"), example_kr, *REAL[1:]])])
    (okr_set,) = result.sets
    assert [(o.title, len(o.key_results)) for o in okr_set.objectives] == [("ประชาชนชำระภาษีได้สะดวก", 2)]


@pytest.mark.parametrize("objective", ["(ตัวอย่าง) ประชาชนมีน้ำประปาใช้", "[Example] Reduce churn", "e.g. Reduce churn"])
def test_a_title_marked_as_the_example_without_a_colon(objective):
    result = _load([("กองคลัง", [HEADER, _example_row(1, objective), *REAL[1:]])])
    (okr_set,) = result.sets
    assert [o.title for o in okr_set.objectives] == ["ประชาชนชำระภาษีได้สะดวก"]


def test_a_workbook_of_only_examples_is_still_an_empty_form():
    result = _load([("คำชี้แจง", [["ตัวอย่างการกรอก"], HEADER, _example_row("ตัวอย่าง", "ประชาชนมีน้ำประปาใช้")]),
                    ("กองคลัง", [HEADER])])
    assert any("an empty OKR form" in error.message for error in result.errors)


def test_every_sheet_titled_as_an_example_is_read_as_the_teams():
    """A team that filled in a copy of the template and kept its title: every sheet says so, so none is the example."""
    result = _load([("กองคลัง", [["ตัวอย่างการกรอก"], *REAL]), ("กองช่าง", [["ตัวอย่างการกรอก"], *REAL])])
    assert [s.team for s in result.sets] == ["กองคลัง", "กองช่าง"]


@pytest.mark.parametrize("title", ["ตัวอย่างสินค้าผ่านการตรวจคุณภาพ", "Examples of good service are shared weekly"])
def test_a_title_that_starts_with_the_word_is_no_example(title):
    result = _load([("กองคลัง", [HEADER, _example_row(1, title), *REAL[1:]])])
    (okr_set,) = result.sets
    assert okr_set.objectives[0].title == title


def test_an_unfilled_team_sheet_is_still_reported():
    """Prompts only (no example) in a team's sheet: the team has not filled it in, which STR009 says."""
    result = _load([("กองคลัง", REAL), ("กองช่าง", [HEADER, [None, "[ระบุวัตถุประสงค์]", "[ระบุผลลัพธ์หลัก]"]])])
    assert [s.team for s in result.sets] == ["กองคลัง", "กองช่าง"]


# H2. The unit a key result is given to ------------------------------------------------------------------------------

@pytest.mark.parametrize("header", [
    "กองที่รับผิดชอบ", "กองรับผิดชอบ", "ฝ่ายที่รับผิดชอบ", "ส่วนที่รับผิดชอบ", "ส่วนราชการที่รับผิดชอบ",
    "สำนัก/กองที่รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "หน่วยงานรับผิดชอบ", "Responsible division", "Responsible unit",
    "Lead unit", "Department responsible", "Division in charge",
])
def test_a_responsible_unit_column_is_the_owner(header):
    assert field_for_header(header) == "owner"


@pytest.mark.parametrize("header, field", [("กอง", "team"), ("ฝ่าย", "team"), ("หน่วยงาน", "team"), ("Department", "team")])
def test_a_unit_column_alone_is_still_the_team(header, field):
    assert field_for_header(header) == field


def test_a_division_carrying_the_key_result_the_organisation_gives_it(tmp_path):
    org = [["ที่", "วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "ค่าเป้าหมาย", "กองที่รับผิดชอบ"],
           [1, "ประชาชนได้รับบริการสุขภาพใกล้บ้าน", "เวลารอรับบริการเฉลี่ยที่ รพ.สต.", "95 นาที", "40 นาที", "กองสาธารณสุข"],
           [1, "ประชาชนได้รับบริการสุขภาพใกล้บ้าน", "ผู้ป่วยติดเตียงได้รับการเยี่ยมบ้าน", "ร้อยละ 64", "ร้อยละ 90",
            "กองสาธารณสุข"]]
    division = [["ลำดับ", "วัตถุประสงค์", "สอดคล้องกับ", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย"],
                [1, "ผู้สูงอายุได้รับการดูแลต่อเนื่องที่บ้าน", "O1", "เวลารอรับบริการเฉลี่ยที่ รพ.สต.", "95 นาที", "40 นาที"],
                [None, None, None, "ผู้สูงอายุติดเตียงที่ได้รับการดูแลที่บ้านทุกเดือน", "ร้อยละ 50", "ร้อยละ 80"]]
    path = tmp_path / "okr.xlsx"
    path.write_bytes(_workbook([("องค์กร", org), ("กองสาธารณสุข", division)]))
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", "ALN012"])
    assert json.loads(run.stdout)["findings"] == []
    renamed = _workbook([("องค์กร", [[*org[0][:-1], "หมายเหตุ"], *org[1:]]), ("กองสาธารณสุข", division)])
    path.write_bytes(renamed)  # the same without the column: the division only repeats the organisation's key result
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", "ALN012"])
    assert json.loads(run.stdout)["findings"]


# M1. "ข้อมูล ณ วันที่ …" after the team's name -----------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("กองช่าง     ข้อมูล ณ วันที่ 20 พ.ย. 2569", "กองช่าง"),
    ("กองช่าง ณ วันที่ 20 พ.ย. 2569", "กองช่าง"),
    ("ฝ่ายบัญชี ปรับปรุงล่าสุด 1/11/69", "ฝ่ายบัญชี"),
    ("Payments (as of 3 Nov)", "Payments"),
    ("Growth — updated 2 Nov", "Growth"),
    ("กองปรับปรุงพันธุ์พืช", "กองปรับปรุงพันธุ์พืช"),   # a name that holds the word stays whole
    ("ฝ่ายข้อมูลสารสนเทศ", "ฝ่ายข้อมูลสารสนเทศ"),
    ("Updates team", "Updates team"),
])
def test_when_the_figures_date_from_is_no_part_of_a_name(text, name):
    assert _first_phrase(text) == name


def test_a_title_cell_with_the_unit_and_its_date():
    rows = [["แบบติดตามผล OKR รายไตรมาส ประจำปีงบประมาณ พ.ศ. ๒๕๗๐"],
            ["หน่วยงาน: กองช่าง     ข้อมูล ณ วันที่ 20 พ.ย. 2569"], *REAL]
    result = _load([("กองช่าง", rows), ("กองคลัง", REAL)])
    assert sorted(s.team for s in result.sets) == ["กองคลัง", "กองช่าง"]


# M2. A file name's abbreviations --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("แบบติดตาม OKR รายไตรมาส อบจ.ศรีนคราภิรมย์ ปีงบ 2570.xlsx", "ปีงบ 2570"),
    ("OKR รพ.สต. ปีงบประมาณ 2570.docx", "ปีงบประมาณ 2570"),
    ("แผน OKR พ.ศ. 2570.xlsx", "2570"),
    ("sales_okrs_2027-Q1.okr.md", "2027-Q1"),
])
def test_a_file_names_period_after_an_abbreviation(name, text):
    period = period_of_name(name, 10)
    assert period is not None and period.text == text


@pytest.mark.parametrize("name", ["sales.okr.md", "notes (2025).md", "report.2026-07-03.md"])
def test_no_period_in_the_name(name):
    assert period_of_name(name, 10) is None


# M3. Thai objectives that only state the effort ------------------------------------------------------------------------

def _vague_objectives(tmp_path, titles):
    objectives = "".join(f"  - title: {title}\n    key_results: [ตัวชี้วัด ก จาก 30% เป็น 50%, ตัวชี้วัด ข จาก 40% เป็น 60%]\n"
                         for title in titles)
    path = tmp_path / "t.okr.yaml"
    path.write_text(f"team: t\nperiod: ปีงบประมาณ 2570\nlanguage: th\nobjectives:\n{objectives}", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", "CLA003,CLA008"])
    return {f["line"] for f in json.loads(run.stdout)["findings"]}


@pytest.mark.parametrize("title", [
    "ส่งเสริมคุณธรรมจริยธรรมของเยาวชน", "ส่งเสริมสุขภาพประชาชน", "ส่งเสริมอาชีพ", "ส่งเสริมศิลปวัฒนธรรมท้องถิ่น",
    "สนับสนุนกิจกรรมเยาวชน", "ส่งเสริมและพัฒนาคุณภาพชีวิตผู้สูงอายุ", "ผลักดันนโยบายสาธารณะ", "ส่งเสริมรายได้ชุมชน",
])
def test_the_effort_and_any_noun_is_vague(tmp_path, title):
    assert _vague_objectives(tmp_path, [title])


@pytest.mark.parametrize("title", [
    "ส่งเสริมให้เยาวชนมีคุณธรรมและห่างไกลยาเสพติด", "ส่งเสริมอาชีพผู้สูงอายุเพื่อให้มีรายได้ของตนเอง",
    "สนับสนุนผู้ประกอบการรายย่อยเข้าถึงแหล่งทุน", "ส่งเสริมเกษตรกรจนมีรายได้พอเพียงตลอดปี",
    "ผู้สูงอายุมีอาชีพและรายได้ของตนเอง",
])
def test_a_change_for_someone_is_not(tmp_path, title):
    assert not _vague_objectives(tmp_path, [title])


# L2. Header typos and synonyms ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("header, field", [("คะเเนน", "score"), ("คะเเนน (0.0–1.0)", "score"), ("ความเชื่อมั่น", "confidence"),
                                           ("ระดับความเชื่อมั่น", "confidence"), ("ความมั่นใจ", "confidence")])
def test_a_typed_sara_e_twice_and_confidence_in_other_words(header, field):
    assert field_for_header(header) == field


def test_scores_under_a_misspelt_header_are_read():
    rows = [["ลำดับ", "วัตถุประสงค์", "ผลลัพธ์หลัก", "ค่าฐาน", "เป้าหมาย", "คะเเนน"],
            [1, "ประชาชนชำระภาษีได้สะดวก", "สัดส่วนการชำระภาษีออนไลน์", "ร้อยละ 35", "ร้อยละ 70", 0.4]]
    (okr_set,) = _load([("กองคลัง", rows)]).sets
    assert okr_set.objectives[0].key_results[0].score == pytest.approx(0.4)


# L3. A memo's set is the organisation's its ส่วนราชการ line names ---------------------------------------------------------

MEMO = """บันทึกข้อความ
ส่วนราชการ  สำนักปลัดองค์การบริหารส่วนจังหวัดศรีนคราภิรมย์  โทร. ๐ ๔๔๕๑ ๒๒๓๓
เรื่อง  แจ้ง OKR ระดับองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕๗๐

วัตถุประสงค์ที่ 1: ประชาชนเดินทางบนถนนของ อบจ. ได้ปลอดภัย
1. ลดผู้เสียชีวิตจากอุบัติเหตุบนถนนสาย อบจ. จาก 41 ราย เหลือ 30 ราย
2. เพิ่มถนนในสภาพดีจากร้อยละ 58 เป็นร้อยละ 75
"""


@pytest.mark.parametrize("line, organisation", [
    ("ส่วนราชการ  สำนักปลัดองค์การบริหารส่วนจังหวัดศรีนคราภิรมย์  โทร. ๐ ๔๔๕๑ ๒๒๓๓", "องค์การบริหารส่วนจังหวัดศรีนคราภิรมย์"),
    ("ส่วนราชการ สำนักปลัดเทศบาลนครศรีวาริน", "เทศบาลนครศรีวาริน"),
    ("ส่วนราชการ  กองคลัง", None),
    ("ส่วนราชการของจังหวัดทุกแห่ง", None),
])
def test_the_organisation_a_memo_names(line, organisation):
    assert memo_organisation(line) == organisation


def test_a_memo_on_the_organisations_plan_is_named_after_it():
    name = "บันทึกข้อความ ปลัด อบจ. แจ้ง OKR ระดับองค์กร ปีงบ 2570.txt"
    (okr_set,) = load_draft_file(name, MEMO.encode(), {}).sets
    assert (okr_set.team, okr_set.level) == ("องค์การบริหารส่วนจังหวัดศรีนคราภิรมย์", "company")


def test_a_memos_kind_is_no_part_of_a_file_names_team():
    assert default_team("บันทึกข้อความ กองคลัง OKR 2570.docx") == "กองคลัง"
