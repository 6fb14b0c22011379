"""The export dialog: choose entries and layout, review confidentiality findings, preview, save.

The journal is never changed by an export, except that findings marked "Not identifying"
are remembered in the journal's settings (``confidentiality_ignore``).
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QDate, Qt
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
    QListWidget,
    QListWidgetItem,
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

FINDING_ROLE = Qt.ItemDataRole.UserRole.value + 1
_KIND_LABELS = {"name": "Name", "nhs_number": "NHS number", "phone": "Phone", "email": "Email",
                "postcode": "Postcode", "date_of_birth": "Date of birth", "address": "Address",
                "ward_or_service": "Ward or service", "other": "Other detail"}


def sentence_around(text: str, finding: Finding) -> str:
    """Return the sentence holding a finding as HTML, with the finding highlighted."""
    start = max(text.rfind(mark, 0, finding.start) for mark in (". ", "\n", "? ", "! ")) + 1
    ends = [i for i in (text.find(mark, finding.end) for mark in (". ", "\n", "? ", "! "))
            if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    before, after = text[start:finding.start].lstrip(), text[finding.end:end].rstrip()
    return (f"{html.escape(before)}<b style='background:#ffe08a'>{html.escape(finding.text)}"
            f"</b>{html.escape(after)}")


class ExportDialog(QDialog):
    """Export coursework after a confidentiality review.

    Args:
        store: An open JournalStore (read; only settings are written).
        framework: The competence framework.
        parent: The parent widget.
    """

    def __init__(self, store: Any, framework: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export reflective coursework")
        self.store = store
        self.framework = framework
        self.entries: list[Entry] = list(store.iter_entries())
        self.ignored: list[str] = list(store.setting("confidentiality_ignore", []) or [])
        self.people: list[str] = list(store.setting("people", []) or [])
        self.profile: dict[str, Any] = dict(store.setting("profile", {}) or {})
        self._build()
        self._connect_signals()
        self.refresh_findings()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        what = QFormLayout()
        dates = [e.occurred_on for e in self.entries] or [QDate.currentDate().toPython()]
        self.date_from = QDateEdit(QDate(min(dates)), calendarPopup=True)
        self.date_to = QDateEdit(QDate(max(dates)), calendarPopup=True)
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
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("d MMM yyyy")
        what.addRow("From", self.date_from)
        what.addRow("To", self.date_to)
        what.addRow("Tags", self.tags_edit)
        what.addRow("Arrange", self.grouping)
        what.addRow("Format", self.format)
        self.entry_list = QListWidget()
        for entry in self.entries:
            item = QListWidgetItem(f"{entry.occurred_on}  {entry.title}")
            item.setData(FINDING_ROLE, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.entry_list.addItem(item)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(what)
        left_layout.addWidget(QLabel("Entries to include"))
        left_layout.addWidget(self.entry_list)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.findings = QTreeWidget()
        self.findings.setHeaderLabels(["Redact in export", "What", "Where it appears"])
        self.findings.setRootIsDecorated(False)
        self.findings.setWordWrap(True)
        self.findings.setColumnWidth(0, 130)
        self.findings.setColumnWidth(1, 150)
        self.not_identifying = QPushButton("Not identifying (remember for this journal)")
        self.preview_button = QPushButton("Preview")
        self.preview = QTextBrowser()
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(QLabel("<b>Confidentiality check</b>"))
        middle_layout.addWidget(self.summary)
        middle_layout.addWidget(self.findings, 3)
        row = QHBoxLayout()
        row.addWidget(self.not_identifying)
        row.addStretch()
        row.addWidget(self.preview_button)
        middle_layout.addLayout(row)
        middle_layout.addWidget(QLabel("<b>Preview</b>"))
        middle_layout.addWidget(self.preview, 2)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.setSizes([330, 770])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Save export…")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.buttons)
        self.resize(1100, 720)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.save)
        self.preview_button.clicked.connect(self.update_preview)
        self.not_identifying.clicked.connect(self.mark_not_identifying)
        self.entry_list.itemChanged.connect(lambda _item: self.refresh_findings())
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(lambda _date: self.refresh_findings())
        self.tags_edit.editingFinished.connect(self.refresh_findings)

    # ----------------------------------------------------------------- behaviour
    def options(self, *, redact: bool = True) -> ExportOptions:
        """Return the export options chosen in the dialog."""
        ids = frozenset(
            int(self.entry_list.item(i).data(FINDING_ROLE)) for i in range(self.entry_list.count())
            if self.entry_list.item(i).checkState() == Qt.CheckState.Checked)
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        kept = tuple(self.kept_texts())
        return ExportOptions(
            grouping=Grouping(self.grouping.currentData()),
            date_from=self.date_from.date().toPython(), date_to=self.date_to.date().toPython(),
            tags=tags, redact=redact, people=tuple(self.people),
            ignore=tuple(self.ignored) + kept, entry_ids=ids)

    def chosen_entries(self) -> list[Entry]:
        """Return the entries the current choices export."""
        return select_entries(self.entries, self.options())

    def refresh_findings(self) -> None:
        """Run the confidentiality check on the chosen entries and list what it finds."""
        self.findings.clear()
        own = [str(self.profile.get("name") or "")]
        for entry in self.chosen_entries():
            for field_name in ("title", "body"):
                text = getattr(entry, field_name)
                for finding in find_identifiers(text, people=self.people, own_names=own,
                                                ignore=self.ignored):
                    self._add_finding(entry, text, finding)
        count = self.findings.topLevelItemCount()
        self.summary.setText(
            f"{count} possible identifying details found. They are replaced with placeholders "
            "such as [Person A] unless you untick them." if count else
            "No identifying details found in the chosen entries.")

    def _add_finding(self, entry: Entry, text: str, finding: Finding) -> None:
        item = QTreeWidgetItem(self.findings, ["", _KIND_LABELS[finding.kind.value], ""])
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setData(0, FINDING_ROLE, finding.text)
        item.setToolTip(1, finding.text)
        label = QLabel(f"<b>{html.escape(entry.title)}</b><br>{sentence_around(text, finding)}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
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

    def clear_content(self) -> None:
        """Forget the entries and empty every list and the preview (when the journal locks)."""
        self.entries = []
        self.profile = {}
        self.people = []
        self.entry_list.blockSignals(True)
        self.entry_list.clear()
        self.entry_list.blockSignals(False)
        self.findings.clear()
        self.summary.clear()
        self.preview.clear()

    def markdown_text(self) -> str:
        """Return the export's Markdown with the current choices."""
        return render_markdown(self.entries, self.framework, self.profile, self.options())

    def update_preview(self) -> None:
        """Show the export as it will be saved."""
        page = render_html(self.markdown_text())
        self.preview.setHtml(re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL))

    def save(self) -> None:
        """Ask where to save, then write the export."""
        fmt = str(self.format.currentData())
        suffix = {"markdown": "md", "html": "html", "pdf": "pdf", "docx": "docx"}[fmt]
        path, _ = QFileDialog.getSaveFileName(self, "Save export", f"coursework.{suffix}")
        if not path:
            return
        from pathlib import Path

        from psw_journal.cli.export_cli import _write

        _write(fmt, Path(path), self.markdown_text())
        self.accept()
