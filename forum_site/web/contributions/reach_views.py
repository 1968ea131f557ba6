"""Who had a say: reach this year for a forum, an organisation and a topic (services/reach.py)."""

from __future__ import annotations

from flask import abort

from forum_site.dates import month_label
from forum_site.extensions import db
from forum_site.models import Organisation
from forum_site.services import forums, impact, reach
from forum_site.services.topics import core as topics
from forum_site.web.contributions.blueprint import bp
from forum_site.web.contributions.charts import share_bars
from forum_site.web.contributions.wording import source_label
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import render, viewer
from forum_site.web.topics.labels import ROUTE_PICTURES
from forum_site.web.topics.views import home_forum


def _page(figures: reach.Reach, who: str, **context):
    return render(
        "contributions/reach.html",
        figures=figures,
        who=who,
        route_pictures=ROUTE_PICTURES,
        top=reach.TOP,
        charts=_charts(figures),
        **context,
    )


def _charts(figures: reach.Reach) -> dict:
    """The routes as bars of the year's people, and each month's people as bars of the
    busiest month. Hidden counts draw no bar."""
    routes = share_bars(
        [(source_label(r.source), r.people) for r in figures.by_route], figures.people.value
    )
    said = [i for i, m in enumerate(figures.months) if m.people.value]
    listed = figures.months[said[0] :] if said else []  # from the first month anyone spoke
    shown = [m.people.value for m in listed if not m.people.hidden]
    months = share_bars([(month_label(m.month), m.people) for m in listed], max(shown, default=0))
    return {"routes": routes, "months": list(zip(months, listed, strict=True))}


@bp.get("/forums/<slug>/who-had-a-say")
def forum_reach(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    figures = reach.forum_reach(db.session, forum)
    return _page(figures, forum.name, forum=forum, sections=sections_for(forum))


@bp.get("/organisations/<int:organisation_id>/who-had-a-say")
def organisation_reach(organisation_id: int):
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        abort(404)
    shown = impact.organisation_forums(db.session, viewer(), organisation)
    figures = reach.reach_for(db.session, [f.id for f in shown])
    return _page(figures, organisation.name, forum=None, organisation=organisation, forums=shown)


@bp.get("/topics/<int:topic_id>/who-had-a-say")
def topic_reach(topic_id: int):
    topic = topics.get_topic(db.session, viewer(), topic_id)
    forum = home_forum(topic)
    figures = reach.topic_reach(db.session, topic)
    return _page(figures, topic.title, forum=forum, topic=topic, sections=sections_for(forum))
