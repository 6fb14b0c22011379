"""Journal entries as plain, immutable values shared by the store, the CLI and the UI."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field

from psw_journal.core.errors import InvalidInput

MAX_TITLE_LENGTH = 300
_TAG_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f]+")


class LinkKind(enum.StrEnum):
    """What an entry is linked to in the framework."""

    COMPETENCE = "competence"
    PRINCIPLE = "principle"


@dataclass(frozen=True, slots=True)
class Link:
    """A link from an entry to a competence or principle, with an optional evidence note."""

    kind: LinkKind
    target_id: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """What the user wrote: everything about an entry except what the store assigns."""

    title: str
    body: str = ""
    occurred_on: dt.date = field(default_factory=dt.date.today)
    tags: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    template: str | None = None
    stress: int | None = None
    #: The time of day it happened, to the minute, where known (jrnl, Day One, front matter).
    time_of_day: dt.time | None = None

    def validated(self) -> EntryDraft:
        """Return a normalised copy, or raise InvalidInput with a message for the user."""
        title = _LINE_BREAKS.sub(" ", self.title).strip()
        if len(title) > MAX_TITLE_LENGTH:
            raise InvalidInput(f"The title is longer than {MAX_TITLE_LENGTH} characters.")
        if self.stress is not None and not 1 <= self.stress <= 5:
            raise InvalidInput("The stress check-in must be a number from 1 to 5.")
        notes = (link.note for link in self.links)
        for text in (title, self.body, *self.tags, *notes):
            check_storable(text)
        return EntryDraft(
            title=title,
            body=self.body,
            occurred_on=self.occurred_on,
            tags=normalise_tags(self.tags),
            links=_unique_links(self.links),
            template=self.template or None,
            stress=self.stress,
            time_of_day=_minute(self.time_of_day),
        )

    def competence_ids(self) -> tuple[str, ...]:
        """Return the linked competence ids in link order."""
        return tuple(link.target_id for link in self.links if link.kind is LinkKind.COMPETENCE)

    def principle_ids(self) -> tuple[str, ...]:
        """Return the linked principle ids in link order."""
        return tuple(link.target_id for link in self.links if link.kind is LinkKind.PRINCIPLE)


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored entry: the draft plus its identity and history stamps."""

    id: int
    draft: EntryDraft
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None

    @property
    def title(self) -> str:
        """Return the entry's title."""
        return self.draft.title

    @property
    def body(self) -> str:
        """Return the entry's Markdown body."""
        return self.draft.body

    @property
    def occurred_on(self) -> dt.date:
        """Return the day the reflected-on events happened."""
        return self.draft.occurred_on

    @property
    def tags(self) -> tuple[str, ...]:
        """Return the entry's tags."""
        return self.draft.tags

    @property
    def is_trashed(self) -> bool:
        """Tell whether the entry is in the trash."""
        return self.deleted_at is not None


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """One row of the entry list: enough to show it without loading the body."""

    id: int
    occurred_on: dt.date
    title: str
    tags: tuple[str, ...]
    snippet: str = ""
    updated_at: dt.datetime | None = None
    competences: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    time_of_day: dt.time | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """A saved state of an entry's title and body."""

    id: int
    entry_id: int
    saved_at: dt.datetime
    title: str
    body: str


def normalise_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trim, collapse spaces, drop a leading '#' or '@', de-duplicate (case-insensitively)."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in tags:
        tag = _TAG_SPACES.sub(" ", raw.strip().lstrip("#@").strip())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return tuple(result)


def _minute(moment: dt.time | None) -> dt.time | None:
    """Return a time of day to the minute, without a time zone (the day is the entry's)."""
    return None if moment is None else dt.time(moment.hour, moment.minute)


def format_time_of_day(moment: dt.time | None) -> str | None:
    """Return a time of day as ``HH:MM`` (what the CLI's JSON and the exports show), or None."""
    return None if moment is None else f"{moment.hour:02d}:{moment.minute:02d}"


def check_storable(text: str) -> None:
    """Raise InvalidInput if ``text`` holds what the journal cannot store (NUL, surrogates)."""
    if "\x00" in text:
        raise InvalidInput("The entry contains a NUL character, which cannot be stored.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            "The entry contains broken characters (unpaired surrogates) that cannot be stored."
        ) from None


def _unique_links(links: tuple[Link, ...]) -> tuple[Link, ...]:
    """Drop repeated links; competences come before principles, each in the order given."""
    by_key: dict[tuple[LinkKind, str], Link] = {}
    for link in links:
        by_key.setdefault((link.kind, link.target_id), link)
    return tuple(sorted(by_key.values(), key=lambda link: link.kind is LinkKind.PRINCIPLE))


def count_words(text: str) -> int:
    """Count words the way a word processor would (runs of non-space characters)."""
    return len(text.split())
