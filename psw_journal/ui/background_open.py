"""Open a journal on a worker thread, so its key derivation overlaps the app's start-up.

SQLCipher derives the key (~75 ms) without holding the GIL, so the GUI thread meanwhile
imports Qt and builds the main window. Nothing here touches Qt.
"""

from __future__ import annotations

import threading
from pathlib import Path

from psw_journal.persistence.store import JournalStore


class BackgroundOpen:
    """``JournalStore.open(path, passphrase)`` started now; :meth:`result` waits for it."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self._outcome: list[JournalStore | BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(path, passphrase), name="open-journal", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path, passphrase: str) -> None:
        try:
            self._outcome.append(JournalStore.open(path, passphrase))
        except BaseException as exc:  # raised again on the GUI thread by result()
            self._outcome.append(exc)

    def result(self) -> JournalStore:
        """Return the open store, or raise what opening it raised."""
        self._thread.join()
        (outcome,) = self._outcome
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def discard(self) -> None:
        """Wait for the opening and close the store if it opened (start-up failed)."""
        self._thread.join()
        for outcome in self._outcome:
            if isinstance(outcome, JournalStore):
                outcome.close()
