"""Changing a journal's passphrase, counted only once the new one is seen to work.

SQLCipher's ``PRAGMA rekey`` can fail without raising (a full disk, a damaged page): the
command would then say "changed" while only the old passphrase opens the journal. So the new
passphrase must open the journal and every page must read back before the change counts.
"""

from __future__ import annotations

from pathlib import Path

from psw_journal.core.errors import JournalDamaged, JournalError, WrongPassphrase
from psw_journal.persistence import backups, engine


class ChangedButDamaged(JournalDamaged):
    """The new passphrase is in force, but parts of the journal cannot be read."""


def rekey(path: Path, old: str, new: str) -> None:
    """Re-encrypt the journal at ``path`` from ``old`` to ``new`` (no other connection open).

    Raises:
        ChangedButDamaged: the new passphrase works, but the journal is damaged.
        JournalError: the passphrase was not changed; the message says why, and the journal
            still opens with ``old``.
    """
    conn = engine.connect(path, old)
    try:
        conn.execute(f"PRAGMA rekey = {engine.quote(new)}")
        # Fold the re-encrypted pages into the file now, while no other connection is open.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except engine.DatabaseError as exc:
        raise _unchanged(path, old, exc) from exc
    finally:
        conn.close()
    if not _key_opens(path, new):
        raise _unchanged(path, old, None)
    backups.record_passphrase_change(path)
    if not _reads_back(path, new):
        raise backups.with_backup_hint(
            ChangedButDamaged(f"The passphrase was changed, but {path} is damaged and cannot be "
                              "read in full."), path, new)


def _unchanged(path: Path, old: str, exc: BaseException | None) -> JournalError:
    """Explain a passphrase change that did not happen (the old passphrase still works)."""
    if not _reads_back(path, old):
        return backups.with_backup_hint(
            JournalDamaged(f"The passphrase was not changed: {path} is damaged, so it could not "
                           "be re-encrypted. It still opens with your current passphrase."),
            path, old)
    reason = engine.explain_failure(path, exc) if exc is not None else None
    why = " (the disk is full)" if reason is not None and "disk is full" in str(reason) else ""
    return JournalError(
        f"The passphrase was not changed{why}; the journal still opens with your current "
        "passphrase. Check that the disk has free space and try again."
    )


def _key_opens(path: Path, passphrase: str) -> bool:
    """Tell whether ``passphrase`` is the journal's key (whether or not all of it reads)."""
    try:
        engine.open_existing(path, passphrase).close()
    except WrongPassphrase:
        return False
    except JournalError:
        return True
    return True


def _reads_back(path: Path, passphrase: str) -> bool:
    """Tell whether ``passphrase`` opens the journal and every page of it reads back."""
    try:
        conn = engine.open_existing(path, passphrase)
    except JournalError:
        return False
    try:
        return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except engine.DatabaseError:
        return False
    finally:
        conn.close()
