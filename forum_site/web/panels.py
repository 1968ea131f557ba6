"""Areas add panels to each other's pages without editing each other's templates.

    from forum_site.web.panels import forum_panels, meeting_panels

    @meeting_panels.panel("budgets/_meeting_panel.html", order=20)
    def meeting_budgets(meeting, viewer) -> dict | None:
        return {"budgets": ...}   # None hides the panel

The page's view calls ``meeting_panels.render_for(meeting, viewer())`` and its template
loops over the result: ``{% for panel in panels %}{% with panel_context = panel.context %}
{% include panel.template %}{% endwith %}{% endfor %}``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    order: int
    load: Callable


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict


class PanelRegistry:
    def __init__(self, name: str):
        self.name = name
        self._panels: list[Panel] = []

    def panel(self, template: str, order: int = 50):
        def register(load: Callable) -> Callable:
            if not any(p.template == template for p in self._panels):
                self._panels.append(Panel(template, order, load))
                self._panels.sort(key=lambda p: p.order)
            return load

        return register

    def render_for(self, subject, viewer) -> list[RenderedPanel]:
        rendered = []
        for panel in self._panels:
            context = panel.load(subject, viewer)
            if context is not None:
                rendered.append(RenderedPanel(panel.template, context))
        return rendered


forum_panels = PanelRegistry("forum")
meeting_panels = PanelRegistry("meeting")
agenda_item_panels = PanelRegistry("agenda item")
briefing_panels = PanelRegistry("briefing")
budget_panels = PanelRegistry("budget")
