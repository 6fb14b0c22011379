"""How well an entry's words match each target's pieces, and where in the entry they do.

A piece scores by the rarity-weighted share of its stems a run of tokens contains, each word
counted by whom its clause is about; a cue found word for word counts extra, and a cue whose
words share a sentence counts nearly as much. A target's score in a run is a soft maximum
over its pieces; its entry score is its best paragraph plus a share of the whole entry.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from psw_journal.core.suggest.targets import Target, idf
from psw_journal.core.suggest.text import EntryText

_PHRASE_BONUS = 0.6
#: A cue of several words whose words occur, but not as the phrase, counts this much.
_PARTIAL_CUE = 0.35
#: A cue whose words are all in one sentence, but not as the phrase, counts this much.
_NEAR_SHARE = 0.85
#: Soft maximum over pieces: the best counts fully, the next ones less and less.
_PIECE_DECAY = (1.0, 0.5, 0.3, 0.2, 0.1)
#: How much the whole entry adds to the best paragraph.
_WHOLE_ENTRY_SHARE = 0.5
#: Different words a target needs in the entry when no cue or short item is found whole.
_EVIDENCE_TERMS = 2
_SHORT_PIECE = 2
#: How many places in the entry a target keeps as its reasons.
MAX_REASONS = 3
_SATURATION = 1.2

PieceKey = tuple[int, int]
#: A target's score in a run of tokens and the positions that earned it.
_Scored = tuple[float, tuple[int, ...]]


@dataclass(slots=True)
class Match:
    """A target's score in an entry and the token positions that earned it."""

    score: float
    positions: tuple[int, ...]
    borrowed: list[int] = field(default_factory=list)  # from competences, for a principle


class TargetIndex:
    """The targets' pieces indexed by stem and by a cue's first word, with word rarities."""

    def __init__(self, targets: Sequence[Target]) -> None:
        """Index the targets' pieces."""
        self.targets = tuple(targets)
        self.idf = idf(self.targets)
        #: The few different ways pieces count voices, so each word is weighed once per way.
        self._voice_kinds = sorted({p.voices for t in self.targets for p in t.pieces})
        kind_of = {voices: i for i, voices in enumerate(self._voice_kinds)}
        self._index: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self._phrases: dict[str, list[PieceKey]] = defaultdict(list)
        for t_index, target in enumerate(self.targets):
            for p_index, piece in enumerate(target.pieces):
                for term in piece.terms:
                    self._index[term].append((t_index, p_index, kind_of[piece.voices]))
                if len(piece.phrase) > 1:
                    self._phrases[piece.phrase[0]].append((t_index, p_index))
        self._norms = [
            [math.sqrt(sum(self.idf.get(t, 0.0) for t in p.terms)) or 1.0 for p in t.pieces]
            for t in self.targets
        ]
        self._term_kinds = {
            term: sorted({kind for _, _, kind in keys}) for term, keys in self._index.items()
        }
        self._multi_word_cues = [
            ((t_index, p_index), piece)
            for t_index, target in enumerate(self.targets)
            for p_index, piece in enumerate(target.pieces)
            if piece.is_cue and len(piece.terms) > 1
        ]

    def match(self, entry: EntryText) -> dict[int, Match]:
        """Score every target with enough evidence in the entry.

        One word of a statement is not evidence: a target needs a cue or a short list item
        ("volunteering") found whole in the entry, or two different words of its pieces.
        """
        hits = _Hits(self._phrase_hits(entry), self._near_hits(entry))
        per_part = [
            self._score_part(entry, part, hits, with_positions=False) for part in entry.parts
        ]
        whole = self._score_part(entry, range(len(entry.tokens)), hits, with_positions=True)
        matches: dict[int, Match] = {}
        for index, (score, positions) in whole.items():
            if not self._has_evidence(index, entry):
                continue
            best = max((p.get(index, (0.0, ()))[0] for p in per_part), default=None)
            total = score if best is None else best + _WHOLE_ENTRY_SHARE * score
            matches[index] = Match(total, positions)
        return matches

    def _has_evidence(self, index: int, entry: EntryText) -> bool:
        """Tell whether a target has a cue or short item in the entry, or two of its words."""
        found: set[str] = set()
        for piece in self.targets[index].pieces:
            terms = {
                t
                for t in piece.terms & entry.terms.keys()
                if any(piece.voices[v] for v in entry.terms[t])
            }
            if terms == piece.terms and (piece.is_cue or len(terms) <= _SHORT_PIECE):
                return True
            found |= terms
            if len(found) >= _EVIDENCE_TERMS:
                return True
        return False

    def _score_part(
        self, entry: EntryText, span: range, hits: _Hits, *, with_positions: bool
    ) -> dict[int, _Scored]:
        """Score targets on one run of tokens: a soft maximum over each target's pieces.

        The positions that earned each score are found only ``with_positions``.
        """
        counts: dict[str, list[float]] = {}
        where: dict[str, list[int]] = defaultdict(list)
        for position in span:
            token = entry.tokens[position]
            if token.term:
                counts.setdefault(token.term, [0.0, 0.0, 0.0])[token.voice] += 1
                where[token.term].append(position)
        pieces: dict[PieceKey, float] = defaultdict(float)
        for term, (shared, writer, other) in counts.items():
            rarity = self.idf.get(term, 0.0)
            weights = {
                kind: rarity * saturate(shared * v[0] + writer * v[1] + other * v[2])
                for kind in self._term_kinds.get(term, ())
                if (v := self._voice_kinds[kind])
            }
            for t_index, p_index, kind in self._index[term] if rarity else ():
                if weights[kind]:
                    pieces[(t_index, p_index)] += weights[kind]
        phrase_hits = hits.in_span(hits.phrases, span)
        near_hits = hits.in_span(hits.near, span)
        by_target: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for key in pieces.keys() | phrase_hits.keys():
            piece = self.targets[key[0]].pieces[key[1]]
            norm = self._norms[key[0]][key[1]]
            if key in phrase_hits:
                voice = entry.tokens[phrase_hits[key]].voice
                score = piece.weight * (norm + _PHRASE_BONUS) * piece.voices[voice]
            else:
                score = piece.weight * pieces[key] / norm
                if piece.is_cue and len(piece.phrase) > 1:
                    score *= _PARTIAL_CUE
                if key in near_hits:
                    voice = entry.tokens[near_hits[key]].voice
                    score = max(score, piece.weight * norm * _NEAR_SHARE * piece.voices[voice])
            if score > 0:
                by_target[key[0]].append((score, key[1]))
        if not with_positions:
            return {t: (_soft_max(scored), ()) for t, scored in by_target.items()}
        found_whole = {**near_hits, **phrase_hits}
        return {
            t: self._combine(t, scored, entry, where, found_whole)
            for t, scored in by_target.items()
        }

    def _combine(
        self,
        t_index: int,
        scored: list[tuple[float, int]],
        entry: EntryText,
        where: Mapping[str, list[int]],
        found_whole: Mapping[PieceKey, int],
    ) -> _Scored:
        """Return a target's soft-maximum score and the token positions that earned it."""
        total = _soft_max(scored)
        positions: list[int] = []
        for _, p_index in scored[:MAX_REASONS]:
            if (t_index, p_index) in found_whole:
                positions.append(found_whole[(t_index, p_index)])
                continue
            piece = self.targets[t_index].pieces[p_index]
            found = [
                (self.idf.get(term, 0.0), position)
                for term in piece.terms
                for position in where.get(term, ())[:8]
                if piece.counts(entry.tokens[position].voice) > 0
            ]
            if found:
                positions.append(max(found, key=lambda pair: (pair[0], -pair[1]))[1])
        return total, tuple(positions)

    def _near_hits(self, entry: EntryText) -> dict[PieceKey, list[tuple[int, int]]]:
        """Return the cues of several content words found together in a sentence, and where.

        "folded her arms" finds "arms folded"; each word must be in a clause the piece counts.
        """
        hits: dict[PieceKey, list[tuple[int, int]]] = {}
        for key, piece in self._multi_word_cues:
            if not piece.terms <= entry.terms.keys():
                continue
            together: dict[int, int] | None = None  # sentence -> its first token of the cue
            for term in piece.terms:
                here: dict[int, int] = {}
                for position in entry.positions[term]:
                    token = entry.tokens[position]
                    if piece.voices[token.voice] and token.sentence not in here:
                        here[token.sentence] = position
                if together is None:
                    together = here
                else:
                    together = {s: min(p, here[s]) for s, p in together.items() if s in here}
                if not together:
                    break
            if together:
                hits[key] = sorted((p, p) for p in together.values())
        return hits

    def _phrase_hits(self, entry: EntryText) -> dict[PieceKey, list[tuple[int, int]]]:
        """Return the pieces whose whole phrase occurs word for word: first and last tokens."""
        hits: dict[PieceKey, list[tuple[int, int]]] = defaultdict(list)
        forms, where = entry.forms, entry.form_tokens
        for index, found in enumerate(forms):
            for key in self._phrases.get(found, ()):
                phrase = self.targets[key[0]].pieces[key[1]].phrase
                end = index + len(phrase)
                if end <= len(forms) and forms[index:end] == phrase:
                    hits[key].append((where[index], where[end - 1]))
        return hits


@dataclass(frozen=True, slots=True)
class _Hits:
    """Where each cue occurs in the entry, as a phrase or with its words in one sentence."""

    phrases: dict[PieceKey, list[tuple[int, int]]]
    near: dict[PieceKey, list[tuple[int, int]]]

    @staticmethod
    def in_span(
        found: Mapping[PieceKey, list[tuple[int, int]]], span: range
    ) -> dict[PieceKey, int]:
        """Return each piece's first occurrence wholly inside a run of tokens."""
        inside: dict[PieceKey, int] = {}
        for key, places in found.items():
            for first, last in places:
                if span.start <= first and last < span.stop:
                    inside[key] = first
                    break
        return inside


def saturate(count: float) -> float:
    """Return a count's weight: more occurrences count for less and less."""
    return count * (_SATURATION + 1) / (count + _SATURATION)


def _soft_max(scored: list[tuple[float, int]]) -> float:
    """Sort pieces' scores best first and return their decaying sum."""
    scored.sort(reverse=True)
    return sum(w * s for w, (s, _) in zip(_PIECE_DECAY, scored, strict=False))
