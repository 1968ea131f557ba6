"""The convenor's side: the preparation workspace before the meeting and the debrief
after it."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.services import meetings as service
from forum_site.services.errors import DomainError
from forum_site.services.meetings import debrief, prep
from forum_site.web.forums.panels import sections_for
from forum_site.web.meetings import forms
from forum_site.web.meetings.blueprint import bp
from forum_site.web.meetings.views import load
from forum_site.web.panels import meeting_panels
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.validation import id_or_none


def _prep_page(meeting, task_form=None, status=200):
    return render(
        "meetings/prep.html",
        meeting=meeting,
        forum=meeting.forum,
        workspace=prep.workspace(db.session, viewer(), meeting),
        task_form=task_form or forms.TaskForm(formdata=None),
        button_form=forms.ButtonForm(formdata=None),
        panels=meeting_panels.render_for(meeting, viewer()),
        sections=sections_for(meeting.forum),
    ), status


@bp.get("/meetings/<int:meeting_id>/prepare")
@login_required
def prepare(meeting_id: int):
    return _prep_page(load(meeting_id))


@bp.post("/meetings/<int:meeting_id>/prepare/tasks")
@login_required
def add_task(meeting_id: int):
    meeting = load(meeting_id)
    form = forms.TaskForm()
    if form.validate_on_submit():
        try:
            prep.add_task(db.session, viewer(), meeting, form.label.data)
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            return redirect(url_for("meetings.prepare", meeting_id=meeting.id), code=303)
    return _prep_page(meeting, form, 400)


@bp.post("/meetings/<int:meeting_id>/prepare/tasks/<int:task_id>")
@login_required
def tick_task(meeting_id: int, task_id: int):
    meeting = load(meeting_id)
    if forms.ButtonForm().validate_on_submit():
        done = request.form.get("done") == "1"
        prep.set_task_done(db.session, viewer(), meeting, task_id, done)
        commit()
    return redirect(
        url_for("meetings.prepare", meeting_id=meeting.id, _anchor="checklist"), code=303
    )


# --- debrief ---------------------------------------------------------------------------


def _agenda_choices(action_form, meeting) -> None:
    """The same options on the page and when the form comes back (so they are checked)."""
    action_form.agenda_item_id.choices = [SelectChoice("", _("Not about one item"))] + [
        SelectChoice(str(i.id), i.title) for i in meeting.agenda_items
    ]


def _debrief_page(meeting, form, action_form=None, typed=None, status=200):
    service.require_editor(viewer(), meeting.forum_id)
    if action_form is None:
        action_form = forms.ActionForm(formdata=None)
    _agenda_choices(action_form, meeting)
    return render(
        "meetings/debrief.html",
        meeting=meeting,
        forum=meeting.forum,
        form=form,
        action_form=action_form,
        typed=typed or {},
        has_started=debrief.has_started(meeting),
        sections=sections_for(meeting.forum),
    ), status


def _typed_items(meeting) -> dict[int, debrief.ItemDebrief]:
    return {
        item.id: debrief.ItemDebrief(
            request.form.get(f"happened-{item.id}", ""), request.form.get(f"decided-{item.id}", "")
        )
        for item in meeting.agenda_items
    }


@bp.route("/meetings/<int:meeting_id>/debrief", methods=["GET", "POST"])
@login_required
def debrief_page(meeting_id: int):
    meeting = load(meeting_id)
    form = forms.DebriefForm()
    if form.validate_on_submit():
        items = _typed_items(meeting)
        try:
            debrief.save_debrief(
                db.session,
                viewer(),
                meeting,
                items=items,
                attended_count=form.attended_count.data,
                attendance_notes=form.attendance_notes.data or "",
                summary=form.summary.data or "",
                publish=form.publish.data,
            )
        except DomainError as error:
            db.session.rollback()
            show_error(form, error)
            return _debrief_page(load(meeting_id), form, typed=items, status=400)
        commit()
        flash(_("The debrief is saved."), "success")
        return redirect(url_for("meetings.debrief_page", meeting_id=meeting.id), code=303)
    if not form.is_submitted():
        form.attended_count.data = meeting.attended_count
        form.attendance_notes.data = meeting.attendance_notes
        form.summary.data = meeting.debrief_summary
        form.publish.data = meeting.debrief_published_at is not None
    typed = _typed_items(meeting) if form.is_submitted() else None
    return _debrief_page(meeting, form, typed=typed, status=400 if form.errors else 200)


@bp.post("/meetings/<int:meeting_id>/debrief/actions")
@login_required
def add_action(meeting_id: int):
    meeting = load(meeting_id)
    form = forms.ActionForm()
    _agenda_choices(form, meeting)
    if form.validate_on_submit():
        item = form.agenda_item_id.data
        try:
            debrief.add_action(
                db.session,
                viewer(),
                meeting,
                who=form.who.data,
                what=form.what.data,
                by_when=forms.parse_date(form.by_when.data) if form.by_when.data else None,
                agenda_item_id=id_or_none(item),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("Action added."), "success")
            return redirect(
                url_for("meetings.debrief_page", meeting_id=meeting.id, _anchor="actions"), code=303
            )
    return _debrief_page(meeting, _debrief_form(meeting), action_form=form, status=400)


def _debrief_form(meeting) -> forms.DebriefForm:
    form = forms.DebriefForm(formdata=None)
    form.attended_count.data = meeting.attended_count
    form.attendance_notes.data = meeting.attendance_notes
    form.summary.data = meeting.debrief_summary
    form.publish.data = meeting.debrief_published_at is not None
    return form
