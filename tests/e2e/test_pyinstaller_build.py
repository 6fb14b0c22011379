"""The PyInstaller one-folder build starts and reaches its bundled framework (slow)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def test_one_folder_build_runs_version_init_and_coverage(tmp_path: Path):
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller to build the app")
    dist, work = tmp_path / "dist", tmp_path / "work"
    built = subprocess.run(
        [str(ROOT / "packaging" / "build_pyinstaller.sh")],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, "DIST": str(dist), "WORK": str(work)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    app = dist / "psw-journal" / "psw-journal"
    assert (
        dist / "psw-journal" / "_internal" / "psw_journal" / "data" / "framework.json"
    ).is_file()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSW_JOURNAL")}
    env |= {"PSW_JOURNAL_PASSPHRASE": "frozen pass", "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(app), *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
        )

    version = run("--version")
    assert version.returncode == 0, version.stderr
    from psw_journal import __version__

    assert version.stdout.strip() == f"psw-journal {__version__}"
    journal = str(elsewhere / "journal.db")
    assert run("init", "--journal", journal).returncode == 0
    demo = str(ROOT / "data" / "demo_entries.jsonl")
    imported = run("import", "--format", "jsonl", demo, "--journal", journal)
    assert imported.returncode == 0, imported.stderr
    coverage = run("coverage", "--journal", journal)
    assert coverage.returncode == 0, coverage.stderr
    assert "of 78" in coverage.stdout
    shutil.rmtree(work, ignore_errors=True)
