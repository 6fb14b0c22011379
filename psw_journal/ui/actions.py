"""A window's actions by name: each with its icon, shortcut and tooltip, made one way."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from psw_journal.ui.icons import icon

Shortcut = QKeySequence.StandardKey | str | None


class ActionSet(dict[str, QAction]):
    """The actions of one window, by name; each is added to the window, so its shortcut works.

    Args:
        window: The window that owns the actions and takes their shortcuts.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self._window = window

    def add(self, name: str, text: str, icon_name: str = "",
            shortcut: Shortcut = None) -> QAction:
        """Make an action, named ``name``, with its tooltip taken from ``text``.

        Args:
            name: The key it is found by.
            text: Its menu text, with an "&" before the mnemonic.
            icon_name: The icon's name ("" for none).
            shortcut: A standard key (with the platform's alternatives) or a key sequence.
        """
        action = QAction(icon(icon_name), text, self._window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(text.replace("&", ""))
        self[name] = action
        self._window.addAction(action)
        return action

    def ensure_shortcut(self, name: str, fallback: str) -> None:
        """Bind ``fallback`` where the platform has no standard key for an action."""
        if not self[name].shortcuts():
            self[name].setShortcut(QKeySequence(fallback))
