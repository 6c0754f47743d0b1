"""Reports (review 31): nothing from a title or a file name may break a report's lines or reach a terminal as a
control sequence; real files whose names start with '<' keep their location; SARIF URIs name the right file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from okrlint.report import names_a_file, printable
from okrlint.report.sarif import artifact_uri

HOSTILE = ('team: "sales\\x1b[31mRED"\nperiod: 2027-Q1\nobjectives:\n'
           '  - title: "Customers renew\\n::error file=evil.yaml::PWNED"\n    key_results:\n'
           '      - title: "Raise renewal\\u202e from 80% to 90%"\n'
           '  - title: "Customers renew\\n::error file=evil.yaml::PWNED"\n    key_results:\n'
           '      - title: "Cut churn from 9% to 6%"\n')


def test_printable_escapes_line_breaks_controls_and_bidi_overrides():
    assert printable("a\nb\x1b[31m\u202ec\td") == "a\\nb\\x1b[31m\\u202ec\td"
    assert printable("ลูกค้า พึงพอใจ") == "ลูกค้า พึงพอใจ"


@pytest.mark.parametrize("fmt", ["text", "github", "markdown", "html", "junit", "gitlab", "sarif", "json"])
def test_no_report_carries_a_raw_control_character_or_an_injected_line(tmp_path, fmt):
    (tmp_path / "a.okr.yaml").write_text(HOSTILE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "okrlint", "check", ".", "--no-cache", "--isolated", "--format", fmt],
                         cwd=tmp_path, capture_output=True, text=True, encoding="utf-8").stdout
    assert "\x1b" not in out and "\u202e" not in out
    assert not any(line.startswith("::error file=evil") for line in out.splitlines())


def test_a_real_file_named_with_a_leading_angle_bracket_keeps_its_location(tmp_path):
    (tmp_path / "<s.okr.yaml").write_text("team: x\nperiod: 2027-Q1\nobjectives:\n  - title: Improve stuff\n"
                                          "    key_results:\n      - title: Launch the portal\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "okrlint", "check", ".", "--no-cache", "--isolated", "--format", "sarif"],
                         cwd=tmp_path, capture_output=True, text=True).stdout
    results = json.loads(out)["runs"][0]["results"]
    assert results and all("physicalLocation" in r["locations"][0] for r in results)
    assert names_a_file("<s.okr.yaml") and not names_a_file("<org>")


def test_sarif_uris_encode_a_colon_and_a_backslash_of_a_posix_name():
    assert artifact_uri("a:b.okr.yaml") == "a%3Ab.okr.yaml"
    if sys.platform != "win32":
        assert artifact_uri("a\\b.okr.yaml") == "a%5Cb.okr.yaml"
    assert artifact_uri("my plan.md") == "my%20plan.md"


def test_an_objective_with_thousands_of_pasted_key_results_still_finds_its_copies():
    from okrlint.testing import lint_documents

    lines = "".join(f"- KR: Raise signups from {i} to {i + 10}\n" for i in range(400))
    text = "# Q1 OKRs\n\nObjective: Customers stay\n" + lines + "- KR: Raise signups from 3 to 13\n"
    copies = [f for f in lint_documents([("big.okr.md", text)]) if f.code == "CLA006"]
    assert len(copies) == 1 and "Raise signups from 3 to 13" in copies[0].message
