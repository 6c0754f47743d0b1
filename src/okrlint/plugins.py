"""The pluggy host: built-in plugins, entry-point plugins and local plugin modules.

Built-in features are plugins registered exactly like third-party ones (pytest's default plugins).
Every third-party plugin loads and is called inside its own error handling (sqlfluff's host): a
broken plugin becomes a warning naming it, never a crash of the run.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import pluggy

from okrlint import hookspecs
from okrlint.model import InputError
from okrlint.watchdog import DEFAULT_RULE_TIMEOUT, RuleTimeout, Watchdog

ENTRY_POINT_GROUP = "okrlint"

# Module names of okrlint's own plugins, registered through the same hooks as any other plugin.
DEFAULT_PLUGINS = (
    "okrlint.load.formats",
    "okrlint.text.vocab",
    "okrlint.rules.structure",
    "okrlint.rules.measurability",
    "okrlint.rules.clarity",
    "okrlint.rules.customer",
    "okrlint.rules.alignment",
    "okrlint.report.builtin",
    "okrlint.suppress",
)


@attrs.frozen
class PluginError(InputError):
    """A plugin the configuration names that failed to load or to run a hook: an input error of the run (exit code
    2), placed at the plugin's file or at the configuration that names it, and counted as a plugin that failed, not
    as a file that could not be read."""

    plugin: str = ""  # as the configuration names it

    def __reduce__(self):  # InputError's own pickles an InputError
        return (PluginError, (self.message, self.location, self.plugin))


@attrs.frozen
class PluginProblem:
    plugin: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.plugin}: {self.message}"


@attrs.define
class PluginHost:
    manager: pluggy.PluginManager
    problems: list[PluginProblem] = attrs.field(factory=list)
    # seconds a plugin's import, and each call of one of its hooks, may take (the 'rule-timeout' setting)
    timeout: float | None = DEFAULT_RULE_TIMEOUT

    def call_each(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call every implementation of a hook separately, so one failing plugin loses only itself."""
        caller = getattr(self.manager.hook, hook_name)
        results = []
        with Watchdog(self.timeout) as watchdog:  # armed once; each call has the whole limit
            for impl in caller.get_hookimpls():  # registration order: built-ins first
                self._call_one(watchdog, hook_name, impl, kwargs, results)
        return results

    def _call_one(self, watchdog: Watchdog, hook_name: str, impl, kwargs: dict, results: list) -> None:
        name = self.manager.get_name(impl.plugin) or repr(impl.plugin)
        try:
            args = {key: kwargs[key] for key in impl.argnames}
            value = watchdog.call(lambda: impl.function(**args))
        except RuleTimeout as exc:
            self.problems.append(PluginProblem(name, f"hook {hook_name} {exc}; not used"))
            return
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - a plugin must never take the run down (SystemExit too)
            self.problems.append(PluginProblem(name, f"hook {hook_name} failed: {type(exc).__name__}: {exc}"))
            return
        if value is not None:
            results.append((name, value))

    def collect(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Flatten the iterables returned by each implementation into (plugin name, item) pairs."""
        items = []
        values = self.call_each(hook_name, **kwargs)
        with Watchdog(self.timeout) as watchdog:
            for name, value in values:
                try:
                    items.extend(watchdog.call(lambda: [(name, item) for item in value]))  # noqa: B023
                except RuleTimeout as exc:
                    self.problems.append(PluginProblem(name, f"hook {hook_name} {exc}; not used"))
                except KeyboardInterrupt:
                    raise
                except BaseException as exc:  # noqa: BLE001
                    self.problems.append(PluginProblem(name, f"hook {hook_name} returned a bad value: {exc}"))
        return items


def guarded(limit: float | None, function, *args: Any, **kwargs: Any):
    """``function(*args, **kwargs)`` under a time limit (RuleTimeout past it): a plugin that hangs while it is
    imported or called loses only itself. Without the interval timer (Windows, a thread) it runs unguarded."""
    watchdog = Watchdog(limit)
    with watchdog:
        return watchdog.call(lambda: function(*args, **kwargs))


def _register_module(host: PluginHost, module_name: str, *, builtin: bool) -> None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if builtin and exc.name == module_name:
            return  # an optional built-in part that is not present in this build
        host.problems.append(PluginProblem(module_name, f"cannot be imported: {exc}"))
        return
    except Exception as exc:  # noqa: BLE001
        host.problems.append(PluginProblem(module_name, f"cannot be imported: {type(exc).__name__}: {exc}"))
        return
    try:
        host.manager.register(module, name=module_name)
    except Exception as exc:  # noqa: BLE001
        host.problems.append(PluginProblem(module_name, f"cannot be registered: {exc}"))


def _register_entry_points(host: PluginHost) -> None:
    from okrlint.entrypoints import entry_points

    for entry_point in entry_points(ENTRY_POINT_GROUP):
        name = f"{entry_point.name} ({entry_point.value})"
        if host.manager.has_plugin(name):
            continue
        try:
            plugin = guarded(host.timeout, entry_point.load)
            host.manager.register(plugin, name=name)
        except RuleTimeout as exc:
            host.problems.append(PluginProblem(name, _load_timeout_message(exc)))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - SystemExit at import too: the plugin fails, not the run
            host.problems.append(PluginProblem(name, f"cannot be loaded: {type(exc).__name__}: {exc}"))


def _load_timeout_message(exc: RuleTimeout) -> str:
    return (f"cannot be loaded: importing it {exc} (the limit is the 'rule-timeout' setting); the run goes on "
            "without it")


def load_local_plugin(host: PluginHost, spec: str, base_dir: Path | None = None) -> None:
    """Register a local plugin named in the configuration: a module path ``pkg.mod`` or a ``.py`` file."""
    module_name = None
    try:
        if spec.endswith(".py"):
            path = Path(spec)
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            module_name = f"okrlint_local_{path.stem}"
            module_spec = importlib.util.spec_from_file_location(module_name, path)
            if module_spec is None or module_spec.loader is None or not path.is_file():
                raise FileNotFoundError(f"no such file: {path}")
            module = importlib.util.module_from_spec(module_spec)
            sys.modules[module_name] = module
            guarded(host.timeout, module_spec.loader.exec_module, module)
        else:
            module = guarded(host.timeout, importlib.import_module, spec)
        if not host.manager.is_registered(module):
            host.manager.register(module, name=spec)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import too: the plugin fails, not the run
        if module_name is not None:
            sys.modules.pop(module_name, None)  # half made: nothing may pick it up
        said = _load_timeout_message(exc) if isinstance(exc, RuleTimeout) else f"cannot be loaded: {type(exc).__name__}: {exc}"
        host.problems.append(PluginProblem(spec, said))


def create_host(
    *,
    entry_points: bool = True,
    local_plugins: Iterable[str] = (),
    base_dir: Path | None = None,
    extra: Iterable[object] = (),
    timeout: float | None = DEFAULT_RULE_TIMEOUT,
) -> PluginHost:
    """The plugin host. Importing each third-party plugin, and each call of a hook, is limited to ``timeout``
    seconds (the 'rule-timeout' setting; 0 or None: no limit): a plugin that hangs is reported and left out."""
    manager = pluggy.PluginManager("okrlint")
    manager.add_hookspecs(hookspecs)
    host = PluginHost(manager, timeout=timeout)
    for module_name in DEFAULT_PLUGINS:
        _register_module(host, module_name, builtin=True)
    if entry_points:
        _register_entry_points(host)
    for spec in local_plugins:
        load_local_plugin(host, spec, base_dir)
    for plugin in extra:
        manager.register(plugin)
    while True:
        try:
            manager.check_pending()
            break
        except pluggy.PluginValidationError as exc:
            # A misspelled hook fails loudly: the plugin is named and dropped, the run goes on.
            plugin = getattr(exc, "plugin", None)
            name = (manager.get_name(plugin) if plugin is not None else None) or "?"
            host.problems.append(PluginProblem(name, f"unknown hook: {exc}"))
            if plugin is None or not manager.is_registered(plugin):
                break
            manager.unregister(plugin)
    return host

