"""The forum page's panels (see web/panels.py) and the menu of the forum's own pages."""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from forum_site.web.panels import RenderedPanel, forum_panels

# The forum's own pages, shown as a menu on every forum page once each area exists.
FORUM_SECTIONS = [
    ("forums.show", _l("About")),
    ("forums.working_together", _l("How we work together")),
    ("meetings.forum_meetings", _l("Meetings")),
    ("briefings.forum_briefings", _l("Briefings")),
    ("budgets.forum_budgets", _l("Money")),
    ("topics.forum_topics", _l("Topics")),
    ("contributions.forum_contributions", _l("What members said")),
    ("contributions.you_said_we_did", _l("You said, we did")),
    ("contributions.forum_impact", _l("Impact")),
    ("contributions.forum_reach", _l("Who had a say")),
    ("decisions.forum_decisions", _l("Decisions")),
]


def forum_panel(template: str, order: int = 50):
    return forum_panels.panel(template, order)


def panels_for(forum, viewer) -> list[RenderedPanel]:
    return forum_panels.render_for(forum, viewer)


def sections_for(forum) -> list[tuple[str, str]]:
    return [
        (url_for(endpoint, slug=forum.slug), str(label))
        for endpoint, label in FORUM_SECTIONS
        if endpoint in current_app.view_functions
    ]
