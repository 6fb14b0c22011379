"""A tree view whose long item texts wrap onto more lines instead of being cut off.

It also keeps the keyboard honest: the current item always shows a clear focus frame, and
Space acts only on an item the user can see.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

#: Keys that tick or activate the current item.
_ACTING_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Select})


class WrappingDelegate(QStyledItemDelegate):
    """Measure wrapped text at the width the tree really gives it; frame the focused item.

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

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Paint the item, then a frame round it if it is the focused one."""
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_HasFocus:
            paint_focus_frame(painter, option.rect, option.palette)


def paint_focus_frame(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """Draw a two-pixel frame in the highlight colour: visible in light and dark themes."""
    painter.save()
    pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(1, 1, -1, -1))
    painter.restore()


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

    def is_current_visible(self) -> bool:
        """Tell whether the current item is on screen (not scrolled away or collapsed)."""
        current = self.currentIndex()
        return current.isValid() and self.visualRect(current).intersects(
            self.viewport().rect())

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Arriving with the keyboard, make the first item in view current if the old is not."""
        super().focusInEvent(event)
        if not self.is_current_visible():
            first = self.indexAt(QPoint(4, 4))
            if first.isValid():
                self.setCurrentIndex(first)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Space on an item out of view only brings it into view: it never ticks it unseen."""
        if Qt.Key(event.key()) in _ACTING_KEYS and not self.is_current_visible():
            if self.currentIndex().isValid():
                self.scrollTo(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
