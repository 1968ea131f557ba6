"""Errors that services raise and views turn into messages or status codes."""

from __future__ import annotations


class DomainError(Exception):
    """A rule was broken. ``field`` names the form field the message belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    """The person is signed in but may not do this."""


class NotFound(DomainError):
    """The thing does not exist, or the person may not know it exists."""
