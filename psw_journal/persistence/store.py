"""The journal store: writing entries, links, tags, revisions and trash to one encrypted file.

Reading is shared with the ORM-free :class:`~psw_journal.persistence.reads.JournalReader`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload, sessionmaker

from psw_journal.core.confidentiality import stored_findings
from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.errors import JournalError
from psw_journal.persistence import backups, engine, schema
from psw_journal.persistence.reads import (
    EntryQuery,
    JournalReads,
    open_checked,
    plain_snippet,
    to_match_expression,
    translated,
)
from psw_journal.persistence.rows import EntryRow, LinkRow, RevisionRow, SettingRow, TagRow

__all__ = ["EntryQuery", "JournalStore", "plain_snippet", "to_match_expression", "utc_now"]

#: A new revision is kept when the latest one is older than this; typing in between coalesces.
REVISION_INTERVAL = dt.timedelta(minutes=5)


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
        lock: engine.WriterLock | None,
        first: sqlcipher3.Connection | None = None,
    ) -> None:
        self.path = path
        #: Why today's automatic backup could not be made, if it could not.
        self.backup_warning: str | None = None
        self._passphrase = passphrase
        self._lock = lock
        self._engine: Engine = self._make_engine(first)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def _make_engine(self, first: sqlcipher3.Connection | None) -> Engine:
        """Pool keyed connections, starting with the one that verified the passphrase."""
        pending = [first] if first is not None else []
        path, passphrase = self.path, self._passphrase

        def creator() -> sqlcipher3.Connection:
            return pending.pop() if pending else engine.connect(path, passphrase)

        return engine.make_engine(creator)  # type: ignore[no-any-return]

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str) -> JournalStore:
        """Create a new journal at ``path`` and open it for writing."""
        engine.check_new_passphrase(passphrase)
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
    def open(cls, path: Path, passphrase: str, *, write: bool = True) -> JournalStore:
        """Open an existing journal, upgrading its schema (after a backup) when it is older.

        Raises:
            JournalError: with a message for the user: wrong passphrase, not a journal, locked...
        """
        path = path.expanduser().resolve()
        first = open_checked(path, passphrase)
        lock: engine.WriterLock | None = None
        try:
            revision = schema.current_revision(first)
            if write:
                lock = engine.WriterLock(path)
                lock.acquire()
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
        except BaseException:
            first.close()
            if lock is not None:
                lock.release()
            raise
        store = cls(path, passphrase, lock, first)
        if write:
            try:
                store.auto_backup()
            except JournalError as exc:  # a full disk must not keep the journal closed
                store.backup_warning = str(exc)
        return store

    def close(self) -> None:
        """Close every connection, forget the passphrase and release the writer lock."""
        self._engine.dispose()
        self._passphrase = ""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing entries ----------------------------------------------------------------------

    def add(self, draft: EntryDraft, *, source_key: str | None = None) -> Entry:
        """Store a new entry and return it."""
        (entry,) = self.add_many([draft], source_keys=[source_key])
        return entry

    @translated
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
        checked = [draft.validated() for draft in drafts]
        people, own = self.confidentiality_lists()
        now = utc_now()
        with self.raw() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM entry").fetchone()
                ids = range(last + 1, last + 1 + len(checked))
                _insert_new(conn, list(zip(ids, checked, keys, strict=True)), _sql_time(now))
                conn.executemany(
                    "INSERT INTO entry_findings (entry_id, key, findings) VALUES (?, ?, ?)",
                    [(entry_id, *stored_findings(d.title, d.body, people, own))
                     for entry_id, d in zip(ids, checked, strict=True)],
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite already rolled back after, e.g., a full disk
                    conn.execute("ROLLBACK")
                raise
        return [Entry(id=entry_id, draft=draft, created_at=now, updated_at=now, deleted_at=None)
                for entry_id, draft in zip(ids, checked, strict=True)]

    @translated
    def update(self, entry_id: int, draft: EntryDraft, *, new_revision: bool = False) -> Entry:
        """Replace an entry's content and record the text in its revision history.

        Saves that follow each other within REVISION_INTERVAL update the newest revision, so
        autosaving while typing does not flood the history; an editing session starts a new
        revision by passing ``new_revision=True`` on its first save.

        Args:
            entry_id: The entry to change.
            draft: Its new content.
            new_revision: Start a new revision even if the newest one is recent.
        """
        draft = draft.validated()
        now = utc_now()
        with self._sessions.begin() as session:
            row = _get_row(session, entry_id)
            text_changed = (row.title, row.body) != (draft.title, draft.body)
            _apply_draft(row, draft)
            row.updated_at = now
            if text_changed:
                _record_revision(session, row, now, force=new_revision)
            session.flush()
            return _to_entry(row)

    def move_to_trash(self, entry_id: int) -> None:
        """Move an entry to the trash, from where it can be restored."""
        self._set_deleted(entry_id, utc_now())

    def restore_from_trash(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        self._set_deleted(entry_id, None)

    @translated
    def _set_deleted(self, entry_id: int, when: dt.datetime | None) -> None:
        with self._sessions.begin() as session:
            _get_row(session, entry_id).deleted_at = when

    @translated
    def empty_trash(self) -> int:
        """Delete for good every entry in the trash; return how many."""
        with self._sessions.begin() as session:
            result = session.execute(delete(EntryRow).where(EntryRow.deleted_at.is_not(None)))
            return int(result.rowcount)  # type: ignore[attr-defined]

    @translated
    def restore_revision(self, entry_id: int, revision_id: int) -> Entry:
        """Make an older revision the entry's current text (the current text is kept too)."""
        with self._sessions.begin() as session:
            revision = session.get(RevisionRow, revision_id)
            if revision is None or revision.entry_id != entry_id:
                raise JournalError(f"Entry {entry_id} has no revision {revision_id}.")
            current = _to_entry(_get_row(session, entry_id)).draft
        restored = EntryDraft(
            title=revision.title,
            body=revision.body,
            occurred_on=current.occurred_on,
            tags=current.tags,
            links=current.links,
            template=current.template,
            stress=current.stress,
        )
        return self.update(entry_id, restored, new_revision=True)

    @translated
    def set_setting(self, key: str, value: Any) -> None:
        """Save a per-journal setting."""
        with self._sessions.begin() as session:
            session.merge(SettingRow(key=key, value=json.dumps(value, ensure_ascii=False)))

    # -- maintenance --------------------------------------------------------------------------

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlcipher3.Connection]:
        """Lend a pooled keyed DB-API connection (for plain SQL, PRAGMAs and backups)."""
        pooled = self._engine.raw_connection()
        try:
            yield pooled.driver_connection
        finally:
            pooled.close()

    @translated
    def auto_backup(self, today: dt.date | None = None) -> Path | None:
        """Keep one automatic backup a day, the last seven, beside the journal."""
        with self.raw() as conn:
            return backups.auto_backup(conn, self._passphrase, self.path, today or dt.date.today())

    @translated
    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the journal with a new passphrase; backups keep their old one."""
        engine.check_new_passphrase(new_passphrase)
        self._engine.dispose()
        with self.raw() as conn:
            conn.execute(f"PRAGMA rekey = {engine.quote(new_passphrase)}")
        self._engine.dispose()
        self._passphrase = new_passphrase
        self._engine = self._make_engine(None)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

def _sql_time(when: dt.datetime) -> str:
    """Return a datetime as SQLAlchemy stores it in SQLite (so the ORM reads it back)."""
    return when.strftime("%Y-%m-%d %H:%M:%S.%f")


def _insert_new(
    conn: sqlcipher3.Connection,
    new: Sequence[tuple[int, EntryDraft, str | None]],
    now: str,
) -> None:
    """Insert validated drafts under the given ids, with their tags, links and revision."""
    conn.executemany(
        "INSERT INTO entry (id, occurred_on, created_at, updated_at, title, body, template, "
        "stress, tags_text, deleted_at, source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        [(entry_id, d.occurred_on.isoformat(), now, now, d.title, d.body, d.template, d.stress,
          "\n".join(d.tags), key) for entry_id, d, key in new],
    )
    conn.executemany(
        "INSERT INTO entry_tag (entry_id, tag, position) VALUES (?, ?, ?)",
        [(entry_id, tag, i) for entry_id, d, _ in new for i, tag in enumerate(d.tags)],
    )
    conn.executemany(
        "INSERT INTO entry_link (entry_id, kind, target_id, note, position) "
        "VALUES (?, ?, ?, ?, ?)",
        [(entry_id, link.kind.value, link.target_id, link.note, i)
         for entry_id, d, _ in new for i, link in enumerate(d.links)],
    )
    conn.executemany(
        "INSERT INTO revision (entry_id, saved_at, title, body) VALUES (?, ?, ?, ?)",
        [(entry_id, now, d.title, d.body) for entry_id, d, _ in new],
    )


def _record_revision(session: Session, row: EntryRow, now: dt.datetime, *, force: bool) -> None:
    latest = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.entry_id == row.id)
        .order_by(RevisionRow.id.desc())
        .limit(1)
    ).first()
    if force or latest is None or now - latest.saved_at >= REVISION_INTERVAL:
        session.add(RevisionRow(entry_id=row.id, saved_at=now, title=row.title, body=row.body))
    else:
        latest.saved_at, latest.title, latest.body = now, row.title, row.body


def _get_row(session: Session, entry_id: int) -> EntryRow:
    row = session.get(
        EntryRow, entry_id, options=[selectinload(EntryRow.tags), selectinload(EntryRow.links)]
    )
    if row is None:
        raise JournalError(f"There is no entry {entry_id}.")
    return row


def _apply_draft(row: EntryRow, draft: EntryDraft) -> None:
    row.title = draft.title
    row.body = draft.body
    row.occurred_on = draft.occurred_on
    row.template = draft.template
    row.stress = draft.stress
    row.tags_text = "\n".join(draft.tags)
    row.tags = [TagRow(tag=tag, position=i) for i, tag in enumerate(draft.tags)]
    row.links = [
        LinkRow(kind=link.kind.value, target_id=link.target_id, note=link.note, position=i)
        for i, link in enumerate(draft.links)
    ]


def _to_entry(row: EntryRow) -> Entry:
    draft = EntryDraft(
        title=row.title,
        body=row.body,
        occurred_on=row.occurred_on,
        tags=tuple(tag.tag for tag in row.tags),
        links=tuple(Link(LinkKind(link.kind), link.target_id, link.note) for link in row.links),
        template=row.template,
        stress=row.stress,
    )
    return Entry(
        id=row.id,
        draft=draft,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )
