"""The benchmarks still run: ``python -m bench --smoke`` (500 entries, once, no targets)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_smoke_runs_every_benchmark() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bench", "--smoke"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["smoke"] is True and summary["failed"] == []
    names = {result["benchmark"] for result in summary["results"]}
    assert names == {"startup", "search", "coverage", "export", "coursework", "import", "memory",
                     "typing", "unlock"}
    measured = {check["benchmark"] for check in summary["checks"]}
    assert measured >= names - {"startup"}  # start-up needs Xvfb and xdotool
