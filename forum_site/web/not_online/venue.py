"""Venue computers ("kiosk mode"): what a shared computer at a community venue does.

The device cookie is signed and names a server-side record (services.not_online.venues);
it signs nobody in. On a venue computer: the home page opens on the venue's forum, card
sign-in comes first, a person is signed out after a short idle time (a page warns them a
minute before, by a meta refresh, so it works without JavaScript), and a big "Finished"
button on every page signs out and clears what the browser kept.
"""

from __future__ import annotations

import time

from flask import Blueprint, current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeSerializer

from forum_site.extensions import db
from forum_site.services.not_online import venues
from forum_site.web.accounts.signing import sign_out_user
from forum_site.web.responses import commit, render, safe_next

COOKIE = "venue_computer"
SEEN = "venue_seen"
WARN_BEFORE = 60  # seconds of warning before the idle sign-out
# Pages that do not count as someone using the computer.
PASSIVE = {"not_online.still_there", "not_online.timed_out", "static", "easy_read.static"}
ONE_YEAR = 60 * 60 * 24 * 365

bp = Blueprint("venue", __name__)


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="venue-computer")


def cookie_value(computer_id: int, secret: str) -> str:
    return _serializer().dumps({"id": computer_id, "secret": secret})


def set_cookie(response, computer_id: int, secret: str) -> None:
    response.set_cookie(
        COOKIE,
        cookie_value(computer_id, secret),
        max_age=ONE_YEAR,
        httponly=True,
        samesite="Lax",
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
    )


def current_venue():
    """The venue computer this request comes from, or None."""
    return getattr(g, "venue", None)


def _load_venue() -> None:
    g.venue = None
    raw = request.cookies.get(COOKIE)
    if not raw:
        return
    try:
        data = _serializer().loads(raw)
        g.venue = venues.computer_for_cookie(db.session, int(data["id"]), str(data["secret"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        g.venue = None


def idle_limit(venue) -> int:
    return venue.idle_minutes * 60


def _before_request():
    if request.endpoint in {"static", "easy_read.static"}:
        return None
    _load_venue()
    venue = current_venue()
    if venue is None or not current_user.is_authenticated:
        return None
    now = time.time()
    seen = session.get(SEEN, now)
    if now - seen >= idle_limit(venue):
        sign_out_user()
        session.pop(SEEN, None)
        commit()
        return redirect(url_for("not_online.timed_out"), code=303)
    if request.endpoint not in PASSIVE:
        session[SEEN] = now
    return None


def _home_on_venue_computer():
    venue = current_venue()
    if venue is None or request.endpoint != "main.home":
        return None
    if current_user.is_authenticated:
        return redirect(url_for("forums.show", slug=venue.forum.slug))
    return redirect(url_for("not_online.card_sign_in"))


def _after_request(response):
    if current_venue() is not None and response.mimetype == "text/html":
        # The next person must not find this person's pages with the Back button.
        response.headers["Cache-Control"] = "no-store"
    return response


def _template_globals() -> dict:
    venue = current_venue()
    refresh_after = None
    if venue is not None and current_user.is_authenticated and request.endpoint not in PASSIVE:
        refresh_after = max(idle_limit(venue) - WARN_BEFORE, 30)
    warning_url = ""
    if refresh_after:
        here = request.full_path.rstrip("?")
        warning_url = url_for("not_online.still_there", next=here)
    return {"venue": venue, "venue_refresh_after": refresh_after, "venue_warning_url": warning_url}


def on_venue_computer() -> bool:
    return current_venue() is not None


@bp.before_app_request
def _hooks():
    return _before_request() or _home_on_venue_computer()


bp.after_app_request(_after_request)
bp.app_context_processor(_template_globals)


@bp.record_once
def _register_global(state) -> None:
    state.app.jinja_env.globals["on_venue_computer"] = on_venue_computer


def warning_context() -> dict:
    venue = current_venue()
    return {
        "next": safe_next(request.args.get("next"), url_for("main.home")),
        "venue": venue,
        "warn_seconds": WARN_BEFORE,
    }


def finished_response():
    """Sign out, forget the session, and ask the browser to clear what it kept."""
    sign_out_user()
    commit()
    session.clear()
    flash(_("You are signed out. The next person can use the computer now."), "success")
    response = redirect(url_for("not_online.card_sign_in"), code=303)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


__all__ = ["bp", "current_venue", "finished_response", "render", "set_cookie", "warning_context"]
