"""Locking never loses an edit or leaks content, and unlocking goes back to where the user was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QGuiApplication

from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE

pytestmark = pytest.mark.ui

def select_row(qtbot, window, row: int) -> int:
    qtbot.waitUntil(lambda: window.list_model.rowCount() > row)
    index = window.list_model.index(row)
    window.entry_list.setCurrentIndex(index)
    entry_id = index.data(ENTRY_ID_ROLE)
    qtbot.waitUntil(lambda: window.session.entry_id == entry_id)
    return entry_id


def lock(qtbot, controller, window) -> None:
    with qtbot.waitSignal(controller.locked):
        qtbot.keyClick(window.editor.body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_unlocking_returns_to_the_entry_cursor_and_scroll(qtbot, sample_journal, controller,
                                                          unlock):
    window = unlock(controller)
    entry_id = select_row(qtbot, window, 3)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    body.insertPlainText("\n" + "\n".join(f"Line {n} of a long reflection." for n in range(80)))
    assert window.session.save_now()
    window.resize(1100, 600)
    cursor = body.textCursor()
    cursor.setPosition(len(body.toPlainText()) // 2)
    body.setTextCursor(cursor)
    body.ensureCursorVisible()
    body.setFocus()
    place = (cursor.position(), body.verticalScrollBar().value())
    assert place[1] > 0
    lock(qtbot, controller, window)
    unlock(controller)
    assert window.session.entry_id == entry_id
    assert window.entry_list.currentIndex().data(ENTRY_ID_ROLE) == entry_id
    assert (body.textCursor().position(), body.verticalScrollBar().value()) == place
    qtbot.waitUntil(lambda: body.hasFocus())


def test_the_editor_takes_typing_after_trash_restore_and_back(qtbot, sample_journal,
                                                              controller, unlock):
    window = unlock(controller)
    select_row(qtbot, window, 0)
    window.entry_list.setFocus()
    window.actions_by_name["trash"].trigger()
    window.filter_bar.trash.click()
    select_row(qtbot, window, 0)
    assert window.editor.body.isReadOnly()
    window.actions_by_name["restore"].trigger()
    window.filter_bar.trash.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    editor = window.editor
    assert not editor.title.isReadOnly() and not editor.body.isReadOnly()
    assert editor.stress.isEnabled()
    qtbot.keyClicks(editor.title, "Typed after the trash")
    assert editor.title.text() == "Typed after the trash"
    assert window.session.save_now() and window.session.entry_id is not None


def test_lock_takes_back_journal_text_the_app_copied(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    select_row(qtbot, window, 0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.applicationState()
                    == Qt.ApplicationState.ApplicationActive)
    window.editor.body.selectAll()
    window.editor.body.copy()
    clipboard = QGuiApplication.clipboard()
    copied = window.editor.body.toPlainText()
    assert clipboard.text() == copied
    lock(qtbot, controller, window)
    assert clipboard.text() == ""


def test_lock_leaves_what_another_app_copied_later(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    select_row(qtbot, window, 0)
    window.editor.body.selectAll()
    window.editor.body.copy()
    clipboard = QGuiApplication.clipboard()
    with QSignalBlocker(clipboard):  # as another application's copy looks from this one
        clipboard.setText("copied in another app")
    lock(qtbot, controller, window)
    assert clipboard.text() == "copied in another app"
