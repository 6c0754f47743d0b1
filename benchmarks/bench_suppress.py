"""What inline suppressions cost: run time with no directives, and with directives in 10% of files.

    PYTHONPATH=src python benchmarks/bench_suppress.py [FILES]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from okrlint.config import Config
from okrlint.engine import Engine

SET = """team: team-{n}
objectives:
  - id: t{n}-o1
    title: Make every customer of team {n} feel heard
    key_results:
      - id: t{n}-kr1
        title: Raise tickets answered within 1 hour from 40% to 80%{comment}
      - id: t{n}-kr2
        title: Launch the new help centre
"""


def write(root: Path, count: int, with_directives: int) -> None:
    for n in range(count):
        comment = "  # okrlint: disable=kr-missing-baseline" if n < with_directives else ""
        (root / f"t{n}.okr.yaml").write_text(SET.format(n=n, comment=comment))


def timed(root: Path) -> tuple[float, float, int, int]:
    """(whole run, suppression stage) in seconds, findings, files whose raw text was kept."""
    engine = Engine(Config(select=["measurability", "SUP"]))  # per-file rules only: no org-wide cost
    stage = [0.0]
    apply = engine._apply_suppressions

    def timed_apply(findings):
        start = time.perf_counter()
        kept = apply(findings)
        stage[0] += time.perf_counter() - start
        return kept

    engine._apply_suppressions = timed_apply
    engine.run([str(root)])  # warm: vocabulary, segmenter, caches
    stage[0] = 0.0
    start = time.perf_counter()
    result = engine.run([str(root)])
    return time.perf_counter() - start, stage[0], len(result.findings), len(engine._raw_with_directives)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for share in (0, 10, 100):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            write(root, count, count * share // 100)
            seconds, stage, findings, kept = timed(root)
            print(f"{count} files, directives in {share:3d}%: run {seconds * 1000:7.1f} ms, suppression stage "
                  f"{stage * 1000:6.1f} ms, {findings} findings, raw text kept for {kept} files")


if __name__ == "__main__":
    main()
