"""jrnl's JSON, Markdown and YAML exports, parsed from the text the real jrnl 4.6 writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing import STARRED_TAG, KnownEntries
from psw_journal.core.importing.jrnl import (
    parse_jrnl_json,
    parse_jrnl_markdown,
    parse_jrnl_yaml_entry,
    read_jrnl_yaml,
)
from psw_journal.core.jsonl import content_key

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

#: What ``jrnl --export markdown`` prints (timeformat '%Y-%m-%d %H:%M', one entry '%r').
JRNL_MARKDOWN = "\n".join([
    "# 2026", "", "## January", "",
    "### 2026-01-12 09:00 Same text.", "", " ",  # jrnl ends each entry with a lone space
    "### 2026-01-12 16:45 First shift on Cedar ward with @mentor and #ward.", "",
    "Felt nervous but ok.", " ",
    "### 2026-01-12 21:00 Same text.", "", " ",
    "## February", "",
    "### 2026-02-03 01:00:00 PM Multi para. First line body.", "",
    "##### Second para with #tag: colon", "- list", " ", "",
])

#: One file of ``jrnl --export yaml --file DIR``: tab-indented, so not YAML a parser reads.
JRNL_YAML = ("---\ntitle: First shift on Cedar ward with @mentor and #ward.\n"
             "date: 2026-01-12 16:45\nstarred: True\ntags: ward, mentor\n"
             "uuid: 0A1B2C\ncreator:\n    device agent: Mac\n"
             "body: |\t\t\n\tFelt nervous but ok.\n\t### A heading\n\tMore.\n...")


def test_json_export_becomes_drafts_with_plain_tags_and_times():
    preview = parse_jrnl_json(json.dumps(JRNL_EXPORT))
    first, second = preview.drafts()
    assert first.title == "Shift on the ward with @Sam."
    assert first.body == "We talked about #boundaries and what I share."
    assert (first.occurred_on, first.time_of_day) == (dt.date(2026, 2, 3), dt.time(14, 30))
    assert first.tags == ("boundaries", "sam")
    assert second.tags == ("supervision", "boundaries", STARRED_TAG)
    assert preview.date_range == (dt.date(2026, 2, 3), dt.date(2026, 2, 10))
    assert preview.problems == () and preview.unreadable == ()
    created = preview.items[0].history.created_at
    assert created is not None  # jrnl's own timestamp, not the import's


def test_same_text_at_two_times_is_two_entries_and_tag_order_does_not_matter():
    same = {"title": "Same text.", "body": "", "date": "2026-01-12", "tags": ["@a", "#b"]}
    twins = parse_jrnl_json(json.dumps({"entries": [
        {**same, "time": "09:00"}, {**same, "time": "21:00"}, {**same, "time": "21:00"}]}))
    keys = twins.source_keys()
    assert len(set(keys)) == 3  # even the exact repeat stays an entry of its own
    assert twins.fresh(KnownEntries(is_empty=True)).count == 3
    reordered = parse_jrnl_json(json.dumps({"entries": [
        {**same, "time": "09:00", "tags": ["#b", "@a"]}, {**same, "time": "21:00"},
        {**same, "time": "21:00"}]}))
    assert reordered.source_keys() == keys
    assert reordered.fresh(KnownEntries(keys=frozenset(keys))).count == 0


def test_keys_made_by_earlier_versions_are_still_recognised_once_each():
    same = {"title": "Same text.", "body": "", "date": "2026-01-12", "tags": []}
    preview = parse_jrnl_json(json.dumps({"entries": [{**same, "time": "09:00"},
                                                      {**same, "time": "21:00"}]}))
    old_key = content_key(preview.drafts()[0])  # earlier versions merged the two under it
    assert preview.items[0].legacy_keys == (old_key,)
    fresh = preview.fresh(KnownEntries(keys=frozenset({old_key})))
    assert [item.draft.time_of_day for item in fresh.items] == [dt.time(21, 0)]


def test_an_entry_with_a_uuid_is_keyed_by_it():
    record = dict(JRNL_EXPORT["entries"][0], uuid="ABC-123")  # type: ignore[call-overload]
    keyed = parse_jrnl_json(json.dumps({"entries": [record]}))
    assert keyed.source_keys() == ["jrnl:ABC-123"]


def test_bare_single_entry_and_an_entry_without_title():
    preview = parse_jrnl_json(json.dumps(JRNL_EXPORT["entries"][0]))
    assert [d.title for d in preview.drafts()] == ["Shift on the ward with @Sam."]
    record = {"title": "", "body": "Only a body " + "word " * 20, "date": "2026-01-01"}
    (draft,) = parse_jrnl_json(json.dumps(record)).drafts()
    assert draft.title.startswith("Only a body word") and draft.title.endswith("…")


def test_an_over_long_first_word_becomes_a_short_title_not_a_failure():
    url = "https://example.org/" + "x" * 400
    (draft,) = parse_jrnl_json(json.dumps({"title": url, "body": "b", "date": "2026-01-01"}
                                          )).drafts()
    assert len(draft.title) <= 80 and draft.title.endswith("…")
    assert draft.body == f"{url}\n\nb"  # the long title is kept, at the top of the body


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a jrnl JSON export"),
        ('{"entries": []}', "holds no entries"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_a_jrnl_export_is_one_clear_error(text: str, fragment: str):
    with pytest.raises(InvalidInput) as caught:
        parse_jrnl_json(text, "old.json")
    assert fragment in str(caught.value) and str(caught.value).startswith("old.json")


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        (3, "each entry must be a JSON object"),
        ({"title": "t", "date": "2026-02-30"}, "'date'"),
        ({"title": "t"}, "'date' is missing"),
        ({"title": "t", "date": "2026-01-01", "time": "25:00"}, "no such time"),
        ({"title": "t", "date": "2026-01-01", "tags": "a"}, "'tags' must"),
        ({"title": 5, "date": "2026-01-01"}, "'title' must be text"),
        ({"title": " ", "body": "", "date": "2026-01-01"}, "neither"),
    ],
)
def test_a_bad_entry_is_listed_and_the_others_still_come(record: object, fragment: str):
    good = {"title": "Fine", "date": "2026-01-01"}
    preview = parse_jrnl_json(json.dumps({"entries": [good, record]}), "old.json")
    assert [d.title for d in preview.drafts()] == ["Fine"]
    (bad,) = preview.unreadable
    assert bad.where == "old.json, entry 2"
    assert fragment in bad.reason


def test_fields_with_no_place_are_summed_up():
    record = dict(JRNL_EXPORT["entries"][0], creator={"device_agent": "Mac"})  # type: ignore
    preview = parse_jrnl_json(json.dumps({"entries": [record, record]}))
    assert preview.problems == (
        "'creator' of 2 entries not imported (jrnl's details of the device it was written on).",
    )


def test_markdown_export_gives_titles_without_dates_times_tags_and_bodies():
    preview = parse_jrnl_markdown(JRNL_MARKDOWN, "export.md")
    drafts = preview.drafts()
    assert [(d.title, d.time_of_day) for d in drafts] == [
        ("Same text.", dt.time(9, 0)),
        ("First shift on Cedar ward with @mentor and #ward.", dt.time(16, 45)),
        ("Same text.", dt.time(21, 0)),
        ("Multi para. First line body.", dt.time(13, 0)),
    ]
    assert drafts[1].tags == ("mentor", "ward")
    assert drafts[1].body == "Felt nervous but ok."
    assert drafts[0].body == ""
    # jrnl pushed the body's own heading down three levels: it comes back as written.
    assert drafts[3].body == "## Second para with #tag: colon\n- list"
    assert drafts[3].tags == ("tag",)
    assert len(set(preview.source_keys())) == 4


def test_markdown_heading_with_a_date_format_jrnl_was_not_set_to_is_listed():
    text = "### 12/01/2026 09:00 Odd\n\nbody\n \n### 2026-01-13 10:00 Fine\n\nok\n "
    preview = parse_jrnl_markdown(text, "export.md")
    assert [d.title for d in preview.drafts()] == ["Fine"]
    assert "timeformat" in preview.unreadable[0].reason


def test_markdown_file_without_entry_headings_is_refused():
    with pytest.raises(InvalidInput, match="not a jrnl Markdown export"):
        parse_jrnl_markdown("# Notes\n\njust text", "notes.md")


def test_yaml_export_file_is_read_line_by_line():
    entry = parse_jrnl_yaml_entry(JRNL_YAML)
    draft = entry.draft
    assert draft.title == "First shift on Cedar ward with @mentor and #ward."
    assert (draft.occurred_on, draft.time_of_day) == (dt.date(2026, 1, 12), dt.time(16, 45))
    assert draft.tags == ("ward", "mentor", STARRED_TAG)
    assert draft.body == "Felt nervous but ok.\n## A heading\nMore."
    assert entry.uuid == "0A1B2C"


def test_yaml_folder_lists_files_that_are_not_jrnl_entries(tmp_path: Path):
    (tmp_path / "2026-01-12_first.md").write_text(JRNL_YAML, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# A note of my own", encoding="utf-8")
    preview = read_jrnl_yaml(tmp_path)
    assert preview.count == 1
    assert preview.source_keys() == ["jrnl:0A1B2C"]
    (bad,) = preview.unreadable
    assert bad.where == "notes.md" and "not a jrnl YAML export file" in bad.reason
