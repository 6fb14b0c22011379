"""The first window on first start: what the app is for, then create a journal or try a demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from psw_journal.ui.icons import icon


class WelcomeDialog(QDialog):
    """Welcome a first-time user; closing it (Esc) quits the app.

    Signals:
        create_requested(): the user chose to create their journal.
        demo_requested(): the user chose to explore the demo journal first.
    """

    create_requested = Signal()
    demo_requested = Signal()

    def __init__(self, journal: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to PSW Reflective Journal"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(540)
        self.create_button = QPushButton(self.tr("&Create my journal"))
        self.demo_button = QPushButton(self.tr("&Explore a demo journal first"))
        self._build(journal)
        self.create_button.clicked.connect(self._choose_create)
        self.demo_button.clicked.connect(self._choose_demo)

    def _build(self, journal: Path) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        heading = QLabel(self.tr("Welcome"))
        heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(heading)
        for sentence in self.intro_sentences():
            about = QLabel(sentence, wordWrap=True)
            about.setStyleSheet("font-size: 12pt;")
            about.setMinimumWidth(480)
            layout.addWidget(about)
        where = QLabel(self.tr("Your journal will be kept here:\n{0}").format(journal),
                       wordWrap=True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        layout.addSpacing(6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        for button in (self.create_button, self.demo_button):
            button.setMinimumHeight(36)
            button.setAutoDefault(True)
        self.create_button.setDefault(True)
        self.create_button.setFocus()
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def intro_sentences(self) -> list[str]:
        """Return the three sentences that say what the app is for."""
        return [
            self.tr("This is a private place to reflect on your work as a Peer Support Worker "
                    "or student: after a shift, a placement day or supervision."),
            self.tr("Everything you write stays on this computer, locked with a passphrase "
                    "that only you know."),
            self.tr("As you write, it suggests which competences and principles your "
                    "reflection shows, so coursework and supervision are easier to prepare."),
        ]

    def _choose_create(self) -> None:
        self.accept()
        self.create_requested.emit()

    def _choose_demo(self) -> None:
        self.accept()
        self.demo_requested.emit()
