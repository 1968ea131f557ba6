"""Creates that are safe to repeat: a double click, two tabs, a retried request.

Each create carries a unique key (the form's token, or one made from the person, the
target and the words within a minute). The row is inserted inside a SAVEPOINT; if the
database says the key exists already, the savepoint is rolled back (on PostgreSQL the
second insert waits for the first to commit) and the existing row is returned. That is
INSERT ... ON CONFLICT DO NOTHING, returning the existing row, on SQLite and PostgreSQL
alike, for rows with relationships too."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from forum_site.models.base import utcnow

Row = TypeVar("Row")
REPEAT_SECONDS = 60


def insert_once(session: Session, row: Row, existing: Callable[[], Row | None]) -> Row:
    """Add ``row``; when its unique key is taken, the row that holds it."""
    earlier = existing()
    if earlier is not None:
        return earlier
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        earlier = existing()
        if earlier is None:
            raise
        return earlier
    return row


def repeat_key(*parts: object, now: datetime | None = None) -> str:
    """A token for a form sent without one: the same person, target and words within the
    same minute give the same key (so a double click saves once)."""
    minute = int((now or utcnow()).timestamp()) // REPEAT_SECONDS
    text = "\x1f".join(str(p) for p in (*parts, minute))
    return "auto-" + hashlib.sha256(text.encode()).hexdigest()[:59]
