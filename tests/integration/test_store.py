"""The journal store on real SQLCipher files: revisions, trash, search, schema, backups, keys."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlcipher3

from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.errors import JournalError, JournalLocked, WrongPassphrase
from psw_journal.persistence import backups, engine, schema
from psw_journal.persistence.store import (
    EntryQuery,
    JournalStore,
    plain_snippet,
    to_match_expression,
)

PASS = "a long passphrase"


@pytest.fixture
def store(tmp_path: Path):
    with JournalStore.create(tmp_path / "journal.db", PASS) as opened:
        yield opened


def _draft(title: str, body: str = "", **kwargs: object) -> EntryDraft:
    return EntryDraft(title=title, body=body, occurred_on=dt.date(2026, 5, 1), **kwargs)  # type: ignore[arg-type]


def test_new_journal_is_at_the_schema_head(store: JournalStore):
    with store.raw() as conn:
        assert schema.current_revision(conn) == schema.HEAD
        assert conn.execute("PRAGMA application_id").fetchone()[0] == engine.APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_edits_keep_revisions_and_a_revision_can_be_restored(store: JournalStore):
    entry = store.add(_draft("Shift", "first words"))
    store.update(entry.id, _draft("Shift", "second words"), new_revision=True)
    store.update(entry.id, _draft("Shift", "second words, more"))  # coalesces while typing
    revisions = store.revisions(entry.id)
    assert [r.body for r in revisions] == ["second words, more", "first words"]

    restored = store.restore_revision(entry.id, revisions[-1].id)
    assert restored.body == "first words"
    assert [r.body for r in store.revisions(entry.id)] == [
        "first words",
        "second words, more",
        "first words",
    ]


def test_revision_of_another_entry_is_refused(store: JournalStore):
    one, two = store.add(_draft("one", "a")), store.add(_draft("two", "b"))
    with pytest.raises(JournalError, match="no revision"):
        store.restore_revision(one.id, store.revisions(two.id)[0].id)


def test_search_index_follows_edits_trash_and_purge(store: JournalStore):
    entry = store.add(_draft("Group work", "We planned the allotment visit", tags=("community",)))
    assert [s.id for s in store.list(EntryQuery(text="allotment"))] == [entry.id]
    assert [s.id for s in store.list(EntryQuery(text="community"))] == [entry.id]

    store.update(entry.id, _draft("Group work", "We planned the museum visit"))
    assert store.list(EntryQuery(text="allotment")) == []
    assert [s.id for s in store.list(EntryQuery(text="museum"))] == [entry.id]

    store.move_to_trash(entry.id)
    assert store.list(EntryQuery(text="museum")) == []
    assert [s.id for s in store.list(EntryQuery(text="museum", trash=True))] == [entry.id]
    assert store.empty_trash() == 1
    assert store.list(EntryQuery(text="museum", trash=True)) == []
    with store.raw() as conn:
        assert conn.execute("SELECT count(*) FROM entry_fts").fetchone()[0] == 0


def test_search_ranks_title_matches_first_and_marks_snippets(store: JournalStore):
    body_only = store.add(_draft("Tuesday", "We talked about boundaries for a while."))
    in_title = store.add(_draft("Boundaries", "A short note."))
    hits = store.list(EntryQuery(text="boundaries"), marks=("<", ">"))
    assert [h.id for h in hits] == [in_title.id, body_only.id]
    assert "<boundaries>" in hits[1].snippet


def test_filters_combine(store: JournalStore):
    link = (Link(LinkKind.COMPETENCE, "crs_trust"), Link(LinkKind.PRINCIPLE, "safe"))
    match = store.add(
        EntryDraft(
            title="a", body="walk", occurred_on=dt.date(2026, 2, 1), tags=("outdoors",), links=link
        )
    )
    store.add(EntryDraft(title="b", body="walk", occurred_on=dt.date(2025, 2, 1), links=link))
    store.add(EntryDraft(title="c", body="walk", occurred_on=dt.date(2026, 2, 2)))
    query = EntryQuery(
        text="walk",
        competence="crs_trust",
        principle="safe",
        tag="outdoors",
        date_from=dt.date(2026, 1, 1),
        date_to=dt.date(2026, 12, 31),
    )
    assert [s.id for s in store.list(query)] == [match.id]
    assert store.count(query) == 1
    assert store.count() == 3


def test_paging_is_stable_and_newest_first(store: JournalStore):
    drafts = [
        EntryDraft(title=f"e{i}", occurred_on=dt.date(2026, 1, 1) + dt.timedelta(days=i))
        for i in range(25)
    ]
    store.add_many(drafts)
    pages = [store.list(EntryQuery(limit=10, offset=o)) for o in (0, 10, 20)]
    titles = [s.title for page in pages for s in page]
    assert titles == [f"e{i}" for i in reversed(range(25))]


def test_add_many_is_all_or_nothing(store: JournalStore):
    with pytest.raises(JournalError):
        store.add_many([_draft("ok"), _draft("bad", stress=7)])
    assert store.count() == 0


def test_links_to_unknown_ids_are_kept(store: JournalStore):
    entry = store.add(_draft("x", links=(Link(LinkKind.COMPETENCE, "from_another_edition", "n"),)))
    assert store.get(entry.id).draft.links == (
        Link(LinkKind.COMPETENCE, "from_another_edition", "n"),
    )


def test_settings_are_stored_in_the_journal(store: JournalStore):
    store.set_setting("profile", {"name": "Sam", "role": "student"})
    assert store.setting("profile") == {"name": "Sam", "role": "student"}
    assert store.setting("missing", []) == []


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "journal.db"
    with JournalStore.create(path, PASS) as store, store.raw() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(JournalError, match="newer version"):
        JournalStore.open(path, PASS)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def _journal_at_0001(path: Path, titles: list[str]) -> None:
    """Create a journal by running only migration 0001, then add entries with plain SQL."""
    engine.create_new(path, PASS).close()
    schema.upgrade(lambda: engine.connect(path, PASS), "0001")
    conn = engine.connect(path, PASS)
    try:
        for number, title in enumerate(titles, start=1):
            conn.execute(
                "INSERT INTO entry (id, occurred_on, created_at, updated_at, title, body) "
                "VALUES (?, '2026-05-01', '2026-05-01 10:00:00.000000', "
                "'2026-05-01 10:00:00.000000', ?, 'Met Kerry Tanner at the Willow Ward.')",
                (number, title),
            )
        assert schema.current_revision(conn) == "0001"
    finally:
        conn.close()


def test_a_0001_journal_is_upgraded_to_the_head_after_a_backup(tmp_path: Path):
    path = tmp_path / "journal.db"
    titles = [f"shift {number}" for number in range(30)]
    _journal_at_0001(path, titles)

    with JournalStore.open(path, PASS) as store:
        with store.raw() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            (stored,) = conn.execute("SELECT count(*) FROM entry_findings").fetchone()
            (index_sql,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'entry_fts'").fetchone()
        assert "prefix='2 3'" in index_sql  # 0003: prefix searches read their own index
        found = store.list(EntryQuery("Wil*", limit=None))
        assert sorted(s.title for s in found) == sorted(titles)
        assert stored == 0  # findings are computed when first needed
        entries = list(store.iter_entries())
        assert [entry.title for entry in entries] == titles
        assert [s.title for s in store.list(EntryQuery("Willow", limit=None))] != []
        found = store.entry_findings(entries)
        assert {(f.kind.value, f.text) for _, _, f in found} >= {("name", "Kerry Tanner")}
        with store.raw() as conn:
            (stored,) = conn.execute("SELECT count(*) FROM entry_findings").fetchone()
        assert stored == len(titles)

    saved = list(backups.backup_folder(path).glob("journal-before-upgrade-0001-*.db"))
    assert len(saved) == 1
    backup = engine.open_existing(saved[0], PASS)
    try:
        assert schema.current_revision(backup) == "0001"
        assert backup.execute("SELECT count(*) FROM entry").fetchone()[0] == len(titles)
    finally:
        backup.close()


def test_stored_findings_follow_edits_and_the_people_list(store: JournalStore):
    entry = store.add(_draft("Visit", "Talked with Kerry Tanner about the week."))
    assert [(f.kind.value, f.text) for _, _, f in store.entry_findings([entry])] == [
        ("name", "Kerry Tanner")
    ]
    edited = store.update(entry.id, _draft("Visit", "Called 07700 900123 for Bramble."))
    assert {f.kind.value for _, _, f in store.entry_findings([edited])} == {"phone"}
    store.set_setting("people", ["Bramble"])
    assert {(f.kind.value, f.text) for _, _, f in store.entry_findings([edited])} == {
        ("phone", "07700 900123"),
        ("name", "Bramble"),
    }
    with store.raw() as conn:
        keys = conn.execute("SELECT key FROM entry_findings").fetchall()
    assert len(keys) == 1


def test_add_many_stores_entries_tags_links_revisions_and_findings(store: JournalStore):
    drafts = [
        _draft("One", "Dr Patel rang.", tags=("ward", "night"),
               links=(Link(LinkKind.COMPETENCE, "c1", "note"), Link(LinkKind.PRINCIPLE, "p1"))),
        _draft("Two", "quiet shift", stress=2),
    ]
    added = store.add_many(drafts, source_keys=["jsonl:a", None])
    assert [entry.draft for entry in added] == [draft.validated() for draft in drafts]
    for entry in added:
        assert store.get(entry.id) == entry
        assert [r.body for r in store.revisions(entry.id)] == [entry.body]
    assert store.source_keys() == {"jsonl:a"}
    assert [s.id for s in store.list(EntryQuery("Patel"))] == [added[0].id]
    assert store.tags() == [("night", 1), ("ward", 1)]
    with store.raw() as conn:
        assert conn.execute("SELECT count(*) FROM entry_findings").fetchone()[0] == 2
    with pytest.raises(JournalError):
        store.add_many([_draft("again")], source_keys=["jsonl:a"])
    assert store.count() == 2


def test_one_automatic_backup_a_day_seven_kept(store: JournalStore):
    folder = backups.backup_folder(store.path)
    for day in range(10):
        store.auto_backup(dt.date(2026, 3, 1) + dt.timedelta(days=day))
    assert store.auto_backup(dt.date(2026, 3, 10)) is None
    created = [dt.date.today()] + [dt.date(2026, 3, d) for d in range(1, 11)]
    newest_seven = sorted(created)[-7:]
    assert sorted(p.name for p in folder.iterdir()) == [
        f"journal-{day.isoformat()}.db" for day in newest_seven
    ]
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600


def test_backup_opens_with_the_same_passphrase(store: JournalStore, tmp_path: Path):
    store.add(_draft("kept", "in the backup"))
    out = store.backup(tmp_path / "copy.db")
    with JournalStore.open(out, PASS, write=False) as copy:
        assert [s.title for s in copy.list()] == ["kept"]
    with pytest.raises(WrongPassphrase):
        JournalStore.open(out, "wrong", write=False)


def test_a_damaged_journal_is_not_backed_up_over_good_backups(store: JournalStore, tmp_path):
    """A damaged page stops the backup instead of being copied.

    SQLite's backup API copies a page that fails its HMAC without complaint: the copy would
    be as damaged as the journal, and a week of them would push every good backup out.
    """
    store.add_many([_draft(f"entry {i}", "reflection " * 300) for i in range(30)])
    store.close()
    folder = backups.backup_folder(store.path)
    (today,) = folder.iterdir()
    older = today.rename(folder / "journal-2026-01-01.db")  # only an older backup is left
    with store.path.open("r+b") as handle:
        handle.seek(4096 * (store.path.stat().st_size // 4096 - 1) + 100)  # the last page
        handle.write(b"\xff" * 16)
    with JournalStore.open(store.path, PASS) as damaged:  # still opens: only that page is bad
        warning = damaged.backup_warning or ""
        assert warning.startswith("The journal is damaged, so no backup was made")
        assert f"psw-journal restore {older}" in warning
        with pytest.raises(JournalError, match="damaged, so no backup was made"):
            damaged.backup(tmp_path / "copy.db")
    assert list(folder.iterdir()) == [older]
    assert not (tmp_path / "copy.db").exists()


def test_change_passphrase(store: JournalStore):
    store.add(_draft("before"))
    store.change_passphrase("new secret")
    store.add(_draft("after"))
    store.close()
    with pytest.raises(WrongPassphrase):
        JournalStore.open(store.path, PASS)
    with JournalStore.open(store.path, "new secret") as reopened:
        assert {s.title for s in reopened.list()} == {"before", "after"}
        assert reopened.integrity_problems() == []


def test_change_passphrase_after_an_edit(store: JournalStore):
    entry = store.add(_draft("first words"))
    store.update(entry.id, _draft("edited words"))  # the ORM's pool now holds the connections
    store.change_passphrase("new secret")
    store.update(entry.id, _draft("edited again"))
    store.close()
    with JournalStore.open(store.path, "new secret", write=False) as reopened:
        assert reopened.get(entry.id).title == "edited again"


def test_reads_from_two_threads_then_edits_share_the_connections(store: JournalStore):
    """Reads before the first edit use the unlocking connection, from any thread.

    No ORM is loaded for them; the ORM then takes the idle connections over.
    """
    entry = store.add(_draft("shared", "words about listening"))
    barrier = threading.Barrier(2)

    def read(_: int) -> int:
        with store.raw() as conn:
            barrier.wait(timeout=10)  # both threads hold a connection at once
            return int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])

    with ThreadPoolExecutor(2) as pool:
        assert list(pool.map(read, range(2))) == [1, 1]
    store.update(entry.id, _draft("shared", "words about listening, edited"))
    assert [s.id for s in store.list(EntryQuery(text="edited"))] == [entry.id]


@pytest.mark.parametrize("edited", [False, True], ids=["before-any-edit", "after-an-edit"])
@pytest.mark.parametrize("event", ["close", "change-passphrase"])
def test_a_connection_lent_when_the_key_goes_is_closed_on_return(
    store: JournalStore, edited: bool, event: str
):
    """A connection out when the journal closes or is re-keyed is closed on return, not reused.

    A reader (on another thread, say) may still hold one at that moment.
    """
    entry = store.add(_draft("kept"))
    if edited:  # the ORM's pool holds the connections from now on
        store.update(entry.id, _draft("kept, edited"))
    with store.raw() as lent:
        if event == "close":
            store.close()
            assert lent.execute("SELECT count(*) FROM entry").fetchone() == (1,)
        else:
            store.change_passphrase("new secret")
    with pytest.raises(sqlcipher3.ProgrammingError):
        lent.execute("SELECT 1")
    if event == "change-passphrase":
        assert [s.id for s in store.list()] == [entry.id]
        assert store.get(entry.id).title.startswith("kept")


def test_second_writer_is_refused_and_lock_released_on_close(store: JournalStore):
    with pytest.raises(JournalLocked, match="already open"):
        JournalStore.open(store.path, PASS)
    store.close()
    JournalStore.open(store.path, PASS).close()


def test_wal_and_temp_files_hold_no_plaintext(store: JournalStore, tmp_path: Path):
    marker = "Unmistakable confidential sentence about Jordan"
    store.add(_draft(marker, marker * 50))
    store.list(EntryQuery(text="unmistakable"))
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path.name


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("peer support", '"peer" "support"'),
        ('"peer support" group', '"peer support" "group"'),
        ("confid*", '"confid"*'),
        ('say "hi', '"say" """hi"'),
        ("AND OR NOT", '"AND" "OR" "NOT"'),
        ("   ", ""),
    ],
)
def test_match_expression(typed: str, expression: str):
    assert to_match_expression(typed) == expression


def test_a_huge_entry_gets_a_snippet_quickly(store: JournalStore):
    body = "Placement diary, week by week. " * 20_000 + "The zanzibar visit at the end."
    entry = store.add(_draft("Diary", body))
    (hit,) = store.list(EntryQuery(text="zanzibar"), marks=("<", ">"))
    assert hit.id == entry.id
    assert "<Placement>" not in hit.snippet and hit.snippet == ""  # beyond the first part
    (hit,) = store.list(EntryQuery(text="diary week"), marks=("<", ">"))
    assert hit.snippet.startswith("<Placement>") or "<diary>" in hit.snippet.lower()


def test_plain_snippet_marks_the_first_query_word():
    text = "We sat by the canal. Later, boundaries came up again."
    assert plain_snippet(text, "boundar*", ("[", "]"), width=10) == (
        "…l. Later, [boundaries] came up a…"
    )
    assert plain_snippet(text, "again", ("[", "]"), width=4) == "… up [again]."
    assert plain_snippet(text, "nothing", ("[", "]")) == ""
