"""A full disk when the journal locks or the app quits: the unsaved text is never lost."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from test_lock_and_resume import lock, select_row

from psw_journal.persistence.store import JournalStore

pytestmark = pytest.mark.ui

LOST_WORDS = "A paragraph written as the disk filled up, which must never be lost. "


@pytest.fixture
def journal_path(tmp_path: Path) -> Iterator[Path]:
    """The journal on a 3 MB file system of its own, so the test can fill it."""
    if os.geteuid() != 0:
        pytest.skip("filling a disk needs a tmpfs of its own, which needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("needs permission to mount a small tmpfs")
    try:
        yield disk / "journal.db"
    finally:
        with contextlib.suppress(OSError):
            subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(folder: Path) -> Path:
    ballast = folder / "ballast"
    with ballast.open("wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    return ballast


def test_a_save_that_fails_at_lock_hides_everything_then_brings_the_text_back(
    qtbot, sample_journal, controller, unlock, passphrase
):
    window = unlock(controller)
    entry_id = select_row(qtbot, window, 1)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    unsaved = LOST_WORDS * 8000  # about 560 KB: more than the log has room for
    body.insertPlainText(unsaved)
    ballast = _fill(sample_journal.parent)
    lock(qtbot, controller, window)

    assert not window.isVisible()
    assert body.toPlainText() == "" and window.list_model.rowCount() == 0
    assert not controller.bridge.is_open
    (box,) = controller.dialog.findChildren(QMessageBox)
    assert box.isVisible() and "not saved" in box.windowTitle().lower()
    assert "come back" in box.text() and "disk is full" in box.text()
    ballast.unlink()  # the user frees some space
    box.accept()

    unlock(controller)
    assert window.session.entry_id == entry_id
    assert unsaved in body.toPlainText()
    assert window.session.is_dirty
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    controller.quit()
    with JournalStore.open(sample_journal, passphrase) as store:
        assert unsaved in store.get(entry_id).body


def test_quitting_when_the_save_fails_keeps_the_window_and_the_text(
    qtbot, sample_journal, controller, unlock
):
    window = unlock(controller)
    select_row(qtbot, window, 1)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    body.insertPlainText(LOST_WORDS * 8000)
    ballast = _fill(sample_journal.parent)
    window.actions_by_name["quit"].trigger()
    assert window.isVisible() and controller.bridge.is_open
    assert LOST_WORDS in body.toPlainText()
    (box,) = window.findChildren(QMessageBox)
    assert "stays open" in box.text()
    box.accept()
    ballast.unlink()
    assert window.session.save_now()
