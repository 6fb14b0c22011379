"""Render resources/icons/app.svg into the freedesktop hicolor PNG sizes.

Run from anywhere (Qt draws offscreen, no display needed)::

    .venv/bin/python packaging/render_icons.py

It writes ``resources/icons/hicolor/SIZExSIZE/apps/psw-journal.png`` for each size in
``SIZES``; run it again whenever ``app.svg`` changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICON_NAME = "psw-journal"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(
    source: Path = SOURCE, target: Path = HICOLOR, sizes: tuple[int, ...] = SIZES
) -> list[Path]:
    """Render ``source`` at every size; return the PNG files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = target / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    del app
    return written


def main() -> int:
    """Render the icons and report what was written."""
    for path in render():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
