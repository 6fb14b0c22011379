"""End to end: import real jrnl exports, a Day One zip and a vault into an encrypted journal.

Each test says what is kept and what is reported; hostile inputs are one clear line each and
leave the journal byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cli_runner import Result, assert_one_line_error, run_cli

pytestmark = pytest.mark.e2e

PASSPHRASE = "correct horse"


def _import(fmt: str, source: Path, journal: Path, *extra: str) -> Result:
    return run_cli("import", "--format", fmt, *extra, source, "--journal", journal)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    result = run_cli("init", "--journal", path, passphrase=PASSPHRASE)
    assert result.code == 0, result
    return path


def _entries(journal: Path, *extra: str) -> list[dict[str, object]]:
    listed = run_cli("list", "--json", *extra, "--journal", journal, passphrase=PASSPHRASE)
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


JRNL_ENTRIES = (
    "2026-01-12 09:00: Same text.",
    "2026-01-12 16:45: First shift on Cedar ward with @mentor. Felt nervous but ok. "
    "#ward #nights #reflection #placement",
    "2026-01-12 21:00: Same text.",
    "2026-01-19 09:10: Supervision about #boundaries. We talked about self-disclosure.",
    "2026-02-02 13:00: Walk with a service user to the library *",
)


@pytest.fixture(scope="module")
def jrnl_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Write entries with the real jrnl; export them as JSON (twice), Markdown and YAML."""
    jrnl = _jrnl()
    home = tmp_path_factory.mktemp("jrnl")
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

    def jrnl_run(*args: str, seed: str = "0") -> str:
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "NO_COLOR": "1",
               "PYTHONHASHSEED": seed}  # jrnl lists tags in set order: the seed changes it
        done = subprocess.run([jrnl, "--config-file", str(config), *args], capture_output=True,
                              text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    for entry in JRNL_ENTRIES:
        jrnl_run(entry)
    exports = {"json": home / "export.json", "markdown": home / "export.md"}
    exports["json"].write_text(jrnl_run("--export", "json"), encoding="utf-8")
    exports["markdown"].write_text(jrnl_run("--export", "markdown"), encoding="utf-8")
    first_order = _tag_orders(exports["json"])
    for seed in range(1, 50):  # another run of jrnl that lists some tags in another order
        text = jrnl_run("--export", "json", seed=str(seed))
        exports["json again"] = home / "export-again.json"
        exports["json again"].write_text(text, encoding="utf-8")
        if _tag_orders(exports["json again"]) != first_order:
            break
    exports["yaml"] = home / "yaml"
    exports["yaml"].mkdir()
    jrnl_run("--export", "yaml", "--file", f"{exports['yaml']}/")
    return exports


def _tag_orders(export: Path) -> list[list[str]]:
    return [e["tags"] for e in json.loads(export.read_text(encoding="utf-8"))["entries"]]


def test_real_jrnl_json_keeps_times_twins_and_tags_and_imports_once(jrnl_exports, journal):
    result = _import("jrnl-json", jrnl_exports["json"], journal)
    assert result.code == 0, result
    assert "Read 5 entries, 2026-01-12 to 2026-02-02." in result.out
    assert "Imported 5 entries." in result.out
    listed = _entries(journal)
    # Newest first, and entries of one day by their time.
    assert [(r["date"], r["time"], r["title"]) for r in listed] == [
        ("2026-02-02", "13:00", "Walk with a service user to the library"),
        ("2026-01-19", "09:10", "Supervision about #boundaries."),
        ("2026-01-12", "21:00", "Same text."),
        ("2026-01-12", "16:45", "First shift on Cedar ward with @mentor."),
        ("2026-01-12", "09:00", "Same text."),
    ]
    shift = listed[3]
    assert sorted(shift["tags"]) == ["mentor", "nights", "placement", "reflection", "ward"]
    assert listed[0]["tags"] == ["starred"]
    shown = _show(journal, shift["id"])
    assert shown["time"] == "16:45"
    assert str(shown["body"]).startswith("Felt nervous but ok.")
    assert str(shown["created_at"]).startswith("2026-01-12")  # jrnl's time, not the import's

    assert _tag_orders(jrnl_exports["json again"]) != _tag_orders(jrnl_exports["json"])
    again = _import("jrnl-json", jrnl_exports["json again"], journal)
    assert "Imported 0 entries (5 already in the journal, skipped)." in again.out, again
    assert len(_entries(journal)) == 5


def test_real_jrnl_markdown_export_has_titles_without_dates_and_keeps_tags(jrnl_exports,
                                                                          journal):
    result = _import("jrnl-markdown", jrnl_exports["markdown"], journal)
    assert result.code == 0, result
    assert "Imported 5 entries." in result.out
    by_time = {(r["date"], r["time"]): r for r in _entries(journal)}
    assert by_time[("2026-01-12", "09:00")]["title"] == "Same text."
    assert by_time[("2026-01-12", "21:00")]["title"] == "Same text."
    shift = by_time[("2026-01-12", "16:45")]
    assert shift["title"] == "First shift on Cedar ward with @mentor."
    assert sorted(shift["tags"]) == ["mentor", "nights", "placement", "reflection", "ward"]
    assert by_time[("2026-01-19", "09:10")]["tags"] == ["boundaries"]
    assert "Imported 0 entries" in _import("jrnl-markdown", jrnl_exports["markdown"],
                                           journal).out


def test_real_jrnl_yaml_folder_imports(jrnl_exports, journal):
    result = _import("jrnl-yaml", jrnl_exports["yaml"], journal)
    assert result.code == 0, result
    listed = _entries(journal)
    # jrnl names its YAML files by day and title, so of the two "Same text." entries of
    # 2026-01-12 it wrote one file: four entries reach the folder.
    assert len(listed) == 4
    shift = next(r for r in listed if r["time"] == "16:45")
    assert shift["title"] == "First shift on Cedar ward with @mentor."
    assert sorted(shift["tags"]) == ["mentor", "nights", "placement", "reflection", "ward"]
    assert next(r for r in listed if r["date"] == "2026-02-02")["tags"] == ["starred"]
    assert str(_show(journal, shift["id"])["body"]).startswith("Felt nervous but ok.")


def test_a_jrnl_export_given_as_the_wrong_format_gets_a_hint(jrnl_exports, journal):
    before = journal.read_bytes()
    for fmt, export, hint in (
        ("jrnl-json", jrnl_exports["markdown"], "choose 'jrnl-markdown'"),
        ("jrnl-markdown", jrnl_exports["json"], "choose 'jrnl-json'"),
        ("markdown", jrnl_exports["yaml"], "choose 'jrnl-yaml'"),
        ("jsonl", jrnl_exports["json"], "choose 'jrnl-json'"),
    ):
        assert_one_line_error(_import(fmt, export, journal), hint, "nothing was imported")
    assert journal.read_bytes() == before


# --------------------------------------------------------------------------- Day One


def _dayone_zip(folder: Path) -> Path:
    """A Day One export built from its public format, with every field the import handles."""
    rich = json.dumps({"meta": {"version": 1}, "contents": [
        {"attributes": {"line": {"header": 1}}, "text": "Written on the phone\n"},
        {"embeddedObjects": [{"type": "photo", "identifier": "R1"}]},
        {"text": "This text exists only in richText."}]})
    place = {"placeName": "Roundhay Park", "localityName": "Leeds",
             "administrativeArea": "England", "country": "United Kingdom",
             "latitude": 53.84, "longitude": -1.5}
    work = [
        {"uuid": "4B1C8F0D2E3A4B5C9D8E7F6A5B4C3D2E", "creationDate": "2026-03-04T23:15:00Z",
         "modifiedDate": "2026-03-05T08:00:00Z", "timeZone": "Europe/London", "starred": True,
         "isPinned": True, "tags": ["Placement", "Reflection"],
         "text": "# Late call with my mentor\\.\n\nWe went over the week\\. "
                 "Lots to think about\\!\n\n![](dayone-moment://F00DCAFE)\n\n\\- trust\n\\- pace",
         "photos": [{"identifier": "F00DCAFE", "md5": "d41d8cd98f00b204e9800998ecf8427e",
                     "type": "jpeg"}],
         "location": place,
         "weather": {"temperatureCelsius": 7.4, "conditionsDescription": "Light Rain"},
         "creationDevice": "My phone", "creationOSName": "iOS", "editingTime": 120.5,
         "userActivity": {"activityName": "Walking", "stepCount": 4000}},
        {"uuid": "9A8B7C6D5E4F30211203F4E5D6C7B8A9", "creationDate": "2026-03-06T10:00:00Z",
         "timeZone": "America/New_York", "isAllDay": True,
         "text": "Course day\n\nGroup work on co-production."},
        {"uuid": "0000RICH", "creationDate": "2026-03-07T18:00:00Z", "timeZone": "Europe/London",
         "text": "", "richText": rich},
        {"uuid": "0000PHOTO", "creationDate": "2026-03-08T18:00:00Z",
         "text": "![](dayone-moment://P2)",
         "photos": [{"identifier": "P2"}, {"identifier": "P3"}]},
    ]
    study = [{"uuid": "STUDY1", "creationDate": "2026-03-09T09:00:00Z", "timeZone": "UTC",
              "text": "Reading week\n\nChapter three.", "weather": {"temperatureCelsius": 11}}]
    path = folder / "Export-All.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps({"metadata": {"version": "1.0"},
                                                     "entries": work}, indent=2))
        archive.writestr("Study.json", json.dumps({"metadata": {"version": "1.0"},
                                                   "entries": study}))
        archive.writestr("photos/d41d8cd98f00b204e9800998ecf8427e.jpeg", b"\xff\xd8\xff\xe0")
    return path


def test_dayone_zip_keeps_what_it_can_and_sums_up_the_rest(tmp_path: Path, journal: Path):
    export = _dayone_zip(tmp_path)
    result = _import("dayone", export, journal)
    assert result.code == 0, result
    assert "Read 4 entries, 2026-03-04 to 2026-03-09." in result.out
    notes = [line for line in result.out.splitlines() if line.startswith("Note: ")]
    assert notes == [
        "Note: 4 photos not imported: the journal holds text only (the entries' text is "
        "imported).",
        "Note: 1 entry with no text, only media, not imported (2026-03-08).",
        "Note: 1 location and 2 weather records kept as the last line of their entries.",
        "Note: Device and editing details of 1 entry (device, system, editing time) not "
        "imported.",
        "Note: 'userActivity' of 1 entry not imported.",
    ]
    by_title = {r["title"]: r for r in _entries(journal)}
    late = by_title["Late call with my mentor."]
    assert (late["date"], late["time"]) == ("2026-03-04", "23:15")
    assert late["tags"] == ["Placement", "Reflection", "starred", "pinned"]
    shown = _show(journal, late["id"])
    assert shown["body"] == ("We went over the week. Lots to think about!\n\n- trust\n- pace\n\n"
                             "Location: Roundhay Park, Leeds, England, United Kingdom · "
                             "Weather: 7 °C, Light Rain")
    assert shown["created_at"] == "2026-03-04T23:15:00Z"
    assert shown["updated_at"] == "2026-03-05T08:00:00Z"
    course = by_title["Course day"]
    assert (course["date"], course["time"]) == ("2026-03-06", None)  # an all-day entry
    assert by_title["Written on the phone"]["time"] == "18:00"
    assert _show(journal, by_title["Written on the phone"]["id"])["body"] == (
        "This text exists only in richText.")
    reading = by_title["Reading week"]
    assert reading["tags"] == ["Study"]  # the journal it came from
    assert _show(journal, reading["id"])["body"] == "Chapter three.\n\nWeather: 11 °C"

    again = _import("dayone", export, journal)
    assert "Imported 0 entries (4 already in the journal, skipped)." in again.out


# --------------------------------------------------------------------------- Markdown vault


def _vault(folder: Path) -> Path:
    """An Obsidian-style vault with every case the import handles."""
    vault = folder / "vault"
    files: dict[str, str | bytes] = {
        "Daily/2026-04-01 ward.md": "---\ntags: [ward]\nprinciples: [safe]\n"
        "competences: [crs_build_trust_rapport]\ncssclasses: [wide]\n---\n"
        "# First ward visit\n\nIt went fine. #placement\n%% note to self: ask about rota %%\n"
        "![[ward-map.png]]\n",
        "Daily/reading.md": "---\ntitle: Reading week\ndate: 2026-04-09 14:30\n---\nChapter 3.",
        "Daily/undated thoughts.md": "Some thoughts without a date. #musing",
        "Daily/latin1.md": "Caf\xe9 with a peer worker".encode("latin-1"),
        "Templates/Daily note.md": "---\ndate: {{date}}\n---\n# {{title}}\n",
        "Meetings/weekly template.md": "---\ndate: {{date:YYYY-MM-DD}}\n---\n# Weekly",
        "attachments/ward-map.png": b"\x89PNG\r\n",
        "attachments/leaflet.pdf": b"%PDF-1.4",
        ".obsidian/app.json": "{}",
    }
    for name, content in files.items():
        path = vault / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    outside = folder / "private.md"
    outside.write_text("# Not in the vault\n", encoding="utf-8")
    (vault / "Daily" / "shortcut.md").symlink_to(outside)
    return vault


def test_vault_lists_what_cannot_be_read_and_imports_the_rest_only_when_asked(
    tmp_path: Path, journal: Path
):
    vault = _vault(tmp_path)
    before = journal.read_bytes()
    refused = _import("markdown", vault, journal)
    assert refused.code == 1
    assert refused.err.splitlines() == [
        "  Daily/latin1.md: not UTF-8 text (byte 4), so it is not a Markdown note.",
        "  Daily/shortcut.md: it links outside the chosen folder; it was not followed.",
        "  Meetings/weekly template.md: it is a template: '{{date:YYYY-MM-DD}}' in its front "
        "matter is not filled in.",
        "psw-journal: 3 files cannot be read (listed above); nothing was imported. "
        "Import the 3 readable entries with --skip-unreadable.",
    ]
    assert journal.read_bytes() == before

    result = _import("markdown", vault, journal, "--skip-unreadable")
    assert result.code == 0, result
    assert "Note: Templates folder 'Templates' skipped." in result.out
    assert "Note: 1 note with no date (in the front matter or the file name) dated" in result.out
    assert ("Note: 2 attachments not imported (1 image, 1 PDF): the journal holds text only; "
            "notes keep their links to them as text.") in result.out
    assert "Note: Front matter 'cssclasses' of 1 note not imported." in result.out
    assert "Not imported, 3 files that cannot be read:" in result.out
    assert "Imported 3 entries." in result.out
    by_title = {r["title"]: r for r in _entries(journal)}
    ward = by_title["First ward visit"]
    assert (ward["date"], ward["principles"], ward["competences"]) == (
        "2026-04-01", ["safe"], ["crs_build_trust_rapport"])
    assert ward["tags"] == ["ward", "placement"]
    assert "%% note to self: ask about rota %%" in str(_show(journal, ward["id"])["body"])
    assert (by_title["Reading week"]["date"], by_title["Reading week"]["time"]) == (
        "2026-04-09", "14:30")
    assert by_title["undated thoughts"]["tags"] == ["musing"]

    os.utime(vault / "Daily" / "undated thoughts.md", (1, 1))  # a later touch
    again = _import("markdown", vault, journal, "--skip-unreadable")
    assert "Imported 0 entries (3 already in the journal, skipped)." in again.out
    assert len(_entries(journal)) == 3


def test_links_to_another_editions_ids_are_kept_and_reported(tmp_path: Path, journal: Path):
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "a.md").write_text("---\ncompetences: [made_up]\n---\nx")
    result = _import("markdown", folder, journal)
    assert result.code == 0, result
    assert "not in this framework (made_up)" in result.out
    assert [e["competences"] for e in _entries(journal)] == [["made_up"]]


# --------------------------------------------------------------------------- hostile inputs


def _patched_zip(path: Path, *, flag: int = 0, method: int | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Journal.json", json.dumps({"entries": [{"uuid": "A", "text": "x"}]}))
    data = bytearray(path.read_bytes())
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = data.find(signature)
        (flags,) = struct.unpack_from("<H", data, start + flag_at)
        struct.pack_into("<H", data, start + flag_at, flags | flag)
        if method is not None:
            struct.pack_into("<H", data, start + method_at, method)
    path.write_bytes(bytes(data))
    return path


def _hostile_inputs(folder: Path) -> dict[str, tuple[str, Path, str]]:
    bomb = folder / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("Journal.json", "w", force_zip64=True) as member:
        for _ in range(250):
            member.write(b" " * (1024 * 1024))
    (folder / "nested.jsonl").write_text("[" * 200_000 + "]" * 200_000 + "\n")
    (folder / "stress.jsonl").write_text('{"title": "x", "stress": ' + "9" * 5000 + "}\n")
    (folder / "far.json").write_text(json.dumps({"entries": [
        {"uuid": "F", "creationDate": "9999-12-31T23:59:59-14:00", "text": "far"}]}))
    return {
        "zip bomb": ("dayone", bomb, "too large to be a journal file"),
        "password": ("dayone", _patched_zip(folder / "locked.zip", flag=0x1),
                     "protected by a password"),
        "compression": ("dayone", _patched_zip(folder / "deflate64.zip", method=9),
                        "compressed in a way this app cannot read"),
        "nested": ("jsonl", folder / "nested.jsonl", "nested too deeply"),
        "stress": ("jsonl", folder / "stress.jsonl", "'stress' must be a whole number"),
        "far date": ("dayone", folder / "far.json", "not a date and time in range"),
    }


def test_hostile_inputs_are_one_clear_line_and_change_nothing(tmp_path: Path, journal: Path):
    before = journal.read_bytes()
    files = sorted(p.name for p in journal.parent.iterdir())
    for label, (fmt, source, fragment) in _hostile_inputs(tmp_path).items():
        result = _import(fmt, source, journal)
        assert_one_line_error(result, fragment, "nothing was imported")
        assert "unexpected error" not in result.err.lower(), label
    assert journal.read_bytes() == before
    inputs = {source.name for _, source, _ in _hostile_inputs(tmp_path).values()}
    assert sorted(p.name for p in journal.parent.iterdir() if p.name not in inputs) == files


def test_an_over_long_first_word_becomes_a_short_title(tmp_path: Path, journal: Path):
    url = "https://example.org/" + "a" * 400
    export = tmp_path / "long.json"
    export.write_text(json.dumps({"entries": [
        {"title": url, "body": "", "date": "2026-01-01", "time": "10:00", "tags": []}]}))
    result = _import("jrnl-json", export, journal)
    assert result.code == 0, result
    (entry,) = _entries(journal)
    assert str(entry["title"]).startswith("https://example.org/aaa")
    assert _show(journal, entry["id"])["body"] == url


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
