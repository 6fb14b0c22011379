"""Counted phrases ("1 entry", "3 entries") that read right before any translation is loaded.

Qt's ``tr(text, "", n)`` picks plural forms only from a loaded translation; the en_GB source
text alone would say "1 entries". Each form is translated as its own string instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def counted(context: str, one: str, many: str, n: int) -> str:
    """Return ``one`` or ``many`` translated in ``context``, with ``{0}`` as the local number.

    Args:
        context: The translation context (usually the class name).
        one: The phrase for exactly one, e.g. ``"{0} entry"``.
        many: The phrase for any other number, e.g. ``"{0} entries"``.
        n: The number.
    """
    text = QCoreApplication.translate(context, one if n == 1 else many)
    return text.format(QLocale().toString(n))
