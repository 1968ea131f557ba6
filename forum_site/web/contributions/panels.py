""" "Have your say" on other areas' pages, through the panel registries (web/panels.py)."""

from __future__ import annotations

from flask import request
from sqlalchemy import func, select

from forum_site.extensions import db
from forum_site.models import Contribution, Status
from forum_site.services.contributions import reading
from forum_site.web.contributions.forms import new_token
from forum_site.web.forums.panels import forum_panel
from forum_site.web.panels import (
    agenda_item_panels,
    briefing_panels,
    budget_panels,
    meeting_panels,
)


@forum_panel("contributions/_forum_panel.html", order=40)
def forum_summary(forum, viewer) -> dict:
    counts = dict(
        db.session.execute(
            select(Contribution.status, func.count(Contribution.id))
            .where(reading.visible_clause(viewer, forum.id))
            .group_by(Contribution.status)
        ).all()
    )
    waiting = 0
    if viewer.commissions(forum.id):
        waiting = len(reading.waiting_too_long(db.session, viewer, [forum.id]))
    return {
        "forum": forum,
        "made": sum(counts.values()),
        "waiting_for_answer": counts.get(Status.RECEIVED, 0),
        "overdue": waiting,
        "can_say": viewer.is_member(forum.id),
    }


@meeting_panels.panel("contributions/_meeting_panel.html", order=60)
def meeting_say(meeting, viewer) -> dict | None:
    if not viewer.can_see_forum(meeting.forum):
        return None
    return {
        "forum": meeting.forum,
        "meeting": meeting,
        "said": reading.about(db.session, viewer, [meeting.forum_id], meeting_id=meeting.id),
        "can_say": viewer.is_member(meeting.forum_id),
        "token": new_token(),
        "back_to": request.path,
    }


@agenda_item_panels.panel("contributions/_agenda_item_panel.html", order=60)
def agenda_item_say(item, viewer) -> dict | None:
    if not viewer.is_member(item.meeting.forum_id):
        return None
    return {"forum": item.meeting.forum, "item": item}


@budget_panels.panel("contributions/_budget_panel.html", order=60)
def budget_say(budget, viewer) -> dict | None:
    forums = [f for f in budget.forums if viewer.is_member(f.id)]
    if not forums:
        return None
    return {"forums": forums, "budget": budget}


@briefing_panels.panel("contributions/_briefing_panel.html", order=60)
def briefing_say(briefing, viewer) -> dict | None:
    forums = [f for f in briefing.forums if viewer.is_member(f.id)]
    if not forums:
        return None
    return {"forums": forums, "briefing": briefing}
