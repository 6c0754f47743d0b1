"""The fast paths of the similarity code give exactly what the plain difflib computations give."""

import difflib
import random
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.rules import clarity
from okrlint.text import neardup
from okrlint.text.neardup import NearDuplicateFinder, _quick_ratio, ratio

_ALPHABETS = st.sampled_from(["ab", "abc", "abcd ", "กขคาร์", "abcdefghij", "ab-12 ๑๒"])


def _pair(draw_alphabet, data):
    alphabet = data.draw(draw_alphabet)
    text = st.text(alphabet=alphabet, max_size=40)
    return data.draw(text), data.draw(text)


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_ratio_and_quick_ratio_are_difflibs(data):
    a, b = _pair(_ALPHABETS, data)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    assert ratio(a, b) == matcher.ratio()
    assert _quick_ratio(a, b, neardup.Counter(a), neardup.Counter(b)) == matcher.quick_ratio()


def test_ratio_on_edited_copies_and_long_texts():
    rng = random.Random(5)
    for _ in range(3000):
        alphabet = rng.choice(["ab", "abcd", "กขคา", "the quick brown fox"])
        a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        b = list(a)
        for _ in range(rng.randrange(0, 6)):
            at = rng.randrange(len(b) + 1)
            if rng.random() < 0.5 or not b:
                b.insert(at, rng.choice(alphabet))
            else:
                del b[min(at, len(b) - 1)]
        b = "".join(b)
        assert ratio(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    long_a = "abcab " * 80
    long_b = long_a[7:] + "xyz" + long_a[:40]
    assert ratio(long_a, long_b) == difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).ratio()


def _reference_normalise(text: str) -> str:
    digits = str.maketrans({thai: str(digit) for digit, thai in enumerate("๐๑๒๓๔๕๖๗๘๙")})
    text = unicodedata.normalize("NFKC", text).casefold().translate(digits)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in ("L", "M", "N"))


def test_normalise_keeps_letters_marks_and_digits_of_every_code_point():
    for start in range(0, 0x30000, 512):
        chunk = "".join(chr(c) for c in range(start, start + 512) if not 0xD800 <= c < 0xE000)
        assert neardup.normalise(chunk) == _reference_normalise(chunk)
    assert neardup.normalise("ปี ๒๕๗๐, Sign-ups!") == "ปี2570signups"


def _reference_similarity(a: str, b: str, at_least: float = 0.0) -> float:
    a, b = clarity.normalise(a[:clarity.SIMILARITY_CHARS]), clarity.normalise(b[:clarity.SIMILARITY_CHARS])
    if not a or not b:
        return 0.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < at_least:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if at_least and matcher.quick_ratio() < at_least:
        return 0.0
    return matcher.ratio()


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from([0.0, 0.5, 0.85, 0.9, 1.0]))
def test_clarity_similarity_is_the_plain_computation(data, at_least):
    a, b = _pair(st.sampled_from(["ab .", "abc-", "กขคา ", "Raise up-time 99.5%"]), data)
    fast, plain = clarity.similarity(a, b, at_least), _reference_similarity(a, b, at_least)
    if plain >= at_least:
        assert fast == plain
    else:  # below the bar, the fast path may stop at a bound (0.0) where the plain one computed the ratio
        assert fast < at_least and fast in (0.0, plain)


class _ReferenceFinder(NearDuplicateFinder):
    """The finder with its verification done the plain way (difflib for every ratio)."""

    def _verify(self, normalised, shingle_sets, words_of, i, j, counts_of=None):
        a, b = normalised[i], normalised[j]
        if 2 * min(len(a), len(b)) / (len(a) + len(b)) < self.threshold:
            return None
        sa, sb = shingle_sets[i], shingle_sets[j]
        shared = len(sa & sb)
        if shared < self.candidate_jaccard * (len(sa) + len(sb) - shared):
            return None
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if matcher.quick_ratio() < self.threshold:
            return None
        return neardup._blend(matcher.ratio(), words_of(i), words_of(j))


def test_finder_pairs_are_the_plain_computations():
    rng = random.Random(11)
    words = ["grow", "self-serve", "sign-ups", "signups", "in", "Vietnam", "Hanoi", "Da Nang", "clinics",
             "ลูกค้า", "ใหม่", "สมัคร", "ใช้บริการ", "ผ่าน", "ทาง", "แอป", "มากขึ้น", "the", "first", "choice"]
    texts = []
    for _ in range(600):
        base = [rng.choice(words) for _ in range(rng.randrange(2, 8))]
        texts.append(" ".join(base))
        if rng.random() < 0.6:
            edited = list(base)
            edited[rng.randrange(len(edited))] = rng.choice(words)
            texts.append(" ".join(edited))
    groups = [rng.randrange(40) for _ in texts]
    for threshold in (0.7, 0.85, 0.95):
        fast = NearDuplicateFinder(threshold=threshold).pairs(texts, groups=groups)
        plain = _ReferenceFinder(threshold=threshold).pairs(texts, groups=groups)
        assert fast == plain
        assert fast  # the sample does hold look-alikes
