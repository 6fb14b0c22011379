"""``psw-journal import --format jrnl-json|dayone|markdown FILE``: bring an old journal along."""

from __future__ import annotations

import argparse
from typing import TextIO

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importers import ImportPreview, check_links, read_import

#: The formats this module handles (``jsonl`` stays with ``cmd_import``).
OTHER_FORMATS = ("jrnl-json", "dayone", "markdown")


def cmd_import_other(args: argparse.Namespace, out: TextIO) -> int:
    """Import a jrnl JSON export, a Day One export or a Markdown folder: every entry, or none.

    Entries already imported from the same source (same Day One or jrnl uuid, else the same
    content) are skipped, so importing a file twice adds nothing.

    Args:
        args: ``format`` (one of OTHER_FORMATS), ``file`` (a Path) and the journal options.
        out: Where the summary is printed.

    Raises:
        InvalidInput: The input is not readable in the format; nothing was imported.
    """
    from psw_journal.cli.commands import open_store

    preview = _preview(args)
    with open_store(args, write=True) as store:
        fresh = preview.fresh(store.source_keys())
        if fresh.count:
            store.add_many(fresh.drafts(), source_keys=fresh.source_keys())
    _print_summary(preview, fresh, out)
    return 0


def _preview(args: argparse.Namespace) -> ImportPreview:
    from psw_journal.core.framework import load_framework

    try:
        preview = read_import(args.format, args.file)
        if any(item.draft.links for item in preview.items):
            framework = load_framework()
            check_links(
                preview,
                (c.id for c in framework.competences),
                (p.id for p in framework.principles),
            )
    except InvalidInput as exc:
        raise InvalidInput(f"{exc} Nothing was imported.") from None
    if not preview.count:
        detail = f" ({preview.problems[0].rstrip('.')})" if preview.problems else ""
        raise InvalidInput(
            f"{args.file} holds no entries to import{detail}. Nothing was imported."
        )
    return preview


def _print_summary(preview: ImportPreview, fresh: ImportPreview, out: TextIO) -> None:
    span = preview.date_range
    when = f", {span[0].isoformat()} to {span[1].isoformat()}" if span else ""
    print(f"Read {preview.count} entries{when}.", file=out)
    for problem in preview.problems:
        print(f"Note: {problem}", file=out)
    skipped = preview.count - fresh.count
    note = f" ({skipped} already in the journal, skipped)" if skipped else ""
    print(f"Imported {fresh.count} entries{note}.", file=out)
