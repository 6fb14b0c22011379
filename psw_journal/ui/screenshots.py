"""Render the app's windows to PNG files: ``python -m psw_journal.ui.screenshots OUTDIR``.

Uses a throw-away journal holding the 15 sample entries; add ``--dark`` for a dark palette.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses
import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from psw_journal.core.entry import Link, LinkKind
from psw_journal.core.framework import load_framework
from psw_journal.core.jsonl import parse_jsonl
from psw_journal.core.suggest import Suggester
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.app import configure_application
from psw_journal.ui.controller import AppController
from psw_journal.ui.import_dialog import ImportDialog
from psw_journal.ui.import_source import ImportSource, read_source
from psw_journal.ui.theme import dark_palette

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.ui.coursework_window import CourseworkWindow
    from psw_journal.ui.main_window import MainWindow

DAYONE_SAMPLE = [
    {"uuid": "D1", "creationDate": "2025-09-02T17:30:00Z", "timeZone": "Europe/London",
     "text": "First shadow shift\n\nI mostly listened and made tea."},
    {"uuid": "D2", "creationDate": "2025-10-14T20:05:00Z", "timeZone": "Europe/London",
     "text": "Allotment group\n\nWe planted garlic. ![](dayone-moment://P1)",
     "photos": [{"identifier": "P1"}, {"identifier": "P2"}]},
    {"uuid": "D3", "creationDate": "2025-11-20T19:00:00Z", "timeZone": "Europe/London",
     "text": "Supervision\n\nTalked through the week with my supervisor."},
    {"uuid": "D4", "creationDate": "2026-01-09T18:45:00Z", "timeZone": "Europe/London",
     "text": "Back after the break\n\nNervous, then fine.", "starred": True},
]
SAMPLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "entries.jsonl"
PASSPHRASE = "screenshots only"


def link_sample_competences(store: JournalStore, per_entry: int = 2) -> None:
    """Link each sample entry to the competences the app would suggest for it.

    The samples carry only principles; this gives the coverage view something to show.
    """
    suggester = Suggester.from_framework(load_framework())
    for entry in list(store.iter_entries()):
        found = suggester.suggest(entry.title, entry.body, limit=per_entry)
        competences = [s.id for s in found.competences]
        links = (*entry.draft.links,
                 *(Link(LinkKind.COMPETENCE, target) for target in competences))
        store.update(entry.id, dataclasses.replace(entry.draft, links=links))


def _framework(window: MainWindow | CourseworkWindow) -> Framework:
    assert window.framework is not None  # loaded before any window is rendered
    return window.framework


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def render(out: Path, *, dark: bool = False) -> None:
    """Render every window the README shows, as PNG files in ``out``.

    Welcome, create and unlock (with errors), main window, link panel, import, coverage,
    export and coursework.
    """
    out.mkdir(parents=True, exist_ok=True)
    suffix = "_dark" if dark else ""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    configure_application(app)
    QApplication.setStyle("Fusion")
    if dark:
        QApplication.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        journal = Path(tmp) / "journal.db"
        _render_welcome(journal, out, suffix)
        with JournalStore.create(journal, PASSPHRASE) as store:
            store.add_many(parse_jsonl(SAMPLES.read_text(encoding="utf-8")))
            link_sample_competences(store)
        _render_create_error(Path(tmp) / "new.db", out, suffix)
        controller = AppController(journal)
        controller.start()
        assert controller.dialog is not None
        _save(controller.dialog, out / f"unlock{suffix}.png")
        controller.dialog.passphrase.setText("a wrong guess")
        controller.dialog.submit()
        _save(controller.dialog, out / f"unlock_error{suffix}.png")
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
        _render_import(window, Path(tmp), out, suffix)
        _render_import_unreadable(window, Path(tmp), out, suffix)
        _render_coverage(window, out, suffix)
        _render_export(window, out, suffix)
        _render_coursework(window, out, suffix)
        window.session.is_dirty = False
        controller.quit()


def _render_welcome(journal: Path, out: Path, suffix: str) -> None:
    controller = AppController(journal)
    controller.start()
    assert controller.welcome is not None
    controller.welcome.adjustSize()
    _save(controller.welcome, out / f"welcome{suffix}.png")
    controller.welcome.hide()
    controller.welcome.deleteLater()
    controller.welcome = None


def _render_create_error(journal: Path, out: Path, suffix: str) -> None:
    """The create dialog refusing a weak passphrase, saying why."""
    from psw_journal.ui.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(journal)
    dialog.show()
    dialog.passphrase.setText("abc")
    dialog.repeat.setText("abc")
    dialog.name.setText("Sam")
    dialog.submit()
    _save(dialog, out / f"create_error{suffix}.png")
    dialog.hide()
    dialog.deleteLater()


def _render_import(window: MainWindow, tmp: Path, out: Path, suffix: str) -> None:
    """Preview a Day One export with photos, one of its entries imported before."""
    export = tmp / "Journal.json"
    export.write_text(json.dumps({"entries": DAYONE_SAMPLE}), encoding="utf-8")
    earlier = tmp / "earlier.json"
    earlier.write_text(json.dumps({"entries": DAYONE_SAMPLE[:1]}), encoding="utf-8")
    window.bridge.import_entries(read_source(ImportSource.DAYONE, earlier))
    dialog = ImportDialog(window.bridge, window.framework, window)
    dialog.set_source(ImportSource.DAYONE, export)
    dialog.path.setText("~/Downloads/Journal.json")
    dialog.resize(620, 420)
    dialog.show()
    _save(dialog, out / f"import_preview{suffix}.png")
    dialog.reject()


VAULT_SAMPLE: dict[str, str | bytes] = {
    "2025/2025-09-02 first shadow shift.md": "# First shadow shift\n\nMostly listened. #placement",
    "2025/2025-10-14 allotment.md": "---\ndate: 2025-10-14 17:30\n---\n# Allotment group\n",
    "2025/old laptop/2025-11-20 supervision.md": "Caf\xe9 talk".encode("latin-1"),
    "2026/daily note.md": "---\ndate: {{date}}\n---\n# {{title}}\n",
    "2026/thoughts.md": "Undated thoughts about endings.",
    "Templates/Daily.md": "---\ndate: {{date}}\n---\n",
    "attachments/leaflet.pdf": b"%PDF-1.4",
}


def _render_import_unreadable(window: MainWindow, tmp: Path, out: Path, suffix: str) -> None:
    """Preview a folder of notes of which two cannot be read: they are listed, the rest come."""
    vault = tmp / "Reflections"
    for name, content in VAULT_SAMPLE.items():
        path = vault / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    dialog = ImportDialog(window.bridge, window.framework, window)
    dialog.set_source(ImportSource.MARKDOWN, vault)
    dialog.path.setText("~/Notes/Reflections")
    dialog.resize(620, 520)
    dialog.show()
    _save(dialog, out / f"import_unreadable{suffix}.png")
    dialog.reject()


def _render_coverage(window: MainWindow, out: Path, suffix: str) -> None:
    window.show_coverage()
    coverage_window = window.coverage_window
    coverage_window.resize(1100, 720)
    view = coverage_window.coverage
    assert view is not None and view.coverage is not None  # shown just above
    busiest = max(view.coverage.competences, key=lambda c: (c.count, c.last_date or 0))
    view.select_competence(busiest.id)
    _save(coverage_window, out / f"coverage_window{suffix}.png")
    coverage_window.tabs.setCurrentIndex(1)
    _save(coverage_window, out / f"coverage_window_prompts{suffix}.png")
    coverage_window.tabs.setCurrentIndex(0)


def _render_export(window: MainWindow, out: Path, suffix: str) -> None:
    """The export dialog limited to the entries linked to the principle "Safe"."""
    from PySide6.QtCore import Qt

    from psw_journal.ui.export_dialog import TARGET_ID_ROLE, ExportDialog

    dialog = ExportDialog(window.bridge.journal, _framework(window), window)
    principles = dialog.choice_panel.principle_list
    for row in range(principles.count()):
        if principles.item(row).data(TARGET_ID_ROLE) == "safe":
            principles.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.refresh()
    dialog.show()
    _save(dialog, out / f"export_dialog{suffix}.png")
    dialog.reject()


COURSEWORK_TEXT = (
    "For me, mutual means that neither of us is the expert in the room. On the ward I "
    "started by saying that I have been a patient too, and that I was there to learn what "
    "helps from the people I support as much as to offer anything.\n\n"
    "It is not always easy. When someone asked me for advice about their medication, I "
    "wanted to help, but mutual also means being honest about the limits of my role."
)


def _render_coursework(window: MainWindow, out: Path, suffix: str) -> None:
    """The coursework window: a piece from the principles brief, with text and examples."""
    from psw_journal.core.briefs import built_in_brief

    bridge = window.bridge
    piece = bridge.add_coursework(built_in_brief("principles", _framework(window)).new_piece(
        "What the principles of peer support mean to me"))
    entries = {entry.title: entry for entry in bridge.journal.iter_entries()}
    coursework = window.coursework_window
    coursework.session.show(piece)
    coursework.section_editor.body.setPlainText(COURSEWORK_TEXT + " I have lerned to")
    for title, passage in (("Introducing myself on a new ward", "New rotation, new ward."),
                           ("Hope as something you do", "Hope came up three times today")):
        entry = entries.get(title)
        if entry is not None:
            coursework.add_example(piece.id or 0, "mutual", bridge.quote(entry.id, passage))
    coursework.show_journal()
    coursework.resize(1280, 800)
    for _ in range(50):  # the word list loads on a worker thread; underlining follows
        QApplication.processEvents()
        if window.spelling.speller is not None and not window.spelling._pending:
            break
        import time

        time.sleep(0.05)
    _save(coursework, out / f"coursework{suffix}.png")
    coursework.session.save_now()
    _render_new_piece(coursework, out, suffix)
    coursework.hide()


def _render_new_piece(coursework: CourseworkWindow, out: Path, suffix: str) -> None:
    """The New piece dialog with the example brief file a tutor might send."""
    from psw_journal.ui.new_piece_dialog import NewPieceDialog

    brief = Path(__file__).resolve().parents[1] / "data" / "example-brief.yaml"
    dialog = NewPieceDialog(_framework(coursework), coursework)
    dialog.use_file(brief)
    dialog.path.setText("~/Downloads/example-brief.yaml")
    dialog.show()
    _save(dialog, out / f"new_coursework{suffix}.png")
    dialog.reject()
    dialog.deleteLater()


def main(argv: list[str]) -> int:
    """Render the screenshots into the folder given on the command line."""
    if not argv or argv[0].startswith("-"):
        print("usage: python -m psw_journal.ui.screenshots OUTDIR [--dark]", file=sys.stderr)
        return 2
    render(Path(argv[0]), dark="--dark" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
