"""Robustness review 31: unreadable paths, plugins that misbehave, bombs in rule packs, damaged or forged caches
and baselines, one-line configuration errors. Every bad input is one line and exit code 2; the other files are
still linted; a plugin never takes the run down."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

GOOD = """\
team: good
objectives:
  - title: Shop owners get their problems solved on first contact
    key_results:
      - Raise first-contact resolution for shop owners from 58% to 72%
      - Launch the new help centre
"""
GOOD_FINDING = "good.okr.yaml:6:9: warning: MEA005"  # kr-is-activity on 'Launch the new help centre'

needs_non_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                                    reason="root reads files without permission")
needs_timer = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX interval timers only")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["check", "--no-cache", "--isolated", *args], catch_exceptions=False)


def assert_one_line_error(result, path: str, says: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{path}:1:1: error: ") and says in lines[0].lower(), lines[0]


# --- 1-3: unreadable files and folders ------------------------------------------------------------------------

@needs_non_root
def test_an_unreadable_file_named_on_the_command_line_is_its_own_error_and_the_others_are_linted(workdir):
    locked = workdir / "locked.okr.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run("locked.okr.yaml", "good.okr.yaml")
    finally:
        locked.chmod(0o644)
    assert "Usage:" not in result.stderr
    assert_one_line_error(result, "locked.okr.yaml", "permission denied")
    assert GOOD_FINDING in result.stdout


@needs_non_root
def test_a_file_inside_a_folder_without_permission_is_one_input_error(workdir):
    folder = workdir / "locked"
    folder.mkdir()
    (folder / "x.okr.yaml").write_text(GOOD, encoding="utf-8")
    folder.chmod(0)
    try:
        for order in (("locked/x.okr.yaml", "good.okr.yaml"), ("good.okr.yaml", "locked/x.okr.yaml")):
            result = run(*order)
            assert_one_line_error(result, "locked/x.okr.yaml", "permission denied")
            assert GOOD_FINDING in result.stdout
    finally:
        folder.chmod(0o755)


def test_a_path_that_cannot_be_looked_at_is_one_input_error_simulated(workdir, monkeypatch):
    real_is_dir = Path.is_dir

    def is_dir(self):  # what Python 3.11-3.13 do for a path in a folder without search permission
        if "locked" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = run("locked/x.okr.yaml", "good.okr.yaml")
    assert_one_line_error(result, "locked/x.okr.yaml", "permission denied")
    assert GOOD_FINDING in result.stdout


@needs_non_root
def test_an_unreadable_folder_met_in_a_walk_is_an_input_error_naming_it(workdir):
    (workdir / "okrs").mkdir()
    (workdir / "good.okr.yaml").rename(workdir / "okrs" / "good.okr.yaml")
    locked = workdir / "okrs" / "locked"
    locked.mkdir()
    (locked / "x.okr.yaml").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run("okrs")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert "okrs/locked:1:1: error: cannot read this folder: Permission denied" in result.stderr
    assert "okrs/good.okr.yaml:6:9: warning: MEA005" in result.stdout


def test_an_unreadable_folder_met_in_a_walk_is_reported_simulated(workdir, monkeypatch):
    (workdir / "locked").mkdir()
    (workdir / "locked" / "x.okr.yaml").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(".")
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors == ["locked:1:1: error: cannot read this folder: Permission denied; the files in it are not linted"]
    assert GOOD_FINDING in result.stdout


# --- 4-5: what a plugin rule yields or raises -----------------------------------------------------------------

RULES = """\
from okrlint.hookspecs import hookimpl
from okrlint.rules.base import Violation, rule


@rule(code="ZGA001", name="bad-output", category="custom", severity="warning", scope="objective", summary="x")
def bad_output(objective, ctx):
    import os
    kind = os.environ["ZGA_KIND"]
    if kind == "str":
        yield "a string, not a violation"
    elif kind == "none":
        yield None
    elif kind == "location":
        yield Violation("bad location", location="not a location")
    elif kind == "message":
        yield Violation(12345)
    elif kind == "exit0":
        raise SystemExit(0)
    elif kind == "exit-in-org":
        raise SystemExit(3)
    elif kind == "generator-exit":
        raise GeneratorExit
    elif kind == "ctrl-c":
        raise KeyboardInterrupt
    else:
        yield Violation("fine")


@hookimpl
def okrlint_rules():
    return [bad_output]
"""


@pytest.fixture
def plugin_dir(workdir):
    (workdir / "house_rules.py").write_text(RULES, encoding="utf-8")
    (workdir / "okrlint.toml").write_text('plugins = ["house_rules.py"]\n', encoding="utf-8")
    return workdir


@pytest.mark.parametrize("kind, said", [
    ("str", "it yielded a str ('a string, not a violation') instead of a Violation"),
    ("none", "it yielded None instead of a Violation"),
    ("location", "location is a str ('not a location'), not a Location"),
    ("message", "message is a int (12345), not text"),
    ("exit0", "failed: SystemExit: 0"),
    ("generator-exit", "failed: GeneratorExit"),
])
def test_a_rule_that_yields_garbage_or_raises_a_base_exception_fails_alone(plugin_dir, monkeypatch, kind, said):
    monkeypatch.setenv("ZGA_KIND", kind)
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert result.exit_code == 1, result.output  # the findings of every other rule are still reported
    assert "internal error" not in result.output
    assert GOOD_FINDING in result.stdout
    failed = [line for line in result.stdout.splitlines() if "OKR001" in line]
    assert len(failed) == 1 and "rule ZGA001 [bad-output] from house_rules.py failed" in failed[0], result.stdout
    assert said in failed[0], failed[0]


def test_a_rule_that_raises_system_exit_never_turns_the_run_green(plugin_dir, monkeypatch):
    monkeypatch.setenv("ZGA_KIND", "exit0")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "ZGA001", "good.okr.yaml"],
                                catch_exceptions=False)
    assert result.exit_code == 1 and "OKR001" in result.stdout


def test_a_rule_that_raises_keyboard_interrupt_stops_the_run_as_ctrl_c_does(plugin_dir, monkeypatch):
    monkeypatch.setenv("ZGA_KIND", "ctrl-c")
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines()[-1] == "okrlint: interrupted"
    assert "Found" not in result.stdout and "Aborted" not in result.output


def test_good_output_of_the_same_rule_is_reported(plugin_dir, monkeypatch):
    monkeypatch.setenv("ZGA_KIND", "fine")
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert "ZGA001 [bad-output] fine" in result.stdout and "OKR001" not in result.stdout


def test_a_plugin_that_exits_at_import_is_a_plugin_problem(workdir):
    (workdir / "quits.py").write_text("raise SystemExit(0)\n", encoding="utf-8")
    (workdir / "okrlint.toml").write_text('plugins = ["quits.py"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert result.exit_code == 2 and GOOD_FINDING in result.stdout  # linted; the configured plugin did not run
    assert "okrlint: warning: plugin quits.py: cannot be loaded: SystemExit: 0" in result.stderr


# --- 6: a plugin that hangs ----------------------------------------------------------------------------------

@needs_timer
def test_a_plugin_that_hangs_at_import_is_left_out_after_the_time_limit(workdir):
    (workdir / "hangs.py").write_text("import time\ntime.sleep(60)\n", encoding="utf-8")
    (workdir / "okrlint.toml").write_text('plugins = ["hangs.py"]\nrule-timeout = 0.4\n', encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert time.monotonic() - started < 10
    assert result.exit_code == 2 and GOOD_FINDING in result.stdout  # linted; the configured plugin did not run
    assert ("okrlint: warning: plugin hangs.py: cannot be loaded: importing it timed out after 0.4 s (the limit is "
            "the 'rule-timeout' setting); the run goes on without it") in result.stderr
    import sys

    assert "okrlint_local_hangs" not in sys.modules


@needs_timer
def test_a_plugin_hook_that_hangs_is_left_out_after_the_time_limit(workdir):
    (workdir / "slow_hook.py").write_text(
        "import time\nfrom okrlint.hookspecs import hookimpl\n\n@hookimpl\ndef okrlint_rules():\n    time.sleep(60)\n",
        encoding="utf-8")
    (workdir / "okrlint.toml").write_text('plugins = ["slow_hook.py"]\nrule-timeout = 0.4\n', encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert time.monotonic() - started < 10
    assert result.exit_code == 2 and GOOD_FINDING in result.stdout  # linted; the configured plugin's rules did not run
    assert "plugin slow_hook.py: hook okrlint_rules timed out after 0.4 s; not used" in result.stderr


# --- 19: configuration errors are one line ----------------------------------------------------------------------

@pytest.mark.parametrize("config, said", [
    ("selec = ['ALL']\n", "okrlint.toml: unknown key 'selec'"),
    ("fail-level = = 1\n", "okrlint.toml:1:14: invalid TOML: Invalid value"),
    ('rule-packs = ["pack.yaml"]\n', "pack.yaml:2:35: unknown kind 'existance'"),
    ("ignore = ['kr-is-binry']\n", "kr-is-binry"),
])
def test_a_bad_configuration_is_one_line_without_clicks_usage_text(workdir, config, said):
    (workdir / "okrlint.toml").write_text(config, encoding="utf-8")
    (workdir / "pack.yaml").write_text("rules:\n- {code: ACM001, name: a-b, kind: existance, scope: objective, "
                                       "message: x}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and said in lines[0], result.stderr
    assert result.stdout == ""


def test_a_misspelled_rule_on_the_command_line_is_one_line(workdir):
    result = run("--select", "kr-is-binry", "good.okr.yaml")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "kr-is-binary" in result.stderr


def test_a_missing_config_file_is_one_line(workdir):
    result = CliRunner().invoke(main, ["check", "--config", "nope.toml", "good.okr.yaml"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["Error: nope.toml: no such configuration file"]


@pytest.mark.parametrize("kind, code", [("ctrl-c", 130), ("exit0", 1), ("str", 1)])
def test_rules_that_misbehave_in_worker_processes_never_hang_or_pass_the_run(plugin_dir, kind, code):
    import subprocess
    import sys

    for number in range(60):  # enough files for worker processes
        (plugin_dir / f"t{number:02}.okr.yaml").write_text(GOOD.replace("team: good", f"team: t{number}"),
                                                            encoding="utf-8")
    env = {**os.environ, "ZGA_KIND": kind}
    done = subprocess.run([sys.executable, "-m", "okrlint", "check", "--no-cache", "--jobs", "2", "."],
                          cwd=plugin_dir, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    if code == 1:
        assert done.stdout.count("OKR001") == 61 and "t59.okr.yaml:6:9: warning: MEA005" in done.stdout
    else:
        assert done.stderr.strip().splitlines()[-1] == "okrlint: interrupted"


# --- 7: an alias bomb in a rule pack ------------------------------------------------------------------------

def _alias_bomb(levels: int) -> str:
    lines = ["pack: bomb", "rules:", "  - code: TST011", "    name: alias-inner", "    kind: existence",
             "    scope: key_result", "    message: x", "    words: [a]", "    examples:",
             "      bad: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"      good{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [7, 9])
def test_an_alias_bomb_in_a_rule_pack_is_refused_quickly_with_its_line(workdir, levels):
    (workdir / "pack.yaml").write_text(_alias_bomb(levels), encoding="utf-8")
    (workdir / "okrlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert time.monotonic() - started < 20
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "pack.yaml:" in lines[0], result.stderr
    assert lines[0].endswith(": document expands to too many values (a YAML alias bomb?)")


def test_a_pack_with_a_few_aliases_still_loads(workdir):
    (workdir / "pack.yaml").write_text(
        "rules:\n  - code: ACM001\n    name: no-synergy\n    kind: existence\n    scope: key_result\n"
        "    message: \"'{match}' is a buzzword\"\n    words: &buzz [synergy]\n"
        "  - code: ACM002\n    name: no-synergy-objective\n    kind: existence\n    scope: objective\n"
        "    message: \"'{match}' is a buzzword\"\n    words: *buzz\n", encoding="utf-8")
    (workdir / "okrlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    (workdir / "good.okr.yaml").write_text(GOOD.replace("Launch the new", "Launch the synergy"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "good.okr.yaml"], catch_exceptions=False)
    assert "ACM001 [no-synergy] 'synergy' is a buzzword" in result.stdout


# --- 15-17: damaged and forged caches, deep baselines ------------------------------------------------------

BAD_SET = GOOD.replace("team: good", "team: other")


@pytest.fixture
def cached_org(workdir):
    (workdir / "okrs").mkdir()
    (workdir / "good.okr.yaml").rename(workdir / "okrs" / "good.okr.yaml")
    (workdir / "okrs" / "other.okr.yaml").write_text(BAD_SET, encoding="utf-8")
    return workdir


def cached_run(*args):
    return CliRunner().invoke(main, ["check", "--isolated", "--cache-dir", ".okrlint_cache", *args],
                              catch_exceptions=False)


def test_a_replay_nested_100000_deep_is_a_miss_and_is_rewritten(cached_org):
    first = cached_run("okrs")
    (meta,) = (cached_org / ".okrlint_cache").rglob("runs/*/run.json")
    meta.write_text("[" * 100_000, encoding="utf-8")
    again = cached_run("okrs")
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, first.stderr)
    assert meta.read_text(encoding="utf-8").startswith("{")  # stored again


def test_per_file_and_org_entries_nested_deep_are_misses(cached_org):
    first = cached_run("okrs")
    entries = [p for p in (cached_org / ".okrlint_cache").rglob("*.json") if "runs" not in p.parts]
    assert entries
    for entry in entries:
        entry.write_text("[" * 100_000, encoding="utf-8")
    again = cached_run("okrs", "--format", "json")  # another report: not a replay, the entries are read
    assert again.exit_code == first.exit_code and "internal error" not in again.output
    assert all(not p.read_text(encoding="utf-8").startswith("[[") for p in entries)  # rewritten


def test_a_forged_replay_is_ignored(cached_org):
    first = cached_run("okrs")
    assert first.exit_code == 1
    (meta,) = (cached_org / ".okrlint_cache").rglob("runs/*/run.json")
    import json

    stored = json.loads(meta.read_text(encoding="utf-8"))
    stored.update(exit=0, stderr="")
    meta.write_text(json.dumps(stored), encoding="utf-8")
    (meta.parent / "0").write_text("All checks passed! \x1b[31m forged\n", encoding="utf-8")
    again = cached_run("okrs")
    assert again.exit_code == 1 and "forged" not in again.output and again.stdout == first.stdout


def test_a_replay_sealed_with_another_key_is_ignored(cached_org, monkeypatch):
    """A cache committed to a repository by someone whose okrlint sealed a forged report with their own key."""
    import hashlib
    import json

    from okrlint import cache, replay

    truth = cached_run("okrs", "--no-cache")
    monkeypatch.setattr(cache, "_secret", b"x" * 32)  # the other user's key
    cached_run("okrs")
    (meta,) = (cached_org / ".okrlint_cache").rglob("runs/*/run.json")
    forged = b"All checks passed!\n"
    (meta.parent / "0").write_bytes(forged)
    stored = json.loads(meta.read_text(encoding="utf-8"))
    stored.update(exit=0, stderr="")
    stored["mac"] = replay._seal_of(meta.parent.name, 0, "", stored["targets"], [hashlib.sha256(forged).hexdigest()])
    meta.write_text(json.dumps(stored), encoding="utf-8")
    assert cached_run("okrs").stdout == "All checks passed!\n"  # the other user's own okrlint accepts it ...
    monkeypatch.setattr(cache, "_secret", None)
    mine = cached_run("okrs")  # ... this user's does not, nor the per-file entries sealed with the other key
    assert (mine.exit_code, mine.stdout) == (truth.exit_code, truth.stdout) == (1, truth.stdout)


def test_forged_per_file_entries_are_misses(cached_org):
    import json

    first = cached_run("okrs", "--format", "json")
    assert json.loads(first.stdout)["findings"]
    for entry in (cached_org / ".okrlint_cache").rglob("*.json"):
        if "runs" in entry.parts:
            continue
        mac, _, payload = entry.read_bytes().partition(b"\n")
        value = json.loads(payload)
        if entry.parent.name == "org":
            value = []
        else:
            value[2] = []  # no findings
        entry.write_bytes(mac + b"\n" + json.dumps(value).encode())  # the old seal no longer fits
    for meta in (cached_org / ".okrlint_cache").rglob("run.json"):
        meta.unlink()
    again = cached_run("okrs", "--format", "json")
    assert again.exit_code == 1 and json.loads(again.stdout)["findings"] == json.loads(first.stdout)["findings"]


def test_the_cache_key_is_private_and_kept(tmp_path, monkeypatch):
    from okrlint import cache
    from okrlint.text import segment

    monkeypatch.setattr(segment, "_private_dir", tmp_path)
    monkeypatch.setattr(cache, "_secret", None)
    key = cache.secret_key()
    path = tmp_path / "cache-key"
    assert len(key) == 32 and path.read_bytes() == key and path.stat().st_mode & 0o077 == 0
    monkeypatch.setattr(cache, "_secret", None)
    assert cache.secret_key() == key  # the same key in the next run
    path.chmod(0o644)  # readable by others: not a secret any more
    monkeypatch.setattr(cache, "_secret", None)
    assert cache.secret_key() != key and path.stat().st_mode & 0o077 == 0


def test_a_baseline_nested_100000_deep_is_the_usual_one_line_error(workdir):
    (workdir / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    result = run("--baseline", "deep.json", "good.okr.yaml")
    assert result.exit_code == 2 and "internal error" not in result.output
    assert result.stderr.splitlines() == ["Error: deep.json:1: not a JSON baseline file: nested too deeply"]
