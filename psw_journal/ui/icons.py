"""The app's SVG icons from resources/icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon, QPixmap

_INSTALLED = Path(__file__).resolve().parents[1] / "resources" / "icons"  # inside a wheel
ICON_DIR = (
    _INSTALLED
    if _INSTALLED.is_dir()
    else Path(__file__).resolve().parents[2] / "resources" / "icons"
)

_HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24" '
    'fill="none" stroke="#5b8db8" stroke-width="1.8" stroke-linecap="round" '
    'stroke-linejoin="round">'
)
#: Icons not (yet) in resources/icons, drawn in the same line style.
BUILT_IN = {
    # Three bars of different lengths: how much each part of the framework is evidenced.
    "coverage": _HEAD + '<path d="M4 6h9"/><path d="M4 12h15"/><path d="M4 18h6"/></svg>',
    # A page with an arrow leaving it: coursework going out of the app.
    "export": _HEAD + '<path d="M13 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h6"/>'
    '<path d="M11 12h10"/><path d="M17 8l4 4-4 4"/></svg>',
    # A page with an arrow coming in: another journal's entries arriving.
    "import": _HEAD + '<path d="M11 3h6a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-6"/>'
    '<path d="M3 12h10"/><path d="M9 8l4 4-4 4"/></svg>',
}


@cache
def icon(name: str) -> QIcon:
    """Return the icon ``resources/icons/<name>.svg`` (an empty icon if it is missing)."""
    path = ICON_DIR / f"{name}.svg"
    if path.exists():
        return QIcon(str(path))
    if name in BUILT_IN:
        pixmap = QPixmap()
        if pixmap.loadFromData(BUILT_IN[name].encode(), "SVG"):
            return QIcon(pixmap)
    return QIcon()
