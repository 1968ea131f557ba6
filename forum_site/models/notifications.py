"""Telling people what happened: events, who was told how, and what each person wants.

A ``Notification`` stores what happened (its kind and the ids of the things involved),
never the final words: inbox messages and emails are written from templates when they
are read or sent, in the reader's language and reading mode, from the data as it is then
(a budget line withheld after a change was announced shows no amount anywhere later).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import User
from forum_site.models.base import TimestampMixin


class NoticeKind(enum.StrEnum):
    """What a notification is about. Each person can turn each kind on or off."""

    MEETING_PUBLISHED = "meeting-published"
    MEETING_CHANGED = "meeting-changed"
    MEETING_REMINDER = "meeting-reminder"
    ANSWER = "answer"
    BUDGET_CHANGED = "budget-changed"
    NEW_BRIEFING = "new-briefing"
    JOIN_REQUEST = "join-request"
    PRIVATE_QUESTION = "private-question"
    NEW_CONTRIBUTION = "new-contribution"
    ACCESS_NEEDS = "access-needs"
    FOR_ORGANISATION = "for-organisation"
    RESPONSE_DUE = "response-due"
    ASSIGNED = "assigned"
    # Putting right something people were told about (append-only: what it was is kept).
    BRIEFING_CORRECTED = "briefing-corrected"
    POINT_CHANGED = "point-changed"  # a convenor corrected or withdrew a point


class Channel(enum.StrEnum):
    """How a person hears about a kind of notification (always in the inbox too)."""

    EMAIL = "email"  # an email at once
    DAILY = "daily"  # one email a day listing them
    WEEKLY = "weekly"  # one email a week
    INBOX = "inbox"  # only in the inbox on the site
    LETTER = "letter"  # a printed letter the convenor sends (see forum_site.delivery.letters)


class Notification(TimestampMixin, db.Model):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[NoticeKind] = mapped_column(Enum(NoticeKind, native_enum=False, length=40))
    # Scheduled notices (reminders, "response due") are made once: the key says which.
    once_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    forum_id: Mapped[int | None] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE")
    )
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("contribution_answer.id", ondelete="CASCADE")
    )
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("budget_revision.id", ondelete="CASCADE")
    )
    briefing_id: Mapped[int | None] = mapped_column(ForeignKey("briefing.id", ondelete="CASCADE"))
    join_request_id: Mapped[int | None] = mapped_column(
        ForeignKey("join_request.id", ondelete="CASCADE")
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_question.id", ondelete="CASCADE")
    )
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_reply.id", ondelete="CASCADE"))
    # Facts that are not rows of their own, as plain values (which fields of a meeting
    # changed and how; agenda item titles added or removed). Never sentences.
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class NoticePreference(TimestampMixin, db.Model):
    """One person's choice for one kind. No row means the default for that kind."""

    __tablename__ = "notice_preference"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NoticeKind] = mapped_column(Enum(NoticeKind, native_enum=False, length=40))
    wanted: Mapped[bool] = mapped_column(Boolean, default=True)
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=20))


class NoticeDelivery(TimestampMixin, db.Model):
    """One notification going out to one person by email, digest or letter.

    The unique key means the same message can never be queued twice for a person and a
    channel; ``sent_at`` is claimed with a conditional update, so two schedulers running
    at once cannot both send it."""

    __tablename__ = "notice_delivery"
    __table_args__ = (
        UniqueConstraint("user_id", "notification_id", "channel"),
        Index("ix_notice_delivery_due", "sent_at", "channel", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    notification_id: Mapped[int] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=20))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()
    notification: Mapped[Notification] = relationship()
