"""What the user linked or dismissed before: kept as a few content stems, never the text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from psw_journal.core.suggest.targets import Kind
from psw_journal.core.suggest.text import content_term, iter_words

FEEDBACK_KEEP = 300
FEEDBACK_TERMS = 40


@dataclass(frozen=True, slots=True)
class FeedbackItem:
    """One accepted or dismissed suggestion, kept as the entry's content words only."""

    kind: Kind
    id: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Feedback:
    """The user's past decisions on suggestions in this journal (kept encrypted in it).

    Store it with ``store.set_setting("suggestion_feedback", feedback.to_json())`` and read
    it back with ``Feedback.from_json(store.setting("suggestion_feedback"))``. Only stemmed
    content words of lower-case words are kept, never the entry text, and at most
    ``FEEDBACK_KEEP`` decisions of each sort (the oldest are forgotten first).
    """

    accepted: tuple[FeedbackItem, ...] = ()
    rejected: tuple[FeedbackItem, ...] = ()

    def record(self, kind: Kind, target_id: str, text: str, *, accepted: bool) -> Feedback:
        """Return a copy with one more decision about ``target_id`` for an entry's text."""
        item = FeedbackItem(kind, target_id, feedback_terms(text))
        if accepted:
            return Feedback((*self.accepted, item)[-FEEDBACK_KEEP:], self.rejected)
        return Feedback(self.accepted, (*self.rejected, item)[-FEEDBACK_KEEP:])

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """Return the JSON shape stored in the journal's settings."""
        return {
            "accepted": [_item_json(item) for item in self.accepted],
            "rejected": [_item_json(item) for item in self.rejected],
        }

    @classmethod
    def from_json(cls, data: object) -> Feedback:
        """Return the feedback stored as ``to_json()`` made it; anything malformed is skipped."""
        if not isinstance(data, Mapping):
            return cls()
        return cls(_items_from_json(data.get("accepted")), _items_from_json(data.get("rejected")))


def feedback_terms(text: str) -> tuple[str, ...]:
    """Return the few content-word stems of a text worth learning from.

    Capitalised words are left out, so people's and places' names are not kept.
    """
    counts = Counter(
        term
        for word, start, _ in iter_words(text)
        if not text[start].isupper() and (term := content_term(word))
    )
    return tuple(term for term, _ in counts.most_common(FEEDBACK_TERMS))


def _item_json(item: FeedbackItem) -> dict[str, Any]:
    return {"kind": item.kind, "id": item.id, "terms": list(item.terms)}


def _items_from_json(data: object) -> tuple[FeedbackItem, ...]:
    if not isinstance(data, list):
        return ()
    items = []
    for raw in data[-FEEDBACK_KEEP:]:
        if not isinstance(raw, Mapping):
            continue
        kind, target_id, terms = raw.get("kind"), raw.get("id"), raw.get("terms")
        if (
            kind in ("competence", "principle")
            and isinstance(target_id, str)
            and isinstance(terms, list)
        ):
            words = tuple(str(t) for t in terms[:FEEDBACK_TERMS])
            items.append(
                FeedbackItem(
                    "competence" if kind == "competence" else "principle", target_id, words
                )
            )
    return tuple(items)
