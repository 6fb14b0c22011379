"""Take back, when the journal locks, the journal text this app put on the clipboard.

Only what the app itself put there is cleared, and only if the clipboard still holds it: text
copied in another application afterwards is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication


class ClipboardGuard(QObject):
    """Remember what the app copies (clipboard and X11 selection); clear it on request."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: dict[QClipboard.Mode, str] = {}
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.changed.connect(self._on_changed)

    def _on_changed(self, mode: QClipboard.Mode) -> None:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text(mode)
        if text and self._is_ours(clipboard, mode):
            self._ours[mode] = text
        else:
            self._ours.pop(mode, None)

    @staticmethod
    def _is_ours(clipboard: QClipboard, mode: QClipboard.Mode) -> bool:
        """Tell whether this app made the change.

        X11 and Windows say who owns the clipboard; where the platform cannot tell (macOS,
        Wayland), a change made while this app is the active one is taken as its own.
        """
        owns = (clipboard.ownsSelection() if mode is QClipboard.Mode.Selection
                else clipboard.ownsClipboard())
        return owns or (QGuiApplication.applicationState()
                        is Qt.ApplicationState.ApplicationActive)

    def take_back(self) -> None:
        """Clear each clipboard that still holds what this app put there."""
        clipboard = QGuiApplication.clipboard()
        ours, self._ours = self._ours, {}
        for mode, text in ours.items():
            if clipboard is not None and clipboard.text(mode) == text:
                clipboard.clear(mode)
