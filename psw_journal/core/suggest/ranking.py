"""Rank the competences and principles an entry evidences, with the entry's words as reasons.

The app's own wording in the entry (template headings and guidance, prompt headings) is
blanked first, so only the user's words count and only they are quoted. Each target scores
by how the entry's words match its pieces (``matching``). Principles add to a share of
their own score a prior from the competences found. What the user accepted or dismissed
before (``Feedback``) nudges targets up or down, within a bound.
"""

from __future__ import annotations

import copy
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from psw_journal.core.framework import Framework
from psw_journal.core.suggest.feedback import Feedback
from psw_journal.core.suggest.matching import MAX_REASONS, Match, TargetIndex, saturate
from psw_journal.core.suggest.scaffolding import Scaffolding
from psw_journal.core.suggest.targets import (
    Kind,
    Target,
    by_id,
    framework_targets,
    principle_prior,
)
from psw_journal.core.suggest.text import EntryText

#: How strongly the competences found inform the principles.
_PRIOR_SHARE = 1.5
#: A principle's own words count this much: "safe" or "community" said in passing is weak,
#: the competences an entry evidences say more about the principles it shows.
_PRINCIPLE_OWN_SHARE = 0.3
#: A competence scoring this much passes its principles their full prior; less, less.
_CONFIDENT_SCORE = 5.0
#: Feedback moves a score by at most this share of the entry's best score of its kind.
_FEEDBACK_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A competence or principle the entry seems to evidence, and the entry's words why."""

    kind: Kind
    id: str
    score: float
    because: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestions:
    """The ranked suggestions for one entry, best first within each kind."""

    competences: tuple[Suggestion, ...] = ()
    principles: tuple[Suggestion, ...] = ()


class Suggester:
    """Ranks a framework's competences and principles for an entry. Build once, reuse."""

    def __init__(
        self,
        targets: Sequence[Target],
        prior: Mapping[str, Mapping[str, float]],
        scaffolding: Scaffolding | None = None,
    ):
        """Index the targets; use ``Suggester.from_framework`` rather than this."""
        self._matcher = TargetIndex(targets)
        self._targets = self._matcher.targets
        self._idf = self._matcher.idf
        self._prior = prior
        self._scaffolding = scaffolding or Scaffolding()
        self._default_idf = max(self._idf.values(), default=1.0)
        self._keys = by_id(self._targets)

    @classmethod
    def from_framework(cls, framework: Framework) -> Suggester:
        """Build a suggester over every competence and principle of a loaded framework.

        It knows the built-in templates and the framework's prompts as scaffolding.
        """
        return cls(
            framework_targets(framework),
            principle_prior(framework),
            Scaffolding.built_in(framework),
        )

    def with_scaffolding(self, lines: Iterable[str]) -> Suggester:
        """Return this suggester also knowing that ``lines`` are not the user's words.

        For example the text a new entry started with; the built-in templates and the
        framework's prompts are always known. The indexes are shared, not built again.
        """
        other = copy.copy(self)
        other._scaffolding = self._scaffolding.with_lines(lines)
        return other

    def suggest(
        self,
        title: str,
        body: str,
        *,
        limit: int = 5,
        feedback: Feedback | None = None,
        exclude: Collection[str] = (),
    ) -> Suggestions:
        """Rank the competences and principles an entry evidences.

        Args:
            title: The entry's title.
            body: The entry's body (Markdown or plain text).
            limit: How many suggestions of each kind to return at most.
            feedback: The user's past decisions, to learn from.
            exclude: Ids already linked to this entry or dismissed for it.

        Returns:
            Competences and principles with a positive score, best first, each with the
            entry's words that matched.
        """
        entry = EntryText.parse(self._scaffolding.blank(f"{title.strip()}\n\n{body}"))
        matches = self._matcher.match(entry)
        scores = {
            i: m.score * (_PRINCIPLE_OWN_SHARE if self._targets[i].kind == "principle" else 1.0)
            for i, m in matches.items()
        }
        if feedback is not None:
            self._apply_feedback(scores, entry, feedback)
        self._add_principle_prior(scores, matches)
        ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
        chosen: dict[str, list[Suggestion]] = {"competence": [], "principle": []}
        for index, score in ranked:
            target = self._targets[index]
            picked = chosen[target.kind]
            if score <= 0 or target.id in exclude or len(picked) >= limit:
                continue
            reasons = self._reasons(index, matches, entry)
            if reasons:
                picked.append(Suggestion(target.kind, target.id, round(score, 4), reasons))
        return Suggestions(tuple(chosen["competence"]), tuple(chosen["principle"]))

    def _apply_feedback(
        self, scores: dict[int, float], entry: EntryText, feedback: Feedback
    ) -> None:
        """Move targets towards or away from entries like those accepted or dismissed."""
        vector = self._vector(t.term for t in entry.tokens if t.term)
        tops = {"competence": 0.0, "principle": 0.0}
        for scored, score in scores.items():
            kind = self._targets[scored].kind
            tops[kind] = max(tops[kind], score)
        learnt: dict[int, float] = defaultdict(float)
        for items, sign in ((feedback.accepted, 1.0), (feedback.rejected, -1.0)):
            for item in items:
                found = self._keys.get((item.kind, item.id))
                if found is not None:
                    learnt[found] += sign * _cosine(vector, self._vector(item.terms))
        for index, value in learnt.items():
            bounded = max(-1.0, min(1.0, value))
            top = tops[self._targets[index].kind] or 1.0
            scores[index] = scores.get(index, 0.0) + _FEEDBACK_SHARE * top * bounded

    def _add_principle_prior(self, scores: dict[int, float], matches: dict[int, Match]) -> None:
        """Raise each principle by the competences found that usually evidence it."""
        ranked = sorted(
            ((s, i) for i, s in scores.items() if self._targets[i].kind == "competence"),
            reverse=True,
        )[:5]
        top = max(ranked[0][0] if ranked else 0.0, _CONFIDENT_SCORE)
        for score, index in ranked:
            for principle_id, share in self._prior.get(self._targets[index].id, {}).items():
                p_index = self._keys.get(("principle", principle_id))
                if p_index is not None and score > 0:
                    scores[p_index] = scores.get(p_index, 0.0) + _PRIOR_SHARE * share * score / top
                    matches.setdefault(p_index, Match(0.0, ())).borrowed.extend(
                        matches[index].positions[:1] if index in matches else ()
                    )

    def _vector(self, terms: Iterable[str]) -> dict[str, float]:
        counts = Counter(terms)
        return {t: saturate(n) * self._idf.get(t, self._default_idf) for t, n in counts.items()}

    def _reasons(
        self, index: int, matches: Mapping[int, Match], entry: EntryText
    ) -> tuple[str, ...]:
        """Return the entry's phrases that matched a target, most telling first."""
        match = matches.get(index)
        positions = [*match.positions, *match.borrowed] if match else []
        if not positions:  # learnt from feedback alone: show the entry's rarest shared word
            positions = self._rarest_position(entry)
        phrases: list[str] = []
        for position in positions:
            phrase = entry.phrase_at(position)
            if phrase and not any(phrase in p or p in phrase for p in phrases):
                phrases.append(phrase)
        return tuple(phrases[:MAX_REASONS])

    def _rarest_position(self, entry: EntryText) -> list[int]:
        terms = [
            (self._idf.get(t.term, self._default_idf), i)
            for i, t in enumerate(entry.tokens)
            if t.term
        ]
        return [i for _, i in sorted(terms, reverse=True)[:1]]


def _cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    dot = sum(value * right.get(term, 0.0) for term, value in left.items())
    norm = math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0
