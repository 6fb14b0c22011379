"""The right-hand panel: link an entry to competences and principles, with evidence notes."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.entry import Link, LinkKind
from psw_journal.core.suggest import Suggestion, Suggestions
from psw_journal.ui.icons import icon
from psw_journal.ui.models.framework_tree_model import (
    DETAILS_ROLE,
    SEARCH_TEXT_ROLE,
    TARGET_ID_ROLE,
    FrameworkTreeModel,
)
from psw_journal.ui.widgets.wrapping_tree import WrappingTreeView

LinkKey = tuple[LinkKind, str]
#: How many suggestions of each kind the panel shows at once.
SHOWN_COMPETENCES, SHOWN_PRINCIPLES = 2, 1
NOT_IN_FRAMEWORK = QT_TRANSLATE_NOOP("LinkPanel", "not in this framework")
DETAILS_HINT = QT_TRANSLATE_NOOP(
    "LinkPanel",
    "Select a competence to read it in full here. Tick its box to link it to this entry.")


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


class LinkPanel(QWidget):
    """Show suggestions, the framework tree, the principles and the entry's links.

    Signals:
        links_changed(): the user linked, unlinked or edited an evidence note.
        suggestion_accepted(str, str): the user linked a suggestion (kind, target id).
        suggestion_dismissed(str, str): the user said "Not this" to a suggestion (kind, id).
    """

    links_changed = Signal()
    suggestion_accepted = Signal(str, str)
    suggestion_dismissed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework: Any = None
        self._links: dict[LinkKey, str] = {}
        self._updating = False
        self.is_read_only = False
        self.tree_model = FrameworkTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.search = QLineEdit(placeholderText=self.tr("Search competences"),
                                clearButtonEnabled=True)
        self.tree = WrappingTreeView()
        self.details = QLabel(self.tr(DETAILS_HINT), wordWrap=True)
        self.principle_boxes: dict[str, QCheckBox] = {}
        self.principles_page = QWidget()
        self.linked = QListWidget()
        self.note = QPlainTextEdit(placeholderText=self.tr(
            "Evidence note for the selected link: how does this entry show it?"))
        self.unlink_button = QPushButton(self.tr("Remove link"))
        self.suggestion_box = QGroupBox(self.tr("Suggested links"))
        #: The suggestions' rows scroll inside a box of fixed height, so the tabs below it stay
        #: put as suggestions come and go.
        self.suggestion_area = QScrollArea()
        self.suggestion_rows = QWidget()
        self.suggestion_buttons: list[QPushButton] = []
        self.dismiss_buttons: list[QPushButton] = []
        #: The suggestions on show, in order (the buttons above follow the same order).
        self.shown_suggestions: list[Suggestion] = []
        self.tabs = QTabWidget()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.proxy.setSourceModel(self.tree_model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterRole(SEARCH_TEXT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        for widget, name in ((self.search, self.tr("Search competences")),
                             (self.tree, self.tr("Competences")),
                             (self.details, self.tr("Competence details")),
                             (self.linked, self.tr("Linked")),
                             (self.note, self.tr("Evidence note")),
                             (self.unlink_button, self.tr("Remove link")),
                             (self.suggestion_box, self.tr("Suggested links"))):
            widget.setAccessibleName(name)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._set_details("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        rows = QVBoxLayout(self.suggestion_rows)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        self.suggestion_area.setWidget(self.suggestion_rows)
        self.suggestion_area.setWidgetResizable(True)
        self.suggestion_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.suggestion_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = QVBoxLayout(self.suggestion_box)
        box.setContentsMargins(6, 4, 6, 6)
        box.addWidget(self.suggestion_area)
        self._fix_suggestion_height()
        self._set_suggestion_rows([])
        layout.addWidget(self.suggestion_box)
        self.tabs.addTab(self._competence_page(), self.tr("&Competences"))
        self.tabs.addTab(self._scrolling(self.principles_page), self.tr("P&rinciples"))
        self.tabs.addTab(self._linked_page(), self.tr("Lin&ked"))
        layout.addWidget(self.tabs, 1)
        self.note.setEnabled(False)
        self.unlink_button.setEnabled(False)

    def _competence_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self._scrolling(self.details), 1)
        return page

    def _linked_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.linked.setWordWrap(True)
        layout.addWidget(self.linked, 2)
        layout.addWidget(QLabel(self.tr("Evidence &note:"), buddy=self.note))
        self.note.setMaximumHeight(110)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _fix_suggestion_height(self) -> None:
        """Give the suggestions room for every row shown at once, whether or not they show."""
        line = self.fontMetrics().lineSpacing()
        row = max(4 * line, 2 * QPushButton("Not this").sizeHint().height() + 2) + 12
        self.suggestion_area.setFixedHeight((SHOWN_COMPETENCES + SHOWN_PRINCIPLES) * row)

    @staticmethod
    def _scrolling(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        return area

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._filter_tree)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        self.tree_model.itemChanged.connect(self._on_tree_item_changed)
        self.linked.currentItemChanged.connect(self._on_linked_selected)
        self.note.textChanged.connect(self._on_note_edited)
        self.unlink_button.clicked.connect(self._unlink_selected)

    def set_read_only(self, read_only: bool) -> None:
        """Show links without changing them (an entry in the trash): no ticks, no suggestions."""
        self.is_read_only = read_only
        self.tree_model.set_checkable(not read_only)
        for box in self.principle_boxes.values():
            box.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self._on_linked_selected(self.linked.currentItem())
        if read_only:
            self._set_suggestion_rows([])

    # -- framework ----------------------------------------------------------------------------

    def set_framework(self, framework: Any) -> None:
        """Show a (new) framework; current links are kept, even ids it lacks."""
        self._framework = framework
        self._updating = True
        try:
            self.tree_model.set_framework(framework)
            self._build_principles(framework)
        finally:
            self._updating = False
        self.tree_model.set_checkable(not self.is_read_only)
        self.tree.expandToDepth(0)
        self.set_links(self.links())

    def _build_principles(self, framework: Any) -> None:
        layout = self.principles_page.layout() or QVBoxLayout(self.principles_page)
        while layout.count():
            child = layout.takeAt(0).widget()
            if child is not None:
                child.deleteLater()
        self.principle_boxes = {}
        for principle in framework.principles:
            box = QCheckBox(principle.name)
            box.setEnabled(not self.is_read_only)
            box.setAccessibleName(self.tr("Principle: {0}").format(principle.name))
            box.setToolTip(f"<p>{principle.definition}</p><p>{principle.description}</p>")
            box.toggled.connect(lambda on, pid=principle.id: self._on_principle_toggled(pid, on))
            hint = QLabel(principle.definition, wordWrap=True)
            hint.setContentsMargins(24, 0, 0, 6)
            hint.setEnabled(False)
            layout.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(hint)
            self.principle_boxes[principle.id] = box
        layout.addStretch(1)  # type: ignore[attr-defined]

    def _filter_tree(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _show_details(self, index: QModelIndex) -> None:
        details = str(index.data(DETAILS_ROLE) or "")
        self._set_details(details)

    def _set_details(self, details: str) -> None:
        """Show a competence in full, or a gentle hint (in italics) while none is selected."""
        self.details.setText(details or self.tr(DETAILS_HINT))
        font = self.details.font()
        font.setItalic(not details)
        self.details.setFont(font)

    # -- links --------------------------------------------------------------------------------

    def links(self) -> tuple[Link, ...]:
        """Return the entry's links with their evidence notes, in the order made."""
        return tuple(Link(kind, target, note) for (kind, target), note in self._links.items())

    def set_links(self, links: tuple[Link, ...]) -> None:
        """Show an entry's links (emits nothing)."""
        self._updating = True
        try:
            self._links = {(link.kind, link.target_id): link.note for link in links}
            self.tree_model.uncheck_all()
            for box in self.principle_boxes.values():
                box.setChecked(False)
            for kind, target in self._links:
                self._tick(kind, target, True)
            self._refresh_linked()
        finally:
            self._updating = False

    def link(self, kind: LinkKind, target_id: str) -> None:
        """Link the entry to a competence or principle (as the user's choice)."""
        if (kind, target_id) not in self._links:
            self._links[(kind, target_id)] = ""
            self._changed(kind, target_id, True)

    def unlink(self, kind: LinkKind, target_id: str) -> None:
        """Remove a link."""
        if self._links.pop((kind, target_id), None) is not None:
            self._changed(kind, target_id, False)

    def _changed(self, kind: LinkKind, target_id: str, linked: bool) -> None:
        self._updating = True
        try:
            self._tick(kind, target_id, linked)
            self._refresh_linked()
        finally:
            self._updating = False
        self.links_changed.emit()

    def _tick(self, kind: LinkKind, target_id: str, on: bool) -> None:
        if kind is LinkKind.COMPETENCE:
            self.tree_model.set_checked(target_id, on)
        elif target_id in self.principle_boxes:
            self.principle_boxes[target_id].setChecked(on)

    def _on_tree_item_changed(self, item: QStandardItem) -> None:
        if self._updating or not item.isCheckable():
            return
        target = str(item.data(TARGET_ID_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self.link(LinkKind.COMPETENCE, target)
        else:
            self.unlink(LinkKind.COMPETENCE, target)

    def _on_principle_toggled(self, principle_id: str, on: bool) -> None:
        if self._updating:
            return
        if on:
            self.link(LinkKind.PRINCIPLE, principle_id)
        else:
            self.unlink(LinkKind.PRINCIPLE, principle_id)

    def label_for(self, kind: LinkKind, target_id: str) -> str:
        """Return how a link is shown: its name, or its id marked as not in this framework."""
        fw = self._framework
        if kind is LinkKind.COMPETENCE:
            comp = fw.find_competence(target_id) if fw else None
            if comp is not None:
                return self.tr("Competence: {0}").format(shorten(comp.statement))
        else:
            principle = fw.find_principle(target_id) if fw else None
            if principle is not None:
                return self.tr("Principle: {0}").format(principle.name)
        what = self.tr("Competence") if kind is LinkKind.COMPETENCE else self.tr("Principle")
        return self.tr("{0} {1} ({2})").format(what, target_id, self.tr(NOT_IN_FRAMEWORK))

    def _refresh_linked(self) -> None:
        current = self.linked.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.linked.clear()
        for kind, target in self._links:
            item = QListWidgetItem(icon("link"), self.label_for(kind, target))
            item.setData(Qt.ItemDataRole.UserRole, (kind, target))
            self.linked.addItem(item)
            if (kind, target) == keep:
                self.linked.setCurrentItem(item)
        self.tabs.setTabText(2, self.tr("Lin&ked ({0})").format(len(self._links)))
        if self.linked.currentItem() is None:
            self._on_linked_selected(None)

    def _on_linked_selected(self, item: QListWidgetItem | None) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        was, self._updating = self._updating, True
        self.note.setPlainText(self._links.get(key, "") if key else "")
        self._updating = was
        self.note.setEnabled(key is not None)
        self.unlink_button.setEnabled(key is not None and not self.is_read_only)

    def _on_note_edited(self) -> None:
        item = self.linked.currentItem()
        if self._updating or item is None or self.is_read_only:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key in self._links:
            self._links[key] = self.note.toPlainText()
            self.links_changed.emit()

    def _unlink_selected(self) -> None:
        """Remove the selected link; the next one is selected and focus stays in the list's area.

        The button would otherwise be disabled with the focus on it, and Qt would move the
        focus to the window's first field (the journal search), taking the next words typed.
        """
        item = self.linked.currentItem()
        if item is None or self.is_read_only:
            return
        had_focus = self.unlink_button.hasFocus()
        row = self.linked.row(item)
        self.unlink(*item.data(Qt.ItemDataRole.UserRole))
        if self.linked.count():
            self.linked.setCurrentRow(min(row, self.linked.count() - 1))
        if had_focus:
            (self.unlink_button if self.unlink_button.isEnabled() else self.linked).setFocus()

    # -- suggestions --------------------------------------------------------------------------

    def show_suggestions(self, found: Suggestions) -> None:
        """Offer the best competences and principles; nothing is linked until the user clicks."""
        if self.is_read_only:
            return
        shown = [*found.competences[:SHOWN_COMPETENCES], *found.principles[:SHOWN_PRINCIPLES]]
        fresh = [s for s in shown if (LinkKind(s.kind), s.id) not in self._links]
        self._set_suggestion_rows(fresh)

    def _set_suggestion_rows(self, suggestions: list[Suggestion]) -> None:
        layout = self.suggestion_rows.layout()
        while layout.count():
            child = layout.takeAt(0)
            widget = child.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.suggestion_buttons = []
        self.dismiss_buttons = []
        self.shown_suggestions = list(suggestions)
        if not suggestions:
            empty = QLabel(self.tr(
                "This entry is in the trash: restore it to change its links.")
                if self.is_read_only else self.tr(
                "Suggestions appear here after you pause writing."), wordWrap=True)
            empty.setEnabled(False)
            layout.addWidget(empty)
        for suggestion in suggestions:
            layout.addWidget(self._suggestion_row(suggestion))
        layout.addStretch(1)

    def suggestion_label(self, suggestion: Suggestion) -> str:
        """Return what a suggestion is called: the competence's statement or principle's name."""
        kind = LinkKind(suggestion.kind)
        fw = self._framework
        if kind is LinkKind.COMPETENCE:
            comp = fw.find_competence(suggestion.id) if fw else None
            return comp.statement if comp is not None else suggestion.id
        principle = fw.find_principle(suggestion.id) if fw else None
        return principle.name if principle is not None else suggestion.id

    def reason_text(self, suggestion: Suggestion) -> str:
        """Say why, in the user's own words: "You wrote: ‘…’"."""
        phrase = suggestion.because[0] if suggestion.because else ""
        return self.tr("You wrote: ‘{0}’").format(phrase)

    def _suggestion_row(self, suggestion: Suggestion) -> QWidget:
        kind = LinkKind(suggestion.kind)
        label = self.suggestion_label(suggestion)
        what = (self.tr("Competence") if kind is LinkKind.COMPETENCE
                else self.tr("Principle"))
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 4, 6, 4)
        short = shorten(without_preamble(label), 80)
        text = QLabel(f"<b>{html.escape(what)}:</b> {html.escape(short)}<br>"
                      f"<i>{html.escape(self.reason_text(suggestion))}</i>", wordWrap=True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setToolTip(label)
        link_button = QPushButton(icon("link"), self.tr("Link"))
        # Tab reaches the buttons; a click does not take the focus from where the user writes.
        link_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        link_button.setAccessibleName(self.tr("Link {0} {1}").format(kind.value, label))
        link_button.setToolTip(self.tr("Link this entry to it"))
        dismiss_button = QPushButton(self.tr("Not this"))
        dismiss_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        dismiss_button.setAccessibleName(self.tr("Not this: {0} {1}").format(kind.value, label))
        dismiss_button.setToolTip(self.tr("Hide this suggestion for this entry"))
        link_button.clicked.connect(lambda: self._accept_suggestion(row, suggestion))
        dismiss_button.clicked.connect(lambda: self._dismiss_suggestion(row, suggestion))
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        buttons.addWidget(link_button)
        buttons.addWidget(dismiss_button)
        buttons.addStretch(1)
        layout.addWidget(text, 1)
        layout.addLayout(buttons)
        self.suggestion_buttons.append(link_button)
        self.dismiss_buttons.append(dismiss_button)
        return row

    def _accept_suggestion(self, row: QWidget, suggestion: Suggestion) -> None:
        self._drop_row(row, suggestion)
        self.link(LinkKind(suggestion.kind), suggestion.id)
        self.suggestion_accepted.emit(suggestion.kind, suggestion.id)

    def _dismiss_suggestion(self, row: QWidget, suggestion: Suggestion) -> None:
        self._drop_row(row, suggestion)
        self.suggestion_dismissed.emit(suggestion.kind, suggestion.id)

    def _drop_row(self, row: QWidget, suggestion: Suggestion) -> None:
        """Remove one suggestion; keyboard focus on it moves to a neighbour, never elsewhere.

        Focus somewhere else (the user clicked while writing) stays where it is.
        """
        self.shown_suggestions = [s for s in self.shown_suggestions if s != suggestion]
        buttons = [b for b in (*self.suggestion_buttons, *self.dismiss_buttons)
                   if row.isAncestorOf(b)]
        had_focus = any(b.hasFocus() for b in buttons)
        index = self.suggestion_buttons.index(buttons[0]) if buttons else 0
        self.suggestion_buttons = [b for b in self.suggestion_buttons if b not in buttons]
        self.dismiss_buttons = [b for b in self.dismiss_buttons if b not in buttons]
        if had_focus:
            # Before hiding the row, or Qt moves the focus to the window's first field.
            if self.suggestion_buttons:
                self.suggestion_buttons[min(index, len(self.suggestion_buttons) - 1)].setFocus()
            else:
                self.tabs.tabBar().setFocus()
        row.hide()
        row.deleteLater()
        if not self.suggestion_buttons:
            self._set_suggestion_rows([])

    def clear(self) -> None:
        """Forget the entry's links, notes, suggestions and the search text."""
        self.set_links(())
        self.search.clear()
        self._set_details("")
        self.note.clear()
        self._set_suggestion_rows([])
