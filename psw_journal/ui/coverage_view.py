"""The coverage view: the framework as a tree with how often each competence is evidenced.

Each competence shows its number of entries as a bar (drawn by :mod:`coverage_bars`) and the
day it was last written about; areas and domains roll up ("3 of 7 evidenced"), as
:mod:`models.coverage_tree_model` lays them out. Long competence statements wrap onto more
lines rather than being cut off. Selecting a competence lists the entries that evidence it,
under its full statement.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coverage import Coverage, CoverageWindow, build_coverage
from psw_journal.core.framework import Framework
from psw_journal.core.queries import EntryQuery
from psw_journal.services.journal import JournalReading
from psw_journal.ui.coverage_bars import CoverageBarDelegate, bar_colours, contrast_ratio
from psw_journal.ui.dates import date_edit, from_qdate
from psw_journal.ui.models.coverage_tree_model import (
    COUNT_COLUMN,
    LAST_COLUMN,
    NAME_COLUMN,
    NODE_KIND_ROLE,
    TARGET_ID_ROLE,
    CoverageTreeModel,
)
from psw_journal.ui.widgets.wrapping_tree import WrappingDelegate, WrappingTreeView

__all__ = [
    "COUNT_COLUMN", "ENTRY_ID_ROLE", "LAST_COLUMN", "NAME_COLUMN", "WINDOW_3_MONTHS",
    "CoverageView", "bar_colours", "contrast_ratio",
]

#: The entry id of a row in the side list.
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole.value + 4

WINDOW_ALL, WINDOW_3_MONTHS, WINDOW_CUSTOM = 0, 1, 2
_PICK_HINT = "Select a competence to see the entries that show it."


class RoomyWrappingDelegate(WrappingDelegate):
    """Wrap long statements, with some air between rows so each one reads as a whole."""

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Return the wrapped height plus a little padding."""
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 8)


class CoverageView(QWidget):
    """The framework tree with coverage, a window selector and the entries behind a competence.

    Call ``refresh()`` after entries change.

    Signals:
        entry_open_requested(int): The user double-clicked (or pressed Enter on) an entry in
            the side list; the argument is the entry id.
        competence_selected(str): The user selected a competence in the tree.
    """

    entry_open_requested = Signal(int)
    competence_selected = Signal(str)

    def __init__(self, store: JournalReading, framework: Framework, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        """Build the view and show all-time coverage.

        Args:
            store: The open journal to read.
            framework: The framework to show.
            parent: The parent widget.
            today: The reference date for "last 3 months" (today when None).
        """
        super().__init__(parent)
        self._store: JournalReading | None = store
        self._framework = framework
        self._today = today or dt.date.today()
        self._coverage: Coverage | None = None
        self._selected_competence: str | None = None
        self.window_combo = QComboBox()
        self.from_edit = date_edit(self._today.replace(day=1))
        self.to_edit = date_edit(self._today)
        self._range_to = QLabel("to")
        self.summary_label = QLabel()
        self.model = CoverageTreeModel(self)
        self.tree = WrappingTreeView()
        self.bar_delegate = CoverageBarDelegate(self.tree)
        self.entries_label = QLabel(_PICK_HINT)
        self.entry_list = QListWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._build()
        self._connect_signals()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.window_combo.addItems(["All time", "Last 3 months", "Custom range"])
        self.window_combo.setAccessibleName("Time window")
        self.summary_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        for widget in (self.window_combo, self.from_edit, self._range_to, self.to_edit):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label, 1)
        self._build_tree()
        self.entries_label.setWordWrap(True)
        self.entry_list.setWordWrap(True)
        self.entry_list.setSpacing(3)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_list.setAccessibleName("Entries for the selected competence")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.entries_label)
        side_layout.addWidget(self.entry_list, 1)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([720, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._set_custom_enabled(False)

    def _build_tree(self) -> None:
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(WrappingTreeView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(RoomyWrappingDelegate(self.tree))
        self.tree.setAccessibleName("Competence coverage")
        self.tree.setItemDelegateForColumn(COUNT_COLUMN, self.bar_delegate)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LAST_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COUNT_COLUMN, 160)

    def _connect_signals(self) -> None:
        self.window_combo.currentIndexChanged.connect(self._window_changed)
        self.from_edit.dateChanged.connect(self._custom_changed)
        self.to_edit.dateChanged.connect(self._custom_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.entry_list.itemActivated.connect(self._entry_activated)

    def _set_custom_enabled(self, enabled: bool) -> None:
        for widget in (self.from_edit, self._range_to, self.to_edit):
            widget.setVisible(enabled)

    # -- state ----------------------------------------------------------------------------

    @property
    def coverage(self) -> Coverage | None:
        """Return the coverage shown now."""
        return self._coverage

    def current_window(self) -> CoverageWindow:
        """Return the window chosen in the selector."""
        choice = self.window_combo.currentIndex()
        if choice == WINDOW_3_MONTHS:
            return CoverageWindow.last_months(3, self._today)
        if choice == WINDOW_CUSTOM:
            start = from_qdate(self.from_edit.date())
            end = from_qdate(self.to_edit.date())
            return CoverageWindow(min(start, end), max(start, end))
        return CoverageWindow.all_time()

    def set_source(self, store: JournalReading, framework: Framework) -> None:
        """Read another open journal (after unlocking) or framework, and refresh."""
        if framework is not self._framework:
            self._coverage = None
        self._store, self._framework = store, framework
        self.refresh()

    def clear(self) -> None:
        """Empty the tree and the side list and forget the journal (when locking)."""
        self._store = None
        self._coverage = None
        self._selected_competence = None
        self.model.clear_rows()
        self.entry_list.clear()
        self.summary_label.clear()
        self.entries_label.setText(_PICK_HINT)

    def refresh(self) -> None:
        """Recompute coverage for the chosen window and rebuild the tree, keeping the selection.

        The tree is rebuilt only when the numbers changed, so a refresh after typing keeps
        what is expanded and where the tree is scrolled.
        """
        if self._store is None:
            return
        window = self.current_window()
        tallies = self._store.link_tallies(window.date_from, window.date_to)
        coverage = build_coverage(self._framework, tallies, window)
        if coverage == self._coverage and self.model.rowCount():
            if self._selected_competence:
                self._show_entries(self._selected_competence)
            return
        self._coverage = coverage
        self.bar_delegate.scale_max = max(
            [1, *(c.count for c in (*coverage.competences, *coverage.organisational))])
        self.model.show_coverage(coverage, self._framework)
        self.tree.expandToDepth(0)
        self.summary_label.setText(
            f"{coverage.evidenced_count} of your {coverage.total} competences evidenced")
        if self._selected_competence:
            self.select_competence(self._selected_competence)

    def _window_changed(self, choice: int) -> None:
        self._set_custom_enabled(choice == WINDOW_CUSTOM)
        self.refresh()

    def _custom_changed(self) -> None:
        if self.window_combo.currentIndex() == WINDOW_CUSTOM:
            self.refresh()

    # -- tree -----------------------------------------------------------------------------

    def competence_index(self, competence_id: str) -> QModelIndex:
        """Return the tree index of a competence's name cell (invalid if not shown)."""
        return self.model.competence_index(competence_id)

    def select_competence(self, competence_id: str) -> None:
        """Select a competence in the tree, which lists its entries."""
        index = self.competence_index(competence_id)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)
            self._show_entries(competence_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.data(NODE_KIND_ROLE) != "competence":
            return
        competence_id = str(current.data(TARGET_ID_ROLE))
        self._show_entries(competence_id)
        self.competence_selected.emit(competence_id)

    # -- side list ------------------------------------------------------------------------

    def _show_entries(self, competence_id: str) -> None:
        if self._store is None:
            return
        self._selected_competence = competence_id
        window = self.current_window()
        rows = self._store.list(EntryQuery(competence=competence_id, date_from=window.date_from,
                                           date_to=window.date_to, limit=None))
        competence = self._framework.find_competence(competence_id)
        name = competence.statement if competence else competence_id
        self.entry_list.clear()
        if rows:
            self.entries_label.setText(f"{len(rows)} {'entry' if len(rows) == 1 else 'entries'} "
                                       f"showing: {name}")
        else:
            self.entries_label.setText(f"No entries yet for: {name}")
        for row in rows:
            item = QListWidgetItem(f"{row.occurred_on.strftime('%d %b %Y')}\n"
                                   f"{row.title or 'Untitled'}")
            item.setData(ENTRY_ID_ROLE, row.id)
            item.setToolTip("Double-click or press Enter to open")
            self.entry_list.addItem(item)

    def _entry_activated(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ENTRY_ID_ROLE)
        if entry_id is not None:
            self.entry_open_requested.emit(int(entry_id))
