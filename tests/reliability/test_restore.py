"""Restoring a backup: damaged backups are refused, and a killed restore loses nothing.

A restore killed at any system call leaves a journal that opens, with the replaced journal
kept.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from cli_runner import assert_one_line_error, run_cli

from psw_journal.core.entry import EntryDraft
from psw_journal.core.errors import JournalError
from psw_journal.persistence import backups, restoring
from psw_journal.persistence.reads import JournalReader
from psw_journal.persistence.store import EntryQuery, JournalStore

PASS = "correct horse"
#: The system calls between which a restore could be cut short.
KILL_CALLS = ("rename", "unlink", "fsync")


@pytest.fixture(scope="module")
def journal_and_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A journal of two entries and a backup holding only the first (made once, copied)."""
    folder = tmp_path_factory.mktemp("restore-source")
    journal, backup = folder / "journal.db", folder / "saved.db"
    with JournalStore.create(journal, PASS) as store:
        store.add(EntryDraft(title="in the backup", body="first"))
        store.backup(backup)
        store.add(EntryDraft(title="after the backup", body="second"))
    shutil.rmtree(backups.backup_folder(journal))
    return journal, backup


@pytest.fixture
def pair(journal_and_backup: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    journal, backup = journal_and_backup
    shutil.copy(journal, tmp_path / journal.name)
    shutil.copy(backup, tmp_path / backup.name)
    return tmp_path / journal.name, tmp_path / backup.name


def _titles(path: Path, passphrase: str = PASS) -> set[str]:
    with JournalReader.open(path, passphrase) as reader:
        return {s.title for s in reader.list(EntryQuery(limit=None))}


def _flip(path: Path, page: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096 * page + 200)
        handle.write(b"\xff" * 8)


def _without_fts(path: Path) -> None:
    with JournalStore.open(path, PASS) as store, store.raw() as conn:
        conn.execute("DROP TABLE entry_fts")


def _empty_version(path: Path) -> None:
    with JournalStore.open(path, PASS) as store, store.raw() as conn:
        conn.execute("DELETE FROM alembic_version")


@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        (lambda p: _flip(p, 2), "damaged"),
        (_without_fts, "entry_fts"),
        (_empty_version, "schema version"),
    ],
    ids=["flipped-bits", "no-search-index", "empty-schema-version"],
)
def test_a_damaged_backup_is_refused_and_the_journal_kept(pair, damage, fragment):
    journal, backup = pair
    damage(backup)
    before = journal.read_bytes()
    result = run_cli("restore", backup, "--journal", journal, passphrase=PASS)
    assert_one_line_error(result, fragment, "nothing was changed")
    assert journal.read_bytes() == before
    assert not restoring.staged_path(journal).exists()
    assert not backups.backup_folder(journal).exists()


def test_restore_keeps_the_replaced_journal(pair):
    journal, backup = pair
    kept = restoring.restore(journal, PASS, backup)
    assert _titles(journal) == {"in the backup"}
    assert kept is not None and _titles(kept) == {"in the backup", "after the backup"}


def _run_killed(journal: Path, backup: Path, call: str, when: int) -> int:
    """Run ``restore`` under strace, killed as it enters the ``when``-th ``call``."""
    command = [
        "strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={call}",
        "-e", f"inject={call}:signal=KILL:when={when}",
        sys.executable, "-m", "psw_journal", "--journal", str(journal), "restore", str(backup),
    ]
    env = {"PSW_JOURNAL_PASSPHRASE": PASS, "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, env=env, capture_output=True, timeout=120,
                          start_new_session=True).returncode


def _calls(journal: Path, backup: Path, call: str) -> int:
    """Count the ``call`` system calls of one whole restore (on a copy of the pair)."""
    folder = journal.parent / f"count-{call}"
    folder.mkdir()
    for path in (journal, backup):
        shutil.copy(path, folder / path.name)
    trace = folder / "trace"
    subprocess.run(
        ["strace", "-f", "-qq", "-o", str(trace), "-e", f"trace={call}", sys.executable, "-m",
         "psw_journal", "--journal", str(folder / journal.name), "restore",
         str(folder / backup.name)],
        env={"PSW_JOURNAL_PASSPHRASE": PASS, "PATH": "/usr/bin:/bin",
             "PYTHONDONTWRITEBYTECODE": "1"}, check=True,
        capture_output=True, timeout=120,
    )
    return sum(1 for line in trace.read_text().splitlines() if re.search(rf"\b{call}\(", line))


def _check_after_kill(journal: Path) -> None:
    """The next command finds a whole journal: the old one, or the restored one (old kept)."""
    listed = run_cli("list", "--journal", journal, passphrase=PASS)
    assert listed.code == 0, listed
    titles = _titles(journal)
    assert titles in ({"in the backup", "after the backup"}, {"in the backup"})
    if titles == {"in the backup"}:
        kept = [p for p in backups.backup_folder(journal).glob("journal-replaced-*.db")]
        assert len(kept) == 1 and _titles(kept[0]) == {"in the backup", "after the backup"}
    assert not restoring.plan_path(journal).exists()
    assert not restoring.staged_path(journal).exists()


@pytest.mark.parametrize("call", KILL_CALLS)
def test_a_restore_killed_at_any_point_loses_nothing(pair, call, request, tmp_path: Path):
    if shutil.which("strace") is None:
        pytest.skip("needs strace (Debian package strace)")
    if call != "rename" and not request.config.getoption("--runslow"):
        pytest.skip("slow: every kill point of every call runs with --runslow")
    journal, backup = pair
    total = _calls(journal, backup, call)
    assert total >= (3 if call == "rename" else 1)
    for when in range(1, total + 1):
        case = tmp_path / f"{call}-{when}"
        case.mkdir()
        for path in (journal, backup):
            shutil.copy(path, case / path.name)
        code = _run_killed(case / journal.name, case / backup.name, call, when)
        assert code in (-9, 137), (call, when, code)
        _check_after_kill(case / journal.name)


def test_an_interrupted_restore_is_finished_and_said(pair):
    journal, backup = pair
    # Cut short right after the journal was moved aside: its name leads nowhere for now.
    original_swap = restoring._swap

    def swap_cut_short(target: Path, kept: Path | None) -> None:
        assert kept is not None
        target.replace(kept)
        raise KeyboardInterrupt

    restoring._swap = swap_cut_short
    try:
        with pytest.raises(KeyboardInterrupt):
            restoring.restore(journal, PASS, backup)
    finally:
        restoring._swap = original_swap
    assert not journal.exists()
    result = run_cli("list", "--journal", journal, passphrase=PASS)
    assert result.code == 0 and "in the backup" in result.out
    assert "interrupted" in result.err and "journal-replaced" in result.err


def test_restore_on_a_full_disk_says_so_and_leaves_nothing(small_disk: Path, pair):
    journal, backup = pair
    on_disk = small_disk / journal.name
    shutil.copy(journal, on_disk)
    ballast = small_disk / "ballast"
    free = shutil.disk_usage(small_disk).free
    ballast.write_bytes(b"\0" * max(free - backup.stat().st_size // 2, 0))
    before = on_disk.read_bytes()
    result = run_cli("restore", backup, "--journal", on_disk, passphrase=PASS)
    assert_one_line_error(result, "disk is full", "unchanged")
    assert on_disk.read_bytes() == before
    left = sorted(p.name for p in small_disk.iterdir())
    assert left == ["ballast", "journal.db", "journal.db.lock"]  # the lock file always stays


def test_a_backup_from_before_a_passphrase_change_is_not_offered(pair):
    journal, backup = pair
    with JournalStore.open(journal, PASS) as store:
        store.change_passphrase("a much newer passphrase")
        store.add(EntryDraft(title="written after the change", body="third"))
    # Today's automatic backup, made on opening, still has the old passphrase.
    assert backups.newest_good_backup(journal, PASS) is not None
    result = run_cli("list", "--journal", journal, passphrase=PASS)
    assert_one_line_error(result, "before it was changed")
    assert "psw-journal restore" not in result.err
    refused = run_cli("restore", backup, "--journal", journal, passphrase=PASS)
    assert_one_line_error(refused, "passphrase was changed", "nothing was changed")
    assert _titles(journal, "a much newer passphrase") >= {"written after the change"}


def test_restoring_the_journal_itself_is_refused(pair):
    journal, _ = pair
    with pytest.raises(JournalError, match="journal itself"):
        restoring.restore(journal, PASS, journal)
