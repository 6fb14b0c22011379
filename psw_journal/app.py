"""Composition root: parse the command line, then run one command or the desktop app."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from psw_journal.cli.parser import PROG, parse_args
from psw_journal.core.errors import JournalError

DEBUG_ENV = "PSW_JOURNAL_DEBUG"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``psw-journal``: a subcommand, or the desktop app when there is none."""
    args = parse_args(argv)
    try:
        if args.command is None:
            from psw_journal.ui.app import run_gui  # Qt is imported here only

            return run_gui(args)
        from psw_journal.cli.commands import run

        return run(args)
    except JournalError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line; the details only on request
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"{PROG}: unexpected error ({type(exc).__name__}); nothing was changed. "
            f"Run with {DEBUG_ENV}=1 for details.",
            file=sys.stderr,
        )
        return 1
