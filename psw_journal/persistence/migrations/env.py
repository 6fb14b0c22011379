"""Alembic environment: migrations always run on the app's own keyed connection."""

from __future__ import annotations

from alembic import context

from psw_journal.persistence.rows import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when run by hand without the app
    raise SystemExit("Run migrations through psw_journal (they need the journal's key).")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
