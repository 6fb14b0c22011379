"""Coursework pieces: sections in the student's own words, with examples quoted from entries.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the coursework, section, example and revision tables."""
    op.create_table(
        "coursework",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("brief", sa.Text, nullable=False, server_default=""),
        sa.Column("total_words", sa.Integer),
        sa.Column("due", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("deleted_at", sa.DateTime),
    )
    op.create_table(
        "coursework_section",
        sa.Column("coursework_id", sa.Integer,
                  sa.ForeignKey("coursework.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("heading", sa.Text, nullable=False),
        sa.Column("guidance", sa.Text, nullable=False, server_default=""),
        sa.Column("target_words", sa.Integer),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("principles", sa.Text, nullable=False, server_default=""),
        sa.Column("competences", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "coursework_example",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coursework_id", sa.Integer, nullable=False),
        sa.Column("section_key", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        # No foreign key to entry: an example outlives its entry and says so.
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("entry_title", sa.Text, nullable=False, server_default=""),
        sa.Column("entry_date", sa.Date),
        sa.ForeignKeyConstraint(
            ["coursework_id", "section_key"],
            ["coursework_section.coursework_id", "coursework_section.key"],
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_coursework_example_section", "coursework_example",
                    ["coursework_id", "section_key", "position"])
    op.create_table(
        "coursework_revision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coursework_id", sa.Integer,
                  sa.ForeignKey("coursework.id", ondelete="CASCADE"), nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )
    op.create_index("ix_coursework_revision_piece", "coursework_revision",
                    ["coursework_id", "id"])


def downgrade() -> None:
    """Drop the coursework tables."""
    for table in ("coursework_revision", "coursework_example", "coursework_section",
                  "coursework"):
        op.drop_table(table)
