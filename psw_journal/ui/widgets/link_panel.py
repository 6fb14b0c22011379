"""The right-hand panel: link an entry to competences and principles, with evidence notes.

Suggested links show above the tabs, in a :class:`SuggestionBox`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
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
from psw_journal.ui.icons import icon
from psw_journal.ui.models.framework_tree_model import (
    DETAILS_ROLE,
    SEARCH_TEXT_ROLE,
    TARGET_ID_ROLE,
    FrameworkTreeModel,
)
from psw_journal.ui.widgets.labels import buddy_label
from psw_journal.ui.widgets.suggestion_box import (
    SHOWN_COMPETENCES,
    SHOWN_PRINCIPLES,
    SuggestionBox,
    shorten,
    target_name,
    without_preamble,
)
from psw_journal.ui.widgets.wrapping_tree import WrappingTreeView

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.core.suggest import Suggestion, Suggestions

__all__ = ["LinkPanel", "shorten", "without_preamble"]

LinkKey = tuple[LinkKind, str]
# QT_TRANSLATE_NOOP marks these for lupdate and returns them unchanged (typed as object).
NOT_IN_FRAMEWORK = str(QT_TRANSLATE_NOOP("LinkPanel", "not in this framework"))
DETAILS_HINT = str(QT_TRANSLATE_NOOP(
    "LinkPanel",
    "Select a competence to read it in full here. Tick its box to link it to this entry."))


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
        self._framework: Framework | None = None
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
        self._principles_layout = QVBoxLayout(self.principles_page)
        self.linked = QListWidget()
        self.note = QPlainTextEdit(placeholderText=self.tr(
            "Evidence note for the selected link: how does this entry show it?"))
        self.unlink_button = QPushButton(self.tr("Remove link"))
        self.tabs = QTabWidget()
        self.suggestion_box = SuggestionBox(self.tabs.tabBar())
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
                             (self.unlink_button, self.tr("Remove link"))):
            widget.setAccessibleName(name)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._set_details("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
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
        layout.addWidget(buddy_label(self.tr("Evidence &note:"), self.note))
        self.note.setMaximumHeight(110)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

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
        self.suggestion_box.accepted.connect(self._accept_suggestion)
        self.suggestion_box.dismissed.connect(self.suggestion_dismissed)

    def set_read_only(self, read_only: bool) -> None:
        """Show links without changing them (an entry in the trash): no ticks, no suggestions."""
        self.is_read_only = read_only
        self.tree_model.set_checkable(not read_only)
        for box in self.principle_boxes.values():
            box.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self._on_linked_selected(self.linked.currentItem())
        if read_only:
            self.suggestion_box.show_rows([], read_only=True)

    # -- framework ----------------------------------------------------------------------------

    def set_framework(self, framework: Framework) -> None:
        """Show a (new) framework; current links are kept, even ids it lacks."""
        self._framework = framework
        self.suggestion_box.framework = framework
        self._updating = True
        try:
            self.tree_model.set_framework(framework)
            self._build_principles(framework)
        finally:
            self._updating = False
        self.tree_model.set_checkable(not self.is_read_only)
        self.tree.expandToDepth(0)
        self.set_links(self.links())

    def _build_principles(self, framework: Framework) -> None:
        layout = self._principles_layout
        while layout.count():
            child = layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
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
        layout.addStretch(1)

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
        name = target_name(self._framework, kind, target_id)
        if name is not None and kind is LinkKind.COMPETENCE:
            return self.tr("Competence: {0}").format(shorten(name))
        if name is not None:
            return self.tr("Principle: {0}").format(name)
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

    @property
    def suggestion_buttons(self) -> list[QPushButton]:
        """Return the "Link" buttons of the suggestions on show, in order."""
        return self.suggestion_box.link_buttons

    @property
    def dismiss_buttons(self) -> list[QPushButton]:
        """Return the "Not this" buttons of the suggestions on show, in order."""
        return self.suggestion_box.dismiss_buttons

    @property
    def shown_suggestions(self) -> list[Suggestion]:
        """Return the suggestions on show, in order."""
        return self.suggestion_box.shown

    def show_suggestions(self, found: Suggestions) -> None:
        """Offer the best competences and principles; nothing is linked until the user clicks."""
        if self.is_read_only:
            return
        shown = [*found.competences[:SHOWN_COMPETENCES], *found.principles[:SHOWN_PRINCIPLES]]
        fresh = [s for s in shown if (LinkKind(s.kind), s.id) not in self._links]
        self.suggestion_box.show_rows(fresh, read_only=False)

    def _accept_suggestion(self, kind: str, target_id: str) -> None:
        self.link(LinkKind(kind), target_id)
        self.suggestion_accepted.emit(kind, target_id)

    def clear(self) -> None:
        """Forget the entry's links, notes, suggestions and the search text."""
        self.set_links(())
        self.search.clear()
        self._set_details("")
        self.note.clear()
        self.suggestion_box.show_rows([], read_only=self.is_read_only)
