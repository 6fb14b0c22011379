"""The command line's arguments. Importing this module is cheap: nothing heavy is loaded."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from psw_journal import __version__

PROG = "psw-journal"
DOCUMENT_FORMATS = ("markdown", "html", "pdf", "docx")
EXPORT_FORMATS = (*DOCUMENT_FORMATS, "jsonl")
GROUPINGS = ("principle", "competence", "date", "supervision")
IMPORT_FORMATS = ("jsonl", "jrnl-json", "jrnl-markdown", "jrnl-yaml", "dayone", "markdown")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date in the form YYYY-MM-DD"
        ) from None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _entry_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an entry number") from None
    if not 1 <= number < 2**63:
        raise argparse.ArgumentTypeError(f"there is no entry {value}")
    return number


@dataclass(frozen=True, slots=True)
class _Parents:
    """Options several commands share, as argparse parent parsers."""

    journal: argparse.ArgumentParser
    json_flag: argparse.ArgumentParser
    weak: argparse.ArgumentParser

    @classmethod
    def build(cls) -> _Parents:
        """Make --journal, --json and --allow-weak-passphrase."""
        journal = argparse.ArgumentParser(add_help=False)
        journal.add_argument(
            "--journal",
            type=Path,
            metavar="PATH",
            default=argparse.SUPPRESS,
            help="journal file (default: journal.db in your data folder, or $PSW_JOURNAL_PATH)",
        )
        json_flag = argparse.ArgumentParser(add_help=False)
        # SUPPRESS: a command's own default must not undo a --json given before the command.
        json_flag.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS,
            help="print JSON instead of text",
        )
        weak = argparse.ArgumentParser(add_help=False)
        weak.add_argument(
            "--allow-weak-passphrase",
            action="store_true",
            help="accept a passphrase that is easy to guess (the journal's only protection)",
        )
        return cls(journal, json_flag, weak)


#: Adds one command: its name, its help, and the parent parsers besides --journal.
_Command = Callable[..., argparse.ArgumentParser]


def build_parser() -> argparse.ArgumentParser:
    """Build the ``psw-journal`` argument parser with all its subcommands."""
    parents = _Parents.build()
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[parents.journal],
        description="A private, encrypted reflective journal for Peer Support Workers. "
        "Without a command it starts the desktop app. The passphrase is read from "
        "$PSW_JOURNAL_PASSPHRASE or asked for on the terminal; it is never an argument.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throwaway demo journal of example entries (deleted when the app closes)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, text: str, *more: argparse.ArgumentParser
    ) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=text, description=text,
                                   parents=[parents.journal, *more])

    _add_entry_commands(command, parents)
    _add_exchange_commands(command, parents)
    _add_journal_commands(command, parents)
    return parser


def _add_entry_commands(command: _Command, parents: _Parents) -> None:
    """Add init, add, list, show, search, delete and restore-entry."""
    command("init", "create a new journal", parents.weak)

    add = command("add", "add an entry (body from standard input or --body-file)")
    add.add_argument("--title", required=True)
    add.add_argument("--date", type=_date, help="day it happened, YYYY-MM-DD (default: today)")
    add.add_argument("--competence", action="append", default=[], metavar="ID")
    add.add_argument("--principle", action="append", default=[], metavar="ID")
    add.add_argument("--tag", action="append", default=[], metavar="TAG")
    add.add_argument("--stress", type=int, choices=range(1, 6), metavar="1-5")
    add.add_argument("--body-file", type=Path, metavar="FILE")

    listing = command("list", "list entries, newest first", parents.json_flag)
    listing.add_argument("--trash", action="store_true", help="list the entries in the trash")
    listing.add_argument("--limit", type=_positive, help="show at most N entries")

    show = command("show", "show one entry", parents.json_flag)
    show.add_argument("id", type=_entry_id)

    search = command("search", "search titles, bodies and tags", parents.json_flag)
    search.add_argument(
        "query", help='words that must all appear; "quote" a phrase; word* a prefix'
    )
    search.add_argument("--limit", type=_positive, default=50)

    delete = command("delete", "move an entry to the trash (it can be restored)")
    delete.add_argument("id", type=_entry_id)

    undelete = command("restore-entry", "bring an entry back from the trash")
    undelete.add_argument("id", type=_entry_id)


def _add_exchange_commands(command: _Command, parents: _Parents) -> None:
    """Add import, suggest, export and check."""
    imp = command("import", "import entries from a file or folder (all or nothing)")
    imp.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        default="jsonl",
        help="jsonl (this app's, or its full export), jrnl-json (jrnl --export json), "
        "jrnl-markdown (jrnl --export markdown), jrnl-yaml (the folder jrnl --export yaml "
        "--file writes), dayone (Day One JSON export .zip or .json), markdown (a folder of "
        ".md files, such as an Obsidian vault)",
    )
    imp.add_argument(
        "--skip-unreadable",
        action="store_true",
        help="import the readable entries even when some files or records cannot be read",
    )
    imp.add_argument("file", type=Path, help="the file (for markdown and jrnl-yaml: the folder)")

    suggest = command(
        "suggest", "suggest competences and principles an entry evidences", parents.json_flag
    )
    source = suggest.add_mutually_exclusive_group(required=True)
    source.add_argument("--entry", type=_entry_id, metavar="ID")
    source.add_argument("--body-file", type=Path, metavar="FILE")
    suggest.add_argument("--limit", type=_positive, default=5, help="at most N of each kind")

    exp = command("export", "export reflective coursework or all entries to a file")
    exp.add_argument("--out", type=Path, required=True, metavar="FILE")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="markdown")
    exp.add_argument("--group-by", choices=GROUPINGS, default="principle")
    exp.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    exp.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    exp.add_argument("--tag", action="append", default=[], metavar="TAG")
    exp.add_argument(
        "--redact",
        action="store_true",
        help="replace identifying details found by the check with placeholders",
    )

    command("check", "find details that could identify a person", parents.json_flag)


def _add_journal_commands(command: _Command, parents: _Parents) -> None:
    """Add coverage, prompts, backup, restore, passwd and coursework."""
    coverage = command(
        "coverage", "show which competences and principles are evidenced", parents.json_flag
    )
    coverage.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    coverage.add_argument("--to", dest="date_to", type=_date, metavar="DATE")

    prompts = command("prompts", "suggest what to reflect on next", parents.json_flag)
    prompts.add_argument("--limit", type=_positive, default=10)

    backup = command("backup", "write an encrypted backup (same passphrase)")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")

    restore = command("restore", "replace the journal with a backup (the current one is kept)")
    restore.add_argument("file", type=Path)

    command("passwd", "change the journal's passphrase", parents.weak)
    _add_coursework(command("coursework", "write reflective coursework from your journal"),
                    parents.journal, parents.json_flag)


def _add_coursework(
    parent: argparse.ArgumentParser,
    journal: argparse.ArgumentParser,
    json_flag: argparse.ArgumentParser,
) -> None:
    """Add ``coursework new|list|show|write|quote|export|delete|restore``."""
    actions = parent.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, text: str, *, json: bool = False) -> argparse.ArgumentParser:
        parents = [journal, json_flag] if json else [journal]
        return actions.add_parser(name, help=text, description=text, parents=parents)

    new = action("new", "start a coursework piece from a brief; prints its id", json=True)
    new.add_argument("--title", required=True)
    new.add_argument("--brief", default="principles", metavar="principles|competence-areas|FILE",
                     help="a built-in brief, or a brief file (YAML) from your tutor")
    listing = action("list", "list your coursework pieces", json=True)
    listing.add_argument("--trash", action="store_true", help="list the pieces in the trash")
    show = action("show", "show a piece: its sections, words and examples", json=True)
    show.add_argument("id", type=_entry_id)
    write = action("write", "replace a section's text (from standard input or --body-file)")
    write.add_argument("id", type=_entry_id)
    write.add_argument("section", metavar="SECTION_ID")
    write.add_argument("--body-file", type=Path, metavar="FILE")
    quote = action("quote", "add a passage of an entry to a section as an example")
    quote.add_argument("id", type=_entry_id)
    quote.add_argument("section", metavar="SECTION_ID")
    quote.add_argument("--entry", type=_entry_id, required=True, metavar="ENTRY_ID")
    quote.add_argument("--text", required=True, metavar="PASSAGE")
    export = action("export", "write a piece as a document for your tutor")
    export.add_argument("id", type=_entry_id)
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--format", choices=DOCUMENT_FORMATS, default="docx")
    export.add_argument("--redact", action="store_true",
                        help="replace identifying details found by the check with placeholders")
    export.add_argument("--appendix", choices=("entries", "none"), default="entries",
                        help="add each quoted entry in full at the end (default), or not")
    delete = action("delete", "move a piece to the trash (it can be restored)")
    delete.add_argument("id", type=_entry_id)
    restore = action("restore", "bring a piece back from the trash")
    restore.add_argument("id", type=_entry_id)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line (exits with status 2 on a usage error)."""
    args = list(sys.argv[1:] if argv is None else argv)
    return _desktop_args(args) or build_parser().parse_args(args)


def _desktop_args(args: list[str]) -> argparse.Namespace | None:
    """Read a command line that only starts the desktop app, as the full parser would.

    Building every subcommand's parser costs ~4 ms before the first window shows; anything
    but ``--journal PATH`` and ``--demo`` (help, a command, a typo) goes to the full parser.
    """
    parsed = argparse.Namespace(demo=False, json=False, command=None)
    rest = iter(args)
    for arg in rest:
        if arg == "--demo":
            parsed.demo = True
        elif arg.startswith("--journal="):
            parsed.journal = Path(arg.partition("=")[2])
        elif arg == "--journal" and not (value := next(rest, "-")).startswith("-"):
            parsed.journal = Path(value)
        else:
            return None
    return parsed
