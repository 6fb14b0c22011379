"""The full export: every entry, coursework piece and setting of a journal.

Entries (the trash too) come with their times and revisions, coursework pieces with their
revisions, then every setting. Written as this app's JSON Lines (see
:mod:`psw_journal.core.jsonl` for the format); importing it into a new journal restores the
journal (``persistence/importing.py``). Each kind of record has a writer in
:data:`RECORD_WRITERS`, in the order they are written; a new kind (coursework pieces) adds one
there and a reader in ``core/importing/jsonl.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from psw_journal.core.entry import Revision
from psw_journal.core.jsonl import dump_record, full_entry_record, header_record, setting_record
from psw_journal.persistence import schema
from psw_journal.persistence.entries import BATCH, iter_entries, time_column
from psw_journal.persistence.reads import JournalReads, is_database_error


@dataclass
class FullExportCounts:
    """How many of each record a full export wrote (filled in as it is written)."""

    entries: int = 0
    trashed: int = 0
    revisions: int = 0
    settings: int = 0
    coursework: int = 0


def full_export_lines(reads: JournalReads, counts: FullExportCounts) -> Iterator[str]:
    """Yield the lines of a full export of the journal, counting what they hold.

    Raises:
        JournalError: The journal cannot be read (explained for the user).
    """
    try:
        with reads.raw() as conn:
            for writer in RECORD_WRITERS:
                for record in writer(conn, counts):
                    yield dump_record(record)
    except Exception as exc:
        if is_database_error(exc):
            raise reads.explain(exc) from exc
        raise


def _header(conn: sqlcipher3.Connection, counts: FullExportCounts) -> Iterator[dict[str, Any]]:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    yield header_record(schema.current_revision(conn) or "", now)


def _entries(conn: sqlcipher3.Connection, counts: FullExportCounts) -> Iterator[dict[str, Any]]:
    ids = [entry_id for (entry_id,) in conn.execute(
        f"SELECT id FROM entry ORDER BY occurred_on, {time_column(conn)}, id")]
    keys: dict[int, str] = dict(conn.execute(
        "SELECT id, source_key FROM entry WHERE source_key IS NOT NULL").fetchall())
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        revisions = _revisions(conn, batch)
        for entry in list(iter_entries(conn, batch)):
            counts.entries += 1
            counts.trashed += entry.is_trashed
            counts.revisions += len(revisions.get(entry.id, ()))
            yield full_entry_record(entry, revisions.get(entry.id, []), keys.get(entry.id))


def _revisions(conn: sqlcipher3.Connection, ids: list[int]) -> dict[int, list[Revision]]:
    marks = ",".join("?" * len(ids))
    found: dict[int, list[Revision]] = {}
    for row_id, entry_id, saved_at, title, body in conn.execute(
        f"SELECT id, entry_id, saved_at, title, body FROM revision WHERE entry_id IN ({marks}) "
        "ORDER BY entry_id, id", ids):
        found.setdefault(entry_id, []).append(
            Revision(row_id, entry_id, dt.datetime.fromisoformat(saved_at), title, body))
    return found


def _coursework(
    conn: sqlcipher3.Connection, counts: FullExportCounts
) -> Iterator[dict[str, Any]]:
    from psw_journal.core.coursework_records import SavedPiece, coursework_record
    from psw_journal.persistence.coursework_reads import coursework_revisions, list_coursework

    for piece in [*list_coursework(conn), *list_coursework(conn, trash=True)]:
        assert piece.id is not None
        saved = [SavedPiece(r["saved_at"], r["content"])
                 for r in reversed(coursework_revisions(conn, piece.id))]
        counts.coursework += 1
        yield coursework_record(piece, saved)


def _settings(conn: sqlcipher3.Connection, counts: FullExportCounts) -> Iterator[dict[str, Any]]:
    for key, value in conn.execute("SELECT key, value FROM setting ORDER BY key").fetchall():
        counts.settings += 1
        yield setting_record(key, json.loads(value))


#: The record writers, in the order their lines are written.
RECORD_WRITERS: tuple[Callable[[sqlcipher3.Connection, FullExportCounts],
                               Iterator[dict[str, Any]]], ...] = (
    _header, _entries, _coursework, _settings)
