"""The first window: create a new journal, or unlock an existing one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.errors import JournalError, WrongPassphrase
from psw_journal.ui.layout_fit import grow_to_fit
from psw_journal.ui.widgets.new_passphrase import NewPassphraseFields

if TYPE_CHECKING:
    from psw_journal.persistence.store import JournalStore

WRONG_PASSPHRASE = "That passphrase does not open this journal. Try again."
FORGET_WARNING = (
    "If you forget this passphrase, nobody can recover your journal. Automatic encrypted "
    "backups are kept beside it, and they need the same passphrase."
)
ROLES = ("Peer Support Worker", "PSW student")


class UnlockDialog(QDialog):
    """Ask for the passphrase (and, for a new journal, a profile), then open the store.

    Signals:
        unlocked(object): the opened JournalStore; the dialog then closes.
    """

    unlocked = Signal(object)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.is_create = not path.exists()
        self._busy = False
        self.setWindowTitle("Create your journal" if self.is_create else "Unlock your journal")
        self.setMinimumWidth(460)
        self.new_passphrase = NewPassphraseFields(user_inputs=self._profile_words)
        if self.is_create:
            self.passphrase = self.new_passphrase.passphrase
        else:
            self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
            self.passphrase.setAccessibleName("Passphrase")
        self.repeat = self.new_passphrase.repeat
        self.strength = self.new_passphrase.strength
        self.error = QLabel("", wordWrap=True)
        self.error.setAccessibleName("Problem")
        self.error.setStyleSheet("color: palette(bright-text); background: #a33a3a;"
                                 "padding: 6px; border-radius: 4px;")
        self.error.hide()
        self.name = QLineEdit()
        self.role = QComboBox()
        self.course = QLineEdit()
        self.tutor = QLineEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create journal" if self.is_create else "Unlock")
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        intro = QLabel(
            "Welcome. Your journal is private and encrypted on this computer." if self.is_create
            else "Welcome back. Enter your passphrase to open your journal.", wordWrap=True)
        intro.setStyleSheet("font-size: 13pt;")
        layout.addWidget(intro)
        where = QLabel(f"Journal: {self.path}", wordWrap=True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        if self.is_create:
            layout.addWidget(self.new_passphrase)
        else:
            form = QFormLayout()
            form.addRow("&Passphrase:", self.passphrase)
            layout.addLayout(form)
        if self.is_create:
            warning = QLabel(FORGET_WARNING, wordWrap=True)
            warning.setAccessibleName("Passphrase warning")
            layout.addWidget(warning)
            layout.addWidget(self._profile_box())
        else:
            self.new_passphrase.hide()
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox("About you (optional, kept inside the encrypted journal)")
        form = QFormLayout(box)
        self.role.addItems(ROLES)
        for label, widget in (("&Name:", self.name), ("R&ole:", self.role),
                              ("&Course:", self.course), ("&Tutor:", self.tutor)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        return box

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        if self.is_create:
            for edit in (self.name, self.course, self.tutor):
                edit.textChanged.connect(self.new_passphrase.update_strength)

    def _profile_words(self) -> list[str]:
        """Return what the user typed about themselves: the first words a guesser tries."""
        return [self.name.text(), self.course.text(), self.tutor.text()]

    def show_error(self, message: str) -> None:
        """Show a problem in the dialog (it stays open), growing it to fit the message."""
        self.error.setText(message)
        self.error.show()
        grow_to_fit(self)

    def profile(self) -> dict[str, str]:
        """Return the optional profile typed in create mode."""
        return {"name": self.name.text().strip(), "role": self.role.currentText(),
                "course": self.course.text().strip(), "tutor": self.tutor.text().strip()}

    def submit(self) -> None:
        """Create or open the journal with the typed passphrase."""
        if self._busy:
            return
        secret = self.passphrase.text()
        if not secret:
            self.show_error("Please type your passphrase.")
            return
        problem = self.new_passphrase.problem() if self.is_create else None
        if problem is not None:
            self.show_error(problem)
            if secret != self.repeat.text():
                self.repeat.clear()
                self.repeat.setFocus()
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            store = self._open(secret)
        except WrongPassphrase:
            self._failed(WRONG_PASSPHRASE)
            return
        except JournalError as exc:
            self._failed(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
            self._busy = False
            self.ok_button.setEnabled(True)
        self.passphrase.clear()
        self.new_passphrase.clear()
        self.error.hide()
        self.accept()
        self.unlocked.emit(store)

    def _open(self, secret: str) -> JournalStore:
        # SQLAlchemy is imported here, not before the dialog shows (the controller usually
        # warms it up while the dialog waits for the passphrase).
        from psw_journal.persistence.store import JournalStore

        if not self.is_create:
            return JournalStore.open(self.path, secret)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        store = JournalStore.create(self.path, secret)
        profile = self.profile()
        if any(v for k, v in profile.items() if k != "role"):
            store.set_setting("profile", profile)
        return store

    def _failed(self, message: str) -> None:
        self.show_error(message)
        self.passphrase.clear()
        self.passphrase.setFocus()
