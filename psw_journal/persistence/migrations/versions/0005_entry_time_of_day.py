"""The time of day an entry happened, where its source had one (jrnl, Day One, front matter).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Existing entries get none (NULL). The live-date index gains the time, so the entry list still
reads its order from the index: entries of one day sort by their time where known.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``entry.time_of_day`` and extend the live-date index with it."""
    # Adding a nullable column and swapping an index need no table copy, so the full-text
    # triggers on ``entry`` stay in place.
    with op.batch_alter_table("entry", recreate="never") as batch:
        batch.add_column(sa.Column("time_of_day", sa.Time, nullable=True))
        batch.drop_index("ix_entry_live_date")
        batch.create_index("ix_entry_live_date", ["deleted_at", "occurred_on", "time_of_day"])


def downgrade() -> None:
    """Drop the time of day (only used by tests of the migration machinery)."""
    with op.batch_alter_table("entry", recreate="never") as batch:
        batch.drop_index("ix_entry_live_date")
        batch.create_index("ix_entry_live_date", ["deleted_at", "occurred_on"])
        batch.drop_column("time_of_day")
