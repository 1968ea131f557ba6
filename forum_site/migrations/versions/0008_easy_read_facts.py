"""easy-read versions remember the facts a person checked (DN-08)

Revision ID: 0008_easy_read_facts
Revises: 0012_hardening
Create Date: 2026-12-01 21:05:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0008_easy_read_facts"
down_revision = "0012_hardening"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("easy_read_version") as batch:
        batch.add_column(sa.Column("checked_facts", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("checker_told_hash", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade():
    with op.batch_alter_table("easy_read_version") as batch:
        batch.drop_column("checker_told_hash")
        batch.drop_column("checked_facts")
