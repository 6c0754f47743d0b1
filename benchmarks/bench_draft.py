"""Load time of a large Markdown draft (Thai and English objectives, numbered and bulleted key results,
annotations, sub-bullet fields) through okrlint's draft loader, against the YAML loader on the same OKRs.

Run: PYTHONPATH=src python benchmarks/bench_draft.py [objectives]

Real drafts have tens of objectives; the size here only makes per-line costs visible.
"""

from __future__ import annotations

import statistics
import sys
import time


def build_draft(objectives: int) -> str:
    out = ["---", "team: bench", "period: 2026-Q1", "---", "# Generated draft", ""]
    for index in range(objectives):
        if index % 2:
            out += [f"วัตถุประสงค์ที่ {index + 1}: ยกระดับบริการของเขต {index} ให้ประชาชน", "ผลลัพธ์หลัก:"]
            out += [f"• ลดเวลารอคอยจาก {30 + k} นาที เหลือ {10 + k} นาที" for k in range(3)]
        else:
            out += [f"## Objective {index + 1}: Make shops in region {index} come back", "Key results:"]
            for k in range(3):
                out += [f"{k + 1}. Raise repeat orders from {k + 5}% to {k + 9}% (owner: Nok)", "   - Baseline: 5"]
        out.append("")
    return "\n".join(out)


def build_yaml(objectives: int) -> str:
    out = ["team: bench", "period: 2026-Q1", "objectives:"]
    for index in range(objectives):
        out += [f"  - title: Make shops in region {index} come back", "    key_results:"]
        for k in range(3):
            out += [f"      - title: Raise repeat orders from {k + 5}% to {k + 9}%", "        owner: Nok", "        baseline: 5"]
    return "\n".join(out) + "\n"


def best_of(repeats: int, action) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    from okrlint.load.draft import load_draft_file
    from okrlint.load.yaml_loader import load_yaml_file

    objectives = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    draft = build_draft(objectives).encode("utf-8")
    yaml_text = build_yaml(objectives).encode("utf-8")
    lines = draft.count(b"\n") + 1
    yaml_lines = yaml_text.count(b"\n") + 1
    draft_best, draft_median = best_of(5, lambda: load_draft_file("bench.okr.md", draft, {}))
    yaml_best, yaml_median = best_of(5, lambda: load_yaml_file("bench.okr.yaml", yaml_text, {}))
    print(f"draft: {lines} lines, {objectives} objectives: best {draft_best:.3f}s, median {draft_median:.3f}s "
          f"({draft_best / lines * 1e6:.1f} µs a line)")
    print(f"yaml:  {yaml_lines} lines, same OKRs: best {yaml_best:.3f}s, median {yaml_median:.3f}s")


if __name__ == "__main__":
    main()
