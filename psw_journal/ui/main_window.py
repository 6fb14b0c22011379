"""The main window: arranges the filter bar, entry list, editor and link panel, and wires them.

What its actions do lives in its bases: :mod:`main_commands` (writing, opening, trashing, the
coverage and coursework windows and the dialogs) and :mod:`main_locking` (going back to where
the user was after an unlock, and emptying every window and dialog when the journal locks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.errors import JournalError
from psw_journal.core.templates import TEMPLATES
from psw_journal.ui.actions import ActionSet
from psw_journal.ui.edit_session import EditSession
from psw_journal.ui.help_dialogs import show_about, show_framework_info, show_shortcuts
from psw_journal.ui.icons import icon
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.main_locking import MainWindowLocking, ResumePoint
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE, EntryListModel
from psw_journal.ui.spelling import SpellChecking
from psw_journal.ui.suggestion_feed import SuggestionFeed
from psw_journal.ui.widgets.entry_delegate import EntryDelegate
from psw_journal.ui.widgets.entry_editor import EntryEditor
from psw_journal.ui.widgets.filter_bar import FilterBar
from psw_journal.ui.widgets.link_panel import LinkPanel
from psw_journal.ui.widgets.text_menu import TextContextMenu

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework

    # Built on first use: the coverage window pulls in QtCharts, the dialogs their own parsers.
    from psw_journal.ui.coursework_window import CourseworkWindow
    from psw_journal.ui.coverage_window import CoverageWindow

__all__ = ["MainWindow", "ResumePoint"]


class MainWindow(MainWindowLocking):
    """Lay out the journal's widgets and connect them; the work happens in the parts.

    Signals:
        lock_requested(): the user asked to lock (Ctrl+L).
        preferences_requested(): the user asked for the preferences dialog.
        closing(): the window is closing (content has been saved).
    """

    lock_requested = Signal()
    preferences_requested = Signal()

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PSW Reflective Journal"))
        self.setWindowIcon(icon("app"))
        self.bridge = bridge
        self.framework: Framework | None = None
        #: The tags the tag filter offers, to notice a save that brings a new one.
        self._known_tags: set[str] = set()
        self.filter_bar = FilterBar()
        self.list_model = EntryListModel(bridge.list, self)
        self.entry_list = QListView()
        self.editor = EntryEditor()
        self.link_panel = LinkPanel()
        self.session = EditSession(bridge, self.editor, self.link_panel, self)
        self.suggestions = SuggestionFeed(bridge, self.editor, self.link_panel, self)
        self.demo_banner = QLabel(self.tr(
            "Demo journal: changes are thrown away when you close the app."))
        self._coverage_window: CoverageWindow | None = None
        self._resume: ResumePoint | None = None
        self._coursework_window: CourseworkWindow | None = None
        self.spelling = SpellChecking(bridge, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.actions_by_name = ActionSet(self)
        self.template_menu = QMenu(self.tr("New from &template"), self)
        self._build_actions()
        self._build_layout()
        self._build_menus()
        self._connect_signals()

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        key, add = QKeySequence.StandardKey, self.actions_by_name.add
        add("new", self.tr("&New entry"), "new", key.New)
        add("save", self.tr("&Save now"), "save", key.Save)
        add("find", self.tr("&Find"), "search", key.Find)
        add("undo", self.tr("&Undo"), "", key.Undo)
        add("redo", self.tr("&Redo"), "", key.Redo)
        add("trash", self.tr("Move to &trash"), "trash", "Del")
        add("restore", self.tr("&Restore from trash"), "restore")
        add("history", self.tr("Entry &history…"), "history", "Ctrl+H")
        add("coverage", self.tr("&Coverage and prompts"), "coverage", "Ctrl+Shift+C")
        add("export", self.tr("&Export coursework…"), "export", "Ctrl+E")
        add("coursework", self.tr("C&oursework"), "coursework", "Ctrl+Shift+W")
        add("quote", self.tr("&Use as an example in…"), "", "Ctrl+Shift+E")
        add("import", self.tr("&Import…"), "import", "Ctrl+I")
        add("lock", self.tr("&Lock journal"), "lock", "Ctrl+L")
        add("preferences", self.tr("&Preferences…"), "preferences", key.Preferences)
        self.actions_by_name.ensure_shortcut("preferences", "Ctrl+,")
        add("quit", self.tr("&Quit"), "", key.Quit)
        self.actions_by_name.ensure_shortcut("quit", "Ctrl+Q")
        add("about", self.tr("&About PSW Reflective Journal"))
        add("about_framework", self.tr("About the &framework"))
        add("shortcuts", self.tr("&Keyboard shortcuts"), "", "F1")
        a = self.actions_by_name
        # Delete must not fire while typing in a text field: it is bound to the list only.
        a["trash"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.entry_list.addAction(a["trash"])
        # Short toolbar labels, so every button fits a 1280-pixel-wide window.
        a["coverage"].setIconText(self.tr("Coverage"))
        a["export"].setIconText(self.tr("Export"))
        a["quote"].setEnabled(False)
        a["quote"].setToolTip(self.tr(
            "Quote the selected passage as an example in a coursework section"))
        for template in TEMPLATES:
            action = self.template_menu.addAction(template.name)
            action.setToolTip(template.summary)
            action.triggered.connect(lambda _=False, t=template: self.new_entry(t))

    def _build_layout(self) -> None:
        self.entry_list.setModel(self.list_model)
        self.entry_list.setItemDelegate(EntryDelegate(self.entry_list))
        self.entry_list.setAccessibleName(self.tr("Entries"))
        self.entry_list.setUniformItemSizes(False)
        self.entry_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.entry_list, 1)
        for widget in (left, self.editor, self.link_panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 600, 350])
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        page = QVBoxLayout(central)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        self.demo_banner.setAccessibleName(self.tr("Demo journal"))
        self.demo_banner.setStyleSheet("background: #fdf1cf; color: #3b3000; padding: 8px 12px;"
                                       "font-weight: bold; border-bottom: 1px solid #e0cf9a;")
        self.demo_banner.hide()
        page.addWidget(self.demo_banner)
        page.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.statusBar()

    def _build_menus(self) -> None:
        a = self.actions_by_name
        journal = self.menuBar().addMenu(self.tr("&Journal"))
        journal.addAction(a["new"])
        journal.addMenu(self.template_menu)
        journal.addAction(a["save"])
        journal.addSeparator()
        journal.addActions([a["import"], a["export"]])
        journal.addSeparator()
        journal.addActions([a["lock"], a["preferences"]])
        journal.addSeparator()
        journal.addAction(a["quit"])
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addActions([a["undo"], a["redo"]])
        edit.addSeparator()
        edit.addActions([a["find"], a["history"], a["trash"], a["restore"]])
        edit.addSeparator()
        edit.addAction(a["quote"])
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addActions([a["coverage"], a["coursework"]])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([a["shortcuts"], a["about_framework"], a["about"]])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(a["new"])
        new_button = toolbar.widgetForAction(a["new"])
        if isinstance(new_button, QToolButton):
            new_button.setMenu(self.template_menu)
            new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        toolbar.addActions([a["save"], a["find"], a["history"], a["trash"], a["restore"]])
        toolbar.addSeparator()
        toolbar.addActions([a["coverage"], a["coursework"], a["export"]])
        toolbar.addSeparator()
        toolbar.addActions([a["lock"], a["preferences"]])

    def _connect_signals(self) -> None:
        self._connect_actions()
        self.filter_bar.query_changed.connect(self.refresh_list)
        self.filter_bar.trash.toggled.connect(self._update_trash_actions)
        self.entry_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._show_problem)
        self.session.entry_changed.connect(self.suggestions.set_entry)
        self.session.saved.connect(self.suggestions.on_saved)
        self.session.entry_changed.connect(self._update_trash_actions)
        self.session.entry_changed.connect(self._update_quote_action)
        self.editor.text_edited.connect(self.suggestions.schedule)
        self.editor.body.undoAvailable.connect(self.actions_by_name["undo"].setEnabled)
        self.editor.body.redoAvailable.connect(self.actions_by_name["redo"].setEnabled)
        self.editor.body.copyAvailable.connect(self._update_quote_action)
        self.link_panel.links_changed.connect(self.suggestions.schedule)
        self.link_panel.suggestion_accepted.connect(self.suggestions.accept)
        self.link_panel.suggestion_dismissed.connect(self.suggestions.dismiss)
        self.bridge.entries_changed.connect(self._on_entries_changed)
        self.bridge.entry_saved.connect(lambda _entry_id: self._schedule_coverage_refresh())
        self.bridge.entries_changed.connect(self._schedule_coverage_refresh)
        self._update_trash_actions()
        self.spelling.attach(self.editor.body)
        self.spelling.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        TextContextMenu.of(self.editor.body).add(self._add_quote_to_menu)

    def _connect_actions(self) -> None:
        a = self.actions_by_name
        a["new"].triggered.connect(lambda: self.new_entry(TEMPLATES[0]))
        a["save"].triggered.connect(self.session.save_now)
        a["find"].triggered.connect(self._focus_search)
        a["undo"].triggered.connect(self.editor.body.undo)
        a["redo"].triggered.connect(self.editor.body.redo)
        a["trash"].triggered.connect(self.trash_current)
        a["restore"].triggered.connect(self.restore_current)
        a["history"].triggered.connect(self.show_history)
        a["coverage"].triggered.connect(self.show_coverage)
        a["export"].triggered.connect(self.show_export)
        a["import"].triggered.connect(self.show_import)
        a["coursework"].triggered.connect(self.show_coursework)
        a["quote"].triggered.connect(self.quote_selection)
        a["lock"].triggered.connect(self.lock_requested)
        a["preferences"].triggered.connect(self.preferences_requested)
        a["quit"].triggered.connect(self.close)
        a["about"].triggered.connect(lambda: show_about(self, self.framework))
        a["about_framework"].triggered.connect(lambda: show_framework_info(self, self.framework))
        a["shortcuts"].triggered.connect(lambda: show_shortcuts(self, list(a.values())))

    @property
    def coverage_window(self) -> CoverageWindow:
        """Return the coverage window, building and wiring it on first use."""
        if self._coverage_window is None:
            from psw_journal.ui.coverage_window import CoverageWindow

            window = CoverageWindow(self)
            window.entry_open_requested.connect(self.open_entry)
            window.write_requested.connect(self.write_about)
            window.coursework_requested.connect(self.show_coursework)
            self._coverage_window = window
        return self._coverage_window

    @property
    def coursework_window(self) -> CourseworkWindow:
        """Return the coursework window, building and wiring it on first use."""
        if self._coursework_window is None:
            from psw_journal.ui.coursework_window import CourseworkWindow

            window = CourseworkWindow(self.bridge, self)
            window.entry_open_requested.connect(self.open_entry)
            window.addActions([self.actions_by_name["lock"], self.actions_by_name["quit"]])
            self.spelling.attach(window.section_editor.body)
            if self.framework is not None:
                window.set_framework(self.framework)
            self._coursework_window = window
        return self._coursework_window

    def _schedule_coverage_refresh(self) -> None:
        if self._coverage_window is not None:
            self._coverage_window.schedule_refresh()

    # -- showing ------------------------------------------------------------------------------

    def set_framework(self, framework: Framework) -> None:
        """Use a loaded framework in the filters, link panel and suggestions."""
        self.framework = framework
        self.filter_bar.set_framework(framework)
        self.link_panel.set_framework(framework)
        self.suggestions.set_framework(framework)
        if self._coverage_window is not None:
            self._coverage_window.set_framework(framework)
        if self._coursework_window is not None:
            self._coursework_window.set_framework(framework)

    def set_demo(self, is_demo: bool) -> None:
        """Say clearly, in a banner and the title, whether this is the throwaway demo journal."""
        self.demo_banner.setVisible(is_demo)
        title = self.tr("PSW Reflective Journal")
        self.setWindowTitle(self.tr("{0} (demo)").format(title) if is_demo else title)

    def _focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(ENTRY_ID_ROLE)
        if isinstance(entry_id, int):
            try:
                self.session.open_entry(entry_id)
            except JournalError as exc:
                self._show_problem(str(exc))

    def _select_entry(self, entry_id: int | None) -> None:
        row = -1 if entry_id is None else self.list_model.row_of(entry_id)
        if row >= 0:
            self.entry_list.selectionModel().setCurrentIndex(
                self.list_model.index(row),
                QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_trash_actions(self, *_args: object) -> None:
        """Offer "Move to trash" for a live entry, "Restore" only for a trashed one on show."""
        showing_trash = self.filter_bar.trash.isChecked()
        has_entry = self.session.entry_id is not None
        self.actions_by_name["trash"].setEnabled(not showing_trash)
        self.actions_by_name["restore"].setEnabled(
            showing_trash and has_entry and self.session.is_read_only)

    def _update_quote_action(self, *_args: object) -> None:
        self.actions_by_name["quote"].setEnabled(
            self.editor.body.textCursor().hasSelection() and not self.session.is_read_only)

    def _add_quote_to_menu(self, menu: QMenu, _cursor: QTextCursor) -> None:
        self._update_quote_action()
        menu.addSeparator()
        menu.addAction(self.actions_by_name["quote"])

    def _show_problem(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("PSW Reflective Journal"), message)
