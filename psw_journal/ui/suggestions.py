"""Cheap link suggestions: rank competences and principles against what the user wrote (no Qt).

A small BM25 over each competence's statement, items and cue phrases, and each principle's name,
definition, description and cues. Cue phrases count extra. A better suggester in core will
replace this one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[a-z][a-z']+")
_STOP_WORDS = (
    "a about after again all also am an and any are as at be been being but by can could did do "
    "does doing don't for from had has have having he her here him his how i i'd i'm i've if in "
    "into is it it's its just me more most my no not of off on once only or other our out over "
    "own same she should so some such than that the their them then there these they this those "
    "through to too under until up very was we were what when where which while who why will "
    "with would you your ability able abilities including people person peer support worker "
    "workers psw being way ways back one two three best last first new old work worked "
    "keep keeping get got said say says went go going time today really still felt feel thing "
    "things like make made take took come came bit lot much many good well week day "
    "someone something small big"
)
_STOP = frozenset(_STOP_WORDS.split())
_CUE_WEIGHT = 3


def words(text: str) -> list[str]:
    """Return the lower-case content words of a text, crudely stemmed."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2]


def _stem(word: str) -> str:
    word = word.strip("'")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A competence or principle that seems to match the text, with the words that matched."""

    kind: str
    target_id: str
    label: str
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Doc:
    kind: str
    target_id: str
    label: str
    terms: Counter[str]
    length: int


class LinkSuggester:
    """Rank framework targets by BM25 against an entry's text."""

    def __init__(self, docs: list[_Doc], k1: float = 1.2, b: float = 0.75) -> None:
        self._docs = docs
        self._k1, self._b = k1, b
        self._avg = sum(d.length for d in docs) / len(docs) if docs else 1.0
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.terms.keys())
        n = len(docs)
        self._idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    @classmethod
    def from_framework(cls, framework: Any) -> LinkSuggester:
        """Build a suggester over a loaded framework's competences and principles."""
        docs: list[_Doc] = []
        for comp in framework.competences:
            text = " ".join([comp.statement, *_item_texts(comp.items)])
            docs.append(_make_doc("competence", comp.id, comp.statement, text, comp.cues))
        for pr in framework.principles:
            text = " ".join([pr.name, pr.definition, pr.description])
            docs.append(_make_doc("principle", pr.id, pr.name, text, pr.cues))
        return cls(docs)

    def suggest(self, text: str, limit: int = 5, exclude: Iterable[str] = ()) -> list[Suggestion]:
        """Return the best matches for ``text``, skipping ``kind:id`` keys in ``exclude``.

        Args:
            text: The entry's title and body.
            limit: How many suggestions to return at most.
            exclude: ``"competence:<id>"``/``"principle:<id>"`` keys already linked.
        """
        originals: dict[str, str] = {}
        for word in _WORD.findall(text.lower()):
            if word not in _STOP and len(word) > 2:
                originals.setdefault(_stem(word), word.strip("'"))
        query = Counter(words(text))
        if not query:
            return []
        skip = set(exclude)
        scored = []
        for doc in self._docs:
            if f"{doc.kind}:{doc.target_id}" in skip:
                continue
            score, matched = self._score(doc, query)
            if score > 0:
                shown = tuple(originals.get(term, term) for term in matched)
                scored.append(Suggestion(doc.kind, doc.target_id, doc.label, score, shown))
        scored.sort(key=lambda s: -s.score)
        return scored[:limit]

    def _score(self, doc: _Doc, query: Counter[str]) -> tuple[float, tuple[str, ...]]:
        score = 0.0
        matched: list[tuple[float, str]] = []
        norm = self._k1 * (1 - self._b + self._b * doc.length / self._avg)
        for term, q_count in query.items():
            tf = doc.terms.get(term, 0)
            if not tf:
                continue
            part = self._idf[term] * tf * (self._k1 + 1) / (tf + norm)
            part *= 1 + math.log(q_count)
            score += part
            matched.append((part, term))
        matched.sort(reverse=True)
        return score, tuple(term for _, term in matched[:4])


def _item_texts(items: Iterable[Any]) -> list[str]:
    texts: list[str] = []
    for item in items:
        texts.append(item.text)
        texts.extend(_item_texts(getattr(item, "items", ()) or ()))
    return texts


def _make_doc(kind: str, target_id: str, label: str, text: str, cues: Iterable[str]) -> _Doc:
    terms = Counter(words(text))
    for cue in cues:
        for term in words(cue):
            terms[term] += _CUE_WEIGHT
    return _Doc(kind, target_id, label, terms, max(1, sum(terms.values())))
