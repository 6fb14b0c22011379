"""The benchmarks still run: ``python -m bench --smoke`` (500 entries, once, no targets)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_smoke_runs_every_benchmark() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "bench", "--smoke"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - began
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["smoke"] is True and summary["failed"] == []
    names = {result["benchmark"] for result in summary["results"]}
    assert names == {"startup", "search", "coverage", "export", "import", "memory", "typing",
                     "unlock"}
    measured = {check["benchmark"] for check in summary["checks"]}
    assert measured >= names - {"startup"}  # start-up needs Xvfb and xdotool
    assert elapsed < 60, f"the smoke run took {elapsed:.0f} s"
