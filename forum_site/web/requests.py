"""Per-request set-up: who is looking, how they like to read, and template helpers."""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import select

from forum_site.database import writing_request
from forum_site.extensions import db, login_manager
from forum_site.models import User
from forum_site.services import messages, translations
from forum_site.services.viewer import ANONYMOUS, load_viewer
from forum_site.web import navigation, preferences
from forum_site.web.accounts import signing
from forum_site.web.i18n import text_direction
from forum_site.web.validation import id_or_none

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: The only GET that writes: opening a message marks it read (the reader's own row).
#: It takes SQLite's write lock when it begins, as a POST does, so it waits its turn
#: instead of failing on a stale read. tests/security/test_route_matrix.py holds the line.
WRITING_GETS = frozenset({"inbox.show"})


def _after_request_teardown(_error=None) -> None:
    writing_request.set(False)


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    identifier, _, token = user_id.partition(":")
    user_id = id_or_none(identifier)
    if user_id is None:
        return None
    user = db.session.scalar(select(User).where(User.id == user_id))
    if user is None or user.session_token != token or not signing.session_is_current(user):
        return None
    return user


def _before_request() -> None:
    writes = request.method not in READ_ONLY_METHODS or request.endpoint in WRITING_GETS
    writing_request.set(writes)
    if request.endpoint == "static":
        return
    user = current_user if current_user.is_authenticated else None
    if user is not None:
        signing.touch()
    g.viewer = load_viewer(db.session, user) if user else ANONYMOUS
    g.prefs = preferences.for_request(request, user, current_app.config["LANGUAGES"])


def reading_preferences() -> preferences.Preferences:
    """How the person looking likes to read (easy read, text size...).

    An error raised before our before_request (a CSRF failure) loads them here, so its
    page still knows who is looking and how they like to read."""
    if has_request_context() and not hasattr(g, "prefs") and request.endpoint != "static":
        _before_request()
    return getattr(g, "prefs", preferences.Preferences())


def _template_context() -> dict:
    prefs = reading_preferences()
    viewer = getattr(g, "viewer", ANONYMOUS)
    locale = str(get_locale() or "en")

    def unread() -> int:
        return messages.unread_count(db.session, viewer.user_id) if viewer.signed_in else 0

    return {
        "viewer": viewer,
        "prefs": prefs,
        "locale": locale,
        "text_direction": text_direction(locale),
        "unread_count": unread,
        "languages": current_app.config["LANGUAGES"],
        "nav_items": lambda: navigation.nav_items(unread()),
        "config_endpoints": lambda: current_app.view_functions,
        "translation_is_draft": lambda: translation_is_draft(locale),
        "draft_notice": translations.DRAFT_NOTICE,
    }


def translation_is_draft(locale: str) -> bool:
    """Pages in a language no fluent speaker has fully checked say so in their footer."""
    return translations.is_draft(db.session, current_app.config, locale)


def init_app(app: Flask) -> None:
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = None
    app.jinja_env.add_extension("jinja2.ext.do")
    app.before_request(_before_request)
    app.teardown_request(_after_request_teardown)
    app.context_processor(_template_context)
    from forum_site.web import formatting

    formatting.init_app(app)
    from forum_site.web import pagination

    pagination.init_app(app)
