"""A commissioner's queue: a GET form of filters (htmx swaps the results), pages, and
asking a colleague to look after a point."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.models import Status
from forum_site.services import queue as service
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.web import pagination
from forum_site.web.contributions.forms import STATUS_LABELS
from forum_site.web.queue.forms import AGES, QueueFilterForm
from forum_site.web.responses import commit, render, safe_next, viewer
from forum_site.web.validation import id_or_none

bp = Blueprint("queue", __name__)


@bp.get("/queue")
@login_required
def index():
    if not viewer().is_commissioner:
        abort(404)
    form = _filter_form()
    filters = service.QueueFilters(
        forum_id=form.forum.data or None,
        status=Status(form.status.data) if form.status.data in service.WAITING else None,
        topic=form.topic.data or "",
        older_than_days=_days(form.age.data),
        mine_only=form.who.data == "me",
    )
    page = service.waiting(db.session, viewer(), filters, pagination.cursor())
    return render(
        "queue/index.html",
        block="results",
        form=form,
        page=page,
        colleagues=service.colleagues(db.session, viewer()),
        answered=service.recently_answered(db.session, viewer()),
        here=request.full_path.rstrip("?"),
    )


def _days(typed: str | None) -> int | None:
    """Days from the filter, if it is a number of days we can count back (ten years)."""
    days = id_or_none(typed)
    return days if days is not None and days <= 3650 else None


def _filter_form() -> QueueFilterForm:
    form = QueueFilterForm(request.args)
    form.forum.choices = [SelectChoice(0, _("All forums"))] + [
        SelectChoice(f.id, f.name) for f in service.forums(db.session, viewer())
    ]
    form.status.choices = [SelectChoice("", _("Any"))] + [
        SelectChoice(s.value, str(STATUS_LABELS[s])) for s in service.WAITING
    ]
    form.topic.choices = [SelectChoice("", _("All topics"))] + [
        SelectChoice(t, t) for t in service.topics(db.session, viewer())
    ]
    form.age.choices = AGES
    return form


@bp.post("/queue/<int:contribution_id>/assign")
@login_required
def assign(contribution_id: int):
    back = safe_next(request.form.get("next"), url_for("queue.index"))
    try:
        colleague_id = int(request.form.get("colleague", ""))
    except ValueError:
        colleague_id = 0
    try:
        colleague = service.assign(db.session, viewer(), contribution_id, colleague_id)
    except NotFound:
        abort(404)
    except NotAllowed:
        raise  # the refusal page (403), not a message on a page they cannot use
    except DomainError as error:
        flash(error.message, "error")
        return redirect(back, code=303)
    commit()
    flash(
        _("%(name)s is now looking after it, and has been told.", name=colleague.display_name),
        "success",
    )
    return redirect(back, code=303)
