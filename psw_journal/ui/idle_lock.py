"""Lock the journal after a quiet spell: any key, click or scroll resets the countdown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class IdleLock(QObject):
    """An application-wide event filter (while armed) with a single-shot timer.

    Signals:
        idle(): nobody used the app for the whole timeout.
    """

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._armed = False

    @property
    def armed(self) -> bool:
        """Whether the countdown runs (the journal is unlocked)."""
        return self._armed

    def set_timeout_ms(self, milliseconds: int) -> None:
        """Set the quiet time before locking (0 turns idle locking off)."""
        self._timer.setInterval(max(0, milliseconds))
        if self._armed:
            self.arm()

    def set_timeout_minutes(self, minutes: int) -> None:
        """Set the quiet time in minutes (0 turns idle locking off)."""
        self.set_timeout_ms(minutes * 60_000)

    def arm(self) -> None:
        """Start counting and watching the app's input (while the journal is unlocked).

        The filter is installed only now: while locked no event needs to reach Python, and the
        first one that does costs ~15 ms (PySide6 builds its enum types), which would otherwise
        fall on showing the unlock window.
        """
        app = QCoreApplication.instance()
        if not self._armed and app is not None:
            app.installEventFilter(self)
        self._armed = True
        if self._timer.interval() > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def disarm(self) -> None:
        """Stop counting and watching (while locked)."""
        app = QCoreApplication.instance()
        if self._armed and app is not None:
            app.removeEventFilter(self)
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Restart the countdown on user input; never swallow the event."""
        if self._armed and event.type() in _INPUT_EVENTS and self._timer.interval() > 0:
            self._timer.start()
        return False
