"""Reach: who had a say this year, and whether it was always the same few people.

Counted in the database over a set of forums (one forum, or every forum an organisation
works with that the viewer may see), or over one topic's points (its consultations and
what was said about its meetings and briefings), for the calendar year so far.

Definitions (shown on the page too):
- a person is a member who made a point (online, or typed in for them by the convenor);
  a point with no member attached (a group at a meeting, someone without an account)
  counts as one more person, because we cannot tell who it was;
- for the first time this year: a member whose first point in these forums (for a topic:
  in the topic's forums) was this year;
- each month: the different people who had a say that month, and how many of them had
  their first say in these forums (a person can have a say in several months, so months do
  not add up to the year; the first-timers do, so they are protected like the routes);
- the ten who said most: the share of this year's points made by the ten members who made
  the most (the "usual suspects"); not shown when ten or fewer people had a say, because
  then it is everyone.

Every count from 1 to 4 is shown as "fewer than 5" (services/small_numbers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session

from forum_site.models import Contribution, Forum, Source, Topic
from forum_site.models.base import utcnow
from forum_site.models.consultations import Consultation, consultation_contribution
from forum_site.models.topics import topic_briefing, topic_meeting
from forum_site.services.impact import month_of
from forum_site.services.small_numbers import Count, parts_of

TOP = 10  # "the usual suspects": the ten people who made the most points


@dataclass(frozen=True)
class RouteReach:
    source: Source
    people: Count
    points: Count


@dataclass(frozen=True)
class MonthReach:
    month: str  # "2026-03"
    people: Count
    first_time: Count


@dataclass(frozen=True)
class Reach:
    year: int
    points: Count
    people: Count
    first_time: Count
    by_route: list[RouteReach]
    top_share: int | None  # per cent of points from the ten who said most; None if <= 10 people
    months: list[MonthReach] = field(default_factory=list)  # January to this month


def forum_reach(session: Session, forum: Forum, now: datetime | None = None) -> Reach:
    return reach_for(session, [forum.id], now)


def topic_reach(session: Session, topic: Topic, now: datetime | None = None) -> Reach:
    return reach_for(session, [f.id for f in topic.forums], now, only=_about_topic(topic))


def _about_topic(topic: Topic):
    """A point belongs to a topic when it was part of one of its consultations, or was made
    about one of its meetings or briefings."""
    consulted = (
        select(consultation_contribution.c.contribution_id)
        .join(Consultation, Consultation.id == consultation_contribution.c.consultation_id)
        .where(Consultation.topic_id == topic.id)
    )
    meetings = select(topic_meeting.c.meeting_id).where(topic_meeting.c.topic_id == topic.id)
    briefings = select(topic_briefing.c.briefing_id).where(topic_briefing.c.topic_id == topic.id)
    return or_(
        Contribution.id.in_(consulted),
        Contribution.meeting_id.in_(meetings),
        Contribution.briefing_id.in_(briefings),
    )


def reach_for(
    session: Session, forum_ids: list[int], now: datetime | None = None, only=None
) -> Reach:
    now = now or utcnow()
    start = datetime(now.year, 1, 1, tzinfo=UTC)
    this_year = (
        Contribution.forum_id.in_(forum_ids),
        Contribution.created_at >= start,
        Contribution.withdrawn_at.is_(None),
        true() if only is None else only,
    )
    points, members, unnamed = session.execute(
        select(
            func.count(Contribution.id),
            func.count(func.distinct(Contribution.author_id)),
            func.count(Contribution.id).filter(Contribution.author_id.is_(None)),
        ).where(*this_year)
    ).one()
    per_member = _points_per_member(session, this_year)
    first_time = _first_time(session, forum_ids, start, this_year)
    return Reach(
        year=now.year,
        points=Count(points),
        people=Count(members + unnamed),
        first_time=Count(first_time),
        by_route=_by_route(session, this_year, points, members + unnamed),
        top_share=_top_share(per_member, points, members + unnamed),
        months=_months(session, forum_ids, now, this_year, first_time),
    )


def _by_route(session: Session, this_year, points: int, people: int) -> list[RouteReach]:
    """People and points per route: they add up to the totals shown (nearly always, for
    people), so small ones are protected against subtraction (small_numbers.parts_of)."""
    rows = session.execute(
        select(
            Contribution.source,
            func.count(func.distinct(Contribution.author_id)),
            func.count(Contribution.id).filter(Contribution.author_id.is_(None)),
            func.count(Contribution.id),
        )
        .where(*this_year)
        .group_by(Contribution.source)
    ).all()
    found = {source: (members + unnamed, count) for source, members, unnamed, count in rows}
    routes = list(Source)
    people_by = parts_of(people, [found.get(source, (0, 0))[0] for source in routes])
    points_by = parts_of(points, [found.get(source, (0, 0))[1] for source in routes])
    return [RouteReach(*row) for row in zip(routes, people_by, points_by, strict=True)]


def _points_per_member(session: Session, this_year) -> list[int]:
    return list(
        session.scalars(
            select(func.count(Contribution.id))
            .where(*this_year, Contribution.author_id.is_not(None))
            .group_by(Contribution.author_id)
            .order_by(func.count(Contribution.id).desc())
            .limit(TOP)
        )
    )


def _firsts(forum_ids: list[int]):
    """Each member's first point in these forums, ever."""
    return (
        select(Contribution.author_id, func.min(Contribution.created_at).label("first"))
        .where(Contribution.forum_id.in_(forum_ids), Contribution.author_id.is_not(None))
        .group_by(Contribution.author_id)
        .subquery()
    )


def _first_time(session: Session, forum_ids: list[int], start: datetime, this_year) -> int:
    """Members counted this year whose first point in these forums (ever) was this year."""
    firsts = _firsts(forum_ids)
    return session.scalar(
        select(func.count(func.distinct(Contribution.author_id)))
        .join(firsts, firsts.c.author_id == Contribution.author_id)
        .where(*this_year, firsts.c.first >= start)
    )


def _top_share(top_counts: list[int], points: int, people: int) -> int | None:
    if people <= TOP or not points:
        return None
    return round(100 * sum(top_counts) / points)


def _months(
    session: Session, forum_ids: list[int], now: datetime, this_year, first_time: int
) -> list[MonthReach]:
    """Different people each month from January to this month (two queries), and the
    members whose first point in these forums came that month."""
    month = month_of(session, Contribution.created_at).label("month")
    people = dict(
        session.execute(
            select(
                month,
                func.count(func.distinct(Contribution.author_id))
                + func.count(Contribution.id).filter(Contribution.author_id.is_(None)),
            )
            .where(*this_year)
            .group_by(month)
        ).all()
    )
    firsts = _firsts(forum_ids)
    first_month = month_of(session, firsts.c.first).label("month")
    counted = select(Contribution.author_id).where(*this_year, Contribution.author_id.is_not(None))
    newcomers = dict(
        session.execute(
            select(first_month, func.count())
            .select_from(firsts)
            .where(firsts.c.first >= datetime(now.year, 1, 1, tzinfo=UTC))
            .where(firsts.c.author_id.in_(counted))
            .group_by(first_month)
        ).all()
    )
    names = [f"{now.year}-{number:02d}" for number in range(1, now.month + 1)]
    new_by = parts_of(first_time, [int(newcomers.get(name, 0)) for name in names])
    return [
        MonthReach(name, Count(int(people.get(name, 0))), new)
        for name, new in zip(names, new_by, strict=True)
    ]
