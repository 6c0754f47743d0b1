"""Read numbers and from/to changes out of key-result text, in Thai and English.

Every rule that asks "is there a target?", "what is the baseline?" or "does it go up or down?" goes
through this module, so it is written to be general and cheap: pure Python, regexes compiled once at
import, one pass per kind of thing over the text.

Two entry points:

* :func:`read_numbers` finds every number mention, with offsets into the *original* text, a kind
  (plain number, percent, ratio, money, number word, year, date, period, ordinal) and a unit when one
  is easy to read. Identifiers such as ``v2``, ``ISO 27001``, ``COVID-19``, ``5G``, ``p95`` or product
  names (``Microsoft 365``, ``Android 14``, ``ไทยแลนด์ 4.0``) are not reported at all: they are names, not
  quantities. ``ไตรมาส 2/2569`` is a period and its year and ``10/2569`` a month, never a ratio.
* :func:`read_change` picks the baseline and the target out of those mentions, from markers such as
  "from ... to ...", "จาก ... เป็น ...", "at least", "ไม่เกิน", "→", and says whether the target is up
  or down. Durations are compared in seconds ("from 3 days to 20 minutes" is down).

:func:`to_base_unit` converts a duration and its unit as read ("ชม.", "minutes") to seconds, so that
rules can compare a baseline and a target given in different units of time.

Thai digits are mapped to ASCII with :func:`normalize_digits`, which keeps every offset, so all
matching runs on the normalised copy and offsets are valid in the original.
"""

from __future__ import annotations

import bisect
import functools
import math
import re

from okrlint.text import regexcache

import attrs

__all__ = [
    "Change",
    "NumberMention",
    "normalize_digits",
    "parse_number",
    "read_change",
    "read_numbers",
    "target_from_baseline",
    "to_base_unit",
]


@attrs.frozen
class NumberMention:
    """One number found in a text.

    ``value`` is the number as meant (``1.2k`` -> 1200, ``35%`` -> 35, ``ร้อยละ 35`` -> 35). ``start``
    and ``end`` index the original text and ``text`` is that slice. The slice covers the number with its
    sign, multiplier, percent sign, currency and ratio denominator, but not a following unit word, which
    is given in ``unit`` (lower-case). Dates are valued ``yyyymmdd`` (``mmdd`` without a year) and times
    ``hhmm``; periods (``Q3``, ``H1``, ``ไตรมาส 2``) by their number.
    """

    value: float
    start: int
    end: int
    text: str
    kind: str  # number | percent | ratio | word | year | date | period | ordinal | money
    unit: str | None = None
    denominator: float | None = None


@attrs.frozen
class Change:
    """The baseline and target a key result states, and which way the target lies."""

    baseline: float | None
    target: float | None
    direction: str | None  # "up" | "down" | None
    baseline_mention: NumberMention | None
    target_mention: NumberMention | None
    # How the text marks the target: "rel" for a change by an amount ("by 10%", "ลง 15%", "เพิ่ม 500 ราย"), "verb" for
    # a bare percentage after an increase/decrease verb that names no share ("ลด cloud cost ต่อออเดอร์ 10%"), else the
    # marker before it ("target", "down", "arrow" …) or None. See :func:`target_from_baseline`.
    target_role: str | None = attrs.field(default=None, eq=False)


# Kinds that carry a quantity a key result can aim at; years, dates, periods and ordinals do not.
VALUE_KINDS = frozenset({"number", "percent", "ratio", "word", "money"})

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


_THAI_DIGIT_RE = regexcache.compile("[๐-๙]")


def normalize_digits(text: str) -> str:
    """Map Thai digits to ASCII digits. The result has the same length, so offsets carry over."""
    return text.translate(_THAI_DIGITS) if _THAI_DIGIT_RE.search(text) else text


# ---------------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------------

# Thai classifiers and nouns commonly counted in key results. A bare Thai number word glued to other
# Thai letters only counts as a number when one of these follows (see _accept_thai_word).
_THAI_UNITS = sorted(
    """
    คน ราย ครั้ง วันทำการ วัน ชั่วโมง ชม. นาที วินาที สัปดาห์ อาทิตย์ เดือน ไตรมาส ปี บาท ชิ้น รายการ
    ระบบ โครงการ แห่ง สาขา ทีม หน่วย ฉบับ เรื่อง หลักสูตร คะแนน ดาว แต้ม จุด เท่า ตัว เครื่อง ลูกค้า
    ผู้ใช้งาน ผู้ใช้ ผู้เรียน ผู้เข้าร่วม ผู้ป่วย ผู้สมัคร พนักงาน สมาชิก พันธมิตร คู่ค้า ร้านค้า ร้าน
    งาน ข้อ ชุด กิโลกรัม กก. กิโลเมตร กม. ตัน ลิตร หน้า บทความ คลิป วิดีโอ แอป ฟีเจอร์ ฟังก์ชัน
    ภาษา ประเทศ จังหวัด เมือง โรงเรียน บริษัท องค์กร หน่วยงาน ช่องทาง แพลตฟอร์ม กิจกรรม รอบ ใบ
    เล่ม คัน หลัง ห้อง เตียง ออเดอร์ คำสั่งซื้อ ดีล สัญญา ตำแหน่ง คอร์ส บท ด้าน มิติ ขั้นตอน รุ่น
    กลุ่ม ฝ่าย แผนก ประเภท แบบ เคส ไฟล์ ที่นั่ง กล่อง ขวด ต้น ไร่ ตารางเมตร ตร.ม. เมตร วัตต์ ดาวน์โหลด
    คำขอ คำร้อง เหตุการณ์ ข้อผิดพลาด บั๊ก ตั๋ว ทิกเก็ต ผลงาน ผลิตภัณฑ์ สินค้า บริการ แคมเปญ
    """.split(),
    key=len,
    reverse=True,
)
_THAI_UNIT_ALT = "|".join(re.escape(u) for u in _THAI_UNITS)

_THAI_MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม"
    r"|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\."
)
_EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH_NUMBER = {
    name: i + 1
    for i, names in enumerate(
        zip(
            "january february march april may june july august september october november december".split(),
            "jan feb mar apr may jun jul aug sep oct nov dec".split(),
            "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม".split(),
            "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split(),
        )
    )
    for name in names
}
_MONTH_NUMBER["sept"] = 9

# Thai characters that cannot begin a syllable (vowel signs, tone marks, repetition mark). A number word
# followed by one of these was cut out of a longer word: สาม|ารถ, สาม|ี, สาม|ัญ.
_THAI_MID_SYLLABLE = frozenset("ะัาำิีึืฺุูๅ็่้๊๋์ํ๎ๆฯ")
_THAI_LEADING_VOWELS = frozenset("เแโใไ")

# Longer Thai words that begin with a number word but are not numbers, keyed by that word's last token.
_THAI_WORD_BLOCKLIST = {
    "ห้า": ("ง", "ม", "ว"),  # ห้าง (store), ห้าม (forbid), ห้าว (bold)
    "เก้า": ("อี้", "เก้"),  # เก้าอี้ (chair)
    "หก": ("ล้ม", "คะเมน"),  # หกล้ม (fall over)
    "แปด": ("เปื้อน",),  # แปดเปื้อน (stained)
    "พัน": ("ธ", "เอก", "โท", "ตรี", "ทิป", "กัน", "แผล"),  # พันธมิตร, พันธุ์, พันธกิจ, military ranks
    "ร้อย": ("ละ", "เรียง", "กรอง", "มาลัย", "รัด", "ตรี", "โท", "เอก"),
    "สิบ": ("ตรี", "โท", "เอก"),
    "ล้าน": ("นา",),  # ล้านนา
    "แสน": ("ดี", "ง่าย", "สะดวก", "สบาย", "สิริ"),  # แสน as "very"
}

_THAI_DIGIT_WORDS = {
    "ศูนย์": 0, "หนึ่ง": 1, "เอ็ด": 1, "สอง": 2, "ยี่": 2, "สาม": 3, "สี่": 4, "ห้า": 5,
    "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9,
}  # fmt: skip
_THAI_SCALE_WORDS = {"สิบ": 10, "ร้อย": 100, "พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000}
_THAI_TOKEN_ALT = "ศูนย์|หนึ่ง|เอ็ด|สอง|ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน"
_THAI_TOKEN_RE = regexcache.compile(_THAI_TOKEN_ALT)

_EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_ADVERBS = {"once": 1, "twice": 2, "thrice": 3}
_EN_WORD_ALT = "|".join(
    sorted([*_EN_SMALL, *_EN_TENS, *_EN_SCALES, "hundred", "dozen"], key=len, reverse=True)
)

_MULTIPLIERS = {
    "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9,
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
    "สิบ": 10, "ร้อย": 100, "พัน": 1e3, "หมื่น": 1e4, "แสน": 1e5, "ล้าน": 1e6,
    "สิบล้าน": 1e7, "ร้อยล้าน": 1e8, "พันล้าน": 1e9, "หมื่นล้าน": 1e10, "แสนล้าน": 1e11,
    "ล้านล้าน": 1e12,
}  # fmt: skip

_CURRENCIES = {
    "฿": "บาท", "บาท": "บาท", "baht": "บาท", "thb": "บาท",
    "$": "usd", "us$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd", "ดอลลาร์": "usd",
    "ดอลลาร์สหรัฐ": "usd", "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur", "ยูโร": "eur",
    "£": "gbp", "gbp": "gbp", "¥": "jpy", "jpy": "jpy",
}  # fmt: skip

# Words after a number that are not its unit ("from 400 to 500": "to" is not a unit of 400).
_EN_NOT_UNITS = frozenset(
    """
    a an and or but nor to by from in into of on at for per with within without vs versus than the
    this that these those is are was were be been will would should can could may might must as over
    under above below more less fewer before after until till since during across among through via
    plus minus each every all any no not we our us i you your they their it its he she his her
    today currently now yet also still up down out off then so if when while where which who whom
    compared relative respectively approximately about around roughly top rank
    """.split()
)
# Adjectives skipped once before the unit word: "500 new signups" -> "signups".
_EN_UNIT_ADJECTIVES = (
    "new|more|active|paying|additional|unique|monthly|daily|weekly|yearly|annual|total|qualified|"
    "extra|net|organic|returning|repeat|enterprise|verified|registered|completed|closed|open|critical|"
    "major|minor|key|high|low|premium|free|internal|external|business|working|calendar"
)

def _trie_pattern(phrases: list[str], space: str) -> str:
    """A regex matching any of ``phrases``, shaped as a trie so that a failing position costs one
    character test, and preferring the longest phrase. (Built once and kept with the compiled patterns.)"""
    return regexcache.remembered("trie", space + "\x00" + "\x1f".join(phrases), lambda: _build_trie(phrases, space))


def _build_trie(phrases: list[str], space: str) -> str:
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


# ---------------------------------------------------------------------------------------------------
# Regexes for read_numbers
# ---------------------------------------------------------------------------------------------------

# The boundary before a number ("not after a digit or a dot") is checked in code: a leading lookbehind
# would stop the regex engine from skipping quickly to the next digit.
_DIGITS_RE = regexcache.compile(r"\d(?:\d{0,2}(?:,\d{3})+(?!\d|,\d)|\d*)(?:\.\d+)?")
_HAS_THAI_RE = regexcache.compile(r"[\u0E01-\u0E4E]")

_NUMERIC_DATE_RE = regexcache.compile(
    r"(?<![\d.,/])(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{4}|\d{2})"
    r"|(?P<dd>\d{1,2})(?P<sep>[.-])(?P<dm>\d{1,2})(?P=sep)(?P<dy>\d{4})"
    r")(?![\d/]|[.-]\d)"
)
_TIME_RE = regexcache.compile(
    r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?![\d:])(?:\s*(?:น\.|(?i:am|pm)\b))?"
    r"|\.(?P<m2>[0-5]\d)\s*น\.)"
)
_DAY_MONTH_RE = regexcache.compile(
    r"(?<![\d.,])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:(?P<thm>" + _THAI_MONTHS + r")|(?P<enm>(?i:"
    + _EN_MONTHS + r"))\b\.?)(?:\s*,?\s*(?P<y>\d{4}|\d{2})(?![\d,.]))?"
)
_MONTH_DAY_RE = regexcache.compile(
    r"\b(?P<enm>(?i:" + _EN_MONTHS + r"))\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d.:]|,\d)"
    r"(?:,?\s*(?P<y>\d{4})(?!\d))?"
)
_DATE_HINT_RE = regexcache.compile(r"\d\s*[-/.:]\s*\d")

# What may stand right after a number. Tried in this order: ratio, multiplier, percent, currency,
# ordinal suffix, unit.
_RATIO_RE = regexcache.compile(
    r"\s*/\s*(?P<slash>\d+(?:\.\d+)?)(?![\d/.]|,\d)"
    r"|\s+(?i:out\s+of)\s+(?P<outof>\d+(?:\.\d+)?)"
    r"|:(?P<colon>\d+(?:\.\d+)?)(?![\d:])"
    r"|\s*(?:คะแนน)?\s*(?P<th_kw>เต็ม|จาก(?:คะแนน)?เต็ม|จาก)\s*(?P<th>\d+(?:\.\d+)?)"
    r"(?P<th_unit>\s*(?:คะแนน|ดาว|แต้ม))?"
)
_MULTIPLIER_RE = regexcache.compile(
    r"(?P<g>(?i:k|mm|mn|m|bn|b))(?![A-Za-z])"
    r"|\s(?P<sp>K|M|MM|B|BN|Bn|Mn)(?![A-Za-z])"
    r"|[\s-]*(?P<w>(?i:hundred|thousand|million|billion|trillion|dozen))\b"
    r"|\s*(?P<th>พันล้าน|หมื่นล้าน|แสนล้าน|ร้อยล้าน|สิบล้าน|ล้านล้าน|ล้าน|แสน|หมื่น|พัน)"
    r"(?![ธะัาำิีึืุู็่้๊๋์ๆ]|นา)"
)
# "2 ล้าน 5 แสน" = 2,500,000
_THAI_MULTIPLIER_TAIL_RE = regexcache.compile(r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<th>แสน|หมื่น|พัน)(?![ธๆ])")
_RANGE_PERCENT_RE = regexcache.compile(r"\s*[-–]\s*\d+(?:\.\d+)?\s*%")
_PERCENT_RE = regexcache.compile(
    r"(?P<pp>\s?(?i:pp|p\.p\.|ppts?|percentage[\s-]points?)(?![A-Za-z])|\s*จุดเปอร์เซ็นต์)"
    r"|(?P<pct>\s?%|\s*(?i:percent|per\s?cent|pct)\b|\s*(?:เปอร์เซ็นต์|เปอร์เซนต์|เปอร์เซ็นต|เปอร์เซ็น))"
)
_CURRENCY_SUFFIX_RE = regexcache.compile(
    r"\s*(?P<c>บาท|ดอลลาร์สหรัฐ|ดอลลาร์|ยูโร|(?i:baht|thb|usd|dollars?|euros?|eur|gbp|jpy)\b)"
)
_PENCE_RE = regexcache.compile(r"(?:[pP]|\s?(?P<word>(?i:pence)))(?![A-Za-z0-9])")
_ORDINAL_SUFFIX_RE = regexcache.compile(r"(?i:st|nd|rd|th)(?![A-Za-z])")
_UNIT_GLUED_RE = regexcache.compile(
    r"(?P<u>(?i:ms|msec|secs?|s|hrs?|h|mins?|d|days?|wks?|w|mos?|yrs?|y|x|kg|km|gb|mb|tb|kb|pts?|ppm|ppb)|‰)"
    r"(?![A-Za-z])|-(?P<hy>[A-Za-z]+)"
)
_UNIT_THAI_RE = regexcache.compile(r"\s*(?P<u>" + _THAI_UNIT_ALT + ")")
_UNIT_EN_RE = regexcache.compile(
    r"\s+(?:(?i:" + _EN_UNIT_ADJECTIVES + r")\s+)?(?P<u>[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)?)(?![\d_])"
)

_THAI_WORD_RE = regexcache.compile(
    r"(?=[ศหเสยกรพมแลค])(?:(?P<half1>ครึ่งหนึ่ง)|(?P<tok>(?:" + _THAI_TOKEN_ALT + r")+)|(?P<half>ครึ่ง)(?!ปี|แรก|หลัง|ทาง|ๆ))"
)
_EN_WORD_TRIE = _trie_pattern(sorted({*_EN_SMALL, *_EN_TENS, *_EN_SCALES, "hundred", "dozen"}), r"\s+")
_EN_WORD_FIRST = "".join(sorted({c for w in (*_EN_SMALL, *_EN_TENS, *_EN_SCALES, *_EN_ADVERBS, "hundred", "dozen",
                                              "half", "a") for c in (w[0], w[0].upper())}))
_EN_WORDS_RE = regexcache.compile(
    r"\b(?=[" + _EN_WORD_FIRST + r"])(?i:(?:(?P<adv>once|twice|thrice)|(?P<half>(?<=by )half|(?<=in )half)"
    r"|(?P<words>(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:" + _EN_WORD_TRIE + r")"
    r"(?:(?:\s+and\s+|\s+|-)(?:" + _EN_WORD_TRIE + r"))*))\b)"
)
_EN_TOKEN_RE = regexcache.compile(r"(?i:\ban?\b|" + _EN_WORD_ALT + ")")
_EN_ONE_NOT_NUMBER_BEFORE_RE = regexcache.compile(
    r"(?i:\b(?:no|the|this|that|any|each|every|which|some|someone|anyone|the\s+only|only)\s+)$"
)
# "one of", "one-on-one", and "one-" joined to a noun as an adjective ("a one-command setup", "one-click checkout",
# "a one-page summary"): a feature's name, not a count; "one-third", "one-hundred" stay numbers
_EN_ONE_NOT_NUMBER_AFTER_RE = regexcache.compile(
    r"(?i:\s+(?:of|another|by\s+one)\b|-(?:on|off|stop|time)\b"
    r"|-(?!(?:thirds?|halves|half|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundred\w*"
    r"|thousand\w*|million\w*|billion\w*|trillion\w*|percent|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)"
    r"[a-z]{3,}\b)")
_EN_ADVERB_NOT_NUMBER_RE = regexcache.compile(r"(?i:\s+(?:again|more|upon)\b)")


# ---------------------------------------------------------------------------------------------------
# Context vocabulary
#
# Words around a number decide what it is ("ปี 2569" is a year, "ร้อยละ 35" a percent) and what role it
# plays in a change ("from 400", "เป็น 500", "at least 500"). All of these phrases are compiled into one
# trie-shaped regex and found in a single scan per text: a plain alternation of a few hundred phrases,
# tried at every position, would cost more than everything else in this module together.
# ---------------------------------------------------------------------------------------------------


@attrs.frozen
class _Roles:
    marker: str | None = None  # role in a change: base up down within arrow target rel per gap
    context: str | None = None  # what it makes the next number: cur pct period rank ordinal ident
    #                             ystrong2 ystrong yweak vague
    verb: str | None = None  # "up" / "down" for increase/decrease verbs


_VOCAB: dict[str, _Roles] = {}


_NO_ROLES = _Roles()


@functools.cache
def _roles(marker: str | None, context: str | None, verb: str | None) -> _Roles:
    return _Roles(marker, context, verb)  # a few dozen distinct combinations for a thousand phrases


def _vocab(phrases: str, marker: str | None = None, context: str | None = None, verb: str | None = None) -> None:
    """Register phrases, separated by "|" (English phrases may contain spaces), with their roles."""
    for phrase in phrases.split("|"):
        key = phrase.strip().lower()
        old = _VOCAB.get(key, _NO_ROLES)
        _VOCAB[key] = _roles(marker or old.marker, context or old.context, verb or old.verb)


# change markers
_vocab("ค่ามัธยฐาน|มัธยฐาน|ค่ามัธยฐาน 5 ปี|ค่ามัธยฐาน 5 ปีย้อนหลัง|ค่ามัธยฐานย้อนหลัง 5 ปี|ค่ามัธยฐาน 3 ปี|ค่าเฉลี่ย 3 ปี"
       "|ค่าเฉลี่ย 5 ปี|ค่าเฉลี่ยย้อนหลัง 3 ปี|ค่าเฉลี่ยย้อนหลัง 5 ปี", marker="base")  # "(ค่ามัธยฐาน ๕ ปี: ๘๒.๕)": the usual level
_vocab("จาก|จากเดิม|จากเดิมที่|จากปัจจุบัน|จากปัจจุบันที่|ปัจจุบัน|ปัจจุบันอยู่ที่|ปัจจุบันมี|ในปัจจุบัน|ค่าฐาน"
       "|ค่าเริ่มต้น|ฐานเดิม|เดิม|เดิมที่|เดิมอยู่ที่", marker="base")
_vocab("from|from a baseline of|from baseline|from the baseline of|baseline|baseline of|up from|down from"
       "|starting from|starting at|currently|currently at|current|today|vs|versus|compared to|compared with"
       "|was|were|last year|last quarter|last month|last term|last cycle|previous year|previous quarter|prior year"
       "|previously|in the last quarter|in the previous quarter|outturn|out-turn|actual|actuals"
       "|currently day|currently on day|from day|down from day|up from day|now day|today day|vs day|was day"
       "|median|5-year median|five-year median|3-year median|three-year median|3-year average|5-year average"
       "|median of the last 5 years|median of the last five years",
       marker="base")  # "by working day 7 (currently day 12)": the day the work is done by, then and now
# "(ปีที่แล้ว 450 ล้านบาท)", "(ปีงบประมาณที่ผ่านมา ร้อยละ 72)": where the number stood before
_vocab("ปีที่แล้ว|ปีก่อน|ปีที่ผ่านมา|ปีงบประมาณที่แล้ว|ปีงบประมาณที่ผ่านมา|ปีงบประมาณก่อน|ปีบัญชีที่แล้ว|ปีบัญชีก่อน|ปีบัญชีที่ผ่านมา|ไตรมาสที่แล้ว|ไตรมาสก่อน"
       "|ไตรมาสที่ผ่านมา|เดือนที่แล้ว|ภาคเรียนที่แล้ว|ปีการศึกษาที่แล้ว|ปีการศึกษาที่ผ่านมา|ครั้งก่อน|ตอนนี้|ขณะนี้"
       "|ผลการดำเนินงานปีที่ผ่านมา|ผลการดำเนินงานที่ผ่านมา|ข้อมูลพื้นฐาน", marker="base")
_vocab("ไม่น้อยกว่า|ไม่ต่ำกว่า|อย่างน้อย|ขั้นต่ำ|มากกว่า|เกินกว่า|สูงกว่า|นานกว่า|เกิน|longer than|≥|>=|>|⩾|at least|to at least"
       "|no less than|not less than|no fewer than|more than|greater than|higher than|over|above|exceed"
       "|exceeds|exceeding|beyond|min|minimum|minimum of", marker="up")
_vocab("ไม่เกิน|ไม่มากกว่า|ไม่สูงกว่า|ไม่นานกว่า|ไม่ถึง|ต่ำกว่า|น้อยกว่า|no longer than|not longer than|shorter than|เหลือ|ให้เหลือ|เหลือเพียง|เหลือแค่|สูงสุด|≤|<=|=<|<|⩽"
       "|at most|to at most|no more than|not more than|no higher than|less than|fewer than|lower than|below"
       "|under|down to|max|maximum|maximum of", marker="down")
_vocab("ภายใน|within|in under", marker="within")
_vocab("→|->|⟶|➜|➔|➞|➝|➙|➛|➡|➠|⇒|⟹|=>|—>|–>", marker="arrow")
_vocab("ให้เป็น|ไปเป็น|ให้ได้|ให้ได้ถึง|ให้ถึง|เป็น|ถึง|แตะ|เป้าหมาย|เป้าหมายที่|เป้า|รักษา|รักษาระดับ|คงไว้|คงไว้ที่|="
       "|to|reach|reaches|reaching|hit|hitting|achieve|attain|get to|up to|target|target of|goal|goal of"
       "|maintain|maintaining|keep|sustain|hold", marker="target")
_vocab("ขึ้น|ลง|by", marker="rel")
_vocab("ต่อ|ทุก|ทุกๆ|/|per|every|each|out of|in every", marker="per")
_vocab("at|of|is|about|around|approximately|approx|roughly|อยู่ที่|ที่|ประมาณ|คือ", marker="gap")
# "(ตอนนี้เฉลี่ย ๑๕ วัน)", "จากเดิมโดยเฉลี่ย 15 วัน", "(currently averaging 15 days)", "from an average of 8": that the
# figure is an average says nothing of its role; the word before it does
_vocab("เฉลี่ย|โดยเฉลี่ย|เฉลี่ยอยู่ที่|โดยเฉลี่ยอยู่ที่|average|averaging|averages|on average|an average of|average of|avg"
       "|avg.|on avg", marker="gap")
# increase / decrease verbs (direction when the numbers and markers say nothing)
_vocab("เพิ่ม|เพิ่มขึ้น|ขยาย|เติบโต|ยกระดับ", marker="rel", verb="up")
_vocab("ลด|ลดลง|หด|ย่น", marker="rel", verb="down")
_vocab("increase|increases|increased|increasing|grow|grows|growing|grew|raise|raises|raising|boost|boosts"
       "|boosting|expand|expands|expanding|double|triple|lift|scale up", verb="up")
_vocab("reduce|reduces|reduced|reducing|decrease|decreases|decreasing|cut|cuts|cutting|lower|lowers"
       "|lowering|shrink|shrinks|minimise|minimize|minimising|minimizing|drop|drops|decline|trim|shorten"
       "|halve", verb="down")
# words that only contain a marker: matching them whole keeps the scan from seeing the marker
_vocab("เจ้าหน้าที่|หน้าที่|ติดต่อ|ต่อเนื่อง|จำเป็น|เป็นไปได้|เป็นไปตาม|เป็นต้น|เพิ่มเติม|ลงทุน|ลงทะเบียน|ขึ้นทะเบียน|ลดา|ทั้งนี้|ทุกคน")
# what the next number is
_vocab("฿|$|us$|€|£|¥|thb|usd|eur|gbp|jpy", context="cur")
_vocab("ร้อยละ", context="pct")
_vocab("ไตรมาส|ไตรมาสที่|ภาคเรียน|ภาคเรียนที่|เทอม|เทอมที่|ระยะที่|เฟส|เฟสที่|สปรินต์|สปรินต์ที่|งวด|quarter|sprint|phase"
       "|wave|stage|semester|term|week|day|month|milestone", context="period")
_vocab("อันดับ|อันดับที่|ลำดับที่|rank|ranked|top|number", context="rank")
_vocab("|".join(w + "ที่" for w in "ครั้ง ข้อ ชั้น รุ่น ฉบับ บท หน้า ขั้น ขั้นตอน รอบ งวด สัปดาห์ เดือน วัน ปี คน ชุด "
                               "หมู่ ซอย อาคาร ห้อง เขต โซน แปลง หมวด มาตรา ยุทธศาสตร์ กลยุทธ์ มาตรการ แผนงาน "
                               "ตัวชี้วัด เป้าประสงค์ ประเด็น ประเด็นยุทธศาสตร์".split()),
       context="ordinal")  # "ครั้งที่ 3", "หมู่ที่ 7" (a village), "ยุทธศาสตร์ที่ 2": which one, not how many
# "ภาค 1", "เขต ๒", "ภาคที่ 3", "Region 4": a numbered region or zone of an organisation, which place, not how many
_vocab("ภาค|ภาคที่|ภูมิภาคที่|เขต|เขตสุขภาพ|เขตสุขภาพที่|เขตตรวจราชการ|เขตตรวจราชการที่|เขตพื้นที่|ศูนย์ที่|สาขาที่"
       "|สำนักงานภาค|สำนักงานเขต|region|zone", context="ordinal")
# "TCI กลุ่ม ๑", "Tier 1 cities", "Grade 6 pupils", "type 2 diabetes", "SOC 2 Type 2", "เบาหวานชนิดที่ 2": which one
_vocab("กลุ่ม|tier|grade|type|ชนิด|ชนิดที่|ประเภทที่|ขั้น", context="ordinal")  # "HA ขั้น 3": a level named
# "สายด่วน ๑๓๓๐", "hotline 1669", "โทร 1111": a number to call, a name
_vocab("สายด่วน|hotline|helpline|call centre|call center|เบอร์|หมายเลข|โทร", context="ordinal")
_vocab("iso|iso/iec|iec|version|ver|v|rev|release|web|python|windows|ios|android|covid|tls|ssl|http|html"
       "|gpt|iphone|wcag|soc|pci dss|owasp top|openapi|swagger|oauth|graphql|ipv|usb|bluetooth|wifi|wi-fi"
       "|jakarta|terraform|elasticsearch|airflow|tableau|odoo|เวอร์ชัน|เวอร์ชั่น", context="ident")
# Product, platform and programme names: the number after them is part of the name ("Microsoft 365",
# "Android 14", "ไทยแลนด์ 4.0"). Words that are also ordinary English ("office", "java", "industry") only
# count when capitalised, which is checked where the context is used.
_vocab("microsoft|macos|ipados|watchos|ipad|ubuntu|debian|rhel|centos|fedora|kubernetes|postgresql|postgres"
       "|mysql|mariadb|mongodb|php|nodejs|jdk|jre|dotnet|angular|django|laravel|vmware|vsphere|esxi|sap"
       "|playstation|xbox|ไทยแลนด์|ไมโครซอฟท์|ออฟฟิศ|วินโดวส์|แอนดรอยด์|ไอโฟน", context="ident")
_vocab("office|dynamics|outlook|excel|sharepoint|exchange|server|studio|java|javascript|kotlin|swift|galaxy"
       "|pixel|surface|edge|react|vue|node|rails|ruby|oracle|industry|thailand|society", context="brand")
# Nouns that name one of several things by a number: "BRCGS Issue 9", "the SQF Edition 9 audit", "OEE on Line 3",
# "Plant 2", "ไลน์ 2", "สายการผลิต 3". The number says which one, unless the word is a verb heading the text ("Issue 40
# permits", "Plant 500 trees") or, in Thai, a classifier follows ("อาคาร 3 หลัง": three buildings).
# Plurals name several by numbers or a range ("cells 1–6", "lines 2 and 3", "presses 4-7").
_vocab("issue|edition|line|lines|production line|plant|plants|building|buildings|gate|gates|ward|wards|dock|docks|bay"
       "|bays|hall|wing|kiln|kilns|furnace|terminal|warehouse|cell|cells|press|presses|machine|machines|station|stations"
       "|work cell|work cells|workstation|workstations|zone|zones"
       "|ไลน์|ไลน์ผลิต|ไลน์การผลิต|สายการผลิต|สายพาน|อาคาร|ฉบับ|โรงเรือน|คลังสินค้า|ท่าเรือ|หอผู้ป่วย|วอร์ด|เซลล์|เซลล์การผลิต"
       "|สถานีงาน|โซน", context="label")
# "mobile app 4.0", "API 2.1", "แอป 3.5": a version when written with a decimal point and no unit after ("app 4.5 stars")
_vocab("app|apps|application|api|sdk|firmware|client|แอป|แอพ|แอปพลิเคชัน|แอปพลิเคชั่น", context="product")
_vocab("ปี|ปีงบ|ปีงบฯ|ปีงบประมาณ|ปีบัญชี|ปีการเงิน|พ.ศ.|พ.ศ|พศ.|ค.ศ.|ค.ศ|fy|cy", context="ystrong2")
_vocab(_THAI_MONTHS.replace("\\", ""), context="month_th")
_vocab(_EN_MONTHS, context="month_en")
_vocab("year|end of|start of|beginning of|middle of|mid", context="ystrong")
_vocab("by|in|of|for|within|during|until|till|before|after|since|through|throughout|ภายใน|ใน|ช่วง|ก่อน|หลัง|จนถึง",
       context="yweak")
_vocab("หลาย|นับ|หลัก|ไม่กี่|ประ", context="vague")
_SALE_WORDS = ("campaign", "sale", "แคมเปญ", "โปร", "เทศกาล", "มหกรรม")  # "แคมเปญ 12.12", "the 11.11 sale"
_vocab("|".join(_SALE_WORDS) + "|โปรโมชั่น|โปรโมชัน|flash sale", context="sale_day")


def _is_english(phrase: str) -> bool:
    """English phrases start and end with a letter, so they are matched between word boundaries."""
    return all(c.isascii() and c.isalpha() for c in (phrase[0], phrase[-1]))


_EN_PHRASES = [p for p in _VOCAB if _is_english(p)]
_OTHER_PHRASES = sorted({v for p in _VOCAB.keys() - set(_EN_PHRASES) for v in (p, p.upper())})
_FIRST_CHARS = {p[0] for p in _OTHER_PHRASES} | {c for p in _EN_PHRASES for c in (p[0], p[0].upper())}
_VOCAB_RE = regexcache.compile(
    "(?=[" + "".join(re.escape(c) for c in sorted(_FIRST_CHARS)) + "])(?:"
    + _trie_pattern(_OTHER_PHRASES, " ")
    + r"|\b(?i:" + _trie_pattern(_EN_PHRASES, r"\s+") + r")\b)"
)


class _Scan(list):
    """The vocabulary phrases of a text, (start, end, roles) in order. They do not overlap (one regex pass), so their
    ends rise with their starts and the phrase before or after a position is found by bisection, not by a walk from
    one end: a text of n phrases costs n log n, not n² (a 2,000-character "from 1 to 2 from 1 to 2 …")."""

    __slots__ = ("_starts", "_ends", "_last_verb", "_by_how_much")

    def starts(self) -> list[int]:
        try:
            return self._starts
        except AttributeError:
            self._starts = [phrase[0] for phrase in self]
            return self._starts

    def ends(self) -> list[int]:
        try:
            return self._ends
        except AttributeError:
            self._ends = [phrase[1] for phrase in self]
            return self._ends

    def last_verb_before(self, index: int) -> tuple[int, int, _Roles] | None:
        """The last phrase with a verb among the first ``index`` phrases."""
        try:
            last = self._last_verb
        except AttributeError:
            last, verb = [None], None
            for phrase in self:
                if phrase[2].verb is not None:
                    verb = phrase
                last.append(verb)
            self._last_verb = last
        return last[index]

    def by_how_much_between(self, start: int, end: int) -> bool:
        """True when a phrase that says by how much ("by", "more than", "→") lies within ``start:end``."""
        try:
            counts = self._by_how_much
        except AttributeError:
            counts, seen = [0], 0
            for phrase in self:
                seen += phrase[2].marker in ("rel", "target", "arrow")
                counts.append(seen)
            self._by_how_much = counts
        first, last = bisect.bisect_left(self.starts(), start), bisect.bisect_right(self.ends(), end)
        return first < last and counts[last] > counts[first]


def _scan_vocabulary(norm: str) -> _Scan:
    found = _Scan()
    for m in _VOCAB_RE.finditer(norm):
        phrase = m.group()
        roles = _VOCAB.get(phrase) or _VOCAB.get(" ".join(phrase.lower().split()))
        if roles is not None:
            found.append((m.start(), m.end(), roles))
    return found


# ---------------------------------------------------------------------------------------------------
# read_numbers
# ---------------------------------------------------------------------------------------------------

_ANALYSED_CHARS = 2_000  # facts.MAX_ANALYSED_CHARS, checked without importing facts (which imports this module)


def _analysed(text: str) -> str:
    """The part of ``text`` that is read for numbers: as for titles, the first MAX_ANALYSED_CHARS characters (cut at
    a space when one is near). A field longer than that is no number anyone wrote (the loaders report it); reading
    all of it would only cost time."""
    if len(text) <= _ANALYSED_CHARS:
        return text
    from okrlint.text.facts import analysed_part

    return analysed_part(text)


def read_numbers(text: str) -> tuple[NumberMention, ...]:
    """Every number mentioned in ``text``, in order of position."""
    if not text:
        return ()
    text = _analysed(text)
    norm = normalize_digits(text)
    scan = _cached_scan(norm)
    mentions: list[NumberMention] = []
    taken = _Taken(len(norm))  # spans already read, so later passes skip them
    if '"' in norm or "“" in norm or "«" in norm or "「" in norm:
        for span in _quoted_names(norm):
            taken.append(span)  # "Launch feature ใหม่ "สั่งซ้ำ 1 คลิก"": a name, not a quantity
    if _DATE_HINT_RE.search(norm) or any(r.context in ("month_en", "month_th") for _s, _e, r in scan):
        _read_dates(text, norm, mentions, taken)
    _read_digit_numbers(text, norm, scan, mentions, taken)
    if _HAS_THAI_RE.search(norm):
        _read_thai_words(text, norm, scan, mentions, taken)
    _read_english_words(text, norm, mentions, taken)
    if mentions and (blank := _BLANK_BEFORE_SCALE.search(norm)) is not None:
        # "xx ล้านบาท", "N million": a blank left before the scale word, not one million
        mentions = [m for m in mentions if not (m.kind in ("word", "money") and not _DIGIT_RE.search(m.text)
                                                and _blank_before(norm, blank, m.start + len(m.text)))]
    if not all(math.isfinite(m.value) for m in mentions):
        # 309 digits or more ("9999…", "1e999" is no number anyway) give no value a float holds: no number was meant
        mentions = [m for m in mentions if math.isfinite(m.value)]
    mentions.sort(key=_start_of)
    if len(mentions) > 1:
        _join_compound_durations(text, mentions)
        _share_a_scale_written_once(norm, mentions)
    return tuple(mentions)


# Between the two ends of a change or a range whose scale word is written once, after the second number
_SCALE_SHARED_ACROSS_RE = regexcache.compile(
    r"\s*(?:(?i:to|from|and|or|down\s+to|up\s+to)|ให้เหลือ|เหลือ|ให้เป็น|เป็น|ถึง|จาก|และ|หรือ|[-–—→]|->)\s*$")
_PLAIN_AMOUNT_RE = regexcache.compile(r"(?:[-−+–]|ติดลบ\s*|บวก\s*)?[$฿€£¥]?[-−+]?\s*\d[\d,]*(?:\.\d+)?")
_SCALES = frozenset(v for v in _MULTIPLIERS.values() if v >= 1e3)


def _share_a_scale_written_once(norm: str, mentions: list) -> None:
    """"from 62 to 55 million baht", "จาก 62 เหลือ 55 ล้านบาท", "from $3.2 to $5.0M", "1.2–0.9 billion": the scale
    word after the second number holds for the first, when the first has none and the two are then of one size
    ("from 900 to 2 million users" keeps its 900)."""
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if first.kind not in ("number", "money") or second.kind not in ("number", "money") or first.denominator \
                or second.denominator or not _PLAIN_AMOUNT_RE.fullmatch(normalize_digits(first.text)):
            continue
        if first.unit is not None and (first.kind != "money" or first.unit != second.unit):
            continue
        digits = _DIGITS_RE.search(normalize_digits(second.text))
        written = float(digits.group().replace(",", "")) if digits else 0.0
        scale = second.value / written if written else 0.0
        if scale < 999.0 or not any(abs(scale - s) < 1e-6 * s for s in _SCALES):  # every scale is 1,000 or more
            continue
        scale = min(_SCALES, key=lambda s: abs(scale - s))
        if not _SCALE_SHARED_ACROSS_RE.match(norm[first.end:second.start]):
            continue
        value = _scaled(first.value, first.text.replace(",", "").lstrip("$฿€£¥ "), scale)
        if not 0.1 <= abs(value / second.value) <= 10:  # "from -$3.2 to $5.0M": of one size, either sign
            continue
        mentions[i] = attrs.evolve(first, value=value, kind=second.kind, unit=first.unit or second.unit)


_BLANK_BEFORE_SCALE = regexcache.compile(
    r"(?:(?<![\w.])(?:[xX]{1,4}|[NXYZ]|TBD|TBC|tbd|tbc)|\?{1,3}|_{2,}|…|\.{3})\s*(?:ล้าน|พัน|หมื่น|แสน|(?i:million|thousand|billion|k\b|m\b|bn\b))")
_DIGIT_RE = regexcache.compile(r"[0-9]")


def _blank_before(norm: str, first: re.Match, end: int) -> bool:
    """A blank before a scale word (_BLANK_BEFORE_SCALE) within ``norm[:end]``: the first one of the text ends by then,
    or one ends right at ``end`` with its scale word cut there ("xx m" of "xx million"), sought from just before it,
    not from the start of the text (which cost each number word the length of the text before it)."""
    if first.end() <= end:
        return True
    return norm[end - 1:end] in ("k", "K", "m", "M", "n", "N") and \
        _BLANK_BEFORE_SCALE.search(norm, max(0, end - 64), end) is not None


_DURATION_JOINER = regexcache.compile(r"\s*(?:,|and|และ)?\s*")


def _join_compound_durations(text: str, mentions: list) -> None:
    """"1 ชม. 20 นาที", "2 hours 30 minutes", "1 วัน 4 ชั่วโมง": one duration, in the smaller unit."""
    i = 0
    while i < len(mentions) - 1:
        first, second = mentions[i], mentions[i + 1]
        big = _SECONDS_PER_UNIT.get((first.unit or "").lower())
        small = _SECONDS_PER_UNIT.get((second.unit or "").lower())
        if (big and small and big > small and first.kind == second.kind == "number"
                and _unit_then_joiner(text, first.end, second.start, first.unit)):
            value = (first.value * big + second.value * small) / small
            mentions[i:i + 2] = [NumberMention(value, first.start, second.end, text[first.start:second.end], "number",
                                               second.unit)]
            continue
        i += 1


def _unit_then_joiner(text: str, end: int, start: int, unit: str) -> bool:
    between = text[end:start]
    stripped = between.lstrip()
    if not stripped.lower().startswith(unit.lower()):
        return False
    return bool(_DURATION_JOINER.fullmatch(stripped[len(unit):]))


# read_change usually runs right after read_numbers on the same text: keep the last scan.
_last_scan: tuple[str, _Scan] = ("", _Scan())


def _cached_scan(norm: str) -> _Scan:
    global _last_scan
    cached_text, cached = _last_scan
    if cached_text == norm:
        return cached
    scan = _scan_vocabulary(norm)
    _last_scan = (norm, scan)
    return scan


_GAP_CHARS = " \t\r\n\xa0\u200b:=(~'’"


def _phrase_before(scan: _Scan, norm: str, pos: int, skip_gap_words: bool = False) -> tuple[int, int, _Roles] | None:
    """The vocabulary phrase that ends right before ``pos`` (only spaces, ":", "(" between)."""
    for i in range(bisect.bisect_right(scan.ends(), pos) - 1, -1, -1):
        start, end, roles = scan[i]
        if end > pos:
            continue
        if norm[end:pos].strip(_GAP_CHARS):
            return None
        if skip_gap_words and roles.marker == "gap":
            pos = start
            continue
        return scan[i]
    return None


def _ends_with(regex: re.Pattern, norm: str, end: int) -> bool:
    r"""``regex``, a few words then spaces then ``$``, matches the text before ``end``. Searched from the last word
    before the spaces there, not from the start of the text, which cost each number the length of the text before
    it; ``\s`` and ``str.isspace`` are one class, and no word of these patterns is longer than 16 characters."""
    word_end = end
    while word_end > 0 and norm[word_end - 1].isspace():
        word_end -= 1
    return regex.search(norm, max(0, word_end - 16), end) is not None


def _start_of(mention: NumberMention) -> int:
    return mention.start


class _Taken:
    """The characters of a text already read as part of a number (or of a name around one), so that later passes
    skip them. Kept as a mark per character: asking whether a span overlaps costs the span's length, not the number
    of spans read so far (which made a field of "1-1-1-…" quadratic)."""

    __slots__ = ("marks", "count")

    def __init__(self, length: int) -> None:
        self.marks = bytearray(length + 1)
        self.count = 0

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        if end > start:
            self.marks[start:end] = b"\x01" * (end - start)
        self.count += 1

    def __bool__(self) -> bool:
        return self.count > 0

    def overlaps(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) >= 0


def _overlaps(taken: _Taken, start: int, end: int) -> bool:
    return taken.overlaps(start, end)


def _read_dates(text: str, norm: str, mentions: list, taken: _Taken) -> None:
    for m in _NUMERIC_DATE_RE.finditer(norm):
        if m["iy"]:
            y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        elif m["sd"]:
            d, mo, y = int(m["sd"]), int(m["sm"]), int(m["sy"])
            if mo > 12 and d <= 12:  # month/day/year
                d, mo = mo, d
        else:
            d, mo, y = int(m["dd"]), int(m["dm"]), int(m["dy"])
            if mo > 12 and d <= 12:
                d, mo = mo, d
        if 1 <= mo <= 12 and 1 <= d <= 31:
            _add_span(text, mentions, taken, m.start(), m.end(), y * 10000 + mo * 100 + d, "date")
    for regex in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        for m in regex.finditer(norm):
            start, end = m.start(), m.end()
            if _overlaps(taken, start, end):
                continue
            day = int(m["d"])
            if not 1 <= day <= 31:
                continue
            groups = m.groupdict()
            thai_month = groups.get("thm")
            month = _MONTH_NUMBER[thai_month] if thai_month else _MONTH_NUMBER[groups["enm"].lower()]
            year_text = groups["y"]
            # a 2-digit "year" is only read after Thai month names ("31 มี.ค. 69")
            if year_text and len(year_text) == 2 and not thai_month:
                end = len(norm[: m.start("y")].rstrip(" ,"))
                year_text = None
            year = int(year_text) if year_text else 0
            _add_span(text, mentions, taken, start, end, year * 10000 + (month or 0) * 100 + day, "date")
    for m in _TIME_RE.finditer(norm):
        if (m["m"] or m["m2"]) and not _overlaps(taken, m.start(), m.end()):
            minutes = int(m["m"] or m["m2"])
            _add_span(text, mentions, taken, m.start(), m.end(), int(m["h"]) * 100 + minutes, "date")


def _add_span(text, mentions, taken, start, end, value, kind, unit=None, denominator=None) -> None:
    mentions.append(NumberMention(float(value), start, end, text[start:end], kind, unit, denominator))
    taken.append((start, end))


def _read_digit_numbers(text: str, norm: str, scan: _Scan, mentions: list, taken: _Taken) -> None:
    resume = 0  # end of the last thing read; a ratio denominator or version tail is not read again
    upgrades = _UPGRADE_RE.match(norm) is not None  # "Upgrade the app to React Native 0.76": once per text
    launches = _LAUNCH_WORD_RE.search(norm) is not None
    for m in _DIGITS_RE.finditer(norm):
        start, end = m.span()
        if start < resume or (taken and _overlaps(taken, start, end)):
            continue
        before = norm[start - 1] if start else ""
        if before == ".":
            continue
        raw = m.group()
        if end + 1 < len(norm) and norm[end] == "." and norm[end + 1].isdigit():
            resume = _skip_version(norm, end)  # "2.1.0"
            continue
        value = float(raw.replace(",", ""))
        plain_integer = raw.isdigit()
        kind = "number"

        # Letters glued before: Q3 and H1 are periods, FY2570 a year; v2, p95, B2B, D30 are names.
        fiscal_year = False
        if before.isascii() and before.isalpha():
            letter_before = start >= 2 and norm[start - 2].isascii() and norm[start - 2].isalpha()
            if not letter_before and before in "QqHh" and plain_integer and 1 <= value <= (4 if before in "Qq" else 2):
                _add_span(text, mentions, taken, start - 1, end, value, "period")
                resume = end
                continue
            if norm[max(0, start - 2) : start].lower() in ("fy", "cy") and (
                start < 3 or not (norm[start - 3].isascii() and norm[start - 3].isalpha())
            ):
                fiscal_year = True
            else:
                resume = _skip_identifier(norm, end)
                continue
        if before == "-" and start >= 2 and norm[start - 2].isascii() and norm[start - 2].isalpha():
            if not _after_rank_word(scan, norm, start - 1):
                resume = _skip_identifier(norm, end)  # COVID-19, GPT-4 (but "top-50" is a rank)
                continue
            before = ""
        named = _number_in_a_name(norm, start, end, raw)
        if named:
            taken.append((start, named))  # "7-Eleven", "Customer 360": part of a name, not a quantity
            resume = named
            continue
        signed = _sign_before(scan, norm, start)
        if signed is not None:
            start, sign = signed
            value *= sign
        elif before in _SIGNS and start >= 2 and norm[start - 2] in _CURRENCY_SYMBOLS and (
                start < 3 or norm[start - 3].isspace() or norm[start - 3] in "(:=["):
            start -= 1  # "฿-4.2", "$-4.2": the sign after the currency symbol
            value = -value if before != "+" else value
        context = None if fiscal_year else _phrase_before(scan, norm, start)
        group = context[2].context if context else None
        if group == "cur" and signed is None and (signed := _sign_before(scan, norm, context[0])) is not None:
            value *= signed[1]  # "-฿4.2", "จาก -$4.2 เป็น +$3.0", "–฿4.2": the sign before the currency symbol
        if group == "brand":
            # "Office 365" is a name, "office 3 days a week" and "Office 3 days a week" are not
            is_name = norm[context[0]].isupper() and to_base_unit(0, _read_unit(norm, end))[1] != "s"
            group = "ident" if is_name else None
        elif group == "product":
            group = "ident" if "." in raw and _read_unit(norm, end) is None else None
        elif group == "label":
            group = "ident" if plain_integer and _names_one_of_several(norm, context[0], end) else None
        if group == "ident" and context is not None and context[2].context == "label":
            resume = _skip_label_range(norm, norm[context[0]:context[1]], raw, _skip_identifier(norm, end))  # "cells 1–6"
            continue
        if group is None and upgrades and _names_a_release(norm, start, end):
            group = "ident"  # "Upgrade the app to React Native 0.76": the release moved to, not a quantity
        if group is None and launches and _launches_a_release(norm, start, end):
            group = "ident"  # "Launch Pintoh 2.0 บน iOS": the release launched, not a quantity
        if group == "ident" or (_SALE_DAY_RE.fullmatch(raw) and (
                group == "sale_day" or norm[end:end + 16].lstrip().lower().startswith(_SALE_WORDS))):
            resume = _skip_identifier(norm, end)  # "Windows 11", "แคมเปญ 12.12": a name, not a quantity
            continue
        if raw == "24" and norm.startswith("/7", end):
            resume = end + 2  # "24/7"
            continue

        pos = end
        unit: str | None = None
        denominator: float | None = None

        # ratio: 4.5/5, 4.5 out of 5, 4.5 จาก 5 คะแนน, 3:1
        ratio = _RATIO_RE.match(norm, pos)
        if ratio and ratio["slash"] and plain_integer:
            # "ไตรมาส 2/2569", "ครั้งที่ 3/2569", "10/2569": a period, number or month of a year
            year_pos = _read_slash_year(text, norm, mentions, taken, start, end, value, ratio, context, group)
            if year_pos is not None:
                resume = year_pos
                continue
        if ratio:
            den_text = ratio["slash"] or ratio["outof"] or ratio["colon"]
            if den_text is None and ratio["th"] is not None and _is_thai_ratio(norm, scan, start, value, ratio):
                den_text = ratio["th"]
            if den_text is not None and ratio["slash"] and _spans_two_years(value, den_text, norm[max(0, start - 4):start]):
                # "the 2027/28 programme", "FY27/28", "ปี 2569/70": a financial year, not 2027 out of 28
                year = value if value >= 100 else 2000 + value  # FY27/28: 2027
                mentions.append(NumberMention(year, start, ratio.end(), text[start:ratio.end()], "year"))
                taken.append((start, ratio.end()))
                resume = ratio.end()
                continue
            if den_text is not None:
                denominator = float(den_text)
                kind = "ratio"
                pos = ratio.end("th") if ratio["th"] else ratio.end()
                if ratio["th_unit"]:
                    unit = ratio["th_unit"].strip()
                    pos = ratio.end()

        multiplied = False
        if kind == "number":
            mult = _MULTIPLIER_RE.match(norm, pos)
            if mult:
                word = (mult["g"] or mult["sp"] or mult["w"] or mult["th"]).lower()
                value = _scaled(value, raw, _MULTIPLIERS[word])
                pos = mult.end()
                multiplied = True
                if mult["th"] == "ล้าน" and plain_integer:  # "2 ล้าน 5 แสน"
                    tail = _THAI_MULTIPLIER_TAIL_RE.match(norm, pos)
                    part = _scaled(float(tail["n"]), tail["n"], _MULTIPLIERS[tail["th"]]) if tail else 0.0
                    if tail and part < 1e6:
                        value += part
                        pos = tail.end()

        if kind == "number":
            pct = _PERCENT_RE.match(norm, pos)
            if pct:
                kind, unit, pos = "percent", ("pp" if pct["pp"] else "%"), pct.end()
            elif _RANGE_PERCENT_RE.match(norm, pos):
                kind, unit = "percent", "%"  # "20-30%": both ends are percentages
            else:
                cur = _CURRENCY_SUFFIX_RE.match(norm, pos)
                if cur:
                    kind, unit, pos = "money", _CURRENCIES[cur["c"].lower()], cur.end()
                elif norm.startswith(("p", "P", " pence", " Pence"), pos):
                    pence = _PENCE_RE.match(norm, pos)
                    if pence and (pence["word"] or value < 100) and group != "cur":
                        # "from 24p to 30p", "40 pence": money, in pounds so that "£1.10 to 95p" compares
                        value = round(value / 100, len(raw) + 2)
                        kind, unit, pos = "money", "gbp", pence.end()

        if group == "cur":
            kind, unit = "money", _CURRENCIES[norm[context[0] : context[1]].lower()]
            start = signed[0] if signed is not None and signed[0] < context[0] else context[0]
        elif group == "pct" and kind == "number":
            kind, unit, start = "percent", "%", context[0]
        elif group == "period" and plain_integer and kind == "number" and not _rate_label(norm, context, start):
            kind, start = "period", context[0]
        elif group == "ordinal" and plain_integer and kind == "number":
            kind = "ordinal"

        if kind == "number" and plain_integer and not multiplied:
            suffix = _ORDINAL_SUFFIX_RE.match(norm, pos)
            if suffix and _ordinal_suffix_fits(raw, suffix.group().lower()):
                kind, pos = "ordinal", suffix.end()

        if unit is None and kind in ("number", "ratio"):
            unit = _read_unit(norm, pos)
            if unit is None and kind == "number" and pos < len(norm) and norm[pos].isascii() and norm[pos].isalpha():
                resume = _skip_identifier(norm, pos)  # 5G, 2FA, 3D
                continue

        if kind == "number" and plain_integer and not multiplied:
            if fiscal_year:
                kind, start = "year", start - 2
            elif _is_year(norm, group, raw, value, unit, start, mentions) or (
                    unit is None and len(raw) == 4 and in_year_range(value) and _YEAR_LABEL_RE.match(norm, pos)):
                kind = "year"  # "(2568: 4 ราย)", "Revenue 2026: £3m": the year a figure belongs to

        if kind == "number" and unit is not None and unit in _SECONDS_PER_UNIT and _names_what_is_counted(
                norm, scan, start, pos, unit):
            kind = "period"

        mentions.append(NumberMention(value, start, pos, text[start:pos], kind, unit, denominator))
        resume = pos
        taken.append((start, pos))


def _scaled(value: float, written: str, factor: float) -> float:
    """``value`` times a whole-number scale, exact to the digits written: "8.2 ล้าน" is 8,200,000, not the
    8199999.999999999 that 8.2 * 1e6 gives in floating point."""
    decimals = len(written) - written.index(".") - 1 if "." in written else 0
    return round(value * factor, decimals)


# "a 3-year grant", "a 12-month contract": the term of the thing, unless the word after is what is measured
# ... and the window a measure is counted over: "30-day activation", "7-day retention", "24-hour resolution rate"
_TERM_UNITS = frozenset({"year", "years", "yr", "yrs", "month", "months", "mo", "mos", "day", "days", "week", "weeks",
                         "wk", "wks", "hour", "hours", "hr", "hrs", "quarter", "quarters"})
_TERM_NOUN_RE = regexcache.compile(r"\s+(?!(?i:old|average|rolling|high|low|median|mean)\b)[A-Za-z]")
# ... unless the length is what is measured: "a 24-month cash runway", "a 6-month payback"
_TERM_MEASURED_RE = regexcache.compile(
    r"^(?:\s+[A-Za-z-]+){0,2}?\s+(?i:payback|turnaround|cycle|lead\s+time|response|resolution|waits?|backlog|runway"
    r"|notice|period|window|horizon)\b")
# What a reduction or increase is about when it is time itself: then a bound is its target ("ลดเวลารอเกิน ...")
_TIME_MEASURE_RE = regexcache.compile(r"เวลา|ระยะ|(?i:\btimes?\b|duration|turnaround|\bTAT\b|lead\s+time|latency)")
_COUNT_MEASURE_RE = regexcache.compile(r"จำนวน|สัดส่วน|ร้อยละ|อัตรา|(?i:number\s+of|share\s+of|proportion|percentage|rate\s+of|count)")


def _names_what_is_counted(norm: str, scan: _Scan, start: int, end: int, unit: str) -> bool:
    """A length of time that says which things are counted, not how much: the term of "a 3-year grant", or a
    bound against the verb's direction ("ลดจำนวนผู้ป่วยที่รอเกิน 4 ชั่วโมง", "Reduce patients waiting more than 4
    hours", "Increase the share of calls answered within 20 seconds"). "ลดเวลารอให้ไม่เกิน 4 ชั่วโมง", "cut waits
    to under 4 hours" and "cut waits by more than an hour" aim at the bound."""
    if norm.startswith("-", end):  # "3-year grant"
        after = end + 1 + len(unit)
        if (unit.lower() not in _TERM_UNITS or not _TERM_NOUN_RE.match(norm, after)
                or _TERM_MEASURED_RE.match(norm[after:after + 48])):
            return False
        before = _phrase_before(scan, norm, start, skip_gap_words=True)
        return before is None or before[2].marker is None
    bound = _phrase_before(scan, norm, start)
    if bound is None or bound[2].marker not in ("up", "down", "within"):
        return False
    verb = scan.last_verb_before(bisect.bisect_left(scan.starts(), bound[0]))
    if verb is None or verb[2].verb == ("up" if bound[2].marker == "up" else "down"):
        return False
    between = norm[verb[1]:bound[0]]
    if not between.strip() or scan.by_how_much_between(verb[1], bound[0]):
        return False  # "ลดลงมากกว่า 1 ชั่วโมง", "cut waits by over an hour": by how much
    # what is measured is named in the words before the bound: a long stretch is read to its last _MEASURE_NAME_CHARS
    # (else one verb before many bounds costs each bound the whole text back to the verb)
    between = between[-_MEASURE_NAME_CHARS:]
    return not _TIME_MEASURE_RE.search(between) or _COUNT_MEASURE_RE.search(between) is not None


_MEASURE_NAME_CHARS = 400


# Where a label word is a verb rather than a name ("Issue 40 permits", "…and plant 500 trees")
_THAI_LABEL_COUNTERS = ("สาย", "ไลน์", "อาคาร", "โรง", "หอ", "คลัง", "ท่า", "วอร์ด")  # "สายการผลิต 3 สาย": a count
_PLACE_BEFORE_RE = regexcache.compile(r"(?i:\b(?:on|at|in|of|for|from|the|our|each|every|per)\s+$)")
_VERB_POSITION_BEFORE_RE = regexcache.compile(r"(?:^|[,;:(•*\-–]|(?i:\b(?:to|and|or|then|we|will)))\s*$")


def _names_one_of_several(norm: str, label_start: int, end: int) -> bool:
    """The number after a label word ("Line 3", "Issue 9", "ไลน์ 2") names which one, unless the word stands where a
    verb would ("Issue 40 permits") or, in Thai, a classifier counts them ("อาคาร 3 หลัง")."""
    if norm[end:end + 3].lstrip().startswith("%"):
        return False  # "ยอดขายออนไลน์ 75%", "line 3%": a share, not which one
    if _HAS_THAI_RE.match(norm, label_start):
        if norm.endswith("ออน", 0, label_start):
            return False  # "ออนไลน์" (online) is no ไลน์ (a line) however it ends
        return _UNIT_THAI_RE.match(norm, end) is None and not norm[end:end + 8].lstrip().startswith(_THAI_LABEL_COUNTERS)
    if _ends_with(_VERB_POSITION_BEFORE_RE, norm, label_start):
        return False
    # "Line 3", "on line 3", "the issue 7 checklist"; not "team building 2 ครั้ง" (a gerund)
    return norm[label_start].isupper() or _ends_with(_PLACE_BEFORE_RE, norm, label_start)


# The rest of a range or list of labels: "cells 1–6", "lines 2 and 3", "presses 4 to 7", "เซลล์ 1-6". Words join
# the numbers only after a plural ("Line 3 to 500" is a target for line 3).
_LABEL_RANGE_RE = regexcache.compile(r"\s*(?:[-–—]|(?P<word>,|&|(?i:to|and|or|through|thru)(?![A-Za-z])))\s*(?P<n>\d{1,3})(?![\d.,%])")


def _skip_label_range(norm: str, label: str, first: str, pos: int) -> int:
    """Past the further numbers that a label word's range or list names ("cells 1–6"), when they are labels too."""
    plural = label.lower().endswith("s") and label.isascii()
    last, end = float(first) if first.isdigit() else None, pos
    while (more := _LABEL_RANGE_RE.match(norm, end)) is not None:
        if more["word"] and not plural or last is None or float(more["n"]) <= last:
            break
        if _read_unit(norm, more.end()) is not None:
            break  # "lines 2 to 500 units": the number counts something
        last, end = float(more["n"]), more.end()
    return end


def _skip_version(norm: str, pos: int) -> int:
    while pos + 1 < len(norm) and norm[pos] == "." and norm[pos + 1].isdigit():
        pos += 1
        while pos < len(norm) and norm[pos].isdigit():
            pos += 1
    return pos


# "7-Eleven": digits joined to a capitalised word make a name, unless the word is a unit or a time ("5-Star", "3-Year")
_HYPHEN_NAME_RE = regexcache.compile(
    r"-(?!(?:Year|Day|Week|Month|Hour|Minute|Second|Star|Point|Step|Stage|Level|Tier|Page|Person|Seat|Room|Bed|Storey"
    r"|Story|Door|Part|Way|Fold|Times?|Plus|Pack|Piece|Course|Mile|Km|Metre|Meter|Inch|Foot|Feet|Pound|Litre|Liter"
    r"|Digit|Figure|Sided|Phase|Wheel|Lane|Car|Bedroom|Unit)s?\b)[A-Z][a-z]+\b")
# "the 0-19 service", "a new 0–25 SEND offer": a band of ages from birth names whom a service is for
_AGE_BAND_NAME_RE = regexcache.compile(
    r"\s?[-–]\s?\d{1,2}(?=\s+(?i:service|services|specification|spec|pathway|team|teams|offer|programme|program"
    r"|provision|population|send|health|healthy|years?|yrs?|year-olds?|age|children|public|contract|model)\b)")
# "Customer 360", "a 360-degree view", "360° feedback", "มุมมอง 360 องศา": a 360 that names a view of something whole
_VIEW_360_AFTER_RE = regexcache.compile(r"(?i:\s*(?:°|-?\s?degrees?\b|องศา|-?\s?(?:view|feedback|review|profile|platform)\b))")
_VIEW_360_BEFORE_RE = regexcache.compile(r"(?i:\b(?:customer|client|patient|citizen|student|member|employee|guest|user"
                                         r"|account|supplier|vendor)\s$)")


# Texts that move something to a release: the number after a capitalised name ("…to React Native 0.76", "…to Node
# 22") or after "to" following one ("Upgrade Spring Boot to 3.3") names that release.
_UPGRADE_RE = regexcache.compile(r"\s*(?i:upgrade|upgrading|migrate|migrating|update|updating|move|moving|port|porting"
                                 r"|bump|switch|switching|convert|converting|ย้าย|อัปเกรด|อัพเกรด|อัปเดต|อัพเดต)\b")
_RELEASE_BEFORE_RE = regexcache.compile(r"(?:\b[A-Z][\w.+#-]*\s+(?:to\s+)?|\bv)$")


def _names_a_release(norm: str, start: int, end: int) -> bool:
    """After an upgrade verb, a number right after a capitalised name (or "Name to"), with no unit after it."""
    if _read_unit(norm, end) is not None or norm[end:end + 8].lstrip().lower().startswith(("%", "/", ":", "out of", "จาก")):
        return False  # "…to 4.5 out of 5": a score
    before = _RELEASE_BEFORE_RE.search(norm, max(0, start - 40), start)
    return before is not None and not before.group(0).split()[0].isupper()  # "NPS 45" is a measure, not a release


# A release put out under its product's name: "Launch Pintoh 2.0 บน iOS", "Ship the new Checkout 3 to 20% of users",
# "เปิดตัว Pintoh 2.0". The name is the launch verb's object, one to three capitalised words right after it.
_LAUNCH_WORD_RE = regexcache.compile(r"(?i:launch|releas|ship|roll|introduc|unveil)|เปิดตัว|ปล่อย|เปิดใช้")
_LAUNCHED_NAME_BEFORE_RE = regexcache.compile(
    r"(?:\b(?i:launch|launches|launched|launching|release|releases|released|releasing|ship|ships|shipped|shipping"
    r"|roll\s+out|rolls\s+out|rolling\s+out|introduce|introduces|introducing|unveil|unveils|unveiling)"
    r"|เปิดตัว|ปล่อย|เปิดใช้งาน|เปิดใช้)\s*(?:(?i:the|our|a|new|the\s+new|our\s+new)\s+)?(?:[A-Z][\w.+#-]*\s+){1,3}v?$")


def _launches_a_release(norm: str, start: int, end: int) -> bool:
    """A number right after a capitalised name that a launch verb puts out, with no unit after it: a release."""
    if _read_unit(norm, end) is not None or norm[end:end + 8].lstrip().lower().startswith(("%", "/", ":", "out of", "จาก")):
        return False  # "Launch Pintoh Pay in 3 cities", "Launch Pintoh 3 markets": a count
    before = _LAUNCHED_NAME_BEFORE_RE.search(norm, max(0, start - 60), start)
    return before is not None and not any(word.isupper() and len(word) > 1 for word in
                                          norm[before.start():start].split()[-1:])  # "NPS 45" is a measure


# A name in quotes after a word that says a name follows: "Launch feature ใหม่ "สั่งซ้ำ 1 คลิก"", "แคมเปญ “1 แถม 1”",
# "a plan called "Pro 5"": its number names the thing. Other quotes keep their numbers ("Achieve "10,000 orders"",
# a quoted key result "- "เพิ่มคะแนนจาก 3.9 เป็น 4.5"").
_QUOTED_RE = regexcache.compile(r'"(?P<a>[^"\n]{1,40})"|“(?P<b>[^”\n]{1,40})”|«(?P<c>[^»\n]{1,40})»|「(?P<d>[^」\n]{1,40})」')
_NAMING_WORD_BEFORE_RE = regexcache.compile(
    r"(?:\b(?i:features?|functions?|campaigns?|projects?|programmes?|programs?|menus?|packages?|plans?|badges?|promotions?"
    r"|promos?|products?|courses?|modes?|called|named|titled|dubbed|launch|launches|ship|release|introduce|roll\s+out)"
    r"|ฟีเจอร์|ฟังก์ชัน|ฟังก์ชั่น|แคมเปญ|โครงการ|โปรแกรม|เมนู|แพ็กเกจ|แพ็คเกจ|โปรโมชั่น|โปรโมชัน|โปร|ผลิตภัณฑ์|หลักสูตร"
    r"|โหมด|ชื่อ|เปิดตัว)\s*(?:(?i:new|the\s+new)\s+|ใหม่\s*|ตัวใหม่\s*)?$")


def _quoted_names(norm: str) -> list[tuple[int, int]]:
    """The spans of quoted names that hold a number (see _QUOTED_RE)."""
    found = []
    for m in _QUOTED_RE.finditer(norm):
        inner = m.group(m.lastgroup)
        if (_DIGIT_RE.search(inner)
                and _NAMING_WORD_BEFORE_RE.search(norm, max(0, m.start() - 24), m.start()) is not None):
            found.append((m.start(), m.end()))
    return found


def _number_in_a_name(norm: str, start: int, end: int, raw: str) -> int:
    """Where a name that the number at ``start:end`` is part of ends ("7-Eleven", "Customer 360"), else 0."""
    if not raw.isdigit():
        return 0
    if raw == "0" and (band := _AGE_BAND_NAME_RE.match(norm, end)):
        return band.end()
    joined = _HYPHEN_NAME_RE.match(norm, end)
    if joined and (start == 0 or not norm[start - 1].isalnum()):
        return joined.end()
    if raw == "360":
        view = _VIEW_360_AFTER_RE.match(norm, end)
        if view:
            return view.end()
        if _VIEW_360_BEFORE_RE.search(norm, max(0, start - 12), start) and not _read_unit_is_a_count(norm, end):
            return end
    return 0


def _read_unit_is_a_count(norm: str, pos: int) -> bool:
    """"customer 360 accounts", "ลูกค้า 360 ราย": the number counts what follows it."""
    unit = _read_unit(norm, pos)
    return unit is not None and unit.lower() not in ("data", "platform", "view", "programme", "program", "project",
                                                     "initiative", "dashboard", "system", "solution", "app", "portal")


def _skip_identifier(norm: str, pos: int) -> int:
    """Skip the rest of an identifier such as ``3.0``, ``27001:2022`` or ``5G``."""
    n = len(norm)
    while pos < n and (norm[pos].isalnum() and norm[pos].isascii() or norm[pos] in ".:-/" and pos + 1 < n and norm[pos + 1].isdigit()):
        pos += 1
    return pos


def _ordinal_suffix_fits(raw: str, suffix: str) -> bool:
    last, tens = raw[-1], raw[-2:-1]
    if tens == "1":
        return suffix == "th"
    return suffix == {"1": "st", "2": "nd", "3": "rd"}.get(last, "th")


_SIGNS = "-−+"
_CURRENCY_SYMBOLS = "฿$€£¥"
# "ติดลบ 40 ล้านบาท" (negative), "บวก 10 ล้านบาท" (positive), as Thai finance plans write a sign
_THAI_SIGN_RE = regexcache.compile(r"(?P<minus>ติดลบ)\s*$|(?P<plus>บวก)\s*$")


def _sign_before(scan: _Scan, norm: str, pos: int) -> tuple[int, int] | None:
    """(where the sign starts, +1 or -1) for a sign written right before ``pos``: "-", "−", "+" or "–" standing
    alone before the number ("from –3%", "(-12%)", but not "5-10", "10–12"), or Thai ติดลบ / บวก ("จาก ติดลบ 40
    ล้านบาท เป็น บวก 10 ล้านบาท"); None when there is none."""
    before = norm[pos - 1] if pos else ""
    if before and before in _SIGNS + "–":
        # a sign, unless it joins two things ("5-10", "1+1"); "-" then "5" after a bullet is a sign too
        two_before = norm[pos - 2] if pos >= 2 else " "
        if not (two_before.isspace() or two_before in "(:=["):
            return None
        if before == "–":  # an en dash is a sign only where no number stands before it ("10 –12" is a range)
            rest = norm[:pos - 1].rstrip()
            if rest[-1:].isdigit() or rest[-1:] == "%":
                return None
        return pos - 1, 1 if before == "+" else -1
    if not before or not "\u0e01" <= before <= "\u0e4e" and not before.isspace():
        return None
    word = _THAI_SIGN_RE.search(norm, max(0, pos - 12), pos)
    if word is None:
        return None
    start = word.start()
    if word["plus"]:
        # บวก is "plus" only where a number is expected: after a space, "(", or a change marker ("เป็นบวก 10")
        ahead = norm[start - 1] if start else " "
        marker = _phrase_before(scan, norm, start)
        if not (ahead.isspace() or ahead in "(:=" or marker is not None and marker[2].marker is not None):
            return None
    return start, -1 if word["minus"] else 1

# Denominators that are the top of a rating scale: "4.5 จาก 5" reads "4.5 out of 5".
_SCALE_MAXIMA = frozenset({5.0, 7.0, 10.0, 100.0})

# Markers that end a change ("จาก 400 เป็น 500", "to 500", "→ 500"), as opposed to thresholds
# ("ไม่ต่ำกว่า 4.5") or targets without a "from" ("รักษาระดับ 4.5").
_CHANGE_TO_PHRASES = frozenset(
    {"เป็น", "ให้เป็น", "ไปเป็น", "เหลือ", "ให้เหลือ", "เหลือเพียง", "เหลือแค่", "to", "down to"}
)


_SALE_DAY_RE = regexcache.compile(r"(1[0-2]|[1-9])\.\1")  # 9.9, 11.11, 12.12: shopping days named by their date
_PER_BEFORE_RE = regexcache.compile(r"(?i:\b(?:per|a|an|each|every)\s+|/\s*|ต่อ\s*|ทุก\s*)$")


def _rate_label(norm: str, context: tuple, number_start: int) -> bool:
    """"Payroll errors per month: 6 → 1", "tickets a week - 300": the period word ends a measure's name (a rate),
    so the number after it is the measure's value, not which month or week."""
    if _ends_with(_WORKING_DAY_BEFORE_RE, norm, context[0]):
        return True  # "close the books by working day 7 (currently day 12)": which working day is the measure
    return ":" in norm[context[1]:number_start] or _ends_with(_PER_BEFORE_RE, norm, context[0])


_WORKING_DAY_BEFORE_RE = regexcache.compile(r"(?i:\b(?:working|business|workday|trading)\s+|\b(?:currently|now|today|was)\s+)$")


def _after_rank_word(scan: _Scan, norm: str, pos: int) -> bool:
    """True when a rank word ("top", "อันดับ") ends right at ``pos``: "top-50", "Top-3"."""
    phrase = _phrase_before(scan, norm, pos)
    return phrase is not None and phrase[1] == pos and phrase[2].context == "rank"


def _is_change_to(norm: str, phrase: tuple[int, int, _Roles]) -> bool:
    start, end, roles = phrase
    return roles.marker == "arrow" or " ".join(norm[start:end].lower().split()) in _CHANGE_TO_PHRASES


def _change_marker_after(scan: _Scan, norm: str, pos: int) -> bool:
    """True when a change-ending marker follows ``pos``, with at most a unit word between."""
    i = bisect.bisect_left(scan.starts(), pos)
    if i == len(scan):
        return False
    start, end, roles = scan[i]
    return _PAIR_GAP_RE.fullmatch(norm, pos, start) is not None and _is_change_to(norm, (start, end, roles))


def _is_thai_ratio(norm: str, scan: _Scan, start: int, value: float, ratio: re.Match) -> bool:
    """"4.5 จาก 5 คะแนน" and "ไม่ต่ำกว่า 4.5 จาก 5" are scores out of 5; "เป็น 500 จาก 400" and
    "ลดเหลือ 3 จาก 5" are changes told backwards, and "4 จาก 5 เป็น 4.5" is a change too."""
    if ratio["th_kw"] != "จาก" or ratio["th_unit"]:
        return True
    denominator = float(ratio["th"])
    if denominator not in _SCALE_MAXIMA or value > denominator:
        return False
    if _change_marker_after(scan, norm, ratio.end("th")):
        return False
    marker = _phrase_before(scan, norm, start, skip_gap_words=True)
    # "เพิ่มเป็น 4 จาก 5" is 5 -> 4 told backwards; a fractional score ("เป็น 4.6 จาก 5") is out of 5
    return marker is None or not _is_change_to(norm, marker) or not value.is_integer()


def _read_slash_year(
    text: str, norm: str, mentions: list, taken: _Taken, start: int, end: int, value: float,
    ratio: re.Match, context: tuple | None, group: str | None,
) -> int | None:
    """Read "N/YYYY" as a period, ordinal or month of a year; the end of what was read, or None when
    the denominator is no year and "N/M" stays a ratio.

    After a period or ordinal word ("ไตรมาส 2/2569", "ครั้งที่ 3/2569", and with a Thai word "ไตรมาส 2/69")
    N is that period and YYYY its year. Without one, N in 1-12 is a month ("10/2569"); a larger N before a
    Buddhist-era year is a document number ("คำสั่ง 15/2569") and is not reported at all.
    """
    year_text = ratio["slash"]
    year = float(year_text)
    near_word = group in ("period", "ordinal")
    if len(year_text) == 4:
        if not (1990 <= year <= 2100 or 2530 <= year <= 2650):
            return None
    elif not (len(year_text) == 2 and near_word and _HAS_THAI_RE.search(norm, context[0], context[1])):
        return None
    year_start, year_end = ratio.span("slash")
    if near_word:
        period_start = context[0] if group == "period" else start
        _add_span(text, mentions, taken, period_start, end, value, group)
        _add_span(text, mentions, taken, year_start, year_end, year, "year")
    elif 1 <= value <= 12 and _read_unit(norm, year_end) is None:
        _add_span(text, mentions, taken, start, year_end, year * 10000 + value * 100, "date")
    elif not (2530 <= year <= 2650 and value > 12):
        return None
    return year_end


def _read_unit(norm: str, pos: int) -> str | None:
    if pos >= len(norm):
        return None
    glued = _UNIT_GLUED_RE.match(norm, pos)
    if glued:
        return (glued["u"] or glued["hy"]).lower()
    th = _UNIT_THAI_RE.match(norm, pos)
    if th:
        return th["u"]
    en = _UNIT_EN_RE.match(norm, pos)
    if en:
        word = en["u"].lower()
        if word not in _EN_NOT_UNITS:
            return word
    return None


# After a year that labels a figure: a colon, then the figure ("2026: 58%", "2568: ร้อยละ 72", "2025: £3.9m").
_YEAR_LABEL_RE = regexcache.compile(r"\s*[:：=]\s*(?:\d|[฿$€£¥]|ร้อยละ)")  # "(2568: 4 ราย)", "(baseline 2025 = 3.8)"


def in_year_range(value: float) -> bool:
    """Where a year is read: 1990-2100 (A.D.) or 2530-2650 (B.E.)."""
    return 1990 <= value <= 2100 or 2530 <= value <= 2650


def _is_year(
    norm: str, group: str | None, raw: str, value: float, unit: str | None, start: int, mentions: list
) -> bool:
    """A 4-digit number in 1990-2100 (A.D.) or 2530-2650 (B.E.) next to a date word is a year; after
    ปี, พ.ศ., FY or a Thai month a 2-digit number is one too ("ปี 69")."""
    digits = len(raw)
    in_range = in_year_range(value)
    no_count_unit = unit is None or unit not in _THAI_UNITS_SET
    if group in ("ystrong2", "month_th"):
        if group == "ystrong2" and digits == 4 and in_range and unit is not None and norm[start + 4: start + 5].isspace():
            return True  # "ปีงบประมาณ 2570 ผู้ป่วยได้รับ…", "ในปี 2570 สมาชิก…": the year, then the sentence's subject
        return (digits == 2 or digits == 4 and in_range) and no_count_unit
    if group == "month_en" and digits == 2 and unit is None and norm[start - 1:start] in ("'", "’"):
        return True  # "Dec'26", "Mar ’27": the month's year
    if digits != 4 or not in_range:
        return False
    if group in ("ystrong", "month_en"):
        return no_count_unit
    if group == "yweak":
        return unit is None
    # "Q3 2026", "ไตรมาส 2 2569"
    previous = mentions[-1] if mentions else None
    return bool(
        previous is not None
        and previous.kind == "period"
        and previous.end <= start
        and not norm[previous.end : start].strip(_GAP_CHARS + ",/")
    )


_THAI_UNITS_SET = frozenset(_THAI_UNITS)


# --- Thai number words -------------------------------------------------------------------------------


def _parse_thai_tokens(tokens: list[str]) -> float | None:
    """Value of a sequence of Thai number-word tokens, or None when it is no well-formed number
    (สองสาม "two or three", เจ็ดเจ็ด)."""
    total = 0.0  # millions already closed
    current = 0.0  # below one million
    digit: int | None = None
    last_scale = 10**7
    previous = ""
    for i, tok in enumerate(tokens):
        if tok == "ล้าน":
            group = current + (digit or 0)
            if group == 0 and total == 0:
                group = 1
            total = (total + group) * 1e6
            current, digit, last_scale = 0.0, None, 10**7
        elif tok in _THAI_SCALE_WORDS:
            scale = _THAI_SCALE_WORDS[tok]
            if scale >= last_scale:
                return None
            if digit is None:
                if previous == "ยี่":
                    return None
                digit = 1
            current += digit * scale
            digit, last_scale = None, scale
        else:
            if digit is not None:
                return None
            if tok == "ยี่" and (i + 1 >= len(tokens) or tokens[i + 1] != "สิบ"):
                return None
            if tok == "เอ็ด" and (last_scale > 10**6 or previous not in _THAI_SCALE_WORDS and previous != "ล้าน"):
                return None
            if tok == "ศูนย์" and len(tokens) > 1:
                return None
            digit = _THAI_DIGIT_WORDS[tok]
        previous = tok
    if digit is not None:
        # colloquial "พันห้า" = 1,500, "สองหมื่นห้า" = 25,000, "ล้านห้า" = 1,500,000
        if previous not in ("สิบ", "ร้อย") and last_scale >= 1000 and last_scale < 10**7 and len(tokens) > 1:
            current += digit * last_scale / 10
        elif previous == "ล้าน" and last_scale == 10**7:
            current += digit * 1e5
        else:
            current += digit
    return total + current


def _read_thai_words(text: str, norm: str, scan: _Scan, mentions: list, taken: _Taken) -> None:
    n = len(norm)
    for m in _THAI_WORD_RE.finditer(norm):
        start, end = m.span()
        if _overlaps(taken, start, end):
            continue
        before = norm[start - 1] if start else ""
        if before in _THAI_LEADING_VOWELS:
            continue
        name = _THAI_NAME_RE.match(norm, start)
        if name is not None and m.end() <= name.end() and (_PLACE_WORD_BEFORE_RE.search(norm, max(0, start - 12), start) is not None
                                 or _UNIT_THAI_RE.match(norm, name.end()) is None or norm[name.end():name.end() + 1].isspace()):
            continue  # "จังหวัดร้อยเอ็ด", "อำเภอสามร้อยยอด", "สี่แยก": a name; "ร้อยเอ็ดคน" is a count
        context = _phrase_before(scan, norm, start)
        group = context[2].context if context else None
        if group == "vague":  # หลายร้อย, นับพัน, หลักหมื่น: "hundreds", not a number
            continue
        if m["half1"] or m["half"]:
            if end < n and norm[end] in _THAI_MID_SYLLABLE:
                continue
            value, tokens = 0.5, None
        else:
            tokens = _THAI_TOKEN_RE.findall(m["tok"])
            # Drop tokens from the end while the match ends inside a longer word (สองพัน|ธมิตร).
            while tokens and _thai_word_cut(norm, end, tokens[-1]):
                end -= len(tokens.pop())
            if not tokens:
                continue
            value = _parse_thai_tokens(tokens)
            if value is None:
                continue
        pos = end
        kind, unit = "word", None
        pct = _PERCENT_RE.match(norm, pos)
        if pct:
            kind, unit, pos = "percent", ("pp" if pct["pp"] else "%"), pct.end()
        else:
            cur = _CURRENCY_SUFFIX_RE.match(norm, pos)
            if cur:
                kind, unit, pos = "money", _CURRENCIES[cur["c"].lower()], cur.end()
            else:
                unit = _read_unit(norm, pos)
        if tokens is not None and len(tokens) == 1 and kind == "word" and end < n and "\u0e01" <= norm[end] <= "\u0e4e":
            # A lone number word glued to Thai letters that are not a unit is most likely part of another
            # word (หกล้ม, แสนดี); ศูนย์ glued to a word is "centre" (ศูนย์บริการ) unless a count follows.
            if unit is None or tokens[0] == "ศูนย์" and unit not in _ZERO_COUNT_UNITS:
                continue
        if tokens == ["หก"] and kind == "word" and unit is None and group not in ("pct", "ordinal", "period", "rank"):
            continue  # "อาหารเย็น/หก", "ซุปหก ให้ลูกค้า": spilled; six is "หกเดือน", "หก ครั้ง", "ร้อยละหก"
        if kind == "word":
            if group == "pct":
                kind, unit, start = "percent", "%", context[0]
            elif group == "ordinal":
                kind = "ordinal"
            elif group == "period":
                kind, start = "period", context[0]
            elif unit in _SECONDS_PER_UNIT and _names_what_is_counted(norm, scan, start, pos, unit):
                kind = "period"  # "ผู้ป่วยที่รอเกินสี่ชั่วโมง"
        _add_span(text, mentions, taken, start, pos, value, kind, unit)


# Names and words that begin with Thai number words: provinces, districts and places (ร้อยเอ็ด Roi Et, สามร้อยยอด,
# สิบสองปันนา), and things named by a number of their parts (สี่แยก a crossroads, สามเหลี่ยม a triangle, สองแถว, สามล้อ,
# สามเณร a novice). Most of them already fail as numbers (a lone number word glued to what is no unit), the ones of
# several number words (ร้อย|เอ็ด, สาม|ร้อย|ยอด) do not.
_THAI_NUMBER_NAMES = """
    ร้อยเอ็ด สามร้อยยอด สี่พันดอน สามพันโบก สิบสองปันนา สิบสองจุไท สามพราน สามโคก สามชุก สองพี่น้อง เก้าเลี้ยว
    เจ็ดเสมียน สามเสน สามย่าน สามแยก สี่แยก ห้าแยก แปดริ้ว สองแคว สี่พระยา สามง่าม สามเงา เจ็ดยอด หนึ่งเดียว
    สามเหลี่ยม สี่เหลี่ยม หกเหลี่ยม แปดเหลี่ยม สองแถว สามล้อ สิบล้อ สามเณร ร้อยแก้ว
""".split()
_THAI_NAME_RE = regexcache.compile(_trie_pattern(sorted(_THAI_NUMBER_NAMES), " ") + r"(?![ะัาำิีึืฺุู็่้๊๋์])")
_PLACE_WORD_BEFORE_RE = regexcache.compile(r"(?:จังหวัด|จ\.|อำเภอ|อ\.|ตำบล|ต\.|เมือง|เขต|แขวง|ชาว|ถนน|ถ\.|วัด|สถานี)\s*$")
_ZERO_COUNT_UNITS = frozenset({"ครั้ง", "ราย", "คน", "เคส", "ข้อ", "ชิ้น", "เรื่อง", "บาท", "วัน"})


def _thai_word_cut(norm: str, end: int, last_token: str) -> bool:
    """True when the Thai number word ending at ``end`` is really the start of a longer word."""
    if end >= len(norm):
        return False
    following = norm[end]
    if following in _THAI_MID_SYLLABLE:
        return True
    blocked = _THAI_WORD_BLOCKLIST.get(last_token)
    return bool(blocked) and norm.startswith(blocked, end)


# --- English number words ----------------------------------------------------------------------------


def _read_english_words(text: str, norm: str, mentions: list, taken: _Taken) -> None:
    for m in _EN_WORDS_RE.finditer(norm):
        start, end = m.span()
        if _overlaps(taken, start, end):
            continue
        if m["adv"]:
            if _EN_ADVERB_NOT_NUMBER_RE.match(norm, end) or norm[max(0, start - 3) : start].lower() == "at ":
                continue  # "at once", "once again", "once more"
            _add_word_mention(text, norm, mentions, taken, start, end, _EN_ADVERBS[m["adv"].lower()])
            continue
        if m["half"]:
            _add_word_mention(text, norm, mentions, taken, start, end, 0.5)
            continue
        # A run of number words may hold several numbers ("one, two" never matches, but "one two" does).
        tokens = [(t.start(), t.end(), t.group().lower()) for t in _EN_TOKEN_RE.finditer(norm, start, end)]
        words = [t[2] for t in tokens]
        i = 0
        while i < len(tokens):
            value, used = _parse_english_tokens(words, i)
            if used == 0:
                i += 1
                continue
            s, e = tokens[i][0], tokens[i + used - 1][1]
            i += used
            if tokens[i - used][2] in ("a", "an") and used == 1:
                continue
            word = norm[s:e].lower()
            if word == "one" and (
                _EN_ONE_NOT_NUMBER_BEFORE_RE.search(norm, max(0, s - 16), s)
                or _EN_ONE_NOT_NUMBER_AFTER_RE.match(norm, e)
            ):
                continue
            _add_word_mention(text, norm, mentions, taken, s, e, value)


def _parse_english_tokens(tokens: list[str], first: int = 0) -> tuple[float, int]:
    """Parse the longest well-formed English number at ``tokens[first]`` on: (value, tokens used)."""
    total = 0.0
    current = 0.0
    used = 0
    last = ""  # "small" | "teen" | "tens" | "hundred" | "scale" | "a"
    last_scale = 1e15
    for index in range(first, len(tokens)):  # a number is a few words: this stops early
        tok = tokens[index]
        if tok in ("a", "an"):
            if used:
                break
            last = "a"
        elif tok in _EN_SMALL:
            v = _EN_SMALL[tok]
            if last in ("small", "teen") or (last == "tens" and v >= 10) or last == "a":
                break
            current += v
            last = "teen" if v >= 10 else "small"
        elif tok in _EN_TENS:
            if last in ("small", "teen", "tens", "a"):
                break
            current += _EN_TENS[tok]
            last = "tens"
        elif tok == "hundred":
            if last == "hundred" or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif tok == "dozen":
            if last not in ("", "a", "small") or used and last == "":
                break
            current = (current or 1) * 12
            used += 1
            break
        else:  # thousand, million, ...
            scale = _EN_SCALES[tok]
            if scale >= last_scale or last == "scale":
                break
            total += (current or 1) * scale
            current, last, last_scale = 0.0, "scale", scale
        used += 1
    if used == 1 and last == "a":
        return 0.0, 1
    return total + current, used


def _add_word_mention(text, norm, mentions, taken, start, end, value) -> None:
    kind, unit, pos = "word", None, end
    pct = _PERCENT_RE.match(norm, pos)
    if pct:
        kind, unit, pos = "percent", ("pp" if pct["pp"] else "%"), pct.end()
    else:
        cur = _CURRENCY_SUFFIX_RE.match(norm, pos)
        if cur:
            kind, unit, pos = "money", _CURRENCIES[cur["c"].lower()], cur.end()
        else:
            unit = _read_unit(norm, pos)
            if unit in _SECONDS_PER_UNIT and _names_what_is_counted(norm, _cached_scan(norm), start, pos, unit):
                kind = "period"  # "a three-year grant", "patients waiting more than four hours"
    _add_span(text, mentions, taken, start, pos, value, kind, unit)


# ---------------------------------------------------------------------------------------------------
# read_change
# ---------------------------------------------------------------------------------------------------

# After a number (and its unit): "500+", "500 or more", "500 คนขึ้นไป", "400 today".
_POSTFIX_RE = regexcache.compile(
    r"(?:\s*[A-Za-z\u0E01-\u0E4E.]{1,20}?)??\s*(?:"
    r"(?P<up>\+(?!\d)|ขึ้นไป|(?i:or\s+(?:more|above|higher|greater)|and\s+(?:above|up)|plus)\b)"
    r"|(?P<down>ลงมา|หรือน้อยกว่า|หรือต่ำกว่า|(?i:or\s+(?:less|fewer|below|lower)|and\s+below)\b)"
    r"|(?P<base>\((?i:current|today|now|baseline)\)|(?i:today|currently|now|last\s+(?:year|quarter|month|term|cycle))\b"
    r"|ในปัจจุบัน)"
    r")"
)
# What a past period's figure is called beside the period: "(ค่าฐาน ปี 2568: 4 ราย)", "(2025/26 outturn: £3.9m)"
_BASELINE_LABEL = (r"ค่าฐาน|ข้อมูลฐาน|ผลการดำเนินงาน|ผลงาน|ผล|baseline|actuals?|outturn|out-turn|results?|achieved"
                   r"|(?:full[\s-]year\s+)?forecast")
# Words after a period that make its figure a plan, not a baseline: "(2027 target: 95%)", "(ปี 2570 เป้าหมาย: 90%)"
_NOT_A_BASELINE = (r"(?i:target|goal|plan|planned|budget|aim|ambition|stretch|commit|expected|projected|projection|"
                   r"estimate|to\b|by\b)|เป้า|แผน|คาด|ประมาณการ|ตั้งเป้า")
_PERIOD_LABEL_BEFORE = regexcache.compile(
    r"\(\s*(?:" + _BASELINE_LABEL + r")?\s*(?:(?:Q|H)[1-4](?:\s*/?\s*\d{2,4})?|FY\s?\d{2,4}(?:\s*[/-]\s*\d{2,4})?(?:\s*Q[1-4])?"
    r"|(?:19|20|25)\d\d(?:\s*[/-]\s*\d{2,4})?"  # "(2025/26: £1.7M)", "(FY25/26: 41)"
    # a month, with or without its year: "(Dec'26: 1.1B)", "(Dec 2026: 1.1B)", "(ธ.ค. 69: 1.1B)", "(12/2569: 1.1B)"
    r"|(?:" + _EN_MONTHS + r")\b\.?(?:\s*['’-]?\s*\d{2}(?!\d)|\s*,?\s*(?:19|20|25)\d\d)?"
    r"|(?:" + _THAI_MONTHS + r")\s*(?:\d{2}(?!\d)|(?:19|20|25)\d\d)?|(?:0?[1-9]|1[0-2])\s*/\s*(?:19|20|25)\d\d"
    r"|ไตรมาส(?:ที่)?\s?[1-4](?:\s*/\s*\d{2,4})?|(?:ปี|ปีงบประมาณ|ปีงบฯ|ปีงบ|ปีบัญชี|ปีการศึกษา)\s?(?:พ\.ศ\.\s?)?\d{2,4}"
    r"|(?:last|previous|prior)(?=\s+[A-Za-z]))"
    # a word or two that say which figure of the period: "(2026 peak: 84%)", "(Q4 average: 3.1)", "(last peak: 84%)",
    # "(ไตรมาส 4 เฉลี่ย: 84%)"; never a plan for it ("(2027 target: 95%)", "(ปี 2570 เป้าหมาย: 90%)")
    r"(?:\s+(?!" + _NOT_A_BASELINE + r")[A-Za-z][A-Za-z'-]{1,15}){0,2}(?:\s*(?!" + _NOT_A_BASELINE + r")[\u0E01-\u0E4E]{2,16})?"
    # the figure straight after the period's year: "(ปี 2569 72%)", "(ค่าฐานปี 2569 3.8)"
    r"\s*(?:" + _BASELINE_LABEL + r")?\s*(?:[:：=]|ได้|อยู่ที่|มี|(?<=\d)\s)\s*$",
    re.IGNORECASE,
)
_OUT_OF_THAI = regexcache.compile(r"จาก(?!เดิม|ปัจจุบัน|ค่า|ฐาน)(?:ทั้งหมด|ทั้งสิ้น)?")
_CALENDAR_UNITS = frozenset(
    "month months mo mos week weeks wk wks w quarter quarters year years yr yrs y "
    "เดือน สัปดาห์ อาทิตย์ ไตรมาส ปี".split()
)
_TARGET_ROLES = frozenset({"target", "up", "down", "arrow"})
# Between a baseline and a "to"/"เป็น" target with no "from": at most a unit ("400 users to 500").
_PAIR_GAP_RE = regexcache.compile(r"[\s(]*(?:[A-Za-z\u0E01-\u0E4E.]{1,16})?\s*")


def read_change(text: str, numbers: tuple[NumberMention, ...] | None = None) -> Change | None:
    """The baseline, target and direction stated in ``text``; None when neither can be read."""
    text = _analysed(text)
    if numbers is None:
        numbers = read_numbers(text)
    candidates = [m for m in numbers if m.kind in VALUE_KINDS]
    if not candidates:
        # "ไม่มีผู้ป่วยพลัดตกหกล้ม", "No data breaches": none is the target (its baseline may stand in a field)
        none_of = _NONE_TARGET_RE.match(text)
        if none_of is None:
            return None
        start, end = none_of.span(none_of.lastgroup)
        return Change(None, 0.0, None, None, NumberMention(0.0, start, end, text[start:end], "number"))
    norm = normalize_digits(text)
    scan = _cached_scan(norm)

    roles: list[str | None] = []
    marker_starts: list[int | None] = []
    for mention in candidates:
        phrase = _phrase_before(scan, norm, mention.start, skip_gap_words=True)
        role = phrase[2].marker if phrase else None
        marker_starts.append(phrase[0] if phrase else None)
        if role not in ("up", "down", "base", "per"):
            post = _POSTFIX_RE.match(norm, mention.end)
            if post:
                role = post.lastgroup
        if (role is None or role == "target" and norm[marker_starts[-1]:mention.start].strip() == "=") and \
                _PERIOD_LABEL_BEFORE.search(norm, max(0, mention.start - 40), mention.start):
            role = "base"  # "(Q4: 3.1%)", "(2568: 72%)", "(ปีงบ 69 = 72%)": the figure of an earlier period
        if role == "within" and mention.unit in _CALENDAR_UNITS:
            role = "deadline"  # "within 6 months" is when, not how much
        roles.append(role)

    if (len(candidates) == 1 and roles[0] == "base" and marker_starts[0] is not None
            and _SOURCE_FROM.fullmatch(norm, marker_starts[0], candidates[0].start)
            and candidates[0].kind == "number" and _names_a_source(candidates[0].unit)
            and _verb_direction(scan, candidates[0].start) is None):
        # "Get lead gifts from 3 foundations", "ได้รับทุนจาก 3 มูลนิธิ": where something comes from, counted; the
        # number is the target ("Raise NPS from 30", "Cut waits from 4 hours" stay baselines without a target)
        roles[0] = None
    baseline_i = _first(roles, ("base",))
    target_i = _first(roles, _TARGET_ROLES)
    if baseline_i is not None and target_i is not None and target_i < baseline_i:
        # "customers using 2 or more products from 18% to 30%": the target is the one after "from".
        after = _first(roles[baseline_i + 1 :], _TARGET_ROLES)
        if after is not None:
            target_i = baseline_i + 1 + after
    if (baseline_i is not None and baseline_i > 0 and marker_starts[baseline_i] is not None
            and _first(roles[baseline_i + 1:], _TARGET_ROLES) is None
            and _OUT_OF_THAI.match(norm, marker_starts[baseline_i])
            and _PAIR_GAP_RE.fullmatch(norm, candidates[baseline_i - 1].end, marker_starts[baseline_i])
            and candidates[baseline_i - 1].value <= candidates[baseline_i].value
            and candidates[baseline_i].kind == "number"
            and (candidates[baseline_i].unit or "").lower() not in _SECONDS_PER_UNIT  # "ภายใน 2 ชม. จาก 8 ชม." is a change
            and _verb_direction(scan, candidates[baseline_i - 1].start) != "down"
            # "เพิ่มขึ้นร้อยละ 20 จาก 1.2 ล้านคน", "ขึ้น 20% จาก 1.2 ล้านคน": a change by a share from a count, as
            # "grow by 20% from 1.2 million" is, not 20% out of 1.2 million
            and not (roles[baseline_i - 1] == "rel" and candidates[baseline_i - 1].kind == "percent")):
        # "(เพิ่ม) 8 แห่ง จาก 12 แห่ง": 8 out of 12, not a change from 12 to 8 ("ลด ... 15 นาที จาก 40 นาที" is)
        roles[baseline_i] = "per"
        baseline_i = None
    relative = False
    if target_i is None:
        target_i = _first(roles, ("rel",), skip=baseline_i)
        relative = target_i is not None
    if target_i is None and baseline_i is not None:
        # "Clear 90% of fly-tips within 2 days (baseline 64%)": the unmarked number like the baseline is the
        # target; the time limit is part of what is measured
        like = [i for i, r in enumerate(roles) if r is None and candidates[i].kind == candidates[baseline_i].kind]
        if like:
            target_i = like[0]
    if target_i is None:
        target_i = _first(roles, ("within",))
    if target_i is None:
        # no marker: the last plain number is the target
        plain = [i for i, r in enumerate(roles) if r not in ("base", "per", "deadline")]
        if plain:
            target_i = plain[-1]
        elif baseline_i is None:
            target_i = _first(roles, ("deadline",))

    if (baseline_i is not None and target_i is not None and not relative
            and _MEASURE_CLASS.get(candidates[baseline_i].kind) is not None
            and not _same_measure(candidates[baseline_i], candidates[target_i])):
        # "70% of pupils gain 6+ months of reading age (2026: 58%)": a baseline and its target measure the same
        # thing; a bound of another kind ("6+ months") defines what is counted
        like = [i for i, r in enumerate(roles) if i != baseline_i and r not in ("base", "per", "deadline")
                and _same_measure(candidates[baseline_i], candidates[i])]
        if like:
            target_i = like[0]

    # "400 → 500", "increase signups 400 to 500", "ลด 20% เหลือ 10%": the number right before the target
    # marker is the baseline.
    if baseline_i is None and target_i and roles[target_i] in _TARGET_ROLES and marker_starts[target_i] is not None:
        prev = target_i - 1
        if roles[prev] in (None, "rel") and _PAIR_GAP_RE.fullmatch(norm, candidates[prev].end, marker_starts[target_i]):
            if roles[target_i] == "arrow" or _verb_direction(scan, candidates[target_i].start) is not None:
                baseline_i = prev

    baseline = candidates[baseline_i] if baseline_i is not None else None
    target = candidates[target_i] if target_i is not None else None
    if baseline is None and target is None:
        return None
    if target is None and baseline is not None:
        none_of = _NONE_TARGET_RE.match(norm)
        if none_of is not None:
            # "ไม่มีผู้ป่วยพลัดตกหกล้ม (ค่าฐาน: 4 ราย)", "No falls with harm (last year: 4)": none is the target
            start, end = none_of.span(none_of.lastgroup)
            kind = "number" if baseline.kind == "ratio" else baseline.kind  # none of a count is a count
            target = NumberMention(0.0, start, end, text[start:end], kind, baseline.unit)

    if (baseline is None and target is not None and target.value > 0 and target.kind == "number"
            and float(target.value).is_integer() and (target.unit or "").lower() not in _SCORE_UNITS
            and (zero := _ZERO_BASELINE.search(norm))):
        # "1,500 ราย (ปัจจุบันยังไม่มี)", "1,500 members (currently none)": the count starts from nothing
        kind = "number" if target.kind == "ratio" else target.kind
        baseline = NumberMention(0.0, zero.start(), zero.end(), text[zero.start():zero.end()], kind, target.unit)

    multiple = _multiple(target, baseline)
    if multiple is not None:
        # "เพิ่มขึ้นสองเท่า (ค่าฐาน 450,000 บาท)", "Grow revenue 2x from $1.2M", "ลดลงครึ่งหนึ่ง จาก 40 ราย": the target
        # is the baseline times the multiple, not 2
        return Change(baseline.value, baseline.value * multiple, "up" if multiple > 1 else "down", baseline, target)
    if target is None and baseline is not None and (verb := _MULTIPLYING_VERB.match(norm)) is not None:
        factor = _VERB_FACTORS[verb.group(1).lower()]  # "Double online sales from 120 orders"
        return Change(baseline.value, baseline.value * factor, "up" if factor > 1 else "down", baseline, None)

    direction = None
    if target is not None:
        role = roles[target_i] if target_i is not None else "target"
        baseline_value, target_value = _comparable_values(baseline, target)
        if (
            baseline is not None
            and not relative
            and baseline_value != target_value
            and (baseline.kind == "percent") == (target.kind == "percent")
        ):
            direction = "up" if target_value > baseline_value else "down"
        elif role in ("up", "down"):
            direction = role
        elif role in ("within", "deadline"):
            direction = "down"
        else:
            direction = _verb_direction(scan, target.start)
    target_role = roles[target_i] if target_i is not None else None
    if relative:
        target_role = "rel"
    elif target_role is None and target is not None and _bare_share_after_a_verb(scan, norm, target):
        target_role = "verb"
        if baseline is not None and baseline.kind != "percent" and direction in ("up", "down"):
            relative = True  # "ลด cloud cost ต่อออเดอร์ 10% จาก ฿1.80": down by a tenth, not down to 10%
    target_value = target.value if target else None
    if relative and baseline is not None and target is not None and direction in ("up", "down"):
        # "grow signups by 30% (from 450)": the target is 450 + 30%, not 30
        sign = 1 if direction == "up" else -1
        if target.kind == "percent" and baseline.kind != "percent":
            target_value = baseline.value * (1 + sign * target.value / 100)
        elif (target.kind == "percent") == (baseline.kind == "percent"):
            target_value = baseline.value + sign * target.value
    return Change(
        baseline=baseline.value if baseline else None,
        target=target_value,
        direction=direction,
        baseline_mention=baseline,
        target_mention=target,
        target_role=target_role,
    )


# What a share is called: a bare percentage after a verb and one of these is the share's level ("ลดอัตราการยกเลิก 10%",
# "Cut churn 10%"), not a change of it
_SHARE_MEASURE_RE = regexcache.compile(
    r"อัตรา|สัดส่วน|ร้อยละ|เปอร์เซ็น|(?i:rate|share|ratio|percent|proportion|churn|conversion|retention|margin|uptime"
    r"|availability|penetration|utili[sz]ation|occupancy|accuracy|coverage|yield|ctr|cvr|nps|csat)")


def _bare_share_after_a_verb(scan: _Scan, norm: str, target: NumberMention) -> bool:
    """"ลด cloud cost ต่อออเดอร์ 10%", "Grow revenue 20%": a percentage with no marker of its own after an increase or
    decrease verb, where what the verb moves names no share: the size of the change, when the measure is no share."""
    if target.kind != "percent" or target.unit != "%":
        return False
    verb = scan.last_verb_before(bisect.bisect_left(scan.starts(), target.start))
    if verb is None or verb[1] > target.start:
        return False
    return _SHARE_MEASURE_RE.search(norm, verb[1], target.start) is None


def target_from_baseline(change: Change | None, baseline: float, baseline_text: str | None = None,
                         unit: str | None = None) -> float | None:
    """The target a text's change by an amount means from a baseline given apart from it (a ``baseline`` field or
    column): "Cut cloud cost per order by 10%" or "ลด cloud cost ต่อออเดอร์ 10%" beside 1.80 is 1.62, "เพิ่ม 500 ราย"
    beside 12,000 is 12,500, "เพิ่มขึ้น 2 เท่า" beside 450 is 900. None when the text gives a level ("Cut churn to 10%",
    "ลดอัตราการยกเลิกให้เหลือ 10%", "Cut churn 10%" beside 14%), a baseline of its own, or no way to go. A share's change
    moves it by points, unless that would leave 0–100 ("by 20%" from 14%: a fifth of it)."""
    if change is None or change.baseline is not None or change.target_mention is None:
        return None
    target = change.target_mention
    if change.target_role not in ("rel", "verb") or change.direction not in ("up", "down"):
        return None
    sign = 1 if change.direction == "up" else -1
    written = _analysed(baseline_text or "")
    share = "%" in written or "ร้อยละ" in written or "percent" in written.lower() or \
        (unit or "").strip().lower() in ("%", "percent", "ร้อยละ", "pp")
    factor = _multiple(target, NumberMention(baseline, 0, 0, written, "number"))
    if factor is not None:
        return baseline * factor
    if target.kind == "percent":
        if change.target_role == "verb" and share:
            return None  # "Cut churn 10%" beside 14%: the level
        if target.unit == "pp" or share:
            moved = target.value
            if target.unit != "pp" and not 0 <= baseline + sign * moved <= 100:
                moved = baseline * target.value / 100
        else:
            moved = baseline * target.value / 100
        return baseline + sign * moved
    if change.target_role != "rel" or share:
        return None
    moved = target.value
    mentions = read_numbers(written) if written else ()
    base_unit = mentions[0].unit if len(mentions) == 1 else None
    base_unit = base_unit or (unit or "").strip() or None
    step, step_unit = to_base_unit(target.value, target.unit)
    one, one_unit = to_base_unit(1.0, base_unit)
    if step_unit == one_unit == "s":
        moved = step / one  # "ลดเวลารอลง 30 วินาที" beside 5 นาที: half a minute
    return baseline + sign * moved


# Units of a score or grade: "ยังไม่มี" beside one says it has not been measured yet, not that it is zero
_SCORE_UNITS = frozenset({"คะแนน", "แต้ม", "ดาว", "points", "point", "pts", "pt", "stars", "star", "score", "grade",
                          "ระดับ", "level"})
# A baseline of nothing, in words, in a note: "(ปัจจุบันยังไม่มี)", "(ค่าฐาน: ยังไม่มี)", "(currently none)", "(baseline: none)"
_ZERO_BASELINE = regexcache.compile(
    r"[(（]\s*(?:(?:ค่าฐาน|ข้อมูลฐาน)\s*[:：=]?\s*)?(?:ปัจจุบัน|ขณะนี้|ตอนนี้|เดิม)?\s*(?:ยังไม่มี|ไม่มี)(?:เลย)?\s*[)）]"
    r"|\(\s*(?i:(?:baseline\s*[:=]?\s*)?(?:currently|today|now|at\s+present)?\s*(?:none|nil|zero)"
    r"(?:\s+(?:today|yet|so\s+far|at\s+present))?)\s*\)")
_MULTIPLE_UNITS = frozenset({"เท่า", "เท่าตัว", "x", "×", "times", "fold"})
_MULTIPLYING_VERB = regexcache.compile(r"\s*(?i:(double|triple|quadruple|halve))\b")
_VERB_FACTORS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0, "halve": 0.5}


def _multiple(target: "NumberMention | None", baseline: "NumberMention | None") -> float | None:
    """The factor a target multiplies its baseline by: "2 เท่า", "สองเท่า", "3x", "3 times", "ครึ่งหนึ่ง" (a half)."""
    if target is None or baseline is None or target is baseline or target.kind == "percent":
        return None
    if (baseline.unit or "").lower() in _MULTIPLE_UNITS:
        return None  # "ROAS 1.6x to 2.4x": a ratio written with its x, from one value to another
    if (target.unit or "").lower() in _MULTIPLE_UNITS and 0 < target.value <= 20:
        return target.value
    if target.kind == "word" and target.text.startswith("ครึ่ง"):
        return 0.5
    return None


# A key result that asks for none of something: "ไม่มีเหตุการณ์…", "ไม่เกิด…", "ปลอดอุบัติเหตุ", "No falls", "Zero breaches"
# ("No more than 5", "no increase in …", "No. of …", "ไม่มีข้อมูล" are not).
_NONE_TARGET_RE = regexcache.compile(
    r"\s*(?:ให้\s*)?(?P<none>ไม่มี(?!ข้อมูล|ค่า)|ไม่เกิด(?!ขึ้น)|ปลอด(?=[ก-ฮเแโใไ]))"
    r"|\s*(?i:(?:achieve|reach|have|record|see)\s+)?(?P<none2>(?i:no|zero|nil))\s+(?!(?i:more|less|fewer|longer|later|higher"
    r"|lower|greater|increases?|change|changes|growth|rise|drop|decline|reduction|baseline|target|than|one)\b"
    r"|(?i:data)(?:\s*(?:$|[,.;:()])|\s+(?:yet|available)\b))"
    r"(?=[A-Za-z])"
)


def _same_measure(first: NumberMention, second: NumberMention) -> bool:
    """Whether two numbers can be a baseline and a target of one measure: both shares, both money, or neither."""
    return _MEASURE_CLASS.get(first.kind) == _MEASURE_CLASS.get(second.kind)


_MEASURE_CLASS = {"percent": "share", "money": "money"}  # counts, scores and ratios are one class (None)


def _comparable_values(baseline: NumberMention | None, target: NumberMention) -> tuple[float | None, float]:
    """Baseline and target values, both in seconds when both are durations ("3 days" -> "20 minutes")."""
    if baseline is None:
        return None, target.value
    base_value, base_unit = to_base_unit(baseline.value, baseline.unit)
    target_value, target_unit = to_base_unit(target.value, target.unit)
    if base_unit == target_unit == "s":
        return base_value, target_value
    return baseline.value, target.value


def _first(roles: list, wanted, skip: int | None = None) -> int | None:
    for i, role in enumerate(roles):
        if role in wanted and i != skip:
            return i
    return None


_SOURCE_FROM = regexcache.compile(r"(?i:from|จาก)\s*")


def _names_a_source(unit: str | None) -> bool:
    """A unit that names who or what something comes from ("foundations", "มูลนิธิ"), not a measure."""
    if not unit or unit.lower() in _CALENDAR_UNITS or unit.lower() in _SECONDS_PER_UNIT:
        return False
    return unit[0].isalpha() and unit not in ("%", "ร้อยละ") and unit.lower() not in _MEASURE_UNITS


_MEASURE_UNITS = frozenset({"points", "pts", "stars", "baht", "บาท", "usd", "dollars", "percent", "คะแนน", "ดาว", "ครั้ง",
                            "times", "x", "ms", "gb", "mb", "kg", "km"})


def _spans_two_years(first: float, written_second: str, before: str) -> bool:
    """2027/28, 2027/2028, 2569/70, FY27/28: a year and the next one (two digits only after "FY")."""
    second = float(written_second)
    if not (first.is_integer() and second.is_integer()):
        return False
    year, following = int(first), int(second)
    if 1990 <= year <= 2100 or 2530 <= year <= 2650:
        return following in (year + 1, (year + 1) % 100)
    return (20 <= year <= 99 and following == year + 1 and len(written_second) == 2
            and before.rstrip(" '").lower().endswith("fy"))


def _verb_direction(scan: list, before: int) -> str | None:
    """Direction of the last increase/decrease verb before ``before``, else of the first one after."""
    direction = None
    for start, _end, roles in scan:
        if roles.verb is None:
            continue
        if start >= before:
            return direction or roles.verb
        direction = roles.verb
    return direction


# ---------------------------------------------------------------------------------------------------
# to_base_unit
# ---------------------------------------------------------------------------------------------------

_MINUTE, _HOUR, _DAY = 60.0, 3600.0, 86400.0
_SECONDS_PER_UNIT = {
    **dict.fromkeys("ms msec msecs millisecond milliseconds มิลลิวินาที".split(), 0.001),
    **dict.fromkeys("s sec secs second seconds วินาที".split(), 1.0),
    **dict.fromkeys("min mins minute minutes นาที".split(), _MINUTE),
    **dict.fromkeys("h hr hrs hour hours ชั่วโมง ชม. ชม".split(), _HOUR),
    **dict.fromkeys("d day days วัน วันทำการ".split(), _DAY),
    **dict.fromkeys("w wk wks week weeks สัปดาห์ อาทิตย์".split(), 7 * _DAY),
    # calendar averages: a month is 30 days and a year 365, close enough to say which is longer
    **dict.fromkeys("mo mos month months เดือน".split(), 30 * _DAY),
    **dict.fromkeys("y yr yrs year years ปี".split(), 365 * _DAY),
}


def to_base_unit(value: float, unit: str | None) -> tuple[float, str | None]:
    """``value`` in seconds with unit ``"s"`` when ``unit`` is a duration (English or Thai, as
    :func:`read_numbers` reports it: "min", "hours", "ชม.", "วัน"); otherwise ``(value, unit)`` unchanged."""
    if unit is None:
        return value, None
    factor = _SECONDS_PER_UNIT.get(unit.lower())
    if factor is None:
        return value, unit
    return value * factor, "s"


# ---------------------------------------------------------------------------------------------------
# parse_number
# ---------------------------------------------------------------------------------------------------

_FIELD_PREFIX_OK = frozenset(" \t\n~≈±+")


# What people write in a value's place when there is nothing to say ("-" is the Thai tables' "no data").
NO_VALUE = frozenset({"-", "–", "—", "--", "n/a", "na", "n.a.", "none", "nil", "ไม่มี", "ไม่มีข้อมูล", "ยังไม่มีข้อมูล"})


# Shares of a whole in parts per million: "0.35%" is 3,500 ppm, "1.2‰" 1,200 ppm, "800 ppb" 0.8 ppm.
_PARTS_PER_MILLION = {"%": 1e4, "percent": 1e4, "ร้อยละ": 1e4, "‰": 1e3, "ppm": 1.0, "ppb": 1e-3}


def parts_per_million(mention: NumberMention | None) -> float | None:
    """The share a number written in %, ‰, ppm or ppb gives, in parts per million; None for any other number."""
    if mention is None:
        return None
    unit = "%" if mention.kind == "percent" else (mention.unit or "").lower()
    factor = _PARTS_PER_MILLION.get(unit)
    return None if factor is None else mention.value * factor


def share_unit(mention: NumberMention | None) -> str | None:
    """"%", "‰", "ppm" or "ppb": how a share is written, for comparing two written in different ones."""
    if mention is None or parts_per_million(mention) is None:
        return None
    return "%" if mention.kind == "percent" else (mention.unit or "").lower()


def is_no_value(text: str) -> bool:
    """"-", "N/A", "ไม่มีข้อมูล": a cell or field left empty on purpose, not a value that cannot be read."""
    return text.strip().lower() in NO_VALUE


def parse_number(text: str) -> float | None:
    """The value of a field that holds one number ("1,200", "๔๐๐", "35%", "4.5/5", "หนึ่งพัน", "1.2k",
    "2 ล้าน", "400 users"); None when it holds no number, several, or more than a number and its unit."""
    if not text or not text.strip():
        return None
    text = _analysed(text)
    european = _EUROPEAN_NUMBER.fullmatch(text.strip())
    if european and (european["decimals"] or "." in european["whole"]):
        # "18,5%", "3,0 %", "1.250.000": a decimal comma or dotted thousands, as European sheets write them
        whole = european["whole"].replace(".", "")
        value = float(f"{whole}.{european['decimals']}" if european["decimals"] else whole)
        return value if math.isfinite(value) else None
    mentions = read_numbers(text)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.kind in ("date", "period"):
        return None
    if any(c not in _FIELD_PREFIX_OK for c in text[: mention.start]):
        return None
    rest = text[mention.end :].strip()
    if rest and (mention.unit is None or not rest.lower().startswith(mention.unit.lstrip("-"))):
        return None
    return mention.value


_EUROPEAN_NUMBER = regexcache.compile(r"(?P<whole>\d{1,3}(?:\.\d{3}){2,}|\d+)(?:,(?P<decimals>\d{1,2}))?\s*%?")


def as_fraction(value: float | None, written: str) -> float | None:
    """A score or confidence written as a percentage ("70%", "ร้อยละ 70") as the fraction 0.7 the fields hold;
    a confidence written as a level, as trackers do ("High", "Med", "L", "สูง"), as 0.8, 0.5 or 0.2."""
    if value is not None and ("%" in written or "ร้อยละ" in written or "percent" in written.lower()):
        return value / 100
    out_of = _OUT_OF.fullmatch(written.strip()) if written else None
    if out_of is not None:  # "7/10", "4 of 5", "8 out of 10": a confidence given as a score on a scale
        top = float(normalize_digits(out_of["top"]))
        return float(normalize_digits(out_of["n"])) / top if top else value
    if value is None and written:
        return _LEVELS.get(" ".join(written.lower().split()).strip(" .*"))
    return value


_OUT_OF = regexcache.compile(r"(?P<n>[0-9๐-๙]+(?:\.[0-9๐-๙]+)?)\s*(?:/|(?i:out\s+of|of)|จาก)\s*(?P<top>5|10|100|๕|๑๐|๑๐๐)")
_LEVELS = {"high": 0.8, "h": 0.8, "very high": 0.9, "medium": 0.5, "med": 0.5, "m": 0.5, "moderate": 0.5,
           "low": 0.2, "l": 0.2, "very low": 0.1, "สูง": 0.8, "ปานกลาง": 0.5, "กลาง": 0.5, "ต่ำ": 0.2, "น้อย": 0.2,
           "มาก": 0.8}


_RELATIVE_TARGET = regexcache.compile(
    r"^\s*(?:(?P<up>เพิ่มขึ้น|เพิ่ม|สูงขึ้น|(?i:increase[sd]?|grow|raise|up|higher)(?:\s+by)?|\+)|(?P<down>ลดลง|ลด|(?i:decrease[sd]?"
    r"|reduce[sd]?|cut|down|lower)(?:\s+by)?|[-−])|(?P<either>ดีขึ้น|ปรับปรุง(?:ให้ดีขึ้น)?|พัฒนา(?:ขึ้น)?|(?i:improve[sd]?|improvement"
    r"|better)(?:\s+(?:by|of))?))\s*(?:ไม่น้อยกว่า|อย่างน้อย|(?i:at\s+least)\s*)?(?:ร้อยละ\s*)?(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:(?P<pct>%|(?i:percent)(?![a-z]))|(?P<pts>(?i:pp|p\.p\.|pts?|points?|percentage\s+points?)(?![a-z])|จุด|คะแนน))?\s*$"
)
_SIGNED = regexcache.compile(r"^\s*[-−+]")


def relative_change(target_text: str | None) -> str | None:
    """"up", "down" or "either" when a target cell is written as a change from the baseline ("+5%", "reduce by 20%",
    "เพิ่มขึ้นร้อยละ 10", "+5 pts", "Improve by 5%"), else None."""
    if not target_text:
        return None
    target_text = _analysed(target_text)
    match = _RELATIVE_TARGET.match(normalize_digits(target_text))
    if match is None or not (match["pct"] or match["pts"] or "ร้อยละ" in target_text):
        return None
    return "up" if match["up"] else "down" if match["down"] else "either"


def relative_target(baseline: float, baseline_text: str, target_text: str, direction: str | None = None) -> float | None:
    """The target a change written in a target cell means from the baseline ("เพิ่มขึ้นร้อยละ 10", "+10%",
    "reduce by 20%", "+5 pts"): a share moves by points, any other measure by that share of itself; None for other
    text, and for a change that does not say which way ("Improve by 5%") unless ``direction`` says it."""
    target_text, baseline_text = _analysed(target_text), _analysed(baseline_text)
    mentions = read_numbers(target_text)
    if len(mentions) == 1:
        factor = _multiple(mentions[0], NumberMention(baseline, 0, 0, baseline_text, "number"))
        if factor is not None:
            return baseline * factor  # "สองเท่า", "2x", "3 เท่า" from 210,000: 420,000
    way = relative_change(target_text)
    if way is None or _SIGNED.match(baseline_text or "") and _SIGNED.match(target_text):
        return None  # "-5%" beside a baseline "+3%": two signed values (a growth rate), not a change
    way = way if way != "either" else direction
    if way not in ("up", "down"):
        return None
    match = _RELATIVE_TARGET.match(normalize_digits(target_text))
    step = float(match["n"])
    share = "%" in baseline_text or "ร้อยละ" in baseline_text or "percent" in baseline_text.lower()
    if match["pts"] or share:
        moved = step  # 60% "+10%": 70%, as plans write a share's change; "+5 pts" from 3.8: 8.8
        if share and not match["pts"] and not 0 <= (baseline + moved if way == "up" else baseline - moved) <= 100:
            moved = baseline * step / 100  # "reduce by 20%" from 0.35%: a fifth of it, not below nothing
    else:
        moved = baseline * step / 100
    return baseline + moved if way == "up" else baseline - moved


def parse_goal(text: str) -> tuple[float | None, float | None] | None:
    """(baseline, target) written in a target or baseline cell, as drafts write them: one number
    ("ร้อยละ 80", "5,000 ราย"), a bound ("ไม่น้อยกว่าร้อยละ 80", "at least 80%", "≤ 2", "ลดลงเหลือ 5 คน"), or a
    change ("จาก 65% เป็น 90%", "from 65% to 90%"). None when the text says something else."""
    text = _analysed(text) if text else text
    value = parse_number(text)
    if value is not None:
        return None, value
    if not text or not text.strip():
        return None
    bracketed = _ACCOUNTING_NEGATIVE.fullmatch(text)
    if bracketed and (value := parse_number(bracketed.group(1))) is not None:
        return None, -value  # "(£2.1m)", "(1,250)": an accountant's negative amount
    mentions = read_numbers(text)
    quantities = [m for m in mentions if m.kind not in ("date", "period", "year")]
    if not quantities or len(quantities) > 2:
        return None
    if len(quantities) == 2 and _OUT_OF_OR_PER.fullmatch(text, quantities[0].end, quantities[1].start):
        return None, quantities[0].value  # "12 จาก 40 จุด", "12 of 40", "0.82 ครั้ง/1,000 วันนอน": the first is the value
    if (len(quantities) == 2 and (_RANGE_DASH.fullmatch(text, quantities[0].end, quantities[1].start)
                                  or _is_range_in_words(text, quantities[0], quantities[1]))
            and quantities[0].value < quantities[1].value and not all(_looks_like_a_year(q) for q in quantities)):
        # "ร้อยละ ๘๐–๘๕", "80–85%", "85% to 90%", "between 85% and 90%", "ระหว่างร้อยละ 85 ถึง 90": a range, whose low
        # end is the least that counts (as a title's "to between 6% and 8%" reads its first)
        return None, quantities[0].value
    change = read_change(text, mentions)
    if change is not None and change.target is None and change.baseline is not None and len(quantities) == 1:
        return change.baseline, None  # a baseline cell written "จาก 30 เรื่อง/เดือน", "from 30"
    if change is None or change.target is None:
        return None
    if len(quantities) == 2 and change.baseline is None:
        return None  # two numbers that are not a from -> to
    return change.baseline, change.target


# An amount in brackets alone in a cell, as accounts write a negative one: a currency and digits, nothing else
_ACCOUNTING_NEGATIVE = regexcache.compile(
    r"\s*\(\s*([฿$€£¥]\s*\d[\d,]*(?:\.\d+)?\s*(?i:k|m|bn|b|million|billion|ล้าน)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)\s*\)\s*")
_RANGE_DASH = regexcache.compile(r"\s*[-–—~]\s*")
# ... in words: "85% to 90%", "85 ถึง 90", "between 85% and 90%", "ระหว่าง 85 และ 90", nothing but "between" before them
_RANGE_TO = regexcache.compile(r"\s*(?:(?i:to)|ถึง)\s*")
_RANGE_AND = regexcache.compile(r"\s*(?:(?i:and)|และ)\s*")
_BETWEEN = regexcache.compile(r"\s*(?:(?i:between)\s+|ระหว่าง\s*)")


def _is_range_in_words(text: str, low: "NumberMention", high: "NumberMention") -> bool:
    between = _BETWEEN.fullmatch(text, 0, low.start) is not None
    if not between and text[:low.start].strip():
        return False  # "from 85% to 90%": a change
    return bool(_RANGE_TO.fullmatch(text, low.end, high.start)
                or between and _RANGE_AND.fullmatch(text, low.end, high.start))  # "and" only after "between"


def _looks_like_a_year(mention: NumberMention) -> bool:
    return mention.kind == "year" or (mention.value.is_integer() and (1900 <= mention.value <= 2199 or 2400 <= mention.value <= 2799))
# Between the value and its whole or its rate base in a cell: a unit, then "of", "จาก", "/", "per", "ต่อ".
_OUT_OF_OR_PER = regexcache.compile(
    r"\s*(?:[^\d\s/]{1,20}\s*)?(?:จากทั้งหมด|จาก|out\s+of|of|/|per|ต่อ)\s*", re.IGNORECASE)


def read_goal_field(field: str, text: str) -> tuple[float | None, float | None]:
    """(the value of a ``baseline`` or ``target`` field written as a goal, the baseline a change in a target
    field implies): ``("target", "จาก 65% เป็น 90%")`` -> ``(90.0, 65.0)``; ``(None, None)`` when unreadable."""
    goal = parse_goal(text)
    if goal is None:
        return None, None
    baseline, target = goal
    if field == "target":
        return target, baseline
    return (baseline if baseline is not None else target), None
