"""The effective configuration of a run: defaults, then configuration files, then the command line."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from okrlint.model import Severity


@attrs.define
class Config:
    select: list[str] | None = None  # None: every rule
    extend_select: list[str] = attrs.field(factory=list)
    ignore: list[str] = attrs.field(factory=list)
    # The command line's --select, --extend-select and --ignore: applied after the configuration files' (as ruff
    # does), so that a rule a file ignores can be brought back for one run (engine.selected_rules)
    cli_select: list[str] | None = None
    cli_extend_select: list[str] = attrs.field(factory=list)
    cli_ignore: list[str] = attrs.field(factory=list)
    per_file_ignores: dict[str, list[str]] = attrs.field(factory=dict)  # glob -> selectors
    severity: dict[str, str] = attrs.field(factory=dict)  # rule code or name -> error|warning|info
    rule_options: dict[str, dict[str, Any]] = attrs.field(factory=dict)  # rule name -> options
    fail_level: Severity = Severity.WARNING
    language: str | None = None
    messages: str = "auto"  # language of finding messages: auto (Thai for Thai sets), en or th
    fiscal_year_start_month: int = 10
    rule_timeout: float = 10.0  # seconds one rule may spend on one object before it is stopped (0: no limit)
    plugins: list[str] = attrs.field(factory=list)  # local plugin modules or .py files
    rule_packs: list[str] = attrs.field(factory=list)  # declarative YAML rule packs
    vocabulary: list[str] = attrs.field(factory=list)  # extra vocabulary files
    template_dir: str | None = None
    column_mapping: dict[str, str] = attrs.field(factory=dict)  # spreadsheet header -> field
    exclude: list[str] = attrs.field(factory=list)  # globs of files and folders a folder's walk leaves out
    skip_archives: bool = True  # archive, old-version, backup and template folders are not walked
    base_dir: Path = attrs.field(factory=Path.cwd)  # where relative paths in the config are resolved
    sources: dict[str, str] = attrs.field(factory=dict)  # key -> where its value came from

    def command_line_selection(self) -> list[tuple[list[str] | None, list[str], list[str]]]:
        """The command line's selection as a layer after the configuration's: ``[(select, ignore, extend_select)]``,
        or ``[]`` when the command line selects nothing."""
        if self.cli_select or self.cli_extend_select or self.cli_ignore:
            return [(self.cli_select, self.cli_ignore, self.cli_extend_select)]
        return []

    def loader_options(self) -> Mapping[str, Any]:
        return {
            "fiscal-year-start-month": self.fiscal_year_start_month,
            "language": self.language,
            "column-mapping": self.column_mapping,
        }

    def options_for(self, rule_name: str, defaults: Mapping[str, Any]) -> dict[str, Any]:
        merged = dict(defaults)
        merged.update(self.rule_options.get(rule_name, {}))
        merged.setdefault("fiscal-year-start-month", self.fiscal_year_start_month)
        return merged
