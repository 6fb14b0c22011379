"""A busy indicator for work that blocks the window for more than a moment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMainWindow


@contextmanager
def busy(window: QMainWindow | None, message: str) -> Iterator[None]:
    """Show a wait cursor and a status-bar message while the body runs.

    The message is painted before the work starts (user input is held back meanwhile), so
    the window says what it is doing instead of looking frozen.

    Args:
        window: The window whose status bar shows the message (None: cursor only).
        message: What is happening, in plain words ("Preparing the export…").
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    if window is not None:
        window.statusBar().showMessage(message)
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        if window is not None and window.statusBar().currentMessage() == message:
            window.statusBar().clearMessage()
