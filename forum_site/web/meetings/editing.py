"""Convenors and linked commissioners: set up, edit, publish, cancel and move meetings,
and build the agenda and the "not up for discussion" list (inline with htmx, or as
ordinary form posts)."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.models.meetings import AccessAnswer, CycleStage, InfluenceLevel
from forum_site.services import forums
from forum_site.services import meetings as service
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.meetings import agenda, changes
from forum_site.web.forums.panels import sections_for
from forum_site.web.meetings import forms
from forum_site.web.meetings.blueprint import bp
from forum_site.web.meetings.views import load, page_context
from forum_site.web.responses import commit, render, show_error, site_url, viewer


def _details(form: forms.MeetingForm) -> service.MeetingDetails:
    starts_at, ends_at = form.times()
    values = {name: getattr(form, name).data for name in _TEXT_FIELDS}
    values.update({name: getattr(form, name).data for name in _FLAGS})
    values.update({name: AccessAnswer(getattr(form, name).data or "not_known") for name in _ACCESS})
    stage = form.cycle_stage.data
    return service.MeetingDetails(
        starts_at=starts_at,
        ends_at=ends_at,
        cycle_stage=CycleStage(stage) if stage else None,
        **{k: v or ("" if k in _TEXT_FIELDS else v) for k, v in values.items()},
    )


_TEXT_FIELDS = [
    "title",
    "venue_name",
    "venue_address",
    "joining_details",
    "access_notes",
    "public_transport",
    "on_arrival",
    "contact_on_the_day",
    "purpose",
    "outside_pressures",
    "payment_details",
    "how_to_claim",
]
_FLAGS = ["everything_open", "paid_for_time", "expenses_travel", "expenses_lunch", "expenses_carer"]
_ACCESS = ["step_free", "hearing_loop", "accessible_toilet", "quiet_room", "parking"]


def _fill(form: forms.MeetingForm, meeting) -> None:
    for name in _TEXT_FIELDS + _FLAGS:
        getattr(form, name).data = getattr(meeting, name)
    for name in _ACCESS:
        getattr(form, name).data = getattr(meeting, name).value
    form.cycle_stage.data = meeting.cycle_stage.value if meeting.cycle_stage else ""
    form.fill_times(meeting.starts_at, meeting.ends_at)


def _edit_page(forum, form, meeting=None, status=200):
    return render(
        "meetings/edit.html", forum=forum, form=form, meeting=meeting, sections=sections_for(forum)
    ), status


@bp.route("/forums/<slug>/meetings/new", methods=["GET", "POST"])
@login_required
def new(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    service.require_editor(viewer(), forum.id)
    form = forms.MeetingForm()
    if form.validate_on_submit():
        try:
            meeting = service.create_meeting(db.session, viewer(), forum, _details(form))
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("The meeting is saved as a draft. Add the agenda, then publish it."), "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id), code=303)
    return _edit_page(forum, form, status=400 if form.errors else 200)


@bp.route("/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def edit(meeting_id: int):
    meeting = load(meeting_id)
    service.require_editor(viewer(), meeting.forum_id)
    form = forms.MeetingForm()
    if form.validate_on_submit():
        try:
            service.update_meeting(db.session, viewer(), meeting, _details(form))
        except DomainError as error:
            show_error(form, error)
        else:
            _commit_change(meeting)
            flash(_("Your changes are saved."), "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id), code=303)
    elif not form.is_submitted():
        _fill(form, meeting)
    return _edit_page(meeting.forum, form, meeting, status=400 if form.errors else 200)


@bp.post("/meetings/<int:meeting_id>/publish")
@login_required
def publish(meeting_id: int):
    meeting = load(meeting_id)
    if forms.ButtonForm().validate_on_submit():
        try:
            service.publish_meeting(db.session, viewer(), meeting)
        except service.PublishRefused as refused:
            flash(_("The meeting is not published yet. Fix the things listed first."), "error")
            return render("meetings/show.html", **page_context(meeting, refused=refused)), 400
        commit()
        flash(_("The meeting is published. Members can now see it and reply."), "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id), code=303)


def _commit_change(meeting) -> None:
    """Save a change to the meeting; if a person checked its easy read, tell them (DN-08)."""
    from forum_site.web.meetings.easy_read import tell_checker

    tell_checker(meeting)
    commit()


# --- agenda items ----------------------------------------------------------------------


def _agenda_details(form: forms.AgendaItemForm) -> agenda.AgendaDetails:
    level = form.influence.data
    return agenda.AgendaDetails(
        title=form.title.data or "",
        influence=InfluenceLevel(level) if level in set(InfluenceLevel) else None,
        what_we_want=form.what_we_want.data or "",
        influence_explanation=form.influence_explanation.data or "",
        decision_maker=form.decision_maker.data or "",
        decision_when=form.decision_when.data or "",
    )


def _agenda_response(meeting, form=None, announce="", moved=None):
    """The agenda block for htmx, or the page (with the form's errors) without it.

    ``moved`` is (item id, direction) after a move: focus goes back to that item's same
    button (or its heading when it can go no further), so the next press moves it again."""
    context = page_context(meeting, agenda_form=form or forms.AgendaItemForm(formdata=None))
    context["agenda_announce"] = announce
    context["agenda_moved"] = moved
    status = 400 if form is not None and form.errors else 200
    return render("meetings/show.html", block="agenda_block", **context), status


@bp.post("/meetings/<int:meeting_id>/agenda")
@login_required
def add_agenda_item(meeting_id: int):
    meeting = load(meeting_id)
    service.require_editor(viewer(), meeting.forum_id)
    form = forms.AgendaItemForm()
    if form.validate_on_submit():
        try:
            agenda.add_agenda_item(db.session, viewer(), meeting, _agenda_details(form))
        except DomainError as error:
            show_error(form, error)
        else:
            _commit_change(meeting)
            return _after_agenda_change(meeting, _("Agenda item added."))
    return _agenda_response(meeting, form)


def _after_agenda_change(meeting, message: str, moved=None):
    if request.htmx:
        return _agenda_response(load(meeting.id), announce=message, moved=moved)
    flash(message, "success")
    anchor = f"item-{moved[0]}" if moved else "agenda"
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor=anchor), code=303)


@bp.route("/meetings/<int:meeting_id>/agenda/<int:item_id>", methods=["GET", "POST"])
@login_required
def edit_agenda_item(meeting_id: int, item_id: int):
    meeting = load(meeting_id)
    service.require_editor(viewer(), meeting.forum_id)
    item = agenda.get_agenda_item(meeting, item_id)
    form = forms.AgendaItemForm(obj=item)
    if form.validate_on_submit():
        try:
            agenda.update_agenda_item(db.session, viewer(), item, _agenda_details(form))
        except DomainError as error:
            show_error(form, error)
        else:
            _commit_change(meeting)
            return _after_agenda_change(meeting, _("Agenda item saved."))
    elif not form.is_submitted():
        form.influence.data = item.influence.value
    context = {"meeting": meeting, "item": item, "form": form, "forum": meeting.forum}
    status = 400 if form.errors else 200
    return render(
        "meetings/agenda_item_edit.html", sections=sections_for(meeting.forum), **context
    ), status


@bp.post("/meetings/<int:meeting_id>/agenda/<int:item_id>/remove")
@login_required
def remove_agenda_item(meeting_id: int, item_id: int):
    meeting = load(meeting_id)
    item = agenda.get_agenda_item(meeting, item_id)
    if forms.ButtonForm().validate_on_submit():
        agenda.remove_agenda_item(db.session, viewer(), item)
        _commit_change(meeting)
    return _after_agenda_change(meeting, _("Agenda item removed."))


@bp.post("/meetings/<int:meeting_id>/agenda/<int:item_id>/put-back")
@login_required
def put_back_agenda_item(meeting_id: int, item_id: int):
    meeting = load(meeting_id)
    if forms.ButtonForm().validate_on_submit():
        agenda.put_back_agenda_item(db.session, viewer(), meeting, item_id)
        _commit_change(meeting)
    return _after_agenda_change(meeting, _("The agenda item is back on the agenda."))


@bp.post("/meetings/<int:meeting_id>/agenda/<int:item_id>/move/<any(up,down):direction>")
@login_required
def move_agenda_item(meeting_id: int, item_id: int, direction: str):
    meeting = load(meeting_id)
    item = agenda.get_agenda_item(meeting, item_id)
    if forms.ButtonForm().validate_on_submit():
        agenda.move_agenda_item(db.session, viewer(), item, direction)
        _commit_change(meeting)
    said = _("Moved up.") if direction == "up" else _("Moved down.")
    return _after_agenda_change(meeting, said, moved=(item.id, direction))


# --- not up for discussion -------------------------------------------------------------


@bp.post("/meetings/<int:meeting_id>/closed")
@login_required
def add_closed_topic(meeting_id: int):
    meeting = load(meeting_id)
    service.require_editor(viewer(), meeting.forum_id)
    form = forms.ClosedTopicForm()
    if form.validate_on_submit():
        try:
            agenda.add_closed_topic(
                db.session, viewer(), meeting, topic=form.topic.data, reason=form.reason.data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            _commit_change(meeting)
            flash(_("Added to the list of things not up for discussion."), "success")
            return redirect(
                url_for("meetings.show", meeting_id=meeting.id, _anchor="closed"), code=303
            )
    return render("meetings/show.html", **page_context(meeting, closed_form=form)), 400


@bp.post("/meetings/<int:meeting_id>/closed/<int:topic_id>/remove")
@login_required
def remove_closed_topic(meeting_id: int, topic_id: int):
    meeting = load(meeting_id)
    if forms.ButtonForm().validate_on_submit():
        agenda.remove_closed_topic(db.session, viewer(), meeting, topic_id)
        _commit_change(meeting)
        flash(_("Removed."), "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor="closed"), code=303)


# --- cancel and move -------------------------------------------------------------------


def _change_page(meeting, form, template: str, status: int = 200):
    if not service.can_edit(viewer(), meeting.forum_id):
        raise NotAllowed("Only the forum's convenors and its commissioners can change meetings.")
    return render(
        template,
        meeting=meeting,
        forum=meeting.forum,
        form=form,
        sections=sections_for(meeting.forum),
    ), status


@bp.route("/meetings/<int:meeting_id>/cancel", methods=["GET", "POST"])
@login_required
def cancel(meeting_id: int):
    meeting = load(meeting_id)
    form = forms.ReasonForm()
    if form.validate_on_submit():
        try:
            change = changes.cancel_meeting(
                db.session, viewer(), meeting, reason=form.reason.data, site_url=site_url()
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(
                _("The meeting is cancelled. We told %(n)s people.", n=change.people_told),
                "success",
            )
            return redirect(url_for("meetings.show", meeting_id=meeting.id), code=303)
    return _change_page(meeting, form, "meetings/cancel.html", 400 if form.errors else 200)


@bp.route("/meetings/<int:meeting_id>/move", methods=["GET", "POST"])
@login_required
def move(meeting_id: int):
    meeting = load(meeting_id)
    form = forms.MoveForm()
    if form.validate_on_submit():
        starts_at, ends_at = form.times()
        try:
            change = changes.move_meeting(
                db.session,
                viewer(),
                meeting,
                starts_at=starts_at,
                ends_at=ends_at,
                reason=form.reason.data,
                venue_name=form.venue_name.data or "",
                venue_address=form.venue_address.data or "",
                site_url=site_url(),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            _commit_change(meeting)
            flash(_("The meeting is moved. We told %(n)s people.", n=change.people_told), "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id), code=303)
    elif not form.is_submitted():
        form.fill_times(meeting.starts_at, meeting.ends_at)
        form.venue_name.data, form.venue_address.data = meeting.venue_name, meeting.venue_address
    return _change_page(meeting, form, "meetings/move.html", 400 if form.errors else 200)
