"""Page links for keyset-paginated lists: the cursor and the filters stay in the URL."""

from __future__ import annotations

from flask import Flask, request, url_for
from flask_babel import format_number
from flask_babel import gettext as _

from forum_site.services.pagination import Page

CURSOR_ARG = "after"


def cursor() -> str | None:
    """The cursor this request asks for (``?after=...``), or None for the first page."""
    return request.args.get(CURSOR_ARG) or None


def page_url(next_cursor: str | None = None, anchor: str | None = None) -> str:
    """This page's URL with the same filters, at ``next_cursor`` (or the first page)."""
    args = request.args.to_dict(flat=False)
    args.pop(CURSOR_ARG, None)
    if next_cursor:
        args[CURSOR_ARG] = next_cursor
    return url_for(request.endpoint, **(request.view_args or {}), **args, _anchor=anchor)


def wants_more() -> bool:
    """htmx's "Show more" asks for only the next rows and the next link. Its link always
    carries ``?after=``; an empty one means from the start, still as rows for htmx."""
    return request.htmx and CURSOR_ARG in request.args and not request.htmx.boosted


def total_text(page: Page) -> str:
    if page.total.more_than:
        return _("More than %(number)s", number=format_number(page.total.number))
    return format_number(page.total.number)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(page_url=page_url, page_total=total_text)
