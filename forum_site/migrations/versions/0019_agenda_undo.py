"""agenda items taken off are kept (dated), so removing one can be undone

Revision ID: 0019_agenda_undo
Revises: 0018_action_history
Create Date: 2026-12-02 05:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0019_agenda_undo"
down_revision = "0018_action_history"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("agenda_item") as batch:
        batch.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("removal_was_told", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    with op.batch_alter_table("agenda_item") as batch:
        batch.drop_column("removal_was_told")
        batch.drop_column("removed_at")
