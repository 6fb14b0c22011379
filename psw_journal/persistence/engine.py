"""Open SQLCipher journal files: keying, checks that tell users what is wrong, the writer lock."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from psw_journal.core.errors import (
    InvalidInput,
    JournalDamaged,
    JournalError,
    JournalLocked,
    NotAJournal,
    WrongPassphrase,
)

#: PRAGMA application_id of every PSW journal ("PSWJ"), so a foreign encrypted file is told apart.
APPLICATION_ID = 0x5053574A
PAGE_SIZE = 4096
_RAW_KEY = re.compile(r"x'[0-9a-fA-F]*'")
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: A write-ahead log no longer than its header holds no saved change.
_WAL_HEADER = 32
#: Below this much free space SQLite may fail to make the small files it needs to open a journal.
_ROOM_TO_OPEN = 256 * 1024

#: What SQLCipher raises for a wrong key, a damaged file or a failed write.
DatabaseError: type[Exception] = sqlcipher3.DatabaseError


def quote(passphrase: str) -> str:
    """Return a passphrase as an SQL string literal (for PRAGMA key, which takes no parameter)."""
    return "'" + passphrase.replace("'", "''") + "'"


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase SQLCipher would not take as a passphrase."""
    if not passphrase:
        raise InvalidInput("The passphrase must not be empty.")
    if "\x00" in passphrase:
        raise InvalidInput("The passphrase cannot contain a NUL character.")
    if _RAW_KEY.fullmatch(passphrase):
        # SQLCipher would take x'<hex>' as a raw key and skip the slow key derivation.
        raise InvalidInput("A passphrase of the form x'…' is reserved; please choose another.")


def connect(path: Path, passphrase: str, *, read_only: bool = False) -> sqlcipher3.Connection:
    """Open a keyed connection with the settings every journal connection uses.

    The key is applied before anything else touches the file; temporary tables and indices are
    kept in memory so that no plaintext spills into temp files. A journal this process may not
    change (a read-only medium or file) is read without creating anything beside it: as it is
    when its write-ahead log is empty, else through a private copy of the file and its log, so
    the last saved entries are read too.

    Args:
        path: The journal file.
        passphrase: Its passphrase.
        read_only: Open without the right to write (SQLite then never checkpoints a log).
    """
    if "\x00" in passphrase:
        raise WrongPassphrase(f"Wrong passphrase for {path}.")
    if path.exists() and not is_writable(path):
        if log_has_frames(path):
            return _connect_snapshot(path, passphrase)
        return _keyed(_uri(path, "immutable=1"), passphrase, uri=True)
    _repair_companion_modes(path)
    if read_only:
        return _keyed(_uri(path, "mode=ro"), passphrase, uri=True)
    return _keyed(str(path), passphrase, uri=False)


def is_writable(path: Path) -> bool:
    """Tell whether this process may change the journal file and create files beside it."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def check_writable(path: Path) -> None:
    """Raise a JournalError saying why changes cannot be saved, unless they can."""
    if not os.access(path.parent, os.W_OK):
        raise JournalError(
            f"Cannot save changes: {path.parent} is read-only. Nothing was changed; the journal "
            "can still be read (list, search, export)."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise JournalError(
            f"Cannot save changes: {path} is read-only (its permissions allow reading only). "
            "Nothing was changed; the journal can still be read (list, search, export)."
        )


def log_has_frames(path: Path) -> bool:
    """Tell whether the journal's write-ahead log holds saved changes not yet in the file."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > _WAL_HEADER
    except OSError:
        return False


def _uri(path: Path, query: str) -> str:
    return path.resolve().as_uri().replace("file://", "file:") + "?" + query


def _keyed(
    target: str, passphrase: str, *, uri: bool, factory: type[sqlcipher3.Connection] | None = None
) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(
        target, uri=uri, check_same_thread=False, isolation_level=None,
        factory=factory or sqlcipher3.Connection,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {quote(passphrase)}")
        # A 2 MB page cache, not SQLCipher's 8 MB: reads are paged queries over indexes (same
        # speed with the 10,000-entry list scrolled and coverage shown, ~6 MB less memory).
        conn.execute("PRAGMA cache_size = -2048")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        # Every saved entry survives a crash or power cut, not just an app crash.
        conn.execute("PRAGMA synchronous = FULL")
    except Exception:
        conn.close()
        raise
    return conn


class _SnapshotConnection(sqlcipher3.Connection):  # type: ignore[misc]  # untyped base
    """A connection to a private copy of a journal, which it deletes when closed."""

    folder: Path | None = None

    def close(self) -> None:
        super().close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def _connect_snapshot(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """Read a journal that cannot be changed, with its log, through a private copy of both.

    The copy (still encrypted) lives in a folder only this user can open and is deleted when
    the connection closes; SQLite replays the log into the copy, never into the original.
    """
    folder = Path(tempfile.mkdtemp(prefix="psw-journal-read-"))
    copy = folder / path.name
    try:
        for source, target in ((path, copy), (path.with_name(path.name + "-wal"),
                                               copy.with_name(copy.name + "-wal"))):
            shutil.copyfile(source, target)
            target.chmod(0o600)
        conn = _keyed(str(copy), passphrase, uri=False, factory=_SnapshotConnection)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            raise JournalError(
                f"{path} cannot be changed here and its last saved entries are still in its "
                f"log ({path.name}-wal); reading them needs a temporary copy, which failed "
                f"({exc.strerror or exc}). Copy both files to a writable folder and open the "
                "copy there."
            ) from exc
        raise
    conn.folder = folder
    return conn


def _repair_companion_modes(path: Path) -> None:
    """Make this user's log files writable again when an earlier read left them read-only.

    SQLite gives ``-wal`` and ``-shm`` the journal file's permissions, so reading a 0400
    journal once left 0400 companions that kept the repaired journal read-only.
    """
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            if not os.access(companion, os.W_OK) and companion.stat().st_uid == os.geteuid():
                companion.chmod(0o600)


def explain_failure(path: Path, exc: BaseException) -> JournalError:
    """Turn a database error met while using a journal into a message for the user."""
    reason = str(getattr(exc, "orig", None) or exc)
    lowered = reason.lower()
    if "full" in lowered:
        return JournalError(
            "Could not save: the disk is full. The journal is unchanged; free some space "
            "and try again."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return JournalError(
            f"Could not save: {path.parent} is read-only. The journal is unchanged."
        )
    if "locked" in lowered or "busy" in lowered:
        return JournalLocked(f"{path} is busy in another program; try again in a moment.")
    if any(word in lowered for word in ("malformed", "not a database", "corrupt", "hmac")):
        return JournalDamaged(f"{path} is damaged and cannot be read in full.")
    return JournalError(f"The journal {path} could not be read or written ({reason}).")


def describe_unreadable(path: Path) -> JournalError:
    """Explain why a journal file that would not decrypt cannot be opened."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return JournalError(f"Cannot read {path}: {exc.strerror or exc}.")
    if size == 0:
        return NotAJournal(f"{path} is empty: it is not a PSW journal.")
    if head == _SQLITE_MAGIC:
        return NotAJournal(f"{path} is an unencrypted SQLite database, not a PSW journal.")
    if size % 1024 != 0 or size < 1024:
        return NotAJournal(
            f"{path} is not a PSW journal (it may be damaged or another kind of file)."
        )
    return WrongPassphrase(f"Wrong passphrase for {path} (or the file is not a PSW journal).")


def check_readable_file(path: Path) -> None:
    """Raise a clear JournalError unless ``path`` is an existing, readable regular file."""
    if not path.exists():
        raise JournalError(f"No journal at {path}. Create one with 'psw-journal init'.")
    if path.is_dir():
        raise NotAJournal(f"{path} is a folder, not a journal file.")
    if not os.access(path, os.R_OK):
        raise JournalError(f"Permission denied: cannot read {path}.")


def open_existing(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """Open and verify an existing journal; raise a JournalError that says what is wrong.

    A wrong passphrase, a damaged file, a full disk and a foreign file each get their own
    message, and a failed attempt leaves no new file beside the journal.
    """
    check_readable_file(path)
    if path.stat().st_size == 0 or _has_plain_header(path):
        raise describe_unreadable(path)
    if path.with_name(path.name + "-wal").exists() and is_writable(path):
        # A log left by a crash: closing a connection would fold it into the file, so the key
        # is tried read-only first and a wrong passphrase leaves both files as they are.
        _verified(path, passphrase, read_only=True).close()
    return _verified(path, passphrase)


def _verified(path: Path, passphrase: str, *, read_only: bool = False) -> sqlcipher3.Connection:
    """Connect and check that the connection decrypts a PSW journal."""
    companions = (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    existing = {companion for companion in companions if companion.exists()}
    conn: sqlcipher3.Connection | None = None
    try:
        conn = connect(path, passphrase, read_only=read_only)
        # The header, on the first page only: decrypts only with the right key.
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            raise NotAJournal(f"{path} is an encrypted database, but not a PSW journal.")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException as exc:
        if conn is not None:
            conn.close()
        _remove_stillborn(set(companions) - existing)
        if isinstance(exc, DatabaseError):
            raise open_failure(path, exc) from exc
        raise
    return conn


def _remove_stillborn(made: set[Path]) -> None:
    """Delete log files a failed open created that no connection can be using.

    A live ``-shm`` is at least 32 KiB and a live ``-wal`` holds a header, so the 0-byte log
    and few-byte ``-shm`` a full disk leaves behind are safe to remove.
    """
    for companion in made:
        with contextlib.suppress(OSError):
            limit = 0 if companion.name.endswith("-wal") else 32 * 1024 - 1
            if companion.stat().st_size <= limit:
                companion.unlink()


def open_failure(path: Path, exc: BaseException) -> JournalError:
    """Explain why opening a journal failed: damage, a full or failing disk, or the key."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    reason = str(exc)
    lowered = reason.lower()
    if "malformed" in lowered or name.startswith("SQLITE_CORRUPT"):
        return JournalDamaged(f"{path} is damaged and cannot be read in full.")
    if (name.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN"))
            or "disk i/o" in lowered or "unable to open" in lowered or "full" in lowered):
        with contextlib.suppress(OSError):
            if shutil.disk_usage(path.parent).free < _ROOM_TO_OPEN:
                return JournalError(
                    f"Cannot open {path}: the disk is full. Opening a journal needs a little "
                    "free space beside it; free some space and try again. The journal is "
                    "unchanged."
                )
        return JournalError(
            f"Cannot open {path}: the disk reported an error ({reason}). The journal is "
            "unchanged."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return JournalError(f"Cannot open {path}: {path.parent} is read-only.")
    return describe_unreadable(path)


def create_new(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """Create an empty, keyed journal file readable by its owner only."""
    if path.exists():
        raise JournalError(f"{path} already exists; choose another file name.")
    folder = path.parent
    if not folder.is_dir():
        raise JournalError(f"The folder {folder} does not exist.")
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise JournalError(f"Cannot create {path}: {exc.strerror or exc}.") from exc
    try:
        conn = connect(path, passphrase)
        conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
    except DatabaseError as exc:
        path.unlink(missing_ok=True)
        raise JournalError(f"Cannot create {path}: {exc}.") from exc
    return conn


def _has_plain_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == _SQLITE_MAGIC


@contextlib.contextmanager
def transaction(conn: sqlcipher3.Connection) -> Iterator[sqlcipher3.Connection]:
    """Run a block in an immediate write transaction: all of it is saved, or none.

    SQLite may already have rolled back (a full disk does that), so the rollback is sent only
    while a transaction is still open.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def make_engine(creator: Any, *, pool_size: int = 2) -> Any:
    """Build an SQLAlchemy engine over keyed connections made by ``creator``.

    The driver runs in autocommit mode and every SQLAlchemy transaction emits its own BEGIN, so
    a transaction (DDL included) is saved whole or not at all, as SQLAlchemy's SQLite docs advise.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite://",
        hide_parameters=True,  # entry text must never appear in an error message or a log
        creator=creator,
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
