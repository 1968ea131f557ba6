"""Errors that services raise and views turn into messages or status codes.

Services write their messages with ``forum_site.words._l`` where they are born, so the
words reach the catalogue; ``message`` is the text in the language of whoever reads it,
worked out when the view shows it."""

from __future__ import annotations

from forum_site.words import LazyWords


class DomainError(Exception):
    """A rule was broken. ``field`` names the form field the message belongs to."""

    def __init__(self, message: str | LazyWords, field: str | None = None):
        super().__init__(message)
        self.words = message
        self.field = field

    @property
    def message(self) -> str:
        return str(self.words)

    def __str__(self) -> str:
        return self.message


class NotAllowed(DomainError):
    """The person is signed in but may not do this."""


class NotFound(DomainError):
    """The thing does not exist, or the person may not know it exists."""
