"""Every field that leaves is checked and redacted from the same findings (no journal)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from psw_journal.core.confidentiality import FindingKind
from psw_journal.core.documents.entries import Shape, compose_entries
from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.framework import load_framework
from psw_journal.services.review import Checker, Redaction, check_entry

STAMP = dt.datetime(2026, 1, 1)


def _entry() -> Entry:
    draft = EntryDraft(
        title="Walk with Kerry Tanner",
        body="Kerry said the canal helped. @Zoë joined us. Sam Reyes (me) kept notes.",
        occurred_on=dt.date(2026, 3, 2),
        tags=("tolu", "placement", "Kerry Tanner"),
        links=(Link(LinkKind.PRINCIPLE, "safe", "Rang about NHS number 943 476 5919"),),
    )
    return Entry(1, draft, STAMP, STAMP)


def _findings(checker: Checker, entry: Entry) -> list:  # type: ignore[type-arg]
    return check_entry(checker, entry)


def test_tags_titles_and_evidence_notes_are_checked_and_redacted():
    entry = _entry()
    checker = Checker(own_names=("Sam Reyes",))
    found = _findings(checker, entry)
    fields = {(item.field, item.finding.text) for item in found}
    assert ("tag 1", "tolu") in fields and ("tag 3", "Kerry Tanner") in fields
    assert ("tag 2", "placement") not in fields
    assert ("title", "Kerry Tanner") in fields
    assert ("evidence note:safe", "943 476 5919") in fields
    assert any(f.finding.text == "Zoë" for f in found)
    redacted = Redaction(found).entry(entry)
    text = compose_entries([redacted], load_framework(), Shape.DATE).to_markdown()
    for secret in ("Kerry", "Tanner", "Zoë", "943 476 5919"):
        assert secret not in text
    assert "[Person A]" in redacted.title and redacted.draft.tags[2] == "[Person A]"
    assert "placement" in redacted.draft.tags


def test_the_authors_own_name_is_never_a_finding_nor_replaced():
    entry = _entry()
    found = _findings(Checker(own_names=("Sam Reyes",)), entry)
    assert not any("Reyes" in item.finding.text for item in found)
    assert "Sam Reyes (me)" in Redaction(found).entry(entry).body


def test_unticked_findings_are_kept_and_the_rest_replaced():
    entry = _entry()
    found = _findings(Checker(), entry)
    kept = Redaction(found, keep=frozenset({"943 476 5919"})).entry(entry)
    assert "943 476 5919" in kept.draft.links[0].note and "Kerry" not in kept.title
    assert all(f.finding.kind is not FindingKind.OTHER for f in found)


def test_a_redacted_entry_keeps_everything_else():
    entry = _entry()
    redacted = Redaction(_findings(Checker(), entry)).entry(entry)
    assert dataclasses.replace(redacted.draft, title="", body="", tags=(), links=()) == \
        dataclasses.replace(entry.draft, title="", body="", tags=(), links=())
    assert [link.target_id for link in redacted.draft.links] == ["safe"]
