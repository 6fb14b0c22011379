"""A full disk when the journal locks or the app quits: unsaved coursework is never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from test_coursework_window import new_piece, open_coursework

from psw_journal.persistence.store import JournalStore

pytestmark = pytest.mark.ui

LOST_WORDS = "A paragraph of my essay written as the disk filled up, never to be lost. "


@pytest.fixture
def journal_path(small_disk: Path) -> Path:
    """The journal on a 3 MB file system of its own, so the test can fill it."""
    return small_disk / "journal.db"


def write_a_lot(coursework) -> str:
    text = LOST_WORDS * 8000  # about 600 KB: more than the log has room for
    coursework.section_editor.body.setPlainText(text)
    assert coursework.session.is_dirty
    return text


def test_a_save_that_fails_at_lock_empties_the_window_then_brings_the_text_back(
    qtbot, sample_journal, controller, unlock, passphrase, fill_disk
):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    piece_id = coursework.session.piece.id
    text = write_a_lot(coursework)
    ballast = fill_disk(sample_journal.parent)
    controller.lock()

    assert not coursework.isVisible() and not controller.bridge.is_open
    assert coursework.section_editor.body.toPlainText() == ""
    assert coursework.session.piece is None and coursework.pieces_model.rowCount() == 0
    ballast.unlink()  # the student frees some space

    unlock(controller)
    qtbot.waitUntil(coursework.isVisible)
    assert coursework.section_editor.body.toPlainText() == text
    assert coursework.session.is_dirty
    box = next(b for b in coursework.findChildren(QMessageBox) if b.isVisible())
    assert "back" in box.windowTitle() and "disk is full" in box.text()
    box.accept()
    with qtbot.waitSignal(coursework.session.saved, timeout=5000):
        pass
    controller.quit()
    with JournalStore.open(sample_journal, passphrase, write=False) as store:
        assert store.coursework(piece_id).section("mutual").text == text


def test_quitting_when_the_coursework_cannot_be_saved_keeps_the_app_open(
    qtbot, sample_journal, controller, unlock, fill_disk
):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    text = write_a_lot(coursework)
    ballast = fill_disk(sample_journal.parent)
    window.actions_by_name["quit"].trigger()
    assert controller.bridge.is_open and window.isVisible() and coursework.isVisible()
    assert coursework.section_editor.body.toPlainText() == text
    box = next(b for b in coursework.findChildren(QMessageBox) if b.isVisible())
    assert "stays open" in box.text()
    box.accept()
    ballast.unlink()
    assert coursework.session.save_now()
