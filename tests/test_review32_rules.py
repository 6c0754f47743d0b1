"""Review 32 (a company's shared drive), rule points."""

from __future__ import annotations

from okrlint.testing import lint_documents

TEAM = """team: ops
period: 2027-Q1
objectives:
  - title: Parcels reach customers on time
    aligns_to: [CO-1]
    key_results:
      - Raise on-time delivery from 91% to 96%
  - title: Drivers go home safe
    aligns_to: [company/co-o2]
    key_results:
      - Cut lost-time injuries from 6 to 2
  - title: Hubs run smoothly
    aligns_to: [ops-x9]
    key_results:
      - Cut sorting errors from 2.1% to 0.8%
"""


def test_a_department_folder_without_the_company_plan_does_not_call_company_references_dangling():
    codes = [(f.code, f.location.line) for f in lint_documents([("ops.okr.yaml", TEAM)]) if f.code == "ALN001"]
    assert codes == [("ALN001", 13)]  # only the reference that names no company objective


def test_with_the_company_plan_in_the_run_a_wrong_company_reference_is_still_reported():
    company = ("team: company\nlevel: company\nperiod: 2027\nobjectives:\n  - id: co-o1\n    title: Customers trust us\n"
               "    key_results:\n      - Raise NPS from 31 to 45\n")
    found = [f for f in lint_documents([("company.okr.yaml", company), ("ops.okr.yaml", TEAM)]) if f.code == "ALN001"]
    assert any("company/co-o2" in f.message for f in found)


def _kr(kr: str) -> list[str]:
    text = f"team: fleet\nperiod: 2027-Q1\n\n## Objective: Drivers get home safe\n- {kr}\n- Cut lost-time injuries from 6 to 2\n"
    return [f.code for f in lint_documents([("fleet.md", text)]) if f.location.line == 5]


import pytest  # noqa: E402


@pytest.mark.parametrize("kr", ["All 46 drivers complete the defensive driving course",
                                "พนักงานขับรถทั้ง 46 คนผ่านการอบรมขับขี่ปลอดภัย"])
def test_everyone_put_through_a_course_is_an_activity(kr):
    assert "MEA005" in _kr(kr)


@pytest.mark.parametrize("kr", ["All 46 drivers complete the defensive driving course and then drive 3 months without "
                                "a preventable incident", "All customers complete onboarding within 7 days"])
def test_what_people_then_do_or_customers_finishing_is_not(kr):
    assert "MEA005" not in _kr(kr)
