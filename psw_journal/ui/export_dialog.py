"""The export dialog: choose entries and layout, review confidentiality findings, preview, save.

Entries are chosen by date range, tags, principles and competences (an entry linked to any
ticked principle or competence), then ticked by hand. The list, the findings and the preview
follow every change. Saving runs in a worker thread behind a progress dialog.

The journal is never changed by an export, except that findings marked "Not identifying"
are remembered in the journal's settings (``confidentiality_ignore``).
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.confidentiality import Finding, find_identifiers
from psw_journal.core.entry import Entry
from psw_journal.core.export_html import render_html
from psw_journal.core.export_markdown import (
    ExportOptions,
    Grouping,
    render_markdown,
    select_entries,
)
from psw_journal.ui.export_job import FORMAT_SUFFIXES, ExportRequest, ExportRunner

FINDING_ROLE = Qt.ItemDataRole.UserRole.value + 1
#: The principle or competence id of a row in the choice lists.
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole.value + 2
#: Findings and preview are redone this long after the last change (keeps typing smooth).
REFRESH_DELAY_MS = 250
_KIND_LABELS = {"name": "Name", "nhs_number": "NHS number", "phone": "Phone", "email": "Email",
                "postcode": "Postcode", "date_of_birth": "Date of birth", "address": "Address",
                "ward_or_service": "Ward or service", "other": "Other detail"}
_FILE_FILTERS = {"markdown": "Markdown (*.md)", "html": "Web page (*.html)",
                 "pdf": "PDF (*.pdf)", "docx": "Word document (*.docx)"}


def sentence_around(text: str, finding: Finding) -> str:
    """Return the sentence holding a finding as HTML, with the finding highlighted."""
    start = max(text.rfind(mark, 0, finding.start) for mark in (". ", "\n", "? ", "! ")) + 1
    ends = [i for i in (text.find(mark, finding.end) for mark in (". ", "\n", "? ", "! "))
            if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    before, after = text[start:finding.start].lstrip(), text[finding.end:end].rstrip()
    return (f"{html.escape(before)}<b style='background:#ffe08a;color:#202020'>"
            f"{html.escape(finding.text)}</b>{html.escape(after)}")


def _checked_ids(widget: QListWidget, role: int) -> list[Any]:
    return [widget.item(i).data(role) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _checkable_item(text: str, value: Any, role: int, *, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(role, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _show_tick(item: QListWidgetItem, *, emphasis: str) -> None:
    """Show a tick in the text too: some dark palettes draw unticked boxes almost invisibly.

    ``emphasis`` is "bold" (ticked choices stand out) or "dim" (unticked entries fade).
    """
    checked = item.checkState() == Qt.CheckState.Checked
    widget = item.listWidget()
    blocked = widget.blockSignals(True) if widget is not None else False
    if emphasis == "bold":
        font = item.font()
        font.setBold(checked)
        item.setFont(font)
    elif widget is not None:
        role = QPalette.ColorRole.Text if checked else QPalette.ColorRole.PlaceholderText
        item.setForeground(widget.palette().color(role))
    if widget is not None:
        widget.blockSignals(blocked)


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


class ExportDialog(QDialog):
    """Export coursework after a confidentiality review.

    Args:
        store: An open JournalStore (read; only settings are written).
        framework: The competence framework.
        parent: The parent widget.

    Signals:
        selection_changed(): The chosen entries changed; the entry list already shows them.
        preview_updated(): The findings and the preview were redone for the current choices.
        saved(str): The export was written; the argument is its path.
    """

    selection_changed = Signal()
    preview_updated = Signal()
    saved = Signal(str)

    def __init__(self, store: Any, framework: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export reflective coursework")
        self.store = store
        self.framework = framework
        self.entries: list[Entry] = list(store.iter_entries())
        self.ignored: list[str] = list(store.setting("confidentiality_ignore", []) or [])
        self.people: list[str] = list(store.setting("people", []) or [])
        self.profile: dict[str, Any] = dict(store.setting("profile", {}) or {})
        self._unticked: set[int] = set()
        self._findings_stale = False
        self._runner: ExportRunner | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._build()
        self._fill_choices()
        self._fill_entry_list()
        self._connect_signals()
        self.refresh_findings()
        self.update_preview()
        self.principle_list.setFocus()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._build_choices())
        splitter.addWidget(self._build_review())
        splitter.setSizes([400, 780])
        splitter.setChildrenCollapsible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Save export…")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.buttons)
        self.resize(1200, 780)

    def _build_choices(self) -> QWidget:
        dates = [e.occurred_on for e in self.entries] or [QDate.currentDate().toPython()]
        self.date_from = QDateEdit(QDate(min(dates)), calendarPopup=True)
        self.date_to = QDateEdit(QDate(max(dates)), calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("d MMM yyyy")
        self.tags_edit = QLineEdit(placeholderText="tags, separated by commas (optional)")
        self.grouping = QComboBox()
        for label, value in (("By principle (coursework)", Grouping.PRINCIPLE),
                             ("By competence (portfolio)", Grouping.COMPETENCE),
                             ("By date", Grouping.DATE),
                             ("Supervision agenda", Grouping.SUPERVISION)):
            self.grouping.addItem(label, value)
        self.format = QComboBox()
        for label, value in (("HTML", "html"), ("Markdown", "markdown"), ("PDF", "pdf"),
                             ("Word (docx)", "docx")):
            self.format.addItem(label, value)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_from, 1)
        date_row.addWidget(QLabel("to"))
        date_row.addWidget(self.date_to, 1)
        what = QFormLayout()
        what.addRow(self._buddy_label("&Dates", self.date_from, bold=False), date_row)
        what.addRow("&Tags", self.tags_edit)
        what.addRow("&Arrange", self.grouping)
        what.addRow("&Format", self.format)
        self.date_from.setAccessibleName("From")
        self.date_to.setAccessibleName("To")

        self.principle_list = self._choice_list("Principles")
        self.principle_list.setFlow(QListView.Flow.LeftToRight)
        self.principle_list.setWrapping(True)
        self.principle_list.setGridSize(QSize(176, 26))
        self.principle_list.setFixedHeight(4 * 26 + 8)
        self.competence_list = self._choice_list("Competences")
        self.competence_list.setSpacing(2)
        self.no_competences = QLabel("No entry is linked to a competence yet.")
        self.no_competences.setWordWrap(True)
        self.entry_list = self._choice_list("Entries to include")
        self.entries_label = QLabel()

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addLayout(what)
        hint = QLabel("Tick principles or competences to export only the entries linked to "
                      "any of them. Nothing ticked: no limit.")
        hint.setWordWrap(True)
        layout.addSpacing(6)
        layout.addWidget(hint)
        layout.addWidget(self._buddy_label("&Principles", self.principle_list))
        layout.addWidget(self.principle_list)
        layout.addWidget(self._buddy_label("Co&mpetences", self.competence_list))
        layout.addWidget(self.competence_list, 2)
        layout.addWidget(self.no_competences)
        layout.addWidget(self._buddy_label("", self.entry_list, label=self.entries_label))
        layout.addWidget(self.entry_list, 3)
        return left

    @staticmethod
    def _choice_list(name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setWordWrap(True)
        widget.setResizeMode(QListView.ResizeMode.Adjust)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return widget

    @staticmethod
    def _buddy_label(text: str, buddy: QWidget, *, label: QLabel | None = None,
                     bold: bool = True) -> QLabel:
        """Return a label whose &-mnemonic (Alt+letter) moves the focus to ``buddy``."""
        label = label or QLabel(text)
        font = label.font()
        font.setBold(bold)
        label.setFont(font)
        label.setBuddy(buddy)
        return label

    def _build_review(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.findings = QTreeWidget()
        self.findings.setHeaderLabels(["Redact", "What", "Where it appears"])
        self.findings.setAccessibleName("Possible identifying details")
        self.findings.setRootIsDecorated(False)
        self.findings.setWordWrap(True)
        self.findings.setColumnWidth(0, 70)
        self.findings.setColumnWidth(1, 120)
        # Row heights depend on the sentence column's width: measure again when it changes.
        self.findings.header().sectionResized.connect(
            lambda column, _old, _new: column == 2 and self.findings.doItemsLayout())
        self.not_identifying = QPushButton("&Not identifying (remember for this journal)")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview of the export")
        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(6, 0, 0, 0)
        heading = QLabel("<b>Confidentiality check</b>")
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings, 3)
        row = QHBoxLayout()
        row.addWidget(self.not_identifying)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(QLabel("<b>Preview</b> (as it will be saved)"))
        layout.addWidget(self.preview, 3)
        return middle

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.save)
        self.not_identifying.clicked.connect(self.mark_not_identifying)
        self.entry_list.itemChanged.connect(self._entry_ticked)
        self.principle_list.itemChanged.connect(self._choice_ticked)
        self.competence_list.itemChanged.connect(self._choice_ticked)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self.tags_edit.editingFinished.connect(self._filters_changed)
        self.grouping.currentIndexChanged.connect(self._layout_changed)
        self.findings.itemChanged.connect(self._layout_changed)
        self._refresh_timer.timeout.connect(self._refresh_due)

    # ----------------------------------------------------------------- choices
    def _fill_choices(self) -> None:
        """List every principle, and the competences entries link to, with entry counts."""
        live = [entry for entry in self.entries if not entry.is_trashed]
        principles = Counter(p for e in live for p in set(e.draft.principle_ids()))
        competences = Counter(c for e in live for c in set(e.draft.competence_ids()))
        for principle in self.framework.principles:
            item = _checkable_item(f"{principle.name} ({principles[principle.id]})",
                                   principle.id, TARGET_ID_ROLE, checked=False)
            item.setToolTip(principle.definition or principle.name)
            self.principle_list.addItem(item)
        for competence in self.framework.competences:
            if competences[competence.id]:
                statement = " ".join(competence.statement.split())
                item = _checkable_item(f"{statement} ({competences[competence.id]})",
                                       competence.id, TARGET_ID_ROLE, checked=False)
                item.setToolTip(statement)
                self.competence_list.addItem(item)
        self.competence_list.setVisible(self.competence_list.count() > 0)
        self.no_competences.setVisible(self.competence_list.count() == 0)

    def _fill_entry_list(self) -> None:
        """List the entries the filters allow, keeping what was unticked by hand."""
        shown = select_entries(self.entries, self._filter_options())
        self.entry_list.blockSignals(True)
        self.entry_list.clear()
        for entry in shown:
            item = _checkable_item(f"{entry.occurred_on:%d %b %Y}  {entry.title or 'Untitled'}",
                                   entry.id, FINDING_ROLE, checked=entry.id not in self._unticked)
            self.entry_list.addItem(item)
            _show_tick(item, emphasis="dim")
        self.entry_list.blockSignals(False)
        self._count_entries()

    def _count_entries(self) -> None:
        chosen = len(_checked_ids(self.entry_list, FINDING_ROLE))
        live = sum(not entry.is_trashed for entry in self.entries)
        self.entries_label.setText(f"&Entries to include: {chosen} of {live}")

    def _choice_ticked(self, item: QListWidgetItem) -> None:
        _show_tick(item, emphasis="bold")
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._fill_entry_list()
        self._schedule_refresh(findings=True)
        self.selection_changed.emit()

    def _entry_ticked(self, item: QListWidgetItem) -> None:
        entry_id = int(item.data(FINDING_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._unticked.discard(entry_id)
        else:
            self._unticked.add(entry_id)
        _show_tick(item, emphasis="dim")
        self._count_entries()
        self._schedule_refresh(findings=True)
        self.selection_changed.emit()

    def _layout_changed(self) -> None:
        self._schedule_refresh(findings=False)

    def _schedule_refresh(self, *, findings: bool) -> None:
        self._findings_stale = self._findings_stale or findings
        self._refresh_timer.start()

    def _refresh_due(self) -> None:
        if self._findings_stale:
            self.refresh_findings()
        self.update_preview()
        self.preview_updated.emit()

    # ----------------------------------------------------------------- behaviour
    def _filter_options(self) -> ExportOptions:
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return ExportOptions(
            grouping=Grouping(self.grouping.currentData()),
            date_from=self.date_from.date().toPython(), date_to=self.date_to.date().toPython(),
            tags=tags, people=tuple(self.people),
            principle_ids=frozenset(_checked_ids(self.principle_list, TARGET_ID_ROLE)),
            competence_ids=frozenset(_checked_ids(self.competence_list, TARGET_ID_ROLE)))

    def options(self, *, redact: bool = True) -> ExportOptions:
        """Return the export options chosen in the dialog."""
        ids = frozenset(int(i) for i in _checked_ids(self.entry_list, FINDING_ROLE))
        kept = tuple(self.kept_texts())
        return dataclasses.replace(self._filter_options(), redact=redact, entry_ids=ids,
                                   ignore=tuple(self.ignored) + kept)

    def chosen_entries(self) -> list[Entry]:
        """Return the entries the current choices export."""
        return select_entries(self.entries, self.options())

    def refresh_findings(self) -> None:
        """Run the confidentiality check on the chosen entries and list what it finds."""
        self._findings_stale = False
        self.findings.blockSignals(True)
        self.findings.clear()
        own = [str(self.profile.get("name") or "")]
        for entry in self.chosen_entries():
            for field_name in ("title", "body"):
                text = getattr(entry, field_name)
                for finding in find_identifiers(text, people=self.people, own_names=own,
                                                ignore=self.ignored):
                    self._add_finding(entry, text, finding)
        self.findings.blockSignals(False)
        count = self.findings.topLevelItemCount()
        self.summary.setText(
            f"{count} possible identifying details found. They are replaced with placeholders "
            "such as [Person A] unless you untick them." if count else
            "No identifying details found in the chosen entries.")

    def _add_finding(self, entry: Entry, text: str, finding: Finding) -> None:
        item = QTreeWidgetItem(self.findings, ["", _KIND_LABELS[finding.kind.value], ""])
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, FINDING_ROLE, finding.text)
        item.setToolTip(0, "Ticked: replaced with a placeholder in the export")
        item.setToolTip(1, finding.text)
        label = FindingLabel(f"<b>{html.escape(entry.title)}</b><br>"
                             f"{sentence_around(text, finding)}", self.findings, 2)
        self.findings.setItemWidget(item, 2, label)

    def kept_texts(self) -> list[str]:
        """Return finding texts the user unticked (kept in this export only)."""
        return [str(item.data(0, FINDING_ROLE)) for item in self._items()
                if item.checkState(0) != Qt.CheckState.Checked]

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.findings.topLevelItem(i) for i in range(self.findings.topLevelItemCount())]

    def mark_not_identifying(self) -> None:
        """Remember the selected finding's text as not identifying, for this journal."""
        item = self.findings.currentItem()
        if item is None:
            return
        text = str(item.data(0, FINDING_ROLE))
        if text.casefold() not in {t.casefold() for t in self.ignored}:
            self.ignored.append(text)
            self.store.set_setting("confidentiality_ignore", list(self.ignored))
        self.refresh_findings()
        self._schedule_refresh(findings=False)

    def clear_content(self) -> None:
        """Forget the entries and empty every list and the preview (when the journal locks)."""
        self._refresh_timer.stop()
        self._stop_job()
        self.entries = []
        self.profile = {}
        self.people = []
        for widget in (self.entry_list, self.principle_list, self.competence_list):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.findings.clear()
        self.summary.clear()
        self.preview.clear()
        self.entries_label.clear()

    def markdown_text(self) -> str:
        """Return the export's Markdown with the current choices."""
        return render_markdown(self.entries, self.framework, self.profile, self.options())

    def update_preview(self) -> None:
        """Show the export as it will be saved, keeping the reading position."""
        scroll = self.preview.verticalScrollBar()
        position = scroll.value()
        page = render_html(self.markdown_text())
        self.preview.setHtml(re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL))
        scroll.setValue(min(position, scroll.maximum()))

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        """Ask where to save, then write the export in the background, showing progress."""
        if self._runner is not None:
            return
        fmt = str(self.format.currentData())
        path, _ = QFileDialog.getSaveFileName(self, "Save export",
                                              f"coursework.{FORMAT_SUFFIXES[fmt]}",
                                              _FILE_FILTERS[fmt])
        if not path:
            return
        self._refresh_timer.stop()
        request = ExportRequest(tuple(self.chosen_entries()), self.framework, dict(self.profile),
                                self.options(), fmt, Path(path))
        self._runner = ExportRunner(request, self)
        self._runner.written.connect(self._export_written)
        self._runner.failed.connect(self._export_failed)
        self._runner.stopped.connect(self._export_stopped)
        self.save_button.setEnabled(False)
        self._runner.start()

    def _export_written(self, path: str) -> None:
        self.saved.emit(path)
        self.accept()

    def _export_failed(self, message: str) -> None:
        QMessageBox.warning(self, "Export not saved", message)

    def _export_stopped(self) -> None:
        if self._runner is not None:
            self._runner.deleteLater()
            self._runner = None
        self.save_button.setEnabled(True)

    def _stop_job(self) -> None:
        if self._runner is not None:
            self._runner.stop()

    def done(self, result: int) -> None:
        """Close the dialog, stopping a save still under way first."""
        self._stop_job()
        super().done(result)
