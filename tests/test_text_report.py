"""The default text report is written in Python for start-up speed; templates/text.j2 must give the same text."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.configfile import resolve_config
from okrlint.engine import Engine
from okrlint.report import ReportContext
from okrlint.report.templating import render_named
from okrlint.report.text import render_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def engine():
    return Engine(resolve_config(ROOT, isolated=True))


@pytest.mark.parametrize("paths", [
    ["examples"],                               # many findings
    ["examples/acme/company.okr.yaml"],         # may be clean
    ["no/such/file.okr.yaml"],                  # only an error
    ["README.md", "examples/thai-agency"],      # errors and findings
    ["tests/fixtures/input_errors/two-slips.okr.yaml"],  # two input errors in one file that is still read
    ["tests/fixtures/input_errors/two-slips.okr.yaml", "examples/acme/marketing.okr.yaml"],
    ["tests/fixtures/input_errors/two-slips.okr.yaml", "no/such/file.okr.yaml"],  # unread and read with errors
])
@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("language", ["en", "th"])
def test_python_text_report_equals_the_template(engine, paths, color, language):
    result = engine.run([str(ROOT / p) for p in paths], cache_dir=None)
    context = ReportContext(result=result, color=color, version="test", language=language)
    # Jinja folds filters on constants at compile time, so the template's constant texts keep the colour of
    # the first rendering; compare coloured output only where the template is not constant-folded.
    if color and not result.findings:
        assert render_text(context).replace("\x1b[1m", "").replace("\x1b[0m", "") == render_named(
            "text.j2", ReportContext(result=result, color=False, version="test", language=language))
    else:
        assert render_text(context) == render_named("text.j2", context)


def test_a_text_template_in_template_dir_replaces_the_builtin(engine, tmp_path):
    (tmp_path / "text.j2").write_text("{{ findings|length }} findings\n")
    result = engine.run([str(ROOT / "examples")], cache_dir=None)
    context = ReportContext(result=result, color=False, version="test", template_dir=str(tmp_path))
    assert render_text(context) == f"{len(result.findings)} findings\n"


def test_the_summary_is_thai_when_every_set_is_thai(tmp_path):
    from click.testing import CliRunner

    from okrlint.cli import main

    thai = str(ROOT / "examples" / "thai-agency")
    run = CliRunner().invoke(main, ["check", thai, "--no-cache"])
    assert run.stdout.splitlines()[-1].startswith("ข้อค้นพบ 9 ข้อ (ข้อผิดพลาด 3, คำเตือน 6, ข้อแนะนำ 0) ใน 2 ไฟล์")
    run = CliRunner().invoke(main, ["check", thai, "--no-cache", "--messages", "en"])
    assert run.stdout.splitlines()[-1].startswith("Found 9 findings")
    run = CliRunner().invoke(main, ["check", thai, str(ROOT / "examples" / "acme"), "--no-cache"])
    assert run.stdout.splitlines()[-1].startswith("Found ")  # a mixed run keeps English for its own words


def test_the_summary_names_unreadable_files_beside_findings(engine, tmp_path):
    (tmp_path / "broken.okr.yaml").write_text("team: a\nobjectives: [\n", encoding="utf-8")
    result = engine.run([str(ROOT / "examples/acme/marketing.okr.yaml"), str(tmp_path / "broken.okr.yaml")],
                        cache_dir=None)
    assert result.findings and result.errors
    english = render_text(ReportContext(result=result, color=False, version="test", language="en"))
    assert english.rstrip().endswith("1 file could not be read (see the errors above).")
    thai = render_text(ReportContext(result=result, color=False, version="test", language="th"))
    assert thai.rstrip().endswith("และมี 1 ไฟล์ที่อ่านไม่ได้ (ดูข้อผิดพลาดด้านบน)")


def test_a_file_read_with_several_input_errors_is_not_called_unread(engine):
    result = engine.run([str(ROOT / "tests/fixtures/input_errors/two-slips.okr.yaml")], cache_dir=None)
    assert len(result.errors) == 2 and result.org.sets
    english = render_text(ReportContext(result=result, color=False, version="test", language="en"))
    assert english.rstrip().endswith("2 input errors in 1 file (see the errors above).")
    thai = render_text(ReportContext(result=result, color=False, version="test", language="th"))
    assert thai.rstrip().endswith("มีข้อผิดพลาดในข้อมูลนำเข้า 2 ข้อ ใน 1 ไฟล์ (ดูข้อผิดพลาดด้านบน)")


def test_files_that_could_not_be_read_and_files_read_with_errors_are_told_apart(engine):
    result = engine.run([str(ROOT / "tests/fixtures/input_errors/two-slips.okr.yaml"), str(ROOT / "no/such/file.okr.yaml")],
                        cache_dir=None)
    english = render_text(ReportContext(result=result, color=False, version="test", language="en"))
    assert english.rstrip().endswith("1 file could not be read and 2 input errors in 1 other file (see the errors above).")
    thai = render_text(ReportContext(result=result, color=False, version="test", language="th"))
    assert thai.rstrip().endswith("มี 1 ไฟล์ที่อ่านไม่ได้ และมีข้อผิดพลาดในข้อมูลนำเข้า 2 ข้อ ในอีก 1 ไฟล์ (ดูข้อผิดพลาดด้านบน)")
