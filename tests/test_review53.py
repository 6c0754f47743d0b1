"""Review 53 (a Thai coach's plans): a change by a share from a baseline in Thai, counted agreements signed, a
success rate, task objectives that start with จัด…/ดำเนิน…/Run…/Hold…, and the wording of two Thai messages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.text.numbers import read_change


def _codes(tmp_path, objective: str, krs: list[str], select: str, lang: str = "en") -> list[tuple[str, str]]:
    text = f"team: t\nperiod: 2027-Q1\nobjectives:\n  - title: \"{objective}\"\n"
    if krs:
        text += "    key_results:\n" + "".join(f"      - \"{kr}\"\n" for kr in krs)
    path = tmp_path / "t.okr.yaml"
    path.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", select,
                                    "--lang", lang])
    return [(f["code"], f["message"]) for f in json.loads(run.stdout)["findings"]]


# 1. A change by a share from a baseline ------------------------------------------------------------------------

@pytest.mark.parametrize("text, baseline, target", [
    ("จำนวนนักท่องเที่ยวชาวต่างชาติเพิ่มขึ้นร้อยละ ๒๐ จาก ๑.๒ ล้านคน", 1_200_000, 1_440_000),
    ("เพิ่มจำนวนผู้ใช้บริการออนไลน์ขึ้นร้อยละ 25 จาก 40,000 ราย", 40_000, 50_000),
    ("รายได้จากค่าธรรมเนียมเพิ่มขึ้น 10% จาก 50 ล้านบาท", 50_000_000, 55_000_000),
    ("Grow foreign visitors by 20% from 1.2 million", 1_200_000, 1_440_000),
])
def test_a_change_by_a_share_from_a_baseline(text, baseline, target):
    change = read_change(text)
    assert change.baseline == pytest.approx(baseline)
    assert change.target == pytest.approx(target)
    assert change.direction == "up"


def test_a_count_out_of_a_count_is_still_read_as_out_of():
    assert read_change("เพิ่มขึ้น 8 แห่ง จาก 12 แห่ง").baseline is None  # 8 of 12, not 12 -> 8
    assert read_change("ผู้ผ่านการประเมินร้อยละ 80 จาก 500 คน").baseline is None  # no change verb: 80% of 500


def test_a_thai_change_by_a_share_has_a_baseline(tmp_path):
    found = _codes(tmp_path, "นักท่องเที่ยวต่างชาติเลือกมาเที่ยวจังหวัดเรามากขึ้น",
                   ["จำนวนนักท่องเที่ยวชาวต่างชาติเพิ่มขึ้นร้อยละ 20 จาก 1.2 ล้านคน",
                    "ค่าใช้จ่ายเฉลี่ยต่อคนของนักท่องเที่ยวเพิ่มขึ้นร้อยละ 15 จาก 8,000 บาท"], "MEA002")
    assert found == []


# 2. Counting agreements signed ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kr, lang", [
    ("จำนวน MOU ที่ลงนามกับภาคเอกชน 5 ฉบับ", "th"),
    ("จำนวนบันทึกข้อตกลงความร่วมมือกับมหาวิทยาลัยที่ได้ลงนาม 4 ฉบับ", "th"),
    ("ลงนาม MOU กับภาคเอกชน 5 ฉบับ", "th"),
    ("Number of MOUs signed with private firms: 5", "en"),
    ("6 partnership agreements signed with hospitals", "en"),
    ("Sign 5 MOUs with private firms", "en"),
])
def test_agreements_signed_are_an_output_in_either_word_order(tmp_path, kr, lang):
    found = _codes(tmp_path, "Small firms sell abroad", [kr], "MEA005", lang)
    assert [code for code, _ in found] == ["MEA005"]


@pytest.mark.parametrize("kr", [
    "รายได้จากพันธมิตรที่ลงนาม MOU เพิ่มจาก 2 ล้านบาทเป็น 5 ล้านบาท",
    "Revenue from partners with signed MOUs up from $2M to $5M",
    "New customer contracts signed: from 20 to 40",
])
def test_what_signed_partners_bring_is_not_counted_paper(tmp_path, kr):
    assert _codes(tmp_path, "Small firms sell abroad", [kr], "MEA005") == []


# 3. A success rate is not done/not-done ------------------------------------------------------------------------

@pytest.mark.parametrize("kr", [
    "ร้อยละความสำเร็จของการแก้ไขเรื่องร้องเรียน ร้อยละ 90",
    "ร้อยละความสำเร็จของการดำเนินงานตามแผน ร้อยละ ๑๐๐",
    "อัตราความสำเร็จของการรักษาผู้ป่วย ร้อยละ 95",
    "Success rate of complaint resolution 90%",
])
def test_a_success_rate_is_not_binary(tmp_path, kr):
    assert _codes(tmp_path, "ประชาชนได้รับบริการที่ดีขึ้น", [kr], "MEA006") == []


def test_plan_progress_and_success_ladders_stay_activities(tmp_path):
    found = _codes(tmp_path, "ประชาชนได้รับบริการที่ดีขึ้น",
                   ["ร้อยละความสำเร็จของการดำเนินงานตามแผน ร้อยละ 100",
                    "ระดับความสำเร็จของการดำเนินงานตามแผน ระดับ 5"], "MEA005")
    assert [code for code, _ in found] == ["MEA005", "MEA005"]


@pytest.mark.parametrize("kr", ["โครงการระบบ ERP ประสบความสำเร็จ", "ติดตั้งระบบ ERP ให้แล้วเสร็จ 100%",
                                "Launch the self-service portal"])
def test_done_or_not_done_is_still_binary(tmp_path, kr):
    assert [code for code, _ in _codes(tmp_path, "ประชาชนได้รับบริการที่ดีขึ้น", [kr], "MEA006")] == ["MEA006"]


# 4. Task objectives -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("objective", [
    "จัดอบรมการตลาดออนไลน์ให้ผู้ประกอบการ",
    "ดำเนินโครงการพัฒนาบุคลากร",
    "จัดสัมมนาให้แก่ผู้ประกอบการรายย่อย",
    "Run online marketing training for entrepreneurs",
    "Hold quarterly workshops for small business owners",
    "Run a pilot of the new intake process",
])
def test_an_objective_that_runs_or_holds_work_is_a_task(tmp_path, objective):
    assert [code for code, _ in _codes(tmp_path, objective, [], "CLA008")] == ["CLA008"]


@pytest.mark.parametrize("objective", [
    "จัดอบรมให้ผู้ประกอบการสามารถขายสินค้าออนไลน์ได้",
    "จัดบริการให้ผู้สูงอายุเข้าถึงการรักษาได้ภายใน 1 วัน",
    "Hold workshops for small business owners so they can sell online",
    "Run the most trusted pharmacy in town",
    "Build a loyal community of small-shop owners",
    "ประชาชนเข้าถึงบริการของกรมได้ทุกที่ทุกเวลา",
    "สร้างความมั่นใจให้ผู้ถือกรมธรรม์",
])
def test_saying_what_changes_for_someone_is_not_a_task(tmp_path, objective):
    assert _codes(tmp_path, objective, [], "CLA008") == []


# 5. Thai wording ---------------------------------------------------------------------------------------------------

def test_thai_activity_message_uses_planning_terms(tmp_path):
    (message,) = [m for _, m in _codes(tmp_path, "ผู้ประกอบการขายสินค้าออนไลน์ได้มากขึ้น",
                                       ["จัดอบรมผู้ประกอบการ 5 รุ่น"], "MEA005", "th")]
    assert message.startswith("ผลลัพธ์หลักข้อนี้เป็นกิจกรรมหรือผลผลิต ยังไม่ใช่ผลลัพธ์ (")
    assert "อ่านแล้ว" not in message


def test_thai_similarity_is_not_out_of_one(tmp_path):
    found = _codes(tmp_path, "ผู้ประกอบการขายสินค้าออนไลน์ได้มากขึ้น",
                   ["เพิ่มยอดขายออนไลน์ของผู้ประกอบการจาก 10 ล้านบาทเป็น 15 ล้านบาท",
                    "เพิ่มยอดขายออนไลน์ของผู้ประกอบการรายย่อยจาก 10 ล้านบาทเป็น 15 ล้านบาท"], "CLA006", "th")
    assert found and all("จากเต็ม" not in m for _, m in found)
