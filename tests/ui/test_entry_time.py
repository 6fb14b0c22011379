"""The editor shows an entry's time of day (kept from imports) and lets the writer change it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from psw_journal.core.entry import EntryDraft
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE

pytestmark = pytest.mark.ui


@pytest.fixture
def timed_journal(journal_path: Path, passphrase: str) -> Path:
    with JournalStore.create(journal_path, passphrase) as store:
        store.add_many([
            EntryDraft(title="Morning", occurred_on=dt.date(2026, 1, 12),
                       time_of_day=dt.time(9, 0)),
            EntryDraft(title="Evening", occurred_on=dt.date(2026, 1, 12),
                       time_of_day=dt.time(21, 0)),
            EntryDraft(title="Untimed", occurred_on=dt.date(2026, 1, 11)),
        ])
    return journal_path


def test_the_editor_shows_edits_and_clears_the_time(qtbot, timed_journal, controller, unlock):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 3)
    first = window.list_model.index(0)  # newest first: the evening entry
    window.entry_list.setCurrentIndex(first)
    entry_id = first.data(ENTRY_ID_ROLE)
    qtbot.waitUntil(lambda: window.session.entry_id == entry_id)
    assert window.editor.title.text() == "Evening"
    assert window.editor.time.text() == "21:00"
    assert window.editor.time.accessibleName() == "Time it happened"

    window.editor.time.clear()
    qtbot.keyClicks(window.editor.time, "7:15")
    assert window.session.save_now()
    assert controller.bridge.get(entry_id).draft.time_of_day == dt.time(7, 15)

    window.editor.time.selectAll()
    qtbot.keyClicks(window.editor.time, "25")
    assert window.editor.time.text() == "2"  # there is no hour 25: the field refuses the 5
    qtbot.keyClick(window.editor.time, "a")  # nor letters
    assert window.editor.time.text() == "2"
    window.editor.time.selectAll()
    qtbot.keyClick(window.editor.time, "\b")  # cleared: the entry has no time any more
    assert window.session.is_dirty and window.session.save_now()
    assert controller.bridge.get(entry_id).draft.time_of_day is None

    untimed = window.list_model.index(2)
    window.entry_list.setCurrentIndex(untimed)
    qtbot.waitUntil(lambda: window.session.entry_id == untimed.data(ENTRY_ID_ROLE))
    assert window.editor.time.text() == ""
