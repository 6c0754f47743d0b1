"""Reviews 25–27, org-wide rules: one organisation's folders linted together are one org for every rule (drafts/ beside
okrs/), deadlines in titles read as quarters, ends of years and dates, and shared key results matched by what they
measure (units in cells, Thai and English)."""

import json
import os

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.testing import lint_documents


def write(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def findings(root, *paths, select="alignment"):
    old = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["check", *(paths or ["."]), "--format", "json", "--no-cache",
                                           "--select", select, "--messages", "en"], catch_exceptions=False)
    finally:
        os.chdir(old)
    return json.loads(result.stdout)["findings"]


def named(found, name):
    return sorted((f["file"], f["line"]) for f in found if f["name"] == name)


# --- one organisation in several folders -------------------------------------------------------------------

COMPANY_EN = """team: acme
level: company
period: 2027-H1
objectives:
  - id: co-o1
    title: Mid-market finance teams choose us over spreadsheets
  - id: co-o2
    title: Customers stay with us and grow
"""

SALES_EN = """team: sales
period: 2027-H1
objectives:
  - id: s-o1
    title: Finance leaders see us as the obvious replacement for spreadsheets
    aligns_to: [acme/co-o1]
"""

SECURITY_DRAFT = """# Security team OKRs, H1 2027

Team: Security
Period: H1 2027

Objective 1: Enterprise buyers clear our security review without friction
Aligns to: acme/co-o2
- Cut security questionnaire turnaround from 9 days to 3 days

Objective 2: Get to full single sign-on coverage
- Raise the share of internal apps behind SSO from 40% to 90%
"""

SUPPORT_DRAFT = """# Support team OKRs, H1 2027

Team: Support
Period: H1 2027

Objective 1: Customers get unblocked on the first reply
- Raise first-reply resolution from 38% to 55%
"""

COMPANY_TH = """team: บริษัท
level: company
period: ปีงบประมาณ 2570
objectives:
  - id: co-o1
    title: ลูกค้าเลือกใช้บริการของเราเป็นอันดับแรก
  - id: co-o2
    title: ลูกค้าได้รับบริการที่รวดเร็วและถูกต้อง
"""

SALES_TH = """team: ฝ่ายขาย
period: ปีงบประมาณ 2570
objectives:
  - id: s-o1
    title: ร้านค้าในภาคเหนือเลือกใช้ระบบของเรามากขึ้น
    aligns_to: [co-o1]
"""

SERVICE_DRAFT_TH = """# OKR ฝ่ายบริการลูกค้า ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: ลูกค้าได้รับคำตอบที่ถูกต้องตั้งแต่การติดต่อครั้งแรก
สอดคล้องกับ: co-o2
- เพิ่มอัตราการแก้ปัญหาในการติดต่อครั้งแรกจาก 55% เป็น 70%
"""

CALLCENTRE_DRAFT_TH = """# OKR ฝ่ายศูนย์บริการทางโทรศัพท์ ปีงบประมาณ 2570

วัตถุประสงค์ที่ 1: ผู้โทรเข้ารอสายน้อยลง
- ลดเวลารอสายเฉลี่ยจาก 4 นาที เหลือ 2 นาที
"""


def test_drafts_beside_the_okr_folder_are_orphan_checked(tmp_path):
    root = write(tmp_path, {"okrs/company.okr.yaml": COMPANY_EN, "okrs/sales.okr.yaml": SALES_EN,
                            "drafts/security.okr.md": SECURITY_DRAFT, "drafts/support.okr.md": SUPPORT_DRAFT})
    found = findings(root)
    # the security draft aligns to the company: its folder is the company's, so its second objective and the support
    # draft beside it (which aligns to nothing) are orphans, as a team set in okrs/ would be
    assert named(found, "orphan-objective") == [("drafts/security.okr.md", 10), ("drafts/support.okr.md", 6)]
    # and the draft's alignment covers co-o2 (as before)
    assert named(found, "uncovered-objective") == []


def test_drafts_beside_the_okr_folder_thai(tmp_path):
    root = write(tmp_path, {"okrs/company.okr.yaml": COMPANY_TH, "okrs/sales.okr.yaml": SALES_TH,
                            "drafts/บริการลูกค้า.okr.md": SERVICE_DRAFT_TH, "drafts/ศูนย์โทรศัพท์.okr.md": CALLCENTRE_DRAFT_TH})
    found = findings(root)
    assert named(found, "orphan-objective") == [("drafts/ศูนย์โทรศัพท์.okr.md", 3)]


def test_a_folder_that_refers_to_nothing_stays_apart(tmp_path):
    # drafts that name no objective of the company may be another organisation's: not checked against it
    root = write(tmp_path, {"okrs/company.okr.yaml": COMPANY_EN, "okrs/sales.okr.yaml": SALES_EN,
                            "drafts/support.okr.md": SUPPORT_DRAFT})
    assert named(findings(root), "orphan-objective") == []


BOARD = """team: riverbend
level: company
period: 2027-H1
objectives:
  - id: rb-o1
    title: Every child in our partner districts reads at grade level
"""

TUTORING = """team: tutoring
period: 2027-H1
objectives:
  - id: t-o1
    title: Customers get unblocked on the first reply
    aligns_to: [riverbend/rb-o1]
"""


def test_two_organisations_stay_apart_with_a_draft_folder_of_one(tmp_path):
    root = write(tmp_path, {"acme/okrs/company.okr.yaml": COMPANY_EN, "acme/okrs/sales.okr.yaml": SALES_EN,
                            "acme/drafts/security.okr.md": SECURITY_DRAFT, "acme/drafts/support.okr.md": SUPPORT_DRAFT,
                            "riverbend/board.okr.yaml": BOARD, "riverbend/tutoring.okr.yaml": TUTORING})
    found = findings(root)
    assert named(found, "orphan-objective") == [("acme/drafts/security.okr.md", 10), ("acme/drafts/support.okr.md", 6)]
    # acme's support draft and riverbend's tutoring objective say the same words, in two organisations
    assert named(found, "duplicate-objective") == []


def test_a_folder_that_refers_to_two_organisations_joins_neither(tmp_path):
    mixed = SECURITY_DRAFT.replace("Objective 2: Get to full single sign-on coverage",
                                   "Objective 2: Get to full single sign-on coverage\nAligns to: riverbend/rb-o1")
    root = write(tmp_path, {"acme/company.okr.yaml": COMPANY_EN, "acme/sales.okr.yaml": SALES_EN,
                            "riverbend/board.okr.yaml": BOARD, "riverbend/tutoring.okr.yaml": TUTORING,
                            "shared/security.okr.md": mixed, "shared/support.okr.md": SUPPORT_DRAFT})
    assert named(findings(root), "orphan-objective") == []


# --- deadlines in titles (period-mismatch) -----------------------------------------------------------------

def lint_org(*documents, select="period-mismatch"):
    engine = Engine(Config(select=[select], messages="en"))
    return lint_documents([(f"doc{i}.okr.yaml", text) for i, text in enumerate(documents)], engine=engine)


def deadline_findings(period: str, titles: list[str]) -> dict[str, str]:
    body = f"team: growth\nperiod: {period}\nobjectives:\n  - title: Partners onboard themselves\n    key_results:\n"
    body += "".join(f"      - {json.dumps(title, ensure_ascii=False)}\n" for title in titles)
    found = lint_org(body)
    by_line = {f.location.line: f.message for f in found}
    return {title: by_line.get(6 + i) for i, title in enumerate(titles)}


AFTER_H1 = ["Raise partner activation from 20% to 45% by end of Q3 2027",
            "Raise partner activation from 20% to 45% by Q4 2027",
            "Raise partner activation from 20% to 45% by the end of 2027",
            "Raise partner activation from 20% to 45% by 2027-09-30",
            "Raise partner activation from 20% to 45% by 30 September 2027",
            "Raise partner activation from 20% to 45% by September 30, 2027",
            "Raise partner activation from 20% to 45% no later than 15 Aug 2027",
            "Raise partner activation from 20% to 45% by 2028"]
INSIDE_H1 = ["Raise partner activation from 20% to 45% by end of Q2 2027",
             "Raise partner activation from 20% to 45% by 30 June 2027",
             "Raise partner activation from 20% to 45% by June 2027",
             "Raise partner activation from 20% to 45% by 2027",
             "Raise partner activation from 20% to 45% before 1 July 2027",
             "Raise partner activation from 20% to 45% before Q3 2027",
             "Raise partner activation from 20% to 45% by the end of H1 2027",
             "Raise NPS by 2026 standards from 30 to 40"]


def test_deadlines_after_a_half_year_in_english():
    found = deadline_findings("2027-H1", AFTER_H1 + INSIDE_H1)
    assert [title for title in AFTER_H1 if not found[title]] == []
    assert {title: found[title] for title in INSIDE_H1 if found[title]} == {}
    assert "its deadline, end of Q3 2027, falls after the set's period '2027-H1'" in found[AFTER_H1[0]]
    assert found[AFTER_H1[-1]].startswith("aims at 2028, after the set's period")


AFTER_FY = ["ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายใน 31 ธ.ค. 2570",
            "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในไตรมาส 1/2571",
            "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในปีงบประมาณ 2571",
            "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในเดือนธันวาคม 2570"]
INSIDE_FY = ["ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในไตรมาส 4/2570",  # the agency's own fourth quarter
             "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายใน 30 ก.ย. 2570",
             "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในวันที่ 30 กันยายน 2570",
             "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายใน ๓๐ ก.ย. ๒๕๗๐",
             "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในปี 2570",
             "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ภายในสิ้นปี 2570",  # may mean the end of that fiscal year
             "ลดเวลารอคอยจาก 40 นาที เหลือ 15 นาที ก่อนปี 2571"]


def test_deadlines_in_a_thai_fiscal_year():
    found = deadline_findings("ปีงบประมาณ 2570", AFTER_FY + INSIDE_FY)
    assert [title for title in AFTER_FY if not found[title]] == []
    assert {title: found[title] for title in INSIDE_FY if found[title]} == {}


def test_deadlines_in_a_thai_quarter_and_an_english_fiscal_year():
    found = deadline_findings("ไตรมาส 2/2570", [
        "เพิ่มยอดขายจาก 10 เป็น 20 ล้านบาท ภายในไตรมาส 4/2570", "เพิ่มยอดขายจาก 10 เป็น 20 ล้านบาท ภายในสิ้นปี 2570",
        "เพิ่มยอดขายจาก 10 เป็น 20 ล้านบาท ภายในไตรมาส 2/2570", "เพิ่มยอดขายจาก 10 เป็น 20 ล้านบาท ภายใน 30 มิ.ย. 2570"])
    assert [bool(message) for message in found.values()] == [True, True, False, False]
    # "Q4 2027" in an FY2027 plan may be the plan's own fourth quarter; December 2027 is after it either way
    found = deadline_findings("FY2027", ["Reach 45% by Q4 2027", "Reach 45% by the end of 2027", "Reach 45% by September 2027",
                                         "Reach 45% by December 2027", "Reach 45% by Q1 2028"])
    assert [bool(message) for message in found.values()] == [False, False, False, True, True]


# --- shared-key-result ---------------------------------------------------------------------------------------

WATER_COMPANY = """team: องค์กร
level: company
period: ปีงบประมาณ 2570
objectives:
  - id: co-o2
    title: ผู้ใช้น้ำได้รับการแก้ไขปัญหาเร็วจนไว้วางใจเราได้
    key_results:
      - ลดเวลาเฉลี่ยในการแก้ไขเรื่องร้องเรียนจาก 72 ชั่วโมง เหลือ 24 ชั่วโมง
      - Cut average complaint resolution time from 72 hours to 24 hours
"""


def shared(*documents):
    return sorted((f.location.file, f.location.line, f.message) for f in lint_org(*documents, select="shared-key-result"))


@pytest.mark.parametrize("kr", [
    "{title: ลดเวลาเฉลี่ยในการแก้ไขเรื่องร้องเรียน, baseline: 72, target: 24, unit: ชั่วโมง}",
    "{title: ลดเวลาเฉลี่ยในการแก้ไขเรื่องร้องเรียน, baseline: 72 ชั่วโมง, target: 24 ชั่วโมง}",
    "{title: Cut average complaint resolution time, baseline: 72 hours, target: 24 hours}",
    "{title: Cut average complaint resolution time, baseline: 72, target: 24, unit: hours}",
])
def test_a_unit_in_its_own_column_or_cell_is_part_of_the_measure(kr):
    branch = f"""team: สาขาชลบุรี
period: ปีงบประมาณ 2570
objectives:
  - title: ผู้ใช้น้ำในเขตชลบุรีได้รับการแก้ไขเรื่องร้องเรียนรวดเร็ว
    aligns_to: [co-o2]
    key_results:
      - {kr}
"""
    found = shared(WATER_COMPANY, branch)
    assert [(file, line) for file, line, _ in found] == [("doc1.okr.yaml", 7)]
    assert "a key result of the objective it aligns to (team องค์กร" in found[0][2]


def test_two_teams_copying_the_company_key_result_are_each_told_they_copy_it():
    def branch(team):
        return f"""team: {team}
period: ปีงบประมาณ 2570
objectives:
  - title: ผู้ใช้น้ำในเขต{team}ได้รับการแก้ไขเรื่องร้องเรียนรวดเร็ว
    aligns_to: [co-o2]
    key_results:
      - ลดเวลาเฉลี่ยในการแก้ไขเรื่องร้องเรียนจาก 72 ชั่วโมง เหลือ 24 ชั่วโมง
"""
    found = shared(branch("ชลบุรี"), branch("ระยอง"), WATER_COMPANY)
    assert [(file, line) for file, line, _ in found] == [("doc0.okr.yaml", 7), ("doc1.okr.yaml", 7)]
    assert all(message.startswith("repeats word for word a key result of the objective it aligns to") for *_, message in found)


def test_the_same_unit_and_round_numbers_are_not_the_same_measure_across_languages():
    found = shared("""team: platform
objectives:
  - title: Product squads ship safely
    key_results:
      - Cut lead time for changes from 5 days to 1 day
      - Cut code review wait from 3 days to 1 day
""", """team: sme-lending
objectives:
  - title: เจ้าของร้านได้เงินทันใช้
    key_results:
      - ลดเวลาอนุมัติสินเชื่อเฉลี่ยจาก 5 วัน เหลือ 1 วัน
      - ลดเวลาตอบกลับลูกค้าจาก 3 วัน เหลือ 1 วัน
""")
    assert found == []


def test_the_same_measure_across_languages_with_a_thai_unit_in_the_english_title():
    company = """team: siamflow
level: company
objectives:
  - id: co-o2
    title: Customers trust us with their money from day one
    key_results:
      - Reduce confirmed fraud losses from ฿4.2 ล้าน to ฿2.5 ล้าน per month
"""
    risk = """team: risk
objectives:
  - title: ลูกค้าปลอดภัยจากมิจฉาชีพและบัญชีม้า
    key_results:
      - title: ลดมูลค่าความเสียหายจากการทุจริตที่ยืนยันแล้วต่อเดือน
        baseline: ฿4.2 ล้าน
        target: ฿2.5 ล้าน
"""
    found = shared(company, risk)
    assert [(file, line) for file, line, _ in found] == [("doc0.okr.yaml", 7), ("doc1.okr.yaml", 5)]
    assert all("in the other language" in message for *_, message in found)
    aligned = risk.replace("    key_results:", "    aligns_to: [co-o2]\n    key_results:", 1)
    found = shared(company, aligned)
    assert [(file, line) for file, line, _ in found] == [("doc1.okr.yaml", 6)]
    assert found[0][2].startswith("repeats in the other language a key result of the objective it aligns to")
    # an English key result of delivery time in days is the Thai one of delivery time in days (the measure matches)
    assert len(shared("""team: ops
objectives:
  - title: Orders arrive when promised
    key_results:
      - Cut average delivery time from 3.2 days to 1.8 days
""", """team: logistics
objectives:
  - title: ลูกค้าได้รับของตรงเวลา
    key_results:
      - ลดเวลาจัดส่งเฉลี่ยจาก 3.2 วัน เหลือ 1.8 วัน
""")) == 2
