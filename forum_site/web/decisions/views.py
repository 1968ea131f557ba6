"""The decision log: the list for a forum, logging a decision, and one decision's trail."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.dates import day_and_date
from forum_site.extensions import db
from forum_site.models import DecisionMaker, Status
from forum_site.models.meetings import CycleStage
from forum_site.services import decisions as service
from forum_site.services import forums, visibility
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.text import clean_text
from forum_site.web import pagination
from forum_site.web.contributions import bp as _contributions  # noqa: F401  (its helpers)
from forum_site.web.decisions.forms import MAKERS, STAGE_LABELS, DecisionForm
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.validation import id_or_none

bp = Blueprint("decisions", __name__)


@bp.app_context_processor
def decision_helpers():
    makers = {choice.value: choice.label for choice in MAKERS}
    return {
        "decision_maker": lambda value: str(makers[DecisionMaker(value).value]),
        "decision_stage": lambda value: str(STAGE_LABELS[CycleStage(value)]),
        "decision_date": day_and_date,
    }


@bp.get("/forums/<slug>/decisions")
def forum_decisions(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    return render(
        "decisions/index.html",
        block="decisions_page" if pagination.wants_more() else None,
        forum=forum,
        decisions=service.forum_decisions_page(db.session, forum, pagination.cursor()),
        sections=sections_for(forum),
    )


@bp.route("/forums/<slug>/decisions/new", methods=["GET", "POST"])
@login_required
def new(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if not viewer().commissions(forum.id):
        raise NotAllowed(_("Only commissioners who work with this forum can log its decisions."))
    form = DecisionForm()
    find = _point_filter(form)
    contributions, items = service.choices(db.session, forum, find)
    form.contributions.choices = [SelectChoice(c.id, c.text[:120]) for c in contributions]
    form.agenda_items.choices = [SelectChoice(i.id, _outcome_label(i)) for i in items]
    finding = request.method == "POST" and FIND_BUTTON in request.form
    if not finding and form.validate_on_submit():
        try:
            decision = service.log_decision(
                db.session,
                viewer(),
                forum,
                _draft(form),
                submission_token=form.submission_token.data,
                answer=_answer(form),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            if form.answer_status.data:
                flash(
                    _(
                        "The decision is in the log. The points you ticked that were waiting "
                        "have the answer, and the members are told."
                    ),
                    "success",
                )
            else:
                flash(_("The decision is in the log."), "success")
            return redirect(url_for(".show", decision_id=decision.id), code=303)
    form.fill_token()
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "decisions/new.html",
        forum=forum,
        form=form,
        sections=sections_for(forum),
        find=find,
        find_meetings=service.meetings_to_find_by(db.session, forum),
        find_statuses=FIND_STATUSES,
    ), status


# "Show these points" sends the whole form (nothing typed is lost) and only lists again.
FIND_BUTTON = "find_points"
FIND_STATUSES = (
    ("", _l("Waiting or answered")),
    (service.WAITING, _l("Still waiting for a final answer")),
    (service.ANSWERED, _l("Already answered")),
)


def _point_filter(form: DecisionForm) -> service.PointFilter:
    """The filter from the posted form (or the address, to link to a filtered form)."""
    source = request.form if request.method == "POST" else request.args
    status = source.get("find_status", "")
    keep = tuple(i for i in (id_or_none(v) for v in source.getlist("contributions")) if i)
    return service.PointFilter(
        meeting_id=id_or_none(source.get("find_meeting")),
        status=status if status in {s for s, _ in FIND_STATUSES} else "",
        words=clean_text(source.get("find_words", ""))[:100],
        keep=keep,
    )


def _outcome_label(item) -> str:
    outcome = f" ({item.what_was_decided[:80]})" if item.what_was_decided else ""
    return f"{item.meeting.title}: {item.title}{outcome}"


def _answer(form: DecisionForm) -> service.AnswerWithDecision | None:
    if not form.answer_status.data:
        return None
    return service.AnswerWithDecision(
        status=Status(form.answer_status.data),
        answer=form.answer_text.data or "",
        reason=form.answer_reason.data or "",
        what_changed=form.answer_what_changed.data or "",
    )


def _draft(form: DecisionForm) -> service.DecisionDraft:
    return service.DecisionDraft(
        title=form.title.data,
        details=form.details.data or "",
        decided_by=DecisionMaker(form.decided_by.data),
        decided_by_name=form.decided_by_name.data or "",
        decided_on=form.decided_on.data,
        stage=CycleStage(form.stage.data),
        contribution_ids=tuple(form.contributions.data or ()),
        agenda_item_ids=tuple(form.agenda_items.data or ()),
        other_input=form.other_input.data or "",
    )


@bp.get("/decisions/<int:decision_id>")
def show(decision_id: int):
    decision = service.get_decision(db.session, viewer(), decision_id)
    return render(
        "decisions/show.html",
        decision=decision,
        forum=decision.forum,
        trail=service.trail(db.session, viewer(), decision),
        shown_agenda_items=visibility.shown_agenda_items(viewer(), decision.agenda_items),
        sections=sections_for(decision.forum),
    )
