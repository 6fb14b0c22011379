"""Rank the competences and principles an entry evidences, with the entry's words as reasons.

The app's own wording in the entry (template headings and guidance, prompt headings) is
blanked first, so only the user's words count and only they are quoted. The entry is cut
into paragraphs. A piece of a target scores by the rarity-weighted share of its stems a
paragraph contains, each word counted by whom its clause is about; a cue phrase found word
for word counts extra. A target's score is a soft maximum over its pieces in its best
paragraph plus a share of its whole-entry score. Principles add to their own score a prior
from the competences found. What the user accepted or dismissed before (``Feedback``)
nudges targets up or down, within a bound.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from psw_journal.core.framework import Framework
from psw_journal.core.suggest.feedback import Feedback
from psw_journal.core.suggest.scaffolding import Scaffolding
from psw_journal.core.suggest.targets import (
    Kind,
    Target,
    by_id,
    framework_targets,
    idf,
    principle_prior,
)
from psw_journal.core.suggest.text import EntryText

_PHRASE_BONUS = 0.6
#: A cue of several words whose words occur, but not as the phrase, counts this much.
_PARTIAL_CUE = 0.35
#: Soft maximum over pieces: the best counts fully, the next ones less and less.
_PIECE_DECAY = (1.0, 0.5, 0.3, 0.2, 0.1)
#: How much the whole entry adds to the best paragraph.
_WHOLE_ENTRY_SHARE = 0.5
#: How strongly the competences found inform the principles.
_PRIOR_SHARE = 0.9
#: Feedback moves a score by at most this share of the entry's best score.
_FEEDBACK_SHARE = 0.6
_MAX_REASONS = 3
_SATURATION = 1.2


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


@dataclass(slots=True)
class _Match:
    score: float
    positions: tuple[int, ...]
    borrowed: list[int] = field(default_factory=list)


PieceKey = tuple[int, int]
#: A target's score in a run of tokens and the positions that earned it.
_Scored = tuple[float, tuple[int, ...]]


class Suggester:
    """Ranks a framework's competences and principles for an entry. Build once, reuse."""

    def __init__(
        self,
        targets: Sequence[Target],
        prior: Mapping[str, Mapping[str, float]],
        scaffolding: Scaffolding | None = None,
    ):
        """Index the targets; use ``Suggester.from_framework`` rather than this."""
        self._targets = tuple(targets)
        self._prior = prior
        self._scaffolding = scaffolding or Scaffolding()
        self._idf = idf(self._targets)
        self._default_idf = max(self._idf.values(), default=1.0)
        self._keys = by_id(self._targets)
        self._index: dict[str, list[PieceKey]] = defaultdict(list)
        self._phrases: dict[str, list[PieceKey]] = defaultdict(list)
        for t_index, target in enumerate(self._targets):
            for p_index, piece in enumerate(target.pieces):
                for term in piece.terms:
                    self._index[term].append((t_index, p_index))
                if len(piece.phrase) > 1:
                    self._phrases[piece.phrase[0]].append((t_index, p_index))
        self._norms = [
            [math.sqrt(sum(self._idf.get(t, 0.0) for t in p.terms)) or 1.0 for p in t.pieces]
            for t in self._targets
        ]

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

    def suggest(
        self,
        title: str,
        body: str,
        *,
        limit: int = 5,
        feedback: Feedback | None = None,
        exclude: Collection[str] = (),
        scaffolding: Iterable[str] = (),
    ) -> Suggestions:
        """Rank the competences and principles an entry evidences.

        Args:
            title: The entry's title.
            body: The entry's body (Markdown or plain text).
            limit: How many suggestions of each kind to return at most.
            feedback: The user's past decisions, to learn from.
            exclude: Ids already linked to this entry or dismissed for it.
            scaffolding: More lines that are not the user's words (for example the text a
                new entry started with); built-in templates and prompts are always known.

        Returns:
            Competences and principles with a positive score, best first, each with the
            entry's words that matched.
        """
        known = self._scaffolding.with_lines(scaffolding)
        entry = EntryText.parse(known.blank(f"{title.strip()}\n\n{body}"))
        matches = self._match(entry)
        scores = {i: m.score for i, m in matches.items()}
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

    # -- scoring ------------------------------------------------------------------------------

    def _match(self, entry: EntryText) -> dict[int, _Match]:
        """Score every target with a match in the entry."""
        per_part = [self._score_part(entry, part) for part in entry.parts]
        whole = self._score_part(entry, range(len(entry.tokens)))
        matches: dict[int, _Match] = {}
        for index, (score, positions) in whole.items():
            best = max((p.get(index, (0.0, ()))[0] for p in per_part), default=None)
            total = score if best is None else best + _WHOLE_ENTRY_SHARE * score
            matches[index] = _Match(total, positions)
        return matches

    def _score_part(self, entry: EntryText, span: range) -> dict[int, _Scored]:
        """Score targets on one run of tokens: a soft maximum over each target's pieces."""
        counts: dict[str, list[float]] = {}
        where: dict[str, list[int]] = defaultdict(list)
        for position in span:
            token = entry.tokens[position]
            if token.term:
                counts.setdefault(token.term, [0.0, 0.0, 0.0])[token.voice] += 1
                where[token.term].append(position)
        pieces: dict[PieceKey, float] = defaultdict(float)
        for term, by_voice in counts.items():
            rarity = self._idf.get(term, 0.0)
            for key in self._index.get(term, ()) if rarity else ():
                voices = self._targets[key[0]].pieces[key[1]].voices
                count = sum(n * v for n, v in zip(by_voice, voices, strict=True))
                if count:
                    pieces[key] += rarity * _saturate(count)
        phrase_hits = self._phrase_hits(entry, span)
        by_target: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for key in pieces.keys() | phrase_hits.keys():
            score = self._piece_score(key, pieces.get(key, 0.0), entry, phrase_hits.get(key))
            if score > 0:
                by_target[key[0]].append((score, key[1]))
        return {
            t: self._combine(t, scored, entry, where, phrase_hits)
            for t, scored in by_target.items()
        }

    def _piece_score(
        self, key: PieceKey, matched: float, entry: EntryText, phrase_at: int | None
    ) -> float:
        """Score one piece: the weighted share of it found; a cue only fully as a phrase."""
        piece = self._targets[key[0]].pieces[key[1]]
        norm = self._norms[key[0]][key[1]]
        if phrase_at is not None:
            share = piece.counts(entry.tokens[phrase_at].voice)
            return piece.weight * (norm + _PHRASE_BONUS) * share
        share = piece.weight * matched / norm
        return share * _PARTIAL_CUE if piece.is_cue and len(piece.phrase) > 1 else share

    def _combine(
        self,
        t_index: int,
        scored: list[tuple[float, int]],
        entry: EntryText,
        where: Mapping[str, list[int]],
        phrase_hits: Mapping[PieceKey, int],
    ) -> _Scored:
        """Return a target's soft-maximum score and the token positions that earned it."""
        scored.sort(reverse=True)
        total = sum(w * s for w, (s, _) in zip(_PIECE_DECAY, scored, strict=False))
        positions: list[int] = []
        for _, p_index in scored[:_MAX_REASONS]:
            if (t_index, p_index) in phrase_hits:
                positions.append(phrase_hits[(t_index, p_index)])
                continue
            piece = self._targets[t_index].pieces[p_index]
            found = [
                (self._idf.get(term, 0.0), position)
                for term in piece.terms
                for position in where.get(term, ())[:8]
                if piece.counts(entry.tokens[position].voice) > 0
            ]
            if found:
                positions.append(max(found, key=lambda pair: (pair[0], -pair[1]))[1])
        return total, tuple(positions)

    def _phrase_hits(self, entry: EntryText, span: range) -> dict[PieceKey, int]:
        """Return the pieces whose whole phrase occurs word for word, with where it starts."""
        hits: dict[PieceKey, int] = {}
        forms, where = entry.forms, entry.form_tokens
        first = bisect.bisect_left(where, span.start)
        last = bisect.bisect_left(where, span.stop)
        for index in range(first, last):
            for key in self._phrases.get(forms[index], ()):
                phrase = self._targets[key[0]].pieces[key[1]].phrase
                end = index + len(phrase)
                if key not in hits and end <= last and forms[index:end] == phrase:
                    hits[key] = where[index]
        return hits

    def _apply_feedback(
        self, scores: dict[int, float], entry: EntryText, feedback: Feedback
    ) -> None:
        """Move targets towards or away from entries like those accepted or dismissed."""
        vector = self._vector(t.term for t in entry.tokens if t.term)
        top = max(scores.values(), default=1.0) or 1.0
        learnt: dict[int, float] = defaultdict(float)
        for items, sign in ((feedback.accepted, 1.0), (feedback.rejected, -1.0)):
            for item in items:
                index = self._keys.get((item.kind, item.id))
                if index is not None:
                    learnt[index] += sign * _cosine(vector, self._vector(item.terms))
        for index, value in learnt.items():
            bounded = max(-1.0, min(1.0, value))
            scores[index] = scores.get(index, 0.0) + _FEEDBACK_SHARE * top * bounded

    def _add_principle_prior(self, scores: dict[int, float], matches: dict[int, _Match]) -> None:
        """Raise each principle by the competences found that usually evidence it."""
        ranked = sorted(
            ((s, i) for i, s in scores.items() if self._targets[i].kind == "competence"),
            reverse=True,
        )[:5]
        top = ranked[0][0] if ranked and ranked[0][0] > 0 else 1.0
        for score, index in ranked:
            for principle_id, share in self._prior.get(self._targets[index].id, {}).items():
                p_index = self._keys.get(("principle", principle_id))
                if p_index is not None and score > 0:
                    scores[p_index] = scores.get(p_index, 0.0) + _PRIOR_SHARE * share * score / top
                    matches.setdefault(p_index, _Match(0.0, ())).borrowed.extend(
                        matches[index].positions[:1] if index in matches else ()
                    )

    def _vector(self, terms: Iterable[str]) -> dict[str, float]:
        counts = Counter(terms)
        return {t: _saturate(n) * self._idf.get(t, self._default_idf) for t, n in counts.items()}

    def _reasons(
        self, index: int, matches: Mapping[int, _Match], entry: EntryText
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
        return tuple(phrases[:_MAX_REASONS])

    def _rarest_position(self, entry: EntryText) -> list[int]:
        terms = [
            (self._idf.get(t.term, self._default_idf), i)
            for i, t in enumerate(entry.tokens)
            if t.term
        ]
        return [i for _, i in sorted(terms, reverse=True)[:1]]


def _saturate(count: float) -> float:
    return count * (_SATURATION + 1) / (count + _SATURATION)


def _cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    dot = sum(value * right.get(term, 0.0) for term, value in left.items())
    norm = math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0
