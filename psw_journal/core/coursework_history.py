"""A coursework piece as one of its saved revisions had it (to look at or restore)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from psw_journal.core.coursework import Coursework, Example
from psw_journal.core.entry import Entry, count_words


def piece_at(current: Coursework, content: Mapping[str, Any],
             entries: Mapping[int, Entry]) -> Coursework:
    """Return the current piece with a revision's title, section texts and examples.

    A revision keeps each example's entry id and quote only; its entry's date and title come
    from the current piece when it has the same example, else from the entry if it still exists.
    The piece's structure (its sections, headings, targets) stays the brief's.

    Args:
        current: The piece as it is now.
        content: A revision's content (``{"title", "sections": [{"key", "text", "examples"}]}``).
        entries: Entries the revision's examples quote, by id (missing ones were deleted).
    """
    saved = {s.get("key"): s for s in content.get("sections", []) if isinstance(s, Mapping)}
    known = {(e.entry_id, e.quote): e for s in current.sections for e in s.examples}
    sections = []
    for section in current.sections:
        old = saved.get(section.key)
        if old is None:
            sections.append(section)
            continue
        examples = tuple(_example(raw, known, entries) for raw in old.get("examples", []))
        sections.append(dataclasses.replace(section, text=str(old.get("text", "")),
                                            examples=examples))
    title = str(content.get("title") or current.title)
    return dataclasses.replace(current, title=title, sections=tuple(sections))


def _example(raw: Mapping[str, Any], known: Mapping[tuple[int, str], Example],
             entries: Mapping[int, Entry]) -> Example:
    entry_id, quote = int(raw["entry_id"]), str(raw["quote"])
    if (entry_id, quote) in known:
        return known[entry_id, quote]
    entry = entries.get(entry_id)
    if entry is None:
        return Example(entry_id, quote)
    return Example(entry_id, quote, entry.title, entry.occurred_on)


def revision_words(content: Mapping[str, Any]) -> int:
    """Return the words of a revision's own text (quotes aside), as a piece counts them."""
    return sum(count_words(str(s.get("text", ""))) for s in content.get("sections", [])
               if isinstance(s, Mapping))


def revision_text(content: Mapping[str, Any], headings: Mapping[str, str]) -> str:
    """Return a revision as plain text to read: each section's heading, text and quotes."""
    parts = [str(content.get("title", ""))]
    for section in content.get("sections", []):
        if not isinstance(section, Mapping):
            continue
        key = str(section.get("key", ""))
        parts.append(f"## {headings.get(key, key)}")
        if section.get("text"):
            parts.append(str(section["text"]))
        parts.extend(f"> {e.get('quote', '')}" for e in section.get("examples", []))
    return "\n\n".join(parts)

