"""Configuration files: ``okrlint.toml``, ``.okrlint.toml`` or ``[tool.okrlint]`` in ``pyproject.toml``.

The nearest file at or above the working directory wins (as in ruff); when there is none, the nearest file at
or above the paths given (``okrlint check ../repo/okrs`` from outside the project uses the project's file).
``extend = "path"`` merges another file underneath it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from okrlint.config import Config
from okrlint.model import Severity

CONFIG_NAMES = (".okrlint.toml", "okrlint.toml", "pyproject.toml")
KNOWN_KEYS = {
    "select", "extend-select", "ignore", "per-file-ignores", "severity", "rules", "fail-level",
    "language", "fiscal-year-start-month", "plugins", "rule-packs", "vocabulary", "template-dir",
    "column-mapping", "extend", "rule-timeout", "messages", "exclude", "skip-archives",
}

# Keys whose values add up across `extend`ed files instead of replacing each other.
ACCUMULATING_KEYS = {
    "extend-select", "ignore", "per-file-ignores", "severity", "rules", "plugins", "rule-packs", "vocabulary",
    "column-mapping", "exclude",
}


class ConfigError(ValueError):
    pass


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _may_configure_okrlint(candidate):
                continue
            return candidate
    return None


def config_for_paths(cwd: Path, paths: Iterable[str], note: Callable[[str], None] | None = None) -> Path | None:
    """The nearest configuration file at or above the paths given (a file's folder, or the folder itself)."""
    found: dict[Path, str] = {}
    for given in paths:
        if given == "-":
            continue
        place = cwd / given
        try:
            start = place if place.is_dir() else place.parent
            candidate = find_config(start.resolve())
        except OSError:
            continue
        if candidate is not None:
            found.setdefault(candidate, given)
    if not found:
        return None
    chosen = next(iter(found))
    if len(found) > 1 and note is not None:
        others = ", ".join(f"{path} (for {given})" for path, given in list(found.items())[1:])
        note(f"the paths given have different configuration files: {chosen} is used for the whole run, not {others}; "
             "lint each project in a run of its own, or name one with --config")
    return chosen


_TOOL_OKRLINT = re.compile(rb"""tool\s*\.\s*["']?okrlint|^\s*\[\s*tool\s*\]""", re.MULTILINE)


def _may_configure_okrlint(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.okrlint] table; the text is looked at before parsing the TOML,
    which most projects' pyproject.toml (no okrlint section) then never need."""
    try:
        if not _TOOL_OKRLINT.search(path.read_bytes()):
            return False
    except OSError:
        pass  # reported with its line by _read_toml
    return "okrlint" in _read_toml(path).get("tool", {})


def _close_match(word: str, candidates, *, cutoff: float) -> list[str]:
    import difflib  # only for a misspelled key or rule name

    return difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        import re

        said = str(exc)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", said)
        if at is not None:  # file:line:col, as every other error okrlint reports
            raise ConfigError(f"{path}:{at[1]}:{at[2]}: invalid TOML: {said[:at.start()]}") from None
        raise ConfigError(f"{path}: invalid TOML: {said}") from None


def _section(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("okrlint", {})
    return data.get("tool", {}).get("okrlint", data) if "tool" in data else data


def resolve_config(cwd: Path, *, config_path: str | None = None, isolated: bool = False,
                   paths: Iterable[str] = (), note: Callable[[str], None] | None = None) -> Config:
    """The configuration of a run: ``config_path``, else the nearest file at or above ``cwd``, else the nearest
    one at or above the ``paths`` linted (when they lead to different files, the first path's wins and ``note``
    is told)."""
    config = Config(base_dir=cwd)
    if isolated:
        return config
    path = Path(config_path) if config_path else find_config(cwd)
    if path is None and not config_path:
        path = config_for_paths(cwd, paths, note)
    if path is None:
        return config
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    apply_file(config, path.resolve(), seen=set())
    return config


def apply_file(config: Config, path: Path, seen: set[Path]) -> None:
    if path in seen:
        raise ConfigError(f"{path}: 'extend' loops back to this file")
    seen.add(path)
    section = _section(path)
    if "extend" in section:
        base = Path(str(section["extend"]))
        base = base if base.is_absolute() else path.parent / base
        if not base.is_file():
            raise ConfigError(f"{path}: extend: no such file {base}")
        apply_file(config, base.resolve(), seen)
    config.base_dir = path.parent
    apply_section(config, section, str(path))


def apply_section(config: Config, section: dict[str, Any], origin: str) -> None:
    for key, value in section.items():
        if key not in KNOWN_KEYS:
            close = _close_match(key, sorted(KNOWN_KEYS), cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"{origin}: unknown key '{key}'{hint}")
        try:
            _apply_key(config, key, value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{origin}: '{key}': {exc}") from None
        earlier = config.sources.get(key)
        config.sources[key] = f"{earlier} + {origin}" if earlier and key in ACCUMULATING_KEYS else origin


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError("expected a string or a list of strings")


def _apply_key(config: Config, key: str, value: Any) -> None:
    if key == "select":
        config.select = _strings(value)
    elif key == "extend-select":
        config.extend_select += _strings(value)
    elif key == "ignore":
        config.ignore += _strings(value)
    elif key == "per-file-ignores":
        if not isinstance(value, dict):
            raise TypeError("expected a table of glob = [rules]")
        for pattern, selectors in value.items():
            config.per_file_ignores[pattern] = _strings(selectors)
    elif key == "severity":
        if not isinstance(value, dict):
            raise TypeError("expected a table of rule = severity")
        for rule_key, severity in value.items():
            Severity.parse(str(severity))
            config.severity[rule_key] = str(severity)
    elif key == "rules":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise TypeError("expected tables [rules.RULE-NAME] of options")
        for rule_name, options in value.items():
            config.rule_options.setdefault(rule_name, {}).update(options)
    elif key == "exclude":
        config.exclude += _strings(value)
    elif key == "skip-archives":
        if not isinstance(value, bool):
            raise TypeError("expected true or false")
        config.skip_archives = value
    elif key == "fail-level":
        config.fail_level = Severity.parse(str(value))
    elif key == "language":
        if value not in ("th", "en"):
            raise ValueError("expected 'th' or 'en'")
        config.language = value
    elif key == "messages":
        from okrlint.report.messages import MODES

        if value not in MODES:
            raise ValueError(f"expected one of {', '.join(MODES)}")
        config.messages = value
    elif key == "fiscal-year-start-month":
        if not isinstance(value, int) or not 1 <= value <= 12:
            raise ValueError("expected a month number 1-12")
        config.fiscal_year_start_month = value
    elif key == "rule-timeout":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError("expected a number of seconds (0 for no limit)")
        config.rule_timeout = float(value)
    elif key == "plugins":
        config.plugins += _strings(value)
    elif key == "rule-packs":
        config.rule_packs += _strings(value)
    elif key == "vocabulary":
        config.vocabulary += _strings(value)
    elif key == "template-dir":
        config.template_dir = str(value)
    elif key == "column-mapping":
        if not isinstance(value, dict):
            raise TypeError("expected a table of header = field")
        config.column_mapping.update({str(k): str(v) for k, v in value.items()})


# --- checks that need the rules of the run ---------------------------------------------------------

def check_rule_names(config: Config, registry) -> None:
    """Unknown rule names anywhere in the configuration are errors naming the closest valid one.

    Run once the engine's registry is built, since plugins and rule packs add rules.
    """
    from okrlint.rules.registry import SelectorError

    def origin(key: str) -> str:
        return config.sources.get(key, "configuration")

    selector_lists = [("select", config.select or []), ("extend-select", config.extend_select), ("ignore", config.ignore)]
    selector_lists += [(f"per-file-ignores.\"{pattern}\"", selectors) for pattern, selectors in config.per_file_ignores.items()]
    for key, selectors in selector_lists:
        for selector in selectors:
            try:
                registry.matching(selector)
            except SelectorError as exc:
                raise ConfigError(f"{origin(key.split('.')[0])}: '{key}': {exc}") from None
    for option, selectors in (("--select", config.cli_select or []), ("--extend-select", config.cli_extend_select),
                              ("--ignore", config.cli_ignore)):
        for selector in selectors:
            try:
                registry.matching(selector)
            except SelectorError as exc:
                raise ConfigError(f"command line: '{option}': {exc}") from None
    for key in config.severity:
        if registry.get(key) is None:
            raise ConfigError(f"{origin('severity')}: 'severity': {_unknown_rule(key, registry)}")
    for name, options in config.rule_options.items():
        if name in registry.by_name:
            problem = _option_problem(registry.by_name[name], options)
            if problem:
                raise ConfigError(f"{origin('rules')}: 'rules.{name}': {problem}")
            continue
        item = registry.get(name)
        hint = f"; options are keyed by rule name: did you mean '{item.name}'?" if item else ""
        message = f"unknown rule '{name}'{hint}" if item else _unknown_rule(name, registry)
        raise ConfigError(f"{origin('rules')}: 'rules': {message}")


def _option_problem(rule, options: dict) -> str | None:
    """What is wrong with a rule's configured options: an option it does not have, a value of another type than
    its default's, or a minimum above the maximum (None: nothing)."""
    known = dict(rule.options)
    if not known and rule.origin != "okrlint":
        return None  # a plugin's rule that declares no options may still read some (ctx.option): not checked
    for key, value in options.items():
        if key not in known:
            if not known:
                return f"unknown option '{key}': the rule has no options"
            close = _close_match(key, list(known), cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"unknown option '{key}'{hint} (its options: {', '.join(known)})"
        default = known[key]
        if default is None:
            continue
        if isinstance(default, bool):
            fits = isinstance(value, bool)
        elif isinstance(default, int):
            fits = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(default, float):
            fits = isinstance(value, (int, float)) and not isinstance(value, bool)
        else:
            fits = isinstance(value, type(default))
        if not fits:
            kind = {bool: "true or false", int: "a whole number", float: "a number", str: "a text",
                    list: "a list"}.get(type(default), type(default).__name__)
            return f"option '{key}' must be {kind} (like its default, {default!r}), not {value!r}"
    merged = {**known, **options}
    low, high = merged.get("min"), merged.get("max")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
        return f"option 'min' ({low}) is above 'max' ({high})"
    return None


def _unknown_rule(key: str, registry) -> str:
    candidates = [r.name for r in registry.rules] + [r.code for r in registry.rules]
    close = _close_match(key, candidates, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown rule '{key}'{hint}"


# --- okrlint config --------------------------------------------------------------------------------

_SHOWN = (  # config file key -> Config attribute, in the order `okrlint config` prints them
    ("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore"),
    ("per-file-ignores", "per_file_ignores"), ("severity", "severity"), ("rules", "rule_options"),
    ("fail-level", "fail_level"), ("language", "language"), ("messages", "messages"),
    ("fiscal-year-start-month", "fiscal_year_start_month"),
    ("rule-timeout", "rule_timeout"), ("plugins", "plugins"), ("rule-packs", "rule_packs"), ("vocabulary", "vocabulary"),
    ("template-dir", "template_dir"), ("column-mapping", "column_mapping"), ("exclude", "exclude"),
    ("skip-archives", "skip_archives"),
)


def effective_settings(config: Config) -> list[tuple[str, Any, str]]:
    """(key, value, where it came from) for every setting; 'default' when nothing set it. The command line's
    selection is shown as it takes effect: ``--select`` replaces the files' select, extend-select and ignore;
    ``--extend-select`` and ``--ignore`` add to theirs (and --extend-select wins over the files' ignore)."""
    rows = []
    for key, attribute in _SHOWN:
        value = getattr(config, attribute)
        if isinstance(value, Severity):
            value = str(value)
        source = config.sources.get(key, "default")
        if key in _SELECTION_KEYS and config.command_line_selection():
            value, source = _selection_shown(config, key, value, source)
        rows.append((key, value, source))
    return rows


_SELECTION_KEYS = {"select": "cli_select", "extend-select": "cli_extend_select", "ignore": "cli_ignore"}


def _selection_shown(config: Config, key: str, value: Any, source: str) -> tuple[Any, str]:
    given = getattr(config, _SELECTION_KEYS[key])
    if config.cli_select:  # the command line's selection replaces the files' whole selection
        if key == "select" or given:
            return list(given), "command line"
        return [], f"command line (--select replaces {source}'s)" if source != "default" else "default"
    if not given:
        return value, source
    if key == "extend-select":
        return [*value, *given], f"{source} + command line (applied after the ignore)" if source != "default" else \
            "command line (applied after the ignore)"
    return [*value, *given], f"{source} + command line" if source != "default" else "command line"


def render_settings(config: Config) -> str:
    """The effective configuration as valid TOML, each value followed by a comment naming its source."""
    lines = []
    for key, value, source in effective_settings(config):
        if value is None:
            lines.append(f"# {key} is not set  # {source}")
        else:
            lines.append(f"{key} = {_toml_value(value)}  # {source}")
    return "\n".join(lines) + "\n"


def _toml_key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() and key.isascii() else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return _toml_value(str(value))
