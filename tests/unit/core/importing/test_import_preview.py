"""Recognising what the journal already holds, and reading with a hint for the wrong format."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from psw_journal.core.entry import EntryDraft
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import load_framework
from psw_journal.core.importing import (
    ImportFormat,
    ImportItem,
    ImportPreview,
    KnownEntries,
    content_fingerprint,
    read_import,
    read_source,
)

DAY = dt.date(2026, 3, 1)


def _item(title: str, key: str | None, *, tags: tuple[str, ...] = (),
          legacy: tuple[str, ...] = ()) -> ImportItem:
    return ImportItem(EntryDraft(title=title, occurred_on=DAY, tags=tags).validated(), key,
                      legacy)


def test_fresh_skips_known_keys_repeated_keys_old_keys_once_and_matching_content():
    preview = ImportPreview((
        _item("a", "k1"), _item("b", "k2"), _item("b", "k2"),
        _item("c", "new-c", legacy=("old",)), _item("c", "new-c2", legacy=("old",)),
        _item("d", None, tags=("x", "y")), _item("d", None, tags=("y", "x")),
    ))
    known = KnownEntries(
        keys=frozenset({"k1", "old"}),
        contents={content_fingerprint(_item("d", None, tags=("Y", "X")).draft): 1},
    )
    fresh = preview.fresh(known)
    assert [(i.draft.title, i.source_key) for i in fresh.items] == [
        ("b", "k2"), ("c", "new-c2"), ("d", None)]
    assert ImportPreview(()).date_range is None


def test_settings_are_kept_only_for_a_journal_with_no_entries():
    preview = ImportPreview((_item("a", "k"),), settings=(("profile", {"name": "Sam"}),))
    assert preview.fresh(KnownEntries(is_empty=True)).settings == preview.settings
    assert preview.fresh(KnownEntries()).settings == ()


def test_links_to_ids_the_framework_lacks_are_kept_and_reported(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\ncompetences: [no_such]\nprinciples: [safe]\n---\nx")
    preview = read_source("markdown", tmp_path, load_framework())
    assert [link.target_id for link in preview.items[0].draft.links] == ["no_such", "safe"]
    assert any("no_such" in problem and "kept" in problem for problem in preview.problems)


def test_an_import_with_no_entries_or_an_unknown_format_is_refused(tmp_path: Path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(InvalidInput, match="no entries"):
        read_source("jsonl", empty)
    with pytest.raises(InvalidInput, match="unknown import format"):
        read_import("evernote", tmp_path)
    assert ImportFormat("jrnl-yaml").is_folder


@pytest.mark.parametrize(
    ("chosen", "content", "suggested"),
    [
        ("jrnl-json", "# 2026\n\n## January\n\n### 2026-01-12 09:00 A\n\n \n", "jrnl-markdown"),
        ("jsonl", json.dumps({"entries": [{"title": "t", "date": "2026-01-01"}]}, indent=2),
         "jrnl-json"),
        ("jrnl-json", '{"title": "t", "date": "2026-01-01"}\n{"title": "u"}\n', "jsonl"),
        ("jrnl-json", json.dumps({"entries": [{"uuid": "A", "creationDate": "x"}]}), "dayone"),
        ("jrnl-markdown", "[2026-01-12 09:00] An entry in jrnl's own file.\n",
         "export it first with 'jrnl --export json"),
    ],
)
def test_a_wrong_format_gets_a_hint_naming_the_right_one(
    tmp_path: Path, chosen: str, content: str, suggested: str
):
    path = tmp_path / "export.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_source(chosen, path)
    assert suggested in str(caught.value)
    assert "\n" not in str(caught.value)


def test_importing_loads_neither_qt_nor_the_orm_nor_yaml_until_needed():
    code = ("import sys, psw_journal.core.importing; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'PySide6', 'sqlalchemy', 'yaml'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
