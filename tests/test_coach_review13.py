"""What the thirteenth coach review (a Thai–English logistics company linted whole and folder by folder) found.
The examples are written for these tests."""

from __future__ import annotations

import textwrap

from coach_support import findings

from okrlint.engine import Engine


# --- no-customer-focus: internal-service teams that name the teams they serve ----------------------------------

def _no_focus(tmp_path, body: str) -> list:
    return findings(tmp_path, textwrap.dedent(body), "no-customer-focus")


def test_a_team_or_role_that_needs_uses_or_plans_with_the_work_is_an_internal_customer(tmp_path):
    for title in (
        "Spare parts are on the shelf when the workshop crews need them",
        "Store planners work from a demand forecast they believe",
        "Regional supervisors can rely on payroll figures every fortnight",
        "Field technicians get the right job sheet before they leave the depot",
    ):
        assert not _no_focus(tmp_path, f"""\
            team: supply
            objectives:
              - title: {title}
                key_results:
                  - Cut stock counting differences from 3.4% to 0.8%
                  - Raise orders placed through the catalogue from 41% to 77%
            """), title


def test_thai_teams_and_roles_that_need_or_use_the_work_are_internal_customers(tmp_path):
    for title in (
        "ฝ่ายผลิตได้รับวัตถุดิบครบก่อนเริ่มกะทุกวัน",
        "หัวหน้างานคลังวางแผนกำลังคนจากตัวเลขที่ตรงกัน",
        "หน่วยงานในสังกัดใช้ระบบเอกสารอิเล็กทรอนิกส์ได้ทุกวัน",
        "ผู้บริหารระดับกลางพึ่งพารายงานประจำสัปดาห์ได้",
    ):
        assert not _no_focus(tmp_path, f"""\
            team: admin
            objectives:
              - title: {title}
                key_results:
                  - ลดเอกสารที่ต้องส่งกลับแก้ไขจาก 23% เหลือ 6%
                  - ลดเวลาอนุมัติคำขอจาก 7 วันเหลือ 2 วัน
            """), title


def test_a_team_writing_only_about_itself_stays_without_customer_focus(tmp_path):
    for title, krs in (
        ("Our engineers get trained on the new build cluster",
         ["Cut build time from 23 minutes to 9 minutes", "The team plans every sprint two weeks ahead"]),
        ("Platform engineers use one deployment toolchain",  # the team's own name: its own engineers
         ["Cut failed deployments from 12% to 4%", "Cut staff use of overtime from 11% to 6%"]),
        ("เจ้าหน้าที่ได้รับการอบรมด้านงบประมาณครบทุกคน",
         ["ลดเวลาที่เจ้าหน้าที่ใช้ในการตรวจเอกสารจาก 4 วันเหลือ 1 วัน", "ทีมวางแผนการเบิกจ่ายล่วงหน้าทุกไตรมาส 3 เดือน"]),
    ):
        body = "team: platform\nobjectives:\n  - title: " + title + "\n    key_results:\n" + "".join(
            f"      - {kr}\n" for kr in krs)
        assert len(findings(tmp_path, body, "no-customer-focus")) == 1, title


# --- shared-key-result: the same measure in other words or the other language ----------------------------------

def _shared(tmp_path, files: dict[str, str]):
    for name, body in files.items():
        (tmp_path / name).write_text(textwrap.dedent(body), encoding="utf-8")
    result = Engine().run([str(tmp_path)], jobs=1)
    return sorted((f.location.file.rsplit("/", 1)[-1], f.message.split(" (")[0])
                  for f in result.findings if f.name == "shared-key-result")


def test_thai_and_english_key_results_with_the_same_measured_concepts_are_shared(tmp_path):
    assert _shared(tmp_path, {
        "clinic.okr.yaml": """\
            team: clinic
            objectives:
              - title: ผู้ป่วยได้รับการรักษาตรงเวลานัด
                key_results:
                  - ลดสัดส่วนนัดหมายผู้ป่วยที่ถูกยกเลิกจาก 14% เหลือ 6%
            """,
        "booking.okr.yaml": """\
            team: booking
            objectives:
              - title: Patients book and keep their slot
                key_results:
                  - Cut the share of patient appointments cancelled from 14% to 6%
            """,
    }) == [("booking.okr.yaml", "team clinic has the same key result in the other language"),
           ("clinic.okr.yaml", "team booking has the same key result in the other language")]


def test_thai_and_english_share_the_new_measure_concepts(tmp_path):
    assert _shared(tmp_path, {
        "exams.okr.yaml": """\
            team: exams
            objectives:
              - title: Students pass because they were ready
                key_results:
                  - Raise the share of students passing at the first attempt from 63% to 81%
            """,
        "school.okr.yaml": """\
            team: โรงเรียน
            objectives:
              - title: นักเรียนพร้อมสอบ
                key_results:
                  - เพิ่มอัตรานักเรียนที่สอบผ่านตั้งแต่ครั้งแรก จาก 63% เป็น 81%
            """,
        "yard.okr.yaml": """\
            team: yard
            objectives:
              - title: พัสดุถึงมือผู้รับในสภาพดี
                key_results:
                  - ลดสัดส่วนพัสดุที่ได้รับความเสียหายจาก 2.3% เหลือ 0.7%
            """,
        "linehaul.okr.yaml": """\
            team: linehaul
            objectives:
              - title: Loads travel safely
                key_results:
                  - Cut the share of parcels damaged in transit from 2.3% to 0.7%
            """,
    }) == [("exams.okr.yaml", "team โรงเรียน has the same key result in the other language"),
           ("linehaul.okr.yaml", "team yard has the same key result in the other language"),
           ("school.okr.yaml", "team exams has the same key result in the other language"),
           ("yard.okr.yaml", "team linehaul has the same key result in the other language")]


def test_english_key_results_in_other_word_forms_and_compounds_are_shared(tmp_path):
    found = _shared(tmp_path, {
        "stores.okr.yaml": """\
            team: stores
            objectives:
              - title: Shelves are full when shoppers arrive
                key_results:
                  - Cut out-of-stock items as a share of listed products from 4.3% to 1.6%
            """,
        "buying.okr.yaml": """\
            team: buying
            objectives:
              - title: Suppliers deliver what we sell
                key_results:
                  - Reduce the share of listed products that are out of stock from 4.3% to 1.6%
            """,
    })
    assert found == [("buying.okr.yaml", "team stores has the same key result in other words"),
                     ("stores.okr.yaml", "team buying has the same key result in other words")]


def test_same_numbers_on_another_measure_or_round_numbers_are_not_shared(tmp_path):
    assert not _shared(tmp_path, {
        "a.okr.yaml": """\
            team: a
            objectives:
              - title: Parcels arrive whole
                key_results:
                  - Cut damaged-parcel claims as a share of shipments from 2.6% to 0.7%
                  - Cut damage claims from 20% to 10%
            """,
        "b.okr.yaml": """\
            team: b
            objectives:
              - title: Staff stay with us
                key_results:
                  - Reduce voluntary staff turnover from 2.6% to 0.7% a month
                  - Reduce the share of shipments that end in a damage claim from 20% to 10%
            """,
    })


# --- unknown-team: a department's folder linted alone ---------------------------------------------------------

def _unknown(tmp_path, files: dict[str, str], run: str):
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), encoding="utf-8")
    result = Engine().run([str(tmp_path / run)], jobs=1)
    return [f.message for f in result.findings if f.name == "unknown-team"]


_DEPARTMENT = """\
    team: operations
    level: department
    objectives:
      - id: ops-o1
        title: Goods reach stores on the day promised
        aligns_to: [company/co-o2]
        key_results:
          - id: ops-kr1
            title: Raise on-time store deliveries from 86% to 97%
            depends_on: [fleet/fl-kr1]
"""
_TEAM_TH = """\
    team: คลังสินค้า
    objectives:
      - id: wh-o1
        title: ร้านค้าได้รับสินค้าครบตามที่สั่ง
        aligns_to: [องค์กร/o1, operations/ops-o1]
        key_results:
          - ลดรายการสินค้าที่ส่งขาดจาก 3.1% เหลือ 0.9%
"""
_COMPANY = """\
    team: acme
    level: company
    objectives:
      - id: co-o1
        title: Stores trust us with every order
"""


def test_company_references_are_quiet_when_the_run_holds_no_company_plan(tmp_path):
    found = _unknown(tmp_path, {"org/operations/ops.okr.yaml": _DEPARTMENT, "org/operations/wh.okr.yaml": _TEAM_TH},
                     "org/operations")
    # the company plan lies outside the folder; a team that wrote no OKRs is still reported
    assert len(found) == 1 and "fleet" in found[0]


def test_company_references_are_reported_when_a_company_plan_is_in_the_run(tmp_path):
    found = _unknown(tmp_path, {"org/company/plan.okr.yaml": _COMPANY, "org/operations/ops.okr.yaml": _DEPARTMENT},
                     "org")
    assert any("fleet" in message for message in found)
    # "company/co-o2" is looked up in the company-level set (team acme), which has no co-o2: a dangling reference
    result = Engine().run([str(tmp_path / "org")], jobs=1)
    assert any(f.name == "dangling-reference" and "company/co-o2" in f.message for f in result.findings)
