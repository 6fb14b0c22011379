"""Reading a folder of Markdown notes (an Obsidian vault, say): one entry per note.

Front matter keys kept: ``title``, ``date`` (a day, or a day and time), ``time``, ``tags``,
``principles``, ``competences``, ``stress``, ``created`` and ``modified``/``updated``. Inline
``#tags`` become tags too. Without a title, the first ``# heading`` (or else the file name)
is used; without a date, a YYYY-MM-DD in the file name, else the day of the import (reported).

Templates folders are skipped; a note that cannot be read (not UTF-8, a template, bad front
matter) is listed with its reason and the others still come in; links are never followed out
of the folder. Attachments and front matter the journal has no place for are summed up.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing.drafts import (
    counted,
    finish_draft,
    inline_tags,
    listed,
    local_to_utc,
    parse_date_time,
)
from psw_journal.core.importing.files import FolderFile, folder_files, read_text, reason
from psw_journal.core.importing.preview import (
    EntryHistory,
    ImportItem,
    ImportPreview,
    Unreadable,
    source_keys,
)
from psw_journal.core.jsonl import content_key

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
#: Folders of note templates, skipped wherever they are (Obsidian's own setting is read too).
TEMPLATE_FOLDERS = frozenset({"templates", "template", "_templates"})
_KEPT_KEYS = frozenset({"title", "date", "time", "tags", "tag", "principles", "competences",
                        "stress", "created", "modified", "updated"})
_ATTACHMENT_KINDS = {
    "image": frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".heic", ".bmp"}),
    "PDF": frozenset({".pdf"}),
    "recording": frozenset({".mp3", ".m4a", ".wav", ".ogg", ".webm", ".mp4", ".mov"}),
}
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.M | re.S
)
_TEMPLATE_MARK = re.compile(r"\{\{[^{}\n]*\}\}|<%.*?%>")
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True, slots=True)
class Note:
    """One note read into a draft, with what the import reports about it."""

    draft: EntryDraft
    dated: bool
    history: EntryHistory
    legacy_key: str
    other_keys: tuple[str, ...] = ()


@dataclass
class _Folder:
    """What reading the folder found besides the notes."""

    unreadable: list[Unreadable] = field(default_factory=list)
    attachments: Counter[str] = field(default_factory=Counter)
    undated: list[str] = field(default_factory=list)
    other_keys: Counter[str] = field(default_factory=Counter)
    templates: list[str] = field(default_factory=list)


def read_markdown_folder(path: Path, today: dt.date | None = None) -> ImportPreview:
    """Read a folder of Markdown notes, one entry each; see the module's rules.

    Args:
        path: The folder.
        today: The date given to notes without one (default: today).
    """
    root = _folder(path)
    configured = _template_folders(root)
    found = _Folder()
    notes: list[tuple[str, Note]] = []

    def is_skipped(name: str) -> bool:
        if _is_template_folder(name, configured):
            found.templates.append(name)
            return True
        return False

    for file in folder_files(root, is_skipped):
        if file.is_outside_link:
            found.unreadable.append(Unreadable(file.name, "it links outside the chosen folder; "
                                               "it was not followed."))
        elif PurePosixPath(file.name).suffix.lower() in MARKDOWN_SUFFIXES:
            note = _read_note(file, today or dt.date.today(), found)
            if note is not None:
                notes.append((file.name, note))
        elif file.path.is_file():
            found.attachments[_attachment_kind(file.name)] += 1
    if not notes and not found.unreadable:
        raise InvalidInput(f"{path} holds no Markdown (.md) files.")
    keys = source_keys("markdown", [n.draft for _, n in notes], dated=[n.dated for _, n in notes])
    items = tuple(ImportItem(note.draft, key, (note.legacy_key,), note.history)
                  for (_, note), key in zip(notes, keys, strict=True))
    return ImportPreview(items, tuple(_problems(found, today)), tuple(found.unreadable))


def _read_note(file: FolderFile, today: dt.date, found: _Folder) -> Note | None:
    try:
        text = read_text(file.path, "Markdown note", name=file.name)
        note = parse_markdown_note(text, file.name, today, _modified_day(file.path))
    except InvalidInput as exc:
        found.unreadable.append(Unreadable(file.name, reason(exc, file.name)))
        return None
    if not note.dated:
        found.undated.append(file.name)
    found.other_keys.update(note.other_keys)
    return note


def parse_markdown_note(
    text: str, name: str, today: dt.date, modified_day: dt.date | None = None
) -> Note:
    """Turn one note's text into a draft.

    Args:
        text: The note's content.
        name: Its path in the folder (a title of last resort, maybe a date), for messages.
        today: The day given to a note with no date in its front matter or name.
        modified_day: The file's last change, only to recognise what earlier versions of the
            app imported (they dated such notes by it).

    Raises:
        InvalidInput: The note is a template, its front matter is not YAML, or a field has
            the wrong shape.
    """
    meta, body = _front_matter(text)
    body = body.strip("\n")
    title = _optional_text(meta, "title")
    if not title:
        title, body = _heading_title(body, PurePosixPath(name).stem)
    links = tuple(
        Link(kind, _normalise_id(value))
        for kind, key in ((LinkKind.PRINCIPLE, "principles"), (LinkKind.COMPETENCE, "competences"))
        for value in _loose_list(meta, key)
    )
    written = _loose_list(meta, "tags") + _loose_list(meta, "tag")
    found = _note_date(meta, name)
    day, time = found if found is not None else (today, None)
    draft = EntryDraft(title=title, body=body, occurred_on=day, time_of_day=time, links=links,
                       tags=tuple(written + inline_tags(f"{title}\n{body}")),
                       stress=_optional_stress(meta))
    old_day = day if found is not None else (modified_day or today)
    legacy = content_key(finish_draft(EntryDraft(title=title, body=body, occurred_on=old_day,
                                                 tags=tuple(written))))
    history = EntryHistory(created_at=_moment(meta, "created"),
                           updated_at=_moment(meta, "modified") or _moment(meta, "updated"))
    return Note(finish_draft(draft), found is not None, history, legacy,
                tuple(key for key in meta if key not in _KEPT_KEYS))


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    mark = _TEMPLATE_MARK.search(match.group(1))
    if mark is not None:
        raise InvalidInput(f"it is a template: {mark.group(0)!r} in its front matter is not "
                           "filled in.")
    import yaml  # only Markdown imports pay for PyYAML

    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        raise InvalidInput(f"its front matter is not valid YAML{line}.") from None
    except ValueError as exc:  # e.g. date: 2026-02-30, or a number of 5,000 digits
        detail = "a number in it is too long" if "digits" in str(exc) else str(exc)
        raise InvalidInput(f"its front matter cannot be read ({detail}).") from None
    except (TypeError, RecursionError):
        raise InvalidInput("its front matter is not valid YAML.") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InvalidInput("its front matter must be 'key: value' lines.")
    return {str(key).lower(): value for key, value in meta.items()}, text[match.end() :]


def _heading_title(body: str, stem: str) -> tuple[str, str]:
    lines = body.split("\n")
    for index, line in enumerate(lines):
        heading = _H1.match(line)
        if heading:
            rest = lines[:index] + lines[index + 1 :]
            return heading.group(1).strip(), "\n".join(rest).strip("\n")
    return stem.replace("_", " ").strip() or stem, body


def _note_date(meta: Mapping[str, Any], name: str) -> tuple[dt.date, dt.time | None] | None:
    """Return the note's day and time from its front matter or file name, or None."""
    value = meta.get("date")
    time = _time(meta.get("time"))
    if isinstance(value, dt.datetime):
        return value.date(), time or value.time()
    if isinstance(value, dt.date):
        return value, time
    if isinstance(value, str) and value.strip():
        day, written = parse_date_time(value)
        return day, time or written
    if value not in (None, ""):
        raise InvalidInput("'date' must be written YYYY-MM-DD (or YYYY-MM-DD HH:MM).")
    found = _DATE_IN_NAME.search(PurePosixPath(name).name)
    if found:
        try:
            return dt.date(*(int(part) for part in found.groups())), time
        except ValueError:
            pass  # digits shaped like a date but not one
    return None


def _time(value: object) -> dt.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)  # YAML 1.1 reads 9:30 as the number 570
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value.strip().zfill(5))
        except ValueError:
            pass
    raise InvalidInput("'time' must be written HH:MM.")


def _moment(meta: Mapping[str, Any], key: str) -> dt.datetime | None:
    """Return a ``created``/``modified`` front matter time as naive UTC, if it has one."""
    value = meta.get(key)
    if isinstance(value, str):
        try:
            day, time = parse_date_time(value, key)
        except InvalidInput:
            return None
        value = dt.datetime.combine(day, time or dt.time())
    if isinstance(value, dt.datetime):
        return local_to_utc(value)
    return None


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


def _folder(path: Path) -> Path:
    if not path.exists():
        raise InvalidInput(f"{path}: no such folder.")
    if not path.is_dir():
        raise InvalidInput(f"{path} is not a folder; give the folder holding the .md files.")
    return path.resolve()


def _template_folders(root: Path) -> set[str]:
    """Return the templates folders Obsidian's settings name, as paths inside the vault."""
    folders = set()
    for settings, key in ((".obsidian/templates.json", "folder"),
                          (".obsidian/plugins/templater-obsidian/data.json", "templates_folder")):
        try:
            value = json.loads((root / settings).read_text(encoding="utf-8")).get(key)
        except (OSError, ValueError, AttributeError, RecursionError):
            continue
        if isinstance(value, str) and value.strip("/ "):
            folders.add(value.strip("/ ").lower())
    return folders


def _is_template_folder(name: str, configured: set[str]) -> bool:
    return name.lower() in configured or PurePosixPath(name).name.lower() in TEMPLATE_FOLDERS


def _attachment_kind(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    return next((kind for kind, suffixes in _ATTACHMENT_KINDS.items() if suffix in suffixes),
                "other file")


def _modified_day(file: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(file.stat().st_mtime)
    except (OSError, OverflowError, ValueError):
        return None


def _problems(found: _Folder, today: dt.date | None) -> list[str]:
    lines = []
    if found.templates:
        lines.append(f"Templates folder{'s' if len(found.templates) > 1 else ''} "
                     f"{', '.join(repr(t) for t in sorted(found.templates))} skipped.")
    if found.undated:
        day = (today or dt.date.today()).isoformat()
        lines.append(f"{counted(len(found.undated), 'note')} with no date (in the front matter "
                     f"or the file name) dated {day}, the day of the import: "
                     f"{listed(found.undated)}.")
    if found.attachments:
        kinds = ", ".join(counted(n, kind) for kind, n in sorted(
            found.attachments.items(), key=lambda pair: (-pair[1], pair[0].lower())))
        lines.append(f"{counted(found.attachments.total(), 'attachment')} not imported "
                     f"({kinds}): the journal holds text only; notes keep their links to them "
                     "as text.")
    lines += [f"Front matter '{key}' of {counted(n, 'note')} not imported."
              for key, n in sorted(found.other_keys.items())]
    return lines

