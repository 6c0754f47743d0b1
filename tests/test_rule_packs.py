"""Declarative YAML rule packs: every kind, the shipped example pack, and mistakes reported with lines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.rules.packs import PackError, WordTerm, load_rule_pack
from okrlint.testing import check_examples

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PACK = ROOT / "rules" / "packs" / "example-pack.yaml"


def lint_with_pack(pack: Path, text: str, name: str = "t.okr.yaml") -> list[tuple[str, str]]:
    engine = Engine(Config(rule_packs=[str(pack)], select=["custom"]))
    assert not engine.config_errors, engine.config_errors
    result = engine.run(sources=[engine.source_from_bytes(name, text.encode("utf-8"))])
    assert not result.errors, result.errors
    return [(f.name, f.message) for f in result.findings]


def write_pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n" + body, encoding="utf-8")
    return path


def test_example_pack_loads_and_its_examples_hold():
    rules = load_rule_pack(EXAMPLE_PACK)
    assert [r.code for r in rules] == ["EXM001", "EXM002", "EXM003", "EXM004", "EXM005", "EXM006"]
    engine = Engine(Config(rule_packs=[str(EXAMPLE_PACK)]))
    for item in rules:
        assert check_examples(engine.registry.get(item.code), engine) == []


def test_example_pack_on_a_department_set():
    text = """team: eng-web
level: department
objectives:
  - id: w-o1
    title: Utilise the new stack to close WEB-1234
    key_results:
      - id: w-kr1
        title: Leverage synergy to raise conversion from 2% to 3%
        owner: dao@example.com
        due: 2026-03-31
      - id: w-kr2
        title: ลดร้อยละของคำขอที่ล่าช้าจาก 20 เป็น 5 โดยบูรณาการระบบ
        owner: somchai
        due: 2026-03-31
"""
    found = lint_with_pack(EXAMPLE_PACK, text)
    names = [name for name, _ in found]
    assert names.count("no-buzzwords") == 3  # leverage, synergy, บูรณาการ
    assert ("plain-words", "write 'use' instead of 'utilise'") in found
    assert any(n == "no-ticket-numbers" and "'WEB-1234'" in m for n, m in found)
    assert any(n == "percentage-needs-unit" and "'ร้อยละ'" in m for n, m in found)
    assert any(n == "three-to-four-key-results" and m.startswith("2 key results") for n, m in found)
    assert "key-result-needs-owner-and-due" not in names


def test_selector_limits_rules_to_teams_and_levels():
    text = "team: sales\nlevel: team\nobjectives:\n  - title: Close SALES-12 deals\n    key_results: [a, b, c]\n"
    names = [n for n, _ in lint_with_pack(EXAMPLE_PACK, text)]
    assert "no-ticket-numbers" not in names  # only eng-* teams
    assert "key-result-needs-owner-and-due" not in names  # only department and company sets


def test_required_and_conditional_on_fields(tmp_path):
    pack = write_pack(tmp_path, """\
  - code: ORG001
    name: set-owner
    kind: required
    scope: set
    fields: [owner, period]
    message: "the set of {team} has no {field}"
  - code: ORG002
    name: owner-is-email
    kind: conditional
    scope: key_result
    if: {fields: [owner]}
    then: {field-matches: {owner: '^[^@ ]+@[^@ ]+$'}}
    message: "owner of {id} must be an email address"
""")
    text = ("team: ops\nobjectives:\n  - title: Keep shops running\n    key_results:\n"
            "      - {id: k1, title: Cut outages from 5 to 2, owner: nok}\n"
            "      - {id: k2, title: Cut refunds from 9 to 4, owner: nok@example.com}\n"
            "      - {id: k3, title: Cut delays from 7 to 3}\n")
    assert lint_with_pack(pack, text) == [
        ("set-owner", "the set of ops has no owner"),
        ("set-owner", "the set of ops has no period"),
        ("owner-is-email", "owner of k1 must be an email address"),
    ]


def test_occurrence_counts_objectives_per_set(tmp_path):
    pack = write_pack(tmp_path, """\
  - code: ORG003
    name: at-most-two-objectives
    kind: occurrence
    scope: set
    max: 2
    message: "{count} {counted}; at most {max}"
""")
    text = "team: ops\nobjectives:\n  - title: A\n  - title: B\n  - title: C\n"
    assert lint_with_pack(pack, text) == [("at-most-two-objectives", "3 objectives; at most 2")]


def test_thai_word_terms_match_on_word_boundaries():
    term = WordTerm.parse("การเบิกจ่าย")
    assert term.find(("ร้อยละ", "การ", "เบิกจ่าย", "งบประมาณ")) == "การเบิกจ่าย"
    assert WordTerm.parse("launch*").find(("we", "launched", "it")) == "launched"
    assert WordTerm.parse("world class").find(("a", "world", "class", "team")) == "world class"
    assert WordTerm.parse("class").find(("classic",)) is None


@pytest.mark.parametrize("body, line, expected", [
    ("  - code: ORG001\n    name: x\n    kind: existance\n    scope: objective\n    message: m\n", 4, "unknown kind 'existance'"),
    ("  - code: org1\n    name: x\n    kind: required\n    scope: set\n    message: m\n    fields: [owner]\n", 2, "2-5 capital letters"),
    ("  - code: ORG001\n    name: x\n    kind: required\n    scope: set\n    message: m\n    fields: [ownr]\n", 7, "no field 'ownr'"),
    ("  - code: ORG001\n    name: x\n    kind: existence\n    scope: objective\n    message: '{match.__class__}'\n    words: [a]\n", 6, "unknown placeholder"),
    ("  - code: ORG001\n    name: x\n    kind: existence\n    scope: objective\n    message: m\n    regex: ['(unclosed']\n", 7, "invalid regex"),
    ("  - code: ORG001\n    name: x\n    kind: existence\n    scope: objective\n    message: m\n    regex: ['" + "a" * 400 + "']\n", 7, "longer than 300"),
    ("  - code: ORG001\n    name: x\n    kind: occurrence\n    scope: objective\n    message: m\n    min: 5\n    max: 2\n", 7, "min (5) is above max (2)"),
    ("  - code: ORG001\n    name: x\n    kind: required\n    scope: set\n    message: m\n    fields: [owner]\n    colour: red\n", 8, "unknown key 'colour'"),
    ("  - code: ORG001\n    name: x\n    kind: required\n    scope: set\n    message: m\n    fields: !!python/object/apply:os.system ['echo hi']\n", 7, "is not allowed"),
    ("  - code: ORG001\n    name: x\n    kind: required\n    scope: set\n    message: m\n  fields: [owner]\n", 7, "invalid YAML"),
    ("  - code: ORG001\n    name: x\n    kind: conditional\n    scope: key_result\n    message: m\n    if: {words: [a]}\n", 2, "needs 'if' and 'then'"),
])
def test_invalid_packs_name_file_and_line(tmp_path, body, line, expected):
    pack = write_pack(tmp_path, body)
    with pytest.raises(PackError) as info:
        load_rule_pack(pack)
    message = str(info.value)
    assert message.startswith(f"{pack}:{line}:"), message
    assert expected in message


def test_python_tags_never_run(tmp_path):
    marker = tmp_path / "ran"
    pack = write_pack(tmp_path, f"  - !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(PackError):
        load_rule_pack(pack)
    assert not marker.exists()


def test_a_bad_configured_pack_exits_2(tmp_path):
    (tmp_path / "pack.yaml").write_text("rules:\n  - code: X\n")
    (tmp_path / "okrlint.toml").write_text('rule-packs = ["pack.yaml"]\n')
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: A\n")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "a.okr.yaml"])
    finally:
        os.chdir(old)
    assert result.exit_code == 2
    assert f"{tmp_path / 'pack.yaml'}:2:5: the rule lacks 'name'" in result.stderr


def test_pack_rules_are_listed_and_explained(tmp_path):
    (tmp_path / "okrlint.toml").write_text(f'rule-packs = ["{EXAMPLE_PACK}"]\n')
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        listed = CliRunner().invoke(main, ["rules", "--select", "custom"])
        explained = CliRunner().invoke(main, ["explain", "percentage-needs-unit"])
    finally:
        os.chdir(old)
    assert "EXM005" in listed.output and "no-buzzwords" in listed.output
    assert explained.exit_code == 0 and "ร้อยละ" in explained.output


def test_a_pack_rule_whose_code_is_taken_stops_the_run_like_other_pack_mistakes(tmp_path):
    import subprocess
    import sys

    (tmp_path / "okr-rules.yaml").write_text(
        "rules:\n  - code: MEA001\n    name: no-synergy\n    kind: existence\n    scope: objective\n"
        "    words: [synergy]\n    message: \"'{match}' is jargon\"\n", encoding="utf-8")
    (tmp_path / "okrlint.toml").write_text('rule-packs = ["okr-rules.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Synergy for customers\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "okrlint", "check", "a.okr.yaml", "--no-cache"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "okr-rules.yaml: rule MEA001 [no-synergy]: the code is taken by MEA001 [kr-not-measurable]" in done.stderr


def test_a_misspelt_required_key_is_named_and_a_missing_summary_reads_without_placeholders(tmp_path):
    from okrlint.rules.packs import PackError, load_rule_pack

    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - code: ACM001\n    name: no-synergy\n    kind: existence\n    scope: objective\n"
                    "    words: [synergy]\n    mesage: \"'{match}' is jargon\"\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"p.yaml:7:5: unknown key 'mesage'; did you mean 'message'\?"):
        load_rule_pack(pack)
    pack.write_text(pack.read_text(encoding="utf-8").replace("mesage", "message"), encoding="utf-8")
    (rule,) = load_rule_pack(pack)
    assert rule.summary == "existence rule: '…' is jargon"
