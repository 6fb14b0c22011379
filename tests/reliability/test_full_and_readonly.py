"""A full disk or a read-only file system: saving fails cleanly and the last good state stays."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from psw_journal.core.entry import EntryDraft
from psw_journal.core.errors import JournalError
from psw_journal.persistence.store import EntryQuery, JournalStore

PASS = "correct horse"


def _fill(store: JournalStore) -> tuple[int, str]:
    """Add large entries until the disk is full; return how many were saved and the message."""
    for saved in range(500):
        try:
            store.add(EntryDraft(title=f"long entry {saved}", body=os.urandom(40_000).hex()))
        except JournalError as exc:
            return saved, str(exc)
    pytest.fail("the disk never filled up")


def test_a_full_disk_fails_cleanly_and_keeps_every_saved_entry(small_disk: Path):
    journal = small_disk / "journal.db"
    with JournalStore.create(journal, PASS) as store:
        saved, message = _fill(store)
        assert "disk is full" in message
        assert store.count(EntryQuery(limit=None)) == saved
    ballast = small_disk / "journal-backups"
    subprocess.run(["rm", "-rf", str(ballast)], check=True)  # free a little room to reopen
    with JournalStore.open(journal, PASS) as reopened:
        assert reopened.integrity_problems() == []
        assert reopened.count(EntryQuery(limit=None)) == saved


def test_opening_on_a_full_disk_still_works_without_todays_backup(small_disk: Path):
    journal = small_disk / "journal.db"
    with JournalStore.create(journal, PASS) as store:
        store.add(EntryDraft(title="kept", body="text"))
        subprocess.run(["rm", "-rf", str(small_disk / "journal-backups")], check=True)
        _fill(store)
    with JournalStore.open(journal, PASS) as reopened:
        assert reopened.backup_warning and "backup" in reopened.backup_warning
        assert [s.title for s in reopened.list(EntryQuery(text="kept"))] == ["kept"]


def test_a_read_only_file_system_can_be_read_but_not_changed(tmp_path: Path):
    folder = tmp_path / "medium"
    folder.mkdir()
    journal = folder / "journal.db"
    with JournalStore.create(journal, PASS) as store:
        store.add(EntryDraft(title="on a read-only stick", body="text"))
    if os.geteuid() == 0:
        _mount_read_only_copy(folder)
    else:
        folder.chmod(0o555)
    try:
        with pytest.raises(JournalError, match="read-only"):
            JournalStore.open(journal, PASS)
        with JournalStore.open(journal, PASS, write=False) as reader:
            assert [s.title for s in reader.list()] == ["on a read-only stick"]
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def _mount_read_only_copy(folder: Path) -> None:
    """Bind-mount the folder onto itself read-only, as a read-only medium appears."""
    for command in (
        ["mount", "--bind", str(folder), str(folder)],
        ["mount", "-o", "remount,bind,ro", str(folder)],
    ):
        if subprocess.run(command, capture_output=True).returncode != 0:
            pytest.skip("needs root with permission to bind-mount")
