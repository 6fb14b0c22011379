"""Findings stored in a journal per entry, valid while their key (text, lists, rules) matches."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from psw_journal.core.confidentiality.detector import find_identifiers, find_in_tag
from psw_journal.core.confidentiality.kinds import Finding, FindingKind, make_finding
from psw_journal.core.entry import EntryDraft

#: Bump whenever a rule or the stored format changes, so stored findings are computed again.
DETECTOR_VERSION = 4


@dataclass(frozen=True, slots=True)
class CheckedField:
    """One field of an entry that leaves the app with it: its name, text, and whether a tag."""

    name: str
    text: str
    is_tag: bool = False


def entry_fields(draft: EntryDraft) -> tuple[CheckedField, ...]:
    """Return every field of an entry that an export can show: title, body, tags, notes.

    Field names are stable ("title", "body", "tag 1", "evidence note:<target id>"), so stored
    findings and a review list can point at them.
    """
    fields = [CheckedField("title", draft.title), CheckedField("body", draft.body)]
    fields += [CheckedField(f"tag {number}", tag, is_tag=True)
               for number, tag in enumerate(draft.tags, start=1)]
    fields += [CheckedField(f"evidence note:{link.target_id}", link.note)
               for link in draft.links if link.note]
    return tuple(fields)


def findings_key(
    fields: Sequence[CheckedField], people: Sequence[str], own_names: Sequence[str]
) -> str:
    """Return what stored findings of an entry are valid for: its fields, the lists and rules.

    Args:
        fields: The entry's checked fields (:func:`entry_fields`).
        people: The user's "people I support" list.
        own_names: The user's own names.
    """
    digest = _lists_digest(tuple(people), tuple(own_names)).copy()
    for field in fields:
        digest.update(b"\0" + field.name.encode("utf-8") + b"\1"
                      + field.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _lists_digest(people: tuple[str, ...], own_names: tuple[str, ...]) -> hashlib._Hash:
    lists = json.dumps([DETECTOR_VERSION, list(people), list(own_names)], ensure_ascii=False)
    return hashlib.sha256(lists.encode("utf-8"))


def find_in_fields(
    fields: Sequence[CheckedField], *, people: Sequence[str] = (), own_names: Sequence[str] = ()
) -> list[tuple[str, Finding]]:
    """Return (field name, finding) for every field, before any "ignore" list.

    A tag is checked as text, and when that finds nothing, as a lower-cased name (``sam``).
    """
    found: list[tuple[str, Finding]] = []
    for field in fields:
        if not field.text.strip():
            continue
        in_text = find_identifiers(field.text, people=people, own_names=own_names)
        if field.is_tag and not in_text:
            name = find_in_tag(field.text, people=people, own_names=own_names)
            in_text = [name] if name is not None else []
        found += [(field.name, finding) for finding in in_text]
    return found


def encode_findings(found: Iterable[tuple[str, Finding]]) -> str:
    """Return findings of one entry as compact JSON (field names, offsets, kinds; no text)."""
    return json.dumps([[name, f.start, f.end, f.kind.value] for name, f in found],
                      ensure_ascii=False, separators=(",", ":"))


def stored_findings(
    fields: Sequence[CheckedField], people: Sequence[str], own_names: Sequence[str]
) -> tuple[str, str]:
    """Return an entry's findings key and its encoded findings, ready to store."""
    found = find_in_fields(fields, people=people, own_names=own_names)
    return findings_key(fields, people, own_names), encode_findings(found)


def decode_findings(stored: str, fields: Sequence[CheckedField]) -> list[tuple[str, Finding]]:
    """Rebuild the findings ``encode_findings`` stored, from the entry's fields."""
    texts = {field.name: field.text for field in fields}
    return [(name, make_finding(texts[name], start, end, FindingKind(kind)))
            for name, start, end, kind in json.loads(stored)]
