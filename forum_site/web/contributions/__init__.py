"""Contributions: having your say, answers, and "you said, we did"."""

from forum_site.web.contributions import (  # noqa: F401  (pages, panels)
    feedback_views,
    own_changes,
    panels,
    put_right,
    reach_views,
    views,
)
from forum_site.web.contributions.blueprint import bp

__all__ = ["bp"]
