"""One coursework section: the brief's heading and guidance, and the student's own text."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from psw_journal.core.coursework import Section
from psw_journal.core.entry import count_words
from psw_journal.ui.models.coursework_models import words_against
from psw_journal.ui.plurals import counted
from psw_journal.ui.widgets.markdown_pane import MarkdownPane


class SectionEditor(QWidget):
    """Show a section's heading, guidance and target; edit its text in Markdown.

    Signals:
        text_edited(str, str): the student changed the text (section key, new text); not
            emitted while a section loads.
    """

    text_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self._quoted_words = 0
        self._target: int | None = None
        self.heading = QLabel()
        self.guidance = QLabel()
        self.pane = MarkdownPane(self.tr(
            "Write this section in your own words. Your examples are quoted after it."))
        self.body = self.pane.body
        self.words = QLabel()
        self.quoted = QLabel()
        self._build()
        self.body.textChanged.connect(self._on_text_changed)

    def _build(self) -> None:
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for widget, name in ((self.heading, self.tr("Section heading")),
                             (self.guidance, self.tr("What the brief asks")),
                             (self.body, self.tr("Section text")),
                             (self.pane.preview, self.tr("Section preview")),
                             (self.words, self.tr("Words in this section")),
                             (self.quoted, self.tr("Words quoted in this section"))):
            widget.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)
        layout.addWidget(self.pane, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.words)
        counts.addStretch(1)
        counts.addWidget(self.quoted)
        layout.addLayout(counts)

    def show_section(self, section: Section) -> None:
        """Show a section (its text replaces the editor's; undo starts afresh)."""
        self.key = section.key
        self._target = section.target_words
        self._quoted_words = section.quoted_words
        self.heading.setText(section.heading)
        self.guidance.setText(section.guidance)
        self.guidance.setVisible(bool(section.guidance))
        with QSignalBlocker(self.body):
            self.body.setPlainText(section.text)
        self.pane.render_preview()
        self._show_counts()

    def set_quoted_words(self, words: int) -> None:
        """Show how many words the section's examples quote (counted apart)."""
        self._quoted_words = words
        self._show_counts()

    def word_count(self) -> int:
        """Return the words of the student's own text as it stands in the editor."""
        return count_words(self.body.toPlainText())

    def _show_counts(self) -> None:
        self.words.setText(self.tr("Your words: {0}").format(
            words_against(self.word_count(), self._target)))
        self.quoted.setText(counted("Coursework", "Quoted: {0} word (counted apart)",
                                    "Quoted: {0} words (counted apart)", self._quoted_words))

    def _on_text_changed(self) -> None:
        self._show_counts()
        if self.key is not None:
            self.text_edited.emit(self.key, self.body.toPlainText())

    def set_read_only(self, read_only: bool) -> None:
        """Allow or prevent editing (a piece in the trash is read-only)."""
        self.body.setReadOnly(read_only)

    def clear(self) -> None:
        """Empty the heading, guidance, text (and its undo history) and preview."""
        self.key = None
        self._target, self._quoted_words = None, 0
        self.heading.clear()
        self.guidance.clear()
        with QSignalBlocker(self.body):
            self.body.setPlainText("")
        self.pane.preview.clear()
        self.words.clear()
        self.quoted.clear()
