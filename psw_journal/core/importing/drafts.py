"""Turning another journal's fields into valid drafts: titles, dates and times, tags, counts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace

from psw_journal.core.entry import MAX_TITLE_LENGTH, EntryDraft
from psw_journal.core.errors import InvalidInput

#: Tag given to entries that were starred (jrnl) or favourited (Day One).
STARRED_TAG = "starred"
#: Tag given to entries pinned in Day One.
PINNED_TAG = "pinned"
#: Longest first line that still reads as a title rather than a paragraph.
MAX_FIRST_LINE_TITLE = 120
#: Longest title made from an entry's first words.
MAX_DERIVED_TITLE = 80
_TITLE_WORDS = 8
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_DATE_TIME = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?:\s?(?P<half>[AaPp][Mm]))?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
#: jrnl's tag pattern, needing a letter or digit after the symbol (so ``##`` is no tag).
_JRNL_TAG = re.compile(r"(?<!\S)[#@](?=[-+*#/\w]*\w)[-+*#/\w]+")
#: Obsidian's inline tags: ``#word`` or ``#nested/tag``, not all digits, not in a link.
_INLINE_TAG = re.compile(r"(?<![\w/#&\\])#([\w][\w/-]*)")
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.S)


def finish_draft(draft: EntryDraft) -> EntryDraft:
    """Validate a draft, giving it a short title from its text when it has none or one too long.

    A title longer than the journal allows moves to the top of the body, so nothing is lost.

    Raises:
        InvalidInput: The draft cannot be stored (no text at all, a NUL character...).
    """
    title = " ".join(draft.title.split())
    body = draft.body
    if len(title) > MAX_TITLE_LENGTH:
        body = f"{title}\n\n{body}".strip("\n")
        title = ""
    if not title:
        title = shorten_title(body)
    if not title:
        raise InvalidInput("the entry has no text.")
    return replace(draft, title=title, body=body).validated()


def shorten_title(text: str) -> str:
    """Return a title made of the first words of ``text``, at most MAX_DERIVED_TITLE long."""
    words = text.split()
    title = ""
    for word in words[:_TITLE_WORDS]:
        longer = f"{title} {word}".strip()
        if len(longer) > MAX_DERIVED_TITLE:
            if not title:  # one word longer than a title (a pasted link): cut it
                title = word[: MAX_DERIVED_TITLE - 1]
            return title + "…"
        title = longer
    return title + ("…" if len(words) > _TITLE_WORDS else "")


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
    return shorten_title(first), stripped


def iso_date(value: str, key: str = "date") -> dt.date:
    """Return the date at the start of ``value`` (YYYY-MM-DD...), or raise naming ``key``."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InvalidInput(f"'{key}' {value!r} is not a date in the form YYYY-MM-DD.") from None


def parse_date_time(value: str, key: str = "date") -> tuple[dt.date, dt.time | None]:
    """Read ``2026-01-12``, ``2026-01-12 16:45``, ``2026-01-12T16:45:00Z`` or ``... 04:45 PM``.

    The time is the wall-clock time as written (an offset, if any, is not applied: the day
    and hour are the writer's own).

    Raises:
        InvalidInput: It does not start with such a date, or the date or time does not exist.
    """
    found = _DATE_TIME.fullmatch(value.strip())
    if found is None:
        raise InvalidInput(f"'{key}' {value!r} is not a date in the form YYYY-MM-DD.")
    day = iso_date(found["date"], key)
    if found["hour"] is None:
        return day, None
    hour = int(found["hour"])
    if found["half"]:
        if not 1 <= hour <= 12:
            raise InvalidInput(f"'{key}' {value!r} has no such time.")
        hour = hour % 12 + (12 if found["half"].lower() == "pm" else 0)
    try:
        return day, dt.time(hour, int(found["minute"]), int(found["second"] or 0))
    except ValueError:
        raise InvalidInput(f"'{key}' {value!r} has no such time.") from None


def local_to_utc(moment: dt.datetime) -> dt.datetime | None:
    """Return a local wall-clock time (this computer's zone) as naive UTC, or None if absurd."""
    try:
        aware = moment if moment.tzinfo is not None else moment.astimezone()
        return aware.astimezone(dt.UTC).replace(tzinfo=None)
    except (OverflowError, ValueError, OSError):
        return None


def jrnl_tags(text: str) -> list[str]:
    """Return jrnl's tags in ``text`` (``@name``, ``#word``), lower case, in order of use."""
    return list(dict.fromkeys(tag.lower() for tag in _JRNL_TAG.findall(text)))


def inline_tags(text: str) -> list[str]:
    """Return the ``#tags`` written in a note's text (not in code, not all digits), in order."""
    found = (tag.rstrip("/-") for tag in _INLINE_TAG.findall(_CODE.sub(" ", text)))
    return list(dict.fromkeys(tag for tag in found if tag and not tag.isdigit()))


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """Say ``1 photo`` or ``1,096 photos``."""
    return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"


def listed(names: Iterable[str], limit: int = 3) -> str:
    """Join names for a sentence, ``a, b, c and 4 more``."""
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit:,} more" if len(names) > limit else "")
