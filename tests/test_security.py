"""Security properties (issue 7, point 5; docs/security.md): OKR files and rule packs are data, never code;
reports escape what they show; paths in reports do not reach outside what the user named."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint import __version__
from okrlint.cli import main
from okrlint.engine import Engine
from okrlint.report import ReportContext

SRC = Path(__file__).resolve().parents[1] / "src"
HOSTILE = "\"'><x-evil onerror=alert(1)>&amp;</textarea><script>alert(2)</script>"


UNSAFE_CALLS = {"eval", "exec", "compile", "load", "load_all", "unsafe_load", "unsafe_load_all", "full_load",
                "full_load_all"}
UNSAFE_MODULES = {"pickle", "shelve", "dill", "cloudpickle", "jsonpickle"}  # loading them can run code
SAFE_LOADERS = {"SafeLoader", "CSafeLoader"}


# attrs' own generated source for okrlint's classes, compiled and kept in the private per-user folder
# (docs/security.md); never text from input.
CODE_FROM_ATTRS_ONLY = {"attrs_methods.py"}


def test_no_unsafe_loading_or_code_execution_in_okrlint():
    """Only the safe YAML loaders are used, and nothing evaluates or unpickles input (checked on the AST)."""
    import ast

    offenders = []
    for path in sorted((SRC / "okrlint").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(SRC)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
                if name in ("eval", "exec", "compile") and not owner and path.name not in CODE_FROM_ATTRS_ONLY:
                    offenders.append(f"{where}: {name}()")
                if owner == "yaml" and name in UNSAFE_CALLS:
                    offenders.append(f"{where}: yaml.{name}()")
                for keyword in node.keywords:
                    if keyword.arg == "Loader":
                        loader = getattr(keyword.value, "id", None) or getattr(keyword.value, "attr", None)
                        if loader not in SAFE_LOADERS:
                            offenders.append(f"{where}: Loader={loader}")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(m.split(".")[0] in UNSAFE_MODULES for m in modules):
                    offenders.append(f"{where}: import {modules}")
    assert not offenders, offenders


@pytest.mark.parametrize("payload", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
])
def test_python_tags_in_okr_files_and_rule_packs_never_run(tmp_path, monkeypatch, payload):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "ran"
    payload = payload.format(marker=marker)
    (tmp_path / "evil.okr.yaml").write_text(f"team: evil\nobjectives:\n  - title: {payload}\n")
    (tmp_path / "pack.yaml").write_text(f"rules:\n  - {payload}\n")
    (tmp_path / "okrlint.toml").write_text('rule-packs = ["pack.yaml"]\n')
    (tmp_path / "words.yaml").write_text(f"clarity: {payload}\n")

    result = CliRunner().invoke(main, ["check", "evil.okr.yaml", "--isolated"])
    assert result.exit_code == 2 and re.search(r"^evil\.okr\.yaml:3:\d+: error: .*not allowed", result.stderr, re.M)
    result = CliRunner().invoke(main, ["check", "evil.okr.yaml"])
    assert result.exit_code == 2 and "Traceback" not in result.output  # the pack is a configuration error
    (tmp_path / "okrlint.toml").write_text('vocabulary = ["words.yaml"]\n')
    result = CliRunner().invoke(main, ["check", "evil.okr.yaml"])
    assert result.exit_code == 2 and "Traceback" not in result.output and "words.yaml" in result.stderr
    assert not marker.exists()


# --- reports escape what they show --------------------------------------------------------------------

@pytest.fixture
def hostile_result(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "x'><x-evil>.okr.yaml" if os.name != "nt" else "evil.okr.yaml"
    (tmp_path / name).write_text(
        f"""team: '{HOSTILE.replace("'", "''")}'
level: company
period: '{HOSTILE.replace("'", "''")}'
owner: '{HOSTILE.replace("'", "''")}'
objectives:
  - id: '{HOSTILE.replace("'", "''")}'
    title: 'Improve {HOSTILE.replace("'", "''")}'
    description: '{HOSTILE.replace("'", "''")}'
    aligns_to: ['{HOSTILE.replace("'", "''")}']
    '{HOSTILE.replace("'", "''")}': extra
    key_results:
      - id: 'kr-{HOSTILE.replace("'", "''")}'
        title: 'Hold {HOSTILE.replace("'", "''")} TBD'
        depends_on: ['{HOSTILE.replace("'", "''")}']
        owner: '{HOSTILE.replace("'", "''")}'
""",
        encoding="utf-8",
    )
    return Engine().run([name], jobs=1)


def _render(result, name: str) -> str:
    from okrlint.report.builtin import okrlint_reporters

    reporters = {r.name: r for r in okrlint_reporters()}
    return reporters[name].render(ReportContext(result=result, version=__version__))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def test_html_escapes_every_field(hostile_result):
    assert hostile_result.findings, "the hostile set should give findings whose messages quote it"
    html = _render(hostile_result, "html")
    assert HOSTILE not in html and "<x-evil" not in html and "<script" not in html
    parser = _Tags()
    parser.feed(html)
    assert "x-evil" not in parser.tags and "script" not in parser.tags
    assert not {a for a in parser.attributes if a.startswith("on")}


def test_markdown_junit_and_sarif_stay_well_formed(hostile_result):
    markdown = _render(hostile_result, "markdown")
    assert "<x-evil" not in markdown and "<script" not in markdown
    ET.fromstring(_render(hostile_result, "junit"))  # parses: everything was escaped
    sarif = json.loads(_render(hostile_result, "sarif"))
    assert sarif["version"] == "2.1.0"
    json.loads(_render(hostile_result, "json"))


# --- paths --------------------------------------------------------------------------------------------

def _files_in_report(stdout: str) -> set[str]:
    report = json.loads(stdout)
    return {row["file"] for row in report["objects"]} | {row["file"] for row in report["findings"]}


def test_paths_are_relative_under_the_working_directory_and_as_given_outside(tmp_path, monkeypatch):
    work = tmp_path / "work"
    outside = tmp_path / "outside"
    (work / "okrs").mkdir(parents=True)
    outside.mkdir()
    (work / "okrs" / "a.okr.yaml").write_text("team: a\nobjectives:\n  - title: Improve things\n")
    (outside / "b.okr.yaml").write_text("team: b\nobjectives:\n  - title: Improve stuff\n")
    monkeypatch.chdir(work)
    absolute_inside = str(work / "okrs" / "a.okr.yaml")
    result = CliRunner().invoke(main, ["check", absolute_inside, "../outside/b.okr.yaml", "--isolated", "--format", "json"])
    assert _files_in_report(result.stdout) == {"okrs/a.okr.yaml", "../outside/b.okr.yaml"}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_directory_walks_do_not_follow_links_out_of_the_root(tmp_path, monkeypatch):
    root = tmp_path / "okrs"
    secret = tmp_path / "private"
    root.mkdir()
    secret.mkdir()
    (root / "own.okr.yaml").write_text("team: own\nobjectives:\n  - title: Improve things\n")
    (secret / "hidden.okr.yaml").write_text("team: hidden\nobjectives:\n  - title: Secret plan\n")
    (root / "inner").mkdir()
    (root / "inner" / "real.okr.yaml").write_text("team: inner\nobjectives:\n  - title: Improve more\n")
    os.symlink(secret / "hidden.okr.yaml", root / "link.okr.yaml")  # a file link leading out
    os.symlink(secret, root / "private-dir")  # a directory link leading out
    os.symlink(root / "inner" / "real.okr.yaml", root / "alias.okr.yaml")  # a link that stays inside
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "okrs", "--isolated", "--format", "json"])
    files = _files_in_report(result.stdout)
    # the link that stays inside is the same file as inner/real.okr.yaml: read once, under either name
    assert len(files) == 2 and "okrs/own.okr.yaml" in files
    assert files & {"okrs/inner/real.okr.yaml", "okrs/alias.okr.yaml"}
    assert "Secret plan" not in result.stdout and "hidden" not in result.stdout
    assert "okrs/link.okr.yaml: skipped: a symbolic link that leads outside okrs" in result.stderr
    # named explicitly, a link is the user's choice and is read
    result = CliRunner().invoke(main, ["check", "okrs/link.okr.yaml", "--isolated", "--format", "json"])
    assert _files_in_report(result.stdout) == {"okrs/link.okr.yaml"}
