"""What the entry list asks the journal for: a search and filters, sorted and paged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
