"""Choosing what we tell you and how, and one-click unsubscribe from an email."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.delivery.unsubscribe import read_token
from forum_site.delivery.words import what_name
from forum_site.extensions import csrf, db
from forum_site.models import Channel, NoticeKind, User
from forum_site.services.notifications import preferences
from forum_site.web.notices.forms import OFF, choices_form, field_name
from forum_site.web.responses import commit, render, viewer

bp = Blueprint("notices", __name__)


@bp.route("/settings/notifications", methods=["GET", "POST"])
@login_required
def choices():
    kinds = preferences.kinds_for(viewer())
    current = preferences.choices_for(db.session, viewer().user_id, kinds)
    form = choices_form(kinds, current, formdata=request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        for kind in kinds:
            how = getattr(form, field_name(kind)).data
            wanted = how != OFF
            channel = Channel(how) if wanted else Channel.INBOX
            preferences.set_choice(
                db.session, viewer().user_id, kind, wanted=wanted, channel=channel
            )
        commit()
        flash(_("Your choices are saved."), "success")
        return redirect(url_for("notices.choices"), code=303)
    fields = [getattr(form, field_name(kind)) for kind in kinds]
    return render("notices/choices.html", form=form, fields=fields)


def _person_and_what(token: str):
    found = read_token(token)
    person = db.session.get(User, found[0]) if found else None
    if person is None:
        abort(404)
    return person, found[1]


@bp.get("/unsubscribe/<token>")
def unsubscribe(token: str):
    """A page with one button: GET never changes anything (link checkers follow links)."""
    _person, what = _person_and_what(token)
    return render("notices/unsubscribe.html", token=token, what=what_name(what), done=False)


@bp.post("/unsubscribe/<token>")
@csrf.exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click"; the token is the proof
def unsubscribe_now(token: str):
    person, what = _person_and_what(token)
    if isinstance(what, NoticeKind):
        preferences.stop_emails(db.session, person.id, what)
    else:
        preferences.stop_digest(db.session, person.id, what)
    commit()
    return render("notices/unsubscribe.html", token=token, what=what_name(what), done=True)
