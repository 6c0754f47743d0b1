"""Reviews 29 and 30, shared-key-result (ALN012): a copy is found when only one side writes the unit in its values or
carries a bracketed definition, when a sheet's target is the period-end column of per-quarter targets, and when a
team of a shorter period takes the measure of the key result it aligns to up to a milestone on the way; the rule's
cost grows with the org, not with the square of its groups."""

import textwrap

import pytest

from okrlint.testing import lint_documents


def _shared(documents: dict[str, str]) -> list[tuple[str, int, str]]:
    found = lint_documents([(name, textwrap.dedent(text).lstrip("\n")) for name, text in documents.items()],
                           select=["shared-key-result"], messages="en")
    return sorted((f.location.file, f.location.line, f.message) for f in found)


def _files(documents: dict[str, str]) -> set[str]:
    return {file for file, _, _ in _shared(documents)}


COMPANY_TH = """
    team: company
    level: company
    period: 2570
    objectives:
      - id: co1
        title: ลูกค้าประจำแวะร้านเราทุกสัปดาห์
        key_results:
          - title: ยอดขายต่อสาขาเฉลี่ยต่อวัน
            baseline: 28,500 บาท
            target: 33,000 บาท
          - title: อัตราการกลับมาซื้อซ้ำภายใน 30 วันของสมาชิก
            baseline: 38%
            target: 50%
    """


def _ops(baseline: str, target: str, extra: str = "", period: str = "2570") -> str:
    return f"""
    team: ops
    period: {period}
    objectives:
      - id: ops1
        title: ลูกค้าได้รับบริการรวดเร็วทุกสาขา
        aligns_to: [company/co1]
        key_results:
          - title: ยอดขายต่อสาขาเฉลี่ยต่อวัน
            baseline: {baseline}
            target: {target}{extra}
          - title: ลดเวลารอเครื่องดื่ม จาก 6 นาที เหลือ 4 นาที
    """


# --- 1. a unit in the values on one side only (review 30 #6) ---------------------------------------------
@pytest.mark.parametrize("baseline, target, extra", [
    ("28500", "33000", ""),                                  # no unit at all
    ("28500", "33000", "\n            unit: บาท"),            # the unit in a column
    ("'28,500'", "'33,000'", ""),                           # thousands separators, no unit
    ("28,500 บาท", "33,000 บาท", ""),                        # both write it (as before)
])
def test_a_copy_is_found_whether_or_not_its_values_carry_the_unit(baseline, target, extra):
    found = _shared({"company.okr.yaml": COMPANY_TH, "ops.okr.yaml": _ops(baseline, target, extra)})
    assert [(file, line) for file, line, _ in found] == [("ops.okr.yaml", 8)], found
    assert "repeats word for word a key result of the objective it aligns to" in found[0][2]


def test_a_unit_in_the_title_on_one_side_only_is_the_same_key_result():
    found = _files({
        "support.okr.yaml": """
            team: support
            objectives:
              - title: Customers get answers fast
                key_results:
                  - Cut average handling time from 12 minutes to 8 minutes
                  - Raise first-contact resolution from 61% to 75%
            """,
        "ops.okr.yaml": """
            team: ops
            objectives:
              - title: Agents have what they need on every call
                key_results:
                  - Cut average handling time from 12 to 8
                  - Raise knowledge-base coverage from 40% to 70%
            """,
    })
    assert found == {"support.okr.yaml", "ops.okr.yaml"}


def test_two_different_units_are_two_measures():
    found = _files({
        "lab.okr.yaml": "team: lab\nobjectives:\n  - title: Doctors get results in time\n    key_results:\n"
                        "      - Cut report turnaround from 72 hours to 24 hours\n",
        "records.okr.yaml": "team: records\nobjectives:\n  - title: Patients get their records\n    key_results:\n"
                            "      - Cut report turnaround from 72 days to 24 days\n",
        "th.okr.yaml": "team: คลัง\nobjectives:\n  - title: หน่วยงานได้ของทันใช้\n    key_results:\n"
                       "      - ลดเวลาส่งของจาก 72 ชั่วโมง เหลือ 24 ชั่วโมง\n",
        "th2.okr.yaml": "team: จัดซื้อ\nobjectives:\n  - title: ผู้ขายได้เงินตรงเวลา\n    key_results:\n"
                        "      - ลดเวลาส่งของจาก 72 วัน เหลือ 24 วัน\n",
    })
    assert found == set()


def test_the_same_measure_in_hours_and_in_a_unit_column_of_hours_is_shared():
    found = _files({
        "a.okr.yaml": "team: คลัง\nobjectives:\n  - title: หน่วยงานได้ของทันใช้\n    key_results:\n"
                      "      - ลดเวลาส่งของจาก 72 ชั่วโมง เหลือ 24 ชั่วโมง\n",
        "b.okr.yaml": "team: ขนส่ง\nobjectives:\n  - title: รถไปถึงหน่วยงานตามนัด\n    key_results:\n"
                      "      - title: ลดเวลาส่งของ\n        baseline: 72\n        target: 24\n        unit: ชม.\n",
    })
    assert found == {"a.okr.yaml", "b.okr.yaml"}


# --- 3. a bracketed definition or qualifier on one side only (review 29 #10) -------------------------------
def test_a_copy_without_the_bracketed_definition_is_a_copy():
    found = _shared({
        "company.okr.yaml": """
            team: company
            level: company
            period: 2026
            objectives:
              - id: co-o1
                title: Passengers can count on buses turning up when we say
                key_results:
                  - id: co-kr1
                    title: Raise bus punctuality (departures within 1 min early to 5 min late) on frequent routes from 82% to 88%
            """,
        "ops.okr.yaml": """
            team: ops
            period: 2026
            objectives:
              - id: ops-o1
                title: Drivers and buses are where the timetable needs them
                aligns_to: [co-o1]
                key_results:
                  - Raise bus punctuality on frequent routes from 82% to 88%
                  - Cut lost mileage from 2.1% to 0.8%
            """,
    })
    assert [(file, line) for file, line, _ in found] == [("ops.okr.yaml", 8)]
    assert "a key result of the objective it aligns to" in found[0][2]


def test_a_thai_bracketed_qualifier_on_one_side_and_fields_on_the_other():
    found = _files({
        "a.okr.yaml": "team: เดินรถ\nobjectives:\n  - title: ผู้โดยสารวางแผนการเดินทางได้\n    key_results:\n"
                      "      - เพิ่มสัดส่วนเที่ยวรถที่ออกตรงเวลา (ออกก่อนไม่เกิน 1 นาที หรือช้าไม่เกิน 5 นาที) จาก 82% เป็น 88%\n",
        "b.okr.yaml": "team: ซ่อมบำรุง\nobjectives:\n  - title: รถพร้อมวิ่งทุกเช้า\n    key_results:\n"
                      "      - title: สัดส่วนเที่ยวรถที่ออกตรงเวลา\n        baseline: 82%\n        target: 88%\n",
    })
    assert found == {"a.okr.yaml", "b.okr.yaml"}


def test_two_different_bracketed_qualifiers_are_two_measures():
    found = _files({
        "a.okr.yaml": "team: enterprise\nobjectives:\n  - title: Big accounts recommend us\n    key_results:\n"
                      "      - Raise NPS (enterprise accounts) from 32 to 41\n",
        "b.okr.yaml": "team: smb\nobjectives:\n  - title: Small shops recommend us\n    key_results:\n"
                      "      - Raise NPS (self-serve shops) from 32 to 41\n",
    })
    assert found == set()


def test_a_bracket_that_holds_the_change_is_kept():
    found = _files({
        "a.okr.yaml": "team: สมาชิก\nobjectives:\n  - title: สมาชิกกลับมาซื้อซ้ำ\n    key_results:\n"
                      "      - อัตราการซื้อซ้ำของสมาชิก (จาก 38% เป็น 50%)\n",
        "b.okr.yaml": "team: การตลาด\nobjectives:\n  - title: สมาชิกรู้สึกคุ้มค่า\n    key_results:\n"
                      "      - อัตราการซื้อซ้ำของสมาชิก จาก 38% เป็น 50%\n",
        "c.okr.yaml": "team: ขาย\nobjectives:\n  - title: ลูกค้าใหม่อยากกลับมา\n    key_results:\n"
                      "      - อัตราการซื้อซ้ำของลูกค้าใหม่ (จาก 38% เป็น 50%)\n",
    })
    assert found == {"a.okr.yaml", "b.okr.yaml"}


# --- 2. per-quarter targets and milestones (review 30 #5) --------------------------------------------------
def test_a_sheet_with_quarter_targets_copies_the_company_key_result_at_its_period_end():
    sheet = ("OKR ฝ่ายการตลาด ม.ค.–มิ.ย. 2570,,,,,\n"
             "วัตถุประสงค์,สอดคล้องกับ,ผลลัพธ์หลัก,ค่าฐาน,เป้าหมาย Q1,เป้าหมาย Q2\n"
             "สมาชิกใหม่รู้สึกคุ้มตั้งแต่เดือนแรก,company/co1,อัตราการกลับมาซื้อซ้ำภายใน 30 วันของสมาชิก,38%,44%,50%\n"
             ",,ความถี่การซื้อของสมาชิกต่อเดือน,2.1,2.4,2.8\n")
    found = _shared({"company.okr.yaml": COMPANY_TH, "การตลาด.okr.csv": sheet})
    assert [file for file, _, _ in found] == ["การตลาด.okr.csv"], found
    assert "repeats word for word" in found[0][2]


@pytest.mark.parametrize("period, target, reported", [
    ("ไตรมาส 1/2570", "44%", True),    # a quarter's milestone on the way to the year's 50%
    ("Q1 2027", "44%", True),
    ("2570", "44%", False),            # the same year: a smaller target, not a milestone of a shorter period
    ("ไตรมาส 1/2570", "55%", False),   # beyond the company's target
    ("ไตรมาส 1/2570", "30%", False),   # the other way
])
def test_a_quarter_milestone_of_the_key_result_it_aligns_to(period, target, reported):
    team = f"""
        team: marketing
        period: {period}
        objectives:
          - id: m1
            title: สมาชิกใหม่รู้สึกคุ้มตั้งแต่เดือนแรก
            aligns_to: [company/co1]
            key_results:
              - title: อัตราการกลับมาซื้อซ้ำภายใน 30 วันของสมาชิก
                baseline: 38%
                target: {target}
              - title: เพิ่มสมาชิกที่ใช้คูปองครั้งแรกภายใน 7 วัน จาก 20% เป็น 35%
        """
    found = _shared({"company.okr.yaml": COMPANY_TH, "marketing.okr.yaml": team})
    if reported:
        assert [(file, line) for file, line, _ in found] == [("marketing.okr.yaml", 8)], found
        assert "milestone on the way to its target (44% of 50%" in found[0][2]
    else:
        assert found == []


def test_a_milestone_in_the_title_and_a_different_window_is_not_one():
    company = ("team: company\nlevel: company\nperiod: 2027\nobjectives:\n  - id: co1\n"
               "    title: Members keep coming back\n    key_results:\n"
               "      - Raise 30-day repeat purchase from 38% to 50%\n")
    same = ("team: crm\nperiod: 2027-Q1\nobjectives:\n  - title: New members feel it pays off\n    aligns_to: [co1]\n"
            "    key_results:\n      - Raise 30-day repeat purchase from 38% to 44%\n")
    other = same.replace("30-day", "60-day").replace("team: crm", "team: loyalty")
    found = _shared({"company.okr.yaml": company, "crm.okr.yaml": same, "loyalty.okr.yaml": other})
    assert [(file, line) for file, line, _ in found] == [("crm.okr.yaml", 7)], found


def test_the_milestone_message_reads_in_thai():
    from okrlint.report.messages import catalogue

    team = _ops("28,500 บาท", "30,000 บาท", period="ไตรมาส 1/2570")
    [(_, _, message)] = _shared({"company.okr.yaml": COMPANY_TH, "ops.okr.yaml": team})
    assert catalogue("th").translate(message) == (
        "ผลลัพธ์หลักข้อนี้วัดสิ่งเดียวกันกับผลลัพธ์หลักของวัตถุประสงค์ระดับบนที่สอดคล้องด้วย "
        "เพียงตั้งค่าเป้าหมายเป็นขั้นระหว่างทางไปสู่เป้านั้น (30,000 บาท จากเป้า 33,000 บาท; หน่วยงาน company, "
        "company.okr.yaml:8): ให้ระบุสิ่งที่หน่วยงานนี้จะขับเคลื่อนเพื่อช่วยให้ถึงเป้านั้น")


# Cost growing with the org is measured by benchmarks/bench_alignment.py (never by a timed unit test).


def test_a_key_result_with_hundreds_of_digits_does_not_hang_the_shared_measure_check():
    """Found by the long fuzz run: a run of digits reads as infinity, and dividing it by 1000 never ends."""
    digits = "9" * 400
    text = (f"team: a\nperiod: 2027-Q1\nobjectives:\n  - title: Shops stay\n    key_results:\n"
            f"      - Raise revenue from {digits} to 5\n---\nteam: b\nperiod: 2027-Q1\nobjectives:\n"
            f"  - title: Shops grow\n    key_results:\n      - Raise revenue from {digits} to 5\n")
    assert not [f for f in lint_documents([("a.okr.yaml", text)]) if f.code == "OKR001"]  # no time-out, no failure
