"""The export and check commands, run as a subprocess on a real encrypted journal."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("journal")
    env = {
        **os.environ,
        "PSW_JOURNAL_PASSPHRASE": "a long test passphrase",
        "QT_QPA_PLATFORM": "offscreen",
    }
    path = folder / "journal.db"
    run(path, env, "init")
    run(path, env, "import", "--format", "jsonl", str(ROOT / "tests/fixtures/entries.jsonl"))
    return path, env


def run(path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "psw_journal", "--journal", str(path), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_json_lists_findings(journal) -> None:
    path, env = journal
    records = json.loads(run(path, env, "check", "--json").stdout)
    assert {"entry_id", "field", "start", "end", "kind", "text"} <= set(records[0])
    texts = {r["text"] for r in records}
    assert {"977 799 6551", "WF4 2LS", "kerry.w.tanner@example.net"} <= texts


def test_export_warns_then_redacts_and_leaves_journal_unchanged(journal, tmp_path) -> None:
    path, env = journal
    before = sha(path)
    plain = run(path, env, "export", "--out", str(tmp_path / "a.md"))
    assert "--redact" in plain.stderr
    findings = json.loads(run(path, env, "check", "--json").stdout)
    run(
        path,
        env,
        "export",
        "--out",
        str(tmp_path / "b.md"),
        "--redact",
        "--group-by",
        "competence",
    )
    run(path, env, "export", "--out", str(tmp_path / "c.html"), "--format", "html", "--redact")
    for name in ("b.md", "c.html"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        leaked = [f["text"] for f in findings if f["kind"] != "name" and f["text"] in text]
        assert leaked == []
    assert "Precious Mhlanga" in (tmp_path / "a.md").read_text(encoding="utf-8")
    assert sha(path) == before


def test_pdf_export(journal, tmp_path) -> None:
    path, env = journal
    run(
        path,
        env,
        "export",
        "--out",
        str(tmp_path / "c.pdf"),
        "--format",
        "pdf",
        "--redact",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
    )
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
