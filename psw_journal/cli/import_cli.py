"""``psw-journal import --format F PATH``: this app's JSON Lines or another journal's export."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing import ImportFormat, ImportPreview, read_source

if TYPE_CHECKING:
    from psw_journal.persistence.importing import ImportOutcome


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Import a file (or folder): every new entry, or none.

    Entries already in the journal (same Day One or jrnl uuid, same source, or same content)
    are skipped, so importing a file twice adds nothing. Files or records that cannot be read
    stop the import unless ``--skip-unreadable`` says to import the rest.

    Raises:
        InvalidInput: The input is not readable in the format; nothing was imported.
    """
    from psw_journal.cli.commands import open_store
    from psw_journal.core.framework import load_framework
    from psw_journal.persistence.importing import store_import

    try:
        preview = read_source(args.format, args.file, load_framework())
    except InvalidInput as exc:
        raise InvalidInput(f"{exc} Nothing was imported.") from None
    if preview.unreadable and not args.skip_unreadable:
        rest = (f"nothing was imported. Import the {preview.count:,} readable entries with "
                "--skip-unreadable.")
        if len(preview.unreadable) == 1:
            raise InvalidInput(f"{str(preview.unreadable[0]).rstrip('.')}; {rest}")
        _list_unreadable(preview, sys.stderr)
        raise InvalidInput(
            f"{_unreadable_count(preview, args.format)} cannot be read (listed above); {rest}")
    with open_store(args, write=True) as store:
        outcome = store_import(store, preview)
    _print_summary(preview, outcome, args.format, out)
    return 0


def _unreadable_count(preview: ImportPreview, fmt: str) -> str:
    number = len(preview.unreadable)
    noun = ("file", "files") if ImportFormat(fmt).is_folder else ("entry", "entries")
    return f"{number:,} {noun[number != 1]}"


def _list_unreadable(preview: ImportPreview, out: TextIO) -> None:
    for item in preview.unreadable:
        print(f"  {item}", file=out)


def _print_summary(
    preview: ImportPreview, outcome: ImportOutcome, fmt: str, out: TextIO
) -> None:
    added = outcome.added
    span = preview.date_range
    when = f", {span[0].isoformat()} to {span[1].isoformat()}" if span else ""
    trash = f" ({preview.trashed:,} in the trash)" if preview.trashed else ""
    print(f"Read {preview.count:,} entries{trash}{when}.", file=out)
    for problem in preview.problems:
        print(f"Note: {problem}", file=out)
    if preview.unreadable:
        print(f"Not imported, {_unreadable_count(preview, fmt)} that cannot be read:", file=out)
        _list_unreadable(preview, out)
    if preview.settings:
        names = ", ".join(key for key, _ in preview.settings)
        print(f"Settings restored: {names}." if outcome.settings_restored else
              "Note: the journal already had entries, so its settings were kept and the "
              f"export's ({names}) were not imported.", file=out)
    if preview.coursework:
        print(f"Coursework restored: {outcome.coursework_restored} pieces."
              if outcome.coursework_restored else
              f"Note: the journal already had entries, so the export's "
              f"{len(preview.coursework)} coursework pieces were not imported (their examples "
              "name entries by number): import the file into a new journal to restore them.",
              file=out)
    skipped = preview.count - added.count
    note = f" ({skipped:,} already in the journal, skipped)" if skipped else ""
    print(f"Imported {added.count:,} entries{note}.", file=out)
