"""The entry being edited: loads it into the editor and link panel, and autosaves it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from psw_journal.core.entry import Entry, EntryDraft, Link
from psw_journal.core.errors import JournalError
from psw_journal.core.templates import Template
from psw_journal.ui.autosave import AutosaveSession
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.widgets.entry_editor import EditorFields, EntryEditor
from psw_journal.ui.widgets.link_panel import LinkPanel


class EditSession(AutosaveSession):
    """Own the current entry id and its unsaved state; save through the bridge.

    Signals:
        saved(object, bool): the entry was saved (the Entry, and whether it was new).
        save_failed(str): saving failed; the message is for the user.
        entry_changed(object): another entry is in the editor (its id; None when new or empty).
    """

    saved = Signal(object, bool)
    entry_changed = Signal(object)

    def __init__(self, bridge: JournalBridge, editor: EntryEditor, links: LinkPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(bridge, parent)
        self._editor, self._links = editor, links
        self.entry_id: int | None = None
        self.is_read_only = False
        self._template: str | None = None
        self._starts_revision = True
        #: The title and body as last saved, to tell a change of text from one of links only.
        self._saved_text = ("", "")
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._editor.edited.connect(self._on_edited)
        self._links.links_changed.connect(self._on_edited)

    def _on_edited(self) -> None:
        if self.is_read_only:
            return
        self._editor.state.setText(self.tr("Saving soon…"))
        self._mark_changed()

    def try_save(self) -> str | None:
        """Save unsaved changes now; return why saving failed, or None (nothing is shown)."""
        self._timer.stop()
        if not self.is_dirty or self.is_read_only or not self._bridge.is_open:
            return None
        fields = self._editor.fields()
        if self.entry_id is None and not (fields.title.strip() or fields.body.strip()):
            return None
        draft = EntryDraft(title=fields.title, body=fields.body, occurred_on=fields.occurred_on,
                           tags=fields.tags, links=self._links.links(),
                           template=self._template, stress=fields.stress,
                           time_of_day=fields.time_of_day)
        is_new = self.entry_id is None
        try:
            entry = self._bridge.save(self.entry_id, draft, new_revision=self._starts_revision)
        except JournalError as exc:
            self._editor.state.setText(self.tr("Not saved"))
            return str(exc)
        self.entry_id = entry.id
        self.is_dirty = False
        if (entry.title, entry.body) != self._saved_text:
            # The session's first change of text started a revision; later typing joins it.
            # A first save that only changed links or tags must not use that up.
            self._starts_revision = False
        self._saved_text = (entry.title, entry.body)
        self._editor.state.setText(self.tr("Saved"))
        self.saved.emit(entry, is_new)
        return None

    def unsaved_edit(self) -> UnsavedEdit | None:
        """Return the changes not saved yet (to keep them while the journal is locked)."""
        if not self.is_dirty or self.is_read_only:
            return None
        return UnsavedEdit(self.entry_id, self._editor.fields(), self._links.links(),
                           self._template, self._starts_revision, self._saved_text)

    def resume_edit(self, edit: UnsavedEdit) -> None:
        """Put unsaved changes back in the editor, still unsaved, and try saving them soon."""
        self.entry_id = edit.entry_id
        self._template = edit.template
        self._starts_revision = edit.starts_revision
        self._saved_text = edit.saved_text
        self.is_read_only = False
        self._editor.load(edit.fields)
        self._editor.set_read_only(False)
        self._links.set_read_only(False)
        self._links.set_links(edit.links)
        self.entry_changed.emit(edit.entry_id)
        self.is_dirty = True
        self._editor.state.setText(self.tr("Not saved yet: your changes from before the lock"))
        self._timer.start()

    def open_entry(self, entry_id: int) -> bool:
        """Save the current entry, then load another; keep the current one if saving failed."""
        if entry_id == self.entry_id:
            return True
        if not self.save_now():
            return False
        self._load(self._bridge.get(entry_id))
        return True

    def reload(self) -> None:
        """Load the current entry again from the journal (after restoring a revision)."""
        if self.entry_id is not None:
            self._load(self._bridge.get(self.entry_id))

    def _load(self, entry: Entry) -> None:
        self.entry_id = entry.id
        self._template = entry.draft.template
        self._starts_revision = True
        self._saved_text = (entry.title, entry.body)
        self.is_dirty = False
        self.is_read_only = entry.is_trashed
        draft = entry.draft
        self._editor.load(EditorFields(draft.title, draft.body, draft.occurred_on, draft.tags,
                                       draft.stress, draft.time_of_day))
        self._editor.set_read_only(entry.is_trashed)
        self._links.set_read_only(entry.is_trashed)
        self._editor.state.setText(self.tr("In the trash (read-only)") if entry.is_trashed
                                   else "")
        self._links.set_links(draft.links)
        self.entry_changed.emit(entry.id)

    def new_entry(self, template: Template) -> bool:
        """Save the current entry, then start a new one from a template (not if saving failed)."""
        draft = EntryDraft(title="", body=template.body(), template=template.id)
        started = self.new_from_draft(draft, self.tr("New entry: {0}").format(template.name))
        if started:
            self._editor.title.setFocus()
        return started

    def new_from_draft(self, draft: EntryDraft, state: str) -> bool:
        """Save the current entry, then start a new one from a prepared draft (and its links).

        Like a template, it is saved only once the user writes something.

        Args:
            draft: The new entry's fields and links.
            state: What the editor's status line says ("Writing about a prompt").

        Returns:
            False, and nothing changed, if the current entry could not be saved.
        """
        if not self.save_now():
            return False
        self.entry_id = None
        self._saved_text = ("", "")
        self._template = draft.template
        self._starts_revision = True
        self.is_read_only = False
        self._editor.load(EditorFields(draft.title, draft.body, draft.occurred_on, draft.tags,
                                       draft.stress, draft.time_of_day))
        self._editor.set_read_only(False)
        self._links.set_read_only(False)
        self._links.set_links(draft.links)
        self.is_dirty = False
        self._editor.state.setText(state)
        self.entry_changed.emit(None)
        return True

    def clear(self) -> None:
        """Forget the current entry and empty the editor and links (after saving)."""
        self._timer.stop()
        self.entry_id = None
        self.is_dirty = False
        self.is_read_only = False
        self._template = None
        self._editor.clear()
        # A trashed entry left the editor read-only: an empty editor must take typing again.
        self._editor.set_read_only(False)
        self._links.set_read_only(False)
        self._links.clear()
        self.entry_changed.emit(None)


@dataclass(frozen=True, slots=True)
class UnsavedEdit:
    """An entry's changes that could not be saved, held in memory until they can be."""

    entry_id: int | None
    fields: EditorFields
    links: tuple[Link, ...]
    template: str | None
    starts_revision: bool
    saved_text: tuple[str, str]
