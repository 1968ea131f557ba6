"""The stage's involvement agreement on every meeting and briefing of a topic."""

from __future__ import annotations

from forum_site.extensions import db
from forum_site.services.topics import agreements
from forum_site.web.panels import briefing_panels, meeting_panels


@meeting_panels.panel("topics/_agreement_panel.html", order=5)
def meeting_agreement(meeting, viewer) -> dict | None:
    found = agreements.for_meeting(db.session, viewer, meeting)
    return None if found is None else {"found": found, "about": "meeting"}


@briefing_panels.panel("topics/_agreement_panel.html", order=5)
def briefing_agreement(briefing, viewer) -> dict | None:
    found = agreements.for_briefing(db.session, viewer, briefing)
    return None if found is None else {"found": found, "about": "briefing"}
