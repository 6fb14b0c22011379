"""A document ready to leave the app: who it is by, what it is, and its Markdown body."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from psw_journal.core.documents.text import escape_inline, yaml_string


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the document is by; every field may be empty."""

    name: str = ""
    role: str = ""
    course: str = ""
    tutor: str = ""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object] | None) -> Profile:
        """Build a profile from the stored settings dict, ignoring unknown keys."""
        raw = raw or {}
        return cls(**{key: str(raw.get(key) or "") for key in ("name", "role", "course", "tutor")})


@dataclass(frozen=True, slots=True)
class Byline:
    """Who a document is by, and the day it is made (today when None)."""

    profile: Profile = Profile()
    made_on: dt.date | None = None

    @property
    def day(self) -> dt.date:
        """Return the day on the title page."""
        return self.made_on or dt.date.today()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The title page and document properties."""

    title: str
    profile: Profile = Profile()
    period: str = ""
    framework: str = ""
    made_on: dt.date = field(default_factory=dt.date.today)
    due: dt.date | None = None
    words: int = 0
    target_words: int | None = None
    #: How the words were counted, for the title page ("the student's own text").
    words_note: str = ""
    subject: str = "Reflective coursework"

    def details(self) -> list[tuple[str, str]]:
        """Return the title page's labelled lines, empty ones left out."""
        words = f"{self.words:,}"
        if self.target_words:
            words += f" of {self.target_words:,}"
        if self.words_note:
            words += f" ({self.words_note})"
        rows = [("Author", self.profile.name), ("Role", self.profile.role),
                ("Course", self.profile.course), ("Tutor", self.profile.tutor),
                ("Period", self.period), ("Due", self.due.isoformat() if self.due else ""),
                ("Words", words), ("Framework", self.framework)]
        return [(label, " ".join(value.split())) for label, value in rows if value]


@dataclass(frozen=True, slots=True)
class Document:
    """A composed document: its title page and its body in Markdown (no title heading).

    The body is kept as a sequence of whole Markdown blocks (an entry, a section), so it can be
    rendered block by block: python-markdown slows down more than linearly on one long text.
    """

    info: DocumentInfo
    blocks: tuple[str, ...]
    #: Words of each part, in order (for the word-count appendix and the report).
    part_words: tuple[tuple[str, int], ...] = ()

    @property
    def body(self) -> str:
        """Return the body as one Markdown text."""
        return "".join(self.blocks)

    def front_matter(self) -> str:
        """Return YAML front matter for the Markdown file (valid for pandoc too)."""
        info = self.info
        fields = [("title", info.title), ("author", info.profile.name),
                  ("role", info.profile.role), ("course", info.profile.course),
                  ("tutor", info.profile.tutor), ("date_range", info.period),
                  ("framework", info.framework), ("date", info.made_on.isoformat()),
                  ("due", info.due.isoformat() if info.due else "")]
        lines = [f"{key}: {yaml_string(value)}" for key, value in fields if value]
        lines.append(f"words: {info.words}")
        return "---\n" + "\n".join(lines) + "\n---\n\n"

    def title_block(self) -> str:
        """Return the title heading and the labelled details under it, in Markdown."""
        lines = [f"# {escape_inline(self.info.title)}\n"]
        lines += [f"**{label}:** {escape_inline(value)}  " for label, value in self.info.details()]
        return "\n".join(lines).rstrip() + "\n\n"

    def to_markdown(self) -> str:
        """Return the whole document as CommonMark with YAML front matter."""
        return self.front_matter() + self.title_block() + self.body


def whole_blocks(pieces: Iterable[str]) -> tuple[str, ...]:
    """Join pieces of Markdown into blocks that each end at a blank line."""
    blocks: list[str] = []
    pending: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        pending.append(piece)
        if piece.endswith("\n\n"):
            blocks.append("".join(pending))
            pending = []
    if pending:
        blocks.append("".join(pending))
    return tuple(blocks)
