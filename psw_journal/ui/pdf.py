"""Documents as PDF, printed by Qt (also used by ``psw-journal export --format pdf``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from psw_journal.core.documents.model import DocumentInfo


def write_pdf(target: Path, page: str, info: DocumentInfo) -> None:
    """Print an HTML page to an A4 PDF at ``target``, with its title and author set.

    The page loads nothing: images and style sheets named in it are never read from disk
    or fetched (the exported HTML has none; this keeps it so whatever the page says).
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    if QGuiApplication.instance() is None:
        QGuiApplication([sys.argv[0]])

    class _Sealed(QTextDocument):
        def loadResource(self, kind: int, name: Any) -> Any:  # noqa: N802 - Qt override
            return None

    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(info.title)
    writer.setAuthor(info.profile.name)
    writer.setCreator("PSW Reflective Journal")
    document = _Sealed()
    document.setDocumentMargin(0)
    document.setHtml(page)
    document.print_(writer)
    del writer  # finishes the file
