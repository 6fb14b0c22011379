"""The ORM half of :class:`~psw_journal.persistence.store.JournalStore`: edits through sessions.

Imported on the first edit, not at unlock: SQLAlchemy costs about 0.15 s and 35 MB, and a session
spent reading, searching and looking at coverage never needs it (those are plain SQL).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

import sqlcipher3
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload, sessionmaker

from psw_journal.core.entry import Entry, EntryDraft
from psw_journal.core.errors import JournalError
from psw_journal.persistence import engine as engines
from psw_journal.persistence.entries import (
    draft_values,
    entry_from_row,
    link_values,
    tag_values,
)
from psw_journal.persistence.rows import EntryRow, LinkRow, RevisionRow, SettingRow, TagRow

#: A new revision is kept when the latest one is older than this; typing in between coalesces.
REVISION_INTERVAL = dt.timedelta(minutes=5)


class OrmWrites:
    """An SQLAlchemy engine and its sessions over keyed connections made by ``creator``."""

    def __init__(self, creator: Callable[[], sqlcipher3.Connection]) -> None:
        self._engine: Engine = engines.make_engine(creator)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._disposed = False

    @property
    def sessions(self) -> sessionmaker[Session]:
        """Return the session factory, for the other kinds of writes (coursework)."""
        return self._sessions

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlcipher3.Connection]:
        """Lend a keyed DB-API connection from the engine's pool."""
        pooled = self._engine.raw_connection()
        try:
            yield pooled.driver_connection
        finally:
            if self._disposed:  # the journal closed meanwhile: the pool would keep it open
                pooled.invalidate()
            else:
                pooled.close()

    def dispose(self) -> None:
        """Close every pooled connection (and any lent one when it comes back)."""
        self._disposed = True
        self._engine.dispose()

    def update(
        self, entry_id: int, draft: EntryDraft, now: dt.datetime, *, new_revision: bool
    ) -> Entry:
        """Replace an entry's content, keeping its text in the revision history."""
        with self._sessions.begin() as session:
            row = _get_row(session, entry_id)
            text_changed = (row.title, row.body) != (draft.title, draft.body)
            _apply_draft(row, draft)
            row.updated_at = now
            if text_changed:
                _record_revision(session, row, now, force=new_revision)
            session.flush()
            return _to_entry(row)

    def set_deleted(self, entry_id: int, when: dt.datetime | None) -> None:
        """Move an entry to the trash (``when``) or back (None).

        Raises:
            JournalError: the entry is already where it was asked to go.
        """
        with self._sessions.begin() as session:
            row = _get_row(session, entry_id)
            row.deleted_at = moved_to_trash(row.deleted_at, when, f"Entry {entry_id}")

    def empty_trash(self) -> int:
        """Delete for good every entry in the trash; return how many."""
        with self._sessions.begin() as session:
            result = session.execute(delete(EntryRow).where(EntryRow.deleted_at.is_not(None)))
            return int(result.rowcount)  # type: ignore[attr-defined]

    def revision_restored(self, entry_id: int, revision_id: int) -> EntryDraft:
        """Return the entry as it is now, with the text of one of its older revisions."""
        with self._sessions.begin() as session:
            revision = session.get(RevisionRow, revision_id)
            if revision is None or revision.entry_id != entry_id:
                raise JournalError(f"Entry {entry_id} has no revision {revision_id}.")
            current = _to_entry(_get_row(session, entry_id)).draft
        return EntryDraft(
            title=revision.title,
            body=revision.body,
            occurred_on=current.occurred_on,
            tags=current.tags,
            links=current.links,
            template=current.template,
            stress=current.stress,
            time_of_day=current.time_of_day,
        )

    def set_setting(self, key: str, value_json: str) -> None:
        """Save a per-journal setting, given as JSON text."""
        with self._sessions.begin() as session:
            session.merge(SettingRow(key=key, value=value_json))


def moved_to_trash(
    deleted_at: dt.datetime | None, when: dt.datetime | None, what: str
) -> dt.datetime | None:
    """Return the new trash time of a row moving to (``when``) or out of (None) the trash.

    Raises:
        JournalError: it is already where it was asked to go; nothing is changed.
    """
    if (deleted_at is None) == (when is None):
        where = "in the trash" if when is not None else "not in the trash"
        raise JournalError(f"{what} is {where}; nothing was changed.")
    return when


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
    for column, value in draft_values(draft).items():
        setattr(row, column, value)
    row.tags = [TagRow(tag=tag, position=position) for tag, position in tag_values(draft)]
    row.links = [LinkRow(kind=kind, target_id=target, note=note, position=position)
                 for kind, target, note, position in link_values(draft)]


def _to_entry(row: EntryRow) -> Entry:
    values = (row.id, row.occurred_on, row.created_at, row.updated_at, row.title, row.body,
              row.template, row.stress, row.deleted_at, row.time_of_day)
    return entry_from_row(values, [(tag.tag,) for tag in row.tags],
                          [(link.kind, link.target_id, link.note) for link in row.links])
