"""Unicode's composed form (NFC) in linear time.

CPython's ``unicodedata.normalize`` puts a run of combining marks in canonical order with an insertion sort, so a
run of k marks of different classes costs k²: a pasted or hostile line of 100,000 Thai tone marks and vowels on
one letter takes half a minute. :func:`nfc` gives the same text as ``unicodedata.normalize("NFC", …)``; when a
letter carries more than ``MAX_MARKS`` marks (real Thai has two or three), it first decomposes the text and sorts
those runs itself (a stable sort by combining class, which is the canonical order), so that Python's pass only
composes.
"""

from __future__ import annotations

import functools
import unicodedata

MAX_MARKS = 32  # a run of combining marks longer than this is put in order here, not by unicodedata


def nfc(text: str) -> str:
    """``text`` in NFC, as ``unicodedata.normalize("NFC", text)`` gives it, in O(n log n) time."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    if not _has_long_run(text):
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", _nfd(text))


def _has_long_run(text: str) -> bool:
    run = 0
    for ch in text:
        if ch.isascii() or not _is_mark(ch):
            run = 0
        else:
            run += 1
            if run > MAX_MARKS:
                return True
    return False


def _nfd(text: str) -> str:
    """The canonical decomposition of ``text`` (NFD): each character decomposed, then each run of combining marks
    sorted by combining class, keeping the order of marks of one class."""
    decomposed = "".join(_decomposed(ch) for ch in text)
    out: list[str] = []
    run: list[str] = []
    combining = unicodedata.combining
    for ch in decomposed:
        if combining(ch):
            run.append(ch)
            continue
        if run:
            out.extend(sorted(run, key=combining) if len(run) > 1 else run)
            run = []
        out.append(ch)
    if run:
        out.extend(sorted(run, key=combining) if len(run) > 1 else run)
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _decomposed(ch: str) -> str:
    return ch if ch.isascii() else unicodedata.normalize("NFD", ch)


@functools.lru_cache(maxsize=4096)
def _is_mark(ch: str) -> bool:
    """A combining mark, or a character whose canonical decomposition starts with one (Tibetan U+0F73 is two)."""
    if unicodedata.combining(ch):
        return True
    decomposed = _decomposed(ch)
    return decomposed != ch and unicodedata.combining(decomposed[0]) != 0
