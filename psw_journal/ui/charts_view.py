"""Charts of the journal: entries per principle, principles month by month, stress check-ins.

The charts follow the application palette (a dark chart theme when the window is dark).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QWidget

from psw_journal.core.framework import Framework
from psw_journal.services.journal import JournalReading
from psw_journal.ui.dates import to_qdate

#: At most this many months are shown in the timeline (the most recent ones).
MAX_MONTHS = 18

# Eight colours that stay distinguishable on light and dark backgrounds (Okabe-Ito based).
PRINCIPLE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                     "#8C8C3C", "#7F6FBF")


def is_dark(palette: QPalette) -> bool:
    """Tell whether a palette has a dark window background."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ChartsView(QWidget):
    """Three charts: entries per principle, principles per month, stress over time.

    Call ``refresh()`` after entries change. Emits nothing: the charts are for looking.
    """

    def __init__(self, store: JournalReading, framework: Framework,
                 parent: QWidget | None = None) -> None:
        """Build the charts from the journal.

        Args:
            store: The open JournalStore to read.
            framework: The framework (for principle names and order).
            parent: The parent widget.
        """
        super().__init__(parent)
        self._store: JournalReading | None = store
        self._framework = framework
        self.principles_view = self._chart_view("Entries per principle")
        self.timeline_view = self._chart_view("Principles month by month")
        self.stress_view = self._chart_view("Stress check-ins (1 calm – 5 very stressed)")
        layout = QGridLayout(self)
        layout.addWidget(self.principles_view, 0, 0)
        layout.addWidget(self.stress_view, 0, 1)
        layout.addWidget(self.timeline_view, 1, 0, 1, 2)
        layout.setRowStretch(0, 1)
        layout.setRowStretch(1, 1)
        self.refresh()

    def _chart_view(self, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(320, 240)
        view.setAccessibleName(title)
        return view

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Follow a switch between light and dark while the charts are on show."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for view in (self.principles_view, self.timeline_view, self.stress_view):
                self._style(view.chart())

    def set_source(self, store: JournalReading, framework: Framework) -> None:
        """Read another open journal (after unlocking) or framework, and redraw."""
        self._store, self._framework = store, framework
        self.refresh()

    def clear(self) -> None:
        """Empty every chart and forget the journal (when locking)."""
        self._store = None
        for view in (self.principles_view, self.timeline_view, self.stress_view):
            _clear(view.chart())

    def refresh(self) -> None:
        """Re-read the journal and redraw every chart (nothing while cleared)."""
        store = self._store
        if store is None:
            return
        self._fill_principles(self.principles_view.chart(), store)
        self._fill_timeline(self.timeline_view.chart(), store)
        self._fill_stress(self.stress_view.chart(), store)
        for view in (self.principles_view, self.timeline_view, self.stress_view):
            self._style(view.chart())

    # -- charts ---------------------------------------------------------------------------

    def _fill_principles(self, chart: QChart, store: JournalReading) -> None:
        _clear(chart)
        counts = {t.target_id: t.count for t in store.link_tallies()
                  if t.kind == "principle"}
        principles = list(reversed(self._framework.principles))  # first principle on top
        bars = QBarSet("Entries")
        bars.append([counts.get(p.id, 0) for p in principles])
        bars.setColor(QColor(PRINCIPLE_COLOURS[0]))
        bars.setLabelColor(self.palette().color(QPalette.ColorRole.Text))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([p.name for p in principles])
        values = _count_axis(max(counts.values(), default=0), headroom=True)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        chart.legend().hide()

    def _fill_timeline(self, chart: QChart, store: JournalReading) -> None:
        _clear(chart)
        rows = store.principle_months()
        months = _month_range([month for _, month, _ in rows])[-MAX_MONTHS:]
        counts = {(pid, month): n for pid, month, n in rows}
        series = QStackedBarSeries()
        highest = 0
        for colour, principle in zip(PRINCIPLE_COLOURS, self._framework.principles, strict=False):
            bars = QBarSet(principle.name)
            bars.append([counts.get((principle.id, m), 0) for m in months])
            bars.setColor(QColor(colour))
            bars.setBorderColor(QColor(colour))
            series.append(bars)
        ids = [p.id for p in self._framework.principles]
        for m in months:
            highest = max(highest, sum(counts.get((pid, m), 0) for pid in ids))
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([_month_label(m) for m in months] or ["No entries yet"])
        values = _count_axis(highest)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        series.attachAxis(values)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

    def _fill_stress(self, chart: QChart, store: JournalReading) -> None:
        _clear(chart)
        points = store.stress_points()
        line, dots = QLineSeries(), QScatterSeries()
        line.setName("Stress")
        dots.setMarkerSize(8)
        colour = QColor(PRINCIPLE_COLOURS[5])
        line.setColor(colour)
        dots.setColor(colour)
        dots.setBorderColor(colour)
        # One call with every point: PySide6 6.12 on Python 3.11 loses a reference to None on
        # each call of a method returning void, so a call per point crashes a big journal.
        xy = [QPointF(_msecs(day) + 12 * 3_600_000, stress) for day, stress in points]
        line.append(xy)
        dots.append(xy)
        chart.addSeries(line)
        chart.addSeries(dots)
        first, last = (points[0][0], points[-1][0]) if points else (dt.date.today(),) * 2
        if last - first < dt.timedelta(days=30):
            first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
        time_axis = QCategoryAxis()
        time_axis.setRange(_msecs(first), _msecs(last))
        time_axis.setStartValue(_msecs(first) - 1)  # a label may sit on the first day
        time_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for day, label in month_ticks(first, last):
            time_axis.append(label, _msecs(day))
        values = QValueAxis()
        values.setRange(0.5, 5.5)
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(1)
        values.setTickInterval(1)
        values.setLabelFormat("%d")
        chart.addAxis(time_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots):
            series.attachAxis(time_axis)
            series.attachAxis(values)
        chart.legend().hide()

    def _style(self, chart: QChart) -> None:
        """Match the chart to the palette, so it reads in light and dark themes."""
        palette = self.palette()
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark(palette)
                       else QChart.ChartTheme.ChartThemeLight)
        text = palette.color(QPalette.ColorRole.WindowText)
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        chart.setMargins(QMargins(6, 6, 6, 6))
        grid = QColor(text)
        grid.setAlpha(40)
        for axis in chart.axes():
            axis.setLabelsColor(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        # setTheme resets series colours: apply ours again.
        for series in chart.series():
            if isinstance(series, QStackedBarSeries):
                for colour, bars in zip(PRINCIPLE_COLOURS, series.barSets(), strict=False):
                    bars.setColor(QColor(colour))
                    bars.setBorderColor(QColor(colour))
            elif isinstance(series, QHorizontalBarSeries):
                for bars in series.barSets():
                    bars.setColor(QColor(PRINCIPLE_COLOURS[0]))
                    bars.setLabelColor(text)
            elif isinstance(series, (QLineSeries, QScatterSeries)):
                series.setColor(QColor(PRINCIPLE_COLOURS[5]))
                if isinstance(series, QScatterSeries):
                    series.setBorderColor(QColor(PRINCIPLE_COLOURS[5]))


def _count_axis(highest: int, *, headroom: bool = False) -> QValueAxis:
    """Return an axis for whole counts: integer ticks at a readable interval."""
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10**9) if highest / s <= 8)
    top = max(step, -(-highest // step) * step)
    if headroom and top - highest < step / 2:
        top += step  # room for the value labels at the end of the bars
    axis = QValueAxis()
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    return axis


def _msecs(day: dt.date) -> float:
    return float(QDateTime(to_qdate(day), QTime(0, 0)).toMSecsSinceEpoch())


def month_ticks(first: dt.date, last: dt.date, most: int = 6) -> list[tuple[dt.date, str]]:
    """Return the first days of months between two dates to label a time axis, at most ``most``.

    Labels read "Nov 2026", each once; a long range labels every second, third... month.
    A range inside one month is labelled with that month at its start.
    """
    starts = []
    year, month = first.year, first.month
    while dt.date(year, month, 1) <= last:
        if dt.date(year, month, 1) >= first:
            starts.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not starts:
        return [(first, first.strftime("%b %Y"))]
    step = -(-len(starts) // most)
    return [(day, day.strftime("%b %Y")) for day in starts[::step]]


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _month_range(months: list[str]) -> list[str]:
    """Return every "YYYY-MM" from the first to the last given, gaps included."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _month_label(month: str) -> str:
    """Return "Nov 2026": a two-digit year ("Nov 26") reads as the 26th of November."""
    return dt.date(int(month[:4]), int(month[5:7]), 1).strftime("%b %Y")
