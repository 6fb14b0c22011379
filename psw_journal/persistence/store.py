"""The journal store: entries, links, tags, revisions, trash and search over one encrypted file."""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import sqlcipher3
from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from psw_journal.core.entry import (
    Entry,
    EntryDraft,
    EntrySummary,
    Link,
    LinkKind,
    Revision,
)
from psw_journal.core.errors import (
    InvalidInput,
    JournalDamaged,
    JournalError,
    NotAJournal,
    WrongPassphrase,
)
from psw_journal.persistence import backups, engine, schema
from psw_journal.persistence.rows import EntryRow, LinkRow, RevisionRow, SettingRow, TagRow

#: A new revision is kept when the latest one is older than this; typing in between coalesces.
REVISION_INTERVAL = dt.timedelta(minutes=5)
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def utc_now() -> dt.datetime:
    """Return the current UTC time as the naive datetime the schema stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class EntryQuery:
    """What the entry list shows: a text search and filters, sorted and paged."""

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    competence: str | None = None
    principle: str | None = None
    tag: str | None = None
    trash: bool = False
    newest_first: bool = True
    limit: int | None = 200
    offset: int = 0


def to_match_expression(query: str) -> str:
    """Turn what a user typed into a safe FTS5 expression.

    Words must all appear, "quoted words" form a phrase and a trailing * matches a prefix; FTS5
    operators typed by accident are taken as plain words, so no query is ever a syntax error.
    """
    parts: list[str] = []
    for phrase, word in _TERM.findall(query):
        term = phrase if phrase else word
        is_prefix = not phrase and term.endswith("*")
        term = term.rstrip("*") if is_prefix else term
        if term.strip():
            parts.append('"' + term.replace('"', '""') + '"' + ("*" if is_prefix else ""))
    return " ".join(parts)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _translated(
    method: Callable[Concatenate[JournalStore, _P], _R],
) -> Callable[Concatenate[JournalStore, _P], _R]:
    """Report database failures (disk full, read-only, damage) as JournalErrors for the user."""

    @functools.wraps(method)
    def wrapper(self: JournalStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except (DBAPIError, engine.DatabaseError) as exc:
            raise self.explain(exc) from exc

    return wrapper


class JournalStore:
    """One open journal. Use :meth:`create` or :meth:`open`; close it when done."""

    def __init__(
        self,
        path: Path,
        passphrase: str,
        lock: engine.WriterLock | None,
        first: sqlcipher3.Connection | None = None,
    ) -> None:
        self.path = path
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
        if not passphrase:
            raise InvalidInput("The passphrase must not be empty.")
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
        try:
            first = engine.open_existing(path, passphrase)
        except (WrongPassphrase, NotAJournal, JournalDamaged) as exc:
            raise backups.with_backup_hint(exc, path, passphrase) from exc
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
                        first, passphrase, backups.pre_migration_path(path, revision)
                    )
                schema.upgrade(lambda: engine.connect(path, passphrase))
        except BaseException:
            first.close()
            if lock is not None:
                lock.release()
            raise
        store = cls(path, passphrase, lock, first)
        if write:
            store.auto_backup()
        return store

    def close(self) -> None:
        """Close every connection and release the writer lock."""
        self._engine.dispose()
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

    @_translated
    def add_many(
        self, drafts: Sequence[EntryDraft], *, source_keys: Sequence[str | None] | None = None
    ) -> list[Entry]:
        """Store several entries in one transaction: all of them, or none."""
        keys = list(source_keys) if source_keys is not None else [None] * len(drafts)
        now = utc_now()
        with self._sessions.begin() as session:
            rows = []
            for draft, key in zip(drafts, keys, strict=True):
                row = EntryRow(created_at=now, updated_at=now, source_key=key, deleted_at=None)
                _apply_draft(row, draft.validated())
                row.revisions = [RevisionRow(saved_at=now, title=row.title, body=row.body)]
                rows.append(row)
            session.add_all(rows)
            session.flush()
            return [_to_entry(row) for row in rows]

    @_translated
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

    @_translated
    def _set_deleted(self, entry_id: int, when: dt.datetime | None) -> None:
        with self._sessions.begin() as session:
            _get_row(session, entry_id).deleted_at = when

    @_translated
    def empty_trash(self) -> int:
        """Delete for good every entry in the trash; return how many."""
        with self._sessions.begin() as session:
            result = session.execute(delete(EntryRow).where(EntryRow.deleted_at.is_not(None)))
            return int(result.rowcount)  # type: ignore[attr-defined]

    @_translated
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

    # -- reading ------------------------------------------------------------------------------

    @_translated
    def get(self, entry_id: int) -> Entry:
        """Return one entry, trashed or not; raise JournalError if there is none."""
        with self._sessions() as session:
            return _to_entry(_get_row(session, entry_id))

    @_translated
    def revisions(self, entry_id: int) -> builtins.list[Revision]:
        """Return the entry's saved revisions, newest first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(RevisionRow)
                .where(RevisionRow.entry_id == entry_id)
                .order_by(RevisionRow.id.desc())
            )
            return [
                Revision(
                    id=r.id, entry_id=r.entry_id, saved_at=r.saved_at, title=r.title, body=r.body
                )
                for r in rows
            ]

    @_translated
    def list(
        self, query: EntryQuery = EntryQuery(), *, marks: tuple[str, str] = ("[", "]")
    ) -> list[EntrySummary]:
        """Return the entries that match ``query``, best matches (or newest) first."""
        sql, params = _list_sql(query, marks)
        with self._engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
            links = _links_of(conn, [row.id for row in rows])
        return [
            EntrySummary(
                id=row.id,
                occurred_on=_as_date(row.occurred_on),
                title=row.title,
                tags=_split_tags(row.tags_text),
                snippet=row.snippet or "",
                updated_at=_as_datetime(row.updated_at),
                competences=tuple(t for k, t in links.get(row.id, ()) if k == "competence"),
                principles=tuple(t for k, t in links.get(row.id, ()) if k == "principle"),
            )
            for row in rows
        ]

    @_translated
    def count(self, query: EntryQuery = EntryQuery()) -> int:
        """Return how many entries match ``query`` (ignoring its paging)."""
        sql, params = _list_sql(query, ("", ""), count_only=True)
        with self._engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())

    def iter_entries(self, ids: Iterable[int] | None = None) -> Iterator[Entry]:
        """Yield live entries (or the given ones) oldest first, loaded in batches."""
        try:
            yield from self._iter_entries(ids)
        except (DBAPIError, engine.DatabaseError) as exc:
            raise self.explain(exc) from exc

    def _iter_entries(self, ids: Iterable[int] | None) -> Iterator[Entry]:
        with self._sessions() as session:
            stmt = (
                select(EntryRow)
                .options(selectinload(EntryRow.tags), selectinload(EntryRow.links))
                .order_by(EntryRow.occurred_on, EntryRow.id)
                .execution_options(yield_per=500)
            )
            if ids is None:
                stmt = stmt.where(EntryRow.deleted_at.is_(None))
            else:
                stmt = stmt.where(EntryRow.id.in_(list(ids)))
            for row in session.scalars(stmt):
                yield _to_entry(row)

    @_translated
    def tags(self) -> builtins.list[tuple[str, int]]:
        """Return every tag in use on live entries with its count, most used first."""
        with self._sessions() as session:
            rows = session.execute(
                select(TagRow.tag, func.count())
                .join(EntryRow, EntryRow.id == TagRow.entry_id)
                .where(EntryRow.deleted_at.is_(None))
                .group_by(TagRow.tag)
                .order_by(func.count().desc(), TagRow.tag)
            )
            return [(tag, int(n)) for tag, n in rows]

    @_translated
    def source_keys(self) -> set[str]:
        """Return the source keys of imported entries (to skip duplicates on re-import)."""
        with self._sessions() as session:
            keys = session.scalars(
                select(EntryRow.source_key).where(EntryRow.source_key.is_not(None))
            )
            return {key for key in keys if key is not None}

    # -- settings -----------------------------------------------------------------------------

    @_translated
    def setting(self, key: str, default: Any = None) -> Any:
        """Return a per-journal setting (stored encrypted in the journal)."""
        with self._sessions() as session:
            row = session.get(SettingRow, key)
            return default if row is None else json.loads(row.value)

    @_translated
    def set_setting(self, key: str, value: Any) -> None:
        """Save a per-journal setting."""
        with self._sessions.begin() as session:
            session.merge(SettingRow(key=key, value=json.dumps(value, ensure_ascii=False)))

    # -- maintenance --------------------------------------------------------------------------

    @_translated
    def backup(self, out: Path) -> Path:
        """Write an encrypted copy of the journal (same passphrase) to ``out``."""
        with self._raw() as conn:
            return backups.write_backup(conn, self._passphrase, out)

    @_translated
    def auto_backup(self, today: dt.date | None = None) -> Path | None:
        """Keep one automatic backup a day, the last seven, beside the journal."""
        with self._raw() as conn:
            return backups.auto_backup(conn, self._passphrase, self.path, today or dt.date.today())

    @_translated
    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the journal with a new passphrase; backups keep their old one."""
        if not new_passphrase:
            raise InvalidInput("The new passphrase must not be empty.")
        self._engine.dispose()
        with self._raw() as conn:
            conn.execute(f"PRAGMA rekey = {engine.quote(new_passphrase)}")
        self._engine.dispose()
        self._passphrase = new_passphrase
        self._engine = self._make_engine(None)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    @_translated
    def integrity_problems(self) -> builtins.list[str]:
        """Run SQLite's and SQLCipher's integrity checks; return the problems found."""
        with self._raw() as conn:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        return problems

    def explain(self, exc: BaseException) -> JournalError:
        """Return the user's message for a database failure on this journal."""
        error = engine.explain_failure(self.path, exc)
        if isinstance(error, JournalDamaged):
            return backups.with_backup_hint(error, self.path, self._passphrase)
        return error

    def reading(self) -> Any:
        """Return a context manager giving an SQLAlchemy Connection for read-only queries."""
        return self._engine.connect()

    def _raw(self) -> _RawConnection:
        return _RawConnection(self._engine)


class _RawConnection:
    """A pooled keyed DB-API connection, for PRAGMAs and the backup API."""

    def __init__(self, db: Engine) -> None:
        self._db = db
        self._conn: Any = None

    def __enter__(self) -> sqlcipher3.Connection:
        self._conn = self._db.raw_connection()
        return self._conn.driver_connection

    def __exit__(self, *exc_info: object) -> None:
        self._conn.close()


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


def _list_sql(
    query: EntryQuery, marks: tuple[str, str], *, count_only: bool = False
) -> tuple[str, dict[str, Any]]:
    """Build the entry-list SQL: filters are joins (fast), never ``IN (subquery)``."""
    params: dict[str, Any] = {}
    joins: list[str] = []
    where = ["e.deleted_at IS NOT NULL" if query.trash else "e.deleted_at IS NULL"]
    match = to_match_expression(query.text)
    if match:
        joins.append("JOIN entry_fts ON entry_fts.rowid = e.id")
        where.append("entry_fts MATCH :match")
        params["match"] = match
    for alias, kind, value in (
        ("lc", "competence", query.competence),
        ("lp", "principle", query.principle),
    ):
        if value:
            joins.append(
                f"JOIN entry_link {alias} ON {alias}.entry_id = e.id "
                f"AND {alias}.kind = '{kind}' AND {alias}.target_id = :{alias}"
            )
            params[alias] = value
    if query.tag:
        joins.append("JOIN entry_tag t ON t.entry_id = e.id AND t.tag = :tag")
        params["tag"] = query.tag
    if query.date_from:
        where.append("e.occurred_on >= :date_from")
        params["date_from"] = query.date_from.isoformat()
    if query.date_to:
        where.append("e.occurred_on <= :date_to")
        params["date_to"] = query.date_to.isoformat()
    tail = " ".join(joins) + " WHERE " + " AND ".join(where)
    if count_only:
        return "SELECT count(*) FROM entry e " + tail, params
    direction = "DESC" if query.newest_first else "ASC"
    if match:
        snippet = "snippet(entry_fts, -1, :open, :close, '…', 14)"
        order = "bm25(entry_fts, 5.0, 1.0, 3.0)"
        params.update(open=marks[0], close=marks[1])
    else:
        snippet, order = "NULL", f"e.occurred_on {direction}, e.id {direction}"
    sql = (
        f"SELECT e.id, e.occurred_on, e.title, e.tags_text, e.updated_at, {snippet} AS snippet "
        f"FROM entry e {tail} ORDER BY {order}"
    )
    if query.limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=query.limit, offset=query.offset)
    return sql, params


def _links_of(conn: Connection, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    result: dict[int, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            select(LinkRow.entry_id, LinkRow.kind, LinkRow.target_id)
            .where(LinkRow.entry_id.in_(chunk))
            .order_by(LinkRow.entry_id, LinkRow.position)
        )
        for entry_id, kind, target in rows:
            result.setdefault(entry_id, []).append((kind, target))
    return result


def _split_tags(tags_text: str) -> tuple[str, ...]:
    return tuple(tags_text.split("\n")) if tags_text else ()


def _as_date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _as_datetime(value: str | dt.datetime | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)
