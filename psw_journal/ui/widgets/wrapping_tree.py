"""A tree view whose long item texts wrap onto more lines instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget


class WrappingDelegate(QStyledItemDelegate):
    """Measure wrapped text at the width the tree really gives it.

    QTreeView asks for a row's height with the whole column width, but paints the text after
    the indentation of its depth, so wrapped rows came out a line short and were elided.
    """

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Return the height the text needs when wrapped at its painted width."""
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        opt = QStyleOptionViewItem(option)
        width = self._tree.columnWidth(index.column()) or self._tree.viewport().width()
        # The style wraps only within a valid rectangle: give it a height too.
        opt.rect = QRect(0, 0, max(80, width - self._tree.indentation() * depth), 1)
        return super().sizeHint(opt, index)


class WrappingTreeView(QTreeView):
    """A QTreeView with word wrap that lays its rows out again when its width changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(WrappingDelegate(self))
        self._laid_out_width = -1

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Measure the rows again when the width changed (heights depend on it)."""
        super().resizeEvent(event)
        if event.size().width() != self._laid_out_width:
            self._laid_out_width = event.size().width()
            self.scheduleDelayedItemsLayout()
