"""Notifications: what happened, who is told, and how each person chose to hear.

Services call ``notify`` in the same transaction as the change. It stores the event
(kind and ids, never sentences), puts it in each recipient's inbox and queues a delivery
for their chosen channel. The words are written later, by ``forum_site.delivery``, in
the recipient's language and reading mode, from the data as it is then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import (
    Channel,
    InboxMessage,
    NoticeDelivery,
    NoticeKind,
    Notification,
    User,
)
from forum_site.services.notifications import preferences

DIGEST_HOUR_UTC = 7  # digests go out from 07:00 UTC (08:00 in a London summer: 07:00 BST-1)


def notify(
    session: Session,
    kind: NoticeKind,
    recipients: Iterable[User],
    *,
    actor_id: int | None = None,
    once_key: str | None = None,
    now: datetime | None = None,
    details: dict | None = None,
    **ids: int | None,
) -> Notification | None:
    """Record one event and fan it out. The person who did it is never told about it."""
    people = [u for u in {u.id: u for u in recipients}.values() if u.id != actor_id]
    now = now or datetime.now(UTC)
    notice = Notification(
        kind=kind, actor_id=actor_id, once_key=once_key, details=details or {}, **ids
    )
    session.add(notice)
    session.flush()
    choices = preferences.choices_of(session, people, kind)
    for person in people:
        choice = choices[person.id]
        if choice.wanted:
            _deliver_to(session, notice, person, choice.channel, now)
    session.flush()
    return notice


def _deliver_to(session, notice: Notification, person: User, channel: Channel, now) -> None:
    session.add(
        InboxMessage(
            user_id=person.id, notification_id=notice.id, kind=notice.kind, subject="", body=""
        )
    )
    if channel == Channel.INBOX or (channel != Channel.LETTER and not person.email):
        return
    session.add(
        NoticeDelivery(
            user_id=person.id,
            notification_id=notice.id,
            channel=channel,
            due_at=due_time(channel, now),
        )
    )


def due_time(channel: Channel, now: datetime) -> datetime:
    """At once, or the next digest time: tomorrow 07:00 UTC, or next Monday 07:00 UTC."""
    if channel not in (Channel.DAILY, Channel.WEEKLY):
        return now
    next_day = (now + timedelta(days=1)).replace(
        hour=DIGEST_HOUR_UTC, minute=0, second=0, microsecond=0
    )
    if channel == Channel.DAILY:
        return next_day
    return next_day + timedelta(days=(7 - next_day.weekday()) % 7)


def inbox_notices(session: Session, user_id: int) -> list[InboxMessage]:
    return list(
        session.scalars(
            select(InboxMessage)
            .where(InboxMessage.user_id == user_id, InboxMessage.notification_id.is_not(None))
            .order_by(InboxMessage.id.desc())
        )
    )
