"""Dialogs that show journal content empty themselves, then close, when the journal locks."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QDialog, QWidget


@runtime_checkable
class HoldsContent(Protocol):
    """A dialog showing journal content (history, export, preferences, quoting)."""

    def clear_content(self) -> None:
        """Forget and stop showing everything from the journal."""


def close_dialogs(window: QWidget) -> None:
    """Close every dialog of ``window``, the newest first, emptying those holding content."""
    for dialog in reversed(window.findChildren(QDialog)):
        if isinstance(dialog, HoldsContent):
            dialog.clear_content()
        dialog.reject()
