"""Review 32 (a company's shared drive): versions of one plan in one folder, archive and template folders, the
`exclude` option, and the JSON report's list of files not read."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.engine import is_archive_folder, version_key

DRAFT = "# {team}\n\nObjective 1: Shops get paid the day they sell\n- Cut payout time from 3 days to 1 day\n"
YAML = "team: {team}\nobjectives:\n  - title: Riders come back\n    key_results:\n      - Raise repeat rides from 30% to 45%\n"


def check(*args, cwd=None):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--isolated", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout), result.stderr


def read_files(report):
    return sorted({row["file"].rsplit("/", 1)[-1] for row in report["objects"]})


def write(path, text, mtime=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))


@pytest.mark.parametrize("older, newer", [
    ("OKR Q1 2570 v1.md", "OKR Q1 2570 v2 (final).md"),
    ("Copy of OKR Q1 2570 final.md", "OKR Q1 2570 final.md"),
    ("plan (1).md", "plan.md"),
    ("plan - Copy.md", "plan.md"),
    ("plan_old.md", "plan.md"),
    ("แผน ฉบับร่าง.md", "แผน ฉบับสมบูรณ์.md"),
    ("plan v2.md", "plan v10.md"),
])
def test_only_the_latest_version_in_a_folder_is_read(tmp_path, older, newer):
    # the older one is written last (newer modification time): the name decides before the time does
    write(tmp_path / newer, DRAFT.format(team="Payments"), mtime=1_000_000)
    write(tmp_path / older, DRAFT.format(team="Payments"), mtime=2_000_000)
    code, report, err = check(tmp_path)
    assert read_files(report) == [newer]
    assert f"older versions not read (→ the version read): {older} → {newer}; name a file on the command line to lint it" in err
    assert {"file": f"{tmp_path.as_posix()}/{older}", "reason": f"an older version or a copy of {tmp_path.as_posix()}/{newer}"} \
        in [dict(row, file=row["file"]) for row in report["skipped"]] or any(
            row["file"].endswith(older) and "older version" in row["reason"] for row in report["skipped"])
    assert not any(f["code"] == "STR011" for f in report["findings"])


def test_without_version_words_the_newest_file_is_read(tmp_path):
    write(tmp_path / "แผน ฉบับร่าง.md", DRAFT.format(team="Payments"), mtime=2_000_000)
    write(tmp_path / "แผน ฉบับแก้ไข.md", DRAFT.format(team="Payments"), mtime=3_000_000)
    _, report, err = check(tmp_path)
    assert read_files(report) == ["แผน ฉบับแก้ไข.md"]
    assert err.count("older versions not read") == 1


def test_plans_of_different_periods_or_teams_are_not_versions(tmp_path):
    write(tmp_path / "Sales Q1 2027.md", DRAFT.format(team="Sales"))
    write(tmp_path / "Sales Q2 2027.md", DRAFT.format(team="Sales"))
    write(tmp_path / "Old Town.md", DRAFT.format(team="Old Town"))
    write(tmp_path / "Town.md", DRAFT.format(team="Town"))
    _, report, err = check(tmp_path)
    assert read_files(report) == ["Old Town.md", "Sales Q1 2027.md", "Sales Q2 2027.md", "Town.md"]
    assert "older versions" not in err


def test_versions_in_different_folders_or_formats_are_all_read(tmp_path):
    write(tmp_path / "a" / "plan v1.md", DRAFT.format(team="A"))
    write(tmp_path / "b" / "plan v2.md", DRAFT.format(team="B"))
    write(tmp_path / "b" / "plan v1.txt", DRAFT.format(team="B2"))
    _, report, err = check(tmp_path)
    assert read_files(report) == ["plan v1.md", "plan v1.txt", "plan v2.md"]
    assert "older versions" not in err


def test_a_file_named_on_the_command_line_is_always_read(tmp_path):
    write(tmp_path / "plan v1.md", DRAFT.format(team="Payments"))
    write(tmp_path / "plan v2.md", DRAFT.format(team="Payments"))
    _, report, err = check(tmp_path / "plan v1.md")
    assert read_files(report) == ["plan v1.md"]
    _, report, err = check(tmp_path, tmp_path / "plan v1.md")
    assert read_files(report) == ["plan v1.md", "plan v2.md"]
    assert "older versions" not in err


def test_versions_of_okr_named_files(tmp_path):
    write(tmp_path / "growth.okr.yaml", YAML.format(team="growth"), mtime=1_000_000)
    write(tmp_path / "growth v2.okr.yaml", YAML.format(team="growth"), mtime=1_000_000)
    _, report, _ = check(tmp_path)
    assert read_files(report) == ["growth v2.okr.yaml"]


def test_version_key():
    assert version_key("OKR Q1 2570 v1.docx") == version_key("OKR Q1 2570 v2 (final).docx")
    assert version_key("Copy of OKR Q1 2570 final.xlsx") == version_key("OKR Q1 2570 final.xlsx")
    assert version_key("plan version 3.md") == version_key("plan.md")
    assert version_key("plan.md") != version_key("plan.docx")
    assert version_key("OKR Q1.md") != version_key("OKR Q2.md")


@pytest.mark.parametrize("name", ["Archive", "Archived", "archives", "Old", "_old", "Backup", "Old versions",
                                  "Archive 2569", "Archive (Q4 2569)", "00_Archive", "เก่า", "ย้อนหลัง", "สำรอง",
                                  "เอกสารเก่า", "Templates", "Template", "แม่แบบ", "ตัวอย่าง"])
def test_archive_folder_names(name):
    assert is_archive_folder(name)


@pytest.mark.parametrize("name", ["Old Town", "Goldfish", "examples", "Drafts", "history", "Company", "Policies นโยบาย",
                                  "Archive team", "กองคลัง"])
def test_folders_that_are_not_archives(name):
    assert not is_archive_folder(name)


def drive(tmp_path):
    root = tmp_path / "Drive"
    write(root / "Company" / "company.md", DRAFT.format(team="Company"))
    write(root / "Archive" / "Q4 2569" / "company.md", DRAFT.format(team="Company"))
    write(root / "Templates" / "form.md", DRAFT.format(team="Form"))
    write(root / "Sales" / "เก่า" / "sales.md", DRAFT.format(team="Sales"))
    write(root / "Sales" / "sales.md", DRAFT.format(team="Sales"))
    return root


def test_archive_and_template_folders_are_not_walked(tmp_path):
    root = drive(tmp_path)
    _, report, err = check(root)
    files = sorted(row["file"][len(root.as_posix()) + 1:] for row in report["objects"] if row["kind"] == "objective")
    assert files == ["Company/company.md", "Sales/sales.md"]
    assert err.count("archive and template folders not read") == 1
    assert "Drive/Archive, " in err and "Drive/Sales/เก่า" in err and "skip-archives = false" in err
    reasons = {row["file"][len(root.as_posix()) + 1:]: row["reason"] for row in report["skipped"]}
    assert reasons["Archive/"].startswith("an archive")
    # the folder given is always walked
    _, report, err = check(root / "Archive")
    assert len(read_files(report)) == 1 and "archive and template" not in err


def test_skip_archives_false_reads_them(tmp_path):
    root = drive(tmp_path)
    (tmp_path / "okrlint.toml").write_text("skip-archives = false\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--config", str(tmp_path / "okrlint.toml"),
                                       "--format", "json", str(root)])
    report = json.loads(result.stdout)
    assert len({row["file"] for row in report["objects"]}) == 5
    assert "archive and template folders" not in result.stderr


def test_exclude_in_the_configuration_and_on_the_command_line(tmp_path):
    root = drive(tmp_path)
    (tmp_path / "okrlint.toml").write_text('exclude = ["Sales"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--config", str(tmp_path / "okrlint.toml"),
                                       "--format", "json", str(root)])
    report = json.loads(result.stdout)
    assert read_files(report) == ["company.md"]
    assert {"file": f"{root.as_posix()}/Sales", "reason": "excluded by the configuration ('Sales')"} in report["skipped"]
    _, report, _ = check("--exclude", "*/Company/*.md,nothing", root)
    assert read_files(report) == ["sales.md"]
    # a file named on the command line is read even when excluded
    _, report, _ = check("--exclude", "*.md", root / "Company" / "company.md")
    assert read_files(report) == ["company.md"]


def test_exclude_is_shown_by_okrlint_config(tmp_path):
    (tmp_path / "okrlint.toml").write_text('exclude = ["Old plans/*"]\nskip-archives = true\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["config", "--config", str(tmp_path / "okrlint.toml")])
    assert 'exclude = ["Old plans/*"]' in result.stdout and "skip-archives = true" in result.stdout
    (tmp_path / "bad.toml").write_text('skip-archives = "no"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "bad.toml"), str(tmp_path)])
    assert result.exit_code == 2 and "skip-archives" in result.output


def test_json_lists_unreadable_formats_and_documents_without_okrs(tmp_path):
    write(tmp_path / "plan.md", DRAFT.format(team="Payments"))
    (tmp_path / "plan.pages").write_bytes(b"PK\x03\x04")
    write(tmp_path / "minutes.txt", "Objective: talk\nWe talked about lunch.\n")
    _, report, _ = check(tmp_path)
    reasons = {row["file"].rsplit("/", 1)[-1]: row["reason"] for row in report["skipped"]}
    assert reasons["plan.pages"] == "a format okrlint cannot read (.pages)"
    # existing fields unchanged
    assert set(report) >= {"okrlint_version", "findings", "objects", "summary", "skipped"}


def test_no_skipped_key_when_nothing_is_skipped(tmp_path):
    write(tmp_path / "plan.md", DRAFT.format(team="Payments"))
    _, report, _ = check(tmp_path)
    assert "skipped" not in report
