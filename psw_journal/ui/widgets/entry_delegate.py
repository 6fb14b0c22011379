"""Paints one entry in the list: date, title, tags and the highlighted search snippet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from psw_journal.core.entry import EntrySummary
from psw_journal.ui.dates import medium_date
from psw_journal.ui.models.entry_list_model import SNIPPET_HTML_ROLE, SUMMARY_ROLE

_PAD = 8


class EntryDelegate(QStyledItemDelegate):
    """Draw an entry summary over two or three lines, using only the palette's colours."""

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Return room for the date line, the title and tags, and a snippet if any."""
        line = QFontMetrics(option.font).lineSpacing()
        lines = 3 if index.data(SNIPPET_HTML_ROLE) else 2
        return QSize(200, lines * (line + 2) + 2 * _PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paint the background, then the text lines."""
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, EntrySummary):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        base_font = QFont(opt.font)
        line = QFontMetrics(base_font).lineSpacing() + 2
        painter.save()
        small = QFont(base_font)
        small.setPointSizeF(max(7.0, base_font.pointSizeF() * 0.9))
        muted = palette.color(text_role)
        muted.setAlphaF(0.7)
        painter.setFont(small)
        painter.setPen(muted)
        date_text = medium_date(summary.occurred_on)
        if summary.tags:
            date_text += "   ·   " + ", ".join(summary.tags)
        self._draw_line(painter, QRect(rect.x(), rect.y(), rect.width(), line), date_text)
        bold = QFont(base_font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        self._draw_line(painter, QRect(rect.x(), rect.y() + line, rect.width(), line),
                        summary.title or QCoreApplication.translate("EntryDelegate", "Untitled"))
        snippet = index.data(SNIPPET_HTML_ROLE)
        if snippet:
            self._draw_snippet(painter, QRect(rect.x(), rect.y() + 2 * line, rect.width(), line),
                               snippet, small, palette.color(text_role).name())
        painter.restore()

    @staticmethod
    def _draw_line(painter: QPainter, rect: QRect, text: str) -> None:
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

    @staticmethod
    def _draw_snippet(painter: QPainter, rect: QRect, html: str, font: QFont, color: str) -> None:
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"body {{ color: {color}; }}")
        doc.setHtml(f"<body style='white-space: nowrap'>{html}</body>")
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        doc.drawContents(painter)
        painter.restore()
