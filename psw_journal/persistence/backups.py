"""Encrypted backups: automatic daily copies, explicit backups and restoring one."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import sqlcipher3

from psw_journal.core.errors import JournalDamaged, JournalError
from psw_journal.persistence import engine, schema

KEEP_DAILY = 7
_DAILY = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.db$")


def backup_folder(journal: Path) -> Path:
    """Return the folder beside the journal where its backups live."""
    return journal.with_name(f"{journal.stem}-backups")


def companion_files(journal: Path) -> tuple[Path, ...]:
    """Return SQLite's write-ahead log and shared-memory files of a journal."""
    return tuple(journal.with_name(journal.name + suffix) for suffix in ("-wal", "-shm"))


def pre_migration_path(journal: Path, revision: str) -> Path:
    """Return where the backup taken before a schema upgrade goes."""
    return _unused_name(backup_folder(journal), f"{journal.stem}-before-upgrade-{revision}")


def _unused_name(folder: Path, stem: str) -> Path:
    """Return ``folder/stem-TIMESTAMP.db`` that no file has taken yet (never overwrite one)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{stamp}.db"
    number = 1
    while candidate.exists() or candidate.with_name(candidate.name + "-wal").exists():
        number += 1
        candidate = folder / f"{stem}-{stamp}-{number}.db"
    return candidate


def check_output_path(out: Path, journal: Path) -> None:
    """Refuse to write an export or backup over the journal, its companions or its backups."""
    target = out.expanduser().resolve()
    journal = journal.expanduser().resolve()
    protected = {journal, *companion_files(journal), journal.with_name(journal.name + ".lock")}
    if target in protected or backup_folder(journal) in target.parents:
        raise JournalError(
            f"{out} is the journal itself or one of its backups; choose another file."
        )


def write_backup(
    conn: sqlcipher3.Connection, passphrase: str, out: Path, *, into_own_folder: bool = False
) -> Path:
    """Copy the open journal into ``out`` with SQLite's backup API, encrypted with the same key.

    The copy is written to a temporary file first and renamed into place, so a failed backup
    never leaves a half-written file under the chosen name; an existing file is never replaced.

    Args:
        conn: A keyed connection to the journal.
        passphrase: Its passphrase, which the copy keeps.
        out: Where the copy goes.
        into_own_folder: The journal's own backup folder, created if missing.
    """
    out = out.expanduser()
    partial = out.with_name(out.name + ".partial")
    if out.exists():
        raise JournalError(f"{out} already exists; choose another file name.")
    if not into_own_folder and not out.parent.is_dir():
        raise JournalError(f"The folder {out.parent} does not exist.")
    _refuse_damaged(conn)
    try:
        out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        target = engine.connect(partial, passphrase)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(partial, out)
    except (OSError, engine.DatabaseError) as exc:
        partial.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise JournalError(f"Could not write the backup {out}: {reason}.") from exc
    return out


def _refuse_damaged(conn: sqlcipher3.Connection) -> None:
    """Refuse to copy a journal with a page that fails its HMAC check.

    SQLite's backup API copies such a page without complaint, so the copy would be as damaged
    as the journal while looking like a good backup, and the daily ones would push the last
    good backups out. Checking every page's HMAC costs ~0.16 s for 10,000 entries.
    """
    try:
        damaged = conn.execute("PRAGMA cipher_integrity_check").fetchone() is not None
    except engine.DatabaseError:
        damaged = True
    if damaged:
        raise JournalDamaged("The journal is damaged, so no backup was made; "
                             "the earlier backups are kept.")


def auto_backup(
    conn: sqlcipher3.Connection, passphrase: str, journal: Path, today: dt.date
) -> Path | None:
    """Write today's automatic backup unless there is one; keep the newest seven."""
    folder = backup_folder(journal)
    target = folder / f"{journal.stem}-{today.isoformat()}.db"
    if target.exists():
        return None
    write_backup(conn, passphrase, target, into_own_folder=True)
    daily = sorted(p for p in folder.iterdir() if _DAILY.match(p.name))
    for old in daily[:-KEEP_DAILY]:
        old.unlink(missing_ok=True)
    return target


def newest_good_backup(journal: Path, passphrase: str) -> Path | None:
    """Return the newest backup that opens with ``passphrase`` and passes a quick check."""
    folder = backup_folder(journal)
    if not folder.is_dir():
        return None
    candidates = sorted(
        (p for p in folder.iterdir() if p.suffix == ".db" and p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for candidate in candidates:
        try:
            conn = engine.open_existing(candidate, passphrase)
        except JournalError:
            continue
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                return candidate
        except engine.DatabaseError:
            continue
        finally:
            conn.close()
    return None


def with_backup_hint(error: JournalError, journal: Path, passphrase: str) -> JournalError:
    """Add the newest good backup, if any, to the message of an error opening ``journal``."""
    good = newest_good_backup(journal, passphrase)
    if good is None:
        return error
    return type(error)(
        f"{error} A backup that opens with this passphrase is {good}; restore it with "
        f"'psw-journal restore {good}' (the current file is kept)."
    )


def restore(journal: Path, passphrase: str, source: Path) -> Path | None:
    """Replace the journal with a backup; the replaced journal is kept in the backup folder.

    Returns:
        Where the replaced journal was moved, or None if there was none.
    """
    journal = journal.expanduser().resolve()  # the lock and the file the app has open
    source = source.expanduser().resolve()
    if source == journal:
        raise JournalError(f"{source} is the journal itself; choose a backup to restore.")
    conn = engine.open_existing(source, passphrase)
    try:
        schema.needs_upgrade(source, schema.current_revision(conn))
    finally:
        conn.close()
    lock = engine.WriterLock(journal)
    lock.acquire()
    try:
        staged = journal.with_name(journal.name + ".restoring")
        _copy_private(source, staged)
        kept = _move_aside(journal)
        os.replace(staged, journal)
        return kept
    finally:
        lock.release()


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def _move_aside(journal: Path) -> Path | None:
    """Move the journal and any write-ahead log beside it into the backup folder.

    A log left by a crash belongs to the file it was written for: left behind, SQLite would
    replay it into the restored journal and ruin it.
    """
    present = [p for p in (journal, *companion_files(journal)) if p.exists()]
    if not present:
        return None
    folder = backup_folder(journal)
    folder.mkdir(mode=0o700, exist_ok=True)
    kept = _unused_name(folder, f"{journal.stem}-replaced")
    for companion, suffix in zip(companion_files(journal), ("-wal", "-shm"), strict=True):
        if companion.exists():
            os.replace(companion, kept.with_name(kept.name + suffix))
    if journal.exists():
        os.replace(journal, kept)
        return kept
    return None
