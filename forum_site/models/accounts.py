"""People, organisations and who works for which organisation."""

from __future__ import annotations

import enum
import secrets

from flask_login import UserMixin
from sqlalchemy import Boolean, Enum, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.base import TimestampMixin


class OrganisationKind(enum.StrEnum):
    COUNCIL = "council"
    NHS = "nhs"
    VOLUNTARY = "voluntary"


class TextSize(enum.StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    LARGER = "larger"


class Organisation(TimestampMixin, db.Model):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[OrganisationKind] = mapped_column(Enum(OrganisationKind, native_enum=False))
    description: Mapped[str] = mapped_column(String(2000), default="")
    response_days: Mapped[int] = mapped_column(Integer, default=28)

    commissioners: Mapped[list[CommissionerLink]] = relationship(back_populates="organisation")


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None for a supported member a convenor made an account for (models/not_online.py).
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    # Changing this signs the person out everywhere (see get_id).
    session_token: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(16))

    easy_read: Mapped[bool] = mapped_column(Boolean, default=False)
    hide_pictures: Mapped[bool] = mapped_column(Boolean, default=False)
    text_size: Mapped[TextSize] = mapped_column(
        Enum(TextSize, native_enum=False), default=TextSize.NORMAL
    )
    high_contrast: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(10), default=None)

    commissioner_links: Mapped[list[CommissionerLink]] = relationship(back_populates="user")

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    def new_session_token(self) -> None:
        self.session_token = secrets.token_hex(16)


class CommissionerLink(TimestampMixin, db.Model):
    """A user who commissions for an organisation (council or NHS officer)."""

    __tablename__ = "commissioner_link"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    job_title: Mapped[str] = mapped_column(String(200), default="")

    user: Mapped[User] = relationship(back_populates="commissioner_links")
    organisation: Mapped[Organisation] = relationship(back_populates="commissioners")
