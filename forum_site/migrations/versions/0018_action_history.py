"""debrief actions: their state (open, done, dropped) and an append-only history

Revision ID: 0018_action_history
Revises: 0017_search
Create Date: 2026-12-02 05:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0018_action_history"
down_revision = "0017_search"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("meeting_action") as batch:
        batch.add_column(
            sa.Column(
                "state",
                sa.Enum(
                    "OPEN", "DONE", "DROPPED", name="actionstate", native_enum=False, length=20
                ),
                nullable=False,
                server_default="OPEN",
            )
        )
    op.create_table(
        "meeting_action_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column(
            "change",
            sa.Enum("DONE", "EDITED", "DROPPED", name="actionchange", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("by_when", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["meeting_action.id"],
            name=op.f("fk_meeting_action_change_action_id_meeting_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["user.id"],
            name=op.f("fk_meeting_action_change_changed_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_action_change")),
    )
    with op.batch_alter_table("meeting_action_change") as batch:
        batch.create_index(
            batch.f("ix_meeting_action_change_action_id"), ["action_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("meeting_action_change") as batch:
        batch.drop_index(batch.f("ix_meeting_action_change_action_id"))
    op.drop_table("meeting_action_change")
    with op.batch_alter_table("meeting_action") as batch:
        batch.drop_column("state")
