"""budgets: budgets, their lines, append-only history, and links to forums, meetings, briefings

Revision ID: 0004_budgets
Revises: 0003_briefings
Create Date: 2026-11-25 07:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0004_budgets"
down_revision = "0003_briefings"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("money_comes_from", sa.Text(), nullable=False),
        sa.Column("total_pence", sa.BigInteger(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_budget_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_budget_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget")),
    )
    with op.batch_alter_table("budget", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "budget_forum",
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["budget.id"],
            name=op.f("fk_budget_forum_budget_id_budget"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forum.id"],
            name=op.f("fk_budget_forum_forum_id_forum"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("budget_id", "forum_id", name=op.f("pk_budget_forum")),
    )
    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("amount_pence", sa.BigInteger(), nullable=True),
        sa.Column(
            "kind", sa.Enum("FIXED", "OPEN", name="linekind", native_enum=False), nullable=False
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("people_served", sa.Integer(), nullable=True),
        sa.Column("withheld", sa.Boolean(), nullable=False),
        sa.Column("withheld_reason", sa.Text(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["budget.id"],
            name=op.f("fk_budget_line_budget_id_budget"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
    )
    with op.batch_alter_table("budget_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_budget_line_budget_id"), ["budget_id"], unique=False)

    op.create_table(
        "budget_meeting",
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["budget.id"],
            name=op.f("fk_budget_meeting_budget_id_budget"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_budget_meeting_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("budget_id", "meeting_id", name=op.f("pk_budget_meeting")),
    )
    op.create_table(
        "budget_briefing",
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["briefing_id"],
            ["briefing.id"],
            name=op.f("fk_budget_briefing_briefing_id_briefing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["budget.id"],
            name=op.f("fk_budget_briefing_budget_id_budget"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("budget_id", "briefing_id", name=op.f("pk_budget_briefing")),
    )
    op.create_table(
        "budget_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("budget_id", sa.Integer(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("is_first", sa.Boolean(), nullable=False),
        sa.Column("members_told", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["budget.id"],
            name=op.f("fk_budget_revision_budget_id_budget"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["user.id"],
            name=op.f("fk_budget_revision_changed_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_revision")),
    )
    with op.batch_alter_table("budget_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_revision_budget_id"), ["budget_id"], unique=False
        )

    op.create_table(
        "budget_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("line_name", sa.String(length=200), nullable=False),
        sa.Column(
            "what",
            sa.Enum(
                "TOTAL",
                "LINE_ADDED",
                "LINE_AMOUNT",
                "LINE_WITHHELD",
                "LINE_SHARED",
                "LINE_REMOVED",
                "LINE_DETAILS",
                name="changewhat",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("old_pence", sa.BigInteger(), nullable=True),
        sa.Column("new_pence", sa.BigInteger(), nullable=True),
        sa.Column("old_text", sa.Text(), nullable=False),
        sa.Column("new_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["budget_line.id"],
            name=op.f("fk_budget_change_line_id_budget_line"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["budget_revision.id"],
            name=op.f("fk_budget_change_revision_id_budget_revision"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_change")),
    )
    with op.batch_alter_table("budget_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_change_revision_id"), ["revision_id"], unique=False
        )

    op.create_table(
        "budget_notice_seen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["budget_revision.id"],
            name=op.f("fk_budget_notice_seen_revision_id_budget_revision"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_budget_notice_seen_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_notice_seen")),
        sa.UniqueConstraint("user_id", "revision_id", name=op.f("uq_budget_notice_seen_user_id")),
    )
    with op.batch_alter_table("budget_notice_seen", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_budget_notice_seen_revision_id"), ["revision_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_budget_notice_seen_user_id"), ["user_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("budget_notice_seen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_notice_seen_user_id"))
        batch_op.drop_index(batch_op.f("ix_budget_notice_seen_revision_id"))

    op.drop_table("budget_notice_seen")
    with op.batch_alter_table("budget_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_change_revision_id"))

    op.drop_table("budget_change")
    with op.batch_alter_table("budget_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_revision_budget_id"))

    op.drop_table("budget_revision")
    op.drop_table("budget_briefing")
    op.drop_table("budget_meeting")
    with op.batch_alter_table("budget_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_line_budget_id"))

    op.drop_table("budget_line")
    op.drop_table("budget_forum")
    with op.batch_alter_table("budget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_organisation_id"))

    op.drop_table("budget")
