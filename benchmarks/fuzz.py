"""A long fuzz run over the loaders and the rule engine, outside the test suite.

    PYTHONPATH=src python benchmarks/fuzz.py --examples 20000 [--target all|any|yaml|draft|csv|pptx|odt|html|bytes|rules] [--seed N]

Runs the properties of tests/test_fuzz.py (strategies in tests/fuzz_support.py) with many more inputs
and prints how many were tried per target, how long it took, and every failure with its smallest input.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import yaml  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import fuzz_support as fs  # noqa: E402


def targets(checker: fs.Checker) -> dict:
    well_formed = st.builds(
        lambda team, titles: {"team": team, "objectives": [{"title": t, "key_results": titles} for t in titles[:3]]},
        st.sampled_from(["co", "sales", "ทีมขาย"]), st.lists(fs.okr_texts(), max_size=6),
    )
    return {
        "any": (fs.inputs, lambda document: checker.check(*document)),
        "yaml": (fs.yaml_documents(), lambda data: checker.check("fuzz.okr.yaml", data)),
        "draft": (fs.markdown_drafts(), lambda data: checker.check("fuzz.okr.md", data)),
        "csv": (fs.table_documents(), lambda data: checker.check("fuzz.okr.csv", data)),
        "pptx": (fs.deck_documents(), lambda data: checker.check("fuzz.okr.pptx", data)),
        "odt": (fs.odt_documents(), lambda data: checker.check("fuzz.okr.odt", data)),
        "html": (fs.web_pages(), lambda data: checker.check("fuzz.okr.html", data)),
        "bytes": (st.tuples(st.sampled_from(["f.okr.yaml", "f.okr.md", "f.okr.csv", "f.okr.xlsx", "f.okr.docx", "f.okr.pdf",
                                             "f.okr.pptx", "f.okr.odt", "f.okr.html"]),
                            st.binary(max_size=4000)), lambda document: checker.check(*document)),
        "rules": (well_formed, lambda okr_set: checker.check(
            "fuzz.okr.yaml", yaml.safe_dump(okr_set, allow_unicode=True).encode())),
    }


def run_target(name: str, strategy, prop, examples: int, random_seed: int | None) -> tuple[int, str | None]:
    tried = 0

    def counted(value):
        nonlocal tried
        tried += 1
        prop(value)

    test = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck),
                    database=None, print_blob=True)(given(strategy)(counted))
    if random_seed is not None:
        test = seed(random_seed)(test)
    try:
        test()
    except Exception:  # noqa: BLE001 - a failure is what a fuzz run is for: report it and go on
        return tried, traceback.format_exc(limit=-6)
    return tried, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per target (default 2000)")
    parser.add_argument("--target", default="all", help="all, or one of: any, yaml, draft, csv, pptx, odt, html, bytes, rules")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    checker = fs.Checker()
    chosen = targets(checker)
    names = list(chosen) if args.target == "all" else [args.target]
    failures = 0
    total = 0
    start = time.perf_counter()
    for name in names:
        strategy, prop = chosen[name]
        began = time.perf_counter()
        tried, failure = run_target(name, strategy, prop, args.examples, args.seed)
        total += tried
        status = "ok" if failure is None else "FAILED"
        print(f"{name:6} {tried:7,} inputs tried in {time.perf_counter() - began:7.1f} s  {status}", flush=True)
        if failure:
            failures += 1
            print(failure, flush=True)
    print(f"total  {total:7,} inputs tried in {time.perf_counter() - start:7.1f} s, {failures} failing target(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
