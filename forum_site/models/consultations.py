"""Consultations on a topic: questions asked between set times, with a promise of when
people will hear back. Points made while one is open are part of it; themes the
commissioner tags make the "What we heard" summary after it closes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.base import TimestampMixin, as_utc
from forum_site.models.meetings import CycleStage
from forum_site.models.topics import Topic

consultation_contribution = db.Table(
    "consultation_contribution",
    db.Column(
        "contribution_id", ForeignKey("contribution.id", ondelete="CASCADE"), primary_key=True
    ),
    db.Column("consultation_id", ForeignKey("consultation.id", ondelete="CASCADE"), index=True),
    db.Column(
        "question_id", ForeignKey("consultation_question.id", ondelete="SET NULL"), nullable=True
    ),
)

contribution_theme = db.Table(
    "contribution_theme",
    db.Column(
        "contribution_id", ForeignKey("contribution.id", ondelete="CASCADE"), primary_key=True
    ),
    db.Column(
        "theme_id", ForeignKey("consultation_theme.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Consultation(TimestampMixin, db.Model):
    __tablename__ = "consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    stage: Mapped[CycleStage] = mapped_column(Enum(CycleStage, native_enum=False))
    title: Mapped[str] = mapped_column(String(200))
    why: Mapped[str] = mapped_column(Text, default="")
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reply_by: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    topic: Mapped[Topic] = relationship()
    questions: Mapped[list[ConsultationQuestion]] = relationship(
        back_populates="consultation", order_by="ConsultationQuestion.position"
    )
    themes: Mapped[list[ConsultationTheme]] = relationship(
        back_populates="consultation", order_by="ConsultationTheme.name"
    )

    def is_open(self, now: datetime) -> bool:
        return as_utc(self.opens_at) <= now < as_utc(self.closes_at)

    def has_closed(self, now: datetime) -> bool:
        return now >= as_utc(self.closes_at)


class ConsultationQuestion(db.Model):
    __tablename__ = "consultation_question"
    __table_args__ = (UniqueConstraint("consultation_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    consultation: Mapped[Consultation] = relationship(back_populates="questions")


class ConsultationTheme(db.Model):
    """A theme the commissioner found in what people said ("transport", "cost")."""

    __tablename__ = "consultation_theme"
    __table_args__ = (UniqueConstraint("consultation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))

    consultation: Mapped[Consultation] = relationship(back_populates="themes")
