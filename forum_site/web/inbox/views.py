"""The in-site inbox: messages about answers, budget changes, meetings and requests."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, url_for
from flask_login import login_required

from forum_site.extensions import db
from forum_site.services import messages
from forum_site.web.responses import commit, render, safe_next, viewer

bp = Blueprint("inbox", __name__)


@bp.get("/inbox")
@login_required
def index():
    return render("inbox/index.html", items=messages.inbox(db.session, viewer().user_id))


@bp.get("/inbox/<int:message_id>")
@login_required
def show(message_id: int):
    message = messages.open_message(db.session, viewer().user_id, message_id)
    if message is None:
        abort(404)
    commit()
    return render("inbox/show.html", message=message, link=safe_next(message.link, ""))


@bp.post("/inbox/read-all")
@login_required
def read_all():
    messages.mark_all_read(db.session, viewer().user_id)
    commit()
    return redirect(url_for("inbox.index"), code=303)
