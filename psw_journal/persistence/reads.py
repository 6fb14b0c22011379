"""Reading a journal with plain SQL on a keyed connection: quick, and free of SQLAlchemy.

The command line's read-only commands (list, search, show, export, coverage...) open a
:class:`JournalReader` and so never pay for importing the ORM; the app's :class:`JournalStore`
shares these reads through :class:`JournalReads` and uses the ORM for writing only.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import sqlcipher3

from psw_journal.core.entry import Entry, EntryDraft, EntrySummary, Link, LinkKind, Revision
from psw_journal.core.errors import JournalDamaged, JournalError, NotAJournal, WrongPassphrase
from psw_journal.persistence import backups, engine, schema

if TYPE_CHECKING:
    from psw_journal.core.confidentiality import Finding
    from psw_journal.core.coursework import Coursework

_TERM = re.compile(r'"([^"]*)"|(\S+)')
#: Bodies longer than this (in characters) get their search snippet made in Python.
LONG_BODY = 100_000
_BATCH = 500
_ENTRY_COLUMNS = (
    "id, occurred_on, created_at, updated_at, title, body, template, stress, deleted_at, {time}"
)


@dataclass(frozen=True, slots=True)
class EntryQuery:
    """What the entry list shows: a text search and filters, sorted and paged."""

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    competence: str | None = None
    principle: str | None = None
    tag: str | None = None
    trash: bool = False
    newest_first: bool = True
    limit: int | None = 200
    offset: int = 0


#: A search takes at most this many words and phrases; more would only slow it down.
MAX_TERMS = 12
#: A prefix (``word*``) needs this many characters: ``s*`` matches most of a journal's words,
#: and each such term costs a scan of the whole index.
MIN_PREFIX = 2


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """A user's search as a safe FTS5 expression, and the terms left out of it."""

    expression: str
    ignored: tuple[str, ...] = ()


def parse_search(query: str) -> SearchTerms:
    """Turn what a user typed into a safe, bounded FTS5 expression.

    Words must all appear, "quoted words" form a phrase and a trailing * matches a prefix; FTS5
    operators typed by accident are taken as plain words, so no query is ever a syntax error.
    Repeated terms and prefixes another term already implies (``s*`` beside ``support``) are
    dropped; one-letter prefixes and terms past :data:`MAX_TERMS` are ignored and reported,
    so every search stays quick however long the query.
    """
    terms: dict[tuple[str, bool], str] = {}  # (folded term, is prefix) -> term as typed
    ignored: list[str] = []
    for phrase, word in _TERM.findall(query):
        term = phrase if phrase else word
        is_prefix = not phrase and term.endswith("*")
        term = " ".join((term.rstrip("*") if is_prefix else term).split())
        if not term.strip("*"):
            continue
        if is_prefix and len(term) < MIN_PREFIX:
            ignored.append(term + "*")
        elif len(terms) >= 2 * MAX_TERMS:  # enough to choose from; the rest is never read
            ignored.append(term + ("*" if is_prefix else ""))
        else:
            terms.setdefault((term.casefold(), is_prefix), term)
    typed = [(term, is_prefix) for (_, is_prefix), term in terms.items()]
    kept = [(t, p) for t, p in typed if not (p and _implied(t, typed))]
    ignored += [t + ("*" if p else "") for t, p in kept[MAX_TERMS:]]
    parts = ['"' + t.replace('"', '""') + '"' + ("*" if p else "") for t, p in kept[:MAX_TERMS]]
    return SearchTerms(" ".join(parts), tuple(dict.fromkeys(ignored)))


def _implied(prefix: str, terms: list[tuple[str, bool]]) -> bool:
    """Tell whether another term's words all match ``prefix*`` anyway (so it adds nothing)."""
    folded = prefix.casefold()
    return any(
        (other.casefold(), is_prefix) != (folded, True)
        and any(word.casefold().startswith(folded) for word in other.split())
        for other, is_prefix in terms
    )


def to_match_expression(query: str) -> str:
    """Return the FTS5 expression for what a user typed (see :func:`parse_search`)."""
    return parse_search(query).expression


def plain_snippet(text: str, query: str, marks: tuple[str, str], width: int = 60) -> str:
    """Return a short snippet around the first query word in ``text``, the word marked."""
    words = [w.rstrip("*") for phrase, w in _TERM.findall(query) for w in (phrase or w).split()]
    pattern = "|".join(re.escape(w) for w in words if w)
    found = re.search(rf"\b({pattern})\w*", text, re.IGNORECASE) if pattern else None
    if found is None:
        return ""
    start, end = max(found.start() - width, 0), min(found.end() + width, len(text))
    return "".join(
        (
            "…" if start else "",
            text[start : found.start()],
            marks[0],
            found.group(0),
            marks[1],
            text[found.end() : end],
            "…" if end < len(text) else "",
        )
    )


def time_column(conn: sqlcipher3.Connection) -> str:
    """Return the SQL for an entry's time of day: its column, or NULL before schema 0005.

    A journal of an older schema opened for reading only is not upgraded, so its rows have no
    time; every other read works on it as it is.
    """
    found = conn.execute(
        "SELECT 1 FROM pragma_table_info('entry') WHERE name = 'time_of_day'"
    ).fetchone()
    return "time_of_day" if found is not None else "NULL"


def list_sql(
    query: EntryQuery,
    marks: tuple[str, str],
    *,
    count_only: bool = False,
    time_col: str = "time_of_day",
) -> tuple[str, dict[str, Any]]:
    """Build the entry-list SQL for a text search or for browsing, with its parameters.

    ``time_col`` is what :func:`time_column` returned for the journal.
    """
    params: dict[str, Any] = {}
    live = ["deleted_at IS NOT NULL" if query.trash else "deleted_at IS NULL"]
    if query.date_from:
        live.append("occurred_on >= :date_from")
        params["date_from"] = query.date_from.isoformat()
    if query.date_to:
        live.append("occurred_on <= :date_to")
        params["date_to"] = query.date_to.isoformat()
    linked = []
    for name, kind, value in (
        ("lc", "competence", query.competence),
        ("lp", "principle", query.principle),
    ):
        if value:
            linked.append(
                f"SELECT entry_id FROM entry_link WHERE kind = '{kind}' AND target_id = :{name}"
            )
            params[name] = value
    if query.tag:
        linked.append("SELECT entry_id FROM entry_tag WHERE tag = :tag")
        params["tag"] = query.tag
    match = to_match_expression(query.text)
    if match:
        params["match"] = match
        return _search_sql(
            query, marks, live, linked, params, count_only=count_only, time_col=time_col
        )
    return _browse_sql(query, live, linked, params, count_only=count_only, time_col=time_col)


def _search_sql(
    query: EntryQuery,
    marks: tuple[str, str],
    live: list[str],
    linked: list[str],
    params: dict[str, Any],
    *,
    count_only: bool,
    time_col: str,
) -> tuple[str, dict[str, Any]]:
    """Rank inside FTS5, then read only the page's rows.

    Entry rows carry their bodies in overflow pages that must each be decrypted, so the filters
    read covering indexes only (``ix_entry_live_date``, the link and tag keys). The ``+rowid``
    keeps SQLite from pushing the lists into FTS5 (one MATCH per row), and the CROSS JOINs keep
    it from scanning every match again for the snippets.
    """
    filters = f"+rowid IN (SELECT id FROM entry WHERE {' AND '.join(live)})"
    filters += "".join(f" AND +rowid IN ({sub})" for sub in linked)
    if count_only:
        return (
            f"SELECT count(*) FROM entry_fts WHERE entry_fts MATCH :match AND {filters}",
            params,
        )
    page = " LIMIT :limit OFFSET :offset" if query.limit is not None else ""
    if query.limit is not None:
        params.update(limit=query.limit, offset=query.offset)
    params.update(open=marks[0], close=marks[1])
    # FTS5's snippet() is quadratic in the hits of a document, so a huge entry (a pasted
    # placement diary) gets a snippet made in Python from its first part instead.
    snippet = (
        f"CASE WHEN length(e.body) <= {LONG_BODY} "
        "THEN snippet(entry_fts, -1, :open, :close, '…', 14) END, "
        f"CASE WHEN length(e.body) > {LONG_BODY} THEN substr(e.body, 1, {LONG_BODY}) END"
    )
    sql = (
        "WITH top AS (SELECT rowid AS id, bm25(entry_fts, 5.0, 1.0, 3.0) AS score "
        f"FROM entry_fts WHERE entry_fts MATCH :match AND {filters} ORDER BY score{page}) "
        f"SELECT e.id, e.occurred_on, e.title, e.tags_text, e.updated_at, {snippet}, "
        f"{_qualified(time_col)} "
        "FROM top CROSS JOIN entry_fts ON entry_fts.rowid = top.id "
        "CROSS JOIN entry e ON e.id = top.id "
        "WHERE entry_fts MATCH :match ORDER BY top.score"
    )
    return sql, params


def _browse_sql(
    query: EntryQuery,
    live: list[str],
    linked: list[str],
    params: dict[str, Any],
    *,
    count_only: bool,
    time_col: str,
) -> tuple[str, dict[str, Any]]:
    """List entries by date and time: the live-date index gives the order, the page its rows."""
    where = " AND ".join(f"e.{condition}" for condition in live)
    where += "".join(f" AND e.id IN ({sub})" for sub in linked)
    if count_only:
        return f"SELECT count(*) FROM entry e WHERE {where}", params
    direction = "DESC" if query.newest_first else "ASC"
    time = _qualified(time_col)
    sql = (
        f"SELECT e.id, e.occurred_on, e.title, e.tags_text, e.updated_at, NULL, NULL, {time} "
        f"FROM entry e WHERE {where} "
        f"ORDER BY e.occurred_on {direction}, {time} {direction}, e.id {direction}"
    )
    if query.limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=query.limit, offset=query.offset)
    return sql, params


def fetch_summaries(
    conn: sqlcipher3.Connection, query: EntryQuery, marks: tuple[str, str]
) -> list[EntrySummary]:
    """Return one page of the entry list."""
    sql, params = list_sql(query, marks, time_col=time_column(conn))
    rows = conn.execute(sql, params).fetchall()
    links = _links_of(conn, [row[0] for row in rows])
    summaries = []
    for entry_id, day, title, tags_text, updated, snippet, head, time in rows:
        kinds = links.get(entry_id, ())
        summaries.append(
            EntrySummary(
                id=entry_id,
                occurred_on=dt.date.fromisoformat(day),
                title=title,
                tags=_split_tags(tags_text),
                snippet=snippet or plain_snippet(head or "", query.text, marks),
                updated_at=_as_datetime(updated),
                competences=tuple(t for k, t in kinds if k == "competence"),
                principles=tuple(t for k, t in kinds if k == "principle"),
                time_of_day=_as_time(time),
            )
        )
    return summaries


def _qualified(time_col: str) -> str:
    return f"e.{time_col}" if time_col != "NULL" else "NULL"


def iter_entries(conn: sqlcipher3.Connection, ids: Iterable[int] | None = None) -> Iterator[Entry]:
    """Yield live entries (or the given ones) oldest first, read in batches."""
    time = time_column(conn)
    if ids is None:
        id_rows = conn.execute(
            f"SELECT id FROM entry WHERE deleted_at IS NULL ORDER BY occurred_on, {time}, id"
        ).fetchall()
        wanted = [row[0] for row in id_rows]
    else:
        wanted = list(ids)
    columns = _ENTRY_COLUMNS.format(time=time)
    for start in range(0, len(wanted), _BATCH):
        batch = wanted[start : start + _BATCH]
        marks = ",".join("?" * len(batch))
        rows = conn.execute(
            f"SELECT {columns} FROM entry WHERE id IN ({marks})", batch
        ).fetchall()
        by_id = {row[0]: row for row in rows}
        tags = _grouped(conn, "SELECT entry_id, tag FROM entry_tag", batch)
        links = _grouped(conn, "SELECT entry_id, kind, target_id, note FROM entry_link", batch)
        for entry_id in batch:
            if entry_id in by_id:
                yield _entry(by_id[entry_id], tags.get(entry_id, []), links.get(entry_id, []))


def fetch_entry(conn: sqlcipher3.Connection, entry_id: int) -> Entry:
    """Return one entry, trashed or not; raise JournalError if there is none."""
    for entry in iter_entries(conn, [entry_id]):
        return entry
    raise JournalError(f"There is no entry {entry_id}.")


def _grouped(conn: sqlcipher3.Connection, select: str, ids: list[int]) -> dict[int, list[Any]]:
    marks = ",".join("?" * len(ids))
    result: dict[int, list[Any]] = {}
    for row in conn.execute(f"{select} WHERE entry_id IN ({marks}) ORDER BY position", ids):
        result.setdefault(row[0], []).append(row[1:])
    return result


def _entry(row: tuple[Any, ...], tags: list[Any], links: list[Any]) -> Entry:
    entry_id, day, created, updated, title, body, template, stress, deleted, time = row
    draft = EntryDraft(
        title=title,
        body=body,
        occurred_on=dt.date.fromisoformat(day),
        tags=tuple(tag for (tag,) in tags),
        links=tuple(Link(LinkKind(kind), target, note) for kind, target, note in links),
        template=template,
        stress=stress,
        time_of_day=_as_time(time),
    )
    created_at, updated_at = _as_datetime(created), _as_datetime(updated)
    assert created_at is not None and updated_at is not None
    return Entry(
        id=entry_id,
        draft=draft,
        created_at=created_at,
        updated_at=updated_at,
        deleted_at=_as_datetime(deleted),
    )


def _links_of(conn: sqlcipher3.Connection, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    result: dict[int, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT entry_id, kind, target_id FROM entry_link WHERE entry_id IN ({marks}) "
            "ORDER BY entry_id, position",
            chunk,
        )
        for entry_id, kind, target in rows:
            result.setdefault(entry_id, []).append((kind, target))
    return result


def _split_tags(tags_text: str) -> tuple[str, ...]:
    return tuple(tags_text.split("\n")) if tags_text else ()


def _as_datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def _as_time(value: str | None) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(value)


_P = ParamSpec("_P")
_R = TypeVar("_R")
_Self = TypeVar("_Self", bound="JournalReads")


def translated(
    method: Callable[Concatenate[_Self, _P], _R],
) -> Callable[Concatenate[_Self, _P], _R]:
    """Report database failures (disk full, read-only, damage) as JournalErrors for the user."""

    @functools.wraps(method)
    def wrapper(self: _Self, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            if is_database_error(exc):
                raise self.explain(exc) from exc
            raise

    return wrapper


def is_database_error(exc: BaseException) -> bool:
    """Tell whether ``exc`` is SQLCipher's, directly or wrapped by SQLAlchemy."""
    return isinstance(exc, engine.DatabaseError) or isinstance(
        getattr(exc, "orig", None), engine.DatabaseError
    )


class JournalReads:
    """Everything that reads a journal, over a keyed DB-API connection from :meth:`raw`."""

    #: Whether this holds the writer lock and may store what it works out (stored findings);
    #: a read-only command must leave the journal byte-identical.
    can_write = False

    path: Path
    _passphrase: str

    def raw(self) -> contextlib.AbstractContextManager[sqlcipher3.Connection]:
        """Return a context manager lending a keyed DB-API connection."""
        raise NotImplementedError

    def explain(self, exc: BaseException) -> JournalError:
        """Return the user's message for a database failure on this journal."""
        return explained(self.path, self._passphrase, exc)

    @translated
    def list(
        self, query: EntryQuery = EntryQuery(), *, marks: tuple[str, str] = ("[", "]")
    ) -> list[EntrySummary]:
        """Return the entries that match ``query``, best matches (or newest) first."""
        with self.raw() as conn:
            return fetch_summaries(conn, query, marks)

    @translated
    def count(self, query: EntryQuery = EntryQuery()) -> int:
        """Return how many entries match ``query`` (ignoring its paging)."""
        sql, params = list_sql(query, ("", ""), count_only=True)
        with self.raw() as conn:
            return int(conn.execute(sql, params).fetchone()[0])

    @translated
    def get(self, entry_id: int) -> Entry:
        """Return one entry, trashed or not; raise JournalError if there is none."""
        with self.raw() as conn:
            return fetch_entry(conn, entry_id)

    def iter_entries(self, ids: Iterable[int] | None = None) -> Iterator[Entry]:
        """Yield live entries (or the given ones) oldest first, loaded in batches."""
        try:
            with self.raw() as conn:
                yield from iter_entries(conn, ids)
        except Exception as exc:
            if is_database_error(exc):
                raise self.explain(exc) from exc
            raise

    @translated
    def revisions(self, entry_id: int) -> builtins.list[Revision]:
        """Return the entry's saved revisions, newest first."""
        with self.raw() as conn:
            rows = conn.execute(
                "SELECT id, entry_id, saved_at, title, body FROM revision "
                "WHERE entry_id = ? ORDER BY id DESC",
                (entry_id,),
            ).fetchall()
        return [
            Revision(id=r[0], entry_id=r[1], saved_at=dt.datetime.fromisoformat(r[2]),
                     title=r[3], body=r[4])
            for r in rows
        ]

    @translated
    def tags(self) -> builtins.list[tuple[str, int]]:
        """Return every tag in use on live entries with its count, most used first."""
        with self.raw() as conn:
            rows = conn.execute(
                "SELECT t.tag, count(*) AS n FROM entry_tag t JOIN entry e ON e.id = t.entry_id "
                "WHERE e.deleted_at IS NULL GROUP BY t.tag ORDER BY n DESC, t.tag"
            ).fetchall()
        return [(tag, int(n)) for tag, n in rows]

    @translated
    def source_keys(self) -> set[str]:
        """Return the source keys of imported entries (to skip duplicates on re-import)."""
        with self.raw() as conn:
            rows = conn.execute("SELECT source_key FROM entry WHERE source_key IS NOT NULL")
            return {key for (key,) in rows}

    @translated
    def setting(self, key: str, default: Any = None) -> Any:
        """Return a per-journal setting (stored encrypted in the journal)."""
        with self.raw() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    @translated
    def coursework_pieces(self, *, trash: bool = False) -> builtins.list[Coursework]:
        """Return the coursework pieces (or those in the trash), most recently changed first."""
        from psw_journal.persistence.coursework_reads import list_coursework

        with self.raw() as conn:
            return list_coursework(conn, trash=trash)

    @translated
    def coursework(self, piece_id: int) -> Coursework:
        """Return one coursework piece, trashed or not; raise JournalError if there is none."""
        from psw_journal.persistence.coursework_reads import fetch_coursework

        with self.raw() as conn:
            return fetch_coursework(conn, piece_id)

    @translated
    def coursework_revisions(self, piece_id: int) -> builtins.list[dict[str, Any]]:
        """Return a piece's saved states, newest first."""
        from psw_journal.persistence.coursework_reads import coursework_revisions

        with self.raw() as conn:
            return coursework_revisions(conn, piece_id)

    @translated
    def backup(self, out: Path) -> Path:
        """Write an encrypted copy of the journal (same passphrase) to ``out``."""
        backups.check_output_path(out, self.path)
        with self.raw() as conn:
            return backups.write_backup(conn, self._passphrase, out)

    @translated
    def integrity_problems(self) -> builtins.list[str]:
        """Run SQLite's and SQLCipher's integrity checks; return the problems found."""
        with self.raw() as conn:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        return problems

    # -- stored confidentiality findings: a cache in the journal, keyed by text and lists ----

    @translated
    def confidentiality_lists(self) -> tuple[builtins.list[str], builtins.list[str]]:
        """Return the "people I support" list and the user's own names, as checks use them."""
        profile = self.setting("profile", {}) or {}
        people = [str(person) for person in self.setting("people", []) or []]
        name = str(profile.get("name") or "") if isinstance(profile, dict) else ""
        return people, [name] if name else []

    @translated
    def entry_findings(
        self, entries: Iterable[Entry]
    ) -> builtins.list[tuple[Entry, str, Finding]]:
        """Return (entry, field, finding) for every identifying detail in titles and bodies.

        Findings stored in the journal are reused while their key (text, lists, rules) still
        matches; other entries are checked again, and their findings stored back when the
        journal is open for writing (a read-only command or an older schema skips that). No
        "ignore" list is applied.
        """
        from psw_journal.core.confidentiality import (
            decode_findings,
            findings_key,
            stored_findings,
        )

        chosen = builtins.list(entries)
        people, own = self.confidentiality_lists()
        stored = self._stored_findings([entry.id for entry in chosen])
        found: builtins.list[tuple[Entry, str, Finding]] = []
        fresh: builtins.list[tuple[int, str, str]] = []
        for entry in chosen:
            key = findings_key(entry.title, entry.body, people, own)
            row = stored.get(entry.id)
            if row is None or row[0] != key:
                row = stored_findings(entry.title, entry.body, people, own)
                fresh.append((entry.id, *row))
            found += [(entry, name, f) for name, f in decode_findings(row[1], entry.title,
                                                                        entry.body)]
        if fresh and self.can_write:
            self._store_findings(fresh)
        return found

    def _stored_findings(self, ids: builtins.list[int]) -> dict[int, tuple[str, str]]:
        result: dict[int, tuple[str, str]] = {}
        with self.raw() as conn:
            if not self._has_findings_table(conn):
                return result
            for start in range(0, len(ids), _BATCH):
                chunk = ids[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    "SELECT entry_id, key, findings FROM entry_findings "
                    f"WHERE entry_id IN ({marks})",
                    chunk,
                )
                result.update((entry_id, (key, text)) for entry_id, key, text in rows)
        return result

    def _store_findings(self, rows: builtins.list[tuple[int, str, str]]) -> None:
        with self.raw() as conn:
            if not self._has_findings_table(conn):
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT OR REPLACE INTO entry_findings (entry_id, key, findings) "
                    "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM entry WHERE id = ?1)",
                    rows,
                )
                conn.execute("COMMIT")
            except engine.DatabaseError:  # read-only, full or busy: the cache can wait
                if conn.in_transaction:
                    with contextlib.suppress(engine.DatabaseError):
                        conn.execute("ROLLBACK")

    @staticmethod
    def _has_findings_table(conn: sqlcipher3.Connection) -> bool:
        # Journals still at schema 0001 (opened read-only, so not upgraded) have none.
        return conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entry_findings'"
        ).fetchone() is not None


class JournalReader(JournalReads):
    """A journal opened for reading only, on one connection, without the ORM."""

    def __init__(self, path: Path, passphrase: str, conn: sqlcipher3.Connection) -> None:
        self.path = path
        self._passphrase = passphrase
        self._conn = conn
        #: Readers make no automatic backup; a restore finished on opening is reported here.
        self.backup_warning: str | None = None

    @classmethod
    def open(cls, path: Path, passphrase: str) -> JournalReader:
        """Open an existing journal for reading; raise a JournalError the user understands."""
        path = path.expanduser().resolve()
        conn, notice = open_checked(path, passphrase)
        try:
            # Any schema this app knows can be read as it is (later revisions only add tables
            # that reading treats as optional); a newer one is refused by needs_upgrade.
            schema.needs_upgrade(path, revision := schema.current_revision(conn))
            if revision is None:
                raise NotAJournal(f"{path} holds no journal yet; open it in the app first.")
        except BaseException as exc:
            conn.close()
            if is_database_error(exc):  # e.g. a damaged schema page
                raise explained(path, passphrase, exc) from exc
            raise
        reader = cls(path, passphrase, conn)
        reader.backup_warning = notice
        return reader

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlcipher3.Connection]:
        """Lend the reader's connection."""
        yield self._conn

    def close(self) -> None:
        """Close the connection and forget the passphrase."""
        self._conn.close()
        self._passphrase = ""

    def __enter__(self) -> JournalReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def explained(path: Path, passphrase: str, exc: BaseException) -> JournalError:
    """Return the user's message for a database failure on a journal (naming a good backup)."""
    error = engine.explain_failure(path, exc)
    if isinstance(error, JournalDamaged):
        return backups.with_backup_hint(error, path, passphrase)
    return error


def open_checked(path: Path, passphrase: str) -> tuple[sqlcipher3.Connection, str | None]:
    """Open and verify a journal file, naming the newest good backup when it cannot be read.

    A restore cut short is finished first.

    Returns:
        The verified connection, and a sentence for the user if a restore was finished now.
    """
    from psw_journal.persistence.restoring import finish_interrupted

    notice = finish_interrupted(path)
    try:
        return engine.open_existing(path, passphrase), notice
    except (WrongPassphrase, NotAJournal, JournalDamaged) as exc:
        raise backups.with_backup_hint(exc, path, passphrase) from exc
