"""The pre-commit hook, run through the real pre-commit framework (`pre-commit try-repo`).

pre-commit builds a virtualenv and pip-installs this repository into it, which needs the build backend
from PyPI: the test skips when pre-commit or git is missing or that installation cannot be done.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

CLEAN = """team: support
objectives:
  - id: sup-o1
    title: Make every customer feel heard
    key_results:
      - Raise the share of tickets answered within 1 hour from 40% to 80%
      - Lift the satisfaction score from 3.9 to 4.5
"""

BAD = """team: support
objectives:
  - id: sup-o1
    title: Make every customer feel heard
    key_results:
      - Launch the new help centre
      - Improve support quality
"""


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "okrlint"]
    assert hook["entry"] == "okrlint check" and hook["language"] == "python"
    import re

    pattern = re.compile(hook["files"])
    for name in ("a.okr.yaml", "team/b.okr.yml", "draft.okr.md", "c.okr.txt"):
        assert pattern.search(name), name
    for name in ("pyproject.toml", "notes.md", "config.yaml"):
        assert not pattern.search(name), name
    (documents,) = [h for h in hooks if h["id"] == "okrlint-documents"]
    pattern = re.compile(documents["files"])
    for name in ("plan.okr.xlsx", "kpi.okr.csv", "team/plan.okr.docx", "published.okr.pdf"):
        assert pattern.search(name) and not re.search(hook["files"], name), name
    for name in ("budget.xlsx", "report.pdf"):
        assert not pattern.search(name), name


def _pre_commit() -> list[str] | None:
    if shutil.which("git") is None:
        return None
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def hook_run(tmp_path_factory):
    command = _pre_commit()
    if command is None:
        pytest.skip("pre-commit or git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("the okrlint source tree is not a git repository")
    work = tmp_path_factory.mktemp("precommit")
    repo = work / "okrs"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(work / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    env.pop("PYTHONPATH", None)  # the hook must run the okrlint pre-commit installed, not this tree
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "clean.okr.yaml").write_text(CLEAN)
    (repo / "bad.okr.yaml").write_text(BAD)
    (repo / "notes.md").write_text("not an OKR file\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def run(*files: str) -> subprocess.CompletedProcess:
        args = [*command, "try-repo", str(ROOT), "okrlint", "--verbose", "--files", *files]
        return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    first = run("clean.okr.yaml")
    output = first.stdout + first.stderr
    if first.returncode != 0 and ("CalledProcessError" in output or "An unexpected error" in output):
        pytest.skip(f"pre-commit could not install the hook environment: {output[-500:]}")
    return first, run


def test_clean_file_passes(hook_run):
    first, _ = hook_run
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Passed" in first.stdout


def test_bad_file_fails_with_findings(hook_run):
    _, run = hook_run
    result = run("bad.okr.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "bad.okr.yaml:6:" in result.stdout and "kr-is-activity" in result.stdout


def test_other_files_are_not_passed(hook_run):
    _, run = hook_run
    result = run("notes.md")
    assert result.returncode == 0
    assert "no files to check" in result.stdout.lower()
