"""The competence framework as a checkable tree: domain > area > competence."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

if TYPE_CHECKING:
    from psw_journal.core.framework import Competence, Framework

TARGET_ID_ROLE = Qt.ItemDataRole.UserRole.value + 1
DETAILS_ROLE = Qt.ItemDataRole.UserRole.value + 2
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole.value + 3


class FrameworkTreeModel(QStandardItemModel):
    """Domains, areas and checkable competences of one framework."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._competence_items: dict[str, QStandardItem] = {}

    def set_framework(self, framework: Framework) -> None:
        """Show ``framework``'s tree (competences unchecked)."""
        self.clear()
        self._competence_items = {}
        root = self.invisibleRootItem()
        for domain in framework.domains:
            domain_item = _item(domain.name, domain.id, domain.description or domain.name)
            for area in domain.areas:
                area_item = _item(area.name, area.id, area.description or area.name)
                for comp in area.competences:
                    area_item.appendRow(self._competence_item(framework, comp))
                domain_item.appendRow(area_item)
            if not domain.areas:
                domain_item.setText(f"{domain.name} (no competences listed)")
                domain_item.setEnabled(False)
            root.appendRow(domain_item)

    def _competence_item(self, framework: Framework, comp: Competence) -> QStandardItem:
        full = framework.full_text(comp)
        item = _item(comp.statement, comp.id, full)
        item.setData(" ".join([full, *comp.cues]), SEARCH_TEXT_ROLE)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Unchecked)
        self._competence_items[comp.id] = item
        return item

    def competence_index(self, competence_id: str) -> QModelIndex:
        """Return the index of a competence's row (invalid if it is not in the framework)."""
        item = self._competence_items.get(competence_id)
        return item.index() if item is not None else QModelIndex()

    def set_checked(self, competence_id: str, checked: bool) -> None:
        """Tick or untick a competence (ignored if it is not in the framework)."""
        item = self._competence_items.get(competence_id)
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if item is not None and item.checkState() != state:
            item.setCheckState(state)

    def set_checkable(self, checkable: bool) -> None:
        """Allow or prevent ticking competences (not for an entry in the trash)."""
        for item in self._competence_items.values():
            item.setCheckable(checkable)  # the tick itself stays drawn

    def uncheck_all(self) -> None:
        """Untick every competence."""
        for competence_id in self._competence_items:
            self.set_checked(competence_id, False)


def _item(text: str, target_id: str, details: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(target_id, TARGET_ID_ROLE)
    item.setData(details, DETAILS_ROLE)
    tip = html.escape(details).replace("\n", "<br>")
    item.setData(f"<p style='white-space: pre-wrap'>{tip}</p>", Qt.ItemDataRole.ToolTipRole)
    item.setData(text, SEARCH_TEXT_ROLE)
    return item
