"""``flask send-due`` and the after-commit hook: everything that is due goes out once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy.orm import Session

from forum_site.delivery import sending
from forum_site.services.notifications import scheduled

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sent:
    reminders: int
    due_soon: int
    emails: int
    digests: int
    letters: int


def send_due(session: Session, now: datetime | None = None) -> Sent:
    """Reminders and "answer due soon" notices, then every email, digest and letter due.

    Safe to run from cron every few minutes, and two at once: nothing goes out twice."""
    now = now or datetime.now(UTC)
    reminders = scheduled.make_reminders(session, now)
    due_soon = scheduled.make_due_soon(session, now)
    session.commit()
    return Sent(
        reminders=reminders,
        due_soon=due_soon,
        emails=sending.send_emails(session, now),
        digests=sending.send_digests(session, now),
        letters=sending.hand_over_letters(session, now),
    )


def send_now(session: Session) -> int:
    """What a request just queued: emails "at once" and letters (digests wait for cron)."""
    return sending.send_emails(session) + sending.hand_over_letters(session)


def after_commit(session: Session) -> None:
    """Hand the sending to an RQ worker when Redis is set up, else send inline."""
    if not sending.anything_waiting(session):
        return
    config = current_app.config
    if config.get("REDIS_URL"):
        from redis.exceptions import RedisError

        try:
            _enqueue(config)
            return
        except RedisError as error:  # Redis down: send inline rather than not at all
            log.warning("Could not queue notifications, sending inline: %s", error)
    send_now(session)


def _enqueue(config) -> None:
    from redis import Redis
    from rq import Queue

    queue = Queue(config["NOTIFY_QUEUE"], connection=Redis.from_url(config["REDIS_URL"]))
    queue.enqueue("forum_site.delivery.jobs.send_notifications", job_timeout=300)
