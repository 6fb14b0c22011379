"""Browse a coursework piece's saved versions and restore one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coursework_history import revision_text, revision_words
from psw_journal.ui.plurals import counted


class CourseworkHistoryDialog(QDialog):
    """List a piece's revisions (newest first) and show the selected one.

    After ``exec()`` returns Accepted, :attr:`chosen` is the content to restore.
    """

    def __init__(self, revisions: Sequence[Mapping[str, Any]], headings: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coursework history"))
        self.resize(820, 520)
        self.revisions = list(revisions)
        self._headings = dict(headings)
        self.chosen: dict[str, Any] | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved versions"))
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setAccessibleName(self.tr("Version text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("&Restore this version"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        for i, revision in enumerate(self.revisions):
            words = counted("Coursework", "{0} word", "{0} words",
                            revision_words(revision["content"]))
            label = f"{revision['saved_at']:%d %b %Y, %H:%M}  ·  {words}"
            self.list.addItem(label + (self.tr("  (current)") if i == 0 else ""))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([260, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            self.text.setPlainText(revision_text(self.revisions[row]["content"], self._headings))
        self.restore_button.setEnabled(row > 0)

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 < row < len(self.revisions):
            self.chosen = dict(self.revisions[row]["content"])
            self.accept()

    def clear_content(self) -> None:
        """Forget the revisions and empty the list and text (when the journal locks)."""
        self.revisions, self.chosen = [], None
        self.list.clear()
        self.text.clear()
