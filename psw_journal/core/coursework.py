"""Reflective coursework: a piece in the student's own words, with examples from the journal.

A piece has a title and ordered sections; each section has the brief's heading, guidance and
word target, the student's own text (Markdown) and examples: passages quoted from journal
entries. What a section must evidence comes from the brief; it is ticked off when an example's
entry is linked to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from psw_journal.core.entry import Entry, count_words
from psw_journal.core.errors import InvalidInput

MAX_COURSEWORK_TITLE = 300
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Evidences:
    """The principles and competences a section must evidence (framework ids)."""

    principles: tuple[str, ...] = ()
    competences: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """Tell whether the section asks for any principle or competence."""
        return bool(self.principles or self.competences)


@dataclass(frozen=True, slots=True)
class Example:
    """A passage quoted from a journal entry, with the entry's date and title when quoted."""

    entry_id: int
    quote: str
    entry_title: str = ""
    entry_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a piece: the brief's part and the student's text and examples."""

    key: str
    heading: str
    guidance: str = ""
    target_words: int | None = None
    text: str = ""
    examples: tuple[Example, ...] = ()
    evidences: Evidences = Evidences()

    @property
    def words(self) -> int:
        """Return the words of the student's own text (quotes are counted apart)."""
        return count_words(self.text)

    @property
    def quoted_words(self) -> int:
        """Return the words quoted from the journal in this section's examples."""
        return sum(count_words(example.quote) for example in self.examples)


@dataclass(frozen=True, slots=True)
class Coursework:
    """A coursework piece as stored in the journal."""

    id: int | None
    title: str
    sections: tuple[Section, ...]
    brief: str = ""
    total_words: int | None = None
    due: dt.date | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    @property
    def words(self) -> int:
        """Return the words of the student's own text in every section."""
        return sum(section.words for section in self.sections)

    @property
    def target_words(self) -> int | None:
        """Return the brief's total, or the sum of the sections' targets, if any is set."""
        if self.total_words is not None:
            return self.total_words
        targets = [s.target_words for s in self.sections if s.target_words is not None]
        return sum(targets) if targets else None

    @property
    def is_trashed(self) -> bool:
        """Tell whether the piece is in the trash."""
        return self.deleted_at is not None

    def section(self, key: str) -> Section:
        """Return the section with this key, or raise InvalidInput naming the valid ones."""
        for section in self.sections:
            if section.key == key:
                return section
        keys = ", ".join(s.key for s in self.sections)
        raise InvalidInput(f"The coursework {self.id} has no section {key!r}; its sections "
                           f"are: {keys}.")

    def validated(self) -> Coursework:
        """Return a normalised copy, or raise InvalidInput with a message for the user."""
        title = _SPACES.sub(" ", self.title).strip()
        if not title:
            raise InvalidInput("A coursework piece needs a title.")
        if len(title) > MAX_COURSEWORK_TITLE:
            raise InvalidInput(f"The title is longer than {MAX_COURSEWORK_TITLE} characters.")
        for text in (title, *(s.text for s in self.sections),
                     *(e.quote for s in self.sections for e in s.examples)):
            if "\x00" in text:
                raise InvalidInput("The coursework contains a NUL character, which cannot be "
                                   "stored.")
        keys = [section.key for section in self.sections]
        if len(set(keys)) != len(keys):
            raise InvalidInput("Two sections of the coursework have the same id.")
        return replace(self, title=title)


# -- quoting ----------------------------------------------------------------------------------


def normalise_passage(text: str) -> str:
    """Return a passage with its white space collapsed, as it is compared and stored."""
    return _SPACES.sub(" ", text).strip()


def quote_from(entry: Entry, passage: str) -> Example:
    """Return an example quoting ``passage`` from ``entry``.

    Raises:
        InvalidInput: the passage is empty or is not in the entry's text.
    """
    quote = normalise_passage(passage)
    if not quote:
        raise InvalidInput("Choose the passage to quote: it is empty.")
    if not is_in(quote, entry):
        raise InvalidInput(f"That passage is not in entry {entry.id} ({entry.title!r}); "
                           "nothing was added. Copy it exactly as it stands in the entry.")
    return Example(entry_id=entry.id, quote=quote, entry_title=entry.title,
                   entry_date=entry.occurred_on)


def is_in(quote: str, entry: Entry) -> bool:
    """Tell whether a quoted passage still stands in the entry (white space aside)."""
    needle = normalise_passage(quote).casefold()
    return needle in normalise_passage(entry.body).casefold() or needle in (
        normalise_passage(entry.title).casefold())


@dataclass(frozen=True, slots=True)
class ExampleState:
    """Whether an example's passage can still be found where it was quoted from."""

    example: Example
    entry: Entry | None

    @property
    def problem(self) -> str | None:
        """Return a sentence for the student when the example no longer matches its entry."""
        if self.entry is None:
            return "The entry this was quoted from has been deleted; the quotation is kept."
        if self.entry.is_trashed:
            return "The entry this was quoted from is in the trash."
        if not is_in(self.example.quote, self.entry):
            return ("This passage is no longer in the entry (it was changed since); the "
                    "quotation is kept as it was.")
        return None


def example_states(
    piece: Coursework, entries: Mapping[int, Entry]
) -> dict[tuple[str, int], ExampleState]:
    """Return every example's state, keyed by (section key, position)."""
    return {(section.key, index): ExampleState(example, entries.get(example.entry_id))
            for section in piece.sections for index, example in enumerate(section.examples)}


# -- what the brief asks for ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Check:
    """One thing a section must evidence, and whether an example's entry shows it."""

    kind: str  # "principle" or "competence"
    target_id: str
    met: bool


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """How far a section has come: words, examples and the brief's checklist."""

    key: str
    heading: str
    words: int
    target_words: int | None
    examples: int
    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def missing(self) -> tuple[Check, ...]:
        """Return the checks no example meets yet."""
        return tuple(check for check in self.checks if not check.met)


def progress(piece: Coursework, entries: Mapping[int, Entry]) -> list[SectionProgress]:
    """Return each section's word count, examples and checklist.

    A check is met when an example in the section quotes an entry linked to that principle or
    competence.
    """
    result = []
    for section in piece.sections:
        linked = _links_of(entries.get(e.entry_id) for e in section.examples)
        checks = tuple(
            Check(kind, target, (kind, target) in linked)
            for kind, targets in (("principle", section.evidences.principles),
                                  ("competence", section.evidences.competences))
            for target in targets
        )
        result.append(SectionProgress(section.key, section.heading, section.words,
                                      section.target_words, len(section.examples), checks))
    return result


def _links_of(entries: Iterable[Entry | None]) -> set[tuple[str, str]]:
    return {(link.kind.value, link.target_id) for entry in entries if entry is not None
            for link in entry.draft.links}


def gaps(rows: Iterable[SectionProgress], names: Mapping[str, str]) -> list[str]:
    """Return gentle sentences about what is still missing ("Safe has no example yet").

    Args:
        rows: The sections' progress.
        names: Display names of principles and competences by id (falls back to the id).
    """
    sentences = []
    for row in rows:
        if row.examples == 0:
            sentences.append(f"{row.heading} has no example yet.")
        for check in row.missing:
            label = names.get(check.target_id, check.target_id)
            sentences.append(f"{row.heading}: no example yet from an entry linked to {label}.")
        if row.words == 0:
            sentences.append(f"{row.heading}: nothing written in your own words yet.")
    return sentences
