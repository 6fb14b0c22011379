"""Template headings, guidance and prompt headings are never evidence, and never quoted."""

from __future__ import annotations

import datetime as dt

import pytest

from psw_journal.core.framework import load_framework
from psw_journal.core.prompts import (
    GapPrompt,
    GapReason,
    PromptKind,
    draft_for_prompt,
    every_prompt_text,
)
from psw_journal.core.suggest import Scaffolding, Suggester, Suggestions
from psw_journal.core.templates import TEMPLATES, Template

FRAMEWORK = load_framework()
MODELS = [t for t in TEMPLATES if t.sections]
#: What a student might write under the first heading and under the last one.
OPENING = (
    "On Tuesday I met R. at the café near the station because she hates the clinic. "
    "She told me she had stopped going to the art group and felt stuck."
)
CLOSING = (
    "Next time I will ask earlier what gets in the way, and I will take the worry about my "
    "own stress to supervision instead of carrying it home."
)


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    return Suggester.from_framework(FRAMEWORK)


def _reasons(found: Suggestions) -> list[str]:
    return [p for s in (*found.competences, *found.principles) for p in s.because]


def _partly_filled(template: Template) -> str:
    """Return the template with the first and last sections answered, the rest untouched."""
    blocks = [f"## {s.heading}\n\n*{s.guidance}*\n\n" for s in template.sections]
    blocks[0] += OPENING + "\n\n"
    blocks[-1] += CLOSING + "\n"
    return "".join(blocks)


@pytest.mark.parametrize("template", MODELS, ids=lambda t: t.id)
def test_an_untouched_template_yields_no_suggestions(suggester: Suggester, template: Template):
    found = suggester.suggest("", template.body(), limit=50)
    assert found == Suggestions()


@pytest.mark.parametrize("template", MODELS, ids=lambda t: t.id)
def test_a_partly_filled_template_is_quoted_only_from_the_students_words(
    suggester: Suggester, template: Template
):
    found = suggester.suggest("Tuesday", _partly_filled(template), limit=50)
    reasons = _reasons(found)
    assert found.competences and found.principles
    assert reasons and all(r in OPENING or r in CLOSING or r == "Tuesday" for r in reasons)


@pytest.mark.parametrize("template", MODELS, ids=lambda t: t.id)
def test_scaffolding_retyped_by_hand_is_still_scaffolding(
    suggester: Suggester, template: Template
):
    plain = "\n".join(f"{s.heading.upper()}\n{s.guidance}" for s in template.sections)
    assert suggester.suggest("", plain, limit=50) == Suggestions()


def test_the_users_words_after_a_heading_on_the_same_line_still_count(suggester: Suggester):
    body = "What? We met at the café in the park instead of the clinic.\nSo what?"
    found = suggester.suggest("", body)
    assert "crs_meeting_locations" in [s.id for s in found.competences]
    assert all("What?" not in r and "So what" not in r for r in _reasons(found))


def test_an_untouched_write_about_this_draft_yields_no_suggestions(suggester: Suggester):
    texts = every_prompt_text(FRAMEWORK)
    assert len(texts) > 2 * len(FRAMEWORK.competences)
    for text in texts:
        prompt = GapPrompt(PromptKind.COMPETENCE, "x", GapReason.NEVER, text)
        draft = draft_for_prompt(prompt, dt.date(2026, 1, 5))
        assert suggester.suggest(draft.title, draft.body, limit=50) == Suggestions(), text


def test_a_write_about_this_draft_is_quoted_only_from_the_answer(suggester: Suggester):
    competence = FRAMEWORK.competence("meta_stress_self_care")
    for text in competence.prompts:
        prompt = GapPrompt(PromptKind.COMPETENCE, competence.id, GapReason.NEVER, text)
        body = draft_for_prompt(prompt).body + CLOSING
        reasons = _reasons(suggester.suggest("", body, limit=50))
        assert reasons and all(r in CLOSING for r in reasons), text


def test_explicit_scaffolding_lines_are_left_out(suggester: Suggester):
    heading = "How did the ending of your placement feel?"
    body = f"### {heading}\n\n{OPENING}"
    before = _reasons(suggester.suggest("", body, limit=50))
    assert any("ending" in r for r in before)
    after = _reasons(suggester.with_scaffolding([heading]).suggest("", body, limit=50))
    assert after and all(r in OPENING for r in after)
    assert _reasons(suggester.suggest("", body, limit=50)) == before  # a copy learnt it


def test_blanking_keeps_offsets_and_the_users_words():
    scaffolding = Scaffolding(["Feelings", "What were you feeling?"])
    text = "## Feelings\n\n*What were you feeling?*\n\nI felt calm.\nFeelings: mixed, honestly."
    blanked = scaffolding.blank(text)
    assert len(blanked) == len(text)
    assert blanked.split() == ["I", "felt", "calm.", ":", "mixed,", "honestly."]
    assert "feelings" in scaffolding and "Feelings are hard" not in scaffolding
    assert Scaffolding().blank(text) == text
