"""Briefings on other areas' pages: the forum page and each meeting's page."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum_site.extensions import db
from forum_site.models import Briefing, BriefingStatus, briefing_forum, briefing_meeting
from forum_site.services import briefings
from forum_site.web.forums.panels import forum_panel
from forum_site.web.panels import meeting_panels

LATEST = 3


@forum_panel("briefings/_forum_panel.html", order=30)
def latest_briefings(forum, viewer) -> dict | None:
    latest = db.session.scalars(
        select(Briefing)
        .join(briefing_forum, briefing_forum.c.briefing_id == Briefing.id)
        .where(briefing_forum.c.forum_id == forum.id, Briefing.status == BriefingStatus.PUBLISHED)
        .order_by(Briefing.published_at.desc())
        .limit(LATEST)
    ).all()
    can_write = briefings.can_write_for(viewer, forum)
    if not latest and not can_write:
        return None
    return {"forum": forum, "briefings": latest, "can_write": can_write}


@meeting_panels.panel("briefings/_meeting_panel.html", order=20)
def meeting_briefings(meeting, viewer) -> dict | None:
    linked = db.session.scalars(
        select(Briefing)
        .join(briefing_meeting, briefing_meeting.c.briefing_id == Briefing.id)
        .where(briefing_meeting.c.meeting_id == meeting.id)
        .options(selectinload(Briefing.forums))
        .order_by(Briefing.published_at.desc().nulls_last())
    ).all()
    shown = [b for b in linked if briefings.can_see(viewer, b)]
    return {"briefings": shown} if shown else None
