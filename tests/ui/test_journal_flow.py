"""Writing, linking, finding, editing, trashing and locking, driven like a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from psw_journal.core.entry import LinkKind
from psw_journal.core.errors import JournalError
from psw_journal.core.templates import template_by_id
from psw_journal.persistence.store import EntryQuery, JournalStore
from psw_journal.ui.history_dialog import HistoryDialog
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE

pytestmark = pytest.mark.ui


def _select_row(qtbot, window, row: int) -> int:
    index = window.list_model.index(row)
    window.entry_list.setCurrentIndex(index)
    entry_id = index.data(ENTRY_ID_ROLE)
    qtbot.waitUntil(lambda: window.session.entry_id == entry_id)
    return entry_id


def test_write_link_and_find_an_entry(qtbot, sample_journal, controller, unlock, passphrase):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    gibbs = next(a for a in window.template_menu.actions() if a.text().startswith("Gibbs"))
    gibbs.trigger()
    assert "## Feelings" in window.editor.body.toPlainText()
    qtbot.keyClicks(window.editor.title, "Quiet night shift")
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(
        window.editor.body,
        "Hope and recovery: we talked about trust and confidentiality, and a zanzibarish biscuit.",
    )
    panel = window.link_panel
    first = window.framework.competences[0]
    _tick(panel, first.id)
    panel.tabs.setCurrentIndex(1)
    qtbot.mouseClick(panel.principle_boxes["mutual"], Qt.MouseButton.LeftButton)
    window.suggestions.refresh()
    competence_suggestions = [
        b for b in panel.suggestion_buttons if b.accessibleName().startswith("Link competence")
    ]
    assert competence_suggestions, "expected a competence among the suggestions"
    with qtbot.waitSignal(panel.links_changed):
        qtbot.mouseClick(competence_suggestions[0], Qt.MouseButton.LeftButton)
    links = panel.links()
    assert [link.kind for link in links].count(LinkKind.COMPETENCE) == 2
    assert (LinkKind.PRINCIPLE, "mutual") in {(link.kind, link.target_id) for link in links}
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        window.actions_by_name["save"].trigger()
    entry_id = window.session.entry_id
    assert entry_id is not None

    window.filter_bar.search.setText("zanzibarish")
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    assert window.list_model.index(0).data(ENTRY_ID_ROLE) == entry_id
    assert "<b>zanzibarish</b>" in window.list_model.index(0).data(Qt.ItemDataRole.UserRole + 3)
    window.filter_bar.search.clear()
    combo = window.filter_bar.competence
    combo.setCurrentIndex(combo.findData(first.id))
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    assert window.list_model.index(0).data(ENTRY_ID_ROLE) == entry_id
    controller.quit()
    with JournalStore.open(sample_journal, passphrase) as store:
        saved = store.get(entry_id)
    assert saved.title == "Quiet night shift" and saved.draft.template == "gibbs"
    assert len(saved.draft.links) == 3


def test_edit_then_restore_a_revision(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    entry_id = _select_row(qtbot, window, 0)
    original = window.editor.body.toPlainText()
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor.body, " An added line.")
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    assert len(window.bridge.revisions(entry_id)) == 2

    def choose_oldest() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HistoryDialog)
        assert dialog.list.count() == 2
        dialog.list.setCurrentRow(1)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_oldest)
    window.actions_by_name["history"].trigger()
    assert window.editor.body.toPlainText() == original
    assert window.bridge.get(entry_id).body == original


def test_a_tag_new_to_the_journal_joins_the_tag_filter(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    _select_row(qtbot, window, 0)
    tag_filter = window.filter_bar.tag
    qtbot.waitUntil(lambda: tag_filter.count() > 1)
    assert tag_filter.findData("allotment-harvest") == -1
    window.editor.tags.end(False)
    qtbot.keyClicks(window.editor.tags, ", allotment-harvest")
    assert window.session.save_now()
    assert tag_filter.findData("allotment-harvest") > 0


def test_delete_to_trash_and_restore(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    entry_id = _select_row(qtbot, window, 0)
    window.entry_list.setFocus()
    window.actions_by_name["trash"].trigger()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 14)
    assert window.list_model.row_of(entry_id) == -1
    window.filter_bar.trash.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    _select_row(qtbot, window, 0)
    assert window.editor.body.isReadOnly()
    window.actions_by_name["restore"].trigger()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 0)
    window.filter_bar.trash.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)


def test_lock_clears_everything_and_unlock_brings_it_back(
    qtbot, sample_journal, controller, unlock
):
    window = unlock(controller)
    entry_id = _select_row(qtbot, window, 2)
    qtbot.keyClicks(window.editor.body, "Written just before locking. ")
    window.link_panel.link(LinkKind.PRINCIPLE, "safe")
    with qtbot.waitSignal(controller.locked):
        qtbot.keyClick(window.editor.body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.list_model.rowCount() == 0
    assert window.editor.body.toPlainText() == ""
    assert window.editor.title.text() == ""
    assert window.editor.preview.toPlainText() == ""
    assert window.link_panel.links() == ()
    assert window.link_panel.linked.count() == 0
    assert not window.isVisible()
    assert not controller.bridge.is_open
    assert controller.dialog is not None and controller.dialog.isVisible()
    unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    saved = controller.bridge.get(entry_id)
    assert "Written just before locking." in saved.body
    assert "safe" in saved.draft.principle_ids()


def test_idle_lock_after_a_short_timeout(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    controller.idle_lock.set_timeout_ms(300)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass
    assert window.list_model.rowCount() == 0
    assert not controller.bridge.is_open


def test_new_entry_is_saved_while_typing(qtbot, journal_path: Path, controller, passphrase):
    qtbot.mouseClick(controller.welcome.create_button, Qt.MouseButton.LeftButton)
    dialog = controller.dialog
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(passphrase)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        dialog.submit()
    window = controller.window
    window.new_entry(template_by_id("driscoll"))
    qtbot.keyClicks(window.editor.body, "First words.")
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    assert controller.bridge.count(EntryQuery()) == 1
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1)
    qtbot.waitUntil(lambda: "First words." in window.editor.preview.toPlainText())


def test_a_failed_save_keeps_the_entry_in_the_editor(
    qtbot, sample_journal, controller, unlock, monkeypatch
):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    first = _select_row(qtbot, window, 0)
    window.editor.body.appendPlainText("A paragraph that must not be lost.")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise JournalError("Could not save: the disk is full.")

    monkeypatch.setattr(window.bridge, "save", disk_full)
    # The problem is shown in a modal message box, which would wait for a click for ever.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest:
                        warnings.append(text) or QMessageBox.StandardButton.Ok)
    assert window.session.open_entry(window.list_model.index(1).data(ENTRY_ID_ROLE)) is False
    assert warnings == ["Could not save: the disk is full."]
    assert window.session.entry_id == first
    assert "must not be lost" in window.editor.body.toPlainText()


def test_accepting_a_link_first_does_not_use_up_the_sessions_revision(
    qtbot, sample_journal, controller, unlock
):
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    entry_id = _select_row(qtbot, window, 0)
    original = window.bridge.get(entry_id).body
    panel = window.link_panel
    _tick(panel, window.framework.competences[5].id)
    assert window.session.save_now()
    window.editor.body.setPlainText("Rewritten completely.")
    assert window.session.save_now()
    bodies = [r.body for r in window.bridge.journal.revisions(entry_id)]
    assert bodies[0] == "Rewritten completely." and original in bodies


def _tick(panel, competence_id: str) -> None:
    """Tick a competence in the framework tree, through the model as the view does."""
    index = panel.tree_model.competence_index(competence_id)
    assert panel.tree_model.setData(index, Qt.CheckState.Checked.value,
                                    Qt.ItemDataRole.CheckStateRole)
