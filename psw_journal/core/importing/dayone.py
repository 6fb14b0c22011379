"""Reading Day One's JSON export: the ``.zip`` it makes (a JSON file per journal), or a ``.json``.

What the journal has a place for is kept: the text (from ``richText`` when ``text`` is empty),
the local date and time of day, tags, the journal's name (as a tag), starred and pinned (as
tags), the creation and modification times. Location and weather become the entry's last line.
Photos and other media, and fields with no place, are counted in one summary line each.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import zoneinfo
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from psw_journal.core.entry import EntryDraft
from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing.drafts import (
    PINNED_TAG,
    STARRED_TAG,
    counted,
    finish_draft,
    listed,
    split_title,
)
from psw_journal.core.importing.files import load_json, read_text, reason
from psw_journal.core.importing.preview import (
    EntryHistory,
    ImportItem,
    ImportPreview,
    Unreadable,
    source_keys,
)
from psw_journal.core.importing.zipfiles import read_member
from psw_journal.core.jsonl import content_key, text_field, text_list, utc_field

#: Day One's name for the journal every account starts with; not worth a tag on each entry.
DEFAULT_JOURNAL = "Journal"
_MEDIA_REF = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/*([^)\s]*)\)[ \t]*\n?")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<=])")
#: Fields at least one of which every Day One entry has.
_ENTRY_FIELDS = frozenset({"uuid", "creationDate", "modifiedDate", "text", "richText"})
#: Day One's media lists, with their singular and plural names for messages.
MEDIA_NAMES = {
    "photos": ("photo", "photos"),
    "videos": ("video", "videos"),
    "audios": ("audio recording", "audio recordings"),
    "pdfAttachments": ("PDF", "PDFs"),
}
_RICH_MEDIA = {"photo": "photos", "video": "videos", "audio": "audios",
               "pdfAttachment": "pdfAttachments"}
_KEPT = frozenset({*_ENTRY_FIELDS, "timeZone", "tags", "starred", "isPinned", "isAllDay",
                   "location", "weather", *MEDIA_NAMES})
#: Where and on what it was written: summed up in one line, not kept.
_DEVICE = frozenset({"creationDevice", "creationDeviceType", "creationDeviceModel",
                     "creationOSName", "creationOSVersion", "editingTime", "duration"})


@dataclass
class _Tally:
    """What the entries of one import had that the journal keeps differently, or not at all."""

    media: Counter[str] = field(default_factory=Counter)
    media_only: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    places: int = 0
    weather: int = 0
    undated: list[str] = field(default_factory=list)
    unknown_zones: Counter[str] = field(default_factory=Counter)
    device: int = 0
    other: Counter[str] = field(default_factory=Counter)

    def problems(self) -> list[str]:
        """Return one summary sentence per kind of thing left out or changed."""
        lines = []
        if self.media:
            lines.append(f"{describe_media(self.media)} not imported: the journal holds text "
                         "only (the entries' text is imported).")
        if self.media_only:
            lines.append(f"{counted(len(self.media_only), 'entry', 'entries')} with no text, "
                         f"only media, not imported ({listed(self.media_only)}).")
        if self.empty:
            lines.append(f"{counted(len(self.empty), 'empty entry', 'empty entries')} not "
                         f"imported ({listed(self.empty)}).")
        kept = [counted(n, label) for n, label in ((self.places, "location"),
                                                   (self.weather, "weather record")) if n]
        if kept:
            lines.append(f"{' and '.join(kept)} kept as the last line of their entries.")
        if self.undated:
            lines.append(f"{counted(len(self.undated), 'entry', 'entries')} with no "
                         f"creationDate dated today ({listed(self.undated)}).")
        for zone, number in self.unknown_zones.items():
            lines.append(f"Time zone {zone!r} ({counted(number, 'entry', 'entries')}) is "
                         "unknown: those entries are dated and timed in UTC.")
        if self.device:
            entries = counted(self.device, "entry", "entries")
            lines.append(f"Device and editing details of {entries} (device, system, editing "
                         "time) not imported.")
        lines += [f"'{name}' of {counted(n, 'entry', 'entries')} not imported."
                  for name, n in sorted(self.other.items())]
        return lines


@dataclass(frozen=True, slots=True)
class _Converted:
    draft: EntryDraft
    uuid: str | None
    dated: bool
    history: EntryHistory
    legacy_key: str


def read_dayone(path: Path) -> ImportPreview:
    """Read a Day One JSON export: the ``.zip`` it makes, or one journal's ``.json``."""
    if path.is_file() and zipfile.is_zipfile(path):
        return _read_zip(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        raise InvalidInput(f"{path.name} is not a readable zip file.")
    text = read_text(path, "Day One export")
    tally = _Tally()
    items, unreadable = parse_dayone_journal(load_json(text, path.name), path.name, tally,
                                             journal=path.stem)
    return ImportPreview(tuple(items), tuple(tally.problems()), tuple(unreadable))


def _read_zip(path: Path) -> ImportPreview:
    tally = _Tally()
    items: list[ImportItem] = []
    unreadable: list[Unreadable] = []
    try:
        with zipfile.ZipFile(path) as archive:
            journals = [info for info in archive.infolist() if _is_journal_member(info)]
            if not journals:
                raise InvalidInput(
                    f"{path.name} is not a Day One export: it holds no journal JSON file "
                    "(such as Journal.json)."
                )
            for info in journals:
                source = f"{path.name}:{info.filename}"
                try:
                    data = _member_json(archive, info, source)
                except InvalidInput as exc:
                    unreadable.append(Unreadable(source, reason(exc, source)))
                    continue
                found, bad = parse_dayone_journal(data, source, tally,
                                                  journal=PurePosixPath(info.filename).stem)
                items += found
                unreadable += bad
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InvalidInput(f"{path.name} is not a readable zip file ({exc}).") from None
    return ImportPreview(tuple(items), tuple(tally.problems()), tuple(unreadable))


def _is_journal_member(info: zipfile.ZipInfo) -> bool:
    """Tell whether a zip member may be a journal: a JSON file, not macOS or hidden clutter."""
    parts = info.filename.strip("/").split("/")
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in parts)
    # Day One puts journals at the top; a re-zipped export adds one folder above them.
    return (info.filename.lower().endswith(".json") and not info.is_dir() and not hidden
            and len(parts) <= 2)


def _member_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> Any:
    try:
        text = read_member(archive, info, source).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{source} is not UTF-8 text.") from None
    return load_json(text, source)


def parse_dayone_journal(
    data: object, source: str, tally: _Tally, journal: str = DEFAULT_JOURNAL
) -> tuple[list[ImportItem], list[Unreadable]]:
    """Turn one decoded Day One journal (``{"metadata": ..., "entries": [...]}``) into items.

    Args:
        data: The decoded JSON.
        source: How messages name the file.
        tally: Where what is left out or changed is counted.
        journal: The journal's name (its file's name), given to its entries as a tag.
    """
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InvalidInput(
            f"{source} is not a Day One journal: expected an object with an 'entries' list."
        )
    converted: list[_Converted] = []
    unreadable: list[Unreadable] = []
    for number, record in enumerate(data["entries"], start=1):
        uuid = record.get("uuid") if isinstance(record, dict) else None
        where = f"{source}, entry {number}" + (f" ({uuid})" if isinstance(uuid, str) else "")
        try:
            entry = _entry(record, tally, journal)
        except InvalidInput as exc:
            unreadable.append(Unreadable(where, str(exc)))
            continue
        if entry is not None:
            converted.append(entry)
    content = iter(source_keys("dayone", [c.draft for c in converted if c.uuid is None],
                               dated=[c.dated for c in converted if c.uuid is None]))
    items = [ImportItem(c.draft, f"dayone:{c.uuid}" if c.uuid else next(content),
                        () if c.uuid else (c.legacy_key,), c.history) for c in converted]
    return items, unreadable


def _entry(record: object, tally: _Tally, journal: str) -> _Converted | None:
    if not isinstance(record, dict):
        raise InvalidInput("each entry must be a JSON object.")
    if not _ENTRY_FIELDS & record.keys():
        raise InvalidInput(
            "this is not a Day One journal entry: it has none of 'uuid', 'creationDate', 'text'."
        )
    uuid = record.get("uuid")
    if uuid is not None and not isinstance(uuid, str):
        raise InvalidInput("'uuid' must be text.")
    created = utc_field(record, "creationDate")
    day, time = _local_day_and_time(record, created, tally)
    text, media = _text(record)
    tally.media.update(media)
    title, body = split_title(unescape_dayone(text))
    if not title and not body:
        (tally.media_only if media else tally.empty).append(day.isoformat())
        return None
    if created is None:
        tally.undated.append(uuid or title)
    legacy = content_key(finish_draft(EntryDraft(title=title, body=body, occurred_on=day,
                                                 tags=tuple(_tags(record, DEFAULT_JOURNAL)))))
    body = _with_place_and_weather(body, record, tally)
    draft = finish_draft(EntryDraft(title=title, body=body, occurred_on=day, time_of_day=time,
                                    tags=tuple(_tags(record, journal))))
    tally.device += bool(_DEVICE & record.keys())
    tally.other.update(key for key in record if key not in _KEPT | _DEVICE)
    history = EntryHistory(created_at=created, updated_at=utc_field(record, "modifiedDate"))
    return _Converted(draft, uuid or None, created is not None, history, legacy)


def _local_day_and_time(
    record: Mapping[str, Any], created: dt.datetime | None, tally: _Tally
) -> tuple[dt.date, dt.time | None]:
    """Return the day and time where the entry was written (no time for all-day entries)."""
    if created is None:
        return dt.date.today(), None
    moment = created.replace(tzinfo=dt.UTC)
    zone_name = record.get("timeZone")
    if isinstance(zone_name, str) and zone_name:
        try:
            moment = moment.astimezone(zoneinfo.ZoneInfo(zone_name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            tally.unknown_zones[zone_name] += 1
        except OverflowError:
            raise InvalidInput(
                f"its creationDate {record.get('creationDate')!r} is out of range."
            ) from None
    time = None if record.get("isAllDay") is True else moment.time()
    return moment.date(), time


def _text(record: Mapping[str, Any]) -> tuple[str, Counter[str]]:
    """Return the entry's Markdown without media, and its media counted by kind."""
    text, referenced = strip_dayone_media(text_field(record, "text"))
    if not text.strip() and isinstance(record.get("richText"), str):
        text, referenced = rich_text(record["richText"])
    counts: Counter[str] = Counter()
    for kind in MEDIA_NAMES:
        listed_media = record.get(kind)
        number = max(referenced.get(kind, 0),
                     len(listed_media) if isinstance(listed_media, list) else 0)
        if number:
            counts[kind] = number
    return text, counts


def rich_text(value: str) -> tuple[str, Counter[str]]:
    """Rebuild Markdown from Day One's ``richText`` (text runs, headings, embedded media).

    Raises:
        InvalidInput: It is not the JSON Day One writes there.
    """
    data = load_json(value, "its richText")
    contents = data.get("contents") if isinstance(data, dict) else None
    if not isinstance(contents, list):
        raise InvalidInput("its richText has no 'contents' list.")
    parts: list[str] = []
    media: Counter[str] = Counter()
    for piece in contents:
        if not isinstance(piece, dict):
            continue
        text = piece.get("text")
        if isinstance(text, str):
            line = piece.get("attributes", {}).get("line", {}) if isinstance(
                piece.get("attributes"), dict) else {}
            level = line.get("header") if isinstance(line, dict) else None
            starts_line = not parts or parts[-1].endswith("\n")
            if isinstance(level, int) and 1 <= level <= 6 and starts_line:
                text = "#" * level + " " + text
            parts.append(text)
        for embedded in piece.get("embeddedObjects") or ():
            if isinstance(embedded, dict):
                media[_RICH_MEDIA.get(str(embedded.get("type")), "photos")] += 1
    return "".join(parts), media


def _tags(record: Mapping[str, Any], journal: str) -> list[str]:
    tags = text_list(record, "tags")
    if journal and journal != DEFAULT_JOURNAL:
        tags.append(journal)
    if record.get("starred") is True:
        tags.append(STARRED_TAG)
    if record.get("isPinned") is True:
        tags.append(PINNED_TAG)
    return tags


def _with_place_and_weather(body: str, record: Mapping[str, Any], tally: _Tally) -> str:
    """Add ``Location: … · Weather: …`` as the body's last line, where Day One had them."""
    parts = []
    place = _place(record.get("location"))
    if place:
        tally.places += 1
        parts.append(f"Location: {place}")
    weather = _weather(record.get("weather"))
    if weather:
        tally.weather += 1
        parts.append(f"Weather: {weather}")
    return f"{body}\n\n{' · '.join(parts)}".lstrip("\n") if parts else body


def _place(location: object) -> str:
    if not isinstance(location, dict):
        return ""
    names = [location.get(key) for key in ("placeName", "localityName", "administrativeArea",
                                           "country")]
    words = list(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip()))
    if words:
        return ", ".join(words)
    lat, lon = location.get("latitude"), location.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float) and abs(lat) <= 90:
        return f"{lat:.4f}, {lon:.4f}"
    return ""


def _weather(weather: object) -> str:
    if not isinstance(weather, dict):
        return ""
    parts = []
    celsius = weather.get("temperatureCelsius")
    if isinstance(celsius, int | float) and not isinstance(celsius, bool) and abs(celsius) < 100:
        parts.append(f"{celsius:.0f} °C")
    description = weather.get("conditionsDescription")
    if isinstance(description, str) and description.strip():
        parts.append(description.strip())
    return ", ".join(parts)


def describe_media(counts: Mapping[str, int]) -> str:
    """Say how many media of each kind there are, e.g. ``1 photo, 2 videos``."""
    return ", ".join(
        counted(number, *MEDIA_NAMES[kind]) for kind, number in counts.items() if number
    )


def strip_dayone_media(text: str) -> tuple[str, Counter[str]]:
    """Remove ``![](dayone-moment://...)`` references; return the text and counts per kind.

    The kinds are Day One's list names: ``photos``, ``videos``, ``audios``, ``pdfAttachments``.
    """
    counts: Counter[str] = Counter()

    def drop(match: re.Match[str]) -> str:
        target = match.group(1).lower()
        kind = "photos"
        for marker, name in (("video", "videos"), ("audio", "audios"), ("pdf", "pdfAttachments")):
            if target.startswith(marker):
                kind = name
        counts[kind] += 1
        return ""

    stripped = _MEDIA_REF.sub(drop, text)
    # A photo on its own paragraph leaves an empty one behind: close the gap.
    return (re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", stripped) if counts else text), counts


def unescape_dayone(text: str) -> str:
    r"""Undo the backslash escapes Day One writes into its Markdown (``\.`` ``\-`` ``\!``)."""
    return _ESCAPE.sub(r"\1", text)
