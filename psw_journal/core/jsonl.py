"""This app's JSON Lines: one JSON object a line, each with a ``type`` (the full export).

A full export (``psw-journal export --format jsonl``) is a ``journal`` header line, then one
``entry`` line per entry (live and trashed, with its times and revisions), then one ``setting``
line per per-journal setting. Lines without a ``type`` are entries too: that is how earlier
versions wrote them, and how a hand-made file is simplest to write.

To add a kind of record (say coursework pieces): write its lines after the entries with a new
``type`` (``persistence/full_export.py``), read them in ``core/importing/jsonl.py``
(``RECORD_READERS``) and store them in ``persistence/importing.py``. A file with a type this
version does not know still imports: those lines are counted and reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from psw_journal.core.entry import (
    Entry,
    EntryDraft,
    Link,
    LinkKind,
    Revision,
    format_time_of_day,
)
from psw_journal.core.errors import InvalidInput

#: Written in the header; a file of a later version is read as far as this version can.
FORMAT_NAME = "psw-journal"
FORMAT_VERSION = 2
HEADER_TYPE, ENTRY_TYPE, SETTING_TYPE = "journal", "entry", "setting"
_STRING_LISTS = ("tags", "principles", "competences")
#: Integers longer than this are not numbers anyone wrote in a journal; reading them would
#: raise Python's own digit-limit error.
_MAX_INT_DIGITS = 20


# --------------------------------------------------------------------------- writing


def header_record(schema: str, exported_at: dt.datetime) -> dict[str, Any]:
    """Return the first line of a full export."""
    return {"type": HEADER_TYPE, "format": FORMAT_NAME, "version": FORMAT_VERSION,
            "schema": schema, "exported_at": utc_text(exported_at)}


def entry_to_record(entry: Entry) -> dict[str, Any]:
    """Return the portable record of an entry's content (no history)."""
    draft = entry.draft
    record: dict[str, Any] = {
        "date": draft.occurred_on.isoformat(),
        "time": format_time_of_day(draft.time_of_day),
        "title": draft.title,
        "body": draft.body,
        "tags": list(draft.tags),
        "principles": list(draft.principle_ids()),
        "competences": list(draft.competence_ids()),
        "stress": draft.stress,
    }
    if draft.template:
        record["template"] = draft.template
    notes = {f"{link.kind.value}:{link.target_id}": link.note for link in draft.links if link.note}
    if notes:
        record["evidence"] = notes
    return record


def full_entry_record(
    entry: Entry, revisions: Sequence[Revision], source_key: str | None
) -> dict[str, Any]:
    """Return an entry's full-export line: content, times, trash, revisions, source key.

    Args:
        entry: The entry, live or trashed.
        revisions: Its saved revisions, oldest first.
        source_key: Where it was imported from, if it was (keeps re-imports from repeating it).
    """
    return {
        "type": ENTRY_TYPE,
        "id": entry.id,
        **entry_to_record(entry),
        "created_at": utc_text(entry.created_at),
        "updated_at": utc_text(entry.updated_at),
        "trashed_at": utc_text(entry.deleted_at) if entry.deleted_at else None,
        "source_key": source_key,
        "revisions": [
            {"saved_at": utc_text(r.saved_at), "title": r.title, "body": r.body}
            for r in revisions
        ],
    }


def setting_record(key: str, value: Any) -> dict[str, Any]:
    """Return the full-export line of one per-journal setting."""
    return {"type": SETTING_TYPE, "key": key, "value": value}


def dump_record(record: Mapping[str, Any]) -> str:
    """Return one record as a line of JSON Lines, newline included."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def utc_text(when: dt.datetime) -> str:
    """Return a stored (naive UTC) datetime as ISO 8601 text ending in ``Z``."""
    return when.isoformat() + "Z"


# --------------------------------------------------------------------------- reading


def load_record_line(line: str) -> Any:
    """Decode one line of JSON; overlong integers become a value no field accepts.

    Raises:
        InvalidInput: The line is not JSON, or is nested too deeply to be a record.
    """
    try:
        return json.loads(line, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not valid JSON ({exc.msg}).") from None
    except RecursionError:
        raise InvalidInput("nested too deeply to be a journal record.") from None


def bounded_int(text: str) -> int | float:
    """Parse a JSON integer; one of absurd length becomes infinity, refused by every field."""
    return int(text) if len(text.lstrip("-")) <= _MAX_INT_DIGITS else float("inf")


def parse_jsonl(text: str) -> list[EntryDraft]:
    """Parse a whole JSON Lines document into drafts, or raise naming the first bad line.

    Entry lines (typed or not) become drafts; other record types are skipped; blank lines too.
    Used for the app's own sample files; imports read through ``core.importing``.
    """
    drafts: list[EntryDraft] = []
    for number, line in iter_lines(text):
        try:
            record = load_record_line(line)
            if isinstance(record, dict) and record.get("type", ENTRY_TYPE) != ENTRY_TYPE:
                continue
            drafts.append(record_to_draft(record).validated())
        except InvalidInput as exc:
            raise InvalidInput(f"line {number}: {exc}") from exc
    if not drafts:
        raise InvalidInput("the file holds no entries.")
    return drafts


def iter_lines(text: str) -> Iterable[tuple[int, str]]:
    """Yield (line number, line) for each non-blank line of a JSON Lines text."""
    # JSON Lines ends lines with "\n" only: str.splitlines() would also break inside strings
    # holding U+2028 or U+0085, which json.dumps(ensure_ascii=False) writes as they are.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if line.strip():
            yield number, line


def record_to_draft(record: object) -> EntryDraft:
    """Turn one decoded entry record into a draft (not yet validated: titles may be long)."""
    if not isinstance(record, dict):
        raise InvalidInput("each line must be a JSON object with at least a title or a body.")
    if "title" not in record and "body" not in record:
        raise InvalidInput("the entry has neither a title nor a body.")
    title = text_field(record, "title")
    body = text_field(record, "body")
    lists = {key: text_list(record, key) for key in _STRING_LISTS}
    evidence = record.get("evidence") or {}
    if not isinstance(evidence, dict) or not all(isinstance(v, str) for v in evidence.values()):
        raise InvalidInput("'evidence' must map 'kind:id' to a note.")
    links = tuple(
        Link(kind, target, evidence.get(f"{kind.value}:{target}", ""))
        for kind, key in ((LinkKind.PRINCIPLE, "principles"), (LinkKind.COMPETENCE, "competences"))
        for target in lists[key]
    )
    template = record.get("template")
    return EntryDraft(
        title=title,
        body=body,
        occurred_on=_date(record.get("date")),
        tags=tuple(lists["tags"]),
        links=links,
        template=template if isinstance(template, str) else None,
        stress=_stress(record.get("stress")),
        time_of_day=_time(record.get("time")),
    )


def content_key(draft: EntryDraft) -> str:
    """Return the key earlier versions gave an imported draft (date, title, body, tags in order).

    Still recognised on import, so journals imported before keep skipping what they hold.
    """
    canonical = json.dumps(
        [draft.occurred_on.isoformat(), draft.title, draft.body, list(draft.tags)],
        ensure_ascii=False,
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def text_field(record: Mapping[str, Any], key: str) -> str:
    """Return a text field of an imported record ("" when absent or null)."""
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(f"'{key}' must be text.")
    return value


def text_list(record: Mapping[str, Any], key: str) -> list[str]:
    """Return a list-of-text field of an imported record ([] when absent or null)."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput(f"'{key}' must be a list of text values.")
    return list(value)


def utc_field(record: Mapping[str, Any], key: str) -> dt.datetime | None:
    """Return a timestamp field as naive UTC (None when absent or null)."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"'{key}' must be a date and time such as 2026-02-03T14:30:00Z.")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise InvalidInput(f"'{key}' {value!r} is not a date and time in range.") from None
    return moment


def _date(value: object) -> dt.date:
    if value is None:
        return dt.date.today()
    if not isinstance(value, str):
        raise InvalidInput("'date' must be text in the form YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InvalidInput(f"'date' {value!r} is not a date in the form YYYY-MM-DD.") from None


def _time(value: object) -> dt.time | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return dt.time.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'time' {value!r} is not a time of day such as 09:30.") from None


def _stress(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput("'stress' must be a whole number from 1 to 5, or null.")
    return value
