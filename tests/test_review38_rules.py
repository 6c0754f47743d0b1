"""Review 38 (an English health-software company): rules."""

from __future__ import annotations

import pytest

from okrlint.testing import lint_yaml


def _codes(title: str) -> list[str]:
    text = (f"team: a\nobjectives:\n  - title: Clinics trust our releases\n    key_results:\n      - {title}\n"
            "      - Raise clinic NPS from 30 to 40\n")
    return [f.code for f in lint_yaml(text) if f.object_id.endswith("kr1")]


@pytest.mark.parametrize("title", [
    "Raise the share of deployments with no P1 outage from 75% to 92%",
    "Increase the share of weeks with zero unplanned downtime from 50% to 80%",
    "Grow the share of audits with no critical finding from 40% to 70%",
    "เพิ่มสัดส่วนเดือนที่ไม่มีเหตุระบบล่มจาก 60% เป็น 90%",
])
def test_a_share_of_what_went_without_a_bad_event_is_better_higher(title):
    assert "MEA004" not in _codes(title)


@pytest.mark.parametrize("title", [
    "Raise the share of deployments with a P1 outage from 3% to 6%",
    "Increase unplanned downtime from 4 hours to 9 hours",
])
def test_a_bad_event_itself_still_may_not_rise(title):
    assert "MEA004" in _codes(title)
