"""The ``coursework`` command: start, write, quote into and export coursework pieces.

The JSON of ``show`` is a contract scripts rely on: ``{"id", "title", "words", "target_words",
"sections": [{"id", "heading", "words", "target_words", "text", "examples": [{"entry_id",
"quote"}], "evidences": {"principles": [...], "competences": [...]}}]}``, where ``words``
counts the student's own text only.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from psw_journal.cli.commands import open_store, open_store_while, read_text
from psw_journal.core.coursework import Coursework, Section, progress, quote_from
from psw_journal.core.errors import InvalidInput

if TYPE_CHECKING:
    from psw_journal.services.export import ExportChoices


def cmd_coursework(args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``coursework`` action."""
    return _ACTIONS[args.action](args, out)


def piece_json(piece: Coursework) -> dict[str, Any]:
    """Return the JSON shape of a piece, as ``coursework show --json`` prints it."""
    return {
        "id": piece.id,
        "title": piece.title,
        "words": piece.words,
        "target_words": piece.target_words,
        "sections": [
            {
                "id": section.key,
                "heading": section.heading,
                "words": section.words,
                "target_words": section.target_words,
                "text": section.text,
                "examples": [{"entry_id": e.entry_id, "quote": e.quote}
                             for e in section.examples],
                "evidences": {"principles": list(section.evidences.principles),
                              "competences": list(section.evidences.competences)},
            }
            for section in piece.sections
        ],
    }


def _new(args: argparse.Namespace, out: TextIO) -> int:
    from psw_journal.core.briefs import brief_for
    from psw_journal.core.framework import load_framework

    store, framework = open_store_while(args, load_framework, write=True)
    with store:
        brief = brief_for(args.brief, framework)
        piece = store.add_coursework(brief.new_piece(args.title))
    if args.json:
        _dump({"id": piece.id}, out)
    else:
        print(piece.id, file=out)
    return 0


def _list(args: argparse.Namespace, out: TextIO) -> int:
    with open_store(args, write=False) as store:
        pieces = store.coursework_pieces(trash=args.trash)
    if args.json:
        _dump([{"id": p.id, "title": p.title, "brief": p.brief, "words": p.words,
                "target_words": p.target_words, "sections": len(p.sections),
                "updated_at": p.updated_at.isoformat() + "Z" if p.updated_at else None,
                "trashed": p.is_trashed} for p in pieces], out)
        return 0
    for piece in pieces:
        target = f" of {piece.target_words}" if piece.target_words else ""
        print(f"{piece.id:>6}  {piece.title}  ({piece.words}{target} words, "
              f"{len(piece.sections)} sections)", file=out)
    if not pieces:
        print("No coursework yet. Start a piece with 'psw-journal coursework new --title T'.",
              file=sys.stderr)
    return 0


def _show(args: argparse.Namespace, out: TextIO) -> int:
    with open_store(args, write=False) as store:
        piece = store.coursework(args.id)
        quoted = {e.entry_id for s in piece.sections for e in s.examples}
        entries = {entry.id: entry for entry in store.iter_entries(sorted(quoted))}
    if args.json:
        _dump(piece_json(piece), out)
        return 0
    status = " (in the trash)" if piece.is_trashed else ""
    target = f" of {piece.target_words}" if piece.target_words else ""
    print(f"# {piece.title}{status}\n\n{piece.words}{target} words in your own words.",
          file=out)
    for row, section in zip(progress(piece, entries), piece.sections, strict=True):
        words = f"{row.words}" + (f" of {row.target_words}" if row.target_words else "")
        print(f"\n## {section.heading}  [{section.key}]  ({words} words, "
              f"{row.examples} examples)", file=out)
        if section.text.strip():
            print(section.text.rstrip(), file=out)
        for example in section.examples:
            print(f"  > {example.quote}  (entry {example.entry_id})", file=out)
        for check in row.missing:
            print(f"  - still to evidence: {check.kind} {check.target_id}", file=out)
    return 0


def _write(args: argparse.Namespace, out: TextIO) -> int:
    text = read_text(args.body_file) if args.body_file else sys.stdin.read()

    def change(piece: Coursework) -> Coursework:
        section = dataclasses.replace(piece.section(args.section), text=text)
        return _with_section(piece, section)

    piece = _edit(args, change)
    section = piece.section(args.section)
    print(f"Saved {section.heading}: {section.words} words.", file=out)
    return 0


def _quote(args: argparse.Namespace, out: TextIO) -> int:
    with open_store(args, write=True) as store:
        piece = _editable(store.coursework(args.id))
        section = piece.section(args.section)
        example = quote_from(store.get(args.entry), args.text)
        if example in section.examples:
            raise InvalidInput("That passage is already an example in this section; nothing "
                               "was added.")
        updated = dataclasses.replace(section, examples=(*section.examples, example))
        store.save_coursework(_with_section(piece, updated), new_revision=True)
    print(f"Added an example from entry {args.entry} to {section.heading}.", file=out)
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from psw_journal.cli.commands import journal_path
    from psw_journal.cli.export_cli import run_export
    from psw_journal.persistence.backups import check_output_path

    def choose() -> ExportChoices:
        from psw_journal.services.export import DocumentFormat, ExportChoices

        return ExportChoices(fmt=DocumentFormat(args.format), coursework_id=args.id,
                             appendix=args.appendix == "entries", redact=args.redact)

    check_output_path(args.out, journal_path(args))
    return run_export(args, choose, args.out, out)


def _delete(args: argparse.Namespace, out: TextIO) -> int:
    with open_store(args, write=True) as store:
        title = store.coursework(args.id).title
        store.move_coursework_to_trash(args.id)
    print(f"Moved coursework {args.id} ({title!r}) to the trash.", file=out)
    return 0


def _restore(args: argparse.Namespace, out: TextIO) -> int:
    with open_store(args, write=True) as store:
        store.restore_coursework(args.id)
    print(f"Restored coursework {args.id} from the trash.", file=out)
    return 0


def _edit(args: argparse.Namespace, change: Callable[[Coursework], Coursework]) -> Coursework:
    with open_store(args, write=True) as store:
        piece = _editable(store.coursework(args.id))
        saved: Coursework = store.save_coursework(change(piece), new_revision=True)
    return saved


def _editable(piece: Coursework) -> Coursework:
    if piece.is_trashed:
        raise InvalidInput(f"Coursework {piece.id} is in the trash; restore it first.")
    return piece


def _with_section(piece: Coursework, section: Section) -> Coursework:
    sections = tuple(section if s.key == section.key else s for s in piece.sections)
    return dataclasses.replace(piece, sections=sections)


def _dump(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


_ACTIONS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "new": _new, "list": _list, "show": _show, "write": _write, "quote": _quote,
    "export": _export, "delete": _delete, "restore": _restore,
}
