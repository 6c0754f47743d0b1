"""Reviews 33-35, measurability and number reading: the verb that governs the numbers after a relative clause, names
that carry a number, shares of a good state, scale words written once, done/not-done results, values as written.
The example sentences are written for these tests."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_documents


def _codes(*krs: str, prefix: str = "MEA") -> list[list[str]]:
    """The codes (starting with ``prefix``) of each key result, in order."""
    body = "team: depot\nperiod: 2027-Q1\nobjectives:\n  - title: Customers get what they ordered\n    key_results:\n"
    body += "".join(f"      - \"{kr}\"\n" for kr in krs)
    found = lint_documents([("depot.okr.yaml", body)])
    return [sorted(f.code for f in found if f.location.line == 6 + i and f.code.startswith(prefix))
            for i in range(len(krs))]


def _messages(kr: str, code: str) -> list[str]:
    body = ("team: depot\nperiod: 2027-Q1\nobjectives:\n  - title: Customers get what they ordered\n    key_results:\n"
            f"      - \"{kr}\"\n")
    return [f.message for f in lint_documents([("depot.okr.yaml", body)]) if f.code == code]


# 1. The verb right before the change governs it, also after a clause that says what is counted.
@pytest.mark.parametrize("kr", [
    "จำนวนร้านค้าที่ขายสินค้าหมดอายุ ลดจาก 9 เหลือ 14 ร้าน",
    "จำนวนหมู่บ้านที่มีน้ำประปาใช้ เพิ่มจาก 60 เป็น 45 หมู่บ้าน",
    "Number of depots that miss the cut-off reduced from 6 to 11",
    "Share of members who lapse cut from 4% to 7%",
])
def test_a_verb_after_the_clause_that_governs_the_numbers_is_checked(kr):
    assert "MEA004" in _codes(kr)[0]


@pytest.mark.parametrize("kr", [
    "ร้อยละของครัวเรือนที่ได้รับคำแนะนำแล้วมีหนี้สินลดลง จาก 30 เป็น 45",  # the clause's own verb, glued to it
    "Share of drivers whose fatigue score decreased from 25% to 40%",  # 'whose …': the verb is the clause's
    "Share of branches that cut paper use from 20% to 50%",  # the verb right after 'that' is the clause's
    "ลดจำนวนผู้เรียนที่ต้องเพิ่มชั่วโมงเรียนซ่อม จาก 80 เหลือ 50 คน",  # a verb inside the clause, not the change
    "จำนวนสหกรณ์ที่มีกำไร เพิ่มจาก 40 เป็น 52 แห่ง",
])
def test_a_verb_inside_the_clause_does_not_set_the_direction(kr):
    assert "MEA004" not in _codes(kr)[0]
