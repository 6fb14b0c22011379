"""Start a coursework piece from a brief: the 8 principles, the competence areas, or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.briefs import COMPETENCE_AREAS, PRINCIPLES, Brief, built_in_brief, read_brief
from psw_journal.core.coursework import Coursework
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import Framework
from psw_journal.ui.dates import medium_date
from psw_journal.ui.plurals import counted

_FILE = "file"


class NewPieceDialog(QDialog):
    """Choose a brief and a title; after ``exec()`` is Accepted, :meth:`piece` is the new piece.

    A brief file is read as soon as it is chosen: what is wrong with it is shown in the dialog,
    and the piece cannot be started from it until it is fixed.
    """

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New coursework"))
        self.resize(620, 520)
        self._framework = framework
        self.brief: Brief | None = None
        self._title_touched = False
        self.title = QLineEdit()
        self.choices = QButtonGroup(self)
        self.principles = QRadioButton(self.tr("The &8 principles of peer support"))
        self.areas = QRadioButton(self.tr("The &competence areas of the framework"))
        self.from_file = QRadioButton(self.tr("A brief &file from my tutor"))
        self.path = QLineEdit(readOnly=True)
        self.browse = QPushButton(self.tr("C&hoose file…"))
        self.summary = QLabel()
        self.sections = QListWidget()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(self.tr("&Start writing"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self._build()
        self._connect_signals()
        self.principles.setChecked(True)
        self._choose(PRINCIPLES)

    def _build(self) -> None:
        for button, name in ((self.principles, PRINCIPLES), (self.areas, COMPETENCE_AREAS),
                             (self.from_file, _FILE)):
            button.setProperty("brief", name)
            self.choices.addButton(button)
        self.title.setAccessibleName(self.tr("Title"))
        self.path.setAccessibleName(self.tr("Brief file"))
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("About the brief"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Start from:")))
        for button in (self.principles, self.areas, self.from_file):
            layout.addWidget(button)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Its sections:")))
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.choices.buttonClicked.connect(
            lambda button: self._choose(str(button.property("brief"))))
        self.browse.clicked.connect(self.choose_file)
        self.title.textEdited.connect(self._on_title_edited)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)

    def _on_title_edited(self, _text: str) -> None:
        self._title_touched = True
        self._update_start()

    def _choose(self, name: str) -> None:
        if name == _FILE:
            if self.path.text():
                self.use_file(Path(self.path.text()))
            else:
                self._show(None, self.tr("Choose the brief file your tutor gave you (YAML)."))
                self.choose_file()
            return
        self._show(built_in_brief(name, self._framework), None)

    def choose_file(self) -> None:
        """Ask for a brief file, then read it."""
        start = self.path.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a brief file"), start,
            self.tr("Coursework briefs (*.yaml *.yml);;All files (*)"))
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> None:
        """Read a brief file and show it, or show what is wrong with it."""
        self.from_file.setChecked(True)
        self.path.setText(str(path))
        try:
            brief = read_brief(path, self._framework)
        except InvalidInput as exc:
            self._show(None, self.tr("This brief cannot be used: {0}").format(exc), error=True)
            return
        self._show(brief, None)

    def _show(self, brief: Brief | None, message: str | None, *, error: bool = False) -> None:
        self.brief = brief
        self.sections.clear()
        if brief is not None:
            if not self._title_touched:
                self.title.setText(brief.title)
            self.sections.addItems([self._section_line(s.heading, s.target_words)
                                    for s in brief.sections])
            message = self._about(brief)
        self.summary.setText(message or "")
        self.summary.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "")
        self._update_start()

    def _about(self, brief: Brief) -> str:
        parts = [counted("NewPieceDialog", "{0} section", "{0} sections", len(brief.sections))]
        if brief.total_words:
            parts.append(self.tr("{0} words in all").format(
                QLocale().toString(brief.total_words)))
        if brief.due is not None:
            parts.append(self.tr("due {0}").format(medium_date(brief.due)))
        return " · ".join(parts)

    def _section_line(self, heading: str, words: int | None) -> str:
        if not words:
            return heading
        return self.tr("{0} ({1} words)").format(heading, QLocale().toString(words))

    def _update_start(self) -> None:
        self.start_button.setEnabled(self.brief is not None and bool(self.title.text().strip()))

    def piece(self) -> Coursework:
        """Return the new, empty piece (not stored yet)."""
        if self.brief is None:
            raise InvalidInput("Choose a brief first.")
        return self.brief.new_piece(self.title.text())

    def _start(self) -> None:
        if self.brief is not None and self.title.text().strip():
            self.accept()
