"""What the coursework window shows about a piece: progress, example states, checklist and gaps.

The rules are the core's (:mod:`psw_journal.core.coursework`); this keeps the entries the
examples quote (read once per piece, again when one of them changes) and the framework's names.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from psw_journal.core.coursework import (
    Coursework,
    Example,
    SectionProgress,
    example_states,
    gaps,
    progress,
)
from psw_journal.core.entry import Entry
from psw_journal.ui.dates import medium_date
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.widgets.suggestion_box import shorten, without_preamble

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework


class CourseworkProgress:
    """Work out a piece's progress against its brief, with the entries its examples quote."""

    def __init__(self, bridge: JournalBridge) -> None:
        self._bridge = bridge
        self._entries: dict[int, Entry] = {}
        #: Display names of principles and competences by id.
        self.names: dict[str, str] = {}

    def set_framework(self, framework: Framework) -> None:
        """Name principles and competences as the framework does."""
        self.names = {p.id: p.name for p in framework.principles}
        self.names.update({c.id: shorten(without_preamble(c.statement), 70)
                           for c in framework.competences})

    def load_entries(self, piece: Coursework) -> None:
        """Read the entries the piece's examples quote (trashed ones too; deleted ones not)."""
        ids = {e.entry_id for s in piece.sections for e in s.examples}
        self._entries = self._bridge.entries_by_id(ids)

    def rows(self, piece: Coursework) -> list[SectionProgress]:
        """Return every section's progress."""
        return progress(piece, self._entries)

    def row(self, piece: Coursework, key: str) -> SectionProgress:
        """Return one section's progress (cheap enough for every keystroke)."""
        one = dataclasses.replace(piece, sections=(piece.section(key),))
        return progress(one, self._entries)[0]

    def example_rows(self, piece: Coursework, key: str) -> list[tuple[Example, str | None]]:
        """Return a section's examples, each with what is wrong with it now (or None)."""
        states = example_states(piece, self._entries)
        return [(state.example, state.problem)
                for (section, _), state in states.items() if section == key]

    def gaps(self, rows: list[SectionProgress], first: str | None = None) -> list[str]:
        """Return the gentle sentences about what is still missing, ``first``'s section first.

        A section with no example at all says so once, not once per principle or competence
        it should show (an area of the framework can list a dozen).
        """
        ordered = sorted(rows, key=lambda row: row.key != first)
        return [sentence for row in ordered
                for sentence in gaps([dataclasses.replace(row, checks=()) if not row.examples
                                      else row], self.names)]

    @staticmethod
    def due_text(piece: Coursework) -> str:
        """Return " · due 31 Mar 2027", or nothing without a due date."""
        if piece.due is None:
            return ""
        return QCoreApplication.translate("Coursework", " · due {0}").format(
            medium_date(piece.due))

    def clear(self) -> None:
        """Forget the entries (when the journal locks)."""
        self._entries = {}
