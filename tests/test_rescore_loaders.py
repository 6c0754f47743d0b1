"""Found by re-scoring reviews 33-38 after their fixes."""

from __future__ import annotations

import io

import pytest

from okrlint.testing import engine_for

openpyxl = pytest.importorskip("openpyxl")


def _workbook(title: str, sheet: str) -> bytes:
    book = openpyxl.Workbook()
    page = book.active
    page.title = sheet
    page.append([title])
    page.append([])
    page.append(["Objective", "Key result", "Start", "Target"])
    page.append(["Shops choose us again", "Raise repeat orders from 20% to 30%", None, None])
    page.append([None, "Cut refund time from 9 days to 3 days", None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("title, sheet, team", [
    ("Northwind Marketing — H1 2027 OKRs", "Marketing", "Marketing"),   # the organisation's name before the unit
    ("Northwind Marketing — H1 2027 OKRs", "Sheet1", "Northwind Marketing"),  # a default sheet name says nothing
    ("ฝ่ายการตลาด — OKR ครึ่งปีแรก 2570", "Data", "ฝ่ายการตลาด"),
])
def test_a_sheet_named_for_its_unit_names_the_team_a_title_prefixes_with_the_organisation(title, sheet, team):
    engine = engine_for()
    source = engine.source_from_bytes("plan.xlsx", _workbook(title, sheet))
    result = engine.run(sources=[source], complete=True)
    assert [s.team for s in result.org.sets] == [team]


def test_an_okr_file_names_a_team_titled_in_a_document_whatever_its_case(tmp_path):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    (tmp_path / "People Q3 2027.md").write_text(
        "# People — Q3 2027\n\nObjective 1: New hires feel at home in their first month\n"
        "- Raise 30-day new-hire satisfaction from 3.8 to 4.4\n- Cut time to first commit from 9 days to 4 days\n",
        encoding="utf-8")
    (tmp_path / "security.okr.yaml").write_text(
        "team: security\nperiod: 2027-Q3\nobjectives:\n  - id: sec-o1\n    title: Engineers ship safely\n"
        "    key_results:\n      - id: sec-kr1\n        title: Cut open critical findings from 12 to 3\n"
        "        depends_on: [people/o1/kr1]\n", encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run(
        [str(tmp_path / "People Q3 2027.md"), str(tmp_path / "security.okr.yaml")], cache_dir=None)
    assert [s.team for s in result.org.sets if s.file.endswith("2027.md")] == ["People"]
    assert not [f for f in result.findings if f.name in ("unknown-team", "dangling-reference")]


@pytest.mark.parametrize("name, text", [
    ("Q3 2026 OKR grading - Patient Access.csv", "Q3 2026"),
    ("okrs_2027-Q1_sales.md", "2027-Q1"),
    ("แผน OKR ไตรมาส 1-2570 ฝ่ายขาย.md", "ไตรมาส 1-2570"),
    ("Finance OKRs FY27.md", "FY27"),
])
def test_a_set_that_names_no_period_takes_its_files(tmp_path, name, text):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    body = ("Objective,Key result\nPatients book fast,Cut booking time from 9 minutes to 3 minutes\n"
            if name.endswith(".csv") else
            "Objective: Patients book fast\n- Cut booking time from 9 minutes to 3 minutes\n")
    (tmp_path / name).write_text(body, encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run([str(tmp_path / name)], cache_dir=None)
    (okr_set,) = result.org.sets
    assert okr_set.period is not None and okr_set.period.text == text


def test_a_period_written_in_the_set_wins_over_the_files_name(tmp_path):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    (tmp_path / "sales 2026.okr.yaml").write_text(
        "team: sales\nperiod: 2027-Q2\nobjectives:\n  - title: Shops stay\n", encoding="utf-8")
    (tmp_path / "ops v2.md").write_text("Objective: Orders ship fast\n- Cut late orders from 9% to 3%\n",
                                        encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run(
        [str(tmp_path / "sales 2026.okr.yaml"), str(tmp_path / "ops v2.md")], cache_dir=None)
    periods = {s.team: (s.period.text if s.period else None) for s in result.org.sets}
    assert periods == {"sales": "2027-Q2", "ops": None}  # a version number is no period


def test_an_export_date_in_a_files_name_is_no_period(tmp_path):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    name = "Tracker export 2026-07-03T10_15_22.md"
    (tmp_path / name).write_text("Objective: Orders ship fast\n- Cut late orders from 9% to 3%\n", encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run([str(tmp_path / name)], cache_dir=None)
    assert [s.period for s in result.org.sets] == [None]


def test_markdown_links_in_a_drafts_key_result_keep_their_words_only(tmp_path):
    from okrlint.configfile import resolve_config
    from okrlint.engine import Engine

    (tmp_path / "ops.md").write_text(
        "# Ops OKRs Q1 2027\n\nObjective: Riders trust our arrival times\n"
        "- Cut arrival-time error from 12 minutes to 5 minutes ([chart](https://charts.example.org/a1-b2))\n"
        "- Raise [on-time pickups](https://wiki.example.org/otp) from 70% to 88%\n"
        "- ลดเวลารอรถเฉลี่ยจาก 9 นาทีเหลือ 5 นาที ([รายงาน](https://example.org/r))\n", encoding="utf-8")
    result = Engine(resolve_config(tmp_path, isolated=True)).run([str(tmp_path / "ops.md")], cache_dir=None)
    titles = [kr.title for s in result.org.sets for o in s.objectives for kr in o.key_results]
    assert titles == ["Cut arrival-time error from 12 minutes to 5 minutes", "Raise on-time pickups from 70% to 88%",
                      "ลดเวลารอรถเฉลี่ยจาก 9 นาทีเหลือ 5 นาที"]
    pickups = next(kr for s in result.org.sets for o in s.objectives for kr in o.key_results if "pickups" in kr.title)
    assert pickups.location.column == 3  # positions still point into the file
