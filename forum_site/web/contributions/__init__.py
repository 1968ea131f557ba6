"""Contributions: having your say, answers, and "you said, we did"."""

from forum_site.web.contributions import feedback_views, panels, views  # noqa: F401  (pages, panels)
from forum_site.web.contributions.blueprint import bp

__all__ = ["bp"]
