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
