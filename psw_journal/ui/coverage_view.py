"""The coverage view: the framework as a tree with how often each competence is evidenced.

Each competence shows its number of entries as a bar in the palette's highlight colour, moved
towards the text colour until it stands out from the background (so it reads in light and dark
themes), and the day it was last written about; areas and domains roll up ("3 of 7
evidenced"). Long competence statements wrap onto more lines rather than being cut off.
Selecting a competence lists the entries that evidence it, under its full statement.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coverage import Coverage, CoverageWindow, build_coverage
from psw_journal.core.framework import Domain, Framework
from psw_journal.core.queries import EntryQuery
from psw_journal.services.journal import JournalReading
from psw_journal.ui.widgets.wrapping_tree import WrappingDelegate, WrappingTreeView

#: The target id ("crs_build_trust_rapport") of a tree row; empty for areas and domains.
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole.value + 1
#: What a row is: "domain", "area", "competence", "unknown".
NODE_KIND_ROLE = Qt.ItemDataRole.UserRole.value + 2
#: The entry count (competences) or the share evidenced 0-1 (areas, domains), for the bar.
BAR_ROLE = Qt.ItemDataRole.UserRole.value + 3
#: The entry id of a row in the side list.
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole.value + 4

NAME_COLUMN, COUNT_COLUMN, LAST_COLUMN = 0, 1, 2
_COUNT_WIDTH = 30  # pixels kept for the count before its bar
WINDOW_ALL, WINDOW_3_MONTHS, WINDOW_CUSTOM = 0, 1, 2
EMPLOYER_HEADING = "Your employer's competences"
EMPLOYER_TIP = ("What the organisation you work for should do to support peer support workers. "
                "They are shown for reference and are not counted in your total.")
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
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in
                             zip(first.getRgbF()[:3], second.getRgbF()[:3], strict=True)))


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


class RoomyWrappingDelegate(WrappingDelegate):
    """Wrap long statements, with some air between rows so each one reads as a whole."""

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Return the wrapped height plus a little padding."""
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 8)


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
            # Areas and domains: the share evidenced as a thin track under the text.
            bottom = QRect(rect.left() + 8, rect.bottom() - 3, rect.width() - 16, 4)
            painter.fillRect(bottom, track)
            painter.fillRect(bottom.adjusted(0, 0, int(bottom.width() * value) - bottom.width(),
                                             0), bar)
            text_rect = rect.adjusted(8, 0, -8, -5)
        else:
            # Competences: the count, then a bar scaled to the largest count.
            text_rect = rect.adjusted(8, 0, -8, 0)
            if isinstance(value, int) and value > 0:
                left = rect.left() + 8 + _COUNT_WIDTH
                room = rect.right() - 8 - left
                width = max(3, int(room * min(1.0, value / self.scale_max)))
                painter.fillRect(QRect(left, rect.top() + 5, width, rect.height() - 10), bar)
        painter.setPen(palette.color(role))
        painter.drawText(text_rect,
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()


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
            store: The open JournalStore to read.
            framework: The framework to show.
            parent: The parent widget.
            today: The reference date for "last 3 months" (today when None).
        """
        super().__init__(parent)
        self._store: JournalReading = store
        self._framework = framework
        self._today = today or dt.date.today()
        self._coverage: Coverage | None = None
        self._selected_competence: str | None = None
        self._build()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.window_combo = QComboBox()
        self.window_combo.addItems(["All time", "Last 3 months", "Custom range"])
        self.window_combo.setAccessibleName("Time window")
        self.from_edit = self._date_edit(self._today.replace(day=1))
        self.to_edit = self._date_edit(self._today)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        bar.addWidget(self.window_combo)
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel("to"))
        bar.addWidget(self.to_edit)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label, 1)

        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Competence", "Entries", "Last written"])
        self.tree = WrappingTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(WrappingTreeView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(RoomyWrappingDelegate(self.tree))
        self.tree.setAccessibleName("Competence coverage")
        self.bar_delegate = CoverageBarDelegate(self.tree)
        self.tree.setItemDelegateForColumn(COUNT_COLUMN, self.bar_delegate)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LAST_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COUNT_COLUMN, 160)

        self.entries_label = QLabel("Select a competence to see the entries that show it.")
        self.entries_label.setWordWrap(True)
        self.entry_list = QListWidget()
        self.entry_list.setWordWrap(True)
        self.entry_list.setSpacing(3)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_list.setAccessibleName("Entries for the selected competence")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.entries_label)
        side_layout.addWidget(self.entry_list, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([720, 340])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._set_custom_enabled(False)
        self.window_combo.currentIndexChanged.connect(self._window_changed)
        self.from_edit.dateChanged.connect(self._custom_changed)
        self.to_edit.dateChanged.connect(self._custom_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.entry_list.itemActivated.connect(self._entry_activated)

    @staticmethod
    def _date_edit(day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _set_custom_enabled(self, enabled: bool) -> None:
        self.from_edit.setVisible(enabled)
        self.to_edit.setVisible(enabled)
        for label in self.findChildren(QLabel):
            if label.text() == "to":
                label.setVisible(enabled)

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
            start = _to_date(self.from_edit.date())
            end = _to_date(self.to_edit.date())
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
        self.model.removeRows(0, self.model.rowCount())
        self.entry_list.clear()
        self.summary_label.clear()
        self.entries_label.setText("Select a competence to see the entries that show it.")

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
        self._fill_tree(self._coverage)
        self.summary_label.setText(
            f"{self._coverage.evidenced_count} of your {self._coverage.total} competences "
            "evidenced"
        )
        if self._selected_competence:
            self.select_competence(self._selected_competence)

    def _window_changed(self, choice: int) -> None:
        self._set_custom_enabled(choice == WINDOW_CUSTOM)
        self.refresh()

    def _custom_changed(self) -> None:
        if self.window_combo.currentIndex() == WINDOW_CUSTOM:
            self.refresh()

    # -- tree -----------------------------------------------------------------------------

    def _fill_tree(self, coverage: Coverage) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.bar_delegate.scale_max = max(
            [1, *(c.count for c in (*coverage.competences, *coverage.organisational))])
        root = self.model.invisibleRootItem()
        employer = [d for d in self._framework.domains if d.is_organisational]
        for domain in self._framework.domains:
            if not domain.is_organisational:
                self._fill_domain(coverage, domain, root)
        if employer:
            # The employer's competences: shown, but apart and outside the worker's total.
            header = self._row(EMPLOYER_HEADING, "not in your total", "", "employer", "", None)
            header[0].setToolTip(EMPLOYER_TIP)
            root.appendRow(header)
            for domain in employer:
                self._fill_domain(coverage, domain, header[0])
        if coverage.unknown:
            unknown_row = self._row("Not in this framework", f"{len(coverage.unknown)} ids", "",
                                    "unknown", "", None)
            for target in coverage.unknown:
                unknown_row[0].appendRow(self._row(
                    f"{target.kind}: {target.target_id}", str(target.count),
                    _day(target.last_date), "unknown", target.target_id, target.count))
            root.appendRow(unknown_row)
        self.tree.expandToDepth(0)

    def _fill_domain(self, coverage: Coverage, domain: Domain, parent: QStandardItem) -> None:
        roll = coverage.group(domain.id)
        domain_row = self._row(domain.name, roll.describe() if roll.total else "none listed",
                               "", "domain", domain.id,
                               roll.share_evidenced if roll.total else None)
        parent.appendRow(domain_row)
        for area in domain.areas:
            area_roll = coverage.group(area.id)
            area_row = self._row(area.name,
                                 area_roll.describe() if area_roll.total else "none listed",
                                 "", "area", area.id,
                                 area_roll.share_evidenced if area_roll.total else None)
            domain_row[0].appendRow(area_row)
            for comp in area.competences:
                row = coverage.competence(comp.id)
                item = self._row(comp.statement, str(row.count), _day(row.last_date),
                                 "competence", comp.id, row.count)
                item[0].setToolTip(comp.statement)
                area_row[0].appendRow(item)

    @staticmethod
    def _row(name: str, count: str, last: str, kind: str, target_id: str,
             bar: float | int | None) -> list[QStandardItem]:
        items = [QStandardItem(name), QStandardItem(count), QStandardItem(last)]
        for item in items:
            item.setEditable(False)
            item.setData(kind, NODE_KIND_ROLE)
            item.setData(target_id, TARGET_ID_ROLE)
        items[COUNT_COLUMN].setData(bar, BAR_ROLE)
        if kind in ("domain", "area"):
            font = items[0].font()
            font.setBold(kind == "domain")
            items[0].setFont(font)
        return items

    def competence_index(self, competence_id: str) -> QModelIndex:
        """Return the tree index of a competence's name cell (invalid if not shown)."""
        matches = self.model.match(self.model.index(0, 0), TARGET_ID_ROLE, competence_id, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return matches[0] if matches else QModelIndex()

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


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _day(value: dt.date | None) -> str:
    return value.strftime("%d %b %Y") if value else "—"
