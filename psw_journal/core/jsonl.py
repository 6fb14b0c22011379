"""JSON Lines import and export of entries: one JSON object a line, round trips exactly."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.errors import InvalidInput

_STRING_LISTS = ("tags", "principles", "competences")


def entry_to_record(entry: Entry) -> dict[str, Any]:
    """Return the JSON Lines record of an entry."""
    draft = entry.draft
    record: dict[str, Any] = {
        "date": draft.occurred_on.isoformat(),
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


def dump_jsonl(entries: Iterable[Entry]) -> Iterable[str]:
    """Yield one line (with its newline) per entry."""
    for entry in entries:
        yield json.dumps(entry_to_record(entry), ensure_ascii=False) + "\n"


def parse_jsonl(text: str) -> list[EntryDraft]:
    """Parse a whole JSON Lines document, or raise InvalidInput naming the first bad line.

    Unknown keys are ignored; blank lines are skipped.
    """
    drafts: list[EntryDraft] = []
    # JSON Lines ends lines with "\n" only: str.splitlines() would also break inside strings
    # holding U+2028 or U+0085, which json.dumps(ensure_ascii=False) writes as they are.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        try:
            drafts.append(record_to_draft(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"line {number}: not valid JSON ({exc.msg}).") from exc
        except (InvalidInput, ValueError, TypeError) as exc:
            raise InvalidInput(f"line {number}: {exc}") from exc
    if not drafts:
        raise InvalidInput("the file holds no entries.")
    return drafts


def record_to_draft(record: object) -> EntryDraft:
    """Turn one decoded record into a validated draft."""
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
    ).validated()


def content_key(draft: EntryDraft) -> str:
    """Return a stable key of an imported draft's content, to skip it when imported again."""
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


def _date(value: object) -> dt.date:
    if value is None:
        return dt.date.today()
    if not isinstance(value, str):
        raise InvalidInput("'date' must be text in the form YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InvalidInput(f"'date' {value!r} is not a date in the form YYYY-MM-DD.") from None


def _stress(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput("'stress' must be a whole number from 1 to 5, or null.")
    return value
