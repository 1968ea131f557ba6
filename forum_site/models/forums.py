"""Forums, who belongs to them, and requests to join."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import Organisation, User
from forum_site.models.base import TimestampMixin


class Role(enum.StrEnum):
    MEMBER = "member"
    CONVENOR = "convenor"


class JoinStatus(enum.StrEnum):
    WAITING = "waiting"
    APPROVED = "approved"
    DECLINED = "declined"


forum_organisation = db.Table(
    "forum_organisation",
    db.Column("forum_id", ForeignKey("forum.id", ondelete="CASCADE"), primary_key=True),
    db.Column(
        "organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    ),
)


# How members and people not online reach the forum (the forum's page and every PDF's
# "Who to contact"); the forms and the service use these lengths.
CONTACT_PHONE_LENGTH = 40
CONTACT_EMAIL_LENGTH = 254
CONTACT_ADDRESS_LENGTH = 300


class Forum(TimestampMixin, db.Model):
    __tablename__ = "forum"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text, default="")
    community: Mapped[str] = mapped_column(String(200), default="")
    is_private: Mapped[bool] = mapped_column(Boolean, default=False)
    convened_by: Mapped[str] = mapped_column(String(200), default="")
    convenor_funded_by: Mapped[str] = mapped_column(String(200), default="")
    calendar_secret_salt: Mapped[str] = mapped_column(String(64), default="")
    contact_phone: Mapped[str] = mapped_column(String(CONTACT_PHONE_LENGTH), default="")
    contact_email: Mapped[str] = mapped_column(String(CONTACT_EMAIL_LENGTH), default="")
    contact_address: Mapped[str] = mapped_column(String(CONTACT_ADDRESS_LENGTH), default="")

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="forum", cascade="all, delete-orphan"
    )
    organisations: Mapped[list[Organisation]] = relationship(secondary=forum_organisation)


class Membership(TimestampMixin, db.Model):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("forum_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False), default=Role.MEMBER)

    forum: Mapped[Forum] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()


class JoinRequest(TimestampMixin, db.Model):
    """Someone asking to join, or invited to join, a forum. Kept after it is decided."""

    __tablename__ = "join_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[JoinStatus] = mapped_column(
        Enum(JoinStatus, native_enum=False), default=JoinStatus.WAITING
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reply: Mapped[str] = mapped_column(Text, default="")

    forum: Mapped[Forum] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class Invitation(TimestampMixin, db.Model):
    """An emailed invitation to join a forum; the token is single use."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    forum: Mapped[Forum] = relationship()
