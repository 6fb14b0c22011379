"""End to end: import a real jrnl export, a Day One zip and a Markdown folder into a journal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cli_runner import Result, assert_one_line_error, run_cli

pytestmark = pytest.mark.e2e

PASSPHRASE = "correct horse"


def _import(fmt: str, source: Path, journal: Path) -> Result:
    return run_cli("import", "--format", fmt, source, "--journal", journal)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    result = run_cli("init", "--journal", path, passphrase=PASSPHRASE)
    assert result.code == 0, result
    return path


def _entries(journal: Path) -> list[dict[str, object]]:
    listed = run_cli("list", "--json", "--journal", journal, passphrase=PASSPHRASE)
    assert listed.code == 0, listed
    records: list[dict[str, object]] = json.loads(listed.out)
    return records


def _show(journal: Path, entry_id: object) -> dict[str, object]:
    shown = run_cli("show", "--json", str(entry_id), "--journal", journal, passphrase=PASSPHRASE)
    assert shown.code == 0, shown
    record: dict[str, object] = json.loads(shown.out)
    return record


# --------------------------------------------------------------------------- jrnl (real tool)


def _jrnl() -> str:
    found = shutil.which("jrnl", path=str(Path(sys.executable).parent)) or shutil.which("jrnl")
    if found is None:
        pytest.skip("jrnl is not installed (pip install jrnl; it is in the test extra)")
    return found


@pytest.fixture
def jrnl_export(tmp_path: Path) -> Path:
    """Write three entries with the real jrnl and export them with ``--format json``."""
    jrnl = _jrnl()
    home = tmp_path / "jrnl"
    home.mkdir()
    config = home / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {home / 'journal.txt'}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.0\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "NO_COLOR": "1"}

    def jrnl_run(*args: str) -> str:
        done = subprocess.run(
            [jrnl, "--config-file", str(config), *args],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    jrnl_run("2026-01-12 16:45: First shift on Cedar ward with @mentor. Felt nervous but ok.")
    jrnl_run("2026-01-19 09:10: Supervision about #boundaries. We talked about self-disclosure.")
    jrnl_run("2026-02-02 13:00: Walk with a service user to the library *")
    export = home / "export.json"
    export.write_text(jrnl_run("--format", "json"), encoding="utf-8")
    return export


def test_real_jrnl_export_imports_once(jrnl_export: Path, journal: Path):
    result = _import("jrnl-json", jrnl_export, journal)
    assert result.code == 0, result
    assert "Read 3 entries, 2026-01-12 to 2026-02-02." in result.out
    assert "Imported 3 entries." in result.out
    by_title = {r["title"]: r for r in _entries(journal)}
    assert set(by_title) == {
        "First shift on Cedar ward with @mentor.",
        "Supervision about #boundaries.",
        "Walk with a service user to the library",
    }
    first = by_title["First shift on Cedar ward with @mentor."]
    assert first["date"] == "2026-01-12"
    assert first["tags"] == ["mentor"]
    assert by_title["Supervision about #boundaries."]["tags"] == ["boundaries"]
    assert by_title["Walk with a service user to the library"]["tags"] == ["starred"]
    assert _show(journal, first["id"])["body"] == "Felt nervous but ok."

    again = _import("jrnl-json", jrnl_export, journal)
    assert again.code == 0, again
    assert "Imported 0 entries (3 already in the journal, skipped)." in again.out
    assert len(_entries(journal)) == 3


# --------------------------------------------------------------------------- Day One


def _dayone_zip(folder: Path) -> Path:
    """Build a Day One JSON export zip from its documented shape: Journal.json + photos/."""
    entries = [
        {
            "uuid": "4B1C8F0D2E3A4B5C9D8E7F6A5B4C3D2E",
            "creationDate": "2026-03-04T23:15:00Z",
            "modifiedDate": "2026-03-05T08:00:00Z",
            "timeZone": "Europe/London",
            "starred": True,
            "tags": ["Placement", "Reflection"],
            "text": "# Late call with my mentor\\.\n\nWe went over the week\\. "
            "Lots to think about\\!\n\n![](dayone-moment://F00DCAFE)\n\n\\- trust\n\\- pace",
            "photos": [
                {
                    "identifier": "F00DCAFE",
                    "md5": "d41d8cd98f00b204e9800998ecf8427e",
                    "type": "jpeg",
                }
            ],
            "location": {"localityName": "Leeds"},
        },
        {
            "uuid": "9A8B7C6D5E4F30211203F4E5D6C7B8A9",
            "creationDate": "2026-03-06T10:00:00Z",
            "timeZone": "America/New_York",
            "text": "Course day\n\nGroup work on co-production.",
        },
    ]
    journal = {"metadata": {"version": "1.0"}, "entries": entries}
    path = folder / "Export-Journal.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps(journal, indent=2))
        archive.writestr("photos/d41d8cd98f00b204e9800998ecf8427e.jpeg", b"\xff\xd8\xff\xe0")
    return path


def test_dayone_zip_imports_text_and_reports_the_photo(tmp_path: Path, journal: Path):
    export = _dayone_zip(tmp_path)
    result = _import("dayone", export, journal)
    assert result.code == 0, result
    assert "Read 2 entries, 2026-03-04 to 2026-03-06." in result.out
    assert "1 photo not imported" in result.out
    by_title = {r["title"]: r for r in _entries(journal)}
    late = by_title["Late call with my mentor."]
    assert late["date"] == "2026-03-04"
    assert late["tags"] == ["Placement", "Reflection", "starred"]
    body = str(_show(journal, late["id"])["body"])
    assert body == "We went over the week. Lots to think about!\n\n- trust\n- pace"
    assert by_title["Course day"]["date"] == "2026-03-06"

    again = _import("dayone", export, journal)
    assert "Imported 0 entries (2 already in the journal, skipped)." in again.out


# --------------------------------------------------------------------------- Markdown


def test_markdown_folder_imports_with_links(tmp_path: Path, journal: Path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2026-04-01 ward.md").write_text(
        "---\ntags: [ward]\nprinciples: [safe]\ncompetences: [crs_build_trust_rapport]\n---\n"
        "# First ward visit\n\nIt went fine.\n",
        encoding="utf-8",
    )
    (notes / "reading.md").write_text(
        "---\ntitle: Reading week\ndate: 2026-04-09\n---\nChapter three.", encoding="utf-8"
    )
    result = _import("markdown", notes, journal)
    assert result.code == 0, result
    assert "Imported 2 entries." in result.out
    by_title = {r["title"]: r for r in _entries(journal)}
    assert by_title["First ward visit"]["date"] == "2026-04-01"
    assert by_title["First ward visit"]["principles"] == ["safe"]
    assert by_title["First ward visit"]["competences"] == ["crs_build_trust_rapport"]
    assert by_title["Reading week"]["date"] == "2026-04-09"
    assert "Imported 0 entries" in _import("markdown", notes, journal).out


# --------------------------------------------------------------------------- broken inputs


def _broken_inputs(folder: Path) -> dict[str, tuple[str, Path, str]]:
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    (folder / "shape.json").write_text('{"entries": [{"title": "x", "date": "2026-13-01"}]}')
    (folder / "latin1.json").write_bytes('{"title": "caf\xe9"}'.encode("latin-1"))
    with zipfile.ZipFile(folder / "other.zip", "w") as archive:
        archive.writestr("readme.txt", "hello")
    (folder / "fake.zip").write_bytes(b"this is not a zip")
    (folder / "empty").mkdir()
    (folder / "binary").mkdir()
    (folder / "binary" / "a.md").write_bytes(b"\xff\xfe\xfa")
    return {
        "wrong JSON": ("jrnl-json", folder / "bad.json", "not valid JSON"),
        "bad date": ("jrnl-json", folder / "shape.json", "entry 1: 'date'"),
        "undecodable": ("jrnl-json", folder / "latin1.json", "not UTF-8"),
        "missing": ("jrnl-json", folder / "missing.json", "no such file"),
        "zip not Day One": ("dayone", folder / "other.zip", "not a Day One export"),
        "not a zip": ("dayone", folder / "fake.zip", "not a readable zip"),
        "jrnl as Day One": ("dayone", folder / "shape.json", "not a Day One journal"),
        "no md files": ("markdown", folder / "empty", "holds no Markdown"),
        "binary md": ("markdown", folder / "binary", "not UTF-8"),
    }


def test_broken_inputs_are_one_clear_error_and_import_nothing(tmp_path: Path, journal: Path):
    before = journal.read_bytes()
    for label, (fmt, source, fragment) in _broken_inputs(tmp_path).items():
        result = _import(fmt, source, journal)
        assert_one_line_error(result, fragment, "nothing was imported")
        assert "Traceback" not in result.err, label
    assert _entries(journal) == []
    assert journal.read_bytes() == before


def test_links_to_another_editions_ids_are_kept_and_reported(tmp_path: Path, journal: Path):
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "a.md").write_text("---\ncompetences: [made_up]\n---\nx")
    result = _import("markdown", folder, journal)
    assert result.code == 0, result
    assert "not in this framework (made_up)" in result.out
    assert [e["competences"] for e in _entries(journal)] == [["made_up"]]
