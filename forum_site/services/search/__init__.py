"""Search across meetings, briefings, budgets, topics, points, decisions and glossary words.

documents.py says what each thing is found by, index.py keeps the index in step at each
flush, access.py says in SQL who may find what, searching.py runs a search."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Forum
from forum_site.services.errors import DomainError
from forum_site.services.search import index  # noqa: F401  (listens to every flush)
from forum_site.services.search.index import reindex_all
from forum_site.services.search.searching import (
    SearchHit,
    SearchQuery,
    check_query,
    search,
    words_of,
)
from forum_site.services.viewer import Viewer
from forum_site.words import _l

__all__ = [
    "SearchHit",
    "SearchQuery",
    "check_query",
    "forum_choices",
    "forum_to_search",
    "reindex_all",
    "search",
    "words_of",
]


def forum_choices(session: Session, viewer: Viewer) -> list[Forum]:
    """The forums a viewer may narrow a search to: only those they may know exist."""
    forums = session.scalars(select(Forum).order_by(Forum.name)).all()
    return [f for f in forums if viewer.can_see_forum(f)]


def forum_to_search(session: Session, viewer: Viewer, slug: str) -> Forum | None:
    """The chosen forum; a private forum the viewer may not see is "not a choice",
    exactly like a forum that does not exist."""
    if not slug:
        return None
    forum = session.scalar(select(Forum).where(Forum.slug == slug))
    if forum is None or not viewer.can_see_forum(forum):
        raise DomainError(_l("Choose a forum from the list."), field="forum")
    return forum
