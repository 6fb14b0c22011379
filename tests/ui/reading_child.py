"""Run by test_startup_cost.py in a child process: read a journal in the app, then edit it.

Prints one JSON line per step with the heavy modules loaded by then, so the test can tell what
reading costs (no ORM) from what the first edit costs.
"""

from __future__ import annotations

import json
import os
import sys

from child_app import app_and_controller
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from psw_journal.ui.app import PASSPHRASE_ENV

HEAVY = ("sqlalchemy", "alembic")


def report(step: str, **extra: object) -> None:
    loaded = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
    print(json.dumps({"step": step, "loaded": loaded, **extra}), flush=True)


def main() -> None:
    app, controller = app_and_controller()
    unlocked: list[bool] = []
    controller.unlocked.connect(lambda: unlocked.append(True))
    controller.start(os.environ[PASSPHRASE_ENV])
    for _ in range(3000):
        if unlocked:
            break
        QTest.qWait(10)
    window = controller.window
    assert window is not None, "the journal did not unlock"
    app.processEvents()
    report("unlocked", rows=window.list_model.rowCount())

    window.filter_bar.search.setText("listening")
    QTest.qWait(600)
    window.entry_list.setCurrentIndex(window.list_model.index(0))
    app.processEvents()
    window.show_coverage()
    app.processEvents()
    report("read", rows=window.list_model.rowCount(), entry=window.session.entry_id)

    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(window.editor.body, " Added after supervision.")
    window.session.save_now()
    report("edited", entry=window.session.entry_id, state=window.editor.state.text())
    controller.quit()


if __name__ == "__main__":
    main()
