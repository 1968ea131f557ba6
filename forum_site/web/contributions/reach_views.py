"""Who had a say: a forum's reach this year (services/reach.py)."""

from __future__ import annotations

from forum_site.extensions import db
from forum_site.services import forums, reach
from forum_site.web.contributions.blueprint import bp
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import render, viewer
from forum_site.web.topics.labels import ROUTE_PICTURES


@bp.get("/forums/<slug>/who-had-a-say")
def forum_reach(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    return render(
        "contributions/reach.html",
        forum=forum,
        figures=reach.forum_reach(db.session, forum),
        route_pictures=ROUTE_PICTURES,
        top=reach.TOP,
        sections=sections_for(forum),
    )
