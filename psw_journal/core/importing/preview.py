"""What an import would add, shown before anything is stored, and how duplicates are told apart.

An entry already in the journal is recognised, in this order, by:

1. its source key: a Day One or jrnl uuid, or a hash of its content *and* time of day with
   tags in any order, numbered when one file holds identical entries (so two entries with the
   same text at 09:00 and 21:00, or even at the same minute, stay two entries);
2. a key an earlier version of the app stored for it (``legacy_keys``); each stored key stands
   for one entry, so an entry earlier versions merged with its twin comes in now;
3. its content (day, title, body, tags in any order) matching an entry of the journal that is
   not matched yet, as when a full export goes back into the journal it came from.

Entries of one file are never merged with each other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from psw_journal.core.coursework_records import ImportedCoursework
from psw_journal.core.entry import EntryDraft


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file or record that cannot be imported, and why (one sentence)."""

    where: str
    reason: str

    def __str__(self) -> str:
        """Return where and why, as one line."""
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class SavedText:
    """One saved state of an entry's title and body (a revision), as a full export holds it."""

    saved_at: dt.datetime
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class EntryHistory:
    """What a source knows of an entry besides its content; times are naive UTC.

    Attributes:
        created_at: When it was first written (Day One's creationDate, a note's ``created``).
        updated_at: When it last changed (Day One's modifiedDate).
        trashed_at: When it went to the trash (full exports only).
        revisions: Its saved revisions, oldest first (full exports only).
        entry_id: Its id in the journal a full export came from.
    """

    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    trashed_at: dt.datetime | None = None
    revisions: tuple[SavedText, ...] = ()
    entry_id: int | None = None


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One entry to import, with the keys that recognise it when imported again."""

    draft: EntryDraft
    source_key: str | None
    legacy_keys: tuple[str, ...] = ()
    history: EntryHistory = EntryHistory()


@dataclass(frozen=True, slots=True)
class KnownEntries:
    """What the journal already holds, as far as recognising an import needs.

    Attributes:
        keys: The source keys stored with imported entries.
        contents: How many entries have each content fingerprint (see
            :func:`content_fingerprint`), for the days the import covers.
        is_empty: The journal has no entries at all, not even in the trash.
    """

    keys: frozenset[str] = frozenset()
    contents: Mapping[str, int] = field(default_factory=dict)
    is_empty: bool = False


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would add, shown before the journal is touched.

    Attributes:
        items: The entries in file order.
        problems: What did not come along or was changed on the way, one sentence each.
        unreadable: The files or records that cannot be read; the rest can still be imported.
        settings: Per-journal settings (a full export); restored into a new journal only.
        coursework: Coursework pieces (a full export); restored into a new journal only, since
            their examples name entries by the ids a full export restores.
    """

    items: tuple[ImportItem, ...]
    problems: tuple[str, ...] = ()
    unreadable: tuple[Unreadable, ...] = ()
    settings: tuple[tuple[str, Any], ...] = ()
    coursework: tuple[ImportedCoursework, ...] = ()

    @property
    def count(self) -> int:
        """Return how many entries can be imported."""
        return len(self.items)

    @property
    def trashed(self) -> int:
        """Return how many entries are in the trash (a full export carries the trash)."""
        return sum(item.history.trashed_at is not None for item in self.items)

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last entry dates, or None when there are no entries."""
        dates = [item.draft.occurred_on for item in self.items]
        return (min(dates), max(dates)) if dates else None

    @property
    def keeps_ids(self) -> bool:
        """Tell whether every entry carries its id from a full export (and ids are distinct)."""
        ids = [item.history.entry_id for item in self.items]
        return bool(ids) and None not in ids and len(set(ids)) == len(ids)

    def drafts(self) -> list[EntryDraft]:
        """Return the drafts in file order."""
        return [item.draft for item in self.items]

    def source_keys(self) -> list[str | None]:
        """Return the source keys in file order."""
        return [item.source_key for item in self.items]

    def dates(self) -> set[dt.date]:
        """Return the days the entries happened on."""
        return {item.draft.occurred_on for item in self.items}

    def fresh(self, known: KnownEntries) -> ImportPreview:
        """Return what importing into a journal holding ``known`` would add.

        Entries the journal already has are dropped (see the module's rules); settings are
        kept only for a journal with no entries, so they never overwrite a journal in use.
        """
        keys = set(known.keys)
        contents = Counter(known.contents)
        kept: list[ImportItem] = []
        for item in self.items:
            if item.source_key is not None and item.source_key in keys:
                continue
            old = next((key for key in item.legacy_keys if key in keys), None)
            if old is not None:
                keys.discard(old)
                continue
            # Most imports go into a journal with nothing on their days: no need to hash.
            fingerprint = content_fingerprint(item.draft) if contents else ""
            if contents[fingerprint] > 0:
                contents[fingerprint] -= 1
                continue
            if item.source_key is not None:
                keys.add(item.source_key)
            kept.append(item)
        settings = self.settings if known.is_empty else ()
        coursework = self.coursework if known.is_empty else ()
        return replace(self, items=tuple(kept), settings=settings, coursework=coursework)


def content_fingerprint(draft: EntryDraft) -> str:
    """Return what two copies of one entry share: day, title, body and tags in any order."""
    return _digest([draft.occurred_on.isoformat(), draft.title, draft.body,
                    sorted(tag.casefold() for tag in draft.tags)])


def source_keys(prefix: str, drafts: Iterable[EntryDraft], *, dated: Iterable[bool] = ()
                ) -> list[str]:
    """Return content keys for a file's drafts: the same for the same file, one per entry.

    The key covers the day, time of day, title, body and tags in any order; identical
    entries in one file are numbered in file order, so none is merged with another.

    Args:
        prefix: The source, such as ``jrnl``.
        drafts: The validated drafts, in file order.
        dated: For each draft, whether its date came from the source; a draft dated on
            import (a note without a date) is keyed without its date.
    """
    seen: Counter[str] = Counter()
    flags = list(dated)
    keys = []
    for index, draft in enumerate(drafts):
        has_date = flags[index] if index < len(flags) else True
        day = draft.occurred_on.isoformat() if has_date else None
        time = draft.time_of_day.isoformat("minutes") if draft.time_of_day else None
        digest = _digest([day, time, draft.title, draft.body,
                          sorted(tag.casefold() for tag in draft.tags)])
        seen[digest] += 1
        repeat = f"#{seen[digest]}" if seen[digest] > 1 else ""
        keys.append(f"{prefix}:{digest}{repeat}")
    return keys


def _digest(parts: list[Any]) -> str:
    """Hash the parts unambiguously: each typed and prefixed with its length."""
    digest = hashlib.sha256()
    for part in parts:
        kind, text = (b"s", part) if isinstance(part, str) else (b"j", json.dumps(part))
        data = text.encode("utf-8", "surrogatepass")
        digest.update(kind + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
