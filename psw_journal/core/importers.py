"""Read imports (this app's JSON Lines, jrnl JSON, Day One, Markdown folders) into drafts.

Each reader returns an :class:`ImportPreview` to show before anything is stored: the drafts
with the keys that stop a second import of the same file from adding them again, the date
range, and the problems found (photos that cannot come along, entries skipped). Any input
that cannot be read raises one :class:`InvalidInput` whose message names the file and, where
it helps, the entry; nothing here touches the journal.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import zipfile
import zoneinfo
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from psw_journal.core.entry import MAX_TITLE_LENGTH, EntryDraft, Link, LinkKind
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import Framework
from psw_journal.core.jsonl import content_key, parse_jsonl, text_field, text_list

#: Tag given to entries that were starred (jrnl) or favourited (Day One).
STARRED_TAG = "starred"
#: Longest first line that still reads as a title rather than a paragraph.
MAX_FIRST_LINE_TITLE = 120
#: Largest JSON member of a Day One zip that is read (a guard against zip bombs).
MAX_ZIP_MEMBER_BYTES = 256 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_DAYONE_MEDIA = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:/*([^)\s]*)\)[ \t]*\n?")
_DAYONE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<=])")
#: Fields at least one of which every Day One entry has.
_DAYONE_FIELDS = frozenset({"uuid", "creationDate", "modifiedDate", "text", "richText"})
#: Day One's media lists, with their singular and plural names for messages.
_MEDIA_NAMES = {
    "photos": ("photo", "photos"),
    "videos": ("video", "videos"),
    "audios": ("audio recording", "audio recordings"),
    "pdfAttachments": ("PDF", "PDFs"),
}
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.M | re.S
)


class ImportFormat(enum.StrEnum):
    """The formats entries can be imported from: this app's JSON Lines or another journal's."""

    JSONL = "jsonl"
    JRNL_JSON = "jrnl-json"
    DAYONE = "dayone"
    MARKDOWN = "markdown"

    @property
    def is_folder(self) -> bool:
        """Tell whether this format is read from a folder rather than a file."""
        return self is ImportFormat.MARKDOWN


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One draft to import, with the key that recognises it when imported again."""

    draft: EntryDraft
    source_key: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would add, shown before the journal is touched.

    Attributes:
        items: The drafts in file order, each with its source key.
        problems: What could not come along (photos, empty entries), one sentence each.
    """

    items: tuple[ImportItem, ...]
    problems: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """Return how many entries the file holds."""
        return len(self.items)

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last entry dates, or None when there are no entries."""
        dates = [item.draft.occurred_on for item in self.items]
        return (min(dates), max(dates)) if dates else None

    def drafts(self) -> list[EntryDraft]:
        """Return the drafts in file order."""
        return [item.draft for item in self.items]

    def source_keys(self) -> list[str]:
        """Return the source keys in file order."""
        return [item.source_key for item in self.items]

    def fresh(self, known: Iterable[str]) -> ImportPreview:
        """Return the items whose key is neither in ``known`` nor seen earlier in the file."""
        seen = set(known)
        kept: list[ImportItem] = []
        for item in self.items:
            if item.source_key not in seen:
                seen.add(item.source_key)
                kept.append(item)
        return ImportPreview(tuple(kept), self.problems)


def read_import(fmt: ImportFormat | str, path: Path) -> ImportPreview:
    """Read a file (or folder) in one of the import formats.

    Args:
        fmt: The format, as an ImportFormat or its command-line name.
        path: A jrnl JSON file, a Day One zip or JSON file, or a folder of Markdown files.

    Raises:
        InvalidInput: The input is missing, unreadable or not in the format.
    """
    try:
        kind = ImportFormat(fmt)
    except ValueError:
        names = ", ".join(f.value for f in ImportFormat)
        raise InvalidInput(f"unknown import format {fmt!r}; use one of {names}.") from None
    readers = {
        ImportFormat.JSONL: read_jsonl_file,
        ImportFormat.JRNL_JSON: read_jrnl_json,
        ImportFormat.DAYONE: read_dayone,
        ImportFormat.MARKDOWN: read_markdown_folder,
    }
    return readers[kind](path)


def read_source(
    fmt: ImportFormat | str, path: Path, framework: Framework | None = None
) -> ImportPreview:
    """Read an import into a preview without touching the journal: what the CLI and app show.

    Args:
        fmt: The format, as an ImportFormat or its command-line name.
        path: The file (or, for Markdown, the folder).
        framework: When given, links to ids it lacks are reported (and kept) as problems.

    Raises:
        InvalidInput: The input is unreadable, not in the format, or holds no entries.
    """
    preview = read_import(fmt, path)
    if not preview.count:
        detail = f" ({preview.problems[0].rstrip('.')})" if preview.problems else ""
        raise InvalidInput(f"{path.name} holds no entries to import{detail}.")
    unknown = unknown_links(preview, framework) if framework is not None else []
    if unknown:
        listed = ", ".join(sorted(set(unknown))[:5])
        note = (
            f"{len(unknown)} links name ids that are not in this framework ({listed}); "
            "they are kept and shown as not in this framework."
        )
        preview = ImportPreview(preview.items, (*preview.problems, note))
    return preview


def unknown_links(preview: ImportPreview, framework: Framework) -> list[str]:
    """Return the ids linked by the preview's entries that ``framework`` lacks."""
    return [
        link.target_id
        for item in preview.items
        for link in item.draft.links
        if not (
            framework.has_competence(link.target_id)
            if link.kind is LinkKind.COMPETENCE
            else framework.has_principle(link.target_id)
        )
    ]


def read_jsonl_file(path: Path) -> ImportPreview:
    """Read this app's JSON Lines export."""
    text = read_text(path, "JSON Lines file")
    try:
        drafts = parse_jsonl(text)
    except InvalidInput as exc:
        raise InvalidInput(f"{path.name}: {exc}") from None
    return ImportPreview(tuple(ImportItem(draft, content_key(draft)) for draft in drafts))


# --------------------------------------------------------------------------- jrnl


def read_jrnl_json(path: Path) -> ImportPreview:
    """Read jrnl's JSON export (``jrnl --format json``), or one bare entry of it."""
    return parse_jrnl_json(read_text(path, "jrnl JSON export"), path.name)


def parse_jrnl_json(text: str, source: str = "the file") -> ImportPreview:
    """Parse the text of a jrnl JSON export; see :func:`read_jrnl_json`."""
    data = _load_json(text, source)
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        records: list[Any] = data["entries"]
    elif isinstance(data, dict) and ("title" in data or "body" in data):
        records = [data]
    else:
        raise InvalidInput(
            f"{source} is not a jrnl JSON export: expected an object with an 'entries' list "
            "(made by 'jrnl --format json')."
        )
    if not records:
        raise InvalidInput(f"{source} holds no entries.")
    items: list[ImportItem] = []
    for number, record in enumerate(records, start=1):
        try:
            draft = _jrnl_draft(record)
        except InvalidInput as exc:
            raise InvalidInput(f"{source}, entry {number}: {exc}") from None
        uuid = record.get("uuid")
        key = f"jrnl:{uuid}" if isinstance(uuid, str) and uuid else content_key(draft)
        items.append(ImportItem(draft, key))
    return ImportPreview(tuple(items))


def _jrnl_draft(record: object) -> EntryDraft:
    if not isinstance(record, dict):
        raise InvalidInput("each entry must be a JSON object.")
    title = text_field(record, "title")
    body = text_field(record, "body")
    if not title.strip() and not body.strip():
        raise InvalidInput("the entry has neither a title nor a body.")
    raw_date = record.get("date")
    if not isinstance(raw_date, str):
        raise InvalidInput("'date' is missing; jrnl writes it as YYYY-MM-DD.")
    tags = text_list(record, "tags")
    if record.get("starred") is True:
        tags.append(STARRED_TAG)
    return _validated(
        EntryDraft(
            title=title, body=body.strip("\n"), occurred_on=_iso_date(raw_date), tags=tuple(tags)
        )
    )


# --------------------------------------------------------------------------- Day One


def read_dayone(path: Path) -> ImportPreview:
    """Read a Day One JSON export: the ``.zip`` it makes, or a journal's bare ``.json``.

    Photos, videos, audio and PDFs stay behind (the journal holds text only): their
    references are removed from the text and counted in the preview's problems.
    """
    if zipfile.is_zipfile(path):
        return _read_dayone_zip(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        raise InvalidInput(f"{path.name} is not a readable zip file.")
    text = read_text(path, "Day One export")
    return parse_dayone_journal(_load_json(text, path.name), path.name)


def _read_dayone_zip(path: Path) -> ImportPreview:
    try:
        with zipfile.ZipFile(path) as archive:
            journals = [info for info in archive.infolist() if _is_journal_member(info)]
            if not journals:
                raise InvalidInput(
                    f"{path.name} is not a Day One export: it holds no journal JSON file "
                    "(such as Journal.json)."
                )
            previews = [_zip_member_journal(archive, info, path.name) for info in journals]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InvalidInput(f"{path.name} is not a readable zip file ({exc}).") from None
    items = tuple(item for p in previews for item in p.items)
    problems = tuple(problem for p in previews for problem in p.problems)
    return ImportPreview(items, problems)


def _is_journal_member(info: zipfile.ZipInfo) -> bool:
    """Tell whether a zip member may be a journal: a JSON file, not macOS or hidden clutter."""
    parts = info.filename.strip("/").split("/")
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in parts)
    # Day One puts journals at the top; a re-zipped export adds one folder above them.
    return (
        info.filename.lower().endswith(".json")
        and not info.is_dir()
        and not hidden
        and (len(parts) <= 2)
    )


def _zip_member_journal(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str
) -> ImportPreview:
    source = f"{zip_name}:{info.filename}"
    if info.file_size > MAX_ZIP_MEMBER_BYTES:
        raise InvalidInput(f"{source} is too large to be a journal file.")
    try:
        text = archive.read(info).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{source} is not UTF-8 text.") from None
    return parse_dayone_journal(_load_json(text, source), source)


def parse_dayone_journal(data: object, source: str = "the file") -> ImportPreview:
    """Turn one decoded Day One journal (``{"metadata": ..., "entries": [...]}``) into drafts."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InvalidInput(
            f"{source} is not a Day One journal: expected an object with an 'entries' list."
        )
    items: list[ImportItem] = []
    problems: list[str] = []
    for number, record in enumerate(data["entries"], start=1):
        try:
            converted = _dayone_entry(record)
        except InvalidInput as exc:
            raise InvalidInput(f"{source}, entry {number}: {exc}") from None
        problems.extend(f"{source}, {problem}" for problem in converted.problems)
        items.extend(converted.items)
    return ImportPreview(tuple(items), tuple(problems))


def _dayone_entry(record: object) -> ImportPreview:
    if not isinstance(record, dict):
        raise InvalidInput("each entry must be a JSON object.")
    if not _DAYONE_FIELDS & record.keys():
        raise InvalidInput(
            "this is not a Day One journal entry: it has none of 'uuid', 'creationDate', 'text'."
        )
    uuid = record.get("uuid")
    if uuid is not None and not isinstance(uuid, str):
        raise InvalidInput("'uuid' must be text.")
    occurred_on, date_problem = _dayone_date(record)
    text, media = strip_dayone_media(text_field(record, "text"))
    label = f"entry {uuid or occurred_on.isoformat()}"
    problems = [f"{label}: {date_problem}"] if date_problem else []
    media_counts = _dayone_media_counts(record, media)
    title, body = split_title(unescape_dayone(text))
    if not title and not body:
        kinds = f" (only {describe_media(media_counts)})" if media_counts else ""
        return ImportPreview((), (f"{label} has no text{kinds}; it was not imported.",))
    if media_counts:
        problems.append(
            f"{label} ({title!r}): {describe_media(media_counts)} not imported; "
            "the journal holds text only."
        )
    tags = text_list(record, "tags")
    if record.get("starred") is True:
        tags.append(STARRED_TAG)
    draft = _validated(
        EntryDraft(title=title, body=body, occurred_on=occurred_on, tags=tuple(tags))
    )
    key = f"dayone:{uuid}" if uuid else content_key(draft)
    return ImportPreview((ImportItem(draft, key),), tuple(problems))


def _dayone_date(record: Mapping[str, Any]) -> tuple[dt.date, str]:
    """Return the entry's local date and, when it had to be guessed, why."""
    raw = record.get("creationDate")
    if raw is None:
        today = dt.date.today()
        return today, f"it has no creationDate, so it is dated today ({today})."
    if not isinstance(raw, str):
        raise InvalidInput("'creationDate' must be text such as 2026-02-03T14:30:00Z.")
    try:
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"'creationDate' {raw!r} is not a date and time.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    zone_name = record.get("timeZone")
    if not isinstance(zone_name, str) or not zone_name:
        return moment.date(), ""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return moment.date(), f"its time zone {zone_name!r} is unknown; the UTC date is used."
    return moment.astimezone(zone).date(), ""


def _dayone_media_counts(
    record: Mapping[str, Any], referenced: Mapping[str, int]
) -> dict[str, int]:
    """Count media per kind: what the text referenced, or what the entry lists if more."""
    counts: dict[str, int] = {}
    for kind in _MEDIA_NAMES:
        listed = record.get(kind)
        number = max(referenced.get(kind, 0), len(listed) if isinstance(listed, list) else 0)
        if number:
            counts[kind] = number
    return counts


def describe_media(counts: Mapping[str, int]) -> str:
    """Say how many media of each kind there are, e.g. ``1 photo, 2 videos``."""
    return ", ".join(
        f"{number} {_MEDIA_NAMES[kind][number != 1]}" for kind, number in counts.items() if number
    )


def strip_dayone_media(text: str) -> tuple[str, dict[str, int]]:
    """Remove ``![](dayone-moment://...)`` references; return the text and counts per kind.

    The kinds are Day One's list names: ``photos``, ``videos``, ``audios``, ``pdfAttachments``.
    """
    counts: dict[str, int] = {}

    def drop(match: re.Match[str]) -> str:
        target = match.group(1).lower()
        kind = "photos"
        for marker, name in (("video", "videos"), ("audio", "audios"), ("pdf", "pdfAttachments")):
            if target.startswith(marker):
                kind = name
        counts[kind] = counts.get(kind, 0) + 1
        return ""

    stripped = _DAYONE_MEDIA.sub(drop, text)
    # A photo on its own paragraph leaves an empty one behind: close the gap.
    return (re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", stripped) if counts else text), counts


def unescape_dayone(text: str) -> str:
    r"""Undo the backslash escapes Day One writes into its Markdown (``\.`` ``\-`` ``\!``)."""
    return _DAYONE_ESCAPE.sub(r"\1", text)


def split_title(text: str) -> tuple[str, str]:
    """Split text whose first line is its title (as in Day One) into title and body.

    A first line that is a heading, or short enough to read as a title, becomes the title;
    a long first paragraph stays in the body and the title is its first words.
    """
    stripped = text.strip()
    if not stripped:
        return "", ""
    first, _, rest = stripped.partition("\n")
    heading = _HEADING.match(first.strip())
    if heading:
        return heading.group(1).strip(), rest.strip("\n")
    if len(first) <= MAX_FIRST_LINE_TITLE:
        return first.strip(), rest.strip("\n")
    words = first.split()
    return " ".join(words[:8]) + "…", stripped


# --------------------------------------------------------------------------- Markdown


def read_markdown_folder(path: Path) -> ImportPreview:
    """Read a folder of Markdown files, one entry each, with optional YAML front matter.

    Front matter keys: ``title``, ``date``, ``tags``, ``principles``, ``competences``,
    ``stress``. Without a title, the first ``# heading`` (or else the file name) is used;
    without a date, a YYYY-MM-DD in the file name, else the file's modification day.
    """
    if not path.exists():
        raise InvalidInput(f"{path}: no such folder.")
    if not path.is_dir():
        raise InvalidInput(f"{path} is not a folder; give the folder holding the .md files.")
    files = sorted(_markdown_files(path))
    if not files:
        raise InvalidInput(f"{path} holds no Markdown (.md) files.")
    items = []
    for file in files:
        name = file.relative_to(path).as_posix()
        draft = parse_markdown_entry(read_text(file, "Markdown file"), name, _modified_day(file))
        items.append(ImportItem(draft, content_key(draft)))
    return ImportPreview(tuple(items))


def _markdown_files(folder: Path) -> Iterator[Path]:
    for file in folder.rglob("*"):
        hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
        if not hidden and file.suffix.lower() in MARKDOWN_SUFFIXES and file.is_file():
            yield file


def _modified_day(file: Path) -> dt.date:
    return dt.date.fromtimestamp(file.stat().st_mtime)


def parse_markdown_entry(text: str, name: str, fallback_date: dt.date) -> EntryDraft:
    """Turn one Markdown file's text into a draft.

    Args:
        text: The file's content.
        name: The file's name (a title of last resort, maybe a date), used in messages.
        fallback_date: The day to use when neither front matter nor name has a date.

    Raises:
        InvalidInput: The front matter is not YAML, or a field has the wrong shape.
    """
    meta, body = _front_matter(text, name)
    try:
        body = body.strip("\n")
        title = _optional_text(meta, "title")
        if not title:
            title, body = _heading_title(body, Path(name).stem)
        links = tuple(
            Link(kind, _normalise_id(value))
            for kind, key in (
                (LinkKind.PRINCIPLE, "principles"),
                (LinkKind.COMPETENCE, "competences"),
            )
            for value in _loose_list(meta, key)
        )
        return _validated(
            EntryDraft(
                title=title,
                body=body,
                occurred_on=_markdown_date(meta, name, fallback_date),
                tags=tuple(_loose_list(meta, "tags")),
                links=links,
                stress=_optional_stress(meta),
            )
        )
    except InvalidInput as exc:
        raise InvalidInput(f"{name}: {exc}") from None


def _front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    import yaml  # only Markdown imports pay for PyYAML

    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        raise InvalidInput(f"{name}: the front matter is not valid YAML{line}.") from None
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. date: 2026-02-30
        raise InvalidInput(f"{name}: the front matter is not valid YAML ({exc}).") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InvalidInput(f"{name}: the front matter must be 'key: value' lines.")
    return {str(key).lower(): value for key, value in meta.items()}, text[match.end() :]


def _heading_title(body: str, stem: str) -> tuple[str, str]:
    lines = body.split("\n")
    for index, line in enumerate(lines):
        heading = re.match(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", line)
        if heading:
            rest = lines[:index] + lines[index + 1 :]
            return heading.group(1).strip(), "\n".join(rest).strip("\n")
    return stem.replace("_", " ").strip() or stem, body


def _markdown_date(meta: Mapping[str, Any], name: str, fallback: dt.date) -> dt.date:
    value = meta.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        return _iso_date(value.strip())
    if value not in (None, ""):
        raise InvalidInput("'date' must be written YYYY-MM-DD.")
    found = _DATE_IN_NAME.search(Path(name).name)
    if found:
        try:
            return dt.date(*(int(part) for part in found.groups()))
        except ValueError:
            pass  # digits shaped like a date but not one: fall back to the file's day
    return fallback


def _loose_list(meta: Mapping[str, Any], key: str) -> list[str]:
    """Read a list, or a comma-separated string, of plain values."""
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    raise InvalidInput(f"'{key}' must be a list such as [a, b] or text such as 'a, b'.")


def _normalise_id(value: str) -> str:
    """Accept 'Non-directive' or 'recovery focused' for the ids non_directive, recovery_focused."""
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


def _optional_text(meta: Mapping[str, Any], key: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    raise InvalidInput(f"'{key}' must be text.")


def _optional_stress(meta: Mapping[str, Any]) -> int | None:
    value = meta.get("stress")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput("'stress' must be a whole number from 1 to 5.")
    return value


# --------------------------------------------------------------------------- shared


def read_text(path: Path, label: str) -> str:
    """Read a UTF-8 text file, or raise InvalidInput saying why it cannot be read as ``label``."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a {label}.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path.name} is not UTF-8 text, so it is not a {label}.") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}.") from None


def _load_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{source} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from None
    except RecursionError:
        raise InvalidInput(f"{source} is nested too deeply to be an export.") from None


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InvalidInput(f"'date' {value!r} is not a date in the form YYYY-MM-DD.") from None


def _validated(draft: EntryDraft) -> EntryDraft:
    """Validate a draft, giving it a title from its first words when it has none or too long."""
    title = " ".join(draft.title.split())
    body = draft.body
    if len(title) > MAX_TITLE_LENGTH:
        body = f"{title}\n\n{body}".strip("\n")
        title = ""
    if not title:
        words = body.split()
        title = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return replace(draft, title=title, body=body).validated()
