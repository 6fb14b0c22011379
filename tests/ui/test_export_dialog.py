"""The export dialog over the real encrypted sample journal: choose, review, preview, save."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from psw_journal.core.framework import load_framework
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.export_dialog import TARGET_ID_ROLE, ExportDialog
from psw_journal.ui.findings_view import FINDING_ROLE

pytestmark = pytest.mark.ui


@pytest.fixture
def store(sample_journal: Path, passphrase: str) -> Iterator[JournalStore]:
    """The sample journal, open as the app opens it (for writing)."""
    journal = JournalStore.open(sample_journal, passphrase)
    yield journal
    journal.close()


@pytest.fixture
def dialog(qtbot, store: JournalStore) -> ExportDialog:
    widget = ExportDialog(store, load_framework())
    qtbot.addWidget(widget)
    return widget


def _tick(qtbot, widget: QListWidget, target_id: str) -> None:
    """Tick a row of a choice list with the keyboard, as a user would."""
    row = next(i for i in range(widget.count())
               if widget.item(i).data(TARGET_ID_ROLE) == target_id)
    widget.setFocus()
    widget.setCurrentRow(row)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.item(row).checkState() == Qt.CheckState.Checked


def _listed_ids(dialog: ExportDialog) -> set[int]:
    return {int(dialog.choice_panel.entry_list.item(i).data(TARGET_ID_ROLE))
            for i in range(dialog.choice_panel.entry_list.count())}


def _close_saved_message(qtbot, dialog: ExportDialog) -> QMessageBox:
    """Answer the "Export saved" message with OK, as the user would."""
    box = None

    def shown() -> bool:
        nonlocal box
        box = dialog.findChild(QMessageBox, "export-saved")
        return box is not None and box.isVisible()

    qtbot.waitUntil(shown, timeout=5000)
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return box


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _save_markdown(qtbot, dialog: ExportDialog, target: Path, monkeypatch) -> str:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    dialog.choice_panel.format.setCurrentIndex(dialog.choice_panel.format.findData("markdown"))
    dialog.show()
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [str(target)]
    box = _close_saved_message(qtbot, dialog)
    assert str(target) in box.text()
    assert any(b.text() == "Open &folder" for b in box.buttons())
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    return target.read_text(encoding="utf-8")


def test_dialog_shows_findings_for_the_sample_journal(dialog) -> None:
    count = dialog.findings.topLevelItemCount()
    assert count >= 30
    texts = {dialog.findings.topLevelItem(i).data(0, FINDING_ROLE) for i in range(count)}
    assert "WF4 2LS" in texts
    assert dialog.choice_panel.entry_list.count() == 15
    assert dialog.choice_panel.principle_list.count() == 8
    assert dialog.choice_panel.entries_label.text().endswith("15 of 15")
    assert not dialog.choice_panel.appendix.isVisibleTo(dialog)  # for a coursework piece only


def test_not_identifying_is_remembered(dialog, store) -> None:
    first = dialog.findings.topLevelItem(0)
    text = first.data(0, FINDING_ROLE)
    before = dialog.findings.topLevelItemCount()
    dialog.findings.setCurrentItem(first)
    dialog.not_identifying.click()
    assert text in store.setting("confidentiality_ignore")
    assert dialog.findings.topLevelItemCount() < before


def test_preview_is_redacted(dialog) -> None:
    shown = dialog.preview.toPlainText()
    assert "[Person A]" in shown and "WF4 2LS" not in shown


def test_choosing_a_principle_keeps_only_its_entries(qtbot, dialog, store) -> None:
    entries = list(store.iter_entries())
    safe = {e.id for e in entries if "safe" in e.draft.principle_ids()}
    assert 0 < len(safe) < len(entries)
    with qtbot.waitSignal(dialog.preview_updated, timeout=3000):
        _tick(qtbot, dialog.choice_panel.principle_list, "safe")
        assert _listed_ids(dialog) == safe  # the list follows at once
    assert {e.id for e in dialog.chosen_entries()} == safe
    shown = dialog.preview.toPlainText()
    assert f"{len(safe)} entries." in shown
    headings = set(re.findall(r"^(\d{4}-\d\d-\d\d): (.+)$", shown, flags=re.MULTILINE))
    titles = {title for _, title in headings}
    for entry in entries:
        if entry.id not in safe:
            assert entry.title not in titles, entry.title
    assert any(entry.title in titles for entry in entries if entry.id in safe)
    assert dialog.choice_panel.entries_label.text().endswith(f"{len(safe)} of {len(entries)}")


def test_principle_filter_keeps_hand_unticked_entries_unticked(qtbot, dialog) -> None:
    first = dialog.choice_panel.entry_list.item(0)
    first_id = int(first.data(TARGET_ID_ROLE))
    first.setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.preview_updated, timeout=3000):
        _tick(qtbot, dialog.choice_panel.principle_list, "safe")
    entries = dialog.choice_panel.entry_list
    row = next(entries.item(i) for i in range(entries.count())
               if int(entries.item(i).data(TARGET_ID_ROLE)) == first_id)
    assert row.checkState() == Qt.CheckState.Unchecked
    assert first_id not in {e.id for e in dialog.chosen_entries()}


def test_saving_markdown_writes_the_file_and_leaves_the_journal_alone(
    qtbot, sample_journal, passphrase, tmp_path, monkeypatch
) -> None:
    before = _sha256(sample_journal)
    store = JournalStore.open(sample_journal, passphrase)
    try:
        dialog = ExportDialog(store, load_framework())
        qtbot.addWidget(dialog)
        redacted = {str(item.data(0, FINDING_ROLE)) for item in dialog.findings.rows()}
        assert redacted
        target = tmp_path / "out" / "coursework.md"
        target.parent.mkdir()
        saved = _save_markdown(qtbot, dialog, target, monkeypatch)
    finally:
        store.close()
    assert saved.startswith("---\n") and "# Reflections on the principles of peer support" in saved
    assert "15 entries." in saved
    for text in redacted:
        assert not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", saved), text
    assert "[Person A]" in saved
    assert sorted(p.name for p in target.parent.iterdir()) == ["coursework.md"]
    assert _sha256(sample_journal) == before


def test_saving_keeps_what_the_user_unticked(qtbot, dialog, tmp_path, monkeypatch) -> None:
    kept = next(item for item in dialog.findings.rows() if item.data(0, FINDING_ROLE) == "WF4 2LS")
    kept.setCheckState(0, Qt.CheckState.Unchecked)
    saved = _save_markdown(qtbot, dialog, tmp_path / "kept.md", monkeypatch)
    assert "WF4 2LS" in saved


def test_cancelling_the_file_dialog_writes_nothing(qtbot, dialog, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.save_button.isEnabled()
    assert list(tmp_path.glob("*.md")) == []


@pytest.fixture
def gate(monkeypatch) -> Iterator[threading.Event]:
    """Hold the export's writing step until the test opens the gate (a slow PDF, say)."""
    from psw_journal.services import writers

    opened = threading.Event()
    real_write = writers.write_pdf

    def slow_write(*args, **kwargs) -> int:
        assert opened.wait(30), "the test never opened the gate"
        return real_write(*args, **kwargs)

    monkeypatch.setattr(writers, "write_pdf", slow_write)
    yield opened
    opened.set()


def test_a_slow_save_shows_progress_and_keeps_the_window_alive(
    qtbot, dialog, gate, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "coursework.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    dialog.choice_panel.format.setCurrentIndex(dialog.choice_panel.format.findData("pdf"))
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    progress = dialog.findChild(QProgressDialog)
    assert progress is not None and progress.minimumDuration() == 500
    assert not dialog.save_button.isEnabled()  # no second save while one runs
    qtbot.waitUntil(lambda: progress.isVisible() and "Writing the PDF" in progress.labelText(),
                    timeout=5000)
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        gate.set()
    _close_saved_message(qtbot, dialog)
    assert target.read_bytes().startswith(b"%PDF")


def test_cancelling_a_save_writes_nothing(qtbot, dialog, tmp_path, monkeypatch) -> None:
    from psw_journal.services import export

    started, release = threading.Event(), threading.Event()
    real_compose = export.compose

    def slow_compose(*args, **kwargs):
        if threading.current_thread() is QApplication.instance().thread():  # the preview
            return real_compose(*args, **kwargs)
        started.set()
        assert release.wait(30)
        return real_compose(*args, **kwargs)

    monkeypatch.setattr(export, "compose", slow_compose)
    target = tmp_path / "coursework.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=5000)
    progress = dialog.findChild(QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    assert dialog.isVisible() and not target.exists()
    assert list(tmp_path.glob("*coursework*")) == []  # no partial file left either


def test_a_coursework_piece_is_exported_from_the_dialog(qtbot, store, tmp_path,
                                                         monkeypatch) -> None:
    import dataclasses

    from psw_journal.core.briefs import built_in_brief
    from psw_journal.core.coursework import quote_from

    framework = load_framework()
    piece = store.add_coursework(built_in_brief("principles", framework).new_piece("Mine"))
    example = quote_from(store.get(3), "I found a printed referral form")
    safe = dataclasses.replace(piece.section("safe"), text="Rang Kerry Tanner about it.",
                               examples=(example,))
    store.save_coursework(dataclasses.replace(piece, sections=tuple(
        safe if s.key == "safe" else s for s in piece.sections)))
    dialog = ExportDialog(store, framework, coursework_id=piece.id)
    qtbot.addWidget(dialog)
    choices = dialog.choice_panel
    assert not choices.entry_choices.isEnabled() and choices.appendix.isVisibleTo(dialog)
    texts = {row.data(0, FINDING_ROLE) for row in dialog.findings.rows()}
    assert "Kerry Tanner" in texts  # the piece's own text is checked
    saved = _save_markdown(qtbot, dialog, tmp_path / "piece.md", monkeypatch)
    assert "# Mine" in saved and "Kerry Tanner" not in saved and "> I found a printed" in saved


def test_word_is_offered_only_where_it_works(qtbot, store, monkeypatch) -> None:
    from psw_journal.ui import export_choices

    monkeypatch.setattr(export_choices, "docx_unavailable", lambda: "no pandoc here")
    dialog = ExportDialog(store, load_framework())
    qtbot.addWidget(dialog)
    index = dialog.choice_panel.format.findData("docx")
    assert not dialog.choice_panel.format.model().item(index).isEnabled()
    assert dialog.choice_panel.format.currentData() != "docx"


def test_the_authors_own_name_is_neither_listed_nor_replaced(qtbot, store, tmp_path,
                                                             monkeypatch) -> None:
    from psw_journal.core.entry import EntryDraft

    store.set_setting("profile", {"name": "Sam Reyes"})
    store.add(EntryDraft(title="Own name", body="Sam Reyes, that's me, rang Kerry Tanner."))
    dialog = ExportDialog(store, load_framework())
    qtbot.addWidget(dialog)
    listed = {str(row.data(0, FINDING_ROLE)) for row in dialog.findings.rows()}
    assert "Kerry Tanner" in listed and not any("Reyes" in text for text in listed)
    saved = _save_markdown(qtbot, dialog, tmp_path / "own.md", monkeypatch)
    assert "Sam Reyes, that's me, rang [Person" in saved
