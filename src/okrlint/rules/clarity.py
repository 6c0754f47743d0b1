"""Clarity: objectives are qualitative and clear; each has a handful of key results; no vague words."""

from __future__ import annotations

import functools
import re
import sys
from difflib import SequenceMatcher
from types import SimpleNamespace

from okrlint.text import regexcache
from okrlint.text.nfc import nfc
from okrlint.text.numbers import in_year_range, normalize_digits
from okrlint.hookspecs import hookimpl
from okrlint.model import Objective
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.rules import measurability as _measurability
from okrlint.rules.measurability import has_placeholder
from okrlint.tags import classify_kind, leading_index


@rule(
    code="CLA001", name="objective-has-metric", category="clarity", severity="warning", scope="objective",
    summary="The objective statement carries numbers or targets that belong in its key results.",
    rationale="An objective says what you want and why, in words that motivate; the numbers that prove it "
    "belong in the key results. 'Reach 10,000 users' as an objective is a key result without an objective.",
    examples=[
        bad("Reach 10,000 paying customers in Vietnam", kind="objective"),
        bad("Grow revenue by 30%", kind="objective"),
        bad("เพิ่มยอดขายออนไลน์ 20 ล้านบาท", "th", kind="objective"),
        good("Make Vietnam our second home market", kind="objective"),
        good("Delight first-time buyers from the first click to delivery", kind="objective"),
        good("ทำให้ลูกค้าใหม่ประทับใจตั้งแต่วันแรกที่ใช้บริการ", "th", kind="objective"),
        good("Win the SME market in 2026", kind="objective", note="a year says when, not how much"),
        good("Every child in our partner schools leaves Year 3 reading with confidence", kind="objective",
             note="a school year names who, not how much"),
        bad("เพิ่มยอดจองห้องพักเป็นสองเท่า", "th", kind="objective", note="a multiple is a target, in words too"),
        good("ผู้ใช้น้ำทุกครัวเรือนได้รับน้ำสะอาดตลอด 24 ชั่วโมง", "th", kind="objective",
             note="round the clock, not an amount"),
        good("Build a customer 360 data platform for the sales team", kind="objective", note="a number in a name"),
    ],
)
def objective_has_metric(objective: Objective, ctx):
    facts = ctx.facts(objective.title)
    quantities = [n for n in facts.quantities if not _idiom_or_time_frame(n, facts.text, facts)]
    if quantities:
        shown = ", ".join(repr(n.text + _multiplier_after(facts.text, n)) for n in quantities[:3])
        yield Violation(f"the objective carries a metric ({shown}): keep objectives qualitative and move numbers to key results")
        return
    multiplier = _MULTIPLYING_VERB.match(facts.text)
    if multiplier:  # "Double our room bookings": the English of "เพิ่มยอดจองเป็นสองเท่า", a target in a verb
        yield Violation(f"the objective carries a metric ('{multiplier.group(1)}'): keep objectives qualitative and move "
                        "numbers to key results")


def _multiplier_after(text: str, number) -> str:
    """The "x" of "2x", "3×" and the "เท่า" of "สองเท่า": part of how the number is written."""
    times = re.match(r"\s*(?:เท่าตัว|เท่า)", text[number.end:])
    if times:
        return times.group(0)
    following = text[number.end: number.end + 1]
    return following if following in ("x", "X", "×") and not text[number.end + 1: number.end + 2].isalpha() else ""


_FRAME_WORDS = ("first", "next", "last", "initial", "opening")
# A plan, strategy or programme named right before its span: "แผนยุทธศาสตร์ 5 ปี", "แผนพัฒนาสุขภาพ 20 ปี", "หลักสูตร 4 ปี"
_PLAN_SPAN_BEFORE = regexcache.compile(r"(?:แผน|ยุทธศาสตร์|แม่บท|หลักสูตร|(?<![\w-])(?i:plan|strategy|roadmap))\S{0,30}\Z")
_DURATION_UNITS = frozenset("day days week weeks month months year years hour hours วัน สัปดาห์ เดือน ปี ชั่วโมง".split())


# Words after which a small whole number names a grade, tier or stage: "leaves Year 3", "Tier 1 cities",
# "นักเรียนชั้น ป.3", "วารสาร TCI ฐาน 1", "ระยะที่ 2".
_NAMING_WORDS = ("year", "grade", "class", "form", "key stage", "level", "tier", "phase", "stage", "step", "wave",
                 "band", "version", "ป.", "ม.", "ชั้น", "ฐาน", "เฟส", "ระยะที่", "ขั้นที่", "รุ่นที่", "กลุ่มที่")


def _idiom_or_time_frame(number, text: str, facts=None) -> bool:
    """Small numbers in words ("once", "two-sided", "zero surprises", "number one"), time frames ("in their
    first 90 days", "90 วันแรก"), grades or tiers ("Year 3 pupils", "TCI ฐาน 1"), round the clock ("ตลอด 24
    ชั่วโมง", "365 days a year") and names ("customer 360", "7-Eleven", "อุตสาหกรรม 4.0", "Fortune 500")
    describe the aim; they do not measure it."""
    if number.kind == "word" and number.value <= 10:
        # "เพิ่มยอดจองเป็นสองเท่า", "serve twice as many families": a multiple is a target, in words or not
        return not _multiplies(number, text)
    if _round_the_clock(number, text) or _joined_number_name(number, facts) or _a_double_day(number, text):
        return True
    if _a_year_named(number, text) or _names_an_age(number, text):
        return True
    if _names_a_whole_view(number, text) or _generation_name(number, text, facts):
        return True
    if number.kind in ("number", "ordinal") and number.value <= 12 and float(number.value).is_integer() and (
            text[: number.start].rstrip().lower().endswith(_NAMING_WORDS)):
        return True
    if (number.unit or "") in _DURATION_UNITS:
        before = text[: number.start].rstrip().lower()
        after = text[number.end:].lstrip()
        if _PLAN_SPAN_BEFORE.search(before):
            return True  # "ตามแผนยุทธศาสตร์ 5 ปี", "ยุทธศาสตร์ชาติ 20 ปี": a plan's span is its name, as "a 5-year plan"
        return before.endswith(_FRAME_WORDS) or after.startswith(f"{number.unit}แรก")
    return _names_a_thing(number, text) or _defines_a_segment(number, text) or _names_a_form(number, text)


# Ages name whom a public service serves: "People aged 65 and over", "Children under 5", "the over-75s", "16-24 year
# olds", "ผู้สูงอายุ อายุ 60 ปีขึ้นไป", "เด็กอายุต่ำกว่า 5 ปี"
_AGE_BEFORE = regexcache.compile(
    r"(?:(?<![\w-])(?i:aged|ages|age)\s+(?:(?i:under|over|between|from|of|up\s+to)\s+)?"
    r"|(?<![\w-])(?i:children|child|kids|babies|infants|toddlers|people|adults|pupils|residents|patients|women|men|girls"
    r"|boys|teenagers|those)\s+(?i:under|over|below|above)\s+"
    r"|อายุ\s*(?:ต่ำกว่า|ไม่เกิน|เกิน|มากกว่า|ตั้งแต่|ระหว่าง|น้อยกว่า)?\s*)"
    r"(?:[0-9๐-๙]{1,3}\s*(?:[-–]|(?i:to|and)|ถึง)\s*)?\Z")
_AGE_AFTER = regexcache.compile(
    r"(?:\s*[-–]\s*[0-9]{1,3})?[- ]?(?i:years?[- ]olds?|yr[- ]olds?|yos?\b)"
    r"|\s*\+?\s*(?i:and\s+(?:over|older|above|under|younger)|or\s+(?:over|older|younger))\b")
_OVER_UNDER = regexcache.compile(r"(?<![\w-])(?i:over|under)[- ]?\Z")
_PLURAL_S = regexcache.compile(r"s\b")


def _names_an_age(number, text: str) -> bool:
    """An age or a band of ages that says who the customers are, not a level to reach."""
    if number.kind not in ("number", "word") or not 0 <= number.value <= 120 or not float(number.value).is_integer():
        return False
    if text[number.end: number.end + 1] == "%":
        return False
    before = text[max(0, number.start - 40): number.start]
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(text, number.end):
        return True
    # a band from birth that names a service ("the 0-19 service") is a name to the number reader already
    return _OVER_UNDER.search(before) is not None and _PLURAL_S.match(text, number.end) is not None  # "the over-75s"


# Before a number that is a value, not a name: "raise the rating to 4.4", "ให้ได้ 9.9"
_VALUE_BEFORE = regexcache.compile(r"(?:(?<![\w-])(?i:to|at|above|below|over|under|from|than|of|by|reach|hit|keep|"
                                   r"score|scores|rating|rated|average|least|most)|เป็น|ที่|ถึง|เหลือ|จาก|ได้|ไม่ต่ำกว่า|"
                                   r"ไม่เกิน|เฉลี่ย|คะแนน|[<>≥≤=~])\s*\Z")


# Before a year that names when or which ("the 2027 engagement survey", "our 2026 roadmap", "in 2027", "ปี 2570")
_YEAR_BEFORE = regexcache.compile(r"(?:(?<![\w-])(?i:the|our|this|its|their|in|by|for|during|until|before|after|since|through"
                                  r"|fy)|ปี|พ\.ศ\.|ค\.ศ\.)\s*\Z")


def _a_year_named(number, text: str) -> bool:
    """A calendar year (Common Era or Buddhist Era), written as four digits after a word that says when or which: it
    dates or names the aim, it does not measure it."""
    if number.kind != "number" or not float(number.value).is_integer():
        return False
    written = text[number.start: number.end]
    if not (len(written) == 4 and written.isdigit() and (1990 <= number.value <= 2100 or 2530 <= number.value <= 2650)):
        return False
    if text[number.end: number.end + 1] in ("%", "x", "×"):
        return False
    return bool(_YEAR_BEFORE.search(text[: number.start]))


def _a_double_day(number, text: str) -> bool:
    """A shopping-festival day named by its date, the month's number twice: "the 11.11 peak", "ช่วง 12.12", "9.9
    sale". It names a day, whatever word follows, unless the sentence makes it a value ("rating to 4.4", "4.4%")."""
    if number.kind != "number":
        return False
    day, dot, month = number.text.partition(".")
    if not dot or day != month or not day.isdigit() or not 1 <= int(day) <= 12 or day.startswith("0"):
        return False
    following = text[number.end: number.end + 2]
    if following[:1] in ("%", "x", "×", "*") or following.strip()[:1].isdigit():
        return False
    return _VALUE_BEFORE.search(text[: number.start]) is None


# A number that names a form, a standard or a transaction type, not how many: "Form 941", "แบบ ภ.ง.ด.50", "the 837/835
# EDI parser", "1099 filing", "a 2210 message feed". A count is of things in the plural ("900 claims", "1,200 filings");
# the name stands before one kind of document or piece of work in the singular.
_FORM_BEFORE = regexcache.compile(r"(?:(?<![\w-])(?i:form|schedule|transaction\s+set)|แบบ|แบบฟอร์ม)\s*\Z")
_FORM_AFTER = regexcache.compile(
    r"(?:\s+[A-Z][A-Z0-9]{1,6})*(?:\s+[a-z]+(?<!s))?\s+(?i:parser|parsing|filing|form|return|message|transaction|file|feed|format|interface"
    r"|spec|specification|schema|standard|template|integration|export|import|submission|reconciliation|reporting|workflow"
    r"|mapping|validator|validation|engine|processing|generator)(?![\w-])"
    r"(?!\s+(?!(?:for|before|by|on|in|to|with|from|at|and|across|as|is|this|our|its)\b)[a-z]+s\b)")  # "…integration partners"
_WRITTEN_AS_A_NAME = regexcache.compile(r"\d{1,5}(?:/\d{1,5})*")


def _names_a_form(number, text: str) -> bool:
    if number.kind not in ("number", "ratio"):
        return False
    written = text[number.start: number.end]
    if not _WRITTEN_AS_A_NAME.fullmatch(written):
        return False  # "1,099", "12.5": an amount, written as one
    if _FORM_BEFORE.search(text, max(0, number.start - 20), number.start):
        return True  # "Form 941", "แบบ 50 ทวิ"
    return all(len(part) >= 3 for part in written.split("/")) and _FORM_AFTER.match(text, number.end) is not None


# A bound that says which ones, not how many: "fleets (500+ trucks)", "carriers with 50+ trucks", "customers with
# more than 100 seats", "ร้านค้าที่มีพนักงาน 10 คนขึ้นไป". The size band names a segment; "reach 50+ carriers",
# "Grow to 500 trucks" set a target.
_BAND_AFTER = regexcache.compile(r"\s*\+|[^\S\n]*\S*?\s*(?:ขึ้นไป|หรือมากกว่า|(?i:or\s+more|and\s+(?:up|above|over))\b)")
_BAND_OPENS = regexcache.compile(
    r"(?:\(\s*|(?<![\w-])(?i:with|having|of|from)\s+(?:(?i:more\s+than|over|at\s+least|above|under|fewer\s+than|"
    r"less\s+than|up\s+to)\s+)?)\Z")
_BAND_OPENS_TH = regexcache.compile(r"ที่มี[\u0e01-\u0e4e]{0,20}\s*(?:มากกว่า|ตั้งแต่|เกิน|ไม่ต่ำกว่า)?\s*\Z")
_BAND_COMPARES = regexcache.compile(r"(?<![\w-])(?i:more\s+than|over|at\s+least|above|under|fewer\s+than|less\s+than)\s+\Z")


def _defines_a_segment(number, text: str) -> bool:
    before = text[max(0, number.start - 40): number.start]
    bounded = _BAND_AFTER.match(text, number.end) is not None or _BAND_COMPARES.search(before) is not None
    if before.rstrip().endswith("(") and text[number.end: number.end + 1] == "+":
        return True  # "(500+ trucks)": a bracket that says which fleets
    if not bounded:
        return False
    if _BAND_OPENS_TH.search(before):
        return True
    return bool(_BAND_OPENS.search(before)) and not before.rstrip().endswith("(")


def _names_a_thing(number, text: str) -> bool:
    """A number that is part of a name: "5S", "3.x", "Tessera 3", "Windows 11", or a year ("the 2026-27 budget")."""
    if number.kind not in ("number", "ordinal"):
        return False
    value = number.value
    written = _NAME_NUMBER.match(text, number.start)
    if written and written.group("tail"):
        return True  # "5S", "3.x", "ISO27001A": the number is part of a word
    if _SECTION_MARK.match(text, number.end):
        return True  # "401(k)", "Section 8(a)": a plan's or a law's section, not an amount
    if _SPLIT_YEAR_TAIL.search(text[: number.start + (text[number.start: number.start + 1] in "-–")]):
        return True  # "27" of "2026-27"
    if text[: number.start].rstrip().lower().endswith(("top", "top-")):
        return True  # "our top 50 accounts": which accounts, not how many to reach
    if _after_a_proper_name(number, text):
        return True  # "a Fortune 500 supplier", "Thailand 4.0"
    if number.unit:
        return False
    if float(value).is_integer() and in_year_range(value):
        return True  # a year the reader took for a number ("the 2026-27 budget")
    before = text[: number.start].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    # "Ship Tessera 3", "Python 3": a version after a name that is not the sentence's first word
    return value <= 20 and float(value).is_integer() and len(word) > 1 and word[0].isupper() and word[1:].islower() \
        and word.isalpha() and len(before) > len(word)


_MULTIPLIER_UNITS = frozenset({"เท่า", "เท่าตัว", "times", "fold", "x", "×"})
_MULTIPLYING_VERB = regexcache.compile(r"\s*(?:to\s+|we\s+will\s+)?(?i:(double|triple|quadruple|halve))\s+(?!down\b|up\b)(?i:our|the|their|its|[a-z])")


def _multiplies(number, text: str) -> bool:
    """"สองเท่า", "two times", "twice as many", "3x": a number that multiplies a measure."""
    if (number.unit or "").lower() in _MULTIPLIER_UNITS or text[number.end: number.end + 4].lstrip().startswith(("เท่า", "-fold")):
        return True
    return number.text.lower() in ("twice", "thrice") and re.match(r"\s+as\b", text[number.end:], re.IGNORECASE) is not None


# A number that is the whole of a longer period: "ตลอด 24 ชั่วโมง", "24 hours a day", "7 days a week", "365 วันต่อปี".
_FULL_SPANS = {(24.0, "hour"), (7.0, "day"), (365.0, "day"), (12.0, "month"), (52.0, "week")}
_SPAN_UNITS = {"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "ชั่วโมง": "hour", "ชม": "hour", "ชม.": "hour",
               "day": "day", "days": "day", "วัน": "day", "week": "week", "weeks": "week", "สัปดาห์": "week",
               "month": "month", "months": "month", "เดือน": "month"}
_SPAN_WORD = r"(?:hours?|hrs?|ชั่วโมง|ชม\.?|days?|วัน|weeks?|สัปดาห์|months?|เดือน)"
_ROUND_BEFORE = regexcache.compile(r"(?:ตลอด|ทั้ง|(?i:\b(?:a?round\s+the|all|full)))\s*$")
_WITHIN_BEFORE = regexcache.compile(r"(?:ภายใน|ไม่เกิน|ใน|(?i:\b(?:within|under|in|less\s+than|at\s+most|max)))\s*$")
_ROUND_AFTER = regexcache.compile(
    rf"\s*{_SPAN_WORD}\s*[,/]?\s*(?:(?:ต่อ|ทุก|ใน\s*1\s*|(?i:a|an|per|every|each|/|in\s+a|of\s+the))\s*"
    r"(?:วัน|สัปดาห์|ปี|(?i:day|week|year))(?![a-z])|ไม่(?:มี)?(?:วัน)?หยุด|(?:7|๗)\s*(?:วัน|(?i:days?)))"
)
_FULL_SPAN_BEFORE = regexcache.compile(rf"(?:24|๒๔)\s*{_SPAN_WORD}\s*[,/]?\s*$")


def _round_the_clock(number, text: str) -> bool:
    """"ตลอด 24 ชั่วโมง", "24 hours a day, 7 days a week", "24x7", "365 days a year": always, not an amount
    ("within 24 hours" is one)."""
    if number.value == 24 and re.match(r"\s*[x×/]\s*(?:7|๗)(?!\d)", text[number.end:]):
        return True  # "24x7", "24×7"
    if number.value == 7 and re.search(r"(?:24|๒๔)\s*[x×/]\s*$", text[: number.start]):
        return True
    span = _SPAN_UNITS.get((number.unit or "").lower().rstrip(".") if number.unit != "ชม." else "ชม.")
    if (float(number.value), span) not in _FULL_SPANS:
        return False
    before = text[: number.start]
    if _WITHIN_BEFORE.search(before):
        return False  # "within 24 hours": a deadline, which is a measure
    return bool(_ROUND_BEFORE.search(before) or _ROUND_AFTER.match(text, number.end)
                or _FULL_SPAN_BEFORE.search(before))


_WHOLE_VIEW_OF = regexcache.compile(
    r"(?:(?i:\b(?:customer|client|patient|citizen|member|employee|student|guest|user|shopper|partner|merchant|"
    r"supplier|account|donor|tenant|product|people))s?|ลูกค้า|ผู้ป่วย|ประชาชน|สมาชิก|พนักงาน|ผู้ใช้|นักเรียน|ผู้รับบริการ)\s*$")


def _names_a_whole_view(number, text: str) -> bool:
    """"customer 360", "a 360-degree view", "มุมมอง 360 องศา": a full turn, the picture of a whole view."""
    if number.value != 360:
        return False
    if (number.unit or "").lower() in ("degree", "degrees", "องศา", "°") or text[number.end: number.end + 1] == "°":
        return True
    return bool(_WHOLE_VIEW_OF.search(text[: number.start])) and not re.search(r"[\u0e00-\u0e7f]", number.unit or "")


def _joined_number_name(number, facts) -> bool:
    """"7-Eleven", "Seven-Eleven": two numbers, one in words, joined by a hyphen into a name (a range is "10-20")."""
    if facts is None:
        return False
    for other in facts.numbers:
        if other is number or "word" not in (other.kind, number.kind):
            continue
        first, second = sorted((number, other), key=lambda n: n.start)
        if facts.text[first.end: second.start] == "-" and second.text[:1].isupper():
            return True
    return False


def _generation_name(number, text: str, facts) -> bool:
    """"อุตสาหกรรม 4.0", "Thailand 4.0", "Industry 4.0": a generation written 'N.0' after the name of a field,
    not a score ("ความพึงพอใจเป็น 4.0", "CSAT 4.0")."""
    written = normalize_digits(number.text)
    if not re.fullmatch(r"[1-9]\.0", written) or number.unit:
        return False
    before = text[: number.start].rstrip()
    if not before or not re.search(r"[A-Za-z\u0e00-\u0e7f]$", before):
        return False
    if re.search(r"(?:เป็น|ถึง|ที่|ได้|ระดับ|คะแนน|กว่า|เกิน|(?i:\b(?:to|of|at|reach|above|below|over|under|score|rating|"
                 r"csat|gpa|nps|than|least|most)))$", before):
        return False
    lowered = before.lower()
    return facts is None or not any(lowered.endswith(h.term.lower()) for c in ("metric", "good_measures")
                                    for h in facts.hits(c))


# Capitalised words that lead into an amount, not a name ("Grow Revenue To 500", "Reach 500").
_NOT_A_NAME = frozenset("""to by of from at in on than over under reach hit grow raise cut add win serve get
    make double top all every each and or with for per""".split())


def _after_a_proper_name(number, text: str) -> bool:
    """A whole number straight after a capitalised name in the middle of a sentence ("a Fortune 500 supplier",
    "SET 100 companies"), unless the title capitalises every word ("Grow Paying Customers 500")."""
    if number.kind != "number" or not float(number.value).is_integer() or re.search(r"[\u0e00-\u0e7f]", number.unit or ""):
        return False
    before = text[: number.start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if len(words) < 2:
        return False
    word = words[-1]
    if not (word.isalpha() and word[0].isupper() and word[1:].islower()) or word.lower() in _NOT_A_NAME:
        return False
    others = [w for w in text.split()[1:] if w[:1].isalpha() and w.isascii() and w != word]
    return sum(w[0].isupper() for w in others) * 2 < len(others)


_SECTION_MARK = regexcache.compile(r"\([a-z]{1,2}\)|\((?:i|ii|iii|iv|v)\)")
_SPLIT_YEAR_TAIL = regexcache.compile(r"(?:19|20)[0-9]{2}\s*[-–/]\s*$")
_NAME_NUMBER = regexcache.compile(r"[-–]?[0-9]+(?P<tail>[A-Z](?![a-z])|\.[xX]\b)?")


@rule(
    code="CLA002", name="kr-count", category="clarity", severity="warning", scope="objective",
    summary="An objective has fewer than 2 or more than 5 key results (configurable).",
    rationale="One key result rarely captures an objective (and invites gaming it); more than five dilutes focus "
    "and usually mixes tasks in. Options: `min` and `max`.",
    options={"min": 2, "max": 5},
    examples=[
        bad("team: a\nobjectives:\n  - title: Delight new customers\n    key_results:\n      - Raise onboarding CSAT from 4.1 to 4.5\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: Delight new customers\n    key_results:\n      - Raise onboarding CSAT from 4.1 to 4.5\n      - Cut time to first value from 9 days to 3 days\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: ลูกค้าใหม่ประทับใจ\n    key_results:\n      - เพิ่มคะแนนความพึงพอใจจาก 4.1 เป็น 4.5\n", "th", kind="yaml"),
    ],
)
def kr_count(objective: Objective, ctx):
    low, high = int(ctx.option("min", 2)), int(ctx.option("max", 5))
    count = len(objective.key_results)
    if count == 0:
        yield Violation("the objective has no key results: add 2 to 5 measurable outcomes")
    elif count < low:
        yield Violation(f"the objective has {count} key result{'s' if count != 1 else ''}; aim for {low} to {high}")
    elif count > high:
        yield Violation(f"the objective has {count} key results; keep {low} to {high} and move the rest to a backlog")


def _leads_with_vague(facts) -> bool:
    """The objective is only a vague verb and its object: "Improve the product experience", "ยกระดับงานวิจัย"."""
    hits = facts.hits("vague")
    if not hits:
        return False
    if any(h.term.rstrip("*") in _EMPTY_QUALIFIERS for h in hits) and not _starts_with_someone(facts):
        return True  # "ยกระดับงานวิจัยให้ดียิ่งขึ้น", "พัฒนาระบบ...ให้มีประสิทธิภาพ", "a world-class support team"
    if facts.tokens and facts.tokens[0] in _RAISING_VERBS and any(h.term in ("มีคุณภาพ", "ให้มีคุณภาพ") for h in hits):
        return True  # "พัฒนางานสาธารณสุขอำเภอให้มีคุณภาพ": only a wish that the work be good ("…การดูแลที่มีคุณภาพ" says for whom)
    if hits[0].index == 0 and hits[0].term == "ปรับปรุง":
        return True  # "ปรับปรุงความปลอดภัยไซเบอร์": "improve", in Thai
    if facts.tokens and facts.tokens[0] in ("make", "get", "become") and len(facts.tokens) <= 6:
        return True  # "Make the library better", "Get our onboarding right": only a wish for better
    if facts.tokens and facts.tokens[0] in ("be", "do") and len(facts.tokens) <= 6 \
            and not _PLACE_TO_WORK.search(facts.text):
        return True  # "Be a better partner", "Do better at customer service", as "Become a better partner" ("Be a
        # great place to work" is an aspiration for the people who work there)
    if facts.tokens and facts.tokens[0] in ("run", "build", "create", "deliver", "offer", "provide") \
            and len(facts.tokens) <= 7 and hits[0].index <= 4 \
            and not any(facts.has(c) for c in ("customer", "internal_customer", "employees")):
        return True  # "Run a leaner, more efficient operation": a vague state, for nobody ("Be a great place to work"
        # is an aspiration for the people who work there)
    if facts.tokens and facts.tokens[0] in _THAI_BUILD_VERBS and len(facts.tokens) <= 7 \
            and any(h.term in _THAI_GOOD for h in hits) \
            and not any(facts.has(c) for c in ("customer", "internal_customer", "employees")):
        return True  # "สร้างวัฒนธรรมองค์กรที่ดี": a good something, for nobody, as "Build a great culture"
    return hits[0].index == 0 and len(facts.tokens) <= 6 and facts.tokens[0].isascii()  # "Improve store efficiency"


_PLACE_TO_WORK = regexcache.compile(r"(?i)\bplace\s+to\s+(?:work|grow|build\s+a\s+career)\b")
_THAI_BUILD_VERBS = frozenset({"สร้าง", "มี", "จัดให้มี", "เป็น"})
_THAI_GOOD = frozenset({"ที่ดี", "ที่ดีขึ้น", "ที่ดีที่สุด", "ดีที่สุด", "ดีเยี่ยม", "ดีเลิศ", "เป็นเลิศ"})
# "ยกระดับผลสัมฤทธิ์ทางการเรียนให้สูงขึ้น", "เพิ่มยอดขายให้สูงยิ่งขึ้น": a verb that raises something and a tail that
# only says "higher" is the whole aim (a customer doing something "มากขึ้น" is not: "ลูกค้าซื้อซ้ำมากขึ้น").
_COMPARATIVE_TAILS = frozenset({"ให้สูงขึ้น", "สูงยิ่งขึ้น", "ให้สูงยิ่งขึ้น", "ยิ่งขึ้น", "ให้มากขึ้น", "มากยิ่งขึ้น"})
_RAISING_VERBS = frozenset({"ยกระดับ", "พัฒนา", "ปรับปรุง", "เสริมสร้าง", "ส่งเสริม", "เพิ่ม", "ขยาย", "ยก"})
# English verbs that are vague with any object ("improve our SEO"), for clauses after the first.
_VAGUE_VERBS = ("improv", "enhanc", "optimi", "streamlin", "strengthen", "leverag", "maximi", "minimi", "boost")
_CLAUSE_BREAK = regexcache.compile(r"\s*(?:[,;:]|\s(?:and|&|plus|while|as well as)\s|\s[-–—]\s)\s*", re.IGNORECASE)
_SLOGAN = regexcache.compile(
    r"^\s*(?:put\s+)?(?:(?:our|the)\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:first|first\s+always|above\s+all(?:\s+else)?|always"
    r"|matters?|comes?\s+first|is\s+everything|is\s+king)(?:,?\s+always)?\s*[.!]*\s*$"
    r"|^\s*\S{1,30}?(?:ต้องมาก่อน|มาก่อนเสมอ|(?<!เคย)(?<!เป็น)(?<!อยู่)มาก่อน|คือหัวใจ(?:ของเรา|ขององค์กร)?|เหนือสิ่งอื่นใด"
    r"|ต้องเป็นอันดับแรก|คือที่หนึ่ง)\s*[.!]*\s*$",
    re.IGNORECASE,
)


def _slogan(title: str) -> bool:
    """"Safety first", "Customers come first", "คุณภาพต้องมาก่อน": a motto, which says nothing about what changes."""
    return bool(_SLOGAN.match(title)) and not re.search(r"\d|กว่า|เคย", title)  # "เร็วกว่าที่เคยมีมาก่อน": a comparison


def _topic_label(title: str, facts, ctx) -> bool:
    """"Rent collection", "Platform reliability", "การพัฒนาบุคลากร", "ด้านการเงิน": a heading that names an
    area of work, with no verb and no direction, so nobody can tell what should be true at the end."""
    if len(facts.tokens) > 9 or facts.quantities or facts.placeholders:
        return False  # a sentence, not a heading; or objective-has-metric / kr-placeholder speaks for it
    if facts.language == "th":
        label = _STRATEGY_LABEL.match(title)
        if label:
            facts = ctx.facts(title[label.end():])
        return _thai_topic(facts)
    return _english_topic(facts, ctx)


def _english_topic(facts, ctx) -> bool:
    words = [t for t in facts.tokens if any(c.isalpha() for c in t) and not _PERIOD_WORD.fullmatch(t)]
    if not 1 <= len(words) <= 4 or not set(words).isdisjoint(_NOT_A_HEADING):
        return False
    if any(facts.has(c) for c in ("increase", "decrease", "maintain")):
        return False  # "Higher retention", "Fewer incidents": a direction is a (thin) aim, not just a topic
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if len(words) >= 2 and (words[0] in _STATE_ADJECTIVES or words[0].split("-")[-1].endswith(_ADJECTIVE_ENDINGS)
                            and not words[0].endswith("-led")):
        return False  # "Healthy pipeline", "Reliable platform", "Customer-obsessed support": a state, however thin
        # ("Product-led growth" is a strategy's name)
    if len(words) == 1 and words[0].isalpha():
        return True  # "Growth", "Hiring", "Innovation", "Headcount", "Events": one noun is a heading, whatever its number
    if not _abstract_noun(head) and not _department_heading(words, head, facts):
        return False  # "Happy customers", "A reliable platform": a state someone is in
    first = facts.tokens.index(words[0])
    verbs = ("outcome", "activity", "task_objective", "vague")
    return words[0] not in _OBJECTIVE_VERBS and not any(h.index == first for c in verbs for h in facts.hits(c))


def _department_heading(words, head: str, facts) -> bool:
    """"Sales territory", "Support rota", "Security posture": a department or function and one thing of its, as a
    heading ("Support customers", "Sales reps thrive" and "Customer-obsessed support" are not)."""
    if len(words) not in (2, 3) or words[0] not in _DEPARTMENTS or head.endswith(_ADJECTIVE_ENDINGS):
        return False
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return False  # "Sales reps", "Support tickets": people or things, often the subject of a state
    verbs = ("outcome", "activity", "task_objective", "vague", "increase", "decrease", "maintain", "customer")
    last = facts.tokens.index(head) if head in facts.tokens else -1
    return words[1] not in _OBJECTIVE_VERBS and not any(h.index == last for c in verbs for h in facts.hits(c))


_STATE_ADJECTIVES = frozenset("healthy happy strong safe clean lean fast great loyal secure stable calm simple".split())
_DEPARTMENTS = frozenset("""sales support security marketing engineering finance product data hr it ops operations
    legal platform infrastructure partner partnerships brand procurement logistics people talent design research
    revenue growth customer success compliance""".split())
_ADJECTIVE_ENDINGS = ("able", "ible", "ful", "less", "ive", "ous", "ed", "est", "ready", "first",
                      "friendly", "proof", "free", "wide", "led", "driven", "centric")


def _abstract_noun(word: str) -> bool:
    word = word.split("-")[-1]  # "product-led growth"
    if word in _AREA_NOUNS:
        return True
    if word.endswith("s"):
        return False  # "decisions", "deployments": things that happen, often the subject of a state
    return word.endswith(_ABSTRACT_ENDINGS) or (word.endswith("ing") and len(word) >= 7)


def _thai_topic(facts) -> bool:
    tokens = facts.tokens
    if not tokens or len(tokens) > 6:
        return False
    first = tokens[0]
    if not (first in ("การ", "ความ", "ด้าน", "งาน") or first.startswith(("ความ", "ด้าน"))
            or first.startswith("การ") and not first.startswith("การ์")):
        return False
    if not _THAI_STATE_WORDS.isdisjoint(tokens) or any(facts.has(c) for c in ("increase", "decrease", "maintain")):
        return False  # "ความพึงพอใจของลูกค้าเพิ่มขึ้น", "การบริการที่ประทับใจ": a change or a state
    return not any(h.index <= 1 for h in facts.hits("task_objective"))  # "การจัดทำแผน…": objective-is-task's


_STRATEGY_LABEL = regexcache.compile(r"\s*(?:ประเด็นยุทธศาสตร์|ยุทธศาสตร์|กลยุทธ์|เป้าประสงค์|วัตถุประสงค์)(?:ที่)?\s*[0-9๐-๙]+\s*[.:)]?\s*")
_PERIOD_WORD = regexcache.compile(r"(?:q[1-4]|h[12]|fy\d{2,4}|\d{4})(?:[-/](?:q[1-4]|h[12]))?")
# Words that make a title a sentence or a phrase with an aim: verbs that need no vocabulary of their own,
# auxiliaries, pronouns, and determiners and prepositions after the first word ("Grow the business").
_NOT_A_HEADING = frozenset("""is are be been being was were will can could should must may might has have had do does
    we they i you it everyone everybody nobody no not never always only every each all more most less fewer
    to for with without by in into across through from at on than our their your its the a an""".split())
_OBJECTIVE_VERBS = frozenset("""make become delight win earn help give let empower turn put bring lead own stay ensure
    provide offer serve protect modernise modernize transform unlock fix stop end get love feel see find know
    understand scale drive fuel champion dominate enter simplify secure prevent avoid nurture deepen broaden widen
    unify standardise standardize centralise centralize embed foster cultivate inspire attract engage reward
    recognise recognize celebrate invest monetise monetize diversify personalise personalize prove validate
    learn master connect unblock free speed grow rebuild raise land expand protect equip wow""".split())
_AREA_NOUNS = frozenset("""sales support revenue growth talent people product brand operations finance finances
    compliance security service services quality culture infrastructure architecture data analytics strategy
    partnerships governance safety health wellbeing well-being sustainability productivity performance retention
    acquisition experience awareness engagement satisfaction collection collections hiring marketing engineering
    logistics procurement budget cost costs debt reliability scalability uptime innovation excellence efficiency
    effectiveness visibility presence reputation morale diversity inclusion wellness hygiene housekeeping admin
    administration hr it ops devops platform tooling headcount staffing workforce payroll pipeline posture roadmap
    backlog funnel capacity inventory fleet billing pricing coverage cadence stack website content community
    ecosystem cash cashflow spend margin profit""".split())
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "cy", "th")
# Thai words that make a nominal phrase say what changes or how things should be ("…ที่ประทับใจ", "…ได้รับ…").
_THAI_STATE_WORDS = frozenset("""ได้ ได้รับ มี เป็น ให้ สู่ ที่ อย่าง ขึ้น ลง ไม่ ทุก เพื่อ โดย ซึ่ง จะ ต้อง สามารถ
    มากขึ้น ดีขึ้น สูงขึ้น เร็วขึ้น น้อยลง ลดลง เพิ่มขึ้น ยิ่งขึ้น""".split())


def _more_or_less(facts) -> str:
    """What a bare direction asks for: "less" when a decrease leads ("Reduce churn", "Cut fewer…", "ลดต้นทุน")."""
    lead = leading_index(facts)
    if any(h.index == lead for h in facts.hits("decrease")):
        return "less"
    tokens = facts.tokens
    if lead + 1 < len(tokens) and tokens[lead] in _PLAIN_VERBS and tokens[lead + 1] in ("fewer", "less", "lower"):
        return "less"  # "Get fewer complaints"
    return "more"


def _asks_for_more(facts) -> bool:
    """"Grow our reach", "Get more downloads", "Increase revenue": a direction and a measure, which is a key
    result without its numbers rather than an aim (the Thai "ยกระดับ…ให้สูงขึ้น" is _raises_to_higher's)."""
    if not facts.tokens or facts.quantities:
        return False  # "Grow revenue 2x": objective-has-metric speaks for it
    if facts.language == "th":
        return _thai_asks_for_more(facts)
    if facts.language != "en":
        return False
    lead = leading_index(facts)
    tokens = facts.tokens
    directed = any(h.index == lead for c in ("increase", "decrease") for h in facts.hits(c))
    if not directed and (tokens[lead] in _PLAIN_VERBS or lead == 0 and _opens_on_a_verb(tokens[lead])) \
            and lead + 1 < len(tokens) and tokens[lead + 1] in _MORE_OR_LESS:
        directed, lead = True, lead + 1  # "Get more app installs", "Answer more tickets", "Close fewer cases late"
    if not directed:
        return False
    if tokens[lead - 1 if tokens[lead] in _MORE_OR_LESS else lead] == "win" and facts.has("customer"):
        return False  # "Win more enterprise customers": customers won are an aim
    rest = [t for t in tokens[lead + 1:] if t not in _MORE_OR_LESS]
    if not 1 <= len(rest) <= 3 or not _NOT_A_HEADING.isdisjoint(rest[1:]) or rest[0] in _NOT_A_HEADING - _POSSESSIVES:
        return False  # "Grow revenue from clinics in the north": it says where the growth should come from
    if len(rest) == 1 and _names_a_measure_by_its_letters(rest[0], facts.text):
        return True  # "Grow NRR", "Cut MTTR": a measure, whether spelled out or not
    if rest[-1] == "base" and len(rest) >= 2 and (facts.has("customer") or rest[-2] in _COUNTED_PEOPLE):
        return True  # "Expand our customer base", "Grow the user base": how many customers, and nothing of which
    return any(h.index > lead for c in _MEASURE_CATEGORIES for h in facts.hits(c)) or rest[-1] in _ATTENTION_WORDS


_COUNTED_PEOPLE = frozenset({"customer", "user", "member", "subscriber", "client", "donor", "fan", "player", "install"})


def _opens_on_a_verb(word: str) -> bool:
    """The first word of "Answer more tickets", "Ship more features": a verb in the imperative, not an adverb or a
    quantifier that opens a phrase ("Even more…", "Far fewer…", "Much more…", "Many more…")."""
    return word.isalpha() and word.isascii() and word not in _NOT_A_VERB_BEFORE_MORE


_NOT_A_VERB_BEFORE_MORE = frozenset("""even far much many way no any some the a an and or ever still yet once now
    so far significantly substantially considerably slightly somewhat lot lots""".split())


# Acronyms after a direction verb that name where or whom, not a measure ("Grow EMEA", "Win more SMBs").
_PLACE_OR_SEGMENT_LETTERS = frozenset("""emea apac latam amer anz dach nordics sea asean eu us uk usa smb smbs sme smes b2b
    b2c b2g it hr qa ai ml""".split())


def _names_a_measure_by_its_letters(word: str, text: str) -> bool:
    if word in _PLACE_OR_SEGMENT_LETTERS or not 2 <= len(word) <= 6 or not word.isalpha():
        return False
    return re.search(rf"(?<![\w-]){re.escape(word.upper())}(?![\w-])", text) is not None


# Vocabulary that names what is counted: "revenue", "complaints", "ยอดขาย", "เรื่องร้องเรียน".
_MEASURE_CATEGORIES = ("metric", "vanity", "better_lower")
_THAI_MEASURE_GLUE = frozenset({"จำนวน", "ยอด", "อัตรา", "ปริมาณ", "สัดส่วน", "ของ", "การ", "ความ", "ทั้งหมด", "โดยรวม",
                               "ฐาน"})  # "ขยายฐานลูกค้า": the customer base, counted
# When, after the measure: "ขยายฐานลูกค้าในไตรมาส 2", "เพิ่มยอดขายในปี 2570" (where or whose would say more)
_THAI_PERIOD_TAIL = regexcache.compile(r"(?:ใน|ภายใน)\s*(?:ไตรมาส(?:ที่)?\s*[0-9๐-๙]+|ปี(?:งบประมาณ|งบ)?\s*"
                                       r"(?:พ\.ศ\.\s*)?[0-9๐-๙]+|ปีนี้|ไตรมาสนี้)\s*$")


def _thai_asks_for_more(facts) -> bool:
    """"เพิ่มยอดขาย", "ลดจำนวนเรื่องร้องเรียนของลูกค้า", "ทำให้ยอดขายเพิ่มขึ้น": a direction and nothing but a measure
    ("เพิ่มรายได้ของเกษตรกร" says whose income; "ลดอุบัติเหตุทางถนน" where)."""
    tokens = facts.tokens
    directions = [h for c in ("increase", "decrease") for h in facts.hits(c)]
    if not directions:
        return False
    first, last = min(h.index for h in directions), max(h.index + h.size for h in directions)
    if first == 0 and tokens[0] in ("เพิ่ม", "ลด", "ลดลง", "เพิ่มขึ้น", "ขยาย", "ยกระดับ"):
        middle = range(_direction_end(directions, 0), len(tokens))
    elif tokens[0] == "ทำให้" and last == len(tokens) and first >= 2:
        middle = range(1, first)  # "ทำให้ยอดขายเพิ่มขึ้น"
    else:
        return False
    tail = _THAI_PERIOD_TAIL.search(facts.text)
    if tail is not None and middle:
        before = facts.text[: tail.start()].rstrip()
        while len(middle) > 1 and not before.endswith(tokens[middle[-1]]):
            middle = middle[:-1]  # the measure without its "ในไตรมาส 2"
    if not 1 <= len(middle) <= 6:
        return False
    covered = {i for c in _MEASURE_CATEGORIES for h in facts.hits(c) for i in range(h.index, h.index + h.size)}
    if not covered.intersection(middle):
        return False
    return all(i in covered or tokens[i] in _THAI_MEASURE_GLUE for i in middle)


def _direction_end(directions, index: int) -> int:
    """The token after the direction word that stands at ``index``."""
    return max(h.index + h.size for h in directions if h.index == index)


# "ส่งเสริมและสนับสนุนการพัฒนาชุมชนอย่างยั่งยืน", "Promote sustainable tourism": the unit's effort and its topic,
# with no one whose situation is to change ("ส่งเสริมให้เกษตรกรมีรายได้…", "Support families to stay housed" say so).
_EFFORT_ONLY = regexcache.compile(
    # "ส่งเสริมการเรียนรู้", "ส่งเสริมคุณธรรมจริยธรรมของเยาวชน", "สนับสนุนกิจกรรมเยาวชน", "ส่งเสริมและพัฒนาคุณภาพชีวิต
    # ผู้สูงอายุ": the verb and whatever it helps; not when a clause says what will be different for them ("…ให้มีรายได้
    # เพิ่มขึ้น", "…เพื่อให้…", "…จนมีงานทำ", "…สามารถ…", "…เข้าถึงแหล่งทุน", "…ได้รับ…")
    r"^\s*(?:ส่งเสริม|สนับสนุน|ผลักดัน)(?:\s*(?:และ|,)\s*(?:ส่งเสริม|สนับสนุน|ผลักดัน|พัฒนา|ยกระดับ))*\s*(?=[\u0e01-\u0e2e])"
    r"(?![^\n]*(?:ให้|เพื่อ|จน|สามารถ|เข้าถึง|(?<!ราย)ได้))"
    r"|^\s*(?i:(?:support|promote|foster|encourage|facilitate|champion)(?:\s+(?:and|&)\s+(?:support|promote|foster"
    r"|encourage|facilitate|champion))?)\s+(?i:(?!the\s+\w+\s+team\b)(?!our\s+\w+\s+team\b)[\w'’-]+(?:\s+[\w'’-]+){0,3})\s*[.!]?\s*$"
)


# "ยกระดับคุณภาพชีวิตผู้สูงอายุ", "พัฒนาศักยภาพบุคลากร", "เสริมสร้างความเข้มแข็งของชุมชน": a raising verb and an abstract
# quality is the Thai "Improve service quality"; "…ให้นักเรียนอ่านออกเขียนได้ทุกคน" says what will be different.
_ABSTRACT_QUALITY = regexcache.compile(
    r"^\s*(?P<words>(?:ยกระดับ|พัฒนา|เสริมสร้าง|ปรับปรุง)(?:\s*และ\s*(?:ยกระดับ|พัฒนา|เสริมสร้าง|ปรับปรุง))?\s*"
    r"(?:คุณภาพ|ศักยภาพ|ความเข้มแข็ง|ประสิทธิภาพ|ขีดความสามารถ|มาตรฐาน|สมรรถนะ))(?![^\n]*ให้(?!บริการ))")


def _raises_an_abstract_quality(title: str) -> str | None:
    match = _ABSTRACT_QUALITY.search(title)
    return match["words"] if match else None


# "เพิ่มประสิทธิภาพการให้บริการ", "เพิ่มประสิทธิภาพการทำงานของทุกฝ่าย", "ยกระดับการให้บริการ", "Increase efficiency across
# all departments": an effort verb on efficiency or on work in general, with nothing said of which work, where or for whom
# ("เพิ่มประสิทธิภาพการผลิต", "ยกระดับความมั่นคงปลอดภัยไซเบอร์ขององค์กร" name what is to get better)
_THAI_GENERIC_EFFORT = regexcache.compile(
    r"^\s*(?P<words>(?P<verb>เพิ่ม|ยกระดับ|พัฒนา|ปรับปรุง|เสริมสร้าง)\s*(?P<quality>ประสิทธิภาพ|ประสิทธิผล|ศักยภาพ|ผลิตภาพ"
    r"|ขีดความสามารถ)?)\s*(?P<object>(?:ใน)?(?:การ(?:ทำงาน|ดำเนินงาน|ปฏิบัติงาน|ให้บริการ|บริการ|บริหาร(?:งาน|จัดการ)?)"
    r"|งานบริการ|องค์กร|หน่วยงาน))?"
    r"\s*(?:(?:ของ|ใน|ทั่ว)?\s*(?:ทุก\s*(?:ฝ่าย|แผนก|หน่วยงาน|ส่วนงาน|ด้าน|ทีม)|ทั้งองค์กร|องค์กร|หน่วยงาน|บริษัท|เรา))?"
    r"\s*(?:(?:ใน|ภายใน)\s*(?:ไตรมาส(?:ที่)?\s*[0-9๐-๙]+|ปี(?:งบประมาณ|งบ)?\s*(?:พ\.ศ\.\s*)?[0-9๐-๙]+|ปีนี้|ไตรมาสนี้))?"
    r"\s*$")
_ENGLISH_GENERIC_EFFORT = regexcache.compile(
    r"(?i)^\s*(?P<words>(?:increase|improve|boost|drive|raise|maximi[sz]e|enhance)\s+(?:(?:our|the)\s+)?(?:overall\s+)?"
    r"(?:operational\s+)?(?:efficiency|productivity|effectiveness))"
    r"(?:\s+(?:across|in|of|throughout)\s+(?:all|the|our|every)\s+(?:\w+\s+)?(?:departments?|teams?|organi[sz]ation"
    r"|company|business|board|units?|functions?))?(?:\s+(?:company|organi[sz]ation)-wide)?"
    r"(?:\s+(?:in|by|this)\s+(?:Q[1-4]|H[12]|FY\s?\d{2,4}|\d{4}|quarter|year)(?:\s+\d{4})?)?\s*[.!]?\s*$")


def _names_only_a_generic_effort(title: str) -> str | None:
    match = _THAI_GENERIC_EFFORT.match(title)
    if match is not None and (match["quality"] or match["object"] and match["verb"] != "เพิ่ม"):
        return match["words"].strip()
    match = _ENGLISH_GENERIC_EFFORT.match(title)
    return match["words"] if match else None


def _names_only_the_effort(title: str, facts) -> bool:
    """The objective is only what the unit will do to help, and what about: a vague aim, however its key results
    measure it. An English one counts only when short and naming no customer or team that gains."""
    if _EFFORT_ONLY.search(title) is None:
        return False
    return facts.language == "th" or not any(facts.has(c) for c in ("customer", "internal_customer", "employees"))


_PLAIN_VERBS = frozenset({"get", "drive", "see", "have", "deliver", "generate", "bring", "win"})
_MORE_OR_LESS = frozenset({"more", "fewer", "less", "higher", "lower", "bigger", "greater"})
_POSSESSIVES = frozenset({"our", "their", "your", "the"})
_ATTENTION_WORDS = frozenset({"reach", "awareness", "downloads", "installs", "visibility", "presence", "exposure",
                              "traffic", "followers", "audience", "footprint", "buzz", "volume", "awards", "love"})
# "เป็นร้านกาแฟอันดับหนึ่งในใจลูกค้า", "ก้าวสู่การเป็นองค์กรชั้นนำด้านนวัตกรรม", "เป็นผู้นำตลาดประกันสุขภาพ": a rank
_THAI_RANKING = regexcache.compile(
    r"\s*(?:ก้าวสู่การเป็น|สู่การเป็น|มุ่งสู่การเป็น|เป็น)[^\s0-9๐-๙]{0,40}?"
    r"(?P<rank>อันดับ\s*(?:หนึ่ง|1|๑)(?![0-9๐-๙])|ที่ดีที่สุด|ชั้นนำ|ผู้นำ(?:ตลาด|ด้าน|ใน)|ที่หนึ่ง|เบอร์\s*(?:หนึ่ง|1|๑)(?![0-9๐-๙]))")
_FOR_SOMEONE = regexcache.compile(r"(?i)\b(?:for|among|with)\s+(?!the\s+(?:region|country|world|sector|industry|market)\b)\w")
# "Be the best literacy charity in the region", "Become the #1 choice for …": a rank nobody measures.
_BEST_IN_RANKING = regexcache.compile(
    r"(?i)\s*(?:to\s+)?(?:be|become|remain|stay)\s+(?:the\s+|a\s+)?(?P<rank>best|leading|top|number\s+one|no\.?\s*1|#\s*1"
    r"|go-to|premier|preferred|most\s+(?:trusted|loved|admired|respected))\b(?!\s*(?:-|\d|%))"
)


# Any superlative before what an organisation can be ranked as: "Be the most talked-about brand in …", "Become the
# fastest-growing insurer in the region", "Stay the safest choice for …". ("the most trusted" and "the best" above.)
_SUPERLATIVE_RANK = regexcache.compile(
    r"(?i)\s*(?:to\s+)?(?:be|become|remain|stay)\s+the\s+(?P<rank>most\s+[a-z][\w-]*"
    r"|(?!(?:inter|hon|mod|for|earn|harv|requ|sugg|cont|inv|dig|gu|t|w|n|qu|r|ch|prot|manif|arr|b|l)est\b)[a-z]{2,}est(?:-(?!rated|ranked|reviewed)[a-z]+)?)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:brands?|choice|compan(?:y|ies)|partners?|platforms?|providers?|names?|employers?|places?"
    r"|insurers?|banks?|lenders?|apps?|products?|services?|vendors?|suppliers?|destinations?|teams?|charit(?:y|ies)"
    r"|hospitals?|clinics?|schools?|stores?|shops?|retailers?|firms?|agenc(?:y|ies)|organi[sz]ations?|option)\b"
)


def _vague_clause(title: str, ctx) -> str | None:
    """A clause of a several-part objective that is only a vague verb and its object ("…and improve our SEO")."""
    clauses = [c for c in _CLAUSE_BREAK.split(title) if c.strip()]
    if len(clauses) < 2:
        return None
    for clause in clauses:
        facts = ctx.facts(clause)
        if not facts.tokens or not facts.tokens[0].isascii():
            continue
        lead = leading_index(facts)
        hits = facts.hits("vague")
        if hits and hits[0].index == lead and hits[0].term.lower().startswith(_VAGUE_VERBS) and len(facts.tokens) - lead <= 5:
            return clause.strip()
    return None


def _raises_to_higher(facts) -> bool:
    """"ยกระดับ ... ให้สูงขึ้น": a raising verb first and a tail that only says 'higher'."""
    if not facts.tokens or facts.tokens[leading_index(facts)] not in _RAISING_VERBS:
        return False
    return any(h.term in _COMPARATIVE_TAILS for h in facts.hits("vague"))


def _starts_with_someone(facts) -> bool:
    """"ผู้ป่วยเบาหวาน…ควบคุมโรคได้ดีขึ้น": a Thai aim that starts with who, then says what changes for them (the team
    that does the work is not someone it changes things for: "ทีมไอทีทำงาน…ได้ดีขึ้น")."""
    return facts.language == "th" and not _starts_with_the_team(facts) \
        and any(h.index == 0 for c in ("customer", "population") for h in facts.hits(c))


# The team itself, or the organisation, as the subject: "ทีมไอที…", "ฝ่ายขาย…", "เรา…", "บริษัท…".
_OWN_TEAM = frozenset({"ทีม", "ฝ่าย", "แผนก", "หน่วยงาน", "เรา", "พวกเรา", "องค์กร", "บริษัท", "สำนักงาน", "กอง", "ส่วนงาน"})


def _starts_with_the_team(facts) -> bool:
    return bool(facts.tokens) and facts.tokens[0] in _OWN_TEAM


def _team_does_more(facts) -> str | None:
    """"ทีมขายปิดดีลได้มากขึ้น": the team doing more of its own work, and nothing said of what it brings anyone."""
    if facts.language != "th":
        return None
    tail = _TEAM_MORE_TAIL.search(facts.text)
    if tail is None:
        return None
    if _starts_with_the_team(facts):
        return tail.group(0).strip()
    # with no subject, a verb and a measure only: "ตอบตั๋วได้มากขึ้น", "ปิดเคสให้ได้มากขึ้น" (the English "Answer more
    # tickets"); "ลูกค้าได้รับคำตอบได้มากขึ้น" names who gains
    tokens = facts.tokens
    if len(tokens) > 5 or any(facts.has(c) for c in ("customer", "internal_customer", "employees", "population")):
        return None
    if not any(h.index > 0 for c in _MEASURE_CATEGORIES for h in facts.hits(c)):
        return None
    return tail.group(0).strip()


_TEAM_MORE_TAIL = regexcache.compile(r"(?:ให้)?ได้\s*มาก(?:ยิ่ง)?ขึ้น\s*$")


_EMPTY_QUALIFIERS = frozenset({"ให้ดีขึ้น", "ดีขึ้น", "ดียิ่งขึ้น", "มีประสิทธิภาพ", "ทันสมัย", "ให้ทันสมัย", "world-class", "world class", "best-in-class",
                               "next level", "next-level", "state of the art", "state-of-the-art",
                               "ให้ทั่วถึง", "brand awareness", "brand love", "เป็นเลิศ", "ความเป็นเลิศ", "excellence",
                               # a quality said to grow, like "ดีขึ้น": "ทำให้ทีมสาขาเก่งขึ้น"
                               "เก่งขึ้น", "เก่งยิ่งขึ้น", "ฉลาดขึ้น", "คล่องขึ้น", "คล่องตัวขึ้น", "แข็งแรงขึ้น",
                               "เข้มแข็งขึ้น", "มีคุณภาพขึ้น", "มีประสิทธิภาพขึ้น", "มีประสิทธิภาพมากขึ้น",
                               "เป็นมืออาชีพขึ้น", "เป็นมืออาชีพมากขึ้น"})  # "ส่งเสริม…ให้ทั่วถึง"; "ได้รับการดูแลอย่างทั่วถึง" says who gets what


def _vague_terms(facts) -> list[str]:
    """Vague words, except one that is part of the leading task ("พัฒนาระบบ ...": a task, not a vague aim) or of
    the name of a thing ("the route optimization engine", "Optimizer v3", "ระบบปรับปรุงคุณภาพน้ำ")."""
    task_at = {h.index for h in facts.hits("activity")}
    return [h.term.rstrip("*") for h in facts.hits("vague") if h.index not in task_at and not _names_a_thing_made(facts, h)]


# What a vague word can be the modifier of: a thing built or run, not an aim ("an optimization engine").
_MADE_THINGS = frozenset("""engine engines tool tools tooling system systems module modules platform platforms service
    feature features app apps api model models program programs programme programmes plan plans project projects
    initiative initiatives pipeline algorithm algorithms library suite framework dashboard dashboards squad team
    workstream committee bot agent kit toolkit""".split())
_THAI_MADE_THINGS = frozenset({"ระบบ", "โครงการ", "แผน", "หลักสูตร", "ศูนย์", "แพลตฟอร์ม", "โปรแกรม", "แอป", "แอปพลิเคชัน",
                               "คณะทำงาน", "กองทุน", "เครื่อง", "เครื่องมือ"})
_THAI_VAGUE_VERBS = frozenset({"ปรับปรุง", "พัฒนา", "ยกระดับ", "เสริมสร้าง", "ส่งเสริม"})
_VERSION_TOKEN = regexcache.compile(r"v\d[\w.]*|\d+(?:\.\d+)+")
_AGENT_OF_VAGUE = regexcache.compile(r"[a-z]+(?:iz|is)ers?|[a-z]*enhancers?|[a-z]*boosters?")


def _names_a_thing_made(facts, hit) -> bool:
    tokens = facts.tokens
    end = hit.index + hit.size
    word = tokens[end - 1] if end - 1 < len(tokens) else ""
    if facts.language == "th" or not word.isascii():
        return 0 < hit.index and hit.term in _THAI_VAGUE_VERBS and tokens[hit.index - 1] in _THAI_MADE_THINGS
    if _AGENT_OF_VAGUE.fullmatch(word):
        return True  # "the optimizer", "a conversion booster": a tool, named after what it does
    if not word.endswith(("tion", "sion", "ment", "ance", "ence", "ing")):
        return False  # "Improve API latency": a verb and its object
    following = tokens[end] if end < len(tokens) else ""
    return following in _MADE_THINGS or bool(_VERSION_TOKEN.fullmatch(following))


@rule(
    code="CLA003", name="vague-language", category="clarity", severity="warning", scope="objective",
    summary="Vague verbs or qualifiers with nothing to measure them by (improve, better, optimise, ปรับปรุง…ให้ดีขึ้น).",
    rationale="Words like 'improve', 'enhance', 'world-class' or 'ให้มีประสิทธิภาพ' let everyone imagine a "
    "different result. In a key result they need a number; an objective using them needs key results that "
    "say what 'better' means (counting tasks done does not). An objective that is only a vague verb and its "
    "object ('Improve the mobile app', '…ให้ดียิ่งขึ้น') is reported even when its key results measure it: "
    "say what will be different, and for whom. So is one with such a part anywhere ('… and optimise our "
    "funnel'), one that only asks for more ('ยกระดับ…ให้สูงขึ้น'), a slogan ('Quality first', "
    "'…ต้องมาก่อน'), a bare topic ('Rent collection', 'Sales pipeline', 'การพัฒนาบุคลากร', 'ด้านการเงิน'), a "
    "direction and a measure ('Get more downloads', 'Reduce complaints', 'เพิ่มยอดขาย'), a rank ('Be the best charity in the region') and the effort alone "
    "('ส่งเสริมการท่องเที่ยวชุมชน', 'Foster innovation'); an aspiration for someone ('Delight first-time buyers', "
    "'ส่งเสริมให้เกษตรกรมีรายได้เพิ่มขึ้น') is not.",
    examples=[
        bad("Improve customer support", kind="key_result"),
        bad("Optimise the checkout flow for a better experience", kind="key_result"),
        bad("ปรับปรุงการให้บริการให้ดีขึ้น", "th", kind="key_result"),
        bad("พัฒนาระบบสารสนเทศให้มีประสิทธิภาพ", "th", kind="key_result"),
        good("Improve first-contact resolution from 62% to 75%", kind="key_result"),
        good("Cut checkout abandonment from 70% to 55%", kind="key_result"),
        good("ลดเวลารอสายของผู้รับบริการจาก 5 นาทีเหลือ 2 นาที", "th", kind="key_result"),
        bad("team: a\nobjectives:\n  - title: Improve the mobile app\n    key_results:\n"
            "      - Raise app rating from 3.9 to 4.5\n", kind="yaml", note="only a vague verb and its object"),
        good("team: a\nobjectives:\n  - title: Riders book a trip in under a minute\n    key_results:\n"
             "      - Cut median booking time from 95 s to 40 s\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: Win back lapsed donors and optimise our funnel\n    key_results:\n"
            "      - Raise lapsed-donor reactivation from 6% to 11%\n", kind="yaml", note="a vague part after 'and'"),
        bad("team: a\nobjectives:\n  - title: ยกระดับคุณภาพน้ำประปาให้สูงขึ้น\n    key_results:\n"
            "      - ลดเรื่องร้องเรียนน้ำขุ่นจาก 120 เหลือ 30 เรื่องต่อเดือน\n", "th", kind="yaml", note="only asks for more"),
        bad("team: a\nobjectives:\n  - title: Quality first\n    key_results:\n"
            "      - Cut defects per thousand units from 14 to 5\n", kind="yaml", note="a slogan"),
        good("team: a\nobjectives:\n  - title: Delight first-time buyers\n    key_results:\n"
             "      - Raise first-order CSAT from 4.1 to 4.6\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: Rent collection\n    key_results:\n"
            "      - Raise rent paid on time from 91% to 95%\n", kind="yaml", note="only a topic"),
        bad("team: a\nobjectives:\n  - title: การพัฒนาบุคลากร\n    key_results:\n"
            "      - เพิ่มสัดส่วนพยาบาลที่ผ่านการประเมินสมรรถนะจาก 62% เป็น 80%\n", "th", kind="yaml", note="only a topic"),
        good("team: a\nobjectives:\n  - title: Tenants pay on time without being chased\n    key_results:\n"
             "      - Raise rent paid on time from 91% to 95%\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: Get more downloads\n    key_results:\n"
            "      - Grow weekly installs from 2,000 to 3,500\n", kind="yaml", note="a direction and a measure"),
        bad("team: a\nobjectives:\n  - title: ลดจำนวนเรื่องร้องเรียนของลูกค้า\n    key_results:\n"
            "      - ลดเรื่องร้องเรียนจาก 120 เหลือ 60 เรื่องต่อเดือน\n", "th", kind="yaml", note="a direction and a measure"),
        good("team: a\nobjectives:\n  - title: เพิ่มรายได้ของเกษตรกร\n    key_results:\n"
             "      - รายได้เฉลี่ยของครัวเรือนเกษตรกรเพิ่มจาก 38,000 เป็น 45,000 บาทต่อปี\n", "th", kind="yaml",
             note="says whose income"),
        bad("team: a\nobjectives:\n  - title: Be the best literacy charity in the region\n    key_results:\n"
            "      - Raise the share of pupils reading at their age from 58% to 70%\n", kind="yaml", note="a rank"),
        bad("team: a\nobjectives:\n  - title: ส่งเสริมและสนับสนุนการพัฒนาชุมชนอย่างยั่งยืน\n    key_results:\n"
            "      - หมู่บ้านผ่านเกณฑ์หมู่บ้านพึ่งตนเองเพิ่มจาก 45 เป็น 60 หมู่บ้าน\n", "th", kind="yaml", note="only the effort"),
        good("team: a\nobjectives:\n  - title: ส่งเสริมให้เกษตรกรมีรายได้พอเลี้ยงครอบครัว\n    key_results:\n"
             "      - รายได้เฉลี่ยของครัวเรือนเกษตรกรเพิ่มจาก 38,000 เป็น 45,000 บาทต่อปี\n", "th", kind="yaml",
             note="says who gains what"),
        good("team: a\nobjectives:\n  - title: Become the go-to platform for freelance designers\n    key_results:\n"
             "      - Grow weekly active designers from 4,100 to 6,000\n", kind="yaml", note="an aim for someone"),
    ],
)
def vague_language(objective: Objective, ctx):
    measurable_krs = 0  # key results that say in numbers what the objective's words mean: outcomes, not tasks
    counted_tasks = 0
    for kr in objective.key_results:
        facts = ctx.facts(kr)
        measured = facts.has_target or kr.target is not None
        task = measured and classify_kind(facts, kr).activity
        measurable_krs += measured and not task
        counted_tasks += task
        terms = _vague_terms(facts)
        if terms and not measured and not has_placeholder(kr, facts):  # a blank to fill in: kr-placeholder says so
            yield Violation(f"vague wording ({', '.join(repr(t) for t in dict.fromkeys(terms))}) with nothing to measure it by", target=kr)
    facts = ctx.facts(objective.title)
    if _slogan(objective.title):
        yield Violation(f"the objective is a slogan ('{objective.title.strip()}'): say what will be different for whom "
                        "('Every crew goes home uninjured', not 'Safety first')")
        return
    terms = _vague_terms(facts)
    if not terms and _topic_label(objective.title, facts, ctx):
        yield Violation(f"the objective only names a topic ('{objective.title.strip()}'): say what will be different "
                        "for whom by the end of the period ('Tenants pay on time without being chased', not 'Rent collection')")
        return
    if _names_only_the_effort(objective.title, facts):
        yield Violation(f"the objective names only the effort ('{objective.title.strip()}'): say what will be different, "
                        "and for whom, when it succeeds ('Villages earn enough from tourism to keep their young people', "
                        "not 'Promote community tourism')")
        return
    quality = _raises_an_abstract_quality(objective.title) or _names_only_a_generic_effort(objective.title)
    if quality:
        yield Violation(f"the objective rests on vague wording ('{quality}')" + _how_measured(objective, ctx))
        return
    ranking = _BEST_IN_RANKING.match(objective.title) or _SUPERLATIVE_RANK.match(objective.title)
    if ranking is not None and _FOR_SOMEONE.search(objective.title):
        ranking = None  # "the go-to platform for designers"
    ranking = ranking or _THAI_RANKING.match(objective.title)
    if ranking:
        yield Violation(f"the objective asks to be '{ranking.group('rank')}' by no measure anyone can check: say what will "
                        "be different for whom ('Every child we tutor reads at their age', not 'Be the best charity')")
        return
    if not terms and measurable_krs and _asks_for_more(facts):
        yield Violation(f"the objective only asks for {_more_or_less(facts)} ('{objective.title.strip()}')"
                        + _how_measured(objective, ctx))
        return
    if terms and objective.title.strip() and measurable_krs and _raises_to_higher(facts):
        tail = next(h.term for h in facts.hits("vague") if h.term in _COMPARATIVE_TAILS)
        yield Violation(f"the objective only asks for {_more_or_less(facts)} ('{tail}')" + _how_measured(objective, ctx))
        return
    more = _team_does_more(facts) if measurable_krs else None
    if more:
        yield Violation(f"the objective only asks for more ('{more}')" + _how_measured(objective, ctx))
        return
    clause = _vague_clause(objective.title, ctx) if measurable_krs and not _leads_with_vague(facts) else None
    if clause:
        yield Violation(f"part of the objective is only a vague verb and its object ('{clause}'): say what will be "
                        "different for whom, or leave the measuring to the key results")
        return
    if terms and objective.title.strip() and measurable_krs and _leads_with_vague(facts):
        term = next((t for t in terms if t in _EMPTY_QUALIFIERS), terms[0])  # "พัฒนาองค์กรให้ดีขึ้น": 'ให้ดีขึ้น' is vague
        yield Violation(f"the objective rests on vague wording ('{term}')" + _how_measured(objective, ctx))
        return
    if terms and objective.title.strip() and measurable_krs == 0:
        yield Violation(
            f"vague wording ({', '.join(repr(t) for t in dict.fromkeys(terms))}) and no key result that says what it means in numbers"
            + (" (its numbers count tasks done, not results)" if counted_tasks else "")
        )


_SAY_WHAT_CHANGES = "say what will be different for whom ('Shoppers find what they need in seconds', not 'Improve search')"


def _how_measured(objective: Objective, ctx) -> str:
    """The end of a vague-language message: whether the key results really measure the objective. Counts of attention,
    blanks and launches have numbers or a target but say no more than the objective does."""
    for kr in objective.key_results:
        facts = ctx.facts(kr)
        if not (facts.has_target or kr.target is not None) or classify_kind(facts, kr).activity or has_placeholder(kr, facts):
            continue
        if any(_measurability.vanity_metric.check(kr, ctx)) or any(_measurability.kr_is_binary.check(kr, ctx)):
            continue
        return f": a key result gives it a number, but {_SAY_WHAT_CHANGES}"
    return (", and its key results do not measure it either (they count attention, are left blank or only mark a "
            f"launch): {_SAY_WHAT_CHANGES}")


ACRONYM = regexcache.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,7}(?:-[A-Z][A-Z0-9&]{1,7})?)(s?)(?![\w-])")  # KPI, AUN-QA
_NON_WORD = regexcache.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case letters and digits only: for comparing titles written slightly differently."""
    text = nfc(text).lower()
    return _NON_WORD.sub("", text)


SIMILARITY_CHARS = 500  # far longer than a real title


@functools.lru_cache(maxsize=8192)
def _compared(text: str) -> str:
    """A title as :func:`similarity` compares it: its start, normalised. Memoised, as every title is compared
    several times (with its objective, with the other key results); only strings are kept, which the
    cyclic garbage collector does not track."""
    # SequenceMatcher is quadratic at worst (long repetitive texts): titles are compared on their start.
    return normalise(text[:SIMILARITY_CHARS])


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """0–1 similarity of normalised texts; 0.0 as soon as it cannot reach ``at_least`` (cheap bounds first)."""
    return _similarity(_compared(a), _compared(b), at_least)


def _similarity(a: str, b: str, at_least: float, charsets: dict[str, set[str]] | None = None) -> float:
    """:func:`similarity` of two compare-ready texts; ``charsets`` keeps their sets of characters for the
    next pairs (a rule comparing the key results of one objective passes the same dict).

    The value is difflib's ``SequenceMatcher(None, a, b, autojunk=False).ratio()``, computed in C by
    :func:`okrlint.text.neardup.ratio`; bounds that are cheaper come first: the lengths, the characters one text
    lacks, and the longest common subsequence (computed bit-parallel), which difflib's matching blocks never
    exceed. On long texts written with one small vocabulary the last is the one that prunes."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0  # what SequenceMatcher.ratio() gives for equal texts
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) / total < at_least:
        return 0.0
    from okrlint.text.neardup import ratio, ratio_bound  # here: most runs compare no long texts

    if at_least:
        # A character of one text that the other lacks is never matched: a bound on quick_ratio(), hence on
        # ratio(), computed with set operations in C instead of building a SequenceMatcher.
        if charsets is None:
            charsets = {}
        chars_a = charsets.get(a)
        if chars_a is None:
            chars_a = charsets[a] = set(a)
        chars_b = charsets.get(b)
        if chars_b is None:
            chars_b = charsets[b] = set(b)
        matchable = min(len(a) - len(chars_a - chars_b), len(b) - len(chars_b - chars_a))
        if 2.0 * matchable / total < at_least:
            return 0.0
        if ratio_bound(a, b) < at_least:
            return 0.0
    return ratio(a, b)


@rule(
    code="CLA004", name="undefined-acronym", category="clarity", severity="info", scope="set",
    summary="An acronym is used without being spelled out anywhere in the set (MQL, TTFV, ARPU).",
    rationale="OKRs are read across the organisation. 'Raise TTFV' means nothing to someone outside the team; "
    "spell an acronym out once ('time to first value (TTFV)') and use it freely after. Acronyms everyone knows "
    "(KPI, NPS, CEO, API, MOU, Q1...) are in the `known_acronyms` vocabulary, which organisations can extend; the "
    "letters of a standard's or a course's number ('ISO/TS 22163', 'ASTM D638', 'HIST 101') are part of its name, and "
    "letters written with a version ('FHIR R4', 'HL7 v2') name a standard or a product.",
    examples=[
        bad("team: growth\nobjectives:\n  - title: New teams get value fast\n    key_results:\n      - Cut TTFV from 9 days to 3 days\n", kind="yaml"),
        bad("team: growth\nobjectives:\n  - title: ลูกค้าใหม่เห็นคุณค่าเร็วขึ้น\n    key_results:\n      - ลด TTFV จาก 9 วันเหลือ 3 วัน\n", "th", kind="yaml"),
        good("team: growth\nobjectives:\n  - title: New teams get value fast\n    key_results:\n      - Cut time to first value (TTFV) from 9 days to 3 days\n", kind="yaml"),
        good("team: growth\nobjectives:\n  - title: ลูกค้าใหม่เห็นคุณค่าเร็วขึ้น\n    key_results:\n      - เพิ่ม NPS ของลูกค้าใหม่จาก 20 เป็น 35\n", "th", kind="yaml"),
        good("team: lab\nobjectives:\n  - title: ผลตรวจของห้องปฏิบัติการเชื่อถือได้\n    key_results:\n      - ได้รับการรับรองมาตรฐาน ISO/IEC 17025\n", "th", kind="yaml",
             note="a standard's name"),
    ],
)
def undefined_acronym(okr_set, ctx):
    known = {t.lower() for t in ctx.vocab.terms("known_acronyms")}
    texts = []
    for objective in okr_set.objectives:
        texts.append((objective, objective.title))
        if objective.description:
            texts.append((objective, objective.description))
        texts.extend((kr, kr.title) for kr in objective.key_results)
    whole = "\n".join(text for _, text in texts)
    reported: set[str] = set()
    spelled: dict[int, frozenset[str]] = {}  # initials of the set's runs of words, by length (built when needed)
    versioned: set[str] | None = None  # the set's acronyms written with a version somewhere (built when needed)
    own_name = _name_words(okr_set.team)  # "F&B" in the F&B team's own file names the team, which is not undefined
    for obj, text in texts:
        for match in ACRONYM.finditer(text):
            acronym = match.group(1)
            if acronym in reported or acronym.lower() in known or acronym.isdigit() or not any(c.isalpha() for c in acronym[1:]):
                continue
            if "-" in acronym and all(part.lower() in known for part in acronym.split("-")):
                continue  # "SEO-SEM": known acronyms joined
            if _PERIOD_CODE.fullmatch(acronym):
                continue  # "FY2026", "Q3", "H1": a period, not a term
            if set(acronym) <= {"X", "Y", "Z", "N"}:
                continue  # "XX", "XXX": a placeholder (kr-placeholder), not an acronym
            if acronym.casefold() in own_name or _NON_WORD.sub("", acronym).casefold() in own_name:
                continue  # the team's own name, in its own file ("F&B" in team F&B's plan, "HR" in team hr's)
            if _ROMAN_NUMERAL.fullmatch(acronym) and match.start() > 0 and text[match.start() - 1] == " ":
                continue  # "SOC 2 Type II", "Phase III": a number, not a term
            if _COURSE_CODE.match(text, match.end()) and len(acronym) >= 3:
                continue  # "HIST 101", "MATH 2301", "IEC 61508": a course, document or standard code, not a term
            if _STANDARD_PARTNER.search(text, 0, match.start()) and text[match.start() - 1: match.start()] == "/" \
                    or text[match.end(): match.end() + 1] == "/" and _STANDARD_NEXT.match(text, match.end()):
                continue  # "ISO/TS", "ISO/IEC": the bodies that issued a standard, part of its name
            if _names_a_standard(text, match) or _a_grade(acronym, text, match) or _an_event_edition(text, match):
                continue
            if _part_of_a_known_name(acronym, text, match, known):
                continue  # "PCI DSS": a known name written with a space instead of its hyphen ("pci-dss")
            if versioned is None:
                versioned = {m.group(1) for m in _VERSIONED_NAME.finditer(whole)}
            if acronym in versioned:
                continue  # "FHIR R4", "HL7 v2", "XYZ version 3": a standard or product named with its version
            if _is_defined(acronym, whole) or _spelled_out(acronym, whole, spelled):
                continue
            reported.add(acronym)
            yield Violation(f"'{acronym}' is not spelled out anywhere in the set: write it in full once, e.g. '... ({acronym})'", target=obj)


def _name_words(team: str | None) -> frozenset[str]:
    """The words of a team's name, casefolded, as written and without their marks ("F&B Operations": "f&b", "fb",
    "operations")."""
    words = [w for w in re.split(r"[\s_/.,:;()\[\]-]+", team or "") if w]
    return frozenset(w.casefold() for w in words) | frozenset(_NON_WORD.sub("", w).casefold() for w in words)


# "FHIR R4", "HL7 v2.5", "PCI DSS v4.0", "HITRUST r2", "XYZ version 3": letters named with their version are a
# standard or a product, known by that name (nobody writes "Health Level Seven"); one versioned mention names it
# for the whole set.
_VERSIONED_NAME = regexcache.compile(
    r"(?<![\w-])([A-Z][A-Z0-9&]{1,7})(?:[ -](?:[vVrR]\d+(?:\.\d+)*|(?i:version|release|rev\.?) ?\d+(?:\.\d+)*)"
    r"|v\d+(?:\.\d+)+)(?![\w.])")
# Two capitals words: the neighbour that makes a known hyphenated name ("PCI" + "DSS" = "pci-dss").
_WORD_BEFORE = regexcache.compile(r"([A-Za-z0-9&]+) \Z")
_WORD_AFTER = regexcache.compile(r" ([A-Za-z0-9&]+)")


def _part_of_a_known_name(acronym: str, text: str, match, known: set[str]) -> bool:
    before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if before and f"{before.group(1)}-{acronym}".lower() in known:
        return True
    after = _WORD_AFTER.match(text, match.end())
    return bool(after and f"{acronym}-{after.group(1)}".lower() in known)


# "HIST 101", "ASTM D638", "ISO 9001:2015": a course's or a standard's number after its letters.
_COURSE_CODE = regexcache.compile(r" [A-Z]?\d{3,4}(?:[:-](?:19|20)\d\d)?[A-Z]?\b")
_STANDARD_PARTNER = regexcache.compile(r"(?<![\w-])(?:ISO|IEC|IEEE|EN|BS|ANSI|ASTM|DIN|JIS|TIS|NIST|ITU|ETSI)/\Z")
_STANDARD_NEXT = regexcache.compile(r"/(?:ISO|IEC|IEEE|EN|BS|ANSI|ASTM|DIN|JIS|TIS|NIST|ITU|ETSI)(?![\w-])")
_ROMAN_NUMERAL = regexcache.compile(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII)")
_PERIOD_CODE = regexcache.compile(r"(?:FY|CY|Q|H)\d{1,4}")


# A standard or certificate is named by its letters: "ได้รับการรับรอง GMP และ HACCP", "certified to FSSC 22000",
# "BRCGS Issue 9 certification". The letters right after (or before) such a word, alone or in a list of
# standards, are a name, not jargon to spell out.
_STANDARD_BEFORE = regexcache.compile(
    r"(?:มาตรฐาน|การรับรอง|รับรอง|ใบรับรอง|ตรวจประเมิน|ตรวจรับรอง|(?<![\w-])(?i:certified|certification|certificate|accredited|"
    r"accreditation|standards?|compliant|compliance|audit(?:ed|s)?|attestation)(?![\w-]))[\u0e01-\u0e4e]*"
    r"(?:\s+(?:to|with|under|the|an?|ตาม|ระบบ))*"
    r"(?:\s*(?:[A-Z][\w./&:+-]*|\d[\d.,:/-]*|และ|หรือ|and|or|&|[,/(]))*?\s*\Z")
_STANDARD_AFTER = regexcache.compile(
    r"(?:\s+(?:[A-Z][\w./&:+-]*|\d[\w.:/-]*|(?i:issue|edition|version|type|part|level)(?![\w-])))*?"
    r"(?:\s+|-)(?:(?i:certified|certification|certificate|accredited|accreditation|standards?|compliant|compliance|"
    r"audit|attestation)(?![\w-])|มาตรฐาน|การรับรอง)")
# "ระดับ AA", "Grade BB", "AAA rating": a grade, not an acronym
_GRADE_BEFORE = regexcache.compile(r"(?:ระดับ|เกรด|ชั้น|(?<![\w-])(?i:grade|tier|level|rating|rated|class))\s*\Z")
_GRADE_AFTER = regexcache.compile(r"\s*(?:(?i:rating|rated|grade)(?![\w-])|ระดับ|เกรด)")
_REPEATED_GRADE = regexcache.compile(r"([A-E])\1{1,2}")
# "FOODEX Japan 2027", "CES 2026": an event's name with its edition's year
_EDITION_YEAR = regexcache.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:19|20|25)\d\d\b")


def _names_a_standard(text: str, match) -> bool:
    return bool(_STANDARD_BEFORE.search(text[max(0, match.start() - 80): match.start()])
                or _STANDARD_AFTER.match(text, match.end(), match.end() + 60))


def _a_grade(acronym: str, text: str, match) -> bool:
    if len(acronym) > 3:
        return False
    if _REPEATED_GRADE.fullmatch(acronym):
        return True
    return bool(_GRADE_BEFORE.search(text, 0, match.start()) or _GRADE_AFTER.match(text, match.end()))


def _an_event_edition(text: str, match) -> bool:
    return len(match.group(1)) >= 3 and bool(_EDITION_YEAR.match(text, match.end())) or _named_by_its_kind(text, match)


# "จัดบูธงาน THAIFEX", "ไปงาน FOODEX", "ออกบูธในงานแสดงสินค้า SIAL", "exhibit at ANUGA", "the SIAL trade fair",
# "แบรนด์ KHAOHOM", "the MANGO brand": capitals the text itself calls a fair, an event or a brand are that thing's
# name, as a year after them says ("FOODEX 2027"), not a term to spell out
_KIND_BEFORE = regexcache.compile(
    r"(?:งานแสดงสินค้า|มหกรรม|นิทรรศการ|เทศกาล|(?:ออก)?บูธ(?:ที่|ใน)?(?:งาน)?|ออกร้าน(?:ที่|ใน)?(?:งาน)?"
    r"|(?:ไป|ออก|เข้าร่วม)งาน|แบรนด์|ยี่ห้อ|ตราสินค้า"
    r"|(?<![\w-])(?i:(?:trade\s+)?(?:fair|expo|exhibition)|trade\s+show|(?:booth|stand|exhibit(?:ing)?)\s+(?:at|in)"
    r"(?:\s+the)?))\s*\Z")
_KIND_AFTER = regexcache.compile(r"\s*(?:(?i:(?:trade\s+)?(?:fair|show|expo|exhibition|festival)|brand)(?![\w-])"
                                 r"|งานแสดงสินค้า|แบรนด์)")


def _named_by_its_kind(text: str, match) -> bool:
    return len(match.group(1)) >= 3 and bool(
        _KIND_BEFORE.search(text, max(0, match.start() - 40), match.start()) or _KIND_AFTER.match(text, match.end()))


_LATIN_WORDS = regexcache.compile(r"[A-Za-z][A-Za-z']*")


def _spelled_out(acronym: str, whole: str, spelled: dict[int, frozenset[str]]) -> bool:
    """The words the acronym stands for are written somewhere in the set ("net revenue retention" for NRR).

    Hyphenated words count by their parts ("non-conformity" gives N and C); a two-letter acronym needs its
    words capitalised ("Account Executive"), since any two words have some initials.
    """
    letters = acronym.rstrip("s") if len(acronym) > 3 and acronym.endswith("s") else acronym
    if not letters.isalpha() or not 2 <= len(letters) <= 6:
        return False
    size = len(letters)
    if size not in spelled:
        words = _LATIN_WORDS.findall(whole)
        found = set()
        for i in range(len(words) - size + 1):
            window = words[i: i + size]
            if any(w.isupper() and len(w) > 1 for w in window):
                continue  # other acronyms are not the words of this one
            initials = "".join(w[0] for w in window)
            found.add(initials if size == 2 else initials.upper())
        spelled[size] = frozenset(found)
    return (letters if size == 2 else letters.upper()) in spelled[size]


def _is_defined(acronym: str, text: str) -> bool:
    """Whether ``text`` (a whole set's) spells ``acronym`` out beside one of its uses. Looked for around each use
    (the first hundreds of them), not over the whole text once per acronym: a set of 40,000 key results is megabytes."""
    at = text.find(acronym)
    looked = 0
    while at >= 0 and looked < _USES_LOOKED_AT:
        window = text[max(0, at - _DEFINITION_REACH): at + len(acronym) + _DEFINITION_REACH]
        if _defined_in(acronym, window):
            return True
        looked += 1
        at = text.find(acronym, at + len(acronym))
    return False


_USES_LOOKED_AT = 200
_DEFINITION_REACH = 300  # characters either side of a use where its spelling out is looked for


def _defined_in(acronym: str, text: str) -> bool:
    if "(" not in text and not _SAID_TO_MEAN.search(text):
        return False  # no bracket and no "=", ":", "means": nothing there spells it out (and no pattern to compile)
    escaped = re.escape(acronym)
    if re.search(rf"\(\s*{escaped}s?\s*\)", text):  # "time to first value (TTFV)"
        return True
    if re.search(rf"{escaped}s?\s*\(\s*[^)]{{4,}}\)", text):  # "TTFV (time to first value)"
        return True
    if re.search(rf"\([^()]{{4,}}?[,:;–-]\s*{escaped}s?\s*\)", text):  # "(Monthly Active Users, MAU)"
        return True
    # a Thai phrase glossed with its English term: "ข้อบกพร่องรุนแรง (Major NC)"
    if re.search(rf"[\u0e01-\u0e4e]\s*\((?:\s*[A-Za-z][\w-]*){{0,3}}\s*(?<![\w-]){escaped}s?(?![\w-])(?:\s*[A-Za-z][\w-]*){{0,3}}\s*\)", text):
        return True
    return bool(re.search(rf"{escaped}\s*(?:=|:|means|หมายถึง|คือ)\s*\S", text))


_SAID_TO_MEAN = regexcache.compile(r"=|:|means|หมายถึง|คือ")


@rule(
    code="CLA005", name="too-many-objectives", category="clarity", severity="warning", scope="set",
    summary="The set has more objectives than a team can focus on (default more than 5).",
    rationale="OKRs are about focus: with more than three to five objectives, everything is a priority and "
    "nothing is. Option: `max`.",
    options={"max": 5},
    examples=[
        bad("team: a\nobjectives:\n" + "".join(f"  - title: Objective number {w}\n" for w in "one two three four five six".split()), kind="yaml"),
        good("team: a\nobjectives:\n  - title: Delight new shops\n  - title: Keep every shop online\n", kind="yaml"),
    ],
)
def too_many_objectives(okr_set, ctx):
    high = int(ctx.option("max", 5))
    count = len(okr_set.objectives)
    if count > high:
        yield Violation(f"team '{okr_set.team}' has {count} objectives; focus on at most {high}")


@rule(
    code="CLA006", name="duplicate-key-result", category="clarity", severity="warning", scope="objective",
    summary="Two key results of one objective say the same thing (or one is copied under another objective of the set).",
    rationale="A key result written twice (often after copy and paste) counts the same progress twice and "
    "hides a missing measure. Reworded copies count too: two key results naming the same measure with the same "
    "target ('from $48k to $36k' and 'to $36k') are one. Option: `threshold` (0-1 similarity of the normalised "
    "titles).",
    options={"threshold": 0.9},
    examples=[
        bad("team: a\nobjectives:\n  - title: Keep shops online\n    key_results:\n      - Raise uptime from 99.5% to 99.9%\n      - Raise up-time from 99.5% to 99.9%\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: ระบบพร้อมใช้\n    key_results:\n      - เพิ่มความพร้อมใช้งานของระบบจาก 99.5% เป็น 99.9%\n      - เพิ่มความพร้อมใช้งานของระบบ จาก 99.5% เป็น 99.9%\n", "th", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: Spend wisely\n    key_results:\n      - Cut monthly data-warehouse spend from $31k to $22k\n      - Lower data-warehouse spend to $22k a month\n", kind="yaml", note="the same measure and target, reworded"),
        good("team: a\nobjectives:\n  - title: Keep shops online\n    key_results:\n      - Raise uptime from 99.5% to 99.9%\n      - Cut time to recover from 40 minutes to 10 minutes\n", kind="yaml"),
        good("team: a\nobjectives:\n  - title: Members stay\n    key_results:\n      - Raise gym member retention from 70% to 80%\n      - Raise class attendance from 62% to 80%\n", kind="yaml", note="same target, different measures"),
    ],
)
def duplicate_key_result(objective: Objective, ctx):
    threshold = float(ctx.option("threshold", 0.9))
    krs = [kr for kr in objective.key_results if kr.title.strip()]
    forms = [_compared(kr.title) for kr in krs]  # each title normalised once, not once per pair
    charsets: dict[str, set[str]] = {}
    measures: list[tuple[frozenset[str], tuple[str, float]] | None] | None = None
    earlier_in_set = _earlier_key_results(ctx.okr_set, objective)
    if len(krs) > _PAIRWISE_LIMIT:
        # a pasted list of thousands of lines under one heading (kr-count says so): copies found by their
        # normalised text only, not by comparing every pair
        yield from _exact_copies(krs, forms, earlier_in_set)
        return
    if len(krs) > _ALL_PAIRS_UP_TO:
        # a long list: each key result is compared with the earlier ones that share most of its character
        # shingles (the near-duplicate index of duplicate-objective), not with all of them
        from okrlint.text.neardup import NearDuplicateFinder

        compared_with = NearDuplicateFinder().candidates(forms)
    else:
        compared_with = [range(i) for i in range(len(krs))]
    for i, kr in enumerate(krs):
        copied = earlier_in_set.get(forms[i])
        if copied is not None:  # the same key result under an earlier objective of the set (copied and pasted)
            owner, earlier = copied
            yield Violation(f"repeats key result '{earlier.title}' of the objective '{owner.title}': count each "
                            "result once", target=kr)
            continue
        for j in compared_with[i]:
            earlier = krs[j]
            score = _similarity(forms[i], forms[j], threshold, charsets)
            if score >= threshold and (score == 1.0 or not _names_other_things(ctx.facts(kr), ctx.facts(earlier))):
                yield Violation(f"repeats key result '{earlier.title}' (similarity {score:.2f})", target=kr)
                break
        else:
            # Reworded: "Cut cloud spend from $48k to $36k" and "Reduce cloud spend to $36k" measure one thing
            if measures is None:
                targets = [_target_of(other, ctx) for other in krs]
                measures = [None] * len(krs)
            if targets[i] is None or targets[i] not in targets[:i]:
                continue  # the measure's words are read only where a target repeats
            for index in (i, *range(i)):
                if measures[index] is None and targets[index] == targets[i]:
                    measures[index] = (_measure_words(ctx.facts(krs[index])), targets[index])
            for j, earlier in enumerate(krs[:i]):
                if targets[j] == targets[i] and _same_measure(measures[i], measures[j]):
                    yield Violation(f"measures the same as key result '{earlier.title}' (the same measure with the same "
                                    "target, in other words): keep one", target=kr)
                    break


_PAIRWISE_LIMIT = 200  # key results of one objective compared at all; real objectives have 2 to 10
_ALL_PAIRS_UP_TO = 48  # key results of one objective compared pair by pair (more: through a near-duplicate index)


def _exact_copies(krs, forms, earlier_in_set):
    first: dict[str, object] = {}
    for kr, form in zip(krs, forms):
        copied = earlier_in_set.get(form)
        if copied is not None:
            owner, earlier = copied
            yield Violation(f"repeats key result '{earlier.title}' of the objective '{owner.title}': count each "
                            "result once", target=kr)
        elif form in first:
            yield Violation(f"repeats key result '{first[form].title}' (similarity 1.00)", target=kr)
        else:
            first[form] = kr


_SET_FORMS: list = [None, {}, {}]  # the set; {normalised KR title: (objective index, objective, KR)}; {id(objective): index}


def _earlier_key_results(okr_set, objective):
    """A lookup: normalised KR title -> (objective, KR) where it stands under an objective before ``objective``
    in its set (the set's titles are indexed once, not once per objective)."""
    if okr_set is None:
        return {}
    if _SET_FORMS[0] is not okr_set:
        first: dict = {}
        for index, owner in enumerate(okr_set.objectives):
            for kr in owner.key_results:
                if kr.title.strip():
                    first.setdefault(_compared(kr.title), (index, owner, kr))
        _SET_FORMS[:] = [okr_set, first, {id(o): i for i, o in enumerate(okr_set.objectives)}]
    return _Earlier(_SET_FORMS[1], _SET_FORMS[2].get(id(objective), -1))


class _Earlier:
    def __init__(self, first: dict, before: int):
        self._first, self._before = first, before

    def get(self, form: str):
        found = self._first.get(form)
        return (found[1], found[2]) if found is not None and found[0] < self._before else None


# Words that say how a measure moves or join its parts, not what is measured.
_MEASURE_FILLERS = frozenset("""from to by of the a an our in on at for per and with up down than least most no more less
    about around approx approximately only still every each all its their within under over below above reach
    bring get push drive take move make hit trim keep number total amount level
    day daily week weeks weekly month months monthly quarter quarterly year years yearly annual annually
    จาก เป็น ให้ ที่ ของ ขึ้น ลง เหลือ ได้ ใน ต่อ และ อย่าง น้อย ไม่ กว่า ถึง ร้อยละ ล้าน พัน หมื่น แสน บาท การ ความ
    ยอด จำนวน วัน สัปดาห์ เดือน ไตรมาส ปี""".split())
_THAI_OR_WORD = regexcache.compile(r"^[\w\u0e00-\u0e7f][\w\u0e00-\u0e7f'’-]*$")


def _target_of(kr, ctx) -> tuple[str, float] | None:
    """A key result's target and the kind of number it is (a field's, or as the title writes it)."""
    change = ctx.facts(kr).change
    mention = change.target_mention if change is not None else None
    target = kr.target if kr.target is not None else (change.target if change is not None else None)
    if target is None:
        return None
    kind = mention.kind if mention is not None and kr.target is None else "field"
    return kind, round(target, 6)


def _measure_words(facts) -> frozenset[str]:
    """The words of a title that name what it measures: not its verb of movement, numbers, units or fillers."""
    change = facts.change
    mention = change.target_mention if change is not None else None
    moving = {index for cat in ("increase", "decrease", "maintain") for h in facts.hits(cat)
              for index in _covered(facts.tokens, h)}
    return frozenset(
        token.lower() for index, token in enumerate(facts.tokens)
        if index not in moving and token.lower() not in _MEASURE_FILLERS
        and not any(ch.isdigit() for ch in token) and _THAI_OR_WORD.match(token)
        and (mention is None or token.lower() != (mention.unit or "").lower())
    )


def _names_other_things(a, b) -> bool:
    """Two near-identical titles that differ in a word on each side which is not a misspelling of the other:
    "รายได้จากลูกค้าใหม่" and "รายได้จากลูกค้าเดิม", "clinic NPS" and "pharmacy NPS" are two segments, not a copy."""
    words_a, words_b = _measure_words(a), _measure_words(b)
    only_a, only_b = words_a - words_b, words_b - words_a
    if not only_a or not only_b:
        return False
    return all(SequenceMatcher(None, x, y, autojunk=False).ratio() < 0.6 for x in only_a for y in only_b)


def _covered(tokens, hit) -> range:
    """The token indexes a vocabulary hit spans ("เพิ่มขึ้น" is เพิ่ม + ขึ้น)."""
    glue = "" if hit.language == "th" else " "
    for end in range(hit.index + 1, min(len(tokens), hit.index + 6) + 1):
        if glue.join(tokens[hit.index:end]).lower() == hit.term.lower():
            return range(hit.index, end)
    return range(hit.index, hit.index + 1)


def _same_measure(a, b) -> bool:
    """Same target (value and kind) and the same measure: one's words within the other's, or nearly the same."""
    (words_a, target_a), (words_b, target_b) = a, b
    if target_a != target_b or not words_a or not words_b:
        return False
    small, large = sorted((words_a, words_b), key=len)
    if small <= large and (len(small) >= 2 or len(large) <= 2):  # "churn" and "monthly churn", not "NPS" and "NPS of SMBs"
        return True
    return len(words_a & words_b) / len(words_a | words_b) >= 0.6


@rule(
    code="CLA007", name="kr-restates-objective", category="clarity", severity="warning", scope="objective",
    summary="A key result repeats its objective instead of saying how progress is measured.",
    rationale="A key result that restates the objective ('Objective: delight customers — KR: customers are "
    "delighted') adds no evidence. Each key result should name a measure that shows the objective is met. So does "
    "one that repeats the objective's own target ('Hit $4.4M in new ARR' — 'Close $4.4M of new ARR'); one that "
    "adds where it starts ('from $3.1M to $4.4M') is a key result, and objective-has-metric speaks for the objective.",
    examples=[
        bad("team: a\nobjectives:\n  - title: Delight our customers\n    key_results:\n      - Customers are delighted\n", kind="yaml",
            note="the same words in another form"),
        bad("team: a\nobjectives:\n  - title: Hit $4.4M in new ARR\n    key_results:\n      - Close $4.4M of new ARR\n", kind="yaml",
            note="the objective's own target"),
        bad("team: a\nobjectives:\n  - title: เพิ่มยอดจองห้องพักเป็นสองเท่า\n    key_results:\n      - เพิ่มยอดจองห้องพักเป็นสองเท่า\n", "th", kind="yaml"),
        good("team: a\nobjectives:\n  - title: Grow new ARR to $4.4M\n    key_results:\n      - Grow new ARR from $3.1M to $4.4M\n", kind="yaml",
             note="it says where it starts"),
        bad("team: a\nobjectives:\n  - title: Make onboarding effortless for new shops\n    key_results:\n      - Make onboarding effortless for new shops\n", kind="yaml"),
        bad("team: a\nobjectives:\n  - title: ผู้รับบริการได้รับความสะดวกมากขึ้น\n    key_results:\n      - ผู้รับบริการได้รับความสะดวกมากขึ้น\n", "th", kind="yaml"),
        good("team: a\nobjectives:\n  - title: Make onboarding effortless for new shops\n    key_results:\n      - Cut median setup time for new shops from 3 days to 1 day\n", kind="yaml"),
    ],
)
def kr_restates_objective(objective: Objective, ctx):
    if not objective.title.strip():
        return
    title = _compared(objective.title)
    charsets: dict[str, set[str]] = {}
    objective_words: frozenset[str] | None = None
    objective_facts = ctx.facts(objective.title)
    for kr in objective.key_results:
        if not kr.title.strip():
            continue
        facts = ctx.facts(kr)
        if facts.quantities:
            # "Close $4.4M of new ARR" under "Hit $4.4M in new ARR", "…เป็นสองเท่า" under the same words: the
            # objective's own target and measure (one that adds a baseline says where it starts: a key result)
            if _compared(kr.title) == title or _same_target_and_measure(kr, facts, objective_facts, ctx):
                yield Violation("the key result restates the objective: say how progress towards it is measured", target=kr)
            continue
        if _same_content_words(facts, objective_facts):
            # "Customers are delighted" under "Delight our customers": the same words in another form
            yield Violation("the key result restates the objective: say how progress towards it is measured", target=kr)
            continue
        score = _similarity(_compared(kr.title), title, 0.85, charsets)
        if score < 0.85:
            # "ผู้สูงอายุติดเตียงได้รับการดูแลต่อเนื่อง" under "ผู้สูงอายุติดบ้านติดเตียงได้รับการดูแลต่อเนื่อง ไม่ต้อง…": a part of it
            if objective_words is None:
                objective_words = frozenset(ctx.facts(objective.title).tokens)
            words = {t for t in facts.tokens if any(c.isalnum() for c in t)}
            if len(words) < 4 or not words <= objective_words:
                continue
        yield Violation("the key result restates the objective: say how progress towards it is measured", target=kr)


def _same_target_and_measure(kr, facts, objective_facts, ctx) -> bool:
    change, wanted = facts.change, objective_facts.change
    if change is None or wanted is None or change.target is None or wanted.target is None:
        return False
    if change.baseline is not None or kr.baseline is not None or wanted.baseline is not None:
        return False
    mine, theirs = change.target_mention, wanted.target_mention
    if mine is None or theirs is None or mine.kind != theirs.kind or round(change.target, 6) != round(wanted.target, 6):
        return False
    return _same_measure((_measure_words(facts), 0), (_measure_words(objective_facts), 0)) or _same_measure(
        (_restated_measure(facts), 0), (_restated_measure(objective_facts), 0))


# Verbs that only say the target is reached ("Close $5M of …" restates "Hit $5M in …").
_ATTAINING_VERBS = frozenset("close win book land sign generate achieve deliver earn secure bring hit reach".split())


def _restated_measure(facts) -> frozenset[str]:
    """The measure words with a hyphenated qualifier read as its words ("marketing-sourced" is "marketing", "sourced")
    and the opening verb of attainment left out: a key result that adds one qualifier to the objective's measure, at
    the objective's own figure, restates it."""
    words = _measure_words(facts)
    opening = facts.tokens[0].lower() if facts.tokens else ""
    if opening in _ATTAINING_VERBS or any(h.index == 0 for c in ("increase", "outcome") for h in facts.hits(c)):
        words = words - {opening}
    return frozenset(part for word in words for part in word.split("-") if part and part not in _MEASURE_FILLERS)


# Words that only join the parts of a restated aim ("Customers are delighted", "New shops find onboarding effortless").
_RESTATING_FILLERS = frozenset("""a an the our their your its we us they them it is are be been being was were will get
    gets got getting feel feels find finds found become becomes make makes made keep stay remain for of to with and
    by in on at truly really more all every each""".split())


def _english_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _same_content_words(facts, objective_facts) -> bool:
    """An English key result with the objective's content words, each in some form, and nothing else: 'Customers
    are delighted' restates 'Delight customers' ("Customers renew" under "Delight and retain customers" names less)."""
    if facts.language != "en" or objective_facts.language != "en":
        return False

    def content(tokens) -> frozenset[str]:
        return frozenset(_english_stem(t.lower()) for t in tokens
                         if any(c.isalpha() for c in t) and t.lower() not in _RESTATING_FILLERS)

    mine, theirs = content(facts.tokens), content(objective_facts.tokens)
    return len(mine) >= 2 and mine == theirs


TASK_OBJECTIVE_BAD_EN = "Launch the new partner portal"


@rule(
    code="CLA008", name="objective-is-task", category="clarity", severity="warning", scope="objective",
    summary="The objective is a task or project (launch, implement, จัดทำ) rather than an aspiration.",
    rationale="An objective says what should be different and why it matters; 'Launch the partner portal' is a "
    "project that can be finished without anything improving. Ask what the project is for — 'Partners can "
    "onboard themselves' — and let the launch be a task under it.",
    examples=[
        bad(TASK_OBJECTIVE_BAD_EN, kind="objective"),
        bad("Migrate the billing system to the new platform", kind="objective"),
        bad("จัดทำแผนยุทธศาสตร์ดิจิทัลของกรม", "th", kind="objective"),
        bad("ติดตั้งระบบกล้องวงจรปิดในสำนักงาน", "th", kind="objective"),
        bad("Hire new sales reps for the northern region", kind="objective", note="the people hired are what it makes"),
        good("Partners can onboard themselves without calling us", kind="objective"),
        good("Build a loyal community of small-shop owners", kind="objective", note="'build' with a customer outcome"),
        good("ประชาชนเข้าถึงบริการของกรมได้ทุกที่ทุกเวลา", "th", kind="objective"),
    ],
)
def objective_is_task(objective: Objective, ctx):
    facts = ctx.facts(objective.title)
    finished = _TO_BE_FINISHED.search(objective.title)
    if finished:  # "ดำเนินโครงการเปลี่ยนปั้นจั่นให้แล้วเสร็จ": a project to finish on time
        yield Violation(f"the objective reads as a task ('{finished.group(0)}'): say what should be different when it is done")
        return
    certified = _CERTIFICATION_MILESTONE.match(objective.title)
    if certified:  # "Achieve ISO 45001 certification", "ได้รับการรับรอง ISO 9001": a milestone, done or not done
        yield Violation(f"the objective reads as a task ('{' '.join(certified.group(0).split())}'): say what should be "
                        "different when it is done")
        return
    hits = facts.hits("task_objective")
    runs = _RUNS_WORK.match(objective.title)
    if runs and (not hits or hits[0].index > 0):
        # "ดำเนินโครงการพัฒนาบุคลากร", "Run online marketing training for entrepreneurs": work to be run, a task like
        # "จัด…" and "Hold…", unless it says what changes for the people it is for
        verb = SimpleNamespace(term=runs.group(1) or runs.group(2), index=0, size=1)
        if not _serves_someone(facts, verb, ctx):
            yield Violation(f"the objective reads as a task ('{' '.join(runs.group(0).split())}'): say what should be "
                            "different when it is done")
        return
    if not hits or hits[0].index > 1:
        return
    if hits[0].index == 1 and facts.tokens[0] not in _BEFORE_A_TASK_VERB:
        return  # "Teams ship their own pipelines in days": someone else's ability, not our task
    # The thing made is named right after the verb ("Launch the partner portal", "Ship v2 of the app").
    builds_artefact = any(hits[0].index < h.index <= hits[0].index + 5 for h in facts.hits("artefact"))
    # "Hire 10 new sales reps", "รับสมัครพนักงานขาย": the people hired are what the task makes, not someone it serves
    hiring = hits[0].term.lower() in _HIRING_VERBS or any(h.index == hits[0].index for c in ("employees", "people_team")
                                                          for h in facts.hits(c))
    if not builds_artefact and not hiring and _serves_someone(facts, hits[0], ctx):
        return  # "Build a loyal community": a task verb with an aspiration for someone
    if not builds_artefact and _meets_a_standard(facts):
        return  # "Deliver every order fresh and on time": a standard to meet, not a project
    if not builds_artefact and not hits[0].term.lower().startswith(_RELEASE_VERBS) \
            and not ctx.words("intangible").isdisjoint(facts.tokens[hits[0].index + 1: hits[0].index + 5]) \
            and not any(n.kind == "number" and n.value > 1 for n in facts.quantities):
        # "Build a culture people are proud of", "สร้างวัฒนธรรมองค์กร...": an aspiration, not a project ("Launch a
        # business unit" is one: what is launched is put out; partnerships
        # counted, "…partnerships with 40 clinics", are deals to sign)
        return
    yield Violation(f"the objective reads as a task ('{hits[0].term}'): say what should be different when it is done")


_HIRING_VERBS = frozenset({"hire", "จ้าง", "สรรหา"})  # "recruit members" may win customers
# Verbs that only ever put a thing out (a product, a system): the people named after its object, behind "for" or
# "so", are whom it is for ("Launch BNPL so shoppers pay later", "Implement e-KYC ให้ลูกค้าเปิดบัญชีเองได้"): still a
# project ("Ship parts our customers never send back" says what the customers get).
_FOR_WHOM = frozenset({"ให้", "เพื่อให้", "แก่", "สำหรับ", "for", "so"})
_RELEASE_VERBS = ("launch", "implement", "deploy", "ship", "release", "roll", "install", "migrate", "publish",
                  "เปิดตัว", "ติดตั้ง", "ย้ายระบบ")
# Whom a task is done with, not someone it serves: "ทำ partnership กับร้านค้า", "Hold reviews with customers".
_DONE_WITH = frozenset({"กับ", "ร่วมกับ", "with"})
_WITH_FILLERS = frozenset({"the", "our", "all", "a", "an", "more", "new", "ทุก", "ใหม่"})


def _serves_someone(facts, verb, ctx) -> bool:
    """A customer (or colleague) the objective is for: not one the task is done with, nor one named after the object
    of a verb that only puts a thing out, nor a word that names an arrangement ("partnership")."""
    intangible = ctx.words("intangible")
    release = verb.term.lower().startswith(_RELEASE_VERBS)
    done_with: set[int] = set()  # where the people a task is done with end ("กับร้านค้าพันธมิตร": both words)
    for hit in sorted(facts.hits("customer") + facts.hits("internal_customer"), key=lambda h: h.index):
        if hit.term.lower() in intangible:
            continue
        before = hit.index - 1
        while before > 0 and (facts.tokens[before] in _WITH_FILLERS or facts.tokens[before][:1].isdigit()):
            before -= 1  # "with 40 clinics", "กับร้านค้า 50 ร้าน", "with our partners"
        if before >= 0 and (facts.tokens[before] in _DONE_WITH or hit.index in done_with):
            done_with.add(hit.index + hit.size)
            continue
        if release and hit.index > verb.index + verb.size + 1 and facts.tokens[hit.index - 1] in _FOR_WHOM:
            continue
        if hit.index > 0 and facts.tokens[hit.index - 1] == "การ":
            continue  # "การตลาด": marketing, work done, not a market served
        if (hit.index > verb.index + verb.size + 1
                and not _FOR_WHOM.isdisjoint(facts.tokens[max(verb.index + verb.size + 1, hit.index - 3): hit.index])
                and not _gives_a_state(facts.tokens[verb.index + verb.size: hit.index], intangible)
                and not _says_what_changes(facts, hit.index + hit.size)):
            # "จัดอบรมการตลาดออนไลน์ให้ผู้ประกอบการ", "Hold workshops for small business owners": whom the task is
            # done for, with nothing said about what changes for them ("…so they sell online", "…ให้เข้าถึงได้เร็วขึ้น")
            continue
        return True
    return False


# After the people a task is for, words that say what changes for them: a change, a result or an ability.
_CHANGE_CATEGORIES = ("increase", "decrease", "outcome", "service_quality", "better_higher", "better_lower",
                      "good_measures", "internal_needs", "metric")
_ABLE_WORDS = frozenset("ได้ สามารถ เข้าถึง can could able so to who that เพื่อ เพื่อให้ จะ".split())


def _gives_a_state(between, intangible) -> bool:
    """"สร้างความมั่นใจให้ผู้ถือกรมธรรม์", "build trust for our members": what the task gives them is a state of theirs
    (a ความ… noun, trust, confidence), which says what changes for them."""
    return any(t.startswith("ความ") or t.lower() in intangible for t in between)


def _says_what_changes(facts, start: int) -> bool:
    if not facts.tokens[start:]:
        return False
    if not _ABLE_WORDS.isdisjoint(t.lower() for t in facts.tokens[start:]):
        return True
    return any(h.index >= start for c in _CHANGE_CATEGORIES for h in facts.hits(c))


# A deadline is not a standard of service: "ภายในไตรมาสนี้", "within Q1", "ภายในเดือนมีนาคม".
_DEADLINE_AFTER = regexcache.compile(
    r"(?:this\s+|the\s+|next\s+)?(?:q[1-4]|h[12]|fy\w*|quarter|year|month|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|(?:19|20|25)\d\d)$"
    r"|ไตรมาส|ปี|เดือน|สิ้น|มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา|ม\.ค|ก\.พ|มี\.ค|เม\.ย"
    r"|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค")


def _meets_a_standard(facts) -> bool:
    tokens = facts.tokens
    for hit in facts.hits("service_quality"):
        if hit.term.lower() in ("ภายใน", "within"):
            after = tokens[hit.index + hit.size: hit.index + hit.size + 2]
            if after and (_DEADLINE_AFTER.match(after[0]) or len(after) > 1 and after[0] in ("this", "the", "next")
                          and _DEADLINE_AFTER.match(after[1])):
                continue
        return True
    return False
# An objective that is getting a certificate: a milestone, whose key results can only be done or not done.
_CERTIFICATION_MILESTONE = regexcache.compile(
    r"\s*(?:(?i:(?:achieve|obtain|gain|get|earn|secure|attain|receive|be\s+awarded|become)(?:\s+(?!and\b|so\b|to\b|for\b)"
    r"[\w&/.:-]+){0,4}?\s+(?:re-?)?(?:certification|accreditation|certificate|certified|accredited)\b"
    r"|pass(?:\s+(?:the|our|its|a|an))?(?:\s+(?!every\b|all\b|each\b)[\w&/.:-]+){0,4}?\s+(?:certification|accreditation)\s+audit\b)"
    r"|(?:ได้รับ|ผ่าน|ขอรับ)(?:การ)?(?:รับรอง|ใบรับรอง|ประกาศนียบัตรรับรอง)(?:มาตรฐาน)?)"
)
_TO_BE_FINISHED = regexcache.compile(r"(?:ให้)?แล้วเสร็จ|เสร็จสิ้น(?:ตามแผน|ตามกำหนด|ภายใน)|(?i:\bon\s+time\s+and\s+(?:on|within)\s+budget\b)")


# Running a piece of work: "ดำเนิน(การ)โครงการ/กิจกรรม/งาน…", "Run/Hold (the) … training/workshops/a pilot".
_RUNS_WORK = regexcache.compile(
    r"\s*(?:เร่ง)?(ดำเนิน)(?:การ)?(?:โครงการ|กิจกรรม|งานตาม|แผนงาน|การตามแผน)"
    r"|\s*(?i:(run|hold)\s+(?:(?:a|an|the|our|all)\s+)?(?:[\w-]+\s+){0,3}?(?:trainings?|training\s+(?:courses?|sessions?)"
    r"|workshops?|webinars?|seminars?|events?|campaigns?|sessions?|courses?|classes|programmes?|programs?|projects?"
    r"|pilots?|meetings?|conferences?|roadshows?|fairs?|hackathons?|surveys?|polls?|audits?|assessments?|drills?)\b)"
)


# Words that may stand before the verb of a task objective ("To launch ...", "เร่งจัดทำ ...").
_BEFORE_A_TASK_VERB = frozenset("to we let's lets will must fully successfully "
                                "เร่ง ร่วม ร่วมกัน ดำเนินการ ให้ มุ่ง การ เพื่อ".split())


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
