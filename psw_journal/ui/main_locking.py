"""The main window through a lock: save, note where the user was, empty, and come back.

Changes that cannot be saved when the journal locks (a full disk) are kept in memory and come
back, unsaved, after the unlock, with the entry, cursor and scroll the user had; quitting when
they cannot be saved keeps the app open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QCloseEvent

from psw_journal.core.errors import JournalError
from psw_journal.core.templates import TEMPLATES
from psw_journal.ui.content_dialogs import close_dialogs
from psw_journal.ui.edit_session import UnsavedEdit
from psw_journal.ui.main_commands import MainWindowCommands
from psw_journal.ui.messages import tell
from psw_journal.ui.widgets.entry_editor import EditorPlace

if TYPE_CHECKING:
    from psw_journal.ui.coursework_window import CourseworkWindow
    from psw_journal.ui.coverage_window import CoverageWindow
    from psw_journal.ui.suggestion_feed import SuggestionFeed


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """Where the user was when the journal locked, and any changes that could not be saved."""

    entry_id: int | None
    place: EditorPlace
    unsaved: UnsavedEdit | None
    showing_trash: bool


class MainWindowLocking(MainWindowCommands):
    """Unlocking, locking and closing for :class:`MainWindow` (its base).

    Signals:
        closing(): the window is closing (content has been saved).
    """

    closing = Signal()

    suggestions: SuggestionFeed
    _coverage_window: CoverageWindow | None
    _coursework_window: CourseworkWindow | None
    #: Where the user was when the journal locked (no content unless a save failed).
    _resume: ResumePoint | None

    def _update_trash_actions(self, *_args: object) -> None:
        raise NotImplementedError

    # -- after the unlock ---------------------------------------------------------------------

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

    def forget_resume(self) -> None:
        """Drop where the user was (the demo journal they were in is gone)."""
        self._resume = None

    # -- locking and closing ------------------------------------------------------------------

    def close_dialogs(self) -> None:
        """Close every dialog of this window, first emptying those that show journal content."""
        close_dialogs(self)

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
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
