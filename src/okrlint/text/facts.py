"""TextFacts: everything the rules need to know about one title, computed once and shared."""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import islice
from typing import NamedTuple

import attrs

from okrlint.text import regexcache
from okrlint.text.numbers import Change, NumberMention, read_change, read_numbers
from okrlint.text.segment import THAI_CHAR, ThaiSegmenter, tokenize
from okrlint.text.vocab import Term, TermMatcher, TermTokens, Vocabulary

MAX_ANALYSED_CHARS = 2_000  # longer texts are analysed up to here; loaders report them as input errors

# Kinds of number that say when, not how much: never a target.
NON_QUANTITY_KINDS = frozenset({"year", "date", "period", "ordinal"})

_LATIN_LETTER = regexcache.compile(r"[A-Za-z]")
_PLACEHOLDER_PATTERNS = regexcache.compile(
    r"""
    (?<![\w.])(?:TBD|TBC|TBA|TBU|N/?A\b(?=\s*(?:%|$)))(?![\w])   # to be decided/confirmed
    | \?{2,}                                                      # ??, ???
    | …|\.{3,}                                                    # ellipsis where a value belongs
    | (?<![\w])[xX]{2,}(?:[.,][xX]+)?\s?%?(?![\w])                # xx, xx%, XX.X
    | (?<![\w])_{2,}(?![\w])                                      # ___
    | [\[<{]\s*(?:target|baseline|value|number|n|x|y|\?+|tbd|ระบุ[^\]>}]*|ใส่[^\]>}]*|เติม[^\]>}]*|ตัวเลข|ค่า[^\]>}]*|เป้าหมาย)\s*[\]>}]
    | \(\s*(?:ระบุ[^)]*|ใส่[^)]*|เติม[^)]*|tbd|\?+)\s*\)
    | (?<![\w.\-/'’])[XYZN](?:\s?%)?(?![\w.\-/'’])                # a lone capital X, Y, Z or N standing for a value
    """,
    re.VERBOSE,
)
_THAI_PLACEHOLDER = regexcache.compile(r"(?:(?<=[\u0e00-\u0e7f\s])|^)[XYZNxyz](?:\s?%)?(?=[\u0e00-\u0e7f\s]|$)"
                                      r"|(?:(?<=\s)|^)(?:โปรด)?ระบุ(?=\s|$)")  # "ยอดขาย ระบุ บาท": a blank, not the verb


class TermHit(NamedTuple):
    """A vocabulary term found in a text. (A named tuple: an org's titles make hundreds of thousands.)"""

    term: str  # the words as they stand in the text
    index: int  # token index
    language: str
    entry: str = ""  # the vocabulary entry that matched ("launch*")
    size: int = 1  # tokens it covers (a Thai term is joined without spaces: "จัดอบรม" covers two)


@attrs.frozen
class TextFacts:
    text: str
    language: str  # "th" or "en": the script that dominates the text
    tokens: tuple[str, ...]
    numbers: tuple[NumberMention, ...]
    change: Change | None
    placeholders: tuple[str, ...]
    terms: Mapping[str, tuple[TermHit, ...]]

    @property
    def quantities(self) -> tuple[NumberMention, ...]:
        """Numbers that say how much (not years, dates, periods or ordinals)."""
        return tuple(n for n in self.numbers if n.kind not in NON_QUANTITY_KINDS)

    @property
    def has_target(self) -> bool:
        return bool(self.quantities) or (self.change is not None and self.change.target is not None)

    @property
    def has_baseline(self) -> bool:
        return self.change is not None and self.change.baseline is not None

    def has(self, category: str) -> bool:
        return bool(self.terms.get(category))

    def hits(self, category: str) -> tuple[TermHit, ...]:
        return self.terms.get(category, ())

    def first(self, category: str) -> str | None:
        hits = self.terms.get(category)
        return hits[0].term if hits else None


def detect_language(text: str) -> str:
    thai = len(THAI_CHAR.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    # Thai letters are about as many per word as Latin ones; a Thai text with a few English loan
    # words ("Sign up", "KPI") is still Thai.
    return "th" if thai and thai >= latin * 0.5 else "en"


# Something every placeholder above contains: most titles have none, and this is found far faster than the
# placeholder patterns (whose lookbehinds are tried at every position) can fail.
_PLACEHOLDER_HINT = regexcache.compile(r"ระบุ|TB|N/?A|\?\?|…|\.\.\.|[xX]{2}|__|[\[<{(]|(?<![A-Za-z])[XYZNxyz](?![A-Za-z])")


def find_placeholders(text: str) -> tuple[str, ...]:
    if not _PLACEHOLDER_HINT.search(text):
        return ()
    found = [m.group(0).strip() for m in _PLACEHOLDER_PATTERNS.finditer(text)
             if not _part_of_a_name(text, m) and not _closes_examples(text, m) and not _trails_a_measure(text, m)]
    if THAI_CHAR.search(text):
        found += [m.group(0).strip() for m in _THAI_PLACEHOLDER.finditer(text) if not _part_of_a_name(text, m)]
    return tuple(dict.fromkeys(f for f in found if f))


# "(US, Canada, ...)", "(TMW, McLeod, Samsara …)", "(e.g. web, app ...)", "(เช่น กรุงเทพฯ เชียงใหม่ ...)": a bracketed
# list of examples that an ellipsis closes (and others), not a value left blank; "(baseline 31, target ...)" is one
_EXAMPLES_BEFORE_ELLIPSIS = regexcache.compile(
    r"[(\[（]\s*(?P<marker>(?i:e\.\s?g\.|eg\b|i\.\s?e\.|such\s+as\b|like\b|including\b|incl\.|ex\.|examples?)|เช่น|ได้แก่|อาทิ)?\s*:?"
    r"(?P<items>[^()\[\]（）:=]*?)[\s,、]*$")
_CLOSING_BRACKET = regexcache.compile(r"\s*[)\]）]")
# the last words before an ellipsis that ask for a value: "(target ...)", "(from 31 to ...)", "(ค่าเป้าหมาย ...)"
_ASKS_FOR_A_VALUE = regexcache.compile(
    r"(?i:\b(?:target|baseline|value|current|to|from|by|at|of|is|was|reach|approx\.?|about|around|~)\s*$)"
    r"|(?:เป็น|จาก|ร้อยละ|เป้าหมาย|ค่าเป้าหมาย|ค่าฐาน|ไม่น้อยกว่า|ไม่เกิน|ประมาณ)\s*$|(?<![A-Za-z\d.])[\d.,]*\d\s*%?\s*$")


def _closes_examples(text: str, match) -> bool:
    """An ellipsis that ends a bracketed list of examples, right before its closing bracket: "(US, Canada, ...)"."""
    written = match.group(0)
    if written != "…" and not written.startswith("..."):
        return False
    if not _CLOSING_BRACKET.match(text, match.end()):
        return False
    opening = max(text.rfind("(", 0, match.start()), text.rfind("[", 0, match.start()), text.rfind("（", 0, match.start()))
    if opening < 0:
        return False
    before = _EXAMPLES_BEFORE_ELLIPSIS.fullmatch(text, opening, match.start())
    if before is None:
        return False
    items = before["items"].strip()
    if not items or _ASKS_FOR_A_VALUE.search(items):
        return False
    return bool(before["marker"]) or "," in items or "、" in items


def _trails_a_measure(text: str, match) -> bool:
    """An ellipsis closing a key result that already reads its numbers ("Raise MRR from $3M to $4M …", a deck's line
    cut short): not a value left blank, unless the words before it ask for one ("from $3M to …")."""
    written = match.group(0)
    if written != "…" and not written.startswith("..."):
        return False
    before = text[: match.start()].rstrip()
    return (not text[match.end():].strip() and any(ch.isdigit() for ch in before)
            and _ASKS_FOR_A_VALUE.search(before) is None)


# A word that a lone capital letter completes as a name: "Gen Z", "Generation X", "Model Y", "Plan N", "ทีม X".
_NAMED_BY_A_LETTER = regexcache.compile(
    r"(?i:\b(?:gen|generation|model|series|type|class|option|project|programme|program|phase|version|vitamin"
    r"|windows|galaxy|iphone|tier|grade|zone|block|building|ward|route|wave|category|cohort|team|group|squad"
    r"|pod|site|sector|district|region|brand|company|partner|vendor|supplier|product|scenario|variant"
    r"|appendix|annex|exhibit|section|chapter|formerly)\b)\s*$"
    r"|(?:เจน|ยุค|รุ่น|ทีม|กลุ่ม|โซน|อาคาร|แผน|โครงการ|ระยะ|เฟส|ประเภท|แบบ|ภาค|ส่วน|ชุด|ตึก|สาย)\s*$"
)
# "X (Twitter)", "X/Twitter", "X, formerly Twitter", "on X and Instagram": the social network called X.
_THE_NETWORK_X_AFTER = regexcache.compile(r"(?i:\s*(?:\(|/|,)?\s*(?:formerly\s+)?(?:twitter|ทวิตเตอร์))")
_SOCIAL = regexcache.compile(r"(?i:\b(?:twitter|tweets?|instagram|ig|facebook|fb|tiktok|youtube|linkedin|threads|social"
                             r"|followers|posts?|reposts?)\b)|ผู้ติดตาม|โพสต์|โซเชียล|เฟซบุ๊ก|อินสตาแกรม|ติ๊กต็อก|ทวิต")
_ON_A_NETWORK = regexcache.compile(r"(?i:\b(?:on|via|and)\s*$)|(?:บน|ใน|และ|ผ่าน)\s*$")


def _part_of_a_name(text: str, match) -> bool:
    """A lone X, Y, Z or N that completes a name rather than standing for a value: "Gen Z", "Generation X",
    "Model Y", "ลูกค้ากลุ่ม Gen Z", "X (Twitter)", "followers on X". A blank after "from", "to", "เป็น" is still a blank."""
    letter = match.group(0).strip()
    if len(letter) != 1 or not letter.isupper():
        return False
    before = text[max(0, match.start() - 30): match.start()]
    if _NAMED_BY_A_LETTER.search(before):
        return True
    if letter == "X":
        after = text[match.end(): match.end() + 30]
        return bool(_THE_NETWORK_X_AFTER.match(after)) or bool(_ON_A_NETWORK.search(before) and _SOCIAL.search(text))
    return False


def analysed_part(text: str) -> str:
    """The start of a text that is analysed: MAX_ANALYSED_CHARS at most, cut at a space when one is near.

    Real titles are a few hundred characters; a pasted document in a title field must not make
    the number and period readers (which look around every number) take minutes.
    """
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    cut = text.rfind(" ", MAX_ANALYSED_CHARS - 200, MAX_ANALYSED_CHARS)
    return text[: cut if cut > 0 else MAX_ANALYSED_CHARS]


FACTS_CACHE_SIZE = 4_096  # facts kept at least; a file with more titles has room for all of them (Analyser.hold)
# Categories of measures' names, which keep their meaning at the end of a Thai noun compound ("ผลกำไร" is
# profit, "คำร้องเรียน" a complaint); other terms there do not ("โรงงาน" is no "งาน"): see text/segment.py.
MEASURE_CATEGORIES = ("metric", "conversion", "better_lower", "better_higher", "good_measures", "vanity")


class Analyser:
    """Computes and caches :class:`TextFacts` for titles. One per run; shared by all rules."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocab = vocabulary
        self._words: dict[str, frozenset[str]] = {}
        self.segmenter = ThaiSegmenter(
            vocabulary.thai_words(), vocabulary.thai_words("keep_whole"),
            [w for category in MEASURE_CATEGORIES for w in vocabulary.thai_words(category)])
        self._matcher: TermMatcher | None = None
        self._cache: dict[tuple[str, str | None], TextFacts] = {}
        self._limit = FACTS_CACHE_SIZE

    def hold(self, texts: int) -> None:
        """Make room for the facts of ``texts`` titles (those of the file about to be linted: its rules and its
        tags read each title's facts several times, and a bound below the file's size would compute them anew
        each time). The room is twice that, as the older half goes when the cache is full; it shrinks back with
        the next, smaller file, so a run holds the facts of one file, never those of a whole org."""
        self._limit = max(FACTS_CACHE_SIZE, 2 * texts)

    def tokenize(self, text: str) -> tuple[str, ...]:
        return tokenize(text, self.segmenter)

    @property
    def matcher(self) -> TermMatcher:
        if self._matcher is None:
            self._matcher = TermMatcher(self.vocab, self.tokenize, TermTokens(self.segmenter.digest()))
        return self._matcher

    def words(self, category: str) -> frozenset[str]:
        """A vocabulary category's terms as lower-case words, for rules that compare whole tokens (built once)."""
        found = self._words.get(category)
        if found is None:
            found = self._words[category] = frozenset(t.rstrip("*").lower() for t in self.vocab.terms(category))
        return found

    def analyse(self, text: str, language: str | None = None) -> TextFacts:
        text = analysed_part(text)
        key = (text, language)
        facts = self._cache.get(key)
        if facts is None:
            facts = self._compute(text, language)
            if len(self._cache) >= self._limit:
                # Facts are shared by the rules of one file and by titles repeated across files (KRs
                # copied down a cascade); the bound keeps an org of 100k key results from holding every
                # title's facts at once. The older half goes: the newest titles are the likeliest to recur.
                for old in list(islice(self._cache, len(self._cache) - self._limit // 2)):
                    del self._cache[old]
            self._cache[key] = facts
        return facts

    def _compute(self, text: str, language: str | None) -> TextFacts:
        tokens = self.tokenize(text)
        numbers = read_numbers(text)
        change = read_change(text, numbers)
        matches = self.matcher.match(tokens, thai=THAI_CHAR.search(text) is not None)
        terms = {
            category: tuple(
                TermHit(_joined(tokens[index : index + len(term.tokens)], term.language), index, term.language, term.text,
                        len(term.tokens))
                for index, term in hits
            )
            for category, hits in matches.items()
        }
        return TextFacts(
            text=text,
            language=language if language in ("th", "en") else detect_language(text),
            tokens=tokens,
            numbers=numbers,
            change=change,
            placeholders=find_placeholders(text),
            terms=terms,
        )


def _joined(tokens: tuple[str, ...], language: str) -> str:
    return ("" if language == "th" else " ").join(tokens)


__all__ = ["Analyser", "MAX_ANALYSED_CHARS", "analysed_part", "TextFacts", "TermHit", "Term", "detect_language", "find_placeholders"]
