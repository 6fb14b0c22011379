"""The framework as a tree of coverage: domain > area > competence, with counts and dates.

Areas and domains roll up ("3 of 7 evidenced"); the employer's competences sit apart under
their own heading, outside the worker's total; linked ids the framework does not know are
listed under "Not in this framework", never dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from psw_journal.core.coverage import Coverage
from psw_journal.core.framework import Domain, Framework

#: The target id ("crs_build_trust_rapport") of a tree row; empty for areas and domains.
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole.value + 1
#: What a row is: "domain", "area", "competence", "employer", "unknown".
NODE_KIND_ROLE = Qt.ItemDataRole.UserRole.value + 2
#: The entry count (competences) or the share evidenced 0-1 (areas, domains), for the bar.
BAR_ROLE = Qt.ItemDataRole.UserRole.value + 3

NAME_COLUMN, COUNT_COLUMN, LAST_COLUMN = 0, 1, 2
EMPLOYER_HEADING = "Your employer's competences"
EMPLOYER_TIP = ("What the organisation you work for should do to support peer support workers. "
                "They are shown for reference and are not counted in your total.")


class CoverageTreeModel(QStandardItemModel):
    """One coverage of one framework, as rows of name, entry count and last day written."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Competence", "Entries", "Last written"])

    def clear_rows(self) -> None:
        """Remove every row (the headers stay)."""
        self.removeRows(0, self.rowCount())

    def show_coverage(self, coverage: Coverage, framework: Framework) -> None:
        """Replace the rows with ``coverage`` laid out as ``framework`` arranges it."""
        self.clear_rows()
        root = self.invisibleRootItem()
        employer = [d for d in framework.domains if d.is_organisational]
        for domain in framework.domains:
            if not domain.is_organisational:
                _append_domain(coverage, domain, root)
        if employer:
            # The employer's competences: shown, but apart and outside the worker's total.
            header = _row((EMPLOYER_HEADING, "not in your total", ""), "employer", "", None)
            header[0].setToolTip(EMPLOYER_TIP)
            root.appendRow(header)
            for domain in employer:
                _append_domain(coverage, domain, header[0])
        if coverage.unknown:
            unknown_row = _row(("Not in this framework", f"{len(coverage.unknown)} ids", ""),
                               "unknown", "", None)
            for target in coverage.unknown:
                texts = (f"{target.kind}: {target.target_id}", str(target.count),
                         _day(target.last_date))
                unknown_row[0].appendRow(_row(texts, "unknown", target.target_id, target.count))
            root.appendRow(unknown_row)

    def competence_index(self, competence_id: str) -> QModelIndex:
        """Return the index of a competence's name cell (invalid if not shown)."""
        matches = self.match(self.index(0, 0), TARGET_ID_ROLE, competence_id, 1,
                             Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return matches[0] if matches else QModelIndex()


def _append_domain(coverage: Coverage, domain: Domain, parent: QStandardItem) -> None:
    roll = coverage.group(domain.id)
    domain_row = _row((domain.name, roll.describe() if roll.total else "none listed", ""),
                      "domain", domain.id, roll.share_evidenced if roll.total else None)
    parent.appendRow(domain_row)
    for area in domain.areas:
        area_roll = coverage.group(area.id)
        area_row = _row(
            (area.name, area_roll.describe() if area_roll.total else "none listed", ""),
            "area", area.id, area_roll.share_evidenced if area_roll.total else None)
        domain_row[0].appendRow(area_row)
        for comp in area.competences:
            row = coverage.competence(comp.id)
            items = _row((comp.statement, str(row.count), _day(row.last_date)), "competence",
                         comp.id, row.count)
            items[0].setToolTip(comp.statement)
            area_row[0].appendRow(items)


def _row(texts: tuple[str, str, str], kind: str, target_id: str,
         bar: float | int | None) -> list[QStandardItem]:
    """Return one row's cells: name, count and last day, all carrying the kind and target."""
    items = [QStandardItem(text) for text in texts]
    for item in items:
        item.setEditable(False)
        item.setData(kind, NODE_KIND_ROLE)
        item.setData(target_id, TARGET_ID_ROLE)
    items[COUNT_COLUMN].setData(bar, BAR_ROLE)
    if kind in ("domain", "area"):
        font = items[0].font()
        font.setBold(kind == "domain")
        items[0].setFont(font)
    return items


def _day(value: dt.date | None) -> str:
    return value.strftime("%d %b %Y") if value else "—"
