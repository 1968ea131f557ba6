"""Topics: a forum's list, the topic's story, and the commissioner's and convenor's forms."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.models.meetings import CycleStage
from forum_site.services import forums
from forum_site.services.errors import NotAllowed
from forum_site.services.topics import agreements, consultations, core, timeline
from forum_site.web.forums.panels import sections_for
from forum_site.web.meetings.labels import cycle_dots
from forum_site.web.responses import render, saved, viewer
from forum_site.web.topics import labels
from forum_site.web.topics.forms import StageForm, TopicForm

bp = Blueprint("topics", __name__)


@bp.app_context_processor
def topic_helpers():
    return {"topic_labels": labels, "topic_day": labels.day}


def home_forum(topic):
    """The forum whose menu the topic's pages show: the first one the viewer can see."""
    return next(f for f in topic.forums if viewer().can_see_forum(f))


def page(template: str, topic, status: int = 200, **context):
    forum = home_forum(topic)
    return render(
        template, topic=topic, forum=forum, sections=sections_for(forum), **context
    ), status


@bp.get("/forums/<slug>/topics")
def forum_topics(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    return render(
        "topics/forum_topics.html",
        forum=forum,
        topics=core.topics_for_forum(db.session, forum),
        sections=sections_for(forum),
    )


@bp.route("/forums/<slug>/topics/new", methods=["GET", "POST"])
@login_required
def new(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if not viewer().commissions(forum.id):
        raise NotAllowed(_("Only commissioners who work with this forum can start a topic."))
    form = TopicForm()
    others = [f for f in forums.commissioned_forums(db.session, viewer()) if f.id != forum.id]
    form.forums.choices = [SelectChoice(f.id, f.name) for f in others]
    if form.validate_on_submit():
        draft = core.TopicDraft(
            title=form.title.data,
            summary=form.summary.data or "",
            stage=CycleStage(form.stage.data),
            started_on=form.started_on.data,
            forum_ids=tuple(form.forums.data or ()),
        )
        done = saved(
            form,
            lambda: core.create_topic(db.session, viewer(), forum, draft),
            _("The topic has started."),
        )
        if done:
            return redirect(url_for(".show", topic_id=done.value.id), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return render("topics/new.html", forum=forum, form=form, sections=sections_for(forum)), status


@bp.get("/topics/<int:topic_id>")
def show(topic_id: int):
    topic = core.get_topic(db.session, viewer(), topic_id)
    stage = topic.current_stage
    return page(
        "topics/show.html",
        topic,
        story=timeline.story(db.session, viewer(), topic),
        cycle=cycle_dots(stage),
        stage_number=labels.stage_number(stage),
        now=agreements.view_for(db.session, topic, stage),
        consultations=consultations.consultations_of(db.session, topic),
        can_write=core.can_write(viewer(), topic),
        can_agree=core.can_agree(viewer(), topic),
    )


@bp.route("/topics/<int:topic_id>/stage", methods=["GET", "POST"])
@login_required
def move(topic_id: int):
    topic = core.get_topic(db.session, viewer(), topic_id)
    if not core.can_write(viewer(), topic):
        raise NotAllowed(_("Only commissioners from the topic's organisation can move it on."))
    form = StageForm()
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: core.move_to_stage(
                db.session, viewer(), topic, CycleStage(form.stage.data), form.started_on.data
            ),
            _("The topic has moved to a new stage."),
        )
        if done:
            return redirect(url_for(".show", topic_id=topic.id), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return page("topics/move.html", topic, status, form=form)


def stage_or_404(value: str) -> CycleStage:
    try:
        return CycleStage(value)
    except ValueError:
        abort(404)
