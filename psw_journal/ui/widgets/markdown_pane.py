"""Write and Preview tabs over one Markdown text: an entry's body, a coursework section's text."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTextBrowser, QWidget

#: The preview follows typing after a pause, so rendering never competes with keystrokes.
PREVIEW_DELAY_MS = 300


class MarkdownPane(QTabWidget):
    """A plain-text Markdown editor and its rendered preview, as two tabs.

    The preview is rendered ``PREVIEW_DELAY_MS`` after the last change; :meth:`render_preview`
    renders it at once.
    """

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QPlainTextEdit(placeholderText=placeholder)
        self.body.setTabChangesFocus(True)
        self.preview = QTextBrowser(openLinks=False, openExternalLinks=False)
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.addTab(self.body, self.tr("&Write"))
        self.addTab(self.preview, self.tr("&Preview"))  # Alt+V is the View menu
        self.setDocumentMode(True)
        self.body.textChanged.connect(self.preview_timer.start)
        self.preview_timer.timeout.connect(self.render_preview)

    def render_preview(self) -> None:
        """Render the text's Markdown into the preview now."""
        self.preview_timer.stop()
        text = self.body.toPlainText()
        if not text.strip():
            self.preview.setHtml("")
            return
        # python-markdown (~25 ms to import) loads with the first preview, not with the window.
        from psw_journal.core.documents.html import render_fragment

        self.preview.setHtml(render_fragment(text))

    def apply_font_size(self, points: int) -> None:
        """Use a larger or smaller font for writing and reading."""
        for widget in (self.body, self.preview):
            font = widget.font()
            font.setPointSize(points)
            widget.setFont(font)
            widget.document().setDefaultFont(font)
