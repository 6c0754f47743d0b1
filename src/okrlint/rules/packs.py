"""Declarative YAML rule packs: an organisation's own rules without Python.

A pack is a YAML file with a ``rules:`` list; each rule has a ``kind``:

``existence``     words (matched on the shared word tokens, so Thai works) or ``regex:`` patterns (on the raw
                  title) that must not appear.
``substitution``  ``swap: {wrong: right}`` — use the right word instead; ``{suggestion}`` in the message.
``occurrence``    ``min``/``max`` key results per objective (scope objective) or objectives per set (scope set).
``required``      ``fields:`` that must be filled in (owner, due, unit, ...).
``conditional``   ``if:`` a condition holds then ``then:`` must hold too; conditions are any of ``words``,
                  ``regex``, ``fields`` (all filled in) and ``field-matches`` ({field: regex}).

Every rule has ``code`` (the organisation's own prefix, e.g. ``ACM001``), ``name``, ``message`` (with
``{match}``-style placeholders), ``severity``, ``scope`` (objective | key_result | set) and an optional
``select`` ({team: glob, level: company|department|team}). Packs are read with the safe YAML loader and run
no code: messages are filled with plain strings only, regexes are length-capped.
A mistake in a pack raises :class:`PackError` naming the file, line and column.
"""

from __future__ import annotations

import fnmatch
import re
import string
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
from okrlint.load.pyyaml import yaml

from okrlint.load import LoadError
from okrlint.load.decode import decode_text
from okrlint.load.yamlio import Budget, compose_documents, position, scalar_value
from okrlint.model import LEVELS, Location, OKRSet, Severity
from okrlint.rules.base import CATEGORIES, CODE_RE, NAME_RE, Example, Rule, Violation
from okrlint.text.segment import has_thai

MAX_REGEX_LENGTH = 300
KINDS = ("existence", "substitution", "occurrence", "required", "conditional")
SCOPES = ("objective", "key_result", "set")
FIELDS = {
    "key_result": ("id", "title", "baseline", "target", "unit", "due", "owner", "depends_on", "score", "confidence"),
    "objective": ("id", "title", "description", "owner", "type", "aligns_to"),
    "set": ("team", "level", "period", "owner", "language"),
}
COMMON_KEYS = {"code", "name", "kind", "message", "severity", "scope", "select", "category", "summary",
               "description", "examples"}
KIND_KEYS = {
    "existence": {"words", "regex"},
    "substitution": {"swap"},
    "occurrence": {"min", "max", "count"},
    "required": {"fields"},
    "conditional": {"if", "then"},
}
CONDITION_KEYS = ("words", "regex", "fields", "field-matches")
PLACEHOLDERS = {  # what a message may mention, per kind
    "existence": {"match"},
    "substitution": {"match", "suggestion"},
    "occurrence": {"count", "min", "max", "counted"},
    "required": {"field", "fields"},
    "conditional": {"match", "field"},
}
COMMON_PLACEHOLDERS = {"id", "title", "team", "code", "name"}


class PackError(ValueError):
    """A mistake in a rule pack, with the file, line and column where it stands."""

    def __init__(self, file: Path | str, line: int, column: int, message: str):
        super().__init__(f"{file}:{line}:{column}: {message}")

    @classmethod
    def at(cls, file: Path | str, node: yaml.Node | None, message: str) -> PackError:
        line, column = position(node) if node is not None else (1, 1)
        return cls(file, line, column, message)


# --- reading the YAML nodes ------------------------------------------------------------------------

@attrs.frozen
class _Reader:
    file: Path

    def fail(self, node: yaml.Node | None, message: str) -> PackError:
        return PackError.at(self.file, node, message)

    def reject_foreign_tags(self, root: yaml.Node) -> None:
        """Packs are plain data: a tag such as ``!!python/object`` is refused, never constructed.

        The walk counts every node it meets, aliases expanded, against the node budget of every other YAML file
        okrlint reads (vocabularies, OKR files): a "billion laughs" pack is refused in a second, with its line,
        before anything else reads it."""
        budget = Budget()
        stack = [root]
        while stack:
            node = stack.pop()
            try:
                budget.spend(node)
            except LoadError as exc:
                raise PackError(self.file, exc.line, exc.column, exc.message) from None
            if not node.tag.startswith("tag:yaml.org,2002:") or node.tag.startswith("tag:yaml.org,2002:python/"):
                raise self.fail(node, f"the tag {node.tag!r} is not allowed in a rule pack (packs are plain data)")
            if isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                stack.extend(child for pair in node.value for child in pair)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping (key: value)")
        items: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, f"keys of {what} must be plain text")
            if key_node.value in items:
                raise self.fail(key_node, f"'{key_node.value}' is given twice in {what}")
            items[key_node.value] = (key_node, value_node)
        return items

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":map", ":seq")):
            raise self.fail(node, f"{what} must be text")
        return str(node.value)

    def integer(self, node: yaml.Node, what: str) -> int:
        value = scalar_value(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(node, f"{what} must be a whole number, 0 or more")
        return value

    def texts(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode):
            return [(self.text(node, what), node)]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise self.fail(node, f"{what} must be a text or a non-empty list of texts")
        return [(self.text(child, what), child) for child in node.value]

    def regex(self, pattern: str, node: yaml.Node) -> re.Pattern[str]:
        if len(pattern) > MAX_REGEX_LENGTH:
            raise self.fail(node, f"regex longer than {MAX_REGEX_LENGTH} characters")
        try:
            return re.compile(pattern)
        except re.error as exc:
            raise self.fail(node, f"invalid regex {pattern!r}: {exc}") from None


# --- matching words on the shared tokens -----------------------------------------------------------

@attrs.frozen
class WordTerm:
    """A word or phrase of a pack, matched against the shared word tokens of a title.

    Tokens are joined without spaces for Thai and with spaces otherwise, so a Thai term matches however
    the segmenter split it, as long as it starts and ends on word boundaries. ``launch*`` matches a prefix.
    """

    text: str
    prefix: bool = False

    @classmethod
    def parse(cls, text: str) -> WordTerm:
        prefix = text.endswith("*") and len(text) > 1
        return cls(" ".join(text.rstrip("*").lower().split()), prefix)

    def find(self, tokens: tuple[str, ...]) -> str | None:
        wanted = self.text
        glue = "" if has_thai(wanted) else " "
        compact = wanted.replace(" ", "") if glue == "" else wanted
        for start in range(len(tokens)):
            joined = ""
            for end in range(start, len(tokens)):
                joined = joined + (glue if end > start and glue else "") + tokens[end]
                if self.prefix:
                    if len(joined) >= len(compact):
                        if joined.startswith(compact):
                            return joined
                        break
                elif joined == compact:
                    return joined
                elif len(joined) >= len(compact) or not compact.startswith(joined):
                    break
        return None


# --- what rules look at ----------------------------------------------------------------------------

def _field_value(target: Any, field: str) -> Any:
    if isinstance(target, OKRSet) and field == "period":
        return target.period.text if target.period is not None else None
    return getattr(target, field, None)


def _is_set(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (tuple, list)):
        return bool(value)
    return True


def _title(target: Any) -> str:
    return getattr(target, "title", "") or ""


def _location(target: Any, field: str = "title") -> Location:
    location_of = getattr(target, "location_of", None)
    return location_of(field) if location_of is not None else target.location


@attrs.frozen
class Condition:
    """A test on one object: all of its parts must hold. ``describe`` returns what matched (for messages)."""

    words: tuple[WordTerm, ...] = ()
    regexes: tuple[re.Pattern[str], ...] = ()
    fields: tuple[str, ...] = ()
    field_matches: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def check(self, target: Any, ctx) -> tuple[bool, str, str]:
        """(holds, matched text, the first field that failed)."""
        matched = ""
        if self.words:
            tokens = ctx.facts(target).tokens if _title(target) else ()
            found = next((m for m in (w.find(tokens) for w in self.words) if m), None)
            if found is None:
                return False, "", ""
            matched = found
        if self.regexes:
            title = _title(target)
            hit = next((m for m in (r.search(title) for r in self.regexes) if m), None)
            if hit is None:
                return False, matched, ""
            matched = matched or hit.group(0)
        for field in self.fields:
            if not _is_set(_field_value(target, field)):
                return False, matched, field
        for field, pattern in self.field_matches:
            value = _field_value(target, field)
            if not _is_set(value) or not pattern.search(str(value)):
                return False, matched, field
        return True, matched, ""


@attrs.frozen
class Selector:
    teams: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()

    def accepts(self, okr_set: OKRSet | None) -> bool:
        if okr_set is None:
            return True
        if self.teams and not any(fnmatch.fnmatchcase(okr_set.team, glob) for glob in self.teams):
            return False
        return not self.levels or okr_set.level in self.levels


class _SafeFields(dict):
    """Values for message placeholders: plain strings only; an unknown name stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _message(template: str, values: Mapping[str, Any]) -> str:
    return template.format_map(_SafeFields({k: "" if v is None else str(v) for k, v in values.items()}))


def _common_values(target: Any, ctx, item_code: str, item_name: str) -> dict[str, Any]:
    okr_set = ctx.okr_set
    return {"id": getattr(target, "id", None) or getattr(target, "uid", ""), "title": _title(target),
            "team": okr_set.team if okr_set is not None else "", "code": item_code, "name": item_name}


# --- building rules --------------------------------------------------------------------------------

def load_rule_pack(path: Path) -> list[Rule]:
    """Read a YAML rule pack into :class:`Rule` objects; a mistake raises :class:`PackError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PackError(path, 1, 1, f"cannot read: {exc.strerror or exc}") from None
    try:
        documents = compose_documents(decode_text(data))
    except LoadError as exc:
        raise PackError(path, exc.line, exc.column, exc.message) from None
    if not documents:
        raise PackError(path, 1, 1, "the pack is empty: give a 'rules:' list")
    reader = _Reader(path)
    reader.reject_foreign_tags(documents[0])
    top = reader.mapping(documents[0], "a rule pack")
    unknown = set(top) - {"rules", "pack", "description"}
    if unknown:
        key = sorted(unknown)[0]
        raise reader.fail(top[key][0], f"unknown key '{key}' (a pack has 'pack', 'description' and 'rules')")
    if "rules" not in top:
        raise reader.fail(documents[0], "the pack has no 'rules:' list")
    rules_node = top["rules"][1]
    if not isinstance(rules_node, yaml.SequenceNode):
        raise reader.fail(rules_node, "'rules' must be a list of rules")
    built: list[Rule] = []
    seen: dict[str, yaml.Node] = {}
    for node in rules_node.value:
        item = _build_rule(reader, node)
        for key in (item.code, item.name):
            if key in seen:
                raise reader.fail(node, f"'{key}' is used by two rules of this pack")
            seen[key] = node
        built.append(item)
    return built


def _build_rule(reader: _Reader, node: yaml.Node) -> Rule:
    fields = reader.mapping(node, "a rule")
    for required in ("code", "name", "kind", "message", "scope"):
        if required not in fields:
            import difflib

            typo = difflib.get_close_matches(required, [k for k in fields if k not in COMMON_KEYS], n=1, cutoff=0.7)
            if typo:  # 'mesage:' for 'message:': point at the misspelt key, not only at the rule
                raise reader.fail(fields[typo[0]][0], f"unknown key '{typo[0]}'; did you mean '{required}'?")
            raise reader.fail(node, f"the rule lacks '{required}'")
    kind_node = fields["kind"][1]
    kind = reader.text(kind_node, "'kind'")
    if kind not in KINDS:
        raise reader.fail(kind_node, f"unknown kind '{kind}' (use {', '.join(KINDS)})")
    for key, (key_node, _) in fields.items():
        if key not in COMMON_KEYS | KIND_KEYS[kind]:
            allowed = ", ".join(sorted(KIND_KEYS[kind]))
            raise reader.fail(key_node, f"unknown key '{key}' for a {kind} rule (its own keys: {allowed})")

    code = reader.text(fields["code"][1], "'code'")
    if not CODE_RE.match(code):
        raise reader.fail(fields["code"][1], f"code '{code}' must be 2-5 capital letters and 3 digits, e.g. ACM001")
    name = reader.text(fields["name"][1], "'name'")
    if not NAME_RE.match(name):
        raise reader.fail(fields["name"][1], f"name '{name}' must be kebab-case, e.g. no-jargon")
    scope = reader.text(fields["scope"][1], "'scope'")
    if scope not in SCOPES:
        raise reader.fail(fields["scope"][1], f"scope '{scope}' must be one of {', '.join(SCOPES)}")
    severity = Severity.WARNING
    if "severity" in fields:
        try:
            severity = Severity.parse(reader.text(fields["severity"][1], "'severity'"))
        except ValueError as exc:
            raise reader.fail(fields["severity"][1], str(exc)) from None
    category = "custom"
    if "category" in fields:
        category = reader.text(fields["category"][1], "'category'")
        if category not in CATEGORIES:
            raise reader.fail(fields["category"][1], f"category must be one of {', '.join(CATEGORIES)}")
    message_node = fields["message"][1]
    message = reader.text(message_node, "'message'")
    _check_template(reader, message_node, message, PLACEHOLDERS[kind] | COMMON_PLACEHOLDERS)
    selector = _selector(reader, fields["select"][1]) if "select" in fields else Selector()

    builder = _KIND_BUILDERS[kind]
    check = builder(reader, fields, scope, node, message, code, name)
    if "summary" in fields:
        summary = reader.text(fields["summary"][1], "'summary'")
    else:  # the message with its placeholders shown as '…', so that `okrlint rules` lists readable text
        summary = f"{kind} rule: " + re.sub(r"\{[^{}]*\}", "…", message)
    rationale = reader.text(fields["description"][1], "'description'") if "description" in fields else ""
    examples = _examples(reader, fields["examples"][1]) if "examples" in fields else ()

    def selected_check(target, ctx, _check=check):
        if not selector.accepts(ctx.okr_set if ctx.okr_set is not None else None):
            return ()
        return _check(target, ctx)

    return Rule(code=code, name=name, category=category, severity=severity, scope=scope, summary=summary,
                check=selected_check, rationale=rationale, examples=examples, origin=f"rule pack {reader.file}")


def _check_template(reader: _Reader, node: yaml.Node, template: str, allowed: set[str]) -> None:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise reader.fail(node, f"message: {exc} (write '{{{{' for a literal brace)") from None
    for _, field, spec, _ in parsed:
        if field is None:
            continue
        if field not in allowed:
            names = ", ".join("{" + n + "}" for n in sorted(allowed))
            raise reader.fail(node, f"message: unknown placeholder '{{{field}}}' (this kind offers {names})")
        if spec and "{" in spec:
            raise reader.fail(node, "message: nested placeholders are not allowed")


def _selector(reader: _Reader, node: yaml.Node) -> Selector:
    fields = reader.mapping(node, "'select'")
    teams: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    for key, (key_node, value_node) in fields.items():
        if key == "team":
            teams = tuple(t for t, _ in reader.texts(value_node, "'select.team'"))
        elif key == "level":
            pairs = reader.texts(value_node, "'select.level'")
            for level, level_node in pairs:
                if level not in LEVELS:
                    raise reader.fail(level_node, f"level '{level}' must be one of {', '.join(LEVELS)}")
            levels = tuple(level for level, _ in pairs)
        else:
            raise reader.fail(key_node, f"unknown key '{key}' in 'select' (use team, level)")
    return Selector(teams, levels)


def _examples(reader: _Reader, node: yaml.Node) -> tuple[Example, ...]:
    fields = reader.mapping(node, "'examples'")
    examples = []
    for key, (key_node, value_node) in fields.items():
        if key not in ("good", "bad"):
            raise reader.fail(key_node, "'examples' has 'good' and 'bad' lists")
        for text, _ in reader.texts(value_node, f"'examples.{key}'"):
            examples.append(Example(text=text, good=key == "good", language="th" if has_thai(text) else "en"))
    return tuple(examples)


def _condition(reader: _Reader, node: yaml.Node, scope: str, what: str) -> Condition:
    fields = reader.mapping(node, what)
    if not fields:
        raise reader.fail(node, f"{what} is empty: give {', '.join(CONDITION_KEYS)}")
    words: list[WordTerm] = []
    regexes: list[re.Pattern[str]] = []
    required: list[str] = []
    matches: list[tuple[str, re.Pattern[str]]] = []
    for key, (key_node, value_node) in fields.items():
        if key == "words":
            words = [WordTerm.parse(t) for t, _ in reader.texts(value_node, f"'{what}.words'")]
        elif key == "regex":
            regexes = [reader.regex(t, n) for t, n in reader.texts(value_node, f"'{what}.regex'")]
        elif key == "fields":
            required = [_field_name(reader, t, n, scope) for t, n in reader.texts(value_node, f"'{what}.fields'")]
        elif key == "field-matches":
            for field, (field_node, pattern_node) in reader.mapping(value_node, f"'{what}.field-matches'").items():
                _field_name(reader, field, field_node, scope)
                matches.append((field, reader.regex(reader.text(pattern_node, "a pattern"), pattern_node)))
        else:
            raise reader.fail(key_node, f"unknown key '{key}' in {what} (use {', '.join(CONDITION_KEYS)})")
    if (words or regexes) and scope == "set":
        raise reader.fail(node, "words and regex look at titles: use scope objective or key_result")
    return Condition(tuple(words), tuple(regexes), tuple(required), tuple(matches))


def _field_name(reader: _Reader, field: str, node: yaml.Node, scope: str) -> str:
    if field not in FIELDS[scope]:
        raise reader.fail(node, f"a {scope.replace('_', ' ')} has no field '{field}' (it has {', '.join(FIELDS[scope])})")
    return field


Check = Callable[[Any, Any], Iterable[Violation]]


def _existence(reader, fields, scope, node, message, code, name) -> Check:
    if scope == "set":
        raise reader.fail(fields["scope"][1], "existence rules look at titles: use scope objective or key_result")
    if "words" not in fields and "regex" not in fields:
        raise reader.fail(node, "an existence rule needs 'words' or 'regex'")
    words = [WordTerm.parse(t) for t, _ in reader.texts(fields["words"][1], "'words'")] if "words" in fields else []
    regexes = [reader.regex(t, n) for t, n in reader.texts(fields["regex"][1], "'regex'")] if "regex" in fields else []

    def check(target, ctx):
        found = []
        if words and _title(target):
            tokens = ctx.facts(target).tokens
            found += [m for m in (w.find(tokens) for w in words) if m]
        found += [m.group(0) for m in (r.search(_title(target)) for r in regexes) if m]
        for match in dict.fromkeys(found):
            values = _common_values(target, ctx, code, name) | {"match": match}
            yield Violation(_message(message, values), _location(target))

    return check


def _substitution(reader, fields, scope, node, message, code, name) -> Check:
    if scope == "set":
        raise reader.fail(fields["scope"][1], "substitution rules look at titles: use scope objective or key_result")
    if "swap" not in fields:
        raise reader.fail(node, "a substitution rule needs 'swap: {wrong: right}'")
    swaps = [(WordTerm.parse(wrong), reader.text(right_node, "a replacement"))
             for wrong, (_, right_node) in reader.mapping(fields["swap"][1], "'swap'").items()]
    if not swaps:
        raise reader.fail(fields["swap"][1], "'swap' is empty")

    def check(target, ctx):
        if not _title(target):
            return
        tokens = ctx.facts(target).tokens
        for term, suggestion in swaps:
            match = term.find(tokens)
            if match:
                values = _common_values(target, ctx, code, name) | {"match": match, "suggestion": suggestion}
                yield Violation(_message(message, values), _location(target))

    return check


def _occurrence(reader, fields, scope, node, message, code, name) -> Check:
    if scope == "key_result":
        raise reader.fail(fields["scope"][1], "occurrence counts inside an objective or a set: use scope objective or set")
    minimum = reader.integer(fields["min"][1], "'min'") if "min" in fields else None
    maximum = reader.integer(fields["max"][1], "'max'") if "max" in fields else None
    if minimum is None and maximum is None:
        raise reader.fail(node, "an occurrence rule needs 'min' or 'max'")
    if minimum is not None and maximum is not None and minimum > maximum:
        raise reader.fail(fields["min"][1], f"min ({minimum}) is above max ({maximum})")
    counted = "key_results" if scope == "objective" else "objectives"
    if "count" in fields:
        counted = reader.text(fields["count"][1], "'count'")
        allowed = ("key_results",) if scope == "objective" else ("objectives", "key_results")
        if counted not in allowed:
            raise reader.fail(fields["count"][1], f"a {scope} rule counts {' or '.join(allowed)}")

    def check(target, ctx):
        if counted == "objectives":
            count = len(target.objectives)
        elif isinstance(target, OKRSet):
            count = sum(len(o.key_results) for o in target.objectives)
        else:
            count = len(target.key_results)
        if (minimum is not None and count < minimum) or (maximum is not None and count > maximum):
            values = _common_values(target, ctx, code, name) | {
                "count": count, "min": minimum, "max": maximum, "counted": counted.replace("_", " ")}
            yield Violation(_message(message, values), _location(target, "title"))

    return check


def _required(reader, fields, scope, node, message, code, name) -> Check:
    if "fields" not in fields:
        raise reader.fail(node, "a required rule needs 'fields'")
    required = [_field_name(reader, t, n, scope) for t, n in reader.texts(fields["fields"][1], "'fields'")]

    def check(target, ctx):
        for field in required:
            if not _is_set(_field_value(target, field)):
                values = _common_values(target, ctx, code, name) | {"field": field, "fields": ", ".join(required)}
                yield Violation(_message(message, values), _location(target, "title"))

    return check


def _conditional(reader, fields, scope, node, message, code, name) -> Check:
    if "if" not in fields or "then" not in fields:
        raise reader.fail(node, "a conditional rule needs 'if' and 'then'")
    when = _condition(reader, fields["if"][1], scope, "'if'")
    then = _condition(reader, fields["then"][1], scope, "'then'")

    def check(target, ctx):
        holds, matched, _ = when.check(target, ctx)
        if not holds:
            return
        ok, _, failed_field = then.check(target, ctx)
        if not ok:
            values = _common_values(target, ctx, code, name) | {"match": matched, "field": failed_field}
            yield Violation(_message(message, values), _location(target, "title"))

    return check


_KIND_BUILDERS = {
    "existence": _existence,
    "substitution": _substitution,
    "occurrence": _occurrence,
    "required": _required,
    "conditional": _conditional,
}

__all__ = ["PackError", "load_rule_pack", "WordTerm"]
