"""Confidentiality findings stored per entry in the (encrypted) journal: a cache.

A row is valid while its key (the entry's text, the journal's lists and the detector's rules;
see :func:`psw_journal.core.confidentiality.findings_key`) still matches, so exports check
again only entries that changed.
"""

from __future__ import annotations

import contextlib

import sqlcipher3

from psw_journal.persistence import engine
from psw_journal.persistence.entries import BATCH


def read(conn: sqlcipher3.Connection, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Return the stored (key, findings) of the given entries that have them."""
    result: dict[int, tuple[str, str]] = {}
    if not has_table(conn):
        return result
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT entry_id, key, findings FROM entry_findings WHERE entry_id IN ({marks})",
            chunk,
        )
        result.update((entry_id, (key, text)) for entry_id, key, text in rows)
    return result


def write(conn: sqlcipher3.Connection, rows: list[tuple[int, str, str]]) -> None:
    """Store (entry id, key, findings) rows; a read-only, full or busy journal keeps none."""
    if not has_table(conn):
        return
    with contextlib.suppress(engine.DatabaseError), engine.transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO entry_findings (entry_id, key, findings) "
            "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM entry WHERE id = ?1)",
            rows,
        )


def has_table(conn: sqlcipher3.Connection) -> bool:
    """Tell whether the journal has the table (journals still at schema 0001 have none)."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entry_findings'"
    ).fetchone() is not None
