"""Reading files as review 21 found them kept: text exports of printed pages (running headers, footers and page
numbers between the lines of a key result), a root folder holding several organisations' folders, company-wide
plans named by their titles, pasted posts, web pages saved as .xls, and periods written with their months."""

from __future__ import annotations

import os
import textwrap

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.draft import load_draft_file, without_page_furniture


def _draft(text: str, name: str = "unit.okr.txt", **options):
    return load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _titles(result):
    return [[kr.title for kr in o.key_results] for s in result.sets for o in s.objectives]


# --- page furniture in text exports --------------------------------------------------------------------------


def test_a_footer_with_the_page_number_and_a_status_header_after_a_form_feed_are_not_glued_to_a_key_result():
    result = _draft("""
        Harbour Clinic plan 2027

        Objective 1: Patients are seen the day they call
        Key results:
        1. Cut the share of callers told to ring back tomorrow from 35% to
        Harbour Clinic plan 2027 rev 1.2                                     Page 1 of 2
        \fHarbour Clinic          CONFIDENTIAL

           10%
        2. Answer 90% of calls within two minutes
        """)
    assert _titles(result) == [["Cut the share of callers told to ring back tomorrow from 35% to 10%",
                                "Answer 90% of calls within two minutes"]]
    kr = result.sets[0].objectives[0].key_results[0]
    assert kr.title.endswith("10%")


def test_a_page_number_alone_is_not_a_target():
    result = _draft("""
        Objective 1: Volunteers feel their time is well used
        Key results:
        1. Give every volunteer a named contact person
                                       - 2 -
        2. Raise volunteer satisfaction from 3.4 to 4.2
        """)
    assert _titles(result)[0][0] == "Give every volunteer a named contact person"


def test_a_line_repeated_at_every_page_break_is_dropped_but_the_title_at_the_top_is_kept():
    text = ("แผนปฏิบัติการ งานพัสดุ ปีงบประมาณ 2570  ฉบับร่าง\n"
            "\n"
            "วัตถุประสงค์ที่ 1: หน่วยงานได้รับพัสดุทันเวลา\n"
            "ผลลัพธ์หลัก:\n"
            "1. ลดเวลาจัดซื้อเฉลี่ยจาก 45 วัน\n"
            "สำนักงานเขตพื้นที่ ฝ่ายบริหารทั่วไป\n"
            "\fแผนปฏิบัติการ งานพัสดุ ปีงบประมาณ 2570  ฉบับร่าง\n"
            "   เหลือ 30 วัน\n"
            "2. เพิ่มสัดส่วนการจัดซื้อผ่านระบบออนไลน์จากร้อยละ 40 เป็นร้อยละ 80\n"
            "สำนักงานเขตพื้นที่ ฝ่ายบริหารทั่วไป\n"
            "\fแผนปฏิบัติการ งานพัสดุ ปีงบประมาณ 2570  ฉบับร่าง\n"
            "3. ลดจำนวนเอกสารที่ถูกส่งกลับให้แก้จาก 120 ฉบับ เหลือ 40 ฉบับ\n")
    cleaned, skipped = without_page_furniture(text)
    assert skipped == {6, 7, 10, 11}
    assert cleaned.split("\n")[0].startswith("แผนปฏิบัติการ งานพัสดุ")  # the title stays
    result = _draft(text)
    assert _titles(result) == [["ลดเวลาจัดซื้อเฉลี่ยจาก 45 วันเหลือ 30 วัน",  # Thai lines join without a space
                                "เพิ่มสัดส่วนการจัดซื้อผ่านระบบออนไลน์จากร้อยละ 40 เป็นร้อยละ 80",
                                "ลดจำนวนเอกสารที่ถูกส่งกลับให้แก้จาก 120 ฉบับ เหลือ 40 ฉบับ"]]
    assert result.sets[0].period.text == "ปีงบประมาณ 2570"


def test_text_without_page_breaks_is_left_as_it_is():
    text = "Objective 1: Ship v2.1 DRAFT review\nKey results:\n1. Page load under 2 s for 95% of visits\n"
    assert without_page_furniture(text) == (text, frozenset())
    # a key result next to a form feed that names a version is still a key result
    text = "Objective 1: Ship faster\nKey results:\n1. Ship v2.1 to 80% of users\n\f2. Cut p95 latency from 900 ms to 400 ms\n"
    assert without_page_furniture(text)[1] == frozenset()


# --- sibling organisation folders ------------------------------------------------------------------------------


_PLAIN_PLAN = """# {name} OKRs 2027

Objective 1: {name} customers get their orders on time
Key results:
1. Raise on-time delivery from 88% to 96%
"""

_OKR_YAML = """team: {name}
objectives:
  - title: Members renew because the service keeps its promises
    key_results:
      - Raise renewals from 71% to 80%
"""


def _discover(root):
    engine = Engine(Config())
    files, errors = engine.discover([str(root)])
    return sorted(os.path.relpath(f.real_path, root) for f in files), engine.warnings


def test_organisation_folders_beside_one_that_holds_okr_files_deeper_down_are_read_by_guessing(tmp_path):
    (tmp_path / "harbour-ngo" / "okrs").mkdir(parents=True)
    (tmp_path / "harbour-ngo" / "okrs" / "board.okr.yaml").write_text(_OKR_YAML.format(name="board"))
    (tmp_path / "harbour-ngo" / "okrs" / "volunteers draft.md").write_text(_PLAIN_PLAN.format(name="Volunteers"))
    (tmp_path / "harbour-ngo" / "fundraising.md").write_text(_PLAIN_PLAN.format(name="Fundraising"))
    (tmp_path / "bakery").mkdir()
    (tmp_path / "bakery" / "Bakery plan 2027.md").write_text(_PLAIN_PLAN.format(name="Bakery"))
    (tmp_path / "garage" / "sales").mkdir(parents=True)
    (tmp_path / "garage" / "sales" / "OKR ฝ่ายขาย.txt").write_text(_PLAIN_PLAN.format(name="Garage"))
    read, warnings = _discover(tmp_path)
    assert read == ["bakery/Bakery plan 2027.md", "garage/sales/OKR ฝ่ายขาย.txt", "harbour-ngo/okrs/board.okr.yaml"]
    said = "\n".join(warnings)
    assert "bakery: no file is named *.okr.*; reading the 1 document" in said
    # the same project's documents, in or directly above its folder of OKR files, are named, not read
    assert "not read, although they look like OKRs" in said
    assert "harbour-ngo/fundraising.md" in said and "volunteers draft.md" in said


def test_a_code_projects_own_folders_beside_its_okr_files_are_not_guessed(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "examples" / "acme").mkdir(parents=True)
    (tmp_path / "examples" / "acme" / "sales.okr.yaml").write_text(_OKR_YAML.format(name="sales"))
    (tmp_path / "benchmarks").mkdir()
    (tmp_path / "benchmarks" / "sample plan.md").write_text(_PLAIN_PLAN.format(name="Sample"))
    read, warnings = _discover(tmp_path)
    assert read == ["examples/acme/sales.okr.yaml"]
    assert "benchmarks/sample plan.md" in "\n".join(warnings)


# --- titles that name the whole organisation's plan -------------------------------------------------------


@pytest.mark.parametrize("title", [
    "Riverside Housing Trust — Trust-wide OKRs 2027/28",
    "Northfield Unified School District: District-wide objectives 2027",
    "Organisation-wide OKRs, H1 2027",
    "Brightside Bakeries plan 2027 (company-wide)",
    "District OKRs — 2027/28",
    "OKR บริษัท ปี 2571",
    "แผน OKR ทั้งองค์กร ปี 2571",
    "เป้าหมายระดับองค์กร ประจำปี 2571",
])
def test_a_title_naming_the_whole_organisations_plan_makes_the_set_company_level(title):
    result = _draft(f"{title}\n\nObjective 1: Tenants get repairs done first time\n- Raise first-time fixes from 70% to 85%\n",
                    name="plan.txt")
    assert result.sets[0].level == "company", title


@pytest.mark.parametrize("title", [
    "Repairs team OKRs 2027, aligned with the trust-wide objectives",
    "Northern District OKRs 2027",
    "OKR ฝ่ายซ่อมบำรุง สนับสนุนเป้าหมายระดับองค์กร ปี 2571",
    "Worldwide sales OKRs 2027",
])
def test_a_units_title_that_mentions_the_organisation_stays_team_level(title):
    result = _draft(f"{title}\n\nObjective 1: Tenants get repairs done first time\n- Raise first-time fixes from 70% to 85%\n",
                    name="plan.txt")
    assert result.sets[0].level != "company", title


def test_a_title_on_the_second_line_under_the_organisations_name_counts_and_a_level_line_wins():
    text = "Harbour City Council\nCouncil objectives 2027/28\n\nObjective 1: Residents get bins collected on time\n- Cut missed collections from 900 to 300 a month\n"
    assert _draft(text, name="plan.txt").sets[0].level == "company"
    assert _draft("Level: team\n" + text, name="plan.txt").sets[0].level == "team"
    # a sentence further down the introduction is not a title
    text = "Harbour City Council\n\nCouncil objectives are set by the cabinet.\n\nObjective 1: Residents get bins collected on time\n- Cut missed collections from 900 to 300 a month\n"
    assert _draft(text, name="plan.txt").sets[0].level != "company"


# --- a post titled with the company's plan ----------------------------------------------------------------------


_POST = """🎉🎉 OKR บริษัท ปี 2571 🎉🎉
สวัสดีทุกคนครับ สรุปเป้าหมายปีหน้าตามที่คุยกันในที่ประชุมนะครับ

เป้าหมายที่ 1: ร้านค้าสั่งซ้ำกับเราทุกเดือน
✅ เพิ่มร้านค้าที่สั่งซ้ำทุกเดือนจาก 120 เป็น 200 ร้าน
✅ ลดคำสั่งซื้อที่ส่งผิดจาก 3% เหลือ 1%

ขอบคุณครับ
"""


def test_a_posts_title_naming_the_company_names_the_team_not_the_file():
    okr_set = _draft(_POST, name="โพสต์ พี่วิทย์ กลุ่มผู้บริหาร.txt").sets[0]
    assert okr_set.team == "บริษัท"
    assert okr_set.level == "company"
    assert okr_set.period is not None and okr_set.period.text == "ปี 2571"
    assert [len(o.key_results) for o in okr_set.objectives] == [2]
    named = _draft(_POST.replace("OKR บริษัท ปี", "OKR บริษัท ขนมไทยบ้านสวน ปี"), name="post.txt").sets[0]
    assert named.team == "บริษัท ขนมไทยบ้านสวน"


def test_a_file_named_for_the_company_keeps_its_name_and_a_units_title_still_names_the_unit():
    assert _draft(_POST, name="company.txt").sets[0].team == "company"
    unit = _draft(_POST.replace("OKR บริษัท ปี", "OKR ฝ่ายจัดส่ง ปี"), name="post.txt").sets[0]
    assert unit.team == "ฝ่ายจัดส่ง"
    # "ของบริษัท" in a sentence of the post is not its title
    text = "สวัสดีครับ สรุป OKR ของบริษัทปีหน้าครับ\n\n" + _POST.split("\n", 2)[2]
    assert _draft(text, name="post.txt").sets[0].team == "post"


# --- a web page saved as .xls ----------------------------------------------------------------------------------


def test_a_web_page_named_as_a_workbook_is_said_to_be_one_with_what_to_do():
    from okrlint.load.spreadsheet import load_spreadsheet

    page = ("<html><head><meta charset='utf-8'></head><body><table><tr><td>Objective</td><td>Key result</td></tr>"
            "<tr><td>Grow</td><td>Raise repeat orders from 30% to 45%</td></tr></table></body></html>").encode()
    for name in ("ERP export.xls", "report.xlsx"):
        (error,) = load_spreadsheet(name, page, {}).errors
        assert "web page (HTML) saved with an ." in error.message, error.message
        assert "save it as an Excel workbook (.xlsx) or as CSV" in error.message
        assert "damaged" not in error.message
    xml = (b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
           b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>')
    (error,) = load_spreadsheet("plan.xls", xml, {}).errors
    assert "Excel 2003 XML spreadsheet saved with an .xls name" in error.message
    (error,) = load_spreadsheet("plan.xls", b"Objective\tKey result\nGrow\tRaise x from 1 to 2\n", {}).errors
    assert "plain text" in error.message


# --- a year with its months in a title; a baseline label naming ปีงบฯ --------------------------------------------


@pytest.mark.parametrize(("title", "written"), [
    ("Housing Repairs Service Plan 2026/27 (April–March)", "2026/27 (April–March)"),
    ("Housing Repairs Service Plan 2026/27 (April to March)", "2026/27 (April to March)"),
    ("แผนงานฝ่ายบัญชี ปีบัญชี 2570 (เม.ย. - มี.ค.)", "ปีบัญชี 2570 (เม.ย. - มี.ค.)"),
])
def test_the_months_after_a_split_or_accounting_year_in_a_title_say_when_it_runs(title, written):
    okr_set = _draft(f"{title}\n\nObjective 1: Tenants get repairs done first time\n- Raise first-time fixes from 70% to 85%\n",
                     name="plan.txt").sets[0]
    assert okr_set.period.text == written
    assert (okr_set.period.start.isoformat(), okr_set.period.end.isoformat()) == ("2026-04-01", "2027-03-31")


def test_a_bracket_after_the_year_that_is_not_its_months_stays_out_of_the_period():
    okr_set = _draft("Housing Repairs Service Plan 2026/27 (board copy)\n\nObjective 1: Tenants get repairs done\n"
                     "- Raise first-time fixes from 70% to 85%\n", name="plan.txt").sets[0]
    assert okr_set.period.text == "2026/27"


@pytest.mark.parametrize("label", ["ค่าฐาน ปีงบฯ 2568:", "ค่าฐานปีงบฯ ๒๕๖๘:", "ค่าฐาน ปีงบ 68:"])
def test_a_baseline_label_naming_the_abbreviated_fiscal_year_is_a_field(label):
    okr_set = _draft(f"วัตถุประสงค์ที่ 1: ผู้ป่วยได้รับยาอย่างปลอดภัย\nผลลัพธ์หลัก:\n"
                     f"1. ลดความคลาดเคลื่อนในการจ่ายยาให้เหลือ 2 ครั้งต่อเดือน\n   {label} 9 ครั้งต่อเดือน\n").sets[0]
    (kr,) = okr_set.objectives[0].key_results
    assert kr.title == "ลดความคลาดเคลื่อนในการจ่ายยาให้เหลือ 2 ครั้งต่อเดือน"
    assert kr.baseline == 9


def test_a_sentence_under_a_units_title_that_mentions_the_company_okrs_does_not_make_it_company_level():
    text = "# Sales team OKRs H1 2027\nThese support the company OKRs for 2027.\n\nObjective 1: Win\n- Raise wins from 10 to 20\n"
    assert _draft(text, name="sales.md").sets[0].level != "company"


def test_a_key_result_cut_by_a_footer_keeps_its_end_and_the_first_running_head_is_the_title(tmp_path):
    from okrlint.engine import Engine

    path = tmp_path / "plan.txt"
    path.write_text("แผนปฏิบัติราชการ กลุ่มงานตัวอย่าง ปีงบประมาณ ๒๕๗๐                       หน้า ๑/๒\n"
                    "หน่วยงาน: กลุ่มงานตัวอย่าง\n\nวัตถุประสงค์ที่ 1: ผู้รับบริการได้รับบริการเร็วขึ้น\nตัวชี้วัด\n"
                    "1. ร้อยละคำขอที่แล้วเสร็จภายใน 7 วัน จาก 71 เป็น 90\n2. ระยะเวลารอคอยเฉลี่ย จาก 38 วัน\n"
                    "แผนปฏิบัติราชการ กลุ่มงานตัวอย่าง ปีงบประมาณ ๒๕๗๐                       หน้า ๒/๒\n"
                    "เหลือ 20 วัน\n", encoding="utf-8")
    result = Engine().run([str(path)], jobs=1)
    (okr_set,) = result.org.sets
    assert okr_set.period is not None and okr_set.period.start.year == 2026
    assert okr_set.objectives[0].key_results[1].title.endswith("เหลือ 20 วัน")
    assert not result.findings


def test_a_consolidated_workbook_skips_its_summary_sheet_and_totals_row_and_its_company_sheet_is_the_company(tmp_path):
    import openpyxl

    from okrlint.engine import Engine

    book = openpyxl.Workbook()
    company = book.active
    company.title = "Company"
    company.append(["Riverline Freight — Company OKRs 2027 H1"])
    company.append([])
    company.append(["Objective ID", "Objective", "Key result", "Baseline", "Target"])
    company.append(["CO1", "Shippers get parcels when promised", "On-time delivery rate", "91%", "96%"])
    company.append([None, None, "Complaints per 10k parcels", "14", "8"])
    company.append(["CO2", "Grow with small shippers", "Active small-shipper accounts", "12400", "16000"])
    company.append([None, None, "Margin per parcel", "4.1", "5.0"])
    teams = book.create_sheet("All teams")
    teams.append(["Team", "Objective ID", "Objective", "Key result", "Baseline", "Target", "Aligns to", "Confidence"])
    teams.append(["Linehaul", "LH-O1", "Trunk routes run on schedule for shippers", "On-time departures", "88%", "95%",
                  "ตอบ CO1", "7/10"])
    teams.append([None, None, None, "Hub dwell time from 5.2 h to 3.5 h", None, None, None, "0.7"])
    teams.append([None, "LH-O2", "Keep our top 50 accounts renewing", "Renewal rate of the top 50", "85%", "92%", None, "0.5"])
    teams.append([None, None, None, "Partner with 3 carriers in Vietnam", None, "3", None, "0.5"])
    teams.append([])
    teams.append(["รวม / TOTAL", None, None, "=COUNTA(D2:D5)", None, None, None, "=AVERAGE(H2:H5)"])
    summary = book.create_sheet("Summary")
    summary.append(["Team", "# Objectives", "# KRs", "Avg confidence"])
    summary.append(["Linehaul", 2, 4, 0.6])
    path = tmp_path / "okrs.xlsx"
    book.save(path)
    result = Engine().run([str(tmp_path)], jobs=1)  # the folder: the whole organisation
    names = [(f.location.sheet, f.name) for f in result.findings]
    assert {s.team for s in result.org.sets} == {"Company", "Linehaul"}
    assert ("All teams", "value-out-of-range") not in names and ("All teams", "dangling-reference") not in names
    assert ("All teams", "objective-has-metric") not in names and ("All teams", "no-objectives") not in names
    assert ("All teams", "kr-is-activity") in names
    assert ("All teams", "orphan-objective") in names and ("Company", "uncovered-objective") in names
    (linehaul,) = [s for s in result.org.sets if s.team == "Linehaul"]
    assert linehaul.objectives[0].key_results[0].confidence == 0.7


def test_a_running_head_with_the_documents_status_is_not_taken_for_its_title(tmp_path):
    from okrlint.engine import Engine

    path = tmp_path / "district.txt"
    head = "Cedar Falls School District          DRAFT – for board study – not for distribution\n\n"
    path.write_text(head + "Cedar Falls School District\nDistrict OKRs — School Year 2026–27\n\nPeriod: School Year 2026/27\n\n"
                    "Objective 1: Every child reads well by grade 3\n- Raise grade-3 reading from 54% to 62%\n"
                    "- Cut chronic absence from 19% to 14%\n\nCedar Falls District OKRs v0.4                Page 1 of 2\n"
                    "\f" + head + "Objective 2: Families trust us with their questions\n- Raise family trust score from 3.4 to 3.9\n"
                    "- Cut unanswered family emails from 22% to 5%\n\nCedar Falls District OKRs v0.4                Page 2 of 2\n",
                    encoding="utf-8")
    (okr_set,) = Engine().run([str(path)], jobs=1).org.sets
    assert okr_set.level == "company"


def test_near_misses_reported_more_and_units_paid_sooner_read_as_a_coach_reads_them(tmp_path):
    from okrlint.engine import Engine

    (tmp_path / "safety.md").write_text(
        "หน่วยงาน: ความปลอดภัย\n\nวัตถุประสงค์ที่ 1: พนักงานทุกคนกล้ารายงานความเสี่ยง\nผลลัพธ์หลัก:\n"
        "1. รายงาน Near miss จากพนักงาน จาก 35 เรื่อง เป็น 110 เรื่อง\n2. ลดอุบัติเหตุถึงขั้นหยุดงานจาก 5 เหลือ 1 ครั้ง\n",
        encoding="utf-8")
    (tmp_path / "claims.md").write_text(
        "# OKR กลุ่มงานประกันสุขภาพ ปีงบประมาณ 2570\n\n## วัตถุประสงค์ที่ 1: หน่วยบริการได้รับเงินชดเชยครบและเร็ว\n"
        "1. ระยะเวลาเฉลี่ยที่หน่วยบริการได้รับเงินชดเชยหลังส่งข้อมูล ลดลงจาก 41 วัน เป็น 28 วัน\n"
        "2. ร้อยละของเวชระเบียนที่ถูกปฏิเสธการจ่าย ลดลงจากร้อยละ 6 เหลือร้อยละ 3\n", encoding="utf-8")
    result = Engine().run([str(tmp_path)], jobs=1)
    assert not [f for f in result.findings if f.name == "kr-direction-mismatch"]
    claims = next(s for s in result.org.sets if s.file.endswith("claims.md"))
    assert "customer" in result.tags_of(claims.objectives[0].key_results[0], claims)


def test_a_file_name_that_names_no_one_leaves_the_team_to_its_folder(tmp_path):
    from okrlint.engine import Engine

    folder = tmp_path / "brightpath"
    folder.mkdir()
    (folder / "our-q1-2027-okrs.md").write_text(
        "# Our Q1 2027 OKRs 🚀\n\n## Objective 1: Members build a habit they keep\n"
        "- Raise day-30 retention from 19% to 26%\n- Raise plan completion from 31% to 40%\n", encoding="utf-8")
    (okr_set,) = Engine().run([str(folder / "our-q1-2027-okrs.md")], jobs=1).org.sets
    assert okr_set.team == "brightpath"
