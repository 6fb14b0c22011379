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


def _open_dialog(qtbot, controller, unlock) -> tuple:
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
    assert dialog.summary.text().count("photo") == 1  # one summary line, not one per entry
    assert dialog.import_button.isEnabled()


def test_a_file_that_cannot_be_read_shows_a_clear_message_and_imports_nothing(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    bad = tmp_path / "broken.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    dialog.set_source(ImportSource.JSONL, bad)
    assert dialog.error.isVisibleTo(dialog)
    assert "line 1" in dialog.error.text()
    assert "Nothing will be imported" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_source(ImportSource.MARKDOWN, tmp_path / "missing")
    assert not dialog.import_button.isEnabled()
    assert controller.bridge.count(EntryQuery()) == 15


def _vault_with_unreadable_notes(folder: Path) -> Path:
    (folder / "2026" / "March").mkdir(parents=True)
    (folder / "Templates").mkdir()
    (folder / "2026" / "March" / "2026-03-02 allotment.md").write_text(
        "# Allotment group\n\nWe planted garlic. #outdoors\n", encoding="utf-8")
    (folder / "2026" / "March" / "2026-03-09 supervision.md").write_text(
        "---\ndate: 2026-03-09 16:30\n---\n# Supervision\n\nTalked about endings.\n",
        encoding="utf-8")
    (folder / "2026" / "March" / "old laptop notes.md").write_bytes(
        "Caf\xe9 with Jo".encode("latin-1"))
    (folder / "2026" / "daily template.md").write_text(
        "---\ndate: {{date}}\n---\n# {{title}}\n", encoding="utf-8")
    (folder / "Templates" / "Daily.md").write_text("---\ndate: {{date}}\n---\n",
                                                   encoding="utf-8")
    return folder


def test_unreadable_files_are_listed_and_import_brings_the_rest(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    window, dialog = _open_dialog(qtbot, controller, unlock)
    dialog.set_source(ImportSource.MARKDOWN, _vault_with_unreadable_notes(tmp_path / "vault"))
    summary = dialog.summary.text()
    assert "2 files cannot be read" in summary
    assert "2026/March/old laptop notes.md: not UTF-8 text" in summary
    assert "2026/daily template.md: it is a template" in summary
    assert "Templates folder &#x27;Templates&#x27; skipped." in summary
    assert not dialog.error.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "&Import 2 entries"
    with qtbot.waitSignal(dialog.imported) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args == [2]
    titles = {s.title: s for s in controller.bridge.list(EntryQuery(limit=100))}
    assert {"Allotment group", "Supervision"} <= set(titles)
    assert titles["Supervision"].time_of_day is not None
    assert controller.bridge.count(EntryQuery()) == 17


def test_enter_in_the_file_field_previews_and_does_not_import(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    export = _write_jsonl(tmp_path / "typed.jsonl", [{"date": "2026-02-14", "title": "Cards"}])
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(export))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "1 new entry" in dialog.summary.text()
    assert controller.bridge.count(EntryQuery()) == 15
    assert dialog.path.hasFocus()


def test_a_typed_path_is_previewed_after_a_pause_without_leaving_the_field(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    export = _write_jsonl(tmp_path / "typed.jsonl", [{"date": "2026-02-14", "title": "Cards"}])
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(export))
    qtbot.waitUntil(lambda: "1 new entry" in dialog.summary.text(), timeout=3000)
    assert dialog.path.hasFocus()
    assert dialog.import_button.isEnabled()


def test_an_error_does_not_clip_the_preview(
    qtbot, tmp_path, sample_journal, controller, unlock
) -> None:
    _window, dialog = _open_dialog(qtbot, controller, unlock)
    dialog.resize(580, 420)
    dialog.set_source(ImportSource.MARKDOWN, _vault_with_unreadable_notes(tmp_path / "vault"))
    controller.bridge.close()  # the journal locks before Import is pressed
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisibleTo(dialog)
    assert "Nothing was imported" in dialog.error.text()
    qtbot.waitUntil(lambda: dialog.summary.height() > 0)
    # The preview keeps its full height inside its scroll area: it scrolls, it is not cut.
    assert dialog.summary.height() >= dialog.summary.heightForWidth(dialog.summary.width())
    assert dialog.summary_area.viewport().height() >= 100
