"""Whom a sentence is about decides what it evidences: the writer's own care, or the person's."""

from __future__ import annotations

import pytest

from psw_journal.core.framework import load_framework
from psw_journal.core.suggest import Suggester
from psw_journal.core.suggest.text import EntryText, Voice

#: Competences about the person supported's own states, signals and coping.
ABOUT_THE_PERSON = {
    "meta_implicit_feedback",
    "meta_disengagement_indicators",
    "sp_coping_strategies",
    "sp_feelings_about_transition",
    "sp_transitions_distress",
    "sp_support_transfer_of_care",
    "sp_escalate_transition_concerns",
}


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    return Suggester.from_framework(load_framework())


def _competences(suggester: Suggester, body: str) -> list[str]:
    return [s.id for s in suggester.suggest("", body, limit=10).competences]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I noticed my own stress rising.", "meta_stress_self_care"),
        ("I took a break.", "meta_stress_self_care"),
        ("I was exhausted and stressed, so I went home early.", "meta_stress_self_care"),
        ("I talked it through with my supervisor.", "meta_limits_seek_advice"),
    ],
)
def test_the_writers_own_state_evidences_self_care_and_supervision(
    suggester: Suggester, body: str, expected: str
):
    found = _competences(suggester, body)
    assert found[:1] == [expected]
    assert not set(found[:3]) & ABOUT_THE_PERSON, found


@pytest.mark.parametrize(
    ("body", "about_the_person", "about_the_writer"),
    [
        ("She noticed her stress rising.", "sp_coping_strategies", "meta_stress_self_care"),
        (
            "He was exhausted and stressed, so he went home early.",
            "sp_coping_strategies",
            "meta_stress_self_care",
        ),
        (
            "She talked it through with her sister.",
            "sp_sources_of_support",
            "meta_limits_seek_advice",
        ),
    ],
)
def test_the_same_words_about_the_person_evidence_the_persons_competences(
    suggester: Suggester, body: str, about_the_person: str, about_the_writer: str
):
    found = _competences(suggester, body)
    assert found[0] == about_the_person
    assert about_the_writer not in found[:1]


def test_mixed_sentences_count_for_both(suggester: Suggester):
    found = _competences(suggester, "I noticed my own stress rising as she described the ward.")
    assert found[0] == "meta_stress_self_care"
    found = _competences(suggester, "We noticed her stress rising, so we took a break outside.")
    assert "meta_stress_self_care" in found[:3]


def test_a_few_typed_words_with_one_loose_match_suggest_nothing(suggester: Suggester):
    found = suggester.suggest("", "Typed just before walking away")
    assert found.competences == () and found.principles == ()


@pytest.mark.parametrize(
    ("body", "not_this"),
    [
        ("He broke down in tears when we talked about his brother.", "sp_break_down_problems"),
        ("In the end she chose the art group.", "crs_prepare_ending"),
        ("She keeps ending up back on the ward.", "crs_prepare_ending"),
        ("Typed just before walking away.", "crs_meeting_locations"),
    ],
)
def test_a_verb_with_a_particle_or_a_set_phrase_is_not_the_bare_word(
    suggester: Suggester, body: str, not_this: str
):
    assert not_this not in _competences(suggester, body)


def test_a_walk_is_still_a_walk(suggester: Suggester):
    found = _competences(suggester, "We went for a walk by the river instead of the office.")
    assert found[0] == "crs_meeting_locations"


def test_clause_voices():
    entry = EntryText.parse("I was tired and stressed. She was fine, but I was not. We laughed.")
    voices = {entry.text[t.start : t.end]: t.voice for t in entry.tokens}
    assert voices["stressed"] is Voice.WRITER
    assert voices["fine"] is Voice.OTHER
    assert voices["not"] is Voice.WRITER
    assert voices["laughed"] is Voice.SHARED
