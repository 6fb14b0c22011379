"""Measure link suggestions on annotated entries, and what ``psw-journal suggest`` costs.

Sets, side by side:

* ``dev`` and ``sealed``: the evaluation set in ``bench/corpus/`` (103 entries written from the
  competence statements and principle definitions, not from the cues, split once with a fixed
  seed). Tuning looked at ``dev`` only; ``sealed`` is the figure to believe.
* ``samples``: the 15 sample entries (``tests/fixtures/entries.jsonl``, gold ids in
  ``tests/fixtures/competence_gold.json``), written by the cue writer.
* ``heldout``: 15 entries by the cue writer, never tuned on
  (``tests/fixtures/suggest_heldout.jsonl``).

Methods: ``bm25`` (a plain BM25 over the bare statements), ``suggester`` (the product), and
``+feedback`` on the sealed half: the suggester given the journal feedback a user would have
left by linking the development half's entries to their gold ids (accepted links only).

For each it prints competences recall@5, recall@10 and MRR (of the first right competence in
the full ranking), and principles recall@2 (right principles in the top two, over
min(2, number right)). Then timings in process (build, median per entry, a 3,000-word
entry) and whole process: ``psw-journal suggest --entry`` against ``psw-journal search`` on
the same 1,000-entry benchmark journal, interleaved, medians. One JSON line at the end.

Usage: python -m bench.bench_suggest [--runs R] [--markdown] [--no-process]
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
from typing import Any

from psw_journal.core.framework import Framework, load_framework
from psw_journal.core.suggest import Feedback, Suggester
from psw_journal.core.suggest.text import terms_of

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT / "bench" / "corpus"
ALL = 200
#: The whole-process target: ``suggest`` within this many times a ``search``.
PROCESS_RATIO_TARGET = 1.5

Ranker = Callable[[str, str], tuple[list[str], list[str]]]
Entry = dict[str, Any]


def load_sets() -> dict[str, list[Entry]]:
    """Return the annotated sets by name, each entry with its gold ids."""
    gold = json.loads((FIXTURES / "competence_gold.json").read_text(encoding="utf-8"))
    samples = _jsonl(FIXTURES / "entries.jsonl")
    for sample in samples:
        sample["competences"] = gold[str(sample["id"])]
    return {
        "dev": _jsonl(CORPUS / "suggest_dev.jsonl"),
        "sealed": _jsonl(CORPUS / "suggest_sealed.jsonl"),
        "samples": samples,
        "heldout": _jsonl(FIXTURES / "suggest_heldout.jsonl"),
    }


def _jsonl(path: Path) -> list[Entry]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(rank: Ranker, entries: Sequence[Entry]) -> dict[str, float]:
    """Return recall@5, recall@10, MRR and principles recall@2 of a ranker on entries."""
    totals: Counter[str] = Counter()
    for entry in entries:
        competences, principles = rank(str(entry["title"]), str(entry["body"]))
        gold, gold_p = set(entry["competences"]), set(entry["principles"])
        totals["recall@5"] += len(gold & set(competences[:5])) / len(gold)
        totals["recall@10"] += len(gold & set(competences[:10])) / len(gold)
        first = next((i for i, c in enumerate(competences) if c in gold), None)
        totals["mrr"] += 0.0 if first is None else 1.0 / (first + 1)
        totals["p_recall@2"] += len(gold_p & set(principles[:2])) / min(2, len(gold_p))
    return {key: round(value / len(entries), 3) for key, value in totals.items()}


def suggester_ranker(suggester: Suggester, feedback: Feedback | None = None) -> Ranker:
    """Return the product's suggester as a ranker."""

    def rank(title: str, body: str) -> tuple[list[str], list[str]]:
        found = suggester.suggest(title, body, limit=ALL, feedback=feedback)
        return [s.id for s in found.competences], [s.id for s in found.principles]

    return rank


def linked_feedback(entries: Sequence[Entry]) -> Feedback:
    """Return the feedback left by linking each entry to its gold ids, one by one."""
    feedback = Feedback()
    for entry in entries:
        text = f"{entry['title']}\n\n{entry['body']}"
        for competence in entry["competences"]:
            feedback = feedback.record("competence", competence, text, accepted=True)
        for principle in entry["principles"]:
            feedback = feedback.record("principle", principle, text, accepted=True)
    return feedback


def bm25_ranker(framework: Framework) -> Ranker:
    """Return a plain BM25 over the bare statements (principles: name and definition)."""
    docs = {c.id: terms_of(c.statement) for c in framework.competences}
    pdocs = {p.id: terms_of(f"{p.name} {p.definition}") for p in framework.principles}

    def rank(title: str, body: str) -> tuple[list[str], list[str]]:
        query = terms_of(f"{title} {body}")
        return _bm25(docs, query), _bm25(pdocs, query)

    return rank


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
                norm = tf[term] + k1 * (1 - b + b * len(terms) / avg)
                score += qn * idf * tf[term] * (k1 + 1) / norm
        scores[doc_id] = score
    return sorted(scores, key=lambda d: -scores[d])


def quality(sets: dict[str, list[Entry]]) -> dict[str, dict[str, float]]:
    """Return the figures of every method on every set, keyed "set.method"."""
    framework = load_framework()
    suggester = Suggester.from_framework(framework)
    methods = {"bm25": bm25_ranker(framework), "suggester": suggester_ranker(suggester)}
    result = {}
    for set_name, entries in sets.items():
        for method, rank in methods.items():
            result[f"{set_name}.{method}"] = evaluate(rank, entries)
    learnt = suggester_ranker(suggester, linked_feedback(sets["dev"]))
    result["sealed.suggester+feedback"] = evaluate(learnt, sets["sealed"])
    return result


def _long_body(entries: Sequence[Entry], words: int) -> str:
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


def timings(runs: int, sets: dict[str, list[Entry]]) -> dict[str, float]:
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
        "max_entry_ms": round(1000 * max(per_entry), 2),
        "long_entry_ms": round(1000 * statistics.median(long), 1),
        "long_entry_words": len(long_body.split()),
    }


def whole_process(runs: int) -> dict[str, Any]:
    """Time ``suggest --entry`` against ``search`` as whole processes on a 1,000-entry journal.

    The entry is the corpus's longest; ``search`` looks for the common word (about 93% of
    entries) and for the rare one. Medians of interleaved runs, in seconds.
    """
    from bench.common import PSW, command_timer, interleaved
    from bench.generate import COMMON_WORD, RARE_WORD, corpus

    journal = corpus(1000, quiet=True)
    bodies = [json.loads(line)["body"] for line in journal.jsonl.read_text().splitlines()]
    entry_id = 1 + max(range(len(bodies)), key=lambda i: len(bodies[i].split()))
    base = [PSW, "--journal", str(journal.journal)]
    times = interleaved(
        runs,
        {
            "suggest": command_timer(
                [*base, "suggest", "--entry", str(entry_id), "--json"], None, expect_output=True
            ),
            "search_common": command_timer([*base, "search", COMMON_WORD], None, True),
            "search_rare": command_timer([*base, "search", RARE_WORD], None, True),
        },
    )
    medians = {name: round(statistics.median(values), 4) for name, values in times.items()}
    return {
        "entry_words": len(bodies[entry_id - 1].split()),
        "runs": runs,
        "median_s": medians,
        "ratio_common": round(medians["suggest"] / medians["search_common"], 3),
        "ratio_rare": round(medians["suggest"] / medians["search_rare"], 3),
    }


def markdown(result: dict[str, Any]) -> str:
    """Return the figures as the Markdown table kept in bench/README.md."""
    sizes = {name: len(entries) for name, entries in load_sets().items()}
    lines = [
        "| set (entries) | method | competences R@5 | R@10 | MRR | principles R@2 |",
        "|---|---|---|---|---|---|",
    ]
    for key, figures in result["quality"].items():
        set_name, method = key.split(".")
        lines.append(
            f"| {set_name} ({sizes[set_name]}) | {method} | {figures['recall@5']:.2f} | "
            f"{figures['recall@10']:.2f} | {figures['mrr']:.2f} | {figures['p_recall@2']:.2f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures for every set and method, timings, then one JSON line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--process-runs", type=int, default=15)
    parser.add_argument("--markdown", action="store_true", help="also print the README table")
    parser.add_argument("--no-process", action="store_true", help="skip the whole-process times")
    args = parser.parse_args(argv)
    sets = load_sets()
    result: dict[str, Any] = {"quality": quality(sets)}
    for key, figures in result["quality"].items():
        set_name, method = key.split(".")
        shown = "  ".join(f"{k}={v:.3f}" for k, v in figures.items())
        print(f"{set_name:8} ({len(sets[set_name]):3} entries) {method:20} {shown}")
    result["timings"] = timings(args.runs, sets)
    print("in process: " + "  ".join(f"{k}={v}" for k, v in result["timings"].items()))
    if not args.no_process:
        process = whole_process(args.process_runs)
        result["process"] = process
        print(
            f"whole process ({process['runs']} runs, medians): {process['median_s']}  "
            f"suggest/search common {process['ratio_common']}x, rare {process['ratio_rare']}x "
            f"(target <= {PROCESS_RATIO_TARGET}x)"
        )
    if args.markdown:
        print(markdown(result))
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
