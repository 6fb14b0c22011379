"""Opening a journal on a worker thread (start-up and commands overlap the key derivation)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from psw_journal.core.errors import JournalLocked, WrongPassphrase
from psw_journal.persistence.opening import BackgroundOpen
from psw_journal.persistence.store import JournalStore

PASS = "a long passphrase"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    JournalStore.create(path, PASS).close()
    return path


def test_the_store_opened_on_a_worker_is_used_here(journal: Path):
    workers: list[str] = []

    def open_journal() -> JournalStore:
        workers.append(threading.current_thread().name)
        return JournalStore.open(journal, PASS)

    opening = BackgroundOpen(open_journal)
    with opening.result() as store:
        assert store.list() == []
    assert workers == ["open-journal"]


def test_what_opening_raised_is_raised_on_the_callers_thread(journal: Path):
    opening = BackgroundOpen(lambda: JournalStore.open(journal, "not it"))
    with pytest.raises(WrongPassphrase):
        opening.result()


def test_discard_closes_the_journal_and_frees_the_writer_lock(journal: Path):
    opening = BackgroundOpen(lambda: JournalStore.open(journal, PASS))
    opening.discard()
    JournalStore.open(journal, PASS).close()  # not JournalLocked


def test_without_discard_the_lock_is_held(journal: Path):
    store = BackgroundOpen(lambda: JournalStore.open(journal, PASS)).result()
    with pytest.raises(JournalLocked):
        JournalStore.open(journal, PASS)
    store.close()


def test_result_after_returns_both_or_closes_the_journal_when_the_work_fails(journal: Path):
    store, done = BackgroundOpen(lambda: JournalStore.open(journal, PASS)).result_after(
        lambda: "framework"
    )
    assert done == "framework"
    store.close()

    def failing_work() -> str:
        raise ValueError("the framework file is broken")

    opening = BackgroundOpen(lambda: JournalStore.open(journal, PASS))
    with pytest.raises(ValueError, match="broken"):
        opening.result_after(failing_work)
    JournalStore.open(journal, PASS).close()  # closed: the writer lock is free again
    with pytest.raises(WrongPassphrase):
        BackgroundOpen(lambda: JournalStore.open(journal, "not it")).result_after(lambda: 1)
