"""Preferences: idle lock, font size, framework file, backups and the profile."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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

from psw_journal.ui.unlock_dialog import ROLES


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the dialog edits."""

    idle_minutes: int
    font_size: int
    framework_path: str
    profile: dict[str, str]


class PreferencesDialog(QDialog):
    """Edit a Preferences value; read :meth:`preferences` after it is accepted."""

    def __init__(self, current: Preferences, backup_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self.idle = QSpinBox(minimum=0, maximum=240, suffix=" minutes",
                             specialValueText="Never", value=current.idle_minutes)
        self.font_size = QSpinBox(minimum=8, maximum=32, suffix=" pt", value=current.font_size)
        self.framework = QLineEdit(current.framework_path, placeholderText="Built-in framework")
        self.browse = QPushButton("Choose…")
        self.name = QLineEdit(current.profile.get("name", ""))
        self.role = QComboBox()
        self.role.addItems(ROLES)
        self.role.setCurrentText(current.profile.get("role", ROLES[0]))
        self.course = QLineEdit(current.profile.get("course", ""))
        self.tutor = QLineEdit(current.profile.get("tutor", ""))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._build(backup_folder)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._choose_framework)

    def _build(self, backup_folder: Path) -> None:
        layout = QVBoxLayout(self)
        general = QGroupBox("General")
        form = QFormLayout(general)
        framework_row = QHBoxLayout()
        framework_row.addWidget(self.framework, 1)
        framework_row.addWidget(self.browse)
        backups = QLabel(f"Automatic encrypted backups (one a day, the last seven) are kept in "
                         f"{backup_folder}", wordWrap=True)
        for label, widget in (("&Lock after idle:", self.idle), ("&Font size:", self.font_size),
                              ("F&ramework file:", self.framework), ("Backups:", backups)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            if widget is self.framework:
                form.addRow(label, framework_row)
            else:
                form.addRow(label, widget)
        profile = QGroupBox("About you (kept inside the encrypted journal)")
        pform = QFormLayout(profile)
        for label, widget in (("&Name:", self.name), ("R&ole:", self.role),
                              ("&Course:", self.course), ("&Tutor:", self.tutor)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            pform.addRow(label, widget)
        layout.addWidget(general)
        layout.addWidget(profile)
        layout.addWidget(self.buttons)

    def clear_content(self) -> None:
        """Empty the profile fields, which come from the journal (when it locks)."""
        for edit in (self.name, self.course, self.tutor):
            edit.clear()

    def _choose_framework(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a framework file", "",
                                              "Framework (*.json)")
        if path:
            self.framework.setText(path)

    def preferences(self) -> Preferences:
        """Return the values in the dialog."""
        return Preferences(
            idle_minutes=self.idle.value(), font_size=self.font_size.value(),
            framework_path=self.framework.text().strip(),
            profile={"name": self.name.text().strip(), "role": self.role.currentText(),
                     "course": self.course.text().strip(), "tutor": self.tutor.text().strip()},
        )
