"""Suggest which competences and principles a journal entry evidences, and say why.

Each competence is cut into pieces: its statement, each list item, its heading and area name,
and each plain-language cue phrase. An entry is cut into paragraphs. A piece scores by the
rarity-weighted share of its stemmed words a paragraph contains; a cue phrase found word for
word counts extra. A target's score is a soft maximum over its pieces in its best paragraph
plus a share of its whole-entry score. Principles add to their own lexical score a prior from
the competences found (a hand-made map of competences to principles). What the user accepted
or dismissed before (``Feedback``) nudges targets up or down, within a bound. Every suggestion
carries the entry's own words that matched, trimmed to a few words.

Stdlib only; build one ``Suggester`` per loaded framework and reuse it.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from psw_journal.core.framework import Competence, Framework, ListItem, Principle
from psw_journal.core.stemming import stem

Kind = Literal["competence", "principle"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Weights of the kinds of piece a target is made of.
_CUE_WEIGHT = 1.4
_PHRASE_BONUS = 0.6
#: A cue of several words whose words occur, but not as the phrase, counts this much.
_PARTIAL_CUE = 0.35
_TEXT_WEIGHT = 1.0
_CONTEXT_WEIGHT = 0.45
_PROMPT_WEIGHT = 0.7
#: Soft maximum over pieces: the best counts fully, the next ones less and less.
_PIECE_DECAY = (1.0, 0.5, 0.3, 0.2, 0.1)
#: How much the whole entry adds to the best paragraph.
_WHOLE_ENTRY_SHARE = 0.5
#: How strongly the competences found inform the principles.
_PRIOR_SHARE = 0.9
#: Feedback moves a score by at most this share of the entry's best score.
_FEEDBACK_SHARE = 0.6
_FEEDBACK_KEEP = 300
_FEEDBACK_TERMS = 40
_MAX_REASONS = 3
_REASON_WORDS = 8
_SATURATION = 1.2

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”\n]|\s[-–—]\s")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: Words a cue phrase may leave out or put differently ("why she was moving").
_GLUE = _word_set("a an the is are was were be been am")
_PRONOUNS = _word_set("he she they him her them his hers their theirs himself herself themselves")
_STOP = _word_set(
    """a about above after again against all almost also am an and any are aren't as at be
    because been before being below between both but by can can't cannot could couldn't did
    didn't do does doesn't doing don't down during each even ever every few for from further
    had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let
    let's me more most much must my myself no nor not now of off on once one only or other
    ought our ours ourselves out over own quite rather really same she she'd she'll she's
    should so some still such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those though through to too under
    until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when
    where which while who whom why will with won't would wouldn't yet you you'd you'll you're
    you've your yours yourself able ability abilities an e.g eg etc example including
    within whether way ways lot lots bit got get gets getting go goes going went gone make made
    say said says tell told ask asked thing things today yesterday week time times day days
    really quite maybe think thought know knew felt feel feeling like just back next first last
    psw psws peer worker workers person people someone something anything everything"""
)
#: Which principles each area's competences usually evidence (overridden per competence).
_AREA_PRINCIPLES: dict[str, tuple[str, ...]] = {
    "core_relational_skills": ("mutual", "safe"),
    "sp_area_personal_recovery": ("recovery_focused", "strengths_based"),
    "sp_area_meaningful_activities": ("inclusive", "recovery_focused"),
    "sp_area_coping_problem_solving": ("reciprocal", "strengths_based"),
    "sp_area_care_support_options": ("non_directive", "reciprocal"),
    "sp_area_care_recovery_plans": ("reciprocal", "recovery_focused"),
    "sp_area_access_care_support": ("inclusive", "recovery_focused"),
    "sp_area_transitions": ("safe", "recovery_focused"),
    "meta_area_general": ("reciprocal", "inclusive"),
    "meta_area_attitudes_values": ("safe", "progressive"),
    "meta_area_engagement_intervention": ("reciprocal", "non_directive"),
    "meta_area_support": ("progressive", "strengths_based"),
    "meta_area_respond_feedback": ("reciprocal", "progressive"),
    "meta_area_self_care": ("safe", "progressive"),
    "org_area_recruitment_support": ("inclusive", "reciprocal"),
}
_COMPETENCE_PRINCIPLES: dict[str, tuple[str, ...]] = {
    "crs_boundaries_confidentiality": ("safe", "mutual"),
    "crs_build_trust_rapport": ("safe", "mutual"),
    "crs_listen_non_judgemental": ("safe", "mutual"),
    "crs_understand_worldview": ("inclusive", "mutual"),
    "crs_perspective_empathy": ("mutual", "safe"),
    "crs_establish_point_of_view": ("non_directive", "mutual"),
    "crs_relationship_strains": ("safe", "reciprocal"),
    "crs_readiness_strengths": ("strengths_based", "non_directive"),
    "crs_barriers_to_engagement": ("inclusive", "reciprocal"),
    "crs_meeting_locations": ("inclusive", "mutual"),
    "crs_location_safety": ("safe",),
    "crs_prepare_ending": ("progressive", "safe"),
    "sp_hope_through_setbacks": ("recovery_focused", "mutual"),
    "sp_persevere_when_stuck": ("recovery_focused", "mutual"),
    "sp_own_decisions": ("non_directive", "strengths_based"),
    "sp_own_approach_self_care": ("non_directive", "safe"),
    "sp_sources_of_support": ("inclusive", "recovery_focused"),
    "sp_identify_meaningful_activities": ("inclusive", "strengths_based"),
    "sp_coping_strategies": ("strengths_based", "non_directive"),
    "sp_review_coping": ("progressive", "strengths_based"),
    "sp_own_solutions": ("non_directive", "reciprocal"),
    "sp_advance_statement": ("safe", "non_directive"),
    "sp_community_activities": ("inclusive",),
    "sp_access_challenges": ("inclusive",),
    "sp_escalate_transition_concerns": ("safe",),
    "meta_social_cultural_barriers": ("inclusive", "mutual"),
    "meta_continue_or_step_back": ("non_directive",),
    "meta_self_disclosure": ("mutual", "reciprocal"),
    "meta_flexibility_consistency": ("safe", "progressive"),
    "meta_support_or_independence": ("strengths_based", "progressive"),
}


# --------------------------------------------------------------------------- public API


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
    ``_FEEDBACK_KEEP`` decisions of each sort (the oldest are forgotten first).
    """

    accepted: tuple[FeedbackItem, ...] = ()
    rejected: tuple[FeedbackItem, ...] = ()

    def record(self, kind: Kind, target_id: str, text: str, *, accepted: bool) -> Feedback:
        """Return a copy with one more decision about ``target_id`` for an entry's text."""
        item = FeedbackItem(kind, target_id, feedback_terms(text))
        if accepted:
            return Feedback((*self.accepted, item)[-_FEEDBACK_KEEP:], self.rejected)
        return Feedback(self.accepted, (*self.rejected, item)[-_FEEDBACK_KEEP:])

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
        _stem(word)
        for word, start, _ in _words(text)
        if word not in _STOP and len(word) > 2 and not text[start].isupper()
    )
    return tuple(term for term, _ in counts.most_common(_FEEDBACK_TERMS))


class Suggester:
    """Ranks a framework's competences and principles for an entry. Build once, reuse."""

    def __init__(
        self, targets: Sequence[_Target], principle_prior: Mapping[str, Mapping[str, float]]
    ):
        """Index the targets; use ``Suggester.from_framework`` rather than this."""
        self._targets = tuple(targets)
        self._prior = principle_prior
        self._idf = _idf(self._targets)
        self._default_idf = max(self._idf.values(), default=1.0)
        self._index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._phrases: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for t_index, target in enumerate(self._targets):
            for p_index, piece in enumerate(target.pieces):
                for term in piece.terms:
                    self._index[term].append((t_index, p_index))
                if len(piece.phrase) > 1:
                    self._phrases[piece.phrase[0]].append((t_index, p_index))
        self._norms = [
            [math.sqrt(sum(self._idf[t] for t in piece.terms)) for piece in target.pieces]
            for target in self._targets
        ]

    @classmethod
    def from_framework(cls, framework: Framework) -> Suggester:
        """Build a suggester over every competence and principle of a loaded framework."""
        targets = [_competence_target(framework, c) for c in framework.competences]
        targets += [_principle_target(p) for p in framework.principles]
        prior = {c.id: _principles_for(c) for c in framework.competences}
        return cls(targets, prior)

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
        entry = _Entry.parse(title, body)
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

    def _match(self, entry: _Entry) -> dict[int, _Match]:
        """Score every target with a match in the entry."""
        per_part = [self._score_part(entry, part) for part in entry.parts]
        whole = self._score_part(entry, range(len(entry.tokens)))
        matches: dict[int, _Match] = {}
        for index, (score, positions) in whole.items():
            best = sorted((p.get(index, (0.0, ()))[0] for p in per_part), reverse=True)
            total = best[0] + _WHOLE_ENTRY_SHARE * score if best else score
            matches[index] = _Match(total, positions)
        return matches

    def _score_part(self, entry: _Entry, span: range) -> dict[int, tuple[float, tuple[int, ...]]]:
        """Score targets on one run of tokens: a soft maximum over each target's pieces."""
        counts: Counter[str] = Counter()
        where: dict[str, list[int]] = defaultdict(list)
        for position in span:
            term = entry.tokens[position].term
            if term:
                counts[term] += 1
                where[term].append(position)
        pieces: dict[tuple[int, int], float] = defaultdict(float)
        for term, count in counts.items():
            weight = self._idf.get(term, 0.0) * _saturate(count)
            for key in self._index.get(term, ()):
                pieces[key] += weight
        phrase_hits = self._phrase_hits(entry, span)
        by_target: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for key, matched in pieces.items():
            score = self._piece_score(key, matched, key in phrase_hits)
            by_target[key[0]].append((score, key[1]))
        return {t: self._combine(t, scored, where, phrase_hits) for t, scored in by_target.items()}

    def _piece_score(self, key: tuple[int, int], matched: float, is_phrase_hit: bool) -> float:
        """Score one piece: the weighted share of it found; a cue only fully as a phrase."""
        piece = self._targets[key[0]].pieces[key[1]]
        norm = self._norms[key[0]][key[1]]
        if is_phrase_hit:
            return piece.weight * (norm + _PHRASE_BONUS)
        share = piece.weight * matched / norm
        return share * _PARTIAL_CUE if piece.is_cue and len(piece.phrase) > 1 else share

    def _combine(
        self,
        t_index: int,
        scored: list[tuple[float, int]],
        where: Mapping[str, list[int]],
        phrase_hits: Mapping[tuple[int, int], int],
    ) -> tuple[float, tuple[int, ...]]:
        """Return a target's soft-maximum score and the token positions that earned it."""
        scored.sort(reverse=True)
        total = sum(w * s for w, (s, _) in zip(_PIECE_DECAY, scored, strict=False))
        positions: list[int] = []
        for _, p_index in scored[:_MAX_REASONS]:
            if (t_index, p_index) in phrase_hits:
                positions.append(phrase_hits[(t_index, p_index)])
                continue
            piece = self._targets[t_index].pieces[p_index]
            found = [t for t in piece.terms if t in where]
            if found:
                rarest = max(found, key=lambda t: self._idf.get(t, 0.0))
                positions.append(where[rarest][0])
        return total, tuple(positions)

    def _phrase_hits(self, entry: _Entry, span: range) -> dict[tuple[int, int], int]:
        """Return the pieces whose whole phrase occurs word for word, with where it starts."""
        hits: dict[tuple[int, int], int] = {}
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

    def _apply_feedback(self, scores: dict[int, float], entry: _Entry, feedback: Feedback) -> None:
        """Move targets towards or away from entries like those accepted or dismissed."""
        vector = self._vector(t.term for t in entry.tokens if t.term)
        top = max(scores.values(), default=1.0) or 1.0
        keys = {(t.kind, t.id): i for i, t in enumerate(self._targets)}
        learnt: dict[int, float] = defaultdict(float)
        for items, sign in ((feedback.accepted, 1.0), (feedback.rejected, -1.0)):
            for item in items:
                index = keys.get((item.kind, item.id))
                if index is not None:
                    learnt[index] += sign * _cosine(vector, self._vector(item.terms))
        for index, value in learnt.items():
            bounded = max(-1.0, min(1.0, value))
            scores[index] = scores.get(index, 0.0) + _FEEDBACK_SHARE * top * bounded

    def _add_principle_prior(self, scores: dict[int, float], matches: dict[int, _Match]) -> None:
        """Raise each principle by the competences found that usually evidence it."""
        principles = {t.id: i for i, t in enumerate(self._targets) if t.kind == "principle"}
        ranked = sorted(
            ((s, i) for i, s in scores.items() if self._targets[i].kind == "competence"),
            reverse=True,
        )[:5]
        top = ranked[0][0] if ranked and ranked[0][0] > 0 else 1.0
        for score, index in ranked:
            for principle_id, share in self._prior.get(self._targets[index].id, {}).items():
                p_index = principles.get(principle_id)
                if p_index is not None and score > 0:
                    scores[p_index] = scores.get(p_index, 0.0) + _PRIOR_SHARE * share * score / top
                    matches.setdefault(p_index, _Match(0.0, ())).borrowed.extend(
                        matches[index].positions[:1] if index in matches else ()
                    )

    def _vector(self, terms: Iterable[str]) -> dict[str, float]:
        counts = Counter(terms)
        return {t: _saturate(n) * self._idf.get(t, self._default_idf) for t, n in counts.items()}

    def _reasons(
        self, index: int, matches: Mapping[int, _Match], entry: _Entry
    ) -> tuple[str, ...]:
        """Return the entry's phrases that matched a target, most telling first."""
        match = matches.get(index)
        positions = [*match.positions, *match.borrowed] if match else []
        if not positions:  # learnt from feedback alone: show the entry's rarest shared word
            positions = self._feedback_positions(index, entry)
        phrases: list[str] = []
        for position in positions:
            phrase = entry.phrase_at(position)
            if phrase and not any(phrase in p or p in phrase for p in phrases):
                phrases.append(phrase)
        return tuple(phrases[:_MAX_REASONS])

    def _feedback_positions(self, index: int, entry: _Entry) -> list[int]:
        del index
        terms = [
            (self._idf.get(t.term, self._default_idf), i)
            for i, t in enumerate(entry.tokens)
            if t.term
        ]
        return [i for _, i in sorted(terms, reverse=True)[:1]]


# ------------------------------------------------------------------------------ building


@dataclass(frozen=True, slots=True)
class _Piece:
    """One part of a target: its content-word stems, its phrase form and its weight."""

    terms: frozenset[str]
    phrase: tuple[str, ...]
    weight: float
    is_cue: bool = False


@dataclass(frozen=True, slots=True)
class _Target:
    kind: Kind
    id: str
    pieces: tuple[_Piece, ...]


@dataclass(slots=True)
class _Match:
    score: float
    positions: tuple[int, ...]
    borrowed: list[int] = field(default_factory=list)


def _piece(text: str, weight: float, is_cue: bool) -> _Piece | None:
    words = [w for w, _, _ in _words(text)]
    terms = frozenset(_stem(w) for w in words if w not in _STOP and len(w) > 2)
    if not terms:
        return None
    return _Piece(terms, tuple(_form(w) for w in words if w not in _GLUE), weight, is_cue)


def _pieces(texts: Iterable[tuple[str, float]], cues: Iterable[str]) -> tuple[_Piece, ...]:
    made = [_piece(text, weight, False) for text, weight in texts]
    made += [_piece(cue, _CUE_WEIGHT, True) for cue in cues]
    return tuple(piece for piece in made if piece is not None)


def _competence_target(framework: Framework, competence: Competence) -> _Target:
    area = framework.area(competence.area_id)
    texts = [(competence.statement, _TEXT_WEIGHT)]
    texts += [(item, _TEXT_WEIGHT) for item in _item_texts(competence.items)]
    texts += [(area.name, _CONTEXT_WEIGHT)]
    texts += [(prompt, _PROMPT_WEIGHT) for prompt in competence.prompts]
    if competence.heading:
        texts.append((competence.heading, _CONTEXT_WEIGHT))
    return _Target("competence", competence.id, _pieces(texts, competence.cues))


def _principle_target(principle: Principle) -> _Target:
    texts = [(principle.definition, _TEXT_WEIGHT)]
    texts += [(s, _CONTEXT_WEIGHT) for s in _sentences(principle.description)]
    texts += [(s, _CONTEXT_WEIGHT) for d in principle.details for s in _sentences(d)]
    texts += [(prompt, _PROMPT_WEIGHT) for prompt in principle.prompts]
    cues = (principle.name, *principle.cues)
    return _Target("principle", principle.id, _pieces(texts, cues))


def _principles_for(competence: Competence) -> dict[str, float]:
    found = _COMPETENCE_PRINCIPLES.get(competence.id) or _AREA_PRINCIPLES.get(
        competence.area_id, ()
    )
    return {pid: 1.0 if rank == 0 else 0.6 for rank, pid in enumerate(found)}


def _item_texts(items: Iterable[ListItem]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _item_texts(item.items)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _idf(targets: Sequence[_Target]) -> dict[str, float]:
    """Return each stem's inverse document frequency over the targets."""
    frequency: Counter[str] = Counter()
    for target in targets:
        frequency.update(set().union(*(p.terms for p in target.pieces)))
    count = len(targets)
    return {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}


# ------------------------------------------------------------------------------- entries


@dataclass(frozen=True, slots=True)
class _Token:
    term: str  # content-word stem, or "" for a stop word
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Entry:
    """An entry's text cut into tokens, with its paragraphs as token ranges."""

    text: str
    tokens: tuple[_Token, ...]
    forms: tuple[str, ...]  # the phrase forms of the tokens, glue words left out
    form_tokens: tuple[int, ...]  # the token each form comes from
    parts: tuple[range, ...]

    @classmethod
    def parse(cls, title: str, body: str) -> _Entry:
        text = f"{title.strip()}\n\n{body}"
        tokens: list[_Token] = []
        forms: list[str] = []
        form_tokens: list[int] = []
        for word, start, end in _words(text):
            keep = word not in _STOP and len(word) > 2
            if word not in _GLUE:
                forms.append(_form(word))
                form_tokens.append(len(tokens))
            tokens.append(_Token(_stem(word) if keep else "", start, end))
        parts = _paragraphs(text, tokens)
        return cls(text, tuple(tokens), tuple(forms), tuple(form_tokens), parts)

    def phrase_at(self, position: int) -> str:
        """Return the clause around a token, trimmed to a few words."""
        first = last = position
        while last - first + 1 < _REASON_WORDS:
            grew = False
            if last + 1 < len(self.tokens) and self._joined(last, last + 1):
                last, grew = last + 1, True
            if last - first + 1 < _REASON_WORDS and first > 0 and self._joined(first - 1, first):
                first, grew = first - 1, True
            if not grew:
                break
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def _joined(self, left: int, right: int) -> bool:
        gap = self.text[self.tokens[left].end : self.tokens[right].start]
        return _CLAUSE_BREAK.search(gap) is None


def _paragraphs(text: str, tokens: Sequence[_Token]) -> tuple[range, ...]:
    """Return token ranges of the paragraphs, a heading joined to the paragraph after it."""
    bounds = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    parts: list[range] = []
    first = 0
    for bound in [*bounds, len(text) + 1]:
        last = first
        while last < len(tokens) and tokens[last].start < bound:
            last += 1
        if last - first >= 12 or last == len(tokens):
            if last > first:
                parts.append(range(first, last))
            first = last
    return tuple(parts)


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    for match in _TOKEN.finditer(lowered):
        yield match.group(), match.start(), match.end()


def _form(word: str) -> str:
    """Return a word's form for phrase matching: stemmed, with third persons made one."""
    return "3p" if word.split("'")[0] in _PRONOUNS else _stem(word)


@functools.lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return stem(word.removesuffix("'s").replace("'", ""))


def _saturate(count: int) -> float:
    return count * (_SATURATION + 1) / (count + _SATURATION)


def _cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    dot = sum(value * right.get(term, 0.0) for term, value in left.items())
    norm = math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0


def _item_json(item: FeedbackItem) -> dict[str, Any]:
    return {"kind": item.kind, "id": item.id, "terms": list(item.terms)}


def _items_from_json(data: object) -> tuple[FeedbackItem, ...]:
    if not isinstance(data, list):
        return ()
    items = []
    for raw in data[-_FEEDBACK_KEEP:]:
        if not isinstance(raw, Mapping):
            continue
        kind, target_id, terms = raw.get("kind"), raw.get("id"), raw.get("terms")
        if (
            kind in ("competence", "principle")
            and isinstance(target_id, str)
            and isinstance(terms, list)
        ):
            words = tuple(str(t) for t in terms[:_FEEDBACK_TERMS])
            items.append(
                FeedbackItem(
                    "competence" if kind == "competence" else "principle", target_id, words
                )
            )
    return tuple(items)
