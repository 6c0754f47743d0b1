"""Review 45: a shared OKR folder with files okrlint reads only when named, files it cannot read, a symbolic link
loop and a Google Drive shortcut.

* every *.okr.<format> a loader reads is found in a folder (.xls, .xlsm, .ods too), and no warning says such a
  file is "not named *.okr.*";
* a file named *.okr.* in a format okrlint cannot read (.doc) is an input error (exit 2) wherever it was found;
  documents not so named stay a warning;
* such files count as unread for the org rules (no unknown-team for the team whose file it is);
* a link to a folder that holds it ("okrs/loop -> .") is not walked again when the folder's files are given, and
  each file is shown under the path that does not go through a link;
* graph says "in a file that could not be read" where check is quiet, and takes check's --no-cache;
* a Google Drive shortcut (.gdoc) is said to be one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.engine import Engine, okr_named

COMPANY = """team: company
level: company
period: 2027-Q1
objectives:
  - id: co-o1
    title: Clinics across Thailand choose us for online booking
    key_results:
      - id: co-o1-kr1
        title: Grow paying clinics from 400 to 900
      - id: co-o1-kr2
        title: Raise the share of clinics that renew from 70% to 85%
"""

PRODUCT = """team: product
period: 2027-Q1
objectives:
  - id: prod-o1
    title: Clinic admins set up their booking page in one sitting
    aligns_to: [company/co-o1]
    key_results:
      - id: prod-o1-kr1
        title: Cut median time to the first published booking page from 3 days to 4 hours
        depends_on: [design/o1/kr1, legal/o1]
      - id: prod-o1-kr2
        title: Raise the share of new clinics that take a booking in week one from 35% to 60%
"""

# Thai: a sales team that depends on a key result of a team whose file is an old Word document
SALES_TH = """team: sales
period: 2027-Q1
language: th
objectives:
  - id: s-o1
    title: คลินิกในภาคเหนือเลือกใช้ระบบจองของเรา
    aligns_to: [company/co-o1]
    key_results:
      - id: s-o1-kr1
        title: เพิ่มจำนวนคลินิกที่ชำระเงินในภาคเหนือจาก 40 เป็น 90 แห่ง
        depends_on: [กฎหมาย/o1]
      - id: s-o1-kr2
        title: เพิ่มอัตราการต่อสัญญาของคลินิกจาก 70% เป็น 85%
"""

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # the start of an old Office (.doc, .xls) file


def _check(*args: str):
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


def _plan(*paths) -> tuple:
    engine = Engine()
    return engine, engine.plan([str(p) for p in paths])


# --- 1. every *.okr.<format> a loader reads is found ------------------------------------------------------------

@pytest.mark.parametrize("name", ["design.okr.xls", "design.okr.xlsm", "design.okr.ods", "Design.OKR.XLS",
                                  "notes.okr.markdown", "team.okr.tsv", "plan.okr.pdf", "plan.okr.docx"])
def test_a_file_named_okr_in_any_readable_format_is_found_in_a_folder(tmp_path, name):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / name).write_bytes(b"x")
    engine, plan = _plan(tmp_path)
    assert sorted(Path(f.path).name for f in plan.files) == sorted(["company.okr.yaml", name])
    assert not any("not named" in w or "look like OKRs" in w for w in plan.warnings), plan.warnings


def test_okr_named_follows_the_convention_not_leftovers():
    for name in ("design.okr.xls", "legal.okr.doc", "ทีมขาย.okr.docx", "Plan Q1.OKR.Pages"):
        assert okr_named(name), name
    for name in ("plan.okr.yaml~", "plan.okr.yaml.bak", "plan.okr.bak", "plan.okr.orig", "plan.okr.crdownload",
                 "plan.doc", "okr.doc", "my-okr.doc"):
        assert not okr_named(name), name


def test_a_workbook_named_okr_xlsm_is_read_from_a_folder(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Design"
    sheet.append(["Team", "design"])
    sheet.append([])
    sheet.append(["Objective", "Key result"])
    sheet.append(["Refresh the design system", "Deliver 30 new components"])
    book.save(tmp_path / "design.okr.xlsm")
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    result = _check(str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    files = {Path(o["file"]).name for o in data["objects"]}
    assert "design.okr.xlsm" in files, result.output


def test_a_folder_of_unreadable_and_spreadsheet_okr_files_is_not_said_to_have_none(tmp_path):
    (tmp_path / "design.okr.xls").write_bytes(b"x")
    (tmp_path / "legal.okr.doc").write_bytes(OLE_HEADER)
    engine, plan = _plan(tmp_path)
    assert [Path(f.path).name for f in plan.files] == ["design.okr.xls"]
    assert not any("no file is named" in w for w in plan.warnings), plan.warnings


# --- 2. a file named *.okr.* that cannot be read is an input error ----------------------------------------------

@pytest.mark.parametrize("name, fix", [("legal.okr.doc", ".docx"), ("กฎหมาย.okr.doc", ".docx"),
                                       ("finance.okr.numbers", ".xlsx"), ("plan.okr.gdoc", "Google Docs")])
def test_an_okr_file_in_a_format_okrlint_cannot_read_is_an_input_error_in_a_folder(tmp_path, name, fix):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / name).write_bytes(OLE_HEADER)
    result = _check(str(tmp_path))
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if name in line and "error:" in line]
    assert len(errors) == 1 and fix in errors[0], result.stderr
    assert not any(name in line and "warning" in line for line in result.stderr.splitlines()), result.stderr


def test_the_same_error_when_found_or_named(tmp_path):
    (tmp_path / "legal.okr.doc").write_bytes(OLE_HEADER)
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    found = _check(str(tmp_path))
    named = _check(str(tmp_path / "legal.okr.doc"))
    assert found.exit_code == named.exit_code == 2

    def message(result):
        return next(line for line in result.stderr.splitlines() if "legal.okr.doc" in line).split("error: ", 1)[1]

    assert message(found) == message(named)


def test_documents_not_named_okr_and_leftovers_stay_warnings(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "meeting notes.doc").write_bytes(OLE_HEADER)  # not named as an OKR file: a warning
    (tmp_path / "company.okr.yaml~").write_text(COMPANY, encoding="utf-8")  # an editor's backup
    (tmp_path / "company.okr.yaml.bak").write_text(COMPANY, encoding="utf-8")
    result = _check(str(tmp_path))
    assert result.exit_code != 2, result.output
    assert "meeting notes.doc" in result.stderr and "error:" not in result.stderr


# --- 3. unreadable files count as unread for the org rules ------------------------------------------------------

def test_a_team_whose_okr_file_cannot_be_read_is_not_an_unknown_team(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "product.okr.yaml").write_text(PRODUCT, encoding="utf-8")
    (tmp_path / "design.okr.xls").write_bytes(b"not a workbook")  # read, but broken: an input error when read
    (tmp_path / "legal.okr.doc").write_bytes(OLE_HEADER)  # never read: an input error of discovery
    result = _check(str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    codes = [(f["code"], f["message"]) for f in data["findings"]]
    assert not any(code == "ALN011" for code, _ in codes), codes


def test_a_thai_team_whose_file_cannot_be_read_is_not_unknown_and_other_teams_still_are(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "sales.okr.yaml").write_text(SALES_TH.replace("[กฎหมาย/o1]", "[กฎหมาย/o1, finance/o1]"),
                                             encoding="utf-8")
    (tmp_path / "กฎหมาย.okr.doc").write_bytes(OLE_HEADER)
    result = _check(str(tmp_path), "--format", "json", "--lang", "en")
    data = json.loads(result.stdout)
    unknown = [f["message"] for f in data["findings"] if f["code"] == "ALN011"]
    assert len(unknown) == 1 and "finance" in unknown[0], unknown  # finance has no file at all: still reported


def test_run_result_org_unread_holds_discovery_errors(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "legal.okr.doc").write_bytes(OLE_HEADER)
    result = Engine().run([str(tmp_path)])
    assert any(name.endswith("legal.okr.doc") for name in result.org.unread), result.org.unread


# --- 4. symbolic links to folders -------------------------------------------------------------------------------

def _folder_with_loop(tmp_path: Path) -> Path:
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    (okrs / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (okrs / "product.okr.yaml").write_text(PRODUCT.replace("design/o1/kr1, legal/o1", "company/co-o1-kr1"),
                                           encoding="utf-8")
    (okrs / "sales.okr.yaml").write_text(SALES_TH.replace("กฎหมาย/o1", "product/prod-o1-kr1"), encoding="utf-8")
    try:
        os.symlink(".", okrs / "loop")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links here")
    return okrs


def test_a_shell_glob_with_a_link_loop_reads_each_file_once_under_its_own_path(tmp_path, monkeypatch):
    okrs = _folder_with_loop(tmp_path)
    monkeypatch.chdir(tmp_path)
    given = sorted(f"okrs/{entry}" for entry in os.listdir(okrs))  # as `okrlint check okrs/*` gives them
    result = _check(*given, "--format", "json")
    data = json.loads(result.stdout)
    files = {o["file"] for o in data["objects"]}
    assert files == {"okrs/company.okr.yaml", "okrs/product.okr.yaml", "okrs/sales.okr.yaml"}, files
    assert not any(f["code"] in ("STR011", "STR003", "ALN007") for f in data["findings"]), data["findings"]
    engine, plan = _plan(*given)
    assert sorted(f.path for f in plan.files) == ["okrs/company.okr.yaml", "okrs/product.okr.yaml",
                                                  "okrs/sales.okr.yaml"]
    assert any("okrs/loop" in w for w in plan.warnings)


@pytest.mark.parametrize("order", ["folder first", "link first"])
def test_a_link_to_a_folder_given_too_is_not_walked_twice(tmp_path, monkeypatch, order):
    okrs = _folder_with_loop(tmp_path)
    os.symlink("okrs", tmp_path / "shortcut")
    monkeypatch.chdir(tmp_path)
    paths = ["okrs", "shortcut"] if order == "folder first" else ["shortcut", "okrs"]
    engine, plan = _plan(*paths)
    assert sorted(f.path for f in plan.files) == ["okrs/company.okr.yaml", "okrs/product.okr.yaml",
                                                  "okrs/sales.okr.yaml"]
    assert not plan.errors
    assert not any("no OKR files" in w for w in plan.warnings), plan.warnings
    del okrs


def test_a_link_to_a_file_read_under_its_own_path_too_is_shown_under_that_path(tmp_path, monkeypatch):
    _folder_with_loop(tmp_path)
    os.symlink("okrs", tmp_path / "shortcut")
    monkeypatch.chdir(tmp_path)
    engine, plan = _plan("shortcut", "okrs/company.okr.yaml")  # the folder through a link, a file without
    shown = sorted(f.path for f in plan.files)
    assert "okrs/company.okr.yaml" in shown and "shortcut/company.okr.yaml" not in shown, shown
    assert len(shown) == 3


def test_a_loop_link_given_alone_is_still_read(tmp_path, monkeypatch):
    _folder_with_loop(tmp_path)
    monkeypatch.chdir(tmp_path)
    engine, plan = _plan("okrs/loop")
    assert len(plan.files) == 3


def test_the_same_folder_given_twice_is_read_once_without_a_warning(tmp_path, monkeypatch):
    _folder_with_loop(tmp_path)
    monkeypatch.chdir(tmp_path)
    engine, plan = _plan("okrs", "okrs/")
    assert len(plan.files) == 3
    assert not any("no OKR files" in w or "okrs/loop" in w for w in plan.warnings), plan.warnings


# --- 5 and 6. graph ---------------------------------------------------------------------------------------------

def test_graph_says_a_reference_into_an_unreadable_file_is_not_a_missing_team(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "product.okr.yaml").write_text(PRODUCT.replace("design/o1/kr1, legal/o1", "legal/o1, finance/o1"),
                                               encoding="utf-8")
    (tmp_path / "legal.okr.doc").write_bytes(OLE_HEADER)
    result = CliRunner().invoke(main, ["graph", str(tmp_path), "--format", "json", "--no-cache"])
    assert result.exit_code == 2, result.output  # the unreadable file is an input error, as in check
    nodes = {n["id"]: n for n in json.loads(result.stdout)["nodes"] if n["kind"] != "objective"}
    assert nodes["legal/o1"]["kind"] == "unread" and nodes["legal/o1"]["highlight"] is None
    assert "could not be read" in nodes["legal/o1"]["title"]
    assert nodes["finance/o1"]["kind"] == "missing" and "no such team" in nodes["finance/o1"]["title"]
    mermaid = CliRunner().invoke(main, ["graph", str(tmp_path), "--no-cache"]).stdout
    assert "in a file that could not be read: legal/o1" in mermaid and "classDef unread" in mermaid
    dot = CliRunner().invoke(main, ["graph", str(tmp_path), "--format", "dot", "--no-cache"]).stdout
    assert "in a file that could not be read: legal/o1" in dot


def test_graph_takes_the_options_check_takes(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    for options in (["--no-cache"], ["--cache-dir", str(tmp_path / "cache")], ["-j", "1"], ["--lang", "th"],
                    ["--messages", "en", "--no-cache"]):
        result = CliRunner().invoke(main, ["graph", str(tmp_path), *options])
        assert result.exit_code == 0, (options, result.output)
        assert result.stdout.startswith("flowchart")


def test_a_google_drive_shortcut_is_said_to_be_one(tmp_path):
    shortcut = tmp_path / "Partnerships OKRs Q1 2027.gdoc"
    shortcut.write_text('{"url": "https://docs.google.com/open?id=x", "doc_id": "x"}', encoding="utf-8")
    named = _check(str(shortcut))
    assert named.exit_code == 2
    assert "Google Docs shortcut" in named.stderr and ".docx" in named.stderr
    assert "no loader reads" not in named.stderr
    thai = _check(str(shortcut), "--lang", "th")
    assert "Google Docs" in thai.stderr and "ดาวน์โหลด" in thai.stderr
    (tmp_path / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (tmp_path / "Budget.gsheet").write_text("{}", encoding="utf-8")
    found = _check(str(tmp_path))
    assert found.exit_code != 2, found.output  # found, not named as an OKR file: a warning
    assert "Google Drive shortcuts" in found.stderr and "Budget.gsheet" in found.stderr
