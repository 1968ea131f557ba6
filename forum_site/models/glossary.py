"""Glossary entries: hard words in health and social care, explained plainly.

The reviewed source is easyread/data/glossary.toml; ``flask load-glossary`` copies it
here so admins can edit entries and writers can add words their briefings need."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column

from forum_site.extensions import db
from forum_site.models.base import TimestampMixin


class GlossarySource(enum.StrEnum):
    FILE = "file"  # loaded from the reviewed data file
    ADMIN = "admin"  # written by a site admin
    WRITER = "writer"  # added by a briefing writer so they could publish


class GlossaryEntry(TimestampMixin, db.Model):
    __tablename__ = "glossary_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    term: Mapped[str] = mapped_column(String(120), index=True)
    plain: Mapped[str] = mapped_column(Text)
    easy: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    acronym_for: Mapped[str] = mapped_column(String(200), default="")
    plain_alternative: Mapped[str] = mapped_column(String(200), default="")
    jargon_sense: Mapped[bool] = mapped_column(Boolean, default=False)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[GlossarySource] = mapped_column(
        Enum(GlossarySource, native_enum=False), default=GlossarySource.FILE
    )
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # Set when an admin edits the entry: load-glossary then keeps the edit.
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # One more on every change, in the database itself: pages keep the glossary between
    # requests and look at the sum of these to know it changed (services/glossary.terms).
    revision: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", onupdate=literal_column("revision + 1")
    )

    @property
    def letter(self) -> str:
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"
