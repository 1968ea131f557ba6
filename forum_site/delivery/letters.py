"""The "letter" channel: a printed letter the convenor sends to someone who is not online.

This module only hands deliveries over. The issue about members who are not online
(issue 16) registers a sender that makes the letters::

    from forum_site.delivery import letters
    letters.register(make_letters)   # make_letters(session, deliveries) -> None

A sender gets deliveries already claimed (``sent_at`` set, so no other run hands them
over again) and makes its rows in the same transaction. With no sender registered,
letter deliveries wait, unclaimed, until one is.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from forum_site.models import NoticeDelivery

LetterSender = Callable[[Session, list[NoticeDelivery]], None]
_senders: list[LetterSender] = []


def register(sender: LetterSender) -> None:
    if sender not in _senders:
        _senders.append(sender)


def senders() -> list[LetterSender]:
    return list(_senders)


def unregister(sender: LetterSender) -> None:
    if sender in _senders:
        _senders.remove(sender)
