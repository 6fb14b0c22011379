"""Measure the confidentiality detector on annotated entries: the held-out set next to the rest.

A finding counts when it overlaps an annotated span. Prints, for each file: recall by kind,
names by origin and by shape (short forms, at the start of a sentence, hyphenated, full names,
non-Latin script), tags, false alarms per 1,000 words of text outside the annotated spans (by
cause), what is left after redaction, and milliseconds per 1,000 words (median of runs). The
last line is one JSON object with every figure.

The headlines are the sets written by other hands before they looked at the detector, its lists
or any output, and never tuned on: ``confidentiality_heldout.jsonl`` and the sealed half of the
fresh corpus, ``confidentiality_sealed2.jsonl``. Their individual misses and false alarms are
printed only with ``--verbose`` (and their JSON then lists false alarms by count only), so nobody
tunes on them by accident. The rules are tuned on the fresh corpus's other half,
``confidentiality_tune2.jsonl``, and on ``confidentiality_dev.jsonl`` and
``confidentiality_sealed.jsonl`` (the first split's sealed half, whose false alarms have been
seen, so it is development data now).

Usage: python bench/bench_confidentiality.py [FILE.jsonl ...] [--verbose] [--runs N]
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench/corpus"
HELDOUT = CORPUS / "confidentiality_heldout.jsonl"
SEALED2 = CORPUS / "confidentiality_sealed2.jsonl"
#: Never tuned on: their texts are shown only with --verbose.
UNSEEN = frozenset({HELDOUT.name, SEALED2.name})
DEFAULT_FILES = (HELDOUT, SEALED2, CORPUS / "confidentiality_tune2.jsonl",
                 CORPUS / "confidentiality_dev.jsonl",
                 CORPUS / "confidentiality_sealed.jsonl",
                 ROOT / "tests/fixtures/entries.jsonl",
                 ROOT / "tests/fixtures/extra_pii_entries.jsonl")
#: Column heads: which data a figure comes from.
HEADS = {"confidentiality_heldout.jsonl": "HELD-OUT",
         "confidentiality_sealed2.jsonl": "SEALED-2",
         "confidentiality_tune2.jsonl": "tune2",
         "confidentiality_dev.jsonl": "dev",
         "confidentiality_sealed.jsonl": "old sealed (dev)"}
STRUCTURED = ("nhs_number", "ni_number", "phone", "email", "postcode", "date_of_birth",
              "address")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”]|^[-*•#]+|\n\s*[-*•#\d.]+)\s*[(\"“‘'*_@]*$")
_NON_LATIN = re.compile(r"[^\W\d_A-Za-zÀ-ɏḀ-ỿ]")


@dataclass
class Tally:
    """Counts of annotated spans found, by group."""

    truth: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)

    def add(self, groups: Iterable[str], hit: bool) -> None:
        """Count one annotated span in each of its groups, and whether it was found."""
        for group in groups:
            self.truth[group] += 1
            self.hits[group] += hit

    def recall(self, group: str) -> float | None:
        """Return the share of a group's spans found (None for an empty group)."""
        return _ratio(self.hits[group], self.truth[group])

    def table(self) -> dict[str, dict[str, Any]]:
        """Return spans, found and recall per group."""
        return {g: {"truth": self.truth[g], "found": self.hits[g], "recall": self.recall(g)}
                for g in sorted(self.truth)}


def load(path: Path) -> list[dict[str, Any]]:
    """Read an annotated JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def shapes(body: str, span: dict[str, Any]) -> list[str]:
    """Return the groups a name span belongs to: its origin, then its shapes."""
    text = span["text"]
    groups = [f"origin:{span.get('origin') or 'unlabelled'}"]
    if span.get("origin") == "short":
        groups.append("shape:short form")
    if _SENTENCE_END.search(body[max(0, span["start"] - 12):span["start"]]) or span["start"] == 0:
        groups.append("shape:sentence start")
    if "-" in text:
        groups.append("shape:hyphenated")
    if " " in text:
        groups.append("shape:full name")
    if _NON_LATIN.search(text):
        groups.append("shape:non-Latin script")
    return groups


def _finder() -> tuple[Callable[..., Any], Callable[..., Any] | None]:
    from psw_journal.core import confidentiality

    return confidentiality.find_identifiers, getattr(confidentiality, "find_in_tag", None)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def is_held_out(path: Path) -> bool:
    """Tell whether a file was never tuned on, so its details are shown only when asked."""
    return path.name in UNSEEN


def evaluate(path: Path, verbose: bool = False) -> dict[str, Any]:
    """Return the figures for one annotated JSON Lines file.

    The false alarms of a set never tuned on are returned by count only unless ``verbose``.
    """
    from psw_journal.core.confidentiality import Redactor, redact

    find, find_tag = _finder()
    kinds, names, tags = Tally(), Tally(), Tally()
    reported: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    alarm_texts: dict[str, list[str]] = {}
    words = clean_entry_words = clean_entry_alarms = 0
    left: Counter[str] = Counter()
    for record in (records := load(path)):
        body = record["body"]
        options = {"people": record.get("people", []), "own_names": record.get("own_names", [])}
        found = find(body, **options)
        gold = record.get("pii", [])
        gold_spans = [(p["start"], p["end"]) for p in gold]
        for span in gold:
            hit = _overlaps(span["start"], span["end"], ((f.start, f.end) for f in found))
            kinds.add([span["kind"]], hit)
            if span["kind"] == "name":
                names.add(["all", *shapes(body, span)], hit)
            if not hit and verbose:
                print(f"  MISSED {record['id']}: {span['kind']} {span['text']!r}")
        for finding in found:
            kind = str(finding.kind)
            reported[kind] += 1
            if _overlaps(finding.start, finding.end, gold_spans):
                correct[kind] += 1
                continue
            alarms[kind] += 1
            alarm_texts.setdefault(kind, []).append(finding.text)
            if verbose:
                print(f"  FALSE  {record['id']}: {kind} {finding.text!r}")
        words += len(body.split()) - sum(len(p["text"].split()) for p in gold)
        if not gold:
            clean_entry_words += len(body.split())
            clean_entry_alarms += len(found)
        left += _left_after_redaction(body, gold, redact(body, found, Redactor()))
        _score_tags(record, find_tag, options, tags, alarms, alarm_texts, verbose)
    per_kind = kinds.table()
    for kind, row in per_kind.items():
        row["reported"] = reported[kind]
        row["precision"] = _ratio(correct[kind], reported[kind])
    structured = sum(kinds.truth[k] for k in STRUCTURED)
    false_alarms = sum(alarms.values())
    return {
        "file": path.name,
        "entries": len(records),
        "per_kind": per_kind,
        "names": names.table(),
        "tags": tags.table(),
        "recall_structured": _ratio(sum(kinds.hits[k] for k in STRUCTURED), structured),
        "recall_names": names.recall("all"),
        "recall_services": kinds.recall("ward_or_service"),
        "precision_all": _ratio(sum(correct.values()), sum(correct.values()) + false_alarms),
        "words_outside_spans": words,
        "false_alarms": false_alarms,
        "false_alarms_per_1000_words": round(1000 * false_alarms / words, 2) if words else None,
        "false_alarms_by_cause": {k: sorted(v) if verbose or not is_held_out(path) else len(v)
                                  for k, v in sorted(alarm_texts.items())},
        "clean_entry_words": clean_entry_words,
        "false_alarms_per_1000_clean_entry_words":
            round(1000 * clean_entry_alarms / clean_entry_words, 2) if clean_entry_words else None,
        "left_after_redaction": dict(left),
    }


def _left_after_redaction(body: str, gold: list[dict[str, Any]], redacted: str) -> Counter[str]:
    """Count annotated details whose text is still in the redacted body."""
    left: Counter[str] = Counter()
    for span in gold:
        text = span["text"]
        pattern = rf"(?<!\w){re.escape(text)}(?!\w)"
        if span["kind"] in STRUCTURED:
            # A structured detail leaks if its digits (or its address) survive in any spacing.
            digits = re.sub(r"\D", "", text)
            still = (len(digits) >= 6 and digits in re.sub(r"\D", "", redacted)) or \
                re.search(pattern, redacted) is not None
        else:
            still = re.search(pattern, redacted) is not None
        if still:
            group = "structured" if span["kind"] in STRUCTURED else span["kind"]
            left[group] += 1
    return left


def _score_tags(record: dict[str, Any], find_tag: Callable[..., Any] | None,
                options: dict[str, Any], tags: Tally, alarms: Counter[str],
                alarm_texts: dict[str, list[str]], verbose: bool) -> None:
    identifying = set(record.get("tag_pii", []))
    for tag in record.get("tags", []):
        flagged = find_tag is not None and find_tag(tag, **options) is not None
        if tag in identifying:
            tags.add(["identifying tags"], flagged)
            if not flagged and verbose:
                print(f"  MISSED {record['id']}: tag {tag!r}")
        else:
            tags.add(["ordinary tags left alone"], not flagged)
            if flagged:
                alarms["tag"] += 1
                alarm_texts.setdefault("tag", []).append(tag)


def speed(paths: Iterable[Path], runs: int) -> dict[str, float]:
    """Return milliseconds per 1,000 words over the files, median and range of ``runs``."""
    import importlib

    find, _ = _finder()
    try:
        confidentiality = importlib.import_module("psw_journal.core.confidentiality.detector")
    except ImportError:  # the single-module detector before the package
        confidentiality = importlib.import_module("psw_journal.core.confidentiality")
    records = [r for path in paths for r in load(path)]
    words = sum(len(r["body"].split()) for r in records)
    timings = []
    for _ in range(runs):
        cache = getattr(confidentiality, "_find_cached", None)
        if cache is not None:
            cache.cache_clear()
        started = time.perf_counter()
        for record in records:
            find(record["body"], people=record.get("people", []))
        timings.append(1000 * (time.perf_counter() - started) * 1000 / words)
    return {"ms_per_1000_words_median": round(statistics.median(timings), 2),
            "min": round(min(timings), 2), "max": round(max(timings), 2), "words": words,
            "runs": runs}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def print_side_by_side(results: list[dict[str, Any]]) -> None:
    """Print one row per figure with one column per file."""
    heads = [HEADS.get(r["file"], r["file"].removeprefix("confidentiality_")
                       .removesuffix(".jsonl")) for r in results]
    print(f"{'':38}" + "".join(f" {h:>19}" for h in heads))

    def row(label: str, cells: Iterable[str]) -> None:
        print(f"{label:38}" + "".join(f" {c:>19}" for c in cells))

    def tally_rows(key: str, prefix: str = "") -> None:
        groups = sorted({g for r in results for g in r[key] if g.startswith(prefix)})
        for group in groups:
            row(f"  {group.removeprefix(prefix)}",
                (_cell(r[key].get(group)) for r in results))

    row("structured identifiers", (_pct(r["recall_structured"]) for r in results))
    for kind in STRUCTURED:
        row(f"  {kind}", (_cell(r["per_kind"].get(kind)) for r in results))
    row("names", (_cell(r["names"].get("all")) for r in results))
    print("  by origin")
    tally_rows("names", "origin:")
    print("  by shape")
    tally_rows("names", "shape:")
    row("named services and wards", (_cell(r["per_kind"].get("ward_or_service"))
                                     for r in results))
    tally_rows("tags")
    row("precision (all findings)", (_pct(r["precision_all"]) for r in results))
    row("false alarms / 1,000 words", (f"{r['false_alarms_per_1000_words']} "
                                       f"({r['false_alarms']})" for r in results))
    row("  in clean entries / 1,000", (str(r["false_alarms_per_1000_clean_entry_words"])
                                       for r in results))
    row("left after redaction", (", ".join(f"{k} {v}" for k, v in
                                           r["left_after_redaction"].items()) or "none"
                                 for r in results))
    for result, head in zip(results, heads, strict=True):
        causes = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else f'{v} (texts hidden)'}"
                           for k, v in result["false_alarms_by_cause"].items())
        print(f"false alarms in {head}: {causes or 'none'}")
    if any(r["file"] in UNSEEN for r in results):
        print("HELD-OUT and SEALED-2: written before looking at the detector, never tuned on; "
              "their misses and false alarms are shown only with --verbose. Do not tune on them.")


def _cell(row: dict[str, Any] | None) -> str:
    if not row:
        return "-"
    return f"{_pct(row['recall'])} ({row['found']}/{row['truth']})"


def main(argv: list[str]) -> int:
    """Print the figures for each file side by side, then one JSON line."""
    verbose = "--verbose" in argv
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 7
    args = [a for i, a in enumerate(argv) if not a.startswith("--")
            and (i == 0 or argv[i - 1] != "--runs")]
    files = [Path(a) for a in args] or [p for p in DEFAULT_FILES if p.exists()]
    started = time.perf_counter()
    from psw_journal.core.confidentiality import find_identifiers

    find_identifiers("Warm up Kerry 07700 900123 at Elm Ward.")
    load_s = time.perf_counter() - started
    results = []
    for path in files:
        if verbose:
            print(f"== {path.name}")
        results.append(evaluate(path, verbose))
    print_side_by_side(results)
    timing = speed(files, runs)
    print(f"speed: {timing['ms_per_1000_words_median']} ms per 1,000 words (median of {runs}, "
          f"{timing['min']}-{timing['max']}, {timing['words']} words); first call incl. "
          f"imports and word lists {load_s:.3f} s")
    print(json.dumps({"bench": "confidentiality", "load_s": round(load_s, 3), "speed": timing,
                      "files": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
