"""Reading coursework pieces with plain SQL (no ORM), as the command line and the app do."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlcipher3

from psw_journal.core.coursework import Coursework, Evidences, Example, Section
from psw_journal.core.errors import JournalError

_PIECE_COLUMNS = "id, title, brief, total_words, due, created_at, updated_at, deleted_at"


def has_coursework(conn: sqlcipher3.Connection) -> bool:
    """Tell whether the journal's schema has coursework (schema 0004 or later)."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'coursework'"
    ).fetchone() is not None


def list_coursework(conn: sqlcipher3.Connection, *, trash: bool = False) -> list[Coursework]:
    """Return the pieces (or those in the trash), most recently changed first, with sections."""
    if not has_coursework(conn):
        return []
    where = "deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"
    rows = conn.execute(
        f"SELECT {_PIECE_COLUMNS} FROM coursework WHERE {where} ORDER BY updated_at DESC, id DESC"
    ).fetchall()
    return [_piece(conn, row) for row in rows]


def fetch_coursework(conn: sqlcipher3.Connection, piece_id: int) -> Coursework:
    """Return one piece, trashed or not; raise JournalError if there is none."""
    row = None
    if has_coursework(conn):
        row = conn.execute(f"SELECT {_PIECE_COLUMNS} FROM coursework WHERE id = ?",
                           (piece_id,)).fetchone()
    if row is None:
        raise JournalError(f"There is no coursework {piece_id}.")
    return _piece(conn, row)


def coursework_revisions(conn: sqlcipher3.Connection, piece_id: int) -> list[dict[str, Any]]:
    """Return a piece's saved states, newest first: ``{"id", "saved_at", "content"}``."""
    if not has_coursework(conn):
        return []
    rows = conn.execute(
        "SELECT id, saved_at, content FROM coursework_revision WHERE coursework_id = ? "
        "ORDER BY id DESC", (piece_id,)).fetchall()
    return [{"id": rid, "saved_at": dt.datetime.fromisoformat(saved),
             "content": json.loads(content)} for rid, saved, content in rows]


def _piece(conn: sqlcipher3.Connection, row: tuple[Any, ...]) -> Coursework:
    piece_id, title, brief, total_words, due, created, updated, deleted = row
    examples: dict[str, list[Example]] = {}
    for key, entry_id, quote, entry_title, entry_date in conn.execute(
        "SELECT section_key, entry_id, quote, entry_title, entry_date FROM coursework_example "
        "WHERE coursework_id = ? ORDER BY section_key, position", (piece_id,)
    ):
        examples.setdefault(key, []).append(Example(
            entry_id=entry_id, quote=quote, entry_title=entry_title,
            entry_date=dt.date.fromisoformat(entry_date) if entry_date else None))
    sections = tuple(
        Section(key=key, heading=heading, guidance=guidance, target_words=target, text=body,
                examples=tuple(examples.get(key, ())),
                evidences=Evidences(_ids(principles), _ids(competences)))
        for key, heading, guidance, target, body, principles, competences in conn.execute(
            "SELECT key, heading, guidance, target_words, body, principles, competences "
            "FROM coursework_section WHERE coursework_id = ? ORDER BY position", (piece_id,))
    )
    return Coursework(
        id=piece_id, title=title, sections=sections, brief=brief, total_words=total_words,
        due=dt.date.fromisoformat(due) if due else None,
        created_at=_when(created), updated_at=_when(updated), deleted_at=_when(deleted),
    )


def _ids(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("\n")) if joined else ()


def _when(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)
