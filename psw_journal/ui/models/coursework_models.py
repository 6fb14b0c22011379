"""List models of the coursework window: the pieces, a piece's sections, a section's examples."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from psw_journal.core.coursework import Coursework, Example, SectionProgress
from psw_journal.ui.dates import medium_date
from psw_journal.ui.plurals import counted

PIECE_ID_ROLE = Qt.ItemDataRole.UserRole.value + 1
SECTION_KEY_ROLE = Qt.ItemDataRole.UserRole.value + 2
PROBLEM_ROLE = Qt.ItemDataRole.UserRole.value + 3
EXAMPLE_ROLE = Qt.ItemDataRole.UserRole.value + 4
AnyIndex = QModelIndex | QPersistentModelIndex


def words_against(words: int, target: int | None, context: str = "Coursework") -> str:
    """Return "120 of 500 words", or "120 words" without a target."""
    if target:
        locale = QLocale()
        return QApplication.translate(context, "{0} of {1} words").format(
            locale.toString(words), locale.toString(target))
    return counted(context, "{0} word", "{0} words", words)


class PieceListModel(QAbstractListModel):
    """The coursework pieces (or those in the trash), most recently changed first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pieces: list[Coursework] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of pieces."""
        return 0 if parent.isValid() else len(self._pieces)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return a piece's title and progress, or its id."""
        if not index.isValid() or not 0 <= index.row() < len(self._pieces):
            return None
        piece = self._pieces[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{piece.title}\n{words_against(piece.words, piece.target_words)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{piece.title}, {words_against(piece.words, piece.target_words)}"
        if role == Qt.ItemDataRole.ToolTipRole and piece.due is not None:
            return self.tr("Due {0}").format(medium_date(piece.due))
        if role == PIECE_ID_ROLE:
            return piece.id
        return None

    def set_pieces(self, pieces: Sequence[Coursework]) -> None:
        """Show these pieces."""
        self.beginResetModel()
        self._pieces = list(pieces)
        self.endResetModel()

    def row_of(self, piece_id: int | None) -> int:
        """Return the row of a piece, or -1."""
        return next((i for i, p in enumerate(self._pieces) if p.id == piece_id), -1)

    def update_piece(self, piece: Coursework) -> bool:
        """Show a saved piece's new title and words in place; False if it is not listed."""
        row = self.row_of(piece.id)
        if row < 0:
            return False
        self._pieces[row] = piece
        self.dataChanged.emit(self.index(row), self.index(row))
        return True


@dataclass(frozen=True, slots=True)
class SectionRow:
    """A section in the outline: its progress, with the words as typed so far."""

    progress: SectionProgress

    @property
    def is_done(self) -> bool:
        """Tell whether the section has its words, an example and everything evidenced."""
        p = self.progress
        enough = p.words >= p.target_words if p.target_words else p.words > 0
        return enough and p.examples > 0 and not p.missing


class SectionListModel(QAbstractListModel):
    """A piece's sections in order, each with its words against the target and its examples."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SectionRow] = []
        self._tick = QIcon()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of sections."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return a section's heading and progress, or its key."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        p = row.progress
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{p.heading}\n{self._summary(p)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            done = self.tr(", done") if row.is_done else ""
            return f"{p.heading}: {self._summary(p)}{done}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._done_icon() if row.is_done else None
        if role == SECTION_KEY_ROLE:
            return p.key
        return None

    def _summary(self, p: SectionProgress) -> str:
        examples = counted("Coursework", "{0} example", "{0} examples", p.examples)
        return f"{words_against(p.words, p.target_words)} · {examples}"

    def _done_icon(self) -> QIcon:
        if self._tick.isNull():
            self._tick = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_DialogApplyButton)
        return self._tick

    def set_rows(self, rows: Sequence[SectionProgress]) -> None:
        """Show these sections."""
        self.beginResetModel()
        self._rows = [SectionRow(p) for p in rows]
        self.endResetModel()

    def update_row(self, progress: SectionProgress) -> None:
        """Show one section's new progress (words typed, examples added) in place."""
        for i, row in enumerate(self._rows):
            if row.progress.key == progress.key:
                if row.progress != progress:
                    self._rows[i] = SectionRow(progress)
                    self.dataChanged.emit(self.index(i), self.index(i))
                return

    def row_of(self, key: str | None) -> int:
        """Return the row of a section, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.progress.key == key), -1)


class ExampleListModel(QAbstractListModel):
    """A section's examples in order: date and entry title, the quote, and any problem."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Example, str | None]] = []
        self._warning = QIcon()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of examples."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return an example's text, its problem, or the example itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        example, problem = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [self._source(example), f"“{example.quote}”"]
            if problem:
                lines.append(f"⚠ {problem}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " ".join(filter(None, (self._source(example), example.quote, problem)))
        if role == Qt.ItemDataRole.DecorationRole and problem:
            return self._warning_icon()
        if role == PROBLEM_ROLE:
            return problem
        if role == EXAMPLE_ROLE:
            return example
        return None

    def _source(self, example: Example) -> str:
        date = medium_date(example.entry_date) if example.entry_date else ""
        title = example.entry_title or self.tr("Untitled entry")
        return f"{date} · {title}" if date else title

    def _warning_icon(self) -> QIcon:
        if self._warning.isNull():
            self._warning = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning

    def set_examples(self, rows: Sequence[tuple[Example, str | None]]) -> None:
        """Show these examples, each with its problem (None when its passage still stands)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def examples(self) -> tuple[Example, ...]:
        """Return the examples in their current order."""
        return tuple(example for example, _ in self._rows)

    def remove(self, row: int) -> None:
        """Remove one example."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> bool:
        """Move an example up (-1) or down (+1); False at either end."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        # Qt's destination is the row before which the moved row lands, in the old numbering.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return True
