"""Typed SQLAlchemy rows of the journal schema. They never leave ``persistence/``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, ForeignKeyConstraint, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of all journal rows."""


class EntryRow(Base):
    """One reflective entry."""

    __tablename__ = "entry"
    __table_args__ = (
        CheckConstraint("stress IS NULL OR stress BETWEEN 1 AND 5", name="ck_entry_stress"),
        Index("ix_entry_live_date", "deleted_at", "occurred_on", "time_of_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[dt.date]
    #: The time of day it happened, where the source had one (schema 0005).
    time_of_day: Mapped[dt.time | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    template: Mapped[str | None] = mapped_column(String(40))
    stress: Mapped[int | None]
    #: Tags joined by newlines: the text the full-text index sees.
    tags_text: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[dt.datetime | None]
    #: Where an imported entry came from (format and uuid or content hash), to skip duplicates.
    source_key: Mapped[str | None] = mapped_column(Text, unique=True)

    tags: Mapped[list[TagRow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="TagRow.position"
    )
    links: Mapped[list[LinkRow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="LinkRow.position"
    )
    revisions: Mapped[list[RevisionRow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="RevisionRow.id"
    )


class TagRow(Base):
    """A tag on an entry."""

    __tablename__ = "entry_tag"
    __table_args__ = (Index("ix_entry_tag_tag", "tag", "entry_id"),)

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(Text, primary_key=True)
    position: Mapped[int] = mapped_column(default=0)

    entry: Mapped[EntryRow] = relationship(back_populates="tags")


class LinkRow(Base):
    """A link from an entry to a framework competence or principle, by framework id."""

    __tablename__ = "entry_link"
    __table_args__ = (
        CheckConstraint("kind IN ('competence', 'principle')", name="ck_entry_link_kind"),
        Index("ix_entry_link_target", "kind", "target_id", "entry_id"),
    )

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    target_id: Mapped[str] = mapped_column(Text, primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    entry: Mapped[EntryRow] = relationship(back_populates="links")


class RevisionRow(Base):
    """A saved state of an entry's title and body, for restoring older versions."""

    __tablename__ = "revision"
    __table_args__ = (Index("ix_revision_entry", "entry_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    saved_at: Mapped[dt.datetime]
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)

    entry: Mapped[EntryRow] = relationship(back_populates="revisions")


class SettingRow(Base):
    """A per-journal setting (profile, dismissed prompts...), kept encrypted in the journal."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FindingsRow(Base):
    """An entry's confidentiality findings, valid while ``key`` matches its text and lists.

    A cache kept in the (encrypted) journal so exports re-check only entries that changed;
    see :func:`psw_journal.core.confidentiality.findings_key`.
    """

    __tablename__ = "entry_findings"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(Text)
    findings: Mapped[str] = mapped_column(Text)


class CourseworkRow(Base):
    """A coursework piece: its title and the brief it was started from."""

    __tablename__ = "coursework"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    brief: Mapped[str] = mapped_column(Text, default="")
    total_words: Mapped[int | None]
    due: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    deleted_at: Mapped[dt.datetime | None]

    sections: Mapped[list[CourseworkSectionRow]] = relationship(
        back_populates="coursework", cascade="all, delete-orphan",
        order_by="CourseworkSectionRow.position",
    )


class CourseworkSectionRow(Base):
    """A section of a piece: the brief's heading and guidance, and the student's text."""

    __tablename__ = "coursework_section"

    coursework_id: Mapped[int] = mapped_column(
        ForeignKey("coursework.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    position: Mapped[int]
    heading: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str] = mapped_column(Text, default="")
    target_words: Mapped[int | None]
    body: Mapped[str] = mapped_column(Text, default="")
    #: Ids the section must evidence, joined by newlines.
    principles: Mapped[str] = mapped_column(Text, default="")
    competences: Mapped[str] = mapped_column(Text, default="")

    coursework: Mapped[CourseworkRow] = relationship(back_populates="sections")
    examples: Mapped[list[CourseworkExampleRow]] = relationship(
        back_populates="section", cascade="all, delete-orphan",
        order_by="CourseworkExampleRow.position",
    )


class CourseworkExampleRow(Base):
    """A passage quoted from an entry into a section (it outlives the entry)."""

    __tablename__ = "coursework_example"
    __table_args__ = (
        ForeignKeyConstraint(
            ["coursework_id", "section_key"],
            ["coursework_section.coursework_id", "coursework_section.key"],
            ondelete="CASCADE",
        ),
        Index("ix_coursework_example_section", "coursework_id", "section_key", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    coursework_id: Mapped[int]
    section_key: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    entry_id: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)
    entry_title: Mapped[str] = mapped_column(Text, default="")
    entry_date: Mapped[dt.date | None]

    section: Mapped[CourseworkSectionRow] = relationship(back_populates="examples")


class CourseworkRevisionRow(Base):
    """A saved state of a piece's title, texts and examples (JSON), for going back."""

    __tablename__ = "coursework_revision"
    __table_args__ = (Index("ix_coursework_revision_piece", "coursework_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coursework_id: Mapped[int] = mapped_column(ForeignKey("coursework.id", ondelete="CASCADE"))
    saved_at: Mapped[dt.datetime]
    content: Mapped[str] = mapped_column(Text)
