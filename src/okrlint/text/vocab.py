"""Vocabularies: word lists per category and language, kept as data in ``rules/vocab/*.yaml``.

A vocabulary file looks like this::

    language: en
    categories:
      vague: [improve, better, "optimi*"]      # "*" at the end: any word starting so
      activity: [launch, hold, "run a"]        # several words: a phrase
    replace: [vague]                           # optional: drop what earlier files had in these categories

Files are merged in order: okrlint's own (registered by this module's hook, like any plugin's),
then plugins', then the organisation's (configuration ``vocabulary``).
"""

from __future__ import annotations

import atexit
import marshal
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

import attrs

from okrlint.hookspecs import hookimpl
from okrlint.text import stored
from okrlint.text.lazyre import lazy_compile


def data_dir() -> Path:
    """The shipped ``rules/`` data folder: inside the wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_data" / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


@hookimpl
def okrlint_vocabulary_paths():
    return sorted((data_dir() / "vocab").glob("*.yaml"))


class VocabularyError(ValueError):
    pass


class Term(NamedTuple):
    """A vocabulary entry ready for matching. (A named tuple: thousands are made at every start.)"""

    category: str
    text: str
    language: str
    tokens: tuple[str, ...]
    prefix: bool = False  # the last token matches any word starting with it


@attrs.frozen
class Vocabulary:
    categories: Mapping[str, tuple[str, ...]]  # category -> terms as written (all languages)
    languages: Mapping[str, Mapping[str, tuple[str, ...]]] = attrs.field(factory=dict)  # lang -> category -> terms

    def terms(self, category: str) -> tuple[str, ...]:
        return self.categories.get(category, ())

    def thai_words(self, category: str | None = None) -> list[str]:
        words = []
        for name, terms in self.languages.get("th", {}).items():
            if category is None or name == category:
                words.extend(t.rstrip("*").strip() for t in terms)
        return words


def _read_vocabulary_file(path: Path):
    """The plain data of one vocabulary file (parsed once per content, then kept: see load_plain_yaml_kept)."""
    from okrlint.load.kept_yaml import load_plain_yaml_kept

    return load_plain_yaml_kept(path, "vocab")


def load_vocabulary(paths: Iterable[Path]) -> Vocabulary:
    languages: dict[str, dict[str, dict[str, None]]] = {}  # lang -> category -> terms (a dict: ordered, no repeats)
    for path in paths:
        data = _read_vocabulary_file(Path(path))
        if not isinstance(data, dict) or not isinstance(data.get("categories"), dict):
            raise VocabularyError(f"{path}: a vocabulary file needs a 'categories' mapping")
        language = str(data.get("language", "any"))
        per_lang = languages.setdefault(language, {})
        for category in data.get("replace", []) or []:
            per_lang.pop(str(category), None)
        for category, terms in data["categories"].items():
            if not isinstance(terms, list):
                raise VocabularyError(f"{path}: category {category!r} must be a list of words")
            bucket = per_lang.setdefault(str(category), {})
            for term in terms:
                text = str(term).strip()
                if text:
                    bucket[text] = None
    merged: dict[str, list[str]] = {}
    for per_lang in languages.values():
        for category, terms in per_lang.items():
            merged.setdefault(category, []).extend(terms)
    return Vocabulary(
        categories={k: tuple(v) for k, v in merged.items()},
        languages={lang: {k: tuple(v) for k, v in cats.items()} for lang, cats in languages.items()},
    )


class TermTokens:
    """The tokens of vocabulary terms, remembered between runs.

    Tokenizing the ~2,000 terms of the vocabularies took a twentieth of a small run's time at every start.
    ``key`` names the tokenizer's behaviour (dictionary and code), so a changed tokenizer never sees
    another one's tokens; the file lives in okrlint's private per-user folder.
    """

    def __init__(self, key: str):
        self._key = key
        self._stored: dict[str, tuple[str, ...]] | None = None
        self._indexes: dict[tuple, tuple] | None = None
        self._index_added = False
        self._added = False

    def _path(self, kind: str = "terms") -> Path:
        from okrlint.text.segment import derived_data_dir

        return derived_data_dir() / f"{kind}-{self._key}.marshal"

    def tokens(self, text: str, tokenizer) -> tuple[str, ...]:
        if self._stored is None:
            self._stored = stored.read_dict(self._path())
        tokens = self._stored.get(text)
        if type(tokens) is not tuple:
            tokens = tokenizer(text)
            self._stored[text] = tokens
            if not self._added:
                self._added = True
                atexit.register(self._save)
        return tokens

    def kept_index(self, key: tuple):
        """A term index kept under ``key`` by :meth:`keep_index` in an earlier run, or None. (A file of its own:
        a run that finds the index never reads the tokens.)"""
        if self._indexes is None:
            self._indexes = stored.read_dict(self._path("termindex"))
        return self._indexes.get(key)

    def keep_index(self, key: tuple, index) -> None:
        self.kept_index(key)
        if len(self._indexes) >= 16:  # indexes of vocabularies no longer used
            self._indexes.clear()
        if not self._index_added:  # written at exit once, whatever the file held before
            self._index_added = True
            atexit.register(lambda: stored.write(self._path("termindex"), self._indexes))
        self._indexes[key] = index

    def _save(self) -> None:
        if self._stored and len(self._stored) <= 100_000:
            stored.write(self._path(), self._stored)


_INDEX_FORMAT = "grouped-v2"  # of the kept term index: (format, {first token: marshalled rows}, prefix rows)


class TermMatcher:
    """Finds vocabulary terms in a token sequence in one pass (index by first token).

    Thai terms need the Thai segmenter (and its dictionary) to be tokenized; they are indexed only
    when the first Thai text arrives, so an English-only run never loads Thai support.
    """

    def __init__(self, vocabulary: Vocabulary, tokenizer, memo: "TermTokens | None" = None):
        self._vocabulary = vocabulary
        self._tokenizer = tokenizer
        self._memo = memo
        # Terms by their first token, one dict per indexed part in indexing order; a token's terms are kept as
        # marshalled rows until a text holds the token (a run meets a few hundred of the thousands indexed).
        self._first_parts: list[dict[str, bytes | list[Term]]] = []
        # One-token prefix terms ("improv*") by their prefix, each with its order of indexing so that hits
        # keep the order a scan of the whole list would give; looked up by the token's first n characters.
        self._by_prefix: dict[str, list[tuple[int, Term]]] = {}
        self._prefix_lengths: list[int] = []
        self._prefix_count = 0
        self._candidates_of: dict[str, tuple] = {}  # token -> the terms that may start there (see _candidates)
        self._thai_indexed = False
        self._index_key: tuple | None = None
        if memo is not None:
            # the whole index is kept between runs too, keyed by the vocabulary's words (a few ms of every start)
            from okrlint.text.segment import sha1

            try:
                words = marshal.dumps(tuple((lang, tuple(cats.items())) for lang, cats in vocabulary.languages.items()))
                self._index_key = ("index", sha1(words).hexdigest())
            except ValueError:  # not plain data (a vocabulary built by hand): indexed afresh every time
                pass
        self._index("others")

    def _entries(self, part: str) -> list[tuple[str, str, str]]:
        """(language, category, text) of the vocabulary's Thai terms (``part`` "thai") or of the others, in written
        order."""
        from okrlint.text.segment import THAI_CHAR

        thai = part == "thai"
        return [(language, category, text)
                for language, categories in self._vocabulary.languages.items()
                for category, terms in categories.items()
                for text in terms
                if (THAI_CHAR.search(text) is not None) == thai]

    def _index(self, part: str) -> None:
        """Index the vocabulary's ``part`` ("others" or "thai": see _entries) through plain data kept between runs:
        {first token: its terms' rows, marshalled} and [(prefix, row)], each in written order."""
        kept = None if self._index_key is None else self._memo.kept_index((*self._index_key, part))
        if (type(kept) is tuple and len(kept) == 3 and kept[0] == _INDEX_FORMAT and type(kept[1]) is dict
                and type(kept[2]) is tuple):
            _, first_groups, prefix_rows = kept
        else:
            first_rows: dict[str, list[tuple]] = {}
            prefix_rows = []
            for language, category, text in self._entries(part):
                prefix = text.endswith("*")
                bare = text.rstrip("*")
                tokens = self._tokenizer(bare) if self._memo is None else self._memo.tokens(bare, self._tokenizer)
                if not tokens:
                    continue
                row = (category, text, language, tokens, prefix)
                if prefix and len(tokens) == 1:
                    prefix_rows.append((tokens[0], row))
                else:
                    first_rows.setdefault(tokens[0], []).append(row)
            prefix_rows = tuple(prefix_rows)
            try:
                first_groups = {token: marshal.dumps(tuple(rows)) for token, rows in first_rows.items()}
            except ValueError:  # not plain data: made into terms now
                first_groups = {token: [Term._make(row) for row in rows] for token, rows in first_rows.items()}
            else:
                if self._index_key is not None:
                    self._memo.keep_index((*self._index_key, part), (_INDEX_FORMAT, first_groups, prefix_rows))
        self._first_parts.append(dict(first_groups))
        make = Term._make
        for token, row in prefix_rows:
            self._by_prefix.setdefault(token, []).append((self._prefix_count, make(row)))
            self._prefix_count += 1
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})
        self._candidates_of.clear()

    def _candidates(self, token: str) -> tuple:
        """The terms that may start at ``token``: (terms indexed by their first token, one-token prefix terms
        it starts with), or () when none; remembered per token (tokens repeat a lot)."""
        first: tuple[Term, ...] = ()
        for terms_of in self._first_parts:
            terms = terms_of.get(token)
            if terms is not None:
                if type(terms) is bytes:
                    terms = terms_of[token] = [Term._make(row) for row in marshal.loads(terms)]
                first += tuple(terms)
        prefixed = self._find_prefix_terms(token)
        candidates = (first, prefixed) if first or prefixed else ()
        if len(self._candidates_of) < 200_000:
            self._candidates_of[token] = candidates
        return candidates

    def _find_prefix_terms(self, token: str) -> tuple[Term, ...]:
        found: list[tuple[int, Term]] = []
        for length in self._prefix_lengths:
            if length > len(token):
                break
            terms = self._by_prefix.get(token[:length], ())
            if terms and _AGENT_NOUN_ENDING.fullmatch(token, length):
                # "analy*" is to analyse, not an analyst; "recruit*" not recruiters: a verb's prefix does not
                # reach the nouns of those who do it
                terms = [hit for hit in terms if hit[1].category not in _VERB_CATEGORIES]
            found.extend(terms)
        if len(found) > 1:
            found.sort(key=lambda hit: hit[0])
        return tuple(term for _, term in found)

    def match(self, tokens: tuple[str, ...], *, thai: bool = True) -> dict[str, list[tuple[int, Term]]]:
        """category -> [(token index, term)] for every occurrence. ``thai``: the text has Thai letters; without
        them the terms of a Thai vocabulary (``language: th``) are not looked for, so that its words in Latin
        letters are English as Thai writers use it in a Thai sentence ('view' in 'เพิ่ม view ของคลิป', not in
        'a single customer view')."""
        if thai and not self._thai_indexed:
            self._thai_indexed = True
            self._index("thai")
        found: dict[str, list[tuple[int, Term]]] = {}
        n = len(tokens)
        candidates_of = self._candidates_of
        for i, token in enumerate(tokens):
            candidates = candidates_of.get(token)
            if candidates is None:
                candidates = self._candidates(token)
            if not candidates:
                continue
            first, prefixed = candidates
            for term in first:
                if not thai and term.language == "th":
                    continue
                k = len(term.tokens)
                if i + k > n:
                    continue
                if term.prefix:
                    ok = tokens[i : i + k - 1] == term.tokens[:-1] and tokens[i + k - 1].startswith(term.tokens[-1])
                else:
                    ok = tokens[i : i + k] == term.tokens
                if ok:
                    found.setdefault(term.category, []).append((i, term))
            for term in prefixed:
                if not thai and term.language == "th":
                    continue
                found.setdefault(term.category, []).append((i, term))
        if not found:
            return found
        kept = {category: _longest_first(hits) for category, hits in found.items()}
        whole = kept.pop("keep_whole", None)
        if whole:
            # a word kept whole is none of the shorter terms inside it ("ผู้นำ" is no "นำ"), but it may be a
            # term of another category itself ("ส่งเสริม" is vague)
            covered = {i for index, term in whole for i in range(index, index + len(term.tokens))}
            whole_texts = {term.text for _, term in whole}
            kept = {
                category: [(i, t) for i, t in hits
                           if not (i in covered and len(t.tokens) == 1 and t.text not in whole_texts)]
                for category, hits in kept.items()
            }
            kept = {category: hits for category, hits in kept.items() if hits}
        return kept


_VERB_CATEGORIES = frozenset({"activity", "outcome", "increase", "decrease", "maintain"})
# what follows a verb's prefix in the noun of someone or something doing it: analy|st, recruit|ers, launch|er,
# analy|tics (not inflections: recruit|s, register|s, launch|es)
_AGENT_NOUN_ENDING = lazy_compile(r"[eo]rs?|y?sts?|i?tics|ics|ments?")  # …and nouns of the act: procure|ment


def _longest_first(hits: list[tuple[int, Term]]) -> list[tuple[int, Term]]:
    """Within one category keep the longest match and drop matches inside it ("จัดอบรม", not "จัด" + "อบรม")."""
    if len(hits) == 1:
        return hits
    hits = sorted(hits, key=lambda hit: (hit[0], -len(hit[1].tokens)))
    kept: list[tuple[int, Term]] = []
    covered_until = -1
    for index, term in hits:
        if index <= covered_until:
            continue
        kept.append((index, term))
        covered_until = index + len(term.tokens) - 1
    return kept
