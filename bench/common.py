"""Shared helpers of the benchmark suite: paths, timing, statistics, subprocess runs, jrnl set-up.

Nothing here imports the product at module level, so start-up benchmarks stay honest.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"
PASSPHRASE = "bench passphrase: four random words"
JRNL_PASSWORD = "bench jrnl password"
PYTHON = sys.executable
BIN = Path(sys.executable).parent
PSW = str(BIN / "psw-journal")
JRNL = str(BIN / "jrnl")


def summary(values: Sequence[float], digits: int = 4) -> dict[str, float]:
    """Return median, min and max (and the count) of ``values``."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "n": len(values),
    }


def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q`` percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def timed(func: Callable[[], object]) -> float:
    """Return the seconds one call takes."""
    began = time.perf_counter()
    func()
    return time.perf_counter() - began


def interleaved(runs: int, contenders: dict[str, Callable[[], object]],
                warmup: int = 1) -> dict[str, list[float]]:
    """Time each contender ``runs`` times, alternating between them (A B C A B C ...)."""
    for _ in range(warmup):
        for func in contenders.values():
            func()
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, func in contenders.items():
            times[name].append(timed(func))
    return times


def base_env(**extra: str) -> dict[str, str]:
    """Return the environment for product and jrnl subprocesses (settings kept in the cache)."""
    env = dict(os.environ)
    env.pop("PSW_JOURNAL_DEBUG", None)
    home = CACHE / "home"
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "data").mkdir(parents=True, exist_ok=True)
    env.update(
        PSW_JOURNAL_PASSPHRASE=PASSPHRASE,
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        PYTHONDONTWRITEBYTECODE="",
        PYTHONPATH=str(ROOT),
    )
    env.pop("PYTHONDONTWRITEBYTECODE")
    env.update(extra)
    return env


def run(cmd: Sequence[str], env: dict[str, str] | None = None, check: bool = True,
        stdout: Any = subprocess.DEVNULL,
        timeout: float = 300) -> subprocess.CompletedProcess[Any]:
    """Run a command, failing loudly (with its stderr) when it fails."""
    done = subprocess.run(list(cmd), env=env or base_env(), stdout=stdout,
                          stderr=subprocess.PIPE, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: "
                           f"{done.stderr.decode(errors='replace')[-2000:]}")
    return done


def command_timer(cmd: Sequence[str], env: dict[str, str] | None = None,
                  expect_output: bool = False) -> Callable[[], object]:
    """Return a function running ``cmd`` (whole process, output read and thrown away)."""
    env = env or base_env()

    def go() -> object:
        done = run(cmd, env=env, stdout=subprocess.PIPE)
        if expect_output and not done.stdout.strip():
            raise RuntimeError(f"{' '.join(cmd)} printed nothing")
        return done

    return go


# -- jrnl --------------------------------------------------------------------------------------

def jrnl_config(plain: Path, encrypted: Path, config: Path) -> Path:
    """Write a jrnl 4 config naming the plain journal ``default`` and the encrypted ``secret``."""
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        "journals:\n"
        f"  default: {{journal: '{plain}'}}\n"
        f"  secret: {{journal: '{encrypted}', encrypt: true}}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return config


def jrnl_env() -> dict[str, str]:
    """Jrnl's environment: its password comes from a keyring backend reading the env."""
    return base_env(PYTHON_KEYRING_BACKEND="bench.jrnl_keyring.EnvKeyring",
                    BENCH_JRNL_PASSWORD=JRNL_PASSWORD)


def jrnl_cmd(config: Path, journal: str, *args: str) -> list[str]:
    """Return a jrnl command line on one of the configured journals."""
    return [JRNL, "--config-file", str(config), journal, *args]


def have(program: str) -> bool:
    """Tell whether ``program`` is on PATH."""
    return shutil.which(program) is not None


# -- results -----------------------------------------------------------------------------------

@dataclass
class Check:
    """One figure against its target."""

    name: str
    value: float
    target: str
    ok: bool | None
    unit: str = ""
    detail: str = ""


@dataclass
class Result:
    """What one benchmark measured: raw figures and checks against targets."""

    benchmark: str
    figures: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def check(self, name: str, value: float, limit: float, target: str, unit: str = "",
              detail: str = "") -> None:
        """Record ``value <= limit`` as a check."""
        self.checks.append(Check(name, value, target, value <= limit, unit, detail))

    def check_at_least(self, name: str, value: float, limit: float, target: str,
                       unit: str = "", detail: str = "") -> None:
        """Record ``value >= limit`` as a check."""
        self.checks.append(Check(name, value, target, value >= limit, unit, detail))

    def as_json(self) -> dict[str, Any]:
        """Return a JSON-able dict."""
        return {
            "benchmark": self.benchmark,
            "figures": self.figures,
            "checks": [c.__dict__ for c in self.checks],
            "notes": self.notes,
        }

    def print(self) -> None:
        """Print the checks and one JSON line."""
        print(f"== {self.benchmark}")
        for c in self.checks:
            mark = {True: "ok  ", False: "MISS", None: "    "}[c.ok]
            print(f"  [{mark}] {c.name}: {c.value:.4g}{c.unit} (target {c.target})"
                  + (f"  {c.detail}" if c.detail else ""))
        for note in self.notes:
            print(f"  note: {note}")
        print(json.dumps(self.as_json()), flush=True)


def fmt_summary(s: dict[str, float], scale: float = 1000, unit: str = "ms") -> str:
    """Format a summary as 'median (min-max) unit'."""
    return (f"{s['median'] * scale:.3g} ({s['min'] * scale:.3g}-{s['max'] * scale:.3g}) {unit}")
