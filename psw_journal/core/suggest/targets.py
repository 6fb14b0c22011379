"""What the suggester ranks: each competence and principle cut into weighted pieces of text.

A competence is its statement, each list item, its heading, area name and prompts, and each
plain-language cue phrase. A piece counts words according to whom their clause is about:
a competence about the writer (their stress, supervision, values, what they disclose) hardly
counts a sentence about the person supported, and one about the person's own coping or
feelings hardly counts a sentence about the writer. What such a sentence says is lent to the
competence's counterpart ("she noticed her stress rising" is about her coping).
"""

from __future__ import annotations

import enum
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from psw_journal.core.framework import Competence, Framework, ListItem, Principle
from psw_journal.core.suggest.text import Voice, terms_and_phrase

Kind = Literal["competence", "principle"]

#: Weights of the kinds of piece a target is made of.
CUE_WEIGHT = 1.4
TEXT_WEIGHT = 1.0
CONTEXT_WEIGHT = 0.45
PROMPT_WEIGHT = 0.7
#: A piece counts a clause about the "wrong" person this much.
OFF_VOICE = 0.25
#: A counterpart counts the pieces it borrows this much.
LENT_WEIGHT = 0.8


class Focus(enum.Enum):
    """Whom a competence is about, beyond the relationship itself."""

    EITHER = "either"
    WRITER = "writer"  # the peer support worker's own stress, supervision, values, story
    PERSON = "person"  # the person supported's own coping, feelings, signals


_WRITER_FOCUS = frozenset(
    {
        "meta_stress_self_care",
        "meta_limits_seek_advice",
        "meta_own_values",
        "meta_self_disclosure",
        "meta_balance_roles",
        "crs_location_safety",
    }
)
_PERSON_FOCUS = frozenset(
    {
        "sp_coping_strategies",
        "sp_review_coping",
        "sp_manage_difficult_situations",
        "sp_own_approach_self_care",
        "sp_wellbeing_plan",
        "sp_self_management_skills",
        "sp_feelings_about_transition",
        "sp_transitions_distress",
        "sp_sources_of_support",
        "sp_meaning_purpose_recovery",
        "sp_activity_barriers",
        "sp_access_challenges",
        "crs_understand_worldview",
        "crs_concerns_about_intervention",
        "crs_readiness_strengths",
        "meta_disengagement_indicators",
        "meta_implicit_feedback",
        "meta_discuss_feedback",
    }
)
#: Whose words a competence lends to which counterpart (writer's side, person's side).
_COUNTERPARTS: tuple[tuple[str, str], ...] = (
    ("meta_stress_self_care", "sp_coping_strategies"),
    ("meta_limits_seek_advice", "sp_sources_of_support"),
    ("meta_own_values", "crs_understand_worldview"),
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
    "crs_positive_relationship_factors": ("mutual", "reciprocal"),
    "crs_boundaries_confidentiality": ("safe", "mutual"),
    "crs_build_trust_rapport": ("safe", "mutual"),
    "crs_warmth_encouragement": ("strengths_based", "mutual"),
    "crs_listen_non_judgemental": ("safe", "mutual"),
    "crs_concerns_about_intervention": ("safe", "reciprocal"),
    "crs_understand_worldview": ("inclusive", "mutual"),
    "crs_perspective_empathy": ("mutual", "safe"),
    "crs_establish_point_of_view": ("non_directive", "mutual"),
    "crs_relationship_strains": ("safe", "reciprocal"),
    "crs_readiness_strengths": ("strengths_based", "non_directive"),
    "crs_barriers_to_engagement": ("inclusive", "safe"),
    "crs_meeting_locations": ("inclusive", "safe"),
    "crs_location_safety": ("safe",),
    "crs_prepare_ending": ("progressive", "safe"),
    "sp_hope_through_setbacks": ("recovery_focused", "mutual"),
    "sp_persevere_when_stuck": ("recovery_focused", "strengths_based"),
    "sp_own_decisions": ("non_directive", "strengths_based"),
    "sp_own_approach_self_care": ("non_directive", "strengths_based"),
    "sp_wellbeing_plan": ("strengths_based", "non_directive"),
    "sp_sources_of_support": ("inclusive", "recovery_focused"),
    "sp_identify_meaningful_activities": ("inclusive", "strengths_based"),
    "sp_coping_strategies": ("strengths_based", "non_directive"),
    "sp_review_coping": ("progressive", "strengths_based"),
    "sp_own_solutions": ("non_directive", "reciprocal"),
    "sp_advance_statement": ("safe", "non_directive"),
    "sp_information_up_to_date": ("safe", "inclusive"),
    "sp_community_activities": ("inclusive",),
    "sp_informed_choices": ("non_directive", "inclusive"),
    "sp_match_support_to_needs": ("non_directive", "inclusive"),
    "sp_limits_of_services": ("non_directive", "safe"),
    "sp_access_challenges": ("inclusive",),
    "sp_signposting_purpose": ("non_directive", "recovery_focused"),
    "sp_willing_able_to_access": ("non_directive", "inclusive"),
    "sp_escalate_transition_concerns": ("safe",),
    "meta_balance_roles": ("safe", "reciprocal"),
    "meta_own_values": ("progressive", "safe"),
    "meta_refocus_goals": ("recovery_focused", "non_directive"),
    "meta_social_cultural_barriers": ("inclusive", "mutual"),
    "meta_continue_or_step_back": ("safe", "non_directive"),
    "meta_disengagement_indicators": ("safe", "reciprocal"),
    "meta_self_disclosure": ("mutual", "reciprocal"),
    "meta_flexibility_consistency": ("safe", "progressive"),
    "meta_match_intensity": ("non_directive", "safe"),
    "meta_support_or_independence": ("strengths_based", "progressive"),
    "meta_discuss_feedback": ("reciprocal", "safe"),
    "meta_implicit_feedback": ("safe", "reciprocal"),
    "org_coproduced_recruitment": ("reciprocal", "inclusive"),
}

_ALL_VOICES = (1.0, 1.0, 1.0)  # indexed by Voice: shared, writer, other
_FOCUS_VOICES = {
    Focus.EITHER: _ALL_VOICES,
    Focus.WRITER: (1.0, 1.0, OFF_VOICE),
    Focus.PERSON: (1.0, OFF_VOICE, 1.0),
}


@dataclass(frozen=True, slots=True)
class Piece:
    """One part of a target: its content stems, phrase form, weight and voices it counts."""

    terms: frozenset[str]
    phrase: tuple[str, ...]
    weight: float
    is_cue: bool = False
    voices: tuple[float, float, float] = _ALL_VOICES
    is_lent: bool = False  # borrowed from a counterpart (left out of word rarity)

    def counts(self, voice: Voice) -> float:
        """Return how much a word in a clause of this voice counts for the piece."""
        return self.voices[voice]


@dataclass(frozen=True, slots=True)
class Target:
    """A competence or principle as pieces of text."""

    kind: Kind
    id: str
    pieces: tuple[Piece, ...]


def framework_targets(framework: Framework) -> list[Target]:
    """Return every competence, then every principle, of a framework as targets."""
    targets = [_competence_target(framework, c) for c in framework.competences]
    targets += [_principle_target(p) for p in framework.principles]
    return _lend_counterparts(targets)


def principle_prior(framework: Framework) -> dict[str, dict[str, float]]:
    """Return, per competence, the principles it usually evidences and how strongly."""
    prior = {}
    for competence in framework.competences:
        found = _COMPETENCE_PRINCIPLES.get(competence.id) or _AREA_PRINCIPLES.get(
            competence.area_id, ()
        )
        prior[competence.id] = {pid: 1.0 if rank == 0 else 0.6 for rank, pid in enumerate(found)}
    return prior


def idf(targets: Sequence[Target]) -> dict[str, float]:
    """Return each stem's inverse document frequency over the targets."""
    frequency: Counter[str] = Counter()
    for target in targets:
        frequency.update(set().union(*(p.terms for p in target.pieces if not p.is_lent)))
    count = len(targets)
    return {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}


def make_piece(text: str, weight: float, is_cue: bool) -> Piece | None:
    """Return a piece for a text, or None when it has no content word."""
    terms, phrase = terms_and_phrase(text)
    if not terms:
        return None
    return Piece(frozenset(terms), phrase, weight, is_cue)


def _focus(target_id: str) -> Focus:
    if target_id in _WRITER_FOCUS:
        return Focus.WRITER
    return Focus.PERSON if target_id in _PERSON_FOCUS else Focus.EITHER


def _pieces(
    target_id: str, texts: Iterable[tuple[str, float]], cues: Iterable[str]
) -> tuple[Piece, ...]:
    voices = _FOCUS_VOICES[_focus(target_id)]
    made = [make_piece(text, weight, False) for text, weight in texts]
    made += [make_piece(cue, CUE_WEIGHT, True) for cue in cues]
    return tuple(
        Piece(p.terms, p.phrase, p.weight, p.is_cue, voices) for p in made if p is not None
    )


def _lend_counterparts(targets: list[Target]) -> list[Target]:
    """Give each counterpart the other side's pieces, counting only the other voice."""
    by_id = {t.id: i for i, t in enumerate(targets) if t.kind == "competence"}
    lent: dict[int, list[Piece]] = {}
    for writer_id, person_id in _COUNTERPARTS:
        if writer_id not in by_id or person_id not in by_id:
            continue
        writer, person = by_id[writer_id], by_id[person_id]
        lent.setdefault(person, []).extend(_lent(targets[writer], Voice.OTHER))
        lent.setdefault(writer, []).extend(_lent(targets[person], Voice.WRITER))
    return [
        Target(t.kind, t.id, (*t.pieces, *lent.get(i, ()))) if i in lent else t
        for i, t in enumerate(targets)
    ]


def _lent(target: Target, voice: Voice) -> Iterator[Piece]:
    voices = tuple(1.0 if v == voice else 0.0 for v in Voice)
    for piece in target.pieces:
        if piece.is_lent:
            continue
        yield Piece(
            piece.terms,
            piece.phrase,
            piece.weight * LENT_WEIGHT,
            piece.is_cue,
            (voices[0], voices[1], voices[2]),
            is_lent=True,
        )


def _competence_target(framework: Framework, competence: Competence) -> Target:
    area = framework.area(competence.area_id)
    texts = [(competence.statement, TEXT_WEIGHT)]
    texts += [(item, TEXT_WEIGHT) for item in _item_texts(competence.items)]
    texts += [(area.name, CONTEXT_WEIGHT)]
    texts += [(prompt, PROMPT_WEIGHT) for prompt in competence.prompts]
    if competence.heading:
        texts.append((competence.heading, CONTEXT_WEIGHT))
    return Target("competence", competence.id, _pieces(competence.id, texts, competence.cues))


def _principle_target(principle: Principle) -> Target:
    texts = [(principle.definition, TEXT_WEIGHT)]
    texts += [(s, CONTEXT_WEIGHT) for s in _sentences(principle.description)]
    texts += [(s, CONTEXT_WEIGHT) for d in principle.details for s in _sentences(d)]
    texts += [(prompt, PROMPT_WEIGHT) for prompt in principle.prompts]
    cues = (principle.name, *principle.cues)
    return Target("principle", principle.id, _pieces(principle.id, texts, cues))


def _item_texts(items: Iterable[ListItem]) -> Iterator[str]:
    for item in items:
        yield item.text
        yield from _item_texts(item.items)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def by_id(targets: Sequence[Target]) -> Mapping[tuple[Kind, str], int]:
    """Return each target's index by kind and id."""
    return {(t.kind, t.id): i for i, t in enumerate(targets)}
