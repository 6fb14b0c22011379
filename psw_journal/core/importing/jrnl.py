"""Reading jrnl's exports: ``--export json``, ``--export markdown`` and ``--export yaml``.

jrnl keeps a date and a time for every entry, and tags written in the text (``@name``,
``#word``). Its JSON lists the tags; its Markdown export does not, so they are read from the
text as jrnl does; its YAML export is a folder of files whose front matter is tab-indented and
so not YAML a parser accepts: it is read line by line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psw_journal.core.entry import EntryDraft
from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing.drafts import (
    STARRED_TAG,
    counted,
    finish_draft,
    jrnl_tags,
    local_to_utc,
    parse_date_time,
)
from psw_journal.core.importing.files import folder_files, load_json, read_text, reason
from psw_journal.core.importing.preview import (
    EntryHistory,
    ImportItem,
    ImportPreview,
    Unreadable,
    source_keys,
)
from psw_journal.core.jsonl import content_key, text_field, text_list

_JSON_FIELDS = frozenset({"title", "body", "date", "time", "tags", "starred", "uuid"})
_ENTRY_HEADING = re.compile(r"^### (.*)$")
_STRUCTURE = re.compile(r"^#{1,2} ")
_BODY_HEADING = re.compile(r"^(#{4,}) ")
_YAML_KEY = re.compile(r"^([A-Za-z][\w ]*):(?: (.*))?$")


@dataclass(frozen=True, slots=True)
class _JrnlEntry:
    """One entry as every jrnl export describes it."""

    draft: EntryDraft
    uuid: str | None = None
    legacy_key: str | None = None


# --------------------------------------------------------------------------- JSON


def read_jrnl_json(path: Path) -> ImportPreview:
    """Read jrnl's JSON export (``jrnl --export json``), or one bare entry of it."""
    return parse_jrnl_json(read_text(path, "jrnl JSON export"), path.name)


def parse_jrnl_json(text: str, source: str = "the file") -> ImportPreview:
    """Parse the text of a jrnl JSON export; see :func:`read_jrnl_json`."""
    data = load_json(text, source)
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        records: list[Any] = data["entries"]
    elif isinstance(data, dict) and ("title" in data or "body" in data):
        records = [data]
    else:
        raise InvalidInput(
            f"{source} is not a jrnl JSON export: expected an object with an 'entries' list "
            "(made by 'jrnl --export json')."
        )
    if not records:
        raise InvalidInput(f"{source} holds no entries.")
    entries: list[_JrnlEntry] = []
    unreadable: list[Unreadable] = []
    other_fields: Counter[str] = Counter()
    for number, record in enumerate(records, start=1):
        try:
            entries.append(_json_entry(record))
        except InvalidInput as exc:
            unreadable.append(Unreadable(f"{source}, entry {number}", str(exc)))
            continue
        other_fields.update(key for key in record if key not in _JSON_FIELDS)
    problems = [
        f"'{name}' of {counted(number, 'entry', 'entries')} not imported (jrnl's details of "
        "the device it was written on)." if name == "creator" else
        f"'{name}' of {counted(number, 'entry', 'entries')} not imported."
        for name, number in other_fields.items()
    ]
    return _preview(entries, problems, unreadable)


def _json_entry(record: object) -> _JrnlEntry:
    if not isinstance(record, dict):
        raise InvalidInput("each entry must be a JSON object.")
    title = text_field(record, "title")
    body = text_field(record, "body")
    if not title.strip() and not body.strip():
        raise InvalidInput("the entry has neither a title nor a body.")
    raw_date = record.get("date")
    if not isinstance(raw_date, str):
        raise InvalidInput("'date' is missing; jrnl writes it as YYYY-MM-DD.")
    raw_time = record.get("time")
    if raw_time is not None and not isinstance(raw_time, str):
        raise InvalidInput("'time' must be text such as 09:30.")
    day, time = parse_date_time(f"{raw_date[:10]} {raw_time}" if raw_time else raw_date)
    tags = text_list(record, "tags")
    if record.get("starred") is True:
        tags.append(STARRED_TAG)
    uuid = record.get("uuid")
    draft = finish_draft(EntryDraft(title=title, body=body.strip("\n"), occurred_on=day,
                                    tags=tuple(tags), time_of_day=time))
    return _JrnlEntry(draft, uuid if isinstance(uuid, str) and uuid else None,
                      content_key(draft))


# --------------------------------------------------------------------------- Markdown


def read_jrnl_markdown(path: Path) -> ImportPreview:
    """Read jrnl's Markdown export (``jrnl --export markdown``): one file, entries as headings."""
    return parse_jrnl_markdown(read_text(path, "jrnl Markdown export"), path.name)


def parse_jrnl_markdown(text: str, source: str = "the file") -> ImportPreview:
    """Parse a jrnl Markdown export: ``### DATE TIME Title`` then the body, per entry.

    jrnl writes year (``#``) and month (``##``) headings between entries and pushes the body's
    own headings down three levels; both are undone here.
    """
    chunks: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        heading = _ENTRY_HEADING.match(line)
        if heading:
            chunks.append((heading.group(1), []))
        elif chunks and not _STRUCTURE.match(line):
            chunks[-1][1].append(line)
    if not chunks:
        raise InvalidInput(
            f"{source} is not a jrnl Markdown export: it has no entry headings such as "
            "'### 2026-01-12 09:00 Title' (made by 'jrnl --export markdown')."
        )
    entries: list[_JrnlEntry] = []
    unreadable: list[Unreadable] = []
    for number, (title_line, lines) in enumerate(chunks, start=1):
        try:
            entries.append(_markdown_entry(title_line, lines))
        except InvalidInput as exc:
            where = f"{source}, entry {number} ({title_line[:40]})"
            unreadable.append(Unreadable(where, str(exc)))
    return _preview(entries, [], unreadable)


def _markdown_entry(heading: str, lines: list[str]) -> _JrnlEntry:
    day, time, title = _dated_heading(heading)
    # jrnl ends each entry with a line holding one space.
    body = "\n".join(_BODY_HEADING.sub(lambda m: m.group(1)[3:] + " ", line)
                     for line in lines).lstrip("\n").rstrip()
    draft = finish_draft(EntryDraft(title=title, body=body, occurred_on=day, time_of_day=time,
                                    tags=tuple(jrnl_tags(f"{title}\n{body}"))))
    return _JrnlEntry(draft)


def _dated_heading(heading: str) -> tuple[dt.date, dt.time | None, str]:
    """Split ``2026-01-12 09:00 Title`` (jrnl's timeformat, ISO dates only) into its parts."""
    words = heading.split(" ")
    for taken in (3, 2, 1):  # "DATE TIME AM/PM Title", "DATE TIME Title", "DATE Title"
        try:
            day, time = parse_date_time(" ".join(words[:taken]))
        except InvalidInput:
            continue
        if taken == 1 or time is not None:
            return day, time, " ".join(words[taken:])
    raise InvalidInput(
        "its heading does not start with a date such as 2026-01-12 09:00; export again with "
        "jrnl's timeformat set to '%Y-%m-%d %H:%M'."
    )


# --------------------------------------------------------------------------- YAML


def read_jrnl_yaml(path: Path) -> ImportPreview:
    """Read jrnl's YAML export: a folder (``jrnl --export yaml --file FOLDER``), a file each."""
    folder = _folder(path)
    entries: list[_JrnlEntry] = []
    unreadable: list[Unreadable] = []
    files = [f for f in folder_files(folder) if f.name.lower().endswith(".md")]
    if not files:
        raise InvalidInput(f"{path} holds no jrnl YAML export files (.md).")
    for file in files:
        try:
            if file.is_outside_link:
                raise InvalidInput("it links to a file outside the folder; it was not read.")
            entries.append(parse_jrnl_yaml_entry(read_text(file.path, "jrnl YAML export file",
                                                           name=file.name)))
        except InvalidInput as exc:
            unreadable.append(Unreadable(file.name, reason(exc, file.name)))
    return _preview(entries, [], unreadable)


def parse_jrnl_yaml_entry(text: str) -> _JrnlEntry:
    """Parse one file of jrnl's YAML export: ``key: value`` lines, then a tab-indented body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---" or not any(
        line.startswith("body: |") for line in lines
    ):
        raise InvalidInput("it is not a jrnl YAML export file (no '---' header and 'body: |').")
    fields: dict[str, str] = {}
    index = 1
    while index < len(lines) and not lines[index].startswith("body: |"):
        found = _YAML_KEY.match(lines[index])
        if found:  # indented lines belong to 'creator:', which is not kept
            fields[found.group(1)] = (found.group(2) or "").strip()
        index += 1
    body_lines = []
    for line in lines[index + 1 :]:
        if line.rstrip() == "...":
            break
        body_lines.append(line.removeprefix("\t"))
    body = "\n".join(_BODY_HEADING_YAML.sub(lambda m: m.group(1)[1:] + " ", line)
                     for line in body_lines).lstrip("\n").rstrip()
    return _yaml_entry(fields, body)


_BODY_HEADING_YAML = re.compile(r"^(##+) ")


def _yaml_entry(fields: Mapping[str, str], body: str) -> _JrnlEntry:
    if "date" not in fields:
        raise InvalidInput("it has no 'date:' line.")
    day, time = parse_date_time(fields["date"])
    title = fields.get("title", "")
    tags = [tag.strip() for tag in fields.get("tags", "").split(",") if tag.strip()]
    if fields.get("starred", "").lower() == "true":
        tags.append(STARRED_TAG)
    if not title.strip() and not body.strip():
        raise InvalidInput("the entry has neither a title nor a body.")
    draft = finish_draft(EntryDraft(title=title, body=body, occurred_on=day, time_of_day=time,
                                    tags=tuple(tags)))
    return _JrnlEntry(draft, fields.get("uuid") or None)


def _folder(path: Path) -> Path:
    if not path.exists():
        raise InvalidInput(f"{path}: no such folder.")
    if not path.is_dir():
        raise InvalidInput(
            f"{path} is not a folder; give the folder 'jrnl --export yaml --file' wrote."
        )
    return path.resolve()


# --------------------------------------------------------------------------- shared


def _preview(
    entries: Sequence[_JrnlEntry], problems: list[str], unreadable: list[Unreadable]
) -> ImportPreview:
    """Key the entries (by uuid where jrnl gave one, else by content) and make the preview."""
    content = iter(source_keys("jrnl", [e.draft for e in entries if e.uuid is None]))
    items = []
    for entry in entries:
        key = f"jrnl:{entry.uuid}" if entry.uuid else next(content)
        legacy = (entry.legacy_key,) if entry.legacy_key else ()
        items.append(ImportItem(entry.draft, key, legacy, _history(entry.draft)))
    return ImportPreview(tuple(items), tuple(problems), tuple(unreadable))


def _history(draft: EntryDraft) -> EntryHistory:
    """Jrnl keeps one timestamp per entry, when it was written (or backdated to): keep it."""
    if draft.time_of_day is None:
        return EntryHistory()
    return EntryHistory(created_at=local_to_utc(
        dt.datetime.combine(draft.occurred_on, draft.time_of_day)))
