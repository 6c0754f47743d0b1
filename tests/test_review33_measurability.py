"""Reviews 33-35, measurability and number reading: the verb that governs the numbers after a relative clause, names
that carry a number, shares of a good state, scale words written once, done/not-done results, values as written.
The example sentences are written for these tests."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_documents


def _codes(*krs: str, prefix: str = "MEA") -> list[list[str]]:
    """The codes (starting with ``prefix``) of each key result, in order."""
    body = "team: depot\nperiod: 2027-Q1\nobjectives:\n  - title: Customers get what they ordered\n    key_results:\n"
    body += "".join(f"      - \"{kr}\"\n" for kr in krs)
    found = lint_documents([("depot.okr.yaml", body)])
    return [sorted(f.code for f in found if f.location.line == 6 + i and f.code.startswith(prefix))
            for i in range(len(krs))]


def _messages(kr: str, code: str) -> list[str]:
    body = ("team: depot\nperiod: 2027-Q1\nobjectives:\n  - title: Customers get what they ordered\n    key_results:\n"
            f"      - \"{kr}\"\n")
    return [f.message for f in lint_documents([("depot.okr.yaml", body)]) if f.code == code]


# 1. The verb right before the change governs it, also after a clause that says what is counted.
@pytest.mark.parametrize("kr", [
    "จำนวนร้านค้าที่ขายสินค้าหมดอายุ ลดจาก 9 เหลือ 14 ร้าน",
    "จำนวนหมู่บ้านที่มีน้ำประปาใช้ เพิ่มจาก 60 เป็น 45 หมู่บ้าน",
    "Number of depots that miss the cut-off reduced from 6 to 11",
    "Share of members who lapse cut from 4% to 7%",
])
def test_a_verb_after_the_clause_that_governs_the_numbers_is_checked(kr):
    assert "MEA004" in _codes(kr)[0]


@pytest.mark.parametrize("kr", [
    "ร้อยละของครัวเรือนที่ได้รับคำแนะนำแล้วมีหนี้สินลดลง จาก 30 เป็น 45",  # the clause's own verb, glued to it
    "Share of drivers whose fatigue score decreased from 25% to 40%",  # 'whose …': the verb is the clause's
    "Share of branches that cut paper use from 20% to 50%",  # the verb right after 'that' is the clause's
    "ลดจำนวนผู้เรียนที่ต้องเพิ่มชั่วโมงเรียนซ่อม จาก 80 เหลือ 50 คน",  # a verb inside the clause, not the change
    "จำนวนสหกรณ์ที่มีกำไร เพิ่มจาก 40 เป็น 52 แห่ง",
])
def test_a_verb_inside_the_clause_does_not_set_the_direction(kr):
    assert "MEA004" not in _codes(kr)[0]


# 2. A number after a word that names one of several things is a name, not a target.
@pytest.mark.parametrize("text", [
    "Lift first-pass yield on Line 4", "Certify the kitchen to the IFS Edition 8 standard", "Audit Plant 3 for leaks",
    "the Issue 7 checklist", "ลดเวลาหยุดเครื่องของไลน์ 5 ให้น้อยที่สุด", "ซ่อมหลังคาอาคาร 2 ให้เสร็จ",
])
def test_a_number_that_names_one_of_several_is_not_a_quantity(text):
    from okrlint.text.numbers import read_numbers

    assert [n.text for n in read_numbers(text)] == []


@pytest.mark.parametrize("text, number", [
    ("Issue 40 parking permits a week", "40"),  # the word is a verb heading the text
    ("Open the depot and plant 300 trees", "300"),
    ("สร้างอาคาร 2 หลัง", "2"),  # a classifier counts them
    ("เพิ่มสายการผลิต 3 สาย", "3"),
    ("Cut scrap on Line 2 to 4%", "4%"),
])
def test_a_count_after_such_a_word_is_still_read(text, number):
    from okrlint.text.numbers import read_numbers

    assert number in [n.text for n in read_numbers(text)]


def test_a_key_result_whose_only_number_is_a_name_is_not_measurable():
    assert _codes("Lift first-pass yield on Line 4", "ลดเวลาหยุดเครื่องของไลน์ 5 ให้น้อยที่สุด") == [["MEA001"], ["MEA001"]]


def test_a_pass_target_has_no_baseline_to_give():
    body = ("team: qa\nperiod: 2027-Q1\nobjectives:\n  - title: Buyers trust our kitchens\n    key_results:\n"
            "      - title: ผ่านการตรวจรับรองมาตรฐานโรงครัว โดยพบข้อบกพร่องไม่เกิน 3 ข้อ\n        target: ผ่าน\n")
    codes = sorted(f.code for f in lint_documents([("qa.okr.yaml", body)]) if f.code.startswith("MEA"))
    assert "MEA002" not in codes and "MEA006" in codes


@pytest.mark.parametrize("text", ["จัดกิจกรรม team building 3 ครั้ง", "Run team building 3 times a year"])
def test_a_label_word_used_otherwise_keeps_its_number(text):
    from okrlint.text.numbers import read_numbers

    assert "3" in [n.text for n in read_numbers(text)]


# 3. With no verb, a share of a good state is better higher and a share of a bad state better lower.
@pytest.mark.parametrize("kr", [
    "ร้อยละของผู้ป่วยหอบหืดที่ควบคุมอาการได้ จาก 70 เป็น 64",
    "ร้อยละของนักเรียนที่สอบผ่านวิชาคณิตศาสตร์ จาก 82 เป็น 77",
    "Share of learners who passed the driving test from 58% to 51%",
    "Share of insurance claims that are resolved within 10 days from 75% to 70%",
    "Share of parcels that arrive damaged from 2% to 3%",
    "ร้อยละของคำขอใบอนุญาตที่ตกค้างเกินกำหนด จาก 5 เป็น 9",
    "Share of overdue invoices from 6% to 9%",
])
def test_a_share_that_moves_against_the_state_it_counts_is_reported(kr):
    assert _codes(kr)[0] == ["MEA004"]


@pytest.mark.parametrize("kr", [
    "ร้อยละของผู้ป่วยหอบหืดที่ควบคุมอาการได้ จาก 64 เป็น 70",
    "Share of parcels that arrive damaged from 3% to 2%",
    "Share of overdue invoices from 9% to 6%",
    "ร้อยละของผู้ป่วยที่ได้รับการผ่าตัดซ้ำ จาก 6 เป็น 4",  # again: not a good state
    "Share of accounts with failed payments recovered from 30% to 25%",  # a good and a bad word: unclear
    "Number of patients who recovered at home from 500 to 420",  # a count: fewer may mean fewer fell ill
    "ร้อยละของผู้ป่วยที่ควบคุมความดันได้ รักษาไว้ไม่ต่ำกว่า 60 (ปีที่แล้ว 62)",
])
def test_a_share_that_moves_with_its_state_or_names_no_clear_state_is_quiet(kr):
    assert "MEA004" not in _codes(kr)[0]


def test_the_message_names_the_measure_as_written():
    assert _messages("Share of learners who passed the driving test from 58% to 51%", "MEA004") == [
        "'Share of learners who passed the driving test' is better higher, but the numbers go down from 58% to 51%"]


# 5. A scale word written once after the second number holds for both.
@pytest.mark.parametrize("text, first", [
    ("Cut the fuel bill from 48 to 41 million baht", 48e6),
    ("ลดค่าไฟฟ้าจาก 18 เหลือ 15 ล้านบาท", 18e6),
    ("Trim capex from 2.4 to 1.9 billion", 2.4e9),
    ("Grow bookings from €7.5 to €9M", 7.5e6),
    ("งบลงทุน 20–30 ล้านบาท", 20e6),
])
def test_a_scale_written_once_holds_for_both_numbers(text, first):
    from okrlint.text.numbers import read_numbers

    assert read_numbers(text)[0].value == first


@pytest.mark.parametrize("text, first", [
    ("Grow members from 700 to 1.5 million", 700),  # of another size: the first number is what it says
    ("Open 4 branches and raise 10 million baht", 4),
    ("Cut defects from 6 to 4 per million", 6),
])
def test_a_scale_is_not_lent_to_a_number_of_another_size_or_role(text, first):
    from okrlint.text.numbers import read_numbers

    assert read_numbers(text)[0].value == first


def test_a_cut_from_a_to_b_million_is_a_cut():
    assert _codes("Cut the fuel bill from 48 to 41 million baht", "ลดค่าไฟฟ้าจาก 18 เหลือ 15 ล้านบาท") == [[], []]


# 4. A better-lower word that only describes another noun does not set the measure's direction.
@pytest.mark.parametrize("kr", [
    "Raise the share of depots with a rehearsed outage plan from 30% to 90%",
    "Grow the share of sites with an approved incident playbook from 25% to 80%",
    "เพิ่มร้อยละของสาขาที่มีเครื่องปั่นไฟสำรองกรณีไฟฟ้าขัดข้อง จาก 40 เป็น 85",
])
def test_a_word_that_describes_what_is_counted_does_not_set_the_direction(kr):
    assert "MEA004" not in _codes(kr)[0]


@pytest.mark.parametrize("kr", [
    "Increase the outage count from 3 to 6",  # the measure is the outages themselves
    "Raise flaky build share from 4% to 7%",  # 'flaky' describes what is counted
    "Increase outages after each release from 2 to 5",
])
def test_the_measure_itself_still_sets_the_direction(kr):
    assert "MEA004" in _codes(kr)[0]


# 6. A move of the whole of a thing to a new place, a launch milestone and a version number.
@pytest.mark.parametrize("kr", [
    "Move 100% of the nightly reports to the new warehouse",
    "Shift all payroll runs onto the cloud ledger",
    "ย้ายระบบบัญชีทั้งหมดไปยังคลาวด์",
    "Booking engine v2 GA by May 30",
    "Release the field app 3.0 to all technicians",
])
def test_a_whole_move_or_a_launch_milestone_is_done_or_not_done(kr):
    codes = _codes(kr)[0]
    assert "MEA006" in codes and "MEA002" not in codes


@pytest.mark.parametrize("kr", [
    "Move 100% of customers to paperless billing",  # people move one by one: a share to grow
    "Move clinics onto the new booking system from 20% to 70%",
    "Shift 60% of orders to the new depot",
])
def test_moving_people_or_part_of_a_thing_is_not_binary(kr):
    assert "MEA006" not in _codes(kr)[0]


def test_a_version_after_an_app_is_a_name_but_a_rating_is_not():
    from okrlint.text.numbers import read_numbers

    assert [n.text for n in read_numbers("Release the field app 3.0 to all technicians")] == []
    assert [n.text for n in read_numbers("Keep the app 4.6 stars")] == ["4.6"]


# 8. Messages name where the value goes as the user wrote it: a key, a column, or the text itself.
def _mea_messages(name: str, document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in lint_documents([(name, document)]):
        if f.code in ("MEA001", "MEA002", "MEA003"):
            found.setdefault(f.code, []).append(f.message)
    return found


def test_a_draft_is_told_to_write_the_numbers_in_its_text():
    draft = ("team: depot\nperiod: 2027-Q1\n\n## Objective: Customers get what they ordered\n"
             "- Make returns painless\n- Reach 400 repeat shops a week\n")
    found = _mea_messages("depot.md", draft)
    assert found["MEA001"] == ["no quantitative target can be read: write the number or percentage it should reach"]
    assert found["MEA002"] == ["the target has no baseline: say where it starts ('from X to Y')"]


def test_a_table_is_told_to_fill_in_its_columns():
    table = ("team: depot\nperiod: 2027-Q1\n\n## Objective: Customers get what they ordered\n\n"
             "| Key result | Baseline | Target |\n|---|---|---|\n| Reach repeat shops a week | | 400 |\n"
             "| Grow next-day deliveries | 20% | TBC |\n")
    found = _mea_messages("depot.md", table)
    assert found["MEA002"] == ["the target has no baseline: say where it starts ('from X to Y') or fill in the baseline "
                               "column"]
    assert found["MEA003"] == ["the target cell is a placeholder ('TBC'), not a value"]


def test_a_yaml_file_is_told_its_keys():
    body = ("team: depot\nperiod: 2027-Q1\nobjectives:\n  - title: Customers get what they ordered\n    key_results:\n"
            "      - Make returns painless\n      - title: Grow next-day deliveries\n        baseline: 20%\n"
            "        target: TBC\n")
    found = _mea_messages("depot.okr.yaml", body)
    assert "`target:`" in found["MEA001"][0] and found["MEA003"][0].startswith("`target:` is a placeholder")


@pytest.mark.parametrize("message", [
    "no quantitative target can be read: write the number or percentage it should reach",
    "no quantitative target can be read: add a number or percentage, or fill in the target column, to measure it by",
    "the target has no baseline: say where it starts ('from X to Y')",
    "the target has no baseline: say where it starts ('from X to Y') or fill in the baseline column",
    "the target cell is a placeholder ('TBC'), not a value",
    "the baseline cell is a placeholder ('?'), not a value",
])
def test_the_new_wordings_have_thai_messages(message):
    from okrlint.report.messages import catalogue

    shown = catalogue("th").translate(message)
    assert shown is not None and any("\u0e00" <= c <= "\u0e7f" for c in shown)


# 7. Cells formatted as percentages are shown as the percentages the user saw.
def _percent_sheet(title: str, baseline: float, target: float) -> bytes:
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Objective", "Key result", "Baseline", "Target", "Unit"])
    sheet.append(["Readers act on our emails", title, baseline, target, "%"])
    sheet["C2"].number_format = sheet["D2"].number_format = "0.0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_percent_cells_are_shown_as_the_percentages_the_title_gives():
    data = _percent_sheet("Lift webinar sign-up rate from 3.4% to 3.5%", 0.034, 0.035)
    found = [f.message for f in lint_documents([("mail.xlsx", data)]) if f.code == "MEA007"]
    assert len(found) == 1 and "(3.4% to 3.5%)" in found[0]


def test_percent_cells_that_fall_against_the_verb_are_shown_as_percentages():
    data = _percent_sheet("Lift webinar sign-up rate from 6.5% to 5.0%", 0.065, 0.05)
    found = [f.message for f in lint_documents([("mail.xlsx", data)]) if f.code == "MEA004"]
    assert found == ["'lift' says up, but the numbers go down from 6.5% to 5.0%"]
