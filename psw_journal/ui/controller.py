"""The app's life cycle: unlock, build the main window, lock on request or when idle, quit."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from psw_journal.core.errors import FrameworkError, JournalError, WrongPassphrase
from psw_journal.ui.busy import busy
from psw_journal.ui.clipboard_guard import ClipboardGuard
from psw_journal.ui.idle_lock import IdleLock
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.messages import tell
from psw_journal.ui.settings import AppSettings
from psw_journal.ui.unlock_dialog import WRONG_PASSPHRASE, UnlockDialog
from psw_journal.ui.welcome_dialog import WelcomeDialog

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.persistence.opening import BackgroundOpen
    from psw_journal.persistence.store import JournalStore
    from psw_journal.ui.demo_journal import DemoJournal
    from psw_journal.ui.main_window import MainWindow
    from psw_journal.ui.preferences_dialog import Preferences

#: Imported one per event-loop turn once the first window shows, so the unlock and the main
#: window do not wait for them; each is a module the first window does not need (about 0.4 s).
WARM_MODULES = (
    "psw_journal.persistence.store",
    "psw_journal.core.framework",
    "psw_journal.ui.main_window",
)
#: Nobody types a passphrase in a tenth of a second: the dialog maps and paints first.
WARM_DELAY_MS = 100


class AppController(QObject):
    """Own the bridge, settings, idle lock and windows; move between locked and unlocked.

    On first start (no journal yet) a welcome comes first: create the journal, or explore a
    throwaway demo journal, which is deleted when it is locked or the app quits.

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
        self.clipboard = ClipboardGuard(self)
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | None = None
        self.welcome: WelcomeDialog | None = None
        self.demo: DemoJournal | None = None
        self.framework: Framework | None = None
        self.idle_lock.set_timeout_minutes(self.settings.idle_minutes)
        self.idle_lock.idle.connect(self.lock)
        if self.settings.appearance != "system":
            self.apply_appearance()
        app = QApplication.instance()
        if app is not None:
            # However the app ends, a demo journal must not outlive it.
            app.aboutToQuit.connect(self.discard_demo)

    def start(self, passphrase: str | None = None,
              opening: BackgroundOpen[JournalStore] | None = None,
              ) -> None:
        """Show the welcome (no journal yet) or the unlock dialog.

        With a passphrase for an existing journal, unlock straight away: the unlock dialog
        shows only if that passphrase does not open it, saying why.

        Args:
            passphrase: The passphrase given in the environment, if any.
            opening: The journal already being opened with it (see ``run_gui``).
        """
        if not self.journal.exists():
            self.show_welcome()
            return
        problem = self._unlock_with(passphrase, opening) if passphrase else None
        if passphrase and problem is None:
            return
        self.show_unlock_dialog()
        if problem is not None and self.dialog is not None:
            self.dialog.show_error(problem)

    def _unlock_with(self, passphrase: str, opening: BackgroundOpen[JournalStore] | None,
                     ) -> str | None:
        """Open the journal without asking; return why it could not be opened, if it could not.

        The journal opens on a worker thread while this one builds the main window.
        """
        from psw_journal.persistence.opening import BackgroundOpen
        from psw_journal.persistence.store import JournalStore

        if opening is None:
            journal = self.journal
            opening = BackgroundOpen(lambda: JournalStore.open(journal, passphrase))
        try:
            store, _ = opening.result_after(self._build_window)
        except WrongPassphrase:
            return WRONG_PASSPHRASE
        except JournalError as exc:
            return str(exc)
        self._on_unlocked(store)
        return None

    def show_welcome(self) -> None:
        """Show the first-start welcome: create my journal, or explore a demo first."""
        welcome = WelcomeDialog(self.journal)
        welcome.create_requested.connect(self.show_unlock_dialog)
        welcome.demo_requested.connect(self.start_demo)
        welcome.rejected.connect(self.quit)
        welcome.finished.connect(welcome.deleteLater)
        self.welcome = welcome
        self._present(welcome)

    def start_demo(self) -> None:
        """Open a throwaway demo journal straight into the main window."""
        self.welcome = None
        from psw_journal.ui.demo_journal import DemoJournal

        try:
            with busy(None, ""):
                demo, store = DemoJournal.create()
        except (JournalError, OSError) as exc:
            QMessageBox.warning(None, self.tr("Demo journal"), self.tr(
                "The demo journal could not be made: {0}").format(exc))
            self.start()
            return
        self.demo = demo
        self._on_unlocked(store)

    def discard_demo(self) -> None:
        """Close and delete the demo journal, if one is open (safe to call again)."""
        demo, self.demo = self.demo, None
        if demo is None:
            return
        try:
            if self.window is not None:
                self.window.set_demo(False)
            self.bridge.close()
        finally:
            demo.remove()

    def show_unlock_dialog(self) -> None:
        """Show a fresh unlock dialog (the create dialog when there is no journal yet)."""
        self.welcome = None
        dialog = UnlockDialog(self.journal)
        dialog.unlocked.connect(self._on_unlocked)
        if dialog.is_create:
            dialog.rejected.connect(self._back_to_welcome)
        else:
            dialog.rejected.connect(self._on_unlock_cancelled)
        self.dialog = dialog
        self._present(dialog)

    def _present(self, dialog: QDialog) -> None:
        """Show a first window in front, then warm up what unlocking needs behind it."""
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._warm_up()

    def _warm_up(self, pending: tuple[str, ...] = WARM_MODULES, delay_ms: int = WARM_DELAY_MS,
                 ) -> None:
        """Import what unlocking needs, one module per event-loop turn, once a window shows.

        The first waits until the window is on screen; between modules the loop paints and
        handles typing. An unlock that comes first imports what it needs itself.
        """
        if pending:
            QTimer.singleShot(delay_ms, self, lambda: self._warm_next(pending))

    def _warm_next(self, pending: tuple[str, ...]) -> None:
        importlib.import_module(pending[0])
        self._warm_up(pending[1:], 0)

    def _on_unlock_cancelled(self) -> None:
        self.quit()

    def _back_to_welcome(self) -> None:
        self.dialog = None
        self.show_welcome()

    def _on_unlocked(self, store: JournalStore) -> None:
        self.bridge.attach(store)
        self.dialog = None
        if store.backup_warning:  # a full disk, or a damaged journal: say so once it shows
            QTimer.singleShot(0, self, lambda: self._warn(store.backup_warning or ""))
        if self.window is None:
            # Let the dialog close and paint before building the heavy window.
            QTimer.singleShot(0, self._build_and_show_window)
        else:
            self._show_window()

    def _build_and_show_window(self) -> None:
        self._build_window()
        self._show_window()

    def _build_window(self) -> None:
        from psw_journal.ui.main_window import MainWindow

        window = MainWindow(self.bridge)
        window.lock_requested.connect(self.lock)
        window.preferences_requested.connect(self.edit_preferences)
        window.closing.connect(self.quit)
        self.window = window
        window.editor.apply_font_size(self.settings.font_size)
        geometry = self.settings.state("geometry")
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(1280, 800)
        splitter = self.settings.state("splitter")
        if splitter is not None:
            window.splitter.restoreState(splitter)

    def _show_window(self) -> None:
        assert self.window is not None
        self.window.set_demo(self.demo is not None)
        self.window.show()
        # Keyboard users go straight on typing, so the window must become active; after the
        # unlock dialog has gone, or its closing leaves no window active.
        QTimer.singleShot(0, self._activate_window)
        self.idle_lock.arm()  # first: the journal is open even if listing it fails
        self.window.load_journal()
        if self.framework is None:
            # The window with its list shows first; the framework (read and checked against
            # its JSON Schema, about 0.1 s) follows on the next turn of the event loop.
            QTimer.singleShot(0, self, self._finish_unlock)
        else:
            self.unlocked.emit()

    def _finish_unlock(self) -> None:
        """Load the framework into the freshly shown window, then announce the unlock."""
        if self.window is None or not self.bridge.is_open:
            return  # locked again meanwhile: the next unlock loads it
        if self.framework is None:
            self._load_framework(self.settings.framework_path, fallback=True)
        self.unlocked.emit()

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Today's backup"), message)

    def _activate_window(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.raise_()
            self.window.activateWindow()

    def _load_framework(self, path: str, *, fallback: bool) -> str | None:
        """Load and use a framework; return why it failed (None when it loaded).

        With ``fallback`` and no framework yet, the built-in one is used after a failure.
        """
        from psw_journal.core.framework import load_framework

        try:
            framework = load_framework(Path(path) if path else None)
        except FrameworkError as exc:
            if self.window is not None:
                self.window.statusBar().showMessage(str(exc), 15000)
            if not fallback or self.framework is not None:
                return str(exc)
            framework = load_framework(None)
        self.framework = framework
        if self.window is not None:
            self.window.set_framework(framework)
        return None

    def lock(self) -> None:
        """Save, clear every trace of content, close the store, and ask for the passphrase."""
        if not self.bridge.is_open:
            return
        self.idle_lock.disarm()
        problem = self.window.lock_content() if self.window is not None else None
        self.clipboard.take_back()
        self.bridge.close()
        if self.demo is not None:
            if self.window is not None:
                self.window.forget_resume()
            self.discard_demo()
            self.start()
        else:
            self.show_unlock_dialog()
            if problem is not None and self.dialog is not None:
                tell(self.dialog, self.tr("Your changes are not saved yet"), self.tr(
                    "Your latest changes could not be saved: {0}\n\nThey are kept in the "
                    "app (not on disk) and come back in the editor when you unlock. Do not "
                    "quit before they are saved.").format(problem))
        self.locked.emit()

    def edit_preferences(self) -> None:
        """Show the preferences dialog and apply what the user chose."""
        if self.window is None or not self.bridge.is_open:
            return
        from psw_journal.ui.preferences_dialog import Preferences, PreferencesDialog

        profile = {k: str(v) for k, v in self.bridge.profile().items()}
        current = Preferences(self.settings.idle_minutes, self.settings.font_size,
                              self.settings.framework_path, profile, self.settings.appearance)
        folder = self.journal.with_name(f"{self.journal.stem}-backups")
        dialog = PreferencesDialog(current, folder, self.window, self._change_passphrase)
        try:
            if dialog.exec() and self.bridge.is_open:
                self.apply_preferences(dialog.preferences())
        finally:
            dialog.deleteLater()

    def _change_passphrase(self, current: str, new: str) -> None:
        """Change the passphrase from Preferences (the demo journal's cannot be changed)."""
        if self.demo is not None:
            raise JournalError("The demo journal's passphrase cannot be changed.")
        try:
            self.bridge.change_passphrase(current, new)
        except WrongPassphrase:
            raise WrongPassphrase("That is not the journal's current passphrase; nothing "
                                  "was changed.") from None
        if self.window is not None:
            self.window.statusBar().showMessage(self.tr(
                "Passphrase changed. Older backups keep the passphrase they were made with."),
                10000)

    def apply_preferences(self, prefs: Preferences) -> None:
        """Store and apply preferences; a framework that fails to load is not kept."""
        assert self.window is not None
        self.settings.idle_minutes = prefs.idle_minutes
        self.idle_lock.set_timeout_minutes(prefs.idle_minutes)
        self.settings.font_size = prefs.font_size
        self.window.editor.apply_font_size(prefs.font_size)
        if prefs.appearance != self.settings.appearance:
            self.settings.appearance = prefs.appearance
            self.apply_appearance()
        if prefs.framework_path != self.settings.framework_path:
            problem = self._load_framework(prefs.framework_path, fallback=False)
            if problem is None:
                self.settings.framework_path = prefs.framework_path
            else:
                QMessageBox.warning(self.window, self.tr("Framework not loaded"), self.tr(
                    "{0}\n\nThe framework you were using is kept.").format(problem))
        self.bridge.set_profile(prefs.profile)

    def apply_appearance(self) -> None:
        """Show the app light, dark or as the system does, as the settings say."""
        from psw_journal.ui.theme import Appearance, apply_appearance

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, Appearance(self.settings.appearance))

    def quit(self) -> None:
        """Save window layout, close the journal (deleting a demo one) and leave.

        If the latest changes cannot be saved the app does not quit: it says so and stays.
        """
        window = self.window
        if window is not None and self.bridge.is_open and self.demo is None:
            problem = window.session.try_save()
            if problem is not None:
                window.refuse_to_close(problem)
                return
        self.idle_lock.disarm()
        self.clipboard.take_back()
        try:
            if window is not None:
                self.settings.set_state("geometry", window.saveGeometry())
                self.settings.set_state("splitter", window.splitter.saveState())
                window.hide()
                window.clear_content()
            self.settings.sync()
            self.bridge.close()
        finally:
            self.discard_demo()
        app = QApplication.instance()
        if app is not None:
            app.quit()
