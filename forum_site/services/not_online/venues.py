"""Shared computers at venues ("kiosk mode").

A convenor sets a device up as a venue computer for one forum. The device's cookie names
a server-side record and carries a random secret whose hash is kept on it; the web layer
signs the cookie as well. The cookie signs nobody in: it only makes the device behave as
a shared computer (card sign-in first, a short idle time, the Finished button). Stopping
the record stops every copy of the cookie at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import Forum
from forum_site.models.base import utcnow
from forum_site.models.not_online import VenueComputer
from forum_site.services.errors import DomainError, NotFound
from forum_site.services.not_online.supported import require_convenor
from forum_site.services.viewer import Viewer
from forum_site.words import _l

DEFAULT_IDLE_MINUTES = 5
IDLE_CHOICES = (3, 5, 10, 15)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def set_up_venue_computer(
    session: Session, viewer: Viewer, forum: Forum, *, name: str, idle_minutes: int
) -> tuple[VenueComputer, str]:
    """The record and the secret for the device's cookie (shown to nobody)."""
    require_convenor(viewer, forum)
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not name:
        raise DomainError(
            _l("Give the computer a name, for example “Library, front desk”."), "name"
        )
    if len(name) > 100:
        raise DomainError(_l("A name can have up to 100 characters."), field="name")
    if idle_minutes not in IDLE_CHOICES:
        raise DomainError(_l("Choose how long before it signs people out."), field="idle_minutes")
    secret = secrets.token_urlsafe(32)
    computer = VenueComputer(
        forum_id=forum.id,
        name=name,
        secret_hash=_hash(secret),
        idle_minutes=idle_minutes,
        set_up_by_id=viewer.user_id,
    )
    session.add(computer)
    session.flush()
    return computer, secret


def computer_for_cookie(session: Session, computer_id: int, secret: str) -> VenueComputer | None:
    """The venue computer a (signature-checked) cookie names, if it still works."""
    computer = session.scalar(
        select(VenueComputer)
        .options(selectinload(VenueComputer.forum))
        .where(VenueComputer.id == computer_id)
    )
    if computer is None or computer.stopped_at is not None:
        return None
    if not hmac.compare_digest(computer.secret_hash, _hash(secret or "")):
        return None
    return computer


def venue_computers(session: Session, viewer: Viewer, forum: Forum) -> list[VenueComputer]:
    require_convenor(viewer, forum)
    return list(
        session.scalars(
            select(VenueComputer)
            .where(VenueComputer.forum_id == forum.id)
            .order_by(VenueComputer.stopped_at.is_not(None), VenueComputer.id.desc())
        )
    )


def stop_venue_computer(session: Session, viewer: Viewer, forum: Forum, computer_id: int) -> None:
    require_convenor(viewer, forum)
    computer = session.get(VenueComputer, computer_id)
    if computer is None or computer.forum_id != forum.id:
        raise NotFound(_l("There is no venue computer here with that number."))
    if computer.stopped_at is None:
        computer.stopped_at = utcnow()
