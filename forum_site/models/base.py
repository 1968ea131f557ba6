"""Shared column helpers."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, event
from sqlalchemy.orm import Mapped, Session, mapped_column, object_session


def utcnow() -> datetime:
    return datetime.now(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


class RecordIsAppendOnly(Exception):
    """Code tried to change or delete part of the honest record."""


_APPEND_ONLY: dict = {}  # table -> (error class, what the rows are called)


def append_only(model, *, error: type[RecordIsAppendOnly] = RecordIsAppendOnly, what: str):
    """Mark ``model`` as part of the permanent record (answers, budget history, decisions...).

    Rows are added, never changed or deleted, whether through the ORM or through bulk
    ``update()``/``delete()`` statements. A correction is a new row that says why."""

    def refuse(action: str):
        def listener(_mapper, _connection, target) -> None:
            # SQLAlchemy also calls before_update when only a related collection changed.
            session = object_session(target)
            if action == "changed" and not session.is_modified(target, include_collections=False):
                return
            raise error(f"{what} cannot be {action}: add a new entry instead ({target!r}).")

        return listener

    event.listen(model, "before_update", refuse("changed"))
    event.listen(model, "before_delete", refuse("deleted"))
    _APPEND_ONLY[model.__table__] = (error, what)
    return model


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state) -> None:
    """Bulk statements skip the mapper events above, so they are checked here."""
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table in _APPEND_ONLY:
        error, what = _APPEND_ONLY[table]
        raise error(f"{what} cannot be changed or deleted in bulk.")
