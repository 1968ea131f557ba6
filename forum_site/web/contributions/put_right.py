"""A convenor putting a point right: correcting the words they typed in for someone, or
withdrawing it. Both keep what it said and why, and tell everyone who heard about it."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.services.contributions import corrections, reading
from forum_site.services.errors import DomainError
from forum_site.web.contributions.blueprint import bp
from forum_site.web.contributions.forms import PutRightForm, WithdrawForm
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import commit, render, show_error, viewer


def _point(contribution_id: int):
    contribution = reading.get_contribution(db.session, viewer(), contribution_id)
    if not viewer().convenes(contribution.forum_id):
        abort(404)
    return contribution


@bp.route("/contributions/<int:contribution_id>/put-right", methods=["GET", "POST"])
@login_required
def put_right(contribution_id: int):
    contribution = _point(contribution_id)
    correct_form = PutRightForm()
    withdraw_form = WithdrawForm(formdata=None)
    if request.method == "GET":
        correct_form.text.data = contribution.text
    elif correct_form.validate():
        try:
            corrections.correct(
                db.session,
                viewer(),
                contribution,
                text=correct_form.text.data,
                reason=correct_form.reason.data,
            )
        except DomainError as error:
            show_error(correct_form, error)
        else:
            return done(contribution, _("The point is corrected. Everyone told about it hears."))
    return _page(contribution, correct_form, withdraw_form)


@bp.post("/contributions/<int:contribution_id>/withdraw")
@login_required
def withdraw(contribution_id: int):
    contribution = _point(contribution_id)
    withdraw_form = WithdrawForm()
    if withdraw_form.validate():
        try:
            corrections.withdraw(
                db.session, viewer(), contribution, reason=withdraw_form.withdraw_reason.data
            )
        except DomainError as error:
            show_withdraw_error(withdraw_form, error)
        else:
            return done(contribution, _("The point is withdrawn. Everyone told about it hears."))
    correct_form = PutRightForm(formdata=None, data={"text": contribution.text})
    return _page(contribution, correct_form, withdraw_form)


def done(contribution, message: str):
    """Saved: back to the point, with the message (a member's own changes use it too)."""
    commit()
    flash(message, "success")
    return redirect(url_for(".show", contribution_id=contribution.id), code=303)


def show_withdraw_error(withdraw_form, error: DomainError) -> None:
    """The service names its field "reason"; on these pages it is "withdraw_reason"."""
    field = "withdraw_reason" if error.field == "reason" else error.field
    show_error(withdraw_form, DomainError(error.message, field=field))


def _page(contribution, correct_form, withdraw_form):
    failed = correct_form.errors or withdraw_form.errors
    html = render(
        "contributions/put_right.html",
        forum=contribution.forum,
        contribution=contribution,
        correct_form=correct_form,
        withdraw_form=withdraw_form,
        may_correct=corrections.can_correct(viewer(), contribution),
        sections=sections_for(contribution.forum),
    )
    return html, 400 if failed else 200
