"""Failed passphrase changes, read-only media and full disks at opening, told as they are.

Nothing is lost or left behind by any of them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from cli_runner import (
    assert_one_line_error,
    run_cli,
    without_file_permission_override,
)

from psw_journal.core.entry import EntryDraft
from psw_journal.core.errors import JournalError
from psw_journal.persistence import backups
from psw_journal.persistence.reads import JournalReader
from psw_journal.persistence.store import EntryQuery, JournalStore

PASS = "correct horse"
NEW = "violet kettle under a quiet harbour"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal of 60 entries of a few pages each, made once for the module."""
    path = tmp_path_factory.mktemp("made") / "journal.db"
    with JournalStore.create(path, PASS) as store:
        store.add_many([EntryDraft(title=f"entry {i}", body="reflection " * 300)
                        for i in range(60)])
    shutil.rmtree(backups.backup_folder(path))
    return path


@pytest.fixture
def journal(made: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "j"
    folder.mkdir()
    shutil.copy(made, folder / made.name)
    return folder / made.name


def _count(path: Path, passphrase: str = PASS) -> int:
    with JournalReader.open(path, passphrase) as reader:
        return reader.count(EntryQuery(limit=None))


def _damage_page(path: Path, page: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096 * page + 100)
        handle.write(b"\xff" * 16)


def test_a_passphrase_change_that_fails_says_so_and_the_old_passphrase_still_opens(journal):
    _damage_page(journal, journal.stat().st_size // 4096 - 3)  # an entry page, not the schema
    result = run_cli("passwd", "--journal", journal, passphrase=PASS,
                     env={"PSW_JOURNAL_NEW_PASSPHRASE": NEW})
    # Two lines: opening already warned that no daily backup of a damaged journal was made.
    assert result.code == 1 and "Passphrase changed" not in result.out
    last = result.err.strip().splitlines()[-1]
    assert "not changed" in last and "damaged" in last and "still opens with your current" in last
    assert run_cli("list", "--journal", journal, passphrase=NEW).code == 1
    assert run_cli("list", "--journal", journal, passphrase=PASS).code == 0


def test_a_passphrase_change_on_a_full_disk_says_so(small_disk: Path, made: Path):
    journal = small_disk / "journal.db"
    shutil.copy(made, journal)
    ballast = small_disk / "ballast"
    ballast.write_bytes(b"\0" * (shutil.disk_usage(small_disk).free - 400 * 1024))
    with JournalStore.open(journal, PASS, write=False) as store:  # no daily backup: no room
        with pytest.raises(JournalError, match="not changed") as raised:
            store.change_passphrase(NEW)
        assert "still opens with your current passphrase" in str(raised.value)
    ballast.unlink()
    assert _count(journal) == 60


def test_a_passphrase_change_is_checked_and_recorded(journal):
    with JournalStore.open(journal, PASS) as store:
        store.change_passphrase(NEW)
    assert _count(journal, NEW) == 60
    assert backups.passphrase_changed_at(journal) is not None


def _killed_passwd(path: Path) -> None:
    """A passphrase change whose log was saved but not folded into the file (a kill)."""
    script = (
        "import os, sqlcipher3\n"
        f"c = sqlcipher3.connect({str(path)!r}, isolation_level=None)\n"
        f"c.execute(\"PRAGMA key = '{PASS}'\")\n"
        "c.execute('SELECT count(*) FROM entry').fetchone()\n"
        f"c.execute(\"PRAGMA rekey = '{NEW}'\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert path.with_name(path.name + "-wal").stat().st_size > 32


def test_a_backup_after_a_passphrase_change_cut_short_is_not_called_damaged(journal, tmp_path):
    _killed_passwd(journal)
    out = tmp_path / "backup.db"
    result = run_cli("backup", "--out", out, "--journal", journal, passphrase=NEW)
    assert result.code == 0, result
    assert _count(out, NEW) == 60


def test_a_journal_cut_at_a_page_boundary_is_damaged_not_a_wrong_passphrase(journal):
    with journal.open("r+b") as handle:
        handle.truncate((journal.stat().st_size // 4096 // 3) * 4096)
    assert_one_line_error(run_cli("list", "--journal", journal, passphrase=PASS), "damaged")


def _mount_read_only(folder: Path) -> None:
    for command in (["mount", "--bind", str(folder), str(folder)],
                    ["mount", "-o", "remount,bind,ro", str(folder)]):
        if subprocess.run(command, capture_output=True).returncode != 0:
            pytest.skip("needs root with permission to bind-mount")


def _crash_with_a_log(path: Path) -> None:
    script = (
        "import os, pathlib\n"
        "from psw_journal.core.entry import EntryDraft\n"
        "from psw_journal.persistence.store import JournalStore\n"
        f"store = JournalStore.open(pathlib.Path({str(path)!r}), {PASS!r})\n"
        "store.add(EntryDraft(title='only in the log', body='the last thing written'))\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert path.with_name(path.name + "-wal").stat().st_size > 32


def test_a_read_only_medium_shows_entries_still_in_the_log(journal, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a read-only medium needs a bind mount, which needs root")
    _crash_with_a_log(journal)
    folder = journal.parent
    before = sorted(p.name for p in folder.iterdir())
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {"TMPDIR": str(private_tmp)}
    _mount_read_only(folder)
    try:
        listed = run_cli("search", "--journal", journal, "log", passphrase=PASS, env=env)
        exported = run_cli("export", "--format", "jsonl", "--out", tmp_path / "all.jsonl",
                           "--journal", journal, passphrase=PASS, env=env)
        backed = run_cli("backup", "--out", tmp_path / "copy.db", "--journal", journal,
                         passphrase=PASS, env=env)
        after = sorted(p.name for p in folder.iterdir())
    finally:
        subprocess.run(["umount", str(folder)], check=False)
    assert "only in the log" in listed.out
    assert exported.code == 0 and "only in the log" in (tmp_path / "all.jsonl").read_text()
    assert backed.code == 0 and _count(tmp_path / "copy.db") == 61
    assert after == before
    assert list(private_tmp.iterdir()) == []  # the private copy was deleted


def test_a_read_only_journal_file_is_read_without_leaving_files_and_refuses_changes(journal):
    wrapper = without_file_permission_override()
    journal.chmod(0o400)
    try:
        listed = run_cli("list", "--journal", journal, passphrase=PASS, wrapper=wrapper)
        added = run_cli("add", "--title", "t", "--journal", journal, passphrase=PASS,
                        stdin="body", wrapper=wrapper)
        renewed = run_cli("passwd", "--journal", journal, passphrase=PASS, wrapper=wrapper,
                          env={"PSW_JOURNAL_NEW_PASSPHRASE": NEW})
        companions = [p.name for p in journal.parent.iterdir() if "-" in p.name]
    finally:
        journal.chmod(0o600)
    assert listed.code == 0 and len(listed.out.splitlines()) == 60
    assert_one_line_error(added, "read-only", "nothing was changed")
    assert_one_line_error(renewed, "read-only", "nothing was changed")
    assert companions == []
    assert run_cli("add", "--title", "now it can", "--journal", journal, passphrase=PASS,
                   stdin="body", wrapper=wrapper).code == 0


def test_a_full_disk_at_opening_is_not_called_a_wrong_passphrase(small_disk: Path, made: Path):
    journal = small_disk / "journal.db"
    shutil.copy(made, journal)
    (small_disk / "ballast").write_bytes(b"\0" * shutil.disk_usage(small_disk).free)
    for command in (("list",), ("add", "--title", "t")):
        result = run_cli(*command, "--journal", journal, passphrase=PASS, stdin="x")
        assert_one_line_error(result, "disk is full")
        assert "wrong passphrase" not in result.err.lower()
    assert sorted(p.name for p in small_disk.iterdir()) in (
        ["ballast", "journal.db"], ["ballast", "journal.db", "journal.db.lock"])


def test_restoring_an_entry_not_in_the_trash_says_so(journal):
    result = run_cli("restore-entry", "1", "--journal", journal, passphrase=PASS)
    assert_one_line_error(result, "not in the trash")


@pytest.mark.parametrize("command", ["show", "delete", "restore-entry"])
def test_an_impossible_entry_number_is_a_usage_error(journal, command):
    result = run_cli(command, "99999999999999999999", "--journal", journal, passphrase=PASS)
    assert result.code == 2 and "there is no entry" in result.err
    assert "unexpected" not in result.err


def test_a_second_writer_waits_for_the_first(journal):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import pathlib, time\n"
         "from psw_journal.persistence.store import JournalStore\n"
         f"s = JournalStore.open(pathlib.Path({str(journal)!r}), {PASS!r})\n"
         "print('held', flush=True)\n"
         "time.sleep(1.5)\n"
         "s.close()\n"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    added = run_cli("add", "--title", "waited", "--journal", journal, passphrase=PASS,
                    stdin="body")
    holder.wait(timeout=30)
    assert added.code == 0, added
    assert _count(journal) == 61
