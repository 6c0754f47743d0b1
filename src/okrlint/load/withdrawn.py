"""Withdrawn items: what the author struck through or marked as dropped is no longer part of the plan.

A key result or objective struck through (Word's strikethrough, which the Word reader writes as ``~~…~~``, or
Markdown's ``~~…~~``) or marked with a status word that withdraws it — ``DROPPED — Podcast reach``, ``Cut cost per
install to £1.20 DROPPED``, ``(cancelled) Partner summit``, ``ยกเลิก: จัดงานสัมมนา``, ``จัดงานสัมมนา (ยกเลิก)`` — is
left out with a note, never linted as a live one. The status word needs its brackets, its separator or (at the end)
capitals: ``Reduce cancelled orders from 5% to 2%``, ``Abandoned carts fall``, ``ลดคำสั่งซื้อที่ยกเลิก`` are key
results. Struck words inside a line that stays (``from ~~30~~ 35 to 50``) are taken out of it. A tracker's Status
column saying so (``Dropped``, ``Cancelled``, ``Descoped — moved to H2``, ``ยกเลิก``) withdraws its row's key result
(its objective, on a row with none): the table reader marks the title with that word (:func:`status_withdraws`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from okrlint.text import regexcache

if TYPE_CHECKING:
    from okrlint.model import InputError, OKRSet

# "~~struck words~~" on one line, as ``regexcache.compile(r"~~(?=\S)(.+?)(?<=\S)~~")`` would match it, found by
# _struck_spans in linear time: that pattern rescans to the line's end from every unclosed "~~" (quadratic)
_STATUS_EN = (r"dropped|cancell?ed|withdrawn|de-?scoped|scrapped|abandoned|parked|on\s+hold|no\s+longer\s+pursued"
              r"|removed\s+from\s+(?:scope|the\s+plan)|out\s+of\s+scope")
_STATUS_TH = r"ยกเลิก(?:แล้ว)?|ตัดออก(?:แล้ว)?|ไม่ดำเนินการ(?:ต่อ)?|ระงับ(?:ไว้)?|พักไว้"
_STATUS = rf"(?i:{_STATUS_EN})|{_STATUS_TH}"
# "DROPPED — …", "Dropped: …", "[Cancelled] …", "(ยกเลิก) …", "ยกเลิก: …"
_LEADING = regexcache.compile(
    rf"^\s*(?:[\[(（]\s*(?:{_STATUS})\s*[\])）]\s*[:：\-–—]?|(?:{_STATUS})\s*(?:[:：]|\s[\-–—]|[\-–—]\s))\s*(?=\S)")
# "… (dropped)", "… [ยกเลิก]", "… — cancelled", "… DROPPED", "… CANCELLED."
_TRAILING = regexcache.compile(
    rf"(?:[\[(（]\s*(?:{_STATUS})\s*[\])）]|\s[\-–—:|]\s*(?:{_STATUS})|\s(?:DROPPED|CANCELL?ED|WITHDRAWN|DESCOPED"
    r"|DE-SCOPED|SCRAPPED))\s*[.!]?\s*$")
_STATUS_ONLY = regexcache.compile(rf"[\[(（]?\s*(?:{_STATUS})\s*[\])）]?")
_SPACES = regexcache.compile(r"[ \t]{2,}")
_LIST_MARK = regexcache.compile(r"^\s*(?:[-*+•]|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})*[.)]?|[A-Za-z][.)])\s+")
_WORD_CHARS = regexcache.compile(r"\w")


STRUCK_THROUGH = "~~"


def _struck_spans(text: str) -> list[tuple[int, int]]:
    r"""The ``~~…~~`` spans of ``text`` (start, end; the struck words are ``text[start + 2:end - 2]``), leftmost
    first and each as short as it can be, as the pattern ``~~(?=\S)(.+?)(?<=\S)~~`` finds them, in O(n log n): a
    span opens at "~~" before a non-space and closes at the first "~~" after a non-space on the same line."""
    if "~~" not in text:
        return []
    closes = [i for i in _marks(text) if i > 0 and not text[i - 1].isspace()]  # "~~" after a non-space
    spans: list[tuple[int, int]] = []
    newline = -1  # the first line break at or after the open's words (len(text) when none)
    at = text.find("~~")
    while at != -1:
        words = at + 2
        if words < len(text) and not text[words].isspace():
            if newline < words:
                newline = text.find("\n", words)
                if newline == -1:
                    newline = len(text)
            k = bisect.bisect_left(closes, words + 1)  # at least one struck character
            if k < len(closes) and closes[k] < newline:
                spans.append((at, closes[k] + 2))
                at = text.find("~~", closes[k] + 2)
                continue
        at = text.find("~~", at + 1)
    return spans


def _marks(text: str) -> list[int]:
    """Where each "~~" starts, overlapping ones too ("~~~" has two)."""
    found = []
    at = text.find("~~")
    while at != -1:
        found.append(at)
        at = text.find("~~", at + 1)
    return found


def _struck_sub(text: str, spans: list[tuple[int, int]], keep_words: bool = False) -> str:
    """``text`` with its struck spans taken out, or (``keep_words``) with only their "~~" marks taken out."""
    parts = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        if keep_words:
            parts.append(text[start + 2:end - 2])
        last = end
    parts.append(text[last:])
    return "".join(parts)


def withdrawn(text: str | None) -> str | None:
    """Why ``text`` (a key result's or objective's whole text) is withdrawn — STRUCK_THROUGH or its status word
    ("DROPPED", "ยกเลิก") — or None when it is live."""
    if not text or not text.strip():
        return None
    body = text.strip()
    if "~~" in body:
        rest = _struck_sub(body, _struck_spans(body)).strip(" \t-–—:;,.|*_")
        if not rest or _status_only(rest):
            return STRUCK_THROUGH
    mark = _LEADING.match(body) or _TRAILING.search(body)
    if mark is not None:
        word = mark.group(0).strip(" \t[]()（）:：-–—|.!")
        return word
    return None


# A tracker's Status cell that withdraws its row: "Dropped", "Cancelled", "Descoped — moved to H2", "ยกเลิก (งบประมาณ)"
_STATUS_CELL = regexcache.compile(rf"\W*(?P<word>{_STATUS})\W*(?:(?<=[\s(（\[:：\-–—,;])\S.*)?")


def status_withdraws(text: str | None) -> str | None:
    """The status word of a tracker's Status cell that withdraws its row ("Dropped", "Cancelled", "Descoped —
    moved to H2", "ยกเลิก"), or None for a live status ("On track", "At risk", "Done")."""
    if not text or not text.strip():
        return None
    found = _STATUS_CELL.fullmatch(" ".join(text.split()))
    return " ".join(found["word"].split()) if found else None


def _status_only(text: str) -> bool:
    """'DROPPED', '(cancelled)', 'ยกเลิก' alone: what is left beside struck text."""
    return _STATUS_ONLY.fullmatch(text.strip()) is not None


def without_struck(text: str) -> str:
    """``text`` with its struck words taken out ("from ~~30~~ 35 to 50" → "from 35 to 50"), when words of its own
    stay beside them; a text struck as a whole ("~~Cut cost per install~~", "- ~~KR 3~~ DROPPED") is kept as it is,
    to be left out as withdrawn with a note."""
    if "~~" not in text:
        return text
    spans = _struck_spans(text)
    if not spans:
        return text
    kept = _struck_sub(text, spans)
    if withdrawn(text) is not None:
        return text
    after = text[spans[-1][1]:]
    before = _LIST_MARK.sub("", text[:spans[0][0]]).strip()
    # words after the struck ones replace them ("~~30~~ 35"); before them, more than a label ("Objective 2: ~~…~~")
    if not _WORD_CHARS.search(after) and (len(before.split()) < 2 or before.endswith((":", "：", "-", "–", "—"))):
        return text
    indent = text[:len(text) - len(text.lstrip())]
    return indent + _SPACES.sub(" ", kept).strip()


def without_withdrawn(sets: "tuple[OKRSet, ...]") -> "tuple[tuple[OKRSet, ...], tuple[InputError, ...]]":
    """``sets`` without their withdrawn objectives (with their key results) and key results, and a note on each. An
    objective whose key results are all withdrawn is left out with them."""
    import attrs

    from okrlint.model import InputError

    notes: list[InputError] = []
    result = []
    for okr_set in sets:
        objectives = []
        changed = False
        for objective in okr_set.objectives:
            why = withdrawn(objective.title)
            if why is not None:
                notes.append(InputError(_said("objective", objective.title, why), objective.location))
                changed = True
                continue
            krs = []
            for kr in objective.key_results:
                why = withdrawn(kr.title)
                if why is not None:
                    notes.append(InputError(_said("key result", kr.title, why), kr.location))
                    continue
                krs.append(kr)
            if objective.key_results and not krs:
                # every key result it had is withdrawn (a tracker's objective on Dropped rows only): nothing of it is
                # being worked on, so it goes with them, with a note, rather than stay as an objective that seems to
                # lack key results
                notes.append(InputError(f"objective '{_shown(objective.title)}' is left out with its key results: "
                                        "all of them are withdrawn", objective.location))
                changed = True
                continue
            if len(krs) != len(objective.key_results):
                objective = attrs.evolve(objective, key_results=tuple(krs))
                changed = True
            objectives.append(objective)
        result.append(attrs.evolve(okr_set, objectives=tuple(objectives)) if changed else okr_set)
    return tuple(result), tuple(notes)


def _said(what: str, title: str, why: str) -> str:
    if why == STRUCK_THROUGH:
        return f"{what} '{_shown(title)}' is struck through: withdrawn, not linted"
    return f"{what} '{_shown(title)}' is marked '{why}': withdrawn, not linted"


def _shown(text: str) -> str:
    text = " ".join(_struck_sub(text, _struck_spans(text), keep_words=True).split())
    return text if len(text) <= 60 else text[:57].rstrip() + "..."
