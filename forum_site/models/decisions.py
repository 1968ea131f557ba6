"""The decision log: what commissioners decided, and what users said before it.

The commissioning-cycle stages are the meetings area's CycleStage, so both areas agree."""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import Date, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.accounts import Organisation, User
from forum_site.models.base import TimestampMixin, append_only
from forum_site.models.contributions import Contribution
from forum_site.models.forums import Forum
from forum_site.models.meetings import AgendaItem, CycleStage


class DecisionMaker(enum.StrEnum):
    OFFICER = "officer"
    CABINET = "cabinet"
    BOARD = "board"
    OTHER = "other"


decision_contribution = db.Table(
    "decision_contribution",
    db.Column("decision_id", ForeignKey("decision.id", ondelete="CASCADE"), primary_key=True),
    db.Column(
        "contribution_id", ForeignKey("contribution.id", ondelete="CASCADE"), primary_key=True
    ),
)


decision_agenda_item = db.Table(
    "decision_agenda_item",
    db.Column("decision_id", ForeignKey("decision.id", ondelete="CASCADE"), primary_key=True),
    db.Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
)


class Decision(TimestampMixin, db.Model):
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[DecisionMaker] = mapped_column(Enum(DecisionMaker, native_enum=False))
    decided_by_name: Mapped[str] = mapped_column(String(200), default="")
    decided_on: Mapped[date] = mapped_column(Date)
    stage: Mapped[CycleStage] = mapped_column(Enum(CycleStage, native_enum=False))
    other_input: Mapped[str] = mapped_column(Text, default="")
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    submission_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    forum: Mapped[Forum] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    logged_by: Mapped[User | None] = relationship()
    contributions: Mapped[list[Contribution]] = relationship(
        secondary=decision_contribution, order_by=Contribution.id
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        secondary=decision_agenda_item, order_by=AgendaItem.id
    )


append_only(Decision, what="A logged decision")
