"""The main window's commands: writing, opening, trashing and the windows and dialogs it opens.

A base of :class:`~psw_journal.ui.main_window.MainWindow`, which arranges the widgets these
commands use and wires the actions to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListView, QMainWindow

from psw_journal.core.entry import Entry
from psw_journal.core.errors import JournalError
from psw_journal.core.prompts import GapPrompt, GapReason, PromptKind, draft_for_prompt
from psw_journal.core.templates import Template
from psw_journal.ui.busy import busy
from psw_journal.ui.plurals import counted

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.ui.coursework_window import CourseworkWindow
    from psw_journal.ui.coverage_window import CoverageWindow
    from psw_journal.ui.edit_session import EditSession
    from psw_journal.ui.journal_bridge import JournalBridge
    from psw_journal.ui.models.entry_list_model import EntryListModel
    from psw_journal.ui.widgets.entry_editor import EntryEditor
    from psw_journal.ui.widgets.filter_bar import FilterBar


class MainWindowCommands(QMainWindow):
    """What the main window's menus and toolbar do (a base of :class:`MainWindow`)."""

    bridge: JournalBridge
    framework: Framework | None
    session: EditSession
    editor: EntryEditor
    filter_bar: FilterBar
    list_model: EntryListModel
    entry_list: QListView
    _known_tags: set[str]

    @property
    def coverage_window(self) -> CoverageWindow:
        """Return the coverage window (the window builds it)."""
        raise NotImplementedError

    @property
    def coursework_window(self) -> CourseworkWindow:
        """Return the coursework window (the window builds it)."""
        raise NotImplementedError

    def _select_entry(self, entry_id: int | None) -> None:
        raise NotImplementedError

    def _show_problem(self, message: str) -> None:
        raise NotImplementedError

    # -- the list -----------------------------------------------------------------------------

    def refresh_list(self) -> None:
        """Run the filter bar's query again."""
        self.list_model.set_query(self.filter_bar.query())
        self._select_entry(self.session.entry_id)

    def _reload_tags(self) -> None:
        if self.bridge.is_open:
            tags = self.bridge.tags()
            self._known_tags = set(tags)
            self.filter_bar.set_tags(tags)

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

    # -- writing and opening ------------------------------------------------------------------

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

    # -- other windows and dialogs ------------------------------------------------------------

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
