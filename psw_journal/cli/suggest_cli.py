"""``psw-journal suggest``: which competences and principles an entry seems to evidence.

Nothing is linked: the command only prints suggestions, each with the entry's own words
that matched. The journal's stored feedback (accepted and dismissed suggestions) is used.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from psw_journal.cli.commands import open_store_while, read_text
from psw_journal.core.errors import InvalidInput
from psw_journal.core.framework import load_framework
from psw_journal.core.suggest import Feedback, Suggester, Suggestion

#: The journal setting (JSON, encrypted with the journal) holding the user's decisions.
FEEDBACK_SETTING = "suggestion_feedback"


def cmd_suggest(args: argparse.Namespace, out: TextIO) -> int:
    """Print suggested links for one entry (``--entry ID``) or a text file (``--body-file``)."""
    entry_id: int | None = getattr(args, "entry", None)
    body_file: Path | None = getattr(args, "body_file", None)
    if (entry_id is None) == (body_file is None):
        raise InvalidInput("Give either --entry ID or --body-file FILE.")
    title, body, exclude = "", "", ()
    if body_file is not None:
        body = read_text(body_file)
    store, suggester = open_store_while(
        args, lambda: Suggester.from_framework(load_framework()), write=False
    )
    with store:
        feedback = Feedback.from_json(store.setting(FEEDBACK_SETTING))
        if entry_id is not None:
            entry = store.get(entry_id)
            title, body = entry.title, entry.body
            exclude = (*entry.draft.competence_ids(), *entry.draft.principle_ids())
    limit = getattr(args, "limit", None) or 5
    found = suggester.suggest(title, body, limit=limit, feedback=feedback, exclude=exclude)
    rows = [*found.competences, *found.principles]
    if getattr(args, "json", False):
        json.dump([suggestion_json(s) for s in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    _print_text(found.competences, "Competences", out)
    _print_text(found.principles, "Principles", out)
    return 0


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    """Return the JSON shape of one suggestion, as ``suggest --json`` prints it."""
    return {
        "kind": suggestion.kind,
        "id": suggestion.id,
        "score": suggestion.score,
        "because": list(suggestion.because),
    }


def _print_text(rows: tuple[Suggestion, ...], label: str, out: TextIO) -> None:
    print(f"{label}:", file=out)
    if not rows:
        print("  (nothing stands out)", file=out)
    for row in rows:
        because = "; ".join(f"'{phrase}'" for phrase in row.because)
        print(f"  {row.id:<36} {row.score:6.2f}  you wrote: {because}", file=out)
