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
    ) -> builtins.list[EntrySummary]: ...

    def count(self, query: EntryQuery = ...) -> int: ...

    def get(self, entry_id: int) -> Entry: ...

    def iter_entries(self, ids: Iterable[int] | None = None) -> Iterator[Entry]: ...

    def revisions(self, entry_id: int) -> builtins.list[Revision]: ...

    def tags(self) -> builtins.list[tuple[str, int]]: ...

    def setting(self, key: str, default: Any = None) -> Any: ...

    def link_tallies(
        self, date_from: dt.date | None = None, date_to: dt.date | None = None
    ) -> builtins.list[TargetTally]: ...

    def stress_points(self) -> builtins.list[tuple[dt.date, int]]: ...

    def principle_months(self) -> builtins.list[tuple[str, str, int]]: ...

    def coursework_pieces(self, *, trash: bool = False) -> builtins.list[Coursework]: ...

    def coursework(self, piece_id: int) -> Coursework: ...

    def coursework_revisions(self, piece_id: int) -> builtins.list[dict[str, Any]]: ...

    def confidentiality_lists(self) -> tuple[builtins.list[str], builtins.list[str]]: ...

    def entry_findings(
        self, entries: Iterable[Entry]
    ) -> builtins.list[tuple[Entry, str, Finding]]: ...


class JournalEditing(JournalReading, Protocol):
    """What the app changes in an open journal (through its bridge)."""

    def set_setting(self, key: str, value: Any) -> None: ...

    def add(self, draft: EntryDraft, *, source_key: str | None = None) -> Entry: ...

    def update(self, entry_id: int, draft: EntryDraft, *, new_revision: bool = False) -> Entry: ...

    def move_to_trash(self, entry_id: int) -> None: ...

    def restore_from_trash(self, entry_id: int) -> None: ...

    def restore_revision(self, entry_id: int, revision_id: int) -> Entry: ...

    def add_coursework(self, piece: Coursework) -> Coursework: ...

    def save_coursework(self, piece: Coursework, *, new_revision: bool = False) -> Coursework: ...

    def move_coursework_to_trash(self, piece_id: int) -> None: ...

    def restore_coursework(self, piece_id: int) -> None: ...
