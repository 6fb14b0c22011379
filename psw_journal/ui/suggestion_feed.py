"""Feed the link panel with suggestions a moment after the user stops typing.

The suggester (``core.suggest``) is built once per loaded framework. It ranks in a few
milliseconds, so it runs on the UI thread after a pause in typing; a very long entry is ranked
on a worker thread instead, and a stale answer (the entry changed meanwhile) is dropped.
What the user links or dismisses is remembered in the journal: feedback that tunes later
suggestions, and per entry the dismissed ids, which never come back for that entry.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from psw_journal.core.errors import JournalError
from psw_journal.core.suggest import Feedback, Kind, Suggester, Suggestions
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.widgets.entry_editor import EntryEditor
from psw_journal.ui.widgets.link_panel import LinkPanel

if TYPE_CHECKING:
    from psw_journal.core.entry import Entry
    from psw_journal.core.framework import Framework

SUGGEST_DELAY_MS = 800
#: Above this many words the ranking leaves the UI thread, so typing never waits for it.
LONG_ENTRY_WORDS = 20_000
#: How many suggestions of each kind are asked for (the panel shows fewer).
SUGGESTION_LIMIT = 5


class _RankingDone(QObject):
    """Carry a worker's result back to the UI thread.

    Signals:
        finished(int, object): the request number and its Suggestions.
    """

    finished = Signal(int, object)


class _RankingTask(QRunnable):
    """Rank one entry on a worker thread (the suggester and feedback are immutable)."""

    def __init__(self, request: int, call: Callable[[], Suggestions], done: _RankingDone,
                 ) -> None:
        super().__init__()
        self._request, self._call, self._done = request, call, done

    def run(self) -> None:
        """Rank, then hand the result over through a queued signal."""
        self._done.finished.emit(self._request, self._call())


class SuggestionFeed(QObject):
    """Debounce editor changes, rank links, show them; record what the user accepts or dismisses.

    Nothing is ever linked by the feed itself: the panel links only when the user clicks.
    """

    def __init__(self, bridge: JournalBridge, editor: EntryEditor, panel: LinkPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge, self._editor, self._panel = bridge, editor, panel
        self._suggester: Suggester | None = None
        self._feedback: Feedback | None = None
        self._entry_id: int | None = None
        #: Dismissed for the entry being written before its first save.
        self._pending_dismissed: set[str] = set()
        self._request = 0
        self._done = _RankingDone(self)
        self._done.finished.connect(self._on_ranked)
        self._timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def set_framework(self, framework: Framework) -> None:
        """Build the suggester for a (newly) loaded framework and rank again."""
        self._suggester = Suggester.from_framework(framework)
        self.schedule()

    def schedule(self) -> None:
        """Rank again after a pause (restarted by every keystroke)."""
        self._timer.start()

    def set_entry(self, entry_id: object) -> None:
        """Follow the entry now in the editor (None for a new, unsaved one) and rank it."""
        self._entry_id = entry_id if isinstance(entry_id, int) else None
        self._pending_dismissed = set()
        self._request += 1
        self._panel.show_suggestions(Suggestions())
        self.refresh()

    def on_saved(self, entry: Entry, is_new: bool) -> None:
        """Keep what was dismissed before an entry's first save with the saved entry."""
        self._entry_id = entry.id
        if is_new and self._pending_dismissed:
            self._remember_dismissed(self._pending_dismissed)
            self._pending_dismissed = set()

    def refresh(self) -> None:
        """Rank the editor's entry now and show the result."""
        self._timer.stop()
        self._request += 1
        if self._suggester is None or not self._bridge.is_open:
            return
        fields = self._editor.fields()
        suggester, feedback = self._suggester, self._current_feedback()
        exclude = {link.target_id for link in self._panel.links()} | self._dismissed()

        def rank() -> Suggestions:
            return suggester.suggest(fields.title, fields.body, limit=SUGGESTION_LIMIT,
                                     feedback=feedback, exclude=exclude)

        if len(fields.body.split()) > LONG_ENTRY_WORDS:
            QThreadPool.globalInstance().start(_RankingTask(self._request, rank, self._done))
        else:
            self._panel.show_suggestions(rank())

    def _on_ranked(self, request: int, found: Suggestions) -> None:
        if request == self._request and self._bridge.is_open:
            self._panel.show_suggestions(found)

    def accept(self, kind: Kind, target_id: str) -> None:
        """Learn that the user linked a suggestion (the panel has linked it)."""
        self._record(kind, target_id, accepted=True)

    def dismiss(self, kind: Kind, target_id: str) -> None:
        """Learn that the user said "Not this"; it never comes back for this entry."""
        self._record(kind, target_id, accepted=False)
        if self._entry_id is None:
            self._pending_dismissed.add(target_id)
        else:
            self._remember_dismissed({target_id})

    def _record(self, kind: Kind, target_id: str, *, accepted: bool) -> None:
        if not self._bridge.is_open:
            return
        fields = self._editor.fields()
        text = f"{fields.title}\n\n{fields.body}"
        feedback = self._current_feedback().record(kind, target_id, text, accepted=accepted)
        self._feedback = feedback
        # Learning is a nicety: the link itself is saved with the entry.
        with contextlib.suppress(JournalError):
            self._bridge.set_suggestion_feedback(feedback)

    def _remember_dismissed(self, target_ids: set[str]) -> None:
        if self._entry_id is None or not self._bridge.is_open:
            return
        try:
            self._bridge.add_dismissed_suggestions(self._entry_id, target_ids)
        except JournalError:
            self._pending_dismissed |= target_ids

    def _dismissed(self) -> set[str]:
        if self._entry_id is None:
            return set(self._pending_dismissed)
        return self._bridge.dismissed_suggestions(self._entry_id) | self._pending_dismissed

    def _current_feedback(self) -> Feedback:
        if self._feedback is None:
            self._feedback = self._bridge.suggestion_feedback()
        return self._feedback

    def stop(self) -> None:
        """Cancel pending work and forget the journal's feedback (on lock)."""
        self._timer.stop()
        self._request += 1
        self._feedback = None
        self._entry_id = None
        self._pending_dismissed = set()
