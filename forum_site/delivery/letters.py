"""The "letter" channel: a printed letter the convenor sends to someone who is not online.

Notifications for a supported member (issue 16: reached through the convenor, by post or
by phone) are delivered on this channel by default. When they are due, each one is
written here, in the member's language and in both reading modes, and becomes a
``Letter`` in their forum's print batch (``services.not_online.letters``).

Other senders can be added (``register(make_letters)``, ``make_letters(session,
deliveries)``). A sender gets deliveries already claimed (``sent_at`` set, so no other
run hands them over again) and makes its rows in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import force_locale
from sqlalchemy.orm import Session

from forum_site.delivery.emails import locale_of
from forum_site.delivery.render import write
from forum_site.models import NoticeDelivery
from forum_site.services.not_online.letters import letters_for_people_not_online

LetterSender = Callable[[Session, list[NoticeDelivery]], None]


def print_letters(session: Session, deliveries: list[NoticeDelivery]) -> None:
    """A letter in the print batch for each delivery to a person who gets letters."""
    for delivery in deliveries:
        person, notice = delivery.user, delivery.notification
        with force_locale(locale_of(person)):
            plain = write(session, notice, person, easy_read=False)
            easy = write(session, notice, person, easy_read=True)
        letters_for_people_not_online(
            session,
            [person],
            subject=easy.subject if person.easy_read else plain.subject,
            body=plain.body,
            easy_read_body=easy.body,
            kind=notice.kind.value,
        )


_senders: list[LetterSender] = [print_letters]


def register(sender: LetterSender) -> None:
    if sender not in _senders:
        _senders.append(sender)


def senders() -> list[LetterSender]:
    return list(_senders)


def unregister(sender: LetterSender) -> None:
    if sender in _senders and sender is not print_letters:
        _senders.remove(sender)
