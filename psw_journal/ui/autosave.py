"""Autosaving, shared by the entry and the coursework piece being written.

The first change starts a timer and later changes do not restart it, so continuous typing is
still saved about once a second: well inside the promise of losing at most 2 s. Saving also
happens at once before anything replaces what is open, and a failed save keeps the changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from psw_journal.ui.journal_bridge import JournalBridge

AUTOSAVE_MS = 1000


class AutosaveSession(QObject):
    """Hold the unsaved-changes flag and the save timer; subclasses say how to save.

    Signals:
        save_failed(str): saving failed; the message is for the user.
    """

    save_failed = Signal(str)

    def __init__(self, bridge: JournalBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.is_dirty = False
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

    def _mark_changed(self) -> None:
        """Note an unsaved change; the first one starts the timer and readies the journal."""
        self.is_dirty = True
        if not self._timer.isActive():
            self._timer.start()
            self._bridge.prepare_to_edit()

    def save_now(self) -> bool:
        """Save unsaved changes now; return False (and emit ``save_failed``) if saving failed."""
        problem = self.try_save()
        if problem is not None:
            self.save_failed.emit(problem)
        return problem is None

    def try_save(self) -> str | None:
        """Save unsaved changes now; return why saving failed, or None (nothing is shown)."""
        raise NotImplementedError
