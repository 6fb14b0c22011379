"""Feed the link panel with suggestions a moment after the user stops typing."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from psw_journal.ui.suggestions import LinkSuggester
from psw_journal.ui.widgets.entry_editor import EntryEditor
from psw_journal.ui.widgets.link_panel import LinkPanel

SUGGEST_DELAY_MS = 800


class SuggestionFeed(QObject):
    """Debounce editor changes, rank links, and show them (never linking by itself)."""

    def __init__(self, editor: EntryEditor, panel: LinkPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor, self._panel = editor, panel
        self._suggester: LinkSuggester | None = None
        self._timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self._editor.text_edited.connect(self._timer.start)
        self._panel.links_changed.connect(self._timer.start)
        self._timer.timeout.connect(self.refresh)

    def set_suggester(self, suggester: LinkSuggester | None) -> None:
        """Use a suggester built for the current framework."""
        self._suggester = suggester

    def refresh(self) -> None:
        """Rank now and show the top five."""
        self._timer.stop()
        if self._suggester is None:
            return
        fields = self._editor.fields()
        linked = [f"{link.kind.value}:{link.target_id}" for link in self._panel.links()]
        self._panel.show_suggestions(
            self._suggester.suggest(f"{fields.title}\n{fields.body}", 5, exclude=linked))

    def stop(self) -> None:
        """Cancel a pending refresh (on lock)."""
        self._timer.stop()
