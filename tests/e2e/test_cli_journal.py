"""End to end: the psw-journal command on real encrypted journal files in a temp folder."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_runner import assert_one_line_error, run_cli

pytestmark = pytest.mark.e2e


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _samples(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory, sample_entries_path: Path) -> Path:
    """An empty journal and one with the samples imported, made once through the command."""
    folder = tmp_path_factory.mktemp("templates")
    result = run_cli("init", "--journal", folder / "empty.db")
    assert result.code == 0, result
    shutil.copy(folder / "empty.db", folder / "imported.db")
    result = run_cli("import", "--format", "jsonl", "--journal", folder / "imported.db",
                     sample_entries_path)
    assert result.code == 0, result
    assert "Imported 15 entries" in result.out
    return folder


@pytest.fixture
def journal(templates: Path, tmp_path: Path) -> Path:
    """A copy of a new, empty journal."""
    return Path(shutil.copy(templates / "empty.db", tmp_path / "journal.db"))


@pytest.fixture
def imported(templates: Path, tmp_path: Path) -> Path:
    """A copy of a journal holding the 15 samples, imported through the command."""
    return Path(shutil.copy(templates / "imported.db", tmp_path / "journal.db"))


def _list(journal: Path, *extra: str) -> list[dict[str, object]]:
    result = run_cli("list", "--json", "--journal", journal, *extra)
    assert result.code == 0, result
    records: list[dict[str, object]] = json.loads(result.out)
    return records


def test_imported_samples_list_back_with_their_links(imported: Path, sample_entries_path: Path):
    samples = _samples(sample_entries_path)
    listed = _list(imported)
    assert len(listed) == 15
    assert {r["title"] for r in listed} == {s["title"] for s in samples}
    by_title = {r["title"]: r for r in listed}
    for sample in samples:
        record = by_title[sample["title"]]
        assert record["date"] == sample["date"]
        assert record["tags"] == sample["tags"]
        assert record["principles"] == sample["principles"]
        assert set(record) >= {"id", "date", "title", "tags", "principles", "competences"}


def test_journal_bytes_hold_no_entry_text(templates: Path, sample_entries_path: Path):
    imported = templates / "imported.db"  # the folder the import itself wrote into
    files = [p for p in templates.rglob("*") if p.is_file()]
    assert any(p.parent.name.endswith("-backups") for p in files), "expected a daily backup"
    for sample in _samples(sample_entries_path):
        body_words = str(sample["body"]).split()
        needles = [str(sample["title"]), " ".join(body_words[:6]), " ".join(body_words[-6:])]
        for path in files:
            data = path.read_bytes()
            for needle in needles:
                assert needle.encode() not in data, f"{needle!r} readable in {path.name}"
    assert imported.stat().st_mode & 0o777 == 0o600


def test_search_finds_exactly_the_entries_with_a_word(imported: Path, sample_entries_path: Path):
    word = "allotment"
    expected = {
        s["title"]
        for s in _samples(sample_entries_path)
        if re.search(rf"\b{word}", f"{s['title']} {s['body']} {' '.join(s['tags'])}", re.I)
    }
    assert expected, "the samples should mention the word"
    result = run_cli("search", "--json", "--journal", imported, word)
    assert result.code == 0, result
    hits = json.loads(result.out)
    assert {h["title"] for h in hits} == expected
    assert all(f"*{word}" in h["snippet"].lower() for h in hits)


def test_search_treats_typed_operators_as_words(imported: Path):
    result = run_cli("search", "--journal", imported, 'group" AND -(NOT')
    assert result.code == 0, result
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "command",
    [("list",), ("coverage",), ("prompts",), ("export", "--format", "markdown"),
     ("suggest", "--entry", "1")],
    ids=["list", "coverage", "prompts", "export", "suggest"],
)
def test_wrong_passphrase_gets_one_line_and_changes_nothing(
    imported: Path, tmp_path: Path, command: tuple[str, ...]
):
    """Also for the commands that open the journal on a worker thread beside the framework."""
    before = _sha256(imported)
    if command[0] == "export":
        command = (*command, "--out", str(tmp_path / "out.md"))
    result = run_cli(*command, "--journal", imported, passphrase="not the passphrase")
    assert_one_line_error(result, "wrong passphrase")
    assert _sha256(imported) == before
    assert "hmac" not in result.err.lower()
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"Dear diary, today I went to the allotment.\n", "not a psw journal"),
        (b"", "empty"),
        (
            bytes(range(256)) * 64,
            "wrong passphrase",
        ),  # random-looking, page-sized: may be a journal
    ],
    ids=["text-file", "empty-file", "random-bytes"],
)
def test_foreign_files_get_one_line_and_stay_byte_identical(
    tmp_path: Path, content: bytes, fragment: str
):
    path = tmp_path / "foreign.db"
    path.write_bytes(content)
    before = _sha256(path)
    result = run_cli("list", "--journal", path)
    assert_one_line_error(result, fragment)
    assert _sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.db"]


def test_plain_sqlite_database_is_refused(tmp_path: Path):
    path = tmp_path / "plain.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    before = _sha256(path)
    assert_one_line_error(run_cli("list", "--journal", path), "unencrypted sqlite")
    assert _sha256(path) == before


def test_directory_and_missing_file(tmp_path: Path):
    assert_one_line_error(run_cli("list", "--journal", tmp_path), "folder")
    assert_one_line_error(run_cli("list", "--journal", tmp_path / "none.db"), "no journal")


def test_init_in_a_read_only_folder(readonly_dir: Path):
    result = run_cli("init", "--journal", readonly_dir / "journal.db")
    assert_one_line_error(result, "cannot create")
    assert list(readonly_dir.iterdir()) == []


def test_init_refuses_to_overwrite(journal: Path):
    before = _sha256(journal)
    assert_one_line_error(run_cli("init", "--journal", journal), "already exists")
    assert _sha256(journal) == before


def test_passphrase_is_never_an_argument(journal: Path):
    result = run_cli("list", "--journal", journal, "--passphrase", "secret")
    assert result.code == 2
    assert "unrecognized arguments" in result.err


def test_without_passphrase_or_terminal_the_command_says_what_to_do(journal: Path):
    result = run_cli("list", "--journal", journal, passphrase=None)
    assert_one_line_error(result, "PSW_JOURNAL_PASSPHRASE")


def test_bad_import_line_is_named_and_nothing_is_imported(
    journal: Path, tmp_path: Path, sample_entries_path: Path
):
    lines = sample_entries_path.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([*lines[:4], '{"title": "x", "stress": 9}', *lines[4:]]) + "\n")
    assert_one_line_error(run_cli("import", "--journal", journal, broken), "line 5", "stress")
    assert _list(journal) == []


@pytest.mark.parametrize(
    "content",
    [
        b'[{"title": "a JSON array, not JSON Lines"}]',
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"title,body\n",
    ],
    ids=["json-array", "binary", "csv"],
)
def test_import_of_a_file_that_is_not_json_lines(journal: Path, tmp_path: Path, content: bytes):
    path = tmp_path / "not.jsonl"
    path.write_bytes(content)
    assert_one_line_error(run_cli("import", "--journal", journal, path), "nothing was imported")
    assert _list(journal) == []


def test_jsonl_round_trip_is_exact(imported: Path, tmp_path: Path):
    first = tmp_path / "first.jsonl"
    assert run_cli("export", "--format", "jsonl", "--out", first, "--journal", imported).code == 0
    other = tmp_path / "other.db"
    assert run_cli("init", "--journal", other).code == 0
    assert run_cli("import", "--format", "jsonl", "--journal", other, first).code == 0
    second = tmp_path / "second.jsonl"
    assert run_cli("export", "--format", "jsonl", "--out", second, "--journal", other).code == 0
    header, *entries = first.read_text().splitlines()
    assert json.loads(header)["type"] == "journal"
    assert entries == second.read_text().splitlines()[1:]  # all but the export's own time
    assert len(entries) == 15
    assert first.stat().st_mode & 0o777 == 0o600  # it holds the whole journal, unencrypted


def test_importing_the_same_file_twice_adds_nothing(imported: Path, sample_entries_path: Path):
    result = run_cli("import", "--journal", imported, sample_entries_path)
    assert result.code == 0
    assert "Imported 0 entries (15 already in the journal" in result.out
    assert len(_list(imported)) == 15


def test_add_show_delete_and_restore(journal: Path):
    body = "Sat with K. while she waited for the bus. *Listening* mattered more than advice."
    added = run_cli(
        "add",
        "--journal",
        journal,
        "--title",
        "Bus stop",
        "--date",
        "2026-03-02",
        "--principle",
        "mutual",
        "--competence",
        "crs_listen_non_judgemental",
        "--tag",
        "#waiting",
        "--stress",
        "2",
        stdin=body,
    )
    assert added.code == 0, added
    entry_id = added.out.strip()
    shown = json.loads(run_cli("show", entry_id, "--json", "--journal", journal).out)
    assert shown["body"] == body
    assert shown["tags"] == ["waiting"]
    assert shown["principles"] == ["mutual"]
    assert shown["competences"] == ["crs_listen_non_judgemental"]
    assert (shown["date"], shown["stress"]) == ("2026-03-02", 2)

    assert run_cli("delete", entry_id, "--journal", journal).code == 0
    assert _list(journal) == []
    assert [r["title"] for r in _list(journal, "--trash")] == ["Bus stop"]
    assert run_cli("restore-entry", entry_id, "--journal", journal).code == 0
    assert [r["title"] for r in _list(journal)] == ["Bus stop"]


def test_show_of_a_missing_entry(journal: Path):
    assert_one_line_error(run_cli("show", "42", "--journal", journal), "no entry 42")


def test_backup_and_restore(imported: Path, tmp_path: Path):
    backup = tmp_path / "saved.db"
    assert run_cli("backup", "--out", backup, "--journal", imported).code == 0
    assert run_cli("delete", "1", "--journal", imported).code == 0
    assert len(_list(imported)) == 14

    restored = run_cli("restore", backup, "--journal", imported)
    assert restored.code == 0, restored
    assert len(_list(imported)) == 15
    kept = re.search(r"kept as (\S+)\.$", restored.out.strip())
    assert kept and Path(kept.group(1)).exists(), restored.out


def test_restore_refuses_a_file_that_is_not_a_backup(imported: Path, tmp_path: Path):
    fake = tmp_path / "fake.db"
    fake.write_text("not a backup")
    before = _sha256(imported)
    assert_one_line_error(run_cli("restore", fake, "--journal", imported), "not a psw journal")
    assert _sha256(imported) == before


def test_passwd_changes_the_passphrase(imported: Path):
    new = "new kettle orange"
    result = run_cli("passwd", "--journal", imported, env={"PSW_JOURNAL_NEW_PASSPHRASE": new})
    assert result.code == 0, result
    assert_one_line_error(run_cli("list", "--journal", imported), "wrong passphrase")
    listed = run_cli("list", "--json", "--journal", imported, passphrase=new)
    assert len(json.loads(listed.out)) == 15


def test_a_second_writer_is_refused(journal: Path):
    from psw_journal.persistence.store import JournalStore

    with JournalStore.open(journal, "correct horse"):
        result = run_cli("add", "--title", "x", "--journal", journal, stdin="body",
                         env={"PSW_JOURNAL_LOCK_WAIT": "0.3"})  # after waiting a moment
        assert_one_line_error(result, "already open")
        assert run_cli("list", "--journal", journal).code == 0  # readers are welcome
    assert run_cli("add", "--title", "x", "--journal", journal, stdin="body").code == 0


def test_usage_errors_exit_with_status_2(journal: Path):
    assert run_cli("add", "--journal", journal).code == 2  # --title missing
    assert run_cli("frobnicate").code == 2
    assert run_cli("add", "--title", "x", "--date", "yesterday", "--journal", journal).code == 2


def test_version():
    import psw_journal

    result = run_cli("--version", passphrase=None)
    assert result.out.strip() == f"psw-journal {psw_journal.__version__}"
