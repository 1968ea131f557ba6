"""Notices made by the clock: meeting reminders and answers about to be late.

Each is made once: its ``once_key`` is unique, so a second run (or two at once) adds
nothing. A moved meeting gets a new key, so people are reminded of the new time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from forum_site.models import (
    Contribution,
    Meeting,
    NoticeKind,
    Notification,
    Status,
)
from forum_site.models.base import as_utc
from forum_site.models.meetings import MeetingStatus
from forum_site.services.notifications import audiences, notify

REMINDER_BEFORE = timedelta(days=2)
DUE_SOON = timedelta(days=3)
WAITING = (Status.RECEIVED, Status.CONSIDERING)


def _once(session: Session, key: str, make) -> bool:
    """Run ``make`` unless a notice with this key exists; a race loses quietly."""
    if session.scalar(select(exists().where(Notification.once_key == key))):
        return False
    try:
        with session.begin_nested():
            make()
    except IntegrityError:
        return False
    return True


def make_reminders(session: Session, now: datetime | None = None) -> int:
    now = now or datetime.now(UTC)
    meetings = session.scalars(
        select(Meeting).where(
            Meeting.status == MeetingStatus.PUBLISHED,
            Meeting.starts_at > now,
            Meeting.starts_at <= now + REMINDER_BEFORE,
        )
    )
    made = 0
    for meeting in meetings:
        key = f"reminder:{meeting.id}:{as_utc(meeting.starts_at):%Y%m%d%H%M}"
        people = audiences.may_come(session, meeting)
        made += _once(
            session,
            key,
            lambda m=meeting, p=people, k=key: notify(
                session, NoticeKind.MEETING_REMINDER, p, once_key=k, meeting_id=m.id, now=now
            ),
        )
    return made


def make_due_soon(session: Session, now: datetime | None = None) -> int:
    now = now or datetime.now(UTC)
    waiting = session.scalars(
        select(Contribution).where(
            Contribution.status.in_(WAITING),
            Contribution.first_answered_at.is_(None),
            Contribution.withdrawn_at.is_(None),
            Contribution.answer_due_at > now,
            Contribution.answer_due_at <= now + DUE_SOON,
        )
    )
    made = 0
    for contribution in waiting:
        people = audiences.answerers(session, contribution)
        made += _once(
            session,
            f"due:{contribution.id}",
            lambda c=contribution, p=people: notify(
                session,
                NoticeKind.RESPONSE_DUE,
                p,
                once_key=f"due:{c.id}",
                contribution_id=c.id,
                now=now,
            ),
        )
    return made
