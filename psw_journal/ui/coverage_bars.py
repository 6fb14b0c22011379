"""How the coverage tree draws a count: a bar in the palette's highlight colour.

The bar's colour is moved towards the text colour until it stands out from both row
backgrounds, so it reads in light and dark themes; areas and domains show the share of their
competences evidenced as a thin track under the text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from psw_journal.ui.models.coverage_tree_model import BAR_ROLE

_COUNT_WIDTH = 30  # pixels kept for the count before its bar
#: WCAG 2.1 (1.4.11) asks 3:1 for meaningful graphics; tired eyes after a shift get text's 4.5:1.
_MIN_BAR_CONTRAST = 4.5


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Return the WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(first: QColor, second: QColor, share: float) -> QColor:
    """Return ``first`` moved ``share`` (0-1) of the way towards ``second``."""
    start = (first.redF(), first.greenF(), first.blueF())
    end = (second.redF(), second.greenF(), second.blueF())
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in zip(start, end, strict=True)))


def bar_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Return the colours of a count bar and of an empty roll-up track, from the palette.

    The bar is the highlight colour, made lighter on a dark base (darker on a light one) until
    it stands out from both row backgrounds; shading keeps its hue where blending with the
    text colour turned it grey. The track is a faint mix of text into the base.
    """
    role = QPalette.ColorRole
    text, highlight = palette.color(role.Text), palette.color(role.Highlight)
    base = palette.color(role.Base)
    backgrounds = (base, palette.color(role.AlternateBase))
    is_dark = _luminance(base) < _luminance(text)
    bar = text
    for percent in range(100, 260, 5):
        candidate = highlight.lighter(percent) if is_dark else highlight.darker(percent)
        if min(contrast_ratio(candidate, back) for back in backgrounds) >= _MIN_BAR_CONTRAST:
            bar = candidate
            break
    return bar, blend(base, text, 0.22)


class CoverageBarDelegate(QStyledItemDelegate):
    """Draw a count with a bar behind it, in the palette's highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale_max = 1

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Leave room under the text for the roll-up track."""
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Paint the selection background, the bar, then the text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        value = index.data(BAR_ROLE)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        palette: QPalette = opt.palette
        # Rows grow when their competence wraps: keep the count on one line-high band.
        line = opt.fontMetrics.height()
        rect = QRect(opt.rect.left(), opt.rect.center().y() - line // 2 - 4,
                     opt.rect.width(), line + 8)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        bar, track = bar_colours(palette)
        if selected:
            bar = palette.color(role)
            track = blend(palette.color(QPalette.ColorRole.Highlight), bar, 0.35)
        if isinstance(value, float):
            text_rect = self._paint_share(painter, rect, value, bar, track)
        else:
            text_rect = self._paint_count(painter, rect, value, bar)
        painter.setPen(palette.color(role))
        painter.drawText(text_rect,
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    @staticmethod
    def _paint_share(painter: QPainter, rect: QRect, share: float, bar: QColor,
                     track: QColor) -> QRect:
        """Areas and domains: the share evidenced as a thin track under the text."""
        bottom = QRect(rect.left() + 8, rect.bottom() - 3, rect.width() - 16, 4)
        painter.fillRect(bottom, track)
        painter.fillRect(bottom.adjusted(0, 0, int(bottom.width() * share) - bottom.width(), 0),
                         bar)
        return rect.adjusted(8, 0, -8, -5)

    def _paint_count(self, painter: QPainter, rect: QRect, count: object, bar: QColor) -> QRect:
        """Competences: the count, then a bar scaled to the largest count."""
        if isinstance(count, int) and count > 0:
            left = rect.left() + 8 + _COUNT_WIDTH
            room = rect.right() - 8 - left
            width = max(3, int(room * min(1.0, count / self.scale_max)))
            painter.fillRect(QRect(left, rect.top() + 5, width, rect.height() - 10), bar)
        return rect.adjusted(8, 0, -8, 0)
