"""Briefings on other areas' pages: the forum page and each meeting's page."""

from __future__ import annotations

from forum_site.extensions import db
from forum_site.services import briefings
from forum_site.web.forums.panels import forum_panel
from forum_site.web.panels import meeting_panels

LATEST = 3


@forum_panel("briefings/_forum_panel.html", order=30)
def latest_briefings(forum, viewer) -> dict | None:
    latest = briefings.latest_published(db.session, forum, LATEST)
    can_write = briefings.can_write_for(viewer, forum)
    if not latest and not can_write:
        return None
    return {"forum": forum, "briefings": latest, "can_write": can_write}


@meeting_panels.panel("briefings/_meeting_panel.html", order=20)
def meeting_briefings(meeting, viewer) -> dict | None:
    shown = briefings.linked_to_meeting(db.session, viewer, meeting, newest_first=True)
    return {"briefings": shown} if shown else None
