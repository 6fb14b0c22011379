"""The coursework window through a lock: save, empty, and come back after the unlock.

Changes that cannot be saved when the journal locks (a full disk) are kept in memory and come
back, unsaved, after the unlock; quitting when they cannot be saved keeps the app open.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from psw_journal.core.errors import JournalError
from psw_journal.ui.content_dialogs import close_dialogs
from psw_journal.ui.coursework_session import UnsavedPiece

if TYPE_CHECKING:
    from psw_journal.ui.coursework_progress import CourseworkProgress
    from psw_journal.ui.coursework_session import CourseworkSession
    from psw_journal.ui.journal_bridge import JournalBridge
    from psw_journal.ui.models.coursework_models import PieceListModel
    from psw_journal.ui.widgets.section_editor import SectionEditor


@dataclass(frozen=True, slots=True)
class _Resume:
    """What the window showed when the journal locked, and changes that could not be saved."""

    was_visible: bool
    piece_id: int | None
    section_key: str | None
    unsaved: UnsavedPiece | None
    problem: str | None


class CourseworkLocking(QMainWindow):
    """Locking, unlocking and quitting for :class:`CourseworkWindow` (mixed into it)."""

    bridge: JournalBridge
    session: CourseworkSession
    progress: CourseworkProgress
    pieces_model: PieceListModel
    section_editor: SectionEditor
    _resume: _Resume | None
    _message: QMessageBox | None

    def refresh_pieces(self) -> None:
        """List the pieces again (the window does it)."""
        raise NotImplementedError

    def select_section(self, key: str) -> None:
        """Show a section (the window does it)."""
        raise NotImplementedError

    def tell(self, title: str, text: str,
             kind: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
        """Show a message without blocking; a message still on screen is replaced, not stacked."""
        box = self._message
        if box is None or not box.isVisible():
            box = QMessageBox(self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.destroyed.connect(lambda: setattr(self, "_message", None))
            self._message = box
        box.setIcon(kind)
        box.setWindowTitle(title)
        box.setText(text)
        box.open()
        return box

    def _on_journal_closing(self) -> None:
        """Save, note where the student was, then hide and empty the window."""
        problem = self.session.try_save()
        piece = self.session.piece
        self._resume = _Resume(self.isVisible(), piece.id if piece is not None else None,
                               self.section_editor.key,
                               self.session.unsaved() if problem is not None else None, problem)
        self.hide()
        self.clear_content()

    def clear_content(self) -> None:
        """Empty every list, editor and dialog holding coursework (nothing is saved here)."""
        close_dialogs(self)
        self.session.clear()
        self.pieces_model.set_pieces([])
        self.progress.clear()

    def _resume_after_unlock(self) -> None:
        resume, self._resume = self._resume, None
        if resume is None or not self.bridge.is_open:
            return
        if not (resume.was_visible or resume.unsaved is not None):
            return
        self.refresh_pieces()
        if resume.unsaved is not None:
            self.session.resume(resume.unsaved)
        elif resume.piece_id is not None:
            with contextlib.suppress(JournalError):  # deleted meanwhile
                self.session.open_piece(resume.piece_id)
        if resume.section_key is not None and self.session.piece is not None and any(
                s.key == resume.section_key for s in self.session.piece.sections):
            self.select_section(resume.section_key)
        self.show()
        if resume.unsaved is not None:
            self.tell(self.tr("Your coursework changes are back"), self.tr(
                "Your latest coursework changes could not be saved before the journal locked "
                "({0}). They were kept in memory and are back now; saving them again.")
                .format(resume.problem), QMessageBox.Icon.Information)

    def try_save_before_quit(self) -> bool:
        """Save before the app quits; if that fails, show the window, say why and return False."""
        problem = self.session.try_save()
        if problem is None:
            return True
        self.show()
        self.raise_()
        self.tell(self.tr("Your coursework is not saved"), self.tr(
            "Your latest coursework changes could not be saved, so the app stays open: {0}\n\n"
            "Free some space or fix the problem, then choose Save now (Ctrl+S) or quit again."
            ).format(problem))
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save when the window closes (changes that cannot be saved stay in the session)."""
        self.session.save_now()
        event.accept()
