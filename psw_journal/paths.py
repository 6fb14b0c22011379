"""Where the journal lives by default."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "psw-journal"
JOURNAL_ENV = "PSW_JOURNAL_PATH"


def default_journal_path() -> Path:
    """Return the journal in the user's data folder (or ``$PSW_JOURNAL_PATH`` when set)."""
    override = os.environ.get(JOURNAL_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "journal.db"
