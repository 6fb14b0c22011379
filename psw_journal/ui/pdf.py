"""Coursework as PDF, printed by Qt (also used by ``psw-journal export --format pdf``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from psw_journal.core.errors import JournalError


def write_pdf(target: Path, document: str) -> None:
    """Print an HTML document to an A4 PDF at ``target``, through a temporary file."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    if QGuiApplication.instance() is None:
        QGuiApplication([sys.argv[0]])
    partial = target.with_name(target.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setHtml(document)
    doc.print_(writer)
    del writer
    try:
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise JournalError(f"Cannot write {target}: {exc.strerror}.") from exc
