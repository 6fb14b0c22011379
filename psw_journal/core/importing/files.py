"""Reading what the user chose, defensively: sizes bounded, links not followed, JSON bounded."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psw_journal.core.errors import InvalidInput
from psw_journal.core.jsonl import bounded_int

#: Largest file read as text; a real export is far smaller, and reading more would only
#: exhaust memory.
MAX_TEXT_BYTES = 256 * 1024 * 1024


def read_text(path: Path, label: str, *, name: str | None = None) -> str:
    """Read a UTF-8 text file, or raise InvalidInput saying why it cannot be read as ``label``.

    Args:
        path: The file.
        label: What it should be, for messages ("jrnl JSON export").
        name: How messages name it (default: its path as given).
    """
    shown = name or str(path)
    try:
        mode = path.stat()
        if stat.S_ISDIR(mode.st_mode):
            raise InvalidInput(f"{shown} is a folder, not a {label}.")
        if not stat.S_ISREG(mode.st_mode):  # a pipe or device would block or never end
            raise InvalidInput(f"{shown} is not a regular file, so it is not a {label}.")
        if mode.st_size > MAX_TEXT_BYTES:
            raise InvalidInput(f"{shown} is too large to be a {label}.")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"{shown}: no such file.") from None
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{shown} is not UTF-8 text (byte {exc.start + 1}), so it is not a {label}."
        ) from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {shown}: {exc.strerror}.") from None


def load_json(text: str, source: str) -> Any:
    """Decode JSON, naming ``source`` in a one-line error; absurd integers become infinity."""
    try:
        return json.loads(text, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{source} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from None
    except RecursionError:
        raise InvalidInput(f"{source} is nested too deeply to be an export.") from None


def reason(exc: InvalidInput, name: str) -> str:
    """Return an error's message without the name it starts with, to list it under that name."""
    text = str(exc)
    for prefix in (f"{name}: ", f"{name} "):
        text = text.removeprefix(prefix)
    return text.removeprefix("is ")


@dataclass(frozen=True, slots=True)
class FolderFile:
    """A file found in a chosen folder.

    Attributes:
        path: Where it is.
        name: Its path inside the folder, with ``/`` (how messages name it).
        is_outside_link: It is a link to something outside the folder (never read).
    """

    path: Path
    name: str
    is_outside_link: bool = False


def folder_files(
    root: Path, is_skipped: Callable[[str], bool] = lambda name: False
) -> Iterator[FolderFile]:
    """Yield the files of a folder and its subfolders, hidden ones left out, in name order.

    Links are never followed: one that points outside the folder is yielded with
    ``is_outside_link`` so it can be reported; one that points inside is skipped, as what it
    points at is read where it is (and so comes in once).

    Args:
        root: The chosen folder (already resolved).
        is_skipped: Tells, from its path inside the folder, whether to leave a subfolder out
            (such as a templates folder).
    """
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            d for d in subfolders
            if not d.startswith(".") and not is_skipped(_name(here / d, root))
        )
        for link in [d for d in subfolders if (here / d).is_symlink()]:
            subfolders.remove(link)  # os.walk does not follow it; report it if it leads out
            if not _inside(here / link, root):
                yield FolderFile(here / link, _name(here / link, root), is_outside_link=True)
        for file in sorted(f for f in files if not f.startswith(".")):
            path = here / file
            if path.is_symlink():
                if not _inside(path, root):
                    yield FolderFile(path, _name(path, root), is_outside_link=True)
                continue
            yield FolderFile(path, _name(path, root))


def _inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()
