"""First journal schema: entries, tags, links, revisions, settings and the FTS5 index.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_FTS = """
CREATE VIRTUAL TABLE entry_fts USING fts5(
    title, body, tags_text,
    content='entry', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)"""

_TRIGGERS = (
    """CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
        INSERT INTO entry_fts(rowid, title, body, tags_text)
        VALUES (new.id, new.title, new.body, new.tags_text);
    END""",
    """CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
        INSERT INTO entry_fts(entry_fts, rowid, title, body, tags_text)
        VALUES ('delete', old.id, old.title, old.body, old.tags_text);
    END""",
    """CREATE TRIGGER entry_fts_update AFTER UPDATE OF title, body, tags_text ON entry BEGIN
        INSERT INTO entry_fts(entry_fts, rowid, title, body, tags_text)
        VALUES ('delete', old.id, old.title, old.body, old.tags_text);
        INSERT INTO entry_fts(rowid, title, body, tags_text)
        VALUES (new.id, new.title, new.body, new.tags_text);
    END""",
)


def upgrade() -> None:
    """Create the first schema."""
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("template", sa.String(40)),
        sa.Column("stress", sa.Integer),
        sa.Column("tags_text", sa.Text, nullable=False, server_default=""),
        sa.Column("deleted_at", sa.DateTime),
        sa.Column("source_key", sa.Text, unique=True),
        sa.CheckConstraint("stress IS NULL OR stress BETWEEN 1 AND 5", name="ck_entry_stress"),
    )
    op.create_index("ix_entry_live_date", "entry", ["deleted_at", "occurred_on"])
    op.create_table(
        "entry_tag",
        sa.Column(
            "entry_id", sa.Integer, sa.ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("tag", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_entry_tag_tag", "entry_tag", ["tag", "entry_id"])
    op.create_table(
        "entry_link",
        sa.Column(
            "entry_id", sa.Integer, sa.ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("target_id", sa.Text, primary_key=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.CheckConstraint("kind IN ('competence', 'principle')", name="ck_entry_link_kind"),
    )
    op.create_index("ix_entry_link_target", "entry_link", ["kind", "target_id", "entry_id"])
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "entry_id", sa.Integer, sa.ForeignKey("entry.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_revision_entry", "revision", ["entry_id", "id"])
    op.create_table(
        "setting",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.execute(_FTS)
    for trigger in _TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    """Drop everything (only used by tests of the migration machinery)."""
    op.execute("DROP TABLE entry_fts")
    for table in ("setting", "revision", "entry_link", "entry_tag", "entry"):
        op.drop_table(table)
