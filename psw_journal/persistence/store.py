"""The journal store: writing entries, links, tags, revisions and trash to one encrypted file.

Reading is shared with the ORM-free :class:`~psw_journal.persistence.reads.JournalReader`, and
unlocking reads through the connection that checked the passphrase: SQLAlchemy is imported on
the first edit (:mod:`~psw_journal.persistence.orm_writes`), so opening the app and reading the
journal costs neither its 0.15 s nor its 35 MB.

The module is one class, :class:`JournalStore`, kept whole past 400 lines: every change to the
journal goes through it, sharing its keyed connections, its writer lock and the moment the ORM
takes over, and each method is a few lines over the write helpers (``entries``, ``orm_writes``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from psw_journal.core.coursework import Coursework
from psw_journal.core.entry import Entry, EntryDraft
from psw_journal.core.errors import JournalDamaged, JournalError
from psw_journal.persistence import backups, engine, schema
from psw_journal.persistence.entries import NewEntry, insert_new, new_ids
from psw_journal.persistence.reads import (
    EntryQuery,
    JournalReads,
    explained,
    is_database_error,
    open_checked,
    plain_snippet,
    to_match_expression,
    translated,
)
from psw_journal.persistence.writer_lock import WriterLock

if TYPE_CHECKING:
    from psw_journal.core.coursework_records import ImportedCoursework
    from psw_journal.core.importing import ImportItem
    from psw_journal.persistence.orm_writes import OrmWrites
    from psw_journal.services.journal import JournalEditing

__all__ = ["EntryQuery", "JournalStore", "plain_snippet", "to_match_expression", "utc_now"]

#: Idle keyed connections kept open before the ORM's pool takes over (the GUI thread's and one
#: more); each new one costs a key derivation (~75 ms).
_IDLE_KEPT = 2


def utc_now() -> dt.datetime:
    """Return the current UTC time as the naive datetime the schema stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class JournalStore(JournalReads):
    """One open journal. Use :meth:`create` or :meth:`open`; close it when done."""

    can_write = True

    def __init__(
        self,
        path: Path,
        passphrase: str,
        lock: WriterLock | None,
        first: sqlcipher3.Connection | None = None,
    ) -> None:
        self.path = path
        #: Why today's automatic backup could not be made, if it could not.
        self.backup_warning: str | None = None
        self._passphrase = passphrase
        self._lock = lock
        #: Keyed connections not lent out, starting with the one that checked the passphrase;
        #: once the ORM exists they feed its pool. Guarded by ``_guard`` (any thread may read).
        self._idle: list[sqlcipher3.Connection] = [first] if first is not None else []
        #: Bumped when the key changes or the journal closes: a connection lent out before
        #: is closed when it comes back, never reused with a stale key.
        self._generation = 0
        self._guard = threading.Lock()
        self._orm_writes: OrmWrites | None = None
        self._orm_guard = threading.Lock()
        self._orm_loading: threading.Thread | None = None

    def _take_idle(self) -> tuple[sqlcipher3.Connection, int]:
        with self._guard:
            generation = self._generation
            if self._idle:
                return self._idle.pop(), generation
        return engine.connect(self.path, self._passphrase), generation

    def _give_back(self, conn: sqlcipher3.Connection, generation: int) -> None:
        with self._guard:
            if generation == self._generation and len(self._idle) < _IDLE_KEPT:
                self._idle.append(conn)
                return
        conn.close()

    def _close_idle(self) -> None:
        """Close the idle connections; any lent out are closed when they come back."""
        with self._guard:
            idle, self._idle = self._idle, []
            self._generation += 1
        for conn in idle:
            conn.close()

    @property
    def _orm(self) -> OrmWrites:
        """The ORM, built on the first edit over the connections already open."""
        with self._orm_guard:
            if self._orm_writes is None:
                from psw_journal.persistence.orm_writes import OrmWrites

                self._orm_writes = OrmWrites(lambda: self._take_idle()[0])
            return self._orm_writes

    def _drop_orm(self) -> None:
        with self._orm_guard:
            orm, self._orm_writes = self._orm_writes, None
        if orm is not None:
            orm.dispose()

    def prepare_to_edit(self) -> None:
        """Import the ORM in the background, so the first save does not wait for it.

        Called when the user starts typing; the import takes about 0.15 s, which would otherwise
        fall on the first autosave.
        """
        if self._orm_writes is not None or self._orm_loading is not None:
            return

        def load() -> None:
            import psw_journal.persistence.orm_writes  # noqa: F401

        self._orm_loading = threading.Thread(target=load, name="load-orm", daemon=True)
        self._orm_loading.start()

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str) -> JournalStore:
        """Create a new journal at ``path`` and open it for writing."""
        from psw_journal.persistence.restoring import finish_interrupted

        engine.check_new_passphrase(passphrase)
        finish_interrupted(path)  # a journal being restored here is not a free name
        conn = engine.create_new(path, passphrase)
        conn.close()
        try:
            schema.upgrade(lambda: engine.connect(path, passphrase))
        except Exception:
            for leftover in (path, *backups.companion_files(path)):
                leftover.unlink(missing_ok=True)
            raise
        return cls.open(path, passphrase)

    @classmethod
    def open(
        cls, path: Path, passphrase: str, *, write: bool = True, lock_wait: float = 0.0
    ) -> JournalStore:
        """Open an existing journal, upgrading its schema (after a backup) when it is older.

        Args:
            path: The journal file.
            passphrase: Its passphrase.
            write: Take the writer lock (and make today's backup).
            lock_wait: Seconds to wait for another writer to finish (a command's few seconds).

        Raises:
            JournalError: with a message for the user: wrong passphrase, not a journal, locked,
                read-only...
        """
        path = path.expanduser().resolve()
        if write:
            engine.check_writable(path)
        first, notice = open_checked(path, passphrase)
        lock: WriterLock | None = None
        try:
            revision = schema.current_revision(first)
            if write:
                lock = WriterLock(path)
                lock.acquire(wait=lock_wait)
            if schema.needs_upgrade(path, revision):
                if not write:
                    raise JournalError(f"{path} needs an upgrade; open it in the app first.")
                if revision is not None:
                    backups.write_backup(
                        first,
                        passphrase,
                        backups.pre_migration_path(path, revision),
                        into_own_folder=True,
                    )
                schema.upgrade(lambda: engine.connect(path, passphrase))
        except BaseException as exc:
            first.close()
            if lock is not None:
                lock.release()
            if is_database_error(exc):  # e.g. a damaged schema page
                raise explained(path, passphrase, exc) from exc
            raise
        store = cls(path, passphrase, lock, first)
        store.backup_warning = notice
        if write:
            try:
                store.auto_backup()
            except JournalError as exc:  # a full disk must not keep the journal closed
                warning = str(backups.with_backup_hint(exc, path, passphrase)
                              if isinstance(exc, JournalDamaged) else exc)
                store.backup_warning = " ".join(filter(None, (notice, warning)))
        return store

    def close(self) -> None:
        """Close every connection, forget the passphrase and release the writer lock."""
        self._drop_orm()
        self._passphrase = ""
        self._close_idle()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> JournalStore:
        """Use the store in a ``with`` block; it closes at the end."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close, whatever happened in the block."""
        self.close()

    # -- writing entries ----------------------------------------------------------------------

    def add(self, draft: EntryDraft, *, source_key: str | None = None) -> Entry:
        """Store a new entry and return it."""
        (entry,) = self.add_many([draft], source_keys=[source_key])
        return entry

    def add_many(
        self, drafts: Sequence[EntryDraft], *, source_keys: Sequence[str | None] | None = None
    ) -> list[Entry]:
        """Store several entries in one transaction: all of them, or none.

        Each gets its first revision and its confidentiality findings (stored encrypted in the
        journal, so exports need not check it again). Plain SQL in one transaction: the ORM
        costs several seconds on a 10,000-entry import. The full-text index follows by trigger.
        """
        keys = list(source_keys) if source_keys is not None else [None] * len(drafts)
        if len(keys) != len(drafts):
            raise ValueError("add_many: one source key per draft, or none at all.")
        now = utc_now()
        rows = [NewEntry(draft.validated(), key, now, now) for draft, key in zip(drafts, keys,
                                                                                  strict=True)]
        ids = self._store_new(rows, {}, keep_ids=False)
        return [Entry(id=entry_id, draft=row.draft, created_at=now, updated_at=now)
                for entry_id, row in zip(ids, rows, strict=True)]

    def add_imported(
        self, items: Sequence[ImportItem], settings: Mapping[str, Any], *, keep_ids: bool,
        coursework: Sequence[ImportedCoursework] = (),
    ) -> list[int]:
        """Store imported entries with their history, and settings, in one transaction.

        Args:
            items: The entries, each with what its source knew of its life: created and
                modified times, trash, earlier revisions, its id in the journal it came from.
            settings: Per-journal settings to store (a full export into a new journal).
            keep_ids: Give each entry its id from the source (a full export into a journal
                with no entries, so settings that name entries still point at them).
            coursework: Coursework pieces of a full export (only with ``keep_ids``: their
                examples name entries by id).

        Returns:
            The new entries' ids, in the order of ``items``.

        Raises:
            JournalError: ``keep_ids`` was asked for but the journal has entries now.
        """
        now = utc_now()
        rows = []
        for item in items:
            history = item.history
            created = history.created_at or now
            revisions = tuple((r.saved_at, r.title, r.body) for r in history.revisions)
            rows.append(NewEntry(
                item.draft.validated(), item.source_key, created, history.updated_at or created,
                history.trashed_at, revisions, history.entry_id if keep_ids else None,
            ))
        if coursework and not keep_ids:
            raise ValueError("add_imported: coursework pieces keep their entries' ids only.")
        return self._store_new(rows, settings, keep_ids=keep_ids, coursework=coursework)

    @translated
    def _store_new(
        self, rows: Sequence[NewEntry], settings: Mapping[str, Any], *, keep_ids: bool,
        coursework: Sequence[ImportedCoursework] = (),
    ) -> list[int]:
        from psw_journal.core.confidentiality import (  # ~25 ms: not at unlock
            entry_fields,
            stored_findings,
        )
        from psw_journal.persistence.importing import insert_coursework

        people, own = self.confidentiality_lists()
        with self.raw() as conn, engine.transaction(conn):
            ids = new_ids(conn, rows, keep_ids=keep_ids)
            insert_new(conn, list(zip(ids, rows, strict=True)))
            conn.executemany(
                "INSERT INTO entry_findings (entry_id, key, findings) VALUES (?, ?, ?)",
                [(entry_id, *stored_findings(entry_fields(row.draft), people, own))
                 for entry_id, row in zip(ids, rows, strict=True)],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                [(key, json.dumps(value, ensure_ascii=False)) for key, value in settings.items()],
            )
            insert_coursework(conn, coursework)
        return ids

    @translated
    def update(self, entry_id: int, draft: EntryDraft, *, new_revision: bool = False) -> Entry:
        """Replace an entry's content and record the text in its revision history.

        Saves that follow each other within five minutes update the newest revision, so
        autosaving while typing does not flood the history; an editing session starts a new
        revision by passing ``new_revision=True`` on its first save.

        Args:
            entry_id: The entry to change.
            draft: Its new content.
            new_revision: Start a new revision even if the newest one is recent.
        """
        return self._orm.update(entry_id, draft.validated(), utc_now(), new_revision=new_revision)

    def move_to_trash(self, entry_id: int) -> None:
        """Move an entry to the trash, from where it can be restored."""
        self._set_deleted(entry_id, utc_now())

    def restore_from_trash(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        self._set_deleted(entry_id, None)

    @translated
    def _set_deleted(self, entry_id: int, when: dt.datetime | None) -> None:
        self._orm.set_deleted(entry_id, when)

    @translated
    def empty_trash(self) -> int:
        """Delete for good every entry in the trash; return how many."""
        return self._orm.empty_trash()

    @translated
    def restore_revision(self, entry_id: int, revision_id: int) -> Entry:
        """Make an older revision the entry's current text (the current text is kept too)."""
        restored = self._orm.revision_restored(entry_id, revision_id)
        return self.update(entry_id, restored, new_revision=True)

    @translated
    def set_setting(self, key: str, value: Any) -> None:
        """Save a per-journal setting."""
        self._orm.set_setting(key, json.dumps(value, ensure_ascii=False))

    # -- coursework ---------------------------------------------------------------------------

    @translated
    def add_coursework(self, piece: Coursework) -> Coursework:
        """Store a new coursework piece (from a brief) and return it with its id."""
        from psw_journal.persistence.coursework_writes import CourseworkWrites

        piece_id = CourseworkWrites(self._orm.sessions).add(piece.validated(), utc_now())
        return self.coursework(piece_id)

    @translated
    def save_coursework(self, piece: Coursework, *, new_revision: bool = False) -> Coursework:
        """Save a piece's title, texts and examples; return it as stored.

        Args:
            piece: The piece, with its id.
            new_revision: Start a new revision even if the newest one is recent.
        """
        from psw_journal.persistence.coursework_writes import CourseworkWrites

        checked = piece.validated()
        CourseworkWrites(self._orm.sessions).save(checked, utc_now(), new_revision=new_revision)
        assert checked.id is not None
        return self.coursework(checked.id)

    @translated
    def move_coursework_to_trash(self, piece_id: int) -> None:
        """Move a coursework piece to the trash, from where it can be restored."""
        from psw_journal.persistence.coursework_writes import CourseworkWrites

        CourseworkWrites(self._orm.sessions).set_deleted(piece_id, utc_now())

    @translated
    def restore_coursework(self, piece_id: int) -> None:
        """Bring a coursework piece back from the trash."""
        from psw_journal.persistence.coursework_writes import CourseworkWrites

        CourseworkWrites(self._orm.sessions).set_deleted(piece_id, None)

    # -- maintenance --------------------------------------------------------------------------

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlcipher3.Connection]:
        """Lend a keyed DB-API connection (for plain SQL, PRAGMAs and backups)."""
        orm = self._orm_writes
        if orm is not None:
            with orm.raw() as conn:
                yield conn
            return
        conn, generation = self._take_idle()
        try:
            yield conn
        finally:
            self._give_back(conn, generation)

    @translated
    def auto_backup(self, today: dt.date | None = None) -> Path | None:
        """Keep one automatic backup a day, the last seven, beside the journal."""
        with self.raw() as conn:
            return backups.auto_backup(conn, self._passphrase, self.path, today or dt.date.today())

    @translated
    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the journal with a new passphrase (verified); backups keep their old one.

        Raises:
            JournalError: the passphrase was not changed, or changed over a damaged journal;
                the message says which, and which passphrase opens it now.
        """
        from psw_journal.persistence.rekey import ChangedButDamaged, rekey

        engine.check_new_passphrase(new_passphrase)
        self._drop_orm()
        self._close_idle()
        try:
            rekey(self.path, self._passphrase, new_passphrase)
        except ChangedButDamaged:
            self._passphrase = new_passphrase
            raise
        self._passphrase = new_passphrase


if TYPE_CHECKING:  # mypy checks that the store is what the front ends are typed against

    def _is_journal_editing(store: JournalStore) -> JournalEditing:
        return store
