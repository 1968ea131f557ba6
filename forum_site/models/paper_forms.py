"""Paper contribution forms: printed for a meeting, filled in by hand, typed back in.

A form keeps a copy of its questions as printed, so the quick-entry screen shows the
same questions in the same order even if the agenda changes after printing. Each
person's sheet becomes a ``PaperFormEntry``; each answer on it a contribution, linked
back here by ``PaperFormAnswer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.base import TimestampMixin

if TYPE_CHECKING:
    from forum_site.models.contributions import Contribution
    from forum_site.models.forums import Forum
    from forum_site.models.meetings import Meeting


class PaperForm(TimestampMixin, db.Model):
    __tablename__ = "paper_form"
    __table_args__ = (UniqueConstraint("meeting_id", "questions_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    # [{"key": "item-3", "agenda_item_id": 3, "title": "...", "prompt": "..."}, ...]
    questions: Mapped[list[dict]] = mapped_column(JSON, default=list)
    questions_hash: Mapped[str] = mapped_column(String(64), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship()
    forum: Mapped[Forum] = relationship()
    entries: Mapped[list[PaperFormEntry]] = relationship(
        back_populates="form", order_by="PaperFormEntry.sheet_number"
    )

    @property
    def display_code(self) -> str:
        return f"{self.code[:3]}-{self.code[3:]}"


class PaperFormEntry(TimestampMixin, db.Model):
    """One person's filled-in sheet, as typed by a convenor. Review answers: 1 no, 2 partly,
    3 yes, or empty when the person left the boxes blank."""

    __tablename__ = "paper_form_entry"
    __table_args__ = (UniqueConstraint("form_id", "sheet_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(
        ForeignKey("paper_form.id", ondelete="CASCADE"), index=True
    )
    sheet_number: Mapped[int] = mapped_column(Integer)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    purpose_clear: Mapped[int | None] = mapped_column(Integer)
    listened_to: Mapped[int | None] = mapped_column(Integer)

    form: Mapped[PaperForm] = relationship(back_populates="entries")
    answers: Mapped[list[PaperFormAnswer]] = relationship(
        back_populates="entry", order_by="PaperFormAnswer.position"
    )


class PaperFormAnswer(TimestampMixin, db.Model):
    """Links a typed answer to the contribution it became."""

    __tablename__ = "paper_form_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("paper_form_entry.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    question_key: Mapped[str] = mapped_column(String(40))
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE"), index=True
    )

    entry: Mapped[PaperFormEntry] = relationship(back_populates="answers")
    contribution: Mapped[Contribution] = relationship()
