"""Inbox messages as the reader sees them: notifications are written now, in their words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from forum_site.delivery.render import preload, write
from forum_site.models import InboxMessage, User


@dataclass(frozen=True)
class Shown:
    id: int
    subject: str
    body: str
    easy_read_body: str
    link: str
    created_at: datetime
    read_at: datetime | None


def shown(session: Session, message: InboxMessage, reader: User, *, easy_read: bool) -> Shown:
    if message.notification is None:
        return Shown(
            message.id,
            message.subject,
            message.body,
            message.easy_read_body,
            message.link,
            message.created_at,
            message.read_at,
        )
    written = write(session, message.notification, reader, easy_read=easy_read)
    easy = written.body if easy_read else ""
    return Shown(
        message.id,
        written.subject,
        written.body,
        easy,
        written.link,
        message.created_at,
        message.read_at,
    )


def shown_all(
    session: Session, messages: list[InboxMessage], reader: User, *, easy_read: bool
) -> list[Shown]:
    """A page of messages, with what their notices are about loaded once for the page."""
    kept = preload(session, [m.notification for m in messages if m.notification is not None])
    found = [shown(session, message, reader, easy_read=easy_read) for message in messages]
    del kept
    return found


@dataclass(frozen=True)
class SameThing:
    """The newest of the messages about one thing (same subject, same page), and how many
    more there are: two changes to one budget are one row "and 1 more", not two rows that
    read the same."""

    newest: Shown
    more: int


def same_things(found: list[Shown]) -> list[SameThing]:
    """``found`` newest first; each thing keeps the place of its newest message."""
    groups: dict[tuple[str, str], list[Shown]] = {}
    for message in found:
        groups.setdefault((message.subject, message.link), []).append(message)
    return [SameThing(messages[0], len(messages) - 1) for messages in groups.values()]
