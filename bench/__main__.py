"""Run every benchmark and write the results table into bench/README.md.

Usage: python -m bench [--smoke] [--only NAME[,NAME...]] [--no-readme]

--smoke: N=500, one repetition, no targets enforced (for tests/bench/test_bench_smoke.py).
Names: startup, search, coverage, export, coursework, import, memory, typing, unlock.
Exit status 0 even when targets are missed (the table says which); 1 if a benchmark failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import sys
import time
import traceback

from bench import bench_cli, bench_coursework, bench_gui, bench_search, bench_startup
from bench.common import BENCH, Result
from bench.generate import corpus

ALL = ("startup", "search", "coverage", "export", "coursework", "import", "memory", "typing",
       "unlock")
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks, print their results and write them into the README."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--only", default=",".join(ALL))
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--entries", type=int, default=None)
    args = parser.parse_args(argv)
    smoke = args.smoke
    enforce = not smoke
    n = args.entries or (500 if smoke else 10_000)
    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    began = time.perf_counter()
    big = corpus(n)
    small = corpus(min(1000, n))
    reps = 1 if smoke else None

    plan = {
        "startup": lambda: bench_startup.bench(big.journal, reps or 7, enforce),
        "search": lambda: bench_search.bench(big, reps or 30, reps or 5, enforce),
        "coverage": lambda: bench_cli.coverage(big, reps or 9, enforce),
        "export": lambda: bench_cli.export(small, big, reps or 5, enforce),
        "coursework": lambda: bench_coursework.bench(small, reps or 7, enforce),
        "import": lambda: bench_cli.import_jsonl(big, reps or 3, enforce),
        "memory": lambda: bench_gui.memory(big, reps or 3, enforce),
        "typing": lambda: bench_gui.typing(reps or 3, 20 if smoke else 150,
                                           2_000 if smoke else 20_000, enforce),
        "unlock": lambda: bench_cli.unlock(big, reps or 9),
    }
    results: list[Result] = []
    failed = []
    for name in wanted:
        started = time.perf_counter()
        try:
            result = plan[name]()
        except Exception as exc:  # one broken benchmark must not hide the others
            traceback.print_exc()
            result = Result(name, notes=[f"FAILED: {type(exc).__name__}: {exc}"[:500]])
            failed.append(name)
        result.figures["elapsed_s"] = round(time.perf_counter() - started, 1)
        result.print()
        results.append(result)
    total = time.perf_counter() - began
    summary = {
        "bench": "all", "smoke": smoke, "entries": n, "total_s": round(total, 1),
        "corpus": big.meta, "failed": failed,
        "checks": [{"benchmark": r.benchmark, **c.__dict__} for r in results for c in r.checks],
        "results": [r.as_json() for r in results],
    }
    if not smoke and not args.no_readme:
        write_readme(results, n, total, big.meta)
    print(f"total {total:.1f} s", file=sys.stderr)
    print(json.dumps(summary))
    return 1 if failed else 0


def write_readme(results: list[Result], n: int, total: float, meta: dict[str, object]) -> None:
    """Replace the results table in bench/README.md."""
    lines = [
        BEGIN,
        f"Last full run: {dt.datetime.now():%Y-%m-%d %H:%M}, {n:,} entries "
        f"({meta.get('words', 0):,} words), {platform.python_version()}, "
        f"{platform.machine()}, total {total:.0f} s.",
        "",
        "| benchmark | figure | measured | target | met |",
        "|---|---|---|---|---|",
    ]
    for result in results:
        for c in result.checks:
            met = {True: "yes", False: "**NO**", None: "-"}[c.ok]
            measured = f"{c.value:.4g}{c.unit}" + (f" ({c.detail})" if c.detail else "")
            lines.append(f"| {result.benchmark} | {c.name} | {measured.replace('|', '/')} | "
                         f"{c.target} | {met} |")
        for note in result.notes:
            lines.append(f"| {result.benchmark} | note | {note.replace('|', '/')} | | |")
    lines.append(END)
    readme = BENCH / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else f"{BEGIN}\n{END}\n"
    block = "\n".join(lines)
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text,
                  flags=re.DOTALL)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
