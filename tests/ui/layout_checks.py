"""Checks that a window shows each of its widgets whole: nothing squashed or clipped."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

CHECKED = (QLabel, QLineEdit, QComboBox, QAbstractButton)


def squashed_widgets(window: QWidget) -> list[str]:
    """Return the visible widgets shorter than they need to be, described for a failure."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisible():
            continue
        if widget.hasHeightForWidth():
            needed = widget.heightForWidth(widget.width())
        else:
            needed = widget.minimumSizeHint().height()
        if widget.height() < needed:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()[:40]
            problems.append(f"{type(widget).__name__} {name!r}: {widget.height()} < {needed}")
    return problems
