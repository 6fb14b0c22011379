"""This app's JSON Lines: entry lines, the typed full export, and lines that cannot be read."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from psw_journal.core.importing.jsonl import parse_jsonl_import
from psw_journal.core.jsonl import content_key


def _lines(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_plain_entry_lines_are_keyed_by_content_and_time():
    text = _lines({"date": "2026-01-12", "time": "09:00", "title": "Same"},
                  {"date": "2026-01-12", "time": "21:00", "title": "Same"},
                  {"date": "2026-01-13", "title": "Other", "tags": ["b", "a"]})
    preview = parse_jsonl_import(text)
    assert [d.time_of_day for d in preview.drafts()] == [dt.time(9), dt.time(21), None]
    keys = preview.source_keys()
    assert len(set(keys)) == 3 and all(k and k.startswith("jsonl:") for k in keys)
    assert preview.items[2].legacy_keys == (content_key(preview.drafts()[2]),)


def test_a_full_export_keeps_ids_times_trash_revisions_keys_and_settings():
    text = _lines(
        {"type": "journal", "format": "psw-journal", "version": 2, "schema": "0005"},
        {"type": "entry", "id": 7, "date": "2026-01-12", "time": "09:05", "title": "T",
         "body": "B2", "tags": ["x"], "principles": ["safe"], "competences": [],
         "evidence": {"principle:safe": "We agreed a plan."}, "stress": 3,
         "created_at": "2026-01-12T09:06:00Z", "updated_at": "2026-01-13T10:00:00.123456Z",
         "trashed_at": "2026-02-01T00:00:00Z", "source_key": "dayone:AB",
         "revisions": [{"saved_at": "2026-01-12T09:06:00Z", "title": "T", "body": "B1"},
                       {"saved_at": "2026-01-13T10:00:00.123456Z", "title": "T", "body": "B2"}]},
        {"type": "setting", "key": "people", "value": ["Kerry"]},
        {"type": "setting", "key": "profile", "value": {"name": "Sam"}},
    )
    preview = parse_jsonl_import(text)
    (item,) = preview.items
    assert item.source_key == "dayone:AB"
    assert item.draft.links[0].note == "We agreed a plan."
    history = item.history
    assert history.entry_id == 7
    assert history.created_at == dt.datetime(2026, 1, 12, 9, 6)
    assert history.updated_at == dt.datetime(2026, 1, 13, 10, 0, 0, 123456)
    assert history.trashed_at == dt.datetime(2026, 2, 1)
    assert [r.body for r in history.revisions] == ["B1", "B2"]
    assert preview.settings == (("people", ["Kerry"]), ("profile", {"name": "Sam"}))
    assert preview.keeps_ids


def test_unknown_record_types_are_counted_not_fatal():
    text = _lines({"type": "piece", "title": "Essay"}, {"type": "piece"},
                  {"date": "2026-01-01", "title": "Entry"})
    preview = parse_jsonl_import(text)
    assert preview.count == 1
    assert preview.problems == ("2 records of type 'piece' not imported: this version of the "
                                "app does not know them.",)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1]", "each line must be a JSON object"),
        ('{"title": "x", "stress": 9}', "'stress' must be a whole number from 1 to 5"),
        ('{"title": "x", "stress": ' + "9" * 5000 + "}", "'stress' must be a whole number"),
        ('{"title": "x", "date": "2026-02-30"}', "'date'"),
        ('{"title": "x", "time": "9am"}', "'time'"),
        ('{"type": "entry", "title": "x", "id": -1}', "'id'"),
        ('{"type": "entry", "title": "x", "created_at": "9999-12-31T23:59:59-14:00"}',
         "not a date and time in range"),
        ('{"type": "entry", "title": "x", "revisions": [{"title": "x"}]}', "'saved_at'"),
        ('{"type": "setting", "value": 1}', "a setting needs a 'key'"),
        ('{"title": "x\\u0000y"}', "NUL"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_line_that_cannot_be_read_is_listed_with_its_reason(line: str, fragment: str):
    preview = parse_jsonl_import(_lines({"title": "Fine"}) + line + "\n", "f.jsonl")
    assert [d.title for d in preview.drafts()] == ["Fine"]
    (bad,) = preview.unreadable
    assert bad.where == "f.jsonl, line 2"
    assert fragment in bad.reason
    assert "digits" not in bad.reason and "Exceeds" not in bad.reason


def test_an_over_long_title_moves_into_the_body():
    long_title = "word " * 100
    (draft,) = parse_jsonl_import(_lines({"title": long_title, "body": "b"})).drafts()
    assert len(draft.title) <= 80
    assert draft.body.startswith(long_title.strip())
