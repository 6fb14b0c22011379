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


def test_check_and_export_read_a_0001_journal_without_upgrading_it(tmp_path: Path):

    from psw_journal.persistence import engine, schema

    env = {**os.environ, "PSW_JOURNAL_PASSPHRASE": "a long test passphrase"}
    path = tmp_path / "old.db"
    passphrase = env["PSW_JOURNAL_PASSPHRASE"]
    engine.create_new(path, passphrase).close()
    schema.upgrade(lambda: engine.connect(path, passphrase), "0001")
    conn = engine.connect(path, passphrase)
    try:
        conn.execute(
            "INSERT INTO entry (occurred_on, created_at, updated_at, title, body) VALUES "
            "('2026-05-01', '2026-05-01 10:00:00.000000', '2026-05-01 10:00:00.000000', "
            "'Visit', 'Kerry Tanner rang from 07700 900123.')"
        )
    finally:
        conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    found = json.loads(run(path, env, "check", "--json").stdout)
    assert {(f["kind"], f["text"]) for f in found} == {
        ("name", "Kerry Tanner"),
        ("phone", "07700 900123"),
    }
    out = tmp_path / "old.md"
    done = run(
        path, env, "export", "--format", "markdown", "--group-by", "date", "--out", str(out)
    )
    assert "Exported 1 entry" in done.stdout and "2 possible identifying" in done.stderr
    assert "Kerry Tanner" in out.read_text(encoding="utf-8")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # not upgraded


def test_a_second_export_reuses_stored_findings(
    journal: tuple[Path, dict[str, str]], tmp_path: Path
):
    path, env = journal
    first = run(path, env, "export", "--format", "markdown", "--out", str(tmp_path / "a.md"))
    second = run(path, env, "export", "--format", "markdown", "--out", str(tmp_path / "b.md"))
    assert first.stderr == second.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (tmp_path / "b.md").read_text(
        encoding="utf-8"
    )
    checked = json.loads(run(path, env, "check", "--json").stdout)
    assert len(checked) == int(first.stderr.split("Warning: ")[1].split()[0])


def test_export_after_an_edit_leaves_the_journal_byte_identical(journal, tmp_path) -> None:
    path, env = journal
    from psw_journal.core.entry import EntryDraft
    from psw_journal.persistence.store import JournalStore

    with JournalStore.open(path, env["PSW_JOURNAL_PASSPHRASE"]) as store:
        first = store.get(1)
        store.update(
            1, EntryDraft(title=first.title, body=first.body + "\nRang Sam on 07700 900777.")
        )
    before = sha(path)
    for command in (["check", "--json"], ["export", "--out", str(tmp_path / "c.md")]):
        assert run(path, env, *command).returncode == 0
    assert sha(path) == before  # findings of the edited entry are worked out, not stored


def test_the_authors_own_name_is_kept_and_never_listed(tmp_path: Path) -> None:
    from psw_journal.core.entry import EntryDraft
    from psw_journal.persistence.store import JournalStore

    env = {**os.environ, "PSW_JOURNAL_PASSPHRASE": "a long test passphrase"}
    path = tmp_path / "own.db"
    with JournalStore.create(path, env["PSW_JOURNAL_PASSPHRASE"]) as store:
        store.set_setting("profile", {"name": "Sam Reyes"})
        store.add(EntryDraft(title="First shift",
                             body="Sam Reyes, that's me, met Kerry Tanner at the hub."))
    found = json.loads(run(path, env, "check", "--json").stdout)
    assert {f["text"] for f in found} == {"Kerry Tanner"}
    run(path, env, "export", "--redact", "--group-by", "date", "--out", str(tmp_path / "o.md"))
    text = (tmp_path / "o.md").read_text(encoding="utf-8")
    assert "Sam Reyes, that's me, met [Person A]" in text
