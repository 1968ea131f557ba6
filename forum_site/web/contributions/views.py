"""Contribution pages: having your say, recording for someone, "me too", answering."""

from __future__ import annotations

from flask import Response, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.models import Decision, Source, Visibility
from forum_site.services import contributions as service
from forum_site.services import forums
from forum_site.services.contributions import answers, corrections, reading
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.web import pagination, resume
from forum_site.web.accounts.forms import SignInForm
from forum_site.web.contributions import exports
from forum_site.web.contributions import wording as helpers
from forum_site.web.contributions.blueprint import bp
from forum_site.web.contributions.forms import (
    AnswerForm,
    ContributeForm,
    CorrectionForm,
    RecordForm,
    SupportForm,
)
from forum_site.web.easy_read.steps import CONTRIBUTION_STEPS, FormSteps
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import (
    commit,
    render,
    safe_next,
    show_error,
    site_url,
    viewer,
)
from forum_site.web.validation import id_or_none


@bp.route("/forums/<slug>/contributions", methods=["GET", "POST"])
def forum_contributions(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    form = ContributeForm()
    if request.method == "POST":
        saved = _contribute(forum, form)
        if saved is not None:
            return saved
    form.fill_token()
    target_name = _prefill_target(forum, form)
    lists = reading.forum_contributions_page(db.session, viewer(), forum, pagination.cursor())
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "contributions/forum.html",
        block="contributions_page" if pagination.wants_more() else None,
        forum=forum,
        form=form,
        contributions=lists.contributions,
        waiting=lists.waiting,
        target_name=target_name,
        sections=sections_for(forum),
    ), status


def _prefill_target(forum, form: ContributeForm) -> str:
    """Links from meeting, agenda, budget and briefing pages say what it is about."""
    if request.method == "GET":
        form.meeting_id.data = id_or_none(request.args.get("meeting"))
        form.agenda_item_id.data = id_or_none(request.args.get("agenda_item"))
        form.budget_line_id.data = id_or_none(request.args.get("budget_line"))
        form.briefing_id.data = id_or_none(request.args.get("briefing"))
    try:
        return service.describe_target(db.session, forum, _target(form))
    except DomainError:
        for name in ("meeting_id", "agenda_item_id", "budget_line_id", "briefing_id"):
            form[name].data = None
        return ""


def _target(form: ContributeForm) -> service.Target:
    return service.Target(
        form.meeting_id.data,
        form.agenda_item_id.data,
        form.budget_line_id.data,
        form.briefing_id.data,
    )


def _contribute(forum, form: ContributeForm):
    """Save a member's contribution, or leave the errors on the form."""
    if not viewer().signed_in:
        if form.text.data:  # signed out while writing: keep the words through signing in
            return resume.sign_in_to_send(SignInForm(formdata=None))
        return redirect(url_for("accounts.sign_in", next=request.full_path.rstrip("?")))
    if not FormSteps(form, CONTRIBUTION_STEPS, enabled=g.prefs.easy_read).finished():
        return None  # easy read shows one question at a time (web/easy_read/steps.py)
    try:
        contribution = service.contribute(
            db.session,
            viewer(),
            forum,
            text=form.text.data,
            visibility=Visibility(form.visibility.data),
            topic=form.topic.data or "",
            target=_target(form),
            submission_token=form.submission_token.data or None,
        )
    except DomainError as error:
        if error.field is None and not viewer().is_member(forum.id):
            raise
        show_error(form, error)
        return None
    commit()
    flash(_("Thank you. What you said is saved and the commissioners will answer."), "success")
    default = url_for(".show", contribution_id=contribution.id)
    # To the "Thank you" notice, which takes focus, wherever on the page the form was.
    return redirect(safe_next(form.next.data, default).split("#")[0] + "#notices", code=303)


@bp.route("/forums/<slug>/contributions/record", methods=["GET", "POST"])
@login_required
def record(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if not viewer().convenes(forum.id):
        raise NotAllowed(_("Only the forum's convenors can record what someone else said."))
    form = RecordForm()
    people = service.members_for_recording(db.session, forum)
    form.member.choices = [SelectChoice(0, _("The whole group"))] + [
        SelectChoice(u.id, u.display_name) for u in people
    ]
    if form.validate_on_submit():
        try:
            contribution = service.record_for_member(
                db.session,
                viewer(),
                forum,
                text=form.text.data,
                member_id=form.member.data or None,
                source=Source(form.source.data),
                consent_given=form.consent_given.data,
                visibility=Visibility(form.visibility.data),
                topic=form.topic.data or "",
                submission_token=form.submission_token.data or None,
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("Saved. It is now on the forum's list of contributions."), "success")
            return redirect(url_for(".show", contribution_id=contribution.id), code=303)
    form.fill_token()
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "contributions/record.html", forum=forum, form=form, sections=sections_for(forum)
    ), status


@bp.get("/contributions/<int:contribution_id>")
def show(contribution_id: int):
    return _show_page(reading.get_contribution(db.session, viewer(), contribution_id))


def _show_page(
    contribution, answer_form=None, correction_form=None, block=None, status=200, announce=""
):
    (view,) = reading.views_for(db.session, viewer(), [contribution], None)
    entries = answers.timeline(db.session, contribution)
    may_answer = answers.can_answer(viewer(), contribution) and contribution.withdrawn_at is None
    decisions = _forum_decisions(contribution.forum_id) if may_answer else []
    answer_form = answer_form or AnswerForm(formdata=None)
    answer_form.set_choices(answers.next_steps(contribution), decisions)
    answer_form.fill_token()
    correction_form = correction_form or CorrectionForm(formdata=None, prefix="correction")
    correction_form.set_choices(answers.CORRECTABLE_TO, decisions)
    correction_form.corrects.choices = [
        SelectChoice(
            e.id, _("Answer %(n)s: %(status)s", n=n, status=helpers.status_label(e.status))
        )
        for n, e in enumerate(entries, start=1)
    ]
    correction_form.fill_token()
    html = render(
        "contributions/show.html",
        block=block,
        forum=contribution.forum,
        view=view,
        contribution=contribution,
        entries=entries,
        may_answer=may_answer,
        answer_form=answer_form,
        correction_form=correction_form,
        support_form=SupportForm(),
        sections=sections_for(contribution.forum),
        announce=announce,
        viewer_convenes=viewer().convenes(contribution.forum_id),
        may_change_mine=corrections.is_author(viewer(), contribution)
        and contribution.withdrawn_at is None,
        earlier=corrections.earlier_wordings(db.session, viewer(), contribution),
    )
    return html, status


def _forum_decisions(forum_id: int) -> list[Decision]:
    return list(
        db.session.scalars(
            select(Decision).where(Decision.forum_id == forum_id).order_by(Decision.id.desc())
        )
    )


@bp.post("/contributions/<int:contribution_id>/support")
@login_required
def support(contribution_id: int):
    contribution = reading.get_contribution(db.session, viewer(), contribution_id)
    form = SupportForm()
    if form.validate_on_submit():
        try:
            if request.form.get("action") == "withdraw":
                service.withdraw_support(db.session, viewer(), contribution)
                message = _("You no longer support this point.")
            else:
                service.support(db.session, viewer(), contribution)
                message = _("You said \u201cme too\u201d. It now counts for you as well.")
        except DomainError as error:
            flash(error.message, "error")
        else:
            commit()
            if request.htmx:
                return _show_page(contribution, block="support")
            flash(message, "success")
    return redirect(url_for(".show", contribution_id=contribution.id), code=303)


@bp.post("/contributions/<int:contribution_id>/answers")
@login_required
def answer(contribution_id: int):
    return _answer(contribution_id, AnswerForm())


@bp.post("/contributions/<int:contribution_id>/corrections")
@login_required
def correct(contribution_id: int):
    return _answer(contribution_id, CorrectionForm(prefix="correction"), correcting=True)


def _answer(contribution_id: int, form: AnswerForm, correcting: bool = False):
    contribution = reading.get_contribution(db.session, viewer(), contribution_id)
    if not answers.can_answer(viewer(), contribution):
        raise NotAllowed(_("Only commissioners who work with this forum can answer here."))
    form.status.choices = [SelectChoice(s.value, s.value) for s in answers.CORRECTABLE_TO]
    form.decision.choices = []
    if correcting:
        form.corrects.choices = []
    if form.validate_on_submit():
        try:
            answers.answer_contribution(
                db.session,
                viewer(),
                contribution,
                status=form.status.data,
                answer=form.answer.data,
                reason=form.reason.data or "",
                what_changed=form.what_changed.data or "",
                decision_id=form.decision.data or None,
                corrects_id=form.corrects.data if correcting else None,
                correction_reason=form.correction_reason.data if correcting else "",
                submission_token=form.submission_token.data or None,
                site_url=site_url(),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("Your answer is saved. The member has been told."), "success")
            shown = url_for(".show", contribution_id=contribution.id)
            if request.htmx:
                # The whole page again, as without JavaScript: its status at the top changed
                # too, and the notice that takes focus says what happened.
                return Response("", headers={"HX-Redirect": shown})
            return redirect(shown, code=303)
    forms_in_use = {"correction_form": form} if correcting else {"answer_form": form}
    return _show_page(
        contribution, block="answering", status=200 if request.htmx else 400, **forms_in_use
    )


@bp.get("/forums/<slug>/contributions.csv")
@login_required
def export(slug: str):
    """A spreadsheet for convenors and commissioners, with names only where they may see them."""
    forum = forums.get_forum(db.session, viewer(), slug)
    if not (viewer().convenes(forum.id) or viewer().commissions(forum.id)):
        raise NotAllowed(_("Only convenors and commissioners can download this list."))
    listing = reading.forum_contributions(db.session, viewer(), forum)
    body = exports.contributions_csv(listing)
    headers = {"Content-Disposition": f'attachment; filename="contributions-{forum.slug}.csv"'}
    return Response(body, mimetype="text/csv", headers=headers)


@bp.get("/contributions/waiting")
@login_required
def waiting():
    """Commissioners' list: contributions past their response time in forums they serve."""
    forum_ids = sorted(viewer().commissioned_forum_ids)
    listing = reading.waiting_too_long_page(db.session, viewer(), forum_ids, pagination.cursor())
    block = "waiting_page" if pagination.wants_more() else None
    return render("contributions/waiting.html", block=block, waiting=listing)
