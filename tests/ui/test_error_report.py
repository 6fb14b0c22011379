"""An error escaping into Qt's event loop is shown to the user, once, and never as a traceback."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from psw_journal.core.errors import JournalDamaged
from psw_journal.ui.error_report import UNEXPECTED, errors_reported

pytestmark = [pytest.mark.ui, pytest.mark.qt_no_exception_capture]


def _raise(exc: BaseException) -> None:
    raise exc


def test_a_journal_problem_in_a_slot_is_shown_once_in_its_own_words(qtbot, capfd):
    damaged = JournalDamaged("journal.db is damaged and cannot be read in full.")
    with errors_reported() as reporter:
        for _ in range(3):  # e.g. every repaint asks the damaged journal for the same page
            QTimer.singleShot(0, lambda: _raise(damaged))
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        box = reporter.box
        assert box.text() == str(damaged)
        qtbot.wait(50)
        assert reporter.box is box  # repeats are not stacked
        box.accept()
        qtbot.waitUntil(lambda: reporter.box is None)
    assert "Traceback" not in capfd.readouterr().err


def test_a_bug_in_a_slot_says_saved_entries_are_safe(qtbot, capfd, monkeypatch):
    monkeypatch.delenv("PSW_JOURNAL_DEBUG", raising=False)
    with errors_reported() as reporter:
        QTimer.singleShot(0, lambda: _raise(ValueError("internal detail")))
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
        assert reporter.box.text() == UNEXPECTED.format("ValueError")
        assert "internal detail" not in reporter.box.text()
        reporter.box.accept()
    assert "Traceback" not in capfd.readouterr().err
