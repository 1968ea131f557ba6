"""Sending what is due: single emails, daily and weekly digests, letters.

Every delivery is claimed with ``UPDATE ... SET sent_at WHERE sent_at IS NULL`` before
its email is written, in the same transaction, so two runs at once (cron overlapping a
request, or two workers) can never send the same message twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import groupby

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from forum_site.delivery import emails, letters
from forum_site.models import Channel, NoticeDelivery

BATCH = 200


def _due(session: Session, channel: Channel, now: datetime, limit: int = BATCH) -> list:
    return list(
        session.scalars(
            select(NoticeDelivery)
            .options(selectinload(NoticeDelivery.user), selectinload(NoticeDelivery.notification))
            .where(
                NoticeDelivery.sent_at.is_(None),
                NoticeDelivery.channel == channel,
                NoticeDelivery.due_at <= now,
            )
            .order_by(NoticeDelivery.user_id, NoticeDelivery.id)
            .limit(limit)
        )
    )


def anything_waiting(session: Session) -> bool:
    """Is an email or letter waiting to go at once? (One indexed look, after each commit.)"""
    return (
        session.scalar(
            select(NoticeDelivery.id)
            .where(
                NoticeDelivery.sent_at.is_(None),
                NoticeDelivery.channel.in_((Channel.EMAIL, Channel.LETTER)),
                NoticeDelivery.due_at <= datetime.now(UTC),
            )
            .limit(1)
        )
        is not None
    )


def _claim(session: Session, deliveries: list[NoticeDelivery], now: datetime) -> list:
    """The deliveries this run now owns; ones another run claimed first are left out."""
    mine = []
    for delivery in deliveries:
        result = session.execute(
            update(NoticeDelivery)
            .where(NoticeDelivery.id == delivery.id, NoticeDelivery.sent_at.is_(None))
            .values(sent_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            mine.append(delivery)
    return mine


def send_emails(session: Session, now: datetime | None = None) -> int:
    """One email per notification for people who chose "an email at once"."""
    now = now or datetime.now(UTC)
    sent = 0
    for delivery in _due(session, Channel.EMAIL, now):
        if _claim(session, [delivery], now):
            emails.one_notice(session, delivery.user, delivery.notification)
            sent += 1
        session.commit()
    return sent


def send_digests(session: Session, now: datetime | None = None) -> int:
    """One email per person per digest, listing everything that came since the last."""
    now = now or datetime.now(UTC)
    sent = 0
    for channel in (Channel.DAILY, Channel.WEEKLY):
        due = _due(session, channel, now, limit=BATCH * 10)
        for _user_id, group in groupby(due, key=lambda d: d.user_id):
            mine = _claim(session, list(group), now)
            if mine:
                notices = [d.notification for d in mine]
                emails.digest(session, mine[0].user, notices, channel)
                sent += 1
            session.commit()
    return sent


def hand_over_letters(session: Session, now: datetime | None = None) -> int:
    senders = letters.senders()
    if not senders:
        return 0
    now = now or datetime.now(UTC)
    mine = _claim(session, _due(session, Channel.LETTER, now), now)
    for sender in senders:
        sender(session, mine)
    session.commit()
    return len(mine)
