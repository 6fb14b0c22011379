"""A coursework revision restored onto the current piece."""

from __future__ import annotations

import datetime as dt

from psw_journal.core.coursework import Coursework, Example, Section
from psw_journal.core.coursework_history import piece_at, revision_text, revision_words
from psw_journal.core.entry import Entry, EntryDraft


def test_a_revision_brings_back_text_and_examples_with_their_sources():
    kept = Example(1, "We made tea.", "Night shift", dt.date(2026, 1, 9))
    current = Coursework(id=5, title="Now", sections=(
        Section("a", "Mutual", text="new text", examples=(kept,)),
        Section("b", "Safe", text="safe now")))
    content = {"title": "Then", "sections": [
        {"key": "a", "text": "old text", "examples": [
            {"entry_id": 1, "quote": "We made tea."}, {"entry_id": 2, "quote": "She chose."},
            {"entry_id": 3, "quote": "Gone."}]}]}
    entry = Entry(id=2, draft=EntryDraft(title="Her choice", body="She chose.",
                                         occurred_on=dt.date(2026, 7, 14)),
                  created_at=dt.datetime(2026, 7, 14), updated_at=dt.datetime(2026, 7, 14))
    restored = piece_at(current, content, {2: entry})
    assert restored.title == "Then"
    mutual = restored.section("a")
    assert mutual.text == "old text"
    assert mutual.examples == (kept, Example(2, "She chose.", "Her choice", dt.date(2026, 7, 14)),
                               Example(3, "Gone."))
    assert restored.section("b").text == "safe now"  # not in the revision: left as it is
    assert revision_words(content) == 2
    assert revision_text(content, {"a": "Mutual"}).startswith("Then\n\n## Mutual\n\nold text")
