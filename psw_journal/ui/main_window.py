"""The main window: arranges the filter bar, entry list, editor and link panel, and wires them.

It also opens the coverage window (coverage, prompts, charts) and the export dialog, and closes
and empties them, with every other dialog, when the journal locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.entry import Entry
from psw_journal.core.errors import JournalError
from psw_journal.core.prompts import GapPrompt, GapReason, PromptKind, draft_for_prompt
from psw_journal.core.templates import TEMPLATES, Template
from psw_journal.ui.busy import busy
from psw_journal.ui.edit_session import EditSession, UnsavedEdit
from psw_journal.ui.help_dialogs import show_about, show_framework_info, show_shortcuts
from psw_journal.ui.icons import icon
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.messages import tell
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE, EntryListModel
from psw_journal.ui.plurals import counted
from psw_journal.ui.spelling import SpellChecking
from psw_journal.ui.suggestion_feed import SuggestionFeed
from psw_journal.ui.widgets.entry_delegate import EntryDelegate
from psw_journal.ui.widgets.entry_editor import EditorPlace, EntryEditor
from psw_journal.ui.widgets.filter_bar import FilterBar
from psw_journal.ui.widgets.link_panel import LinkPanel
from psw_journal.ui.widgets.text_menu import TextContextMenu

if TYPE_CHECKING:
    # Built on first use: the coverage window pulls in QtCharts, the dialogs their own parsers.
    from psw_journal.ui.coursework_window import CourseworkWindow
    from psw_journal.ui.coverage_window import CoverageWindow


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """Where the user was when the journal locked, and any changes that could not be saved."""

    entry_id: int | None
    place: EditorPlace
    unsaved: UnsavedEdit | None
    showing_trash: bool


class MainWindow(QMainWindow):
    """Lay out the journal's widgets and connect them; the work happens in the parts.

    Signals:
        lock_requested(): the user asked to lock (Ctrl+L).
        preferences_requested(): the user asked for the preferences dialog.
        closing(): the window is closing (content has been saved).
    """

    lock_requested = Signal()
    preferences_requested = Signal()
    closing = Signal()

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PSW Reflective Journal"))
        self.setWindowIcon(icon("app"))
        self.bridge = bridge
        self.framework: Any = None
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
        #: Where the user was when the journal locked (no content unless a save failed).
        self._resume: ResumePoint | None = None
        self._coursework_window: CourseworkWindow | None = None
        self.spelling = SpellChecking(bridge, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._build_layout()
        self._build_menus()
        self._connect_signals()

    # -- building -----------------------------------------------------------------------------

    def _action(self, name: str, text: str, icon_name: str = "",
                shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon(""), text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(text.replace("&", ""))
        self.actions_by_name[name] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self._action("new", self.tr("&New entry"), "new", key.New)
        self._action("save", self.tr("&Save now"), "save", key.Save)
        self._action("find", self.tr("&Find"), "search", key.Find)
        self._action("undo", self.tr("&Undo"), "", key.Undo)
        self._action("redo", self.tr("&Redo"), "", key.Redo)
        self._action("trash", self.tr("Move to &trash"), "trash", "Del")
        self._action("restore", self.tr("&Restore from trash"), "restore")
        self._action("history", self.tr("Entry &history…"), "history", "Ctrl+H")
        self._action("coverage", self.tr("&Coverage and prompts"), "coverage", "Ctrl+Shift+C")
        self._action("export", self.tr("&Export coursework…"), "export", "Ctrl+E")
        self._action("coursework", self.tr("C&oursework"), "coursework", "Ctrl+Shift+W")
        self._action("quote", self.tr("&Use as an example in…"), "", "Ctrl+Shift+E")
        self._action("import", self.tr("&Import…"), "import", "Ctrl+I")
        self._action("lock", self.tr("&Lock journal"), "lock", "Ctrl+L")
        self._action("preferences", self.tr("&Preferences…"), "preferences", key.Preferences)
        if not self.actions_by_name["preferences"].shortcuts():
            self.actions_by_name["preferences"].setShortcut(QKeySequence("Ctrl+,"))
        self._action("quit", self.tr("&Quit"), "", key.Quit)
        if not self.actions_by_name["quit"].shortcuts():
            self.actions_by_name["quit"].setShortcut(QKeySequence("Ctrl+Q"))
        self._action("about", self.tr("&About PSW Reflective Journal"))
        self._action("about_framework", self.tr("About the &framework"))
        self._action("shortcuts", self.tr("&Keyboard shortcuts"), "", "F1")
        # Delete must not fire while typing in a text field: it is bound to the list only.
        self.actions_by_name["trash"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.entry_list.addAction(self.actions_by_name["trash"])
        # Short toolbar labels, so every button fits a 1280-pixel-wide window.
        self.actions_by_name["coverage"].setIconText(self.tr("Coverage"))
        self.actions_by_name["export"].setIconText(self.tr("Export"))
        self.actions_by_name["quote"].setEnabled(False)
        self.actions_by_name["quote"].setToolTip(self.tr(
            "Quote the selected passage as an example in a coursework section"))
        self.template_menu = QMenu(self.tr("New from &template"), self)
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
        a["lock"].triggered.connect(self.lock_requested)
        a["preferences"].triggered.connect(self.preferences_requested)
        a["quit"].triggered.connect(self.close)
        a["about"].triggered.connect(lambda: show_about(self, self.framework))
        a["about_framework"].triggered.connect(lambda: show_framework_info(self, self.framework))
        a["shortcuts"].triggered.connect(
            lambda: show_shortcuts(self, list(self.actions_by_name.values())))
        self.filter_bar.query_changed.connect(self.refresh_list)
        self.entry_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._show_problem)
        self.session.entry_changed.connect(self.suggestions.set_entry)
        self.session.saved.connect(self.suggestions.on_saved)
        self.editor.text_edited.connect(self.suggestions.schedule)
        self.link_panel.links_changed.connect(self.suggestions.schedule)
        self.link_panel.suggestion_accepted.connect(self.suggestions.accept)
        self.link_panel.suggestion_dismissed.connect(self.suggestions.dismiss)
        self.bridge.entries_changed.connect(self._on_entries_changed)
        self.bridge.entry_saved.connect(lambda _entry_id: self._schedule_coverage_refresh())
        self.bridge.entries_changed.connect(self._schedule_coverage_refresh)
        self.editor.body.undoAvailable.connect(a["undo"].setEnabled)
        self.editor.body.redoAvailable.connect(a["redo"].setEnabled)
        self.filter_bar.trash.toggled.connect(self._update_trash_actions)
        self.session.entry_changed.connect(self._update_trash_actions)
        self._update_trash_actions()
        a["coursework"].triggered.connect(self.show_coursework)
        a["quote"].triggered.connect(self.quote_selection)
        self.editor.body.copyAvailable.connect(self._update_quote_action)
        self.session.entry_changed.connect(self._update_quote_action)
        self.spelling.attach(self.editor.body)
        self.spelling.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        TextContextMenu.of(self.editor.body).add(self._add_quote_to_menu)

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

    # -- behaviour ----------------------------------------------------------------------------

    def set_framework(self, framework: Any) -> None:
        """Use a loaded framework in the filters, link panel and suggestions."""
        self.framework = framework
        self.filter_bar.set_framework(framework)
        self.link_panel.set_framework(framework)
        self.suggestions.set_framework(framework)
        if self._coverage_window is not None:
            self._coverage_window.set_framework(framework)
        if self._coursework_window is not None:
            self._coursework_window.set_framework(framework)

    def load_journal(self) -> None:
        """Fill the list from the freshly unlocked journal and go back to where the user was.

        Counting tags (~13 ms at 10,000 entries) waits for the next turn of the event loop,
        so the window shows with its list first.
        """
        resume, self._resume = self._resume, None
        if resume is not None and resume.showing_trash:
            with QSignalBlocker(self.filter_bar.trash):
                self.filter_bar.trash.setChecked(True)
            self._update_trash_actions()
        self.refresh_list()
        if resume is None or not self._resume_at(resume):
            self.editor.title.setFocus()
            if self.list_model.rowCount() == 0:
                self.new_entry(TEMPLATES[0])
        QTimer.singleShot(0, self, self._reload_tags)

    def _resume_at(self, resume: ResumePoint) -> bool:
        """Open the entry the user was on (or their unsaved changes) at the same place."""
        if resume.unsaved is not None:
            self.session.resume_edit(resume.unsaved)
            self.statusBar().showMessage(self.tr(
                "Your changes from before the lock are back; saving them again."), 10000)
        elif resume.entry_id is None:
            self.new_entry(TEMPLATES[0])
        else:
            try:
                self.session.open_entry(resume.entry_id)
            except JournalError:  # deleted meanwhile (from the command line)
                return False
        if self.session.entry_id is not None and self.list_model.row_of(
                self.session.entry_id) >= 0:
            self._select_entry(self.session.entry_id)
        self.editor.restore_place(resume.place)
        return True

    def _reload_tags(self) -> None:
        if self.bridge.is_open:
            tags = self.bridge.tags()
            self._known_tags = set(tags)
            self.filter_bar.set_tags(tags)

    def refresh_list(self) -> None:
        """Run the filter bar's query again."""
        self.list_model.set_query(self.filter_bar.query())
        self._select_entry(self.session.entry_id)

    def new_entry(self, template: Template) -> None:
        """Start a new entry from a template."""
        self.entry_list.clearSelection()
        self.session.new_entry(template)

    def open_entry(self, entry_id: int) -> None:
        """Open an entry in the editor (from the coverage window) and bring the editor forward."""
        try:
            self.session.open_entry(entry_id)
        except JournalError as exc:
            self._show_problem(str(exc))
            return
        if self.list_model.row_of(entry_id) >= 0:
            self._select_entry(entry_id)
        else:
            self.entry_list.clearSelection()
        self._bring_editor_forward()

    def write_about(self, kind: str, target_id: str, prompt_text: str) -> None:
        """Start a new entry answering a prompt: linked, opening with the prompt as a heading."""
        prompt = GapPrompt(PromptKind(kind), target_id, GapReason.NEVER, prompt_text)
        self.entry_list.clearSelection()
        self.session.new_from_draft(draft_for_prompt(prompt), self.tr("Writing about a prompt"))
        self._bring_editor_forward()
        self.editor.body.moveCursor(QTextCursor.MoveOperation.End)

    def _bring_editor_forward(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.editor.tabs.setCurrentWidget(self.editor.body)
        self.editor.body.setFocus()

    def show_coverage(self) -> None:
        """Show the coverage window (coverage, prompts, charts) for the open journal."""
        if not self.bridge.is_open or self.framework is None:
            return
        self.session.save_now()
        with busy(self, self.tr("Counting your entries…")):
            self.coverage_window.show_journal(self.bridge.journal, self.framework)
        self.coverage_window.show()
        self.coverage_window.raise_()
        self.coverage_window.activateWindow()

    def show_coursework(self) -> None:
        """Show the coursework window: the pieces, their sections and examples."""
        if not self.bridge.is_open or self.framework is None:
            return
        self.session.save_now()
        self.coursework_window.show_journal()

    def quote_selection(self) -> None:
        """Quote the selected passage of the entry into a coursework section (after saving)."""
        passage = self.editor.body.textCursor().selectedText()
        if not passage.strip() or self.session.is_read_only or self.framework is None:
            return
        if not self.session.save_now() or self.session.entry_id is None:
            return
        from psw_journal.ui.quoting import quote_passage, selected_passage

        quote_passage(self, self.bridge, self.coursework_window, self.session.entry_id,
                      selected_passage(passage))

    def _update_quote_action(self, *_args: object) -> None:
        self.actions_by_name["quote"].setEnabled(
            self.editor.body.textCursor().hasSelection() and not self.session.is_read_only)

    def _add_quote_to_menu(self, menu: QMenu, _cursor: QTextCursor) -> None:
        self._update_quote_action()
        menu.addSeparator()
        menu.addAction(self.actions_by_name["quote"])

    def show_export(self) -> None:
        """Open the coursework export dialog (window-modal; it can take a while to prepare)."""
        if not self.bridge.is_open or self.framework is None or not self.session.save_now():
            return
        from psw_journal.ui.export_dialog import ExportDialog

        with busy(self, self.tr("Preparing the export and checking for identifying details…")):
            dialog = ExportDialog(self.bridge.journal, self.framework, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_import(self) -> None:
        """Open the import dialog: choose a file, see what it holds, then import it all."""
        if not self.bridge.is_open or not self.session.save_now():
            return
        from psw_journal.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.bridge, self.framework, self)
        dialog.imported.connect(lambda count: self.statusBar().showMessage(
            counted("MainWindow", "Imported {0} entry.", "Imported {0} entries.", count),
            8000))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

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

    def _on_saved(self, entry: Entry, is_new: bool) -> None:
        if is_new or not self.list_model.update_entry(entry):
            self._reload_tags()
            self.refresh_list()
        elif not self._known_tags.issuperset(entry.tags):  # a tag new to the journal
            self._reload_tags()
        self.statusBar().showMessage(self.tr("Saved"), 2000)

    def _on_entries_changed(self) -> None:
        self.session.clear()
        self._reload_tags()
        self.refresh_list()

    def _update_trash_actions(self, *_args: object) -> None:
        """Offer "Move to trash" for a live entry, "Restore" only for a trashed one on show."""
        showing_trash = self.filter_bar.trash.isChecked()
        has_entry = self.session.entry_id is not None
        self.actions_by_name["trash"].setEnabled(not showing_trash)
        self.actions_by_name["restore"].setEnabled(
            showing_trash and has_entry and self.session.is_read_only)

    def trash_current(self) -> None:
        """Move the current entry to the trash (it can be restored)."""
        entry_id = self.session.entry_id
        if entry_id is None or self.session.is_read_only:
            return
        self.session.save_now()
        self.bridge.move_to_trash(entry_id)
        self.statusBar().showMessage(
            self.tr("Moved to the trash. Show the trash to restore it."), 5000)

    def restore_current(self) -> None:
        """Bring the current trashed entry back."""
        entry_id = self.session.entry_id
        if entry_id is not None and self.session.is_read_only:
            self.bridge.restore_from_trash(entry_id)
            self.statusBar().showMessage(self.tr("Restored from the trash."), 5000)

    def show_history(self) -> None:
        """Show the current entry's revisions and restore one if asked."""
        if self.session.entry_id is None or not self.session.save_now():
            return
        from psw_journal.ui.history_dialog import HistoryDialog

        entry_id = self.session.entry_id
        dialog = HistoryDialog(self.bridge.revisions(entry_id), self)
        try:
            if dialog.exec() and dialog.chosen is not None and self.bridge.is_open:
                entry = self.bridge.restore_revision(entry_id, dialog.chosen.id)
                self.session.reload()
                self.list_model.update_entry(entry)
        finally:
            dialog.deleteLater()

    def _show_problem(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("PSW Reflective Journal"), message)

    def close_dialogs(self) -> None:
        """Close every dialog of this window, first emptying those that show journal content.

        Dialogs holding content (history, export, preferences) offer ``clear_content()``.
        """
        for dialog in reversed(self.findChildren(QDialog)):
            clear_content = getattr(dialog, "clear_content", None)
            if callable(clear_content):
                clear_content()
            dialog.reject()

    def lock_content(self) -> str | None:
        """Save, note where the user was, hide, then empty everything that shows content.

        Changes that cannot be saved (a full disk) are kept in memory and come back after
        the unlock, as does the entry the user was on, with its cursor and scroll.

        Returns:
            Why saving failed, or None when everything was saved.
        """
        problem = self.session.try_save()
        self._resume = ResumePoint(self.session.entry_id, self.editor.place(),
                                   self.session.unsaved_edit() if problem else None,
                                   self.filter_bar.trash.isChecked())
        self.hide()  # first: nothing of the journal may stay on screen while a message shows
        self.clear_content()
        return problem

    def forget_resume(self) -> None:
        """Drop where the user was (the demo journal they were in is gone)."""
        self._resume = None

    def refuse_to_close(self, problem: str) -> None:
        """Stay open because the latest changes could not be saved, and say so."""
        self.show()
        self.raise_()
        tell(self, self.tr("Your changes are not saved"), self.tr(
            "Your latest changes could not be saved, so the app stays open: {0}\n\n"
            "Free some space or fix the problem, then choose Save now (Ctrl+S) or quit "
            "again. You can also copy your text somewhere safe.").format(problem))

    def clear_content(self) -> None:
        """Empty every widget, window and dialog holding content (nothing is saved here)."""
        self.close_dialogs()
        if self._coverage_window is not None:
            self._coverage_window.clear()
        self.suggestions.stop()
        self.session.clear()
        self.list_model.clear()
        self.filter_bar.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save before closing; stay open if that failed, so no change is lost."""
        if (self._coursework_window is not None and self.bridge.is_open
                and not self._coursework_window.try_save_before_quit()):
            event.ignore()
            return
        problem = self.session.try_save() if self.bridge.is_open else None
        if problem is not None:
            event.ignore()
            self.refuse_to_close(problem)
            return
        self.closing.emit()
        event.accept()
