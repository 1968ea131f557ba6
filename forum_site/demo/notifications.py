"""Demo notifications: the upcoming meeting was announced to its forum's members (so the
inbox, the home page and the letters of members who are not online show it), and Ali
chose a daily round-up for budget changes (the choices page shows a choice of one's own).

Letters and emails are written when they are due: by ``flask send-due``, or after the
next request that commits."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Channel, Meeting, NoticeKind
from forum_site.models.meetings import MeetingStatus
from forum_site.services.notifications import meeting_events, preferences
from forum_site.services.viewer import load_viewer


def seed(session: Session, base) -> None:
    forum = base.forums["ld"]
    upcoming = session.scalar(
        select(Meeting)
        .where(
            Meeting.forum_id == forum.id,
            Meeting.status == MeetingStatus.PUBLISHED,
            Meeting.starts_at > datetime.now(UTC),
        )
        .order_by(Meeting.starts_at)
    )
    if upcoming is not None:
        meeting_events.published(session, load_viewer(session, base.users["convenor"]), upcoming)
    preferences.set_choice(
        session,
        base.users["member"].id,
        NoticeKind.BUDGET_CHANGED,
        wanted=True,
        channel=Channel.DAILY,
    )
