"""One description of the schema: the typed rows, the migrations and the plain SQL agree."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from psw_journal.persistence import engine as engines
from psw_journal.persistence.entries import DRAFT_COLUMNS, ENTRY_COLUMNS
from psw_journal.persistence.rows import Base, EntryRow
from psw_journal.persistence.store import JournalStore

PASS = "a long passphrase"


def test_the_typed_rows_match_the_migrated_journal(tmp_path: Path):
    path = tmp_path / "journal.db"
    JournalStore.create(path, PASS).close()  # every migration, up to the head
    sql = engines.make_engine(lambda: engines.connect(path, PASS), pool_size=1)
    try:
        with sql.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        sql.dispose()
    # The full-text index is an FTS5 virtual table made by raw SQL in the migrations.
    unexplained = [d for d in differences
                   if not (d[0] == "remove_table" and d[1].name.startswith("entry_fts"))]
    assert unexplained == []


def test_the_plain_sql_names_only_real_columns():
    columns = set(EntryRow.__table__.columns.keys())
    listed = {name.strip() for name in ENTRY_COLUMNS.format(time="time_of_day").split(",")}
    assert listed <= columns
    assert set(DRAFT_COLUMNS) <= columns
