"""A full disk when the journal locks or the app quits: the unsaved text is never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from test_lock_and_resume import lock, select_row

from psw_journal.persistence.store import JournalStore

pytestmark = pytest.mark.ui

LOST_WORDS = "A paragraph written as the disk filled up, which must never be lost. "


@pytest.fixture
def journal_path(small_disk: Path) -> Path:
    """The journal on a 3 MB file system of its own, so the test can fill it."""
    return small_disk / "journal.db"


def test_a_save_that_fails_at_lock_hides_everything_then_brings_the_text_back(
    qtbot, sample_journal, controller, unlock, passphrase, fill_disk
):
    window = unlock(controller)
    entry_id = select_row(qtbot, window, 1)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    unsaved = LOST_WORDS * 8000  # about 560 KB: more than the log has room for
    body.insertPlainText(unsaved)
    ballast = fill_disk(sample_journal.parent)
    lock(qtbot, controller, window)

    assert not window.isVisible()
    assert body.toPlainText() == "" and window.list_model.rowCount() == 0
    assert not controller.bridge.is_open
    (box,) = controller.dialog.findChildren(QMessageBox)
    assert box.isVisible() and "not saved" in box.windowTitle().lower()
    assert "come back" in box.text() and "disk is full" in box.text()
    ballast.unlink()  # the user frees some space
    box.accept()

    unlock(controller)
    assert window.session.entry_id == entry_id
    assert unsaved in body.toPlainText()
    assert window.session.is_dirty
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    controller.quit()
    with JournalStore.open(sample_journal, passphrase) as store:
        assert unsaved in store.get(entry_id).body


def test_quitting_when_the_save_fails_keeps_the_window_and_the_text(
    qtbot, sample_journal, controller, unlock, fill_disk
):
    window = unlock(controller)
    select_row(qtbot, window, 1)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    body.insertPlainText(LOST_WORDS * 8000)
    ballast = fill_disk(sample_journal.parent)
    window.actions_by_name["quit"].trigger()
    assert window.isVisible() and controller.bridge.is_open
    assert LOST_WORDS in body.toPlainText()
    (box,) = window.findChildren(QMessageBox)
    assert "stays open" in box.text()
    box.accept()
    ballast.unlink()
    assert window.session.save_now()
