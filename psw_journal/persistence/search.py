"""Searching and listing entries, from what a user types to the entry list's SQL.

What is typed becomes a safe FTS5 query; the list's SQL ranks inside FTS5, pages, and reads
covering indexes only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from psw_journal.core.entry import EntrySummary
from psw_journal.core.queries import EntryQuery
from psw_journal.persistence.entries import BATCH, as_datetime, as_time, split_tags, time_column

_TERM = re.compile(r'"([^"]*)"|(\S+)')
#: Bodies longer than this (in characters) get their search snippet made in Python.
LONG_BODY = 100_000


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
    filters = _Filters(live, linked, params)
    if match:
        params["match"] = match
        return _search_sql(query, marks, filters, count_only=count_only, time_col=time_col)
    return _browse_sql(query, filters, count_only=count_only, time_col=time_col)


@dataclass(frozen=True, slots=True)
class _Filters:
    """An entry query's conditions, and the values they are bound to."""

    #: Conditions on the entry row itself (trash, dates).
    live: list[str]
    #: Sub-selects of entry ids (links, tags).
    linked: list[str]
    params: dict[str, Any]


def _search_sql(
    query: EntryQuery,
    marks: tuple[str, str],
    filters: _Filters,
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
    where = f"+rowid IN (SELECT id FROM entry WHERE {' AND '.join(filters.live)})"
    where += "".join(f" AND +rowid IN ({sub})" for sub in filters.linked)
    params = filters.params
    if count_only:
        return (
            f"SELECT count(*) FROM entry_fts WHERE entry_fts MATCH :match AND {where}",
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
        f"FROM entry_fts WHERE entry_fts MATCH :match AND {where} ORDER BY score{page}) "
        f"SELECT e.id, e.occurred_on, e.title, e.tags_text, e.updated_at, {snippet}, "
        f"{_qualified(time_col)} "
        "FROM top CROSS JOIN entry_fts ON entry_fts.rowid = top.id "
        "CROSS JOIN entry e ON e.id = top.id "
        "WHERE entry_fts MATCH :match ORDER BY top.score"
    )
    return sql, params


def _browse_sql(
    query: EntryQuery,
    filters: _Filters,
    *,
    count_only: bool,
    time_col: str,
) -> tuple[str, dict[str, Any]]:
    """List entries by date and time: the live-date index gives the order, the page its rows."""
    where = " AND ".join(f"e.{condition}" for condition in filters.live)
    where += "".join(f" AND e.id IN ({sub})" for sub in filters.linked)
    params = filters.params
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
                tags=split_tags(tags_text),
                snippet=snippet or plain_snippet(head or "", query.text, marks),
                updated_at=as_datetime(updated),
                competences=tuple(t for k, t in kinds if k == "competence"),
                principles=tuple(t for k, t in kinds if k == "principle"),
                time_of_day=as_time(time),
            )
        )
    return summaries


def _qualified(time_col: str) -> str:
    return f"e.{time_col}" if time_col != "NULL" else "NULL"


def _links_of(conn: sqlcipher3.Connection, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    result: dict[int, list[tuple[str, str]]] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT entry_id, kind, target_id FROM entry_link WHERE entry_id IN ({marks}) "
            "ORDER BY entry_id, position",
            chunk,
        )
        for entry_id, kind, target in rows:
            result.setdefault(entry_id, []).append((kind, target))
    return result
