"""Creating and unlocking a journal through the first window."""

from __future__ import annotations

import signal
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from psw_journal.persistence.store import JournalStore
from psw_journal.ui.app import PASSPHRASE_ENV, display_problem, run_gui
from psw_journal.ui.unlock_dialog import FORGET_WARNING, WRONG_PASSPHRASE

pytestmark = pytest.mark.ui


def test_create_journal_through_the_dialog(
    qtbot, controller, journal_path: Path, passphrase
) -> None:
    qtbot.mouseClick(controller.welcome.create_button, Qt.MouseButton.LeftButton)
    dialog = controller.dialog
    assert dialog.is_create
    assert any(label.text() == FORGET_WARNING for label in dialog.findChildren(type(dialog.error)))
    qtbot.keyClicks(dialog.passphrase, passphrase)
    assert "strong" in dialog.strength.text()
    qtbot.keyClicks(dialog.repeat, "not the same")
    dialog.submit()
    assert "not the same" in dialog.error.text()
    dialog.repeat.setText(passphrase)
    dialog.name.setText("Sam")
    dialog.role.setCurrentIndex(1)
    dialog.course.setText("Peer Support Level 3")
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert journal_path.exists()
    assert controller.bridge.profile()["name"] == "Sam"
    assert controller.bridge.profile()["role"] == "PSW student"
    assert controller.window.isVisible()


def test_unlock_with_a_wrong_then_the_right_passphrase(
    qtbot, sample_journal, controller, unlock
) -> None:
    dialog = controller.dialog
    assert not dialog.is_create
    dialog.passphrase.setText("wrong guess")
    dialog.submit()
    assert dialog.error.text() == WRONG_PASSPHRASE
    assert dialog.passphrase.text() == ""
    assert dialog.isVisible()
    assert not controller.bridge.is_open
    window = unlock(controller)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 15)


def test_no_display_gives_one_clear_line() -> None:
    message = display_problem({}, "linux")
    assert message is not None and message.startswith("No display found")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_the_store_opened_by_the_dialog_is_the_real_journal(
    sample_journal, controller, unlock, passphrase
) -> None:
    unlock(controller)
    controller.quit()
    with JournalStore.open(sample_journal, passphrase) as store:
        assert len(store.list()) == 15


def test_a_given_passphrase_opens_the_journal_without_the_dialog(
    qtbot, sample_journal, new_controller, passphrase
) -> None:
    new_controller.start(passphrase)
    assert new_controller.dialog is None
    assert new_controller.bridge.is_open
    window = new_controller.window
    assert window is not None and window.isVisible()
    assert window.list_model.rowCount() == 15


@pytest.mark.parametrize(
    ("given", "why"),
    [("wrong guess", WRONG_PASSPHRASE), ("\x00nul", WRONG_PASSPHRASE)],
)
def test_a_given_passphrase_that_fails_shows_the_dialog_saying_why(
    qtbot, sample_journal, new_controller, passphrase, given, why
) -> None:
    before = sample_journal.read_bytes()
    new_controller.start(given)
    dialog = new_controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.error.text() == why
    assert not new_controller.bridge.is_open
    assert new_controller.window is None or not new_controller.window.isVisible()
    assert sample_journal.read_bytes() == before
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(new_controller.unlocked, timeout=10_000):
        dialog.submit()
    assert new_controller.window.list_model.rowCount() == 15


def test_a_given_passphrase_for_a_damaged_file_names_the_problem(
    qtbot, tmp_path, new_controller, journal_path, passphrase
) -> None:
    journal_path.write_bytes(b"not a journal at all" * 100)
    new_controller.start(passphrase)
    dialog = new_controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert "not a PSW journal" in dialog.error.text(), dialog.error.text()
    assert journal_path.read_bytes() == b"not a journal at all" * 100


def _run_app_and_look(journal: Path) -> tuple[int, list[str]]:
    """Run the app as ``psw-journal --journal J`` does; note the visible windows, close them."""
    seen: list[str] = []

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen.extend(sorted(w.windowTitle() for w in windows))
        for window in windows:
            window.close()

    QTimer.singleShot(500, look_then_close)
    previous = signal.getsignal(signal.SIGTERM)
    code = run_gui(Namespace(journal=journal, demo=False))
    assert signal.getsignal(signal.SIGTERM) is previous  # run_gui stopped watching for it
    assert signal.set_wakeup_fd(-1) == -1
    return code, seen


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_the_app_started_with_a_passphrase_opens_or_asks(
    qtbot, sample_journal, passphrase, monkeypatch, right
) -> None:
    """The journal opens on a worker thread while Qt starts (run_gui), or the dialog asks."""
    monkeypatch.setenv(PASSPHRASE_ENV, passphrase if right else "wrong guess")
    code, seen = _run_app_and_look(sample_journal)
    assert code == 0
    assert seen == (["PSW Reflective Journal"] if right else ["Unlock your journal"])
    with JournalStore.open(sample_journal, passphrase) as store:  # closed, lock released
        assert len(store.list()) == 15


def test_a_given_passphrase_for_a_journal_damaged_inside_says_so(
    qtbot, sample_journal, new_controller, passphrase
) -> None:
    with sample_journal.open("r+b") as handle:  # the schema's page: opening reads it
        handle.seek(4096 + 100)
        handle.write(b"\xff" * 16)
    before = sample_journal.read_bytes()
    new_controller.start(passphrase)
    dialog = new_controller.dialog
    assert dialog is not None and dialog.isVisible()
    assert "damaged" in dialog.error.text(), dialog.error.text()
    assert not new_controller.bridge.is_open
    assert sample_journal.read_bytes() == before


@pytest.mark.qt_no_exception_capture
def test_a_journal_that_opens_but_cannot_be_listed_says_so_and_still_locks_when_idle(
    qtbot, sample_journal, controller, passphrase
) -> None:
    from psw_journal.ui.error_report import errors_reported

    with sample_journal.open("r+b") as handle:  # an entry page: opening works, listing fails
        handle.seek(4096 * 3 + 100)
        handle.write(b"\xff" * 16)
    with errors_reported() as reporter:
        controller.dialog.passphrase.setText(passphrase)
        qtbot.keyClick(controller.dialog.passphrase, "\r")
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        assert "damaged" in reporter.box.text()
        assert controller.bridge.is_open and controller.idle_lock.armed
        reporter.box.accept()


def test_a_backup_that_could_not_be_made_is_said_after_unlocking(
    qtbot, sample_journal, controller, unlock
) -> None:
    from psw_journal.persistence import backups

    for old in backups.backup_folder(sample_journal).iterdir():
        old.unlink()  # today's backup is still to be made
    with sample_journal.open("r+b") as handle:  # the last page: the journal still opens
        handle.seek(4096 * (sample_journal.stat().st_size // 4096 - 1) + 100)
        handle.write(b"\xff" * 16)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    unlock(controller)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].startswith("The journal is damaged, so no backup was made")
    assert not any(backups.backup_folder(sample_journal).iterdir())
