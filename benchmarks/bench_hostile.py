"""Hostile inputs of review 56: seconds per `okrlint check` of files built to be slow to read.

Run: python benchmarks/bench_hostile.py [--only NAME[,NAME…]] [--timeout 120]

Each case writes one file into a temporary folder and times `python -m okrlint check --no-cache --format json`
on it as a child process (interpreter start-up included, about 0.2 s). The promise under test: no input makes
okrlint hang, time grows about linearly with the input, a bad file is a one-line error and never loses the file.
Cases at n, 2n, 4n show the growth per doubling (about 2 is linear).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time

_YAML_KR = ("team: t\nobjectives:\n  - id: o1\n    title: Make customers happy\n    key_results:\n"
            "      - id: k1\n        title: Increase NPS from 30 to 50\n        target: {value}\n"
            "      - Cut churn from 5% to 3%\n")
_MD_KR = ("# Growth\nTeam: growth\n## Objective 1: Make customers happy\nKey results:\n1. Increase NPS to 50\n"
          "   - Baseline: {value}\n   - Target: {value}\n2. Cut churn from 5% to 3%\n")


def _yaml_target(value: str, quoted: bool = True) -> str:
    return _YAML_KR.format(value=json.dumps(value, ensure_ascii=False) if quoted else value)


def _titles(n: int) -> str:
    krs = "".join(f"      - title: {json.dumps(f'Increase NPS {i} ' + '1-' * 990)}\n" for i in range(n))
    return f"team: t\nobjectives:\n  - title: Make customers happy\n    key_results:\n{krs}"


def _csv_columns(n: int, words: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in range(20):
        writer.writerow([f"note {row} thing {col}" if words else f"w{row}x{col}q" for col in range(n)])
    return out.getvalue()


def _csv_cell(n: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Objective", "Key Result", "Baseline", "Target"])
    writer.writerow(["Make paying easy", "Increase NPS", "-".join(["1"] * n), "1," * n + "0"])
    writer.writerow(["Make paying easy", "Cut churn from 5% to 3%", "", ""])
    return out.getvalue()


def _docx_tables(n: int, path: str) -> None:
    import docx  # python-docx, a test dependency

    document = docx.Document()
    document.add_paragraph("Objective: Make customers happy")
    for i in range(n):
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = f"item {i}", f"note {i}"
        table.cell(1, 0).text, table.cell(1, 1).text = "x", "y"
    document.save(path)


CASES: dict[str, tuple[str, object]] = {}
for _n in (4000, 8000, 16000):
    CASES[f"yaml-target-dash-{_n}"] = ("okr.yaml", _yaml_target("-".join(["1"] * _n)))
    CASES[f"yaml-target-comma-{_n}"] = ("okr.yaml", _yaml_target("1," * _n))
for _name, _value in {"comma50k": "1," * 50000, "fromto20k": "from 1 to 2 " * 20000, "jakpen20k": "จาก 1 เป็น 2 " * 20000,
                      "frac50k": "4.5/" + "5/" * 50000, "dash50k": "-".join(["1"] * 50000), "time20k": "3 minutes " * 20000,
                      "mixed20k": "1,๒3.4e5% " * 20000, "thaicomma20k": "๑,๒๓๔" * 20000}.items():
    CASES[f"yaml-target-{_name}"] = ("okr.yaml", _yaml_target(_value))
    CASES[f"md-target-{_name}"] = ("okr.md", _MD_KR.format(value=_value))
CASES["yaml-target-int400"] = ("okr.yaml", _yaml_target("9" * 400, quoted=False))
CASES["yaml-target-hex"] = ("okr.yaml", _yaml_target("0x" + "f" * 1000, quoted=False))
for _n in (128, 256, 512):
    CASES[f"yaml-titles-1dash-{_n}"] = ("okr.yaml", _titles(_n))
for _n in (2500, 5000, 10000):
    CASES[f"csv-20rows-{_n}cols"] = ("okr.csv", _csv_columns(_n))
    CASES[f"csv-20rows-{_n}wordcols"] = ("okr.csv", _csv_columns(_n, words=True))
for _n in (2000, 4000, 8000):
    CASES[f"csv-cell-dash-{_n}"] = ("okr.csv", _csv_cell(_n))
for _n in (5000, 10000, 20000):
    CASES[f"csv-open-quotes-{_n}"] = ("okr.csv", "Objective,Key result,Baseline,Target\n" + "".join(
        f'Make paying easy,"Raise signups {i} from 1 to 2,1,2\n' for i in range(_n)))
for _n in (500, 1000, 2000):
    CASES[f"docx-{_n}-tables"] = ("okr.docx", _docx_tables)


def run_case(name: str, folder: str, timeout: float) -> str:
    suffix, content = CASES[name]
    path = os.path.join(folder, f"{name}.{suffix}")
    if callable(content):
        content(int(name.split("-")[1]), path)
    else:
        with open(path, "w", encoding="utf-8") as file:
            file.write(content)
    env = dict(os.environ, OKRLINT_CACHE_DIR=os.path.join(folder, "cache"))
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "okrlint", "check", "--no-cache", "--format", "json", "-j", "1",
                               path], capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"{name:32} > {timeout:.0f} s (killed)"
    seconds = time.perf_counter() - start
    errors = [line.split(": error: ", 1)[-1][:90] for line in done.stderr.splitlines() if ": error: " in line]
    try:
        summary = json.loads(done.stdout).get("summary", {})
        counts = f"O={summary.get('objectives')} KR={summary.get('key_results')}"
    except ValueError:
        counts = "no report"
    return f"{name:32} {seconds:7.2f} s  exit {done.returncode}  {counts}  {errors[:2]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated case names (or prefixes)")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    wanted = [n for n in CASES if not args.only or any(n.startswith(p) for p in args.only.split(","))]
    with tempfile.TemporaryDirectory() as folder:
        for name in wanted:
            print(run_case(name, folder, args.timeout), flush=True)


if __name__ == "__main__":
    main()
