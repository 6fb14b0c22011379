"""Journal > Import…: a preview first, then every new entry or none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from psw_journal.persistence.store import EntryQuery
from psw_journal.ui.import_dialog import ImportDialog
from psw_journal.ui.import_source import ImportSource

pytestmark = pytest.mark.ui

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "entries.jsonl"


def _open_dialog(qtbot, controller, unlock) -> tuple:  # noqa: ANN001
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)
    window.actions_by_name["import"].trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.import_button.isEnabled()
    return window, dialog


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_preview_then_import_skips_what_was_imported_before(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    window, dialog = _open_dialog(qtbot, controller, unlock)
    records = [{"date": "2025-11-03", "title": "Induction week", "body": "Met the team."},
               {"date": "2026-02-14", "title": "A quiet shift", "body": "We played cards."}]
    first = _write_jsonl(tmp_path / "first.jsonl", records)
    dialog.set_source(ImportSource.JSONL, first)
    summary = dialog.summary.text()
    assert "2 entries" in summary and "2 new entries" in summary
    assert "2025" in summary and "2026" in summary  # the date range
    assert dialog.import_button.text() == "&Import 2 entries"
    assert controller.bridge.count(EntryQuery()) == 15  # nothing stored by the preview
    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2]
    assert controller.bridge.count(EntryQuery()) == 17
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 17)

    # A later export holding those two and one more adds only the new one.
    records.append({"date": "2026-03-01", "title": "Spring", "body": "Daffodils at the door."})
    second = _write_jsonl(tmp_path / "second.jsonl", records)
    window.actions_by_name["import"].trigger()
    again = next(d for d in window.findChildren(ImportDialog) if d.isVisible())
    again.set_source(ImportSource.JSONL, second)
    assert "3 entries" in again.summary.text()
    assert "2 are already in your journal" in again.summary.text()
    again.import_button.click()
    assert controller.bridge.count(EntryQuery()) == 18
    window.actions_by_name["import"].trigger()
    third = next(d for d in window.findChildren(ImportDialog) if d.isVisible())
    third.set_source(ImportSource.JSONL, second)
    assert "Nothing new to import" in third.summary.text()
    assert not third.import_button.isEnabled()


def test_markdown_folder_is_previewed_then_imported(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2026-01-20 supervision.md").write_text(
        "# Supervision with Amira\n\nWe talked about boundaries.\n", encoding="utf-8")
    (folder / "placement.md").write_text(
        "---\ntitle: Placement review\ndate: 2026-03-02\ntags: [placement]\n---\n"
        "It went better than I feared.\n", encoding="utf-8")
    dialog.set_source(ImportSource.MARKDOWN, folder)
    assert "2 entries" in dialog.summary.text()
    assert dialog.path.placeholderText() == "Choose a folder"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    titles = {s.title for s in controller.bridge.list(EntryQuery(limit=100))}
    assert {"Supervision with Amira", "Placement review"} <= titles
    assert controller.bridge.count(EntryQuery()) == 17


def test_problems_are_shown_before_importing(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    export = tmp_path / "Journal.json"
    export.write_text(json.dumps({"entries": [{
        "uuid": "A1", "creationDate": "2026-01-05T10:00:00Z",
        "text": "Day centre visit\n\nWe walked to the allotment.",
        "photos": [{"identifier": "P1"}, {"identifier": "P2"}],
    }]}), encoding="utf-8")
    dialog.set_source(ImportSource.DAYONE, export)
    assert "2 photos not imported" in dialog.summary.text()
    assert "text only" in dialog.summary.text()
    assert dialog.import_button.isEnabled()


def test_a_bad_file_shows_a_clear_message_and_imports_nothing(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"title": "Fine", "date": "2026-01-01"}\n{not json\n', encoding="utf-8")
    dialog.set_source(ImportSource.JSONL, bad)
    assert dialog.error.isVisibleTo(dialog)
    assert "line 2" in dialog.error.text()
    assert "Nothing will be imported" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_source(ImportSource.MARKDOWN, tmp_path / "missing")
    assert not dialog.import_button.isEnabled()
    assert controller.bridge.count(EntryQuery()) == 15
