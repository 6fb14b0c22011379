"""Storing an import: what the journal already holds, then the new entries, all or none.

The CLI and the app both preview with :func:`known_entries` and store with
:func:`store_import`, so they skip the same entries and restore the same things.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlcipher3

from psw_journal.core.coursework_records import ImportedCoursework
from psw_journal.core.entry import EntryDraft
from psw_journal.core.importing import ImportPreview, KnownEntries, content_fingerprint
from psw_journal.persistence.entries import sql_time
from psw_journal.persistence.reads import is_database_error

if TYPE_CHECKING:
    from psw_journal.persistence.reads import JournalReads
    from psw_journal.persistence.store import JournalStore

_BATCH = 500


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import stored.

    Attributes:
        added: The entries added (a part of the preview).
        ids: Their ids in the journal, in the same order.
        settings_restored: Whether the preview's settings were stored (a new journal).
        coursework_restored: How many coursework pieces were stored (a new journal).
    """

    added: ImportPreview
    ids: tuple[int, ...]
    settings_restored: bool
    coursework_restored: int = 0


def known_entries(reads: JournalReads, preview: ImportPreview) -> KnownEntries:
    """Return what the journal holds that an import of ``preview`` must not repeat.

    Only the days the preview covers are read for content, so a small import into a large
    journal stays quick.
    """
    try:
        with reads.raw() as conn:
            (count,) = conn.execute("SELECT count(*) FROM entry").fetchone()
            if not count:
                return KnownEntries(is_empty=True)
            keys = frozenset(key for (key,) in conn.execute(
                "SELECT source_key FROM entry WHERE source_key IS NOT NULL"))
            contents: Counter[str] = Counter()
            days = sorted(day.isoformat() for day in preview.dates())
            for start in range(0, len(days), _BATCH):
                chunk = days[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    "SELECT occurred_on, title, body, tags_text FROM entry "
                    f"WHERE occurred_on IN ({marks})", chunk)
                contents.update(_fingerprints(rows))
    except Exception as exc:
        if is_database_error(exc):  # a damaged page, say: the user's message, not SQLite's
            raise reads.explain(exc) from exc
        raise
    return KnownEntries(keys=keys, contents=contents, is_empty=False)


def _fingerprints(rows: Iterable[tuple[str, str, str, str]]) -> Iterable[str]:
    import datetime as dt

    for day, title, body, tags_text in rows:
        tags = tuple(tags_text.split("\n")) if tags_text else ()
        yield content_fingerprint(EntryDraft(title=title, body=body, tags=tags,
                                             occurred_on=dt.date.fromisoformat(day)))


def store_import(store: JournalStore, preview: ImportPreview) -> ImportOutcome:
    """Add what ``preview`` holds that the journal lacks, in one transaction.

    Into a journal with no entries a full export is restored as it was: entries keep their
    ids and the settings are stored. Into a journal in use, new entries get new ids and the
    journal's settings are left as they are.

    Raises:
        JournalError: Storing failed; nothing was imported.
    """
    known = known_entries(store, preview)
    fresh = preview.fresh(known)
    if not fresh.count and not fresh.settings and not fresh.coursework:
        return ImportOutcome(fresh, (), settings_restored=False)
    keep_ids = known.is_empty and fresh.keeps_ids
    pieces = fresh.coursework if keep_ids else ()
    ids = store.add_imported(fresh.items, dict(fresh.settings), keep_ids=keep_ids,
                             coursework=pieces)
    return ImportOutcome(fresh, tuple(ids), settings_restored=bool(fresh.settings),
                         coursework_restored=len(pieces))


def insert_coursework(conn: sqlcipher3.Connection, pieces: Iterable[ImportedCoursework]) -> None:
    """Insert a full export's coursework pieces, inside the caller's transaction.

    Each keeps its id, sections, examples and revisions.
    """
    for item in pieces:
        piece = item.piece
        conn.execute(
            "INSERT INTO coursework (id, title, brief, total_words, due, created_at, "
            "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (piece.id, piece.title, piece.brief, piece.total_words,
             piece.due.isoformat() if piece.due else None, sql_time(piece.created_at),
             sql_time(piece.updated_at or piece.created_at), sql_time(piece.deleted_at)))
        conn.executemany(
            "INSERT INTO coursework_section (coursework_id, key, position, heading, guidance, "
            "target_words, body, principles, competences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(piece.id, s.key, position, s.heading, s.guidance, s.target_words, s.text,
              "\n".join(s.evidences.principles), "\n".join(s.evidences.competences))
             for position, s in enumerate(piece.sections)])
        conn.executemany(
            "INSERT INTO coursework_example (coursework_id, section_key, position, entry_id, "
            "quote, entry_title, entry_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(piece.id, s.key, position, e.entry_id, e.quote, e.entry_title,
              e.entry_date.isoformat() if e.entry_date else None)
             for s in piece.sections for position, e in enumerate(s.examples)])
        conn.executemany(
            "INSERT INTO coursework_revision (coursework_id, saved_at, content) VALUES (?, ?, ?)",
            [(piece.id, sql_time(r.saved_at), json.dumps(r.content, ensure_ascii=False))
             for r in item.revisions])

