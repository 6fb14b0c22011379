"""Start-up, whole process, on a real X server (Xvfb): spawn until a window is visible.

Three contenders, interleaved in the same run:

* ``bare``: a bare PySide6 ``QMainWindow`` script (``bench/bare_window.py``), the floor;
* ``unlock``: ``psw-journal --journal J`` until the "Unlock your journal" window is visible;
* ``main``: the same with ``PSW_JOURNAL_PASSPHRASE`` set (the app then unlocks by itself) until
  the "PSW Reflective Journal" main window is visible. The main window fetches the first page of
  the list synchronously before it returns to the event loop, so when it is mapped the list is
  populated.

A window is "visible" when ``xdotool search --onlyvisible --name`` finds it. ``--sync`` polls
only every 0.5 s, so the benchmark calls xdotool itself every 5 ms (resolution about 5-8 ms,
the same for every contender). The app is not modified.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import BENCH, CACHE, PSW, PYTHON, Result, base_env, summary

DISPLAY = ":97"
UNLOCK_TITLE = "^Unlock your journal$"
MAIN_TITLE = "^PSW Reflective Journal$"
BARE_TITLE = "^Bench bare window$"
POLL_S = 0.005


def available() -> str | None:
    """Return why the benchmark cannot run here, or None."""
    for program in ("Xvfb", "xdotool"):
        if shutil.which(program) is None:
            return (f"{program} is missing: apt-get install xvfb xdotool libxcb-cursor0 "
                    "libxcb-icccm4 libxcb-keysyms1")
    return None


@contextmanager
def xvfb(display: str = DISPLAY) -> Iterator[str]:
    """Run an Xvfb server for the duration."""
    number = display.lstrip(":")
    Path(f"/tmp/.X{number}-lock").unlink(missing_ok=True)
    Path(f"/tmp/.X11-unix/X{number}").unlink(missing_ok=True)
    # -noreset: by default Xvfb resets when its last client leaves, and a window spawned during
    # the reset fails with "could not connect to display".
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten",
                               "tcp", "-noreset"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        probe = {**os.environ, "DISPLAY": display}
        while subprocess.run(["xdotool", "getmouselocation"], env=probe,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.02)
        yield display
    finally:
        server.terminate()
        server.wait(5)


def visible(title: str, env: dict[str, str]) -> bool:
    """Tell whether a visible window has this title (a regex)."""
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def spawn_until_visible(cmd: list[str], title: str, env: dict[str, str],
                        timeout: float = 60) -> float:
    """Return the seconds from spawning ``cmd`` to its window ``title`` being visible."""
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        while not visible(title, env):
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd} exited {proc.returncode} before showing {title}: "
                                   f"{proc.stderr.read().decode(errors='replace')[-1500:]}")
            if time.perf_counter() - began > timeout:
                raise RuntimeError(f"{cmd}: no {title} window after {timeout} s")
            time.sleep(POLL_S)
        return time.perf_counter() - began
    finally:
        _stop(proc)
        if proc.stderr:
            proc.stderr.close()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the spawned process (it was started in its own session) and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    proc.wait()


def main_env(display: str, passphrase: bool) -> dict[str, str]:
    """The app's environment on the X server (QSettings kept in the benchmark's cache)."""
    env = base_env(DISPLAY=display)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    if not passphrase:
        env.pop("PSW_JOURNAL_PASSPHRASE", None)
    return env


def bench(journal: Path, runs: int, enforce: bool = True) -> Result:
    """Measure start-up against the bare window."""
    result = Result("startup")
    why = available()
    if why:
        result.notes.append(f"not measured: {why}")
        return result
    journal_copy = CACHE / "startup" / journal.name
    journal_copy.parent.mkdir(parents=True, exist_ok=True)
    if not journal_copy.exists() or journal_copy.stat().st_mtime < journal.stat().st_mtime:
        shutil.copy2(journal, journal_copy)
    try:
        times = _measure(journal_copy, runs, DISPLAY)
    except RuntimeError as exc:  # an X server that went away: one more try on another display
        result.notes.append(f"first attempt failed, retried on :98 ({str(exc)[:200]})")
        times = _measure(journal_copy, runs, ":98")
    s = {name: summary(values) for name, values in times.items()}
    ratio_unlock = [u / b for u, b in zip(times["unlock"], times["bare"], strict=True)]
    ratio_main = [m / b for m, b in zip(times["main"], times["bare"], strict=True)]
    result.figures = {"seconds": s, "ratio_unlock_vs_bare": summary(ratio_unlock, 3),
                      "ratio_main_vs_bare": summary(ratio_main, 3), "runs": runs,
                      "poll_s": POLL_S}
    r_unlock = s["unlock"]["median"] / s["bare"]["median"]
    r_main = s["main"]["median"] / s["bare"]["median"]
    add = result.check if enforce else _note(result)
    add("startup unlock window / bare window (medians)", r_unlock, 1.5, "<= 1.5x", "x",
        f"unlock {s['unlock']['median']:.3f} s, bare {s['bare']['median']:.3f} s")
    add("startup main window with list / bare window (medians)", r_main, 2.5, "<= 2.5x", "x",
        f"main {s['main']['median']:.3f} s, bare {s['bare']['median']:.3f} s")
    return result


def _measure(journal_copy: Path, runs: int, display_name: str) -> dict[str, list[float]]:
    """Spawn the three contenders, interleaved, on a fresh Xvfb; return their seconds."""
    with xvfb(display_name) as display:
        locked, unlocked = main_env(display, False), main_env(display, True)
        contenders = {
            "bare": ([PYTHON, str(BENCH / "bare_window.py")], BARE_TITLE, locked),
            "unlock": ([PSW, "--journal", str(journal_copy)], UNLOCK_TITLE, locked),
            "main": ([PSW, "--journal", str(journal_copy)], MAIN_TITLE, unlocked),
        }
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for cmd, title, env in contenders.values():  # warm-up (and today's backup)
            spawn_until_visible(cmd, title, env)
        for _ in range(runs):
            for name, (cmd, title, env) in contenders.items():
                times[name].append(spawn_until_visible(cmd, title, env))
    return times


def _note(result: Result):  # type: ignore[no-untyped-def]
    """Return a check recorder that records figures without judging them (smoke mode)."""
    def add(name: str, value: float, limit: float, target: str, unit: str = "",
            detail: str = "") -> None:
        from bench.common import Check

        result.checks.append(Check(name, value, target, None, unit, detail))
    return add
