"""Review 42 (second part) and review 40: direction of win-back measures, baseline notes with a qualifier, shopping-
festival day names, team names from Thai sheet titles, prose under a Dependencies heading, vague 'more X' objectives."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main


def _findings(tmp_path, text: str, select: str, name: str = "a.okr.yaml") -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(path), "--no-cache", "--format", "json", "--select", select])
    return json.loads(run.stdout)["findings"]


def _krs(*krs: str, title: str = "Sellers stay and grow with us") -> str:
    lines = ["team: seller-care", "period: 2027-Q1", "objectives:", f"  - title: {title}", "    key_results:"]
    return "\n".join(lines + [f"      - {json.dumps(kr, ensure_ascii=False)}" for kr in krs]) + "\n"


def _flagged(tmp_path, kr: str, select: str) -> bool:
    return bool(_findings(tmp_path, _krs(kr), select))


# 1. A better-lower word that only says who is won back does not make the measure better lower
@pytest.mark.parametrize("kr", [
    "Win back 25% of sellers flagged at churn risk (Q4: 11%)",
    "Re-engage 30% of customers who churned last year, from 12%",
    "Recover 40% of accounts at risk of cancellation from 20%",
    "Share of cancelled subscribers won back from 5% to 9%",
    "ดึงลูกค้าที่เสี่ยงยกเลิกกลับมา 30% (ไตรมาส 4: 12%)",
    "ร้อยละของร้านค้าที่ยกเลิกแล้วกลับมาขาย จาก 10% เป็น 20%",
])
def test_who_is_won_back_is_not_the_measure(tmp_path, kr):
    assert not _flagged(tmp_path, kr, "kr-direction-mismatch")


@pytest.mark.parametrize("kr", [
    "Cancellations from 100 to 150 a month",
    "Orders cancelled and returned from 2% to 4%",
    "Increase churn from 3% to 5%",
    "ลูกค้าที่ยกเลิกบริการจาก 100 เป็น 150 ราย",
    "อัตราการยกเลิกคำสั่งซื้อ 8% → 12%",
])
def test_a_better_lower_measure_going_up_is_still_reported(tmp_path, kr):
    assert _flagged(tmp_path, kr, "kr-direction-mismatch")


# 2. A baseline note with a word or two between the period and the colon still gives the baseline
@pytest.mark.parametrize("title, baseline", [
    ("Keep on-time delivery in peak weeks at 95% or higher (2026 peak: 84%)", 84.0),
    ("Raise on-time delivery in peak weeks to 95% (last peak: 84%)", 84.0),
    ("Raise seller rating to 4.0 (Q4 average: 3.1)", 3.1),
    ("Raise rating to 4.2 (last quarter average: 3.9)", 3.9),
    ("เพิ่มอัตราส่งตรงเวลาเป็น 95% (ไตรมาส 4 เฉลี่ย: 84%)", 84.0),
    ("Cut churn to 2% (Q4: 3.1%)", 3.1),
])
def test_a_period_with_a_qualifier_gives_the_baseline(title, baseline):
    from okrlint.text.numbers import read_change
    change = read_change(title)
    assert change is not None and change.baseline == baseline


@pytest.mark.parametrize("title", [
    "Raise NPS to 45 (2027 target: 45)",
    "Raise on-time delivery to 95% (Q4 goal: 95%)",
    "เพิ่มอัตราส่งตรงเวลา (ปี 2570 เป้าหมาย: 90%)",
])
def test_a_period_with_a_plan_word_is_not_a_baseline(title):
    from okrlint.text.numbers import read_change
    change = read_change(title)
    assert change is not None and change.baseline is None


def test_a_qualified_baseline_note_silences_missing_baseline(tmp_path):
    assert not _flagged(tmp_path, "Keep on-time delivery in peak weeks at 95% or higher (2026 peak: 84%)",
                        "kr-missing-baseline")
    assert not _flagged(tmp_path, "เพิ่มอัตราส่งตรงเวลาเป็น 95% (ไตรมาส 4 เฉลี่ย: 84%)", "kr-missing-baseline")


def _objective(title: str) -> str:
    return f"team: ops\nperiod: 2026-Q4\nobjectives:\n  - title: {json.dumps(title, ensure_ascii=False)}\n"


# 3. Shopping-festival days named by their date are names, whatever word follows
@pytest.mark.parametrize("title", [
    "Carry the 11.11 and 12.12 peak without breaking a single delivery promise",
    "Internal teams can count on the platform during the 11.11 peak",
    "Customers shop happily on 9.9 and Double Day",
    "ร้านค้าพร้อมขายช่วง 11.11 และ 12.12",
    "ลูกค้าช้อปวัน 10.10 ได้อย่างราบรื่น",
])
def test_a_double_day_is_a_name(tmp_path, title):
    assert not _findings(tmp_path, _objective(title), "objective-has-metric")


@pytest.mark.parametrize("title", [
    "Raise the app rating to 4.4 stars",
    "Sellers keep a rating above 3.3",
    "ให้คะแนนความพึงพอใจเป็น 4.4",
    "Grow the 11.11 sales 2.5x",
])
def test_a_value_that_repeats_its_digits_is_still_a_metric(tmp_path, title):
    assert _findings(tmp_path, _objective(title), "objective-has-metric")


def _objective_with_krs(title: str, *krs: str) -> str:
    return _objective(title) + "    key_results:\n" + "".join(
        f"      - {json.dumps(kr, ensure_ascii=False)}\n" for kr in krs)


# 6a. Any verb that only asks for more of a measure is vague, as "Get more app installs" is
@pytest.mark.parametrize("title", ["Answer more tickets", "Get more app installs", "Resolve more tickets",
                                   "ตอบตั๋วได้มากขึ้น"])
def test_a_verb_and_more_of_a_measure_is_vague(tmp_path, title):
    text = _objective_with_krs(title, "Raise tickets answered per day from 380 to 500", "Cut backlog from 900 to 300")
    assert _findings(tmp_path, text, "vague-language")


@pytest.mark.parametrize("title", ["Win more enterprise customers", "Even more customers love our app",
                                   "Serve more patients in rural clinics"])
def test_more_for_someone_is_not_only_more(tmp_path, title):
    text = _objective_with_krs(title, "Raise NPS from 30 to 45", "Raise patients seen from 380 to 500")
    assert not _findings(tmp_path, text, "vague-language")


# 6b. The milestone message shows the figures as written, with their percent signs
@pytest.mark.parametrize("company_kr, team_kr, shown", [
    ("Raise search-to-purchase conversion from 2.1% to 3.0%", "Raise search-to-purchase conversion from 2.1% to 2.6%",
     "2.6% of 3.0%"),
    ("เพิ่มอัตราการซื้อซ้ำจาก 20% เป็น 30%", "เพิ่มอัตราการซื้อซ้ำจาก 20% เป็น 24%", "24% of 30%"),
])
def test_the_milestone_message_keeps_percent_signs(tmp_path, company_kr, team_kr, shown):
    (tmp_path / "company.okr.yaml").write_text(
        "team: company\nlevel: company\nperiod: 2027-H1\nobjectives:\n  - id: co-o1\n"
        "    title: Shoppers find what they want and come back\n    key_results:\n"
        f"      - {company_kr}\n      - Raise app rating from 4.1 to 4.5\n", encoding="utf-8")
    (tmp_path / "search.okr.yaml").write_text(
        "team: search\nperiod: 2027-Q1\nobjectives:\n  - id: s-o1\n"
        "    title: Shoppers find the right product on the first search\n    aligns_to: co-o1\n    key_results:\n"
        f"      - {team_kr}\n      - Cut zero-result searches from 9% to 4%\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--messages", "en",
                                    "--select", "shared-key-result"])
    messages = [f["message"] for f in json.loads(run.stdout)["findings"]]
    assert len(messages) == 1 and f"({shown};" in messages[0], messages
