"""The YAML loader: model, positions in the original text, and one-line input errors."""

import datetime as dt

import pytest

from okrlint.load.yaml_loader import load_yaml_file

GOOD = """\
team: marketing
level: company
period: FY2570
owner: CMO
objectives:
  - id: mkt-o1
    title: ลูกค้าใหม่สมัครใช้บริการมากขึ้น
    aligns_to: company/co-o1
    key_results:
      - id: mkt-o1-kr1
        title: เพิ่มจำนวนลูกค้าที่ Sign up จาก 400 เป็น 500
        baseline: "1,200"
        target: ๕๐๐
        due: 2569-03-31
        depends_on: [sales/sales-o1-kr2]
        score: 0.7
      - "A key result may also be a plain string"
  - title: Second objective
    key_results:
      - Raise NPS from 30 to 40
"""


def load(text, name="t.okr.yaml"):
    return load_yaml_file(name, text.encode("utf-8"), {})


def test_reads_model_with_positions():
    result = load(GOOD)
    assert result.errors == ()
    (okr_set,) = result.sets
    assert okr_set.team == "marketing" and okr_set.level == "company" and okr_set.owner == "CMO"
    assert okr_set.period.start == dt.date(2026, 10, 1) and okr_set.period.end == dt.date(2027, 9, 30)
    o1, o2 = okr_set.objectives
    assert o1.uid == "mkt-o1" and o1.aligns_to == ("company/co-o1",)
    assert (o1.location.line, o1.location.column) == (6, 5)
    assert o1.location_of("title").line == 7
    kr1, kr2 = o1.key_results
    assert kr1.baseline == 1200 and kr1.target == 500
    assert kr1.due == dt.date(2026, 3, 31)
    assert kr1.depends_on == ("sales/sales-o1-kr2",) and kr1.score == 0.7
    assert (kr1.location_of("title").line, kr1.location_of("title").column) == (11, 16)
    assert kr2.title.startswith("A key result") and kr2.uid == "mkt-o1/kr2"
    assert (kr2.location.line, kr2.location.column) == (17, 9)
    assert o2.uid == "marketing/o2" and o2.key_results[0].uid == "marketing/o2/kr1"


def test_unknown_keys_are_kept_with_a_suggestion():
    result = load("team: a\nobjectives:\n  - title: T\n    key_result:\n      - Raise NPS from 30 to 40\n")
    objective = result.sets[0].objectives[0]
    (extra,) = objective.extras
    assert extra.key == "key_result" and extra.suggestion == "key_results" and extra.location.line == 4
    assert extra.value == ["Raise NPS from 30 to 40"]


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("team: a\nobjectives:\n  - title: [unclosed\n", 3, "the [ list that starts here is never closed"),
        ("team: a\nobjectives:\n\t- title: x\n", 3, "tab"),
        ("- a\n- b\n", 1, "not a list"),
        ("just text\n", 1, "not a single value"),
        ("", 1, "empty file"),
        ("team: a\nteam: b\nobjectives: []\n", 2, "duplicate key 'team'"),
        ("team: a\nobjectives: {a: 1}\n", 2, "'objectives' must be a list"),
        ("team: a\nobjectives:\n  - title: {x: 1}\n", 3, "'title' must be text"),
    ],
)
def test_input_errors_name_the_line(text, line, fragment):
    result = load(text)
    assert result.errors, "expected an input error"
    error = result.errors[0]
    assert error.location.line == line
    assert fragment in error.message
    assert "\n" not in str(error)


def test_alias_bomb_is_bounded():
    lines = ["team: a", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
    lines.append("objectives: []")
    result = load("\n".join(lines) + "\n")
    assert any("too many values" in e.message for e in result.errors)


def test_encodings():
    text = "team: ทีมขาย\nobjectives:\n  - title: ลูกค้าพึงพอใจ\n"
    for data in (b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16"), text.encode("cp874")):
        result = load_yaml_file("t.okr.yaml", data, {})
        assert result.errors == () and result.sets[0].team == "ทีมขาย"
    binary = load_yaml_file("t.okr.yaml", b"\x89PNG\x00\x00\x01", {})
    assert "binary" in binary.errors[0].message


def test_missing_team_uses_file_name_and_is_reported():
    result = load("objectives:\n  - title: T\n", name="dir/sales.okr.yaml")
    okr_set = result.sets[0]
    assert okr_set.team == "sales"
    assert okr_set.problems[0].field == "team"
    assert okr_set.objectives[0].uid == "sales/o1"


def test_an_owner_may_be_a_list_of_people():
    text = ("team: x\nowner: [ann, bo]\nobjectives:\n  - title: Customers love us\n    key_results:\n"
            "      - title: Raise NPS from 30 to 40\n        owner: [alice, bob]\n")
    result = load_yaml_file("x.okr.yaml", text.encode(), {})
    assert result.errors == ()
    assert (result.sets[0].owner, result.sets[0].objectives[0].key_results[0].owner) == ("ann, bo", "alice, bob")


def test_keys_written_with_capitals_spaces_or_hyphens_are_read_as_the_format_spells_them(tmp_path):
    from okrlint.testing import lint_yaml

    text = ("Team: sales\nObjectives:\n  - Title: Customers renew without a chase\n    Key Results:\n"
            "      - Title: Raise the renewal rate from 80% to 90%\n        Depends-On: []\n"
            "      - Cut churned accounts from 40 to 25\n")
    found = lint_yaml(text, name="caps.okr.yaml")
    assert not [f for f in found if f.name in ("unknown-field", "no-objectives", "empty-title", "kr-count")]


@pytest.mark.parametrize("key, meant", [("name", "title"), ("krs", "key_results"), ("goals", "objectives")])
def test_other_names_for_the_formats_keys_get_a_suggestion(key, meant):
    from okrlint.testing import lint_yaml

    body = {"name": "  - name: Customers renew\n    key_results: [A from 1 to 2, B from 3 to 4]\n",
            "krs": "  - title: Customers renew\n    krs: [A from 1 to 2, B from 3 to 4]\n",
            "goals": ""}[key]
    text = f"team: sales\nobjectives:\n{body}" if key != "goals" else "team: sales\ngoals: []\n"
    unknown = [f for f in lint_yaml(text, name="x.okr.yaml") if f.name == "unknown-field"]
    assert unknown and unknown[0].message.endswith(f"did you mean '{meant}'?")


def test_objectives_written_as_a_mapping_are_reported_then_read_as_meant():
    one = load("team: growth\nobjectives:\n  title: Merchants start selling in their first week\n"
               "  key_results:\n    - Raise week-1 activation from 40% to 55%\n")
    assert [str(e).split(": error: ")[1][:60] for e in one.errors] == [
        "'objectives' must be a list of objectives: put '- ' before t"]
    assert one.errors[0].location.line == 3
    assert [o.title for o in one.sets[0].objectives] == ["Merchants start selling in their first week"]
    assert len(one.sets[0].objectives[0].key_results) == 1

    keyed = load("team: sales\nobjectives:\n  o1:\n    title: Win more mid-market deals\n    key_results:\n"
                 "      - Raise win rate from 20% to 28%\n  o2: Keep the customers we win\n")
    assert "not a mapping of ids: write each objective as '- id: o1'" in keyed.errors[0].message
    assert "each entry is read as an objective with that id" in keyed.errors[0].message
    objectives = keyed.sets[0].objectives
    assert [(o.id, o.uid, o.title) for o in objectives] == [
        ("o1", "o1", "Win more mid-market deals"), ("o2", "o2", "Keep the customers we win")]
    assert objectives[0].key_results[0].uid == "o1/kr1"


def test_key_results_written_as_a_mapping_are_reported_then_read_as_meant():
    result = load("team: ops\nobjectives:\n  - id: o1\n    title: Deliver when we promised\n    key_results:\n"
                  "      kr1: Raise on-time delivery from 91% to 97%\n      kr2:\n        title: Cut mis-picks from 2% to 1%\n"
                  "  - title: Safer warehouses\n    key_results:\n      title: Cut injuries from 6 to 2\n      target: 2\n")
    assert len(result.errors) == 2
    assert "'- id: kr1'" in result.errors[0].message and "read as a key result with that id" in result.errors[0].message
    assert "read as one key result" in result.errors[1].message
    first, second = result.sets[0].objectives
    assert [(kr.id, kr.title) for kr in first.key_results] == [
        ("kr1", "Raise on-time delivery from 91% to 97%"), ("kr2", "Cut mis-picks from 2% to 1%")]
    assert [(kr.title, kr.target) for kr in second.key_results] == [("Cut injuries from 6 to 2", 2)]


def test_a_mapping_of_other_things_under_objectives_is_still_an_error():
    result = load("team: a\nobjectives:\n  o1: [not, an, objective]\n")
    assert [e.message for e in result.errors] == ["'objectives' must be a list of objectives"]
    assert result.sets[0].objectives == ()


def test_one_broken_document_does_not_lose_the_others_of_its_file():
    text = ("team: logistics\nobjectives:\n  - title: Parcels arrive when promised\n    key_results:\n"
            "      - Raise on-time delivery from 91% to 96%\n"
            "---\nteam: hubs\nobjectives:\n  - title: Hubs\n    key_results: [Raise use from 60% to 75%\n"
            "---\nteam: fleet\nobjectives:\n  - Trucks are ready every morning\n")
    result = load(text)
    assert [s.team for s in result.sets] == ["logistics", "fleet"]
    assert [(e.location.line, e.message) for e in result.errors] == [
        (10, "invalid YAML: the [ list that starts here is never closed")]
    assert result.sets[1].objectives[0].location.line == 14  # positions stay those of the file


def test_a_single_broken_document_is_one_error_as_before():
    result = load("team: a\nobjectives: [\n")
    assert result.sets == () and len(result.errors) == 1


def test_an_id_key_written_over_several_lines_keeps_the_error_on_one_line():
    result = load("team: a\nobjectives:\n- title: T\n  key_results:\n    ? '0\n\n      0'\n    : null\n")
    assert result.errors and all("\n" not in str(error) for error in result.errors)
    assert "'- id: 0 0'" in result.errors[0].message
