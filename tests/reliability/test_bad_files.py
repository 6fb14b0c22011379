"""Damaged, foreign and unreadable journal files: a clear message, the file left as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from cli_runner import (
    assert_one_line_error,
    run_cli,
    without_file_permission_override,
)

from psw_journal.core.entry import EntryDraft
from psw_journal.persistence import backups, restoring
from psw_journal.persistence.store import JournalStore

PASS = "correct horse"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A journal of 60 entries (several pages), with a daily backup of them beside it."""
    path = tmp_path / "journal.db"
    with JournalStore.create(path, PASS) as store:
        store.add_many(
            [EntryDraft(title=f"entry {i}", body="reflection " * 300) for i in range(60)]
        )
    shutil.rmtree(backups.backup_folder(path))  # today's first backup predates the entries
    JournalStore.open(path, PASS).close()
    assert path.stat().st_size > 40 * 4096
    return path


def _truncate_mid_page(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2 + 100])


def _truncate_whole_pages(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: (path.stat().st_size // 4096 // 2) * 4096])


def _flip(offset_in_pages: float) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = bytearray(path.read_bytes())
        offset = int(len(data) * offset_in_pages) + 300
        data[offset] ^= 0xFF
        path.write_bytes(bytes(data))

    return damage


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path) -> None:
    path.write_text("Monday: long shift, then the bus home.\n")


def _plain_sqlite(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE entry (title TEXT)")


DAMAGES = {
    "truncated-mid-page": (_truncate_mid_page, "damaged"),
    "truncated-whole-pages": (_truncate_whole_pages, "damaged"),
    "flipped-byte-first-page": (_flip(0.0), "wrong passphrase"),
    "flipped-byte-middle": (_flip(0.5), "damaged"),
    "zero-length": (_empty, "empty"),
    "text-file": (_text, "not a psw journal"),
    "plain-sqlite": (_plain_sqlite, "unencrypted sqlite"),
}


@pytest.mark.parametrize("name", list(DAMAGES))
def test_damaged_or_foreign_journal(journal: Path, name: str):
    damage, fragment = DAMAGES[name]
    damage(journal)
    before = _sha(journal)
    result = run_cli("list", "--journal", journal, passphrase=PASS)
    assert_one_line_error(result, fragment)
    assert _sha(journal) == before
    good = backups.newest_good_backup(journal, PASS)
    assert good is not None
    if name not in ("text-file", "zero-length", "plain-sqlite"):
        assert f"psw-journal restore {good}" in result.err  # the newest good backup is offered


def test_offered_backup_restores_the_entries(journal: Path):
    _truncate_whole_pages(journal)
    good = backups.newest_good_backup(journal, PASS)
    assert run_cli("restore", good, "--journal", journal, passphrase=PASS).code == 0
    listed = run_cli("list", "--journal", journal, passphrase=PASS)
    assert listed.code == 0 and len(listed.out.splitlines()) == 60


def test_journal_of_a_newer_schema(journal: Path):
    with JournalStore.open(journal, PASS) as store, store.raw() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    before = _sha(journal)
    assert_one_line_error(run_cli("list", "--journal", journal, passphrase=PASS), "newer version")
    assert _sha(journal) == before


def test_directory_instead_of_a_journal(tmp_path: Path):
    assert_one_line_error(run_cli("list", "--journal", tmp_path, passphrase=PASS), "folder")


def test_file_without_read_permission(journal: Path):
    journal.chmod(0o000)
    journal.parent.chmod(0o755)
    try:
        result = run_cli(
            "list",
            "--journal",
            journal,
            passphrase=PASS,
            wrapper=without_file_permission_override(),
        )
    finally:
        journal.chmod(0o600)
    assert_one_line_error(result, "permission denied")


def _crash_with_a_log(path: Path) -> None:
    """Leave a journal as a killed app does: entries in the write-ahead log only."""
    script = (
        "import os, pathlib\n"
        "from psw_journal.core.entry import EntryDraft\n"
        "from psw_journal.persistence.store import JournalStore\n"
        f"store = JournalStore.open(pathlib.Path({str(path)!r}), {PASS!r})\n"
        "for n in range(3):\n"
        "    store.add(EntryDraft(title=f'kept {n}', body='text ' * 900))\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert path.with_name(path.name + "-wal").exists()


def test_wrong_passphrase_leaves_a_crashed_journal_and_its_log_alone(journal: Path):
    _crash_with_a_log(journal)
    log = journal.with_name(journal.name + "-wal")
    before = (_sha(journal), _sha(log))
    assert_one_line_error(run_cli("list", "--journal", journal, passphrase="wrong"), "wrong")
    assert (_sha(journal), _sha(log)) == before
    listed = run_cli("search", "--journal", journal, "kept", passphrase=PASS)
    assert listed.code == 0 and len(listed.out.strip().splitlines()) == 6  # 3 hits, 3 snippets


def test_restore_moves_a_stale_log_aside_with_the_journal(journal: Path, tmp_path: Path):
    good = tmp_path / "good.db"
    assert run_cli("backup", "--out", good, "--journal", journal, passphrase=PASS).code == 0
    _crash_with_a_log(journal)
    journal.rename(tmp_path / "moved-away.db")  # the user moved the file, not its log
    assert run_cli("restore", good, "--journal", journal, passphrase=PASS).code == 0
    assert not journal.with_name(journal.name + "-wal").exists()
    assert _sha(journal) == _sha(good)
    listed = run_cli("list", "--journal", journal, passphrase=PASS)
    assert listed.code == 0 and len(listed.out.splitlines()) == 60


@pytest.mark.parametrize("target", ["journal.db", "journal.db-wal", "journal-backups/x.md"])
def test_exports_and_backups_never_overwrite_the_journal(journal: Path, target: str):
    before = _sha(journal)
    out = journal.parent / target
    for command in (["export", "--format", "jsonl"], ["export"], ["backup"]):
        result = run_cli(*command, "--out", out, "--journal", journal, passphrase=PASS)
        assert_one_line_error(result, "choose another file")
    assert _sha(journal) == before


def test_two_restores_in_one_second_keep_both_replaced_journals(journal: Path, tmp_path: Path):
    good = tmp_path / "good.db"
    with JournalStore.open(journal, PASS) as store:
        store.backup(good)
    kept = {restoring.restore(journal, PASS, good) for _ in range(2)}
    assert len(kept) == 2 and all(p is not None and p.exists() for p in kept)


@pytest.mark.parametrize("secret", ["with\x00nul", "x'0011aabb'"])
def test_passphrases_sqlcipher_would_misread_are_refused(tmp_path: Path, secret: str):
    from psw_journal.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        JournalStore.create(tmp_path / "new.db", secret)
    assert not (tmp_path / "new.db").exists()


def test_passphrases_with_quotes_and_unicode_work(tmp_path: Path):
    secret = "it's \"x\" \\ é 🙂"
    path = tmp_path / "j.db"
    JournalStore.create(path, secret).close()
    assert run_cli("list", "--journal", path, passphrase=secret).code == 0
    assert_one_line_error(run_cli("list", "--journal", path, passphrase="it's"), "wrong")


def _damage_page(path: Path, page: int) -> None:
    with path.open("r+b") as handle:  # the middle of one page: its HMAC no longer matches
        handle.seek(4096 * page + 100)
        handle.write(b"\xff" * 16)


@pytest.mark.parametrize("page", range(1, 7))
def test_a_damaged_page_never_gives_an_unexpected_error(journal: Path, tmp_path: Path, page: int):
    """Every reading command works or says the journal is damaged, whichever page is hit.

    The page may hold the schema, an index, entries or links; the message is one line, and
    the file is left as it is.
    """
    _damage_page(journal, page)
    before = _sha(journal)
    out = tmp_path / "out.md"
    for command in (("list",), ("coverage",), ("prompts",), ("search", "reflection"),
                    ("export", "--format", "markdown", "--out", str(out))):
        result = run_cli(*command, "--journal", journal, passphrase=PASS)
        if result.code != 0:
            assert_one_line_error(result, "damaged")
        assert "unexpected" not in result.err, (command, result.err)
        assert _sha(journal) == before
