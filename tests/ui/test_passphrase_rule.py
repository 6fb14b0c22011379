"""The app refuses a weak passphrase unless the user says they understand, and says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_checks import squashed_widgets
from PySide6.QtCore import Qt

from psw_journal.core.passphrase_strength import WHY_IT_MATTERS

pytestmark = pytest.mark.ui


def _create_dialog(qtbot, controller):
    qtbot.mouseClick(controller.welcome.create_button, Qt.MouseButton.LeftButton)
    dialog = controller.dialog
    assert dialog is not None and dialog.is_create
    qtbot.waitExposed(dialog)
    return dialog


def test_a_weak_passphrase_needs_an_explicit_i_understand(
    qtbot, controller, journal_path: Path
) -> None:
    dialog = _create_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.passphrase, "abc")
    qtbot.keyClicks(dialog.repeat, "abc")
    assert "weak" in dialog.strength.text()
    dialog.submit()
    assert not journal_path.exists()
    assert WHY_IT_MATTERS in dialog.error.text()
    assert dialog.new_passphrase.accept_weak.isVisible()
    dialog.repeat.setText("abc")
    dialog.new_passphrase.accept_weak.setChecked(True)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        dialog.submit()
    assert journal_path.exists()


def test_a_strong_passphrase_needs_no_confirmation(qtbot, controller, journal_path: Path) -> None:
    dialog = _create_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.passphrase, "kettle orange wednesday lamp")
    dialog.repeat.setText("kettle orange wednesday lamp")
    assert "strong" in dialog.strength.text()
    assert not dialog.new_passphrase.accept_weak.isVisible()
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        dialog.submit()
    assert journal_path.exists()


def test_the_users_own_name_makes_a_passphrase_weaker(qtbot, controller) -> None:
    dialog = _create_dialog(qtbot, controller)
    dialog.passphrase.setText("blorptwinkle quazzle")
    before = dialog.new_passphrase.rating().strength
    dialog.name.setText("Blorptwinkle Quazzle")
    assert dialog.new_passphrase.rating().strength < before


def test_the_create_dialog_is_not_squashed_by_an_error(qtbot, controller) -> None:
    dialog = _create_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.passphrase, "abc")
    qtbot.keyClicks(dialog.repeat, "abd")
    dialog.submit()
    assert dialog.error.isVisible()
    qtbot.wait(10)
    assert squashed_widgets(dialog) == []
    dialog.repeat.setText("abc")
    dialog.submit()
    assert WHY_IT_MATTERS in dialog.error.text()
    qtbot.wait(10)
    assert squashed_widgets(dialog) == []


def test_the_unlock_dialog_is_not_squashed_by_an_error(qtbot, sample_journal, controller) -> None:
    dialog = controller.dialog
    qtbot.waitExposed(dialog)
    dialog.passphrase.setText("wrong guess")
    dialog.submit()
    assert dialog.error.isVisible()
    qtbot.wait(10)
    assert squashed_widgets(dialog) == []
