"""The coursework piece being written: its unsaved changes, and autosaving them like entries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from psw_journal.core.coursework import Coursework, Example, Section
from psw_journal.core.errors import JournalError
from psw_journal.ui.autosave import AutosaveSession
from psw_journal.ui.journal_bridge import JournalBridge


@dataclass(frozen=True, slots=True)
class UnsavedPiece:
    """A piece's changes that could not be saved, held in memory until they can be."""

    piece: Coursework
    starts_revision: bool


class CourseworkSession(AutosaveSession):
    """Hold the open piece with the student's changes; save them through the bridge.

    Every change goes through :meth:`set_title`, :meth:`set_text` or :meth:`set_examples`;
    saving follows within a second, and at once before another piece opens, the window
    closes or the journal locks. A failed save keeps the changes and says so.

    Signals:
        saved(object): the piece was saved (the Coursework as stored).
        save_failed(str): saving failed; the message is for the student.
        state_changed(str): what the status line should say ("Saving soon…", "Saved").
        piece_changed(object): another piece is open (the Coursework, or None).
    """

    saved = Signal(object)
    state_changed = Signal(str)
    piece_changed = Signal(object)

    def __init__(self, bridge: JournalBridge, parent: QObject | None = None) -> None:
        super().__init__(bridge, parent)
        self.piece: Coursework | None = None
        self._starts_revision = True

    @property
    def is_read_only(self) -> bool:
        """Tell whether the open piece is in the trash (it is then shown, not changed)."""
        return self.piece is not None and self.piece.is_trashed

    # -- changes ------------------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        """Change the piece's title."""
        if self.piece is not None and title != self.piece.title:
            self._change(dataclasses.replace(self.piece, title=title))

    def set_text(self, key: str, text: str) -> None:
        """Change one section's own text."""
        self._change_section(key, lambda section: dataclasses.replace(section, text=text))

    def set_examples(self, key: str, examples: tuple[Example, ...]) -> None:
        """Change one section's examples (removed or reordered)."""
        self._change_section(key, lambda section: dataclasses.replace(section,
                                                                     examples=examples))

    def add_example(self, key: str, example: Example) -> bool:
        """Add an example at the end of a section and save now; False if saving failed."""
        if self.piece is None:
            return False
        self.set_examples(key, (*self.piece.section(key).examples, example))
        return self.save_now()

    def _change_section(self, key: str, change: Callable[[Section], Section]) -> None:
        if self.piece is None:
            return
        sections = tuple(change(s) if s.key == key else s for s in self.piece.sections)
        self._change(dataclasses.replace(self.piece, sections=sections))

    def _change(self, piece: Coursework) -> None:
        if self.is_read_only:
            return
        self.piece = piece
        self.state_changed.emit(self.tr("Saving soon…"))
        self._mark_changed()

    # -- saving -------------------------------------------------------------------------------

    def try_save(self) -> str | None:
        """Save unsaved changes now; return why saving failed, or None."""
        self._timer.stop()
        if not self.is_dirty or self.piece is None or not self._bridge.is_open:
            return None
        try:
            stored = self._bridge.save_coursework(self.piece,
                                                  new_revision=self._starts_revision)
        except JournalError as exc:
            self.state_changed.emit(self.tr("Not saved: {0}").format(exc))
            return str(exc)
        self._starts_revision = False
        self.is_dirty = False
        # Keep what the student has typed since (nothing, on this thread) and the stored dates.
        self.piece = dataclasses.replace(self.piece, updated_at=stored.updated_at)
        self.state_changed.emit(self.tr("Saved"))
        self.saved.emit(stored)
        return None

    # -- opening and closing ------------------------------------------------------------------

    def open_piece(self, piece_id: int) -> bool:
        """Save the open piece, then open another; keep the open one if saving failed."""
        if self.piece is not None and self.piece.id == piece_id:
            return True
        if not self.save_now():
            return False
        self.show(self._bridge.coursework(piece_id))
        return True

    def show(self, piece: Coursework) -> None:
        """Open a piece as stored (nothing unsaved)."""
        self._timer.stop()
        self.piece = piece
        self.is_dirty = False
        self._starts_revision = True
        self.state_changed.emit(self.tr("In the trash (read-only)") if piece.is_trashed else "")
        self.piece_changed.emit(piece)

    def reload(self) -> None:
        """Open the current piece again as stored (after restoring a revision)."""
        if self.piece is not None and self.piece.id is not None:
            self.show(self._bridge.coursework(self.piece.id))

    def unsaved(self) -> UnsavedPiece | None:
        """Return the changes not saved yet (to keep them while the journal is locked)."""
        if not self.is_dirty or self.piece is None:
            return None
        return UnsavedPiece(self.piece, self._starts_revision)

    def resume(self, unsaved: UnsavedPiece) -> None:
        """Put unsaved changes back, still unsaved, and try saving them soon."""
        self.piece = unsaved.piece
        self._starts_revision = unsaved.starts_revision
        self.piece_changed.emit(unsaved.piece)
        self.is_dirty = True
        self.state_changed.emit(self.tr("Not saved yet: your changes from before the lock"))
        self._timer.start()

    def clear(self) -> None:
        """Forget the piece (nothing is saved here)."""
        self._timer.stop()
        self.piece = None
        self.is_dirty = False
        self._starts_revision = True
        self.state_changed.emit("")
        self.piece_changed.emit(None)
