"""You said, we did: answered contributions grouped by what happened, newest first."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Contribution, ContributionAnswer, Forum, Meeting, Status
from forum_site.models.contributions import OUTCOMES
from forum_site.services.contributions.reading import (
    ContributionView,
    views_for,
    visible_clause,
)
from forum_site.services.viewer import Viewer


@dataclass(frozen=True)
class Filters:
    meeting_id: int | None = None
    topic: str = ""
    outcome: Status | None = None


@dataclass(frozen=True)
class Said:
    view: ContributionView
    answer: ContributionAnswer  # the latest entry: what happened in the end


@dataclass
class OutcomeGroup:
    outcome: Status
    items: list[Said] = field(default_factory=list)


def you_said_we_did(
    session: Session, viewer: Viewer, forum: Forum, filters: Filters = Filters()
) -> list[OutcomeGroup]:
    """Groups in a fixed order (changed, partly, not taken forward, already happening)."""
    query = (
        select(Contribution)
        .options(
            selectinload(Contribution.author),
            selectinload(Contribution.meeting),
            selectinload(Contribution.answers).selectinload(ContributionAnswer.decision),
            selectinload(Contribution.answers).selectinload(ContributionAnswer.organisation),
        )
        .where(visible_clause(viewer, forum.id), Contribution.status.in_(OUTCOMES))
        .order_by(Contribution.last_answered_at.desc(), Contribution.id.desc())
    )
    if filters.meeting_id:
        query = query.where(Contribution.meeting_id == filters.meeting_id)
    if filters.topic:
        query = query.where(Contribution.topic == filters.topic)
    if filters.outcome:
        query = query.where(Contribution.status == filters.outcome)
    rows = list(session.scalars(query))
    groups = {outcome: OutcomeGroup(outcome) for outcome in OUTCOMES}
    for view in views_for(session, viewer, rows, None):
        latest = view.contribution.answers[-1]
        groups[view.contribution.status].items.append(Said(view, latest))
    return [group for group in groups.values() if group.items]


def filter_choices(session: Session, forum: Forum) -> tuple[list[Meeting], list[str]]:
    """Meetings and topics that answered contributions in this forum are about."""
    meetings = session.scalars(
        select(Meeting)
        .where(
            Meeting.id.in_(
                select(Contribution.meeting_id).where(
                    Contribution.forum_id == forum.id, Contribution.meeting_id.is_not(None)
                )
            )
        )
        .order_by(Meeting.starts_at.desc())
    ).all()
    topics = session.scalars(
        select(Contribution.topic)
        .where(Contribution.forum_id == forum.id, Contribution.topic != "")
        .distinct()
        .order_by(Contribution.topic)
    ).all()
    return list(meetings), list(topics)
