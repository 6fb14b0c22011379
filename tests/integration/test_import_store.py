"""Imports and the full export on real encrypted journals: time of day, duplicates, restore."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.errors import JournalError
from psw_journal.core.importing import ImportPreview, KnownEntries
from psw_journal.core.importing.jrnl import parse_jrnl_json
from psw_journal.core.importing.jsonl import parse_jsonl_import
from psw_journal.core.jsonl import content_key
from psw_journal.core.suggest import Feedback
from psw_journal.persistence import engine, schema
from psw_journal.persistence.full_export import FullExportCounts, full_export_lines
from psw_journal.persistence.importing import known_entries, store_import
from psw_journal.persistence.reads import EntryQuery, JournalReader
from psw_journal.persistence.store import JournalStore

PASS = "a long passphrase"
DAY = dt.date(2026, 1, 12)


@pytest.fixture
def store(tmp_path: Path):
    with JournalStore.create(tmp_path / "journal.db", PASS) as opened:
        yield opened


def _journal_at(path: Path, revision: str, titles: list[str]) -> None:
    """Create a journal by running the migrations up to ``revision``, then add entries."""
    engine.create_new(path, PASS).close()
    schema.upgrade(lambda: engine.connect(path, PASS), revision)
    conn = engine.connect(path, PASS)
    try:
        for number, title in enumerate(titles, start=1):
            conn.execute(
                "INSERT INTO entry (id, occurred_on, created_at, updated_at, title, body) "
                "VALUES (?, '2026-05-01', '2026-05-01 10:00:00.000000', "
                "'2026-05-01 10:00:00.000000', ?, 'Met the team at the allotment.')",
                (number, title),
            )
        assert schema.current_revision(conn) == revision
    finally:
        conn.close()


@pytest.mark.parametrize("revision", ["0002", "0004"])
def test_an_older_journal_upgrades_keeps_its_entries_and_gains_times(tmp_path: Path,
                                                                     revision: str):
    path = tmp_path / "journal.db"
    titles = [f"shift {number}" for number in range(12)]
    _journal_at(path, revision, titles)
    with JournalReader.open(path, PASS) as reader:  # read as it is, without the column
        assert [s.time_of_day for s in reader.list(EntryQuery(limit=None))] == [None] * 12
        assert {e.title for e in reader.iter_entries()} == set(titles)
    with JournalStore.open(path, PASS) as opened:
        with opened.raw() as conn:
            assert schema.current_revision(conn) == "0005" == schema.HEAD
            indexed = [row[2] for row in conn.execute("PRAGMA index_info(ix_entry_live_date)")]
            assert indexed == ["deleted_at", "occurred_on", "time_of_day"]
        assert [e.title for e in opened.iter_entries()] == titles
        entry = opened.get(3)
        assert entry.draft.time_of_day is None
        changed = opened.update(3, EntryDraft(title="evening shift", body="allotment again",
                                              occurred_on=entry.occurred_on,
                                              time_of_day=dt.time(19, 45)))
        assert changed.draft.time_of_day == dt.time(19, 45)
        # The full-text triggers survived the migration: edits are found, old text is not.
        assert [s.id for s in opened.list(EntryQuery("evening"))] == [3]
        assert opened.get(3).draft.time_of_day == dt.time(19, 45)


def test_entries_of_one_day_sort_by_their_time_where_known(store: JournalStore):
    times = [dt.time(21, 0), None, dt.time(9, 0), dt.time(13, 30)]
    store.add_many([EntryDraft(title=f"t{i}", occurred_on=DAY, time_of_day=t)
                    for i, t in enumerate(times)])
    store.add(EntryDraft(title="next day", occurred_on=DAY + dt.timedelta(days=1)))
    newest = store.list(EntryQuery())
    assert [s.title for s in newest] == ["next day", "t0", "t3", "t2", "t1"]
    assert newest[1].time_of_day == dt.time(21, 0)
    oldest = [e.title for e in store.iter_entries()]
    assert oldest == ["t1", "t2", "t3", "t0", "next day"]


def _jrnl(*records: dict[str, Any]) -> ImportPreview:
    return parse_jrnl_json(json.dumps({"entries": list(records)}))


def test_two_entries_with_the_same_text_at_two_times_are_kept(store: JournalStore):
    same = {"title": "Same text.", "body": "", "date": "2026-01-12", "tags": ["@a", "#b"]}
    first = store_import(store, _jrnl({**same, "time": "09:00"}, {**same, "time": "21:00"}))
    assert first.added.count == 2
    assert sorted(s.time_of_day for s in store.list(EntryQuery())) == [dt.time(9),
                                                                        dt.time(21)]
    again = _jrnl({**same, "time": "21:00", "tags": ["#b", "@a"]}, {**same, "time": "09:00"})
    assert store_import(store, again).added.count == 0
    assert store.count(EntryQuery()) == 2


def test_a_journal_imported_by_an_earlier_version_is_recognised(store: JournalStore):
    same = {"title": "Same text.", "body": "Words", "date": "2026-01-12", "tags": ["@a"]}
    export = _jrnl({**same, "time": "09:00"}, {**same, "time": "21:00"},
                   {"title": "Other", "date": "2026-01-13", "time": "08:00"})
    # What earlier versions stored: one entry for the two twins, keyed by content, no time.
    old = [item.draft for item in export.items]
    store.add_many([EntryDraft(title=d.title, body=d.body, occurred_on=d.occurred_on,
                               tags=d.tags) for d in (old[0], old[2])],
                   source_keys=[content_key(old[0]), content_key(old[2])])
    store.update(1, EntryDraft(title="Same text.", body="Edited since", occurred_on=DAY,
                               tags=("a",)))
    outcome = store_import(store, export)
    assert [item.draft.time_of_day for item in outcome.added.items] == [dt.time(21)]
    assert store.count(EntryQuery()) == 3
    assert store_import(store, export).added.count == 0


def test_known_entries_reads_only_the_days_the_import_covers(store: JournalStore):
    assert known_entries(store, _jrnl({"title": "x", "date": "2026-01-01"})).is_empty
    store.add_many([EntryDraft(title=f"e{day}", occurred_on=DAY + dt.timedelta(days=day))
                    for day in range(30)])
    known = known_entries(store, _jrnl({"title": "x", "date": "2026-01-12"}))
    assert not known.is_empty and sum(known.contents.values()) == 1


def _rich_journal(store: JournalStore) -> None:
    """Fill a journal with everything a full export must carry."""
    first, second, third = store.add_many([
        EntryDraft(title="Allotment", body="We planted garlic.", occurred_on=DAY,
                   time_of_day=dt.time(9, 30), tags=("group", "outdoors"),
                   links=(Link(LinkKind.PRINCIPLE, "safe", "We agreed where to meet."),
                          Link(LinkKind.COMPETENCE, "crs_build_trust_rapport")),
                   stress=2, template="gibbs"),
        EntryDraft(title="Supervision", body="Talked it through.", occurred_on=DAY),
        EntryDraft(title="Binned", body="Not needed.", occurred_on=DAY + dt.timedelta(days=1)),
    ], source_keys=["dayone:ABC", None, None])
    store.update(first.id, EntryDraft(title="Allotment", body="We planted garlic and onions.",
                                      occurred_on=DAY, time_of_day=dt.time(9, 30),
                                      tags=("group", "outdoors"), links=first.draft.links,
                                      stress=2, template="gibbs"), new_revision=True)
    store.move_to_trash(third.id)
    store.set_setting("profile", {"name": "Sam Reyes", "role": "student", "course": "PSW"})
    store.set_setting("people", ["Kerry Tanner", "Gary"])
    store.set_setting("confidentiality_ignore", ["Willow Ward"])
    store.set_setting("suggestion_feedback",
                      Feedback().record("principle", "safe", "garlic plan", accepted=True)
                      .to_json())
    store.set_setting("dismissed_suggestions", {str(second.id): ["mutual"]})
    store.set_setting("prompt_state", {"dismissed": ["gap:safe"]})
    _coursework(store, first.id)


def _coursework(store: JournalStore, quoted: int) -> None:
    """Two pieces, one in the trash, with text, an example and two revisions."""
    import dataclasses

    from psw_journal.core.briefs import built_in_brief
    from psw_journal.core.coursework import quote_from
    from psw_journal.core.framework import load_framework

    brief = built_in_brief("principles", load_framework())
    piece = store.add_coursework(brief.new_piece("My principles"))
    safe = dataclasses.replace(piece.section("safe"), text="Trust, kept in small ways.",
                               examples=(quote_from(store.get(quoted), "planted garlic"),))
    store.save_coursework(dataclasses.replace(piece, sections=tuple(
        safe if s.key == "safe" else s for s in piece.sections)), new_revision=True)
    binned = store.add_coursework(brief.new_piece("A false start"))
    assert binned.id is not None
    store.move_coursework_to_trash(binned.id)


def _everything(store: JournalStore) -> dict[str, Any]:
    """Read a journal field by field: entries (trash too), revisions, source keys, settings."""
    with store.raw() as conn:
        ids = [i for (i,) in conn.execute("SELECT id FROM entry ORDER BY id")]
        keys = dict(conn.execute("SELECT id, source_key FROM entry").fetchall())
        settings = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM setting")}
    entries = {e.id: e for e in store.iter_entries(ids)}
    pieces = [*store.coursework_pieces(), *store.coursework_pieces(trash=True)]
    return {
        "entries": entries,
        "revisions": {i: [(r.saved_at, r.title, r.body) for r in store.revisions(i)]
                      for i in ids},
        "keys": keys,
        "settings": settings,
        "coursework": {p.id: p for p in pieces},
        "coursework_revisions": {p.id: store.coursework_revisions(p.id) for p in pieces},
    }


def _export(store: JournalStore, path: Path) -> FullExportCounts:
    counts = FullExportCounts()
    path.write_text("".join(full_export_lines(store, counts)), encoding="utf-8")
    return counts


def test_a_full_export_restores_everything_into_a_new_journal(store: JournalStore,
                                                              tmp_path: Path):
    _rich_journal(store)
    export = tmp_path / "full.jsonl"
    counts = _export(store, export)
    assert (counts.entries, counts.trashed, counts.revisions, counts.settings,
            counts.coursework) == (3, 1, 4, 6, 2)
    with JournalStore.create(tmp_path / "new.db", PASS) as new:
        outcome = store_import(new, parse_jsonl_import(export.read_text(encoding="utf-8")))
        assert outcome.settings_restored and len(outcome.ids) == 3
        assert outcome.coursework_restored == 2
        before, after = _everything(store), _everything(new)
        assert after["entries"] == before["entries"]  # content, times, trash, ids
        assert after["revisions"] == before["revisions"]
        assert after["keys"] == before["keys"]
        assert after["settings"] == before["settings"]
        assert after["coursework"] == before["coursework"]  # sections, examples, times, trash
        assert after["coursework_revisions"] == before["coursework_revisions"]
        assert len(after["coursework_revisions"][1]) == 2
        # ... and the restored journal exports the same file, but for its header's time.
        again = tmp_path / "again.jsonl"
        _export(new, again)
        assert export.read_text().splitlines()[1:] == again.read_text().splitlines()[1:]


def test_a_full_export_into_a_journal_in_use_adds_entries_and_keeps_its_settings(
    store: JournalStore, tmp_path: Path
):
    _rich_journal(store)
    export = tmp_path / "full.jsonl"
    _export(store, export)
    with JournalStore.create(tmp_path / "other.db", PASS) as other:
        other.add(EntryDraft(title="My own", occurred_on=DAY))
        other.set_setting("profile", {"name": "Alex"})
        preview = parse_jsonl_import(export.read_text(encoding="utf-8"))
        outcome = store_import(other, preview)
        assert not outcome.settings_restored and outcome.coursework_restored == 0
        assert other.coursework_pieces() == []  # their examples name entries by number
        assert other.setting("profile") == {"name": "Alex"}
        assert other.setting("people") is None
        assert sorted(e.title for e in other.iter_entries()) == ["Allotment", "My own",
                                                                 "Supervision"]
        assert other.count(EntryQuery(trash=True)) == 1
        allotment = next(e for e in other.iter_entries() if e.title == "Allotment")
        assert allotment.id != 1 and len(other.revisions(allotment.id)) == 2
        assert store_import(other, preview).added.count == 0  # and it is recognised again
    assert store_import(store, parse_jsonl_import(export.read_text())).added.count == 0


def test_keeping_ids_is_refused_if_the_journal_is_no_longer_empty(store: JournalStore,
                                                                  tmp_path: Path):
    _rich_journal(store)
    export = tmp_path / "full.jsonl"
    _export(store, export)
    preview = parse_jsonl_import(export.read_text(encoding="utf-8"))
    with JournalStore.create(tmp_path / "new.db", PASS) as new:
        fresh = preview.fresh(KnownEntries(is_empty=True))
        new.add(EntryDraft(title="Written meanwhile", occurred_on=DAY))
        with pytest.raises(JournalError, match="not empty any more"):
            new.add_imported(fresh.items, dict(fresh.settings), keep_ids=True)
        assert new.count(EntryQuery()) == 1 and new.setting("profile") is None
