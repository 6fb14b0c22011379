"""The export dialog: choose what to export, review what it would send out, preview, save.

A thin front end over :mod:`psw_journal.services.export`, the service the command line uses
too: the dialog only gathers the choices (entries by date, tag, principle, competence and by
hand, or a coursework piece), shows the service's findings and preview, and runs the save in
the background. The journal is never changed by an export, except that findings marked "Not
identifying" are remembered in its settings.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
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
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.documents.entries import Selection, Shape
from psw_journal.core.documents.html import standalone_html
from psw_journal.core.entry import Entry
from psw_journal.core.framework import Framework
from psw_journal.services.export import (
    IGNORE_KEY,
    DocumentFormat,
    ExportChoices,
    ExportReport,
    Prepared,
    compose,
    prepare,
)
from psw_journal.services.journal import JournalEditing
from psw_journal.services.writers import docx_unavailable
from psw_journal.ui.export_job import ExportRequest, ExportRunner
from psw_journal.ui.findings_view import FINDING_ROLE, FindingsView
from psw_journal.ui.settings import AppSettings

#: The principle or competence id of a row in the choice lists (and entry ids in the list).
TARGET_ID_ROLE = Qt.ItemDataRole.UserRole.value + 2
#: Findings and preview are redone this long after the last change (keeps typing smooth).
REFRESH_DELAY_MS = 250
_SHAPES = (("By principle (coursework)", Shape.PRINCIPLE),
           ("By competence (portfolio)", Shape.COMPETENCE), ("By date", Shape.DATE),
           ("Supervision agenda", Shape.SUPERVISION))
_FILTERS = {DocumentFormat.MARKDOWN: "Markdown (*.md)", DocumentFormat.HTML: "Web page (*.html)",
            DocumentFormat.PDF: "PDF (*.pdf)", DocumentFormat.DOCX: "Word document (*.docx)"}
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def _checked(widget: QListWidget) -> list[Any]:
    return [widget.item(i).data(TARGET_ID_ROLE) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _checkable(text: str, value: Any, *, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(TARGET_ID_ROLE, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _show_tick(item: QListWidgetItem, *, emphasis: str) -> None:
    """Show a tick in the text too: some dark palettes draw unticked boxes almost invisibly."""
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


class ExportDialog(QDialog):
    """Export entries or a coursework piece after a confidentiality review.

    Args:
        store: The open journal (read; only the "not identifying" memory is written).
        framework: The competence framework.
        parent: The parent widget.
        coursework_id: Start with this coursework piece chosen.

    Signals:
        selection_changed(): The chosen entries changed; the entry list already shows them.
        preview_updated(): The findings and the preview were redone for the current choices.
        saved(str): The export was written; the argument is its path.
    """

    selection_changed = Signal()
    preview_updated = Signal()
    saved = Signal(str)

    def __init__(self, store: JournalEditing, framework: Framework,
                 parent: QWidget | None = None, *, coursework_id: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.store = store
        self.framework = framework
        self.settings = AppSettings()
        self.entries: list[Entry] = list(store.iter_entries())
        self.pieces = store.coursework_pieces()
        self.prepared: Prepared | None = None
        self.last_report: ExportReport | None = None
        self._unticked: set[int] = set()
        self._kept: set[str] = set()
        self._runner: ExportRunner | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._build()
        self._fill_choices()
        self._fill_entry_list()
        self._connect_signals()
        if coursework_id is not None:
            self.source.setCurrentIndex(max(0, self.source.findData(coursework_id)))
        self.refresh()
        self.source.setFocus()

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
        self.source = QComboBox()
        self.source.setAccessibleName("What to export")
        self.source.addItem("Journal entries", None)
        for piece in self.pieces:
            self.source.addItem(f"Coursework: {piece.title}", piece.id)
        dates = [e.occurred_on for e in self.entries] or [QDate.currentDate().toPython()]
        self.date_from = QDateEdit(QDate(min(dates)), calendarPopup=True)
        self.date_to = QDateEdit(QDate(max(dates)), calendarPopup=True)
        for edit, name in ((self.date_from, "From"), (self.date_to, "To")):
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
        self.tags_edit = QLineEdit(placeholderText="tags, separated by commas (optional)")
        self.grouping = QComboBox()
        for label, value in _SHAPES:
            self.grouping.addItem(label, value)
        self.format = QComboBox()
        for fmt in (DocumentFormat.DOCX, DocumentFormat.PDF, DocumentFormat.HTML,
                    DocumentFormat.MARKDOWN):
            self.format.addItem(fmt.label[0].upper() + fmt.label[1:], fmt.value)
        self._offer_formats()
        self.appendix = QCheckBox("Add the &quoted entries in full at the end")
        self.appendix.setChecked(True)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_from, 1)
        date_row.addWidget(QLabel("to"))
        date_row.addWidget(self.date_to, 1)
        what = QFormLayout()
        what.addRow(_buddy("E&xport", self.source, bold=False), self.source)
        what.addRow(_buddy("&Dates", self.date_from, bold=False), date_row)
        what.addRow("&Tags", self.tags_edit)
        what.addRow("&Arrange", self.grouping)
        what.addRow("&Format", self.format)
        what.addRow("", self.appendix)

        self.principle_list = _choice_list("Principles")
        self.principle_list.setFlow(QListView.Flow.LeftToRight)
        self.principle_list.setWrapping(True)
        self.principle_list.setGridSize(QSize(176, 26))
        self.principle_list.setFixedHeight(4 * 26 + 8)
        self.competence_list = _choice_list("Competences")
        self.competence_list.setSpacing(2)
        self.no_competences = QLabel("No entry is linked to a competence yet.")
        self.no_competences.setWordWrap(True)
        self.entry_list = _choice_list("Entries to include")
        self.entries_label = QLabel()

        self.entry_choices = QWidget()
        inner = QVBoxLayout(self.entry_choices)
        inner.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("Tick principles or competences to export only the entries linked to "
                      "any of them. Nothing ticked: no limit.")
        hint.setWordWrap(True)
        inner.addWidget(hint)
        inner.addWidget(_buddy("&Principles", self.principle_list))
        inner.addWidget(self.principle_list)
        inner.addWidget(_buddy("Co&mpetences", self.competence_list))
        inner.addWidget(self.competence_list, 2)
        inner.addWidget(self.no_competences)
        inner.addWidget(_buddy("", self.entry_list, label=self.entries_label))
        inner.addWidget(self.entry_list, 3)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addLayout(what)
        layout.addSpacing(6)
        layout.addWidget(self.entry_choices, 1)
        return left

    def _offer_formats(self) -> None:
        """Offer Word only where it works; start with the format used last."""
        reason = docx_unavailable()
        if reason:
            index = self.format.findData(DocumentFormat.DOCX.value)
            model_item = self.format.model().item(index)  # type: ignore[attr-defined]
            model_item.setEnabled(False)
            model_item.setToolTip(reason)
        remembered = self.format.findData(self.settings.export_format)
        usable = [i for i in range(self.format.count())
                  if self.format.model().item(i).isEnabled()]  # type: ignore[attr-defined]
        self.format.setCurrentIndex(remembered if remembered in usable else usable[0])

    def _build_review(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.findings = FindingsView()
        self.not_identifying = QPushButton("&Not identifying (remember for this journal)")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview of the export")
        self.preview.setOpenLinks(False)
        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(QLabel("<b>Confidentiality check</b>"))
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
        self.source.currentIndexChanged.connect(self._source_changed)
        self.grouping.currentIndexChanged.connect(self._schedule_refresh)
        self.appendix.toggled.connect(self._schedule_refresh)
        self.findings.itemChanged.connect(self._finding_ticked)
        self._refresh_timer.timeout.connect(self.refresh)

    # ----------------------------------------------------------------- choices
    def _fill_choices(self) -> None:
        """List every principle, and the competences entries link to, with entry counts."""
        principles = Counter(p for e in self.entries for p in set(e.draft.principle_ids()))
        competences = Counter(c for e in self.entries for c in set(e.draft.competence_ids()))
        for principle in self.framework.principles:
            item = _checkable(f"{principle.name} ({principles[principle.id]})", principle.id,
                              checked=False)
            item.setToolTip(principle.definition or principle.name)
            self.principle_list.addItem(item)
        for competence in self.framework.competences:
            if competences[competence.id]:
                statement = " ".join(competence.statement.split())
                item = _checkable(f"{statement} ({competences[competence.id]})", competence.id,
                                  checked=False)
                item.setToolTip(statement)
                self.competence_list.addItem(item)
        self.competence_list.setVisible(self.competence_list.count() > 0)
        self.no_competences.setVisible(self.competence_list.count() == 0)

    def _filters(self) -> Selection:
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return Selection(date_from=self.date_from.date().toPython(),
                         date_to=self.date_to.date().toPython(), tags=tags,
                         principle_ids=frozenset(_checked(self.principle_list)),
                         competence_ids=frozenset(_checked(self.competence_list)))

    def _fill_entry_list(self) -> None:
        """List the entries the filters allow, keeping what was unticked by hand."""
        self.entry_list.blockSignals(True)
        self.entry_list.clear()
        for entry in self._filters().choose(self.entries):
            item = _checkable(f"{entry.occurred_on:%d %b %Y}  {entry.title or 'Untitled'}",
                              entry.id, checked=entry.id not in self._unticked)
            self.entry_list.addItem(item)
            _show_tick(item, emphasis="dim")
        self.entry_list.blockSignals(False)
        self.entries_label.setText(f"&Entries to include: {len(self.chosen_ids())} of "
                                   f"{len(self.entries)}")

    def chosen_ids(self) -> list[int]:
        """Return the ids of the entries ticked in the list."""
        return [int(i) for i in _checked(self.entry_list)]

    def choices(self) -> ExportChoices:
        """Return what the dialog would export (ticked findings replaced)."""
        piece = self.source.currentData()
        selection = dataclasses.replace(self._filters(),
                                        entry_ids=frozenset(self.chosen_ids()))
        return ExportChoices(fmt=DocumentFormat(self.format.currentData()),
                             shape=Shape(self.grouping.currentData()), selection=selection,
                             coursework_id=piece, appendix=self.appendix.isChecked(),
                             redact=True, keep=frozenset(self._kept))

    def chosen_entries(self) -> list[Entry]:
        """Return the entries the current choices export."""
        return list(self.prepared.entries) if self.prepared else []

    def _source_changed(self) -> None:
        is_piece = self.source.currentData() is not None
        self.entry_choices.setEnabled(not is_piece)
        for widget in (self.date_from, self.date_to, self.tags_edit, self.grouping):
            widget.setEnabled(not is_piece)
        self.appendix.setVisible(is_piece)
        self._schedule_refresh()

    def _choice_ticked(self, item: QListWidgetItem) -> None:
        _show_tick(item, emphasis="bold")
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._fill_entry_list()
        self._schedule_refresh()
        self.selection_changed.emit()

    def _entry_ticked(self, item: QListWidgetItem) -> None:
        entry_id = int(item.data(TARGET_ID_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self._unticked.discard(entry_id)
        else:
            self._unticked.add(entry_id)
        _show_tick(item, emphasis="dim")
        self.entries_label.setText(f"&Entries to include: {len(self.chosen_ids())} of "
                                   f"{len(self.entries)}")
        self._schedule_refresh()
        self.selection_changed.emit()

    def _finding_ticked(self, _row: QTreeWidgetItem, _column: int) -> None:
        self._kept = self.findings.kept_texts()
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    # ----------------------------------------------------------------- review and preview
    def refresh(self) -> None:
        """Check what the current choices would send out; show the findings and the preview."""
        self._refresh_timer.stop()
        self.prepared = prepare(self.store, self.choices(), entries=self.entries)
        self.findings.show_findings(self.prepared.findings, self._kept)
        count = len(self.prepared.findings)
        self.summary.setText(
            f"{count} possible identifying details found, in every field that would be "
            "exported. They are replaced with placeholders such as [Person A] unless you "
            "untick them." if count else "No identifying details found in what would be "
            "exported.")
        self._update_preview()
        self.preview_updated.emit()

    def _update_preview(self) -> None:
        assert self.prepared is not None
        scroll = self.preview.verticalScrollBar()
        position = scroll.value()
        page = standalone_html(compose(self.prepared, self.framework))
        self.preview.setHtml(_STYLE.sub("", page))
        scroll.setValue(min(position, scroll.maximum()))

    def kept_texts(self) -> set[str]:
        """Return the finding texts (casefolded) the user unticked: kept in this export only."""
        return set(self._kept)

    def mark_not_identifying(self) -> None:
        """Remember the selected finding's text as not identifying, for this journal."""
        row = self.findings.currentItem()
        if row is None:
            return
        text = str(row.data(0, FINDING_ROLE))
        ignored = [str(item) for item in self.store.setting(IGNORE_KEY, []) or []]
        if text.casefold() not in {item.casefold() for item in ignored}:
            self.store.set_setting(IGNORE_KEY, [*ignored, text])
        self.refresh()

    def clear_content(self) -> None:
        """Forget the entries and empty every list and the preview (when the journal locks)."""
        self._refresh_timer.stop()
        self._stop_job()
        self.entries, self.pieces, self.prepared = [], [], None
        for widget in (self.entry_list, self.principle_list, self.competence_list):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.findings.clear()
        self.summary.clear()
        self.preview.clear()
        self.entries_label.clear()

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        """Ask where to save, then write the export in the background, showing progress."""
        if self._runner is not None:
            return
        self.refresh()
        choices = self.choices()
        folder = self.settings.export_folder or str(Path.home())
        name = "coursework" if choices.coursework_id is None else _file_name(
            self.source.currentText().removeprefix("Coursework: "))
        path, _ = QFileDialog.getSaveFileName(self, "Save export",
                                              str(Path(folder) / f"{name}.{choices.fmt.suffix}"),
                                              _FILTERS[choices.fmt])
        if not path:
            return
        assert self.prepared is not None
        self.settings.export_format = choices.fmt.value
        self.settings.export_folder = str(Path(path).parent)
        request = ExportRequest(self.store, choices, self.prepared, self.framework, Path(path))
        self._runner = ExportRunner(request, self)
        self._runner.written.connect(self._export_written)
        self._runner.failed.connect(self._export_failed)
        self._runner.stopped.connect(self._export_stopped)
        self.save_button.setEnabled(False)
        self._runner.start()

    def _export_written(self, report: ExportReport) -> None:
        self.last_report = report
        self.saved.emit(str(report.target))
        box = QMessageBox(QMessageBox.Icon.Information, "Export saved", report.summary(),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText("Read it through before you send it: the check finds most "
                               "identifying details, not all.")
        open_folder = box.addButton("Open &folder", QMessageBox.ButtonRole.ActionRole)
        box.setObjectName("export-saved")
        box.finished.connect(lambda _result: self._after_saved(box, open_folder, report))
        box.open()

    def _after_saved(self, box: QMessageBox, open_folder: QPushButton,
                     report: ExportReport) -> None:
        if box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.target.parent)))
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


def _file_name(title: str) -> str:
    return re.sub(r"[^\w\- ]+", "", title).strip().replace(" ", "-")[:60] or "coursework"


def _choice_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def _buddy(text: str, buddy: QWidget, *, label: QLabel | None = None,
           bold: bool = True) -> QLabel:
    """Return a label whose &-mnemonic (Alt+letter) moves the focus to ``buddy``."""
    label = label or QLabel(text)
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    label.setBuddy(buddy)
    return label
