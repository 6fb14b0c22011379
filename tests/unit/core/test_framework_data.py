"""Check data/framework.json against the source documents it was transcribed from.

The seeds in data/sources are parsed here with a small parser that is independent of the
one used to write the JSON, so that every competence statement and every list item can
be shown to be carried word for word, under the right stem, and that nothing was invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from psw_journal.core.framework import (
    PRINCIPLE_IDS,
    Competence,
    Framework,
    ListItem,
    Principle,
    load_framework,
)

REPO = Path(__file__).resolve().parents[3]
SOURCES = REPO / "data" / "sources"

STATEMENT_STARTS = ("An ability", "an ability", "Where there are concerns")
LIST_ENDERS = (*STATEMENT_STARTS, "Ability", "Able to")
BULLETS = ("•", "- ")
PRINCIPLE_NAMES = (
    "Mutual",
    "Reciprocal",
    "Non-directive",
    "Recovery focused",
    "Strengths based",
    "Inclusive",
    "Progressive",
    "Safe",
)
# Which domain holds the competences of each seed that has any.
SEED_DOMAINS = {
    "000": "communication_engagement",
    "002": "meta_competences",
    "003": "supporting_people",
    "004": "organisational_competences",
}
EXPECTED_DOMAIN_ORDER = (
    "underpinning_knowledge",
    "communication_engagement",
    "working_in_partnership",
    "supporting_people",
    "self_care_support",
    "optional_psychological_approaches",
    "meta_competences",
    "organisational_competences",
)
AMERICAN_SPELLINGS = ("behavior", "color", "favor", "center", "judgment", "organiz", "recogniz")


# ----------------------------------------------------------------- seed parsing


def normalise(text: str) -> str:
    """Return text case-folded, without punctuation, with single spaces."""
    return " ".join(re.sub(r"[^\w\s]", "", text.casefold()).split())


def squash(text: str) -> str:
    """Return text with runs of white space made single spaces."""
    return " ".join(text.split())


def seed_lines(number: str) -> list[str]:
    """Return the stripped lines of one seed (numbered 000 to 004)."""
    (path,) = SOURCES.glob(f"{number}_*.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


def seed_text(number: str) -> str:
    """Return the whole text of one seed."""
    return "\n".join(seed_lines(number))


def is_statement(line: str) -> bool:
    """Return whether a seed line is a competence statement rather than a heading."""
    return line.startswith(STATEMENT_STARTS) or (line.startswith("Ability") and line.endswith("."))


def seed_statements(number: str) -> list[str]:
    """Return the competence statements of one seed, in order."""
    statements = [line for line in seed_lines(number) if is_statement(line)]
    if number == "004":  # the organisational statement is the first sentence of a paragraph
        statements += re.findall(r"Organisations should[^.]*\.", seed_text(number))
    return statements


@dataclass
class SeedList:
    """A list found in a seed: the line introducing it (may be empty) and its items."""

    stem: str
    items: list[str] = field(default_factory=list)


def seed_lists(number: str) -> list[SeedList]:
    """Return the non-empty lists of one seed.

    A list starts at a line ending in ":" or at a bullet. Bulleted lists end at the first
    bare line; bare lists end at the next statement or area heading (blank lines between
    bare items are allowed, as in the seeds).
    """
    lists: list[SeedList] = []
    current: SeedList | None = None
    bulleted = False
    for line in seed_lines(number):
        if not line:
            continue
        if line.startswith(BULLETS):
            if current is None:
                current = SeedList(stem="")
                lists.append(current)
            current.items.append(line.lstrip("•-").strip())
            bulleted = True
        elif line.endswith(":"):
            current, bulleted = SeedList(stem=line), False
            lists.append(current)
        elif current is not None and not bulleted and not line.startswith(LIST_ENDERS):
            current.items.append(line)
        else:
            current = None
    return [found for found in lists if found.items]


def lines_between(number: str, start: str, end: str) -> list[str]:
    """Return the non-blank lines of a seed after the line starting `start` and before `end`."""
    lines = seed_lines(number)
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if i > first and line.startswith(end))
    return [line for line in lines[first + 1 : last] if line]


def principle_sections() -> dict[str, list[str]]:
    """Return, per principle name in seed 001, the non-blank lines of its section."""
    lines = seed_lines("001")
    start = lines.index("8 Core principles")
    ends = [lines.index(name, start) for name in PRINCIPLE_NAMES]
    ends.append(lines.index("Rate this page or report a problem"))
    return {
        name: [line for line in lines[begin + 1 : end] if line]
        for name, begin, end in zip(PRINCIPLE_NAMES, ends, ends[1:], strict=False)
    }


# ------------------------------------------------------------ framework strings


@pytest.fixture(scope="module")
def framework() -> Framework:
    """The shipped framework, loaded once for this module."""
    return load_framework(REPO / "data" / "framework.json")


def item_texts(items: Iterable[ListItem]) -> Iterator[str]:
    """Yield item texts, depth first."""
    for item in items:
        yield item.text
        yield from item_texts(item.items)


def all_texts(framework: Framework) -> set[str]:
    """Return every normalised text of the framework a seed line may have gone into."""
    texts: list[str] = [*framework.lean_toward, *framework.lean_away_from]
    conduct = framework.code_of_conduct
    texts += [*conduct.definitions, *conduct.duties, *conduct.expectations]
    for principle in framework.principles:
        texts += [principle.name, principle.definition, principle.description, *principle.details]
    for competence in framework.competences:
        texts += [competence.statement, *item_texts(competence.items)]
    return {normalise(text) for text in texts}


def statements_by_normal_form(framework: Framework) -> dict[str, str]:
    """Map each normalised competence statement to its competence id."""
    return {normalise(c.statement): c.id for c in framework.competences}


def prompted_nodes(framework: Framework) -> list[Competence | Principle]:
    """Return every competence and principle: the nodes with prompts and cues."""
    return [*framework.competences, *framework.principles]


# ------------------------------------------------------------------------ tests


@pytest.mark.parametrize("number", sorted(SEED_DOMAINS))
def test_every_seed_statement_is_a_competence_verbatim(framework: Framework, number: str) -> None:
    exact = {c.statement for c in framework.competences}
    missing = [s for s in seed_statements(number) if squash(s) not in exact]
    assert missing == []


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_every_seed_list_item_is_carried(framework: Framework, number: str) -> None:
    texts = all_texts(framework)
    missing = [i for found in seed_lists(number) for i in found.items if normalise(i) not in texts]
    assert missing == []


@pytest.mark.parametrize("number", ["002", "003"])
def test_list_items_stay_under_their_stem(framework: Framework, number: str) -> None:
    by_statement = {c.statement: c for c in framework.competences}
    stems = [found for found in seed_lists(number) if is_statement(found.stem)]
    assert stems, "the seed parser found no competence lists"
    for found in stems:
        competence = by_statement[found.stem]
        assert [item.text for item in competence.items] == [squash(i) for i in found.items]


def test_competences_without_lists_have_no_items(framework: Framework) -> None:
    stems = {found.stem for number in SEED_DOMAINS for found in seed_lists(number)}
    assert [c.id for c in framework.competences if c.items and c.statement not in stems] == []


@pytest.mark.parametrize(("number", "domain_id"), sorted(SEED_DOMAINS.items()))
def test_competence_counts_match_the_seeds(
    framework: Framework, number: str, domain_id: str
) -> None:
    in_domain = [c for c in framework.competences if c.domain_id == domain_id]
    assert len(in_domain) == len(seed_statements(number))


def test_no_competence_is_invented(framework: Framework) -> None:
    seeds = {normalise(s) for number in SEED_DOMAINS for s in seed_statements(number)}
    by_text = statements_by_normal_form(framework)
    invented = [cid for text, cid in by_text.items() if text not in seeds]
    assert invented == []
    assert len(framework.competences) == len(seeds) == 78


def test_focus_lists_are_the_seed_bullets(framework: Framework) -> None:
    lists = {found.stem: found.items for found in seed_lists("001")}
    assert list(framework.lean_toward) == [squash(i) for i in lists["Lean toward:"]]
    assert list(framework.lean_away_from) == [squash(i) for i in lists["Lean away from:"]]


def test_code_of_conduct_is_the_seed_text(framework: Framework) -> None:
    conduct = framework.code_of_conduct
    stem = "As a ‘Peer Support Worker’ you"
    assert list(conduct.duties) == lines_between("001", stem + "…", stem + " can expect")
    assert list(conduct.expectations) == lines_between("001", stem + " can expect", "8 Core")
    assert list(conduct.definitions) == [line for line in seed_lines("001") if " – means " in line]


def test_principles_are_the_eight_in_order(framework: Framework) -> None:
    assert tuple(p.id for p in framework.principles) == PRINCIPLE_IDS
    assert tuple(p.name for p in framework.principles) == PRINCIPLE_NAMES


def test_principle_definitions_are_the_seed_one_liners(framework: Framework) -> None:
    sections = principle_sections()
    assert [p.definition for p in framework.principles] == [
        sections[name][0] for name in PRINCIPLE_NAMES
    ]


def test_principle_descriptions_carry_the_seed_paragraphs(framework: Framework) -> None:
    for principle in framework.principles:
        body = normalise(" ".join((principle.description, *principle.details)))
        for line in principle_sections()[principle.name][1:]:
            assert normalise(line) in body, (principle.id, line)


def test_recovery_focused_details_are_the_hope_control_opportunities_bullets(
    framework: Framework,
) -> None:
    details = framework.principle("recovery_focused").details
    assert len(details) == 3
    for detail, word in zip(details, ("HOPE", "CONTROL", "OPPORTUNITIES"), strict=True):
        assert word in detail


def test_domains_are_in_the_agreed_order(framework: Framework) -> None:
    assert tuple(d.id for d in framework.domains) == EXPECTED_DOMAIN_ORDER


def test_domains_named_without_detail_have_no_competences(framework: Framework) -> None:
    empty = {"underpinning_knowledge", "working_in_partnership", "self_care_support"}
    empty.add("optional_psychological_approaches")
    for domain_id in empty:
        assert framework.domain(domain_id).areas == ()


def test_core_relational_skills_hold_the_sixteen_unit_competences(framework: Framework) -> None:
    area = framework.area("core_relational_skills")
    assert area.domain_id == "communication_engagement"
    assert [c.statement for c in area.competences] == seed_statements("000")


def test_area_notes_and_explanations_are_kept(framework: Framework) -> None:
    areas = {area.name: area for area in framework.areas}
    personal = areas["Able to support people in their personal recovery"]
    assert personal.reference == "See supporting document, Section 5.1.1"
    access = areas["Able to facilitate access to care and sources of support"]
    assert access.description.startswith("Signposting is a form of self-help")
    plans = areas["Able to contribute to co-production of individual care and recovery plans"]
    assert plans.description.startswith("PSWs do not have formal responsibility")


def test_sub_headings_are_kept(framework: Framework) -> None:
    headings = {c.heading for c in framework.competences} - {None}
    assert {"Coping strategies", "Problem solving", "Signposting"} <= headings
    assert framework.competence("sp_signposting_follow_up").heading == "Signposting"


def test_every_node_has_one_to_three_prompts_and_enough_cues(framework: Framework) -> None:
    for node in prompted_nodes(framework):
        assert 1 <= len(node.prompts) <= 3, node.id
        assert 4 <= len(node.cues) <= 40, node.id
        assert len(set(node.cues)) == len(node.cues), node.id


def test_prompts_are_questions_in_british_english(framework: Framework) -> None:
    for node in prompted_nodes(framework):
        for prompt in node.prompts:
            assert prompt.rstrip().endswith("?"), (node.id, prompt)
            assert not any(word in prompt.lower() for word in AMERICAN_SPELLINGS), prompt


def test_cues_are_short_lower_case_phrases(framework: Framework) -> None:
    for node in prompted_nodes(framework):
        for cue in node.cues:
            assert cue == cue.lower().strip() and 0 < len(cue.split()) <= 8, (node.id, cue)


def test_every_id_is_unique_and_readable(framework: Framework) -> None:
    ids = [framework.id, *(node.id for node in framework.walk())]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*", i) for i in ids)


def test_attribution_credits_the_framework(framework: Framework) -> None:
    assert framework.source_name == "Competence Framework for Mental Health Peer Support Workers"
    assert framework.source_name in framework.attribution
    assert "prompts" in framework.attribution
    assert len(framework.source_documents) == len(list(SOURCES.glob("*.txt")))
