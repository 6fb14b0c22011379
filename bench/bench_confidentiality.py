"""Measure the confidentiality detector on annotated samples.

Prints per-kind recall and precision, false alarms per 1,000 words on clean entries and
timings, for each annotated file, then one JSON line with every figure.

Usage: python bench/bench_confidentiality.py [FILE.jsonl ...] [--verbose]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = (ROOT / "tests/fixtures/entries.jsonl",
                 ROOT / "tests/fixtures/extra_pii_entries.jsonl")
STRUCTURED = ("nhs_number", "phone", "email", "postcode", "date_of_birth", "address")


def evaluate(path: Path, verbose: bool = False) -> dict[str, Any]:
    """Return the figures for one annotated JSON Lines file."""
    from psw_journal.core.confidentiality import find_identifiers

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    truth: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    clean_words = 0
    clean_alarms = 0
    timings = []
    for record in records:
        body = record["body"]
        started = time.perf_counter()
        found = find_identifiers(body, people=record.get("people", []))
        timings.append(time.perf_counter() - started)
        gold = {(p["start"], p["end"], p["kind"]) for p in record.get("pii", [])}
        spans = {(f.start, f.end, str(f.kind)) for f in found}
        for start, end, kind in gold:
            truth[kind] += 1
            if any(s < end and start < e for s, e, _ in spans):
                hits[kind] += 1
            elif verbose:
                print(f"  MISSED {record.get('id')}: {kind} {body[start:end]!r}")
        for start, end, kind in spans:
            reported[kind] += 1
            if any(s < end and start < e for s, e, _ in gold):
                correct[kind] += 1
            elif verbose:
                print(f"  FALSE  {record.get('id')}: {kind} {body[start:end]!r}")
        if not gold:
            clean_words += len(body.split())
            clean_alarms += len(found)
    kinds = sorted(set(truth) | set(reported))
    per_kind = {k: {"truth": truth[k], "recall": _ratio(hits[k], truth[k]),
                    "reported": reported[k], "precision": _ratio(correct[k], reported[k])}
                for k in kinds}
    structured_truth = sum(truth[k] for k in STRUCTURED)
    return {
        "file": path.name,
        "entries": len(records),
        "per_kind": per_kind,
        "recall_structured": _ratio(sum(hits[k] for k in STRUCTURED), structured_truth),
        "recall_names": _ratio(hits["name"], truth["name"]),
        "recall_all": _ratio(sum(hits.values()), sum(truth.values())),
        "precision_all": _ratio(sum(correct.values()), sum(reported.values())),
        "clean_words": clean_words,
        "false_alarms_per_1000_words_clean": round(1000 * clean_alarms / clean_words, 2)
        if clean_words else None,
        "ms_per_entry_median": round(1000 * statistics.median(timings), 3),
        "ms_per_entry_max": round(1000 * max(timings), 3),
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def main(argv: list[str]) -> int:
    """Print the figures for each file, then one JSON line."""
    verbose = "--verbose" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or [p for p in DEFAULT_FILES
                                                                   if p.exists()]
    started = time.perf_counter()
    from psw_journal.core.confidentiality import name_lists

    name_lists()
    load_s = time.perf_counter() - started
    results = []
    for path in files:
        print(f"== {path.name}")
        result = evaluate(path, verbose)
        for kind, row in result["per_kind"].items():
            print(f"  {kind:16} truth {row['truth']:3}  recall {row['recall']}  "
                  f"reported {row['reported']:3}  precision {row['precision']}")
        print(f"  structured recall {result['recall_structured']}, name recall "
              f"{result['recall_names']}, false alarms/1000 clean words "
              f"{result['false_alarms_per_1000_words_clean']} ({result['clean_words']} words), "
              f"{result['ms_per_entry_median']} ms/entry median")
        results.append(result)
    print(f"import + word lists: {load_s:.3f} s")
    print(json.dumps({"bench": "confidentiality", "load_s": round(load_s, 3), "files": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
