"""The in-site inbox: messages about answers, budget changes, meetings and requests.

Notification messages are written as they are read, in the reader's language and
reading mode, from the data as it is now."""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, url_for
from flask_login import current_user, login_required

from forum_site.delivery.inbox import shown, shown_all
from forum_site.extensions import db
from forum_site.services import messages
from forum_site.web import pagination
from forum_site.web.responses import commit, render, safe_next, viewer

bp = Blueprint("inbox", __name__)


def _shown(message):
    return shown(db.session, message, current_user, easy_read=g.prefs.easy_read)


@bp.get("/inbox")
@login_required
def index():
    page = messages.inbox_page(db.session, viewer().user_id, pagination.cursor())
    items = page.map(
        lambda rows: shown_all(db.session, rows, current_user, easy_read=g.prefs.easy_read)
    )
    if pagination.wants_more():  # only the next rows: no heading, so no count
        return render("inbox/index.html", block="messages_page", items=items)
    unread = messages.unread_count(db.session, viewer().user_id)
    return render("inbox/index.html", items=items, unread_count_now=unread)


@bp.get("/inbox/<int:message_id>")
@login_required
def show(message_id: int):
    message = messages.open_message(db.session, viewer().user_id, message_id)
    if message is None:
        abort(404)
    commit()
    item = _shown(message)
    return render("inbox/show.html", message=item, link=safe_next(item.link, ""))


@bp.post("/inbox/read-all")
@login_required
def read_all():
    messages.mark_all_read(db.session, viewer().user_id)
    commit()
    return redirect(url_for("inbox.index"), code=303)
