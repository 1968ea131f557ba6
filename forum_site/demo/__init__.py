"""Demo data, in our own words. Each area adds a module here with
``seed(session, base)`` and lists it in AREAS; the core people and forums come first."""

from __future__ import annotations

import importlib

from sqlalchemy.orm import Session

from forum_site.demo import core
from forum_site.services.search import reindex_all

AREAS = [
    "meetings",
    "budgets",
    "briefings",
    "contributions",
    "not_online",
    "notifications",
    "topics",
    "working_together",
]


def seed(session: Session) -> bool:
    """Add the demo once. Returns False when it is already there."""
    base = core.seed(session)
    if base is None:
        return False
    for area in AREAS:
        try:
            module = importlib.import_module(f"forum_site.demo.{area}")
        except ModuleNotFoundError as error:
            if error.name != f"forum_site.demo.{area}":
                raise
            continue
        module.seed(session, base)
        session.flush()
    reindex_all(session)  # everything findable, whatever way an area added it
    return True
