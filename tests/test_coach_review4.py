"""Patterns a careful OKR coach reported that okrlint missed (fourth review): vague objectives whose vague part
is not at the start, outputs and effort counted as key results, and the same key result written twice in
different words. The examples are written for these tests (sectors, wording and numbers vary)."""

from __future__ import annotations

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.tags import classify_kind

from coach_support import ENGINE, facts, findings  # noqa: F401 - shared with the other review tests


# ---------------------------------------------------------------- kr-is-activity: outputs and effort


@pytest.mark.parametrize("text", [
    # hours of training or development put in, per person
    "ข้าราชการทุกคนได้รับการพัฒนาสมรรถนะไม่น้อยกว่า 18 ชั่วโมงต่อปี",
    "เจ้าหน้าที่เข้ารับการฝึกอบรมด้านความปลอดภัยอย่างน้อย 6 ชั่วโมง/คน",
    "เพิ่มชั่วโมงการเรียนรู้ของพนักงานขายจาก 8 เป็น 15 ชั่วโมงต่อคนต่อปี",
    "Each warehouse lead gets 16 hours of leadership coaching this half",
    "Raise learning hours per analyst from 20 to 35",
    "Every paramedic logs at least 30 hours of continuing education courses",
    # more outputs made by the team, from a baseline
    "เพิ่มการลงคลิปบนช่อง YouTube จาก 1 เป็น 3 คลิปต่อสัปดาห์",
    "Grow our newsletter cadence from 1 to 2 newsletters a month",
    "Increase the number of pricing experiments from 3 to 9 per quarter",
    "Raise outbound calls per rep from 30 to 55 a day",
    "เพิ่มจำนวนบทความสุขภาพบนเว็บไซต์จาก 6 เป็น 12 บทความต่อเดือน",
    # outputs counted without a baseline
    "Publish 5 recipe videos every week",
    "Run 20 multivariate tests on the onboarding emails",
    # agreements signed with partners
    "Sign 7 new regional wholesaler agreements",
    "Sign co-marketing partnerships with 3 airlines",
    "Sign 4 new resellers in Malaysia",
    "ลงนามความร่วมมือกับโรงพยาบาลเอกชน 6 แห่ง",
    # tagging or labelling items as a task
    "Label 100% of product photos with a colour attribute",
    "Tag every open incident with a service owner",
    "ติดแท็กหมวดสินค้าให้ครบ 100% ของรายการในคลัง",
])
def test_outputs_effort_and_signed_agreements_are_activities(text):
    kind = classify_kind(facts(text))
    assert kind.activity, kind.reason


@pytest.mark.parametrize("text", [
    # results people achieve, customers' actions, and outputs someone used
    "Grow newsletter readers from 6k to 14k",
    "Increase recipe video views from 40k to 120k a month",
    "Raise the share of new hires who pass the safety assessment from 70% to 92%",
    "Cut average onboarding training time from 24 hours to 10 hours",
    "ลดชั่วโมงอบรมที่พนักงานใหม่ต้องใช้จาก 40 เหลือ 24 ชั่วโมง",
    "Sign 40 new enterprise customers, up from 26",
    "Increase paid sign-ups from 1,200 to 1,900 a month",
    "Grow completed purchases in the app from 8,000 to 11,000 a week",
    "Raise tickets resolved within SLA from 74% to 90%",
    "เพิ่มจำนวนนักเรียนที่สอบผ่านวิชาวิทยาศาสตร์จาก 140 เป็น 190 คน",
    "Increase the number of customers who share a post from 90 to 300",
    "Grow reseller-sourced revenue from $250k to $600k",
    "Increase near-miss reports from crews from 15 to 45 a month",
    "เพิ่มจำนวนเรื่องที่ปิดได้ภายในวันเดียวจาก 35 เป็น 60 เรื่อง",
    "Label accuracy of the fraud model from 88% to 95%",
])
def test_results_counted_by_people_stay_outcomes(text):
    kind = classify_kind(facts(text))
    assert not kind.activity, kind.reason


def test_more_outputs_made_is_reported_without_a_missing_baseline(tmp_path):
    body = """team: content
objectives:
  - title: Home cooks find us when they plan a meal
    key_results:
      - Publish 4 recipe articles a week, up from 2
      - Grow recipe page visits from 30k to 70k a month
      - Tag 100% of recipes with cooking time
"""
    assert [line for line, _ in findings(tmp_path, body, "kr-is-activity")] == [5, 7]
    assert findings(tmp_path, body, "kr-missing-baseline") == []


# ---------------------------------------------------------------- duplicate-key-result: reworded copies


def test_the_same_measure_and_target_written_twice_is_a_duplicate(tmp_path):
    body = """team: finance
objectives:
  - title: Every baht of infrastructure earns its keep
    key_results:
      - Bring quarterly CDN costs down from $90k to $65k
      - Reduce quarterly CDN costs to $65k
      - Lower churn to 2.5%
      - Reduce monthly churn from 3.4% to 2.5%
      - Raise the share of workloads on reserved capacity from 35% to 70%
  - title: ธนาคารเป็นที่พึ่งของวิสาหกิจท้องถิ่น
    key_results:
      - ยอดสินเชื่อเกษตรกรคงค้างเพิ่มขึ้นจาก 2,300 เป็น 3,100 ล้านบาท
      - สินเชื่อเกษตรกรรายย่อยคงค้างเพิ่มขึ้นเป็น 3,100 ล้านบาท
      - ลดสัดส่วนหนี้ที่ไม่ก่อให้เกิดรายได้เหลือร้อยละ 3.2
"""
    found = findings(tmp_path, body, "duplicate-key-result")
    assert [line for line, _ in found] == [6, 8, 13]
    assert "Bring quarterly CDN costs down" in found[0][1]


def test_the_same_target_on_different_measures_or_segments_is_not_a_duplicate(tmp_path):
    body = """team: growth
objectives:
  - title: Customers in every segment recommend us
    key_results:
      - Raise NPS among clinics to 50
      - Raise NPS among pharmacies to 50
      - Raise NPS to 50 from 38
      - Grow trial-to-paid conversion from 9% to 14%
      - Grow onboarding completion from 55% to 14%
      - Increase revenue from new resellers to $1.5M
      - Increase revenue from existing resellers to $1.5M
  - title: ผู้ป่วยได้รับบริการที่วางใจได้
    key_results:
      - ลดเวลารอพบแพทย์แผนกผู้ป่วยนอกจาก 75 นาทีเหลือ 40 นาที
      - ลดเวลารอรับยาให้เหลือ 40 นาที
      - เพิ่มความพึงพอใจของผู้ป่วยในเป็นร้อยละ 90
      - เพิ่มความพึงพอใจต่อบริการอาหารของโรงพยาบาลเป็นร้อยละ 90
"""
    assert findings(tmp_path, body, "duplicate-key-result") == []


# ---------------------------------------------------------------- vague-language: vague objectives that do not lead with it


MEASURED = "    key_results:\n      - Raise repeat visits from 18% to 27%\n      - Cut average wait from 25 minutes to 10 minutes\n"


@pytest.mark.parametrize("title", [
    "Open two new branches in Chiang Mai and improve our online presence",
    "Win more school contracts, streamline onboarding",
    "Enhance our processes and delight every new tenant",
    "ยกระดับคุณภาพการให้บริการของคลินิกให้สูงขึ้น",
    "พัฒนาสมรรถนะครูผู้สอนให้สูงยิ่งขึ้น",
    "เพิ่มรายได้จากการท่องเที่ยวชุมชนให้มากขึ้น",
    "ปรับปรุงความปลอดภัยของระบบเครือข่ายโรงพยาบาล",
    "Make our field-service team world-class",
    "Patients first",
    "Our customers always come first",
    "คุณภาพต้องมาก่อน",
    "ผู้เรียนคือหัวใจของเรา",
])
def test_vague_objectives_are_reported_even_when_key_results_measure_them(tmp_path, title):
    body = f"team: x\nobjectives:\n  - title: {title}\n{MEASURED}"
    assert [line for line, _ in findings(tmp_path, body, "vague-language")] == [3]


@pytest.mark.parametrize("title", [
    "Delight first-time buyers",
    "Tenants get repairs done the first time",
    "Be the first clinic parents think of",
    "Make renewing a licence quick and painless",
    "Settle insurance claims faster and fairer",
    "Win the mid-market and keep our enterprise customers happy",
    "ทำให้สมาชิกกลับมาใช้บริการกับเรามากขึ้น",
    "ผู้ป่วยได้รับยาเร็วกว่าที่เคยเป็นมาก่อน",
    "นักท่องเที่ยวอยากกลับมาเที่ยวชุมชนของเราอีก",
])
def test_aspirations_for_someone_are_not_vague(tmp_path, title):
    body = f"team: x\nobjectives:\n  - title: {title}\n{MEASURED}"
    assert findings(tmp_path, body, "vague-language") == []


def test_each_new_vague_form_says_what_is_vague(tmp_path):
    body = f"""team: x
objectives:
  - title: Grow repeat bookings and optimise our listings
{MEASURED}  - title: ยกระดับผลการเรียนวิชาภาษาอังกฤษให้สูงขึ้น
{MEASURED}  - title: Service first
{MEASURED}"""
    messages = [message for _, message in findings(tmp_path, body, "vague-language")]
    assert len(messages) == 3
    assert "'optimise our listings'" in messages[0]
    assert "'ให้สูงขึ้น'" in messages[1]
    assert "slogan" in messages[2]


@pytest.mark.parametrize("text", [
    "Increase discovery meetings booked by SDRs from 35 to 60 a month",
    "Grow inbound sales calls from 250 to 420 a week",
    "เพิ่มยอดจองเวิร์กช็อปทำขนมจาก 10 เป็น 25 ครั้งต่อเดือน",
    "Increase paid pilots from 2 to 7",
    "Raise webinars converted to demos from 3 to 9 a quarter",
])
def test_outputs_someone_else_books_asks_for_or_pays_for_are_results(text):
    kind = classify_kind(facts(text))
    assert not kind.activity, kind.reason


# ---------------------------------------------------------------- kr-small-step: targets that do not stretch


@pytest.mark.parametrize("text", [
    "Raise the share of invoices paid on time from 71% to 72%",
    "เพิ่มสัดส่วนผู้ป่วยเบาหวานที่คุมระดับน้ำตาลได้จากร้อยละ 38 เป็นร้อยละ 38.5",
    "Grow monthly active riders from 52,000 to 53,500",
    "Lift average basket size from ฿640 to ฿655",
    "ลดเวลาตอบกลับลูกค้าจาก 42 นาที เหลือ 41 นาที",
    "Raise class NPS from 44 to 45",
    "ผู้ป่วยพึงพอใจไม่น้อยกว่าร้อยละ 85 (ปีที่แล้ว ร้อยละ 84.6)",
])
def test_a_target_barely_beyond_its_baseline_is_a_small_step(tmp_path, text):
    body = f"team: x\nobjectives:\n  - title: Riders trust us\n    key_results:\n      - \"{text}\"\n"
    assert [line for line, _ in findings(tmp_path, body, "kr-small-step")] == [5]


@pytest.mark.parametrize("text", [
    "Raise the share of invoices paid on time from 71% to 80%",
    "Raise API availability from 99.9% to 99.95%",
    "Cut payment failures from 1.2% to 0.6%",
    "ลดอัตราการติดเชื้อในโรงพยาบาลจากร้อยละ 0.8 เหลือร้อยละ 0.5",
    "Keep on-time departures at or above 92% (last year 91.5%)",
    "รักษาระดับความพึงพอใจไว้ไม่ต่ำกว่า 4.5 (ปีที่แล้ว 4.48)",
    "Grow monthly active riders from 52,000 to 61,000",
    "Hold 12 rider safety clinics, up from 11",
    "Raise trial conversion to 12%",
])
def test_stretching_targets_kept_levels_and_tasks_are_not_small_steps(tmp_path, text):
    body = f"team: x\nobjectives:\n  - title: Riders trust us\n    key_results:\n      - \"{text}\"\n"
    assert findings(tmp_path, body, "kr-small-step") == []


def test_near_identical_titles_about_two_segments_are_not_copies(tmp_path):
    body = """team: sales
objectives:
  - title: Both our markets grow
    key_results:
      - เพิ่มรายได้จากลูกค้าองค์กรเป็น 45 ล้านบาท
      - เพิ่มรายได้จากลูกค้ารายย่อยเป็น 45 ล้านบาท
      - Raise repeat-order rate for cafés from 30% to 40%
      - Raise repeat-order rate for bakeries from 30% to 40%
      - Raise repeat-order rate for cafes from 30% to 40%
      - Cut delivery time to 2 days
      - Cut delivery time to 2 days.
"""
    assert [line for line, _ in findings(tmp_path, body, "duplicate-key-result")] == [9, 11]


@pytest.mark.parametrize("text", [
    "Increase posts focused on recipes from 2 to 5 a week",
    "Grow the number of ready-to-share videos from 4 to 10 a month",
])
def test_words_inside_longer_words_do_not_make_outputs_results(text):
    assert classify_kind(facts(text)).activity


@pytest.mark.parametrize(("text", "activity"), [
    ("ดำเนินการพัฒนาบุคลากรตามแผนที่กำหนด", True),  # segmented ดำเนิน|การพัฒนา: the lead is still the task
    ("ดำเนินการฝึกอบรมเจ้าหน้าที่ใหม่", True),
    ("Close out the remaining audit findings", True),
    ("Close the open audit actions from last year", True),
    ("Close 40 new enterprise deals", False),  # closing deals is a result
    ("Close the gender pay gap from 9% to 4%", False),
])
def test_a_task_named_in_more_words_than_an_outcome_verb_leads(text, activity):
    assert classify_kind(facts(text)).activity is activity


@pytest.mark.parametrize(("team", "people"), [
    ("People & Culture", True), ("Talent Acquisition", True), ("กลุ่มงานบริหารทรัพยากรบุคคล", True),
    ("กองการเจ้าหน้าที่", True), ("Growth", False), ("กองคลัง", False),
])
def test_people_teams_are_known_by_the_vocabulary(team, people):
    assert facts(team).has("people_team") is people


# --- from the fifth review ----------------------------------------------------------------------------

def test_a_share_written_with_percent_in_the_fields_is_a_share_for_kr_small_step(tmp_path):
    body = ("team: a\nobjectives:\n  - title: Businesses choose us\n    key_results:\n"
            "      - title: Quote-to-bind conversion\n        baseline: 18%\n        target: 19%\n"
            "      - title: Portal uptime\n        baseline: 99.5%\n        target: 99.9%\n")
    assert [line for line, _ in findings(tmp_path, body, "kr-small-step")] == [5]  # 18% -> 19%, not 99.5% -> 99.9%


@pytest.mark.parametrize(("text", "activity"), [
    ("ผลิตภัณฑ์ชุมชนได้รับมาตรฐาน มผช. เพิ่มจาก 12 เป็น 30 รายการ", False),  # ผลิตภัณฑ์ is a noun, not ผลิต
    ("พัฒนาแอปพลิเคชันจองคิวบนมือถือ", True),
    ("เจ้าหน้าที่ผ่านการอบรมการใช้ระบบใหม่ ร้อยละ 100", True),
    ("จำนวนผู้ดูแลผู้ป่วย (Caregiver) ที่ผ่านการอบรม จาก 20 คน เป็น 35 คน", True),
    ("เจ้าหน้าที่ผ่านการอบรมและผ่านการทดสอบความรู้ ร้อยละ 90", False),  # passing a test is a result
])
def test_thai_products_apps_and_trained_staff(text, activity):
    assert classify_kind(facts(text)).activity is activity


def test_a_several_word_better_lower_measure_going_up_is_a_direction_mismatch(tmp_path):
    body = ("team: a\nobjectives:\n  - title: Honest customers are paid fast\n    key_results:\n"
            "      - False positive rate of fraud flags from 12% to 20%\n")
    assert [line for line, _ in findings(tmp_path, body, "kr-direction-mismatch")] == [5]


def test_a_wish_for_better_is_a_vague_objective_even_with_measured_key_results(tmp_path):
    body = ("team: a\nobjectives:\n  - title: Make the library better\n    key_results:\n"
            "      - Raise visitor satisfaction from 4.2 to 4.6 out of 5\n      - Grow loans from 1,200 to 1,800 a month\n")
    assert [line for line, _ in findings(tmp_path, body, "vague-language")] == [3]


def test_the_copy_of_a_parent_key_result_is_reported_on_the_child_whatever_the_file_order(tmp_path):
    from okrlint.config import Config
    from okrlint.engine import Engine

    kr = "      - ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ จาก 31 เป็น 45\n"
    (tmp_path / "a-child.okr.yaml").write_text(
        "team: child\nlevel: department\nobjectives:\n  - id: c1\n    title: ผู้ป่วยควบคุมโรคได้ดีขึ้น\n"
        f"    aligns_to: [parent/p1]\n    key_results:\n{kr}", encoding="utf-8")
    (tmp_path / "z-parent.okr.yaml").write_text(
        "team: parent\nlevel: company\nobjectives:\n  - id: p1\n    title: ชาวบ้านได้รับบริการใกล้บ้าน\n"
        f"    key_results:\n{kr}", encoding="utf-8")
    (finding,) = Engine(Config(select=["shared-key-result"])).run([str(tmp_path)]).findings
    assert finding.team == "child" and "team parent" in finding.message
