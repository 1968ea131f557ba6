"""Keeping the search index in step, from one place: the session's flush.

Why a session event and not calls in each service: every change to a findable thing goes
through a flush, whichever service (or demo seed, CLI or test) made it, so nothing can
forget to re-index; and the new words are written in the same transaction as the change,
so a rolled-back request leaves the index as it was. Permissions are not in the index
(see models/search.py), so a missed re-index could only make words stale, never leak.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, event, insert, select, tuple_
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Budget,
    Meeting,
    SearchEntry,
)
from forum_site.models.base import utcnow
from forum_site.services.search.documents import (
    BUILDERS,
    MODELS_BY_KIND,
    PARTS,
    Document,
    document_for,
)

# Collections a document reads: loaded again after a flush (a part added by its foreign
# key alone is not in an already loaded collection). Only these are reloaded: reloading
# the whole object (populate_existing) would replace values the program holds, such as
# a timezone-aware time, with what the database gives back.
_PARTS = {
    Meeting: ("agenda_items", "closed_topics"),
    Budget: ("lines",),
}
BATCH = 500
_NOTED = "search_noted"


def _key(thing) -> tuple | None:
    """(kind, id) of the findable thing ``thing`` is, or is part of; None for others."""
    if type(thing) in BUILDERS:
        return (BUILDERS[type(thing)][0], thing.id)
    if type(thing) in PARTS:
        kind, column = PARTS[type(thing)]
        return (kind, getattr(thing, column))
    return None


@event.listens_for(Session, "after_flush")
def _note_changes(session: Session, _context) -> None:
    """What this flush changed; written once the flush is done (collections then hold
    what was just stored, however the parts were added)."""
    noted: set[tuple] = session.info.setdefault(_NOTED, set())
    for thing in (*session.new, *session.dirty, *session.deleted):
        if type(thing) in BUILDERS and thing in session.dirty and not session.is_modified(thing):
            continue
        key = _key(thing)
        if key is not None and key[1] is not None:
            noted.add(key)


@event.listens_for(Session, "after_flush_postexec")
def _reindex_noted(session: Session, _context) -> None:
    noted = session.info.pop(_NOTED, None)
    if noted:
        with session.no_autoflush:
            _write(session, noted, _fresh_documents(session, noted))


def _fresh_documents(session: Session, keys: set[tuple]) -> list[Document]:
    """Documents for ``keys``, read again from the database (gone ones have none)."""
    documents = []
    for kind, model in MODELS_BY_KIND.items():
        ids = [object_id for k, object_id in keys if k == kind]
        if not ids:
            continue
        things = session.scalars(select(model).where(model.id.in_(ids))).all()
        parts = _PARTS.get(model, ())
        if parts:
            for thing in things:
                session.expire(thing, parts)
            session.scalars(
                select(model)
                .where(model.id.in_(ids))
                .options(*(selectinload(getattr(model, p)) for p in parts))
            ).all()
        documents += [d for d in map(document_for, things) if d is not None]
    return documents


def _write(session: Session, keys: Iterable[tuple], documents: list[Document]) -> None:
    """Replace the rows for ``keys`` with ``documents`` (a key without one is removed)."""
    keys = list(keys)
    connection = session.connection()
    for start in range(0, len(keys), BATCH):
        batch = [(str(kind), object_id) for kind, object_id in keys[start : start + BATCH]]
        connection.execute(
            delete(SearchEntry).where(tuple_(SearchEntry.kind, SearchEntry.object_id).in_(batch))
        )
    now = utcnow()
    rows = [
        {"kind": str(d.kind), "object_id": d.object_id, "title": d.title, "body": d.body}
        | {"updated_at": now}
        for d in documents
    ]
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(SearchEntry), rows[start : start + BATCH])


def reindex_all(session: Session) -> int:
    """Write every findable thing's words again (``flask search-reindex``, the demo seed)."""
    connection = session.connection()
    connection.execute(delete(SearchEntry))
    written = 0
    for model in MODELS_BY_KIND.values():
        last_id = 0
        while True:
            things = session.scalars(
                select(model)
                .where(model.id > last_id)
                .order_by(model.id)
                .limit(BATCH)
                .options(*(selectinload(getattr(model, p)) for p in _PARTS.get(model, ())))
            ).all()
            if not things:
                break
            documents = [d for d in (document_for(t) for t in things) if d is not None]
            _write(session, [], documents)
            written += len(documents)
            last_id = things[-1].id
    return written
