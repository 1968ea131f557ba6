"""Signed-in sessions kept on the server, so signing out really ends them.

The browser's cookie carries a random token and the time it was last used; the server
keeps only the token's hash. A session stops working when the person signs out, signs
out everywhere, changes their password, after ``idle`` without use, or ``absolute``
after signing in, whichever comes first. Checking a session writes nothing."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from forum_site.models import User, UserSession
from forum_site.models.base import as_utc, utcnow


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, user: User) -> str:
    """A new session for ``user``; the token goes in the cookie, never in the database."""
    token = secrets.token_urlsafe(32)
    session.add(UserSession(token_hash=_hash(token), user_id=user.id, last_seen_at=utcnow()))
    session.flush()
    return token


def is_current(
    session: Session,
    user_id: int,
    token: str | None,
    last_seen: float | None,
    *,
    idle: timedelta,
    absolute: timedelta,
    now: datetime | None = None,
) -> bool:
    if not token or not isinstance(token, str) or last_seen is None:
        return False
    now = now or utcnow()
    try:
        seen = datetime.fromtimestamp(float(last_seen), tz=now.tzinfo)
    except (TypeError, ValueError, OverflowError, OSError):
        return False
    if now - seen > idle:
        return False
    record = session.scalar(select(UserSession).where(UserSession.token_hash == _hash(token)))
    if record is None or record.user_id != user_id or record.ended_at is not None:
        return False
    return now - as_utc(record.created_at) <= absolute


def end(session: Session, token: str | None) -> None:
    if token and isinstance(token, str):
        session.execute(
            update(UserSession)
            .where(UserSession.token_hash == _hash(token), UserSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )


def end_all(session: Session, user: User) -> int:
    """Sign out everywhere: every session of this person ends now. How many were open."""
    ended = session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    ).rowcount
    user.new_session_token()
    return ended or 0
