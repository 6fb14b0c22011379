"""The UI's one door to the open journal: calls the store and tells the widgets what changed."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from psw_journal.core.errors import JournalError

if TYPE_CHECKING:
    from psw_journal.core.coursework import Coursework, Example
    from psw_journal.core.entry import Entry, EntryDraft, EntrySummary, Revision
    from psw_journal.core.importing import ImportPreview, KnownEntries
    from psw_journal.core.queries import EntryQuery
    from psw_journal.core.suggest import Feedback
    from psw_journal.persistence.importing import ImportOutcome
    from psw_journal.persistence.store import JournalStore
    from psw_journal.services.journal import JournalEditing

#: Snippet marks: private-use characters that never occur in what people write.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
#: Per-journal settings keys (stored encrypted in the journal).
FEEDBACK_KEY = "suggestion_feedback"
DISMISSED_KEY = "dismissed_suggestions"
SPELLING_KEY = "spelling_words"


class JournalBridge(QObject):
    """Hold the open store (or none while locked) and emit events after changes.

    Signals:
        entry_saved(int): an entry was added or updated (its id).
        entries_changed(): entries were trashed, restored or otherwise changed as a set.
        opened(): a store was attached after unlocking.
        closing(): the store is about to close (locked or quitting): the last moment to save.
        closed(): the store was closed (locked or quitting).
        coursework_saved(int): a coursework piece was added or saved (its id).
        coursework_changed(): pieces were trashed or restored.
    """

    entry_saved = Signal(int)
    entries_changed = Signal()
    opened = Signal()
    closing = Signal()
    closed = Signal()
    coursework_saved = Signal(int)
    coursework_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: JournalStore | None = None

    @property
    def is_open(self) -> bool:
        """Tell whether a journal is unlocked."""
        return self._store is not None

    @property
    def journal(self) -> JournalEditing:
        """Return the open journal for the views that read it, or raise JournalError if locked.

        Views get the journal's interface, never the store: changes that others must hear
        about go through this bridge's methods, which emit.
        """
        return self._open_store()

    def _open_store(self) -> JournalStore:
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
            self.closing.emit()
            self._store.close()
            self._store = None
            self.closed.emit()

    # -- entries ------------------------------------------------------------------------------

    def save(self, entry_id: int | None, draft: EntryDraft, *, new_revision: bool) -> Entry:
        """Add a new entry (``entry_id`` None) or update one; emit ``entry_saved``."""
        if entry_id is None:
            entry = self._open_store().add(draft)
        else:
            entry = self._open_store().update(entry_id, draft, new_revision=new_revision)
        self.entry_saved.emit(entry.id)
        return entry

    def prepare_to_edit(self) -> None:
        """Get ready for a save soon (the user is typing), off the GUI thread."""
        if self._store is not None:
            self._store.prepare_to_edit()

    def get(self, entry_id: int) -> Entry:
        """Return one entry."""
        return self._open_store().get(entry_id)

    def list(self, query: EntryQuery) -> builtins.list[EntrySummary]:
        """Return one page of entry summaries, snippets marked with MARK_OPEN/MARK_CLOSE."""
        if self._store is None:
            return []
        return self._store.list(query, marks=(MARK_OPEN, MARK_CLOSE))

    def count(self, query: EntryQuery) -> int:
        """Return how many entries match (0 while locked)."""
        return 0 if self._store is None else self._store.count(query)

    def move_to_trash(self, entry_id: int) -> None:
        """Move an entry to the trash."""
        self._open_store().move_to_trash(entry_id)
        self.entries_changed.emit()

    def restore_from_trash(self, entry_id: int) -> None:
        """Bring an entry back from the trash."""
        self._open_store().restore_from_trash(entry_id)
        self.entries_changed.emit()

    def revisions(self, entry_id: int) -> builtins.list[Revision]:
        """Return an entry's revisions, newest first."""
        return self._open_store().revisions(entry_id)

    def restore_revision(self, entry_id: int, revision_id: int) -> Entry:
        """Make an older revision current; emit ``entry_saved``."""
        entry = self._open_store().restore_revision(entry_id, revision_id)
        self.entry_saved.emit(entry.id)
        return entry

    def import_entries(self, preview: ImportPreview) -> ImportOutcome:
        """Add a preview's entries not yet in the journal, all or none; emit ``entries_changed``.

        Returns:
            What was added (entries already in the journal are skipped).
        """
        from psw_journal.persistence.importing import store_import

        outcome = store_import(self._open_store(), preview)
        if outcome.ids or outcome.settings_restored:
            self.entries_changed.emit()
        return outcome

    def known_entries(self, preview: ImportPreview) -> KnownEntries:
        """Return what the journal holds that importing ``preview`` would skip."""
        from psw_journal.persistence.importing import known_entries

        return known_entries(self._open_store(), preview)

    def tags(self) -> builtins.list[str]:
        """Return the tags in use, most used first."""
        return [] if self._store is None else [tag for tag, _ in self._store.tags()]

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-encrypt the journal with a new passphrase, once the current one is confirmed.

        Raises:
            WrongPassphrase: ``current`` does not open the journal; nothing changed.
            JournalError: The journal could not be re-encrypted (the message says why).
        """
        from psw_journal.persistence.engine import open_existing

        store = self._open_store()
        open_existing(store.path, current).close()
        store.change_passphrase(new)

    # -- per-journal settings (encrypted in the journal) -------------------------------------

    def profile(self) -> dict[str, Any]:
        """Return the user's profile (name, role, course, tutor)."""
        value = self._open_store().setting("profile", {})
        return value if isinstance(value, dict) else {}

    def set_profile(self, profile: dict[str, Any]) -> None:
        """Save the user's profile inside the journal."""
        self._open_store().set_setting("profile", profile)

    def suggestion_feedback(self) -> Feedback:
        """Return the user's past decisions on link suggestions."""
        from psw_journal.core.suggest import Feedback

        return Feedback.from_json(self._open_store().setting(FEEDBACK_KEY))

    def set_suggestion_feedback(self, feedback: Feedback) -> None:
        """Save the user's decisions on link suggestions inside the journal."""
        self._open_store().set_setting(FEEDBACK_KEY, feedback.to_json())

    def dismissed_suggestions(self, entry_id: int) -> set[str]:
        """Return the ids of suggestions the user dismissed for one entry."""
        value = self._open_store().setting(DISMISSED_KEY, {})
        ids = value.get(str(entry_id), []) if isinstance(value, dict) else []
        return {str(target) for target in ids} if isinstance(ids, list) else set()

    def add_dismissed_suggestions(self, entry_id: int, target_ids: set[str]) -> None:
        """Remember that the user dismissed these suggestions for one entry."""
        value = self._open_store().setting(DISMISSED_KEY, {})
        dismissed = value if isinstance(value, dict) else {}
        known = set(dismissed.get(str(entry_id)) or ())
        dismissed[str(entry_id)] = sorted(known | target_ids)
        self._open_store().set_setting(DISMISSED_KEY, dismissed)

    # -- coursework ---------------------------------------------------------------------------

    def coursework_pieces(self, *, trash: bool = False) -> builtins.list[Coursework]:
        """Return the coursework pieces (or those in the trash); none while locked."""
        return [] if self._store is None else self._store.coursework_pieces(trash=trash)

    def coursework(self, piece_id: int) -> Coursework:
        """Return one coursework piece."""
        return self._open_store().coursework(piece_id)

    def add_coursework(self, piece: Coursework) -> Coursework:
        """Store a new piece (from a brief); emit ``coursework_saved``."""
        added = self._open_store().add_coursework(piece)
        assert added.id is not None
        self.coursework_saved.emit(added.id)
        return added

    def save_coursework(self, piece: Coursework, *, new_revision: bool) -> Coursework:
        """Save a piece's title, texts and examples; emit ``coursework_saved``."""
        saved = self._open_store().save_coursework(piece, new_revision=new_revision)
        assert saved.id is not None
        self.coursework_saved.emit(saved.id)
        return saved

    def add_example(self, piece_id: int, section_key: str, example: Example) -> Coursework:
        """Add an example at the end of a stored piece's section; emit ``coursework_saved``."""
        import dataclasses

        piece = self._open_store().coursework(piece_id)
        section = piece.section(section_key)
        changed = dataclasses.replace(section, examples=(*section.examples, example))
        sections = tuple(changed if s.key == section_key else s for s in piece.sections)
        return self.save_coursework(dataclasses.replace(piece, sections=sections),
                                    new_revision=False)

    def quote(self, entry_id: int, passage: str) -> Example:
        """Return an example quoting a saved entry (InvalidInput if the passage is not in it)."""
        from psw_journal.core.coursework import quote_from

        return quote_from(self._open_store().get(entry_id), passage)

    def entries_by_id(self, ids: set[int]) -> dict[int, Entry]:
        """Return the entries with these ids that still exist, trashed ones included."""
        if self._store is None or not ids:
            return {}
        return {entry.id: entry for entry in self._store.iter_entries(sorted(ids))}

    def move_coursework_to_trash(self, piece_id: int) -> None:
        """Move a piece to the trash; emit ``coursework_changed``."""
        self._open_store().move_coursework_to_trash(piece_id)
        self.coursework_changed.emit()

    def restore_coursework(self, piece_id: int) -> None:
        """Bring a piece back from the trash; emit ``coursework_changed``."""
        self._open_store().restore_coursework(piece_id)
        self.coursework_changed.emit()

    def coursework_revisions(self, piece_id: int) -> builtins.list[dict[str, Any]]:
        """Return a piece's saved states, newest first."""
        return self._open_store().coursework_revisions(piece_id)

    def restore_coursework_revision(self, piece_id: int, content: dict[str, Any]) -> Coursework:
        """Make a saved state the piece's current one (the current one stays in the history)."""
        from psw_journal.core.coursework_history import piece_at

        current = self._open_store().coursework(piece_id)
        ids = {int(e["entry_id"]) for s in content.get("sections", [])
               for e in s.get("examples", [])}
        restored = piece_at(current, content, self.entries_by_id(ids))
        return self.save_coursework(restored, new_revision=True)

    # -- spelling (the student's own words, encrypted in the journal) ------------------------

    def spelling_words(self) -> builtins.list[str]:
        """Return the words the student added to the dictionary."""
        value = self._open_store().setting(SPELLING_KEY, [])
        return [str(word) for word in value] if isinstance(value, list) else []

    def add_spelling_word(self, word: str) -> None:
        """Keep a word the student added to the dictionary in the journal."""
        words = self.spelling_words()
        if word not in words:
            self._open_store().set_setting(SPELLING_KEY, sorted([*words, word], key=str.casefold))
