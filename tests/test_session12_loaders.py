"""Office documents saved under another kind's name: a .pptx deck named "plan.ppt", a Word or OpenDocument file named
.doc. Their programs open them by content, so people never notice; okrlint reads them by content too (named on the
command line or found in a folder), and a real old binary .doc stays a one-line error."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.archive import package_suffix
from test_slides_and_odt import _shape, odt, pptx

DECK = pptx([
    (_shape("ctrTitle", ["Growth team OKRs, Q1 2027"]),),
    (_shape("title", ["Objective: Partners grow with us"]),
     _shape(None, ["Launch the partner portal", "Raise partner-sourced revenue from $1.2M to $2M"])),
])
ODT = odt("<text:h text:outline-level='1'>Objective: Readers find what they need</text:h>"
          "<text:list><text:list-item><text:p>Raise the share of searches with a result clicked from 41% to 60%"
          "</text:p></text:list-item></text:list>")


def test_package_suffix_tells_the_document_by_its_parts(tmp_path):
    (tmp_path / "a.ppt").write_bytes(DECK)
    (tmp_path / "b.doc").write_bytes(ODT)
    (tmp_path / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "d.doc").write_bytes(b"PK\x03\x04 not really a zip")
    assert [package_suffix(tmp_path / n) for n in ("a.ppt", "b.doc", "c.doc", "d.doc")] == [".pptx", ".odt", None, None]


def test_a_deck_named_ppt_is_read_as_the_deck_it_is(tmp_path):
    (tmp_path / "plan.ppt").write_bytes(DECK)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "plan.ppt"), "--no-cache"])
    assert result.exit_code == 1, result.output
    assert "plan.ppt:slide 2:" in result.stdout and "kr-is-activity" in result.stdout


def test_misnamed_documents_in_a_folder_are_read_and_an_old_doc_is_still_listed(tmp_path):
    (tmp_path / "Growth OKRs Q1 2027.ppt").write_bytes(DECK)
    (tmp_path / "Library OKRs 2027.doc").write_bytes(ODT)
    (tmp_path / "Minutes OKRs.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache"])
    assert "Traceback" not in result.output
    assert "2 files" in result.stdout and "2 objectives" in result.stdout, result.output
    assert "Minutes OKRs.doc" in result.stderr and "cannot read" in result.stderr


def _read(text: str, name: str = "plan.txt"):
    from okrlint.load.draft import load_draft_file

    result = load_draft_file(name, text.encode("utf-8"), {})
    return [(o.title, [k.title for k in o.key_results]) for s in result.sets for o in s.objectives]


def test_unmarked_measured_lines_under_an_objective_are_its_key_results():
    text = ("Growth OKRs Q1 2027\n\nObjective 1: Cooks stick with us\nRaise day-7 retention from 22% to 30%\n"
            "Cut drop-off from 41% to 25%\n\nObjective 2: Families plan the week\n\n"
            "Raise households with 2+ members from 14% to 25%\n")
    assert _read(text) == [
        ("Cooks stick with us", ["Raise day-7 retention from 22% to 30%", "Cut drop-off from 41% to 25%"]),
        ("Families plan the week", ["Raise households with 2+ members from 14% to 25%"])]


def test_unmarked_thai_key_results_under_a_heading():
    text = ("# OKR ฝ่ายบริการ ปีงบประมาณ 2570\n\n## วัตถุประสงค์ที่ 1: ผู้ป่วยได้รับบริการรวดเร็ว\n\n"
            "ลดเวลารอคอยเฉลี่ยจาก 45 นาทีเหลือ 20 นาที\n\nเพิ่มความพึงพอใจของผู้ป่วยจากร้อยละ 80 เป็นร้อยละ 90\n")
    ((title, key_results),) = _read(text, "plan.md")
    assert title == "ผู้ป่วยได้รับบริการรวดเร็ว" and len(key_results) == 2


def test_prose_under_an_objective_stays_its_description():
    text = ("Growth OKRs Q1 2027\n\nObjective 1: Cooks stick with us\n\n"
            "We grew 30% last year. This quarter we want the people who came to stay.\n\n"
            "Last year retention went from 18% to 22% without any work on it.\n\n"
            "Key results:\n- Raise day-7 retention from 22% to 30%\n")
    assert _read(text) == [("Cooks stick with us", ["Raise day-7 retention from 22% to 30%"])]


def test_a_sentence_after_a_short_objective_line_is_not_its_wrapped_title():
    text = ("Growth OKRs Q1 2027\n\nObjective 2: Families plan the week\nWe saw that families who share lists stay.\n"
            "- Raise households with 2+ members from 14% to 25%\n\n"
            "Objective 3: Make onboarding effortless for\nThe smallest shops we serve\n- Cut setup from 3 days to 1\n")
    assert [title for title, _ in _read(text)] == ["Families plan the week",
                                                   "Make onboarding effortless for The smallest shops we serve"]


def test_a_date_in_a_file_name_is_when_the_figures_were_taken_not_the_period():
    from okrlint.engine import period_of_name

    for name in ("OKR กองคลัง ข้อมูล ณ 20.11.2569.md", "OKR กองคลัง 20 พ.ย. 2569.xlsx", "okrs as of 3 Nov 2026.md"):
        assert period_of_name(name) is None, name
    for name, period in (("OKR ปีงบ 2570 อบจ.ศภ.xlsx", "ปีงบ 2570"), ("plan 2026-07-03 FY2027.md", "FY2027"),
                         ("อบจ.ศภ. OKR 2570.xlsx", "2570")):
        assert period_of_name(name).text == period, name


def test_an_empty_file_named_as_a_plan_is_an_error_in_a_folder_too(tmp_path):
    (tmp_path / "OKR_2570_final.docx").write_bytes(b"")
    (tmp_path / "notes.docx").write_bytes(b"")
    (tmp_path / "plan.md").write_text("# Growth OKRs Q1 2027\n\n## Objective: Cooks stick with us\n\n"
                                      "- Raise day-7 retention from 22% to 30%\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache"])
    assert result.exit_code == 2
    assert "OKR_2570_final.docx:1:1: error: empty file" in result.stderr
    assert not any("notes.docx" in line and ": error:" in line for line in result.stderr.splitlines())


def test_a_key_result_linked_to_its_section_is_read_while_a_table_of_contents_is_not():
    text = ("# Shop OKRs Q1 2027\n\n- [Objective 1](#objective-1)\n- [How to help](#how-to-help)\n\n"
            "## Objective 1: Shops stay with us\n\n- [Cut churn from 5% to 3%](#churn)\n"
            "- Grow weekly active shops from 200 to 300\n")
    assert _read(text, "plan.md") == [("Shops stay with us", ["Cut churn from 5% to 3%",
                                                             "Grow weekly active shops from 200 to 300"])]


@pytest.mark.parametrize("description", [
    "Increase the share of repeat buyers, which grew from 18% to 24% last year, by focusing on loyalty.",
    "Repeat purchases fell from 31% to 22% after the app relaunch.",
    "ในปี 2569 ลูกค้าสมาชิกลดลงจาก 5,200 ราย เหลือ 4,100 ราย",
    "ลดต้นทุนการผลิตลง โดยปีที่แล้วลดได้จาก 12% เป็น 10%",
])
def test_a_story_about_the_figures_under_an_objective_is_no_key_result(description):
    text = (f"Objective 1: Families make us their weekly habit\n\n{description}\n\nKey results:\n"
            "- Raise the 30-day reorder rate from 24% to 32%\n")
    assert _read(text) == [("Families make us their weekly habit", ["Raise the 30-day reorder rate from 24% to 32%"])]


def test_a_wrapped_description_line_is_no_key_result():
    text = ("Objective 1: Clinics get their orders on time\nOur biggest complaint in the survey was late deliveries\n"
            "Cut late orders from 40 to 10 a week, as the survey asked for\n\nKey results:\n"
            "- Raise on-time delivery from 84% to 95%\n")
    assert _read(text)[0][1] == ["Raise on-time delivery from 84% to 95%"]


def test_sub_group_lines_over_key_results_written_with_arrows_and_bounds_keep_them():
    text = ("Objective 1: Fewer mistakes in the warehouse\nKey results:\n- Pick errors per 10,000 lines: 14 -> 5\n\n"
            "Dock accuracy\n- Mis-shipped pallets per month: 9 -> 2\n- Returns caused by a wrong item: 3.2% -> 1%\n")
    assert len(_read(text)[0][1]) == 3
    thai = ("วัตถุประสงค์ที่ 1 ผู้ป่วยนอกได้รับบริการรวดเร็ว\nตัวชี้วัด\n1. ระยะเวลารอคอยเฉลี่ย ลดลงจาก 95 นาที เหลือ 45 นาที\n\n"
            "ด้านคุณภาพบริการ\n2. ร้อยละความพึงพอใจของผู้ป่วยนอก ไม่น้อยกว่า 85\n3. จำนวนข้อร้องเรียน ไม่เกิน 3 เรื่องต่อเดือน\n")
    assert len(_read(thai)[0][1]) == 3


def test_a_sentence_after_a_long_objective_line_or_in_thai_is_not_its_title():
    text = ("Objective 3: Clinics trust the dates we give them on the phone\n"
            "We saw that most complaints start with a promise the warehouse could not keep.\n"
            "Key results:\n- Raise on-time delivery from 84% to 95%\n\n"
            "Objective 4: Every branch team knows what\nIt takes to hit its numbers\nKey results:\n"
            "- Dashboard rating from 3.1 to 4.0\n")
    assert [title for title, _ in _read(text)] == ["Clinics trust the dates we give them on the phone",
                                                   "Every branch team knows what It takes to hit its numbers"]
    thai = ("วัตถุประสงค์ที่ 1 ผู้ป่วยนอกได้รับบริการรวดเร็ว\nเราพบว่าผู้ป่วยรอพบแพทย์นานเฉลี่ย 95 นาที\nตัวชี้วัด\n"
            "1. ระยะเวลารอคอยเฉลี่ย ลดลงจาก 95 นาที เหลือ 45 นาที\n")
    assert _read(thai)[0][0] == "ผู้ป่วยนอกได้รับบริการรวดเร็ว"


def test_key_results_grouped_under_deeper_headings_of_their_objective():
    text = ("# Payments OKRs\n\n## Objective 1: Small shops get paid the same day\n\n### Payouts\n"
            "- Same-day payout share: 19% → 60%\n- Failed payouts per 1,000: 8 → 3\n\n### Support\n"
            "- Payout tickets per week: 310 → 120\n\n## Risks\n- Bank holidays could slow payouts by 2 days\n")
    assert _read(text, "plan.md") == [("Small shops get paid the same day", [
        "Same-day payout share: 19% → 60%", "Failed payouts per 1,000: 8 → 3", "Payout tickets per week: 310 → 120"])]


def test_rescore_66_plain_key_results_with_a_remark_stay_key_results():
    text = ("Objective 1: Shops get paid the same day\nRaise same-day payouts from 19% to 60%, which matters most to shops\n"
            "Cut failed payouts per 1,000 from 8 to 3\n")
    assert len(_read(text)[0][1]) == 2
    thai = ("วัตถุประสงค์ที่ 1 ลูกค้าสมาชิกกลับมาซื้อซ้ำ\nเพิ่มยอดขายสมาชิกจาก 10 ล้านบาท เป็น 15 ล้านบาท โดยเน้นลูกค้าใหม่\n"
            "ลดเวลารอคอยเฉลี่ยจาก 95 นาที เหลือ 45 นาที\n")
    assert len(_read(thai)[0][1]) == 2
    glued = ("วัตถุประสงค์ที่ 2 ผู้ป่วยโรคเรื้อรังควบคุมอาการได้ดี\n"
             "ในปีงบประมาณ 2569 ผู้ป่วยเบาหวานที่คุมน้ำตาลได้ดีเพิ่มจากร้อยละ 28 เป็นร้อยละ 32 เท่านั้น\nตัวชี้วัด\n"
             "1. อัตราการนอนโรงพยาบาล ลดลงจาก 120 ครั้ง เหลือ 90 ครั้ง\n")
    assert _read(glued)[0] == ("ผู้ป่วยโรคเรื้อรังควบคุมอาการได้ดี", ["อัตราการนอนโรงพยาบาล ลดลงจาก 120 ครั้ง เหลือ 90 ครั้ง"])


def test_rescore_66_risks_and_last_quarter_are_no_key_result_groups():
    text = ("## Objective 1: Small shops get paid the same day\n\n- Raise same-day payout share from 19% to 60%\n\n"
            "### Risks\n\n- Bank partners may cap same-day volume at 20% of payouts\n"
            "- Fraud losses could rise above 0.3% of volume\n")
    assert len(_read(text, "plan.md")[0][1]) == 1
    text = ("Objective 3: Fewer mistakes in the warehouse\n- Pick errors per 10,000 lines: 14 -> 5\n\nLast quarter\n"
            "- Pick errors per 10,000 lines: 19 -> 14 (Q4)\n- Overtime cost: 1.2m -> 0.9m baht (Q4)\n")
    assert len(_read(text)[0][1]) == 1


def test_long_runs_of_spaces_and_many_plain_lines_stay_fast():
    import time

    started = time.perf_counter()
    text = "## Objective 1: Small bakeries order every week\n\n- Raise x" + " " * 20_000 + "from 1 to 5 (0.7)\n"
    _read(text, "plan.md")
    plain = "Objective 1: Shops stay\n" + "".join(f"Raise repeat orders in area {i} from 10% to 20%\n" for i in range(5000))
    assert len(_read(plain)[0][1]) == 5000
    assert time.perf_counter() - started < 20


def test_headings_and_owned_key_results_with_long_space_runs_stay_linear():
    # "\s+#+\s*$" on a heading and the trailing-owner search on a title backtracked once per space (review 69, M5)
    import time

    from okrlint.engine import period_of_name

    started = time.perf_counter()
    spaces = " " * 40_000
    text = ("# Doughly sales OKRs Q3 2026\n\n## Objective 1: Bakeries order every week ##\n\n### x" + spaces + "-> 2\n"
            "- Raise weekly orders x" + spaces + "x from 10 to 15 — Kemi\n- Cut churn from 5% to 3% — Ana\n")
    objectives = _read(text, "plan.md")
    assert objectives[0][0] == "Bakeries order every week" and len(objectives[0][1]) == 2
    assert period_of_name("plan 2027-Q1" + " 1" * 100_000 + ".md") is None  # a --stdin-filename of any length
    assert period_of_name("sales okrs 2027-Q1.md").text == "2027-Q1"
    assert time.perf_counter() - started < 10
