"""Quote a passage of the entry being edited into a coursework section ("Use as an example in…").

The entry is saved first, so the passage is checked against the entry as stored; the piece and
section are chosen in a small dialog that starts at the section open in the coursework window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox

from psw_journal.core.errors import InvalidInput, JournalError
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.quote_dialog import QuoteDialog

if TYPE_CHECKING:
    from psw_journal.ui.coursework_window import CourseworkWindow


def selected_passage(text: str) -> str:
    """Return a QTextCursor selection as plain text (Qt marks paragraph breaks with U+2029)."""
    return text.replace("\u2029", "\n").replace("\u2028", "\n")


def quote_passage(window: QMainWindow, bridge: JournalBridge, coursework: CourseworkWindow,
                  entry_id: int, passage: str) -> None:
    """Ask where the passage goes, then add it as an example there.

    Args:
        window: The main window (parent of the dialog; its status bar says what happened).
        bridge: The open journal.
        coursework: The coursework window (it saves the piece if that piece is open in it).
        entry_id: The saved entry the passage is from.
        passage: The selected text.
    """
    try:
        example = bridge.quote(entry_id, passage)
        pieces = bridge.coursework_pieces()
    except (InvalidInput, JournalError) as exc:
        QMessageBox.warning(window, window.tr("Use as an example"), str(exc))
        return
    if not pieces:
        answer = QMessageBox.question(window, window.tr("Use as an example"), window.tr(
            "You have no coursework yet. Start a piece now? The passage can then be quoted "
            "into one of its sections."))
        if answer == QMessageBox.StandardButton.Yes:
            coursework.show_journal()
            coursework.new_piece()
        return
    current = coursework.session.piece
    dialog = QuoteDialog(passage, pieces, window,
                         piece_id=current.id if current is not None else None,
                         section_key=coursework.section_editor.key)

    def finished(result: int) -> None:
        target = dialog.target()
        dialog.deleteLater()
        if not result or target is None or not bridge.is_open:
            return
        piece_id, key = target
        if coursework.add_example(piece_id, key, example):
            piece = next(p for p in pieces if p.id == piece_id)
            window.statusBar().showMessage(window.tr("Added to “{0}” in “{1}”.").format(
                piece.section(key).heading, piece.title), 6000)

    dialog.finished.connect(finished)
    dialog.open()
