"""hardening: briefing owners, server-side sessions, shared rate counts, safe repeats

- a briefing belongs to its author's organisation (and named co-authors), so only they edit it;
- emails about an anonymous point are marked, so the outbox never shows who it went to;
- sessions are server-side records (signing out ends them; idle and absolute expiry);
- rate counts live in the database when there is no Redis, so every worker agrees;
- answers are numbered per contribution, so two tabs cannot both add the next answer;
- creates without a natural key carry the form's token, unique, so a repeat finds the first;
- one paper form per meeting and set of questions, so printing twice makes one code.

Revision ID: 0012_hardening
Revises: 0016_content_translations
Create Date: 2026-12-01 21:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0012_hardening"
down_revision = "0016_content_translations"
branch_labels = None
depends_on = None

FIXED_ANSWER_COLUMNS = (  # as in 0005_contributions
    "contribution_id",
    "status",
    "answer",
    "reason",
    "what_changed",
    "correction_reason",
    "created_at",
)
TOKEN_TABLES = ("briefing", "meeting", "budget", "briefing_unclear_signal")


def upgrade():
    _briefing_owners()
    _sessions_and_counts()
    _answer_numbers()
    for table in TOKEN_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("submission_token", sa.String(64), nullable=True))
            batch.create_unique_constraint(f"uq_{table}_submission_token", ["submission_token"])
    with op.batch_alter_table("outgoing_email") as batch:
        batch.add_column(
            sa.Column("about_anonymous", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    _one_paper_form_per_questions()


def _briefing_owners():
    with op.batch_alter_table("briefing") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_briefing_organisation_id_organisation",
            "organisation",
            ["organisation_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute(
        "UPDATE briefing SET organisation_id = (SELECT MIN(organisation_id) "
        "FROM commissioner_link WHERE commissioner_link.user_id = briefing.author_id)"
    )
    op.create_table(
        "briefing_coauthor",
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefing.id"],
            name=op.f("fk_briefing_coauthor_briefing_id_briefing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_briefing_coauthor_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("briefing_id", "user_id", name=op.f("pk_briefing_coauthor")),
    )


def _sessions_and_counts():
    op.create_table(
        "user_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_user_session_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_session_token_hash")),
    )
    op.create_index(op.f("ix_user_session_user_id"), "user_session", ["user_id"])
    op.create_table(
        "rate_count",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "bucket", name=op.f("pk_rate_count")),
    )


def _answer_numbers():
    with op.batch_alter_table("contribution_answer") as batch:
        batch.add_column(sa.Column("number", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE contribution_answer SET number = (SELECT COUNT(*) FROM contribution_answer AS a "
        "WHERE a.contribution_id = contribution_answer.contribution_id "
        "AND a.id <= contribution_answer.id)"
    )
    with op.batch_alter_table("contribution_answer") as batch:
        batch.alter_column("number", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint(
            "uq_contribution_answer_contribution_id", ["contribution_id", "number"]
        )
    _answers_still_cannot_be_rewritten()


def _answers_still_cannot_be_rewritten():
    """SQLite's batch mode rebuilt the table, which dropped 0005's trigger: put it back."""
    if op.get_bind().dialect.name == "postgresql":
        return
    columns = ", ".join(FIXED_ANSWER_COLUMNS)
    op.execute("DROP TRIGGER IF EXISTS contribution_answer_no_rewrite")
    op.execute(
        f"CREATE TRIGGER contribution_answer_no_rewrite BEFORE UPDATE OF {columns} "
        "ON contribution_answer BEGIN "
        "SELECT RAISE(ABORT, 'contribution answers are append-only'); END"
    )


def _one_paper_form_per_questions():
    op.execute(
        "DELETE FROM paper_form WHERE id NOT IN (SELECT MIN(id) FROM paper_form "
        "GROUP BY meeting_id, questions_hash) AND id NOT IN "
        "(SELECT form_id FROM paper_form_entry)"
    )
    with op.batch_alter_table("paper_form") as batch:
        batch.create_unique_constraint("uq_paper_form_meeting_id", ["meeting_id", "questions_hash"])


def downgrade():
    with op.batch_alter_table("paper_form") as batch:
        batch.drop_constraint("uq_paper_form_meeting_id", type_="unique")
    with op.batch_alter_table("outgoing_email") as batch:
        batch.drop_column("about_anonymous")
    for table in TOKEN_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"uq_{table}_submission_token", type_="unique")
            batch.drop_column("submission_token")
    with op.batch_alter_table("contribution_answer") as batch:
        batch.drop_constraint("uq_contribution_answer_contribution_id", type_="unique")
        batch.drop_column("number")
    _answers_still_cannot_be_rewritten()
    op.drop_table("rate_count")
    op.drop_index(op.f("ix_user_session_user_id"), table_name="user_session")
    op.drop_table("user_session")
    op.drop_table("briefing_coauthor")
    with op.batch_alter_table("briefing") as batch:
        batch.drop_constraint("fk_briefing_organisation_id_organisation", type_="foreignkey")
        batch.drop_column("organisation_id")
