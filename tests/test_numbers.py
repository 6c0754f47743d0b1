"""Tests for okrlint.text.numbers: reading numbers and changes from Thai and English KR text."""

from __future__ import annotations

import pytest

from okrlint.text.numbers import (
    Change,
    NumberMention,
    normalize_digits,
    parse_number,
    read_change,
    read_numbers,
    to_base_unit,
)


def values(text: str, kinds: tuple[str, ...] | None = None) -> list[tuple[float, str]]:
    return [(m.value, m.kind) for m in read_numbers(text) if kinds is None or m.kind in kinds]


# --- normalize_digits ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
        ("เพิ่มเป็น ๕๐๐ คน", "เพิ่มเป็น 500 คน"),
        ("no thai digits 42", "no thai digits 42"),
        ("", ""),
        ("ร้อยละ ๓๕.๕", "ร้อยละ 35.5"),
    ],
)
def test_normalize_digits(text, expected):
    result = normalize_digits(text)
    assert result == expected
    assert len(result) == len(text)


# --- read_numbers: plain values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ship 3 features", [(3, "number")]),
        ("Reach 1,200 users", [(1200, "number")]),
        ("Reach 1,200,000 users", [(1_200_000, "number")]),
        ("Cover teams 1, 2 and 3", [(1, "number"), (2, "number"), (3, "number")]),
        ("Score 4.5", [(4.5, "number")]),
        ("Keep net margin above -5", [(-5, "number")]),
        ("-3% churn", [(-3, "percent")]),
        ("ลดลง ๑๒ จุด", [(12, "number")]),
        ("Activation 35%", [(35, "percent")]),
        ("Activation 35 %", [(35, "percent")]),
        ("Activation 35 percent", [(35, "percent")]),
        ("อัตราคงอยู่ 35 เปอร์เซ็นต์", [(35, "percent")]),
        ("ร้อยละ 35 ของลูกค้า", [(35, "percent")]),
        ("ร้อยละ๘๐", [(80, "percent")]),
        ("Lift conversion 2 pp", [(2, "percent")]),
        ("20-30% of users", [(20, "percent"), (30, "percent")]),
        ("1.2k signups", [(1200, "number")]),
        ("3M downloads", [(3_000_000, "number")]),
        ("10 million views", [(10_000_000, "number")]),
        ("2 billion requests", [(2_000_000_000, "number")]),
        ("ยอดขาย 2 ล้าน", [(2_000_000, "number")]),
        ("ผู้ชม 5 แสน คน", [(500_000, "number")]),
        ("ผู้ใช้ 3 หมื่น คน", [(30_000, "number")]),
        ("2 พัน ราย", [(2000, "number")]),
        ("1.5 พันล้าน", [(1_500_000_000, "number")]),
        ("2 ล้าน 5 แสน", [(2_500_000, "number")]),
        ("ร้านค้า 5 พันธมิตร", [(5, "number")]),
        ("Sell a dozen licences", [(12, "word")]),
        ("Meet twice a month", [(2, "word")]),
        ("Release once per sprint", [(1, "word")]),
        ("Onboard twenty-five partners", [(25, "word")]),
        ("one hundred and twenty tickets", [(120, "word")]),
        ("two thousand five hundred users", [(2500, "word")]),
        ("zero critical incidents", [(0, "word")]),
        ("five percent", [(5, "percent")]),
    ],
)
def test_read_numbers_values(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "kind", "denominator"),
    [
        ("CSAT 4.5/5", 4.5, "ratio", 5),
        ("rated 4.5 out of 5", 4.5, "ratio", 5),
        ("คะแนนรีวิว 4.5 จาก 5 คะแนน", 4.5, "ratio", 5),
        ("รีวิว 4.2 เต็ม 5", 4.2, "ratio", 5),
        ("LTV:CAC at 3:1", 3, "ratio", 1),
    ],
)
def test_read_numbers_ratios(text, value, kind, denominator):
    (mention,) = read_numbers(text)
    assert (mention.value, mention.kind, mention.denominator) == (value, kind, denominator)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("฿1,000 per order", 1000, "บาท"),
        ("$2M ARR", 2_000_000, "usd"),
        ("รายได้ 5 ล้านบาท", 5_000_000, "บาท"),
        ("USD 40k", 40_000, "usd"),
        ("ค่าใช้จ่าย 300 บาท", 300, "บาท"),
        ("สองล้านห้าแสนบาท", 2_500_000, "บาท"),
    ],
)
def test_read_numbers_money(text, value, unit):
    (mention,) = read_numbers(text)
    assert (mention.value, mention.kind, mention.unit) == (value, "money", unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("p95 under 95 s", "s"),
        ("p99 at 40 ms", "ms"),
        ("40ms", "ms"),
        ("resolve in 24h", "h"),
        ("ภายใน 3 วัน", "วัน"),
        ("ไม่เกิน 2 ชั่วโมง", "ชั่วโมง"),
        ("500 new signups", "signups"),
        ("10x faster", "x"),
        ("อบรมหนึ่งครั้งต่อเดือน", "ครั้ง"),
        ("เพิ่มขึ้นสองเท่า", "เท่า"),
        ("keep 30-day retention", "day"),
        ("reach 40%", "%"),
    ],
)
def test_read_numbers_units(text, unit):
    (mention,) = read_numbers(text)
    assert mention.unit == unit


# --- read_numbers: Thai number words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("สามสิบห้า", 35),
        ("หนึ่งร้อยยี่สิบ", 120),
        ("สองพันห้าร้อย", 2500),
        ("สิบเอ็ด", 11),
        ("ยี่สิบเอ็ด", 21),
        ("หนึ่งพัน", 1000),
        ("สามล้าน", 3_000_000),
        ("สองล้านห้าแสน", 2_500_000),
        ("พันห้า", 1500),
        ("เปิดสาขาใหม่ห้าแห่ง", 5),
        ("ลดลงครึ่งหนึ่ง", 0.5),
        ("ข้อผิดพลาดเป็นศูนย์", 0),
        ("เพิ่มเป็นสามเท่า", 3),
    ],
)
def test_thai_number_words(text, value):
    (mention,) = read_numbers(text)
    assert mention.value == value


@pytest.mark.parametrize(
    "text",
    [
        "ห้าง",
        "ห้างสรรพสินค้า",
        "ห้ามใช้",
        "สามารถ",
        "ความสามารถ",
        "สามี",
        "สามัคคี",
        "หกล้ม",
        "แปดเปื้อน",
        "เก้าอี้",
        "ร้อยเรียงเรื่องราว",
        "พันธมิตร",
        "พันธุ์ข้าว",
        "พันธกิจองค์กร",
        "ล้านนา",
        "เอ็ดตะโร",
        "หมื่นๆ",
        "ศูนย์บริการ",
        "แสนง่าย",
        "ยี่ห้อ",
        "หลายร้อยคน",
        "นับพันราย",
        "เดือนกุมภาพันธ์",
    ],
)
def test_thai_words_that_are_not_numbers(text):
    assert read_numbers(text) == ()


def test_thai_number_word_glued_inside_sentence():
    mentions = read_numbers("สามารถขยายความร่วมมือกับพันธมิตรสองราย")
    assert [(m.value, m.text, m.unit) for m in mentions] == [(2, "สอง", "ราย")]


def test_thai_percent_word_before_number_word():
    (mention,) = read_numbers("ร้อยละห้าสิบ")
    assert (mention.value, mention.kind, mention.text) == (50, "percent", "ร้อยละห้าสิบ")


# --- read_numbers: years, dates, periods, ordinals, identifiers ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Launch by 2026", [(2026, "year")]),
        ("ภายในปี 2569", [(2569, "year")]),
        ("ปีงบประมาณ 2570", [(2570, "year")]),
        ("FY2570 budget", [(2570, "year")]),
        ("พ.ศ. ๒๕๖๙", [(2569, "year")]),
        ("by March 2026", [(2026, "year")]),
        ("ภายในเดือนมีนาคม 2569", [(2569, "year")]),
        ("by end of 2025", [(2025, "year")]),
        ("Q3", [(3, "period")]),
        ("Q1 2026", [(1, "period"), (2026, "year")]),
        ("H1", [(1, "period")]),
        ("ไตรมาส 2", [(2, "period")]),
        ("ไตรมาสที่ 3 ปี 2569", [(3, "period"), (2569, "year")]),
        ("31/12/2026", [(20261231, "date")]),
        ("2026-03-31", [(20260331, "date")]),
        ("31 March 2026", [(20260331, "date")]),
        ("March 31, 2026", [(20260331, "date")]),
        ("31 มี.ค. 2569", [(25690331, "date")]),
        ("2,500 users", [(2500, "number")]),
        ("2500 users", [(2500, "number")]),
        ("in 2000 stores", [(2000, "number")]),
        ("reach 2026", [(2026, "number")]),
        ("ครั้งที่ 2", [(2, "ordinal")]),
        ("ครั้งที่สอง", [(2, "ordinal")]),
        ("the 3rd release", [(3, "ordinal")]),
        ("อันดับ 1", [(1, "number")]),
        ("top 3 in the market", [(3, "number")]),
        ("rank 1", [(1, "number")]),
    ],
)
def test_years_dates_periods(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Achieve ISO 27001 certification",
        "Migrate to v2",
        "Recover from COVID-19",
        "Build for Web 3.0",
        "Roll out 5G",
        "Enforce 2FA",
        "Upgrade to 2.1.0",
        "24/7 support",
        "Cut p95 latency",
        "Grow B2B",
    ],
)
def test_identifiers_are_not_numbers(text):
    assert [m for m in read_numbers(text) if m.kind != "year"] == []


# --- offsets -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_texts"),
    [
        ("เพิ่มจาก ๔๐๐ คน เป็น ๕๐๐ คน", ["๔๐๐", "๕๐๐"]),
        ("ร้อยละ ๘๐", ["ร้อยละ ๘๐"]),
        ("NPS 4.1/5 → 4.5/5", ["4.1/5", "4.5/5"]),
        ("$2M by Q3 2026", ["$2M", "Q3", "2026"]),
        ("ลดลง -5% และ 1.2k", ["-5%", "1.2k"]),
        ("ยอดขาย ๒ ล้านบาท", ["๒ ล้านบาท"]),
        ("สามสิบห้าคน", ["สามสิบห้า"]),
    ],
)
def test_offsets_point_into_original_text(text, expected_texts):
    mentions = read_numbers(text)
    assert [m.text for m in mentions] == expected_texts
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_mentions_are_sorted_and_frozen():
    mentions = read_numbers("two teams, 3 squads, ๔ กลุ่ม")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert isinstance(mentions, tuple)
    with pytest.raises(AttributeError):
        mentions[0].value = 1  # type: ignore[misc]
    assert isinstance(mentions[0], NumberMention)


# --- read_change -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "baseline", "target", "direction"),
    [
        # English from/to
        ("Increase weekly signups from 400 to 500", 400, 500, "up"),
        ("Cut p95 latency from 95 s to 40 s", 95, 40, "down"),
        ("Grow conversion from 3% to 5%", 3, 5, "up"),
        ("Signups 400 → 500", 400, 500, "up"),
        ("Signups 400 -> 500", 400, 500, "up"),
        ("Increase signups 400 to 500", 400, 500, "up"),
        ("Increase activation by 20% (from 40% to 60%)", 40, 60, "up"),
        ("Raise CSAT from 4.1/5 to 4.5/5", 4.1, 4.5, "up"),
        ("Lift MRR from a baseline of 80k to 120k", 80_000, 120_000, "up"),
        ("Reach 500 customers vs 400 today", 400, 500, "up"),
        ("Weekly demos: 12 (baseline: 8)", 8, 12, "up"),
        ("Increase NPS to 50 (currently 30)", 30, 50, "up"),
        # English single-sided
        ("Grow MRR by 20%", None, 20, "up"),
        ("Grow the partner network to at least 500 shops", None, 500, "up"),
        ("Reach 500 paying teams", None, 500, None),
        ("Keep availability above 95%", None, 95, "up"),
        ("Keep error rate below 2%", None, 2, "down"),
        ("Answer tickets in under 3 minutes", None, 3, "down"),
        ("Less than 5 open bugs", None, 5, "down"),
        ("More than 90% of orders on time", None, 90, "up"),
        ("Uptime ≥ 95%", None, 95, "up"),
        ("Incidents <= 2 per month", None, 2, "down"),
        ("95%+ of builds green", None, 95, "up"),
        ("Maintain 99.9% uptime", None, 99.9, None),
        ("Increase revenue to 5M by Q3 2026", None, 5_000_000, "up"),
        ("Reduce errors to 2 per 1,000 requests", None, 2, "down"),
        ("Onboard 5 partners and sign 20 contracts", None, 20, None),
        ("Ship 3 features", None, 3, None),
        ("Currently 400 signups a week", 400, None, None),
        ("Reduce churn to no more than 2%", None, 2, "down"),
        # Thai
        ("เพิ่มผู้ใช้งานจาก 400 เป็น 500", 400, 500, "up"),
        ("เพิ่มผู้ใช้งานจาก 400 ให้เป็น 500", 400, 500, "up"),
        ("เพิ่มผู้ใช้งานจาก 400 คน เป็น 500 คน", 400, 500, "up"),
        ("เพิ่มผู้ใช้งานจากเดิม 400 เป็น 500", 400, 500, "up"),
        ("ลดของเสียจาก 20% เหลือ 10%", 20, 10, "down"),
        ("ลดข้อร้องเรียนจาก ๔๐๐ เรื่อง เหลือ ๒๕๐ เรื่อง", 400, 250, "down"),
        ("ลดของเสียให้เหลือ 10%", None, 10, "down"),
        ("มียอดขายให้ได้ 500 ชิ้น", None, 500, None),
        ("ความพึงพอใจไม่น้อยกว่า 500 คะแนน", None, 500, "up"),
        ("ตอบกลับลูกค้าไม่เกิน 3 วัน", None, 3, "down"),
        ("ความพึงพอใจไม่ต่ำกว่าร้อยละ 80", None, 80, "up"),
        ("มีผู้เข้าร่วมอย่างน้อย 500 คน", None, 500, "up"),
        ("อัตราการส่งตรงเวลามากกว่า 90%", None, 90, "up"),
        ("อัตราของเสียต่ำกว่า 2%", None, 2, "down"),
        ("ตอบกลับภายใน 2 วัน", None, 2, "down"),
        ("ลูกค้าพึงพอใจร้อยละ 80", None, 80, None),
        ("ค่าฐาน 400", 400, None, None),
        ("ปัจจุบัน 400 ราย", 400, None, None),
        ("ยอดขายรายเดือน 500 ชิ้น (ปัจจุบัน 400)", 400, 500, "up"),
        ("ลดต้นทุนลง 10% ภายในปี 2569", None, 10, "down"),
        ("เพิ่มยอดขาย 20% ภายใน 6 เดือน", None, 20, "up"),
        ("เพิ่มยอดขายเป็น 500 จาก 400", 400, 500, "up"),
        ("ลดเวลารอจาก ๙๕ วินาที เป็น ๔๐ วินาที", 95, 40, "down"),
        ("ผู้ใช้ 500 คนขึ้นไป", None, 500, "up"),
        ("รักษาระดับความพร้อมใช้งาน 99.9%", None, 99.9, None),
        ("คะแนนรีวิวเพิ่มเป็น 4.6 จาก 5 คะแนน", None, 4.6, "up"),
        ("จัดอบรมหนึ่งครั้งต่อเดือน", None, 1, None),
        ("ลดเวลาลงครึ่งหนึ่ง", None, 0.5, "down"),
        # mixed
        ("เพิ่ม MAU from 10k to 15k ภายใน Q2", 10_000, 15_000, "up"),
    ],
)
def test_read_change(text, baseline, target, direction):
    change = read_change(text)
    assert change is not None
    assert (change.baseline, change.target, change.direction) == (baseline, target, direction)


def test_read_change_target_mention_kind_and_offsets():
    text = "Grow activation by 20% in Q3"
    change = read_change(text)
    assert change.target_mention.kind == "percent"
    assert text[change.target_mention.start : change.target_mention.end] == "20%"
    assert change.baseline_mention is None


def test_read_change_accepts_precomputed_numbers():
    text = "ลดเวลาตอบกลับจาก ๔๘ ชั่วโมง เหลือ ๒๔ ชั่วโมง"
    numbers = read_numbers(text)
    change = read_change(text, numbers)
    assert change == Change(48.0, 24.0, "down", numbers[0], numbers[1])


@pytest.mark.parametrize(
    "text",
    [
        "Improve onboarding experience",
        "พัฒนาความสามารถของทีมขาย",
        "Launch by Q3 2026",
        "ภายในไตรมาส 2 ปี 2569",
        "Achieve ISO 27001 certification",
        "ส่งมอบก่อน 31/12/2026",
        "",
    ],
)
def test_read_change_none(text):
    assert read_change(text) is None


# --- parse_number ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200),
        ("๔๐๐", 400),
        ("35%", 35),
        ("4.5/5", 4.5),
        ("หนึ่งพัน", 1000),
        ("1.2k", 1200),
        ("2 ล้าน", 2_000_000),
        ("  42  ", 42),
        ("-5", -5),
        ("400 users", 400),
        ("500 คน", 500),
        ("฿1,000", 1000),
        ("ร้อยละ 80", 80),
        ("twelve", 12),
        ("2026", 2026),
        ("0.75", 0.75),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "abc", "n/a", "1, 2", "Q3", "v2", "ห้าง", "about 400 or so", "31/12/2026"])
def test_parse_number_none(text):
    assert parse_number(text) is None


# --- robustness ------------------------------------------------------------------------------------------


def test_random_text_never_breaks_offsets():
    import random

    rng = random.Random(7)
    pieces = [
        "จาก", "เป็น", "เหลือ", "ร้อยละ", "ปี", "สาม", "สิบ", "ห้า", "พัน", "ล้าน", "บาท", "คน", "ครั้ง",
        "from", "to", "by", "Q", "FY", "v", "%", "/", "-", ":", ",", ".", " ", " ", "→", "$", "฿",
        "1", "2", "0", "๕", "๙", "2569", "2026", "1,200", "4.5", "k", "M", "one", "twenty", "a dozen",
    ]  # fmt: skip
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        mentions = read_numbers(text)
        for m in mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
        read_change(text, mentions)
        parse_number(text)


def test_word_ending_like_an_ordinal_marker_is_not_one():
    # "เจ้าหน้าที่" (officer) ends in "หน้าที่", which also reads "page no."; the 4 is a count.
    (mention,) = read_numbers("จัดอบรมให้เจ้าหน้าที่ 4 ครั้ง")
    assert mention.kind == "number" and mention.value == 4 and mention.unit == "ครั้ง"


# --- "X จาก N" after a threshold: a score out of N, not a change --------------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "denominator", "direction"),
    [
        ("คะแนนความพึงพอใจของลูกค้า ไม่ต่ำกว่า 4.5 จาก 5", 4.5, 5, "up"),
        ("ความพึงพอใจ ไม่น้อยกว่า 4.2 จาก 5", 4.2, 5, "up"),
        ("ผลประเมินอย่างน้อย 8 จาก 10", 8, 10, "up"),
        ("คะแนนรีวิวไม่ต่ำกว่า ๔.๖ จาก ๕", 4.6, 5, "up"),
        ("Keep CSAT at least 4.5 out of 5", 4.5, 5, "up"),
        ("รักษาระดับความพึงพอใจ 4 จาก 5", 4, 5, None),
        ("เพิ่มคะแนนเป็น 4.6 จาก 5", 4.6, 5, "up"),
        ("ข้อร้องเรียนไม่เกิน 2 จาก 100 ราย", 2, 100, "down"),
    ],
)
def test_score_out_of_scale_after_threshold(text, target, denominator, direction):
    change = read_change(text)
    assert change.baseline is None and change.baseline_mention is None
    assert (change.target, change.direction) == (target, direction)
    assert (change.target_mention.kind, change.target_mention.denominator) == ("ratio", denominator)


@pytest.mark.parametrize(
    ("text", "baseline", "target", "direction"),
    [
        ("เพิ่มจาก 400 เป็น 500", 400, 500, "up"),
        ("ลดจาก 5 เหลือ 3", 5, 3, "down"),
        ("ลดจาก 5 วัน เหลือ 3 วัน", 5, 3, "down"),
        ("ลดให้เหลือ 3 จาก 5", 5, 3, "down"),  # a change told backwards
        ("คะแนน 4 จาก 5 เป็น 4.5", 5, 4.5, "down"),  # a change marker after N makes จาก "from"
    ],
)
def test_jaak_stays_a_change(text, baseline, target, direction):
    change = read_change(text)
    assert (change.baseline, change.target, change.direction) == (baseline, target, direction)
    assert all(m.kind != "ratio" for m in read_numbers(text))


# --- signs ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "baseline", "target", "direction"),
    [
        ("Raise eNPS from +5 to +25", 5, 25, "up"),
        ("Raise eNPS from -10 to +15", -10, 15, "up"),
        ("NPS from −12 to +10", -12, 10, "up"),
        ("เพิ่ม eNPS จาก +5 เป็น +20", 5, 20, "up"),
        ("Grow NPS to +30", None, 30, "up"),
        ("Keep eNPS above +10", None, 10, "up"),
        ("ลดส่วนต่างจาก -4 ให้เหลือ -1", -4, -1, "up"),
    ],
)
def test_signed_numbers_in_changes(text, baseline, target, direction):
    change = read_change(text)
    assert (change.baseline, change.target, change.direction) == (baseline, target, direction)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NPS −12", [(-12, "−12")]),
        ("+25", [(25, "+25")]),
        ("eNPS +5", [(5, "+5")]),
        ("(-3) today", [(-3, "-3")]),
        ("5-10 users", [(5, "5"), (10, "10")]),
        ("1+1 offers", [(1, "1"), (1, "1")]),
        ("500+ users", [(500, "500")]),
    ],
)
def test_signs(text, expected):
    assert [(m.value, m.text) for m in read_numbers(text)] == expected


# --- product and programme names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ย้ายระบบอีเมลไปใช้ Microsoft 365",
        "Roll out Office 365 to all staff",
        "Office 365 licences for every branch",
        "Go live on Dynamics 365",
        "Upgrade laptops to Windows 11",
        "Support iPhone 15",
        "Certify on Galaxy S24",
        "Target Android 14",
        "Move services to Java 21",
        "Port scripts to Python 3.12",
        "Migrate to SAP S/4HANA",
        "Prepare for Industry 4.0",
        "Align with Thailand 4.0",
        "สนับสนุนนโยบายไทยแลนด์ 4.0",
        "Host the G20 summit",
        "Run Ubuntu 24.04 everywhere",
        "Upgrade to Exchange 2019",
    ],
)
def test_product_names_are_not_quantities(text):
    assert [m for m in read_numbers(text) if m.kind in ("number", "ratio", "percent", "word", "money")] == []
    assert read_change(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work from the office 3 days a week", [(3, "number")]),
        ("Office 3 days a week", [(3, "number")]),  # a capitalised word before a duration is no product
        ("Open 2 new offices", [(2, "number")]),
        ("Grow the java 2 community", [(2, "number")]),  # lower-case: the ordinary word
    ],
)
def test_product_words_used_as_ordinary_words(text, expected):
    assert values(text) == expected


# --- a period or month with its year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ภายในไตรมาส 2/2569", [(2, "period"), (2569, "year")]),
        ("Q2/2026", [(2, "period"), (2026, "year")]),
        ("ไตรมาสที่ 3/2569", [(3, "period"), (2569, "year")]),
        ("งวด 2/2569", [(2, "period"), (2569, "year")]),
        ("ภาคเรียนที่ 1/2569", [(1, "period"), (2569, "year")]),
        ("ไตรมาส 2/69", [(2, "period"), (69, "year")]),
        ("ประชุมครั้งที่ 2/2569", [(2, "ordinal"), (2569, "year")]),
        ("เริ่มใช้ 10/2569", [(25691000, "date")]),
        ("by 3/2026", [(20260300, "date")]),
        ("ตามคำสั่ง 15/2569", []),  # a document number
    ],
)
def test_number_slash_year_is_a_period_or_date(text, expected):
    assert values(text) == expected
    assert read_change(text) is None


@pytest.mark.parametrize(
    ("text", "value", "denominator"),
    [
        ("1500/2000 users", 1500, 2000),  # a count over a count, not a date
        ("5/10 reviews", 5, 10),
        ("รีวิว 4.5/5", 4.5, 5),
    ],
)
def test_slash_ratios_that_are_not_years(text, value, denominator):
    (mention,) = read_numbers(text)
    assert (mention.value, mention.kind, mention.denominator) == (value, "ratio", denominator)


def test_period_slash_year_offsets():
    text = "ภายในไตรมาส ๒/๒๕๖๙"
    assert [m.text for m in read_numbers(text)] == ["ไตรมาส ๒", "๒๕๖๙"]


# --- ranks ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Win the top-50 accounts", 50, "accounts"),
        ("Renegotiate top 10 vendor contracts", 10, "vendor"),
        ("Reach a Top-3 ranking", 3, "ranking"),
        ("ติดอันดับ 1", 1, None),
    ],
)
def test_rank_numbers_are_targets(text, value, unit):
    (mention,) = read_numbers(text)
    assert (mention.value, mention.kind, mention.unit) == (value, "number", unit)
    assert read_change(text).target == value


def test_hyphenated_names_still_skipped():
    assert read_numbers("Recover from COVID-19 and ship GPT-4 support") == ()


# --- units of time ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "baseline_unit", "target_unit", "direction"),
    [
        ("Cut lead time from 3 days to 20 minutes", "days", "minutes", "down"),
        ("ลดเวลาจาก 4 นาที เหลือ 90 วินาที", "นาที", "วินาที", "down"),
        ("ลดเวลาจาก 2 วัน เหลือ 4 ชั่วโมง", "วัน", "ชั่วโมง", "down"),
        ("ลดเวลาจาก 2 วัน เหลือ 4 ชม.", "วัน", "ชม.", "down"),
        ("Cut review time from 2 weeks to 3 days", "weeks", "days", "down"),
        ("Cut build time from 2 h to 30 min", "h", "min", "down"),
        ("Cut build time from 2 hrs to 30 sec", "hrs", "sec", "down"),
        ("Cut response from 90s to 2 min", "s", "min", "up"),
        ("Shorten onboarding from 3 months to 6 weeks", "months", "weeks", "down"),
        ("Resolve in 3 business days instead of 1 week", "days", "week", None),
    ],
)
def test_time_units_are_read_and_compared(text, baseline_unit, target_unit, direction):
    change = read_change(text)
    if direction is None:  # no change marker: only the units matter here
        units = [m.unit for m in read_numbers(text)]
        assert units == [baseline_unit, target_unit]
        return
    assert (change.baseline_mention.unit, change.target_mention.unit) == (baseline_unit, target_unit)
    assert change.direction == direction


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (90, "s", (90, "s")),
        (2, "sec", (2, "s")),
        (40, "ms", (0.04, "s")),
        (20, "minutes", (1200, "s")),
        (4, "นาที", (240, "s")),
        (90, "วินาที", (90, "s")),
        (1.5, "h", (5400, "s")),
        (2, "hrs", (7200, "s")),
        (4, "ชม.", (14400, "s")),
        (4, "ชั่วโมง", (14400, "s")),
        (3, "days", (259200, "s")),
        (2, "วัน", (172800, "s")),
        (2, "weeks", (1209600, "s")),
        (1, "สัปดาห์", (604800, "s")),
        (1, "month", (2592000, "s")),
        (1, "เดือน", (2592000, "s")),
        (3, "Days", (259200, "s")),
        (500, "users", (500, "users")),
        (35, "%", (35, "%")),
        (4, "คน", (4, "คน")),
        (7, None, (7, None)),
    ],
)
def test_to_base_unit(value, unit, expected):
    result = to_base_unit(value, unit)
    assert result[1] == expected[1]
    assert result[0] == pytest.approx(expected[0])


def test_to_base_unit_orders_mixed_durations():
    spans = [(3, "days"), (20, "minutes"), (4, "ชั่วโมง"), (90, "วินาที"), (1, "week")]
    ordered = sorted(spans, key=lambda s: to_base_unit(*s)[0])
    assert ordered == [(90, "วินาที"), (20, "minutes"), (4, "ชั่วโมง"), (3, "days"), (1, "week")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("เพิ่มจำนวน รพ.สต. ที่ผ่านเกณฑ์ติดดาว 8 แห่ง จาก 12 แห่ง", 8),
        ("ย้ายระบบขึ้นคลาวด์ภาครัฐ 12 ระบบ จาก 30 ระบบ", 12),
        ("เพิ่มคะแนนเป็น 4 จาก 5", 4),
    ],
)
def test_jaak_after_a_smaller_count_is_out_of_not_from(text, target):
    # "8 แห่ง จาก 12 แห่ง" is 8 out of 12; a decrease ("ลด ... 15 นาที จาก 40 นาที") or a larger first number
    # ("4.5 จาก 4.1") keeps จาก a change.
    change = read_change(text)
    assert (change.baseline, change.target) == (None, target)
    assert (read_change("ลดเวลารอ 15 นาที จาก 40 นาที").baseline, read_change("เพิ่มความพึงพอใจ 4.5 จาก 4.1").baseline) == (40, 4.1)


@pytest.mark.parametrize("text, baseline, target", [
    ("Payroll errors per month: 6 → 1", 6, 1),  # the number after a rate's label is its value, not a month
    ("Tickets a week: 300 -> 120", 300, 120),
    ("Win £2.4M in new research awards (2025/26: £1.7M)", 1_700_000, 2_400_000),  # a note for a split year
    ("Win £2.4M in awards (FY25/26: £1.7M)", 1_700_000, 2_400_000),
    ("Regretted attrition in the team: 4 people last year → at most 1", 4, 1),  # a baseline named after its number
    ("Cut churn: 5% last quarter → 3%", 5, 3),
])
def test_baselines_and_targets_as_plans_write_them(text, baseline, target):
    change = read_change(text)
    assert (change.baseline, change.target) == (baseline, target)


@pytest.mark.parametrize("baseline, baseline_text, target_text, target", [
    (185_000, "185,000 บาท/ปี", "เพิ่มขึ้นร้อยละ 10", 203_500), (60, "ร้อยละ 60", "เพิ่มขึ้นร้อยละ 10", 70),
    (200, "200", "reduce by 20%", 160), (200, "200", "ร้อยละ 80", None), (5, "5", "-1", None),
])
def test_a_change_written_in_a_target_cell(baseline, baseline_text, target_text, target):
    from okrlint.text.numbers import relative_target

    assert relative_target(baseline, baseline_text, target_text) == target


@pytest.mark.parametrize("cell, target", [("ร้อยละ ๘๐–๘๕", 80), ("๕,๘๐๐–๖,๐๐๐", 5_800), ("80–85%", 80), ("2026-2027", None)])
def test_a_range_in_a_target_cell_counts_from_its_low_end(cell, target):
    from okrlint.text.numbers import parse_goal

    goal = parse_goal(cell)
    assert (goal[1] if goal else None) == target


@pytest.mark.parametrize("text, values", [
    ("ทำแคมเปญ 12.12 และ สงกรานต์", []), ("Run the 11.11 campaign", []),
    ("Cut MTTR from 2.2 hours to 1.1 hours", [2.2, 1.1]),
])
def test_a_shopping_day_named_by_its_date_is_not_a_number(text, values):
    assert [m.value for m in read_numbers(text)] == values


@pytest.mark.parametrize("text", ["ผลงานตีพิมพ์ในฐาน TCI กลุ่ม ๑ เพิ่มขึ้น", "Win Tier 1 hospitals", "Grade 6 pupils read well"])
def test_a_tier_or_grade_number_names_which_one(text):
    assert [m.kind for m in read_numbers(text)] == ["ordinal"]


@pytest.mark.parametrize("cell, value", [("18,5%", 18.5), ("3,0 %", 3.0), ("1.250.000", 1_250_000), ("0,85", 0.85),
                                         ("1,200", 1_200), ("12,500", 12_500), ("4.5", 4.5)])
def test_european_decimal_commas_and_dotted_thousands_in_a_cell(cell, value):
    from okrlint.text.numbers import parse_number

    assert parse_number(cell) == value
