"""Coursework pieces, briefs and their documents, without a journal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from psw_journal.core.briefs import (
    COMPETENCE_AREAS,
    PRINCIPLES,
    built_in_brief,
    parse_brief,
    read_brief,
)
from psw_journal.core.coursework import (
    ExampleState,
    gaps,
    progress,
    quote_from,
)
from psw_journal.core.documents.coursework import compose_coursework
from psw_journal.core.documents.html import render_fragment
from psw_journal.core.documents.model import Byline, Profile
from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import Framework, load_framework

ROOT = Path(__file__).resolve().parents[3]
STAMP = dt.datetime(2026, 1, 1)


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def _entry(number: int, body: str, *principles: str) -> Entry:
    links = tuple(Link(LinkKind.PRINCIPLE, p) for p in principles)
    return Entry(number, EntryDraft(f"Entry {number}", body, dt.date(2026, 2, number),
                                    links=links), STAMP, STAMP)


def test_the_principles_brief_has_a_section_per_principle(framework):
    piece = built_in_brief(PRINCIPLES, framework).new_piece("Mine")
    assert [s.key for s in piece.sections] == [p.id for p in framework.principles]
    mutual = piece.section("mutual")
    assert mutual.heading == "Mutual" and "own words" in mutual.guidance
    assert mutual.evidences.principles == ("mutual",)


def test_the_competence_areas_brief_leaves_out_the_employers_competences(framework):
    piece = built_in_brief(COMPETENCE_AREAS, framework).new_piece()
    keys = {s.key for s in piece.sections}
    assert "core_relational_skills" in keys
    assert not {k for k in keys if k.startswith("org_")}
    assert all(section.evidences.competences for section in piece.sections)


def test_the_example_brief_file_reads(framework):
    brief = read_brief(ROOT / "data/example-brief.yaml", framework)
    assert brief.total_words == 3000 and brief.due == dt.date(2027, 3, 31)
    assert [s.target_words for s in brief.sections] == [750] * 4
    assert brief.sections[0].evidences.principles == ("mutual", "reciprocal")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: [unclosed", "not valid YAML"),
        ("- just\n- a list", "is not a brief"),
        ("sections: []", "sections"),
        ("sections:\n  - guidance: no heading", "heading"),
        ("sections:\n  - heading: A\n    words: -3", "words"),
        ("sections:\n  - heading: A\n    evidences: {principles: [mutal]}", "Did you mean"),
        ("sections:\n  - heading: A\n  - heading: A", "two sections have the id"),
        ("due: tomorrow\nsections:\n  - heading: A", "not a date"),
    ],
)
def test_a_broken_brief_says_what_is_wrong(framework, text, message):
    with pytest.raises(InvalidInput, match=message):
        parse_brief(text, framework)


def test_a_passage_must_be_in_the_entry():
    entry = _entry(1, "We planned   the ending\ntogether, slowly.")
    example = quote_from(entry, "planned the ending together")
    assert example.quote == "planned the ending together"
    assert example.entry_date == entry.occurred_on
    with pytest.raises(InvalidInput, match="not in entry 1"):
        quote_from(entry, "planned the beginning")
    with pytest.raises(InvalidInput, match="empty"):
        quote_from(entry, "   ")


def test_an_example_says_when_its_passage_is_gone():
    entry = _entry(1, "We planned the ending together.")
    example = quote_from(entry, "planned the ending")
    assert ExampleState(example, entry).problem is None
    changed = dataclasses.replace(entry, draft=dataclasses.replace(entry.draft, body="Rewritten."))
    assert "no longer in the entry" in (ExampleState(example, changed).problem or "")
    trashed = dataclasses.replace(entry, deleted_at=STAMP)
    assert "trash" in (ExampleState(example, trashed).problem or "")
    assert "deleted" in (ExampleState(example, None).problem or "")


def test_progress_ticks_what_an_examples_entry_is_linked_to(framework):
    piece = built_in_brief(PRINCIPLES, framework).new_piece()
    safe_entry = _entry(2, "I kept the notes locked away.", "safe")
    section = dataclasses.replace(piece.section("safe"), text="Safety means trust, to me.",
                                  examples=(quote_from(safe_entry, "kept the notes"),))
    piece = dataclasses.replace(piece, sections=tuple(
        section if s.key == "safe" else s for s in piece.sections))
    rows = {row.key: row for row in progress(piece, {2: safe_entry})}
    assert rows["safe"].words == 5 and rows["safe"].examples == 1 and not rows["safe"].missing
    assert rows["mutual"].missing[0].target_id == "mutual"
    said = gaps(progress(piece, {2: safe_entry}), {p.id: p.name for p in framework.principles})
    assert "Mutual has no example yet." in said
    assert not any(sentence.startswith("Safe") for sentence in said)
    assert piece.words == 5  # the quotation is not counted


def test_the_document_quotes_examples_with_a_reference_and_lists_each_entry_once(framework):
    brief = built_in_brief(PRINCIPLES, framework)
    entry = _entry(3, "I said I had felt the same. We laughed about it.", "mutual", "safe")
    example = quote_from(entry, "I said I had felt the same.")
    sections = tuple(
        dataclasses.replace(s, text=f"My words about {s.heading}.", examples=(example,))
        if s.key in ("mutual", "safe") else s for s in brief.sections)
    piece = dataclasses.replace(brief.new_piece("About the principles"), sections=sections)
    document = compose_coursework(piece, {3: entry}, framework,
                                  byline=Byline(Profile(name="Sam", course="PSW")))
    body = document.body
    assert body.count("> I said I had felt the same.") == 2
    assert body.count("— Journal entry, 3 February 2026, “Entry 3” [E1]") == 2
    assert body.count("### [E1] 2026-02-03: Entry 3") == 1  # the appendix has it once
    assert "Mutual (1), Safe (1); not yet: Reciprocal" in body
    assert document.info.words == piece.words == 8
    html = render_fragment(body)
    assert "<blockquote>" in html
    without = compose_coursework(piece, {3: entry}, framework, appendix=False)
    assert "Appendix" not in without.body
