"""A forum's terms of reference, in members' words: "How we work together".

What the forum can influence, how quickly members hear back, payment for time and
expenses, who convenes it and who pays for that. The convenor writes down what the forum
agreed, and when; a change is a new version (append-only), so anyone can see what was
agreed before.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import User
from forum_site.models.base import TimestampMixin, append_only


class WorkingTogether(TimestampMixin, db.Model):
    """One agreed version of a forum's "How we work together" page."""

    __tablename__ = "working_together"
    __table_args__ = (UniqueConstraint("forum_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    can_influence: Mapped[str] = mapped_column(Text)
    response_promise: Mapped[str] = mapped_column(Text)
    payment: Mapped[str] = mapped_column(Text)
    convened_by: Mapped[str] = mapped_column(String(300))
    convening_paid_by: Mapped[str] = mapped_column(String(300))
    agreed_by: Mapped[str] = mapped_column(String(300))
    agreed_on: Mapped[date] = mapped_column(Date)
    what_changed: Mapped[str] = mapped_column(Text, default="")
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    written_by: Mapped[User | None] = relationship()


append_only(WorkingTogether, what="A version of how a forum works together")
