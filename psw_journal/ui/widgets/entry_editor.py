"""The writing area: title, date, tags, stress check-in, Markdown body and live preview."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QRegularExpression,
    QSignalBlocker,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.entry import MAX_TITLE_LENGTH, count_words, format_time_of_day
from psw_journal.ui.dates import date_edit, from_qdate, medium_date_format, to_qdate
from psw_journal.ui.plurals import counted
from psw_journal.ui.widgets.labels import buddy_label
from psw_journal.ui.widgets.markdown_pane import MarkdownPane

# QT_TRANSLATE_NOOP marks each for lupdate and returns it unchanged (typed as object).
STRESS_CHOICES: tuple[str, ...] = tuple(map(str, (
    QT_TRANSLATE_NOOP("EntryEditor", "Not set"), QT_TRANSLATE_NOOP("EntryEditor", "1 · calm"),
    QT_TRANSLATE_NOOP("EntryEditor", "2 · settled"),
    QT_TRANSLATE_NOOP("EntryEditor", "3 · some stress"),
    QT_TRANSLATE_NOOP("EntryEditor", "4 · stressed"),
    QT_TRANSLATE_NOOP("EntryEditor", "5 · very stressed"),
)))


class EntryEditor(QWidget):
    """Edit the fields of one entry; it knows nothing about saving.

    Signals:
        edited(): the user changed any field (not emitted while loading).
        text_edited(): the user changed the title or body (for link suggestions).
    """

    edited = Signal()
    text_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.title = QLineEdit(placeholderText=self.tr("Title (optional)"))
        self.title.setMaxLength(MAX_TITLE_LENGTH)  # a longer title could not be saved
        self.date = date_edit(display_format=medium_date_format())
        # Optional, so a plain line edit (a QTimeEdit cannot be empty): imports keep the
        # time of day their source had, and the writer can add, change or clear it.
        self.time = QLineEdit(placeholderText="--:--", maxLength=5)
        self.time.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^$|^([01]?\d|2[0-3])(:[0-5]?\d?)?$"), self.time))
        self.time.setFixedWidth(self.time.fontMetrics().horizontalAdvance("00:00") + 24)
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by commas"))
        self.stress = QComboBox()
        self.stress.addItems([self.tr(choice) for choice in STRESS_CHOICES])
        self.tabs = MarkdownPane(self.tr(
            "Write here. Markdown is welcome: ## headings, *italics*, - lists."))
        self.body, self.preview = self.tabs.body, self.tabs.preview
        self.words = QLabel(_word_label(0))
        self.state = QLabel("")
        self._preview_timer: QTimer = self.tabs.preview_timer
        self._name_controls()
        self._build()
        self._connect_signals()
        self.clear()

    def _name_controls(self) -> None:
        for widget, name in ((self.title, self.tr("Entry title")),
                             (self.date, self.tr("Date it happened")),
                             (self.time, self.tr("Time it happened")),
                             (self.tags, self.tr("Tags")),
                             (self.stress, self.tr("Stress check-in")),
                             (self.body, self.tr("Entry text")),
                             (self.preview, self.tr("Preview")),
                             (self.words, self.tr("Word count")),
                             (self.state, self.tr("Save state"))):
            widget.setAccessibleName(name)
        self.stress.setToolTip(self.tr("How stressed do you feel after this? (optional)"))
        self.time.setToolTip(self.tr("The time of day it happened, such as 14:30 (optional)"))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        self.title.setStyleSheet("font-size: 14pt; padding: 4px;")
        layout.addWidget(self.title)
        row = QHBoxLayout()
        for text, widget, stretch in ((self.tr("&Date:"), self.date, 0),
                                      (self.tr("Ti&me:"), self.time, 0),
                                      (self.tr("Ta&gs:"), self.tags, 1),
                                      (self.tr("&Stress:"), self.stress, 0)):
            row.addWidget(buddy_label(text, widget))
            row.addWidget(widget, stretch)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        status = QHBoxLayout()
        status.addWidget(self.words)
        status.addStretch(1)
        status.addWidget(self.state)
        layout.addLayout(status)

    def _connect_signals(self) -> None:
        self.title.textEdited.connect(self._on_text_edited)
        self.body.textChanged.connect(self._on_body_changed)
        self.tags.textEdited.connect(self._on_field_edited)
        self.time.textEdited.connect(self._on_field_edited)
        self.date.dateChanged.connect(self._on_field_edited)
        self.stress.currentIndexChanged.connect(self._on_field_edited)

    def _on_body_changed(self) -> None:
        self.words.setText(_word_label(count_words(self.body.toPlainText())))
        if not self._loading:
            self._on_text_edited()

    def _on_text_edited(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()
            self.text_edited.emit()

    def _on_field_edited(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def render_preview(self) -> None:
        """Render the body's Markdown into the preview now."""
        self.tabs.render_preview()

    # -- loading and reading fields -----------------------------------------------------------

    def load(self, fields: EditorFields) -> None:
        """Show an entry's fields (clears undo history; emits nothing)."""
        self._loading = True
        try:
            blockers = [QSignalBlocker(w) for w in (self.date, self.stress)]
            self.title.setText(fields.title)
            self.date.setDate(to_qdate(fields.occurred_on))
            self.time.setText(format_time_of_day(fields.time_of_day) or "")
            self.tags.setText(", ".join(fields.tags))
            self.tags.setCursorPosition(0)
            self.stress.setCurrentIndex(fields.stress or 0)
            del blockers
            self.body.setPlainText(fields.body)
        finally:
            self._loading = False
        self.render_preview()

    def fields(self) -> EditorFields:
        """Return what is in the editor now."""
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        stress = self.stress.currentIndex() or None
        return EditorFields(self.title.text(), self.body.toPlainText(),
                            from_qdate(self.date.date()), tags, stress,
                            _time_of_day(self.time.text()))

    def clear(self) -> None:
        """Empty every field, the undo history and the preview."""
        self.load(EditorFields("", "", dt.date.today(), (), None))
        self.preview.clear()
        self.state.setText("")

    def set_read_only(self, read_only: bool) -> None:
        """Allow or prevent editing (entries in the trash are read-only)."""
        for widget in (self.title, self.tags, self.time, self.body):
            widget.setReadOnly(read_only)
        self.date.setReadOnly(read_only)
        self.stress.setEnabled(not read_only)

    def place(self) -> EditorPlace:
        """Return where the user is: cursor, selection, scroll, the field and tab in use."""
        cursor = self.body.textCursor()
        return EditorPlace(cursor.position(), cursor.anchor(),
                           self.body.verticalScrollBar().value(),
                           self.title.hasFocus(), self.tabs.currentWidget() is self.preview)

    def restore_place(self, place: EditorPlace) -> None:
        """Put the cursor, selection, scroll, field and tab back as :meth:`place` found them."""
        self.tabs.setCurrentWidget(self.preview if place.previewing else self.body)
        end = len(self.body.toPlainText())
        cursor = self.body.textCursor()
        cursor.setPosition(min(place.anchor, end))
        cursor.setPosition(min(place.position, end), QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.verticalScrollBar().setValue(place.scroll)
        (self.title if place.in_title else self.tabs.currentWidget()).setFocus()

    def apply_font_size(self, points: int) -> None:
        """Use a larger or smaller font for writing and reading."""
        self.tabs.apply_font_size(points)


@dataclass(frozen=True, slots=True)
class EditorFields:
    """A plain bundle of the editor's field values."""

    title: str
    body: str
    occurred_on: dt.date
    tags: tuple[str, ...]
    stress: int | None
    time_of_day: dt.time | None = None


def _time_of_day(text: str) -> dt.time | None:
    """Read ``9:30`` or ``09:30``; a time still being typed (``9:``) counts as none yet."""
    hours, _, minutes = text.strip().partition(":")
    try:
        return dt.time(int(hours), int(minutes))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class EditorPlace:
    """Where the user was in the editor (no content: kept while the journal is locked)."""

    position: int
    anchor: int
    scroll: int
    in_title: bool
    previewing: bool


def _word_label(n: int) -> str:
    return counted("EntryEditor", "{0} word", "{0} words", n)
