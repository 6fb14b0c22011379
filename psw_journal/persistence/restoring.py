"""Restoring a backup over the journal, checked before anything changes.

It is swapped in so that a process killed at any point loses nothing.

The swap is written down first in a small plan file beside the journal (which file is kept
where); every command that opens the journal finishes a swap it finds half done. So the
journal's name always leads to either the old journal or the restored one, and the replaced
journal is never lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import sqlcipher3

from psw_journal.core.errors import JournalError, JournalLocked, WrongPassphrase
from psw_journal.persistence import backups, engine, schema
from psw_journal.persistence.writer_lock import WriterLock

#: The tables a restorable journal must have (the full-text index included).
_REQUIRED_TABLES = frozenset(
    {"alembic_version", "entry", "entry_fts", "entry_tag", "entry_link", "revision", "setting"}
)


def plan_path(journal: Path) -> Path:
    """Return the file that records a restore in progress."""
    return journal.with_name(journal.name + ".restore-plan")


def staged_path(journal: Path) -> Path:
    """Return where the backup is copied before it takes the journal's place."""
    return journal.with_name(journal.name + ".restoring")


def restore(journal: Path, passphrase: str, source: Path) -> Path | None:
    """Replace the journal with a backup; the replaced journal is kept in the backup folder.

    The backup is checked first (it opens with ``passphrase``, every page passes its HMAC and
    SQLite's integrity check, the schema and the full-text index are whole), then copied beside
    the journal and checked again there; only then are the files swapped.

    Returns:
        Where the replaced journal was moved, or None if there was none.

    Raises:
        JournalError: nothing was changed; the message says why.
    """
    journal = journal.expanduser().resolve()  # the lock and the file the app has open
    source = source.expanduser().resolve()
    if source == journal or source in backups.companion_files(journal):
        raise JournalError(f"{source} is the journal itself; choose a backup to restore.")
    check_backup(source, passphrase)
    lock = WriterLock(journal)
    lock.acquire()
    try:
        _finish(journal)
        _refuse_hiding_newer_entries(journal, passphrase, source)
        staged = staged_path(journal)
        _stage(source, staged, passphrase)
        present = [p for p in (journal, *backups.companion_files(journal)) if p.exists()]
        kept = None
        if present:
            folder = backups.backup_folder(journal)
            try:
                folder.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                _discard(staged)
                raise JournalError(f"Could not restore: cannot create {folder} "
                                   f"({exc.strerror}). The journal is unchanged.") from exc
            kept = backups.unused_name(folder, f"{journal.stem}-replaced")
        _write_plan(journal, kept, source)
        _swap(journal, kept)
        return kept
    finally:
        lock.release()


def check_backup(
    path: Path, passphrase: str, *, index_too: bool = False, shown_as: Path | None = None
) -> None:
    """Refuse a backup that would not make a whole journal.

    Args:
        path: The backup.
        passphrase: Its passphrase.
        index_too: Also run the full-text index's own check (it needs to write, so only on a
            copy this process owns).
        shown_as: The name to give the backup in messages (the original of a copy).

    Raises:
        JournalError: naming the backup and what is wrong with it.
    """
    name = shown_as or path
    try:
        conn = engine.open_existing(path, passphrase)
    except WrongPassphrase as exc:
        raise WrongPassphrase(f"Wrong passphrase for the backup {name} (or it is not a PSW "
                              "journal). Nothing was changed.") from exc
    except JournalError as exc:
        raise JournalError(f"The backup {name} cannot be restored: "
                           f"{str(exc).replace(str(path), 'it')} Nothing was changed.") from exc
    try:
        problem = _problem(conn, name, index_too=index_too)
    finally:
        conn.close()
    if problem:
        raise JournalError(f"The backup {name} cannot be restored: {problem}. "
                           "Nothing was changed.")


def _problem(conn: sqlcipher3.Connection, path: Path, *, index_too: bool) -> str | None:
    """Return what makes an opened backup unfit to restore, or None if it is whole."""
    try:
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = sorted(_REQUIRED_TABLES - tables)
        if missing:
            return f"it has no {', '.join(missing)} table (it is damaged or not a whole journal)"
        revision = schema.current_revision(conn)
        if revision is None:
            return "its schema version is missing (it is damaged)"
        schema.needs_upgrade(path, revision)  # a newer app's journal: refused with its message
        if conn.execute("PRAGMA cipher_integrity_check").fetchone() is not None:
            return "some of its pages fail their integrity check (it is damaged)"
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "SQLite's integrity check fails (it is damaged)"
        if index_too:
            conn.execute("INSERT INTO entry_fts(entry_fts) VALUES ('integrity-check')")
    except engine.DatabaseError:
        return "parts of it cannot be read (it is damaged)"
    return None


def _refuse_hiding_newer_entries(journal: Path, passphrase: str, source: Path) -> None:
    """Refuse to put an older backup over a journal whose passphrase changed since.

    Such a journal holds every entry written after the backup, under the new passphrase; the
    backup would hide them all, and the replaced file would open only with a passphrase the
    restore was not given.
    """
    if not journal.exists():
        return
    try:
        engine.open_existing(journal, passphrase).close()
    except WrongPassphrase:
        changed = backups.passphrase_changed_at(journal)
        if changed is None or source.stat().st_mtime >= changed.timestamp():
            return  # no change recorded after the backup: the journal's first page is damaged
        raise JournalError(
            f"{journal} no longer opens with the passphrase of {source}: the passphrase was "
            f"changed on {changed:%Y-%m-%d} and the journal holds every entry written since, "
            "which the backup lacks. Nothing was changed. To go back to the backup anyway, "
            f"first move {journal} somewhere safe (it opens with the new passphrase)."
        ) from None
    except JournalError:
        return  # damaged or unreadable: what restoring is for


def _stage(source: Path, staged: Path, passphrase: str) -> None:
    """Copy the backup (and any log of its own) beside the journal and check the copy."""
    _discard(staged)
    try:
        _copy_private(source, staged)
        if engine.log_has_frames(source):
            _copy_private(source.with_name(source.name + "-wal"),
                          staged.with_name(staged.name + "-wal"))
        check_backup(staged, passphrase, index_too=True, shown_as=source)
    except OSError as exc:
        _discard(staged)
        reason = "the disk is full" if exc.errno == 28 else exc.strerror or str(exc)
        raise JournalError(f"Could not restore {source}: {reason}. The journal is "
                           "unchanged.") from exc
    except BaseException:
        _discard(staged)
        raise


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def _discard(staged: Path) -> None:
    for leftover in (staged, *backups.companion_files(staged)):
        leftover.unlink(missing_ok=True)


def _write_plan(journal: Path, kept: Path | None, source: Path) -> None:
    plan = plan_path(journal)
    partial = plan.with_name(plan.name + ".partial")
    record = {"kept": str(kept) if kept else None, "backup": str(source)}
    try:
        fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, plan)
        _sync_folder(journal.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        _discard(staged_path(journal))
        raise JournalError(f"Could not restore: {exc.strerror or exc}. The journal is "
                           "unchanged.") from exc


def _swap(journal: Path, kept: Path | None) -> None:
    """Move the journal and its log to ``kept``, put the staged copy in place, forget the plan.

    Each step is a rename that can be done again, so a half-done swap is finished by running
    this again.
    """
    if kept is not None:
        for companion, suffix in zip(backups.companion_files(journal), ("-wal", "-shm"),
                                     strict=True):
            # A log belongs to the file it was written for: left behind, SQLite would replay
            # it into the restored journal and ruin it.
            if companion.exists():
                os.replace(companion, kept.with_name(kept.name + suffix))
        if journal.exists():
            os.replace(journal, kept)
        _sync_folder(kept.parent)
    os.replace(staged_path(journal), journal)
    _sync_folder(journal.parent)
    plan_path(journal).unlink()
    _sync_folder(journal.parent)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def finish_interrupted(journal: Path) -> str | None:
    """Finish a restore that was cut short, before the journal is opened.

    Returns:
        A sentence for the user when a restore was finished now, else None.

    Raises:
        JournalError: the restore cannot be finished here (a read-only medium, or another
            process is restoring right now); the message says where everything is.
    """
    journal = journal.expanduser().resolve()
    if not plan_path(journal).exists():
        if staged_path(journal).exists():
            _discard_unfinished_copy(journal)
        return None
    lock = WriterLock(journal)
    try:
        lock.acquire()
    except JournalLocked:
        raise JournalLocked(f"A backup is being restored over {journal}; try again in a "
                            "moment.") from None
    except JournalError as exc:
        raise JournalError(
            f"A restore of {journal} was interrupted and cannot be finished here ({exc}). "
            f"The backup being restored is {staged_path(journal)}; the plan of what goes "
            f"where is {plan_path(journal)}."
        ) from exc
    try:
        return _finish(journal)
    finally:
        lock.release()


def _discard_unfinished_copy(journal: Path) -> None:
    """Delete a copy left by a restore killed before its swap began (if none runs now)."""
    lock = WriterLock(journal)
    try:
        lock.acquire()
    except JournalError:
        return  # a restore is copying right now, or the folder is read-only
    try:
        if not plan_path(journal).exists():
            _discard(staged_path(journal))
    finally:
        lock.release()


def _finish(journal: Path) -> str | None:
    """Complete a recorded swap (the caller holds the writer lock)."""
    plan = plan_path(journal)
    if not plan.exists():
        _discard(staged_path(journal))  # a copy whose checks never finished
        return None
    try:
        record = json.loads(plan.read_text(encoding="utf-8"))
        kept = Path(record["kept"]) if record.get("kept") else None
        source = str(record.get("backup") or "a backup")
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise JournalError(f"A restore of {journal} was interrupted and its plan {plan} "
                           "cannot be read; the backup being restored is "
                           f"{staged_path(journal)}.") from exc
    if not staged_path(journal).exists():
        plan.unlink()  # the swap was done; only forgetting the plan was left
        return None
    try:
        _swap(journal, kept)
    except OSError as exc:
        raise JournalError(f"A restore of {journal} was interrupted and could not be "
                           f"finished ({exc.strerror or exc}). The backup being restored is "
                           f"{staged_path(journal)}; the journal it replaces is "
                           f"{kept if kept and kept.exists() else journal}.") from exc
    where = f" The journal it replaced is kept as {kept}." if kept else ""
    return f"A restore of {source} was interrupted; it has now been finished.{where}"
