"""Reading contributions: who may see which, and under what name.

- "anonymous to commissioners": the author and the forum's convenors see the name;
  anyone who commissions for the forum never does (even if they also convene it).
- "private to the convenor": only the author, whoever recorded it, and the convenors.
Pages get ContributionView objects with the name already worked out, never the author,
and lists load in a fixed number of queries however long they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, false, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from forum_site.models import Contribution, ContributionSupport, Forum, Visibility
from forum_site.models.base import as_utc, utcnow
from forum_site.services.contributions import can_support
from forum_site.services.errors import NotFound
from forum_site.services.pagination import Page, count_up_to, newest_first, oldest_first, paginate
from forum_site.services.viewer import Viewer
from forum_site.words import _l


def can_see(viewer: Viewer, contribution: Contribution) -> bool:
    if not viewer.can_see_forum(contribution.forum):
        return False
    if contribution.visibility != Visibility.PRIVATE:
        return True
    return _is_own(viewer, contribution) or viewer.convenes(contribution.forum_id)


def _is_own(viewer: Viewer, contribution: Contribution) -> bool:
    return viewer.signed_in and viewer.user_id in (
        contribution.author_id,
        contribution.recorded_by_id,
    )


def visible_clause(viewer: Viewer, forum_id: int):
    """SQL for "contributions in this forum the viewer may read" (forum access checked first)."""
    if viewer.convenes(forum_id):
        return Contribution.forum_id == forum_id
    mine = (
        or_(Contribution.author_id == viewer.user_id, Contribution.recorded_by_id == viewer.user_id)
        if viewer.signed_in
        else False
    )
    return and_(
        Contribution.forum_id == forum_id,
        or_(Contribution.visibility != Visibility.PRIVATE, mine),
    )


def author_label(viewer: Viewer, contribution: Contribution) -> str:
    """The name this viewer may see for who made the contribution."""
    if contribution.from_whole_group:
        return "The whole group"
    if viewer.signed_in and contribution.author_id == viewer.user_id:
        return "You"
    forum_id = contribution.forum_id
    if contribution.visibility == Visibility.ANONYMOUS:
        if viewer.commissions(forum_id) or not viewer.convenes(forum_id):
            return "Anonymous"
        return _name(contribution)
    if contribution.visibility == Visibility.PRIVATE:
        return _name(contribution)
    if viewer.commissions(forum_id) or viewer.can_see_members(contribution.forum):
        return _name(contribution)
    return "A member"


def _name(contribution: Contribution) -> str:
    return contribution.author.display_name if contribution.author else "A former member"


def get_contribution(session: Session, viewer: Viewer, contribution_id: int) -> Contribution:
    contribution = session.scalar(
        select(Contribution)
        .options(
            selectinload(Contribution.forum).selectinload(Forum.organisations),
            selectinload(Contribution.author),
            selectinload(Contribution.recorded_by),
        )
        .where(Contribution.id == contribution_id)
    )
    if contribution is None or not can_see(viewer, contribution):
        raise NotFound(_l("We could not find that contribution."))
    return contribution


@dataclass(frozen=True)
class ContributionView:
    """One contribution as a particular viewer may see it."""

    contribution: Contribution
    author: str
    is_mine: bool
    support_count: int
    supported_by_me: bool
    can_support: bool
    days_waiting: int | None
    overdue: bool

    @property
    def id(self) -> int:
        return self.contribution.id


def views_for(
    session: Session, viewer: Viewer, contributions: list[Contribution], now: datetime | None
) -> list[ContributionView]:
    """Views for a list, with support counts and the viewer's own supports in one query."""
    supports = _supports(session, viewer, [c.id for c in contributions])
    now = now or utcnow()
    return [_view(viewer, c, *supports.get(c.id, (0, False)), now) for c in contributions]


def _view(viewer, contribution, count, supported, now) -> ContributionView:
    waiting = None
    overdue = False
    if contribution.first_answered_at is None:
        waiting = (now - as_utc(contribution.created_at)).days
        overdue = now > as_utc(contribution.answer_due_at)
    return ContributionView(
        contribution=contribution,
        author=author_label(viewer, contribution),
        is_mine=_is_own(viewer, contribution),
        support_count=count,
        supported_by_me=supported,
        can_support=can_support(viewer, contribution),
        days_waiting=waiting,
        overdue=overdue,
    )


def support_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return dict(
        session.execute(
            select(ContributionSupport.contribution_id, func.count(ContributionSupport.id))
            .where(ContributionSupport.contribution_id.in_(ids))
            .group_by(ContributionSupport.contribution_id)
        ).all()
    )


def _supports(session: Session, viewer: Viewer, ids: list[int]) -> dict[int, tuple[int, bool]]:
    """How many said "me too" to each, and whether the viewer did, grouped in one query."""
    if not ids:
        return {}
    mine = ContributionSupport.user_id == viewer.user_id if viewer.signed_in else false()
    rows = session.execute(
        select(
            ContributionSupport.contribution_id,
            func.count(ContributionSupport.id),
            func.max(case((mine, 1), else_=0)),
        )
        .where(ContributionSupport.contribution_id.in_(ids))
        .group_by(ContributionSupport.contribution_id)
    )
    return {contribution_id: (count, bool(own)) for contribution_id, count, own in rows}


def _with_people():
    """Who made it and the meeting it is about, joined into the list's own query: a list
    costs the same queries whether or not any row has them."""
    return (
        joinedload(Contribution.author),
        joinedload(Contribution.recorded_by),
        joinedload(Contribution.meeting),
    )


def forum_contributions(
    session: Session, viewer: Viewer, forum: Forum, now: datetime | None = None
) -> list[ContributionView]:
    """Everything the viewer may read in this forum, newest first."""
    rows = session.scalars(
        select(Contribution)
        .options(*_with_people())
        .where(visible_clause(viewer, forum.id), Contribution.withdrawn_at.is_(None))
        .order_by(Contribution.created_at.desc(), Contribution.id.desc())
    ).all()
    return views_for(session, viewer, list(rows), now)


@dataclass(frozen=True)
class ForumContributions:
    """A forum's "what members said" page: one page of everything the viewer may read and,
    for its commissioners on the first page, what has waited too long for an answer."""

    contributions: Page[ContributionView]
    waiting: list[ContributionView]


def forum_contributions_page(
    session: Session, viewer: Viewer, forum: Forum, cursor: str | None, now: datetime | None = None
) -> ForumContributions:
    """Both lists in a fixed number of queries: rows with their people and meeting joined
    in, then one grouped query for the "me too" supports of every row on the page."""
    now = now or utcnow()
    query = (
        select(Contribution)
        .options(*_with_people())
        .where(visible_clause(viewer, forum.id), Contribution.withdrawn_at.is_(None))
    )
    page = paginate(session, query, newest_first(Contribution.created_at, Contribution.id), cursor)
    waiting = []
    if viewer.commissions(forum.id) and page.is_first:
        order = oldest_first(Contribution.created_at, Contribution.id)
        waiting = paginate(
            session, _waiting_query([forum.id], now), order, count=False, rows_first=True
        ).items
    views = views_for(session, viewer, [*page.items, *waiting], now)
    shown = len(page.items)
    return ForumContributions(page.map(lambda _: views[:shown]), views[shown:])


def about(
    session: Session, viewer: Viewer, forum_ids: list[int], now=None, **target
) -> list[ContributionView]:
    """Contributions about one meeting, agenda item or budget line, for their pages' panels."""
    ((column, value),) = target.items()
    rows = session.scalars(
        select(Contribution)
        .options(*_with_people(), joinedload(Contribution.forum))
        .where(
            getattr(Contribution, column) == value,
            Contribution.forum_id.in_(forum_ids),
            Contribution.withdrawn_at.is_(None),
        )
        .order_by(Contribution.created_at.desc())
    ).all()
    shown = [c for c in rows if can_see(viewer, c)]
    return views_for(session, viewer, shown, now)


def _waiting_query(forum_ids: list[int], now: datetime):
    return (
        select(Contribution)
        .options(*_with_people(), joinedload(Contribution.forum))
        .where(
            Contribution.forum_id.in_(forum_ids),
            Contribution.first_answered_at.is_(None),
            Contribution.answer_due_at < now,
            Contribution.visibility != Visibility.PRIVATE,
            Contribution.withdrawn_at.is_(None),
        )
    )


def count_waiting(session: Session, forum_ids: list[int], now: datetime | None = None) -> int:
    """How many are waiting too long, counted in SQL (stops at COUNT_LIMIT)."""
    return count_up_to(session, _waiting_query(forum_ids, now or utcnow())).number


def waiting_too_long_page(
    session: Session,
    viewer: Viewer,
    forum_ids: list[int],
    cursor: str | None,
    now: datetime | None = None,
) -> Page[ContributionView]:
    now = now or utcnow()
    order = oldest_first(Contribution.created_at, Contribution.id)
    page = paginate(session, _waiting_query(forum_ids, now), order, cursor, rows_first=True)
    return page.map(lambda rows: views_for(session, viewer, rows, now))
