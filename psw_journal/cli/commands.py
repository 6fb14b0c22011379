"""The ``psw-journal`` subcommands over the journal store."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO, TypeVar

from psw_journal.cli.passphrase import (
    read_first_passphrase,
    read_new_passphrase,
    read_passphrase,
)
from psw_journal.core.entry import (
    Entry,
    EntryDraft,
    EntrySummary,
    Link,
    LinkKind,
    format_time_of_day,
)
from psw_journal.core.errors import InvalidInput, JournalError
from psw_journal.paths import default_journal_path

#: How search hits are marked in terminal output.
TERMINAL_MARKS = ("\x1b[1m", "\x1b[0m")
PLAIN_MARKS = ("*", "*")
#: Seconds a command waits for another program writing to the journal ($PSW_JOURNAL_LOCK_WAIT).
LOCK_WAIT = 5.0
LOCK_WAIT_ENV = "PSW_JOURNAL_LOCK_WAIT"
T = TypeVar("T")


def journal_path(args: argparse.Namespace) -> Path:
    """Return the journal the command works on."""
    path: Path | None = getattr(args, "journal", None)
    return (path or default_journal_path()).expanduser()


def run(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Run one subcommand; JournalError propagates to the caller, which reports it."""
    handler = _COMMANDS.get(args.command)
    if handler is None:  # commands of other features live in their own modules
        module_name, function = _FEATURE_COMMANDS[args.command].split(":")
        handler = getattr(importlib.import_module(module_name), function)
    return int(handler(args, out))


def open_store(args: argparse.Namespace, *, write: bool) -> Any:
    """Open the journal named by ``args`` (asking for the passphrase) as a JournalStore."""
    return _warned(_open(journal_path(args), read_passphrase(), write=write))


def open_store_while(
    args: argparse.Namespace, work: Callable[[], T], *, write: bool
) -> tuple[Any, T]:
    """Open the journal on a worker thread while ``work()`` runs here; return both.

    The key derivation (~75 ms in SQLCipher, without the GIL) then overlaps, say, reading and
    checking the framework. The passphrase is asked for first.
    """
    from psw_journal.persistence.opening import BackgroundOpen

    path, passphrase = journal_path(args), read_passphrase()
    # Imported here first: the worker then reaches the key derivation at once, instead of
    # importing while this thread imports too (they would take turns holding the GIL).
    if write:
        import psw_journal.persistence.store
    else:
        import psw_journal.persistence.reads  # noqa: F401
    store, done = BackgroundOpen(lambda: _open(path, passphrase, write=write)).result_after(work)
    return _warned(store), done


def _open(path: Path, passphrase: str, *, write: bool) -> Any:
    """Open a JournalStore to write, or an ORM-free JournalReader to read (quicker to start)."""
    if write:
        from psw_journal.persistence.store import JournalStore

        return JournalStore.open(path, passphrase, lock_wait=_lock_wait())
    from psw_journal.persistence.reads import JournalReader

    return JournalReader.open(path, passphrase)


def _lock_wait() -> float:
    """Return how long to wait for another writer: $PSW_JOURNAL_LOCK_WAIT seconds, or 5."""
    value = os.environ.get(LOCK_WAIT_ENV, "")
    try:
        return max(0.0, float(value)) if value else LOCK_WAIT
    except ValueError:
        raise JournalError(f"{LOCK_WAIT_ENV} must be a number of seconds, "
                           f"not {value!r}.") from None


def _warned(store: Any) -> Any:
    if store.backup_warning:
        print(f"psw-journal: warning: {store.backup_warning}", file=sys.stderr)
    return store


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    """Create a journal."""
    from psw_journal.persistence.store import JournalStore

    path = journal_path(args)
    if path.exists():
        raise JournalError(f"{path} already exists; nothing was changed.")
    if not path.parent.exists():
        try:
            path.parent.mkdir(mode=0o700, parents=True)
        except OSError as exc:
            raise JournalError(f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
    passphrase = read_first_passphrase(allow_weak=args.allow_weak_passphrase)
    with JournalStore.create(path, passphrase):
        pass
    print(f"Created {path}. Keep your passphrase safe: it cannot be recovered.", file=out)
    return 0


def cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    """Add one entry and print its id."""
    body = read_text(args.body_file) if args.body_file else sys.stdin.read()
    if not body.strip():
        raise InvalidInput("The entry has no text: give it on standard input or with "
                           "--body-file. Nothing was added.")
    if args.competence or args.principle:
        from psw_journal.cli.link_ids import check_link_ids
        from psw_journal.core.framework import load_framework

        check_link_ids(load_framework(), args.competence, args.principle)
    links = tuple(Link(LinkKind.COMPETENCE, c) for c in args.competence) + tuple(
        Link(LinkKind.PRINCIPLE, p) for p in args.principle
    )
    draft = EntryDraft(
        title=args.title,
        body=body,
        tags=tuple(args.tag),
        links=links,
        stress=args.stress,
        occurred_on=args.date or dt.date.today(),
    )
    with open_store(args, write=True) as store:
        entry = store.add(draft.validated())
    print(entry.id, file=out)
    return 0


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """List entries."""
    from psw_journal.persistence.reads import EntryQuery

    with open_store(args, write=False) as store:
        rows = store.list(EntryQuery(trash=args.trash, limit=args.limit))
    _print_summaries(rows, args.json, out)
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    """Search entries by full text."""
    from psw_journal.persistence.reads import MAX_TERMS, MIN_PREFIX, EntryQuery, parse_search

    terms = parse_search(args.query)
    if terms.ignored:
        print(f"psw-journal: ignored {', '.join(terms.ignored)}: a search takes up to "
              f"{MAX_TERMS} words, and a prefix* at least {MIN_PREFIX} letters.", file=sys.stderr)
    if not terms.expression:
        raise JournalError("Nothing to search for; nothing was searched.")
    marks = PLAIN_MARKS if args.json or not out.isatty() else TERMINAL_MARKS
    with open_store(args, write=False) as store:
        rows = store.list(EntryQuery(text=args.query, limit=args.limit), marks=marks)
    _print_summaries(rows, args.json, out, with_snippet=True)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    """Show one entry in full."""
    with open_store(args, write=False) as store:
        entry = store.get(args.id)
    if args.json:
        json.dump(entry_json(entry), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    status = " (in the trash)" if entry.is_trashed else ""
    print(f"# {entry.title}{status}\n", file=out)
    time = format_time_of_day(entry.draft.time_of_day)
    print(f"Date: {entry.occurred_on.isoformat()}{f' {time}' if time else ''}", file=out)
    for label, values in (
        ("Tags", entry.tags),
        ("Principles", entry.draft.principle_ids()),
        ("Competences", entry.draft.competence_ids()),
    ):
        if values:
            print(f"{label}: {', '.join(values)}", file=out)
    if entry.draft.stress:
        print(f"Stress check-in: {entry.draft.stress}/5", file=out)
    notes = [link for link in entry.draft.links if link.note.strip()]
    if notes:
        print("Evidence notes:", file=out)
    for link in notes:
        print(f"  {link.kind.value} {link.target_id}: {' '.join(link.note.split())}", file=out)
    print(f"\n{entry.body}", file=out)
    return 0


def cmd_delete(args: argparse.Namespace, out: TextIO) -> int:
    """Move an entry to the trash."""
    with open_store(args, write=True) as store:
        entry = store.get(args.id)
        store.move_to_trash(args.id)
    print(f"Moved entry {args.id} ({entry.title!r}) to the trash.", file=out)
    return 0


def cmd_restore_entry(args: argparse.Namespace, out: TextIO) -> int:
    """Bring an entry back from the trash."""
    with open_store(args, write=True) as store:
        store.restore_from_trash(args.id)
    print(f"Restored entry {args.id} from the trash.", file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """Export the whole journal as JSON Lines (the full export), or coursework as a document."""
    from psw_journal.persistence.backups import check_output_path

    check_output_path(args.out, journal_path(args))
    if args.format != "jsonl":
        from psw_journal.cli.export_cli import cmd_export_document

        return int(cmd_export_document(args, out))
    from psw_journal.persistence.full_export import FullExportCounts, full_export_lines
    from psw_journal.services.writers import private_file

    target: Path = args.out
    counts = FullExportCounts()
    with open_store(args, write=False) as store, private_file(target) as partial, \
            partial.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(full_export_lines(store, counts))
        handle.flush()
        os.fsync(handle.fileno())
    print(f"Exported {counts.entries} entries ({counts.trashed} in the trash), "
          f"{counts.revisions} revisions, {counts.coursework} coursework pieces and "
          f"{counts.settings} settings to {target}.", file=out)
    return 0


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    """Write an encrypted backup."""
    with open_store(args, write=False) as store:
        written = store.backup(args.out)
    print(f"Backup written to {written} (it opens with the same passphrase).", file=out)
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    """Replace the journal with a backup, keeping the current journal aside."""
    from psw_journal.persistence import restoring

    path = journal_path(args)
    kept = restoring.restore(path, read_passphrase(), args.file)
    print(f"Restored {path} from {args.file}.", file=out)
    if kept is not None:
        print(f"The journal it replaced is kept as {kept}.", file=out)
    return 0


def cmd_passwd(args: argparse.Namespace, out: TextIO) -> int:
    """Change the journal's passphrase."""
    with open_store(args, write=True) as store:
        store.change_passphrase(read_new_passphrase(allow_weak=args.allow_weak_passphrase))
    print(
        "Passphrase changed. Older backups still open with the passphrase they were made with.",
        file=out,
    )
    return 0


def entry_json(entry: Entry) -> dict[str, Any]:
    """Return the JSON shape of one entry, as ``show --json`` prints it."""
    draft = entry.draft
    return {
        "id": entry.id,
        "date": entry.occurred_on.isoformat(),
        "time": format_time_of_day(draft.time_of_day),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "principles": list(draft.principle_ids()),
        "competences": list(draft.competence_ids()),
        "evidence": [
            {"kind": link.kind.value, "id": link.target_id, "note": link.note}
            for link in draft.links
            if link.note
        ],
        "stress": draft.stress,
        "template": draft.template,
        "created_at": entry.created_at.isoformat() + "Z",
        "updated_at": entry.updated_at.isoformat() + "Z",
        "trashed": entry.is_trashed,
    }


def _print_summaries(
    rows: list[EntrySummary], as_json: bool, out: TextIO, *, with_snippet: bool = False
) -> None:
    if as_json:
        records = [_summary_json(row, with_snippet) for row in rows]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for row in rows:
        tags = f"  [{', '.join(row.tags)}]" if row.tags else ""
        print(f"{row.id:>6}  {row.occurred_on.isoformat()}  {row.title}{tags}", file=out)
        if with_snippet and row.snippet:
            print(f"        {' '.join(row.snippet.split())}", file=out)
    if not rows:
        print("No entries.", file=sys.stderr)


def _summary_json(row: EntrySummary, with_snippet: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": row.id,
        "date": row.occurred_on.isoformat(),
        "time": format_time_of_day(row.time_of_day),
        "title": row.title,
        "tags": list(row.tags),
        "principles": list(row.principles),
        "competences": list(row.competences),
    }
    if with_snippet:
        record["snippet"] = row.snippet
    return record


def read_text(path: Path, label: str = "text file") -> str:
    """Read a UTF-8 text file given on the command line, or raise a clear error."""
    from psw_journal.core.importing.files import read_text as read_checked

    return read_checked(path, label)


def write_atomically(target: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` to a temporary file beside ``target``, then rename it into place."""
    partial = target.with_name(target.name + ".partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as handle:
            for line in lines:
                handle.write(line)
                count += 1
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise JournalError(f"Cannot write {target}: {exc.strerror}.") from exc
    return count


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "init": cmd_init,
    "add": cmd_add,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "delete": cmd_delete,
    "restore-entry": cmd_restore_entry,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "passwd": cmd_passwd,
}

_FEATURE_COMMANDS = {
    "import": "psw_journal.cli.import_cli:cmd_import",
    "check": "psw_journal.cli.export_cli:cmd_check",
    "coverage": "psw_journal.cli.coverage_cli:cmd_coverage",
    "prompts": "psw_journal.cli.coverage_cli:cmd_prompts",
    "suggest": "psw_journal.cli.suggest_cli:cmd_suggest",
    "coursework": "psw_journal.cli.coursework_cli:cmd_coursework",
}
