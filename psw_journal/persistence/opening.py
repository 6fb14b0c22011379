"""Open a journal on a worker thread, so its key derivation overlaps other start-up work.

SQLCipher derives the key (~75 ms) without holding the GIL: meanwhile the app imports Qt and
builds its window, and a command reads and checks the framework.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar


class _Closable(Protocol):
    def close(self) -> None: ...


S = TypeVar("S", bound=_Closable)
T = TypeVar("T")


class BackgroundOpen(Generic[S]):
    """``open_journal()`` started on a worker thread now; :meth:`result` waits for it."""

    def __init__(self, open_journal: Callable[[], S]) -> None:
        self._outcome: list[S | BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(open_journal,), name="open-journal", daemon=True
        )
        self._thread.start()

    def _run(self, open_journal: Callable[[], S]) -> None:
        try:
            self._outcome.append(open_journal())
        except BaseException as exc:  # raised again on the caller's thread by result()
            self._outcome.append(exc)

    def result(self) -> S:
        """Return the open journal, or raise what opening it raised."""
        self._thread.join()
        (outcome,) = self._outcome
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def result_after(self, work: Callable[[], T]) -> tuple[S, T]:
        """Run ``work()`` here while the journal opens; return the journal and what it returned.

        If ``work`` fails, the journal is closed once open and the failure raised; if opening
        fails, that is raised.
        """
        try:
            done = work()
        except BaseException:
            self.discard()
            raise
        return self.result(), done

    def discard(self) -> None:
        """Wait for the opening and close the journal if it opened (the other work failed)."""
        self._thread.join()
        for outcome in self._outcome:
            if not isinstance(outcome, BaseException):
                outcome.close()
