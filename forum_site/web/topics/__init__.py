"""Commissioning topics: their pages, forms and the agreement panels on other pages."""

from forum_site.web.topics import (  # noqa: F401 (routes)
    agreement_views,
    consultation_views,
    panels,
    pressure_views,
    vote_views,
)
from forum_site.web.topics.views import bp

__all__ = ["bp"]
