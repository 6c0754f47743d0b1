"""Reporters: one per ``--format``. Human formats are Jinja templates; machine formats small functions.

Reporters are registered through the ``okrlint_reporters`` hook, built-in ones included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs


@attrs.frozen
class ReportContext:
    """What a reporter gets: the run's result plus presentation settings."""

    result: Any  # okrlint.engine.RunResult
    color: bool = False
    template_dir: str | None = None
    version: str = ""
    show_source: bool = False
    language: str = "en"  # of the report's own words (summary lines): "th" when every set's findings are Thai


@attrs.frozen
class Reporter:
    name: str
    render: Callable[[ReportContext], str] = attrs.field(eq=False)
    description: str = ""
    extension: str = ".txt"
    # Optional: the same report as an iterable of text pieces, written as they come (large orgs).
    stream: Callable[[ReportContext], Iterable[str]] | None = attrs.field(default=None, eq=False)
    # True when the report depends on nothing but the run (no clock, no randomness): an unchanged run
    # may then replay it from the cache instead of linting again.
    replayable: bool = False
