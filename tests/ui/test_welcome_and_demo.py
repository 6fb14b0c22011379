"""First start: the welcome, the throwaway demo journal, and the Help menu's framework page."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from psw_journal.persistence.store import EntryQuery
from psw_journal.ui.demo_journal import demo_entries_path

pytestmark = pytest.mark.ui


def _demo_lines() -> int:
    return sum(1 for line in demo_entries_path().read_text(encoding="utf-8").split("\n")
               if line.strip())


def _open_demo(qtbot, controller):
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(controller.welcome.demo_button, Qt.MouseButton.LeftButton)
    window = controller.window
    qtbot.waitUntil(lambda: window.list_model.rowCount() == _demo_lines())
    return window


def test_welcome_shows_for_a_new_journal(qtbot, controller, journal_path: Path) -> None:
    welcome = controller.welcome
    assert welcome is not None and welcome.isVisible()
    assert controller.dialog is None
    assert len(welcome.intro_sentences()) == 3  # three plain sentences
    assert welcome.create_button.isDefault()
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    assert controller.dialog is not None and controller.dialog.is_create
    # Cancelling the create dialog goes back to the welcome, not out of the app.
    controller.dialog.reject()
    assert controller.welcome is not None and controller.welcome.isVisible()
    assert not journal_path.exists()


def test_demo_opens_with_the_demo_entries_and_is_deleted_on_quit(
    qtbot, controller, journal_path: Path
) -> None:
    window = _open_demo(qtbot, controller)
    folder = controller.demo.folder
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert controller.bridge.count(EntryQuery()) == _demo_lines() == 22
    assert window.demo_banner.isVisible()
    assert "thrown away" in window.demo_banner.text()
    assert "demo" in window.windowTitle()
    controller.quit()
    assert not folder.exists()
    assert controller.demo is None
    assert not journal_path.exists()  # the real journal was never touched


def test_locking_the_demo_deletes_it_and_returns_to_the_welcome(qtbot, controller) -> None:
    window = _open_demo(qtbot, controller)
    folder = controller.demo.folder
    window.actions_by_name["lock"].trigger()
    assert not folder.exists()
    assert not controller.bridge.is_open
    assert controller.welcome is not None and controller.welcome.isVisible()


def test_the_demo_is_deleted_when_the_application_quits(qtbot, controller) -> None:
    _open_demo(qtbot, controller)
    folder = controller.demo.folder
    QApplication.instance().aboutToQuit.emit()
    assert not folder.exists()


def test_a_real_journal_hides_the_demo_banner(qtbot, sample_journal, controller, unlock) -> None:
    window = unlock(controller)
    assert not window.demo_banner.isVisible()
    assert "demo" not in window.windowTitle()


def test_about_the_framework_names_its_source_and_counts(
    qtbot, sample_journal, controller, unlock
) -> None:
    window = unlock(controller)
    window.actions_by_name["about_framework"].trigger()
    box = window.findChild(QMessageBox, "framework-info")
    assert box is not None and box.isVisible()
    framework = window.framework
    text = box.text()
    assert framework.title in text and framework.version in text
    assert f"<b>{len(framework.competences)}</b>" in text
    assert f"<b>{len(framework.principles)}</b>" in text
    assert f"<b>{len(framework.domains)}</b>" in text
    box.reject()
    assert window.actions_by_name["shortcuts"].shortcut().toString() == "F1"
