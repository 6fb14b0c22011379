"""Time the Markdown export of 1,000 entries in-process (median/min/max, then a JSON line).

Usage: python bench/bench_export.py [--entries N] [--runs R] [--redact]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_entries(count: int) -> list:  # type: ignore[type-arg]
    """Return ``count`` entries cycling through the sample fixture, with links."""
    from psw_journal.core.entry import Entry, Link, LinkKind
    from psw_journal.core.framework import load_framework
    from psw_journal.core.jsonl import parse_jsonl

    framework = load_framework()
    drafts = parse_jsonl((ROOT / "tests/fixtures/entries.jsonl").read_text(encoding="utf-8"))
    competences = [c.id for c in framework.competences]
    entries = []
    stamp = dt.datetime(2026, 1, 1)
    for number in range(count):
        draft = drafts[number % len(drafts)]
        links = (*draft.links, Link(LinkKind.COMPETENCE, competences[number % len(competences)],
                                    "evidence | note"))
        draft = type(draft)(title=f"{draft.title} ({number})", body=draft.body,
                            occurred_on=dt.date(2026, 1, 1) + dt.timedelta(days=number % 365),
                            tags=draft.tags, links=links)
        entries.append(Entry(number + 1, draft, stamp, stamp))
    return entries


def main(argv: list[str]) -> int:
    """Run the benchmark for every grouping and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--redact", action="store_true")
    args = parser.parse_args(argv)
    from psw_journal.core.documents.entries import Shape, compose_entries
    from psw_journal.core.documents.model import Byline, Profile
    from psw_journal.core.framework import load_framework
    from psw_journal.services.review import Checker, Redaction, check_entry

    framework = load_framework()
    entries = make_entries(args.entries)
    if args.redact:  # the service's redaction, as an export with --redact does it
        checker = Checker()
        redaction = Redaction([f for e in entries for f in check_entry(checker, e)])
        entries = [redaction.entry(e) for e in entries]
    results = {}
    for grouping in Shape:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            text = compose_entries(entries, framework, grouping,
                                   byline=Byline(Profile(name="A Student"))).to_markdown()
            times.append(time.perf_counter() - started)
        results[grouping.value] = {"median_s": round(statistics.median(times), 4),
                                   "min_s": round(min(times), 4), "max_s": round(max(times), 4),
                                   "chars": len(text)}
        row = results[grouping.value]
        print(f"{grouping.value:12} median {row['median_s']:.4f} s  min {row['min_s']:.4f}  "
              f"max {row['max_s']:.4f}  ({len(text):,} chars)")
    print(json.dumps({"bench": "export_markdown", "entries": args.entries, "runs": args.runs,
                      "redact": args.redact, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
