"""Time and peak memory of okrlint against the YAML parse floor and yamllint, side by side in one run.

    PYTHONPATH=src python benchmarks/run_benchmarks.py [--sizes 1000,10000,100000] [--runs 15]
        [--work-dir /tmp/okrlint-bench] [--json results.json]

Every figure is one child process (interpreter start included), timed from spawn to exit; memory is the
child's peak resident set size as os.wait4 reports it (the largest of the process and its waited-for
children, e.g. the --jobs workers; not their sum).

* Single file (a 20-KR set): ``okrlint check FILE`` (no cache, and with a warm cache) vs ``yamllint FILE``
  (relaxed config, no line-length rule) vs the parse floor ``python -c "import yaml; yaml.load(...)"``;
  median of --runs runs each.
* Whole org at each size: ``okrlint check DIR --format json`` with --no-cache and --jobs 1, with --no-cache and
  the default jobs, then a cold cache run, a warm one (an unchanged org: a replay of the stored run) and a
  warm one after one file was edited (that file and the org rules linted again); vs the parse floor (one Python process that walks the
  directory and loads every *.okr.yaml with PyYAML's C loader) and yamllint on the same directory.

Targets (issue 7): whole-org lint at most 1.5 x the parse floor; the single file faster than yamllint; at most
1 GB at 100k KRs; time growing linearly with size (about 10 x per 10 x KRs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_org import OrgWriter, write_single_file  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
YAMLLINT_CONFIG = "{extends: relaxed, rules: {line-length: disable}, yaml-files: ['*.okr.yaml']}"
PARSE_FLOOR_ONE = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
PARSE_FLOOR_DIR = (
    "import sys, yaml, pathlib\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.okr.yaml')):\n"
    "    yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)
TARGET_FLOOR_RATIO = 1.5
TARGET_MEMORY_MB = 1024


@attrs.frozen
class Measurement:
    label: str
    seconds: float
    peak_mb: float
    exit_code: int
    runs: int


def measure_once(command: list[str], env: dict[str, str], timeout: float) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one run of ``command`` (output discarded)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env, cwd=REPO)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        if process.returncode not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"benchmark command failed ({process.returncode}): {' '.join(command)}\n{message}")
    return seconds, usage.ru_maxrss / 1024, process.returncode


def measure(label: str, command: list[str], env: dict[str, str], *, runs: int, timeout: float,
            before: Callable[[int], None] | None = None) -> Measurement:
    results = []
    for run in range(runs):
        if before is not None:
            before(run)  # untimed preparation of this run
        results.append(measure_once(command, env, timeout))
    return Measurement(
        label=label,
        seconds=statistics.median(r[0] for r in results),
        peak_mb=max(r[1] for r in results),
        exit_code=results[-1][2],
        runs=runs,
    )


def okrlint(*args: str) -> list[str]:
    return [PYTHON, "-m", "okrlint", "check", *args]


def yamllint(target: Path) -> list[str]:
    return [PYTHON, "-m", "yamllint", "--no-warnings", "-f", "parsable", "-d", YAMLLINT_CONFIG, str(target)]


def ensure_org(work_dir: Path, key_results: int, seed: int) -> Path:
    out = work_dir / f"org-{key_results}-seed{seed}"
    marker = out / ".complete"
    if not marker.exists():
        shutil.rmtree(out, ignore_errors=True)
        files, count = OrgWriter(seed).write_org(key_results, out)
        marker.write_text(f"{files} {count}\n")
        print(f"generated {out}: {files} files, {count} key results", file=sys.stderr)
    return out


def bench_single_file(work_dir: Path, env: dict[str, str], runs: int, seed: int) -> list[Measurement]:
    path = work_dir / f"single-seed{seed}.okr.yaml"
    write_single_file(path, seed)
    cache = work_dir / "cache-single"
    shutil.rmtree(cache, ignore_errors=True)
    subprocess.run(okrlint(str(path), "--cache-dir", str(cache)), env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    commands = [
        ("okrlint (no cache)", okrlint(str(path), "--no-cache")),
        ("okrlint (warm cache)", okrlint(str(path), "--cache-dir", str(cache))),
        ("yamllint", yamllint(path)),
        ("parse floor (CSafeLoader)", [PYTHON, "-c", PARSE_FLOOR_ONE, str(path)]),
    ]
    return measure_interleaved(commands, env, runs=runs, timeout=120)


def measure_interleaved(commands: list[tuple[str, list[str]]], env: dict[str, str], *, runs: int,
                        timeout: float) -> list[Measurement]:
    """Each command ``runs`` times, taking turns (a, b, c, a, b, c ...): a slow spell of the machine then falls
    on every command alike instead of on whichever ran during it. ~0.1 s commands differ by a few per cent."""
    results: list[list[tuple[float, float, int]]] = [[] for _ in commands]
    for _ in range(runs):
        for index, (_, command) in enumerate(commands):
            results[index].append(measure_once(command, env, timeout))
    return [
        Measurement(label=label, seconds=statistics.median(r[0] for r in rows), peak_mb=max(r[1] for r in rows),
                    exit_code=rows[-1][2], runs=runs)
        for (label, _), rows in zip(commands, results)
    ]


def bench_org(org: Path, work_dir: Path, env: dict[str, str], runs: int, timeout: float) -> list[Measurement]:
    cache = work_dir / f"cache-{org.name}"
    shutil.rmtree(cache, ignore_errors=True)
    json_out = ["--format", "json", "--exit-zero"]
    edited = sorted(org.rglob("*.okr.yaml"))[0]
    original = edited.read_bytes()

    def edit(run: int) -> None:
        """A new comment in one file: the run lints it again, and the org rules, and takes the rest from the cache."""
        edited.write_bytes(original + f"# edited for run {run} of {time.time()}\n".encode())

    results = [
        measure("parse floor (CSafeLoader)", [PYTHON, "-c", PARSE_FLOOR_DIR, str(org)], env, runs=runs, timeout=timeout),
        measure("okrlint --no-cache --jobs 1", okrlint(str(org), *json_out, "--no-cache", "--jobs", "1"), env,
                runs=runs, timeout=timeout),
        measure("okrlint --no-cache (default jobs)", okrlint(str(org), *json_out, "--no-cache"), env,
                runs=runs, timeout=timeout),
        measure("okrlint cold cache (writes it)", okrlint(str(org), *json_out, "--cache-dir", str(cache)), env,
                runs=1, timeout=timeout),
        measure("okrlint warm cache (replay)", okrlint(str(org), *json_out, "--cache-dir", str(cache)), env,
                runs=runs, timeout=timeout),
        measure("okrlint warm cache, 1 file edited", okrlint(str(org), *json_out, "--cache-dir", str(cache)), env,
                runs=runs, timeout=timeout, before=edit),
        measure("yamllint", yamllint(org), env, runs=1, timeout=timeout),
    ]
    edited.write_bytes(original)
    shutil.rmtree(cache, ignore_errors=True)
    return results


def format_table(title: str, rows: list[Measurement], floor: Measurement) -> str:
    lines = [title, f"  {'command':<36} {'seconds':>9} {'x floor':>8} {'peak MB':>8}  runs"]
    for row in rows:
        lines.append(f"  {row.label:<36} {row.seconds:>9.3f} {row.seconds / floor.seconds:>8.2f} "
                     f"{row.peak_mb:>8.0f}  {row.runs}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="org sizes in key results (comma-separated)")
    parser.add_argument("--runs", type=int, default=15, help="runs per single-file command (median)")
    parser.add_argument("--org-runs", type=int, default=1, help="runs per whole-org command (median)")
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/okrlint-bench"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before one command is killed")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    import importlib.util

    if importlib.util.find_spec("yamllint") is None:  # a missing peer would time as a 0.03 s failure
        parser.error("yamllint is not installed (pip install yamllint): the comparison needs it")
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    args.work_dir.mkdir(parents=True, exist_ok=True)
    # Installed packages run from compiled bytecode; this sandbox sets PYTHONDONTWRITEBYTECODE, which would make
    # every okrlint run recompile its sources while yamllint's installed .pyc files are used.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(REPO / "src")
    # okrlint's private folder (derived word lists, kept compiled patterns) as a user's is after a first run,
    # not the developer's, which the test suite has filled with every pattern it ever compiled.
    env["OKRLINT_CACHE_DIR"] = str(args.work_dir / "private-data")
    # Fresh at every run: what earlier runs of other okrlint versions kept there would be read at every start.
    shutil.rmtree(args.work_dir / "private-data", ignore_errors=True)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(REPO / "src")], env=env, check=False)
    warm_up = args.work_dir / "warm-up.okr.yaml"
    warm_up.write_text("team: warm-up\nobjectives:\n  - title: ลูกค้าพึงพอใจ Customers stay\n    key_results:\n"
                       "      - Cut churn from 5% to 3%\n      - เพิ่มความพึงพอใจจาก 80% เป็น 90%\n", encoding="utf-8")
    subprocess.run([PYTHON, "-m", "okrlint", "check", str(warm_up), "--no-cache"], env=env, cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    report: dict[str, object] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    single = bench_single_file(args.work_dir, env, args.runs, args.seed)
    floor, yl = single[3], single[2]
    print(format_table(f"Single 20-KR file (median of {args.runs}; x floor = time / parse floor)", single, floor))
    print(f"  target: okrlint faster than yamllint -> no cache {single[0].seconds / yl.seconds:.2f} x yamllint, "
          f"warm cache {single[1].seconds / yl.seconds:.2f} x yamllint")
    report["single_file"] = [attrs.asdict(m) for m in single]

    org_results: dict[int, list[Measurement]] = {}
    for size in sizes:
        org = ensure_org(args.work_dir, size, args.seed)
        rows = bench_org(org, args.work_dir, env, args.org_runs, args.timeout)
        org_results[size] = rows
        print()
        print(format_table(f"Whole org, {size:,} key results ({org.name})", rows, rows[0]))
        serial, parallel = rows[1], rows[2]
        print(f"  target: <= {TARGET_FLOOR_RATIO} x floor -> jobs 1 {serial.seconds / rows[0].seconds:.2f}, "
              f"default jobs {parallel.seconds / rows[0].seconds:.2f}; <= {TARGET_MEMORY_MB} MB -> "
              f"{max(serial.peak_mb, parallel.peak_mb):.0f} MB")
        sys.stdout.flush()
    report["orgs"] = {str(size): [attrs.asdict(m) for m in rows] for size, rows in org_results.items()}

    if len(sizes) > 1:
        print("\nGrowth per 10 x key results (linear = 10.0)")
        labels = [m.label for m in org_results[sizes[0]]]
        growth: dict[str, list[float]] = {}
        for index, label in enumerate(labels):
            factors = []
            for small, large in zip(sizes, sizes[1:]):
                ratio = org_results[large][index].seconds / org_results[small][index].seconds
                factors.append(ratio * 10 / (large / small))  # normalised to a 10 x step
            growth[label] = factors
            steps = "  ".join(f"{s:,}->{l:,}: {f:5.1f}" for (s, l), f in zip(zip(sizes, sizes[1:]), factors))
            print(f"  {label:<36} {steps}")
        report["growth_per_10x"] = growth
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
