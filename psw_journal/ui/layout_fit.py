"""Keep a window tall enough for its wrapped text when its content grows (an error appears)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make a shown window at least as tall as its layout needs at its current width.

    Qt sizes a top-level window from its layout's minimum size, which ignores how tall
    word-wrapped labels become at the actual width: a message shown later then squashes the
    rest of the window. This asks for the height at the width the window really has.
    """
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = window.heightForWidth(width) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalMinimumSize().height(), window.minimumSizeHint().height())
    if window.height() < needed:
        window.resize(width, needed)
