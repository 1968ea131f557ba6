"""Areas add panels to the forum page, and links to the forum's own section pages,
without editing the forum page template.

    @forum_panel("meetings/_forum_panel.html", order=10)
    def upcoming_meetings(forum, viewer) -> dict | None:
        return {"meetings": ...}   # None hides the panel
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Panel:
    template: str
    order: int
    load: Callable


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict


_PANELS: list[Panel] = []

# The forum's own pages, shown as a menu on every forum page once each area exists.
FORUM_SECTIONS = [
    ("forums.show", _l("About")),
    ("meetings.forum_meetings", _l("Meetings")),
    ("briefings.forum_briefings", _l("Briefings")),
    ("budgets.forum_budgets", _l("Money")),
    ("contributions.forum_contributions", _l("What members said")),
    ("contributions.you_said_we_did", _l("You said, we did")),
    ("contributions.forum_impact", _l("Impact")),
    ("decisions.forum_decisions", _l("Decisions")),
]


def forum_panel(template: str, order: int = 50):
    def register(load: Callable) -> Callable:
        if not any(p.template == template for p in _PANELS):
            _PANELS.append(Panel(template, order, load))
            _PANELS.sort(key=lambda p: p.order)
        return load

    return register


def panels_for(forum, viewer) -> list[RenderedPanel]:
    rendered = []
    for panel in _PANELS:
        context = panel.load(forum, viewer)
        if context is not None:
            rendered.append(RenderedPanel(panel.template, context))
    return rendered


def sections_for(forum) -> list[tuple[str, str]]:
    return [
        (url_for(endpoint, slug=forum.slug), str(label))
        for endpoint, label in FORUM_SECTIONS
        if endpoint in current_app.view_functions
    ]
