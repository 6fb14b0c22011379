"""Preferences: change the passphrase, choose light or dark; charts read in both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.errors import WrongPassphrase
from psw_journal.core.framework import load_framework
from psw_journal.persistence.store import EntryQuery, JournalStore
from psw_journal.ui.charts_view import ChartsView, month_ticks
from psw_journal.ui.preferences_dialog import ChangePassphraseDialog, PreferencesDialog
from psw_journal.ui.theme import is_dark

pytestmark = pytest.mark.ui

NEW_PASSPHRASE = "kettle orange wednesday lamp"


def _open_preferences(qtbot, controller, act) -> None:
    """Open Preferences, let ``act(dialog)`` work in it, then close it with OK."""
    def work() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        try:
            act(dialog)
        finally:
            dialog.accept()

    QTimer.singleShot(0, work)
    controller.window.actions_by_name["preferences"].trigger()


def test_change_the_passphrase_in_preferences(qtbot, sample_journal, controller, unlock,
                                              passphrase):
    unlock(controller)
    seen: dict[str, str] = {}

    def change(prefs: PreferencesDialog) -> None:
        dialog = prefs.ask_new_passphrase()
        assert isinstance(dialog, ChangePassphraseDialog)
        dialog.current.setText("not the passphrase")
        dialog.new.passphrase.setText(NEW_PASSPHRASE)
        dialog.new.repeat.setText(NEW_PASSPHRASE)
        dialog.submit()
        seen["wrong"] = dialog.error.text()
        dialog.current.setText(passphrase)
        dialog.new.passphrase.setText("abc")
        dialog.new.repeat.setText("abc")
        dialog.submit()
        seen["weak"] = dialog.error.text()
        dialog.new.passphrase.setText(NEW_PASSPHRASE)
        dialog.new.repeat.setText(NEW_PASSPHRASE)
        dialog.submit()
        seen["done"] = str(dialog.result())

    _open_preferences(qtbot, controller, change)
    assert "not the journal's current passphrase" in seen["wrong"]
    assert "weak" in seen["weak"] and "only protection" in seen["weak"]
    assert seen["done"] == "1"
    controller.quit()
    with pytest.raises(WrongPassphrase):
        JournalStore.open(sample_journal, passphrase)
    with JournalStore.open(sample_journal, NEW_PASSPHRASE) as store:
        assert store.count(EntryQuery(limit=None)) == 15


def test_choose_dark_then_light_then_the_system(qtbot, sample_journal, controller, unlock):
    window = unlock(controller)
    app = QApplication.instance()
    system = app.palette().color(QPalette.ColorRole.Window)
    for choice, dark in (("dark", True), ("light", False)):
        _open_preferences(qtbot, controller, lambda d, c=choice: d.appearance.setCurrentIndex(
            d.appearance.findData(c)))
        assert is_dark(app.palette()) is dark
        qtbot.waitUntil(lambda d=dark: is_dark(window.palette()) is d)
        assert controller.settings.appearance == choice
    _open_preferences(qtbot, controller,
                      lambda d: d.appearance.setCurrentIndex(d.appearance.findData("system")))
    assert app.palette().color(QPalette.ColorRole.Window) == system


def test_charts_follow_a_switch_to_dark(qtbot, tmp_path: Path):
    from psw_journal.ui.theme import dark_palette

    with JournalStore.create(tmp_path / "c.db", "pw") as store:
        store.add(EntryDraft("a", "b", dt.date(2026, 11, 3), stress=3))
        view = ChartsView(store, load_framework())
        qtbot.addWidget(view)
        view.setPalette(dark_palette())
        chart = view.stress_view.chart()
        assert chart.backgroundBrush().color().lightness() < 80
        assert chart.axes(Qt.Orientation.Horizontal)[0].labelsBrush().color().lightness() > 180


def test_the_stress_axis_names_each_month_once_with_its_year(qtbot, tmp_path: Path):
    with JournalStore.create(tmp_path / "s.db", "pw") as store:
        for day, stress in ((dt.date(2026, 11, 2), 2), (dt.date(2026, 11, 28), 4),
                            (dt.date(2026, 12, 20), 3), (dt.date(2027, 2, 5), 1)):
            store.add(EntryDraft("s", "b", day, stress=stress,
                                 links=(Link(LinkKind.PRINCIPLE, "safe"),)))
        view = ChartsView(store, load_framework())
        qtbot.addWidget(view)
        (axis,) = view.stress_view.chart().axes(Qt.Orientation.Horizontal)
        assert isinstance(axis, QCategoryAxis)
        labels = axis.categoriesLabels()
        assert labels == ["Dec 2026", "Jan 2027", "Feb 2027"]
        timeline = view.timeline_view.chart().axes(Qt.Orientation.Horizontal)[0]
        assert timeline.categories() == ["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027"]


def test_month_ticks_stay_few_and_unique() -> None:
    ticks = month_ticks(dt.date(2024, 1, 15), dt.date(2026, 12, 1))
    labels = [label for _, label in ticks]
    assert 3 <= len(labels) <= 6 and len(set(labels)) == len(labels)
    assert month_ticks(dt.date(2026, 11, 3), dt.date(2026, 11, 20)) == [
        (dt.date(2026, 11, 3), "Nov 2026")]
