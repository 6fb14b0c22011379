"""Memory (peak RSS with the 10k journal open, scrolled and coverage shown) and typing latency.

Both drive the real app offscreen through ``bench/gui_probe.py`` in a fresh process each run.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
from pathlib import Path

from bench.common import BENCH, CACHE, PASSPHRASE, PYTHON, Check, Result, base_env, summary
from bench.generate import Corpus, Writer


def _probe(args: list[str], timeout: float = 300) -> dict[str, object]:
    env = base_env(QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([PYTHON, str(BENCH / "gui_probe.py"), *args], env=env,
                          capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    lines = [line for line in done.stdout.decode().splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"gui_probe {args[0]} failed ({done.returncode}): "
                           f"{done.stderr.decode(errors='replace')[-2000:]}")
    return json.loads(lines[-1])


def memory(corpus: Corpus, runs: int, enforce: bool = True) -> Result:
    """Peak RSS of the app with the journal open, the list scrolled end to end, coverage shown."""
    result = Result("memory")
    folder = CACHE / "memory"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    journal = folder / "journal.db"
    shutil.copy2(corpus.journal, journal)
    probes = [_probe(["memory", str(journal), str(folder / "settings")]) for _ in range(runs)]
    shutil.rmtree(folder, ignore_errors=True)
    peaks = [float(p["peak_rss_mb"]) for p in probes]  # type: ignore[arg-type]
    s = summary(peaks, 1)
    result.figures = {"entries": corpus.entries, "peak_rss_mb": s, "runs": probes}
    detail = (f"min {s['min']}, max {s['max']}; steps {probes[-1]['rss_mb']}, "
              f"rows {probes[-1]['rows']}")
    if enforce:
        result.check("memory peak RSS, 10k open + scrolled + coverage (median)", s["median"], 150,
                     "<= 150 MB", " MB", detail)
    else:
        result.checks.append(Check("memory peak RSS (median)", s["median"], "<= 150 MB", None,
                                   " MB", detail))
    edited = summary([float(p["peak_after_edit_mb"]) for p in probes], 1)  # type: ignore[arg-type]
    result.checks.append(Check("memory peak RSS after also editing one entry (median)",
                               edited["median"], "report (the first edit loads SQLAlchemy)",
                               None, " MB", f"min {edited['min']}, max {edited['max']}"))
    return result


def typing_journal(words: int) -> Path:
    """A journal holding one entry of ``words`` words (cached)."""
    from psw_journal.core.entry import EntryDraft
    from psw_journal.persistence.store import JournalStore

    folder = CACHE / f"typing-{words}"
    journal = folder / "journal.db"
    if journal.exists():
        return journal
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    body = Writer(random.Random(7)).body(words)
    with JournalStore.create(journal, PASSPHRASE) as store:
        store.add(EntryDraft(title="A long placement diary", body=body))
    shutil.rmtree(folder / "journal-backups", ignore_errors=True)
    return journal


def typing(runs: int, keys: int, words: int = 20_000, enforce: bool = True) -> Result:
    """Per-key handling time in the editor of a long entry, preview debounced."""
    result = Result("typing")
    source = typing_journal(words)
    folder = CACHE / "typing-run"
    probes = []
    for _ in range(runs):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copy2(source, folder / "journal.db")
        probes.append(_probe(["typing", str(folder / "journal.db"), str(folder / "settings"),
                              str(keys), "60"]))
    shutil.rmtree(folder, ignore_errors=True)
    p95 = [float(p["key_ms"]["p95"]) for p in probes]  # type: ignore[index]
    p50 = [float(p["key_ms"]["p50"]) for p in probes]  # type: ignore[index]
    late = [float(p["tick_late_ms"]["max"]) for p in probes]  # type: ignore[index]
    result.figures = {"runs": probes, "key_p95_ms": summary(p95, 2), "key_p50_ms": summary(p50, 2)}
    last = probes[-1]
    detail = (f"p50 {statistics.median(p50):.2f} ms; {last['words']} words, {last['keys']} keys; "
              f"preview renders {last['preview_renders']} x {last['preview_render_ms']} ms; "
              f"tick lateness {last['tick_late_ms']} ms; autosaves {last['autosaves']}")
    add = result.check if enforce else (lambda *a, **k: result.checks.append(
        Check(a[0], a[1], a[3], None, *a[4:], **k)))
    add(f"typing: key handling p95 in a {words}-word entry (median of runs)",
        statistics.median(p95), 16, "<= 16 ms", " ms", detail)
    add("typing: worst stall of the typist's timer (preview/autosave blocking typing)",
        max(late), 100, "report (keys every 60 ms; >100 ms is a visible hitch)", " ms")
    if not all(p["typed_ok"] for p in probes):
        result.notes.append("the typed text did not all arrive in the editor")
    return result
