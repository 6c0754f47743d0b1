"""--jobs and the content cache change nothing in the result, only how fast it comes."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint import parallel
from okrlint.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def org(tmp_path_factory):
    out = tmp_path_factory.mktemp("org")
    sources = sorted((ROOT / "examples").rglob("*.okr.yaml"))
    for copy in range(4):
        for path in sources:
            text = re.sub(r"^team: (\S+)", lambda m: f"team: {m.group(1)}-{copy}", path.read_text(encoding="utf-8"), flags=re.M)
            text = re.sub(r"\bid: (\S+)", lambda m: f"id: {m.group(1)}-{copy}", text)
            (out / f"{copy}-{path.parent.name}-{path.name}").write_text(text, encoding="utf-8")
    (out / "broken.okr.yaml").write_text("team: x\nobjectives: [\n", encoding="utf-8")
    (out / "suppressed.okr.yaml").write_text(
        "team: quiet\nobjectives:\n  - title: Shops stay with us\n    key_results:\n"
        "      - Launch the loyalty page  # okrlint: disable=kr-is-activity\n      - Cut churn of shops from 5% to 3%\n",
        encoding="utf-8")
    return out


def run(*args):
    result = CliRunner().invoke(main, ["check", *map(str, args), "--format", "json"], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_parallel_run_equals_serial_run(org, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    serial = run(org, "--no-cache", "--jobs", "1")
    parallel_run = run(org, "--no-cache", "--jobs", "2")
    assert serial == parallel_run
    assert serial[0] == 2 and "broken.okr.yaml" in serial[2]
    assert not any(f["name"] == "kr-is-activity" and "quiet" in f["object_id"] for f in serial[1]["findings"])


def test_cached_run_equals_fresh_run(org, tmp_path):
    cache = tmp_path / "cache"
    fresh = run(org, "--no-cache")
    first = run(org, "--cache-dir", cache)
    entries = list(cache.rglob("*.json"))
    assert entries and (cache / ".gitignore").exists()
    second = run(org, "--cache-dir", cache)
    assert fresh == first == second


def test_changed_file_misses_the_cache(tmp_path):
    cache = tmp_path / "cache"
    okr = tmp_path / "a.okr.yaml"
    okr.write_text("team: a\nobjectives:\n  - title: Delight shops\n    key_results:\n      - Launch the page\n      - Cut churn from 5% to 3%\n")
    assert any(f["name"] == "kr-is-activity" for f in run(okr, "--cache-dir", cache)[1]["findings"])
    okr.write_text("team: a\nobjectives:\n  - title: Delight shops\n    key_results:\n      - Raise NPS of shops from 30 to 40\n      - Cut churn from 5% to 3%\n")
    assert not any(f["name"] == "kr-is-activity" for f in run(okr, "--cache-dir", cache)[1]["findings"])


def test_a_tampered_cache_entry_is_ignored_not_executed(tmp_path):
    cache = tmp_path / "cache"
    okr = tmp_path / "a.okr.yaml"
    okr.write_text("team: a\nobjectives:\n  - title: Delight shops\n    key_results:\n      - Launch the page\n")
    expected = run(okr, "--cache-dir", cache)
    for entry in cache.rglob("*.json"):
        entry.write_text('{"$t": "os.system", "command": "echo pwned"}')
    assert run(okr, "--cache-dir", cache) == expected


def test_org_findings_are_cached_for_an_unchanged_org_and_recomputed_when_one_file_changes(tmp_path, monkeypatch):
    from okrlint.engine import Engine

    cache = tmp_path / "cache"
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    kr = "    key_results:\n      - Cut churn of shops from 5% to 3%\n      - Raise NPS of shops from 20 to 35\n"
    (okrs / "a.okr.yaml").write_text(f"team: a\nobjectives:\n  - title: Make small shops love our app\n{kr}")
    (okrs / "b.okr.yaml").write_text(f"team: b\nobjectives:\n  - title: Make small shops love our app\n{kr}")
    calls = []
    original = Engine.check_org
    monkeypatch.setattr(Engine, "check_org", lambda self, org: calls.append(1) or original(self, org))

    def duplicates():
        _, document, _ = run(okrs, "--cache-dir", cache)
        return sorted(f["object_id"] for f in document["findings"] if f["name"] == "duplicate-objective")

    first = duplicates()
    assert first and len(calls) == 1
    assert duplicates() == first and len(calls) == 1  # unchanged org: org rules not run again
    assert list((cache / "v3" / "org").glob("*.json"))
    (okrs / "b.okr.yaml").write_text(f"team: b\nobjectives:\n  - title: Pay suppliers on time\n{kr}")
    assert duplicates() == [] and len(calls) == 2  # one file changed: org rules run again
    (okrs / "c.okr.yaml").write_text(f"team: c\nobjectives:\n  - title: Make small shops love our app\n{kr}")
    assert duplicates() and len(calls) == 3  # one file more
    assert run(okrs / "a.okr.yaml", "--cache-dir", cache)[1]["findings"] is not None and len(calls) == 4


def test_thai_segmentations_made_by_workers_are_kept_by_the_parent(tmp_path, monkeypatch):
    import okrlint.text.segment as segment
    from okrlint.config import Config
    from okrlint.engine import Engine

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(segment, "_private_dir", tmp_path)  # a fresh folder of derived data
    for number in range(6):
        (tmp_path / f"t{number}.okr.yaml").write_text(
            f"team: ทีม{number}\nobjectives:\n  - title: ลูกค้ากลุ่มที่{number}ประทับใจบริการหลังการขาย\n"
            f"    key_results:\n      - ลดเวลารอสายของลูกค้ากลุ่มที่{number}จาก 5 นาทีเหลือ 2 นาที\n"
            "      - เพิ่มคะแนนความพึงพอใจจาก 4.1 เป็น 4.5\n", encoding="utf-8")
    handed_over = []
    original = segment.ThaiSegmenter.absorb
    monkeypatch.setattr(segment.ThaiSegmenter, "absorb",
                        lambda self, runs: handed_over.extend(runs) or original(self, runs))
    engine = Engine(Config())
    engine.run([str(tmp_path)], jobs=2)
    assert "ลดเวลารอสายของลูกค้ากลุ่มที่" in handed_over  # segmented in a worker, handed to the parent
    assert "ลดเวลารอสายของลูกค้ากลุ่มที่" in engine.analyser.segmenter._cache
    engine.analyser.segmenter._save_memo()
    assert list(tmp_path.glob("segments-*.marshal"))


def test_a_document_skipped_when_guessed_is_still_an_error_when_named(tmp_path):
    """The cache keeps a folder run's 'skipped, not an OKR document' apart from the same file named on its own."""
    cache, folder = tmp_path / "cache", tmp_path / "plans"
    folder.mkdir()
    (folder / "minutes.docx").write_bytes(b"")  # not named as a plan: skipped in a folder
    (folder / "plan.md").write_text("# Growth OKRs Q1 2027\n\n## Objective: Cooks stick with us\n\n"
                                    "- Raise day-7 retention from 22% to 30%\n", encoding="utf-8")
    assert run(folder, "--cache-dir", cache)[0] != 2
    code, _, stderr = run(folder / "minutes.docx", "--cache-dir", cache)
    assert code == 2 and "error: empty file" in stderr
