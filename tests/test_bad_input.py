"""Nothing a user feeds okrlint may crash it or make it hang (issue 7, point 3).

Every bad input goes through the real command line next to a good file, and must give exit code 2,
a one-line ``file:line:col: error: message`` on stderr naming the bad file, no traceback, and a
report in which the good file was still linted.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

SRC = Path(__file__).resolve().parents[1] / "src"

GOOD = """team: good
period: 2026-Q1
objectives:
  - id: good-o1
    title: Customers get answers faster
    key_results:
      - Reduce median first response time from 10 hours to 2 hours
      - Increase CSAT from 70% to 85%
"""
THAI_SET = """team: thai
objectives:
  - title: ลูกค้าได้รับคำตอบเร็วขึ้น
    key_results:
      - ลดเวลาตอบกลับครั้งแรกจาก 10 ชั่วโมง เป็น 2 ชั่วโมง
      - เพิ่มความพึงพอใจของลูกค้าจาก 70% เป็น 85%
"""
DRAFT = """Objective: Customers get answers faster
Key results:
1. Reduce median first response time from 10 hours to 2 hours
2. Increase CSAT from 70% to 85%
"""
THAI_DRAFT = """วัตถุประสงค์: ลูกค้าได้รับคำตอบเร็วขึ้น
ผลลัพธ์หลัก:
1. ลดเวลาตอบกลับครั้งแรกจาก 10 ชั่วโมง เป็น 2 ชั่วโมง
2. เพิ่มความพึงพอใจของลูกค้าจาก 70% เป็น 85%
"""

ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}' if prev else 'lol'] * 10)}]\n"
    for prev, name in zip([""] + list("abcdefgh"), "abcdefghi")
) + "team: bomb\nobjectives: []\n"


# --- helpers ------------------------------------------------------------------------------------------

@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def lint(*names: str, extra: tuple[str, ...] = ("--isolated",)):
    return CliRunner().invoke(main, ["check", *names, "good.okr.yaml", "--format", "json", *extra])


def error_line_for(stderr: str, name: str) -> re.Match:
    """The one stderr line about ``name``: ``name:line:col: error: message`` (a sheet cell for workbooks)."""
    pattern = re.compile(rf"^{re.escape(name)}:(?:(\d+):(\d+)|[^!\n]+![A-Z]+(\d+)): error: (\S.*)$", re.MULTILINE)
    match = pattern.search(stderr)
    assert match, f"no one-line error for {name} in:\n{stderr}"
    return match


def assert_input_error(result, name: str, *, line: int | None = None, says: str = "") -> str:
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    match = error_line_for(result.stderr, name)
    if line is not None:
        assert int(match.group(1) or match.group(3)) == line, match.group(0)
    assert says.lower() in match.group(4).lower(), match.group(0)
    assert_good_file_linted(result.stdout)
    return match.group(4)


def assert_good_file_linted(stdout: str) -> dict:
    report = json.loads(stdout)
    assert any(obj["file"] == "good.okr.yaml" for obj in report["objects"]), "the good file was not linted"
    return report


def assert_read(result, name: str) -> dict:
    """The file is read as an OKR set: no input error, exit 0 or 1, its objects in the report."""
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code in (0, 1), result.stderr
    assert "error:" not in result.stderr, result.stderr
    report = assert_good_file_linted(result.stdout)
    assert any(obj["file"] == name for obj in report["objects"]), f"{name} was not read"
    return report


# --- YAML: structure ----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, line, says", [
    ("team: x\nobjectives: [\n  - title: a\n", 3, "invalid YAML"),
    ("team: x\nobjectives:\n  - title: 'unterminated\n", 3, "the quoted text that starts here is never closed"),
    ("- a\n- b\n", 1, "not a list"),
    ("just a sentence\n", 1, "not a single value"),
    ("42\n", 1, "not a single value"),
    ("team: a\nteam: b\nobjectives: []\n", 2, "duplicate key 'team'"),
    ("team: a\nobjectives:\n  - title: A\n    title: B\n", 4, "duplicate key 'title'"),
    ("team: a\nobjectives:\n\t- title: x\n", 3, "tab character"),
    ("", 1, "empty file"),
    ("\n   \n# only a comment\n", 1, "empty file"),
    ("team: a\nobjectives: 7\n", 2, "'objectives' must be a list"),
    ("team: a\nobjectives:\n  - title: A\n    key_results: {a: 1}\n", 4, "'key_results' must be a list"),
    ("team: a\nobjectives:\n  - [1, 2]\n", 3, "an objective must be a mapping"),
    ("team: a\nobjectives:\n  - title: A\n    key_results:\n      - [x]\n", 5, "a key result must be a mapping"),
])
def test_malformed_yaml(workdir, body, line, says):
    (workdir / "bad.okr.yaml").write_text(body, encoding="utf-8")
    assert_input_error(lint("bad.okr.yaml"), "bad.okr.yaml", line=line, says=says)


SET_FIELDS = ["team", "level", "period", "owner", "language"]
OBJECTIVE_FIELDS = ["id", "title", "description", "owner", "type", "aligns_to"]
KEY_RESULT_FIELDS = ["id", "title", "baseline", "target", "unit", "due", "owner", "depends_on", "score", "confidence"]


def _with_field(level: str, field: str, value: str) -> tuple[str, int]:
    """A valid set with ``field`` given ``value`` at ``level``; and the line the value stands on."""
    if level == "set":
        return f"team: typed\n{field}: {value}\nobjectives: []\n" if field != "team" else f"team: {value}\n", 1 if field == "team" else 2
    if level == "objective":
        return f"team: typed\nobjectives:\n  - title: Customers stay\n    {field}: {value}\n", 4
    return (f"team: typed\nobjectives:\n  - title: Customers stay\n    key_results:\n"
            f"      - title: Keep churn at 2%\n        {field}: {value}\n"), 6


@pytest.mark.parametrize("level, field", [("set", f) for f in SET_FIELDS]
                         + [("objective", f) for f in OBJECTIVE_FIELDS]
                         + [("key_result", f) for f in KEY_RESULT_FIELDS])
@pytest.mark.parametrize("value", ["[a, b]", "{a: 1}"])
def test_every_field_with_a_list_or_mapping_is_an_input_error(workdir, level, field, value):
    if field in ("aligns_to", "depends_on", "owner") and value.startswith("["):
        value = "[[a], {b: 1}]"  # a list is right for references and owners; lists inside it are not
    body, line = _with_field(level, field, value)
    (workdir / "typed.okr.yaml").write_text(body, encoding="utf-8")
    message = assert_input_error(lint("typed.okr.yaml"), "typed.okr.yaml", line=line)
    assert f"'{field}'" in message


@pytest.mark.parametrize("field, value", [
    ("baseline", "lots"), ("target", "many"), ("score", "abc"), ("confidence", "yes"), ("due", "someday"),
])
def test_wrong_values_of_the_right_shape_are_error_findings_with_a_line(workdir, field, value):
    # A scalar of the wrong kind is read (the object is still linted) and reported by a rule that can be
    # selected or ignored like any other; structure errors above are input errors.
    body, line = _with_field("key_result", field, value)
    (workdir / "typed.okr.yaml").write_text(body, encoding="utf-8")
    result = lint("typed.okr.yaml")
    assert result.exit_code == 1 and "Traceback" not in result.output
    report = assert_good_file_linted(result.stdout)
    about_field = [f for f in report["findings"] if f["file"] == "typed.okr.yaml" and f"'{field}'" in f["message"]]
    assert about_field and about_field[0]["line"] == line and about_field[0]["severity"] == "error"


# --- bytes and encodings ------------------------------------------------------------------------------

def test_binary_file(workdir):
    (workdir / "bin.okr.yaml").write_bytes(bytes(range(256)) * 8)
    assert_input_error(lint("bin.okr.yaml"), "bin.okr.yaml", line=1, says="binary")


def test_invalid_utf8_that_is_not_thai(workdir):
    (workdir / "latin.okr.yaml").write_bytes("team: caf\xe9\nobjectives: []\n".encode("latin-1") + b"\x80\x81\x82")
    assert_input_error(lint("latin.okr.yaml"), "latin.okr.yaml", line=1, says="UTF-8")


@pytest.mark.parametrize("encode", [
    lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    lambda text: text.encode("utf-16"),  # with a BOM
    lambda text: text.encode("utf-16-le"),  # without one
    lambda text: text.encode("tis-620"),
    lambda text: text.encode("cp874"),
], ids=["utf-8-bom", "utf-16", "utf-16-le-no-bom", "tis-620", "cp874"])
def test_encodings_are_detected_and_read(workdir, encode):
    (workdir / "thai.okr.yaml").write_bytes(encode(THAI_SET))
    report = assert_read(lint("thai.okr.yaml"), "thai.okr.yaml")
    assert any(obj["team"] == "thai" for obj in report["objects"])
    assert not any(f["file"] == "thai.okr.yaml" and f["name"] == "kr-not-measurable" for f in report["findings"])


# --- size and nesting ---------------------------------------------------------------------------------

def test_alias_bomb_is_bounded(workdir):
    (workdir / "bomb.okr.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    assert_input_error(lint("bomb.okr.yaml"), "bomb.okr.yaml", says="too many values")


@pytest.mark.parametrize("nested", [
    "[" * 10_000 + "]" * 10_000,
    "{a: " * 10_000 + "1" + "}" * 10_000,
    "\n" + "".join("  " * depth + "- \n" for depth in range(1_000)),
])
def test_deeply_nested_structures(workdir, nested):
    (workdir / "deep.okr.yaml").write_text(f"team: deep\nextra: {nested}\nobjectives: []\n", encoding="utf-8")
    assert_input_error(lint("deep.okr.yaml"), "deep.okr.yaml", says="nesting deeper than")


def test_multi_megabyte_title(workdir):
    title = ("Increase signups from 400 to 500 in 2026-Q1 เพิ่มขึ้น 20% ภายในไตรมาส 1/2569 " * 80_000)[:5_000_000]
    (workdir / "huge.okr.yaml").write_text(
        f"team: huge\nobjectives:\n  - title: Grow\n    key_results:\n      - '{title}'\n", encoding="utf-8"
    )
    english = lint("huge.okr.yaml", extra=("--isolated", "--messages", "en"))
    message = assert_input_error(english, "huge.okr.yaml", line=5, says="characters long")
    assert "5,000,000" in message and "analysed" in message
    # The set is mostly Thai: under --messages auto its input error is shown in Thai as well.
    assert "5,000,000 ตัวอักษร" in assert_input_error(lint("huge.okr.yaml"), "huge.okr.yaml", line=5)


# --- security: tags never run -------------------------------------------------------------------------

def test_python_tags_are_input_errors_and_never_run(workdir):
    marker = workdir / "ran"
    (workdir / "evil.okr.yaml").write_text(
        f"team: evil\nobjectives: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    assert_input_error(lint("evil.okr.yaml"), "evil.okr.yaml", line=2, says="!!python/object/apply:os.system")
    assert not marker.exists()


def test_custom_tags_are_input_errors(workdir):
    (workdir / "tagged.okr.yaml").write_text("team: t\nobjectives:\n  - title: !secret x\n", encoding="utf-8")
    assert_input_error(lint("tagged.okr.yaml"), "tagged.okr.yaml", line=3, says="'!secret' is not allowed")


# --- the file system ----------------------------------------------------------------------------------

def test_unreadable_file(workdir, monkeypatch):
    (workdir / "locked.okr.yaml").write_text(GOOD.replace("good", "locked"), encoding="utf-8")
    from okrlint.load import limits

    real_read_capped = limits.read_capped

    def read_capped(path):  # root can read anything, so a permission error is simulated
        if Path(path).name == "locked.okr.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_capped(path)

    monkeypatch.setattr(limits, "read_capped", read_capped)
    assert_input_error(lint("locked.okr.yaml"), "locked.okr.yaml", line=1, says="permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files without permission")
def test_unreadable_file_by_permissions(workdir):
    locked = workdir / "locked.okr.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        assert_input_error(lint("locked.okr.yaml"), "locked.okr.yaml", says="permission denied")
    finally:
        locked.chmod(0o644)


def test_missing_file(workdir):
    assert_input_error(lint("nope.okr.yaml"), "nope.okr.yaml", line=1, says="no such file")


def test_directory_named_like_a_file_is_walked(workdir):
    (workdir / "dir.okr.yaml").mkdir()
    result = lint("dir.okr.yaml")
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "dir.okr.yaml: no OKR files in this directory" in result.stderr
    assert_good_file_linted(result.stdout)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symlink_loops_and_broken_links(workdir):
    os.symlink("loop2.okr.yaml", workdir / "loop1.okr.yaml")
    os.symlink("loop1.okr.yaml", workdir / "loop2.okr.yaml")
    os.symlink("nowhere.okr.yaml", workdir / "broken.okr.yaml")
    result = lint("loop1.okr.yaml", "broken.okr.yaml")
    assert_input_error(result, "loop1.okr.yaml", line=1, says="symbolic link")
    assert_input_error(result, "broken.okr.yaml", line=1, says="symbolic link")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symlink_loop_inside_a_walked_directory(workdir):
    okrs = workdir / "okrs"
    okrs.mkdir()
    (okrs / "fine.okr.yaml").write_text(THAI_SET, encoding="utf-8")
    os.symlink("b.okr.yaml", okrs / "a.okr.yaml")
    os.symlink("a.okr.yaml", okrs / "b.okr.yaml")
    result = lint("okrs")
    assert_input_error(result, "okrs/a.okr.yaml", line=1, says="symbolic link")
    assert any(obj["file"] == "okrs/fine.okr.yaml" for obj in json.loads(result.stdout)["objects"])


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on Linux file systems")
def test_file_name_that_is_not_utf8(workdir):
    name = os.fsdecode(b"caf\xe9.okr.yaml")
    try:
        (workdir / name).write_text("team: cafe\nobjectives: [ broken\n", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses undecodable names")
    for output in ("json", "text", "sarif", "html", "junit", "github", "markdown"):
        result = CliRunner().invoke(main, ["check", name, "good.okr.yaml", "--isolated", "--format", output])
        assert result.exit_code == 2 and "Traceback" not in result.output, (output, result.stderr)
        error_line_for(result.stderr, "caf\\xe9.okr.yaml")


# --- drafts, spreadsheets, Word -----------------------------------------------------------------------

def _workbook_bytes(rows: list[list[str]]) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, says", [
    ("empty.okr.md", b"", "empty"),
    ("binary.okr.md", bytes(range(256)) * 4, "binary"),
    ("notes.okr.md", b"some notes\nnothing that looks like an OKR\n", "no objectives"),
    ("front.okr.md", b"---\nteam: [a\n---\n" + DRAFT.encode(), "invalid YAML"),
    ("evil.okr.md", b"---\nteam: !!python/object/apply:os.system ['true']\n---\n" + DRAFT.encode(), "not allowed"),
    ("deep.okr.md", b"---\nx: " + b"[" * 100_000 + b"]" * 100_000 + b"\n---\n" + DRAFT.encode(), "nesting"),
    ("huge.okr.md", ("Objective: " + "grow " * 1_000_000 + "\nKey results:\n1. a\n").encode(), "characters long"),
    ("empty.okr.csv", b"", "empty"),
    ("binary.okr.csv", bytes(range(256)) * 4, "binary"),
    ("noheader.okr.csv", b"a,b,c\n1,2,3\n", "header"),
    ("hugefield.okr.csv", b"objective,key result\n" + b"x" * 3_000_000 + b",y\n", ""),
    ("empty.okr.xlsx", b"", "empty"),
    ("notzip.okr.xlsx", b"hello, I am not a workbook", "not a .xlsx"),
    ("damaged.okr.xlsx", _workbook_bytes([["Objective", "Key result"], ["A", "B"]])[:900], ""),
    ("empty.okr.docx", b"", "empty"),
    ("notzip.okr.docx", b"plain text pretending", "not a .docx"),
])
def test_other_loaders_bad_input(workdir, name, data, says):
    (workdir / name).write_bytes(data)
    assert_input_error(lint(name), name, says=says)


def test_zip_that_is_not_a_document(workdir):
    with zipfile.ZipFile(workdir / "other.okr.docx", "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    assert_input_error(lint("other.okr.docx"), "other.okr.docx", says="")


@pytest.mark.parametrize("name, data", [
    ("bom.okr.md", codecs.BOM_UTF8 + DRAFT.encode()),
    ("utf16.okr.md", THAI_DRAFT.encode("utf-16")),
    ("tis.okr.md", THAI_DRAFT.encode("cp874")),
    ("tis.okr.csv", "objective,key result\nลูกค้าพอใจ,เพิ่ม NPS จาก 20 เป็น 40\n".encode("cp874")),
    ("bom.okr.csv", codecs.BOM_UTF8 + "objective,key result\nลูกค้าพอใจ,เพิ่ม NPS จาก 20 เป็น 40\n".encode()),
])
def test_other_loaders_read_every_encoding(workdir, name, data):
    (workdir / name).write_bytes(data)
    assert_read(lint(name), name)


# --- plugins that fail --------------------------------------------------------------------------------

FAILING_PLUGIN = '''
from okrlint.hookspecs import hookimpl
from okrlint.rules.base import rule


@rule(code="ZZZ001", name="loops-on-loop", category="clarity", severity="warning", scope="key_result",
      summary="Loops forever on a title with 'loop' in it.")
def loops(kr, ctx):
    while "loop" in kr.title:
        try:
            pass
        except Exception:  # a rule that swallows everything still cannot escape the watchdog
            pass
    return ()


@rule(code="ZZZ002", name="raises-on-boom", category="clarity", severity="warning", scope="key_result",
      summary="Raises on a title with 'boom' in it.")
def raises(kr, ctx):
    if "boom" in kr.title:
        raise ValueError("boom")
    return ()


@rule(code="ZZZ003", name="loops-on-the-org", category="alignment", severity="warning", scope="org",
      summary="Loops forever when a team is called 'orgloop'.")
def loops_on_org(org, ctx):
    while any(s.team == "orgloop" for s in org.sets):
        pass
    return ()


@hookimpl
def okrlint_rules():
    return [loops, raises, loops_on_org]
'''


def _failing_plugin_config(workdir: Path, timeout: float = 0.4) -> None:
    (workdir / "failing_plugin.py").write_text(FAILING_PLUGIN, encoding="utf-8")
    (workdir / "okrlint.toml").write_text(f'plugins = ["failing_plugin.py"]\nrule-timeout = {timeout}\n')
    (workdir / "plugged.okr.yaml").write_text(
        "team: plugged\nobjectives:\n  - title: Customers stay\n    key_results:\n"
        "      - Reduce churn from 5% to 3% loop\n      - Raise NPS from 20 to 40 boom\n      - Improve onboarding\n",
        encoding="utf-8",
    )


def test_an_org_rule_that_hangs_is_stopped_by_the_org_limit(workdir):
    _failing_plugin_config(workdir)
    (workdir / "orgloop.okr.yaml").write_text(
        "team: orgloop\nobjectives:\n  - title: Customers stay\n    key_results:\n      - Reduce churn from 5% to 3%\n",
        encoding="utf-8")
    result = CliRunner().invoke(main, ["check", ".", "--format", "json", "--no-cache"])
    report = json.loads(result.stdout)
    internal = [f["message"] for f in report["findings"] if f["name"] == "internal-error"]
    assert any("ZZZ003 [loops-on-the-org]" in m and "timed out after 0.4 s" in m for m in internal), internal
    assert result.exit_code == 1


def test_a_rule_that_raises_or_hangs_on_one_object(workdir):
    _failing_plugin_config(workdir)
    result = CliRunner().invoke(main, ["check", "plugged.okr.yaml", "good.okr.yaml", "--format", "json"])
    assert "Traceback" not in result.output + result.stderr
    report = assert_good_file_linted(result.stdout)
    internal = {f["line"]: f["message"] for f in report["findings"] if f["name"] == "internal-error"}
    assert "ZZZ001 [loops-on-loop]" in internal[5] and "timed out after 0.4 s on plugged/o1/kr1" in internal[5]
    assert "ZZZ002 [raises-on-boom]" in internal[6] and "ValueError: boom" in internal[6]
    # the other rules still ran on those objects, and every rule on the rest
    assert any(f["line"] == 7 and f["name"] == "vague-language" for f in report["findings"])
    assert result.exit_code == 1


# --- through a real process ---------------------------------------------------------------------------

def _run_okrlint(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "okrlint", "check", "--isolated", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_subprocess_nesting_that_would_overflow_the_c_stack(workdir):
    # libyaml's composer recurses in C: 100,000 nested lists killed the process with a segfault.
    (workdir / "deep.okr.yaml").write_text("team: deep\nx: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = _run_okrlint(workdir, "deep.okr.yaml", "good.okr.yaml", "--format", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.search(r"^deep\.okr\.yaml:2:\d+: error: nesting deeper than 200 levels$", result.stderr, re.MULTILINE)
    assert_good_file_linted(result.stdout)


def test_subprocess_python_tag_does_not_run(workdir):
    marker = workdir / "ran"
    (workdir / "evil.okr.yaml").write_text(f"team: e\nobjectives: !!python/object/apply:os.system ['touch {marker}']\n")
    result = _run_okrlint(workdir, "evil.okr.yaml", "good.okr.yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.search(r"^evil\.okr\.yaml:2:13: error: .*not allowed", result.stderr, re.MULTILINE)
    assert not marker.exists()


def test_subprocess_hanging_rule_is_stopped(workdir):
    _failing_plugin_config(workdir, timeout=0.5)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "okrlint", "check", "plugged.okr.yaml", "good.okr.yaml"],
                            cwd=workdir, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "timed out after 0.5 s" in result.stdout


def test_subprocess_every_bad_file_at_once(workdir):
    (workdir / "okrs").mkdir()
    bad = {
        "list.okr.yaml": b"- a\n",
        "binary.okr.yaml": bytes(range(256)),
        "empty.okr.yaml": b"",
        "tab.okr.yaml": b"team: a\nobjectives:\n\t- title: x\n",
        "bomb.okr.yaml": ALIAS_BOMB.encode(),
        "draft.okr.md": bytes(range(256)),
        "sheet.okr.xlsx": b"PK\x03\x04 damaged",
        "doc.okr.docx": b"PK\x03\x04 damaged",
    }
    for name, data in bad.items():
        (workdir / "okrs" / name).write_bytes(data)
    (workdir / "okrs" / "fine.okr.yaml").write_text(GOOD.replace("good", "fine"))
    result = _run_okrlint(workdir, "okrs", "--format", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for name in bad:
        error_line_for(result.stderr, f"okrs/{name}")
    assert any(obj["file"] == "okrs/fine.okr.yaml" for obj in json.loads(result.stdout)["objects"])


@pytest.mark.parametrize(("name", "hint"), [("plan.doc", "(.docx)"), ("plan.ppt", "(.pptx)"), ("plan.rtf", "(.docx)")])
def test_documents_okrlint_cannot_read_say_what_to_save_them_as(tmp_path, name, hint):
    (tmp_path / name).write_bytes(b"%PDF-1.4 \x00\x01 not a text file")
    (tmp_path / "good.okr.yaml").write_text(GOOD)
    result = CliRunner().invoke(main, ["check", str(tmp_path / name), str(tmp_path / "good.okr.yaml"), "--no-cache"])
    assert result.exit_code == 2
    (line,) = [line for line in result.stderr.splitlines() if name in line]
    assert "no loader reads this kind of file" in line and hint in line
    assert "1 file could not be read" in result.stdout and "good" not in result.stderr


def test_a_web_page_saved_as_markdown_is_read_as_the_page_it_is(workdir):
    (workdir / "field-ops.okr.md").write_text("<html><head><style>.c1{}</style></head><body><h1>Field Ops OKRs</h1>"
                                              "<h2>Objective: Customers get fixed on the first visit</h2>"
                                              "<ul><li>Raise first-visit fix rate from 68% to 85%</li></ul></body></html>\n")
    result = lint("field-ops.okr.md")
    assert "error" not in result.stderr and ".c1" not in result.stdout
    kinds = [o["kind"] for o in json.loads(result.stdout)["objects"] if o["file"] == "field-ops.okr.md"]
    assert kinds == ["objective", "key_result"]


def test_a_workbook_saved_under_a_text_name_says_so(workdir):
    from openpyxl import Workbook

    Workbook().save(workdir / "plan.xlsx")
    (workdir / "plan.okr.csv").write_bytes((workdir / "plan.xlsx").read_bytes())
    assert_input_error(lint("plan.okr.csv"), "plan.okr.csv", says="an Office document")


def test_a_long_alignment_loop_is_shown_by_its_ends(tmp_path):
    n = 40
    lines = ["team: loop", "objectives:"]
    for i in range(n):
        lines += [f"  - id: o{i}", f"    title: Customers trust step {i}", f"    aligns_to: [loop/o{(i + 1) % n}]",
                  "    key_results:", "      - Raise NPS from 20 to 40"]
    (tmp_path / "loop.okr.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache", "--select", "ALN003"])
    cycle = [line for line in result.stdout.splitlines() if "ALN003" in line]
    assert len(cycle) == n
    assert all("loop/o0 → loop/o1 → loop/o2 → … (+35) … → loop/o38 → loop/o39 → loop/o0" in line for line in cycle)


def test_a_long_value_that_is_no_number_is_quoted_short(tmp_path):
    value = "high " * 3000
    (tmp_path / "long.okr.yaml").write_text(
        f"team: a\nobjectives:\n  - title: Customers stay\n    key_results:\n      - title: Raise NPS\n"
        f"        target: \"{value}\"\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "long.okr.yaml"), "--no-cache"])
    (line,) = [line for line in result.stdout.splitlines() if "STR005" in line]
    assert len(line) < 400 and "…' , not a number".replace(" ,", ",") in line
