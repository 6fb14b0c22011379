"""The writer lock: one process at a time may change a journal.

An advisory lock on a small file beside the journal; the operating system drops it when its
process dies, so a killed app never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from psw_journal.core.errors import JournalError, JournalLocked


class WriterLock:
    """An advisory lock beside the journal that only one writing process can hold.

    The operating system drops the lock when its process dies, so a killed app never leaves a
    stale lock behind; the lock file itself holds nothing but the holder's process id.
    """

    def __init__(self, journal: Path) -> None:
        self.path = journal.with_name(journal.name + ".lock")
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock or raise JournalLocked with a message naming the holder.

        Args:
            wait: Seconds to keep trying while another process holds it.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise JournalError(
                f"Cannot save changes: {self.path.parent} is read-only ({exc.strerror}). "
                "The journal can still be read."
            ) from exc
        deadline = time.monotonic() + wait
        locked = _try_lock(fd)
        while not locked and time.monotonic() < deadline:
            time.sleep(0.05)
            locked = _try_lock(fd)
        if not locked:
            os.close(fd)
            raise JournalLocked(
                "The journal is already open for writing in another window or command "
                f"({self.path.with_suffix('').name}). Close it there and try again."
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        """Drop the lock if held."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: msvcrt locks a byte range instead.
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
