"""Commissioning topics: their pages, forms and the agreement panels on other pages."""

from forum_site.web.topics import agreement_views, panels, pressure_views  # noqa: F401 (routes)
from forum_site.web.topics.views import bp

__all__ = ["bp"]
