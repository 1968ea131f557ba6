"""What members tell commissioners, the answers they get, and who said "me too".

Answers are append-only: a ContributionAnswer is never changed or deleted once written
(a correction is a new answer that names the one it corrects). The contribution keeps a
copy of its latest status and answer times so lists and counts need no subqueries.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import Organisation, User
from forum_site.models.base import RecordIsAppendOnly, TimestampMixin, append_only
from forum_site.models.forums import Forum

if TYPE_CHECKING:
    from forum_site.models.briefings import Briefing
    from forum_site.models.budgets import BudgetLine
    from forum_site.models.decisions import Decision
    from forum_site.models.meetings import AgendaItem, Meeting


class Visibility(enum.StrEnum):
    SHARED = "shared"  # the forum (and commissioners) see who said it
    ANONYMOUS = "anonymous"  # commissioners never see who; the convenor does
    PRIVATE = "private"  # only the author and the forum's convenors


class Source(enum.StrEnum):
    ONLINE = "online"
    PAPER_FORM = "paper_form"
    AT_MEETING = "at_meeting"
    PHONE_CALL = "phone_call"
    OTHER = "other"


class Status(enum.StrEnum):
    RECEIVED = "received"
    CONSIDERING = "considering"
    CHANGED = "changed"
    PARTLY = "partly"
    NOT_TAKEN_FORWARD = "not_taken_forward"
    ALREADY_HAPPENING = "already_happening"

    @property
    def is_outcome(self) -> bool:
        return self in OUTCOMES


OUTCOMES = (
    Status.CHANGED,
    Status.PARTLY,
    Status.NOT_TAKEN_FORWARD,
    Status.ALREADY_HAPPENING,
)


class Contribution(TimestampMixin, db.Model):
    __tablename__ = "contribution"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    from_whole_group: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[Source] = mapped_column(Enum(Source, native_enum=False), default=Source.ONLINE)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    visibility: Mapped[Visibility] = mapped_column(
        Enum(Visibility, native_enum=False), default=Visibility.SHARED
    )
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(80), default="", index=True)
    # What it is about, when it is about more than the forum in general.
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    budget_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("budget_line.id", ondelete="SET NULL"), index=True
    )
    briefing_id: Mapped[int | None] = mapped_column(
        ForeignKey("briefing.id", ondelete="SET NULL"), index=True
    )
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    status: Mapped[Status] = mapped_column(
        Enum(Status, native_enum=False), default=Status.RECEIVED, index=True
    )
    answer_due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    first_answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Changing what you said: edits (kept as versions) and withdrawing (kept, dated).
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The commissioner in the answering organisation who is looking after it.
    assigned_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )

    forum: Mapped[Forum] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id])
    meeting: Mapped[Meeting | None] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()
    budget_line: Mapped[BudgetLine | None] = relationship()
    briefing: Mapped[Briefing | None] = relationship()
    answers: Mapped[list[ContributionAnswer]] = relationship(
        back_populates="contribution",
        order_by="ContributionAnswer.id",
        foreign_keys="ContributionAnswer.contribution_id",
    )
    supports: Mapped[list[ContributionSupport]] = relationship(back_populates="contribution")


def _next_answer_number(context) -> int:
    contribution_id = context.get_current_parameters()["contribution_id"]
    table = ContributionAnswer.__table__
    latest = context.connection.scalar(
        select(func.max(table.c.number)).where(table.c.contribution_id == contribution_id)
    )
    return (latest or 0) + 1


class ContributionAnswer(TimestampMixin, db.Model):
    """One entry in a contribution's timeline. Written once, never changed."""

    __tablename__ = "contribution_answer"
    # Numbered per contribution: two tabs adding "the next answer" cannot both succeed.
    __table_args__ = (UniqueConstraint("contribution_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer, default=_next_answer_number)
    status: Mapped[Status] = mapped_column(Enum(Status, native_enum=False))
    answer: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    what_changed: Mapped[str] = mapped_column(Text, default="")
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="SET NULL"), index=True
    )
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("contribution_answer.id", ondelete="SET NULL")
    )
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    contribution: Mapped[Contribution] = relationship(
        back_populates="answers", foreign_keys=[contribution_id]
    )
    answered_by: Mapped[User | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    decision: Mapped[Decision | None] = relationship()
    corrects: Mapped[ContributionAnswer | None] = relationship(remote_side=[id])


class ContributionVersion(TimestampMixin, db.Model):
    """What a contribution said before it was edited or corrected, and why (append-only)."""

    __tablename__ = "contribution_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))


class ContributionSupport(TimestampMixin, db.Model):
    """A member saying "me too". One per person per contribution."""

    __tablename__ = "contribution_support"
    __table_args__ = (UniqueConstraint("contribution_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)

    contribution: Mapped[Contribution] = relationship(back_populates="supports")
    user: Mapped[User] = relationship()


class AnswersAreAppendOnly(RecordIsAppendOnly):
    """Raised when code tries to change or delete an answer already written."""


append_only(ContributionAnswer, error=AnswersAreAppendOnly, what="An answer already given")
append_only(ContributionVersion, what="A contribution's earlier wording")
