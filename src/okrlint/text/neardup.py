"""Near-duplicate texts among many, in Thai and English, without comparing all pairs.

    finder = NearDuplicateFinder(threshold=0.8)
    pairs = finder.pairs(["Grow self-serve signups in Vietnam", "Grow self-serve sign-ups in Vietnam", ...])

Texts are normalised (case folded, Thai digits to Arabic, everything but letters, marks and digits dropped:
Thai has no spaces between words, so English is compared the same way), cut into character shingles, and
summarised by MinHash signatures. LSH banding puts texts whose signatures agree on a whole band into the same
bucket; only texts sharing a bucket become candidates, and each candidate pair is verified with a similarity
ratio (difflib) on the normalised texts, blended with a word-level ratio for texts of several words. The work grows with the number of texts times the signature size;
buckets larger than ``max_bucket`` (texts made of the most common shingles only) are skipped, since a real
near-duplicate pair also meets in other bands.
"""

from __future__ import annotations

import difflib
import hashlib
import random
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

_THAI_DIGITS = str.maketrans({thai: str(digit) for digit, thai in enumerate("๐๑๒๓๔๕๖๗๘๙")})
_MASK = (1 << 64) - 1
_KEPT_CATEGORIES = ("L", "M", "N")
_MIN_WORDS = 3


def normalise(text: str) -> str:
    """Compare-ready form: NFKC, case folded, Thai digits as Arabic, letters/marks/digits only."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_THAI_DIGITS)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in _KEPT_CATEGORIES)


def shingles(text: str, size: int) -> set[str]:
    if len(text) <= size:
        return {text} if text else set()
    return {text[i:i + size] for i in range(len(text) - size + 1)}


def words(text: str) -> list[str]:
    """Normalised space-separated words (Thai runs count as one word each; they are not segmented here)."""
    return [w for w in (normalise(part) for part in text.split()) if w]


def similarity(a: str, b: str) -> float:
    """How alike two raw texts are, 0..1: the character ratio of their normalised forms, averaged with
    the word ratio when both have at least three words, so that 'in Hanoi' / 'in Da Nang' weighs as a
    different word and not as a few changed letters, while a typo inside a word still counts little."""
    char_ratio = difflib.SequenceMatcher(None, normalise(a), normalise(b), autojunk=False).ratio()
    return _blend(char_ratio, words(a), words(b))


def _blend(char_ratio: float, words_a: list[str], words_b: list[str]) -> float:
    if len(words_a) < _MIN_WORDS or len(words_b) < _MIN_WORDS:
        return char_ratio
    word_ratio = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()
    return (char_ratio + word_ratio) / 2


@attrs.frozen
class SimilarPair:
    first: int  # index of the earlier text
    second: int
    score: float


@attrs.define
class NearDuplicateFinder:
    threshold: float = 0.8
    shingle_size: int = 3
    bands: int = 12
    rows: int = 3  # band width; signatures have bands * rows values
    max_bucket: int = 64
    seed: int = 20260401
    _multipliers: list[int] = attrs.field(init=False, factory=list)
    _offsets: list[int] = attrs.field(init=False, factory=list)
    _hashes: dict[str, int] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self):
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        rng = random.Random(self.seed)
        # One xor-multiply permutation of 64-bit shingle hashes per signature value.
        self._multipliers = [rng.getrandbits(64) | 1 for _ in range(self.bands * self.rows)]
        self._offsets = [rng.getrandbits(64) for _ in range(self.bands * self.rows)]

    def _hash(self, shingle: str) -> int:
        # Deterministic (str hash() is salted per process) and memoised: shingles repeat across texts.
        value = self._hashes.get(shingle)
        if value is None:
            value = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little")
            self._hashes[shingle] = value
        return value

    def signature(self, hashes: Sequence[int]) -> list[int]:
        return [min(((h ^ b) * a) & _MASK for h in hashes) for a, b in zip(self._multipliers, self._offsets)]

    def pairs(self, texts: Iterable[str], groups: Sequence[object] | None = None) -> list[SimilarPair]:
        """Pairs of texts at or above the threshold, each once, ``first < second``.

        Identical texts are not all paired with each other: each is paired with the first copy of
        another group, which keeps a text written by hundreds of teams linear.

        ``groups`` (one label per text) limits the result to pairs from different groups (e.g. teams).
        Empty texts never pair.
        """
        texts = list(texts)
        normalised = [normalise(t) for t in texts]
        buckets: dict[tuple, list[int]] = defaultdict(list)
        exact: dict[str, list[int]] = defaultdict(list)
        for index, text in enumerate(normalised):
            if not text:
                continue
            exact[text].append(index)
            if len(exact[text]) > 1:
                continue  # identical texts pair through `exact`; one signature is enough
            hashes = [self._hash(s) for s in shingles(text, self.shingle_size)]
            signature = self.signature(hashes)
            for band in range(self.bands):
                key = (band, *signature[band * self.rows:(band + 1) * self.rows])
                buckets[key].append(index)

        found: dict[tuple[int, int], float] = {}

        def consider(i: int, j: int, score: float | None = None) -> None:
            if i > j:
                i, j = j, i
            if (i, j) in found or (groups is not None and groups[i] == groups[j]):
                return
            if score is None:
                a, b = normalised[i], normalised[j]
                if 2 * min(len(a), len(b)) / (len(a) + len(b)) < self.threshold:
                    return  # the ratio cannot reach the threshold: lengths differ too much
                matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
                if matcher.quick_ratio() < self.threshold:
                    return
                score = _blend(matcher.ratio(), words(texts[i]), words(texts[j]))
            if score >= self.threshold:
                found[(i, j)] = score

        for members in exact.values():
            if len(members) > 1:
                _pair_identical(members, groups, consider)
        checked: set[tuple[int, int]] = set()
        for members in buckets.values():
            if len(members) < 2 or len(members) > self.max_bucket:
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    key = (members[x], members[y])
                    if key not in checked:
                        checked.add(key)
                        consider(*key)
        return [SimilarPair(i, j, score) for (i, j), score in sorted(found.items())]


def _pair_identical(members: list[int], groups, consider) -> None:
    """Identical texts: pair each with the first of another group (linear, not all pairs)."""
    first_by_group: dict[object, int] = {}
    for index in members:
        group = groups[index] if groups is not None else index
        first_by_group.setdefault(group, index)
    anchors = list(first_by_group.values())
    for index in members:
        anchor = next((a for a in anchors if a != index and (groups is None or groups[a] != groups[index])), None)
        if anchor is not None:
            consider(index, anchor, 1.0)
