"""Schema version checks and Alembic upgrades, paid for only when an upgrade is due."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from psw_journal.core.errors import JournalError, NotAJournal

#: Every schema revision this version of the app knows, oldest first; the last is the head.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005")
HEAD = KNOWN_REVISIONS[-1]
MIGRATIONS = Path(__file__).with_name("migrations")


def current_revision(conn: sqlcipher3.Connection) -> str | None:
    """Return the journal's schema revision, or None for a journal with no tables yet."""
    has_version = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if has_version is None:
        (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if tables:
            raise NotAJournal("The file holds tables that are not a PSW journal's.")
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def needs_upgrade(path: Path, revision: str | None) -> bool:
    """Tell whether the schema is older than HEAD; refuse a journal from a newer app."""
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise JournalError(
            f"{path} was saved by a newer version of PSW Journal (schema {revision}). "
            "Update the app to open it; the file has not been changed."
        )
    return revision != HEAD


def upgrade(connect: Callable[[], sqlcipher3.Connection], revision: str = "head") -> None:
    """Bring a journal to ``revision`` (HEAD) with Alembic, on a keyed connection of its own."""
    from alembic import command
    from alembic.config import Config

    from psw_journal.persistence.engine import make_engine

    engine = make_engine(connect, pool_size=1)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()
