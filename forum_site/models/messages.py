"""The in-site inbox. Other areas send messages through services.messages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import User
from forum_site.models.base import TimestampMixin
from forum_site.models.notifications import Notification


class InboxMessage(TimestampMixin, db.Model):
    __tablename__ = "inbox_message"
    __table_args__ = (
        Index("ix_inbox_message_user_unread", "user_id", "read_at"),
        # One inbox message per person per notification, however often delivery runs.
        UniqueConstraint("user_id", "notification_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    easy_read_body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    kind: Mapped[str] = mapped_column(String(40), default="general")
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set for notifications: the words are written when the message is read, from the
    # data as it is then, in the reader's language and reading mode.
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification.id", ondelete="CASCADE")
    )

    user: Mapped[User] = relationship()
    notification: Mapped[Notification | None] = relationship()


class OutgoingEmail(TimestampMixin, db.Model):
    """An email waiting to be sent, written in the same transaction as the change it reports.

    Rows are delivered after the request commits (inline, or by an RQ worker when
    Redis is configured). Without a mail server they stay here as the developer's
    outbox, so nothing is ever silently dropped.
    """

    __tablename__ = "outgoing_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body_text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    # RFC 8058 one-click unsubscribe for the kind of notification this email is about.
    unsubscribe_url: Mapped[str] = mapped_column(String(500), default="")
    # About an anonymous point: the outbox never shows who such an email went to.
    about_anonymous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
