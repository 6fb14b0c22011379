"""A killed app loses at most the last two seconds of typing."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from psw_journal.persistence.store import JournalStore

pytestmark = pytest.mark.ui
CHILD = Path(__file__).with_name("crash_child.py")
CHUNKS_BEFORE_KILL = 16
LOSS_ALLOWED_S = 2.0


def _type_then_signal(
    tmp_path: Path, passphrase: str, sig: signal.Signals, *mode: str
) -> tuple[Path, dict[int, float], float, int]:
    """Run the typing child until it typed CHUNKS_BEFORE_KILL chunks, then send ``sig``.

    Returns:
        The journal, when each chunk was typed, when the signal went, the child's exit code.
    """
    journal = tmp_path / "journal.db"
    JournalStore.create(journal, passphrase).close()
    env = dict(os.environ, PSW_JOURNAL_PASSPHRASE=passphrase, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(journal), str(tmp_path / "settings"), *mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    typed_at: dict[int, float] = {}
    deadline = time.monotonic() + 30
    try:
        while len(typed_at) < CHUNKS_BEFORE_KILL and time.monotonic() < deadline:
            ready, _, _ = select.select([child.stdout], [], [], 1.0)
            if ready:
                line = child.stdout.readline()
                assert line, "the child stopped before it was signalled"
                typed_at[int(line.split()[1])] = time.monotonic()
        child.send_signal(sig)
        signalled_at = time.monotonic()
        code = child.wait(20)
    finally:
        child.kill()
        child.wait(10)
    assert len(typed_at) == CHUNKS_BEFORE_KILL
    return journal, typed_at, signalled_at, code


def test_sigterm_mid_typing_saves_everything_and_closes_the_journal(tmp_path, passphrase):
    """Logging out or shutting down sends SIGTERM: the app quits as if the user had."""
    journal, typed_at, _, code = _type_then_signal(tmp_path, passphrase, signal.SIGTERM, "term")
    assert code == 0
    assert not journal.with_name(journal.name + "-wal").exists(), "the journal was not closed"
    with JournalStore.open(journal, passphrase) as store:
        bodies = " ".join(entry.body for entry in store.iter_entries())
    assert [n for n in typed_at if f"chunk{n:03d}" not in bodies] == []


def test_sigkill_mid_typing_keeps_all_but_the_last_two_seconds(tmp_path, passphrase):
    journal, typed_at, killed_at, _ = _type_then_signal(tmp_path, passphrase, signal.SIGKILL)
    must_survive = [n for n, at in typed_at.items() if at < killed_at - LOSS_ALLOWED_S]
    assert must_survive, "the child typed for too short a time to test anything"
    with JournalStore.open(journal, passphrase) as store:
        bodies = " ".join(entry.body for entry in store.iter_entries())
    missing = [n for n in must_survive if f"chunk{n:03d}" not in bodies]
    assert not missing, f"lost chunks typed more than {LOSS_ALLOWED_S}s before the kill"
