"""The export dialog's choices: what to export (entries or a coursework piece), and how.

Entries are chosen by date, tag, principle and competence, then ticked by hand; the shape,
the file format and (for a piece) the appendix complete an :class:`ExportChoices`, the same
object the command line builds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.documents.entries import Selection, Shape
from psw_journal.services.export import DocumentFormat, ExportChoices
from psw_journal.services.writers import docx_unavailable
from psw_journal.ui.dates import date_edit, from_qdate
from psw_journal.ui.widgets.labels import buddy_label

if TYPE_CHECKING:
    from psw_journal.core.coursework import Coursework
    from psw_journal.core.entry import Entry
    from psw_journal.core.framework import Framework

#: The principle or competence id of a row in the choice lists (and entry ids in the list).
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole.value + 2
_SHAPES = (("By principle (coursework)", Shape.PRINCIPLE),
           ("By competence (portfolio)", Shape.COMPETENCE), ("By date", Shape.DATE),
           ("Supervision agenda", Shape.SUPERVISION))
_FORMATS = (DocumentFormat.DOCX, DocumentFormat.PDF, DocumentFormat.HTML,
            DocumentFormat.MARKDOWN)


class ExportChoicesPanel(QWidget):
    """The left side of the export dialog: every choice that shapes the document.

    Signals:
        changed(): a choice changed what would be exported (the preview is out of date).
        selection_changed(): the chosen entries changed; the entry list already shows them.
    """

    changed = Signal()
    selection_changed = Signal()

    def __init__(self, entries: list[Entry], pieces: list[Coursework], framework: Framework,
                 remembered_format: str, parent: QWidget | None = None) -> None:
        """Build the choices for a journal's entries and coursework pieces.

        Args:
            entries: Every entry of the journal (the lists count and choose from these).
            pieces: The journal's coursework pieces.
            framework: The framework whose principles and competences can be ticked.
            remembered_format: The format chosen last time (its value), offered first.
            parent: The parent widget.
        """
        super().__init__(parent)
        self.entries = entries
        self._unticked: set[int] = set()
        days = [e.occurred_on for e in entries] or [dt.date.today()]
        self.source = QComboBox()
        self.date_from = date_edit(min(days))
        self.date_to = date_edit(max(days))
        self.tags_edit = QLineEdit(placeholderText="tags, separated by commas (optional)")
        self.grouping = QComboBox()
        self.format = QComboBox()
        self.appendix = QCheckBox("Add the &quoted entries in full at the end")
        self.principle_list = _choice_list("Principles")
        self.competence_list = _choice_list("Competences")
        self.no_competences = QLabel("No entry is linked to a competence yet.")
        self.entry_list = _choice_list("Entries to include")
        self.entries_label = QLabel()
        self.entry_choices = QWidget()
        self._fill_combos(pieces, remembered_format)
        self._build()
        self._fill_choices(framework)
        self._fill_entry_list()
        self._show_source_choices()
        self._connect_signals()

    def _fill_combos(self, pieces: list[Coursework], remembered_format: str) -> None:
        self.source.setAccessibleName("What to export")
        self.source.addItem("Journal entries", None)
        for piece in pieces:
            self.source.addItem(f"Coursework: {piece.title}", piece.id)
        self.date_from.setAccessibleName("From")
        self.date_to.setAccessibleName("To")
        for label, value in _SHAPES:
            self.grouping.addItem(label, value)
        for fmt in _FORMATS:
            self.format.addItem(fmt.label[0].upper() + fmt.label[1:], fmt.value)
        self._offer_formats(remembered_format)
        self.appendix.setChecked(True)

    def _offer_formats(self, remembered: str) -> None:
        """Offer Word only where it works; start with the format used last."""
        model = self.format.model()
        assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
        reason = docx_unavailable()
        if reason:
            docx = model.item(self.format.findData(DocumentFormat.DOCX.value))
            docx.setEnabled(False)
            docx.setToolTip(reason)
        usable = [i for i in range(self.format.count()) if model.item(i).isEnabled()]
        index = self.format.findData(remembered)
        self.format.setCurrentIndex(index if index in usable else usable[0])

    def _build(self) -> None:
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_from, 1)
        date_row.addWidget(QLabel("to"))
        date_row.addWidget(self.date_to, 1)
        what = QFormLayout()
        what.addRow(buddy_label("E&xport", self.source), self.source)
        what.addRow(buddy_label("&Dates", self.date_from), date_row)
        what.addRow("&Tags", self.tags_edit)
        what.addRow("&Arrange", self.grouping)
        what.addRow("&Format", self.format)
        what.addRow("", self.appendix)
        self.principle_list.setFlow(QListView.Flow.LeftToRight)
        self.principle_list.setWrapping(True)
        self.principle_list.setGridSize(QSize(176, 26))
        self.principle_list.setFixedHeight(4 * 26 + 8)
        self.competence_list.setSpacing(2)
        self.no_competences.setWordWrap(True)
        inner = QVBoxLayout(self.entry_choices)
        inner.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Tick principles or competences to export only the entries linked to "
                      "any of them. Nothing ticked: no limit.")
        hint.setWordWrap(True)
        inner.addWidget(hint)
        inner.addWidget(buddy_label("&Principles", self.principle_list, bold=True))
        inner.addWidget(self.principle_list)
        inner.addWidget(buddy_label("Co&mpetences", self.competence_list, bold=True))
        inner.addWidget(self.competence_list, 2)
        inner.addWidget(self.no_competences)
        inner.addWidget(buddy_label("", self.entry_list, bold=True, label=self.entries_label))
        inner.addWidget(self.entry_list, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addLayout(what)
        layout.addSpacing(6)
        layout.addWidget(self.entry_choices, 1)

    def _connect_signals(self) -> None:
        self.entry_list.itemChanged.connect(self._entry_ticked)
        self.principle_list.itemChanged.connect(self._choice_ticked)
        self.competence_list.itemChanged.connect(self._choice_ticked)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self.tags_edit.editingFinished.connect(self._filters_changed)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.grouping.currentIndexChanged.connect(self.changed)
        self.appendix.toggled.connect(self.changed)

    def _fill_choices(self, framework: Framework) -> None:
        """List every principle, and the competences entries link to, with entry counts."""
        principles = Counter(p for e in self.entries for p in set(e.draft.principle_ids()))
        competences = Counter(c for e in self.entries for c in set(e.draft.competence_ids()))
        for principle in framework.principles:
            item = _checkable(f"{principle.name} ({principles[principle.id]})", principle.id,
                              checked=False)
            item.setToolTip(principle.definition or principle.name)
            self.principle_list.addItem(item)
        for competence in framework.competences:
            if competences[competence.id]:
                statement = " ".join(competence.statement.split())
                item = _checkable(f"{statement} ({competences[competence.id]})", competence.id,
                                  checked=False)
                item.setToolTip(statement)
                self.competence_list.addItem(item)
        self.competence_list.setVisible(self.competence_list.count() > 0)
        self.no_competences.setVisible(self.competence_list.count() == 0)

    def _filters(self) -> Selection:
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return Selection(date_from=from_qdate(self.date_from.date()),
                         date_to=from_qdate(self.date_to.date()), tags=tags,
                         principle_ids=frozenset(str(i) for i in _checked(self.principle_list)),
                         competence_ids=frozenset(str(i) for i in _checked(self.competence_list)))

    def _fill_entry_list(self) -> None:
        """List the entries the filters allow, keeping what was unticked by hand."""
        self.entry_list.blockSignals(True)
        self.entry_list.clear()
        for entry in self._filters().choose(self.entries):
            item = _checkable(f"{entry.occurred_on:%d %b %Y}  {entry.title or 'Untitled'}",
                              entry.id, checked=entry.id not in self._unticked)
            self.entry_list.addItem(item)
            _show_tick(item, emphasis="dim")
        self.entry_list.blockSignals(False)
        self._count_chosen()

    def _count_chosen(self) -> None:
        self.entries_label.setText(f"&Entries to include: {len(self.chosen_ids())} of "
                                   f"{len(self.entries)}")

    def chosen_ids(self) -> list[int]:
        """Return the ids of the entries ticked in the list."""
        return [i for i in _checked(self.entry_list) if isinstance(i, int)]

    def choices(self, keep: frozenset[str]) -> ExportChoices:
        """Return what would be exported, keeping the finding texts in ``keep`` as written."""
        piece = self.source.currentData()
        selection = dataclasses.replace(self._filters(),
                                        entry_ids=frozenset(self.chosen_ids()))
        return ExportChoices(fmt=DocumentFormat(self.format.currentData()),
                             shape=Shape(self.grouping.currentData()), selection=selection,
                             coursework_id=piece, appendix=self.appendix.isChecked(),
                             redact=True, keep=keep)

    def file_name(self) -> str:
        """Return a file name (no suffix) for the chosen document."""
        if self.source.currentData() is None:
            return "coursework"
        title = self.source.currentText().removeprefix("Coursework: ")
        return re.sub(r"[^\w\- ]+", "", title).strip().replace(" ", "-")[:60] or "coursework"

    def choose_piece(self, piece_id: int) -> None:
        """Export this coursework piece (its entry choices no longer apply)."""
        self.source.setCurrentIndex(max(0, self.source.findData(piece_id)))

    def clear(self) -> None:
        """Forget the entries and empty every list (when the journal locks)."""
        self.entries = []
        for widget in (self.entry_list, self.principle_list, self.competence_list):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.entries_label.clear()

    def _source_changed(self) -> None:
        self._show_source_choices()
        self.changed.emit()

    def _show_source_choices(self) -> None:
        """Offer the entry choices for entries, the appendix for a piece."""
        is_piece = self.source.currentData() is not None
        self.entry_choices.setEnabled(not is_piece)
        for widget in (self.date_from, self.date_to, self.tags_edit, self.grouping):
            widget.setEnabled(not is_piece)
        self.appendix.setVisible(is_piece)

    def _choice_ticked(self, item: QListWidgetItem) -> None:
        _show_tick(item, emphasis="bold")
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._fill_entry_list()
        self.changed.emit()
        self.selection_changed.emit()

    def _entry_ticked(self, item: QListWidgetItem) -> None:
        entry_id = int(item.data(TARGET_ID_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._unticked.discard(entry_id)
        else:
            self._unticked.add(entry_id)
        _show_tick(item, emphasis="dim")
        self._count_chosen()
        self.changed.emit()
        self.selection_changed.emit()


def _checked(widget: QListWidget) -> list[object]:
    items = (widget.item(i) for i in range(widget.count()))
    return [item.data(TARGET_ID_ROLE) for item in items
            if item.checkState() == Qt.CheckState.Checked]


def _checkable(text: str, value: str | int, *, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(TARGET_ID_ROLE, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _show_tick(item: QListWidgetItem, *, emphasis: str) -> None:
    """Show a tick in the text too: some dark palettes draw unticked boxes almost invisibly."""
    checked = item.checkState() == Qt.CheckState.Checked
    widget = item.listWidget()
    blocked = widget.blockSignals(True) if widget is not None else False
    if emphasis == "bold":
        font = item.font()
        font.setBold(checked)
        item.setFont(font)
    elif widget is not None:
        role = QPalette.ColorRole.Text if checked else QPalette.ColorRole.PlaceholderText
        item.setForeground(widget.palette().color(role))
    if widget is not None:
        widget.blockSignals(blocked)


def _choice_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget
