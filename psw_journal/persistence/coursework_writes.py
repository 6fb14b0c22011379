"""Writing coursework pieces through the ORM: new pieces, saved texts and examples, the trash.

A piece is saved whole (its title, each section's text and examples), the way the editor and
the command line hold it; every save keeps the piece's text in its revision history, with
saves within a few minutes of each other folded into one revision, as for entries.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from psw_journal.core.coursework import Coursework, Example
from psw_journal.core.errors import JournalError
from psw_journal.persistence.orm_writes import moved_to_trash
from psw_journal.persistence.rows import (
    CourseworkExampleRow,
    CourseworkRevisionRow,
    CourseworkRow,
    CourseworkSectionRow,
)

#: As for entries: a new revision when the newest one is older than this.
REVISION_INTERVAL = dt.timedelta(minutes=5)


class CourseworkWrites:
    """Coursework edits over the store's ORM sessions."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(self, piece: Coursework, now: dt.datetime) -> int:
        """Store a new piece with its sections; return its id."""
        with self._sessions.begin() as session:
            row = CourseworkRow(title=piece.title, brief=piece.brief,
                                total_words=piece.total_words, due=piece.due,
                                created_at=now, updated_at=now, deleted_at=None)
            row.sections = [
                CourseworkSectionRow(
                    key=section.key, position=position, heading=section.heading,
                    guidance=section.guidance, target_words=section.target_words,
                    body=section.text, principles="\n".join(section.evidences.principles),
                    competences="\n".join(section.evidences.competences),
                    examples=_example_rows(section.examples),
                )
                for position, section in enumerate(piece.sections)
            ]
            session.add(row)
            session.flush()
            _record_revision(session, row.id, piece, now, force=True)
            return row.id

    def save(self, piece: Coursework, now: dt.datetime, *, new_revision: bool) -> None:
        """Save a piece's title, section texts and examples (its structure stays the brief's)."""
        if piece.id is None:
            raise ValueError("save: the piece has no id yet; add it first.")
        with self._sessions.begin() as session:
            row = _get_row(session, piece.id)
            by_key = {section.key: section for section in row.sections}
            unknown = [s.key for s in piece.sections if s.key not in by_key]
            if unknown:
                raise JournalError(f"The coursework {piece.id} has no section {unknown[0]!r}.")
            row.title = piece.title
            for section in piece.sections:
                stored = by_key[section.key]
                stored.body = section.text
                if _examples_of(stored) != section.examples:
                    stored.examples = _example_rows(section.examples)
            row.updated_at = now
            _record_revision(session, piece.id, piece, now, force=new_revision)

    def set_deleted(self, piece_id: int, when: dt.datetime | None) -> None:
        """Move a piece to the trash (``when``) or back (None)."""
        with self._sessions.begin() as session:
            row = _get_row(session, piece_id)
            row.deleted_at = moved_to_trash(row.deleted_at, when, f"Coursework {piece_id}")


def _get_row(session: Session, piece_id: int) -> CourseworkRow:
    row = session.get(CourseworkRow, piece_id)
    if row is None:
        raise JournalError(f"There is no coursework {piece_id}.")
    return row


def _example_rows(examples: tuple[Example, ...]) -> list[CourseworkExampleRow]:
    return [CourseworkExampleRow(position=position, entry_id=e.entry_id, quote=e.quote,
                                 entry_title=e.entry_title, entry_date=e.entry_date)
            for position, e in enumerate(examples)]


def _examples_of(row: CourseworkSectionRow) -> tuple[Example, ...]:
    return tuple(Example(e.entry_id, e.quote, e.entry_title, e.entry_date)
                 for e in row.examples)


def revision_content(piece: Coursework) -> dict[str, Any]:
    """Return what a revision keeps of a piece: its title, texts and examples."""
    return {
        "title": piece.title,
        "sections": [
            {"key": s.key, "text": s.text,
             "examples": [{"entry_id": e.entry_id, "quote": e.quote} for e in s.examples]}
            for s in piece.sections
        ],
    }


def _record_revision(
    session: Session, piece_id: int, piece: Coursework, now: dt.datetime, *, force: bool
) -> None:
    content = json.dumps(revision_content(piece), ensure_ascii=False)
    latest = session.scalars(
        select(CourseworkRevisionRow).where(CourseworkRevisionRow.coursework_id == piece_id)
        .order_by(CourseworkRevisionRow.id.desc()).limit(1)
    ).first()
    if latest is not None and latest.content == content:
        return
    if latest is not None and not force and now - latest.saved_at < REVISION_INTERVAL:
        latest.content, latest.saved_at = content, now
        return
    session.add(CourseworkRevisionRow(coursework_id=piece_id, saved_at=now, content=content))
