"""The okrlint program leaves with os._exit after a run: output, exit codes and saved caches must be intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, cache_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "OKRLINT_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "okrlint", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_exit_codes_and_complete_output(tmp_path):
    cache = tmp_path / "derived"
    cache.mkdir(mode=0o700)
    result = _run("check", "examples", "--format", "json", "--no-cache", cache_dir=cache)
    assert result.returncode == 1
    document = json.loads(result.stdout)  # the whole document arrived before the process left
    assert document["findings"] and document["summary"]["files"] >= 3
    assert _run("check", "examples", "--exit-zero", "--no-cache", cache_dir=cache).returncode == 0
    missing = _run("check", "no/such.okr.yaml", "--no-cache", cache_dir=cache)
    assert missing.returncode == 2 and "no/such.okr.yaml" in missing.stderr
    assert _run("check", "--no-such-option", cache_dir=cache).returncode == 2
    assert _run("--version", cache_dir=cache).stdout.startswith("okrlint ")


def test_caches_kept_between_runs_are_saved_before_leaving(tmp_path):
    cache = tmp_path / "derived"
    cache.mkdir(mode=0o700)
    thai = tmp_path / "t.okr.yaml"
    thai.write_text("team: ทีมทดสอบ\nobjectives:\n  - title: ลูกค้าประทับใจบริการหลังการขาย\n"
                    "    key_results:\n      - ลดเวลารอสายจาก 5 นาทีเหลือ 2 นาที\n"
                    "      - เพิ่มคะแนนความพึงพอใจจาก 4.1 เป็น 4.5\n", encoding="utf-8")
    result = _run("check", str(thai), "--no-cache", cache_dir=cache)
    assert result.returncode in (0, 1), result.stderr
    assert list(cache.glob("regex-*.marshal")), "the compiled-pattern cache was not written at exit"
    assert list(cache.glob("segments-*.marshal")), "the Thai segmentation memo was not written at exit"
