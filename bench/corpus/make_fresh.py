"""Split the fresh corpus once into a tuning half and a sealed half.

The texts in ``fresh_source/`` were written by other hands, without looking at the detector, its
word lists or any earlier corpus. They use the mark-up of ``make_heldout.py``. The entry ids are
shuffled once with a fixed seed: the first half is for tuning
(``confidentiality_tune2.jsonl``), the second is sealed (``confidentiality_sealed2.jsonl``) and
only ever reported. Whoever tunes the detector reads neither ``fresh_source/`` nor the sealed half.

Usage: python -m bench.corpus.make_fresh
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from bench.corpus.make_heldout import HERE, KINDS, build, write

SOURCE = HERE / "fresh_source"
TUNE = HERE / "confidentiality_tune2.jsonl"
SEALED = HERE / "confidentiality_sealed2.jsonl"
SEED = 20261205


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return (tuning, sealed): the shuffled ids cut in half, each half kept in file order."""
    ids = [r["id"] for r in records]
    random.Random(SEED).shuffle(ids)
    tune = set(ids[: len(ids) // 2])
    return ([r for r in records if r["id"] in tune], [r for r in records if r["id"] not in tune])


def summary(name: str, records: list[dict[str, Any]]) -> list[str]:
    """Print the counts of one half and return the kinds it lacks."""
    spans = [s for r in records for s in r["pii"]]
    kinds = Counter(s["kind"] for s in spans)
    origins = Counter(s["origin"] for s in spans if "origin" in s)
    clean = sum(not r["pii"] and not r["tag_pii"] for r in records)
    tagged = sum(bool(r["tag_pii"]) for r in records)
    print(f"{name}: {len(records)} entries, {clean} clean, {tagged} with identifying tags, "
          f"{len(spans)} spans")
    print("  kinds:   " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("  origins: " + ", ".join(f"{o} {n}" for o, n in origins.most_common()))
    return [k for k in KINDS.values() if k not in kinds]


def main() -> None:
    """Build the fresh corpus, split it and write both halves."""
    records = build(SOURCE)
    tune, sealed = split(records)
    write(tune, TUNE)
    write(sealed, SEALED)
    missing = {TUNE.name: summary(TUNE.name, tune), SEALED.name: summary(SEALED.name, sealed)}
    gaps = {name: kinds for name, kinds in missing.items() if kinds}
    if gaps:
        raise SystemExit(f"a half lacks some kinds: {gaps}")
    print("both halves cover every kind")


if __name__ == "__main__":
    main()
