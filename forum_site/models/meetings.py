"""Meetings: what they are for, what is open and closed, who decides, and what happened.

Everything a member needs to judge how much say they have lives on the meeting and its
agenda items. Changes to time and place are kept as an append-only log so nobody is
told something different without seeing that it changed.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
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


class MeetingStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


class CycleStage(enum.StrEnum):
    """The commissioning cycle, in order (PRODUCT.md). It is a circle: review leads back."""

    INVOLVEMENT_FRAMEWORK = "involvement_framework"
    OPERATING_CONTEXT = "operating_context"
    NEEDS_ASSESSMENT = "needs_assessment"
    OVERALL_BUDGET = "overall_budget"
    STRATEGIC_FRAMEWORK = "strategic_framework"
    TEST_AND_REFINE = "test_and_refine"
    AGREE_PRIORITIES = "agree_priorities"
    DECISION_POINT = "decision_point"
    PROCUREMENT = "procurement"
    IMPLEMENTATION = "implementation"
    MONITORING = "monitoring"
    REVIEW = "review"


class InfluenceLevel(enum.StrEnum):
    """How much say members have on an agenda item, from least to most."""

    TELLING = "telling"
    VIEWS = "views"
    DECIDE_TOGETHER = "decide_together"
    YOU_DECIDE = "you_decide"


class AccessAnswer(enum.StrEnum):
    YES = "yes"
    NO = "no"
    NOT_KNOWN = "not_known"


class ReplyAnswer(enum.StrEnum):
    GOING = "going"
    NOT_GOING = "not_going"
    MAYBE = "maybe"


class ChangeKind(enum.StrEnum):
    MOVED = "moved"
    CANCELLED = "cancelled"

    @property
    def is_move(self) -> bool:
        return self is ChangeKind.MOVED

    @property
    def is_cancellation(self) -> bool:
        return self is ChangeKind.CANCELLED


def _access_column() -> Mapped[AccessAnswer]:
    return mapped_column(Enum(AccessAnswer, native_enum=False), default=AccessAnswer.NOT_KNOWN)


class Meeting(TimestampMixin, db.Model):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[MeetingStatus] = mapped_column(
        Enum(MeetingStatus, native_enum=False), default=MeetingStatus.DRAFT
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # Where, and how to join from home.
    venue_name: Mapped[str] = mapped_column(String(200), default="")
    venue_address: Mapped[str] = mapped_column(Text, default="")
    joining_details: Mapped[str] = mapped_column(Text, default="")

    # Venue access.
    step_free: Mapped[AccessAnswer] = _access_column()
    hearing_loop: Mapped[AccessAnswer] = _access_column()
    accessible_toilet: Mapped[AccessAnswer] = _access_column()
    quiet_room: Mapped[AccessAnswer] = _access_column()
    parking: Mapped[AccessAnswer] = _access_column()
    access_notes: Mapped[str] = mapped_column(Text, default="")
    public_transport: Mapped[str] = mapped_column(Text, default="")
    on_arrival: Mapped[str] = mapped_column(Text, default="")
    contact_on_the_day: Mapped[str] = mapped_column(String(300), default="")

    # Why we meet and how much say members have.
    purpose: Mapped[str] = mapped_column(Text, default="")
    cycle_stage: Mapped[CycleStage | None] = mapped_column(Enum(CycleStage, native_enum=False))
    everything_open: Mapped[bool] = mapped_column(Boolean, default=False)
    outside_pressures: Mapped[str] = mapped_column(Text, default="")

    # Money for members' time and costs.
    paid_for_time: Mapped[bool] = mapped_column(Boolean, default=False)
    payment_details: Mapped[str] = mapped_column(Text, default="")
    expenses_travel: Mapped[bool] = mapped_column(Boolean, default=False)
    expenses_lunch: Mapped[bool] = mapped_column(Boolean, default=False)
    expenses_carer: Mapped[bool] = mapped_column(Boolean, default=False)
    how_to_claim: Mapped[str] = mapped_column(Text, default="")

    # After the meeting.
    attended_count: Mapped[int | None] = mapped_column(Integer)
    attendance_notes: Mapped[str] = mapped_column(Text, default="")
    debrief_summary: Mapped[str] = mapped_column(Text, default="")
    debrief_published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    forum: Mapped[Forum] = relationship()
    # The agenda leaves out items taken off it (kept, so taking one off can be undone).
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        primaryjoin="and_(Meeting.id == AgendaItem.meeting_id, AgendaItem.removed_at.is_(None))",
        order_by="(AgendaItem.position, AgendaItem.id)",
    )
    removed_agenda_items: Mapped[list[AgendaItem]] = relationship(
        primaryjoin="and_(Meeting.id == AgendaItem.meeting_id, AgendaItem.removed_at.is_not(None))",
        order_by="AgendaItem.removed_at.desc()",
        viewonly=True,
    )
    closed_topics: Mapped[list[ClosedTopic]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="ClosedTopic.position"
    )
    changes: Mapped[list[MeetingChange]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingChange.id"
    )
    actions: Mapped[list[MeetingAction]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingAction.id"
    )
    prep_tasks: Mapped[list[PrepTask]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="PrepTask.position"
    )

    # Templates ask "meeting.is_draft", never compare the stored string.
    is_draft = property(lambda self: self.status == MeetingStatus.DRAFT)
    is_published = property(lambda self: self.status == MeetingStatus.PUBLISHED)
    is_cancelled = property(lambda self: self.status == MeetingStatus.CANCELLED)


class AgendaItem(TimestampMixin, db.Model):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    what_we_want: Mapped[str] = mapped_column(Text, default="")
    influence: Mapped[InfluenceLevel] = mapped_column(Enum(InfluenceLevel, native_enum=False))
    influence_explanation: Mapped[str] = mapped_column(Text, default="")
    decision_maker: Mapped[str] = mapped_column(String(200), default="")
    decision_when: Mapped[str] = mapped_column(String(200), default="")
    # Debrief.
    what_happened: Mapped[str] = mapped_column(Text, default="")
    what_was_decided: Mapped[str] = mapped_column(Text, default="")

    # Taken off the agenda (and whether members were told, so putting it back tells them).
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    removal_was_told: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class ClosedTopic(TimestampMixin, db.Model):
    """Something that is not up for discussion at this meeting, and why."""

    __tablename__ = "meeting_closed_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    topic: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="closed_topics")


class MeetingReply(TimestampMixin, db.Model):
    """A member saying whether they are coming, and what they need to take part."""

    __tablename__ = "meeting_reply"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    answer: Mapped[ReplyAnswer] = mapped_column(Enum(ReplyAnswer, native_enum=False))
    bsl_interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    other_interpreter: Mapped[str] = mapped_column(String(200), default="")
    easy_read_papers: Mapped[bool] = mapped_column(Boolean, default=False)
    large_print: Mapped[bool] = mapped_column(Boolean, default=False)
    support_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    hearing_loop: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(200), default="")
    other_needs: Mapped[str] = mapped_column(Text, default="")
    attended: Mapped[bool | None] = mapped_column(Boolean)

    user: Mapped[User] = relationship()


class MeetingQuestion(TimestampMixin, db.Model):
    """A question or point sent before the meeting; private ones go to convenors only."""

    __tablename__ = "meeting_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    is_private: Mapped[bool] = mapped_column(Boolean, default=False)

    author: Mapped[User | None] = relationship()


class MeetingChange(TimestampMixin, db.Model):
    """A move or cancellation, with the reason. Rows are never edited or deleted."""

    __tablename__ = "meeting_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ChangeKind] = mapped_column(Enum(ChangeKind, native_enum=False))
    what_changed: Mapped[str] = mapped_column(Text, default="")
    old_starts_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    new_starts_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    old_place: Mapped[str] = mapped_column(Text, default="")
    new_place: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    people_told: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="changes")


class ActionState(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ActionChange(enum.StrEnum):
    DONE = "done"
    EDITED = "edited"
    DROPPED = "dropped"


class MeetingAction(TimestampMixin, db.Model):
    """Something someone agreed to do after the meeting."""

    __tablename__ = "meeting_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    who: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    by_when: Mapped[date | None] = mapped_column(Date)
    # Where it has got to (a copy of its latest history entry, so lists need no subquery).
    state: Mapped[ActionState] = mapped_column(
        Enum(ActionState, native_enum=False, length=20), default=ActionState.OPEN
    )

    meeting: Mapped[Meeting] = relationship(back_populates="actions")
    history: Mapped[list[MeetingActionChange]] = relationship(
        back_populates="action", order_by="MeetingActionChange.id"
    )

    @property
    def is_open(self) -> bool:
        return self.state == ActionState.OPEN


class MeetingActionChange(TimestampMixin, db.Model):
    """One step in an action's history: done, edited or dropped (append-only). For an
    edit, what it said before; for an edit or a drop, why."""

    __tablename__ = "meeting_action_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_action.id", ondelete="CASCADE"), index=True
    )
    change: Mapped[ActionChange] = mapped_column(Enum(ActionChange, native_enum=False, length=20))
    who: Mapped[str] = mapped_column(String(200), default="")
    what: Mapped[str] = mapped_column(Text, default="")
    by_when: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    action: Mapped[MeetingAction] = relationship(back_populates="history")

    @property
    def is_edit(self) -> bool:
        return self.change == ActionChange.EDITED


class PrepTask(TimestampMixin, db.Model):
    """One line of the convenor's preparation checklist."""

    __tablename__ = "meeting_prep_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(300))
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="prep_tasks")


class MeetingReview(TimestampMixin, db.Model):
    """A member's two answers after a meeting, each 1 (no), 2 (partly) or 3 (yes)."""

    __tablename__ = "meeting_review"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    purpose_clear: Mapped[int] = mapped_column(Integer)
    listened_to: Mapped[int] = mapped_column(Integer)


class CalendarKey(TimestampMixin, db.Model):
    """A person's secret calendar-feed link for one forum.

    The link's token is derived from the app's secret key, the forum's salt, the person and
    ``version``; resetting bumps the version so every old link stops working. Nothing
    secret is stored here.
    """

    __tablename__ = "calendar_key"
    __table_args__ = (UniqueConstraint("forum_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


append_only(MeetingChange, what="A meeting's change log")
append_only(MeetingActionChange, what="An action's history")
