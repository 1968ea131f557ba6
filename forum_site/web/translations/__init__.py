"""Translations: how finished each language is, checking them, and people's translations."""

from forum_site.web.translations import content, views  # noqa: F401  (their pages)
from forum_site.web.translations.blueprint import bp

__all__ = ["bp"]
