"""Briefings: plain-language updates written by commissioners for forums.

Published text is never overwritten silently: each publish and each later edit adds a
BriefingVersion row (append-only), with the writer's own "what changed"."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import User
from forum_site.models.base import TimestampMixin, append_only
from forum_site.models.forums import Forum
from forum_site.models.glossary import GlossaryEntry
from forum_site.models.meetings import Meeting

MAX_BODY_CHARACTERS = 20_000


class BriefingStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class KeptTermKind(enum.StrEnum):
    GLOSSARY = "glossary"  # the glossary explains it; readers get the definition
    REASON = "reason"  # the writer gave a reason to keep the word


briefing_forum = db.Table(
    "briefing_forum",
    db.Column("briefing_id", ForeignKey("briefing.id", ondelete="CASCADE"), primary_key=True),
    db.Column("forum_id", ForeignKey("forum.id", ondelete="CASCADE"), primary_key=True),
)

briefing_coauthor = db.Table(
    "briefing_coauthor",
    db.Column("briefing_id", ForeignKey("briefing.id", ondelete="CASCADE"), primary_key=True),
    db.Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
)

briefing_meeting = db.Table(
    "briefing_meeting",
    db.Column("briefing_id", ForeignKey("briefing.id", ondelete="CASCADE"), primary_key=True),
    db.Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
)


class Briefing(TimestampMixin, db.Model):
    __tablename__ = "briefing"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(400), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[BriefingStatus] = mapped_column(
        Enum(BriefingStatus, native_enum=False), default=BriefingStatus.DRAFT, index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Whose briefing it is: its author's organisation (and named co-authors) may edit it.
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    author: Mapped[User | None] = relationship()
    coauthors: Mapped[list[User]] = relationship(secondary=briefing_coauthor)
    forums: Mapped[list[Forum]] = relationship(secondary=briefing_forum)
    meetings: Mapped[list[Meeting]] = relationship(secondary=briefing_meeting)
    versions: Mapped[list[BriefingVersion]] = relationship(
        back_populates="briefing", order_by="BriefingVersion.number"
    )
    kept_terms: Mapped[list[KeptTerm]] = relationship(
        back_populates="briefing", cascade="all, delete-orphan"
    )

    @property
    def is_published(self) -> bool:
        return self.status == BriefingStatus.PUBLISHED


class BriefingVersion(TimestampMixin, db.Model):
    """What readers saw at one time. Rows are only ever added, never changed."""

    __tablename__ = "briefing_version"
    __table_args__ = (UniqueConstraint("briefing_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(400), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    what_changed: Mapped[str] = mapped_column(Text, default="")
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    briefing: Mapped[Briefing] = relationship(back_populates="versions")


append_only(BriefingVersion, what="A published version of a briefing")


class KeptTerm(TimestampMixin, db.Model):
    """A hard word or initials the writer chose to keep in this briefing, and why."""

    __tablename__ = "briefing_kept_term"
    __table_args__ = (UniqueConstraint("briefing_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    term: Mapped[str] = mapped_column(String(120))
    kind: Mapped[KeptTermKind] = mapped_column(Enum(KeptTermKind, native_enum=False))
    reason: Mapped[str] = mapped_column(Text, default="")
    glossary_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("glossary_entry.id", ondelete="SET NULL")
    )
    chosen_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    briefing: Mapped[Briefing] = relationship(back_populates="kept_terms")
    glossary_entry: Mapped[GlossaryEntry | None] = relationship()


class UnclearSignal(TimestampMixin, db.Model):
    """A reader saying "I didn't understand this part". user_id is empty when anonymous."""

    __tablename__ = "briefing_unclear_signal"

    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int] = mapped_column(
        ForeignKey("briefing.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    section: Mapped[str] = mapped_column(String(200), default="")
    quoted: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    user: Mapped[User | None] = relationship()
