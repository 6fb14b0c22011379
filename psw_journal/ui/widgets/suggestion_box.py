"""The "Suggested links" box above the link panel's tabs: one row per suggestion, with why.

Nothing is linked until the user clicks "Link"; "Not this" hides a suggestion. The box keeps
the same height whether or not suggestions show, so the tabs below it stay put, and keyboard
focus on a row that goes moves to its neighbour, never to the window's first field.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.entry import LinkKind
from psw_journal.ui.icons import icon

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.core.suggest import Suggestion

#: How many suggestions of each kind the panel shows at once.
SHOWN_COMPETENCES, SHOWN_PRINCIPLES = 2, 1


def without_preamble(statement: str) -> str:
    """Drop the "An ability to" every competence starts with, so the point comes first."""
    for preamble in ("An ability to ", "Ability to ", "An ability "):
        if statement.startswith(preamble) and len(statement) > len(preamble):
            rest = statement[len(preamble):]
            return rest[0].upper() + rest[1:]
    return statement


def shorten(text: str, limit: int = 90) -> str:
    """Cut a long statement at a word boundary, adding an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def target_name(framework: Framework | None, kind: LinkKind, target_id: str) -> str | None:
    """Return a competence's statement or a principle's name (None if the framework lacks it)."""
    if framework is None:
        return None
    if kind is LinkKind.COMPETENCE:
        competence = framework.find_competence(target_id)
        return competence.statement if competence is not None else None
    principle = framework.find_principle(target_id)
    return principle.name if principle is not None else None


class SuggestionBox(QGroupBox):
    """Offer suggested links, each with the words that prompted it.

    Signals:
        accepted(str, str): the user chose "Link" on a suggestion (kind, target id).
        dismissed(str, str): the user chose "Not this" on a suggestion (kind, target id).
    """

    accepted = Signal(str, str)
    dismissed = Signal(str, str)

    def __init__(self, focus_after_last: QWidget, parent: QWidget | None = None) -> None:
        """Build the empty box.

        Args:
            focus_after_last: Where keyboard focus goes when the last suggestion on show goes.
            parent: The parent widget.
        """
        super().__init__(self.tr("Suggested links"), parent)
        self.framework: Framework | None = None
        self._focus_after_last = focus_after_last
        #: The suggestions' rows scroll inside a box of fixed height.
        self.area = QScrollArea()
        self.rows = QWidget()
        self._rows_layout = QVBoxLayout(self.rows)
        self.link_buttons: list[QPushButton] = []
        self.dismiss_buttons: list[QPushButton] = []
        #: The suggestions on show, in order (the buttons above follow the same order).
        self.shown: list[Suggestion] = []
        self.setAccessibleName(self.tr("Suggested links"))
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self.area.setWidget(self.rows)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 6)
        box.addWidget(self.area)
        self._fix_height()
        self.show_rows([], read_only=False)

    def _fix_height(self) -> None:
        """Give the suggestions room for every row shown at once, whether or not they show."""
        line = self.fontMetrics().lineSpacing()
        row = max(4 * line, 2 * QPushButton("Not this").sizeHint().height() + 2) + 12
        self.area.setFixedHeight((SHOWN_COMPETENCES + SHOWN_PRINCIPLES) * row)

    def show_rows(self, suggestions: list[Suggestion], *, read_only: bool) -> None:
        """Show these suggestions, or a hint why there are none."""
        layout = self._rows_layout
        while layout.count():
            child = layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.link_buttons = []
        self.dismiss_buttons = []
        self.shown = list(suggestions)
        if not suggestions:
            empty = QLabel(self.tr(
                "This entry is in the trash: restore it to change its links.")
                if read_only else self.tr(
                "Suggestions appear here after you pause writing."))
            empty.setWordWrap(True)
            empty.setEnabled(False)
            layout.addWidget(empty)
        for suggestion in suggestions:
            layout.addWidget(self._row(suggestion))
        layout.addStretch(1)

    def label(self, suggestion: Suggestion) -> str:
        """Return what a suggestion is called: the competence's statement or principle's name."""
        name = target_name(self.framework, LinkKind(suggestion.kind), suggestion.id)
        return name if name is not None else suggestion.id

    def reason_text(self, suggestion: Suggestion) -> str:
        """Say why, in the user's own words: "You wrote: ‘…’"."""
        phrase = suggestion.because[0] if suggestion.because else ""
        return self.tr("You wrote: ‘{0}’").format(phrase)

    def _row(self, suggestion: Suggestion) -> QWidget:
        kind = LinkKind(suggestion.kind)
        label = self.label(suggestion)
        what = self.tr("Competence") if kind is LinkKind.COMPETENCE else self.tr("Principle")
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 4, 6, 4)
        short = shorten(without_preamble(label), 80)
        text = QLabel(f"<b>{html.escape(what)}:</b> {html.escape(short)}<br>"
                      f"<i>{html.escape(self.reason_text(suggestion))}</i>")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setToolTip(label)
        link_button = QPushButton(icon("link"), self.tr("Link"))
        link_button.setAccessibleName(self.tr("Link {0} {1}").format(kind.value, label))
        link_button.setToolTip(self.tr("Link this entry to it"))
        dismiss_button = QPushButton(self.tr("Not this"))
        dismiss_button.setAccessibleName(self.tr("Not this: {0} {1}").format(kind.value, label))
        dismiss_button.setToolTip(self.tr("Hide this suggestion for this entry"))
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        for button in (link_button, dismiss_button):
            # Tab reaches the buttons; a click does not take the focus from where one writes.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        link_button.clicked.connect(lambda: self._drop_row(row, suggestion, self.accepted))
        dismiss_button.clicked.connect(lambda: self._drop_row(row, suggestion, self.dismissed))
        layout.addWidget(text, 1)
        layout.addLayout(buttons)
        self.link_buttons.append(link_button)
        self.dismiss_buttons.append(dismiss_button)
        return row

    def _drop_row(self, row: QWidget, suggestion: Suggestion, then: SignalInstance) -> None:
        """Remove one suggestion, then emit ``then`` with its kind and id.

        Keyboard focus on the row moves to a neighbour, never elsewhere; focus somewhere else
        (the user clicked while writing) stays where it is.
        """
        self.shown = [s for s in self.shown if s != suggestion]
        buttons = [b for b in (*self.link_buttons, *self.dismiss_buttons)
                   if row.isAncestorOf(b)]
        had_focus = any(b.hasFocus() for b in buttons)
        index = self.link_buttons.index(buttons[0]) if buttons else 0
        self.link_buttons = [b for b in self.link_buttons if b not in buttons]
        self.dismiss_buttons = [b for b in self.dismiss_buttons if b not in buttons]
        if had_focus:
            # Before hiding the row, or Qt moves the focus to the window's first field.
            if self.link_buttons:
                self.link_buttons[min(index, len(self.link_buttons) - 1)].setFocus()
            else:
                self._focus_after_last.setFocus()
        row.hide()
        row.deleteLater()
        if not self.link_buttons:
            self.show_rows([], read_only=False)
        then.emit(suggestion.kind, suggestion.id)
