"""Coverage (reusing bench_coverage), export and import: in-process and whole process.

* Coverage: ``build_coverage(framework, store.link_tallies(), window)`` as ``bench_coverage``
  times it, on the generated journal: the first call right after unlocking, then repeats.
* Export: ``render_markdown`` in-process on 1,000 entries; ``psw-journal export --format
  markdown`` (whole process) on 1,000 and 10,000 entries against ``jrnl --format markdown``
  on the same corpus (encrypted jrnl journal), interleaved; ``--format html`` on 1,000.
* Import: ``psw-journal import --format jsonl`` of the corpus into a new journal, whole process.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from bench import bench_coverage
from bench.common import (
    CACHE,
    PASSPHRASE,
    PSW,
    Check,
    Result,
    base_env,
    command_timer,
    interleaved,
    jrnl_cmd,
    jrnl_env,
    run,
    summary,
)
from bench.generate import Corpus


def _record(result: Result, enforce: bool, at_least: bool = False):  # type: ignore[no-untyped-def]
    if enforce:
        return result.check_at_least if at_least else result.check

    def add(name: str, value: float, limit: float, target: str, unit: str = "",
            detail: str = "") -> None:
        result.checks.append(Check(name, value, target, None, unit, detail))
    return add


def coverage(corpus: Corpus, runs: int, enforce: bool = True) -> Result:
    """Time coverage right after unlocking, reusing bench_coverage's helpers."""
    from psw_journal.core.coverage import CoverageWindow, build_coverage
    from psw_journal.core.framework import load_framework
    from psw_journal.persistence.store import JournalStore

    result = Result("coverage")
    framework = load_framework()
    window = CoverageWindow.all_time()
    firsts, repeats, opens = [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        store = JournalStore.open(corpus.journal, PASSPHRASE, write=False)
        opens.append((time.perf_counter() - began) * 1000)
        with store:
            def once(s: JournalStore = store) -> object:
                return build_coverage(framework, s.link_tallies(), window)
            firsts.append(bench_coverage.timed(once))
            repeats += [bench_coverage.timed(once) for _ in range(5)]
    result.figures = {"entries": corpus.entries, "first_after_unlock_ms": bench_coverage.summary(
        firsts), "repeat_ms": bench_coverage.summary(repeats),
        "unlock_ms": bench_coverage.summary(opens)}
    first = statistics.median(firsts)
    _record(result, enforce)("coverage first call after unlock (median)", first, 30, "<= 30 ms",
                             " ms", f"min {min(firsts):.2f}, max {max(firsts):.2f}; repeat "
                             f"median {statistics.median(repeats):.2f} ms; unlock "
                             f"{statistics.median(opens):.0f} ms apart")
    return result


def export(small: Corpus, large: Corpus, runs: int, enforce: bool = True) -> Result:
    """Time Markdown (and HTML) exports against jrnl's."""
    result = Result("export")
    out = CACHE / "out"
    out.mkdir(parents=True, exist_ok=True)
    env, jenv = base_env(), jrnl_env()

    # in-process: the Markdown of 1,000 entries read from the journal
    from psw_journal.core.documents.entries import Shape, compose_entries
    from psw_journal.core.documents.model import Byline, Profile
    from psw_journal.core.framework import load_framework
    from psw_journal.persistence.store import JournalStore

    framework = load_framework()
    with JournalStore.open(small.journal, PASSPHRASE, write=False) as store:
        entries = list(store.iter_entries())
    profile = Profile(name="A Student")

    def markdown() -> str:
        document = compose_entries(entries, framework, Shape.PRINCIPLE, byline=Byline(profile))
        return document.to_markdown()

    markdown()
    times = [bench_coverage.timed(markdown) / 1000 for _ in range(runs)]
    s = summary(times)
    result.figures["in_process_markdown_s"] = {**s, "entries": len(entries)}
    _record(result, enforce)(f"export in-process Markdown {len(entries)} entries (median)",
                             s["median"], 0.1, "<= 0.1 s", " s",
                             f"min {s['min']:.3f}, max {s['max']:.3f}")

    def psw(corpus: Corpus, fmt: str) -> object:
        target = out / f"psw-{corpus.entries}.{'md' if fmt == 'markdown' else fmt}"
        return command_timer([PSW, "--journal", str(corpus.journal), "export", "--format", fmt,
                              "--out", str(target)], env)

    def jrnl(corpus: Corpus) -> object:
        return command_timer(jrnl_cmd(corpus.jrnl_config, "secret", "--format", "markdown",
                                      "--file", str(out / f"jrnl-{corpus.entries}.md")), jenv)

    for corpus, limit in ((small, 0.3), (large, 1.0)):
        n = corpus.entries
        t = interleaved(runs, {"psw": psw(corpus, "markdown"), "jrnl": jrnl(corpus)})
        sp, sj = summary(t["psw"]), summary(t["jrnl"])
        result.figures[f"whole_process_markdown_{n}_s"] = {"psw": sp, "jrnl_encrypted": sj}
        _record(result, enforce)(f"export whole process Markdown {n} entries (median)",
                                 sp["median"], limit, f"<= {limit} s", " s",
                                 f"min {sp['min']:.3f}, max {sp['max']:.3f}; "
                                 f"jrnl {sj['median']:.3f}"
                                 f" s ({sj['min']:.3f}-{sj['max']:.3f})")
        _record(result, enforce, True)(f"export whole process Markdown {n}: jrnl / psw-journal",
                                       sj["median"] / sp["median"], 1.0, "> 1x (faster than jrnl)",
                                       "x")
    t = interleaved(runs, {"html": psw(small, "html")}, warmup=1)
    sh = summary(t["html"])
    result.figures[f"whole_process_html_{small.entries}_s"] = sh
    _record(result, enforce)(f"export whole process HTML {small.entries} entries (median)",
                             sh["median"], 1.0, "<= 1 s", " s",
                             f"min {sh['min']:.3f}, max {sh['max']:.3f}")
    return result


def import_jsonl(corpus: Corpus, runs: int, enforce: bool = True) -> Result:
    """Time ``psw-journal import`` of the corpus's JSON Lines into a new journal."""
    result = Result("import")
    env = base_env()
    folder = CACHE / "import"
    times = []
    for _ in range(runs):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        journal = folder / "journal.db"
        run([PSW, "--journal", str(journal), "init"], env=env)
        began = time.perf_counter()
        run([PSW, "--journal", str(journal), "import", "--format", "jsonl", str(corpus.jsonl)],
            env=env, timeout=600)
        times.append(time.perf_counter() - began)
    shutil.rmtree(folder, ignore_errors=True)
    s = summary(times)
    result.figures = {"entries": corpus.entries, "seconds": s}
    _record(result, enforce)(f"import {corpus.entries} JSON Lines entries, whole process (median)",
                             s["median"], 10, "<= 10 s", " s",
                             f"min {s['min']:.2f}, max {s['max']:.2f}")
    return result


def unlock(corpus: Corpus, runs: int) -> Result:
    """What key derivation costs: PRAGMA key + first read, default KDF vs 64,000 vs a raw key."""
    import sqlcipher3

    result = Result("unlock")
    folder = CACHE / "unlock"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    raw_key = "x'" + "2b" * 32 + "'"
    settings = {
        "default_256000": (f"'{PASSPHRASE}'", None),
        "kdf_iter_64000": (f"'{PASSPHRASE}'", 64000),
        "raw_key": ('"' + raw_key + '"', None),
    }
    for name, (key, kdf) in settings.items():
        conn = sqlcipher3.connect(str(folder / f"{name}.db"), isolation_level=None)
        conn.execute(f"PRAGMA key = {key}")
        if kdf:
            conn.execute(f"PRAGMA kdf_iter = {kdf}")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.close()

    def opener(path: Path, key: str, kdf: int | None) -> object:
        def go() -> object:
            conn = sqlcipher3.connect(str(path), isolation_level=None)
            conn.execute(f"PRAGMA key = {key}")
            if kdf:
                conn.execute(f"PRAGMA kdf_iter = {kdf}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()
            return None
        return go

    contenders = {name: opener(folder / f"{name}.db", key, kdf)
                  for name, (key, kdf) in settings.items()}
    contenders["journal_10k_default"] = opener(corpus.journal, f"'{PASSPHRASE}'", None)

    from psw_journal.persistence.reads import JournalReader

    def reader() -> object:
        JournalReader.open(corpus.journal, PASSPHRASE).close()
        return None
    contenders["product_JournalReader_open"] = reader
    times = interleaved(runs, contenders)
    result.figures = {name: summary([v * 1000 for v in values], 2)
                      for name, values in times.items()}
    result.figures["unit"] = "ms"
    for name, s in result.figures.items():
        if isinstance(s, dict):
            result.checks.append(Check(f"unlock {name} (median)", s["median"], "report only", None,
                                       " ms", f"min {s['min']:.1f}, max {s['max']:.1f}"))
    shutil.rmtree(folder, ignore_errors=True)
    return result
