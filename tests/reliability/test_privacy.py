"""No network, and no plaintext or passphrase left behind after a session of real use."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

from private_session import MARKER

from psw_journal.persistence.store import JournalStore

SCRIPT = Path(__file__).with_name("private_session.py")
PASSPHRASE = "Pa55phrase-that-must-never-leak"


def _session(tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path, Path, Path]:
    home = tmp_path / "home"
    for sub in ("config", "data", "cache", "tmp"):
        (home / sub).mkdir(parents=True)
    journal_dir = tmp_path / "journal"
    journal_dir.mkdir()
    export = tmp_path / "chosen" / "coursework.md"
    export.parent.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PSW_JOURNAL")},
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TMPDIR": str(home / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
        "PSW_JOURNAL_PASSPHRASE": PASSPHRASE,
    }
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(journal_dir / "journal.db"), str(export)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return result, home, journal_dir, export


def _readable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data += gzip.decompress(data)
    return data


def test_a_session_uses_no_network_and_leaves_no_plaintext(tmp_path: Path):
    result, home, journal_dir, export = _session(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "session complete" in result.stdout
    assert "network access attempted" not in result.stderr

    assert "07700 900123" not in export.read_text(encoding="utf-8")  # redacted on request
    with JournalStore.open(journal_dir / "journal.db", PASSPHRASE, write=False) as store:
        titles = sorted(s.title for s in store.list())
    assert titles == [f"CLI {MARKER}", f"GUI {MARKER}"]  # both the CLI and the app saved

    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != export]
    assert any(p.name == "journal.db" for p in written)
    for path in written:
        data = _readable(path)
        assert MARKER.encode() not in data, f"entry text readable in {path.relative_to(tmp_path)}"
        assert PASSPHRASE.encode() not in data, f"passphrase in {path.relative_to(tmp_path)}"
    stray = [
        p for p in written if journal_dir not in p.parents and home / "config" not in p.parents
    ]
    assert stray == [], f"files written outside the journal and settings folders: {stray}"
    assert PASSPHRASE not in result.stderr and PASSPHRASE not in result.stdout
