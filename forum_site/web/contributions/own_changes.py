"""A member changing their own point: new words until the first answer, or withdrawing it
at any time. Both keep what it said (append-only) and tell the people who heard about it."""

from __future__ import annotations

from flask import abort, request
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.services.contributions import corrections, reading
from forum_site.services.errors import DomainError
from forum_site.web.contributions.blueprint import bp
from forum_site.web.contributions.forms import ChangeMineForm, WithdrawMineForm
from forum_site.web.contributions.put_right import done, show_withdraw_error
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import render, show_error, viewer


def _own_point(contribution_id: int):
    contribution = reading.get_contribution(db.session, viewer(), contribution_id)
    if not corrections.is_author(viewer(), contribution):
        abort(404)
    return contribution


@bp.route("/contributions/<int:contribution_id>/change", methods=["GET", "POST"])
@login_required
def change_mine(contribution_id: int):
    contribution = _own_point(contribution_id)
    change_form = ChangeMineForm()
    if request.method == "GET":
        change_form.text.data = contribution.text
    elif change_form.validate():
        try:
            corrections.edit_own(
                db.session,
                viewer(),
                contribution,
                text=change_form.text.data,
                reason=change_form.reason.data or "",
            )
        except DomainError as error:
            show_error(change_form, error)
        else:
            return done(contribution, _("Your point now has the new words. The old ones are kept."))
    return _page(contribution, change_form, WithdrawMineForm(formdata=None))


@bp.post("/contributions/<int:contribution_id>/withdraw-mine")
@login_required
def withdraw_mine(contribution_id: int):
    contribution = _own_point(contribution_id)
    withdraw_form = WithdrawMineForm()
    if withdraw_form.validate():
        try:
            corrections.withdraw(
                db.session, viewer(), contribution, reason=withdraw_form.withdraw_reason.data or ""
            )
        except DomainError as error:
            show_withdraw_error(withdraw_form, error)
        else:
            return done(
                contribution,
                _(
                    "You withdrew your point. It is no longer in the forum's lists or counts. "
                    "The record keeps it as withdrawn."
                ),
            )
    change_form = ChangeMineForm(formdata=None, data={"text": contribution.text})
    return _page(contribution, change_form, withdraw_form)


def _page(contribution, change_form, withdraw_form):
    failed = change_form.errors or change_form.form_errors or withdraw_form.errors
    html = render(
        "contributions/change_mine.html",
        forum=contribution.forum,
        contribution=contribution,
        change_form=change_form,
        withdraw_form=withdraw_form,
        may_edit=corrections.can_edit(viewer(), contribution),
        earlier=corrections.earlier_wordings(db.session, viewer(), contribution),
        sections=sections_for(contribution.forum),
    )
    return html, 400 if failed else 200
