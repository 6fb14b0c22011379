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


def test_sigkill_mid_typing_keeps_all_but_the_last_two_seconds(tmp_path, passphrase):
    journal = tmp_path / "journal.db"
    JournalStore.create(journal, passphrase).close()
    env = dict(os.environ, PSW_JOURNAL_PASSPHRASE=passphrase, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(journal), str(tmp_path / "settings")],
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
                assert line, "the child stopped before it was killed"
                typed_at[int(line.split()[1])] = time.monotonic()
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        child.kill()
        child.wait(10)
    assert len(typed_at) == CHUNKS_BEFORE_KILL
    must_survive = [n for n, at in typed_at.items() if at < killed_at - LOSS_ALLOWED_S]
    assert must_survive, "the child typed for too short a time to test anything"
    with JournalStore.open(journal, passphrase) as store:
        bodies = " ".join(entry.body for entry in store.iter_entries())
    missing = [n for n in must_survive if f"chunk{n:03d}" not in bodies]
    assert not missing, f"lost chunks typed more than {LOSS_ALLOWED_S}s before the kill"
