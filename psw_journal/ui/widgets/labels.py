"""Labels that name a field and move the keyboard focus to it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy_label(text: str, buddy: QWidget, *, bold: bool = False,
                label: QLabel | None = None) -> QLabel:
    """Return a label whose &-mnemonic (Alt+letter) moves the focus to ``buddy``.

    Args:
        text: The label's text, with its mnemonic marked by "&" (ignored with ``label``).
        buddy: The field the mnemonic focuses.
        bold: Show the label in bold (a heading over a list).
        label: An existing label to use (one whose text changes), instead of a new one.
    """
    label = label or QLabel(text)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    label.setBuddy(buddy)
    return label
