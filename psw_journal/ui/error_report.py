"""Errors that escape into Qt's event loop reach the user as a message, never a traceback.

A slot or an overridden Qt method that raises (a read of a journal damaged while it is open,
say) would otherwise print a traceback to a terminal nobody watches while the window carries
on as if nothing happened. The journal's own problems (JournalError) read as they are; anything
else says that saved entries are safe. ``PSW_JOURNAL_DEBUG=1`` also prints the traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from psw_journal.app import DEBUG_ENV
from psw_journal.core.errors import JournalError

UNEXPECTED = ("Something went wrong ({0}). Everything already saved is safe in your journal. "
              "If it happens again, quit and reopen the app.")


class ErrorReporter:
    """An ``excepthook`` that shows one message box at a time (repeats of it are dropped)."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        """Say what went wrong in a message box (and on stderr when debugging)."""
        if os.environ.get(DEBUG_ENV):
            sys.__excepthook__(kind, exc, tb)
        message = str(exc) if isinstance(exc, JournalError) else UNEXPECTED.format(kind.__name__)
        if self.box is None:  # shown on the next turn: the failing slot may be mid-paint
            self.box = QMessageBox(QMessageBox.Icon.Warning, "PSW Reflective Journal", message,
                                   QMessageBox.StandardButton.Ok, QApplication.activeWindow())
            self.box.setAccessibleName("Problem")
            self.box.finished.connect(self._closed)
            QTimer.singleShot(0, self.box.open)

    def _closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None


@contextlib.contextmanager
def errors_reported() -> Iterator[ErrorReporter]:
    """Report uncaught errors as messages while the block (the event loop) runs."""
    reporter, previous = ErrorReporter(), sys.excepthook
    sys.excepthook = reporter
    try:
        yield reporter
    finally:
        sys.excepthook = previous
