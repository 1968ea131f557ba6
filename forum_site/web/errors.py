"""Plain-language error pages, and domain errors turned into the right status."""

from __future__ import annotations

import logging

from flask import Flask, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from forum_site.extensions import db
from forum_site.services.errors import NotAllowed, NotFound
from forum_site.web import resume
from forum_site.web.accounts.forms import SignInForm
from forum_site.web.responses import asks_for_a_fragment, render, viewer

log = logging.getLogger(__name__)

PAGES = {
    400: (
        _l("Something was wrong with that request"),
        _l("The site could not understand what was sent. Go back and try again."),
    ),
    403: (
        _l("You cannot see this page"),
        _l("Your account does not allow this. If you think it should, ask your forum's convenor."),
    ),
    404: (
        _l("Page not found"),
        _l("We could not find that page. Check the web address, or go to the list of forums."),
    ),
    405: (_l("That did not work"), _l("The site does not accept that kind of request here.")),
    413: (
        _l("That was too big"),
        _l(
            "What you sent is bigger than the site accepts. Make it shorter or smaller and try again."
        ),
    ),
    429: (
        _l("Too many tries"),
        _l("You have tried this many times in a short time. Wait a few minutes and try again."),
    ),
    500: (
        _l("Sorry, something went wrong on our side"),
        _l(
            "It is not your fault. Nothing you typed has been saved. Please try again in a few minutes."
        ),
    ),
}


def error_page(status: int, detail: str | None = None):
    """The error page, or for htmx only its message, which site.js swaps in for a 400."""
    title, advice = PAGES.get(status, PAGES[500])
    page = render(
        "errors/error.html",
        block="message",
        heading_level=2 if asks_for_a_fragment() else 1,
        title=str(title),
        advice=str(advice),
        detail=detail,
        status=status,
    )
    return page, status


def _http_error(error: HTTPException):
    page, status = error_page(error.code or 500)
    kept = {name: value for name, value in error.get_headers() if name == "Retry-After"}
    return page, status, kept


def _csrf_error(_error: CSRFError):
    # Long words typed into a form whose session was lost (a cookie cleared, a browser
    # closed) are shown again to send, after signing in if need be (web/resume.py).
    typed = resume.typed_fields(request.form)
    if any(len(value) >= resume.SHOWN_FROM for _name, value in typed):
        if viewer().signed_in:
            return resume.send_again(typed, request.path), 400
        return resume.sign_in_to_send(SignInForm(formdata=None)), 400
    return error_page(
        400,
        _("The form had expired. Go back, reload the page and send it again."),
    )


def _not_found(error: NotFound):
    return error_page(404, error.message)


def _not_allowed(error: NotAllowed):
    if not viewer().signed_in:
        return redirect(url_for("accounts.sign_in", next=request.full_path.rstrip("?")))
    return error_page(403, error.message)


def _server_error(error: Exception):
    log.exception("Unhandled error", exc_info=error)
    db.session.rollback()
    return error_page(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(NotAllowed, _not_allowed)
    app.register_error_handler(500, _server_error)
    if not app.testing:
        app.register_error_handler(Exception, _server_error)
