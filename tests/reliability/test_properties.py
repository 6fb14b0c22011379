"""Property-based tests: arbitrary text, broken files and huge entries never cause harm."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psw_journal.core.documents.html import render_fragment
from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.errors import FrameworkError, InvalidInput
from psw_journal.core.framework import default_framework_path, parse_framework
from psw_journal.core.jsonl import entry_to_record, parse_jsonl, record_to_draft
from psw_journal.persistence.store import EntryQuery, JournalStore

PASS = "property passphrase"
# Emoji, right-to-left scripts, combining marks, control characters; NUL and lone surrogates
# are drawn separately below because the journal must refuse them with a clear message.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=400
)
ANY_TEXT = st.text(max_size=200)  # includes NUL and lone surrogates
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def store() -> Iterator[JournalStore]:
    with (
        tempfile.TemporaryDirectory() as folder,
        JournalStore.create(Path(folder) / "journal.db", PASS) as opened,
    ):
        yield opened


drafts = st.builds(
    EntryDraft,
    title=TEXT.map(lambda t: t[:200]),
    body=TEXT,
    occurred_on=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    tags=st.lists(TEXT.filter(lambda t: t.strip().lstrip("#@").strip()), max_size=5).map(tuple),
    links=st.lists(
        st.builds(
            Link,
            st.sampled_from(list(LinkKind)),
            st.from_regex(r"[a-z_]{1,20}", fullmatch=True),
            TEXT,
        ),
        max_size=4,
    ).map(tuple),
    stress=st.none() | st.integers(1, 5),
)


@SETTINGS
@given(draft=drafts)
def test_store_and_jsonl_round_trip_any_unicode(store: JournalStore, draft: EntryDraft):
    expected = draft.validated()
    entry = store.add(draft)
    assert store.get(entry.id).draft == expected
    line = json.dumps(entry_to_record(store.get(entry.id)), ensure_ascii=False)
    assert parse_jsonl(line) == [expected]


@SETTINGS
@given(title=ANY_TEXT, body=ANY_TEXT)
def test_nul_and_lone_surrogates_are_refused_clearly(store: JournalStore, title: str, body: str):
    before = store.count(EntryQuery(limit=None))
    unstorable = any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in title + body)
    if unstorable:
        with pytest.raises(InvalidInput, match="NUL|broken characters"):
            store.add(EntryDraft(title=title, body=body))
        assert store.count(EntryQuery(limit=None)) == before
    else:
        entry = store.add(EntryDraft(title=title, body=body))
        assert store.get(entry.id).body == body
        assert store.count(EntryQuery(limit=None)) == before + 1


@SETTINGS
@given(text=ANY_TEXT)
def test_markdown_renderer_accepts_anything_and_emits_nothing_live(text: str):
    html = render_fragment(f"{text}<script>alert(1)</script>[x](javascript:y) ![i](http://z)")
    tags = " ".join(re.findall(r"<[^>]+>", html)).casefold()
    assert "<script" not in tags and "javascript:" not in tags and "<img" not in tags


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            ANY_TEXT,
            st.dictionaries(
                st.sampled_from(
                    [
                        "title",
                        "body",
                        "date",
                        "tags",
                        "stress",
                        "principles",
                        "competences",
                        "evidence",
                    ]
                ),
                st.none() | st.integers() | ANY_TEXT | st.lists(ANY_TEXT, max_size=3),
                max_size=8,
            ).map(json.dumps),
        ),
        max_size=6,
    )
)
def test_jsonl_import_of_broken_input_is_a_clear_error_or_a_full_parse(lines: list[str]):
    outcome: list[EntryDraft] | InvalidInput
    try:
        outcome = parse_jsonl("\n".join(lines))
    except InvalidInput as exc:
        outcome = exc
    if isinstance(outcome, InvalidInput):
        assert str(outcome) and "\n" not in str(outcome)
    else:
        assert all(isinstance(d, EntryDraft) for d in outcome)
        assert len(outcome) == sum(1 for line in lines if line.strip())


FRAMEWORK = json.loads(default_framework_path().read_text(encoding="utf-8"))


def _paths(node: object, prefix: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            yield from _paths(value, (*prefix, index))


ALL_PATHS = [p for p in _paths(FRAMEWORK) if p]


@settings(max_examples=150, deadline=None)
@given(
    path=st.sampled_from(ALL_PATHS),
    value=st.none() | st.integers() | ANY_TEXT | st.just([]) | st.just({}) | st.just("DELETE"),
)
def test_framework_loader_reports_any_breakage_in_one_line(
    path: tuple[object, ...], value: object
):
    broken = copy.deepcopy(FRAMEWORK)
    parent = broken
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    if value == "DELETE":
        del parent[path[-1]]  # type: ignore[arg-type]
    else:
        parent[path[-1]] = value  # type: ignore[index]
    try:
        parse_framework(broken)
    except FrameworkError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:  # a change the loader accepts must still give a usable framework
        framework = parse_framework(broken)
        assert framework.principles and framework.competences


def test_huge_entry_and_thousands_of_tags(store: JournalStore):
    body = ("A long placement diary paragraph with ünïcödé, עברית and 🙂. " * 170_000)[:10_000_000]
    tags = tuple(f"tag {n}" for n in range(3000))
    entry = store.add(EntryDraft(title="Whole placement diary", body=body, tags=tags))
    loaded = store.get(entry.id)
    assert loaded.body == body and loaded.tags == tags
    assert [s.id for s in store.list(EntryQuery(text="placement diary"))][:1] == [entry.id]
    record = record_to_draft(json.loads(json.dumps(entry_to_record(loaded))))
    assert record == loaded.draft
