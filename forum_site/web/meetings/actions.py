"""After the debrief: marking an action done, changing it (with a reason) or dropping it
(with a reason). Each step is kept and shown on the meeting page."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.services import meetings as service
from forum_site.services.errors import DomainError
from forum_site.services.meetings import actions
from forum_site.web.forums.panels import sections_for
from forum_site.web.meetings import forms
from forum_site.web.meetings.blueprint import bp
from forum_site.web.meetings.views import load
from forum_site.web.responses import commit, render, show_error, viewer

ROUTE = "/meetings/<int:meeting_id>/debrief/actions/<int:action_id>"


def _action(meeting_id: int, action_id: int):
    meeting = load(meeting_id)
    service.require_editor(viewer(), meeting.forum_id)
    return meeting, actions.get_action(db.session, meeting, action_id)


@bp.post(ROUTE + "/done")
@login_required
def action_done(meeting_id: int, action_id: int):
    meeting, action = _action(meeting_id, action_id)
    if forms.ButtonForm().validate_on_submit():
        try:
            actions.mark_done(db.session, viewer(), action)
        except DomainError as error:
            flash(error.message, "error")
        else:
            commit()
            flash(_("The action is marked done. Members can see it."), "success")
    return _back(meeting)


@bp.route(ROUTE, methods=["GET", "POST"])
@login_required
def change_action(meeting_id: int, action_id: int):
    meeting, action = _action(meeting_id, action_id)
    edit_form = forms.ActionEditForm()
    if request.method == "GET":
        edit_form.who.data, edit_form.what.data = action.who, action.what
        edit_form.by_when.data = action.by_when.isoformat() if action.by_when else ""
    elif edit_form.validate():
        by_when = forms.parse_date(edit_form.by_when.data) if edit_form.by_when.data else None
        try:
            actions.edit(
                db.session,
                viewer(),
                action,
                who=edit_form.who.data,
                what=edit_form.what.data,
                by_when=by_when,
                reason=edit_form.reason.data,
            )
        except DomainError as error:
            show_error(edit_form, error)
        else:
            commit()
            flash(_("The action is changed. What it said before is kept."), "success")
            return _back(meeting)
    return _page(meeting, action, edit_form, forms.ActionDropForm(formdata=None))


@bp.post(ROUTE + "/drop")
@login_required
def drop_action(meeting_id: int, action_id: int):
    meeting, action = _action(meeting_id, action_id)
    drop_form = forms.ActionDropForm()
    if drop_form.validate():
        try:
            actions.drop(db.session, viewer(), action, reason=drop_form.drop_reason.data)
        except DomainError as error:
            field = "drop_reason" if error.field == "reason" else error.field
            show_error(drop_form, DomainError(error.message, field=field))
        else:
            commit()
            flash(_("The action is dropped. Members can see why."), "success")
            return _back(meeting)
    edit_form = forms.ActionEditForm(formdata=None)
    edit_form.who.data, edit_form.what.data = action.who, action.what
    return _page(meeting, action, edit_form, drop_form)


def _back(meeting):
    return redirect(
        url_for("meetings.debrief_page", meeting_id=meeting.id, _anchor="actions"), code=303
    )


def _page(meeting, action, edit_form, drop_form):
    failed = edit_form.errors or edit_form.form_errors or drop_form.errors
    return render(
        "meetings/change_action.html",
        meeting=meeting,
        forum=meeting.forum,
        action=action,
        edit_form=edit_form,
        drop_form=drop_form,
        sections=sections_for(meeting.forum),
    ), 400 if failed else 200
