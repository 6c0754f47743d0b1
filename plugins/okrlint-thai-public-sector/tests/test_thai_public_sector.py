"""The Thai public-sector pack: its rules' examples, and the package installed for real."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PLUGIN = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(PLUGIN / "src"))

from installed import InstallFailed, install_into_venv, run_okrlint  # noqa: E402

import okrlint_thai_public_sector  # noqa: E402
from okrlint.config import Config  # noqa: E402
from okrlint.engine import Engine  # noqa: E402
from okrlint.testing import check_examples, lint_documents  # noqa: E402

ENGINE = Engine(Config(), extra_plugins=[okrlint_thai_public_sector])
CODES = ["TPS001", "TPS002", "TPS003", "TPS004"]

AGENCY_SET = """team: กองบริการประชาชน
period: 2026
objectives:
  - id: svc-o1
    title: ประชาชนได้รับบริการที่รวดเร็วและโปร่งใส
    key_results:
      - id: svc-kr1
        title: ร้อยละการเบิกจ่ายงบประมาณเพิ่มจาก 70 เป็น 95
      - id: svc-kr2
        title: ความพึงพอใจร้อยละ 85
      - id: svc-kr3
        title: ลดเวลารอรับบริการจาก 40 นาที เหลือ 15 นาที
"""


@pytest.mark.parametrize("code", CODES)
def test_examples(code):
    item = ENGINE.registry.get(code)
    assert item is not None and item.origin != "okrlint"
    assert check_examples(item, ENGINE) == []


def test_findings_on_an_agency_set():
    findings = lint_documents([("svc.okr.yaml", AGENCY_SET)], engine=Engine(Config(select=CODES), extra_plugins=[okrlint_thai_public_sector]))
    got = {(f.name, f.object_id) for f in findings}
    assert ("fiscal-year-period", "กองบริการประชาชน") in got
    assert ("disbursement-only-measure", "svc-kr1") in got
    assert ("percentage-without-base", "svc-kr2") in got
    assert not any(object_id == "svc-kr3" for _, object_id in got)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    try:
        return install_into_venv(PLUGIN, tmp_path_factory.mktemp("venv") / "env")
    except InstallFailed as exc:
        pytest.skip(f"cannot install the plugin here: {exc}")


def test_installed_package_registers_through_its_entry_point(installed, tmp_path):
    python, env = installed
    listed = run_okrlint(python, env, "rules", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rules = {r["code"]: r for r in json.loads(listed.stdout)}
    assert set(CODES) <= set(rules)
    assert "okrlint_thai_public_sector" in rules["TPS001"]["origin"]
    (tmp_path / "svc.okr.yaml").write_text(AGENCY_SET, encoding="utf-8")
    checked = run_okrlint(python, env, "check", "svc.okr.yaml", "--select", "TPS", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    names = {f["name"] for f in json.loads(checked.stdout)["findings"]}
    assert {"fiscal-year-period", "disbursement-only-measure", "percentage-without-base"} <= names
