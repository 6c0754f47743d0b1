"""Reviews 37-38 (a Thai fintech and an insurer writing Thai with English product words; an English health-software
company): the vocabularies behind undefined-acronym, kr-is-activity, vanity-metric, objective-is-task,
vague-language and objective-has-metric, read on code-switched Thai and on regulated fields' words."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_yaml


def _set(title: str, *krs: str) -> str:
    body = f"  - title: \"{title}\"\n"
    if krs:
        body += "    key_results:\n" + "".join(f"      - \"{kr}\"\n" for kr in krs)
    return f"team: a\nperiod: 2027-Q1\nobjectives:\n{body}"


def _names(title: str, *krs: str) -> list[str]:
    return [f.name for f in lint_yaml(_set(title, *krs))]


def _messages(rule: str, title: str, *krs: str) -> list[str]:
    return [f.message for f in lint_yaml(_set(title, *krs), select=[rule])]


# ------------------------------------------------------------------ undefined-acronym: field basics and standards

@pytest.mark.parametrize("kr", [
    "ลูกค้าบุคคลผ่านการยืนยันตัวตน KYC ภายใน 1 วันทำการ ร้อยละ 90",
    "Raise AML alert review coverage from 70% to 98%",
    "Cut the time from ED arrival to a ward bed from 6h to 3h",
    "ลดเวลาที่ RN ใช้บันทึกใน EHR จาก 40 เป็น 25 นาทีต่อเวร",
    "Bring EMR downtime from 7 hours to 2 hours a quarter",
    "ส่งข้อมูลนัดหมายผ่าน FHIR ให้โรงพยาบาลคู่สัญญา 15 แห่ง",
])
def test_the_basics_of_a_regulated_field_need_no_gloss(kr):
    assert _messages("undefined-acronym", "Patients and customers are served without waiting", kr) == []


@pytest.mark.parametrize("kr", [
    "Move lab results to QRX v3 for 20 clinics",
    "Exchange referrals over the ABX R5 interface with 8 partners",
    "ย้ายการรับส่งข้อมูลไป ZDL version 2 ให้ครบ 30 สาขา",
])
def test_letters_written_with_a_version_name_a_standard_or_product(kr):
    assert _messages("undefined-acronym", "Clinics share records safely", kr) == []


def test_one_versioned_mention_names_it_for_the_whole_set():
    assert _messages("undefined-acronym", "Clinics share records safely",
                     "Connect 12 clinics over QRX v3", "Cut QRX message failures from 4% to 1%") == []


def test_a_known_hyphenated_name_written_with_a_space_is_one_name():
    assert _messages("undefined-acronym", "การชำระเงินด้วยบัตรปลอดภัย", "ปิดข้อบกพร่องตาม PCI DSS ให้เหลือ 0 ข้อ ภายในมีนาคม") == []


@pytest.mark.parametrize("kr, acronym", [
    ("Cut TTFV from 9 days to 3 days", "TTFV"),
    ("Grow CRM MQL volume from 300 to 500", "MQL"),  # a known word beside it does not make it known
    ("Raise QRX 2 adoption from 10% to 40%", "QRX"),  # a bare number is no version
])
def test_team_jargon_is_still_reported(kr, acronym):
    messages = _messages("undefined-acronym", "New teams get value fast", kr)
    assert any(f"'{acronym}'" in m for m in messages), messages


# ------------------------------------------------------------------ kr-is-activity: Thai words of signing and of detecting

@pytest.mark.parametrize("kr", [
    "เซ็น MOU กับโรงเรียนกวดวิชา 12 แห่ง",
    "เซ็นบันทึกข้อตกลงกับสหกรณ์ 8 แห่ง",
    "เซ็นสัญญากับคู่ค้าขนส่งรายใหม่ 5 ราย",
])
def test_signing_paper_with_partners_is_an_activity_in_everyday_thai(kr):
    assert "kr-is-activity" in _names("ขยายช่องทางรับชำระเงิน", kr)


@pytest.mark.parametrize("kr", [
    "เซ็นสัญญาลูกค้าองค์กรรายใหม่จาก 12 เป็น 30 ราย",  # signing customers is winning them
    "ตรวจพบธุรกรรมฟอกเงินเพิ่มจาก 15 เป็น 45 รายการ",  # detected: the result of checking
    "ตรวจเจอข้อบกพร่องก่อนถึงมือลูกค้าเพิ่มจาก 20 เป็น 60 จุด",
    "ตรวจจับธุรกรรมผิดปกติได้ร้อยละ 97",
])
def test_detecting_and_signing_customers_are_results(kr):
    assert "kr-is-activity" not in _names("ลูกค้าไว้วางใจบริการของเรา", kr)


def test_a_plain_inspection_is_still_an_activity():
    assert "kr-is-activity" in _names("คลังสินค้าปลอดภัย", "ตรวจคลังสินค้า 30 แห่ง")


# ------------------------------------------------------------------ vanity-metric: English words inside Thai

@pytest.mark.parametrize("kr", [
    "เพิ่มยอด follower Instagram ของร้านจาก 1,500 เป็น 9,000",
    "เพิ่ม follower ของช่อง LINE OA จาก 700 เป็น 6,000",
    "เพิ่มยอด view คลิปสอนใช้งานจาก 2,000 เป็น 25,000",
    "เพิ่มยอดฟอลโลเวอร์ TikTok ของแบรนด์จาก 300 เป็น 4,000",
    "Grow the LinkedIn follower base from 1,200 to 4,000",
])
def test_attention_counts_written_with_loanwords_are_vanity(kr):
    assert "vanity-metric" in _names("แบรนด์เป็นที่รู้จักในกลุ่มคนทำงาน", kr)


@pytest.mark.parametrize("kr", [
    "เพิ่มยอดสั่งซื้อจาก follower ที่กดลิงก์จาก 40 เป็น 200 รายการ",
    "Raise bookings made by Instagram followers from 30 to 150",
])
def test_what_followers_do_is_not_vanity(kr):
    assert "vanity-metric" not in _names("แบรนด์เป็นที่รู้จักในกลุ่มคนทำงาน", kr)


# ------------------------------------------------------------------ objective-is-task: code-switched titles

@pytest.mark.parametrize("title", [
    "Roll out QR payment ให้ร้านค้ารับเงินได้ทันที",  # an English release verb leading a Thai title, for someone
    "Deploy ระบบแจ้งเตือนเบี้ยค้างชำระภายในไตรมาสสอง",  # a deadline is no standard of service
    "Launch the pay-later option for students before June",
    "ทำ co-branding กับคาเฟ่ 20 ร้าน",  # done with partners, not for them
    "ทำโปรโมชันร่วมกับร้านค้าพันธมิตร",
    "Build partnerships with 40 clinics",  # counted partnerships are deals to sign
])
def test_a_project_with_a_purpose_or_a_partner_is_still_a_task(title):
    assert "objective-is-task" in _names(title, "Raise NPS from 30 to 45")


@pytest.mark.parametrize("title", [
    "Build a loyal community of small-business owners",
    "Build partnerships that last",  # an aspiration: nothing counted
    "Deliver claims decisions within two days",  # a standard of service
    "Ship parts our fleet customers never have to send back",  # what the customers get
    "สร้างความมั่นใจให้ผู้ถือกรมธรรม์",
])
def test_an_aspiration_for_someone_or_a_standard_is_not_a_task(title):
    assert "objective-is-task" not in _names(title, "Raise NPS from 30 to 45")


# ------------------------------------------------------------------ vague-language: the team doing its work "better"

_MEASURED = "เพิ่มคะแนนความพึงพอใจของหน่วยงานที่ใช้บริการจาก 3.1 เป็น 4.1"


@pytest.mark.parametrize("title, word", [
    ("ฝ่ายจัดซื้อประสานงานกับฝ่ายผลิตได้ดีขึ้น", "ดีขึ้น"),  # the team itself, working "better"
    ("เราบริการลูกค้าองค์กรได้ดีขึ้น", "ดีขึ้น"),
    ("ทีมเคลมปิดงานได้มากขึ้น", "ได้มากขึ้น"),  # more of its own work
])
def test_the_team_doing_its_own_work_better_is_vague(title, word):
    messages = _messages("vague-language", title, _MEASURED)
    assert messages and f"'{word}'" in messages[0], messages


@pytest.mark.parametrize("title", [
    "ผู้สูงอายุในชุมชนเดินได้ดีขึ้นหลังผ่าตัด",  # who it changes for, and what changes
    "ลูกค้าร้านค้าปลีกชำระเงินได้มากขึ้นโดยไม่ต้องโทรตาม",
    "พนักงานใหม่ขายได้ดีขึ้นตั้งแต่เดือนแรก",
])
def test_someone_served_doing_better_is_not_vague(title):
    assert _messages("vague-language", title, _MEASURED) == []


# ------------------------------------------------------------------ vague-language: any superlative rank

@pytest.mark.parametrize("title, rank", [
    ("Be the most talked-about bakery brand in Leeds", "most talked-about"),
    ("Become the fastest-growing pet insurer in the country", "fastest-growing"),
    ("Remain the most recommended accounting app in Thailand", "most recommended"),
    ("Be the largest independent retailer in the county", "largest"),
])
def test_a_superlative_rank_nobody_measures_is_vague(title, rank):
    messages = _messages("vague-language", title, "Raise NPS from 30 to 45")
    assert messages and f"'{rank}'" in messages[0], messages


@pytest.mark.parametrize("title", [
    "Be the most reliable way for clinics to order supplies",  # for someone: says who is served
    "Be the highest-rated clinic on Google Maps",  # a published measure
    "Be the honest voice customers trust",  # not a superlative
    "Keep the latest release stable for every customer",
])
def test_a_rank_that_says_for_whom_or_how_measured_is_not_flagged_as_a_rank(title):
    assert not any("asks to be" in m for m in _messages("vague-language", title, "Raise NPS from 30 to 45"))


# ------------------------------------------------------------------ objective-has-metric: numbers that name a form

@pytest.mark.parametrize("title", [
    "Replace the 270/271 eligibility parser before renewal season",
    "Automate 1095 filing for every employer client",
    "Submit Form 990 without outside help",
    "ยื่นแบบ 50 ทวิ ผ่านระบบออนไลน์ได้ทุกสาขา",
    "Build the 4010 message feed for partner banks",
])
def test_a_number_that_names_a_form_or_transaction_is_not_a_metric(title):
    assert _messages("objective-has-metric", title, "Raise NPS from 30 to 45") == []


@pytest.mark.parametrize("title", [
    "Process 700 claims a day without overtime",
    "Automate 1500 filings a month",
    "Handle 2,400 filing requests in peak season",
])
def test_a_count_of_documents_is_still_a_metric(title):
    assert _messages("objective-has-metric", title, "Raise NPS from 30 to 45")
