"""Impact you can count: what happened to what members said, and how meetings felt.

Every figure comes from grouped SQL over a set of forums (one forum, or every forum an
organisation works with that the viewer may see), so a page costs the same few queries
however many contributions there are. Median days is worked out from one column of
answer times, because SQLite has no median.

Definitions (shown on the page too):
- answered: has at least one answer (being considered counts: the member has heard back);
- days to first answer: from when it was made to its first answer;
- changed something or partly: out of those with a final answer;
- overdue: no answer yet, and past the organisation's response time;
- meeting reviews: published meetings only, as in the meetings area's review_results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from forum_site.models import (
    Contribution,
    Forum,
    Meeting,
    MeetingReview,
    Organisation,
    Status,
    forum_organisation,
)
from forum_site.models.base import utcnow
from forum_site.models.contributions import OUTCOMES
from forum_site.models.meetings import MeetingStatus
from forum_site.services.viewer import Viewer

YES, PARTLY, NO = 3, 2, 1


@dataclass(frozen=True)
class Month:
    month: str  # "2026-03"
    made: int
    answered: int
    changed_or_partly: int


@dataclass(frozen=True)
class ReviewMonth:
    month: str
    reviews: int
    purpose_clear: int
    listened_to: int


@dataclass(frozen=True)
class Reviews:
    reviews: int = 0
    purpose_yes: int = 0
    purpose_partly: int = 0
    purpose_no: int = 0
    listened_yes: int = 0
    listened_partly: int = 0
    listened_no: int = 0


@dataclass(frozen=True)
class Impact:
    made: int = 0
    answered: int = 0
    with_final_answer: int = 0
    changed_or_partly: int = 0
    overdue: int = 0
    median_days_to_answer: float | None = None
    months: list[Month] = field(default_factory=list)
    reviews: Reviews = Reviews()
    review_months: list[ReviewMonth] = field(default_factory=list)

    @property
    def share_answered(self) -> int | None:
        return _percent(self.answered, self.made)

    @property
    def share_changed(self) -> int | None:
        return _percent(self.changed_or_partly, self.with_final_answer)


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def forum_impact(session: Session, forum: Forum, now: datetime | None = None) -> Impact:
    return impact_for(session, [forum.id], now)


def organisation_forums(session: Session, viewer: Viewer, organisation: Organisation):
    """The forums an organisation works with that this viewer may know about."""
    forums = session.scalars(
        select(Forum)
        .join(forum_organisation, forum_organisation.c.forum_id == Forum.id)
        .where(forum_organisation.c.organisation_id == organisation.id)
        .order_by(Forum.name)
    ).all()
    return [f for f in forums if viewer.can_see_forum(f)]


def impact_for(session: Session, forum_ids: list[int], now: datetime | None = None) -> Impact:
    """Contributions are read once for the months and the totals (the totals are the sum
    of the months), and meeting reviews once for theirs: each read of the contributions
    goes over every row of the forums' history."""
    if not forum_ids:
        return Impact()
    months, totals = _months(session, forum_ids, now or utcnow())
    review_months, reviews = _review_months(session, forum_ids)
    return Impact(
        **totals,
        median_days_to_answer=_median_days(session, forum_ids),
        months=months,
        reviews=reviews,
        review_months=review_months,
    )


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


_TOTALS = ("made", "answered", "changed_or_partly", "with_final_answer", "overdue")


def _months(session, forum_ids, now) -> tuple[list[Month], dict]:
    month = month_of(session, Contribution.created_at).label("month")
    rows = session.execute(
        select(
            month,
            func.count(Contribution.id),
            func.count(Contribution.first_answered_at),
            _count_if(Contribution.status.in_((Status.CHANGED, Status.PARTLY))),
            _count_if(Contribution.status.in_(OUTCOMES)),
            _count_if(
                Contribution.first_answered_at.is_(None) & (Contribution.answer_due_at < now)
            ),
        )
        .where(Contribution.forum_id.in_(forum_ids), Contribution.withdrawn_at.is_(None))
        .group_by(month)
        .order_by(month)
    ).all()
    totals = {key: sum(int(row[n + 1]) for row in rows) for n, key in enumerate(_TOTALS)}
    return [Month(m, int(a), int(b), int(c)) for m, a, b, c, *_ in rows], totals


def _median_days(session, forum_ids) -> float | None:
    """The median in SQL (nothing loaded into Python): percentile_cont on PostgreSQL, the
    middle row(s) by a window function on SQLite, which has no median."""
    answered = (
        Contribution.forum_id.in_(forum_ids),
        Contribution.first_answered_at.is_not(None),
        Contribution.withdrawn_at.is_(None),
    )
    if session.get_bind().dialect.name == "sqlite":
        days = (
            func.julianday(Contribution.first_answered_at) - func.julianday(Contribution.created_at)
        ).label("days")
        ranked = (
            select(
                days,
                func.row_number().over(order_by=days).label("place"),
                func.count().over().label("total"),
            )
            .where(*answered)
            .subquery()
        )
        middle = ranked.c.place.in_([(ranked.c.total + 1) // 2, (ranked.c.total + 2) // 2])
        median = session.scalar(select(func.avg(ranked.c.days)).where(middle))
    else:
        seconds = func.extract("epoch", Contribution.first_answered_at - Contribution.created_at)
        median = session.scalar(
            select(func.percentile_cont(0.5).within_group(seconds / 86400)).where(*answered)
        )
    return None if median is None else round(float(median), 1)


def month_of(session: Session, column):
    """The month of a timestamp as '2026-03', in SQL, on either database (UTC)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", column)
    return func.to_char(func.timezone("UTC", column), "YYYY-MM")


def _review_months(session, forum_ids) -> tuple[list[ReviewMonth], Reviews]:
    r = MeetingReview
    month = month_of(session, Meeting.starts_at).label("month")
    rows = session.execute(
        select(
            month,
            func.count(r.id),
            *(_count_if(r.purpose_clear == value) for value in (YES, PARTLY, NO)),
            *(_count_if(r.listened_to == value) for value in (YES, PARTLY, NO)),
        )
        .join(Meeting, Meeting.id == r.meeting_id)
        .where(Meeting.forum_id.in_(forum_ids), Meeting.status == MeetingStatus.PUBLISHED)
        .group_by(month)
        .order_by(month)
    ).all()
    reviews = Reviews(*(sum(int(row[n]) for row in rows) for n in range(1, 8)))
    return [ReviewMonth(row[0], int(row[1]), int(row[2]), int(row[5])) for row in rows], reviews
