"""Preferences: how the app behaves, and who the journal's documents are by.

Idle lock, font size, appearance, framework file, backups, the passphrase and the profile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.errors import JournalError
from psw_journal.ui.layout_fit import grow_to_fit
from psw_journal.ui.theme import Appearance
from psw_journal.ui.unlock_dialog import ROLES
from psw_journal.ui.widgets.new_passphrase import NewPassphraseFields

#: Changes the open journal's passphrase: (current, new); raises JournalError if it cannot.
PassphraseChanger = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the dialog edits."""

    idle_minutes: int
    font_size: int
    framework_path: str
    profile: dict[str, str]
    appearance: str = Appearance.SYSTEM.value


class PreferencesDialog(QDialog):
    """Edit a Preferences value; read :meth:`preferences` after it is accepted."""

    def __init__(self, current: Preferences, backup_folder: Path,
                 parent: QWidget | None = None,
                 change_passphrase: PassphraseChanger | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self._change_passphrase = change_passphrase
        self.idle = QSpinBox(minimum=0, maximum=240, value=current.idle_minutes)
        self.idle.setSpecialValueText("Never")
        self.font_size = QSpinBox(minimum=8, maximum=32, suffix=" pt", value=current.font_size)
        self.appearance = QComboBox()
        for choice in Appearance:
            self.appearance.addItem(choice.label, choice.value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(current.appearance)))
        self.framework = QLineEdit(current.framework_path, placeholderText="Built-in framework")
        self.browse = QPushButton("Choose…")
        self.passphrase_button = QPushButton("Change &passphrase…")
        self.passphrase_button.setEnabled(change_passphrase is not None)
        self.name = QLineEdit(current.profile.get("name", ""))
        self.role = QComboBox()
        self.role.addItems(ROLES)
        self.role.setCurrentText(current.profile.get("role", ROLES[0]))
        self.course = QLineEdit(current.profile.get("course", ""))
        self.tutor = QLineEdit(current.profile.get("tutor", ""))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._build(backup_folder)
        self._name_minutes(self.idle.value())
        self.idle.valueChanged.connect(self._name_minutes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._choose_framework)
        self.passphrase_button.clicked.connect(self.ask_new_passphrase)

    def _build(self, backup_folder: Path) -> None:
        layout = QVBoxLayout(self)
        general = QGroupBox("General")
        form = QFormLayout(general)
        framework_row = QHBoxLayout()
        framework_row.addWidget(self.framework, 1)
        framework_row.addWidget(self.browse)
        backups = QLabel(f"Automatic encrypted backups (one a day, the last seven) are kept in "
                         f"{backup_folder}", wordWrap=True)
        for label, widget, field in (
                ("&Lock after idle:", self.idle, self.idle),
                ("&Font size:", self.font_size, self.font_size),
                ("&Appearance:", self.appearance, self.appearance),
                ("F&ramework file:", self.framework, framework_row),
                ("Backups:", backups, backups),
                ("Passphrase:", self.passphrase_button, self.passphrase_button)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            # A label made here, with its buddy: a row given a layout would show the "&".
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, field)
        self.passphrase_button.setAccessibleName("Change passphrase")
        profile = QGroupBox("About you (kept inside the encrypted journal)")
        pform = QFormLayout(profile)
        for label, widget in (("&Name:", self.name), ("R&ole:", self.role),
                              ("&Course:", self.course), ("&Tutor:", self.tutor)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            pform.addRow(label, widget)
        layout.addWidget(general)
        layout.addWidget(profile)
        layout.addWidget(self.buttons)

    def _name_minutes(self, minutes: int) -> None:
        """Say "1 minute", "10 minutes": a fixed suffix would say "1 minutes"."""
        self.idle.setSuffix(QCoreApplication.translate(
            "PreferencesDialog", " minute" if minutes == 1 else " minutes"))

    def clear_content(self) -> None:
        """Empty the profile fields, which come from the journal (when it locks)."""
        for edit in (self.name, self.course, self.tutor):
            edit.clear()
        for dialog in self.findChildren(ChangePassphraseDialog):
            dialog.clear_content()

    def _choose_framework(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a framework file", "",
                                              "Framework (*.json)")
        if path:
            self.framework.setText(path)

    def ask_new_passphrase(self) -> ChangePassphraseDialog | None:
        """Open "Change passphrase" over this dialog (window-modal); return it."""
        if self._change_passphrase is None:
            return None
        profile = [self.name.text(), self.course.text(), self.tutor.text()]
        dialog = ChangePassphraseDialog(self._change_passphrase, self, profile)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def preferences(self) -> Preferences:
        """Return the values in the dialog."""
        return Preferences(
            idle_minutes=self.idle.value(), font_size=self.font_size.value(),
            framework_path=self.framework.text().strip(),
            profile={"name": self.name.text().strip(), "role": self.role.currentText(),
                     "course": self.course.text().strip(), "tutor": self.tutor.text().strip()},
            appearance=str(self.appearance.currentData()),
        )


class ChangePassphraseDialog(QDialog):
    """Ask for the current passphrase and a new one (twice, strong or acknowledged weak)."""

    def __init__(self, change: PassphraseChanger, parent: QWidget | None = None,
                 profile: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change passphrase")
        self.setMinimumWidth(480)
        self._change = change
        words = list(profile or [])
        self.current = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.current.setAccessibleName("Current passphrase")
        self.new = NewPassphraseFields("&New passphrase:", user_inputs=lambda: words)
        self.error = QLabel("", wordWrap=True)
        self.error.setAccessibleName("Problem")
        self.error.setStyleSheet("color: #ffffff; background: #a33a3a; padding: 6px;"
                                 "border-radius: 4px;")
        self.error.hide()
        self.done_label = QLabel("", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Change passphrase")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("&Current passphrase:", self.current)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(QLabel("Older backups keep the passphrase they were made with.",
                                wordWrap=True))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def show_error(self, message: str) -> None:
        """Show why the passphrase was not changed (the dialog stays open)."""
        self.error.setText(message)
        self.error.show()
        grow_to_fit(self)

    def submit(self) -> None:
        """Check the fields, then change the passphrase; say what went wrong if it failed."""
        if not self.current.text():
            self.show_error("Please type your current passphrase.")
            return
        problem = self.new.problem()
        if problem is not None:
            self.show_error(problem)
            return
        try:
            self._change(self.current.text(), self.new.passphrase.text())
        except JournalError as exc:
            self.show_error(str(exc))
            return
        self.clear_content()
        self.accept()

    def clear_content(self) -> None:
        """Forget every passphrase typed (when done, or when the journal locks)."""
        self.current.clear()
        self.new.clear()
