"""Composing coursework through the real windows on a real encrypted journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from psw_journal.persistence.store import JournalStore
from psw_journal.ui.coursework_window import EDITOR_PAGE, EMPTY_PAGE
from psw_journal.ui.models.coursework_models import PROBLEM_ROLE, SECTION_KEY_ROLE
from psw_journal.ui.new_piece_dialog import NewPieceDialog
from psw_journal.ui.quote_dialog import QuoteDialog

pytestmark = pytest.mark.ui

#: Entry 1 of the samples ("Introducing myself on a new ward") is linked to Mutual and Safe.
QUOTED_ENTRY = 1
PASSAGE = "New rotation, new ward."


def open_coursework(qtbot, window):
    window.actions_by_name["coursework"].trigger()
    coursework = window.coursework_window
    qtbot.waitUntil(coursework.isVisible)
    return coursework


def new_piece(qtbot, coursework, title: str, *, areas: bool = False,
              brief_file: Path | None = None) -> None:
    """Start a piece through the New piece dialog, as a student would."""
    seen: list[NewPieceDialog] = []

    def fill() -> None:
        dialog = coursework.findChild(NewPieceDialog)
        seen.append(dialog)
        if areas:
            dialog.areas.click()
        if brief_file is not None:
            dialog.use_file(brief_file)
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, title)
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    coursework.actions_by_name["new"].trigger()
    assert seen, "the New piece dialog did not open"


def type_into_section(qtbot, coursework, text: str) -> None:
    body = coursework.section_editor.body
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def quote_from_entry(qtbot, window, entry_id: int, passage: str, section: str) -> None:
    """Select a passage in the entry editor and use it as an example through the action."""
    window.open_entry(entry_id)
    body = window.editor.body
    start = body.toPlainText().index(passage)
    cursor = body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    action = window.actions_by_name["quote"]
    assert action.isEnabled()
    action.trigger()
    (dialog,) = [d for d in window.findChildren(QuoteDialog) if d.isVisible()]
    dialog.section.setCurrentIndex(dialog.section.findData(section))
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def section_row(coursework, key: str):
    model = coursework.outline_model
    return model.index(model.row_of(key))


def test_compose_a_piece_from_the_principles_brief(qtbot, sample_journal, controller, unlock,
                                                    passphrase):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    assert coursework.stack.currentIndex() == EMPTY_PAGE

    new_piece(qtbot, coursework, "What the principles mean to me")
    assert coursework.stack.currentIndex() == EDITOR_PAGE
    assert coursework.outline_model.rowCount() == 8
    assert coursework.section_editor.key == "mutual"
    assert "Mutual" in coursework.section_editor.heading.text()
    assert coursework.section_editor.guidance.text().strip()

    with qtbot.waitSignal(coursework.session.saved, timeout=5000):  # autosaved
        type_into_section(qtbot, coursework, "Mutual means we both learn from each other.")
    assert coursework.section_editor.words.text() == "Your words: 8 words"
    assert "8 words" in section_row(coursework, "mutual").data()
    assert coursework.total.text().startswith("In all: 8 words")
    checks = coursework.examples.checklist
    assert checks.item(0).data(Qt.ItemDataRole.UserRole) is False
    gaps = [coursework.examples.gaps.item(i).text()
            for i in range(coursework.examples.gaps.count())]
    assert "Safe has no example yet." in gaps
    assert "Mutual has no example yet." in gaps

    quote_from_entry(qtbot, window, QUOTED_ENTRY, PASSAGE, "mutual")
    examples = coursework.examples.model
    assert examples.rowCount() == 1
    assert PASSAGE in examples.index(0).data()
    assert "Introducing myself on a new ward" in examples.index(0).data()
    assert examples.index(0).data(PROBLEM_ROLE) is None
    assert checks.item(0).data(Qt.ItemDataRole.UserRole) is True
    assert "Quoted: 4 words" in coursework.section_editor.quoted.text()
    assert coursework.section_editor.words.text() == "Your words: 8 words"  # quotes apart
    gaps = [coursework.examples.gaps.item(i).text()
            for i in range(coursework.examples.gaps.count())]
    assert "Mutual has no example yet." not in gaps and "Safe has no example yet." in gaps

    assert not coursework.session.is_dirty  # the example was saved with the piece
    piece_id = coursework.session.piece.id
    controller.quit()
    with JournalStore.open(sample_journal, passphrase) as store:
        piece = store.coursework(piece_id)
    mutual = piece.section("mutual")
    assert mutual.text == "Mutual means we both learn from each other."
    (example,) = mutual.examples
    assert (example.entry_id, example.quote) == (QUOTED_ENTRY, PASSAGE)
    assert example.entry_title == "Introducing myself on a new ward"
    assert str(example.entry_date) == "2026-01-09"


def test_examples_are_reordered_removed_and_flagged_when_their_passage_goes(
    qtbot, sample_journal, controller, unlock
):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    quote_from_entry(qtbot, window, QUOTED_ENTRY, PASSAGE, "mutual")
    second = "Hope came up three times today"
    quote_from_entry(qtbot, window, 4, second, "mutual")
    panel = coursework.examples
    assert panel.model.rowCount() == 2
    panel.examples.setCurrentIndex(panel.model.index(1))
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [e.quote for e in coursework.session.piece.section("mutual").examples] == [
        second, PASSAGE]

    window.open_entry(QUOTED_ENTRY)
    body = window.editor.body
    body.setPlainText(body.toPlainText().replace(PASSAGE, "A different opening."))
    assert window.session.save_now()
    qtbot.waitUntil(lambda: panel.model.index(1).data(PROBLEM_ROLE) is not None)
    assert "no longer in the entry" in panel.model.index(1).data(PROBLEM_ROLE)
    assert "⚠" in panel.model.index(1).data()
    assert panel.model.index(0).data(PROBLEM_ROLE) is None

    panel.examples.setCurrentIndex(panel.model.index(1))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [e.quote for e in coursework.session.piece.section("mutual").examples] == [second]


def test_a_quote_not_in_the_saved_entry_is_refused(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    window.open_entry(QUOTED_ENTRY)
    from psw_journal.core.errors import InvalidInput

    with pytest.raises(InvalidInput, match="not in entry"):
        controller.bridge.quote(QUOTED_ENTRY, "words that were never written")


def test_competence_areas_brief_and_a_broken_brief_file(qtbot, sample_journal, controller,
                                                         unlock, tmp_path):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    broken = tmp_path / "brief.yaml"
    broken.write_text("title: Essay\nsections:\n  - heading: One\n    evidences:\n"
                      "      principles: [mutal]\n", encoding="utf-8")

    def check_broken() -> None:
        dialog = coursework.findChild(NewPieceDialog)
        dialog.use_file(broken)
        assert "cannot be used" in dialog.summary.text()
        assert "Did you mean 'mutual'?" in dialog.summary.text()
        assert not dialog.start_button.isEnabled()
        dialog.reject()

    QTimer.singleShot(0, check_broken)
    coursework.actions_by_name["new"].trigger()
    assert coursework.stack.currentIndex() == EMPTY_PAGE

    new_piece(qtbot, coursework, "My competences", areas=True)
    keys = [coursework.outline_model.index(i).data(SECTION_KEY_ROLE)
            for i in range(coursework.outline_model.rowCount())]
    assert len(keys) > 3 and "mutual" not in keys
    assert coursework.examples.checklist.count() > 1  # each area lists its competences


def test_history_restores_an_earlier_text_and_trash_restores_the_piece(
    qtbot, sample_journal, controller, unlock
):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    type_into_section(qtbot, coursework, "First thoughts.")
    assert coursework.session.save_now()
    coursework.session._starts_revision = True  # as after five minutes
    type_into_section(qtbot, coursework, " Second thoughts.")
    assert coursework.session.save_now()
    piece_id = coursework.session.piece.id
    assert len(controller.bridge.coursework_revisions(piece_id)) == 3

    from psw_journal.ui.coursework_history_dialog import CourseworkHistoryDialog

    shown: list[str] = []

    def restore_first_text() -> None:
        dialog = coursework.findChild(CourseworkHistoryDialog)
        dialog.list.setCurrentRow(1)
        shown.append(dialog.text.toPlainText())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, restore_first_text)
    coursework.actions_by_name["history"].trigger()
    assert "First thoughts." in shown[0] and "Second" not in shown[0]
    assert coursework.section_editor.body.toPlainText() == "First thoughts."

    coursework.actions_by_name["trash"].trigger()
    assert coursework.pieces_model.rowCount() == 0 and coursework.session.piece is None
    coursework.show_trash.setChecked(True)
    coursework.pieces.setCurrentIndex(coursework.pieces_model.index(0))
    assert coursework.session.is_read_only
    assert coursework.section_editor.body.isReadOnly()
    coursework.actions_by_name["restore"].trigger()
    assert not coursework.show_trash.isChecked()
    assert coursework.session.piece.id == piece_id and not coursework.session.is_read_only


def test_export_opens_the_dialog_on_the_piece(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay to hand in")
    type_into_section(qtbot, coursework, "My own words.")
    from psw_journal.ui.export_dialog import ExportDialog

    coursework.actions_by_name["export"].trigger()
    dialog = coursework.findChild(ExportDialog)
    assert dialog is not None
    assert dialog.choices().coursework_id == coursework.session.piece.id
    assert not coursework.session.is_dirty  # saved before exporting
    dialog.reject()


def test_lock_saves_clears_and_unlock_brings_the_window_back(qtbot, sample_journal, controller,
                                                             unlock, passphrase):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    type_into_section(qtbot, coursework, "Written just before the lock.")
    piece_id = coursework.session.piece.id
    controller.lock()
    assert not coursework.isVisible()
    assert coursework.section_editor.body.toPlainText() == ""
    assert coursework.title_edit.text() == "" and coursework.pieces_model.rowCount() == 0
    assert coursework.session.piece is None
    with JournalStore.open(sample_journal, passphrase, write=False) as store:
        assert store.coursework(piece_id).section("mutual").text == (
            "Written just before the lock.")
    unlock(controller)
    qtbot.waitUntil(coursework.isVisible)
    assert coursework.section_editor.body.toPlainText() == "Written just before the lock."


def test_quitting_saves_the_coursework(qtbot, sample_journal, controller, unlock, passphrase):
    window = unlock(controller)
    coursework = open_coursework(qtbot, window)
    new_piece(qtbot, coursework, "Essay")
    type_into_section(qtbot, coursework, "Typed, then quit at once.")
    piece_id = coursework.session.piece.id
    window.actions_by_name["quit"].trigger()
    assert not controller.bridge.is_open
    with JournalStore.open(sample_journal, passphrase, write=False) as store:
        assert store.coursework(piece_id).section("mutual").text == "Typed, then quit at once."
    assert QApplication.activeModalWidget() is None
    assert not coursework.findChildren(QMessageBox)


def test_the_coverage_window_opens_the_coursework(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    window.actions_by_name["coverage"].trigger()
    coverage = window.coverage_window
    qtbot.waitUntil(coverage.isVisible)
    qtbot.mouseClick(coverage.coursework_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.coursework_window.isVisible())
    assert window.coursework_window.stack.currentIndex() == EMPTY_PAGE
