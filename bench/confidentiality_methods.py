"""Compare ways of finding names, on the DEVELOPMENT half only (the sealed half stays unseen).

Each method switches parts of the shipped name detector off (or swaps its ordinary-word test),
then reports name recall, precision and false alarms per 1,000 words with
``bench_confidentiality.evaluate``. ``wordfreq`` is not a dependency of the app: the wordfreq
row appears when it is installed (``pip install wordfreq``).

Usage: python bench/confidentiality_methods.py
"""

from __future__ import annotations

import contextlib
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench/corpus/confidentiality_dev.jsonl"


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_conf", ROOT / "bench/bench_confidentiality.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_conf"] = module
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def _patched(changes: dict[str, Any]) -> Iterator[None]:
    from psw_journal.core.confidentiality import detector, names

    saved = {key: getattr(names, key) for key in changes}
    for key, value in changes.items():
        setattr(names, key, value)
    detector._find_cached.cache_clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            setattr(names, key, value)
        detector._find_cached.cache_clear()


class _Never:
    """A compiled-pattern stand-in that never matches."""

    def match(self, *_: object) -> None:
        return None

    def search(self, *_: object) -> None:
        return None


def _lists_only(original: Callable[..., bool]) -> Callable[..., bool]:
    """The name test without the unknown-word rule and without non-Latin script."""
    from psw_journal.core.confidentiality.names import _is_latin

    def is_name(text: str, token: Any, lists: Any) -> bool:
        if not _is_latin(token.word[0]):
            return False
        word = token.folded
        if not (
            word in lists.first_names
            or token.after_honorific
            or word in getattr(lists, "ordinary", ())
        ):
            return False
        return original(text, token, lists)

    return is_name


def _wordfreq_lists(zipf: float) -> Callable[[], Any]:
    from wordfreq import zipf_frequency

    from psw_journal.core.confidentiality import lexicon

    base = lexicon.name_lists()

    class Frequent:
        def __contains__(self, word: object) -> bool:
            return isinstance(word, str) and zipf_frequency(word, "en") >= zipf

    lists = lexicon.NameLists(base.first_names, base.ambiguous, Frequent(), base.places)  # type: ignore[arg-type]
    return lambda: lists


def methods() -> dict[str, dict[str, Any]]:
    """Return the variants to compare: name -> attributes of ``names`` to replace."""
    from psw_journal.core.confidentiality import names

    variants: dict[str, dict[str, Any]] = {
        "first-name list + honorifics + surnames (no unknown-word rule)": {
            "_is_name": _lists_only(names._is_name)
        },
        "+ unknown capitalised word (SCOWL), no context cues": {
            "_CUE_AFTER": _Never(),
            "_CUE_BEFORE": _Never(),
            "_NICKNAME_BEFORE": _Never(),
        },
        "+ context cues (shipped method)": {},
    }
    if importlib.util.find_spec("wordfreq"):
        from psw_journal.core.confidentiality import lexicon

        for zipf in (2.5, 3.5):
            variants[f"shipped, wordfreq zipf >= {zipf} as 'ordinary word'"] = {
                "lexicon": _LexiconProxy(lexicon, _wordfreq_lists(zipf))
            }
    return variants


class _LexiconProxy:
    """The lexicon module with another ``name_lists``."""

    def __init__(self, module: Any, lists: Callable[[], Any]) -> None:
        self._module = module
        self.name_lists = lists

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def main() -> int:
    """Print one row per method, on the development half."""
    bench = _bench()
    records = bench.load(DEV)
    words = sum(len(r["body"].split()) for r in records)
    from psw_journal.core.confidentiality import detector

    print(f"development half ({len(records)} entries, {words} words)")
    print(f"{'method':66}{'names':>8}{'precision':>11}{'FA/1k':>7}{'ms/1k w':>9}")
    for label, changes in methods().items():
        with _patched(changes):
            result = bench.evaluate(DEV)
            timings = []
            for _ in range(5):
                detector._find_cached.cache_clear()
                started = time.perf_counter()
                for record in records:
                    detector.find_identifiers(record["body"], people=record.get("people", []))
                timings.append(1e6 * (time.perf_counter() - started) / words)
        print(
            f"{label:66}{100 * result['recall_names']:>7.0f}%"
            f"{100 * result['precision_all']:>10.0f}%"
            f"{result['false_alarms_per_1000_words']:>7}{statistics.median(timings):>9.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
