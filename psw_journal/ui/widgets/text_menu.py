"""A plain-text editor's context menu: Qt's own, then what other parts add (spelling, quoting).

Several features add to the same menu without knowing of each other: each registers an
extender, called with the menu and a text cursor at the place the menu was asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

#: Adds actions to a menu; the cursor is at the click (or the text cursor, from the keyboard).
MenuExtender = Callable[[QMenu, QTextCursor], None]
_NAME = "text-context-menu"


class TextContextMenu(QObject):
    """Show an editor's context menu with the extenders' actions (see :meth:`of`)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.setObjectName(_NAME)
        self._editor = editor
        self._extenders: list[MenuExtender] = []
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show)

    @classmethod
    def of(cls, editor: QPlainTextEdit) -> TextContextMenu:
        """Return the editor's context menu builder, making it on first use."""
        existing = editor.findChild(TextContextMenu, _NAME)
        return existing if isinstance(existing, TextContextMenu) else cls(editor)

    def add(self, extender: MenuExtender) -> None:
        """Call ``extender`` on every menu from now on, after those added before."""
        self._extenders.append(extender)

    def build(self, pos: QPoint) -> QMenu:
        """Return the menu for a position in the editor's viewport (the caller deletes it)."""
        menu = self._editor.createStandardContextMenu(pos)
        cursor = self._editor.cursorForPosition(pos)
        for extend in self._extenders:
            extend(menu, cursor)
        return menu

    def _show(self, pos: QPoint) -> None:
        menu = self.build(pos)
        try:
            menu.exec(self._editor.viewport().mapToGlobal(pos))
        finally:
            menu.deleteLater()
