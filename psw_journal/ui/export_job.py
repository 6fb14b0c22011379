"""Write an export off the GUI thread, so the window keeps painting and can say what it does.

The job calls the export service (the same one the command line uses) with what the dialog
prepared; it can be cancelled until writing starts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from psw_journal.core.errors import JournalError
from psw_journal.core.framework import Framework
from psw_journal.services.export import ExportReport, Prepared, export_document

#: A save that takes longer than this shows a progress dialog.
PROGRESS_AFTER_MS = 500


class _Cancelled(Exception):
    """The user cancelled before writing started."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """Everything one export needs: what to write (checked, with the choices), and where."""

    prepared: Prepared
    framework: Framework
    target: Path

    def describe(self) -> str:
        """Return what the job does first, in plain words."""
        if self.prepared.piece is not None:
            return f"Preparing {self.prepared.piece.title!r}…"
        count = len(self.prepared.entries)
        return f"Preparing {count} {'entry' if count == 1 else 'entries'}…"


class ExportJob(QObject):
    """Write one export; run :meth:`run` in a worker thread.

    Signals:
        phase_changed(str): The job moved on (preparing, writing), in plain words.
        written(object): The export was written; the argument is its ExportReport.
        failed(str): Nothing was written; the argument says why.
        cancelled(): The job stopped at the user's request; nothing was written.
    """

    phase_changed = Signal(str)
    written = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, request: ExportRequest) -> None:
        super().__init__()
        self.request = request
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop; honoured until writing starts (any thread may call this)."""
        self._cancel.set()

    def _progress(self, text: str) -> None:
        if self._cancel.is_set():
            raise _Cancelled
        self.phase_changed.emit(text)

    def run(self) -> None:
        """Write the document; report the outcome through a signal."""
        from psw_journal.ui.pdf import write_pdf

        request = self.request
        try:
            report: ExportReport = export_document(
                request.prepared, request.target, request.framework, pdf_writer=write_pdf,
                progress=self._progress)
        except _Cancelled:
            self.cancelled.emit()
        except JournalError as exc:
            self.failed.emit(str(exc))
        except (OSError, RuntimeError, ValueError) as exc:
            self.failed.emit(f"Could not save {request.target}: {exc}")
        else:
            self.written.emit(report)


class ExportRunner(QObject):
    """Run one :class:`ExportJob` in a worker thread behind a window-modal progress dialog.

    The progress dialog appears only when the save takes longer than ``PROGRESS_AFTER_MS``;
    it says what is happening and can cancel until writing starts.

    Signals:
        written(object): The export was written; the argument is its ExportReport.
        failed(str): Nothing was written; the argument says why.
        stopped(): The thread has ended, whatever the outcome (after written or failed); the
            runner may then be deleted.
    """

    written = Signal(object)
    failed = Signal(str)
    stopped = Signal()

    def __init__(self, request: ExportRequest, parent: QWidget) -> None:
        super().__init__(parent)
        self.progress = QProgressDialog(request.describe(), "Cancel", 0, 0, parent)
        self.progress.setWindowTitle("Saving export")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self._job: ExportJob | None = ExportJob(request)
        self._thread: QThread | None = QThread(self)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._thread.finished.connect(self._job.deleteLater)
        self._job.phase_changed.connect(self.progress.setLabelText)
        self._job.phase_changed.connect(self._writing_started)
        self._job.written.connect(self._job_written)
        self._job.failed.connect(self._job_failed)
        self._job.cancelled.connect(self.stop)
        # Cancel directly, not queued to the job: its thread is busy until the job returns.
        self.progress.canceled.connect(self._job.cancel, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        """Start the job; the progress dialog shows itself if it takes a while."""
        self.progress.setValue(0)
        assert self._thread is not None
        self._thread.start()

    def _writing_started(self, text: str) -> None:
        # Writing cannot be interrupted: hide the button rather than offer one that does nothing.
        if text.startswith("Writing"):
            self.progress.setCancelButton(None)

    def _job_written(self, report: ExportReport) -> None:
        self._end_thread()
        self.written.emit(report)
        self.stopped.emit()

    def _job_failed(self, message: str) -> None:
        self._end_thread()
        self.failed.emit(message)
        self.stopped.emit()

    def stop(self) -> None:
        """Cancel the job if it still runs, wait for its thread and close the progress dialog."""
        if self._thread is not None:
            self._end_thread()
            self.stopped.emit()

    def _end_thread(self) -> None:
        if self._thread is None:
            return
        if self._job is not None:
            self._job.cancel()
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._job = None
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()
