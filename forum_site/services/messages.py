"""Telling people things: the in-site inbox and email.

Emails are written as OutgoingEmail rows in the same transaction as the change, and
delivered after commit (forum_site.mail), so a rolled-back change sends nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from forum_site.models import InboxMessage, OutgoingEmail, User
from forum_site.services.not_online import letters
from forum_site.services.pagination import Page, newest_first, paginate


def queue_email(
    session: Session, *, to: str, subject: str, body: str, about_anonymous: bool = False
) -> OutgoingEmail:
    email = OutgoingEmail(
        to_address=to, subject=subject[:200], body_text=body, about_anonymous=about_anonymous
    )
    session.add(email)
    return email


def send_message(
    session: Session,
    recipients: Iterable[User],
    *,
    subject: str,
    body: str,
    link: str = "",
    easy_read_body: str = "",
    kind: str = "general",
    site_url: str = "",
    email: bool = True,
    about_anonymous: bool = False,
) -> int:
    """Put a message in each recipient's inbox, email those with an address, and print a
    letter for those who are not online.

    For plain messages (a join decision, a welcome). Notifications go through
    ``services.notifications.notify``, whose letters come from ``delivery.letters``.

    ``about_anonymous``: the message tells someone about their own anonymous point, so
    nobody else (not even the outbox) may see the address beside it."""
    count = 0
    people = list({u.id: u for u in recipients}.values())
    letters.letters_for_people_not_online(
        session, people, subject=subject, body=body, easy_read_body=easy_read_body, kind=kind
    )
    for user in people:
        session.add(
            InboxMessage(
                user_id=user.id,
                subject=subject[:200],
                body=body,
                easy_read_body=easy_read_body,
                link=link,
                kind=kind,
            )
        )
        if email and user.email:
            text = body + (f"\n\nSee it on the site: {site_url}{link}" if link else "")
            queue_email(
                session, to=user.email, subject=subject, body=text, about_anonymous=about_anonymous
            )
        count += 1
    return count


def unread_count(session: Session, user_id: int) -> int:
    return session.scalar(
        select(func.count(InboxMessage.id)).where(
            InboxMessage.user_id == user_id, InboxMessage.read_at.is_(None)
        )
    )


def inbox(session: Session, user_id: int, limit: int = 100) -> list[InboxMessage]:
    return list(
        session.scalars(
            select(InboxMessage)
            .options(selectinload(InboxMessage.notification))
            .where(InboxMessage.user_id == user_id)
            .order_by(InboxMessage.created_at.desc(), InboxMessage.id.desc())
            .limit(limit)
        )
    )


def open_message(session: Session, user_id: int, message_id: int) -> InboxMessage | None:
    message = session.get(InboxMessage, message_id)
    if message is None or message.user_id != user_id:
        return None
    if message.read_at is None:
        message.read_at = datetime.now(UTC)
    return message


def mark_all_read(session: Session, user_id: int) -> None:
    session.execute(
        update(InboxMessage)
        .where(InboxMessage.user_id == user_id, InboxMessage.read_at.is_(None))
        .values(read_at=datetime.now(UTC))
    )


def inbox_page(session: Session, user_id: int, cursor: str | None) -> Page[InboxMessage]:
    """A page of someone's messages, newest first (services/pagination.py)."""
    query = (
        select(InboxMessage)
        .options(selectinload(InboxMessage.notification))
        .where(InboxMessage.user_id == user_id)
    )
    return paginate(session, query, newest_first(InboxMessage.created_at, InboxMessage.id), cursor)
