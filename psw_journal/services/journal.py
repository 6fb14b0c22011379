"""What the front ends may ask of an open journal, as typed protocols.

The app's views and the services are typed against these, not against the store: the store
(``persistence.store.JournalStore``) and the read-only reader satisfy them structurally, and
tests or other stores can stand in. Reading and editing are apart, so a view that only reads
cannot write.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # annotations only: importing this module costs nothing
    from psw_journal.core.confidentiality import Finding
    from psw_journal.core.coursework import Coursework
    from psw_journal.core.coverage import TargetTally
    from psw_journal.core.entry import Entry, EntryDraft, EntrySummary, Revision
    from psw_journal.core.queries import EntryQuery


class JournalReading(Protocol):
    """Everything a view or a service reads from an open journal."""

    path: Path

    def list(
        self, query: EntryQuery = ..., *, marks: tuple[str, str] = ...
    ) -> builtins.list[EntrySummary]:
        """Return one page of entry summaries, snippets marked with ``marks``."""

    def count(self, query: EntryQuery = ...) -> int:
        """Return how many entries match."""

    def get(self, entry_id: int) -> Entry:
        """Return one entry, trashed or not (JournalError if there is none with this id)."""

    def iter_entries(self, ids: Iterable[int] | None = None) -> Iterator[Entry]:
        """Yield the live entries oldest first, or the entries with these ids (trashed too)."""

    def revisions(self, entry_id: int) -> builtins.list[Revision]:
        """Return an entry's earlier versions, newest first."""

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Return every tag on live entries with its count, most used first."""

    def setting(self, key: str, default: Any = None) -> Any:
        """Return a per-journal setting (stored encrypted in the journal), or ``default``."""

    def link_tallies(
        self, date_from: dt.date | None = None, date_to: dt.date | None = None
    ) -> builtins.list[TargetTally]:
        """Return, per linked target, its distinct live entries and latest day (in a window)."""

    def stress_points(self) -> builtins.list[tuple[dt.date, int]]:
        """Return (day, stress 1-5) for every live entry with a stress check-in, oldest first."""

    def principle_months(self) -> builtins.list[tuple[str, str, int]]:
        """Return (principle id, "YYYY-MM", live entries that month) per linked principle."""

    def coursework_pieces(self, *, trash: bool = False) -> builtins.list[Coursework]:
        """Return the coursework pieces (or those in the trash)."""

    def coursework(self, piece_id: int) -> Coursework:
        """Return one coursework piece."""

    def coursework_revisions(self, piece_id: int) -> builtins.list[dict[str, Any]]:
        """Return a piece's saved states, newest first."""

    def confidentiality_lists(self) -> tuple[builtins.list[str], builtins.list[str]]:
        """Return the "people I support" list and the user's own names, as checks use them."""

    def entry_findings(
        self, entries: Iterable[Entry]
    ) -> builtins.list[tuple[Entry, str, Finding]]:
        """Return (entry, field, finding) for every identifying detail in titles and bodies."""


class JournalEditing(JournalReading, Protocol):
    """What the app changes in an open journal (through its bridge)."""

    def set_setting(self, key: str, value: Any) -> None:
        """Store a per-journal setting (encrypted in the journal)."""

    def add(self, draft: EntryDraft, *, source_key: str | None = None) -> Entry:
        """Store a new entry and return it (``source_key``: where an imported one came from)."""

    def update(self, entry_id: int, draft: EntryDraft, *, new_revision: bool = False) -> Entry:
        """Save an entry's new fields, as a new revision if asked."""

    def move_to_trash(self, entry_id: int) -> None:
        """Move an entry to the trash (it can be restored)."""

    def restore_from_trash(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""

    def restore_revision(self, entry_id: int, revision_id: int) -> Entry:
        """Make an earlier version current (the current one is kept as a revision)."""

    def add_coursework(self, piece: Coursework) -> Coursework:
        """Store a new coursework piece; return it with its id."""

    def save_coursework(self, piece: Coursework, *, new_revision: bool = False) -> Coursework:
        """Save a piece's title, texts and examples, as a new revision if asked."""

    def move_coursework_to_trash(self, piece_id: int) -> None:
        """Move a coursework piece to the trash (it can be restored)."""

    def restore_coursework(self, piece_id: int) -> None:
        """Bring a coursework piece back from the trash."""
