"""Unlocking and reading a journal in the app never loads the ORM; the first edit does.

SQLAlchemy costs about 0.15 s and 35 MB: paid at unlock it would put the main window out of
its start-up and memory targets (bench/README.md), so it waits for the first save.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from psw_journal.persistence.store import JournalStore

pytestmark = pytest.mark.ui
CHILD = Path(__file__).with_name("reading_child.py")


def test_reading_needs_no_orm_and_the_first_edit_saves(sample_journal, tmp_path, passphrase):
    env = dict(os.environ, PSW_JOURNAL_PASSPHRASE=passphrase, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(CHILD), str(sample_journal), str(tmp_path / "settings")],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    steps = {step["step"]: step for step in map(json.loads, done.stdout.splitlines())}

    assert steps["unlocked"]["rows"] == 15
    assert steps["unlocked"]["loaded"] == []
    assert steps["read"]["loaded"] == [], "searching, opening an entry or coverage loaded the ORM"
    assert steps["read"]["rows"] >= 1
    edited = steps["edited"]
    assert edited["loaded"] == ["sqlalchemy"]
    assert edited["state"] == "Saved"
    with JournalStore.open(sample_journal, passphrase, write=False) as store:
        assert store.get(edited["entry"]).body.endswith("Added after supervision.")
