"""Inline suppression comments: YAML and Markdown forms, unused and unknown suppressions."""

from __future__ import annotations

from types import SimpleNamespace

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.hookspecs import hookimpl
from okrlint.model import Finding, Location, Severity
from okrlint.rules.base import Violation, rule
from okrlint.suppress import Suppressor, parse_markup_directives, parse_yaml_directives


@rule(code="TST001", name="says-launch", category="custom", severity="warning", scope="key_result",
      summary="The key result says 'launch'.")
def says_launch(kr, ctx):
    if "launch" in kr.title.lower():
        yield Violation("says launch")


@rule(code="TST002", name="says-hold", category="custom", severity="warning", scope="key_result",
      summary="The key result says 'hold'.")
def says_hold(kr, ctx):
    if "hold" in kr.title.lower():
        yield Violation("says hold")


TEST_RULES = SimpleNamespace(okrlint_rules=hookimpl(lambda: [says_launch, says_hold]))


def lint(text: str, name: str = "t.okr.yaml", **config) -> list[tuple[int, str, str]]:
    engine = Engine(Config(select=["TST", "SUP"], **config), extra_plugins=[TEST_RULES])
    result = engine.run(sources=[engine.source_from_bytes(name, text.encode("utf-8"))])
    assert not result.errors, result.errors
    return [(f.location.line, f.name, f.message) for f in result.findings]


SET = """team: growth
objectives:
  - id: o1
    title: Win shops that stay
    key_results:
{krs}"""


def test_without_directives_every_finding_shows():
    found = lint(SET.format(krs="      - Launch the pricing page\n      - Hold 5 webinars\n"))
    assert [f[1] for f in found] == ["says-launch", "says-hold"]


def test_trailing_comment_hides_that_line_only():
    krs = "      - Launch the pricing page  # okrlint: disable=says-launch\n      - Launch the help centre\n"
    assert [(line, name) for line, name, _ in lint(SET.format(krs=krs))] == [(7, "says-launch")]


def test_comment_line_above_a_list_item_covers_the_whole_item():
    krs = ("      # okrlint: disable=TST001\n      - id: kr1\n        title: Launch the pricing page\n"
           "      - Launch the help centre\n")
    assert [(line, name) for line, name, _ in lint(SET.format(krs=krs))] == [(9, "says-launch")]


def test_bare_disable_hides_every_rule_on_the_line():
    krs = "      - Launch and hold a webinar  # okrlint: disable\n"
    assert lint(SET.format(krs=krs)) == []


def test_disable_file_with_and_without_names():
    assert lint("# okrlint: disable-file\n" + SET.format(krs="      - Launch it\n      - Hold it\n")) == []
    found = lint("# okrlint: disable-file=says-hold\n" + SET.format(krs="      - Launch it\n      - Hold it\n"))
    assert [f[1] for f in found] == ["says-launch"]


def test_unused_suppression_is_reported_at_the_name():
    krs = "      - Launch it  # okrlint: disable=says-launch,says-hold\n"
    found = lint(SET.format(krs=krs))
    assert [(f[0], f[1]) for f in found] == [(6, "unused-suppression")]
    assert "'says-hold'" in found[0][2]


def test_unknown_suppression_suggests_the_closest_rule():
    krs = "      - Launch it  # okrlint: disable=says-lanch\n"
    found = lint(SET.format(krs=krs))
    assert ("says-launch" in [f[1] for f in found]) and ("unknown-suppression" in [f[1] for f in found])
    message = next(m for _, n, m in found if n == "unknown-suppression")
    assert "did you mean 'says-launch'" in message


def test_suppressions_of_unselected_rules_are_not_unused():
    engine = Engine(Config(select=["TST001", "SUP"]), extra_plugins=[TEST_RULES])
    text = SET.format(krs="      - Nothing here  # okrlint: disable=says-hold\n")
    result = engine.run(sources=[engine.source_from_bytes("t.okr.yaml", text.encode())])
    assert result.findings == ()


def test_suppression_rules_can_be_ignored_and_overridden():
    krs = "      - Nothing  # okrlint: disable=says-hold,nonsense\n"
    assert lint(SET.format(krs=krs), ignore=["unused-suppression", "unknown-suppression"]) == []
    engine = Engine(Config(select=["TST", "SUP"], severity={"unused-suppression": "error"}), extra_plugins=[TEST_RULES])
    result = engine.run(sources=[engine.source_from_bytes("t.okr.yaml", SET.format(krs=krs).encode())])
    unused = [f for f in result.findings if f.name == "unused-suppression"]
    assert unused and unused[0].severity is Severity.ERROR


def test_directive_inside_a_quoted_title_is_text_not_a_directive():
    krs = '      - "Launch # okrlint: disable"\n'
    assert [f[1] for f in lint(SET.format(krs=krs))] == ["says-launch"]


def test_yaml_parser_positions():
    text = "a: 1\n# okrlint: disable=x, y\n\n- b\n"
    (directive,) = parse_yaml_directives("f.yaml", text)
    assert (directive.first_line, directive.last_line) == (4, 4)
    assert [(n.text, n.location.column) for n in directive.names] == [("x", 20), ("y", 23)]


def test_markdown_regions_next_line_and_file():
    text = (
        "Objective: Win shops\n"                            # 1
        "<!-- okrlint-disable says-launch -->\n"            # 2
        "1. Launch the page\n"                               # 3
        "<!-- okrlint-enable -->\n"                          # 4
        "<!-- okrlint-disable-next-line says-hold -->\n"    # 5
        "\n"                                                 # 6
        "2. Hold webinars\n"                                 # 7
        "3. Launch again\n"                                  # 8
    )
    regions = parse_markup_directives("d.md", text)
    spans = [(d.first_line, d.last_line) for d in regions]
    assert spans == [(2, 4), (7, 7)]
    assert parse_markup_directives("d.md", "<!-- okrlint-disable-file -->\n")[0].first_line is None


def _finding(line: int, code: str, name: str) -> Finding:
    return Finding(location=Location("d.md", line, 1), code=code, name=name, category="custom",
                   severity=Severity.WARNING, message=name)


def test_markdown_suppression_filters_findings():
    engine = Engine(Config(select=["TST", "SUP"]), extra_plugins=[TEST_RULES])
    text = ("<!-- okrlint-disable says-launch -->\n1. Launch\n<!-- okrlint-enable -->\n"
            "<!-- okrlint-disable-next-line says-hold -->\n2. Hold\n3. Launch\n")
    findings = [_finding(2, "TST001", "says-launch"), _finding(5, "TST002", "says-hold"), _finding(6, "TST001", "says-launch")]
    selected = frozenset(r.code for r in engine.selected_rules())
    kept = Suppressor(engine.registry, selected).apply(findings, {"d.md": text})
    assert [(f.location.line, f.name) for f in kept] == [(6, "says-launch")]


def test_files_without_the_marker_keep_no_raw_text():
    engine = Engine(Config(select=["TST"]), extra_plugins=[TEST_RULES])
    engine.run(sources=[engine.source_from_bytes("t.okr.yaml", SET.format(krs="      - Launch\n").encode())])
    assert engine._raw_with_directives == {}
