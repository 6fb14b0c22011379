"""Search and filters above the entry list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from psw_journal.core.queries import EntryQuery
from psw_journal.ui.dates import date_edit, from_qdate
from psw_journal.ui.icons import icon
from psw_journal.ui.widgets.labels import buddy_label
from psw_journal.ui.widgets.link_panel import shorten

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework

SEARCH_DELAY_MS = 250
_NO_DATE = QDate(1900, 1, 1)


class FilterBar(QWidget):
    """Build an EntryQuery from a search box, dates, combos and a Trash toggle.

    Signals:
        query_changed(): the query changed (search text is debounced).
    """

    query_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Search your journal", clearButtonEnabled=True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.date_from = self._date_edit("Any start")
        self.date_to = self._date_edit("Any end")
        self.competence = QComboBox()
        self.principle = QComboBox()
        self.tag = QComboBox()
        self.trash = QPushButton(icon("trash"), "Trash")
        self.trash.setCheckable(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        for widget, name in ((self.search, "Search"), (self.date_from, "From date"),
                             (self.date_to, "To date"), (self.competence, "Competence filter"),
                             (self.principle, "Principle filter"), (self.tag, "Tag filter"),
                             (self.trash, "Show trash")):
            widget.setAccessibleName(name)
        self.trash.setToolTip("Show entries in the trash")
        self._build()
        self._connect_signals()
        self.set_framework(None)
        self.set_tags([])

    @staticmethod
    def _date_edit(empty_text: str) -> QDateEdit:
        edit = date_edit()
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(empty_text)
        edit.setDate(_NO_DATE)
        return edit

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 4)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(buddy_label("From", self.date_from), 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(buddy_label("to", self.date_to), 1, 2)
        grid.addWidget(self.date_to, 1, 3)
        grid.addWidget(self.competence, 2, 0, 1, 4)
        grid.addWidget(self.principle, 3, 0, 1, 2)
        grid.addWidget(self.tag, 3, 2, 1, 2)
        grid.addWidget(self.trash, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.query_changed)
        for combo in (self.competence, self.principle, self.tag):
            combo.currentIndexChanged.connect(self.query_changed)
        self.date_from.dateChanged.connect(self.query_changed)
        self.date_to.dateChanged.connect(self.query_changed)
        self.trash.toggled.connect(self.query_changed)

    def set_framework(self, framework: Framework | None) -> None:
        """Fill the competence and principle combos from a framework."""
        with QSignalBlocker(self.competence), QSignalBlocker(self.principle):
            self.competence.clear()
            self.competence.addItem("All competences", None)
            self.principle.clear()
            self.principle.addItem("All principles", None)
            if framework is not None:
                for comp in framework.competences:
                    self.competence.addItem(shorten(comp.statement, 70), comp.id)
                    self.competence.setItemData(
                        self.competence.count() - 1, comp.statement, Qt.ItemDataRole.ToolTipRole)
                for principle in framework.principles:
                    self.principle.addItem(principle.name, principle.id)

    def set_tags(self, tags: list[str]) -> None:
        """Offer the journal's tags, keeping the current choice if it still exists."""
        current = self.tag.currentData()
        with QSignalBlocker(self.tag):
            self.tag.clear()
            self.tag.addItem("All tags", None)
            for tag in tags:
                self.tag.addItem(tag, tag)
            self.tag.setCurrentIndex(max(0, self.tag.findData(current)))

    def query(self) -> EntryQuery:
        """Return the query the controls describe (first page)."""
        return EntryQuery(
            text=self.search.text().strip(),
            date_from=_date_or_none(self.date_from),
            date_to=_date_or_none(self.date_to),
            competence=self.competence.currentData(),
            principle=self.principle.currentData(),
            tag=self.tag.currentData(),
            trash=self.trash.isChecked(),
        )

    def clear(self) -> None:
        """Reset every filter and forget the search text and tags (on lock)."""
        blockers = [QSignalBlocker(w) for w in (self.search, self.date_from, self.date_to,
                                                self.competence, self.principle, self.tag,
                                                self.trash)]
        self.search.clear()
        self.date_from.setDate(_NO_DATE)
        self.date_to.setDate(_NO_DATE)
        self.competence.setCurrentIndex(0)
        self.principle.setCurrentIndex(0)
        self.trash.setChecked(False)
        del blockers
        self._timer.stop()
        self.set_tags([])


def _date_or_none(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == _NO_DATE else from_qdate(date)
