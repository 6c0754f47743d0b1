"""Cost of the rule watchdog (okrlint.watchdog): rule calls with the time guard on and off.

    PYTHONPATH=src python benchmarks/bench_watchdog.py [--sets 200]

Text analysis is warmed first (it is cached per title), so what is left is the rule calls themselves:
the guard's share of that is an upper bound on its share of a real run.
"""

from __future__ import annotations

import argparse
import time

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.load.yaml_loader import load_yaml_file
from okrlint.watchdog import Watchdog

TITLES = (
    "เพิ่มจำนวนลูกค้าที่สมัครใช้งานจาก {a} เป็น {b} ราย",
    "Reduce median first response time from {a} hours to {b} hours",
    "ลดเวลารอคิวเฉลี่ยลง {a}%",
    "Launch the partner portal",
    "Improve onboarding",
)


def synthetic_set(index: int) -> str:
    lines = [f"team: team{index}", "period: 2026-Q1", "objectives:"]
    for o in range(3):
        lines += [f"  - id: t{index}-o{o}", f"    title: Customers in region {o} get answers faster", "    key_results:"]
        for k in range(4):
            title = TITLES[(index + o + k) % len(TITLES)].format(a=10 + k + index % 7, b=40 + k * o)
            lines.append(f"      - '{title}'")
    return "\n".join(lines) + "\n"


def timed(engine: Engine, sets, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        engine.check_sets(sets)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sets = []
    for index in range(args.sets):
        sets.extend(load_yaml_file(f"team{index}.okr.yaml", synthetic_set(index).encode(), {}).sets)
    engine = Engine(Config())
    engine.check_sets(sets)  # warm the text analysis cache
    calls = sum(1 + len(o.key_results) for s in sets for o in s.objectives) * len(engine.selected_rules())
    engine.watchdog = Watchdog(None)
    off = timed(engine, sets, args.repeat)
    engine.watchdog = Watchdog(10.0)
    on = timed(engine, sets, args.repeat)
    print(f"{len(sets)} sets, about {calls:,} rule calls")
    print(f"watchdog off: {off * 1000:8.1f} ms")
    print(f"watchdog on:  {on * 1000:8.1f} ms  ({(on - off) / off * 100:+.1f} %, {(on - off) / calls * 1e9:+.0f} ns per call)")


if __name__ == "__main__":
    main()
