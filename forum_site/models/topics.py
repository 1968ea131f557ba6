"""Commissioning topics: one piece of commissioning followed round the cycle.

A topic ("Day services from April 2027") belongs to an organisation and one or more
forums. It moves through the stages of the commissioning cycle; at each stage the
commissioner writes down what members are asked and how much say they have (the stage's
involvement agreement) and the convenor agrees it. Agreements, their sign-offs and
outside pressures are part of the honest record: a change is a new version.
"""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import Date, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import Organisation, User
from forum_site.models.base import TimestampMixin, append_only
from forum_site.models.forums import Forum
from forum_site.models.meetings import CycleStage, InfluenceLevel


class PressureKind(enum.StrEnum):
    NATIONAL_POLICY = "national_policy"
    LOCAL_POLITICS = "local_politics"
    MONEY = "money"
    OTHER = "other"


topic_forum = db.Table(
    "topic_forum",
    db.Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True),
    db.Column("forum_id", ForeignKey("forum.id", ondelete="CASCADE"), primary_key=True),
)


def _item_link(name: str, item_table: str) -> db.Table:
    """One topic per item: the item's id is the key, so linking again replaces the topic."""
    return db.Table(
        name,
        db.Column(
            f"{item_table}_id", ForeignKey(f"{item_table}.id", ondelete="CASCADE"), primary_key=True
        ),
        db.Column("topic_id", ForeignKey("topic.id", ondelete="CASCADE"), index=True),
    )


topic_meeting = _item_link("topic_meeting", "meeting")
topic_briefing = _item_link("topic_briefing", "briefing")
topic_budget = _item_link("topic_budget", "budget")
topic_decision = _item_link("topic_decision", "decision")


class Topic(TimestampMixin, db.Model):
    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    current_stage: Mapped[CycleStage | None] = mapped_column(Enum(CycleStage, native_enum=False))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship()
    forums: Mapped[list[Forum]] = relationship(secondary=topic_forum, order_by=Forum.name)
    stages: Mapped[list[TopicStage]] = relationship(
        back_populates="topic", order_by="(TopicStage.started_on, TopicStage.id)"
    )
    agreements: Mapped[list[StageAgreement]] = relationship(
        back_populates="topic", order_by="StageAgreement.id"
    )
    pressures: Mapped[list[OutsidePressure]] = relationship(
        back_populates="topic", order_by="(OutsidePressure.happened_on, OutsidePressure.id)"
    )


class TopicStage(db.Model):
    """When the topic was at one stage. Going round the circle again adds another row."""

    __tablename__ = "topic_stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    stage: Mapped[CycleStage] = mapped_column(Enum(CycleStage, native_enum=False))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    topic: Mapped[Topic] = relationship(back_populates="stages")


class StageAgreement(TimestampMixin, db.Model):
    """One version of what members are asked at a stage, and how much say they have."""

    __tablename__ = "stage_agreement"
    __table_args__ = (UniqueConstraint("topic_id", "stage", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    stage: Mapped[CycleStage] = mapped_column(Enum(CycleStage, native_enum=False))
    version: Mapped[int] = mapped_column(Integer)
    members_asked: Mapped[str] = mapped_column(Text)
    influence: Mapped[InfluenceLevel] = mapped_column(Enum(InfluenceLevel, native_enum=False))
    who_decides: Mapped[str] = mapped_column(String(300))
    decides_when: Mapped[str] = mapped_column(String(200))
    not_open: Mapped[str] = mapped_column(Text, default="")
    not_open_why: Mapped[str] = mapped_column(Text, default="")
    what_changed: Mapped[str] = mapped_column(Text, default="")
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    topic: Mapped[Topic] = relationship(back_populates="agreements")
    written_by: Mapped[User | None] = relationship()
    sign_off: Mapped[AgreementSignOff | None] = relationship(
        back_populates="agreement", uselist=False
    )


class AgreementSignOff(TimestampMixin, db.Model):
    """A convenor agreed one version of a stage agreement (who, and when: created_at)."""

    __tablename__ = "agreement_sign_off"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("stage_agreement.id", ondelete="CASCADE"), unique=True
    )
    agreed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    agreed_by_name: Mapped[str] = mapped_column(String(100))

    agreement: Mapped[StageAgreement] = relationship(back_populates="sign_off")


class OutsidePressure(TimestampMixin, db.Model):
    """Something outside the circle that pushes on the topic, stated openly."""

    __tablename__ = "outside_pressure"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PressureKind] = mapped_column(Enum(PressureKind, native_enum=False))
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    happened_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    topic: Mapped[Topic] = relationship(back_populates="pressures")


append_only(StageAgreement, what="A stage agreement")
append_only(AgreementSignOff, what="An agreement's sign-off")
append_only(OutsidePressure, what="An outside pressure")
