"""All rules of a run, and selection by code, name, code prefix or category (as ruff's selectors)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from okrlint.model import Scope, Severity
from okrlint.rules.base import Rule, rule

ALL = "ALL"


def _internal_error(target, ctx):  # pragma: no cover - never called: the engine makes these findings
    return ()


INTERNAL_ERROR = rule(
    code="OKR001",
    name="internal-error",
    category="structure",
    severity="error",
    scope="org",
    summary="A rule or plugin raised an exception; the run went on without its result.",
    rationale="Reported so that a broken rule is seen instead of silently checking nothing. It is always "
    "reported: `ignore`, `--ignore`, per-file-ignores, inline comments and baselines do not hide it, and "
    "`[severity]` lowers it to warning at the lowest. Fix or remove the rule or plugin that failed.",
)(_internal_error)

# The lowest severity [severity] may give internal-error: a rule that failed is never a mere info.
INTERNAL_ERROR_FLOOR = Severity.WARNING


class SelectorError(ValueError):
    pass


@attrs.define
class RuleRegistry:
    rules: list[Rule] = attrs.field(factory=list)
    problems: list[str] = attrs.field(factory=list)
    by_code: dict[str, Rule] = attrs.field(init=False, factory=dict)
    by_name: dict[str, Rule] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self):
        existing, self.rules = self.rules, []
        self.add(INTERNAL_ERROR, "okrlint")
        for item in existing:
            self.add(item, item.origin)

    def add(self, item: Rule, origin: str) -> None:
        if not isinstance(item, Rule):
            self.problems.append(f"plugin {origin}: okrlint_rules returned {type(item).__name__}, not a Rule")
            return
        clash = self.by_code.get(item.code) or self.by_name.get(item.name)
        if clash is not None:
            self.problems.append(
                f"plugin {origin}: rule {item.code} [{item.name}] clashes with {clash.code} [{clash.name}] "
                f"from {clash.origin}; skipped"
            )
            return
        item = attrs.evolve(item, origin=origin)
        self.rules.append(item)
        self.by_code[item.code] = item
        self.by_name[item.name] = item

    def get(self, key: str) -> Rule | None:
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: ALL, a code, a name, a code prefix or a category."""
        selector = selector.strip()
        if selector.upper() == ALL:
            return list(self.rules)
        exact = self.get(selector)
        if exact is not None:
            return [exact]
        upper = selector.upper()
        by_prefix = [r for r in self.rules if r.code.startswith(upper)]
        if by_prefix:
            return by_prefix
        by_category = [r for r in self.rules if r.category == selector.lower()]
        if by_category:
            return by_category
        raise SelectorError(self.unknown_message(selector))

    def unknown_message(self, selector: str) -> str:
        names = [r.name for r in self.rules] + [r.code for r in self.rules] + sorted({r.category for r in self.rules})
        import difflib  # only for a selector that matches nothing

        close = difflib.get_close_matches(selector, names, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown rule or selector '{selector}'{hint}"

    def select(self, select: Iterable[str] | None, ignore: Iterable[str] = (), extend_select: Iterable[str] = (),
               then: Iterable[tuple[Iterable[str] | None, Iterable[str], Iterable[str]]] = ()) -> list[Rule]:
        """The rules to run. ``select`` (None or empty: every rule), then ``extend_select`` added, then ``ignore``
        removed; ``then``: later layers (the command line's), each ``(select, ignore, extend_select)`` applied to
        the outcome as ruff applies its command line: a layer's ``select`` replaces the selection so far, its
        ``extend_select`` adds rules (even ones an earlier layer ignored), its ``ignore`` removes rules."""
        chosen: dict[str, Rule] = {}
        for selector in select if select else [ALL]:
            for item in self.matching(selector):
                chosen[item.code] = item
        for layer_select, layer_ignore, layer_extend in [(None, ignore, extend_select), *then]:
            if layer_select:
                chosen = {item.code: item for selector in layer_select for item in self.matching(selector)}
            for selector in layer_extend:
                for item in self.matching(selector):
                    chosen[item.code] = item
            for selector in layer_ignore:
                for item in self.matching(selector):
                    chosen.pop(item.code, None)
        chosen.pop(INTERNAL_ERROR.code, None)  # not a rule that runs: the engine reports it whatever is selected
        return [r for r in self.rules if r.code in chosen]

    def by_scope(self, rules: Iterable[Rule]) -> dict[Scope, list[Rule]]:
        grouped: dict[Scope, list[Rule]] = {scope: [] for scope in Scope}
        for item in rules:
            grouped[item.scope].append(item)
        return grouped


def severity_of(item: Rule, overrides: dict[str, str]) -> Severity:
    for key in (item.code, item.name):
        if key in overrides:
            chosen = Severity.parse(overrides[key])
            if item.code == INTERNAL_ERROR.code:
                return max(chosen, INTERNAL_ERROR_FLOOR)
            return chosen
    return item.severity
