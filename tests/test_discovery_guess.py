"""A folder without *.okr.* files: the documents in it that look like OKRs are read, others skipped."""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import Workbook

from okrlint.cli import main
from okrlint.load.guess import looks_like_okrs

DRAFT = "# Payments team\n\nObjective 1: Shops get paid the day they sell\n- Cut payout time from 3 days to 1 day\n"
YAML = "team: growth\nobjectives:\n  - title: Riders come back\n    key_results:\n      - Raise repeat rides from 30% to 45%\n"
THAI = "หน่วยงาน: กองคลัง\n\nวัตถุประสงค์ที่ 1: ผู้ขายได้รับเงินตรงเวลา\nตัวชี้วัด:\n1. ลดเวลาเบิกจ่ายจาก 15 วัน เหลือ 7 วัน\n"


def check(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_a_folder_of_plainly_named_drafts_is_read(tmp_path):
    (tmp_path / "payments.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "teams").mkdir()
    (tmp_path / "teams" / "growth.yaml").write_text(YAML, encoding="utf-8")
    (tmp_path / "แผน 2570.txt").write_text(THAI, encoding="cp874")
    (tmp_path / "README.md").write_text("# Our OKRs\n\nObjective: explain the folder\n", encoding="utf-8")
    (tmp_path / "minutes.md").write_text("# Meeting\n\nWe talked about lunch.\n", encoding="utf-8")
    code, report, err = check(tmp_path)
    files = {row["file"].rsplit("/", 1)[-1] for row in report["objects"]}
    assert files == {"payments.md", "growth.yaml", "แผน 2570.txt"}
    assert report["summary"]["files"] == 3 and "errors" not in report
    assert "no file is named *.okr.*; reading the 3 documents that look like OKRs" in err
    assert code == 1  # findings, no input error


def test_a_guessed_document_without_okrs_is_skipped_with_a_warning_not_an_error(tmp_path):
    (tmp_path / "payments.md").write_text(DRAFT, encoding="utf-8")
    book = Workbook()
    book.active.append(["Item", "Cost"])
    book.active.append(["Laptops", 1200])
    book.save(tmp_path / "budget.xlsx")
    code, report, err = check(tmp_path)
    assert "errors" not in report and code == 1
    assert "budget.xlsx:1:1: skipped, not an OKR document" in err


def test_a_guessed_file_that_cannot_be_read_is_an_input_error(tmp_path):
    (tmp_path / "payments.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "ops-okrs.yaml").write_text("team: ops\nobjectives:\n\t- title: a\n", encoding="utf-8")
    (tmp_path / "plan.xlsx").write_bytes(b"PK\x03\x04 cut short")
    code, report, err = check(tmp_path)
    assert code == 2
    assert {e["file"].rsplit("/", 1)[-1] for e in report["errors"]} == {"ops-okrs.yaml", "plan.xlsx"}
    assert "ops-okrs.yaml:3:1: error: invalid YAML: a tab character" in err and "skipped" not in err


def test_a_table_with_an_objective_column_anywhere_in_its_header_is_guessed(tmp_path):
    (tmp_path / "sales-okrs.csv").write_text(
        "Team,Objective,Key result,Baseline,Target\nsales,Win firms moving off spreadsheets,"
        "Increase new paying firms per month,60,110\n", encoding="utf-8")
    (tmp_path / "budget.csv").write_text("Item,Cost,Owner\nLaptops,1200,IT\n", encoding="utf-8")
    assert looks_like_okrs(tmp_path / "sales-okrs.csv") and not looks_like_okrs(tmp_path / "budget.csv")
    code, report, err = check(tmp_path)
    assert {row["file"].rsplit("/", 1)[-1] for row in report["objects"]} == {"sales-okrs.csv"}


def test_named_files_and_the_okr_convention_still_decide(tmp_path):
    (tmp_path / "a.okr.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.md").write_text(DRAFT.replace("Payments", "Billing"), encoding="utf-8")
    _, report, err = check(tmp_path)
    assert {row["file"].rsplit("/", 1)[-1] for row in report["objects"]} == {"a.okr.md"}  # the convention is in use
    assert "documents that look like OKRs" not in err  # nothing guessed...
    assert "not read, although they look like OKRs" in err and "b.md" in err  # ...but the other draft is named
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("nothing here\n", encoding="utf-8")
    _, _, err = check(empty)
    assert "no OKR files in this directory" in err


def test_what_looks_like_okrs(tmp_path):
    cases = {
        "plan.md": ("## O1: Members renew\n", True),
        "plan2.md": ("**Key results**\n", True),
        "kpi.txt": ("ตัวชี้วัดที่ 1 ร้อยละความพึงพอใจ\n", True),
        "sheet.csv": ("Objective,Key result,Target\n", True),
        "set.yaml": ("objectives:\n  - title: x\n", True),
        "ci.yaml": ("jobs:\n  test:\n    runs-on: ubuntu\n", False),
        "notes.md": ("The objective of this memo is lunch.\n", False),
        "README.md": ("Objective: x\n", False),
        "deck.pdf": ("", True),  # a document is read to see
    }
    for name, (text, expected) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert looks_like_okrs(tmp_path / name) is expected, name


def test_documents_beside_the_convention_that_look_like_okrs_are_mentioned(tmp_path):
    (tmp_path / "company.okr.yaml").write_text(YAML, encoding="utf-8")
    (tmp_path / "marketing.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("lunch\n", encoding="utf-8")
    _, report, err = check(tmp_path)
    assert {row["file"].rsplit("/", 1)[-1] for row in report["objects"]} == {"company.okr.yaml"}
    assert "not read, although they look like OKRs:" in err and "marketing.md" in err and "notes.md" not in err
