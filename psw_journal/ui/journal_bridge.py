"""The UI's one door to the open journal: calls the store and tells the widgets what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from psw_journal.core.errors import JournalError

if TYPE_CHECKING:
    from psw_journal.core.entry import Entry, EntryDraft, EntrySummary, Revision
    from psw_journal.core.importing import ImportPreview, KnownEntries
    from psw_journal.core.queries import EntryQuery
    from psw_journal.core.suggest import Feedback
    from psw_journal.persistence.importing import ImportOutcome
    from psw_journal.persistence.store import JournalStore

#: Snippet marks: private-use characters that never occur in what people write.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
#: Per-journal settings keys (stored encrypted in the journal).
FEEDBACK_KEY = "suggestion_feedback"
DISMISSED_KEY = "dismissed_suggestions"


class JournalBridge(QObject):
    """Hold the open store (or none while locked) and emit events after changes.

    Signals:
        entry_saved(int): an entry was added or updated (its id).
        entries_changed(): entries were trashed, restored or otherwise changed as a set.
        opened(): a store was attached after unlocking.
        closed(): the store was closed (locked or quitting).
    """

    entry_saved = Signal(int)
    entries_changed = Signal()
    opened = Signal()
    closed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: JournalStore | None = None

    @property
    def is_open(self) -> bool:
        """Tell whether a journal is unlocked."""
        return self._store is not None

    @property
    def store(self) -> JournalStore:
        """Return the open store, or raise JournalError when the journal is locked."""
        if self._store is None:
            raise JournalError("The journal is locked.")
        return self._store

    def attach(self, store: JournalStore) -> None:
        """Use a freshly unlocked store."""
        self._store = store
        self.opened.emit()

    def close(self) -> None:
        """Close the store's connections (safe to call when already closed)."""
        if self._store is not None:
            self._store.close()
            self._store = None
            self.closed.emit()

    # -- entries ------------------------------------------------------------------------------

    def save(self, entry_id: int | None, draft: EntryDraft, *, new_revision: bool) -> Entry:
        """Add a new entry (``entry_id`` None) or update one; emit ``entry_saved``."""
        if entry_id is None:
            entry = self.store.add(draft)
        else:
            entry = self.store.update(entry_id, draft, new_revision=new_revision)
        self.entry_saved.emit(entry.id)
        return entry

    def prepare_to_edit(self) -> None:
        """Get ready for a save soon (the user is typing), off the GUI thread."""
        if self._store is not None:
            self._store.prepare_to_edit()

    def get(self, entry_id: int) -> Entry:
        """Return one entry."""
        return self.store.get(entry_id)

    def list(self, query: EntryQuery) -> list[EntrySummary]:
        """Return one page of entry summaries, snippets marked with MARK_OPEN/MARK_CLOSE."""
        if self._store is None:
            return []
        return self._store.list(query, marks=(MARK_OPEN, MARK_CLOSE))

    def count(self, query: EntryQuery) -> int:
        """Return how many entries match (0 while locked)."""
        return 0 if self._store is None else self._store.count(query)

    def move_to_trash(self, entry_id: int) -> None:
        """Move an entry to the trash."""
        self.store.move_to_trash(entry_id)
        self.entries_changed.emit()

    def restore_from_trash(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        self.store.restore_from_trash(entry_id)
        self.entries_changed.emit()

    def revisions(self, entry_id: int) -> list[Revision]:
        """Return an entry's revisions, newest first."""
        return self.store.revisions(entry_id)

    def restore_revision(self, entry_id: int, revision_id: int) -> Entry:
        """Make an older revision current; emit ``entry_saved``."""
        entry = self.store.restore_revision(entry_id, revision_id)
        self.entry_saved.emit(entry.id)
        return entry

    def import_entries(self, preview: ImportPreview) -> ImportOutcome:
        """Add a preview's entries not yet in the journal, all or none; emit ``entries_changed``.

        Returns:
            What was added (entries already in the journal are skipped).
        """
        from psw_journal.persistence.importing import store_import

        outcome = store_import(self.store, preview)
        if outcome.ids or outcome.settings_restored:
            self.entries_changed.emit()
        return outcome

    def known_entries(self, preview: ImportPreview) -> KnownEntries:
        """Return what the journal holds that importing ``preview`` would skip."""
        from psw_journal.persistence.importing import known_entries

        return known_entries(self.store, preview)

    def tags(self) -> list[str]:
        """Return the tags in use, most used first."""
        return [] if self._store is None else [tag for tag, _ in self._store.tags()]

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-encrypt the journal with a new passphrase, once the current one is confirmed.

        Raises:
            WrongPassphrase: ``current`` does not open the journal; nothing changed.
            JournalError: The journal could not be re-encrypted (the message says why).
        """
        from psw_journal.persistence.engine import open_existing

        store = self.store
        open_existing(store.path, current).close()
        store.change_passphrase(new)

    # -- per-journal settings (encrypted in the journal) -------------------------------------

    def profile(self) -> dict[str, Any]:
        """Return the user's profile (name, role, course, tutor)."""
        value = self.store.setting("profile", {})
        return value if isinstance(value, dict) else {}

    def set_profile(self, profile: dict[str, Any]) -> None:
        """Save the user's profile inside the journal."""
        self.store.set_setting("profile", profile)

    def suggestion_feedback(self) -> Feedback:
        """Return the user's past decisions on link suggestions."""
        from psw_journal.core.suggest import Feedback

        return Feedback.from_json(self.store.setting(FEEDBACK_KEY))

    def set_suggestion_feedback(self, feedback: Feedback) -> None:
        """Save the user's decisions on link suggestions inside the journal."""
        self.store.set_setting(FEEDBACK_KEY, feedback.to_json())

    def dismissed_suggestions(self, entry_id: int) -> set[str]:
        """Return the ids of suggestions the user dismissed for one entry."""
        value = self.store.setting(DISMISSED_KEY, {})
        ids = value.get(str(entry_id), []) if isinstance(value, dict) else []
        return {str(target) for target in ids} if isinstance(ids, list) else set()

    def add_dismissed_suggestions(self, entry_id: int, target_ids: set[str]) -> None:
        """Remember that the user dismissed these suggestions for one entry."""
        value = self.store.setting(DISMISSED_KEY, {})
        dismissed = value if isinstance(value, dict) else {}
        known = set(dismissed.get(str(entry_id)) or ())
        dismissed[str(entry_id)] = sorted(known | target_ids)
        self.store.set_setting(DISMISSED_KEY, dismissed)
