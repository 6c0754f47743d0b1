"""One-line messages shorten text without cutting a character from its marks."""

from __future__ import annotations

import unicodedata

from okrlint.text.clip import clipped


def test_a_thai_word_is_never_left_without_its_marks():
    text = "ร้อยละของโครงการที่สอดคล้องกับยุทธศาสตร์ชาติและแผนแม่บท"
    for limit in range(5, len(text) + 2):
        shown = clipped(text, limit)
        assert len(shown) <= limit
        kept = shown.removesuffix("…")
        assert text.startswith(kept)
        # the character after the cut is never a mark of the last kept letter
        assert kept == text or unicodedata.category(text[len(kept)]) != "Mn"
    assert clipped("short", 40) == "short"
    assert clipped("title: ร้อยละของโครงการที่สอดคล้องกับยุทธศาสตร์ชาติ", 47).endswith("ยุทธศาสต…")
