"""A commissioner's queue: every point waiting for their organisation, oldest first,
filtered and paged; who looks after each one; and who answered what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    CommissionerLink,
    Contribution,
    ContributionAnswer,
    Forum,
    Status,
    User,
    forum_organisation,
)
from forum_site.models.base import utcnow
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.home import WAITING, waiting_clause
from forum_site.services.notifications import contribution_events
from forum_site.services.pagination import Page, oldest_first, paginate
from forum_site.services.viewer import Viewer
from forum_site.words import _l

PER_PAGE = 20


@dataclass(frozen=True)
class QueueFilters:
    forum_id: int | None = None
    status: Status | None = None
    topic: str = ""
    older_than_days: int | None = None
    mine_only: bool = False


def _require_commissioner(viewer: Viewer) -> None:
    if not viewer.is_commissioner:
        raise NotAllowed(_l("Only commissioners have a queue of points to answer."))


def waiting(
    session: Session, viewer: Viewer, filters: QueueFilters, cursor: str | None = None, now=None
) -> Page[Contribution]:
    """Oldest first, ``PER_PAGE`` at a time, after ``cursor`` (services/pagination.py)."""
    _require_commissioner(viewer)
    query = (
        select(Contribution)
        .options(selectinload(Contribution.forum), selectinload(Contribution.answers))
        .where(waiting_clause(viewer), *_filters(viewer, filters, now or utcnow()))
    )
    order = oldest_first(Contribution.created_at, Contribution.id)
    return paginate(session, query, order, cursor, per_page=PER_PAGE)


def _filters(viewer: Viewer, filters: QueueFilters, now: datetime) -> list:
    found = []
    if filters.forum_id:
        found.append(Contribution.forum_id == filters.forum_id)
    if filters.status in WAITING:
        found.append(Contribution.status == filters.status)
    if filters.topic:
        found.append(Contribution.topic == filters.topic)
    if filters.older_than_days:
        found.append(Contribution.created_at <= now - timedelta(days=filters.older_than_days))
    if filters.mine_only:
        found.append(Contribution.assigned_to_id == viewer.user_id)
    return found


def forums(session: Session, viewer: Viewer) -> list[Forum]:
    """The forums whose points this commissioner answers, by name (the forum filter)."""
    return list(
        session.scalars(
            select(Forum)
            .where(Forum.id.in_(list(viewer.commissioned_forum_ids) or [-1]))
            .order_by(Forum.name)
        )
    )


def topics(session: Session, viewer: Viewer) -> list[str]:
    return sorted(
        t
        for t in session.scalars(
            select(Contribution.topic)
            .where(waiting_clause(viewer), Contribution.topic != "")
            .distinct()
        )
    )


def colleagues(session: Session, viewer: Viewer) -> list[User]:
    """People who commission for the same organisations as the viewer (and the viewer)."""
    return list(
        session.scalars(
            select(User)
            .join(CommissionerLink, CommissionerLink.user_id == User.id)
            .where(CommissionerLink.organisation_id.in_(list(viewer.organisation_ids) or [-1]))
            .distinct()
            .order_by(User.display_name)
        )
    )


def assign(session: Session, viewer: Viewer, contribution_id: int, colleague_id: int) -> User:
    """Ask a colleague in the same organisation to look after a point. They are told."""
    _require_commissioner(viewer)
    contribution = session.get(Contribution, contribution_id)
    if contribution is None or not viewer.commissions(contribution.forum_id):
        raise NotFound(_l("We could not find that point."))
    colleague = _colleague_for(session, viewer, contribution, colleague_id)
    contribution.assigned_to_id = colleague.id
    session.flush()
    if colleague.id != viewer.user_id:
        contribution_events.assigned(session, viewer.user_id, contribution, colleague)
    return colleague


def _colleague_for(session, viewer: Viewer, contribution: Contribution, colleague_id: int) -> User:
    forum_orgs = select(forum_organisation.c.organisation_id).where(
        forum_organisation.c.forum_id == contribution.forum_id
    )
    shared = session.scalar(
        select(CommissionerLink.user_id).where(
            CommissionerLink.user_id == colleague_id,
            CommissionerLink.organisation_id.in_(list(viewer.organisation_ids) or [-1]),
            CommissionerLink.organisation_id.in_(forum_orgs),
        )
    )
    if shared is None:
        raise DomainError(
            _l("Choose a colleague in your organisation who works with this forum."),
            field="colleague",
        )
    return session.get(User, colleague_id)


def recently_answered(session: Session, viewer: Viewer, most: int = 20) -> list[ContributionAnswer]:
    """Who answered what, newest first, for the forums the viewer's organisations work with."""
    _require_commissioner(viewer)
    return list(
        session.scalars(
            select(ContributionAnswer)
            .join(Contribution, Contribution.id == ContributionAnswer.contribution_id)
            .options(
                selectinload(ContributionAnswer.answered_by),
                selectinload(ContributionAnswer.contribution).selectinload(Contribution.forum),
            )
            .where(Contribution.forum_id.in_(list(viewer.commissioned_forum_ids) or [-1]))
            .order_by(ContributionAnswer.created_at.desc(), ContributionAnswer.id.desc())
            .limit(most)
        )
    )
