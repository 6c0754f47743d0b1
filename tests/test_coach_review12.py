"""What the twelfth coach review (Thai drafts: a company folder whose departments align in a sentence, a state
enterprise workbook, a district office, a growth team mixing Thai and English, an Excel "Unicode text" export)
found. The examples are written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from okrlint.engine import Engine

from coach_support import facts, findings  # noqa: F401 - shared with the other review tests


def test_an_alignment_sentence_under_an_objective_line_is_not_part_of_its_title(tmp_path):
    (tmp_path / "company.okr.md").write_text(textwrap.dedent("""\
        # OKR บริษัท ปี 2570
        ระดับ: บริษัท

        วัตถุประสงค์ที่ 1: ร้านค้าสั่งสินค้าของเราซ้ำเพราะได้ของครบและตรงเวลา
        ผลลัพธ์หลัก:
        1. ลดสัดส่วนสินค้าถูกตีกลับจากร้านค้า จาก 2.1% เหลือ 0.8%
        2. เพิ่มอัตราการสั่งซื้อซ้ำของร้านค้า จาก 60% เป็น 75%
        """), encoding="utf-8")
    (tmp_path / "logistics.okr.md").write_text(textwrap.dedent("""\
        # OKR ฝ่ายโลจิสติกส์ ปี 2570
        ฝ่าย: ฝ่ายโลจิสติกส์

        วัตถุประสงค์ที่ 1: รถส่งของถึงร้านค้าครบและตรงรอบทุกเที่ยว
        สอดคล้องกับวัตถุประสงค์ที่ 1 ของบริษัท
        ผลลัพธ์หลัก:
        1. ลดจำนวนรายการสินค้าที่ส่งขาดต่อ 1,000 รายการ จาก 9 เหลือ 2
        2. ลดสัดส่วนเที่ยวที่อุณหภูมิสินค้าเกินเกณฑ์ จาก 4% เหลือ 1%
        """), encoding="utf-8")
    result = Engine().run([str(tmp_path)], jobs=1)
    logistics = next(s for s in result.org.sets if s.file.endswith("logistics.okr.md"))
    objective = logistics.objectives[0]
    assert objective.title == "รถส่งของถึงร้านค้าครบและตรงรอบทุกเที่ยว"
    assert objective.aligns_to == ("วัตถุประสงค์ที่ 1 ของบริษัท",)
    assert not [f for f in result.findings if f.name in ("not-aligned", "uncovered-objective", "objective-has-metric")]


@pytest.mark.parametrize("text, placeholder", [
    ("เพิ่มจำนวนร้านค้าที่ใช้ระบบสั่งเติมสินค้าอัตโนมัติ จาก 120 ร้าน เป็น 400 ร้าน", False),  # reorder stock: a verb
    ("ลดเวลาเติมน้ำมันรถขนส่งจาก 20 เหลือ 12 นาที", False),
    ("ยอดขายเพิ่มเป็น (เติม) บาท", True),
    ("ยอดขายเพิ่มเป็น เติมตัวเลข บาท", True),
])
def test_the_thai_verb_to_fill_is_a_blank_only_where_a_value_belongs(text, placeholder):
    found = facts(text)
    assert bool(found.placeholders or found.hits("placeholder")) == placeholder


@pytest.mark.parametrize("text", [
    "ยอดไลก์เพจ Facebook ของอำเภอ 5,000 ไลก์",  # the official spelling as well as ไลค์
    "ยอดผู้เข้าชมเว็บไซต์ตลาดออนไลน์ จาก 85,000 เป็น 150,000",
    "เพิ่ม engagement บน TikTok และ IG ให้ได้ 500K views",  # engagement is attention too
])
def test_attention_counts_in_thai_and_mixed_text_are_vanity(tmp_path, text):
    assert findings(tmp_path, f"team: a\nobjectives:\n  - title: ชาวบ้านรู้จักบริการของอำเภอ\n    key_results:\n      - {text}\n"
                    "      - เพิ่มจำนวนผู้ขอรับบริการออนไลน์จาก 200 เป็น 500 ราย\n", "vanity-metric")


def test_a_vanity_count_that_leads_to_orders_is_not_vanity(tmp_path):
    assert not findings(tmp_path, "team: a\nobjectives:\n  - title: ขายออนไลน์ได้มากขึ้น\n    key_results:\n"
                        "      - เพิ่มยอดสั่งซื้อที่มาจากยอดวิวบน TikTok จาก 150 เป็น 400 ครั้งต่อเดือน\n"
                        "      - ลดเวลาตอบแชตลูกค้าจาก 30 เหลือ 5 นาที\n", "vanity-metric")


def test_the_same_key_result_under_two_objectives_of_a_set(tmp_path):
    found = findings(tmp_path, textwrap.dedent("""\
        team: growth
        objectives:
          - title: ลูกค้าอยู่กับเรานานขึ้น
            key_results:
              - churn rate ลดลงจาก 4.5% เป็น 2.5%
              - เพิ่ม NPS จาก 20 เป็น 35
          - title: ลูกค้าใช้สินค้ามากขึ้น
            key_results:
              - churn rate ลดลง จาก 4.5% เป็น 2.5%
              - เพิ่มจำนวนผู้ใช้รายเดือนจาก 10,000 เป็น 15,000
        """), "duplicate-key-result")
    assert [line for line, _ in found] == [9] and "of the objective 'ลูกค้าอยู่กับเรานานขึ้น'" in found[0][1]


def test_an_objective_of_excellence_is_vague_even_when_measured(tmp_path):
    found = findings(tmp_path, "team: a\nobjectives:\n  - title: พัฒนาคณะสู่ความเป็นเลิศ\n    key_results:\n"
                     "      - เพิ่มจำนวนผลงานวิจัยที่ได้รับการอ้างอิงจาก 40 เป็น 65 เรื่อง\n"
                     "      - เพิ่มอัตราการได้งานของบัณฑิตจาก 78% เป็น 88%\n", "vague-language")
    assert found


def test_an_excel_unicode_text_export_is_read_as_a_table(tmp_path):
    rows = ["วัตถุประสงค์\tผลลัพธ์หลัก\tค่าฐาน\tค่าเป้าหมาย",
            "ผู้เช่าได้รับการแก้ไขปัญหาอาคารรวดเร็ว\tลดเวลาเฉลี่ยในการปิดงานแจ้งซ่อม (ชั่วโมง)\t52\t24",
            "\tเพิ่มคะแนนความพึงพอใจของผู้เช่าต่องานซ่อมบำรุง\t3.6\t4.3"]
    (tmp_path / "building.okr.txt").write_bytes("\r\n".join(rows).encode("utf-16"))
    result = Engine().run([str(tmp_path / "building.okr.txt")], jobs=1)
    assert not result.errors
    (okr_set,) = result.org.sets
    assert okr_set.team == "building"
    (objective,) = okr_set.objectives
    assert [(kr.baseline, kr.target) for kr in objective.key_results] == [(52, 24), (3.6, 4.3)]


@pytest.mark.parametrize("text", [
    "ร้อยละของบุคลากรที่ได้รับการพัฒนาตามแผนพัฒนารายบุคคล (IDP)",  # people put through development
    "ร้อยละการเบิกจ่ายงบลงทุน จาก 78 เป็น 95",  # money spent, not what it bought
    "Raise budget utilisation from 80% to 98%",
])
def test_development_received_and_budget_spent_are_activities(text):
    from okrlint.tags import classify_kind

    assert classify_kind(facts(text)).activity


def test_a_target_that_is_the_baseline_is_reported_unless_a_level_is_kept(tmp_path):
    body = textwrap.dedent("""\
        team: support
        objectives:
          - title: Customers get answers fast
            key_results:
              - title: Share of tickets answered within 4 hours
                baseline: 85
                target: 85
              - title: Keep the share of tickets answered within 4 hours at 85%
                baseline: 85
                target: 85
              - title: ความพึงพอใจของผู้รับบริการไม่ต่ำกว่าร้อยละ 90
                baseline: 90
                target: 90
        """)
    found = findings(tmp_path, body, "kr-small-step")
    assert [line for line, _ in found] == [5] and "the target is the baseline (85 to 85)" in found[0][1]


def test_a_folder_given_beside_a_single_file_is_still_read_whole(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from okrlint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "company.okr.yaml").write_text(textwrap.dedent("""\
        team: company
        level: company
        objectives:
          - id: co1
            title: Shops reorder from us because deliveries arrive complete
          - id: co2
            title: Working families choose our frozen meals first
        """), encoding="utf-8")
    (tmp_path / "org" / "sales.okr.yaml").write_text(textwrap.dedent("""\
        team: sales
        objectives:
          - title: Shops trust us to refill their shelves
            aligns_to: [co1]
            key_results:
              - Raise the share of shops on automatic reorder from 20% to 45%
              - Cut late deliveries from 9% to 3%
        """), encoding="utf-8")
    (tmp_path / "notes.okr.md").write_text("Objective: Patients are seen sooner\n- Cut the median wait from 50 to 20 minutes\n"
                                           "- Raise the share seen within 30 minutes from 40% to 75%\n", encoding="utf-8")
    for paths in (["org"], ["org", "notes.okr.md"]):
        result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--select", "uncovered-objective", *paths])
        assert result.output.count("ALN004") == 1 and "org/company.okr.yaml:7" in result.output, result.output
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--select", "uncovered-objective",
                                       "org/company.okr.yaml", "notes.okr.md"])
    assert "ALN004" not in result.output  # single files only: the teams may be elsewhere


def _shared(tmp_path, files: dict[str, str]):
    for name, body in files.items():
        (tmp_path / name).write_text(textwrap.dedent(body), encoding="utf-8")
    result = Engine().run([str(tmp_path)], jobs=1)
    return sorted((f.location.file.rsplit("/", 1)[-1], f.message) for f in result.findings if f.name == "shared-key-result")


def test_the_same_key_result_in_other_words_or_the_other_language(tmp_path):
    found = _shared(tmp_path, {
        "logistics.okr.yaml": """\
            team: logistics
            objectives:
              - title: รถส่งของถึงร้านค้าครบและตรงรอบ
                key_results:
                  - เพิ่มสัดส่วนเที่ยวส่งที่ถึงร้านค้าภายในช่วงเวลานัดหมาย จาก 81% เป็น 95%
                  - ลดจำนวนรายการที่ส่งขาดต่อ 1,000 รายการ จาก 9 เหลือ 2
            """,
        "sales.okr.yaml": """\
            team: sales
            objectives:
              - title: ร้านค้าไว้วางใจให้เราเติมสินค้า
                key_results:
                  - เพิ่มอัตราการจัดส่งให้ร้านค้าได้ทันตามเวลาที่นัดไว้ จาก 81% เป็น 95%
                  - เพิ่มจำนวนร้านค้าที่ใช้ระบบสั่งอัตโนมัติ จาก 120 ร้าน เป็น 400 ร้าน
            """,
        "ops.okr.yaml": """\
            team: ops
            objectives:
              - title: Stores get what they ordered when we promised
                key_results:
                  - Raise on-time delivery to stores from 81% to 95%
                  - Cut the error rate of picked orders from 2.3% to 0.9%
              - title: Staff stay with us
                key_results:
                  - Raise the staff engagement score from 81% to 95%
                  - Reach 4.7/5 in the staff survey
            """,
    })
    assert [(name, message.split(" (")[0]) for name, message in found] == [  # each team sees it in its own file
        ("logistics.okr.yaml", "team ops has the same key result in the other language"),
        ("ops.okr.yaml", "team logistics has the same key result in the other language"),
        ("sales.okr.yaml", "team logistics has the same key result in other words"),
    ]


def test_round_numbers_or_no_baseline_are_not_enough_to_call_key_results_the_same(tmp_path):
    assert not _shared(tmp_path, {
        "a.okr.yaml": "team: a\nobjectives:\n  - title: Shoppers come back\n    key_results:\n"
                      "      - Raise repeat purchase rate from 20% to 30%\n      - Reach 4.7/5 app store rating\n",
        "b.okr.yaml": "team: b\nobjectives:\n  - title: ลูกค้าพึงพอใจ\n    key_results:\n"
                      "      - เพิ่มอัตราการซื้อซ้ำของลูกค้า จาก 20% เป็น 30%\n      - Reach 4.7/5 app store rating\n",
    })


def test_a_hyphenated_acronym_is_one_acronym(tmp_path):
    found = findings(tmp_path, "team: qa\nobjectives:\n  - title: หลักสูตรผ่านการประเมินตามเกณฑ์ AUN-QA\n    key_results:\n"
                     "      - เพิ่มจำนวนหลักสูตรที่ผ่านเกณฑ์ AUN-QA จาก 3 เป็น 7 หลักสูตร\n"
                     "      - Grow SEO-SEM leads from 120 to 300\n      - Cut COVID-19 absence days from 12 to 5\n",
                     "undefined-acronym")
    assert [message.split("'")[1] for _, message in found] == ["AUN-QA"]
