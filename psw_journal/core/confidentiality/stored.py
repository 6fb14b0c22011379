"""Findings stored in a journal per entry, valid while their key (text, lists, rules) matches."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Sequence

from psw_journal.core.confidentiality.detector import find_identifiers
from psw_journal.core.confidentiality.kinds import Finding, FindingKind, make_finding

#: Bump whenever a rule changes, so findings stored in journals are computed again.
DETECTOR_VERSION = 3
#: The fields of an entry that are checked, in the order stored findings list them.
CHECKED_FIELDS = ("title", "body")


def findings_key(title: str, body: str, people: Sequence[str], own_names: Sequence[str]) -> str:
    """Return what stored findings of an entry are valid for: its text, the lists and rules.

    Args:
        title: The entry's title.
        body: The entry's body.
        people: The user's "people I support" list.
        own_names: The user's own names.
    """
    digest = _lists_digest(tuple(people), tuple(own_names)).copy()
    for text in (title, body):
        digest.update(b"\0" + text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _lists_digest(people: tuple[str, ...], own_names: tuple[str, ...]) -> hashlib._Hash:
    lists = json.dumps([DETECTOR_VERSION, list(people), list(own_names)], ensure_ascii=False)
    return hashlib.sha256(lists.encode("utf-8"))


def find_in_fields(
    title: str, body: str, *, people: Sequence[str] = (), own_names: Sequence[str] = ()
) -> list[tuple[str, Finding]]:
    """Return (field name, finding) for a title and body, before any "ignore" list."""
    return [(name, finding) for name, text in zip(CHECKED_FIELDS, (title, body), strict=True)
            for finding in find_identifiers(text, people=people, own_names=own_names)]


def encode_findings(found: Iterable[tuple[str, Finding]]) -> str:
    """Return findings of one entry as compact JSON (offsets and kinds, never the text)."""
    return json.dumps([[CHECKED_FIELDS.index(name), f.start, f.end, f.kind.value]
                       for name, f in found], separators=(",", ":"))


def stored_findings(
    title: str, body: str, people: Sequence[str], own_names: Sequence[str]
) -> tuple[str, str]:
    """Return an entry's findings key and its encoded findings, ready to store."""
    found = find_in_fields(title, body, people=people, own_names=own_names)
    return findings_key(title, body, people, own_names), encode_findings(found)


def decode_findings(stored: str, title: str, body: str) -> list[tuple[str, Finding]]:
    """Rebuild the findings ``encode_findings`` stored, from the entry's title and body."""
    texts = (title, body)
    return [(CHECKED_FIELDS[index], make_finding(texts[index], start, end, FindingKind(kind)))
            for index, start, end, kind in json.loads(stored)]
