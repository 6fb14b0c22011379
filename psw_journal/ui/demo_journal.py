"""A throwaway demo journal of example entries (no Qt), deleted when the app closes.

It lives in its own private temporary folder (mode 0700), locked with a random passphrase
nobody needs to know, so exploring the app never touches the user's real journal.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from psw_journal.core.framework import data_file
from psw_journal.core.jsonl import content_key, parse_jsonl
from psw_journal.persistence.store import JournalStore

DEMO_FILE_NAME = "demo_entries.jsonl"


def demo_entries_path() -> Path:
    """Return the shipped demo entries (JSON Lines)."""
    return data_file(DEMO_FILE_NAME)


@dataclass(frozen=True, slots=True)
class DemoJournal:
    """Where a demo journal lives; ``remove()`` deletes it with everything beside it."""

    folder: Path
    path: Path

    @classmethod
    def create(cls, entries: Path | None = None) -> tuple[DemoJournal, JournalStore]:
        """Create a demo journal holding the demo entries and return it, open.

        Args:
            entries: A JSON Lines file of entries (default: the shipped demo entries).

        Raises:
            JournalError: The entries could not be read or stored; nothing is left behind.
        """
        folder = Path(tempfile.mkdtemp(prefix="psw-journal-demo-"))
        try:
            os.chmod(folder, 0o700)
            demo = cls(folder, folder / "demo-journal.db")
            drafts = parse_jsonl((entries or demo_entries_path()).read_text(encoding="utf-8"))
            store = JournalStore.create(demo.path, secrets.token_urlsafe(32))
            try:
                store.add_many(drafts, source_keys=[content_key(d) for d in drafts])
            except BaseException:
                store.close()
                raise
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return demo, store

    def remove(self) -> None:
        """Delete the demo folder (close the store first)."""
        shutil.rmtree(self.folder, ignore_errors=True)
