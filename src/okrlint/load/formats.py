"""okrlint's built-in file formats, declared through the ``okrlint_loaders`` hook like any plugin's.

Each loader's module is imported the first time a file of its format is read: a run over YAML files never
imports the Markdown, spreadsheet or Word readers (and their libraries), which keeps pre-commit start-up short.
"""

from __future__ import annotations

import importlib

import attrs

from okrlint.hookspecs import hookimpl
from okrlint.load import Loader

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_TABLE_SUFFIXES = (".csv", ".tsv")
SPREADSHEET_SUFFIXES = WORKBOOK_SUFFIXES + TEXT_TABLE_SUFFIXES


@attrs.frozen
class LoadOnFirstUse:
    """``module.function``, imported when first called (plain data, so it also crosses to worker processes)."""

    module: str
    function: str

    def __call__(self, filename: str, data: bytes, options):
        return getattr(importlib.import_module(self.module), self.function)(filename, data, options)


@hookimpl
def okrlint_loaders():
    return [
        Loader(name="yaml", load=LoadOnFirstUse("okrlint.load.yaml_loader", "load_yaml_file"),
               discover=("*.okr.yaml", "*.okr.yml"), suffixes=(".yaml", ".yml"), priority=10),
        Loader(name="draft", load=LoadOnFirstUse("okrlint.load.draft", "load_draft_file"),
               discover=("*.okr.md", "*.okr.markdown", "*.okr.txt"), suffixes=(".md", ".markdown", ".txt"), priority=5),
        Loader(name="spreadsheet", load=LoadOnFirstUse("okrlint.load.spreadsheet", "load_spreadsheet"),
               discover=tuple(f"*.okr{suffix}" for suffix in SPREADSHEET_SUFFIXES), suffixes=SPREADSHEET_SUFFIXES,
               priority=10),
        Loader(name="docx", load=LoadOnFirstUse("okrlint.load.docx", "load_docx"),
               discover=("*.okr.docx",), suffixes=(".docx",), priority=10),
        Loader(name="pdf", load=LoadOnFirstUse("okrlint.load.pdf", "load_pdf"),
               discover=("*.okr.pdf",), suffixes=(".pdf",), priority=10),
        Loader(name="odt", load=LoadOnFirstUse("okrlint.load.opendocument", "load_odt"),
               discover=("*.okr.odt",), suffixes=(".odt",), priority=10),
        Loader(name="pptx", load=LoadOnFirstUse("okrlint.load.slides", "load_pptx"),
               discover=("*.okr.pptx",), suffixes=(".pptx",), priority=10),
        Loader(name="webpage", load=LoadOnFirstUse("okrlint.load.webpage", "load_webpage"),
               discover=("*.okr.html", "*.okr.htm"), suffixes=(".html", ".htm", ".xhtml"), priority=10),
    ]


@hookimpl
def okrlint_rules():
    from okrlint.rules import formulas

    return formulas.RULES
