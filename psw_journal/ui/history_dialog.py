"""Browse an entry's saved revisions and restore one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.entry import Revision, count_words
from psw_journal.ui.plurals import counted


class HistoryDialog(QDialog):
    """List revisions (newest first) and show the selected one's text.

    After ``exec()`` returns Accepted, :attr:`chosen` is the revision to restore.
    """

    def __init__(self, revisions: list[Revision], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entry history")
        self.resize(760, 480)
        self.revisions = revisions
        self.chosen: Revision | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Revisions")
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setAccessibleName("Revision text")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            "&Restore this version", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setAccessibleName("Restore this version")
        for i, revision in enumerate(revisions):
            words = counted("HistoryDialog", "{0} word", "{0} words", count_words(revision.body))
            label = f"{revision.saved_at:%d %b %Y, %H:%M}  ·  {words}"
            if i == 0:
                label += "  (current)"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.list.addItem(item)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        # The list is as wide as its longest label, "(current)" included.
        frame = 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + frame + 8)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.list.minimumWidth(), 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.list.setCurrentRow(0)

    def _connect_signals(self) -> None:
        self.list.currentRowChanged.connect(self._show)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            revision = self.revisions[row]
            self.text.setPlainText(f"{revision.title}\n\n{revision.body}")
        self.restore_button.setEnabled(row > 0)

    def clear_content(self) -> None:
        """Forget the revisions and empty the list and text (when the journal locks)."""
        self.revisions = []
        self.chosen = None
        self.list.clear()
        self.text.clear()

    def _restore(self) -> None:
        row = self.list.currentRow()
        if 0 < row < len(self.revisions):
            self.chosen = self.revisions[row]
            self.accept()
