"""Light, dark or the system's colours: Qt's colour scheme where it can, a palette where not.

``QStyleHints.setColorScheme`` (Qt 6.8+) asks the platform theme (Windows, macOS, GNOME and
KDE through their portals) to switch; where the platform cannot, the app sets a palette of its
own, so the choice in Preferences always shows.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


class Appearance(enum.StrEnum):
    """The user's choice in Preferences."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """Return how Preferences names the choice."""
        return {"system": "Same as the system", "light": "Light", "dark": "Dark"}[self.value]


def dark_palette() -> QPalette:
    """Return a calm dark palette whose text meets WCAG AA contrast on every background."""
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#26282b"), (role.WindowText, "#e6e6e6"),
                      (role.Base, "#1e1f22"), (role.AlternateBase, "#2b2d30"),
                      (role.Text, "#e6e6e6"), (role.Button, "#2f3134"),
                      (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d6f8f"),
                      (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#2b2d30"),
                      (role.ToolTipText, "#e6e6e6"), (role.PlaceholderText, "#9a9a9a"),
                      (role.Link, "#8cc4e8"), (role.BrightText, "#ffffff"),
                      (role.Light, "#3a3c40"), (role.Midlight, "#333539"),
                      (role.Mid, "#2a2c2f"), (role.Dark, "#151618"), (role.Shadow, "#000000")):
        palette.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor("#8a8a8a"))
    return palette


def light_palette() -> QPalette:
    """Return the style's own light palette (what Fusion draws without a platform theme)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#efefef"), (role.WindowText, "#000000"),
                      (role.Base, "#ffffff"), (role.AlternateBase, "#f7f7f7"),
                      (role.Text, "#000000"), (role.Button, "#efefef"),
                      (role.ButtonText, "#000000"), (role.Highlight, "#308cc6"),
                      (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#ffffdc"),
                      (role.ToolTipText, "#000000"), (role.PlaceholderText, "#6f6f6f"),
                      (role.Link, "#0000ff")):
        palette.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor("#8c8c8c"))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Tell whether a palette has a dark window background."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_appearance(app: QGuiApplication, choice: Appearance) -> None:
    """Show the app light, dark or as the system does."""
    hints = app.styleHints()
    wanted = {Appearance.SYSTEM: Qt.ColorScheme.Unknown, Appearance.LIGHT: Qt.ColorScheme.Light,
              Appearance.DARK: Qt.ColorScheme.Dark}[choice]
    if hasattr(hints, "setColorScheme"):  # Qt 6.8 and later
        if choice is Appearance.SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(wanted)
    if choice is Appearance.SYSTEM or hints.colorScheme() == wanted:
        app.setPalette(QPalette())  # the platform's (or the style's) own colours
    else:
        app.setPalette(dark_palette() if choice is Appearance.DARK else light_palette())
