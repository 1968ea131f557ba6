"""Meeting pages for everyone: the forum's meeting list, one meeting, calendar files.

Editing lives in editing.py, members' replies and questions in taking_part.py, and the
convenor's preparation and debrief in after.py; all register on this blueprint.
"""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.dates import day_and_date
from forum_site.extensions import db
from forum_site.models.meetings import Meeting, MeetingStatus
from forum_site.services import forums
from forum_site.services import meetings as meeting_service
from forum_site.services.errors import NotFound
from forum_site.services.meetings import calendar, debrief, replies
from forum_site.text import render_markdown
from forum_site.web import pagination
from forum_site.web.formatting import clock
from forum_site.web.forums.panels import forum_panel, sections_for
from forum_site.web.meetings import forms, labels
from forum_site.web.meetings.blueprint import bp
from forum_site.web.meetings.easy_read import easy_read_meeting
from forum_site.web.panels import agenda_item_panels, meeting_panels
from forum_site.web.responses import commit, render, site_url, viewer
from forum_site.web.translations.reading import reader_translation, translate_url


@bp.app_context_processor
def meeting_helpers():
    return {
        "meeting_labels": labels,
        "meeting_markdown": render_markdown,
        "meeting_needs": replies.needs_of,
    }


@bp.app_template_filter("meeting_time")
def meeting_time(moment) -> str:
    """Just the clock time, in the reader's time zone and locale ("2pm" in easy read)."""
    return clock(moment)


@bp.app_template_filter("easy_meeting_when")
def easy_meeting_when(meeting) -> str:
    """ "Thursday 17 December, 2pm to 4pm": easy read's way (ER-06), UK local time."""
    from easyread.formats import easy_date, easy_time
    from forum_site.web.meetings.forms import utc_to_london

    start, end = utc_to_london(meeting.starts_at), utc_to_london(meeting.ends_at)
    return f"{easy_date(start, with_year=False)}, {easy_time(start)} to {easy_time(end)}"


@bp.app_template_filter("meeting_day")
def meeting_day(day) -> str:
    return day_and_date(day)


@bp.get("/forums/<slug>/meetings")
def forum_meetings(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    listing = meeting_service.forum_meetings(db.session, viewer(), forum, pagination.cursor())
    return render(
        "meetings/forum_meetings.html",
        block="past_page" if pagination.wants_more() else None,
        forum=forum,
        listing=listing,
        can_edit=meeting_service.can_edit(viewer(), forum.id),
        reviews=debrief.review_results(db.session, forum.id),
        sections=sections_for(forum),
    )


def page_context(meeting: Meeting, **forms_by_name) -> dict:
    """Everything the meeting page (and each of its htmx fragments) needs."""
    who = viewer()
    can_edit = meeting_service.can_edit(who, meeting.forum_id)
    my_reply = replies.my_reply(db.session, who, meeting)
    reply_form = forms_by_name.pop("reply_form", None) or _reply_form(my_reply)
    context = {
        "meeting": meeting,
        "forum": meeting.forum,
        "sections": sections_for(meeting.forum),
        "can_edit": can_edit,
        "can_reply": replies.can_reply(who, meeting) and meeting.status == MeetingStatus.PUBLISHED,
        "has_started": debrief.has_started(meeting),
        "my_reply": my_reply,
        "my_needs": labels.needs_asked(my_reply) if my_reply else [],
        "reply_form": reply_form,
        "question_form": forms.QuestionForm(formdata=None),
        "agenda_form": forms.AgendaItemForm(formdata=None),
        "closed_form": forms.ClosedTopicForm(formdata=None),
        "review_form": forms.ReviewForm(formdata=None),
        "button_form": forms.ButtonForm(formdata=None),
        "questions": replies.visible_questions(db.session, who, meeting),
        "summary": replies.reply_summary(db.session, who, meeting) if can_edit else None,
        "can_review": debrief.can_review(who, meeting),
        "my_review": debrief.my_review(db.session, who, meeting),
        "publish_problems": meeting_service.publish_problems(meeting) if can_edit else [],
        "panels": meeting_panels.render_for(meeting, who),
        "item_panels": {i.id: agenda_item_panels.render_for(i, who) for i in meeting.agenda_items},
        "easy_read": easy_read_meeting(meeting),
        "cycle": labels.cycle_dots(meeting.cycle_stage),
        "who_plans": meeting_service.who_plans(db.session, meeting),
        "stage_number": labels.stage_number(meeting.cycle_stage),
        "translation": reader_translation("meeting", meeting),
        "translate_url": translate_url("meeting", meeting) if can_edit else None,
    }
    context.update(forms_by_name)
    return context


def _reply_form(existing) -> forms.ReplyForm:
    form = forms.ReplyForm(formdata=None, obj=existing)
    if existing is not None:
        form.answer.data = existing.answer.value
    return form


def load(meeting_id: int) -> Meeting:
    return meeting_service.get_meeting(db.session, viewer(), meeting_id, full=True)


@bp.get("/meetings/<int:meeting_id>")
def show(meeting_id: int):
    meeting = load(meeting_id)
    return render("meetings/show.html", **page_context(meeting))


@bp.get("/meetings/<int:meeting_id>/calendar.ics")
def meeting_ics(meeting_id: int):
    meeting = load(meeting_id)
    if meeting.status == MeetingStatus.DRAFT:
        raise NotFound("Drafts are not in calendars.")
    return _ics(calendar.meeting_ics(meeting, site_url()), f"meeting-{meeting.id}.ics")


def _ics(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.get("/forums/<slug>/meetings.ics")
def forum_feed(slug: str):
    """The public feed. Private forums only have personal links (below)."""
    forum = calendar.public_feed_forum(db.session, slug)
    return _ics(calendar.forum_feed(db.session, forum, site_url()), f"{forum.slug}.ics")


@bp.get("/forums/<slug>/meetings/<int:user_id>/<token>.ics")
def personal_feed(slug: str, user_id: int, token: str):
    """Calendar apps fetch this without signing in; the secret token is the permission."""
    forum = calendar.forum_by_slug(db.session, slug)
    calendar.check_personal_link(db.session, forum, user_id, token, _secret())
    return _ics(calendar.forum_feed(db.session, forum, site_url()), f"{forum.slug}.ics")


def _secret() -> str:
    return current_app.config["SECRET_KEY"]


def _personal_url(forum, token: str) -> str:
    return site_url() + url_for(
        "meetings.personal_feed", slug=forum.slug, user_id=viewer().user_id, token=token
    )


@bp.get("/forums/<slug>/meetings/calendar")
def calendar_page(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    personal = None
    if viewer().signed_in:
        personal = _personal_url(
            forum, calendar.personal_token(db.session, viewer(), forum, _secret())
        )
    public = None if forum.is_private else site_url() + url_for("meetings.forum_feed", slug=slug)
    return render(
        "meetings/calendar.html",
        forum=forum,
        public_url=public,
        personal_url=personal,
        form=forms.ButtonForm(),
        sections=sections_for(forum),
    )


@bp.post("/forums/<slug>/meetings/calendar/reset")
@login_required
def reset_calendar_link(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if forms.ButtonForm().validate_on_submit():
        calendar.reset_token(db.session, viewer(), forum, _secret())
        commit()
        flash(_("You have a new calendar link. The old link no longer works."), "success")
    return redirect(url_for("meetings.calendar_page", slug=slug), code=303)


@forum_panel("meetings/_forum_panel.html", order=10)
def forum_meetings_panel(forum, who) -> dict | None:
    upcoming = meeting_service.upcoming_meetings(db.session, who, forum)
    latest = meeting_service.latest_debrief(db.session, forum)
    results = debrief.review_results(db.session, forum.id)[-5:]
    return {"upcoming": upcoming, "latest": latest, "reviews": results, "forum": forum}
