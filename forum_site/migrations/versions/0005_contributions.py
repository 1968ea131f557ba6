"""contributions: what members said, append-only answers, "me too" support, decision log

Revision ID: 0005_contributions
Revises: 0004_budgets
Create Date: 2026-11-25 07:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0005_contributions"
down_revision = "0004_budgets"
branch_labels = None
depends_on = None

STATUSES = (
    "RECEIVED",
    "CONSIDERING",
    "CHANGED",
    "PARTLY",
    "NOT_TAKEN_FORWARD",
    "ALREADY_HAPPENING",
)
STAGES = (
    "INVOLVEMENT_FRAMEWORK",
    "OPERATING_CONTEXT",
    "NEEDS_ASSESSMENT",
    "OVERALL_BUDGET",
    "STRATEGIC_FRAMEWORK",
    "TEST_AND_REFINE",
    "AGREE_PRIORITIES",
    "DECISION_POINT",
    "PROCUREMENT",
    "IMPLEMENTATION",
    "MONITORING",
    "REVIEW",
)


def _fk(table, column, target, ondelete):
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def _indexes(table, *columns):
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


# Columns of an answer that say what was answered. The database refuses to change them,
# so even a hand-written UPDATE cannot rewrite history. (Links to people, organisations
# and decisions may still be cleared when those are deleted.)
FIXED_ANSWER_COLUMNS = (
    "contribution_id",
    "status",
    "answer",
    "reason",
    "what_changed",
    "correction_reason",
    "created_at",
)


def upgrade():
    _contribution()
    _decision()
    _contribution_answer()
    _contribution_support()
    _link_tables()
    _answers_cannot_be_rewritten()


def _answers_cannot_be_rewritten():
    columns = ", ".join(FIXED_ANSWER_COLUMNS)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION contribution_answer_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'contribution answers are append-only'; END $$ "
            "LANGUAGE plpgsql"
        )
        op.execute(
            f"CREATE TRIGGER contribution_answer_no_rewrite BEFORE UPDATE OF {columns} "
            "ON contribution_answer FOR EACH ROW "
            "EXECUTE FUNCTION contribution_answer_append_only()"
        )
    else:
        op.execute(
            f"CREATE TRIGGER contribution_answer_no_rewrite BEFORE UPDATE OF {columns} "
            "ON contribution_answer BEGIN "
            "SELECT RAISE(ABORT, 'contribution answers are append-only'); END"
        )


def _contribution():
    op.create_table(
        "contribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("from_whole_group", sa.Boolean(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "ONLINE",
                "PAPER_FORM",
                "AT_MEETING",
                "PHONE_CALL",
                "OTHER",
                name="source",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum("SHARED", "ANONYMOUS", "PRIVATE", name="visibility", native_enum=False),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("budget_line_id", sa.Integer(), nullable=True),
        sa.Column("briefing_id", sa.Integer(), nullable=True),
        sa.Column("submission_token", sa.String(length=64), nullable=True),
        sa.Column("status", sa.Enum(*STATUSES, name="status", native_enum=False), nullable=False),
        sa.Column("answer_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("contribution", "agenda_item_id", "agenda_item", "SET NULL"),
        _fk("contribution", "author_id", "user", "SET NULL"),
        _fk("contribution", "briefing_id", "briefing", "SET NULL"),
        _fk("contribution", "budget_line_id", "budget_line", "SET NULL"),
        _fk("contribution", "forum_id", "forum", "CASCADE"),
        _fk("contribution", "meeting_id", "meeting", "SET NULL"),
        _fk("contribution", "recorded_by_id", "user", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution")),
        sa.UniqueConstraint("submission_token", name=op.f("uq_contribution_submission_token")),
    )
    _indexes(
        "contribution",
        "agenda_item_id",
        "author_id",
        "briefing_id",
        "budget_line_id",
        "forum_id",
        "meeting_id",
        "status",
        "topic",
    )


def _decision():
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column(
            "decided_by",
            sa.Enum(
                "OFFICER", "CABINET", "BOARD", "OTHER", name="decisionmaker", native_enum=False
            ),
            nullable=False,
        ),
        sa.Column("decided_by_name", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.Enum(*STAGES, name="cyclestage", native_enum=False), nullable=False),
        sa.Column("other_input", sa.Text(), nullable=False),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("submission_token", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("decision", "forum_id", "forum", "CASCADE"),
        _fk("decision", "logged_by_id", "user", "SET NULL"),
        _fk("decision", "organisation_id", "organisation", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("submission_token", name=op.f("uq_decision_submission_token")),
    )
    _indexes("decision", "forum_id")


def _contribution_answer():
    op.create_table(
        "contribution_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum(*STATUSES, name="status", native_enum=False), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("submission_token", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("contribution_answer", "answered_by_id", "user", "SET NULL"),
        _fk("contribution_answer", "contribution_id", "contribution", "CASCADE"),
        _fk("contribution_answer", "corrects_id", "contribution_answer", "SET NULL"),
        _fk("contribution_answer", "decision_id", "decision", "SET NULL"),
        _fk("contribution_answer", "organisation_id", "organisation", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_answer")),
        sa.UniqueConstraint(
            "submission_token", name=op.f("uq_contribution_answer_submission_token")
        ),
    )
    _indexes("contribution_answer", "contribution_id", "decision_id")


def _contribution_support():
    op.create_table(
        "contribution_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("contribution_support", "contribution_id", "contribution", "CASCADE"),
        _fk("contribution_support", "user_id", "user", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_support")),
        sa.UniqueConstraint(
            "contribution_id",
            "user_id",
            name=op.f("uq_contribution_support_contribution_id"),
        ),
    )
    _indexes("contribution_support", "contribution_id", "user_id")


def _link_tables():
    op.create_table(
        "decision_contribution",
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        _fk("decision_contribution", "contribution_id", "contribution", "CASCADE"),
        _fk("decision_contribution", "decision_id", "decision", "CASCADE"),
        sa.PrimaryKeyConstraint(
            "decision_id", "contribution_id", name=op.f("pk_decision_contribution")
        ),
    )
    op.create_table(
        "decision_agenda_item",
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        _fk("decision_agenda_item", "agenda_item_id", "agenda_item", "CASCADE"),
        _fk("decision_agenda_item", "decision_id", "decision", "CASCADE"),
        sa.PrimaryKeyConstraint(
            "decision_id", "agenda_item_id", name=op.f("pk_decision_agenda_item")
        ),
    )


def downgrade():
    op.execute(
        "DROP TRIGGER IF EXISTS contribution_answer_no_rewrite ON contribution_answer"
        if op.get_bind().dialect.name == "postgresql"
        else "DROP TRIGGER IF EXISTS contribution_answer_no_rewrite"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS contribution_answer_append_only()")
    op.drop_table("decision_agenda_item")
    op.drop_table("decision_contribution")
    op.drop_table("contribution_support")
    op.drop_table("contribution_answer")
    op.drop_table("decision")
    op.drop_table("contribution")
