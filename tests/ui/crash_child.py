"""Run by test_crash.py in a child process: unlock a journal and type until killed.

With a third argument ``term``, SIGTERM quits the app as ``psw-journal`` does.
"""

from __future__ import annotations

import os
import sys

from child_app import app_and_controller
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from psw_journal.ui.app import PASSPHRASE_ENV, quit_on_terminate

CHUNK_MS = 200


def main() -> None:
    """Type ``chunkNNN`` every CHUNK_MS into a new entry, printing each chunk's number."""
    app, controller = app_and_controller()
    count = [0]
    timer = QTimer(interval=CHUNK_MS)

    def type_chunk() -> None:
        assert controller.window is not None
        QTest.keyClicks(controller.window.editor.body, f"chunk{count[0]:03d} ")
        print(f"typed {count[0]}", flush=True)
        count[0] += 1

    timer.timeout.connect(type_chunk)
    controller.unlocked.connect(lambda: QTimer.singleShot(0, timer.start))
    stop_watching = quit_on_terminate(controller.quit) if sys.argv[3:] == ["term"] else None
    controller.start(os.environ[PASSPHRASE_ENV])
    app.exec()
    if stop_watching is not None:
        stop_watching()


if __name__ == "__main__":
    main()
