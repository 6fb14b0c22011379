"""Fixtures for the UI tests: real windows (offscreen) over real encrypted journals."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from psw_journal.core.jsonl import parse_jsonl
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.app import configure_application
from psw_journal.ui.controller import AppController
from psw_journal.ui.main_window import MainWindow

PASSPHRASE = "correct horse battery staple"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "entries.jsonl"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> None:
    """Keep QSettings out of the real home folder."""
    configure_application(qapp)
    qapp.setQuitOnLastWindowClosed(False)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a test's journal lives (not created yet)."""
    return tmp_path / "journal.db"


@pytest.fixture(scope="session")
def sample_journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal holding the 15 sample entries, made once for the session."""
    path = tmp_path_factory.mktemp("sample") / "journal.db"
    store = JournalStore.create(path, PASSPHRASE)
    try:
        store.add_many(parse_jsonl(FIXTURES.read_text(encoding="utf-8")))
    finally:
        store.close()
    return path


@pytest.fixture
def sample_journal(sample_journal_template: Path, journal_path: Path) -> Path:
    """A copy of the journal holding the 15 sample entries, with today's backup.

    As creating it would have left it, so unlocking it does not make a backup of its own.
    """
    shutil.copy(sample_journal_template, journal_path)
    backups = sample_journal_template.with_name(f"{sample_journal_template.stem}-backups")
    shutil.copytree(backups, journal_path.with_name(f"{journal_path.stem}-backups"))
    return journal_path


@pytest.fixture
def controller(new_controller: AppController) -> AppController:
    """An app controller for ``journal_path``, its unlock dialog showing."""
    new_controller.start()
    return new_controller


@pytest.fixture
def new_controller(qtbot, journal_path: Path) -> Iterator[AppController]:
    """An app controller for ``journal_path``, not started yet (closed at the end)."""
    app_controller = AppController(journal_path)
    yield app_controller
    app_controller.idle_lock.disarm()
    if app_controller.window is not None:
        app_controller.window.session.save_now()
        app_controller.window.deleteLater()
    if app_controller.dialog is not None:
        app_controller.dialog.deleteLater()
    if app_controller.welcome is not None:
        app_controller.welcome.deleteLater()
    app_controller.bridge.close()
    app_controller.discard_demo()


@pytest.fixture
def passphrase() -> str:
    """The passphrase of the test journals."""
    return PASSPHRASE


@pytest.fixture
def unlock(qtbot):
    """Return a function that unlocks a controller's dialog and returns the main window."""
    return lambda controller, secret=PASSPHRASE: _unlock(qtbot, controller, secret)


def _unlock(qtbot, controller: AppController, passphrase: str) -> MainWindow:
    dialog = controller.dialog
    assert dialog is not None
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        dialog.passphrase.setText(passphrase)
        qtbot.keyClick(dialog.passphrase, "\r")
    assert controller.window is not None
    return controller.window
