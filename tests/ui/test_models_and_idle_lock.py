"""Models pass Qt's model checks on a journal that pages; the idle lock follows input.

The idle lock counts from the last input, can be turned off and follows Preferences.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from psw_journal.core.entry import EntryDraft
from psw_journal.core.framework import load_framework
from psw_journal.persistence.reads import EntryQuery, JournalReader
from psw_journal.persistence.store import JournalStore
from psw_journal.ui.idle_lock import IdleLock
from psw_journal.ui.models.entry_list_model import ENTRY_ID_ROLE, PAGE_SIZE, EntryListModel
from psw_journal.ui.models.framework_tree_model import FrameworkTreeModel

pytestmark = pytest.mark.ui
PASS = "correct horse battery staple"
ENTRIES = 2 * PAGE_SIZE + 37


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal of more than two pages of entries, made once."""
    path = tmp_path_factory.mktemp("big") / "journal.db"
    start = dt.date(2025, 1, 1)
    with JournalStore.create(path, PASS) as store:
        store.add_many([EntryDraft(title=f"Shift {n}", body=f"Reflection number {n}.",
                                   occurred_on=start + dt.timedelta(days=n))
                        for n in range(ENTRIES)])
    return path


def test_the_entry_list_model_pages_through_a_large_journal(qtmodeltester, big_journal):
    with JournalReader.open(big_journal, PASS) as reader:
        model = EntryListModel(reader.list)
        model.set_query(EntryQuery())
        assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QModelIndex())
        # Checks the model now, then every change it signals from here on.
        qtmodeltester.check(model)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == ENTRIES
        ids = [model.index(row).data(ENTRY_ID_ROLE) for row in range(model.rowCount())]
        assert len(set(ids)) == ENTRIES  # no page repeated or skipped
        assert model.index(0).data() == f"Shift {ENTRIES - 1}"  # newest first
        model.set_query(EntryQuery(text="number"))
        found = {model.index(row).data(ENTRY_ID_ROLE) for row in range(model.rowCount())}
        assert len(found) == model.rowCount() >= PAGE_SIZE  # the tester may fetch on
        model.clear()
        assert model.rowCount() == 0


def test_the_framework_tree_model_passes_the_model_checks(qtmodeltester):
    framework = load_framework()
    model = FrameworkTreeModel()
    model.set_framework(framework)
    qtmodeltester.check(model)
    first = framework.competences[0].id
    index = model.competence_index(first)
    assert index.isValid() and index.data(Qt.ItemDataRole.CheckStateRole) == 0
    model.set_checked(first, True)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    model.set_framework(framework)  # a new framework: the tree is built again, checked too
    assert model.rowCount() == len(framework.domains)


def test_every_model_class_of_the_app_is_checked_here():
    import inspect

    from PySide6.QtCore import QAbstractItemModel

    import psw_journal.ui.models.entry_list_model as entries
    import psw_journal.ui.models.framework_tree_model as tree

    found = {cls for module in (entries, tree) for _, cls in inspect.getmembers(module)
             if inspect.isclass(cls) and issubclass(cls, QAbstractItemModel)
             and cls.__module__.startswith("psw_journal")}
    assert found == {EntryListModel, FrameworkTreeModel}


def test_input_resets_the_idle_countdown(qtbot):
    lock = IdleLock()
    lock.set_timeout_ms(400)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    lock.arm()
    try:
        with qtbot.assertNotEmitted(lock.idle, wait=300):
            qtbot.wait(250)
            qtbot.keyClick(field, "a")  # at 250 ms: the countdown starts again
        with qtbot.waitSignal(lock.idle, timeout=1000):
            pass  # now nobody types: it locks
    finally:
        lock.disarm()


def test_zero_turns_the_idle_lock_off(qtbot):
    lock = IdleLock()
    lock.set_timeout_minutes(0)
    lock.arm()
    try:
        with qtbot.assertNotEmitted(lock.idle, wait=300):
            pass
        assert lock.armed
    finally:
        lock.disarm()


def test_preferences_change_the_idle_time(qtbot, sample_journal, controller, unlock):
    from psw_journal.ui.preferences_dialog import Preferences

    unlock(controller)
    current = Preferences(controller.settings.idle_minutes, controller.settings.font_size,
                          controller.settings.framework_path, {})
    controller.apply_preferences(dataclass_replace(current, idle_minutes=0))
    assert controller.settings.idle_minutes == 0
    with qtbot.assertNotEmitted(controller.idle_lock.idle, wait=200):
        pass
    controller.apply_preferences(dataclass_replace(current, idle_minutes=1))
    assert controller.settings.idle_minutes == 1 and controller.idle_lock.armed


def dataclass_replace(obj, **changes):
    import dataclasses

    return dataclasses.replace(obj, **changes)
