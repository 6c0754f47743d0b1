"""Review 70 (a Bangkok food-delivery scale-up, Thai–English code-switched OKRs): a measure named by its acronym (MAU,
NPS, CAC) is compared across teams; English attention words Thai writers leave singular ('เพิ่ม view ของคลิป'); DORA's
deployment frequency is a measure; an owner written 'TBD' names nobody."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.model import named_owner


def _check(path: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "--messages", "en", *args, str(path)])
    return json.loads(result.stdout[result.stdout.index("{"):])["findings"]


def _of(findings: list[dict], code: str) -> list[tuple[int, str]]:
    return [(f["line"], f["message"]) for f in findings if f["code"] == code]


def _two_teams(tmp_path: Path, mine: str, theirs: str) -> list[dict]:
    (tmp_path / "product.okr.yaml").write_text(
        f"team: product\nowner: a\nobjectives:\n  - title: ลูกค้าใช้แอปทุกวัน\n    key_results:\n      - {mine}\n",
        encoding="utf-8")
    (tmp_path / "growth.okr.yaml").write_text(
        f"team: growth\nowner: b\nobjectives:\n  - title: คนใหม่ลองใช้แอป\n    key_results:\n      - {theirs}\n",
        encoding="utf-8")
    return _check(tmp_path)


# --- 1. shared-key-result compares a measure named by its acronym ---------------------------------------------------

@pytest.mark.parametrize("title", [
    "เพิ่ม MAU จาก 1.2M เป็น 2M",
    "Increase NPS from 31 to 45",
    "Grow ARR from $4.2M to $6M",
    "ลด CAC จาก ฿310 เหลือ ฿220",
    "เพิ่มGMVจาก 800 ล้าน เป็น 1,200 ล้าน",
])
def test_two_teams_with_the_same_acronym_key_result_share_it(tmp_path, title):
    findings = _of(_two_teams(tmp_path, title, title), "ALN012")
    assert len(findings) == 2, findings


def test_another_acronym_or_other_numbers_are_another_key_result(tmp_path):
    assert not _of(_two_teams(tmp_path, "เพิ่ม MAU จาก 1.2M เป็น 2M", "เพิ่ม DAU จาก 1.2M เป็น 2M"), "ALN012")
    assert not _of(_two_teams(tmp_path, "เพิ่ม MAU จาก 1.2M เป็น 2M", "เพิ่ม MAU จาก 1.2M เป็น 2.5M"), "ALN012")


@pytest.mark.parametrize("title", [
    "Hit 95% from 90%",            # a short word, not a measure
    "Get to 95% from 90%",
    "เพิ่ม IT จาก 3 เป็น 5",          # a team's name
    "Grow US from 10 to 20",       # a place
    "Raise KPI from 3 to 5",       # the key result itself
    "HIT 95 FROM 90",              # a title in capitals: its short words are no acronyms
])
def test_short_words_and_acronyms_that_name_no_measure_are_not_compared(tmp_path, title):
    assert not _of(_two_teams(tmp_path, title, title), "ALN012")


def test_a_team_copying_the_companys_acronym_key_result_is_told(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(
        "team: company\nlevel: company\nowner: ceo\nobjectives:\n  - id: co1\n    title: ลูกค้าใช้ปิ่นโตเป็นประจำ\n"
        "    key_results:\n      - เพิ่ม MAU จาก 1.2M เป็น 2M\n", encoding="utf-8")
    (tmp_path / "product.okr.yaml").write_text(
        "team: product\nowner: a\nobjectives:\n  - title: ลูกค้าใช้แอปทุกวัน\n    aligns_to: [company/co1]\n"
        "    key_results:\n      - เพิ่ม MAU จาก 1.2M เป็น 2M\n", encoding="utf-8")
    findings = [f for f in _check(tmp_path) if f["code"] == "ALN012"]
    assert [Path(f["file"]).name for f in findings] == ["product.okr.yaml"], findings
    assert "repeats word for word a key result of the objective it aligns to" in findings[0]["message"]


# --- 2. code-switched singular attention words --------------------------------------------------------------------

VANITY = """team: growth
owner: x
objectives:
  - title: คนรู้จักแบรนด์ปิ่นโตมากขึ้น
    key_results:
      - เพิ่ม impression ของโฆษณาจาก 20M เป็น 50M
      - เพิ่ม view ของคลิป TikTok จาก 1M เป็น 3M
      - เพิ่ม reach ของโพสต์จาก 2M เป็น 4M
      - ยิง campaign 11.11 และ 12.12 ให้ได้ impression 50 ล้าน
      - เพิ่ม like ของเพจ Facebook จาก 12,000 เป็น 30,000
"""


def test_singular_english_attention_words_in_a_thai_sentence_are_vanity(tmp_path):
    path = tmp_path / "growth.okr.yaml"
    path.write_text(VANITY, encoding="utf-8")
    findings = _check(path)
    assert [line for line, _ in _of(findings, "MEA008")] == [6, 7, 8, 9, 10], findings
    assert not _of(findings, "MEA005"), findings  # attention on the clips counted, not clips made


@pytest.mark.parametrize("title", [
    "Reach 50% market share in Bangkok, up from 40%",       # 'reach' and 'share' as English writes them
    "Build a single customer view for the sales team by May",
    "Increase orders from people who like our page from 200 to 800",
    "เพิ่มยอดสั่งซื้อจากคนที่ view คลิป จาก 200 เป็น 800 ออเดอร์",  # what the views lead to
    "สร้าง single customer view ให้ทีมขายใช้ได้ครบ 5 ทีม จาก 1 ทีม",  # a data view, not views
    "เพิ่ม market share ในกรุงเทพฯ จาก 12% เป็น 15%",
])
def test_the_words_elsewhere_are_no_vanity(tmp_path, title):
    path = tmp_path / "t.okr.yaml"
    path.write_text(f"team: t\nowner: x\nobjectives:\n  - title: ลูกค้าซื้อซ้ำ\n    key_results:\n      - {title}\n",
                    encoding="utf-8")
    assert not _of(_check(path), "MEA008")


def test_a_thai_vocabularys_latin_words_are_looked_for_in_thai_text_only(tmp_path):
    from okrlint.text.facts import Analyser
    from okrlint.text.vocab import load_vocabulary

    vocab = tmp_path / "ours.yaml"
    vocab.write_text("language: th\ncategories:\n  vanity: [clap]\n", encoding="utf-8")
    analyser = Analyser(load_vocabulary([vocab]))
    assert analyser.analyse("เพิ่ม clap ของบทความจาก 100 เป็น 900").has("vanity")
    assert not analyser.analyse("Clap along to raise orders from 100 to 900").has("vanity")


@pytest.mark.parametrize("text, category", [
    ("Cut the ticket backlog from 300 to 120", "lifecycle_retention"),   # moved from th.yaml to en.yaml
    ("Answer 60% of questions by chatbot, up from 20%", "lifecycle_retention"),
    ("Raise the landing page conversion from 2% to 3%", "customer"),
    ("Raise sign-ups from XXX to 5,000", "placeholder"),
    ("Raise MTBF from 200 to 400 hours", "good_measures"),
])
def test_english_words_of_the_thai_vocabulary_still_match_english_text(text, category):
    from okrlint.engine import Config, Engine

    assert Engine(Config()).analyser.analyse(text).has(category)


# --- 3. DORA's deployment frequency is a measure ----------------------------------------------------------------------

@pytest.mark.parametrize("title, activity", [
    ("Deploy frequency เพิ่มจาก 12 เป็น 40 ครั้ง/สัปดาห์", False),
    ("Deployment frequency from 12 to 40 per week", False),
    ("Increase deployment frequency from 12 to 40 per week", False),
    ("Deploy 40 times a week, up from 12", True),                        # the task, done more often
    ("Deploy the new checkout to 5 markets, up from 2", True),
])
def test_deployment_frequency_is_a_measure_deploying_a_task(tmp_path, title, activity):
    path = tmp_path / "platform.okr.yaml"
    path.write_text("team: platform\nowner: x\nobjectives:\n  - title: ทีม product squads ส่งของถึงลูกค้าได้เร็ว\n"
                    f"    key_results:\n      - {title}\n", encoding="utf-8")
    assert bool(_of(_check(path), "MEA005")) is activity


# --- owner placeholders ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("owner", ["TBD", "tbc", "N/A", "n.a.", "-", "—", "?", "ยังไม่ระบุ", " TBD ", "To be assigned"])
def test_a_placeholder_names_no_owner(owner):
    assert named_owner(owner) is None


@pytest.mark.parametrize("owner", ["Ploy", "คุณเก่ง", "CFO", "Tbd Chaiyo", "NA team"])
def test_a_name_is_an_owner(owner):
    assert named_owner(owner) == owner


SHEET = """Objective,Key Result,Owner,Baseline,Target,Unit
O1: ทุกทีมตัดสินใจเรื่องเงินจากตัวเลขที่เชื่อถือได้,ปิดงบรายเดือนได้ภายใน 5 วันทำการ,คุณเก่ง,12,5,วันทำการ
,ลดต้นทุน payment processing จาก 2.1% เหลือ 1.6%,Ploy,2.1%,1.6%,%
,ลด DSO จาก 45 วัน เหลือ 30 วัน,{owner},45,30,วัน
"""


@pytest.mark.parametrize("owner, told", [("TBD", True), ("-", True), ("Nok", False)])
def test_a_sheet_row_owned_by_tbd_has_no_owner(tmp_path, owner, told):
    path = tmp_path / "Finance OKR Q1-2570.csv"
    path.write_text(SHEET.format(owner=owner), encoding="utf-8")
    assert bool(_of(_check(path), "STR010")) is told
