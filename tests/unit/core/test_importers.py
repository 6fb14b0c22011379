"""Importers of other journals' exports: jrnl JSON, Day One, Markdown with front matter."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import load_framework
from psw_journal.core.importers import (
    STARRED_TAG,
    ImportFormat,
    ImportItem,
    ImportPreview,
    describe_media,
    parse_dayone_journal,
    parse_jrnl_json,
    parse_markdown_entry,
    read_dayone,
    read_import,
    read_markdown_folder,
    read_source,
    split_title,
    strip_dayone_media,
    unescape_dayone,
)
from psw_journal.core.jsonl import content_key

FALLBACK = dt.date(2026, 6, 30)

JRNL_EXPORT = {
    "tags": {"@supervision": 1, "#boundaries": 2},
    "entries": [
        {
            "title": "Shift on the ward with @Sam.",
            "body": "We talked about #boundaries and what I share.\n",
            "date": "2026-02-03",
            "time": "14:30",
            "tags": ["#boundaries", "@sam"],
            "starred": False,
        },
        {
            "title": "Supervision notes",
            "body": "",
            "date": "2026-02-10",
            "time": "09:00",
            "tags": ["@supervision", "#boundaries"],
            "starred": True,
        },
    ],
}


def _dayone(*entries: dict[str, object]) -> dict[str, object]:
    return {"metadata": {"version": "1.0"}, "entries": list(entries)}


# --------------------------------------------------------------------------- jrnl


def test_jrnl_export_becomes_drafts_with_plain_tags():
    preview = parse_jrnl_json(json.dumps(JRNL_EXPORT))
    first, second = preview.drafts()
    assert first.title == "Shift on the ward with @Sam."
    assert first.body == "We talked about #boundaries and what I share."
    assert first.occurred_on == dt.date(2026, 2, 3)
    assert first.tags == ("boundaries", "sam")
    assert second.tags == ("supervision", "boundaries", STARRED_TAG)
    assert preview.count == 2
    assert preview.date_range == (dt.date(2026, 2, 3), dt.date(2026, 2, 10))
    assert preview.problems == ()


def test_jrnl_keys_are_content_hashes_unless_the_entry_has_a_uuid():
    record = dict(JRNL_EXPORT["entries"][0], uuid="ABC-123")  # type: ignore[call-overload]
    keyed = parse_jrnl_json(json.dumps({"entries": [record, JRNL_EXPORT["entries"][1]]}))
    assert keyed.source_keys()[0] == "jrnl:ABC-123"
    assert keyed.source_keys()[1] == content_key(keyed.drafts()[1])
    again = parse_jrnl_json(json.dumps(JRNL_EXPORT))
    assert again.source_keys()[1] == keyed.source_keys()[1]


def test_jrnl_bare_single_entry_is_accepted():
    preview = parse_jrnl_json(json.dumps(JRNL_EXPORT["entries"][0]))
    assert [d.title for d in preview.drafts()] == ["Shift on the ward with @Sam."]


def test_jrnl_entry_without_title_gets_one_from_its_body():
    record = {"title": "", "body": "Only a body " + "word " * 20, "date": "2026-01-01"}
    (draft,) = parse_jrnl_json(json.dumps(record)).drafts()
    assert draft.title.startswith("Only a body word")
    assert draft.title.endswith("…")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a jrnl JSON export"),
        ('{"entries": []}', "holds no entries"),
        ('{"entries": [3]}', "entry 1: each entry must be a JSON object"),
        ('{"entries": [{"title": "t", "date": "2026-02-30"}]}', "entry 1: 'date'"),
        ('{"entries": [{"title": "t"}]}', "'date' is missing"),
        ('{"entries": [{"title": "t", "date": "2026-01-01", "tags": "a"}]}', "'tags' must"),
        ('{"entries": [{"title": 5, "date": "2026-01-01"}]}', "'title' must be text"),
        ('{"entries": [{"title": " ", "body": "", "date": "2026-01-01"}]}', "neither"),
    ],
)
def test_malformed_jrnl_is_one_clear_error(text: str, fragment: str):
    with pytest.raises(InvalidInput, match=None) as caught:
        parse_jrnl_json(text, "old.json")
    assert fragment in str(caught.value)
    assert str(caught.value).startswith("old.json")


# --------------------------------------------------------------------------- Day One


def test_dayone_entry_uses_its_time_zone_for_the_local_date():
    journal = _dayone(
        {
            "uuid": "U1",
            "creationDate": "2026-03-01T23:30:00Z",
            "timeZone": "Asia/Tokyo",
            "text": "East",
        },
        {
            "uuid": "U2",
            "creationDate": "2026-03-01T05:00:00Z",
            "timeZone": "America/Los_Angeles",
            "text": "West",
        },
        {"uuid": "U3", "creationDate": "2026-03-01T23:30:00Z", "text": "No zone"},
    )
    dates = [d.occurred_on for d in parse_dayone_journal(journal).drafts()]
    assert dates == [dt.date(2026, 3, 2), dt.date(2026, 2, 28), dt.date(2026, 3, 1)]


def test_dayone_text_is_unescaped_and_split_into_title_and_body():
    text = "# Group session\\. Went well\\!\n\nWe used a 1\\-10 scale\\.\n\n\\- not a list"
    record = {
        "uuid": "U1",
        "creationDate": "2026-04-02T10:00:00Z",
        "text": text,
        "tags": ["Group work"],
        "starred": True,
    }
    (item,) = parse_dayone_journal(_dayone(record)).items
    assert item.draft.title == "Group session. Went well!"
    assert item.draft.body == "We used a 1-10 scale.\n\n- not a list"
    assert item.draft.tags == ("Group work", STARRED_TAG)
    assert item.source_key == "dayone:U1"


def test_dayone_photos_are_removed_and_reported():
    text = (
        "Allotment day\n\n![](dayone-moment://AB12CD)\nWe planted beans.\n"
        "![](dayone-moment:/video/XY)"
    )
    record = {
        "uuid": "U1",
        "creationDate": "2026-05-01T10:00:00Z",
        "text": text,
        "photos": [{"identifier": "AB12CD"}],
    }
    preview = parse_dayone_journal(_dayone(record), "Journal.json")
    (draft,) = preview.drafts()
    assert "dayone-moment" not in draft.body
    assert draft.body == "We planted beans."
    (problem,) = preview.problems
    assert "1 photo, 1 video not imported" in problem
    assert problem.startswith("Journal.json, entry U1")


def test_dayone_entry_with_only_a_photo_is_reported_not_imported():
    record = {
        "uuid": "U9",
        "creationDate": "2026-05-01T10:00:00Z",
        "text": "![](dayone-moment://P1)",
        "photos": [{"identifier": "P1"}],
    }
    preview = parse_dayone_journal(_dayone(record))
    assert preview.count == 0
    assert "has no text (only 1 photo)" in preview.problems[0]


def test_dayone_fields_are_all_optional():
    preview = parse_dayone_journal(_dayone({"text": "Just words"}))
    (item,) = preview.items
    assert item.draft.title == "Just words"
    assert item.draft.occurred_on == dt.date.today()
    assert item.source_key == content_key(item.draft)
    assert "no creationDate" in preview.problems[0]


def test_dayone_unknown_time_zone_falls_back_to_utc_with_a_note():
    record = {"creationDate": "2026-03-01T23:30:00Z", "timeZone": "Mars/Olympus", "text": "x"}
    preview = parse_dayone_journal(_dayone(record))
    assert preview.drafts()[0].occurred_on == dt.date(2026, 3, 1)
    assert "Mars/Olympus" in preview.problems[0]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "not a Day One journal"),
        ({"entries": "x"}, "not a Day One journal"),
        ({"entries": [1]}, "entry 1: each entry must be a JSON object"),
        ({"entries": [{"creationDate": "yesterday", "text": "x"}]}, "'creationDate'"),
        ({"entries": [{"creationDate": 5, "text": "x"}]}, "'creationDate' must be text"),
        ({"entries": [{"text": ["x"]}]}, "'text' must be text"),
        ({"entries": [{"text": "x", "tags": [1]}]}, "'tags' must"),
        ({"entries": [{"text": "x", "uuid": 7}]}, "'uuid' must be text"),
        ({"entries": [{"title": "jrnl", "date": "2026-01-01"}]}, "not a Day One journal entry"),
    ],
)
def test_malformed_dayone_is_one_clear_error(data: object, fragment: str):
    with pytest.raises(InvalidInput) as caught:
        parse_dayone_journal(data, "Journal.json")
    assert fragment in str(caught.value)


def test_dayone_zip_with_several_journals_is_read(tmp_path: Path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Work.json", json.dumps(_dayone({"uuid": "A", "text": "Work one"})))
        archive.writestr("Study.json", json.dumps(_dayone({"uuid": "B", "text": "Study one"})))
        archive.writestr("photos/abc.jpeg", b"\xff\xd8\xff")
        archive.writestr("__MACOSX/._Work.json", b"\x00\x05\x16\x07")
    titles = sorted(d.title for d in read_dayone(path).drafts())
    assert titles == ["Study one", "Work one"]


def test_dayone_zip_made_by_zipping_the_export_folder_is_read(tmp_path: Path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Export/Journal.json", json.dumps(_dayone({"uuid": "A", "text": "Hi"})))
    assert [d.title for d in read_dayone(path).drafts()] == ["Hi"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ({"notes.txt": "hello"}, "not a Day One export"),
        ({"Journal.json": "{oops"}, "not valid JSON"),
        ({"Journal.json": '{"x": 1}'}, "not a Day One journal"),
    ],
)
def test_zip_that_is_not_day_one_is_refused(tmp_path: Path, content: dict[str, str], fragment):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    with pytest.raises(InvalidInput, match=fragment):
        read_dayone(path)


def test_damaged_zip_is_refused(tmp_path: Path):
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 definitely not a zip")
    with pytest.raises(InvalidInput, match="not a readable zip"):
        read_dayone(path)


def test_strip_and_unescape_helpers():
    text, counts = strip_dayone_media("a ![](dayone-moment://X) b ![x](dayone-moment:/audio/Y)")
    assert "dayone" not in text
    assert counts == {"photos": 1, "audios": 1}
    assert describe_media(counts) == "1 photo, 1 audio recording"
    assert unescape_dayone(r"Well\. Done\! 1\-2 \\ ok") == "Well. Done! 1-2 \\ ok"
    assert split_title("Short line\nrest") == ("Short line", "rest")
    long_line = "word " * 40
    title, body = split_title(long_line)
    assert title.endswith("…")
    assert body == long_line.strip()


# --------------------------------------------------------------------------- Markdown


def test_markdown_front_matter_gives_title_date_tags_and_links():
    text = (
        "---\ntitle: After the hearing voices group\ndate: 2026-04-14\n"
        "tags: [group, voices]\nprinciples: [Non-directive, recovery focused]\n"
        "competences:\n  - crs_build_trust_rapport\nstress: 2\n---\n\nIt went well.\n"
    )
    draft = parse_markdown_entry(text, "note.md", FALLBACK)
    assert draft.title == "After the hearing voices group"
    assert draft.occurred_on == dt.date(2026, 4, 14)
    assert draft.tags == ("group", "voices")
    assert draft.principle_ids() == ("non_directive", "recovery_focused")
    assert draft.competence_ids() == ("crs_build_trust_rapport",)
    assert draft.stress == 2
    assert draft.body == "It went well."


def test_markdown_heading_becomes_the_title_and_leaves_the_body():
    draft = parse_markdown_entry("# Team meeting\n\nNotes here.", "2026-05-06-team.md", FALLBACK)
    assert (draft.title, draft.body) == ("Team meeting", "Notes here.")
    assert draft.occurred_on == dt.date(2026, 5, 6)


def test_markdown_without_heading_uses_file_name_and_fallback_date():
    draft = parse_markdown_entry("Plain words.", "first_week.md", FALLBACK)
    assert (draft.title, draft.occurred_on) == ("first week", FALLBACK)
    shaped = parse_markdown_entry("x", "2026-99-99 odd.md", FALLBACK)
    assert shaped.occurred_on == FALLBACK


def test_markdown_comma_separated_tags_and_empty_front_matter():
    draft = parse_markdown_entry("---\ntags: a, b\n---\nBody", "x.md", FALLBACK)
    assert draft.tags == ("a", "b")
    assert parse_markdown_entry("---\n---\nBody", "y.md", FALLBACK).body == "Body"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("---\ntitle: [unclosed\n---\nx", "not valid YAML"),
        ("---\n- a\n- b\n---\nx", "front matter must be"),
        ("---\ndate: 14/04/2026\n---\nx", "'date'"),
        ("---\ndate: 2026-02-30\n---\nx", "not valid YAML"),
        ("---\ntags: {a: 1}\n---\nx", "'tags' must be a list"),
        ("---\nstress: 9\n---\nx", "'stress'"),
        ("---\ntitle: {a: 1}\n---\nx", "'title' must be text"),
    ],
)
def test_malformed_markdown_names_the_file(text: str, fragment: str):
    with pytest.raises(InvalidInput) as caught:
        parse_markdown_entry(text, "bad.md", FALLBACK)
    message = str(caught.value)
    assert message.startswith("bad.md:")
    assert fragment in message


def test_markdown_folder_reads_md_files_and_skips_hidden_ones(tmp_path: Path):
    (tmp_path / "2026-01-02 first.md").write_text("# One\nbody", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.markdown").write_text("Two body", encoding="utf-8")
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "x.md").write_text("hidden", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    preview = read_markdown_folder(tmp_path)
    assert sorted(d.title for d in preview.drafts()) == ["One", "two"]


def test_markdown_folder_problems(tmp_path: Path):
    with pytest.raises(InvalidInput, match="holds no Markdown"):
        read_markdown_folder(tmp_path)
    with pytest.raises(InvalidInput, match="no such folder"):
        read_markdown_folder(tmp_path / "missing")
    (tmp_path / "a.md").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_markdown_folder(tmp_path)
    with pytest.raises(InvalidInput, match="not a folder"):
        read_markdown_folder(tmp_path / "a.md")


# --------------------------------------------------------------------------- shared


def test_fresh_drops_known_keys_and_repeats_within_the_file():
    drafts = parse_jrnl_json(json.dumps(JRNL_EXPORT)).drafts()
    preview = ImportPreview(
        (ImportItem(drafts[0], "k1"), ImportItem(drafts[1], "k2"), ImportItem(drafts[1], "k2"))
    )
    assert preview.fresh({"k1"}).source_keys() == ["k2"]
    assert ImportPreview(()).date_range is None


def test_links_to_ids_the_framework_lacks_are_kept_and_reported(tmp_path: Path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("---\ncompetences: [no_such]\nprinciples: [safe]\n---\nx")
    preview = read_source("markdown", folder, load_framework())
    assert [link.target_id for link in preview.items[0].draft.links] == ["no_such", "safe"]
    assert any("no_such" in problem and "kept" in problem for problem in preview.problems)


def test_an_import_with_no_entries_is_refused(tmp_path: Path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(InvalidInput, match="no entries"):
        read_source("jsonl", empty)


def test_unknown_format_is_refused(tmp_path: Path):
    with pytest.raises(InvalidInput, match="unknown import format"):
        read_import("evernote", tmp_path)
    assert ImportFormat("dayone") is ImportFormat.DAYONE


def test_importers_load_neither_qt_nor_yaml_until_needed():
    code = (
        "import sys, psw_journal.core.importers; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'PySide6', 'sqlalchemy', 'yaml'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


WEIRD_VALUES = (None, 0, -1, 1.5, True, "", "x", "2026-99-99", [], [1], ["a", 2], {}, {"a": 1})


def _variants(record: dict[str, object]):
    """Yield the record with each field replaced by each weird value, or removed."""
    for key in record:
        yield {k: v for k, v in record.items() if k != key}
        for value in WEIRD_VALUES:
            yield {**record, key: value}


@pytest.mark.parametrize("fmt", ["jrnl", "dayone"])
def test_any_shape_is_imported_or_refused_with_invalid_input(fmt: str):
    if fmt == "jrnl":
        base: dict[str, object] = dict(JRNL_EXPORT["entries"][0])  # type: ignore[call-overload]
        wrap = json.dumps
        parse = parse_jrnl_json
    else:
        base = {
            "uuid": "U",
            "creationDate": "2026-01-01T10:00:00Z",
            "timeZone": "Europe/London",
            "text": "T\\.\n![](dayone-moment://P)",
            "tags": ["a"],
            "starred": True,
            "photos": [{"identifier": "P"}],
        }
        wrap = json.dumps

        def parse(text: str) -> ImportPreview:
            return parse_dayone_journal(json.loads(text))

    for variant in _variants(base):
        for document in ({"entries": [variant]}, variant, [variant], {"entries": variant}):
            try:
                parse(wrap(document))
            except InvalidInput as exc:
                assert str(exc).strip(), document


@pytest.mark.parametrize("key", ["title", "date", "tags", "principles", "competences", "stress"])
def test_any_front_matter_value_is_read_or_refused_with_invalid_input(key: str):
    values = (
        "",
        "~",
        "1",
        "-3",
        "1.5",
        "true",
        ".nan",
        "[1, [2]]",
        "{a: 1}",
        "'x'",
        "[a, b]",
        "2026-01-01T10:00:00",
        "2026-01-01",
        "!!binary aGk=",
        "&a [*a]",
        "|\n  block",
    )
    for value in values:
        text = f"---\n{key}: {value}\n---\n# Heading\nBody"
        try:
            draft = parse_markdown_entry(text, "n.md", FALLBACK)
        except InvalidInput as exc:
            assert str(exc).startswith("n.md:"), exc
        else:
            assert draft.title
