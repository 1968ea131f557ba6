"""Meetings: the page, setting one up, taking part, and after the meeting."""

from forum_site.web.meetings import after, editing, taking_part, views  # noqa: F401  (their pages)
from forum_site.web.meetings.blueprint import bp

__all__ = ["bp"]
