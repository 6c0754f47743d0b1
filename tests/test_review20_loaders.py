"""Reading files as review 20 found them kept: due dates written without a year, owners merged over an
objective's rows, OKRs pasted into a chat export, Office lock files beside documents, and export noise in file
names."""

from __future__ import annotations

import datetime as dt
import textwrap

from okrlint.load.draft import load_draft_file
from okrlint.load.due_dates import is_month_day
from okrlint.load.spreadsheet import load_spreadsheet
from okrlint.testing import lint_documents


def _draft(text: str, name: str = "unit.okr.md"):
    result = load_draft_file(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), {})
    return result


def _csv(text: str, name: str = "unit.csv", **options):
    return load_spreadsheet(name, textwrap.dedent(text).lstrip("\n").encode("utf-8"), options)


def _dues(result):
    return [(kr.due_text, kr.due) for s in result.sets for o in s.objectives for kr in o.key_results]


def _problems(result):
    return [p.message for s in result.sets for o in s.objectives for kr in o.key_results for p in kr.problems]


# --- due dates without a year ---------------------------------------------------------------------------------


def test_day_and_month_without_a_year_are_recognised_in_the_usual_spellings():
    for written in ("Apr 30", "30 April", "30th Apr", "30/4", "30.4", "๓๐ เม.ย.", "30 เมษายน", "by Apr 30"):
        assert is_month_day(written), written
    for other in ("Apr 2027", "2027-04-30", "Q2", "someday", "Apr 31", "4/30", "30/4/2027", "12345 Apr"):
        assert not is_month_day(other), other


def test_a_tracker_due_column_without_years_takes_them_from_a_period_spanning_two_calendar_years():
    result = _csv("""\
        Period,Objective,Key result,Baseline,Target,Owner,Due
        Jul 2026 - Jun 2027,Members renew without being chased,Renewal rate,71%,80%,Ana,Mar 15
        ,,Auto-renew share of members,20%,45%,Ana,30 Sep
        ,,Renewal complaints per month,12,4,Ana,15/6
        """, fiscal_year_start_month=7)
    assert _problems(result) == []
    assert _dues(result) == [("Mar 15", dt.date(2027, 3, 15)), ("30 Sep", dt.date(2026, 9, 30)),
                             ("15/6", dt.date(2027, 6, 15))]


def test_a_thai_due_date_without_a_year_falls_in_the_fiscal_year():
    result = _draft("""\
        หน่วยงาน: งานพัสดุ
        ปีงบประมาณ 2570
        วัตถุประสงค์ 1 หน่วยงานได้รับพัสดุตรงเวลา
        - ลดระยะเวลาจัดซื้อจาก 45 วัน เหลือ 30 วัน
          - กำหนดเสร็จ: ๓๑ ธ.ค.
        - ร้อยละของการส่งมอบตรงเวลาจากร้อยละ 70 เป็นร้อยละ 90
          - กำหนดเสร็จ: 30 ก.ย.
        """)
    assert _problems(result) == []
    assert [due for _, due in _dues(result)] == [dt.date(2026, 12, 31), dt.date(2027, 9, 30)]


def test_a_yearless_due_date_no_year_of_the_period_fits_is_still_reported_as_outside_it():
    text = """\
        Team: onboarding
        Period: Q1 2027
        Objective: New customers get value in their first week
        - Raise week-one activation from 40% to 55%
          - Due: Jun 30
        - Cut time to first invoice from 9 days to 4 days
          - Due: Mar 31
        """
    result = _draft(text)
    assert _dues(result) == [("Jun 30", dt.date(2027, 6, 30)), ("Mar 31", dt.date(2027, 3, 31))]
    findings = lint_documents([("onboarding.okr.md", textwrap.dedent(text))])
    assert [(f.code, f.location.line) for f in findings if "due date" in f.message] == [("ALN006", 5)]
    assert not any("not a date" in f.message for f in findings)


def test_a_yearless_due_date_in_a_set_without_a_period_is_unknown_but_not_an_error():
    result = _draft("""\
        Team: support
        Objective: Customers get answers quickly
        - Cut first-response time from 9 hours to 2 hours
          - Due: Nov 30
        - Raise CSAT from 78% to 88%
          - Due: someday
        """)
    assert _dues(result) == [("Nov 30", None), ("someday", None)]
    assert _problems(result) == ["'due' is 'someday', not a date"]


# --- owners merged over an objective's rows --------------------------------------------------------------------


def _owners(result):
    return [(o.owner, [kr.owner for kr in o.key_results]) for s in result.sets for o in s.objectives]


_CLINIC_MERGED = """\
Objective,Key result,Baseline,Target,Owner
Patients are seen on time,Share seen within 30 minutes,58%,80%,Dr Lim
,No-show rate,11%,6%,
,Average wait at the pharmacy (minutes),25,10,
Referrals reach the right clinic first time,Referrals redirected,14%,5%,Sister Ong
,Referral letters complete on arrival,62%,90%,
"""


def test_an_owner_written_once_per_objective_in_an_export_is_the_objectives():
    assert _owners(_csv(_CLINIC_MERGED)) == [("Dr Lim", ["Dr Lim", None, None]), ("Sister Ong", ["Sister Ong", None])]
    assert lint_documents([("clinic.csv", _CLINIC_MERGED)], select=["missing-owner"]) == []


_CLINIC_PER_KR = """\
Objective,Key result,Baseline,Target,Owner
Patients are seen on time,Share seen within 30 minutes,58%,80%,Dr Lim
,No-show rate,11%,6%,Nurse Kay
,Average wait at the pharmacy (minutes),25,10,Mr Tan
Referrals reach the right clinic first time,Referrals redirected,14%,5%,Sister Ong
,Referral letters complete on arrival,62%,90%,
"""


def test_a_blank_owner_in_a_sheet_with_owners_per_key_result_is_still_missing():
    result = _csv(_CLINIC_PER_KR)
    assert _owners(result) == [(None, ["Dr Lim", "Nurse Kay", "Mr Tan"]), (None, ["Sister Ong", None])]
    findings = lint_documents([("clinic.csv", _CLINIC_PER_KR)], select=["missing-owner"])
    assert [f.location.line for f in findings] == [6]


def test_merged_owner_cells_in_a_workbook_cover_every_row_they_span(tmp_path):
    openpyxl = __import__("pytest").importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ops"
    rows = [("Objective", "Key result", "Baseline", "Target", "Owner"),
            ("Orders leave the warehouse the day they arrive", "Same-day dispatch", "72%", "95%", "Ravi"),
            (None, "Picking errors per 1,000 lines", "4", "1", None),
            ("Drivers finish their rounds safely", "Incidents per 100k miles", "3.2", "1.5", "Maya"),
            (None, "Vans passing the monthly check", "88%", "100%", None)]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:A3"), sheet.merge_cells("E2:E3"), sheet.merge_cells("A4:A5"), sheet.merge_cells("E4:E5")
    path = tmp_path / "ops.xlsx"
    book.save(path)
    result = load_spreadsheet("ops.xlsx", path.read_bytes(), {})
    assert [kr for _, kr in _owners(result)] == [["Ravi", "Ravi"], ["Maya", "Maya"]]


def test_owners_are_not_carried_down_when_another_objective_names_no_owner_at_all():
    result = _csv("""\
        Objective,Key result,Baseline,Target,Owner
        Patients are seen on time,Share seen within 30 minutes,58%,80%,Dr Lim
        ,No-show rate,11%,6%,
        Referrals reach the right clinic first time,Referrals redirected,14%,5%,
        ,Referral letters complete on arrival,62%,90%,
        """)
    assert _owners(result) == [(None, ["Dr Lim", None]), (None, [None, None])]


# --- OKRs pasted into a chat export ------------------------------------------------------------------------------

_THAI_CHAT = (
    "[LINE] แชทในกลุ่ม ทีมพัสดุ กองคลัง 2570\n"
    "วันที่บันทึก: 2026/10/02 16:40\n"
    "\n"
    "2026/10/01(พฤ.)\n"
    "10:03\tพี่แอน\tแนบ OKR ของงานพัสดุนะคะ\n"
    "10:04\tพี่แอน\t\"OKR งานพัสดุ ปีงบประมาณ 2570\n"
    "วัตถุประสงค์ 1 หน่วยงานได้รับพัสดุครบและตรงเวลา\n"
    "ผลลัพธ์หลัก\n"
    "1. ลดระยะเวลาจัดซื้อจาก 45 วัน เหลือ 30 วัน\n"
    "2. ร้อยละการส่งมอบตรงเวลาจากร้อยละ 70 เป็นร้อยละ 90\"\n"
    "10:06\tคุณบอย\tรับทราบครับ จะเสนอในที่ประชุม\n"
    "10:06\tคุณบอย\t[สติกเกอร์]\n"
)


def test_a_chat_export_is_read_as_the_pasted_message_names_itself():
    result = _draft(_THAI_CHAT, name="chat-export.txt")
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "งานพัสดุ"
    assert okr_set.period is not None and okr_set.period.start == dt.date(2026, 10, 1)
    (objective,) = okr_set.objectives
    assert objective.title == "หน่วยงานได้รับพัสดุครบและตรงเวลา"
    assert [kr.title for kr in objective.key_results] == [
        "ลดระยะเวลาจัดซื้อจาก 45 วัน เหลือ 30 วัน", "ร้อยละการส่งมอบตรงเวลาจากร้อยละ 70 เป็นร้อยละ 90"]


def test_a_chat_export_whose_message_has_no_title_is_named_by_the_file_without_the_chat_words():
    text = _THAI_CHAT.replace('"OKR งานพัสดุ ปีงบประมาณ 2570\n', '"')
    result = _draft(text, name="งานพัสดุ ข้อความจาก LINE.txt")
    assert result.sets[0].team == "งานพัสดุ"  # not "กองคลัง", which the chat's name holds
    assert len(result.sets[0].objectives[0].key_results) == 2


def test_okrs_sent_one_message_a_line_in_an_english_chat_export_are_read_and_the_chatter_is_not():
    text = (
        "[LINE] Chat history with Growth squad\n"
        "Saved on: 2026/11/20 09:00\n"
        "\n"
        "Fri, 11/20/2026\n"
        "09:01\tDao\tHere are our OKRs for Q1 2027, comments welcome\n"
        "09:02\tDao\tObjective: New shops stay past their first month\n"
        "09:02\tDao\t1. Raise day-30 retention from 61% to 75%\n"
        "09:03\tDao\t2. Cut onboarding time from 5 days to 2 days\n"
        "09:10\tKen\tLooks good!\n"
    )
    result = _draft(text, name="growth chat.txt")
    (okr_set,) = result.sets
    (objective,) = okr_set.objectives
    assert objective.title == "New shops stay past their first month"
    assert [kr.title for kr in objective.key_results] == [
        "Raise day-30 retention from 61% to 75%", "Cut onboarding time from 5 days to 2 days"]
    assert objective.location.line == 6 and objective.location.column == len("09:02\tDao\tObjective: ") + 1


# --- export noise in file names ---------------------------------------------------------------------------------


def test_what_exports_and_copies_add_to_a_file_name_is_not_part_of_the_team():
    from okrlint.load.draft import default_team

    assert default_team("Riverside Dental — Practice OKRs 2027 (Notion export).md") == "Riverside Dental Practice"
    assert default_team("Copy of Copy of Payments OKRs.md") == "Payments"
    assert default_team("Payments OKRs - Google Docs.txt") == "Payments"
    assert default_team("Warehouse team (1).md") == "Warehouse team"
    assert default_team("Fleet – H1 OKRs (Confluence).md") == "Fleet"
    assert default_team("Payments draft v3 final.md") == "Payments"
    assert default_team("ฝ่ายบัญชี OKR 2570 - Sheet1.txt") == "ฝ่ายบัญชี"
    assert default_team("Product line.md") == "Product line"  # an English word, not the chat app


def test_a_spreadsheet_named_after_its_team_drops_export_and_copy_words():
    from okrlint.load.spreadsheet import default_team

    assert default_team("Copy of Sales Q3 OKRs.xlsx") == "Sales"
    assert default_team("ฝ่ายบัญชี_OKR_2570 - Sheet1.csv") == "ฝ่ายบัญชี"
    assert default_team("FY27 OKR tracker (1).xlsx") == "FY27 OKR tracker"  # nothing but noise: kept
    assert default_team("marketing.okr.xlsx") == "marketing"


def test_a_workbook_cut_short_is_one_plain_error_without_the_librarys_words(tmp_path):
    openpyxl = __import__("pytest").importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(("Objective", "Key result"))
    path = tmp_path / "plan.xlsx"
    book.save(path)
    data = path.read_bytes()
    result = load_spreadsheet("plan.xlsx", data[: len(data) // 2], {})
    (error,) = result.errors
    assert "cut short" in error.message and "\n" not in error.message
    assert "Cannot detect" not in error.message and "zip" not in error.message.lower()


# --- office lock files ------------------------------------------------------------------------------------------


def _run(args, cwd):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "okrlint", "check", *args, "--no-cache"], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_office_lock_files_beside_documents_are_skipped_in_a_folder(tmp_path):
    (tmp_path / "support.md").write_text(
        "Objective: Customers get answers while they still care\n- Cut first reply time from 8 hours to 2 hours\n"
        "- Raise CSAT from 80% to 90%\n", encoding="utf-8")
    (tmp_path / "~$support.docx").write_bytes(b"\x0bSomchai K.  " + b"\x00" * 150)  # Word's owner file
    (tmp_path / "~$targets.xlsx").write_bytes(b"\x05Ploy" + b"\x00" * 160)
    (tmp_path / ".~lock.support.docx#").write_text("Somchai,somchai-pc,05.11.2026 09:12,file:///home/somchai;\n")
    done = _run(["."], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "~$" not in done.stderr and "lock" not in done.stderr and "error" not in done.stderr


def test_a_lock_file_named_on_the_command_line_is_a_warning_not_an_input_error(tmp_path):
    (tmp_path / "~$plan.docx").write_bytes(b"\x0bSomchai K.  " + b"\x00" * 150)
    done = _run(["~$plan.docx"], tmp_path)
    assert done.returncode == 0
    (line,) = [line for line in done.stderr.splitlines() if "~$plan.docx" in line]
    assert "lock file" in line and "error" not in line
