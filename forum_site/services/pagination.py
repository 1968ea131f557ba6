"""Keyset ("seek") pagination for every list, so a page costs the same at any length.

A list is a ``select()`` with its filters and a fixed sort on indexed columns (the last
one unique, usually ``id``). A page is the next ``per_page`` rows after a cursor: the
sort values of the last row shown, packed into an opaque string for the URL. The
database seeks straight to it through the index instead of counting past earlier
rows, so page 400 is as quick as page 1.

Counts stop at ``COUNT_LIMIT``: "more than 1,000" is as useful to a reader as the exact
number and never scans the whole table.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

T = TypeVar("T")
U = TypeVar("U")

PER_PAGE = 25
COUNT_LIMIT = 1000


@dataclass(frozen=True)
class SortKey:
    """One column of a list's order; ``newest_first`` sorts it descending."""

    column: Any
    newest_first: bool = False


def newest_first(*columns) -> list[SortKey]:
    return [SortKey(column, True) for column in columns]


def oldest_first(*columns) -> list[SortKey]:
    return [SortKey(column, False) for column in columns]


@dataclass(frozen=True)
class Total:
    """How many there are, exactly up to the limit; ``more_than`` past it."""

    number: int
    more_than: bool = False


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, what comes next, and how many there are in all."""

    items: list[T]
    next_cursor: str | None
    total: Total
    is_first: bool = True
    extra: dict = field(default_factory=dict)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def has_more(self) -> bool:
        return self.next_cursor is not None

    def map(self, change: Callable[[list[T]], list[U]]) -> Page[U]:
        """The same page with its items turned into what the template shows."""
        return Page(change(self.items), self.next_cursor, self.total, self.is_first, self.extra)


def paginate(
    session: Session,
    query: Select,
    order: Sequence[SortKey],
    cursor: str | None = None,
    *,
    per_page: int = PER_PAGE,
    count: bool = True,
    rows_first: bool = False,
) -> Page:
    """The page of ``query`` after ``cursor`` (or the first), in a fixed number of queries.

    ``query`` selects one entity or one row per item; the last sort key must be unique.
    An unreadable or stale cursor gives the first page rather than an error.
    ``rows_first`` (for a query of one entity with an ``id``, filtered on its own columns):
    see _rows_first.
    """
    after = decode_cursor(cursor, len(order))
    if after is not None and not all(map(_fits, order, after)):
        after = None
    width = len(query.column_descriptions)
    if rows_first:
        seek = _rows_first(query, order, after, per_page + 1)
    else:
        sort_values = [key.column.label(f"seek_{n}") for n, key in enumerate(order)]
        seek = query.add_columns(*sort_values).order_by(*(_ordered(key) for key in order))
        if after is not None:
            seek = seek.where(_after(order, after))
        seek = seek.limit(per_page + 1)
    rows = list(session.execute(seek).unique().all())
    shown = rows[:per_page]
    items = [row[0] if width == 1 else tuple(row[:width]) for row in shown]
    next_cursor = None
    if len(rows) > per_page:
        next_cursor = encode_cursor(list(shown[-1][width:]))
    total = count_up_to(session, query) if count else Total(len(items))
    return Page(items, next_cursor, total, is_first=after is None)


def _rows_first(query: Select, order: Sequence[SortKey], after: list | None, size: int) -> Select:
    """The page's rows are chosen first, then joined to what is loaded with them.

    When no index gives the order (rows from several forums, sorted), the database would
    otherwise join every matching row to its people and meeting before sorting and
    keeping a page of them (13 ms for 500 rows at 200,000 contributions; 1 ms this way).
    Still one query.
    """
    entity = query.column_descriptions[0]["entity"]
    sort_values = [key.column.label(f"seek_{n}") for n, key in enumerate(order)]
    chosen = select(entity.id, *sort_values).where(query.whereclause)
    if after is not None:
        chosen = chosen.where(_after(order, after))
    chosen = chosen.order_by(*(_ordered(key) for key in order)).limit(size).subquery()
    keys = [SortKey(chosen.c[f"seek_{n}"], key.newest_first) for n, key in enumerate(order)]
    return (
        query.join(chosen, entity.id == chosen.c.id)
        .add_columns(*(key.column for key in keys))
        .order_by(*(_ordered(key) for key in keys))
    )


def count_up_to(session: Session, query: Select, limit: int = COUNT_LIMIT) -> Total:
    """Counts at most ``limit`` + 1 rows, so the cost stays flat as history grows."""
    bounded = query.order_by(None).limit(limit + 1).subquery()
    number = session.scalar(select(func.count()).select_from(bounded)) or 0
    if number > limit:
        return Total(limit, more_than=True)
    return Total(number)


def page_of_list(items: list[T], cursor: str | None, per_page: int = PER_PAGE) -> Page[T]:
    """Paginates a list already in memory (small lists built in Python, e.g. the glossary)."""
    start = decode_cursor(cursor, 1)
    offset = start[0] if start and isinstance(start[0], int) and start[0] > 0 else 0
    shown = items[offset : offset + per_page]
    more = offset + per_page < len(items)
    next_cursor = encode_cursor([offset + per_page]) if more else None
    return Page(shown, next_cursor, Total(len(items)), is_first=offset == 0)


BIGGEST_INTEGER = 2**63 - 1


def _fits(key: SortKey, value) -> bool:
    """Whether a cursor's value can be compared with its column in SQL.

    A made-up cursor could hold a number too big for the database, text with a NUL byte,
    or the wrong type (PostgreSQL refuses to compare text with a number): each would be
    a database error, so such a cursor counts as unreadable and gives the first page."""
    if value is None:
        return True
    try:
        expected = key.column.type.python_type
    except (AttributeError, NotImplementedError):
        return _fits_any(value)
    if isinstance(expected, type) and issubclass(expected, enum.Enum):
        return isinstance(value, str) and value in expected.__members__
    if isinstance(value, bool) or expected is bool:
        return isinstance(value, bool) and expected is bool
    if expected is float:
        return isinstance(value, (int, float)) and _fits_any(value)
    return isinstance(value, expected) and _fits_any(value)


def _fits_any(value) -> bool:
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, int):
        return -BIGGEST_INTEGER <= value <= BIGGEST_INTEGER
    if isinstance(value, (float, Decimal)):
        return math.isfinite(value) and abs(value) < 1e300
    return True


def _ordered(key: SortKey):
    return key.column.desc() if key.newest_first else key.column.asc()


def _after(order: Sequence[SortKey], values: list):
    """Rows after ``values``: one row-value comparison when the directions agree."""
    directions = {key.newest_first for key in order}
    if len(directions) == 1:
        columns = tuple_(*(key.column for key in order))
        bound = tuple_(*values)
        return columns < bound if order[0].newest_first else columns > bound
    clauses = []
    for index, key in enumerate(order):
        same = [order[i].column == values[i] for i in range(index)]
        step = key.column < values[index] if key.newest_first else key.column > values[index]
        clauses.append(and_(*same, step))
    return or_(*clauses)


def encode_cursor(values: list) -> str:
    packed = json.dumps([_pack(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(packed.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, length: int) -> list | None:
    if not cursor or len(cursor) > 500:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        packed = json.loads(raw)
        if not isinstance(packed, list):
            return None
        values = [_unpack(v) for v in packed]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        return None
    if len(values) != length:
        return None
    return values


def _pack(value):
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    if isinstance(value, enum.Enum):
        return {"e": value.name}  # SQLAlchemy's Enum type takes the name back
    if value is None or isinstance(value, (int, str, float, bool)):
        return value
    raise TypeError(f"cannot put {type(value).__name__} in a cursor")


def _unpack(value):
    if isinstance(value, dict):
        ((kind, text),) = value.items()
        if kind == "t":
            return datetime.fromisoformat(text)
        if kind == "d":
            return date.fromisoformat(text)
        if kind == "n":
            return Decimal(text)
        if kind == "e":
            return str(text)
        raise ValueError(kind)
    if value is None or isinstance(value, (int, str, float, bool)):
        return value
    raise ValueError("not a cursor value")
