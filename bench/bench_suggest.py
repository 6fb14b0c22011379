"""Measure link suggestions on annotated entries: a plain BM25 baseline against the suggester.

Two sets: the 15 samples (``tests/fixtures/entries.jsonl`` with ids mapped by hand in
``tests/fixtures/competence_gold.json``; the suggester was tuned on these) and the held-out
entries (``tests/fixtures/suggest_heldout.jsonl``, written before tuning and never tuned on).

For each set and method it prints competences recall@5, recall@10 and MRR (of the first right
competence in the full ranking), and principles recall@2 (right principles in the top two,
over min(2, number right); ``p_recall@2_all`` divides by all right ones). Then timings: build
time, median per entry in-process, and one 3,000-word entry. One JSON line at the end.

Usage: python bench/bench_suggest.py [--runs R]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from psw_journal.core.framework import Framework, load_framework
from psw_journal.core.suggest import Suggester

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
ALL = 200

Ranker = Callable[[str, str], tuple[list[str], list[str]]]


def load_sets() -> dict[str, list[dict[str, object]]]:
    """Return the annotated sets: ``samples`` and ``heldout``, each with gold ids."""
    gold = json.loads((FIXTURES / "competence_gold.json").read_text(encoding="utf-8"))
    samples = [json.loads(line) for line in (FIXTURES / "entries.jsonl").read_text().splitlines()]
    for sample in samples:
        sample["competences"] = gold[str(sample["id"])]
    heldout_file = FIXTURES / "suggest_heldout.jsonl"
    heldout = [json.loads(line) for line in heldout_file.read_text().splitlines() if line]
    return {"samples": samples, "heldout": heldout}


def evaluate(rank: Ranker, entries: Sequence[dict[str, object]]) -> dict[str, float]:
    """Return recall@5, recall@10, MRR and principles recall@2 of a ranker on entries."""
    totals: Counter[str] = Counter()
    for entry in entries:
        competences, principles = rank(str(entry["title"]), str(entry["body"]))
        gold = set(entry["competences"])  # type: ignore[call-overload]
        gold_p = set(entry["principles"])  # type: ignore[call-overload]
        totals["recall@5"] += len(gold & set(competences[:5])) / len(gold)
        totals["recall@10"] += len(gold & set(competences[:10])) / len(gold)
        first = next((i for i, c in enumerate(competences) if c in gold), None)
        totals["mrr"] += 0.0 if first is None else 1.0 / (first + 1)
        totals["p_recall@2"] += len(gold_p & set(principles[:2])) / min(2, len(gold_p))
        totals["p_recall@2_all"] += len(gold_p & set(principles[:2])) / len(gold_p)
    return {key: round(value / len(entries), 3) for key, value in totals.items()}


def suggester_ranker(suggester: Suggester) -> Ranker:
    """Return the product's suggester as a ranker."""

    def rank(title: str, body: str) -> tuple[list[str], list[str]]:
        found = suggester.suggest(title, body, limit=ALL)
        return [s.id for s in found.competences], [s.id for s in found.principles]

    return rank


def bm25_ranker(framework: Framework) -> Ranker:
    """Return a plain BM25 over the bare statements (principles: name and definition)."""
    docs = {c.id: _terms(c.statement) for c in framework.competences}
    pdocs = {p.id: _terms(f"{p.name} {p.definition}") for p in framework.principles}

    def rank(title: str, body: str) -> tuple[list[str], list[str]]:
        query = _terms(f"{title} {body}")
        return _bm25(docs, query), _bm25(pdocs, query)

    return rank


def _terms(text: str) -> list[str]:
    from psw_journal.core.suggest.text import terms_of

    return terms_of(text)


def _bm25(
    docs: dict[str, list[str]], query: list[str], k1: float = 1.2, b: float = 0.75
) -> list[str]:
    n = len(docs)
    avg = sum(len(d) for d in docs.values()) / n
    df: Counter[str] = Counter(t for d in docs.values() for t in set(d))
    q = Counter(query)
    scores = {}
    for doc_id, terms in docs.items():
        tf = Counter(terms)
        score = 0.0
        for term, qn in q.items():
            if tf[term]:
                idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                score += (
                    qn
                    * idf
                    * tf[term]
                    * (k1 + 1)
                    / (tf[term] + k1 * (1 - b + b * len(terms) / avg))
                )
        scores[doc_id] = score
    return sorted(scores, key=lambda d: -scores[d])


def _long_body(entries: Sequence[dict[str, object]], words: int) -> str:
    """Return the entries' bodies run together as paragraphs, cut to ``words`` words."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for entry in entries:
            for paragraph in str(entry["body"]).split("\n\n"):
                kept = paragraph.split()[: words - count]
                paragraphs.append(" ".join(kept))
                count += len(kept)
    return "\n\n".join(p for p in paragraphs if p)


def timings(runs: int, sets: dict[str, list[dict[str, object]]]) -> dict[str, float]:
    """Return build time, median per entry and the time for a 3,000-word entry (ms)."""
    framework = load_framework()
    builds = []
    for _ in range(runs):
        start = time.perf_counter()
        suggester = Suggester.from_framework(framework)
        builds.append(time.perf_counter() - start)
    entries = [e for s in sets.values() for e in s]
    per_entry = []
    for _ in range(runs):
        for entry in entries:
            start = time.perf_counter()
            suggester.suggest(str(entry["title"]), str(entry["body"]))
            per_entry.append(time.perf_counter() - start)
    long_body = _long_body(entries, 3000)
    long = []
    for _ in range(runs):
        start = time.perf_counter()
        suggester.suggest("A long week", long_body)
        long.append(time.perf_counter() - start)
    return {
        "build_ms": round(1000 * statistics.median(builds), 1),
        "median_entry_ms": round(1000 * statistics.median(per_entry), 2),
        "long_entry_ms": round(1000 * statistics.median(long), 1),
        "long_entry_words": len(long_body.split()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures for both sets and methods, then one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    framework = load_framework()
    sets = load_sets()
    methods = {
        "bm25": bm25_ranker(framework),
        "suggester": suggester_ranker(Suggester.from_framework(framework)),
    }
    result: dict[str, object] = {}
    for set_name, entries in sets.items():
        for method, rank in methods.items():
            figures = evaluate(rank, entries)
            result[f"{set_name}.{method}"] = figures
            shown = "  ".join(f"{k}={v:.3f}" for k, v in figures.items())
            print(f"{set_name:8} ({len(entries):2} entries) {method:10} {shown}")
    times = timings(args.runs, sets)
    print("  ".join(f"{k}={v}" for k, v in times.items()))
    result["timings"] = times
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
