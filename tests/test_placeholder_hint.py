"""The cheap placeholder hint must never hide a placeholder the full patterns would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.text import facts

ALPHABET = "XYZNxyzTBDCAU/?…._[]<>{}()%-' ’abnt0123456789กขคระบุใส่ตัวเลขค่าเป้าหมาย\t"


def _unfiltered(text: str) -> tuple[str, ...]:
    # the same patterns and exceptions as find_placeholders, without the hint that skips texts holding none
    found = [m.group(0).strip() for m in facts._PLACEHOLDER_PATTERNS.finditer(text)
             if not facts._part_of_a_name(text, m) and not facts._closes_examples(text, m)
             and not facts._trails_a_measure(text, m)]
    if facts.THAI_CHAR.search(text):
        found += [m.group(0).strip() for m in facts._THAI_PLACEHOLDER.finditer(text) if not facts._part_of_a_name(text, m)]
    return tuple(dict.fromkeys(f for f in found if f))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_hint_never_hides_a_placeholder(text):
    assert facts.find_placeholders(text) == _unfiltered(text)


def test_known_placeholders_still_found():
    for text in ["Reach X% retention", "ลดลง X%", "เพิ่มเป็น xx%", "TBD", "[target] users", "(ระบุ) ราย",
                 "Grow to ___ users", "NPS ?? by Q3", "Revenue … THB"]:
        assert facts.find_placeholders(text), text
