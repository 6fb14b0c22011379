"""Run by test_crash.py in a child process: unlock a journal and type until killed."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from psw_journal.ui.app import PASSPHRASE_ENV, configure_application  # noqa: E402
from psw_journal.ui.controller import AppController  # noqa: E402

CHUNK_MS = 200


def main() -> None:
    """Type ``chunkNNN`` every CHUNK_MS into a new entry, printing each chunk's number."""
    journal, settings_dir = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([])
    configure_application(app)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    controller = AppController(journal)
    count = [0]
    timer = QTimer(interval=CHUNK_MS)

    def type_chunk() -> None:
        assert controller.window is not None
        QTest.keyClicks(controller.window.editor.body, f"chunk{count[0]:03d} ")
        print(f"typed {count[0]}", flush=True)
        count[0] += 1

    timer.timeout.connect(type_chunk)
    controller.unlocked.connect(lambda: QTimer.singleShot(0, timer.start))
    controller.start(os.environ[PASSPHRASE_ENV])
    app.exec()


if __name__ == "__main__":
    main()
