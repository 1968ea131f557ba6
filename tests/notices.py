"""What a person sees in their inbox and emails: notifications are written when read,
so tests read them the way the site does, in the person's language and reading mode."""

from __future__ import annotations

from flask_babel import force_locale
from sqlalchemy import select

from forum_site.delivery.inbox import Shown, shown
from forum_site.models import InboxMessage, OutgoingEmail

APP = None  # set by the app fixture in conftest


def seen_by(db, user, *, easy_read: bool | None = None) -> list[Shown]:
    easy = user.easy_read if easy_read is None else easy_read
    with APP.test_request_context(), force_locale(user.language or "en"):
        messages = db.scalars(
            select(InboxMessage).where(InboxMessage.user_id == user.id).order_by(InboxMessage.id)
        ).all()
        return [shown(db, message, user, easy_read=easy) for message in messages]


def subjects_for(db, user) -> list[str]:
    return [message.subject for message in seen_by(db, user)]


def emails_to(db, user) -> list[OutgoingEmail]:
    return list(
        db.scalars(
            select(OutgoingEmail)
            .where(OutgoingEmail.to_address == user.email)
            .order_by(OutgoingEmail.id)
        )
    )
