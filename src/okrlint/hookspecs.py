"""The hooks okrlint calls. This file is the plugin reference.

A plugin is a module or object with functions named like the hooks below, marked with
``okrlint.hookimpl``. Third-party plugins register through the ``okrlint`` entry-point group::

    # pyproject.toml of your plugin
    [project.entry-points.okrlint]
    acme = "acme_okr_rules"

okrlint's own loaders, rules, vocabularies and reporters are registered through these same hooks
(see ``okrlint.plugins.DEFAULT_PLUGINS``), so anything built in can be added to or replaced.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("okrlint")
hookimpl = pluggy.HookimplMarker("okrlint")


@hookspec
def okrlint_rules():
    """Return an iterable of :class:`okrlint.rules.base.Rule` objects this plugin provides.

    Codes and names must be unique across all plugins; a clash is reported and the later rule is
    skipped. Use a code prefix of your own (e.g. ``ACM001``) to stay clear of built-in families.
    """


@hookspec
def okrlint_loaders():
    """Return an iterable of :class:`okrlint.load.Loader` objects (file patterns → load function).

    A loader's ``load(path, text_or_bytes, config)`` returns an :class:`okrlint.model.LoadResult`.
    When several loaders match a file, the one with the highest ``priority`` wins.
    """


@hookspec
def okrlint_reporters():
    """Return an iterable of :class:`okrlint.report.Reporter` objects, one per ``--format`` name.

    Give a reporter ``replayable=True`` only when its output depends on nothing but the run (no clock, no
    randomness, no environment): an unchanged run may then write its stored output instead of linting.
    """


@hookspec
def okrlint_vocabulary_paths():
    """Return paths of vocabulary YAML files (``rules/vocab/*.yaml`` layout) to merge in.

    Later files extend earlier ones; a file may also ``replace`` a whole category.
    """


@hookspec
def okrlint_rule_pack_paths():
    """Return paths of declarative YAML rule packs to load (no Python needed in the pack)."""


@hookspec
def okrlint_configure(config):
    """Adjust the effective configuration (an ``okrlint.config.Config``) before the run starts.

    Called once, after configuration files and command-line options are merged.
    """
