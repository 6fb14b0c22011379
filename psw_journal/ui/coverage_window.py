"""The coverage window: coverage tree, gap prompts and charts as tabs beside the editor.

A separate, non-modal window, so the editor stays one keystroke (Escape) away and both can sit
side by side. It holds journal content, so the main window empties it on lock.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from psw_journal.core.framework import Framework
from psw_journal.services.journal import JournalEditing
from psw_journal.ui.charts_view import ChartsView
from psw_journal.ui.coverage_view import CoverageView
from psw_journal.ui.prompts_panel import PromptsPanel

#: Saves come about once a second while typing; wait for a quiet moment before recounting.
REFRESH_DELAY_MS = 400
COVERAGE_TAB, PROMPTS_TAB, CHARTS_TAB = 0, 1, 2


class CoverageTab(Protocol):
    """What every tab of the window does: read a journal, and forget it."""

    def set_source(self, store: JournalEditing, framework: Framework) -> None:
        """Read an open journal with a framework, and show it."""

    def clear(self) -> None:
        """Empty the tab and forget the journal."""


class CoverageWindow(QWidget):
    """Tabs for the coverage tree, the prompts and the charts of the open journal.

    The views are built on the first :meth:`show_journal`; :meth:`clear` empties them and
    forgets the journal. After saves call :meth:`schedule_refresh`: only the tab on screen is
    recounted (the charts only while this window is active, as they take about 0.5 s on a
    journal of 10,000 entries); the others are recounted when they are shown.

    Signals:
        entry_open_requested(int): the user chose an entry in the coverage view (its id).
        write_requested(str, str, str): "Write about this" on a prompt: its kind, target id
            and text.
        refreshed(): a view was recounted after :meth:`schedule_refresh` or a tab change.
        coursework_requested(): "Coursework…": the student wants to write up their evidence.
    """

    entry_open_requested = Signal(int)
    write_requested = Signal(str, str, str)
    refreshed = Signal()
    coursework_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Coverage and prompts – PSW Reflective Journal")
        self.setObjectName("coverage-window")
        self.resize(1100, 720)
        self.coverage: CoverageView | None = None
        self.prompts: PromptsPanel | None = None
        self.charts: ChartsView | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._stale: set[int] = set()
        self._store: JournalEditing | None = None
        self._framework: Framework | None = None
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self.coursework_button = QPushButton("Write coursework…")
        self.coursework_button.setToolTip("Open the coursework window (Ctrl+Shift+W)")
        self.tabs.setCornerWidget(self.coursework_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._refresh_due)
        self.coursework_button.clicked.connect(self.coursework_requested)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_due())
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)

    def _build_views(self, store: JournalEditing, framework: Framework) -> None:
        self.coverage = CoverageView(store, framework)
        self.prompts = PromptsPanel(store, framework)
        self.charts = ChartsView(store, framework)
        self.tabs.addTab(self.coverage, "&Coverage")
        self.tabs.addTab(self.prompts, "&Prompts")
        self.tabs.addTab(self.charts, "C&harts")
        self.tabs.setTabToolTip(COVERAGE_TAB, "Which competences your entries show, and when")
        self.tabs.setTabToolTip(PROMPTS_TAB, "Gentle suggestions of what to reflect on next")
        self.tabs.setTabToolTip(CHARTS_TAB, "Principles over time and your stress check-ins")
        self.coverage.entry_open_requested.connect(self.entry_open_requested)
        self.prompts.write_requested.connect(self.write_requested)

    @property
    def views(self) -> tuple[CoverageTab, ...]:
        """Return the views in tab order (empty before the first :meth:`show_journal`)."""
        if self.coverage is None or self.prompts is None or self.charts is None:
            return ()
        return (self.coverage, self.prompts, self.charts)

    def show_journal(self, store: JournalEditing, framework: Framework) -> None:
        """Show an open journal: build the views, or point them at it and recount the tab."""
        self._store, self._framework = store, framework
        if not self.views:
            self._build_views(store, framework)
            return
        self._stale = set(range(len(self.views)))
        self._refresh_due(force=True)

    def set_framework(self, framework: Framework) -> None:
        """Use another framework (after the preferences changed it)."""
        if self._store is not None:
            self.show_journal(self._store, framework)

    def schedule_refresh(self) -> None:
        """Recount soon (entries were saved or changed); restarts on every call."""
        if self.views and self._store is not None:
            self._stale = set(range(len(self.views)))
            self._timer.start()

    def _refresh_due(self, *, force: bool = False) -> None:
        index = self.tabs.currentIndex()
        if self._store is None or self._framework is None or index not in self._stale:
            return
        if not force and (not self.isVisible()
                          or (index == CHARTS_TAB and not self.isActiveWindow())):
            return
        self._stale.discard(index)
        self.views[index].set_source(self._store, self._framework)
        self.refreshed.emit()

    def clear(self) -> None:
        """Empty every view and forget the journal (when locking); hide the window."""
        self._timer.stop()
        self._stale = set()
        self._store = None
        for view in self.views:
            view.clear()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Recount the tab on screen when the window becomes active and it is out of date."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._refresh_due()
