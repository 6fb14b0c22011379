"""A lazy list of entry summaries: pages of 200 are fetched as the view scrolls."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from psw_journal.core.entry import Entry, EntrySummary
from psw_journal.core.queries import EntryQuery
from psw_journal.ui.dates import long_date
from psw_journal.ui.journal_bridge import MARK_CLOSE, MARK_OPEN

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole.value + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole.value + 2
SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole.value + 3
PAGE_SIZE = 200

Fetcher = Callable[[EntryQuery], list[EntrySummary]]
AnyIndex = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    """Escape a search snippet's user text, then turn the match marks into bold."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")


class EntryListModel(QAbstractListModel):
    """Entry summaries for one query, fetched a page at a time through ``fetcher``."""

    def __init__(self, fetcher: Fetcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetcher
        self._query = EntryQuery(limit=PAGE_SIZE)
        self._rows: list[EntrySummary] = []
        self._has_more = False
        #: True while the reset is announced: a view (or Qt's model tester) asking for more
        #: then would insert rows inside the reset; it asks again once the reset is over.
        self._resetting = False

    # -- Qt overrides -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of loaded rows."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return a row's title, id, summary or snippet HTML."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title or self.tr("Untitled")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{long_date(summary.occurred_on)}: {summary.title or self.tr('Untitled')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(summary.tags) or None
        if role == ENTRY_ID_ROLE:
            return summary.id
        if role == SUMMARY_ROLE:
            return summary
        if role == SNIPPET_HTML_ROLE:
            return snippet_html(summary.snippet)
        return None

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802
        """Name the custom roles."""
        names = dict(super().roleNames())
        names.update({ENTRY_ID_ROLE: QByteArray(b"entryId"),
                      SUMMARY_ROLE: QByteArray(b"summary"),
                      SNIPPET_HTML_ROLE: QByteArray(b"snippetHtml")})
        return names

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        """Tell the view whether another page is waiting."""
        return not parent.isValid() and self._has_more and not self._resetting

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        """Load the next page."""
        if not self.canFetchMore(parent):
            return
        page = self._fetch(dataclasses.replace(self._query, offset=len(self._rows)))
        self._has_more = len(page) == PAGE_SIZE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # -- our API ------------------------------------------------------------------------------

    def set_query(self, query: EntryQuery) -> None:
        """Show the entries matching ``query``, starting again from its first page.

        The first page is read before the reset ends, so a view that reacts to the reset
        finds the rows there rather than fetching while the model changes.
        """
        query = dataclasses.replace(query, limit=PAGE_SIZE, offset=0)
        page = self._fetch(query)
        self.beginResetModel()
        self._query = query
        self._rows = list(page)
        self._has_more = len(page) == PAGE_SIZE
        self._end_reset()

    def reload(self) -> None:
        """Fetch the current query again."""
        self.set_query(self._query)

    def clear(self) -> None:
        """Forget every row (used when the journal locks)."""
        self.beginResetModel()
        self._rows = []
        self._has_more = False
        self._end_reset()

    def _end_reset(self) -> None:
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False

    def row_of(self, entry_id: int) -> int:
        """Return the row showing ``entry_id``, or -1."""
        return next((i for i, s in enumerate(self._rows) if s.id == entry_id), -1)

    def update_entry(self, entry: Entry) -> bool:
        """Refresh a loaded row from a saved entry; return False when it is not loaded."""
        row = self.row_of(entry.id)
        if row < 0:
            return False
        old = self._rows[row]
        self._rows[row] = dataclasses.replace(
            old, title=entry.title, occurred_on=entry.occurred_on, tags=entry.tags,
            updated_at=entry.updated_at, competences=entry.draft.competence_ids(),
            principles=entry.draft.principle_ids(),
        )
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return True
