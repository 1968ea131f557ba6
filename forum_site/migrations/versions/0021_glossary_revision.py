"""glossary revision: raised on every change, so pages can keep the glossary between requests

Revision ID: 0021_glossary_revision
Revises: 0020_forum_contact
Create Date: 2026-12-04 01:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0021_glossary_revision"
down_revision = "0020_forum_contact"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("glossary_entry") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))


def downgrade():
    with op.batch_alter_table("glossary_entry") as batch:
        batch.drop_column("revision")
