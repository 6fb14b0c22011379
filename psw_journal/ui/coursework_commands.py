"""The coursework window's commands: new piece, history, export, trash and restore."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QMainWindow

from psw_journal.core.errors import JournalError
from psw_journal.ui.busy import busy

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.ui.coursework_session import CourseworkSession
    from psw_journal.ui.journal_bridge import JournalBridge
    from psw_journal.ui.widgets.section_editor import SectionEditor


class CourseworkCommands(QMainWindow):
    """What the coursework window's toolbar does (mixed into :class:`CourseworkWindow`)."""

    bridge: JournalBridge
    framework: Framework | None
    session: CourseworkSession
    show_trash: QCheckBox
    section_editor: SectionEditor

    def refresh_pieces(self) -> None:
        """List the pieces again (the window does it)."""
        raise NotImplementedError

    def _show_problem(self, message: str) -> None:
        raise NotImplementedError

    def new_piece(self) -> None:
        """Ask for a brief and a title, then start the piece."""
        if self.framework is None or not self.session.save_now():
            return
        from psw_journal.ui.new_piece_dialog import NewPieceDialog

        dialog = NewPieceDialog(self.framework, self)
        try:
            if not dialog.exec() or not self.bridge.is_open:
                return
            piece = self.bridge.add_coursework(dialog.piece())
        except JournalError as exc:
            self._show_problem(str(exc))
            return
        finally:
            dialog.deleteLater()
        with QSignalBlocker(self.show_trash):
            self.show_trash.setChecked(False)
        self.session.show(piece)
        self.refresh_pieces()
        self.section_editor.body.setFocus()

    def show_history(self) -> None:
        """Show the piece's saved versions and restore one if asked."""
        piece = self.session.piece
        if piece is None or piece.id is None or not self.session.save_now():
            return
        from psw_journal.ui.coursework_history_dialog import CourseworkHistoryDialog

        headings = {s.key: s.heading for s in piece.sections}
        dialog = CourseworkHistoryDialog(self.bridge.coursework_revisions(piece.id), headings,
                                         self)
        try:
            if dialog.exec() and dialog.chosen is not None and self.bridge.is_open:
                self.bridge.restore_coursework_revision(piece.id, dialog.chosen)
                self.session.reload()
        except JournalError as exc:
            self._show_problem(str(exc))
        finally:
            dialog.deleteLater()

    def show_export(self) -> None:
        """Open the export dialog on this piece (after saving it)."""
        piece = self.session.piece
        if piece is None or self.framework is None or not self.session.save_now():
            return
        from psw_journal.ui.export_dialog import ExportDialog

        with busy(self, self.tr("Preparing the export and checking for identifying details…")):
            dialog = ExportDialog(self.bridge.journal, self.framework, self,
                                  coursework_id=piece.id)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def trash_piece(self) -> None:
        """Move the open piece to the trash (it can be restored)."""
        piece = self.session.piece
        if piece is None or piece.id is None or piece.is_trashed or not self.session.save_now():
            return
        try:
            self.bridge.move_coursework_to_trash(piece.id)
        except JournalError as exc:
            self._show_problem(str(exc))
            return
        self.session.clear()
        self.refresh_pieces()
        self.statusBar().showMessage(self.tr(
            "Moved to the trash. Tick “Show the trash” to restore it."), 6000)

    def restore_piece(self) -> None:
        """Bring the open piece back from the trash."""
        piece = self.session.piece
        if piece is None or piece.id is None or not piece.is_trashed:
            return
        try:
            self.bridge.restore_coursework(piece.id)
        except JournalError as exc:
            self._show_problem(str(exc))
            return
        with QSignalBlocker(self.show_trash):
            self.show_trash.setChecked(False)
        self.session.show(self.bridge.coursework(piece.id))
        self.refresh_pieces()
        self.statusBar().showMessage(self.tr("Restored from the trash."), 5000)
