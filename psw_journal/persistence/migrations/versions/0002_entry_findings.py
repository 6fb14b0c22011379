"""Stored confidentiality findings per entry, so exports only check entries that changed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the entry_findings table (empty: findings are computed when next needed)."""
    op.create_table(
        "entry_findings",
        sa.Column(
            "entry_id", sa.Integer, sa.ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("findings", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop the stored findings (they are a cache: nothing is lost)."""
    op.drop_table("entry_findings")
