"""Review 52 (hostile inputs): struck-text matching, NFC and team sections stay linear on huge inputs, and give
the same results as before on normal ones."""

from __future__ import annotations

import random
import re
import unicodedata
from types import SimpleNamespace

from okrlint.load.draft_markup import BLANK, HEADING, TEXT
from okrlint.load.draft_labels import OBJECTIVE
from okrlint.load.draft_sections import team_sections
from okrlint.load.withdrawn import _struck_spans, withdrawn, without_struck
from okrlint.model import visible_text
from okrlint.text.nfc import nfc

_OLD_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")


def test_struck_spans_match_the_old_pattern():
    rng = random.Random(52)
    pieces = ["~", "~~", " ", "a", "ข", "\n", "\t", "\u00a0", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 18)))
        assert _struck_spans(text) == [m.span() for m in _OLD_STRUCK.finditer(text)], repr(text)


def test_struck_words_still_taken_out():
    assert without_struck("Raise NPS from ~~30~~ 35 to 50") == "Raise NPS from 35 to 50"
    assert without_struck("- เพิ่มยอดขายจาก ~~10~~ 12 เป็น 20 ล้านบาท") == "- เพิ่มยอดขายจาก 12 เป็น 20 ล้านบาท"
    assert withdrawn("~~Cut cost per install to £1.20~~") == "~~"
    assert withdrawn("~~จัดงานสัมมนา~~ ยกเลิก") == "~~"
    assert withdrawn("Grow ~~a~~ revenue") is None


def test_unclosed_strike_marks_are_linear():
    # each unclosed "~~" made the old pattern scan to the end of the line: 30 s for this one
    text = "~~a " * 20000 + "from 1 to 2"
    assert withdrawn(text) is None
    assert without_struck(text) == text
    closed = "~~a " * 20000 + "~~b~~ from 1 to 2"  # one span, from the first mark to the only closing one
    assert without_struck(closed) == "from 1 to 2"
    many_lines = "\n".join(["- ~~"] * 40000 + ["~~a " * 20000])
    assert _struck_spans(many_lines) == []


def test_nfc_is_unicodedata_on_normal_text():
    rng = random.Random(7)
    pool = [chr(c) for c in range(0x0E01, 0x0E5C)] + ["\u0301", "\u0323", "e", " ", "\uac00", "\u11a8", "\u0f73"]
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        assert nfc(text) == unicodedata.normalize("NFC", text), repr(text)
    assert visible_text("ผ\u0e49\u0e39") == "ผู้"  # tone mark typed before the lower vowel


def test_nfc_of_a_long_run_of_marks_is_linear_and_exact():
    # a tone mark before a lower vowel, 100,000 times on one letter: 30 s in unicodedata.normalize
    text = "ก" + "\u0e48\u0e38" * 100000
    assert nfc(text) == "ก" + "\u0e38" * 100000 + "\u0e48" * 100000
    assert visible_text("Grow revenue " + text).startswith("Grow revenue ก\u0e38")
    latin = "e" + "\u0301\u0323" * 50000  # e + dot below composes first (ẹ), then the acute marks follow
    assert nfc(latin) == "\u1eb9" + "\u0323" * 49999 + "\u0301" * 50000


def _line(kind, text="", level=0, label=None):
    return SimpleNamespace(kind=kind, label=label, content=SimpleNamespace(text=text),
                           layout=SimpleNamespace(heading_level=level), source=SimpleNamespace(location=None))


def _objective(number="1"):
    return _line(TEXT, "Objective", label=SimpleNamespace(kind=OBJECTIVE, number=number))


def test_team_sections_linear_in_headings():
    # 20,000 team headings, each over its own objective 1; and 30,000 headings with no objectives under them
    lines = [_line(TEXT, "Company plan")]
    for i in range(20000):
        lines += [_line(HEADING, f"Team {i}", 2), _objective(), _line(BLANK)]
    sections = team_sections(lines)
    assert len(sections) == 20000
    assert {s.level for s in sections} == {"team"}
    assert sections[5].start == 1 + 5 * 3 and sections[5].end == 1 + 6 * 3
    flat = [_line(HEADING, "Objective: Grow revenue", 1)] + [_line(HEADING, f"Section {i}", 2) for i in range(30000)]
    assert team_sections(flat) == []


def test_team_sections_nesting_kept():
    lines = [_line(TEXT, "Plan"),
             _line(HEADING, "Go-to-Market", 1),
             _line(HEADING, "Sales team", 2), _objective("1"),
             _line(HEADING, "Marketing team", 2), _objective("1"),
             _line(HEADING, "Engineering", 1), _line(TEXT, "Lead: Ann"),
             _line(HEADING, "Platform team", 2), _objective("1"), _objective("2"),
             _line(HEADING, "Data team", 2), _objective("1")]
    got = [(s.name, s.start, s.end, s.level, s.container) for s in team_sections(lines)]
    assert got == [("Go-to-Market", 1, 6, "department", True), ("Sales team", 2, 4, "team", False),
                   ("Marketing team", 4, 6, "team", False), ("Engineering", 6, 13, "department", True),
                   ("Platform team", 8, 11, "team", False), ("Data team", 11, 13, "team", False)]
