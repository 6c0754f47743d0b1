"""Review 47 (a two-plant manufacturer: ppm and %, target cells written as a change, numbered cells and lines)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.draft import default_team
from okrlint.text.numbers import parts_per_million, read_numbers, relative_change, relative_target


def _findings(tmp_path, text: str, select: str, name: str = "t.okr.yaml") -> list[dict]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path / name), "--no-cache", "--format", "json", "--select", select,
                                    "--messages", "en"])
    return json.loads(run.stdout)["findings"]


def _codes(tmp_path, text: str, select: str, name: str = "t.okr.yaml") -> list[tuple[str, int]]:
    return [(f["code"], f["line"]) for f in _findings(tmp_path, text, select, name)]


def _set(*krs: str, team: str = "quality", objective: str = "Customers get parts that fit first time") -> str:
    return (f"team: {team}\nperiod: 2027-Q1\nobjectives:\n  - title: {objective}\n    key_results:\n"
            + "".join(f"      - {kr}\n" for kr in krs))


@pytest.mark.parametrize("text, ppm", [("0.35%", 3500), ("2,500 ppm", 2500), ("2500ppm", 2500), ("3‰", 3000),
                                       ("800 ppb", 0.8), ("ร้อยละ 0.35", 3500)])
def test_shares_in_percent_per_mille_ppm_and_ppb_are_one_measure(text, ppm):
    (mention,) = read_numbers(text)
    assert parts_per_million(mention) == pytest.approx(ppm)


def test_percent_and_ppm_are_converted_before_the_direction_is_judged(tmp_path):
    text = _set("{title: Reduce customer returns, baseline: 0.35%, target: '2,500 ppm'}",
                "{title: Reduce customer returns, baseline: '2,500 ppm', target: 0.4%}",
                "Cut incoming supplier rejects from 1,800 ppm to 0.1%",
                "ลดของเสียที่ลูกค้าส่งคืนจาก 0.35% เหลือ 2,500 ppm",
                "ลดของเสียที่ลูกค้าส่งคืนจาก 0.2% เป็น 2,500 ppm",
                "{title: Raise the yield, baseline: 0.35%, target: 0.30%}")
    found = _findings(tmp_path, text, "MEA004")
    assert [(f["line"]) for f in found] == [7, 10, 11]
    assert "from 2,500 ppm to 0.4%" in found[0]["message"]
    assert "0.35% to 0.30%" in found[2]["message"]


@pytest.mark.parametrize("written, baseline_text, baseline, expected", [
    ("+5 pts", "3.8", 3.8, 8.8),
    ("up 5 points", "70%", 70, 75),
    ("เพิ่มขึ้น 5%", "88%", 88, 93),
    ("-10%", "200", 200, 180),
    ("reduce by 20%", "0.35%", 0.35, 0.28),  # a fifth of a small share, not below nothing
    ("ลดลงร้อยละ 10", "500", 500, 450),
    ("Improve by 5%", "88%", 88, None),  # which way is better is the title's to say
    ("-5%", "+3%", 3, None),  # two signed values (a growth rate), not a change
])
def test_a_target_cell_written_as_a_change_moves_the_baseline(written, baseline_text, baseline, expected):
    moved = relative_target(baseline, baseline_text, written)
    assert moved == (pytest.approx(expected) if expected is not None else None)


def test_relative_change_says_which_way():
    assert [relative_change(t) for t in ("Improve by 5%", "ดีขึ้น 5%", "+5 pts", "ลดลง 3%", "2,500 ppm", "+5")] == [
        "either", "either", "up", "down", None, None]


def test_a_target_cell_relative_to_the_baseline_gives_no_false_direction_mismatch(tmp_path):
    text = _set("{title: Raise first-pass yield on line 2, baseline: 88%, target: Improve by 5%}",
                "{title: อัตราผ่านการตรวจครั้งแรก, baseline: 88%, target: ดีขึ้น 5%}",
                "{title: Raise customer satisfaction score, baseline: '3.8', target: +5 pts}",
                "{title: เพิ่มยอดขายต่อเดือน, baseline: '200', target: เพิ่มขึ้น 5%}",
                "{title: Cut scrap cost, baseline: '£400k', target: '-10%'}",
                "{title: Raise first-pass yield, baseline: 88%, target: '-10%'}")
    assert _codes(tmp_path, text, "MEA004") == [("MEA004", 11)]


def test_numbers_that_name_cells_lines_and_presses_are_labels(tmp_path):
    for text in ("Go live with MES on cells 1–6 by 30 June 2027", "Go live on lines 2 and 3 by June",
                 "เปิดใช้ระบบ MES ที่เซลล์ 1–6 ภายในเดือนมิถุนายน", "Commission the robot on press 7 by March"):
        assert [n.kind for n in read_numbers(text) if n.kind not in ("date", "period", "year")] == [], text
    assert [n.value for n in read_numbers("Raise output on Line 3 to 500")] == [500]
    assert [n.value for n in read_numbers("Raise output on line 3 to 500 units")] == [500]
    assert [n.value for n in read_numbers("Cut scrap on lines 1-3 from 5% to 3%")] == [5, 3]
    assert [n.value for n in read_numbers("Add 3 cells to the plant")] == [3]
    text = _set("Go live with MES on cells 1–6 by 30 March 2027", "เปิดใช้ระบบ MES ที่เซลล์ 1–6 ภายในเดือนมีนาคม 2570")
    assert _codes(tmp_path, text, "MEA002,MEA006") == [("MEA006", 6), ("MEA006", 7)]


def test_a_target_that_is_not_a_number_asks_for_no_baseline(tmp_path):
    text = _set("{title: Pass the IATF 16949 surveillance audit, target: Pass}",
                "{title: ผ่านการตรวจประเมิน ISO 9001, target: ผ่าน}",
                "{title: Raise the rating to 45, target: High}",
                "{title: Raise NPS, target: '45'}")
    assert _codes(tmp_path, text, "MEA002,STR005") == [("STR005", 8), ("MEA002", 9)]


@pytest.mark.parametrize("objective", ["Achieve ISO 45001 certification", "ได้รับการรับรอง ISO 9001",
                                       "Become ISO 27001 certified", "Earn B Corp certification",
                                       "ผ่านการรับรองมาตรฐาน HA"])
def test_an_objective_that_is_getting_a_certificate_is_a_milestone(tmp_path, objective):
    assert _codes(tmp_path, _set("Cut lost-time injuries from 4 to 1", objective=objective), "CLA008") == [("CLA008", 4)]


@pytest.mark.parametrize("objective", ["Customers trust our certified quality", "Gain trust so certification follows",
                                       "ประชาชนได้รับการรับรองสิทธิ์รวดเร็ว"])
def test_certification_words_elsewhere_are_no_milestone(tmp_path, objective):
    assert _codes(tmp_path, _set("Cut lost-time injuries from 4 to 1", objective=objective), "CLA008") == []


@pytest.mark.parametrize("name, team", [
    ("CMMS Maintenance 2027Q1.csv", "CMMS Maintenance"), ("Sales 2027-Q1.md", "Sales"), ("ฝ่ายขาย 2570Q1.csv", "ฝ่ายขาย"),
    ("Ops 2026_H2.xlsx", "Ops"), ("Growth Q1-2027.md", "Growth"),
])
def test_a_year_first_period_in_a_file_name_is_not_the_team(name, team):
    assert default_team(name) == team


def test_the_teams_own_name_is_not_an_undefined_acronym_in_its_file(tmp_path):
    krs = ("Raise NPI launches on time from 60% to 85%", "Cut MRO stock-outs from 22 to 8 a month")
    assert [f["message"].split("'")[1] for f in _findings(tmp_path, _set(*krs), "CLA004")] == ["NPI", "MRO"]
    assert [f["message"].split("'")[1] for f in _findings(tmp_path, _set(*krs, team="'NPI Programme'"), "CLA004")] == ["MRO"]
    assert [f["message"].split("'")[1] for f in _findings(tmp_path, _set(*krs, team="mro"), "CLA004")] == ["NPI"]
    assert [f["message"].split("'")[1] for f in _findings(tmp_path, _set(*krs, team="'R&D'"), "CLA004")] == ["NPI", "MRO"]
