"""Members who are not online or share a computer: supported accounts, sign-in cards,
venue computers (kiosk mode), letters, and per-person attendance."""

from __future__ import annotations

from flask import Blueprint


def blueprints() -> list[Blueprint]:
    """The area's blueprints, with every module's routes attached."""
    from forum_site.web.not_online import attendance, letters, people, sign_in  # noqa: F401
    from forum_site.web.not_online.blueprint import bp
    from forum_site.web.not_online.venue import bp as venue

    return [venue, bp]
