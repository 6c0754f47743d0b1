"""Office documents saved under another kind's name: a .pptx deck named "plan.ppt", a Word or OpenDocument file named
.doc. Their programs open them by content, so people never notice; okrlint reads them by content too (named on the
command line or found in a folder), and a real old binary .doc stays a one-line error."""

from __future__ import annotations

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
