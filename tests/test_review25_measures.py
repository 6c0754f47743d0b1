"""Reviews 25 to 27 (a Thai waterworks authority, an English B2B SaaS company, a Thai fintech and a homestay):
key results that are outputs or go the wrong way, names read as numbers or blanks, tags and customer focus."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_yaml


def _set(*krs: str, team: str = "a", objective: str = "Customers get what they need") -> str:
    lines = [f"team: {team}", "period: 2027-Q1", "objectives:", f"  - title: \"{objective}\"", "    key_results:"]
    lines += [f"      - \"{kr}\"" for kr in krs]
    return "\n".join(lines) + "\n"


def _codes(kr: str, **fields) -> set[str]:
    if fields:
        body = "".join(f"        {name}: \"{value}\"\n" for name, value in fields.items())
        text = (f"team: a\nperiod: 2027-Q1\nobjectives:\n  - title: Customers get what they need\n    key_results:\n"
                f"      - title: \"{kr}\"\n{body}")
    else:
        text = _set(kr)
    return {f.code for f in lint_yaml(text) if f.code.startswith("MEA")}


# --- 1. outputs built, and a count that only names the whole scope ----------------------------------------------


@pytest.mark.parametrize("kr", [
    "ขยายเขตจำหน่ายน้ำเพิ่ม 1,200 กิโลเมตร", "วางท่อประปาใหม่ 1,200 กม. ภายในปี 2570", "Lay 1,200 km of new water mains",
    "Extend the pipe network by 1,200 km", "Build 40 km of protected cycle lanes", "ก่อสร้างถนนลาดยาง 25 กิโลเมตร",
    "Install 800 metres of new fibre cable within the year",
])
def test_a_length_of_network_built_is_an_output(kr):
    codes = _codes(kr)
    assert "MEA005" in codes and "MEA002" not in codes, codes


@pytest.mark.parametrize("kr", [
    "Reduce average distance to the nearest clinic from 12 km to 8 km", "Increase EV range from 300 km to 400 km",
    "Cut leaking pipe length from 90 km to 40 km", "Households within 2 km of a clinic from 60% to 80%",
    "Raise kilometres of road rated good from 800 km to 1,000 km",
    "ลดระยะทางเดินทางเฉลี่ยของผู้ป่วยจาก 30 กม. เหลือ 12 กม.",
])
def test_a_distance_a_range_or_the_state_of_a_network_is_not_an_output(kr):
    assert "MEA005" not in _codes(kr)


@pytest.mark.parametrize("kr", ["Complete the upgrade of all 14 clusters by 15 Feb 2027",
                                "ย้ายระบบทั้ง 12 ระบบขึ้นคลาวด์ให้แล้วเสร็จ"])
def test_a_count_that_names_the_whole_scope_of_finished_work_is_binary(kr):
    assert "MEA006" in _codes(kr)


@pytest.mark.parametrize("kr", ["Migrate all 32 services to the new cluster", "Train all 200 staff on the new process",
                                "Move 80% of customer workloads to the new data centre, up from 20%"])
def test_work_counted_item_by_item_is_not_binary(kr):
    assert "MEA006" not in _codes(kr)


# --- 2. views of clips and likes of posts are not outputs; cells and title give one verdict -----------------------


@pytest.mark.parametrize("kr", [
    "เพิ่มยอดวิวคลิปแนะนำการอ่านมิเตอร์ใน TikTok เป็น 100,000 วิว", "เพิ่มยอดไลก์โพสต์บน Facebook เป็น 2,000 ไลก์",
    "Get 100,000 views on our TikTok clips", "Reach 5,000 likes on our Instagram posts",
])
def test_views_and_likes_of_outputs_are_attention_not_outputs(kr):
    codes = _codes(kr)
    assert "MEA005" not in codes and {"MEA008", "MEA002"} <= codes, codes


@pytest.mark.parametrize("kr", ["Publish 12 blog posts a month", "Hold 5 webinars with 200 attendees",
                                "Increase the number of blog posts from 2 to 4 a week"])
def test_outputs_made_are_still_activities(kr):
    assert "MEA005" in _codes(kr)


@pytest.mark.parametrize("kr", ["ติดตั้งมาตรวัดน้ำให้ผู้ขอใช้น้ำรายใหม่ได้ภายใน 7 วันทำการตาม SLA",
                                "Install water meters for new applicants within 7 working days of the request"])
def test_a_service_level_share_reads_the_same_from_cells_as_from_the_title(kr):
    in_cells = _codes(kr, baseline="82%", target="95%")
    in_title = _codes(f"{kr} จาก 82% เป็น 95%" if not kr.isascii() else f"{kr} from 82% to 95%")
    assert "MEA005" not in in_cells and "MEA005" not in in_title


def test_a_count_of_installations_in_cells_is_still_an_activity():
    assert "MEA005" in _codes("Install new water meters", baseline="1,200", target="2,000")


# --- 3. direction --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kr", ["เพิ่มสัดส่วนเรื่องร้องเรียนที่ปิดได้ภายใน 3 วัน จาก 64% เป็น 90%",
                                "เพิ่มสัดส่วนเรื่องร้องเรียนที่ปิดงานได้ภายใน 3 วัน จาก 64% เป็น 90%",
                                "Increase complaints closed within 3 days from 60% to 90%"])
def test_complaints_closed_are_better_higher(kr):
    assert "MEA004" not in _codes(kr)


@pytest.mark.parametrize("kr", [
    "ลดยอดผู้ใช้งานรายวัน (DAU) จาก 420,000 คน เหลือ 380,000 คน", "Reduce daily active users from 420,000 to 380,000",
    "ลดอัตราการต่ออายุสมาชิกจาก 80% เหลือ 70%", "Cut the renewal rate from 80% to 70%",
    "ผู้ใช้งานรายวันจาก 420,000 คน เหลือ 380,000 คน",
])
def test_cutting_a_measure_that_should_rise_is_a_mismatch(kr):
    assert "MEA004" in _codes(kr)


@pytest.mark.parametrize("kr", [
    "Reduce the satisfaction gap between regions from 12 to 4 points", "ลดความไม่พึงพอใจของลูกค้าจาก 20% เหลือ 10%",
    "Reduce active users on the legacy app from 5,000 to 500", "ลดระยะเวลาการต่ออายุสมาชิกจาก 5 วัน เหลือ 1 วัน",
    "ลดค่าธรรมเนียมต่ออายุสมาชิกจาก 500 บาท เหลือ 300 บาท", "Cut engagement survey length from 60 to 20 questions",
    "Cut the cost per active user from $4 to $3",
])
def test_cutting_something_about_a_good_measure_is_not_a_mismatch(kr):
    assert "MEA004" not in _codes(kr)


# --- 4. a target that goes backwards is no small step ------------------------------------------------------------


@pytest.mark.parametrize("kr", ["คะแนนความพึงพอใจของผู้รับบริการ จาก 4.1 เป็น 3.9", "Customer satisfaction score 4.1 → 3.9",
                                "Churn rate from 4.0% to 4.1%"])
def test_a_target_that_goes_backwards_is_a_mismatch_not_a_small_step(kr):
    codes = _codes(kr)
    assert "MEA004" in codes and "MEA007" not in codes, codes


def test_a_small_step_the_right_way_is_still_reported():
    assert "MEA007" in _codes("คะแนนความพึงพอใจของผู้รับบริการ จาก 4.21 เป็น 4.25")


# --- 5. a capital letter or a number that is part of a name --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Grow Gen Z accounts from 40,000 to 70,000", "เพิ่มบัญชีลูกค้า Gen Z จาก 40,000 เป็น 70,000 บัญชี",
    "Win Generation X savers from 1,000 to 3,000", "Sell Model Y to 500 fleet buyers",
    "Grow followers on X (Twitter) from 2,000 to 5,000", "Grow followers on X and Instagram from 2,000 to 5,000",
    "ลูกค้ากลุ่ม Gen Z ใช้แอปเพิ่มจาก 20% เป็น 35%", "ทีม X ลดเวลาส่งมอบจาก 10 วัน เหลือ 4 วัน",
])
def test_a_letter_that_completes_a_name_is_not_a_placeholder(text):
    from okrlint.text.facts import find_placeholders

    assert find_placeholders(text) == ()
    assert "MEA003" not in _codes(text)


@pytest.mark.parametrize("text", ["Increase qualified leads from X to Y", "เพิ่มยอดขายออนไลน์เป็น X%", "Reach N customers",
                                  "ลดต้นทุนต่อหน่วยลง X %", "Cut churn to Z", "Raise conversion to Y%"])
def test_a_real_blank_is_still_a_placeholder(text):
    assert "MEA003" in _codes(text)


@pytest.mark.parametrize("kr", ["Deliver the customer 360 data platform", "Open a kiosk in every 7-Eleven branch",
                                "Build a 360-degree customer view"])
def test_a_number_that_is_part_of_a_name_is_no_target(kr):
    assert "MEA001" in _codes(kr)


@pytest.mark.parametrize("text, values", [
    ("Reach 360 customers", [360]), ("Grow customers from 300 to 360", [300, 360]), ("ลูกค้า 360 ราย", [360]),
    ("Grow sales at 7-Eleven stores from 120 to 200", [120, 200]), ("Win 3-Year contracts from 10 to 20", [3, 10, 20]),
])
def test_numbers_beside_names_are_still_read(text, values):
    from okrlint.text.numbers import read_numbers

    assert [n.value for n in read_numbers(text)] == values


# --- 6. a report, attestation, accreditation or licence obtained is done or not done -------------------------------


@pytest.mark.parametrize("kr", [
    "Achieve the SOC 2 Type II report by March 31, 2027", "Receive our PCI DSS attestation of compliance",
    "Get the clinic accredited by the Care Quality Commission", "Obtain the money-transmitter licence in Texas",
    "ได้รับใบอนุญาตประกอบธุรกิจ e-Money จาก ธปท.",
])
def test_an_attestation_or_licence_obtained_is_binary(kr):
    assert "MEA006" in _codes(kr)


@pytest.mark.parametrize("kr", ["Grow license revenue from $2M to $3M", "Cut SOC 2 report exceptions from 6 to 0",
                                "Cut time to issue a licence from 30 days to 10 days"])
def test_a_measure_about_licences_or_reports_is_not_binary(kr):
    assert "MEA006" not in _codes(kr)


# --- 7. tags ---------------------------------------------------------------------------------------------------------


def _tags(text: str) -> tuple[str, ...]:
    """The tags of a key result titled ``text`` (or of an objective, when ``text`` starts with 'O:')."""
    import tempfile
    from pathlib import Path

    from okrlint.testing import engine_for

    objective = text[2:].strip() if text.startswith("O:") else "Customers get what they need"
    kr = "Raise NPS from 31 to 45" if text.startswith("O:") else text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.okr.yaml"
        path.write_text(_set(kr, objective=objective), encoding="utf-8")
        result = engine_for().run([str(path)])
    okr_set = result.org.sets[0]
    obj = okr_set.objectives[0] if text.startswith("O:") else okr_set.objectives[0].key_results[0]
    return result.tags_of(obj, okr_set)


@pytest.mark.parametrize("text", [
    "เพิ่มอัตราการแก้ไขปัญหาได้ในการติดต่อครั้งแรก (FCR) จาก 54% เป็น 75%", "ลดเวลารอสายเฉลี่ยของ Call Center 1662",
    "Raise first-contact resolution from 54% to 75%", "O: แขกที่มาพักรู้สึกเหมือนได้มาบ้านญาติ",
    "O: Mid-market finance teams pick Tallyfold over spreadsheets and legacy suites",
    "O: Mid-market finance leaders see us as the obvious replacement for spreadsheets",
    "Reduce cost per acquired customer from $42 to $30", "Raise plan upgrades from 3% to 6% of free users",
    "Grow revenue per customer from $180 to $240", "Recruit 200 new members", "รับสมัครสมาชิกใหม่ 500 ราย",
])
def test_customer_facing_texts_are_tagged_customer(text):
    assert "customer" in _tags(text)


@pytest.mark.parametrize("text", [
    "ยกระดับผลประเมินตามระบบ SE-AM (State Enterprise Assessment Model) จากระดับ 3.2 เป็น 3.8",
    "O: ลดน้ำสูญเสียในเขตบริการสาขาชลบุรีให้เหลือร้อยละ 20 ภายในปี 2572",
    "Cut ramp time for new account executives from 5.5 months to 4 months",
    "Raise employee referral share of hires from 18% to 30%", "Lower AWS cost per active customer from $41 to $34 per month",
    "ลดค่าใช้จ่ายดำเนินงานต่อบัญชีลูกค้าจาก 85 บาท เหลือ 68 บาท", "Hire 4 support agents in EMEA",
    "O: Upgrade all Kubernetes clusters to version 1.31", "Complete the upgrade of all 14 clusters by 15 Feb 2027",
    "Deliver the customer 360 data platform", "Recruit 3 customer success managers", "จ้างเจ้าหน้าที่บริการลูกค้า 5 อัตรา",
])
def test_inward_texts_are_tagged_internal(text):
    tags = _tags(text)
    assert "internal" in tags and not {"growth", "selection", "acquisition", "retention"} & set(tags), tags


def test_a_segment_that_only_scopes_a_churn_measure_leaves_it_retention():
    assert "retention" in _tags("Reduce logo churn in the sub-$20k segment from 9% to 6%")
    assert "selection" in _tags("Share of pipeline from ICP accounts: 45% → 70%")


def test_numbers_that_only_complete_a_done_thing_are_not_measurable():
    assert "measurable" not in _tags("ระบบ ERP ใหม่ใช้งานได้แล้วเสร็จ 100%")
    assert "measurable" in _tags("เพิ่มสัดส่วนหน่วยงานที่ใช้ระบบใหม่จาก 20% เป็น 80%")


# --- 8. customer focus -----------------------------------------------------------------------------------------------


def _no_focus(objective: str, kr: str, team: str = "data") -> bool:
    return bool(lint_yaml(_set(kr, team=team, objective=objective), select=["no-customer-focus"]))


@pytest.mark.parametrize("objective, kr", [
    ("Mid-market finance teams pick Tallyfold over spreadsheets and legacy suites",
     "Raise our competitive win rate against legacy suites from 22% to 30%"),
    ("แขกที่มาพักรู้สึกเหมือนได้มาบ้านญาติ", "ลดการยกเลิกการจองจาก 12 ครั้ง เหลือ 4 ครั้งต่อเดือน"),
    ("Business teams make their weekly decisions from numbers they trust", "Cut data incidents from 14 to 4 per month"),
    ("ผู้บริหารได้ตัวเลขทันเวลา", "ลดเวลาปิดงบรายเดือนจาก 9 วันเหลือ 5 วัน"),
    ("ผู้บริหารตัดสินใจจากข้อมูลที่เชื่อถือได้", "ลดเวลาปิดงบรายเดือนจาก 9 วันเหลือ 5 วัน"),
    ("Leaders get numbers in time", "Cut month-end close from 9 days to 5 days"),
])
def test_a_customer_named_by_job_or_as_guests_or_an_internal_customer_is_focus(objective, kr):
    assert not _no_focus(objective, kr)


@pytest.mark.parametrize("objective, kr", [
    ("ปิดบัญชีรายเดือนให้เร็วและแม่นยำขึ้น", "ลดค่าใช้จ่ายดำเนินงานต่อบัญชีลูกค้าจาก 85 บาท เหลือ 68 บาท"),
    ("Upgrade all Kubernetes clusters to version 1.31", "Cut node patch lag from 30 days to 7 days"),
    ("Our team makes decisions faster", "Cut approval time from 5 days to 2 days"),
])
def test_a_set_of_inward_measures_has_no_customer_focus(objective, kr):
    assert _no_focus(objective, kr, team="platform")
