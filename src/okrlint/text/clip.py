"""Shortening text for one-line messages without cutting a character from its marks."""

from __future__ import annotations

import unicodedata


def clipped(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters with "…" at the end, never between a letter and its combining
    marks ('ยุทธศาสตร์' keeps its ์, a Thai vowel or tone mark stays on its consonant)."""
    if len(text) <= limit:
        return text
    cut = max(limit - 1, 1)
    while cut > 1 and unicodedata.category(text[cut]) in ("Mn", "Me"):
        cut -= 1  # step back over the marks of the letter the cut falls after
    return text[:cut] + "…"
