"""The export dialog: choose what to export, review what it would send out, preview, save.

A thin front end over :mod:`psw_journal.services.export`, the service the command line uses
too: the dialog only gathers the choices (in :mod:`export_choices`), shows the service's
findings and preview, and runs the save in the background (:mod:`export_job`). The journal is
never changed by an export, except that findings marked "Not identifying" are remembered in
its settings.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

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
from psw_journal.ui.export_choices import TARGET_ID_ROLE, ExportChoicesPanel
from psw_journal.ui.export_job import ExportRequest, ExportRunner
from psw_journal.ui.findings_view import FINDING_ROLE, FindingsView
from psw_journal.ui.settings import AppSettings

__all__ = ["TARGET_ID_ROLE", "ExportDialog"]

#: Findings and preview are redone this long after the last change (keeps typing smooth).
REFRESH_DELAY_MS = 250
_FILTERS = {DocumentFormat.MARKDOWN: "Markdown (*.md)", DocumentFormat.HTML: "Web page (*.html)",
            DocumentFormat.PDF: "PDF (*.pdf)", DocumentFormat.DOCX: "Word document (*.docx)"}
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


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
        self.choice_panel = ExportChoicesPanel(list(store.iter_entries()),
                                               store.coursework_pieces(), framework,
                                               self.settings.export_format)
        self.prepared: Prepared | None = None
        self.last_report: ExportReport | None = None
        self._kept: set[str] = set()
        self._runner: ExportRunner | None = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self.summary = QLabel()
        self.findings = FindingsView()
        self.not_identifying = QPushButton("&Not identifying (remember for this journal)")
        self.preview = QTextBrowser()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self._build()
        self._connect_signals()
        if coursework_id is not None:
            self.choice_panel.choose_piece(coursework_id)
        self.refresh()
        self.choice_panel.source.setFocus()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.choice_panel)
        splitter.addWidget(self._build_review())
        splitter.setSizes([400, 780])
        splitter.setChildrenCollapsible(False)
        self.save_button.setText("Save export…")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.buttons)
        self.resize(1200, 780)

    def _build_review(self) -> QWidget:
        self.summary.setWordWrap(True)
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
        self.choice_panel.changed.connect(self._schedule_refresh)
        self.choice_panel.selection_changed.connect(self.selection_changed)
        self.findings.itemChanged.connect(self._finding_ticked)
        self._refresh_timer.timeout.connect(self.refresh)

    # ----------------------------------------------------------------- choices
    def choices(self) -> ExportChoices:
        """Return what the dialog would export (ticked findings replaced)."""
        return self.choice_panel.choices(frozenset(self._kept))

    def chosen_entries(self) -> list[Entry]:
        """Return the entries the current choices export."""
        return list(self.prepared.entries) if self.prepared else []

    def _finding_ticked(self, _row: QTreeWidgetItem, _column: int) -> None:
        self._kept = self.findings.kept_texts()
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    # ----------------------------------------------------------------- review and preview
    def refresh(self) -> None:
        """Check what the current choices would send out; show the findings and the preview."""
        self._refresh_timer.stop()
        self.prepared = prepare(self.store, self.choices(), entries=self.choice_panel.entries)
        self.findings.show_findings(self.prepared.findings, self._kept)
        count = len(self.prepared.findings)
        self.summary.setText(
            f"{count} possible identifying details found, in every field that would be "
            "exported. They are replaced with placeholders such as [Person A] unless you "
            "untick them." if count else "No identifying details found in what would be "
            "exported.")
        self._update_preview(self.prepared)
        self.preview_updated.emit()

    def _update_preview(self, prepared: Prepared) -> None:
        scroll = self.preview.verticalScrollBar()
        position = scroll.value()
        page = standalone_html(compose(prepared, self.framework))
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
        self.prepared = None
        self.choice_panel.clear()
        self.findings.clear()
        self.summary.clear()
        self.preview.clear()

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        """Ask where to save, then write the export in the background, showing progress."""
        if self._runner is not None:
            return
        self.refresh()
        choices = self.choices()
        folder = self.settings.export_folder or str(Path.home())
        name = self.choice_panel.file_name()
        path, _ = QFileDialog.getSaveFileName(self, "Save export",
                                              str(Path(folder) / f"{name}.{choices.fmt.suffix}"),
                                              _FILTERS[choices.fmt])
        if not path:
            return
        assert self.prepared is not None
        self.settings.export_format = choices.fmt.value
        self.settings.export_folder = str(Path(path).parent)
        request = ExportRequest(self.prepared, self.framework, Path(path))
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
