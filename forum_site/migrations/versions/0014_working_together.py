"""a forum's terms of reference: how we work together, agreed, dated and versioned

Revision ID: 0014_working_together
Revises: 0011_votes
Create Date: 2026-12-02 00:59:49.802604

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0014_working_together"
down_revision = "0011_votes"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "working_together",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forum_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("can_influence", sa.Text(), nullable=False),
        sa.Column("response_promise", sa.Text(), nullable=False),
        sa.Column("payment", sa.Text(), nullable=False),
        sa.Column("convened_by", sa.String(length=300), nullable=False),
        sa.Column("convening_paid_by", sa.String(length=300), nullable=False),
        sa.Column("agreed_by", sa.String(length=300), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("written_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["forum_id"],
            ["forum.id"],
            name=op.f("fk_working_together_forum_id_forum"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["written_by_id"],
            ["user.id"],
            name=op.f("fk_working_together_written_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_working_together")),
        sa.UniqueConstraint("forum_id", "version", name=op.f("uq_working_together_forum_id")),
    )
    with op.batch_alter_table("working_together", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_working_together_forum_id"), ["forum_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("working_together", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_working_together_forum_id"))

    op.drop_table("working_together")
