"""Review 50 (an English council's plan as a PDF, a charity's Markdown)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.columns import read_header
from okrlint.load.pdf import _join


def _codes(tmp_path, text: str, select: str) -> list[tuple[str, int]]:
    (tmp_path / "t.okr.yaml").write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", select])
    return [(f["code"], f["line"]) for f in json.loads(run.stdout)["findings"]]


def test_planting_and_handing_out_are_activities_and_opening_a_session_is_done_or_not_done(tmp_path):
    text = ("team: parks\nperiod: 2027-Q1\nobjectives:\n  - title: Residents enjoy greener streets\n    key_results:\n"
            "      - Plant 3,000 street trees\n      - Open a second weekly session\n"
            "      - Raise email open rate from 20% to 30%\n      - Distribute 5,000 food parcels\n")
    assert _codes(tmp_path, text, "MEA005,MEA006") == [("MEA005", 6), ("MEA005", 7), ("MEA006", 7), ("MEA005", 9)]


def test_a_lead_officer_column_names_the_owner():
    header = read_header(["Objective", "Key result", "Baseline (2025/26)", "Target (2027/28)", "Lead officer", "RAG"], {})
    assert header.get("owner") == 4


def test_a_word_carried_over_a_line_end_after_its_hyphen_stays_one_word():
    assert _join("Bring services in-", "house by March") == "Bring services in-house by March"
    assert _join("Cut re-", "referrals") == "Cut re-referrals"
    assert _join("target -", "five") == "target - five"


def test_the_same_aim_for_two_regions_is_two_objectives(tmp_path):
    for name, region in (("a", "ภาคเหนือ"), ("b", "ภาคใต้")):
        (tmp_path / f"{name}.okr.yaml").write_text(
            f"team: stores-{name}\nperiod: 2027-Q1\nobjectives:\n  - title: ลูกค้าใน{region}ซื้ออาหารสดที่สาขาของเราทุกสัปดาห์\n",
            encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", "ALN005"])
    assert json.loads(run.stdout)["findings"] == []


def test_keeping_a_bad_measure_under_a_ceiling_above_where_it_stands_is_a_guardrail(tmp_path):
    text = ("team: lending\nperiod: 2027-Q1\nobjectives:\n  - title: Borrowers repay on time\n    key_results:\n"
            "      - Keep 30-day arrears below 2.5% (currently 2.1%)\n      - รักษาอัตราการลาออกไว้ไม่เกิน 5% (ปัจจุบัน 4%)\n"
            "      - Raise arrears from 2% to 3%\n      - Arrears 2% → 3%\n")
    assert _codes(tmp_path, text, "MEA004") == [("MEA004", 8), ("MEA004", 9)]
