"""Counting attempts (sign-in, password reset, PDF renders) in the database, for sites
without Redis: every gunicorn worker adds to the same row, so they all agree.

Counts are kept per key in fixed time buckets. Adding one is a single
INSERT ... ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from forum_site.models import RateCount
from forum_site.models.base import utcnow


def _bucket(window_seconds: int, now: datetime | None) -> int:
    return int((now or utcnow()).timestamp()) // window_seconds


def add(session: Session, key: str, window_seconds: int, now: datetime | None = None) -> int:
    """One more attempt for ``key`` in this window; the window's count so far."""
    bucket = _bucket(window_seconds, now)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(RateCount).values(key=key[:200], bucket=bucket, hits=1)
    statement = statement.on_conflict_do_update(
        index_elements=[RateCount.key, RateCount.bucket],
        set_={"hits": RateCount.hits + 1},
    ).returning(RateCount.hits)
    hits = session.execute(statement).scalar_one()
    session.execute(delete(RateCount).where(RateCount.key == key[:200], RateCount.bucket < bucket))
    return hits


def take_back(session: Session, key: str, window_seconds: int, now: datetime | None = None) -> None:
    """Undo one ``add`` (made at ``now``) for an attempt that was refused after all."""
    session.execute(
        update(RateCount)
        .where(
            RateCount.key == key[:200],
            RateCount.bucket == _bucket(window_seconds, now),
            RateCount.hits > 0,
        )
        .values(hits=RateCount.hits - 1)
    )


def count(session: Session, key: str, window_seconds: int, now: datetime | None = None) -> int:
    found = session.scalar(
        select(RateCount.hits).where(
            RateCount.key == key[:200], RateCount.bucket == _bucket(window_seconds, now)
        )
    )
    return found or 0
