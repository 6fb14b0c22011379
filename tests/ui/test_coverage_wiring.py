"""The coverage window, prompts, export and preferences reached from the main window.

Real encrypted journals (the 15 samples, three of them linked to one competence), driven
through the menus, shortcuts and buttons a PSW would use.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from psw_journal.core.entry import Link, LinkKind
from psw_journal.core.prompts import PromptKind
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.controller import AppController
from psw_journal.ui.coverage_view import ENTRY_ID_ROLE as COVERAGE_ENTRY_ID_ROLE
from psw_journal.ui.coverage_window import COVERAGE_TAB, PROMPTS_TAB
from psw_journal.ui.export_dialog import ExportDialog
from psw_journal.ui.history_dialog import HistoryDialog
from psw_journal.ui.main_window import MainWindow
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE
from psw_journal.ui.preferences_dialog import PreferencesDialog

pytestmark = pytest.mark.ui

TRUST = "crs_build_trust_rapport"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def linked_journal(sample_journal: Path, passphrase: str) -> dict[int, str]:
    """Link the first three sample entries to TRUST; return their ids and titles."""
    with JournalStore.open(sample_journal, passphrase) as store:
        linked = {}
        for entry in list(store.iter_entries())[:3]:
            links = (*entry.draft.links, Link(LinkKind.COMPETENCE, TRUST))
            store.update(entry.id, dataclasses.replace(entry.draft, links=links))
            linked[entry.id] = entry.title
    return linked


def _open_coverage(qtbot, window: MainWindow):
    qtbot.waitUntil(window.isActiveWindow)  # after unlocking, keys go to the journal
    qtbot.keyClick(window.editor.body, Qt.Key.Key_C, CTRL_SHIFT)
    coverage_window = window.coverage_window
    qtbot.waitUntil(coverage_window.isVisible)
    assert coverage_window.coverage is not None
    return coverage_window


def _while_modal(qtbot, handlers: dict[type, Callable[[object], None]]) -> QTimer:
    """Run a handler on each modal dialog of the given types as it appears (once per type)."""
    timer = QTimer()
    timer.setInterval(20)
    pending = dict(handlers)

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        for kind in list(pending):
            if isinstance(dialog, kind):
                pending.pop(kind)(dialog)
        if not pending:
            timer.stop()

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_coverage_competence_then_entry_opens_in_the_editor(
    qtbot, linked_journal, controller, unlock
) -> None:
    window = unlock(controller)
    coverage_window = _open_coverage(qtbot, window)
    view = coverage_window.coverage
    index = view.competence_index(TRUST)
    assert index.siblingAtColumn(1).data() == "3"
    view.tree.scrollTo(index)
    with qtbot.waitSignal(view.competence_selected, timeout=2000):
        qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.tree.visualRect(index).center())
    assert view.entry_list.count() == 3
    view.entry_list.setCurrentRow(0)
    chosen = int(view.entry_list.currentItem().data(COVERAGE_ENTRY_ID_ROLE))
    qtbot.keyClick(view.entry_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.entry_id == chosen)
    assert window.editor.title.text() == linked_journal[chosen]
    assert window.entry_list.currentIndex().data(ENTRY_ID_ROLE) == chosen
    assert (LinkKind.COMPETENCE, TRUST) in {(lk.kind, lk.target_id)
                                            for lk in window.link_panel.links()}


def test_write_about_a_prompt_starts_a_linked_entry(qtbot, sample_journal, controller,
                                                    unlock) -> None:
    window = unlock(controller)
    coverage_window = _open_coverage(qtbot, window)
    coverage_window.tabs.setCurrentIndex(PROMPTS_TAB)
    card = next(c for c in coverage_window.prompts.cards
                if c.prompt.kind is PromptKind.COMPETENCE)
    target, question = card.prompt.target_id, card.prompt.prompt
    qtbot.mouseClick(card.write_button, Qt.MouseButton.LeftButton)
    body = window.editor.body
    assert window.session.entry_id is None
    assert body.toPlainText().startswith(f"## {' '.join(question.split())}\n")
    assert window.link_panel.links() == (Link(LinkKind.COMPETENCE, target),)
    assert window.link_panel.linked.count() == 1
    qtbot.waitUntil(body.hasFocus)
    qtbot.keyClicks(body, "We sat with the silence for a while.")
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    entry_id = window.session.entry_id
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 16)
    assert window.list_model.row_of(entry_id) >= 0
    saved = window.bridge.get(entry_id)
    assert saved.draft.links == (Link(LinkKind.COMPETENCE, target),)
    assert saved.body.endswith("We sat with the silence for a while.")
    # The coverage counts follow the save when their tab is shown.
    with qtbot.waitSignal(coverage_window.refreshed, timeout=3000):
        coverage_window.tabs.setCurrentIndex(COVERAGE_TAB)
    count = coverage_window.coverage.competence_index(target).siblingAtColumn(1).data()
    assert count == "1"


def test_export_dialog_opens_from_the_journal_menu(qtbot, sample_journal, controller,
                                                   unlock) -> None:
    window = unlock(controller)
    action = window.actions_by_name["export"]
    assert action.shortcut().toString() == "Ctrl+E"
    journal_menu = window.menuBar().actions()[0].menu()
    assert action in journal_menu.actions()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ExportDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.choice_panel.entry_list.count() == 15
    assert dialog.findings.topLevelItemCount() > 0
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_lock_closes_and_empties_coverage_and_history(qtbot, linked_journal, controller,
                                                      unlock) -> None:
    window = unlock(controller)
    coverage_window = _open_coverage(qtbot, window)
    view = coverage_window.coverage
    view.select_competence(TRUST)
    coverage_window.tabs.setCurrentIndex(PROMPTS_TAB)
    assert view.model.rowCount() > 0 and view.entry_list.count() == 3
    assert coverage_window.prompts.cards
    window.entry_list.setCurrentIndex(window.list_model.index(0))
    qtbot.waitUntil(lambda: window.session.entry_id is not None)
    seen: dict[str, object] = {}

    def lock_while_history_shows(dialog: HistoryDialog) -> None:
        seen["rows_before"] = dialog.list.count()
        controller.lock()
        seen["history_visible"] = dialog.isVisible()
        seen["history_rows"] = dialog.list.count()
        seen["history_text"] = dialog.text.toPlainText()

    timer = _while_modal(qtbot, {HistoryDialog: lock_while_history_shows})
    window.actions_by_name["history"].trigger()
    timer.stop()
    assert seen == {"rows_before": 1, "history_visible": False, "history_rows": 0,
                    "history_text": ""}
    assert not coverage_window.isVisible()
    assert view.model.rowCount() == 0
    assert view.entry_list.count() == 0
    assert coverage_window.prompts.cards == []
    assert all(not v.chart().series() for v in (coverage_window.charts.principles_view,
                                                coverage_window.charts.timeline_view,
                                                coverage_window.charts.stress_view))
    assert not window.isVisible() and controller.dialog.isVisible()

    unlock(controller)
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    assert not coverage_window.isVisible()
    _open_coverage(qtbot, window)
    assert coverage_window.prompts.cards  # the tab on screen is recounted at once
    with qtbot.waitSignal(coverage_window.refreshed, timeout=3000):
        coverage_window.tabs.setCurrentIndex(COVERAGE_TAB)
    assert view.competence_index(TRUST).siblingAtColumn(1).data() == "3"


def test_idle_lock_empties_the_coverage_window(qtbot, linked_journal, controller,
                                               unlock) -> None:
    window = unlock(controller)
    coverage_window = _open_coverage(qtbot, window)
    controller.idle_lock.set_timeout_ms(300)
    with qtbot.waitSignal(controller.locked, timeout=5000):
        pass
    assert not coverage_window.isVisible()
    assert coverage_window.coverage.model.rowCount() == 0


def test_malformed_framework_is_refused_and_the_current_one_kept(
    qtbot, tmp_path, sample_journal, controller: AppController, unlock
) -> None:
    window = unlock(controller)
    before = controller.framework
    bad = tmp_path / "framework.json"
    bad.write_text(json.dumps({"domains": "not a list"}), encoding="utf-8")
    seen: dict[str, str] = {}

    def choose_bad_file(dialog: PreferencesDialog) -> None:
        dialog.framework.setText(str(bad))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    def read_warning(box: QMessageBox) -> None:
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        box.accept()

    timer = _while_modal(qtbot, {PreferencesDialog: choose_bad_file, QMessageBox: read_warning})
    window.actions_by_name["preferences"].trigger()
    qtbot.waitUntil(lambda: not timer.isActive())
    assert seen["title"] == "Framework not loaded"
    assert "kept" in seen["text"] and len(seen["text"]) > len("kept") + 40
    assert controller.framework is before
    assert window.framework is before
    assert controller.settings.framework_path == ""
    assert window.link_panel.tree_model.rowCount() == len(before.domains)
