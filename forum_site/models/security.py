"""Server-side sign-in sessions and shared rate counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import User
from forum_site.models.base import TimestampMixin, utcnow


class UserSession(TimestampMixin, db.Model):
    """One signed-in browser. The cookie holds a random token; only its hash is stored, and
    the record ends on signing out, "sign out everywhere", or expiry."""

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class RateCount(db.Model):
    """Hits on one limit key in one time bucket, for when there is no Redis: every worker
    counts in the same row, so gunicorn workers agree."""

    __tablename__ = "rate_count"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    bucket: Mapped[int] = mapped_column(Integer, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)
