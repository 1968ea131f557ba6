"""Votes for "you decide" and "decide together" items and consultation questions.

One online ballot per member per vote (a unique constraint, so two at once still make
one); printed ballots carry a code that can be typed back once; a show of hands at the
meeting is recorded as a count per option."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.base import TimestampMixin, as_utc, utcnow
from forum_site.models.forums import Forum


class Vote(TimestampMixin, db.Model):
    __tablename__ = "vote"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_question.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(Text)
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    live_results: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    forum: Mapped[Forum] = relationship()
    options: Mapped[list[VoteOption]] = relationship(
        back_populates="vote", order_by="VoteOption.position"
    )

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return as_utc(self.opens_at) <= now < as_utc(self.closes_at)

    def has_closed(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= as_utc(self.closes_at)


class VoteOption(db.Model):
    __tablename__ = "vote_option"
    __table_args__ = (UniqueConstraint("vote_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))

    vote: Mapped[Vote] = relationship(back_populates="options")


class Ballot(TimestampMixin, db.Model):
    """A member's online vote. Changing it before the close changes this row."""

    __tablename__ = "ballot"
    __table_args__ = (UniqueConstraint("vote_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    option_id: Mapped[int] = mapped_column(ForeignKey("vote_option.id", ondelete="CASCADE"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PaperBallot(TimestampMixin, db.Model):
    """A printed ballot with its own code; ``option_id`` is set once, when typed back in."""

    __tablename__ = "paper_ballot"

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    option_id: Mapped[int | None] = mapped_column(ForeignKey("vote_option.id", ondelete="SET NULL"))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class HandsCount(db.Model):
    """Hands raised for one option at the meeting."""

    __tablename__ = "hands_count"
    __table_args__ = (UniqueConstraint("vote_id", "option_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("vote.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("vote_option.id", ondelete="CASCADE"))
    hands: Mapped[int] = mapped_column(Integer)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
