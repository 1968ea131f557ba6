"""Easy-read versions that a person has edited or checked (RULES.md ER-16).

An automatic easy-read version is rebuilt from its source every time, so nothing is
stored for it. Once a person edits the points or pictures, the edited document is kept
here as JSON with a hash of the source it was made from: if the source changes later,
the page can say the checked version may be out of date."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import User
from forum_site.models.base import TimestampMixin


class EasyReadVersion(TimestampMixin, db.Model):
    """The edited easy-read version of one thing: ``kind`` ("briefing") and its id."""

    __tablename__ = "easy_read_version"
    __table_args__ = (UniqueConstraint("kind", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int] = mapped_column(Integer)
    source_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    checked_by_name: Mapped[str] = mapped_column(String(100), default="")
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # DN-08: the rows made from facts (date, place, access...) as they were when checked,
    # and which change the checker was last told about.
    checked_facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    checker_told_hash: Mapped[str] = mapped_column(String(64), default="")

    edited_by: Mapped[User | None] = relationship(foreign_keys=[edited_by_id])
    checked_by: Mapped[User | None] = relationship(foreign_keys=[checked_by_id])

    @property
    def is_checked(self) -> bool:
        return self.checked_at is not None and bool(self.checked_by_name)
