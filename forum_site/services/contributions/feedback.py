"""You said, we did: answered contributions grouped by what happened, newest first."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Contribution, ContributionAnswer, Forum, Meeting, Status
from forum_site.models.contributions import OUTCOMES
from forum_site.services.contributions.reading import (
    ContributionView,
    views_for,
    visible_clause,
)
from forum_site.services.pagination import Page, Total, newest_first, paginate
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


def _feedback_query(viewer: Viewer, forum: Forum, filters: Filters):
    query = select(Contribution).where(
        visible_clause(viewer, forum.id),
        Contribution.status.in_(OUTCOMES),
        Contribution.withdrawn_at.is_(None),
    )
    if filters.meeting_id:
        query = query.where(Contribution.meeting_id == filters.meeting_id)
    if filters.topic:
        query = query.where(Contribution.topic == filters.topic)
    if filters.outcome:
        query = query.where(Contribution.status == filters.outcome)
    return query


def _with_answers(query):
    return query.options(
        selectinload(Contribution.author),
        selectinload(Contribution.meeting),
        selectinload(Contribution.answers).selectinload(ContributionAnswer.decision),
        selectinload(Contribution.answers).selectinload(ContributionAnswer.organisation),
    )


NEWEST_ANSWERS_FIRST = newest_first(Contribution.last_answered_at, Contribution.id)


def _grouped(session: Session, viewer: Viewer, rows: list[Contribution]) -> list[OutcomeGroup]:
    groups = {outcome: OutcomeGroup(outcome) for outcome in OUTCOMES}
    for view in views_for(session, viewer, rows, None):
        latest = view.contribution.answers[-1]
        groups[view.contribution.status].items.append(Said(view, latest))
    return [group for group in groups.values() if group.items]


def you_said_we_did(
    session: Session, viewer: Viewer, forum: Forum, filters: Filters = Filters()
) -> list[OutcomeGroup]:
    """Every answered contribution, in groups in a fixed order (for printed documents)."""
    query = _with_answers(_feedback_query(viewer, forum, filters)).order_by(
        *(key.column.desc() for key in NEWEST_ANSWERS_FIRST)
    )
    return _grouped(session, viewer, list(session.scalars(query)))


@dataclass(frozen=True)
class FeedbackPage:
    """One page of "you said, we did": its groups, where to go next, totals per outcome."""

    groups: list[OutcomeGroup]
    page: Page
    totals: dict[Status, int]


def you_said_we_did_page(
    session: Session, viewer: Viewer, forum: Forum, filters: Filters, cursor: str | None
) -> FeedbackPage:
    """The newest answers first, a page at a time, grouped by what happened on the page."""
    query = _feedback_query(viewer, forum, filters)
    page = paginate(session, _with_answers(query), NEWEST_ANSWERS_FIRST, cursor, count=False)
    totals = dict(
        session.execute(
            select(Contribution.status, func.count(Contribution.id))
            .where(query.whereclause)
            .group_by(Contribution.status)
        ).all()
    )
    page = replace(page, total=Total(sum(totals.values())))
    return FeedbackPage(_grouped(session, viewer, page.items), page, totals)


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
