"""Word tokens for Thai and English text.

Latin-script words come from a regular expression. Thai has no spaces between words, so Thai runs
are segmented with nlpo3 (a Rust implementation of pythainlp's newmm, about three times faster than
pythainlp's own) over pythainlp's dictionary. Both are imported only when a text contains Thai.

The dictionary is adjusted once: compounds made of a vocabulary term and another dictionary word are
removed ("เพิ่มจำนวน" → "เพิ่ม" + "จำนวน", "กลุ่มลูกค้า" → "กลุ่ม" + "ลูกค้า"), so that vocabulary terms
stand as tokens of their own: "ลด" is found in "ลดต้นทุน" but never inside "ลดาวัลย์". Vocabulary
terms are matched as token sequences, segmented the same way.
"""

from __future__ import annotations

import atexit
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from okrlint.text import stored

try:  # CPython's own SHA-1, without loading OpenSSL's bindings through hashlib (~2 ms of every start)
    from _sha1 import sha1
except ImportError:  # pragma: no cover - another Python
    from hashlib import sha1

THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*|[\u0e01-\u0e4e]+", re.IGNORECASE)
_lock = threading.Lock()
MEMO_SIZE = 20_000  # Thai runs remembered between runs (~1.5 MB; every run reads it, so it stays small)


def has_thai(text: str) -> bool:
    return THAI_CHAR.search(text) is not None


class ThaiSegmenter:
    """newmm segmentation over pythainlp's word list, adjusted for okrlint's vocabulary."""

    def __init__(self, extra_words: Iterable[str] = (), whole_words: Iterable[str] = (),
                 measure_words: Iterable[str] = ()):
        self._extra = sorted({w for w in extra_words if w and has_thai(w) and " " not in w})
        self._whole = sorted({w for w in whole_words if w and has_thai(w) and " " not in w})
        # terms that keep their meaning as the last part of a noun compound (see the module's docstring)
        self._measures = sorted({w for w in measure_words if w and has_thai(w) and " " not in w})
        self._name: str | None = None
        self._cache: dict[str, tuple[str, ...]] | None = None  # Thai run -> words, kept between runs
        self._new_runs = 0
        self._digest: str | None = None
        self._fresh: dict[str, tuple[str, ...]] | None = None  # new segmentations, collected in a worker process

    def _ensure_loaded(self) -> str:
        if self._name is not None:
            return self._name
        with _lock:
            if self._name is None:
                import nlpo3

                path = _adjusted_dictionary(self._extra, self._whole, self._measures)
                name = "okrlint-" + path.stem
                nlpo3.load_dict(str(path), name)
                self._segment = nlpo3.segment
                self._name = name
        return self._name

    def segment(self, thai_run: str) -> tuple[str, ...]:
        if self._cache is None:
            self._cache = self._load_memo()
        cached = self._cache.get(thai_run)
        if type(cached) is tuple:
            return cached
        name = self._ensure_loaded()
        words = tuple(w for w in self._segment(thai_run, name) if w.strip())
        if len(self._cache) < 200_000:
            self._remember(thai_run, words)
            if self._fresh is not None:
                self._fresh[thai_run] = words
        return words

    def _remember(self, thai_run: str, words: tuple[str, ...]) -> None:
        self._cache[thai_run] = words
        self._new_runs += 1
        if self._new_runs == 1:
            atexit.register(self._save_memo)

    # A --jobs worker exits without running exit handlers: it hands its new segmentations to the parent,
    # which keeps them with its own.
    def collect_fresh(self) -> None:
        self._fresh = {}

    def take_fresh(self) -> dict[str, tuple[str, ...]]:
        """The segmentations made since the last call (empty unless collect_fresh() was called)."""
        fresh = self._fresh or {}
        if self._fresh is not None:
            self._fresh = {}
        return fresh

    def absorb(self, segmentations: dict[str, tuple[str, ...]]) -> None:
        if not segmentations:
            return
        if self._cache is None:
            self._cache = self._load_memo()
        for thai_run, words in segmentations.items():
            if thai_run not in self._cache and len(self._cache) < 200_000:
                self._remember(thai_run, words)

    # Loading the dictionary costs more than linting a small Thai file. Segmentations are remembered
    # between runs (keyed by the adjusted dictionary), so a pre-commit run over a file whose titles
    # were seen before never loads it.
    def _memo_path(self) -> Path:
        return derived_data_dir() / f"segments-{self.digest()}.marshal"

    def digest(self) -> str:
        """Names this segmenter's behaviour: its adjusted dictionary and the tokenizing code."""
        if self._digest is None:
            try:  # the code's content, not its file time: a fresh checkout or install keeps the remembered data
                code = sha1(Path(__file__).read_bytes()).hexdigest()
            except OSError:  # pragma: no cover - running from a zip
                code = "?"
            self._digest = _dictionary_digest(self._extra, self._whole, code, self._measures)
        return self._digest

    def _load_memo(self) -> dict[str, tuple[str, ...]]:
        return stored.read_dict(self._memo_path())

    def _save_memo(self) -> None:
        if not self._new_runs or self._cache is None:
            return
        merged = {**self._load_memo(), **self._cache}
        if len(merged) > MEMO_SIZE:
            merged = dict(list(merged.items())[-MEMO_SIZE:])
        stored.write(self._memo_path(), merged)


def _base_dictionary() -> Path:
    # Located without importing pythainlp, whose import costs more than the whole lint of a small file.
    import importlib.util

    spec = importlib.util.find_spec("pythainlp")
    if spec is None or spec.origin is None:
        raise RuntimeError("pythainlp is not installed: it provides the Thai dictionary")
    return Path(spec.origin).parent / "corpus" / "words_th.txt"


_private_dir: Path | None = None


def derived_data_dir() -> Path:
    """Where data derived from installed files is kept between runs (adjusted dictionary, parsed vocabularies).

    A folder of this user's own (``$OKRLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/okrlint`` or
    ``~/.cache/okrlint``, else a per-user folder in the temporary directory). A folder that another user
    owns or can write to is never trusted: a fresh private one is used instead.
    """
    global _private_dir
    if _private_dir is not None:
        return _private_dir
    for candidate in _candidate_dirs():
        if _usable_private_dir(candidate):
            _private_dir = candidate
            return candidate
    import tempfile  # only here: its import (shutil, random, bz2, lzma) is a thirtieth of a small run

    _private_dir = Path(tempfile.mkdtemp(prefix="okrlint-"))
    return _private_dir


def _candidate_dirs():
    """The private folder's places in order of preference, each made only when the one before is unusable:
    tempfile.gettempdir() writes and removes a test file in the temporary folder, which changes that folder's
    modification time (and so the entry-point listing kept for it when it is the working directory)."""
    configured = os.environ.get("OKRLINT_CACHE_DIR")
    if configured:
        yield Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    yield Path(xdg) / "okrlint" if xdg else Path.home() / ".cache" / "okrlint"
    import tempfile

    yield Path(tempfile.gettempdir()) / f"okrlint-{_user_id()}"


def _user_id() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid else os.environ.get("USERNAME", "user")


def _usable_private_dir(path: Path) -> bool:
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid"):
        if info.st_uid != os.getuid() or info.st_mode & 0o022:
            return False
    return os.access(path, os.W_OK)


def _dictionary_digest(extra: list[str], whole: list[str], code: str = "", measures: list[str] = ()) -> str:
    base = _base_dictionary()
    key = ("\n".join(extra) + "\n--\n" + "\n".join(whole) + "\n--\n" + "\n".join(measures)
           + str(base.stat().st_size) + code)
    return sha1(key.encode()).hexdigest()[:16]


def _noun_heads() -> frozenset[str]:
    """Words that pythainlp's unigram part-of-speech table gives as nouns (titles such as "นาย" excluded)."""
    import json

    corpus = _base_dictionary().parent
    try:
        tags = json.loads((corpus / "tdtb-unigram_tagger.json").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):  # pragma: no cover - another pythainlp
        return frozenset()
    try:  # "นายแพทย์", "นางพยาบาล" are a doctor and a nurse: a title does not head a compound
        titles = {w for w, t in json.loads((corpus / "pos_orchid_unigram.json").read_text(encoding="utf-8-sig")).items()
                  if t == "NTTL"}
    except (OSError, ValueError):  # pragma: no cover
        titles = set()
    return frozenset(w for w, t in tags.items() if t == "NOUN" and w not in titles)


def _adjusted_dictionary(extra: list[str], whole: list[str] = (), measures: list[str] = ()) -> Path:
    """Write (once per vocabulary) the adjusted word list to a cache folder and return its path.

    ``whole`` words are added to the dictionary so that they stay one token ("แผนพัฒนา").
    """
    base = _base_dictionary()
    digest = _dictionary_digest(extra, whole, measures=measures)
    cache_dir = derived_data_dir()
    target = cache_dir / f"words-{digest}.txt"
    if target.exists():
        return target
    words = set(base.read_text(encoding="utf-8").split())
    heads = {w for w in extra if len(w) >= 2}
    lengths = sorted({len(w) for w in heads})
    nouns = _noun_heads()
    measure_terms = set(measures)

    def is_compound(word: str) -> bool:
        # Vocabulary terms are split too ("ลูกค้าประจำ" → "ลูกค้า" + "ประจำ"): terms are matched as token
        # sequences, so the longer term still matches and the shorter one inside it is found as well.
        # A noun followed by a term ("โรง|งาน") names a kind of that noun: it stays whole.
        for n in lengths:
            if n >= len(word) - 1:
                break
            if word[:n] in heads and word[n:] in words:
                return True
            if word[-n:] in heads and word[:-n] in words and (word[:-n] not in nouns or word[-n:] in measure_terms):
                return True
        return False

    words = {word for word in words if not is_compound(word)}
    words.update(whole)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text("\n".join(sorted(words)), encoding="utf-8")
    os.replace(tmp, target)
    stored.prune_siblings(target)
    return target


def tokenize(text: str, segmenter: ThaiSegmenter | None) -> tuple[str, ...]:
    """Lower-cased word tokens; Thai runs are segmented, everything else split on non-word characters."""
    words = _LATIN_WORD.findall(text.lower())
    if segmenter is None:
        return tuple(words)
    tokens: list[str] = []
    for word in words:
        if "\u0e01" <= word[0] <= "\u0e4e":  # a Thai run (the pattern's other branch starts with a-z or 0-9)
            tokens.extend(segmenter.segment(word))
        else:
            tokens.append(word)
    return tuple(tokens)
