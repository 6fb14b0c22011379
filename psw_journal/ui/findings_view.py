"""The list of possible identifying details an export would send out, each in its sentence."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from psw_journal.services.review import FieldFinding

#: The finding's text (what a tick replaces) on the first column of each row.
FINDING_ROLE = Qt.ItemDataRole.UserRole.value + 1


def sentence_around(item: FieldFinding) -> str:
    """Return the sentence holding a finding as HTML, with the finding highlighted."""
    text, finding = item.text, item.finding
    start = max(text.rfind(mark, 0, finding.start) for mark in (". ", "\n", "? ", "! ")) + 1
    ends = [i for i in (text.find(mark, finding.end) for mark in (". ", "\n", "? ", "! "))
            if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    before, after = text[start:finding.start].lstrip(), text[finding.end:end].rstrip()
    return (f"{html.escape(before)}<b style='background:#ffe08a;color:#202020'>"
            f"{html.escape(finding.text)}</b>{html.escape(after)}")


class FindingLabel(QLabel):
    """A finding's sentence, asking for the height it needs at the width its column has.

    A word-wrapped QLabel guesses its width, so item widgets made the rows far too tall.
    """

    def __init__(self, text: str, tree: QTreeWidget, column: int) -> None:
        super().__init__(text)
        self._tree, self._column = tree, column
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Return the wrapped height at the column's width."""
        width = max(200, self._tree.columnWidth(self._column))
        return QSize(width, self.heightForWidth(width) + 8)


class FindingsView(QTreeWidget):
    """Every finding of an export, ticked to be replaced; unticked ones are kept as written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Replace", "What", "Where it appears"])
        self.setAccessibleName("Possible identifying details")
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setColumnWidth(0, 70)
        self.setColumnWidth(1, 120)
        # Row heights depend on the sentence column's width: measure again when it changes.
        self.header().sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 2:
            self.doItemsLayout()

    def show_findings(self, found: Iterable[FieldFinding], kept: set[str]) -> None:
        """List the findings; those whose text is in ``kept`` (casefolded) start unticked."""
        blocked = self.blockSignals(True)
        self.clear()
        for item in found:
            row = QTreeWidgetItem(self, ["", item.finding.kind.label, ""])
            ticked = item.finding.text.casefold() not in kept
            row.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            row.setData(0, FINDING_ROLE, item.finding.text)
            row.setToolTip(0, "Ticked: replaced with a placeholder in the export")
            row.setToolTip(1, item.finding.text)
            where = f"{item.where} ({item.field})" if item.field not in ("body", "text") else (
                item.where)
            label = FindingLabel(f"<b>{html.escape(where)}</b><br>{sentence_around(item)}",
                                 self, 2)
            self.setItemWidget(row, 2, label)
        self.blockSignals(blocked)

    def rows(self) -> list[QTreeWidgetItem]:
        """Return every finding's row."""
        rows = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [row for row in rows if row is not None]

    def kept_texts(self) -> set[str]:
        """Return the (casefolded) finding texts the user unticked: kept in this export."""
        return {str(row.data(0, FINDING_ROLE)).casefold() for row in self.rows()
                if row.checkState(0) != Qt.CheckState.Checked}
