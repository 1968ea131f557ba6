"""Signing a person in and out of this browser, with a server-side session record."""

from __future__ import annotations

import time
from datetime import timedelta

from flask import current_app
from flask import session as cookie
from flask_login import login_user, logout_user

from forum_site.extensions import db
from forum_site.models import User
from forum_site.services import sessions

TOKEN_KEY = "sid"
SEEN_KEY = "seen"
TOUCH_EVERY_SECONDS = 60


def sign_in_user(user: User) -> None:
    """Start a session (the caller commits) and remember it in this browser's cookie."""
    cookie.pop(TOKEN_KEY, None)
    token = sessions.start(db.session, user)
    login_user(user)
    cookie[TOKEN_KEY] = token
    cookie[SEEN_KEY] = time.time()


def sign_out_user() -> None:
    sessions.end(db.session, cookie.get(TOKEN_KEY))
    logout_user()
    cookie.pop(TOKEN_KEY, None)
    cookie.pop(SEEN_KEY, None)


def session_is_current(user: User) -> bool:
    config = current_app.config
    return sessions.is_current(
        db.session,
        user.id,
        cookie.get(TOKEN_KEY),
        cookie.get(SEEN_KEY),
        idle=timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
        absolute=timedelta(hours=config["SESSION_ABSOLUTE_HOURS"]),
    )


def touch() -> None:
    """Keep an active session alive: the time of use lives in the signed cookie, so using
    the site writes nothing to the database."""
    seen = cookie.get(SEEN_KEY)
    if isinstance(seen, int | float) and time.time() - seen < TOUCH_EVERY_SECONDS:
        return
    cookie[SEEN_KEY] = time.time()
