"""The ``export`` (document formats) and ``check`` commands: thin over the export service."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from psw_journal.cli.commands import open_store, open_store_while

if TYPE_CHECKING:
    from psw_journal.core.framework import Framework
    from psw_journal.services.export import DocumentFormat, ExportChoices
    from psw_journal.services.review import FieldFinding
    from psw_journal.services.writers import PdfWriter


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """Print the identifying details found in every field of the live entries."""
    from psw_journal.services.export import ExportChoices, prepare

    with open_store(args, write=False) as store:
        found = prepare(store, ExportChoices()).findings
    if getattr(args, "json", False):
        records = [{"entry_id": int(item.owner.split(":")[1]), "field": item.field,
                    "start": item.finding.start, "end": item.finding.end,
                    "kind": str(item.finding.kind), "text": item.finding.text}
                   for item in found]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print("No identifying details found.", file=out)
        return 0
    for item in found:
        entry_id = item.owner.split(":")[1]
        print(f"{entry_id:>6}  {item.field:14} {item.finding.kind.value:16} "
              f"{item.finding.text}", file=out)
    print(f"{len(found)} possible identifying details in "
          f"{len({item.owner for item in found})} entries.", file=out)
    return 0


def cmd_export_document(args: argparse.Namespace, out: TextIO) -> int:
    """Export entries as Markdown, HTML, PDF or Word, after a confidentiality check."""

    def choose() -> ExportChoices:
        from psw_journal.core.documents.entries import Selection, Shape
        from psw_journal.services.export import DocumentFormat, ExportChoices

        return ExportChoices(
            fmt=DocumentFormat(args.format), shape=Shape(args.group_by), redact=args.redact,
            selection=Selection(date_from=args.date_from, date_to=args.date_to,
                                tags=tuple(args.tag)),
        )

    return run_export(args, choose, args.out, out)


def run_export(args: argparse.Namespace, choose: Callable[[], ExportChoices], target: Path,
               out: TextIO) -> int:
    """Open the journal, export, and say what was written, left out and not replaced.

    The export's modules and the framework load while the journal opens (its key derivation
    runs without holding the interpreter), so a quick export pays for neither twice.
    """

    def load() -> tuple[Framework, ExportChoices]:
        from psw_journal.core.framework import load_framework
        from psw_journal.services import export  # noqa: F401 - imported here, in parallel

        return load_framework(), choose()

    store, (framework, choices) = open_store_while(args, load, write=False)
    from psw_journal.services.export import export_document, prepare

    with store:
        prepared = prepare(store, choices)
        if not choices.redact:
            warn_findings(prepared.findings)
        report = export_document(prepared, target, framework,
                                 pdf_writer=pdf_writer(choices.fmt))
    print(report.summary(), file=out)
    for reason in report.left_out:
        print(f"psw-journal: note: {reason}", file=sys.stderr)
    return 0


def pdf_writer(fmt: DocumentFormat) -> PdfWriter | None:
    """Return Qt's PDF printer for a PDF export (Qt is imported for PDFs only)."""
    from psw_journal.services.export import DocumentFormat

    if fmt is not DocumentFormat.PDF:
        return None
    from psw_journal.ui.pdf import write_pdf

    return write_pdf


def warn_findings(found: Sequence[FieldFinding]) -> None:
    """Say on standard error how many identifying details an unredacted export holds."""
    if not found:
        return
    kinds = Counter(item.finding.kind.value.replace("_", " ") for item in found)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    places = len({item.owner for item in found})
    print(f"Warning: {len(found)} possible identifying details in {places} "
          f"{'place' if places == 1 else 'places'} ({summary}). Run 'psw-journal check' to see "
          "them, or export again with --redact to replace them.", file=sys.stderr)
