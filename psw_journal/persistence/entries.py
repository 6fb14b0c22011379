"""Entries as rows: the one mapping between core entries and the entry tables.

Reading (plain SQL, in batches) and inserting (plain SQL, for new and imported entries) go
through this module; the ORM's edits set the same column values (:func:`draft_values`) and
build entries with the same function (:func:`entry_from_row`), so an entry is described once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.errors import JournalError

BATCH = 500
#: The columns :func:`entry_from_row` reads, ``{time}`` being :func:`time_column`'s answer.
ENTRY_COLUMNS = (
    "id, occurred_on, created_at, updated_at, title, body, template, stress, deleted_at, {time}"
)


def time_column(conn: sqlcipher3.Connection) -> str:
    """Return the SQL for an entry's time of day: its column, or NULL before schema 0005.

    A journal of an older schema opened for reading only is not upgraded, so its rows have no
    time; every other read works on it as it is.
    """
    found = conn.execute(
        "SELECT 1 FROM pragma_table_info('entry') WHERE name = 'time_of_day'"
    ).fetchone()
    return "time_of_day" if found is not None else "NULL"


def iter_entries(conn: sqlcipher3.Connection, ids: Iterable[int] | None = None) -> Iterator[Entry]:
    """Yield live entries (or the given ones) oldest first, read in batches."""
    time = time_column(conn)
    if ids is None:
        id_rows = conn.execute(
            f"SELECT id FROM entry WHERE deleted_at IS NULL ORDER BY occurred_on, {time}, id"
        ).fetchall()
        wanted = [row[0] for row in id_rows]
    else:
        wanted = list(ids)
    columns = ENTRY_COLUMNS.format(time=time)
    for start in range(0, len(wanted), BATCH):
        batch = wanted[start : start + BATCH]
        marks = ",".join("?" * len(batch))
        rows = conn.execute(
            f"SELECT {columns} FROM entry WHERE id IN ({marks})", batch
        ).fetchall()
        by_id = {row[0]: row for row in rows}
        tags = _grouped(conn, "SELECT entry_id, tag FROM entry_tag", batch)
        links = _grouped(conn, "SELECT entry_id, kind, target_id, note FROM entry_link", batch)
        for entry_id in batch:
            if entry_id in by_id:
                yield entry_from_row(by_id[entry_id], tags.get(entry_id, []),
                                     links.get(entry_id, []))


def fetch_entry(conn: sqlcipher3.Connection, entry_id: int) -> Entry:
    """Return one entry, trashed or not; raise JournalError if there is none."""
    for entry in iter_entries(conn, [entry_id]):
        return entry
    raise JournalError(f"There is no entry {entry_id}.")


def _grouped(conn: sqlcipher3.Connection, select: str, ids: list[int]) -> dict[int, list[Any]]:
    marks = ",".join("?" * len(ids))
    result: dict[int, list[Any]] = {}
    for row in conn.execute(f"{select} WHERE entry_id IN ({marks}) ORDER BY position", ids):
        result.setdefault(row[0], []).append(row[1:])
    return result


#: A link's stored kind to its enum, without Enum's slower call (10,000s of links per export).
_KINDS = {kind.value: kind for kind in LinkKind}  # a StrEnum member finds itself too


def entry_from_row(row: Sequence[Any], tags: Iterable[Any], links: Iterable[Any]) -> Entry:
    """Build an entry from its row (``ENTRY_COLUMNS`` order), tags and links.

    Values may be SQLite's text (plain SQL) or Python's dates and times (the ORM's rows): this
    is the one place either becomes an :class:`Entry`.
    """
    entry_id, day, created, updated, title, body, template, stress, deleted, time = row
    draft = EntryDraft(
        title=title,
        body=body,
        occurred_on=day if isinstance(day, dt.date) else dt.date.fromisoformat(day),
        tags=tuple(tag for (tag,) in tags),
        links=tuple(Link(_KINDS[kind], target, note) for kind, target, note in links),
        template=template,
        stress=stress,
        time_of_day=as_time(time),
    )
    created_at, updated_at = as_datetime(created), as_datetime(updated)
    assert created_at is not None and updated_at is not None
    return Entry(
        id=entry_id,
        draft=draft,
        created_at=created_at,
        updated_at=updated_at,
        deleted_at=as_datetime(deleted),
    )


def split_tags(tags_text: str) -> tuple[str, ...]:
    """Return the tags of the newline-joined ``tags_text`` column."""
    return tuple(tags_text.split("\n")) if tags_text else ()


def as_datetime(value: str | dt.datetime | None) -> dt.datetime | None:
    """Return a stored datetime (SQLite text, or already a datetime)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def as_time(value: str | dt.time | None) -> dt.time | None:
    """Return a stored time of day (SQLite text, or already a time)."""
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A validated draft about to be stored, with the stamps it keeps (UTC, naive)."""

    draft: EntryDraft
    source_key: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    trashed_at: dt.datetime | None = None
    #: Earlier states (saved_at, title, body), oldest first; none means one, the current text.
    revisions: tuple[tuple[dt.datetime, str, str], ...] = ()
    #: The id to store it under (a full export restored into an empty journal), or None.
    entry_id: int | None = None


def sql_time(when: dt.datetime | None) -> str | None:
    """Return a datetime as SQLAlchemy stores it in SQLite (so the ORM reads it back)."""
    return None if when is None else when.strftime("%Y-%m-%d %H:%M:%S.%f")


def sql_time_of_day(when: dt.time | None) -> str | None:
    """Return a time of day as SQLAlchemy's ``Time`` stores it in SQLite."""
    return None if when is None else when.strftime("%H:%M:%S.%f")


def new_ids(
    conn: sqlcipher3.Connection, rows: Sequence[NewEntry], *, keep_ids: bool
) -> list[int]:
    """Return the ids to store ``rows`` under: their own (checked), or the next free ones."""
    if keep_ids:
        (count,) = conn.execute("SELECT count(*) FROM entry").fetchone()
        ids = [row.entry_id for row in rows]
        if count or None in ids or len(set(ids)) != len(ids):
            raise JournalError("The journal is not empty any more, so entries cannot keep "
                               "their ids; nothing was imported.")
        return [entry_id for entry_id in ids if entry_id is not None]
    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM entry").fetchone()
    return list(range(last + 1, last + 1 + len(rows)))


def insert_new(conn: sqlcipher3.Connection, new: Sequence[tuple[int, NewEntry]]) -> None:
    """Insert validated drafts under the given ids, with their tags, links and revisions."""
    conn.executemany(
        f"INSERT INTO entry (id, {', '.join(DRAFT_COLUMNS)}, created_at, updated_at, "
        f"deleted_at, source_key) VALUES ({', '.join('?' * (len(DRAFT_COLUMNS) + 5))})",
        [(entry_id, *sql_values(row.draft), sql_time(row.created_at), sql_time(row.updated_at),
          sql_time(row.trashed_at), row.source_key) for entry_id, row in new],
    )
    conn.executemany(
        "INSERT INTO entry_tag (entry_id, tag, position) VALUES (?, ?, ?)",
        [(entry_id, *tag) for entry_id, row in new for tag in tag_values(row.draft)],
    )
    conn.executemany(
        "INSERT INTO entry_link (entry_id, kind, target_id, note, position) "
        "VALUES (?, ?, ?, ?, ?)",
        [(entry_id, *link) for entry_id, row in new for link in link_values(row.draft)],
    )
    conn.executemany(
        "INSERT INTO revision (entry_id, saved_at, title, body) VALUES (?, ?, ?, ?)",
        [(entry_id, sql_time(saved_at), title, body) for entry_id, row in new
         for saved_at, title, body in (row.revisions
                                       or ((row.updated_at, row.draft.title, row.draft.body),))],
    )


# -- a draft's columns: the ORM sets the same values on its rows --------------------------------

#: The entry columns a draft fills, in the order :func:`draft_values` gives them.
DRAFT_COLUMNS = ("occurred_on", "time_of_day", "title", "body", "template", "stress",
                 "tags_text")


def draft_values(draft: EntryDraft) -> dict[str, Any]:
    """Return the entry columns a draft fills, as Python values (the ORM's row attributes)."""
    return {"occurred_on": draft.occurred_on, "time_of_day": draft.time_of_day,
            "title": draft.title, "body": draft.body, "template": draft.template,
            "stress": draft.stress, "tags_text": "\n".join(draft.tags)}


def sql_values(draft: EntryDraft) -> tuple[Any, ...]:
    """Return :func:`draft_values` as SQLite stores them, in ``DRAFT_COLUMNS`` order."""
    values = draft_values(draft)
    values["occurred_on"] = draft.occurred_on.isoformat()
    values["time_of_day"] = sql_time_of_day(draft.time_of_day)
    return tuple(values[column] for column in DRAFT_COLUMNS)


def tag_values(draft: EntryDraft) -> list[tuple[str, int]]:
    """Return a draft's tags as (tag, position) rows."""
    return [(tag, position) for position, tag in enumerate(draft.tags)]


def link_values(draft: EntryDraft) -> list[tuple[str, str, str, int]]:
    """Return a draft's links as (kind, target id, note, position) rows."""
    return [(link.kind.value, link.target_id, link.note, position)
            for position, link in enumerate(draft.links)]
