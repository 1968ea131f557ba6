"""Outside pressures and what belongs to a topic (meetings, briefings, budgets, decisions)."""

from __future__ import annotations

from flask import redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.dates import plain_date
from forum_site.extensions import db
from forum_site.models import PressureKind
from forum_site.services.errors import NotAllowed
from forum_site.services.topics import core
from forum_site.web.responses import saved, viewer
from forum_site.web.topics.forms import LinksForm, PressureForm
from forum_site.web.topics.views import bp, page


def _writer_only(topic) -> None:
    if not core.can_write(viewer(), topic):
        raise NotAllowed(_("Only commissioners from the topic's organisation can change this."))


@bp.route("/topics/<int:topic_id>/pressures/new", methods=["GET", "POST"])
@login_required
def new_pressure(topic_id: int):
    topic = core.get_topic(db.session, viewer(), topic_id)
    _writer_only(topic)
    form = PressureForm()
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: core.add_pressure(
                db.session,
                viewer(),
                topic,
                kind=PressureKind(form.kind.data),
                title=form.title.data,
                details=form.details.data or "",
                happened_on=form.happened_on.data,
            ),
            _("The pressure is on the topic's timeline."),
        )
        if done:
            return redirect(url_for(".show", topic_id=topic.id), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return page("topics/pressure.html", topic, status, form=form)


@bp.route("/topics/<int:topic_id>/links", methods=["GET", "POST"])
@login_required
def links(topic_id: int):
    topic = core.get_topic(db.session, viewer(), topic_id)
    _writer_only(topic)
    form = LinksForm()
    _fill_choices(form, core.link_choices(db.session, topic))
    if not form.is_submitted():
        for kind, ids in core.linked_ids(db.session, topic).items():
            getattr(form, kind).data = sorted(ids)
    if form.validate_on_submit():
        chosen = {kind: list(getattr(form, kind).data or ()) for kind in core.LINKS}
        done = saved(
            form,
            lambda: core.set_links(db.session, viewer(), topic, chosen),
            _("What belongs to the topic is saved."),
        )
        if done:
            return redirect(url_for(".show", topic_id=topic.id), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return page("topics/links.html", topic, status, form=form)


def _fill_choices(form: LinksForm, choices: core.LinkChoices) -> None:
    form.meetings.choices = [
        SelectChoice(m.id, f"{m.title} ({plain_date(m.starts_at)})") for m in choices.meetings
    ]
    form.briefings.choices = [SelectChoice(b.id, b.title) for b in choices.briefings]
    form.budgets.choices = [SelectChoice(b.id, b.title) for b in choices.budgets]
    form.decisions.choices = [
        SelectChoice(d.id, f"{d.title} ({plain_date(d.decided_on)})") for d in choices.decisions
    ]
