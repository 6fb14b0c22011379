"""Day One's JSON export, built from its public format: what is kept, summed up and refused."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing import PINNED_TAG, STARRED_TAG, ImportPreview
from psw_journal.core.importing.dayone import (
    describe_media,
    read_dayone,
    rich_text,
    strip_dayone_media,
    unescape_dayone,
)
from psw_journal.core.importing.drafts import split_title


def _dayone(*entries: object) -> dict[str, object]:
    return {"metadata": {"version": "1.0"}, "entries": list(entries)}


def _read(tmp_path: Path, *entries: object, name: str = "Journal.json") -> ImportPreview:
    path = tmp_path / name
    path.write_text(json.dumps(_dayone(*entries)), encoding="utf-8")
    return read_dayone(path)


def test_local_date_and_time_come_from_the_entry_time_zone(tmp_path: Path):
    preview = _read(
        tmp_path,
        {"uuid": "U1", "creationDate": "2026-03-01T23:30:00Z", "timeZone": "Asia/Tokyo",
         "text": "East"},
        {"uuid": "U2", "creationDate": "2026-03-01T05:00:00Z",
         "timeZone": "America/Los_Angeles", "text": "West"},
        {"uuid": "U3", "creationDate": "2026-03-01T23:30:00Z", "text": "No zone"},
        {"uuid": "U4", "creationDate": "2026-03-01T23:30:00Z", "text": "All day",
         "isAllDay": True},
    )
    assert [(d.occurred_on, d.time_of_day) for d in preview.drafts()] == [
        (dt.date(2026, 3, 2), dt.time(8, 30)),
        (dt.date(2026, 2, 28), dt.time(21, 0)),
        (dt.date(2026, 3, 1), dt.time(23, 30)),
        (dt.date(2026, 3, 1), None),
    ]


def test_created_and_modified_times_are_kept(tmp_path: Path):
    preview = _read(tmp_path, {"uuid": "U1", "creationDate": "2026-03-04T23:15:00Z",
                               "modifiedDate": "2026-03-05T08:00:00+01:00", "text": "x"})
    history = preview.items[0].history
    assert history.created_at == dt.datetime(2026, 3, 4, 23, 15)
    assert history.updated_at == dt.datetime(2026, 3, 5, 7, 0)


def test_text_is_unescaped_and_flags_and_journal_become_tags(tmp_path: Path):
    record = {"uuid": "U1", "creationDate": "2026-04-02T10:00:00Z",
              "text": "# Group session\\. Went well\\!\n\n"
                      "We used a 1\\-10 scale\\.\n\n\\- no list",
              "tags": ["Group work"], "starred": True, "isPinned": True}
    (item,) = _read(tmp_path, record, name="Placement.json").items
    assert item.draft.title == "Group session. Went well!"
    assert item.draft.body == "We used a 1-10 scale.\n\n- no list"
    assert item.draft.tags == ("Group work", "Placement", STARRED_TAG, PINNED_TAG)
    assert item.source_key == "dayone:U1"
    # Day One's first journal is called "Journal": no tag for it.
    (plain,) = _read(tmp_path, {**record, "isPinned": False, "starred": False}).items
    assert plain.draft.tags == ("Group work",)


def test_location_and_weather_end_the_entry_and_are_counted(tmp_path: Path):
    place = {"placeName": "Hyde Park", "localityName": "Leeds",
             "administrativeArea": "England", "country": "United Kingdom",
             "latitude": 53.8, "longitude": -1.5}
    weather = {"temperatureCelsius": 11.6, "conditionsDescription": "Partly Cloudy"}
    preview = _read(
        tmp_path,
        {"uuid": "A", "creationDate": "2026-03-04T10:00:00Z", "text": "Walk\n\nWe walked.",
         "location": place, "weather": weather},
        {"uuid": "B", "creationDate": "2026-03-05T10:00:00Z", "text": "Coordinates only",
         "location": {"latitude": 53.80123, "longitude": -1.54999}},
    )
    first, second = preview.drafts()
    assert first.body == ("We walked.\n\nLocation: Hyde Park, Leeds, England, United Kingdom"
                          " · Weather: 12 °C, Partly Cloudy")
    assert second.body == "Location: 53.8012, -1.5500"
    assert "2 locations and 1 weather record kept as the last line of their entries." in (
        preview.problems)


def test_photos_are_one_summary_line_not_a_note_per_entry(tmp_path: Path):
    entries = [{"uuid": f"U{n}", "creationDate": "2026-05-01T10:00:00Z",
                "text": f"Day {n}\n\n![](dayone-moment://P{n})\nWe planted beans.",
                "photos": [{"identifier": f"P{n}"}]} for n in range(30)]
    entries.append({"uuid": "V", "creationDate": "2026-05-02T10:00:00Z",
                    "text": "Only media ![](dayone-moment:/video/XY)"})
    preview = _read(tmp_path, *entries)
    assert preview.drafts()[0].body == "We planted beans."
    media = [p for p in preview.problems if "not imported: the journal holds text" in p]
    assert media == ["30 photos, 1 video not imported: the journal holds text only (the "
                     "entries' text is imported)."]


def test_entries_with_only_media_or_nothing_are_summed_up(tmp_path: Path):
    preview = _read(
        tmp_path,
        {"uuid": "P", "creationDate": "2026-05-01T10:00:00Z", "text": "![](dayone-moment://X)",
         "photos": [{"identifier": "X"}]},
        {"uuid": "E", "creationDate": "2026-05-02T10:00:00Z", "text": "  "},
        {"uuid": "T", "creationDate": "2026-05-03T10:00:00Z", "text": "Words"},
    )
    assert preview.count == 1
    assert "1 entry with no text, only media, not imported (2026-05-01)." in preview.problems
    assert "1 empty entry not imported (2026-05-02)." in preview.problems


def test_text_only_in_rich_text_is_imported(tmp_path: Path):
    rich = json.dumps({"meta": {"version": 1}, "contents": [
        {"attributes": {"line": {"header": 1}}, "text": "Rich title\n"},
        {"embeddedObjects": [{"type": "photo", "identifier": "P"}]},
        {"text": "Only in rich text.\n"},
        {"attributes": {"line": {"header": 2}}, "text": "Later\n"},
    ]})
    preview = _read(tmp_path, {"uuid": "R", "creationDate": "2026-05-01T10:00:00Z",
                               "text": "", "richText": rich})
    (draft,) = preview.drafts()
    assert (draft.title, draft.body) == ("Rich title", "Only in rich text.\n## Later")
    assert "1 photo not imported" in preview.problems[0]
    with pytest.raises(InvalidInput, match="richText"):
        rich_text('{"meta": {}}')


def test_device_details_and_unknown_fields_are_summed_up(tmp_path: Path):
    record = {"uuid": "A", "creationDate": "2026-03-04T10:00:00Z", "text": "x",
              "creationDevice": "Phone", "editingTime": 3.5, "userActivity": {"stepCount": 9},
              "music": {"track": "x"}}
    preview = _read(tmp_path, record, {**record, "uuid": "B"})
    assert ("Device and editing details of 2 entries (device, system, editing time) not "
            "imported.") in preview.problems
    assert "'music' of 2 entries not imported." in preview.problems
    assert "'userActivity' of 2 entries not imported." in preview.problems


def test_entries_without_a_date_or_uuid_are_dated_today_and_reported(tmp_path: Path):
    preview = _read(tmp_path, {"text": "Just words"})
    (item,) = preview.items
    assert item.draft.occurred_on == dt.date.today()
    assert item.source_key is not None and item.source_key.startswith("dayone:")
    assert "with no creationDate dated today" in " ".join(preview.problems)


def test_unknown_time_zone_falls_back_to_utc_with_a_note(tmp_path: Path):
    preview = _read(tmp_path, {"creationDate": "2026-03-01T23:30:00Z",
                               "timeZone": "Mars/Olympus", "text": "x"})
    assert preview.drafts()[0].occurred_on == dt.date(2026, 3, 1)
    assert any("Mars/Olympus" in p for p in preview.problems)


def test_an_extreme_date_is_a_clear_per_entry_error(tmp_path: Path):
    preview = _read(
        tmp_path,
        {"uuid": "X", "creationDate": "9999-12-31T23:59:59-14:00", "text": "far",
         "timeZone": "Pacific/Kiritimati"},
        {"uuid": "Y", "creationDate": "2026-01-01T10:00:00Z", "text": "near"},
    )
    assert [d.title for d in preview.drafts()] == ["near"]
    (bad,) = preview.unreadable
    assert bad.where == "Journal.json, entry 1 (X)"
    assert "out of range" in bad.reason or "not a date and time in range" in bad.reason


def test_an_over_long_first_word_becomes_a_short_title(tmp_path: Path):
    url = "https://example.org/" + "a" * 400
    (draft,) = _read(tmp_path, {"uuid": "L", "creationDate": "2026-01-01T10:00:00Z",
                                "text": url}).drafts()
    assert len(draft.title) <= 80 and draft.body == url


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        (1, "each entry must be a JSON object"),
        ({"creationDate": "yesterday", "text": "x"}, "'creationDate'"),
        ({"creationDate": 5, "text": "x"}, "'creationDate' must be a date and time"),
        ({"text": ["x"]}, "'text' must be text"),
        ({"text": "x", "tags": [1]}, "'tags' must"),
        ({"text": "x", "uuid": 7}, "'uuid' must be text"),
        ({"title": "jrnl", "date": "2026-01-01"}, "not a Day One journal entry"),
    ],
)
def test_a_malformed_entry_is_listed_with_its_reason(tmp_path: Path, record: object,
                                                     fragment: str):
    preview = _read(tmp_path, {"uuid": "OK", "text": "Fine"}, record)
    assert preview.count == 1
    (bad,) = preview.unreadable
    assert fragment in bad.reason


@pytest.mark.parametrize("data", [[], {"entries": "x"}])
def test_a_file_that_is_not_a_day_one_journal_is_refused(tmp_path: Path, data: object):
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidInput, match="not a Day One journal"):
        read_dayone(path)


def test_zip_with_several_journals_tags_each_with_its_journal(tmp_path: Path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Work.json", json.dumps(_dayone({"uuid": "A", "text": "Work one"})))
        archive.writestr("Study.json", json.dumps(_dayone({"uuid": "B", "text": "Study one"})))
        archive.writestr("photos/abc.jpeg", b"\xff\xd8\xff")
        archive.writestr("__MACOSX/._Work.json", b"\x00\x05\x16\x07")
        archive.writestr("Broken.json", "{oops")
    preview = read_dayone(path)
    assert sorted((d.title, d.tags) for d in preview.drafts()) == [
        ("Study one", ("Study",)), ("Work one", ("Work",))]
    (bad,) = preview.unreadable
    assert bad.where == "export.zip:Broken.json" and "not valid JSON" in bad.reason


def test_zip_made_by_zipping_the_export_folder_is_read(tmp_path: Path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Export/Journal.json", json.dumps(_dayone({"uuid": "A", "text": "Hi"})))
    assert [d.title for d in read_dayone(path).drafts()] == ["Hi"]


def test_zip_that_is_not_day_one_or_not_a_zip_is_refused(tmp_path: Path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(InvalidInput, match="not a Day One export"):
        read_dayone(path)
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
