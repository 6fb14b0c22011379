"""Kill a writing process at random moments; every save it reported must still be there."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_crash_child import PASSPHRASE

from psw_journal.persistence.store import EntryQuery, JournalStore

CHILD = Path(__file__).with_name("store_crash_child.py")
QUICK_KILLS = 12
FULL_KILLS = int(os.environ.get("PSW_CRASH_KILLS", "200"))
_VERSION = re.compile(r"version (\d+)")


def _run_and_kill(journal: Path, seed: int, rng: random.Random) -> dict[int, int]:
    """Start the child, kill it after a random moment of writing, return what it reported."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(journal), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
    time.sleep(rng.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    reported: dict[int, int] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:  # a torn last line was never reported as done
            reported[int(parts[1])] = max(reported.get(int(parts[1]), 0), int(parts[2]))
    return reported


def _check(journal: Path, reported: dict[int, int]) -> None:
    with JournalStore.open(journal, PASSPHRASE) as store:  # also proves the lock was released
        assert store.integrity_problems() == []
        for entry_id, version in reported.items():
            body = store.get(entry_id).body
            match = _VERSION.search(body)
            assert match and int(match.group(1)) >= version, (entry_id, version, body[:40])
        assert store.count(EntryQuery(limit=None)) >= len(reported)


def _crash_loop(tmp_path: Path, kills: int) -> int:
    journal = tmp_path / "journal.db"
    JournalStore.create(journal, PASSPHRASE).close()
    rng = random.Random(20261124)
    everything: dict[int, int] = {}
    for round_number in range(kills):
        reported = _run_and_kill(journal, seed=round_number, rng=rng)
        for entry_id, version in reported.items():
            everything[entry_id] = max(everything.get(entry_id, 0), version)
        _check(journal, everything)
    return len(everything)


def test_every_reported_save_survives_sigkill(tmp_path: Path):
    assert _crash_loop(tmp_path, QUICK_KILLS) > 0


@pytest.mark.slow
def test_every_reported_save_survives_many_sigkills(tmp_path: Path):
    entries = _crash_loop(tmp_path, FULL_KILLS)
    print(f"\n{FULL_KILLS} kills survived, {entries} entries checked")
