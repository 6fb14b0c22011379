"""Journal > Import…: choose a file, see what it holds, then import every new entry or none."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from psw_journal.core.errors import JournalError
from psw_journal.core.importing import ImportPreview
from psw_journal.ui.busy import busy
from psw_journal.ui.dates import long_date
from psw_journal.ui.import_source import ImportSource, read_source
from psw_journal.ui.journal_bridge import JournalBridge
from psw_journal.ui.plurals import counted
from psw_journal.ui.widgets.labels import buddy_label

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework

#: How many notes and how many unreadable files the preview lists before summing up the rest
#: (the command line lists them all).
SHOWN_PROBLEMS = 8
SHOWN_UNREADABLE = 100
#: How long after the last keystroke a typed path is previewed.
TYPING_PAUSE_MS = 600


class ImportDialog(QDialog):
    """Preview an import, then import all of it (entries already in the journal are skipped).

    Files or records that cannot be read are listed in the preview; Import brings in the rest.

    Signals:
        imported(int): entries were added to the journal (how many).
    """

    imported = Signal(int)

    def __init__(self, bridge: JournalBridge, framework: Framework | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import entries"))
        self.setMinimumSize(580, 420)
        self._bridge, self._framework = bridge, framework
        self.preview: ImportPreview | None = None
        self.fresh: ImportPreview | None = None
        self._checked: tuple[ImportSource, str] | None = None
        self.source = QComboBox()
        for source, label in self._source_labels():
            self.source.addItem(label, source)
        self.path = QLineEdit(placeholderText=self.tr("Choose a file"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_area = QScrollArea(widgetResizable=True)
        self.summary_area.setFrameShape(QFrame.Shape.NoFrame)
        self.error = QLabel("", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._build()
        self._connect_signals()
        self._set_result(None)

    def _source_labels(self) -> list[tuple[ImportSource, str]]:
        return [
            (ImportSource.JSONL, self.tr("This app's export (JSON Lines, .jsonl)")),
            (ImportSource.JRNL_JSON, self.tr("jrnl JSON export (jrnl --export json)")),
            (ImportSource.JRNL_MARKDOWN,
             self.tr("jrnl Markdown export (jrnl --export markdown)")),
            (ImportSource.JRNL_YAML, self.tr("jrnl YAML export, a folder (jrnl --export yaml)")),
            (ImportSource.DAYONE, self.tr("Day One export (.zip or .json)")),
            (ImportSource.MARKDOWN,
             self.tr("A folder of Markdown notes (.md, an Obsidian vault)")),
        ]

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.source)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        form.addRow(buddy_label(self.tr("F&ile:"), self.path), row)
        layout.addLayout(form)
        box = QGroupBox(self.tr("What will be imported"))
        # A long preview scrolls rather than pushing the buttons off screen, and an error
        # shown below it shortens the view instead of clipping its text.
        self.summary_area.setWidget(self.summary)
        self.summary_area.setMinimumHeight(140)
        self.summary_area.viewport().setAutoFillBackground(False)
        self.summary.setAutoFillBackground(False)
        QVBoxLayout(box).addWidget(self.summary_area)
        layout.addWidget(box, 1)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("color: white; background: #a33a3a; padding: 6px;"
                                 "border-radius: 4px;")
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for widget, name in ((self.source, self.tr("Format")), (self.path, self.tr("File")),
                             (self.summary, self.tr("What will be imported"))):
            widget.setAccessibleName(name)

    def _connect_signals(self) -> None:
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.path.textEdited.connect(lambda _text: self._typing.start())
        self.path.editingFinished.connect(self.check)
        self._typing.timeout.connect(self.check)
        self.choose_button.clicked.connect(self.choose)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.path.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Make Enter in the file field preview the file rather than import it at once."""
        if (watched is self.path and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._checked = None
            self.check()
            return True
        return super().eventFilter(watched, event)

    def current_source(self) -> ImportSource:
        """Return the chosen format."""
        return ImportSource(self.source.currentData())

    def set_source(self, source: ImportSource, path: Path) -> None:
        """Choose a format and file, then preview them (also used by tests)."""
        self.source.setCurrentIndex(self.source.findData(source))
        self.path.setText(str(path))
        self.check()

    def _on_source_changed(self) -> None:
        folder = self.current_source().is_folder
        self.path.setPlaceholderText(self.tr("Choose a folder") if folder
                                     else self.tr("Choose a file"))
        if self.path.text().strip():
            self.check()

    def choose(self) -> None:
        """Ask for the file (or folder), then preview it."""
        source = self.current_source()
        if source.is_folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"))
        else:
            filters = {
                ImportSource.JSONL: self.tr("JSON Lines (*.jsonl *.json);;All files (*)"),
                ImportSource.JRNL_JSON: self.tr("JSON (*.json);;All files (*)"),
                ImportSource.JRNL_MARKDOWN: self.tr("Markdown (*.md *.txt);;All files (*)"),
                ImportSource.DAYONE: self.tr("Day One export (*.zip *.json);;All files (*)"),
            }
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("File to import"), "",
                                                    filters[source])
        if chosen:
            self.path.setText(chosen)
            self.check()

    def check(self) -> None:
        """Read the chosen file and show what importing it would add (nothing is stored)."""
        self._typing.stop()
        text = self.path.text().strip()
        if self._checked == (self.current_source(), text):
            return  # Enter, then leaving the field: one preview is enough
        self._checked = (self.current_source(), text)
        if not text:
            self._set_result(None)
            return
        try:
            with busy(None, ""):
                preview = read_source(self.current_source(), Path(text).expanduser(),
                                      self._framework)
                fresh = preview.fresh(self._bridge.known_entries(preview))
        except JournalError as exc:
            self._set_result(None, self.tr("{0} Nothing will be imported.").format(exc))
            return
        self.preview, self.fresh = preview, fresh
        self._set_result(preview, "")

    def _set_result(self, preview: ImportPreview | None, problem: str = "") -> None:
        if preview is None:
            self.preview = self.fresh = None
            self.summary.setText(self.tr("Choose what to import. Nothing is added to your "
                                         "journal until you press Import."))
        else:
            self.summary.setText(self.summary_html())
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        count = self.fresh.count if self.fresh is not None else 0
        restores = self.fresh is not None and bool(self.fresh.settings)
        self.import_button.setEnabled(count > 0 or restores)
        self.import_button.setText(
            counted("ImportDialog", "&Import {0} entry", "&Import {0} entries", count) if count
            else self.tr("&Import"))

    def summary_html(self) -> str:
        """Describe the preview: entries, dates, what is skipped, unreadable or left out."""
        assert self.preview is not None and self.fresh is not None
        preview, fresh = self.preview, self.fresh
        lines = [counted("ImportDialog", "<b>{0} entry</b> found.", "<b>{0} entries</b> found.",
                         preview.count)]
        if preview.trashed:
            lines.append(counted("ImportDialog", "{0} of them is in the trash.",
                                 "{0} of them are in the trash.", preview.trashed))
        span = preview.date_range
        if span is not None:
            lines.append(self.tr("Dated {0} to {1}.").format(long_date(span[0]),
                                                            long_date(span[1])))
        skipped = preview.count - fresh.count
        if skipped:
            lines.append(counted(
                "ImportDialog",
                "{0} is already in your journal: it will be skipped.",
                "{0} are already in your journal: they will be skipped.",
                skipped))
        lines.append(counted("ImportDialog", "<b>{0} new entry</b> will be added.",
                             "<b>{0} new entries</b> will be added.", fresh.count)
                     if fresh.count else self.tr("<b>Nothing new to import.</b>"))
        lines += self._settings_lines()
        text = "<br>".join(lines) + self._unreadable_html()
        problems = [html.escape(p) for p in preview.problems[:SHOWN_PROBLEMS]]
        if len(preview.problems) > SHOWN_PROBLEMS:
            problems.append(self.tr("… and {0} more.").format(
                len(preview.problems) - SHOWN_PROBLEMS))
        if problems:
            text += ("<p>" + self.tr("Not everything comes along as it was:") + "</p><ul>"
                     + "".join(f"<li>{p}</li>" for p in problems) + "</ul>")
        return text

    def _settings_lines(self) -> list[str]:
        assert self.preview is not None and self.fresh is not None
        if not self.preview.settings:
            return []
        names = html.escape(", ".join(key for key, _ in self.preview.settings))
        if self.fresh.settings:
            return [self.tr("Its settings will be restored: {0}.").format(names)]
        return [self.tr("Your journal already has entries, so its settings stay as they are "
                        "(the file's are not imported: {0}).").format(names)]

    def _unreadable_html(self) -> str:
        assert self.preview is not None and self.fresh is not None
        unreadable = self.preview.unreadable
        if not unreadable:
            return ""
        head = (counted("ImportDialog",
                        "<b>{0} file cannot be read</b> and will not be imported",
                        "<b>{0} files cannot be read</b> and will not be imported",
                        len(unreadable)) if self.current_source().is_folder else
                counted("ImportDialog",
                        "<b>{0} entry cannot be read</b> and will not be imported",
                        "<b>{0} entries cannot be read</b> and will not be imported",
                        len(unreadable)))
        rest = (self.tr("; Import brings in the other entries:") if self.fresh.count
                else ":")
        items = [f"<li>{html.escape(item.where)}: {html.escape(item.reason)}</li>"
                 for item in unreadable[:SHOWN_UNREADABLE]]
        if len(unreadable) > SHOWN_UNREADABLE:
            items.append("<li>" + self.tr("… and {0} more.").format(
                len(unreadable) - SHOWN_UNREADABLE) + "</li>")
        return f"<p>{head}{rest}</p><ul>{''.join(items)}</ul>"

    def run_import(self) -> None:
        """Import every new entry in one go, or none if anything goes wrong."""
        if self.preview is None or not self.import_button.isEnabled():
            return
        try:
            with busy(None, ""):
                outcome = self._bridge.import_entries(self.preview)
        except JournalError as exc:
            self._set_result(self.preview, self.tr("{0} Nothing was imported.").format(exc))
            return
        self.imported.emit(outcome.added.count)
        self.accept()
