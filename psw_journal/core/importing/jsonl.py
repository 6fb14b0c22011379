"""Reading this app's JSON Lines: a full export (typed records) or plain entry lines.

Each record type has a reader in :data:`RECORD_READERS`; see :mod:`psw_journal.core.jsonl`
for the format and how to add a type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psw_journal.core.coursework_records import (
    COURSEWORK_TYPE,
    ImportedCoursework,
    record_to_coursework,
)
from psw_journal.core.entry import check_storable
from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing.drafts import counted, finish_draft
from psw_journal.core.importing.files import read_text
from psw_journal.core.importing.preview import (
    EntryHistory,
    ImportItem,
    ImportPreview,
    SavedText,
    Unreadable,
    source_keys,
)
from psw_journal.core.jsonl import (
    ENTRY_TYPE,
    FORMAT_NAME,
    FORMAT_VERSION,
    HEADER_TYPE,
    SETTING_TYPE,
    content_key,
    iter_lines,
    load_record_line,
    record_to_draft,
    text_field,
    utc_field,
)


@dataclass
class RecordsRead:
    """What the records of one file added up to so far (filled in by the record readers)."""

    items: list[ImportItem] = field(default_factory=list)
    #: Indexes into ``items`` of plain entry lines, keyed once the whole file is read.
    unkeyed: list[int] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    coursework: list[ImportedCoursework] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unknown_types: Counter[str] = field(default_factory=Counter)


def read_jsonl_file(path: Path) -> ImportPreview:
    """Read this app's JSON Lines file (a full export, or entry lines)."""
    return parse_jsonl_import(read_text(path, "JSON Lines file"), path.name)


def parse_jsonl_import(text: str, source: str = "the file") -> ImportPreview:
    """Read JSON Lines text; a line that cannot be read is listed, the others still come in."""
    read = RecordsRead()
    unreadable: list[Unreadable] = []
    for number, line in iter_lines(text):
        try:
            record = load_record_line(line)
            if not isinstance(record, dict):
                raise InvalidInput("each line must be a JSON object.")
            kind = record.get("type", ENTRY_TYPE)
            reader = RECORD_READERS.get(kind) if isinstance(kind, str) else None
            if reader is None:
                read.unknown_types[str(kind)] += 1
                continue
            reader(record, read)
        except InvalidInput as exc:
            unreadable.append(Unreadable(f"{source}, line {number}", str(exc)))
    keys = source_keys("jsonl", [read.items[i].draft for i in read.unkeyed])
    for index, key in zip(read.unkeyed, keys, strict=True):
        item = read.items[index]
        read.items[index] = ImportItem(item.draft, key, item.legacy_keys, item.history)
    problems = read.problems + [
        f"{counted(number, 'record')} of type {kind!r} not imported: this version of the app "
        "does not know them." for kind, number in read.unknown_types.items()
    ]
    return ImportPreview(tuple(read.items), tuple(problems), tuple(unreadable),
                         tuple(read.settings.items()), tuple(read.coursework))


def _read_header(record: dict[str, Any], read: RecordsRead) -> None:
    version = record.get("version")
    if record.get("format") != FORMAT_NAME:
        raise InvalidInput(f"the header is not a {FORMAT_NAME} export's.")
    if isinstance(version, int) and version > FORMAT_VERSION:
        read.problems.append("The file was made by a newer version of the app: what this "
                             "version knows is imported.")


def _read_entry(record: dict[str, Any], read: RecordsRead) -> None:
    draft = finish_draft(record_to_draft(record))
    legacy = (content_key(draft),)
    if "type" not in record:  # a plain entry line: keyed by its content
        read.unkeyed.append(len(read.items))
        read.items.append(ImportItem(draft, None, legacy))
        return
    key = record.get("source_key")
    if key is not None and not isinstance(key, str):
        raise InvalidInput("'source_key' must be text or null.")
    entry_id = record.get("id")
    if entry_id is not None and (isinstance(entry_id, bool) or not isinstance(entry_id, int)
                                 or not 0 < entry_id < 2**63):
        raise InvalidInput("'id' must be a whole number above 0.")
    history = EntryHistory(
        created_at=utc_field(record, "created_at"),
        updated_at=utc_field(record, "updated_at"),
        trashed_at=utc_field(record, "trashed_at"),
        revisions=_revisions(record.get("revisions")),
        entry_id=entry_id,
    )
    read.items.append(ImportItem(draft, key, legacy, history))


def _revisions(value: object) -> tuple[SavedText, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise InvalidInput("'revisions' must be a list of objects.")
    revisions = []
    for revision in value:
        saved_at = utc_field(revision, "saved_at")
        if saved_at is None:
            raise InvalidInput("each revision needs its 'saved_at' time.")
        title, body = text_field(revision, "title"), text_field(revision, "body")
        check_storable(title)
        check_storable(body)
        revisions.append(SavedText(saved_at, title, body))
    return tuple(revisions)


def _read_setting(record: dict[str, Any], read: RecordsRead) -> None:
    key = record.get("key")
    if not isinstance(key, str) or not key or "value" not in record:
        raise InvalidInput("a setting needs a 'key' (text) and a 'value'.")
    read.settings[key] = record["value"]


def _read_coursework(record: dict[str, Any], read: RecordsRead) -> None:
    read.coursework.append(record_to_coursework(record))


#: How each record type of a full export is read; a new type adds its reader here.
RECORD_READERS: dict[str, Callable[[dict[str, Any], RecordsRead], None]] = {
    HEADER_TYPE: _read_header,
    ENTRY_TYPE: _read_entry,
    SETTING_TYPE: _read_setting,
    COURSEWORK_TYPE: _read_coursework,
}
