"""Review 68 (a Thai provincial office linting its divisions' ปีงบประมาณ 2570 drafts): a division names the office's
own plan by the office's kind ("ของสำนักงานจังหวัด"); a KPI workbook's results column over a row of years; Thai
activity openers and nouns; a LINE reply quoting labels; Thai relative vanity targets; units in reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

PROVINCE = """# OKR สำนักงานจังหวัดศรีวารินทร์ ปีงบประมาณ 2570
{level}
วัตถุประสงค์ที่ 1: ประชาชนได้รับบริการที่รวดเร็ว
- ลดระยะเวลาแก้ไขเรื่องร้องเรียนจาก 45 วัน เหลือ 30 วัน

วัตถุประสงค์ที่ 2: เศรษฐกิจฐานรากเติบโต
- เพิ่มรายได้ครัวเรือนจาก 86,000 บาท เป็น 95,000 บาท
"""
DIVISION = """# OKR สำนักงานพาณิชย์จังหวัด ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: เกษตรกรขายสินค้าได้ราคาดีขึ้น
สอดคล้องกับ: วัตถุประสงค์ที่ 2 ของ{whose}
- เพิ่มราคาข้าวที่เกษตรกรขายได้จาก 14,200 บาท เป็น 15,000 บาทต่อตัน
"""


def _check(folder: Path, *args: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *args, str(folder)])
    return json.loads(result.stdout[result.stdout.index("{"):])


def _rules(report: dict) -> list[str]:
    return [f["name"] for f in report["findings"]]


@pytest.mark.parametrize("level", ["ระดับ: องค์กร", ""])
@pytest.mark.parametrize("whose", ["สำนักงานจังหวัด", "ศาลากลางจังหวัด", "สำนักงานจังหวัดศรีวารินทร์"])
def test_the_offices_own_kind_names_the_organisations_plan(tmp_path, level, whose):
    (tmp_path / "จังหวัด.md").write_text(PROVINCE.format(level=level), encoding="utf-8")
    (tmp_path / "พาณิชย์.md").write_text(DIVISION.format(whose=whose), encoding="utf-8")
    report = _check(tmp_path)
    assert not [f for f in report["findings"] if "dangling" in json.dumps(f)], report["findings"]


def _kpi_workbook(path: Path, header: str, years: list) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ตัวชี้วัด"
    sheet["A1"] = "OKR สำนักงานพาณิชย์จังหวัด ประจำปีงบประมาณ พ.ศ. 2570"
    sheet.append([])
    sheet.append(["เป้าประสงค์", "ตัวชี้วัด", header, None, "ค่าเป้าหมาย"])
    sheet.append([None, None, *years])
    sheet.merge_cells("C3:D3")
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:B4")
    sheet.append(["เกษตรกรขายสินค้าได้ราคาดีขึ้น", "จำนวนผู้ประกอบการที่ได้รับการส่งเสริมการตลาด (ราย)", 120, 150, 150])
    sheet.append([None, "ราคาข้าวหอมมะลิที่เกษตรกรขายได้ (บาท/ตัน)", 13800, 14200, 15000])
    book.save(path)
    return path


@pytest.mark.parametrize("header", ["ผลการดำเนินงาน", "ผลการดำเนินงานย้อนหลัง", "ผลการดำเนินงานปีที่ผ่านมา"])
@pytest.mark.parametrize("years", [["2568", "2569", "2570"], [2568, 2569, 2570], ["ปี ๒๕๖๘", "ปี ๒๕๖๙", "ปี ๒๕๗๐"]])
def test_a_results_column_over_a_row_of_years_is_the_latest_past_years_baseline(tmp_path, header, years):
    report = _check(_kpi_workbook(tmp_path / "kpi.xlsx", header, years))
    names = _rules(report)
    assert "kr-missing-baseline" not in names
    assert names.count("kr-small-step") == 1  # 150 (2569, not 120 of 2568) -> 150


def test_a_column_mapping_of_the_results_header_takes_the_latest_year_too(tmp_path):
    _kpi_workbook(tmp_path / "kpi.xlsx", "ผลการดำเนินงาน", ["2568", "2569", "2570"])
    (tmp_path / "okrlint.toml").write_text('[column-mapping]\n"ผลการดำเนินงาน" = "baseline"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "--config",
                                       str(tmp_path / "okrlint.toml"), str(tmp_path / "kpi.xlsx")])
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert _rules(report).count("kr-small-step") == 1


@pytest.mark.parametrize("title", ["แผน OKR ภาพรวมสำนักงานจังหวัดศรีวารินทร์", "OKR สำนักงานจังหวัดศรีวารินทร์ ปีงบประมาณ 2570"])
def test_the_province_offices_plan_is_the_organisations(tmp_path, title):
    text = PROVINCE.format(level="").replace("# OKR สำนักงานจังหวัดศรีวารินทร์ ปีงบประมาณ 2570", f"# {title}")
    (tmp_path / "01_OKR ภาพรวมสำนักงานจังหวัด 2570.md").write_text(text, encoding="utf-8")
    (tmp_path / "พาณิชย์.md").write_text(DIVISION.format(whose="สำนักงานจังหวัด"), encoding="utf-8")
    names = _rules(_check(tmp_path))
    assert "dangling-reference" not in names
    assert names.count("uncovered-objective") == 1  # its objective 1, which no division supports


def _codes(*key_results: str) -> list[list[str]]:
    from okrlint.testing import lint_yaml

    doc = "team: t\nperiod: ปีงบประมาณ 2570\nobjectives:\n  - title: \"ผู้ประกอบการชุมชนขายสินค้าได้มากขึ้น\"\n" \
          "    key_results:\n" + "".join(f"      - {json.dumps(kr, ensure_ascii=False)}\n" for kr in key_results)
    findings = lint_yaml(doc)
    return [[f.name for f in findings if f.object_id.endswith(f"/kr{index + 1}")] for index in range(len(key_results))]


@pytest.mark.parametrize("text", ["ส่งเสริมผลิตภัณฑ์ OTOP 50 ผลิตภัณฑ์", "พัฒนาผลิตภัณฑ์ OTOP 50 ผลิตภัณฑ์",
                                  "ส่งเสริมการตลาดผลิตภัณฑ์ OTOP ให้ผู้ประกอบการ 120 ราย",
                                  "ส่งเสริมและพัฒนาผลิตภัณฑ์ชุมชน 30 รายการ"])
def test_promoting_or_developing_something_is_work(text):
    assert "kr-is-activity" in _codes(text)[0]


@pytest.mark.parametrize("text", ["พัฒนาผู้ประกอบการให้มียอดขายเพิ่มขึ้นร้อยละ 10", "พัฒนาคุณภาพบริการ",
                                  "ส่งเสริมความปลอดภัยทางถนน", "ส่งเสริมการท่องเที่ยวให้รายได้จากนักท่องเที่ยวเพิ่มจาก 40 เป็น 48 ล้านบาท",
                                  "ร้อยละของโครงการตามแผนพัฒนาจังหวัดที่บรรลุตัวชี้วัดผลลัพธ์ จาก 64% เป็น 80%"])
def test_a_result_named_after_the_opener_or_a_plan_named_is_no_activity(text):
    assert "kr-is-activity" not in _codes(text)[0]


def test_projects_on_plan_are_still_progress_on_the_plan():
    assert "kr-is-activity" in _codes("ร้อยละของโครงการที่ดำเนินการแล้วเสร็จตามแผน ร้อยละ 95")[0]


def test_a_draft_approved_is_the_noun_not_drafting():
    approved, drafted = _codes("ร่างแผนพัฒนาจังหวัดผ่านความเห็นชอบของ ก.บ.จ. ภายในวันที่ 30 กันยายน 2570",
                               "ร่างแผนพัฒนาจังหวัดให้แล้วเสร็จภายในวันที่ 30 กันยายน 2570")
    assert "kr-is-activity" not in approved and "kr-is-binary" in approved
    assert "kr-is-activity" in drafted


def _chat(tmp_path: Path, reply: str) -> dict:
    text = ("09:15\tพี่หน่อย\t\"OKR ศูนย์ดำรงธรรม ปีงบ 70\nO1 ผู้ร้องเรียนได้รับการแก้ไขปัญหาอย่างรวดเร็ว\n"
            "KR1 เรื่องร้องเรียนที่ยุติได้ภายใน 30 วัน จาก 61% เป็น 80%\n"
            "KR2 ลดเรื่องร้องเรียนซ้ำ จาก 240 เรื่อง เหลือ 150 เรื่อง\"\n"
            f"09:21\tสมชาย กลุ่มยุทธ์\t{reply}\n")
    path = tmp_path / "chat.txt"
    path.write_text(text, encoding="utf-8")
    return _check(path)


@pytest.mark.parametrize("reply", ["O1 KR2 ตัวเลขถูกแล้วใช่ไหมครับ", "O1 KR2 ตัวเลขกลับด้าน", "KR2 ของ O1 ตัวเลขกลับด้าน",
                                   "O2 เพิ่มการมีส่วนร่วมของประชาชน ใช่ไหมคะ"])
def test_a_chat_reply_quoting_labels_is_a_remark(tmp_path, reply):
    report = _chat(tmp_path, reply)
    objectives = [o for o in report["objects"] if o["kind"] == "objective"]
    assert len(objectives) == 1, objectives
    assert "kr-count" not in _rules(report)


def test_an_objective_posted_alone_is_still_read(tmp_path):
    report = _chat(tmp_path, "O2 ผลิตภัณฑ์ผ้าไหม")
    assert len([o for o in report["objects"] if o["kind"] == "objective"]) == 2


@pytest.mark.parametrize("text", ["ยอดการมองเห็นโพสต์ของเพจจังหวัด เพิ่มขึ้นร้อยละ 30", "ยอดวิวคลิปของเพจจังหวัดเพิ่มขึ้นร้อยละ ๓๐",
                                  "เพิ่มยอดผู้ติดตามเพจ ร้อยละ 20"])
def test_a_thai_relative_growth_of_attention_is_vanity(text):
    assert "vanity-metric" in _codes(text)[0]


@pytest.mark.parametrize("text", ["ร้อยละของผู้ติดตามเพจที่สมัครรับบริการออนไลน์ เพิ่มขึ้นจาก 2% เป็น 5%",
                                  "เพิ่มยอดผู้ติดตามเพจที่ซื้อสินค้าชุมชน ร้อยละ 20"])
def test_a_share_or_what_attention_leads_to_is_no_vanity(text):
    assert "vanity-metric" not in _codes(text)[0]


def test_a_reports_target_writes_its_unit_once_and_in_thai_order(tmp_path):
    import html
    import re

    source = tmp_path / "u.okr.csv"
    source.write_text("วัตถุประสงค์,ผลลัพธ์หลัก,หน่วยนับ,ค่าฐาน,ค่าเป้าหมาย\n"
                      "งานสารบรรณรวดเร็ว,ระยะเวลาส่งหนังสือเวียนถึงหน่วยงาน,ชั่วโมง,2 วัน,4 ชั่วโมง\n"
                      "งานสารบรรณรวดเร็ว,ร้อยละของการจัดซื้อจัดจ้างที่แล้วเสร็จตามแผน,ร้อยละ,80,70\n", encoding="utf-8")
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["check", "--no-cache", "--format", "html", "-o", str(out), str(source)])
    shown = [html.unescape(m).strip() for m in re.findall(r"ค่าเป้าหมาย [^<·]*", out.read_text(encoding="utf-8"))]
    assert "ค่าเป้าหมาย 4 ชั่วโมง" in shown and "ค่าเป้าหมาย ร้อยละ 70" in shown, shown


@pytest.mark.parametrize(("value", "unit", "shown"), [("4 ชั่วโมง", "ชั่วโมง", "4 ชั่วโมง"), ("70", "ร้อยละ", "ร้อยละ 70"),
                                                      ("70", "%", "70%"), ("15,000", "บาท", "15,000 บาท"),
                                                      ("ร้อยละ 80", "%", "ร้อยละ 80")])
def test_with_unit(value, unit, shown):
    from okrlint.report.human import with_unit

    assert with_unit(value, unit) == shown


def test_a_dangling_reference_in_a_draft_names_its_line_not_the_yaml_key(tmp_path):
    (tmp_path / "a.okr.md").write_text("# OKR กลุ่มงานอำนวยการ\n\nวัตถุประสงค์ที่ 1: งานเอกสารรวดเร็ว\n"
                                       "สอดคล้องกับ: วัตถุประสงค์ที่ 9 ของกองคลัง\n"
                                       "- ลดระยะเวลาส่งหนังสือจาก 2 วัน เหลือ 4 ชั่วโมง\n", encoding="utf-8")
    (tmp_path / "b.okr.yaml").write_text("team: ข\nobjectives:\n  - title: งานเอกสารรวดเร็ว\n"
                                         "    aligns_to: ['วัตถุประสงค์ที่ 9 ของกองคลัง']\n"
                                         "    key_results: ['ลดระยะเวลาส่งหนังสือจาก 2 วัน เหลือ 4 ชั่วโมง']\n",
                                         encoding="utf-8")
    found = {Path(f["file"]).name: f["message"] for f in _check(tmp_path, "--messages", "th")["findings"]
             if f["name"] == "dangling-reference"}
    assert found["a.okr.md"].startswith("บรรทัด “สอดคล้องกับ” อ้างถึง") and "aligns_to" not in found["a.okr.md"]
    assert "`aligns_to`" in found["b.okr.yaml"]


def test_writing_a_baseline_with_an_unreadable_file_exits_2_and_still_writes_it(tmp_path):
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Customers stay\n    key_results:\n"
                                         "      - Hold 5 webinars\n", encoding="utf-8")
    (tmp_path / "b.okr.yaml").write_text("team: [unclosed\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--write-baseline", str(baseline), str(tmp_path)])
    assert result.exit_code == 2 and baseline.exists()
    docs = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert "2 when a file could not be read" in docs



def test_a_pdf_table_of_stroked_cell_rectangles_keeps_its_rows(tmp_path):
    # made by fpdf2 (as FPDF, TCPDF and reportlab draw tables): every cell a stroked rectangle, "x y w h re S"
    source = Path(__file__).parent / "fixtures" / "pdf" / "tourism-fpdf-stroked-cells.pdf"
    report = _check(source)
    kinds = [o["kind"] for o in report["objects"]]
    assert kinds.count("objective") == 2 and kinds.count("key_result") == 5, report["objects"]
    assert "vanity-metric" in _rules(report)
    assert "kr-not-measurable" not in _rules(report)
