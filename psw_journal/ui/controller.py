"""The app's life cycle: unlock, build the main window, lock on request or when idle, quit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from psw_journal.core.errors import FrameworkError
from psw_journal.core.framework import load_framework
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.idle_lock import IdleLock
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.main_window import MainWindow
from psw_journal.ui.preferences_dialog import Preferences, PreferencesDialog
from psw_journal.ui.settings import AppSettings
from psw_journal.ui.unlock_dialog import UnlockDialog


class AppController(QObject):
    """Own the bridge, settings, idle lock and windows; move between locked and unlocked.

    Signals:
        unlocked(): the journal was unlocked and the main window is showing.
        locked(): the journal was locked; content is cleared and the unlock dialog shows.
    """

    unlocked = Signal()
    locked = Signal()

    def __init__(self, journal: Path, settings: AppSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.settings = settings or AppSettings()
        self.bridge = JournalBridge(self)
        self.idle_lock = IdleLock(self)
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | None = None
        self.framework: Any = None
        self.idle_lock.set_timeout_minutes(self.settings.idle_minutes)
        self.idle_lock.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_lock)

    def start(self, passphrase: str | None = None) -> None:
        """Show the unlock (or create) dialog; unlock straight away if a passphrase is given."""
        self.show_unlock_dialog()
        if passphrase and self.dialog is not None and not self.dialog.is_create:
            self.dialog.passphrase.setText(passphrase)
            QTimer.singleShot(0, self.dialog.submit)

    def show_unlock_dialog(self) -> None:
        """Show a fresh unlock dialog."""
        dialog = UnlockDialog(self.journal)
        dialog.unlocked.connect(self._on_unlocked)
        dialog.rejected.connect(self._on_unlock_cancelled)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _on_unlock_cancelled(self) -> None:
        self.quit()

    def _on_unlocked(self, store: JournalStore) -> None:
        self.bridge.attach(store)
        self.dialog = None
        if self.window is None:
            # Let the dialog close and paint before building the heavy window.
            QTimer.singleShot(0, self._build_window)
        else:
            self._show_window()

    def _build_window(self) -> None:
        window = MainWindow(self.bridge)
        window.lock_requested.connect(self.lock)
        window.preferences_requested.connect(self.edit_preferences)
        window.closing.connect(self.quit)
        self.window = window
        self._load_framework(self.settings.framework_path, fallback=True)
        window.editor.apply_font_size(self.settings.font_size)
        geometry = self.settings.state("geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(1280, 800)
        splitter = self.settings.state("splitter")
        if splitter is not None:
            window.splitter.restoreState(splitter)
        self._show_window()

    def _show_window(self) -> None:
        assert self.window is not None
        self.window.show()
        self.window.load_journal()
        self.idle_lock.arm()
        self.unlocked.emit()

    def _load_framework(self, path: str, *, fallback: bool) -> bool:
        try:
            framework = load_framework(Path(path) if path else None)
        except FrameworkError as exc:
            if self.window is not None:
                self.window.statusBar().showMessage(str(exc), 15000)
            if not fallback or self.framework is not None:
                return False
            framework = load_framework(None)
        self.framework = framework
        if self.window is not None:
            self.window.set_framework(framework)
        return True

    def lock(self) -> None:
        """Save, clear every trace of content, close the store, and ask for the passphrase."""
        if not self.bridge.is_open:
            return
        self.idle_lock.disarm()
        if self.window is not None:
            self.window.save_and_clear()
            self.window.hide()
        self.bridge.close()
        self.show_unlock_dialog()
        self.locked.emit()

    def edit_preferences(self) -> None:
        """Show the preferences dialog and apply what the user chose."""
        if self.window is None or not self.bridge.is_open:
            return
        profile = {k: str(v) for k, v in self.bridge.profile().items()}
        current = Preferences(self.settings.idle_minutes, self.settings.font_size,
                              self.settings.framework_path, profile)
        folder = self.journal.with_name(f"{self.journal.stem}-backups")
        dialog = PreferencesDialog(current, folder, self.window)
        if dialog.exec():
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        """Store and apply preferences; a framework that fails to load is not kept."""
        assert self.window is not None
        self.settings.idle_minutes = prefs.idle_minutes
        self.idle_lock.set_timeout_minutes(prefs.idle_minutes)
        self.settings.font_size = prefs.font_size
        self.window.editor.apply_font_size(prefs.font_size)
        if prefs.framework_path != self.settings.framework_path:
            if self._load_framework(prefs.framework_path, fallback=False):
                self.settings.framework_path = prefs.framework_path
            else:
                QMessageBox.warning(self.window, "Framework not loaded",
                                    self.window.statusBar().currentMessage())
        self.bridge.set_profile(prefs.profile)

    def quit(self) -> None:
        """Save window layout, close the journal and leave."""
        self.idle_lock.disarm()
        if self.window is not None:
            self.settings.set_state("geometry", self.window.saveGeometry())
            self.settings.set_state("splitter", self.window.splitter.saveState())
            self.window.save_and_clear()
            self.window.hide()
        self.settings.sync()
        self.bridge.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_lock)
            app.quit()
