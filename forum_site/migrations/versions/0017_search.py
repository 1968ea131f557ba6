"""search: one index of meetings, briefings, budgets, topics, points, decisions and words

SQLite gets an FTS5 table kept in step with ``search_entry`` by triggers; PostgreSQL a
generated, weighted tsvector column with a GIN index. The rows are filled here from the
main text of what already exists (frozen SQL, so later model changes cannot break this
step); ``flask search-reindex`` writes the fuller text the app indexes (agenda items,
budget lines, glossary aliases). No amounts of money are ever copied into the index.

Revision ID: 0017_search
Revises: 0014_working_together
Create Date: 2026-12-02 05:10:00

"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0017_search"
down_revision = "0014_working_together"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_entry', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_UP = [
    "ALTER TABLE search_entry ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED",
    "CREATE INDEX ix_search_entry_document ON search_entry USING GIN (document)",
]

# kind, title, body, table, condition: the main words of each kind, nothing private.
FILL = [
    ("meeting", "title", "coalesce(purpose, '') || ' ' || coalesce(venue_name, '')", "meeting", ""),
    ("briefing", "title", "coalesce(summary, '') || ' ' || coalesce(body, '')", "briefing", ""),
    ("budget", "title", "coalesce(money_comes_from, '')", "budget", ""),
    ("topic", "title", "coalesce(summary, '')", "topic", ""),
    ("contribution", "topic", "text", "contribution", "WHERE withdrawn_at IS NULL"),
    (
        "decision",
        "title",
        "coalesce(details, '') || ' ' || coalesce(decided_by_name, '')",
        "decision",
        "",
    ),
    (
        "glossary",
        "term",
        "coalesce(plain, '') || ' ' || coalesce(acronym_for, '')",
        "glossary_entry",
        "",
    ),
]


def upgrade():
    op.create_table(
        "search_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("kind", "object_id", name=op.f("uq_search_entry_kind")),
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else POSTGRES_UP:
        op.execute(statement)
    now = datetime.now(UTC)
    for kind, title, body, table, condition in FILL:
        op.get_bind().execute(
            sa.text(
                "INSERT INTO search_entry (kind, object_id, title, body, updated_at) "
                f"SELECT :kind, id, substr(coalesce({title}, ''), 1, 300), {body}, :now "
                f"FROM {table} {condition}"
            ),
            {"kind": kind, "now": now},
        )


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            op.execute(statement)
    op.drop_table("search_entry")
