"""The ``export`` (document formats) and ``check`` subcommands: coursework and confidentiality."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from psw_journal.cli.commands import open_store, open_store_while, write_atomically
from psw_journal.core.confidentiality import Finding, find_in_fields
from psw_journal.core.entry import Entry
from psw_journal.core.errors import JournalError


def entry_findings(
    entries: Iterable[Entry], people: Sequence[str], ignore: Sequence[str], own: Sequence[str] = ()
) -> list[tuple[Entry, str, Finding]]:
    """Return (entry, field, finding) for every identifying detail in titles and bodies."""
    found = []
    for entry in entries:
        for field_name, finding in find_in_fields(entry.title, entry.body, people=people,
                                                  own_names=own):
            found.append((entry, field_name, finding))
    return _not_ignored(found, ignore)


def _not_ignored(
    found: list[tuple[Entry, str, Finding]], ignore: Sequence[str]
) -> list[tuple[Entry, str, Finding]]:
    skip = {item.casefold() for item in ignore}
    return [item for item in found if item[2].text.casefold() not in skip]


def journal_findings(
    store: Any, entries: Iterable[Entry], ignore: Sequence[str]
) -> list[tuple[Entry, str, Finding]]:
    """Like ``entry_findings``, reusing findings stored in the journal for unchanged entries."""
    return _not_ignored(store.entry_findings(entries), ignore)


def _journal_lists(store: Any) -> tuple[list[str], list[str], list[str], dict[str, Any]]:
    profile = store.setting("profile", {}) or {}
    people = [str(p) for p in store.setting("people", []) or []]
    ignore = [str(i) for i in store.setting("confidentiality_ignore", []) or []]
    own = [str(profile.get("name") or "")] if isinstance(profile, dict) else []
    return people, ignore, [name for name in own if name], profile if isinstance(profile,
                                                                                 dict) else {}


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """Print the identifying details found in live entries (JSON with --json)."""
    with open_store(args, write=False) as store:
        _, ignore, _, _ = _journal_lists(store)
        found = journal_findings(store, store.iter_entries(), ignore)
    if getattr(args, "json", False):
        records = [{"entry_id": entry.id, "field": field_name, "start": f.start, "end": f.end,
                    "kind": str(f.kind), "text": f.text} for entry, field_name, f in found]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print("No identifying details found.", file=out)
        return 0
    for entry, field_name, finding in found:
        print(f"{entry.id:>6}  {entry.occurred_on}  {field_name:5}  "
              f"{finding.kind.value:16} {finding.text}", file=out)
    print(f"{len(found)} possible identifying details in "
          f"{len({entry.id for entry, _, _ in found})} entries.", file=out)
    return 0


def cmd_export_document(args: argparse.Namespace, out: TextIO) -> int:
    """Export coursework as Markdown, HTML, PDF or Word, after a confidentiality check."""
    from psw_journal.core.export_markdown import (
        ExportOptions,
        Grouping,
        render_markdown,
        select_entries,
    )
    from psw_journal.core.framework import load_framework

    store, framework = open_store_while(args, load_framework, write=False)
    with store:
        people, ignore, own, profile = _journal_lists(store)
        entries = list(store.iter_entries())
        options = ExportOptions(grouping=Grouping(args.group_by), date_from=args.date_from,
                                date_to=args.date_to, tags=tuple(args.tag), redact=args.redact,
                                people=tuple(people), ignore=tuple(ignore + own))
        chosen = select_entries(entries, options)
        if not args.redact:
            _warn(journal_findings(store, chosen, ignore))
    text = render_markdown(chosen, framework, profile, options)
    target: Path = args.out
    _write(args.format, target, text)
    redacted = " (identifying details replaced)" if args.redact else ""
    print(f"Exported {len(chosen)} entries to {target}{redacted}.", file=out)
    return 0


def _warn(found: list[tuple[Entry, str, Finding]]) -> None:
    if not found:
        return
    kinds: dict[str, int] = {}
    for _, _, finding in found:
        kinds[finding.kind.value] = kinds.get(finding.kind.value, 0) + 1
    summary = ", ".join(f"{count} {kind.replace('_', ' ')}"
                        for kind, count in sorted(kinds.items()))
    print(f"Warning: {len(found)} possible identifying details in "
          f"{len({e.id for e, _, _ in found})} entries ({summary}). Run 'psw-journal check' to "
          "see them, or export again with --redact to replace them.", file=sys.stderr)


def _write(fmt: str, target: Path, text: str) -> None:
    if fmt == "markdown":
        write_atomically(target, [text])
        return
    from psw_journal.core.export_html import render_html

    document = render_html(text)
    if fmt == "html":
        write_atomically(target, [document])
    elif fmt == "pdf":
        _write_pdf(target, document)
    elif fmt == "docx":
        _write_docx(target, text)
    else:
        raise JournalError(f"Unknown export format {fmt!r}.")


def _write_pdf(target: Path, document: str) -> None:
    from psw_journal.ui.pdf import write_pdf  # Qt prints the PDF; imported only for PDFs

    write_pdf(target, document)


def _write_docx(target: Path, text: str) -> None:
    try:
        import pypandoc
    except ImportError:
        raise JournalError("Word export needs pandoc: pip install pypandoc-binary") from None
    partial = target.with_name(target.name + ".partial.docx")
    try:
        pypandoc.convert_text(text, "docx", format="markdown", outputfile=str(partial))
        partial.replace(target)
    except (OSError, RuntimeError) as exc:
        partial.unlink(missing_ok=True)
        raise JournalError(f"Cannot write {target}: {exc}") from exc
