"""What a rule is: metadata, executable examples and a check function.

A rule is a plain function decorated with :func:`rule`. It receives the object of its scope and a
:class:`RuleContext`, and yields :class:`Violation` objects. It knows nothing of the CLI, the config
files or the output formats; the engine turns violations into findings.

    @rule(code="MEA001", name="kr-not-measurable", category="measurability",
          severity="error", scope="key_result", summary="...", rationale="...",
          examples=[bad("Improve onboarding", "en"), good("Raise activation from 20% to 35%", "en")])
    def kr_not_measurable(kr, ctx):
        if not ctx.facts(kr).has_target:
            yield Violation("no quantitative target can be read")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from okrlint.text import regexcache
from okrlint.model import KeyResult, Location, Objective, OKRSet, Org, Scope, Severity

CODE_RE = regexcache.compile(r"^[A-Z]{2,5}\d{3}$")
NAME_RE = regexcache.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CATEGORIES = ("measurability", "clarity", "customer", "alignment", "structure", "custom")


@attrs.frozen
class Example:
    """A good or bad example. ``text`` is a KR or objective title for those scopes, else a YAML document.

    ``kind`` says how to build the example: ``key_result`` and ``objective`` wrap the text in a minimal
    set; ``yaml`` is one OKR set file; ``org`` is several YAML documents separated by ``---``.
    """

    text: str
    good: bool
    language: str = "en"
    kind: str = "auto"
    note: str = ""


def good(text: str, language: str = "en", kind: str = "auto", note: str = "") -> Example:
    return Example(text=text, good=True, language=language, kind=kind, note=note)


def bad(text: str, language: str = "en", kind: str = "auto", note: str = "") -> Example:
    return Example(text=text, good=False, language=language, kind=kind, note=note)


@attrs.frozen
class Violation:
    """What a rule yields: a message, and optionally a more precise location or another object."""

    message: str
    location: Location | None = None
    target: Any = None  # the object the finding is about, when not the checked one (org/set rules)
    severity: Severity | None = None  # overrides the rule default for this one finding


def _as_severity(value) -> Severity:
    return value if isinstance(value, Severity) else Severity.parse(value)


def _as_scope(value) -> Scope:
    return Scope(value)


def _as_tuple(items) -> tuple:
    # Python functions, not ``tuple``/``Scope``: attrs reads a converter's signature, and for a builtin or an
    # Enum that goes through inspect's text-signature parser (tokenize and its regexes) at every start-up.
    return tuple(items)


@attrs.frozen
class Rule:
    code: str = attrs.field(validator=attrs.validators.matches_re(CODE_RE))
    name: str = attrs.field(validator=attrs.validators.matches_re(NAME_RE))
    category: str = attrs.field(validator=attrs.validators.in_(CATEGORIES))
    severity: Severity = attrs.field(converter=_as_severity)
    scope: Scope = attrs.field(converter=_as_scope)
    summary: str
    check: Callable[..., Iterable[Violation]] = attrs.field(eq=False, repr=False)
    rationale: str = ""
    examples: tuple[Example, ...] = attrs.field(default=(), converter=_as_tuple)
    options: Mapping[str, Any] = attrs.field(factory=dict)  # option name -> default value
    origin: str = "okrlint"  # the plugin that registered it

    @property
    def doc(self) -> str:
        return self.rationale or self.summary


def rule(
    *,
    code: str,
    name: str,
    category: str,
    severity: str,
    scope: str,
    summary: str,
    rationale: str = "",
    examples: Iterable[Example] = (),
    options: Mapping[str, Any] | None = None,
) -> Callable[[Callable[..., Iterable[Violation]]], Rule]:
    """Declare a rule; the decorated function becomes ``Rule.check``."""

    def wrap(check: Callable[..., Iterable[Violation]]) -> Rule:
        return Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            scope=scope,
            summary=summary,
            rationale=rationale or (check.__doc__ or "").strip(),
            examples=tuple(examples),
            options=dict(options or {}),
            check=check,
        )

    return wrap


def rules_in(module) -> list[Rule]:
    """Every :class:`Rule` defined at the top level of a module, in definition order."""
    return [value for value in vars(module).values() if isinstance(value, Rule)]


@attrs.define
class RuleContext:
    """What a rule may consult besides its object. Built by the engine; rules only read it."""

    analyser: Any  # okrlint.text.Analyser
    org: Org | None = None
    okr_set: OKRSet | None = None
    objective: Objective | None = None
    options: Mapping[str, Any] = attrs.field(factory=dict)
    services: Any = None  # okrlint.engine.OrgIndex for org-scope rules

    def facts(self, obj: KeyResult | Objective | str):
        """The shared, cached :class:`okrlint.text.TextFacts` of an object's title (or of a text)."""
        text = obj if isinstance(obj, str) else obj.title
        language = self.okr_set.language if self.okr_set is not None else None
        return self.analyser.analyse(text, language)

    @property
    def vocab(self):
        return self.analyser.vocab

    def words(self, category: str) -> frozenset[str]:
        """The vocabulary category ``category`` as lower-case words (``rules/vocab/*.yaml`` and plugins' vocabularies)."""
        return self.analyser.words(category)

    def option(self, name: str, default: Any = None) -> Any:
        return self.options.get(name, default)

