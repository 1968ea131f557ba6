"""Members who are not online or share a computer.

A *supported account* is one a convenor made for a member with no email address, with
the member's consent recorded. A *sign-in card* carries a short code (never the PIN,
which is stored hashed). A *venue computer* is a shared device at a community venue,
bound to one forum by a server-side record that can be stopped. A *letter* is a
notification printed for someone who is reached through the convenor, by post or by phone.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
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
from forum_site.models.base import TimestampMixin
from forum_site.models.forums import Forum


class ReachBy(enum.StrEnum):
    """How a supported member hears from the forum."""

    CONVENOR = "convenor"  # letters handed to them by the convenor
    POST = "post"  # letters posted to their address
    PHONE = "phone"  # the convenor rings them and reads the letter out


class ConsentHow(enum.StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    PAPER = "paper"  # a signed paper form


class LetterStatus(enum.StrEnum):
    WAITING = "waiting"
    HANDED_OUT = "handed_out"
    POSTED = "posted"
    READ_OUT = "read_out"


class SupportedAccount(TimestampMixin, db.Model):
    __tablename__ = "supported_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), unique=True, index=True
    )
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    reach_by: Mapped[ReachBy] = mapped_column(Enum(ReachBy, native_enum=False))
    postal_address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    consent_from: Mapped[str] = mapped_column(String(200))
    consent_how: Mapped[ConsentHow] = mapped_column(Enum(ConsentHow, native_enum=False))
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    taken_over_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    forum: Mapped[Forum] = relationship()
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])

    @property
    def gets_letters(self) -> bool:
        return self.taken_over_at is None


class SignInCard(TimestampMixin, db.Model):
    """The code is printed on the card and identifies it; the PIN is the secret."""

    __tablename__ = "sign_in_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(255))
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    wrong_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(foreign_keys=[user_id])

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"

    @property
    def works(self) -> bool:
        return self.revoked_at is None and self.locked_at is None


class VenueComputer(TimestampMixin, db.Model):
    """A shared computer at a venue. Its cookie names this row and carries a secret whose
    hash is kept here, so stopping the row stops every copy of the cookie."""

    __tablename__ = "venue_computer"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    idle_minutes: Mapped[int] = mapped_column(Integer, default=5)
    set_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    stopped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    forum: Mapped[Forum] = relationship()


class Letter(TimestampMixin, db.Model):
    """A notification to print for someone who is not online, kept after it goes out."""

    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    reach_by: Mapped[ReachBy] = mapped_column(Enum(ReachBy, native_enum=False))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    easy_read_body: Mapped[str] = mapped_column(Text, default="")
    easy_read: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(10), default="en")
    kind: Mapped[str] = mapped_column(String(40), default="general")
    status: Mapped[LetterStatus] = mapped_column(
        Enum(LetterStatus, native_enum=False), default=LetterStatus.WAITING, index=True
    )
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    forum: Mapped[Forum] = relationship()


class MeetingAttendance(TimestampMixin, db.Model):
    """Who came to a meeting, ticked by the convenor from the sign-in sheet, and what
    they are owed for their time and costs."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    came: Mapped[bool] = mapped_column(Boolean, default=False)
    expenses_pence: Mapped[int | None] = mapped_column(Integer)
    expenses_note: Mapped[str] = mapped_column(String(300), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
