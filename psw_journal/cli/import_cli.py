"""``psw-journal import --format F FILE``: this app's JSON Lines or another journal's export."""

from __future__ import annotations

import argparse
from typing import TextIO

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importers import ImportPreview, read_source


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Import a file (or a Markdown folder): every entry, or none.

    Entries already imported from the same source (same Day One or jrnl uuid, else the same
    content) are skipped, so importing a file twice adds nothing.

    Raises:
        InvalidInput: The input is not readable in the format; nothing was imported.
    """
    from psw_journal.cli.commands import open_store
    from psw_journal.core.framework import load_framework

    try:
        preview = read_source(args.format, args.file, load_framework())
    except InvalidInput as exc:
        raise InvalidInput(f"{exc} Nothing was imported.") from None
    with open_store(args, write=True) as store:
        fresh = preview.fresh(store.source_keys())
        if fresh.count:
            store.add_many(fresh.drafts(), source_keys=fresh.source_keys())
    _print_summary(preview, fresh, out)
    return 0


def _print_summary(preview: ImportPreview, fresh: ImportPreview, out: TextIO) -> None:
    span = preview.date_range
    when = f", {span[0].isoformat()} to {span[1].isoformat()}" if span else ""
    print(f"Read {preview.count} entries{when}.", file=out)
    for problem in preview.problems:
        print(f"Note: {problem}", file=out)
    skipped = preview.count - fresh.count
    note = f" ({skipped} already in the journal, skipped)" if skipped else ""
    print(f"Imported {fresh.count} entries{note}.", file=out)
