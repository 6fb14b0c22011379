"""The import formats, reading one into a preview, and a hint when the wrong one was chosen."""

from __future__ import annotations

import enum
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from psw_journal.core.entry import LinkKind
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import Framework
from psw_journal.core.importing.dayone import read_dayone
from psw_journal.core.importing.jrnl import read_jrnl_json, read_jrnl_markdown, read_jrnl_yaml
from psw_journal.core.importing.jsonl import read_jsonl_file
from psw_journal.core.importing.markdown_folder import read_markdown_folder
from psw_journal.core.importing.preview import ImportPreview

_SNIFF_BYTES = 64 * 1024
_JRNL_JOURNAL = re.compile(r"^\[\d{4}-\d{2}-\d{2}[^\]]*\] ")


class ImportFormat(enum.StrEnum):
    """The formats entries can be imported from: this app's JSON Lines or another journal's."""

    JSONL = "jsonl"
    JRNL_JSON = "jrnl-json"
    JRNL_MARKDOWN = "jrnl-markdown"
    JRNL_YAML = "jrnl-yaml"
    DAYONE = "dayone"
    MARKDOWN = "markdown"

    @property
    def is_folder(self) -> bool:
        """Tell whether this format is read from a folder rather than a file."""
        return self in (ImportFormat.MARKDOWN, ImportFormat.JRNL_YAML)

    @property
    def description(self) -> str:
        """Say what this format is, as a hint names it."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    ImportFormat.JSONL: "this app's JSON Lines export",
    ImportFormat.JRNL_JSON: "jrnl's JSON export (jrnl --export json)",
    ImportFormat.JRNL_MARKDOWN: "jrnl's Markdown export (jrnl --export markdown)",
    ImportFormat.JRNL_YAML: "a folder of jrnl's YAML export (jrnl --export yaml --file FOLDER)",
    ImportFormat.DAYONE: "a Day One export",
    ImportFormat.MARKDOWN: "a folder of Markdown notes",
}
_READERS: dict[ImportFormat, Callable[[Path], ImportPreview]] = {
    ImportFormat.JSONL: read_jsonl_file,
    ImportFormat.JRNL_JSON: read_jrnl_json,
    ImportFormat.JRNL_MARKDOWN: read_jrnl_markdown,
    ImportFormat.JRNL_YAML: read_jrnl_yaml,
    ImportFormat.DAYONE: read_dayone,
    ImportFormat.MARKDOWN: read_markdown_folder,
}


def import_format(fmt: ImportFormat | str) -> ImportFormat:
    """Return the format named ``fmt``, or raise InvalidInput listing the names."""
    try:
        return ImportFormat(fmt)
    except ValueError:
        names = ", ".join(f.value for f in ImportFormat)
        raise InvalidInput(f"unknown import format {fmt!r}; use one of {names}.") from None


def read_import(fmt: ImportFormat | str, path: Path) -> ImportPreview:
    """Read a file (or folder) in one of the import formats; nothing is stored.

    Raises:
        InvalidInput: The input is missing, unreadable as a whole, or not in the format.
    """
    return _READERS[import_format(fmt)](path)


def read_source(
    fmt: ImportFormat | str, path: Path, framework: Framework | None = None
) -> ImportPreview:
    """Read an import into a preview without touching the journal: what the CLI and app show.

    Args:
        fmt: The format, as an ImportFormat or its command-line name.
        path: The file (or, for folder formats, the folder).
        framework: When given, links to ids it lacks are reported (and kept) as problems.

    Raises:
        InvalidInput: The input is unreadable, not in the format, or holds nothing importable;
            the message suggests the right format when the input looks like another one.
    """
    kind = import_format(fmt)
    try:
        preview = read_import(kind, path)
        if not preview.count:
            first = preview.unreadable[0] if preview.unreadable else None
            detail = f" ({str(first).rstrip('.')})" if first else (
                f" ({preview.problems[0].rstrip('.')})" if preview.problems else "")
            raise InvalidInput(f"{path.name} holds no entries to import{detail}.")
    except InvalidInput as exc:
        raise InvalidInput(f"{str(exc).rstrip('.')}.{format_hint(kind, path)}") from None
    unknown = unknown_links(preview, framework) if framework is not None else []
    if unknown:
        listed = ", ".join(sorted(set(unknown))[:5])
        note = (
            f"{len(unknown)} links name ids that are not in this framework ({listed}); "
            "they are kept and shown as not in this framework."
        )
        preview = replace(preview, problems=(*preview.problems, note))
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


def format_hint(chosen: ImportFormat, path: Path) -> str:
    """Return `` It looks like …: choose '…'.`` when ``path`` looks like another format."""
    guessed = guess_format(path)
    if guessed is None or guessed is chosen:
        return ""
    if isinstance(guessed, ImportFormat):
        return f" It looks like {guessed.description}: choose '{guessed.value}'."
    return f" {guessed}"


def guess_format(path: Path) -> ImportFormat | str | None:
    """Guess an input's format from its first bytes (or a folder's first files).

    Returns:
        The format, a sentence of advice for inputs no format reads (a jrnl journal file, a
        single note), or None when nothing is recognised.
    """
    try:
        if path.is_dir():
            return _guess_folder(path)
        if not path.is_file():  # missing, or a pipe that would block
            return None
        if zipfile.is_zipfile(path):
            return ImportFormat.DAYONE
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    return _guess_text(head, path)


def _guess_text(head: str, path: Path) -> ImportFormat | str | None:
    start = head.lstrip()
    if start.startswith("{"):
        if '"creationDate"' in head or '"richText"' in head:
            return ImportFormat.DAYONE
        first_line = start.split("\n", 1)[0].rstrip()
        if first_line.endswith("}") and ('"type"' in first_line or '"title"' in first_line):
            return ImportFormat.JSONL
        if '"entries"' in head:
            return ImportFormat.JRNL_JSON
    if re.search(r"^### \d{4}-\d{2}-\d{2}", head, re.M) and start.startswith("#"):
        return ImportFormat.JRNL_MARKDOWN
    if _JRNL_JOURNAL.match(start):
        return ("It looks like jrnl's own journal file: export it first with "
                "'jrnl --export json > export.json' and choose 'jrnl-json'.")
    if start.startswith("---") and path.suffix.lower() in (".md", ".markdown"):
        folder = "jrnl-yaml" if "\nbody: |" in head else "markdown"
        return f"It looks like one note: choose its folder, as '{folder}'."
    return None


def _guess_folder(path: Path) -> ImportFormat | None:
    notes = sorted(p for p in path.iterdir() if p.suffix.lower() == ".md" and p.is_file()
                   and not p.is_symlink())[:5]
    if not notes:
        return None
    for note in notes:
        with note.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
        if head.startswith("---\ntitle: ") and "\nbody: |" in head:
            return ImportFormat.JRNL_YAML
    return ImportFormat.MARKDOWN
