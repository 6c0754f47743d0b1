"""The shared language layer: Thai segmentation, vocabulary matching, placeholders, language."""

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.text.facts import detect_language, find_placeholders

ANALYSER = Engine(Config()).analyser


def hits(text, category):
    return [h.term for h in ANALYSER.analyse(text).hits(category)]


@pytest.mark.parametrize(
    "text, category, expected",
    [
        ("ลดต้นทุนการผลิตลง 10%", "decrease", ["ลด"]),
        ("คุณลดาวัลย์เป็นผู้รับผิดชอบ", "decrease", []),  # a name that starts with ลด
        ("เพิ่มจำนวนลูกค้าที่ Sign up จาก 400 เป็น 500", "increase", ["เพิ่ม"]),
        ("เพิ่มจำนวนลูกค้าที่ Sign up จาก 400 เป็น 500", "customer", ["ลูกค้า", "sign up"]),
        ("กลุ่มลูกค้าเป้าหมายใหม่", "customer", ["ลูกค้า"]),
        ("จัดอบรมเจ้าหน้าที่ 4 ครั้ง", "activity", ["จัดอบรม"]),
        ("ห้างสรรพสินค้าในเครือ", "activity", []),
        ("Reduce churn from 5% to 3%", "decrease", ["reduce"]),
        ("Reduction in churn", "decrease", ["reduction"]),
        ("Optimise and optimize", "vague", ["optimise", "optimize"]),
        ("Grow self-serve sign-ups in Vietnam", "customer", ["self-serve", "sign-ups"]),
        ("Hire 3 account managers", "activity", ["hire"]),
    ],
)
def test_vocabulary_matches_whole_words(text, category, expected):
    assert hits(text, category) == expected


@pytest.mark.parametrize(
    "text, language",
    [("Raise NPS from 30 to 40", "en"), ("เพิ่ม NPS จาก 30 เป็น 40", "th"),
     ("เพิ่มจำนวนลูกค้าที่ Sign up จาก 400 เป็น 500", "th")],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text, found",
    [
        ("Increase leads from X to Y", ["X", "Y"]),
        ("Reach xx% activation", ["xx%"]),
        ("Target TBD", ["TBD"]),
        ("Revenue ??? by Q3", ["???"]),
        ("เพิ่มยอดขายเป็น X ล้านบาท", ["X"]),
        ("เพิ่มยอดขาย [ระบุ] ล้านบาท", ["[ระบุ]"]),
        ("Windows X-ray team and Product X-1", []),
        ("Reach 40 scans a day from 25", []),
        ("Cut P1 incidents by N", ["N"]),
    ],
)
def test_placeholders(text, found):
    assert list(find_placeholders(text)) == found


def test_facts_are_computed_once_and_shared():
    first = ANALYSER.analyse("Raise NPS from 30 to 40")
    assert ANALYSER.analyse("Raise NPS from 30 to 40") is first


@pytest.mark.parametrize("text, vague", [
    ("ส่งเสริมการใช้เทคโนโลยีการเกษตรให้ทั่วถึง", ["ส่งเสริม", "ให้ทั่วถึง"]),
])
def test_a_word_kept_whole_is_still_a_term_of_its_own(text, vague):
    """'ส่งเสริม' (promote) is kept one word, so it is not the activity 'ส่ง' (send), and is still vague itself."""
    from okrlint.config import Config
    from okrlint.engine import Engine

    facts = Engine(Config()).analyser.analyse(text, "th")
    assert [h.term for h in facts.hits("vague")] == vague
    assert "ส่ง" not in [h.term for h in facts.hits("activity")]
