"""Every rule's examples are executable: bad examples must fire, good ones must not."""

import pytest

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.testing import check_examples

ENGINE = Engine(Config())
RULES = [r for r in ENGINE.registry.rules if r.examples]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_examples(rule):
    assert check_examples(rule, ENGINE) == []


@pytest.mark.parametrize("rule", [r for r in ENGINE.registry.rules if r.name != "internal-error"], ids=lambda r: r.name)
def test_rule_has_good_and_bad_examples_in_both_languages(rule):
    if rule.origin != "okrlint" and not rule.origin.startswith("okrlint."):
        pytest.skip("third-party rule")
    assert any(not e.good for e in rule.examples), "needs a bad example"
    assert any(e.good for e in rule.examples), "needs a good example"
