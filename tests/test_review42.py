"""Review 42 (a bilingual logistics and e-commerce group linted as a whole organisation)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from okrlint.cli import main


def _codes(tmp_path, files: dict[str, str], select: str) -> list[tuple[str, str]]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", select])
    return [(f["code"], f["file"].rsplit("/", 1)[-1]) for f in json.loads(run.stdout)["findings"]]


def _set(team: str, title: str, *krs: str) -> str:
    lines = [f"team: {team}", "period: 2027-Q1", "objectives:", f"  - title: {title}", "    key_results:"]
    return "\n".join(lines + [f"      - {kr}" for kr in krs]) + "\n"


def test_the_same_outcome_owned_in_thai_and_in_english_is_a_duplicate(tmp_path):
    found = _codes(tmp_path, {
        "a.okr.yaml": _set("seller-care", "Sellers get their problems solved on the first contact",
                           "Raise first-contact resolution from 62% to 80%", "Cut repeat contacts from 1.9 to 1.3"),
        "b.okr.yaml": _set("merchant-support", "ร้านค้าได้รับการแก้ปัญหาตั้งแต่การติดต่อครั้งแรก",
                           "เพิ่มอัตราการแก้ปัญหาได้ในการติดต่อครั้งแรกจาก 60% เป็น 78%",
                           "ลดการติดต่อซ้ำจาก 2.0 เป็น 1.4 ครั้ง"),
    }, "duplicate-objective")
    assert sorted(found) == [("ALN005", "a.okr.yaml"), ("ALN005", "b.okr.yaml")]


def test_merchants_and_problems_do_not_make_other_objectives_alike(tmp_path):
    found = _codes(tmp_path, {
        "a.okr.yaml": _set("seller-growth", "Sellers grow their sales on our marketplace",
                           "Raise median seller GMV from 40k to 55k baht", "Raise active sellers from 8,000 to 9,500"),
        "b.okr.yaml": _set("merchant-support", "ร้านค้าได้รับการแก้ปัญหาตั้งแต่การติดต่อครั้งแรก",
                           "เพิ่มอัตราการแก้ปัญหาได้ในการติดต่อครั้งแรกจาก 60% เป็น 78%",
                           "ลดการติดต่อซ้ำจาก 2.0 เป็น 1.4 ครั้ง"),
    }, "duplicate-objective")
    assert found == []


@pytest.mark.parametrize("title", [
    "รถพร้อมวิ่งทุกเช้าสำหรับทีมรถสายหลักและทีมส่งพัสดุ",
    "ข้อมูลสต็อกที่ถูกต้องให้แก่ฝ่ายขายทุกวัน",
    "Trucks ready every morning for the line-haul and delivery teams",
])
def test_a_unit_named_as_the_one_the_work_is_for_is_an_internal_customer(tmp_path, title):
    found = _codes(tmp_path, {"fleet.okr.yaml": _set("fleet", title, "Raise readiness from 88% to 97%",
                                                     "Cut repair time from 3 days to 1.5 days")}, "no-customer-focus")
    assert found == []


@pytest.mark.parametrize("title", [
    "ลดค่าใช้จ่ายสำหรับทีมงานของเรา",
    "Build a stronger culture for our team",
    "ลดค่าใช้จ่ายสำหรับทีม",
])
def test_the_writers_own_team_after_for_is_no_customer(tmp_path, title):
    found = _codes(tmp_path, {"platform.okr.yaml": _set("platform", title, "Cut cloud cost from 2M to 1.5M baht",
                                                        "Raise engagement from 3.2 to 3.8")}, "no-customer-focus")
    assert found == [("CUS001", "platform.okr.yaml")]


def test_a_team_whose_file_cannot_be_read_is_one_input_error_not_many_unknown_teams(tmp_path):
    company = ("team: group\nlevel: company\nperiod: 2027\nobjectives:\n"
               "  - id: co-o1\n    title: Parcels reach customers when we promised\n"
               "  - id: co-o2\n    title: Sellers grow with us\n")
    team = ("team: linehaul\nperiod: 2027-Q1\nobjectives:\n  - id: lh-o1\n    title: Trucks leave hubs on time\n"
            "    aligns_to: [logistics/lg-o1]\n    key_results:\n      - id: lh-kr1\n"
            "        title: Raise on-time departures from 82% to 95%\n        depends_on: [logistics/lg-kr1]\n")
    (tmp_path / "logistics").mkdir()
    (tmp_path / "logistics" / "bu-logistics.okr.yaml").write_text("team: logistics\nobjectives: [\n", encoding="utf-8")
    files = {"company.okr.yaml": company, "linehaul.okr.yaml": team}
    found = _codes(tmp_path, files, "unknown-team,uncovered-objective")
    assert ("ALN011", "linehaul.okr.yaml") not in found
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--select", "uncovered-objective"])
    assert "(bu-logistics.okr.yaml could not be read: an objective in it may align to it)" in run.stdout
    # a team that is in no file at all is still unknown
    (tmp_path / "linehaul.okr.yaml").write_text(team.replace("logistics/", "fleet/"), encoding="utf-8")
    assert ("ALN011", "linehaul.okr.yaml") in _codes(tmp_path, {}, "unknown-team")


def test_lang_is_another_name_for_messages():
    from pathlib import Path

    thai = str(Path(__file__).resolve().parent.parent / "examples" / "thai-agency")
    english = CliRunner().invoke(main, ["check", thai, "--no-cache", "--lang", "en"])
    assert english.stdout.splitlines()[-1].startswith("Found ")
    assert CliRunner().invoke(main, ["check", thai, "--no-cache", "--messages", "en"]).stdout == english.stdout


def _draft_dependencies(tmp_path, lines: str) -> tuple:
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    (tmp_path / "search.okr.md").write_text(
        "# Search team OKRs, Q1 2027\n\n## Objective: Shoppers find what they want on the first search\n\n"
        "- KR1: Raise search-to-cart rate from 18% to 24%\n\n### Dependencies\n" + lines, encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run([str(tmp_path / "search.okr.md")], cache_dir=None)
    (kr,) = result.org.sets[0].objectives[0].key_results
    return kr.depends_on


@pytest.mark.parametrize("lines", [
    "- Lifecycle/CRM owns the post-purchase emails; we own the on-site recommendations.\n",
    "- The data team must ship the new click events before we can train the ranking model\n",
    "- ทีมข้อมูลต้องส่งข้อมูลการคลิกชุดใหม่ให้ก่อนที่เราจะเริ่มฝึกโมเดลจัดอันดับผลการค้นหาได้ในไตรมาสนี้\n",
])
def test_sentences_under_a_dependencies_heading_are_not_references(tmp_path, lines):
    assert _draft_dependencies(tmp_path, lines) == ()


def test_references_under_a_dependencies_heading_are_still_read(tmp_path):
    assert _draft_dependencies(tmp_path, "- data/d-kr2\n- Platform team's event pipeline KR\n") == (
        "data/d-kr2", "Platform team's event pipeline KR")


@pytest.mark.parametrize("title, activity", [
    ("โครงการพัฒนานักวิจัยรุ่นใหม่", True),
    ("Project Atlas for the new data platform", True),
    ("แผนงานยกระดับระบบสารสนเทศของคณะ", True),
    ("Projects delivered on time", False),
    ("Project delivery time from 40 days to 25 days", False),
])
def test_a_key_result_that_is_a_projects_name_is_an_activity(tmp_path, title, activity):
    found = _codes(tmp_path, {"r.okr.yaml": _set("research", "Young researchers publish work others cite", title,
                                                 "Raise cited papers from 40 to 65")}, "kr-is-activity")
    assert (("MEA005", "r.okr.yaml") in found) is activity


@pytest.mark.parametrize("title, vague", [
    ("สร้างวัฒนธรรมองค์กรที่ดี", True),
    ("มีระบบงานที่ดีที่สุด", True),
    ("สร้างประสบการณ์ที่ดีให้ลูกค้าทุกครั้งที่ใช้บริการ", False),
    ("Delight first-time buyers", False),
])
def test_a_thai_good_something_for_nobody_is_vague(tmp_path, title, vague):
    found = _codes(tmp_path, {"hr.okr.yaml": _set("hr", title, "Raise engagement from 3.2 to 3.8",
                                                  "Cut attrition from 14% to 9%")}, "vague-language")
    assert (("CLA003", "hr.okr.yaml") in found) is vague


@pytest.mark.parametrize("title", ["Update the CRM every day", "Back up the ledger every shift", "Review access rights each sprint"])
def test_a_routine_done_every_day_is_no_done_or_not_done_key_result(tmp_path, title):
    assert _codes(tmp_path, {"s.okr.yaml": _set("sales", "Reps know their pipeline", title,
                                                "Raise forecast accuracy from 70% to 85%")}, "kr-is-binary") == []


def test_a_count_of_participants_planned_to_fall_is_a_direction_mismatch(tmp_path):
    text = ("team: elderly\nperiod: FY2570\nobjectives:\n  - title: ผู้สูงอายุมีส่วนร่วมในชุมชน\n    key_results:\n"
            "      - title: จำนวนผู้สูงอายุที่เข้าร่วมโรงเรียนผู้สูงอายุ\n        baseline: 380\n        target: 350\n"
            "      - title: Workshop participants\n        baseline: 120\n        target: 90\n"
            "      - ลดจำนวนผู้เข้าร่วมที่ต้องรอคิวจาก 40 คนเหลือ 10 คน\n")
    (tmp_path / "e.okr.yaml").write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--format", "json", "--select", "MEA004"])
    assert [f["line"] for f in json.loads(run.stdout)["findings"]] == [6, 9]  # waiting in a queue is better lower


def test_graph_takes_its_format_from_the_output_files_extension(tmp_path):
    from pathlib import Path

    acme = str(Path(__file__).resolve().parent.parent / "examples" / "acme")
    CliRunner().invoke(main, ["graph", acme, "--no-cache", "-o", str(tmp_path / "g.json")])
    assert json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    CliRunner().invoke(main, ["graph", acme, "--no-cache", "-o", str(tmp_path / "g.dot")])
    assert (tmp_path / "g.dot").read_text(encoding="utf-8").startswith("digraph")
    assert CliRunner().invoke(main, ["graph", acme, "--no-cache"]).stdout.startswith(("flowchart", "graph"))


def test_inverted_alignment_needs_the_parents_level_said_unless_the_child_is_the_company(tmp_path):
    # a division's draft that never says its level, and a desk under it that calls itself a department
    division = ("# OKR กองทะเบียน ปีงบประมาณ 2570\n\nวัตถุประสงค์ที่ 1: ประชาชนจดทะเบียนได้ในวันเดียว\n\n"
                "ผลลัพธ์หลัก:\n1. ลดเวลาจดทะเบียนจาก 5 วันเหลือ 1 วัน\n")
    desk = ("team: ฝ่ายบริการหน้าด่าน\nlevel: department\nobjectives:\n  - id: f-o1\n    title: ผู้มาติดต่อได้รับบริการภายใน 15 นาที\n"
            "    aligns_to: [วัตถุประสงค์ที่ 1 ของกองทะเบียน]\n")
    assert _codes(tmp_path, {"r.okr.md": division, "f.okr.yaml": desk}, "inverted-alignment") == []
    (tmp_path / "r.okr.md").unlink()
    company = ("team: group\nlevel: company\nobjectives:\n  - id: g-o1\n    title: Clinics choose us first\n"
               "    aligns_to: [sales/s-o1]\n")
    sales = "team: sales\nobjectives:\n  - id: s-o1\n    title: Win more clinics in Chiang Mai\n"
    (tmp_path / "f.okr.yaml").unlink()
    assert _codes(tmp_path, {"g.okr.yaml": company, "s.okr.yaml": sales}, "inverted-alignment") == [
        ("ALN009", "g.okr.yaml")]
    # in YAML a set without 'level' is a team: a department aligning to it is inverted
    people = ("team: people\nlevel: department\nobjectives:\n  - id: p-o1\n    title: Staff grow into new roles\n"
              "    aligns_to: [learning/l-o1]\n")
    learning = "team: learning\nobjectives:\n  - id: l-o1\n    title: Staff finish the courses they start\n"
    (tmp_path / "g.okr.yaml").unlink()
    (tmp_path / "s.okr.yaml").unlink()
    assert _codes(tmp_path, {"p.okr.yaml": people, "l.okr.yaml": learning}, "inverted-alignment") == [
        ("ALN009", "p.okr.yaml")]


def test_a_wrapped_thai_line_ending_or_starting_with_a_thai_digit_joins_without_a_space():
    from okrlint.load.draft import join_text

    assert join_text("เพิ่มผู้ใช้จาก ๑๒", "๐๐ คน") == "เพิ่มผู้ใช้จาก ๑๒๐๐ คน"
    assert join_text("ลดเวลารอจาก", "๓๐ นาที") == "ลดเวลารอจาก๓๐ นาที"
    assert join_text("Cut wait", "time") == "Cut wait time"
