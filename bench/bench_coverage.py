"""Benchmark coverage on a large encrypted journal.

Generates (once, cached in bench/.cache/ keyed by the entry count) a journal of N entries with
about five links each to real framework ids, then times:

* ``first``: the first coverage computation right after unlocking (cold page cache),
* ``repeat``: further computations on the same open journal,
* ``facts``: the same coverage computed in Python from raw link facts, for comparison,
* ``open``: unlocking itself (key derivation), reported apart.

Coverage means: the SQL aggregate (``link_tallies``) plus ``build_coverage`` over the framework.
Prints median/min/max for each and one JSON line at the end.

Usage: python bench/bench_coverage.py [--entries N] [--runs R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from psw_journal.core.coverage import CoverageWindow, TargetTally, build_coverage
from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.framework import load_framework
from psw_journal.persistence.store import JournalStore

PASSPHRASE = "bench-passphrase"
CACHE = Path(__file__).resolve().parent / ".cache"
BATCH = 1000


def build_journal(path: Path, entries: int, seed: int = 7) -> None:
    """Create a journal of ``entries`` entries over three years, with ~5 links each.

    About 4 competences and 1-2 principles per entry.
    """
    framework = load_framework()
    competences = [c.id for c in framework.competences]
    principles = [p.id for p in framework.principles]
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    with JournalStore.create(partial, PASSPHRASE) as store:
        for first in range(0, entries, BATCH):
            drafts = []
            for i in range(first, min(entries, first + BATCH)):
                links = [Link(LinkKind.COMPETENCE, c) for c in rng.sample(competences, 4)]
                links += [Link(LinkKind.PRINCIPLE, p) for p in rng.sample(principles, 1)]
                drafts.append(EntryDraft(
                    title=f"Reflection {i}",
                    body="Met someone on the ward today and we talked about what helps. " * 3,
                    occurred_on=start + dt.timedelta(days=rng.randrange(3 * 365)),
                    links=tuple(links),
                    stress=rng.randint(1, 5),
                ))
            store.add_many(drafts)
    partial.replace(path)


def journal_for(entries: int) -> Path:
    """Return the cached benchmark journal for this size, building it if needed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"journal-{entries}.db"
    if not path.exists():
        began = time.perf_counter()
        build_journal(path, entries)
        print(f"built {path} in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return path


def timed(func: Callable[[], object]) -> float:
    """Return the milliseconds one call takes."""
    began = time.perf_counter()
    func()
    return (time.perf_counter() - began) * 1000


def summary(values: list[float]) -> dict[str, float]:
    """Return median, min and max rounded to 0.01 ms."""
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2)}


def main() -> int:
    """Run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    path = journal_for(args.entries)
    framework = load_framework()
    window = CoverageWindow.all_time()

    def via_sql(store: JournalStore) -> object:
        return build_coverage(framework, store.link_tallies(), window)

    def via_facts(store: JournalStore) -> object:
        return build_coverage(framework, _tallies_in_python(store), window)

    opens, firsts, repeats, facts_first, facts_repeat = [], [], [], [], []
    links = 0
    for _ in range(args.runs):
        began = time.perf_counter()
        store = JournalStore.open(path, PASSPHRASE, write=False)
        opens.append((time.perf_counter() - began) * 1000)
        with store:
            firsts.append(timed(lambda s=store: via_sql(s)))
            repeats += [timed(lambda s=store: via_sql(s)) for _ in range(5)]
            if not links:
                with store.raw() as conn:
                    links = int(conn.execute("SELECT count(*) FROM entry_link").fetchone()[0])
        with JournalStore.open(path, PASSPHRASE, write=False) as store:
            facts_first.append(timed(lambda s=store: via_facts(s)))
            facts_repeat += [timed(lambda s=store: via_facts(s)) for _ in range(3)]

    results = {
        "benchmark": "coverage",
        "entries": args.entries,
        "links": links,
        "runs": args.runs,
        "sql_first_after_unlock_ms": summary(firsts),
        "sql_repeat_ms": summary(repeats),
        "facts_first_after_unlock_ms": summary(facts_first),
        "facts_repeat_ms": summary(facts_repeat),
        "unlock_ms": summary(opens),
    }
    print(f"{args.entries} entries, {links} links, {args.runs} runs (ms: median / min / max)")
    for key, value in results.items():
        if isinstance(value, dict):
            print(f"  {key:<30} {value['median']:>8.2f} {value['min']:>8.2f} {value['max']:>8.2f}")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def _tallies_in_python(store: JournalStore) -> list[TargetTally]:
    """The naive contender: read every link row, then count in Python (not what the app does)."""
    with store.raw() as conn:
        rows = conn.execute(
            "SELECT l.kind, l.target_id, l.entry_id, e.occurred_on FROM entry e "
            "CROSS JOIN entry_link l ON l.entry_id = e.id WHERE e.deleted_at IS NULL"
        ).fetchall()
    entries: dict[tuple[str, str], set[int]] = {}
    latest: dict[tuple[str, str], str] = {}
    for kind, target_id, entry_id, day in rows:
        entries.setdefault((kind, target_id), set()).add(entry_id)
        latest[kind, target_id] = max(day, latest.get((kind, target_id), day))
    return [TargetTally(kind, target, len(ids), dt.date.fromisoformat(latest[kind, target]))
            for (kind, target), ids in entries.items()]
