"""Small helpers every view uses: rendering pages or fragments, committing, redirects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from flask import current_app, flash, g, render_template, request
from flask_wtf import FlaskForm
from jinja2_fragments.flask import render_block

from forum_site.extensions import db
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.viewer import ANONYMOUS, Viewer
from forum_site.web.easy_read import pages


def viewer() -> Viewer:
    return getattr(g, "viewer", ANONYMOUS)


def asks_for_a_fragment() -> bool:
    """htmx will put the answer into part of the page (a boosted link gets a whole page)."""
    return bool(request.htmx) and not request.htmx.boosted


def render(template: str, block: str | None = None, **context):
    """The full page, or only ``block`` of the same template when htmx asks for it.

    Someone reading in easy read gets the page's easy-read version when it has one: this
    is the one place that chooses (web/easy_read/pages.py)."""
    if block and asks_for_a_fragment():
        return render_block(pages.template_with_block(template, block), block, **context)
    return render_template(pages.template_for(template), **context)


def commit() -> None:
    """The one commit of a request, then send the notifications and emails it queued."""
    db.session.commit()
    from forum_site.delivery.run import after_commit
    from forum_site.mail import deliver_pending

    after_commit(db.session)
    deliver_pending()


def safe_next(target: str | None, default: str) -> str:
    """Only our own paths: refuse other hosts, schemes and protocol-relative URLs."""
    if not target:
        return default
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith(("//", "/\\"))
    ):
        return default
    if any(ch in target for ch in "\r\n\\"):
        return default
    return target


def show_error(form: FlaskForm, error: DomainError) -> None:
    """Put a service's message next to the field it is about, or at the top of the form."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """What the service call gave back, once it is committed."""

    value: T


def saved(form: FlaskForm, action: Callable[[], T], thanks: str) -> Saved[T] | None:
    """Run one service call for a checked form; commit and say ``thanks`` when it works.

    A rule the person broke is shown on the form (next to its field) and None comes back.
    A refusal about the person or the thing itself (NotAllowed, NotFound with no field) is
    not the form's business: it goes on to the error page.
    """
    try:
        value = action()
    except DomainError as error:
        if isinstance(error, (NotAllowed, NotFound)) and error.field is None:
            raise
        show_error(form, error)
        return None
    commit()
    flash(thanks, "success")
    return Saved(value)


def site_url() -> str:
    return current_app.config["SITE_URL"].rstrip("/")
