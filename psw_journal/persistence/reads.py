"""Reading a journal with plain SQL on a keyed connection: quick, and free of SQLAlchemy.

The command line's read-only commands (list, search, show, export, coverage...) open a
:class:`JournalReader` and so never pay for importing the ORM; the app's :class:`JournalStore`
shares these reads through :class:`JournalReads` and uses the ORM for writing only. The SQL
lives by concern: entries and their rows in :mod:`.entries`, search in :mod:`.search`, the
stored findings in :mod:`.findings_cache`.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import sqlcipher3

from psw_journal.core.entry import Entry, EntrySummary, Revision
from psw_journal.core.errors import JournalDamaged, JournalError, NotAJournal, WrongPassphrase
from psw_journal.core.queries import EntryQuery
from psw_journal.persistence import backups, engine, findings_cache, schema
from psw_journal.persistence.entries import fetch_entry, iter_entries, time_column
from psw_journal.persistence.search import (
    MAX_TERMS,
    MIN_PREFIX,
    SearchTerms,
    fetch_summaries,
    list_sql,
    parse_search,
    plain_snippet,
    to_match_expression,
)

if TYPE_CHECKING:
    from psw_journal.core.confidentiality import Finding
    from psw_journal.core.coursework import Coursework
    from psw_journal.core.coverage import TargetTally
    from psw_journal.services.journal import JournalReading

__all__ = ["MAX_TERMS", "MIN_PREFIX", "EntryQuery", "JournalReader", "JournalReads",
           "SearchTerms", "fetch_entry", "iter_entries", "parse_search", "plain_snippet",
           "time_column", "to_match_expression"]

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

    # -- coverage: counts made in SQL -------------------------------------------------------

    @translated
    def link_tallies(
        self, date_from: dt.date | None = None, date_to: dt.date | None = None
    ) -> builtins.list[TargetTally]:
        """Return, per linked target, its distinct live entries and latest day (in a window)."""
        from psw_journal.persistence import coverage_queries

        with self.raw() as conn:
            return coverage_queries.link_tallies(conn, date_from, date_to)

    @translated
    def stress_points(self) -> builtins.list[tuple[dt.date, int]]:
        """Return (day, stress 1-5) for every live entry with a stress check-in, oldest first."""
        from psw_journal.persistence import coverage_queries

        with self.raw() as conn:
            return coverage_queries.stress_points(conn)

    @translated
    def principle_months(self) -> builtins.list[tuple[str, str, int]]:
        """Return (principle id, "YYYY-MM", live entries that month) per linked principle."""
        from psw_journal.persistence import coverage_queries

        with self.raw() as conn:
            return coverage_queries.principle_months(conn)

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
        """Return (entry, field, finding) for every identifying detail in entries' fields.

        Every field an export shows is checked (title, body, tags, evidence notes). Findings
        stored in the journal are reused while their key (fields, lists, rules) still matches;
        other entries are checked again, and their findings stored back when the journal is
        open for writing (a read-only command or an older schema skips that). No "ignore"
        list is applied.
        """
        from psw_journal.core.confidentiality import (
            decode_findings,
            entry_fields,
            findings_key,
            stored_findings,
        )

        chosen = builtins.list(entries)
        people, own = self.confidentiality_lists()
        with self.raw() as conn:
            stored = findings_cache.read(conn, [entry.id for entry in chosen])
        found: builtins.list[tuple[Entry, str, Finding]] = []
        fresh: builtins.list[tuple[int, str, str]] = []
        for entry in chosen:
            fields = entry_fields(entry.draft)
            key = findings_key(fields, people, own)
            row = stored.get(entry.id)
            if row is None or row[0] != key:
                row = stored_findings(fields, people, own)
                fresh.append((entry.id, *row))
            found += [(entry, name, f) for name, f in decode_findings(row[1], fields)]
        if fresh and self.can_write:
            with self.raw() as conn:
                findings_cache.write(conn, fresh)
        return found


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
        """Use the reader in a ``with`` block; it closes at the end."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close, whatever happened in the block."""
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


if TYPE_CHECKING:  # mypy checks that a reader is what the front ends are typed against

    def _is_journal_reading(reader: JournalReader) -> JournalReading:
        return reader
