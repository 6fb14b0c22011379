"""The start of a child-process app run by a UI test: ``child.py JOURNAL SETTINGS_DIR``."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from psw_journal.ui.app import configure_application
from psw_journal.ui.controller import AppController


def app_and_controller() -> tuple[QApplication, AppController]:
    """Return the app and a controller for the journal named on the command line."""
    journal, settings_dir = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([])
    configure_application(app)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    return app, AppController(journal)
