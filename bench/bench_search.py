"""Search: the app's results page against raw FTS5, and ``psw-journal search`` against jrnl.

In-process, on the same encrypted journal, interleaved: ``JournalStore.list(EntryQuery(text=...,
limit=50))`` (what the app's list shows: summaries with snippets and links) against the same SQL
shape on a plain keyed ``sqlcipher3`` connection (FTS5 MATCH, snippet(), bm25 order, LIMIT 50;
rows fetched, nothing built; the ranking done in FTS5 first, then the 50 rows read, see
RAW_SQL; the one-statement shape is timed too, as ``raw_one_statement``). Queries: a common
word, a phrase, a rare word (0.1% of entries), the common word with a competence filter and
with a one-year date range.

Whole process, interleaved: ``psw-journal search`` against ``jrnl -contains`` on the same corpus
(jrnl 4, plain-text and encrypted journals): the rare word against plain jrnl, the common word
against encrypted ``jrnl --short``.
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Any

from bench.common import (
    PASSPHRASE,
    PSW,
    Result,
    base_env,
    command_timer,
    interleaved,
    jrnl_cmd,
    jrnl_env,
    summary,
)
from bench.generate import COMMON_WORD, PHRASE, RARE_WORD, Corpus

PAGE = 50
#: The raw reference: rank in FTS5 alone (liveness and filters read from covering indexes), then
#: read the 50 winning rows and make their snippets. Same columns, order and page as the app.
RAW_SQL = """WITH top AS (
  SELECT rowid AS id, bm25(entry_fts, 5.0, 1.0, 3.0) AS score FROM entry_fts
  WHERE entry_fts MATCH :match
    AND +rowid IN (SELECT id FROM entry WHERE deleted_at IS NULL {where}) {joins}
  ORDER BY score LIMIT :limit)
SELECT e.id, e.occurred_on, e.title, e.tags_text, e.updated_at,
       snippet(entry_fts, -1, '[', ']', '…', 14)
FROM top CROSS JOIN entry_fts ON entry_fts.rowid = top.id CROSS JOIN entry e ON e.id = top.id
WHERE entry_fts MATCH :match ORDER BY top.score"""
#: The one-statement shape (join, filter, rank, snippet, LIMIT): every match's entry row is read
#: (its columns after the body walk the body's overflow pages, each decrypted) before the LIMIT.
NAIVE_SQL = (
    "SELECT e.id, e.occurred_on, e.title, e.tags_text, e.updated_at, "
    "snippet(entry_fts, -1, '[', ']', '…', 14) "
    "FROM entry e JOIN entry_fts ON entry_fts.rowid = e.id {joins} "
    "WHERE e.deleted_at IS NULL AND entry_fts MATCH :match {where} "
    "ORDER BY bm25(entry_fts, 5.0, 1.0, 3.0) LIMIT :limit"
)


def queries(competence: str) -> dict[str, dict[str, Any]]:
    """Return the searched queries: EntryQuery keyword arguments by name."""
    return {
        "common": {"text": COMMON_WORD},
        "phrase": {"text": PHRASE},
        "rare": {"text": RARE_WORD},
        "competence": {"text": COMMON_WORD, "competence": competence},
        "date_range": {"text": COMMON_WORD, "date_from": dt.date(2023, 1, 1),
                       "date_to": dt.date(2023, 12, 31)},
    }


def raw_connection(path: Path) -> Any:
    """A plain keyed sqlcipher3 connection, as the product keys its own."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA key = '" + PASSPHRASE.replace("'", "''") + "'")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def raw_page(conn: Any, query: dict[str, Any], naive: bool = False) -> list[Any]:
    """Run one results page as raw SQL (two-stage, or the naive one-statement shape)."""
    params: dict[str, Any] = {"limit": PAGE, "match": _match(query["text"])}
    joins, where = "", ""
    if query.get("competence"):
        joins = ("JOIN entry_link lc ON lc.entry_id = e.id AND lc.kind = 'competence' "
                 "AND lc.target_id = :lc") if naive else (
                 "AND +rowid IN (SELECT entry_id FROM entry_link WHERE kind = 'competence' "
                 "AND target_id = :lc)")
        params["lc"] = query["competence"]
    if query.get("date_from"):
        where = ("AND e.occurred_on >= :date_from AND e.occurred_on <= :date_to" if naive else
                 "AND occurred_on >= :date_from AND occurred_on <= :date_to")
        params.update(date_from=query["date_from"].isoformat(),
                      date_to=query["date_to"].isoformat())
    sql = NAIVE_SQL if naive else RAW_SQL
    return conn.execute(sql.format(joins=joins, where=where), params).fetchall()


def _match(text: str) -> str:
    """Quote words (and a quoted phrase) for FTS5, as any app must."""
    if text.startswith('"'):
        return text
    return " ".join('"' + word + '"' for word in text.split())


def in_process(corpus: Corpus, runs: int, result: Result, enforce: bool) -> None:
    """Time the app's results page against raw FTS5, query by query."""
    from psw_journal.core.framework import load_framework
    from psw_journal.persistence.store import EntryQuery, JournalStore

    competence = load_framework().competences[0].id
    store = JournalStore.open(corpus.journal, PASSPHRASE, write=False)
    conn = raw_connection(corpus.journal)
    figures: dict[str, Any] = {}
    try:
        for name, kwargs in queries(competence).items():
            query = EntryQuery(limit=PAGE, **kwargs)
            app_rows = store.list(query)
            raw_rows = raw_page(conn, kwargs)
            if [s.id for s in app_rows] != [r[0] for r in raw_rows]:
                result.notes.append(f"search {name}: the app and raw SQL returned different "
                                    "pages (ids differ)")
            times = interleaved(runs, {"app": lambda q=query: store.list(q),
                                       "raw": lambda k=kwargs: raw_page(conn, k),
                                       "naive": lambda k=kwargs: raw_page(conn, k, True)},
                                warmup=2)
            app, raw = statistics.median(times["app"]), statistics.median(times["raw"])
            ratio = [a / r for a, r in zip(times["app"], times["raw"], strict=True)]
            figures[name] = {"app_s": summary(times["app"], 6), "raw_s": summary(times["raw"], 6),
                             "raw_one_statement_s": summary(times["naive"], 6),
                             "ratio": summary(ratio, 3), "rows": len(app_rows)}
            allowed = max(2 * raw, raw + 0.002)
            detail = (f"app {app * 1000:.2f} ms (min {min(times['app']) * 1000:.2f}, max "
                      f"{max(times['app']) * 1000:.2f}), raw {raw * 1000:.2f} ms, "
                      "raw one-statement "
                      f"{statistics.median(times['naive']) * 1000:.2f} ms, "
                      f"{len(app_rows)} rows")
            record = result.check if enforce else _unjudged(result)
            if name != "rare":
                record(f"search in-app {name} page median", app * 1000, 12, "<= 12 ms", " ms",
                       detail)
            record(f"search in-app {name} vs raw FTS5", app * 1000, allowed * 1000,
                   f"<= max(2x raw, raw+2 ms) = {allowed * 1000:.2f} ms", " ms",
                   f"ratio {app / raw:.2f}x")
        _hostile(store, runs, result, enforce, figures)
    finally:
        store.close()
        conn.close()
    result.figures["in_process"] = figures


#: Queries that once took seconds to minutes: each must answer, page and count, in 0.5 s.
HOSTILE = {
    "twelve common prefixes": "su* st* sa* se* sh* si* so* sp* re* co* pe* wa*",
    "5,000 one-letter prefixes": "s* " * 5000,
    "5,000 words": " ".join(f"w{n}" for n in range(5000)),
}


def _hostile(store: Any, runs: int, result: Result, enforce: bool,
             figures: dict[str, Any]) -> None:
    from psw_journal.persistence.store import EntryQuery

    record = result.check if enforce else _unjudged(result)
    for name, text in HOSTILE.items():
        page, everything = EntryQuery(text=text, limit=PAGE), EntryQuery(text=text)
        times = interleaved(max(3, runs // 4), {"app": lambda p=page, e=everything: (
            store.list(p), store.count(e))}, warmup=1)["app"]
        figures[f"hostile {name}"] = {"page_and_count_s": summary(times, 6)}
        record(f"search in-app {name}, page and count", statistics.median(times) * 1000, 500,
               "<= 500 ms", " ms")


def whole_process(corpus: Corpus, runs: int, result: Result, enforce: bool) -> None:
    """Time ``psw-journal search`` against jrnl, interleaved."""
    env, jenv = base_env(), jrnl_env()
    journal = ["--journal", str(corpus.journal)]
    config = corpus.jrnl_config
    contenders = {
        "psw_rare": command_timer([PSW, *journal, "search", RARE_WORD], env, True),
        "jrnl_plain_rare": command_timer(jrnl_cmd(config, "default", "-contains", RARE_WORD),
                                         jenv, True),
        "psw_common": command_timer([PSW, *journal, "search", COMMON_WORD], env, True),
        "jrnl_secret_common_short": command_timer(
            jrnl_cmd(config, "secret", "-contains", COMMON_WORD, "--short"), jenv, True),
    }
    times = interleaved(runs, contenders)
    s = {name: summary(values) for name, values in times.items()}
    result.figures["whole_process_s"] = s
    record = result.check_at_least if enforce else _unjudged(result)
    for psw, jrnl, label in (("psw_rare", "jrnl_plain_rare", "rare word vs plain jrnl"),
                             ("psw_common", "jrnl_secret_common_short",
                              "common word vs encrypted jrnl --short")):
        speedup = s[jrnl]["median"] / s[psw]["median"]
        per_run = [j / p for j, p in zip(times[jrnl], times[psw], strict=True)]
        result.figures[f"speedup_{psw}"] = summary(per_run, 3)
        record(f"search whole process, {label}: speed-up", speedup, 5, ">= 5x", "x",
               f"psw-journal {s[psw]['median']:.3f} s ({s[psw]['min']:.3f}-{s[psw]['max']:.3f}), "
               f"jrnl {s[jrnl]['median']:.3f} s ({s[jrnl]['min']:.3f}-{s[jrnl]['max']:.3f})")


def _unjudged(result: Result):  # type: ignore[no-untyped-def]
    from bench.common import Check

    def add(name: str, value: float, limit: float, target: str, unit: str = "",
            detail: str = "") -> None:
        result.checks.append(Check(name, value, target, None, unit, detail))
    return add


def bench(corpus: Corpus, runs: int, process_runs: int, enforce: bool = True,
          whole: bool = True) -> Result:
    """Run both halves of the search benchmark."""
    result = Result("search")
    in_process(corpus, runs, result, enforce)
    if whole:
        whole_process(corpus, process_runs, result, enforce)
    return result
