"""Review 43 re-score (s10): a coded reference ('CO4') resolves within the referring document's own company set, never
to another organisation's plan by position; a deck's set fields after its corporate objectives are the department's;
a source note ('ที่มา:', 'Source:') is no continuation of a key result."""

from __future__ import annotations

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.draft import load_draft_file

_DECK_TH = """\
OKR ฝ่ายบริการลูกค้า

CO1 ลูกค้าเลือกใช้บริการของเราเพราะรวดเร็ว
- เวลารอเฉลี่ยลดจาก ๑๘ นาที เหลือ ๑๐ นาที
CO2 องค์กรมีความมั่นคงทางการเงิน
- กำไรสุทธิเพิ่มจาก ๒๐ ล้านบาท เป็น ๕๐ ล้านบาท
ที่มา: แผนวิสาหกิจ ๒๕๖๖–๒๕๗๐

OKR ฝ่ายบริการลูกค้า: ภาพรวม
- ฝ่าย: ฝ่ายบริการลูกค้า
- ผู้รับผิดชอบ: นางสาวสมศรี ใจดี
- ระยะเวลา: ปีงบประมาณ ๒๕๗๐

วัตถุประสงค์ที่ ๑: ลูกค้าได้รับบริการตรงเวลา
- KR1 ลดเวลารอเฉลี่ยจาก ๑๘ นาที เหลือ ๑๒ นาที
สอดคล้องกับ: CO1    ผู้รับผิดชอบ: กองบริการ

วัตถุประสงค์ที่ ๒: ลูกค้าจ่ายเงินแบบไร้เงินสดได้ทุกสาขา
- KR1 เพิ่มสัดส่วนการชำระแบบไร้เงินสดจาก ๒๒% เป็น ๔๕%
สอดคล้องกับ: CO3    ผู้รับผิดชอบ: กองเทคโนโลยี
"""

_DECK_EN = """\
Customer Care OKRs

SO1 Customers pick us because we are fast
- Cut the average wait from 18 to 10 minutes
SO2 The company stands on its own feet
- Grow net profit from $20M to $50M
Source: Corporate plan 2026-2030

Customer Care: overview
- Team: Customer Care
- Owner: Dana Reyes
- Period: FY2027

Objective 1: Customers are served on time
- KR1 Cut the average wait at the branches from 18 to 12 minutes
Aligns to: SO1    Owner: Branch services

Objective 2: Customers can pay without cash at every branch
- KR1 Raise cashless payments from 22% to 45%
Aligns to: SO3    Owner: IT
"""

_OTHER_ORG_TH = """\
ทีม: เทศบาลเมืองตัวอย่าง
ระดับ: องค์กร
ช่วงเวลา: ปีงบประมาณ ๒๕๗๐

วัตถุประสงค์ที่ ๑: ประชาชนได้รับบริการรวดเร็ว
- ลดเวลารอรับบริการจาก ๓๐ นาที เหลือ ๑๕ นาที
วัตถุประสงค์ที่ ๒: เมืองสะอาด
- ลดขยะตกค้างจาก ๒๐ ตัน เหลือ ๕ ตัน
วัตถุประสงค์ที่ ๓: ผู้สูงอายุมีสุขภาพดี
- เพิ่มผู้สูงอายุที่ตรวจสุขภาพประจำปีจาก ๖๐% เป็น ๘๐%
วัตถุประสงค์ที่ ๔: รายได้ท้องถิ่นเพิ่มขึ้น
- เพิ่มภาษีที่จัดเก็บได้จาก ๘๗% เป็น ๙๕%
"""


def _load(text: str, name: str):
    result = load_draft_file(name, text.encode(), {})
    return result.sets


def test_set_fields_after_the_corporate_block_are_the_departments_th():
    company, own = _load(_DECK_TH, "deck.okr.md")
    assert company.level == "company" and [o.id for o in company.objectives] == ["CO1", "CO2"]
    assert all(o.owner is None for o in company.objectives)
    assert own.team == "ฝ่ายบริการลูกค้า" and own.owner == "นางสาวสมศรี ใจดี"
    assert [o.owner for o in own.objectives] == ["กองบริการ", "กองเทคโนโลยี"]


def test_set_fields_after_the_corporate_block_are_the_departments_en():
    company, own = _load(_DECK_EN, "deck.okr.md")
    assert [o.id for o in company.objectives] == ["SO1", "SO2"] and company.objectives[1].owner is None
    assert own.team == "Customer Care" and own.owner == "Dana Reyes"


def test_a_team_line_right_after_the_codes_opens_the_set():
    text = ("CO1 Grow revenue\n- Raise ARR from 1M to 2M\nTeam: Sales\nOwner: Jo Lin\n\n"
            "Objective 1: Win the north\n- Sign 20 new clinics, from 5\nAligns to: CO1\n")
    company, own = _load(text, "plan.md")
    assert company.objectives[0].owner is None and own.owner == "Jo Lin" and own.team == "Sales"


def test_codes_in_a_company_deck_keep_their_owner_lines():
    text = "CO1 Grow revenue\n- Raise ARR from 1M to 2M\nOwner: Jo Lin\n\nCO2 Keep customers\n- Cut churn from 5% to 3%\n"
    [only] = _load(text, "plan.md")
    assert only.objectives[0].owner == "Jo Lin"


def test_a_source_note_is_no_part_of_the_key_result():
    company, _ = _load(_DECK_TH, "deck.okr.md")
    assert company.objectives[1].key_results[0].title.endswith("๕๐ ล้านบาท")
    company, _ = _load(_DECK_EN, "deck.okr.md")
    assert company.objectives[1].key_results[0].title.endswith("$50M")
    # a wrapped line under a key result still continues it
    [only] = _load("Objective: Grow\n- Raise ARR from 1M\n  to 2M by June\n", "plan.md")
    assert only.objectives[0].key_results[0].title == "Raise ARR from 1M to 2M by June"


def _check(*paths) -> str:
    result = CliRunner().invoke(main, ["check", "--no-cache", *map(str, paths)])
    return result.stdout


def test_a_code_its_own_company_set_lacks_is_dangling_beside_another_org(tmp_path):
    for deck, missing in ((_DECK_TH, "CO3"), (_DECK_EN, "SO3")):
        folder = tmp_path / missing
        folder.mkdir()
        (folder / "deck.okr.md").write_text(deck, encoding="utf-8")
        (folder / "town.okr.md").write_text(_OTHER_ORG_TH, encoding="utf-8")
        out = _check(folder)
        assert out.count("ALN001") == 1 and f"'{missing}'" in out, out
        assert "เทศบาลเมืองตัวอย่าง/o3" not in out, out
        alone = _check(folder / "deck.okr.md")  # the file holds its company set: a code it lacks is dangling
        assert alone.count("ALN001") == 1, alone


def test_company_code_never_reaches_another_plan_by_position(tmp_path):
    (tmp_path / "company.okr.md").write_text(
        "Team: Acme\nLevel: company\nPeriod: 2027\n\nCO1 Grow revenue\n- Raise ARR from 1M to 2M\n"
        "CO2 Keep customers\n- Cut churn from 5% to 3%\n", encoding="utf-8")
    (tmp_path / "town.okr.md").write_text(_OTHER_ORG_TH, encoding="utf-8")
    (tmp_path / "sales.okr.md").write_text(
        "Team: Sales\nPeriod: 2027\n\nObjective 1: Win the north\n- Sign 20 new clinics, from 5\nAligns to: CO4\n",
        encoding="utf-8")
    out = _check(tmp_path)
    assert "ALN001" in out and "/o4" not in out, out
