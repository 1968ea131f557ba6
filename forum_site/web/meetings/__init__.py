"""Meetings: the page, setting one up, taking part, and after the meeting."""

from forum_site.web.meetings import (  # noqa: F401  (their pages)
    actions,
    after,
    editing,
    taking_part,
    views,
)
from forum_site.web.meetings.blueprint import bp

__all__ = ["bp"]
