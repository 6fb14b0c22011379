"""The right-hand panel: link an entry to competences and principles, with evidence notes."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
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
    QTreeView,
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
from psw_journal.ui.suggestions import Suggestion

LinkKey = tuple[LinkKind, str]
NOT_IN_FRAMEWORK = "not in this framework"


def shorten(text: str, limit: int = 90) -> str:
    """Cut a long statement at a word boundary, adding an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class LinkPanel(QWidget):
    """Show suggestions, the framework tree, the principles and the entry's links.

    Signals:
        links_changed(): the user linked, unlinked or edited an evidence note.
    """

    links_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework: Any = None
        self._links: dict[LinkKey, str] = {}
        self._updating = False
        self.tree_model = FrameworkTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.search = QLineEdit(placeholderText="Search competences", clearButtonEnabled=True)
        self.tree = QTreeView()
        self.details = QLabel("", wordWrap=True)
        self.principle_boxes: dict[str, QCheckBox] = {}
        self.principles_page = QWidget()
        self.linked = QListWidget()
        self.note = QPlainTextEdit(placeholderText="Evidence note for the selected link: how "
                                   "does this entry show it?")
        self.unlink_button = QPushButton("Remove link")
        self.suggestion_box = QGroupBox("Suggested links")
        self.suggestion_buttons: list[QPushButton] = []
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
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        for widget, name in ((self.search, "Search competences"), (self.tree, "Competences"),
                             (self.details, "Competence details"), (self.linked, "Linked"),
                             (self.note, "Evidence note"), (self.unlink_button, "Remove link"),
                             (self.suggestion_box, "Suggested links")):
            widget.setAccessibleName(name)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        QVBoxLayout(self.suggestion_box).setSpacing(4)
        self._set_suggestion_rows([])
        layout.addWidget(self.suggestion_box)
        self.tabs.addTab(self._competence_page(), "&Competences")
        self.tabs.addTab(self._scrolling(self.principles_page), "P&rinciples")
        self.tabs.addTab(self._linked_page(), "Lin&ked")
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
        layout.addWidget(QLabel("Evidence &note:", buddy=self.note))
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
            box.setAccessibleName(f"Principle: {principle.name}")
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
        self.details.setText(str(index.data(DETAILS_ROLE) or ""))

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
                return f"Competence: {shorten(comp.statement)}"
        else:
            principle = fw.find_principle(target_id) if fw else None
            if principle is not None:
                return f"Principle: {principle.name}"
        return f"{kind.value.capitalize()} {target_id} ({NOT_IN_FRAMEWORK})"

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
        self.tabs.setTabText(2, f"Lin&ked ({len(self._links)})")
        if self.linked.currentItem() is None:
            self._on_linked_selected(None)

    def _on_linked_selected(self, item: QListWidgetItem | None) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        was, self._updating = self._updating, True
        self.note.setPlainText(self._links.get(key, "") if key else "")
        self._updating = was
        self.note.setEnabled(key is not None)
        self.unlink_button.setEnabled(key is not None)

    def _on_note_edited(self) -> None:
        item = self.linked.currentItem()
        if self._updating or item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key in self._links:
            self._links[key] = self.note.toPlainText()
            self.links_changed.emit()

    def _unlink_selected(self) -> None:
        item = self.linked.currentItem()
        if item is not None:
            self.unlink(*item.data(Qt.ItemDataRole.UserRole))

    # -- suggestions --------------------------------------------------------------------------

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Offer up to five links; nothing is linked until the user clicks."""
        self._set_suggestion_rows(suggestions[:5])

    def _set_suggestion_rows(self, suggestions: list[Suggestion]) -> None:
        layout = self.suggestion_box.layout()
        while layout.count():
            child = layout.takeAt(0)
            widget = child.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.suggestion_buttons = []
        if not suggestions:
            empty = QLabel("Suggestions appear here as you write.", wordWrap=True)
            empty.setEnabled(False)
            layout.addWidget(empty)
            return
        for suggestion in suggestions:
            layout.addWidget(self._suggestion_row(suggestion))

    def _suggestion_row(self, suggestion: Suggestion) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        kind = LinkKind(suggestion.kind)
        reason = ", ".join(suggestion.matched)
        text = QLabel(f"{html.escape(shorten(suggestion.label, 70))}<br><small>because you wrote: "
                      f"<i>{reason}</i></small>", wordWrap=True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setToolTip(suggestion.label)
        button = QPushButton(icon("link"), "Link")
        button.setAccessibleName(f"Link {suggestion.kind} {suggestion.label}")
        button.clicked.connect(lambda: self.link(kind, suggestion.target_id))
        button.clicked.connect(lambda: button.setEnabled(False))
        layout.addWidget(text, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.suggestion_buttons.append(button)
        return row

    def clear(self) -> None:
        """Forget the entry's links, notes, suggestions and the search text."""
        self.set_links(())
        self.search.clear()
        self.details.clear()
        self.note.clear()
        self._set_suggestion_rows([])
