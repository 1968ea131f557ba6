"""Members taking part: replying (with access needs), sending a question before the
meeting, and answering the two-question review afterwards. Each works as a normal form
post, and htmx swaps just the part of the page that changed."""

from __future__ import annotations

from flask import flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.models.meetings import ReplyAnswer
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.meetings import debrief, replies
from forum_site.web.easy_read.steps import MEETING_REPLY_STEPS, FormSteps
from forum_site.web.meetings import forms
from forum_site.web.meetings.blueprint import bp
from forum_site.web.meetings.views import load, page_context
from forum_site.web.responses import commit, render, show_error, viewer


def _respond(meeting, block: str, message: str, **page_forms):
    """After a successful post: the fragment for htmx, or redirect (post/redirect/get)
    to the page's notices, which the browser scrolls to and focuses (a fragment target
    takes focus without JavaScript; ``autofocus`` does not work beside a fragment)."""
    if request.htmx:
        context = page_context(load(meeting.id), **page_forms)
        context["announce"] = message
        return render("meetings/show.html", block=block, **context)
    flash(message, "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor="notices"), code=303)


def _failed(meeting, block: str, **page_forms):
    """The same page (or fragment) with the errors, keeping everything typed."""
    return render("meetings/show.html", block=block, **page_context(meeting, **page_forms)), 400


@bp.post("/meetings/<int:meeting_id>/reply")
@login_required
def reply(meeting_id: int):
    meeting = load(meeting_id)
    _require_member(meeting)
    form = forms.ReplyForm()
    steps = FormSteps(form, MEETING_REPLY_STEPS, enabled=g.prefs.easy_read)  # easy read
    if steps.finished():
        needs = replies.Needs(
            **{name: getattr(form, name).data or _empty(name) for name in vars(replies.Needs())}
        )
        try:
            replies.reply(db.session, viewer(), meeting, ReplyAnswer(form.answer.data), needs)
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            return _respond(meeting, "reply_block", _("Thank you. Your reply is saved."))
    if steps.moved:  # easy read: the next (or previous) question, nothing wrong
        return render(
            "meetings/show.html", block="reply_block", **page_context(meeting, reply_form=form)
        )
    return _failed(meeting, "reply_block", reply_form=form)


def _require_member(meeting) -> None:
    if not viewer().is_member(meeting.forum_id):
        raise NotAllowed("Only members of this forum can reply, ask or review.")


def _empty(name: str):
    return False if name in replies.NEED_FLAGS else ""


@bp.post("/meetings/<int:meeting_id>/questions")
@login_required
def ask(meeting_id: int):
    meeting = load(meeting_id)
    _require_member(meeting)
    form = forms.QuestionForm()
    if form.validate_on_submit():
        try:
            replies.add_question(
                db.session,
                viewer(),
                meeting,
                body=form.body.data,
                private=form.who_sees.data == "convenor",
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            message = (
                _("Thank you. Only the convenor will see your question.")
                if form.who_sees.data == "convenor"
                else _("Thank you. Your question is on the list for the meeting.")
            )
            return _respond(meeting, "questions_block", message)
    return _failed(meeting, "questions_block", question_form=form)


@bp.post("/meetings/<int:meeting_id>/review")
@login_required
def review(meeting_id: int):
    meeting = load(meeting_id)
    _require_member(meeting)
    form = forms.ReviewForm()
    if form.validate_on_submit():
        try:
            debrief.submit_review(
                db.session,
                viewer(),
                meeting,
                purpose_clear=int(form.purpose_clear.data),
                listened_to=int(form.listened_to.data),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            return _respond(meeting, "review_block", _("Thank you for telling us."))
    return _failed(meeting, "review_block", review_form=form)
