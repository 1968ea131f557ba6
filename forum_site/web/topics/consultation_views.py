"""Consultations: ask (commissioner), take part while open (members), type in points from
paper, meetings and calls (convenor), tag themes, and read "What we heard"."""

from __future__ import annotations

from flask import redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.models import Source, Visibility
from forum_site.models.base import utcnow
from forum_site.services.errors import NotAllowed
from forum_site.services.topics import agreements, core, votes
from forum_site.services.topics import consultations as service
from forum_site.web.responses import saved, viewer
from forum_site.web.topics.consultation_forms import (
    ConsultationForm,
    RecordForm,
    TakePartForm,
    ThemeForm,
)
from forum_site.web.topics.views import bp, page


@bp.route("/topics/<int:topic_id>/consultations/new", methods=["GET", "POST"])
@login_required
def new_consultation(topic_id: int):
    topic = core.get_topic(db.session, viewer(), topic_id)
    if not core.can_write(viewer(), topic):
        raise NotAllowed(_("Only commissioners from the topic's organisation can consult on it."))
    form = ConsultationForm()
    if form.validate_on_submit():
        draft = service.ConsultationDraft(
            title=form.title.data,
            why=form.why.data or "",
            questions=form.question_lines(),
            opens_at=form.opens_at(),
            closes_at=form.closes_at(),
            reply_by=form.reply_by.data,
        )
        done = saved(
            form,
            lambda: service.create_consultation(db.session, viewer(), topic, draft),
            _("The consultation is ready. It opens at the time you chose."),
        )
        if done:
            return redirect(url_for(".consultation", consultation_id=done.value.id), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return page("topics/new_consultation.html", topic, status, form=form)


def _questions(consultation) -> list[SelectChoice]:
    general = SelectChoice("", _("The consultation in general"))
    return [general, *(SelectChoice(q.id, q.text) for q in consultation.questions)]


def _forms(consultation, say=None, record=None, themes=None):
    questions = _questions(consultation)
    say = say or TakePartForm(formdata=None)
    record = record or RecordForm(formdata=None, prefix="record")
    themes = themes or ThemeForm(formdata=None)
    for form in (say, record):
        form.question.choices = questions
        form.fill_token()
    return say, record, themes


def _show(consultation, status=200, **forms):
    topic, now, who = consultation.topic, utcnow(), viewer()
    say, record, themes = _forms(consultation, **forms)
    heard = service.what_we_heard(db.session, consultation)
    points = service.points_for_tagging(db.session, who, consultation)
    themes.contribution.choices = [SelectChoice(c.id, c.text[:100]) for c in points]
    return page(
        "topics/consultation.html",
        topic,
        status,
        consultation=consultation,
        is_open=consultation.is_open(now),
        has_closed=consultation.has_closed(now),
        heard=heard,
        answered=service.answered(db.session, who, consultation),
        late=service.waiting_after_reply_by(db.session, consultation, now),
        budget_changes=service.budget_changes_during(db.session, consultation),
        member_forum=next((f for f in topic.forums if who.is_member(f.id)), None),
        convenor_forum=next((f for f in topic.forums if who.convenes(f.id)), None),
        can_write=core.can_write(who, topic),
        stage_agreement=agreements.view_for(db.session, topic, consultation.stage),
        question_votes=_votes_by_question(consultation),
        say_form=say,
        record_form=record,
        theme_form=themes,
    )


def _votes_by_question(consultation) -> dict[int, list]:
    found: dict[int, list] = {}
    ids = [q.id for q in consultation.questions]
    for vote in votes.votes_for_questions(db.session, ids):
        found.setdefault(vote.question_id, []).append(vote)
    return found


@bp.get("/consultations/<int:consultation_id>")
def consultation(consultation_id: int):
    return _show(service.get_consultation(db.session, viewer(), consultation_id))


def _forum_for(consultation, convenor: bool):
    check = viewer().convenes if convenor else viewer().is_member
    forum = next((f for f in consultation.topic.forums if check(f.id)), None)
    if forum is None:
        raise NotAllowed(_("Only members of the topic's forums can take part."))
    return forum


@bp.post("/consultations/<int:consultation_id>/say")
@login_required
def consultation_say(consultation_id: int):
    found = service.get_consultation(db.session, viewer(), consultation_id)
    form = TakePartForm()
    form.question.choices = _questions(found)
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: service.take_part(
                db.session,
                viewer(),
                found,
                _forum_for(found, convenor=False),
                text=form.text.data,
                question_id=form.question.data,
                visibility=Visibility(form.visibility.data),
                submission_token=form.submission_token.data,
            ),
            _("Thank you. Your point is part of this consultation."),
        )
        if done:
            return redirect(url_for(".consultation", consultation_id=found.id), code=303)
    return _show(found, 400, say=form)


@bp.post("/consultations/<int:consultation_id>/record")
@login_required
def consultation_record(consultation_id: int):
    found = service.get_consultation(db.session, viewer(), consultation_id)
    form = RecordForm(prefix="record")
    form.question.choices = _questions(found)
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: service.take_part(
                db.session,
                viewer(),
                found,
                _forum_for(found, convenor=True),
                text=form.text.data,
                question_id=form.question.data,
                source=Source(form.source.data),
                submission_token=form.submission_token.data,
            ),
            _("The point is recorded as part of this consultation."),
        )
        if done:
            return redirect(url_for(".consultation", consultation_id=found.id), code=303)
    return _show(found, 400, record=form)


@bp.post("/consultations/<int:consultation_id>/themes")
@login_required
def consultation_theme(consultation_id: int):
    found = service.get_consultation(db.session, viewer(), consultation_id)
    form = ThemeForm()
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: service.tag(
                db.session, viewer(), found, form.contribution.data, form.theme.data
            ),
            _("The theme is added to the point."),
        )
        if done:
            return redirect(url_for(".consultation", consultation_id=found.id) + "#heard", code=303)
    return _show(found, 400, themes=form)
