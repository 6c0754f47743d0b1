"""Review 38: loaders, discovery and company references (own example documents, English and Thai)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.guess import is_repository_file, looks_like_okrs

YAML = "team: {team}\nperiod: 2027-Q1\nobjectives:\n  - title: Riders come back every week\n    key_results:\n      - Raise repeat rides from 30% to 45%\n"


def check(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout), result.stderr


# --- 1. repository file names are matched whole, and never drop OKRs silently ---------------------------
def test_team_files_named_like_repository_files_are_read(tmp_path):
    for name in ("security-operations.yaml", "history-faculty.yaml", "package-delivery.yaml", "notice-team.yaml"):
        (tmp_path / name).write_text(YAML.format(team=name.split(".")[0]), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "objectives": []}\n', encoding="utf-8")
    code, report, err = check(tmp_path)
    files = {row["file"].rsplit("/", 1)[-1] for row in report["objects"]}
    assert files == {"security-operations.yaml", "history-faculty.yaml", "package-delivery.yaml", "notice-team.yaml"}
    assert "reading the 4 documents" in err


def test_repository_files_are_whole_names():
    from pathlib import Path

    for name in ("README.md", "README.th.md", "SECURITY.md", "CHANGELOG", "package.json", "package-lock.json",
                 "requirements-dev.txt", ".pre-commit-config.yaml", "LICENSE.txt"):
        assert is_repository_file(Path(name)), name
    for name in ("security-compliance.yaml", "history-dept.md", "environment-team.xlsx", "changes-2027.md",
                 "requirements-okrs.md", "readme-sales.md"):
        assert not is_repository_file(Path(name)), name


def test_a_repository_file_that_reads_like_okrs_is_named_not_dropped(tmp_path):
    (tmp_path / "growth.yaml").write_text(YAML.format(team="growth"), encoding="utf-8")
    (tmp_path / "README.md").write_text("# ทีมขาย\n\nวัตถุประสงค์ที่ 1: ลูกค้ากลับมาซื้อซ้ำ\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    code, report, err = check(tmp_path)
    assert {row["file"].rsplit("/", 1)[-1] for row in report["objects"]} == {"growth.yaml"}
    assert "not read, by their names" in err and "README.md" in err and "LICENSE" not in err
    assert not looks_like_okrs(tmp_path / "README.md")
