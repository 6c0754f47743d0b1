"""Near-duplicate texts among many, in Thai and English, without comparing all pairs.

    finder = NearDuplicateFinder(threshold=0.8)
    pairs = finder.pairs(["Grow self-serve signups in Vietnam", "Grow self-serve sign-ups in Vietnam", ...])

Texts are normalised (case folded, Thai digits to Arabic, everything but letters, marks and digits dropped:
Thai has no spaces between words, so English is compared the same way) and cut into character shingles.
Candidates come from an inverted index over each text's rarest shingles (prefix filtering, see
:class:`NearDuplicateFinder`), never from all pairs; each candidate is checked by shingle Jaccard and then by
a similarity ratio (difflib) on the normalised texts, blended with a word-level ratio for texts of several
words. Shingles shared by very many texts are not indexed, and a text verifies at most ``max_candidates``
others (those that share the most with it), so the work per text is bounded and the whole search stays
near-linear. A long text is compared on its start (:data:`COMPARED_CHARS`): two objectives of a thousand
characters are not read word by word. Identical texts (after normalisation) are grouped by a dict first.
"""

from __future__ import annotations

import difflib
import functools
import gc
from array import array
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain

import attrs

try:  # CPython's own BLAKE2, without loading OpenSSL's bindings through hashlib
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

_KEPT_CATEGORIES = ("L", "M", "N")
_MASK = (1 << 64) - 1
_MIN_WORDS = 3
ALL_PAIRS_UP_TO = 48  # distinct texts compared pair by pair, without the shingle index and MinHash
COMPARED_CHARS = 300  # a text is compared on its start: far longer than a real title, and difflib is quadratic


class _KeptCharacters(dict):
    """``str.translate`` table: Thai digits become Arabic ones, other letters, marks and digits stay, and
    everything else is dropped. Filled on first sight of each character, so a text is filtered in C."""

    def __missing__(self, code: int) -> int | None:
        value = code if unicodedata.category(chr(code))[0] in _KEPT_CATEGORIES else None
        self[code] = value
        return value


_KEPT = _KeptCharacters({ord(thai): ord(str(digit)) for digit, thai in enumerate("๐๑๒๓๔๕๖๗๘๙")})


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Compare-ready form: NFKC, case folded, Thai digits as Arabic, letters/marks/digits only."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_KEPT)


def shingles(text: str, size: int) -> set[str]:
    if len(text) <= size:
        return {text} if text else set()
    return {text[i:i + size] for i in range(len(text) - size + 1)}


def words(text: str) -> list[str]:
    """Normalised space-separated words (Thai runs count as one word each; they are not segmented here)."""
    return [w for w in (normalise(part) for part in text.split()) if w]


def compared_part(text: str, limit: int = COMPARED_CHARS) -> str:
    """The start of a text that is compared: ``limit`` characters at most, cut at a space when one is near."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit + 1)
    return text[:cut] if cut > 0 else text[:limit]


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
    """Finds pairs of similar texts without comparing all pairs. Two ways make a pair a candidate:

    * rare shingles (prefix filtering): shingles are ordered by how many texts contain them, rarest first,
      and the first ``|S| - ceil(candidate_jaccard * |S|) + 1`` that occur in at most ``max_postings``
      texts are indexed; texts sharing enough of them meet. This finds look-alikes in small orgs exactly.
    * MinHash LSH: a signature of ``bands * rows`` min-hashes over the shingles that are not boilerplate
      (found in at most ``common_share`` of the texts); texts agreeing on a whole band meet. This keeps
      working in large orgs, where few shingles stay rare.

    Every posting list and bucket holds at most ``max_postings`` texts, and a full one is no longer read,
    so the work per text is bounded and the search is linear in the number of texts. Candidates pass a
    shingle-Jaccard check (``candidate_jaccard``) before the difflib ratio decides against ``threshold``.
    """

    threshold: float = 0.85
    shingle_size: int = 3
    candidate_jaccard: float = 0.6
    max_postings: int = 64
    bands: int = 16
    rows: int = 5
    seed: int = 20261124  # a signature has bands * rows values
    common_share: float = 0.05  # shingles in more than this share of the texts stay out of the sketch
    min_shared_shingles: int = 3
    max_candidates: int = 128  # texts verified against one text at most: those sharing the most with it
    _hashes: dict[str, int] = attrs.field(init=False, factory=dict)
    _permutations: list[tuple[int, int]] = attrs.field(init=False, factory=list)
    _signatures: dict[int, array] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self):
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        import random  # here: a run that compares no texts does not import it

        rng = random.Random(self.seed)
        self._permutations = [(rng.getrandbits(64) | 1, rng.getrandbits(64)) for _ in range(self.bands * self.rows)]

    def pairs(self, texts: Iterable[str], groups: Sequence[object] | None = None) -> list[SimilarPair]:
        """Pairs of texts at or above the threshold, each once, ``first < second``.

        Identical texts are not all paired with each other: each is paired with the first copy of
        another group, which keeps a text written by hundreds of teams linear.

        ``groups`` (one label per text) limits the result to pairs from different groups (e.g. teams).
        Empty texts never pair.
        """
        # Many small objects and no reference cycles: the cyclic collector's repeated full passes over
        # a large heap would cost more than the search itself.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._pairs(list(texts), groups)
        finally:
            if collecting:
                gc.enable()

    def _pairs(self, texts: list[str], groups: Sequence[object] | None) -> list[SimilarPair]:
        texts = [compared_part(t) for t in texts]
        normalised = [normalise(t) for t in texts]
        exact: dict[str, list[int]] = defaultdict(list)
        for index, text in enumerate(normalised):
            if text:
                exact[text].append(index)
        representatives = [members[0] for members in exact.values()]
        # Shingles are kept as their (memoised, hence shared) 64-bit hashes: a set of ints that already
        # exist costs far less memory than a set of freshly sliced strings.
        shingle_sets = {i: {self._hash(sh) for sh in shingles(normalised[i], self.shingle_size)} for i in representatives}
        frequency = Counter(chain.from_iterable(shingle_sets.values()))

        found: dict[tuple[int, int], float] = {}
        word_cache: dict[int, str] = {}
        word_codes: dict[str, str] = {}

        def words_of(i: int) -> str:
            # a text's words as a string of one character per distinct word: the word ratio is then computed by
            # :func:`ratio` in C, with the same value as difflib's over the lists of words
            found_words = word_cache.get(i)
            if found_words is None:
                found_words = word_cache[i] = _coded(words(texts[i]), word_codes)
            return found_words

        counts: dict[int, dict[str, int]] = {}

        def counts_of(i: int) -> dict[str, int]:
            if i not in counts:
                counts[i] = Counter(normalised[i])
            return counts[i]

        def consider(i: int, j: int, score: float | None = None) -> None:
            if i > j:
                i, j = j, i
            if (i, j) in found or (groups is not None and groups[i] == groups[j]):
                return
            if score is None:
                score = self._verify(normalised, shingle_sets, words_of, i, j, counts_of)
            if score is not None and score >= self.threshold:
                found[(i, j)] = score

        for members in exact.values():
            if len(members) > 1:
                _pair_identical(members, groups, consider)

        if len(representatives) <= ALL_PAIRS_UP_TO:
            # A handful of texts (one file, a small team): every pair is checked, no index is worth building.
            for position, i in enumerate(representatives):
                for j in representatives[:position]:
                    consider(j, i)
            return [SimilarPair(i, j, score) for (i, j), score in sorted(found.items())]

        for i, met in self._candidates(sorted(representatives), shingle_sets, frequency):
            for j in met:
                consider(j, i)
        return [SimilarPair(i, j, score) for (i, j), score in sorted(found.items())]

    def candidates(self, texts: Sequence[str]) -> list[list[int]]:
        """For each text, the earlier texts (ascending) that the search would verify it against: a caller with
        its own measure of likeness (clarity's duplicate-key-result) uses the index instead of comparing all
        pairs. Texts are taken as given (not cut, not normalised); empty ones meet none, identical ones meet
        each other; a text meets at most ``max_candidates`` others besides its copies."""
        first: dict[str, int] = {}
        copies: dict[int, list[int]] = defaultdict(list)
        for index, text in enumerate(texts):
            if text:
                copies[first.setdefault(text, index)].append(index)
        representatives = sorted(first.values())
        shingle_sets = {i: {self._hash(sh) for sh in shingles(texts[i], self.shingle_size)} for i in representatives}
        frequency = Counter(chain.from_iterable(shingle_sets.values()))
        if len(representatives) <= ALL_PAIRS_UP_TO:
            pairs = [(i, representatives[:position]) for position, i in enumerate(representatives)]
        else:
            pairs = self._candidates(representatives, shingle_sets, frequency)
        near: dict[int, set[int]] = defaultdict(set)  # representative -> the representatives it meets
        for i, met in pairs:
            for j in met:
                near[i].add(j)
                near[j].add(i)
        result: list[list[int]] = [[] for _ in texts]
        for representative, members in copies.items():
            others = sorted(near.get(representative, ()))
            for position, index in enumerate(members):
                # a copy meets the texts its first copy meets, and the copies before it
                result[index] = sorted(j for j in (*others, *members[:position]) if j < index)
        return result

    def _candidates(self, representatives: list[int], shingle_sets, frequency):
        """``(i, texts i meets)`` for each text in ascending order, each met text earlier than ``i``."""
        postings: dict[int, list[int]] = defaultdict(list)
        common = max(self.max_postings, int(self.common_share * len(representatives)))
        buckets: dict[int, list[int]] = defaultdict(list)
        for i in representatives:
            own = shingle_sets[i]
            rarest_first = sorted(own, key=lambda s: (frequency[s], s))
            prefix = len(own) - math.ceil(self.candidate_jaccard * len(own)) + 1
            shared: Counter[int] = Counter()
            indexed = 0
            for shingle in rarest_first[:prefix]:
                if frequency[shingle] > self.max_postings:
                    break  # the rest of the prefix is at least as common
                posting = postings[shingle]
                shared.update(posting)
                posting.append(i)
                indexed += 1
            # Sharing a rare word shares a few shingles by chance; a look-alike shares most rare ones.
            needed = max(self.min_shared_shingles, math.ceil(self.candidate_jaccard * indexed))
            # In a large org few shingles stay rare, and an edit makes new rare ones; so texts also meet in
            # MinHash LSH buckets (signatures over the shingles that are not the org's boilerplate).
            informative = [sh for sh in rarest_first if frequency[sh] <= common]
            if len(informative) < self.rows:
                informative = rarest_first  # a generic text: use what it has
            banded: Counter[int] = Counter()  # met text -> how many bands it shares with this one
            for key in self._band_keys(informative):
                bucket = buckets[key]
                if len(bucket) < self.max_postings:  # a full bucket holds boilerplate: neither read nor grown
                    banded.update(bucket)
                    bucket.append(i)
            for j, count in shared.items():
                if count >= needed:
                    banded[j] += count
            if len(banded) > self.max_candidates:
                # texts alike in everything (a small vocabulary, boilerplate) all meet: only those sharing the
                # most bands and rare shingles are verified, so that the work per text stays bounded
                met = sorted(banded, key=lambda j: (-banded[j], j))[:self.max_candidates]
            else:
                met = list(banded)
            yield i, met

    def _hash(self, shingle: str) -> int:
        # Deterministic (str hash() is salted per process) and memoised: shingles repeat across texts.
        value = self._hashes.get(shingle)
        if value is None:
            value = int.from_bytes(blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little")
            self._hashes[shingle] = value
        return value

    def _band_keys(self, shingle_list: list[int]) -> list[int]:
        """LSH band keys of the MinHash signature of a set of shingles. Each distinct shingle's values
        under the signature's permutations are computed once per run; a text's signature is then their
        element-wise minimum."""
        if not shingle_list:
            return []
        signature = list(map(min, zip(*map(self._permuted, shingle_list))))
        rows = self.rows
        # A band is keyed by the hash of its values (int tuples hash the same in every process).
        return [hash((band, *signature[band * rows:(band + 1) * rows])) for band in range(self.bands)]

    def _permuted(self, h: int) -> array:
        values = self._signatures.get(h)
        if values is None:
            values = array("Q", [((h ^ b) * a) & _MASK for a, b in self._permutations])  # 8 bytes a value
            self._signatures[h] = values
        return values

    def _verify(self, normalised, shingle_sets, words_of, i: int, j: int, counts_of=None) -> float | None:
        """The score of texts ``i`` and ``j``, or None when it is below the threshold (cheapest bounds first)."""
        a, b = normalised[i], normalised[j]
        if 2 * min(len(a), len(b)) / (len(a) + len(b)) < self.threshold:
            return None  # the ratio cannot reach the threshold: lengths differ too much
        sa, sb = shingle_sets[i], shingle_sets[j]
        shared = len(sa & sb)
        if shared < self.candidate_jaccard * (len(sa) + len(sb) - shared):
            return None
        counts_a, counts_b = (counts_of(i), counts_of(j)) if counts_of else (Counter(a), Counter(b))
        bound = _quick_ratio(a, b, counts_a, counts_b)  # >= the character ratio
        if bound < self.threshold:
            return None
        words_a, words_b = words_of(i), words_of(j)
        if len(words_a) < _MIN_WORDS or len(words_b) < _MIN_WORDS:
            if ratio_bound(a, b) < self.threshold:
                return None
            return ratio(a, b)
        word_ratio = _sequence_ratio(words_a, words_b)
        if (bound + word_ratio) / 2 < self.threshold:
            return None  # the blend (see _blend) cannot reach the threshold whatever the character ratio
        if (ratio_bound(a, b) + word_ratio) / 2 < self.threshold:
            return None  # a tighter bound (the longest common subsequence), still cheaper than the ratio
        return (ratio(a, b) + word_ratio) / 2


def _coded(items: Sequence[str], codes: dict[str, str]) -> str | list[str]:
    """``items`` as a string of one character per distinct item (``codes`` keeps the characters given so far),
    or the list itself once the code points run out."""
    coded = []
    for item in items:
        code = codes.get(item)
        if code is None:
            number = len(codes)
            number += 0x800 if number >= 0xD800 else 0  # no surrogates
            if number > 0x10FFFF:
                return list(items)
            code = codes[item] = chr(number)
        coded.append(code)
    return "".join(coded)


def _sequence_ratio(a, b) -> float:
    """difflib's ratio of two sequences: by :func:`ratio` when both are strings."""
    if isinstance(a, str) and isinstance(b, str):
        return ratio(a, b)
    return difflib.SequenceMatcher(None, list(a), list(b), autojunk=False).ratio()


def _quick_ratio(a: str, b: str, counts_a: dict[str, int], counts_b: dict[str, int]) -> float:
    """``difflib.SequenceMatcher(None, a, b).quick_ratio()`` from the texts' character counts."""
    if len(counts_a) > len(counts_b):
        counts_a, counts_b = counts_b, counts_a
    get = counts_b.get
    common = sum(min(n, get(ch, 0)) for ch, n in counts_a.items())
    return 2.0 * common / (len(a) + len(b)) if a or b else 1.0


def common_subsequence(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``, bit-parallel (Hyyrö): one pass over
    ``b`` with integer operations on ``len(a)`` bits, so about ``len(a) * len(b) / 64`` machine steps."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return 0
    masks: dict[str, int] = {}  # each character of a, with a bit set at each of its positions
    for position, character in enumerate(a):
        masks[character] = masks.get(character, 0) | (1 << position)
    full = (1 << len(a)) - 1
    row = full
    for character in b:
        mask = masks.get(character)
        if mask:
            matched = row & mask
            row = ((row + matched) | (row - matched)) & full
    return len(a) - row.bit_count()


def ratio_bound(a: str, b: str) -> float:
    """An upper bound of :func:`ratio`: difflib's matching blocks are a common subsequence of the two texts, so
    they match at most as many characters as the longest one."""
    return 2.0 * common_subsequence(a, b) / (len(a) + len(b)) if a or b else 1.0


def ratio(a: str, b: str) -> float:
    """``difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()`` for two strings, the same value
    computed with ``str.find`` in C: the longest matching block of each range is the same one difflib picks
    (the longest; of those the earliest in ``a``, then the earliest in ``b``), so the blocks and their
    total are the same."""
    matches = 0
    find = b.find
    queue = [(0, len(a), 0, len(b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        # Longest common substring of a[alo:ahi] and b[blo:bhi]: each start in a is only asked whether it
        # begins a match longer than the best so far, and the match grows while b still contains it.
        besti = bestj = size = 0
        i = alo
        while i + size < ahi:
            k = size + 1
            j = find(a[i:i + k], blo, bhi)
            if j >= 0:
                while i + k < ahi:
                    longer = find(a[i:i + k + 1], blo, bhi)
                    if longer < 0:
                        break
                    j, k = longer, k + 1
                besti, bestj, size = i, j, k
            i += 1
        if size:
            matches += size
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + size < ahi and bestj + size < bhi:
                queue.append((besti + size, ahi, bestj + size, bhi))
    return 2.0 * matches / (len(a) + len(b)) if a or b else 1.0


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


@attrs.define
class SimilarSets:
    """Pairs of word sets (a text's content words, its concepts) whose weighted Jaccard similarity reaches
    ``threshold``, without comparing all pairs.

    A word weighs more the fewer sets hold it (``log(1 + (n + 1) / df)``): sharing a rare word (a place, a
    product, what is measured) says more than sharing a common one ('customers', 'grow'), and a rare word on one
    side only says more about a difference. Candidates come from prefix filtering: each set's words are ordered
    rarest first, and only the shortest prefix whose weight exceeds ``1 - threshold`` of the set's weight is
    indexed; two sets that reach the threshold share a word of both prefixes. A posting list that holds
    ``max_postings`` sets is no longer read nor grown, so the work per set is bounded and the search linear (a
    word that common is boilerplate, and the rarer words of a look-alike still meet). Sets that are equal are
    grouped by a dict first and each paired with the first copy of another group. ``sides`` (one label per set,
    e.g. its language) keeps only pairs of different sides, and then a set only meets the other sides' sets.
    After ``pairs``, ``score`` gives the similarity of any two sets with the same weights.
    """

    threshold: float = 0.8
    max_postings: int = 48
    _sets: list[frozenset] = attrs.field(init=False, factory=list)
    _weights: dict[str, float] = attrs.field(init=False, factory=dict)
    _totals: list[float] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self):
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")

    def pairs(self, sets: Iterable[Iterable[str]], groups: Sequence[object] | None = None,
              sides: Sequence[object] | None = None) -> list[SimilarPair]:
        """Pairs at or above the threshold, each once, ``first < second``; ``groups`` (one label per set) keeps only
        pairs of different groups, ``sides`` only pairs of different sides. Empty sets never pair."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._pairs(sets, groups, sides)
        finally:
            if collecting:
                gc.enable()

    def _pairs(self, sets, groups, sides) -> list[SimilarPair]:
        self._sets = [frozenset(s) for s in sets]
        frequency: Counter[str] = Counter(chain.from_iterable(self._sets))
        total = len(self._sets) + 1
        self._weights = weights = {word: math.log1p(total / count) for word, count in frequency.items()}
        self._totals = totals = [sum(weights[w] for w in words) for words in self._sets]
        threshold = self.threshold
        found: dict[tuple[int, int], float] = {}

        def consider(i: int, j: int, score: float | None = None) -> None:
            if i > j:
                i, j = j, i
            if (i, j) in found or (groups is not None and groups[i] == groups[j]) or (
                    sides is not None and sides[i] == sides[j]):
                return
            if score is None:
                low, high = sorted((totals[i], totals[j]))
                if low < threshold * high:
                    return  # the lighter set cannot share enough of the heavier one
                score = self.score(i, j)
            if score >= threshold:
                found[(i, j)] = score

        exact: dict[frozenset, list[int]] = defaultdict(list)
        for index, words in enumerate(self._sets):
            if words:
                exact[words].append(index)
        for members in exact.values():
            if len(members) > 1:
                _pair_identical(members, groups, consider)
        side_labels = sorted(set(sides), key=repr) if sides is not None else [None]
        postings: dict[tuple[object, str], list[int]] = defaultdict(list)
        limit = self.max_postings
        for words, members in exact.items():
            i = members[0]
            side = sides[i] if sides is not None else None
            others = [label for label in side_labels if label != side] if sides is not None else side_labels
            rarest_first = sorted(words, key=lambda w: (frequency[w], w))
            allowed = (1.0 - threshold) * totals[i]
            seen = 0.0
            met: set[int] = set()
            for word in rarest_first:
                for label in others:
                    posting = postings.get((label, word))
                    if posting and len(posting) < limit:  # a full list holds boilerplate: not read
                        met.update(posting)
                own = postings[(side, word)]
                if len(own) < limit:
                    own.append(i)
                seen += weights[word]
                if seen > allowed:
                    break
            for j in met:
                consider(j, i)
        return [SimilarPair(i, j, score) for (i, j), score in sorted(found.items())]

    def weight(self, word: str) -> float:
        """A word's weight (after ``pairs``); a word no set holds weighs as one held by a single set."""
        found = self._weights.get(word)
        return found if found is not None else math.log1p(len(self._sets) + 1)

    def score(self, i: int, j: int) -> float:
        """The weighted Jaccard similarity of sets ``i`` and ``j`` (after ``pairs``)."""
        a, b = self._sets[i], self._sets[j]
        if not a or not b:
            return 0.0
        weights = self._weights
        shared = sum(weights[w] for w in (a & b if len(a) <= len(b) else b & a))
        return shared / (self._totals[i] + self._totals[j] - shared) if shared else 0.0
