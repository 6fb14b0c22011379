"""Coursework pieces in the full export: one JSON record a piece, with its revisions.

A piece's examples name entries by their ids, which a full export restores as they were; so
pieces are restored into a journal with no entries only (as the settings are).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from psw_journal.core.coursework import Coursework, Evidences, Example, Section
from psw_journal.core.errors import InvalidInput
from psw_journal.core.jsonl import text_field, utc_field, utc_text

COURSEWORK_TYPE = "coursework"


@dataclass(frozen=True, slots=True)
class SavedPiece:
    """A saved state of a piece, as its revision history keeps it."""

    saved_at: dt.datetime
    content: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ImportedCoursework:
    """A coursework piece read from a full export, with its times and revisions."""

    piece: Coursework
    revisions: tuple[SavedPiece, ...] = ()


def coursework_record(piece: Coursework, revisions: Sequence[SavedPiece]) -> dict[str, Any]:
    """Return a piece's full-export line (sections, examples, times, trash, revisions)."""
    return {
        "type": COURSEWORK_TYPE,
        "id": piece.id,
        "title": piece.title,
        "brief": piece.brief,
        "total_words": piece.total_words,
        "due": piece.due.isoformat() if piece.due else None,
        "created_at": utc_text(piece.created_at) if piece.created_at else None,
        "updated_at": utc_text(piece.updated_at) if piece.updated_at else None,
        "trashed_at": utc_text(piece.deleted_at) if piece.deleted_at else None,
        "sections": [
            {"id": s.key, "heading": s.heading, "guidance": s.guidance,
             "target_words": s.target_words, "text": s.text,
             "evidences": {"principles": list(s.evidences.principles),
                           "competences": list(s.evidences.competences)},
             "examples": [{"entry_id": e.entry_id, "quote": e.quote,
                           "entry_title": e.entry_title,
                           "entry_date": e.entry_date.isoformat() if e.entry_date else None}
                          for e in s.examples]}
            for s in piece.sections
        ],
        "revisions": [{"saved_at": utc_text(r.saved_at), "content": dict(r.content)}
                      for r in revisions],
    }


def record_to_coursework(record: Mapping[str, Any]) -> ImportedCoursework:
    """Read a piece's full-export line, or raise InvalidInput saying what is wrong."""
    sections = record.get("sections")
    if not isinstance(sections, list) or not all(isinstance(s, dict) for s in sections):
        raise InvalidInput("a coursework piece needs 'sections', a list of objects.")
    revisions = record.get("revisions") or []
    if not isinstance(revisions, list) or not all(
            isinstance(r, dict) and isinstance(r.get("content"), dict) for r in revisions):
        raise InvalidInput("'revisions' must be a list of objects with a 'content'.")
    piece = Coursework(
        id=_whole_number(record.get("id"), "id"),
        title=text_field(record, "title"),
        sections=tuple(_section(raw) for raw in sections),
        brief=text_field(record, "brief"),
        total_words=_optional_number(record.get("total_words"), "total_words"),
        due=_day(record.get("due"), "due"),
        created_at=utc_field(record, "created_at"),
        updated_at=utc_field(record, "updated_at"),
        deleted_at=utc_field(record, "trashed_at"),
    ).validated()
    saved = tuple(SavedPiece(_required_time(r), r["content"]) for r in revisions)
    return ImportedCoursework(piece, saved)


def _section(raw: Mapping[str, Any]) -> Section:
    evidences = raw.get("evidences") or {}
    examples = raw.get("examples") or []
    if not isinstance(evidences, dict) or not isinstance(examples, list):
        raise InvalidInput("a section's 'evidences' must be an object and 'examples' a list.")
    key = text_field(raw, "id")
    if not key:
        raise InvalidInput("each coursework section needs its 'id'.")
    return Section(
        key=key, heading=text_field(raw, "heading"), guidance=text_field(raw, "guidance"),
        target_words=_optional_number(raw.get("target_words"), "target_words"),
        text=text_field(raw, "text"),
        examples=tuple(_example(example) for example in examples),
        evidences=Evidences(_ids(evidences, "principles"), _ids(evidences, "competences")),
    )


def _example(raw: object) -> Example:
    if not isinstance(raw, dict):
        raise InvalidInput("each example must be an object.")
    return Example(entry_id=_whole_number(raw.get("entry_id"), "entry_id"),
                   quote=text_field(raw, "quote"), entry_title=text_field(raw, "entry_title"),
                   entry_date=_day(raw.get("entry_date"), "entry_date"))


def _ids(evidences: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = evidences.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput(f"'{key}' must be a list of framework ids.")
    return tuple(value)


def _whole_number(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        raise InvalidInput(f"'{key}' must be a whole number above 0.")
    return value


def _optional_number(value: object, key: str) -> int | None:
    return None if value is None else _whole_number(value, key)


def _day(value: object, key: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"'{key}' {value!r} is not a date in the form YYYY-MM-DD.") from None


def _required_time(revision: Mapping[str, Any]) -> dt.datetime:
    saved_at = utc_field(revision, "saved_at")
    if saved_at is None:
        raise InvalidInput("each revision needs its 'saved_at' time.")
    return saved_at
