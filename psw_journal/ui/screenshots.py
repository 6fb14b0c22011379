"""Render the app's windows to PNG files: ``python -m psw_journal.ui.screenshots OUTDIR``.

Uses a throw-away journal holding the 15 sample entries; add ``--dark`` for a dark palette.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from psw_journal.core.jsonl import parse_jsonl  # noqa: E402
from psw_journal.persistence.store import JournalStore  # noqa: E402
from psw_journal.ui.app import configure_application  # noqa: E402
from psw_journal.ui.controller import AppController  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "entries.jsonl"
PASSPHRASE = "screenshots only"


def dark_palette() -> QPalette:
    """Return a calm dark palette (to check readability in dark mode)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#26282b"), (role.WindowText, "#e6e6e6"),
                      (role.Base, "#1e1f22"), (role.AlternateBase, "#2b2d30"),
                      (role.Text, "#e6e6e6"), (role.Button, "#2f3134"),
                      (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d6f8f"),
                      (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#2b2d30"),
                      (role.ToolTipText, "#e6e6e6"), (role.PlaceholderText, "#9a9a9a"),
                      (role.Link, "#8cc4e8")):
        palette.setColor(r, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#8a8a8a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#8a8a8a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#8a8a8a"))
    return palette


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def render(out: Path, *, dark: bool = False) -> None:
    """Render unlock.png, main_window.png and link_panel.png into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    suffix = "_dark" if dark else ""
    app = QApplication.instance() or QApplication([])
    configure_application(app)
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        journal = Path(tmp) / "journal.db"
        with JournalStore.create(journal, PASSPHRASE) as store:
            store.add_many(parse_jsonl(SAMPLES.read_text(encoding="utf-8")))
        controller = AppController(journal)
        controller.start()
        assert controller.dialog is not None
        _save(controller.dialog, out / f"unlock{suffix}.png")
        controller.dialog.passphrase.setText(PASSPHRASE)
        controller.dialog.submit()
        while controller.window is None:
            app.processEvents()
        window = controller.window
        window.resize(1280, 800)
        window.entry_list.setCurrentIndex(window.list_model.index(1))
        window.suggestions.refresh()
        _save(window, out / f"main_window{suffix}.png")
        panel = window.link_panel
        panel.tabs.setCurrentIndex(2)
        if panel.linked.count():
            panel.linked.setCurrentRow(0)
        panel.resize(420, 800)
        _save(panel, out / f"link_panel{suffix}.png")
        window.session.is_dirty = False
        controller.quit()


def main(argv: list[str]) -> int:
    """Render the screenshots into the folder given on the command line."""
    if not argv or argv[0].startswith("-"):
        print("usage: python -m psw_journal.ui.screenshots OUTDIR [--dark]", file=sys.stderr)
        return 2
    render(Path(argv[0]), dark="--dark" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
