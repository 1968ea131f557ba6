"""Budgets: what money there is, what is fixed, what members can influence, and every change.

Money is integer pence. A withheld line stores no amount at all, so nothing can leak it.
History is append-only: a change is a new ``BudgetRevision`` with ``BudgetChange`` rows
(old and new value); the figures on ``Budget`` and ``BudgetLine`` are kept in step with
the latest entry. Updating or deleting a history row raises (see the mapper events below).
"""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import Organisation, User
from forum_site.models.base import RecordIsAppendOnly, TimestampMixin, append_only
from forum_site.models.briefings import Briefing
from forum_site.models.forums import Forum
from forum_site.models.meetings import Meeting


class LineKind(enum.StrEnum):
    FIXED = "fixed"
    OPEN = "open"  # open to members' influence

    @property
    def is_open(self) -> bool:
        return self is LineKind.OPEN


class ChangeWhat(enum.StrEnum):
    """What one history entry changed."""

    TOTAL = "total"
    LINE_ADDED = "line_added"
    LINE_AMOUNT = "line_amount"
    LINE_WITHHELD = "line_withheld"
    LINE_SHARED = "line_shared"
    LINE_REMOVED = "line_removed"
    LINE_DETAILS = "line_details"  # name, kind, note, people served or withheld reason


budget_forum = db.Table(
    "budget_forum",
    db.Column("budget_id", ForeignKey("budget.id", ondelete="CASCADE"), primary_key=True),
    db.Column("forum_id", ForeignKey("forum.id", ondelete="CASCADE"), primary_key=True),
)

budget_meeting = db.Table(
    "budget_meeting",
    db.Column("budget_id", ForeignKey("budget.id", ondelete="CASCADE"), primary_key=True),
    db.Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
)

budget_briefing = db.Table(
    "budget_briefing",
    db.Column("budget_id", ForeignKey("budget.id", ondelete="CASCADE"), primary_key=True),
    db.Column("briefing_id", ForeignKey("briefing.id", ondelete="CASCADE"), primary_key=True),
)


class Budget(TimestampMixin, db.Model):
    __tablename__ = "budget"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    money_comes_from: Mapped[str] = mapped_column(Text, default="")
    total_pence: Mapped[int] = mapped_column(BigInteger)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship()
    forums: Mapped[list[Forum]] = relationship(secondary=budget_forum, order_by=Forum.name)
    meetings: Mapped[list[Meeting]] = relationship(
        secondary=budget_meeting, order_by=Meeting.starts_at
    )
    briefings: Mapped[list[Briefing]] = relationship(
        secondary=budget_briefing, order_by=Briefing.title
    )
    lines: Mapped[list[BudgetLine]] = relationship(
        back_populates="budget", order_by="BudgetLine.position"
    )
    revisions: Mapped[list[BudgetRevision]] = relationship(
        back_populates="budget", order_by="BudgetRevision.id"
    )


class BudgetLine(TimestampMixin, db.Model):
    __tablename__ = "budget_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budget.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int | None] = mapped_column(BigInteger)  # None when withheld
    kind: Mapped[LineKind] = mapped_column(Enum(LineKind, native_enum=False))
    note: Mapped[str] = mapped_column(Text, default="")
    people_served: Mapped[int | None] = mapped_column(Integer)
    withheld: Mapped[bool] = mapped_column(Boolean, default=False)
    withheld_reason: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)

    budget: Mapped[Budget] = relationship(back_populates="lines")


class BudgetRevision(TimestampMixin, db.Model):
    """One change to a budget: who, when, why, and whether members were told."""

    __tablename__ = "budget_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budget.id", ondelete="CASCADE"), index=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    is_first: Mapped[bool] = mapped_column(Boolean, default=False)
    members_told: Mapped[bool] = mapped_column(Boolean, default=False)

    budget: Mapped[Budget] = relationship(back_populates="revisions")
    changed_by: Mapped[User | None] = relationship()
    changes: Mapped[list[BudgetChange]] = relationship(
        back_populates="revision", order_by="BudgetChange.id"
    )


class BudgetChange(db.Model):
    """One old and new value. ``line_name`` is kept as it was, so history reads true later."""

    __tablename__ = "budget_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("budget_revision.id", ondelete="CASCADE"), index=True
    )
    line_id: Mapped[int | None] = mapped_column(ForeignKey("budget_line.id", ondelete="SET NULL"))
    line_name: Mapped[str] = mapped_column(String(200), default="")
    what: Mapped[ChangeWhat] = mapped_column(Enum(ChangeWhat, native_enum=False))
    old_pence: Mapped[int | None] = mapped_column(BigInteger)
    new_pence: Mapped[int | None] = mapped_column(BigInteger)
    old_text: Mapped[str] = mapped_column(Text, default="")
    new_text: Mapped[str] = mapped_column(Text, default="")

    revision: Mapped[BudgetRevision] = relationship(back_populates="changes")


class BudgetNoticeSeen(TimestampMixin, db.Model):
    """A member has seen the "budget changed" notice for this revision."""

    __tablename__ = "budget_notice_seen"
    __table_args__ = (UniqueConstraint("user_id", "revision_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("budget_revision.id", ondelete="CASCADE"), index=True
    )


class HistoryIsAppendOnly(RecordIsAppendOnly):
    """Raised when code tries to edit or delete a budget history entry."""


for _model in (BudgetRevision, BudgetChange):
    append_only(_model, error=HistoryIsAppendOnly, what="Budget history")
