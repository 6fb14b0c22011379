"""Choose where a quoted passage goes: a coursework piece and one of its sections."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.coursework import Coursework

#: Shown in full up to this many characters, then shortened with an ellipsis.
PREVIEW_CHARS = 400


class QuoteDialog(QDialog):
    """Pick a piece and a section for a passage; :meth:`target` is the choice once Accepted."""

    def __init__(self, passage: str, pieces: Sequence[Coursework], parent: QWidget | None = None,
                 *, piece_id: int | None = None, section_key: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use as an example"))
        self.resize(520, 300)
        self._pieces = list(pieces)
        shown = " ".join(passage.split())
        if len(shown) > PREVIEW_CHARS:
            shown = shown[:PREVIEW_CHARS].rsplit(" ", 1)[0] + "…"
        self.passage = QLabel(f"“{shown}”")
        self.passage.setWordWrap(True)
        self.passage.setAccessibleName(self.tr("Passage to quote"))
        self.piece = QComboBox()
        self.piece.setAccessibleName(self.tr("Coursework piece"))
        self.section = QComboBox()
        self.section.setAccessibleName(self.tr("Section"))
        for item in self._pieces:
            self.piece.addItem(item.title, item.id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("&Add example"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow(self.tr("&Piece:"), self.piece)
        form.addRow(self.tr("&Section:"), self.section)
        layout = QVBoxLayout(self)
        layout.addWidget(self.passage)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.piece.currentIndexChanged.connect(self._fill_sections)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.piece.setCurrentIndex(max(0, self.piece.findData(piece_id)))
        self._fill_sections()
        if section_key is not None:
            self.section.setCurrentIndex(max(0, self.section.findData(section_key)))
        self.add_button.setEnabled(bool(self._pieces))

    def _fill_sections(self, *_args: object) -> None:
        self.section.clear()
        row = self.piece.currentIndex()
        if 0 <= row < len(self._pieces):
            for section in self._pieces[row].sections:
                self.section.addItem(section.heading, section.key)

    def target(self) -> tuple[int, str] | None:
        """Return the chosen piece's id and section key."""
        piece_id, key = self.piece.currentData(), self.section.currentData()
        if isinstance(piece_id, int) and isinstance(key, str):
            return piece_id, key
        return None

    def clear_content(self) -> None:
        """Forget the passage and the pieces (when the journal locks)."""
        self._pieces = []
        self.passage.clear()
        self.piece.clear()
        self.section.clear()
