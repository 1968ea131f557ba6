"""The search index: the words each findable thing can be found by, and nothing else.

One row per meeting, briefing, budget, topic, contribution, decision and glossary word.
It holds only text to match and show: who may see a row is decided at search time from
the live tables (forums, meetings, briefings, points), so a privacy change never waits
for the index. Withheld budget figures are never written here (no amounts at all are).

Full-text search lives beside this table, made by migration 0017_search: on SQLite an
FTS5 table ``search_fts`` kept in step by triggers; on PostgreSQL a generated tsvector
column ``document`` with a GIN index. services/search keeps the rows up to date.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from forum_site.extensions import db
from forum_site.models.base import utcnow

# Made by migration 0017_search, per database, not by the models: the FTS5 table (and the
# tables SQLite keeps for it) and PostgreSQL's tsvector column and its index.
FULL_TEXT_TABLES = frozenset(
    {"search_fts", *(f"search_fts_{part}" for part in ("data", "idx", "docsize", "config"))}
)
FULL_TEXT_COLUMNS = frozenset({"document"})
FULL_TEXT_INDEXES = frozenset({"ix_search_entry_document"})


def is_model_schema(object_, name, type_, reflected, _compare_to) -> bool:
    """For Alembic's ``include_object``: leave the full-text machinery out of comparisons."""
    if type_ == "table" and name in FULL_TEXT_TABLES:
        return False
    if type_ == "column" and name in FULL_TEXT_COLUMNS and object_.table.name == "search_entry":
        return False
    return not (type_ == "index" and name in FULL_TEXT_INDEXES)


class SearchKind(enum.StrEnum):
    MEETING = "meeting"
    BRIEFING = "briefing"
    BUDGET = "budget"
    TOPIC = "topic"
    CONTRIBUTION = "contribution"
    DECISION = "decision"
    GLOSSARY = "glossary"


class SearchEntry(db.Model):
    __tablename__ = "search_entry"
    __table_args__ = (UniqueConstraint("kind", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
